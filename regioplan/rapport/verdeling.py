"""The document "Verdeling van de restopgave" (Markdown or HTML) through the report templates.

Templates ``verdeling.md.j2`` and ``verdeling.html.j2`` (overridable by name with ``--sjablonen`` in the
report environment). The context is the JSON model of :func:`regioplan.verdeling.uitvoer.als_dict`
plus ``titel``, ``stappen`` (rows step, regulier, amv, totaal) and ``tabel`` (rows of the main table,
the last one the province); documented in docs/verdeel.md. HTML is autoescaped, undefined variables fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..verdeling.model import Verdeling
from ..verdeling.uitvoer import KOPPEN, Vergelijking, als_dict, stappenrijen, tabelrijen
from .omgeving import maak_omgeving


def context(v: Verdeling, vergelijking: Vergelijking | None = None) -> dict[str, Any]:
    rijen, _ = tabelrijen(v)
    return {
        **als_dict(v, vergelijking),
        "titel": f"Verdeling van de restopgave – {v.provincie}",
        "koppen": KOPPEN,
        "stappen": stappenrijen(v),
        "tabel": rijen,
        "vergelijking": als_dict(v, vergelijking).get("vergelijking"),
    }


def document(
    v: Verdeling, vorm: str, vergelijking: Vergelijking | None = None, sjablonen: Path | None = None
) -> str:
    """Render the document as ``md`` or ``html``; a broken own template is a ``sjabloon-fout``."""
    import jinja2

    from ..fouten import RegioplanFout

    naam = f"verdeling.{vorm}.j2"
    try:
        return maak_omgeving(sjablonen).get_template(naam).render(context(v, vergelijking))
    except jinja2.TemplateSyntaxError as fout:
        raise RegioplanFout(
            "sjabloon-fout",
            f"{fout.name or naam}, regel {fout.lineno}: {fout.message}",
            "Controleer de Jinja-syntaxis van dit sjabloon.",
        ) from fout
    except jinja2.UndefinedError as fout:
        raise RegioplanFout(
            "sjabloon-fout",
            f"{naam}: {fout.message}",
            "Zie docs/verdeel.md (Sjablonen) voor alle variabelen die dit sjabloon kan gebruiken.",
        ) from fout
