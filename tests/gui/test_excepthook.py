"""The window's top-level exception hook (issue 15, defect 7): one line in a message box, the
traceback in the log file — never a traceback on the console or a dead window."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import OperationalError

from planmonitor.gui import excepthook


def shown_box() -> QMessageBox | None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    return next((b for b in boxes if b.isVisible()), None)


def test_an_unexpected_error_shows_one_line_naming_the_log(
    zh, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    excepthook.install("test.sqlite")
    try:
        raise ZeroDivisionError("除以零")
    except ZeroDivisionError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: shown_box() is not None)
    box = shown_box()
    assert box is not None
    log = tmp_path / "PlanMonitor" / "logs" / "planmonitor-errors.log"
    assert box.text().count("\n") == 0
    assert "ZeroDivisionError: 除以零" in box.text() and str(log) in box.text()
    assert "ZeroDivisionError: 除以零" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")
    box.accept()
    qtbot.waitUntil(lambda: shown_box() is None)


def test_a_locked_database_is_said_plainly(zh, qtbot) -> None:  # type: ignore[no-untyped-def]
    exc = OperationalError("INSERT …", {}, Exception("database is locked"))
    box = excepthook.show_failure(exc, "/data/planmonitor.sqlite")
    qtbot.waitUntil(box.isVisible)
    assert box.text() == (
        "数据库 /data/planmonitor.sqlite 正被另一个程序写入（已锁定），请稍后再试；"
        "本次操作未写入任何内容"
    )
    box.accept()
