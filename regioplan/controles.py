"""Semantic checks over what was read: identity, consistency and overrides.

Cell-level problems are found while reading (:mod:`regioplan.uitvraag.lezen`); what needs the whole
workbook or the whole folder is checked here. Everything is collected as findings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from . import regels
from .bevindingen import FOUT, Bevinding, Bevindingen, celnaam
from .model import Herkomst, Uitvraag
from .uitvraag.lezen import Invoer
from .uitvraag.schema import AANTALLEN, ASIEL, DSL_KSO, OEKRAINE, VOORNEMENS, Blad
from .waarden import normaliseer

#: A number this many times its target is almost certainly a typo (an extra zero).
ONWAARSCHIJNLIJK = 3


def _cel(blad: Blad, herkomst: Herkomst, sleutel: str) -> str:
    kolommen = [k.sleutel for k in blad.kolommen]
    return celnaam(kolommen.index(sleutel) + 1, herkomst.rij)


def _veldcel(blad: Blad, sleutel: str) -> str:
    return f"B{[k.sleutel for k in blad.kolommen].index(sleutel) + 2}"


def controleer(invoer: Invoer, *, enkel_bestand: bool = False) -> None:
    """Run all checks; ``enkel_bestand`` is a gemeente's pre-check of its own file (no folder checks)."""
    b = invoer.bevindingen
    for _code, u in sorted(invoer.uitvragen.items()):
        _controleer_uitvraag(u, invoer, b)
    for code, extra in sorted(invoer.dubbel.items()):
        eerste = invoer.uitvragen[code].bestand
        for bestand in extra:
            b.voeg_toe("gemeente-dubbel", bestand=bestand, gemeente=code, naam=invoer.config.naam(code),
                       bestanden=", ".join([eerste, *extra]))
    _dubbel_tussen_gemeenten(invoer, b)
    if enkel_bestand:
        return
    config = invoer.config
    if not invoer.opgavenbestand:
        b.voeg_toe("opgaven-ontbreekt")
    for regio in config.regios:
        for code in regio.gemeenten:
            opgave = invoer.opgaven.get(code)
            if invoer.opgavenbestand and opgave is None:
                b.voeg_toe("opgave-ontbreekt", bestand=invoer.opgavenbestand, blad="Opgaven", gemeente=code,
                           naam=config.naam(code), code=code)
            if opgave is not None and code not in invoer.uitvragen:
                b.voeg_toe("gemeente-zonder-uitvraag", bestand=invoer.opgavenbestand, blad="Opgaven",
                           cel=f"A{opgave.herkomst.rij}", gemeente=code, naam=config.naam(code))
            if opgave is not None and opgave.regio and normaliseer(opgave.regio) not in (
                    normaliseer(regio.naam), normaliseer(regio.sleutel)):
                b.voeg_toe("opgave-regio", bestand=invoer.opgavenbestand, blad="Opgaven", cel=f"C{opgave.herkomst.rij}",
                           gemeente=code, naam=config.naam(code), regio=opgave.regio, verwacht=regio.naam)
    for code, opgave in sorted(invoer.opgaven.items()):
        if config.regio_van(code) is None:
            b.voeg_toe("gemeente-buiten-indeling", bestand=invoer.opgavenbestand, blad="Opgaven", cel=f"A{opgave.herkomst.rij}",
                       naam=config.naam(code), code=code, indeling=f"provincie {config.provincie}")
        u = invoer.uitvragen.get(code)
        if u is None:
            continue
        for wat, waarde, doel, blad, sleutel in (
            ("POO", u.aantallen.poo, opgave.oekraine, AANTALLEN, "poo"),
            ("Statushouders gehuisvest", u.aantallen.statushouders_realisatie, opgave.statushouders_incl, AANTALLEN,
             "statushouders_realisatie"),
        ):
            if doel and waarde > ONWAARSCHIJNLIJK * doel:
                b.voeg_toe("aantal-onwaarschijnlijk", bestand=u.bestand, blad=blad.naam, cel=_veldcel(blad, sleutel),
                           gemeente=code, wat=wat, waarde=waarde, opgave=doel)


def _controleer_uitvraag(u: Uitvraag, invoer: Invoer, b: Bevindingen) -> None:
    config = invoer.config
    namen = {loc.locatie for loc in u.asiel}
    gezien: dict[tuple, int] = {}
    partners = {normaliseer(r.partner) for r in u.uitruil}
    for loc in u.asiel:
        h = loc.herkomst
        sleutel = (normaliseer(loc.locatie), loc.capaciteit, loc.doelgroep, loc.soort, loc.startdatum, loc.einddatum)
        if sleutel in gezien:
            b.voeg_toe("locatie-dubbel", bestand=h.bestand, blad=h.blad, cel=_cel(ASIEL, h, "locatie"), gemeente=u.cbs_code,
                       locatie=loc.locatie, andere_rij=gezien[sleutel])
        else:
            gezien[sleutel] = h.rij
        _datumvolgorde(b, ASIEL, h, loc.startdatum, loc.einddatum, "einddatum", u.cbs_code)
        if loc.telt_mee in ("ja", "nee"):
            if not loc.toelichting.strip():
                b.voeg_toe("telt-mee-zonder-toelichting", bestand=h.bestand, blad=h.blad, cel=_cel(ASIEL, h, "toelichting"),
                           gemeente=u.cbs_code, waarde=loc.telt_mee)
            regel = regels.regel_oordeel(loc.startdatum, loc.einddatum, loc.besluit, config.cyclus)
            if regel.telt != (loc.telt_mee == "ja"):
                regeltekst = regels.uitleg(regel, loc, config.cyclus)
                b.voeg_toe("telt-mee-tegen-regel", bestand=h.bestand, blad=h.blad, cel=_cel(ASIEL, h, "telt_mee"),
                           gemeente=u.cbs_code, locatie=loc.locatie, waarde=loc.telt_mee, regel=regeltekst)
        for naam in loc.vervangt:
            if naam not in namen:
                b.voeg_toe("vervangt-onbekend", bestand=h.bestand, blad=h.blad, cel=_cel(ASIEL, h, "vervangt"),
                           gemeente=u.cbs_code, naam=naam)
        if loc.ligt_in:
            if config.zoek_code(loc.ligt_in) is None:
                b.voeg_toe("ligt-in-onbekend", bestand=h.bestand, blad=h.blad, cel=_cel(ASIEL, h, "ligt_in"),
                           gemeente=u.cbs_code, naam=loc.ligt_in)
            elif normaliseer(loc.ligt_in) not in partners:
                b.voeg_toe("uitruil-ontbreekt", bestand=h.bestand, blad=h.blad, cel=_cel(ASIEL, h, "ligt_in"),
                           gemeente=u.cbs_code, locatie=loc.locatie, partner=loc.ligt_in)
    for v in u.voornemens:
        _datumvolgorde(b, VOORNEMENS, v.herkomst, v.startdatum, v.einddatum, "einddatum", u.cbs_code)
    gezien_goo: dict[tuple, int] = {}
    for goo in u.oekraine:
        h = goo.herkomst
        sleutel = (normaliseer(goo.locatie), goo.capaciteit, goo.opening, goo.sluiting)
        if sleutel in gezien_goo:
            b.voeg_toe("locatie-dubbel", bestand=h.bestand, blad=h.blad, cel=_cel(OEKRAINE, h, "locatie"), gemeente=u.cbs_code,
                       locatie=goo.locatie, andere_rij=gezien_goo[sleutel])
        else:
            gezien_goo[sleutel] = h.rij
        _datumvolgorde(b, OEKRAINE, h, goo.opening, goo.sluiting, "sluiting", u.cbs_code)
        if goo.telt_mee in ("ja", "nee") and not goo.toelichting.strip():
            b.voeg_toe("telt-mee-zonder-toelichting", bestand=h.bestand, blad=h.blad, cel=_cel(OEKRAINE, h, "toelichting"),
                       gemeente=u.cbs_code, waarde=goo.telt_mee)
    for d in u.dsl_kso:
        _datumvolgorde(b, DSL_KSO, d.herkomst, d.realisatiedatum, d.einddatum, "einddatum", u.cbs_code)
    a = u.aantallen
    if (a.kwg or a.kwe) and a.kwg + a.kwe != a.kso_amv:
        b.voeg_toe("kso-som", bestand=u.bestand, blad=AANTALLEN.naam, cel=_veldcel(AANTALLEN, "kso_amv"), gemeente=u.cbs_code,
                   kwg=a.kwg, kwe=a.kwe, som=a.kwg + a.kwe, kso=a.kso_amv)


def _datumvolgorde(b: Bevindingen, blad: Blad, h: Herkomst, start: object, eind: object, sleutel: str, gemeente: str) -> None:
    if isinstance(start, dt.date) and isinstance(eind, dt.date) and eind < start:
        b.voeg_toe("datum-volgorde", bestand=h.bestand, blad=h.blad, cel=_cel(blad, h, sleutel), gemeente=gemeente,
                   eind=eind.strftime("%d-%m-%Y"), start=start.strftime("%d-%m-%Y"))


def _dubbel_tussen_gemeenten(invoer: Invoer, b: Bevindingen) -> None:
    """The same location (name and capacity) listed by two gemeenten without an exchange between them."""
    waar: dict[tuple[str, int | None], list[Uitvraag]] = defaultdict(list)
    for u in invoer.uitvragen.values():
        for loc in u.asiel:
            if normaliseer(loc.locatie) not in ("", "nntb", "onbekend"):
                waar[(normaliseer(loc.locatie), loc.capaciteit.laag)].append(u)
    for (_naam, _cap), gemeenten in sorted(waar.items()):
        if len({u.cbs_code for u in gemeenten}) < 2:
            continue
        for u in gemeenten:
            anderen = [o for o in gemeenten if o.cbs_code != u.cbs_code]
            partners = {normaliseer(r.partner) for r in u.uitruil}
            if any(normaliseer(o.naam) in partners for o in anderen):
                continue
            loc = next(loc for loc in u.asiel if normaliseer(loc.locatie) == _naam)
            b.voeg_toe("locatie-dubbel-gemeenten", bestand=u.bestand, blad=ASIEL.naam, cel=_cel(ASIEL, loc.herkomst, "locatie"),
                       gemeente=u.cbs_code, locatie=loc.locatie, andere=", ".join(sorted(o.naam for o in anderen)))


@dataclass
class Validatie:
    """The result of ``valideer``: all findings (sorted) and one overview row per file."""

    bevindingen: list[Bevinding]
    bestanden: list[str]
    overzicht: list[dict] = field(default_factory=list)

    @classmethod
    def van(cls, invoer: Invoer) -> Validatie:
        lijst = invoer.bevindingen.gesorteerd()
        per_bestand: dict[str, list[Bevinding]] = defaultdict(list)
        for bev in lijst:
            per_bestand[bev.bestand].append(bev)
        namen = {u.bestand: u.naam for u in invoer.uitvragen.values()}
        namen[invoer.opgavenbestand] = "(opgaven)"
        overzicht = []
        for bestand in sorted(set(invoer.bestanden) | {b for b in per_bestand if b}):
            eigen = per_bestand.get(bestand, [])
            fouten = sum(1 for x in eigen if x.ernst == FOUT)
            overzicht.append({"bestand": bestand, "gemeente": namen.get(bestand, ""), "fouten": fouten,
                              "waarschuwingen": len(eigen) - fouten,
                              "status": "fouten" if fouten else ("waarschuwingen" if eigen else "ok")})
        return cls(lijst, sorted(invoer.bestanden), overzicht)

    @property
    def fouten(self) -> int:
        return sum(1 for b in self.bevindingen if b.ernst == FOUT)

    @property
    def waarschuwingen(self) -> int:
        return len(self.bevindingen) - self.fouten

    def zonder(self, codes: set[str]) -> Validatie:
        """The same result with deliberately silenced codes (``--negeer``) left out."""
        return Validatie.van_lijst([b for b in self.bevindingen if b.code not in codes], self.bestanden, self.overzicht)

    @classmethod
    def van_lijst(cls, lijst: list[Bevinding], bestanden: list[str], overzicht_oud: list[dict]) -> Validatie:
        per: dict[str, list[Bevinding]] = defaultdict(list)
        for bev in lijst:
            per[bev.bestand].append(bev)
        overzicht = []
        for rij in overzicht_oud:
            eigen = per.get(rij["bestand"], [])
            fouten = sum(1 for x in eigen if x.ernst == FOUT)
            overzicht.append({**rij, "fouten": fouten, "waarschuwingen": len(eigen) - fouten,
                              "status": "fouten" if fouten else ("waarschuwingen" if eigen else "ok")})
        return cls(lijst, bestanden, overzicht)

    def faalt(self, drempel: str = FOUT) -> bool:
        """Does the result fail the policy? ``drempel`` is ``fout`` or ``waarschuwing``."""
        return self.fouten > 0 or (drempel != FOUT and self.waarschuwingen > 0)

    def samenvatting(self) -> str:
        n = len(self.bestanden)
        return (f"{n} {'bestand' if n == 1 else 'bestanden'}: {self.fouten} {'fout' if self.fouten == 1 else 'fouten'}, "
                f"{self.waarschuwingen} {'waarschuwing' if self.waarschuwingen == 1 else 'waarschuwingen'}")

    def als_dict(self) -> dict:
        return {"samenvatting": {"bestanden": len(self.bestanden), "fouten": self.fouten, "waarschuwingen": self.waarschuwingen},
                "overzicht": self.overzicht, "bevindingen": [b.als_dict() for b in self.bevindingen]}
