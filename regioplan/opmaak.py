"""Rounding and Dutch number/date formatting, in one place.

Percentages are whole and rounded half up (61,5 -> 62), as the reports do; Babel's own formatting
rounds half-even, so we round with Decimal first and let Babel only place the separators.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from .waarden import Datum


def rond_percentage(deel: int, geheel: int) -> int | None:
    """``deel / geheel`` as a whole percentage, half up; None when there is no whole."""
    if not geheel:
        return None
    return int((Decimal(deel) * 100 / Decimal(geheel)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@cache
def _babel():
    from babel.numbers import format_decimal

    return format_decimal


def getal(n: int | None, *, teken: bool = False, leeg: str = "") -> str:
    """``6325`` -> ``6.325`` (also four digits); ``teken`` puts ``+`` before a surplus; negatives keep ``-``."""
    if n is None:
        return leeg
    tekst = _babel()(abs(n), format="#,##0", locale="nl_NL")
    if n < 0:
        return "-" + tekst
    return ("+" + tekst) if teken and n > 0 else tekst


def procent(p: int | None, *, leeg: str = "–") -> str:
    """A whole percentage as ``61%``."""
    return leeg if p is None else f"{getal(p)}%"


def datum(d: Datum | None, *, leeg: str = "") -> str:
    """``dd-mm-jjjj`` for a date, the word for ``onbepaald``/``onbekend``."""
    if d is None:
        return leeg
    if isinstance(d, dt.date):
        return d.strftime("%d-%m-%Y")
    return str(d)
