"""What the report workbook's sheets share: fonts, borders, fills, row heights of wrapped text
and the A4 page set-up."""

from __future__ import annotations

import math
import unicodedata

from openpyxl.styles import Border, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

FONT = "宋体"
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
LINE_HEIGHT = 14.5  # points per wrapped line at 10 pt
MAX_ROW_HEIGHT = 409.0  # Excel's limit, in points


def row_height(lines: int) -> float:
    """The height of a row of ``lines`` wrapped lines (at most Excel's limit)."""
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4)


def display_width(text: str) -> int:
    """Width in Latin characters: CJK and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide."""
    return sum(
        max(1, math.ceil(display_width(part) / max(1.0, width - 1.5)))
        for part in (text.split("\n") or [""])
    )


def print_setup(ws: Worksheet, landscape: bool) -> None:
    """A4, one page wide, centred, 第N页，共M页 in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.55
    ws.oddFooter.center.text = "第&P页，共&N页"
    ws.oddFooter.center.size = 9
