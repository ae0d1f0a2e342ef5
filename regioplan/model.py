"""The plain domain model that reading produces and computing consumes.

Plain dataclasses, no behaviour beyond trivial properties: the rules live in :mod:`regioplan.regels`.
Every row keeps its origin (file, sheet, row) so that any number can be traced back to a cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .waarden import GEEN_CAPACITEIT, Capaciteit, Datum


@dataclass(frozen=True)
class Herkomst:
    """Where a row came from: file name, sheet and 1-based row number."""

    bestand: str = ""
    blad: str = ""
    rij: int = 0


@dataclass
class AsielLocatie:
    locatie: str
    capaciteit: Capaciteit = GEEN_CAPACITEIT
    doelgroep: str = "asiel"  # asiel | amv
    soort: str = "regulier"
    startdatum: Datum | None = None
    einddatum: Datum | None = None
    beheer: str = ""
    besluit: bool | None = None
    telt_mee: str = "automatisch"  # automatisch | ja | nee
    toelichting: str = ""
    vervangt: tuple[str, ...] = ()
    ligt_in: str = ""
    opmerking: str = ""
    kansrijk: str = ""  # "" | besluit | voor-raming | verlenging | toezegging (regioplan verdeel)
    kansrijk_toelichting: str = ""
    herkomst: Herkomst = field(default_factory=Herkomst)
    #: set only on the rows that :mod:`regioplan.uitruil` makes for an exchange (never read from a workbook)
    uitruil_partner: str = ""
    uitruil_richting: str = ""  # ontvangt | levert
    buiten_provincie: bool = False
    #: the receiver's own Asiel row that is the only listing of the places (outside the province, or the
    #: supplier delivered nothing): a location, not only an exchange
    uitruil_plek: bool = False


@dataclass
class Voornemen:
    omschrijving: str
    doelgroep: str = "asiel"
    capaciteit: Capaciteit = GEEN_CAPACITEIT
    startdatum: Datum | None = None
    einddatum: Datum | None = None
    besluit: bool | None = None
    toelichting: str = ""
    kansrijk: str = ""
    kansrijk_toelichting: str = ""
    herkomst: Herkomst = field(default_factory=Herkomst)


@dataclass
class GooLocatie:
    locatie: str
    capaciteit: Capaciteit = GEEN_CAPACITEIT
    soort: str = "regulier"
    opening: Datum | None = None
    sluiting: Datum | None = None
    lager_niveau: bool | None = None
    bijzondere_doelgroep: bool | None = None
    besluit: bool | None = None
    telt_mee: str = "automatisch"  # automatisch | ja | nee
    toelichting: str = ""
    opmerking: str = ""
    herkomst: Herkomst = field(default_factory=Herkomst)
    uitruil_partner: str = ""  #: see :class:`AsielLocatie`
    uitruil_richting: str = ""


@dataclass
class Aantallen:
    poo: int = 0
    statushouders_realisatie: int = 0
    verwachte_achterstand: int = 0
    kso_amv: int = 0
    kwg: int = 0
    kwe: int = 0


@dataclass
class Huisvestingsplan:
    soort: str
    aantal: Capaciteit = GEEN_CAPACITEIT
    realisatiedatum: Datum | None = None
    toelichting: str = ""
    herkomst: Herkomst = field(default_factory=Herkomst)


@dataclass
class DslKso:
    soort: str  # DSL | KSO
    locatie: str = ""
    capaciteit: Capaciteit = GEEN_CAPACITEIT
    bestaand_nieuw: str = ""
    realisatiedatum: Datum | None = None
    einddatum: Datum | None = None
    toelichting: str = ""
    herkomst: Herkomst = field(default_factory=Herkomst)


@dataclass
class Uitruil:
    partner: str
    opgave: str = "asiel"  # asiel | oekraine
    plekken: int = 0
    richting: str = "ontvangt"  # ontvangt | levert
    startdatum: Datum | None = None
    einddatum: Datum | None = None
    status: str = "afgesproken"  # afgesproken | voornemen
    toelichting: str = ""
    herkomst: Herkomst = field(default_factory=Herkomst)


@dataclass
class Uitvraag:
    """One gemeente's submission (one workbook)."""

    naam: str
    cbs_code: str
    bestand: str = ""
    ingevuld_door: str = ""
    datum: dt.date | None = None
    procesfase: str = ""  # empty: derived
    procesfase_toelichting: str = ""
    duiding: str = ""
    formaatversie: str = ""
    #: what the workbook was made for (pre-filled by ``sjabloon``; empty in older workbooks)
    provincie: str = ""
    regio: str = ""
    cyclus: str = ""
    actief_uiterlijk: dt.date | None = None
    in_gebruik_tot_minstens: dt.date | None = None
    peildatum_oekraine: dt.date | None = None
    peildatum_statushouders: dt.date | None = None
    asiel: list[AsielLocatie] = field(default_factory=list)
    voornemens: list[Voornemen] = field(default_factory=list)
    oekraine: list[GooLocatie] = field(default_factory=list)
    aantallen: Aantallen = field(default_factory=Aantallen)
    huisvesting: list[Huisvestingsplan] = field(default_factory=list)
    dsl_kso: list[DslKso] = field(default_factory=list)
    uitruil: list[Uitruil] = field(default_factory=list)
    #: still the blank template (nothing filled in beyond the prefilled name and code): counts as not
    # delivered
    leeg_sjabloon: bool = False

    @property
    def geleverd(self) -> bool:
        """Did the gemeente deliver data? A blank template does not count as delivered."""
        return not self.leeg_sjabloon


@dataclass
class Opgave:
    """The top-down targets of one gemeente (central opgaven workbook)."""

    cbs_code: str
    gemeente: str
    regio: str = ""
    asiel_regulier: int = 0
    asiel_amv: int = 0
    vaste_voorraad: int = 0
    #: a value was typed for Vaste voorraad COA (also 0); the reports show an empty cell as "–", a 0 as 0
    vaste_voorraad_ingevuld: bool = False
    oekraine: int = 0
    statushouders_taakstelling: int = 0
    statushouders_incl: int = 0
    uitsluiting_historisch: bool = False  # regioplan verdeel, stap 4a (input: ten years of history)
    uitsluiting_oekraine: bool = False
    uitsluiting_toelichting: str = ""
    herkomst: Herkomst = field(default_factory=Herkomst)

    @property
    def asiel_totaal(self) -> int:
        return self.asiel_regulier + self.asiel_amv
