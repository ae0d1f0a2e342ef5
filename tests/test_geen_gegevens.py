"""Gemeenten without data (no workbook, or the blank template): status everywhere, never a, b or c.

Proefland (see tests/test_uitruil_e2e.py): Almelo delivered, Borne sent the blank template, Raalte and
Olst-Wijhe sent nothing.
"""

from __future__ import annotations

import re
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
    assert "De enige gemeente van Noord die gegevens aanleverde, garandeert" in soep.get_text(" ", strip=True)
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


def _rij(soep, tabel_id: str, naam: str):
    tabel = soep.select_one(f"#{tabel_id}")
    assert tabel is not None, tabel_id
    return next(
        tr for tr in tabel.select("tbody tr") if tr.select_one("th").get_text(" ", strip=True) == naam
    )


def _cellen(tr) -> list[tuple[str, str | None]]:
    return [(td.get_text(strip=True), td.get("colspan")) for td in tr.select("td")]


NEGATIEF = re.compile(r"^[-−]\d")


def test_kerncijfertabellen_tonen_geen_gegevens_in_plaats_van_0_en_tekort(map_, tmp_path):
    """No workbook (Raalte, Olst-Wijhe) or the blank template (Borne): the opgave stays, the figures and the
    difference are one neutral 'geen gegevens' cell; the totals say they are incomplete."""
    uit = tmp_path / "uit"
    api.rapport(map_, "noord", uit)
    api.rapport(map_, "proefland", uit)
    plan = BeautifulSoup((uit / "regionaal-plan-noord.html").read_text(encoding="utf-8"), "html.parser")
    verwacht = {
        "tabel-asiel-beeld": [("320", None), ("geen gegevens", "3")],
        "tabel-amv-beeld": [("20", None), ("geen gegevens", "3")],
        "tabel-spreidingswet": [("320", None), ("geen gegevens", "3"), ("20", None), ("geen gegevens", "2")],
        "tabel-oekraine": [("100", None), ("geen gegevens", "5")],
        "tabel-statushouders": [("10", None), ("12", None), ("geen gegevens", "7")],
    }
    for tabel_id, cellen in verwacht.items():
        borne = _rij(plan, tabel_id, "Borne")
        assert _cellen(borne) == cellen, tabel_id
        assert "geen-gegevens" in borne["class"]
        almelo = [td.get_text(strip=True) for td in _rij(plan, tabel_id, "Almelo").select("td")]
        assert "geen gegevens" not in almelo, tabel_id  # a gemeente that delivered keeps its figures
        totaal = _rij(plan, tabel_id, "Totaal Noord (onvolledig: 1 van 2 gemeenten)")
        assert totaal.select_one("span.onvolledig") is not None
    assert _cellen(_rij(plan, "tabel-spreidingswet", "Almelo"))[1] == ("500", None)
    # the opgaven table has nothing from the workbooks: no marker there
    assert _cellen(_rij(plan, "tabel-opgaven", "Borne"))[0] == ("320", None)
    assert _rij(plan, "tabel-opgaven", "Totaal Noord").select_one("span.onvolledig") is None

    kern = plan.select_one("#kerncijfers-borne")
    for tr in kern.select("tbody tr"):
        cellen = _cellen(tr)
        assert cellen[1] == ("geen gegevens", "3")
        assert not any(NEGATIEF.match(tekst) for tekst, _ in cellen)
    assert (
        _cellen(kern.select_one("tr[data-sleutel=asiel]"))[-1][0] == "het werkboek is nog het lege sjabloon"
    )
    assert "leverde geen gegevens aan" in kern.find_parent("section").get_text()
    kop = [th.get_text(" ", strip=True) for th in plan.select("#oogopslag-asiel thead th")]
    assert kop[1] == "Noord (onvolledig)"

    verslag = BeautifulSoup(
        (uit / "provinciaal-verslag-proefland.html").read_text(encoding="utf-8"), "html.parser"
    )
    raalte = _rij(verslag, "tabel-asiel-provincie", "Raalte")
    assert _cellen(raalte)[:4] == [
        ("320", None),
        ("geen gegevens", "3"),
        ("20", None),
        ("geen gegevens", "1"),
    ]
    _rij(verslag, "tabel-asiel-provincie", "Totaal Zuid (onvolledig: 0 van 2 gemeenten)")
    _rij(verslag, "tabel-oekraine-provincie", "Totaal Proefland (onvolledig: 1 van 4 gemeenten)")
    assert _cellen(_rij(verslag, "tabel-statushouders-provincie", "Olst-Wijhe"))[2] == ("geen gegevens", "4")
    assert (
        verslag.select_one("#uitsplitsing-raalte p.geen-gegevens").get_text(strip=True)
        == "Geen gegevens aangeleverd (geen werkboek ontvangen)."
    )
    assert verslag.select("#uitsplitsing-raalte table") == []
    totaal = verslag.select("#tabel-garanderen tr.totaal th")[0].get_text(" ", strip=True)
    assert totaal == "Totaal Proefland (onvolledig: 1 van 4 gemeenten)"

    md = (uit / "regionaal-plan-noord.md").read_text(encoding="utf-8")
    borne = [r for r in md.splitlines() if r.startswith("| Borne |")]
    assert borne[1:-1] == [  # [0]: opgaven table (no workbook figures); [-1]: the sources table
        "| Borne | 320 | *geen gegevens* | – | – |",
        "| Borne | 20 | *geen gegevens* | – | – |",
        "| Borne | 320 | *geen gegevens* | – | – | 20 | *geen gegevens* | – |",
        "| Borne | 100 | *geen gegevens* | – | – | – | – |",
        "| Borne | 10 | 12 | *geen gegevens* | – | – | – | – | – | – |",
    ]
    assert "| Asiel incl. amv | 320 | *geen gegevens* | – | – | het werkboek is nog het lege sjabloon |" in md
    assert "| Statushouders | 12 | *geen gegevens* | – | – |  |" in md
    assert md.count("| **Totaal Noord** (onvolledig: 1 van 2 gemeenten) |") == 5
    assert "| Plekken | Noord (onvolledig) |" in md
    for regel in borne:
        assert not re.search(r"\| -\d", regel), regel
    verslag_md = (uit / "provinciaal-verslag-proefland.md").read_text(encoding="utf-8")
    assert "| Raalte | 100 | *geen gegevens* | – | – | – | – |" in verslag_md
    assert "| **Totaal Zuid** (onvolledig: 0 van 2 gemeenten) |" in verslag_md
    assert "*Geen gegevens aangeleverd (het werkboek is nog het lege sjabloon).*" in verslag_md


def test_bereken_tabellen_tonen_geen_gegevens_en_onvolledige_totalen(map_, tmp_path):
    """Terminal, csv and xlsx: a gemeente without data keeps its opgave; its figures are empty, never 0 or
    a shortfall, and a total over it says it is incomplete."""
    import csv
    import os
    import subprocess
    import sys

    import openpyxl

    def cli(*args: str) -> str:
        p = subprocess.run(
            [sys.executable, "-m", "regioplan", "bereken", str(map_), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
        )
        assert p.returncode in (0, 1), p.stderr
        return p.stdout

    regels = cli().splitlines()
    borne = [r for r in regels if r.strip().startswith("Borne")]
    assert borne and all("geen gegevens" in r for r in borne), borne
    assert not any(re.search(r"-\d", r) for r in borne)  # no shortfall
    almelo = [r for r in regels if r.strip().startswith("Almelo")]
    assert almelo and not any("geen gegevens" in r for r in almelo)
    assert any("Totaal Noord (onvolledig: 1 van 2 gemeenten)" in r for r in regels)

    cli("--uit", str(tmp_path / "r.csv"))
    rijen = list(csv.reader((tmp_path / "r-asiel.csv").open(encoding="utf-8"), delimiter=";"))
    kop = rijen[0]
    per = {r[0]: dict(zip(kop, r, strict=True)) for r in rijen[1:]}
    assert per["Borne"]["Opgave"] != "" and per["Borne"]["Geldig"] == "" and per["Borne"]["Verschil"] == ""
    assert per["Almelo"]["Geldig"] == "500"
    assert any(n.startswith("Totaal Noord (onvolledig") for n in per)

    cli("--uit", str(tmp_path / "r.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["asiel"]
    koppen = [c.value for c in ws[1]]
    borne_xlsx = next(
        dict(zip(koppen, (c.value for c in r), strict=True))
        for r in ws.iter_rows(min_row=2)
        if r[0].value == "Borne"
    )
    assert borne_xlsx["Opgave"] and borne_xlsx["Geldig"] is None and borne_xlsx["Verschil"] is None
