"""Property tests: totals add up at every level, order does not matter, verschil = realisatie - opgave."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from regioplan.berekening import SOMMEN, bereken
from regioplan.config import laad_config
from regioplan.model import AsielLocatie, GooLocatie, Opgave, Uitvraag, Voornemen
from regioplan.uitvraag.lezen import Invoer
from regioplan.waarden import ONBEKEND, ONBEPAALD, Capaciteit

CONFIG = laad_config()
CODES = list(CONFIG.gemeenten)

datums = st.one_of(
    st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31)), st.sampled_from([ONBEKEND, ONBEPAALD])
)
capaciteiten = st.one_of(
    st.integers(0, 800).map(Capaciteit.exact),
    st.tuples(st.integers(0, 400), st.integers(0, 400)).map(lambda t: Capaciteit(min(t), max(t))),
    st.just(Capaciteit(None, None)),
)
locaties = st.builds(
    AsielLocatie,
    locatie=st.text("abcdef ", min_size=1, max_size=8),
    capaciteit=capaciteiten,
    doelgroep=st.sampled_from(["asiel", "amv"]),
    startdatum=datums,
    einddatum=datums,
    besluit=st.sampled_from([True, False, None]),
    telt_mee=st.sampled_from(["automatisch", "automatisch", "ja", "nee"]),
)
goo = st.builds(
    GooLocatie,
    locatie=st.text("ghij", min_size=1, max_size=5),
    capaciteit=capaciteiten,
    opening=datums,
    sluiting=datums,
)
voornemens = st.builds(
    Voornemen, omschrijving=st.just("v"), doelgroep=st.sampled_from(["asiel", "amv"]), capaciteit=capaciteiten
)
gemeente = st.tuples(
    st.lists(locaties, max_size=6),
    st.lists(goo, max_size=4),
    st.lists(voornemens, max_size=2),
    st.integers(0, 700),
    st.integers(0, 60),
    st.integers(0, 1200),
    st.integers(0, 200),
)


def _invoer(gegevens: dict[str, tuple], volgorde: list[str]) -> Invoer:
    invoer = Invoer(CONFIG)
    for code in volgorde:
        asiel, oek, vn, regulier, amv, oekraine, sh = gegevens[code]
        invoer.opgaven[code] = Opgave(
            code,
            CONFIG.naam(code),
            asiel_regulier=regulier,
            asiel_amv=amv,
            oekraine=oekraine,
            statushouders_taakstelling=sh,
            statushouders_incl=sh + 10,
        )
        invoer.uitvragen[code] = Uitvraag(
            CONFIG.naam(code), code, asiel=list(asiel), oekraine=list(oek), voornemens=list(vn)
        )
    return invoer


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(st.sampled_from(CODES), gemeente, min_size=1, max_size=12),
    st.randoms(use_true_random=False),
)
def test_totalen_tellen_op_en_volgorde_doet_er_niet_toe(gegevens, rnd: random.Random):
    codes = list(gegevens)
    r = bereken(_invoer(gegevens, codes)).als_dict()
    rnd.shuffle(codes)
    anders = _invoer(gegevens, codes)
    for u in anders.uitvragen.values():
        rnd.shuffle(u.asiel)
        rnd.shuffle(u.oekraine)
    r2 = bereken(anders).als_dict()
    zonder_lijsten = lambda d: {o: {k: v for k, v in d[o].items() if not isinstance(v, list)} for o in SOMMEN}  # noqa: E731
    assert zonder_lijsten(r["provincie"]) == zonder_lijsten(r2["provincie"])
    assert [zonder_lijsten(g) for g in r["gemeenten"]] == [zonder_lijsten(g) for g in r2["gemeenten"]]
    for opgave, velden in SOMMEN.items():
        for veld in velden:
            regiosom = 0
            for sleutel, regio in r["regios"].items():
                leden = [g for g in r["gemeenten"] if g["regio_sleutel"] == sleutel]
                assert regio[opgave][veld] == sum(g[opgave][veld] for g in leden), (opgave, veld, sleutel)
                regiosom += regio[opgave][veld]
            assert r["provincie"][opgave][veld] == regiosom, (opgave, veld)
    for blok in [*r["gemeenten"], *r["regios"].values(), r["provincie"]]:
        a = blok["asiel"]
        assert a["verschil"] == a["geldig"] - a["opgave"]
        assert a["verschil_amv"] == a["geldig_amv"] - a["opgave_amv"]
        assert a["geldig_plus_voornemens"] == a["geldig"] + a["voornemens"]
        assert blok["oekraine"]["verschil"] == blok["oekraine"]["realisatie"] - blok["oekraine"]["opgave"]
        assert (
            blok["statushouders"]["verschil"]
            == blok["statushouders"]["realisatie"] - blok["statushouders"]["taakstelling_incl"]
        )


@settings(max_examples=30, deadline=None)
@given(st.lists(locaties, min_size=1, max_size=10))
def test_geldig_is_som_van_getelde_locaties_en_voornemens_overlappen_niet(lijst):
    code = CODES[0]
    r = bereken(_invoer({code: (lijst, [], [], 100, 10, 0, 0)}, [code])).als_dict()
    a = r["gemeenten"][[g["cbs_code"] for g in r["gemeenten"]].index(code)]["asiel"]
    assert a["geldig"] == sum(loc["telwaarde"] for loc in a["locaties"] if loc["telt"])
    assert not any(loc["telt"] and loc["voornemen"] for loc in a["locaties"])
    assert a["geldig_amv"] <= a["geldig"]


def test_tijdlijn_som_per_niveau():
    from regioplan.peildata import reeks

    code = "GM0164"
    locs = [
        AsielLocatie(
            "A",
            Capaciteit.exact(250),
            startdatum=dt.date(2015, 1, 1),
            einddatum=dt.date(2025, 9, 1),
            soort="regulier",
        ),
        AsielLocatie(
            "B",
            Capaciteit.exact(120),
            startdatum=dt.date(2024, 1, 1),
            einddatum=dt.date(2024, 12, 31),
            soort="noodopvang",
        ),
    ]
    r = bereken(
        _invoer({code: (locs, [], [], 380, 35, 0, 0)}, [code]),
        reeks(dt.date(2024, 11, 1), dt.date(2025, 10, 1)),
    )
    t = r.als_dict()["tijdlijn"]
    assert t["peildata"][0] == "2024-11-01" and len(t["peildata"]) == 12
    rij = next(x for x in t["rijen"] if x["niveau"] == "gemeente" and x["soort"] == "noodopvang")
    assert rij["waarden"][:2] == [120, 120] and rij["waarden"][2] == 0
    prov = next(x for x in t["rijen"] if x["niveau"] == "provincie" and x["soort"] == "regulier")
    assert prov["waarden"][0] == 250 and prov["waarden"][-1] == 0
