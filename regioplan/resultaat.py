"""The result of ``bereken`` as typed, frozen data, and the one place that turns it into JSON.

Shapes, top down: :class:`Resultaat` holds the :class:`Gemeente` figures (each with an
:class:`AsielGemeente`, :class:`OekraineGemeente` and :class:`StatushoudersGemeente` block and the rows
they were computed from), a :class:`RegioTotaal` per regio and a :class:`ProvincieTotaal` (sums of the
gemeente figures), the exchange agreements (:class:`UitruilRij`) and optionally a :class:`Tijdlijn`.
Dates are real dates or one of the words ``onbepaald``/``onbekend`` (:data:`regioplan.waarden.Datum`);
capacities are :class:`regioplan.waarden.Capaciteit`.

JSON (``regioplan bereken --formaat json`` and ``--uit resultaten.json``) is :func:`naar_json` of the
result: every field in declaration order, then the derived values a class names in ``AFGELEID``; a
field marked :data:`NIET_IN_JSON` is for the report and tables only. A new field is in JSON the moment it
is declared here; docs/cli.md and CHANGELOG name the keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cached_property
from typing import Any, ClassVar

from .config import Config, Cyclus, Peildata
from .model import Herkomst
from .opmaak import rond_percentage
from .waarden import Capaciteit, Datum

#: Field metadata: the value is for the report and the tables, not for the JSON document.
NIET_IN_JSON = {"json": False}
#: Field metadata: left out of the JSON document when None (optional parts such as the timeline).
WEGLATEN_ALS_LEEG = {"weglaten_als_leeg": True}


@dataclass(frozen=True, kw_only=True)
class AsielRij:
    """One location of the Asiel sheet with the verdict of the cycle rule
    (:func:`regioplan.regels.telt_mee`)."""

    locatie: str
    capaciteit: Capaciteit
    telwaarde: int  #: lower bound of the capacity; 0 when unknown
    doelgroep: str  #: asiel | amv
    soort: str
    startdatum: Datum | None
    einddatum: Datum | None
    beheer: str
    besluit: bool | None
    telt: bool  #: counts for the cycle
    reden: str  #: code of the deciding rule (regels.TELT, regels.START_NA, ...)
    redenen: tuple[str, ...]  #: every condition that failed
    override: bool  #: a reasoned deviation from the rule decided
    toelichting: str
    uitleg: str  #: the Dutch one-line explanation (regels.uitleg)
    voornemen: bool  #: does not count, but is planned (regels.is_voornemen)
    vervangt: tuple[str, ...]
    ligt_in: str  #: the gemeente where the places are, for an exchange; else ""
    opmerking: str
    bron: Herkomst
    #: set on the rows an exchange adds (regioplan.uitruil): CBS code or name of the partner, and
    #: ontvangt (+places) or levert (-places); buiten_provincie: the places lie outside the province
    uitruil_partner: str = ""
    uitruil_richting: str = ""
    buiten_provincie: bool = False
    #: the receiver's own row is the only listing of the places (see :attr:`alleen_uitruil`)
    uitruil_plek: bool = field(default=False, metadata=NIET_IN_JSON)

    @property
    def alleen_uitruil(self) -> bool:
        """The row is an exchange, not a location: the +places of the receiver or the -places of the
        supplier that :mod:`regioplan.uitruil` adds (named "Uitruil", or after the receiver's Asiel row
        with *Ligt in gemeente* when the supplier lists the same places itself). It counts in every
        figure, but a list of locations leaves it out, so that each place is listed once, where it lies
        (the report shows exchanges in their own chapter and in the "waarvan via uitruil" lines).
        A receiver's Asiel row that is the only listing of the places stays a location: Kampen's Azc
        Dronten (outside the province), or a supplier that delivered no workbook."""
        return bool(self.uitruil_richting) and not self.uitruil_plek


@dataclass(frozen=True, kw_only=True)
class VoornemenRij:
    """A voornemen: a non-counting planned location (``met_locatie``) or a row of the Voornemens sheet."""

    omschrijving: str
    doelgroep: str
    capaciteit: Capaciteit
    telwaarde: int  #: lower bound that is summed
    max: int  #: upper bound of a range (the number itself otherwise; 0 when unknown)
    onbekend: bool
    startdatum: Datum | None
    einddatum: Datum | None
    besluit: bool | None
    toelichting: str  #: the rule's explanation for a location, else the gemeente's text
    met_locatie: bool

    @property
    def bereik(self) -> bool:
        """The capacity is a range (``550-580``)."""
        return self.capaciteit.is_bereik


@dataclass(frozen=True, kw_only=True)
class GooRij:
    """A GOO location (Oekraïne) and whether it counts on the peildatum
    (:func:`regioplan.regels.goo_telt`)."""

    locatie: str
    capaciteit: Capaciteit
    telwaarde: int
    soort: str
    opening: Datum | None
    sluiting: Datum | None
    lager_niveau: bool | None
    bijzondere_doelgroep: bool | None
    besluit: bool | None
    open: bool  #: counts on the peildatum
    override: bool
    toelichting: str
    in_ontwikkeling: bool  #: opens after the peildatum (or on an unknown date)
    opmerking: str
    uitruil_partner: str = ""  #: see AsielRij
    uitruil_richting: str = ""

    @property
    def alleen_uitruil(self) -> bool:
        """A row an exchange adds (see :attr:`AsielRij.alleen_uitruil`); GOO rows have no *Ligt in*."""
        return bool(self.uitruil_richting)


@dataclass(frozen=True, kw_only=True)
class DslKsoRij:
    soort: str  #: DSL | KSO
    locatie: str
    capaciteit: Capaciteit
    bestaand_nieuw: str
    realisatiedatum: Datum | None
    einddatum: Datum | None
    toelichting: str


@dataclass(frozen=True, kw_only=True)
class PlanRij:
    """A housing plan for statushouders."""

    soort: str
    aantal: Capaciteit
    realisatiedatum: Datum | None
    toelichting: str


def _pct(deel: int, geheel: int) -> int | None:
    return rond_percentage(deel, geheel)


@dataclass(frozen=True, kw_only=True)
class AsielCijfers:
    """Asiel figures (places, incl. amv); the same fields for a gemeente, a regio and the province.

    Every field is an integer that is summed from gemeente to regio to province (:func:`som`).
    """

    AFGELEID: ClassVar[tuple[str, ...]] = ("percentage", "percentage_amv", "percentage_plus_voornemens")

    opgave: int
    opgave_regulier: int
    opgave_amv: int
    geldig: int  #: places that count for the cycle
    geldig_amv: int
    verschil: int  #: geldig - opgave
    verschil_amv: int
    vaste_voorraad: int
    voornemens: int
    voornemens_max: int
    voornemens_amv: int
    voornemens_onbekend: int  #: number of voornemens with an unknown capacity
    geldig_plus_voornemens: int
    geldig_amv_plus_voornemens: int
    actief_nu: int  #: places in use on the cycle date, counting or not
    overrides: int  #: locations with a reasoned deviation
    actief_amv: int = field(default=0, metadata=NIET_IN_JSON)  #: idem, amv only
    #: gemeenten whose opgave gives a Vaste voorraad COA, also 0; with none the reports show "–", not 0
    vaste_voorraad_ingevuld: int = field(default=0, metadata=NIET_IN_JSON)
    via_uitruil: int = 0  #: of geldig: places moved by an exchange (+ received, - supplied)
    buiten_provincie: int = 0  #: of geldig: places that lie outside the province (Kampen–Dronten)
    actief_via_uitruil: int = 0  #: of actief_nu: places moved by an exchange (+ received, - supplied)
    actief_buiten_provincie: int = 0  #: of actief_nu: places that lie outside the province

    @cached_property
    def percentage(self) -> int | None:
        """geldig as a whole percentage of opgave, half up; None without opgave."""
        return _pct(self.geldig, self.opgave)

    @property
    def vaste_voorraad_opgegeven(self) -> int | None:
        """Vaste voorraad COA as the opgaven give it: None when no gemeente of the block filled it in (the
        reports show "–"), else the sum, so that a typed 0 shows as 0. Not in the JSON (``vaste_voorraad``
        is, 0 when empty)."""
        return self.vaste_voorraad if self.vaste_voorraad_ingevuld else None

    @cached_property
    def percentage_amv(self) -> int | None:
        return _pct(self.geldig_amv, self.opgave_amv)

    @cached_property
    def percentage_plus_voornemens(self) -> int | None:
        return _pct(self.geldig_plus_voornemens, self.opgave)


@dataclass(frozen=True, kw_only=True)
class AsielGemeente(AsielCijfers):
    locaties: tuple[AsielRij, ...]  #: in workbook order
    voornemens_lijst: tuple[VoornemenRij, ...]


@dataclass(frozen=True, kw_only=True)
class OekraineCijfers:
    AFGELEID: ClassVar[tuple[str, ...]] = ("percentage",)

    opgave: int
    realisatie: int  #: capacity of the GOO locations open on the peildatum
    verschil: int
    poo: int  #: displaced persons in private reception (does not count)
    in_ontwikkeling: int
    in_ontwikkeling_onbekend: int
    via_uitruil: int = 0  #: of realisatie: places moved by an exchange (+ received, - supplied)

    @cached_property
    def percentage(self) -> int | None:
        return _pct(self.realisatie, self.opgave)


@dataclass(frozen=True, kw_only=True)
class OekraineGemeente(OekraineCijfers):
    locaties: tuple[GooRij, ...]


@dataclass(frozen=True, kw_only=True)
class StatushoudersCijfers:
    AFGELEID: ClassVar[tuple[str, ...]] = ("percentage",)

    taakstelling: int
    taakstelling_incl: int  #: including arrears or advance
    realisatie: int
    verschil: int  #: realisatie - taakstelling_incl
    verwachte_achterstand: int
    kso_amv: int
    kwg: int
    kwe: int
    dsl: int
    kso: int
    plannen_totaal: int = field(default=0, metadata=NIET_IN_JSON)  #: homes in the plans (lower bounds)
    plannen_onbekend: int = field(default=0, metadata=NIET_IN_JSON)  #: plans without a number

    @cached_property
    def percentage(self) -> int | None:
        return _pct(self.realisatie, self.taakstelling_incl)


@dataclass(frozen=True, kw_only=True)
class StatushoudersGemeente(StatushoudersCijfers):
    dsl_kso: tuple[DslKsoRij, ...]
    plannen: tuple[PlanRij, ...]


@dataclass(frozen=True, kw_only=True)
class Gemeente:
    naam: str
    cbs_code: str
    regio: str  #: name of the regio
    regio_sleutel: str
    bestand: str | None  #: the workbook; None when it is missing
    ingevuld_door: str
    datum: dt.date | None  #: 'datum invulling'
    duiding: str
    asiel: AsielGemeente
    oekraine: OekraineGemeente
    statushouders: StatushoudersGemeente
    procesfase: str  #: a | b | c | a+b, as used (the gemeente may overrule the derivation); "" without data
    procesfase_afgeleid: str
    procesfase_toelichting: str
    #: ``geleverd``, or ``geen-gegevens``: no workbook, or one that is still the blank template
    status: str = "geleverd"
    leeg_sjabloon: bool = False  #: the workbook is still the blank template
    #: a file named after this gemeente that could not be read (not xlsx, empty, corrupt; ``valideer`` says
    #: why): she has no data, but she did send something. None otherwise.
    onleesbaar_bestand: str | None = None

    @property
    def geen_gegevens(self) -> bool:
        return self.status == GEEN_GEGEVENS


GEEN_GEGEVENS = "geen-gegevens"
GELEVERD = "geleverd"


@dataclass(frozen=True, kw_only=True)
class Levering:
    """How many gemeenten of a regio or the province delivered data; totals are incomplete otherwise."""

    AFGELEID: ClassVar[tuple[str, ...]] = ("volledig",)

    met_gegevens: int
    totaal: int

    @property
    def volledig(self) -> bool:
        return self.met_gegevens == self.totaal


@dataclass(frozen=True, kw_only=True)
class Procesfasen:
    """Names of the gemeenten per procesfase (a gemeente in ``a+b`` is in both)."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    c: tuple[str, ...]
    geen_gegevens: tuple[str, ...] = ()  #: no procesfase: the gemeente delivered no data


@dataclass(frozen=True, kw_only=True)
class RegioTotaal:
    """The sums of the gemeenten of one regio (never computed otherwise, so they always add up)."""

    naam: str
    sleutel: str = field(metadata=NIET_IN_JSON)  #: the key of ``Resultaat.regios``
    regietafel: str
    gemeenten: tuple[str, ...]  #: CBS codes
    asiel: AsielCijfers
    oekraine: OekraineCijfers
    statushouders: StatushoudersCijfers
    procesfase: Procesfasen
    levering: Levering = field(default_factory=lambda: Levering(met_gegevens=0, totaal=0))


@dataclass(frozen=True, kw_only=True)
class ProvincieTotaal:
    naam: str
    sleutel: str
    asiel: AsielCijfers
    oekraine: OekraineCijfers
    statushouders: StatushoudersCijfers
    procesfase: Procesfasen
    aantal_gemeenten: int = field(default=0, metadata=NIET_IN_JSON)
    levering: Levering = field(default_factory=lambda: Levering(met_gegevens=0, totaal=0))
    #: False when the folder's configuration holds only part of the province (``sjabloon --regio``): the
    #: figures are then the sum of the configured regio's, not a provincial total (see :func:`totaalnaam`)
    hele_provincie: bool = True


@dataclass(frozen=True, kw_only=True)
class UitruilRij:
    """An exchange between two gemeenten: from the Uitruil sheet, or an asiel location in the partner
    gemeente."""

    gemeente: str
    cbs_code: str
    partner: str
    opgave: str  #: asiel | oekraine
    plekken: int
    richting: str  #: ontvangt | levert | locatie
    startdatum: Datum | None
    einddatum: Datum | None
    status: str  #: afgesproken | voornemen | telt | telt niet
    toelichting: str


@dataclass(frozen=True, kw_only=True)
class Vastlegging:
    """One gemeente's record of an exchange: where (file, sheet, row) and what it says."""

    gemeente: str  #: name
    bron: str  #: uitruil (Uitruil sheet) | locatie (Asiel row with Ligt in gemeente)
    plekken: int
    startdatum: Datum | None
    einddatum: Datum | None
    status: str
    herkomst: Herkomst
    toelichting: str = ""  #: the gemeente's own words on its Uitruil row


@dataclass(frozen=True, kw_only=True)
class AfspraakRij:
    """One exchange (:class:`regioplan.uitruil.Afspraak`): who supplies, who receives, and what it moves."""

    leverancier: str  #: name of the gemeente where the places lie
    ontvanger: str  #: name of the gemeente they count for
    opgave: str  #: asiel | oekraine
    plekken: int
    startdatum: Datum | None
    einddatum: Datum | None
    status: str  #: afgesproken | voornemen
    verwerkt: bool  #: moves places in the figures
    reden: str  #: code (regioplan.uitruil.REDENEN)
    uitleg: str  #: Dutch explanation
    buiten_provincie: bool
    levert: Vastlegging | None  #: the supplier's record
    ontvangt: Vastlegging | None  #: the receiver's Uitruil row
    locatie: Vastlegging | None  #: the receiver's Asiel row with Ligt in gemeente


@dataclass(frozen=True, kw_only=True)
class TijdlijnRij:
    niveau: str  #: gemeente | regio | provincie
    naam: str
    sleutel: str  #: CBS code or regio/province key
    opgave: str  #: asiel | amv | oekraine
    soort: str
    waarden: tuple[int, ...]  #: capacity active on each peildatum


@dataclass(frozen=True, kw_only=True)
class Tijdlijn:
    peildata: tuple[dt.date, ...]
    rijen: tuple[TijdlijnRij, ...]


@dataclass(frozen=True, kw_only=True)
class Telling:
    """Numbers of findings in the input (the findings themselves are in ``regioplan valideer``)."""

    fouten: int
    waarschuwingen: int


@dataclass(frozen=True, kw_only=True)
class Resultaat:
    """Every figure of the regional and provincial plans (see the module docstring for the shape)."""

    regioplan: str  #: version that computed it
    provincie_naam: str
    cyclus: Cyclus
    peildata: Peildata
    gemeenten: tuple[Gemeente, ...]  #: per regio (configuration order), then by name
    regios: Mapping[str, RegioTotaal]  #: by key, in configuration order
    provincie: ProvincieTotaal
    uitruil: tuple[UitruilRij, ...]
    afspraken: tuple[AfspraakRij, ...] = ()  #: every exchange once, with both sides' records
    bevindingen: Telling
    tijdlijn: Tijdlijn | None = field(default=None, metadata=WEGLATEN_ALS_LEEG)
    config: Config = field(metadata=NIET_IN_JSON, compare=False, repr=False)

    def als_dict(self) -> dict[str, Any]:
        """The JSON document as Python data (see :func:`naar_json`)."""
        uit = naar_json(self)
        assert isinstance(uit, dict)
        return uit

    def gemeente(self, naam_of_code: str) -> Gemeente | None:
        """The gemeente by name, alias or CBS code; None when it is not in the configuration."""
        code = self.config.zoek_code(naam_of_code)
        return next((g for g in self.gemeenten if g.cbs_code == code), None)


def totaalnaam(r: Resultaat) -> str | None:
    """The label of the total over every gemeente in the folder, or None when there is none to show.

    For the whole province ``Totaal Overijssel``. A folder configured for part of the province (one
    regio, ``sjabloon --regio twente``) has no provincial total: with one regio its total is the regio's
    own (None: no second row that repeats it and looks provincial); with more regio's the row names them,
    ``Totaal Noord en Oost (deel van Gelderland)``. Every view (terminal, csv, xlsx, summary line) uses
    this one rule."""
    return totaalnaam_van(r.provincie.naam, r.provincie.hele_provincie, [x.naam for x in r.config.regios])


def gebiedsnaam(provincie: str, hele_provincie: bool, regios: Sequence[str]) -> str:
    """What a folder is about: the province; of part of it its one regio (``Twente``), or its regio's
    (``Noord en Oost (deel van Gelderland)``)."""
    if hele_provincie or not regios:
        return provincie
    if len(regios) == 1:
        return regios[0]
    return f"{', '.join(regios[:-1])} en {regios[-1]} (deel van {provincie})"


def totaalnaam_van(provincie: str, hele_provincie: bool, regios: Sequence[str]) -> str | None:
    """:func:`totaalnaam` from its parts (also for a stored round, :mod:`regioplan.verschil`): ``Totaal`` and
    the :func:`gebiedsnaam`, or None for a folder of one regio (its regio total is the total)."""
    if not hele_provincie and len(regios) <= 1:
        return None
    return f"Totaal {gebiedsnaam(provincie, hele_provincie, regios)}"


def naar_json(waarde: object) -> object:
    """JSON-ready data for any part of the result: the one place where the result becomes JSON.

    Dataclasses become objects (fields in declaration order, then ``AFGELEID``; fields with
    :data:`NIET_IN_JSON` left out), dates ISO text, capacities a number or text (``"550-580"``,
    ``"onbekend"``), tuples lists.
    """
    if isinstance(waarde, Capaciteit):
        return waarde.json()
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if is_dataclass(waarde) and not isinstance(waarde, type):
        uit: dict[str, object] = {}
        for f in fields(waarde):
            if f.metadata.get("json", True) is False:
                continue
            v = getattr(waarde, f.name)
            if v is None and f.metadata.get("weglaten_als_leeg"):
                continue
            uit[f.name] = naar_json(v)
        for naam in getattr(type(waarde), "AFGELEID", ()):
            uit[naam] = naar_json(getattr(waarde, naam))
        return uit
    if isinstance(waarde, (list, tuple)):
        return [naar_json(v) for v in waarde]
    if isinstance(waarde, Mapping):
        return {str(k): naar_json(v) for k, v in waarde.items()}
    return waarde


def som(soort: type[Any], blokken: list[Any]) -> Any:
    """The field-by-field sum of figure blocks as a ``soort`` (AsielCijfers, OekraineCijfers, ...)."""
    return soort(**{f.name: sum(getattr(b, f.name) for b in blokken) for f in fields(soort)})


def voor_gemeente(resultaat: Resultaat, cbs_code: str) -> Resultaat:
    """The result narrowed to one gemeente (``bereken --gemeente``): that gemeente, the totals of its
    regio and of the province for comparison, the exchanges it is party to, and the timeline rows of
    the gemeente, its regio and the province. Every output (text, JSON, xlsx, csv) is made from this."""
    from dataclasses import replace

    g = next(x for x in resultaat.gemeenten if x.cbs_code == cbs_code)
    tijdlijn = resultaat.tijdlijn
    if tijdlijn is not None:
        houden = {
            ("gemeente", cbs_code),
            ("regio", g.regio_sleutel),
            ("provincie", resultaat.provincie.sleutel),
        }
        tijdlijn = replace(
            tijdlijn, rijen=tuple(r for r in tijdlijn.rijen if (r.niveau, r.sleutel) in houden)
        )
    return replace(
        resultaat,
        gemeenten=(g,),
        regios={k: v for k, v in resultaat.regios.items() if k == g.regio_sleutel},
        uitruil=tuple(u for u in resultaat.uitruil if u.cbs_code == cbs_code or u.partner == g.naam),
        afspraken=tuple(a for a in resultaat.afspraken if g.naam in (a.leverancier, a.ontvanger)),
        tijdlijn=tijdlijn,
    )
