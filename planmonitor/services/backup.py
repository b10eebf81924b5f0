"""Backing up and restoring the embedded SQLite database with SQLite's online backup API.

A backup is written to a temporary file in the target folder and renamed when complete, so a
failed backup never leaves a half-written file. A restore first backs up the current file
beside it, checks that the chosen file is a PlanMonitor database, then copies it into the
live file with the same API, in one transaction (the caller reopens the database, which
migrates an older backup).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from planmonitor.services.errors import UserError
from planmonitor.store.database import Database

REQUIRED_TABLES = ("plans", "indicators", "observations", "alembic_version")


def sqlite_path(db: Database) -> Path:
    """The file of an embedded database; UserError for a server database."""
    if not db.is_sqlite or db.location in ("", ":memory:"):
        raise UserError("只有本机数据库文件（SQLite）可以备份和恢复；服务器数据库请由管理员备份")
    return Path(db.location)


def _copy(source: Path, target: Path) -> None:
    """Copy the database ``source`` to ``target`` (temporary file, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _restore_into(source: Path, current: Path) -> None:
    """Copy ``source`` over the live database file ``current`` in one SQLite transaction."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(current)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def back_up(db: Database, target: str | os.PathLike[str]) -> Path:
    """Write a consistent copy of the open database to ``target``."""
    source = sqlite_path(db)
    out = Path(target)
    if out.resolve() == source.resolve():
        raise UserError(f"备份文件不能是正在使用的数据库本身：{out}")
    try:
        _copy(source, out)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(f"无法写入备份文件 {out}：{exc}") from None
    return out


def check_backup(path: str | os.PathLike[str]) -> None:
    """UserError unless ``path`` is a readable PlanMonitor database."""
    p = Path(path)
    if not p.is_file():
        raise UserError(f"备份文件 {p} 不存在")
    try:
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            names = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
            con.execute("pragma quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        raise UserError(f"{p.name} 不是 PlanMonitor 的数据库文件（无法按 SQLite 读取）") from None
    missing = [t for t in REQUIRED_TABLES if t not in names]
    if missing:
        raise UserError(f"{p.name} 不是 PlanMonitor 的数据库文件（缺少表：{'、'.join(missing)}）")


def safety_copy_name(current: Path, now: datetime | None = None) -> Path:
    """Where the current file is kept before a restore: beside it, with the time in its name."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return current.with_name(f"{current.stem}-恢复前备份-{stamp}{current.suffix or '.sqlite'}")


def restore(db: Database, source: str | os.PathLike[str]) -> Path:
    """Replace the open database's content with the backup ``source``.

    The current file is backed up first (the path is returned). ``db`` is closed; the caller
    opens the file again.
    """
    current = sqlite_path(db)
    src = Path(source)
    check_backup(src)
    if src.resolve() == current.resolve():
        raise UserError("所选备份就是正在使用的数据库本身")
    kept = back_up(db, safety_copy_name(current))
    db.close()
    try:
        _restore_into(src, current)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(f"恢复失败，原数据库未改动（另有备份：{kept}）：{exc}") from None
    return kept
