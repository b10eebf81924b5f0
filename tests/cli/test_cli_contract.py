"""The command-line contract scripts rely on: JSON keys, exit codes, nothing changed on errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planmonitor import __version__
from planmonitor.cli import main

STATUS_KEYS = {
    "code",
    "name",
    "status",
    "actual",
    "expected",
    "progress",
    "data_period",
    "forecast",
    "explanation",
}
INDICATOR_KEYS = {
    "code",
    "name",
    "unit",
    "category",
    "attribute",
    "form",
    "baseline",
    "baseline_year",
    "target",
    "target_year",
    "cadence",
    "profile",
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_version_and_plans(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and __version__ in capsys.readouterr().out
    code, out, _ = run(capsys, "plans", "--json")
    plans = json.loads(out)
    assert code == 0 and len(plans) == 5
    assert {tuple(sorted(p)) for p in plans} == {("id", "indicators", "region", "title")}
    counts = {p["id"]: p["indicators"] for p in plans}
    assert counts["cangzhou"] == 17 and counts["chengde"] == 37
    assert counts["shanhaiguan"] >= 4 and counts["xx-district"] >= 14
    assert counts["shijiazhuang"] >= 14


@pytest.mark.parametrize(
    "plan", ["shanhaiguan", "cangzhou", "xx-district", "chengde", "shijiazhuang"]
)
def test_every_plan_loads_lists_and_reports(plan: str, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "x.sqlite")
    code, out, _ = run(capsys, "--db", db, "init", "--plan", plan)
    assert code == 0 and "已写入规划" in out
    code, out, _ = run(capsys, "--db", db, "init", "--plan", plan)
    assert code == 0 and "未作修改" in out
    code, out, _ = run(capsys, "--db", db, "indicators", "--json")
    rows = json.loads(out)
    assert rows and all(set(r) >= INDICATOR_KEYS for r in rows)
    code, out, _ = run(capsys, "--db", db, "status", "--quarter", "2024Q3", "--json")
    statuses = json.loads(out)
    assert len(statuses) == len(rows) and all(set(s) >= STATUS_KEYS for s in statuses)
    overdue = {r["code"] for r in rows if r["form"] == "milestone" and r["due"] <= "2024-09-30"}
    for s in statuses:  # nothing recorded yet: grey, except qualitative milestones now overdue
        expected = "not_met" if s["code"] in overdue else "grey"
        assert s["status"] == expected, s


def test_history_lists_recorded_and_superseded_values(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "h.sqlite")
    run(capsys, "--db", db, "init", "--plan", "cangzhou")
    run(capsys, "--db", db, "record", "05", "2024Q3", "1000", "--standing", "预计")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "record",
        "05",
        "2024Q3",
        "1012",
        "--standing",
        "正式",
        "--note",
        "第二批认定",
    )
    assert code == 0 and "原值1000家" in out
    code, out, _ = run(capsys, "--db", db, "history", "05", "--json")
    rows = json.loads(out)
    assert [(r["value"], r["standing"], r["current"]) for r in rows] == [
        (1000, "预计", False),
        (1012, "正式", True),
    ]
    assert rows[1]["comment"] == "第二批认定" and rows[0]["superseded_at"] is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["record", "99", "2024Q3", "1"], "没有指标编码“99”"),
        (["record", "05", "2024Q7", "1"], "季度7"),
        (["record", "05", "2024年第三", "1"], "无法识别的期间"),
        (["record", "05", "2024Q3", "一千"], "“一千”不是数字"),
        (["record", "05", "2024Q3", "12", "--standing", "大概"], "预计、初步 或 正式"),
        (["record", "05", "2024Q3", "12", "--region", "运河区"], "没有地区“运河区”"),
        (["status", "--quarter", "2024-08"], "应为季度"),
        (["history", "42"], "没有指标编码“42”"),
        (["init", "--plan", "nowhere"], "没有名为“nowhere”的内置规划"),
        (["status", "--plan", "beijing"], "没有规划“beijing”"),
    ],
)
def test_bad_input_one_clear_line_exit_2_nothing_changed(
    args, message, tmp_path: Path, capsys
) -> None:
    db = tmp_path / "bad.sqlite"
    run(capsys, "--db", str(db), "init", "--plan", "cangzhou")
    run(capsys, "--db", str(db), "record", "05", "2024Q2", "1000")
    before = run(capsys, "--db", str(db), "history", "05", "--json")[1]
    code, _out, err = run(capsys, "--db", str(db), *args)
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert run(capsys, "--db", str(db), "history", "05", "--json")[1] == before


def test_a_plan_file_with_an_error_names_file_entry_and_field(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "my.toml"
    text = Path("resources/plans/001-cangzhou.toml").read_text(encoding="utf-8")
    bad.write_text(text.replace("baseline = 795", 'baseline = "七百九十五"'), encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "p.sqlite"), "init", "--plan", str(bad))
    assert code == 2
    assert "my.toml" in err and "indicators[5]" in err and "baseline" in err and "数字" in err
    code, _out, _ = run(capsys, "--db", str(tmp_path / "p.sqlite"), "status", "--json")
    assert code == 2  # the database holds no plan: nothing was half-written


def test_the_installed_entry_point_runs(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "planmonitor.cli", "--db", str(tmp_path / "e.sqlite"), "plans"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert "沧州市科技创新“十四五”规划" in out.stdout
