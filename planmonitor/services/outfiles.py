"""Writing an output file (report, export, fill-in workbook) so that a failure never costs the
file that was there: the writer writes a temporary file beside the target, the file is checked
(not empty, and a complete PDF or zip container), and only then renamed over the target. A full
disk, a missing or read-only folder, or a file another program holds open leaves the old file
and is said in one line.
"""

from __future__ import annotations

import errno
import gc
import os
import sys
import traceback
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lxml.etree import SerialisationError

from planmonitor.services.errors import UserError

_PDF_TAIL = 2048  # the %%EOF marker sits in the last bytes of a complete PDF
# What a writer raises when the disk refuses a write: OSError, or lxml's error for the same
# (openpyxl and python-docx stream their XML through lxml: "IO_EFBIG", "IO_ENOSPC").
WRITE_ERRORS: tuple[type[BaseException], ...] = (OSError, SerialisationError)


@contextmanager
def quiet_close_errors() -> Iterator[None]:
    """While writing: a half-written zip that fails again when it is closed by the garbage
    collector ("Exception ignored in …") says nothing — the failure itself is reported once."""
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        exc = unraisable.exc_value
        if not isinstance(exc, OSError) and not type(exc).__module__.startswith("lxml"):
            previous(unraisable)  # not the writer's XML stream failing again as it closes

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous


def forget_writer(exc: BaseException) -> None:
    """Drop what the failed writer's frames hold (its half-written workbook), so that it is
    closed now, inside :func:`quiet_close_errors`, rather than noisily at exit."""
    traceback.clear_frames(exc.__traceback__)
    gc.collect()  # only after a failure: a collection on a worker thread is not for every run


def part_path(target: Path) -> Path:
    """The temporary file beside ``target`` (same folder, so the rename cannot cross disks)."""
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def check_folder(target: Path) -> None:
    """UserError unless ``target`` can be written in its folder (which must exist)."""
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"输出目录 {folder} 不存在")
    if target.is_dir():
        raise UserError(f"输出文件 {target} 是一个目录")
    if not os.access(folder, os.W_OK):
        raise UserError(f"输出目录 {folder} 没有写入权限（只读？）")


def why_incomplete(path: Path, suffix: str) -> str | None:
    """Why the file written at ``path`` is not a complete ``suffix`` (".pdf", ".xlsx", …)
    file, or ``None`` if it is."""
    try:
        size = path.stat().st_size
    except OSError:
        return "文件没有写出"
    if size == 0:
        return "写出的文件为空（0字节）"
    suffix = suffix.lower().lstrip(".")
    with path.open("rb") as fh:
        head = fh.read(8)
        fh.seek(max(0, size - _PDF_TAIL))
        tail = fh.read()
    if suffix == "pdf":
        if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
            return "写出的 PDF 不完整"
    elif suffix in ("xlsx", "xlsm", "docx"):
        try:
            with zipfile.ZipFile(path) as zf:
                if zf.testzip() is not None:
                    return "写出的文件已损坏"
        except (zipfile.BadZipFile, OSError, EOFError):
            return "写出的文件不完整"
    return None


def failure_text(target: Path, exc: BaseException) -> str:
    """One line for a write that failed: what, where, and that the old file is kept."""
    code = getattr(exc, "errno", None)
    text = str(exc)
    if (
        code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
        or "IO_ENOSPC" in text
        or "IO_EFBIG" in text
    ):
        why = "磁盘空间不足"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS) or "IO_EACCES" in text:
        why = "没有写入权限（文件或目录只读，或文件正被其他程序打开）"
    else:
        why = getattr(exc, "strerror", None) or text.splitlines()[0] if text else type(exc).__name__
    kept = "原文件未改动" if target.exists() else "未生成文件"
    return f"无法写入 {target}：{why}；{kept}"


def finish(part: Path, target: Path) -> None:
    """Check ``part`` and rename it over ``target``; UserError (old file kept) if it is not
    complete or cannot be renamed."""
    why = why_incomplete(part, target.suffix)
    if why is not None:
        kept = "原文件未改动" if target.exists() else "未生成文件"
        raise UserError(f"无法写入 {target}：{why}（磁盘已满？）；{kept}")
    try:
        os.replace(part, target)
    except OSError as exc:
        raise UserError(failure_text(target, exc)) from None


@contextmanager
def output_file(target: Path) -> Iterator[Path]:
    """``with output_file(target) as part:`` write ``part``; on leaving the block it is checked
    and renamed over ``target``. Any failure (also OSError while writing) leaves the old file
    and raises UserError; the temporary file is always removed."""
    check_folder(target)
    part = part_path(target)
    failed = None
    try:
        with quiet_close_errors():
            try:
                yield part
            except WRITE_ERRORS as exc:
                failed = failure_text(target, exc)
                forget_writer(exc)
        if failed is not None:
            raise UserError(failed)
        finish(part, target)
    finally:
        part.unlink(missing_ok=True)
