"""The domain rules, with every example from DOMEIN.md."""

from __future__ import annotations

import datetime as dt

import pytest

from regioplan import regels
from regioplan.config import Cyclus
from regioplan.model import AsielLocatie, GooLocatie
from regioplan.waarden import ONBEKEND, ONBEPAALD, Capaciteit

CYCLUS = Cyclus("1e cyclus", dt.date(2025, 7, 1), dt.date(2026, 2, 1))
D = dt.date


def loc(naam, cap, start, eind, besluit=True, **kw) -> AsielLocatie:
    return AsielLocatie(naam, Capaciteit.exact(cap), startdatum=start, einddatum=eind, besluit=besluit, **kw)


@pytest.mark.parametrize(
    ("locatie", "telt", "reden", "voornemen"),
    [
        (loc("Schalkhaar", 550, D(2020, 1, 1), ONBEPAALD), True, regels.TELT, False),
        (loc("Jachthuisweg", 700, D(2016, 3, 1), D(2026, 3, 1)), True, regels.TELT, False),
        (loc("Loozen", 100, D(2022, 11, 1), D(2025, 5, 21)), False, regels.EINDE_VOOR, False),
        (loc("Hotel Fletcher", 80, D(2025, 7, 1), D(2030, 6, 30)), True, regels.TELT, False),
        (loc("Hotel Zalkerbroek", 34, D(2025, 10, 1), D(2026, 5, 1)), False, regels.START_NA, True),
        (loc("Uitbreiding Vlierdijk", 13, ONBEKEND, D(2027, 10, 1)), False, regels.START_ONBEKEND, True),
        (
            loc("Bellavistastraat", 70, D(2024, 11, 18), ONBEKEND, soort="TGO"),
            False,
            regels.EINDE_ONBEKEND,
            True,
        ),
        (
            loc("Uitruil Dronten", 200, D(2024, 2, 1), D(2026, 2, 1), ligt_in="Dronten"),
            True,
            regels.TELT,
            False,
        ),
        (
            loc("Uitruil Dronten (Bijlage 3)", 200, D(2024, 1, 1), D(2026, 1, 1)),
            False,
            regels.EINDE_VOOR,
            False,
        ),
        (
            loc("Noordelijke Hoofddijk", 200, D(2026, 1, 1), D(2036, 1, 1), besluit=False),
            False,
            regels.START_NA,
            True,
        ),
    ],
)
def test_cyclusregel_voorbeelden_uit_domein(locatie, telt, reden, voornemen):
    oordeel = regels.telt_mee(locatie, CYCLUS)
    assert oordeel.telt is telt
    assert oordeel.reden == reden
    assert regels.is_voornemen(locatie, oordeel, CYCLUS) is voornemen


def test_geen_besluit_telt_niet_en_noemt_alle_redenen():
    oordeel = regels.telt_mee(loc("X", 10, D(2026, 1, 1), ONBEKEND, besluit=False), CYCLUS)
    assert oordeel.redenen == (regels.START_NA, regels.EINDE_ONBEKEND, regels.GEEN_BESLUIT)
    tekst = regels.uitleg(oordeel, loc("X", 10, D(2026, 1, 1), ONBEKEND, besluit=False), CYCLUS)
    assert "start 01-01-2026 ligt na 01-07-2025" in tekst and "besluit" in tekst


def test_override_hengelo_havezatenlaan_telt_met_reden():
    havezatenlaan = loc(
        "Havezatenlaan",
        250,
        D(2015, 1, 1),
        D(2025, 9, 1),
        telt_mee="ja",
        toelichting="Bewoners verhuizen naar Hazenweg 121",
    )
    oordeel = regels.telt_mee(havezatenlaan, CYCLUS)
    assert oordeel.telt and oordeel.override and oordeel.reden == regels.OVERRIDE_JA
    assert regels.EINDE_VOOR in oordeel.redenen  # the rule alone would not count it
    assert "Hazenweg 121" in regels.uitleg(oordeel, havezatenlaan, CYCLUS)


def test_override_nee_is_geen_voornemen():
    x = loc("X", 10, D(2020, 1, 1), ONBEPAALD, telt_mee="nee", toelichting="bewust niet")
    oordeel = regels.telt_mee(x, CYCLUS)
    assert not oordeel.telt and not regels.is_voornemen(x, oordeel, CYCLUS)


def test_opvolger_is_geen_voornemen():
    hazenweg = loc("Hazenweg 121 (regulier)", 415, D(2026, 9, 1), D(2036, 9, 1), vervangt=("Havezatenlaan",))
    oordeel = regels.telt_mee(hazenweg, CYCLUS)
    assert not oordeel.telt
    assert not regels.is_voornemen(hazenweg, oordeel, CYCLUS)
    zonder = loc("Hazenweg 121 (regulier)", 415, D(2026, 9, 1), D(2036, 9, 1))
    assert regels.is_voornemen(zonder, regels.telt_mee(zonder, CYCLUS), CYCLUS)


def test_cyclusdatums_zijn_configuratie():
    volgende = Cyclus("2e cyclus", D(2027, 7, 1), D(2028, 2, 1))
    jachthuisweg = loc("Jachthuisweg", 700, D(2016, 3, 1), D(2026, 3, 1))
    zalkerbroek = loc("Hotel Zalkerbroek", 34, D(2025, 10, 1), D(2026, 5, 1))
    assert regels.telt_mee(jachthuisweg, CYCLUS).telt and not regels.telt_mee(jachthuisweg, volgende).telt
    assert not regels.telt_mee(zalkerbroek, CYCLUS).telt
    assert regels.telt_mee(loc("Nieuw", 10, D(2026, 1, 1), ONBEPAALD), volgende).telt


@pytest.mark.parametrize(
    ("opening", "sluiting", "open_"),
    [
        (D(2022, 3, 1), D(2029, 12, 31), True),
        (D(2022, 3, 1), D(2025, 1, 1), True),  # closes on the peildatum itself: still open that day
        (D(2022, 3, 1), D(2024, 12, 31), False),
        (D(2025, 1, 1), ONBEKEND, True),  # opens on the peildatum
        (D(2025, 4, 1), ONBEKEND, False),
        (ONBEKEND, ONBEKEND, False),
        (D(2022, 4, 1), ONBEPAALD, True),
    ],
)
def test_goo_open_op_peildatum(opening, sluiting, open_):
    assert regels.open_op(opening, sluiting, D(2025, 1, 1)) is open_


def test_goo_override_en_in_ontwikkeling():
    peil = D(2025, 1, 1)
    hammerhorst = GooLocatie(
        "Camping Hammerhorst, uitbreiding",
        Capaciteit.exact(48),
        opening=peil,
        sluiting=D(2028, 1, 1),
        telt_mee="nee",
        toelichting="rekent het verslag tot de toekomstige locaties",
    )
    assert not regels.goo_telt(hammerhorst, peil)
    assert regels.in_ontwikkeling(hammerhorst, peil)
    bestaand = GooLocatie("Tolhuis", Capaciteit.exact(175), opening=D(2022, 3, 1), sluiting=D(2029, 12, 31))
    assert regels.goo_telt(bestaand, peil) and not regels.in_ontwikkeling(bestaand, peil)


@pytest.mark.parametrize(
    ("geldig", "voornemens", "opgegeven", "fase"),
    [
        (398, 70, "", "a"),
        (0, 188, "", "b"),
        (0, 0, "", "c"),
        (394, 550, "a+b", "a+b"),
        (0, 0, "b", "b"),
    ],
)
def test_procesfase(geldig, voornemens, opgegeven, fase):
    assert regels.procesfase(geldig, voornemens, opgegeven) == fase
