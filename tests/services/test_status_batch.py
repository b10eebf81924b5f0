"""Status over every pair of a city (the batch path: one loop per indicator over its regions)
answers exactly what the engine answers pair by pair, for every target form the domain has."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from planmonitor.domain.indicator import (
    Cadence,
    Comparator,
    Indicator,
    Nature,
    ReleaseProfile,
    Target,
    TargetForm,
)
from planmonitor.domain.observation import Series, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION, Plan, Region
from planmonitor.domain.regional import Regional, region_indicator
from planmonitor.domain.rollup import Part, can_roll_up, roll_up
from planmonitor.domain.status import evaluate, mark_incomplete, not_decomposed
from planmonitor.domain.status_result import Status
from planmonitor.exchange.planfiles.planfile import load_builtin_plans
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plan_settings import PlanSettingsService
from planmonitor.services.plans import PlanService
from planmonitor.services.status import StatusData, StatusService

PLAN = "city16"
ASKED = [
    Period.quarter(2021, 1),
    Period.quarter(2022, 2),
    Period.quarter(2023, 3),
    Period.quarter(2024, 4),
    Period.quarter(2025, 3),
    Period.quarter(2025, 4),  # the target year's verdict
]
QUARTERS = [Period.quarter(y, q) for y in range(2021, 2026) for q in (1, 2, 3, 4)]


def _decreasing() -> list[Indicator]:
    """≤ targets, which no built-in plan of 2020 has (a falling stock, a ceiling, a flow and a
    quota), a ≥ quota, a growing flow and growth rates worded 左右."""
    le = Comparator.LE
    return [
        Indicator("L1", "单位产值能耗", "吨", Target(TargetForm.LEVEL, le, 8.0), 2020, 2025,
                  baseline=10.0),
        Indicator("L2", "安全事故起数上限", "起", Target(TargetForm.LEVEL, le, 12.0), 2020, 2025,
                  baseline=9.0, decimals=0),
        Indicator("L3", "年度排放量", "万吨", Target(TargetForm.LEVEL, le, 40.0), 2020, 2025,
                  baseline=50.0, nature=Nature.FLOW, cadence=Cadence.CUMULATIVE_FLOW),
        Indicator("L4", "年度用水量", "万吨", Target(TargetForm.QUOTA, le, 30.0), 2020, 2025,
                  nature=Nature.FLOW, cadence=Cadence.CUMULATIVE_FLOW),
        Indicator("L5", "批量下降", "家", Target(TargetForm.LEVEL, le, 20.0), 2020, 2025,
                  baseline=30.0, cadence=Cadence.BATCH,
                  profile=ReleaseProfile((0.0, 0.0, 0.0, 1.0))),
        # the built-in plans of 2020 have neither a ≥ quota nor a growing flow (xx-district's
        # plan of 2025 has both)
        Indicator("Q1", "年度技术合同登记额", "亿元", Target(TargetForm.QUOTA, Comparator.GE,
                  20.0), 2020, 2025, nature=Nature.FLOW, cadence=Cadence.CUMULATIVE_FLOW),
        Indicator("G1", "全社会研发投入", "亿元", Target(TargetForm.CAGR, Comparator.GE,
                  rate=10.0), 2020, 2025, baseline=40.0, nature=Nature.FLOW,
                  cadence=Cadence.CUMULATIVE_FLOW),
        # growth rates worded 左右: in % (the absolute tolerance) and in a unit of their own
        Indicator("G2", "地区生产总值增速", "%", Target(TargetForm.GROWTH_RATE,
                  Comparator.APPROX, rate=7.0), 2020, 2025, baseline=6.5),
        Indicator("G3", "工业增加值增长指数", "点", Target(TargetForm.GROWTH_RATE,
                  Comparator.APPROX, value=8.0, rate=8.0), 2020, 2025, baseline=7.0),
    ]  # fmt: skip


def _plan() -> Plan:
    """Every built-in indicator that differs in form, nature, comparator, cadence, baseline,
    milestones or ratio, plus the ≤ forms: one plan of 2020—2025."""
    seen: set[tuple[object, ...]] = set()
    inds: list[Indicator] = []
    for plan in load_builtin_plans():
        for ind in plan.indicators:
            t = ind.target
            shape = (t.form, ind.nature, t.comparator, ind.cadence, ind.baseline is None,
                     bool(t.milestones), ind.ratio, ind.is_percent, ind.profile)  # fmt: skip
            if shape in seen or ind.baseline_year != 2020:
                continue
            seen.add(shape)
            inds.append(replace(ind, code=f"{len(inds) + 1:02d}", category=""))
    inds += _decreasing()
    return Plan(PLAN, "全市测试规划", "测试市", 2020, 2025, tuple(inds))


def _value(ind: Indicator, i: int, scale: float, rng: random.Random) -> float:
    t = ind.target
    if t.form is TargetForm.MILESTONE:
        return float(i > 12 or (i > 6 and rng.random() < 0.3))
    if t.form is TargetForm.GROWTH_RATE:
        return round(rng.uniform(-2, 12), 2)
    base = ind.baseline if ind.baseline is not None else (t.value or 10.0) * 0.7
    end = ind.final_target() or base * 1.4
    if ind.nature is Nature.FLOW:
        return round(end * scale * (i % 4 + 1) / 4 * rng.uniform(0.7, 1.2), 3)
    return round((base + (end - base) * i / 20 * rng.uniform(0.6, 1.3)) * scale, 3)


@pytest.fixture
def city(db):
    """30 counties (some with towns), uneven reporting, corrections, standings, region targets
    (some without a baseline or a target, some regions none), revisions in force mid-plan."""
    plans = PlanService(db)
    plans.install(_plan())
    rng = random.Random(1616)
    counties = [(f"C{i:02d}", f"第{i}县", ROOT_REGION) for i in range(1, 31)]
    towns = [(f"T{i:02d}", f"第{i}镇", f"C{i % 5 + 1:02d}") for i in range(1, 13)]
    for code, name, parent in counties + towns:
        plans.add_region(PLAN, code, name, parent)
    plan = plans.get(PLAN)
    # revisions: a higher target from 2023, a ≈ wording from mid-2022
    up, approx = [i for i in plan.indicators if i.target.form is TargetForm.LEVEL and i.baseline][
        :2
    ]
    raised = replace(up.target, value=(up.final_target() or 10) * 1.2, text="上调")
    plans.revise_target(PLAN, up.code, raised, date(2023, 1, 1), "上调")
    about = replace(approx.target, comparator=Comparator.APPROX, text="左右")
    plans.revise_target(PLAN, approx.code, about, date(2022, 7, 1), "改为左右")
    entries: list[Entry] = []
    for ind in plan.indicators:
        for code in [ROOT_REGION] + [c for c, _n, _p in counties + towns]:
            scale = 1.0 if code == ROOT_REGION else 0.05
            reach = len(QUARTERS) - (rng.randrange(12) if rng.random() < 0.35 else 0)
            if code in ("C01", "C02") and rng.random() < 0.7:
                reach = 6  # counties behind their towns: the towns roll up
            for i, period in enumerate(QUARTERS[:reach]):
                if rng.random() < 0.08:
                    continue  # a gap
                annual = ind.cadence is Cadence.ANNUAL_LATE and period.month == 12
                at = Period.annual(period.year) if annual and rng.random() < 0.6 else period
                if ind.cadence is Cadence.ANNUAL_LATE and at.month != 12 and rng.random() < 0.6:
                    continue
                value = _value(ind, i, scale, rng)
                standing = rng.choice(list(Standing))
                if ind.ratio is not None and code != ROOT_REGION and rng.random() < 0.8:
                    den = round(rng.uniform(50, 150), 1)
                    num = value * den / ind.ratio.scale
                    entries.append(Entry(ind.code, at, None, region=code, standing=standing,
                                         numerator=num, denominator=den))  # fmt: skip
                else:
                    entries.append(Entry(ind.code, at, value, region=code, standing=standing))
    observations = ObservationService(db)
    observations.record_many(PLAN, entries, by="测试")
    milestones = {i.code for i in plan.indicators if i.target.form is TargetForm.MILESTONE}
    corrected = [e for e in entries if e.value is not None and rng.random() < 0.06]
    observations.record_many(
        PLAN,
        [
            Entry(e.code, e.period, 1 - e.value if e.code in milestones else e.value * 1.05,
                  region=e.region, standing=Standing.FINAL)
            for e in corrected
        ],
    )  # fmt: skip
    settings = PlanSettingsService(db)
    for ind in plan.indicators:
        shares = []
        for code, _n, _p in counties + towns:
            roll = rng.random()
            if roll < 0.15:
                continue  # not decomposed
            base = ind.baseline if ind.baseline is not None else 7.0
            target = ind.final_target() or base * 1.4
            b = None if roll < 0.2 else round(base * 0.05 * rng.uniform(0.8, 1.2), 3)
            t = round(target * 0.05 * rng.uniform(0.8, 1.2), 3)
            if 0.25 <= roll < 0.3 and b is not None:
                t = b  # nothing to gain: the value is compared with the target directly
            if 0.2 <= roll < 0.25:
                t = None  # a baseline without an amount (for a quota: grey, no target)
            shares.append((code, t, b))
        settings.set_region_targets(PLAN, ind.code, [s for s in shares if s[1] or s[2]])
    return db


def _engine(read: dict, loaded: StatusData, region: Region, asked: Period) -> list[Status]:
    """The engine pair by pair, on values read apart from the batch's loader (as the service
    reads them: current values of periods up to the quarter asked)."""
    own = _current(read, region.code, asked)
    children = [r for r in loaded.plan.sub_regions if (r.parent or ROOT_REGION) == region.code]
    below = {
        r.name: {
            code: [row for row in rows if row[0].moment <= asked.moment]
            for code, rows in _current(read, r.code, asked).items()
        }
        for r in children
    }
    out = []
    for ind in loaded.plan.indicators:
        current = loaded._in_force(ind)
        values = {p: v for p, v, _num, _den in own.get(ind.code, [])}
        missing = None
        newest = max((p.moment for p in values if p.moment <= asked.moment), default=0)
        newer = any(
            p.moment > newest for rows in below.values() for p, *_ in rows.get(ind.code, [])
        )
        if children and can_roll_up(current) and newer:
            units = {
                name: {p: Part(v, num, den) for p, v, num, den in rows.get(ind.code, [])}
                for name, rows in below.items()
            }
            rolled = roll_up(current, units)
            values = {**rolled.values, **values}
            top = max((p.moment for p in values), default=0)
            gaps = [(p, names) for p, names in rolled.incomplete.items() if p.moment > top]
            missing = max(gaps, key=lambda g: g[0].sort_key) if gaps else None
        series = Series(values)
        reg_id = loaded.region_ids[region.code]
        ind_id = next(i for i, c in loaded.ind_ids.items() if c == ind.code)
        if region.code == ROOT_REGION:
            st = evaluate(current, series, asked, loaded.plan.settings)
        elif (share := loaded.region_targets.get((ind_id, reg_id))) is None:
            st = not_decomposed(current, series, asked)
        else:
            st = evaluate(region_indicator(current, *share), series, asked, loaded.plan.settings)
        out.append(mark_incomplete(st, *missing) if missing else st)
    return out


def _current(read: dict, region: str, asked: Period) -> dict[str, list[tuple]]:
    """Current values of periods up to the quarter asked, by indicator code
    (ObservationService's)."""
    out: dict[str, list[tuple]] = {}
    for o in read[region]:
        if o.value is not None and o.period.moment <= asked.moment:
            out.setdefault(o.indicator, []).append((o.period, o.value, o.numerator, o.denominator))
    return out


def test_every_pair_of_the_city_agrees_with_the_engine(city) -> None:
    forms: dict[str, int] = {}
    batched = 0
    compared = 0
    regions = PlanService(city).get(PLAN).regions
    read = {r.code: ObservationService(city).current(PLAN, r.code) for r in regions}
    for asked in ASKED:
        every = StatusService(city).evaluate_all(PLAN, asked)
        if asked == ASKED[2]:
            _made_when_first_read([i.status for i in every])
        with city.session() as s:
            loaded = StatusData(s, PLAN, asked)
            loaded.load(list(loaded.plan.regions))
            by_region = {r.code: _engine(read, loaded, r, asked) for r in loaded.plan.regions}
        fast = {(i.region.code, i.indicator.code): i.status for i in every}
        for region in loaded.plan.regions:
            for ind, want in zip(loaded.plan.indicators, by_region[region.code], strict=True):
                got = fast[(region.code, ind.code)]
                where = (asked.key, region.code, ind.code)
                assert got.light is want.light, where
                assert got.progress == want.progress, where
                assert got.expected == want.expected, where
                assert got.explanation_zh == want.explanation_zh, where
                assert got.explanation_en == want.explanation_en, where
                assert got.forecast == want.forecast, where
                assert got == want, where  # every other field too
                if isinstance(getattr(got.explainer, "__self__", None), Regional):
                    batched += 1
                    forms[got.kind] = forms.get(got.kind, 0) + 1
                compared += 1
    plan = PlanService(city).get(PLAN)
    assert compared == len(ASKED) * 43 * len(plan.indicators)
    # the batch loop answered most sub-region pairs itself, in each of its rules
    assert batched > compared / 3, (batched, compared)
    assert {"stock", "flow", "ceiling", "direct"} <= set(forms), forms
    # and the city has every target form, with each light and the roll-up's gaps
    kinds = {i.target.form for i in plan.indicators}
    assert kinds == set(TargetForm)
    lights = {i.status.light.value for i in StatusService(city).evaluate_all(PLAN, ASKED[2])}
    assert {"green", "yellow", "red", "grey"} <= lights, lights
    reasons = {i.status.reason for i in StatusService(city).evaluate_all(PLAN, ASKED[2])}
    assert {"no_target", "no_baseline", "no_region_target"} <= reasons, reasons


def _made_when_first_read(statuses: list[Status]) -> None:
    """Explanations and forecasts are worked out when first read, not for every pair."""
    graded = [st for st in statuses if st.progress is not None]
    assert graded and all(st._sentences is None for st in graded)
    st = next(st for st in graded if st.forecaster is not None)
    text = st.explanation_zh
    assert st.forecaster is None and st._sentences is not None  # the forecast was read for it
    assert "序时" in text or "目标" in text
