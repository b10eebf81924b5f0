"""Unexpected failures: the traceback goes to a log file in the user's data folder, the user
gets one line naming that file (the CLI and the window both use this)."""

from __future__ import annotations

import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

LOG_NAME = "planmonitor-errors.log"
_MAX_BYTES = 2 * 1024 * 1024  # the log is started afresh beyond this


def log_path() -> Path:
    """The log file: ``<user data folder>/PlanMonitor/logs/planmonitor-errors.log``."""
    from platformdirs import user_data_path

    return user_data_path("PlanMonitor", appauthor=False) / "logs" / LOG_NAME


def record_crash(exc: BaseException, context: str = "") -> Path:
    """Append ``exc`` with its traceback (and what was being done) to the log; its path.

    Falls back to the temporary folder where the data folder cannot be written.
    """
    from planmonitor import __version__

    entry = (
        f"=== {datetime.now().isoformat(timespec='seconds')} PlanMonitor {__version__}"
        f" Python {sys.version.split()[0]} {context}\n"
        + "".join(traceback.format_exception(exc))
        + "\n"
    )
    for path in (log_path(), Path(tempfile.gettempdir()) / LOG_NAME):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            mode = "w" if path.exists() and path.stat().st_size > _MAX_BYTES else "a"
            with path.open(mode, encoding="utf-8") as fh:
                fh.write(entry)
            return path
        except OSError:
            continue
    return log_path()


def crash_line(exc: BaseException, path: Path) -> str:
    """The one line shown for an unexpected failure."""
    what = (
        f"{type(exc).__name__}: {str(exc).strip().splitlines()[0][:120]}"
        if str(exc).strip()
        else type(exc).__name__
    )
    return f"内部错误（{what}），这是程序的问题，不是您的操作所致；详情已记入 {path}"
