"""The round's commands: task-progress, tasks, missing, check, close-quarter, reopen-quarter."""

from __future__ import annotations

import json
from pathlib import Path

from planmonitor.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_round_from_the_command_line(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    assert run(capsys, "--db", db, "init", "--plan", "xx-district")[0] == 0
    evidence = tmp_path / "拨付凭证.pdf"
    evidence.write_bytes(b"%PDF evidence")

    code, out, err = run(
        capsys,
        "--db",
        db,
        "task-progress",
        "3",
        "2024Q3",
        "--state",
        "滞后",
        "--text",
        "已拨付800万元",
        "--next",
        "四季度拨付余款",
    )
    assert code == 2 and out == ""
    assert err.strip() == "planmonitor: 错误：任务3：状态为滞后时须说明原因（情况说明）"
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "task-progress",
        "3",
        "2024Q3",
        "--state",
        "滞后",
        "--text",
        "已拨付800万元",
        "--next",
        "四季度拨付余款",
        "--reason",
        "预算调整",
        "--attach",
        str(evidence),
    )
    assert code == 0
    assert out.strip() == (
        "任务3“加大科技投入,强化资金保障”2024年第三季度：■ 滞后，已记录，佐证材料1个"
    )

    code, out, _ = run(
        capsys, "--db", db, "tasks", "--unit", "区财政局", "--quarter", "2024Q3", "--json"
    )
    rows = json.loads(out)
    assert [r["code"] for r in rows] == ["1", "3"]
    p = rows[1]["progress"]
    assert (p["state"], p["text"], p["next"], p["reason"]) == (
        "滞后",
        "已拨付800万元",
        "四季度拨付余款",
        "预算调整",
    )
    assert [(a["name"], a["size"]) for a in p["attachments"]] == [("拨付凭证.pdf", 13)]
    assert rows[0]["progress"] is None

    for args in (("03", "2024Q2", "900"), ("03", "2024Q3", "800"), ("04", "2023", "120")):
        assert run(capsys, "--db", db, "record", *args)[0] == 0
    code, out, _ = run(capsys, "--db", db, "missing", "--quarter", "2024Q3", "--json")
    finance = next(u for u in json.loads(out)["units"] if u["unit"] == "区财政局")
    assert [(m["kind"], m["code"], m["period"]) for m in finance["missing"]] == [
        ("indicator", "05", "2023"),
        ("task", "1", "2024Q3"),
    ]
    code, out, _ = run(capsys, "--db", db, "check", "--quarter", "2024Q3", "--json")
    assert {(f["rule"], f["code"], f["period"]) for f in json.loads(out)} == {
        ("ytd_decrease", "03", "2024Q3"),
        ("ratio_over_100", "04", "2023"),
    }

    code, _, err = run(capsys, "--db", db, "close-quarter", "2024Q3")
    assert code == 2 and "尚不能锁定" in err and "任务3" not in err
    assert run(capsys, "--db", db, "record", "03", "2024Q3", "800", "--note", "资金未到位")[0] == 0
    assert run(capsys, "--db", db, "record", "04", "2023", "1.2", "--note", "更正录入错误")[0] == 0
    code, out, err = run(capsys, "--db", db, "close-quarter", "2024Q3")
    assert code == 0, err
    assert out.startswith("已锁定：") and "锁定2024年第三季度（本季度报送完成）" in out

    code, out, err = run(capsys, "--db", db, "record", "03", "2024Q3", "1000")
    assert code == 2 and out == ""
    assert err.startswith("planmonitor: 错误：指标03，2024年第三季度：2024年第三季度已于")
    assert "锁定（本季度报送完成），不能修改" in err

    code, _, err = run(capsys, "--db", db, "reopen-quarter", "2024Q3", "--reason", " ")
    assert code == 2 and "须说明原因" in err
    code, out, _ = run(capsys, "--db", db, "reopen-quarter", "2024Q3", "--reason", "财政局报送更正")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("已重新打开：") and lines[1] == "锁定记录："
    assert "锁定2024年第三季度（本季度报送完成）" in lines[2]
    assert "重新打开2024年第三季度（财政局报送更正）" in lines[3]
    assert run(capsys, "--db", db, "record", "03", "2024Q3", "1000", "--note", "更正")[0] == 0


def test_record_warns_when_a_value_needs_a_comment(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "w.sqlite")
    run(capsys, "--db", db, "init", "--plan", "xx-district")
    assert run(capsys, "--db", db, "record", "03", "2024Q2", "900")[2] == ""
    code, out, err = run(capsys, "--db", db, "record", "03", "2024Q3", "800")
    assert code == 0 and "800.00万元" in out  # recorded, never silently changed
    assert err.strip() == (
        "planmonitor: 审核提示：03 财政科技投入 2024年第三季度：累计值低于上季度，"
        "1—9月累计800万元低于1—6月的900万元；请用 --note 写明情况说明"
    )
    code, _, err = run(
        capsys, "--db", db, "record", "03", "2024Q3", "800", "--note", "部分资金未到位"
    )
    assert code == 0 and err == ""
