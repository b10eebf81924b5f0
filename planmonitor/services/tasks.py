"""Key tasks and their quarterly progress (进展情况, state, 下一步, evidence files).

A new record for the same task and quarter supersedes the current one, which stays in the
history; a record identical to the current one changes nothing. Closed quarters refuse changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from planmonitor.domain.indicator import PlanError
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Task
from planmonitor.domain.tasks import (
    Attachment,
    TaskProgress,
    TaskProgressError,
    TaskState,
    validate_progress,
)
from planmonitor.services.errors import UserError
from planmonitor.services.observations import current_user
from planmonitor.services.quarter_locks import check_quarter, plan_row, refuse_locked
from planmonitor.store.database import Database
from planmonitor.store.models import PlanRow, TaskAttachmentRow, TaskProgressRow, TaskRow
from planmonitor.store.plan_rows import plan_from_row

MAX_ATTACHMENT = 50 * 1024 * 1024  # 50 MB: scans of 批复 and photos, not videos


@dataclass(frozen=True, slots=True)
class TaskLine:
    """A task with its current progress for one quarter (``None`` when none is recorded)."""

    task: Task
    progress: TaskProgress | None


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    """Progress to record (from the command line, the task view or an import)."""

    task: str
    quarter: Period
    state: TaskState
    text: str
    next_step: str = ""
    reason: str = ""
    source: str = ""


def task_key(row: TaskRow) -> str:
    """The code users type: the task's code, or its position where the plan gave none."""
    return row.code or str(row.position)


def _progress(row: TaskProgressRow, key: str, atts: tuple[Attachment, ...]) -> TaskProgress:
    return TaskProgress(
        task=key,
        quarter=Period.quarter(row.year, row.quarter),
        state=TaskState(row.state),
        text=row.text,
        next_step=row.next_step,
        reason=row.reason,
        attachments=atts,
        source=row.source,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
        superseded_at=row.superseded_at,
    )


class TaskService:
    """Tasks of a plan and their progress; each public method is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading ---------------------------------------------------------------------------
    def tasks(
        self, plan_id: str, quarter: Period | None = None, unit: str | None = None
    ) -> list[TaskLine]:
        """The plan's tasks (those ``unit`` reports on, if given) with progress for ``quarter``."""
        with self.db.session() as s:
            prow = plan_row(s, plan_id)
            plan = plan_from_row(prow)
            tasks = list(plan.tasks)
            if unit is not None:
                tasks = [t for t in tasks if unit.strip() in t.units]
                if not tasks:
                    known = "、".join(dict.fromkeys(u for t in plan.tasks for u in t.units))
                    raise UserError(
                        f"规划“{plan_id}”中没有由“{unit}”负责的任务（责任单位：{known or '无'}）"
                    )
            current: dict[str, TaskProgress] = {}
            if quarter is not None:
                current = self._current(s, prow.tasks, quarter)
            return [TaskLine(t, current.get(t.key)) for t in tasks]

    def current(self, plan_id: str, quarter: Period) -> dict[str, TaskProgress]:
        """The current progress of every task that has one for ``quarter``, by task code."""
        with self.db.session() as s:
            return self._current(s, plan_row(s, plan_id).tasks, quarter)

    def _current(
        self, s: Session, rows: Sequence[TaskRow], quarter: Period
    ) -> dict[str, TaskProgress]:
        year, q = check_quarter(quarter)
        keys = {r.id: task_key(r) for r in rows}
        if not keys:
            return {}
        found = s.scalars(
            select(TaskProgressRow).where(
                TaskProgressRow.task_id.in_(list(keys)),
                TaskProgressRow.year == year,
                TaskProgressRow.quarter == q,
                TaskProgressRow.superseded_at.is_(None),
            )
        ).all()
        atts = self._attachments(s, list(keys), year, q)
        return {
            keys[r.task_id]: _progress(r, keys[r.task_id], atts.get(r.task_id, ())) for r in found
        }

    @staticmethod
    def _attachments(
        s: Session, task_ids: list[int], year: int, q: int
    ) -> dict[int, tuple[Attachment, ...]]:
        a = TaskAttachmentRow
        rows = s.execute(
            select(a.id, a.task_id, a.name, a.size, a.sha256)
            .where(a.task_id.in_(task_ids), a.year == year, a.quarter == q)
            .order_by(a.id)
        ).all()
        out: dict[int, list[Attachment]] = {}
        for att_id, task_id, name, size, digest in rows:
            out.setdefault(task_id, []).append(Attachment(name, size, digest, att_id))
        return {k: tuple(v) for k, v in out.items()}

    def history(self, plan_id: str, task: str) -> list[TaskProgress]:
        """Every recorded and superseded progress of one task, by quarter and time."""
        with self.db.session() as s:
            row = self._task_row(s, plan_id, task)
            rows = s.scalars(
                select(TaskProgressRow)
                .where(TaskProgressRow.task_id == row.id)
                .order_by(
                    TaskProgressRow.year,
                    TaskProgressRow.quarter,
                    TaskProgressRow.recorded_at,
                    TaskProgressRow.id,
                )
            ).all()
            return [_progress(r, task_key(row), ()) for r in rows]

    def attachment(self, plan_id: str, attachment_id: int) -> tuple[str, bytes]:
        """(name, content) of one evidence file of the plan."""
        with self.db.session() as s:
            prow = plan_row(s, plan_id)
            att = s.get(TaskAttachmentRow, attachment_id)
            if att is None or att.task_id not in {t.id for t in prow.tasks}:
                raise UserError(f"规划“{plan_id}”中没有编号为{attachment_id}的佐证材料")
            return att.name, att.content

    # -- writing ---------------------------------------------------------------------------
    def record(
        self,
        plan_id: str,
        entry: ProgressEntry,
        attach: Sequence[Path] = (),
        by: str | None = None,
    ) -> str:
        """Record one task's progress (and evidence files); "new", "changed" or "unchanged"."""
        files = [_read_attachment(p) for p in attach]
        return self.record_many(plan_id, [entry], by, {0: files})[0]

    def record_many(
        self,
        plan_id: str,
        entries: Sequence[ProgressEntry],
        by: str | None = None,
        files: dict[int, list[tuple[str, bytes]]] | None = None,
    ) -> list[str]:
        """Record several progress entries in one transaction: all of them or none."""
        who = current_user() if by is None else by
        now = datetime.now()
        files = files or {}
        with self.db.session.begin() as s:
            prow = plan_row(s, plan_id)
            checked = _checked(s, prow, entries)
            outcomes = []
            for i, (row, p) in enumerate(checked):
                year, q = p.quarter.year, p.quarter.quarter_number
                cur = s.scalar(
                    select(TaskProgressRow).where(
                        TaskProgressRow.task_id == row.id,
                        TaskProgressRow.year == year,
                        TaskProgressRow.quarter == q,
                        TaskProgressRow.superseded_at.is_(None),
                    )
                )
                for name, content in files.get(i, []):
                    s.add(
                        TaskAttachmentRow(
                            task_id=row.id,
                            year=year,
                            quarter=q,
                            name=name,
                            size=len(content),
                            sha256=hashlib.sha256(content).hexdigest(),
                            content=content,
                            added_by=who,
                            added_at=now,
                        )
                    )
                if cur is not None and _progress(cur, p.task, ()).same_content(p):
                    outcomes.append("unchanged")
                    continue
                if cur is not None:
                    cur.superseded_at = now
                    s.flush()
                s.add(
                    TaskProgressRow(
                        task_id=row.id,
                        year=year,
                        quarter=q,
                        state=p.state.value,
                        text=p.text,
                        next_step=p.next_step,
                        reason=p.reason,
                        source=p.source,
                        recorded_by=who,
                        recorded_at=now,
                    )
                )
                outcomes.append("new" if cur is None else "changed")
            return outcomes

    def check_many(self, plan_id: str, entries: Sequence[ProgressEntry]) -> None:
        """UserError, as :meth:`record_many` would raise it, without writing anything."""
        with self.db.session() as s:
            _checked(s, plan_row(s, plan_id), entries)

    def _task_row(self, s: Session, plan_id: str, task: str) -> TaskRow:
        prow = plan_row(s, plan_id)
        for r in prow.tasks:
            if task_key(r) == task.strip():
                return r
        try:
            plan_from_row(prow).task(task)
        except PlanError as exc:
            raise UserError(str(exc)) from None
        raise UserError(f"规划“{plan_id}”中没有任务编号“{task}”")


def _checked(
    s: Session, prow: PlanRow, entries: Sequence[ProgressEntry]
) -> list[tuple[TaskRow, TaskProgress]]:
    """The task rows and validated progress of ``entries``; UserError on the first bad one."""
    by_key = {task_key(r): r for r in prow.tasks}
    checked: list[tuple[TaskRow, TaskProgress]] = []
    for e in entries:
        row = by_key.get(e.task.strip())
        if row is None:
            keys = "、".join(by_key) or "（无）"
            raise UserError(f"规划“{prow.key}”中没有任务编号“{e.task}”（现有：{keys}）")
        try:
            p = validate_progress(
                TaskProgress(
                    task_key(row),
                    e.quarter,
                    e.state,
                    e.text,
                    e.next_step,
                    e.reason,
                    source=e.source,
                )
            )
        except TaskProgressError as exc:
            raise UserError(str(exc)) from None
        checked.append((row, p))
    refuse_locked(s, prow.id, [(f"任务{p.task}", p.quarter) for _, p in checked])
    return checked


def _read_attachment(path: Path) -> tuple[str, bytes]:
    """(name, content) of an evidence file; UserError naming the file when it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT:
            raise UserError(
                f"佐证材料 {path}：{size / 1048576:.1f} MB，超过{MAX_ATTACHMENT // 1048576} MB"
            )
        if not path.is_file():
            raise UserError(f"佐证材料 {path} 不是文件")
        return path.name, path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取佐证材料 {path}：{exc.strerror or exc}") from None
