"""``regioplan verloop`` as Markdown and HTML: the context of ``templates/verloop.*.j2`` and its rendering.

The context (documented in docs/verschil.md) is plain data like that of the reports: the round headers,
one table row per key figure and, per opgave, the line-chart geometry of :mod:`.lijngrafiek`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..verschil.verloop import GRAFIEKEN, Verloop, leveringtekst
from .lijngrafiek import lijngrafiek
from .schrijven import render

SOORTEN = {"provincie": "provincie", "regio": "regio", "gemeente": "gemeente"}


@dataclass(frozen=True)
class VerloopContext:
    """What :func:`regioplan.rapport.schrijven.render` needs: the template name and the variables."""

    sjabloon: str
    waarden: dict[str, Any] = field(default_factory=dict)

    def variabelen(self) -> dict[str, Any]:
        return self.waarden


def verloop_context(v: Verloop) -> dict[str, Any]:
    """Everything ``verloop.html.j2`` and ``verloop.md.j2`` may use."""
    rondes = [
        {
            "label": r.label,
            "kort": r.kort,
            "revisie": r.revisie,
            "datum": r.datum,
            "onvolledig": leveringtekst(r, v.soort),
        }
        for r in v.rondes
    ]
    namen = [r.kort for r in v.rondes]
    grafieken = []
    for sleutel, titel, lijnen in GRAFIEKEN:
        reeksen = [(label, v.reeks(k)) for k, label in lijnen]
        data = [(label, [w if isinstance(w, int) else None for w in r.waarden]) for label, r in reeksen if r]
        grafieken.append({"sleutel": sleutel, "titel": titel, "geometrie": lijngrafiek(namen, data)})
    return {
        "titel": f"Verloop van de kerncijfers: {v.naam}",
        "ondertitel": f"{len(v.rondes)} {'ronde' if len(v.rondes) == 1 else 'rondes'}: {', '.join(namen)}",
        "naam": v.naam,
        "soort": v.soort,
        "rondes": rondes,
        "tabel": [
            {
                "sleutel": r.sleutel,
                "label": r.label,
                "percentage": r.sleutel.endswith("percentage"),
                "waarden": list(r.waarden),
            }
            for r in v.reeksen
        ],
        "grafieken": grafieken,
    }


def render_verloop(v: Verloop, formaat: str, sjablonen: Path | None = None) -> str:
    """``verloop`` as ``md`` or ``html`` text (byte for byte the same for the same rounds)."""
    return render(VerloopContext("verloop", verloop_context(v)), formaat, sjablonen)  # type: ignore[arg-type]
