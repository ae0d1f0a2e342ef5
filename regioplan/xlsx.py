"""Small helpers for writing .xlsx with openpyxl, shared by the template writer and the exports.

Text that came from a workbook is written as text, always: a location called ``=HYPERLINK(...)`` must
stay a string in what we write, never become a formula. Dates are real Excel dates with the Dutch
format ``dd-mm-jjjj``. :func:`vaste_bytes` makes the file reproducible: openpyxl stamps "now" into
``docProps/core.xml`` (``dcterms:modified``) and into every zip entry when it saves.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping, Sequence, Set

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from . import veilig
from .veilig import FORMULE_TEKENS

DATUMFORMAAT = "DD-MM-YYYY"
KOPSTIJL = Font(bold=True, color="FFFFFF")
KOPVULLING = PatternFill("solid", fgColor="1F4E79")


def zet(cel: Cell, waarde: object) -> None:
    """Write a value; dates get the Dutch date format, text is never interpreted as a formula."""
    if isinstance(waarde, dt.datetime):
        waarde = waarde.date()
    if isinstance(waarde, str):
        waarde = veilig.cel(waarde)
        cel.value = waarde
        if waarde.startswith(FORMULE_TEKENS):
            cel.data_type = "s"
        return
    cel.value = waarde
    if isinstance(waarde, dt.date):
        cel.number_format = DATUMFORMAAT


def kopcel(cel: Cell, tekst: str | dt.date) -> None:
    """A header cell; a date (a peildatum of the timeline) is a real date in the Dutch format."""
    cel.value = tekst
    if isinstance(tekst, dt.date):
        cel.number_format = DATUMFORMAAT
    cel.font = KOPSTIJL
    cel.fill = KOPVULLING
    cel.alignment = Alignment(wrap_text=True, vertical="top")


def tabelblad(
    wb: Workbook,
    naam: str,
    koppen: Sequence[str],
    rijen: Sequence[Sequence[object]],
    *,
    totaalrijen: Set[int] = frozenset(),
    kopwaarden: Mapping[str, str | dt.date] | None = None,
    eerste_breedte: int = 24,
) -> None:
    """Add one table as a sheet: a styled header row (``kopwaarden`` may show a header as a real date),
    the rows through :func:`zet` (text never a formula, dates in the Dutch format), whole numbers with a
    thousands separator, the rows whose 0-based index is in ``totaalrijen`` in bold, the first column and
    the header row frozen. Column widths follow the header length (12 to 60 characters)."""
    ws = wb.create_sheet(naam[:31])
    for c, kop in enumerate(koppen, start=1):
        kopcel(ws.cell(row=1, column=c), (kopwaarden or {}).get(kop, kop))
        ws.column_dimensions[get_column_letter(c)].width = max(12, min(60, len(kop) + 4))
    ws.column_dimensions["A"].width = eerste_breedte
    for r, rij in enumerate(rijen, start=2):
        for c, waarde in enumerate(rij, start=1):
            cel = ws.cell(row=r, column=c)
            zet(cel, waarde)
            if isinstance(waarde, int):
                cel.number_format = "#,##0"
            if r - 2 in totaalrijen:
                cel.font = Font(bold=True)
    ws.freeze_panes = "B2"


#: The moment in the document properties and the zip entries of every xlsx regioplan writes.
VAST_MOMENT = dt.datetime(2024, 1, 1)


def vaste_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes that are the same for the same content.

    ``Workbook.save`` sets ``properties.modified`` to the current time and zip writes the current time
    into every entry; both are replaced by :data:`VAST_MOMENT` (core.xml is serialised again from the
    properties, the way openpyxl itself writes it). Entry order and content are kept.
    """
    from openpyxl.xml.functions import tostring

    wb.properties.creator = "regioplan"
    wb.properties.lastModifiedBy = "regioplan"
    ruw = io.BytesIO()
    wb.save(ruw)
    wb.properties.created = wb.properties.modified = VAST_MOMENT
    kern = tostring(wb.properties.to_tree())
    uit = io.BytesIO()
    with zipfile.ZipFile(ruw) as bron, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            nieuw = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            nieuw.compress_type = zipfile.ZIP_DEFLATED
            nieuw.external_attr = 0o644 << 16
            inhoud = kern if info.filename == "docProps/core.xml" else bron.read(info.filename)
            doel.writestr(nieuw, inhoud)
    return uit.getvalue()
