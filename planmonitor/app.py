"""Starting the desktop program."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from planmonitor.gui.startup import CollectorPause


# Qt's xcb platform plugin loads these libraries; a fresh desktop may lack some of them.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_xcb_packages(find: Callable[[str], str | None] | None = None) -> list[str]:
    """The Debian/Ubuntu packages Qt's xcb platform needs and this machine lacks ([] where
    the xcb platform is not going to be used: Windows, macOS, Wayland or offscreen)."""
    import os

    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and (os.environ.get("WAYLAND_DISPLAY") or not os.environ.get("DISPLAY")):
        return []
    if find is None:
        from ctypes.util import find_library

        find = find_library
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if not find(lib)]


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

    from planmonitor.gui.startup import skip_pyside_source_scan

    skip_pyside_source_scan()  # before anything else is imported after Qt
    from planmonitor.gui import i18n
    from planmonitor.gui.style import apply_style

    existing = QApplication.instance()
    if not isinstance(existing, QApplication):
        missing = missing_xcb_packages()
        if missing:
            raise SystemExit(
                "planmonitor: 错误：图形界面（Qt xcb）缺少系统库，请安装："
                f"sudo apt-get install {' '.join(missing)}"
            )
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("PlanMonitor")
    app.setOrganizationName("PlanMonitor")
    app.setDesktopFileName("planmonitor")  # the installed planmonitor.desktop (taskbar, Wayland)
    app.setWindowIcon(program_icon())
    chosen = i18n.install(app, lang or settings_language() or "zh")
    apply_style(app)
    return app, chosen


def run_gui(args: argparse.Namespace, demo: bool = False, probe: bool = False) -> int:
    """Open the main window on ``--db`` (or the default database).

    The window frame is painted before anything touches the database (gui/startup.py); the
    database is opened on a worker thread behind it. ``probe`` (the start-up benchmark): print
    when the frame and the filled overview were painted (``time.time()``), then exit.
    """
    from planmonitor.gui.startup import CollectorPause

    collection = CollectorPause()  # before Qt, SQLAlchemy and the models are imported
    try:
        return _start(args, demo, probe, collection)
    finally:
        collection.thaw()


def _start(args: argparse.Namespace, demo: bool, probe: bool, collection: CollectorPause) -> int:
    """:func:`run_gui` while garbage collection is paused (``collection``)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QMessageBox

    from planmonitor.gui.startup import Opening, StartupShell

    app, _lang = create_application(getattr(args, "lang", None))
    shell = StartupShell()
    shell.show()
    shell.repaint()
    app.processEvents()
    if probe:
        print(f"shell {time.time():.4f}", flush=True)
    preopened = None
    if _is_server(args.db):  # a server may ask for a password: asked here, on the GUI thread
        from planmonitor.domain.indicator import PlanError
        from planmonitor.gui.connect_dialog import open_interactively
        from planmonitor.services.errors import UserError
        from planmonitor.store.database import DatabaseError

        try:
            preopened = open_interactively(args.db)
        except (DatabaseError, UserError, PlanError) as exc:
            shell.hide()
            QMessageBox.critical(None, app.translate("App", "PlanMonitor"), str(exc))
            print(f"planmonitor: 错误：{exc}", file=sys.stderr)
            return 2
        if preopened is None:  # the user cancelled the password dialog
            return 1
    opening = Opening(args.db, demo, shell, db=preopened)
    windows: list[Any] = []  # keeps the main window's Python wrapper alive

    def opened(context: Any) -> None:
        opening.wait()  # (the thread has emitted its last signal: it ends now)
        collection.resume()
        if not shell.isVisible():  # closed while opening
            context.db.close()
            return
        from planmonitor.gui import excepthook
        from planmonitor.gui.main_window import MainWindow

        excepthook.install(context.db.location)
        window = MainWindow(context)
        windows.append(window)
        window.setGeometry(shell.geometry())
        if shell.isMaximized():
            window.showMaximized()
        else:
            window.show()
        shell.close()
        if probe:
            window.repaint()
            app.processEvents()
            print(f"overview {time.time():.4f}\nshown: {window.windowTitle()}", flush=True)
            window.hide()  # not close(): a probe leaves the remembered window layout alone
            context.db.close()
            app.exit(0)
        else:
            QTimer.singleShot(2000, collection.thaw)  # the window is on screen by then

    def failed(message: str) -> None:
        opening.wait()
        collection.resume()
        shell.hide()
        if not probe:
            QMessageBox.critical(None, app.translate("App", "PlanMonitor"), message)
        print(f"planmonitor: 错误：{message}", file=sys.stderr)
        app.exit(2)

    queued = Qt.ConnectionType.QueuedConnection  # handled on the GUI thread, in its event loop
    opening.opened.connect(opened, queued)
    opening.failed.connect(failed, queued)
    opening.start()
    try:
        return int(app.exec())
    finally:
        opening.wait()
        collection.resume()
        app.processEvents()  # a database opened after the shell was closed gets closed


def _is_server(target: str | None) -> bool:
    """True when ``target`` (or PLANMONITOR_DB) names a PostgreSQL server, not a SQLite file.

    Read from the text alone, so that the window frame is not kept waiting for SQLAlchemy.
    """
    raw = target if target is not None else os.environ.get("PLANMONITOR_DB", "")
    return raw.strip().lower().startswith("postgres")
