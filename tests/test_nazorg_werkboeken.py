"""Workbooks as gemeenten really fill them in (follow-up of issue #13, session 5).

Each kind of value or layout a person types is written into a real .xlsx (the corpus base, changed
with openpyxl or in its XML), read by the reader, and judged: the value the person meant, or a finding
at the cell that says why it cannot be read, and never a row lost or counted twice.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from regioplan import api
from regioplan.waarden import MAX_GETAL, Capaciteit, lees_capaciteit, lees_datum, lees_geheel, lees_janee

try:
    from . import corpus
except ImportError:  # tests/ is not a package: pytest put its folder on sys.path
    import corpus

A = corpus.A
OMGEVING = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam"}


@pytest.fixture(scope="module")
def basis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.bouw_basis(tmp_path_factory.mktemp("nazorg") / "basis")


@pytest.fixture
def map_(basis: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(basis, tmp_path / "map"))


def _bevindingen(pad: Path) -> dict[str, tuple[str, str]]:
    """Cell on the Asiel sheet of almelo.xlsx -> (code, message) of its finding."""
    return {
        b.cel: (b.code, b.bericht)
        for b in api.valideer(pad).bevindingen
        if b.bestand == A and b.blad == "Asiel" and b.cel
    }


def _regels(pad: Path, kolom: str, waarden: list[object]) -> None:
    """One Asiel row per value below the base rows, the value in ``kolom``, the rest valid."""
    with corpus.werkboek(pad / A) as wb:
        ws = wb["Asiel"]
        laatste = corpus._laatste_rij(ws) + 1  # right below the base rows: no empty rows between
        for i, waarde in enumerate(waarden):
            rij = [f"Locatie {i}", 10, "asiel", "TGO", dt.datetime(2024, 1, 1), "onbepaald", "gemeente", "ja"]
            for c, v in enumerate(rij, start=1):
                ws.cell(laatste + i, c, v)
            ws[f"{kolom}{laatste + i}"] = waarde


def _asiel(pad: Path) -> dict[str, object]:
    return {loc.locatie: loc for loc in api.lees(pad).uitvragen["GM0141"].asiel}


# ---------------------------------------------------------------- numbers typed as text

GETALLEN: list[tuple[object, int | None, str | None]] = [
    # (typed, read as (None = not read), finding)
    ("1.234", 1234, "getal-als-tekst"),
    ("1 234", 1234, "getal-als-tekst"),
    ("1.234,0", 1234, "getal-als-tekst"),
    ("1,234.0", 1234, "getal-als-tekst"),
    ("12,0", 12, "getal-als-tekst"),
    ("+12", 12, "getal-als-tekst"),
    ("1.200-1.500", 1200, "getal-als-tekst"),  # a range with thousands separators: 1200-1500
    ("1.500 - 1.200", 1200, "capaciteit-bereik-omgekeerd"),
    (" 12 ", 12, None),
    ("0", 0, None),
    ("—", 0, None),  # an em dash alone is "nothing", like "-" and "–"
    ("1,234", None, "getal-dubbelzinnig"),  # 1234 (English) or 1,234 (Dutch)
    ("12,000", None, "getal-dubbelzinnig"),
    ("1,234,567", None, "getal-te-groot"),
    (10**12, None, "getal-te-groot"),
    ("123456789012345678901234567890", None, "getal-te-groot"),
    ("± 40", None, "getal-tekst"),
    ("ca. 40", None, "getal-tekst"),
    ("40 plekken", None, "getal-tekst"),
    ("50%", None, "getal-tekst"),
    ("nvt", None, "getal-tekst"),
    ("n.t.b.", None, "capaciteit-verouderd"),
    ("12,5", 12, "getal-decimaal"),
    ("\u22125", -5, "getal-negatief"),  # a Unicode minus sign is a minus
]


def test_getallen_als_tekst_in_een_werkboek(map_: Path) -> None:
    _regels(map_, "B", [w for w, _, _ in GETALLEN])
    bevindingen = _bevindingen(map_)
    locaties = _asiel(map_)
    eerste = min(loc.herkomst.rij for naam, loc in locaties.items() if naam.startswith("Locatie"))
    for i, (getypt, gelezen, code) in enumerate(GETALLEN):
        loc = locaties[f"Locatie {i}"]  # every row is there: none dropped
        assert loc.capaciteit.laag == gelezen, getypt
        assert bevindingen.get(f"B{eerste + i}", (None, ""))[0] == code, getypt
    assert len([n for n in locaties if n.startswith("Locatie")]) == len(GETALLEN)


@pytest.mark.parametrize(("getypt", "gelezen", "code"), GETALLEN)
def test_getal_regel(getypt: object, gelezen: int | None, code: str | None) -> None:
    capaciteit, probleem = lees_capaciteit(getypt)
    assert capaciteit is not None and capaciteit.laag == gelezen
    assert (probleem[0] if probleem else None) == code


def test_dubbelzinnig_getal_noemt_beide_lezingen() -> None:
    _, probleem = lees_geheel("1,250")
    assert probleem == ("getal-dubbelzinnig", {"waarde": "1,250", "voorstel": "1250"})


@pytest.mark.parametrize("getal", [MAX_GETAL, MAX_GETAL + 1])
def test_grens_van_een_getal(getal: int) -> None:
    waarde, probleem = lees_geheel(getal)
    assert (waarde, probleem and probleem[0]) == (
        (getal, None) if getal <= MAX_GETAL else (None, "getal-te-groot")
    )


@pytest.mark.parametrize("waarde", [10**400, float("nan"), float("inf"), "9" * 400, "1" * 5000])
def test_onmogelijke_getallen_breken_niets(waarde: object) -> None:
    for lees in (lees_geheel, lees_capaciteit, lees_datum):
        gelezen, probleem = lees(waarde)  # type: ignore[operator]
        assert probleem is not None and gelezen in (None, "onbekend", Capaciteit(None, None))


def test_negatieve_tekst_in_aantallen(map_: Path) -> None:
    corpus.zet_cellen(map_ / A, "Aantallen", {"B4": "\u2212110"})  # verwachte achterstand, from Word
    assert api.lees(map_).uitvragen["GM0141"].aantallen.verwachte_achterstand == -110


@pytest.mark.parametrize(
    ("getypt", "gelezen"),
    [("Ja", True), ("j", True), ("Yes", True), ("WAAR", True), ("nee.", False), ("N", False), ("no", False)],
)
def test_ja_en_nee_zoals_mensen_ze_schrijven(map_: Path, getypt: str, gelezen: bool) -> None:
    corpus.zet_cellen(map_ / A, "Asiel", {"H2": getypt})  # Besluit genomen
    assert lees_janee(getypt) == (gelezen, None)
    asiel = api.lees(map_).uitvragen["GM0141"].asiel
    assert asiel[0].besluit is gelezen
    assert [b.code for b in api.valideer(map_).bevindingen if b.cel == "H2"] == []


def test_onbekend_antwoord_in_janee_blijft_een_fout() -> None:
    assert lees_janee("x") == (
        None,
        ("keuze-onbekend", {"waarde": "x", "toegestaan": "ja, nee", "voorstel": ""}),
    )


# ---------------------------------------------------------------- dates typed as text

DATUMS: list[tuple[object, object, str | None]] = [
    ("1-7-2025", dt.date(2025, 7, 1), None),
    ("01-07-2025 00:00", dt.date(2025, 7, 1), None),
    ("2025-07-01T14:30:00", dt.date(2025, 7, 1), None),
    ("01-07-25", dt.date(2025, 7, 1), "datum-verouderd"),
    ("1 juli 2025", dt.date(2025, 7, 1), "datum-verouderd"),
    ("1 Jul 2025", dt.date(2025, 7, 1), "datum-verouderd"),
    ("1 July 2025", dt.date(2025, 7, 1), "datum-verouderd"),
    ("dinsdag 1 juli 2025", dt.date(2025, 7, 1), "datum-verouderd"),
    ("per 1-7-2025", dt.date(2025, 7, 1), "datum-verouderd"),
    ("juli 2025", dt.date(2025, 7, 1), "datum-verouderd"),
    ("mei '25", dt.date(2025, 5, 1), "datum-verouderd"),
    ("2025-7-1", dt.date(2025, 7, 1), "datum-verouderd"),
    ("2025/07/01", dt.date(2025, 7, 1), "datum-verouderd"),
    (dt.datetime(2025, 7, 1, 14, 30), dt.date(2025, 7, 1), None),
    ("n.t.b.", "onbekend", "datum-verouderd"),
    ("nnb", "onbekend", "datum-verouderd"),
    ("—", "onbekend", "datum-verouderd"),
    ("onbekend", "onbekend", None),
    ("Q3 2025", "onbekend", "datum-periode"),
    ("3e kwartaal 2025", "onbekend", "datum-periode"),
    ("medio 2025", "onbekend", "datum-periode"),
    ("2e helft 2025", "onbekend", "datum-periode"),
    ("31-6-2025", "onbekend", "datum-ongeldig"),
    ("augurk 2025", "onbekend", "datum-ongeldig"),  # not a month: no guess
    ("binnenkort", "onbekend", "datum-ongeldig"),
]


def test_datums_als_tekst_in_een_werkboek(map_: Path) -> None:
    _regels(map_, "E", [w for w, _, _ in DATUMS])
    bevindingen = _bevindingen(map_)
    locaties = _asiel(map_)
    eerste = min(loc.herkomst.rij for naam, loc in locaties.items() if naam.startswith("Locatie"))
    for i, (getypt, gelezen, code) in enumerate(DATUMS):
        assert locaties[f"Locatie {i}"].startdatum == gelezen, getypt
        assert bevindingen.get(f"E{eerste + i}", (None, ""))[0] == code, getypt


@pytest.mark.parametrize(
    ("getypt", "gelezen", "code"),
    [
        *DATUMS,
        (45839, dt.date(2025, 7, 1), "datum-verouderd"),  # a date cell that lost its format (General)
        (45839.5, dt.date(2025, 7, 1), "datum-verouderd"),  # ... with a time of day
    ],
)
def test_datum_regel(getypt: object, gelezen: object, code: str | None) -> None:
    datum, probleem = lees_datum(getypt)
    assert (datum, probleem[0] if probleem else None) == (gelezen, code)


def test_getal_in_een_datumkolom_van_het_sjabloon_is_een_datum(map_: Path) -> None:
    """The template formats the date columns: a day number typed there shows, and is read, as that date."""
    _regels(map_, "E", [45839, 45839.5])
    assert [loc.startdatum for n, loc in _asiel(map_).items() if n.startswith("Locatie")] == [
        dt.date(2025, 7, 1)
    ] * 2
    assert _bevindingen(map_) == {}


def test_periode_stelt_het_begin_voor() -> None:
    assert lees_datum("Q3 2025")[1] == ("datum-periode", {"waarde": "Q3 2025", "voorstel": "01-07-2025"})
    assert lees_datum("per 1 juli 2025")[1] == (
        "datum-verouderd",
        {"waarde": "per 1 juli 2025", "voorstel": "01-07-2025"},
    )


# ---------------------------------------------------------------- rows that are no item


def _som(pad: Path) -> int:
    return sum(loc.capaciteit.telwaarde for loc in api.lees(pad).uitvragen["GM0141"].asiel)


@pytest.mark.parametrize(
    ("rij", "code"),
    [
        (["Totaal", "=SUM(B2:B19)"], "rij-totaal"),  # formula without a cached value
        (["Totaal", 468], "rij-totaal"),
        (["Subtotaal Twente", 468, "asiel"], "rij-totaal"),
        ([None, "Totaal:", 468], "rij-totaal"),
        (["NB: cijfers onder voorbehoud van het raadsbesluit"], "rij-notitie"),
        (["* exclusief amv-plekken"], "rij-notitie"),
    ],
)
def test_totaal_en_notitie_worden_niet_geteld(map_: Path, basis: Path, rij: list[object], code: str) -> None:
    with corpus.werkboek(map_ / A) as wb:
        ws = wb["Asiel"]
        doel = corpus._laatste_rij(ws) + 2  # after one empty row, as people do
        for c, v in enumerate(rij, start=1):
            ws.cell(doel, c, v)
    gevonden = [b for b in api.valideer(map_).bevindingen if b.bestand == A and b.blad == "Asiel"]
    cel = f"{'B' if rij[0] is None else 'A'}{doel}"
    assert [(b.code, b.cel) for b in gevonden] == [
        (code, cel)
    ]  # no "data after empty rows", no required-field
    assert _som(map_) == _som(basis)  # the total is not counted a second time


@pytest.mark.parametrize("naam", ["Totaalzorgcentrum", "Totaal", "Totaal 200 plekken bij de oude school"])
def test_locatie_die_met_totaal_begint_telt_wel(map_: Path, basis: Path, naam: str) -> None:
    """A row with a start date is an item, whatever its name; so is a long name that starts with 'Totaal'."""
    datum = dt.datetime(2024, 1, 1) if naam == "Totaal" else "onbekend"
    corpus.voeg_rij_toe(map_ / A, "Asiel", [naam, 12, "asiel", "TGO", datum, "onbepaald", "gemeente", "ja"])
    assert naam in {loc.locatie for loc in api.lees(map_).uitvragen["GM0141"].asiel}


def test_totaalregel_via_de_cli(map_: Path) -> None:
    corpus.voeg_rij_toe(map_ / A, "Asiel", ["Totaal", 468])
    p = subprocess.run(
        [sys.executable, "-m", "regioplan", "valideer", str(map_ / A)],
        capture_output=True,
        text=True,
        env=OMGEVING,
        check=False,
    )
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Traceback" not in p.stderr
    assert "[rij-totaal]" in p.stdout and "is een totaalregel ('Totaal') en is niet gelezen" in p.stdout


# ---------------------------------------------------------------- headers as people change them


def test_kop_met_uitleg_wordt_gelezen(map_: Path, basis: Path) -> None:
    corpus.zet_cellen(map_ / A, "Asiel", {"B1": "Capaciteit\n(aantal plekken)", "E1": "Start-datum"})
    corpus.zet_cellen(map_ / A, "Aantallen", {"A2": "Oekraïners in particuliere opvang (POO) - BRP"})
    gevonden = sorted((b.code, b.blad, b.cel) for b in api.valideer(map_).bevindingen if b.bestand == A)
    assert gevonden == [("kop-toevoeging", "Aantallen", "A2"), ("kop-toevoeging", "Asiel", "B1")]
    assert _som(map_) == _som(basis)
    origineel = api.lees(basis).uitvragen["GM0141"]
    gelezen = api.lees(map_).uitvragen["GM0141"]
    assert [loc.startdatum for loc in gelezen.asiel] == [loc.startdatum for loc in origineel.asiel]
    assert gelezen.aantallen == origineel.aantallen


# ---------------------------------------------------------------- identity


def test_vreemd_cijfer_in_cbs_code_houdt_het_werkboek_niet_tegen(map_: Path) -> None:
    corpus.zet_cellen(map_ / A, "Gemeente", {"B3": "GM\u00b9"})  # a superscript one: isdigit() but no int
    invoer = api.lees(map_)
    codes = [(b.code, b.cel) for b in invoer.bevindingen.lijst if b.bestand == A]
    assert ("bestand-corrupt", "") not in codes
    assert ("gemeente-onbekend", "B3") in codes
    assert "GM0141" in invoer.uitvragen  # identified by its name, rows read


@pytest.mark.parametrize("naam", ["Gemeente Almelo", "gem. Almelo", "ALMELO "])
def test_gemeentenaam_zoals_mensen_hem_schrijven(map_: Path, naam: str) -> None:
    corpus.zet_cellen(map_ / A, "Gemeente", {"B2": naam})
    invoer = api.lees(map_)
    assert [b.code for b in invoer.bevindingen.lijst if b.bestand == A] == []
    assert invoer.uitvragen["GM0141"].naam == "Almelo"


def test_gangbare_namen_voor_gemeenten() -> None:
    config = api.configuratie(Path("."))
    assert config.zoek_code("Den Bosch") == config.zoek_code("'s-Hertogenbosch") == "GM0796"
    assert config.zoek_code("Nuenen") == config.zoek_code("Nuenen, Gerwen en Nederwetten") == "GM0820"
    assert config.zoek_code("Sudwest Fryslan") == config.zoek_code("Súdwest-Fryslân") == "GM1900"
    assert config.zoek_code("Gemeente") is None


# ---------------------------------------------------------------- files saved another way


def _strict(pad: Path) -> None:
    """Rewrite a workbook the way Excel saves 'Strict Open XML': other namespaces, same content."""
    overgangs = "http://schemas.openxmlformats.org/"
    vervang: dict[str, bytes] = {}
    with zipfile.ZipFile(pad) as z:
        for naam in z.namelist():
            if naam.endswith((".xml", ".rels")):
                tekst = z.read(naam).decode()
                tekst = tekst.replace(
                    overgangs + "spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"
                ).replace(
                    overgangs + "officeDocument/2006/relationships",
                    "http://purl.oclc.org/ooxml/officeDocument/relationships",
                )
                vervang[naam] = tekst.encode()
    corpus.herschrijf_zip(pad, vervang=vervang)


def _datum_1904(pad: Path) -> None:
    with corpus.werkboek(pad) as wb:
        wb.epoch = dt.datetime(1904, 1, 1)


@pytest.mark.parametrize("opslaan", [_strict, _datum_1904])
def test_anders_opgeslagen_werkboek_leest_hetzelfde(map_: Path, basis: Path, opslaan) -> None:
    opslaan(map_ / A)
    if opslaan is _strict:
        assert b"purl.oclc.org" in zipfile.ZipFile(map_ / A).read("xl/workbook.xml")
    origineel = api.lees(basis).uitvragen["GM0141"]
    gelezen = api.lees(map_).uitvragen["GM0141"]
    assert [b.code for b in api.valideer(map_).bevindingen if b.bestand == A] == []
    assert [(x.locatie, x.capaciteit, x.startdatum, x.einddatum) for x in gelezen.asiel] == [
        (x.locatie, x.capaciteit, x.startdatum, x.einddatum) for x in origineel.asiel
    ]


def test_strikt_werkboek_meldt_formule_zonder_waarde(map_: Path) -> None:
    """A formula without a cached value reads as empty; in Aantallen empty means 0. In a Strict Open XML
    workbook it went unnoticed (the check looked for the transitional namespace only): a silent 0."""
    corpus.zet_cellen(map_ / A, "Aantallen", {"B2": "=30+40"})
    _strict(map_ / A)
    gevonden = [(b.code, b.blad, b.cel) for b in api.valideer(map_).bevindingen if b.bestand == A]
    assert gevonden == [("formule-zonder-waarde", "Aantallen", "B2")]


@pytest.mark.parametrize(
    ("waarde", "opmaak", "gelezen", "code"),
    [
        (0.4, "0%", 40, "getal-procent"),  # 40 typed in a percentage cell: stored 0.4, shows 40%
        (0.125, "0.0%", None, "getal-procent"),  # shows 12,5%: no number of places
        (0.4, '0" %"', 0, "getal-decimaal"),  # a quoted % does not multiply: the cell shows 0 %
        (40, "General", 40, None),
    ],
)
def test_getal_in_een_procentcel(
    map_: Path, waarde: float, opmaak: str, gelezen: int | None, code: str | None
) -> None:
    with corpus.werkboek(map_ / A) as wb:
        wb["Asiel"]["B2"] = waarde
        wb["Asiel"]["B2"].number_format = opmaak
    assert _bevindingen(map_).get("B2", (None, ""))[0] == code
    eerste = api.lees(map_).uitvragen["GM0141"].asiel[0]
    assert eerste.capaciteit.laag == gelezen


def test_tijd_duur_en_waar_in_de_melding_zoals_excel_ze_toont(map_: Path) -> None:
    """A time, a duration or TRUE where a number or date belongs: named as the cell shows it in Dutch
    Excel, not as Python writes it ('1 day, 6:00:00', 'True')."""
    with corpus.werkboek(map_ / A) as wb:
        ws = wb["Asiel"]
        ws["B2"], ws["E2"], ws["B3"], ws["F3"] = dt.time(14, 30), dt.time(9, 0), dt.timedelta(hours=30), True
        ws["B3"].number_format = "[h]:mm"
    berichten = {cel: bericht for cel, (_, bericht) in _bevindingen(map_).items()}
    assert berichten["B2"] == "'14:30' is geen getal."
    assert berichten["E2"] == "'09:00' is geen datum."
    assert berichten["B3"] == "'30:00' is geen getal."
    assert berichten["F3"] == "'WAAR' is geen datum."
