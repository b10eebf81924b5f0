"""The quarterly round in the main window: 重点任务, 报送情况 and 数据审核 tabs, and
文件 → 本季度报送完成 / 重新打开本季度."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QLabel, QMainWindow, QMenu, QWidget

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.lazy_tabs import LazyTabs
from planmonitor.services.reporting_round import RoundService

if TYPE_CHECKING:
    from planmonitor.gui.round_views import ChecksView, ReportingView
    from planmonitor.gui.task_view import TaskView


class RoundViews(QObject):
    """The round's three views and two actions, added to a main window's tabs and File menu.

    Attributes:
        tasks, reporting, checks: the views (each built when first shown or asked for);
            act_close, act_reopen: the File menu actions.
    """

    def __init__(self, window: QMainWindow, tabs: LazyTabs, context: MonitorContext) -> None:
        super().__init__(window)
        self.context = context
        self.lazy_tabs = tabs
        self.tabs = tabs.tabs
        tabs.add("tasks", self.tr("Key tasks"), self._build_tasks)
        tabs.add("reporting", self.tr("Reporting"), self._build_reporting)
        tabs.add("checks", self.tr("Data checks"), self._build_checks)
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
        self.overview_share = QLabel()  # 报送情况 in a line on 总览
        self.overview_share.setObjectName("overviewShare")
        overview = getattr(window, "overview", None)
        layout = overview.layout() if isinstance(overview, QWidget) else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(1, self.overview_share)
        for signal in (context.planChanged, context.periodChanged, context.dataChanged):
            signal.connect(self.refresh_share)

    @property
    def tasks(self) -> TaskView:
        """重点任务."""
        return cast("TaskView", self.lazy_tabs.view("tasks"))

    @property
    def reporting(self) -> ReportingView:
        """报送情况."""
        return cast("ReportingView", self.lazy_tabs.view("reporting"))

    @property
    def checks(self) -> ChecksView:
        """数据审核."""
        return cast("ChecksView", self.lazy_tabs.view("checks"))

    def _build_tasks(self) -> QWidget:
        from planmonitor.gui.task_view import TaskView

        view = TaskView(self.context)
        if self.context.plan is not None:
            view._fill_units()  # what it does on planChanged
        return view

    def _build_reporting(self) -> QWidget:
        from planmonitor.gui.round_views import ReportingView

        view = ReportingView(self.context)
        if self.context.plan is not None:
            view.refresh()
        return view

    def _build_checks(self) -> QWidget:
        from planmonitor.gui.round_views import ChecksView

        view = ChecksView(self.context)
        if self.context.plan is not None:
            view.refresh()
        return view

    @Slot()
    def refresh_share(self) -> None:
        """报送情况 in one line for 总览: items reported, and the units not complete."""
        plan = self.context.plan
        if plan is None:
            self.overview_share.clear()
            return
        rep = RoundService(self.context.db).missing(plan.id, self.context.quarter)
        share = f"{rep.share:.0%}" if rep.share is not None else "—"
        late = sum(1 for u in rep.units if u.missing)
        self.overview_share.setText(
            self.tr(
                "Reporting: {filled} of {asked} items ({share}); {late} units not complete"
            ).format(filled=rep.filled, asked=rep.asked, share=share, late=late)
        )

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
