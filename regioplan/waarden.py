"""Parsing of cell values: dates, capacities, closed lists.

Pure functions: each returns the parsed value plus an optional *problem* (a finding code and its
parameters). The reader attaches file, sheet and cell to a problem; these functions know nothing of
workbooks, so they are shared by the reader, the validator and the tests.
"""

from __future__ import annotations

import datetime as dt
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

MAANDEN = {
    "jan": 1,
    "feb": 2,
    "mrt": 3,
    "maa": 3,
    "mar": 3,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_NNTB = re.compile(r"^n\.?\s*n\.?\s*t\.?\s*b\.?\s*\**$", re.IGNORECASE)
_DMY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2,4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")
_D_MON_Y = re.compile(r"^(\d{1,2})\s*-\s*([a-z]{3})[a-z]*\.?\s*-\s*(\d{2,4})$", re.IGNORECASE)
_MON_Y = re.compile(r"^([a-z]{3})[a-z]*\.?\s*-\s*(\d{2,4})$", re.IGNORECASE)
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


def lees_datum(waarde: object) -> tuple[Datum | None, Probleem]:
    """Read a date cell. ``None`` means empty.

    Real dates pass; ``onbepaald``/``onbekend`` pass; ``dd-mm-jjjj`` typed as text passes. Legacy
    spellings from the sources are read with a warning that names the explicit value to use.
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
        # A date cell that lost its date format shows Excel's day number (45292 = 01-01-2024).
        if float(waarde).is_integer() and SERIE_MIN <= waarde <= SERIE_MAX:
            dag = EXCEL_NUL + dt.timedelta(days=int(waarde))
            return dag, ("datum-verouderd", {"waarde": _getal_tekst(waarde), "voorstel": opmaak.datum(dag)})
        return ONBEKEND, ("datum-ongeldig", {"waarde": _getal_tekst(waarde)})
    tekst = str(waarde).strip()
    laag = tekst.lower()
    if laag in (ONBEPAALD, ONBEKEND):
        return laag, None
    if _NNTB.match(laag.replace(" ", "")) or laag in {"nntb", "nntb*", "n.n.t.b"}:
        return ONBEKEND, ("datum-nntb", {"waarde": tekst})
    if laag in {"?", "-", "–", "nvt", "n.v.t."}:
        return ONBEKEND, ("datum-verouderd", {"waarde": tekst, "voorstel": ONBEKEND})
    if laag in {"onbepaalde tijd", "voor onbepaalde tijd", "structureel", "geen"}:
        return ONBEPAALD, ("datum-verouderd", {"waarde": tekst, "voorstel": ONBEPAALD})
    if m := _ISO.match(tekst):
        return _maak(int(m[1]), int(m[2]), int(m[3]), tekst)
    if m := _DMY.match(tekst):
        datum, probleem = _maak(int(m[3]), int(m[2]), int(m[1]), tekst)
        if probleem is None and (" " in tekst or len(m[3]) == 2):
            return datum, ("datum-verouderd", {"waarde": tekst, "voorstel": opmaak.datum(datum)})
        return datum, probleem
    if (m := _D_MON_Y.match(tekst)) and m[2].lower()[:3] in MAANDEN:
        datum, probleem = _maak(int(m[3]), MAANDEN[m[2].lower()[:3]], int(m[1]), tekst)
        return datum, probleem or ("datum-verouderd", {"waarde": tekst, "voorstel": opmaak.datum(datum)})
    if (m := _MON_Y.match(tekst)) and m[1].lower()[:3] in MAANDEN:
        datum, probleem = _maak(int(m[2]), MAANDEN[m[1].lower()[:3]], 1, tekst)
        return datum, probleem or ("datum-verouderd", {"waarde": tekst, "voorstel": opmaak.datum(datum)})
    if (m := _BEOOGD.match(tekst)) or (m := _JAAR.match(tekst)):
        datum, probleem = _maak(int(m[1]), 1, 1, tekst)
        return datum, probleem or ("datum-verouderd", {"waarde": tekst, "voorstel": opmaak.datum(datum)})
    return ONBEKEND, ("datum-ongeldig", {"waarde": tekst})


def _getal_tekst(getal: float) -> str:
    return str(int(getal)) if float(getal).is_integer() else str(getal)


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
_BEREIK = re.compile(r"^(\d+)\s*(?:-|–|tot|t/m)\s*(\d+)$")
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


def lees_geheel(waarde: object, *, negatief: bool = False) -> tuple[int | None, Probleem]:
    """Read a whole number; ``None`` means empty. Text, decimals and (unless allowed) negatives are
    problems."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None, None
    if isinstance(waarde, bool):
        return None, ("getal-tekst", {"waarde": str(waarde)})
    if isinstance(waarde, dt.date):
        return None, ("getal-als-datum", _datum_als_getal(waarde))
    if isinstance(waarde, float):
        waarde = _afgerond(waarde)
    if isinstance(waarde, (int, float)):
        if not float(waarde).is_integer():
            return int(waarde), ("getal-decimaal", {"waarde": _getal_nl(waarde)})
        n = int(waarde)
        if n < 0 and not negatief:
            return n, ("getal-negatief", {"waarde": n})
        return n, None
    tekst = str(waarde).strip()
    if tekst in {"-", "–"}:
        return 0, None
    if re.fullmatch(r"-?\d+", tekst):
        return lees_geheel(int(tekst), negatief=negatief)
    if _DUIZEND.match(tekst):
        cijfers = tekst.replace(".", "").replace(" ", "")
        return int(cijfers), ("getal-als-tekst", {"waarde": tekst, "voorstel": cijfers})
    if re.fullmatch(r"-?\d+[,.]\d+", tekst):
        return int(float(tekst.replace(",", "."))), ("getal-decimaal", {"waarde": tekst})
    return None, ("getal-tekst", {"waarde": tekst})


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
        if _NNTB.match(laag.replace(" ", "")) or laag in {"nntb", "nntb*", "?"}:
            return GEEN_CAPACITEIT, ("capaciteit-verouderd", {"waarde": tekst})
        if m := _BEREIK.match(tekst):
            a, b = int(m[1]), int(m[2])
            if a > b:
                return Capaciteit(b, a), (
                    "capaciteit-bereik-omgekeerd",
                    {"waarde": tekst, "voorstel": f"{b}-{a}"},
                )
            return Capaciteit(a, b), None
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
    return str(waarde).strip()


def datum_json(datum: Datum | None) -> str | None:
    """A domain date for JSON: ISO for real dates, the word otherwise."""
    if datum is None:
        return None
    return datum.isoformat() if isinstance(datum, dt.date) else datum
