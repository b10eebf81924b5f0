"""The dialogs the main window opens from its menus and views, each modal on the window:
editing an indicator, revising a target, sub-regions and their targets, baselines, responsible
units, the plan's settings, 报送与审核, and a server's accounts and audit log."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from planmonitor.gui.context import MonitorContext


class WindowDialogs(QObject):
    """Opens the main window's dialogs (modules imported when first opened)."""

    def __init__(self, context: MonitorContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window

    @Slot(str)
    def edit_indicator(self, code: str | None) -> None:
        """Open the indicator editor."""
        if code and self.context.plan is not None:
            from planmonitor.gui.dialogs import IndicatorDialog

            IndicatorDialog(self.context, code, self.window).exec()

    @Slot(str)
    def revise_target(self, code: str | None) -> None:
        """Open the target revision dialog."""
        if code and self.context.plan is not None:
            from planmonitor.gui.dialogs import ReviseDialog

            ReviseDialog(self.context, code, self.window).exec()

    @Slot()
    def review(self) -> None:
        """Open 报送与审核 for the report period."""
        if self.context.plan is not None:
            from planmonitor.gui.review_dialog import ReviewDialog

            ReviewDialog(self.context, self.window).exec()

    @Slot()
    def users(self) -> None:
        """服务器 → 账户 (a server's administrators)."""
        from planmonitor.gui.server_dialogs import UsersDialog

        UsersDialog(self.context.db, self.window).exec()

    @Slot()
    def audit(self) -> None:
        """服务器 → 审计记录."""
        from planmonitor.gui.server_dialogs import AuditDialog

        AuditDialog(self.context.db, self.window).exec()

    @Slot()
    def add_region(self) -> None:
        """Open the sub-region dialog."""
        if self.context.plan is not None:
            from planmonitor.gui.dialogs import RegionDialog

            RegionDialog(self.context, self.window).exec()

    @Slot(str)
    def enter_baseline(self, code: str | None) -> None:
        """Enter a baseline the plan left missing."""
        if self.context.plan is not None:
            from planmonitor.gui.plan_dialogs import BaselineDialog

            BaselineDialog(self.context, code, self.window).exec()

    @Slot(str)
    def region_targets(self, code: str | None) -> None:
        """Each sub-region's share of a target."""
        if self.context.plan is not None:
            from planmonitor.gui.plan_dialogs import RegionTargetDialog

            RegionTargetDialog(self.context, code, self.window).exec()

    @Slot()
    def responsible_units(self) -> None:
        """The responsible units of every indicator."""
        if self.context.plan is not None:
            from planmonitor.gui.plan_dialogs import ResponsibleUnitsDialog

            ResponsibleUnitsDialog(self.context, self.window).exec()

    @Slot()
    def plan_settings(self) -> None:
        """The plan's light thresholds and 左右 tolerance."""
        if self.context.plan is not None:
            from planmonitor.gui.plan_dialogs import PlanSettingsDialog

            PlanSettingsDialog(self.context, self.window).exec()
