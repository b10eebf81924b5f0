"""Issue 10 §11: the explanation sentence as an official writes it, through `status --json`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planmonitor.cli import main


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

    def statuses(self, plan: str, quarter: str) -> dict[str, dict]:
        rows = json.loads(self("status", "--plan", plan, "--quarter", quarter, "--json"))
        return {r["code"]: r for r in rows}


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    c = Cli(tmp_path / "pm.sqlite", capsys)
    for plan in ("cangzhou", "xx-district", "shanhaiguan"):
        c("init", "--plan", plan)
    return c


def test_stocks_flows_and_a_closed_year_read_as_an_office_writes_them(cli: Cli) -> None:
    cli("record", "05", "2024Q3", "1105", "--plan", "cangzhou")
    cli("record", "09", "2023Q3", "80.0", "--plan", "cangzhou")
    s = cli.statuses("cangzhou", "2024Q3")
    assert s["05"]["explanation"].startswith("截至2024年9月末达1105家，序时目标")
    cli("record", "09", "2023Q4", "120", "--plan", "cangzhou")
    s = cli.statuses("cangzhou", "2023Q3")
    assert s["09"]["explanation"] == (
        "2023年1—9月完成80.00亿元，本年目标117.28亿元，序时目标87.96亿元，"
        "完成序时进度的91.0%（略滞后）"
    )
    s = cli.statuses("cangzhou", "2023Q4")
    assert s["09"]["explanation"] == (
        "2023年全年完成120.00亿元，本年目标117.28亿元，完成本年目标的102.3%（达到序时进度）"
    )


def test_no_space_around_numbers_in_chinese(cli: Cli) -> None:
    for code, period, value in [
        ("05", "2023Q3", "990"),
        ("09", "2023Q3", "80"),
        ("02", "2023Q3", "2.9"),
    ]:
        cli("record", code, period, value, "--plan", "cangzhou")
    for row in cli.statuses("cangzhou", "2023Q3").values():
        text = row["explanation"]
        assert not re.search(r"\d \S|\S \d", text), text


def test_counts_are_shown_whole_and_computed_exactly(cli: Cli, tmp_path: Path) -> None:
    text = Path("resources/plans/001-cangzhou.toml").read_text(encoding="utf-8")
    text = text.replace('id = "cangzhou"', 'id = "cangzhou-even"')
    text = text.replace("profile = [0, 0, 0, 100]", "profile = [25, 50, 75, 100]")
    plan_file = tmp_path / "even.toml"
    plan_file.write_text(text, encoding="utf-8")
    cli("init", "--plan", str(plan_file))
    cli("record", "05", "2023Q3", "990", "--plan", "cangzhou-even")
    s = cli.statuses("cangzhou-even", "2023Q3")["05"]
    assert s["expected"] == pytest.approx(1072.75)
    assert "序时目标1073家" in s["explanation"]
    assert "1072.75" not in s["explanation"] and "1072.75" not in s["explanation_en"]


def test_one_pair_of_brackets_and_every_grey_sentence_has_its_word(cli: Cli) -> None:
    cli("record", "05", "2022Q3", "900", "--plan", "cangzhou")  # stale at 2024Q3
    cli("record", "09", "2024Q3", "95", "--plan", "cangzhou")  # a flow with this year's target
    cli("record", "14", "2024Q3", "20", "--plan", "xx-district")  # a quota
    rows = [
        *cli.statuses("cangzhou", "2024Q3").values(),
        *cli.statuses("xx-district", "2021Q1").values(),  # milestones not due, no data
        *cli.statuses("xx-district", "2024Q3").values(),
        *cli.statuses("shanhaiguan", "2024Q3").values(),  # no baselines
    ]
    for row in rows:
        text = row["explanation"]
        assert text.count("（") <= 1 and text.count("）") <= 1, text
        if row["status"] == "grey":
            assert text.endswith("（暂无法评价）"), text
    stale = cli.statuses("cangzhou", "2024Q3")["05"]
    assert stale["stale"]
    assert "（达到序时进度）；数据截至2022年第三季度，尚无更新数据" in stale["explanation"]
    not_due = cli.statuses("xx-district", "2021Q1")["01"]
    assert not_due["explanation"] == "计划于2021年12月31日前完成，尚未报告完成（暂无法评价）"
