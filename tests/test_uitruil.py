"""Uitruil as pure functions: pairing both sides, what moves, findings, locations listed twice.

Each scenario asserts the exact figures per gemeente (geldig, voornemens, GOO open on a peildatum) as
the figures see the submissions after :meth:`Uitruilbeeld.aangepast`, and the findings at their rows.
The end-to-end versions with real workbooks are in ``tests/test_uitruil_e2e.py``.
"""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from regioplan import regels, uitruil
from regioplan.config import Cyclus
from regioplan.model import AsielLocatie, GooLocatie, Herkomst, Uitruil, Uitvraag
from regioplan.waarden import ONBEKEND, ONBEPAALD, Capaciteit

D = dt.date
CYCLUS = Cyclus("1e cyclus", D(2025, 7, 1), D(2026, 2, 1))
PEIL = D(2025, 1, 1)
A, B, C = "GM0001", "GM0002", "GM0003"
NAMEN = {A: "Aadorp", B: "Bedum", C: "Cuijk", "GM0303": "Dronten"}
BINNEN = (A, B, C)


def zoek(tekst: str) -> str | None:
    for code, naam in NAMEN.items():
        if tekst in (code, naam):
            return code
    return None


def naam(code: str) -> str:
    return NAMEN.get(code, code)


def loc(naam_: str, cap: int, rij: int, code: str, **kw) -> AsielLocatie:
    kw.setdefault("startdatum", D(2020, 1, 1))
    kw.setdefault("einddatum", ONBEPAALD)
    kw.setdefault("besluit", True)
    return AsielLocatie(naam_, Capaciteit.exact(cap), herkomst=Herkomst(f"{code}.xlsx", "Asiel", rij), **kw)


def ruil(partner: str, plekken: int, richting: str, rij: int, code: str, **kw) -> Uitruil:
    kw.setdefault("startdatum", D(2024, 1, 1))
    kw.setdefault("einddatum", ONBEPAALD)
    return Uitruil(
        partner, plekken=plekken, richting=richting, herkomst=Herkomst(f"{code}.xlsx", "Uitruil", rij), **kw
    )


def uv(code: str, asiel=(), ruilen=(), oekraine=()) -> Uitvraag:
    return Uitvraag(
        naam=NAMEN[code],
        cbs_code=code,
        bestand=f"{code}.xlsx",
        asiel=list(asiel),
        uitruil=list(ruilen),
        oekraine=list(oekraine),
    )


def geldig(u: Uitvraag | None) -> int:
    return sum(x.capaciteit.telwaarde for x in (u.asiel if u else []) if regels.telt_mee(x, CYCLUS).telt)


def voornemens(u: Uitvraag | None) -> int:
    uit = 0
    for x in u.asiel if u else []:
        o = regels.telt_mee(x, CYCLUS)
        if regels.is_voornemen(x, o, CYCLUS):
            uit += x.capaciteit.telwaarde
    return uit


def figuren(uitvragen: dict[str, Uitvraag]) -> tuple[uitruil.Uitruilbeeld, dict[str, int]]:
    b = uitruil.beeld(uitvragen, BINNEN, zoek, naam)
    return b, {code: geldig(b.aangepast(code, uitvragen.get(code))) for code in BINNEN}


def codes(b: uitruil.Uitruilbeeld) -> list[tuple[str, str, str, int]]:
    return [(x.code, x.gemeente, x.herkomst.blad, x.herkomst.rij) for x in b.bevindingen]


def test_tweezijdig_binnen_de_provincie():
    u = {
        A: uv(A, [loc("Azc", 500, 2, A)], [ruil("Bedum", 20, "levert", 2, A)]),
        B: uv(B, [], [ruil("Aadorp", 20, "ontvangt", 2, B)]),
    }
    b, f = figuren(u)
    assert f == {A: 480, B: 20, C: 0}
    assert sum(f.values()) == 500
    (a,) = b.afspraken
    assert (a.leverancier, a.ontvanger, a.reden, a.verwerkt) == (A, B, uitruil.VERWERKT, True)
    assert codes(b) == []
    rijen = b.aangepast(B, u[B]).asiel
    assert [(r.capaciteit.telwaarde, r.uitruil_partner, r.uitruil_richting) for r in rijen] == [
        (20, A, "ontvangt")
    ]


def test_ontvanger_noemt_de_locatie_met_ligt_in():
    """The case of the issue: A lists 500 and levert 20; B lists the 20 with Ligt in = A and ontvangt 20."""
    for met_rij in (True, False):  # the Asiel row alone is an equivalent record
        u = {
            A: uv(A, [loc("Azc", 500, 2, A)], [ruil("Bedum", 20, "levert", 2, A)]),
            B: uv(
                B,
                [
                    loc("Azc Aadorp (deel)", 20, 2, B, ligt_in="Aadorp", startdatum=D(2024, 1, 1)),
                    loc("Eigen", 30, 3, B),
                ],
                [ruil("Aadorp", 20, "ontvangt", 2, B)] if met_rij else [],
            ),
        }
        b, f = figuren(u)
        assert f == {A: 480, B: 50, C: 0}, met_rij
        assert codes(b) == []
        # the received row keeps its place and name
        assert [r.locatie for r in b.aangepast(B, u[B]).asiel] == ["Azc Aadorp (deel)", "Eigen"]


def test_eenzijdig_verschuift_niets_en_meldt_beide_werkboeken():
    u = {
        A: uv(A, [loc("Azc", 500, 2, A)]),
        B: uv(B, [], [ruil("Aadorp", 25, "ontvangt", 4, B)]),
    }
    b, f = figuren(u)
    assert f == {A: 500, B: 0, C: 0}
    assert b.afspraken[0].reden == uitruil.NIET_EENZIJDIG
    assert codes(b) == [
        ("uitruil-ontbreekt-bij-partner", A, "Uitruil", 0),
        ("uitruil-eenzijdig", B, "Uitruil", 4),
    ]


def test_eenzijdige_ligt_in_rij_telt_niet_dubbel():
    u = {
        A: uv(A, [loc("Azc", 500, 2, A)]),
        B: uv(B, [loc("Azc", 25, 2, B, ligt_in="Aadorp")]),
    }
    b, f = figuren(u)
    assert f == {A: 500, B: 0, C: 0}
    assert codes(b) == [
        ("uitruil-ontbreekt-bij-partner", A, "Uitruil", 0),
        ("uitruil-eenzijdig", B, "Asiel", 2),
    ]


def test_tegenstrijdig():
    u = {
        A: uv(A, [loc("Azc", 500, 2, A)], [ruil("Bedum", 20, "levert", 2, A)]),
        B: uv(B, [], [ruil("Aadorp", 25, "ontvangt", 3, B, einddatum=D(2027, 1, 1))]),
    }
    b, f = figuren(u)
    assert f == {A: 500, B: 0, C: 0}
    (a,) = b.afspraken
    assert a.reden == uitruil.NIET_TEGENSTRIJDIG
    assert (
        a.verschil
        == "plekken 20 bij Aadorp, 25 bij Bedum; einddatum onbepaald bij Aadorp, 01-01-2027 bij Bedum"
    )
    assert codes(b) == [
        ("uitruil-tegenstrijdig", A, "Uitruil", 2),
        ("uitruil-tegenstrijdig", B, "Uitruil", 3),
    ]


def test_buiten_de_provincie():
    """Kampen–Dronten: the receiver lists the places with Ligt in; they count for it, marked outside."""
    u = {
        B: uv(
            B,
            [
                loc(
                    "Uitruil Dronten",
                    200,
                    2,
                    B,
                    startdatum=D(2024, 2, 1),
                    einddatum=D(2026, 2, 1),
                    ligt_in="Dronten",
                )
            ],
            [ruil("Dronten", 200, "ontvangt", 2, B, startdatum=D(2024, 2, 1), einddatum=D(2026, 2, 1))],
        )
    }
    b, f = figuren(u)
    assert f == {A: 0, B: 200, C: 0}
    (a,) = b.afspraken
    assert (a.reden, a.buiten, a.spiegel) == (uitruil.VERWERKT_BUITEN, True, False)
    assert [r.buiten_provincie for r in b.aangepast(B, u[B]).asiel] == [True]
    assert codes(b) == []
    # a bare Uitruil row without the places on the Asiel sheet moves nothing: no place is listed anywhere
    u = {B: uv(B, [], [ruil("Dronten", 200, "ontvangt", 2, B)])}
    b, f = figuren(u)
    assert f[B] == 0 and b.afspraken[0].reden == uitruil.NIET_ZONDER_LOCATIE


def test_levert_aan_gemeente_buiten_de_provincie():
    u = {A: uv(A, [loc("Azc", 500, 2, A)], [ruil("Dronten", 100, "levert", 2, A)])}
    b, f = figuren(u)
    assert f[A] == 400
    assert b.afspraken[0].reden == uitruil.VERWERKT_BUITEN


def test_partner_die_geen_gemeente_is_verschuift_niets():
    """A typo (``Drontn``), the gemeente itself or an empty partner: no exchange, no place moves.

    Only a real gemeente outside the configuration (Dronten, above) is "buiten de provincie"."""
    for partner, reden, code in (
        ("Drontn", uitruil.NIET_PARTNER_ONBEKEND, "uitruil-partner-onbekend"),
        ("Aadorp", uitruil.NIET_PARTNER_ZELF, "uitruil-partner-zelf"),
        ("GM0001", uitruil.NIET_PARTNER_ZELF, "uitruil-partner-zelf"),
        ("", uitruil.NIET_PARTNER_LEEG, None),  # the reader reports veld-verplicht
        ("  ", uitruil.NIET_PARTNER_LEEG, None),
    ):
        for richting in ("levert", "ontvangt"):
            u = {A: uv(A, [loc("Azc", 500, 2, A)], [ruil(partner, 100, richting, 3, A)])}
            b, f = figuren(u)
            assert f == {A: 500, B: 0, C: 0}, (partner, richting)
            (a,) = b.afspraken
            assert (a.reden, a.verwerkt, a.buiten) == (reden, False, False), (partner, richting)
            assert a.vastleggingen[0].herkomst.rij == 3
            assert codes(b) == ([(code, A, "Uitruil", 3)] if code else []), (partner, richting)
            assert b.aangepast(A, u[A]).asiel == u[A].asiel
    # the partner's matching record is then one-sided: it moves nothing either. A's sheet does name the
    # exchange (misspelt): no "uitruil-ontbreekt-bij-partner" there, the unknown partner says it all
    u = {
        A: uv(A, [loc("Azc", 500, 2, A)], [ruil("Bedm", 20, "levert", 2, A)]),
        B: uv(B, [], [ruil("Aadorp", 20, "ontvangt", 2, B)]),
    }
    b, f = figuren(u)
    assert f == {A: 500, B: 0, C: 0}
    assert codes(b) == [
        ("uitruil-partner-onbekend", A, "Uitruil", 2),
        ("uitruil-eenzijdig", B, "Uitruil", 2),
    ]
    # ... but a typo of another size is another exchange: A's sheet misses B's
    u[A] = uv(A, [loc("Azc", 500, 2, A)], [ruil("Bedm", 25, "levert", 2, A)])
    b, f = figuren(u)
    assert codes(b) == [
        ("uitruil-ontbreekt-bij-partner", A, "Uitruil", 0),
        ("uitruil-partner-onbekend", A, "Uitruil", 2),
        ("uitruil-eenzijdig", B, "Uitruil", 2),
    ]
    onbekend = next(x for x in b.bevindingen if x.code == "uitruil-partner-onbekend")
    assert dict(onbekend.params)["naam"] == "Bedm"
    assert {a.reden for a in b.afspraken} == {uitruil.NIET_PARTNER_ONBEKEND, uitruil.NIET_EENZIJDIG}
    assert "'Bedm' is geen bekende gemeente" in next(a.uitleg(naam) for a in b.afspraken if not a.ontvangt)


def test_partner_zonder_gegevens():
    # the supplier delivered nothing: the receiver's Asiel row holds the places
    u = {B: uv(B, [loc("Azc Aadorp", 30, 2, B, ligt_in="Aadorp")])}
    b, f = figuren(u)
    assert f == {A: 0, B: 30, C: 0}
    assert b.afspraken[0].reden == uitruil.VERWERKT_ZONDER_PARTNER
    # the receiver delivered nothing: the supplier's word moves the places
    u = {A: uv(A, [loc("Azc", 500, 2, A)], [ruil("Bedum", 20, "levert", 2, A)])}
    b, f = figuren(u)
    assert f == {A: 480, B: 20, C: 0}


def test_gedeelde_locatie_telt_een_keer():
    u = {
        B: uv(B, [loc("CNO-locatie", 40, 2, B), loc("Eigen", 10, 3, B)]),
        A: uv(A, [loc("Cno locatie", 40, 5, A)]),
    }
    b, f = figuren(u)
    assert f == {A: 40, B: 10, C: 0}  # counted for the first in the configured order
    assert codes(b) == [
        ("locatie-dubbel-gemeenten", A, "Asiel", 5),
        ("locatie-dubbel-gemeenten", B, "Asiel", 2),
    ]
    assert dict(b.bevindingen[1].params)["houder"] == "Aadorp"


def test_voornemen_verschuift_niets():
    u = {
        A: uv(
            A,
            [loc("Azc", 500, 2, A)],
            [ruil("Bedum", 83, "levert", 2, A, status="voornemen", startdatum=ONBEKEND)],
        ),
        B: uv(B, [], [ruil("Aadorp", 83, "ontvangt", 2, B, status="voornemen", startdatum=ONBEKEND)]),
    }
    b, f = figuren(u)
    assert f == {A: 500, B: 0, C: 0}
    assert voornemens(b.aangepast(B, u[B])) == 0
    assert b.afspraken[0].reden == uitruil.NIET_VOORNEMEN and codes(b) == []


def test_groter_dan_de_locatie():
    u = {
        A: uv(A, [loc("Klein", 10, 2, A)], [ruil("Bedum", 20, "levert", 2, A)]),
        B: uv(B, [], [ruil("Aadorp", 20, "ontvangt", 2, B)]),
    }
    b, f = figuren(u)
    assert f == {A: 10, B: 0, C: 0}
    assert b.afspraken[0].beschikbaar == 10
    assert codes(b) == [
        ("uitruil-groter-dan-locatie", A, "Uitruil", 2),
        ("uitruil-groter-dan-locatie", B, "Uitruil", 2),
    ]


def test_uitruil_met_late_start_is_voornemen_bij_de_ontvanger():
    """The mirror rows follow the same rule: places that start after the cut-off move as voornemen."""
    late = {"startdatum": D(2025, 10, 1)}
    u = {
        A: uv(A, [loc("Nieuw", 100, 2, A, **late)], [ruil("Bedum", 40, "levert", 2, A, **late)]),
        B: uv(B, [], [ruil("Aadorp", 40, "ontvangt", 2, B, **late)]),
    }
    b, _f = figuren(u)
    assert voornemens(b.aangepast(A, u[A])) == 60
    assert voornemens(b.aangepast(B, u[B])) == 40


def test_oekraine_uitruil():
    goo = GooLocatie("Hotel", Capaciteit.exact(100), opening=D(2023, 1, 1), sluiting=ONBEPAALD)
    u = {
        A: uv(A, [], [ruil("Bedum", 30, "levert", 2, A, opgave="oekraine")], [goo]),
        B: uv(B, [], [ruil("Aadorp", 30, "ontvangt", 2, B, opgave="oekraine")]),
    }
    b = uitruil.beeld(u, BINNEN, zoek, naam)

    def open_(code):
        x = b.aangepast(code, u.get(code))
        return sum(g.capaciteit.telwaarde for g in x.oekraine if regels.goo_telt(g, PEIL))

    assert (open_(A), open_(B)) == (70, 30)


# --- the property: the province counts the places that exist plus those counted from outside -----


@st.composite
def provincie(draw):
    """Locations per gemeente, agreed exchanges recorded by both sides, places from outside."""
    uitvragen: dict[str, Uitvraag] = {}
    rijen: dict[str, list] = {code: [] for code in BINNEN}
    ruilen: dict[str, list] = {code: [] for code in BINNEN}
    bestaand = 0
    for code in BINNEN:
        for i in range(draw(st.integers(0, 3))):
            cap = draw(st.integers(0, 300))
            eind = draw(st.sampled_from([ONBEPAALD, D(2025, 5, 1), D(2027, 1, 1)]))
            rijen[code].append(loc(f"L{code}{i}", cap, 0, code, einddatum=eind))
            if eind != D(2025, 5, 1):
                bestaand += cap
    buiten = 0
    stijl: dict[tuple[str, str], bool] = {}
    for code in BINNEN:
        if draw(st.booleans()):
            n = draw(st.integers(1, 200))
            rijen[code].append(loc(f"Dronten {code}", n, 0, code, ligt_in="Dronten"))
            buiten += n
    for _ in range(draw(st.integers(0, 4))):
        lev, ontv = draw(st.permutations(BINNEN))[:2]
        eigen = sum(r.capaciteit.telwaarde for r in rijen[lev] if not r.ligt_in)
        if not eigen:
            continue
        n = draw(st.integers(1, eigen))
        eind = draw(st.sampled_from([ONBEPAALD, D(2026, 2, 1), D(2025, 12, 31)]))
        ruilen[lev].append(ruil(NAMEN[ontv], n, "levert", 0, lev, einddatum=eind))
        # one way of recording per pair: a Uitruil row and an Asiel row of the same size at the same
        # receiver are, by the documented rule, two records of one exchange
        if stijl.setdefault((lev, ontv), draw(st.booleans())):
            ruilen[ontv].append(ruil(NAMEN[lev], n, "ontvangt", 0, ontv, einddatum=eind))
        else:  # the equivalent record: an Asiel row with Ligt in gemeente
            rijen[ontv].append(
                loc(f"Van {lev}", n, 0, ontv, ligt_in=NAMEN[lev], einddatum=eind, startdatum=D(2024, 1, 1))
            )
    for code in BINNEN:
        uitvragen[code] = uv(code, rijen[code], ruilen[code])
    return uitvragen, bestaand, buiten


def _genummerd(u: Uitvraag, volgorde: random.Random) -> Uitvraag:
    asiel, ruilen = list(u.asiel), list(u.uitruil)
    volgorde.shuffle(asiel)
    volgorde.shuffle(ruilen)
    from dataclasses import replace

    return replace(
        u,
        asiel=[replace(x, herkomst=Herkomst(u.bestand, "Asiel", i + 2)) for i, x in enumerate(asiel)],
        uitruil=[replace(x, herkomst=Herkomst(u.bestand, "Uitruil", i + 2)) for i, x in enumerate(ruilen)],
    )


@settings(max_examples=150, deadline=None)
@given(provincie(), st.randoms(use_true_random=False))
def test_provincie_telt_elke_plek_een_keer(gegeven, rnd):
    uitvragen, bestaand, buiten = gegeven
    eerst = {c: _genummerd(u, rnd) for c, u in uitvragen.items()}
    tweede = {c: _genummerd(eerst[c], rnd) for c in reversed(list(eerst))}  # other file and row order
    uitkomsten = []
    for versie in (eerst, tweede):
        b, f = figuren(versie)
        assert sum(f.values()) == bestaand + buiten
        assert all(a.verwerkt for a in b.afspraken), [a.uitleg(naam) for a in b.afspraken]
        uitkomsten.append(f)
    assert uitkomsten[0] == uitkomsten[1]
