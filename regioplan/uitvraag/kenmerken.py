"""What a workbook was made for: province, regio, cycle dates and peildata on its Gemeente sheet.

``sjabloon`` writes them; the pre-check of one workbook (``regioplan valideer arnhem.xlsx``) uses them
when no ``regioplan.toml`` is at hand, so a gemeente in Gelderland is checked against Gelderland.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from python_calamine import CalamineWorkbook

from ..opmaak import datum
from ..waarden import normaliseer
from .bestand import controleer_bestand
from .schema import GEMEENTE

if TYPE_CHECKING:
    from ..config import Config
    from ..model import Uitvraag

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


@dataclass(frozen=True)
class Afwijking:
    """One way a workbook's stated purpose differs from the configuration in use (finding 4 of
    nieuwkomer 5): a workbook of the 1st cycle checked and computed under the 2nd."""

    code: str  #: ``werkboek-andere-cyclus``, ``werkboek-andere-peildatum`` or ``werkboek-andere-indeling``
    sleutel: str  #: the Gemeente field of the first difference; its cell carries the finding
    werkboek: str  #: what the workbook states, in words (``de 1e cyclus Spreidingswet (actief uiterlijk …)``)
    configuratie: str  #: what the configuration says about the same fields, in the same words


def _verschilt(gezegd: object, geldend: object) -> bool:
    """A stated value that differs; an empty one (older or hand-made workbooks) never does."""
    if gezegd in (None, ""):
        return False
    if isinstance(gezegd, dt.datetime):
        gezegd = gezegd.date()
    if isinstance(gezegd, str) and isinstance(geldend, str):
        return normaliseer(gezegd) != normaliseer(geldend)
    return gezegd != geldend


def _cyclustekst(naam: str, datums: list[tuple[str, dt.date]]) -> str:
    """``de 1e cyclus Spreidingswet (actief uiterlijk 01-07-2025, in gebruik tot minstens 01-02-2026)``."""
    tekst = f"de {naam.strip() or 'cyclus'}"
    return tekst + (f" ({', '.join(f'{w} {datum(d)}' for w, d in datums)})" if datums else "")


def afwijkingen(u: Uitvraag, config: Config) -> tuple[Afwijking, ...]:
    """What the Gemeente sheet of ``u`` says it was made for (written by ``sjabloon``) where it differs
    from ``config``: at most one :class:`Afwijking` per code, in the order cycle, peildata, indeling.

    Cycle: name, 'actief uiterlijk' and 'in gebruik tot minstens'; peildata: Oekraïne and statushouders;
    indeling: the province, and the regio when it names another regio of the configuration than the
    gemeente's (a regio name the configuration does not know says nothing: the pre-check of one workbook
    uses the built-in regio's). Empty stated values are never a difference. The format version has its
    own error, ``bestand-formaatversie``."""
    from ..indeling import zoek_provincie

    uit: list[Afwijking] = []
    c, p = config.cyclus, config.peildata
    datums = [  #: (field, words, stated, configured)
        ("actief_uiterlijk", "actief uiterlijk", u.actief_uiterlijk, c.actief_uiterlijk),
        (
            "in_gebruik_tot_minstens",
            "in gebruik tot minstens",
            u.in_gebruik_tot_minstens,
            c.in_gebruik_tot_minstens,
        ),
    ]
    verschil = ["cyclus"] if _verschilt(u.cyclus, c.naam) else []
    verschil += [s for s, _, gezegd, geldend in datums if _verschilt(gezegd, geldend)]
    if verschil:
        gezegd = [(w, g) for _, w, g, _ in datums if g is not None]
        geldend = [(w, g) for _, w, g0, g in datums if g0 is not None]  # the fields the workbook states
        uit.append(
            Afwijking(
                "werkboek-andere-cyclus",
                verschil[0],
                _cyclustekst(u.cyclus, gezegd),
                _cyclustekst(c.naam, geldend),
            )
        )
    peil = [
        ("peildatum_oekraine", "peildatum Oekraïne", u.peildatum_oekraine, p.oekraine),
        ("peildatum_statushouders", "peildatum statushouders", u.peildatum_statushouders, p.statushouders),
    ]
    verschil_peil = [(s, w, gezegd, geldend) for s, w, gezegd, geldend in peil if _verschilt(gezegd, geldend)]
    if verschil_peil:
        uit.append(
            Afwijking(
                "werkboek-andere-peildatum",
                verschil_peil[0][0],
                " en ".join(f"{w} {datum(g)}" for _, w, g, _ in verschil_peil),
                " en ".join(f"{w} {datum(g)}" for _, w, _, g in verschil_peil),
            )
        )
    indeling: list[tuple[str, str, str]] = []  #: (field, stated, configured)
    if u.provincie.strip() and (zoek_provincie(u.provincie) or normaliseer(u.provincie)) != (
        zoek_provincie(config.provincie) or normaliseer(config.provincie)
    ):
        indeling.append(("provincie", f"provincie {u.provincie.strip()}", f"provincie {config.provincie}"))
    eigen = config.regio_van(u.cbs_code) if u.cbs_code else None
    genoemd = config.regio(u.regio) if u.regio.strip() else None
    if eigen is not None and genoemd is not None and genoemd != eigen:
        indeling.append(("regio", f"regio {genoemd.naam}", f"regio {eigen.naam}"))
    if indeling:
        uit.append(
            Afwijking(
                "werkboek-andere-indeling",
                indeling[0][0],
                " en ".join(x[1] for x in indeling),
                " en ".join(x[2] for x in indeling),
            )
        )
    return tuple(uit)
