"""Capacity active on a series of peildata: the tables coordinators make for crisis and emergency
locations. Per gemeente, regio and province; per opgave (asiel, amv, oekraine) and per soort opvang.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from . import regels
from .namen import naamvolgorde
from .resultaat import Tijdlijn, TijdlijnRij
from .uitvraag.lezen import Invoer


def tijdlijn(invoer: Invoer, peildata: Sequence[dt.date]) -> Tijdlijn:
    """Capacity per peildatum: a row per (niveau, naam, opgave, soort), sorted, sums consistent."""
    from .berekening import geleverd, uitruilbeeld

    peildata = sorted(set(peildata))
    config = invoer.config
    ruil = uitruilbeeld(invoer)
    per_gemeente: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0] * len(peildata))
    for code in config.gemeenten:
        u = ruil.aangepast(code, geleverd(invoer, code))
        if u is None:
            continue
        for loc in u.asiel:
            for i, p in enumerate(peildata):
                if regels.actief_op(loc.startdatum, loc.einddatum, p):
                    per_gemeente[(code, loc.doelgroep, loc.soort)][i] += loc.capaciteit.telwaarde
        for goo in u.oekraine:
            for i, p in enumerate(peildata):
                if regels.open_op(goo.opening, goo.sluiting, p):
                    per_gemeente[(code, "oekraine", goo.soort)][i] += goo.capaciteit.telwaarde
    rijen: list[TijdlijnRij] = []

    def voeg(niveau: str, naam: str, sleutel: str, bron: dict[tuple[str, str], list[int]]) -> None:
        for (opgave, soort), waarden in sorted(bron.items()):
            rijen.append(
                TijdlijnRij(
                    niveau=niveau,
                    naam=naam,
                    sleutel=sleutel,
                    opgave=opgave,
                    soort=soort,
                    waarden=tuple(waarden),
                )
            )

    provincie: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(peildata))
    for regio in config.regios:
        regiosom: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(peildata))
        for code in sorted(regio.gemeenten, key=lambda c: naamvolgorde(config.naam(c))):
            eigen = {(o, s): w for (c, o, s), w in per_gemeente.items() if c == code}
            voeg("gemeente", config.naam(code), code, eigen)
            for k, w in eigen.items():
                regiosom[k] = [a + b for a, b in zip(regiosom[k], w, strict=True)]
        voeg("regio", regio.naam, regio.sleutel, regiosom)
        for k, w in regiosom.items():
            provincie[k] = [a + b for a, b in zip(provincie[k], w, strict=True)]
    voeg("provincie", config.provincie, config.provincie_sleutel, provincie)
    return Tijdlijn(peildata=tuple(peildata), rijen=tuple(rijen))
