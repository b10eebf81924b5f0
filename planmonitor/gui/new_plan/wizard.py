"""新建规划: choose where the plan comes from, check the draft, save it as a plan.

From a document the draft is read off the GUI thread (the worker pattern, with progress and
cancel); from an empty plan the table starts with one row; as a successor the predecessor's
indicators come with its target-year values as baselines. Saving installs the plan in one
transaction and a problem names the indicator and field.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.draft import DraftIndicator, DraftPlan
from planmonitor.domain.indicator import PlanError
from planmonitor.exchange.planfiles.draft_writer import plan_id_for
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.new_plan.baseline_offers import BaselineOffersDialog
from planmonitor.gui.new_plan.draft_table import DraftTable
from planmonitor.gui.workers import GeneratorTask, Pool, default_pool
from planmonitor.services.errors import UserError

DOCUMENTS = "*.docx *.pdf *.txt *.md *.html *.xlsx *.xls *.ods *.csv *.doc *.wps"


class NewPlanDialog(QDialog):
    """From a document, an empty plan or a predecessor to a saved plan.

    Signals:
        planCreated(str): the new plan's id, after it was saved.
    """

    planCreated = Signal(str)

    def __init__(
        self, context: MonitorContext, parent: QWidget | None = None, pool: Pool | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.pool = pool or default_pool()
        self.task: GeneratorTask | None = None
        self.draft = DraftPlan()
        self.setWindowTitle(self.tr("New plan"))
        self.resize(1200, 700)
        self.from_document = QRadioButton(self.tr("From a plan document"))
        self.from_empty = QRadioButton(self.tr("Empty plan"))
        self.from_plan = QRadioButton(self.tr("Successor of a plan in the database"))
        self.sources = QButtonGroup(self)
        for b in (self.from_document, self.from_empty, self.from_plan):
            self.sources.addButton(b)
        self.from_document.setChecked(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("documentPath")
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.read_button = QPushButton(self.tr("Read the document"))
        self.predecessor_box = QComboBox()
        for p in context.plan_list():
            self.predecessor_box.addItem(p.title, p.id)
        self.start_button = QPushButton(self.tr("Start"))
        self.baselines_button = QPushButton(self.tr("Baselines from the earlier plan…"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_read = QPushButton(self.tr("Cancel reading"))
        self.cancel_read.setVisible(False)
        self.title_edit = QLineEdit()
        self.issuer_edit = QLineEdit()
        self.region_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("planId")
        self.base_year = QSpinBox()
        self.target_year = QSpinBox()
        for box in (self.base_year, self.target_year):
            box.setRange(1990, 2100)
        self.table = DraftTable()
        self.checked_button = QPushButton(self.tr("Mark selected rows as checked"))
        self.questions = QLabel()
        self.questions.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save plan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._layout()
        self._connect_signals()
        self._on_source()

    def _layout(self) -> None:
        choose = QHBoxLayout()
        for w in (self.from_document, self.from_empty, self.from_plan):
            choose.addWidget(w)
        choose.addStretch(1)
        doc = QHBoxLayout()
        for w2 in (self.path_edit, self.browse_button, self.read_button):
            doc.addWidget(w2)
        doc.addWidget(self.predecessor_box)
        doc.addWidget(self.start_button)
        doc.addWidget(self.progress)
        doc.addWidget(self.cancel_read)
        meta = QFormLayout()
        meta.addRow(self.tr("Title"), self.title_edit)
        meta.addRow(self.tr("Issuing body"), self.issuer_edit)
        meta.addRow(self.tr("Region"), self.region_edit)
        years = QHBoxLayout()
        years.addWidget(QLabel(self.tr("Baseline year")))
        years.addWidget(self.base_year)
        years.addWidget(QLabel(self.tr("Target year")))
        years.addWidget(self.target_year)
        years.addStretch(1)
        meta.addRow(self.tr("Years"), years)
        meta.addRow(self.tr("Plan id (letters and digits)"), self.id_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addLayout(doc)
        layout.addLayout(meta)
        layout.addWidget(
            QLabel(
                self.tr("Indicators (yellow rows have questions: edit to answer, untick to drop)")
            )
        )
        layout.addWidget(self.table, 1)
        below = QHBoxLayout()
        below.addWidget(self.checked_button)
        below.addWidget(self.baselines_button)
        below.addStretch(1)
        layout.addLayout(below)
        layout.addWidget(self.questions)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter belongs to the field or cell being edited; saving is a click on Save."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _connect_signals(self) -> None:
        self.sources.buttonToggled.connect(self._on_source)
        self.browse_button.clicked.connect(self.browse)
        self.read_button.clicked.connect(self.read_document)
        self.path_edit.returnPressed.connect(self.read_document)
        self.start_button.clicked.connect(self.start_other)
        self.cancel_read.clicked.connect(self._cancel)
        self.table.problem.connect(self.error.setText)
        self.checked_button.clicked.connect(self.mark_checked)
        self.table.currentCellChanged.connect(self._on_current_row)
        self.baselines_button.clicked.connect(self.ask_baselines)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def _on_source(self, *_args: object) -> None:
        doc = self.from_document.isChecked()
        for w in (self.path_edit, self.browse_button, self.read_button):
            w.setVisible(doc)
        self.predecessor_box.setVisible(self.from_plan.isChecked() or self.table.rowCount() > 0)
        self.predecessor_box.setEnabled(self.predecessor_box.count() > 0)
        self.start_button.setVisible(not doc)

    @Slot(int, int, int, int)
    def _on_current_row(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        """Show the whole source text and the questions of the row the user is on."""
        if not 0 <= row < len(self.table.indicators):
            return
        ind = self.table.indicators[row]
        lines = [self.tr("Source ({where}): {text}").format(where=ind.where, text=ind.source_text)]
        lines += [self.tr("Question: {q}").format(q=q) for q in ind.questions]
        self.questions.setText("\n".join(lines))

    @Slot()
    def mark_checked(self) -> None:
        """The selected rows are accepted as they stand (their questions are answered)."""
        self.table.mark_checked(sorted({i.row() for i in self.table.selectedIndexes()}))

    # -- sources ------------------------------------------------------------------------------
    @Slot()
    def browse(self) -> None:
        """Choose the plan document."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the plan document"),
            str(Path.home()),
            self.tr("Plan documents ({patterns})").format(patterns=DOCUMENTS),
        )
        if path:
            self.path_edit.setText(path)
            self.read_document()

    @Slot()
    def read_document(self) -> None:
        """Draft the plan from the document in the path field (off the GUI thread)."""
        from planmonitor.services.plan_drafts import draft_steps

        text = self.path_edit.text().strip()
        if not text:
            self.error.setText(self.tr("Choose a plan document first."))
            return
        path = Path(text)
        self.error.clear()
        self.progress.setVisible(True)
        self.cancel_read.setVisible(True)
        self.read_button.setEnabled(False)
        self.task = GeneratorTask(lambda: draft_steps(path))
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.finished.connect(self._on_drafted)
        self.task.signals.failed.connect(self._on_failed)
        self.pool.start(self.task)

    @Slot()
    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(message)

    @Slot(object)
    def _on_drafted(self, result: object) -> None:
        self._reading_done()
        draft = getattr(result, "draft", None)
        if isinstance(draft, DraftPlan):
            stem = Path(self.path_edit.text()).stem
            self.show_draft(draft, stem)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._reading_done()
        self.error.setText(message or self.tr("Reading was cancelled."))

    def _reading_done(self) -> None:
        self.progress.setVisible(False)
        self.cancel_read.setVisible(False)
        self.read_button.setEnabled(True)
        self.task = None

    @Slot()
    def start_other(self) -> None:
        """An empty plan, or the successor of the plan chosen in the list."""
        from planmonitor.services.successors import SuccessorService

        if self.from_plan.isChecked():
            plan_id = self.predecessor_box.currentData()
            if not plan_id:
                self.error.setText(self.tr("There is no plan in the database to continue."))
                return
            draft = SuccessorService(self.context.db).successor_draft(plan_id)
            self.show_draft(draft, f"{plan_id}-next")
            return
        plan = self.context.plan
        base = plan.target_year if plan else 2025
        draft = DraftPlan(baseline_year=base, target_year=base + 5)
        draft.indicators.append(DraftIndicator(name=self.tr("New indicator"), code="01"))
        self.show_draft(draft, "")

    def show_draft(self, draft: DraftPlan, stem: str) -> None:
        """Show a draft for checking."""
        self.draft = draft
        self.title_edit.setText(draft.title)
        self.issuer_edit.setText(draft.issuer)
        self.region_edit.setText(draft.region)
        self.base_year.setValue(draft.baseline_year or 2025)
        self.target_year.setValue(draft.target_year or (draft.baseline_year or 2025) + 5)
        self.id_edit.setText(plan_id_for(draft, stem) if (draft.title or stem) else "")
        self.table.show_draft(draft.indicators)
        self.questions.setText("；".join(draft.questions))
        self._on_source()

    def baseline_offers(self) -> BaselineOffersDialog | None:
        """The confirmation dialog for the chosen predecessor's values (None: no plan to use)."""
        from planmonitor.services.successors import SuccessorService

        plan_id = self.predecessor_box.currentData()
        if not plan_id or not self.table.indicators:
            self.error.setText(self.tr("Read a document and choose the earlier plan first."))
            return None
        draft = DraftPlan(indicators=self.table.indicators)
        offers = SuccessorService(self.context.db).offers(plan_id, draft).offers
        return BaselineOffersDialog(offers, self)

    @Slot()
    def ask_baselines(self) -> None:
        """Offer the earlier plan's target-year values as baselines; take the ticked ones."""
        dialog = self.baseline_offers()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.take_baselines(dialog)

    def take_baselines(self, dialog: BaselineOffersDialog) -> int:
        """Apply the ticked offers to the table's rows; returns how many were taken."""
        from planmonitor.services.successors import apply_offers

        keep = self.table.keep_states()
        draft = DraftPlan(indicators=self.table.indicators)
        n = apply_offers(draft, dialog.offers, accept_unsure=True, only=dialog.chosen())
        if any(i.predecessor for i in draft.indicators):  # the pairings are stored as links
            self.draft.predecessor = str(self.predecessor_box.currentData())
            self.draft.predecessor_title = self.predecessor_box.currentText()
        self.table.show_draft(draft.indicators, keep)
        return n

    # -- saving -------------------------------------------------------------------------------
    def edited_draft(self) -> DraftPlan:
        """The draft as the user left it: the kept rows and the fields above."""
        kept = self.table.kept()
        for n, ind in enumerate(kept, start=1):
            ind.code = (
                ind.code
                if ind.code and ind.code not in {k.code for k in kept[: n - 1]}
                else f"{n:02d}"
            )
        codes = {i.code for i in kept}
        tasks = [t for t in self.draft.tasks]
        for t in tasks:
            t.indicators = [c for c in t.indicators if c in codes]
        return DraftPlan(
            title=self.title_edit.text().strip(),
            issuer=self.issuer_edit.text().strip(),
            region=self.region_edit.text().strip(),
            baseline_year=self.base_year.value(),
            target_year=self.target_year.value(),
            indicators=kept,
            tasks=tasks,
            sub_regions=list(self.draft.sub_regions),
            source=self.draft.source,
            predecessor=self.draft.predecessor,
            predecessor_title=self.draft.predecessor_title,
        )

    @Slot()
    def save(self) -> None:
        """Put the plan into the database (one transaction) and open it."""
        from planmonitor.services.plan_drafts import install_draft

        plan_id = self.id_edit.text().strip()
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", plan_id):
            self.error.setText(self.tr("The plan id may hold only letters, digits, - and _."))
            return
        draft = self.edited_draft()
        if not draft.title or not draft.region:
            self.error.setText(self.tr("Fill in the plan's title and region."))
            return
        if not draft.indicators:
            self.error.setText(self.tr("Keep at least one indicator."))
            return
        try:
            result = install_draft(self.context.db, draft, plan_id)
        except (UserError, PlanError) as exc:
            self.error.setText(str(exc))
            return
        if not result.created:
            self.error.setText(self.tr("A plan with this id is already in the database."))
            return
        self.planCreated.emit(plan_id)
        self.accept()
