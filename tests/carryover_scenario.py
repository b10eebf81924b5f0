"""A 十四五 plan with values through 2025 and its 十五五 successor carrying indicators over.

沧州 十四五 (cangzhou, 2020—2025): 05 高新技术企业数量 (家, a stock) has year-end values
2021—2025; 09 技术合同成交额 (亿元, a 1—N月 cumulative flow) has quarterly values in 2024 and
2025. The successor cangzhou-15 (2025—2030), drafted from it with SuccessorService, carries
every indicator over; 05 aims at 2000 家 and 09 at 260 亿元; it has 2026 values of its own.
"""

from __future__ import annotations

from dataclasses import replace

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan, PlanRef
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plan_drafts import install_draft
from planmonitor.services.plans import InstallResult, PlanService, plan_source
from planmonitor.services.successors import SuccessorService
from planmonitor.store.database import Database

STOCK_2021_2025 = [(2021, 880.0), (2022, 990.0), (2023, 1100.0), (2024, 1210.0), (2025, 1320.0)]
FLOW_2024 = [(1, 20.0), (2, 45.0), (3, 80.0), (4, 120.0)]
FLOW_2025 = [(1, 25.0), (2, 60.0), (3, 100.0), (4, 150.0)]
OWN_2026 = [("05", 1, 1350.0), ("05", 2, 1400.0), ("09", 1, 30.0), ("09", 2, 70.0)]
TARGETS = {"05": 2000.0, "09": 260.0}


def predecessor_with_values(db: Database) -> None:
    """Install 沧州 十四五 and record its values."""
    PlanService(db).install(plan_source("cangzhou"))
    obs = ObservationService(db)
    for year, value in STOCK_2021_2025:
        obs.record("cangzhou", Entry("05", Period.quarter(year, 4), value, standing=Standing.FINAL))
    for year, points in ((2024, FLOW_2024), (2025, FLOW_2025)):
        for q, value in points:
            obs.record("cangzhou", Entry("09", Period.quarter(year, q), value))


def install_successor(db: Database, plan_id: str = "cangzhou-15") -> InstallResult:
    """Draft the successor from the plan in the database (the wizard's third way), fill in the
    targets (the rest become level targets 10 % above the baseline, or 100) and install it."""
    draft = SuccessorService(db).successor_draft("cangzhou")
    for ind in draft.indicators:
        base = ind.baseline
        ind.form, ind.milestones, ind.increase, ind.rate, ind.due = "level", [], None, None, None
        ind.target = TARGETS.get(ind.code, (base * 1.1) if base else 100.0)
    return install_draft(db, draft, plan_id)


def successor_with_values(db: Database) -> None:
    """Both plans, and the successor's own 2026 values."""
    predecessor_with_values(db)
    install_successor(db)
    obs = ObservationService(db)
    for code, q, value in OWN_2026:
        obs.record("cangzhou-15", Entry(code, Period.quarter(2026, q), value))


def successor_plan(plan_id: str = "cangzhou-15") -> Plan:
    """沧州 十五五 as a plan (for plan files): 01—03 carried over from 十四五, 04 new."""
    from planmonitor.domain.indicator import Target, TargetForm

    old = plan_source("cangzhou")
    inds = tuple(
        replace(
            i,
            baseline_year=2025,
            target_year=2030,
            baseline=None,
            target=Target(TargetForm.LEVEL, value=TARGETS.get(i.code, 100.0)),
            predecessor=i.code if k < 3 else "",
            position=k + 1,
        )
        for k, i in enumerate(old.indicators[:4])
    )
    return replace(
        old,
        id=plan_id,
        title="沧州市科技创新“十五五”规划",
        baseline_year=2025,
        target_year=2030,
        indicators=inds,
        tasks=(),
        predecessor=PlanRef("cangzhou", old.title),
    )
