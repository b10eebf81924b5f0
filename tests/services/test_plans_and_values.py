"""Plans and values through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from planmonitor.domain.formatting import Light
from planmonitor.domain.indicator import Target, TargetForm
from planmonitor.domain.observation import Source, Standing
from planmonitor.domain.periods import Period
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, builtin_plans, plan_source
from planmonitor.services.status import StatusService
from planmonitor.store.models import ObservationRow

Q3_2023 = Period.quarter(2023, 3)


@pytest.fixture
def cangzhou(db):
    PlanService(db).install(plan_source("cangzhou"))
    return db


def test_every_builtin_plan_round_trips_through_the_database(db) -> None:
    service = PlanService(db)
    for plan in builtin_plans():
        assert service.install(plan).created
        assert service.get(plan.id) == plan
    counts = {p.id: p.indicators for p in service.list_plans()}
    assert counts == {
        "shanhaiguan": 4,
        "cangzhou": 17,  # 11 in the table, 6 targets inside key tasks
        "xx-district": 16,
        "chengde": 37,  # 11 + 26
        "shijiazhuang": 28,  # 16 + 12
    }


def test_installing_the_same_plan_twice_is_a_no_op(cangzhou) -> None:
    again = PlanService(cangzhou).install(plan_source("cangzhou"))
    assert not again.created and again.plan.indicators == 17
    assert len(PlanService(cangzhou).list_plans()) == 1


def test_the_plan_must_be_named_when_there_are_several(cangzhou) -> None:
    service = PlanService(cangzhou)
    assert service.resolve(None) == "cangzhou"
    service.install(plan_source("chengde"))
    with pytest.raises(UserError, match=r"多个规划.*cangzhou、chengde"):
        service.resolve(None)


def test_a_correction_keeps_the_earlier_value_in_the_history(cangzhou) -> None:
    obs = ObservationService(cangzhou)
    first = obs.record("cangzhou", Entry("05", Q3_2023, 990, standing=Standing.ESTIMATE), by="张三")
    same = obs.record("cangzhou", Entry("05", Q3_2023, 990, standing=Standing.ESTIMATE), by="张三")
    fixed = obs.record(
        "cangzhou",
        Entry("05", Q3_2023, 1001, standing=Standing.FINAL, comment="省科技厅公布第二批"),
        by="李四",
    )
    assert (first.kind, same.kind, fixed.kind, fixed.previous) == (
        "new",
        "unchanged",
        "changed",
        990,
    )
    history = obs.history("cangzhou", "05")
    assert [(h.value, h.standing, h.is_current, h.recorded_by) for h in history] == [
        (990, Standing.ESTIMATE, False, "张三"),
        (1001, Standing.FINAL, True, "李四"),
    ]
    assert history[1].comment == "省科技厅公布第二批"
    status = StatusService(cangzhou).evaluate("cangzhou", Q3_2023)
    assert next(s for s in status if s.indicator.code == "05").status.actual == 1001


def test_a_batch_with_one_bad_value_writes_nothing(cangzhou) -> None:
    obs = ObservationService(cangzhou)
    good = Entry("05", Q3_2023, 990)
    with pytest.raises(UserError, match="没有指标编码“77”"):
        obs.record_many("cangzhou", [good, Entry("77", Q3_2023, 1)])
    with cangzhou.session() as s:
        assert s.scalar(select(func.count()).select_from(ObservationRow)) == 0


def test_imported_values_remember_file_sheet_and_cell(cangzhou) -> None:
    src = Source("import", "区发改局.xlsx", "ab12", "填报表", "D7")
    ObservationService(cangzhou).record("cangzhou", Entry("09", Q3_2023, 80.0, source=src))
    (h,) = ObservationService(cangzhou).history("cangzhou", "09")
    assert h.source == src and h.source.describe() == "区发改局.xlsx 填报表!D7"


def test_ratio_recorded_as_numerator_and_denominator(cangzhou) -> None:
    entry = Entry("01", Period.annual(2022), None, numerator=84.0, denominator=4800.0)
    ObservationService(cangzhou).record("cangzhou", entry)
    (h,) = ObservationService(cangzhou).history("cangzhou", "01")
    assert h.value == pytest.approx(1.75) and (h.numerator, h.denominator) == (84.0, 4800.0)


def test_bad_values_are_refused_with_the_reason(cangzhou) -> None:
    obs = ObservationService(cangzhou)
    with pytest.raises(UserError, match="规划期"):
        obs.record("cangzhou", Entry("05", Period.quarter(2040, 1), 1))
    with pytest.raises(UserError, match="没有地区“运河区”"):
        obs.record("cangzhou", Entry("05", Q3_2023, 1, region="运河区"))
    with pytest.raises(UserError, match="分母（地区生产总值（亿元））应大于零"):
        obs.record("cangzhou", Entry("01", Period.annual(2022), None, numerator=1, denominator=0))


def test_a_revised_target_applies_from_its_effective_date(cangzhou) -> None:
    plans = PlanService(cangzhou)
    obs = ObservationService(cangzhou)
    obs.record("cangzhou", Entry("05", Period.quarter(2024, 2), 1050))
    obs.record("cangzhou", Entry("05", Period.quarter(2024, 3), 1100))
    new = Target(TargetForm.LEVEL, value=1200)
    plans.revise_target("cangzhou", "05", new, date(2024, 7, 1), "中期评估下调", by="王五")
    (rev,) = plans.revisions("cangzhou")
    assert (rev.old.value, rev.new.value, rev.reason) == (1300, 1200, "中期评估下调")
    assert plans.get("cangzhou").indicator("05").target.value == 1300  # never overwritten

    def expected(q: Period) -> float:
        items = StatusService(cangzhou).evaluate("cangzhou", q)
        return next(s for s in items if s.indicator.code == "05").status.expected

    # batch profile: the 2023 year-end value, on the old path (795 + 3·101) and the new (795 + 3·81)
    assert expected(Period.quarter(2024, 2)) == pytest.approx(1098)
    assert expected(Period.quarter(2024, 3)) == pytest.approx(1038)
    with pytest.raises(UserError, match="理由"):
        plans.revise_target("cangzhou", "05", new, date(2024, 7, 1), " ")


def test_a_late_baseline_turns_grey_into_a_light(cangzhou) -> None:
    ObservationService(cangzhou).record("cangzhou", Entry("04", Period.quarter(2024, 1), 2))
    status = StatusService(cangzhou)

    def light() -> Light:
        return next(
            s
            for s in status.evaluate("cangzhou", Period.quarter(2024, 1))
            if s.indicator.code == "04"
        ).status.light

    assert light() is Light.GREY
    PlanService(cangzhou).set_baseline("cangzhou", "04", 0)
    assert light() is Light.RED  # 2 of 3 due by the end of 2023


def test_the_region_rolls_up_its_sub_units_and_says_when_one_is_missing(cangzhou) -> None:
    plans, obs = PlanService(cangzhou), ObservationService(cangzhou)
    plans.add_region("cangzhou", "yunhe", "运河区")
    plans.add_region("cangzhou", "xinhua", "新华区")
    q2, q3 = Period.quarter(2024, 2), Period.quarter(2024, 3)
    obs.record_many(
        "cangzhou",
        [
            Entry("05", q2, 500, region="运河区"),
            Entry("05", q2, 450, region="新华区"),
            Entry("05", q3, 520, region="运河区"),
        ],
    )
    items = StatusService(cangzhou).evaluate("cangzhou", q3)
    st = next(i.status for i in items if i.indicator.code == "05")
    assert (st.actual, st.data_period) == (950, q2)  # not 520 + nothing for 2024Q3
    assert st.incomplete == ("新华区",)
    assert "下级地区数据不全，缺：新华区" in st.explanation_zh
    obs.record("cangzhou", Entry("05", q3, 470, region="新华区"))
    st = next(
        i.status
        for i in StatusService(cangzhou).evaluate("cangzhou", q3)
        if i.indicator.code == "05"
    )
    assert (st.actual, st.data_period, st.incomplete) == (990, q3, ())
