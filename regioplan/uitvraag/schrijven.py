"""Writing uitvraag workbooks with openpyxl: the empty template, or one filled from plain data.

The same function writes the template a gemeente receives and the example workbooks built from the
TOML sources, so the example data is always in the format the reader expects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import cast

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..opmaak import datum
from ..uitvoer import schrijf
from ..xlsx import DATUMFORMAAT, kopcel, vaste_bytes, zet
from .schema import FORMAATVERSIE, GEMEENTE, OPGAVEN, TOELICHTING_BLAD, UITVRAAG_BLADEN, Blad, Kolom

RIJEN_MET_OPMAAK = 200  #: rows of a table sheet prepared with dropdowns

#: Cell format per column type. Text columns are Text (``@``) so that Excel keeps what is typed: ``5-11``
#: stays the range 5-11 instead of becoming 5 November, ``0141`` keeps its zero. Whole numbers get ``0`` and a
#: whole-number validation; a capacity may be a range or ``onbekend``, so it is text too.
OPMAAK = {
    "tekst": "@",
    "lijst": "@",
    "cbs": "@",
    "keuze": "@",
    "janee": "@",
    "capaciteit": "@",
    "geheel": "0",
    "geheel_neg": "0",
    "datum": DATUMFORMAAT,
}
MAX_GEHEEL = 1_000_000  #: largest whole number the validation accepts


def platte_tekst(tekst: str) -> str:
    """An explanation from the schema as a cell shows it: the schema's texts are also Markdown for
    docs/uitvraag.md, where `regioplan verdeel` is code; in a cell for a policy officer the marks go."""
    return tekst.replace("`", "")


def _invoerhulp(dv: DataValidation, kolom: Kolom) -> DataValidation:
    """The column's explanation as the message Excel and LibreOffice show when a cell of it is selected
    (title at most 32 characters, text at most 255: Excel's limits)."""
    tekst = platte_tekst(kolom.uitleg)  # the choices are in the drop-down list itself
    if len(tekst) > 255:
        tekst = tekst[:252].rsplit(" ", 1)[0] + " …"
    dv.showInputMessage = True
    dv.promptTitle = kolom.kop[:32]
    dv.prompt = tekst
    return dv


def _geheel(ws: Worksheet, negatief: bool, bereik: str, kolom: Kolom | None = None) -> None:
    dv = DataValidation(
        type="whole",
        operator="between",
        formula1=str(-MAX_GEHEEL if negatief else 0),
        formula2=str(MAX_GEHEEL),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Geen geheel getal",
        error="Vul een geheel getal in" + ("." if negatief else " (0 of meer)."),
    )
    ws.add_data_validation(_invoerhulp(dv, kolom) if kolom is not None else dv)
    dv.add(bereik)


Rij = Mapping[str, object]


def _waarde(waarde: object) -> object:
    if isinstance(waarde, (list, tuple)):
        return "; ".join(str(v) for v in waarde)
    return waarde


def _keuzelijst(ws: Worksheet, keuzes: tuple[str, ...], bereik: str, kolom: Kolom | None = None) -> None:
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(keuzes) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ongeldige waarde",
        error="Kies een waarde uit de lijst: " + ", ".join(keuzes),
    )
    ws.add_data_validation(_invoerhulp(dv, kolom) if kolom is not None else dv)
    dv.add(bereik)


def _tabelblad(ws: Worksheet, blad: Blad, rijen: Iterable[Rij]) -> None:
    for i, kolom in enumerate(blad.kolommen, start=1):
        kopcel(ws.cell(row=1, column=i), kolom.kop)
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(kolom.breedte, len(kolom.kop) + 2)
        bereik = f"{letter}2:{letter}{RIJEN_MET_OPMAAK + 1}"
        # One validation per column (overlapping ones make Excel repair the file), with the column's
        # explanation as input message: what "ontvangt" means is right where it is chosen.
        if kolom.keuzes:
            _keuzelijst(ws, kolom.keuzes, bereik, kolom)
        elif kolom.type in ("geheel", "geheel_neg"):
            _geheel(ws, kolom.type == "geheel_neg", bereik, kolom)
        elif kolom.uitleg:
            dv = DataValidation(allow_blank=True)
            ws.add_data_validation(_invoerhulp(dv, kolom))
            dv.add(bereik)
        # A column format, not 200 formatted empty cells: Excel and LibreOffice give what is typed in the
        # column this format, and the sheet stays small (a third of the XML; every reader, regioplan's own
        # included, parses each styled empty cell).
        ws.column_dimensions[letter].number_format = OPMAAK[kolom.type]
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 30
    for r, rij in enumerate(rijen, start=2):
        for i, kolom in enumerate(blad.kolommen, start=1):
            waarde = rij.get(kolom.sleutel)
            if waarde is not None and waarde != "":
                cel = ws.cell(row=r, column=i)
                cel.number_format = OPMAAK[kolom.type]  # a filled cell has its own style: the column's
                zet(cel, _waarde(waarde))


def _veldenblad(ws: Worksheet, blad: Blad, waarden: Rij) -> None:
    for i, tekst in enumerate(("Veld", "Waarde", "Uitleg"), start=1):
        kopcel(ws.cell(row=1, column=i), tekst)
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = max(k.breedte for k in blad.kolommen)
    ws.column_dimensions["C"].width = 70
    for r, kolom in enumerate(blad.kolommen, start=2):
        ws.cell(row=r, column=1, value=kolom.kop).font = Font(bold=True)
        waarde = waarden.get(kolom.sleutel)
        cel = ws.cell(row=r, column=2)
        cel.number_format = OPMAAK[kolom.type]
        if kolom.type in ("geheel", "geheel_neg"):
            _geheel(ws, kolom.type == "geheel_neg", f"B{r}")
        if waarde is not None and waarde != "":
            zet(cel, _waarde(waarde))
        cel.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=r, column=3, value=platte_tekst(kolom.uitleg)).alignment = Alignment(
            wrap_text=True, vertical="top"
        )
        if kolom.keuzes:
            _keuzelijst(ws, kolom.keuzes, f"B{r}")
    ws.freeze_panes = "A2"


def _toelichting(ws: Worksheet, titel: str, bladen: tuple[Blad, ...]) -> None:
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 100
    ws["A1"] = titel
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = (
        f"Uitvraagformaat versie {FORMAATVERSIE}. Vul elk blad in; laat bladen en kolomkoppen staan. "
        "Datums als dd-mm-jjjj, of 'onbepaald' (loopt langer dan elke termijn) of 'onbekend'. "
        "Capaciteit als getal, als bereik '550-580', of 'onbekend'. De coördinator controleert het werkboek "
        "na het inleveren; wat aangepast moet worden, krijgt u terug met blad en cel."
    )
    ws["A2"].alignment = Alignment(wrap_text=True)
    ws.merge_cells("A2:B2")
    ws.row_dimensions[2].height = 60
    r = 4
    for blad in bladen:
        ws.cell(row=r, column=1, value=f"Blad '{blad.naam}'").font = Font(bold=True)
        ws.cell(row=r, column=2, value=platte_tekst(blad.uitleg)).alignment = Alignment(wrap_text=True)
        r += 1
        for kolom in blad.kolommen:
            ws.cell(row=r, column=1, value=kolom.kop)
            tekst = platte_tekst(kolom.uitleg) + (
                f" Toegestaan: {', '.join(kolom.keuzes)}." if kolom.keuzes else ""
            )
            ws.cell(row=r, column=2, value=tekst).alignment = Alignment(wrap_text=True)
            r += 1
        r += 1


def schrijf_uitvraag(pad: Path, gegevens: Mapping[str, object]) -> Path:
    """Write a gemeente workbook. ``gegevens`` has a ``gemeente`` mapping (at least naam and cbs_code)
    and optionally lists per table sheet (``asiel``, ``voornemen``/``voornemens``, ``oekraine``,
    ``huisvesting``, ``dsl_kso``, ``uitruil``) and an ``aantallen`` mapping, keyed like the schema."""
    wb = Workbook()
    ws = wb.active
    ws.title = TOELICHTING_BLAD
    kop = dict(cast(Mapping[str, object], gegevens.get("gemeente", {})))
    kop.setdefault("formaatversie", FORMAATVERSIE)
    _toelichting(ws, f"Uitvraag {kop.get('naam', '')} ({kop.get('cbs_code', '')})", UITVRAAG_BLADEN)
    if kop.get("provincie"):
        ws["A3"] = _gemaakt_voor(kop)
        ws["A3"].alignment = Alignment(wrap_text=True)
        ws.merge_cells("A3:B3")
        ws.row_dimensions[3].height = 45
    for blad in UITVRAAG_BLADEN:
        ws = wb.create_sheet(blad.naam)
        if blad is GEMEENTE:
            _veldenblad(ws, blad, kop)
        elif blad.soort == "velden":
            _veldenblad(ws, blad, cast(Mapping[str, object], gegevens.get(blad.sleutel, {})))
        else:
            rijen = gegevens.get(blad.sleutel) or gegevens.get(_enkelvoud(blad.sleutel)) or []
            _tabelblad(ws, blad, cast(Iterable[Mapping[str, object]], rijen))
    return _bewaar(wb, pad)


def _datumtekst(waarde: object) -> str:
    return datum(waarde) if isinstance(waarde, dt.date) else "?"


def _gemaakt_voor(kop: Mapping[str, object]) -> str:
    """The Toelichting line naming what the workbook was made for (from the pre-filled metadata)."""
    regio = f", regio {kop['regio']}" if kop.get("regio") else ""
    return (
        f"Gemaakt voor provincie {kop['provincie']}{regio}, {kop.get('cyclus') or 'cyclus'}: een plek telt "
        "mee "
        f"als de locatie uiterlijk {_datumtekst(kop.get('actief_uiterlijk'))} actief is en minstens tot "
        f"{_datumtekst(kop.get('in_gebruik_tot_minstens'))} in gebruik blijft. Peildatum opvang Oekraïne: "
        f"{_datumtekst(kop.get('peildatum_oekraine'))}; peildatum huisvesting statushouders: "
        f"{_datumtekst(kop.get('peildatum_statushouders'))}."
    )


def _enkelvoud(sleutel: str) -> str:
    return {"voornemens": "voornemen"}.get(sleutel, sleutel)


def schrijf_opgaven(pad: Path, rijen: Iterable[Rij]) -> Path:
    """Write the central opgaven workbook (one row per gemeente)."""
    wb = Workbook()
    ws = wb.active
    ws.title = TOELICHTING_BLAD
    _toelichting(ws, "Opgaven per gemeente", (OPGAVEN,))
    ws = wb.create_sheet(OPGAVEN.naam)
    _tabelblad(ws, OPGAVEN, rijen)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(OPGAVEN.kolommen))}1"
    return _bewaar(wb, pad)


def _bewaar(wb: Workbook, pad: Path) -> Path:
    """Write atomically, with fixed document properties and zip times: same input, same bytes."""
    return schrijf(pad, vaste_bytes(wb))
