"""The 重点任务进展 sheet of a fill-in workbook: a unit's key tasks with input cells for the state
(a drop-down), 进展情况, 滞后原因 and 下一步, and reading it back.

Like the indicator sheet, each row carries a hidden key (``PMT1|plan|task|quarter``) and a hidden
first row names each column's role (``PMT1:col=text``), so re-sorted rows, inserted columns and
files re-saved by WPS, Excel or LibreOffice read right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planmonitor.domain.periods import Period, PeriodError
from planmonitor.domain.tasks import TaskState
from planmonitor.exchange.sheets.grid import SheetGrid
from planmonitor.exchange.sheets.safe_cells import put
from planmonitor.exchange.tables.found import Finding, Where
from planmonitor.exchange.tables.layout import text_of

TASK_SHEET = "重点任务进展"
TASK_PREFIX = "PMT1|"
TASK_ROLE = "PMT1:col="
STATE_HEADER = "推进状态"
TEXT_HEADER = "进展情况"
REASON_HEADER = "滞后原因"
NEXT_HEADER = "下一步工作"
_HEADERS = {
    STATE_HEADER: "state",
    TEXT_HEADER: "text",
    REASON_HEADER: "reason",
    NEXT_HEADER: "next",
}
FONT = "宋体"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LOCKED = PatternFill("solid", fgColor="EDEDED")
_HEAD = PatternFill("solid", fgColor="D9E1F2")
_INPUT = PatternFill("solid", fgColor="FFFFFF")


@dataclass(frozen=True, slots=True)
class TaskTemplateRow:
    """One task row: what the unit reports on, with last quarter's progress for reference."""

    code: str
    title: str
    units: str
    chapter: str = ""
    previous: str = ""


@dataclass(frozen=True, slots=True)
class FoundTask:
    """Task progress read from a returned workbook; ``problem`` says why it cannot be imported."""

    where: Where
    plan: str
    task: str
    quarter: Period
    state_text: str
    text: str
    reason: str
    next_step: str
    problem: str = ""
    hidden: bool = False

    @property
    def empty(self) -> bool:
        """True when the unit filled in nothing for this task."""
        return not (self.state_text or self.text or self.reason or self.next_step)


def encode_task_key(plan: str, task: str, quarter: Period) -> str:
    """The text stored in a task row's hidden key cell."""
    return TASK_PREFIX + "|".join(quote(p, safe="") for p in (plan, task, quarter.key))


def decode_task_key(text: object) -> tuple[str, str, Period] | None:
    """(plan, task, quarter) of a hidden key cell; ``None`` if it is not one or was changed."""
    if not isinstance(text, str) or not text.startswith(TASK_PREFIX):
        return None
    parts = text[len(TASK_PREFIX) :].strip().split("|")
    if len(parts) != 3:
        return None
    plan, task, quarter = (unquote(p) for p in parts)
    try:
        return plan, task, Period.parse(quarter)
    except PeriodError:
        return None


_COLUMNS: list[tuple[str, str | None, float]] = [
    ("序号", None, 6),
    ("任务编号", "code", 9),
    ("重点任务", "title", 30),
    ("责任单位", None, 18),
    ("上季度进展", None, 26),
    (STATE_HEADER, "state", 10),
    (TEXT_HEADER, "text", 40),
    (REASON_HEADER, "reason", 24),
    (NEXT_HEADER, "next", 30),
    ("（系统标识，请勿修改）", "key", 12),
]


def write_task_sheet(
    ws: Worksheet,
    plan: str,
    title: str,
    quarter: Period,
    unit: str | None,
    rows: list[TaskTemplateRow],
) -> None:
    """Fill ``ws`` with the task rows: locked reference cells, white input cells, hidden keys."""
    n = len(_COLUMNS)
    for c, (_h, role, width) in enumerate(_COLUMNS, start=1):
        if role:
            put(ws, 1, c, TASK_ROLE + role)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[1].hidden = True
    ws.column_dimensions[get_column_letter(n)].hidden = True
    ws.merge_cells(f"A2:{get_column_letter(n - 1)}2")
    head = put(ws, 2, 1, f"《{title}》重点任务推进情况（{quarter.label_zh()}）")
    head.font = Font(name=FONT, size=15, bold=True)
    head.alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[2].height = 30
    ws.merge_cells(f"A3:{get_column_letter(n - 1)}3")
    who = f"填报单位：{unit}　　" if unit else "填报单位：__________　　"
    states = "、".join(s.value for s in TaskState)
    put(ws, 3, 1, f"{who}推进状态请选择{states}；状态为滞后时请填写滞后原因").font = Font(
        name=FONT, size=11
    )
    for c, (header, _r, _w) in enumerate(_COLUMNS, start=1):
        cell = put(ws, 4, c, header)
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.fill = _HEAD
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[4].height = 32
    state = DataValidation(
        type="list",
        formula1='"' + ",".join(s.value for s in TaskState) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=STATE_HEADER,
        error=f"请从下拉列表中选择：{states}",
    )
    ws.add_data_validation(state)
    inputs = {"state", "text", "reason", "next"}
    for i, row in enumerate(rows):
        r = 5 + i
        values = [
            i + 1,
            row.code,
            row.title,
            row.units,
            row.previous,
            "",
            "",
            "",
            "",
            encode_task_key(plan, row.code, quarter),
        ]
        for c, ((_h, role, _w), v) in enumerate(zip(_COLUMNS, values, strict=True), start=1):
            cell = put(ws, r, c, v)
            cell.data_type = "s" if isinstance(v, str) else cell.data_type
            cell.font = Font(name=FONT, size=11)
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            if role in inputs:
                cell.fill = _INPUT
                cell.protection = Protection(locked=False)
            else:
                cell.fill = _LOCKED
        state.add(f"{get_column_letter(6)}{r}")
        ws.row_dimensions[r].height = 48
    ws.freeze_panes = "D5"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def is_task_sheet(grid: SheetGrid) -> bool:
    """True for a 重点任务进展 sheet (by its hidden keys or role row)."""
    for row in grid.rows[:60]:
        for v in row:
            if isinstance(v, str) and (v.startswith(TASK_PREFIX) or v.startswith(TASK_ROLE)):
                return True
    return False


def _roles(grid: SheetGrid) -> dict[str, int]:
    roles: dict[str, int] = {}
    for row in grid.rows[:10]:
        for c, v in enumerate(row):
            if isinstance(v, str) and v.startswith(TASK_ROLE):
                roles.setdefault(v[len(TASK_ROLE) :].strip(), c)
    if "state" not in roles:  # the hidden role row was deleted: go by the header texts
        for row in grid.rows[:60]:
            for c, v in enumerate(row):
                if isinstance(v, str) and v.strip() in _HEADERS:
                    roles.setdefault(_HEADERS[v.strip()], c)
    return roles


def read_task_sheet(grid: SheetGrid, plan: str) -> tuple[list[FoundTask], list[Finding]]:
    """The task progress rows of a returned 重点任务进展 sheet, and messages about it."""
    roles = _roles(grid)
    found: list[FoundTask] = []
    findings: list[Finding] = []
    key_col = roles.get("key")
    if key_col is None or "state" not in roles:
        findings.append(
            Finding(
                "error", f"工作表“{grid.name}”找不到“{STATE_HEADER}”列，未读取", sheet=grid.name
            )
        )
        return found, findings

    def cell(row: Sequence[object], role: str) -> str:
        c = roles.get(role)
        return text_of(row[c]) if c is not None and c < len(row) else ""

    for r, row in enumerate(grid.rows):
        raw = row[key_col] if key_col < len(row) else None
        if not isinstance(raw, str) or not raw.startswith(TASK_PREFIX):
            continue
        where = Where(grid.name, r, roles["state"])
        key = decode_task_key(raw)
        if key is None:
            findings.append(
                Finding("error", f"第{r + 1}行的系统标识已被改动，未读取", where, grid.name)
            )
            continue
        state = cell(row, "state")
        problem = ""
        if key[0] != plan:
            problem = f"第{r + 1}行属于规划“{key[0]}”，不是“{plan}”"
        elif state and state not in {s.value for s in TaskState}:
            problem = f"推进状态“{state}”无法识别（应为{'、'.join(s.value for s in TaskState)}）"
        found.append(
            FoundTask(
                where,
                key[0],
                key[1],
                key[2],
                state,
                cell(row, "text"),
                cell(row, "reason"),
                cell(row, "next"),
                problem,
                r in grid.hidden_rows,
            )
        )
    return found, findings
