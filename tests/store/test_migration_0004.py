"""Migration 0004 (quarter reviews) from a stored 0002 database: nothing lost, the table works.

tests/store/data/schema_0002_server.sqlite was made by make_schema_0002_server.py.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from planmonitor.domain.periods import Period
from planmonitor.services.observations import ObservationService
from planmonitor.services.review import ReviewService
from planmonitor.store.database import open_database

DATA = Path(__file__).parent / "data"


def _rows(path: Path, table: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        con.close()


def test_a_0002_database_gets_the_review_table_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "planmonitor.sqlite"
    shutil.copy(DATA / "schema_0002_server.sqlite", path)
    before = {t: _rows(path, t) for t in ("plans", "indicators", "observations", "regions")}
    db = open_database(path)
    try:
        assert db.migration.before == "0002"
        assert db.migration.backup is not None and "backup-0002-" in db.migration.backup.name
        for table, rows in before.items():  # (later migrations add columns at the end)
            assert [r[: len(rows[0])] for r in _rows(path, table)] == rows, table
        history = ObservationService(db).history("cangzhou", "05")
        assert [o.value for o in history] == [880.0, 990.0, 985.0, 990.0]
        reviews = ReviewService(db)
        reviews.submit("cangzhou", "*", Period.quarter(2023, 3))
        (state,) = reviews.states("cangzhou", Period.quarter(2023, 3))
        assert (state.region, state.state) == ("*", "submitted")
    finally:
        db.close()
