"""文件 → 导出季度报告: the Excel table, PDF and Word report at once, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.file_dialogs import save_file
from planmonitor.gui.i18n import period_text
from planmonitor.gui.workers import GeneratorTask, Pool, default_pool


class ReportExporter(QObject):
    """Asks where to save, runs the export as a :class:`GeneratorTask`, shows progress.

    The pool is injectable: tests pass a synchronous one.
    """

    def __init__(self, context: MonitorContext, parent: QWidget, pool: Pool | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.window = parent
        self.pool = pool or default_pool()
        self.task: GeneratorTask | None = None
        self.progress: QProgressDialog | None = None
        self.result: object = None
        self.error: str | None = None

    def ask_and_export(self) -> None:
        """Ask for the base file name, then export the three formats."""
        from planmonitor.services.report_export import suggested_stem

        plan = self.context.plan
        if plan is None:
            return
        stem = suggested_stem(plan.title, self.context.quarter)
        path = save_file(
            self.window,
            self.tr("Export the quarterly report"),
            stem,
            self.tr("Report (*.xlsx *.pdf *.docx)"),
            "report",
        )
        if path:
            self.export(Path(path).with_suffix(""))

    def export(self, base: Path) -> None:
        """Write ``base``.xlsx, .pdf and .docx for the current plan, period and region."""
        from planmonitor.exchange.reports.qt_paint import report_font_family
        from planmonitor.services.report_export import export_report, report_targets

        plan = self.context.plan
        assert plan is not None
        report_font_family()  # load the report font on the GUI thread
        db, quarter, region = self.context.db, self.context.quarter, self.context.region
        targets = report_targets(base)
        self.result, self.error = None, None
        self.task = GeneratorTask(lambda: export_report(db, plan.id, quarter, region, targets))
        self.progress = QProgressDialog(
            self.tr("Writing the report for {period}…").format(period=period_text(quarter)),
            self.tr("Cancel"),
            0,
            0,
            self.window,
        )
        self.progress.setWindowTitle(self.tr("Export the quarterly report"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self.task.cancel)
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.finished.connect(self._on_finished)
        self.task.signals.failed.connect(self._on_failed)
        self.pool.start(self.task)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        dialog = self.progress  # setValue may process the "finished" signal, which clears it
        if dialog is not None:
            dialog.setLabelText(message)
            dialog.setMaximum(total)
            dialog.setValue(done)

    @Slot(object)
    def _on_finished(self, files: object) -> None:
        self.result = files
        self._close()
        paths = getattr(files, "paths", {})
        listing = "\n".join(str(p) for p in paths.values())
        self.window.statusBar().showMessage(self.tr("Report written"), 8000)  # type: ignore[attr-defined]
        QMessageBox.information(
            self.window,
            self.tr("Export the quarterly report"),
            self.tr("The report was written:\n{files}").format(files=listing),
        )

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.error = message or self.tr("Cancelled; no file was written.")
        self._close()
        if message:
            QMessageBox.warning(self.window, self.tr("Export the quarterly report"), message)
        else:
            self.window.statusBar().showMessage(self.error, 8000)  # type: ignore[attr-defined]

    def _close(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
