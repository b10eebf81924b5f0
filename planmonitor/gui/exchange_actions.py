"""文件 menu actions for the spreadsheet round trip: fill-in workbooks, import, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.file_dialogs import open_file, save_file
from planmonitor.gui.i18n import period_text
from planmonitor.gui.workers import GeneratorTask, Pool, default_pool
from planmonitor.services.errors import UserError

if TYPE_CHECKING:
    from planmonitor.gui.import_dialog import ImportDialog

SPREADSHEETS = "*.xlsx *.xlsm *.xls *.ods *.csv"


class TemplateDialog(QDialog):
    """Which responsible unit's fill-in workbook to write (生成填报表)."""

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        from planmonitor.gui.dialogs import fit_to_content
        from planmonitor.services.templates import units_of

        super().__init__(parent)
        plan = context.plan
        assert plan is not None
        period = period_text(context.quarter)
        self.setWindowTitle(self.tr("Fill-in workbook for {period}").format(period=period))
        self.unit = QComboBox()
        self.unit.addItem(self.tr("All indicators"), "")
        for name in units_of(plan):
            self.unit.addItem(name, name)
        about = QLabel(
            self.tr(
                "A workbook for {period} that a responsible unit fills in and sends back. "
                "Units are set per indicator (编辑 → 责任单位)."
            ).format(period=period)
        )
        about.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(about)
        form.addRow(self.tr("Responsible unit"), self.unit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        fit_to_content(self, 460)


class ExchangeActions(QObject):
    """Runs the round-trip actions for a window; the pool is injectable for tests."""

    def __init__(self, context: MonitorContext, window: QMainWindow, pool: Pool | None = None):
        super().__init__(window)
        self.context = context
        self.window = window
        self.pool = pool or default_pool()
        self.last_dialog: ImportDialog | None = None
        self.last_template_dialog: TemplateDialog | None = None

    @Slot()
    def ask_import(self) -> None:
        """Choose a spreadsheet and open the import preview."""
        path = open_file(
            self.window,
            self.tr("Import a spreadsheet"),
            self.tr("Spreadsheets ({patterns})").format(patterns=SPREADSHEETS),
            "import",
        )
        if path:
            self.import_file(path).exec()

    def import_file(self, path: str) -> ImportDialog:
        """The preview dialog for ``path``, already reading it."""
        from planmonitor.gui.import_dialog import ImportDialog  # (not needed at start)

        dialog = ImportDialog(self.context, path, self.window, self.pool)
        self.last_dialog = dialog
        dialog.start()
        return dialog

    @Slot()
    def ask_template(self) -> None:
        """Choose the responsible unit and where to save its fill-in workbook."""
        plan = self.context.plan
        if plan is None:
            return
        dialog = TemplateDialog(self.context, self.window)
        self.last_template_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        unit = dialog.unit
        name = f"{plan.title}-{self.context.quarter.key}-{unit.currentData() or '全部'}.xlsx"
        path = save_file(
            self.window, self.tr("Save the fill-in workbook"), name, "Excel (*.xlsx)", "template"
        )
        if path:
            self.write_template(Path(path), unit.currentData() or None)

    def write_template(self, out: Path, unit: str | None) -> bool:
        """Write the fill-in workbook; a clear message on error."""
        from planmonitor.services.templates import TemplateService

        plan = self.context.plan
        assert plan is not None
        try:
            TemplateService(self.context.db).write(
                plan.id, self.context.quarter, out, unit, self.context.region
            )
        except (UserError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Fill-in workbook"), str(exc))
            return False
        self.window.statusBar().showMessage(self.tr("Written: {path}").format(path=out), 8000)
        return True

    @Slot()
    def ask_export(self) -> None:
        """Export every current value of the plan as a tidy workbook."""
        plan = self.context.plan
        if plan is None:
            return
        path = save_file(
            self.window,
            self.tr("Export all values"),
            f"{plan.title}-数据.xlsx",
            "Excel (*.xlsx)",
            "export",
        )
        if path:
            self.export(Path(path))

    def export(self, out: Path) -> GeneratorTask:
        """Write the export on a worker; the status bar says when it is done."""
        from planmonitor.services.exporting import ExportService

        plan = self.context.plan
        assert plan is not None
        service, plan_id = ExportService(self.context.db), plan.id
        task = GeneratorTask(lambda: service.export_steps(plan_id, out))
        task.signals.finished.connect(
            lambda _r: self.window.statusBar().showMessage(
                self.tr("Written: {path}").format(path=out), 8000
            )
        )
        task.signals.failed.connect(
            lambda msg: QMessageBox.warning(self.window, self.tr("Export all values"), msg)
        )
        self.pool.start(task)
        return task
