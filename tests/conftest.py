"""Shared fixtures: a fresh database per test, on SQLite and on a throwaway PostgreSQL server."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).parent))

from pg_server import start_throwaway_postgres

from planmonitor.store.database import Database, open_database

REPO = Path(__file__).resolve().parents[1]

# Property tests run derandomised by default ("ci"): the same examples every run, so a red run
# is a real failure and a green one stays green. The nightly command (README) uses "nightly":
# a random seed, printed with any failure so that it can be replayed.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("nightly", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("PLANMONITOR_HYPOTHESIS", "ci"))


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PostgreSQL server started for this test session (or PLANMONITOR_TEST_PG)."""
    url, stop = start_throwaway_postgres(tmp_path_factory.mktemp("pg"))
    try:
        yield url
    finally:
        stop()


def _fresh_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated, empty database — once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        database = open_database(tmp_path / "test.sqlite")
    else:
        url = request.getfixturevalue("pg_url")
        _fresh_postgres(url)
        database = open_database(url)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated SQLite database file."""
    database = open_database(tmp_path / "test.sqlite")
    try:
        yield database
    finally:
        database.close()
