"""``planmonitor --smoke-test``: does this installation work? (for CI and installers)

On a fresh temporary database — never the user's — it migrates the schema, imports every module
of the program, loads the PostgreSQL driver, installs a built-in plan, opens the main window in
Chinese, shows the overview and the indicator detail with its plot, and closes. Each step prints
one line; the first failure prints what failed and the exit status is 1. Qt warnings fail the test
too (a missing plugin or font shows up there first). Run it offscreen on a machine without a
screen: ``QT_QPA_PLATFORM=offscreen planmonitor --smoke-test``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

SMOKE_PLAN = "cangzhou"
# Harmless Qt messages of the offscreen platform (the same list as the GUI tests ignore).
BENIGN_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


class SmokeFailure(RuntimeError):
    """A check of the smoke test did not hold."""


def check(condition: bool, message: str) -> None:
    """Raise SmokeFailure(message) unless ``condition``."""
    if not condition:
        raise SmokeFailure(message)


def import_all_modules() -> int:
    """Import every module of the program (a frozen bundle missing a dependency fails here)."""
    import planmonitor

    names = sorted(
        info.name
        for info in pkgutil.walk_packages(planmonitor.__path__, "planmonitor.")
        if not info.name.endswith(".__main__")  # running it would start the program
    )
    for name in names:
        importlib.import_module(name)
    check(len(names) > 20, f"only {len(names)} modules found in the package")
    return len(names)


def postgres_driver() -> str:
    """Load SQLAlchemy's psycopg dialect and psycopg's libpq (no server is contacted)."""
    import psycopg
    from sqlalchemy import create_engine

    engine = create_engine("postgresql+psycopg://smoke@localhost/smoke")
    engine.dispose()
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {psycopg.pq.version()})"


class QtMessages:
    """Collects Qt's warnings and errors while installed."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def __call__(self, kind: Any, _context: Any, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(benign in message for benign in BENIGN_QT_MESSAGES):
            return
        self.problems.append(message)


def run_smoke_test(lang: str | None = None) -> int:
    """Run every step; print one line each; return 0 when all passed, else 1."""
    from PySide6.QtCore import qInstallMessageHandler

    started = time.perf_counter()
    messages = QtMessages()
    previous = qInstallMessageHandler(messages)
    try:
        with tempfile.TemporaryDirectory(prefix="planmonitor-smoke-") as tmp:
            _steps(Path(tmp), lang or "zh", messages)
    except Exception as exc:
        detail = "" if isinstance(exc, SmokeFailure) else "\n" + traceback.format_exc()
        print(f"planmonitor smoke test FAILED: {exc}{detail}", file=sys.stderr)
        return 1
    finally:
        qInstallMessageHandler(previous)
    print(f"smoke test OK ({time.perf_counter() - started:.1f} s)")
    return 0


def startup_probe(db_target: str | None, lang: str | None = None) -> int:
    """Start as the program does, paint the main window on ``db_target`` and exit: the start-up
    benchmarks (benchmarks/bench_startup.py, bench_frozen_start.py) time this for the frozen and
    the source program alike. Prints when the window frame and the filled overview were painted
    (``time.time()``) and the window's title."""
    import argparse

    from planmonitor.app import run_gui

    return run_gui(argparse.Namespace(db=db_target, lang=lang), probe=True)


def _step(name: str, action: Callable[[], str]) -> None:
    start = time.perf_counter()
    try:
        result = action()
    except SmokeFailure as exc:
        raise SmokeFailure(f"{name}: {exc}") from None
    except Exception as exc:
        raise SmokeFailure(f"{name}: {type(exc).__name__}: {exc}") from exc
    print(f"  ok  {name}: {result}  ({(time.perf_counter() - start) * 1000:.0f} ms)")


def _steps(tmp: Path, lang: str, messages: QtMessages) -> None:
    from planmonitor import __version__
    from planmonitor.store.database import open_database

    print(f"planmonitor {__version__} smoke test ({'frozen' if _frozen() else 'Python'})")
    opened: list[Any] = []
    try:
        path = tmp / "db.sqlite"
        _step("fresh database migrated", lambda: _migrated(opened, open_database(path)))
        db = opened[0]
        _step("modules imported", lambda: f"{import_all_modules()} modules")
        _step("PostgreSQL driver", postgres_driver)
        _step("built-in plan installed", lambda: _install_plan(db))
        _gui_steps(db, lang, messages)
    finally:
        for db in opened:
            db.close()


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _migrated(opened: list[Any], db: Any) -> str:
    from sqlalchemy import inspect

    from planmonitor.store.database import SCHEMA_HEAD

    opened.append(db)
    report = db.migration
    check(report.before is None, f"expected a new database, found schema {report.before}")
    check(report.after == SCHEMA_HEAD, f"schema {report.after}, expected {SCHEMA_HEAD}")
    tables = inspect(db.engine).get_table_names()
    check("plans" in tables, f"no table plans after migrating (tables: {tables})")
    return f"schema {report.after}, {len(tables)} tables"


def _install_plan(db: Any) -> str:
    from planmonitor.services.plans import PlanService, plan_source

    plan = plan_source(SMOKE_PLAN)
    PlanService(db).install(plan)
    plans = PlanService(db).list_plans()
    check(len(plans) == 1, f"expected 1 plan in the database, found {len(plans)}")
    check(
        plans[0].indicators == len(plan.indicators) > 0,
        f"{plans[0].indicators} indicators stored, the plan file has {len(plan.indicators)}",
    )
    return f"{plans[0].title}, {plans[0].indicators} indicators"


def _gui_steps(db: Any, lang: str, messages: QtMessages) -> None:
    from PySide6.QtWidgets import QApplication

    from planmonitor.app import create_application
    from planmonitor.gui.context import MonitorContext
    from planmonitor.gui.main_window import MainWindow

    app, chosen = create_application(lang)
    _step("Qt application", lambda: _application(app, chosen))
    window = MainWindow(MonitorContext(db))
    try:
        _step("main window shown", lambda: _show(window, app))
        _step("overview filled", lambda: _overview(window, chosen))
        _step("indicator detail with plot", lambda: _detail(window, app))
        _step("window drawn", lambda: _grab(window))
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    check(not messages.problems, "Qt reported: " + " | ".join(messages.problems))


def _application(app: Any, lang: str) -> str:
    from PySide6.QtGui import QFontDatabase

    from planmonitor.paths import data_dir

    fonts = sorted((data_dir("resources") / "fonts").glob("*.tt[cf]"))
    check(bool(fonts), "no bundled font in resources/fonts")
    check(QFontDatabase.addApplicationFont(str(fonts[0])) >= 0, f"cannot load {fonts[0].name}")
    check(not app.windowIcon().isNull(), "the program icon (resources/icons) is missing")
    return f"platform {app.platformName()}, language {lang}, font {app.font().family()}"


def _show(window: Any, app: Any) -> str:
    window.show()
    app.processEvents()
    check(window.isVisible(), "the main window is not visible")
    return f"“{window.windowTitle()}”"


def _overview(window: Any, lang: str) -> str:
    rows = len(window.overview.indicator_rows())
    check(rows > 0, "the overview shows no indicators")
    tab = window.tabs.tabText(0)
    if lang == "zh":
        check(tab == "总览", f"tab reads “{tab}”, not 总览: the Chinese translation is missing")
    return f"{rows} indicators under “{tab}”"


def _detail(window: Any, app: Any) -> str:
    window.tabs.setCurrentWidget(window.detail)
    app.processEvents()
    check(window.detail.plot is not None, "the trend plot was not created")
    check("pyqtgraph" in sys.modules, "pyqtgraph was not loaded")
    window.tabs.setCurrentWidget(window.overview)
    app.processEvents()
    return "pyqtgraph " + str(sys.modules["pyqtgraph"].__version__)


def _grab(window: Any) -> str:
    image = window.grab().toImage()
    check(not image.isNull(), "the window could not be drawn")
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in (40, 200, 400)}
    check(len(colours) > 2, "the drawn window is blank")
    return f"{image.width()}×{image.height()} pixels, {len(colours)} colours sampled"
