"""The server's audit table (written by a trigger on every change, also those made with psql)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from planmonitor.services.errors import UserError
from planmonitor.services.observations import period_from_columns
from planmonitor.store.database import Database
from planmonitor.store.server_access import is_refusal
from planmonitor.store.server_setup import is_server

OPERATIONS = {"INSERT": "新增", "UPDATE": "修改", "DELETE": "删除"}


@dataclass(frozen=True)
class AuditEntry:
    """One changed row: when, which database user, table, operation, old and new row (JSON)."""

    id: int
    at: datetime
    user: str
    table: str
    operation: str
    row_id: int | None
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    summary: str = ""


class AuditService:
    """Reads the audit table of a server database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(
        self, since: date | None = None, user: str | None = None, limit: int | None = None
    ) -> list[AuditEntry]:
        """The audit entries from ``since`` on (by ``user``), oldest first."""
        sql = (
            "SELECT id, at, username, table_name, operation, row_id, old_row, new_row "
            "FROM pm_audit WHERE (CAST(:since AS timestamptz) IS NULL OR at >= :since) "
            "AND (CAST(:user AS name) IS NULL OR username = :user) ORDER BY id"
        )
        if limit is not None:
            sql = sql.replace("ORDER BY id", "ORDER BY id DESC") + f" LIMIT {int(limit)}"
        start = datetime.combine(since, time()) if since else None
        with self.db.engine.connect() as conn:
            if not is_server(conn):
                raise UserError(
                    "审计记录只在已运行 server setup 的 PostgreSQL 服务器数据库上保存；"
                    "本机 SQLite 文件的修改记录见 history 命令"
                )
            try:
                rows = conn.execute(text(sql), {"since": start, "user": user}).all()
            except DBAPIError as exc:
                if not is_refusal(exc):
                    raise
                me = _me(self.db)
                raise UserError(
                    f"账户“{me}”没有查看审计记录的权限（只有管理员 admin 账户可以查看）"
                ) from None
            names = _names(conn)
        out = [
            AuditEntry(i, at.astimezone().replace(tzinfo=None), u, t, op, rid, old, new)
            for i, at, u, t, op, rid, old, new in rows
        ]
        out.sort(key=lambda e: e.id)
        return [_with_summary(e, names) for e in out]


def _me(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.execute(text("SELECT current_user")).scalar_one())


def _names(conn: Any) -> dict[str, dict[int, str]]:
    return {
        "indicators": dict(conn.execute(text("SELECT id, code FROM indicators")).all()),
        "regions": dict(conn.execute(text("SELECT id, code FROM regions")).all()),
    }


def _with_summary(e: AuditEntry, names: dict[str, dict[int, str]]) -> AuditEntry:
    row = e.new or e.old or {}
    if e.table != "observations":
        return e
    code = names["indicators"].get(row.get("indicator_id", -1), "?")
    region = names["regions"].get(row.get("region_id", -1), "?")
    period = period_from_columns(int(row.get("year", 0)), int(row.get("month", 0))).label_zh()
    if e.operation == "UPDATE" and e.old and e.new and e.new.get("superseded_at"):
        what = f"原值{_num(e.old.get('value'))}被更正或撤回"
    else:
        what = f"数值{_num(row.get('value'))}"
    summary = f"指标{code}，{period}（{region}）：{what}"
    return AuditEntry(e.id, e.at, e.user, e.table, e.operation, e.row_id, e.old, e.new, summary)


def _num(value: object) -> str:
    return "—" if value is None else format(float(value), ".15g")  # type: ignore[arg-type]
