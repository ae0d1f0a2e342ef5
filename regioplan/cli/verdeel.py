"""`regioplan verdeel`: simulate the distribution of the restopgave as in the Verdeelbesluit."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, console, opties

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from ..verdeling import Verdeling
    from ..verdeling.uitvoer import Vergelijking


class Vorm(str, Enum):
    tekst = "tekst"
    json = "json"
    md = "md"
    html = "html"


class Basis(str, Enum):
    totaal = "totaal"
    per_soort = "per-soort"


class Splitsing(str, Enum):
    amv_naar_indicatie = "amv-naar-indicatie"
    naar_restopgave = "naar-restopgave"


class Afronding(str, Enum):
    omlaag_grootste = "omlaag-grootste"
    grootste_rest = "grootste-rest"
    half_omhoog = "half-omhoog"


class Decimalen(str, Enum):
    exact = "exact"
    d0 = "0"
    d1 = "1"
    d2 = "2"
    d3 = "3"


@app.command(
    short_help="Simuleer de verdeling van de restopgave (Verdeelbesluit).",
    help=(
        "Simuleer de verdeling van de restopgave zoals de minister die in het Verdeelbesluit maakt: "
        "(1) de plekken die meetellen overnemen, (2) kansrijke plannen toevoegen, (3) de restopgave "
        "regulier en amv berekenen, (4a) gemeenten uitsluiten (met reden) en (4b) de restopgave verdelen "
        "met één gemeenschappelijk percentage van de indicatieve opgave. Geen besluit: een simulatie.\n\n"
        "Kansrijke plannen staan in de kolom 'Kansrijk' van de bladen Asiel en Voornemens; de uitsluitingen "
        "voor historische bijdrage en Oekraïne in opgaven.xlsx. Zie docs/verdeel.md.\n\n"
        "Voorbeelden:\n\n"
        "  regioplan verdeel voorbeelddata/overijssel-2024\n\n"
        "  regioplan verdeel MAP --gemeente Dalfsen --uitleg\n\n"
        "  regioplan verdeel MAP --vergelijk verdeelbesluit.csv\n\n"
        "  regioplan verdeel MAP --uit verdeling.html"
    ),
)
def verdeel(
    map: opties.Map,
    formaat: Annotated[
        Vorm, typer.Option("--formaat", "-f", help="tekst (tabellen), json, md of html (naar stdout).")
    ] = Vorm.tekst,
    uit: Annotated[
        Path | None,
        typer.Option(
            "--uit",
            "-o",
            metavar="<bestand>",
            help="Schrijf naar verdeling.json, .xlsx, .md of .html.",
            show_default=False,
        ),
    ] = None,
    gemeente: Annotated[
        str | None,
        typer.Option(
            "--gemeente",
            "-g",
            metavar="<gemeente>",
            help="Toon alleen deze gemeente (naam of CBS-code).",
            show_default=False,
        ),
    ] = None,
    uitleg: Annotated[
        bool, typer.Option("--uitleg", help="Toon per gemeente welke stap wat besliste.")
    ] = False,
    vergelijk: Annotated[
        Path | None,
        typer.Option(
            "--vergelijk",
            metavar="<bestand>",
            help="Een gepubliceerde verdeling (csv: gemeente,regulier,amv) om naast de simulatie te zetten.",
            show_default=False,
        ),
    ] = None,
    basis: Annotated[
        Basis,
        typer.Option(
            "--basis", help="Gemeenschappelijk percentage van het indicatieve totaal incl. amv, of per soort."
        ),
    ] = Basis.totaal,
    splitsing: Annotated[
        Splitsing, typer.Option("--splitsing", help="Hoe een aandeel over regulier en amv wordt verdeeld.")
    ] = Splitsing.amv_naar_indicatie,
    afronding: Annotated[
        Afronding,
        typer.Option(
            "--afronding",
            help=(
                "Hoe aandelen hele plekken worden die precies optellen. omlaag-grootste: het totaal per "
                "gemeente naar beneden, de rest naar het grootste aandeel, daarna amv binnen dat totaal."
            ),
        ),
    ] = Afronding.omlaag_grootste,
    percentage_decimalen: Annotated[
        Decimalen,
        typer.Option(
            "--percentage-decimalen",
            help=(
                "Bij afronding omlaag-grootste (basis totaal): het gemeenschappelijke percentage naar "
                "beneden afgerond op zoveel decimalen (1: 89,5%), of exact."
            ),
        ),
    ] = Decimalen.d1,
    minimum: Annotated[
        int,
        typer.Option(
            "--minimum",
            metavar="<aantal>",
            min=0,
            help="Aandelen onder dit aantal vervallen en worden herverdeeld.",
        ),
    ] = 5,
    sjablonen: Annotated[
        Path | None,
        typer.Option(
            "--sjablonen",
            metavar="<map>",
            help=(
                "Map met eigen Jinja-sjablonen (verdeling.md.j2, verdeling.html.j2) die de ingebouwde "
                "vervangen."
            ),
            show_default=False,
        ),
    ] = None,
    config: opties.Config = None,
) -> None:
    from ..api import verdeel as _verdeel
    from ..config import laad_config
    from ..fouten import RegioplanFout
    from ..verdeling import Instellingen
    from ..verdeling.uitvoer import lees_tabel, schrijf_xlsx
    from ..verdeling.uitvoer import vergelijk as _vergelijk

    instellingen = Instellingen(
        basis.value,
        splitsing.value,
        afronding.value,
        minimum,
        None if percentage_decimalen is Decimalen.exact else int(percentage_decimalen.value),
    )
    cfg = laad_config(config) if config else None
    v = _verdeel(map, cfg, instellingen)
    if gemeente:
        from ..voorstel import geen_gemeente

        gebruikt = cfg or _laad_voor(map)
        zoek = gebruikt.zoek_code(gemeente)
        codes = [g.cbs_code for g in v.gemeenten]
        if zoek is None or zoek not in codes:
            raise geen_gemeente("--gemeente", gemeente, gebruikt, codes)
        gemeente = zoek
    vergelijking: Vergelijking | None = None
    if vergelijk is not None:
        zoek_code = (cfg or _laad_voor(map)).zoek_code
        vergelijking = _vergelijk(v, lees_tabel(vergelijk, zoek_code), vergelijk.name)
    t = console.terminal()
    if uit is not None:
        from ..uitvoer import schrijf, weiger_invoer

        weiger_invoer(uit, map)
        ext = uit.suffix.lower()
        if ext == ".xlsx":
            schrijf_xlsx(v, uit, vergelijking)
        elif ext in (".json", ".md", ".html"):
            schrijf(uit, _tekst(ext[1:], v, vergelijking, sjablonen))
        else:
            raise RegioplanFout(
                "optie-ongeldig",
                f"--uit '{uit.name}': onbekende extensie '{ext}'.",
                "Gebruik .json, .xlsx, .md of .html.",
            )
        t.geschreven(uit)
    elif formaat != Vorm.tekst:
        t.data(_tekst(formaat.value, v, vergelijking, sjablonen))
    else:
        _toon(t, v, gemeente, uitleg, vergelijking)
    zonder = [g.naam for g in v.gemeenten if g.geen_gegevens]
    if zonder:
        t.meld(
            ("let op:", "waarschuwing"),
            f" geen gegevens van {', '.join(zonder)}; de simulatie neemt daar 0 plekken over (stap 1) "
            "en verdeelt de restopgave alsof er niets gerealiseerd is.",
        )
    t.meld(samenvatting(v, vergelijking))
    raise typer.Exit(0)


def samenvatting(v: Verdeling, vergelijking: Vergelijking | None = None) -> str:
    """The summary line: how much of the restopgave went to how many gemeenten, per soort, and whether
    the result adds up to the opgave."""
    from ..opmaak import getal

    def over(n: int) -> str:
        return f"{getal(n)} {'gemeente' if n == 1 else 'gemeenten'}"

    r, som, opgave = v.restopgave, v.totaal, v.opgave
    delen = [
        f"{v.provincie}: de restopgave van {getal(r.regulier)} reguliere plekken is verdeeld over "
        f"{over(len(v.ontvangers('regulier')))}, die van {getal(r.amv)} amv-plekken over "
        f"{over(len(v.ontvangers('amv')))}",
        f"na de verdeling {getal(som.regulier)} regulier en {getal(som.amv)} amv"
        + (
            ", gelijk aan de opgave"
            if som == opgave
            else f" bij een opgave van {getal(opgave.regulier)} regulier en {getal(opgave.amv)} amv"
        ),
    ]
    if v.onverdeeld.totaal:
        delen.append(
            f"niet te plaatsen onder het plafond: {getal(v.onverdeeld.regulier)} regulier en "
            f"{getal(v.onverdeeld.amv)} amv"
        )
    delen.append("simulatie, geen besluit")
    if vergelijking is not None:
        delen.append(
            f"{vergelijking.gelijk} van {len(vergelijking.rijen)} rijen gelijk aan {vergelijking.bron}"
        )
    return "; ".join(delen)


def _laad_voor(map: Path) -> Config:
    from ..config import laad_config

    return laad_config(map if map.is_dir() else map.parent)


def _tekst(vorm: str, v: Verdeling, vergelijking: Vergelijking | None, sjablonen: Path | None = None) -> str:
    import json

    from ..rapport.verdeling import document
    from ..verdeling.uitvoer import als_dict

    if vorm == "json":
        return json.dumps(als_dict(v, vergelijking), ensure_ascii=False, indent=2) + "\n"
    return str(document(v, vorm, vergelijking, sjablonen))


def _toon(
    t: console.Terminal, v: Verdeling, gemeente: str | None, uitleg: bool, vergelijking: Vergelijking | None
) -> None:
    from ..opmaak import getal
    from ..verdeling.uitvoer import (
        GETALKOLOMMEN,
        KOPPEN,
        VERGELIJK_KOPPEN,
        stappenrijen,
        tabelrijen,
        vergelijkrijen,
    )

    def cel(waarde: object) -> str:
        return getal(waarde) if isinstance(waarde, int) else ("" if waarde is None else str(waarde))

    t.tabel(
        f"Verdeling van de restopgave, {v.provincie} (simulatie)",
        ["Stap", "Regulier", "Amv", "Totaal"],
        [[cel(w) for w in rij] for rij in stappenrijen(v)],
        rechts={1, 2, 3},
    )
    rijen, totaal = tabelrijen(v)
    if gemeente:
        naam = next(g.naam for g in v.gemeenten if g.cbs_code == gemeente)
        rijen, totaal = [r for r in rijen if r[0] == naam], set()
    t.tabel(
        "Per gemeente",
        KOPPEN,
        [[cel(w) for w in rij] for rij in rijen],
        rechts=GETALKOLOMMEN,
        totaalrijen=totaal,
    )
    if uitleg:
        for g in v.gemeenten:
            if gemeente and g.cbs_code != gemeente:
                continue
            t.toon(g.naam, stijl="nadruk")
            for regel in g.uitleg:
                t.toon("  ", regel)
    if vergelijking is not None:
        t.tabel(
            f"Vergelijking met {vergelijking.bron}: {vergelijking.gelijk} van {len(vergelijking.rijen)} rijen gelijk",  # noqa: E501
            VERGELIJK_KOPPEN,
            [[cel(w) for w in rij] for rij in vergelijkrijen(vergelijking)],
            rechts={1, 2, 3, 4, 5, 6},
        )
