"""Workbooks as Excel, LibreOffice and people really make them (issue #13), each case with its neighbours.

Every file here is a real .xlsx: the corpus base folder (written like `regioplan sjabloon` does), then
changed with openpyxl or by editing the package XML the way another program would have saved it. Each
test asserts the figures that come out and the findings with their cells.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from regioplan import api
from regioplan.bevindingen import MAX_PER_CODE, Bevindingen
from regioplan.controles import Validatie
from regioplan.uitvraag.bestand import MAX_CELLEN, MAX_KOLOMMEN, MAX_RIJEN, begrens
from regioplan.waarden import Capaciteit
from regioplan.weergave import MAX_SAMENVATTING, als_github, als_json, als_junit, als_markdown

try:
    from . import corpus
except ImportError:  # tests/ is not a package: pytest put its folder on sys.path
    import corpus

A, ASIEL_DEEL = corpus.A, "xl/worksheets/sheet3.xml"
OMGEVING = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TZ": "Europe/Amsterdam"}


@pytest.fixture(scope="module")
def basis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.bouw_basis(tmp_path_factory.mktemp("praktijk") / "basis")


@pytest.fixture
def map_(basis: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(basis, tmp_path / "map"))


def _plaatsen(pad: Path) -> list[tuple[str, str, str, str]]:
    return sorted((b.code, b.bestand, b.blad, b.cel) for b in api.valideer(pad).bevindingen)


def _asiel(pad: Path, code: str = "GM0141") -> list[tuple[str, Capaciteit]]:
    return [(loc.locatie, loc.capaciteit) for loc in api.lees(pad).uitvragen[code].asiel]


def _xml(pad: Path, deel: str = ASIEL_DEEL) -> str:
    with zipfile.ZipFile(pad) as z:
        return z.read(deel).decode()


def _zet_xml(pad: Path, xml: str, deel: str = ASIEL_DEEL) -> None:
    corpus.herschrijf_zip(pad, vervang={deel: xml.encode()})


# ---------------------------------------------------------------- one workbook never stops the run


def _kolom(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@pytest.mark.parametrize(
    ("cel", "gemeld"),
    [
        ("XFD1048576", True),  # Ctrl+End slip: the last cell of a sheet
        ("AZ1000000", True),
        (f"A{MAX_RIJEN + 1}", True),  # just past the row limit
        (f"{_kolom(MAX_KOLOMMEN + 1)}1", True),  # just past the column limit
        (f"{_kolom(MAX_KOLOMMEN)}{MAX_RIJEN}", False),  # the last cell that is read
    ],
)
def test_uitschieter_wordt_gemeld_en_de_rest_gelezen(map_: Path, cel: str, gemeld: bool) -> None:
    schoon = _asiel(map_)
    corpus._cel_erbij(map_ / A, ASIEL_DEEL, cel, "x")
    plaatsen = _plaatsen(map_)
    if gemeld:
        assert ("blad-buiten-grenzen", A, "Asiel", cel) in plaatsen
        assert _asiel(map_) == schoon  # everything inside the limits is read as before
    else:
        assert not any(p[0] == "blad-buiten-grenzen" for p in plaatsen)
        assert ("kolom-zonder-kop", A, "Asiel", f"{_kolom(MAX_KOLOMMEN)}1") in plaatsen  # it was read


def test_lege_opgemaakte_cel_ver_weg_is_geen_inhoud(map_: Path) -> None:
    corpus._cel_erbij(map_ / A, ASIEL_DEEL, "XFD1048576", None)
    assert _plaatsen(map_) == []


def test_rij_zonder_nummer_na_de_grens_telt_als_de_volgende(map_: Path) -> None:
    corpus._cel_erbij(map_ / A, ASIEL_DEEL, f"B{MAX_RIJEN}", "7")
    xml = _xml(map_ / A).replace(
        "</sheetData>", '<row><c t="inlineStr"><is><t>y</t></is></c></row></sheetData>'
    )
    _zet_xml(map_ / A, xml)
    plaatsen = [p for p in _plaatsen(map_) if p[0] == "blad-buiten-grenzen"]
    assert plaatsen == [("blad-buiten-grenzen", A, "Asiel", f"A{MAX_RIJEN + 1}")]


def test_begrens_volgt_cellen_zonder_plaats() -> None:
    xml = (
        b'<worksheet><sheetData><row r="5"><c r="CV5"><v>1</v></c><c><v>2</v></c><c s="1"/></row>'
        b"</sheetData></worksheet>"
    )
    kleiner, aantal, eerste = begrens(xml)
    assert (aantal, eerste) == (1, "CW5")
    assert (
        kleiner == b'<worksheet><sheetData><row r="5"><c r="CV5"><v>1</v></c></row></sheetData></worksheet>'
    )
    gewoon = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
    assert begrens(gewoon) == (gewoon, 0, "")


def _cellen_in(pad: Path) -> int:
    with zipfile.ZipFile(pad) as z:
        return sum(
            z.read(n).count(b"<c ") + z.read(n).count(b"<c>")
            for n in z.namelist()
            if n.startswith("xl/worksheets/")
        )


@pytest.mark.parametrize("extra", [0, 1])
def test_grens_op_het_aantal_cellen(map_: Path, extra: int) -> None:
    """Empty styled cells A..Z from row 1000 down, spread over six sheets (varied, so no zip bomb)."""
    nodig = MAX_CELLEN - _cellen_in(map_ / A) + extra
    delen = {}
    for i in range(3, 9):
        deel = f"xl/worksheets/sheet{i}.xml"
        n = nodig // 6 + (nodig % 6 if i == 8 else 0)
        cellen = [f'<c r="{chr(65 + k % 26)}{1000 + k // 26}" s="0"/>' for k in range(n)]
        rijen = "".join(
            f'<row r="{1000 + r}">' + "".join(cellen[r * 26 : r * 26 + 26]) + "</row>"
            for r in range(n // 26 + 1)
        )
        delen[deel] = _xml(map_ / A, deel).replace("</sheetData>", rijen + "</sheetData>").encode()
    corpus.herschrijf_zip(map_ / A, vervang=delen)
    te_groot = [p for p in _plaatsen(map_) if p[0] == "bestand-te-groot"]
    assert te_groot == ([("bestand-te-groot", A, "", "")] if extra else [])


def test_een_kapot_werkboek_houdt_de_rest_niet_tegen(map_: Path, basis: Path) -> None:
    corpus._cel_erbij(map_ / A, ASIEL_DEEL, "XFD1048576", "x")
    (map_ / "almelo-pijp.xlsx").unlink(missing_ok=True)
    os.mkfifo(map_ / "almelo-pijp.xlsx")
    r = subprocess.run(
        [sys.executable, "-m", "regioplan", "bereken", str(map_), "--formaat", "json"],
        capture_output=True,
        text=True,
        env=OMGEVING,
        timeout=120,
        check=False,
    )
    assert r.returncode in (0, 1, 2) and "Traceback" not in r.stderr, r.stderr
    voor = {g["cbs_code"]: g for g in api.bereken(basis).als_dict()["gemeenten"]}
    na = {g["cbs_code"]: g for g in api.bereken(map_).als_dict()["gemeenten"]}
    assert na == voor  # Almelo's stray cell is not read, the pipe has no gemeente: every figure stays
    assert na["GM0147"]["asiel"] and na["GM0193"]["asiel"]
    codes = {b.code for b in api.valideer(map_).bevindingen}
    assert {"blad-buiten-grenzen", "bestand-onleesbaar"} <= codes


# ---------------------------------------------------------------- floods of findings


def _rijen_met_tekst_capaciteit(map_: Path, aantal: int) -> int:
    """Append ``aantal`` rows with the capacity 'veel'; returns the first new row number."""
    with corpus.werkboek(map_ / A) as wb:
        ws = wb["Asiel"]
        eerste = ws.max_row + 1
        voorbeeld = [c.value for c in ws[2]]
        for i in range(aantal):
            rij = list(voorbeeld)
            rij[0], rij[1] = f"Locatie {i}", "veel"
            ws.append(rij)
    return eerste


def test_duizend_keer_dezelfde_fout_wordt_samengevat(map_: Path) -> None:
    begin = _rijen_met_tekst_capaciteit(map_, 300)
    resultaat = api.valideer(map_)
    getal = [b for b in resultaat.bevindingen if b.code == "getal-tekst"]
    assert len(getal) == MAX_PER_CODE + 1
    samen = [b for b in getal if b.aantal > 1]
    assert len(samen) == 1 and samen[0].aantal == 300 - MAX_PER_CODE
    eerste, laatste = f"B{begin + MAX_PER_CODE}", f"B{begin + 299}"
    assert samen[0].bericht == f"En nog 250 keer 'getal-tekst' (blad 'Asiel', {eerste} t/m {laatste})."
    assert (samen[0].blad, samen[0].cel) == ("Asiel", eerste)
    assert resultaat.fouten == sum(b.aantal for b in resultaat.bevindingen if b.ernst == "fout") >= 300
    rij = next(o for o in resultaat.overzicht if o["bestand"] == A)
    assert rij["fouten"] == resultaat.fouten
    data = json.loads(als_json(resultaat))
    assert data["samenvatting"]["fouten"] == resultaat.fouten
    assert sum(b["aantal"] for b in data["bevindingen"] if b["code"] == "getal-tekst") == 300
    assert "En nog 250 keer" in als_markdown(resultaat)
    assert "En nog 250 keer" in als_junit(resultaat)


def test_vervangt_zoekt_beperkt_naar_voorstellen(map_: Path) -> None:
    with corpus.werkboek(map_ / A) as wb:
        ws = wb["Asiel"]
        kop = [c.value for c in ws[1]]
        voorbeeld = [c.value for c in ws[2]]
        for i in range(400):
            rij = list(voorbeeld)
            rij[kop.index("Locatie")] = f"Locatie {i}"
            rij[kop.index("Vervangt")] = f"Locatie {i}x"
            ws.append(rij)
    bevindingen = [b for b in api.valideer(map_).bevindingen if b.code == "vervangt-onbekend"]
    assert sum(b.aantal for b in bevindingen) == 400
    assert "Bedoelde je 'Locatie " in bevindingen[0].bericht  # the first ones still get a suggestion


def test_ci_formaten_blijven_binnen_de_grenzen() -> None:
    b = Bevindingen()
    for n in range(3000):
        for code in ("getal-tekst", "keuze-onbekend"):
            b.voeg_toe(code, bestand=f"gemeente-{n:04}.xlsx", blad="Asiel", cel="B2", waarde="x" * 150)
    resultaat = Validatie(b.gesorteerd(), [f"gemeente-{n:04}.xlsx" for n in range(3000)])
    md = als_markdown(resultaat)
    assert len(md.encode()) <= MAX_SAMENVATTING
    assert "bevindingen die hier niet passen" in md
    regels = als_github(resultaat).splitlines()
    assert len(regels) == 2  # one folded annotation per code


# ---------------------------------------------------------------- values a person meant differently


def test_rekenresten_zijn_hele_getallen(map_: Path) -> None:
    corpus.zet_cellen(map_ / A, "Asiel", {"B2": 62.99999999999999, "B3": 90 * 0.7 + 0.5})
    caps = [c for _, c in _asiel(map_)]
    assert caps[0] == Capaciteit.exact(63)
    assert _plaatsen(map_) == [("getal-decimaal", A, "Asiel", "B3")]


@pytest.mark.parametrize(
    ("tekst", "waarde", "teken", "extra"),
    [
        ("200\u200b", 200, "spatie zonder breedte", []),
        ("1\u00a0211", 1211, "harde spatie", ["getal-als-tekst"]),
        ("1\u202f211", 1211, "smalle harde spatie", ["getal-als-tekst"]),
        ("\ufeff200", 200, "BOM-teken", []),
        ("2\u00ad00", 200, "zacht afbreekstreepje", []),
    ],
)
def test_onzichtbare_tekens_in_getallen(map_: Path, tekst: str, waarde: int, teken: str, extra: list) -> None:
    corpus.zet_cellen(map_ / A, "Asiel", {"B2": tekst})
    assert _asiel(map_)[0][1] == Capaciteit.exact(waarde)
    bevindingen = [b for b in api.valideer(map_).bevindingen if b.cel == "B2"]
    assert sorted(b.code for b in bevindingen) == sorted(["waarde-onzichtbaar-teken", *extra])
    melding = next(b for b in bevindingen if b.code == "waarde-onzichtbaar-teken")
    assert teken in melding.bericht


@pytest.mark.parametrize("teken", ["_x000B_", "_x000C_", "_x0001_", "\u2028"])
def test_stuurtekens_halen_elke_export(map_: Path, tmp_path: Path, teken: str) -> None:
    """A Word soft line break pasted in a name: Excel saves it as ``_x000B_`` (XML cannot hold it)."""
    corpus.zet_cellen(map_ / A, "Asiel", {"A2": "AzcTEKENNoord"})
    with zipfile.ZipFile(map_ / A) as z:
        delen = {n: z.read(n) for n in z.namelist() if b"TEKEN" in z.read(n)}
    corpus.herschrijf_zip(
        map_ / A, vervang={n: d.replace(b"TEKEN", teken.encode()) for n, d in delen.items()}
    )
    naam = _asiel(map_)[0][0]
    assert naam in ("Azc Noord", "AzcNoord")
    assert ("waarde-onzichtbaar-teken", A, "Asiel", "A2") in _plaatsen(map_)
    for uit in ("x.xlsx", "x.csv", "x.json"):
        r = subprocess.run(
            [sys.executable, "-m", "regioplan", "bereken", str(map_), "--uit", str(tmp_path / uit)],
            capture_output=True,
            text=True,
            env=OMGEVING,
            timeout=120,
            check=False,
        )
        assert r.returncode in (0, 1) and "interne fout" not in r.stderr, r.stderr


@pytest.mark.parametrize(
    ("datum", "bereik"), [(dt.datetime(2024, 11, 5), (5, 11)), (dt.datetime(2024, 3, 12), (3, 12))]
)
def test_bereik_dat_excel_een_datum_maakte(map_: Path, datum: dt.datetime, bereik: tuple[int, int]) -> None:
    corpus.zet_cellen(map_ / A, "Asiel", {"B2": datum})
    assert _asiel(map_)[0][1] == Capaciteit(*bereik)
    [b] = [b for b in api.valideer(map_).bevindingen if b.cel == "B2"]
    assert b.code == "getal-als-datum"
    assert f"'{datum.day}-{datum.month}'" in b.bericht


def test_datum_in_een_getalveld_is_geen_getal(map_: Path) -> None:
    corpus.zet_cellen(map_ / A, "Aantallen", {"B2": dt.datetime(2024, 11, 5)})
    assert ("getal-als-datum", A, "Aantallen", "B2") in _plaatsen(map_)


def test_formule_met_lege_uitkomst_is_een_waarde(map_: Path) -> None:
    xml = _xml(map_ / A)
    cel = '<c r="M2" t="str"><f>IF(1=2,"x","")</f><v></v></c>'
    xml = xml.replace("</row>", cel + "</row>", 2).replace(cel + "</row>", "</row>", 1)  # only in row 2
    assert xml.count('r="M2"') == 1
    _zet_xml(map_ / A, xml)
    assert _plaatsen(map_) == []
    zonder_waarde = xml.replace(cel, '<c r="M2"><f>IF(1=2,"x","")</f></c>')
    _zet_xml(map_ / A, zonder_waarde)
    assert _plaatsen(map_) == [("formule-zonder-waarde", A, "Asiel", "M2")]


# ---------------------------------------------------------------- hidden and near-duplicate sheets


def _som(pad: Path, code: str = "GM0141") -> int:
    return sum(c.telwaarde for _, c in _asiel(pad, code))


def test_verborgen_oud_blad_naast_het_echte(map_: Path) -> None:
    """Last round's 'Asiel' hidden, this round's renamed 'Asiel 2024': the visible one is read."""
    echt = _som(map_)
    with corpus.werkboek(map_ / A) as wb:
        wb["Asiel"].title = "Asiel 2024"
    corpus.verborgen_kopie(map_ / A, "Asiel 2024", "Asiel", rijen=1)
    assert _som(map_) == echt
    plaatsen = _plaatsen(map_)
    assert ("blad-verborgen", A, "Asiel", "") in plaatsen
    assert ("blad-ontbreekt", A, "Asiel", "") in plaatsen  # renamed: named, read as Asiel
    [b] = [b for b in api.valideer(map_).bevindingen if b.code == "blad-verborgen"]
    assert "'Asiel 2024' is als 'Asiel' gelezen" in b.bericht


@pytest.mark.parametrize("naam", ["Asiel.", "Asiel ", "Asiel_", "(Asiel)"])
def test_verborgen_bijna_dubbel_wordt_niet_gelezen(map_: Path, naam: str) -> None:
    echt = _som(map_)
    corpus.verborgen_kopie(map_ / A, "Asiel", naam, rijen=1)
    assert _som(map_) == echt
    assert _plaatsen(map_) == [("blad-verborgen", A, naam, "")]


def test_alleen_een_verborgen_blad_wordt_gelezen_met_melding(map_: Path) -> None:
    echt = _som(map_)
    with corpus.werkboek(map_ / A) as wb:
        wb["Asiel"].sheet_state = "hidden"
    assert _som(map_) == echt
    [b] = [b for b in api.valideer(map_).bevindingen if b.code == "blad-verborgen"]
    assert (b.blad, b.ernst) == ("Asiel", "waarschuwing") and "geen zichtbaar blad" in b.bericht


@pytest.mark.parametrize(
    ("blad", "tweede"), [("Oekraïne", "Oekraine"), ("Asiel", "Asiel (oud)"), ("Asiel", "Asiel.")]
)
def test_twee_zichtbare_bladen_voor_een_is_een_fout(map_: Path, blad: str, tweede: str) -> None:
    corpus.verborgen_kopie(map_ / A, blad, tweede, rijen=1, verborgen=False)
    resultaat = api.valideer(map_)
    [b] = [b for b in resultaat.bevindingen if b.code == "blad-dubbel"]
    assert (b.blad, b.ernst) == (tweede, "fout")
    assert f"'{blad}'" in b.bericht and f"'{tweede}'" in b.bericht
    assert resultaat.faalt()


# ---------------------------------------------------------------- merged cells in data rows


def test_samengevoegde_uitleg_geldt_voor_elke_rij(map_: Path) -> None:
    """A location over two rows, 'Telt mee = nee' and its explanation merged over both."""
    corpus.kopieer_rij(map_ / A, "Asiel", 2, 3)
    with corpus.werkboek(map_ / A) as wb:
        ws = wb["Asiel"]
        kop = [c.value for c in ws[1]]
        telt, uitleg = kop.index("Telt mee") + 1, kop.index("Toelichting telt mee") + 1
        ws.cell(row=3, column=1).value = "Azc Almelo (tweede gebouw)"
        ws.cell(row=2, column=telt).value = "nee"
        ws.cell(row=2, column=uitleg).value = "Tijdelijk, loopt af"
        for kolom in (telt, uitleg):
            ws.merge_cells(start_row=2, start_column=kolom, end_row=3, end_column=kolom)
    u = api.lees(map_).uitvragen["GM0141"]
    assert [(x.telt_mee, x.toelichting) for x in u.asiel[:2]] == [("nee", "Tijdelijk, loopt af")] * 2
    samengevoegd = sorted(p for p in _plaatsen(map_) if p[0] == "cel-samengevoegd")
    assert [p[3] for p in samengevoegd] == sorted(f"{_kolom(k)}2" for k in (telt, uitleg))


# ---------------------------------------------------------------- the template prevents what Excel converts


def test_sjabloon_zet_op_elke_kolom_een_opmaak(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from regioplan.cli import main
    from regioplan.uitvraag.schema import UITVRAAG_BLADEN
    from regioplan.uitvraag.schrijven import OPMAAK

    assert main(["sjabloon", "--gemeente", "Almelo", "--uit", str(tmp_path)]) == 0
    wb = load_workbook(tmp_path / "almelo.xlsx")
    for blad in UITVRAAG_BLADEN:
        ws = wb[blad.naam]
        geheel = [str(dv.sqref) for dv in ws.data_validations.dataValidation if dv.type == "whole"]
        for i, kolom in enumerate(blad.kolommen, start=1):
            letter = _kolom(i)
            if blad.soort == "tabel":
                assert ws.column_dimensions[letter].number_format == OPMAAK[kolom.type], (
                    blad.naam,
                    kolom.kop,
                )
                bereik = f"{letter}2:{letter}201"
            else:
                assert ws.cell(row=i + 1, column=2).number_format == OPMAAK[kolom.type], (
                    blad.naam,
                    kolom.kop,
                )
                bereik = f"B{i + 1}"
            assert (bereik in geheel) == (kolom.type in ("geheel", "geheel_neg")), (blad.naam, kolom.kop)
    assert wb["Asiel"].column_dimensions["B"].number_format == "@"  # capacity: '5-11' stays a range
    corpus.zet_cellen(tmp_path / "almelo.xlsx", "Asiel", {"A2": "Azc", "B2": "5-11"})  # typed in a Text cell
    u = api.lees(tmp_path / "almelo.xlsx").uitvragen["GM0141"]
    assert u.asiel[0].capaciteit == Capaciteit(5, 11)
