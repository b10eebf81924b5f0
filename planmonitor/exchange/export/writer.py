"""A plan's current values as a tidy workbook for colleagues: one row per value, plain columns,
numbers as numbers, and no text that Excel or WPS could take for a formula.

Text goes through :mod:`planmonitor.exchange.sheets.safe_cells`: text beginning with = + - @
(or a tab or carriage return) is stored as text with Excel's quote prefix, so it shows as typed
and stays text even when the cell is edited; control characters are cleaned.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from planmonitor.exchange.sheets.safe_cells import text_cell as safe_text

FONT = "宋体"
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")


@dataclass(frozen=True, slots=True)
class ExportValue:
    """One exported value."""

    region: str
    code: str
    name: str
    unit: str
    period_label: str
    period_key: str
    value: float | None
    numerator: float | None
    denominator: float | None
    standing: str
    comment: str
    source: str
    recorded_by: str
    recorded_at: datetime | None
    decimals: int = 2


@dataclass(frozen=True, slots=True)
class ExportIndicator:
    """One line of the indicator sheet."""

    code: str
    name: str
    unit: str
    category: str
    attribute: str
    baseline: float | None
    baseline_year: int
    target_text: str
    target_year: int
    responsible: str
    source: str


VALUE_HEADERS = (
    ("地区", 12),
    ("指标编码", 9),
    ("指标名称", 34),
    ("单位", 8),
    ("期间", 16),
    ("期间代码", 10),
    ("数值", 12),
    ("分子", 12),
    ("分母", 12),
    ("数据状态", 9),
    ("情况说明", 30),
    ("来源", 28),
    ("录入人", 10),
    ("录入时间", 18),
)
INDICATOR_HEADERS = (
    ("指标编码", 9),
    ("指标名称", 34),
    ("单位", 8),
    ("类别", 12),
    ("属性", 8),
    ("基数", 12),
    ("基期年", 8),
    ("目标", 16),
    ("目标年", 8),
    ("责任单位", 30),
    ("数据来源", 20),
)


def _number(ws: Worksheet, value: float | None, decimals: int) -> WriteOnlyCell | None:
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = "0" if decimals == 0 else "0." + "0" * min(decimals, 6)
    return cell


def _header(ws: Worksheet, headers: tuple[tuple[str, int], ...]) -> None:
    from openpyxl.utils import get_column_letter

    cells = []
    for i, (title, width) in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        cell = WriteOnlyCell(ws, value=title)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cells.append(cell)
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.append(cells)


def _value_cells(ws: Worksheet, v: ExportValue) -> list[object]:
    return [
        safe_text(ws, v.region),
        safe_text(ws, v.code),
        safe_text(ws, v.name),
        safe_text(ws, v.unit),
        safe_text(ws, v.period_label),
        safe_text(ws, v.period_key),
        _number(ws, v.value, v.decimals),
        _number(ws, v.numerator, 6),
        _number(ws, v.denominator, 6),
        safe_text(ws, v.standing),
        safe_text(ws, v.comment),
        safe_text(ws, v.source),
        safe_text(ws, v.recorded_by),
        safe_text(ws, v.recorded_at.strftime("%Y-%m-%d %H:%M") if v.recorded_at else ""),
    ]


def write_export(
    out: Path,
    title: str,
    values: Iterable[ExportValue],
    total: int,
    indicators: list[ExportIndicator],
    about: list[tuple[str, str]],
) -> Iterator[int]:
    """Write the workbook; yields the number of values written so far (every 2,000)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("数值")
    _header(ws, VALUE_HEADERS)
    ws.auto_filter.ref = f"A1:N{total + 1}"
    for i, v in enumerate(values, start=1):
        ws.append(_value_cells(ws, v))
        if i % 2000 == 0:
            yield i
    ind_ws = wb.create_sheet("指标")
    _header(ind_ws, INDICATOR_HEADERS)
    for ind in indicators:
        ind_ws.append(
            [
                safe_text(ind_ws, ind.code),
                safe_text(ind_ws, ind.name),
                safe_text(ind_ws, ind.unit),
                safe_text(ind_ws, ind.category),
                safe_text(ind_ws, ind.attribute),
                _number(ind_ws, ind.baseline, 4),
                ind.baseline_year,
                safe_text(ind_ws, ind.target_text),
                ind.target_year,
                safe_text(ind_ws, ind.responsible),
                safe_text(ind_ws, ind.source),
            ]
        )
    about_ws = wb.create_sheet("说明")
    about_ws.column_dimensions["A"].width = 14
    about_ws.column_dimensions["B"].width = 70
    head = safe_text(about_ws, title)
    head.font = Font(name=FONT, bold=True, size=14)
    about_ws.append([head])
    for key, text in about:
        about_ws.append([safe_text(about_ws, key), safe_text(about_ws, text)])
    wb.save(out)
    yield total
