"""`regioplan verschil`: what changed between two rounds, and why."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import app, console, opties


class Vorm(str, Enum):
    tekst = "tekst"
    md = "md"
    json = "json"


Ronde = Annotated[
    str,
    typer.Argument(
        help="Een map met werkboeken, of een map in een git-revisie als REF:pad (bijvoorbeeld "
        "main:werkboeken).",
        show_default=False,
    ),
]


@app.command(
    short_help="Wat is er veranderd sinds de vorige ronde, en waarom.",
    help=(
        "Vergelijk twee rondes: wat is er veranderd, en waarom.\n\n"
        "Per gemeente, regio en provincie elk cijfer dat veranderde (oud → nieuw en het verschil); per "
        "gemeente elke "
        "locatie, elk voornemen en elke uitruilafspraak die erbij kwam, verviel, een andere naam kreeg of "
        "veranderde, "
        "en of een locatie daardoor in of uit de telling ging (de reden dat een cijfer bewoog). Ook: "
        "gemeenten die "
        "(niet meer) aanleverden en bevindingen die erbij kwamen of verdwenen.\n\n"
        "Elke kant is een map of een map in een git-revisie (REF:pad), gelezen met git zelf, zonder "
        "checkout. Het pad "
        "na de dubbele punt telt vanaf de hoofdmap van de repository, of vanaf de huidige map als het met ./ "
        "begint.\n\n"
        "Voorbeelden:\n\n"
        "  regioplan verschil archief/2024-II werkboeken\n\n"
        "  regioplan verschil v2024-10:werkboeken werkboeken -f md\n\n"
        "  regioplan verschil origin/main:werkboeken HEAD:werkboeken -f json\n\n"
        "Exitcode 0 (ook als er verschillen zijn); 2 als een kant niet te lezen is. Zie docs/verschil.md."
    ),
)
def verschil(
    oud: Ronde,
    nieuw: Ronde,
    formaat: Annotated[
        Vorm,
        typer.Option(
            "--formaat",
            "-f",
            help="tekst (tabellen), md (voor een pull-request of de samenvatting van een CI-job) of json "
            "(zie docs/verschil.md).",
        ),
    ] = Vorm.tekst,
    uit: Annotated[
        Path | None,
        typer.Option(
            "--uit",
            "-o",
            metavar="<bestand>",
            help="Schrijf de md (of json) naar dit bestand.",
            show_default=False,
        ),
    ] = None,
    config: opties.Config = None,
) -> None:
    from ..api import verschil as _verschil
    from ..config import laad_config
    from ..verschil.weergave import als_json, als_markdown, samenvatting

    v = _verschil(oud, nieuw, laad_config(config) if config else None)
    for x in v.overgeslagen:
        console.melding(f"niet gelezen uit git: {x}", stijl="waarschuwing")
    if uit is not None:
        from ..uitvoer import schrijf

        console.terminal().geschreven(schrijf(uit, als_json(v) if formaat == Vorm.json else als_markdown(v)))
    elif formaat == Vorm.json:
        console.data(als_json(v).rstrip("\n"))
    elif formaat == Vorm.md:
        console.data(als_markdown(v).rstrip("\n"))
    else:
        _toon(v)
    console.melding(f"verschil {oud} → {nieuw}: {samenvatting(v)}")
    raise typer.Exit(0)


def _toon(v) -> None:
    from ..verschil.weergave import (
        aanleveringstekst,
        cijfertekst,
        gevolg,
        groepnaam,
        onvolledigtekst,
        regionamen,
        rijnaam,
        veldtekst,
        verschiltekst,
    )

    t = console.terminal()
    if v.leeg:
        return
    for c in v.instellingen:
        t.toon(f"Let op: {c.sleutel} verschilt: {c.oud} → {c.nieuw}", stijl="waarschuwing")
    groepen = [(groepnaam(g), g.cijfers) for g in (v.provincie, *v.regios)]
    rijen = [
        [naam, c.label, cijfertekst(c.sleutel, c.oud), cijfertekst(c.sleutel, c.nieuw), verschiltekst(c)]
        for naam, cijfers in groepen
        for c in cijfers
    ]
    if rijen:
        t.tabel("Provincie en regio's", ["", "Cijfer", "Oud", "Nieuw", "Verschil"], rijen, rechts={2, 3, 4})
        if tekst := onvolledigtekst(v):
            t.toon(tekst, stijl="waarschuwing")
    regios = regionamen(v)
    for g in v.gemeenten:
        t.toon("")
        naam = f"{g.naam} ({regios.get(g.regio, g.regio)})"
        if tekst := aanleveringstekst(g):
            t.toon((f"{naam}:", "nadruk"), (f" {tekst}", "waarschuwing") if g.aanlevering else f" {tekst}")
        else:
            t.toon((naam, "nadruk"))
        if g.cijfers:
            t.tabel(
                "",
                ["Cijfer", "Oud", "Nieuw", "Verschil"],
                [
                    [
                        c.label,
                        cijfertekst(c.sleutel, c.oud),
                        cijfertekst(c.sleutel, c.nieuw),
                        verschiltekst(c),
                    ]
                    for c in g.cijfers
                ],
                rechts={1, 2, 3},
            )
        for r in g.rijen:
            stijl = {"erin": "goed", "eruit": "tekort"}.get(r.omslag or "")
            t.toon(f"  {r.soort:<10} {rijnaam(r)}", stijl=stijl)
            for wat in veldtekst(r):
                t.toon(f"             {wat}")
            t.toon(f"             → {gevolg(r)}", stijl=stijl)
    if v.bevindingen_nieuw or v.bevindingen_opgelost:
        t.tabel(
            "Bevindingen",
            ["", "Code", "Bestand", "Plaats", "Bericht"],
            [
                [soort, b.code, b.bestand, f"{b.blad}!{b.cel}" if b.cel else b.blad, b.bericht]
                for soort, lijst in (("nieuw", v.bevindingen_nieuw), ("opgelost", v.bevindingen_opgelost))
                for b in lijst
            ],
        )
