"""GitHub annotations: errors first, the most specific warnings next, repetitive findings folded.

Why: GitHub shows at most 10 annotations per type. A Gelderland coordinator got 44
``gemeente-zonder-uitvraag`` warnings, and the one warning that mattered was not among the ten shown.
"""

from __future__ import annotations

import re

from regioplan.bevindingen import Bevindingen
from regioplan.controles import Validatie
from regioplan.weergave import VOUWGRENS, als_github, als_markdown


def _validatie() -> Validatie:
    b = Bevindingen()
    gemeenten = [f"Gemeente {i}" for i in range(44)]
    for i, naam in enumerate(gemeenten):
        b.voeg_toe(
            "gemeente-zonder-uitvraag", bestand="opgaven.xlsx", blad="Opgaven", cel=f"A{i + 2}", naam=naam
        )
    b.voeg_toe(
        "bestandsnaam-andere-gemeente",
        bestand="zutphen.xlsx",
        blad="Gemeente",
        cel="B2",
        bestandsnaam="zutphen.xlsx",
        naam_bestand="Zutphen",
        naam="Lochem",
        code="GM0262",
    )
    for rij in (2, 3):
        b.voeg_toe("getal-tekst", bestand="arnhem.xlsx", blad="Asiel", cel=f"B{rij}", waarde="ca. 50")
    return Validatie(b.gesorteerd(), ["opgaven.xlsx", "zutphen.xlsx", "arnhem.xlsx"])


def test_fouten_eerst_dan_de_specifieke_waarschuwing_en_herhaling_gevouwen():
    validatie = _validatie()
    regels = als_github(validatie, "werkboeken/").splitlines()
    soorten = [r.split(" ", 1)[0] for r in regels]
    assert soorten == ["::error", "::error", "::warning", "::warning"]
    assert regels[0].startswith("::error file=werkboeken/arnhem.xlsx,title=getal-tekst Asiel!B2::")
    assert "title=bestandsnaam-andere-gemeente Gemeente!B2" in regels[2]  # the one that matters: shown
    gevouwen = regels[3]
    assert gevouwen.startswith(
        "::warning file=werkboeken/opgaven.xlsx,title=gemeente-zonder-uitvraag (44x)::"
    )
    assert "44 keer in 1 bestand(en)" in gevouwen and "samenvatting" in gevouwen
    assert len([r for r in regels if r.startswith("::warning")]) <= 10


def test_samenvatting_houdt_alles():
    tekst = als_markdown(_validatie())
    assert tekst.count("`gemeente-zonder-uitvraag`") == 44
    assert tekst.count("`getal-tekst`") == 2 and "`bestandsnaam-andere-gemeente`" in tekst


def test_tot_de_vouwgrens_elk_apart():
    b = Bevindingen()
    for i in range(VOUWGRENS):
        b.voeg_toe("getal-tekst", bestand=f"g{i}.xlsx", blad="Asiel", cel="B2", waarde="x")
    regels = als_github(Validatie(b.gesorteerd(), []), "").splitlines()
    assert len(regels) == VOUWGRENS and all(re.match(r"::error file=g\d\.xlsx,", r) for r in regels)
