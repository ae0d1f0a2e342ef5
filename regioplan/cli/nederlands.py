"""Click's own words in Dutch, in one place: usage line, headings, value types, help extras, usage errors.

Typer vendors click and has no translation: "Usage:", "Options", ``<int range>``, ``x>=0``,
``[required]``, "Invalid value for ...", "Missing argument ..." are English, and since typer 0.28 a
required argument shows as ``{map}`` in the usage line. These are the hooks that change them, all
used from here:

- :class:`Context` formats every help text with :class:`_Formatter` (``Gebruik:``, ``Opties:``,
  ``[verplicht]``, ``[standaard: ...]``);
- :func:`maak_nederlands`, called by the command classes of :mod:`regioplan.cli` for every command,
  gives each parameter the Dutch counterpart of its value type (:data:`TYPEN`: metavar, range in the
  help, the message when a value does not convert) and each argument its name in capitals
  (``MAP``, ``OUD NIEUW``, ``RONDE...``) in the usage line, the help and the errors;
- :func:`gebruiksfout` renders click's usage errors in Dutch from their fields (parameter, option
  name, suggestions); the few messages click only has as a sentence are in :data:`FOUTZINNEN`.

A value type without a Dutch counterpart in :data:`TYPEN` would bring click's English back: the test
of every command's help (``tests/test_nederlands.py``) fails on it.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Sequence
from typing import Any

import typer
from typer._click import types as _typen
from typer._click.exceptions import BadParameter, MissingParameter, NoArgsIsHelpError, NoSuchOption
from typer._types import TyperChoice
from typer.core import TyperArgument
from typer.models import TyperPath

HULPTEKST = "Toon deze hulp en stop."  #: the help of -h/--help (click: "Show this message and exit.")
OPTIES = "[OPTIES]"
COMMANDO = "COMMANDO [ARGUMENTEN]..."
KOPPEN = {"Arguments": "Argumenten", "Options": "Opties", "Commands": "Commando's"}


# --- value types -------------------------------------------------------------------------------------


class _Tekst(_typen.StringParamType):
    name = "tekst"


class _GetalMixin:
    """Dutch words for click's number types: ``'x' is geen geheel getal.``, ranges as ``minstens 0``."""

    _geen = "geen geheel getal"
    _punt = ""  # what to add when a Dutch decimal comma is the reason

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        getal = value
        if isinstance(value, str):
            try:
                getal = self._number_class(value)  # type: ignore[attr-defined]
            except ValueError:
                punt = self._punt if "," in value else ""
                self.fail(f"{value!r} is {self._geen}{punt}.", param, ctx)  # type: ignore[attr-defined]
        try:
            return super().convert(value, param, ctx)  # type: ignore[misc]
        except BadParameter:  # the number converted, so only a range can refuse it
            bereik = self._describe_range()
            self.fail(f"{getal} kan niet: de waarde moet {bereik} zijn.", param, ctx)  # type: ignore[attr-defined]

    def _describe_range(self) -> str:
        """The range in words: ``minstens 0``, ``hoogstens 3``, ``van 1 tot en met 3``."""
        lo: Any = getattr(self, "min", None)
        hi: Any = getattr(self, "max", None)
        lo_open = getattr(self, "min_open", False)
        hi_open = getattr(self, "max_open", False)
        if lo is not None and hi is not None and not lo_open and not hi_open:
            return f"van {lo} tot en met {hi}"
        delen = []
        if lo is not None:
            delen.append(f"groter dan {lo}" if lo_open else f"minstens {lo}")
        if hi is not None:
            delen.append(f"kleiner dan {hi}" if hi_open else f"hoogstens {hi}")
        return " en ".join(delen)


class _Getal(_GetalMixin, _typen.IntParamType):
    name = "getal"


class _GetalBereik(_GetalMixin, _typen.IntRange):
    name = "getal"


class _Kommagetal(_GetalMixin, _typen.FloatParamType):
    name = "getal"
    _geen = "geen getal"
    _punt = " (gebruik een punt als decimaalteken)"


class _KommagetalBereik(_GetalMixin, _typen.FloatRange):
    name = "getal"
    _geen = "geen getal"
    _punt = " (gebruik een punt als decimaalteken)"


class _JaNee(_typen.BoolParamType):
    name = "ja/nee"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return super().convert(value, param, ctx)
        except BadParameter:
            self.fail(f"{value!r} is geen ja of nee; gebruik bijvoorbeeld true of false, 1 of 0.", param, ctx)


class _Keuze(TyperChoice):  # type: ignore[type-arg]
    def _keuzes(self, ctx: Any) -> str:
        return ", ".join(self._normalized_mapping(ctx=ctx).values())

    def get_invalid_choice_message(self, value: Any, ctx: Any) -> str:
        return f"{value!r} kan niet; kies uit: {self._keuzes(ctx)}."

    def get_missing_message(self, param: Any, ctx: Any) -> str:
        return f"Kies uit: {self._keuzes(ctx)}."


#: Click's checks on a path, in Dutch (the end of its sentence -> ours).
_PADFOUTEN = {
    "does not exist.": "bestaat niet.",
    "is a file.": "is een bestand; hier hoort een map.",
    "is a directory.": "is een map; hier hoort een bestand.",
    "is not readable.": "is niet te lezen.",
    "is not writable.": "is niet te beschrijven.",
}


class _Pad(TyperPath):
    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return super().convert(value, param, ctx)
        except BadParameter as fout:
            einde = next((nl for en, nl in _PADFOUTEN.items() if fout.message.endswith(en)), "kan niet.")
            soort = {"file": "Bestand", "directory": "Map"}.get(self.name, "Pad")
            self.fail(f"{soort} {os.fsdecode(value)!r} {einde}", param, ctx)

    def get_metavar(self, param: Any, ctx: Any) -> str | None:
        return "<" + {"file": "bestand", "directory": "map"}.get(self.name, "pad") + ">"


#: click's value type -> its Dutch counterpart (same state, Dutch words).
TYPEN: dict[type, type] = {
    _typen.StringParamType: _Tekst,
    _typen.IntParamType: _Getal,
    _typen.IntRange: _GetalBereik,
    _typen.FloatParamType: _Kommagetal,
    _typen.FloatRange: _KommagetalBereik,
    _typen.BoolParamType: _JaNee,
    TyperChoice: _Keuze,
    TyperPath: _Pad,
}
NEDERLANDSE_TYPEN = frozenset(TYPEN.values())


def nederlands_type(soort: _typen.ParamType) -> _typen.ParamType:
    """A copy of a click value type with Dutch words; a type without a Dutch counterpart unchanged."""
    if type(soort) in NEDERLANDSE_TYPEN or type(soort) not in TYPEN:
        return soort
    kopie = copy.copy(soort)  # click's INT, STRING ... are shared module-level objects: never change them
    kopie.__class__ = TYPEN[type(soort)]
    return kopie


# --- arguments ------------------------------------------------------------------------------------------


class _Argument(TyperArgument):
    """An argument named in capitals everywhere: ``MAP`` in the usage line, the help and the errors
    (typer writes ``{map}`` and ``'map'``)."""

    def _naam(self) -> str:
        return (self.metavar or self.name or "").upper().removesuffix("...")

    def make_metavar(self, ctx: Any, *, usage: bool = False) -> str:
        naam = self._naam() + ("..." if self.nargs != 1 else "")  # RONDE...: one or more
        return f"[{naam}]" if usage and not self.required else naam

    def get_error_hint(self, ctx: Any) -> str:
        return self._naam()


def maak_nederlands(params: Sequence[Any]) -> None:
    """Give the parameters of one command their Dutch value types and argument names (in place: typer
    builds them fresh for every command)."""
    for param in params:
        param.type = nederlands_type(param.type)
        if type(param) is TyperArgument:
            param.__class__ = _Argument


# --- help -------------------------------------------------------------------------------------------------

_EXTRA = re.compile(r"\[([^\[\]]*)\]$")  # typer's "[default: x; required]" at the end of an option's help


def _extra_nl(m: re.Match[str]) -> str:
    delen = []
    for deel in m[1].split("; "):
        if deel == "required":
            deel = "verplicht"
        elif deel.startswith("default: "):
            deel = "standaard: " + deel.removeprefix("default: ")
        elif deel.startswith("env var: "):
            deel = "omgevingsvariabele: " + deel.removeprefix("env var: ")
        delen.append(deel)
    return "[" + "; ".join(delen) + "]"


class _Formatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
    """Click's help formatter with Dutch headings, usage prefix and ``[verplicht]``/``[standaard: ]``
    (typer adds those two through gettext, which has no Dutch catalogue)."""

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:  # noqa: ANN001 - click's signature
        super().write_dl([(term, _EXTRA.sub(_extra_nl, hulp)) for term, hulp in rows], col_max, col_spacing)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(KOPPEN.get(heading, heading))


class Context(typer.Context):
    """The context of every regioplan command: help texts are formatted by :class:`_Formatter`."""

    formatter_class = _Formatter


# --- usage errors -----------------------------------------------------------------------------------------

#: The usage errors click has only as a sentence, and their Dutch; the groups carry names and values over.
FOUTZINNEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), z)
    for p, z in (
        (r"^No such command (.*?)\. Did you mean (.*)\?$", r"Onbekend commando \1. Bedoel je \2?"),
        (r"^No such command (.*)\.$", r"Onbekend commando \1."),
        (r"^Missing command\.$", "Geen commando opgegeven."),
        (r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", r"Onverwacht extra argument: \1."),
        (r"^Option (.*) requires an argument\.$", r"Optie \1 heeft een waarde nodig."),
        (r"^Option (.*) requires (\d+) arguments\.$", r"Optie \1 heeft \2 waarden nodig."),
        (r"^Option (.*) does not take a value\.$", r"Optie \1 neemt geen waarde."),
        (r"^Argument (.*) takes (\d+) values\.$", r"Argument \1 heeft \2 waarden nodig."),
    )
)


def vertaal(bericht: str) -> str:
    """One of click's sentences in Dutch; an unknown one is named as click's, not translated wrongly."""
    for patroon, zin in FOUTZINNEN:
        if m := patroon.match(bericht):
            return m.expand(zin)
    return f"Ongeldige opdracht ({bericht})"


def _wie(fout: BadParameter) -> str:
    """The parameter as the user wrote it: ``'--regio' / '-r'`` or ``MAP``."""
    hint = fout.param_hint
    if hint is None and fout.param is not None and fout.ctx is not None:
        return fout.param.get_error_hint(fout.ctx)
    if hint is None or isinstance(hint, str):
        return hint or ""
    return " / ".join(repr(h) for h in hint)


def bericht(fout: Exception) -> str:
    """The Dutch message of one of click's usage errors, built from its fields where it has them."""
    if isinstance(fout, MissingParameter):
        soort = fout.param_type or (fout.param.param_type_name if fout.param else "")
        woord = {"argument": "Ontbrekend argument", "option": "Ontbrekende optie"}.get(
            soort, "Ontbrekende waarde"
        )
        extra = fout.param.type.get_missing_message(param=fout.param, ctx=fout.ctx) if fout.param else None
        return " ".join(d for d in (f"{woord} {_wie(fout)}".rstrip() + ".", extra) if d)
    if isinstance(fout, BadParameter):
        wie = _wie(fout)
        return f"Ongeldige waarde voor {wie}: {fout.message}" if wie else f"Ongeldige waarde: {fout.message}"
    if isinstance(fout, NoSuchOption):
        tekst = f"Onbekende optie: {fout.option_name}."
        mogelijk = sorted(fout.possibilities or ())
        if len(mogelijk) == 1:
            tekst += f" Bedoel je {mogelijk[0]}?"
        elif mogelijk:
            tekst += f" Bedoel je een van: {', '.join(mogelijk)}?"
        return tekst
    return vertaal(getattr(fout, "message", str(fout)))


def alleen_hulp(fout: Exception) -> str | None:
    """The help text when click raised "no arguments, show the help" (``regioplan`` alone), else None."""
    return fout.format_message() if isinstance(fout, NoArgsIsHelpError) else None


def gebruiksfout(fout: Exception) -> tuple[str, str, str]:
    """``(message, usage line, hint)`` for a click usage error, in Dutch."""
    ctx = getattr(fout, "ctx", None)
    if ctx is None:
        return bericht(fout), "", "Zie 'regioplan -h'."
    hulp = ctx.help_option_names[0] if ctx.help_option_names else "--help"
    return bericht(fout), ctx.get_usage(), f"Zie '{ctx.command_path} {hulp}' voor alle opties."
