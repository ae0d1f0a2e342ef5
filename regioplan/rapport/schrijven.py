"""Render the report templates and write the files, byte for byte reproducible.

No clock is read anywhere: the date on the report comes from the caller or the workbooks. Output is
UTF-8 with ``\\n`` line ends, trailing spaces removed and runs of blank lines folded, so small
whitespace differences in templates never show up as changes in a versioned report. Each file is written
atomically (:func:`regioplan.uitvoer.schrijf`): a reader never sees a half-written report.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Sequence
from pathlib import Path

import jinja2

from ..fouten import RegioplanFout
from ..resultaat import Resultaat
from ..uitvoer import maak_map, schrijf
from ..verschil.vergelijk import Verschil
from .context import Context, bouw_context
from .omgeving import maak_omgeving

FORMATEN = ("md", "html")


def _plek_in_sjabloon(fout: BaseException) -> str:
    """``regionaal-plan.html.j2, regel 12`` for an error raised while rendering (Jinja keeps template
    frames)."""
    for frame in reversed(traceback.extract_tb(fout.__traceback__)):
        if frame.filename.endswith(".j2") or "/templates/" in frame.filename:
            return f"{Path(frame.filename).name}, regel {frame.lineno}"
    return "onbekende plek"


def _netjes(tekst: str) -> str:
    """Trailing spaces off, at most one blank line in a row, no blank lines at the ends, one final newline."""
    regels: list[str] = []
    for regel in tekst.replace("\r\n", "\n").split("\n"):
        regel = regel.rstrip()
        if regel or (regels and regels[-1]):  # a blank line only right after text (a line loop: a regex over
            regels.append(regel)  # the megabytes of a national run took three times as long)
    return "\n".join(regels).strip("\n") + "\n"


def render(context: Context, formaat: str, sjablonen: Path | None = None) -> str:
    """The text of one report in ``formaat`` (md or html) from a context made by :func:`bouw_context`."""
    env = maak_omgeving(sjablonen)
    naam = f"{context.sjabloon}.{formaat}.j2"
    try:
        return _netjes(env.get_template(naam).render(context.variabelen()))
    except jinja2.TemplateNotFound as fout:
        raise RegioplanFout(
            "sjabloon-fout",
            f"Sjabloon '{fout.name}' niet gevonden.",
            "Een eigen sjabloon in --sjablonen moet dezelfde naam hebben als het ingebouwde.",
        ) from fout
    except jinja2.TemplateSyntaxError as fout:
        raise RegioplanFout(
            "sjabloon-fout",
            f"{fout.name or naam}, regel {fout.lineno}: {fout.message}",
            "Controleer de Jinja-syntaxis van dit sjabloon.",
        ) from fout
    except jinja2.UndefinedError as fout:
        raise RegioplanFout(
            "sjabloon-fout",
            f"{_plek_in_sjabloon(fout)}: {fout.message}",
            "Zie docs/sjablonen.md voor alle variabelen die een sjabloon kan gebruiken.",
        ) from fout


def schrijf_rapport(
    resultaat: Resultaat,
    regio: str,
    uit: Path,
    *,
    formaten: Sequence[str] = FORMATEN,
    datum: dt.date | None = None,
    sjablonen: Path | None = None,
    vorige: Verschil | None = None,
) -> list[Path]:
    """Write the regional plan (or, for the province key, the provincial verslag) in each format.

    ``vorige``: the comparison with the previous round, for the chapter "Ontwikkeling sinds de vorige ronde".
    """
    onbekend = [f for f in formaten if f not in FORMATEN]
    if onbekend or not formaten:
        raise RegioplanFout(
            "optie-ongeldig",
            f"Onbekend formaat: {', '.join(onbekend) or '(geen)'}.",
            "Kies md, html of beide.",
        )
    context = bouw_context(resultaat, regio, datum, vorige)
    teksten = {f: render(context, f, sjablonen) for f in dict.fromkeys(formaten)}
    maak_map(uit)
    return [schrijf(uit / f"{context.bestandsnaam}.{formaat}", tekst) for formaat, tekst in teksten.items()]
