"""The main window's menus, built in one place.

Each menu is made of named sections (``window.sections["file.database"]`` is the separator
that ends a section), so another feature adds its items with :func:`add_to_section` without
touching the rest — e.g. "connect to a server" goes into ``file.database``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

# The window is the main window (gui/main_window.py imports this module, so it is not named
# here: no import cycle); the functions set its ``act_…`` attributes.
MainWindow = Any
Shortcut = str | QKeySequence.StandardKey | None


def action(window: MainWindow, menu: QMenu, text: str, shortcut: Shortcut = None) -> QAction:
    """A new action at the end of ``menu``."""
    act = QAction(text, window)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    menu.addAction(act)
    return act


def add_to_section(window: MainWindow, section: str, act: QAction) -> None:
    """Put ``act`` at the end of a named section (before the separator that closes it)."""
    end = window.sections[section]
    menu = end.parent()
    assert isinstance(menu, QMenu)
    menu.insertAction(end, act)


def _end_section(window: MainWindow, menu: QMenu, name: str) -> None:
    window.sections[name] = menu.addSeparator()


def build_menus(window: MainWindow) -> None:
    """Create every menu and action of ``window`` (as attributes ``act_…``)."""
    w = window
    w.sections = {}
    bar = w.menuBar()
    translate = QCoreApplication.translate

    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    w.act_add_plan = action(
        w, file_menu, translate("MainWindow", "Add a plan…"), QKeySequence.StandardKey.New
    )
    _end_section(w, file_menu, "file.plan")
    w.act_open_db = action(
        w, file_menu, translate("MainWindow", "Open another database…"), "Ctrl+O"
    )
    w.recent_menu = file_menu.addMenu(translate("MainWindow", "Recent databases"))
    w.act_backup = action(w, file_menu, translate("MainWindow", "Back up the database…"))
    w.act_restore = action(w, file_menu, translate("MainWindow", "Restore from a backup…"))
    _end_section(w, file_menu, "file.database")
    w.act_import = action(w, file_menu, translate("MainWindow", "Import a spreadsheet…"), "Ctrl+I")
    w.act_template = action(w, file_menu, translate("MainWindow", "Fill-in workbook for units…"))
    w.act_export = action(w, file_menu, translate("MainWindow", "Export all values…"))
    w.act_report = action(
        w, file_menu, translate("MainWindow", "Export the quarterly report…"), "Ctrl+Shift+E"
    )
    _end_section(w, file_menu, "file.exchange")
    w.act_quit = action(
        w, file_menu, translate("MainWindow", "Quit"), QKeySequence.StandardKey.Quit
    )

    edit = bar.addMenu(translate("MainWindow", "&Edit"))
    w.act_undo = w.undo_group.createUndoAction(w, translate("MainWindow", "Undo"))
    w.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
    w.act_redo = w.undo_group.createRedoAction(w, translate("MainWindow", "Redo"))
    w.act_redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
    edit.addAction(w.act_undo)
    edit.addAction(w.act_redo)
    _end_section(w, edit, "edit.undo")
    w.act_edit_indicator = action(w, edit, translate("MainWindow", "Edit indicator…"), "Ctrl+E")
    w.act_revise = action(w, edit, translate("MainWindow", "Revise target…"), "Ctrl+R")
    w.act_baseline = action(w, edit, translate("MainWindow", "Enter a missing baseline…"))
    w.act_region_targets = action(w, edit, translate("MainWindow", "Sub-region targets…"))
    w.act_units = action(w, edit, translate("MainWindow", "Responsible units…"))
    _end_section(w, edit, "edit.indicator")
    w.act_region = action(w, edit, translate("MainWindow", "Add sub-region…"))
    w.act_plan_settings = action(
        w, edit, translate("MainWindow", "Plan settings (thresholds, 左右 tolerance)…")
    )
    _end_section(w, edit, "edit.plan")
    w.act_review = action(w, edit, translate("MainWindow", "Submission and review…"))
    _end_section(w, edit, "edit.review")

    view = bar.addMenu(translate("MainWindow", "&View"))
    w.act_views = [
        action(w, view, translate("MainWindow", "Overview"), "Ctrl+1"),
        action(w, view, translate("MainWindow", "Quarterly entry"), "Ctrl+2"),
        action(w, view, translate("MainWindow", "Indicator detail"), "Ctrl+3"),
    ]
    view.addSeparator()
    w.act_prev = action(w, view, translate("MainWindow", "Previous quarter"), "Ctrl+PgUp")
    w.act_next = action(w, view, translate("MainWindow", "Next quarter"), "Ctrl+PgDown")
    view.addSeparator()
    language = view.addMenu(translate("MainWindow", "Language"))
    group = QActionGroup(w)
    group.setExclusive(True)
    w.act_zh = action(w, language, "简体中文")
    w.act_en = action(w, language, "English")
    for act in (w.act_zh, w.act_en):
        act.setCheckable(True)
        group.addAction(act)

    w.server_menu = bar.addMenu(translate("MainWindow", "&Server"))
    w.act_users = action(w, w.server_menu, translate("MainWindow", "User management…"))
    w.act_audit = action(w, w.server_menu, translate("MainWindow", "Audit log…"))

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    w.act_manual = action(
        w, help_menu, translate("MainWindow", "User manual"), QKeySequence.StandardKey.HelpContents
    )
    w.act_about = action(w, help_menu, translate("MainWindow", "About PlanMonitor"))

    # what needs an open plan (disabled on the welcome page)
    w.plan_actions = [
        w.act_import,
        w.act_template,
        w.act_export,
        w.act_report,
        w.act_edit_indicator,
        w.act_revise,
        w.act_baseline,
        w.act_region_targets,
        w.act_units,
        w.act_region,
        w.act_plan_settings,
        w.act_prev,
        w.act_next,
        *w.act_views,
    ]
