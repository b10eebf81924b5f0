"""``server setup``: make a migrated PostgreSQL database a multi-user city server.

Creates (each only if missing, so a second run changes nothing) the group roles, the
user→regions and audit tables, the helper and trigger functions, the audit, stamping and
change-notification triggers, row-level security (enabled and forced) with its policies, and
the grants. The role running it (the database owner) is the setup/migration role.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, text

from planmonitor.store import server_sql as q
from planmonitor.store.database import Database, DatabaseError
from planmonitor.store.models import Base

Check = Callable[[Connection], bool]


@dataclass(frozen=True)
class Step:
    """One object: what it is, whether it exists already, and the SQL that makes it."""

    what: str
    exists: Check
    sql: str


@dataclass(frozen=True)
class SetupReport:
    """What setup did: the objects it made (empty on a second run) and how many it checked."""

    created: list[str]
    checked: int
    setup_role: str


def _scalar(sql: str, **params: object) -> Check:
    return lambda conn: bool(conn.execute(text(sql), params).scalar())


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def program_tables() -> list[str]:
    """The program's own tables (the models), in creation order."""
    return [t.name for t in Base.metadata.sorted_tables]


def _steps(conn: Connection) -> Iterator[Step]:
    setup_role = _ident(conn.execute(text("SELECT current_user")).scalar_one())
    for group in q.GROUPS.values():
        yield Step(
            f"role {group}",
            _scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :r)", r=group),
            f"CREATE ROLE {group} NOLOGIN",
        )
    for table, ddl in (("pm_user_regions", q.USER_REGIONS_TABLE), ("pm_audit", q.AUDIT_TABLE)):
        yield Step(
            f"table {table}",
            _scalar("SELECT to_regclass(:t) IS NOT NULL", t=f"public.{table}"),
            ddl,
        )
    for name, ddl in q.FUNCTIONS.items():
        yield Step(
            f"function {name}",
            _scalar(
                "SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n "
                "ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = :f)",
                f=name,
            ),
            ddl,
        )
    yield from _trigger_steps()
    policies = q.region_policies(setup_role)
    for table in policies:
        yield from _rls_steps(table)
        for name, body in policies[table]:
            yield Step(
                f"policy {name} on {table}",
                _scalar(
                    "SELECT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' "
                    "AND tablename = :t AND policyname = :p)",
                    t=table,
                    p=name,
                ),
                f"CREATE POLICY {name} ON public.{table} {body}",
            )
    yield from _grant_steps(conn)


def _trigger_steps() -> Iterator[Step]:
    def trigger(table: str, name: str, ddl: str) -> Step:
        return Step(
            f"trigger {name} on {table}",
            _scalar(
                "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE NOT tgisinternal "
                "AND tgname = :n AND tgrelid = to_regclass(:t))",
                n=name,
                t=f"public.{table}",
            ),
            ddl,
        )

    yield trigger(
        "observations",
        "pm_stamp",
        "CREATE TRIGGER pm_stamp BEFORE INSERT OR UPDATE ON public.observations "
        "FOR EACH ROW EXECUTE FUNCTION public.pm_stamp_observation()",
    )
    yield trigger(
        "quarter_reviews",
        "pm_stamp",
        "CREATE TRIGGER pm_stamp BEFORE INSERT OR UPDATE ON public.quarter_reviews "
        "FOR EACH ROW EXECUTE FUNCTION public.pm_stamp_review()",
    )
    for table in [*program_tables(), "pm_user_regions"]:
        if table in q.NOT_AUDITED:
            continue
        yield trigger(
            table,
            "pm_audit",
            f"CREATE TRIGGER pm_audit AFTER INSERT OR UPDATE OR DELETE ON public.{table} "
            "FOR EACH ROW EXECUTE FUNCTION public.pm_audit_row()",
        )
        yield trigger(
            table,
            "pm_notify",
            f"CREATE TRIGGER pm_notify AFTER INSERT OR UPDATE OR DELETE ON public.{table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION public.pm_notify_change()",
        )


def _rls_steps(table: str) -> Iterator[Step]:
    for column, clause in (("relrowsecurity", "ENABLE"), ("relforcerowsecurity", "FORCE")):
        yield Step(
            f"{clause.lower()} row level security on {table}",
            _scalar(f"SELECT {column} FROM pg_class WHERE oid = to_regclass(:t)", t=table),
            f"ALTER TABLE public.{table} {clause} ROW LEVEL SECURITY",
        )


def _table_grant(role: str, table: str, privilege: str) -> Step:
    if "(" in privilege:  # a column privilege: UPDATE (superseded_at)
        priv, column = privilege.replace(")", "").split("(")
        check = _scalar(
            "SELECT has_column_privilege(:r, :t, :c, :p)",
            r=role,
            t=f"public.{table}",
            c=column.strip(),
            p=priv.strip(),
        )
    else:
        check = _scalar(
            "SELECT has_table_privilege(:r, :t, :p)", r=role, t=f"public.{table}", p=privilege
        )
    return Step(
        f"grant {privilege} on {table} to {role}",
        check,
        f"GRANT {privilege} ON public.{table} TO {role}",
    )


def _sequence_grant(conn: Connection, role: str, table: str) -> Step:
    seq = conn.execute(
        text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": f"public.{table}"}
    ).scalar_one()
    return Step(
        f"grant usage on {seq} to {role}",
        _scalar("SELECT has_sequence_privilege(:r, :s, 'USAGE')", r=role, s=seq),
        f"GRANT USAGE, SELECT ON SEQUENCE {seq} TO {role}",
    )


def _grant_steps(conn: Connection) -> Iterator[Step]:
    for group in q.GROUPS.values():
        yield Step(
            f"grant usage on schema public to {group}",
            _scalar("SELECT has_schema_privilege(:r, 'public', 'USAGE')", r=group),
            f"GRANT USAGE ON SCHEMA public TO {group}",
        )
        for table in [*program_tables(), "alembic_version", "pm_user_regions"]:
            yield _table_grant(group, table, "SELECT")
    for table in [*program_tables(), "pm_user_regions"]:
        for privilege in ("INSERT", "UPDATE", "DELETE"):
            yield _table_grant("pm_admin", table, privilege)
        if table != "pm_user_regions":
            yield _sequence_grant(conn, "pm_admin", table)
    yield _table_grant("pm_admin", "pm_audit", "SELECT")
    for role, writes in (("pm_filler", q.FILLER_WRITES), ("pm_reviewer", q.REVIEWER_WRITES)):
        for table, privileges in writes.items():
            for privilege in privileges:
                yield _table_grant(role, table, privilege)
            yield _sequence_grant(conn, role, table)


def setup_server(db: Database) -> SetupReport:
    """Run every missing step in one transaction; DatabaseError if this is not PostgreSQL."""
    if db.engine.dialect.name != "postgresql":
        raise DatabaseError(
            "server setup 只用于 PostgreSQL 服务器数据库；本机 SQLite 文件无需设置（单用户）"
        )
    created: list[str] = []
    checked = 0
    with db.engine.begin() as conn:
        role = conn.execute(text("SELECT current_user")).scalar_one()
        for step in _steps(conn):
            checked += 1
            if not step.exists(conn):
                conn.exec_driver_sql(step.sql)
                created.append(step.what)
    return SetupReport(created, checked, role)


def is_server(conn: Connection) -> bool:
    """True when ``server setup`` has been run on this database."""
    if conn.dialect.name != "postgresql":
        return False
    return bool(
        conn.execute(text("SELECT to_regclass('public.pm_user_regions') IS NOT NULL")).scalar()
    )
