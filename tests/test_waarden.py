"""Cell values: dates (with the legacy spellings of the sources), capacities, closed lists."""

from __future__ import annotations

import datetime as dt

import pytest

from regioplan.opmaak import getal, procent, rond_percentage
from regioplan.waarden import (
    ONBEKEND,
    ONBEPAALD,
    Capaciteit,
    lees_capaciteit,
    lees_datum,
    lees_geheel,
    lees_keuze,
)

D = dt.date


@pytest.mark.parametrize(
    ("ruw", "waarde", "code"),
    [
        (D(2024, 6, 24), D(2024, 6, 24), None),
        (dt.datetime(2024, 6, 24, 0, 0), D(2024, 6, 24), None),
        ("24-06-2024", D(2024, 6, 24), None),
        ("onbepaald", ONBEPAALD, None),
        ("Onbekend", ONBEKEND, None),
        ("n.n.t.b.", ONBEKEND, "datum-nntb"),
        ("Nntb*", ONBEKEND, "datum-nntb"),
        ("N.n.t.b*", ONBEKEND, "datum-nntb"),
        ("Beoogd 2035", D(2035, 1, 1), "datum-verouderd"),
        ("apr-22", D(2022, 4, 1), "datum-verouderd"),
        ("1-aug-23", D(2023, 8, 1), "datum-verouderd"),
        ("19  -9-2032", D(2032, 9, 19), "datum-verouderd"),
        ("?", ONBEKEND, "datum-verouderd"),
        ("05-04-2202", ONBEKEND, "datum-onwaarschijnlijk"),
        (D(2202, 4, 5), ONBEKEND, "datum-onwaarschijnlijk"),
        ("31-02-2025", ONBEKEND, "datum-ongeldig"),
        ("binnenkort", ONBEKEND, "datum-ongeldig"),
        (None, None, None),
    ],
)
def test_lees_datum(ruw, waarde, code):
    gelezen, probleem = lees_datum(ruw)
    assert gelezen == waarde
    assert (probleem[0] if probleem else None) == code


def test_verouderde_datum_noemt_de_expliciete_waarde():
    _, probleem = lees_datum("1-aug-23")
    assert probleem[1]["voorstel"] == "01-08-2023"


@pytest.mark.parametrize(
    ("ruw", "laag", "hoog", "code"),
    [
        (48, 48, 48, None),
        (48.0, 48, 48, None),
        ("550-580", 550, 580, None),
        ("550 - 580", 550, 580, None),
        ("onbekend", None, None, None),
        ("n.n.t.b.", None, None, "capaciteit-verouderd"),
        ("580-550", 550, 580, "capaciteit-bereik-omgekeerd"),
        ("550-", None, None, "capaciteit-bereik-ongeldig"),
        ("1.250", 1250, 1250, "getal-als-tekst"),
        (12.5, 12, 12, "getal-decimaal"),
        ("12,5", 12, 12, "getal-decimaal"),
        (-5, -5, -5, "getal-negatief"),
        ("veel", None, None, "getal-tekst"),
    ],
)
def test_lees_capaciteit(ruw, laag, hoog, code):
    cap, probleem = lees_capaciteit(ruw)
    assert (cap.laag, cap.hoog) == (laag, hoog)
    assert (probleem[0] if probleem else None) == code


def test_capaciteit_telt_ondergrens_en_onbekend_als_nul():
    assert Capaciteit(550, 580).telwaarde == 550 and Capaciteit(550, 580).tekst == "550-580"
    assert Capaciteit(None, None).telwaarde == 0 and Capaciteit(None, None).tekst == "onbekend"


def test_verwachte_achterstand_mag_negatief():
    assert lees_geheel(-30, negatief=True) == (-30, None)
    assert lees_geheel(-30)[1][0] == "getal-negatief"


def test_keuze_met_voorstel():
    assert lees_keuze("tgo", ("regulier", "TGO")) == ("TGO", None)
    waarde, probleem = lees_keuze("Regulir", ("regulier", "noodopvang", "TGO"))
    assert waarde is None and probleem[0] == "keuze-onbekend" and probleem[1]["voorstel"] == "regulier"


@pytest.mark.parametrize(
    ("deel", "geheel", "pct"),
    [(3864, 6325, 61), (5699, 6325, 90), (5, 8, 63), (1, 8, 13), (226, 274, 82), (0, 0, None)],
)
def test_percentage_half_naar_boven(deel, geheel, pct):
    assert rond_percentage(deel, geheel) == pct


def test_nederlandse_getallen():
    assert getal(6325) == "6.325" and getal(1409 * -1) == "-1.409" and getal(75, teken=True) == "+75"
    assert getal(0, teken=True) == "0" and procent(61) == "61%" and procent(None) == "–"


@pytest.mark.parametrize("n", [0, 7, 999, 1000, 6325, 99999, 100000, 1234567, 10**9 + 7])
def test_gehele_getallen_zoals_babel(n):
    """Whole numbers skip Babel's pattern machinery; the result must be what Babel itself gives."""
    from babel.numbers import format_decimal

    assert getal(n) == format_decimal(n, format="#,##0", locale="nl_NL")
    assert getal(-n) == ("-" if n else "") + format_decimal(n, format="#,##0", locale="nl_NL")
