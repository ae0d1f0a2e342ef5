"""Library side of `regioplan sjabloon`: which gemeenten, which files."""

from __future__ import annotations

from pathlib import Path

from .config import laad_config
from .fouten import RegioplanFout
from .uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag
from .waarden import normaliseer


def bestandsnaam(naam: str) -> str:
    """``Hof van Twente`` -> ``hof-van-twente.xlsx``."""
    return normaliseer(naam).replace(" ", "-") + ".xlsx"


def schrijf_sjablonen(
    uit: Path, *, gemeenten: list[str], regio: str | None, opgaven: bool, config_pad: Path | None = None
) -> list[Path]:
    config = laad_config(config_pad)
    if gemeenten:
        codes = []
        for g in gemeenten:
            code = config.zoek_code(g)
            if code is None:
                raise RegioplanFout(
                    "optie-ongeldig",
                    f"'{g}' is geen bekende gemeente.",
                    "Gebruik de naam of de CBS-code (GM0141).",
                )
            codes.append(code)
    elif regio:
        r = config.regio(regio)
        if r is None:
            raise RegioplanFout(
                "optie-ongeldig",
                f"Regio '{regio}' bestaat niet in de configuratie.",
                "Kies uit: " + ", ".join(x.sleutel for x in config.regios) + ".",
            )
        codes = list(r.gemeenten)
    else:
        codes = list(config.gemeenten)
    paden = [
        schrijf_uitvraag(
            uit / bestandsnaam(config.naam(c)), {"gemeente": {"naam": config.naam(c), "cbs_code": c}}
        )
        for c in sorted(codes, key=config.naam)
    ]
    if opgaven:
        rijen = []
        for r in config.regios:
            for c in sorted(r.gemeenten, key=config.naam):
                if c in codes:
                    rijen.append({"cbs_code": c, "gemeente": config.naam(c), "regio": r.naam})
        paden.append(schrijf_opgaven(uit / "opgaven.xlsx", rijen))
    return paden
