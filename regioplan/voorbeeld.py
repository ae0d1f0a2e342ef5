"""Build the example workbooks from their readable TOML sources (``<map>/bron/*.toml``).

The workbooks are written by the same code as ``regioplan sjabloon``, so the example data is always
in the current format. ``python -m regioplan.voorbeeld voorbeelddata/overijssel-2024``.

A later round (``bron/ronde.toml`` with ``basis`` and ``niet_aangeleverd``) holds TOML only for the
gemeenten that changed; the workbooks of the others are copied unchanged from the ``basis`` folder
(byte for byte, so git stores them once), and those of ``niet_aangeleverd`` are left out. Build the
basis first: ``python -m regioplan.voorbeeld voorbeelddata/overijssel-2024
voorbeelddata/overijssel-2025-ronde2``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

from .config import tomllib  # type: ignore[attr-defined]  # the one TOML reader (tomllib or tomli)
from .sjablonen import bestandsnaam
from .uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag

BRON = "bron"
RONDE = "ronde.toml"


def lees_bron(pad: Path) -> dict[str, Any]:
    bron: dict[str, Any] = tomllib.loads(pad.read_text(encoding="utf-8"))
    return bron


def bouw(map_: Path) -> list[Path]:
    """Write ``opgaven.xlsx`` and one workbook per ``bron/<gemeente>.toml`` into ``map_``."""
    paden = _kopieer_basis(map_) if (map_ / BRON / RONDE).is_file() else []
    for bron in sorted((map_ / BRON).glob("*.toml")):
        if bron.name == RONDE:
            continue
        gegevens = lees_bron(bron)
        if bron.stem == "opgaven":
            rijen = [
                {**r, "asiel_totaal": r.get("asiel_regulier", 0) + r.get("asiel_amv", 0)}
                for r in gegevens["opgave"]
            ]
            paden.append(schrijf_opgaven(map_ / "opgaven.xlsx", rijen))
        else:
            paden.append(schrijf_uitvraag(map_ / bestandsnaam(gegevens["gemeente"]["naam"]), gegevens))
    return paden


def _kopieer_basis(map_: Path) -> list[Path]:
    """A later round: the basis round's workbooks of every gemeente without its own TOML here."""
    ronde = lees_bron(map_ / BRON / RONDE)
    basis = map_ / ronde["basis"]
    zonder = set(ronde.get("niet_aangeleverd", []))
    eigen = {p.stem for p in (map_ / BRON).glob("*.toml")}  # opgaven.toml too, if the targets changed
    paden = []
    for naam in sorted(zonder):
        (map_ / f"{naam}.xlsx").unlink(missing_ok=True)
    for werkboek in sorted(basis.glob("*.xlsx")):
        if werkboek.stem in zonder or werkboek.stem in eigen:
            continue
        paden.append(Path(shutil.copyfile(werkboek, map_ / werkboek.name)))
    return paden


if __name__ == "__main__":
    for m in sys.argv[1:] or ["voorbeelddata/overijssel-2024"]:
        for p in bouw(Path(m)):
            print(p)
