"""The steps of the Verdeelbesluit method as pure functions (source: Verdeelbesluit Overijssel 2024,
toelichting hoofdstuk 2 "Methode voor het aanvullen van de verdeelbesluiten", stap 1 tot en met 4b).

Step 1 and 2 give per gemeente the places taken over and the kansrijke plans; step 3 the restopgave
(regulier and amv) against the provincial opgave; step 4a who is left out and why; step 4b the shares.
:func:`verdeel` runs them in order. The three choices the source leaves open are
:class:`~regioplan.verdeling.model.Instellingen`; docs/verdeel.md gives the evidence for the defaults.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from ..opmaak import getal
from .model import (
    KANSRIJK_CRITERIA,
    REDENEN,
    GemeenteInvoer,
    GemeenteVerdeling,
    Instellingen,
    Paar,
    Uitsluiting,
    VerdeelInvoer,
    Verdeling,
)

Getal = int | Fraction
#: The sort key of a CBS code for ties: (minus the indicative total, code), larger target first.
Volgorde = Callable[[str], tuple[int, str]]
SOORTEN = ("regulier", "amv")


# --- step 1 and 2 -------------------------------------------------------------------------------


def stap1_overnemen(gemeente: GemeenteInvoer) -> Paar:
    """Step 1: the places that count for the cycle, as the report gives them (exchanges included)."""
    return gemeente.overgenomen


def stap2_kansrijk(gemeente: GemeenteInvoer) -> Paar:
    """Step 2: the places of plans marked kansrijk (amv plans count as amv, all others as regulier)."""
    regulier = sum(k.plekken for k in gemeente.kansrijk if k.doelgroep != "amv")
    amv = sum(k.plekken for k in gemeente.kansrijk if k.doelgroep == "amv")
    return Paar(regulier, amv)


# --- step 3 -------------------------------------------------------------------------------------


def stap3_restopgave(opgave: Paar, na_stap_2: Paar) -> Paar:
    """Step 3: what is still needed per type; never negative (a surplus of one type is not moved)."""
    return Paar(max(0, opgave.regulier - na_stap_2.regulier), max(0, opgave.amv - na_stap_2.amv))


# --- step 4a ------------------------------------------------------------------------------------


def stap4a_uitsluiten(
    gemeenten: Sequence[GemeenteInvoer],
    na_stap_2: Mapping[str, Paar],
    uitruilgroepen: Iterable[frozenset[str]] = (),
) -> dict[str, tuple[Uitsluiting, ...]]:
    """Step 4a: per CBS code every reason the gemeente is left out.

    - indicatief: places after step 2 (regulier + amv) at or above the indicative total;
    - historisch / oekraine: input (the workbooks cannot compute ten years of history);
    - uitruil: a group of gemeenten with an exchange agreement that together realise at least their
      combined indicative regulier is left out of the regulier distribution (group rule; a pair is a
      group of two).
    """
    uit: dict[str, list[Uitsluiting]] = {g.cbs_code: list(g.uitsluitingen) for g in gemeenten}
    per_code = {g.cbs_code: g for g in gemeenten}
    for g in gemeenten:
        eigen = na_stap_2[g.cbs_code]
        if eigen.totaal >= g.indicatief.totaal:
            uit[g.cbs_code].insert(
                0,
                Uitsluiting(
                    "indicatief",
                    "beide",
                    f"{getal(eigen.totaal)} plekken na stap 2, indicatief {getal(g.indicatief.totaal)}",
                ),
            )
    for groep in uitruilgroepen:
        leden = sorted(c for c in groep if c in per_code)
        if len(leden) < 2:
            continue
        samen = sum(na_stap_2[c].regulier for c in leden)
        nodig = sum(per_code[c].indicatief.regulier for c in leden)
        if samen >= nodig:
            namen = ", ".join(per_code[c].naam for c in leden)
            for c in leden:
                uit[c].append(
                    Uitsluiting(
                        "uitruil",
                        "regulier",
                        f"{namen} realiseren samen {getal(samen)} reguliere plekken, indicatief {getal(nodig)}",  # noqa: E501
                    )
                )
    return {c: tuple(v) for c, v in uit.items()}


# --- step 4b: the exact solver and the rounding ----------------------------------------------------


@dataclass(frozen=True)
class Doel:
    """One term of ``clamp(k * gewicht - eigen, 0, plafond)``: the share of a gemeente at level k."""

    code: str
    gewicht: Getal
    eigen: Getal
    plafond: Getal


def _begin(d: Doel) -> Fraction:
    """The level at which this term starts to grow."""
    return Fraction(max(d.eigen, 0)) / d.gewicht


def _eind(d: Doel) -> Fraction:
    """The level at which this term reaches its cap."""
    return Fraction(max(d.eigen, 0) + d.plafond) / d.gewicht


def _term(d: Doel, k: Fraction) -> Fraction:
    """The share of this term at level ``k``: ``clamp(k * gewicht - eigen, 0, plafond)``."""
    return min(max(k * d.gewicht - d.eigen, Fraction(0)), Fraction(d.plafond))


def vul_aan(doelen: Sequence[Doel], totaal: Getal) -> tuple[Fraction | None, dict[str, Fraction]]:
    """Find the smallest level ``k`` with ``sum(clamp(k*w - e, 0, c)) == totaal`` and the shares at it.

    This is "everyone up to the same percentage of their weight, minus what they already have, never
    above their cap". Exact (fractions). Returns ``(None, zeros)`` for ``totaal <= 0``; when the caps
    cannot hold ``totaal`` every term is at its cap (the caller reports the rest as not distributed).
    """
    nul = {d.code: Fraction(0) for d in doelen}
    actief = [d for d in doelen if d.gewicht > 0 and d.plafond > 0]
    if totaal <= 0 or not actief:
        return None, nul

    def waarde(k: Fraction) -> Fraction:
        return sum((_term(d, k) for d in actief), Fraction(0))

    punten = sorted({Fraction(0)} | {_begin(d) for d in actief} | {_eind(d) for d in actief})
    vorige = punten[0]
    if waarde(punten[-1]) < totaal:
        k = punten[-1]
    else:
        k = vorige
        for punt in punten[1:]:
            if waarde(punt) >= totaal:
                helling = sum((d.gewicht for d in actief if _begin(d) <= vorige < _eind(d)), Fraction(0))
                k = vorige + (Fraction(totaal) - waarde(vorige)) / helling if helling else punt
                break
            vorige = punt
    return k, {**nul, **{d.code: _term(d, k) for d in actief}}


def _half_omhoog(v: Fraction) -> int:
    return int((Decimal(v.numerator) / Decimal(v.denominator)).quantize(Decimal(1), ROUND_HALF_UP))


def rond_af(
    waarden: Mapping[str, Fraction],
    totaal: int,
    methode: str,
    volgorde: Volgorde,
    plafonds: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """Whole places that sum to ``totaal``, each within 1 of its exact share and never above its cap.

    ``grootste-rest``: everyone gets the whole part, the places left go to the largest remainders
    (Hamilton). ``half-omhoog``: everyone rounded half up, the difference taken from or given to the
    largest shares. Ties go by ``volgorde`` (the caller: larger indicative total first, then code).
    """
    plafonds = plafonds or {}
    if not waarden:
        return {}
    if methode == "grootste-rest":
        uit = {c: int(v) for c, v in waarden.items()}  # Fraction -> floor for non-negative values
        rij = sorted(waarden, key=lambda c: (-(waarden[c] - uit[c]), volgorde(c)))
    else:
        uit = {c: _half_omhoog(v) for c, v in waarden.items()}
        rij = sorted(waarden, key=lambda c: (-waarden[c], volgorde(c)))
    for c, plafond in plafonds.items():  # a value rounded above its cap goes back to the cap first
        if c in uit and uit[c] > plafond:
            uit[c] = max(0, plafond)
    tekort = totaal - sum(uit.values())
    while tekort:
        stap = 1 if tekort > 0 else -1
        for c in rij:
            if tekort == 0:
                break
            nieuw = uit[c] + stap
            if nieuw < 0 or abs(nieuw - waarden[c]) >= 1 or (c in plafonds and nieuw > plafonds[c]):
                continue
            uit[c] = nieuw
            tekort -= stap
        else:
            if tekort:  # nothing fits within the bounds any more: the first in line takes the rest
                uit[rij[0]] += tekort
                tekort = 0
    return uit


def omlaag_afgerond(p: Fraction | None, decimalen: int | None) -> Fraction | None:
    """The common percentage rounded down to ``decimalen`` decimals in percent.

    ``omlaag_afgerond(Fraction(3474, 3880), 1) == Fraction(895, 1000)`` (89,536% -> 89,5%); ``None``
    decimals or no percentage: unchanged.
    """
    if p is None or decimalen is None:
        return p
    schaal = 10 ** (decimalen + 2)
    return Fraction(math.floor(p * schaal), schaal)


def omlaag_grootste(
    waarden: Mapping[str, Fraction],
    totaal: int,
    volgorde: Volgorde,
    plafonds: Mapping[str, int],
    extra: Callable[[str, Mapping[str, int]], int] | None = None,
) -> dict[str, int]:
    """Whole places summing to ``totaal``: everyone rounded down, the places left to the largest share.

    The largest share takes as many of the places left as its cap (``plafonds``) allows, then the next
    largest (ties by ``volgorde``). ``extra(code, so_far)`` may limit how many more a code may take (the
    caller's bound per type). Should the whole parts already exceed ``totaal`` (only possible when the
    caps left places undistributed), the largest shares give one back each. A whole part above its cap
    (the other type took the room) goes back to the cap first. Places that fit nowhere stay
    out of the sum (the caller reports them as not distributed).
    """
    uit = {c: max(0, min(math.floor(v), plafonds.get(c, 0))) for c, v in waarden.items()}
    rij = sorted(waarden, key=lambda c: (-waarden[c], volgorde(c)))
    rest = totaal - sum(uit.values())
    while rest < 0 and any(uit.values()):
        for c in rij:
            if rest < 0 and uit[c] > 0:
                uit[c] -= 1
                rest += 1
    for c in rij:
        if rest <= 0:
            break
        erbij = min(rest, plafonds.get(c, 0) - uit[c])
        if extra is not None:
            erbij = min(erbij, extra(c, uit))
        if erbij > 0:
            uit[c] += erbij
            rest -= erbij
    return uit


def _gerealiseerd(plekken: int, indicatief: Paar) -> Fraction:
    """The realised percentage of the indicative total (0 without an indicative total)."""
    return Fraction(plekken, indicatief.totaal) if indicatief.totaal else Fraction(0)


def _rond_omlaag_totaal(
    regulier: Sequence[GemeenteInvoer],
    amv: Sequence[GemeenteInvoer],
    na_stap_2: Mapping[str, Paar],
    plaats: Paar,
    inst: Instellingen,
    a: Mapping[str, Fraction],
    r: Mapping[str, Fraction],
    p: Fraction | None,
    ruimte: Mapping[str, int],
    volgorde: Volgorde,
) -> tuple[dict[str, int], dict[str, int]]:
    """Rounding ``omlaag-grootste`` on the total basis: first the total share of each gemeente, then amv.

    1. The total share (amv + regulier) at the common percentage ``p`` (already rounded down to the set
       decimals; never more than the exact share), rounded down; the places left go to the largest share.
    2. The amv within those whole totals by the same splitting rule: ``amv-naar-indicatie`` tops each up to
       one common factor × (its realised percentage × its indicative amv), own amv counted;
       ``naar-restopgave`` in proportion to the whole total. Largest remainder, never above the total.
    3. Regulier is the rest of the total. A gemeente that may take only one type gets its total in that type.
    Returns ``(regulier, amv)`` whole places per CBS code; sums: ``plaats``.
    """
    alle = {g.cbs_code: g for g in [*regulier, *amv]}
    met_reg = {g.cbs_code for g in regulier}
    met_amv = {g.cbs_code for g in amv}
    alleen_amv, alleen_reg = met_amv - met_reg, met_reg - met_amv
    t = {c: a.get(c, Fraction(0)) + r.get(c, Fraction(0)) for c in alle}
    if p is not None:
        t = {
            c: min(v, max(Fraction(0), p * alle[c].indicatief.totaal - na_stap_2[c].totaal))
            for c, v in t.items()
        }

    def extra(c: str, nu: Mapping[str, int]) -> int:
        if c in alleen_amv:
            return plaats.amv - sum(nu[x] for x in alleen_amv)
        if c in alleen_reg:
            return plaats.regulier - sum(nu[x] for x in alleen_reg)
        return plaats.totaal

    heel = omlaag_grootste(t, plaats.totaal, volgorde, ruimte, extra)
    amv_heel = {c: heel[c] for c in alleen_amv}
    nodig = plaats.amv - sum(amv_heel.values())
    beide = [alle[c] for c in sorted(met_reg & met_amv)]
    if nodig > 0 and beide:
        eigen = {g.cbs_code: na_stap_2[g.cbs_code] for g in beide}
        totaal = {c: eigen[c].totaal + heel[c] for c in eigen}  # own places + whole share
        if inst.splitsing == "amv-naar-indicatie":
            doelen = [
                Doel(c, _gerealiseerd(totaal[c], g.indicatief) * g.indicatief.amv, eigen[c].amv, heel[c])
                for g in beide
                for c in (g.cbs_code,)
            ]
        else:
            doelen = [Doel(g.cbs_code, heel[g.cbs_code], 0, heel[g.cbs_code]) for g in beide]
        _, verdeeld = vul_aan(doelen, nodig)
        if sum(verdeeld.values(), Fraction(0)) < nodig:  # too little indicative amv: weigh by the total
            op_totaal = [Doel(d.code, totaal[d.code], eigen[d.code].amv, d.plafond) for d in doelen]
            _, verdeeld = vul_aan(op_totaal, nodig)
        amv_heel.update(rond_af(verdeeld, nodig, "grootste-rest", volgorde, heel))
    reg_heel = {c: heel[c] - amv_heel.get(c, 0) for c in met_reg}
    return reg_heel, amv_heel


# --- step 4b ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Aandelen:
    """The outcome of step 4b before it is put back per gemeente."""

    aandelen: dict[str, Paar]
    percentage: Fraction | None
    percentage_amv: Fraction | None
    onverdeeld: Paar
    minimum: dict[str, tuple[str, ...]]  #: per code the types dropped for the minimum


def stap4b_verdelen(
    gemeenten: Sequence[GemeenteInvoer],
    na_stap_2: Mapping[str, Paar],
    uitsluitingen: Mapping[str, tuple[Uitsluiting, ...]],
    restopgave: Paar,
    instellingen: Instellingen = Instellingen(),
) -> Aandelen:
    """Step 4b: one common percentage for every remaining gemeente, the minimum, exact totals.

    A gemeente's share tops it up to the common percentage of its indicative target (what it already
    has counts); never above its indicative total. Shares under ``instellingen.minimum`` are dropped
    and the restopgave is distributed again without them: all at once when the others can take those
    places under their caps, otherwise one by one (smallest first) as long as one can be dropped. A
    share stays when dropping it would leave places undistributed (so the last recipient of a type stays).
    """
    uit_per_soort = {
        soort: {c for c, us in uitsluitingen.items() if any(u.soort in ("beide", soort) for u in us)}
        for soort in SOORTEN
    }
    indicatief = {g.cbs_code: g.indicatief.totaal for g in gemeenten}

    def volgorde(c: str) -> tuple[int, str]:
        return (-indicatief[c], c)

    def proef(minimum: dict[str, set[str]]) -> tuple[dict[str, list[GemeenteInvoer]], Aandelen]:
        mag = {
            soort: [g for g in gemeenten if g.cbs_code not in uit_per_soort[soort] | minimum[soort]]
            for soort in SOORTEN
        }
        return mag, _verdeel_eenmaal(mag["regulier"], mag["amv"], na_stap_2, restopgave, instellingen)

    minimum: dict[str, set[str]] = {soort: set() for soort in SOORTEN}
    mag, uitkomst = proef(minimum)
    while True:
        # the shares under the minimum, smallest first
        kandidaten: list[tuple[str, str]] = []
        for soort in SOORTEN:
            mogen = {g.cbs_code for g in mag[soort]}
            delen = {c: getattr(p, soort) for c, p in uitkomst.aandelen.items() if c in mogen}
            kandidaten += [(soort, c) for c, n in delen.items() if 0 < n < instellingen.minimum]
        kandidaten.sort(key=lambda sc: (getattr(uitkomst.aandelen[sc[1]], sc[0]), volgorde(sc[1])[::-1], sc))
        # all at once if the others can take them; otherwise one by one, the smallest first
        pogingen = [kandidaten, *([k] for k in kandidaten)] if len(kandidaten) > 1 else [kandidaten]
        for poging in pogingen if kandidaten else []:
            nieuw = {soort: set(codes) for soort, codes in minimum.items()}
            for soort, c in poging:
                nieuw[soort].add(c)
            volgende_mag, volgende = proef(nieuw)
            if volgende.onverdeeld.totaal <= uitkomst.onverdeeld.totaal:
                minimum, mag, uitkomst = nieuw, volgende_mag, volgende
                break
        else:
            break  # nothing to drop, or the others cannot take these places under their caps
    per_code = {g.cbs_code: tuple(s for s in SOORTEN if g.cbs_code in minimum[s]) for g in gemeenten}
    return replace(uitkomst, minimum=per_code)


def _doelen_regulier(
    regulier: Sequence[GemeenteInvoer],
    na_stap_2: Mapping[str, Paar],
    ruimte: Mapping[str, int],
    a: Mapping[str, Fraction],
) -> list[Doel]:
    """Regulier on the total basis: up to p of the indicative total, the amv share already counted."""
    return [
        Doel(
            g.cbs_code,
            g.indicatief.totaal,
            na_stap_2[g.cbs_code].totaal + a.get(g.cbs_code, 0),
            ruimte[g.cbs_code] - a.get(g.cbs_code, 0),
        )
        for g in regulier
    ]


def _verdeel_eenmaal(
    regulier: Sequence[GemeenteInvoer],
    amv: Sequence[GemeenteInvoer],
    na_stap_2: Mapping[str, Paar],
    rest: Paar,
    inst: Instellingen,
) -> Aandelen:
    """One pass of step 4b over the gemeenten that may take regulier resp. amv."""
    alle = {g.cbs_code: g for g in [*regulier, *amv]}
    ruimte = {c: g.indicatief.totaal - na_stap_2[c].totaal for c, g in alle.items()}

    def volgorde(c: str) -> tuple[int, str]:
        return (-alle[c].indicatief.totaal, c)

    q: Fraction | None
    p_totaal: Fraction | None = None
    if inst.basis == "totaal":
        # 1. the total share of every gemeente: up to p of its indicative total incl. amv
        p_totaal, totaal = vul_aan(
            [Doel(c, g.indicatief.totaal, na_stap_2[c].totaal, ruimte[c]) for c, g in alle.items()],
            rest.totaal,
        )
        # 2. the amv part of it
        if inst.splitsing == "amv-naar-indicatie":
            q, a = vul_aan(
                [
                    Doel(g.cbs_code, g.indicatief.amv, na_stap_2[g.cbs_code].amv, totaal[g.cbs_code])
                    for g in amv
                ],
                rest.amv,
            )
            if sum(a.values()) < rest.amv:  # the total shares cannot hold the amv: use the full room
                q, a = vul_aan(
                    [
                        Doel(g.cbs_code, g.indicatief.amv, na_stap_2[g.cbs_code].amv, ruimte[g.cbs_code])
                        for g in amv
                    ],
                    rest.amv,
                )
            q, a = _amv_naar_totaal(q, a, amv, na_stap_2, ruimte, rest.amv)
        else:
            basis = sum((totaal[g.cbs_code] for g in amv), Fraction(0))
            factor = Fraction(rest.amv) / basis if basis else Fraction(0)
            q = None
            a = {
                g.cbs_code: min(totaal[g.cbs_code] * factor, Fraction(max(ruimte[g.cbs_code], 0)))
                for g in amv
            }
        # 3. regulier: the rest of the total share
        p, r = vul_aan(_doelen_regulier(regulier, na_stap_2, ruimte, a), rest.regulier)
        tekort = rest.regulier - sum(r.values())
        if tekort > 0:  # the amv shares take room regulier needs: move amv to amv-only gemeenten
            a = _verschuif_amv(a, tekort, regulier, amv, na_stap_2, ruimte)
            p, r = vul_aan(_doelen_regulier(regulier, na_stap_2, ruimte, a), rest.regulier)
    else:  # per-soort: amv against the indicative amv, regulier against the indicative regulier
        q, a = vul_aan(
            [Doel(g.cbs_code, g.indicatief.amv, na_stap_2[g.cbs_code].amv, ruimte[g.cbs_code]) for g in amv],
            rest.amv,
        )
        q, a = _amv_naar_totaal(q, a, amv, na_stap_2, ruimte, rest.amv)
        p, r = vul_aan(
            [
                Doel(
                    g.cbs_code,
                    g.indicatief.regulier,
                    na_stap_2[g.cbs_code].regulier,
                    ruimte[g.cbs_code] - a.get(g.cbs_code, 0),
                )
                for g in regulier
            ],
            rest.regulier,
        )
    plaats = Paar(
        min(rest.regulier, int(sum(r.values(), Fraction(0)))),
        min(rest.amv, int(sum(a.values(), Fraction(0)))),
    )
    if inst.afronding == "omlaag-grootste" and inst.basis == "totaal":
        p = omlaag_afgerond(p if p is not None else p_totaal, inst.percentage_decimalen)
        reg_heel, amv_heel = _rond_omlaag_totaal(
            regulier, amv, na_stap_2, plaats, inst, a, r, p, ruimte, volgorde
        )
    elif inst.afronding == "omlaag-grootste":  # per-soort: each type on its own, rest to its largest share
        amv_heel = omlaag_grootste(a, plaats.amv, volgorde, ruimte)
        plafond_r = {c: ruimte[c] - amv_heel.get(c, 0) for c in r}
        reg_heel = omlaag_grootste(r, plaats.regulier, volgorde, plafond_r)
    else:
        amv_heel = rond_af(a, plaats.amv, inst.afronding, volgorde, ruimte)
        plafond_r = {c: ruimte[c] - amv_heel.get(c, 0) for c in r}
        reg_heel = rond_af(r, plaats.regulier, inst.afronding, volgorde, plafond_r)
    aandelen = {c: Paar(reg_heel.get(c, 0), amv_heel.get(c, 0)) for c in alle}
    geplaatst = Paar(sum(reg_heel.values()), sum(amv_heel.values()))
    return Aandelen(aandelen, p, q, rest - geplaatst, {})


def _amv_naar_totaal(
    q: Fraction | None,
    a: dict[str, Fraction],
    amv: Sequence[GemeenteInvoer],
    na_stap_2: Mapping[str, Paar],
    ruimte: Mapping[str, int],
    rest_amv: int,
) -> tuple[Fraction | None, dict[str, Fraction]]:
    """When the remaining gemeenten have too little indicative amv to take the amv restopgave (e.g. none),
    weigh amv by the indicative total instead, so the amv restopgave is still placed under the caps."""
    if sum(a.values(), Fraction(0)) >= rest_amv:
        return q, a
    return vul_aan(
        [
            Doel(g.cbs_code, g.indicatief.totaal, na_stap_2[g.cbs_code].totaal, ruimte[g.cbs_code])
            for g in amv
        ],
        rest_amv,
    )


def _verschuif_amv(
    a: dict[str, Fraction],
    tekort: Getal,
    regulier: Sequence[GemeenteInvoer],
    amv: Sequence[GemeenteInvoer],
    na_stap_2: Mapping[str, Paar],
    ruimte: Mapping[str, int],
) -> dict[str, Fraction]:
    """Move up to ``tekort`` amv places from gemeenten that also take regulier to those that take only
    amv (an exchange group), so the regulier restopgave fits under the indicative totals."""
    met_regulier = {g.cbs_code for g in regulier}
    alleen_amv = [g for g in amv if g.cbs_code not in met_regulier]
    vrij = {g.cbs_code: ruimte[g.cbs_code] - a.get(g.cbs_code, 0) for g in alleen_amv}
    bron = {c: v for c, v in a.items() if c in met_regulier and v > 0}
    totaal_bron = sum(bron.values(), Fraction(0))
    verschuif = min(Fraction(tekort), sum(vrij.values(), Fraction(0)), totaal_bron)
    if verschuif <= 0:
        return a
    uit = dict(a)
    for c, v in bron.items():
        uit[c] = v - verschuif * v / totaal_bron
    _, erbij = vul_aan(
        [
            Doel(
                g.cbs_code,
                g.indicatief.amv or 1,
                na_stap_2[g.cbs_code].amv + a.get(g.cbs_code, 0),
                vrij[g.cbs_code],
            )
            for g in alleen_amv
        ],
        verschuif,
    )
    for c, v in erbij.items():
        uit[c] = uit.get(c, Fraction(0)) + v
    return uit


# --- all steps ----------------------------------------------------------------------------------


def verdeel(invoer: VerdeelInvoer, instellingen: Instellingen = Instellingen()) -> Verdeling:
    """Run steps 1 to 4b on a province.

    The result sums to the opgave per type, unless a type already has more (then nothing of that type
    is distributed) or the indicative totals of the remaining gemeenten cannot hold the restopgave
    (then :attr:`Verdeling.onverdeeld` says how much is left).
    """
    na_stap_2 = {g.cbs_code: stap1_overnemen(g) + stap2_kansrijk(g) for g in invoer.gemeenten}
    totaal_2 = Paar()
    for p in na_stap_2.values():
        totaal_2 = totaal_2 + p
    restopgave = stap3_restopgave(invoer.opgave, totaal_2)
    uitsluitingen = stap4a_uitsluiten(invoer.gemeenten, na_stap_2, invoer.uitruilgroepen)
    uitkomst = stap4b_verdelen(invoer.gemeenten, na_stap_2, uitsluitingen, restopgave, instellingen)
    gemeenten = []
    for g in invoer.gemeenten:
        redenen = list(uitsluitingen[g.cbs_code])
        for soort in uitkomst.minimum.get(g.cbs_code, ()):
            redenen.append(
                Uitsluiting("minimum", soort, f"aandeel {soort} onder {instellingen.minimum} plekken")
            )
        gemeenten.append(
            GemeenteVerdeling(
                naam=g.naam,
                cbs_code=g.cbs_code,
                indicatief=g.indicatief,
                overgenomen=stap1_overnemen(g),
                kansrijk=stap2_kansrijk(g),
                kansrijke_plannen=g.kansrijk,
                uitsluitingen=tuple(redenen),
                aandeel=uitkomst.aandelen.get(g.cbs_code, Paar()),
                geen_gegevens=g.geen_gegevens,
            )
        )
    verdeling = Verdeling(
        provincie=invoer.provincie,
        instellingen=instellingen,
        opgave=invoer.opgave,
        gemeenten=tuple(gemeenten),
        restopgave=restopgave,
        percentage=uitkomst.percentage,
        percentage_amv=uitkomst.percentage_amv,
        onverdeeld=uitkomst.onverdeeld,
    )
    return replace(verdeling, gemeenten=tuple(replace(g, uitleg=uitleg(g, verdeling)) for g in gemeenten))


# --- the explanation per gemeente ---------------------------------------------------------------


def procent(f: Fraction | None, decimalen: int = 1) -> str:
    """``Fraction(89536, 100000)`` -> ``89,5%`` (half up, decimal comma, no space: as ``opmaak.procent``);
    ``–`` for None."""
    if f is None:
        return "–"
    d = (Decimal(f.numerator) * 100 / Decimal(f.denominator)).quantize(
        Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP
    )
    return f"{d}".replace(".", ",") + "%"


def _paar(p: Paar) -> str:
    return f"{getal(p.regulier)} regulier + {getal(p.amv)} amv = {getal(p.totaal)}"


def uitleg(g: GemeenteVerdeling, v: Verdeling) -> tuple[str, ...]:
    """Which step decided what for this gemeente, in plain Dutch (``regioplan verdeel --uitleg``)."""
    if g.geen_gegevens:
        regels = [
            "Stap 1: geen gegevens (geen bruikbaar werkboek), dus 0 plekken overgenomen; wat de gemeente al "
            "realiseert, telt in deze simulatie niet mee."
        ]
    else:
        regels = [
            f"Stap 1: {_paar(g.overgenomen)} plekken uit het verslag overgenomen (tellen voor de cyclus)."
        ]
    if g.kansrijke_plannen:
        plannen = "; ".join(
            f"'{k.omschrijving}' {getal(k.plekken)} {'amv' if k.doelgroep == 'amv' else 'regulier'}"
            f" ({KANSRIJK_CRITERIA.get(k.criterium, k.criterium)})"
            for k in g.kansrijke_plannen
        )
        regels.append(f"Stap 2: kansrijk toegevoegd: {plannen}.")
    else:
        regels.append("Stap 2: geen kansrijke plannen.")
    regels.append(f"Na stap 2: {_paar(g.na_stap_2)}; indicatief {_paar(g.indicatief)}.")
    for u in g.uitsluitingen:
        soort = "" if u.soort == "beide" else f" voor {u.soort}"
        toelichting = f": {u.toelichting}" if u.toelichting else ""
        regels.append(f"Stap 4a: uitgesloten{soort}, {REDENEN.get(u.reden, u.reden)}{toelichting}.")
    if g.aandeel.totaal:
        regels.append(
            f"Stap 4b: aandeel in de restopgave {_paar(g.aandeel)}; uitkomst {_paar(g.verdeling)}"
            f" = {procent(g.percentage)} van de indicatieve {getal(g.indicatief.totaal)}."
        )
        inst = v.instellingen
        if inst.afronding == "omlaag-grootste" and inst.basis == "totaal" and v.percentage is not None:
            rest = g.verdeling.totaal - math.floor(v.percentage * g.indicatief.totaal)
            if rest > 0:
                regels.append(
                    f"Stap 4b: alle aandelen zijn naar beneden afgerond; de gemeente heeft het grootste "
                    f"aandeel en krijgt daarom ook de {getal(rest)} plekken die daarna overbleven "
                    f"(daardoor boven {procent(v.percentage)} van haar indicatieve opgave)."
                )
    elif g.uitgesloten("regulier") and g.uitgesloten("amv"):
        regels.append("Stap 4b: geen aandeel (uitgesloten).")
    else:
        regels.append(
            f"Stap 4b: geen aandeel: met {getal(g.na_stap_2.totaal)} plekken zit de gemeente al op of boven "
            f"het gemeenschappelijke percentage ({procent(v.percentage)})."
        )
    return tuple(regels)
