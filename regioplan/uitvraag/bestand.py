"""File-level safety checks before a workbook is parsed.

A submitted file may be anything: an old .xls, an .ods, a renamed CSV, a truncated download, a
password-protected workbook or a zip bomb. These checks look at bytes and the zip directory only,
cheaply, so the parser never sees what it cannot handle. XML that we parse ourselves goes through
defusedxml.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

MAX_BESTAND = 20 * 1024 * 1024  #: bytes on disk
MAX_UITGEPAKT = 50 * 1024 * 1024  #: bytes uncompressed, all entries together
MAX_VERHOUDING = 200  #: compression ratio of one large entry that marks a zip bomb

OLE_KOP = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


@dataclass
class Bestandscontrole:
    """Outcome of the checks: a fatal problem (``code`` + params) or the go-ahead, plus side notes."""

    code: str | None = None
    params: dict[str, object] = field(default_factory=dict)
    macro: bool = False
    formules_zonder_waarde: dict[str, set[str]] = field(default_factory=dict)  #: sheet -> cells


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def controleer_bestand(pad: Path) -> Bestandscontrole:
    """Check that ``pad`` is a readable, safe .xlsx/.xlsm; never raises for bad content."""
    uit = Bestandscontrole()
    grootte = pad.stat().st_size
    if grootte == 0:
        return Bestandscontrole("bestand-leeg")
    if grootte > MAX_BESTAND:
        return Bestandscontrole("bestand-te-groot", {"detail": f"{_mb(grootte)} op schijf, maximaal {_mb(MAX_BESTAND)}"})
    with pad.open("rb") as f:
        kop = f.read(8)
        if kop == OLE_KOP:
            inhoud = kop + f.read()
            if "EncryptionInfo".encode("utf-16-le") in inhoud or b"EncryptedPackage" in inhoud:
                return Bestandscontrole("bestand-beveiligd")
            return Bestandscontrole("bestand-geen-xlsx", {"soort": "een .xls-bestand (Excel 97-2003)"})
    if not kop.startswith(b"PK"):
        soort = "tekst (misschien een CSV-bestand met een andere extensie)" if _lijkt_tekst(kop) else "een onbekend bestandstype"
        return Bestandscontrole("bestand-geen-xlsx", {"soort": soort})
    try:
        with zipfile.ZipFile(pad) as zf:
            namen = zf.namelist()
            if "mimetype" in namen and b"opendocument" in zf.read("mimetype"):
                return Bestandscontrole("bestand-geen-xlsx", {"soort": "een OpenDocument-rekenblad (.ods)"})
            if "xl/workbook.xml" not in namen:
                return Bestandscontrole("bestand-geen-xlsx", {"soort": "een zip-archief zonder Excel-werkboek"})
            totaal = 0
            for info in zf.infolist():
                totaal += info.file_size
                if info.file_size > 1024 * 1024 and info.file_size > MAX_VERHOUDING * max(info.compress_size, 1):
                    return Bestandscontrole("bestand-te-groot", {"detail": f"'{info.filename}' pakt {_mb(info.file_size)} uit "
                                                                 f"uit {info.compress_size} bytes (zip-bom)"})
            if totaal > MAX_UITGEPAKT:
                return Bestandscontrole("bestand-te-groot", {"detail": f"uitgepakt {_mb(totaal)}, maximaal {_mb(MAX_UITGEPAKT)}"})
            uit.macro = "xl/vbaProject.bin" in namen or pad.suffix.lower() == ".xlsm"
            uit.formules_zonder_waarde = _formules_zonder_waarde(zf, namen)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, KeyError, OSError) as fout:
        return Bestandscontrole("bestand-corrupt", {"detail": str(fout) or type(fout).__name__})
    except ElementTree.ParseError as fout:
        return Bestandscontrole("bestand-corrupt", {"detail": f"ongeldige XML: {fout}"})
    except Exception as fout:  # defusedxml refuses entity tricks with its own exception types
        return Bestandscontrole("bestand-corrupt", {"detail": f"{type(fout).__name__}: {fout}"})
    return uit


def _lijkt_tekst(kop: bytes) -> bool:
    return all(32 <= b < 127 or b in (9, 10, 13) for b in kop) or kop.startswith(b"\xef\xbb\xbf")


_F = re.compile(rb"<(?:\w+:)?f[ >/]")


def _formules_zonder_waarde(zf: zipfile.ZipFile, namen: list[str]) -> dict[str, set[str]]:
    """Cells with a formula but no cached value, per sheet name (files saved by tools that do not compute)."""
    bladen = [n for n in namen if n.startswith("xl/worksheets/sheet") and n.endswith(".xml")]
    verdacht = {n: zf.read(n) for n in bladen}
    verdacht = {n: data for n, data in verdacht.items() if _F.search(data)}
    if not verdacht:
        return {}
    wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    doel = {r.get("Id"): r.get("Target", "") for r in rels}
    uit: dict[str, set[str]] = {}
    for blad in wb.iterfind("m:sheets/m:sheet", NS):
        target = doel.get(blad.get(f"{{{NS['r']}}}id"), "")
        pad = "xl/" + target.lstrip("/").removeprefix("xl/")
        if pad not in verdacht:
            continue
        cellen = set()
        for c in ElementTree.fromstring(verdacht[pad]).iterfind(".//m:sheetData/m:row/m:c", NS):
            if c.find("m:f", NS) is not None:
                v = c.find("m:v", NS)
                if v is None or v.text in (None, ""):
                    cellen.add(c.get("r", ""))
        if cellen:
            uit[blad.get("name", "")] = cellen
    return uit
