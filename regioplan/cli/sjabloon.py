"""`regioplan sjabloon`: the empty uitvraag workbooks for the gemeenten, and the opgaven workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app, console, opties


@app.command(
    help=(
        "Schrijf lege uitvraag-werkboeken, vooringevuld met naam en CBS-code, met toelichtingsblad, keuzelijsten en "
        "datumopmaak. Kies één gemeente (--gemeente), een regio (--regio) of zonder keuze alle gemeenten van de provincie; "
        "--opgaven schrijft ook het opgaven-werkboek.\n\n"
        "Voorbeeld: regioplan sjabloon --regio twente --uit uitvraag-twente"
    )
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
    opgaven: Annotated[
        bool, typer.Option("--opgaven", help="Schrijf ook opgaven.xlsx (voor de coördinator).")
    ] = False,
    uit: Annotated[Path, typer.Option("--uit", "-o", help="Map waarin de werkboeken komen.")] = Path(
        "uitvraag"
    ),
    config: opties.Config = None,
) -> None:
    from ..sjablonen import schrijf_sjablonen

    paden = schrijf_sjablonen(uit, gemeenten=gemeente or [], regio=regio, opgaven=opgaven, config_pad=config)
    for pad in paden:
        console.melding(f"geschreven: {pad}")
    console.melding(f"{len(paden)} werkboek(en) in {uit}")
