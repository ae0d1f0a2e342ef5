"""Which row of the previous round is which row of this round (locations, intentions, exchanges).

Rows are matched within one gemeente and one table, in two steps:

1. the same name (normalised: case, accents, punctuation and spaces do not matter). Several rows with
   one name are paired where their content is identical; the rest go to step 2;
2. a similar name: character trigrams (Dice coefficient) plus a bonus for each equal capacity, start
   and end date. A pair is accepted when the names are alike (Dice >= 0.5), or somewhat alike with two
   equal attributes, or entirely different but with capacity, start and end all equal (a location
   renamed outright). Names with different house numbers ("Hazenweg 31", "Hazenweg 121") need the
   attribute bonus as well: a different number usually means a different building.

Step 2 is linear in the number of rows: candidates come from an inverted index of trigrams and of
(capacity, start, end), trigrams shared by more than :data:`MAX_POSTING` rows are not used to find
candidates, a row looks only through its :data:`ZELDZAAMSTE` rarest trigrams, and keeps its
:data:`KANDIDATEN` best candidates. The best-scoring pairs are
taken first. Everything is symmetric in the two rounds (candidates are sought from both sides; ties
are broken on content, not on position), so matching B to A gives the same pairs as A to B.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..waarden import normaliseer
from .stand import Rij

MAX_POSTING = 32  #: a trigram in more rows than this is too common to find candidates with
KANDIDATEN = 8  #: candidates kept per row and per direction
ZELDZAAMSTE = 12  #: a row looks for candidates through its rarest trigrams only
DREMPEL_NAAM = 0.5
DREMPEL_NAAM_MET_KENMERKEN = 0.25
BONUS = {"capaciteit": 0.15, "begin": 0.1, "eind": 0.1}

_CIJFERS = re.compile(r"\d+")


def _sleutel(naam: str) -> str:
    return normaliseer(naam) or naam.casefold().strip()


def _trigrammen(sleutel: str) -> frozenset[str]:
    t = f"  {sleutel} "
    return frozenset(t[i : i + 3] for i in range(len(t) - 2))


def _kenmerken(rij: Rij) -> tuple[object, object, object]:
    v = dict(rij.velden)
    begin = v.get("startdatum", v.get("opening"))
    eind = v.get("einddatum", v.get("sluiting"))
    return (v.get("capaciteit", v.get("plekken")), begin, eind)


def _inhoud(rij: Rij) -> tuple[str, str, str]:
    """A total order on content, to break ties the same way whichever round is 'old'."""
    return (rij.naam, repr(rij.velden), rij.status)


class _Profiel:
    """What matching needs of one row, computed once."""

    __slots__ = ("sleutel", "grammen", "kenmerken", "nummers", "inhoud")

    def __init__(self, rij: Rij) -> None:
        self.sleutel = _sleutel(rij.naam)
        self.grammen = _trigrammen(self.sleutel)
        self.kenmerken = _kenmerken(rij)
        self.nummers = frozenset(_CIJFERS.findall(self.sleutel))
        self.inhoud = _inhoud(rij)


_BONUS = tuple(BONUS.values())
_ALLES = sum(_BONUS) - 1e-9


def _score(a: _Profiel, b: _Profiel) -> float | None:
    """Similarity of two rows, or None when they are not to be paired."""
    ga, gb = a.grammen, b.grammen
    dice = 2 * len(ga & gb) / (len(ga) + len(gb)) if ga or gb else 0.0
    bonus = 0.0
    for gewicht, x, y in zip(_BONUS, a.kenmerken, b.kenmerken, strict=True):
        if x is not None and x == y and x not in ("", "onbekend"):
            bonus += gewicht
    if bonus >= _ALLES:
        return dice + bonus
    if dice >= DREMPEL_NAAM and a.nummers == b.nummers:
        return dice + bonus
    if dice >= DREMPEL_NAAM_MET_KENMERKEN and bonus >= 0.2:
        return dice + bonus
    return None


def _beste(van: dict[int, _Profiel], naar_index: dict[str, list[int]]) -> dict[int, list[int]]:
    """For each row in ``van``: the rows that share the most of its rarest trigrams."""
    uit: dict[int, list[int]] = {}
    for i, profiel in van.items():
        telling: Counter[int] = Counter()
        lijsten = sorted(
            (lijst for g in profiel.grammen if 0 < len(lijst := naar_index.get(g, ())) <= MAX_POSTING),
            key=len,
        )
        for lijst in lijsten[:ZELDZAAMSTE]:
            telling.update(lijst)
        uit[i] = [j for j, _ in sorted(telling.items(), key=lambda x: (-x[1], x[0]))[:KANDIDATEN]]
    return uit


def _index(profielen: dict[int, _Profiel]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in profielen.items():
        for g in p.grammen:
            index[g].append(i)
    return index


def _kandidaten(po: dict[int, _Profiel], pn: dict[int, _Profiel]) -> set[tuple[int, int]]:
    paren = {(i, j) for j, lijst in _beste(pn, _index(po)).items() for i in lijst}
    paren |= {(i, j) for i, lijst in _beste(po, _index(pn)).items() for j in lijst}
    kenmerk_o: dict[tuple[object, ...], list[int]] = defaultdict(list)
    kenmerk_n: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, p in po.items():
        if None not in p.kenmerken:
            kenmerk_o[p.kenmerken].append(i)
    for j, p in pn.items():
        if None not in p.kenmerken:
            kenmerk_n[p.kenmerken].append(j)
    for k, lijst in kenmerk_o.items():
        andere = kenmerk_n.get(k, [])
        if len(lijst) * len(andere) <= MAX_POSTING:
            paren |= {(i, j) for i in lijst for j in andere}
    return paren


def koppel(oud: Sequence[Rij], nieuw: Sequence[Rij]) -> list[tuple[int | None, int | None]]:
    """Pair the rows of one gemeente and one table: ``(i, j)`` matched, ``(i, None)`` gone, ``(None, j)`` new.

    Pairs come in no particular order; every index of both sides occurs exactly once.
    """
    po = {i: _Profiel(r) for i, r in enumerate(oud)}
    pn = {j: _Profiel(r) for j, r in enumerate(nieuw)}
    paren: list[tuple[int | None, int | None]] = []
    per_naam_o: dict[str, list[int]] = defaultdict(list)
    per_naam_n: dict[str, list[int]] = defaultdict(list)
    for i, p in po.items():
        per_naam_o[p.sleutel].append(i)
    for j, p in pn.items():
        per_naam_n[p.sleutel].append(j)
    rest_o: list[int] = []
    rest_n: list[int] = []
    for naam, lijst_o in per_naam_o.items():
        lijst_n = per_naam_n.get(naam, [])
        if len(lijst_o) == 1 and len(lijst_n) == 1:
            paren.append((lijst_o[0], lijst_n[0]))
            continue
        # several rows with one name: pair those with identical content, the rest is matched below
        per_inhoud: dict[tuple[str, str], list[int]] = defaultdict(list)
        for j in sorted(lijst_n, key=lambda j: pn[j].inhoud):
            per_inhoud[pn[j].inhoud[1:]].append(j)
        for i in sorted(lijst_o, key=lambda i: po[i].inhoud):
            gelijk = per_inhoud.get(po[i].inhoud[1:])
            if gelijk:
                paren.append((i, gelijk.pop(0)))
            else:
                rest_o.append(i)
        rest_n += [j for lijst in per_inhoud.values() for j in lijst]
    rest_n += [j for naam, lijst in per_naam_n.items() if naam not in per_naam_o for j in lijst]
    ro = {i: po[i] for i in rest_o}
    rn = {j: pn[j] for j in rest_n}
    gescoord = []
    for i, j in _kandidaten(ro, rn):
        score = _score(ro[i], rn[j])
        if score is not None:
            a, b = ro[i].inhoud, rn[j].inhoud
            gescoord.append((-score, (a, b) if a <= b else (b, a), i, j))
    gescoord.sort(key=lambda x: (x[0], x[1]))
    bezet_o: set[int] = set()
    bezet_n: set[int] = set()
    for _, _, i, j in gescoord:
        if i not in bezet_o and j not in bezet_n:
            paren.append((i, j))
            bezet_o.add(i)
            bezet_n.add(j)
    paren += [(i, None) for i in rest_o if i not in bezet_o]
    paren += [(None, j) for j in rest_n if j not in bezet_n]
    return paren
