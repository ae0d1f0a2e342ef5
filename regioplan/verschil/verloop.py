"""The key figures over several rounds (``regioplan verloop``): a pure function over frozen rounds.

For the province, a regio or a gemeente: one column per round (in the order given), one row per key
figure (the same figures as ``verschil``). The charts (one per opgave) show the lines named in
:data:`GRAFIEKEN`; their geometry is computed in :mod:`regioplan.rapport.grafiek`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import PurePosixPath
from typing import Any

from .. import __version__
from ..fouten import RegioplanFout
from ..namen import naamvolgorde
from ..waarden import normaliseer
from .stand import CIJFERS, FASEN, LABELS, PROCESFASE, Stand, Waarde

#: One chart per opgave: (key, title, lines as (figure key, legend)).
GRAFIEKEN: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "asiel",
        "Asielopvang incl. amv",
        (
            ("asiel.opgave", "opgave"),
            ("asiel.geldig_plus_voornemens", "realisatie + voornemens"),
            ("asiel.geldig", "realisatie (geldig)"),
        ),
    ),
    (
        "oekraine",
        "Opvang Oekraïense ontheemden",
        (("oekraine.opgave", "opgave"), ("oekraine.realisatie", "realisatie")),
    ),
    (
        "statushouders",
        "Huisvesting statushouders",
        (
            ("statushouders.taakstelling_incl", "taakstelling incl. voor/achter"),
            ("statushouders.realisatie", "gehuisvest"),
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Rondekop:
    label: str  #: as given
    kort: str  #: a short name for a column: the revision (``v2024-10``) or the folder's name
    revisie: str | None
    datum: str | None  #: the latest 'datum invulling' of the round (ISO), None without workbooks
    #: (gemeenten with data, gemeenten) of the chosen regio, province or gemeente (1 or 0 of 1) in this
    #: round; None when it did not exist then
    levering: tuple[int, int] | None = None

    @property
    def onvolledig(self) -> bool:
        return self.levering is not None and self.levering[0] < self.levering[1]


@dataclass(frozen=True, slots=True)
class Reeks:
    sleutel: str
    waarden: tuple[Waarde, ...]

    @property
    def label(self) -> str:
        return LABELS.get(self.sleutel, self.sleutel)


@dataclass(frozen=True, slots=True)
class Verloop:
    sleutel: str  #: province key, regio key or CBS code
    naam: str
    soort: str  #: provincie | regio | gemeente
    rondes: tuple[Rondekop, ...]
    reeksen: tuple[Reeks, ...]

    def reeks(self, sleutel: str) -> Reeks | None:
        return next((r for r in self.reeksen if r.sleutel == sleutel), None)


def _kort(label: str) -> str:
    """``v2024-10:werkboeken`` -> ``v2024-10``; ``archief/2024-II`` -> ``2024-II``."""
    if ":" in label and not label[1:3] == ":\\":
        ref = label.split(":", 1)[0]
        if ref:
            return ref
    return PurePosixPath(label.replace("\\", "/").rstrip("/")).name or label


def _koppen(standen: Sequence[Stand], levering: Sequence[tuple[int, int] | None]) -> tuple[Rondekop, ...]:
    korte = [_kort(s.label) for s in standen]
    if len(set(korte)) != len(korte):
        korte = [s.label for s in standen]
    return tuple(
        Rondekop(s.label, k, s.revisie, max((g.datum for g in s.gemeenten if g.datum), default=None), lev)
        for s, k, lev in zip(standen, korte, levering, strict=True)
    )


Keuze = tuple[str, str, str, tuple[tuple[str, Waarde], ...], tuple[int, int]]


def _kies(stand: Stand, sleutel: str) -> Keuze | None:
    """(key, name, kind, figures, (gemeenten with data, gemeenten)) of what ``sleutel`` names."""
    s = normaliseer(sleutel)
    p = stand.provincie
    if s in (normaliseer(p.sleutel), normaliseer(p.naam)):
        return p.sleutel, p.naam, "provincie", p.cijfers, p.levering
    for r in stand.regios:
        if s in (normaliseer(r.sleutel), normaliseer(r.naam)):
            return r.sleutel, r.naam, "regio", r.cijfers, r.levering
    for g in stand.gemeenten:
        if s in (normaliseer(g.cbs_code), normaliseer(g.naam)):
            return g.cbs_code, g.naam, "gemeente", g.cijfers, (0 if g.geen_gegevens else 1, 1)
    return None


def verloop(standen: Sequence[Stand], sleutel: str | None = None) -> Verloop:
    """The key figures of the province (default), a regio or a gemeente over ``standen``, in that order.

    Raises :class:`RegioplanFout` (``optie-ongeldig``) when ``sleutel`` names none of them in the last round.
    """
    if not standen:
        raise RegioplanFout("optie-ongeldig", "Geen rondes opgegeven.", "Geef twee of meer rondes op.")
    laatste = standen[-1]
    # a folder of one regio has no provincial total: its regio is the default, the province no choice
    provincie = [laatste.provincie.sleutel] if laatste.hele_provincie else []
    standaard = (provincie or [r.sleutel for r in laatste.regios] or [laatste.provincie.sleutel])[0]
    gekozen = _kies(laatste, sleutel or standaard)
    if gekozen is not None and gekozen[2] == "provincie" and not laatste.hele_provincie:
        gekozen = None
    if gekozen is None:
        keuzes = ", ".join(provincie + [r.sleutel for r in laatste.regios])
        namen = {
            normaliseer(n): n for n in [r.naam for r in laatste.regios] + [g.naam for g in laatste.gemeenten]
        }
        treffer = get_close_matches(normaliseer(sleutel or ""), sorted(namen), n=1, cutoff=0.7)
        bedoeld = f" Bedoelde je '{namen[treffer[0]]}'?" if treffer else ""
        gemeente = min(laatste.gemeenten, key=lambda g: naamvolgorde(g.naam), default=None)
        vb = f", bijvoorbeeld {gemeente.naam} of {gemeente.cbs_code}" if gemeente else ""
        raise RegioplanFout(
            "optie-ongeldig",
            f"'{sleutel}' is geen regio, gemeente of de provincie in de laatste ronde.{bedoeld}",
            f"Kies uit {keuzes}, of een gemeente (naam of CBS-code{vb}).",
        )
    code, naam, soort = gekozen[:3]
    per_ronde = []
    levering: list[tuple[int, int] | None] = []
    for s in standen:
        x = _kies(s, code)
        per_ronde.append(dict(x[3]) if x else {})
        levering.append(x[4] if x else None)
    sleutels = [k for k, _ in CIJFERS] + ([PROCESFASE[0]] if soort == "gemeente" else [k for k, _ in FASEN])
    reeksen = tuple(Reeks(k, tuple(r.get(k) for r in per_ronde)) for k in sleutels)
    return Verloop(code, naam, soort, _koppen(standen, levering), reeksen)


def leveringtekst(r: Rondekop, soort: str) -> str:
    """``onvolledig: 10 van 11 gemeenten met gegevens`` (a gemeente: ``geen gegevens``); empty when
    complete."""
    if not r.onvolledig or r.levering is None:
        return ""
    if soort == "gemeente":
        return "geen gegevens"
    return f"onvolledig: {r.levering[0]} van {r.levering[1]} gemeenten met gegevens"


def als_dict(v: Verloop) -> dict[str, Any]:
    """The JSON model of ``verloop`` (keys documented in docs/verschil.md)."""
    return {
        "regioplan": __version__,
        "sleutel": v.sleutel,
        "naam": v.naam,
        "soort": v.soort,
        "rondes": [
            {
                "bron": r.label,
                "kort": r.kort,
                "revisie": r.revisie,
                "datum": r.datum,
                "levering": None
                if r.levering is None
                else {"met_gegevens": r.levering[0], "totaal": r.levering[1]},
            }
            for r in v.rondes
        ],
        "reeksen": [{"sleutel": r.sleutel, "label": r.label, "waarden": list(r.waarden)} for r in v.reeksen],
    }


def als_json(v: Verloop) -> str:
    return json.dumps(als_dict(v), ensure_ascii=False, indent=2) + "\n"
