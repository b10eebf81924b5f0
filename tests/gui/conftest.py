"""GUI fixtures: a QApplication in Chinese (the default), a database and the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planmonitor.app import create_application
from planmonitor.gui import i18n
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.main_window import MainWindow
from planmonitor.services.demo import create_demo
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database, open_database


@pytest.fixture
def zh(qapp):  # type: ignore[no-untyped-def]
    """The application in Simplified Chinese (restored after the test)."""
    create_application("zh")
    yield qapp
    i18n.install(qapp, "zh")


@pytest.fixture
def gui_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "gui.sqlite")
    yield db
    db.close()


@pytest.fixture
def cangzhou_window(zh, gui_db: Database, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window on a database holding the Cangzhou plan, report period 2023Q3."""
    PlanService(gui_db).install(plan_source("cangzhou"))
    context = MonitorContext(gui_db)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    index = [window.period_box.itemData(i) for i in range(window.period_box.count())].index(
        "2023Q3"
    )
    window.period_box.setCurrentIndex(index)
    return window


@pytest.fixture
def demo_window(zh, gui_db: Database, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    create_demo(gui_db)
    window = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Every test has its own QSettings (language, window geometry, folders, recent files)."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
