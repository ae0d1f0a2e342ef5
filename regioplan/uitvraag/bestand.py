"""File-level safety checks before a workbook is parsed.

A submitted file may be anything: an old .xls, an .ods, a renamed CSV, a truncated download, a
password-protected workbook or a zip bomb. These checks look at bytes and the zip directory only,
cheaply, so the parser never sees what it cannot handle. XML that we parse ourselves goes through
defusedxml.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from ..bevindingen import celnaam

MAX_BESTAND = 20 * 1024 * 1024  #: bytes on disk
MAX_UITGEPAKT = 50 * 1024 * 1024  #: bytes uncompressed, all entries together
MAX_VERHOUDING = 200  #: compression ratio of one large entry that marks a zip bomb
MAX_RIJEN = (
    10_000  #: rows per sheet that are read (a uitvraag has tens; the opgaven workbook one per gemeente)
)
MAX_KOLOMMEN = 100  #: columns per sheet that are read (column CV; the widest sheet has 15)
MAX_CELLEN = 500_000  #: cell elements in all sheets of one workbook together

OLE_KOP = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
#: The same parts in a workbook saved as "Strict Open XML" (Excel: Opslaan als > Strikt Open XML-werkmap).
NS_STRIKT = {
    "m": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
}


def naamruimten(werkboek: bytes) -> dict[str, str]:
    """The namespaces of a workbook's parts: :data:`NS_STRIKT` for a Strict Open XML workbook, else
    :data:`NS`. Looked up in ``xl/workbook.xml``, whose root element names its namespace first."""
    return NS_STRIKT if NS_STRIKT["m"].encode() in werkboek[:2048] else NS


@dataclass
class Bestandscontrole:
    """Outcome of the checks: a fatal problem (``code`` + params) or the go-ahead, plus side notes."""

    code: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    macro: bool = False
    formules_zonder_waarde: dict[str, set[str]] = field(default_factory=dict)  #: sheet -> cells
    foutwaarden: dict[str, dict[str, str]] = field(default_factory=dict)  #: sheet -> {cell: "#N/A"}
    procent: dict[str, dict[str, float]] = field(default_factory=dict)  #: sheet -> {cell: 0.4} shown as 40%
    buiten: list[Buiten] = field(default_factory=list)  #: filled cells outside the limits, per sheet
    inhoud: bytes | None = None  #: the workbook without those cells (to read instead of the file), if any


@dataclass(frozen=True)
class Buiten:
    """Filled cells of one sheet beyond :data:`MAX_RIJEN` or :data:`MAX_KOLOMMEN`: not read, reported."""

    blad: str
    aantal: int
    cel: str  #: the first of them, A1 notation


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def controleer_bestand(pad: Path) -> Bestandscontrole:
    """Check that ``pad`` is a readable, safe .xlsx/.xlsm; never raises for bad content."""
    uit = Bestandscontrole()
    grootte = pad.stat().st_size
    if grootte == 0:
        return Bestandscontrole("bestand-leeg")
    if grootte > MAX_BESTAND:
        return Bestandscontrole(
            "bestand-te-groot", {"detail": f"{_mb(grootte)} op schijf, maximaal {_mb(MAX_BESTAND)}"}
        )
    inhoud = (
        pad.read_bytes()
    )  # at most MAX_BESTAND; the zip is read from memory (a third faster than from the file)
    kop = inhoud[:8]
    if kop == OLE_KOP:
        if "EncryptionInfo".encode("utf-16-le") in inhoud or b"EncryptedPackage" in inhoud:
            return Bestandscontrole("bestand-beveiligd")
        return Bestandscontrole("bestand-geen-xlsx", {"soort": "een .xls-bestand (Excel 97-2003)"})
    if not kop.startswith(b"PK"):
        return Bestandscontrole("bestand-geen-xlsx", {"soort": _soort_van_kop(kop)})
    try:
        z = _Zip(inhoud)
        with z.zf:
            if "mimetype" in z.infos and b"opendocument" in z.lees("mimetype"):
                return Bestandscontrole("bestand-geen-xlsx", {"soort": "een OpenDocument-rekenblad (.ods)"})
            if "xl/workbook.xml" not in z.infos:
                return Bestandscontrole(
                    "bestand-geen-xlsx", {"soort": "een zip-archief zonder Excel-werkboek"}
                )
            totaal = 0
            for info in z.infos.values():
                totaal += info.file_size
                if info.file_size > 1024 * 1024 and info.file_size > MAX_VERHOUDING * max(
                    info.compress_size, 1
                ):
                    return Bestandscontrole(
                        "bestand-te-groot",
                        {
                            "detail": f"'{info.filename}' pakt {_mb(info.file_size)} uit "
                            f"uit {info.compress_size} bytes (zip-bom)"
                        },
                    )
            if totaal > MAX_UITGEPAKT:
                return Bestandscontrole(
                    "bestand-te-groot", {"detail": f"uitgepakt {_mb(totaal)}, maximaal {_mb(MAX_UITGEPAKT)}"}
                )
            uit.macro = "xl/vbaProject.bin" in z.infos or pad.suffix.lower() == ".xlsm"
            if detail := _bijzondere_cellen(z, uit):
                return Bestandscontrole("bestand-corrupt", {"detail": detail})
            if uit.code:
                return uit
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, KeyError, OSError, zlib.error) as fout:
        return Bestandscontrole("bestand-corrupt", {"detail": str(fout) or type(fout).__name__})
    except ElementTree.ParseError as fout:
        return Bestandscontrole("bestand-corrupt", {"detail": f"ongeldige XML: {fout}"})
    except Exception as fout:  # defusedxml refuses entity tricks with its own exception types
        return Bestandscontrole("bestand-corrupt", {"detail": f"{type(fout).__name__}: {fout}"})
    return uit


def _lijkt_tekst(kop: bytes) -> bool:
    return all(32 <= b < 127 or b in (9, 10, 13) for b in kop) or kop.startswith(
        (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
    )


def _soort_van_kop(kop: bytes) -> str:
    if kop.startswith(OLE_KOP):
        return "een .xls-bestand (Excel 97-2003) of een ander Office-bestand"
    if kop.startswith(b"PK"):
        return "een zip-archief (misschien een werkboek met de verkeerde extensie)"
    if kop.startswith(b"%PDF"):
        return "een PDF-bestand"
    if kop.lstrip().lower().startswith((b"<html", b"<!doc")):
        return "een webpagina (HTML)"
    if _lijkt_tekst(kop):
        return "tekst (misschien een CSV-bestand met een andere extensie)"
    return "een onbekend bestandstype"


def soort_van_inhoud(pad: Path) -> str:
    """What a file that is not an .xlsx seems to be, from its first bytes (for the message)."""
    with pad.open("rb") as f:
        kop = f.read(16)
    return "een leeg bestand" if not kop else _soort_van_kop(kop)


class _Zip:
    """A workbook's zip in memory, with a quick way to unpack one part.

    zipfile's own ``read`` builds a file object per part and inflates in 4 KB steps; for the ~10 small
    parts of each of 342 workbooks that overhead was half the file check. Deflated and stored parts are
    unpacked here in one step, with the same guarantees: the local header must be there, the output
    may not exceed the size the directory declares (no zip bomb), and the CRC must match. Anything
    else (encrypted, other methods) goes through zipfile.
    """

    def __init__(self, inhoud: bytes) -> None:
        self.inhoud = inhoud
        self.zf = zipfile.ZipFile(io.BytesIO(inhoud))
        self.infos = {i.filename: i for i in self.zf.infolist()}

    def lees(self, naam: str) -> bytes:
        info = self.infos[naam]
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
            return self.zf.read(info)
        o = info.header_offset
        if self.inhoud[o : o + 4] != b"PK\x03\x04":
            raise zipfile.BadZipFile(f"'{naam}': lokale kop ontbreekt")
        lengte_naam, lengte_extra = struct.unpack_from("<HH", self.inhoud, o + 26)
        begin = o + 30 + lengte_naam + lengte_extra
        ruw = self.inhoud[begin : begin + info.compress_size]
        data = (
            zlib.decompressobj(-15).decompress(ruw, info.file_size + 1)
            if info.compress_type == zipfile.ZIP_DEFLATED
            else ruw
        )
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            raise zipfile.BadZipFile(f"'{naam}' is beschadigd (grootte of CRC klopt niet)")
        return data

    def begin(self, naam: str, n: int = 4096) -> bytes:
        """The first ``n`` bytes of a part (for the DTD check), without unpacking all of a large one."""
        with self.zf.open(self.infos[naam]) as f:
            return f.read(n)


def _dtd_in(naam: str, begin: bytes) -> str:
    """Excel never writes a DTD; one in a workbook part is an entity bomb or an XXE attempt. Parsing it
    with defusedxml refuses it without expanding anything; the message names the part."""
    if b"<!DOCTYPE" not in begin and b"<!ENTITY" not in begin:
        return ""
    try:
        ElementTree.fromstring(begin, forbid_dtd=True)
    except Exception as fout:  # DTDForbidden, EntitiesForbidden, ParseError
        return f"'{naam}' bevat een DTD ({type(fout).__name__}); zoiets schrijft Excel nooit"
    return f"'{naam}' bevat een DTD; zoiets schrijft Excel nooit"


#: Quick 'maybe' tests on the raw bytes of a sheet (the national set has 40 MB of sheet XML): a formula
#: element (``<f>``, ``<f t="shared" .../>``, or with a prefix ``<x:f>``) and an error cell ``t="e"``. Only
#: a sheet with a hit is parsed. Three regexes that each start with a literal are scanned fast; one
#: alternation, or a lookahead for the optional prefix, is five times slower.
_MISSCHIEN = (re.compile(rb"<f[ >/]"), re.compile(rb":f[ >/]"), re.compile(rb"""t=["']e["']"""))


def _bladnamen(z: _Zip, werkboek: bytes) -> dict[str, str]:
    """Part path -> sheet name, from the workbook and its relationships (parsed with defusedxml, which
    refuses a DTD: the caller then reports the file as corrupt)."""
    wb = ElementTree.fromstring(werkboek, forbid_dtd=True)
    rels = ElementTree.fromstring(z.lees("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
    doel = {r.get("Id"): r.get("Target", "") for r in rels}
    namen = {}
    ns = naamruimten(werkboek)
    for blad in wb.iterfind("m:sheets/m:sheet", ns):
        target = doel.get(blad.get(f"{{{ns['r']}}}id"), "")
        namen[target.lstrip("/") if target.startswith("/") else "xl/" + target] = blad.get("name", "")
    return namen


#: Excel's built-in number formats that show a percentage (``0%`` and ``0.00%``).
PROCENT_OPMAAK = {"9", "10"}


def procentstijlen(z: _Zip, ns: dict[str, str]) -> set[str]:
    """The cell style numbers (``s="3"``) whose number format shows a percentage: a built-in one, or an
    own format with ``%`` outside quotes. Empty for a workbook without styles or such formats."""
    if "xl/styles.xml" not in z.infos:
        return set()
    data = z.lees("xl/styles.xml")
    if b"%" not in data and not re.search(rb'numFmtId="(?:9|10)"', data):  # the usual case: parse nothing
        return set()
    stijlen = ElementTree.fromstring(data, forbid_dtd=True)
    procent = set(PROCENT_OPMAAK)
    for opmaak in stijlen.iterfind("m:numFmts/m:numFmt", ns):
        if "%" in re.sub(r'"[^"]*"|\\.', "", opmaak.get("formatCode", "")):
            procent.add(opmaak.get("numFmtId", ""))
    return {
        str(i) for i, xf in enumerate(stijlen.iterfind("m:cellXfs/m:xf", ns)) if xf.get("numFmtId") in procent
    }


def _bijzondere_cellen(z: _Zip, uit: Bestandscontrole) -> str:
    """Cells calamine reads as empty although they are not: a formula without a cached value (saved by a
    tool that does not compute) and an error value such as ``#DIV/0!``. Per sheet name.

    Returns the detail of a DTD found in a part that a parser reads ("" when there is none). Excel never
    writes a DTD; one is an entity bomb or an XXE attempt. The workbook and the sheets are read here
    anyway; of the shared strings and styles (read by calamine) only the first bytes are looked at.
    Parts nothing parses (theme, docProps) are not opened.

    The sheets are the parts in ``xl/worksheets/`` (where every writer we know puts them); the workbook is
    parsed for their names only when a sheet needs a closer look, or when it declares more sheets than
    that folder holds (then the relationships say where they are).
    """
    werkboek = z.lees("xl/workbook.xml")
    if detail := _dtd_in("xl/workbook.xml", werkboek[:4096]):
        return detail
    for deel in ("xl/sharedStrings.xml", "xl/styles.xml"):
        if deel in z.infos and (detail := _dtd_in(deel, z.begin(deel))):
            return detail
    bladen = [n for n in z.infos if n.startswith("xl/worksheets/") and n.endswith(".xml")]
    bladnamen: dict[str, str] | None = None
    if werkboek.count(b"sheet ") > len(bladen):  # <sheet .../> or <x:sheet .../>
        bladnamen = _bladnamen(z, werkboek)
        bladen = [pad for pad in bladnamen if pad in z.infos]
    cellen = 0
    begrensd: dict[str, bytes] = {}
    ns = naamruimten(werkboek)
    procent = procentstijlen(z, ns)
    misschien: tuple[re.Pattern[bytes], ...] = _MISSCHIEN
    if procent:  # a number in a cell shown as a percentage (Excel made 40 typed there 0.4)
        stijl = b"|".join(re.escape(n.encode()) for n in sorted(procent))
        misschien = (*_MISSCHIEN, re.compile(rb'\ss="(?:' + stijl + rb')"'))
    for pad in bladen:
        data = z.lees(pad)
        if detail := _dtd_in(pad, data[:4096]):
            return detail
        cellen += data.count(b"<c ") + data.count(b"<c>") + data.count(b":c r=")
        if cellen > MAX_CELLEN:
            uit.code, uit.params = (
                "bestand-te-groot",
                {"detail": f"meer dan {MAX_CELLEN:_} cellen".replace("_", ".")},
            )
            return ""
        if any(r.search(data) for r in _VERDACHT):
            kleiner, aantal, eerste = begrens(data)
            if aantal or kleiner is not data:
                if bladnamen is None:
                    bladnamen = _bladnamen(z, werkboek)
                if pad in bladnamen:
                    begrensd[pad] = kleiner
                    if aantal:
                        uit.buiten.append(Buiten(bladnamen[pad], aantal, eerste))
        if not any(r.search(data) for r in misschien):
            continue
        if bladnamen is None:
            bladnamen = _bladnamen(z, werkboek)
        naam = bladnamen.get(pad)
        if naam is None:  # a sheet-like part the workbook does not list: nothing reads it
            continue
        for c in ElementTree.fromstring(data).iterfind(".//m:sheetData/m:row/m:c", ns):
            v = c.find("m:v", ns)
            leeg = v is None or v.text in (None, "")
            if c.find("m:f", ns) is not None and leeg and c.get("t") != "str":  # t="str": result ""
                uit.formules_zonder_waarde.setdefault(naam, set()).add(c.get("r", ""))
            elif c.get("t") == "e" and not leeg:
                uit.foutwaarden.setdefault(naam, {})[c.get("r", "")] = v.text
            elif c.get("s") in procent and c.get("t", "n") == "n" and not leeg:
                try:
                    uit.procent.setdefault(naam, {})[c.get("r", "")] = float(v.text)
                except ValueError:  # not a number after all: calamine reports what it makes of it
                    pass
    if begrensd:
        uit.inhoud = _herschrijf(z, begrensd)
    return ""


def _herschrijf(z: _Zip, vervangen: dict[str, bytes]) -> bytes:
    """The workbook with some parts replaced, as zip bytes in memory (stored: at most MAX_UITGEPAKT)."""
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_STORED) as nieuw:
        for naam in z.infos:
            nieuw.writestr(naam, vervangen[naam] if naam in vervangen else z.lees(naam))
    return uit.getvalue()


#: Quick 'maybe' tests for cells beyond the limits: a reference with two or more column letters (AA and
#: beyond) or five digits (row 10.000 and beyond), or a row or cell without ``r`` (its place is implied).
#: Only a sheet with a hit is looked at cell by cell. Excel and LibreOffice write ``r`` first.
_VERDACHT = (
    re.compile(rb'r="(?:[A-Z]{2}|[A-Z]{0,3}\d{5})'),
    re.compile(rb"<c(?:>| (?!r=))"),
    re.compile(rb":c(?:>| (?!r=))"),
    re.compile(rb"<row(?:>| (?!r=))"),
    re.compile(rb":row(?:>| (?!r=))"),
)
_RIJ = re.compile(rb"<((?:[\w.-]+:)?)row\b([^>]*?)(?:/>|>(.*?)</\1row>)", re.S)
_CEL = re.compile(rb"<((?:[\w.-]+:)?)c\b([^>]*?)(?:/>|>(.*?)</\1c>)", re.S)
_BREED = re.compile(rb'r="[A-Z]{2}|<(?:[\w.-]+:)?c(?:>| (?!r=))')  #: a row that may reach past column Z
_REF = re.compile(rb'\sr="([A-Z]*)(\d*)"')
_WAARDE = re.compile(rb"<(?:[\w.-]+:)?(?:v|t)\b[^>/]*>[^<]")


def _kolomnummer(letters: bytes) -> int:
    n = 0
    for b in letters:
        n = n * 26 + b - 64
    return n


def begrens(data: bytes) -> tuple[bytes, int, str]:
    """Sheet XML without the cells beyond :data:`MAX_RIJEN` rows or :data:`MAX_KOLOMMEN` columns.

    A reader builds a dense grid up to the last filled cell, so one stray value at ``XFD1048576`` (a
    Ctrl+End slip) would cost 17 billion cells. Returns ``(xml, filled cells dropped, first of them)``;
    ``xml`` is ``data`` itself when nothing was dropped. Cells without a value (only a style) are dropped
    silently (no reader gives them a place). Places follow the ``r`` attributes, or the order where a row or
    cell has none, as the format defines. Linear in the size of the sheet.
    """
    weg = 0
    eerste = ""
    veranderd = False
    vorige_rij = 0

    def rij(m: re.Match[bytes]) -> bytes:
        nonlocal weg, eerste, veranderd, vorige_rij
        ref = _REF.search(m[2])
        nummer = int(ref[2]) if ref and ref[2] else vorige_rij + 1
        vorige_rij = nummer
        inhoud = m[3] or b""
        if nummer > MAX_RIJEN:
            veranderd = True
            gevuld = len(_WAARDE.findall(inhoud))
            if gevuld and not eerste:
                c = next(c for c in _CEL.finditer(inhoud) if c[3] and _WAARDE.search(c[3]))
                r = _REF.search(c[2])
                eerste = (r[1].decode() if r and r[1] else "A") + str(nummer)
            weg += gevuld
            return b""
        if not _BREED.search(inhoud):
            return m[0]
        vorige_kol = 0

        def cel(c: re.Match[bytes]) -> bytes:
            nonlocal weg, eerste, veranderd, vorige_kol
            r = _REF.search(c[2])
            kol = _kolomnummer(r[1]) if r and r[1] else vorige_kol + 1
            vorige_kol = kol
            if kol <= MAX_KOLOMMEN:
                return c[0]
            veranderd = True
            if c[3] and _WAARDE.search(c[3]):
                weg += 1
                if not eerste:
                    eerste = celnaam(kol, nummer)
            return b""

        begin, eind = m.start(3) - m.start(0), m.end(3) - m.start(0)
        return m[0][:begin] + _CEL.sub(cel, inhoud) + m[0][eind:]

    staart = _staart(data)
    if staart is not None:  # rows in order (as every writer saves them): the rows past the limit in one go
        begin, eind = staart
        data_staart = data[begin:eind]
        weg = _waarden_in(data_staart)
        if weg:
            c = next(c for c in _CEL.finditer(data_staart) if c[3] and _WAARDE.search(c[3]))
            r = _REF.search(c[2])
            eerste = r[1].decode() + r[2].decode() if r and r[1] and r[2] else ""
        veranderd = True
        data = data[:begin] + data[eind:]
    kleiner = _RIJ.sub(rij, data)
    return (kleiner if veranderd else data), weg, eerste


_RIJNUMMER = re.compile(rb'<(?:[\w.-]+:)?row\b[^>]*?\sr="(\d{5,})"')
_EINDE = re.compile(rb"</(?:[\w.-]+:)?sheetData>")
_RIJ_ZONDER_R = re.compile(rb"<(?:[\w.-]+:)?row(?:>|/>|(?=\s)(?![^>]*\sr=))")


def _staart(data: bytes) -> tuple[int, int] | None:
    """Byte range of the rows past :data:`MAX_RIJEN` when they are all at the end of the sheet data (every
    row there has a number, all past the limit, and each cell names its place), else ``None``: then each
    row is judged on its own."""
    for m in _RIJNUMMER.finditer(data):
        if int(m[1]) > MAX_RIJEN:
            begin = m.start()
            break
    else:
        return None
    einde = _EINDE.search(data, begin)
    if einde is None:
        return None
    eind = einde.start()
    staart = data[begin:eind]
    if _RIJ_ANDERS.search(staart) or _RIJ_KORT.search(staart):
        return None
    if any(int(m[1]) <= MAX_RIJEN for m in _RIJ_LANG.finditer(staart)):
        return None
    if any(r.search(staart) for r in _VERDACHT[1:3]):  # a cell without r: its row decides, judged per row
        return None
    return begin, eind


_CIJFERS = len(str(MAX_RIJEN))
_RIJ_ANDERS = re.compile(rb"(?:<|:)row(?:>|/>| (?!r=))")  #: a row whose number is not its first attribute
_RIJ_KORT = re.compile(rb'row r="\d{1,%d}"' % (_CIJFERS - 1))  #: certainly within the limit
_RIJ_LANG = re.compile(rb'row r="(\d{%d})"' % _CIJFERS)  #: as many digits as the limit: compared


def _waarden_in(xml: bytes) -> int:
    """About how many filled cells ``xml`` holds (values and inline-text runs), counted in C."""
    tellen = xml.count
    return (
        tellen(b"<v>") + tellen(b":v>") + tellen(b"<t>") + tellen(b"<t ") + tellen(b":t>") + tellen(b":t ")
    ) - (tellen(b"<v></v>") + tellen(b"<t></t>"))
