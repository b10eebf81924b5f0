"""Server test fixtures (a helper module, no tests): a fresh server database per test on the
session's throwaway PostgreSQL, owned by a non-superuser owner role (as a city's administrator
would set it up), and helpers to connect as the accounts the tests add. Accounts are dropped
again afterwards (roles are cluster-wide).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from planmonitor.cli import main
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database, open_database

OWNER = "pm_owner"
_counter = itertools.count()


@dataclass
class Server:
    """A set-up server database: its owner URL and how to reach it as another user."""

    owner_url: str

    def url(self, user: str) -> str:
        """The URL of the same database for ``user`` (trust auth: no password needed)."""
        return make_url(self.owner_url).set(username=user).render_as_string(hide_password=False)

    def open(self, user: str) -> Database:
        """The database opened as ``user``."""
        return open_database(self.url(user))

    def cli(self, user: str, *argv: str) -> int:
        """``planmonitor --db URL-as-user …``."""
        return main(["--db", self.url(user), *argv])


def _superuser(pg_url: str):  # type: ignore[no-untyped-def]
    return create_engine(make_url(pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT")


def drop_accounts(engine) -> None:  # type: ignore[no-untyped-def]
    """Drop every login role in a pm_ group (the tests' accounts)."""
    with engine.connect() as conn:
        names = conn.execute(
            text(
                "SELECT DISTINCT r.rolname FROM pg_roles r JOIN pg_auth_members m "
                "ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid "
                "WHERE g.rolname LIKE 'pm\\_%' AND r.rolcanlogin AND r.rolname <> :o"
            ),
            {"o": OWNER},
        ).scalars()
        for name in list(names):
            conn.execute(text(f'DROP ROLE "{name}"'))


@pytest.fixture
def new_server(pg_url: str) -> Iterator[Callable[[], Server]]:
    """Makes empty databases owned by pm_owner (migrated, not yet set up)."""
    engine = _superuser(pg_url)
    made: list[str] = []
    with engine.connect() as conn:
        if (
            conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :o"), {"o": OWNER}).first()
            is None
        ):
            conn.execute(text(f"CREATE ROLE {OWNER} LOGIN CREATEROLE"))

    def make() -> Server:
        name = f"pm_server_{next(_counter)}"
        with engine.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {name} OWNER {OWNER} TEMPLATE template0"))
        made.append(name)
        url = make_url(pg_url).set(username=OWNER, database=name)
        return Server(url.render_as_string(hide_password=False))

    try:
        yield make
    finally:
        with engine.connect() as conn:
            for name in made:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        drop_accounts(engine)
        engine.dispose()


@pytest.fixture
def server(new_server: Callable[[], Server]) -> Server:
    """A set-up server with the cangzhou plan, sub-regions cangxian and qingxian, and
    accounts: cangxian (filler of cangxian), qingxian (filler of qingxian), city (reviewer),
    boss (admin), look (viewer)."""
    srv = new_server()
    db = open_database(srv.owner_url)
    try:
        PlanService(db).install(plan_source("cangzhou"))
        PlanService(db).add_region("cangzhou", "cangxian", "沧县")
        PlanService(db).add_region("cangzhou", "qingxian", "青县")
    finally:
        db.close()
    assert srv.cli(OWNER, "server", "setup") == 0
    for argv in (
        ("cangxian", "--role", "filler", "--region", "cangxian"),
        ("qingxian", "--role", "filler", "--region", "qingxian"),
        ("city", "--role", "reviewer"),
        ("boss", "--role", "admin"),
        ("look", "--role", "viewer"),
    ):
        assert srv.cli(OWNER, "server", "add-user", *argv) == 0
    return srv
