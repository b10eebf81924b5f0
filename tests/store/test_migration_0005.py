"""Migration 0005 (predecessor links) from a stored 0004 database: nothing lost, the links work,
deleting the predecessor clears them (the foreign key SQLite got from ALTER TABLE), and the same
migration on PostgreSQL.

tests/store/data/schema_0004.sqlite was made by make_schema_0004.py.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from carryover_scenario import successor_plan
from sqlalchemy import create_engine, inspect, text

from planmonitor.services.carried_over import CarriedOverService
from planmonitor.services.observations import ObservationService
from planmonitor.services.plans import PlanService
from planmonitor.store.database import SCHEMA_HEAD, open_database

DATA = Path(__file__).parent / "data"


def _rows(path: Path, table: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        con.close()


def test_a_0004_database_gets_predecessor_links_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "planmonitor.sqlite"
    shutil.copy(DATA / "schema_0004.sqlite", path)
    tables = ("plans", "indicators", "observations", "regions", "quarter_reviews")
    before = {t: _rows(path, t) for t in tables}
    assert len(before["observations"]) == 6 and len(before["quarter_reviews"]) == 1
    db = open_database(path)
    try:
        assert (
            (db.migration.before, db.migration.after) == ("0004", SCHEMA_HEAD) == ("0004", "0005")
        )
        assert db.migration.backup is not None and "backup-0004-" in db.migration.backup.name
        for table, rows in before.items():
            after = _rows(path, table)
            assert [r[: len(rows[0])] for r in after] == rows, table
        # the old plan and indicators get no link
        assert {r[len(before["plans"][0]) :] for r in _rows(path, "plans")} == {(None,)}
        assert {r[len(before["indicators"][0]) :] for r in _rows(path, "indicators")} == {(None,)}
        cols = {c["name"] for c in inspect(db.engine).get_columns("indicators")}
        assert "predecessor_id" in cols
        # a successor links to the migrated plan and reads its history
        result = PlanService(db).install(successor_plan())
        assert result.created and result.notes == ()
        carried = CarriedOverService(db).carried_over("cangzhou-15", "01")
        assert carried is not None and [o.value for o in carried.values] == [1.45]
        assert ObservationService(db).history("cangzhou", "05")[0].value == 880.0
    finally:
        db.close()
    # the foreign key works on the migrated file: deleting 十四五 clears the links
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys=ON")
        with con:
            con.execute("DELETE FROM plans WHERE key = 'cangzhou'")
        left = con.execute("SELECT count(*), count(predecessor_id) FROM indicators").fetchone()
        assert left == (4, 0)
        assert con.execute("SELECT predecessor_id FROM plans").fetchall() == [(None,)]
    finally:
        con.close()


@pytest.mark.postgres
def test_migration_0005_on_postgresql(pg_url: str) -> None:
    from alembic import command

    from planmonitor.paths import data_dir
    from planmonitor.store.database import _alembic_config

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    cfg = _alembic_config(engine)
    assert data_dir("db").is_dir()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO plans (key, title, issuer, region_name, baseline_year, target_year,"
                " categories, green, yellow, binding_green, binding_yellow, approx_tolerance,"
                " source, note, is_demo, created_at) VALUES ('old', '旧规划', '', '县', 2020,"
                " 2025, '', 1, 0.9, 1, 0.9, 0.5, '', '', false, now())"
            )
        )
    engine.dispose()
    db = open_database(pg_url)
    try:
        assert (db.migration.before, db.migration.after) == ("0004", "0005")
        with db.engine.connect() as conn:
            rules = conn.execute(
                text(
                    "SELECT tc.table_name, rc.delete_rule FROM information_schema"
                    ".referential_constraints rc JOIN information_schema.table_constraints tc"
                    " ON tc.constraint_name = rc.constraint_name"
                    " WHERE tc.constraint_name LIKE 'fk_%_predecessor' ORDER BY 1"
                )
            ).all()
            assert rules == [("indicators", "SET NULL"), ("plans", "SET NULL")]
            assert conn.execute(text("SELECT predecessor_id FROM plans")).all() == [(None,)]
    finally:
        db.close()
