"""Writing cells that stay what they are: text never becomes a formula, and no character a
spreadsheet cannot hold reaches openpyxl (which would refuse the whole file).

Every xlsx writer (the fill-in workbook, the report table, the export) puts its cells through
here. Text beginning with = + - @ (or a tab or carriage return before them) is stored as text
with Excel's quote prefix, so it shows as typed and stays text even when the cell is edited.
"""

from __future__ import annotations

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet.worksheet import Worksheet

from planmonitor.domain.text import printable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def set_value(cell: Cell, value: object) -> Cell:
    """Give ``cell`` the value; text is stored as text (quote-prefixed where it looks like a
    formula) and cleaned of control characters."""
    if isinstance(value, str):
        text = printable(value)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def put(ws: Worksheet, row: int, column: int, value: object = None) -> Cell:
    """``ws.cell(row, column, value)`` through :func:`set_value`."""
    cell = ws.cell(row, column)
    if value is not None:
        set_value(cell, value)
    return cell


def text_cell(ws: Worksheet, text: str) -> WriteOnlyCell:
    """A cell of a write-only sheet holding ``text`` as text."""
    cell = WriteOnlyCell(ws)
    set_value(cell, text)
    return cell
