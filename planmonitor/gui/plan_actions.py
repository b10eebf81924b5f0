"""文件/编辑 menu actions for plans: 新建规划, 编辑规划, 导出规划文件."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.workers import Pool, default_pool

if TYPE_CHECKING:
    from planmonitor.gui.new_plan.wizard import NewPlanDialog
    from planmonitor.gui.plan_editor.editor import PlanEditorDialog


class PlanActions(QObject):
    """Opens the new-plan wizard and the plan editor for a window; writes plan files."""

    def __init__(self, context: MonitorContext, window: QMainWindow, pool: Pool | None = None):
        super().__init__(window)
        self.context = context
        self.window = window
        self.pool = pool or default_pool()
        self.last_dialog: NewPlanDialog | PlanEditorDialog | None = None

    @Slot()
    def new_plan(self) -> NewPlanDialog:
        """Open 新建规划 (window-modal, not blocking)."""
        from planmonitor.gui.new_plan.wizard import NewPlanDialog  # (not needed at start)

        dialog = NewPlanDialog(self.context, self.window, self.pool)
        dialog.planCreated.connect(self._on_created)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    @Slot(str)
    def _on_created(self, plan_id: str) -> None:
        self.context.open_plan(plan_id)
        show = getattr(self.window, "show_plans", None)
        if show is not None:
            show()

    @Slot()
    def edit_plan(self) -> PlanEditorDialog | None:
        """Open the plan editor on the open plan."""
        if self.context.plan is None:
            return None
        from planmonitor.gui.plan_editor.editor import PlanEditorDialog

        dialog = PlanEditorDialog(self.context, self.window)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def ask_export_plan(self) -> None:
        """Choose where to write the open plan as a plan file."""
        plan = self.context.plan
        if plan is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export plan file"),
            str(Path.home() / f"{plan.id}.toml"),
            self.tr("Plan files (*.toml)"),
        )
        if path:
            self.export_plan(Path(path))

    def export_plan(self, path: Path) -> Path:
        """Write the open plan (with its revised targets as stored) to ``path``."""
        from planmonitor.exchange.planfiles.writer import write_plan_file

        assert self.context.plan is not None
        if path.suffix.lower() != ".toml":
            path = path.with_suffix(".toml")
        try:
            write_plan_file(self.context.plans.get(self.context.plan.id), path)
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("Export plan file"), str(exc))
            return path
        self.window.statusBar().showMessage(
            self.tr("Plan file written: {path}").format(path=path), 8000
        )
        return path
