"""Gemeenten without data (no workbook, or the blank template): status everywhere, never a, b or c.

Proefland (see tests/test_uitruil_e2e.py): Almelo delivered, Borne sent the blank template, Raalte and
Olst-Wijhe sent nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from regioplan import api
from regioplan.uitvraag.schrijven import schrijf_uitvraag

from .test_uitruil_e2e import asiel, bouw


@pytest.fixture
def map_(tmp_path: Path) -> Path:
    m = bouw(tmp_path / "data", almelo={"asiel": [asiel("Azc Almelo", 500)]})
    schrijf_uitvraag(m / "borne.xlsx", {"gemeente": {"naam": "Borne", "cbs_code": "GM0147"}})
    return m


def test_json_status_procesfase_en_levering(map_):
    d = api.bereken(map_).als_dict()
    per = {
        g["naam"]: (g["status"], g["leeg_sjabloon"], g["procesfase"], g["bestand"]) for g in d["gemeenten"]
    }
    assert per == {
        "Almelo": ("geleverd", False, "a", "almelo.xlsx"),
        "Borne": ("geen-gegevens", True, "", "borne.xlsx"),
        "Olst-Wijhe": ("geen-gegevens", False, "", None),
        "Raalte": ("geen-gegevens", False, "", None),
    }
    p = d["provincie"]
    assert p["procesfase"] == {
        "a": ["Almelo"],
        "b": [],
        "c": [],
        "geen_gegevens": ["Borne", "Olst-Wijhe", "Raalte"],
    }
    assert p["levering"] == {"met_gegevens": 1, "totaal": 4, "volledig": False}
    assert d["regios"]["noord"]["levering"] == {"met_gegevens": 1, "totaal": 2, "volledig": False}
    assert d["regios"]["zuid"]["procesfase"]["c"] == []  # nothing known: not "realiseert geen opvang"


def test_valideer_meldt_het_lege_sjabloon(map_):
    v = api.valideer(map_)
    leeg = [
        (b.code, b.ernst, b.bestand, b.blad, b.cel)
        for b in v.bevindingen
        if b.code == "werkboek-leeg-sjabloon"
    ]
    assert leeg == [("werkboek-leeg-sjabloon", "waarschuwing", "borne.xlsx", "Gemeente", "B4")]
    overzicht = {o["gemeente"]: (o["status"], o["gegevens"]) for o in v.overzicht}
    assert overzicht["Borne"] == ("leeg sjabloon", False)
    assert overzicht["Almelo"][1] is True
    assert overzicht["Raalte"] == ("ontbreekt", False)


def test_rapport_tekst_tabel_en_grafiek(map_, tmp_path):
    api.rapport(map_, "noord", tmp_path / "uit")
    html = (tmp_path / "uit" / "regionaal-plan-noord.html").read_text(encoding="utf-8")
    soep = BeautifulSoup(html, "html.parser")
    kop = soep.select_one("p.onvolledig").get_text(" ", strip=True)
    assert kop.startswith("1 van de 2 gemeenten leverden gegevens aan")
    assert "De 1 gemeenten van Noord die gegevens aanleverden, garanderen samen" in soep.get_text(
        " ", strip=True
    )
    tabel = soep.select_one("#tabel-procesfase")
    koppen = [th.get_text(strip=True) for th in tabel.select("thead th")]
    assert koppen[-1] == "Geen gegevens aangeleverd"
    kolommen = list(
        zip(
            *[[td.get_text(strip=True) for td in tr.select("td")] for tr in tabel.select("tbody tr")],
            strict=True,
        )
    )
    assert [x for x in kolommen[0] if x] == ["Almelo"] and [x for x in kolommen[3] if x] == ["Borne"]
    assert not [x for x in kolommen[2] if x]  # nobody in c
    borne = next(
        g for g in soep.select("#grafiek-asiel g.rij") if g.select_one("text.naam").get_text() == "Borne"
    )
    assert borne.select_one("text.waarde").get_text() == "geen gegevens / 320"
    assert borne.select("rect") == []  # no bar, no shortfall: a neutral mark
    md = (tmp_path / "uit" / "regionaal-plan-noord.md").read_text(encoding="utf-8")
    assert "**1 van de 2 gemeenten leverden gegevens aan**" in md
    assert "| Geen gegevens aangeleverd |" in md


def test_volledige_levering_zegt_niets_extra(tmp_path):
    m = bouw(tmp_path / "data", almelo={"asiel": [asiel("Azc", 10)]}, borne={}, raalte={}, olst_wijhe={})
    api.rapport(m, "noord", tmp_path / "uit")
    html = (tmp_path / "uit" / "regionaal-plan-noord.html").read_text(encoding="utf-8")
    assert "onvolledig" not in html and "Geen gegevens aangeleverd" not in html
