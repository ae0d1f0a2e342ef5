"""`regioplan rapport`: the regional plan or the provincial verslag in Markdown and HTML."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, console, opties

if TYPE_CHECKING:
    from ..config import Config
    from ..rapport.parallel import Voortgang


class Vorm(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"
    beide = "beide"
    alle = "alle"


#: What ``beide`` and ``alle`` stand for; the rest is one format each.
_SAMEN = {Vorm.beide: ("md", "html"), Vorm.alle: ("md", "html", "pdf", "docx")}


def formaten_van(vormen: list[Vorm]) -> tuple[str, ...]:
    """``[md, pdf]`` -> ``("md", "pdf")``; ``beide`` is md + html, ``alle`` every format; each once."""
    uit: dict[str, None] = {}
    for vorm in vormen:
        uit.update(dict.fromkeys(_SAMEN.get(vorm, (vorm.value,))))
    return tuple(uit)


@app.command(
    short_help="Schrijf het regionaal plan of het provinciaal verslag.",
    help=(
        "Schrijf het regionaal plan (--regio twente, --regio ijsselland) of het provinciaal verslag "
        "(--regio met de "
        "naam van de provincie, bv. overijssel) als Markdown, één zelfstandig HTML-bestand, PDF (A4, met "
        "paginanummers en inhoudsopgave) en/of Word (.docx met echte stijlen, om verder te bewerken). "
        "Herhaal --regio "
        "voor meer rapporten, of geef --regio alle voor elke regio plus het provinciaal verslag; de "
        "werkboeken worden "
        "dan één keer gelezen.\n\n"
        "Met --publiceer MAP komt er één map om te publiceren (bv. als GitHub/GitLab Pages): elk "
        "rapport in elk "
        "formaat, het validatieoverzicht, het resultatenwerkboek en een index.html die alles noemt.\n\n"
        "PDF en Word hebben extra pakketten nodig; installeer vanuit de map van regioplan met "
        "pipx install --force '.[pdf,word]' (make rapport doet dat zelf).\n\n"
        "Zelfde invoer geeft byte-gelijke bestanden: de datum in het rapport komt uit --datum, anders "
        "uit de invuldatum "
        "van de werkboeken.\n\n"
        "Voorbeeld: regioplan rapport voorbeelddata/overijssel-2024 --regio twente --uit uitvoer"
    ),
)
def rapport(
    ctx: typer.Context,
    map: opties.Map,
    regio: Annotated[
        list[str] | None,
        typer.Option(
            "--regio",
            "-r",
            metavar="<regio>",
            help="Regio-sleutel, de provincie (provinciaal verslag) of 'alle'; mag vaker. Verplicht, behalve "
            "met --publiceer (dan standaard alle). Zonder --regio noemt regioplan de sleutels van jouw "
            "configuratie; bij Overijssel: twente, ijsselland, overijssel.",
            show_default=False,
        ),
    ] = None,
    formaat: Annotated[
        list[Vorm],
        typer.Option(
            "--formaat",
            "-f",
            help="md, html, pdf, docx, beide (md en html) of alle (alle vier); mag vaker.",
        ),
    ] = [Vorm.beide],  # noqa: B006  (typer reads the default, it is never changed)
    uit: Annotated[Path, typer.Option("--uit", "-o", metavar="<map>", help="Map voor de rapporten.")] = Path(
        "uitvoer"
    ),
    datum: Annotated[
        str | None,
        typer.Option(
            "--datum",
            metavar="<datum>",
            help="Datum op het rapport: DD-MM-JJJJ of JJJJ-MM-DD, zoals 01-12-2026.",
            show_default=False,
        ),
    ] = None,
    sjablonen: Annotated[
        Path | None,
        typer.Option(
            "--sjablonen",
            metavar="<map>",
            help="Map met eigen Jinja-sjablonen die de ingebouwde op naam vervangen.",
            show_default=False,
        ),
    ] = None,
    vorige: Annotated[
        str | None,
        typer.Option(
            "--vorige",
            metavar="<ronde>",
            help=(
                "De vorige ronde (map of REF:pad, zoals bij verschil): voegt het hoofdstuk 'Ontwikkeling "
                "sinds de "
                "vorige ronde' toe met de gewijzigde cijfers en hun redenen per gemeente."
            ),
            show_default=False,
        ),
    ] = None,
    word_sjabloon: Annotated[
        Path | None,
        typer.Option(
            "--word-sjabloon",
            metavar="<bestand>",
            help="Een Word-document (.docx) met de huisstijl: het Word-rapport neemt er de stijlen (Kop 1, "
            "Bijschrift, de tabelstijl Rapporttabel), de pagina-opmaak en de kop- en voettekst van over.",
            show_default=False,
        ),
    ] = None,
    publiceer: Annotated[
        Path | None,
        typer.Option(
            "--publiceer",
            metavar="<map>",
            help="Schrijf een publicatiemap: alle rapporten in alle formaten, validatieoverzicht, "
            "resultatenwerkboek en index.html.",
            show_default=False,
        ),
    ] = None,
    config: opties.Config = None,
    processen: Annotated[
        int | None,
        typer.Option(
            "--processen",
            min=1,
            metavar="<aantal>",
            help="Hoeveel rapporten tegelijk gemaakt worden als er PDF of Word bij is (elk in een eigen "
            "proces). Standaard één per processorkern; 1 maakt ze één voor één. De bestanden zijn hoe "
            "dan ook gelijk.",
            show_default=False,
        ),
    ] = None,
) -> None:
    from ..api import configuratie, schrijf_rapporten
    from ..api import publiceer as _publiceer
    from ..fouten import RegioplanFout
    from ..peildata import DATUMVORMEN, PeildataFout, lees_optiedatum

    try:
        d = lees_optiedatum(datum, "--datum") if datum is not None else None
    except PeildataFout as fout:
        raise RegioplanFout("optie-ongeldig", str(fout), f"Schrijf de datum als {DATUMVORMEN}.") from None
    gebruikt = configuratie(map, config)
    if not regio and publiceer is None:  # required unless --publiceer: a usage error like click's own
        keuzes = ", ".join(
            [r.sleutel for r in gebruikt.regios]
            + ([gebruikt.provincie_sleutel] if gebruikt.hele_provincie else [])
        )
        ctx.fail(f"Ontbrekende optie '--regio' / '-r'. Kies uit: {keuzes}, of 'alle' voor allemaal.")
    console.melding(f"configuratie: {gebruikt.herkomst}")
    formaten = formaten_van(formaat)
    if word_sjabloon is not None and "docx" not in formaten and publiceer is None:
        formaten += ("docx",)
    voortgang = _voortgang(gebruikt, regio or [], formaten if publiceer is None else ("pdf",), processen)
    if publiceer is not None:
        publicatie = _publiceer(
            map,
            regio or [],
            publiceer,
            datum=d,
            sjablonen=sjablonen,
            word_sjabloon=word_sjabloon,
            config=gebruikt,
            processen=processen,
            voortgang=voortgang,
        )
        t = console.terminal()
        for pad in publicatie.paden:
            t.geschreven(pad)
        t.meld(
            f"publicatiemap met {publicatie.rapporten} "
            f"{'rapport' if publicatie.rapporten == 1 else 'rapporten'} geschreven: {publicatie.index}"
        )
        _meld_concept(publicatie.bevindingen.fouten)
        return
    geschreven = schrijf_rapporten(
        map,
        regio or [],
        uit,
        formaten=formaten,
        datum=d,
        sjablonen=sjablonen,
        word_sjabloon=word_sjabloon,
        config=gebruikt,
        vorige=vorige,
        processen=processen,
        voortgang=voortgang,
    )
    t = console.terminal()
    for pad in geschreven.paden:
        t.geschreven(pad)
    aantal = len(geschreven.paden) // len(formaten)
    t.meld(f"{aantal} {'rapport' if aantal == 1 else 'rapporten'} geschreven in {uit}")
    _meld_concept(geschreven.bevindingen.fouten)


def _voortgang(
    gebruikt: Config, regios: list[str], formaten: tuple[str, ...], processen: int | None
) -> Callable[[Voortgang], None] | None:
    """Progress on stderr for slow reports (PDF or Word take seconds each): a line before, and for a set one
    per finished report. ``None`` (no lines) for text formats only: those take no time."""
    from ..rapport.context import rapport_sleutels
    from ..rapport.parallel import TRAGE_FORMATEN, aantal_processen

    sleutels = rapport_sleutels(gebruikt, regios or ["alle"])
    if not TRAGE_FORMATEN & set(formaten):
        return None
    if len(sleutels) == 1:  # no silent wait: say what takes the time
        console.melding(f"rapport {sleutels[0]} maken; met PDF of Word duurt dat enkele seconden")
        return None
    n = aantal_processen(len(sleutels), formaten, processen)
    console.melding(
        f"{len(sleutels)} rapporten maken, {'één voor één' if n == 1 else f'{n} tegelijk'}; "
        "met PDF of Word duurt dat enkele seconden per rapport"
    )

    def meld(v: Voortgang) -> None:
        console.melding(f"klaar ({v.nummer} van {v.totaal}): {v.sleutel}")

    return meld


def _meld_concept(fouten: int) -> None:
    """Errors in the input do not stop a report (it is marked "concept"), but the person at the terminal or
    reading the CI log must see it too."""
    if fouten:
        console.terminal().meld(
            ("let op:", "waarschuwing"),
            f" de invoer heeft {fouten} {'fout' if fouten == 1 else 'fouten'}; de rapporten zijn als concept "
            "gemarkeerd. Zie regioplan valideer.",
        )
