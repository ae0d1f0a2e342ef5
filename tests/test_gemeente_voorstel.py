"""A gemeente name that is none gets the gemeente that was meant, and examples from the province at hand.

Finding 14 of nieuwkomer 5: 'Wijchem' on the Gemeente sheet of a Gelderland workbook got the hint
"bijvoorbeeld GM0141 voor Almelo" (Overijssel) and no suggestion, while the CBS code below it (GM0296)
names Wijchen; `verdeel --gemeente Wijchem` suggested Dalfsen. Real workbooks, the CLI as a subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from regioplan import api
from regioplan.config import laad_config
from regioplan.uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag
from regioplan.voorstel import geen_gemeente, gemeentevoorstel, waarvan

from .conftest import REPO, VOORBEELD

OMGEVING = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "TZ": "Europe/Amsterdam"}
GELDERLAND = 'provincie = "gelderland"\n'
ZUID = """provincie = "gelderland"

[[regio]]
naam = "Gelderland-Zuid"
gemeenten = ["GM0296", "GM0252", "GM0268"]
"""


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args], capture_output=True, text=True, env=OMGEVING, cwd=cwd
    )


def _map(tmp_path: Path, toml: str = GELDERLAND, **kop: object) -> Path:
    m = tmp_path / "m"
    m.mkdir(exist_ok=True)
    (m / "regioplan.toml").write_text(toml, encoding="utf-8")
    schrijf_uitvraag(m / "wijchen.xlsx", {"gemeente": {"ingevuld_door": "proef", **kop}})
    return m


def _onbekend(m: Path) -> list[tuple[str, str, str, str]]:
    return sorted(
        (b.blad, b.cel, b.bericht, b.hint)
        for b in api.valideer(m).bevindingen
        if b.code == "gemeente-onbekend"
    )


@pytest.mark.parametrize(
    ("kop", "cel", "bedoeld", "voorbeeld"),
    [
        # the newcomer's case: the CBS code on the sheet names the gemeente
        (
            {"naam": "Wijchem", "cbs_code": "GM0296"},
            "B2",
            " Bedoelde je 'Wijchen' (GM0296, volgens de CBS-code)?",
            "(Wijchen, GM0296)",
        ),
        # the code wins over the closest name: it is what the workbook is counted as
        (
            {"naam": "Wijchem", "cbs_code": "GM0268"},
            "B2",
            " Bedoelde je 'Nijmegen' (GM0268, volgens de CBS-code)?",
            "(Nijmegen, GM0268)",
        ),
        # no code: the closest name of the configuration
        ({"naam": "Wijchem"}, "B2", " Bedoelde je 'Wijchen' (GM0296)?", "(Wijchen, GM0296)"),
        ({"naam": "Apeldorn"}, "B2", " Bedoelde je 'Apeldoorn' (GM0200)?", "(Apeldoorn, GM0200)"),
        # an unknown code under a good name: the name says which code
        (
            {"naam": "Wijchen", "cbs_code": "GM9999"},
            "B3",
            " Bedoelde je 'GM0296' (Wijchen, volgens de naam)?",
            "(Wijchen, GM0296)",
        ),
        # nothing close: no suggestion, an example from Gelderland itself (first in alphabetical order)
        ({"naam": "Xyzzy"}, "B2", "", "(bijvoorbeeld Aalten, GM0197)"),
    ],
)
def test_blad_gemeente(tmp_path, kop, cel, bedoeld, voorbeeld):
    (gevonden,) = _onbekend(_map(tmp_path, **kop))
    blad, gevonden_cel, bericht, hint = gevonden
    waarde = kop["naam"] if cel == "B2" else kop["cbs_code"]
    assert (blad, gevonden_cel) == ("Gemeente", cel)
    assert bericht == f"'{waarde}' is geen bekende gemeente.{bedoeld}"
    assert hint == f"Gebruik de officiële naam en CBS-code, zoals in het sjabloon {voorbeeld}."
    assert "Almelo" not in bericht + hint  # never an example from another province


def test_opgaven_rij(tmp_path):
    m = _map(tmp_path, naam="Wijchen", cbs_code="GM0296")
    schrijf_opgaven(
        m / "opgaven.xlsx",
        [
            {"cbs_code": "GM0000", "gemeente": "Beuningn", "asiel_regulier": 10},
            {"cbs_code": "", "gemeente": "Qqqq", "asiel_regulier": 10},
        ],
    )
    assert [(blad, cel, bericht) for blad, cel, bericht, _ in _onbekend(m)] == [
        ("Opgaven", "A2", "'GM0000' is geen bekende gemeente. Bedoelde je 'Beuningen' (GM0209)?"),
        ("Opgaven", "A3", "'Qqqq' is geen bekende gemeente."),
    ]


def test_voorstel_is_een_gemeente_van_de_keuze():
    """``--gemeente`` suggests only gemeenten it accepts; the finding prefers the configuration's own."""
    config = laad_config(provincie="gelderland")
    assert gemeentevoorstel("Wijchem", config) == "GM0296"
    assert gemeentevoorstel("Wijchem", config, ["GM0268", "GM0252"]) == ""  # not among the choices
    assert gemeentevoorstel("Almero", laad_config(provincie="flevoland")) == "GM0034"  # Almere
    assert gemeentevoorstel("Almero", laad_config(provincie="overijssel")) == "GM0141"  # Almelo
    fout = geen_gemeente("--gemeente", "Wijchem", config, config.gemeenten)
    assert fout.bericht == "--gemeente 'Wijchem' is geen gemeente van Gelderland. Bedoelde je 'Wijchen'?"
    assert fout.hint == "Gebruik de naam of de CBS-code, bijvoorbeeld Wijchen of GM0296."
    fout = geen_gemeente("--gemeente", "Dalfsen", config, config.gemeenten)
    assert fout.bericht == "--gemeente 'Dalfsen' is geen gemeente van Gelderland."
    assert fout.hint == "Gebruik de naam of de CBS-code, bijvoorbeeld Aalten of GM0197."


def test_cli_valideer(tmp_path):
    m = _map(tmp_path, naam="Wijchem", cbs_code="GM0296")
    r = _run("valideer", str(m))
    uit = r.stdout + r.stderr
    assert (
        "Gemeente!B2 [gemeente-onbekend] 'Wijchem' is geen bekende gemeente. Bedoelde je 'Wijchen' (GM0296, "
        "volgens de CBS-code)?" in uit
    )
    assert "zoals in het sjabloon (Wijchen, GM0296)" in uit and "Almelo" not in uit
    assert r.returncode == 1


def test_cli_bereken_gemeente_in_een_regiomap(tmp_path):
    """A folder of one regio: the suggestion and the example come from that regio, and the message does
    not call Arnhem "geen gemeente van Gelderland"."""
    m = _map(tmp_path, ZUID, naam="Wijchen", cbs_code="GM0296")
    r = _run("bereken", str(m), "--gemeente", "Wijchem")
    assert r.returncode == 2
    assert (
        "--gemeente 'Wijchem' is geen gemeente van regio Gelderland-Zuid. Bedoelde je 'Wijchen'?" in r.stderr
    )
    assert "bijvoorbeeld Wijchen of GM0296" in r.stderr and "Hengelo" not in r.stderr
    r = _run("bereken", str(m), "--gemeente", "Arnhem")
    assert r.returncode == 2
    assert "--gemeente 'Arnhem' is geen gemeente van regio Gelderland-Zuid." in r.stderr
    assert "Bedoelde je" not in r.stderr and "bijvoorbeeld Heumen of GM0252" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("gemeente", "bericht", "hint"),
    [
        (
            "Dalfsn",
            "--gemeente 'Dalfsn' is geen gemeente van Overijssel. Bedoelde je 'Dalfsen'?",
            "Dalfsen of GM0148",
        ),
        ("Wijchen", "--gemeente 'Wijchen' is geen gemeente van Overijssel.", "Almelo of GM0141"),
    ],
)
def test_cli_verdeel(gemeente, bericht, hint):
    r = _run("verdeel", str(VOORBEELD), "--gemeente", gemeente)
    assert r.returncode == 2 and bericht in r.stderr and f"bijvoorbeeld {hint}." in r.stderr


def test_cli_sjabloon(tmp_path):
    r = _run("sjabloon", "--provincie", "gelderland", "--gemeente", "Wijchem", "--uit", str(tmp_path / "w"))
    assert r.returncode == 2
    assert "'Wijchem' is geen bekende gemeente. Bedoelde je 'Wijchen'?" in r.stderr
    assert "bijvoorbeeld Wijchen of GM0296" in r.stderr and "GM0141" not in r.stderr
    assert not (tmp_path / "w").exists() or not list((tmp_path / "w").glob("*.xlsx"))


def test_cli_verloop():
    ronde2 = REPO / "voorbeelddata" / "overijssel-2025-ronde2"
    r = _run("verloop", str(VOORBEELD), str(ronde2), "--gemeente", "Hengeloo")
    assert r.returncode == 2
    assert (
        "'Hengeloo' is geen regio, gemeente of de provincie in de laatste ronde. Bedoelde je 'Hengelo'?"
        in r.stderr
    )
    assert "bijvoorbeeld Almelo of GM0141" in r.stderr


def test_waarvan():
    assert waarvan(laad_config(provincie="gelderland")) == "Gelderland"
