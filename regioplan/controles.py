"""Semantic checks over what was read: identity, consistency and overrides.

Cell-level problems are found while reading (:mod:`regioplan.uitvraag.lezen`); what needs the whole
workbook or the whole folder is checked here. Everything is collected as findings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Any

from . import regels, uitruil
from .bevindingen import FOUT, MAX_PER_CODE, Bevinding, Bevindingen, per_bestand
from .model import Herkomst, Opgave, Uitvraag
from .opmaak import datum
from .uitvraag.kenmerken import afwijkingen
from .uitvraag.lezen import Invoer
from .uitvraag.schema import AANTALLEN, ASIEL, DSL_KSO, GEMEENTE, OEKRAINE, OPGAVEN, UITRUIL, VOORNEMENS, Blad
from .voorstel import gemeentevoorstel
from .waarden import normaliseer

#: A number this many times its target is almost certainly a typo (an extra zero).
ONWAARSCHIJNLIJK = 3
#: One asiel location may well be larger than the gemeente's own opgave (a large azc in a small gemeente),
#: but not this many times: an extra zero gives 10x.
ONWAARSCHIJNLIJK_LOCATIE = 5


def controleer(invoer: Invoer, *, enkel_bestand: bool = False) -> None:
    """Run all checks; ``enkel_bestand`` is a gemeente's pre-check of its own file (no folder checks)."""
    b = invoer.bevindingen
    for _code, u in sorted(invoer.uitvragen.items()):
        _controleer_uitvraag(u, invoer, b)
        for a in afwijkingen(u, invoer.config):
            blad, cel = invoer.cel(u.bestand, GEMEENTE, a.sleutel)
            b.voeg_toe(
                a.code,
                bestand=u.bestand,
                blad=blad,
                cel=cel,
                gemeente=u.cbs_code,
                werkboek=a.werkboek,
                configuratie=a.configuratie,
                naam=u.naam,
            )
        if u.leeg_sjabloon:
            blad, cel = invoer.cel(u.bestand, GEMEENTE, "ingevuld_door")
            b.voeg_toe(
                "werkboek-leeg-sjabloon",
                bestand=u.bestand,
                blad=blad,
                cel=cel,
                gemeente=u.cbs_code,
                naam=u.naam,
            )
    for code, extra in sorted(invoer.dubbel.items()):
        eerste = invoer.uitvragen[code].bestand
        alle = ", ".join(sorted([eerste, *(u.bestand for u in extra)]))
        for u in extra:
            b.voeg_toe(
                "gemeente-dubbel",
                bestand=u.bestand,
                gemeente=code,
                naam=invoer.config.naam(code),
                bestanden=alle,
                gebruikt=eerste,
            )
    if enkel_bestand:
        return
    config = invoer.config
    _uitruil(invoer, b)
    if not invoer.opgavenbestand:
        b.voeg_toe("opgaven-ontbreekt")
    opgavenblad = invoer.cel(invoer.opgavenbestand, OPGAVEN, "cbs_code")[0]
    for regio in config.regios:
        for code in regio.gemeenten:
            opgave = invoer.opgaven.get(code)
            if invoer.opgavenbestand and opgave is None:
                b.voeg_toe(
                    "opgave-ontbreekt",
                    bestand=invoer.opgavenbestand,
                    blad=opgavenblad,
                    gemeente=code,
                    naam=config.naam(code),
                    code=code,
                )
            if opgave is None:
                continue
            if code not in invoer.uitvragen and code not in invoer.onleesbaar.values():
                # (an unreadable workbook of this gemeente has its own error: not a second finding here)
                _meld_bij_opgave(
                    b,
                    invoer,
                    opgave,
                    "gemeente-zonder-uitvraag",
                    "cbs_code",
                    gemeente=code,
                    naam=config.naam(code),
                )
            if opgave.regio and normaliseer(opgave.regio) not in (
                normaliseer(regio.naam),
                normaliseer(regio.sleutel),
            ):
                _meld_bij_opgave(
                    b,
                    invoer,
                    opgave,
                    "opgave-regio",
                    "regio",
                    gemeente=code,
                    naam=config.naam(code),
                    regio=opgave.regio,
                    verwacht=regio.naam,
                )
    for code, opgave in sorted(invoer.opgaven.items()):
        if config.regio_van(code) is None:
            _meld_bij_opgave(
                b,
                invoer,
                opgave,
                "gemeente-buiten-indeling",
                "cbs_code",
                naam=config.naam(code),
                code=code,
                indeling=config.buiten_indeling(code),
            )
        redenen = [
            r
            for r, ja in (
                ("historisch", opgave.uitsluiting_historisch),
                ("Oekraïne", opgave.uitsluiting_oekraine),
            )
            if ja
        ]
        if redenen and not opgave.uitsluiting_toelichting.strip():
            _meld_bij_opgave(
                b,
                invoer,
                opgave,
                "uitsluiting-zonder-toelichting",
                "uitsluiting_toelichting",
                gemeente=code,
                naam=config.naam(code),
                reden=" en ".join(redenen),
            )
        eigen = invoer.uitvragen.get(code)
        if eigen is not None:
            _plausibel(eigen, opgave, invoer, b)


def _meld_bij_opgave(
    b: Bevindingen,
    invoer: Invoer,
    opgave: Opgave,
    bevinding: str,
    kolom: str,
    /,
    *,
    gemeente: str = "",
    **params: object,
) -> None:
    """The finding ``bevinding`` at the cell of ``kolom`` in the opgaven row of ``opgave``."""
    h = opgave.herkomst
    cel = invoer.cel(h.bestand, OPGAVEN, kolom, h.rij)[1]
    b.voeg_toe(bevinding, bestand=h.bestand, blad=h.blad, cel=cel, gemeente=gemeente, **params)


def _plausibel(u: Uitvraag, opgave: Opgave, invoer: Invoer, b: Bevindingen) -> None:
    """Numbers far above the gemeente's target: almost always a typo (an extra zero)."""

    def meld(blad: Blad, sleutel: str, rij: int | None, wat: str, waarde: int, doel: int) -> None:
        bladnaam, cel = invoer.cel(u.bestand, blad, sleutel, rij)
        b.voeg_toe(
            "aantal-onwaarschijnlijk",
            bestand=u.bestand,
            blad=bladnaam,
            cel=cel,
            gemeente=u.cbs_code,
            wat=wat,
            waarde=waarde,
            opgave=doel,
        )

    for wat, sleutel, waarde, doel in (
        ("POO", "poo", u.aantallen.poo, opgave.oekraine),
        (
            "Statushouders gehuisvest",
            "statushouders_realisatie",
            u.aantallen.statushouders_realisatie,
            opgave.statushouders_incl,
        ),
    ):
        if doel and waarde > ONWAARSCHIJNLIJK * doel:
            meld(AANTALLEN, sleutel, None, wat, waarde, doel)
    for loc in u.asiel:
        hoog = loc.capaciteit.hoog or 0
        if opgave.asiel_totaal and hoog > ONWAARSCHIJNLIJK_LOCATIE * opgave.asiel_totaal:
            meld(
                ASIEL,
                "capaciteit",
                loc.herkomst.rij,
                f"De capaciteit van '{loc.locatie}'",
                hoog,
                opgave.asiel_totaal,
            )
    for goo in u.oekraine:
        hoog = goo.capaciteit.hoog or 0
        if opgave.oekraine and hoog > ONWAARSCHIJNLIJK * opgave.oekraine:
            meld(
                OEKRAINE,
                "capaciteit",
                goo.herkomst.rij,
                f"De capaciteit van '{goo.locatie}'",
                hoog,
                opgave.oekraine,
            )


MAX_VOORSTELLEN = MAX_PER_CODE  #: fuzzy suggestions per file and code; past it findings are only counted
MAX_VERGELIJKINGEN = (
    50_000  #: name comparisons per file and code for suggestions (8.000 names: 6 suggestions)
)


def _dichtstbij(naam: str, kandidaten: dict[str, str], behalve: str = "") -> str:
    """The closest of ``kandidaten`` (normalised -> shown) to ``naam``, other than ``behalve``, or "".
    Linear in the number of candidates; callers ask it at most
    :data:`MAX_VOORSTELLEN` times per file, so a sheet of 8.000 rows stays linear too."""
    treffers = get_close_matches(normaliseer(naam), list(kandidaten), n=2, cutoff=0.7)
    treffer = next((t for t in treffers if t != behalve), "")
    return kandidaten[treffer] if treffer else ""


def _controleer_uitvraag(u: Uitvraag, invoer: Invoer, b: Bevindingen) -> None:
    config = invoer.config

    def meld(code: str, blad: Blad, h: Herkomst, sleutel: str, **params: object) -> None:
        bladnaam, cel = invoer.cel(u.bestand, blad, sleutel, h.rij)
        b.voeg_toe(code, bestand=u.bestand, blad=bladnaam, cel=cel, gemeente=u.cbs_code, **params)

    namen = {normaliseer(loc.locatie): loc.locatie for loc in u.asiel if loc.locatie}
    aliassen: dict[str, str] = {}  #: normalised alias -> gemeente name, made when first needed
    voorstellen = {"vervangt-onbekend": 0, "ligt-in-onbekend": 0}
    vergeleken = {"vervangt-onbekend": 0, "ligt-in-onbekend": 0}

    def voorstel(code: str, naam: str, kandidaten: dict[str, str], behalve: str = "") -> str:
        """A suggestion while the budget lasts (a count and a number of comparisons per file)."""
        voorstellen[code] += 1
        vergeleken[code] += len(kandidaten)
        if voorstellen[code] > MAX_VOORSTELLEN or vergeleken[code] > MAX_VERGELIJKINGEN:
            return ""
        return _dichtstbij(naam, kandidaten, behalve)

    gezien: dict[tuple[object, ...], int] = {}
    partners = {normaliseer(r.partner) for r in u.uitruil}
    for loc in u.asiel:
        h = loc.herkomst
        sleutel = (
            normaliseer(loc.locatie),
            loc.capaciteit,
            loc.doelgroep,
            loc.soort,
            loc.startdatum,
            loc.einddatum,
        )
        if sleutel in gezien and loc.locatie:
            meld("locatie-dubbel", ASIEL, h, "locatie", locatie=loc.locatie, andere_rij=gezien[sleutel])
        else:
            gezien.setdefault(sleutel, h.rij)
        _datumvolgorde(meld, ASIEL, h, loc.startdatum, loc.einddatum, "einddatum")
        if loc.telt_mee in ("ja", "nee"):
            if not loc.toelichting.strip():
                meld("telt-mee-zonder-toelichting", ASIEL, h, "toelichting", waarde=loc.telt_mee)
            regel = regels.regel_oordeel(loc.startdatum, loc.einddatum, loc.besluit, config.cyclus)
            if regel.telt != (loc.telt_mee == "ja"):
                meld(
                    "telt-mee-tegen-regel",
                    ASIEL,
                    h,
                    "telt_mee",
                    locatie=loc.locatie,
                    waarde=loc.telt_mee,
                    regel=regels.uitleg(regel, loc, config.cyclus),
                )
        if loc.kansrijk and regels.telt_mee(loc, config.cyclus).telt:
            meld("kansrijk-telt-al", ASIEL, h, "kansrijk", locatie=loc.locatie)
        for naam in loc.vervangt:
            zelf = normaliseer(loc.locatie)
            if normaliseer(naam) not in namen or normaliseer(naam) == zelf:
                meld(
                    "vervangt-onbekend",
                    ASIEL,
                    h,
                    "vervangt",
                    naam=naam,
                    voorstel=voorstel("vervangt-onbekend", naam, namen, zelf),
                )
        if loc.ligt_in:
            partner = config.zoek_code(loc.ligt_in)
            if partner is None:
                aliassen = aliassen or {k: config.naam(c) for k, c in config.aliassen.items()}
                meld(
                    "ligt-in-onbekend",
                    ASIEL,
                    h,
                    "ligt_in",
                    naam=loc.ligt_in,
                    voorstel=voorstel("ligt-in-onbekend", loc.ligt_in, aliassen),
                )
            elif partner in invoer.uitvragen and partner in config.gemeenten:
                pass  # both sides in the folder: the Asiel row is a full record, compared in _uitruil
            elif not partners & {
                normaliseer(loc.ligt_in),
                normaliseer(config.naam(config.zoek_code(loc.ligt_in) or "")),
            }:
                meld("uitruil-ontbreekt", ASIEL, h, "ligt_in", locatie=loc.locatie, partner=loc.ligt_in)
    for v in u.voornemens:
        _datumvolgorde(meld, VOORNEMENS, v.herkomst, v.startdatum, v.einddatum, "einddatum")
    gezien_goo: dict[tuple[object, ...], int] = {}
    peildatum = config.peildata.oekraine
    for goo in u.oekraine:
        h = goo.herkomst
        goo_sleutel = (normaliseer(goo.locatie), goo.capaciteit, goo.opening, goo.sluiting)
        if goo_sleutel in gezien_goo and goo.locatie:
            meld(
                "locatie-dubbel",
                OEKRAINE,
                h,
                "locatie",
                locatie=goo.locatie,
                andere_rij=gezien_goo[goo_sleutel],
            )
        else:
            gezien_goo.setdefault(goo_sleutel, h.rij)
        _datumvolgorde(meld, OEKRAINE, h, goo.opening, goo.sluiting, "sluiting")
        if goo.telt_mee in ("ja", "nee"):
            if not goo.toelichting.strip():
                meld("telt-mee-zonder-toelichting", OEKRAINE, h, "toelichting", waarde=goo.telt_mee)
            open_ = regels.open_op(goo.opening, goo.sluiting, peildatum)
            if open_ != (goo.telt_mee == "ja"):
                peil = datum(peildatum)
                volgens_regel = (
                    f"telt de locatie mee (open op de peildatum {peil})"
                    if open_
                    else f"telt de locatie niet mee (niet open op de peildatum {peil})"
                )
                meld(
                    "telt-mee-tegen-regel",
                    OEKRAINE,
                    h,
                    "telt_mee",
                    locatie=goo.locatie,
                    waarde=goo.telt_mee,
                    regel=volgens_regel,
                )
    for d in u.dsl_kso:
        _datumvolgorde(meld, DSL_KSO, d.herkomst, d.realisatiedatum, d.einddatum, "einddatum")
    for r in u.uitruil:
        _datumvolgorde(meld, UITRUIL, r.herkomst, r.startdatum, r.einddatum, "einddatum")
    a = u.aantallen
    if (a.kwg or a.kwe) and a.kwg + a.kwe != a.kso_amv:
        blad, cel = invoer.cel(u.bestand, AANTALLEN, "kso_amv")
        b.voeg_toe(
            "kso-som",
            bestand=u.bestand,
            blad=blad,
            cel=cel,
            gemeente=u.cbs_code,
            kwg=a.kwg,
            kwe=a.kwe,
            som=a.kwg + a.kwe,
            kso=a.kso_amv,
        )


def _datumvolgorde(
    meld: Callable[..., None], blad: Blad, h: Herkomst, start: object, eind: object, sleutel: str
) -> None:
    if isinstance(start, dt.date) and isinstance(eind, dt.date) and eind < start:
        meld(
            "datum-volgorde",
            blad,
            h,
            sleutel,
            eind=datum(eind),
            start=datum(start),
        )


def _uitruil(invoer: Invoer, b: Bevindingen) -> None:
    """The two sides of every exchange compared, and locations listed by two gemeenten
    (:mod:`regioplan.uitruil`)."""
    config = invoer.config
    uitvragen = {c: u for c, u in invoer.uitvragen.items() if u.cbs_code and u.geleverd}
    voorstellen: dict[str, int] = defaultdict(int)  #: per file, within MAX_VOORSTELLEN
    for x in uitruil.beeld(uitvragen, config.gemeenten, config.zoek_code, config.naam).bevindingen:
        blad = ASIEL if x.sleutel in ("ligt_in", "capaciteit", "locatie") else UITRUIL
        bladnaam, cel = invoer.cel(x.herkomst.bestand, blad, x.sleutel, x.herkomst.rij or None)
        if not x.herkomst.rij:
            cel = ""
        params = dict(x.params)
        if x.code == "uitruil-partner-onbekend":
            voorstellen[x.herkomst.bestand] += 1
            if voorstellen[x.herkomst.bestand] <= MAX_VOORSTELLEN:
                code = gemeentevoorstel(str(params["naam"]), config)
                params["voorstel"] = config.naam(code) if code else ""
        b.voeg_toe(x.code, bestand=x.herkomst.bestand, blad=bladnaam, cel=cel, gemeente=x.gemeente, **params)


ONTBREEKT = "ontbreekt"  #: overview status of a configured gemeente without a workbook
#: overview status of a gemeente's workbook (named by its file name) that cannot be read; the finding of
#: that file says why
ONLEESBAAR = "onleesbaar"
LEEG_SJABLOON = "leeg sjabloon"  #: overview status of a workbook that is still the blank template (no errors)


def _telling(eigen: list[Bevinding], leeg: bool = False, onleesbaar: bool = False) -> dict[str, Any]:
    """Counts and status of one overview row; ``gegevens`` is False for a blank template and for an
    unreadable workbook of a gemeente ("geen gegevens").

    A summarised finding (``aantal`` > 1) counts as that many findings.
    """
    fouten = sum(x.aantal for x in eigen if x.ernst == FOUT)
    if onleesbaar:
        return {
            "fouten": fouten,
            "waarschuwingen": sum(x.aantal for x in eigen) - fouten,
            "status": ONLEESBAAR,
            "gegevens": False,
        }
    if fouten:
        status = "fouten"
    elif leeg:
        status = LEEG_SJABLOON
    else:
        status = "waarschuwingen" if eigen else "ok"
    return {
        "fouten": fouten,
        "waarschuwingen": sum(x.aantal for x in eigen) - fouten,
        "status": status,
        "gegevens": not leeg,
    }


def _reden(eigen: list[Bevinding]) -> str:
    """Why a workbook could not be read: the message of its first error."""
    return next((x.bericht for x in eigen if x.ernst == FOUT), "")


@dataclass
class Validatie:
    """The result of ``valideer``: all findings (sorted) and the overview: one row per file, plus (for a
    folder) one row with status ``ontbreekt`` per configured gemeente that sent no workbook. A workbook
    that cannot be read but whose file name names a gemeente (``almelo.xlsx``, a CSV inside) is that
    gemeente's one row, status ``onleesbaar``, ``reden`` its first error: never a nameless file plus
    "Almelo ontbreekt". ``gegevens`` is False for those rows and for a workbook that is still the blank
    template: "geen gegevens"."""

    bevindingen: list[Bevinding]
    bestanden: list[str]
    overzicht: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def van(cls, invoer: Invoer) -> Validatie:
        lijst = invoer.bevindingen.gesorteerd()
        per = per_bestand(lijst)
        namen = {u.bestand: u.naam for u in invoer.gelezen}
        namen[invoer.opgavenbestand] = "(opgaven)"
        namen.update({b: invoer.config.naam(c) for b, c in invoer.onleesbaar.items()})
        leeg = {u.bestand for u in invoer.gelezen if u.leeg_sjabloon}
        overzicht = [
            {
                "bestand": bestand,
                "gemeente": namen.get(bestand, ""),
                **_telling(per.get(bestand, []), bestand in leeg, bestand in invoer.onleesbaar),
                "reden": _reden(per.get(bestand, [])) if bestand in invoer.onleesbaar else "",
            }
            for bestand in sorted(set(invoer.bestanden) | {b for b in per if b})
        ]
        if not invoer.enkel:
            ontbreekt = sorted(
                invoer.config.naam(c)
                for c in invoer.config.gemeenten
                if c not in invoer.uitvragen and c not in invoer.onleesbaar.values()
            )
            overzicht += [
                {
                    "bestand": "",
                    "gemeente": naam,
                    "fouten": 0,
                    "waarschuwingen": 0,
                    "status": ONTBREEKT,
                    "gegevens": False,
                    "reden": "",
                }
                for naam in ontbreekt
            ]
        return cls(lijst, sorted(invoer.bestanden), overzicht)

    @property
    def fouten(self) -> int:
        return sum(b.aantal for b in self.bevindingen if b.ernst == FOUT)

    @property
    def waarschuwingen(self) -> int:
        return sum(b.aantal for b in self.bevindingen) - self.fouten

    def zonder(self, codes: set[str]) -> Validatie:
        """The same result with deliberately silenced codes (``--negeer``) left out."""
        return Validatie.van_lijst(
            [b for b in self.bevindingen if b.code not in codes], self.bestanden, self.overzicht
        )

    @classmethod
    def van_lijst(
        cls, lijst: list[Bevinding], bestanden: list[str], overzicht_oud: list[dict[str, Any]]
    ) -> Validatie:
        per = per_bestand(lijst)
        overzicht = [
            rij
            if rij["status"] == ONTBREEKT
            else {
                **rij,
                **_telling(
                    per.get(rij["bestand"], []),
                    not rij["gegevens"] and rij["status"] != ONLEESBAAR,
                    rij["status"] == ONLEESBAAR,
                ),
            }
            for rij in overzicht_oud
        ]
        return cls(lijst, bestanden, overzicht)

    def faalt(self, drempel: str = FOUT) -> bool:
        """Does the result fail the policy? ``drempel`` is ``fout`` or ``waarschuwing``."""
        return self.fouten > 0 or (drempel != FOUT and self.waarschuwingen > 0)

    def samenvatting(self) -> str:
        n = len(self.bestanden)
        return (
            f"{n} {'bestand' if n == 1 else 'bestanden'}: {self.fouten} "
            f"{'fout' if self.fouten == 1 else 'fouten'}, "
            f"{self.waarschuwingen} {'waarschuwing' if self.waarschuwingen == 1 else 'waarschuwingen'}"
        )

    def als_dict(self) -> dict[str, Any]:
        return {
            "samenvatting": {
                "bestanden": len(self.bestanden),
                "fouten": self.fouten,
                "waarschuwingen": self.waarschuwingen,
            },
            "overzicht": self.overzicht,
            "bevindingen": [b.als_dict() for b in self.bevindingen],
        }
