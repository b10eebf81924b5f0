"""文件 → 导入填报数据: preview what a colleague's spreadsheet would change, then all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.formatting import fmt_num
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.i18n import period_text
from planmonitor.gui.workers import GeneratorTask, Pool, default_pool
from planmonitor.services.import_preview import ImportPreview, ItemKind, PreviewRow

_SHOWN_CELLS = 3  # cells named in the period note, the rest counted

_KIND_COLOURS = {
    ItemKind.NEW: "#e8f5e9",
    ItemKind.CHANGED: "#e3f2fd",
    ItemKind.CONFLICT: "#fff3e0",
    ItemKind.UNSURE: "#fff8e1",
    ItemKind.UNKNOWN: "#f5f5f5",
    ItemKind.ERROR: "#ffebee",
}


class ImportDialog(QDialog):
    """Reads the file on a worker, shows every cell's fate, asks about unsure names, commits.

    Attributes:
        preview: the current preview (None while reading); outcome: the commit's result.
    """

    def __init__(
        self,
        context: MonitorContext,
        path: str,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self.pool = pool or default_pool()
        self.preview: ImportPreview | None = None
        self.outcome: object = None
        self.answers: dict[tuple[str, str], str] = {}
        self.result_text = ""
        self.task: GeneratorTask | None = None
        self.setWindowTitle(self.tr("Import: {file}").format(file=Path(path).name))
        self.resize(1100, 680)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.bar = QProgressBar()
        self.table = QTableWidget(0, 10)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Import"),
                self.tr("What"),
                self.tr("Cell"),
                self.tr("Name in the file"),
                self.tr("Indicator"),
                self.tr("Region"),
                self.tr("Period"),
                self.tr("New value"),
                self.tr("Current value"),
                self.tr("Note"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.questions = QGroupBox(self.tr("Please confirm these names"))
        self.question_form = QFormLayout(self.questions)
        self.recheck = QPushButton(self.tr("Apply my answers"))
        self.question_form.addRow(self.recheck)
        self.accept_button = QPushButton(self.tr("Import the ticked values"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.message = QLabel()
        self.message.setObjectName("dialogError")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addWidget(self.questions)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.questions.hide()
        self.accept_button.setEnabled(False)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.accept_button.clicked.connect(self.commit)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.recheck.clicked.connect(self._on_recheck)
        self.table.itemChanged.connect(self._on_tick)

    # -- preview ------------------------------------------------------------------------------
    def start(self) -> None:
        """Read the file (again, with the answers given so far)."""
        from planmonitor.services.importing import ImportService

        plan = self.context.plan
        assert plan is not None
        service = ImportService(self.context.db)
        answers, path, quarter = dict(self.answers), self.path, self.context.quarter
        self._run(lambda: service.preview_steps(path, plan.id, answers, quarter), self._previewed)

    def _run(self, make, done) -> None:  # type: ignore[no-untyped-def]
        self.accept_button.setEnabled(False)
        self.bar.show()
        self.task = GeneratorTask(make)
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.finished.connect(done)
        self.task.signals.failed.connect(self._on_failed)
        self.pool.start(self.task)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(message)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.bar.hide()
        self.message.setText(message or self.tr("Cancelled; nothing was imported."))

    @Slot(object)
    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.bar.hide()
        c = preview.counts()
        self.summary.setText(
            self.tr(
                "{file}: {new} new, {changed} changed, {conflict} in conflict, {unchanged} "
                "unchanged, {unsure} to confirm, {unknown} unknown, {error} errors. Nothing is "
                "written until you accept; then all ticked values are written, or none."
            ).format(file=preview.file, **c)
            + self._period_note(preview)
            + "".join(f"\n• {m.message}" for m in preview.messages)
        )
        self._fill_questions(preview)
        self._fill_rows(preview.rows)
        self.accept_button.setEnabled(bool(preview.to_write()))

    def _period_note(self, preview: ImportPreview) -> str:
        """Which period was used, and for which cells, where the file names none."""
        rows = preview.assumed_period()
        if not rows:
            return ""
        shown = "、".join(r.where for r in rows[:_SHOWN_CELLS])
        places = shown if len(rows) <= _SHOWN_CELLS else shown + self.tr(" etc.")
        assert rows[0].period is not None
        return "\n• " + self.tr(
            "{count} values name no period ({places}): imported as {period}."
        ).format(count=len(rows), places=places, period=period_text(rows[0].period))

    def _fill_questions(self, preview: ImportPreview) -> None:
        while self.question_form.rowCount() > 1:
            self.question_form.removeRow(0)
        self.boxes: dict[tuple[str, str], QComboBox] = {}
        plan = self.context.plan
        for q in preview.questions:
            box = QComboBox()
            box.setEditable(True)  # type to search every indicator (or region) of the plan
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = box.completer()
            if completer is not None:
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
            if q.kind == "region":
                box.addItem(self.tr("— not a region of this plan —"), "")
            else:
                box.addItem(self.tr("— not an indicator of this plan —"), "")
            guessed = set()
            for cand in q.candidates:
                box.addItem(f"{cand.code} {cand.name}（{cand.confidence:.0%}）", cand.code)
                guessed.add(cand.code)
            if plan is not None and q.kind == "region":
                others = [(r.code, r.name) for r in plan.regions]
            elif plan is not None:
                others = [(i.code, f"{i.code} {i.name}") for i in plan.indicators]
            else:
                others = []
            for code, text in others:
                if code not in guessed:
                    box.addItem(text, code)
            chosen = self.answers.get((q.kind, q.key))
            if chosen is not None:
                box.setCurrentIndex(max(box.findData(chosen), 0))
            elif q.candidates:
                box.setCurrentIndex(1)
            self.boxes[(q.kind, q.key)] = box
            self.question_form.insertRow(self.question_form.rowCount() - 1, q.label, box)
        self.questions.setVisible(bool(preview.questions))

    def _fill_rows(self, rows: list[PreviewRow]) -> None:
        plan = self.context.plan
        decimals = {i.code: i.decimals for i in plan.indicators} if plan else {}
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            tick = QTableWidgetItem()
            writable = row.kind in (ItemKind.NEW, ItemKind.CHANGED, ItemKind.CONFLICT)
            if writable:
                tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                state = Qt.CheckState.Checked if row.selected else Qt.CheckState.Unchecked
                tick.setCheckState(state)
            tick.setData(Qt.ItemDataRole.UserRole, row.id)
            d = decimals.get(row.code or "", 2)
            cells = [
                tick,
                QTableWidgetItem(row.kind.label_zh if self._zh() else row.kind.value),
                QTableWidgetItem(row.where),
                QTableWidgetItem(row.label),
                QTableWidgetItem(f"{row.code} {row.name}" if row.code else "—"),
                QTableWidgetItem(row.region_name or "—"),
                self._period_item(row),
                QTableWidgetItem(fmt_num(row.value, d) if row.value is not None else row.text),
                QTableWidgetItem(fmt_num(row.old_value, d) if row.old_value is not None else ""),
                QTableWidgetItem(row.message),
            ]
            colour = _KIND_COLOURS.get(row.kind)
            for c, item in enumerate(cells):
                if colour:
                    item.setBackground(QBrush(QColor(colour)))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)

    def _period_item(self, row: PreviewRow) -> QTableWidgetItem:
        if row.period is None:
            return QTableWidgetItem("—")
        period = period_text(row.period)
        if not row.period_assumed:
            return QTableWidgetItem(period)
        item = QTableWidgetItem(self.tr("{period} (not in the file)").format(period=period))
        item.setToolTip(
            self.tr("The file names no period for this value; it is imported as {period}.").format(
                period=period
            )
        )
        font = item.font()
        font.setItalic(True)
        item.setFont(font)
        return item

    def _zh(self) -> bool:
        return self.tr("Import") != "Import"

    @Slot(QTableWidgetItem)
    def _on_tick(self, item: QTableWidgetItem) -> None:
        if self.preview is None or item.column() != 0:
            return
        row = self.preview.rows[item.data(Qt.ItemDataRole.UserRole)]
        row.selected = item.checkState() == Qt.CheckState.Checked
        self.accept_button.setEnabled(bool(self.preview.to_write()))

    @Slot()
    def _on_recheck(self) -> None:
        for key, box in self.boxes.items():
            self.answers[key] = box.currentData()
        self.start()

    # -- commit -------------------------------------------------------------------------------
    @Slot()
    def commit(self) -> None:
        """Write the ticked values in one transaction (or none)."""
        from planmonitor.services.importing import ImportService

        preview = self.preview
        if preview is None:
            return
        service = ImportService(self.context.db)
        self._run(lambda: service.commit_steps(preview), self._committed)

    @Slot(object)
    def _committed(self, result: object) -> None:
        self.outcome = result
        self.bar.hide()
        self.context.saved()
        written = getattr(result, "written", None)
        if written is not None:
            self.result_text = self.tr(
                "Imported {written} values from {file}: {new} new, {changed} changed."
            ).format(
                written=written,
                file=Path(self.path).name,
                new=getattr(result, "new", 0),
                changed=getattr(result, "changed", 0),
            )
            parent = self.parentWidget()
            bar = getattr(parent, "statusBar", None)
            if callable(bar):
                bar().showMessage(self.result_text, 15000)
        self.accept()

    @Slot()
    def _on_cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.reject()
