"""Small helpers for writing .xlsx with openpyxl, shared by the template writer and the exports.

Text that came from a workbook is written as text, always: a location called ``=HYPERLINK(...)`` must
stay a string in what we write, never become a formula.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill

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


def kopcel(cel: Cell, tekst: str) -> None:
    cel.value = tekst
    cel.font = KOPSTIJL
    cel.fill = KOPVULLING
    cel.alignment = Alignment(wrap_text=True, vertical="top")
