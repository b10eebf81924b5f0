"""编辑规划: the plan's indicators as an editable table; add, delete, reorder, undo; one save.

Deleting an indicator that has recorded values asks first; the save then keeps its values in
the history (the service retires the indicator instead of removing it).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.indicator import Indicator, PlanError, Target, TargetForm
from planmonitor.domain.plan import Task
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.plan_editor.columns import COLUMNS, PREDECESSOR, tr
from planmonitor.gui.plan_editor.commands import (
    AddRow,
    DeleteRow,
    EditState,
    MoveRow,
    SetRow,
    SetTasks,
)
from planmonitor.gui.plan_editor.delegate import VALUE_ROLE, ChoiceDelegate
from planmonitor.gui.plan_editor.predecessor import PredecessorBox, SetPredecessor
from planmonitor.gui.plan_editor.tasks_table import TasksTable
from planmonitor.services.errors import UserError
from planmonitor.services.plan_editing import PlanEditService


class PlanEditorDialog(QDialog):
    """Every field of every indicator of one plan, edited in place and saved at once.

    Signals:
        saved(str): the plan id, after a successful save.
    """

    saved = Signal(str)

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.plan is not None
        self.context = context
        self.plan = context.plan
        self.service = PlanEditService(context.db)
        self.state = EditState(
            list(self.plan.indicators),
            tasks=list(self.plan.tasks),
            predecessor=self.plan.predecessor,
        )
        self.predecessor_box = PredecessorBox(context, self.plan)
        self.choices = [c.choices for c in COLUMNS]
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("Edit plan — {title}").format(title=self.plan.title))
        self.resize(1200, 600)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("planEditorTable")
        self.table.setHorizontalHeaderLabels([tr(c.header) for c in COLUMNS])
        self.choices[PREDECESSOR] = self.predecessor_box.choices(self.state.predecessor)
        self.table.setItemDelegate(ChoiceDelegate(self.table, self.choices))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.add_button = QPushButton(self.tr("Add indicator"))
        self.delete_button = QPushButton(self.tr("Delete indicator"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.redo_button = QPushButton(self.tr("Redo"))
        self.tasks_table = TasksTable()
        self.add_task_button = QPushButton(self.tr("Add key task"))
        self.delete_task_button = QPushButton(self.tr("Delete key task"))
        self.tabs = QTabWidget()
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        row = QHBoxLayout()
        for b in (
            self.add_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.undo_button,
            self.redo_button,
        ):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Continues the earlier plan")))
        row.addWidget(self.predecessor_box)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        tasks_page = QWidget()
        tasks_layout = QVBoxLayout(tasks_page)
        task_buttons = QHBoxLayout()
        task_buttons.addWidget(self.add_task_button)
        task_buttons.addWidget(self.delete_task_button)
        task_buttons.addStretch(1)
        tasks_layout.addLayout(task_buttons)
        tasks_layout.addWidget(self.tasks_table, 1)
        self.tabs.addTab(self.table, self.tr("Indicators"))
        self.tabs.addTab(tasks_page, self.tr("Key tasks"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        self.redo_shortcut = QShortcut(QKeySequence("Ctrl+Y"), self)
        self._connect_signals()
        self.refresh()
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 320))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter belongs to the field or cell being edited; saving is a click on Save."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z / Ctrl+Y pressed in the table (when no shortcut took them first)."""
        tables = (self.table, self.tasks_table)
        if watched in tables and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Y
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                self.redo()
                return True
        return super().eventFilter(watched, event)

    def _connect_signals(self) -> None:
        self.table.installEventFilter(self)
        self.tasks_table.installEventFilter(self)
        self.tasks_table.edited.connect(self._on_tasks_edited)
        self.add_task_button.clicked.connect(self.add_task)
        self.delete_task_button.clicked.connect(self.delete_task)
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button.clicked.connect(self.add_indicator)
        self.delete_button.clicked.connect(self.delete_indicator)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.undo_shortcut.activated.connect(self.undo)
        self.redo_shortcut.activated.connect(self.redo)
        self.undo_stack.indexChanged.connect(self._on_undo_index)
        self.predecessor_box.activated.connect(self._on_predecessor)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    @Slot(int)
    def _on_undo_index(self, _index: int) -> None:
        self.refresh()

    @Slot(int)
    def _on_predecessor(self, _index: int) -> None:
        ref = self.predecessor_box.ref()
        if ref == self.state.predecessor:
            return
        codes = self.predecessor_box.codes(ref)
        label = self.tr("Change the earlier plan")
        self.undo_stack.push(SetPredecessor(self.state, ref, codes, label))

    # -- showing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the edit state (after every command, undo and redo)."""
        current = (self.table.currentRow(), self.table.currentColumn())
        self.predecessor_box.show_ref(self.state.predecessor)
        self.choices[PREDECESSOR] = self.predecessor_box.choices(self.state.predecessor)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.state.rows))
        for r, ind in enumerate(self.state.rows):
            for c, col in enumerate(COLUMNS):
                value = col.get(ind)
                choices = self.choices[c]
                shown = tr(choices[value]) if choices and value in choices else value
                item = QTableWidgetItem(shown)
                item.setData(VALUE_ROLE, value)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.tasks_table.show_tasks(self.state.tasks)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())
        if 0 <= current[0] < self.table.rowCount():
            self.table.setCurrentCell(*current)

    def row_of(self, code: str) -> int:
        """The table row showing indicator ``code`` (-1 if none)."""
        return next((i for i, ind in enumerate(self.state.rows) if ind.code == code), -1)

    # -- editing ------------------------------------------------------------------------------
    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        r, c = item.row(), item.column()
        col = COLUMNS[c]
        ind = self.state.rows[r]
        choices = self.choices[c]
        text = str(item.data(VALUE_ROLE)) if choices else item.text()
        if not choices:
            item.setData(VALUE_ROLE, text)
        try:
            new = col.set(ind, text)
        except (PlanError, ValueError) as exc:
            self.error.setText(str(exc))
            self.refresh()
            return
        self.error.clear()
        if new != ind:
            label = self.tr("Change {field} of {code}").format(field=tr(col.header), code=ind.code)
            self.undo_stack.push(SetRow(self.state, r, new, label))

    @Slot()
    def add_indicator(self) -> None:
        """Append a new indicator with the next free code; the user fills in its fields."""
        used = {i.code for i in self.state.rows} | set(self.state.deleted)
        n = len(self.state.rows) + 1
        while f"{n:02d}" in used:
            n += 1
        p = self.plan
        ind = Indicator(
            code=f"{n:02d}",
            name=self.tr("New indicator"),
            unit="",
            target=Target(TargetForm.LEVEL),
            baseline_year=p.baseline_year,
            target_year=p.target_year,
        )
        index = len(self.state.rows)
        self.undo_stack.push(AddRow(self.state, index, ind, self.tr("Add indicator")))
        self.table.setCurrentCell(index, 1)

    @Slot(object)
    def _on_tasks_edited(self, tasks: object) -> None:
        assert isinstance(tasks, list)
        self.undo_stack.push(SetTasks(self.state, tasks, self.tr("Edit key tasks")))

    @Slot()
    def add_task(self) -> None:
        """Append a key task for the user to name."""
        task = Task(self.tr("New key task"), position=len(self.state.tasks) + 1)
        tasks = [*self.state.tasks, task]
        self.undo_stack.push(SetTasks(self.state, tasks, self.tr("Add key task")))
        self.tasks_table.setCurrentCell(len(tasks) - 1, 0)

    @Slot()
    def delete_task(self) -> None:
        """Delete the current key task."""
        r = self.tasks_table.currentRow()
        if 0 <= r < len(self.state.tasks):
            tasks = [t for k, t in enumerate(self.state.tasks) if k != r]
            self.undo_stack.push(SetTasks(self.state, tasks, self.tr("Delete key task")))

    @Slot()
    def delete_indicator(self) -> None:
        """Delete the current indicator; asks first when it has recorded values."""
        r = self.table.currentRow()
        if not 0 <= r < len(self.state.rows):
            return
        ind = self.state.rows[r]
        count = self.service.values_count(self.plan.id, ind.code)
        if count:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Delete indicator"),
                self.tr(
                    "“{name}” has {n} recorded values. They stay in the history but the "
                    "indicator leaves the plan. Delete it?"
                ).format(name=ind.name, n=count),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.setObjectName("confirmDelete")
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
            box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep"))
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        label = self.tr("Delete {code}").format(code=ind.code)
        self.undo_stack.push(DeleteRow(self.state, r, label))

    @Slot()
    def move_up(self) -> None:
        """Move the current indicator one place up."""
        self.move_indicator(-1)

    @Slot()
    def move_down(self) -> None:
        """Move the current indicator one place down."""
        self.move_indicator(1)

    def move_indicator(self, step: int) -> None:
        """Move the current indicator up (-1) or down (+1)."""
        r = self.table.currentRow()
        if not (0 <= r < len(self.state.rows) and 0 <= r + step < len(self.state.rows)):
            return
        self.undo_stack.push(MoveRow(self.state, r, step, self.tr("Move indicator")))
        self.table.setCurrentCell(r + step, max(self.table.currentColumn(), 0))

    @Slot()
    def undo(self) -> None:
        """Undo the last edit."""
        self.undo_stack.undo()

    @Slot()
    def redo(self) -> None:
        """Redo the last undone edit."""
        self.undo_stack.redo()

    def _tasks(self) -> list[Task]:
        """The key tasks to save: links to indicators deleted here are dropped with them; a
        code that was never in the plan is refused, naming the task."""
        codes = {i.code for i in self.state.rows}
        deleted = {i.code for i in self.plan.indicators} - codes
        out: list[Task] = []
        for k, t in enumerate(self.state.tasks, start=1):
            unknown = [c for c in t.indicators if c not in codes and c not in deleted]
            if unknown:
                raise UserError(
                    f"重点任务“{t.title[:20]}”：指标编码{'、'.join(unknown)}不在本规划中"
                )
            kept = tuple(c for c in t.indicators if c in codes)
            out.append(replace(t, position=k, indicators=kept))
        return out

    @Slot()
    def save(self) -> None:
        """Save everything in one transaction; a problem names the indicator and field."""
        self.error.clear()
        rows = [replace(ind, position=k) for k, ind in enumerate(self.state.rows, start=1)]
        try:
            self.service.save(
                self.plan.id,
                rows,
                list(self.state.deleted),
                self._tasks(),
                predecessor=self.state.predecessor,
            )
        except (UserError, PlanError) as exc:
            self.error.setText(str(exc))
            return
        self.context.reload_plan()
        self.context.saved()
        self.saved.emit(self.plan.id)
        self.accept()
