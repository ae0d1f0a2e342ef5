"""Geometry of the horizontal bar charts (opgave against realisatie per gemeente).

Only numbers are computed here; the SVG itself is written by the ``staafgrafiek`` macro in
``templates/macros.html.j2``, so labels are escaped like every other text and a coordinator can restyle
the chart in a template. Coordinates are rounded to one decimal: the same input gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from ..opmaak import rond_percentage

BREEDTE = 760  #: width of the viewBox
LABEL = 138  #: room for the gemeente names on the left
WAARDEN = 150  #: room for "realisatie / opgave" on the right
RIJ = 22  #: height per gemeente
STAAF = 14  #: bar thickness
BOVEN = 26  #: room for the axis labels
ONDER = 8


def _stap(maximum: int, doel: int = 7) -> int:
    """A 'nice' tick step (1, 2, 2.5 or 5 times a power of ten, whole numbers) for about ``doel`` ticks."""
    if maximum <= 0:
        return 1
    macht = 1
    while macht * 10 <= maximum / doel:
        macht *= 10
    for factor in (1, 2, 2.5, 5, 10):
        stap = factor * macht
        if stap == int(stap) and maximum / stap <= doel:
            return int(stap)
    return 10 * macht


def _r(x: float) -> float | int:
    y = round(x, 1)
    return int(y) if y == int(y) else y


def staafgrafiek(rijen: list[tuple[str, int, int]] | list[tuple[str, int, int, bool]]) -> dict[str, Any]:
    """Chart geometry for ``(naam, opgave, realisatie[, geen_gegevens])`` rows, in the given order.

    Each row gets a realisatie bar, the shortfall up to the opgave as a separate segment (so a gap is
    visible at a glance) and a marker at the opgave. A gemeente without data gets no bar and no
    shortfall, only the opgave marker and the words "geen gegevens". Returns plain data for the template.
    """
    rijen = [(r[0], r[1], r[2], bool(r[3]) if len(r) > 3 else False) for r in rijen]
    hoogste = max([max(o, r) for _, o, r, _g in rijen] + [0])
    stap = _stap(hoogste)
    schaal_max = max(stap, -(-hoogste // stap) * stap)
    plot_x, plot_b = LABEL, BREEDTE - LABEL - WAARDEN

    def x(waarde: int) -> float | int:
        return _r(plot_x + plot_b * max(waarde, 0) / schaal_max)

    uit = []
    for i, (naam, opgave, realisatie, geen) in enumerate(rijen):
        y = BOVEN + i * RIJ
        tekort = 0 if geen else max(opgave - realisatie, 0)
        uit.append(
            {
                "naam": naam,
                "opgave": opgave,
                "realisatie": realisatie,
                "percentage": rond_percentage(realisatie, opgave),
                "voldoet": geen or realisatie >= opgave,
                "geen_gegevens": geen,
                "tekort": tekort,
                "y": y,
                "staaf_y": _r(y + (RIJ - STAAF) / 2),
                "tekst_y": _r(y + RIJ / 2 + 4),
                "realisatie_b": _r(x(realisatie) - plot_x),
                "tekort_x": x(realisatie),
                "tekort_b": _r(x(opgave) - x(realisatie)) if tekort else 0,
                "opgave_x": x(opgave),
            }
        )
    hoogte = BOVEN + len(rijen) * RIJ + ONDER
    ticks = [{"waarde": w, "x": x(w)} for w in range(0, schaal_max + 1, stap)]
    return {
        "breedte": BREEDTE,
        "hoogte": hoogte,
        "plot_x": plot_x,
        "plot_breedte": plot_b,
        "plot_onder": hoogte - ONDER,
        "waarde_x": plot_x + plot_b + 8,
        "label_x": plot_x - 8,
        "staaf": STAAF,
        "schaal_max": schaal_max,
        "ticks": ticks,
        "rijen": uit,
        "aantal_tekort": sum(1 for r in uit if not r["voldoet"]),
        "aantal_geen_gegevens": sum(1 for r in uit if r["geen_gegevens"]),
    }
