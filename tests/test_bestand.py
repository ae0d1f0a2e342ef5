"""File checks on workbook layouts that Excel does not write but other tools may.

Why: the formula and DTD checks look only at the sheets in ``xl/worksheets/`` and parse the workbook
only when needed (for speed). A sheet stored elsewhere, or XML with a namespace prefix on every
element, must still be checked.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl

from regioplan.uitvraag.bestand import controleer_bestand

try:
    from . import corpus
except ImportError:  # tests/ is not a package: pytest put its folder on sys.path
    import corpus


def _werkboek(pad: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Asiel"
    wb.active["A1"] = "locatie"
    wb.active["B2"] = "=30+9"  # openpyxl saves a formula without a cached value
    wb.create_sheet("Leeg")
    wb.save(pad)
    return pad


def _verplaats_blad(pad: Path) -> None:
    """Move the first sheet to xl/bladen/blad1.xml and point the relationship there."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            data = bron.read(info.filename)
            naam = info.filename
            if naam == "xl/worksheets/sheet1.xml":
                naam = "xl/bladen/blad1.xml"
            elif naam in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                data = data.replace(b"worksheets/sheet1.xml", b"bladen/blad1.xml")
            doel.writestr(naam, data)
    pad.write_bytes(buffer.getvalue())


def test_formule_zonder_waarde_in_gewoon_werkboek(tmp_path):
    controle = controleer_bestand(_werkboek(tmp_path / "a.xlsx"))
    assert controle.code is None and controle.formules_zonder_waarde == {"Asiel": {"B2"}}


def test_blad_buiten_xl_worksheets_wordt_ook_gecontroleerd(tmp_path):
    pad = _werkboek(tmp_path / "a.xlsx")
    _verplaats_blad(pad)
    assert "xl/bladen/blad1.xml" in zipfile.ZipFile(pad).namelist()
    controle = controleer_bestand(pad)
    assert controle.code is None and controle.formules_zonder_waarde == {"Asiel": {"B2"}}
    corpus.herschrijf_zip(pad, vervang={"xl/bladen/blad1.xml": corpus.LACHBOM})
    controle = controleer_bestand(pad)
    assert controle.code == "bestand-corrupt" and "xl/bladen/blad1.xml" in str(controle.params["detail"])


def test_formule_met_namespace_voorvoegsel(tmp_path):
    pad = _werkboek(tmp_path / "a.xlsx")
    with zipfile.ZipFile(pad) as zf:
        blad = zf.read("xl/worksheets/sheet1.xml").decode()
    # every element of the main namespace gets the prefix x: (as some generators write it)
    blad = blad.replace(
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    )
    blad = re.sub(r"<(/?)(?!\?)([a-zA-Z]+)([ >/])", r"<\1x:\2\3", blad)
    assert "<x:f>" in blad and "<f>" not in blad
    corpus.herschrijf_zip(pad, vervang={"xl/worksheets/sheet1.xml": blad.encode()})
    controle = controleer_bestand(pad)
    assert controle.code is None and controle.formules_zonder_waarde == {"Asiel": {"B2"}}


def test_dtd_in_stijlen_maakt_het_bestand_corrupt_zonder_iets_uit_te_breiden(tmp_path):
    """styles.xml is read by calamine only (which expands no entities); Excel never writes a DTD, so the file
    is refused."""
    from regioplan.api import valideer
    from regioplan.uitvraag.schrijven import schrijf_uitvraag

    pad = schrijf_uitvraag(tmp_path / "almelo.xlsx", {"gemeente": {"naam": "Almelo", "cbs_code": "GM0141"}})
    bom = corpus.LACHBOM.replace(b"<worksheet", b"<styleSheet").replace(b"</worksheet>", b"</styleSheet>")
    corpus.herschrijf_zip(pad, vervang={"xl/styles.xml": bom})
    (bevinding,) = valideer(pad).bevindingen
    assert (bevinding.code, bevinding.bestand) == ("bestand-corrupt", "almelo.xlsx")
    assert "'xl/styles.xml' bevat een DTD" in bevinding.bericht


def test_dtd_in_werkboek_wordt_bij_naam_genoemd(tmp_path):
    pad = _werkboek(tmp_path / "a.xlsx")
    with zipfile.ZipFile(pad) as zf:
        werkboek = zf.read("xl/workbook.xml")
    corpus.herschrijf_zip(
        pad,
        vervang={
            "xl/workbook.xml": werkboek.replace(b"<workbook", b'<!DOCTYPE x [<!ENTITY a "b">]><workbook', 1)
        },
    )
    controle = controleer_bestand(pad)
    assert controle.code == "bestand-corrupt" and "'xl/workbook.xml' bevat een DTD" in str(
        controle.params["detail"]
    )


def test_ongecomprimeerd_werkboek_wordt_gewoon_gelezen(tmp_path):
    pad = _werkboek(tmp_path / "a.xlsx")
    corpus.herschrijf_zip(pad, methode=zipfile.ZIP_STORED)
    assert {i.compress_type for i in zipfile.ZipFile(pad).infolist()} == {zipfile.ZIP_STORED}
    controle = controleer_bestand(pad)
    assert controle.code is None and controle.formules_zonder_waarde == {"Asiel": {"B2"}}


def test_beschadigd_blad_is_corrupt(tmp_path):
    """A flipped byte inside a sheet's compressed data: the part is unpacked by hand, so check that it is
    caught."""
    pad = _werkboek(tmp_path / "a.xlsx")
    info = zipfile.ZipFile(pad).getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(pad.read_bytes())
    begin = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[begin + info.compress_size // 2] ^= 0xFF
    pad.write_bytes(bytes(data))
    controle = controleer_bestand(pad)
    assert controle.code == "bestand-corrupt", controle
