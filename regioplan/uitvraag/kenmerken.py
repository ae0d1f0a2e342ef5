"""What a workbook was made for: province, regio, cycle dates and peildata on its Gemeente sheet.

``sjabloon`` writes them; the pre-check of one workbook (``regioplan valideer arnhem.xlsx``) uses them
when no ``regioplan.toml`` is at hand, so a gemeente in Gelderland is checked against Gelderland.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from ..waarden import normaliseer
from .bestand import controleer_bestand
from .schema import GEMEENTE

#: metadata keys on the Gemeente sheet -> where they go in a regioplan.toml
DATUMS = {
    "actief_uiterlijk": ("cyclus", "actief_uiterlijk"),
    "in_gebruik_tot_minstens": ("cyclus", "in_gebruik_tot_minstens"),
    "peildatum_oekraine": ("peildata", "oekraine"),
    "peildatum_statushouders": ("peildata", "statushouders"),
}


def lees_kenmerken(pad: Path) -> dict[str, object]:
    """The Gemeente sheet's fields of one workbook, by schema key; ``{}`` for anything unreadable (the
    full read reports why). Only a safe, readable file is opened."""
    try:
        if controleer_bestand(pad).code:
            return {}
        wb = CalamineWorkbook.from_path(str(pad))
        bladen = {normaliseer(n): n for n in wb.sheet_names}
        echt = bladen.get(normaliseer(GEMEENTE.naam))
        if echt is None:
            return {}
        rijen = wb.get_sheet_by_name(echt).to_python()
    except Exception:  # a hostile or broken file: the normal read names the problem
        return {}
    labels = {normaliseer(k.kop): k.sleutel for k in GEMEENTE.kolommen}
    uit: dict[str, object] = {}
    for rij in rijen:
        if len(rij) >= 2 and isinstance(rij[0], str) and normaliseer(rij[0]) in labels:
            uit.setdefault(labels[normaliseer(rij[0])], rij[1])
    return uit


def als_config(kenmerken: dict[str, object]) -> dict[str, Any]:
    """The regioplan.toml (as a dict) that the metadata describe: the province, and the cycle dates and
    peildata the gemeente was asked about. Empty when the workbook names no built-in province."""
    from ..indeling import zoek_provincie

    provincie = kenmerken.get("provincie")
    if not isinstance(provincie, str) or zoek_provincie(provincie) is None:
        return {}  # no province, or one of a coordinator's own (its regio's are not in the workbook)
    eigen: dict[str, Any] = {"provincie": provincie.strip()}
    for sleutel, (tabel, veld) in DATUMS.items():
        waarde = kenmerken.get(sleutel)
        if isinstance(waarde, dt.datetime):
            waarde = waarde.date()
        if isinstance(waarde, dt.date):
            eigen.setdefault(tabel, {})[veld] = waarde
    cyclus = kenmerken.get("cyclus")
    if isinstance(cyclus, str) and cyclus.strip():
        eigen.setdefault("cyclus", {})["naam"] = cyclus.strip()
    return eigen
