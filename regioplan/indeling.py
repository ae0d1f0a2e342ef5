"""The built-in provinces: every province of 2024 with its veiligheidsregio's as default regio's.

Source: ``data/veiligheidsregios-2024.csv`` (CBS codes of the 342 gemeenten of 2024, each in one of the 25
veiligheidsregio's, each veiligheidsregio inside one province). Most provincial tables work per
veiligheidsregio (Overijssel's Twente and IJsselland are VR05 and VR04), so that is the default grouping.
A province's own names and order live in ``provincies/<sleutel>.toml`` (only Overijssel has one), and a
``regioplan.toml`` may regroup everything.
"""

from __future__ import annotations

import csv
import sys
from functools import cache
from importlib import resources
from typing import Any

from .namen import naamvolgorde, slug
from .waarden import normaliseer

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[no-redef, import-not-found, unused-ignore]

STANDAARD_PROVINCIE = "Overijssel"  #: used when neither a configuration nor a workbook names a province

#: Other spellings of a province name (normalised) -> the name in the CBS list.
_PROVINCIE_ALIASSEN = {"fryslan": "Friesland", "frysland": "Friesland", "brabant": "Noord-Brabant"}


@cache
def veiligheidsregios() -> dict[str, tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]]:
    """Province -> its veiligheidsregio's in code order, each ``(code, naam, ((cbs_code, gemeente), ...))``
    with the gemeenten sorted by name."""
    tekst = (
        resources.files("regioplan").joinpath("data/veiligheidsregios-2024.csv").read_text(encoding="utf-8")
    )
    per: dict[str, dict[tuple[str, str], list[tuple[str, str]]]] = {}
    for r in csv.DictReader(tekst.splitlines(), delimiter=";"):
        vr = (r["veiligheidsregiocode"], r["veiligheidsregionaam"])
        per.setdefault(r["provincienaam"], {}).setdefault(vr, []).append(
            (r["gemeentecode"], r["gemeentenaam"])
        )
    return {
        prov: tuple(
            (code, naam, tuple(sorted(g, key=lambda x: naamvolgorde(x[1]))))
            for (code, naam), g in sorted(vrs.items())
        )
        for prov, vrs in sorted(per.items())
    }


def provincies() -> tuple[str, ...]:
    """The twelve province names, as in the CBS list (alphabetical)."""
    return tuple(veiligheidsregios())


def zoek_provincie(tekst: str) -> str | None:
    """The province for a name or key, case- and accent-insensitive (``gelderland``, ``Noord-Holland``,
    ``noord-holland``, ``Fryslân``); None when it is not one of the twelve."""
    s = normaliseer(tekst)
    for naam in provincies():
        if normaliseer(naam) == s:
            return naam
    return _PROVINCIE_ALIASSEN.get(s)


def regionaam(provincie: str, vr_naam: str) -> str:
    """The default regio name: the veiligheidsregio's, or ``Regio X`` when it is named like its province
    (Groningen, Utrecht ...), so that the regio and the province have different keys for ``--regio``."""
    return f"Regio {vr_naam}" if normaliseer(vr_naam) == normaliseer(provincie) else vr_naam


def ingebouwde_regio(tekst: str) -> tuple[str, str] | None:
    """``(provincie, regionaam)`` of the built-in regio with this key or name (``gelderland-zuid``,
    ``Gelderland-Zuid``), or None. For a hint when ``--regio`` names a regio of another province than the
    configuration's: the keys are those the built-in configuration of that province gives."""
    s = normaliseer(tekst)
    for provincie in provincies():
        for _, vr_naam, _ in veiligheidsregios()[provincie]:
            naam = regionaam(provincie, vr_naam)
            if s and s in (normaliseer(naam), normaliseer(slug(naam))):
                return provincie, naam
    return None


def regio_elders(tekst: str, provincie: str) -> tuple[str, str] | None:
    """:func:`ingebouwde_regio` when that regio lies in another province than ``provincie`` (the one of the
    configuration in use): ``--regio gelderland-zuid`` in an Overijssel folder. None otherwise."""
    elders = ingebouwde_regio(tekst)
    return elders if elders is not None and elders[0] != provincie else None


def ingebouwde_provincie(provincie: str) -> dict[str, Any]:
    """The built-in configuration of a province as a TOML-shaped dict: ``provincie``, ``regio`` and, for a
    province with its own file, what that file adds (aliassen, display names, other regio's)."""
    regios = [
        {
            "naam": regionaam(provincie, vr_naam),
            "sleutel": slug(regionaam(provincie, vr_naam)),
            "regietafel": f"Regietafel {vr_naam}",
            "gemeenten": [code for code, _ in gemeenten],
            "veiligheidsregio": vr_code,
        }
        for vr_code, vr_naam, gemeenten in veiligheidsregios()[provincie]
    ]
    ruw: dict[str, Any] = {
        "provincie": {"naam": provincie, "sleutel": slug(provincie)},
        "regio": regios,
    }
    eigen = resources.files("regioplan").joinpath(f"provincies/{slug(provincie)}.toml")
    if eigen.is_file():
        ruw.update(tomllib.loads(eigen.read_text(encoding="utf-8")))
    return ruw
