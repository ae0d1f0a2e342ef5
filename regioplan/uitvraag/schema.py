"""The uitvraag format v1: sheets and columns, defined once.

The template writer, the reader, the validator, the example-data builder and ``docs/uitvraag.md``
all work from these definitions, so the format cannot drift between them.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAATVERSIE = "1"

DOELGROEPEN = ("asiel", "amv")
SOORTEN_ASIEL = ("regulier", "noodopvang", "crisisnoodopvang", "TGO", "IBO", "ROL", "amv-opvang", "overig")
BEHEER = ("COA", "gemeente")
JANEE = ("ja", "nee")
TELT_MEE = ("automatisch", "ja", "nee")
SOORTEN_GOO = ("regulier", "hotel", "flexwoningen", "overig")
PROCESFASEN = ("a", "b", "c", "a+b")
SOORTEN_HUISVESTING = (
    "bestaande woningvoorraad",
    "uitbreiding woningvoorraad",
    "bestaande flexwoningen",
    "uitbreiding flexwoningen",
    "overig",
)
SOORTEN_DSL_KSO = ("DSL", "KSO")
BESTAAND_NIEUW = ("bestaand", "nieuw")
OPGAVEN_UITRUIL = ("asiel", "oekraine")
RICHTINGEN = ("ontvangt", "levert")
UITRUIL_STATUS = ("afgesproken", "voornemen")
#: The four criteria of the Verdeelbesluit method for a kansrijk initiative (step 2), see docs/verdeel.md.
KANSRIJK = ("besluit", "voor-raming", "verlenging", "toezegging")
KANSRIJK_UITLEG = (
    "Alleen voor plannen die (nog) niet meetellen, voor `regioplan verdeel`: kansrijk volgens de "
    "methode van het "
    "Verdeelbesluit, met het criterium waaraan het plan voldoet: besluit (lokale besluitvorming afgerond), "
    "voor-raming (beschikbaar vóór de volgende capaciteitsraming), verlenging (aantoonbaar zicht op "
    "verlenging), "
    "toezegging (duidelijke toezegging om tijdig te realiseren). Leeg = niet kansrijk."
)


@dataclass(frozen=True)
class Kolom:
    """A column (table sheets) or a field row (field sheets)."""

    kop: str  #: header text in the workbook
    sleutel: str  #: attribute name in the model / key in the TOML source
    type: str  #: tekst | geheel | geheel_neg | capaciteit | datum | keuze | janee | lijst | cbs
    keuzes: tuple[str, ...] = ()
    verplicht: bool = False
    breedte: int = 14
    uitleg: str = ""
    voorbeeld: object = None
    standaard: object = None  #: value used when the cell is empty


@dataclass(frozen=True)
class Blad:
    naam: str
    soort: str  #: "tabel" (header on row 1, one row per item) or "velden" (label in A, value in B)
    kolommen: tuple[Kolom, ...]
    uitleg: str
    sleutel: str  #: attribute of the model that holds the sheet's data

    def kolom(self, sleutel: str) -> Kolom:
        return next(k for k in self.kolommen if k.sleutel == sleutel)


K = Kolom


#: The two columns on Asiel and Voornemens that say whether a plan is a "kansrijk initiatief" for the
#: Verdeelbesluit, and why (issue #17).
KANSRIJK_KOLOMMEN: tuple[Kolom, ...] = (
    K(
        "Kansrijk",
        "kansrijk",
        "keuze",
        KANSRIJK,
        standaard="",
        uitleg=KANSRIJK_UITLEG,
        voorbeeld="",
    ),
    K(
        "Toelichting kansrijk",
        "kansrijk_toelichting",
        "tekst",
        breedte=40,
        uitleg="Waarom het plan kansrijk is (besluit, planning, toezegging).",
        voorbeeld="",
    ),
)

GEMEENTE = Blad(
    "Gemeente",
    "velden",
    (
        K(
            "Gemeente",
            "naam",
            "tekst",
            verplicht=True,
            uitleg="Officiële naam van de gemeente (vooringevuld).",
            voorbeeld="Kampen",
        ),
        K(
            "CBS-code",
            "cbs_code",
            "cbs",
            verplicht=True,
            uitleg="Code van het CBS, vier cijfers na GM (vooringevuld).",
            voorbeeld="GM0166",
        ),
        K(
            "Ingevuld door",
            "ingevuld_door",
            "tekst",
            uitleg="Naam en afdeling van wie het werkboek invulde.",
            voorbeeld="J. Jansen, team Asiel",
        ),
        K(
            "Datum invulling",
            "datum",
            "datum",
            uitleg="Datum waarop de gegevens zijn bijgewerkt.",
            voorbeeld="01-10-2024",
        ),
        K(
            "Procesfase",
            "procesfase",
            "keuze",
            PROCESFASEN,
            uitleg="Leeg laten: regioplan leidt de fase af (a = garandeert plekken, b = proces loopt / geen "
            "besluit / te laat, "
            "c = realiseert niet of staat aan het begin). Alleen invullen om de afleiding bewust te "
            "overschrijven.",
            voorbeeld="a+b",
        ),
        K(
            "Toelichting procesfase",
            "procesfase_toelichting",
            "tekst",
            uitleg="Verplicht als Procesfase is ingevuld.",
            voorbeeld="Garandeert plekken en ontwikkelt nieuwe locaties.",
        ),
        K(
            "Duiding",
            "duiding",
            "tekst",
            breedte=80,
            uitleg="Korte toelichting van de gemeente op proces en keuzes (komt in het rapport).",
            voorbeeld="Kampen zoekt naar structurele locaties; het vastgoedaanbod maakt dat lastig.",
        ),
        K(
            "Formaatversie",
            "formaatversie",
            "tekst",
            uitleg="Versie van dit sjabloon; niet wijzigen.",
            voorbeeld=FORMAATVERSIE,
        ),
        # What the workbook was made for (written by `sjabloon`, not to be changed): the pre-check of one
        # workbook uses these when no regioplan.toml is at hand. Older workbooks without them stay valid.
        K(
            "Provincie",
            "provincie",
            "tekst",
            uitleg="Provincie waarvoor dit werkboek is gemaakt (vooringevuld; niet wijzigen).",
            voorbeeld="Overijssel",
        ),
        K(
            "Regio",
            "regio",
            "tekst",
            uitleg="Regio van de gemeente (vooringevuld; niet wijzigen).",
            voorbeeld="IJsselland",
        ),
        K(
            "Cyclus",
            "cyclus",
            "tekst",
            uitleg="De cyclus waarover de uitvraag gaat (vooringevuld; niet wijzigen).",
            voorbeeld="1e cyclus Spreidingswet",
        ),
        K(
            "Actief uiterlijk",
            "actief_uiterlijk",
            "datum",
            uitleg="Een plek telt mee als de locatie op of voor deze datum actief is (vooringevuld).",
            voorbeeld="01-07-2025",
        ),
        K(
            "In gebruik tot minstens",
            "in_gebruik_tot_minstens",
            "datum",
            uitleg="... en minstens tot deze datum in gebruik blijft (vooringevuld).",
            voorbeeld="01-02-2026",
        ),
        K(
            "Peildatum Oekraïne",
            "peildatum_oekraine",
            "datum",
            uitleg="Een GOO-locatie telt mee als ze op deze datum open is (vooringevuld).",
            voorbeeld="01-01-2025",
        ),
        K(
            "Peildatum statushouders",
            "peildatum_statushouders",
            "datum",
            uitleg="Peildatum van de realisatie huisvesting statushouders (vooringevuld).",
            voorbeeld="15-09-2024",
        ),
    ),
    "Wie levert dit werkboek aan.",
    "gemeente",
)

ASIEL = Blad(
    "Asiel",
    "tabel",
    (
        K(
            "Locatie",
            "locatie",
            "tekst",
            verplicht=True,
            breedte=30,
            uitleg="Naam of adres; uniek binnen het blad.",
            voorbeeld="Hilbert van Dijkstraat",
        ),
        K(
            "Capaciteit",
            "capaciteit",
            "capaciteit",
            verplicht=True,
            uitleg="Aantal plekken, een bereik '550-580' of 'onbekend'.",
            voorbeeld=48,
        ),
        K(
            "Doelgroep",
            "doelgroep",
            "keuze",
            DOELGROEPEN,
            verplicht=True,
            uitleg="asiel (regulier) of amv.",
            voorbeeld="asiel",
        ),
        K(
            "Soort opvang",
            "soort",
            "keuze",
            SOORTEN_ASIEL,
            verplicht=True,
            breedte=16,
            voorbeeld="TGO",
            uitleg="regulier (azc), noodopvang, crisisnoodopvang, TGO (tijdelijke gemeentelijke opvang), "
            "IBO, ROL, amv-opvang, overig.",
        ),
        K(
            "Startdatum",
            "startdatum",
            "datum",
            verplicht=True,
            uitleg="Datum, of 'onbekend'.",
            voorbeeld="24-06-2024",
        ),
        K(
            "Einddatum",
            "einddatum",
            "datum",
            verplicht=True,
            uitleg="Datum, 'onbepaald' (loopt langer dan elke termijn) of 'onbekend'.",
            voorbeeld="24-06-2026",
        ),
        K("Beheer", "beheer", "keuze", BEHEER, uitleg="COA of gemeente.", voorbeeld="gemeente"),
        K(
            "Besluit genomen",
            "besluit",
            "janee",
            JANEE,
            verplicht=True,
            uitleg="Is het bestuurlijk besluit genomen?",
            voorbeeld="ja",
        ),
        K(
            "Telt mee",
            "telt_mee",
            "keuze",
            TELT_MEE,
            standaard="automatisch",
            uitleg="automatisch: de cyclusregel beslist. ja/nee: bewuste afwijking, alleen met toelichting.",
            voorbeeld="automatisch",
        ),
        K(
            "Toelichting telt mee",
            "toelichting",
            "tekst",
            breedte=40,
            uitleg="Verplicht bij Telt mee = ja of nee; komt als voetnoot in het rapport.",
            voorbeeld="",
        ),
        K(
            "Vervangt",
            "vervangt",
            "lijst",
            breedte=24,
            uitleg="Locatie(s) op dit blad die deze locatie opvolgt, gescheiden door ';'. "
            "Een opvolger is geen extra voornemen.",
            voorbeeld="",
        ),
        K(
            "Ligt in gemeente",
            "ligt_in",
            "tekst",
            breedte=18,
            uitleg="Alleen bij uitruil: de gemeente waar de plekken liggen.",
            voorbeeld="",
        ),
        K("Opmerking", "opmerking", "tekst", breedte=30, uitleg="Vrije tekst.", voorbeeld=""),
        *KANSRIJK_KOLOMMEN,
    ),
    "Alle asiellocaties in (of voor) de gemeente: bestaand, beëindigd en gepland, ook noodopvang, TGO en "
    "amv.",
    "asiel",
)

VOORNEMENS = Blad(
    "Voornemens",
    "tabel",
    (
        K(
            "Omschrijving",
            "omschrijving",
            "tekst",
            verplicht=True,
            breedte=30,
            uitleg="Wat er wordt voorgenomen.",
            voorbeeld="Structurele asiellocatie",
        ),
        K(
            "Doelgroep",
            "doelgroep",
            "keuze",
            DOELGROEPEN,
            verplicht=True,
            voorbeeld="asiel",
            uitleg="asiel of amv.",
        ),
        K(
            "Capaciteit",
            "capaciteit",
            "capaciteit",
            verplicht=True,
            uitleg="Getal, bereik '550-580' of 'onbekend'.",
            voorbeeld="550-580",
        ),
        K("Startdatum", "startdatum", "datum", uitleg="Datum of 'onbekend'.", voorbeeld="onbekend"),
        K(
            "Einddatum",
            "einddatum",
            "datum",
            uitleg="Datum, 'onbepaald' of 'onbekend'.",
            voorbeeld="onbekend",
        ),
        K(
            "Besluit genomen",
            "besluit",
            "janee",
            JANEE,
            uitleg="Is er al een bestuurlijk besluit?",
            voorbeeld="nee",
        ),
        K(
            "Toelichting",
            "toelichting",
            "tekst",
            breedte=50,
            uitleg="Waar staat het proces?",
            voorbeeld="Verkenning naar locaties loopt.",
        ),
        *KANSRIJK_KOLOMMEN,
    ),
    "Voornemens zonder concrete locatie (zachte plannen). Locaties met een adres horen op het blad Asiel.",
    "voornemens",
)

OEKRAINE = Blad(
    "Oekraïne",
    "tabel",
    (
        K(
            "Locatie",
            "locatie",
            "tekst",
            verplicht=True,
            breedte=30,
            voorbeeld="Parallelweg",
            uitleg="Naam of adres van de GOO-locatie.",
        ),
        K(
            "Capaciteit",
            "capaciteit",
            "capaciteit",
            verplicht=True,
            voorbeeld=185,
            uitleg="Aantal plekken, bereik of 'onbekend'.",
        ),
        K(
            "Soort",
            "soort",
            "keuze",
            SOORTEN_GOO,
            standaard="regulier",
            voorbeeld="regulier",
            uitleg="regulier, hotel, flexwoningen of overig.",
        ),
        K(
            "Opening",
            "opening",
            "datum",
            verplicht=True,
            voorbeeld="14-12-2022",
            uitleg="Datum of 'onbekend'.",
        ),
        K(
            "Sluiting",
            "sluiting",
            "datum",
            verplicht=True,
            voorbeeld="14-02-2026",
            uitleg="Datum, 'onbepaald' of 'onbekend'.",
        ),
        K(
            "GOO op lager niveau",
            "lager_niveau",
            "janee",
            JANEE,
            voorbeeld="nee",
            uitleg="Opvang op een lager kwaliteitsniveau?",
        ),
        K(
            "Bijzondere doelgroep",
            "bijzondere_doelgroep",
            "janee",
            JANEE,
            voorbeeld="nee",
            uitleg="Aangewezen voor een bijzondere doelgroep of met bijzondere voorzieningen?",
        ),
        K(
            "Besluit genomen",
            "besluit",
            "janee",
            JANEE,
            voorbeeld="ja",
            uitleg="Is het besluit over deze locatie genomen?",
        ),
        K(
            "Telt mee",
            "telt_mee",
            "keuze",
            TELT_MEE,
            standaard="automatisch",
            voorbeeld="automatisch",
            uitleg="automatisch: telt mee als de locatie open is op de peildatum Oekraïne. ja/nee: bewuste "
            "afwijking, alleen met toelichting.",
        ),
        K(
            "Toelichting telt mee",
            "toelichting",
            "tekst",
            breedte=40,
            voorbeeld="",
            uitleg="Verplicht bij Telt mee = ja of nee.",
        ),
        K("Opmerking", "opmerking", "tekst", breedte=30, voorbeeld="", uitleg="Vrije tekst."),
    ),
    "Gemeentelijke opvang Oekraïners (GOO): bestaande en geplande locaties.",
    "oekraine",
)

AANTALLEN = Blad(
    "Aantallen",
    "velden",
    (
        K(
            "Oekraïners in particuliere opvang (POO)",
            "poo",
            "geheel",
            standaard=0,
            voorbeeld=39,
            uitleg="Aantal personen (registratie BRP).",
        ),
        K(
            "Statushouders gehuisvest op peildatum",
            "statushouders_realisatie",
            "geheel",
            standaard=0,
            voorbeeld=27,
            uitleg="Realisatie taakstelling op de peildatum statushouders.",
        ),
        K(
            "Verwachte achterstand/voorsprong",
            "verwachte_achterstand",
            "geheel_neg",
            standaard=0,
            voorbeeld=-30,
            uitleg="Verwacht aan het eind van het halfjaar; negatief = achterstand.",
        ),
        K(
            "KSO-plekken amv totaal",
            "kso_amv",
            "geheel",
            standaard=0,
            voorbeeld=0,
            uitleg="Kleinschalige opvang voor amv-statushouders.",
        ),
        K("waarvan KWG", "kwg", "geheel", standaard=0, voorbeeld=0, uitleg="Kleine woongroepen."),
        K("waarvan KWE", "kwe", "geheel", standaard=0, voorbeeld=0, uitleg="Kleine wooneenheden."),
    ),
    "Aantallen: POO en statushouders.",
    "aantallen",
)

HUISVESTING = Blad(
    "Huisvestingsplannen",
    "tabel",
    (
        K(
            "Soort",
            "soort",
            "keuze",
            SOORTEN_HUISVESTING,
            verplicht=True,
            breedte=26,
            voorbeeld="uitbreiding flexwoningen",
            uitleg="Soort plan.",
        ),
        K("Aantal", "aantal", "capaciteit", voorbeeld="12-24", uitleg="Getal, bereik of 'onbekend'."),
        K(
            "Realisatiedatum",
            "realisatiedatum",
            "datum",
            voorbeeld="01-04-2025",
            uitleg="Datum of 'onbekend'.",
        ),
        K("Toelichting", "toelichting", "tekst", breedte=50, voorbeeld="woningen", uitleg="Vrije tekst."),
    ),
    "Plannen voor de huisvesting van statushouders.",
    "huisvesting",
)

DSL_KSO = Blad(
    "DSL en KSO",
    "tabel",
    (
        K(
            "Soort",
            "soort",
            "keuze",
            SOORTEN_DSL_KSO,
            verplicht=True,
            voorbeeld="DSL",
            uitleg="DSL (doorstroomlocatie) of KSO (kleinschalige opvang amv).",
        ),
        K("Locatie", "locatie", "tekst", breedte=26, voorbeeld="Broederweg", uitleg="Naam of adres."),
        K(
            "Capaciteit",
            "capaciteit",
            "capaciteit",
            verplicht=True,
            voorbeeld=18,
            uitleg="Aantal plekken, bereik of 'onbekend'.",
        ),
        K(
            "Bestaand/nieuw",
            "bestaand_nieuw",
            "keuze",
            BESTAAND_NIEUW,
            voorbeeld="bestaand",
            uitleg="bestaand of nieuw.",
        ),
        K(
            "Realisatiedatum",
            "realisatiedatum",
            "datum",
            voorbeeld="01-07-2025",
            uitleg="Datum of 'onbekend'.",
        ),
        K(
            "Einddatum",
            "einddatum",
            "datum",
            voorbeeld="01-07-2028",
            uitleg="Datum, 'onbepaald' of 'onbekend'.",
        ),
        K("Toelichting", "toelichting", "tekst", breedte=40, voorbeeld="", uitleg="Vrije tekst."),
    ),
    "Doorstroomlocaties (DSL) en kleinschalige opvanglocaties (KSO).",
    "dsl_kso",
)

UITRUIL = Blad(
    "Uitruil",
    "tabel",
    (
        K(
            "Partnergemeente",
            "partner",
            "tekst",
            verplicht=True,
            breedte=18,
            voorbeeld="Dronten",
            uitleg="De andere gemeente.",
        ),
        K(
            "Opgave",
            "opgave",
            "keuze",
            OPGAVEN_UITRUIL,
            verplicht=True,
            voorbeeld="asiel",
            uitleg="asiel of oekraine.",
        ),
        K("Plekken", "plekken", "geheel", verplicht=True, voorbeeld=200, uitleg="Aantal plekken."),
        K(
            "Richting",
            "richting",
            "keuze",
            RICHTINGEN,
            verplicht=True,
            voorbeeld="ontvangt",
            uitleg="ontvangt: plekken in de partnergemeente tellen voor deze gemeente; levert: omgekeerd.",
        ),
        K("Startdatum", "startdatum", "datum", voorbeeld="01-02-2024", uitleg="Datum of 'onbekend'."),
        K(
            "Einddatum",
            "einddatum",
            "datum",
            voorbeeld="01-02-2026",
            uitleg="Datum, 'onbepaald' of 'onbekend'.",
        ),
        K(
            "Status",
            "status",
            "keuze",
            UITRUIL_STATUS,
            verplicht=True,
            voorbeeld="afgesproken",
            uitleg="afgesproken of voornemen.",
        ),
        K("Toelichting", "toelichting", "tekst", breedte=50, voorbeeld="", uitleg="Wat is er afgesproken?"),
    ),
    "Afspraken en voornemens over uitruil van opgaven met andere gemeenten.",
    "uitruil",
)

OPGAVEN = Blad(
    "Opgaven",
    "tabel",
    (
        K(
            "CBS-code",
            "cbs_code",
            "cbs",
            verplicht=True,
            voorbeeld="GM0141",
            uitleg="CBS-code van de gemeente.",
        ),
        K("Gemeente", "gemeente", "tekst", verplicht=True, breedte=18, voorbeeld="Almelo", uitleg="Naam."),
        K(
            "Regio",
            "regio",
            "tekst",
            verplicht=True,
            voorbeeld="Twente",
            uitleg="Regio volgens de configuratie.",
        ),
        K(
            "Asiel regulier",
            "asiel_regulier",
            "geheel",
            verplicht=True,
            voorbeeld=296,
            uitleg="Opgave asielopvang zonder amv.",
        ),
        K("Asiel amv", "asiel_amv", "geheel", verplicht=True, voorbeeld=27, uitleg="Opgave amv."),
        K(
            "Asiel totaal",
            "asiel_totaal",
            "geheel",
            voorbeeld=323,
            uitleg="Optioneel: regulier + amv, ter controle.",
        ),
        K(
            "Vaste voorraad COA",
            "vaste_voorraad",
            "geheel",
            voorbeeld=288,
            uitleg="Aangeleverd door het COA. Leeg als er geen is: het rapport toont dan '–', een "
            "ingevulde 0 als 0; in de berekening telt leeg als 0.",
        ),
        K(
            "Oekraïne inspanningsverplichting",
            "oekraine",
            "geheel",
            verplicht=True,
            voorbeeld=557,
            uitleg="Plekken op de peildatum Oekraïne.",
        ),
        K(
            "Statushouders taakstelling",
            "statushouders_taakstelling",
            "geheel",
            verplicht=True,
            voorbeeld=70,
            uitleg="Taakstelling voor het halfjaar.",
        ),
        K(
            "Statushouders incl. voor/achter",
            "statushouders_incl",
            "geheel",
            verplicht=True,
            voorbeeld=153,
            uitleg="Taakstelling inclusief achterstand of voorsprong.",
        ),
        K(
            "Uitsluiting historisch",
            "uitsluiting_historisch",
            "janee",
            JANEE,
            voorbeeld="nee",
            uitleg="Voor `regioplan verdeel`: ja als de gemeente de afgelopen tien jaar gemiddeld meer asielopvang "  # noqa: E501
            "bood dan haar indicatieve opgave (de werkboeken kunnen dat niet berekenen). Toelichting "
            "verplicht.",
        ),
        K(
            "Uitsluiting Oekraïne",
            "uitsluiting_oekraine",
            "janee",
            JANEE,
            voorbeeld="nee",
            uitleg="Voor `regioplan verdeel`: ja als de bijdrage aan de opvang van Oekraïners (1-1-2023 tot "
            "1-9-2024) meer was dan 200 % van een evenredig deel. Toelichting verplicht.",
        ),
        K(
            "Toelichting uitsluiting",
            "uitsluiting_toelichting",
            "tekst",
            breedte=40,
            voorbeeld="",
            uitleg="Bron en reden van de uitsluiting (komt in de verdeling en de uitleg).",
        ),
    ),
    "De opgaven per gemeente, top-down vastgesteld.",
    "opgaven",
)

#: The sheets of a gemeente workbook, in workbook order.
UITVRAAG_BLADEN: tuple[Blad, ...] = (
    GEMEENTE,
    ASIEL,
    VOORNEMENS,
    OEKRAINE,
    AANTALLEN,
    HUISVESTING,
    DSL_KSO,
    UITRUIL,
)
TOELICHTING_BLAD = "Toelichting"
