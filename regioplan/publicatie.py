"""The publication folder (``regioplan rapport --publiceer MAP``): everything a coordinator publishes, in
one folder.

The folder is self-contained (only relative links, no outside resources), fit for GitHub or GitLab Pages:

- every report (``--regio alle`` by default: each regio and the provincial verslag) as HTML, PDF, Word and
  Markdown;
- ``resultaten.xlsx`` and ``resultaten.json``: every figure, as ``regioplan bereken --uit``;
- ``validatie.json`` and ``validatie.md``: every finding, as ``regioplan valideer``;
- ``index.html``: lists all of it, with the date of the data and the validation overview per file.

The workbooks are read, checked and computed once. Same input, same bytes: no clock is read, the index
shows the date of the data (latest 'datum invulling', or ``--datum``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .berekening import bereken
from .config import Config
from .controles import Validatie
from .export import als_json, schrijf_xlsx
from .rapport.parallel import Voortgang
from .resultaat import Telling, gebiedsnaam
from .uitvoer import maak_map, schrijf, weiger_invoer
from .weergave import als_json as validatie_json
from .weergave import als_markdown

#: The formats of every report in the folder, in the order the index shows them.
FORMATEN = ("html", "pdf", "docx", "md")
LABELS = {"html": "HTML", "pdf": "PDF", "docx": "Word", "md": "Markdown"}


@dataclass(frozen=True)
class Publicatie:
    """What :func:`schrijf_publicatie` wrote: the folder, its index and every file, index last."""

    map: Path
    index: Path
    paden: list[Path]
    rapporten: int
    bevindingen: Telling  #: findings in the input: with errors the reports are marked "concept"


def _grootte(pad: Path) -> str:
    n = pad.stat().st_size
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{round(n / 1024)} kB"
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


def schrijf_publicatie(
    pad: Path,
    regios: Sequence[str],
    uit: Path,
    *,
    config: Config,
    datum: dt.date | None = None,
    sjablonen: Path | None = None,
    word_sjabloon: Path | None = None,
    processen: int | None = None,
    voortgang: Callable[[Voortgang], None] | None = None,
) -> Publicatie:
    """Write the publication folder ``uit`` for the reports ``regios`` (empty: ``alle``).

    The reports are made in parallel processes (``processen``, see :mod:`regioplan.rapport.parallel`);
    ``voortgang`` is called after each finished report."""
    from .api import lees
    from .rapport.context import rapport_sleutels, rapportdatum
    from .rapport.schrijven import (
        controleer_formaten,
        render_sjabloon,
        schrijf_set,
    )

    sleutels = rapport_sleutels(config, list(regios) or ["alle"])
    controleer_formaten(FORMATEN, word_sjabloon)
    weiger_invoer(uit / "resultaten.xlsx", pad)  # never a results workbook among the submissions
    invoer = lees(pad, config)
    validatie = Validatie.van(invoer)
    resultaat = bereken(invoer)
    maak_map(uit)

    gemaakt = schrijf_set(
        resultaat,
        sleutels,
        uit,
        formaten=FORMATEN,
        datum=datum,
        sjablonen=sjablonen,
        word_sjabloon=word_sjabloon,
        processen=processen,
        voortgang=voortgang,
    )
    paden: list[Path] = []
    rapporten = []
    for context, geschreven in gemaakt:
        paden += geschreven
        rapporten.append(
            {
                "titel": context.titel,
                "ondertitel": context.ondertitel,
                "soort": context.soort,
                "bestanden": [
                    {
                        "formaat": p.suffix[1:],
                        "label": LABELS[p.suffix[1:]],
                        "naam": p.name,
                        "grootte": _grootte(p),
                    }
                    for p in geschreven
                ],
            }
        )

    extra = {
        "resultaten.xlsx": None,
        "resultaten.json": als_json(resultaat).encode("utf-8"),
        "validatie.json": validatie_json(validatie).encode("utf-8"),
        "validatie.md": als_markdown(validatie).encode("utf-8"),
    }
    for naam, inhoud in extra.items():
        doel = uit / naam
        if inhoud is None:
            schrijf_xlsx(resultaat, doel)  # atomic too (regioplan.uitvoer)
        else:
            schrijf(doel, inhoud)
        paden.append(doel)

    data_datum, bron = rapportdatum(resultaat.gemeenten, datum)
    index_context = {
        "provincie": config.provincie,
        # what the folder is about: the province, or (a folder of part of it) its regio's, "deel van ..."
        "gebied": gebied(config),
        "cyclus": config.cyclus.naam,
        "datum": data_datum,
        "datum_bron": bron,
        "met_gegevens": resultaat.provincie.levering.met_gegevens,
        "versie": __version__,
        "rapporten": rapporten,
        "bestanden": [
            {
                "naam": "resultaten.xlsx",
                "grootte": _grootte(uit / "resultaten.xlsx"),
                "wat": "alle cijfers per gemeente, regio en provincie (Excel)",
            },
            {
                "naam": "resultaten.json",
                "grootte": _grootte(uit / "resultaten.json"),
                "wat": "dezelfde cijfers als JSON",
            },
            {
                "naam": "validatie.md",
                "grootte": _grootte(uit / "validatie.md"),
                "wat": "alle bevindingen van de controle (Markdown)",
            },
            {
                "naam": "validatie.json",
                "grootte": _grootte(uit / "validatie.json"),
                "wat": "dezelfde bevindingen als JSON",
            },
        ],
        "validatie": {
            "samenvatting": validatie.samenvatting(),
            "fouten": validatie.fouten,
            "waarschuwingen": validatie.waarschuwingen,
            "overzicht": validatie.overzicht,
            "bevindingen": [{**b.als_dict(), "plaats": b.plaats} for b in validatie.bevindingen],
        },
    }
    index = uit / "index.html"
    schrijf(index, _netjes(render_sjabloon("publicatie.html.j2", index_context, sjablonen)).encode("utf-8"))
    paden.append(index)
    return Publicatie(uit, index, paden, len(rapporten), resultaat.bevindingen)


def gebied(config: Config) -> str:
    """The area a publication is about: ``Overijssel``; for a folder of one regio ``Twente``, of some
    ``Noord en Oost (deel van Gelderland)`` (the rule of :func:`regioplan.resultaat.totaalnaam_van`)."""
    return gebiedsnaam(config.provincie, config.hele_provincie, [r.naam for r in config.regios])


def _netjes(tekst: str) -> str:
    from .rapport.schrijven import _netjes as netjes

    return netjes(tekst)
