"""``successor`` drafts the 十五五 plan file with its links; ``init --plan`` stores them;
``indicators --json`` and ``history --with-predecessor`` show them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from carryover_scenario import predecessor_with_values, successor_plan

from planmonitor.cli import main
from planmonitor.exchange.planfiles.writer import write_plan_file
from planmonitor.store.database import open_database

SUCCESSOR_TEXT = """沧州市科技创新“十五五”规划
“十五五”时期科技创新主要指标
序号\t指标\t2025年基数\t2030年目标\t指标属性
1\t高新技术企业数量（家）\t—\t2000\t预期性
2\t技术合同成交额（亿元）\t—\t260\t预期性
3\t人工智能企业（家）\t—\t50\t预期性
"""


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    path = tmp_path / "pm.sqlite"
    db = open_database(path)
    predecessor_with_values(db)
    db.close()
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_successor_from_a_document_to_stored_links(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "cz15.txt"
    doc.write_text(SUCCESSOR_TEXT, encoding="utf-8")
    out_file = tmp_path / "cz15.toml"
    code, out, err = _run(
        capsys, "--db", str(dbfile), "successor", "--plan", "cangzhou",
        "--document", str(doc), "--out", str(out_file),
    )  # fmt: skip
    assert code == 0, err
    assert "高新技术企业数量 ← 05 高新技术企业数量：2025年1320（正式）" in out
    assert "人工智能企业：新指标" in out
    text = out_file.read_text(encoding="utf-8")
    assert 'predecessor = { id = "cangzhou", title = "沧州市科技创新“十四五”规划" }' in text
    assert len(re.findall(r'^predecessor = "0[59]"$', text, re.M)) == 2
    assert re.search(r"^baseline = 1320$", text, re.M)
    code, out, err = _run(capsys, "--db", str(dbfile), "init", "--plan", str(out_file))
    assert code == 0 and err == "", err
    code, out, _ = _run(capsys, "--db", str(dbfile), "indicators", "--plan", "cz15", "--json")
    shown = {i["name"]: i["predecessor"] for i in json.loads(out)}
    assert shown == {
        "高新技术企业数量": {"plan": "cangzhou", "code": "05"},
        "技术合同成交额": {"plan": "cangzhou", "code": "09"},
        "人工智能企业": None,
    }
    code, out, _ = _run(capsys, "--db", str(dbfile), "indicators", "--plan", "cz15")
    assert "接续上期规划“cangzhou”《沧州市科技创新“十四五”规划》" in out and "← 上期05" in out


def test_history_with_predecessor(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "next.toml"
    write_plan_file(successor_plan(), path)
    assert _run(capsys, "--db", str(dbfile), "init", "--plan", str(path))[0] == 0
    assert _run(capsys, "--db", str(dbfile), "record", "01", "2026", "2.2", "--plan",
                "cangzhou-15")[0] == 0  # fmt: skip
    args = ("--db", str(dbfile), "history", "01", "--plan", "cangzhou-15")
    code, out, _ = _run(capsys, *args, "--with-predecessor", "--json")
    assert code == 0
    data = json.loads(out)
    assert [v["value"] for v in data["values"]] == [2.2]
    assert data["predecessor"]["plan"] == "cangzhou" and data["predecessor"]["values"] == []
    code, out, _ = _run(capsys, *args)
    assert code == 0 and "上期" not in out  # without the flag: this plan's values only
    # 02 carries 十四五's 02 over (no values there yet); 04 is new
    code, out, _ = _run(capsys, "--db", str(dbfile), "history", "02", "--plan", "cangzhou-15",
                        "--with-predecessor")  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "上期：十四五规划 cangzhou 02 万人口拥有发明专利（件），总结评估：暂无数据"
    assert lines[1] == "（尚无记录）" and lines[2].startswith("02 万人口拥有发明专利")
    code, out, _ = _run(capsys, "--db", str(dbfile), "history", "04", "--plan", "cangzhou-15",
                        "--with-predecessor")  # fmt: skip
    assert code == 0 and out.splitlines()[0] == "（本指标不接续上期规划的指标）"
