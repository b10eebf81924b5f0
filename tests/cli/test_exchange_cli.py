"""The command line of the quarterly round: template, import (--dry-run, --json, --map,
--accept-conflicts), export — the JSON contract and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from planmonitor.cli import main

IMPORT_KEYS = {"file", "new", "changed", "unchanged", "conflicts", "unknown", "errors", "values"}
VALUE_KEYS = {"code", "period", "region", "value", "sheet", "cell"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "cli.sqlite")
    assert run(capsys, "--db", path, "init", "--plan", "cangzhou")[0] == 0
    return path


def sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_template_fill_import_twice(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "填报表.xlsx"
    code, text, _ = run(capsys, "--db", db, "template", "--quarter", "2024Q3", "--out", str(out))
    assert code == 0 and "17项指标" in text and out.exists()
    wb = load_workbook(out)
    ws = wb["指标填报"]
    roles = {
        str(ws.cell(1, c).value).split("=")[1]: c
        for c in range(1, ws.max_column + 1)
        if ws.cell(1, c).value
    }
    for r in range(5, 16):
        if ws.cell(r, roles["code"]).value == "05":
            ws.cell(r, roles["value"]).value = 980
            ws.cell(r, roles["standing"]).value = "正式"
    wb.save(out)

    code, text, _ = run(capsys, "--db", db, "import", str(out), "--dry-run", "--json")
    doc = json.loads(text)
    assert code == 0 and set(doc) >= IMPORT_KEYS and doc["dry_run"] and doc["written"] == 0
    assert doc["new"] == 1 and doc["unknown"] == [] and doc["errors"] == []
    (value,) = doc["values"]
    assert set(value) >= VALUE_KEYS
    assert (value["code"], value["period"], value["region"], value["value"]) == (
        "05",
        "2024Q3",
        "*",
        980.0,
    )
    assert value["sheet"] == "指标填报" and value["cell"][-1].isdigit()

    code, text, _ = run(capsys, "--db", db, "import", str(out))
    assert code == 0 and "已写入1个数值" in text
    code, text, _ = run(capsys, "--db", db, "import", str(out), "--json")
    doc = json.loads(text)
    assert (doc["new"], doc["unchanged"], doc["written"]) == (0, 1, 0)
    code, text, _ = run(capsys, "--db", db, "history", "05", "--json")
    (obs,) = json.loads(text)
    assert obs["source_kind"] == "import" and obs["file"] == "填报表.xlsx"
    assert obs["standing"] == "正式"


def test_unsure_names_are_listed_and_mapped_by_hand(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(
        tmp_path / "t.xlsx",
        [["指标名称", "2024年1-9月"], ["万人发明专利拥有量", 3.2], ["院士工作站", 4]],
    )
    code, text, _ = run(capsys, "--db", db, "import", str(path), "--json")
    doc = json.loads(text)
    assert code == 0 and doc["written"] == 0 and doc["values"] == []
    unknown = {u["label"]: u for u in doc["unknown"]}
    assert unknown["万人发明专利拥有量"]["status"] == "unsure"
    assert unknown["万人发明专利拥有量"]["candidates"][0]["code"] == "02"
    assert unknown["院士工作站"]["status"] == "unknown" and unknown["院士工作站"]["cells"] == ["B3"]

    code, text, _ = run(
        capsys,
        "--db",
        db,
        "import",
        str(path),
        "--map",
        "万人发明专利拥有量=02",
        "--map",
        "院士工作站=",
    )
    assert code == 0 and "已写入1个数值" in text
    code, text, _ = run(capsys, "--db", db, "import", str(path), "--json")  # remembered
    doc = json.loads(text)
    assert doc["unknown"] == [] and doc["unchanged"] == 1


def test_conflicts_need_accept_conflicts(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", db, "record", "05", "2024Q3", "970")[0] == 0
    path = sheet(tmp_path / "t.xlsx", [["指标名称", "2024年1-9月"], ["高新技术企业数量", 980]])
    code, text, _ = run(capsys, "--db", db, "import", str(path), "--json")
    doc = json.loads(text)
    assert doc["written"] == 0
    (conflict,) = doc["conflicts"]
    assert (conflict["old_value"], conflict["value"], conflict["cell"]) == (970.0, 980.0, "B2")
    code, text, _ = run(capsys, "--db", db, "import", str(path))
    assert "冲突" in text and "--accept-conflicts" in text
    code, text, _ = run(capsys, "--db", db, "import", str(path), "--accept-conflicts")
    assert code == 0 and "已写入1个数值" in text


def test_errors_name_sheet_and_cell(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(tmp_path / "t.xlsx", [["指标名称", "2024年1-9月"], ["高新技术企业数量", "约980"]])
    code, text, _ = run(capsys, "--db", db, "import", str(path), "--json")
    assert code == 0
    (error,) = json.loads(text)["errors"]
    assert (error["sheet"], error["cell"]) == ("Sheet", "B2") and "约980" in error["message"]


def test_bad_arguments_exit_2_with_one_line(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.xlsx")
    for args in (
        ["template", "--quarter", "2024Q3", "--unit", "区气象局", "--out", out],
        ["template", "--quarter", "2024年8月", "--out", out],
        ["import", str(tmp_path / "missing.xlsx")],
        ["import", out, "--map", "没有等号"],
        ["export", "--out", str(tmp_path / "x.csv")],
    ):
        code, _, err = run(capsys, "--db", db, *args)
        assert (
            code == 2 and err.strip().count("\n") == 0 and err.startswith("planmonitor: 错误：")
        ), args


def test_export(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", db, "record", "05", "2024Q3", "980")[0] == 0
    out = tmp_path / "导出.xlsx"
    code, text, _ = run(capsys, "--db", db, "export", "--plan", "cangzhou", "--out", str(out))
    assert code == 0 and "已导出1个数值" in text
    ws = load_workbook(out)["数值"]
    assert [c.value for c in ws[2]][1:7] == [
        "05",
        "高新技术企业数量",
        "家",
        "2024年第三季度",
        "2024Q3",
        980,
    ]


def test_dry_run_names_the_values_that_took_the_given_period(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = sheet(
        tmp_path / "无期间.xlsx",
        [["指标名称", "完成值"], ["高新技术企业数量", 980], ["技术合同成交额", 60.5]],
    )
    code, text, _ = run(capsys, "--db", db, "import", str(bare), "--period", "2024Q3", "--dry-run")
    assert code == 0
    assert "2个数值未注明期别（Sheet!B2、Sheet!B3），按2024年第三季度导入" in text
    assert "Sheet!B2       05 高新技术企业数量 2024年第三季度（文件未注明）" in text
    code, text, _ = run(
        capsys, "--db", db, "import", str(bare), "--period", "2024Q3", "--dry-run", "--json"
    )
    doc = json.loads(text)
    assert [v["period_assumed"] for v in doc["values"]] == [True, True]
    assert any("未注明期别" in w["message"] for w in doc["warnings"])

    named = sheet(
        tmp_path / "有期间.xlsx", [["指标名称", "2024年1-9月"], ["高新技术企业数量", 980]]
    )
    code, text, _ = run(capsys, "--db", db, "import", str(named), "--period", "2024Q3", "--dry-run")
    assert code == 0 and "未注明" not in text and "2024年第三季度" in text
