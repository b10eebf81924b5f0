"""The eight worked examples of domain.md §5, through `record` and `status --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planmonitor.cli import main


class Cli:
    """Runs ``planmonitor --db <tmp>`` commands in-process and parses JSON output."""

    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db = str(db)
        self.capsys = capsys

    def __call__(self, *args: str) -> str:
        code = main(["--db", self.db, *args])
        out = self.capsys.readouterr()
        assert code == 0, out.err
        return out.out

    def json(self, *args: str):
        return json.loads(self(*args, "--json"))

    def status(self, plan: str, quarter: str, code: str) -> dict:
        rows = self.json("status", "--plan", plan, "--quarter", quarter)
        return next(r for r in rows if r["code"] == code)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    c = Cli(tmp_path / "pm.sqlite", capsys)
    for plan in ("cangzhou", "chengde", "xx-district", "shijiazhuang"):
        c("init", "--plan", plan)
    return c


def test_example_1_high_tech_enterprises_batch_profile(cli: Cli) -> None:
    cli("record", "05", "2023Q3", "990", "--plan", "cangzhou")
    s = cli.status("cangzhou", "2023Q3", "05")
    assert s["expected"] == pytest.approx(997)
    assert s["progress"] == pytest.approx(0.965, abs=5e-4)
    assert s["status"] == "yellow"
    assert s["data_period"] == "2023Q3"
    assert "序时目标997家" in s["explanation"]


def test_example_1_with_the_even_profile_from_a_hand_written_plan(cli: Cli, tmp_path: Path) -> None:
    text = Path("resources/plans/001-cangzhou.toml").read_text(encoding="utf-8")
    text = text.replace('id = "cangzhou"', 'id = "cangzhou-even"')
    text = text.replace("profile = [0, 0, 0, 100]", "profile = [25, 50, 75, 100]")
    plan_file = tmp_path / "my-plan.toml"
    plan_file.write_text(text, encoding="utf-8")
    cli("init", "--plan", str(plan_file))
    cli("record", "05", "2023Q3", "990", "--plan", "cangzhou-even")
    s = cli.status("cangzhou-even", "2023Q3", "05")
    assert s["expected"] == pytest.approx(1072.75)
    assert s["progress"] == pytest.approx(0.702, abs=5e-4)
    assert s["status"] == "red"


def test_example_2_rd_expenditure_growth_published_late(cli: Cli) -> None:
    cli("record", "01", "2023", "28.00", "--plan", "chengde", "--standing", "正式")
    s = cli.status("chengde", "2024Q3", "01")
    assert s["data_period"] == "2023"
    assert s["expected"] == pytest.approx(29.11, abs=0.005)
    assert s["progress"] == pytest.approx(0.847, abs=5e-4)
    assert s["status"] == "red"
    assert s["realised_rate"] == pytest.approx(8.6, abs=0.05)
    assert "实际年均增长8.6%" in s["explanation"]


def test_example_3_milestones_without_baseline(cli: Cli) -> None:
    cli("record", "06", "2024年1-6月", "131", "--plan", "xx-district")
    s = cli.status("xx-district", "2024Q2", "06")
    assert s["expected"] == pytest.approx(138)
    assert s["progress"] == pytest.approx(56 / 63, abs=1e-6)
    assert s["status"] == "red"


def test_example_4_annual_quota(cli: Cli) -> None:
    cli("record", "14", "2024年第二季度", "14", "--plan", "xx-district")
    s = cli.status("xx-district", "2024Q2", "14")
    assert s["expected"] == pytest.approx(15)
    assert s["progress"] == pytest.approx(0.933, abs=5e-4)
    assert s["status"] == "yellow"


def test_example_5_zero_baseline(cli: Cli) -> None:
    cli("record", "05", "2024Q1", "2", "--plan", "chengde")
    s = cli.status("chengde", "2024Q1", "05")
    assert s["expected"] == pytest.approx(3)
    assert s["progress"] == pytest.approx(0.667, abs=5e-4)
    assert s["status"] == "red"


def test_example_6_technology_contracts_flow(cli: Cli) -> None:
    cli("record", "09", "2023-09", "80.0", "--plan", "cangzhou")
    s = cli.status("cangzhou", "2023Q3", "09")
    assert s["year_target"] == pytest.approx(117.28)
    assert s["expected"] == pytest.approx(87.96)
    assert s["progress"] == pytest.approx(0.910, abs=5e-4)
    assert s["status"] == "yellow"
    assert "1—9月完成80.00亿元" in s["explanation"]


def test_example_7_cumulative_increase(cli: Cli) -> None:
    rows = cli.json("indicators", "--plan", "cangzhou")
    ind = next(r for r in rows if r["code"] == "07")
    assert (ind["baseline"], ind["target"], ind["form"]) == (14.4, pytest.approx(24.4), "increase")
    cli("record", "07", "2023Q4", "20.4", "--plan", "cangzhou")
    s = cli.status("cangzhou", "2023Q4", "07")
    assert s["expected"] == pytest.approx(14.4 + 3 * 2)  # straight path to 24.4
    assert s["progress"] == pytest.approx(1.0)
    assert s["status"] == "green"


def test_example_8_growth_rate_indicator(cli: Cli) -> None:
    cli("record", "01", "2021", "13.0", "--plan", "shijiazhuang")
    cli("record", "01", "2022", "11.5", "--plan", "shijiazhuang")
    s = cli.status("shijiazhuang", "2023Q4", "01")
    assert s["progress"] == pytest.approx(1.022, abs=5e-4)
    assert s["status"] == "green"
    assert s["realised_rate"] == pytest.approx(12.2, abs=0.05)
