"""A corpus of bad submissions for ``valideer``: a clean base folder and one broken variant per check.

Why a corpus: every finding code in :data:`regioplan.bevindingen.CATALOGUS` must be provoked by a real
file, written the way a gemeente would produce it (openpyxl for workbooks, raw bytes for files that are
not workbooks at all), and reported at the exact file, sheet and cell. Each :class:`Geval` copies the
clean base folder, breaks one thing and names every finding it must produce, nothing more and nothing
less, so a check that fires too often fails as surely as one that never fires.

The base folder has its own small ``regioplan.toml`` (two regio's, three gemeenten) so that folder-level
checks (missing workbook, opgave per gemeente) stay small and readable.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import shutil
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook

from regioplan.uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag

D = dt.date

CONFIG = """\
# Proefconfiguratie voor de validatiecorpus: twee regio's, drie gemeenten.
[provincie]
naam = "Proefland"
sleutel = "proefland"

[[regio]]
naam = "Noord"
sleutel = "noord"
gemeenten = ["GM0141", "GM0147"]

[[regio]]
naam = "Zuid"
sleutel = "zuid"
gemeenten = ["GM0193"]
"""

OPGAVEN = [
    {
        "cbs_code": "GM0141",
        "gemeente": "Almelo",
        "regio": "Noord",
        "asiel_regulier": 296,
        "asiel_amv": 27,
        "asiel_totaal": 323,
        "vaste_voorraad": 0,
        "oekraine": 557,
        "statushouders_taakstelling": 70,
        "statushouders_incl": 153,
    },
    {
        "cbs_code": "GM0147",
        "gemeente": "Borne",
        "regio": "Noord",
        "asiel_regulier": 100,
        "asiel_amv": 9,
        "asiel_totaal": 109,
        "vaste_voorraad": 0,
        "oekraine": 180,
        "statushouders_taakstelling": 23,
        "statushouders_incl": 30,
    },
    {
        "cbs_code": "GM0193",
        "gemeente": "Zwolle",
        "regio": "Zuid",
        "asiel_regulier": 600,
        "asiel_amv": 55,
        "asiel_totaal": 655,
        "vaste_voorraad": 0,
        "oekraine": 1100,
        "statushouders_taakstelling": 140,
        "statushouders_incl": 200,
    },
]


def _asiel(locatie: str, capaciteit: object, **rest: object) -> dict:
    rij = {
        "locatie": locatie,
        "capaciteit": capaciteit,
        "doelgroep": "asiel",
        "soort": "regulier",
        "startdatum": D(2020, 1, 1),
        "einddatum": "onbepaald",
        "beheer": "COA",
        "besluit": "ja",
        "telt_mee": "automatisch",
    }
    rij.update(rest)
    return rij


ALMELO = {
    "gemeente": {
        "naam": "Almelo",
        "cbs_code": "GM0141",
        "ingevuld_door": "Team Opvang",
        "datum": D(2024, 10, 1),
        "duiding": "Almelo bouwt aan structurele opvang.",
    },
    "asiel": [
        _asiel("Azc Almelo", 200),  # row 2: counts
        _asiel(
            "Bellavistastraat",
            70,
            soort="TGO",
            startdatum=D(2023, 1, 1),
            einddatum="onbekend",
            beheer="gemeente",
        ),  # 3
        _asiel(
            "Uitruil Dronten", 50, startdatum=D(2024, 2, 1), einddatum=D(2026, 2, 1), ligt_in="Dronten"
        ),  # 4
        _asiel(
            "Amv-locatie Noord",
            20,
            doelgroep="amv",
            soort="amv-opvang",
            startdatum=D(2024, 6, 1),
            einddatum=D(2027, 1, 1),
            beheer="gemeente",
        ),  # 5
        _asiel(
            "Nieuwbouw Zuid", "100-120", startdatum=D(2026, 1, 1), besluit="nee", vervangt="Bellavistastraat"
        ),  # 6
    ],
    "voornemens": [
        {
            "omschrijving": "Extra plekken",
            "doelgroep": "asiel",
            "capaciteit": 30,
            "startdatum": "onbekend",
            "einddatum": "onbekend",
            "besluit": "nee",
            "toelichting": "Verkenning loopt.",
        },
    ],
    "oekraine": [
        {
            "locatie": "Parallelweg",
            "capaciteit": 185,
            "soort": "regulier",
            "opening": D(2022, 12, 14),
            "sluiting": D(2026, 2, 14),
            "lager_niveau": "nee",
            "bijzondere_doelgroep": "nee",
            "besluit": "ja",
            "telt_mee": "automatisch",
        },
        {
            "locatie": "Hotel Noord",
            "capaciteit": 40,
            "soort": "hotel",
            "opening": D(2023, 3, 1),
            "sluiting": D(2024, 12, 1),
            "lager_niveau": "nee",
            "bijzondere_doelgroep": "nee",
            "besluit": "ja",
            "telt_mee": "automatisch",
        },
    ],
    "aantallen": {
        "poo": 39,
        "statushouders_realisatie": 27,
        "verwachte_achterstand": -30,
        "kso_amv": 8,
        "kwg": 4,
        "kwe": 4,
    },
    "huisvesting": [
        {
            "soort": "uitbreiding flexwoningen",
            "aantal": "12-24",
            "realisatiedatum": D(2025, 4, 1),
            "toelichting": "Flexwoningen",
        },
    ],
    "dsl_kso": [
        {
            "soort": "DSL",
            "locatie": "Broederweg",
            "capaciteit": 18,
            "bestaand_nieuw": "bestaand",
            "realisatiedatum": D(2024, 1, 1),
            "einddatum": D(2028, 7, 1),
        },
    ],
    "uitruil": [
        {
            "partner": "Dronten",
            "opgave": "asiel",
            "plekken": 50,
            "richting": "ontvangt",
            "startdatum": D(2024, 2, 1),
            "einddatum": D(2026, 2, 1),
            "status": "afgesproken",
            "toelichting": "Plekken in Dronten tellen voor Almelo.",
        },
    ],
}

BORNE = {
    "gemeente": {"naam": "Borne", "cbs_code": "GM0147"},
    "asiel": [_asiel("Azc Borne", 80, startdatum=D(2021, 5, 1))],
    "oekraine": [
        {
            "locatie": "Hertme",
            "capaciteit": 60,
            "soort": "regulier",
            "opening": D(2022, 5, 1),
            "sluiting": "onbepaald",
            "besluit": "ja",
        },
    ],
    "aantallen": {"poo": 12, "statushouders_realisatie": 10},
}

ZWOLLE = {
    "gemeente": {
        "naam": "Zwolle",
        "cbs_code": "GM0193",
        "procesfase": "a+b",
        "procesfase_toelichting": "Garandeert plekken en ontwikkelt nieuwe.",
    },
    "asiel": [_asiel("Azc Zwolle", 400, startdatum=D(2019, 1, 1))],
    "aantallen": {"poo": 150, "statushouders_realisatie": 60},
}

WERKBOEKEN = {"almelo.xlsx": ALMELO, "borne.xlsx": BORNE, "zwolle.xlsx": ZWOLLE}


def bouw_basis(map_: Path) -> Path:
    """Write the clean base folder: regioplan.toml, opgaven.xlsx and three gemeente workbooks."""
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "regioplan.toml").write_text(CONFIG, encoding="utf-8")
    schrijf_opgaven(map_ / "opgaven.xlsx", OPGAVEN)
    for naam, gegevens in WERKBOEKEN.items():
        schrijf_uitvraag(map_ / naam, gegevens)
    return map_


# ---------------------------------------------------------------- editing helpers


@contextlib.contextmanager
def werkboek(pad: Path, bewaar_als: Path | None = None) -> Iterator[Workbook]:
    """Open a workbook with openpyxl, let the caller change it, save it (under another name if asked)."""
    wb = load_workbook(pad)
    yield wb
    wb.save(bewaar_als or pad)


def zet_cellen(pad: Path, blad: str, cellen: dict[str, object]) -> None:
    with werkboek(pad) as wb:
        for cel, waarde in cellen.items():
            wb[blad][cel] = waarde


def voeg_rij_toe(pad: Path, blad: str, waarden: list[object], rij: int | None = None) -> None:
    with werkboek(pad) as wb:
        ws = wb[blad]
        doel = rij or _laatste_rij(ws) + 1
        for i, waarde in enumerate(waarden, start=1):
            ws.cell(row=doel, column=i, value=waarde)


def _laatste_rij(ws) -> int:
    laatste = 1
    for rij in ws.iter_rows():
        if any(c.value not in (None, "") for c in rij):
            laatste = rij[0].row
    return laatste


def kopieer_rij(pad: Path, blad: str, bron: int, doel: int | None = None) -> None:
    with werkboek(pad) as wb:
        ws = wb[blad]
        doel = doel or _laatste_rij(ws) + 1
        for cel in ws[bron]:
            ws.cell(row=doel, column=cel.column, value=cel.value)


def herschrijf_zip(
    pad: Path,
    *,
    extra: dict[str, bytes] | None = None,
    vervang: dict[str, bytes] | None = None,
    methode: int = zipfile.ZIP_DEFLATED,
    uit: Path | None = None,
) -> None:
    """Rewrite a zip (an .xlsx) entry by entry, replacing or adding parts."""
    vervang = vervang or {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(buffer, "w", methode) as doel:
        for info in bron.infolist():
            doel.writestr(info.filename, vervang.get(info.filename, bron.read(info.filename)))
        for naam, inhoud in (extra or {}).items():
            doel.writestr(naam, inhoud)
    (uit or pad).write_bytes(buffer.getvalue())


def cfb(stromen: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors) holding ``stromen``.

    This is the container of old .xls files and of password-protected .xlsx files (streams
    ``EncryptionInfo`` + ``EncryptedPackage``). Every stream is padded to the 4096-byte cut-off so it
    lives in regular sectors and no mini stream is needed.
    """
    vrij, eind, fat_sector, geen = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    namen = sorted(stromen, key=lambda n: (len(n), n.upper()))
    inhoud = [stromen[n].ljust(4096, b"\0") for n in namen]
    n_dir = -(-(len(namen) + 1) // 4)
    eerste_dir = 1
    starts, volgende = [], eerste_dir + n_dir
    for data in inhoud:
        starts.append(volgende)
        volgende += -(-len(data) // 512)
    totaal = volgende
    assert totaal <= 128, "one FAT sector is enough for a test file"
    fat = [vrij] * 128
    fat[0] = fat_sector
    for s in range(eerste_dir, eerste_dir + n_dir):
        fat[s] = s + 1 if s + 1 < eerste_dir + n_dir else eind
    for start, data in zip(starts, inhoud, strict=True):
        n = -(-len(data) // 512)
        for s in range(start, start + n):
            fat[s] = s + 1 if s + 1 < start + n else eind

    def entry(naam: str, soort: int, links: int, rechts: int, kind: int, start: int, grootte: int) -> bytes:
        utf16 = (naam + "\0").encode("utf-16-le")
        return (
            utf16.ljust(64, b"\0")
            + struct.pack("<HBB", len(utf16), soort, 1)
            + struct.pack("<III", links, rechts, kind)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IQ", start, grootte)
        )

    entries = [entry("Root Entry", 5, geen, geen, 1 if namen else geen, eind, 0)]
    for i, (naam, start, data) in enumerate(zip(namen, starts, inhoud, strict=True), start=1):
        entries.append(entry(naam, 2, geen, i + 1 if i < len(namen) else geen, geen, start, len(data)))
    while len(entries) % 4:
        entries.append(
            b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", geen, geen, geen) + b"\0" * 48
        )
    kop = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, eerste_dir, 0, 4096, eind, 0, eind, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", vrij) * 108
    )
    assert len(kop) == 512
    delen = [kop, struct.pack("<128I", *fat), b"".join(entries), *inhoud]
    return b"".join(delen)


def ods() -> bytes:
    """A minimal OpenDocument spreadsheet (what LibreOffice writes by default)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
        z.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        )
    return buffer.getvalue()


LACHBOM = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + b'<sheetData><row r="1">'
    + b'<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
)


# ---------------------------------------------------------------- the cases


Verwacht = tuple[str, str, str, str]  #: (code, bestand, blad, cel)


@dataclass
class Geval:
    """One broken variant of the base folder and every finding it must produce."""

    id: str
    maak: Callable[[Path], None]
    verwacht: list[Verwacht]
    enkel: str = ""  #: check this one file on its own instead of the folder
    argumenten: list[str] = field(default_factory=list)


A, B, Z, OG = "almelo.xlsx", "borne.xlsx", "zwolle.xlsx", "opgaven.xlsx"


def _uitruilrij(bestand: str, partner: str, plekken: int, richting: str) -> Callable[[Path], None]:
    """Add an agreed asiel exchange (01-01-2024 – onbepaald) to a workbook's Uitruil sheet."""
    rij = [partner, "asiel", plekken, richting, D(2024, 1, 1), "onbepaald", "afgesproken", "proef"]
    return lambda m: voeg_rij_toe(m / bestand, "Uitruil", rij)


AS, OE, AA, GE, OP, VO, DS, UI, HV = (
    "Asiel",
    "Oekraïne",
    "Aantallen",
    "Gemeente",
    "Opgaven",
    "Voornemens",
    "DSL en KSO",
    "Uitruil",
    "Huisvestingsplannen",
)


def _alles(*stappen: Callable[[Path], None]) -> Callable[[Path], None]:
    def maak(map_: Path) -> None:
        for stap in stappen:
            stap(map_)

    return maak


def _cellen(bestand: str, blad: str, **cellen: object) -> Callable[[Path], None]:
    return lambda m: zet_cellen(m / bestand, blad, cellen)


def _procent(bestand: str, blad: str, cel: str, waarde: float) -> Callable[[Path], None]:
    """A number in a cell formatted as a percentage (40 typed in such a cell is stored as 0.4)."""

    def maak(m: Path) -> None:
        with werkboek(m / bestand) as wb:
            wb[blad][cel] = waarde
            wb[blad][cel].number_format = "0%"

    return maak


def _bytes(naam: str, inhoud: bytes) -> Callable[[Path], None]:
    return lambda m: (m / naam).write_bytes(inhoud)


def _weg(naam: str) -> Callable[[Path], None]:
    return lambda m: (m / naam).unlink()


def _hernoem(oud: str, nieuw: str) -> Callable[[Path], None]:
    return lambda m: (m / oud).rename(m / nieuw)


def _kopie(bron: str, doel: str) -> Callable[[Path], None]:
    return lambda m: shutil.copy(m / bron, m / doel)


def _blad_weg(bestand: str, blad: str) -> Callable[[Path], None]:
    def maak(m: Path) -> None:
        with werkboek(m / bestand) as wb:
            del wb[blad]

    return maak


def _nieuw_blad(bestand: str, blad: str, rijen: list[list[object]]) -> Callable[[Path], None]:
    def maak(m: Path) -> None:
        with werkboek(m / bestand) as wb:
            ws = wb.create_sheet(blad)
            for rij in rijen:
                ws.append(rij)

    return maak


def _rijen_erboven(bestand: str, blad: str, aantal: int, titel: str) -> Callable[[Path], None]:
    def maak(m: Path) -> None:
        with werkboek(m / bestand) as wb:
            ws = wb[blad]
            ws.insert_rows(1, aantal)
            ws["A1"] = titel

    return maak


def _kolom_weg(bestand: str, blad: str, kolom: int) -> Callable[[Path], None]:
    def maak(m: Path) -> None:
        with werkboek(m / bestand) as wb:
            wb[blad].delete_cols(kolom)

    return maak


def _kolom_erbij(bestand: str, blad: str, kolom: int) -> Callable[[Path], None]:
    def maak(m: Path) -> None:
        with werkboek(m / bestand) as wb:
            wb[blad].insert_cols(kolom)

    return maak


def _samenvoegen(bestand: str, blad: str, bereik: str) -> Callable[[Path], None]:
    def maak(m: Path) -> None:
        with werkboek(m / bestand) as wb:
            wb[blad].merge_cells(bereik)

    return maak


def _rij_weg(bestand: str, blad: str, rij: int) -> Callable[[Path], None]:
    def maak(m: Path) -> None:
        with werkboek(m / bestand) as wb:
            wb[blad].delete_rows(rij)

    return maak


def _afgekapt(m: Path) -> None:
    data = (m / A).read_bytes()
    (m / "almelo-afgebroken.xlsx").write_bytes(data[: len(data) // 2])


def _kapotte_xml(m: Path) -> None:
    herschrijf_zip(
        m / A,
        vervang={"xl/worksheets/sheet3.xml": b"<worksheet><sheetData><row"},
        uit=m / "almelo-kapot.xlsx",
    )


def _lachbom(m: Path) -> None:
    herschrijf_zip(m / A, vervang={"xl/worksheets/sheet3.xml": LACHBOM}, uit=m / "almelo-bom.xlsx")


def _zipbom(m: Path) -> None:
    herschrijf_zip(
        m / A, extra={"xl/media/image1.png": b"\0" * (3 * 1024 * 1024)}, uit=m / "almelo-zipbom.xlsx"
    )


def _uitgepakt_te_groot(m: Path) -> None:
    extra = {f"xl/media/image{i}.png": bytes([i]) * (1024 * 1024) for i in range(1, 61)}
    herschrijf_zip(m / A, extra=extra, uit=m / "almelo-groot.xlsx")


def _groot_op_schijf(m: Path) -> None:
    with (m / "almelo-foto.xlsx").open("wb") as f:
        f.write(b"PK\x03\x04")
        f.seek(21 * 1024 * 1024)
        f.write(b"\0")


def _macro_in_xlsx(m: Path) -> None:
    herschrijf_zip(m / A, extra={"xl/vbaProject.bin": cfb({"VBA": b"Attribute VB_Name"})})


def _vreemd_werkboek(m: Path) -> None:
    wb = Workbook()
    wb.active.title = "Begroting"
    wb.active.append(["Post", "Bedrag"])
    wb.active.append(["Huur", 1200])
    wb.save(m / "begroting.xlsx")


def _foutwaarde(m: Path) -> None:
    with werkboek(m / A) as wb:
        cel = wb[AS]["B3"]
        cel.value = "#DIV/0!"
        cel.data_type = "e"


def _datum_als_getal(m: Path) -> None:
    """A date cell whose format was reset to General: Excel then shows (and stores) the day number."""
    with werkboek(m / A) as wb:
        cel = wb[AS]["E2"]
        cel.value = 45292
        cel.number_format = "General"


def _wissel_kolommen(bestand: str, blad: str, a: int, b: int) -> Callable[[Path], None]:
    def maak(m: Path) -> None:
        with werkboek(m / bestand) as wb:
            ws = wb[blad]
            for rij in ws.iter_rows(min_row=1, max_row=ws.max_row):
                rij[a - 1].value, rij[b - 1].value = rij[b - 1].value, rij[a - 1].value

    return maak


def _zonder_kop_gegevens(m: Path) -> None:
    zet_cellen(m / A, AS, {"Q3": "losse notitie"})


GEVALLEN: list[Geval] = [
    # --- bestand ---
    Geval(
        "xls-bestand",
        _bytes("almelo-oud.xls", cfb({"Workbook": b"\x09\x08BIFF8"})),
        [("bestand-geen-xlsx", "almelo-oud.xls", "", "")],
    ),
    Geval(
        "xls-hernoemd",
        _bytes("almelo-oud.xlsx", cfb({"Workbook": b"\x09\x08BIFF8"})),
        [("bestand-geen-xlsx", "almelo-oud.xlsx", "", "")],
    ),
    Geval(
        "csv-hernoemd",
        _bytes("almelo-csv.xlsx", b"Locatie;Capaciteit\nAzc;200\n"),
        [("bestand-geen-xlsx", "almelo-csv.xlsx", "", "")],
    ),
    Geval(
        "csv-bestand",
        _bytes("almelo.csv", b"Locatie;Capaciteit\n"),
        [("bestand-geen-xlsx", "almelo.csv", "", "")],
    ),
    Geval("ods-hernoemd", _bytes("almelo-lo.xlsx", ods()), [("bestand-geen-xlsx", "almelo-lo.xlsx", "", "")]),
    Geval("ods-bestand", _bytes("almelo-lo.ods", ods()), [("bestand-geen-xlsx", "almelo-lo.ods", "", "")]),
    Geval(
        "zip-zonder-werkboek",
        lambda m: _bytes("archief.xlsx", _zip_zonder())(m),
        [("bestand-geen-xlsx", "archief.xlsx", "", "")],
    ),
    Geval("afgekapt", _afgekapt, [("bestand-corrupt", "almelo-afgebroken.xlsx", "", "")]),
    Geval("kapotte-xml", _kapotte_xml, [("bestand-corrupt", "almelo-kapot.xlsx", "", "")]),
    Geval("entiteitenbom", _lachbom, [("bestand-corrupt", "almelo-bom.xlsx", "", "")]),
    Geval(
        "beveiligd",
        _bytes(
            "almelo-wachtwoord.xlsx",
            cfb({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x01" * 64}),
        ),
        [("bestand-beveiligd", "almelo-wachtwoord.xlsx", "", "")],
    ),
    Geval("leeg", _bytes("almelo-leeg.xlsx", b""), [("bestand-leeg", "almelo-leeg.xlsx", "", "")]),
    Geval("groot-op-schijf", _groot_op_schijf, [("bestand-te-groot", "almelo-foto.xlsx", "", "")]),
    Geval("zipbom", _zipbom, [("bestand-te-groot", "almelo-zipbom.xlsx", "", "")]),
    Geval("uitgepakt-te-groot", _uitgepakt_te_groot, [("bestand-te-groot", "almelo-groot.xlsx", "", "")]),
    Geval("xlsm", _hernoem(A, "almelo.xlsm"), [("bestand-macro", "almelo.xlsm", "", "")]),
    Geval("vba-in-xlsx", _macro_in_xlsx, [("bestand-macro", A, "", "")]),
    Geval(
        "link-buiten-map",
        lambda m: (m / "extra.xlsx").symlink_to(Path("..") / "_basis" / A),
        [("bestand-link-buiten-map", "extra.xlsx", "", "")],
    ),
    Geval(
        "link-binnen-map",  # a link that stays in the folder is read: a second workbook of Almelo
        lambda m: (m / "almelo-kopie.xlsx").symlink_to(A),
        [("gemeente-dubbel", "almelo-kopie.xlsx", "", "")],
    ),
    Geval(
        "link-kapot",
        lambda m: (m / "weg.xlsx").symlink_to("bestaat-niet.xlsx"),
        [("bestand-onleesbaar", "weg.xlsx", "", "")],
    ),
    Geval(
        "link-kring",
        lambda m: (m / "kring.xlsx").symlink_to("kring.xlsx"),
        [("bestand-onleesbaar", "kring.xlsx", "", "")],
    ),
    Geval(
        "map-als-werkboek", lambda m: (m / "oud.xlsx").mkdir(), [("bestand-onleesbaar", "oud.xlsx", "", "")]
    ),
    Geval("fifo", lambda m: os.mkfifo(m / "pijp.xlsx"), [("bestand-onleesbaar", "pijp.xlsx", "", "")]),
    Geval(
        "excel-slot",
        _bytes("~$almelo.xlsx", b"\x0bTeam Opvang" + b" " * 43),
        [("bestand-vergrendeld", "~$almelo.xlsx", "", "")],
    ),
    Geval(
        "libreoffice-slot",
        _bytes(".~lock.almelo.xlsx#", b"Team Opvang,pc,22.10.2024 10:00,"),
        [("bestand-vergrendeld", ".~lock.almelo.xlsx#", "", "")],
    ),
    Geval("formaatversie-oud", _cellen(A, GE, B9="0.9"), [("bestand-formaatversie", A, GE, "B9")]),
    Geval("formaatversie-leeg", _cellen(A, GE, B9=None), [("bestand-formaatversie", A, GE, "B9")]),
    Geval("vreemd-sjabloon", _vreemd_werkboek, [("bestand-sjabloon-onbekend", "begroting.xlsx", "", "")]),
    # --- structuur ---
    Geval("blad-ontbreekt", _blad_weg(A, DS), [("blad-ontbreekt", A, DS, "")]),
    Geval(
        "blad-hernoemd", lambda m: _hernoem_blad(m / A, UI, "Uitruil 2024"), [("blad-ontbreekt", A, UI, "")]
    ),
    Geval(
        "blad-weg-met-gevolg",
        _blad_weg(A, UI),
        [("blad-ontbreekt", A, UI, ""), ("uitruil-ontbreekt", A, AS, "L4")],
    ),
    Geval("blad-onbekend", _nieuw_blad(A, "Blad1", [["kladje", 3]]), [("blad-onbekend", A, "Blad1", "")]),
    Geval("kolom-hernoemd", _cellen(A, AS, B1="Capacitiet"), [("kolom-ontbreekt", A, AS, "B1")]),
    Geval("kolom-weg", _kolom_weg(A, AS, 3), [("kolom-ontbreekt", A, AS, "O1")]),
    # the row after the last field of the Gemeente sheet (formaatversie + 7 metadata fields, one row gone)
    Geval("veld-weg", _rij_weg(A, GE, 3), [("kolom-ontbreekt", A, GE, "A16")]),
    Geval(
        "kolom-onbekend",
        _cellen(A, AS, N1="Notities", N2="bellen met COA"),
        [("kolom-onbekend", A, AS, "N1")],
    ),
    Geval("kolom-dubbel", _cellen(A, AS, N1="Capaciteit", N2=999), [("kolom-dubbel", A, AS, "N1")]),
    Geval(
        "veld-dubbel",
        _cellen(A, AA, A8="Oekraïners in particuliere opvang (POO)", B8=5),
        [("kolom-dubbel", A, AA, "A8")],
    ),
    Geval("kolom-zonder-kop", _zonder_kop_gegevens, [("kolom-zonder-kop", A, AS, "Q1")]),
    Geval(
        "veld-onbekend", _cellen(A, AA, A8="Aantal vrijwilligers", B8=12), [("kolom-onbekend", A, AA, "A8")]
    ),
    Geval(
        "kop-verschoven", _rijen_erboven(A, AS, 2, "Asiellocaties Almelo"), [("kop-verschoven", A, AS, "A3")]
    ),
    Geval("kop-niet-gevonden", _rijen_erboven(A, OE, 12, "Oekraïne"), [("kop-niet-gevonden", A, OE, "")]),
    Geval("kop-samengevoegd", _samenvoegen(A, AS, "M1:N1"), [("kop-samengevoegd", A, AS, "M1")]),
    Geval(
        "gegevens-na-lege-rijen",
        lambda m: kopieer_rij(m / A, DS, 2, 6) or _cellen(A, DS, B6="Nieuwstraat")(m),
        [("gegevens-na-lege-rijen", A, DS, "A6")],
    ),
    # --- waarden ---
    Geval(
        "veld-verplicht",
        _cellen(A, AS, A3=None),
        [("veld-verplicht", A, AS, "A3"), ("vervangt-onbekend", A, AS, "K6")],
    ),
    Geval("veld-verplicht-doelgroep", _cellen(A, AS, C2=" "), [("veld-verplicht", A, AS, "C2")]),
    Geval("getal-tekst", _cellen(A, AS, B2="ca. 50"), [("getal-tekst", A, AS, "B2")]),
    Geval("getal-decimaal", _cellen(A, AS, B2=12.5), [("getal-decimaal", A, AS, "B2")]),
    Geval("getal-decimaal-tekst", _cellen(A, OE, B2="12,5"), [("getal-decimaal", A, OE, "B2")]),
    Geval("getal-negatief", _cellen(A, AS, B2=-5), [("getal-negatief", A, AS, "B2")]),
    Geval("getal-negatief-aantal", _cellen(A, AA, B3=-2), [("getal-negatief", A, AA, "B3")]),
    Geval("getal-als-tekst", _cellen(OG, OP, H2="1.250"), [("getal-als-tekst", OG, OP, "H2")]),
    Geval("getal-als-tekst-plus", _cellen(A, AA, B2="+12"), [("getal-als-tekst", A, AA, "B2")]),
    Geval("getal-procent", _procent(A, OE, "B2", 0.4), [("getal-procent", A, OE, "B2")]),
    Geval("getal-dubbelzinnig", _cellen(A, AS, B2="1,250"), [("getal-dubbelzinnig", A, AS, "B2")]),
    Geval("getal-te-groot", _cellen(A, OE, B2=10**9), [("getal-te-groot", A, OE, "B2")]),
    Geval("datum-periode", _cellen(A, AS, E3="Q3 2025"), [("datum-periode", A, AS, "E3")]),
    Geval(
        "kop-toevoeging", _cellen(A, AS, B1="Capaciteit (aantal plekken)"), [("kop-toevoeging", A, AS, "B1")]
    ),
    Geval(
        "kop-toevoeging-veld",
        _cellen(A, AA, A3="Statushouders gehuisvest op peildatum (15-09-2024)"),
        [("kop-toevoeging", A, AA, "A3")],
    ),
    Geval("rij-totaal", _cellen(A, AS, A20="Totaal", B20="=SUM(B2:B19)"), [("rij-totaal", A, AS, "A20")]),
    Geval(
        "rij-notitie",
        _cellen(A, OE, A40="NB: onder voorbehoud van het raadsbesluit"),
        [("rij-notitie", A, OE, "A40")],
    ),
    Geval("bereik-ongeldig", _cellen(A, AS, B2="550-"), [("capaciteit-bereik-ongeldig", A, AS, "B2")]),
    Geval("bereik-omgekeerd", _cellen(A, AS, B6="580-550"), [("capaciteit-bereik-omgekeerd", A, AS, "B6")]),
    Geval("capaciteit-nntb", _cellen(A, VO, C2="n.n.t.b."), [("capaciteit-verouderd", A, VO, "C2")]),
    Geval("keuze-onbekend", _cellen(A, AS, D2="Regulir"), [("keuze-onbekend", A, AS, "D2")]),
    Geval("keuze-janee", _cellen(A, OE, H2="jawel"), [("keuze-onbekend", A, OE, "H2")]),
    Geval("datum-ongeldig", _cellen(A, AS, E3="31-02-2023"), [("datum-ongeldig", A, AS, "E3")]),
    Geval("datum-tekst", _cellen(A, OE, D2="binnenkort"), [("datum-ongeldig", A, OE, "D2")]),
    Geval("jaar-2202", _cellen(A, AS, F4="05-04-2202"), [("datum-onwaarschijnlijk", A, AS, "F4")]),
    Geval("jaar-2202-als-datum", _cellen(A, DS, F2=D(2202, 4, 5)), [("datum-onwaarschijnlijk", A, DS, "F2")]),
    Geval("datum-verouderd", _cellen(A, OE, D2="dec-22"), [("datum-verouderd", A, OE, "D2")]),
    Geval("datum-nntb", _cellen(A, AS, F2="n.n.t.b."), [("datum-nntb", A, AS, "F2")]),
    Geval("datum-volgorde", _cellen(A, AS, F5=D(2024, 1, 1)), [("datum-volgorde", A, AS, "F5")]),
    Geval("datum-volgorde-goo", _cellen(A, OE, E3=D(2022, 1, 1)), [("datum-volgorde", A, OE, "E3")]),
    Geval("formule-zonder-waarde", _cellen(A, AA, B2="=30+9"), [("formule-zonder-waarde", A, AA, "B2")]),
    Geval("cel-foutwaarde", _foutwaarde, [("cel-foutwaarde", A, AS, "B3")]),
    Geval("datum-als-getal", _datum_als_getal, [("datum-verouderd", A, AS, "E2")]),
    Geval("formule-in-tabel", _cellen(A, AS, B2="=SUM(100,100)"), [("formule-zonder-waarde", A, AS, "B2")]),
    Geval(
        "telt-mee-zonder-toelichting",
        _cellen(A, AS, I3="nee"),
        [("telt-mee-zonder-toelichting", A, AS, "J3")],
    ),
    Geval(
        "telt-mee-zonder-toelichting-goo",
        _cellen(A, OE, I3="nee"),
        [("telt-mee-zonder-toelichting", A, OE, "J3")],
    ),
    Geval("kansrijk-telt-al", _cellen(A, AS, N2="besluit"), [("kansrijk-telt-al", A, AS, "N2")]),
    Geval(
        "uitsluiting-zonder-toelichting",
        _cellen(OG, OP, K2="ja"),
        [("uitsluiting-zonder-toelichting", OG, OP, "M2")],
    ),
    Geval(
        "telt-mee-tegen-regel",
        _cellen(A, AS, I3="ja", J3="Bewoners stromen door naar Nieuwbouw Zuid."),
        [("telt-mee-tegen-regel", A, AS, "I3")],
    ),
    Geval(
        "telt-mee-tegen-regel-goo",
        _cellen(A, OE, I2="nee", J2="Sluit eerder dan gepland."),
        [("telt-mee-tegen-regel", A, OE, "I2")],
    ),
    # --- identiteit ---
    Geval("gemeente-onbekend", _cellen(A, GE, B2="Almeloo"), [("gemeente-onbekend", A, GE, "B2")]),
    Geval(
        "cbs-onbekend",
        _cellen(A, GE, B3="GM9999", B2=None),
        [
            ("gemeente-onbekend", A, GE, "B3"),
            ("veld-verplicht", A, GE, "B2"),
            ("gemeente-zonder-uitvraag", OG, OP, "A2"),
        ],
    ),
    Geval(
        "opgave-gemeente-onbekend",
        _cellen(OG, OP, A4="GM9999", B4="Zwollle"),
        [("gemeente-onbekend", OG, OP, "A4"), ("opgave-ontbreekt", OG, OP, "")],
    ),
    Geval(
        "cbs-code-naam",
        _cellen(A, GE, B3="GM0147"),
        [("cbs-code-naam", A, GE, "B3"), ("gemeente-zonder-uitvraag", OG, OP, "A2")],
    ),
    Geval("cbs-nullen", _cellen(A, GE, B3=141), [("cbs-code-nullen", A, GE, "B3")]),
    # what the workbook says it was made for (finding 4 of nieuwkomer 5): the 1st cycle is the configuration's
    Geval(
        "werkboek-andere-cyclus",
        _cellen(A, GE, B12="2e cyclus Spreidingswet", B13=dt.datetime(2027, 7, 1)),
        [("werkboek-andere-cyclus", A, GE, "B12")],
    ),
    Geval(
        "werkboek-andere-peildatum",
        _cellen(A, GE, B16=dt.datetime(2026, 3, 15)),
        [("werkboek-andere-peildatum", A, GE, "B16")],
    ),
    Geval(
        "werkboek-andere-indeling",
        _cellen(A, GE, B10="Proefland", B11="Zuid"),  # Almelo is in Noord
        [("werkboek-andere-indeling", A, GE, "B11")],
    ),
    Geval("cbs-nullen-opgaven", _cellen(OG, OP, A3=147), [("cbs-code-nullen", OG, OP, "A3")]),
    Geval(
        "buiten-indeling",
        lambda m: schrijf_uitvraag(
            m / "dronten.xlsx", {"gemeente": {"naam": "Dronten", "cbs_code": "GM0303"}}
        ),
        [
            ("gemeente-buiten-indeling", "dronten.xlsx", GE, "B3"),
            ("werkboek-leeg-sjabloon", "dronten.xlsx", GE, "B4"),
        ],
    ),
    Geval(
        "leeg-sjabloon",
        lambda m: schrijf_uitvraag(m / B, {"gemeente": {"naam": "Borne", "cbs_code": "GM0147"}}),
        [("werkboek-leeg-sjabloon", B, GE, "B4")],
    ),
    Geval(
        "bestandsnaam-andere-gemeente",
        lambda m: (m / "zwolle.xlsx").rename(m / "kampen.xlsx"),
        [("bestandsnaam-andere-gemeente", "kampen.xlsx", GE, "B2")],
    ),
    Geval(
        "opgave-buiten-indeling",
        lambda m: voeg_rij_toe(m / OG, OP, ["GM0303", "Dronten", "Noord", 1, 1, 2, 0, 1, 1, 1]),
        [("gemeente-buiten-indeling", OG, OP, "A5")],
    ),
    Geval("gemeente-dubbel", _kopie(A, "almelo-v2.xlsx"), [("gemeente-dubbel", "almelo-v2.xlsx", "", "")]),
    Geval(
        "opgaven-dubbel", _kopie(OG, "opgaven-oud.xlsx"), [("gemeente-dubbel", "opgaven-oud.xlsx", "", "")]
    ),
    Geval("opgave-rij-dubbel", lambda m: kopieer_rij(m / OG, OP, 3), [("opgave-dubbel", OG, OP, "A5")]),
    Geval("zonder-uitvraag", _weg(B), [("gemeente-zonder-uitvraag", OG, OP, "A3")]),
    Geval("opgaven-ontbreekt", _weg(OG), [("opgaven-ontbreekt", "", "", "")]),
    Geval("opgave-ontbreekt", _rij_weg(OG, OP, 4), [("opgave-ontbreekt", OG, OP, "")]),
    Geval("opgave-regio", _cellen(OG, OP, C2="Zuid"), [("opgave-regio", OG, OP, "C2")]),
    # --- samenhang ---
    Geval("opgave-totaal", _cellen(OG, OP, F2=325), [("opgave-totaal", OG, OP, "F2")]),
    Geval("vervangt-onbekend", _cellen(A, AS, K6="Bellavistastr."), [("vervangt-onbekend", A, AS, "K6")]),
    Geval("ligt-in-onbekend", _cellen(A, AS, L4="Drontten"), [("ligt-in-onbekend", A, AS, "L4")]),
    Geval("uitruil-ontbreekt", _cellen(A, AS, L4="Lelystad"), [("uitruil-ontbreekt", A, AS, "L4")]),
    Geval("locatie-dubbel", lambda m: kopieer_rij(m / A, AS, 2), [("locatie-dubbel", A, AS, "A7")]),
    Geval("locatie-dubbel-goo", lambda m: kopieer_rij(m / A, OE, 3), [("locatie-dubbel", A, OE, "A4")]),
    Geval(
        "locatie-dubbel-gemeenten",
        lambda m: voeg_rij_toe(
            m / B,
            AS,
            ["Azc Almelo", 200, "asiel", "regulier", D(2020, 1, 1), "onbepaald", "COA", "ja", "automatisch"],
        ),
        [("locatie-dubbel-gemeenten", A, AS, "A2"), ("locatie-dubbel-gemeenten", B, AS, "A3")],
    ),
    Geval(
        "uitruil-eenzijdig",
        _uitruilrij(B, "Almelo", 20, "ontvangt"),
        [("uitruil-eenzijdig", B, UI, "A2"), ("uitruil-ontbreekt-bij-partner", A, UI, "")],
    ),
    Geval(
        "uitruil-partner-onbekend",
        _uitruilrij(B, "Almeloo", 20, "ontvangt"),
        [("uitruil-partner-onbekend", B, UI, "A2")],
    ),
    Geval(
        "uitruil-partner-zelf",
        _uitruilrij(B, "Borne", 20, "ontvangt"),
        [("uitruil-partner-zelf", B, UI, "A2")],
    ),
    Geval(
        "uitruil-tegenstrijdig",
        _alles(_uitruilrij(B, "Zwolle", 20, "ontvangt"), _uitruilrij(Z, "Borne", 25, "levert")),
        [("uitruil-tegenstrijdig", B, UI, "C2"), ("uitruil-tegenstrijdig", Z, UI, "C2")],
    ),
    Geval(
        "uitruil-groter-dan-locatie",
        _alles(_uitruilrij(B, "Zwolle", 500, "ontvangt"), _uitruilrij(Z, "Borne", 500, "levert")),
        [("uitruil-groter-dan-locatie", B, UI, "C2"), ("uitruil-groter-dan-locatie", Z, UI, "C2")],
    ),
    Geval(
        "uitruil-klopt",
        _alles(_uitruilrij(B, "Zwolle", 50, "ontvangt"), _uitruilrij(Z, "Borne", 50, "levert")),
        [],
    ),
    Geval("kso-som", _cellen(A, AA, B5=12), [("kso-som", A, AA, "B5")]),
    Geval("poo-onwaarschijnlijk", _cellen(A, AA, B2=5570), [("aantal-onwaarschijnlijk", A, AA, "B2")]),
    Geval("realisatie-onwaarschijnlijk", _cellen(A, AA, B3=1530), [("aantal-onwaarschijnlijk", A, AA, "B3")]),
    # --- variations that are fine: nothing to report ---
    Geval("kolommen-andere-volgorde", _wissel_kolommen(A, AS, 2, 4), []),
    Geval(
        "andere-volgorde-fout-op-echte-plek",
        _alles(_wissel_kolommen(A, AS, 2, 4), _cellen(A, AS, D2="ca. 50")),
        [("getal-tekst", A, AS, "D2")],
    ),
    Geval(
        "kop-en-blad-in-kleine-letters",
        _alles(_cellen(A, AS, A1="locatie", B1="CAPACITEIT"), lambda m: _hernoem_blad(m / A, OE, "oekraine")),
        [],
    ),
    Geval(
        "lege-kolom-ervoor",
        _alles(_kolom_erbij(A, AS, 1), _cellen(A, AS, C2="ca. 50")),
        [("getal-tekst", A, AS, "C2")],
    ),
    Geval("janee-als-vinkje", _cellen(A, AS, H2=True), []),
    Geval("leeg-extra-blad", _nieuw_blad(A, "Blad2", []), []),
    Geval(
        "formule-met-waarde-blijft-stil",
        lambda m: herschrijf_zip(m / A, vervang={"xl/worksheets/sheet3.xml": _met_formule(m / A)}),
        [],
    ),
    # --- one file on its own: the gemeente's pre-check ---
    Geval("enkel-bestand", _cellen(A, AS, B2="ca. 50"), [("getal-tekst", A, AS, "B2")], enkel=A),
    Geval(
        "enkel-geen-xlsx",
        _bytes("notitie.txt", b"Almelo levert later aan.\n"),
        [("bestand-geen-xlsx", "notitie.txt", "", "")],
        enkel="notitie.txt",
    ),
    Geval(
        "ctrl-end-uitschieter",
        lambda m: _cel_erbij(m / A, "xl/worksheets/sheet3.xml", "XFD1048576", "x"),
        [("blad-buiten-grenzen", A, AS, "XFD1048576")],
    ),
    Geval(
        "macos-en-windows-hulpbestanden",
        _alles(
            _bytes("._almelo.xlsx", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        "),
            _bytes("Thumbs.db", b"\xd0\xcf\x11\xe0"),
            _bytes("desktop.ini", b"[.ShellClassInfo]\r\n"),
            _bytes(".DS_Store", b"\x00\x00\x00\x01Bud1"),
        ),
        [
            ("bestand-hulpbestand", "._almelo.xlsx", "", ""),
            ("bestand-hulpbestand", "Thumbs.db", "", ""),
            ("bestand-hulpbestand", "desktop.ini", "", ""),
            ("bestand-hulpbestand", ".DS_Store", "", ""),
        ],
    ),
    Geval(
        "bereik-werd-datum", _cellen(A, AS, B2=dt.datetime(2024, 11, 5)), [("getal-als-datum", A, AS, "B2")]
    ),
    Geval(
        "spatie-zonder-breedte", _cellen(A, AS, B2="200\u200b"), [("waarde-onzichtbaar-teken", A, AS, "B2")]
    ),
    Geval("tekst-te-lang", _cellen(A, AS, M2="x" * 40_000), [("tekst-te-lang", A, AS, "M2")]),
    Geval(
        "verborgen-blad-met-punt",
        lambda m: verborgen_kopie(m / A, AS, "Asiel.", rijen=1),
        [("blad-verborgen", A, "Asiel.", "")],
    ),
    Geval(
        "blad-zonder-trema-ernaast",
        lambda m: verborgen_kopie(m / A, OE, "Oekraine", rijen=1, verborgen=False),
        [("blad-dubbel", A, "Oekraine", "")],
    ),
    Geval(
        "samengevoegd-in-de-gegevens",
        _alles(_cellen(A, AS, M2="Twee gebouwen"), _samenvoegen(A, AS, "M2:M3")),
        [("cel-samengevoegd", A, AS, "M2")],
    ),
    Geval(
        "pijp",
        lambda m: os.mkfifo(m / "almelo-pijp.xlsx"),
        [("bestand-onleesbaar", "almelo-pijp.xlsx", "", "")],
    ),
]


def verborgen_kopie(pad: Path, blad: str, naam: str, *, rijen: int, verborgen: bool = True) -> None:
    """A copy of ``blad`` named ``naam`` with only its first ``rijen`` data rows, hidden unless told
    otherwise: last round's sheet that someone hid instead of deleting."""
    with werkboek(pad) as wb:
        kopie = wb.copy_worksheet(wb[blad])
        kopie.title = naam
        if kopie.max_row > rijen + 1:
            kopie.delete_rows(rijen + 2, kopie.max_row)
        if verborgen:
            kopie.sheet_state = "hidden"


def _cel_erbij(pad: Path, deel: str, cel: str, tekst: str | None, rij_attr: bool = True) -> None:
    """Add one cell (``tekst`` as inline string, or ``None`` for a styled empty cell) in a row of its own at
    the end of a sheet's data, by editing the XML: what Excel saves after a stray keystroke far away."""
    rij = "".join(ch for ch in cel if ch.isdigit())
    waarde = (
        f'<c r="{cel}" s="0"/>'
        if tekst is None
        else f'<c r="{cel}" t="inlineStr"><is><t>{tekst}</t></is></c>'
    )
    nieuw = (f'<row r="{rij}">' if rij_attr else "<row>") + waarde + "</row>"
    with zipfile.ZipFile(pad) as z:
        xml = z.read(deel).decode()
    herschrijf_zip(pad, vervang={deel: xml.replace("</sheetData>", nieuw + "</sheetData>").encode()})


def _met_formule(pad: Path) -> bytes:
    """Asiel!B2 as a formule with its cached value (what Excel saves): must read as the value, silently."""
    with zipfile.ZipFile(pad) as z:
        xml = z.read("xl/worksheets/sheet3.xml").decode()
    oud = re.search(r'<c r="B2"( s="\d+")? t="n"><v>200</v></c>', xml)
    assert oud, "the base workbook stores Asiel!B2 as a plain number"
    return xml.replace(oud[0], f'<c r="B2"{oud[1] or ""}><f>100+100</f><v>200</v></c>').encode()


def _zip_zonder() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("leesmij.txt", "geen werkboek")
    return buffer.getvalue()


def _hernoem_blad(pad: Path, oud: str, nieuw: str) -> None:
    with werkboek(pad) as wb:
        wb[oud].title = nieuw


def maak_geval(basis: Path, geval: Geval, doel: Path) -> Path:
    """Copy the base folder to ``doel``, break it as ``geval`` says, return the path to check."""
    shutil.copytree(basis, doel)
    geval.maak(doel)
    return doel / geval.enkel if geval.enkel else doel


def bouw_corpus(doel: Path) -> dict[str, Path]:
    """The whole corpus on disk, one folder per case (for the CLI run and for people)."""
    basis = bouw_basis(doel / "_basis")
    return {g.id: maak_geval(basis, g, doel / g.id) for g in GEVALLEN}


if __name__ == "__main__":  # pragma: no cover - `python tests/corpus.py DIR` writes the corpus for inspection
    import sys

    for naam, pad in bouw_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus")).items():
        print(naam, os.fspath(pad))
