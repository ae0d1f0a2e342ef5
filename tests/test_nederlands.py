"""Every text the command line shows is Dutch: the help of every registered command and click's usage
errors, checked against the English that click and typer write (regioplan/cli/nederlands.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer._click import types as click_typen
from typer._click.exceptions import BadParameter
from typer._types import TyperChoice
from typer.models import TyperPath
from typer.testing import CliRunner

from regioplan.cli import _registreer, app
from regioplan.cli.nederlands import NEDERLANDSE_TYPEN, nederlands_type

from .conftest import VOORBEELD

#: What click and typer write in English: headings, help extras, usage-error sentences, type names.
ENGELS = (
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "[required]",
    "[default:",
    "env var",
    "Error",
    "Invalid value",
    "Missing argument",
    "Missing option",
    "Missing parameter",
    "Missing command",
    "No such option",
    "No such command",
    "Got unexpected",
    "unexpected extra",
    "is not one of",
    "is not a valid",
    "is not in the range",
    "requires an argument",
    "does not take a value",
    "Possible options",
    "Did you mean",
    "Choose from",
    "does not exist",
    "Aborted",
    "Traceback",
    "<int",
    "<float",
    "<str>",
    "<text>",
    "<path>",
    "<file",
    "<directory>",
    "<boolean>",
    "<choice>",
    "<datetime>",
)
#: Click's metavars in capitals and its ranges (``x>=0``, ``1<=x<=3``); typer's ``{map}`` placeholders.
ENGELS_PATROON = re.compile(
    r"\b(INTEGER|TEXT|PATH|FLOAT|BOOLEAN|FILENAME|DIRECTORY|CHOICE)\b|\bx\s*[<>]=?|[<>]=?\s*x\b|\{[a-z_]+\}"
)
#: The nouns an option's value may have; each says what to give, not the type (no ``<tekst>``).
NAAMWOORDEN = {
    "<bestand>",
    "<map>",
    "<pad>",
    "<gemeente>",
    "<regio>",
    "<provincie>",
    "<code>",
    "<datum>",
    "<datums>",
    "<ronde>",
    "<aantal>",
}
OMGEVING = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}


def _commando_s():
    """Every registered command as (path, click command), the group itself first, in VOLGORDE."""
    _registreer()
    groep = typer.main.get_command(app)
    uit = [((), groep)]
    for naam, commando in groep.commands.items():  # type: ignore[attr-defined]
        uit.append(((naam,), commando))
        for sub, subcommando in getattr(commando, "commands", {}).items():
            uit.append(((naam, sub), subcommando))
    return uit


COMMANDO_S = _commando_s()
PADEN = [pad for pad, _ in COMMANDO_S]


def _engels(tekst: str) -> list[str]:
    return [e for e in ENGELS if e in tekst] + [m[0] for m in ENGELS_PATROON.finditer(tekst)]


def test_alle_commando_s_gevonden():
    """Guard against a walk that finds nothing: the commands of a round and init are all there."""
    assert {p[0] for p in PADEN if p} >= {
        "sjabloon",
        "init",
        "valideer",
        "bereken",
        "rapport",
        "verschil",
        "verloop",
        "verdeel",
    }


@pytest.mark.parametrize("pad", PADEN, ids=lambda p: " ".join(p) or "regioplan")
def test_hulp_van_elk_commando_is_nederlands(pad):
    r = CliRunner().invoke(app, [*pad, "--help"], env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert r.exit_code == 0, r.output
    hulp = r.output
    assert not _engels(hulp), (_engels(hulp), hulp)
    gebruik = hulp.splitlines()[0]
    # one shape for every command: options in brackets, then the arguments in capitals (RONDE...: one or more)
    assert re.fullmatch(
        r"Gebruik: regioplan( [a-z]+)* \[OPTIES\]( [A-Z]+(\.\.\.)?| \[[A-Z]+\])*", gebruik
    ) or (not pad and gebruik == "Gebruik: regioplan [OPTIES] COMMANDO [ARGUMENTEN]..."), gebruik
    assert "\nOpties:\n" in hulp and re.search(r"^  -h, --help\s+Toon deze hulp en stop\.$", hulp, flags=re.M)
    argumenten = re.findall(r" ([A-Z]+)(?:\.\.\.)?(?= |$)", gebruik.removeprefix("Gebruik: regioplan"))
    if argumenten and pad:  # each argument of the usage line is explained under that same name
        sectie = hulp.split("\nArgumenten:\n")[1].split("\n\n")[0]
        assert [
            re.match(r"\s+([A-Z]+)", r)[1] for r in sectie.splitlines() if re.match(r"  \S", r)
        ] == argumenten


@pytest.mark.parametrize("pad", [p for p in PADEN if p], ids=" ".join)
def test_elke_waarde_heeft_een_nederlands_type_en_naamwoord(pad):
    """A new option cannot bring click's English back: its value type has a Dutch counterpart and a value
    that is not a choice names what to give (``<bestand>``, ``<gemeente>``), not a type (``<tekst>``)."""
    commando = dict(COMMANDO_S)[pad]
    for param in commando.params:
        assert type(param.type) in NEDERLANDSE_TYPEN, (param.name, type(param.type))
        if param.param_type_name == "option" and not param.is_flag:
            assert isinstance(param.type, TyperChoice) or param.metavar in NAAMWOORDEN, (
                param.name,
                param.metavar,
            )


def test_zelfde_optie_zelfde_naamwoord():
    gezien: dict[str, set[str]] = {}
    for _, commando in COMMANDO_S:
        for param in commando.params:
            if param.param_type_name == "option" and param.metavar:
                gezien.setdefault(param.opts[0], set()).add(param.metavar)
    assert gezien["--config"] == {"<bestand>"} and gezien["--gemeente"] == {"<gemeente>"}
    assert gezien["--regio"] == {"<regio>"} and gezien["--sjablonen"] == {"<map>"}
    assert "<tekst>" not in set().union(*gezien.values())


@pytest.mark.parametrize(
    ("args", "verwacht"),
    [
        (
            ["verdeel", "{map}", "--minimum", "x"],
            "Ongeldige waarde voor '--minimum': 'x' is geen geheel getal.",
        ),
        (
            ["verdeel", "{map}", "--minimum", "-1"],
            "Ongeldige waarde voor '--minimum': -1 kan niet: de waarde moet minstens 0 zijn.",
        ),
        (["verdeel", "{map}", "--minimun", "3"], "Onbekende optie: --minimun. Bedoel je --minimum?"),
        (["verdeel"], "Ontbrekend argument MAP."),
        (["verschil", "{map}"], "Ontbrekend argument NIEUW."),
        (["verloop"], "Ontbrekend argument RONDE."),
        (
            ["verdeel", "{map}", "--basis", "alles"],
            "Ongeldige waarde voor '--basis': 'alles' kan niet; kies uit: totaal, per-soort.",
        ),
        (["valideer", "{map}", "--negeer"], "Optie '--negeer' heeft een waarde nodig."),
        (["bereken", "{map}", "--uitleg=ja"], "Optie '--uitleg' neemt geen waarde."),
        (["bereken", "{map}", "extra"], "Onverwacht extra argument: extra."),
        (["init"], "Ontbrekende optie '--provincie' / '-p'."),
        (["verdeelt"], "Onbekend commando 'verdeelt'. Bedoel je 'verdeel'?"),
    ],
)
def test_gebruiksfout_is_nederlands_met_exitcode_2(args, verwacht):
    r = subprocess.run(
        [sys.executable, "-m", "regioplan", *[a.replace("{map}", str(VOORBEELD)) for a in args]],
        capture_output=True,
        text=True,
        env=OMGEVING,
    )
    assert r.returncode == 2, r.stderr
    regels = r.stderr.splitlines()
    assert regels[0] == f"fout [gebruik]: {verwacht}", r.stderr
    assert not _engels(r.stderr), (_engels(r.stderr), r.stderr)
    commando = args[0] if args[0] != "verdeelt" else ""
    # the usage line and the hint name the command that was meant (click's parser does not know it)
    assert regels[1].startswith("  Gebruik: ") and f"regioplan {commando}".rstrip() in regels[1], r.stderr
    assert (
        regels[2]
        == f"  hint: Zie '{' '.join(['python -m regioplan', commando]).rstrip()} -h' voor alle opties."
    )
    assert r.stdout == ""


@pytest.mark.parametrize(
    ("soort", "bereik"),
    [
        (click_typen.IntRange(min=0), "minstens 0"),
        (click_typen.IntRange(max=3), "hoogstens 3"),
        (click_typen.IntRange(min=1, max=3), "van 1 tot en met 3"),
        (click_typen.FloatRange(min=0, min_open=True), "groter dan 0"),
        (click_typen.FloatRange(min=0, max=1, max_open=True), "minstens 0 en kleiner dan 1"),
    ],
)
def test_bereik_in_woorden(soort, bereik):
    nl = nederlands_type(soort)
    assert nl._describe_range() == bereik  # type: ignore[attr-defined]
    with pytest.raises(BadParameter) as fout:
        nl.convert("9" if "kleiner" in bereik or "hoogstens" in bereik else "-9", None, None)
    assert fout.value.message.endswith(f"kan niet: de waarde moet {bereik} zijn.")


def test_komma_in_een_getal_krijgt_een_hint():
    with pytest.raises(BadParameter) as fout:
        nederlands_type(click_typen.FLOAT).convert("1,5", None, None)
    assert fout.value.message == "'1,5' is geen getal (gebruik een punt als decimaalteken)."
    assert nederlands_type(click_typen.FLOAT).convert("1.5", None, None) == 1.5


def test_pad_dat_moet_bestaan(tmp_path: Path):
    with pytest.raises(BadParameter) as fout:
        nederlands_type(TyperPath(exists=True, dir_okay=False)).convert(str(tmp_path / "weg.csv"), None, None)
    assert fout.value.message == f"Bestand {str(tmp_path / 'weg.csv')!r} bestaat niet."
    with pytest.raises(BadParameter) as fout:
        nederlands_type(TyperPath(exists=True, dir_okay=False)).convert(str(tmp_path), None, None)
    assert fout.value.message.endswith("is een map; hier hoort een bestand.")


def test_gedeelde_typen_van_click_blijven_onaangeroerd():
    """click's INT and STRING are module-level objects other code shares: the Dutch one is a copy."""
    assert type(nederlands_type(click_typen.INT)) in NEDERLANDSE_TYPEN
    assert (
        type(click_typen.INT) is click_typen.IntParamType
        and type(click_typen.STRING) is click_typen.StringParamType
    )


def test_zonder_commando_de_hulp_met_exitcode_2():
    """``regioplan`` alone shows the help (on stderr, exit 2, as click does), not a usage error around it."""
    r = subprocess.run([sys.executable, "-m", "regioplan"], capture_output=True, text=True, env=OMGEVING)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("Gebruik: ") and "\nCommando's:\n  sjabloon " in r.stderr, r.stderr
    assert "fout [gebruik]" not in r.stderr and "\\n" not in r.stderr and not _engels(r.stderr)
