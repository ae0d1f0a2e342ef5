"""Reading dates given as options: ``bereken --peildata`` (dates and ranges for the timeline) and
``rapport --datum`` (one date, :func:`lees_optiedatum`). One parser, so every date option accepts the same
notations.

Accepted (ISO or Dutch order, any mix, separated by commas):

- a date: ``2022-11-15`` or ``15-11-2022`` (in Dutch order also ``15/11/2022`` and ``15.11.2022``, as in the
  workbooks);
- a month: ``2022-11`` or ``11-2022`` (the first of that month);
- a range ``VAN..TOT`` of dates or months: one peildatum a month, on the day of ``VAN`` (the last day
  of a shorter month), from ``VAN`` up to and including ``TOT``; ``TOT`` itself is always a peildatum.
  ``2025-01..2025-12`` gives the first of each month of 2025; ``15-11-2022..01-07-2023`` gives
  15-11-2022, 15-12-2022, ..., 15-06-2023 and 01-07-2023.

Anything else (empty, reversed, a day that does not exist, more than :data:`MAXIMUM` dates) raises
:class:`PeildataFout` with a Dutch message that says what is accepted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .opmaak import datum

MAXIMUM = 600  #: more peildata than this is almost certainly a typo in a year (50 years of months)

#: The notations of one date, for every hint about a date option.
DATUMVORMEN = "DD-MM-JJJJ of JJJJ-MM-DD (ook DD/MM/JJJJ of DD.MM.JJJJ), bijvoorbeeld 01-12-2026 of 2026-12-01"

UITLEG = (
    "Geef datums als DD-MM-JJJJ of JJJJ-MM-DD (ook DD/MM/JJJJ), maanden als JJJJ-MM of MM-JJJJ, gescheiden "
    "door komma's, "
    "of een reeks VAN..TOT (één peildatum per maand), bijvoorbeeld 2025-01-01,2025-07-01 of 2025-01..2025-12 "
    "of 15-11-2022..01-07-2023."
)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_NL = re.compile(r"^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})$")


class PeildataFout(ValueError):
    """``--peildata`` cannot be read; ``str()`` is the Dutch message, :data:`UITLEG` the hint."""


def lees_datum(tekst: str) -> tuple[dt.date, bool]:
    """``(date, has_day)`` for one date or month in ISO or Dutch order."""
    t = tekst.strip()
    m = _ISO.match(t)
    if m:
        jaar, maand, dag = int(m[1]), int(m[2]), m[3]
    else:
        m = _NL.match(t)
        if not m:
            raise PeildataFout(f"'{t}' is geen datum of maand." if t else "Er ontbreekt een datum.")
        jaar, maand, dag = int(m[3]), int(m[2]), m[1]
    try:
        return dt.date(jaar, maand, int(dag) if dag else 1), dag is not None
    except ValueError:
        raise PeildataFout(f"'{t}' bestaat niet als datum.") from None


def lees_optiedatum(tekst: str, optie: str) -> dt.date:
    """One date of an option such as ``--datum``, in any notation of :data:`DATUMVORMEN`; a month alone is
    not a date. Raises :class:`PeildataFout` naming the option."""
    t = tekst.strip()
    if not t:
        raise PeildataFout(f"{optie} is leeg.")
    try:
        datum_, met_dag = lees_datum(t)
    except PeildataFout as fout:
        reden = "bestaat niet als datum" if "bestaat niet" in str(fout) else "is geen datum"
        raise PeildataFout(f"{optie} '{t}' {reden}.") from None
    if not met_dag:
        raise PeildataFout(f"{optie} '{tekst.strip()}' is een maand, geen datum.")
    return datum_


def _plus_maanden(d: dt.date, n: int, dag: int) -> dt.date:
    jaar, maand = divmod(d.month - 1 + n, 12)
    jaar, maand = d.year + jaar, maand + 1
    return dt.date(jaar, maand, min(dag, calendar.monthrange(jaar, maand)[1]))


def reeks(van: dt.date, tot: dt.date) -> list[dt.date]:
    """One date a month on the day of ``van`` (clamped to the month's end) up to ``tot``, plus ``tot``."""
    uit: list[dt.date] = []
    d, n = van, 0
    while d <= tot:
        uit.append(d)
        n += 1
        d = _plus_maanden(van, n, van.day)
        if len(uit) > MAXIMUM:
            break
    if uit[-1] != tot:
        uit.append(tot)
    return uit


def lees_peildata(tekst: str) -> tuple[dt.date, ...]:
    """The sorted, distinct peildata of a ``--peildata`` text; :class:`PeildataFout` when it is not valid."""
    if not tekst.strip():
        raise PeildataFout("--peildata is leeg.")
    datums: set[dt.date] = set()
    for deel in tekst.split(","):
        deel = deel.strip()
        if not deel:
            raise PeildataFout(f"'{tekst.strip()}' bevat een lege plek tussen komma's.")
        if ".." in deel:
            van_t, _, tot_t = deel.partition("..")
            if ".." in tot_t:
                raise PeildataFout(f"'{deel}' heeft meer dan één '..'.")
            van, _ = lees_datum(van_t)
            tot, _ = lees_datum(tot_t)
            if tot < van:
                raise PeildataFout(f"De reeks '{deel}' loopt achteruit: {datum(tot)} ligt vóór {datum(van)}.")
            datums.update(reeks(van, tot))
        else:
            datums.add(lees_datum(deel)[0])
        if len(datums) > MAXIMUM:
            raise PeildataFout(f"'{tekst.strip()}' geeft meer dan {MAXIMUM} peildata.")
    return tuple(sorted(datums))
