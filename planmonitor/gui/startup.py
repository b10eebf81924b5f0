"""Start-up: the window frame is painted first, the database is opened behind it.

:class:`StartupShell` needs nothing but Qt, so it is on screen before SQLAlchemy, the models and
the views are even imported. :class:`Opening` then imports them, opens (and migrates) the database
and computes the first plan's overview on a worker thread while the shell stays responsive; the
main window takes the shell's place when that is done. Everything heavy is imported inside
:meth:`Opening.run`.

Python's cyclic garbage collector is paused while the program starts
(:class:`CollectorPause`): a collection runs in whichever thread happens to allocate, and one
run by the opening thread would destroy garbage Qt objects of the GUI thread there — timers
stopped or started from the wrong thread ("QBasicTimer::start: Timers cannot be started from
another thread"), widgets torn down off the GUI thread. (Not collecting while SQLAlchemy and
the models are imported also saves about a tenth of a second.)
"""

from __future__ import annotations

import gc
import sys
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

if TYPE_CHECKING:
    from planmonitor.gui.context import MonitorContext
    from planmonitor.store.database import Database


def skip_pyside_source_scan() -> bool:
    """Stop PySide6 reading the source of every module imported after it.

    PySide6 replaces ``__import__``; after each import it calls ``inspect.getsource`` on the new
    module to see whether it says "PySide6", which decides how ``from __feature__ import …``
    (snake_case, true_property) applies to it. Nothing in this program or its libraries uses
    those features, so every module may count as not using them; without the scan, importing
    SQLAlchemy, the models and the views after Qt takes about 0.1 s less, and the sources
    (11 MB, kept in ``linecache``) never enter memory (about 30 MiB less at start;
    napari/napari#8584). Returns False where this PySide6 has no such scan (nothing changed).
    """
    for name in ("shibokensupport.feature", "PySide6.support.feature"):
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            setattr(feature, "_mod_uses_pyside", _uses_no_feature)  # noqa: B010
            return True
    return False


def _uses_no_feature(_module: ModuleType) -> bool:
    return False


class CollectorPause:
    """No cyclic garbage collection from the program's start until the opening thread has
    ended (see the module docstring); then what start-up made is frozen
    (:func:`gc.freeze`: the next collections do not scan the modules, classes and objects
    that live as long as the program) until :meth:`thaw`, once the window is on screen."""

    def __init__(self) -> None:
        self._was_enabled = gc.isenabled()
        self._paused = True
        gc.disable()

    def resume(self) -> None:
        """On the GUI thread, once the opening thread has ended: collect again (here)."""
        if self._paused:
            self._paused = False
            gc.freeze()
            if self._was_enabled:
                gc.enable()

    def thaw(self) -> None:
        """Start-up's objects are collected like any others again (garbage among them too)."""
        self.resume()
        gc.unfreeze()


class StartupShell(QMainWindow):
    """The empty main window with the program's title and “opening the database…”; the main
    window takes its place (and its geometry) once the database is open."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "PlanMonitor"))
        self.resize(1280, 800)
        # the size the main window had when last closed (MainWindow.closeEvent), else one that
        # fits the screen (a 1366×768 laptop): the main window takes this geometry over
        geometry = QSettings("PlanMonitor", "PlanMonitor").value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry() if self.screen() else None
            if screen is not None:
                self.resize(min(1280, screen.width()), min(800, screen.height() - 32))
        self.message = QLabel(self.tr("Opening the database…"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.message)
        self.statusBar().showMessage(self.message.text())


class Opening(QThread):
    """Opens the database and prepares the first plan's views off the GUI thread.

    Signals:
        opened(object): the :class:`MonitorContext`, moved to ``home``'s thread.
        failed(str): why the database cannot be used (one line).
    """

    opened = Signal(object)
    failed = Signal(str)

    def __init__(
        self, target: str | None, demo: bool, home: QObject, db: Database | None = None
    ) -> None:
        super().__init__()
        self.target = target
        self.db = db  # already opened (a server that asked for a password on the GUI thread)
        self.demo = demo
        self.home = home

    def run(self) -> None:
        from planmonitor.domain.indicator import PlanError
        from planmonitor.services.errors import UserError
        from planmonitor.store.database import DatabaseError

        try:
            context = self._open()
        except (DatabaseError, UserError, PlanError, OSError) as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # reported in a message box, never a window that hangs
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        context.moveToThread(self.home.thread())
        self.opened.emit(context)

    def _open(self) -> MonitorContext:
        from planmonitor.gui.context import MonitorContext
        from planmonitor.store.database import open_database

        db = self.db if self.db is not None else open_database(self.target)
        try:
            if self.demo:
                from planmonitor.services.demo import create_demo

                create_demo(db)
            context = MonitorContext(db)
            plans = context.plan_list()
            if plans:  # the plan the main window opens first (MainWindow.show_plans)
                context.open_plan(plans[0].id)
                context.statuses()
            import planmonitor.gui.main_window  # noqa: F401  (the views, imported here)
        except BaseException:
            db.close()
            raise
        return context
