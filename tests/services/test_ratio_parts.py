"""ObservationService with numerator and denominator (the API the entry grid and imports use)."""

from __future__ import annotations

import pytest

from planmonitor.domain.periods import Period
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database

Y2023 = Period.annual(2023)


@pytest.fixture
def cangzhou(db: Database) -> Database:
    PlanService(db).install(plan_source("cangzhou"))
    return db


def test_parts_are_stored_with_the_ratio_and_compared_on_re_entry(cangzhou: Database) -> None:
    obs = ObservationService(cangzhou)
    first = obs.record("cangzhou", Entry("01", Y2023, None, numerator=70.4, denominator=4400))
    again = obs.record("cangzhou", Entry("01", Y2023, None, numerator=70.4, denominator=4400))
    revised = obs.record("cangzhou", Entry("01", Y2023, None, numerator=72.6, denominator=4400))
    assert [o.kind for o in (first, again, revised)] == ["new", "unchanged", "changed"]
    assert revised.previous == pytest.approx(1.6)
    (current,) = [o for o in obs.current("cangzhou") if o.indicator == "01"]
    assert current.value == pytest.approx(1.65)
    assert (current.numerator, current.denominator) == (72.6, 4400)
    history = obs.history("cangzhou", "01")
    assert [(h.numerator, h.is_current) for h in history] == [(70.4, False), (72.6, True)]


def test_bad_parts_in_a_batch_write_nothing(cangzhou: Database) -> None:
    obs = ObservationService(cangzhou)
    good = Entry("05", Period.quarter(2023, 3), 990.0)
    bad = Entry("01", Y2023, None, numerator=70.4, denominator=-1)
    with pytest.raises(UserError, match="分母（地区生产总值（亿元））应大于零"):
        obs.record_many("cangzhou", [good, bad])
    assert obs.current("cangzhou") == []
