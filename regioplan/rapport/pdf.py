"""The PDF report: the HTML report laid out on A4 pages by WeasyPrint (the optional extra ``regioplan[pdf]``).

Why WeasyPrint: it is a paged-media engine in Python (CSS Paged Media: running headers, ``counter(pages)``,
``target-counter`` for the table of contents, repeated table headers), it draws inline SVG as vectors, embeds
subsetted fonts, writes tagged PDF (PDF/UA-1) and takes a fixed file identifier, and it needs only Pango from
the system, which these machines already have. The PDF is made from the same HTML as the HTML report, so an
own template (``--sjablonen``) changes both.

What is added for paper lives in two overridable template files: ``pdf.css.j2`` (page size, running header
and footer, page numbers, table of contents with page numbers) and ``pdf-grafiek.css`` (the chart colours:
WeasyPrint does not apply the document's stylesheet inside an SVG, so that sheet goes into each ``<svg>``).

Reproducible: no clock is read. The creation date is the report date, the file identifier a hash of what was
rendered; the same input gives the same bytes. Nothing outside the document is ever fetched: only ``data:``
URLs are allowed, so a file name or a text from a workbook can never make WeasyPrint read a file or the
network.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import logging
import re
from typing import Any, cast

from ..fouten import RegioplanFout
from ..namen import regio_titel
from ..opmaak import datum
from .context import Context

_SVG_OPEN = re.compile(r"(<svg\b[^>]*>)")


def weasyprint_module() -> Any:
    """The ``weasyprint`` module, or a clear Dutch error saying what to install."""
    try:
        import weasyprint
    except ImportError as fout:
        raise RegioplanFout(
            "pdf-niet-beschikbaar",
            "Voor een PDF-rapport is WeasyPrint nodig, en dat is niet geïnstalleerd.",
            "Installeer de PDF-extra vanuit de map van regioplan: pipx install --force '.[pdf]' "
            "(of pipx inject regioplan weasyprint; in een venv: pip install '.[pdf]').",
        ) from fout
    except OSError as fout:  # WeasyPrint is there, the system library Pango is not
        raise RegioplanFout(
            "pdf-niet-beschikbaar",
            f"WeasyPrint kan de systeembibliotheek Pango niet laden ({fout}).",
            "Installeer Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0 (Debian/Ubuntu), "
            "brew install pango (macOS); zie de installatie-instructies van WeasyPrint.",
        ) from fout
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # no CSS chatter on stderr
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def auteur(context: Context) -> str:
    """The author of the document: the regietafel of the regio, the provincial table for the verslag."""
    if context.regio is not None:
        return context.regio.regietafel or f"Regietafel {context.regio.naam}"
    return f"Provinciale Regietafel {context.provincie.naam}"


def pdf_context(context: Context) -> dict[str, str]:
    """The texts of the running header and footer (documented in docs/sjablonen.md under ``pdf``)."""
    if context.regio is not None:
        plek = regio_titel(context.regio.naam)
    else:
        plek = f"Provincie {context.provincie.naam}"
    stand = f"stand {datum(context.datum)}" if context.datum is not None else context.cyclus.naam
    return {
        "kop_links": context.titel,
        "kop_rechts": f"{plek} – {stand}",
        "voet_links": f"{auteur(context)} – {context.cyclus.naam}",
    }


def opmaak(html: str, css: str, grafiek_css: str) -> Any:
    """The HTML report laid out on pages: a ``weasyprint.Document`` (``.pages``, each with its boxes).

    ``css`` is the rendered ``pdf.css.j2``, ``grafiek_css`` the SVG sheet. Only ``data:`` URLs are fetched.
    """
    weasyprint = weasyprint_module()
    if grafiek_css.strip():
        # Inside an <svg> a <style> is parsed as markup, not raw text: escape it like any SVG text.
        blad = htmllib.escape(grafiek_css, quote=False)
        html = _SVG_OPEN.sub(lambda m: f"{m[1]}<style>{blad}</style>", html)
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"})
    return weasyprint.HTML(string=html, url_fetcher=fetcher, base_url="data:,").render(
        stylesheets=[weasyprint.CSS(string=css, url_fetcher=fetcher, base_url="data:,")]
    )


def maak_pdf(html: str, css: str, grafiek_css: str, context: Context) -> bytes:
    """The PDF bytes of an HTML report (:func:`opmaak`, then metadata and a fixed identifier)."""
    document = opmaak(html, css, grafiek_css)
    meta = document.metadata
    meta.authors = [auteur(context)]
    meta.lang = "nl"
    meta.generator = "regioplan"
    stand = context.datum
    meta.created = meta.modified = stand.isoformat() if stand is not None else None
    sleutel = hashlib.sha256(html.encode("utf-8") + b"\0" + css.encode("utf-8")).hexdigest()[:32]
    return cast(bytes, document.write_pdf(pdf_identifier=sleutel.encode("ascii"), pdf_variant="pdf/ua-1"))
