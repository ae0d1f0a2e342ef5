"""`regioplan bereken`: every figure of the plans, per gemeente, regio and province."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, console, opties

if TYPE_CHECKING:
    from ..resultaat import Resultaat


class Vorm(str, Enum):
    tekst = "tekst"
    json = "json"


def lees_peildata(tekst: str) -> list[dt.date]:
    """``2025-01-01,2025-07-01`` or a monthly range ``2025-01..2025-12``."""
    from ..fouten import RegioplanFout
    from ..tijdlijn import maandreeks

    try:
        if ".." in tekst:
            van, tot = (s.strip() for s in tekst.split("..", 1))
            return maandreeks(dt.date.fromisoformat(van[:7] + "-01"), dt.date.fromisoformat(tot[:7] + "-01"))
        return [dt.date.fromisoformat(s.strip()) for s in tekst.split(",") if s.strip()]
    except ValueError as fout:
        raise RegioplanFout(
            "optie-ongeldig",
            f"--peildata '{tekst}' is ongeldig ({fout}).",
            "Gebruik JJJJ-MM-DD,JJJJ-MM-DD of een maandreeks JJJJ-MM..JJJJ-MM.",
        ) from fout


@app.command(
    help=(
        "Bereken opgaven, realisatie (volgens de cyclusregel), voornemens en tekorten per gemeente, regio en "
        "provincie, "
        "voor asiel (incl. amv), Oekraïne en statushouders.\n\n"
        "Voorbeelden:\n\n"
        "  regioplan bereken voorbeelddata/overijssel-2024\n\n"
        "  regioplan bereken MAP --gemeente Hengelo --uitleg\n\n"
        "  regioplan bereken MAP --peildata 2025-01..2025-12 --uit tijdlijn.xlsx"
    )
)
def bereken(
    map: opties.Map,
    formaat: Annotated[
        Vorm, typer.Option("--formaat", "-f", help="tekst (tabellen) of json (naar stdout).")
    ] = Vorm.tekst,
    uit: Annotated[
        str | None,
        typer.Option(
            "--uit",
            "-o",
            help="Schrijf naar resultaten.json, .xlsx of .csv (één csv per tabel).",
            show_default=False,
        ),
    ] = None,
    gemeente: Annotated[
        str | None,
        typer.Option(
            "--gemeente", "-g", help="Toon alleen deze gemeente (naam of CBS-code).", show_default=False
        ),
    ] = None,
    uitleg: Annotated[
        bool, typer.Option("--uitleg", help="Toon per locatie of ze meetelt en welke regel besliste.")
    ] = False,
    peildata: Annotated[
        str | None,
        typer.Option(
            "--peildata",
            help="Tijdlijn: capaciteit actief op deze datums (2025-01-01,2025-07-01 of 2025-01..2025-12).",
            show_default=False,
        ),
    ] = None,
    config: opties.Config = None,
) -> None:
    from pathlib import Path

    from ..api import bereken as _bereken
    from ..api import configuratie
    from ..export import als_json, schrijf
    from ..fouten import RegioplanFout

    datums = lees_peildata(peildata) if peildata else []
    gebruikt = configuratie(map, config)
    console.melding(f"configuratie: {gebruikt.herkomst}")
    resultaat = _bereken(map, gebruikt, datums)
    if gemeente and resultaat.gemeente(gemeente) is None:
        raise RegioplanFout(
            "optie-ongeldig",
            f"--gemeente '{gemeente}' is geen gemeente van {resultaat.config.provincie}.",
            "Gebruik de naam of de CBS-code, bijvoorbeeld Hengelo of GM0164.",
        )
    t = console.terminal()
    if uit:
        for pad in schrijf(resultaat, Path(uit), invoer=map):
            t.geschreven(pad)
    elif formaat == Vorm.json:
        console.data(als_json(resultaat).rstrip("\n"))
    else:
        _toon(resultaat, gemeente, uitleg)
    b = resultaat.bevindingen
    p = resultaat.provincie.asiel
    t.meld(
        f"{len(resultaat.gemeenten)} gemeenten; asiel geldig {p.geldig} van {p.opgave}; "
        f"{b.fouten} fouten en {b.waarschuwingen} waarschuwingen in de invoer (zie regioplan valideer)"
    )
    raise typer.Exit(0)


def _toon(resultaat: Resultaat, gemeente: str | None, uitleg: bool) -> None:
    from ..opmaak import getal, procent
    from ..tabellen import tabellen

    t = console.terminal()
    g = resultaat.gemeente(gemeente) if gemeente else None
    if not uitleg:
        for tab in tabellen(resultaat):
            if tab.naam == "locaties":
                continue
            rijen = [(i, rij) for i, rij in enumerate(tab.rijen) if g is None or rij[0] == g.naam]
            cellen = [
                [_cel(k, v, getal, procent) for k, v in zip(tab.koppen, rij, strict=True)] for _, rij in rijen
            ]
            totaal = {j for j, (i, _) in enumerate(rijen) if i in tab.totaalrijen}
            t.tabel(tab.titel, tab.koppen, cellen, rechts=tab.getalkolommen, totaalrijen=totaal)
        return
    for x in resultaat.gemeenten:
        if g is not None and x.cbs_code != g.cbs_code:
            continue
        a = x.asiel
        t.toon(f"{x.naam}: asiellocaties en de cyclusregel", stijl="nadruk")
        for loc in a.locaties:
            status = "TELT MEE" if loc.telt else ("VOORNEMEN" if loc.voornemen else "telt niet")
            stijl = "goed" if loc.telt else ("waarschuwing" if loc.voornemen else "zacht")
            delen: list[console.Deel] = [
                (f"  {status:<10} ", stijl),
                f"{loc.locatie} ({loc.capaciteit.tekst}, {loc.doelgroep}, {loc.soort}): ",
                loc.uitleg,
            ]
            if loc.vervangt:
                delen.append(f"; opvolger van {', '.join(loc.vervangt)}, dus geen extra voornemen")
            if loc.ligt_in:
                delen.append(f"; ligt in {loc.ligt_in} (uitruil)")
            t.toon(*delen)
        for v in a.voornemens_lijst:
            if not v.met_locatie:
                delen = [
                    ("  VOORNEMEN  ", "waarschuwing"),
                    f"{v.omschrijving} ({v.capaciteit.tekst}, {v.doelgroep}): zonder concrete locatie",
                ]
                if v.toelichting:
                    delen.append(f"; {v.toelichting}")
                t.toon(*delen)
        t.toon(
            f"Geldig {getal(a.geldig)} (amv {getal(a.geldig_amv)}) van opgave {getal(a.opgave)}: "
            f"verschil {getal(a.verschil, teken=True)}; voornemens {getal(a.voornemens)}; "
            f"procesfase {x.procesfase}"
        )


def _cel(kop: str, waarde: object, getal: Callable[..., str], procent: Callable[..., str]) -> console.Deel:
    if kop.startswith("%"):
        return procent(waarde)
    if kop == "Verschil" and isinstance(waarde, int):
        return (getal(waarde, teken=True), "tekort") if waarde < 0 else getal(waarde, teken=True)
    if isinstance(waarde, int):
        return getal(waarde)
    return "" if waarde is None else str(waarde)
