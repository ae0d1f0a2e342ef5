"""The computation: opgaven, realisatie, voornemens and gaps per gemeente, regio and province.

Input is the domain model (:class:`regioplan.uitvraag.lezen.Invoer`); output is the typed, frozen
:class:`regioplan.resultaat.Resultaat`. All rules come from :mod:`regioplan.regels`; this module only applies
them and adds up. Regio and province figures are sums of gemeente figures, never computed otherwise,
so they always add up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import fields

from . import __version__, regels, uitruil
from .config import Config
from .model import Opgave, Uitvraag
from .namen import naamvolgorde
from .opmaak import ligt_in
from .resultaat import (
    GEEN_GEGEVENS,
    GELEVERD,
    AfspraakRij,
    AsielCijfers,
    AsielGemeente,
    AsielRij,
    DslKsoRij,
    Gemeente,
    GooRij,
    Levering,
    OekraineCijfers,
    OekraineGemeente,
    PlanRij,
    Procesfasen,
    ProvincieTotaal,
    RegioTotaal,
    Resultaat,
    StatushoudersCijfers,
    StatushoudersGemeente,
    Telling,
    UitruilRij,
    Vastlegging,
    VoornemenRij,
    som,
)
from .uitvraag.lezen import Invoer

#: The integer figures per opgave that are summed from gemeente to regio to province and are in JSON
#: (derived from the model, so a new field of AsielCijfers & co. is summed without an edit here).
SOMMEN = {
    opgave: tuple(f.name for f in fields(soort) if f.metadata.get("json", True))
    for opgave, soort in (
        ("asiel", AsielCijfers),
        ("oekraine", OekraineCijfers),
        ("statushouders", StatushoudersCijfers),
    )
}


def _beoordeel(uitvraag: Uitvraag | None, config: Config) -> list[AsielRij]:
    if uitvraag is None:
        return []
    uit = []
    for loc in uitvraag.asiel:
        oordeel = regels.telt_mee(loc, config.cyclus)
        uit.append(
            AsielRij(
                locatie=loc.locatie,
                capaciteit=loc.capaciteit,
                telwaarde=loc.capaciteit.telwaarde,
                doelgroep=loc.doelgroep,
                soort=loc.soort,
                startdatum=loc.startdatum,
                einddatum=loc.einddatum,
                beheer=loc.beheer,
                besluit=loc.besluit,
                telt=oordeel.telt,
                reden=oordeel.reden,
                redenen=oordeel.redenen,
                override=oordeel.override,
                toelichting=loc.toelichting,
                uitleg=regels.uitleg(oordeel, loc, config.cyclus),
                voornemen=regels.is_voornemen(loc, oordeel, config.cyclus),
                vervangt=tuple(loc.vervangt),
                ligt_in=loc.ligt_in,
                opmerking=loc.opmerking,
                bron=loc.herkomst,
                uitruil_partner=loc.uitruil_partner,
                uitruil_richting=loc.uitruil_richting,
                buiten_provincie=loc.buiten_provincie,
                uitruil_plek=loc.uitruil_plek,
            )
        )
    return uit


def _asiel(
    opgave: Opgave | None, uitvraag: Uitvraag | None, locaties: list[AsielRij], config: Config
) -> AsielGemeente:
    geldig = sum(loc.telwaarde for loc in locaties if loc.telt)
    geldig_amv = sum(loc.telwaarde for loc in locaties if loc.telt and loc.doelgroep == "amv")
    vn_items = _voornemens(uitvraag, locaties)
    vn = sum(v.telwaarde for v in vn_items)
    vn_amv = sum(v.telwaarde for v in vn_items if v.doelgroep == "amv")
    opg = opgave.asiel_totaal if opgave else 0
    opg_amv = opgave.asiel_amv if opgave else 0
    vandaag = config.cyclus.actief_uiterlijk
    actief = [loc for loc in locaties if regels.actief_op(loc.startdatum, loc.einddatum, vandaag)]
    return AsielGemeente(
        opgave=opg,
        opgave_regulier=opgave.asiel_regulier if opgave else 0,
        opgave_amv=opg_amv,
        geldig=geldig,
        geldig_amv=geldig_amv,
        verschil=geldig - opg,
        verschil_amv=geldig_amv - opg_amv,
        vaste_voorraad=opgave.vaste_voorraad if opgave else 0,
        vaste_voorraad_ingevuld=int(opgave.vaste_voorraad_ingevuld) if opgave else 0,
        voornemens=vn,
        voornemens_max=sum(v.max for v in vn_items),
        voornemens_amv=vn_amv,
        voornemens_onbekend=sum(1 for v in vn_items if v.onbekend),
        geldig_plus_voornemens=geldig + vn,
        geldig_amv_plus_voornemens=geldig_amv + vn_amv,
        actief_nu=sum(loc.telwaarde for loc in actief),
        overrides=sum(1 for loc in locaties if loc.override),
        actief_amv=sum(loc.telwaarde for loc in actief if loc.doelgroep == "amv"),
        via_uitruil=sum(loc.telwaarde for loc in locaties if loc.telt and loc.uitruil_richting),
        buiten_provincie=sum(loc.telwaarde for loc in locaties if loc.telt and loc.buiten_provincie),
        actief_via_uitruil=sum(loc.telwaarde for loc in actief if loc.uitruil_richting),
        actief_buiten_provincie=sum(loc.telwaarde for loc in actief if loc.buiten_provincie),
        locaties=tuple(locaties),
        voornemens_lijst=tuple(vn_items),
    )


def _voornemens(uitvraag: Uitvraag | None, locaties: list[AsielRij]) -> list[VoornemenRij]:
    """Non-counting planned locations (not successors) plus intentions without a location."""
    uit = [
        VoornemenRij(
            omschrijving=loc.locatie,
            doelgroep=loc.doelgroep,
            capaciteit=loc.capaciteit,
            telwaarde=loc.telwaarde,
            max=loc.capaciteit.hoog or 0,
            onbekend=loc.capaciteit.onbekend,
            startdatum=loc.startdatum,
            einddatum=loc.einddatum,
            besluit=loc.besluit,
            toelichting=loc.uitleg,
            met_locatie=True,
        )
        for loc in locaties
        if loc.voornemen
    ]
    for v in uitvraag.voornemens if uitvraag is not None else []:
        uit.append(
            VoornemenRij(
                omschrijving=v.omschrijving,
                doelgroep=v.doelgroep,
                capaciteit=v.capaciteit,
                telwaarde=v.capaciteit.telwaarde,
                max=v.capaciteit.hoog or 0,
                onbekend=v.capaciteit.onbekend,
                startdatum=v.startdatum,
                einddatum=v.einddatum,
                besluit=v.besluit,
                toelichting=v.toelichting,
                met_locatie=False,
            )
        )
    return uit


def _oekraine(opgave: Opgave | None, uitvraag: Uitvraag | None, config: Config) -> OekraineGemeente:
    peil = config.peildata.oekraine
    locaties = [
        GooRij(
            locatie=goo.locatie,
            capaciteit=goo.capaciteit,
            telwaarde=goo.capaciteit.telwaarde,
            soort=goo.soort,
            opening=goo.opening,
            sluiting=goo.sluiting,
            lager_niveau=goo.lager_niveau,
            bijzondere_doelgroep=goo.bijzondere_doelgroep,
            besluit=goo.besluit,
            open=regels.goo_telt(goo, peil),
            override=goo.telt_mee != "automatisch",
            toelichting=goo.toelichting,
            in_ontwikkeling=regels.in_ontwikkeling(goo, peil),
            opmerking=goo.opmerking,
            uitruil_partner=goo.uitruil_partner,
            uitruil_richting=goo.uitruil_richting,
        )
        for goo in (uitvraag.oekraine if uitvraag else [])
    ]
    realisatie = sum(loc.telwaarde for loc in locaties if loc.open)
    opg = opgave.oekraine if opgave else 0
    return OekraineGemeente(
        opgave=opg,
        realisatie=realisatie,
        verschil=realisatie - opg,
        poo=uitvraag.aantallen.poo if uitvraag else 0,
        in_ontwikkeling=sum(loc.telwaarde for loc in locaties if loc.in_ontwikkeling),
        in_ontwikkeling_onbekend=sum(
            1 for loc in locaties if loc.in_ontwikkeling and loc.capaciteit.onbekend
        ),
        via_uitruil=sum(loc.telwaarde for loc in locaties if loc.open and loc.uitruil_richting),
        locaties=tuple(locaties),
    )


def _statushouders(opgave: Opgave | None, uitvraag: Uitvraag | None) -> StatushoudersGemeente:
    a = uitvraag.aantallen if uitvraag else None
    realisatie = a.statushouders_realisatie if a else 0
    incl = opgave.statushouders_incl if opgave else 0
    dsl_kso = uitvraag.dsl_kso if uitvraag else []
    plannen = [
        PlanRij(soort=h.soort, aantal=h.aantal, realisatiedatum=h.realisatiedatum, toelichting=h.toelichting)
        for h in (uitvraag.huisvesting if uitvraag else [])
    ]
    return StatushoudersGemeente(
        taakstelling=opgave.statushouders_taakstelling if opgave else 0,
        taakstelling_incl=incl,
        realisatie=realisatie,
        verschil=realisatie - incl,
        verwachte_achterstand=a.verwachte_achterstand if a else 0,
        kso_amv=a.kso_amv if a else 0,
        kwg=a.kwg if a else 0,
        kwe=a.kwe if a else 0,
        dsl=sum(d.capaciteit.telwaarde for d in dsl_kso if d.soort == "DSL"),
        kso=sum(d.capaciteit.telwaarde for d in dsl_kso if d.soort == "KSO"),
        plannen_totaal=sum(p.aantal.telwaarde for p in plannen),
        plannen_onbekend=sum(1 for p in plannen if p.aantal.onbekend),
        dsl_kso=tuple(
            DslKsoRij(
                soort=d.soort,
                locatie=d.locatie,
                capaciteit=d.capaciteit,
                bestaand_nieuw=d.bestaand_nieuw,
                realisatiedatum=d.realisatiedatum,
                einddatum=d.einddatum,
                toelichting=d.toelichting,
            )
            for d in dsl_kso
        ),
        plannen=tuple(plannen),
    )


def _procesfasen(gemeenten: Sequence[Gemeente]) -> Procesfasen:
    def fase(f: str) -> tuple[str, ...]:
        return tuple(sorted((g.naam for g in gemeenten if f in g.procesfase.split("+")), key=naamvolgorde))

    return Procesfasen(
        a=fase("a"),
        b=fase("b"),
        c=fase("c"),
        geen_gegevens=tuple(sorted((g.naam for g in gemeenten if g.geen_gegevens), key=naamvolgorde)),
    )


def _levering(gemeenten: Sequence[Gemeente]) -> Levering:
    return Levering(met_gegevens=sum(1 for g in gemeenten if not g.geen_gegevens), totaal=len(gemeenten))


def _gemeente(
    invoer: Invoer, code: str, regio_naam: str, regio_sleutel: str, ruil: uitruil.Uitruilbeeld
) -> Gemeente:
    config = invoer.config
    opgave = invoer.opgaven.get(code)
    eigen = geleverd(invoer, code)
    uitvraag = ruil.aangepast(code, eigen)
    asiel = _asiel(opgave, uitvraag, _beoordeel(uitvraag, config), config)
    # no data: no procesfase (a, b or c would say something about a gemeente we know nothing of)
    fase = regels.procesfase(asiel.geldig, asiel.voornemens, eigen.procesfase) if eigen else ""
    leeg = code in invoer.uitvragen and eigen is None
    return Gemeente(
        naam=config.naam(code),
        cbs_code=code,
        regio=regio_naam,
        regio_sleutel=regio_sleutel,
        bestand=invoer.uitvragen[code].bestand if code in invoer.uitvragen else None,
        ingevuld_door=uitvraag.ingevuld_door if uitvraag else "",
        datum=uitvraag.datum if uitvraag else None,
        duiding=uitvraag.duiding if uitvraag else "",
        asiel=asiel,
        oekraine=_oekraine(opgave, uitvraag, config),
        statushouders=_statushouders(opgave, uitvraag),
        procesfase=fase,
        procesfase_afgeleid=regels.procesfase(asiel.geldig, asiel.voornemens) if eigen else "",
        procesfase_toelichting=eigen.procesfase_toelichting if eigen else "",
        status=GELEVERD if eigen else GEEN_GEGEVENS,
        leeg_sjabloon=leeg,
        onleesbaar_bestand=next((b for b, c in invoer.onleesbaar.items() if c == code), None),
    )


def _uitruil(uitvragen: Iterable[Uitvraag]) -> list[UitruilRij]:
    uit = [
        UitruilRij(
            gemeente=u.naam,
            cbs_code=u.cbs_code,
            partner=r.partner,
            opgave=r.opgave,
            plekken=r.plekken,
            richting=r.richting,
            startdatum=r.startdatum,
            einddatum=r.einddatum,
            status=r.status,
            toelichting=r.toelichting,
        )
        for u in uitvragen
        for r in u.uitruil
    ]
    return sorted(uit, key=lambda r: (r.gemeente, r.partner, r.opgave, r.richting))


def _uitruil_locaties(gemeenten: Iterable[Gemeente]) -> list[UitruilRij]:
    """Asiel locations that lie in another gemeente and count here (the realised side of an exchange)."""
    return [
        UitruilRij(
            gemeente=g.naam,
            cbs_code=g.cbs_code,
            partner=loc.ligt_in,
            opgave="asiel",
            plekken=loc.telwaarde,
            richting="locatie",
            startdatum=loc.startdatum,
            einddatum=loc.einddatum,
            status="telt" if loc.telt else "telt niet",
            toelichting=f"Locatie '{loc.locatie}' {ligt_in(loc.ligt_in)} en telt voor {g.naam}.",
        )
        for g in gemeenten
        for loc in g.asiel.locaties
        if loc.ligt_in
    ]


def _vastlegging(v: uitruil.Vastlegging | None, config: Config) -> Vastlegging | None:
    if v is None:
        return None
    return Vastlegging(
        gemeente=config.naam(v.gemeente),
        bron=v.bron,
        plekken=v.plekken,
        startdatum=v.startdatum,
        einddatum=v.einddatum,
        status=v.status,
        herkomst=v.herkomst,
        toelichting=v.toelichting,
    )


def _afspraak(a: uitruil.Afspraak, config: Config) -> AfspraakRij:
    return AfspraakRij(
        leverancier=config.naam(a.leverancier),
        ontvanger=config.naam(a.ontvanger),
        opgave=a.opgave,
        plekken=a.plekken,
        startdatum=a.startdatum,
        einddatum=a.einddatum,
        status=a.status,
        verwerkt=a.verwerkt,
        reden=a.reden,
        uitleg=a.uitleg(config.naam),
        buiten_provincie=a.buiten,
        levert=_vastlegging(a.levert, config),
        ontvangt=_vastlegging(a.ontvangt, config),
        locatie=_vastlegging(a.locatie, config),
    )


def geleverd(invoer: Invoer, code: str) -> Uitvraag | None:
    """The gemeente's submission, or None when it sent none or only the blank template ("geen gegevens")."""
    u = invoer.uitvragen.get(code)
    return u if u is not None and u.geleverd else None


def uitruilbeeld(invoer: Invoer) -> uitruil.Uitruilbeeld:
    """Every exchange of the folder paired and decided (:mod:`regioplan.uitruil`), over delivered
    workbooks."""
    c = invoer.config
    uitvragen = {code: u for code in c.gemeenten if (u := geleverd(invoer, code)) is not None}
    return uitruil.beeld(uitvragen, c.gemeenten, c.zoek_code, c.naam)


def bereken(invoer: Invoer, peildata: Sequence[dt.date] = ()) -> Resultaat:
    """Compute every figure of the regional and provincial plans from what was read."""
    config = invoer.config
    volgorde = [r.naam for r in config.regios]
    ruil = uitruilbeeld(invoer)
    gemeenten = sorted(
        (
            _gemeente(invoer, code, regio.naam, regio.sleutel, ruil)
            for regio in config.regios
            for code in regio.gemeenten
        ),
        key=lambda g: (volgorde.index(g.regio), naamvolgorde(g.naam)),
    )
    regios = {}
    for regio in config.regios:
        leden = [g for g in gemeenten if g.regio == regio.naam]
        regios[regio.sleutel] = RegioTotaal(
            naam=regio.naam,
            sleutel=regio.sleutel,
            regietafel=regio.regietafel,
            gemeenten=tuple(g.cbs_code for g in leden),
            asiel=som(AsielCijfers, [g.asiel for g in leden]),
            oekraine=som(OekraineCijfers, [g.oekraine for g in leden]),
            statushouders=som(StatushoudersCijfers, [g.statushouders for g in leden]),
            procesfase=_procesfasen(leden),
            levering=_levering(leden),
        )
    provincie = ProvincieTotaal(
        naam=config.provincie,
        sleutel=config.provincie_sleutel,
        asiel=som(AsielCijfers, [g.asiel for g in gemeenten]),
        oekraine=som(OekraineCijfers, [g.oekraine for g in gemeenten]),
        statushouders=som(StatushoudersCijfers, [g.statushouders for g in gemeenten]),
        procesfase=_procesfasen(gemeenten),
        aantal_gemeenten=len(gemeenten),
        levering=_levering(gemeenten),
        hele_provincie=config.hele_provincie,
    )
    tijdlijn = None
    if peildata:
        from .tijdlijn import tijdlijn as _tijdlijn

        tijdlijn = _tijdlijn(invoer, peildata)
    return Resultaat(
        regioplan=__version__,
        provincie_naam=config.provincie,
        cyclus=config.cyclus,
        peildata=config.peildata,
        gemeenten=tuple(gemeenten),
        regios=regios,
        provincie=provincie,
        uitruil=tuple(_uitruil(invoer.uitvragen.values()) + _uitruil_locaties(gemeenten)),
        afspraken=tuple(_afspraak(a, config) for a in ruil.afspraken),
        bevindingen=Telling(
            fouten=invoer.bevindingen.fouten, waarschuwingen=invoer.bevindingen.waarschuwingen
        ),
        tijdlijn=tijdlijn,
        config=config,
    )
