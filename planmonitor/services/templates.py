"""Fill-in workbooks (填报表) for the quarterly round: which indicators a unit answers for,
which period each row asks for, this year's target and earlier values for reference.

For the GUI: ``TemplateService(db).write(plan_id, quarter, out, unit=…)`` (fast; no progress
needed) or ``.spec(...)`` to show what the workbook will hold.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from planmonitor.domain.indicator import Indicator, Nature, TargetForm
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION, Plan, Task
from planmonitor.domain.round import asked_period
from planmonitor.domain.schedule import NoSchedule, build_schedule
from planmonitor.exchange.templates.task_sheet import TaskTemplateRow
from planmonitor.exchange.templates.writer import TemplateRow, TemplateSpec, write_template
from planmonitor.services.errors import UserError
from planmonitor.services.observations import ObservationService
from planmonitor.services.outfiles import output_file
from planmonitor.services.plans import PlanService
from planmonitor.services.status import target_in_force
from planmonitor.services.tasks import TaskService
from planmonitor.store.database import Database


def period_text(ind: Indicator, period: Period) -> str:
    """How the row states its period: 2024年1—9月累计, 2024年9月末, 2023年全年."""
    if period.is_annual:
        return f"{period.year}年全年"
    if ind.target.form is TargetForm.MILESTONE:
        return f"截至{period.year}年{period.end_month}月末"
    if ind.nature is Nature.FLOW or ind.target.form is TargetForm.QUOTA:
        return f"{period.year}年{period.ytd_label_zh()}累计"
    return f"{period.year}年{period.end_month}月末"


def year_target(ind: Indicator, year: int) -> float | None:
    """This year's target (本年目标) from the schedule; the rate for growth-rate indicators."""
    if ind.target.form is TargetForm.GROWTH_RATE:
        return ind.target.rate
    if ind.target.form is TargetForm.MILESTONE:
        return None
    try:
        return build_schedule(ind).year_target(year)
    except NoSchedule:
        return None


def units_of(plan: Plan) -> list[str]:
    """Every responsible unit named by the plan's indicators, in order of appearance."""
    seen: dict[str, None] = {}
    for ind in plan.indicators:
        for u in ind.responsible:
            seen.setdefault(u, None)
    return list(seen)


class TemplateService:
    """Builds fill-in workbooks from the database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def spec(
        self,
        plan_id: str,
        quarter: Period,
        unit: str | None = None,
        region: str | None = None,
        made_on: date | None = None,
    ) -> TemplateSpec:
        """What the workbook for ``unit`` (all indicators when ``None``) will hold."""
        if quarter.is_annual or not quarter.is_quarter_end:
            raise UserError(f"报告期“{quarter.key}”应为季度，如2024Q3")
        plans = PlanService(self.db)
        plan = plans.get(plan_id)
        inds = list(plan.indicators)
        tasks = list(plan.tasks)
        if unit is not None:
            unit = unit.strip()
            inds = [i for i in inds if unit in i.responsible]
            tasks = [t for t in tasks if unit in t.units]
            if not inds and not tasks:
                known = "、".join(units_of(plan)) or "（规划未写明责任单位）"
                raise UserError(f"规划“{plan_id}”中没有由“{unit}”负责的指标（责任单位：{known}）")
        reg = self._region(plan, region)
        revisions: dict[str, list] = {}  # type: ignore[type-arg]
        for rev in plans.revisions(plan_id):
            revisions.setdefault(rev.indicator, []).append((rev.effective, rev.new))
        series = self._series(plan_id, reg)
        rows = []
        for ind in inds:
            ind = ind.with_target(target_in_force(ind.target, revisions.get(ind.code, []), quarter))
            p = asked_period(ind, quarter)
            s = series.get(ind.code, Series())
            earlier = p.previous_year()
            before = Period.annual(p.year - 1) if p.is_annual else p.add_quarters(-1)
            refs = (s.at(earlier), None if p.is_annual else s.at(before))
            rows.append(
                TemplateRow(
                    code=ind.code,
                    name=ind.name,
                    unit=ind.unit,
                    responsible="、".join(ind.responsible),
                    period=p,
                    period_text=period_text(ind, p),
                    year_target=year_target(ind, quarter.year),
                    references=refs,
                    decimals=ind.decimals,
                    qualitative=ind.target.form is TargetForm.MILESTONE,
                    parts=(ind.ratio.numerator, ind.ratio.denominator) if ind.ratio else None,
                )
            )
        return TemplateSpec(
            plan_id=plan.id,
            plan_title=plan.title,
            region_code=reg,
            region_name=next(r.name for r in plan.regions if r.code == reg),
            quarter=quarter,
            unit=unit,
            rows=tuple(rows),
            made_on=made_on,
            tasks=self._task_rows(plan_id, quarter, tasks),
        )

    def _task_rows(
        self, plan_id: str, quarter: Period, tasks: list[Task]
    ) -> tuple[TaskTemplateRow, ...]:
        """The unit's tasks, with last quarter's progress for reference."""
        if not tasks:
            return ()
        before = TaskService(self.db).current(plan_id, quarter.add_quarters(-1))
        rows = []
        for t in tasks:
            p = before.get(t.key)
            previous = f"{p.state.value}：{p.text}" if p is not None else ""
            rows.append(TaskTemplateRow(t.key, t.title, "、".join(t.units), t.chapter, previous))
        return tuple(rows)

    def write(
        self,
        plan_id: str,
        quarter: Period,
        out: Path,
        unit: str | None = None,
        region: str | None = None,
    ) -> TemplateSpec:
        """Write the workbook to ``out`` (.xlsx) and return what it holds."""
        spec = self.spec(plan_id, quarter, unit, region)
        if out.suffix.lower() not in (".xlsx", ".xlsm"):
            raise UserError(f"填报表应保存为 .xlsx 文件，而不是“{out.name}”")
        with output_file(out) as part:  # the old file stays until the new one is complete
            write_template(spec, part)
        return spec

    @staticmethod
    def _region(plan: Plan, region: str | None) -> str:
        if region is None or region.strip() in ("", ROOT_REGION):
            return ROOT_REGION
        for r in plan.regions:
            if region.strip() in (r.code, r.name):
                return r.code
        names = "、".join(r.name for r in plan.regions)
        raise UserError(f"规划“{plan.id}”中没有地区“{region}”（现有：{names}）")

    def _series(self, plan_id: str, region: str) -> dict[str, Series]:
        by_code: dict[str, list[tuple[Period, float]]] = {}
        for o in ObservationService(self.db).current(plan_id, region):
            if o.value is not None:
                by_code.setdefault(o.indicator, []).append((o.period, o.value))
        return {code: Series(items) for code, items in by_code.items()}
