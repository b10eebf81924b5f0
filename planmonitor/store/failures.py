"""What a database failure means for the user, in one line: locked by another writer, a
read-only file or folder, a full disk, a unique key taken by a concurrent edit, a value longer
than a PostgreSQL column. Every such failure rolled its transaction back, and the line says so.
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError

NOTHING_WRITTEN = "本次操作未写入任何内容"

# (text in the driver's message, what it means) — SQLite and PostgreSQL wordings.
_OPERATIONAL = (
    ("database is locked", "正被另一个程序写入（已锁定），请稍后再试"),
    ("database table is locked", "正被另一个程序写入（已锁定），请稍后再试"),
    ("attempt to write a readonly database", "是只读的（文件或所在目录没有写入权限），无法写入"),
    ("readonly database", "是只读的（文件或所在目录没有写入权限），无法写入"),
    ("unable to open database file", "无法打开（文件或所在目录不存在、不可访问或只读）"),
    ("database or disk is full", "所在磁盘空间不足，无法写入"),
    ("disk i/o error", "读写出错（磁盘已满，或文件所在位置不可写）"),
    ("file is not a database", "不是数据库文件（文件已损坏，或是别的文件）"),
    ("could not connect", "的服务器无法连接（地址、端口或网络有误，或服务器未运行）"),
    ("connection refused", "的服务器拒绝连接（服务器未运行，或地址、端口有误）"),
    ("password authentication failed", "拒绝登录：用户名或密码不正确"),
    ("could not serialize access", "的同一记录正被他人同时修改，请刷新后重试"),
    ("deadlock detected", "的同一记录正被他人同时修改，请刷新后重试"),
)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0][:160] if text else type(exc).__name__


def describe(exc: BaseException, where: str) -> str | None:
    """One line for an expected database or file failure (``where``: the database as the user
    knows it), or ``None`` for anything unexpected."""
    if isinstance(exc, IntegrityError):
        return (
            f"数据库 {where}：与他人同时修改了同一条记录，或该记录已存在（{_first_line(exc)}）；"
            f"{NOTHING_WRITTEN}，请刷新后重试"
        )
    if isinstance(exc, DataError):
        return (
            f"数据库 {where}：有值不符合数据库字段的要求（{_first_line(exc)}）；{NOTHING_WRITTEN}"
        )
    if isinstance(exc, OperationalError | DBAPIError):
        text = _first_line(exc).lower()
        for needle, meaning in _OPERATIONAL:
            if needle in text:
                return f"数据库 {where} {meaning}；{NOTHING_WRITTEN}"
        if isinstance(exc, OperationalError):
            return f"数据库 {where} 无法使用（{_first_line(exc)}）；{NOTHING_WRITTEN}"
        return None
    if isinstance(exc, OSError):
        name = exc.filename or where
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return f"{name}：磁盘空间不足；{NOTHING_WRITTEN}"
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"{name}：没有写入权限（只读）；{NOTHING_WRITTEN}"
        return f"{name}：{exc.strerror or exc}"
    return None
