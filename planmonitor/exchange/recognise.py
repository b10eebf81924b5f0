"""From a read workbook to the values it holds: each sheet is read as one of our fill-in
workbooks (by its hidden keys) or as a free table; then values found twice are reconciled —
the same value twice is kept once, two different values for one cell of the plan are both
refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from planmonitor.exchange.sheets.grid import WorkbookGrid
from planmonitor.exchange.tables.found import Catalog, Extraction, Finding, FoundValue
from planmonitor.exchange.tables.parts import attach_parts
from planmonitor.exchange.tables.reader import TableReader
from planmonitor.exchange.tables.sheet_context import SheetContext
from planmonitor.exchange.templates.marks import HELP_SHEET, META_SHEET
from planmonitor.exchange.templates.reader import key_column, read_template_sheet, template_plan
from planmonitor.exchange.templates.task_sheet import FoundTask, is_task_sheet, read_task_sheet


class Recogniser:
    """Reads every sheet of ``grid`` against ``catalog``; run :meth:`steps` to the end.

    Attributes:
        extraction: the result, complete once :meth:`steps` is exhausted.
    """

    def __init__(self, grid: WorkbookGrid, catalog: Catalog) -> None:
        self.grid = grid
        self.catalog = catalog
        self.extraction = Extraction(grid.file, grid.file_hash, grid.kind)
        self.extraction.template_plan = template_plan(grid)
        self.extraction.findings.extend(Finding("note", n) for n in grid.notes)
        self.tasks: list[FoundTask] = []  # task progress from 重点任务进展 sheets

    def steps(self) -> Iterator[tuple[int, int, str]]:
        """Yield (done, total, sheet name) after each sheet; reconcile at the end."""
        ex = self.extraction
        skip = {META_SHEET, HELP_SHEET} if ex.template_plan else {META_SHEET}
        sheets = [s for s in self.grid.sheets if s.name not in skip]
        ctx = SheetContext(self.catalog, self.grid.file)
        for i, sheet in enumerate(sheets):
            yield i, len(sheets), sheet.name
            if not sheet.rows or not any(any(v != "" for v in row) for row in sheet.rows):
                continue
            if not sheet.visible:
                ex.findings.append(
                    Finding(
                        "warning", f"工作表“{sheet.name}”为隐藏工作表，未读取", sheet=sheet.name
                    )
                )
                continue
            if is_task_sheet(sheet):
                tasks, findings = read_task_sheet(sheet, self.catalog.plan.id)
                self.tasks.extend(tasks)
                ex.findings.extend(findings)
                ex.sheets_read.append(sheet.name)
                continue
            key_col = key_column(sheet)
            if key_col is not None:
                values, findings = read_template_sheet(sheet, key_col, ctx)
            else:
                reader = TableReader(sheet, ctx)
                reader.read()
                values, findings = reader.values, reader.findings
            ex.values.extend(values)
            ex.findings.extend(findings)
            ex.sheets_read.append(sheet.name)
        if not self.grid.sheets or not ex.sheets_read:
            ex.findings.append(Finding("error", f"{self.grid.file}：文件中没有可读取的数据"))
        names = {i.code: i.name for i in self.catalog.plan.indicators}
        ex.values = reconcile(attach_parts(ex.values, names))
        yield len(sheets), len(sheets), ""

    def run(self) -> Extraction:
        """Run all steps and return the extraction."""
        for _ in self.steps():
            pass
        return self.extraction


SHOWN_PLACES = 3  # places named in a message, the rest counted (a row may repeat 10,000×)


def _places(places: list[str]) -> str:
    """ "Sheet1!B2、Sheet1!B3 处" — or the first few and the count: "… 等 12000 处"."""
    if len(places) <= SHOWN_PLACES:
        return "、".join(places) + " 处"
    return "、".join(places[:SHOWN_PLACES]) + f" 等{len(places)}处"


def reconcile(values: list[FoundValue]) -> list[FoundValue]:
    """Refuse values the file shows twice with different numbers; keep one of equal twins."""
    first: dict[tuple[str, str, int], int] = {}
    groups: dict[tuple[str, str, int], list[int]] = {}  # only keys found more than once
    for i, v in enumerate(values):
        code, period, region = v.match.code, v.period, v.region
        if code and period is not None and region is not None and v.value is not None:
            if v.problem:
                continue
            key = (code, region, period.sort_key)
            j = first.setdefault(key, i)
            if j != i:
                groups.setdefault(key, [j]).append(i)
    if not groups:
        return values
    out = list(values)
    drop: set[int] = set()
    for group in groups.values():
        # A hidden row (often a stale copy kept out of sight) never outvotes what the sheet
        # shows: with visible values present, only they are compared; a hidden copy of the same
        # number is dropped as a twin, a different one stays a hidden row (not imported unless
        # ticked). The same in every format: hidden rows are found in .xlsx, .xls and .ods.
        visible = [i for i in group if not values[i].hidden]
        idxs = visible or group
        if visible:
            shown = values[visible[0]].value
            drop.update(i for i in group if values[i].hidden and values[i].value == shown)
        if len(idxs) < 2:
            continue
        head = values[idxs[0]]
        if all(values[i].value == head.value for i in idxs):
            drop.update(idxs[1:])
            continue
        places = _places([str(values[i].where) for i in idxs])
        for i in idxs:
            out[i] = replace(values[i], problem=f"同一指标、地区和期间在 {places}数值不同")
    return [v for i, v in enumerate(out) if i not in drop]
