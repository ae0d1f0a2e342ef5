"""`--regio` with a regio of another province than the configuration's: say which province it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from regioplan.indeling import ingebouwde_regio

from .conftest import VOORBEELD


def regioplan(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=cwd,
    )


def test_ingebouwde_regio_op_sleutel_en_naam():
    assert ingebouwde_regio("gelderland-zuid") == ("Gelderland", "Gelderland-Zuid")
    assert ingebouwde_regio("Gelderland-Zuid") == ("Gelderland", "Gelderland-Zuid")
    assert ingebouwde_regio("twente") == ("Overijssel", "Twente")
    assert ingebouwde_regio("regio-utrecht") == ("Utrecht", "Regio Utrecht")
    assert ingebouwde_regio("bestaat-niet") is None
    assert ingebouwde_regio("") is None


def test_sjabloon_regio_van_andere_provincie_noemt_de_provincie(tmp_path):
    proces = regioplan("sjabloon", "--regio", "gelderland-zuid", "--opgaven", "--uit", "w", cwd=tmp_path)
    assert proces.returncode == 2
    assert (
        "fout [optie-ongeldig]: 'gelderland-zuid' is een regio van Gelderland, niet van Overijssel"
        in proces.stderr
    )
    assert (
        "Geef ook --provincie gelderland: regioplan sjabloon --provincie gelderland --regio gelderland-zuid."
        in (proces.stderr)
    )
    assert not (tmp_path / "w").exists()
    goed = regioplan(
        "sjabloon", "--provincie", "gelderland", "--regio", "gelderland-zuid", "--uit", "w", cwd=tmp_path
    )
    assert goed.returncode == 0, goed.stderr
    assert (tmp_path / "w" / "nijmegen.xlsx").is_file()


def test_rapport_regio_van_andere_provincie(tmp_path):
    proces = regioplan(
        "rapport", str(VOORBEELD), "--regio", "Gelderland-Zuid", "--uit", str(tmp_path / "uit")
    )
    assert proces.returncode == 2
    assert (
        "--regio 'Gelderland-Zuid' is een regio van Gelderland, maar de configuratie is die van Overijssel"
        in (proces.stderr)
    )
    assert "Kies anders uit: twente, ijsselland, overijssel." in proces.stderr


def test_onbekende_regio_noemt_de_keuzes(tmp_path):
    proces = regioplan("sjabloon", "--regio", "bestaat-niet", "--uit", "w", cwd=tmp_path)
    assert proces.returncode == 2
    assert "Regio 'bestaat-niet' bestaat niet in de configuratie." in proces.stderr
    assert "Kies uit: twente, ijsselland." in proces.stderr
