"""Build the example workbooks from their readable TOML sources (``<map>/bron/*.toml``).

The workbooks are written by the same code as ``regioplan sjabloon``, so the example data is always
in the current format. ``python -m regioplan.voorbeeld voorbeelddata/overijssel-2024``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .config import tomllib
from .sjablonen import bestandsnaam
from .uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag

BRON = "bron"


def lees_bron(pad: Path) -> dict:
    return tomllib.loads(pad.read_text(encoding="utf-8"))


def bouw(map_: Path) -> list[Path]:
    """Write ``opgaven.xlsx`` and one workbook per ``bron/<gemeente>.toml`` into ``map_``."""
    paden = []
    for bron in sorted((map_ / BRON).glob("*.toml")):
        gegevens = lees_bron(bron)
        if bron.stem == "opgaven":
            rijen = [
                {**r, "asiel_totaal": r.get("asiel_regulier", 0) + r.get("asiel_amv", 0)}
                for r in gegevens["opgave"]
            ]
            paden.append(schrijf_opgaven(map_ / "opgaven.xlsx", rijen))
        else:
            paden.append(schrijf_uitvraag(map_ / bestandsnaam(gegevens["gemeente"]["naam"]), gegevens))
    return paden


if __name__ == "__main__":
    for p in bouw(Path(sys.argv[1] if len(sys.argv) > 1 else "voorbeelddata/overijssel-2024")):
        print(p)
