"""The 指标完成情况表 as an Excel workbook (openpyxl).

Sheet 1 is the table: title, report line, header, category rows, one row per indicator with
numbers kept as numbers (formatted with the indicator's decimals), status cells filled with the
light's colour and carrying its symbol and word, the 说明 lines; frozen header, A4 landscape,
title rows repeated, one page wide. Then the round's sheets (重点任务推进情况 and 报送与审核情况,
see xlsx_round) and last the trend data behind the PDF's charts.
"""

from __future__ import annotations

import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planmonitor.domain.report import ReportModel, ReportRow, TrendPoint
from planmonitor.domain.report_text import short_units
from planmonitor.domain.text import clean_strings
from planmonitor.exchange.reports.columns import (
    STATUS_FILLS,
    Column,
    columns,
    group_heading,
    notes,
    year_note,
)
from planmonitor.exchange.reports.xlsx_round import round_sheets
from planmonitor.exchange.reports.xlsx_style import (
    BORDER,
    FONT,
    GROUP_FILL,
    HEADER_FILL,
    LINE_HEIGHT,
    display_width,
    print_setup,
)
from planmonitor.exchange.sheets.safe_cells import put

PERCENT = "0.0%"
YOY_PERCENT = "+0.0%;-0.0%;0.0%"
YOY_POINTS = '+0.00"个百分点";-0.00"个百分点";0.00"个百分点"'
TABLE_SHEET = "指标完成情况表"
TREND_SHEET = "趋势数据"


def number_format(decimals: int, prefix: str = "", suffix: str = "") -> str:
    """ "0.00", or with words around the number: '"每年"0' or '0.00"（2023年）"'."""
    fmt = "0" if decimals <= 0 else "0." + "0" * decimals
    return (f'"{prefix}"' if prefix else "") + fmt + (f'"{suffix}"' if suffix else "")


def _lines(text: str, width: float) -> int:
    return max(1, math.ceil(display_width(text) / max(1.0, width - 1.5)))


def write_report_xlsx(model: ReportModel, path: Path) -> None:
    """Write the workbook of ``model`` to ``path``."""
    model = clean_strings(model)  # text stored before control characters were cleaned
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = TABLE_SHEET
    _table_sheet(ws, model)
    round_sheets(wb, model)  # 重点任务推进情况, 报送与审核情况 (the plan's own region)
    _trend_sheet(wb.create_sheet(TREND_SHEET), model)
    wb.properties.title = model.title[:255]
    wb.properties.creator = "PlanMonitor 规划监测"
    wb.save(path)


def _table_sheet(ws: Worksheet, model: ReportModel) -> None:
    cols = columns(model)
    last = get_column_letter(len(cols))
    for i, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.xlsx_width
    ws.merge_cells(f"A1:{last}1")
    put(ws, 1, 1, model.title)
    ws["A1"].font = Font(name=FONT, size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 32
    ws.merge_cells(f"A2:{last}2")
    g = model.generated
    put(
        ws,
        2,
        1,
        f"地区：{model.region}　　报告期：{model.quarter_label}（{model.ytd_label}）"
        f"　　制表日期：{g.year}年{g.month}月{g.day}日",
    )
    ws["A2"].font = Font(name=FONT, size=10)
    ws["A2"].alignment = Alignment(horizontal="right", vertical="center")
    ws.row_dimensions[2].height = 20
    for i, col in enumerate(cols, start=1):
        cell = put(ws, 3, i, col.header)
        cell.font = Font(name=FONT, size=10, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[3].height = 2 * LINE_HEIGHT + 4
    r = 4
    for index, group in enumerate(model.groups, start=1):
        if model.has_categories:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(cols))
            cell = put(ws, r, 1, group_heading(index, group.name))
            cell.font = Font(name=FONT, size=10, bold=True)
            cell.fill = GROUP_FILL
            cell.alignment = Alignment(vertical="center")
            for c in range(1, len(cols) + 1):
                ws.cell(row=r, column=c).border = BORDER
            ws.row_dimensions[r].height = LINE_HEIGHT + 4
            r += 1
        for row in group.rows:
            _data_row(ws, r, row, model, cols)
            r += 1
    r += 1
    for i, line in enumerate(["说明：", *notes(model)]):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(cols))
        cell = put(ws, r, 1, line if i == 0 else f"{i}. {line}")
        cell.font = Font(name=FONT, size=9)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        total = sum(c.xlsx_width for c in cols) * 1.1
        ws.row_dimensions[r].height = _lines(str(cell.value), total) * 13 + 2
        r += 1
    ws.freeze_panes = "C4"
    ws.print_title_rows = "1:3"
    print_setup(ws, landscape=True)


def _values(row: ReportRow, model: ReportModel) -> dict[str, tuple[object, str | None]]:
    """Each column's cell value and number format (``None`` for text)."""
    d = row.decimals
    target: tuple[object, str | None] = (row.target_text, None)
    if row.target is not None:
        target = (row.target, number_format(d, row.target_prefix, row.target_suffix))
    yoy: tuple[object, str | None] = ("—", None)
    if row.yoy is not None:
        yoy = (row.yoy, YOY_POINTS) if row.yoy_points else (row.yoy / 100, YOY_PERCENT)
    return {
        "number": (row.number, "0"),
        "name": (row.name, None),
        "unit": (row.unit or "—", None),
        "baseline": (None, None)
        if row.quota
        else ((row.baseline, number_format(d)) if row.baseline is not None else ("—", None)),
        "target": target,
        "year_target": (row.year_target, number_format(d, suffix=year_note(row, model)))
        if row.year_target is not None
        else ("—", None),
        "period": (row.period_label or "—", None),
        "actual": (row.actual, number_format(d)) if row.actual is not None else ("—", None),
        "completion": (row.completion, PERCENT) if row.completion is not None else ("—", None),
        "expected": (row.expected, number_format(d)) if row.expected is not None else ("—", None),
        "share": (row.share, PERCENT) if row.share is not None else ("—", None),
        "progress": (row.progress, PERCENT) if row.progress is not None else ("—", None),
        "yoy": yoy,
        "status": (row.status_text, None),
        "trend": (row.trend_text or "—", None),
        "responsible": (short_units(row.responsible) or "—", None),
        "remark": (row.remark, None),
    }


def _data_row(
    ws: Worksheet, r: int, row: ReportRow, model: ReportModel, cols: list[Column]
) -> None:
    values = _values(row, model)
    lines = 1
    for i, col in enumerate(cols, start=1):
        value, fmt = values[col.key]
        cell = put(ws, r, i, value)
        cell.font = Font(name=FONT, size=10)
        cell.border = BORDER
        horizontal = col.align if fmt is not None or col.align == "left" else "center"
        cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
        if fmt is not None:
            cell.number_format = fmt
        if fmt is None and isinstance(value, str):
            lines = max(lines, _lines(value, col.xlsx_width))
        elif fmt is not None and '"' in fmt:
            lines = max(lines, _lines(f"{value}{fmt}", col.xlsx_width + 4))
    fill, colour = STATUS_FILLS[row.light]
    status = ws.cell(row=r, column=[c.key for c in cols].index("status") + 1)
    status.fill = PatternFill("solid", fgColor=fill)
    status.font = Font(name=FONT, size=10, bold=True, color=colour)
    ws.row_dimensions[r].height = lines * LINE_HEIGHT + 4


TREND_HEADERS = [
    ("序号", 6),
    ("指标", 34),
    ("单位", 7),
    ("期间", 16),
    ("实际值", 12),
    ("序时目标", 12),
    ("规划目标", 12),
    ("预测值", 12),
]


def _trend_sheet(ws: Worksheet, model: ReportModel) -> None:
    for i, (header, width) in enumerate(TREND_HEADERS, start=1):
        cell = put(ws, 1, i, header)
        cell.font = Font(name=FONT, size=10, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    r = 2
    for row in model.rows:
        for label, values in _trend_table(row):
            put(ws, r, 1, row.number)
            put(ws, r, 2, row.name)
            put(ws, r, 3, row.unit or "—")
            put(ws, r, 4, label)
            for c, v in enumerate(values, start=5):
                if v is not None:
                    cell = put(ws, r, c, v)
                    cell.number_format = number_format(row.decimals)
            r += 1
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(TREND_HEADERS))}{max(1, r - 1)}"
    ws.print_title_rows = "1:1"
    print_setup(ws, landscape=False)


def _trend_table(row: ReportRow) -> list[tuple[str, list[float | None]]]:
    """Rows of (period, [actual, schedule, target, forecast]) in time order."""
    trend = row.trend
    if trend is None:
        return []
    table: dict[tuple[float, int], tuple[str, list[float | None]]] = {}

    def put(p: TrendPoint, slot: int) -> None:
        key = (p.x, p.year)
        _label, values = table.setdefault(key, (p.label, [None, None, None, None]))
        values[slot] = p.value

    for p in trend.schedule:
        if not p.label.endswith("年初"):  # the zero a year-to-date path restarts from
            put(p, 1)
    for p in trend.actual:
        put(p, 0)
    if trend.target is not None:
        year = int(trend.end_x) - 1
        put(TrendPoint(trend.end_x, trend.target, year, f"{year}年（目标年）"), 2)
    if trend.forecast:
        put(trend.forecast[-1], 3)
    return [table[k] for k in sorted(table)]
