"""Two windows on one database: an edit in one appears in the other within 5 s (a SQLite file
shared by two connections: PRAGMA data_version; a server: LISTEN/NOTIFY), unsaved editing in
the other survives the refresh, and a stale edit is refused with who changed the value, when
and to what, with reload and re-apply offered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_accounts import new_server, server
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from planmonitor.domain.periods import Period
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.entry_model import FIXED
from planmonitor.gui.main_window import MainWindow
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database, open_database

__all__ = ["new_server", "server"]  # the server fixtures, for the PostgreSQL case
Q3 = Period.quarter(2023, 3)
ROW_05, ROW_06, COL_Q3 = 4, 5, FIXED + 2


def _window(db: Database, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(MonitorContext(db))
    qtbot.addWidget(window)
    window.show()
    keys = [window.period_box.itemData(i) for i in range(window.period_box.count())]
    window.period_box.setCurrentIndex(keys.index("2023Q3"))
    window.tabs.setCurrentWidget(window.entry)
    return window


def _type(qtbot, window: MainWindow, row: int, text: str) -> None:  # type: ignore[no-untyped-def]
    grid = window.entry.grid
    grid.setFocus()
    grid.setCurrentIndex(window.entry.model.index(row, COL_Q3))
    qtbot.keyClicks(grid, text[0])
    editor = grid.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)


def _shown(window: MainWindow, row: int) -> str:
    return str(window.entry.model.index(row, COL_Q3).data())


@pytest.fixture(params=["sqlite", pytest.param("server", marks=pytest.mark.postgres)])
def two_databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple]:
    """The same database opened twice (on the server by two admins, boss and chief)."""
    if request.param == "sqlite":
        path = tmp_path / "shared.sqlite"
        first = open_database(path)
        PlanService(first).install(plan_source("cangzhou"))
        second = open_database(path)
        users = ("", "")
    else:
        srv = request.getfixturevalue("server")
        assert srv.cli("boss", "server", "add-user", "chief", "--role", "admin") == 0
        first, second = srv.open("boss"), srv.open("chief")
        users = ("boss", "chief")
    try:
        yield first, second, users
    finally:
        first.close()
        second.close()


def test_an_edit_in_one_window_appears_in_the_other_and_a_stale_edit_is_refused(
    zh,
    qtbot,
    two_databases,  # type: ignore[no-untyped-def]
) -> None:
    db1, db2, (user1, _user2) = two_databases
    one, two = _window(db1, qtbot), _window(db2, qtbot)
    # the second window's user is typing a comment that must survive the refresh
    two.entry.grid.setCurrentIndex(two.entry.model.index(ROW_06, COL_Q3))
    two.entry.comment.setFocus()
    event = QInputMethodEvent()  # Chinese arrives from the input method as a commit string
    event.setCommitString("正在写的说明")
    QApplication.sendEvent(two.entry.comment, event)
    assert two.entry.comment.text() == "正在写的说明"

    _type(qtbot, one, ROW_05, "990")
    qtbot.waitUntil(lambda: _shown(two, ROW_05) == "990", timeout=5000)
    assert two.entry.comment.text() == "正在写的说明"
    assert two.entry.grid.currentIndex().row() == ROW_06  # where the user was
    statuses = {s.indicator.code: s.status.actual for s in two.context.statuses()}
    assert statuses["05"] == 990  # the lights followed

    # now the second window misses a change (it stops watching) and edits a stale value
    two.watcher.stop()
    _type(qtbot, one, ROW_05, "92.3")
    saved = next(o for o in db1_values(one) if o.indicator == "05" and o.period == Q3)
    assert saved.value == 92.3 and saved.recorded_at is not None
    assert _shown(two, ROW_05) == "990"
    _type(qtbot, two, ROW_05, "995")
    who = user1 or saved.recorded_by
    expected = f"该数值已于{saved.recorded_at:%H:%M}被“{who}”修改为92.3"
    assert expected in two.entry.message.text()
    assert two.entry.reload_bar.isVisible()
    assert two.entry.undo_stack.count() == 0  # the refused edit is not on the undo stack
    assert [o.value for o in db1_values(one) if o.indicator == "05"] == [92.3]

    # re-apply: reload, then save 995 on top of 92.3 (now based on the current version)
    qtbot.mouseClick(two.entry.reapply_button, Qt.MouseButton.LeftButton)
    assert not two.entry.reload_bar.isVisible()
    assert _shown(two, ROW_05) == "995"
    assert [o.value for o in db1_values(one) if o.indicator == "05"] == [995.0]
    history = one.context.values.history("cangzhou", "05")
    assert [(o.value, o.is_current) for o in history] == [
        (990.0, False),
        (92.3, False),
        (995.0, True),
    ]
    # and the first window learns of it in turn
    qtbot.waitUntil(lambda: _shown(one, ROW_05) == "995", timeout=5000)
    one.close()
    two.close()


def db1_values(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.context.values.current("cangzhou", None, (2023, 2023))


def test_reload_drops_the_refused_edit_and_shows_the_database(
    zh,
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "shared.sqlite"
    db1 = open_database(path)
    PlanService(db1).install(plan_source("cangzhou"))
    db2 = open_database(path)
    try:
        one, two = _window(db1, qtbot), _window(db2, qtbot)
        two.watcher.stop()
        _type(qtbot, one, ROW_05, "990")
        _type(qtbot, two, ROW_05, "880")  # based on no value: someone entered one meanwhile
        assert "修改为990" in two.entry.message.text()
        qtbot.mouseClick(two.entry.reload_button, Qt.MouseButton.LeftButton)
        assert _shown(two, ROW_05) == "990" and not two.entry.reload_bar.isVisible()
        assert "重新载入" in two.entry.message.text()
        assert [o.value for o in db1_values(one) if o.indicator == "05"] == [990.0]
        one.close()
        two.close()
    finally:
        db1.close()
        db2.close()


def test_a_value_recorded_by_another_process_on_the_same_file_appears_within_5_s(
    zh,
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    import subprocess
    import sys

    path = tmp_path / "shared.sqlite"
    db = open_database(path)
    PlanService(db).install(plan_source("cangzhou"))
    try:
        window = _window(db, qtbot)
        assert _shown(window, ROW_05) == ""
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "planmonitor.cli",
                "--db",
                str(path),
                "record",
                "05",
                "2023Q3",
                "977",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: _shown(window, ROW_05) == "977", timeout=5000)
        window.close()
    finally:
        db.close()


def test_the_watcher_reports_changes_of_other_connections_and_holds_them_while_stopped(
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from planmonitor.gui.live_refresh import ChangeWatcher
    from planmonitor.services.observations import Entry, ObservationService

    path = tmp_path / "shared.sqlite"
    mine, other = open_database(path), open_database(path)
    try:
        PlanService(other).install(plan_source("cangzhou"))
        watcher = ChangeWatcher(mine)
        with qtbot.waitSignal(watcher.changed, timeout=5000):
            ObservationService(other).record("cangzhou", Entry("05", Q3, 990.0))
        watcher.stop()
        with qtbot.assertNotEmitted(watcher.changed, wait=1500):
            ObservationService(other).record("cangzhou", Entry("05", Q3, 991.0))
        with qtbot.waitSignal(watcher.changed, timeout=5000):
            watcher.start()  # the change made while stopped is reported now
        watcher.close()
    finally:
        mine.close()
        other.close()
