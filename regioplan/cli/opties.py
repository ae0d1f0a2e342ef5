"""Options shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

Map = Annotated[
    Path,
    typer.Argument(
        help="Map met de werkboeken (opgaven.xlsx en één uitvraag per gemeente), of één werkboek.",
        show_default=False,
    ),
]
Config = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="<bestand>",
        help="Een regioplan.toml; standaard die in de map, bij één werkboek anders wat het werkboek zelf "
        "noemt, anders de ingebouwde provincie Overijssel.",
        show_default=False,
    ),
]
Uit = Annotated[
    Path | None,
    typer.Option(
        "--uit", "-o", metavar="<pad>", help="Schrijf naar dit bestand of deze map.", show_default=False
    ),
]
