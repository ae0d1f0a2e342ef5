"""`regioplan valideer`: check submissions, for people and for CI."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, console, opties

if TYPE_CHECKING:
    pass


class Vorm(str, Enum):
    tekst = "tekst"
    json = "json"
    github = "github"
    junit = "junit"


class Drempel(str, Enum):
    fout = "fout"
    waarschuwing = "waarschuwing"


@app.command(
    short_help="Controleer de ingeleverde werkboeken.",
    help=(
        "Controleer de werkboeken in MAP (of één werkboek, de controle vooraf van een gemeente). Meldt alle "
        "problemen tegelijk met bestand, blad en cel, en een hint hoe het op te lossen.\n\n"
        "Exitcode: 0 = in orde, 1 = bevindingen die volgens --faal-op afkeuren, 2 = gebruiks-, configuratie- "
        "of "
        "interne fout."
    ),
)
def valideer(
    map: opties.Map,
    formaat: Annotated[
        Vorm,
        typer.Option(
            "--formaat",
            "-f",
            help="tekst (voor mensen), json, github (annotaties + "
            "samenvatting in $GITHUB_STEP_SUMMARY) of junit (XML voor GitLab/Jenkins).",
        ),
    ] = Vorm.tekst,
    faal_op: Annotated[
        Drempel, typer.Option("--faal-op", help="Vanaf welke ernst de exitcode 1 is.")
    ] = Drempel.fout,
    strikt: Annotated[bool, typer.Option("--strikt", help="Kort voor --faal-op waarschuwing.")] = False,
    negeer: Annotated[
        list[str] | None,
        typer.Option(
            "--negeer",
            metavar="<code>",
            help="Code die bewust wordt genegeerd (herhaalbaar).",
            show_default=False,
        ),
    ] = None,
    uit: opties.Uit = None,
    config: opties.Config = None,
) -> None:
    from ..api import configuratie
    from ..api import valideer as _valideer
    from ..bevindingen import CATALOGUS
    from ..fouten import RegioplanFout
    from ..uitvoer import schrijf, voeg_toe, weiger_invoer
    from ..weergave import als_github, als_json, als_junit, als_markdown

    onbekend = [c for c in (negeer or []) if c not in CATALOGUS]
    if onbekend:
        raise RegioplanFout(
            "optie-ongeldig",
            f"--negeer kent de code(s) {', '.join(onbekend)} niet.",
            "Zie docs/controles.md voor alle codes.",
        )
    if uit is not None and formaat == Vorm.tekst:
        raise RegioplanFout(
            "optie-ongeldig",
            "--uit werkt alleen met --formaat json, github of junit.",
            "Voor een bestand: regioplan valideer MAP --formaat json --uit bevindingen.json",
        )
    if uit is not None:
        weiger_invoer(uit, map)
    gebruikt = configuratie(map, config)
    console.melding(f"configuratie: {gebruikt.herkomst}")
    resultaat = _valideer(map, gebruikt).zonder(set(negeer or []))
    drempel = "waarschuwing" if strikt else faal_op.value
    if formaat == Vorm.tekst:
        _toon(resultaat)
    else:
        if formaat == Vorm.github:
            tekst = als_github(resultaat, _map_voor_annotaties(map))
        else:
            tekst = {Vorm.json: als_json, Vorm.junit: als_junit}[formaat](resultaat)
        if uit:
            schrijf(uit, tekst)
            console.terminal().geschreven(uit)
        elif tekst:
            console.data(tekst)
        if formaat == Vorm.github and os.environ.get("GITHUB_STEP_SUMMARY"):
            voeg_toe(Path(os.environ["GITHUB_STEP_SUMMARY"]), als_markdown(resultaat))
        console.melding(resultaat.samenvatting())
    raise typer.Exit(1 if resultaat.faalt(drempel) else 0)


def _map_voor_annotaties(pad: Path) -> str:
    """The folder of the workbooks relative to the working directory (the repository root in CI), with a
    trailing slash, so that GitHub attaches each annotation to its file."""
    basis = pad if pad.is_dir() else pad.parent
    try:
        relatief = basis.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        relatief = basis.as_posix()
    return "" if relatief in ("", ".") else relatief.rstrip("/") + "/"


def _toon(resultaat) -> None:
    from ..bevindingen import per_bestand

    t = console.terminal()
    per = per_bestand(resultaat.bevindingen)
    gemeenten = {o["bestand"]: o["gemeente"] for o in resultaat.overzicht if o["bestand"]}
    for bestand in sorted(per):
        gemeente = f" ({gemeenten[bestand].strip('()')})" if gemeenten.get(bestand) else ""
        t.toon((bestand or "(map)", "kop"), gemeente)
        for b in per[bestand]:
            ernst = ("FOUT", "fout") if b.ernst == "fout" else ("waarschuwing", "waarschuwing")
            t.toon("  ", ernst, f" {b.plaats or '-'} ", (f"[{b.code}] ", "zacht"), b.bericht)
            t.toon(f"      hint: {b.hint}", stijl="zacht")
    rijen = [
        [o["bestand"] or "–", o["gemeente"], o["status"], o["fouten"], o["waarschuwingen"]]
        for o in resultaat.overzicht
    ]
    if rijen:
        t.tabel(
            "Overzicht per bestand en gemeente",
            ["Bestand", "Gemeente", "Status", "Fouten", "Waarschuwingen"],
            rijen,
            rechts={3, 4},
        )
    t.toon(resultaat.samenvatting(), stijl="nadruk")
