"""Start-up: the window frame is painted before any database work; the database opens behind."""

from __future__ import annotations

import argparse
import gc
import linecache
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

import planmonitor.store.database as database
from planmonitor.app import create_application, run_gui
from planmonitor.gui import startup
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


class _Garbage:
    """A reference cycle holding a running timer of the GUI thread; notes where it is freed."""

    freed_on: list[str] = []  # noqa: RUF012

    def __init__(self) -> None:
        self.me = self
        self.timer = QTimer()
        self.timer.start(100_000)

    def __del__(self) -> None:
        _Garbage.freed_on.append(threading.current_thread().name)


def test_garbage_of_the_gui_thread_is_never_collected_on_the_opening_thread(
    zh, chengde: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A garbage collection runs in the thread that happens to allocate: run by the opening
    # thread, it destroyed the GUI thread's Qt objects there ("QBasicTimer::start: Timers cannot
    # be started from another thread" once under load). Garbage made just before the thread
    # starts must be collected on the GUI thread, with no Qt warning.
    messages: list[str] = []
    real_start = startup.Opening.start

    def start(self: startup.Opening, *args: object) -> None:
        for _ in range(20):
            _Garbage()
        real_start(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(startup.Opening, "start", start)
    _Garbage.freed_on.clear()
    was_enabled = gc.isenabled()
    previous = qInstallMessageHandler(lambda _mode, _ctx, text: messages.append(text))
    try:
        assert run_gui(argparse.Namespace(db=str(chengde), lang="zh"), probe=True) == 0
        assert gc.isenabled() == was_enabled  # collecting again once the window is up
        assert gc.get_freeze_count() == 0  # start-up's objects are not kept out of it
        gc.collect()
    finally:
        qInstallMessageHandler(previous)
    assert _Garbage.freed_on == ["MainThread"] * 20
    assert [m for m in messages if "thread" in m.lower()] == []
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert windows[-1].context.thread() is QApplication.instance().thread()
    assert capsys.readouterr().out.splitlines()[1].startswith("overview ")
    windows[-1].context.db.close()


# Modules the filled overview does not need: the other tabs' views (built on first show), the
# trend plot (pyqtgraph, numpy), migrations (alembic), spreadsheets, reports, the manual.
NOT_AT_START = (
    "planmonitor.gui.entry",
    "planmonitor.gui.entry_grid",
    "planmonitor.gui.detail",
    "planmonitor.gui.plot",
    "planmonitor.gui.task_view",
    "planmonitor.gui.round_views",
    "planmonitor.gui.dialogs",
    "planmonitor.gui.review_dialog",
    "planmonitor.gui.server_dialogs",
    "planmonitor.gui.manual",
    "planmonitor.gui.import_dialog",
    "planmonitor.services.demo",
    "pyqtgraph",
    "numpy",
    "alembic",
    "openpyxl",
    "docx",
    "reportlab",
)


def test_opening_the_program_to_the_overview_imports_nothing_it_does_not_show(
    chengde: Path,
) -> None:
    code = (
        "import argparse, sys\n"
        "from planmonitor.app import run_gui\n"
        f"status = run_gui(argparse.Namespace(db={str(chengde)!r}, lang='zh'), probe=True)\n"
        f"print('imported', sorted(m for m in {NOT_AT_START!r} if m in sys.modules))\n"
        "sys.exit(status)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ).stdout.splitlines()
    assert out[2] == "shown: 规划监测 — 承德市科技创新“十四五”规划"
    assert out[3] == "imported []"


def test_each_tab_is_built_and_filled_when_first_shown(zh, chengde: Path, qtbot) -> None:
    from planmonitor.gui.context import MonitorContext

    db = database.open_database(chengde)
    window = MainWindow(MonitorContext(db))
    qtbot.addWidget(window)
    window.show()
    names = ["entry", "detail", "tasks", "reporting", "checks"]
    assert [window.lazy_tabs.built(n) for n in names] == [None] * 5
    assert window.overview.tree.topLevelItemCount() > 0
    assert not window.act_undo.isEnabled()
    bar = window.tabs.tabBar()
    for index, name in enumerate(names, start=1):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        view = window.lazy_tabs.built(name)
        assert view is not None and window.tabs.currentWidget() is view
        assert window.tabs.indexOf(view) == index and window.tabs.currentIndex() == index
    plan = window.context.plan
    assert plan is not None
    assert window.entry.model.rowCount() == len(plan.indicators)
    assert window.entry.year.value() == window.context.quarter.year
    assert window.detail.chooser.count() == len(plan.indicators)
    assert window.detail.code == plan.indicators[0].code
    assert window.round.tasks.table.rowCount() == len(plan.tasks) > 0
    assert window.round.reporting.table.rowCount() > 0
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "总览",
        "数据填报",
        "指标详情",
        "重点任务",
        "报送情况",
        "数据审核",
    ]
    window.close()
