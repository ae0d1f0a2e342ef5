"""The chapter "Ontwikkeling sinds de vorige ronde" (``rapport --vorige OUD``): what changed, and why.

Built from a :class:`regioplan.verschil.Verschil`, restricted to the report's regio (or the whole
province): the changed key figures of the regio or province, then per gemeente its changed figures and
the location changes that explain them. Values are formatted here with the phrases of
:mod:`regioplan.verschil.weergave` (one wording for terminal, Markdown and report); the templates only
escape and lay them out. Documented in docs/sjablonen.md (``ontwikkeling``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..verschil.vergelijk import Cijferverschil, Verschil
from ..verschil.weergave import (
    aanleveringstekst,
    cijfertekst,
    gevolg,
    leveringtekst,
    rijnaam,
    veldtekst,
    verschiltekst,
)

#: (anchor, title) of the chapter; it comes right after the first chapter when ``--vorige`` is given.
HOOFDSTUK = ("ontwikkeling", "Ontwikkeling sinds de vorige ronde")


@dataclass(frozen=True, kw_only=True)
class OntwikkelingCijfer:
    label: str
    oud: str  #: ``geen gegevens`` for a gemeente without data (never 0)
    nieuw: str
    #: ``+20``, ``-56``; ``nieuw aangeleverd`` / ``niet meer aangeleverd`` when one side has no data;
    #: empty when not a number (procesfase)
    verschil: str
    richting: str  #: ``op``, ``neer`` or ``""``


@dataclass(frozen=True, kw_only=True)
class OntwikkelingRij:
    soort: str  #: toegevoegd | verwijderd | hernoemd | gewijzigd
    naam: str  #: ``asiellocatie Ypeloweg``
    wat: tuple[str, ...]  #: ``einddatum: 01-03-2026 → 01-12-2025``, one per changed field
    gevolg: str  #: ``Telt niet meer mee (-56): eindigt 01-12-2025, vóór 01-02-2026``
    omslag: str | None  #: erin | eruit | None


@dataclass(frozen=True, kw_only=True)
class OntwikkelingGemeente:
    naam: str
    aanlevering: str  #: ``Geen werkboek meer (was x.xlsx)``, ``Werkboek bijgewerkt (...)``, or ""
    cijfers: tuple[OntwikkelingCijfer, ...]
    rijen: tuple[OntwikkelingRij, ...]


@dataclass(frozen=True, kw_only=True)
class Ontwikkeling:
    vorige: str  #: the previous round as given to --vorige
    revisie: str | None  #: its commit for a git revision
    naam: str  #: the regio or province of the report
    cijfers: tuple[OntwikkelingCijfer, ...]  #: changed key figures of the regio or province
    gemeenten: tuple[OntwikkelingGemeente, ...]  #: gemeenten of the report with a change, in report order
    instellingen: tuple[str, ...]  #: ``cyclus.actief_uiterlijk: 2025-07-01 → 2025-06-01`` when they differ
    #: ``Twente: 14 van 14 → 13 van 14 gemeenten met gegevens`` when the totals leave out gemeenten
    #: without data on either side; empty otherwise
    onvolledig: str = ""

    @property
    def leeg(self) -> bool:
        return not (self.cijfers or self.gemeenten or self.instellingen)


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _cijfers(cijfers: tuple[Cijferverschil, ...]) -> tuple[OntwikkelingCijfer, ...]:
    return tuple(
        OntwikkelingCijfer(
            label=c.label,
            oud=cijfertekst(c.sleutel, c.oud),
            nieuw=cijfertekst(c.sleutel, c.nieuw),
            verschil=verschiltekst(c),
            richting="" if not c.verschil else ("op" if c.verschil > 0 else "neer"),
        )
        for c in cijfers
    )


def ontwikkeling(v: Verschil, sleutel: str | None, codes: Collection[str]) -> Ontwikkeling:
    """The chapter for the report of regio ``sleutel`` (None: the province) with gemeenten ``codes``."""
    groep = v.provincie if sleutel is None else next((r for r in v.regios if r.sleutel == sleutel), None)
    naam, cijfers = (groep.naam, groep.cijfers) if groep else (sleutel or "", ())
    gemeenten = tuple(
        OntwikkelingGemeente(
            naam=g.naam,
            aanlevering=_hoofdletter(aanleveringstekst(g)),
            cijfers=_cijfers(g.cijfers),
            rijen=tuple(
                OntwikkelingRij(
                    soort=r.soort,
                    naam=rijnaam(r),
                    wat=tuple(veldtekst(r)),
                    gevolg=_hoofdletter(gevolg(r)),
                    omslag=r.omslag,
                )
                for r in g.rijen
            ),
        )
        for g in v.gemeenten
        if g.cbs_code in codes
    )
    return Ontwikkeling(
        vorige=v.oud,
        revisie=v.revisie_oud,
        naam=naam,
        cijfers=_cijfers(cijfers),
        gemeenten=gemeenten,
        instellingen=tuple(f"{c.sleutel}: {c.oud} → {c.nieuw}" for c in v.instellingen),
        onvolledig=leveringtekst(groep) if groep else "",
    )
