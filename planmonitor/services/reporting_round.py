"""The quarterly round: who has reported (报送情况), data checks (数据审核), what lags without a
comment, and closing (锁定) or reopening a quarter.

For the GUI and the command line: ``RoundService(db).missing(plan_id, quarter)``,
``.check(plan_id, quarter)``, ``.needs_comment(plan_id, quarter)``, ``.close(...)``,
``.reopen(...)``. Each method reads in its own session; close and reopen are one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from planmonitor.domain.checks import CheckSettings, Finding, check_value, stale_estimates
from planmonitor.domain.formatting import Light
from planmonitor.domain.observation import Observation
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan
from planmonitor.domain.round import (
    QuarterEvent,
    UnitReport,
    asked_period,
    quarter_of,
    share_reported,
    who_has_reported,
)
from planmonitor.domain.tasks import TaskState
from planmonitor.services.check_values import current_by_region
from planmonitor.services.errors import UserError
from planmonitor.services.observations import ObservationService, current_user
from planmonitor.services.plans import PlanService
from planmonitor.services.quarter_locks import QuarterLocks, check_quarter
from planmonitor.services.status import StatusService
from planmonitor.services.tasks import TaskService
from planmonitor.store.database import Database


@dataclass(frozen=True, slots=True)
class NeedsComment:
    """Something that needs a 情况说明 before the quarter can be closed."""

    kind: str  # "indicator" | "task" | "check"
    code: str
    name: str
    why: str

    def describe(self) -> str:
        """One line: 指标 05 高新技术企业数量：略滞后，缺少情况说明."""
        what = {"indicator": "指标", "task": "任务", "check": "审核"}[self.kind]
        return f"{what}{self.code}“{self.name}”：{self.why}"


@dataclass(frozen=True, slots=True)
class Reporting:
    """报送情况 of a quarter: per unit, and the share of distinct items reported."""

    quarter: Period
    units: list[UnitReport]
    filled: int
    asked: int

    @property
    def share(self) -> float | None:
        """filled / asked (``None`` when nothing is asked)."""
        return self.filled / self.asked if self.asked else None


class RoundService:
    """The round's questions about one plan and quarter."""

    def __init__(self, db: Database, settings: CheckSettings | None = None) -> None:
        self.db = db
        self.settings = settings or CheckSettings()

    def missing(self, plan_id: str, quarter: Period) -> Reporting:
        """Per responsible unit, which of its indicators and tasks are still empty."""
        check_quarter(quarter)
        plan = PlanService(self.db).get(plan_id)
        values = ObservationService(self.db).current(plan_id)
        have = {(o.indicator, o.period) for o in values if o.value is not None}
        progress = TaskService(self.db).current(plan_id, quarter)
        inds = [(i.code, i.name, i.responsible, asked_period(i, quarter)) for i in plan.indicators]
        tasks = [(t.key, t.title, t.units) for t in plan.tasks]
        units = who_has_reported(inds, tasks, quarter, have, set(progress))
        filled, asked = share_reported(units)
        return Reporting(quarter, units, filled, asked)

    def check(self, plan_id: str, quarter: Period, region: str | None = None) -> list[Finding]:
        """The data checks of the values reported for ``quarter`` in every region, or in
        ``region`` (a code) only — a region's report reads that region's values, however many
        regions the plan has."""
        check_quarter(quarter)
        plan = PlanService(self.db).get(plan_id)
        out: list[Finding] = []
        if region is not None:
            values = ObservationService(self.db).current(plan_id, region)
            return self._check_region(plan, values, quarter)
        everywhere = current_by_region(self.db, plan_id)  # one read for a city's every region
        for r in plan.regions:
            out.extend(self._check_region(plan, everywhere.get(r.code, []), quarter))
        return out

    def _check_region(
        self, plan: Plan, values: list[Observation], quarter: Period
    ) -> list[Finding]:
        by_code: dict[str, list[Observation]] = defaultdict(list)
        for o in values:
            by_code[o.indicator].append(o)
        q = check_quarter(quarter)
        out: list[Finding] = []
        for ind in plan.indicators:
            series = by_code.get(ind.code, [])
            asked = asked_period(ind, quarter)
            for o in series:
                if o.period == asked or (not o.period.is_annual and quarter_of(o.period) == q):
                    out.extend(check_value(ind, o, series, self.settings))
            upto = [o for o in series if o.period.moment <= quarter.moment]
            out.extend(stale_estimates(ind, upto, quarter, self.settings))
        return out

    def needs_comment(
        self, plan_id: str, quarter: Period, findings: list[Finding] | None = None
    ) -> list[NeedsComment]:
        """Red or yellow indicators without a comment, and unresolved data checks (``findings``
        when the caller has just run :meth:`check`, else checked here)."""
        check_quarter(quarter)
        plan = PlanService(self.db).get(plan_id)
        comments = {
            (o.indicator, o.period): o.comment for o in ObservationService(self.db).current(plan_id)
        }
        out: list[NeedsComment] = []
        for st in StatusService(self.db).evaluate(plan_id, quarter):
            s = st.status
            if s.light not in (Light.RED, Light.YELLOW) or s.data_period is None:
                continue
            if not comments.get((st.indicator.code, s.data_period), "").strip():
                word = "滞后" if s.light is Light.RED else "略滞后"
                out.append(
                    NeedsComment(
                        "indicator",
                        st.indicator.code,
                        st.indicator.name,
                        f"{word}，{s.data_period.label_zh()}的数值缺少情况说明",
                    )
                )
        for line in TaskService(self.db).tasks(plan_id, quarter):
            p = line.progress
            if p is not None and p.state is TaskState.LAGGING and not p.reason.strip():
                out.append(NeedsComment("task", line.task.key, line.task.title, "滞后，缺少原因"))
        for f in self.check(plan_id, quarter) if findings is None else findings:
            if not f.resolved:
                region = "" if f.region == plan.regions[0].code else f"（{f.region}）"
                out.append(
                    NeedsComment(
                        "check",
                        f.code,
                        f.name + region,
                        f"{f.rule.label}：{f.message}，{f.period.label_zh()}的数值缺少情况说明",
                    )
                )
        return out

    def close(self, plan_id: str, quarter: Period, by: str | None = None) -> QuarterEvent:
        """Close (锁定) the quarter; UserError listing what still needs a 情况说明."""
        pending = self.needs_comment(plan_id, quarter)
        if pending:
            lines = "；".join(p.describe() for p in pending[:10])
            more = f"等{len(pending)}项" if len(pending) > 10 else f"共{len(pending)}项"
            raise UserError(
                f"{quarter.label_zh()}尚不能锁定，以下内容须先填写情况说明（{more}）：{lines}"
            )
        return self._event(plan_id, quarter, "close", "本季度报送完成", by)

    def reopen(
        self, plan_id: str, quarter: Period, reason: str, by: str | None = None
    ) -> QuarterEvent:
        """Reopen a closed quarter; the reason is required and kept in the history."""
        return self._event(plan_id, quarter, "reopen", reason, by)

    def _event(
        self, plan_id: str, quarter: Period, action: str, reason: str, by: str | None
    ) -> QuarterEvent:
        who = current_user() if by is None else by
        with self.db.session.begin() as s:
            return QuarterLocks(self.db).add_event(s, plan_id, quarter, action, reason, who)


def findings_for(db: Database, plan_id: str, values: list[Observation]) -> list[Finding]:
    """The data checks of values about to be recorded (at entry and at import), against the
    current values of the same indicator and region and the other values recorded with them;
    a comment on the value resolves them."""
    if not values:
        return []
    plan = PlanService(db).get(plan_id)
    inds = {i.code: i for i in plan.indicators}
    service = ObservationService(db)
    series: dict[tuple[str, str], dict[Period, Observation]] = defaultdict(dict)
    for region in {v.region for v in values}:
        for o in service.current(plan_id, region):
            series[(region, o.indicator)][o.period] = o
    for v in values:  # the new values replace the stored ones of their period
        series[(v.region, v.indicator)][v.period] = v
    out: list[Finding] = []
    for v in values:
        ind = inds.get(v.indicator)
        if ind is not None:
            same = series[(v.region, v.indicator)]
            earlier = [o for p, o in same.items() if p != v.period]
            out.extend(check_value(ind, v, earlier))
    return out
