"""One region's status reads that region's values only (and its sub-units' where they are newer),
and answers exactly what evaluating every region at once answers."""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from sqlalchemy import event, select

from planmonitor.domain.periods import Period
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.report import build_report
from planmonitor.services.status import StatusData, StatusService
from planmonitor.store.models import IndicatorRow, ObservationRow, RegionRow, RegionTargetRow

PLAN = "cangzhou"
# root ← C1 (← T1, T2), C2 (← T3), C3, C4
REGIONS = [("C1", "甲县", "*"), ("C2", "乙县", "*"), ("C3", "丙县", "*"), ("C4", "丁县", "*")]
TOWNS = [("T1", "一镇", "C1"), ("T2", "二镇", "C1"), ("T3", "三镇", "C2")]
QUARTERS = [Period.quarter(y, q) for y in (2021, 2022, 2023) for q in (1, 2, 3, 4)]
ASKED = [Period.quarter(2022, 4), Period.quarter(2023, 2), Period.quarter(2023, 3)]


@pytest.fixture
def city(db):
    """A city whose regions report unevenly: some up to date, some stale, some only below."""
    plans = PlanService(db)
    plans.install(plan_source(PLAN))
    for code, name, parent in REGIONS + TOWNS:
        plans.add_region(PLAN, code, name, parent)
    plan = plans.get(PLAN)
    rng = random.Random(16)
    entries = []
    # how far each region's own reporting goes (index into QUARTERS; -1: it never reports itself)
    reach = {"*": 9, "C1": -1, "C2": 11, "C3": 6, "C4": 10, "T1": 11, "T2": 10, "T3": 11}
    for ind in plan.indicators:
        for region in ["*", *[r[0] for r in REGIONS + TOWNS]]:
            last = reach[region] - (1 if rng.random() < 0.3 else 0)
            scale = 1.0 if region == "*" else 0.2
            for i, period in enumerate(QUARTERS[: last + 1]):
                if rng.random() < 0.1:  # a gap
                    continue
                base = ind.baseline if ind.baseline is not None else 10.0
                value = round(base * scale * (1 + 0.03 * i) * rng.uniform(0.9, 1.1), 3)
                if ind.target.form.value == "milestone":
                    value = float(i > 8)
                parts = {}
                if ind.ratio is not None and region != "*":
                    parts = {"numerator": value * 10, "denominator": 10.0 * ind.ratio.scale}
                    value = value
                entries.append(Entry(ind.code, period, value, region=region, **parts))
    ObservationService(db).record_many(PLAN, entries, by="测试")
    corrections = [e for e in entries if rng.random() < 0.05]
    ObservationService(db).record_many(
        PLAN, [Entry(e.code, e.period, (e.value or 0) + 1, region=e.region) for e in corrections]
    )
    with db.session.begin() as s:
        regions = {r.code: r.id for r in s.scalars(select(RegionRow))}
        for ind_row in s.scalars(select(IndicatorRow)):
            for code in ("C1", "C2", "C4", "T1"):
                if rng.random() < 0.7:
                    base = ind_row.baseline if ind_row.baseline is not None else 10.0
                    s.add(
                        RegionTargetRow(
                            indicator_id=ind_row.id,
                            region_id=regions[code],
                            baseline=base * 0.2,
                            target_value=(ind_row.target_value or base * 1.5) * 0.2,
                        )
                    )
    return db


def test_one_region_answers_what_every_region_at_once_answers(city) -> None:
    service = StatusService(city)
    plan = PlanService(city).get(PLAN)
    compared = 0
    for asked in ASKED:
        every = service.evaluate_all(PLAN, asked)
        for region in plan.regions:
            one = service.evaluate(PLAN, asked, region.code)
            expected = [item for item in every if item.region.code == region.code]
            assert [i.indicator.code for i in one] == [i.indicator.code for i in expected]
            for got, want in zip(one, expected, strict=True):
                assert got.status == want.status, (asked, region.code, got.indicator.code)
                assert got.status.explanation_zh == want.status.explanation_zh
                assert got.status.incomplete == want.status.incomplete
                compared += 1
    assert compared == len(ASKED) * 8 * len(plan.indicators)
    # the data exercise the roll-up: somewhere a region's answer comes from its sub-units
    every = service.evaluate_all(PLAN, Period.quarter(2023, 3))
    c1 = [i for i in every if i.region.code == "C1" and i.status.actual is not None]
    assert c1, "甲县 reports nothing itself: its values are its towns' sum"


def _regions_read(loaded: StatusData) -> set[int]:
    return {reg_id for (_ind, reg_id) in loaded.values}


def test_one_region_reads_no_other_region_values(city) -> None:
    asked = Period.quarter(2023, 3)
    with city.session() as s:
        loaded = StatusData(s, PLAN, asked)
        ids = loaded.region_ids
        loaded.statuses([loaded.find_region("C3")])
        assert _regions_read(loaded) == {ids["C3"]}
        assert {reg for _ind, reg in loaded.region_targets} <= {ids["C3"]}
    with city.session() as s:
        loaded = StatusData(s, PLAN, asked)
        loaded.statuses([loaded.find_region("C2")])  # up to date: its town is not read
        own = {ind for ind, reg in loaded.values if reg == ids["C2"]}
        towns = {ind for ind, reg in loaded.values if reg == ids["T3"]}
        assert own and towns < own


def test_sub_units_are_read_only_for_indicators_where_they_are_newer(city) -> None:
    asked = Period.quarter(2023, 3)
    with city.session() as s:
        loaded = StatusData(s, PLAN, asked)
        ids = loaded.region_ids
        loaded.statuses([loaded.find_region(None)])  # the city's own figures end at 2023Q2
        counties = {ids[c] for c, _n, _p in REGIONS}
        assert _regions_read(loaded) <= {ids["*"], *counties}
        newer = {
            ind
            for (ind, reg), values in loaded.values.items()
            if reg in counties
            and any(p.moment > Period.quarter(2023, 2).moment for p, _v in values)
        }
        read = {ind for ind, reg in loaded.values if reg in counties}
        assert read and read == newer  # no county values read for an indicator where none is newer


def test_the_report_of_one_region_matches_its_status(city) -> None:
    asked = Period.quarter(2023, 3)
    statuses = {
        i.indicator.code: i.status
        for i in StatusService(city).evaluate_all(PLAN, asked)
        if i.region.code == "C1"
    }
    report = build_report(city, PLAN, asked, "C1", report_date=datetime(2023, 10, 8).date())
    rows = [r for g in report.groups for r in g.rows]
    assert {r.code: (r.actual, r.light) for r in rows} == {
        code: (st.actual, st.light) for code, st in statuses.items()
    }


def test_superseded_values_are_not_read(city) -> None:
    with city.session() as s:
        superseded = s.scalar(
            select(ObservationRow).where(ObservationRow.superseded_at.is_not(None))
        )
        assert superseded is not None
        loaded = StatusData(s, PLAN, Period.quarter(2023, 4))
        region = next(
            r for r in loaded.plan.regions if loaded.region_ids[r.code] == superseded.region_id
        )
        loaded.statuses([region])
        code_period = {
            (ind, p.year, p.month or 0, v)
            for (ind, reg), vals in loaded.values.items()
            if reg == superseded.region_id
            for p, v in vals
        }
        key = (superseded.indicator_id, superseded.year, superseded.month, superseded.value)
        assert key not in code_period


def test_loading_more_regions_later_reads_each_value_once(city) -> None:
    asked = Period.quarter(2023, 3)
    with city.session() as s:
        every = StatusData(s, PLAN, asked)
        expected = every.statuses(list(every.plan.regions))
    with city.session() as s:
        loaded = StatusData(s, PLAN, asked)
        first = loaded.statuses([loaded.find_region("C1")])  # reads its towns for the roll-up
        rest = loaded.statuses(list(loaded.plan.regions))
        assert {k: sorted(v) for k, v in loaded.values.items()} == {
            k: sorted(v) for k, v in every.values.items()
        }
    assert [i.status for i in rest] == [i.status for i in expected]
    assert [i.status for i in first] == [i.status for i in expected if i.region.code == "C1"]


def test_one_region_status_builds_no_object_per_region(city) -> None:
    loaded: list[str] = []

    def on_load(target: RegionRow, _context: object) -> None:
        loaded.append(target.code)

    event.listen(RegionRow, "load", on_load)
    try:
        items = StatusService(city).evaluate(PLAN, Period.quarter(2023, 3), "丙县")
    finally:
        event.remove(RegionRow, "load", on_load)
    assert {i.region.code for i in items} == {"C3"}
    assert loaded == []
