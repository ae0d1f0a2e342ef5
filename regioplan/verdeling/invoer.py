"""The adapter from the workbooks to :class:`~regioplan.verdeling.model.VerdeelInvoer`: the one place
that knows where each input of the method lives.

- Step 1 (places that count, regulier and amv, exchanges included) comes from the typed ``bereken``
  result (:class:`regioplan.resultaat.Resultaat`): ``asiel.geldig`` and ``asiel.geldig_amv`` per gemeente.
  Places realised in another gemeente for this
  one (``Ligt in gemeente``) are already counted there by ``bereken``.
- Step 2 (kansrijk) comes from the column *Kansrijk* on the sheets Asiel and Voornemens; a location
  that already counts for the cycle is never added twice.
- The indicative target and the given exclusions (history, Ukraine) come from the opgaven workbook.
- The exchange groups are the agreed asiel exchanges (sheet Uitruil, status *afgesproken*) between
  gemeenten of the province, joined into connected groups.

If the result model changes, only :func:`uit_resultaat` changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import regels
from ..model import Herkomst
from ..resultaat import Resultaat
from ..uitvraag.lezen import Invoer
from .model import GemeenteInvoer, Kansrijk, Paar, Uitsluiting, VerdeelInvoer


def uit_resultaat(resultaat: Resultaat, invoer: Invoer) -> VerdeelInvoer:
    """Build the input of the method from a computed folder (``api.bereken``) and what was read."""
    config = invoer.config
    gemeenten = []
    opgave = Paar()
    for g in resultaat.gemeenten:
        code = g.cbs_code
        asiel = g.asiel
        indicatief = Paar(asiel.opgave_regulier, asiel.opgave_amv)
        opgave = opgave + indicatief
        gemeenten.append(
            GemeenteInvoer(
                naam=g.naam,
                cbs_code=code,
                indicatief=indicatief,
                overgenomen=Paar(asiel.geldig - asiel.geldig_amv, asiel.geldig_amv),
                kansrijk=tuple(_kansrijk(invoer, code)),
                uitsluitingen=tuple(_uitsluitingen(invoer, code)),
                geen_gegevens=g.geen_gegevens,
            )
        )
    return VerdeelInvoer(
        provincie=config.provincie,
        opgave=opgave,
        gemeenten=tuple(gemeenten),
        uitruilgroepen=_groepen(invoer, {g.cbs_code for g in gemeenten}),
    )


def _bron(herkomst: Herkomst) -> str:
    return f"{herkomst.bestand}, blad {herkomst.blad}, rij {herkomst.rij}" if herkomst.bestand else ""


def _kansrijk(invoer: Invoer, code: str) -> Iterable[Kansrijk]:
    uitvraag = invoer.uitvragen.get(code)
    if uitvraag is None:
        return
    for loc in uitvraag.asiel:
        if loc.kansrijk and not regels.telt_mee(loc, invoer.config.cyclus).telt:
            yield Kansrijk(
                loc.locatie,
                loc.capaciteit.telwaarde,
                loc.doelgroep,
                loc.kansrijk,
                loc.kansrijk_toelichting,
                _bron(loc.herkomst),
            )
    for v in uitvraag.voornemens:
        if v.kansrijk:
            yield Kansrijk(
                v.omschrijving,
                v.capaciteit.telwaarde,
                v.doelgroep,
                v.kansrijk,
                v.kansrijk_toelichting,
                _bron(v.herkomst),
            )


def _uitsluitingen(invoer: Invoer, code: str) -> Iterable[Uitsluiting]:
    opgave = invoer.opgaven.get(code)
    if opgave is None:
        return
    if opgave.uitsluiting_historisch:
        yield Uitsluiting("historisch", "beide", opgave.uitsluiting_toelichting)
    if opgave.uitsluiting_oekraine:
        yield Uitsluiting("oekraine", "beide", opgave.uitsluiting_toelichting)


def _groepen(invoer: Invoer, codes: set[str]) -> tuple[frozenset[str], ...]:
    """Connected groups of gemeenten of the province with an agreed asiel exchange (union-find)."""
    ouder = {c: c for c in codes}

    def wortel(c: str) -> str:
        while ouder[c] != c:
            ouder[c] = ouder[ouder[c]]
            c = ouder[c]
        return c

    for code, uitvraag in sorted(invoer.uitvragen.items()):
        for r in uitvraag.uitruil:
            partner = invoer.config.zoek_code(r.partner)
            if r.opgave != "asiel" or r.status != "afgesproken" or code not in codes or partner not in codes:
                continue
            ouder[wortel(code)] = wortel(partner)
    groepen: dict[str, set[str]] = {}
    for c in codes:
        groepen.setdefault(wortel(c), set()).add(c)
    return tuple(sorted((frozenset(g) for g in groepen.values() if len(g) > 1), key=sorted))
