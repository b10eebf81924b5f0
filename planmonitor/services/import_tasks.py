"""Task progress in an import: the 重点任务进展 rows of a returned fill-in workbook, classified
like values (new, changed, conflicting, unchanged, missing, error) and written with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan
from planmonitor.domain.round import QuarterEvent, lock_reason, quarter_of
from planmonitor.domain.tasks import TaskProgress, TaskProgressError, TaskState, validate_progress
from planmonitor.exchange.templates.task_sheet import FoundTask
from planmonitor.services.import_preview import ItemKind
from planmonitor.services.tasks import ProgressEntry


@dataclass(slots=True)
class TaskPreviewRow:
    """One task row of the preview; ``selected`` rows are written by the commit."""

    id: int
    kind: ItemKind
    sheet: str
    cell: str
    task: str
    title: str
    quarter: Period
    state: TaskState | None
    text: str
    reason: str
    next_step: str
    message: str = ""
    old_state: str = ""
    old_text: str = ""
    old_by: str = ""
    selected: bool = False

    @property
    def where(self) -> str:
        """Sheet1!F7."""
        return f"{self.sheet}!{self.cell}"


def source_of(file: str) -> str:
    """How imported progress names where it came from."""
    return f"import:{file}"


def classify_tasks(
    plan: Plan,
    found: list[FoundTask],
    current: dict[tuple[str, Period], TaskProgress],
    closed: dict[tuple[int, int], QuarterEvent],
    file: str,
) -> list[TaskPreviewRow]:
    """The preview rows of the task progress found in ``file``."""
    titles = {t.key: t.title for t in plan.tasks}
    rows: list[TaskPreviewRow] = []
    for f in found:
        row = TaskPreviewRow(
            len(rows),
            ItemKind.ERROR,
            f.where.sheet,
            f.where.cell,
            f.task,
            titles.get(f.task, f.task),
            f.quarter,
            None,
            f.text,
            f.reason,
            f.next_step,
        )
        rows.append(row)
        if f.empty:
            row.kind, row.message = ItemKind.MISSING, "未填写"
            continue
        if f.problem:
            row.message = f.problem
            continue
        if f.task not in titles:
            row.message = f"规划中已没有任务编号“{f.task}”"
            continue
        if not f.state_text:
            row.message = "未选择推进状态"
            continue
        row.state = TaskState(f.state_text)
        try:
            new = validate_progress(
                TaskProgress(f.task, f.quarter, row.state, f.text, f.next_step, f.reason)
            )
        except TaskProgressError as exc:
            row.message = str(exc)
            continue
        event = closed.get(quarter_of(f.quarter))
        if event is not None:
            row.message = lock_reason(event)
            continue
        cur = current.get((f.task, f.quarter))
        if cur is None:
            row.kind = ItemKind.NEW
        else:
            row.old_state, row.old_text, row.old_by = cur.state.value, cur.text, cur.recorded_by
            if cur.same_content(new):
                row.kind = ItemKind.UNCHANGED
            elif cur.source == source_of(file):
                row.kind = ItemKind.CHANGED
            else:
                row.kind = ItemKind.CONFLICT
                row.message = (
                    f"与现有进展（{cur.state.value}，{cur.recorded_by or '未知'}录入）不同"
                )
        row.selected = row.kind in (ItemKind.NEW, ItemKind.CHANGED) and not f.hidden
    return rows


def task_entries(rows: list[TaskPreviewRow], file: str) -> list[ProgressEntry]:
    """What a commit writes: the selected new, changed or conflicting rows."""
    writable = (ItemKind.NEW, ItemKind.CHANGED, ItemKind.CONFLICT)
    return [
        ProgressEntry(r.task, r.quarter, r.state, r.text, r.next_step, r.reason, source_of(file))
        for r in rows
        if r.selected and r.kind in writable and r.state is not None
    ]
