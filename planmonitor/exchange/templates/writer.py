"""The fill-in workbook (填报表) a bureau sends each responsible unit every quarter.

Sheet 填报说明 explains in Chinese what to fill in; sheet 指标填报 lists the unit's indicators
with unit, this year's target and earlier values for reference, and white input cells for the
value, its standing (预计/初步/正式, a drop-down) and a comment. Everything but the inputs is
locked (sheet protection without a password); inputs carry data validation; a hidden column and
a hidden first row identify each row and column (see :mod:`planmonitor.exchange.templates.marks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.text import printable
from planmonitor.exchange.sheets.safe_cells import put, set_value
from planmonitor.exchange.templates.marks import (
    COMMENT_HEADER,
    DATA_SHEET,
    DENOMINATOR_HEADER,
    HELP_SHEET,
    META_SHEET,
    NUMERATOR_HEADER,
    STANDING_HEADER,
    VALUE_HEADER,
    RowKey,
    role_mark,
)
from planmonitor.exchange.templates.task_sheet import TASK_SHEET, TaskTemplateRow, write_task_sheet
from planmonitor.exchange.templates.text import help_lines

FONT = "宋体"
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
INPUT_FILL = PatternFill("solid", fgColor="FFFFFF")
FIRST_DATA_ROW = 5  # row 1 hidden roles, 2 title, 3 subtitle, 4 header
PARTS_HEADER = "比值的分子、分母（可只填分子、分母，比值由系统计算）"


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """One indicator row: what to fill in and what to show beside it.

    Attributes:
        period: the period the value is asked for (the quarter, or last year for annual data).
        period_text: how the row states it ("2024年1—9月累计", "2024年9月末", "2023年全年").
        references: values shown for reference, aligned with :attr:`TemplateSpec.reference_headers`.
        qualitative: a milestone: the input is 完成/未完成.
        parts: for a ratio indicator, the names of its numerator and denominator: the row takes
            them in two extra input columns and the ratio is computed on import.
    """

    code: str
    name: str
    unit: str
    responsible: str
    period: Period
    period_text: str
    year_target: float | None
    references: tuple[float | None, ...]
    decimals: int = 2
    qualitative: bool = False
    parts: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class TemplateSpec:
    """Everything a fill-in workbook shows; made by the template service from the database."""

    plan_id: str
    plan_title: str
    region_code: str
    region_name: str
    quarter: Period
    unit: str | None
    rows: tuple[TemplateRow, ...]
    reference_headers: tuple[str, ...] = ("上年同期", "上一期")
    made_on: date | None = None
    tasks: tuple[TaskTemplateRow, ...] = ()


def _columns(spec: TemplateSpec) -> list[tuple[str, str | None, float]]:
    cols: list[tuple[str, str | None, float]] = [
        ("序号", None, 6),
        ("指标编码", "code", 9),
        ("指标名称", "name", 34),
        ("单位", "unit", 8),
    ]
    if spec.unit is None:
        cols.append(("责任单位", None, 24))
    cols += [("数据期间", None, 17), (f"{spec.quarter.year}年目标", None, 11)]
    cols += [(h, None, 11) for h in spec.reference_headers]
    cols.append((VALUE_HEADER, "value", 13))
    if any(r.parts for r in spec.rows):  # ratio indicators may be given by their parts
        cols += [
            (PARTS_HEADER, None, 30),
            (NUMERATOR_HEADER, "numerator", 13),
            (DENOMINATOR_HEADER, "denominator", 13),
        ]
    cols += [
        (STANDING_HEADER, "standing", 10),
        (COMMENT_HEADER, "comment", 34),
        ("（系统标识，请勿修改）", "key", 12),
    ]
    return cols


def _number(ws: Worksheet, row: int, col: int, value: float | None, decimals: int) -> None:
    cell = put(ws, row, col, value if value is not None else "—")
    if value is not None:
        cell.number_format = "0" if decimals == 0 else "0." + "0" * min(decimals, 4)
    cell.alignment = Alignment(horizontal="right", vertical="center")


def write_template(spec: TemplateSpec, out: Path) -> None:
    """Write the fill-in workbook described by ``spec`` to ``out`` (.xlsx)."""
    wb = Workbook()
    help_ws = wb.active
    assert help_ws is not None
    help_ws.title = HELP_SHEET
    _write_help(help_ws, spec)
    ws = wb.create_sheet(DATA_SHEET)
    _write_data(ws, spec)
    if spec.tasks:
        task_ws = wb.create_sheet(TASK_SHEET)
        write_task_sheet(
            task_ws, spec.plan_id, spec.plan_title, spec.quarter, spec.unit, list(spec.tasks)
        )
    _write_meta(wb.create_sheet(META_SHEET), spec)
    wb.active = 1
    help_ws.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.security = WorkbookProtection(lockStructure=True)
    wb.save(out)


HELP_WIDTH = 76  # column width in characters; a CJK character takes two


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _write_help(ws: Worksheet, spec: TemplateSpec) -> None:
    ws.column_dimensions["A"].width = HELP_WIDTH
    lines = help_lines(spec.plan_title, spec.region_name, spec.quarter, spec.unit)
    for i, (text, kind) in enumerate(lines, start=1):
        cell = put(ws, i, 1, text)
        size = 16 if kind == "title" else 11
        cell.font = Font(name=FONT, size=size, bold=kind in ("title", "heading"))
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if kind == "title":
            ws.row_dimensions[i].height = 36
        else:
            wraps = max(1, -(-_display_width(text) // (HELP_WIDTH - 4)))
            ws.row_dimensions[i].height = 18 * wraps + 2
    ws.protection.sheet = True
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_data(ws: Worksheet, spec: TemplateSpec) -> None:
    cols = _columns(spec)
    ncols = len(cols)
    for c, (_header, role, width) in enumerate(cols, start=1):
        if role:
            put(ws, 1, c, role_mark(role))
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[1].hidden = True
    ws.column_dimensions[get_column_letter(ncols)].hidden = True

    ws.merge_cells(f"A2:{get_column_letter(ncols - 1)}2")
    title = put(ws, 2, 1, f"《{spec.plan_title}》指标数据填报表（{spec.quarter.label_zh()}）")
    title.font = Font(name=FONT, size=15, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[2].height = 30
    ws.merge_cells(f"A3:{get_column_letter(ncols - 1)}3")
    who = f"填报单位：{spec.unit}　　" if spec.unit else "填报单位：__________　　"
    sub = put(
        ws,
        3,
        1,
        f"{who}地区：{spec.region_name}　　报告期：{spec.quarter.label_zh()}"
        f"（{spec.quarter.ytd_label_zh()}）",
    )
    sub.font = Font(name=FONT, size=11)
    sub.alignment = Alignment(horizontal="left", vertical="center")

    for c, (header, _role, _w) in enumerate(cols, start=1):
        cell = put(ws, 4, c, header)
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[4].height = 32

    roles = {role: c for c, (_h, role, _w) in enumerate(cols, start=1) if role}
    standing = DataValidation(
        type="list",
        formula1='"' + ",".join(s.value for s in Standing) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="数据状态",
        error="请从下拉列表中选择：预计、初步 或 正式",
        promptTitle="数据状态",
        prompt="预计：估算数；初步：快报数；正式：统计部门正式数据",
    )
    comment = DataValidation(
        type="textLength",
        operator="lessThanOrEqual",
        formula1="500",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="情况说明",
        error="情况说明请不超过500字",
    )
    ws.add_data_validation(standing)
    ws.add_data_validation(comment)
    for i, row in enumerate(spec.rows):
        r = FIRST_DATA_ROW + i
        _write_row(ws, r, i + 1, row, spec, cols, roles)
        ws.add_data_validation(_value_validation(row, f"{get_column_letter(roles['value'])}{r}"))
        if row.parts is not None:
            for role, part in zip(("numerator", "denominator"), row.parts, strict=True):
                ref = f"{get_column_letter(roles[role])}{r}"
                ws.add_data_validation(_part_validation(row, part, ref))
        standing.add(f"{get_column_letter(roles['standing'])}{r}")
        comment.add(f"{get_column_letter(roles['comment'])}{r}")

    end = FIRST_DATA_ROW + len(spec.rows)
    note = put(
        ws,
        end + 1,
        1,
        "注：灰色单元格为参考信息，只需填写白色单元格（填报数值、数据状态、"
        "情况说明）；缺失请留空，不要填0。填报说明见第一个工作表。",
    )
    note.font = Font(name=FONT, size=10, italic=True)
    ws.merge_cells(f"A{end + 1}:{get_column_letter(ncols - 1)}{end + 1}")
    note.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[end + 1].height = 30

    ws.freeze_panes = "D5"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "4:4"
    ws.print_area = f"A2:{get_column_letter(ncols - 1)}{end + 1}"


def _write_row(
    ws: Worksheet,
    r: int,
    number: int,
    row: TemplateRow,
    spec: TemplateSpec,
    cols: list[tuple[str, str | None, float]],
    roles: dict[str, int],
) -> None:
    values: dict[int, object] = {1: number, 2: row.code, 3: row.name, 4: row.unit or "—"}
    c = 5
    if spec.unit is None:
        values[c] = _short_units(row.responsible)
        c += 1
    values[c] = row.period_text
    for col in range(1, len(cols) + 1):
        cell = ws.cell(r, col)
        if col in values:
            set_value(cell, values[col])
        cell.font = Font(name=FONT, size=11)
        cell.border = BORDER
        cell.fill = LOCKED_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=col in (3, 5))
    ws.cell(r, 1).alignment = Alignment(horizontal="center", vertical="center")
    _number(ws, r, c + 1, None if row.qualitative else row.year_target, row.decimals)
    for k, ref in enumerate(row.references):
        if row.qualitative and ref is not None:
            put(ws, r, c + 2 + k, "完成" if ref >= 1 else "未完成")
        else:
            _number(ws, r, c + 2 + k, ref, row.decimals)
    inputs = ["value", "standing", "comment"]
    if row.parts is not None:
        inputs += ["numerator", "denominator"]
        names = put(ws, r, roles["numerator"] - 1, f"分子：{row.parts[0]}\n分母：{row.parts[1]}")
        names.alignment = Alignment(vertical="center", wrap_text=True)
    for role in inputs:
        cell = ws.cell(r, roles[role])
        cell.fill = INPUT_FILL
        cell.protection = Protection(locked=False)
        cell.alignment = Alignment(
            horizontal="left" if role in ("standing", "comment") else "right",
            vertical="center",
            wrap_text=role == "comment",
        )
    key = RowKey(spec.plan_id, row.code, spec.region_code, row.period, spec.quarter)
    put(ws, r, roles["key"], key.encode()).font = Font(name=FONT, size=8, color="999999")
    ws.row_dimensions[r].height = 30


def _short_units(text: str, keep: int = 3) -> str:
    """ "区发改局、区财政局等 12 个单位" for long lists of responsible units."""
    units = [u for u in text.split("、") if u]
    if not units:
        return "—"
    if len(units) <= keep:
        return "、".join(units)
    return "、".join(units[:keep]) + f"等{len(units)}个单位"


def _value_validation(row: TemplateRow, ref: str) -> DataValidation:
    if row.qualitative:
        dv = DataValidation(
            type="list",
            formula1='"完成,未完成"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="填报数值",
            error="定性指标请选择：完成 或 未完成",
        )
    else:
        dv = DataValidation(
            type="decimal",
            operator="between",
            formula1="-1E+15",
            formula2="1E+15",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="填报数值",
            error="请填写数字（如1234.5），不要带单位；缺失请留空，不要填0",
        )
    dv.promptTitle = printable(row.name)[:32]
    unit = f"，单位：{row.unit}" if row.unit and not row.qualitative else ""
    dv.prompt = printable(f"填写{row.period_text}的数值{unit}")[:255]
    dv.add(ref)
    return dv


def _part_validation(row: TemplateRow, part: str, ref: str) -> DataValidation:
    dv = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1E+15",
        formula2="1E+15",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=part[:32],
        error="请填写数字，不要带单位；缺失请留空，不要填0",
    )
    dv.promptTitle = row.name[:32]
    dv.prompt = f"填写{row.period_text}的{part}"[:255]
    dv.add(ref)
    return dv


def _write_meta(ws: Worksheet, spec: TemplateSpec) -> None:
    rows = [
        ("format", "PlanMonitor fill-in workbook 1"),
        ("plan", spec.plan_id),
        ("plan_title", spec.plan_title),
        ("region", spec.region_code),
        ("region_name", spec.region_name),
        ("quarter", spec.quarter.key),
        ("unit", spec.unit or ""),
        ("rows", str(len(spec.rows))),
        ("made_on", (spec.made_on or date.today()).isoformat()),
    ]
    for i, (k, v) in enumerate(rows, start=1):
        put(ws, i, 1, k)
        put(ws, i, 2, v)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
