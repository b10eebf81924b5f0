"""The quarterly round in the main window: 重点任务, 报送情况 and 数据审核 tabs, and
文件 → 本季度报送完成 / 重新打开本季度."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.round_views import ChecksView, ReportingView
from planmonitor.gui.task_view import TaskView


class RoundViews(QObject):
    """The round's three views and two actions, added to a main window's tabs and File menu.

    Attributes:
        tasks, reporting, checks: the views; act_close, act_reopen: the File menu actions.
    """

    def __init__(self, window: QMainWindow, tabs: QTabWidget, context: MonitorContext) -> None:
        super().__init__(window)
        self.tabs = tabs
        self.tasks = TaskView(context)
        self.reporting = ReportingView(context)
        self.checks = ChecksView(context)
        tabs.addTab(self.tasks, self.tr("Key tasks"))
        tabs.addTab(self.reporting, self.tr("Reporting"))
        tabs.addTab(self.checks, self.tr("Data checks"))
        self.act_close = QAction(self.tr("Reporting complete for this quarter"), window)
        self.act_reopen = QAction(self.tr("Reopen this quarter…"), window)
        menu = window.menuBar().actions()[0].menu()
        if isinstance(menu, QMenu):  # after the exchange actions, before 退出
            separators = [a for a in menu.actions() if a.isSeparator()]
            if separators:
                menu.insertActions(separators[-1], [self.act_close, self.act_reopen])
            else:
                menu.addActions([self.act_close, self.act_reopen])
        self.act_close.triggered.connect(self.close_quarter)
        self.act_reopen.triggered.connect(self.ask_reopen)

    @Slot()
    def close_quarter(self) -> None:
        """文件 → 本季度报送完成: show 数据审核 and close the quarter there."""
        self.tabs.setCurrentWidget(self.checks)
        self.checks.close_quarter()

    @Slot()
    def ask_reopen(self) -> None:
        """文件 → 重新打开本季度: show 数据审核 with the cursor in the reason field."""
        self.tabs.setCurrentWidget(self.checks)
        self.checks.reason.setFocus()
