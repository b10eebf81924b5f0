"""One validation of numbers and years (issue 15, defect 9), the same for plan files, the command
line, the desktop program and imports: NaN and infinity are refused (never "missing"), so are
magnitudes beyond 10^15 (with the limit named), years outside 1900–2200, and "12%%"."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from planmonitor.cli import main
from planmonitor.domain.indicator import PlanError
from planmonitor.domain.values import NumberError, check_year, parse_number
from planmonitor.exchange.planfiles.planfile import load_plan_file
from planmonitor.services.import_preview import ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import open_database

REPO = Path(__file__).resolve().parents[2]
CANGZHOU = (REPO / "resources/plans/001-cangzhou.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1e308", "不能超过10\\^15"),
        ("-1e308", "不能超过10\\^15"),
        ("1,000,000,000,000,001", "不能超过10\\^15"),
        ("12%%", "不是数字"),
        ("nan", "不是数字"),
        ("-inf", "不是数字"),
    ],
)
def test_implausible_texts_are_refused(text: str, message: str) -> None:
    with pytest.raises(NumberError, match=message):
        parse_number(text)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), 1e308])
def test_numbers_from_cells_or_widgets_are_checked_too(value: float) -> None:
    with pytest.raises(NumberError):
        parse_number(value)


def test_plausible_numbers_pass() -> None:
    assert parse_number("1e15") == 1e15
    assert parse_number("-12.5%") == -12.5
    assert parse_number(-3.0) == -3.0
    assert check_year(1900) == 1900 and check_year(2200) == 2200
    with pytest.raises(NumberError, match="1900—2200"):
        check_year(2201)


def plan_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("target_year = 2025", "target_year = 2400", "target_year 的年份2400不在1900—2200"),
        ("baseline_year = 2020", "baseline_year = 1800", "不在1900—2200"),
        ("target = 2.1", "target = nan", "字段 target 的值nan不是数字（NaN）"),
        ("target = 2.1", "target = inf", "超出范围"),
        ("target = 2.1", "target = 1e308", "字段 target 的值1e\\+308超出范围"),
        ("baseline = 1.29", "baseline = -inf", "超出范围"),
        ('cadence = "annual_late"', "profile = [nan, 0, 0, 100]", "profile"),
        ("format = 1", "format = 2", "“format = 2”不受支持"),
    ],
)
def test_plan_files_refuse_implausible_numbers_years_and_formats(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in CANGZHOU
    with pytest.raises(PlanError, match=message) as err:
        load_plan_file(plan_file(tmp_path, CANGZHOU.replace(old, new, 1)))
    assert str(err.value).startswith("plan.toml")


def test_a_deeply_nested_plan_file_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = plan_file(tmp_path, CANGZHOU + "\nnote = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert main(["--db", str(tmp_path / "d.sqlite"), "init", "--plan", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "plan.toml" in err and "嵌套过深" in err


def test_the_command_line_takes_odd_negative_numbers_as_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "n.sqlite")
    assert main(["--db", db, "init", "--plan", "cangzhou"]) == 0
    capsys.readouterr()
    for word in ("-1e308", "-inf"):
        assert main(["--db", db, "record", "05", "2024Q3", word]) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and f"“{word}”" in err, err
    assert main(["--db", db, "record", "05", "2024Q3", "1e308"]) == 2
    assert "不能超过10^15" in capsys.readouterr().err


def test_an_imported_cell_beyond_the_limit_is_an_error_naming_it(tmp_path: Path) -> None:
    db = open_database(tmp_path / "i.sqlite")
    try:
        PlanService(db).install(plan_source("cangzhou"))
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.append(["指标名称", "2024年1-9月"])
        ws.append(["高新技术企业数量", 1e308])
        ws.append(["技术合同成交额", "1e300"])
        ws.append(["科技型中小企业数量", 1200])
        path = tmp_path / "大数.xlsx"
        wb.save(path)
        preview = ImportService(db).preview(path, "cangzhou")
    finally:
        db.close()
    by_cell = {r.cell: r for r in preview.rows}
    for cell in ("B2", "B3"):
        assert by_cell[cell].kind is ItemKind.ERROR
        assert "不能超过10^15" in by_cell[cell].message
    assert by_cell["B4"].kind is ItemKind.NEW and by_cell["B4"].value == 1200
