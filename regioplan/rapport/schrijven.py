"""Render the report templates and write the files, byte for byte reproducible.

No clock is read anywhere: the date on the report comes from the caller or the workbooks. Output is
UTF-8 with ``\\n`` line ends, trailing spaces removed and runs of blank lines folded, so small
whitespace differences in templates never show up as changes in a versioned report. Each file is written
atomically (:func:`regioplan.uitvoer.schrijf`): a reader never sees a half-written report.
"""

from __future__ import annotations

import datetime as dt
import re
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.exceptions import SecurityError

from ..fouten import RegioplanFout
from ..resultaat import Resultaat
from ..uitvoer import maak_map, schrijf
from ..verschil.vergelijk import Verschil
from .context import Context, bouw_context
from .omgeving import maak_omgeving

if TYPE_CHECKING:
    from .parallel import Voortgang

FORMATEN = ("md", "html", "pdf", "docx")
TEKSTFORMATEN = ("md", "html")  #: rendered by a template of that name; pdf and docx are made from the HTML


def _plek_in_sjabloon(fout: BaseException) -> str:
    """``regionaal-plan.html.j2, regel 12`` for an error raised while rendering (Jinja keeps template
    frames)."""
    for frame in reversed(traceback.extract_tb(fout.__traceback__)):
        if frame.filename.endswith(".j2") or "/templates/" in frame.filename:
            return f"{Path(frame.filename).name}, regel {frame.lineno}"
    return "onbekende plek"


def _verboden(fout: SecurityError) -> str:
    """What the sandbox refused, in Dutch: ``het attribuut '__class__'`` or a general description."""
    attribuut = re.search(r"attribute '([^']*)'", str(fout))
    return f"het attribuut '{attribuut[1]}'" if attribuut else "deze bewerking"


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
    return _netjes(render_sjabloon(f"{context.sjabloon}.{formaat}.j2", context.variabelen(), sjablonen))


def render_sjabloon(naam: str, variabelen: dict[str, Any], sjablonen: Path | None = None) -> str:
    """One template by name (user folder first), with Jinja's errors as a coded ``sjabloon-fout``."""
    env = maak_omgeving(sjablonen)
    try:
        return env.get_template(naam).render(variabelen)
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
    except SecurityError as fout:  # the sandbox (rapport.omgeving): Python internals or a changed context
        raise RegioplanFout(
            "sjabloon-fout",
            f"{_plek_in_sjabloon(fout)}: {_verboden(fout)} is in een sjabloon niet toegestaan.",
            "Een sjabloon leest de variabelen uit docs/sjablonen.md en gebruikt de filters; het kan niet "
            "bij de binnenkant van Python en verandert de rapportgegevens niet.",
        ) from fout
    except RegioplanFout:
        raise
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as fout:
        if sjablonen is None:
            raise  # a bug of ours in a built-in template: the CLI reports it as an internal error
        raise RegioplanFout(
            "sjabloon-fout",
            f"{_plek_in_sjabloon(fout)}: "
            + (
                "deling door nul."
                if isinstance(fout, ZeroDivisionError)
                else f"de bewerking lukt niet ({type(fout).__name__}: {fout})."
            ),
            "Controleer de berekening of de opmaak op die regel van het eigen sjabloon.",
        ) from fout


def controleer_formaten(formaten: Sequence[str], word_sjabloon: Path | None = None) -> None:
    """Fail early, before any workbook is read: an unknown format, or a missing PDF/Word library."""
    onbekend = [f for f in formaten if f not in FORMATEN]
    if onbekend or not formaten:
        raise RegioplanFout(
            "optie-ongeldig",
            f"Onbekend formaat: {', '.join(onbekend) or '(geen)'}.",
            f"Kies uit {', '.join(FORMATEN)}.",
        )
    if "pdf" in formaten:
        from .pdf import weasyprint_module

        weasyprint_module()
    if "docx" in formaten or word_sjabloon is not None:
        from .word import docx_module, open_sjabloon

        docx_module()
        if word_sjabloon is not None:
            open_sjabloon(word_sjabloon)


def pdf_bladen(context: Context, sjablonen: Path | None = None) -> tuple[str, str]:
    """The two stylesheets a PDF adds to the HTML: the rendered ``pdf.css.j2`` and ``pdf-grafiek.css``."""
    from .pdf import pdf_context

    variabelen = context.variabelen()
    css = render_sjabloon("pdf.css.j2", {**variabelen, "pdf": pdf_context(context)}, sjablonen)
    return css, render_sjabloon("pdf-grafiek.css", variabelen, sjablonen)


def render_pdf(context: Context, html: str, sjablonen: Path | None = None) -> bytes:
    """The PDF of a report from its rendered HTML (see :mod:`.pdf`)."""
    from .pdf import maak_pdf

    return maak_pdf(html, *pdf_bladen(context, sjablonen), context)


def render_docx(context: Context, html: str, word_sjabloon: Path | None = None) -> bytes:
    """The Word document of a report from its rendered HTML (see :mod:`.word`)."""
    from .word import maak_docx

    return maak_docx(html, context, word_sjabloon)


def schrijf_rapport(
    resultaat: Resultaat,
    regio: str,
    uit: Path,
    *,
    formaten: Sequence[str] = TEKSTFORMATEN,
    datum: dt.date | None = None,
    sjablonen: Path | None = None,
    word_sjabloon: Path | None = None,
    vorige: Verschil | None = None,
) -> list[Path]:
    """Write the regional plan (or, for the province key, the provincial verslag) in each format.

    ``formaten`` is any of md, html, pdf and docx; pdf and docx are made from the rendered HTML, so they
    show the same chapters, tables and figures. ``word_sjabloon`` is a .docx whose styles the Word
    document takes (``--word-sjabloon``). ``vorige``: the comparison with the previous round, for the
    chapter "Ontwikkeling sinds de vorige ronde". Returns the written paths in the order of ``formaten``.
    """
    return schrijf_rapport_met_context(
        resultaat,
        regio,
        uit,
        formaten=formaten,
        datum=datum,
        sjablonen=sjablonen,
        word_sjabloon=word_sjabloon,
        vorige=vorige,
    )[1]


def schrijf_rapport_met_context(
    resultaat: Resultaat,
    regio: str,
    uit: Path,
    *,
    formaten: Sequence[str] = TEKSTFORMATEN,
    datum: dt.date | None = None,
    sjablonen: Path | None = None,
    word_sjabloon: Path | None = None,
    vorige: Verschil | None = None,
) -> tuple[Context, list[Path]]:
    """:func:`schrijf_rapport`, also returning the report context (the publication index needs its titles)."""
    controleer_formaten(formaten, word_sjabloon)
    context = bouw_context(resultaat, regio, datum, vorige)
    gevraagd = list(dict.fromkeys(formaten))
    html = render(context, "html", sjablonen) if {"html", "pdf", "docx"} & set(gevraagd) else ""
    inhoud: dict[str, bytes] = {}
    for formaat in gevraagd:
        if formaat == "html":
            inhoud[formaat] = html.encode("utf-8")
        elif formaat == "md":
            inhoud[formaat] = render(context, "md", sjablonen).encode("utf-8")
        elif formaat == "pdf":
            inhoud[formaat] = render_pdf(context, html, sjablonen)
        else:
            inhoud[formaat] = render_docx(context, html, word_sjabloon)
    maak_map(uit)
    return context, [
        schrijf(uit / f"{context.bestandsnaam}.{formaat}", data) for formaat, data in inhoud.items()
    ]


def schrijf_set(
    resultaat: Resultaat,
    sleutels: Sequence[str],
    uit: Path,
    *,
    formaten: Sequence[str],
    datum: dt.date | None = None,
    sjablonen: Path | None = None,
    word_sjabloon: Path | None = None,
    vorige: Verschil | None = None,
    processen: int | None = None,
    voortgang: Callable[[Voortgang], None] | None = None,
) -> list[tuple[Context, list[Path]]]:
    """:func:`schrijf_rapport_met_context` for each key, in parallel processes when PDF or Word is asked
    (:mod:`.parallel`; ``processen`` None: one per core), the provincial verslag started first. The result is
    in the order of ``sleutels``; the files are the same whatever the number of processes."""
    from .parallel import aantal_processen, per_rapport

    taak = partial(
        schrijf_rapport_met_context,
        resultaat,
        uit=uit,
        formaten=formaten,
        datum=datum,
        sjablonen=sjablonen,
        word_sjabloon=word_sjabloon,
        vorige=vorige,
    )
    aantal = aantal_processen(len(sleutels), formaten, processen)
    return per_rapport(sleutels, taak, aantal, voortgang, eerst=[resultaat.config.provincie_sleutel])
