"""Which gemeente was meant: one suggestion for a name that is none, and an example from the province.

Every place that meets an unknown gemeente name uses these: the findings ``gemeente-onbekend`` and
``uitruil-partner-onbekend``, and the ``--gemeente`` option of ``bereken``, ``verdeel`` and ``sjabloon``.
"""

from __future__ import annotations

from collections.abc import Collection
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .fouten import RegioplanFout
from .namen import naamvolgorde, regio_titel
from .waarden import normaliseer

if TYPE_CHECKING:
    from .config import Config

DREMPEL = 0.7  #: difflib's ratio a name must reach to be suggested (``Wijchem`` -> ``Wijchen``: 0.86)
VOORKEUR = 0.05  #: what a gemeente of the configuration gets ahead of one elsewhere in a (near) tie


def gemeentevoorstel(naam: str, config: Config, codes: Collection[str] | None = None) -> str:
    """The CBS code of the gemeente closest to a name that is none (``Wijchn`` -> ``GM0296``), or "".

    Over the names and aliases of the 342 gemeenten of 2024 and of the configuration (difflib's ratio, at
    least :data:`DREMPEL`); a gemeente of the configuration wins a tie or a near tie (:data:`VOORKEUR`),
    since most names are of the province: ``Almero`` -> Almelo in Overijssel, Almere in Flevoland. ``codes``
    limits the choice (``--gemeente``: the gemeenten of the configuration). Linear in the number of names
    (~400); ties go to the first name in alphabetical order, so the answer is deterministic."""
    doel = normaliseer(naam)
    eigen = set(config.gemeenten)
    vergelijk = SequenceMatcher()
    vergelijk.set_seq2(doel)
    beste, voorstel = 0.0, ""
    for alias, code in sorted(config.aliassen.items()):
        if codes is not None and code not in codes:
            continue
        vergelijk.set_seq1(alias)
        if vergelijk.real_quick_ratio() < DREMPEL or vergelijk.quick_ratio() < DREMPEL:
            continue
        ratio = vergelijk.ratio()
        if ratio < DREMPEL:
            continue
        score = ratio + (VOORKEUR if code in eigen else 0.0)
        if score > beste:
            beste, voorstel = score, code
    return voorstel


def eerste(config: Config, codes: Collection[str] | None = None) -> str:
    """The CBS code of the first gemeente of ``codes`` (else of the configuration) in alphabetical order,
    for an example from the province at hand; "" when there is none."""
    kandidaten = list(codes if codes is not None else config.gemeenten)
    return min(kandidaten, key=lambda c: naamvolgorde(config.naam(c)), default="")


def voorbeeld(config: Config, code: str = "", codes: Collection[str] | None = None) -> str:
    """``Wijchen of GM0296``: ``code`` (a suggestion), else :func:`eerste` of ``codes``."""
    code = code or eerste(config, codes)
    return f"{config.naam(code)} of {code}" if code else ""


def waarvan(config: Config) -> str:
    """What the configuration's gemeenten are of, for a message: ``Gelderland``, or in a folder of part of
    the province ``regio Gelderland-Zuid`` (``de regio's Noord en Zuid``)."""
    if config.hele_provincie:
        return config.provincie
    if len(config.regios) == 1:
        return regio_titel(config.regios[0].naam, hoofdletter=False)
    return "de regio's " + " en ".join(r.naam for r in config.regios)


def geen_gemeente(optie: str, waarde: str, config: Config, codes: Collection[str]) -> RegioplanFout:
    """``optie-ongeldig`` for a ``--gemeente`` that names none of ``codes`` (the gemeenten of
    ``config``): the closest of them as a suggestion ("Bedoelde je 'Wijchen'?"), and an example from them
    in the hint."""
    code = gemeentevoorstel(waarde, config, codes)
    bedoeld = f" Bedoelde je '{config.naam(code)}'?" if code else ""
    vb = voorbeeld(config, code, codes)
    return RegioplanFout(
        "optie-ongeldig",
        f"{optie} '{waarde}' is geen gemeente van {waarvan(config)}.{bedoeld}",
        "Gebruik de naam of de CBS-code" + (f", bijvoorbeeld {vb}." if vb else "."),
    )
