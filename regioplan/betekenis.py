"""What the figures mean where the sheets alone do not say it: uitruil, gemeenten without data, the timeline.

This text is part of the generated ``docs/uitvraag.md`` (``make docs``); the rules themselves live in
:mod:`regioplan.uitruil`, :mod:`regioplan.regels` and :mod:`regioplan.peildata`, and their tests
(``tests/test_uitruil.py``, ``tests/test_peildata.py``, ``tests/test_tijdlijn_cli.py``) hold every
example below.
"""

from __future__ import annotations

BETEKENIS = """\
# Wat de cijfers betekenen

## Uitruil: elke plek telt één keer

Een uitruil is een afspraak tussen twee gemeenten voor één opgave (asiel of Oekraïne): een aantal plekken
dat ligt in de ene gemeente (de *leverancier*) telt in een periode voor de andere (de *ontvanger*), met de
status `afgesproken` of `voornemen`.

**Zo leg je een uitruil vast.**

- De gemeente waar de locatie **ligt**, zet de locatie op haar blad Asiel (of Oekraïne) met de **volledige**
  capaciteit, ook de plekken die voor een ander tellen.
- Beide gemeenten zetten de afspraak op hun blad Uitruil: de leverancier met Richting `levert`, de ontvanger
  met Richting `ontvangt`; partner, opgave, plekken, start- en einddatum en status gelijk.
- Gelijkwaardig voor de ontvanger (alleen asiel): een rij op het blad Asiel voor de ontvangen plekken met
  *Ligt in gemeente* = de leverancier, de capaciteit = het aantal plekken en de start- en einddatum van de
  afspraak; met of zonder de rij op het blad Uitruil (met beide: hetzelfde aantal plekken).
- Ligt de locatie **buiten de provincie** (Kampen telt 200 plekken in Dronten), of leverde de leverancier
  geen werkboek, dan zet de ontvanger de plekken op het blad Asiel met *Ligt in gemeente*; zij tellen dan
  voor de ontvanger. Zet de afspraak ook op het blad Uitruil (anders de waarschuwing `uitruil-ontbreekt`).

**Zo telt regioplan.**

- Een afgesproken uitruil waarvan beide kanten overeenkomen, verplaatst de plekken: de ontvanger krijgt
  +plekken, de leverancier −plekken, met dezelfde datums en hetzelfde besluit. Elke regel (de cyclusregel,
  voornemens, in gebruik, de tijdlijn, Oekraïne open op de peildatum) weegt beide kanten gelijk, dus in elk
  totaal van regio en provincie telt elke plek één keer. Voorbeeld: A heeft een azc van 500 plekken en levert
  er 20 aan B: A telt 480, B 20, samen 500.
- Een regio- of provinciecijfer is de som van zijn gemeenten: de plekken die er liggen, min wat voor een
  gemeente buiten de provincie telt, plus wat buiten de provincie ligt en voor een gemeente erbinnen telt.
  Dat laatste staat apart als *waarvan buiten de provincie*; per gemeente staat *waarvan via uitruil*.
  In het rapport staan beide als regel onder het cijfer waar ze in zitten, alleen als ze niet 0 zijn;
  *waarvan via uitruil* met teken: + ontvangen, − geleverd.
- Een uitruil met status `voornemen` verplaatst niets (Hengelo–Twenterand, 83 plekken in 2026); hij staat in
  het rapport in het hoofdstuk uitruil, niet in de voornemens.
- Geen plekken verplaatst, met een fout bij beide werkboeken:
  - eenzijdig: de partner leverde een werkboek maar noemt de uitruil niet (`uitruil-eenzijdig` bij de ene,
    `uitruil-ontbreekt-bij-partner` bij de andere);
  - tegenstrijdig: de twee kanten noemen een ander aantal plekken, een andere periode of status
    (`uitruil-tegenstrijdig`);
  - groter dan wat de leverancier zelf opgeeft (`uitruil-groter-dan-locatie`).
- Een partner die niet in de configuratie staat is geldig als het een echte gemeente is (een van de 342
  gemeenten van 2024, een gemeente in een andere provincie); het rapport en `bereken --uitleg` noemen de
  uitruil "buiten de provincie". De partner mag als naam of als CBS-code (`GM0296`, `0296`), hoofdletters,
  spaties en accenten tellen niet. Leverde een partner binnen de provincie geen werkboek, dan geldt het
  werkboek van de gemeente die de uitruil wel vastlegt.
- Een partner die geen gemeente is (een tikfout als `Wijchn`), de gemeente zelf of een lege partner:
  de uitruil verschuift niets, met de fout `uitruil-partner-onbekend` (met een voorstel: "Bedoelde je
  'Wijchen'?"), `uitruil-partner-zelf` of `veld-verplicht` bij de cel Partnergemeente. Legt de partner
  dezelfde uitruil wel goed vast, dan krijgt die `uitruil-eenzijdig`; het werkboek met de tikfout krijgt dan
  niet ook `uitruil-ontbreekt-bij-partner` (het noemt de uitruil wel, alleen verkeerd gespeld).
- Dezelfde locatie (naam, doelgroep en capaciteit gelijk, zonder *Ligt in gemeente*) bij twee gemeenten telt
  één keer, bij de gemeente die in de configuratie eerst komt, met de fout `locatie-dubbel-gemeenten` bij
  beide: laat alleen de gemeente waar de locatie ligt haar opnemen en de ander een uitruil vastleggen.

## Gemeenten zonder gegevens

Een gemeente zonder werkboek, of met een werkboek dat nog het lege sjabloon is (niets ingevuld behalve de
vooringevulde naam en CBS-code), heeft de status **geen gegevens** (JSON: `"status": "geen-gegevens"`).
Zij krijgt geen procesfase a, b of c, telt niet mee in zinnen als "de gemeenten garanderen samen", en de
totalen van haar regio en provincie zeggen dat ze onvolledig zijn ("11 van de 14 gemeenten leverden
gegevens aan"). In de tabellen van het rapport staat zij met haar opgave en "geen gegevens" in plaats van
0, een verschil of een tekort; een totaalrij over haar heet "(onvolledig: 11 van 14 gemeenten)". In de
totalen zelf telt zij als 0. Een leeg sjabloon geeft in `regioplan valideer` de waarschuwing
`werkboek-leeg-sjabloon`.

## De tijdlijn: in gebruik op een peildatum

`regioplan bereken --peildata ...` telt per peildatum de capaciteit **in gebruik**: alle asiel- en
GOO-locaties die op die dag in gebruik zijn, ook plekken die niet voor de cyclus meetellen (`Telt mee = nee`,
geen besluit, einddatum `onbekend`). Het is dus niet de realisatie voor de cyclus.

- In gebruik op een peildatum: de startdatum (opening) ligt op of vóór de peildatum, en de einddatum
  (sluiting) ligt niet vóór de peildatum. De einddatum is de **laatste dag in gebruik**.
- Een locatie van 01-02-2024 tot 01-02-2026 is in gebruik op 01-02-2024 en op 01-02-2026, niet op 31-01-2024
  en niet op 02-02-2026.
- Einddatum `onbepaald` of `onbekend`: in gebruik vanaf de start. Startdatum `onbekend`: nooit in gebruik.
- Een capaciteit als bereik telt met de ondergrens, `onbekend` als 0.
- Uitruil: afgesproken plekken tellen in de periode van de afspraak bij de ontvanger, daarbuiten bij de
  leverancier.

`--peildata` neemt datums als `2022-11-15` of `15-11-2022`, maanden als `2022-11` of `11-2022` (de eerste van
de maand), gescheiden door komma's, en reeksen `VAN..TOT`: één peildatum per maand op de dag van VAN, tot en
met TOT. `2025-01..2025-12` geeft de eerste van elke maand; `15-11-2022..01-07-2023` geeft 15-11-2022,
15-12-2022, … 15-06-2023 en 01-07-2023. Een lege waarde, een reeks die achteruit loopt of een dag die niet
bestaat (`2022-11-99`) is een gebruiksfout (exit 2).
"""
