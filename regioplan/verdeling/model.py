"""Typed, frozen data of the distribution of the restopgave (Verdeelbesluit method, steps 1-4b).

Everything here is plain data: the steps in :mod:`regioplan.verdeling.stappen` are pure functions
from these inputs to these results. Numbers of places are whole numbers; the common percentages are
exact fractions (:class:`fractions.Fraction`) so that a result never depends on float rounding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

#: Settings for the three choices the method leaves implicit (see docs/verdeel.md).
BASES = ("totaal", "per-soort")
SPLITSINGEN = ("amv-naar-indicatie", "naar-restopgave")
AFRONDINGEN = ("omlaag-grootste", "grootste-rest", "half-omhoog")
#: How many decimals (in percent) the common percentage keeps with ``omlaag-grootste``; None = exact.
MAX_DECIMALEN = 6

#: Reasons a gemeente is left out of (part of) the distribution, step 4a (and the minimum of 4b).
REDENEN = {
    "indicatief": "biedt al evenveel of meer dan de indicatieve verdeling",
    "historisch": "uitzonderlijke historische bijdrage aan de asielopvang (tien jaar)",
    "oekraine": "uitzonderlijke bijdrage aan de opvang van Oekraïners",
    "uitruil": "uitruilafspraak: de groep realiseert samen minstens haar indicatieve regulier",
    "minimum": "aandeel zou onder het minimum uitkomen",
}
SOORTEN = ("beide", "regulier", "amv")
#: The figures per gemeente that :meth:`Verdeling.som` adds up for the province.
Veld = Literal["overgenomen", "kansrijk", "na_stap_2", "aandeel", "verdeling"]

#: The four criteria of a kansrijk initiative (step 2), as written in the workbook.
KANSRIJK_CRITERIA = {
    "besluit": "lokale besluitvorming is afgerond",
    "voor-raming": "beschikbaar na zes maanden, maar vóór de volgende capaciteitsraming",
    "verlenging": "aantoonbaar zicht op verlenging van een bestaande locatie",
    "toezegging": "duidelijke toezegging om tijdig te realiseren",
}


@dataclass(frozen=True)
class Paar:
    """A number of places split into regulier and amv."""

    regulier: int = 0
    amv: int = 0

    @property
    def totaal(self) -> int:
        return self.regulier + self.amv

    def __add__(self, ander: Paar) -> Paar:
        return Paar(self.regulier + ander.regulier, self.amv + ander.amv)

    def __sub__(self, ander: Paar) -> Paar:
        return Paar(self.regulier - ander.regulier, self.amv - ander.amv)

    def json(self) -> dict[str, int]:
        return {"regulier": self.regulier, "amv": self.amv, "totaal": self.totaal}


@dataclass(frozen=True)
class Kansrijk:
    """One plan that is added in step 2: where it comes from and on which criterion."""

    omschrijving: str
    plekken: int
    doelgroep: str = "asiel"  #: asiel (regulier) | amv
    criterium: str = "besluit"  #: a key of KANSRIJK_CRITERIA
    toelichting: str = ""
    bron: str = ""  #: file, sheet and row, for the explanation


@dataclass(frozen=True)
class Uitsluiting:
    """Why a gemeente gets no share (of one type or both)."""

    reden: str  #: a key of REDENEN
    soort: str = "beide"  #: beide | regulier | amv
    toelichting: str = ""


@dataclass(frozen=True)
class GemeenteInvoer:
    """What the method needs of one gemeente.

    ``overgenomen``: places that count for the cycle (step 1), exchanges included. ``uitsluitingen``:
    the exclusions that are input (history, Ukraine); the computed ones are added by step 4a.
    """

    naam: str
    cbs_code: str
    indicatief: Paar
    overgenomen: Paar = Paar()
    kansrijk: tuple[Kansrijk, ...] = ()
    uitsluitingen: tuple[Uitsluiting, ...] = ()
    geen_gegevens: bool = False  #: no usable workbook: step 1 takes over 0 places


@dataclass(frozen=True)
class VerdeelInvoer:
    """The whole province: its opgave, the gemeenten and the exchange groups (sets of CBS codes)."""

    provincie: str
    opgave: Paar
    gemeenten: tuple[GemeenteInvoer, ...]
    uitruilgroepen: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class Instellingen:
    """The choices the source leaves implicit, and the minimum share."""

    basis: str = "totaal"  #: percentage of the indicative total incl. amv, or per type
    splitsing: str = "amv-naar-indicatie"  #: how a share is split over regulier and amv
    afronding: str = "omlaag-grootste"  #: how real shares become whole places summing exactly
    minimum: int = 5  #: shares below this are dropped and redistributed
    #: with ``omlaag-grootste`` and basis ``totaal``: the common percentage is rounded down to this many
    #: decimals (in percent, 1 -> 89,5%) before the shares are computed; None keeps it exact
    percentage_decimalen: int | None = 1

    def __post_init__(self) -> None:
        for naam, waarde, toegestaan in (
            ("basis", self.basis, BASES),
            ("splitsing", self.splitsing, SPLITSINGEN),
            ("afronding", self.afronding, AFRONDINGEN),
        ):
            if waarde not in toegestaan:
                raise ValueError(f"{naam} moet een van {', '.join(toegestaan)} zijn, niet {waarde!r}")
        if self.minimum < 0:
            raise ValueError("minimum mag niet negatief zijn")
        if self.percentage_decimalen is not None and not 0 <= self.percentage_decimalen <= MAX_DECIMALEN:
            raise ValueError(f"percentage_decimalen moet tussen 0 en {MAX_DECIMALEN} liggen (of leeg zijn)")


@dataclass(frozen=True)
class GemeenteVerdeling:
    """The outcome for one gemeente, with every intermediate figure and the explanation."""

    naam: str
    cbs_code: str
    indicatief: Paar
    overgenomen: Paar
    kansrijk: Paar
    kansrijke_plannen: tuple[Kansrijk, ...]
    uitsluitingen: tuple[Uitsluiting, ...]
    aandeel: Paar  #: share of the restopgave
    uitleg: tuple[str, ...] = ()
    geen_gegevens: bool = False  #: no usable workbook: step 1 took over 0 places

    @property
    def na_stap_2(self) -> Paar:
        return self.overgenomen + self.kansrijk

    @property
    def verdeling(self) -> Paar:
        return self.na_stap_2 + self.aandeel

    @property
    def percentage(self) -> Fraction | None:
        """The result as a fraction of the indicative total (None without an indicative target)."""
        if not self.indicatief.totaal:
            return None
        return Fraction(self.verdeling.totaal, self.indicatief.totaal)

    def uitgesloten(self, soort: str) -> bool:
        return any(u.soort in ("beide", soort) for u in self.uitsluitingen)


@dataclass(frozen=True)
class Verdeling:
    """The result of the four steps for a province."""

    provincie: str
    instellingen: Instellingen
    opgave: Paar
    gemeenten: tuple[GemeenteVerdeling, ...]
    restopgave: Paar
    percentage: Fraction | None  #: common percentage (total or regulier basis), None if nothing distributed
    percentage_amv: Fraction | None  #: amv factor (of the amv indicative), None if no amv distributed
    onverdeeld: Paar = field(default_factory=Paar)  #: what could not be placed under the cap

    def som(self, veld: Veld) -> Paar:
        """The province total of one figure per gemeente."""
        uit = Paar()
        for g in self.gemeenten:
            waarde: Paar = getattr(g, veld)
            uit = uit + waarde
        return uit

    @property
    def na_stap_1(self) -> Paar:
        return self.som("overgenomen")

    @property
    def na_stap_2(self) -> Paar:
        return self.som("na_stap_2")

    @property
    def totaal(self) -> Paar:
        return self.som("verdeling")

    def ontvangers(self, soort: str) -> tuple[GemeenteVerdeling, ...]:
        return tuple(g for g in self.gemeenten if getattr(g.aandeel, soort) > 0)
