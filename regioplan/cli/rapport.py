"""`regioplan rapport`: the regional plan or the provincial verslag in Markdown and HTML."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import app, console, opties


class Vorm(str, Enum):
    md = "md"
    html = "html"
    beide = "beide"


@app.command(
    help=(
        "Schrijf het regionaal plan (--regio twente, --regio ijsselland) of het provinciaal verslag (--regio "
        "met de "
        "naam van de provincie, bv. overijssel) als Markdown en/of één zelfstandig HTML-bestand. Herhaal "
        "--regio voor "
        "meer rapporten, of geef --regio alle voor elke regio plus het provinciaal verslag; de werkboeken "
        "worden dan "
        "één keer gelezen.\n\n"
        "Zelfde invoer geeft byte-gelijke bestanden: de datum in het rapport komt uit --datum, anders uit de "
        "invuldatum "
        "van de werkboeken.\n\n"
        "Voorbeeld: regioplan rapport voorbeelddata/overijssel-2024 --regio twente --uit uitvoer"
    )
)
def rapport(
    map: opties.Map,
    regio: Annotated[
        list[str],
        typer.Option(
            "--regio",
            "-r",
            help="Regio-sleutel, de provincie (provinciaal verslag) of 'alle'; mag vaker.",
            show_default=False,
        ),
    ],
    formaat: Annotated[Vorm, typer.Option("--formaat", "-f", help="md, html of beide.")] = Vorm.beide,
    uit: Annotated[Path, typer.Option("--uit", "-o", help="Map voor de rapporten.")] = Path("uitvoer"),
    datum: Annotated[
        str | None, typer.Option("--datum", help="Datum op het rapport (JJJJ-MM-DD).", show_default=False)
    ] = None,
    sjablonen: Annotated[
        Path | None,
        typer.Option(
            "--sjablonen",
            help="Map met eigen Jinja-sjablonen die de ingebouwde op naam vervangen.",
            show_default=False,
        ),
    ] = None,
    vorige: Annotated[
        str | None,
        typer.Option(
            "--vorige",
            help=(
                "De vorige ronde (map of REF:pad, zoals bij verschil): voegt het hoofdstuk 'Ontwikkeling "
                "sinds de "
                "vorige ronde' toe met de gewijzigde cijfers en hun redenen per gemeente."
            ),
            show_default=False,
        ),
    ] = None,
    config: opties.Config = None,
) -> None:
    from ..api import configuratie, rapporten
    from ..fouten import RegioplanFout

    try:
        d = dt.date.fromisoformat(datum) if datum else None
    except ValueError as fout:
        raise RegioplanFout(
            "optie-ongeldig", f"--datum '{datum}' is geen datum.", "Gebruik JJJJ-MM-DD."
        ) from fout
    gebruikt = configuratie(map, config)
    console.melding(f"configuratie: {gebruikt.herkomst}")
    formaten = ("md", "html") if formaat == Vorm.beide else (formaat.value,)
    paden = rapporten(
        map,
        regio,
        uit,
        formaten=formaten,
        datum=d,
        sjablonen=sjablonen,
        config=gebruikt,
        vorige=vorige,
    )
    t = console.terminal()
    for pad in paden:
        t.geschreven(pad)
    aantal = len(paden) // len(formaten)
    t.meld(f"{aantal} {'rapport' if aantal == 1 else 'rapporten'} geschreven in {uit}")
