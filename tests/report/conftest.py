"""Report fixtures: one database with two seed plans and a realistic 2024Q3 (see report_data)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from report_data import PLANS, record_values

from planmonitor.store.database import Database, open_database


@pytest.fixture(scope="module")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One SQLite database holding both plans and their values (read-only in the tests)."""
    db = open_database(tmp_path_factory.mktemp("report") / "report.sqlite")
    for plan, rows in PLANS.items():
        record_values(db, plan, rows)
    try:
        yield db
    finally:
        db.close()
