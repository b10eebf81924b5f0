"""What the server refused and why, in one line: the database (row-level security, grants)
says only "permission denied"; this names the account, its role and regions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from planmonitor.store.database import Database
from planmonitor.store.server_sql import GROUPS

INSUFFICIENT_PRIVILEGE = "42501"
_WORDS = {"reviewer": "审核", "viewer": "只读"}


class _Edit(Protocol):
    @property
    def region(self) -> str | None: ...


def is_refusal(exc: DBAPIError) -> bool:
    """True when PostgreSQL refused the statement for lack of privilege (grant or policy)."""
    return getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE


def refusal_message(db: Database, edits: Iterable[_Edit]) -> str:
    """One line: which account may not write which region (or that the quarter is locked)."""
    wanted = [e.region or "*" for e in edits]
    with db.engine.connect() as conn:
        user = conn.execute(text("SELECT current_user")).scalar_one()
        groups = set(
            conn.execute(
                text(
                    "SELECT g.rolname FROM pg_roles g WHERE g.rolname = ANY(:g) "
                    "AND pg_has_role(current_user, g.oid, 'USAGE')"
                ),
                {"g": list(GROUPS.values())},
            ).scalars()
        )
        mine = list(
            conn.execute(
                text(
                    "SELECT region_code FROM pm_user_regions WHERE username = current_user "
                    "ORDER BY 1"
                )
            ).scalars()
        )
        names: dict[str, str] = dict(conn.execute(text("SELECT name, code FROM regions")).all())
    role = next((r for r, g in GROUPS.items() if g in groups), None)
    if role in _WORDS:
        return (
            f"数据库拒绝写入：账户“{user}”是{_WORDS[role]}账户（pm_{role}），不能修改数值；"
            "未写入任何数值"
        )
    if role == "filler":
        outside = [w for w in wanted if names.get(w, w) not in mine]
        if outside:
            return (
                f"数据库拒绝写入：账户“{user}”只能填报地区 {'、'.join(mine) or '（无）'}，"
                f"不能写入地区“{outside[0]}”的数值；未写入任何数值"
            )
        return "数据库拒绝写入：该季度已审核通过并锁定，如需修改请联系管理员解锁；未写入任何数值"
    return f"数据库拒绝写入：账户“{user}”没有修改这些数值的权限；未写入任何数值"
