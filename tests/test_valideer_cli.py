"""`regioplan valideer` as people and CI use it: output formats, policy options and exit codes.

Why: in CI the exit code and the annotations are the whole interface. 0 means clean, 1 means the
submissions fail the chosen policy, 2 means the run itself could not be done; a gemeente reading the
terminal output must see its own cell values literally.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from regioplan.api import valideer
from regioplan.bevindingen import CATALOGUS
from regioplan.cli import main
from regioplan.weergave import als_github

try:
    from . import corpus
except ImportError:  # tests/ is not a package: pytest put its folder on sys.path
    import corpus

VOORBEELD = Path(__file__).resolve().parent.parent / "voorbeelddata" / "overijssel-2024"
GEVALLEN = {g.id: g for g in corpus.GEVALLEN}
OMGEVING = {"NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam"}


def _regioplan() -> list[str]:
    script = Path(sys.executable).parent / "regioplan"
    return [str(script)] if script.exists() else [sys.executable, "-m", "regioplan"]


def _draai(*argumenten: str, cwd: Path | None = None, **omgeving: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    env.update(OMGEVING, **omgeving)
    return subprocess.run(
        [*_regioplan(), *argumenten], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


@pytest.fixture(scope="module")
def basis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.bouw_basis(tmp_path_factory.mktemp("basis") / "basis")


def _map(basis: Path, doel: Path, *gevallen: str) -> Path:
    """The base folder with the changes of the named corpus cases applied."""
    shutil.copytree(basis, doel)
    for g in gevallen:
        GEVALLEN[g].maak(doel)
    return doel


@pytest.fixture
def gemengd(basis: Path, tmp_path: Path) -> Path:
    """Fouten and waarschuwingen in several files, sheets and cells."""
    return _map(
        basis,
        tmp_path / "data",
        "getal-tekst",
        "datum-nntb",
        "kso-som",
        "opgave-totaal",
        "zonder-uitvraag",
        "kolom-onbekend",
        "telt-mee-zonder-toelichting-goo",
    )


@pytest.fixture
def alleen_waarschuwingen(basis: Path, tmp_path: Path) -> Path:
    return _map(basis, tmp_path / "data", "kolom-onbekend", "datum-verouderd")


# ---------------------------------------------------------------- the example data


def test_voorbeelddata_exit_0_als_proces() -> None:
    proces = _draai("valideer", str(VOORBEELD))
    assert proces.returncode == 0, proces.stdout + proces.stderr
    laatste = proces.stdout.rstrip().splitlines()[-1]
    assert re.fullmatch(r"26 bestanden: 0 fouten, \d+ waarschuwingen?", laatste), laatste


def test_voorbeelddata_json_zonder_fouten(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valideer", str(VOORBEELD), "--formaat", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["samenvatting"]["fouten"] == 0
    assert data["samenvatting"]["bestanden"] == 26
    assert len(data["overzicht"]) == 26
    assert {o["status"] for o in data["overzicht"]} <= {"ok", "waarschuwingen"}
    assert sum(1 for o in data["overzicht"] if o["gemeente"] and o["gemeente"] != "(opgaven)") == 25


# ---------------------------------------------------------------- json


def test_json_is_het_bibliotheekresultaat(gemengd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valideer", str(gemengd), "--formaat", "json"]) == 1
    uit = capsys.readouterr()
    data = json.loads(uit.out)
    assert data == valideer(gemengd).als_dict()
    assert uit.err.strip().splitlines()[-1] == "3 bestanden: 4 fouten, 3 waarschuwingen"
    assert " ".join(uit.err.split()).startswith(
        f"configuratie: {gemengd / 'regioplan.toml'} (provincie Proefland)"
    )
    assert data["samenvatting"] == {"bestanden": 3, "fouten": 4, "waarschuwingen": 3}
    assert set(data["bevindingen"][0]) == {
        "code",
        "ernst",
        "bericht",
        "hint",
        "bestand",
        "blad",
        "cel",
        "gemeente",
        "aantal",
    }
    assert {b["aantal"] for b in data["bevindingen"]} == {1}
    rijen = [
        (o["bestand"], o["gemeente"], o["status"], o["fouten"], o["waarschuwingen"])
        for o in data["overzicht"]
    ]
    assert rijen == [
        ("almelo.xlsx", "Almelo", "fouten", 3, 2),
        ("opgaven.xlsx", "(opgaven)", "fouten", 1, 1),
        ("zwolle.xlsx", "Zwolle", "ok", 0, 0),
        ("", "Borne", "ontbreekt", 0, 0),
    ]


def test_json_naar_bestand(gemengd: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = tmp_path / "bevindingen.json"
    assert main(["valideer", str(gemengd), "--formaat", "json", "--uit", str(uit)]) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(uit.read_text(encoding="utf-8")) == valideer(gemengd).als_dict()


# ---------------------------------------------------------------- github


_ANNOTATIE = re.compile(
    r"^::(error|warning) file=([^,:]+),title=([a-z0-9-]+)(?: ([^:,]+![A-Z]+\d+|[^:,]+))?::(.+)$"
)


def test_github_annotaties_en_samenvatting(gemengd: Path, tmp_path: Path) -> None:
    samenvatting = tmp_path / "samenvatting.md"
    samenvatting.write_text("# eerdere stap\n", encoding="utf-8")
    proces = _draai(
        "valideer", "data", "--formaat", "github", cwd=gemengd.parent, GITHUB_STEP_SUMMARY=str(samenvatting)
    )
    assert proces.returncode == 1, proces.stderr
    regels = proces.stdout.splitlines()
    bevindingen = valideer(gemengd).bevindingen
    assert len(regels) == len(bevindingen)  # no code more than VOUWGRENS times: nothing folded
    # errors first (GitHub shows only 10 per type); then each finding has its own annotation
    soorten = [r.split(" ", 1)[0] for r in regels]
    assert soorten == sorted(soorten, key=lambda s: s != "::error")
    bevindingen = sorted(bevindingen, key=lambda b: b.ernst != "fout")  # stable: same order within each
    for regel, b in zip(regels, bevindingen, strict=True):
        m = _ANNOTATIE.match(regel)
        assert m, regel
        assert m[1] == ("error" if b.ernst == "fout" else "warning")
        assert (
            m[2] == f"data/{b.bestand}"
        )  # relative to the working directory: GitHub attaches it to the file
        assert m[3] == b.code
        assert (m[4] or "") == b.plaats
    assert (
        "::error file=data/almelo.xlsx,title=getal-tekst Asiel!B2::'ca. 50' is geen getal. Hint: "
        in proces.stdout
    )
    assert "::warning file=data/almelo.xlsx,title=datum-nntb Asiel!F2::" in proces.stdout
    assert "::error file=data/opgaven.xlsx,title=opgave-totaal Opgaven!F2::" in proces.stdout
    md = samenvatting.read_text(encoding="utf-8")
    assert md.startswith("# eerdere stap\n")  # appended, never overwritten: other steps write there too
    assert "## regioplan valideer: 3 bestanden: 4 fouten, 3 waarschuwingen" in md
    assert "| almelo.xlsx | Almelo | fouten | 3 | 2 |" in md
    assert "| zwolle.xlsx | Zwolle | ok | 0 | 0 |" in md
    assert "| – | Borne | ontbreekt | 0 | 0 |" in md
    assert md.count("| fout | `") == 4 and md.count("| waarschuwing | `") == 3
    assert "| fout | `getal-tekst` | almelo.xlsx | Asiel!B2 | 'ca. 50' is geen getal. |" in md


def test_github_zonder_samenvattingsbestand(gemengd: Path) -> None:
    proces = _draai("valideer", str(gemengd), "--formaat", "github")
    assert proces.returncode == 1
    assert not list(gemengd.parent.glob("*.md"))
    assert proces.stdout.count("::error ") == 4


def test_github_ontsnapt_wat_de_opmaak_zou_breken(basis: Path, tmp_path: Path) -> None:
    """A cell value with a newline, a percent sign or '::' must not end or forge an annotation: the line
    break is shown as ``\\n`` (as on the terminal), the percent sign encoded."""
    data = _map(basis, tmp_path / "data")
    corpus.zet_cellen(data / "almelo.xlsx", "Asiel", {"B2": "50%\n::error::nep"})
    tekst = als_github(valideer(data), "data/")
    assert tekst.count("\n") == 1
    assert "'50%25\\n\\x3a:error\\x3a:nep' is geen getal." in tekst


# ---------------------------------------------------------------- junit


def test_junit(gemengd: Path, tmp_path: Path) -> None:
    uit = tmp_path / "junit.xml"
    proces = _draai("valideer", str(gemengd), "--formaat", "junit", "--uit", str(uit))
    assert proces.returncode == 1
    suite = ElementTree.parse(uit).getroot()
    assert suite.tag == "testsuite"
    gevallen = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(gevallen) == {"almelo.xlsx", "opgaven.xlsx", "zwolle.xlsx", "Borne (geen werkboek)"}
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("4", "2", "1")
    assert gevallen["Borne (geen werkboek)"].find("skipped") is not None
    almelo = gevallen["almelo.xlsx"]
    assert almelo.find("failure").get("message") == "3 fout(en)"
    assert "getal-tekst Asiel!B2: 'ca. 50' is geen getal." in almelo.find("failure").text
    assert "waarschuwing datum-nntb Asiel!F2" in almelo.find("system-out").text
    assert gevallen["zwolle.xlsx"].find("failure") is None


def test_junit_meldt_mapbevindingen_als_eigen_geval(
    basis: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _map(basis, tmp_path / "data", "opgaven-ontbreekt")
    assert main(["valideer", str(data), "--formaat", "junit"]) == 1
    suite = ElementTree.fromstring(capsys.readouterr().out)
    kaart = next(c for c in suite.iter("testcase") if c.get("name") == "(map)")
    assert "opgaven-ontbreekt" in kaart.find("failure").text
    assert suite.get("tests") == str(len(list(suite.iter("testcase"))))


# ---------------------------------------------------------------- policy: --faal-op, --strikt, --negeer


def test_waarschuwingen_falen_alleen_als_gevraagd(
    alleen_waarschuwingen: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = str(alleen_waarschuwingen)
    assert main(["valideer", pad]) == 0
    assert main(["valideer", pad, "--faal-op", "fout"]) == 0
    assert main(["valideer", pad, "--strikt"]) == 1
    assert main(["valideer", pad, "--faal-op", "waarschuwing"]) == 1
    assert main(["valideer", pad, "--strikt", "--negeer", "kolom-onbekend"]) == 1
    assert (
        main(["valideer", pad, "--strikt", "--negeer", "kolom-onbekend", "--negeer", "datum-verouderd"]) == 0
    )
    capsys.readouterr()


def test_fouten_falen_altijd(gemengd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valideer", str(gemengd)]) == 1
    assert main(["valideer", str(gemengd), "--faal-op", "waarschuwing"]) == 1
    capsys.readouterr()


def test_negeer_haalt_de_code_weg_uit_elke_vorm(gemengd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fouten = ["getal-tekst", "kso-som", "opgave-totaal", "telt-mee-zonder-toelichting"]
    argumenten = [x for code in fouten for x in ("--negeer", code)]
    assert main(["valideer", str(gemengd), "--formaat", "json", *argumenten]) == 0
    data = json.loads(capsys.readouterr().out)
    codes = {b["code"] for b in data["bevindingen"]}
    assert codes == {"datum-nntb", "gemeente-zonder-uitvraag", "kolom-onbekend"}
    assert data["samenvatting"] == {"bestanden": 3, "fouten": 0, "waarschuwingen": 3}
    assert [(o["gemeente"], o["status"]) for o in data["overzicht"]] == [
        ("Almelo", "waarschuwingen"),
        ("(opgaven)", "waarschuwingen"),
        ("Zwolle", "ok"),
        ("Borne", "ontbreekt"),
    ]
    assert main(["valideer", str(gemengd), "--formaat", "github", *argumenten]) == 0
    assert "::error" not in capsys.readouterr().out


def test_negeer_onbekende_code_is_gebruiksfout(gemengd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valideer", str(gemengd), "--negeer", "getal-tkst"]) == 2
    assert "getal-tkst" in capsys.readouterr().err


# ---------------------------------------------------------------- exit 2: the run itself failed


def test_niet_bestaand_pad_exit_2(tmp_path: Path) -> None:
    proces = _draai("valideer", str(tmp_path / "bestaat-niet"))
    assert proces.returncode == 2
    assert "bestaat niet" in proces.stderr
    assert "Traceback" not in proces.stderr and proces.stdout == ""


@pytest.mark.parametrize(
    "inhoud",
    [
        "[[regio]\nnaam = 'Noord'\n",  # not TOML
        '[[regio]]\nnaam = "Noord"\ngemeenten = ["Almelo"]\n',  # a name where a CBS code belongs
        '[cyclus]\nactief_uiterlijk = "1 juli"\n',  # a date as text
        '[[regio]]\nnaam = "Noord"\n',  # no gemeenten
        'regio = "twente"\n',  # a text where the list of regio tables belongs
        '[[regio]]\nnaam = "Noord"\ngemeenten = "GM0141"\n',  # one code, not a list
        '[aliassen]\n"Hengelo (O)" = 164\n',  # a number where a code belongs
        '[[regio]]\nnaam = 5\ngemeenten = ["GM0141"]\n',  # a number as name
    ],
    ids=[
        "geen-toml",
        "geen-cbs-code",
        "datum-als-tekst",
        "sleutel-ontbreekt",
        "regio-als-tekst",
        "gemeenten-als-tekst",
        "alias-als-getal",
        "naam-als-getal",
    ],
)
def test_kapotte_config_exit_2(basis: Path, tmp_path: Path, inhoud: str) -> None:
    data = _map(basis, tmp_path / "data")
    (data / "regioplan.toml").write_text(inhoud, encoding="utf-8")
    proces = _draai("valideer", str(data))
    assert proces.returncode == 2, proces.stdout + proces.stderr
    assert "config-ongeldig" in proces.stderr and "regioplan.toml" in proces.stderr
    assert "Traceback" not in proces.stderr and "interne fout" not in proces.stderr


def test_kapotte_config_ook_bij_een_enkel_bestand(basis: Path, tmp_path: Path) -> None:
    data = _map(basis, tmp_path / "data")
    (data / "regioplan.toml").write_text("[[regio]\n", encoding="utf-8")
    assert _draai("valideer", str(data / "almelo.xlsx")).returncode == 2


@pytest.mark.parametrize(
    "argumenten",
    [
        ["--config", "bestaat-niet.toml"],
        ["--formaat", "xml"],
        ["--faal-op", "altijd"],
        ["--uit", "bevindingen.txt"],  # --uit is for the machine formats
    ],
    ids=["config-ontbreekt", "formaat", "faal-op", "uit-bij-tekst"],
)
def test_gebruiksfouten_exit_2(gemengd: Path, argumenten: list[str]) -> None:
    proces = _draai("valideer", str(gemengd), *argumenten, cwd=gemengd)
    assert proces.returncode == 2, proces.stdout + proces.stderr
    assert "Traceback" not in proces.stderr
    assert not (gemengd / "bevindingen.txt").exists()


# ---------------------------------------------------------------- tekst


def test_tekst_toont_waarden_letterlijk(basis: Path, tmp_path: Path) -> None:
    """Rich markup in a cell ('[Noord]', '[bold]') is the gemeente's text, not formatting."""
    data = _map(basis, tmp_path / "data")
    corpus.zet_cellen(data / "opgaven.xlsx", "Opgaven", {"C2": "[Zuid]"})
    corpus.zet_cellen(data / "almelo.xlsx", "Asiel", {"A2": "[Noord]", "B3": "[red]veel[/red]"})
    corpus.kopieer_rij(data / "almelo.xlsx", "Asiel", 2)
    proces = _draai("valideer", str(data), COLUMNS="200")
    assert proces.returncode == 1
    assert "'[Noord]' staat twee keer op dit blad met dezelfde gegevens (ook rij 2)." in proces.stdout
    assert (
        "Almelo staat in het opgaven-werkboek bij regio '[Zuid]', de configuratie zegt 'Noord'."
        in proces.stdout
    )
    assert "'[red]veel[/red]' is geen getal." in proces.stdout
    assert "\x1b[" not in proces.stdout  # NO_COLOR


def test_tekst_groepeert_per_bestand_met_overzicht_en_samenvatting(gemengd: Path) -> None:
    proces = _draai("valideer", str(gemengd), COLUMNS="200")
    assert proces.returncode == 1
    regels = proces.stdout.splitlines()
    kop_almelo = regels.index("almelo.xlsx (Almelo)")
    kop_opgaven = regels.index("opgaven.xlsx (opgaven)")
    assert kop_almelo < kop_opgaven
    almelo = "\n".join(regels[kop_almelo:kop_opgaven])
    assert "FOUT Asiel!B2 [getal-tekst] 'ca. 50' is geen getal." in almelo
    assert "waarschuwing Asiel!F2 [datum-nntb]" in almelo
    assert "hint: Vul een geheel getal in" in almelo
    assert "opgave-totaal" not in almelo
    assert "Overzicht per bestand" in proces.stdout
    assert re.search(r"^ zwolle\.xlsx +Zwolle +ok +0 +0 *$", proces.stdout, re.MULTILINE)
    assert re.search(r"^ – +Borne +ontbreekt +0 +0 *$", proces.stdout, re.MULTILINE)
    assert regels[-1] == "3 bestanden: 4 fouten, 3 waarschuwingen"


def test_schone_map_tekst(basis: Path) -> None:
    proces = _draai("valideer", str(basis))
    assert proces.returncode == 0
    assert proces.stdout.rstrip().splitlines()[-1] == "4 bestanden: 0 fouten, 0 waarschuwingen"
    assert "FOUT" not in proces.stdout


# ---------------------------------------------------------------- one file on its own


def test_een_bestand_los_zonder_mapcontroles(
    basis: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A gemeente's pre-check: only its own workbook, no complaints about missing opgaven or other gemeenten."""
    data = _map(basis, tmp_path / "data", "getal-tekst", "zonder-uitvraag")
    assert main(["valideer", str(data / "almelo.xlsx"), "--formaat", "json"]) == 1
    resultaat = json.loads(capsys.readouterr().out)
    assert [(b["code"], b["bestand"], b["cel"]) for b in resultaat["bevindingen"]] == [
        ("getal-tekst", "almelo.xlsx", "B2")
    ]
    assert resultaat["samenvatting"]["bestanden"] == 1
    assert main(["valideer", str(data / "zwolle.xlsx")]) == 0
    capsys.readouterr()


def test_een_bestand_gebruikt_de_config_van_zijn_map(
    basis: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _map(basis, tmp_path / "data", "buiten-indeling")
    assert main(["valideer", str(data / "dronten.xlsx"), "--formaat", "json"]) == 1
    b = json.loads(capsys.readouterr().out)["bevindingen"]
    assert [x["bericht"] for x in b] == [
        "Dronten (GM0303) hoort niet bij provincie Proefland (Dronten ligt in Flevoland).",
        "Het werkboek van Dronten is nog het lege sjabloon: er is niets ingevuld behalve naam en CBS-code.",
    ]


def test_elke_catalogus_code_is_te_negeren(gemengd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argumenten = [x for code in CATALOGUS for x in ("--negeer", code)]
    assert main(["valideer", str(gemengd), "--strikt", *argumenten]) == 0
    assert capsys.readouterr().out.rstrip().splitlines()[-1] == "3 bestanden: 0 fouten, 0 waarschuwingen"
