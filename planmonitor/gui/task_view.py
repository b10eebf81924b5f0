"""重点任务 (key tasks): each task's state and progress in the report quarter, and an editor for
进展情况, state, 滞后原因, 下一步 and evidence files (stored in the database, openable here)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.tasks import TaskState
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.i18n import period_text
from planmonitor.services.errors import UserError
from planmonitor.services.tasks import ProgressEntry, TaskLine, TaskService

STATE_LABELS = {
    TaskState.NOT_STARTED: QT_TRANSLATE_NOOP("TaskView", "Not started"),
    TaskState.IN_PROGRESS: QT_TRANSLATE_NOOP("TaskView", "In progress"),
    TaskState.DONE: QT_TRANSLATE_NOOP("TaskView", "Done"),
    TaskState.LAGGING: QT_TRANSLATE_NOOP("TaskView", "Lagging"),
}
ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class TaskView(QWidget):
    """The plan's key tasks with their progress in the report quarter, one editable at a time.

    Signals:
        saved(): progress was recorded.
    """

    saved = Signal()

    COLUMNS = (
        QT_TRANSLATE_NOOP("TaskView", "Code"),
        QT_TRANSLATE_NOOP("TaskView", "Key task"),
        QT_TRANSLATE_NOOP("TaskView", "Responsible units"),
        QT_TRANSLATE_NOOP("TaskView", "State"),
        QT_TRANSLATE_NOOP("TaskView", "Progress"),
        QT_TRANSLATE_NOOP("TaskView", "Next step"),
    )

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lines: list[TaskLine] = []
        self.pending: list[Path] = []
        self.opener = QDesktopServices.openUrl  # how a stored evidence file is opened
        self.title = QLabel()
        self.title.setObjectName("viewTitle")
        self.unit_box = QComboBox()
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(str(c)) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col in (0, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((2, 220), (4, 240), (5, 180)):
            self.table.setColumnWidth(col, width)
        self.state_box = QComboBox()
        for state in TaskState:
            label = self.tr(str(STATE_LABELS[state]))
            self.state_box.addItem(f"{state.symbol} {label}", state.value)
        self.text = QPlainTextEdit()
        self.text.setObjectName("taskText")
        self.text.setFixedHeight(70)
        self.reason = QLineEdit()
        self.next_step = QLineEdit()
        self.attachments = QListWidget()
        self.attachments.setFixedHeight(56)
        self.history = QListWidget()  # every record of the task, superseded ones too
        self.history.setFixedHeight(56)
        self.attach_button = QPushButton(self.tr("Attach evidence…"))
        self.save_button = QPushButton(self.tr("Save progress"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("State"), self.state_box)
        form.addRow(self.tr("Progress"), self.text)
        form.addRow(self.tr("Reason for lagging"), self.reason)
        form.addRow(self.tr("Next step"), self.next_step)
        form.addRow(self.tr("Evidence"), self.attachments)
        form.addRow(self.tr("History"), self.history)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Unit")))
        top.addWidget(self.unit_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.table.itemSelectionChanged.connect(self._on_select)
        self.unit_box.currentIndexChanged.connect(self.refresh)
        self.save_button.clicked.connect(self.save)
        self.attach_button.clicked.connect(self.ask_attachment)
        self.attachments.itemDoubleClicked.connect(self.open_attachment)
        self.context.planChanged.connect(self._fill_units)
        self.context.periodChanged.connect(self.refresh)
        self.context.dataChanged.connect(self.refresh)

    @Slot()
    def _fill_units(self) -> None:
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem(self.tr("All units"), None)
        plan = self.context.plan
        if plan is not None:
            for unit in dict.fromkeys(u for t in plan.tasks for u in t.units):
                self.unit_box.addItem(unit, unit)
        self.unit_box.blockSignals(False)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Re-read the tasks and their progress for the report quarter."""
        plan = self.context.plan
        selected = self.current_key()
        self.lines = []
        if plan is not None:
            unit = self.unit_box.currentData()
            self.lines = TaskService(self.context.db).tasks(plan.id, self.context.quarter, unit)
        quarter = period_text(self.context.quarter)
        self.title.setText(self.tr("Key tasks, {quarter}").format(quarter=quarter))
        self.table.setRowCount(len(self.lines))
        for r, line in enumerate(self.lines):
            p = line.progress
            state = (
                f"{p.state.symbol} {self.tr(str(STATE_LABELS[p.state]))}"
                if p
                else self.tr("Not reported")
            )
            cells = (
                line.task.key,
                line.task.title,
                "、".join(line.task.units),
                state,
                p.text if p else "",
                p.next_step if p else "",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        keys = [line.task.key for line in self.lines]
        if selected in keys:
            self.table.selectRow(keys.index(selected))

    def current_key(self) -> str | None:
        """The code of the selected task."""
        row = self.table.currentRow()
        return self.lines[row].task.key if 0 <= row < len(self.lines) else None

    def select_task(self, key: str) -> None:
        """Select the task with code ``key``."""
        keys = [line.task.key for line in self.lines]
        self.table.selectRow(keys.index(key))

    @Slot()
    def _on_select(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.lines):
            return
        p = self.lines[row].progress
        state = p.state if p else TaskState.IN_PROGRESS
        self.state_box.setCurrentIndex(list(TaskState).index(state))
        self.text.setPlainText(p.text if p else "")
        self.reason.setText(p.reason if p else "")
        self.next_step.setText(p.next_step if p else "")
        self.pending = []
        self.attachments.clear()
        for a in p.attachments if p else ():
            item = QListWidgetItem(f"{a.name}（{a.size:,} B）")
            item.setData(ATTACHMENT_ROLE, a.id)
            self.attachments.addItem(item)
        self.history.clear()
        plan = self.context.plan
        if plan is not None:
            for h in reversed(
                TaskService(self.context.db).history(plan.id, self.lines[row].task.key)
            ):
                when = h.recorded_at.strftime("%Y-%m-%d %H:%M") if h.recorded_at else ""
                mark = "" if h.is_current else self.tr(" (superseded)")
                self.history.addItem(
                    f"{period_text(h.quarter)} {h.state.symbol} {h.state.value}：{h.text}"
                    f" — {h.recorded_by} {when}{mark}"
                )
        self.message.clear()

    @Slot()
    def ask_attachment(self) -> None:
        """Choose an evidence file; it is stored with the next save."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach evidence"))
        if path:
            self.add_attachment(Path(path))

    def add_attachment(self, path: Path) -> None:
        """Keep ``path`` to store with the next save."""
        self.pending.append(path)
        self.attachments.addItem(
            QListWidgetItem(self.tr("{name} (not saved yet)").format(name=path.name))
        )

    @Slot()
    def save(self) -> None:
        """Record the edited progress of the selected task (one transaction)."""
        plan, key = self.context.plan, self.current_key()
        if plan is None or key is None:
            self.show_error(self.tr("Choose a task first."))
            return
        entry = ProgressEntry(
            key,
            self.context.quarter,
            TaskState(self.state_box.currentData()),
            self.text.toPlainText(),
            self.next_step.text(),
            self.reason.text(),
            "manual",
        )
        try:
            TaskService(self.context.db).record(plan.id, entry, self.pending)
        except UserError as exc:
            self.show_error(str(exc))
            return
        self.pending = []
        self.context.saved()
        self.select_task(key)
        self._on_select()
        self.message.setText(self.tr("Saved."))
        self.message.setProperty("error", False)
        self.saved.emit()

    def show_error(self, text: str) -> None:
        """Show why something was refused."""
        self.message.setText(text)
        self.message.setProperty("error", True)

    @Slot(QListWidgetItem)
    def open_attachment(self, item: QListWidgetItem) -> None:
        """Write a stored evidence file to a temporary folder and open it."""
        att_id, plan = item.data(ATTACHMENT_ROLE), self.context.plan
        if att_id is None or plan is None:
            return
        name, content = TaskService(self.context.db).attachment(plan.id, int(att_id))
        folder = Path(tempfile.mkdtemp(prefix="planmonitor-"))
        path = folder / Path(name).name
        path.write_bytes(content)
        self.opener(QUrl.fromLocalFile(str(path)))
