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
    from .schrijven import render_sjabloon

    return render_sjabloon(f"verdeling.{vorm}.j2", context(v, vergelijking), sjablonen)
