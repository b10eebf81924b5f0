"""The round's sheets of the report workbook, with the Word report's sentences (round_report):

重点任务推进情况 — the counts per state, one row per task (编号, 任务, 责任单位, 推进状态, 进展情况,
滞后原因, 下一步), then 存在问题 with the lagging tasks and their reasons;
报送与审核情况 — the 报送 and 审核 sentence, the units that have not sent everything, every data
check with its 情况说明 (尚无情况说明, in red, for the unexplained ones: the Word report's
appendix).
Text is wrapped and rows are as high as their longest cell; no cell becomes a formula.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planmonitor.domain.report import ReportModel
from planmonitor.domain.round_report import RoundSection
from planmonitor.domain.tasks import TaskState
from planmonitor.exchange.reports.xlsx_style import (
    BORDER,
    FONT,
    GROUP_FILL,
    HEADER_FILL,
    LINE_HEIGHT,
    print_setup,
    row_height,
    text_lines,
)
from planmonitor.exchange.sheets.safe_cells import put

TASK_SHEET = "重点任务推进情况"
ROUND_SHEET = "报送与审核情况"
NO_COMMENT = "尚无情况说明"
TASK_COLUMNS = (
    ("序号", 5),
    ("编号", 7),
    ("重点任务", 26),
    ("责任单位", 24),
    ("推进状态", 10),
    ("进展情况", 38),
    ("滞后原因", 24),
    ("下一步", 30),
)
CHECK_COLUMNS = (
    ("序号", 5),
    ("审核规则", 16),
    ("编号", 7),
    ("指标", 28),
    ("期间", 16),
    ("数值", 12),
    ("审核提示", 46),
    ("情况说明", 30),
)
STATE_FILLS = {  # pale fill, dark text, like the status cells of the indicator table
    TaskState.DONE: ("C6EFCE", "1B5E20"),
    TaskState.IN_PROGRESS: ("DDEBF7", "0D47A1"),
    TaskState.NOT_STARTED: ("EDEDED", "424242"),
    TaskState.LAGGING: ("FFC7CE", "9C0006"),
}
SILENT_FILL = ("FFEB9C", "7A5300")  # no progress sent this quarter
OPEN_FILL = ("FFC7CE", "9C0006")  # a data check without a comment


def round_sheets(wb: Workbook, model: ReportModel) -> None:
    """Add the two sheets when the report carries the round (the plan's own region)."""
    r = model.round
    if r is None:
        return
    if r.tasks:
        _task_sheet(wb.create_sheet(TASK_SHEET), model, r)
    _round_sheet(wb.create_sheet(ROUND_SHEET), model, r)


def _widths(ws: Worksheet, cols: Sequence[tuple[str, float]]) -> float:
    for i, (_head, width) in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    return float(sum(w for _h, w in cols))


def _title(ws: Worksheet, row: int, text: str, span: int, size: int = 14) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    cell = put(ws, row, 1, text)
    cell.font = Font(name=FONT, size=size, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[row].height = 28 if size >= 14 else LINE_HEIGHT + 6


def _paragraph(
    ws: Worksheet, row: int, text: str, span: int, width: float, bold: bool = False
) -> None:
    """A sentence across the whole sheet, wrapped, as high as its lines."""
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    cell = put(ws, row, 1, text)
    cell.font = Font(name=FONT, size=10, bold=bold)
    cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    ws.row_dimensions[row].height = row_height(text_lines(text, width * 1.05))


def _header(ws: Worksheet, row: int, cols: Sequence[tuple[str, float]]) -> None:
    for i, (head, _w) in enumerate(cols, start=1):
        cell = put(ws, row, i, head)
        cell.font = Font(name=FONT, size=10, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[row].height = LINE_HEIGHT + 8


def _row(
    ws: Worksheet,
    row: int,
    values: Sequence[object],
    cols: Sequence[tuple[str, float]],
    centred: Sequence[int] = (0,),
) -> None:
    lines = 1
    for i, (value, (_head, width)) in enumerate(zip(values, cols, strict=True), start=1):
        cell = put(ws, row, i, value)
        cell.font = Font(name=FONT, size=10)
        cell.border = BORDER
        horizontal = "center" if i - 1 in centred or value == "—" else "left"
        cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
        if isinstance(value, str):
            lines = max(lines, text_lines(value, width))
    ws.row_dimensions[row].height = row_height(lines)


def _fill(ws: Worksheet, row: int, column: int, colours: tuple[str, str]) -> None:
    cell = ws.cell(row=row, column=column)
    cell.fill = PatternFill("solid", fgColor=colours[0])
    cell.font = Font(name=FONT, size=10, bold=True, color=colours[1])


def _task_sheet(ws: Worksheet, model: ReportModel, r: RoundSection) -> None:
    span = len(TASK_COLUMNS)
    width = _widths(ws, TASK_COLUMNS)
    _title(ws, 1, f"{model.plan_title}重点任务推进情况", span)
    _title(ws, 2, f"报告期：{r.quarter.label_zh()}", span, size=10)
    ws["A2"].font = Font(name=FONT, size=10)
    ws["A2"].alignment = Alignment(horizontal="right", vertical="center")
    _paragraph(ws, 3, r.task_summary(), span, width)
    _header(ws, 4, TASK_COLUMNS)
    row = 5
    for number, t in enumerate(r.tasks, start=1):
        reason = t.reason if t.state is TaskState.LAGGING else ""
        values = (
            number,
            t.code,
            t.title,
            t.units_text or "—",
            t.state_text,
            t.text or ("本季度未报送进展" if t.state is None else "—"),
            reason or "—",
            t.next_step or "—",
        )
        _row(ws, row, values, TASK_COLUMNS, centred=(0, 1, 4))
        _fill(ws, row, 5, STATE_FILLS[t.state] if t.state is not None else SILENT_FILL)
        row += 1
    if r.lagging:
        row += 1
        _paragraph(ws, row, "存在问题", span, width, bold=True)
        row += 1
        for line in [r.problem_lead(), *r.problem_lines()]:
            _paragraph(ws, row, line, span, width)
            row += 1
    ws.freeze_panes = "C5"
    ws.print_title_rows = "4:4"
    print_setup(ws, landscape=True)


def _round_sheet(ws: Worksheet, model: ReportModel, r: RoundSection) -> None:
    span = len(CHECK_COLUMNS)
    width = _widths(ws, CHECK_COLUMNS)
    _title(ws, 1, f"{model.plan_title}报送与审核情况", span)
    _title(ws, 2, f"报告期：{r.quarter.label_zh()}", span, size=10)
    ws["A2"].font = Font(name=FONT, size=10)
    ws["A2"].alignment = Alignment(horizontal="right", vertical="center")
    _paragraph(ws, 3, r.summary(see="见下表"), span, width)
    row = 5
    _section(ws, row, "一、报送情况", span)
    row += 1
    if r.incomplete:
        _units(ws, row, r.incomplete)
        row += len(r.incomplete) + 1
    else:
        _paragraph(ws, row, "各责任单位均已报齐。", span, width)
        row += 1
    row += 1
    _section(ws, row, "二、数据审核情况", span)
    row += 1
    if not r.findings:
        _paragraph(ws, row, "本季度数据审核未发现需说明的事项。", span, width)
        row += 1
    else:
        _header(ws, row, CHECK_COLUMNS)
        row += 1
        for number, f in enumerate(r.findings, start=1):
            value: object = "—" if f.value is None else f.value
            comment = f.comment.strip() or NO_COMMENT
            values = (number, f.rule.label, f.code, f.name, f.period.label_zh(), value,
                      f.message, comment)  # fmt: skip
            _row(ws, row, values, CHECK_COLUMNS, centred=(0, 2, 4))
            cell = ws.cell(row=row, column=6)
            cell.alignment = Alignment(horizontal="right", vertical="center")
            cell.number_format = "0.00"  # as the Word report's appendix shows it
            if not f.resolved:
                _fill(ws, row, len(CHECK_COLUMNS), OPEN_FILL)
            row += 1
    print_setup(ws, landscape=True)


def _section(ws: Worksheet, row: int, text: str, span: int) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    cell = put(ws, row, 1, text)
    cell.font = Font(name=FONT, size=11, bold=True)
    cell.fill = GROUP_FILL
    cell.alignment = Alignment(vertical="center")
    ws.row_dimensions[row].height = LINE_HEIGHT + 6


def _units(ws: Worksheet, row: int, incomplete: Sequence[tuple[str, int]]) -> None:
    """序号 | 尚未报齐的单位 (over 审核规则…指标) | 缺报项数 (under 期间)."""
    heads = ((1, 1, "序号"), (2, 4, "尚未报齐的单位"), (5, 5, "缺报项数"))
    for offset, values in enumerate([None, *enumerate(incomplete, start=1)]):
        r = row + offset
        texts = (
            [h for _a, _b, h in heads]
            if values is None
            else [values[0], values[1][0], f"{values[1][1]}项"]
        )
        for (first, last, _h), text in zip(heads, texts, strict=True):
            if last > first:
                ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=last)
            cell = put(ws, r, first, text)
            cell.font = Font(name=FONT, size=10, bold=values is None)
            cell.alignment = Alignment(
                horizontal="left" if first == 2 and values is not None else "center",
                vertical="center",
                wrap_text=True,
            )
            if values is None:
                cell.fill = HEADER_FILL
            for c in range(first, last + 1):
                ws.cell(row=r, column=c).border = BORDER
        ws.row_dimensions[r].height = LINE_HEIGHT + (8 if values is None else 4)
