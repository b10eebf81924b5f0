"""Review on the server (a county submits, the city approves or returns with a reason, an
approved quarter is locked for the county by the database) and the audit command."""

from __future__ import annotations

import json

import pytest
from pg_accounts import OWNER, Server
from sqlalchemy import text
from test_setup_and_rls import INSERT, _raw, _region_id

pytestmark = pytest.mark.postgres


def _status(srv: Server, user: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:
    capsys.readouterr()
    assert srv.cli(user, "review", "status", "--quarter", "2024Q3", "--json") == 0
    return {s["region"]: s for s in json.loads(capsys.readouterr().out)}


def test_submit_return_with_reason_resubmit_approve_then_the_county_is_locked_out(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    assert server.cli("cangxian", "record", "05", "2024Q3", "990", "--region", "cangxian") == 0
    assert (
        server.cli("cangxian", "review", "submit", "--quarter", "2024Q3", "--region", "cangxian")
        == 0
    )
    # a county cannot approve its own quarter, nor submit another's
    capsys.readouterr()
    assert (
        server.cli("cangxian", "review", "approve", "--quarter", "2024Q3", "--region", "cangxian")
        == 2
    )
    assert "数据库拒绝审核通过：账户“cangxian”" in capsys.readouterr().err
    assert (
        server.cli("cangxian", "review", "submit", "--quarter", "2024Q3", "--region", "qingxian")
        == 2
    )
    assert (
        server.cli(
            "city",
            "review",
            "return",
            "--quarter",
            "2024Q3",
            "--region",
            "cangxian",
            "--reason",
            "高企数与统计局口径不符",
        )
        == 0
    )
    seen = _status(server, "cangxian", capsys)  # the county sees why
    assert seen["cangxian"]["state"] == "returned"
    assert seen["cangxian"]["reason"] == "高企数与统计局口径不符"
    assert seen["cangxian"]["reviewed_by"] == "city"
    assert set(seen) == {"cangxian"}  # a county sees its own regions' rounds only
    assert server.cli("cangxian", "record", "05", "2024Q3", "985", "--region", "cangxian") == 0
    assert (
        server.cli("cangxian", "review", "submit", "--quarter", "2024Q3", "--region", "cangxian")
        == 0
    )
    assert (
        server.cli("city", "review", "approve", "--quarter", "2024Q3", "--region", "cangxian") == 0
    )
    city = _status(server, "city", capsys)
    assert city["cangxian"]["state"] == "approved" and city["cangxian"]["locked"]
    assert city["qingxian"]["state"] == "open" and city["qingxian"]["word"] == "未报送"
    assert city["cangxian"]["submitted_by"] == "cangxian"
    # locked: through the program …
    capsys.readouterr()
    assert server.cli("cangxian", "record", "05", "2024Q3", "986", "--region", "cangxian") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "已审核通过并锁定" in err[0]
    # … and through raw SQL (INSERT refused, UPDATE 0 rows); the next quarter stays open
    with _raw(server, "cangxian") as conn:
        cang = _region_id(conn, "cangxian")
        assert (
            conn.execute(
                "UPDATE observations SET superseded_at = now() "
                "WHERE region_id = %s AND year = 2024 AND month = 9",
                (cang,),
            ).rowcount
            == 0
        )
        conn.commit()
        with pytest.raises(Exception, match="row-level security"):
            conn.execute(INSERT, (cang, "cangxian"))
        conn.rollback()
        assert (
            conn.execute("UPDATE quarter_reviews SET state = 'submitted'").rowcount == 0
        )  # cannot reopen the approved quarter either
        conn.rollback()
    assert server.cli("cangxian", "record", "05", "2024Q4", "1000", "--region", "cangxian") == 0
    # the reviewer cannot undo an approval; the admin can (unlock), and the county may edit
    assert (
        server.cli(
            "city",
            "review",
            "return",
            "--quarter",
            "2024Q3",
            "--region",
            "cangxian",
            "--reason",
            "x",
        )
        == 2
    )
    assert (
        server.cli(
            "boss",
            "review",
            "return",
            "--quarter",
            "2024Q3",
            "--region",
            "cangxian",
            "--reason",
            "管理员解锁：更正统计口径",
        )
        == 0
    )
    assert server.cli("cangxian", "record", "05", "2024Q3", "986", "--region", "cangxian") == 0


def test_audit_lists_every_change_with_the_database_user_also_from_psql(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    assert server.cli("cangxian", "record", "05", "2024Q3", "990", "--region", "cangxian") == 0
    assert server.cli("qingxian", "record", "05", "2024Q3", "880", "--region", "qingxian") == 0
    assert server.cli("qingxian", "record", "05", "2024Q3", "881", "--region", "qingxian") == 0
    with _raw(server, "cangxian") as conn:  # a change made with psql, not the program
        conn.execute("UPDATE observations SET superseded_at = now() WHERE value = 990")
        conn.execute(INSERT, (_region_id(conn, "cangxian"), "someone"))
        conn.commit()
    capsys.readouterr()
    assert server.cli("boss", "audit", "--user", "qingxian", "--json") == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["operation"], e["user"], e["table"]) for e in entries] == [
        ("INSERT", "qingxian", "observations"),
        ("UPDATE", "qingxian", "observations"),
        ("INSERT", "qingxian", "observations"),
    ]
    assert entries[1]["old"]["value"] == 880.0 and entries[1]["new"]["superseded_at"]
    assert entries[2]["new"]["recorded_by"] == "qingxian"
    assert "指标05，2024年第三季度（qingxian）：数值881" in entries[2]["summary"]
    assert server.cli("boss", "audit", "--user", "cangxian", "--since", "2020-01-01") == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.strip()]
    assert len(lines) == 3 and all(" cangxian " in ln for ln in lines), lines
    assert "新增 指标05，2024年第三季度（cangxian）：数值990" in lines[0]
    assert "修改 指标05，2024年第三季度（cangxian）：原值990被更正或撤回" in lines[1]
    assert "新增 指标05，2024年第三季度（cangxian）：数值1" in lines[2]
    # a county may not read the audit; bad input gets one line
    for user, argv, expected in (
        ("cangxian", ("audit",), "账户“cangxian”没有查看审计记录的权限"),
        ("boss", ("audit", "--since", "昨天"), "--since“昨天”应为日期"),
    ):
        assert server.cli(user, *argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and expected in err[0], err
    # nobody but the owner can change the audit
    with _raw(server, "boss") as conn, pytest.raises(Exception, match="permission denied"):
        conn.execute("DELETE FROM pm_audit")
    engine_rows = server.open(OWNER)
    try:
        with engine_rows.engine.connect() as conn:
            n = conn.execute(text("SELECT count(*) FROM pm_audit WHERE table_name = 'plans'"))
            assert n.scalar() == 0  # the plan was installed before setup
    finally:
        engine_rows.close()
