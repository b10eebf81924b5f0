"""Recording and reading one region's values reads that region's row, not every region's."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from planmonitor.domain.periods import Period
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.models import RegionRow

PLAN = "cangzhou"
Q3 = Period.quarter(2023, 3)


@pytest.fixture
def county(db):
    plans = PlanService(db)
    plans.install(plan_source(PLAN))
    for i in range(1, 21):
        plans.add_region(PLAN, f"Z{i:02d}", f"第{i}镇")
    plans.add_region(PLAN, "Z99", "Z01")  # a name that is another region's code
    plans.add_region(PLAN, "Z98", "第1镇乙")
    return db


@pytest.fixture
def region_loads():
    loaded: list[str] = []

    def on_load(target: RegionRow, _context: object) -> None:
        loaded.append(target.code)

    event.listen(RegionRow, "load", on_load)
    yield loaded
    event.remove(RegionRow, "load", on_load)


def test_one_region_is_read_alone(county, region_loads: list[str]) -> None:
    obs = ObservationService(county)
    obs.record(PLAN, Entry("05", Q3, 120, region="第3镇"))
    assert [o.value for o in obs.current(PLAN, "Z03")] == [120]
    assert obs.current(PLAN) == []
    assert set(region_loads) == {"Z03", "*"}


def test_codes_win_over_names_and_earlier_names_over_later(county) -> None:
    obs = ObservationService(county)
    obs.record(PLAN, Entry("05", Q3, 1, region="Z01"))  # the code Z01, not region Z99 named Z01
    assert [o.region for o in obs.current(PLAN, "第1镇")] == ["Z01"]
    assert obs.current(PLAN, "Z99") == []
    with pytest.raises(UserError, match=r"没有地区“第30镇”（现有：.*第20镇"):
        obs.record(PLAN, Entry("05", Q3, 1, region="第30镇"))


def test_many_regions_in_one_import_are_found_alike(county) -> None:
    entries = [Entry("05", Q3, float(i), region=f"第{i}镇") for i in range(1, 21)]
    entries.append(Entry("05", Q3, 99.0, region="Z01"))  # the same region by code: changed
    outcomes = ObservationService(county).record_many(PLAN, entries)
    assert [o.kind for o in outcomes] == ["new"] * 20 + ["changed"]
    current = {o.region: o.value for o in ObservationService(county).current(PLAN, "Z01")}
    assert current == {"Z01": 99.0}
