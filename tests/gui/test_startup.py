"""Start-up: the window frame is painted before any database work; the database opens behind."""

from __future__ import annotations

import argparse
import linecache
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import planmonitor.store.database as database
from planmonitor.app import create_application, run_gui
from planmonitor.gui.main_window import MainWindow
from planmonitor.gui.startup import StartupShell
from planmonitor.services.plans import PlanService, plan_source


def _shells() -> list[StartupShell]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, StartupShell)]


def _visible_shells() -> list[StartupShell]:
    return [w for w in _shells() if w.isVisible()]


@pytest.fixture
def chengde(tmp_path: Path) -> Path:
    path = tmp_path / "start.sqlite"
    db = database.open_database(path)
    PlanService(db).install(plan_source("chengde"))
    db.close()
    return path


def test_modules_imported_after_qt_are_not_read_as_source(zh, tmp_path: Path) -> None:
    module = tmp_path / "imported_after_qt.py"
    module.write_text("VALUE = 16\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        create_application("zh")
        import imported_after_qt  # type: ignore[import-not-found]

        assert imported_after_qt.VALUE == 16
        assert str(module) not in linecache.cache
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("imported_after_qt", None)


def test_the_frame_is_painted_before_the_database_is_opened(
    zh, chengde: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked_at: list[float] = []  # (on the opening thread: no widget may be touched there)
    real_open = database.open_database

    def open_database(target: object) -> database.Database:
        asked_at.append(time.time())
        return real_open(target)  # type: ignore[arg-type]

    monkeypatch.setattr(database, "open_database", open_database)
    assert run_gui(argparse.Namespace(db=str(chengde), lang="zh"), probe=True) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == ["shell", "overview", "shown:"]
    shell_at, overview_at = float(out[0].split()[1]), float(out[1].split()[1])
    assert len(asked_at) == 1
    assert shell_at <= asked_at[0] < overview_at  # the frame was on screen before
    assert out[2] == "shown: 规划监测 — 承德市科技创新“十四五”规划"
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert windows and windows[-1].overview.tree.topLevelItemCount() > 0
    assert not _visible_shells()
    windows[-1].context.db.close()


def test_closing_the_frame_while_the_database_opens_quits_and_closes_it(
    zh, chengde: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked, release = threading.Event(), threading.Event()
    opened: list[database.Database] = []
    closed: list[bool] = []
    real_open = database.open_database

    def slow_open(target: object) -> database.Database:
        asked.set()
        assert release.wait(10)
        db = real_open(target)  # type: ignore[arg-type]
        real_close = db.close

        def close() -> None:
            closed.append(True)
            real_close()

        db.close = close  # type: ignore[method-assign]
        opened.append(db)
        return db

    def close_when_asked() -> None:
        if not asked.is_set():
            QTimer.singleShot(10, close_when_asked)
            return
        for shell in _visible_shells():
            shell.close()
        release.set()

    monkeypatch.setattr(database, "open_database", slow_open)
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}
    QTimer.singleShot(0, close_when_asked)
    assert run_gui(argparse.Namespace(db=str(chengde), lang="zh")) == 0
    after = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert [w for w in after if id(w) not in before] == []
    assert len(opened) == 1 and closed == [True]


def test_a_database_that_cannot_be_opened_gives_one_line_and_status_2(
    zh, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "x.sqlite"
    assert run_gui(argparse.Namespace(db=str(target), lang="zh"), probe=True) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"planmonitor: 错误：数据库所在目录 {target.parent} 不存在"]
    assert not _visible_shells()
