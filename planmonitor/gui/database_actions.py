"""文件 menu actions on the database itself: open another file, recent files, back up, restore."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMessageBox

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.file_dialogs import open_file, save_file, settings
from planmonitor.services.errors import UserError
from planmonitor.store.database import DatabaseError, open_database

# The main window (it imports this module, so it is not named here: no import cycle).
MainWindow = Any
DATABASES = "*.sqlite *.sqlite3 *.db"
RECENT_KEY = "recentDatabases"
RECENT_MAX = 8


def recent_databases() -> list[str]:
    """The database files opened last (newest first) that still exist."""
    value = settings().value(RECENT_KEY) or []
    items = [value] if isinstance(value, str) else list(value)
    return [p for p in items if Path(p).is_file()][:RECENT_MAX]


def remember_database(path: str) -> None:
    """Put ``path`` first in the recent databases (written only if that changes the list: each
    write rewrites the settings file, which at every start cost more than painting the window)."""
    store = settings()
    value = store.value(RECENT_KEY) or []
    stored = [value] if isinstance(value, str) else list(value)
    items = [p for p in recent_databases() if Path(p).resolve() != Path(path).resolve()]
    wanted = [str(Path(path).resolve()), *items][:RECENT_MAX]
    if wanted != stored:
        store.setValue(RECENT_KEY, wanted)


class DatabaseActions(QObject):
    """Open, back up and restore for one window; a new database opens in a new window."""

    def __init__(self, window: MainWindow, make_window: Callable[[MonitorContext], Any]) -> None:
        super().__init__(window)
        self.window = window
        self.make_window = make_window  # a new main window on a context
        self.successor: MainWindow | None = None

    @property
    def context(self) -> MonitorContext:
        context = self.window.context
        assert isinstance(context, MonitorContext)
        return context

    def fill_recent(self) -> None:
        """Rebuild the 最近使用的数据库 menu."""
        menu = self.window.recent_menu
        menu.clear()
        current = self.context.db.location
        if self.context.db.is_sqlite and Path(current).is_file():
            remember_database(current)
        files = [p for p in recent_databases() if p != str(Path(current).resolve())]
        for path in files:
            act = menu.addAction(path)
            act.triggered.connect(lambda _=False, p=path: self.open_path(p))
        menu.setEnabled(bool(files))

    @Slot()
    def ask_open(self) -> None:
        """Choose another database file."""
        path = open_file(
            self.window,
            self.tr("Open another database"),
            self.tr("PlanMonitor databases ({patterns})").format(patterns=DATABASES),
            "database",
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> MainWindow | None:
        """Open ``path`` in a new window and close this one; a message if it cannot be used."""
        try:
            db = open_database(path)
        except (DatabaseError, UserError) as exc:
            QMessageBox.warning(self.window, self.tr("Open another database"), str(exc))
            return None
        if db.is_sqlite:
            remember_database(db.location)
        successor = self.make_window(MonitorContext(db))
        successor.show()
        self.successor = successor
        self.window.close()
        return successor

    @Slot()
    def ask_backup(self) -> None:
        """Choose where to write a backup of the open database."""
        current = Path(self.context.db.location)
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        path = save_file(
            self.window,
            self.tr("Back up the database"),
            f"{current.stem}-备份-{stamp}.sqlite",
            self.tr("PlanMonitor databases ({patterns})").format(patterns=DATABASES),
            "backup",
            "sqlite",
        )
        if path:
            self.backup(path)

    def backup(self, path: str) -> bool:
        """Write the backup; the status bar says where, a message says why not."""
        from planmonitor.services.backup import back_up

        try:
            out = back_up(self.context.db, path)
        except UserError as exc:
            QMessageBox.warning(self.window, self.tr("Back up the database"), str(exc))
            return False
        self.window.statusBar().showMessage(self.tr("Backed up to {path}").format(path=out), 10000)
        return True

    @Slot()
    def ask_restore(self) -> None:
        """Choose a backup, confirm, restore."""
        path = open_file(
            self.window,
            self.tr("Restore from a backup"),
            self.tr("PlanMonitor databases ({patterns})").format(patterns=DATABASES),
            "backup",
        )
        if not path:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace everything in {current} with the backup {backup}?\n"
                "The current file is backed up beside it first."
            ).format(current=self.context.db.location, backup=path),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(path)

    def restore(self, path: str) -> MainWindow | None:
        """Restore ``path`` into the open database file and reopen it in a new window."""
        from planmonitor.services.backup import check_backup, restore

        db = self.context.db
        try:
            check_backup(path)
            location = db.location
            kept = restore(db, path)
        except UserError as exc:
            QMessageBox.warning(self.window, self.tr("Restore from a backup"), str(exc))
            return None
        successor = self.open_path(location)
        if successor is not None:
            successor.statusBar().showMessage(
                self.tr("Restored from {backup}; the previous data are kept in {kept}").format(
                    backup=path, kept=kept
                ),
                15000,
            )
        return successor
