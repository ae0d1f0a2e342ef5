"""The shared helpers (#16): each rule written once, and the places that used to have their own copy."""

from __future__ import annotations

import datetime as dt

import pytest

from regioplan import opmaak
from regioplan.bevindingen import Bevinding, Bevindingen, per_bestand
from regioplan.config import laad_config
from regioplan.namen import kop_anker, slug
from regioplan.rapport.context import anker
from regioplan.rapport.filters import FILTERS
from regioplan.sjablonen import bestandsnaam
from regioplan.waarden import ONBEKEND, ONBEPAALD, lees_datum, lees_tekst


@pytest.mark.parametrize(
    "d",
    [dt.date(2024, 7, 1), dt.date(1999, 12, 31), dt.date(2100, 1, 9), dt.date(1900, 2, 28)],
)
def test_datum_is_dd_mm_jjjj_als_strftime(d: dt.date) -> None:
    assert opmaak.datum(d) == d.strftime("%d-%m-%Y")
    assert opmaak.datum(dt.datetime(d.year, d.month, d.day, 13, 5)) == d.strftime("%d-%m-%Y")


def test_datum_woorden_leeg_en_vier_cijfers_voor_het_jaar() -> None:
    assert opmaak.datum(ONBEPAALD) == "onbepaald" and opmaak.datum(ONBEKEND) == "onbekend"
    assert opmaak.datum(None) == "" and opmaak.datum(None, leeg="leeg") == "leeg"
    assert opmaak.datum(dt.date(5, 1, 2)) == "02-01-0005"  # strftime would write "02-01-5"


def test_datum_is_die_van_lezer_en_melding() -> None:
    """The reader's own text for a date cell and the suggestion in a legacy-date finding use it too."""
    assert lees_tekst(dt.datetime(2024, 6, 24, 0, 0)) == "24-06-2024"
    waarde, probleem = lees_datum("24-jun-2024")
    assert waarde == dt.date(2024, 6, 24)
    assert probleem is not None and probleem[1]["voorstel"] == "24-06-2024"


def test_ligt_in_ook_als_filter() -> None:
    assert opmaak.ligt_in("Hengelo") == "ligt in Hengelo"
    assert FILTERS["ligt_in"]("Hof van Twente") == "ligt in Hof van Twente"


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("Hof van Twente", "hof-van-twente"),
        ("Noord- en Oost-Gelderland", "noord-en-oost-gelderland"),
        ("Súdwest-Fryslân", "sudwest-fryslan"),
        ("  's-Hertogenbosch ", "s-hertogenbosch"),
        ("Regio  IJsselland!", "regio-ijsselland"),
        ("???", ""),
    ],
)
def test_slug(naam: str, verwacht: str) -> None:
    assert slug(naam) == verwacht


def test_slug_in_bestandsnaam_anker_en_regiosleutel(tmp_path) -> None:
    assert bestandsnaam("Hof van Twente") == "hof-van-twente.xlsx"
    assert anker("Hof van Twente") == "hof-van-twente" and anker("???") == "x"
    (tmp_path / "regioplan.toml").write_text(
        '[provincie]\nnaam = "Overijssel"\n[[regio]]\nnaam = "Twente Noord"\ngemeenten = ["GM0141"]\n',
        encoding="utf-8",
    )
    config = laad_config(tmp_path)
    assert [r.sleutel for r in config.regios] == ["twente-noord"]


@pytest.mark.parametrize(
    ("kop", "verwacht"),
    [
        ("3. Asiel & opvang", "3-asiel--opvang"),
        ("Blad Oekraïne", "blad-oekraïne"),
        ("1. Samenvatting", "1-samenvatting"),
        (" Kop_met-teken ", "kop_met-teken"),
    ],
)
def test_kop_anker_als_github(kop: str, verwacht: str) -> None:
    assert kop_anker(kop) == verwacht


def _b(bestand: str, cel: str) -> Bevinding:
    return Bevinding("x", "fout", "b", "h", bestand=bestand, cel=cel)


def test_per_bestand_houdt_volgorde_en_map() -> None:
    lijst = [_b("b.xlsx", "A1"), _b("", ""), _b("a.xlsx", "A2"), _b("b.xlsx", "A3")]
    per = per_bestand(lijst)
    assert list(per) == ["b.xlsx", "", "a.xlsx"]
    assert [b.cel for b in per["b.xlsx"]] == ["A1", "A3"]
    assert per[""] == [lijst[1]]
    assert per_bestand([]) == {}


def test_samenvatting_telt_met_duizendtallen() -> None:
    """Past MAX_PER_CODE the rest is one summary with its count formatted as every other number."""
    b = Bevindingen()
    for rij in range(1, 1300):
        b.voeg_toe("getal-tekst", bestand="a.xlsx", blad="Asiel", cel=f"C{rij}", waarde="x")
    samenvatting = b.samenvattingen()[0]
    assert samenvatting.aantal == 1299 - 50
    assert f"En nog {opmaak.getal(1249)} keer" in samenvatting.bericht and "1.249" in samenvatting.bericht
