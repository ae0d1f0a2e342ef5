"""Parsing of cell values: dates, capacities, closed lists.

Pure functions: each returns the parsed value plus an optional *problem* (a finding code and its
parameters). The reader attaches file, sheet and cell to a problem; these functions know nothing of
workbooks, so they are shared by the reader, the validator and the tests.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from difflib import get_close_matches
from functools import lru_cache

from . import opmaak

ONBEPAALD = "onbepaald"  #: open-ended: runs longer than any required term
ONBEKEND = "onbekend"  #: not known yet

#: A date in the domain: a real date or one of the two explicit words.
Datum = dt.date | str

Probleem = tuple[str, dict[str, object]] | None

#: A dash alone (hyphen, en dash, em dash, figure dash, minus sign): "nothing" in a Dutch table.
NIHIL = frozenset({"-", "\u2013", "\u2014", "\u2012", "\u2212", "--"})
#: Minus signs and dashes a number may start with after copying from Word, PDF or a web page.
_MINTEKENS = str.maketrans(dict.fromkeys("\u2212\u2012\u2013\u2014\u2010\u2011", "-"))

_NNTB = re.compile(r"^n\.?\s*n\.?\s*t\.?\s*b\.?\s*\**$", re.IGNORECASE)
#: "nog te bepalen", "nog niet bekend" and the like: not known yet, said the old way.
_NOG_ONBEKEND = re.compile(r"^(?:n\.?\s*t\.?\s*b|n\.?\s*n\.?\s*b|nog\s+onbekend|nog\s+niet\s+bekend)\.?$")
_DMY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2,4})$")
_ISO = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$")
#: A time after a date typed as text (``01-07-2025 00:00``, ``2025-07-01T14:30:00``): the date is meant.
_TIJD = re.compile(
    r"^(.*\d)(?:\s+|T)(?:om\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*uur)?$", re.IGNORECASE
)
_D_MON_Y = re.compile(r"^(\d{1,2})\s*[- ]\s*([a-z]{3,})\.?\s*[- ]\s*'?(\d{2,4})$", re.IGNORECASE)
_MON_Y = re.compile(r"^([a-z]{3,})\.?\s*[- ]\s*'?(\d{2,4})$", re.IGNORECASE)
#: A weekday before a date, as Excel's long date format writes it (``dinsdag 1 juli 2025``).
_WEEKDAG = re.compile(
    r"^(?:ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?,?\s+(.+)$",
    re.IGNORECASE,
)
#: A word before a date that does not change which date is meant (``per 1-7-2025``).
_VOORZETSEL = re.compile(
    r"^(?:per|vanaf|v\.a\.|sinds|op|uiterlijk|tot|t/m|verwacht|beoogd|gepland)\s+(.+)$", re.IGNORECASE
)
#: A period rather than a day: a quarter, a half year, a season, or the beginning/middle/end of a year.
_PERIODE = re.compile(
    r"^(?:(?P<q>q|k)\s*(?P<kw>[1-4])|(?P<kw2>[1-4])\s*(?:e|de|ste)?\s*kwartaal|(?P<h>h|hj)\s*(?P<hj>[12])|"
    r"(?P<hj2>[12])\s*(?:e|ste|de)?\s*(?:helft|halfjaar)|(?P<w>begin|start|medio|midden|half|eind|einde|"
    r"voorjaar|lente|zomer|najaar|herfst|winter)|(?P<m>begin|medio|midden|eind|einde)\s+(?P<maand>[a-z]+))"
    r"\s*[-/ ]?\s*'?(?P<jaar>\d{4}|\d{2})$",
    re.IGNORECASE,
)
#: Full month names, Dutch and English: a month word is a known name or the start of one (3+ letters).
MAANDNAMEN = {
    "januari": 1, "january": 1, "februari": 2, "february": 2, "maart": 3, "march": 3, "april": 4,
    "mei": 5, "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7, "augustus": 8, "august": 8,
    "september": 9, "oktober": 10, "october": 10, "november": 11, "december": 12, "mrt": 3,
}  # fmt: skip
_BEOOGD = re.compile(r"^(?:beoogd|verwacht|vanaf)\s+(\d{4})$", re.IGNORECASE)
_JAAR = re.compile(r"^(\d{4})\**$")

#: Years outside this window are typos (``05-04-2202``), not plans.
JAAR_MIN, JAAR_MAX = 1990, 2100
#: Excel's day numbers for 01-01-1990 and 31-12-2100 (day 0 is 30-12-1899 in the 1900 date system).
EXCEL_NUL = dt.date(1899, 12, 30)
SERIE_MIN, SERIE_MAX = (
    (dt.date(JAAR_MIN, 1, 1) - EXCEL_NUL).days,
    (dt.date(JAAR_MAX, 12, 31) - EXCEL_NUL).days,
)


def _jaar(j: int) -> int:
    return j + 2000 if j < 100 else j


def _maak(j: int, m: int, d: int, tekst: str) -> tuple[Datum, Probleem]:
    try:
        datum = dt.date(_jaar(j), m, d)
    except ValueError:
        return ONBEKEND, ("datum-ongeldig", {"waarde": tekst})
    if not JAAR_MIN <= datum.year <= JAAR_MAX:
        return ONBEKEND, ("datum-onwaarschijnlijk", {"waarde": tekst, "jaar": datum.year})
    return datum, None


def maand(woord: str) -> int | None:
    """The month a word names: ``jul``, ``juli``, ``July``, ``sept.``, ``mrt`` (None for any other word)."""
    w = woord.lower().rstrip(".")
    if len(w) < 3:
        return None
    return next((n for naam, n in MAANDNAMEN.items() if naam.startswith(w)), None)


def _periode(tekst: str) -> dt.date | None:
    """The first day of a period typed instead of a date (``Q3 2025``, ``medio 2025``), else None."""
    m = _PERIODE.match(tekst)
    if not m:
        return None
    jaar = _jaar(int(m["jaar"]))
    if m["kw"] or m["kw2"]:
        return dt.date(jaar, 3 * int(m["kw"] or m["kw2"]) - 2, 1)
    if m["hj"] or m["hj2"]:
        return dt.date(jaar, 1 if (m["hj"] or m["hj2"]) == "1" else 7, 1)
    if m["maand"]:
        n = maand(m["maand"])
        return dt.date(jaar, n, 1) if n else None
    begin = {"medio": 7, "midden": 7, "half": 7, "voorjaar": 3, "lente": 3, "zomer": 6, "najaar": 9}
    return dt.date(
        jaar, {"herfst": 9, "winter": 12, "eind": 10, "einde": 10, **begin}.get(m["w"].lower(), 1), 1
    )


def lees_datum(waarde: object) -> tuple[Datum | None, Probleem]:
    """Read a date cell. ``None`` means empty.

    Real dates pass; ``onbepaald``/``onbekend`` pass; ``dd-mm-jjjj`` typed as text passes, also with a
    time after it. Other spellings of one day (``1 juli 2025``, ``2025-7-1``, ``dinsdag 1 juli 2025``,
    ``per 1-7-2025``, ``jul-25``) and legacy words (``n.t.b.``, ``-``) are read with the warning
    ``datum-verouderd`` that names the explicit value to use. A period (``Q3 2025``, ``medio 2025``) is no
    date: ``datum-periode``, read as ``onbekend``.
    """
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None, None
    if isinstance(waarde, dt.datetime):
        waarde = waarde.date()
    if isinstance(waarde, dt.date):
        if not JAAR_MIN <= waarde.year <= JAAR_MAX:
            return ONBEKEND, (
                "datum-onwaarschijnlijk",
                {"waarde": opmaak.datum(waarde), "jaar": waarde.year},
            )
        return waarde, None
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        # A date cell that lost its date format shows Excel's day number (45292 = 01-01-2024); a fraction
        # is the time of day.
        if SERIE_MIN <= waarde < SERIE_MAX + 1:  # NaN and infinity fail this too
            dag = EXCEL_NUL + dt.timedelta(days=int(waarde))
            return dag, ("datum-verouderd", {"waarde": _getal_nl(waarde), "voorstel": opmaak.datum(dag)})
        return ONBEKEND, (
            "datum-ongeldig",
            {
                "waarde": _getal_nl(waarde)
                if isinstance(waarde, int) or math.isfinite(waarde)
                else str(waarde)
            },
        )
    getypt = waarde.strip() if isinstance(waarde, str) else lees_tekst(waarde)  # a time, WAAR: as Excel shows
    tekst = getypt
    laag = tekst.lower()
    if laag in (ONBEPAALD, ONBEKEND):
        return laag, None
    if _NNTB.match(laag.replace(" ", "")) or laag in {"nntb", "nntb*", "n.n.t.b"}:
        return ONBEKEND, ("datum-nntb", {"waarde": tekst})
    if laag in NIHIL or laag in {"?", "nvt", "n.v.t.", "nb", "n.b."} or _NOG_ONBEKEND.match(laag):
        return ONBEKEND, ("datum-verouderd", {"waarde": tekst, "voorstel": ONBEKEND})
    if laag in {"onbepaalde tijd", "voor onbepaalde tijd", "structureel", "geen"}:
        return ONBEPAALD, ("datum-verouderd", {"waarde": tekst, "voorstel": ONBEPAALD})
    if m := _TIJD.match(tekst):  # the time of day does not change the date
        tekst = m[1].strip()
    datum, probleem = _lees_dag(tekst)
    if probleem is None or probleem[0] != "datum-ongeldig":
        return datum, _met_waarde(probleem, tekst, getypt)
    kern = tekst
    for patroon in (_VOORZETSEL, _WEEKDAG):  # "per dinsdag 1 juli 2025": both, in this order
        if m := patroon.match(kern):
            kern = m[1].strip()
    if kern != tekst:
        datum, probleem = _lees_dag(kern)
        if isinstance(datum, dt.date) and (probleem is None or probleem[0] == "datum-verouderd"):
            return datum, (
                "datum-verouderd",
                {"waarde": getypt, "voorstel": opmaak.datum(datum)},
            )
        if probleem and probleem[0] != "datum-ongeldig":
            return datum, _met_waarde(probleem, kern, getypt)
    tekst = getypt
    if (begin := _periode(kern)) is not None:
        return ONBEKEND, ("datum-periode", {"waarde": tekst, "voorstel": opmaak.datum(begin)})
    return ONBEKEND, ("datum-ongeldig", {"waarde": tekst})


def _met_waarde(probleem: Probleem, gelezen: str, getypt: str) -> Probleem:
    """``probleem`` naming the value as it was typed (with the time or word that was left out)."""
    if probleem is None or gelezen == getypt:
        return probleem
    return probleem[0], {**probleem[1], "waarde": getypt}


def _lees_dag(tekst: str) -> tuple[Datum, Probleem]:
    """One day typed as text, in a numeric or written form; ``datum-ongeldig`` when it is none."""
    if m := _ISO.match(tekst):
        datum, probleem = _maak(int(m[1]), int(m[2]), int(m[3]), tekst)
        if probleem is None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", tekst):
            return datum, ("datum-verouderd", {"waarde": tekst, "voorstel": opmaak.datum(datum)})
        return datum, probleem
    if m := _DMY.match(tekst):
        datum, probleem = _maak(int(m[3]), int(m[2]), int(m[1]), tekst)
        if probleem is None and (" " in tekst or len(m[3]) == 2):
            return datum, ("datum-verouderd", {"waarde": tekst, "voorstel": opmaak.datum(datum)})
        return datum, probleem
    if (m := _D_MON_Y.match(tekst)) and (n := maand(m[2])):
        datum, probleem = _maak(int(m[3]), n, int(m[1]), tekst)
        return datum, probleem or ("datum-verouderd", {"waarde": tekst, "voorstel": opmaak.datum(datum)})
    if (m := _MON_Y.match(tekst)) and (n := maand(m[1])):
        datum, probleem = _maak(int(m[2]), n, 1, tekst)
        return datum, probleem or ("datum-verouderd", {"waarde": tekst, "voorstel": opmaak.datum(datum)})
    if (m := _BEOOGD.match(tekst)) or (m := _JAAR.match(tekst)):
        datum, probleem = _maak(int(m[1]), 1, 1, tekst)
        return datum, probleem or ("datum-verouderd", {"waarde": tekst, "voorstel": opmaak.datum(datum)})
    return ONBEKEND, ("datum-ongeldig", {"waarde": tekst})


def _getal_tekst(getal: float) -> str:
    if isinstance(getal, int):
        return str(getal)
    return str(int(getal)) if getal.is_integer() else str(getal)


def _getal_nl(getal: float) -> str:
    """A number as a Dutch user typed it (decimal comma), for messages."""
    return _getal_tekst(getal).replace(".", ",")


@dataclass(frozen=True)
class Capaciteit:
    """A capacity: exact (``laag == hoog``), a range ``550-580``, or unknown (``laag is None``).

    Totals use the lower bound (:attr:`telwaarde`); an unknown capacity counts 0 and is shown as
    unknown, so a plan without a number never inflates a total.
    """

    laag: int | None
    hoog: int | None

    @property
    def onbekend(self) -> bool:
        return self.laag is None

    @property
    def is_bereik(self) -> bool:
        return self.laag is not None and self.hoog != self.laag

    @property
    def telwaarde(self) -> int:
        return self.laag or 0

    @property
    def tekst(self) -> str:
        if self.laag is None:
            return ONBEKEND
        return f"{self.laag}-{self.hoog}" if self.is_bereik else str(self.laag)

    def json(self) -> int | str:
        return self.laag if (self.laag is not None and not self.is_bereik) else self.tekst

    @classmethod
    def exact(cls, n: int) -> Capaciteit:
        return cls(n, n)


GEEN_CAPACITEIT = Capaciteit(None, None)
_BEREIK = re.compile(r"^(\d+)\s*(?:-|–|—|tot|t/m)\s*(\d+)$")
_BEREIK_DUIZEND = re.compile(
    r"^(\d{1,3}(?:[. ]\d{3})+|\d+)\s*(?:-|–|—|tot|t/m)\s*(\d{1,3}(?:[. ]\d{3})+|\d+)$"
)
_DUIZEND = re.compile(r"^\d{1,3}(?:([. ])\d{3})(?:\1\d{3})*$")  #: 1.211 or 1 211 (one separator)

#: A number this close to a whole number is that number: ``=90*0,7`` is stored as 62.99999999999999.
GEHEEL_MARGE = 1e-9

MAAND_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _afgerond(getal: float) -> float:
    """``getal`` itself, or the whole number it is within :data:`GEHEEL_MARGE` (relative) of."""
    heel = round(getal)
    return float(heel) if abs(getal - heel) <= GEHEEL_MARGE * max(1.0, abs(getal)) else getal


def _datum_als_getal(datum: dt.date) -> dict[str, object]:
    """What Dutch Excel made of ``5-11`` typed in a General cell (5 November), for the message."""
    return {"getoond": f"{datum.day}-{MAAND_KORT[datum.month - 1]}", "voorstel": f"{datum.day}-{datum.month}"}


#: No capacity or number of people of one gemeente comes near this: a larger number is a typo or a pasted
#: code (``1e12`` from a formula gone wrong, a phone number), not a plan.
MAX_GETAL = 1_000_000
_HEEL = re.compile(r"-?\d+")
_NL_DECIMAAL = re.compile(r"-?\d{1,3}(?:\.\d{3})+,\d+")  #: 1.234,0 (Dutch)
_EN_DECIMAAL = re.compile(r"-?\d{1,3}(?:,\d{3})+\.\d+")  #: 1,234.0 (English)
_EN_DUIZEND = re.compile(r"-?\d{1,3}(?:,\d{3})+")  #: 1,234 (English thousands, or a Dutch decimal)
_DECIMAAL = re.compile(r"-?\d+[,.]\d+")


def lees_geheel(waarde: object, *, negatief: bool = False) -> tuple[int | None, Probleem]:
    """Read a whole number; ``None`` means empty (or unreadable, with the problem).

    A number typed as text is read when only one number can be meant: ``1.234``, ``1 234``,
    ``1.234,0``, ``1,234.0``, ``12,0`` and ``+12`` with the warning ``getal-als-tekst``; a dash alone is 0;
    a Unicode minus sign (from Word or PDF) is a minus. ``1,234`` is Dutch for 1,234 and English for 1234:
    ``getal-dubbelzinnig``. Decimals, negatives (unless allowed), text and numbers past
    :data:`MAX_GETAL` are problems."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None, None
    if isinstance(waarde, (bool, dt.time, dt.timedelta)):
        return None, ("getal-tekst", {"waarde": lees_tekst(waarde)})
    if isinstance(waarde, dt.date):
        return None, ("getal-als-datum", _datum_als_getal(waarde))
    if isinstance(waarde, float):
        if not math.isfinite(waarde):
            return None, ("getal-tekst", {"waarde": str(waarde)})
        waarde = _afgerond(waarde)
    if isinstance(waarde, (int, float)):
        if abs(waarde) > MAX_GETAL:
            return None, ("getal-te-groot", {"waarde": _getal_nl(waarde), "maximum": opmaak.getal(MAX_GETAL)})
        if not float(waarde).is_integer():
            return int(waarde), ("getal-decimaal", {"waarde": _getal_nl(waarde)})
        n = int(waarde)
        if n < 0 and not negatief:
            return n, ("getal-negatief", {"waarde": n})
        return n, None
    tekst = str(waarde).strip()
    if tekst in NIHIL:
        return 0, None
    t = tekst.translate(_MINTEKENS)
    if t.startswith("+"):
        t = t[1:].lstrip()
    heel: str | None = None  # the digits of a whole number typed another way, for getal-als-tekst
    if _HEEL.fullmatch(t):
        if len(t) > 15:  # more digits than Excel keeps; past MAX_GETAL anyway
            return None, ("getal-te-groot", {"waarde": tekst, "maximum": opmaak.getal(MAX_GETAL)})
        if t == tekst.strip():
            return lees_geheel(int(t), negatief=negatief)
        heel = t
    elif _DUIZEND.match(t.lstrip("-")):
        heel = t.replace(".", "").replace(" ", "")
    elif _NL_DECIMAAL.fullmatch(t) or _EN_DECIMAAL.fullmatch(t):
        komma = "," if _NL_DECIMAAL.fullmatch(t) else "."
        geheel_deel, breuk = t.rsplit(komma, 1)
        if set(breuk) != {"0"}:
            getal_ = float(geheel_deel.replace(".", "").replace(",", "") + "." + breuk)
            return int(getal_), ("getal-decimaal", {"waarde": tekst})
        heel = geheel_deel.replace(".", "").replace(",", "")
    elif _EN_DUIZEND.fullmatch(t):
        if t.count(",") > 1:  # 1,234,567: only English thousands can be meant
            heel = t.replace(",", "")
        else:
            engels = t.replace(",", "")
            return None, ("getal-dubbelzinnig", {"waarde": tekst, "voorstel": engels})
    elif _DECIMAAL.fullmatch(t):
        getal_ = float(t.replace(",", "."))
        if not getal_.is_integer():
            return int(getal_), ("getal-decimaal", {"waarde": tekst})
        heel = str(int(getal_))
    if heel is None:
        return None, ("getal-tekst", {"waarde": tekst})
    gelezen, probleem = lees_geheel(int(heel), negatief=negatief)
    if probleem is None:
        return gelezen, ("getal-als-tekst", {"waarde": tekst, "voorstel": heel})
    return gelezen, (probleem[0], {**probleem[1], "waarde": tekst})


def lees_capaciteit(waarde: object) -> tuple[Capaciteit | None, Probleem]:
    """Read a capacity: number, range ``550-580`` or ``onbekend``. ``None`` means empty.

    A range typed in a General cell that Excel turned into a date (``5-11`` -> 5 November) is read as the
    range it was, with the finding ``getal-als-datum``."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None, None
    if isinstance(waarde, dt.date):
        a, b = waarde.day, waarde.month
        return Capaciteit(min(a, b), max(a, b)), ("getal-als-datum", _datum_als_getal(waarde))
    if isinstance(waarde, str):
        tekst = waarde.strip()
        laag = tekst.lower()
        if laag == ONBEKEND:
            return GEEN_CAPACITEIT, None
        if _NNTB.match(laag.replace(" ", "")) or laag in {"nntb", "nntb*", "?"} or _NOG_ONBEKEND.match(laag):
            return GEEN_CAPACITEIT, ("capaciteit-verouderd", {"waarde": tekst})
        if m := _BEREIK.match(tekst):
            a, b = int(m[1]), int(m[2])
            if max(a, b) > MAX_GETAL:
                return GEEN_CAPACITEIT, (
                    "getal-te-groot",
                    {"waarde": tekst, "maximum": opmaak.getal(MAX_GETAL)},
                )
            if a > b:
                return Capaciteit(b, a), (
                    "capaciteit-bereik-omgekeerd",
                    {"waarde": tekst, "voorstel": f"{b}-{a}"},
                )
            return Capaciteit(a, b), None
        if m := _BEREIK_DUIZEND.match(tekst):  # 1.200-1.500: an end with a thousands separator
            gewoon = "-".join(re.sub(r"[. ]", "", d) for d in (m[1], m[2]))
            capaciteit, probleem = lees_capaciteit(gewoon)  # a plain range now: read by _BEREIK
            if probleem is None:
                return capaciteit, ("getal-als-tekst", {"waarde": tekst, "voorstel": gewoon})
            return capaciteit, (probleem[0], {**probleem[1], "waarde": tekst})
        if re.search(r"\d\s*-\s*$|^\s*-\s*\d|\d\s*-\s*-", tekst):
            return GEEN_CAPACITEIT, ("capaciteit-bereik-ongeldig", {"waarde": tekst})
    n, probleem = lees_geheel(waarde)
    if n is None:
        return GEEN_CAPACITEIT, probleem
    return Capaciteit.exact(n), probleem


_NIET_ALFANUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=16384)
def normaliseer(tekst: str) -> str:
    """Lower-case, accents off, punctuation and spaces folded: for matching names and list values.

    Cached: it runs for every header and list cell (~150.000 times for a national set) over few
    distinct texts."""
    zonder = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    return _NIET_ALFANUM.sub(" ", zonder.lower()).strip()


@lru_cache(maxsize=256)
def _keuze_index(keuzes: tuple[str, ...]) -> dict[str, str]:
    """Normalised spelling -> the list value, once per closed list (read only)."""
    return {normaliseer(k): k for k in keuzes}


def lees_keuze(waarde: object, keuzes: tuple[str, ...]) -> tuple[str | None, Probleem]:
    """Read a value from a closed list, case- and accent-insensitively; suggest the closest on a miss."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None, None
    tekst = lees_tekst(waarde)
    index = _keuze_index(tuple(keuzes))
    sleutel = normaliseer(tekst)
    if sleutel in index:
        return index[sleutel], None
    voorstel = get_close_matches(sleutel, list(index), n=1, cutoff=0.5)
    return None, (
        "keuze-onbekend",
        {
            "waarde": tekst,
            "toegestaan": ", ".join(keuzes),
            "voorstel": index[voorstel[0]] if voorstel else "",
        },
    )


#: Other ways people write yes and no in a ja/nee column (English, one letter, Excel's TRUE/FALSE typed in
#: Dutch); each means one thing, so it is read without a finding.
JANEE = {
    "j": "ja", "yes": "ja", "y": "ja", "waar": "ja", "true": "ja",
    "n": "nee", "no": "nee", "onwaar": "nee", "false": "nee",
}  # fmt: skip


def lees_janee(waarde: object) -> tuple[bool | None, Probleem]:
    """Read a ja/nee cell: ``ja``/``nee`` in any case, a checkbox (bool), or a word of :data:`JANEE`."""
    if isinstance(waarde, bool):
        return waarde, None
    gekozen, probleem = lees_keuze(JANEE.get(normaliseer(lees_tekst(waarde)), waarde), ("ja", "nee"))
    return (None if gekozen is None else gekozen == "ja"), probleem


#: Characters that look like a space, or like nothing, in text pasted from e-mail, PDF, Word or a web page;
#: the name is what a message calls them. Spaces become a plain space, the others disappear.
SPATIES = {
    "\u00a0": "harde spatie",
    "\u202f": "smalle harde spatie",
    "\u2007": "cijferspatie",
    "\u2009": "dunne spatie",
    "\u200a": "haarspatie",
    "\u2002": "en-spatie",
    "\u2003": "em-spatie",
    "\u205f": "wiskundige spatie",
    "\u3000": "ideografische spatie",
    "\x0b": "verticale tab (regeleinde uit Word)",
    "\x0c": "pagina-einde",
    "\u2028": "regelscheidingsteken",
    "\u2029": "alineascheidingsteken",
}
ONZICHTBAAR = {
    "\u200b": "spatie zonder breedte",
    "\u200c": "onzichtbaar scheidingsteken",
    "\u200d": "onzichtbaar verbindingsteken",
    "\u2060": "woordverbinder",
    "\ufeff": "BOM-teken",
    "\u00ad": "zacht afbreekstreepje",
    "\u200e": "richtingsteken",
    "\u200f": "richtingsteken",
    "\u202a": "richtingsteken",
    "\u202b": "richtingsteken",
    "\u202c": "richtingsteken",
    "\u202d": "richtingsteken",
    "\u202e": "richtingsteken",
}
_STUUR = "".join(chr(i) for i in range(32) if chr(i) not in "\t\n\r\x0b\x0c") + "\x7f"
_VREEMD = re.compile("[" + re.escape("".join(SPATIES) + "".join(ONZICHTBAAR) + _STUUR) + "]")
_NAAR = str.maketrans(
    {**{k: " " for k in SPATIES}, **{k: None for k in ONZICHTBAAR}, **{k: None for k in _STUUR}}
)
MAX_TEKST = 32_767  #: characters in one cell: Excel's own limit (a longer value cannot be exported to .xlsx)


def schoon(tekst: str) -> tuple[str, tuple[str, ...]]:
    """``tekst`` with look-alike spaces made plain and invisible and control characters removed, plus the
    names of what was found (empty when nothing was; then ``tekst`` itself is returned)."""
    if not _VREEMD.search(tekst):
        return tekst, ()
    namen = dict.fromkeys(
        SPATIES.get(t) or ONZICHTBAAR.get(t) or f"stuurteken U+{ord(t):04X}" for t in _VREEMD.findall(tekst)
    )
    return tekst.translate(_NAAR), tuple(namen)


def lees_tekst(waarde: object) -> str:
    """Any cell as text; numbers without a spurious ``.0``."""
    if type(waarde) is str:  # most cells: first, before the isinstance chain
        return waarde.strip()
    if waarde is None:
        return ""
    if isinstance(waarde, float):
        return _getal_tekst(waarde)
    if isinstance(waarde, dt.date):  # a datetime too: its date
        return opmaak.datum(waarde)
    if isinstance(waarde, bool):  # as Dutch Excel shows it
        return "WAAR" if waarde else "ONWAAR"
    if isinstance(waarde, dt.time):
        return waarde.strftime("%H:%M" if not waarde.second else "%H:%M:%S")
    if isinstance(waarde, dt.timedelta):  # a duration cell ([u]:mm)
        minuten = int(waarde.total_seconds() // 60)
        return f"{minuten // 60}:{minuten % 60:02d}"
    return str(waarde).strip()


def datum_json(datum: Datum | None) -> str | None:
    """A domain date for JSON: ISO for real dates, the word otherwise."""
    if datum is None:
        return None
    return datum.isoformat() if isinstance(datum, dt.date) else datum
