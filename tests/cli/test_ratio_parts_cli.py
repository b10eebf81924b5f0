"""Ratio indicators recorded by numerator and denominator (issue 10 §9), through the CLI.

`record CODE PERIOD --numerator N --denominator D` computes the ratio (N / D × the indicator's
scale) and stores it with its parts; the roll-up of sub-regions adds the parts and recomputes the
ratio, instead of reporting every sub-region as missing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planmonitor.cli import main

PLAN = Path(__file__).parents[1] / "exchange" / "fixtures" / "cangzhou-regions.toml"
# 运河区, 新华区, 沧县, 青县: R&D expenditure and GDP in 亿元 for 2022
PARTS = {"yunhe": (10, 800), "xinhua": (12, 900), "cangxian": (5, 600), "qingxian": (8, 700)}


def run(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "pm.sqlite"
    assert run(path, capsys, "init", "--plan", str(PLAN))[0] == 0
    return path


def status(db: Path, capsys: pytest.CaptureFixture[str], code: str, *extra: str) -> dict:
    rc, out, err = run(db, capsys, "status", "--quarter", "2023Q3", "--json", *extra)
    assert rc == 0, err
    return next(r for r in json.loads(out) if r["code"] == code)


def test_record_by_parts_stores_the_computed_ratio_with_them(db, capsys) -> None:
    rc, out, err = run(
        db, capsys, "record", "01", "2022", "--numerator", "26.5", "--denominator", "1600",
        "--standing", "正式", "--json",
    )  # fmt: skip
    assert rc == 0, err
    shown = json.loads(out)
    assert shown["value"] == pytest.approx(26.5 / 1600 * 100)
    assert (shown["numerator"], shown["denominator"], shown["result"]) == (26.5, 1600, "new")
    rc, out, _ = run(db, capsys, "history", "01", "--json")
    (obs,) = json.loads(out)
    assert (obs["value"], obs["numerator"], obs["denominator"]) == (
        pytest.approx(1.65625),
        26.5,
        1600,
    )
    assert status(db, capsys, "01")["actual"] == pytest.approx(1.65625)


def test_patents_per_ten_thousand_use_the_indicator_s_scale(db, capsys) -> None:
    rc, out, err = run(
        db, capsys, "record", "02", "2023Q3", "--numerator", "2450", "--denominator", "7300000",
    )  # fmt: skip
    assert rc == 0, err
    assert "3.36" in out and "分子2450、分母7300000" in out  # 2450 / 7300000 × 10000


def test_roll_up_adds_the_parts_of_every_sub_region(db, capsys) -> None:
    for region, (num, den) in PARTS.items():
        rc, _, err = run(
            db, capsys, "record", "01", "2022", "--region", region,
            "--numerator", str(num), "--denominator", str(den), "--standing", "正式",
        )  # fmt: skip
        assert rc == 0, err
    city = status(db, capsys, "01")
    assert city["actual"] == pytest.approx(35 / 3000 * 100)  # 1.17 %, not the mean 1.14 %
    assert city["data_period"] == "2022"
    assert "未汇总" not in city["explanation"] and "缺" not in city["explanation"]
    one = status(db, capsys, "01", "--region", "yunhe")
    assert one["actual"] == pytest.approx(1.25)


def test_sub_regions_that_gave_only_the_ratio_are_named_as_lacking_the_parts(db, capsys) -> None:
    for region, (num, den) in PARTS.items():
        args = ["record", "01", "2022", str(round(num / den * 100, 4)), "--region", region]
        if region == "yunhe":
            args = ["record", "01", "2022", "--region", region]
            args += ["--numerator", str(num), "--denominator", str(den)]
        assert run(db, capsys, *args)[0] == 0
    city = status(db, capsys, "01")
    assert city["actual"] is None
    for name in ("新华区分子分母", "沧县分子分母", "青县分子分母"):
        assert name in city["explanation"]
    assert "运河区" not in city["explanation"]  # it gave its parts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["05", "2022", "--numerator", "1", "--denominator", "2"], "不是比值指标"),
        (["01", "2022", "--numerator", "10"], "分子和分母应同时给出"),
        (["01", "2022", "--numerator", "10", "--denominator", "0"], "应大于零"),
        (
            ["01", "2022", "--numerator", "十", "--denominator", "800"],
            "--numerator（分子）“十”不是数字",
        ),
        (["01", "2022", "1.30", "--numerator", "10", "--denominator", "800"], "不符"),
        (["01", "2022"], "缺少数值"),
    ],
)
def test_bad_parts_are_one_line_and_change_nothing(db, capsys, args, message) -> None:
    rc, _, err = run(db, capsys, "record", *args)
    assert rc == 2 and message in err and err.count("\n") == 1
    rc, out, _ = run(db, capsys, "history", args[0], "--json")
    assert json.loads(out) == []


def test_a_value_that_agrees_with_its_parts_is_accepted(db, capsys) -> None:
    rc, _, err = run(
        db, capsys, "record", "01", "2022", "1.25", "--numerator", "10", "--denominator", "800",
    )  # fmt: skip
    assert rc == 0, err


def test_import_json_lists_the_parts_it_read(db, capsys, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["地区", "全社会研发经费支出（亿元）", "地区生产总值（亿元）"])
    ws.append(["运河区", 10, 800])
    path = tmp_path / "运河区.xlsx"
    wb.save(path)
    rc, out, err = run(db, capsys, "import", str(path), "--period", "2022", "--json")
    assert rc == 0, err
    (value,) = json.loads(out)["values"]
    assert (value["code"], value["region"], value["status"]) == ("01", "yunhe", "new")
    assert (value["numerator"], value["denominator"]) == (10, 800)
    assert value["value"] == pytest.approx(1.25)
    assert status(db, capsys, "01", "--region", "yunhe")["actual"] == pytest.approx(1.25)
