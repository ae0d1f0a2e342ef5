"""The context object of the report templates: everything a template may use, built in one place.

Templates get frozen data (the typed result of :mod:`regioplan.resultaat`, report views that extend it
with what only a report needs, lists, ints, strings, dates), so a coordinator who writes an own template
(``--sjablonen``) can rely on docs/sjablonen.md alone. All figures come from
:func:`regioplan.berekening.bereken`; this module only selects the gemeenten of the report, orders rows,
groups locations and numbers footnotes. The result itself is never changed: a view is a new object with
the fields of the computed one plus its own. Formatting happens in the templates, through the filters in
:mod:`regioplan.rapport.filters`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar, cast

from .. import opmaak, regels
from ..config import Config, Cyclus, Peildata, Regio
from ..fouten import RegioplanFout
from ..indeling import regio_elders
from ..namen import kop_anker, naamvolgorde, slug
from ..resultaat import (
    AfspraakRij,
    AsielCijfers,
    AsielRij,
    Gemeente,
    GooRij,
    OekraineCijfers,
    ProvincieTotaal,
    RegioTotaal,
    Resultaat,
    Telling,
    UitruilRij,
    Vastlegging,
    VoornemenRij,
)
from ..uitvraag.schema import SOORTEN_ASIEL, SOORTEN_GOO
from ..verschil.vergelijk import Verschil
from ..waarden import ONBEPAALD, Capaciteit, Datum, normaliseer
from .grafiek import staafgrafiek
from .ontwikkeling import HOOFDSTUK as ONTWIKKELING
from .ontwikkeling import Ontwikkeling, ontwikkeling

T = TypeVar("T")

#: Display names of the kinds of asylum reception, in the order of the uitvraag format.
SOORT_LABELS = {
    "regulier": "Regulier (azc)",
    "noodopvang": "Noodopvang",
    "crisisnoodopvang": "Crisisnoodopvang",
    "TGO": "TGO (tijdelijke gemeentelijke opvang)",
    "IBO": "IBO (intensief begeleide opvang)",
    "ROL": "ROL (regionale opvanglocatie)",
    "amv-opvang": "Amv-opvang",
    "overig": "Overig",
}

#: Short Dutch reason per rule outcome (the long one is ``uitleg`` of the location).
TELT_KORT = {
    regels.TELT: "ja",
    regels.OVERRIDE_JA: "ja (afwijking)",
    regels.OVERRIDE_NEE: "nee (afwijking)",
    regels.START_NA: "nee: start na {actief}",
    regels.START_ONBEKEND: "nee: start onbekend",
    regels.EINDE_VOOR: "nee: eindigt vóór {tot}",
    regels.EINDE_ONBEKEND: "nee: einde onbekend",
    regels.GEEN_BESLUIT: "nee: geen besluit",
}

RICHTING_LABELS = {"ontvangt": "ontvangt", "levert": "levert", "locatie": "locatie bij partner"}

HOOFDSTUKKEN = {
    "regionaal": (
        ("oogopslag", "In één oogopslag"),
        ("opgaven", "Opgaven per gemeente"),
        ("asiel", "Asielopvang: kwantitatief beeld"),
        ("locaties", "Asielopvang: bestaande en nieuwe locaties"),
        ("spreidingswet", "Asielopvang in het kader van de Spreidingswet"),
        ("voornemens", "Voornemens"),
        ("uitruil", "Uitruilafspraken"),
        ("oekraine", "Opvang Oekraïense ontheemden"),
        ("statushouders", "Huisvesting statushouders"),
        ("gemeenten", "Kerncijfers en duiding per gemeente"),
        ("procesfase", "Stand van zaken per gemeente"),
        ("verantwoording", "Verantwoording"),
    ),
    "provinciaal": (
        ("oogopslag", "Opgave, realisatie en voornemens in één oogopslag"),
        ("garanderen", "Gemeenten die asielopvang garanderen"),
        ("uitruil", "Afspraken over uitruil van opgaven"),
        ("procesfase", "Stand van zaken per gemeente"),
        ("asiel", "Asielopvang incl. amv per gemeente"),
        ("voornemens", "Voornemens: (eventueel) toekomstige asiellocaties"),
        ("oekraine", "Opvang Oekraïense ontheemden per gemeente"),
        ("statushouders", "Huisvesting statushouders per gemeente"),
        ("uitsplitsing", "Uitsplitsing per gemeente"),
        ("verantwoording", "Verantwoording"),
    ),
}


def anker(tekst: str) -> str:
    """An id for HTML (``Hof van Twente`` -> ``hof-van-twente``): the normalised name with hyphens."""
    return slug(tekst) or "x"


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def als_datum(waarde: object) -> object:
    """ISO text (an own template may pass ``"2025-07-01"``) as a date; anything else stays as it is."""
    if isinstance(waarde, str) and _ISO.fullmatch(waarde):
        return dt.date.fromisoformat(waarde)
    return waarde


_BEREIK = re.compile(r"(\d+)-(\d+)")


def bereik(capaciteit: Capaciteit | int | str | None) -> tuple[int, int] | None:
    """``(550, 580)`` for a range (a :class:`Capaciteit` or the text ``"550-580"``); None otherwise."""
    if isinstance(capaciteit, Capaciteit):
        if capaciteit.is_bereik and capaciteit.laag is not None and capaciteit.hoog is not None:
            return capaciteit.laag, capaciteit.hoog
        return None
    if isinstance(capaciteit, str) and (m := _BEREIK.fullmatch(capaciteit)):
        return int(m[1]), int(m[2])
    return None


def _velden(obj: object) -> dict[str, Any]:
    """The fields of a dataclass as keyword arguments (shallow: the values are shared, all frozen)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class Waarvan:
    """A line under a figure that includes exchanged places: "waarvan via uitruil" or "waarvan buiten de
    provincie". Only made when the number is not 0."""

    sleutel: str  #: via_uitruil | buiten_provincie
    label: str  #: "waarvan via uitruil" | "waarvan buiten de provincie"
    waarde: int  #: via_uitruil: + received, - supplied; buiten_provincie: places outside the province
    teken: bool  #: show with a sign (``|teken``): true for via_uitruil


def _waarvan(via_uitruil: int, buiten_provincie: int) -> tuple[Waarvan, ...]:
    uit = []
    if via_uitruil:
        uit.append(Waarvan("via_uitruil", "waarvan via uitruil", via_uitruil, True))
    if buiten_provincie:
        uit.append(Waarvan("buiten_provincie", "waarvan buiten de provincie", buiten_provincie, False))
    return tuple(uit)


def waarvan_asiel(a: AsielCijfers) -> tuple[Waarvan, ...]:
    """The non-zero "waarvan" lines of ``geldig`` (asiel incl. amv)."""
    return _waarvan(a.via_uitruil, a.buiten_provincie)


def waarvan_actief(a: AsielCijfers) -> tuple[Waarvan, ...]:
    """The non-zero "waarvan" lines of ``actief_nu`` (asiel places in use on the cycle date)."""
    return _waarvan(a.actief_via_uitruil, a.actief_buiten_provincie)


def waarvan_oekraine(o: OekraineCijfers) -> tuple[Waarvan, ...]:
    """The non-zero "waarvan" line of the Oekraïne ``realisatie``."""
    return (Waarvan("via_uitruil", "waarvan via uitruil", o.via_uitruil, True),) if o.via_uitruil else ()


class _MetWaarvan:
    """``waarvan_asiel``, ``waarvan_actief`` and ``waarvan_oekraine`` of a gemeente, regio or province."""

    @property
    def waarvan_asiel(self) -> tuple[Waarvan, ...]:
        return waarvan_asiel(cast("AsielCijfers", getattr(self, "asiel")))  # noqa: B009

    @property
    def waarvan_actief(self) -> tuple[Waarvan, ...]:
        return waarvan_actief(cast("AsielCijfers", getattr(self, "asiel")))  # noqa: B009

    @property
    def waarvan_oekraine(self) -> tuple[Waarvan, ...]:
        return waarvan_oekraine(cast("OekraineCijfers", getattr(self, "oekraine")))  # noqa: B009


# ---- The report views: the computed data plus what only a report needs. Each extends a class of
# regioplan.resultaat, so a field added there reaches the templates without an edit here.


@dataclass(frozen=True, kw_only=True)
class RapportLocatie(AsielRij):
    """An asiel location in a report: with its gemeente, short reason, label, existing-or-new and footnote."""

    gemeente: str
    gemeente_anker: str
    telt_kort: str
    soort_label: str
    bestaand: bool  #: started on or before the report's ``stand``
    voetnoot: int | None


@dataclass(frozen=True, kw_only=True)
class RapportGoo(GooRij):
    gemeente: str
    gemeente_anker: str
    voetnoot: int | None


@dataclass(frozen=True, kw_only=True)
class RapportVoornemen(VoornemenRij):
    gemeente: str


@dataclass(frozen=True)
class Opmerking:
    code: str  #: poo | verwacht | bereik | onbekend | afwijking
    waarde: int
    datum: dt.date | None = None  #: only for ``verwacht``


@dataclass(frozen=True)
class Kerncijfer:
    sleutel: str  #: asiel | amv | oekraine | statushouders
    label: str
    opgave: int
    behaald: int
    in_ontwikkeling: int
    opmerkingen: tuple[Opmerking, ...]
    waarvan: tuple[Waarvan, ...] = ()  #: lines under ``behaald`` that come from exchanges
    geen_gegevens: bool = False  #: the gemeente delivered no data: show no behaald, netto or shortfall

    @property
    def netto(self) -> int:
        """behaald + in ontwikkeling - opgave."""
        return self.behaald + self.in_ontwikkeling - self.opgave


@dataclass(frozen=True, kw_only=True)
class RapportGemeente(_MetWaarvan, Gemeente):
    kerncijfers: tuple[Kerncijfer, ...]

    @property
    def anker(self) -> str:
        return anker(self.naam)

    @property
    def heeft_uitvraag(self) -> bool:
        return self.bestand is not None


@dataclass(frozen=True, kw_only=True)
class RapportRegio(_MetWaarvan, RegioTotaal):
    @property
    def soort(self) -> str:
        return "regio"

    @property
    def anker(self) -> str:
        return anker(self.naam)

    @property
    def aantal_gemeenten(self) -> int:
        return len(self.gemeenten)


@dataclass(frozen=True, kw_only=True)
class RapportProvincie(_MetWaarvan, ProvincieTotaal):
    @property
    def soort(self) -> str:
        return "provincie"

    @property
    def anker(self) -> str:
        return anker(self.naam)


Totaalblok = RapportRegio | RapportProvincie


@dataclass(frozen=True)
class Groep:
    regio: RapportRegio
    gemeenten: tuple[RapportGemeente, ...]  #: alphabetical


@dataclass(frozen=True)
class Tabelrij:
    soort: str  #: gemeente | regio | provincie
    naam: str  #: text of the first column
    blok: RapportGemeente | Totaalblok

    @property
    def geen_gegevens(self) -> bool:
        """A gemeente without data: its figures and differences are shown as "geen gegevens"."""
        return isinstance(self.blok, RapportGemeente) and self.blok.geen_gegevens

    @property
    def onvolledig(self) -> bool:
        """A total over gemeenten of which not all delivered data."""
        return not isinstance(self.blok, RapportGemeente) and not self.blok.levering.volledig


@dataclass(frozen=True)
class Hoofdstuk:
    anker: str
    nummer: int
    titel: str
    kop: str  #: "5. Voornemens"
    md_anker: str  #: the anchor GitHub gives the Markdown heading


@dataclass(frozen=True)
class Voetnoot:
    nummer: int
    opgave: str  #: asiel | oekraine
    gemeente: str
    locatie: str
    tekst: str


@dataclass(frozen=True)
class Soortgroep:
    soort: str
    label: str
    anker: str
    rijen: tuple[RapportLocatie, ...]
    capaciteit: int  #: sum of the telwaarden


@dataclass(frozen=True)
class Locaties:
    alle: tuple[RapportLocatie, ...]
    bestaand: tuple[Soortgroep, ...]
    nieuw: tuple[Soortgroep, ...]
    geldig: tuple[RapportLocatie, ...]


@dataclass(frozen=True)
class GooLocaties:
    bestaand: tuple[RapportGoo, ...]
    nieuw: tuple[RapportGoo, ...]
    soorten: tuple[str, ...]


@dataclass(frozen=True)
class Elders:
    locatie: str
    ligt_in: str
    telwaarde: int


@dataclass(frozen=True, kw_only=True)
class Garanderen:
    naam: str
    anker: str
    opgave: int
    geldig: int
    geldig_asiel: int
    geldig_amv: int
    locaties: tuple[RapportLocatie, ...]
    van_asiel: dt.date | None
    tot_asiel: Datum | None
    van_amv: dt.date | None
    tot_amv: Datum | None
    voetnoten: tuple[int, ...]
    elders: tuple[Elders, ...]
    waarvan: tuple[Waarvan, ...] = ()  #: lines under ``geldig`` that come from exchanges


@dataclass(frozen=True, kw_only=True)
class RapportUitruil(UitruilRij):
    richting_label: str
    opgave_label: str
    partner_in_provincie: bool


@dataclass(frozen=True)
class Toelichting:
    """A gemeente's own words on its Uitruil row: ``gemeenten`` wrote ``tekst`` ("Nijmegen en Wijchen")."""

    gemeenten: str
    tekst: str


@dataclass(frozen=True, kw_only=True)
class RapportAfspraak(AfspraakRij):
    """An exchange in a report: each agreement once, with both sides' records in words."""

    opgave_label: str
    leverancier_buiten: bool  #: the supplier is not a gemeente of the configuration
    ontvanger_buiten: bool
    vastgelegd: tuple[str, ...]  #: per side: who recorded what, where ("Hengelo: levert (Uitruil, rij 5)")
    toelichtingen: tuple[str, ...]  #: the gemeenten's own words, each once
    toelichting_bij: tuple[Toelichting, ...] = ()  #: the same, with who wrote each


@dataclass(frozen=True)
class Bijzonder:
    naam: str
    procesfase: str
    toelichting: str


@dataclass(frozen=True)
class ProcesfaseOverzicht:
    a: tuple[str, ...]
    b: tuple[str, ...]
    c: tuple[str, ...]
    bijzonder: tuple[Bijzonder, ...]
    rijen: int  #: length of the longest column
    geen_gegevens: tuple[str, ...] = ()  #: gemeenten without data: their own column, never a, b or c


@dataclass(frozen=True)
class Bron:
    gemeente: str
    cbs_code: str
    bestand: str | None  #: the workbook (also one that could not be read); None when nothing came in
    datum: dt.date | None
    ingevuld_door: str
    #: why a workbook gave no data: ``niet te lezen``, ``nog het lege sjabloon``; empty when it did
    toelichting: str = ""


@dataclass(frozen=True, kw_only=True)
class Context:
    """Everything a report template may use (docs/sjablonen.md describes each variable)."""

    soort: str  #: regionaal | provinciaal
    sjabloon: str
    bestandsnaam: str
    titel: str
    ondertitel: str
    datum: dt.date | None
    datum_bron: str  #: optie | invuldatum | geen
    stand: dt.date
    cyclus: Cyclus
    peildata: Peildata
    provincie: RapportProvincie
    regio: RapportRegio | None
    totaal: Totaalblok
    regios: tuple[RapportRegio, ...]
    niveaus: tuple[Totaalblok, ...]
    groepen: tuple[Groep, ...]
    gemeenten: tuple[RapportGemeente, ...]
    tabelrijen: tuple[Tabelrij, ...]
    hoofdstukken: tuple[Hoofdstuk, ...]
    h: Mapping[str, Hoofdstuk]
    locaties: Locaties
    voornemens: tuple[RapportVoornemen, ...]
    opvolgers: tuple[RapportLocatie, ...]
    goo: GooLocaties
    garanderen: tuple[Garanderen, ...]
    uitruil: tuple[RapportUitruil, ...]
    afspraken: tuple[RapportAfspraak, ...]
    procesfase: ProcesfaseOverzicht
    grafieken: Mapping[str, dict[str, Any]]
    voetnoten: tuple[Voetnoot, ...]
    bronnen: tuple[Bron, ...]
    ontbrekend: tuple[str, ...]
    bevindingen: Telling
    met_waarvan: bool = False  #: some figure of the report has a "waarvan via uitruil / buiten" line
    ontwikkeling: Ontwikkeling | None = None  #: ``rapport --vorige``: what changed since that round

    def variabelen(self) -> dict[str, object]:
        """The top-level template variables (shallow: the values are the frozen objects themselves)."""
        return _velden(self)


def _bron(g: Gemeente) -> Bron:
    """A gemeente's line in the Verantwoording: her workbook, and why it gave no data if it did not."""
    toelichting = (
        "niet te lezen" if g.onleesbaar_bestand else "nog het lege sjabloon" if g.leeg_sjabloon else ""
    )
    return Bron(g.naam, g.cbs_code, g.bestand or g.onleesbaar_bestand, g.datum, g.ingevuld_door, toelichting)


def kies_scope(config: Config, sleutel: str) -> tuple[str, Regio | None]:
    """``("provinciaal", None)`` for the province key, ``("regionaal", regio)`` for a regio.

    Anything else raises ``optie-ongeldig`` naming the keys there are."""
    s = normaliseer(sleutel)
    if s and s in (normaliseer(config.provincie_sleutel), normaliseer(config.provincie)):
        if not config.hele_provincie:
            raise _geen_hele_provincie(config)
        return "provinciaal", None
    regio = config.regio(sleutel)
    if regio is None:
        elders = regio_elders(sleutel, config.provincie)
        if elders is not None:
            raise RegioplanFout(
                "optie-ongeldig",
                f"--regio '{sleutel}' is een regio van {elders[0]}, maar de configuratie is die van "
                f"{config.provincie} ({config.herkomst}).",
                f"Zet een regioplan.toml voor {elders[0]} in de map (regioplan sjabloon --provincie "
                f"{slug(elders[0])} --regio {slug(elders[1])} schrijft er een), of geef --config. "
                f"Kies anders uit: {', '.join(_keuzes(config))}.",
            )
        raise RegioplanFout(
            "optie-ongeldig",
            f"--regio '{sleutel}' is geen regio en niet de provincie in de configuratie.",
            f"Kies uit: {', '.join(_keuzes(config))}, of '{ALLE}' voor allemaal.",
        )
    return "regionaal", regio


ALLE = "alle"  #: ``--regio alle``: every regio of the configuration, then the provincial verslag


def rapport_sleutels(config: Config, gevraagd: Sequence[str]) -> list[str]:
    """The report keys for the ``--regio`` values, each checked before anything is read.

    ``alle`` stands for every regio in configuration order followed by the province; a key asked twice is
    written once (the first time it is asked), so ``--regio twente --regio alle`` writes each report once.
    """
    if not gevraagd:
        raise RegioplanFout(
            "optie-ongeldig",
            "Geen --regio opgegeven.",
            f"Kies uit: {', '.join(_keuzes(config))}, of '{ALLE}' voor allemaal.",
        )
    sleutels: dict[str, None] = {}
    for sleutel in gevraagd:
        if normaliseer(sleutel) == ALLE:
            sleutels.update(dict.fromkeys(_keuzes(config)))
            continue
        soort, regio = kies_scope(config, sleutel)
        sleutels[config.provincie_sleutel if regio is None else regio.sleutel] = None
    return list(sleutels)


def _keuzes(config: Config) -> list[str]:
    """The report keys of the configuration: its regio's, then the province when it covers all of it."""
    return [r.sleutel for r in config.regios] + ([config.provincie_sleutel] if config.hele_provincie else [])


def _geen_hele_provincie(config: Config) -> RegioplanFout:
    """``optie-ongeldig`` for a provincial verslag from a folder that holds part of the province."""
    return RegioplanFout(
        "optie-ongeldig",
        f"Deze map gaat niet over heel {config.provincie}: {config.deel}. Een provinciaal verslag over een "
        "deel van de provincie zou cijfers als provinciaal presenteren die dat niet zijn.",
        f"Kies uit: {', '.join(_keuzes(config))}. Voor het provinciaal verslag: een map met de werkboeken "
        f"van alle gemeenten van {config.provincie}, zonder regio-beperking in regioplan.toml.",
    )


def rapportdatum(gemeenten: Sequence[Gemeente], datum: dt.date | None) -> tuple[dt.date | None, str]:
    """The date on the report: ``--datum``, else the latest 'datum invulling', else none (cycle name only)."""
    if datum is not None:
        return datum, "optie"
    data = [g.datum for g in gemeenten if g.datum is not None]
    return (max(data), "invuldatum") if data else (None, "geen")


class _Voetnoten:
    """Numbers footnotes in a fixed order, so the same input always gives the same numbers."""

    def __init__(self) -> None:
        self.lijst: list[Voetnoot] = []

    def voeg_toe(self, opgave: str, gemeente: str, locatie: str, tekst: str) -> int:
        nummer = len(self.lijst) + 1
        self.lijst.append(Voetnoot(nummer, opgave, gemeente, locatie, tekst))
        return nummer


def _kerncijfers(g: Gemeente, config: Config) -> tuple[Kerncijfer, ...]:
    """Opgave / behaald / in ontwikkeling / netto per opgave; netto = behaald + in ontwikkeling - opgave."""
    a, o, s = g.asiel, g.oekraine, g.statushouders
    asiel_opm = []
    if a.voornemens_max > a.voornemens:
        asiel_opm.append(Opmerking("bereik", a.voornemens_max))
    if a.voornemens_onbekend:
        asiel_opm.append(Opmerking("onbekend", a.voornemens_onbekend))
    if a.overrides:
        asiel_opm.append(Opmerking("afwijking", a.overrides))
    oek_opm = [Opmerking("poo", o.poo)] if o.poo else []
    if o.in_ontwikkeling_onbekend:
        oek_opm.append(Opmerking("onbekend", o.in_ontwikkeling_onbekend))
    sh_opm = [Opmerking("verwacht", s.verwachte_achterstand, config.peildata.statushouders_verwachting)]
    if s.plannen_onbekend:
        sh_opm.append(Opmerking("onbekend", s.plannen_onbekend))
    geen = g.geen_gegevens
    if geen:  # nothing is known: no remarks that would read as figures
        asiel_opm, oek_opm, sh_opm = [], [], []
    return (
        Kerncijfer(
            "asiel",
            "Asiel incl. amv",
            a.opgave,
            a.geldig,
            a.voornemens,
            tuple(asiel_opm),
            waarvan_asiel(a),
            geen,
        ),
        Kerncijfer("amv", "waarvan amv", a.opgave_amv, a.geldig_amv, a.voornemens_amv, (), (), geen),
        Kerncijfer(
            "oekraine",
            "Oekraïense ontheemden",
            o.opgave,
            o.realisatie,
            o.in_ontwikkeling,
            tuple(oek_opm),
            waarvan_oekraine(o),
            geen,
        ),
        Kerncijfer(
            "statushouders",
            "Statushouders",
            s.taakstelling_incl,
            s.realisatie,
            s.plannen_totaal,
            tuple(sh_opm),
            (),
            geen,
        ),
    )


def _voetnoten(gemeenten: Sequence[Gemeente]) -> tuple[_Voetnoten, dict[int, int]]:
    """Footnotes of the report (asiel deviations and exchanges first, then Oekraïne deviations).

    Returns the numbered list and ``{id(row): number}`` for the rows that get one.
    """
    voetnoten = _Voetnoten()
    nummers: dict[int, int] = {}
    for g in gemeenten:
        for loc in g.asiel.locaties:
            if loc.alleen_uitruil:
                continue  # not listed in the report (an exchange, shown in its own chapter)
            if loc.override:
                nummers[id(loc)] = voetnoten.voeg_toe("asiel", g.naam, loc.locatie, loc.uitleg)
            elif loc.ligt_in:
                nummers[id(loc)] = voetnoten.voeg_toe(
                    "asiel",
                    g.naam,
                    loc.locatie,
                    f"De plekken van '{loc.locatie}' liggen in {loc.ligt_in} en tellen op grond van een "
                    f"uitruilafspraak voor {g.naam}.",
                )
    for g in gemeenten:
        for goo in g.oekraine.locaties:
            if goo.override and not goo.alleen_uitruil:
                oordeel = "telt mee" if goo.open else "telt niet mee"
                tekst = f"{oordeel} door bewuste afwijking: {goo.toelichting or '(geen toelichting)'}"
                nummers[id(goo)] = voetnoten.voeg_toe("oekraine", g.naam, goo.locatie, tekst)
    return voetnoten, nummers


def _rapportgemeente(g: Gemeente, config: Config, stand: dt.date, nummers: dict[int, int]) -> RapportGemeente:
    """The gemeente with report rows for its locations (anchors, short reasons, footnotes) and kerncijfers."""
    cyclus = config.cyclus
    params = {
        "actief": opmaak.datum(cyclus.actief_uiterlijk),
        "tot": opmaak.datum(cyclus.in_gebruik_tot_minstens),
    }
    g_anker = anker(g.naam)
    locaties = tuple(
        RapportLocatie(
            **_velden(loc),
            gemeente=g.naam,
            gemeente_anker=g_anker,
            telt_kort=TELT_KORT.get(loc.reden, loc.reden).format(**params),
            soort_label=SOORT_LABELS.get(loc.soort, loc.soort),
            bestaand=isinstance(loc.startdatum, dt.date) and loc.startdatum <= stand,
            voetnoot=nummers.get(id(loc)),
        )
        for loc in g.asiel.locaties
        if not loc.alleen_uitruil  # an exchange is no location: its own chapter and "waarvan" lines
    )
    goo = tuple(
        RapportGoo(**_velden(r), gemeente=g.naam, gemeente_anker=g_anker, voetnoot=nummers.get(id(r)))
        for r in g.oekraine.locaties
        if not r.alleen_uitruil
    )
    return RapportGemeente(
        **{
            **_velden(g),
            "asiel": replace(g.asiel, locaties=locaties),
            "oekraine": replace(g.oekraine, locaties=goo),
        },
        kerncijfers=_kerncijfers(g, config),
    )


def _soortgroepen(
    rijen: Sequence[RapportLocatie], volgorde: tuple[str, ...], labels: dict[str, str]
) -> tuple[Soortgroep, ...]:
    groepen = []
    bekend = list(volgorde)
    for soort in bekend + sorted({r.soort for r in rijen} - set(bekend)):
        leden = tuple(r for r in rijen if r.soort == soort)
        if leden:
            groepen.append(
                Soortgroep(
                    soort=soort,
                    label=labels.get(soort, soort.capitalize()),
                    anker=anker(soort),
                    rijen=leden,
                    capaciteit=sum(r.telwaarde for r in leden),
                )
            )
    return tuple(groepen)


def _rijen(g: RapportGemeente) -> tuple[RapportLocatie, ...]:
    """The asiel rows of a report gemeente (made by :func:`_rapportgemeente`, so report rows)."""
    return cast("tuple[RapportLocatie, ...]", g.asiel.locaties)


def _goorijen(g: RapportGemeente) -> tuple[RapportGoo, ...]:
    return cast("tuple[RapportGoo, ...]", g.oekraine.locaties)


def _op_naam(rijen: Sequence[T]) -> list[T]:
    return sorted(rijen, key=lambda x: (x.locatie.lower(), x.locatie))  # type: ignore[attr-defined]


def _asiellocaties(gemeenten: Sequence[RapportGemeente]) -> tuple[RapportLocatie, ...]:
    """Every asiel location of the report, sorted by gemeente then location name."""
    return tuple(loc for g in gemeenten for loc in _op_naam(_rijen(g)))


def _goolocaties(gemeenten: Sequence[RapportGemeente]) -> tuple[RapportGoo, ...]:
    return tuple(loc for g in gemeenten for loc in _op_naam(_goorijen(g)))


def _voornemens(gemeenten: Sequence[Gemeente]) -> tuple[RapportVoornemen, ...]:
    return tuple(
        RapportVoornemen(**_velden(v), gemeente=g.naam) for g in gemeenten for v in g.asiel.voornemens_lijst
    )


def _garanderen(gemeenten: Sequence[RapportGemeente], alle: Mapping[str, Gemeente]) -> tuple[Garanderen, ...]:
    """Gemeenten with counting places, with the period per target group and the counting locations.

    ``alle``: CBS code -> the gemeente with every row, also those an exchange adds: the period covers
    the places that count, received ones too; the listed locations are the report's (no exchange rows).
    """
    uit = []
    for g in gemeenten:
        a = g.asiel
        if a.geldig <= 0:
            continue
        telt = [loc for loc in _rijen(g) if loc.telt]
        tellend = [loc for loc in alle[g.cbs_code].asiel.locaties if loc.telt]
        periode: dict[str, Any] = {}
        for doelgroep in ("asiel", "amv"):
            groep = [loc for loc in tellend if loc.doelgroep == doelgroep]
            starts = [loc.startdatum for loc in groep]
            eindes = [loc.einddatum for loc in groep]
            periode[f"van_{doelgroep}"] = min((d for d in starts if isinstance(d, dt.date)), default=None)
            if any(e == ONBEPAALD for e in eindes):
                periode[f"tot_{doelgroep}"] = ONBEPAALD
            else:
                periode[f"tot_{doelgroep}"] = max((e for e in eindes if isinstance(e, dt.date)), default=None)
        uit.append(
            Garanderen(
                naam=g.naam,
                anker=g.anker,
                opgave=a.opgave,
                geldig=a.geldig,
                geldig_asiel=a.geldig - a.geldig_amv,
                geldig_amv=a.geldig_amv,
                locaties=tuple(telt),
                **periode,
                voetnoten=tuple(sorted({loc.voetnoot for loc in telt if loc.voetnoot})),
                elders=tuple(Elders(loc.locatie, loc.ligt_in, loc.telwaarde) for loc in telt if loc.ligt_in),
                waarvan=g.waarvan_asiel,
            )
        )
    return tuple(uit)


def _procesfase(gemeenten: Sequence[Gemeente]) -> ProcesfaseOverzicht:
    fasen = {f: tuple(g.naam for g in gemeenten if f in g.procesfase.split("+")) for f in ("a", "b", "c")}
    meer = tuple(
        Bijzonder(g.naam, g.procesfase, g.procesfase_toelichting)
        for g in gemeenten
        if not g.geen_gegevens and ("+" in g.procesfase or g.procesfase != g.procesfase_afgeleid)
    )
    geen = tuple(g.naam for g in gemeenten if g.geen_gegevens)
    return ProcesfaseOverzicht(
        a=fasen["a"],
        b=fasen["b"],
        c=fasen["c"],
        bijzonder=meer,
        rijen=max((len(v) for v in (*fasen.values(), geen)), default=0),
        geen_gegevens=geen,
    )


def _grafieken(gemeenten: Sequence[Gemeente]) -> dict[str, dict[str, Any]]:
    return {
        "asiel": staafgrafiek([(g.naam, g.asiel.opgave, g.asiel.geldig, g.geen_gegevens) for g in gemeenten]),
        "amv": staafgrafiek(
            [(g.naam, g.asiel.opgave_amv, g.asiel.geldig_amv, g.geen_gegevens) for g in gemeenten]
        ),
        "oekraine": staafgrafiek(
            [(g.naam, g.oekraine.opgave, g.oekraine.realisatie, g.geen_gegevens) for g in gemeenten]
        ),
        "statushouders": staafgrafiek(
            [
                (g.naam, g.statushouders.taakstelling_incl, g.statushouders.realisatie, g.geen_gegevens)
                for g in gemeenten
            ]
        ),
    }


def _toelichtingen(a: AfspraakRij) -> tuple[Toelichting, ...]:
    """The gemeenten's own words on their Uitruil rows, each text once, with who wrote it."""
    wie: dict[str, list[str]] = {}
    for v in (a.levert, a.ontvangt):
        if v is not None and v.toelichting.strip():
            namen = wie.setdefault(v.toelichting.strip(), [])
            if v.gemeente not in namen:
                namen.append(v.gemeente)
    return tuple(Toelichting(" en ".join(namen), tekst) for tekst, namen in wie.items())


def _afspraken(resultaat: Resultaat, namen: set[str], config: Config) -> tuple[RapportAfspraak, ...]:
    """The exchanges a gemeente of the report is party to, each once."""

    def buiten(naam: str) -> bool:
        return config.zoek_code(naam) not in config.gemeenten

    def tekst(v: Vastlegging | None, wat: str) -> str:
        assert v is not None
        soort = "Asiel-rij met 'Ligt in gemeente'" if v.bron == "locatie" else wat
        return f"{v.gemeente}: {soort} ({v.herkomst.blad}, rij {v.herkomst.rij})"

    uit = []
    for a in resultaat.afspraken:
        if not {a.leverancier, a.ontvanger} & namen:
            continue
        vastgelegd = []
        if a.levert is not None:
            vastgelegd.append(tekst(a.levert, "levert"))
        elif not buiten(a.leverancier):
            vastgelegd.append(f"{a.leverancier}: niet vastgelegd")
        for v in (a.ontvangt, a.locatie):
            if v is not None:
                vastgelegd.append(tekst(v, "ontvangt"))
        if a.ontvangt is None and a.locatie is None and not buiten(a.ontvanger):
            vastgelegd.append(f"{a.ontvanger}: niet vastgelegd")
        uit.append(
            RapportAfspraak(
                **_velden(a),
                opgave_label=opmaak.opgave(a.opgave),
                # a partner that is no gemeente (uitruil-partner-onbekend) is not "buiten de provincie"
                leverancier_buiten=a.buiten_provincie and buiten(a.leverancier),
                ontvanger_buiten=a.buiten_provincie and buiten(a.ontvanger),
                vastgelegd=tuple(vastgelegd),
                toelichtingen=tuple(
                    dict.fromkeys(v.toelichting for v in (a.levert, a.ontvangt) if v and v.toelichting)
                ),
                toelichting_bij=_toelichtingen(a),
            )
        )
    return tuple(uit)


def _uitruil(resultaat: Resultaat, codes: set[str], config: Config) -> tuple[RapportUitruil, ...]:
    rijen = []
    for r in resultaat.uitruil:
        partner_code = config.zoek_code(r.partner)
        if r.cbs_code in codes or partner_code in codes:
            rijen.append(
                RapportUitruil(
                    **_velden(r),
                    richting_label=RICHTING_LABELS.get(r.richting, r.richting),
                    opgave_label=opmaak.opgave(r.opgave),
                    partner_in_provincie=partner_code in config.gemeenten,
                )
            )
    return tuple(
        sorted(rijen, key=lambda r: (naamvolgorde(r.gemeente), naamvolgorde(r.partner), r.opgave, r.richting))
    )


def _groepen(
    resultaat: Resultaat, regios_cfg: Sequence[Regio], eigen: Sequence[Gemeente], stand: dt.date
) -> tuple[tuple[Groep, ...], _Voetnoten]:
    """Per regio (in configuration order) its total and its gemeenten alphabetically, as report views;
    the footnotes are numbered in that order (the order of the report)."""
    config = resultaat.config
    per_regio = {
        r.sleutel: sorted(
            (g for g in eigen if g.regio_sleutel == r.sleutel), key=lambda g: naamvolgorde(g.naam)
        )
        for r in regios_cfg
    }
    voetnoten, nummers = _voetnoten([g for r in regios_cfg for g in per_regio[r.sleutel]])
    groepen = tuple(
        Groep(
            RapportRegio(**_velden(resultaat.regios[r.sleutel])),
            tuple(_rapportgemeente(g, config, stand, nummers) for g in per_regio[r.sleutel]),
        )
        for r in regios_cfg
    )
    return groepen, voetnoten


def _niveaus(
    provincie: RapportProvincie, groepen: Sequence[Groep], *, provinciaal: bool
) -> tuple[Totaalblok, tuple[Totaalblok, ...], list[Tabelrij]]:
    """The report's total (the province, or its one regio), the levels of the kerncijfers (province then
    regios, or the regio) and the rows of the overview table: per regio its gemeenten and its total, and
    for the provincial verslag the province at the end."""
    regioblokken = tuple(groep.regio for groep in groepen)
    tabelrijen: list[Tabelrij] = []
    for groep in groepen:
        tabelrijen += [Tabelrij("gemeente", g.naam, g) for g in groep.gemeenten]
        tabelrijen.append(Tabelrij("regio", f"Totaal {groep.regio.naam}", groep.regio))
    if not provinciaal:
        return regioblokken[0], (regioblokken[0],), tabelrijen
    tabelrijen.append(Tabelrij("provincie", f"Totaal {provincie.naam}", provincie))
    return provincie, (provincie, *regioblokken), tabelrijen


def _titels(config: Config, regio: Regio | None) -> tuple[str, str, str, str]:
    """``(sjabloon, bestandsnaam, titel, ondertitel)`` of the provincial verslag (``regio`` None) or of
    the regional plan of ``regio``."""
    if regio is None:
        return (
            "provinciaal-verslag",
            f"provinciaal-verslag-{anker(config.provincie_sleutel)}",
            f"Provinciaal verslag {config.provincie}",
            f"met het provinciaal plan {config.provincie} – {config.cyclus.naam}",
        )
    return (
        "regionaal-plan",
        f"regionaal-plan-{anker(regio.sleutel)}",
        f"Regionaal plan {regio.naam}",
        f"{regio.regietafel} – {config.cyclus.naam}" if regio.regietafel else config.cyclus.naam,
    )


def _hoofdstukken(soort: str, vorige: Verschil | None) -> tuple[Hoofdstuk, ...]:
    """The numbered chapters of ``soort`` (:data:`HOOFDSTUKKEN`), with "Ontwikkeling" second when there
    is a previous round; Markdown and HTML render this one list."""
    indeling = list(HOOFDSTUKKEN[soort])
    if vorige is not None:
        indeling.insert(1, ONTWIKKELING)
    return tuple(
        Hoofdstuk(anker=a, nummer=i, titel=t, kop=f"{i}. {t}", md_anker=kop_anker(f"{i}. {t}"))
        for i, (a, t) in enumerate(indeling, start=1)
    )


def bouw_context(
    resultaat: Resultaat, sleutel: str, datum: dt.date | None = None, vorige: Verschil | None = None
) -> Context:
    """The full context for ``--regio sleutel``: a regional plan, or the provincial verslag for the
    province key.

    ``vorige`` (the comparison with a previous round) adds the chapter "Ontwikkeling sinds de vorige ronde".

    In steps: the scope (:func:`kies_scope`: which regios and gemeenten), the report date, the groups of
    report views with their footnotes (:func:`_groepen`), the levels and table rows (:func:`_niveaus`),
    titles and file name (:func:`_titels`), the chapters (:func:`_hoofdstukken`); then each section.
    """
    config = resultaat.config
    soort, regio = kies_scope(config, sleutel)
    regios_cfg = [regio] if regio is not None else list(config.regios)
    codes = {c for r in regios_cfg for c in r.gemeenten}
    eigen = [g for g in resultaat.gemeenten if g.cbs_code in codes]
    rdatum, datum_bron = rapportdatum(eigen, datum)
    stand = rdatum or config.cyclus.actief_uiterlijk
    groepen, voetnoten = _groepen(resultaat, regios_cfg, eigen, stand)
    gemeenten = tuple(g for groep in groepen for g in groep.gemeenten)
    provincie = RapportProvincie(**_velden(resultaat.provincie))
    regioblokken = tuple(groep.regio for groep in groepen)
    totaal, niveaus, tabelrijen = _niveaus(provincie, groepen, provinciaal=regio is None)
    sjabloon, bestandsnaam, titel, ondertitel = _titels(config, regio)
    hoofdstukken = _hoofdstukken(soort, vorige)
    locaties = _asiellocaties(gemeenten)
    goo = _goolocaties(gemeenten)
    return Context(
        soort=soort,
        sjabloon=sjabloon,
        bestandsnaam=bestandsnaam,
        titel=titel,
        ondertitel=ondertitel,
        datum=rdatum,
        datum_bron=datum_bron,
        stand=stand,
        cyclus=config.cyclus,  # periode_tekst is never empty: given, or derived from the dates
        peildata=config.peildata,
        provincie=provincie,
        regio=totaal if isinstance(totaal, RapportRegio) else None,
        totaal=totaal,
        regios=regioblokken,
        niveaus=niveaus,
        groepen=groepen,
        gemeenten=gemeenten,
        tabelrijen=tuple(tabelrijen),
        hoofdstukken=hoofdstukken,
        h={h.anker: h for h in hoofdstukken},
        locaties=Locaties(
            alle=locaties,
            bestaand=_soortgroepen([r for r in locaties if r.bestaand], SOORTEN_ASIEL, SOORT_LABELS),
            nieuw=_soortgroepen([r for r in locaties if not r.bestaand], SOORTEN_ASIEL, SOORT_LABELS),
            geldig=tuple(r for r in locaties if r.telt),
        ),
        voornemens=_voornemens(gemeenten),
        opvolgers=tuple(loc for g in gemeenten for loc in _rijen(g) if loc.vervangt),
        goo=GooLocaties(
            bestaand=tuple(r for r in goo if not r.in_ontwikkeling),
            nieuw=tuple(r for r in goo if r.in_ontwikkeling),
            soorten=SOORTEN_GOO,
        ),
        garanderen=_garanderen(gemeenten, {g.cbs_code: g for g in eigen}),
        uitruil=_uitruil(resultaat, codes, config),
        afspraken=_afspraken(resultaat, {g.naam for g in gemeenten}, config),
        procesfase=_procesfase(gemeenten),
        grafieken=_grafieken(gemeenten),
        voetnoten=tuple(voetnoten.lijst),
        bronnen=tuple(_bron(g) for g in gemeenten),
        ontbrekend=tuple(g.naam for g in gemeenten if g.geen_gegevens),
        bevindingen=resultaat.bevindingen,
        met_waarvan=any(
            b.waarvan_asiel or b.waarvan_actief or b.waarvan_oekraine for b in (*gemeenten, *niveaus)
        ),
        ontwikkeling=None
        if vorige is None
        else ontwikkeling(vorige, regio.sleutel if regio else None, codes),
    )
