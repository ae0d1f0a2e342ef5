"""The domain rules, in one place, as pure functions over plain data.

- the cycle counting rule (does a place count for the Spreidingswet cycle?) with overrides;
- voornemens (what is planned but not guaranteed), minus successors;
- GOO places open on a peildatum (Oekraïne realisatie) and capacity in development;
- the procesfase of a gemeente.

Each function returns not just a yes/no but the reason, so ``bereken --uitleg`` and the report can
say *why* a number is what it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .config import Cyclus
from .model import AsielLocatie, GooLocatie
from .opmaak import datum
from .waarden import ONBEPAALD, Datum

# Reasons (stable codes, used in JSON and templates)
TELT = "telt"
OVERRIDE_JA = "override-ja"
OVERRIDE_NEE = "override-nee"
START_NA = "start-na-peildatum"
START_ONBEKEND = "start-onbekend"
EINDE_VOOR = "eindigt-te-vroeg"
EINDE_ONBEKEND = "einde-onbekend"
GEEN_BESLUIT = "geen-besluit"

REDENEN = {
    TELT: "telt mee: actief vóór {actief}, in gebruik tot minstens {tot}, besluit genomen",
    OVERRIDE_JA: "telt mee door bewuste afwijking: {toelichting}",
    OVERRIDE_NEE: "telt niet mee door bewuste afwijking: {toelichting}",
    START_NA: "telt niet mee: start {start} ligt na {actief}",
    START_ONBEKEND: "telt niet mee: startdatum onbekend",
    EINDE_VOOR: "telt niet mee: eindigt {eind}, vóór {tot}",
    EINDE_ONBEKEND: "telt niet mee: einddatum onbekend",
    GEEN_BESLUIT: "telt niet mee: bestuurlijk besluit nog niet genomen",
}


@dataclass(frozen=True)
class Oordeel:
    """Whether a location counts for the cycle, and why (all failed conditions, first one decides the
    text)."""

    telt: bool
    reden: str
    redenen: tuple[str, ...] = ()
    override: bool = False


def regel_oordeel(start: Datum | None, eind: Datum | None, besluit: bool | None, cyclus: Cyclus) -> Oordeel:
    """The bare cycle rule: active on/before the cut-off, in use until at least the end date, decision taken.

    ``onbepaald`` as end date counts (open-ended); ``onbekend`` or empty does not. The cut-off day
    itself counts (Hotel Fletcher from 01-07-2025 counts).
    """
    redenen = []
    if not isinstance(start, dt.date):
        redenen.append(START_ONBEKEND)
    elif start > cyclus.actief_uiterlijk:
        redenen.append(START_NA)
    if eind != ONBEPAALD:
        if not isinstance(eind, dt.date):
            redenen.append(EINDE_ONBEKEND)
        elif eind < cyclus.in_gebruik_tot_minstens:
            redenen.append(EINDE_VOOR)
    if besluit is not True:
        redenen.append(GEEN_BESLUIT)
    if not redenen:
        return Oordeel(True, TELT)
    return Oordeel(False, redenen[0], tuple(redenen))


def telt_mee(locatie: AsielLocatie, cyclus: Cyclus) -> Oordeel:
    """The rule for one asiel location, with an explicit, reasoned override taking precedence."""
    regel = regel_oordeel(locatie.startdatum, locatie.einddatum, locatie.besluit, cyclus)
    if locatie.telt_mee == "ja":
        return Oordeel(True, OVERRIDE_JA, regel.redenen, override=True)
    if locatie.telt_mee == "nee":
        return Oordeel(False, OVERRIDE_NEE, regel.redenen or (TELT,), override=True)
    return regel


def uitleg(oordeel: Oordeel, locatie: AsielLocatie, cyclus: Cyclus) -> str:
    """Dutch one-line explanation of an :class:`Oordeel`."""
    params = {
        "actief": datum(cyclus.actief_uiterlijk),
        "tot": datum(cyclus.in_gebruik_tot_minstens),
        "start": datum(locatie.startdatum, leeg="leeg"),
        "eind": datum(locatie.einddatum, leeg="leeg"),
        "toelichting": locatie.toelichting or "(geen toelichting)",
    }
    tekst = REDENEN[oordeel.reden].format(**params)
    if not oordeel.override and len(oordeel.redenen) > 1:
        extra = [REDENEN[r].format(**params).removeprefix("telt niet mee: ") for r in oordeel.redenen[1:]]
        tekst += "; ook: " + "; ".join(extra)
    if oordeel.override and oordeel.reden == OVERRIDE_JA and oordeel.redenen:
        tekst += (
            " (volgens de regel niet: "
            + REDENEN[oordeel.redenen[0]].format(**params).removeprefix("telt niet mee: ")
            + ")"
        )
    return tekst


def is_voornemen(locatie: AsielLocatie, oordeel: Oordeel, cyclus: Cyclus) -> bool:
    """A non-counting location is a voornemen when it is still to come or not settled.

    Not a voornemen: places that count; places decided against by override; places that simply end
    before the cycle's required end (they are ending, not planned); and successors (``vervangt``),
    which replace places already counted rather than adding to them.
    """
    if oordeel.telt or oordeel.reden == OVERRIDE_NEE or locatie.vervangt:
        return False
    eind = locatie.einddatum
    return not (isinstance(eind, dt.date) and eind < cyclus.in_gebruik_tot_minstens)


def open_op(opening: Datum | None, sluiting: Datum | None, peildatum: dt.date) -> bool:
    """Is a location open on ``peildatum``? Opened on or before it, and not closed before it.

    An unknown or open-ended closing date of a location that has opened means it is still open.
    """
    if not isinstance(opening, dt.date) or opening > peildatum:
        return False
    return not (isinstance(sluiting, dt.date) and sluiting < peildatum)


def goo_telt(goo: GooLocatie, peildatum: dt.date) -> bool:
    """Oekraïne realisatie: open on the peildatum, unless an explicit, reasoned override says otherwise."""
    if goo.telt_mee in ("ja", "nee"):
        return goo.telt_mee == "ja"
    return open_op(goo.opening, goo.sluiting, peildatum)


def goo_uitleg(
    opening: Datum | None,
    sluiting: Datum | None,
    telt: bool,
    override: bool,
    toelichting: str,
    peildatum: dt.date,
) -> str:
    """Dutch one-line explanation of :func:`goo_telt`: open, not yet open, closed, or an override."""
    if override:
        wat = "telt mee" if telt else "telt niet mee"
        return f"{wat} door bewuste afwijking: {toelichting or '(geen toelichting)'}"
    peil = datum(peildatum)
    if telt:
        tot = f", sluit {datum(sluiting)}" if isinstance(sluiting, dt.date) else ""
        return f"telt mee: open op {peil} (geopend {datum(opening, leeg='leeg')}{tot})"
    if not isinstance(opening, dt.date):
        return "telt niet mee: openingsdatum onbekend"
    if opening > peildatum:
        return f"telt niet mee: opent {datum(opening, leeg='leeg')}, na de peildatum {peil}"
    return f"telt niet mee: gesloten op {datum(sluiting, leeg='leeg')}, vóór de peildatum {peil}"


def in_ontwikkeling(goo: GooLocatie, peildatum: dt.date) -> bool:
    """A GOO location that does not count on the peildatum because it opens later (or on an unknown date)."""
    if goo_telt(goo, peildatum):
        return False
    return not isinstance(goo.opening, dt.date) or goo.opening >= peildatum


def actief_op(start: Datum | None, eind: Datum | None, peildatum: dt.date) -> bool:
    """Capacity active on a date (timeline): same as :func:`open_op`, but an unknown end counts as open."""
    return open_op(start, eind, peildatum)


def procesfase(geldig: int, voornemens: int, opgegeven: str = "") -> str:
    """(a) guarantees places, (b) has a process (voornemens with a number), (c) neither.

    The gemeente may overrule the derivation in its workbook (e.g. Zwolle: ``a+b``).
    """
    if opgegeven:
        return opgegeven
    if geldig > 0:
        return "a"
    return "b" if voornemens > 0 else "c"


def percentage(deel: int, geheel: int) -> float | None:
    """Unrounded percentage; rounding happens in one place (:mod:`regioplan.opmaak`)."""
    return None if not geheel else 100.0 * deel / geheel
