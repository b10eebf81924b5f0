"""The window's last line of defence: an exception no view handled becomes one line in a message
box — the meaning of an expected failure (a locked or read-only database, a full disk), or, for
anything unexpected, the path of the log file that holds its traceback — instead of a traceback
on a console nobody sees, or a window that dies."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planmonitor.services.crash_log import crash_line, record_crash
from planmonitor.store.failures import describe

_open_boxes: list[QMessageBox] = []  # kept alive while shown (the box is not modal-blocking)


def failure_line(exc: BaseException, where: str = "") -> str:
    """What the user is told about ``exc``: its meaning if expected, else the log file."""
    from planmonitor.domain.indicator import PlanError
    from planmonitor.domain.values import NumberError
    from planmonitor.services.errors import UserError
    from planmonitor.store.database import DatabaseError

    if isinstance(exc, UserError | PlanError | NumberError | DatabaseError):
        return str(exc)
    line = describe(exc, where)
    if line is not None:
        return line
    return crash_line(exc, record_crash(exc, "window"))


def show_failure(exc: BaseException, where: str = "", parent: QWidget | None = None) -> QMessageBox:
    """Show :func:`failure_line` in a message box (window-modal, not blocking); the box."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("App", "PlanMonitor"),
        failure_line(exc, where),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    _open_boxes.append(box)
    box.finished.connect(lambda _result: _open_boxes.remove(box))
    box.open()
    return box


def install(where: str = "") -> None:
    """Make :func:`show_failure` the handler of every exception that reaches the event loop
    (``where``: the database, as the status bar shows it)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        show_failure(exc.with_traceback(tb), where, QApplication.activeWindow())

    sys.excepthook = hook
