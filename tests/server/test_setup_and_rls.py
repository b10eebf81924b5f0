"""server setup, accounts and row-level security on a real PostgreSQL: the guarantees hold
for the program (record, import) and for raw SQL on the same connection."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest
from pg_accounts import OWNER, Server
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from planmonitor.cli import main
from planmonitor.services.observations import ObservationService

pytestmark = pytest.mark.postgres


def _catalog(srv: Server) -> dict[str, object]:
    """Everything setup makes, as the catalogs show it (oids included: unchanged = not remade)."""
    engine = create_engine(srv.owner_url)
    with engine.connect() as conn:
        out = {
            "roles": conn.execute(
                text(
                    "SELECT oid, rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE 'pm\\_%' "
                    "ORDER BY 2"
                )
            ).all(),
            "policies": conn.execute(
                text(
                    "SELECT tablename, policyname, roles::text, cmd, qual, with_check "
                    "FROM pg_policies ORDER BY 1, 2"
                )
            ).all(),
            "triggers": conn.execute(
                text(
                    "SELECT oid, tgrelid::regclass::text, tgname FROM pg_trigger "
                    "WHERE NOT tgisinternal ORDER BY 2, 3"
                )
            ).all(),
            "tables": conn.execute(
                text(
                    "SELECT relname, relrowsecurity, relforcerowsecurity, relacl::text, xmin::text "
                    "FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                    "AND relkind IN ('r', 'S') ORDER BY 1"
                )
            ).all(),
            "functions": conn.execute(
                text(
                    "SELECT oid, proname, xmin::text FROM pg_proc "
                    "WHERE proname LIKE 'pm\\_%' ORDER BY 2"
                )
            ).all(),
        }
    engine.dispose()
    return out


def test_setup_forces_row_level_security_and_a_second_run_changes_nothing(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _catalog(server)
    tables = {r[0]: r for r in first["tables"]}  # type: ignore[union-attr]
    for table in (
        "observations",
        "region_targets",
        "quarter_reviews",
        "pm_user_regions",
        "pm_audit",
    ):
        assert tables[table][1:3] == (True, True), table  # enabled and forced
    policies = {(r[0], r[1]): r for r in first["policies"]}  # type: ignore[union-attr]
    assert policies[("observations", "pm_setup")][2] == "{pm_owner}"
    insert = policies[("observations", "pm_filler_insert")]
    assert insert[2:4] == ("{pm_filler}", "INSERT") and "pm_fills(region_id)" in insert[5]
    assert "pm_quarter_open" in insert[5]
    update = policies[("observations", "pm_filler_update")]
    assert "pm_fills(region_id)" in update[4] and "pm_fills(region_id)" in update[5]
    assert not any(
        r[0] == "observations" and "pm_viewer" in r[2] and r[3] != "SELECT"
        for r in first["policies"]
    )  # type: ignore[union-attr]
    capsys.readouterr()
    assert server.cli(OWNER, "server", "setup") == 0
    assert "无需修改" in capsys.readouterr().out
    assert _catalog(server) == first


def test_setup_on_sqlite_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "x.sqlite"), "server", "setup"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "PostgreSQL" in err[0]


def _history(srv: Server, region: str) -> list[tuple[float | None, str]]:
    db = srv.open(OWNER)
    try:
        return [
            (o.value, o.recorded_by)
            for o in ObservationService(db).history("cangzhou", "05", region)
        ]
    finally:
        db.close()


def test_a_filler_records_its_own_region_under_its_own_name_and_not_another(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    assert server.cli("cangxian", "record", "05", "2024Q3", "990", "--region", "cangxian") == 0
    assert _history(server, "cangxian") == [(990.0, "cangxian")]  # set by the server
    capsys.readouterr()
    for region in ("qingxian", "青县", "*"):
        assert server.cli("cangxian", "record", "05", "2024Q3", "991", "--region", region) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1, err
        assert "账户“cangxian”只能填报地区 cangxian" in err[0] and region in err[0]
    assert _history(server, "qingxian") == [] and _history(server, "*") == []


def test_a_filler_importing_another_regions_table_is_refused_and_nothing_written(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "县区填报.csv"
    table.write_text(
        "地区,指标,2024年1-9月\n沧县,高新技术企业数量,990\n青县,高新技术企业数量,880\n"
    )
    assert server.cli("cangxian", "import", str(table)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "不能写入地区“qingxian”" in err[0], err
    assert _history(server, "cangxian") == [] and _history(server, "qingxian") == []
    # the same table as the city's admin goes in, each value under the admin's name
    assert server.cli("boss", "import", str(table)) == 0
    assert _history(server, "qingxian") == [(880.0, "boss")]


def _raw(srv: Server, user: str) -> psycopg.Connection:
    url = make_url(srv.url(user))
    return psycopg.connect(
        host=url.host, port=url.port, user=user, dbname=url.database, autocommit=False
    )


def _region_id(conn: psycopg.Connection, code: str) -> int:
    row = conn.execute("SELECT id FROM regions WHERE code = %s", (code,)).fetchone()
    assert row is not None
    return int(row[0])


INSERT = (
    "INSERT INTO observations (indicator_id, region_id, year, month, value, standing, comment,"
    " source_kind, source_file, source_hash, source_sheet, source_cell, recorded_by,"
    " recorded_at) SELECT i.id, %s, 2024, 9, 1.0, '初步', '', 'psql', '', '', '', '', %s, now()"
    " FROM indicators i WHERE i.code = '05'"
)


def test_raw_sql_of_a_filler_cannot_touch_another_region(server: Server) -> None:
    assert server.cli("boss", "record", "05", "2024Q3", "880", "--region", "qingxian") == 0
    assert server.cli("boss", "record", "05", "2024Q2", "870", "--region", "cangxian") == 0
    with _raw(server, "cangxian") as conn:
        qing, cang = _region_id(conn, "qingxian"), _region_id(conn, "cangxian")
        # reading follows the role: a county sees its own values only
        seen = conn.execute("SELECT DISTINCT region_id FROM observations").fetchall()
        assert seen == [(cang,)]
        # UPDATE of another region's rows: 0 rows
        cur = conn.execute(
            "UPDATE observations SET superseded_at = now() WHERE region_id = %s", (qing,)
        )
        assert cur.rowcount == 0
        conn.commit()
        # INSERT into another region: refused by the policy's WITH CHECK
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(INSERT, (qing, "cangxian"))
        conn.rollback()
        # changing a value in place is not granted at all (only superseding is)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE observations SET value = 1 WHERE region_id = %s", (cang,))
        conn.rollback()
        # its own region works, and the name it claims is replaced by the server's
        conn.execute(INSERT, (cang, "qingxian"))
        conn.commit()
    assert _history(server, "qingxian") == [(880.0, "boss")]
    assert (1.0, "cangxian") in _history(server, "cangxian")


@pytest.mark.parametrize("user", ["city", "look", "boss"])
def test_reviewers_viewers_and_admins_read_every_region(server: Server, user: str) -> None:
    assert server.cli("cangxian", "record", "05", "2024Q3", "990", "--region", "cangxian") == 0
    assert server.cli("qingxian", "record", "05", "2024Q3", "880", "--region", "qingxian") == 0
    with _raw(server, user) as conn:
        n = conn.execute("SELECT count(DISTINCT region_id) FROM observations").fetchone()
        assert n == (2,)


def test_a_viewer_cannot_write_at_all(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    for user in ("look", "city"):
        capsys.readouterr()
        assert server.cli(user, "record", "05", "2024Q3", "990", "--region", "cangxian") == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and f"账户“{user}”是" in err[0] and "不能修改数值" in err[0]
    with _raw(server, "look") as conn:
        cang = _region_id(conn, "cangxian")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(INSERT, (cang, "look"))
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE indicators SET name = 'x'")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM pm_audit")
    assert _history(server, "cangxian") == []


def test_accounts_are_added_listed_and_removed(
    server: Server,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    pg_url: str,
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-密码\n"))
    assert (
        server.cli(
            "boss",
            "server",
            "add-user",
            "hejian",
            "--role",
            "filler",
            "--region",
            "cangxian",
            "qingxian",
            "--password-stdin",
        )
        == 0
    )
    capsys.readouterr()
    assert server.cli("boss", "server", "users", "--json") == 0
    users = {u["name"]: u for u in json.loads(capsys.readouterr().out)}
    assert users["hejian"] == {
        "name": "hejian",
        "role": "filler",
        "regions": ["cangxian", "qingxian"],
        "login": True,
    }
    assert {n: u["role"] for n, u in users.items()} == {
        "boss": "admin",
        "cangxian": "filler",
        "city": "reviewer",
        "hejian": "filler",
        "look": "viewer",
        "qingxian": "filler",
    }
    # the password reached the server hashed (SCRAM), never in clear
    su = create_engine(pg_url)
    with su.connect() as conn:
        stored = conn.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = 'hejian'")
        ).scalar_one()
    su.dispose()
    assert stored.startswith("SCRAM-SHA-256$") and "s3cret" not in stored
    for argv, expected in (
        (("hejian", "--role", "viewer"), "已存在"),
        (("Bad-Name", "--role", "viewer"), "账户名“Bad-Name”不合规"),
        (("nanpi", "--role", "filler"), "至少需要一个 --region"),
        (("nanpi", "--role", "filler", "--region", "nowhere"), "地区编码“nowhere”不在任何规划中"),
        (("nanpi", "--role", "viewer", "--region", "cangxian"), "只有填报账户"),
    ):
        capsys.readouterr()
        assert server.cli("boss", "server", "add-user", *argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and expected in err[0], (argv, err)
    # a county cannot add accounts
    assert server.cli("cangxian", "server", "add-user", "nanpi", "--role", "viewer") == 2
    assert server.cli("boss", "server", "remove-user", "hejian") == 0
    capsys.readouterr()
    assert server.cli("boss", "server", "users") == 0
    assert "hejian" not in capsys.readouterr().out
    assert server.cli("boss", "server", "remove-user", "hejian") == 2


def test_an_account_connects_through_a_pg_service_file(
    server: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = make_url(server.url("cangxian"))
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[planmonitor]\nhost={url.host}\nport={url.port}\ndbname={url.database}\nuser=cangxian\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    db_url = "postgresql+psycopg:///?service=planmonitor"
    assert main(["--db", db_url, "record", "05", "2024Q3", "990", "--region", "cangxian"]) == 0
    assert _history(server, "cangxian") == [(990.0, "cangxian")]
    monkeypatch.setenv("PGSERVICE", "planmonitor")
    capsys.readouterr()
    assert main(["--db", "postgresql+psycopg://", "history", "05", "--region", "cangxian"]) == 0
    assert "cangxian" in capsys.readouterr().out
