"""What calamine does not tell about an .ods sheet: hidden rows and columns, merged cells,
percentage cells, and how far the cells reach once repeats are expanded.

content.xml is read with defusedxml's SAX parser (no DTDs, no entities): one pass, a few
counters, memory independent of the sheet's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from typing import Any
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.xmlreader import InputSource

from defusedxml.expatreader import DefusedExpatParser

from planmonitor.exchange.sheets.grid import Merge
from planmonitor.exchange.sheets.limits import SHEET_COLUMNS, SHEET_ROWS, FileRejected

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_HIDDEN = {"collapse", "filter"}


@dataclass
class OdsSheetFacts:
    """What one table of content.xml says beyond its values."""

    name: str
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    merged: list[Merge] = field(default_factory=list)
    percent_cells: set[tuple[int, int]] = field(default_factory=set)
    max_row: int = 0
    max_col: int = 0
    hidden_row_spans: list[tuple[int, int]] = field(default_factory=list)
    hidden_col_spans: list[tuple[int, int]] = field(default_factory=list)


class _Handler(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.sheets: list[OdsSheetFacts] = []
        self.row = 0
        self.col = 0
        self.col_def = 0
        self.row_repeat = 1
        self.cell: tuple[int, int, int, bool] | None = None  # row, col, repeat, has value
        self.cell_text = False

    @staticmethod
    def _attr(attrs: Any, ns: str, name: str, default: str = "") -> str:
        return str(attrs.get((ns, name), default))

    def startElementNS(self, name: tuple[str | None, str], _q: str | None, attrs: Any) -> None:
        ns, local = name
        if ns == TABLE:
            self._start_table(local, attrs)
        elif self.cell is not None and local == "p":
            self.cell_text = True

    def _start_table(self, local: str, attrs: Any) -> None:
        if local == "table":
            self.sheets.append(OdsSheetFacts(self._attr(attrs, TABLE, "name")))
            self.row = self.col_def = 0
        elif not self.sheets:
            return
        elif local == "table-column":
            n = _count(self._attr(attrs, TABLE, "number-columns-repeated", "1"))
            if self._attr(attrs, TABLE, "visibility") in _HIDDEN:
                self.sheets[-1].hidden_col_spans.append((self.col_def, self.col_def + n))
            self.col_def += n
        elif local == "table-row":
            self.row_repeat = _count(self._attr(attrs, TABLE, "number-rows-repeated", "1"))
            self.col = 0
            if self._attr(attrs, TABLE, "visibility") in _HIDDEN:
                self.sheets[-1].hidden_row_spans.append((self.row, self.row + self.row_repeat))
        elif local in ("table-cell", "covered-table-cell"):
            repeat = _count(self._attr(attrs, TABLE, "number-columns-repeated", "1"))
            vtype = self._attr(attrs, OFFICE, "value-type")
            sheet = self.sheets[-1]
            if local == "table-cell":
                rs = _count(self._attr(attrs, TABLE, "number-rows-spanned", "1"))
                cs = _count(self._attr(attrs, TABLE, "number-columns-spanned", "1"))
                if rs > 1 or cs > 1:
                    sheet.merged.append((self.row, self.col, self.row + rs - 1, self.col + cs - 1))
                if vtype == "percentage" and repeat * self.row_repeat <= 10_000:
                    # (larger repeats reach beyond the cell limit and are refused anyway)
                    for i in range(repeat):
                        for r in range(self.row_repeat):
                            sheet.percent_cells.add((self.row + r, self.col + i))
            self.cell = (self.row, self.col, repeat, bool(vtype))
            self.cell_text = False
            self.col += repeat

    def endElementNS(self, name: tuple[str | None, str], _q: str | None) -> None:
        ns, local = name
        if ns != TABLE or not self.sheets:
            return
        if local in ("table-cell", "covered-table-cell") and self.cell is not None:
            row, col, repeat, has_value = self.cell
            if has_value or self.cell_text:
                sheet = self.sheets[-1]
                sheet.max_row = max(sheet.max_row, row + self.row_repeat)
                sheet.max_col = max(sheet.max_col, col + repeat)
            self.cell = None
        elif local == "table-row":
            self.row += self.row_repeat
            self.row_repeat = 1


def _count(text: str) -> int:
    try:
        return max(1, int(text))
    except ValueError:
        return 1


def scan_content(name: str, data: bytes) -> list[OdsSheetFacts]:
    """The facts of every table in an .ods content.xml; :class:`FileRejected` if unreadable."""
    handler = _Handler()
    parser = DefusedExpatParser(forbid_dtd=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    source = InputSource()
    source.setByteStream(BytesIO(data))
    try:
        parser.parse(source)
    except Exception as exc:  # defusedxml and expat raise several types for hostile input
        raise FileRejected(
            f"{name}：content.xml 无法解析（{type(exc).__name__}），文件可能已损坏"
        ) from None
    for sheet in handler.sheets:
        # (a hidden run repeated 10^9 times must not become 10^9 numbers: no sheet reaches
        # beyond SHEET_ROWS × SHEET_COLUMNS, and one that claims to is refused by its area)
        rows, cols = min(sheet.max_row, SHEET_ROWS), min(sheet.max_col, SHEET_COLUMNS)
        for lo, hi in sheet.hidden_row_spans:
            sheet.hidden_rows.update(range(lo, min(hi, rows)))
        for lo, hi in sheet.hidden_col_spans:
            sheet.hidden_cols.update(range(lo, min(hi, cols)))
    return handler.sheets
