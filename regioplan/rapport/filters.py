"""Jinja filters of the report templates.

Numbers, percentages and dates are formatted by :mod:`regioplan.opmaak` only (thousands dots, half-up
percentages, dd-mm-jjjj); these filters merely adapt the values templates get (ISO strings, ranges,
booleans). The Markdown filters escape text from the workbooks so that a gemeente's text can never
become a link, an image, a table column or raw HTML.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from markupsafe import Markup, escape

from .. import opmaak, veilig
from ..namen import regio_titel
from ..waarden import Capaciteit, Datum
from .context import als_datum, anker, bereik


def getal(n: int | None, leeg: str = "") -> str:
    """``6325`` -> ``6.325``."""
    return opmaak.getal(n, leeg=leeg)


def teken(n: int | None, leeg: str = "") -> str:
    """Like :func:`getal`, with ``+`` before a surplus (kerncijfers)."""
    return opmaak.getal(n, teken=True, leeg=leeg)


def procent(p: int | None, leeg: str = "–") -> str:
    """A whole percentage (already rounded) as ``61%``."""
    return opmaak.procent(p, leeg=leeg)


def pct(deel: int, geheel: int, leeg: str = "–") -> str:
    """``deel`` as a percentage of ``geheel``, rounded half up: ``3864|pct(6325)`` -> ``61%``."""
    return opmaak.procent(opmaak.rond_percentage(deel, geheel), leeg=leeg)


def datum(d: dt.date | str | None, leeg: str = "") -> str:
    """A date (or ISO text from the computation) as ``dd-mm-jjjj``; ``onbepaald``/``onbekend`` stay words."""
    return opmaak.datum(cast("Datum | None", als_datum(d)), leeg=leeg)


def capaciteit(c: Capaciteit | int | str | None, leeg: str = "") -> str:
    """A capacity: ``550`` -> ``550``, ``"550-580"`` -> ``550–580``, ``"onbekend"`` stays.

    Takes the :class:`~regioplan.waarden.Capaciteit` of the result or its JSON form (number or text).
    """
    if c is None:
        return leeg
    if isinstance(c, Capaciteit):
        c = c.json()
    if isinstance(c, int):
        return opmaak.getal(c)
    if b := bereik(c):
        return f"{opmaak.getal(b[0])}–{opmaak.getal(b[1])}"
    return str(c)


def janee(b: bool | None, leeg: str = "") -> str:
    return leeg if b is None else ("ja" if b else "nee")


def md(tekst: object) -> str:
    """Inline Markdown text (:func:`regioplan.veilig.markdown`): no link, image, HTML or column from it."""
    return veilig.markdown(tekst)


def mdcel(tekst: object) -> str:
    """Text for a GFM table cell: escaped, on one line (:func:`regioplan.veilig.markdown_cel`)."""
    return veilig.markdown_cel(tekst)


def mdblok(tekst: object) -> str:
    """A paragraph of user text (:func:`regioplan.veilig.markdown_blok`)."""
    return veilig.markdown_blok(tekst)


# ---- HTML table cells. A report has thousands of number and date cells; as filters rather than Jinja
# macros they cost a function call each instead of a macro invocation (a quarter of the render time).
# The macros num/dat/pctcel/vn in macros.html.j2 stay, as thin wrappers, for own templates that use them.


def numcel(n: int | None, teken: bool = False, leeg: str = "") -> Markup:
    """``<td class="num">6.325</td>``; a negative number gets class ``neg``.

    With ``teken`` a surplus gets class ``pos`` and a ``+``."""
    if n is None:
        return Markup(f'<td class="num">{escape(leeg)}</td>')
    klasse = "num neg" if n < 0 else ("num pos" if teken and n > 0 else "num")
    # opmaak.getal gives digits, dots and a sign only: nothing to escape
    return Markup(f'<td class="{klasse}">{opmaak.getal(n, teken=teken)}</td>')


def datumcel(d: dt.date | str | None) -> Markup:
    """``<td class="datum">01-07-2025</td>`` (see :func:`datum`; a word from a workbook is escaped)."""
    return Markup(f'<td class="datum">{escape(datum(d))}</td>')


def pctcel(p: int | None) -> Markup:
    """``<td class="num">61%</td>`` for an already rounded percentage."""
    return Markup(f'<td class="num">{procent(p)}</td>')


def voetnoot(nummer: int | None) -> Markup:
    """The superscript link to footnote ``nummer``; nothing without a number."""
    if not nummer:
        return Markup("")
    n = escape(nummer)
    return Markup(f'<sup class="vn"><a href="#voetnoot-{n}" aria-label="voetnoot {n}">{n}</a></sup>')


def opsomming(delen: object, voegwoord: str = "en") -> str:
    """A Dutch prose list: ``["A", "B", "C"]`` -> ``A, B en C``; one item stays itself, none gives ``""``."""
    lijst = [str(d) for d in delen]  # type: ignore[attr-defined]
    if len(lijst) <= 1:
        return "".join(lijst)
    return ", ".join(lijst[:-1]) + f" {voegwoord} " + lijst[-1]


def css(tekst: object) -> str:
    """A CSS string literal (``"..."``) for any text: every character outside a small safe set is a hex
    escape, so a quote, backslash, newline or ``</style>`` in a name can never end the string or the style
    sheet."""
    veilig = []
    for teken in str(tekst):
        if teken.isascii() and (teken.isalnum() or teken in " .,:;_()%+!?="):
            veilig.append(teken)
        else:
            veilig.append(f"\\{ord(teken):06x} ")  # the space ends the escape and is not shown
    return '"' + "".join(veilig) + '"'


FILTERS = {
    "opsomming": opsomming,
    "aantal": opmaak.aantal,
    "regio": regio_titel,
    "css": css,
    "getal": getal,
    "teken": teken,
    "procent": procent,
    "pct": pct,
    "datum": datum,
    "capaciteit": capaciteit,
    "janee": janee,
    "anker": anker,
    "ligt_in": opmaak.ligt_in,
    "md": md,
    "mdcel": mdcel,
    "mdblok": mdblok,
    "numcel": numcel,
    "datumcel": datumcel,
    "pctcel": pctcel,
    "voetnoot": voetnoot,
}
