"""Exports of the computation: JSON, a formatted xlsx (one sheet per table) and csv (one file per table).

Text copied from workbooks never becomes a formula: xlsx cells are written as strings through
:func:`regioplan.xlsx.zet`, csv cells that start with a formula character get a leading apostrophe
(:func:`regioplan.veilig.formule`). Files are written atomically (:func:`regioplan.uitvoer.schrijf`), never
over the workbooks that were read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from .opmaak import datum
from .resultaat import Resultaat
from .tabellen import tabellen
from .uitvoer import schrijf as schrijf_bestand
from .uitvoer import weiger_invoer
from .veilig import formule


def als_json(resultaat: Resultaat) -> str:
    """The JSON document of ``bereken`` (:func:`regioplan.resultaat.naar_json`), UTF-8 text, 2-space
    indent."""
    return json.dumps(resultaat.als_dict(), ensure_ascii=False, indent=2) + "\n"


def schrijf_xlsx(resultaat: Resultaat, pad: Path) -> Path:
    """One sheet per table. Dates are real Excel dates (``dd-mm-jjjj``), also the peildata in the header of
    the timeline; the same result gives the same bytes (:func:`regioplan.xlsx.vaste_bytes`)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from .xlsx import tabelblad, vaste_bytes

    wb = Workbook()
    wb.remove(wb.active)
    for t in tabellen(resultaat):
        koppen, rijen = t.met_regio()
        tabelblad(wb, t.naam, koppen, rijen, totaalrijen=t.totaalrijen, kopwaarden=t.datumkoppen)
        wb[t.naam[:31]].auto_filter.ref = f"A1:{get_column_letter(len(koppen))}{len(rijen) + 1}"
    return schrijf_bestand(pad, vaste_bytes(wb))


def csv_teksten(resultaat: Resultaat) -> dict[str, str]:
    """``{table name: csv text}`` with ``;`` as separator and dates as ``dd-mm-jjjj`` (Dutch Excel opens
    it directly and reads both as meant)."""
    uit = {}
    for t in tabellen(resultaat):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=";", lineterminator="\n")
        koppen, rijen = t.met_regio()
        w.writerow(koppen)
        for rij in rijen:
            w.writerow([datum(v) if isinstance(v, dt.date) else formule(v) for v in rij])
        uit[t.naam] = buf.getvalue()
    return uit


def schrijf(resultaat: Resultaat, pad: Path, *, invoer: Path | None = None) -> list[Path]:
    """Write by extension: .json, .xlsx, or .csv (one file per table: ``resultaten-asiel.csv`` ...).

    ``invoer`` is the folder (or workbook) that was read: nothing is written over it or into it as a
    spreadsheet (:func:`regioplan.uitvoer.weiger_invoer`).
    """
    ext = pad.suffix.lower()
    if ext == ".json":
        weiger_invoer(pad, invoer)
        return [schrijf_bestand(pad, als_json(resultaat))]
    if ext == ".xlsx":
        weiger_invoer(pad, invoer)
        return [schrijf_xlsx(resultaat, pad)]
    if ext == ".csv":
        # tijdlijn.csv -> tijdlijn.csv, not tijdlijn-tijdlijn.csv; resultaten.csv -> resultaten-asiel.csv ...
        teksten = {
            pad.with_name(f"{naam}.csv" if pad.stem == naam else f"{pad.stem}-{naam}.csv"): t
            for naam, t in csv_teksten(resultaat).items()
        }
        for p in teksten:
            weiger_invoer(p, invoer)
        # with a byte order mark: Excel (the tool most people open a csv in) reads UTF-8 only with it, else
        # "vóór" shows as "vÃ³Ã³r"; Python's csv readers, LibreOffice and pandas accept it
        return [schrijf_bestand(p, "\ufeff" + tekst) for p, tekst in teksten.items()]
    from .fouten import RegioplanFout

    raise RegioplanFout(
        "optie-ongeldig", f"--uit '{pad.name}': onbekende extensie '{ext}'.", "Gebruik .json, .xlsx of .csv."
    )
