"""What calamine does not tell about an .xls (BIFF) sheet, read with xlrd: hidden rows and
columns, percentage cells, and the sheet's real extent (checked before calamine allocates it).

xlrd is used only for these facts; the values themselves come from calamine.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import xlrd

from planmonitor.exchange.sheets.xlsx_extras import is_percent_format


@dataclass(frozen=True, slots=True)
class XlsSheetFacts:
    """What one BIFF sheet says beyond its values."""

    name: str
    hidden_rows: frozenset[int]
    hidden_cols: frozenset[int]
    percent_cells: frozenset[tuple[int, int]]
    nrows: int
    ncols: int


def scan_xls(data: bytes) -> list[XlsSheetFacts] | None:
    """Facts for every worksheet, or ``None`` where xlrd cannot read the file's formatting
    (some generators write records it rejects; calamine may still read the values)."""
    try:
        book = xlrd.open_workbook(
            file_contents=data,
            formatting_info=True,
            on_demand=True,
            ragged_rows=True,
            logfile=io.StringIO(),
            verbosity=0,
        )
    except Exception:  # xlrd raises many types for files it does not understand
        return None
    try:
        percent_xfs = {
            i
            for i, xf in enumerate(book.xf_list)
            if xf.format_key in book.format_map
            and is_percent_format(str(book.format_map[xf.format_key].format_str or ""))
        }
        out = []
        for index in range(book.nsheets):
            out.append(_facts(book.sheet_by_index(index), percent_xfs))
            book.unload_sheet(index)
        return out
    except Exception:  # a broken file xlrd half understands: no facts, calamine decides
        return None
    finally:
        book.release_resources()


def _facts(sheet: xlrd.sheet.Sheet, percent_xfs: set[int]) -> XlsSheetFacts:
    hidden_rows = frozenset(r for r, info in sheet.rowinfo_map.items() if info.hidden)
    hidden_cols = frozenset(c for c, info in sheet.colinfo_map.items() if info.hidden)
    percent: set[tuple[int, int]] = set()
    if percent_xfs:
        for r in range(sheet.nrows):
            for c, ctype in enumerate(sheet.row_types(r)):
                if ctype == xlrd.XL_CELL_NUMBER and sheet.cell_xf_index(r, c) in percent_xfs:
                    percent.add((r, c))
    return XlsSheetFacts(
        sheet.name, hidden_rows, hidden_cols, frozenset(percent), sheet.nrows, sheet.ncols
    )
