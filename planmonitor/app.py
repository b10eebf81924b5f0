"""Starting the desktop program."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def settings_language() -> str | None:
    """The language chosen in the settings (QSettings), if any."""
    from PySide6.QtCore import QSettings

    value = QSettings("PlanMonitor", "PlanMonitor").value("language")
    return str(value) if value else None


def program_icon() -> QIcon:
    """The program's icon (resources/icons/planmonitor-*.png, every size)."""
    from PySide6.QtGui import QIcon

    from planmonitor.paths import data_dir

    icon = QIcon()
    for path in sorted((data_dir("resources") / "icons").glob("planmonitor-*.png")):
        icon.addFile(str(path))
    return icon


def create_application(lang: str | None):  # type: ignore[no-untyped-def]
    """The QApplication with translations, fonts and the style sheet; returns (app, lang)."""
    from PySide6.QtWidgets import QApplication

    from planmonitor.gui import i18n
    from planmonitor.gui.style import apply_style

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("PlanMonitor")
    app.setOrganizationName("PlanMonitor")
    app.setDesktopFileName("planmonitor")  # the installed planmonitor.desktop (taskbar, Wayland)
    app.setWindowIcon(program_icon())
    chosen = i18n.install(app, lang or settings_language() or "zh")
    apply_style(app)
    return app, chosen


def run_gui(args: argparse.Namespace, demo: bool = False) -> int:
    """Open the main window on ``--db`` (or the default database)."""
    from PySide6.QtWidgets import QMessageBox

    from planmonitor.domain.indicator import PlanError
    from planmonitor.gui.context import MonitorContext
    from planmonitor.gui.main_window import MainWindow
    from planmonitor.services.errors import UserError
    from planmonitor.store.database import DatabaseError, open_database

    app, _lang = create_application(getattr(args, "lang", None))
    try:
        db = open_database(args.db)
        context = MonitorContext(db)
        if demo:
            from planmonitor.services.demo import create_demo

            create_demo(db)
    except (DatabaseError, UserError, PlanError) as exc:
        QMessageBox.critical(None, app.translate("App", "PlanMonitor"), str(exc))
        print(f"planmonitor: 错误：{exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # locked, read-only, not ours…: one line, the traceback logged
        from planmonitor.gui.excepthook import failure_line

        line = failure_line(exc, str(args.db or ""))
        QMessageBox.critical(None, app.translate("App", "PlanMonitor"), line)
        print(f"planmonitor: 错误：{line}", file=sys.stderr)
        return 2
    from planmonitor.gui import excepthook

    excepthook.install(db.location)
    window = MainWindow(context)
    window.show()
    return int(app.exec())
