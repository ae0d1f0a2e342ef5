"""The steps of the Verdeelbesluit method on small invented provinces, and properties of the whole."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regioplan.verdeling import (
    GemeenteInvoer,
    Instellingen,
    Kansrijk,
    Paar,
    Uitsluiting,
    VerdeelInvoer,
    verdeel,
)
from regioplan.verdeling.stappen import (
    Doel,
    omlaag_afgerond,
    omlaag_grootste,
    procent,
    rond_af,
    stap2_kansrijk,
    stap3_restopgave,
    stap4a_uitsluiten,
    vul_aan,
)


def gem(code: str, regulier: int, amv: int, eigen: Paar = Paar(), **kw) -> GemeenteInvoer:
    return GemeenteInvoer(code, code, Paar(regulier, amv), eigen, **kw)


def provincie(*gemeenten: GemeenteInvoer, groepen=()) -> VerdeelInvoer:
    opgave = Paar(sum(g.indicatief.regulier for g in gemeenten), sum(g.indicatief.amv for g in gemeenten))
    return VerdeelInvoer("Proefland", opgave, gemeenten, tuple(frozenset(g) for g in groepen))


def uitkomst(v, code):
    return next(g for g in v.gemeenten if g.cbs_code == code)


# --- steps 1-3 ----------------------------------------------------------------------------------


def test_kansrijk_telt_per_doelgroep():
    g = gem(
        "A",
        100,
        10,
        kansrijk=(Kansrijk("Hotel", 34, "asiel", "besluit"), Kansrijk("Amv-huis", 8, "amv", "toezegging")),
    )
    assert stap2_kansrijk(g) == Paar(34, 8)


def test_restopgave_per_soort_nooit_negatief():
    assert stap3_restopgave(Paar(5787, 538), Paar(3851, 130)) == Paar(1936, 408)
    assert stap3_restopgave(Paar(100, 10), Paar(150, 4)) == Paar(0, 6)


# --- step 4a ------------------------------------------------------------------------------------


def test_uitsluiten_op_indicatief_totaal_ook_gelijk():
    a, b = gem("A", 90, 10), gem("B", 90, 10)
    uit = stap4a_uitsluiten([a, b], {"A": Paar(100, 0), "B": Paar(99, 0)})
    assert [u.reden for u in uit["A"]] == ["indicatief"]
    assert uit["B"] == ()


def test_gegeven_uitsluitingen_blijven_met_reden():
    a = gem("A", 90, 10, uitsluitingen=(Uitsluiting("historisch", toelichting="tien jaar azc"),))
    uit = stap4a_uitsluiten([a], {"A": Paar(0, 0)})
    assert uit["A"][0].reden == "historisch" and uit["A"][0].toelichting == "tien jaar azc"


def test_groepsuitruil_sluit_de_hele_groep_uit_voor_regulier():
    a, b, c = gem("A", 100, 10), gem("B", 100, 10), gem("C", 100, 10)
    eigen = {"A": Paar(200, 0), "B": Paar(0, 0), "C": Paar(0, 0)}
    uit = stap4a_uitsluiten([a, b, c], eigen, [frozenset({"A", "B"})])
    assert [(u.reden, u.soort) for u in uit["B"]] == [("uitruil", "regulier")]
    assert [u.reden for u in uit["A"]] == ["indicatief", "uitruil"]
    assert uit["C"] == ()
    # together short of their indicative regulier: nobody is excluded for the exchange
    uit = stap4a_uitsluiten([a, b, c], {**eigen, "A": Paar(199, 0)}, [frozenset({"A", "B"})])
    assert not any(u.reden == "uitruil" for us in uit.values() for u in us)


def test_groepsuitruil_in_de_verdeling():
    # A realises 200 for itself and B; B gets no regulier share but still amv.
    invoer = provincie(
        gem("A", 100, 10, Paar(200, 0)), gem("B", 100, 10), gem("C", 400, 10), groepen=[{"A", "B"}]
    )
    v = verdeel(invoer)
    b, c = uitkomst(v, "B"), uitkomst(v, "C")
    assert b.aandeel.regulier == 0 and b.aandeel.amv > 0
    assert c.aandeel.regulier == 400  # all of the regulier restopgave
    assert v.totaal == v.opgave and v.onverdeeld == Paar()


# --- step 4b ------------------------------------------------------------------------------------


def test_vul_aan_gelijk_percentage_exact():
    k, delen = vul_aan([Doel("A", 100, 0, 100), Doel("B", 300, 0, 300)], 200)
    assert k == Fraction(1, 2)
    assert delen == {"A": 50, "B": 150}


def test_vul_aan_telt_eigen_plekken_mee():
    # B already has 120 of 300: both go to 50 %, B only needs 30
    k, delen = vul_aan([Doel("A", 100, 0, 100), Doel("B", 300, 120, 180)], 80)
    assert k == Fraction(1, 2) and delen == {"A": 50, "B": 30}


def test_vul_aan_plafond_en_onmogelijk():
    k, delen = vul_aan([Doel("A", 100, 0, 10), Doel("B", 100, 0, 100)], 60)
    assert delen["A"] == 10 and delen["B"] == 50
    _, delen = vul_aan([Doel("A", 100, 0, 10)], 60)
    assert delen["A"] == 10


def test_restopgave_nul_geeft_niets_te_verdelen():
    a, b = gem("A", 100, 10, Paar(100, 10)), gem("B", 100, 10, Paar(100, 10))
    v = verdeel(provincie(a, b))
    assert v.restopgave == Paar(0, 0)
    assert v.percentage is None and all(g.aandeel == Paar() for g in v.gemeenten)
    assert v.totaal == v.opgave


def test_minimum_vijf_herverdeeld():
    # C has almost its share already: its top-up would be 3 regulier, which is dropped and goes to A and B
    a, b, c = gem("A", 100, 0), gem("B", 100, 0), gem("C", 100, 0, Paar(77, 0))
    v = verdeel(VerdeelInvoer("P", Paar(240, 0), (a, b, c)))
    assert uitkomst(v, "C").aandeel == Paar(0, 0)
    assert [u.reden for u in uitkomst(v, "C").uitsluitingen] == ["minimum"]
    assert uitkomst(v, "A").aandeel.regulier + uitkomst(v, "B").aandeel.regulier == 163
    assert v.totaal == Paar(240, 0)
    # without the minimum C would have received 3
    v0 = verdeel(VerdeelInvoer("P", Paar(240, 0), (a, b, c)), Instellingen(minimum=0))
    assert uitkomst(v0, "C").aandeel.regulier == 3


def test_minimum_laat_de_laatste_ontvanger_staan():
    a, b = gem("A", 100, 2), gem("B", 100, 2)
    v = verdeel(VerdeelInvoer("P", Paar(0, 3), (a, b)))
    assert v.totaal == Paar(0, 3)
    assert sorted(g.aandeel.amv for g in v.gemeenten) == [0, 3]


def test_plafond_indicatief_totaal():
    # Restopgave bigger than the room below the indicative totals of the remaining gemeenten.
    a = gem("A", 100, 0, uitsluitingen=(Uitsluiting("historisch"),))
    b = gem("B", 50, 0)
    v = verdeel(VerdeelInvoer("P", Paar(150, 0), (a, b)))
    assert uitkomst(v, "B").verdeling.totaal == 50
    assert v.onverdeeld == Paar(100, 0)


def test_afronding_grootste_rest_en_half_omhoog():
    waarden = {"A": Fraction(7, 3), "B": Fraction(7, 3), "C": Fraction(7, 3)}
    volg = {"A": (0,), "B": (1,), "C": (2,)}.__getitem__
    assert rond_af(waarden, 7, "grootste-rest", volg) == {"A": 3, "B": 2, "C": 2}
    assert rond_af({"A": Fraction(5, 2), "B": Fraction(3, 2)}, 4, "half-omhoog", volg) == {"A": 2, "B": 2}


def test_omlaag_grootste_rest_naar_het_grootste_aandeel():
    volg = {"A": (0,), "B": (1,), "C": (2,)}.__getitem__
    waarden = {"A": Fraction(99, 10), "B": Fraction(59, 10), "C": Fraction(42, 10)}
    # everyone rounded down (9, 5, 4 = 18); the 2 places left both go to the largest share
    assert omlaag_grootste(waarden, 20, volg, {"A": 50, "B": 50, "C": 50}) == {"A": 11, "B": 5, "C": 4}
    # ... as far as its cap allows, then the next largest
    assert omlaag_grootste(waarden, 20, volg, {"A": 10, "B": 50, "C": 50}) == {"A": 10, "B": 6, "C": 4}
    # a whole part above its cap goes back to the cap first; a bound per code limits the extra
    assert omlaag_grootste(waarden, 20, volg, {"A": 8, "B": 50, "C": 50}) == {"A": 8, "B": 8, "C": 4}
    assert omlaag_grootste(waarden, 20, volg, {"A": 50, "B": 50, "C": 50}, lambda c, nu: 1) == {
        "A": 10,
        "B": 6,
        "C": 4,
    }
    # whole parts above the total (caps left places out): the largest give one back
    assert omlaag_grootste(waarden, 17, volg, {"A": 50, "B": 50, "C": 50}) == {"A": 8, "B": 5, "C": 4}


def test_percentage_omlaag_op_decimalen():
    assert omlaag_afgerond(Fraction(3474, 3880), 1) == Fraction(895, 1000)  # 89,536 % -> 89,5 %
    assert omlaag_afgerond(Fraction(3474, 3880), 2) == Fraction(8953, 10000)
    assert omlaag_afgerond(Fraction(3474, 3880), None) == Fraction(3474, 3880)
    assert omlaag_afgerond(None, 1) is None
    with pytest.raises(ValueError):
        Instellingen(percentage_decimalen=7)


def test_omlaag_grootste_totaal_eerst_dan_amv():
    gemeenten = (gem("D", 157, 15), gem("O", 160, 15), gem("Z", 656, 61, Paar(346, 48)))
    invoer = VerdeelInvoer("P", Paar(860, 100), gemeenten)
    v = verdeel(invoer)
    assert v.totaal == Paar(860, 100)
    exact = Fraction(960, 172 + 175 + 717)  # (restopgave + own places) / indicative totals
    assert v.percentage == omlaag_afgerond(exact, 1) < exact
    d, o, z = (uitkomst(v, c) for c in "DOZ")
    # the totals first: D and O at the percentage rounded down; Z (the largest share) takes the rest
    for g in (d, o):
        assert g.aandeel.totaal == int(v.percentage * g.indicatief.totaal)
    assert z.aandeel.totaal == 960 - 394 - d.aandeel.totaal - o.aandeel.totaal
    assert z.verdeling.totaal > v.percentage * z.indicatief.totaal
    # then amv within each whole total, by realised percentage x indicative amv: with the same
    # indicative amv, D (the higher realised percentage) gets at least as much amv as O
    assert d.percentage > o.percentage and d.aandeel.amv >= o.aandeel.amv
    assert 0 < d.aandeel.amv < d.aandeel.totaal and 0 < z.aandeel.amv < z.aandeel.totaal
    # the exact percentage: the same rule without rounding the percentage
    v_exact = verdeel(invoer, Instellingen(percentage_decimalen=None))
    assert v_exact.percentage == exact and v_exact.totaal == Paar(860, 100)


def test_procent_half_omhoog_met_komma():
    assert procent(Fraction(89536, 100000)) == "89,5%"
    assert procent(Fraction(1, 8), 2) == "12,50%"
    assert procent(None) == "–"


def test_instellingen_weigeren_onbekende_keuze():
    with pytest.raises(ValueError):
        Instellingen(basis="per-inwoner")


def test_uitleg_noemt_elke_stap():
    g = gem("A", 100, 10, Paar(20, 0), kansrijk=(Kansrijk("Hotel", 10, "asiel", "voor-raming"),))
    v = verdeel(provincie(g, gem("B", 100, 10)))
    tekst = " ".join(uitkomst(v, "A").uitleg)
    assert "Stap 1" in tekst and "Hotel" in tekst and "vóór de volgende capaciteitsraming" in tekst
    assert "Stap 4b: aandeel" in tekst


# --- properties ---------------------------------------------------------------------------------

gemeente_st = st.tuples(
    st.integers(0, 700),  # indicatief regulier
    st.integers(0, 60),  # indicatief amv
    st.integers(0, 800),  # eigen regulier
    st.integers(0, 80),  # eigen amv
    st.booleans(),  # historisch uitgesloten
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(gemeente_st, min_size=1, max_size=12),
    st.sampled_from(["totaal", "per-soort"]),
    st.sampled_from(["omlaag-grootste", "grootste-rest", "half-omhoog"]),
    st.integers(0, 6),
    st.sampled_from([None, 1, 2]),
)
def test_verdeling_sluit_en_blijft_onder_indicatief(rijen, basis, afronding, minimum, decimalen):
    gemeenten = tuple(
        gem(f"G{i:02d}", r, a, Paar(er, ea), uitsluitingen=(Uitsluiting("historisch"),) if h else ())
        for i, (r, a, er, ea, h) in enumerate(rijen)
    )
    opgave = Paar(sum(r[0] for r in rijen), sum(r[1] for r in rijen))
    invoer = VerdeelInvoer("P", opgave, gemeenten)
    inst = Instellingen(basis=basis, afronding=afronding, minimum=minimum, percentage_decimalen=decimalen)
    v = verdeel(invoer, inst)
    eigen = Paar(sum(r[2] for r in rijen), sum(r[3] for r in rijen))
    for g in v.gemeenten:
        # a share never lifts a gemeente above its indicative total; own places stay as they are
        assert g.aandeel.regulier >= 0 and g.aandeel.amv >= 0
        if g.aandeel.totaal:
            assert g.verdeling.totaal <= g.indicatief.totaal
        assert g.verdeling - g.aandeel == g.overgenomen
        for soort in ("regulier", "amv"):
            deel = getattr(g.aandeel, soort)
            if minimum and 0 < deel < minimum and len(v.ontvangers(soort)) > 1:
                # a small share only stays when the others cannot take it under their caps (with the
                # shares the minimum already dropped left out as well)
                gevallen = {
                    x.cbs_code: tuple(u for u in x.uitsluitingen if u.reden == "minimum") for x in v.gemeenten
                }
                zonder = tuple(
                    replace(
                        x,
                        uitsluitingen=(
                            *x.uitsluitingen,
                            *gevallen[x.cbs_code],
                            *((Uitsluiting("minimum", soort),) if x.cbs_code == g.cbs_code else ()),
                        ),
                    )
                    for x in gemeenten
                )
                ander = verdeel(replace(invoer, gemeenten=zonder), replace(inst, minimum=0))
                assert ander.onverdeeld.totaal > v.onverdeeld.totaal
    # the totals: exactly the opgave per type, unless a type already has more, or the room is too small
    for soort in ("regulier", "amv"):
        totaal = getattr(v.totaal, soort) + getattr(v.onverdeeld, soort)
        assert totaal == max(getattr(opgave, soort), getattr(eigen, soort))
    ruimte = sum(
        max(0, g.indicatief.totaal - g.overgenomen.totaal)
        for g in gemeenten
        if not g.uitsluitingen and g.overgenomen.totaal < g.indicatief.totaal
    )
    # enough room (a margin for the rounding) on the total basis: nothing is left undistributed
    if basis == "totaal" and ruimte >= v.restopgave.totaal + 2 * len(gemeenten):
        assert v.onverdeeld == Paar()
