"""`regioplan bereken` end to end: JSON equals the library, exports, --uitleg, --peildata, no formulas from
text."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from regioplan.api import bereken
from regioplan.cli import main

from .conftest import VOORBEELD

OMGEVING = {"NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam", "PATH": ""}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args], capture_output=True, text=True, env=OMGEVING
    )


def test_json_is_het_bibliotheekresultaat():
    r = _run("bereken", str(VOORBEELD), "--formaat", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == json.loads(json.dumps(bereken(VOORBEELD).als_dict()))
    assert "asiel geldig in Overijssel 3.864 van 6.325" in r.stderr


def test_json_schema_bevat_de_gedocumenteerde_velden():
    d = bereken(VOORBEELD).als_dict()
    g = d["gemeenten"][0]
    assert {"naam", "cbs_code", "regio", "asiel", "oekraine", "statushouders"} <= set(g)
    assert {
        "opgave",
        "opgave_regulier",
        "opgave_amv",
        "geldig",
        "geldig_amv",
        "voornemens",
        "voornemens_amv",
        "verschil",
        "vaste_voorraad",
    } <= set(g["asiel"])
    assert {"opgave", "realisatie", "verschil", "poo"} <= set(g["oekraine"])
    assert {"taakstelling", "taakstelling_incl", "realisatie"} <= set(g["statushouders"])
    assert set(d["regios"]) == {"twente", "ijsselland"} and d["provincie"]["asiel"]["geldig"] == 3864


def test_uitleg_hengelo_noemt_regel_override_en_opvolger():
    r = _run("bereken", str(VOORBEELD), "--gemeente", "Hengelo", "--uitleg")
    assert r.returncode == 0, r.stderr
    tekst = " ".join(r.stdout.split())
    assert "Havezatenlaan" in tekst and "bewuste afwijking" in tekst
    assert "Hazenweg 121" in tekst and "eindigt" in tekst
    assert "Geldig 425" in tekst


def test_tekstweergave_heeft_nederlandse_getallen_en_totalen():
    r = _run("bereken", str(VOORBEELD))
    assert r.returncode == 0
    assert (
        "Totaal Overijssel" in r.stdout
        and "6.325" in r.stdout
        and "3.864" in r.stdout
        and "-1.409" in r.stdout
    )


def test_peildata_tijdlijn_in_json_en_xlsx(tmp_path: Path):
    r = _run("bereken", str(VOORBEELD), "--peildata", "2025-01..2025-03", "--formaat", "json")
    t = json.loads(r.stdout)["tijdlijn"]
    assert t["peildata"] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    prov = [x for x in t["rijen"] if x["niveau"] == "provincie"]
    assert prov and all(len(x["waarden"]) == 3 for x in prov)
    assert _run("bereken", str(VOORBEELD), "--peildata", "januari").returncode == 2


def test_xlsx_en_csv_export_laten_tekst_geen_formule_worden(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(VOORBEELD, data, ignore=shutil.ignore_patterns("bron", "notities", "*.md"))
    wb = openpyxl.load_workbook(data / "almelo.xlsx")
    wb["Asiel"]["A2"] = '=HYPERLINK("http://example.invalid","klik")'
    wb["Asiel"]["A2"].data_type = "s"
    wb.save(data / "almelo.xlsx")
    assert main(["bereken", str(data), "--uit", str(tmp_path / "resultaten.xlsx")]) == 0
    uit = openpyxl.load_workbook(tmp_path / "resultaten.xlsx")
    assert {"asiel", "amv", "oekraine", "statushouders", "locaties"} <= set(uit.sheetnames)
    cel = next(c for row in uit["locaties"].iter_rows() for c in row if str(c.value).startswith("=HYPERLINK"))
    assert cel.data_type == "s"
    assert uit["asiel"].freeze_panes == "B2" and uit["asiel"].auto_filter.ref
    assert main(["bereken", str(data), "--uit", str(tmp_path / "resultaten.csv")]) == 0
    locaties = (tmp_path / "resultaten-locaties.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in locaties and "\n=HYPERLINK" not in locaties
    assert (
        (tmp_path / "resultaten-asiel.csv")
        .read_text(encoding="utf-8")
        .startswith("\ufeffGemeente;Regio;Opgave;Geldig")
    )


def test_werkboekwaarde_met_blokhaken_komt_letterlijk_in_terminal(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(VOORBEELD, data, ignore=shutil.ignore_patterns("bron", "notities", "*.md"))
    wb = openpyxl.load_workbook(data / "almelo.xlsx")
    wb["Asiel"]["A2"] = "[Noord] [bold]x[/bold]"
    wb.save(data / "almelo.xlsx")
    r = _run("bereken", str(data), "--gemeente", "Almelo", "--uitleg")
    assert "[Noord] [bold]x[/bold]" in r.stdout


@pytest.mark.parametrize("breedte", ["100", "50"])
def test_tabellen_kappen_nooit_een_naam_of_getal_af(breedte):
    r = subprocess.run(
        [sys.executable, "-m", "regioplan", "bereken", str(VOORBEELD)],
        capture_output=True,
        text=True,
        env={**OMGEVING, "COLUMNS": breedte},
    )
    assert r.returncode == 0, r.stderr
    assert "…" not in r.stdout
    regels = [" ".join(regel.split()) for regel in r.stdout.splitlines()]
    assert "Totaal Overijssel 6.325 3.864 -2.461 61% 1.835 5.699 90% 1.238" in regels
    assert "Rijssen-Holten 230 250 +20 109% 0 250 109% 250" in regels
