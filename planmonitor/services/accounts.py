"""Accounts of a city server: one PostgreSQL login role per person, in one of the groups
pm_admin / pm_reviewer / pm_filler / pm_viewer, a county's regions in ``pm_user_regions``.

The password is hashed on the client (libpq's SCRAM-SHA-256) before it is sent, so it
appears in clear neither on the wire nor in the server's statement log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from planmonitor.services.errors import UserError
from planmonitor.store.database import Database
from planmonitor.store.server_access import is_refusal
from planmonitor.store.server_setup import is_server
from planmonitor.store.server_sql import GROUPS

ROLES = tuple(GROUPS)  # admin, reviewer, filler, viewer
_NAME = re.compile(r"^[a-z][a-z0-9_]{1,62}$")
ROLE_WORDS = {
    "admin": "管理员",
    "reviewer": "审核",
    "filler": "填报",
    "viewer": "只读",
    "owner": "所有者",
}


@dataclass(frozen=True)
class Account:
    """A server account: login name, role (admin …, or owner for the setup role), regions."""

    name: str
    role: str
    regions: tuple[str, ...] = ()
    can_login: bool = True


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _need_server(conn: Connection) -> None:
    if not is_server(conn):
        raise UserError(
            "账户只用于已运行 server setup 的 PostgreSQL 服务器数据库（本机 SQLite 文件为单用户）"
        )


def _role_of(conn: Connection, name: str) -> str | None:
    """The pm_ group of ``name`` (admin wins over the others); owner for the setup role."""
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    if exists.first() is None:
        return None
    rows = conn.execute(
        text(
            "SELECT g.rolname FROM pg_roles g WHERE g.rolname = ANY(:groups) "
            "AND pg_has_role(:n, g.oid, 'USAGE')"
        ),
        {"groups": list(GROUPS.values()), "n": name},
    ).scalars()
    mine = set(rows)
    for role, group in GROUPS.items():
        if group in mine:
            return role
    owner = conn.execute(
        text(
            "SELECT pg_get_userbyid(relowner) = :n FROM pg_class "
            "WHERE oid = 'observations'::regclass"
        ),
        {"n": name},
    ).scalar()
    return "owner" if owner else None


class AccountService:
    """Adds, lists and removes the accounts of one server database (each call one transaction)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        name: str,
        role: str,
        regions: list[str] | tuple[str, ...] = (),
        password: str | None = None,
    ) -> Account:
        """Create the login role ``name`` in group ``role``; UserError (nothing made) if invalid."""
        try:
            return self._add(name, role, regions, password)
        except DBAPIError as exc:
            if is_refusal(exc):
                raise UserError(_not_admin(self.db)) from None
            raise

    def _add(
        self, name: str, role: str, regions: list[str] | tuple[str, ...], password: str | None
    ) -> Account:
        name = name.strip()
        if not _NAME.match(name) or name.startswith(("pm_", "pg_")):
            raise UserError(
                f"账户名“{name}”不合规：应以小写字母开头，只含小写字母、数字和下划线（2—63个），"
                "且不以 pm_ 或 pg_ 开头"
            )
        if role not in GROUPS:
            raise UserError(f"角色“{role}”无法识别：应为 {'、'.join(ROLES)}")
        codes = tuple(dict.fromkeys(c.strip() for c in regions if c.strip()))
        if role == "filler" and not codes:
            raise UserError("填报账户（filler）至少需要一个 --region 地区编码")
        if role != "filler" and codes:
            raise UserError(
                f"只有填报账户（filler）按地区授权；{role} 账户可见全部地区，请去掉 --region"
            )
        if password is not None and not password:
            raise UserError("密码为空；不设密码请不要使用 --password-stdin")
        with self.db.engine.begin() as conn:
            _need_server(conn)
            exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
            if exists.first() is not None:
                raise UserError(f"账户“{name}”已存在（数据库角色名在整个服务器中唯一）")
            known = set(conn.execute(text("SELECT DISTINCT code FROM regions")).scalars())
            unknown = [c for c in codes if c not in known]
            if unknown:
                have = "、".join(sorted(known)) or "无"
                raise UserError(f"地区编码“{unknown[0]}”不在任何规划中（现有：{have}）")
            sql = f"CREATE ROLE {_quoted(name)} LOGIN"
            if role == "admin":
                sql += " CREATEROLE"
            if password is not None:
                hashed = _scram(conn, name, password)
                sql += " PASSWORD '" + hashed.replace("'", "''") + "'"
            conn.exec_driver_sql(sql)
            conn.exec_driver_sql(f"GRANT {GROUPS[role]} TO {_quoted(name)}")
            if role == "admin":  # lets the new admin add and remove accounts too
                groups = ", ".join(GROUPS.values())
                conn.exec_driver_sql(f"GRANT {groups} TO {_quoted(name)} WITH ADMIN OPTION")
            for code in codes:
                conn.execute(
                    text("INSERT INTO pm_user_regions (username, region_code) VALUES (:n, :c)"),
                    {"n": name, "c": code},
                )
        return Account(name, role, codes)

    def list(self) -> list[Account]:
        """Every account in one of the groups (and the owner), by name."""
        with self.db.engine.connect() as conn:
            _need_server(conn)
            rows = conn.execute(
                text(
                    "SELECT DISTINCT r.rolname, r.rolcanlogin FROM pg_roles r "
                    "JOIN pg_auth_members m ON m.member = r.oid "
                    "JOIN pg_roles g ON g.oid = m.roleid "
                    "WHERE g.rolname = ANY(:groups) AND r.rolname <> ALL(:groups) ORDER BY 1"
                ),
                {"groups": list(GROUPS.values())},
            ).all()
            regions: dict[str, list[str]] = {}
            for user, code in conn.execute(
                text("SELECT username, region_code FROM pm_user_regions ORDER BY 1, 2")
            ):
                regions.setdefault(user, []).append(code)
            return [
                Account(n, _role_of(conn, n) or "", tuple(regions.get(n, ())), bool(login))
                for n, login in rows
            ]

    def remove(self, name: str) -> None:
        """Drop the account (values it entered keep its name in their history and the audit)."""
        try:
            self._remove(name)
        except DBAPIError as exc:
            if is_refusal(exc):
                raise UserError(_not_admin(self.db)) from None
            raise

    def _remove(self, name: str) -> None:
        name = name.strip()
        with self.db.engine.begin() as conn:
            _need_server(conn)
            role = _role_of(conn, name) if name else None
            if role is None or role == "owner":
                raise UserError(f"没有账户“{name}”（server users 列出全部账户）")
            me = conn.execute(text("SELECT current_user")).scalar_one()
            if name == me:
                raise UserError("不能删除当前登录的账户")
            conn.execute(text("DELETE FROM pm_user_regions WHERE username = :n"), {"n": name})
            conn.exec_driver_sql(f"DROP ROLE {_quoted(name)}")

    def me(self) -> Account | None:
        """The connected user's account (None on SQLite or a database without setup)."""
        with self.db.engine.connect() as conn:
            if not is_server(conn):
                return None
            name = conn.execute(text("SELECT current_user")).scalar_one()
            codes = conn.execute(
                text("SELECT region_code FROM pm_user_regions WHERE username = current_user")
            ).scalars()
            return Account(name, _role_of(conn, name) or "", tuple(codes))


def _not_admin(db: Database) -> str:
    with db.engine.connect() as conn:
        me = conn.execute(text("SELECT current_user")).scalar_one()
    return f"账户“{me}”无权管理账户：需要管理员（admin）账户或数据库所有者；未作任何修改"


def _scram(conn: Connection, name: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed by libpq on this side."""
    raw = conn.connection.dbapi_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    hashed: bytes = pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    return hashed.decode()
