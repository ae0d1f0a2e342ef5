"""Rounding and Dutch number/date formatting, in one place.

Percentages are whole and rounded half up (61,5 -> 62), as the reports do; Babel's own formatting
rounds half-even, so we round with Decimal first and let Babel only place the separators.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: waarden formats its dates with datum() below
    from .waarden import Datum


def rond_percentage(deel: int, geheel: int) -> int | None:
    """``deel / geheel`` as a whole percentage, half up; None when there is no whole."""
    if not geheel:
        return None
    return int((Decimal(deel) * 100 / Decimal(geheel)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


LOCALE = "nl_NL"


@cache
def _babel() -> Callable[..., str]:
    from babel.numbers import format_decimal

    return format_decimal


@cache
def _groepteken() -> str:
    """The thousands separator of Dutch (from Babel's locale data, not typed in here)."""
    from babel.numbers import get_group_symbol

    return get_group_symbol(LOCALE)


def _geheel(n: int) -> str:
    # Whole numbers are most of what a report prints (tens of thousands of calls for the national set).
    # Babel's format_decimal parses the locale and the pattern on every call; for an int, Dutch
    # "#,##0" is exactly Python's grouping by three with Babel's separator (tests compare the two).
    return format(n, ",").replace(",", _groepteken())


def getal(n: int | None, *, teken: bool = False, leeg: str = "") -> str:
    """``6325`` -> ``6.325`` (also four digits); ``teken`` puts ``+`` before a surplus; negatives keep
    ``-``."""
    if n is None:
        return leeg
    if isinstance(n, int):
        tekst = _geheel(abs(n))
    else:
        tekst = _babel()(abs(n), format="#,##0", locale=LOCALE)
    if n < 0:
        return "-" + tekst
    return ("+" + tekst) if teken and n > 0 else tekst


def aantal(n: int, enkelvoud: str = "gemeente", meervoud: str = "gemeenten") -> str:
    """``1`` -> ``1 gemeente``; ``0``, ``14``, ``1234`` -> ``0 gemeenten``, ``14 gemeenten``,
    ``1.234 gemeenten``: a count with the noun in the number Dutch needs (singular only for one)."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


def procent(p: int | None, *, leeg: str = "–") -> str:
    """A whole percentage as ``61%``."""
    return leeg if p is None else f"{getal(p)}%"


def datum(d: Datum | None, *, leeg: str = "") -> str:
    """The one Dutch date format, ``dd-mm-jjjj`` (``2024-07-01`` -> ``01-07-2024``), used in every message,
    report, table and export; the word for ``onbepaald``/``onbekend``; ``leeg`` for None.

    A ``datetime`` gives its date. Equal to ``strftime("%d-%m-%Y")`` at a third of the cost, except that the
    year always has four digits (strftime writes year 5 as ``5``; no workbook date is before 1900)."""
    if d is None:
        return leeg
    if isinstance(d, dt.date):
        return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"
    return str(d)


#: Month names as the cycle's period is written in headings ("juli '25 – febr. '26"): short names whole,
#: longer ones cut after the first consonant cluster, as Dutch newspapers abbreviate them.
MAANDEN_KORT = (
    "jan.",
    "febr.",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "aug.",
    "sept.",
    "okt.",
    "nov.",
    "dec.",
)


def periode(van: dt.date, tot: dt.date) -> str:
    """The period of a cycle for headings: ``2025-07-01``, ``2026-02-01`` -> ``juli '25 – febr. '26``."""
    return f"{_maand_jaar(van)} – {_maand_jaar(tot)}"


def _maand_jaar(d: dt.date) -> str:
    return f"{MAANDEN_KORT[d.month - 1]} '{d.year % 100:02d}"


#: The opgaven as a person reads them (the JSON keys stay ``asiel``, ``oekraine``, ``statushouders``).
OPGAVEN = {"asiel": "asiel", "oekraine": "Oekraïne", "statushouders": "statushouders"}


def opgave(sleutel: str) -> str:
    """The name of an opgave for people: ``oekraine`` -> ``Oekraïne``; an unknown key stays as it is."""
    return OPGAVEN.get(sleutel, sleutel)


def ligt_in(gemeente: str) -> str:
    """``Hengelo`` -> ``ligt in Hengelo``: where the places of an exchanged location are (the *leverancier*),
    in the same words in the report, the terminal (``bereken --uitleg``) and the uitruil explanation."""
    return f"ligt in {gemeente}"
