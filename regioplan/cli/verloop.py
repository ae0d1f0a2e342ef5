"""`regioplan verloop`: the key figures over several rounds, as a table and line charts."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import app, console, opties


class Vorm(str, Enum):
    tekst = "tekst"
    md = "md"
    html = "html"
    json = "json"


@app.command(
    short_help="Zet de kerncijfers van meer rondes naast elkaar.",
    help=(
        "De kerncijfers over meerdere rondes: een tabel met per ronde een kolom, en in HTML per opgave een "
        "lijngrafiek (opgave, realisatie, realisatie + voornemens).\n\n"
        "Elke ronde is een map of een map in een git-revisie (REF:pad), zoals bij verschil. De volgorde is "
        "die van "
        "de opdracht. Standaard de provincie; --regio of --gemeente kiest een regio of gemeente.\n\n"
        "Voorbeelden:\n\n"
        "  regioplan verloop archief/2024-II archief/2025-I werkboeken\n\n"
        "  regioplan verloop v2024-10:werkboeken v2025-03:werkboeken -f html -o verloop.html\n\n"
        "  Elke tag als ronde: regioplan verloop $(git tag | sed 's/$/:werkboeken/')\n\n"
        "Exitcode 0; 2 als een ronde niet te lezen is. Zie docs/verschil.md."
    ),
)
def verloop(
    rondes: Annotated[
        list[str],
        typer.Argument(
            metavar="RONDE",
            help="Twee of meer rondes: mappen of REF:pad, van oud naar nieuw.",
            show_default=False,
        ),
    ],
    formaat: Annotated[
        Vorm,
        typer.Option("--formaat", "-f", help="tekst (tabel), md (tabel), html (tabel en grafieken) of json."),
    ] = Vorm.tekst,
    regio: Annotated[
        str | None,
        typer.Option(
            "--regio",
            "-r",
            metavar="<regio>",
            help="Regio-sleutel of de provincie (standaard de provincie).",
            show_default=False,
        ),
    ] = None,
    gemeente: Annotated[
        str | None,
        typer.Option(
            "--gemeente",
            "-g",
            metavar="<gemeente>",
            help="Een gemeente (naam of CBS-code) in plaats van een regio.",
            show_default=False,
        ),
    ] = None,
    uit: Annotated[
        Path | None,
        typer.Option(
            "--uit",
            "-o",
            metavar="<bestand>",
            help="Schrijf md, html of json naar dit bestand.",
            show_default=False,
        ),
    ] = None,
    sjablonen: Annotated[
        Path | None,
        typer.Option(
            "--sjablonen",
            metavar="<map>",
            help="Map met een eigen verloop.html.j2 of verloop.md.j2.",
            show_default=False,
        ),
    ] = None,
    config: opties.Config = None,
) -> None:
    from ..api import verloop as _verloop
    from ..config import laad_config
    from ..fouten import RegioplanFout

    if regio and gemeente:
        raise RegioplanFout("optie-ongeldig", "Geef --regio of --gemeente, niet allebei.", "Kies er één.")
    v = _verloop(rondes, regio or gemeente, laad_config(config) if config else None)
    if formaat == Vorm.json:
        from ..verschil.verloop import als_json

        tekst = als_json(v)
    elif formaat in (Vorm.md, Vorm.html):
        from ..rapport.verloop import render_verloop

        tekst = render_verloop(v, formaat.value, sjablonen)
    else:
        tekst = ""
    if uit is not None:
        from ..uitvoer import schrijf

        console.terminal().geschreven(schrijf(uit, tekst or _tabel_als_tekst(v)))
    elif tekst:
        console.data(tekst.rstrip("\n"))
    else:
        _toon(v)
    console.melding("verloop van ", v.naam, f" over {len(v.rondes)} rondes")
    raise typer.Exit(0)


def _rijen(v) -> list[list[str]]:
    from ..verschil.weergave import cijfertekst

    return [[r.label, *(cijfertekst(r.sleutel, w) for w in r.waarden)] for r in v.reeksen]


def _koppen(v) -> list[str]:
    return [
        "Cijfer",
        *(f"{r.kort} (onvolledig)" if r.onvolledig and v.soort != "gemeente" else r.kort for r in v.rondes),
    ]


def _onvolledig(v) -> list[str]:
    from ..verschil.verloop import leveringtekst

    return [f"{r.kort}: {t}" for r in v.rondes if (t := leveringtekst(r, v.soort))]


def _tabel_als_tekst(v) -> str:
    koppen = _koppen(v)
    regels = ["\t".join(koppen)] + ["\t".join(r) for r in _rijen(v)]
    return "\n".join(regels + _onvolledig(v)) + "\n"


def _toon(v) -> None:
    koppen = _koppen(v)
    t = console.terminal()
    t.tabel(f"{v.naam}: kerncijfers per ronde", koppen, _rijen(v), rechts=set(range(1, len(koppen))))
    for regel in _onvolledig(v):
        t.toon(regel, stijl="waarschuwing")
