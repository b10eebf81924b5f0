"""Closing a quarter (锁定, 本季度报送完成) and reopening it with a reason; both kept as history.

While a quarter is closed, its values, comments and task progress cannot be changed: recording,
pasting or importing into it is refused per cell with the reason. Official statistics that arrive
late (正式 replacing 初步 for a closed year) go in through a reopen with a reason — the reopen, the
correction and the new close are all in the history.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from planmonitor.domain.periods import Period
from planmonitor.domain.round import QuarterEvent, closed_quarters, lock_reason, quarter_of
from planmonitor.services.errors import UserError
from planmonitor.store.database import Database
from planmonitor.store.models import PlanRow, QuarterEventRow

if TYPE_CHECKING:  # (imported where used: recording a value needs no import preview)
    from planmonitor.services.import_preview import ImportPreview


def events_in(s: Session, plan_row_id: int) -> list[QuarterEvent]:
    """Every close and reopen of the plan, oldest first."""
    rows = s.scalars(
        select(QuarterEventRow)
        .where(QuarterEventRow.plan_id == plan_row_id)
        .order_by(QuarterEventRow.at, QuarterEventRow.id)
    )
    return [QuarterEvent(r.year, r.quarter, r.action, r.reason, r.by, r.at) for r in rows]


def locked_in(s: Session, plan_row_id: int) -> dict[tuple[int, int], QuarterEvent]:
    """The plan's closed quarters with the event that closed each."""
    return closed_quarters(events_in(s, plan_row_id))


def refuse_locked(s: Session, plan_row_id: int, items: Iterable[tuple[str, Period]]) -> None:
    """UserError naming the first (what, period) that falls in a closed quarter."""
    closed = locked_in(s, plan_row_id)
    if not closed:
        return
    for what, period in items:
        event = closed.get(quarter_of(period))
        if event is not None:
            raise UserError(f"{what}，{period.label_zh()}：{lock_reason(event)}")


def plan_row(s: Session, plan_id: str) -> PlanRow:
    """The plan's row; UserError when the database has no such plan."""
    row = s.scalar(select(PlanRow).where(PlanRow.key == plan_id))
    if row is None:
        raise UserError(f"数据库中没有规划“{plan_id}”")
    return row


def check_quarter(quarter: Period) -> tuple[int, int]:
    """(year, quarter) of a quarter period; UserError for anything else."""
    if quarter.is_annual or not quarter.is_quarter_end:
        raise UserError(f"报告期“{quarter.key}”应为季度，如2024Q3")
    return quarter.year, quarter.quarter_number


class QuarterLocks:
    """Reads and writes the close/reopen history; each method is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def history(self, plan_id: str) -> list[QuarterEvent]:
        """Every close and reopen, oldest first."""
        with self.db.session() as s:
            return events_in(s, plan_row(s, plan_id).id)

    def closed(self, plan_id: str) -> dict[tuple[int, int], QuarterEvent]:
        """The closed quarters."""
        with self.db.session() as s:
            return locked_in(s, plan_row(s, plan_id).id)

    def is_closed(self, plan_id: str, quarter: Period) -> QuarterEvent | None:
        """The event that closed ``quarter``, or None while it is open."""
        return self.closed(plan_id).get(check_quarter(quarter))

    def add_event(
        self, s: Session, plan_id: str, quarter: Period, action: str, reason: str, by: str
    ) -> QuarterEvent:
        """Record a close or reopen inside the caller's transaction; UserError if it is moot."""
        year, q = check_quarter(quarter)
        row = plan_row(s, plan_id)
        state = locked_in(s, row.id).get((year, q))
        if action == "close" and state is not None:
            raise UserError(f"{quarter.label_zh()}已经锁定（{state.describe()}）")
        if action == "reopen":
            if state is None:
                raise UserError(f"{quarter.label_zh()}未锁定，无需重新打开")
            if not reason.strip():
                raise UserError(f"重新打开{quarter.label_zh()}须说明原因（--reason）")
        now = datetime.now()
        s.add(
            QuarterEventRow(
                plan_id=row.id,
                year=year,
                quarter=q,
                action=action,
                reason=reason.strip(),
                by=by,
                at=now,
            )
        )
        return QuarterEvent(year, q, action, reason.strip(), by, now)


def mark_locked_rows(preview: ImportPreview, closed: dict[tuple[int, int], QuarterEvent]) -> int:
    """Turn the preview's writable rows that fall in a closed quarter into errors with the reason.

    Returns how many rows were refused.
    """
    from planmonitor.services.import_preview import WRITABLE, ItemKind

    refused = 0
    if not closed:
        return 0
    for row in preview.rows:
        if row.kind not in WRITABLE or row.period is None:
            continue
        event = closed.get(quarter_of(row.period))
        if event is None:
            continue
        row.kind, row.selected = ItemKind.ERROR, False
        row.message = lock_reason(event)
        refused += 1
    return refused
