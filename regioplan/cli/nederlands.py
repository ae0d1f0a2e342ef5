"""Click's own words in Dutch: usage line, section headings, usage errors.

Typer (vendoring click) writes "Usage:", "Options:" and "Error: Missing option ..." in English and has
no translation. These hooks are the supported ways to change them: a ``Context`` subclass with its
own ``formatter_class`` (click builds every help text through it), the ``options_metavar`` and
``subcommand_metavar`` of the commands, and a Dutch rendering of a usage error in ``main``.
A click message that is not in :data:`FOUTZINNEN` stays English rather than becoming wrong Dutch.
"""

from __future__ import annotations

import re

import typer

OPTIES = "[OPTIES]"
COMMANDO = "COMMANDO [ARGUMENTEN]..."
KOPPEN = {"Arguments": "Argumenten", "Options": "Opties", "Commands": "Commando's"}

#: Click's usage-error sentences and their Dutch; the groups carry option names and values over.
FOUTZINNEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), z)
    for p, z in (
        (r"^Missing option (.*)\.$", r"Ontbrekende optie \1."),
        (r"^Missing argument (.*)\.$", r"Ontbrekend argument \1."),
        (r"^Missing parameter: (.*)$", r"Ontbrekende parameter: \1"),
        (r"^No such option: (\S+) Did you mean (\S+)\?$", r"Onbekende optie: \1. Bedoel je \2?"),
        (r"^No such option: (\S+) \(Possible options: ([^,]*)\)$", r"Onbekende optie: \1. Bedoel je \2?"),
        (
            r"^No such option: (\S+) \(Possible options: (.*)\)$",
            r"Onbekende optie: \1. Bedoel je een van: \2?",
        ),
        (r"^No such option: (\S+)$", r"Onbekende optie: \1."),
        (r"^No such command (.*)\.$", r"Onbekend commando \1."),
        (r"^Missing command\.$", "Geen commando opgegeven."),
        (r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", r"Onverwacht extra argument: \1."),
        (r"^Option (.*) requires an argument\.$", r"Optie \1 heeft een waarde nodig."),
        (r"^Option (.*) does not take a value\.$", r"Optie \1 neemt geen waarde."),
        (
            r"^Invalid value for (.*?): (.*) is not one of (.*)\.$",
            r"Ongeldige waarde voor \1: \2 is niet een van \3.",
        ),
        (
            r"^Invalid value for (.*?): (.*) is not a valid integer\.$",
            r"Ongeldige waarde voor \1: \2 is geen geheel getal.",
        ),
        (r"^Invalid value for (.*?): (.*)$", r"Ongeldige waarde voor \1: \2"),
    )
)


#: Type names typer shows after an option (``--datum <str>``).
TYPEN = {
    "<str>": "<tekst>",
    "<path>": "<pad>",
    "<int>": "<getal>",
    "<float>": "<getal>",
    "<file>": "<bestand>",
}
_EXTRA = re.compile(r"\[([^\[\]]*)\]$")  # click's "[default: x; required]" at the end of an option's help


def _extra_nl(m: re.Match[str]) -> str:
    delen = []
    for deel in m[1].split("; "):
        if deel == "required":
            deel = "verplicht"
        elif deel.startswith("default: "):
            deel = "standaard: " + deel.removeprefix("default: ")
        delen.append(deel)
    return "[" + "; ".join(delen) + "]"


class _Formatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
    """Click's help formatter with Dutch headings, usage prefix, type names and ``[verplicht]``/``[standaard:
    ]``."""

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:  # noqa: ANN001 - click's signature
        vertaald = []
        for term, hulp in rows:
            for engels, nl in TYPEN.items():
                term = term.replace(engels, nl)
            vertaald.append((term, _EXTRA.sub(_extra_nl, hulp)))
        super().write_dl(vertaald, col_max, col_spacing)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(KOPPEN.get(heading, heading))


class Context(typer.Context):
    """The context of every regioplan command: help texts are formatted by :class:`_Formatter`."""

    formatter_class = _Formatter


def vertaal(bericht: str) -> str:
    """Click's English usage-error message in Dutch (unknown messages unchanged)."""
    for patroon, zin in FOUTZINNEN:
        if m := patroon.match(bericht):
            return m.expand(zin)
    return bericht


def gebruiksfout(fout: Exception) -> tuple[str, str, str]:
    """``(message, usage line, hint)`` for a click usage error, in Dutch."""
    ctx = getattr(fout, "ctx", None)
    bericht = vertaal(fout.format_message()) if hasattr(fout, "format_message") else str(fout)
    if ctx is None:
        return bericht, "", "Zie 'regioplan -h'."
    hulp = ctx.help_option_names[0] if ctx.help_option_names else "--help"
    return bericht, ctx.get_usage(), f"Zie '{ctx.command_path} {hulp}' voor alle opties."
