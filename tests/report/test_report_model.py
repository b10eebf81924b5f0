"""The report model: every column, group, count, comment and trend agrees with the database."""

from __future__ import annotations

import pytest
from report_data import CANGZHOU, Q3_2024, TODAY, record_values

from planmonitor.domain.formatting import Light
from planmonitor.domain.periods import Period
from planmonitor.domain.report_text import document_text
from planmonitor.services.errors import UserError
from planmonitor.services.report import build_report
from planmonitor.services.status import StatusService


def _row(model, code):  # type: ignore[no-untyped-def]
    return next(r for r in model.rows if r.code == code)


@pytest.mark.parametrize("plan", ["cangzhou", "chengde"])
def test_every_row_carries_the_status_the_database_gives(report_db, plan) -> None:
    model = build_report(report_db, plan, Q3_2024, report_date=TODAY)
    statuses = {s.indicator.code: s for s in StatusService(report_db).evaluate(plan, Q3_2024)}
    assert [r.code for r in model.rows] == list(statuses)  # one row per indicator
    assert [r.number for r in model.rows] == list(range(1, len(statuses) + 1))
    for row in model.rows:
        st = statuses[row.code].status
        assert (row.light, row.actual, row.expected) == (st.light, st.actual, st.expected)
        assert (row.progress, row.completion, row.data_period) == (
            st.progress,
            st.completion,
            st.data_period,
        )
        assert row.explanation == document_text(st.explanation_zh)
    counts = {c.light: c.count for c in model.counts}
    assert sum(counts.values()) == len(model.rows)
    for light, n in counts.items():
        assert n == sum(1 for s in statuses.values() if s.status.light is light)


def test_cangzhou_columns_for_a_stock_a_flow_and_an_annual_statistic(report_db) -> None:
    model = build_report(report_db, "cangzhou", Q3_2024, report_date=TODAY)
    assert model.title == "《沧州市科技创新“十四五”规划》主要指标2024年第三季度完成情况"
    assert (model.quarter_label, model.ytd_label) == ("2024年第三季度", "1—9月")
    assert not model.has_categories and len(model.groups) == 1
    hte = _row(model, "05")  # 高新技术企业: batch, 795 → 1300
    assert (hte.baseline, hte.target, hte.target_text) == (795, 1300, "1300")
    assert hte.actual == 1010 and hte.period_note == ""
    assert hte.expected == pytest.approx(1098)  # the 2023 year-end level until the Q4 batch
    assert hte.progress == pytest.approx(215 / 303)
    assert hte.year_target == pytest.approx(1199) and hte.year_target_year == 2024
    assert hte.light is Light.RED and hte.status_text == "■ 滞后"
    assert hte.responsible == "科技局" and hte.responsible_is_source
    flow = _row(model, "09")  # 技术合同成交额: 1—9月 95.0 against 133.64 × 75 %
    assert flow.year_target == pytest.approx(133.64)
    assert flow.completion == pytest.approx(95 / 133.64)
    assert flow.expected == pytest.approx(100.23)
    assert flow.yoy == pytest.approx(18.75) and not flow.yoy_points
    assert flow.light is Light.YELLOW
    assert "数据为预计数" in flow.remark
    rd = _row(model, "01")  # R&D intensity: the latest annual value (2023) with its year
    assert rd.annual_only and rd.actual == 1.63
    assert rd.data_period == Period.annual(2023) and rd.period_note == "（2023年）"
    assert rd.year_target == pytest.approx(1.776) and rd.year_target_year == 2023
    assert rd.yoy == pytest.approx(0.08) and rd.yoy_points  # percentage points
    assert rd.light is Light.RED
    share = _row(model, "07")
    assert share.yoy == pytest.approx(1.2) and share.yoy_points
    assert share.light is Light.GREEN
    missing = _row(model, "04")  # no baseline in the plan
    assert missing.light is Light.GREY and "缺少2020年基数" in missing.remark


def test_cangzhou_summary_names_the_lagging_indicators(report_db) -> None:
    model = build_report(report_db, "cangzhou", Q3_2024, report_date=TODAY)
    assert "11项主要指标中，3项达到序时进度，3项略滞后，2项滞后，3项暂无法评价" in model.summary
    assert "滞后的指标：全社会研发经费支出占GDP比重、高新技术企业数量。" in model.summary
    assert "略滞后的指标：万人口拥有发明专利、科技型中小企业数量、技术合同成交额。" in model.summary
    assert "按最新公布的2023年数据评价" in model.summary
    assert [r.code for r in model.lagging] == ["01", "02", "05", "06", "09"]
    assert [r.code for r in model.problems] == ["01", "05"]


def test_problems_carry_the_comments_recorded_for_them(report_db) -> None:
    model = build_report(report_db, "cangzhou", Q3_2024, report_date=TODAY)
    rd, hte = model.problems
    assert [c.text for c in rd.comments] == ["规上工业企业研发投入增速放缓，研发强度提升不及预期"]
    assert rd.comments[0].period == Period.annual(2023)
    assert "张科员" not in repr(rd.comments)  # who wrote it stays in the program
    assert [c.text for c in hte.comments] == [CANGZHOU[6][4]]
    assert "资格到期" in hte.comments[0].text


def test_chengde_groups_follow_the_plan_categories(report_db) -> None:
    model = build_report(report_db, "chengde", Q3_2024, report_date=TODAY)
    assert model.has_categories
    assert [g.name for g in model.groups] == ["创新实力", "创新主体", "创新支撑", "创新环境"]
    assert [len(g.rows) for g in model.groups] == [4, 3, 3, 1]
    first = model.groups[0]
    assert first.text.startswith("创新实力方面，4项指标中2项滞后，2项暂无法评价。")
    assert "全社会研究与试验经费支出增长率2023年为28.00亿元" in first.text
    rd = _row(model, "01")  # 年均增长10%: annual, published late (worked example 2)
    assert rd.target is None and rd.target_text == "年均增长10%"
    assert rd.expected == pytest.approx(21.87 * 1.1**3)
    assert rd.progress == pytest.approx(0.847, abs=5e-4)
    assert rd.period_note == "（2023年）"
    assert rd.yoy == pytest.approx((28 / 26 - 1) * 100)


def test_trend_holds_actuals_schedule_target_and_forecast(report_db) -> None:
    model = build_report(report_db, "cangzhou", Q3_2024, report_date=TODAY)
    hte = _row(model, "05").trend
    assert hte is not None and not hte.cumulative
    assert (hte.start_x, hte.end_x, hte.target) == (2021.0, 2026.0, 1300)
    assert [(p.label, p.value) for p in hte.actual] == [
        ("2020年（基数）", 795),
        ("2023年第四季度", 1000),
        ("2024年第三季度", 1010),
    ]
    schedule = {p.label: p.value for p in hte.schedule}
    assert len(hte.schedule) == 1 + 5 * 4  # the baseline, then every quarter end
    assert schedule["2023年第三季度"] == pytest.approx(997)  # worked example 1
    assert schedule["2023年第四季度"] == pytest.approx(1098)
    assert hte.forecast[0].value == 1010 and hte.forecast[-1].x == 2026.0
    flow = _row(model, "09").trend
    assert flow is not None and flow.cumulative
    starts = [p for p in flow.schedule if p.label.endswith("年初")]
    assert [p.value for p in starts] == [0.0] * 5  # a year-to-date path restarts every year
    q3 = next(p for p in flow.schedule if p.label == "2023年第三季度")
    assert q3.value == pytest.approx(87.96)  # worked example 6
    assert len(flow.forecast) == 1  # a forecast point, not a line from a year-to-date value


def test_a_report_for_an_empty_quarter_is_all_grey(tmp_path) -> None:
    from planmonitor.store.database import open_database

    db = open_database(tmp_path / "empty.sqlite")
    try:
        record_values(db, "cangzhou", CANGZHOU[:1])
        model = build_report(db, "cangzhou", Period.quarter(2021, 1), report_date=TODAY)
        assert {r.light for r in model.rows} == {Light.GREY}
        assert model.problems == [] and "11项暂无法评价" in model.summary
    finally:
        db.close()


def test_the_report_runs_on_every_database(db) -> None:
    record_values(db, "cangzhou", CANGZHOU)
    model = build_report(db, "cangzhou", Q3_2024, report_date=TODAY)
    assert _row(model, "05").actual == 1010 and _row(model, "05").light is Light.RED
    assert [c.text for c in _row(model, "05").comments]


def test_the_quarter_must_be_a_quarter(report_db) -> None:
    with pytest.raises(UserError, match="应为季度"):
        build_report(report_db, "cangzhou", Period(2024, 8))
    with pytest.raises(UserError, match="应为季度"):
        build_report(report_db, "cangzhou", Period.annual(2024))
    with pytest.raises(UserError, match="没有规划"):
        build_report(report_db, "nowhere", Q3_2024)
    with pytest.raises(UserError, match="没有地区"):
        build_report(report_db, "cangzhou", Q3_2024, region="不存在区")


def test_a_sub_region_without_its_share_of_the_targets(tmp_path) -> None:
    from pathlib import Path

    from planmonitor.services.observations import Entry, ObservationService
    from planmonitor.services.plans import PlanService, plan_source
    from planmonitor.store.database import open_database

    text = Path("resources/plans/001-cangzhou.toml").read_text(encoding="utf-8")
    text = text.replace('id = "cangzhou"', 'id = "cz-towns"')
    text += '\n[[regions]]\ncode = "yh"\nname = "运河区"\n'
    plan_file = tmp_path / "towns.toml"
    plan_file.write_text(text, encoding="utf-8")
    db = open_database(tmp_path / "towns.sqlite")
    try:
        PlanService(db).install(plan_source(str(plan_file)))
        ObservationService(db).record("cz-towns", Entry("05", Q3_2024, 120, region="yh"))
        model = build_report(db, "cz-towns", Q3_2024, region="运河区", report_date=TODAY)
        assert model.region == "运河区"
        assert model.summary.startswith("截至2024年第三季度，运河区《沧州市科技创新“十四五”规划》")
        hte = _row(model, "05")
        assert (hte.actual, hte.target, hte.target_text) == (120, None, "未分解")
        assert hte.light is Light.GREY and "该地区未分解目标" in hte.remark
        assert hte.trend is not None and [p.value for p in hte.trend.actual] == [120]
        assert hte.trend.schedule == () and hte.trend.target is None
    finally:
        db.close()
