"""The documentation tells the truth: generated files match their sources, written files match the tool.

Why: the coordinator works from the documentation alone. A renamed option, a new finding code or a new
column that the docs do not show is a manual that lies. Generated docs are compared with a fresh
generation (drift); hand-written docs are checked against the real ``--help`` and the configuration.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from regioplan import docs
from regioplan.bevindingen import CATALOGUS
from regioplan.cli import main
from regioplan.config import laad_config
from regioplan.indeling import zoek_provincie
from regioplan.uitvraag.schema import OPGAVEN, UITVRAAG_BLADEN

from .conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DOCS = REPO / "docs"
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam", "PATH": ""}


def _hulp(*commando: str) -> str:
    """The real ``--help``, from a separate process as a user runs it."""
    r = subprocess.run(
        [sys.executable, "-m", "regioplan", *commando, "--help"], capture_output=True, text=True, env=ENV
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


def _secties(hulp: str) -> dict[str, set[str]]:
    """``Opties``/``Argumenten``/``Commando's`` -> the names in that section of a help text."""
    uit: dict[str, set[str]] = {}
    sectie = None
    for regel in hulp.splitlines():
        if regel and not regel.startswith(" ") and regel.rstrip().endswith(":"):
            sectie = regel.rstrip(":")
            uit[sectie] = set()
            continue
        if sectie and re.match(r"  \S", regel):
            kop = re.split(r"\s{2,}", regel.strip())[0]
            if sectie == "Opties":
                uit[sectie].update(re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", kop))
            else:
                uit[sectie].add(kop.split()[0])
    return uit


def _cli_md_blokken() -> dict[str, str]:
    """``regioplan``/``regioplan valideer``/... -> the help block under that heading in docs/cli.md."""
    tekst = (DOCS / "cli.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^## (regioplan(?: [\w-]+)?)\n\n```text\n(.*?)\n```", tekst, flags=re.S | re.M))


# --- generated docs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", ["cli.md", "controles.md", "uitvraag.md", "handleiding.md"])
def test_gegenereerd_document_is_actueel(naam):
    pad = DOCS / naam
    verwacht = docs.documenten(DOCS)
    assert pad in verwacht
    assert pad.read_text(encoding="utf-8") == verwacht[pad], (
        f"docs/{naam} wijkt af van de generator: draai `make docs`"
    )


def test_controleer_meldt_verouderd_document_en_schrijven_herstelt_het(tmp_path):
    kopie = tmp_path / "docs"
    shutil.copytree(DOCS, kopie)
    commando = [sys.executable, "-m", "regioplan.docs", "--map", str(kopie)]
    assert (
        subprocess.run([*commando, "--controleer"], capture_output=True, text=True, env=ENV).returncode == 0
    )
    pad = kopie / "controles.md"
    pad.write_text(pad.read_text(encoding="utf-8").replace("veld-verplicht", "veld-nodig"), encoding="utf-8")
    (kopie / "uitvraag.md").unlink()
    r = subprocess.run([*commando, "--controleer"], capture_output=True, text=True, env=ENV)
    assert r.returncode == 1
    assert "controles.md" in r.stderr and "uitvraag.md" in r.stderr and "cli.md" not in r.stderr
    assert not (kopie / "uitvraag.md").exists()  # checking writes nothing
    assert subprocess.run(commando, capture_output=True, text=True, env=ENV).returncode == 0
    assert (
        subprocess.run([*commando, "--controleer"], capture_output=True, text=True, env=ENV).returncode == 0
    )
    assert pad.read_text(encoding="utf-8") == (DOCS / "controles.md").read_text(encoding="utf-8")


def test_handleiding_behoudt_handwerk_rond_het_blok():
    tekst = "# Kop\n\nvoor\n\n" + docs.BEGIN + "\noud\n" + docs.EIND + "\n\nna\n"
    nieuw = docs.vervang_blok(tekst, "NIEUW")
    assert nieuw == "# Kop\n\nvoor\n\n" + docs.BEGIN + "\n\nNIEUW\n\n" + docs.EIND + "\n\nna\n"
    with pytest.raises(ValueError):
        docs.vervang_blok("geen markeringen", "NIEUW")


def test_cli_md_noemt_elk_commando_en_elke_optie_uit_de_echte_help():
    blokken = _cli_md_blokken()
    commandos = _secties(_hulp())["Commando's"]
    assert {"init", "sjabloon", "valideer", "bereken", "rapport", "verschil", "verdeel"} <= commandos
    assert set(blokken) == {"regioplan"} | {f"regioplan {c}" for c in commandos}
    for titel, blok in blokken.items():
        echt = _secties(_hulp(*titel.split()[1:]))
        gedocumenteerd = _secties(blok)
        assert gedocumenteerd == echt, titel
        assert {"-h", "--help"} <= echt["Opties"]


def test_cli_md_noemt_opties_die_in_de_hulp_staan():
    """Guard against a parser that finds nothing: the options the brief names must be found."""
    blokken = _cli_md_blokken()
    assert {"--formaat", "--faal-op", "--strikt", "--negeer", "--uit", "--config"} <= _secties(
        blokken["regioplan valideer"]
    )["Opties"]
    assert {"--gemeente", "--uitleg", "--peildata"} <= _secties(blokken["regioplan bereken"])["Opties"]
    assert {"--regio", "--datum", "--sjablonen"} <= _secties(blokken["regioplan rapport"])["Opties"]


@pytest.mark.parametrize("commando", [[], ["sjabloon"], ["valideer"], ["bereken"], ["rapport"], ["verdeel"]])
def test_hulpoptie_is_nederlands(commando):
    hulp = _hulp(*commando)
    assert re.search(r"^  -h, --help\s+Toon deze hulp en stop\.$", hulp, flags=re.M), hulp
    assert "Show this message" not in hulp
    assert (
        subprocess.run(
            [sys.executable, "-m", "regioplan", *commando, "-h"], capture_output=True, text=True, env=ENV
        ).stdout
        == hulp
    )


def test_controles_md_heeft_elke_code_met_voorbeeld_en_oplossing():
    tekst = docs.controles_md()
    for code, controle in CATALOGUS.items():
        sectie = tekst.split(f"\n### {code}\n", 1)[1].split("\n### ", 1)[0]
        assert f"**Ernst:** {controle.ernst}" in sectie
        assert "**Voorbeeld:**" in sectie and "{" not in sectie.split("**Voorbeeld:**")[1], (
            code
        )  # every placeholder filled
        assert "**Oplossen:**" in sectie


def test_uitvraag_md_heeft_elk_blad_en_elke_kolom():
    tekst = docs.uitvraag_md()
    for blad in (*UITVRAAG_BLADEN, OPGAVEN):
        sectie = tekst.split(f"\n## Blad {blad.naam}\n", 1)[1].split("\n## ", 1)[0]
        for kolom in blad.kolommen:
            assert f"| {kolom.kop} |" in sectie, (blad.naam, kolom.kop)
            for keuze in kolom.keuzes:
                assert f"`{keuze}`" in sectie


# --- hand-written docs --------------------------------------------------------------------------------------


def _sleutels(toml: dict, voorvoegsel: str = "") -> set[str]:
    uit = set()
    for k, v in toml.items():
        if isinstance(v, dict) and k not in ("aliassen", "gemeenten"):
            uit |= _sleutels(v, f"{k}.")
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            uit |= {f"{k}.{s}" for item in v for s in item}
        else:
            uit.add(f"{voorvoegsel}{k}")
    return uit


def test_configuratie_md_beschrijft_elke_sleutel_van_standaard_toml():
    from regioplan.indeling import ingebouwde_provincie

    standaard = {
        **tomllib.loads((REPO / "regioplan" / "landelijk.toml").read_text(encoding="utf-8")),
        **ingebouwde_provincie("Overijssel"),
        **ingebouwde_provincie("Gelderland"),
    }
    standaard["regio"] = [{k: v for k, v in r.items() if k != "veiligheidsregio"} for r in standaard["regio"]]
    tekst = (DOCS / "configuratie.md").read_text(encoding="utf-8")
    sleutels = _sleutels(standaard)
    assert {
        "cyclus.actief_uiterlijk",
        "peildata.oekraine",
        "regio.gemeenten",
        "aliassen",
        "gemeenten",
    } <= sleutels
    for sleutel in sleutels:
        tabel, _, naam = sleutel.rpartition(".")
        kop = f"[[{tabel}]]" if tabel == "regio" else f"[{tabel or naam}]"
        assert kop in tekst, kop
        if tabel:
            assert f"`{naam}`" in tekst, sleutel


def _toml_blokken(pad: Path) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", pad.read_text(encoding="utf-8"), flags=re.S)


def test_toml_voorbeelden_werken(tmp_path):
    """Every regioplan.toml example in the docs loads, and what it sets is what the configuration holds."""
    blokken = _toml_blokken(DOCS / "configuratie.md") + _toml_blokken(DOCS / "handleiding.md")
    assert len(blokken) >= 3
    for i, blok in enumerate(blokken):
        map_ = tmp_path / f"voorbeeld-{i}"
        map_.mkdir()
        (map_ / "regioplan.toml").write_text(blok, encoding="utf-8")
        config = laad_config(map_)
        ruw = tomllib.loads(blok)
        for tabel in ("cyclus", "peildata"):
            for sleutel, waarde in ruw.get(tabel, {}).items():
                assert getattr(getattr(config, tabel), sleutel) == waarde, (tabel, sleutel)
        if isinstance(ruw.get("provincie"), str):
            assert config.provincie == zoek_provincie(ruw["provincie"]) and config.ingebouwd
        elif "provincie" in ruw:
            assert config.provincie == ruw["provincie"]["naam"]
        if "regio" in ruw:
            assert [r.sleutel for r in config.regios] == [r["sleutel"] for r in ruw["regio"]]
            assert list(config.gemeenten) == [g for r in ruw["regio"] for g in r["gemeenten"]]
        for variant, code in ruw.get("aliassen", {}).items():
            assert config.zoek_code(variant) == code


def test_voorbeeld_andere_provincie_maakt_sjablonen(tmp_path):
    """The configuratie.md example of another province, followed as written: sjabloon --config ...
    --opgaven."""
    blok = next(b for b in _toml_blokken(DOCS / "configuratie.md") if "[[regio]]" in b)
    (tmp_path / "regioplan.toml").write_text(blok, encoding="utf-8")
    assert (
        main(
            [
                "sjabloon",
                "--config",
                str(tmp_path / "regioplan.toml"),
                "--opgaven",
                "--uit",
                str(tmp_path / "wb"),
            ]
        )
        == 0
    )
    assert len(list((tmp_path / "wb").glob("*.xlsx"))) == 12 + 1


def test_handleiding_stap_4_een_regio_geeft_hetzelfde_plan(tmp_path):
    """Step 4 as written: the sjabloon command with --regio writes the workbooks and a regioplan.toml for that
    regio only; then the Twente workbooks of the example data in that folder give exactly the Twente plan
    made from the whole province."""
    import openpyxl

    from .conftest import VOORBEELD

    regel = next(
        r for _, r in _commandoregels() if r.startswith("regioplan sjabloon --regio twente --opgaven")
    )
    werkboeken = tmp_path / "werkboeken"
    r = subprocess.run(
        [sys.executable, "-m", "regioplan", *shlex.split(regel)[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert r.returncode == 0, r.stderr
    toml = (werkboeken / "regioplan.toml").read_text(encoding="utf-8")
    assert toml.count("[[regio]]") == 1 and 'sleutel = "twente"' in toml and toml.count('"GM') == 14
    gemeenten = sorted(p.name for p in werkboeken.glob("*.xlsx") if p.name != "opgaven.xlsx")
    assert len(gemeenten) == 14 and "almelo.xlsx" in gemeenten and "zwolle.xlsx" not in gemeenten
    for naam in gemeenten:
        shutil.copy2(VOORBEELD / naam, werkboeken / naam)
    bron = {
        rij[0]: rij
        for rij in openpyxl.load_workbook(VOORBEELD / "opgaven.xlsx")["Opgaven"].iter_rows(
            min_row=2, values_only=True
        )
        if rij[0]
    }
    wb = openpyxl.load_workbook(werkboeken / "opgaven.xlsx")
    rijen = list(wb["Opgaven"].iter_rows(min_row=2))
    assert len(rijen) == 14
    for rij in rijen:
        for cel, waarde in zip(rij, bron[rij[0].value], strict=False):
            cel.value = waarde
    wb.save(werkboeken / "opgaven.xlsx")
    assert main(["valideer", str(werkboeken)]) == 0
    assert (
        main(
            [
                "rapport",
                str(werkboeken),
                "--regio",
                "twente",
                "--uit",
                str(tmp_path / "regio"),
                "--formaat",
                "md",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "rapport",
                str(VOORBEELD),
                "--regio",
                "twente",
                "--uit",
                str(tmp_path / "provincie"),
                "--formaat",
                "md",
            ]
        )
        == 0
    )
    assert (tmp_path / "regio" / "regionaal-plan-twente.md").read_text(encoding="utf-8") == (
        tmp_path / "provincie" / "regionaal-plan-twente.md"
    ).read_text(encoding="utf-8")


def _commandoregels() -> list[tuple[str, str]]:
    """Every ``regioplan ...`` command line in the hand-written docs and in the CI configurations."""
    regels = []
    for pad in [REPO / "README.md", DOCS / "handleiding.md", DOCS / "configuratie.md"]:
        for blok in re.findall(r"```(?:\w*)\n(.*?)```", pad.read_text(encoding="utf-8"), flags=re.S):
            regels += [(pad.name, r.strip()) for r in blok.splitlines() if r.strip().startswith("regioplan ")]
    github = yaml.safe_load((DOCS / "ci" / "github-regioplan.yml").read_text(encoding="utf-8"))
    scripts = [s.get("run", "") for job in github["jobs"].values() for s in job["steps"]]
    gitlab = yaml.safe_load((DOCS / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    scripts += [r for job in gitlab.values() if isinstance(job, dict) for r in job.get("script", [])]
    for script in scripts:
        regels += [("ci", r.strip()) for r in script.splitlines() if r.strip().startswith("regioplan ")]
    return regels


def test_commandos_in_handleiding_readme_en_ci_bestaan():
    regels = _commandoregels()
    assert len(regels) >= 15
    hulp = {c: _secties(_hulp(c)) for c in _secties(_hulp())["Commando's"]}
    hoofd = _secties(_hulp())["Opties"]
    for bron, regel in regels:
        woorden = regel.split("#")[0].split()
        commando = next((w for w in woorden[1:] if not w.startswith("-")), None)
        if commando not in hulp:
            assert all(w in hoofd for w in woorden[1:] if w.startswith("-")), (bron, regel)
            continue
        for w in woorden:
            if w.startswith("-") and not re.fullmatch(r"-+\d.*", w):
                assert w.split("=")[0] in hulp[commando]["Opties"], (bron, regel, w)


def _links(pad: Path) -> list[str]:
    tekst = re.sub(r"```.*?```", "", pad.read_text(encoding="utf-8"), flags=re.S)
    return [d for d in re.findall(r"\]\(([^)\s]+)\)", tekst) if not re.match(r"[a-z]+:|#", d)]


@pytest.mark.parametrize(
    "naam",
    [
        "README.md",
        "CHANGELOG.md",
        "docs/handleiding.md",
        "docs/configuratie.md",
        "docs/uitvraag.md",
        "docs/controles.md",
    ],
)
def test_relatieve_links_bestaan(naam):
    pad = REPO / naam
    for link in _links(pad):
        doel = (pad.parent / link.split("#")[0]).resolve()
        assert doel.exists(), f"{naam}: link naar {link} bestaat niet"


def test_changelog_noemt_elke_code_en_elk_commando():
    tekst = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    for code in CATALOGUS:
        assert f"`{code}`" in tekst, code
    for commando in ("sjabloon", "valideer", "bereken", "rapport", "verdeel"):
        assert f"`regioplan {commando}`" in tekst


def test_readme_begint_met_de_twee_commandos():
    tekst = (REPO / "README.md").read_text(encoding="utf-8")
    eerste_blok = re.search(r"```\w*\n(.*?)```", tekst, flags=re.S)[1]
    assert [r.split("#")[0].strip() for r in eerste_blok.strip().splitlines()] == [
        "make rapport",
        "make test",
    ]
    assert "docs/img/rapport-twente.png" in tekst
