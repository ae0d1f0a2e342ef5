"""The timeline (``bereken --peildata``): what "in gebruik" means at every boundary, and every output
filtered by ``--gemeente``, named sensibly and fitting the terminal."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from regioplan import api

from .conftest import VOORBEELD
from .test_uitruil_e2e import asiel, bouw, ruil

D = dt.date


def _cli(*args: str, kolommen: int = 100) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regioplan", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": str(kolommen)},
        check=False,
    )


def _waarden(resultaat, naam: str, opgave: str = "asiel") -> dict[dt.date, int]:
    t = resultaat.tijdlijn
    totaal = [0] * len(t.peildata)
    for r in t.rijen:
        if r.naam == naam and r.opgave == opgave:
            totaal = [a + b for a, b in zip(totaal, r.waarden, strict=True)]
    return dict(zip(t.peildata, totaal, strict=True))


def test_in_gebruik_op_de_grenzen(tmp_path: Path):
    """The end date is the last day in use; onbepaald/onbekend end: in use; onbekend start: never.
    Places that do not count for the cycle (telt mee = nee, no decision) are in use all the same."""
    m = bouw(
        tmp_path,
        almelo={
            "asiel": [
                asiel("Periode", 100, startdatum=D(2024, 2, 1), einddatum=D(2026, 2, 1)),
                asiel("Einde onbekend", 10, startdatum=D(2025, 1, 1), einddatum="onbekend"),
                asiel("Start onbekend", 1000, startdatum="onbekend"),
                asiel("Geen besluit", 1, startdatum=D(2024, 2, 1), besluit="nee"),
            ]
        },
    )
    peil = [D(2024, 1, 31), D(2024, 2, 1), D(2025, 1, 1), D(2026, 2, 1), D(2026, 2, 2)]
    w = _waarden(api.bereken(m, peildata=peil), "Almelo")
    assert w == {
        D(2024, 1, 31): 0,
        D(2024, 2, 1): 101,
        D(2025, 1, 1): 111,
        D(2026, 2, 1): 111,
        D(2026, 2, 2): 11,
    }


def test_uitruil_verschuift_alleen_in_zijn_periode(tmp_path: Path):
    periode = {"startdatum": D(2025, 1, 1), "einddatum": D(2025, 12, 31)}
    m = bouw(
        tmp_path,
        almelo={"asiel": [asiel("Azc", 500)], "uitruil": [ruil("Borne", 50, "levert", **periode)]},
        borne={"uitruil": [ruil("Almelo", 50, "ontvangt", **periode)]},
    )
    r = api.bereken(m, peildata=[D(2024, 12, 31), D(2025, 6, 1), D(2026, 1, 1)])
    assert _waarden(r, "Almelo") == {D(2024, 12, 31): 500, D(2025, 6, 1): 450, D(2026, 1, 1): 500}
    assert _waarden(r, "Borne") == {D(2024, 12, 31): 0, D(2025, 6, 1): 50, D(2026, 1, 1): 0}
    assert _waarden(r, "Proefland") == {D(2024, 12, 31): 500, D(2025, 6, 1): 500, D(2026, 1, 1): 500}


def test_gemeente_filtert_tekst_en_json():
    p = _cli(
        "bereken", str(VOORBEELD), "--gemeente", "Hengelo", "--peildata", "2025-01..2025-03", kolommen=200
    )
    assert p.returncode == 0, p.stderr
    assert "Capaciteit in gebruik per peildatum" in p.stdout
    regels = [r for r in p.stdout.splitlines() if r.strip().startswith("gemeente")]
    assert regels and all("Hengelo" in r for r in regels)
    p = _cli("bereken", str(VOORBEELD), "-g", "GM0164", "--peildata", "2025-01..2025-03", "-f", "json")
    d = json.loads(p.stdout)
    assert [g["naam"] for g in d["gemeenten"]] == ["Hengelo"]
    assert list(d["regios"]) == ["twente"]
    assert {(r["niveau"], r["naam"]) for r in d["tijdlijn"]["rijen"]} == {
        ("gemeente", "Hengelo"),
        ("regio", "Twente"),
        ("provincie", "Overijssel"),
    }
    assert {(a["leverancier"], a["ontvanger"]) for a in d["afspraken"]} == {
        ("Hengelo", "Twenterand"),
        ("Twenterand", "Hengelo"),
    }


def test_csv_namen_en_filter(tmp_path: Path):
    p = _cli(
        "bereken",
        str(VOORBEELD),
        "-g",
        "Kampen",
        "--peildata",
        "2025-01",
        "--uit",
        str(tmp_path / "tijdlijn.csv"),
    )
    assert p.returncode == 0, p.stderr
    namen = sorted(x.name for x in tmp_path.iterdir())
    assert "tijdlijn.csv" in namen and "tijdlijn-tijdlijn.csv" not in namen and "tijdlijn-asiel.csv" in namen
    asiel_rijen = (tmp_path / "tijdlijn-asiel.csv").read_text(encoding="utf-8").splitlines()
    assert [r.split(";")[0] for r in asiel_rijen[1:]] == ["Kampen", "Totaal IJsselland", "Totaal Overijssel"]


def test_tijdlijn_past_in_de_terminal():
    p = _cli("bereken", str(VOORBEELD), "--peildata", "2024-01..2025-12", kolommen=90)
    assert p.returncode == 0, p.stderr
    assert "Capaciteit in gebruik per peildatum" in p.stdout and "(1/" in p.stdout
    tijdlijn = p.stdout[p.stdout.index("Capaciteit in gebruik per peildatum") :]
    assert max(len(r) for r in tijdlijn.splitlines()) <= 90
    # every peildatum is shown once as a column header
    for maand in range(1, 13):
        assert p.stdout.count(f"01-{maand:02d}-2025") >= 1


def test_uitleg_toont_goo_uitruil_en_in_gebruik():
    p = _cli(
        "bereken", str(VOORBEELD), "-g", "Kampen", "--uitleg", "--peildata", "2024-01..2024-03", kolommen=400
    )
    assert p.returncode == 0, p.stderr
    uit = p.stdout
    assert "Uitruil Dronten (200, asiel, regulier)" in uit
    assert "via uitruil ontvangen van Dronten; in gebruik op 01-02-2024, 01-03-2024" in uit
    assert "waarvan via uitruil +200; waarvan buiten de provincie 200" in uit
    assert (
        "Parallelweg (185, regulier): telt mee: open op 01-01-2025 (geopend 14-12-2022, sluit 14-02-2026)"
        in uit
    )
    assert "UITRUIL    Dronten -> Kampen, 200 plekken asiel (afgesproken)" in uit
    p = _cli("bereken", str(VOORBEELD), "-g", "Hardenberg", "--uitleg", kolommen=400)
    assert "telt niet mee door bewuste afwijking" in p.stdout


def test_xlsx_heeft_echte_datums_en_is_reproduceerbaar(tmp_path: Path):
    """xlsx: the peildata in the header and the dates of the location table are real Excel dates in
    dd-mm-jjjj; csv and the terminal show dd-mm-jjjj text (JSON keeps ISO). A second run writes the same
    bytes."""
    import zipfile

    import openpyxl

    m = bouw(
        tmp_path / "data",
        almelo={"asiel": [asiel("Periode", 100, startdatum=D(2024, 2, 1), einddatum=D(2026, 2, 1))]},
    )
    uit = tmp_path / "uit"
    args = ("bereken", str(m), "--peildata", "15-11-2024..2025-01-15")
    for naam in ("tijdlijn.xlsx", "tweede.xlsx", "tijdlijn.csv"):
        p = _cli(*args, "--uit", str(uit / naam))
        assert p.returncode == 0, p.stderr
    wb = openpyxl.load_workbook(uit / "tijdlijn.xlsx")
    kop = list(next(wb["tijdlijn"].iter_rows(min_row=1, max_row=1)))
    assert [c.value for c in kop[:4]] == ["Niveau", "Naam", "Opgave", "Soort"]
    datums = kop[4:]
    assert [c.value for c in datums] == [
        dt.datetime(2024, 11, 15),
        dt.datetime(2024, 12, 15),
        dt.datetime(2025, 1, 15),
    ]
    assert all(c.is_date and c.number_format.lower() == "dd-mm-yyyy" for c in datums)
    almelo = next(
        r for r in wb["tijdlijn"].iter_rows(min_row=2) if r[1].value == "Almelo" and r[2].value == "asiel"
    )
    assert [c.value for c in almelo[4:]] == [100, 100, 100]  # figures stay numbers
    locaties = wb["locaties"]
    koppen = [c.value for c in locaties[1]]
    rij = {k: c for k, c in zip(koppen, locaties[2], strict=True)}
    assert rij["Start"].is_date and rij["Start"].value == dt.datetime(2024, 2, 1)
    assert rij["Einde"].is_date and rij["Einde"].value == dt.datetime(2026, 2, 1)
    assert rij["Start"].number_format.lower() == "dd-mm-yyyy"
    # the same input, the same bytes: no "now" in docProps/core.xml or in the zip entries
    assert (uit / "tijdlijn.xlsx").read_bytes() == (uit / "tweede.xlsx").read_bytes()
    with zipfile.ZipFile(uit / "tijdlijn.xlsx") as z:
        assert b"2024-01-01T00:00:00Z</dcterms:modified>" in z.read("docProps/core.xml")
        assert {i.date_time for i in z.infolist()} == {(2024, 1, 1, 0, 0, 0)}
    # csv: the Dutch date as text, as a person reads it and as Dutch Excel opens it
    assert (
        (uit / "tijdlijn.csv")
        .read_text(encoding="utf-8")
        .splitlines()[0]
        .endswith("15-11-2024;15-12-2024;15-01-2025")
    )
    locaties_csv = (uit / "tijdlijn-locaties.csv").read_text(encoding="utf-8")
    assert locaties_csv.startswith("\ufeffGemeente;")  # a BOM, so that Excel reads UTF-8
    assert "01-02-2024" in locaties_csv and "2024-02-01" not in locaties_csv
    tekst = _cli(*args).stdout
    assert "15-11-2024" in tekst and "2024-11-15" not in tekst
    json_tekst = _cli(*args, "-f", "json").stdout
    assert '"2024-11-15"' in json_tekst
