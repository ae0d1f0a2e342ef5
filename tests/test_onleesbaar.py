"""A gemeente's workbook that cannot be read (a CSV renamed to .xlsx, an empty file, a corrupt zip, an old
.xls) is ONE overview row of that gemeente when the file name names her: status ``onleesbaar`` with the
reason, never a nameless file row plus "Borne ontbreekt". In every output of valideer (terminal, JSON,
Markdown summary, JUnit) and in the report's list of gemeenten without usable data.

Proefland (tests/test_uitruil_e2e.py): Almelo delivered a good workbook; the others sent broken files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from regioplan import api

from .test_uitruil_e2e import asiel, bouw

KAPOT = {
    "borne.xlsx": b"gemeente;asiel\nBorne;12\n",  # a CSV with the wrong extension
    "raalte.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,  # an old Excel 97-2003 file
    "olst-wijhe.xlsx": b"PK\x03\x04" + b"\x00kapot" * 50,  # a zip that breaks off
    "GM0141.xlsx": b"",  # empty, and Almelo has a good workbook: stays a nameless file
}
ONLEESBAAR = {"Borne": "borne.xlsx", "Raalte": "raalte.xls", "Olst-Wijhe": "olst-wijhe.xlsx"}


@pytest.fixture(scope="module")
def map_(tmp_path_factory) -> Path:
    m = bouw(tmp_path_factory.mktemp("onleesbaar") / "data", almelo={"asiel": [asiel("Azc Almelo", 500)]})
    for naam, inhoud in KAPOT.items():
        (m / naam).write_bytes(inhoud)
    return m


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})},
    )


def test_overzicht_een_rij_per_gemeente(map_):
    v = api.valideer(map_)
    per_gemeente = Counter(o["gemeente"] for o in v.overzicht if o["gemeente"] not in ("", "(opgaven)"))
    assert per_gemeente == {"Almelo": 1, "Borne": 1, "Raalte": 1, "Olst-Wijhe": 1}
    rijen = {o["gemeente"]: o for o in v.overzicht}
    for gemeente, bestand in ONLEESBAAR.items():
        o = rijen[gemeente]
        assert (o["bestand"], o["status"], o["gegevens"], o["fouten"]) == (bestand, "onleesbaar", False, 1)
        assert o["reden"], gemeente
    assert "CSV" in rijen["Borne"]["reden"]
    assert not [o for o in v.overzicht if o["status"] == "ontbreekt"]
    naamloos = [o for o in v.overzicht if o["bestand"] == "GM0141.xlsx"]
    assert [(o["gemeente"], o["status"], o["reden"]) for o in naamloos] == [("", "fouten", "")]
    # the opgaven row does not say a second time that these gemeenten sent no workbook
    assert not [b for b in v.bevindingen if b.code == "gemeente-zonder-uitvraag"]


def test_zonder_werkboek_blijft_ontbreekt(tmp_path):
    """The fix keys on the file name: a gemeente with no file at all still is one "ontbreekt" row."""
    m = bouw(tmp_path / "data", almelo={"asiel": [asiel("Azc Almelo", 500)]})
    (m / "export.xlsx").write_bytes(b"")  # names no gemeente
    v = api.valideer(m)
    assert sorted(o["gemeente"] for o in v.overzicht if o["status"] == "ontbreekt") == [
        "Borne",
        "Olst-Wijhe",
        "Raalte",
    ]
    assert [o["gemeente"] for o in v.overzicht if o["bestand"] == "export.xlsx"] == [""]
    zonder = sorted(b.gemeente for b in v.bevindingen if b.code == "gemeente-zonder-uitvraag")
    assert zonder == ["GM0147", "GM0177", "GM1773"]


def test_json_en_negeer(map_):
    p = cli("valideer", str(map_), "--formaat", "json")
    assert p.returncode == 1
    rijen = json.loads(p.stdout)["overzicht"]
    assert Counter(o["gemeente"] for o in rijen)["Borne"] == 1
    assert {o["gemeente"]: o["status"] for o in rijen if o["status"] == "onleesbaar"} == dict.fromkeys(
        ONLEESBAAR, "onleesbaar"
    )
    assert all(
        set(o) == {"bestand", "gemeente", "fouten", "waarschuwingen", "status", "gegevens", "reden"}
        for o in rijen
    )
    # a silenced code does not make the unreadable workbook readable
    stil = cli("valideer", str(map_), "--formaat", "json", "--negeer", "bestand-geen-xlsx")
    borne = next(o for o in json.loads(stil.stdout)["overzicht"] if o["gemeente"] == "Borne")
    assert (borne["status"], borne["fouten"]) == ("onleesbaar", 0)


def test_terminal_markdown_en_junit(map_, tmp_path):
    p = cli("valideer", str(map_))
    assert "borne.xlsx (Borne)" in p.stdout
    tabel = p.stdout[p.stdout.index("Overzicht per bestand") :]
    regels = [r for r in tabel.splitlines() if " Borne " in f" {r} "]
    assert len(regels) == 1 and "onleesbaar" in regels[0] and "borne.xlsx" in regels[0]
    assert "ontbreekt" not in tabel

    samenvatting = tmp_path / "summary.md"
    cli("valideer", str(map_), "--formaat", "github", env={"GITHUB_STEP_SUMMARY": str(samenvatting)})
    md = samenvatting.read_text(encoding="utf-8")
    md_rijen = [r for r in md.splitlines() if r.startswith("| ") and "| Borne |" in r]
    assert len(md_rijen) == 1 and "onleesbaar: " in md_rijen[0] and "CSV" in md_rijen[0]
    assert "ontbreekt" not in md

    junit = tmp_path / "valideer.xml"
    cli("valideer", str(map_), "--formaat", "junit", "--uit", str(junit))
    namen = [c.get("name") for c in ElementTree.parse(junit).getroot().iter("testcase")]
    assert "borne.xlsx (Borne)" in namen and "raalte.xls (Raalte)" in namen
    assert not [n for n in namen if "geen werkboek" in n]
    assert not [n for n in namen if n == "borne.xlsx"]


def test_rapport_noemt_elke_gemeente_eenmaal(map_, tmp_path):
    """The banner lists each gemeente without usable data once; the Verantwoording names the file that
    could not be read instead of saying that nothing came in."""
    api.rapport(map_, "proefland", tmp_path)
    md = (tmp_path / "provinciaal-verslag-proefland.md").read_text(encoding="utf-8")
    regels = [r for r in md.splitlines() if "Geen bruikbaar werkboek van" in r]
    assert len(regels) == 2 and all("Borne, Olst-Wijhe, Raalte (" in r for r in regels)
    assert "Geen werkboek ontvangen van" not in md
    bronnen = {r.split(" | ")[0].strip("| "): r.split(" | ")[2] for r in md.splitlines() if "| GM" in r}
    assert bronnen == {
        "Almelo": "almelo.xlsx",
        "Borne": "borne.xlsx (niet te lezen)",
        "Olst-Wijhe": "olst-wijhe.xlsx (niet te lezen)",
        "Raalte": "raalte.xls (niet te lezen)",
    }
    assert "Geen gegevens aangeleverd (het werkboek borne.xlsx is niet te lezen)." in md
    html = BeautifulSoup(
        (tmp_path / "provinciaal-verslag-proefland.html").read_text(encoding="utf-8"), "html.parser"
    )
    cellen = [tr.select("td")[1].get_text() for tr in html.select("#tabel-bronnen tbody tr")]
    assert cellen == [
        "almelo.xlsx",
        "borne.xlsx (niet te lezen)",
        "olst-wijhe.xlsx (niet te lezen)",
        "raalte.xls (niet te lezen)",
    ]


def test_bereken_json_noemt_het_onleesbare_werkboek(map_):
    per = {g["naam"]: g for g in api.bereken(map_).als_dict()["gemeenten"]}
    assert per["Borne"]["onleesbaar_bestand"] == "borne.xlsx"
    assert per["Borne"]["status"] == "geen-gegevens" and per["Borne"]["bestand"] is None
    assert per["Almelo"]["onleesbaar_bestand"] is None  # GM0141.xlsx is unreadable, but Almelo has a workbook
