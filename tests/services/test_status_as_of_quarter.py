"""A status as of a quarter uses only values of periods up to that quarter (domain §5), and a
sub-region's quota share with a baseline but no amount is a clear grey answer, not a crash."""

from __future__ import annotations

import json

from planmonitor.cli import main
from planmonitor.domain.forecast import forecast
from planmonitor.domain.indicator import Cadence, Comparator, Indicator, Nature, Target, TargetForm
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan, StatusSettings
from planmonitor.domain.schedule import build_schedule
from planmonitor.domain.status import evaluate
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plan_settings import PlanSettingsService
from planmonitor.services.plans import PlanService
from planmonitor.services.status import StatusService
from planmonitor.store.database import open_database

FLOW = Indicator(
    "F1", "技术合同成交额", "亿元", Target(TargetForm.LEVEL, Comparator.GE, 150.0), 2020, 2025,
    baseline=68.2, nature=Nature.FLOW, cadence=Cadence.CUMULATIVE_FLOW,
)  # fmt: skip
QUOTA = Indicator(
    "Q1", "实施市级以上科技计划", "项", Target(TargetForm.QUOTA, Comparator.GE, 30.0), 2020, 2025,
    nature=Nature.FLOW, cadence=Cadence.CUMULATIVE_FLOW, decimals=0,
)  # fmt: skip
VALUES = {  # 2021 and 2022 totals, 2023 1—3月, and the 2023 total recorded later
    Period.quarter(2021, 4): 100.0,
    Period.quarter(2022, 4): 120.0,
    Period.quarter(2023, 1): 30.0,
    Period.quarter(2023, 4): 200.0,
}
Q1 = Period.quarter(2023, 1)


def test_the_engine_draws_the_trend_from_periods_up_to_the_quarter_only() -> None:
    st = evaluate(FLOW, Series(VALUES), Q1)
    assert st.data_period == Q1 and st.actual == 30.0
    fc = st.forecast
    # the line through the 2021 and 2022 totals (no 1—3月 of 2022 to scale this year by):
    # 2025 → 180; the 2023 total, recorded for a later quarter, is no part of it
    assert fc is not None and (fc.first_year, fc.last_year) == (2021, 2022)
    assert abs(fc.value - 180.0) < 1e-9 and fc.reaches
    sched = build_schedule(FLOW)
    direct = forecast(FLOW, Series(VALUES), sched, Q1, StatusSettings(), share=0.25)
    assert direct == fc
    assert "2021—2022年" not in st.explanation_zh  # green and reaching: no second clause


def _plan_db(db):  # type: ignore[no-untyped-def]
    plans = PlanService(db)
    plans.install(Plan("t16", "测试规划", "测试县", 2020, 2025, (FLOW, QUOTA)))
    plans.add_region("t16", "town", "一镇")
    settings = PlanSettingsService(db)
    settings.set_region_targets("t16", "F1", [("town", 150.0, 68.2)])
    settings.set_region_targets("t16", "Q1", [("town", None, 5.0)])  # a baseline, no amount
    entries = [Entry("F1", p, v, region=r) for p, v in VALUES.items() for r in ("*", "town")]
    entries.append(Entry("Q1", Period.quarter(2023, 3), 20.0, region="town"))
    ObservationService(db).record_many("t16", entries, by="测试")
    return db


def test_the_service_reads_values_up_to_the_quarter_asked(db) -> None:  # type: ignore[no-untyped-def]
    _plan_db(db)
    every = StatusService(db).evaluate_all("t16", Q1)
    flows = [i.status for i in every if i.indicator.code == "F1"]
    assert len(flows) == 2  # the plan's own region (the engine) and the town (the batch loop)
    for st in flows:
        fc = st.forecast
        assert fc is not None and (fc.first_year, fc.last_year) == (2021, 2022)
        assert abs(fc.value - 180.0) < 1e-9
    (own,) = [i.status for i in StatusService(db).evaluate("t16", Q1) if i.indicator.code == "F1"]
    assert own.forecast == flows[0].forecast


def test_a_quota_share_without_its_amount_is_grey_with_a_sentence(db) -> None:  # type: ignore[no-untyped-def]
    _plan_db(db)
    asked = Period.quarter(2023, 3)
    for items in (
        StatusService(db).evaluate("t16", asked, "一镇"),
        [i for i in StatusService(db).evaluate_all("t16", asked) if i.region.code == "town"],
    ):
        (st,) = [i.status for i in items if i.indicator.code == "Q1"]
        assert st.light.value == "grey" and st.reason == "no_target"
        assert st.actual == 20.0 and st.forecast is None
        assert st.explanation_zh == (
            "2023年1—9月完成20项，未设每年额度（目标值），无法计算序时进度（暂无法评价）"
        )
        assert "no target" in st.explanation_en


def test_cli_status_and_report_answer_for_a_quota_share_without_amount(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "q.sqlite"
    db = open_database(path)
    _plan_db(db)
    db.close()
    base = ["--db", str(path)]
    assert main([*base, "status", "--plan", "t16", "--quarter", "2023Q3", "--region", "一镇",
                 "--json"]) == 0  # fmt: skip
    shown = {s["code"]: s for s in json.loads(capsys.readouterr().out)}
    assert "未设每年额度" in shown["Q1"]["explanation"]
    out = tmp_path / "r.xlsx"
    assert main([*base, "report", "--plan", "t16", "--quarter", "2023Q3", "--region", "一镇",
                 "--format", "xlsx", "--out", str(out)]) == 0  # fmt: skip
    import openpyxl

    sheet = openpyxl.load_workbook(out).active
    (row,) = [r for r in sheet.iter_rows(values_only=True) if "实施市级以上科技计划" in r]
    assert "○ 暂无法评价" in row
    assert "2023年1—9月完成20项，未设每年额度（目标值），无法计算序时进度" in row
    assert "每年30" not in row  # the plan's own quota is not the town's target
