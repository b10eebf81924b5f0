"""draft-plan: the JSON contract, the plan file --out writes and init --plan loads."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from planmonitor.cli import main

SEEDS = Path(__file__).parents[1] / "exchange" / "plandocs" / "seeds"
sys.path.insert(0, str(SEEDS.parent))

from make_plan_docs import county_docx, notes_txt  # noqa: E402

INDICATOR_KEYS = {
    "code", "name", "unit", "category", "attribute", "form", "comparator", "baseline",
    "baseline_year", "target", "target_year", "rate", "increase", "milestones", "due",
    "target_text", "cadence", "profile", "responsible", "sure", "source_text", "where",
    "questions", "split", "nature", "source", "decimals",
}  # fmt: skip


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_contract(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = tmp_path / "county.docx"
    county_docx(doc)
    code, out, _ = _run(capsys, "draft-plan", str(doc), "--json")
    assert code == 0
    data = json.loads(out)
    assert {"title", "issuer", "region", "baseline_year", "target_year", "indicators", "tasks",
            "questions"} <= set(data)  # fmt: skip
    assert (data["baseline_year"], data["target_year"]) == (2025, 2030)
    first = data["indicators"][0]
    assert set(first) >= INDICATOR_KEYS
    assert first["name"] == "全社会研发经费投入强度"
    assert (first["comparator"], first["target"], first["sure"]) == ("~", 2.3, True)
    assert "2.3左右" in first["source_text"]
    small = next(i for i in data["indicators"] if i["name"] == "科技型中小企业")
    assert (small["form"], small["increase"], small["target"]) == ("increase", 200, 520)
    hi = next(i for i in data["indicators"] if i["name"] == "高新技术企业")
    assert (hi["nature"], hi["decimals"], hi["cadence"], hi["profile"]) == (
        "stock",
        0,
        "batch",
        "0/0/0/100",
    )
    assert data["tasks"][0]["title"] == "实施创新主体倍增工程"
    assert data["tasks"][0]["responsible"][:1] == ["县科技局"]


def test_out_writes_a_plan_file_that_init_loads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "xx.toml"
    code, _, err = _run(
        capsys, "draft-plan", str(SEEDS / "002_599f4a3891dbf60e.txt"), "--out", str(out_file)
    )
    assert code == 0 and "xx.toml" in err
    text = out_file.read_text(encoding="utf-8")
    assert "# 问题：" in text and "# 原文（" in text
    db = str(tmp_path / "pm.sqlite")
    code, out, err = _run(capsys, "--db", db, "init", "--plan", str(out_file))
    assert code == 0, err
    assert "16项指标" in out
    code, out, _ = _run(capsys, "--db", db, "indicators", "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    hi = rows["高新技术企业"]
    assert hi["milestones"] == [[2020, 75.0], [2025, 180.0]]
    assert rows["实施市级以上科技计划"]["form"] == "quota"
    assert rows["高新技术产业增加值"]["rate"] == 10.0


def test_unsure_values_are_marked_in_the_plan_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = tmp_path / "notes.txt"
    notes_txt(doc)
    text = doc.read_text(encoding="utf-8").replace("注：[ ]内为累计数。\n", "")
    doc.write_text(text, encoding="utf-8")
    out_file = tmp_path / "notes.toml"
    assert _run(capsys, "draft-plan", str(doc), "--out", str(out_file))[0] == 0
    plan_text = out_file.read_text(encoding="utf-8")
    block = next(b for b in plan_text.split("[[indicators]]") if "2.省级以上研发平台" in b)
    assert "# 待确认" in block and "累计" in block


def test_unknown_kind_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    f = tmp_path / "plan.pptx"
    f.write_bytes(b"x")
    code, _, err = _run(capsys, "draft-plan", str(f))
    assert code == 2
    assert err.strip().count("\n") == 0 and "plan.pptx" in err
