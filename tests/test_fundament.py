"""Fundament: template round trip, dropdowns, the three-diagnostics case, Dutch help and --version."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from regioplan import __version__
from regioplan.cli import main
from regioplan.config import laad_config
from regioplan.uitvraag.lezen import lees_map
from regioplan.uitvraag.schema import UITVRAAG_BLADEN
from regioplan.waarden import Capaciteit

VOORBEELDWAARDE = {
    "tekst": "Tekst",
    "lijst": "Locatie A; Locatie B",
    "geheel": 42,
    "geheel_neg": -7,
    "capaciteit": "550-580",
    "datum": dt.date(2025, 7, 1),
    "cbs": "GM0166",
}


def _waarde(kolom, rij: int):
    if kolom.keuzes:
        return kolom.keuzes[rij % len(kolom.keuzes)]
    if kolom.type == "tekst":
        return f"{kolom.kop} {rij}"
    return VOORBEELDWAARDE[kolom.type]


def test_sjabloon_rondreis(tmp_path: Path):
    assert main(["sjabloon", "--gemeente", "Kampen", "--uit", str(tmp_path)]) == 0
    pad = tmp_path / "kampen.xlsx"
    wb = openpyxl.load_workbook(pad)
    verwacht = {}
    for blad in UITVRAAG_BLADEN:
        ws = wb[blad.naam]
        if blad.soort == "velden":
            for r, kolom in enumerate(blad.kolommen, start=2):
                if kolom.sleutel in ("naam", "cbs_code", "formaatversie"):
                    continue
                waarde = _waarde(kolom, 0)
                if kolom.sleutel == "procesfase":
                    waarde = "b"
                ws.cell(row=r, column=2, value=waarde)
                verwacht[(blad.naam, kolom.sleutel)] = waarde
        else:
            for rij in (2, 3):
                for c, kolom in enumerate(blad.kolommen, start=1):
                    waarde = _waarde(kolom, rij)
                    ws.cell(row=rij, column=c, value=waarde)
                    verwacht[(blad.naam, rij, kolom.sleutel)] = waarde
    wb.save(pad)
    invoer = lees_map(tmp_path, laad_config())
    kampen = invoer.uitvragen["GM0166"]
    assert kampen.naam == "Kampen" and kampen.formaatversie == "1"
    for blad in UITVRAAG_BLADEN:
        if blad.soort == "velden":
            doel = kampen if blad.sleutel == "gemeente" else getattr(kampen, blad.sleutel)
            for kolom in blad.kolommen:
                if (blad.naam, kolom.sleutel) in verwacht:
                    assert _model(getattr(doel, kolom.sleutel)) == _schrijf(
                        kolom, verwacht[(blad.naam, kolom.sleutel)]
                    ), kolom.kop
            continue
        rijen = getattr(kampen, blad.sleutel)
        assert [r.herkomst.rij for r in rijen] == [2, 3], blad.naam
        for item in rijen:
            for kolom in blad.kolommen:
                gelezen = _model(getattr(item, kolom.sleutel))
                assert gelezen == _schrijf(kolom, verwacht[(blad.naam, item.herkomst.rij, kolom.sleutel)]), (
                    blad.naam,
                    kolom.kop,
                )
    codes = [b.code for b in invoer.bevindingen.lijst]
    # "vervangt" names locations that do not exist and the ligt-in gemeente "Tekst" is unknown: only
    # semantic checks (run by valideer) would flag those; reading itself found nothing.
    assert codes == []


def _model(waarde):
    if isinstance(waarde, Capaciteit):
        return waarde.tekst
    if isinstance(waarde, tuple):
        return "; ".join(waarde)
    return waarde


def _schrijf(kolom, waarde):
    if kolom.type == "janee":
        return waarde == "ja"
    if kolom.type == "capaciteit":
        return str(waarde)
    return waarde


def test_sjabloon_heeft_keuzelijsten_bevroren_kop_en_datumopmaak(tmp_path: Path):
    assert main(["sjabloon", "--regio", "twente", "--opgaven", "--uit", str(tmp_path)]) == 0
    bestanden = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert len(bestanden) == 15 and "opgaven.xlsx" in bestanden and "hof-van-twente.xlsx" in bestanden
    wb = openpyxl.load_workbook(tmp_path / "almelo.xlsx")
    assert wb["Gemeente"]["B2"].value == "Almelo" and wb["Gemeente"]["B3"].value == "GM0141"
    for blad in UITVRAAG_BLADEN:
        ws = wb[blad.naam]
        lijsten = {dv.formula1.strip('"') for dv in ws.data_validations.dataValidation if dv.type == "list"}
        for kolom in blad.kolommen:
            if kolom.keuzes:
                assert ",".join(kolom.keuzes) in lijsten, (blad.naam, kolom.kop)
        if blad.soort == "tabel":  # each column explains itself where it is filled in (input message)
            hulp = {
                dv.promptTitle: dv.prompt for dv in ws.data_validations.dataValidation if dv.showInputMessage
            }
            uitleg = {k.kop[:32]: k.uitleg.replace("`", "") for k in blad.kolommen if k.uitleg}
            assert hulp.keys() == uitleg.keys(), blad.naam
            for kop, tekst in hulp.items():  # Excel's limit is 255 characters: longer ones are cut at a word
                assert len(tekst) <= 255 and uitleg[kop].startswith(tekst.removesuffix(" …")), kop
                assert tekst == uitleg[kop] or len(uitleg[kop]) > 255
            vakken = [str(dv.sqref) for dv in ws.data_validations.dataValidation]
            assert len(vakken) == len(set(vakken))  # one validation per column: overlapping ones upset Excel
        assert ws.freeze_panes == "A2"
    teksten = [str(c.value) for ws in wb.worksheets for rij in ws.iter_rows() for c in rij if c.value]
    assert not [t for t in teksten if "`" in t]  # no Markdown code marks in a workbook for people
    asiel = wb["Asiel"]
    assert asiel.column_dimensions["E"].number_format == "DD-MM-YYYY" and asiel["A1"].value == "Locatie"
    assert asiel.max_row == 1  # the date format is on the column, not on 200 empty cells
    assert asiel.column_dimensions["A"].width >= 30
    opgaven = openpyxl.load_workbook(tmp_path / "opgaven.xlsx")["Opgaven"]
    codes = [opgaven.cell(row=r, column=1).value for r in range(2, 17)]
    assert codes[:14].count(None) == 0 and codes[14] is None  # only the 14 gemeenten of the regio


def test_drie_diagnostieken_met_cellen_en_exit_1(tmp_path: Path):
    assert main(["sjabloon", "--gemeente", "Almelo", "--uit", str(tmp_path)]) == 0
    pad = tmp_path / "almelo.xlsx"
    wb = openpyxl.load_workbook(pad)
    ws = wb["Asiel"]
    for c, waarde in enumerate(
        ["AZC Vriezeveenseweg", "veel", "asiel", "regulier", "31-02-2025", "onbepaald", "COA", "ja"], 1
    ):
        ws.cell(row=2, column=c, value=waarde)
    del wb["Uitruil"]
    wb.save(pad)
    resultaat = subprocess.run(
        [sys.executable, "-m", "regioplan", "valideer", str(pad), "--formaat", "json"],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "COLUMNS": "100", "PATH": ""},
    )
    assert resultaat.returncode == 1, resultaat.stderr
    assert "Traceback" not in resultaat.stderr + resultaat.stdout
    import json

    gevonden = {(b["code"], b["blad"], b["cel"]) for b in json.loads(resultaat.stdout)["bevindingen"]}
    assert gevonden == {
        ("getal-tekst", "Asiel", "B2"),
        ("datum-ongeldig", "Asiel", "E2"),
        ("blad-ontbreekt", "Uitruil", ""),
    }


@pytest.mark.parametrize("commando", [[], ["valideer"], ["bereken"], ["rapport"], ["sjabloon"]])
def test_help_in_het_nederlands(commando):
    from typer.testing import CliRunner

    from regioplan.cli import _registreer, app

    _registreer()
    uitvoer = CliRunner().invoke(app, [*commando, "--help"], env={"NO_COLOR": "1", "COLUMNS": "100"}).output
    assert (
        uitvoer.startswith("Gebruik: regioplan") and "Usage" not in uitvoer
    )  # also click's own words are Dutch
    assert "\nOpties:\n" in uitvoer and "Options" not in uitvoer and "[OPTIES]" in uitvoer
    assert (
        "[required]" not in uitvoer
        and "[default:" not in uitvoer
        and "<str>" not in uitvoer
        and "<path>" not in uitvoer
    )
    if commando:
        assert "[standaard: " in uitvoer
    if commando and commando != ["sjabloon"]:  # sjabloon has no required argument
        assert "[verplicht]" in uitvoer
    assert any(w in uitvoer for w in ("werkboek", "Werkwijze", "regio", "Schrijf", "Bereken", "Controleer"))


def test_versie():
    resultaat = subprocess.run(
        [sys.executable, "-m", "regioplan", "--version"], capture_output=True, text=True
    )
    assert resultaat.returncode == 0 and resultaat.stdout.strip() == f"regioplan {__version__}"


def test_onbestaande_map_geeft_exit_2_zonder_traceback(tmp_path: Path):
    resultaat = subprocess.run(
        [sys.executable, "-m", "regioplan", "bereken", str(tmp_path / "bestaat-niet")],
        capture_output=True,
        text=True,
    )
    assert resultaat.returncode == 2
    assert "bestaat niet" in resultaat.stderr and "Traceback" not in resultaat.stderr


def test_config_uit_de_datamap_vervangt_cyclusdatum(tmp_path: Path):
    (tmp_path / "regioplan.toml").write_text(
        "[cyclus]\nactief_uiterlijk = 2027-07-01\nin_gebruik_tot_minstens = 2028-02-01\n", encoding="utf-8"
    )
    config = laad_config(tmp_path)
    assert config.cyclus.actief_uiterlijk == dt.date(2027, 7, 1) and config.provincie == "Overijssel"
    (tmp_path / "regioplan.toml").write_text(
        '[[regio]]\nnaam = "Noord"\ngemeenten = ["GM0014", "37"]\n[provincie]\nnaam = "Groningen"\n',
        encoding="utf-8",
    )
    config = laad_config(tmp_path)
    assert config.provincie == "Groningen" and config.regios[0].gemeenten == ("GM0014", "GM0037")


@pytest.mark.parametrize(
    ("args", "verwacht"),
    [
        (["rapport", "{map}"], "Ontbrekende optie '--regio' / '-r'."),
        (["rapport", "{map}", "--regioo", "x"], "Onbekende optie: --regioo. Bedoel je --regio?"),
        (
            ["bereken", "{map}", "-f", "xml"],
            "Ongeldige waarde voor '--formaat' / '-f': 'xml' kan niet; kies uit: tekst, json.",
        ),
        (["valideer", "{map}", "b", "c"], "Onverwacht extra argument: b c."),
        (["rapport", "{map}", "--regio"], "Optie '--regio' heeft een waarde nodig."),
        (["valideer"], "Ontbrekend argument"),
        (["bestaatniet"], "Onbekend commando 'bestaatniet'."),
    ],
)
def test_gebruiksfouten_in_het_nederlands(args, verwacht, tmp_path):
    """Click's usage errors, caught by the real parser, come out in Dutch with exit code 2 and no
    traceback."""
    r = subprocess.run(
        [sys.executable, "-m", "regioplan", *[a.replace("{map}", str(tmp_path)) for a in args]],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )
    assert r.returncode == 2
    assert r.stderr.startswith("fout [gebruik]: ") and verwacht in r.stderr.splitlines()[0], r.stderr
    for engels in (
        "Usage",
        "Error",
        "Missing",
        "No such",
        "Invalid value",
        "Got unexpected",
        "requires",
        "Traceback",
    ):
        assert engels not in r.stderr, r.stderr


def test_sjabloon_geeft_dezelfde_bytes(tmp_path: Path):
    """Same input, same file: no clock in the document properties or in the zip entries."""
    import time

    assert main(["sjabloon", "--provincie", "overijssel", "--opgaven", "--uit", str(tmp_path / "a")]) == 0
    time.sleep(2.1)  # zip times have two-second steps
    assert main(["sjabloon", "--provincie", "overijssel", "--opgaven", "--uit", str(tmp_path / "b")]) == 0
    namen = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(namen) >= 26 and namen == sorted(p.name for p in (tmp_path / "b").iterdir())
    for naam in namen:
        assert (tmp_path / "a" / naam).read_bytes() == (tmp_path / "b" / naam).read_bytes(), naam
