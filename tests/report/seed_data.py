"""The five built-in plans with a quarter's values and a comment (情况说明) on each lagging one.

Values follow each plan's own schedule at a few levels of progress, so that every plan has
indicators on schedule, slightly behind and behind; milestones are recorded as 未完成; a
baseline the plan does not give stays missing (the status asks for it on screen, never in a
document). Every value is recorded by a named user, so a document that leaked login names would
show 王填报.
"""

from __future__ import annotations

from planmonitor.domain.indicator import Cadence, Indicator, Nature, TargetForm
from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.report_trend import schedule_or_none
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, builtin_plans
from planmonitor.store.database import Database

SEED_PLANS = ("shanhaiguan", "cangzhou", "xx-district", "chengde", "shijiazhuang")
QUARTER = Period.quarter(2024, 3)
USER = "王填报"
LEVELS = (1.03, 0.96, 0.8)  # on schedule, slightly behind, behind


def comment_for(ind: Indicator) -> str:
    """The comment recorded with the value shown for ``ind``: unique per plan and indicator."""
    return f"{ind.name}受项目建设进度影响，部分数据尚在核实（情况说明{ind.code}）"


def _entries(ind: Indicator, level: float) -> list[Entry]:
    form = ind.target.form
    note = comment_for(ind) if level < 1 else ""
    if form is TargetForm.MILESTONE:
        return [Entry(ind.code, QUARTER, 0.0, standing=Standing.FINAL, comment=comment_for(ind))]
    if form is TargetForm.GROWTH_RATE:
        rate = (ind.target.rate or 10.0) * level
        years = [
            Entry(ind.code, Period.annual(y), rate, standing=Standing.FINAL) for y in (2021, 2022)
        ]
        return [
            *years,
            Entry(ind.code, Period.annual(2023), rate, standing=Standing.FINAL, comment=note),
        ]
    sched = schedule_or_none(ind)
    if sched is None:  # no baseline: a value all the same, the light stays grey
        target = ind.final_target() or 10.0
        late = ind.cadence is Cadence.ANNUAL_LATE
        period = Period.annual(2023) if late else QUARTER
        return [Entry(ind.code, period, round(target * 0.6, ind.decimals), comment=note)]

    def at(period: Period) -> float:
        base = sched.start_value if sched.start_value is not None else 0.0
        due = sched.expected(period)
        value = (
            due * level if ind.nature is Nature.FLOW or sched.quota else base + (due - base) * level
        )
        return round(value, ind.decimals)

    if ind.cadence is Cadence.ANNUAL_LATE:
        return [
            Entry(ind.code, Period.annual(2022), at(Period.annual(2022)), standing=Standing.FINAL),
            Entry(
                ind.code,
                Period.annual(2023),
                at(Period.annual(2023)),
                standing=Standing.FINAL,
                comment=note,
            ),
        ]
    return [
        Entry(ind.code, Period.quarter(2023, 3), at(Period.quarter(2023, 3))),
        Entry(
            ind.code, Period.quarter(2023, 4), at(Period.quarter(2023, 4)), standing=Standing.FINAL
        ),
        Entry(ind.code, QUARTER, at(QUARTER), comment=note),
    ]


def record_seed_plans(db: Database) -> None:
    """Install the five built-in plans and record their values (one transaction per plan)."""
    plans = {p.id: p for p in builtin_plans()}
    for plan_id in SEED_PLANS:
        plan = plans[plan_id]
        PlanService(db).install(plan)
        entries = [
            e
            for i, ind in enumerate(plan.indicators)
            for e in _entries(ind, LEVELS[i % len(LEVELS)])
        ]
        ObservationService(db).record_many(plan_id, entries, by=USER)
