"""Vaste voorraad COA in the reports: a typed 0 shows as 0, an empty cell as "–" (finding 17 of nieuwkomer 5).

The rule is one property, ``AsielCijfers.vaste_voorraad_opgegeven``; every table of both reports (md and
html) shows it. Proefland (see tests/test_uitruil_e2e.py): in opgaven.xlsx Almelo and Borne left the cell
empty (regio Noord: "–" up to its total), Olst-Wijhe typed 0 and Raalte 40 (regio Zuid: 0 and 40, total 40).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from regioplan import api
from regioplan.uitvraag.schrijven import schrijf_opgaven

from .test_uitruil_e2e import GEMEENTEN, NAMEN, asiel, bouw

VASTE_VOORRAAD = {"almelo": None, "borne": None, "raalte": 40, "olst-wijhe": 0}


def _opgaven(m: Path, vaste_voorraad: dict[str, int | None]) -> None:
    schrijf_opgaven(
        m / "opgaven.xlsx",
        [
            {
                "cbs_code": code,
                "gemeente": NAMEN[sleutel],
                "regio": "Noord" if sleutel in ("almelo", "borne") else "Zuid",
                "asiel_regulier": 300,
                "asiel_amv": 20,
                "asiel_totaal": 320,
                "vaste_voorraad": vaste_voorraad[sleutel],  # None: the cell stays empty
                "oekraine": 100,
                "statushouders_taakstelling": 10,
                "statushouders_incl": 12,
            }
            for sleutel, code in GEMEENTEN.items()
        ],
    )


@pytest.fixture(scope="module")
def uit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    basis = tmp_path_factory.mktemp("vaste-voorraad")
    m = bouw(
        basis / "data", almelo={"asiel": [asiel("Azc Almelo", 500)]}, raalte={"asiel": [asiel("Azc", 50)]}
    )
    _opgaven(m, VASTE_VOORRAAD)
    uit = basis / "uit"
    api.rapport(m, "alle", uit, formaten=("md", "html"))
    return uit


def _html(uit: Path, naam: str) -> BeautifulSoup:
    return BeautifulSoup((uit / naam).read_text(encoding="utf-8"), "html.parser")


def _kolom(soep: BeautifulSoup, tabel_id: str, kop: str = "Vaste voorraad COA") -> dict[str, str]:
    """Row heading -> the text of the column ``kop`` in table ``tabel_id``."""
    tabel = soep.select_one(f"table#{tabel_id}")
    koppen = [th.get_text(" ", strip=True) for th in tabel.select("thead tr")[-1].find_all(["th", "td"])]
    i = koppen.index(kop) - 1  # the first column is the row's <th>
    uit = {}
    for tr in tabel.select("tbody tr"):
        th = tr.find("th")
        if th is not None and not th.get_text(strip=True).startswith("↳"):
            kolom = 0  # a gemeente without data has one "geen gegevens" cell over several columns
            for td in tr.find_all("td"):
                if kolom == i:
                    # "Totaal Noord (onvolledig: 1 van 2 gemeenten)" -> "Totaal Noord"
                    uit[th.get_text(" ", strip=True).split(" (")[0]] = td.get_text(strip=True)
                kolom += int(td.get("colspan", 1))
    return uit


def test_de_regel_in_het_resultaat(tmp_path):
    m = bouw(tmp_path / "data")
    _opgaven(m, VASTE_VOORRAAD)
    r = api.bereken(m)
    per = {g.naam: g.asiel.vaste_voorraad_opgegeven for g in r.gemeenten}
    assert per == {"Almelo": None, "Borne": None, "Raalte": 40, "Olst-Wijhe": 0}
    assert {k: b.asiel.vaste_voorraad_opgegeven for k, b in r.regios.items()} == {"noord": None, "zuid": 40}
    assert r.provincie.asiel.vaste_voorraad_opgegeven == 40
    # the JSON keeps its number (0 for an empty cell) and has no new key
    d = r.als_dict()
    assert {g["naam"]: g["asiel"]["vaste_voorraad"] for g in d["gemeenten"]} == {
        "Almelo": 0,
        "Borne": 0,
        "Olst-Wijhe": 0,
        "Raalte": 40,
    }
    assert "vaste_voorraad_ingevuld" not in d["gemeenten"][0]["asiel"]
    # all empty: "none" up to the province; all typed 0: 0 up to the province
    _opgaven(m, dict.fromkeys(VASTE_VOORRAAD))
    r = api.bereken(m)
    assert (r.provincie.asiel.vaste_voorraad_opgegeven, r.provincie.asiel.vaste_voorraad) == (None, 0)
    _opgaven(m, dict.fromkeys(VASTE_VOORRAAD, 0))
    assert api.bereken(m).provincie.asiel.vaste_voorraad_opgegeven == 0


def test_regionaal_plan_html_en_md(uit):
    soep = _html(uit, "regionaal-plan-noord.html")
    assert _kolom(soep, "tabel-opgaven") == {"Almelo": "–", "Borne": "–", "Totaal Noord": "–"}
    assert _kolom(_html(uit, "regionaal-plan-zuid.html"), "tabel-opgaven") == {
        "Olst-Wijhe": "0",  # the newcomer's case: a typed 0
        "Raalte": "40",
        "Totaal Zuid": "40",
    }
    md = (uit / "regionaal-plan-zuid.md").read_text(encoding="utf-8")
    assert "| Olst-Wijhe | 320 | 300 | 20 | 0 | 100 | 10 | 12 |" in md
    md = (uit / "regionaal-plan-noord.md").read_text(encoding="utf-8")
    assert "| Borne | 320 | 300 | 20 | – | 100 | 10 | 12 |" in md
    assert "| **Totaal Noord** | 640 | 600 | 40 | – | 200 | 20 | 24 |" in md


def _overzicht(soep: BeautifulSoup) -> list[str]:
    tr = soep.select_one("tr[data-sleutel=vaste_voorraad]")
    return [td.get_text(strip=True) for td in tr.find_all("td")]


def test_in_een_oogopslag(uit):
    """The overview table (a column per level) follows the same rule."""
    assert _overzicht(_html(uit, "regionaal-plan-noord.html")) == ["–"]
    assert _overzicht(_html(uit, "regionaal-plan-zuid.html")) == ["40"]
    assert _overzicht(_html(uit, "provinciaal-verslag-proefland.html")) == ["40", "–", "40"]
    regel = "| Vaste voorraad COA (resterende looptijd minstens 5 jaar) |"
    assert f"{regel} – |" in (uit / "regionaal-plan-noord.md").read_text(encoding="utf-8")
    assert f"{regel} 40 | – | 40 |" in (uit / "provinciaal-verslag-proefland.md").read_text(encoding="utf-8")


def test_provinciaal_verslag_html_en_md(uit):
    soep = _html(uit, "provinciaal-verslag-proefland.html")
    kolom = _kolom(soep, "tabel-asiel-provincie")
    assert {
        k: kolom[k] for k in ("Almelo", "Borne", "Raalte", "Olst-Wijhe", "Totaal Noord", "Totaal Zuid")
    } == {
        "Almelo": "–",
        "Borne": "–",
        "Raalte": "40",
        "Olst-Wijhe": "0",
        "Totaal Noord": "–",
        "Totaal Zuid": "40",
    }
    md = (uit / "provinciaal-verslag-proefland.md").read_text(encoding="utf-8").splitlines()
    begin = next(i for i, r in enumerate(md) if r.endswith("| Amv-realisatie | Vaste voorraad COA |"))
    einde = md.index("", begin)
    laatste = {r.split("|")[1].strip(): r.split("|")[-2].strip() for r in md[begin + 2 : einde]}
    assert laatste["Borne"] == "–" and laatste["Olst-Wijhe"] == "0" and laatste["Raalte"] == "40"
    assert [v for k, v in laatste.items() if k.startswith("**Totaal Noord")] == ["–"]
