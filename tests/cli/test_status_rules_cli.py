"""Issue 10 §1–8: status rules a bureau can defend, through `record`, `revise`, `status --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planmonitor.cli import main

CEILING_PLAN = """\
format = 1
id = "ceiling"
title = "某县科技创新“十四五”规划"
region = "某县"
baseline_year = 2020
target_year = 2025

[[indicators]]
code = "01"
name = "规上工业企业亏损面"
unit = "%"
baseline = 8
target = 10
comparator = "<="
target_text = "不超过10%"
cadence = "smooth_stock"
"""


class Cli:
    """Runs ``planmonitor --db <tmp>`` in-process."""

    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db = str(db)
        self.capsys = capsys

    def __call__(self, *args: str) -> str:
        code = main(["--db", self.db, *args])
        out = self.capsys.readouterr()
        assert code == 0, out.err
        return out.out

    def fails(self, *args: str) -> str:
        code = main(["--db", self.db, *args])
        out = self.capsys.readouterr()
        assert code == 2, out.out
        return out.err

    def status(self, plan: str, quarter: str, code: str) -> dict:
        rows = json.loads(self("status", "--plan", plan, "--quarter", quarter, "--json"))
        return next(r for r in rows if r["code"] == code)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    c = Cli(tmp_path / "pm.sqlite", capsys)
    for plan in ("cangzhou", "chengde", "xx-district", "shijiazhuang"):
        c("init", "--plan", plan)
    return c


# -- 1. 左右 targets ------------------------------------------------------------------------------


def test_approx_target_behind_schedule_below_the_baseline_is_red(cli: Cli) -> None:
    # 004 R&D intensity 2.13 → 3.0%左右 (±0.5): 2.05 in 2022 is below the baseline
    cli("record", "15", "2022", "2.05", "--plan", "shijiazhuang")
    s = cli.status("shijiazhuang", "2023Q4", "15")
    assert s["expected"] == pytest.approx(2.13 + 2 * 0.174)
    assert s["progress"] == pytest.approx((2.05 - 2.13) / (2 * 0.174), abs=1e-6)
    assert s["status"] == "red"
    assert "（滞后）" in s["explanation"]


def test_approx_target_within_tolerance_at_the_end_says_so(cli: Cli) -> None:
    cli("record", "15", "2025", "2.55", "--plan", "shijiazhuang")
    s = cli.status("shijiazhuang", "2026Q4", "15")
    assert s["status"] == "met"
    assert s["explanation"] == "2025年为2.55%，在目标3.0%左右（±0.5个百分点）范围内，已完成"
    cli("record", "15", "2025", "2.45", "--plan", "shijiazhuang")
    s = cli.status("shijiazhuang", "2026Q4", "15")
    assert s["status"] == "not_met"
    assert "低于目标3.0%左右（±0.5个百分点）的范围，未完成" in s["explanation"]


# -- 2. ceilings ----------------------------------------------------------------------------------


def test_ceiling_with_the_baseline_inside_is_met_while_within_it(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "ceiling.toml"
    plan.write_text(CEILING_PLAN, encoding="utf-8")
    cli("init", "--plan", str(plan))
    cli("record", "01", "2023Q4", "9.5", "--plan", "ceiling")
    s = cli.status("ceiling", "2023Q4", "01")
    assert s["status"] == "green"
    assert s["expected"] == pytest.approx(10)
    assert s["progress"] == pytest.approx(10 / 9.5)
    assert s["explanation"].startswith("截至2023年末达9.50%，未超过10.00%的上限（达到序时进度）")
    # the trend 2020—2023 leads above the ceiling: the sentence warns, in a second clause
    assert s["explanation"].endswith(
        "；但按2020—2023年的趋势预计2025年末为10.50%，将超过10.00%的上限"
    )
    cli("record", "01", "2024Q2", "10.4", "--plan", "ceiling")
    s = cli.status("ceiling", "2024Q2", "01")
    assert s["status"] == "yellow"  # 10 / 10.4 = 96.2 %
    assert "超过10.00%的上限（略滞后）" in s["explanation"]
    cli("record", "01", "2025Q4", "9.8", "--plan", "ceiling")
    s = cli.status("ceiling", "2026Q4", "01")
    assert s["status"] == "met" and "未超过10.00%的上限（已完成）" in s["explanation"]


# -- 3. revisions ---------------------------------------------------------------------------------


def test_revising_a_milestone_path_redraws_it_to_the_new_end_point(cli: Cli) -> None:
    # 002 高新技术企业: 75 (2020) → 180 (2025), no baseline; revised to 200 from 2024
    cli("record", "06", "2023Q4", "120", "--plan", "xx-district")
    cli("record", "06", "2024Q2", "131", "--plan", "xx-district")
    out = cli(
        "revise", "06", "200", "--effective", "2024-01-01", "--reason", "中期评估",
        "--plan", "xx-district",
    )  # fmt: skip
    assert "到2020年底75家，到2025年底200家" in out
    s = cli.status("xx-district", "2024Q2", "06")
    assert s["status"] == "red"
    assert s["expected"] == pytest.approx(75 + 3 * 25)  # 2023 year end on the new path
    assert s["progress"] == pytest.approx(56 / 75)
    before = cli.status("xx-district", "2023Q4", "06")  # before the effective date: old path
    assert before["expected"] == pytest.approx(138)
    assert before["progress"] == pytest.approx(45 / 63)


def test_revising_points_and_increase_targets_keeps_their_form(cli: Cli) -> None:
    # 004 10: 32 → 42 (+2 points a year) revised to +2.5 points a year
    cli(
        "revise",
        "10",
        "2.5",
        "--effective",
        "2023-01-01",
        "--reason",
        "x",
        "--plan",
        "shijiazhuang",
    )
    cli("record", "10", "2023Q4", "38", "--plan", "shijiazhuang")
    s = cli.status("shijiazhuang", "2023Q4", "10")
    assert s["expected"] == pytest.approx(32 + 3 * 2.5)
    assert s["progress"] == pytest.approx(6 / 7.5)
    # 004 06: 2499 → 4000 (累计增加1501) revised to 累计增加1701
    cli(
        "revise",
        "06",
        "1701",
        "--effective",
        "2023-01-01",
        "--reason",
        "x",
        "--plan",
        "shijiazhuang",
    )
    cli("record", "06", "2023Q4", "3200", "--plan", "shijiazhuang")
    s = cli.status("shijiazhuang", "2023Q4", "06")
    rows = json.loads(cli("indicators", "--plan", "shijiazhuang", "--json"))
    assert next(r for r in rows if r["code"] == "06")["form"] == "increase"
    assert s["expected"] == pytest.approx(2499 + 3 * 1701 / 5)
    # the same with the level to reach: --final 4200 is 累计增加1701 as well
    cli(
        "revise", "06", "4300", "--final", "--effective", "2024-01-01", "--reason", "y",
        "--plan", "shijiazhuang",
    )  # fmt: skip
    cli("record", "06", "2024Q4", "3600", "--plan", "shijiazhuang")
    s = cli.status("shijiazhuang", "2024Q4", "06")
    assert s["expected"] == pytest.approx(2499 + 4 * 1801 / 5)


def test_revising_a_growth_rate_and_undoing_it(cli: Cli) -> None:
    from planmonitor.services.plans import PlanService
    from planmonitor.store.database import open_database

    cli("record", "01", "2023", "28.00", "--plan", "chengde")
    cli(
        "revise",
        "01",
        "8",
        "--effective",
        "2024-01-01",
        "--reason",
        "中期评估",
        "--plan",
        "chengde",
    )
    s = cli.status("chengde", "2024Q3", "01")
    assert s["expected"] == pytest.approx(21.87 * 1.08**3)
    assert "按年均增长8%的序时目标" in s["explanation"]
    out = cli("revise", "01", "--undo", "--reason", "录入有误", "--plan", "chengde")
    assert "已撤销" in out
    s = cli.status("chengde", "2024Q3", "01")
    assert s["expected"] == pytest.approx(21.87 * 1.1**3)
    db = open_database(cli.db)
    try:
        kept = PlanService(db).revisions("chengde", include_withdrawn=True)
        assert [(r.new.rate, bool(r.withdrawn)) for r in kept] == [(8, True)]
        assert "录入有误" in kept[0].withdrawn
        assert PlanService(db).revisions("chengde") == []
    finally:
        db.close()
    err = cli.fails("revise", "01", "--undo", "--reason", "again", "--plan", "chengde")
    assert err.count("\n") == 1 and "没有可撤销的目标调整" in err


# -- 4. growth by 同比 -----------------------------------------------------------------------------


def test_growth_target_without_baseline_is_judged_year_on_year(cli: Cli) -> None:
    # 002 高新技术产业增加值 年均增长10%以上, no baseline amount
    cli("record", "02", "2023Q3", "50", "--plan", "xx-district")
    cli("record", "02", "2024Q3", "56", "--plan", "xx-district")
    s = cli.status("xx-district", "2024Q3", "02")
    assert s["status"] == "green"
    assert s["yoy"] == pytest.approx(12.0)
    assert s["progress"] == pytest.approx(1.2)
    assert s["explanation"] == (
        "2024年1—9月完成56.00亿元，同比增长12%，目标年均增长10%，完成序时进度的120.0%（达到序时进度）"
    )
    assert s["forecast"] is None  # no amount to carry to 2025


# -- 5. milestones --------------------------------------------------------------------------------


def test_milestone_done_after_its_due_date_is_late(cli: Cli) -> None:
    cli("record", "01", "2022Q1", "完成", "--plan", "xx-district")  # due 2021-12-31
    s = cli.status("xx-district", "2022Q2", "01")
    assert s["status"] == "not_met" and s["reason"] == "late"
    assert s["data_period"] == "2022Q1"
    assert s["explanation"] == "已于2022年第一季度完成，晚于2021年12月31日的完成期限（逾期完成）"


def test_milestone_a_later_not_done_is_the_current_state(cli: Cli) -> None:
    cli("record", "10", "2020Q3", "完成", "--plan", "xx-district")  # due 2020-12-31
    cli("record", "10", "2020Q4", "未完成", "--plan", "xx-district")
    s = cli.status("xx-district", "2020Q4", "10")
    assert s["status"] == "not_met"
    assert s["explanation"].startswith("此前曾于2020年第三季度报告完成，2020年第四季度报告为未完成")
    assert cli.status("xx-district", "2020Q3", "10")["status"] == "met"


# -- 6. milestone points ---------------------------------------------------------------------------


def test_first_milestone_is_a_target_for_its_year(cli: Cli) -> None:
    # 002 科技型中小企业: 到2020年底650家 (no baseline)
    cli("record", "07", "2020Q4", "640", "--plan", "xx-district")
    s = cli.status("xx-district", "2020Q4", "07")
    assert s["status"] == "yellow"
    assert s["expected"] == 650
    assert s["progress"] == pytest.approx(640 / 650)
    assert "未达到2020年底650家的节点目标" in s["explanation"]
    assert "仍为基数" not in s["explanation"]


# -- 7. forecasts ---------------------------------------------------------------------------------


def test_flow_forecast_is_not_extrapolated_from_the_first_quarter(cli: Cli) -> None:
    # 003 技术合同成交总额 20.8 → 30: 26 in 2023, 1—3月 1.5 in 2024
    cli("record", "09", "2023", "26", "--plan", "chengde")
    cli("record", "09", "2024Q1", "1.5", "--plan", "chengde")
    s = cli.status("chengde", "2024Q1", "09")
    fc = s["forecast"]
    assert fc["value"] == pytest.approx(26 + 2 * (26 - 20.8) / 3)  # the line 2020 → 2023
    assert fc["reaches"] is False
    # with the same period of last year, this year is estimated from it
    cli("record", "09", "2023Q1", "1.2", "--plan", "chengde")
    s = cli.status("chengde", "2024Q1", "09")
    assert s["forecast"]["value"] == pytest.approx(26 * 1.5 / 1.2 + (26 * 1.5 / 1.2 - 26))


def test_batch_stock_on_schedule_is_forecast_from_year_ends(cli: Cli) -> None:
    # 001 高新技术企业 795 → 1300 in Q4 batches: on schedule every year
    for period, value in [
        ("2021Q1", 795), ("2021Q2", 795), ("2021Q3", 795), ("2021Q4", 900),
        ("2022Q1", 900), ("2022Q2", 900), ("2022Q3", 900), ("2022Q4", 1000),
        ("2023Q1", 1000), ("2023Q2", 1000), ("2023Q3", 1000),
    ]:  # fmt: skip
        cli("record", "05", period, str(value), "--plan", "cangzhou")
    s = cli.status("cangzhou", "2023Q3", "05")
    assert s["status"] == "green"
    assert s["forecast"]["reaches"] is True
    # the line through the year ends 795 (2020), 900, 1000, carried to the end of 2025
    assert s["forecast"]["value"] == pytest.approx((795 + 900 + 1000) / 3 + 4 * 102.5)


def test_where_light_and_forecast_differ_the_sentence_says_why(cli: Cli) -> None:
    # 001 技术合同成交额 68.2 → 150: slow years, then a good 2023 (on this year's schedule)
    for period, value in [("2021", "80"), ("2022", "82"), ("2022Q3", "70"), ("2023Q3", "90")]:
        cli("record", "09", period, value, "--plan", "cangzhou")
    s = cli.status("cangzhou", "2023Q3", "09")
    assert s["status"] == "green" and s["forecast"]["reaches"] is False
    this_year = 82 * 90 / 70
    mean = (80 + 82 + this_year) / 3
    assert s["forecast"]["value"] == pytest.approx(mean + 3 * (this_year - 80) / 2)
    assert "（达到序时进度）；但按2021—2023年的趋势预计2025年为" in s["explanation"]
    assert s["explanation"].endswith("低于目标150.00亿元，难以完成")


# -- 8. staleness ---------------------------------------------------------------------------------


def test_batch_stock_with_last_year_end_is_current_until_the_batch(cli: Cli) -> None:
    cli("record", "05", "2022Q4", "1000", "--plan", "cangzhou")
    s = cli.status("cangzhou", "2023Q2", "05")
    assert s["stale"] is False and "数据截至" not in s["explanation"]
    s = cli.status("cangzhou", "2024Q1", "05")  # the 2023 batch is due by now
    assert s["stale"] is True
    assert s["explanation"].endswith("；数据截至2022年第四季度，尚无更新数据")


def test_final_verdict_after_the_target_year_has_no_stale_note(cli: Cli) -> None:
    cli("record", "05", "2025Q4", "1310", "--plan", "cangzhou")
    s = cli.status("cangzhou", "2026Q4", "05")
    assert s["status"] == "met"
    assert s["stale"] is False
    assert s["explanation"] == "截至2025年末达1310家，达到目标1300家（已完成）"
