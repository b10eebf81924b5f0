"""The demo (演示数据): one seed plan with clearly labelled synthetic quarterly values.

The demo lives in its own database file, never in a real one: :func:`create_demo` refuses a
database that holds a plan that is not a demo.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from planmonitor.domain.indicator import Indicator, Nature, TargetForm
from planmonitor.domain.observation import Source, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.schedule import NoSchedule, build_schedule
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database

DEMO_PLAN = "chengde"
DEMO_SUFFIX = "（演示数据）"
DEMO_UNTIL = Period.quarter(2024, 3)
_SOURCE = Source("demo")
_COMMENTS = {
    "red": "受认定批次推迟影响，进度滞后，已约谈相关单位",
    "yellow": "略低于序时进度，第四季度集中推进",
}


def demo_database_path() -> Path:
    """Where the demo database lives: beside the default database, never in it."""
    from planmonitor.store.database import default_database_path

    return default_database_path().with_name("planmonitor-demo.sqlite")


def _factor(rng: random.Random, code: str) -> float:
    # most indicators on schedule, some slightly behind, a few clearly behind
    return {0: 1.04, 1: 0.95, 2: 0.82}.get(int(code) % 5, 1.0) * rng.uniform(0.99, 1.02)


def _quarters() -> list[Period]:
    q, out = Period.quarter(2021, 1), []
    while q <= DEMO_UNTIL:
        out.append(q)
        q = q.add_quarters(1)
    return out


def _entries(ind: Indicator, rng: random.Random) -> list[Entry]:
    form = ind.target.form
    f = _factor(rng, ind.code)
    if form is TargetForm.MILESTONE:
        return [
            Entry(
                ind.code,
                Period.quarter(2021, 4),
                1.0,
                standing=Standing.FINAL,
                comment="演示：已完成",
                source=_SOURCE,
            )
        ]
    if form is TargetForm.GROWTH_RATE:
        rate = ind.target.rate or 0.0
        return [
            Entry(
                ind.code,
                Period.annual(y),
                round(rate * f * rng.uniform(0.9, 1.1), 2),
                standing=Standing.FINAL,
                source=_SOURCE,
            )
            for y in range(ind.baseline_year + 1, DEMO_UNTIL.year)
        ]
    try:
        sched = build_schedule(ind)
    except NoSchedule:
        return []
    b = sched.start_value
    out = []
    for q in _quarters():
        if ind.cadence.value == "annual_late" and (q.end_month != 12 or q.year >= DEMO_UNTIL.year):
            continue
        e = sched.expected(q)
        flow = ind.nature is Nature.FLOW or sched.quota
        value = e * f if flow else b + (e - b) * f
        period = Period.annual(q.year) if ind.cadence.value == "annual_late" else q
        standing = Standing.FINAL if q.year < DEMO_UNTIL.year else Standing.PRELIMINARY
        out.append(
            Entry(ind.code, period, round(value, ind.decimals), standing=standing, source=_SOURCE)
        )
    if out and f < 0.97:
        out[-1] = replace(out[-1], comment=_COMMENTS["red" if f < 0.9 else "yellow"])
    return out


def create_demo(db: Database, seed: int = 2024) -> str:
    """Install the demo plan with synthetic values; returns the plan id. Idempotent."""
    plans = PlanService(db)
    existing = plans.list_plans()
    if any(not p.is_demo for p in existing):
        raise UserError("该数据库中已有正式规划；演示数据只能写入单独的演示数据库")
    plan = plan_source(DEMO_PLAN)
    plan = replace(plan, id=f"{plan.id}-demo", title=plan.title + DEMO_SUFFIX)
    if any(p.id == plan.id for p in existing):
        return plan.id
    plans.install(plan, is_demo=True)
    rng = random.Random(seed)
    entries = [e for ind in plan.indicators for e in _entries(ind, rng)]
    ObservationService(db).record_many(plan.id, entries, by="演示数据")
    return plan.id
