"""Column meanings as offices use them (issue 10 §14): 序时进度 beside 完成率, 序时目标, 统计期,
quota rows without a 基数, growth-rate rows with the realised average rate, ≤ targets whose
完成率 reads below 100 % when worse."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from seed_data import QUARTER, record_seed_plans

from planmonitor.domain.periods import Period
from planmonitor.exchange.reports.columns import cell_text, columns
from planmonitor.exchange.reports.docx_writer import write_report_docx
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.report import build_report
from planmonitor.services.status import StatusService
from planmonitor.store.database import Database, open_database

CEILING_PLAN = """
format = 1
id = "ceiling"
title = "某县节能降耗行动方案"
region = "某县"
baseline_year = 2020
target_year = 2025

[[indicators]]
code = "01"
name = "万元地区生产总值能耗"
unit = "吨标准煤"
baseline = 0.6
target = 0.5
comparator = "<="
cadence = "annual_late"
"""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Database:  # type: ignore[misc]
    db = open_database(tmp_path_factory.mktemp("columns") / "seed.sqlite")
    record_seed_plans(db)
    yield db
    db.close()


def _row(db: Database, plan: str, code: str):  # type: ignore[no-untyped-def]
    model = build_report(db, plan, QUARTER)
    return model, next(r for r in model.rows if r.code == code)


def test_share_of_the_year_is_the_profile_s_share_beside_the_completion(seeded) -> None:
    model, flow = _row(seeded, "cangzhou", "09")  # 技术合同成交额, even profile
    assert (flow.period_label, flow.share) == ("1—9月", 0.75)
    assert cell_text("share", flow, model) == "75.0%"
    assert cell_text("expected", flow, model) == "100.23"  # 序时目标: the schedule's value
    _, batch = _row(seeded, "cangzhou", "05")  # 高新技术企业, 0/0/0/100
    assert (batch.period_label, batch.share) == ("9月末", 0.0)
    _, annual = _row(seeded, "cangzhou", "01")  # a whole year's statistic
    assert (annual.period_label, annual.share) == ("2023年", 1.0)
    headers = [c.header for c in columns(model)]
    assert headers.index("完成率") + 1 == headers.index("序时进度")


def test_quota_rows_leave_the_baseline_empty(seeded, tmp_path: Path) -> None:
    model, quota = _row(seeded, "xx-district", "14")  # 每年实施市级以上科技计划不少于30项
    assert quota.quota and quota.baseline is None and quota.target_text == "每年30"
    assert cell_text("baseline", quota, model) == ""
    path = tmp_path / "x.docx"
    write_report_docx(model, path)
    (table,) = Document(str(path)).tables
    cells = next([c.text for c in r.cells] for r in table.rows if r.cells[1].text == quota.name)
    keys = [c.key for c in columns(model)]
    assert cells[keys.index("baseline")] == ""
    assert cells[keys.index("target")] == "每年30"


def test_growth_rate_rows_show_the_realised_average_rate(seeded) -> None:
    model, rate = _row(seeded, "shijiazhuang", "01")  # 全社会研发投入增长率, 年均12%
    st = next(
        s.status
        for s in StatusService(seeded).evaluate("shijiazhuang", QUARTER)
        if s.indicator.code == "01"
    )
    assert st.realised_rate is not None
    assert rate.actual == pytest.approx(st.realised_rate)  # not the last year's rate alone
    assert rate.period_label == "2021—2023年年均"
    assert cell_text("target", rate, model) == "年均增长12%"


def test_a_ceiling_s_completion_reads_below_100_percent_when_worse(tmp_path: Path) -> None:
    plan_file = tmp_path / "ceiling.toml"
    plan_file.write_text(CEILING_PLAN, encoding="utf-8")
    db = open_database(tmp_path / "c.sqlite")
    try:
        PlanService(db).install(plan_source(str(plan_file)))
        ObservationService(db).record("ceiling", Entry("01", Period.annual(2023), 0.6))
        _, row = _row(db, "ceiling", "01")
        assert row.year_target is not None and row.year_target < 0.6
        assert row.completion == pytest.approx(row.year_target / 0.6)
        assert row.completion < 1  # 0.6 against an allowed 0.54: worse, so below 100 %
        ObservationService(db).record("ceiling", Entry("01", Period.annual(2023), 0.5))
        _, better = _row(db, "ceiling", "01")
        assert better.completion is not None and better.completion > 1
    finally:
        db.close()


def test_long_lists_of_responsible_units_are_shortened_in_the_table(seeded) -> None:
    model, row = _row(seeded, "xx-district", "09")  # eight units and "各镇、各园区、各街道"
    assert row.responsible.count("、") == 7
    assert cell_text("responsible", row, model) == "区发改局、区行政审批局、太阳城管委会等8个单位"
