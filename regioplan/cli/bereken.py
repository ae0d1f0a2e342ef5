"""`regioplan bereken`: every figure of the plans, per gemeente, regio and province."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from ..opmaak import datum, ligt_in, opgave
from . import app, console, opties

if TYPE_CHECKING:
    from ..resultaat import Resultaat


class Vorm(str, Enum):
    tekst = "tekst"
    json = "json"


def _peildata(waarde: str | None) -> tuple[dt.date, ...]:
    """Click callback: ``--peildata`` read by :func:`regioplan.peildata.lees_peildata`, a usage error
    otherwise."""
    from ..peildata import UITLEG, PeildataFout, lees_peildata

    if waarde is None:
        return ()
    try:
        return lees_peildata(waarde)
    except PeildataFout as fout:
        raise typer.BadParameter(f"{fout} {UITLEG}") from None


@app.command(
    short_help="Reken opgave, realisatie en tekort uit, per gemeente en regio.",
    help=(
        "Bereken opgaven, realisatie (volgens de cyclusregel), voornemens en tekorten per gemeente, regio en "
        "provincie, "
        "voor asiel (incl. amv), Oekraïne en statushouders.\n\n"
        "Voorbeelden:\n\n"
        "  regioplan bereken voorbeelddata/overijssel-2024\n\n"
        "  regioplan bereken MAP --gemeente Hengelo --uitleg\n\n"
        "  regioplan bereken MAP --peildata 2025-01..2025-12 --uit tijdlijn.xlsx\n\n"
        "  regioplan bereken MAP --gemeente Hengelo --peildata 15-11-2022..01-07-2023 --uitleg"
    ),
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
            metavar="<bestand>",
            help="Schrijf naar resultaten.json, .xlsx of .csv (één csv per tabel).",
            show_default=False,
        ),
    ] = None,
    gemeente: Annotated[
        str | None,
        typer.Option(
            "--gemeente",
            "-g",
            metavar="<gemeente>",
            help=(
                "Alleen deze gemeente (naam of CBS-code), in elke uitvoer (tekst, json, xlsx, csv, "
                "tijdlijn), "
                "met de totalen van haar regio en de provincie ter vergelijking."
            ),
            show_default=False,
        ),
    ] = None,
    uitleg: Annotated[
        bool,
        typer.Option(
            "--uitleg",
            help=(
                "Toon per asiel- en GOO-locatie of ze meetelt en waarom, welke plekken via uitruil in welk "
                "cijfer zitten, en met --peildata de capaciteit in gebruik per locatie per peildatum."
            ),
        ),
    ] = False,
    peildata: Annotated[
        str | None,  # the callback turns it into a tuple of dates
        typer.Option(
            "--peildata",
            metavar="<datums>",
            help=(
                "Tijdlijn: de capaciteit in gebruik op elke peildatum, per gemeente, regio en provincie. "
                "Datums als 2022-11-15 of 15-11-2022, gescheiden door komma's; een reeks VAN..TOT geeft één "
                "peildatum per maand op de dag van VAN, tot en met TOT (2025-01..2025-12: de eerste van elke "
                "maand). In gebruik op een peildatum: gestart op of vóór die dag en niet vóór die dag "
                "geëindigd (de einddatum is de laatste dag in gebruik; 'onbepaald' en 'onbekend' als einde "
                "tellen als nog in gebruik). Telt alle capaciteit, ook plekken die niet voor de cyclus "
                "meetellen (telt mee = nee, geen besluit)."
            ),
            show_default=False,
            callback=_peildata,
        ),
    ] = None,
    config: opties.Config = None,
) -> None:
    from pathlib import Path

    from ..api import bereken as _bereken
    from ..api import configuratie
    from ..export import als_json, schrijf

    datums = tuple(peildata or ())  # read by the option's callback
    gebruikt = configuratie(map, config)
    console.melding(f"configuratie: {gebruikt.herkomst}")
    resultaat = _bereken(map, gebruikt, datums)  # type: ignore[arg-type]  # dates: the callback converted them
    if gemeente and resultaat.gemeente(gemeente) is None:
        from ..voorstel import geen_gemeente

        codes = [g.cbs_code for g in resultaat.gemeenten]
        raise geen_gemeente("--gemeente", gemeente, resultaat.config, codes)
    if gemeente:
        from ..resultaat import voor_gemeente

        gekozen = resultaat.gemeente(gemeente)
        assert gekozen is not None
        resultaat = voor_gemeente(resultaat, gekozen.cbs_code)
    t = console.terminal()
    if uit:
        for pad in schrijf(resultaat, Path(uit), invoer=map):
            t.geschreven(pad)
    elif formaat == Vorm.json:
        console.data(als_json(resultaat).rstrip("\n"))
    else:
        _toon(resultaat, gemeente, uitleg)
    from ..opmaak import getal
    from ..resultaat import totaalnaam

    b = resultaat.bevindingen
    p = resultaat.provincie.asiel
    n = len(resultaat.gemeenten)
    fouten = f"{getal(b.fouten)} {'fout' if b.fouten == 1 else 'fouten'}"
    waarsch = f"{getal(b.waarschuwingen)} {'waarschuwing' if b.waarschuwingen == 1 else 'waarschuwingen'}"
    # the whole province, the regio of a one-regio folder, or the regio's of the folder
    waar = (totaalnaam(resultaat) or f"Totaal {resultaat.config.regios[0].naam}").removeprefix("Totaal ")
    t.meld(
        f"{n} {'gemeente' if n == 1 else 'gemeenten'}; asiel geldig in {waar} "
        f"{getal(p.geldig)} van {getal(p.opgave)}; {fouten} en {waarsch} in de invoer "
        "(zie regioplan valideer)"
    )
    raise typer.Exit(0)


def _toon(resultaat: Resultaat, gemeente: str | None, uitleg: bool) -> None:
    from ..opmaak import getal, procent
    from ..tabellen import tabellen

    t = console.terminal()
    g = resultaat.gemeente(gemeente) if gemeente else None
    if not uitleg:
        for tab in tabellen(resultaat):
            if tab.naam in ("locaties", "uitruil"):  # exports only; --uitleg shows them per gemeente
                continue
            if tab.naam == "tijdlijn":
                _toon_tijdlijn(tab, getal)
                continue
            rijen = [(i, rij) for i, rij in enumerate(tab.rijen) if g is None or rij[0] == g.naam]
            cellen = [
                [_cel(k, v, getal, procent) for k, v in zip(tab.koppen, rij, strict=True)] for _, rij in rijen
            ]
            for rij_cellen, (i, _) in zip(cellen, rijen, strict=True):
                if i in tab.geen_gegevens:  # the figures are unknown, not 0: say so in the first empty cell
                    eerste = next(k for k, v in enumerate(tab.rijen[i]) if k > 0 and v is None)
                    rij_cellen[eerste] = ("geen gegevens", "zacht")
            totaal = {j for j, (i, _) in enumerate(rijen) if i in tab.totaalrijen}
            t.tabel(tab.titel, tab.koppen, cellen, rechts=tab.getalkolommen, totaalrijen=totaal)
        return
    for x in resultaat.gemeenten:
        if g is not None and x.cbs_code != g.cbs_code:
            continue
        a = x.asiel
        t.toon(f"{x.naam}: asiellocaties en de cyclusregel", stijl="nadruk")
        for loc in a.locaties:
            if loc.alleen_uitruil:
                continue  # an exchange, no location: the UITRUIL lines below say what it moves
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
                delen.append(f"; {ligt_in(loc.ligt_in)} (uitruil)")
            delen.append(_uitruiltekst(resultaat, loc))
            delen.append(_in_gebruik(resultaat, loc.startdatum, loc.einddatum))
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
            f"procesfase {x.procesfase or 'geen (geen gegevens)'}"
            + (f"; waarvan via uitruil {getal(a.via_uitruil, teken=True)}" if a.via_uitruil else "")
            + (f"; waarvan buiten de provincie {getal(a.buiten_provincie)}" if a.buiten_provincie else "")
        )
        from ..regels import goo_uitleg

        o = x.oekraine
        peil = resultaat.peildata.oekraine
        t.toon(f"{x.naam}: GOO-locaties op de peildatum {datum(peil)}", stijl="nadruk")
        for goo in o.locaties:
            if goo.alleen_uitruil:
                continue
            t.toon(
                (f"  {'TELT MEE' if goo.open else 'telt niet':<10} ", "goed" if goo.open else "zacht"),
                f"{goo.locatie} ({goo.capaciteit.tekst}, {goo.soort}): ",
                goo_uitleg(goo.opening, goo.sluiting, goo.open, goo.override, goo.toelichting, peil),
                _uitruiltekst(resultaat, goo),
                _in_gebruik(resultaat, goo.opening, goo.sluiting),
            )
        t.toon(
            f"Realisatie {getal(o.realisatie)} van opgave {getal(o.opgave)}: "
            f"verschil {getal(o.verschil, teken=True)}; in ontwikkeling {getal(o.in_ontwikkeling)}"
            + (f"; waarvan via uitruil {getal(o.via_uitruil, teken=True)}" if o.via_uitruil else "")
        )
        for afspraak in resultaat.afspraken:
            if x.naam in (afspraak.leverancier, afspraak.ontvanger):
                t.toon(
                    f"  UITRUIL    {afspraak.leverancier} -> {afspraak.ontvanger}, {afspraak.plekken} plekken "  # noqa: E501
                    f"{opgave(afspraak.opgave)} ({afspraak.status}): {afspraak.uitleg}"
                )


def _uitruiltekst(resultaat: Resultaat, rij) -> str:
    """Which exchange put this row in the figures (rows an exchange adds), in Dutch."""
    if not rij.uitruil_richting:
        return ""
    partner = resultaat.config.naam(rij.uitruil_partner)
    if rij.uitruil_richting == "ontvangt":
        return f"; via uitruil ontvangen van {partner}"
    return f"; via uitruil geleverd aan {partner} (telt hier negatief)"


def _in_gebruik(resultaat: Resultaat, start, eind) -> str:
    """With --peildata: on which peildata the location is in use (the timeline's rule)."""
    from ..regels import actief_op

    if resultaat.tijdlijn is None:
        return ""
    ja = [datum(p) for p in resultaat.tijdlijn.peildata if actief_op(start, eind, p)]
    if not ja:
        return "; in gebruik op geen van de peildata"
    if len(ja) == len(resultaat.tijdlijn.peildata):
        return "; in gebruik op elke peildatum"
    return f"; in gebruik op {', '.join(ja)}"


def _toon_tijdlijn(tab, getal) -> None:
    """The timeline in column groups that fit the terminal: the four label columns repeat in each group,
    so no figure is cut off however many peildata there are."""
    import shutil

    t = console.terminal()
    breedte = shutil.get_terminal_size((100, 24)).columns
    labels = 4
    label_b = sum(max([len(tab.koppen[k]), *(len(str(r[k])) for r in tab.rijen)]) + 3 for k in range(labels))
    kolom_b = max([10, *(len(getal(v)) for r in tab.rijen for v in r[labels:])]) + 3
    per_groep = max(1, (breedte - label_b - 4) // kolom_b)
    datums = list(range(labels, len(tab.koppen)))
    groepen = [datums[i : i + per_groep] for i in range(0, len(datums), per_groep)] or [[]]
    for n, groep in enumerate(groepen, start=1):
        kolommen = [*range(labels), *groep]
        titel = tab.titel if len(groepen) == 1 else f"{tab.titel} ({n}/{len(groepen)})"
        cellen: list[list[console.Deel]] = [
            [getal(r[k]) if k >= labels else str(r[k]) for k in kolommen] for r in tab.rijen
        ]
        t.tabel(
            titel,
            [tab.koppen[k] for k in kolommen],
            cellen,
            rechts=set(range(labels, len(kolommen))),
            totaalrijen=set(tab.totaalrijen),
        )


def _cel(kop: str, waarde: object, getal: Callable[..., str], procent: Callable[..., str]) -> console.Deel:
    if kop.startswith("%"):
        return procent(waarde)
    if kop == "Verschil" and isinstance(waarde, int):
        return (getal(waarde, teken=True), "tekort") if waarde < 0 else getal(waarde, teken=True)
    if isinstance(waarde, int):
        return getal(waarde)
    if isinstance(waarde, dt.date):
        return datum(waarde)
    return "" if waarde is None else str(waarde)
