"""Opening a database: where it is, migrating it (backing the file up first), and sessions.

The default is a SQLite file in the user's data folder; ``--db PATH_OR_URL`` or the environment
variable ``PLANMONITOR_DB`` points anywhere else, including ``postgresql+psycopg://…``.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from planmonitor.paths import data_dir

ENV_VAR = "PLANMONITOR_DB"


class DatabaseError(RuntimeError):
    """The database cannot be used; the message says why and what to do."""


def default_database_path() -> Path:
    """The SQLite file in the user's data folder (platformdirs)."""
    from platformdirs import user_data_path

    return user_data_path("PlanMonitor", appauthor=False) / "planmonitor.sqlite"


def resolve_url(target: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (path or URL), else ``PLANMONITOR_DB``, else the default."""
    raw = str(target) if target is not None else os.environ.get(ENV_VAR, "")
    if not raw.strip():
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    raw = raw.strip()
    if "://" in raw:
        try:
            make_url(raw)
        except ArgumentError:
            raise DatabaseError(f"数据库地址“{raw}”格式不正确") from None
        return raw
    path = Path(raw).expanduser().resolve()
    if path.is_dir():
        raise DatabaseError(f"数据库路径 {path} 是一个目录，应为文件")
    if not path.parent.exists():
        raise DatabaseError(f"数据库所在目录 {path.parent} 不存在")
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(url: str, read_only: bool = False) -> Engine:
    """An engine with SQLite's foreign keys and WAL turned on; ``read_only`` opens a SQLite
    file without writing anything (not even the WAL index: for a read-only file or folder)."""
    if read_only and url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        uri = f"{path.as_uri()}?mode=ro&immutable=1"
        engine = create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), future=True
        )
        event.listen(engine, "connect", _sqlite_read_only_pragmas)
        return engine
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite:///"):
        return None
    return Path(url.removeprefix("sqlite:///"))


def check_sqlite_file(path: Path) -> None:
    """Refuse, before anything writes to it, a non-empty file that is not a SQLite database or
    is another program's database (our tables would be added and it would be switched to WAL)."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            names = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseError(
                f"数据库 {path} 正被另一个程序写入（已锁定），请稍后再试；未作任何修改"
            ) from None
        return  # (unreadable here: opening it says why)
    except sqlite3.DatabaseError:
        raise DatabaseError(
            f"{path} 不是数据库文件（文件已损坏，或是别的文件）；未作任何修改，请用 --db 指定"
            "本程序的数据库或一个新文件"
        ) from None
    ours = {"plans", "indicators", "observations", "alembic_version"}
    others = sorted(n for n in names if not n.startswith("sqlite_"))
    if others and not ours & set(others):
        shown = "、".join(others[:5]) + ("等" if len(others) > 5 else "")
        raise DatabaseError(
            f"{path} 是其他程序的数据库（其中有表 {shown}），不是 PlanMonitor 的数据库；"
            "未作任何修改，请用 --db 指定本程序的数据库或一个新文件"
        )


def must_open_read_only(url: str) -> str | None:
    """Why a SQLite database can only be read (its file or folder is read-only), or None."""
    path = _sqlite_path(url)
    if path is None or not path.is_file():
        return None
    if not os.access(path, os.W_OK):
        return f"数据库文件 {path} 只读"
    if not os.access(path.parent, os.W_OK):
        return f"数据库所在目录 {path.parent} 只读"
    return None


# The newest schema revision this program writes, and every revision it knows. Kept here so that
# opening an up-to-date database needs no Alembic import (about 0.4 s); a test checks both
# against db/versions.
SCHEMA_HEAD = "0005"
KNOWN_REVISIONS = frozenset({"0001", "0002", "0003", "0004", "0005"})


def _alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(data_dir("db")))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


@dataclass(frozen=True)
class MigrationReport:
    """What opening the database did: revisions before/after, and the backup made, if any."""

    before: str | None
    after: str
    backup: Path | None


def _backup_sqlite(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.stem}.backup-{revision or 'unversioned'}-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return dest


def migrate(engine: Engine, read_only: bool = False) -> MigrationReport:
    """Bring the schema to the newest revision, backing a SQLite file up first.

    A database written by a newer program (a revision this program does not know) is refused.
    """
    head = SCHEMA_HEAD
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            current = None
            if "alembic_version" in tables:
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        raise DatabaseError(f"无法打开数据库 {engine.url.render_as_string()}：{exc.orig}") from None
    has_tables = bool(tables)
    if current == head:
        return MigrationReport(current, head, None)
    if current is None and "alembic_version" in tables and len(tables) > 1:
        raise DatabaseError(
            f"数据库 {engine.url.render_as_string()} 的结构版本记录（alembic_version 表）为空，"
            "无法判断其结构版本；数据库未作任何修改，请从备份恢复（或联系管理员）"
        )
    if read_only:
        raise DatabaseError(
            f"数据库 {engine.url.render_as_string()} 需要升级结构（版本{current or '无'} → "
            f"{head}）才能使用，但只能以只读方式打开；请在可写的位置打开一次"
        )
    if current is not None and current not in KNOWN_REVISIONS:
        raise DatabaseError(
            f"数据库由更新版本的 PlanMonitor 写入（结构版本{current}，本程序最高支持{head}），"
            "请升级程序后再打开；数据库未作任何修改"
        )
    backup = None
    db_file = engine.url.database
    if engine.dialect.name == "sqlite" and db_file and has_tables and Path(db_file).exists():
        backup = _backup_sqlite(Path(db_file), current)
    from alembic import command

    cfg = _alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return MigrationReport(current, head, backup)


class Database:
    """An open, migrated database and its session factory.

    Attributes:
        url: the SQLAlchemy URL; engine: the engine; session: ``sessionmaker`` — use
            ``with db.session.begin() as s:`` for one unit of work.
        migration: what opening it did.
        read_only: opened without writing (a read-only file or folder).
    """

    def __init__(self, url: str, engine: Engine, migration: MigrationReport) -> None:
        self.url = url
        self.engine = engine
        self.session = sessionmaker(engine, expire_on_commit=False)
        self.migration = migration
        self.read_only = False

    @property
    def location(self) -> str:
        """For the status bar: the file path, or the server URL without the password."""
        if self.engine.dialect.name == "sqlite":
            return str(make_url(self.url).database)
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded default."""
        return self.engine.dialect.name == "sqlite"

    def new_session(self) -> Session:
        """A plain session (callers own commit/rollback)."""
        return self.session()

    def close(self) -> None:
        """Release all connections."""
        self.engine.dispose()


def open_database(
    target: str | os.PathLike[str] | None = None, read_only: bool = False
) -> Database:
    """Open (creating and migrating as needed) the database at ``target``.

    With ``read_only`` the database is opened without writing anything; a SQLite file that is
    not ours is refused before anything touches it.
    """
    url = resolve_url(target)
    path = _sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
        if read_only and not path.is_file():
            raise DatabaseError(f"数据库文件 {path} 不存在（只读打开时不会新建）")
    engine = make_engine(url, read_only)
    try:
        report = migrate(engine, read_only)
    except Exception:
        engine.dispose()
        raise
    database = Database(url, engine, report)
    database.read_only = read_only
    return database
