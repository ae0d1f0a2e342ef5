"""`regioplan sjabloon` and `regioplan init`: the workbooks for the gemeenten, and a starting
regioplan.toml."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, console, opties

if TYPE_CHECKING:
    from ..sjablonen import Sjablonen

Provincie = Annotated[
    str | None,
    typer.Option(
        "--provincie",
        "-p",
        metavar="<provincie>",
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
        typer.Option(
            "--gemeente",
            "-g",
            metavar="<gemeente>",
            help="Naam of CBS-code (herhaalbaar).",
            show_default=False,
        ),
    ] = None,
    regio: Annotated[
        str | None,
        typer.Option(
            "--regio",
            "-r",
            metavar="<regio>",
            help="Sleutel of naam van de regio, bv. twente.",
            show_default=False,
        ),
    ] = None,
    provincie: Provincie = None,
    opgaven: Annotated[
        bool, typer.Option("--opgaven", help="Schrijf ook opgaven.xlsx (voor de coördinator).")
    ] = False,
    uit: Annotated[Path, typer.Option("--uit", "-o", metavar="<map>", help="Map voor de werkboeken.")] = Path(
        "werkboeken"
    ),
    config: opties.Config = None,
    overschrijf: Annotated[
        bool,
        typer.Option(
            "--overschrijf",
            help="Vervang werkboeken (en opgaven.xlsx) die er al staan. Zonder deze optie blijft een "
            "bestaand bestand staan: het kan al ingevuld zijn.",
        ),
    ] = False,
) -> None:
    from ..config import CONFIGBESTAND
    from ..sjablonen import schrijf_regioconfig, schrijf_sjablonen, schrijf_startconfig, sjabloon_config

    gebruikt = sjabloon_config(uit, config, provincie)
    t = console.terminal()
    t.meld(f"configuratie: {gebruikt.herkomst}")
    gedaan = schrijf_sjablonen(
        uit, gemeenten=gemeente or [], regio=regio, opgaven=opgaven, config=gebruikt, overschrijf=overschrijf
    )
    for pad in gedaan.paden:
        t.geschreven(pad)
    for pad in gedaan.overgeslagen:
        t.meld(("bestaat al, niet overschreven:", "waarschuwing"), " ", str(pad))
    if not (uit / CONFIGBESTAND).exists():
        if regio and not gemeente:  # the folder is about this regio only: say so, or nothing adds up
            t.geschreven(schrijf_regioconfig(uit, gebruikt, regio))
        elif provincie and config is None:
            t.geschreven(schrijf_startconfig(uit, provincie))
    t.meld(_samenvatting(gedaan, uit))
    if gedaan.overgeslagen:
        t.meld(
            "  hint: een bestaand werkboek kan al ingevuld zijn; geef --overschrijf om ze toch door een leeg "
            "werkboek te vervangen, of kies met --uit een andere map."
        )


def _samenvatting(gedaan: Sjablonen, uit: Path) -> str:
    """``14 werkboeken en opgaven.xlsx geschreven in werkboeken; 2 bestonden al``."""
    n = len(gedaan.werkboeken)
    delen = [f"{n} {'werkboek' if n == 1 else 'werkboeken'}"]
    if gedaan.opgaven is not None:
        delen.append(gedaan.opgaven.name)
    tekst = f"{' en '.join(delen)} geschreven in {uit}"
    if gedaan.overgeslagen:
        m = len(gedaan.overgeslagen)
        tekst += f"; {m} bestond al en bleef staan" if m == 1 else f"; {m} bestonden al en bleven staan"
    return tekst


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
            metavar="<provincie>",
            help="De provincie, bv. gelderland, noord-holland of friesland.",
            show_default=False,
        ),
    ],
    uit: Annotated[
        Path, typer.Option("--uit", "-o", metavar="<map>", help="Map waarin regioplan.toml komt.")
    ] = Path("."),
    overschrijf: Annotated[
        bool, typer.Option("--overschrijf", help="Vervang een bestaande regioplan.toml.")
    ] = False,
) -> None:
    from ..sjablonen import schrijf_startconfig

    console.terminal().geschreven(schrijf_startconfig(uit, provincie, overschrijf=overschrijf))
