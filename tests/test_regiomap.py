"""A folder for part of a province (``sjabloon --regio twente`` writes a regio-only regioplan.toml) has no
provincial total: no "Totaal Overijssel" row that repeats the regio total in any output channel, no
provincial verslag, and the summary line names the regio. A folder of several (not all) regio's names them.

Real workbooks: the folder is made by the CLI, the Twente workbooks of the example data are copied in.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from regioplan import api
from regioplan.config import laad_config
from regioplan.resultaat import totaalnaam
from regioplan.tabellen import tabellen

from .conftest import VOORBEELD

TWENTE = ["almelo", "enschede", "hengelo", "wierden"]


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )


@pytest.fixture(scope="module")
def twente(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("regio") / "werkboeken"
    p = cli("sjabloon", "--regio", "twente", "--opgaven", "--uit", str(map_))
    assert p.returncode == 0, p.stderr
    for naam in TWENTE:
        shutil.copy(VOORBEELD / f"{naam}.xlsx", map_ / f"{naam}.xlsx")
    return map_


def test_config_weet_dat_de_map_een_deel_van_de_provincie_is(twente):
    config = laad_config(twente)
    assert not config.hele_provincie
    assert len(config.buiten_regios) == 11  # the IJsselland gemeenten
    assert laad_config(VOORBEELD).hele_provincie
    assert laad_config(provincie="Gelderland").hele_provincie


def test_terminal_heeft_geen_provincietotaal_en_de_samenvatting_noemt_de_regio(twente):
    p = cli("bereken", str(twente))
    assert p.returncode == 0, p.stderr
    assert "Totaal Twente" in p.stdout
    assert "Overijssel" not in p.stdout
    assert "asiel geldig in Twente " in p.stderr and "asiel geldig in Overijssel" not in p.stderr
    # the whole province keeps its total
    heel = cli("bereken", str(VOORBEELD))
    assert "Totaal Overijssel" in heel.stdout and "asiel geldig in Overijssel " in heel.stderr


def test_uitvoerbestanden_hebben_geen_provincietotaal(twente, tmp_path):
    uit = tmp_path / "uit"
    for naam in ("cijfers.xlsx", "cijfers.csv", "cijfers.json"):
        p = cli("bereken", str(twente), "--peildata", "2025-01,2025-07", "--uit", str(uit / naam))
        assert p.returncode == 0, p.stderr
    wb = load_workbook(uit / "cijfers.xlsx")
    for blad in ("asiel", "amv", "oekraine", "statushouders"):
        labels = [str(c.value) for c in wb[blad]["A"] if c.value]
        assert [x for x in labels if x.startswith("Totaal Twente (onvolledig: 4 van 14")], blad
        assert not [x for x in labels if "Overijssel" in x], blad
    tijd = [[str(c.value) for c in rij] for rij in wb["tijdlijn"].iter_rows()]
    assert not [r for r in tijd if "provincie" in r or "Overijssel" in r]
    assert [r for r in tijd if "regio" in r and "Twente" in r]
    for pad in sorted(uit.glob("cijfers-*.csv")):
        with pad.open(encoding="utf-8-sig", newline="") as f:
            tekst = f.read()
        assert "Overijssel" not in tekst, pad.name
    rijen = list(
        csv.reader((uit / "cijfers-asiel.csv").open(encoding="utf-8-sig", newline=""), delimiter=";")
    )
    assert any(r and r[0].startswith("Totaal Twente") for r in rijen)
    d = json.loads((uit / "cijfers.json").read_text(encoding="utf-8"))
    assert d["provincie"]["hele_provincie"] is False
    assert d["provincie"]["asiel"]["geldig"] == d["regios"]["twente"]["asiel"]["geldig"]
    assert json.loads(cli("bereken", str(VOORBEELD), "--formaat", "json").stdout)["provincie"][
        "hele_provincie"
    ]


def test_geen_provinciaal_verslag_uit_een_regiomap(twente, tmp_path):
    p = cli("rapport", str(twente), "--regio", "overijssel", "--uit", str(tmp_path / "a"))
    assert p.returncode == 2
    assert "[optie-ongeldig]" in p.stderr and "niet over heel Overijssel" in p.stderr
    assert "14 van de 25 gemeenten" in p.stderr and "Kies uit: twente." in p.stderr
    assert not (tmp_path / "a").exists()
    alle = cli("rapport", str(twente), "--regio", "alle", "--uit", str(tmp_path / "b"))
    assert alle.returncode == 0, alle.stderr
    assert sorted(x.name for x in (tmp_path / "b").iterdir()) == [
        "regionaal-plan-twente.html",
        "regionaal-plan-twente.md",
    ]
    zonder = cli("rapport", str(twente), "--uit", str(tmp_path / "c"))
    assert "Kies uit: twente, of 'alle'" in zonder.stderr


def test_verloop_kiest_de_regio(twente):
    p = cli("verloop", str(twente), str(twente))
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("Twente: kerncijfers")
    fout = cli("verloop", str(twente), str(twente), "--regio", "overijssel")
    assert fout.returncode == 2 and "Kies uit twente," in fout.stderr


def test_bereken_gemeente_houdt_het_provincietotaal_van_een_hele_provincie():
    r = api.bereken(VOORBEELD)
    from regioplan.resultaat import voor_gemeente

    smal = voor_gemeente(r, "GM0164")
    labels = [rij[0] for rij in tabellen(smal)[0].rijen]
    assert labels == ["Hengelo", "Totaal Twente", "Totaal Overijssel"]


def test_meer_regios_maar_niet_de_hele_provincie(tmp_path):
    """Two regio's of a province: one total over both, labelled as a part of the province."""
    map_ = tmp_path / "twee"
    map_.mkdir()
    twente = laad_config(provincie="Overijssel").regio("twente")
    assert twente is not None
    codes = ", ".join(f'"{c}"' for c in twente.gemeenten)
    (map_ / "regioplan.toml").write_text(
        'provincie = "overijssel"\n\n'
        f'[[regio]]\nnaam = "Twente"\nsleutel = "twente"\ngemeenten = [{codes}]\n\n'
        '[[regio]]\nnaam = "Vecht"\nsleutel = "vecht"\ngemeenten = ["GM0148", "GM0175"]\n',
        encoding="utf-8",
    )
    for naam in ("almelo", "dalfsen"):
        shutil.copy(VOORBEELD / f"{naam}.xlsx", map_ / f"{naam}.xlsx")
    r = api.bereken(map_)
    assert totaalnaam(r) == "Totaal Twente en Vecht (deel van Overijssel)"
    labels = [str(rij[0]) for rij in tabellen(r)[0].rijen]
    assert labels[-1].startswith("Totaal Twente en Vecht (deel van Overijssel) (onvolledig: 2 van 16")
    assert not [x for x in labels if x.startswith("Totaal Overijssel")]
    p = cli("bereken", str(map_))
    assert "asiel geldig in Twente en Vecht (deel van Overijssel) " in p.stderr
    fout = cli("rapport", str(map_), "--regio", "overijssel", "--uit", str(tmp_path / "uit"))
    assert fout.returncode == 2 and "de regio's Twente en Vecht (16 van de 25 gemeenten)" in fout.stderr


def test_verschil_heeft_geen_provinciegroep(twente, tmp_path):
    """verschil between two rounds of a one-regio folder: the changes under Twente, not again under
    Overijssel."""
    nieuw = tmp_path / "nieuw"
    shutil.copytree(twente, nieuw)
    (nieuw / "wierden.xlsx").unlink()
    p = cli("verschil", str(twente), str(nieuw))
    assert p.returncode in (0, 1), p.stderr
    assert "Twente " in p.stdout and "Overijssel" not in p.stdout
    d = json.loads(cli("verschil", str(twente), str(nieuw), "--formaat", "json").stdout)
    assert d["provincie"]["cijfers"] == []
    assert [r["naam"] for r in d["regios"] if r["cijfers"]] == ["Twente"]


def test_geen_verdeling_van_de_restopgave_uit_een_regiomap(twente):
    """The Verdeelbesluit method distributes a province's restopgave: not from a folder of one regio."""
    p = cli("verdeel", str(twente))
    assert p.returncode == 2 and "[optie-ongeldig]" in p.stderr
    assert "niet over heel Overijssel" in p.stderr and "14 van de 25 gemeenten" in p.stderr
    assert p.stdout == ""


def test_publicatiemap_van_een_regio_heet_naar_de_regio(twente, tmp_path):
    """The index of a one-regio folder's publication names the regio, not the province."""
    from bs4 import BeautifulSoup

    from regioplan.publicatie import gebied

    uit = tmp_path / "publicatie"
    p = cli("rapport", str(twente), "--publiceer", str(uit), "-f", "md")
    assert p.returncode == 0, p.stderr
    index = BeautifulSoup((uit / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.h1.get_text(strip=True) == "Opvangplannen Twente"
    assert index.title.get_text().startswith("Opvangplannen Twente – ")
    assert "Overijssel" not in index.h1.get_text()
    assert gebied(laad_config(twente)) == "Twente"
    assert gebied(laad_config(VOORBEELD)) == "Overijssel"
