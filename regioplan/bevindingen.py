"""Findings: what ``valideer`` reports, as data.

Each check has a stable code, a severity (``fout`` or ``waarschuwing``), a Dutch message template and
a hint. Readers and checks *collect* findings; nothing is raised. The catalogue below is the single
source for the messages, the JSON schema and the generated ``docs/controles.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from .opmaak import getal

FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class Controle:
    """One entry of the catalogue."""

    code: str
    ernst: str
    groep: str
    bericht: str  #: message template, ``{name}`` placeholders
    hint: str  #: how to fix it, same placeholders
    voorbeeld: dict[str, object] = field(default_factory=dict)  #: parameters for the docs example


def _c(code: str, ernst: str, groep: str, bericht: str, hint: str, /, **voorbeeld: object) -> Controle:
    return Controle(code, ernst, groep, bericht, hint, voorbeeld)


CATALOGUS: dict[str, Controle] = {
    c.code: c
    for c in [
        # --- bestand ---
        _c(
            "bestand-geen-xlsx",
            FOUT,
            "bestand",
            "Dit is geen Excel-werkboek (.xlsx) maar {soort}.",
            "Open het bestand in Excel of LibreOffice en sla het op als 'Excel-werkmap (.xlsx)'.",
            soort="een .xls-bestand (Excel 97-2003)",
        ),
        _c(
            "bestand-corrupt",
            FOUT,
            "bestand",
            "Het werkboek is beschadigd of onvolledig en kan niet worden gelezen ({detail}).",
            "Stuur het bestand opnieuw; open het eerst zelf in Excel om te zien of het opent.",
            detail="zip-archief afgebroken",
        ),
        _c(
            "bestand-beveiligd",
            FOUT,
            "bestand",
            "Het werkboek is met een wachtwoord beveiligd.",
            "Haal de wachtwoordbeveiliging eraf (Bestand > Info > Werkmap beveiligen) en stuur het opnieuw.",
        ),
        _c(
            "bestand-leeg",
            FOUT,
            "bestand",
            "Het bestand is leeg (0 bytes).",
            "Sla het werkboek opnieuw op en stuur het opnieuw.",
        ),
        _c(
            "bestand-te-groot",
            FOUT,
            "bestand",
            "Het werkboek is te groot om veilig te lezen ({detail}).",
            "Een uitvraag is klein (enkele tientallen kB). Verwijder afbeeldingen en extra bladen, of begin "
            "opnieuw met `regioplan sjabloon`.",
            detail="uitgepakt 350 MB, maximaal 50 MB",
        ),
        _c(
            "bestand-macro",
            WAARSCHUWING,
            "bestand",
            "Het werkboek bevat macro's (.xlsm); die worden niet uitgevoerd, alleen de gegevens worden "
            "gelezen.",
            "Sla het werkboek op als .xlsx zonder macro's.",
        ),
        _c(
            "bestand-onleesbaar",
            FOUT,
            "bestand",
            "Het bestand kan niet worden gelezen: {reden}.",
            "Zet een gewoon, leesbaar werkboek in de map (controleer de rechten), of haal dit item uit "
            "de map.",
            reden="het is geen gewoon bestand maar een map",
        ),
        _c(
            "bestand-link-buiten-map",
            FOUT,
            "bestand",
            "Dit is een symbolische link naar '{doel}', buiten de map met werkboeken; die wordt niet "
            "gelezen.",
            "Zet het werkboek zelf in de map in plaats van een link ernaar.",
            doel="/home/gedeeld/almelo.xlsx",
        ),
        _c(
            "bestand-vergrendeld",
            WAARSCHUWING,
            "bestand",
            "Tijdelijk vergrendelbestand '{naam}' overgeslagen.",
            "Dit bestand maakt Excel of LibreOffice zolang een werkboek open is. Sluit het werkboek en "
            "verwijder het uit de map.",
            naam="~$almelo.xlsx",
        ),
        _c(
            "bestand-hulpbestand",
            WAARSCHUWING,
            "bestand",
            "Hulpbestand '{naam}' van {bron} overgeslagen.",
            "Dit is geen aanlevering maar een bestand dat het besturingssysteem zelf maakt; het mag "
            "uit de map.",
            naam="._almelo.xlsx",
            bron="macOS (bij kopiëren naar een USB-stick of netwerkschijf)",
        ),
        _c(
            "bestand-formaatversie",
            FOUT,
            "bestand",
            "Het werkboek heeft uitvraagformaat '{gevonden}', verwacht is versie {verwacht}.",
            "Vraag de coördinator om het huidige sjabloon (`regioplan sjabloon --gemeente <naam>`) en neem "
            "de gegevens daarin over.",
            gevonden="(geen)",
            verwacht="1",
        ),
        _c(
            "bestand-sjabloon-onbekend",
            FOUT,
            "bestand",
            "Dit werkboek is geen uitvraag en geen opgaven-werkboek: de bladen van het sjabloon ontbreken "
            "(gevonden: {bladen}).",
            "Gebruik het sjabloon (`regioplan sjabloon --gemeente <naam>`). Hoort het bestand niet bij de "
            "aanlevering, haal het dan uit de map.",
            bladen="'Blad1', 'Blad2'",
        ),
        # --- structuur ---
        _c(
            "blad-ontbreekt",
            FOUT,
            "structuur",
            "Het blad '{blad}' ontbreekt.{voorstel_tekst}",
            "Gebruik het sjabloon: daarin staan alle bladen. Een hernoemd blad krijgt zijn oude naam terug.",
            blad="Uitruil",
            voorstel="Uitruil 2024",
            voorstel_tekst=" Het blad 'Uitruil 2024' lijkt bedoeld en is als 'Uitruil' gelezen.",
        ),
        _c(
            "blad-dubbel",
            FOUT,
            "structuur",
            "De bladen '{andere}' en '{blad}' lijken allebei het blad '{schema}'; '{andere}' is "
            "gelezen, '{blad}' niet.",
            "Houd één blad '{schema}' over: verwijder het andere of geef het een naam die er niet op "
            "lijkt. Kijk ook naar verborgen bladen (rechtsklik op een bladtab > Zichtbaar maken).",
            blad="Oekraine",
            andere="Oekraïne",
            schema="Oekraïne",
        ),
        _c(
            "blad-verborgen",
            WAARSCHUWING,
            "structuur",
            "Het blad '{blad}' is verborgen {wat}.",
            "Maak het blad zichtbaar (rechtsklik op een bladtab > Zichtbaar maken) en kijk of het "
            "erbij hoort; is het van een vorige ronde, verwijder het dan.",
            blad="Asiel",
            wat="en is niet gelezen; het zichtbare blad 'Asiel 2024' is als 'Asiel' gelezen",
        ),
        _c(
            "blad-onbekend",
            WAARSCHUWING,
            "structuur",
            "Het blad '{blad}' hoort niet bij de uitvraag en wordt niet gelezen.",
            "Zet gegevens op de bladen van het sjabloon; verwijder of hernoem dit blad.",
            blad="Blad1",
        ),
        _c(
            "blad-buiten-grenzen",
            FOUT,
            "structuur",
            "Het blad '{blad}' heeft {aantal} gevulde cel(len) buiten het gebied dat gelezen wordt (de "
            "eerste {rijen} rijen en {kolommen} kolommen); die zijn niet gelezen.",
            "Staat daar per ongeluk iets (Ctrl+End springt naar de laatste cel)? Verwijder die rijen "
            "of kolommen en sla op. Zoveel rijen horen niet in één werkboek.",
            blad="Asiel",
            aantal=1,
            rijen="10.000",
            kolommen=100,
        ),
        _c(
            "kolom-ontbreekt",
            FOUT,
            "structuur",
            "De kolom '{kolom}' ontbreekt.{voorstel_tekst}",
            "Zet de kolomkoppen terug zoals in het sjabloon; de kolomvolgorde mag anders zijn.",
            kolom="Capaciteit",
            voorstel="Capacitiet",
            voorstel_tekst=" De kolom 'Capacitiet' lijkt bedoeld en is als 'Capaciteit' gelezen.",
        ),
        _c(
            "kop-toevoeging",
            WAARSCHUWING,
            "structuur",
            "De kolomkop '{kop}' is gelezen als '{kolom}'; '{toevoeging}' is genegeerd.",
            "Zet een uitleg niet in de kolomkop maar in de kolom Opmerking of Toelichting; laat de kop "
            "'{kolom}' staan zoals in het sjabloon.",
            kop="Capaciteit (aantal plekken)",
            kolom="Capaciteit",
            toevoeging="(aantal plekken)",
        ),
        _c(
            "kolom-onbekend",
            WAARSCHUWING,
            "structuur",
            "De kolom '{kolom}' is onbekend en wordt niet gelezen.",
            "Zet toelichtingen in de kolom 'Opmerking' of verwijder de kolom.",
            kolom="Notities",
        ),
        _c(
            "kolom-dubbel",
            FOUT,
            "structuur",
            "'{kolom}' staat twee keer op het blad (ook in {andere}); alleen de eerste is gelezen.",
            "Houd één kolom (of veldregel) met deze naam over en zet de gegevens daarin.",
            kolom="Capaciteit",
            andere="B1",
        ),
        _c(
            "kolom-zonder-kop",
            WAARSCHUWING,
            "structuur",
            "Kolom {kolom} heeft geen kop maar bevat gegevens (eerst '{waarde}' in {eerste}); die worden "
            "niet gelezen.",
            "Zet toelichtingen in de kolom 'Opmerking', of verwijder de inhoud van deze kolom.",
            kolom="O",
            waarde="bellen",
            eerste="O3",
        ),
        _c(
            "kop-verschoven",
            FOUT,
            "structuur",
            "De kolomkoppen staan op rij {gevonden}, verwacht op rij {verwacht}.",
            "Verwijder de extra rijen boven de kolomkoppen.",
            gevonden=3,
            verwacht=1,
        ),
        _c(
            "kop-niet-gevonden",
            FOUT,
            "structuur",
            "Op het blad '{blad}' staan geen herkenbare kolomkoppen in de eerste {rijen} rijen; de {aantal} "
            "gevulde rijen zijn niet gelezen.",
            "Zet de kolomkoppen van het sjabloon in rij 1 en de gegevens eronder.",
            blad="Oekraïne",
            rijen=10,
            aantal=4,
        ),
        _c(
            "kop-samengevoegd",
            FOUT,
            "structuur",
            "Kopcellen {bereik} zijn samengevoegd.",
            "Hef de samenvoeging op (Start > Samenvoegen en centreren) zodat elke kolom een eigen kop heeft.",
            bereik="A1:B1",
        ),
        _c(
            "cel-samengevoegd",
            WAARSCHUWING,
            "structuur",
            "De cellen {bereik} zijn samengevoegd; de waarde '{waarde}' is in elke cel ervan gelezen.",
            "Maak de samenvoeging ongedaan (Start > Samenvoegen en centreren) en vul elke rij zelf in; "
            "een samengevoegd getal telt nu in elke rij mee.",
            bereik="J5:J6",
            waarde="Tijdelijk, loopt af in 2025",
        ),
        _c(
            "gegevens-na-lege-rijen",
            WAARSCHUWING,
            "structuur",
            "Na {aantal} lege rijen staan nog gegevens (vanaf rij {rij}); die zijn wel gelezen.",
            "Haal de lege rijen weg, of verwijder de rijen eronder als ze niet bij de uitvraag horen.",
            aantal=3,
            rij=12,
        ),
        _c(
            "rij-totaal",
            WAARSCHUWING,
            "structuur",
            "Rij {rij} is een totaalregel ('{waarde}') en is niet gelezen.",
            "regioplan telt zelf op: verwijder de totaalregel, zodat niemand hem voor een gewone rij "
            "aanziet.",
            rij=5,
            waarde="Totaal",
        ),
        _c(
            "rij-notitie",
            WAARSCHUWING,
            "structuur",
            "Rij {rij} is een notitie ('{waarde}') en is niet gelezen.",
            "Zet een opmerking in de kolom Opmerking of Toelichting van de rij waar ze over gaat, of op het "
            "blad Gemeente bij Duiding.",
            rij=6,
            waarde="NB: onder voorbehoud van het raadsbesluit",
        ),
        # --- waarden ---
        _c(
            "veld-verplicht",
            FOUT,
            "waarden",
            "'{kolom}' is verplicht maar leeg.",
            "Vul een waarde in. Hoort de rij er niet, verwijder dan de hele rij (behalve in opgaven.xlsx: "
            "daar heeft elke gemeente een rij).",
            kolom="Locatie",
        ),
        _c(
            "getal-tekst",
            FOUT,
            "waarden",
            "'{waarde}' is geen getal.",
            "Vul een geheel getal in (zonder tekst of eenheden); een toelichting hoort in 'Opmerking'.",
            waarde="ca. 50",
        ),
        _c(
            "getal-als-datum",
            FOUT,
            "waarden",
            "Excel heeft wat hier getypt is als datum opgeslagen (de cel toont '{getoond}'); bedoeld "
            "was waarschijnlijk '{voorstel}'.",
            "Zet de cel op Tekst (Start > Getal > Tekst) en typ '{voorstel}' opnieuw. In het sjabloon "
            "van `regioplan sjabloon` staan de kolommen al goed. Een capaciteit is als het bereik {voorstel} gelezen.",  # noqa: E501
            getoond="5-nov",
            voorstel="5-11",
        ),
        _c(
            "getal-procent",
            FOUT,
            "waarden",
            "De cel staat op percentage en toont {getoond}; {gelezen}",
            "Zet de cel op Getal (Start > Getal > Standaard) en typ het aantal opnieuw; in het sjabloon van "
            "`regioplan sjabloon` staan de kolommen al goed.",
            getoond="40%",
            gelezen="gelezen als 40, maar een aantal is geen percentage.",
        ),
        _c(
            "waarde-onzichtbaar-teken",
            WAARSCHUWING,
            "waarden",
            "In de waarde stond een onzichtbaar of vreemd teken ({tekens}); gelezen als '{waarde}'.",
            "Zulke tekens komen mee bij kopiëren uit e-mail, PDF of Word. Typ de waarde opnieuw, of "
            "plak als tekst zonder opmaak (Ctrl+Shift+V).",
            tekens="harde spatie",
            waarde="1 211",
        ),
        _c(
            "tekst-te-lang",
            FOUT,
            "waarden",
            "De tekst is {lengte} tekens of langer, het maximum van een Excel-cel; wat daarna komt is "
            "niet gelezen.",
            "Zet lange toelichtingen in een apart document en verwijs ernaar.",
            lengte="32.767",
        ),
        _c(
            "getal-decimaal",
            FOUT,
            "waarden",
            "'{waarde}' is geen geheel getal.",
            "Plekken en personen zijn hele getallen.",
            waarde="12,5",
        ),
        _c(
            "getal-negatief",
            FOUT,
            "waarden",
            "'{waarde}' is negatief.",
            "Capaciteiten en aantallen zijn 0 of meer.",
            waarde=-5,
        ),
        _c(
            "getal-als-tekst",
            WAARSCHUWING,
            "waarden",
            "'{waarde}' is als tekst getypt; gelezen als {voorstel}.",
            "Typ het getal zonder punten, komma's, spaties of plusteken ({voorstel}) zodat Excel het als "
            "getal opslaat.",
            waarde="1.250",
            voorstel="1250",
        ),
        _c(
            "getal-dubbelzinnig",
            FOUT,
            "waarden",
            "'{waarde}' kan twee getallen zijn: {voorstel} (komma als Engels duizendteken) of een getal met "
            "decimalen (komma als Nederlands decimaalteken); niet gelezen.",
            "Typ het hele getal zonder komma of punt ({voorstel} als dat bedoeld is).",
            waarde="1,250",
            voorstel="1250",
        ),
        _c(
            "getal-te-groot",
            FOUT,
            "waarden",
            "'{waarde}' is groter dan {maximum}; dat kan geen aantal plekken of personen van één "
            "gemeente zijn en is niet gelezen.",
            "Controleer het getal (een tikfout, een geplakte code of een formule die verkeerd rekent?).",
            waarde="1000000000000",
            maximum="1.000.000",
        ),
        _c(
            "capaciteit-bereik-ongeldig",
            FOUT,
            "waarden",
            "'{waarde}' is geen geldige capaciteit.",
            "Vul een getal in, een bereik als '550-580', of 'onbekend'.",
            waarde="550-",
        ),
        _c(
            "capaciteit-bereik-omgekeerd",
            FOUT,
            "waarden",
            "Het bereik '{waarde}' loopt van hoog naar laag.",
            "Schrijf het laagste getal eerst: '{voorstel}'.",
            waarde="580-550",
            voorstel="550-580",
        ),
        _c(
            "capaciteit-verouderd",
            WAARSCHUWING,
            "waarden",
            "Capaciteit '{waarde}' is gelezen als 'onbekend'.",
            "Schrijf 'onbekend' als het aantal nog niet vaststaat.",
            waarde="n.n.t.b.",
        ),
        _c(
            "keuze-onbekend",
            FOUT,
            "waarden",
            "'{waarde}' is geen toegestane waarde.{voorstel_tekst}",
            "Kies uit de lijst: {toegestaan}.",
            waarde="Regulir",
            voorstel="regulier",
            voorstel_tekst=" Bedoelde je 'regulier'?",
            toegestaan="regulier, noodopvang, TGO",
        ),
        _c(
            "datum-ongeldig",
            FOUT,
            "waarden",
            "'{waarde}' is geen datum.",
            "Vul een datum in (dd-mm-jjjj), 'onbepaald' (loopt langer dan elke termijn) of 'onbekend'.",
            waarde="31-02-2025",
        ),
        _c(
            "datum-onwaarschijnlijk",
            FOUT,
            "waarden",
            "Het jaar {jaar} in '{waarde}' is onwaarschijnlijk (tikfout?).",
            "Controleer het jaartal.",
            waarde="05-04-2202",
            jaar=2202,
        ),
        _c(
            "datum-verouderd",
            WAARSCHUWING,
            "waarden",
            "'{waarde}' is gelezen als {voorstel}.",
            "Vul de datum expliciet in: {voorstel}.",
            waarde="apr-22",
            voorstel="01-04-2022",
        ),
        _c(
            "datum-periode",
            FOUT,
            "waarden",
            "'{waarde}' is een periode, geen datum; gelezen als 'onbekend'.",
            "Vul de dag in die vaststaat, bijvoorbeeld {voorstel} (het begin van de periode), of 'onbekend'; "
            "de periode kan in de toelichting of opmerking.",
            waarde="Q3 2025",
            voorstel="01-07-2025",
        ),
        _c(
            "datum-nntb",
            WAARSCHUWING,
            "waarden",
            "'{waarde}' is dubbelzinnig en gelezen als 'onbekend'.",
            "Schrijf 'onbepaald' als de locatie langer loopt dan de gevraagde termijn, of 'onbekend' als de "
            "datum nog niet bekend is.",
            waarde="n.n.t.b.",
        ),
        _c(
            "datum-volgorde",
            FOUT,
            "waarden",
            "De einddatum {eind} ligt voor de startdatum {start}.",
            "Controleer beide datums.",
            eind="01-01-2024",
            start="01-06-2024",
        ),
        _c(
            "formule-zonder-waarde",
            FOUT,
            "waarden",
            "De cel bevat een formule zonder berekende waarde.",
            "Open het werkboek in Excel, laat het herberekenen en sla het op; of vervang de formule door de "
            "waarde.",
        ),
        _c(
            "cel-foutwaarde",
            FOUT,
            "waarden",
            "De cel bevat de foutwaarde {waarde} en is als leeg gelezen.",
            "Herstel de formule die de fout geeft, of vul de waarde zelf in.",
            waarde="#DEEL/0!",
        ),
        _c(
            "telt-mee-zonder-toelichting",
            FOUT,
            "waarden",
            "'Telt mee' is '{waarde}' maar de toelichting ontbreekt.",
            "Leg in 'Toelichting telt mee' uit waarom de locatie afwijkt van de regel.",
            waarde="ja",
        ),
        _c(
            "telt-mee-tegen-regel",
            WAARSCHUWING,
            "waarden",
            "'{locatie}' telt mee = {waarde}, maar volgens de regel {regel}.",
            "Controleer of deze afwijking bewust is; de toelichting komt in het rapport.",
            locatie="Havezatenlaan",
            waarde="ja",
            regel="telt de locatie niet mee (eindigt vóór 01-02-2026)",
        ),
        _c(
            "kansrijk-telt-al",
            WAARSCHUWING,
            "waarden",
            "'{locatie}' is als kansrijk gemarkeerd, maar telt al mee voor de cyclus.",
            "Kansrijk is alleen voor plannen die (nog) niet meetellen; maak de kolom Kansrijk leeg. "
            "regioplan verdeel telt de plekken één keer.",
            locatie="Vlierdijk",
        ),
        _c(
            "uitsluiting-zonder-toelichting",
            WAARSCHUWING,
            "waarden",
            "{naam} is uitgesloten van de verdeling van de restopgave ({reden}), maar de toelichting "
            "ontbreekt.",
            "Noem in 'Toelichting uitsluiting' de bron (bijvoorbeeld het ministerie of het COA) en de reden.",
            naam="Borne",
            reden="Oekraïne",
        ),
        # --- identiteit ---
        _c(
            "gemeente-onbekend",
            FOUT,
            "identiteit",
            "'{waarde}' is geen bekende gemeente.{voorstel_tekst}",
            "Gebruik de officiële naam en CBS-code, zoals in het sjabloon{voorbeeld}.",
            waarde="Wijchem",
            voorstel="Wijchen",
            grond=" (GM0296, volgens de CBS-code)",
            voorstel_tekst=" Bedoelde je 'Wijchen' (GM0296, volgens de CBS-code)?",
            voorbeeld=" (Wijchen, GM0296)",
        ),
        _c(
            "cbs-code-naam",
            FOUT,
            "identiteit",
            "CBS-code {code} hoort bij {code_naam}, niet bij '{naam}'.",
            "Vul de CBS-code van je eigen gemeente in.",
            code="GM0147",
            code_naam="Borne",
            naam="Almelo",
        ),
        _c(
            "cbs-code-nullen",
            WAARSCHUWING,
            "identiteit",
            "CBS-code '{waarde}' mist voorloopnullen; gelezen als {code}.",
            "Typ de code als tekst: {code}.",
            waarde="141",
            code="GM0141",
        ),
        _c(
            "gemeente-buiten-indeling",
            FOUT,
            "identiteit",
            "{naam} ({code}) hoort niet bij {indeling}.",
            "Staat deze gemeente per ongeluk in deze map of in opgaven.xlsx, haal haar er dan uit; hoort "
            "ze er wel bij, pas dan de regio-indeling in regioplan.toml aan.",
            naam="Zwolle",
            code="GM0193",
            indeling="regio Twente",
        ),
        _c(
            "bestandsnaam-andere-gemeente",
            WAARSCHUWING,
            "identiteit",
            "De bestandsnaam {bestandsnaam} noemt {naam_bestand}, maar het werkboek is van {naam} ({code}).",
            "Geef het bestand de naam van de gemeente waarvan het is; ontbreekt het werkboek van "
            "{naam_bestand}, "
            "vraag het dan op.",
            bestandsnaam="zutphen.xlsx",
            naam_bestand="Zutphen",
            naam="Lochem",
            code="GM0262",
        ),
        _c(
            "gemeente-dubbel",
            FOUT,
            "identiteit",
            "Er zijn meerdere werkboeken voor {naam}: {bestanden}. Alleen {gebruikt} is gebruikt.",
            "Houd één werkboek per gemeente over.",
            naam="Almelo",
            bestanden="almelo.xlsx, almelo-v2.xlsx",
            gebruikt="almelo.xlsx",
        ),
        _c(
            "gemeente-zonder-uitvraag",
            WAARSCHUWING,
            "identiteit",
            "{naam} heeft een opgave maar er is geen uitvraag-werkboek.",
            "Vraag de gemeente om het ingevulde sjabloon; tot die tijd telt de realisatie als 0.",
            naam="Borne",
        ),
        _c(
            "werkboek-leeg-sjabloon",
            WAARSCHUWING,
            "identiteit",
            "Het werkboek van {naam} is nog het lege sjabloon: er is niets ingevuld behalve naam en "
            "CBS-code.",
            "Vraag de gemeente het werkboek in te vullen; tot die tijd heeft {naam} de status 'geen "
            "gegevens'.",
            naam="Borne",
        ),
        _c(
            "werkboek-andere-cyclus",
            WAARSCHUWING,
            "identiteit",
            "Dit werkboek is gemaakt voor {werkboek}; de configuratie rekent met {configuratie}.",
            "Welke plekken meetellen hangt van de cyclus af. Is het werkboek van een vorige cyclus, stuur "
            "{naam} dan het werkboek van deze cyclus (`regioplan sjabloon --gemeente {naam}`) en laat de "
            "gegevens daarin overnemen; klopt het werkboek, controleer dan [cyclus] in regioplan.toml.",
            werkboek="de 1e cyclus Spreidingswet (actief uiterlijk 01-07-2025, in gebruik tot minstens "
            "01-02-2026)",
            configuratie="de 2e cyclus Spreidingswet (actief uiterlijk 01-07-2027, in gebruik tot minstens "
            "01-02-2028)",
            naam="Wijchen",
        ),
        _c(
            "werkboek-andere-peildatum",
            WAARSCHUWING,
            "identiteit",
            "Dit werkboek is gemaakt voor {werkboek}; de configuratie rekent met {configuratie}.",
            "Is het werkboek van een vorige ronde, stuur {naam} dan het werkboek van deze ronde (`regioplan "
            "sjabloon --gemeente {naam}`) en laat de gegevens daarin overnemen; klopt het werkboek, "
            "controleer dan [peildata] in regioplan.toml.",
            werkboek="peildatum statushouders 15-09-2024",
            configuratie="peildatum statushouders 15-03-2026",
            naam="Wijchen",
        ),
        _c(
            "werkboek-andere-indeling",
            WAARSCHUWING,
            "identiteit",
            "Dit werkboek is gemaakt voor {werkboek}; de configuratie zegt {configuratie}.",
            "Stuur {naam} het werkboek van deze configuratie (`regioplan sjabloon --gemeente {naam}`), of "
            "controleer de provincie en de regio's in regioplan.toml.",
            werkboek="regio Twente",
            configuratie="regio IJsselland",
            naam="Almelo",
        ),
        _c(
            "opgaven-ontbreekt",
            FOUT,
            "identiteit",
            "Er is geen opgaven-werkboek (opgaven.xlsx) in de map.",
            "Maak het met `regioplan sjabloon --opgaven` en vul de opgaven per gemeente in.",
        ),
        _c(
            "opgave-ontbreekt",
            FOUT,
            "identiteit",
            "{naam} ({code}) staat niet in het opgaven-werkboek.",
            "Voeg een rij voor deze gemeente toe aan het blad Opgaven.",
            naam="Borne",
            code="GM0147",
        ),
        _c(
            "opgave-dubbel",
            FOUT,
            "identiteit",
            "{naam} staat meer dan eens in het opgaven-werkboek (ook rij {andere_rij}); alleen die eerste "
            "rij is gelezen.",
            "Houd één rij per gemeente over.",
            naam="Borne",
            andere_rij=3,
        ),
        _c(
            "opgave-regio",
            FOUT,
            "identiteit",
            "{naam} staat in het opgaven-werkboek bij regio '{regio}', de configuratie zegt '{verwacht}'.",
            "Corrigeer de regio in het opgaven-werkboek of de indeling in regioplan.toml.",
            naam="Zwolle",
            regio="Twente",
            verwacht="IJsselland",
        ),
        # --- samenhang ---
        _c(
            "opgave-totaal",
            FOUT,
            "samenhang",
            "Regulier {regulier} + amv {amv} = {som}, maar het totaal is {totaal}.",
            "Corrigeer regulier, amv of het totaal.",
            regulier=296,
            amv=27,
            som=323,
            totaal=325,
        ),
        _c(
            "vervangt-onbekend",
            FOUT,
            "samenhang",
            "'Vervangt' noemt '{naam}', maar die locatie staat niet op het blad Asiel.{voorstel_tekst}",
            "Gebruik precies de naam uit de kolom Locatie; scheid meerdere namen met ';'.",
            naam="Havezatelaan",
            voorstel="Havezatenlaan",
            voorstel_tekst=" Bedoelde je 'Havezatenlaan'?",
        ),
        _c(
            "ligt-in-onbekend",
            FOUT,
            "samenhang",
            "'Ligt in gemeente' noemt '{naam}', dat is geen bekende gemeente.{voorstel_tekst}",
            "Gebruik de officiële gemeentenaam, bijvoorbeeld 'Dronten'.",
            naam="Drontten",
            voorstel="Dronten",
            voorstel_tekst=" Bedoelde je 'Dronten'?",
        ),
        _c(
            "uitruil-ontbreekt",
            WAARSCHUWING,
            "samenhang",
            "'{locatie}' ligt in {partner}, maar het blad Uitruil noemt geen afspraak met {partner}.",
            "Leg de uitruilafspraak vast op het blad Uitruil (partner, plekken, periode).",
            locatie="Uitruil Dronten",
            partner="Dronten",
        ),
        _c(
            "locatie-dubbel",
            FOUT,
            "samenhang",
            "'{locatie}' staat twee keer op dit blad met dezelfde gegevens (ook rij {andere_rij}).",
            "Verwijder de dubbele rij.",
            locatie="Schalkhaar",
            andere_rij=3,
        ),
        _c(
            "locatie-dubbel-gemeenten",
            FOUT,
            "samenhang",
            "'{locatie}' staat ook bij {andere}; de plekken tellen één keer, bij {houder}.",
            "Alleen de gemeente waar de locatie ligt neemt haar op; de ander legt de uitruil vast op "
            "het blad "
            "Uitruil (of met 'Ligt in gemeente'). Zie 'Uitruil' in docs/uitvraag.md.",
            locatie="AZC Albergen",
            andere="Almelo",
            houder="Almelo",
        ),
        _c(
            "uitruil-eenzijdig",
            FOUT,
            "samenhang",
            "Deze uitruil van {plekken} plekken {opgave} ({leverancier} levert aan {ontvanger}) staat "
            "niet in het "
            "werkboek van {partner}; hij verschuift daarom geen plekken.",
            "Laat {partner} de uitruil ook vastleggen op het blad Uitruil, of haal hem hier weg.",
            plekken=20,
            opgave="asiel",
            leverancier="Almelo",
            ontvanger="Borne",
            partner="Almelo",
        ),
        _c(
            "uitruil-ontbreekt-bij-partner",
            FOUT,
            "samenhang",
            "{partner} legt een uitruil van {plekken} plekken {opgave} vast ({leverancier} levert aan "
            "{ontvanger}), "
            "maar dit werkboek noemt hem niet; hij verschuift daarom geen plekken.",
            "Zet de uitruil op het blad Uitruil (partner {partner}, richting {richting}), of laat "
            "{partner} hem "
            "weghalen.",
            plekken=20,
            opgave="asiel",
            leverancier="Almelo",
            ontvanger="Borne",
            partner="Borne",
            richting="levert",
        ),
        _c(
            "uitruil-partner-onbekend",
            FOUT,
            "samenhang",
            "De partnergemeente '{naam}' is geen bekende gemeente; deze uitruil van {plekken} plekken "
            "{opgave} verschuift daarom geen plekken.{voorstel_tekst}",
            "Gebruik de officiële gemeentenaam of de CBS-code (bijvoorbeeld GM0296). Een gemeente in "
            "een andere provincie mag, als zij bestaat.",
            naam="Wijchn",
            plekken=100,
            opgave="asiel",
            voorstel="Wijchen",
            voorstel_tekst=" Bedoelde je 'Wijchen'?",
        ),
        _c(
            "uitruil-partner-zelf",
            FOUT,
            "samenhang",
            "De partnergemeente '{naam}' is {zelf} zelf; deze uitruil van {plekken} plekken {opgave} "
            "verschuift daarom geen plekken.",
            "Vul bij Partnergemeente de andere gemeente van de afspraak in.",
            naam="Almelo",
            zelf="Almelo",
            plekken=20,
            opgave="asiel",
        ),
        _c(
            "uitruil-tegenstrijdig",
            FOUT,
            "samenhang",
            "De uitruil {leverancier} – {ontvanger} ({opgave}) staat bij beide gemeenten, maar anders: "
            "{verschil}. "
            "Hij verschuift daarom geen plekken.",
            "Spreek af wat klopt en leg het bij beide gemeenten gelijk vast.",
            leverancier="Almelo",
            ontvanger="Borne",
            opgave="asiel",
            verschil="plekken 20 bij Almelo, 25 bij Borne",
        ),
        _c(
            "uitruil-groter-dan-locatie",
            FOUT,
            "samenhang",
            "{leverancier} levert {plekken} plekken {opgave} aan {ontvanger}, maar noemt zelf maar "
            "{beschikbaar} "
            "plekken {opgave}; de uitruil verschuift daarom geen plekken.",
            "De gemeente waar de plekken liggen zet de locatie met de volledige capaciteit op haar blad; "
            "controleer het aantal plekken van de uitruil.",
            leverancier="Almelo",
            plekken=500,
            opgave="asiel",
            ontvanger="Borne",
            beschikbaar=200,
        ),
        _c(
            "kso-som",
            FOUT,
            "samenhang",
            "KWG {kwg} + KWE {kwe} = {som}, maar KSO-plekken totaal is {kso}.",
            "Het totaal KSO is de som van KWG- en KWE-plekken.",
            kwg=4,
            kwe=4,
            som=8,
            kso=12,
        ),
        _c(
            "aantal-onwaarschijnlijk",
            WAARSCHUWING,
            "samenhang",
            "{wat} ({waarde}) is veel hoger dan de opgave ({opgave}).",
            "Controleer het aantal; een tikfout (extra nul) ligt voor de hand.",
            wat="POO",
            waarde=3370,
            opgave=1211,
        ),
    ]
}

_VELD = re.compile(r"\{(\w+)\}")


MAX_WAARDE = 200  #: longest workbook value quoted in a message; a pasted essay would drown the report


def _kort(waarde: object) -> str:
    tekst = str(waarde)
    return tekst if len(tekst) <= MAX_WAARDE else tekst[: MAX_WAARDE - 1] + "…"


def _vul(sjabloon: str, params: dict[str, object]) -> str:
    return _VELD.sub(lambda m: _kort(params.get(m[1], "")), sjabloon)


@dataclass(frozen=True)
class Bevinding:
    """One finding: code, severity, location (file, sheet, cell) and the filled-in message and hint."""

    code: str
    ernst: str
    bericht: str
    hint: str
    bestand: str = ""
    blad: str = ""
    cel: str = ""
    gemeente: str = ""
    aantal: int = 1  #: findings this one stands for (more than 1: a summary, see MAX_PER_CODE)

    def als_dict(self) -> dict[str, str | int]:
        return asdict(self)

    @property
    def plaats(self) -> str:
        """``Blad!B7`` style location (what CI annotations carry in their title)."""
        if self.blad and self.cel:
            return f"{self.blad}!{self.cel}"
        return self.blad or self.cel


def _celsleutel(cel: str) -> tuple[int, int]:
    m = re.match(r"([A-Z]+)(\d+)", cel or "")
    if not m:
        return (0, 0)
    kol = 0
    for ch in m[1]:
        kol = kol * 26 + ord(ch) - 64
    return (int(m[2]), kol)


def sorteersleutel(b: Bevinding) -> tuple[str, str, tuple[int, int], str, str]:
    """The order of every list of findings: file, sheet, cell (B10 after B9), code, message."""
    return (b.bestand, b.blad, _celsleutel(b.cel), b.code, b.bericht)


def per_bestand(bevindingen: Iterable[Bevinding]) -> dict[str, list[Bevinding]]:
    """The findings grouped by file: ``{bestand: [bevinding, ...]}``, files in order of their first
    finding, findings in their given order; key ``""`` holds the findings about the folder (no file).
    One grouping for the overview, the terminal, JUnit and ``--negeer``."""
    per: dict[str, list[Bevinding]] = {}
    for b in bevindingen:
        per.setdefault(b.bestand, []).append(b)
    return per


MAX_PER_CODE = 50  #: findings of one code in one file shown one by one; the rest as one summary finding


@dataclass
class _Meer:
    """Findings of one code in one file past :data:`MAX_PER_CODE`: counted, not kept."""

    ernst: str
    gemeente: str
    aantal: int = 0
    bladen: dict[str, list[str]] = field(default_factory=dict)  #: sheet -> [first cell, last cell]


class Bevindingen:
    """A collector: readers and checks add to it, nobody raises.

    A file that repeats one problem in every row (200.000 rows with the same wrong value) would give a
    million findings: unreadable in a terminal, gigabytes of JSON, far over what CI accepts. Per file and
    code the first :data:`MAX_PER_CODE` are kept; the rest are counted per sheet with their first and last
    cell and come out as one summary finding (same code and severity, ``aantal`` > 1)."""

    def __init__(self) -> None:
        self.lijst: list[Bevinding] = []
        self._per_code: dict[tuple[str, str], int] = {}
        self._meer: dict[tuple[str, str], _Meer] = {}

    def voeg_toe(
        self,
        code: str,
        /,
        *,
        bestand: str = "",
        blad: str = "",
        cel: str = "",
        gemeente: str = "",
        **params: object,
    ) -> Bevinding | None:
        """Add a finding; ``code`` is positional only so that a message may have its own ``{code}``.

        The location ``blad`` doubles as the ``{blad}`` of a message unless a param says otherwise.
        Returns ``None`` when the finding was only counted (past :data:`MAX_PER_CODE` for its file)."""
        controle = CATALOGUS[code]
        sleutel = (bestand, code)
        n = self._per_code[sleutel] = self._per_code.get(sleutel, 0) + 1
        if n > MAX_PER_CODE and bestand:
            meer = self._meer.get(sleutel)
            if meer is None:
                meer = self._meer[sleutel] = _Meer(controle.ernst, gemeente)
            meer.aantal += 1
            plek = meer.bladen.setdefault(blad, [cel, cel])
            plek[1] = cel
            return None
        params = {"blad": blad, "bestand": bestand, **params}
        if code in VOORSTEL_TEKST:
            params.setdefault(
                "voorstel_tekst", _vul(VOORSTEL_TEKST[code], params) if params.get("voorstel") else ""
            )
        b = Bevinding(
            code,
            controle.ernst,
            _vul(controle.bericht, params),
            _vul(controle.hint, params),
            bestand,
            blad,
            cel,
            gemeente,
        )
        self.lijst.append(b)
        return b

    def samenvattingen(self) -> list[Bevinding]:
        """One finding per file and code for what was counted past :data:`MAX_PER_CODE`."""
        uit = []
        for (bestand, code), meer in self._meer.items():
            bladen = sorted(meer.bladen)
            blad = bladen[0] if len(bladen) == 1 else ""
            delen = []
            for b in bladen:
                a, z = meer.bladen[b]
                cellen = a if a == z else f"{a} t/m {z}"
                delen.append(", ".join(x for x in (f"blad '{b}'" if b else "", cellen) if x))
            waar = "; ".join(d for d in delen if d)
            uit.append(
                Bevinding(
                    code,
                    meer.ernst,
                    f"En nog {getal(meer.aantal)} keer '{code}'" + (f" ({waar})" if waar else "") + ".",
                    f"Niet elk afzonderlijk getoond (meer dan {MAX_PER_CODE} in één bestand). "
                    "Los de getoonde gevallen op; vaak heeft de rest dezelfde oorzaak.",
                    bestand,
                    blad,
                    meer.bladen[blad][0] if blad else "",
                    meer.gemeente,
                    meer.aantal,
                )
            )
        return uit

    def alle(self) -> list[Bevinding]:
        return self.lijst + self.samenvattingen() if self._meer else self.lijst

    def gesorteerd(self) -> list[Bevinding]:
        return sorted(self.alle(), key=sorteersleutel)

    @property
    def fouten(self) -> int:
        return sum(b.aantal for b in self.alle() if b.ernst == FOUT)

    @property
    def waarschuwingen(self) -> int:
        return sum(b.aantal for b in self.alle() if b.ernst == WAARSCHUWING)


#: How a suggestion (param ``voorstel``) is worded inside a message, per code; empty without a suggestion.
VOORSTEL_TEKST = {
    "kolom-ontbreekt": " De kolom '{voorstel}' lijkt bedoeld en is als '{kolom}' gelezen.",
    "blad-ontbreekt": " Het blad '{voorstel}' lijkt bedoeld en is als '{blad}' gelezen.",
    "keuze-onbekend": " Bedoelde je '{voorstel}'?",
    "gemeente-onbekend": " Bedoelde je '{voorstel}'{grond}?",
    "vervangt-onbekend": " Bedoelde je '{voorstel}'?",
    "ligt-in-onbekend": " Bedoelde je '{voorstel}'?",
    "uitruil-partner-onbekend": " Bedoelde je '{voorstel}'?",
}


def celnaam(kolom: int, rij: int) -> str:
    """1-based column and row to A1 notation."""
    letters = ""
    while kolom:
        kolom, rest = divmod(kolom - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{rij}"
