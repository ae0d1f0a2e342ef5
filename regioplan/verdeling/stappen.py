"""The steps of the Verdeelbesluit method as pure functions (source: Verdeelbesluit Overijssel 2024,
toelichting hoofdstuk 2 "Methode voor het aanvullen van de verdeelbesluiten", stap 1 tot en met 4b).

Step 1 and 2 give per gemeente the places taken over and the kansrijke plans; step 3 the restopgave
(regulier and amv) against the provincial opgave; step 4a who is left out and why; step 4b the shares.
:func:`verdeel` runs them in order. The three choices the source leaves open are
:class:`~regioplan.verdeling.model.Instellingen`; docs/verdeel.md gives the evidence for the defaults.
"""

from __future__ import annotations

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
        return sum((min(max(k * d.gewicht - d.eigen, 0), d.plafond) for d in actief), Fraction(0))

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
    return k, {**nul, **{d.code: Fraction(min(max(k * d.gewicht - d.eigen, 0), d.plafond)) for d in actief}}


def _half_omhoog(v: Fraction) -> int:
    return int((Decimal(v.numerator) / Decimal(v.denominator)).quantize(Decimal(1), ROUND_HALF_UP))


def rond_af(
    waarden: Mapping[str, Fraction],
    totaal: int,
    methode: str,
    volgorde: Callable[[str], tuple],
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
    and the restopgave is distributed again without them (never the last remaining gemeente of a type).
    """
    uit_per_soort = {
        soort: {c for c, us in uitsluitingen.items() if any(u.soort in ("beide", soort) for u in us)}
        for soort in SOORTEN
    }
    indicatief = {g.cbs_code: g.indicatief.totaal for g in gemeenten}

    def volgorde(c: str) -> tuple:
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
        nieuw = {soort: set(codes) for soort, codes in minimum.items()}
        for soort in SOORTEN:
            mogen = {g.cbs_code for g in mag[soort]}
            delen = {c: getattr(p, soort) for c, p in uitkomst.aandelen.items() if c in mogen}
            te_klein = [c for c, n in delen.items() if 0 < n < instellingen.minimum]
            ontvangers = [c for c, n in delen.items() if n > 0]
            if te_klein and len(te_klein) == len(ontvangers):  # all too small: keep the largest
                te_klein = sorted(te_klein, key=lambda c: (-delen[c], volgorde(c)))[1:]
            nieuw[soort].update(te_klein)
        if nieuw == minimum:
            break
        volgende_mag, volgende = proef(nieuw)
        if volgende.onverdeeld.totaal > uitkomst.onverdeeld.totaal:
            break  # the others cannot take these places under their caps: the small shares stay
        minimum, mag, uitkomst = nieuw, volgende_mag, volgende
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

    def volgorde(c: str) -> tuple:
        return (-alle[c].indicatief.totaal, c)

    q: Fraction | None
    if inst.basis == "totaal":
        # 1. the total share of every gemeente: up to p of its indicative total incl. amv
        _, totaal = vul_aan(
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
    amv_heel = rond_af(a, min(rest.amv, int(sum(a.values(), Fraction(0)))), inst.afronding, volgorde, ruimte)
    plafond_r = {c: ruimte[c] - amv_heel.get(c, 0) for c in r}
    reg_heel = rond_af(
        r, min(rest.regulier, int(sum(r.values(), Fraction(0)))), inst.afronding, volgorde, plafond_r
    )
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
    tekort: Fraction,
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
    """``Fraction(89536, 100000)`` -> ``89,5 %`` (half up, decimal comma); ``–`` for None."""
    if f is None:
        return "–"
    d = (Decimal(f.numerator) * 100 / Decimal(f.denominator)).quantize(
        Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP
    )
    return f"{d}".replace(".", ",") + " %"


def _paar(p: Paar) -> str:
    return f"{getal(p.regulier)} regulier + {getal(p.amv)} amv = {getal(p.totaal)}"


def uitleg(g: GemeenteVerdeling, v: Verdeling) -> tuple[str, ...]:
    """Which step decided what for this gemeente, in plain Dutch (``regioplan verdeel --uitleg``)."""
    regels = [f"Stap 1: {_paar(g.overgenomen)} plekken uit het verslag overgenomen (tellen voor de cyclus)."]
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
    elif g.uitgesloten("regulier") and g.uitgesloten("amv"):
        regels.append("Stap 4b: geen aandeel (uitgesloten).")
    else:
        regels.append(
            f"Stap 4b: geen aandeel: met {getal(g.na_stap_2.totaal)} plekken zit de gemeente al op of boven "
            f"het gemeenschappelijke percentage ({procent(v.percentage)})."
        )
    return tuple(regels)
