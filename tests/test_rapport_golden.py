"""Golden files of the three reports on the example data, and the published headline figures in them.

The golden files in tests/golden/ are rewritten ONLY with REGIOPLAN_GOLDEN_BIJWERKEN=1 (``make golden``);
otherwise every byte must match. The headline figures are read back from the rendered HTML (and the
Markdown) and compared with the figures published in the provincial report of Overijssel (Oct. 2024).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from regioplan.api import rapport

from .conftest import REPO, VOORBEELD

GOLDEN = REPO / "tests" / "golden"
BIJWERKEN = os.environ.get("REGIOPLAN_GOLDEN_BIJWERKEN") == "1"

RAPPORTEN = {
    "twente": "regionaal-plan-twente",
    "ijsselland": "regionaal-plan-ijsselland",
    "overijssel": "provinciaal-verslag-overijssel",
}

#: Published in "Opgave, realisatie en voornemens in één oogopslag" (provincial report, chapter 2).
GEPUBLICEERD = {
    "Overijssel": {"asiel": ("6.325", "3.864", "1.835", "5.699"), "amv": ("538", "130", "50", "180")},
    "Twente": {"asiel": ("3.275", "1.866", "556", "2.422"), "amv": ("278", "56", "0", "56")},
    "IJsselland": {"asiel": ("3.050", "1.998", "1.279", "3.277"), "amv": ("260", "74", "50", "124")},
}
RIJEN = ("opgave", "geldig", "voornemens", "geldig_plus_voornemens")


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("rapporten")
    for regio in RAPPORTEN:
        rapport(VOORBEELD, regio, uit, formaten=("md", "html"), datum=None, sjablonen=None, config=None)
    return uit


@pytest.mark.parametrize("formaat", ["md", "html"])
@pytest.mark.parametrize("regio", list(RAPPORTEN))
def test_rapport_gelijk_aan_golden(uitvoer, regio, formaat):
    naam = f"{RAPPORTEN[regio]}.{formaat}"
    nieuw = (uitvoer / naam).read_bytes()
    golden = GOLDEN / naam
    if BIJWERKEN:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(nieuw)
    assert golden.is_file(), f"{golden} ontbreekt; maak hem met `make golden` en controleer de wijziging."
    assert nieuw == golden.read_bytes(), (
        f"{naam} wijkt af van tests/golden/{naam}. Bewust gewijzigd? Draai `make golden` en bekijk de diff."
    )


def oogopslag(html: str, doelgroep: str) -> dict[str, dict[str, str]]:
    """Table ``#oogopslag-<doelgroep>`` as ``{rij-sleutel: {kolomkop: celtekst}}``."""
    tabel = BeautifulSoup(html, "html.parser").find("table", id=f"oogopslag-{doelgroep}")
    assert tabel is not None, f"tabel oogopslag-{doelgroep} ontbreekt"
    koppen = [th.get_text(strip=True) for th in tabel.thead.find_all("th")][1:]
    uit = {}
    for tr in tabel.tbody.find_all("tr"):
        cellen = [td.get_text(strip=True) for td in tr.find_all("td")]
        uit[tr["data-sleutel"]] = dict(zip(koppen, cellen, strict=True))
    return uit


@pytest.mark.parametrize("regio", list(RAPPORTEN))
def test_kopcijfers_gelijk_aan_gepubliceerd(uitvoer, regio):
    html = (uitvoer / f"{RAPPORTEN[regio]}.html").read_text(encoding="utf-8")
    niveaus = (
        list(GEPUBLICEERD)
        if regio == "overijssel"
        else [{"twente": "Twente", "ijsselland": "IJsselland"}[regio]]
    )
    for doelgroep in ("asiel", "amv"):
        tabel = oogopslag(html, doelgroep)
        assert list(next(iter(tabel.values()))) == niveaus
        for niveau in niveaus:
            gevonden = tuple(tabel[r][niveau] for r in RIJEN)
            assert gevonden == GEPUBLICEERD[niveau][doelgroep], (regio, doelgroep, niveau)


def test_provincie_percentages(uitvoer):
    html = (uitvoer / "provinciaal-verslag-overijssel.html").read_text(encoding="utf-8")
    tabel = oogopslag(html, "asiel")
    assert tabel["percentage"]["Overijssel"] == "61%"
    assert tabel["percentage_plus_voornemens"]["Overijssel"] == "90%"
    assert tabel["vaste_voorraad"] == {"Overijssel": "1.238", "Twente": "688", "IJsselland": "550"}


def _md_tabel(md: str, kop: str) -> list[list[str]]:
    """The rows of the first GFM table after the bold line ``**kop**``."""
    blok = md.split(f"**{kop}**", 1)[1].strip().split("\n\n", 1)[0]
    return [[c.strip() for c in regel.strip("|").split("|")] for regel in blok.splitlines()]


def test_kopcijfers_ook_in_markdown(uitvoer):
    md = (uitvoer / "provinciaal-verslag-overijssel.md").read_text(encoding="utf-8")
    rijen = _md_tabel(md, "Opvangplekken asiel incl. amv: opgave, realisatie en voornemens")
    assert rijen[0] == ["Plekken", "Overijssel", "Twente", "IJsselland"]
    waarden = {r[0].strip("*"): [c.strip("*") for c in r[1:]] for r in rijen[2:]}
    assert waarden["Asielopgave incl. amv"] == ["6.325", "3.275", "3.050"]
    assert waarden["Realisatie 1e cyclus Spreidingswet"] == ["3.864", "1.866", "1.998"]
    assert waarden["Bestuurlijke voornemens"] == ["1.835", "556", "1.279"]
    assert waarden["Realisatie + bestuurlijke voornemens"] == ["5.699", "2.422", "3.277"]
    assert waarden["Realisatie + voornemens in % van de opgave"][0] == "90%"


def test_cli_in_apart_proces_geeft_dezelfde_bytes(uitvoer, tmp_path):
    """A fresh interpreter (other hash seed) writes byte-identical files: nothing depends on set order or
    time."""
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "TZ": "Europe/Amsterdam",
        "PYTHONHASHSEED": "12345",
    }
    bin_ = Path(sys.executable).parent / "regioplan"
    proces = subprocess.run(
        [str(bin_), "rapport", str(VOORBEELD), "--regio", "twente", "--uit", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proces.returncode == 0, proces.stderr
    assert "geschreven:" in proces.stdout + proces.stderr
    for formaat in ("md", "html"):
        naam = f"regionaal-plan-twente.{formaat}"
        assert (tmp_path / naam).read_bytes() == (uitvoer / naam).read_bytes(), naam


def test_markdowntabellen_hebben_overal_evenveel_kolommen(uitvoer):
    """User text with '|' must never add a column: every row has as many cells as its header."""
    for pad in sorted(uitvoer.glob("*.md")):
        regels = pad.read_text(encoding="utf-8").splitlines()
        aantal = 0
        for i, regel in enumerate(regels, start=1):
            if not regel.startswith("|"):
                aantal = 0
                continue
            cellen = len(re.findall(r"(?<!\\)\|", regel)) - 1
            if aantal == 0:
                aantal = cellen
            assert cellen == aantal, f"{pad.name}, regel {i}: {cellen} cellen in plaats van {aantal}"
