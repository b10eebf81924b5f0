"""The plan editor's unit of work: the whole edited indicator list saved in one transaction.

An indicator deleted while it has recorded values is retired, not removed: its row stays with
all its values (their history), renamed ``CODE~retired-YYYYmmddHHMMSS`` and out of the plan's
order, so the plan no longer shows it and its code can be used again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planmonitor.domain.indicator import Indicator, PlanError
from planmonitor.domain.plan import PlanRef, Task
from planmonitor.services.errors import UserError
from planmonitor.services.plans import PlanService
from planmonitor.store.database import Database
from planmonitor.store.models import IndicatorRow, ObservationRow, PlanRow, TaskRow
from planmonitor.store.plan_links import store_links
from planmonitor.store.plan_rows import RETIRED_MARK, SEP, indicator_to_row


@dataclass(frozen=True, slots=True)
class RetiredIndicator:
    """An indicator deleted from the plan whose values were kept."""

    code: str
    name: str
    values: int


class PlanEditService:
    """Saves what the plan editor changed."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def values_count(self, plan_id: str, code: str) -> int:
        """How many values (current and superseded) one indicator has."""
        with self.db.session() as s:
            row = self._indicator(s, plan_id, code)
            if row is None:
                return 0
            return self._count(s, row.id)

    def save(
        self,
        plan_id: str,
        indicators: list[Indicator],
        deleted: list[str],
        tasks: list[Task] | None = None,
        predecessor: PlanRef | Literal["keep"] | None = "keep",
    ) -> None:
        """Replace the plan's indicator list (in this order) in one transaction.

        ``deleted`` are the codes the user deleted; :class:`UserError` names the indicator and
        field of the first problem and nothing is written. ``predecessor`` is the plan this one
        continues (None: none; "keep": as stored); each indicator's ``predecessor`` names the
        indicator of that plan it carries over.
        """
        seen: set[str] = set()
        for ind in indicators:
            try:
                ind.validate()
            except PlanError as exc:
                raise UserError(str(exc)) from None
            if ind.code in seen:
                raise UserError(f"指标编码“{ind.code}”重复（{ind.name}）")
            seen.add(ind.code)
        with self.db.session.begin() as s:
            plan = PlanService(self.db)._row(s, plan_id)
            rows = {r.code: r for r in plan.indicators if RETIRED_MARK not in r.code}
            stamp = datetime.now().strftime("%Y%m%d%H%M%S")
            for code in deleted:
                row = rows.pop(code, None)
                if row is None:
                    continue
                if self._count(s, row.id):
                    row.code = f"{code[:9]}{RETIRED_MARK}{stamp}"  # fits String(32)
                    row.position = -1
                else:
                    plan.indicators.remove(row)
                    s.delete(row)
            s.flush()
            for position, ind in enumerate(indicators, start=1):
                ind = replace(ind, position=position)
                row = rows.get(ind.code)
                if row is None:
                    new_row = indicator_to_row(ind)
                    plan.indicators.append(new_row)
                else:
                    indicator_to_row(ind, row)
            ref = predecessor
            if ref == "keep":
                ref = PlanRef(plan.predecessor_key) if plan.predecessor_key is not None else None
            problems = store_links(s, plan, ref, {i.code: i.predecessor for i in indicators})
            if problems:
                raise UserError(problems[0])
            if tasks is not None:
                plan.tasks = _task_rows(list(plan.tasks), tasks, seen)
            else:
                for t in plan.tasks:
                    codes = [c for c in t.indicator_codes.split(SEP) if c in seen]
                    t.indicator_codes = SEP.join(codes)

    def retired(self, plan_id: str) -> list[RetiredIndicator]:
        """Indicators deleted from the plan whose values were kept."""
        with self.db.session() as s:
            plan = PlanService(self.db)._row(s, plan_id)
            return [
                RetiredIndicator(r.code.split(RETIRED_MARK)[0], r.name, self._count(s, r.id))
                for r in plan.indicators
                if RETIRED_MARK in r.code
            ]

    @staticmethod
    def _count(s: Session, indicator_id: int) -> int:
        return int(
            s.scalar(
                select(func.count())
                .select_from(ObservationRow)
                .where(ObservationRow.indicator_id == indicator_id)
            )
            or 0
        )

    @staticmethod
    def _indicator(s: Session, plan_id: str, code: str) -> IndicatorRow | None:
        return s.scalar(
            select(IndicatorRow)
            .join(PlanRow, IndicatorRow.plan_id == PlanRow.id)
            .where(PlanRow.key == plan_id, IndicatorRow.code == code)
        )


def _task_rows(existing: list[TaskRow], tasks: Sequence[Task], seen: set[str]) -> list[TaskRow]:
    """The plan's task rows after an edit. A task keeps its row (and so its progress history,
    which refers to the row) when its code, or else its title, is unchanged."""
    rows: dict[str, TaskRow] = {}
    for r in existing:
        rows.setdefault(r.code or r.title, r)
    out: list[TaskRow] = []
    for k, t in enumerate(tasks, start=1):
        row = rows.pop(t.code or t.title, None) or rows.pop(t.title, None) or TaskRow()
        row.position = k
        row.title = t.title
        row.responsible = SEP.join(t.responsible)
        row.indicator_codes = SEP.join(c for c in t.indicators if c in seen)
        row.code = t.code
        row.lead = SEP.join(t.lead)
        row.support = SEP.join(t.support)
        row.kind = t.kind
        row.chapter = t.chapter
        out.append(row)
    return out
