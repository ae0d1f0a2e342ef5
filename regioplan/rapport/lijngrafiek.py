"""Geometry of the line charts of ``regioplan verloop`` (a key figure over rounds).

Like :mod:`.grafiek`, only numbers are computed here; the SVG is written by the template
(``templates/verloop.html.j2``), so every label is escaped and a coordinator can restyle it.
Coordinates are rounded to one decimal: the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .grafiek import _r, _stap

BREEDTE = 760
LINKS = 64  #: room for the axis values
RECHTS = 24
BOVEN = 16
ONDER = 46  #: room for the round names and dates
HOOGTE = 240


def lijngrafiek(rondes: Sequence[str], lijnen: Sequence[tuple[str, Sequence[int | None]]]) -> dict[str, Any]:
    """Chart geometry for ``lijnen`` = ``(legend, one value per round)``; a missing value breaks the line.

    Returns plain data for the template: ``ticks`` (horizontal grid), ``rondes`` (x and name per round),
    ``lijnen`` (per line its ``klasse``, ``punten`` for a polyline per unbroken stretch and the markers).
    """
    hoogste = max([w for _, ws in lijnen for w in ws if w is not None] + [0])
    stap = _stap(hoogste, 5)
    schaal_max = max(stap, -(-hoogste // stap) * stap)
    plot_b = BREEDTE - LINKS - RECHTS
    plot_h = HOOGTE - BOVEN - ONDER
    n = len(rondes)

    def x(i: int) -> float | int:
        return _r(LINKS + (plot_b * (i + 0.5) / n if n else 0))

    def y(w: int) -> float | int:
        return _r(BOVEN + plot_h - plot_h * max(w, 0) / schaal_max)

    uit_lijnen = []
    for k, (label, waarden) in enumerate(lijnen):
        stukken: list[list[str]] = [[]]
        punten = []
        for i, w in enumerate(waarden):
            if w is None:
                stukken.append([])
                continue
            stukken[-1].append(f"{x(i)},{y(w)}")
            punten.append({"x": x(i), "y": y(w), "waarde": w, "ronde": rondes[i]})
        uit_lijnen.append(
            {
                "label": label,
                "klasse": f"lijn-{k}",
                "stukken": [" ".join(s) for s in stukken if len(s) > 1],
                "punten": punten,
            }
        )
    return {
        "breedte": BREEDTE,
        "hoogte": HOOGTE,
        "plot_x": LINKS,
        "plot_rechts": BREEDTE - RECHTS,
        "plot_onder": BOVEN + plot_h,
        "as_x": LINKS - 6,
        "ticks": [{"waarde": w, "y": y(w)} for w in range(0, schaal_max + 1, stap)],
        "rondes": [{"naam": r, "x": x(i)} for i, r in enumerate(rondes)],
        "naam_y": BOVEN + plot_h + 18,
        "datum_y": BOVEN + plot_h + 34,
        "lijnen": uit_lijnen,
    }
