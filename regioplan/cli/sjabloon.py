"""`regioplan sjabloon` and `regioplan init`: the workbooks for the gemeenten, and a starting
regioplan.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app, console, opties

Provincie = Annotated[
    str | None,
    typer.Option(
        "--provincie",
        "-p",
        help="Ingebouwde provincie, bv. gelderland of noord-holland (regio's: de veiligheidsregio's).",
        show_default=False,
    ),
]


@app.command(
    short_help="Maak de lege werkboeken voor de gemeenten (en opgaven.xlsx).",
    help=(
        "Schrijf lege uitvraag-werkboeken, vooringevuld met naam en CBS-code en met waarvoor ze gemaakt zijn "
        "(provincie, regio, cyclus, peildata), met toelichtingsblad, keuzelijsten en datumopmaak. Kies één "
        "gemeente (--gemeente), een regio (--regio) of zonder keuze alle gemeenten van de provincie; "
        "--opgaven "
        "schrijft ook het opgaven-werkboek.\n\n"
        "De configuratie: --config, anders de regioplan.toml in de --uit-map, anders de ingebouwde "
        "--provincie; "
        "met --provincie of --regio komt er ook een regioplan.toml in de --uit-map (bij --regio: alleen die "
        "regio), zodat die map op zichzelf staat.\n\n"
        "Voorbeeld: regioplan sjabloon --provincie gelderland --opgaven --uit werkboeken"
    ),
)
def sjabloon(
    gemeente: Annotated[
        list[str] | None,
        typer.Option("--gemeente", "-g", help="Naam of CBS-code (herhaalbaar).", show_default=False),
    ] = None,
    regio: Annotated[
        str | None,
        typer.Option("--regio", "-r", help="Sleutel of naam van de regio, bv. twente.", show_default=False),
    ] = None,
    provincie: Provincie = None,
    opgaven: Annotated[
        bool, typer.Option("--opgaven", help="Schrijf ook opgaven.xlsx (voor de coördinator).")
    ] = False,
    uit: Annotated[Path, typer.Option("--uit", "-o", help="Map voor de werkboeken.")] = Path("uitvraag"),
    config: opties.Config = None,
) -> None:
    from ..config import CONFIGBESTAND
    from ..sjablonen import schrijf_regioconfig, schrijf_sjablonen, schrijf_startconfig, sjabloon_config

    gebruikt = sjabloon_config(uit, config, provincie)
    t = console.terminal()
    t.meld(f"configuratie: {gebruikt.herkomst}")
    paden = schrijf_sjablonen(uit, gemeenten=gemeente or [], regio=regio, opgaven=opgaven, config=gebruikt)
    for pad in paden:
        t.geschreven(pad)
    if not (uit / CONFIGBESTAND).exists():
        if regio and not gemeente:  # the folder is about this regio only: say so, or nothing adds up
            t.geschreven(schrijf_regioconfig(uit, gebruikt, regio))
        elif provincie and config is None:
            t.geschreven(schrijf_startconfig(uit, provincie))
    t.meld(f"{len(paden)} werkboek(en) in {uit}")


@app.command(
    short_help="Schrijf een regioplan.toml met uitleg voor een provincie.",
    help=(
        "Schrijf een regioplan.toml met uitleg voor een provincie: één regel kiest de provincie, de "
        "landelijke "
        "datums en de regio's (standaard de veiligheidsregio's) staan erin als commentaar om aan te "
        "passen.\n\n"
        "Voorbeeld: regioplan init --provincie gelderland --uit werkboeken"
    ),
)
def init(
    provincie: Annotated[
        str,
        typer.Option(
            "--provincie",
            "-p",
            help="De provincie, bv. gelderland, noord-holland of friesland.",
            show_default=False,
        ),
    ],
    uit: Annotated[Path, typer.Option("--uit", "-o", help="Map waarin regioplan.toml komt.")] = Path("."),
    overschrijf: Annotated[
        bool, typer.Option("--overschrijf", help="Vervang een bestaande regioplan.toml.")
    ] = False,
) -> None:
    from ..sjablonen import schrijf_startconfig

    console.terminal().geschreven(schrijf_startconfig(uit, provincie, overschrijf=overschrijf))
