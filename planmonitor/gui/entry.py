"""Quarterly entry (数据填报): type, paste from Excel/WPS, undo/redo; every edit saved at once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.values import NumberError, parse_number
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.entry_grid import EntryGrid
from planmonitor.gui.entry_model import ANNUAL_COL, FIXED, GUI_SOURCE, CellValue, EntryModel
from planmonitor.gui.entry_notice import check_notice
from planmonitor.gui.entry_paste import Edit, PasteRefused, pasted_edits
from planmonitor.gui.i18n import period_text
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, RecordOutcome
from planmonitor.services.stale import StaleEdit


class SaveValues(QUndoCommand):
    """One user action on the grid (a typed value or a pasted block): one transaction.

    Redo is based on the versions the user saw, undo on the versions redo wrote: either is
    refused (and the reload offered) if someone else changed the values in between.
    """

    def __init__(self, view: EntryView, edits: list[Edit], text: str) -> None:
        super().__init__(text)
        self.view = view
        self.edits = edits
        self.bases = {(code, period): _version(old) for code, period, old, _new in edits}

    def _now(self) -> dict[tuple[str, Period], int | None]:
        cells = self.view.model.cells
        return {key: _version(cells.get(key)) for key in self.bases}

    def redo(self) -> None:
        changes = [(code, period, new) for code, period, _old, new in self.edits]
        if self.view.apply(changes, self.bases):
            self.bases = self._now()
        else:
            self.setObsolete(True)  # the database refused it: drop it from the stack

    def undo(self) -> None:
        changes = [(code, period, old) for code, period, old, _new in self.edits]
        if self.view.apply(changes, self.bases):
            self.bases = self._now()


class EntryView(QWidget):
    """The grid, the year chooser, the standing/comment editor of the current cell, messages."""

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = QUndoStack(self)
        self.model = EntryModel(context)
        self.grid = EntryGrid()
        self.grid.setModel(self.model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.horizontalHeader().setMinimumSectionSize(70)
        self.grid.setWordWrap(False)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setPrefix(self.tr("Year "))
        self.cell_label = QLabel()
        self.standing = QComboBox()
        for s, label in (
            (Standing.ESTIMATE, self.tr("Estimate (预计)")),
            (Standing.PRELIMINARY, self.tr("Preliminary (初步)")),
            (Standing.FINAL, self.tr("Final (正式)")),
        ):
            self.standing.addItem(label, s.value)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(
            self.tr("Comment on this value (情况说明); saved when you leave the field")
        )
        self.note_key: tuple[str, Period] | None = None  # the value the two fields belong to
        self.numerator = QLineEdit()
        self.denominator = QLineEdit()
        self.parts_label = QLabel(self.tr("By its parts:"))
        self.parts_key: tuple[str, Period] | None = None  # the ratio cell the parts belong to
        self.message = QLabel()
        self.message.setObjectName("entryMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_MESSAGE_STYLE)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reapply_button = QPushButton(self.tr("Reload and save my values again"))
        self.reload_bar = QWidget()
        self.reload_bar.setVisible(False)
        self._refused: list[tuple[str, Period, CellValue | None]] = []
        self._refresh_pending = False
        self._layout()
        self._connect_signals()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Values of")))
        top.addWidget(self.year)
        top.addStretch(1)
        hint = QLabel(self.tr("Type and press Enter; paste a block copied from Excel or WPS"))
        hint.setObjectName("hint")
        top.addWidget(hint)
        note = QHBoxLayout()
        note.addWidget(self.cell_label)
        note.addWidget(self.standing)
        note.addWidget(self.comment, 1)
        parts = QHBoxLayout()
        parts.addWidget(self.parts_label)
        parts.addWidget(self.numerator, 1)
        parts.addWidget(QLabel("÷"))
        parts.addWidget(self.denominator, 1)
        self.parts_row = QWidget()
        self.parts_row.setLayout(parts)
        parts.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addLayout(note)
        layout.addWidget(self.parts_row)
        layout.addWidget(self.message)
        bar = QHBoxLayout(self.reload_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.reapply_button)
        layout.addWidget(self.reload_bar)

    def _connect_signals(self) -> None:
        self.model.editRequested.connect(self._on_edit)
        self.model.refused.connect(self.show_error)
        self.year.valueChanged.connect(self._on_year)
        self.grid.selectionModel().currentChanged.connect(self._on_current)
        self.comment.editingFinished.connect(self.save_note)
        self.comment.returnPressed.connect(self._back_to_grid)
        self.standing.activated.connect(self.save_note)
        self.numerator.returnPressed.connect(self.save_parts)
        self.denominator.returnPressed.connect(self.save_parts)
        self.grid.delegate.refused.connect(self.show_error)
        self.grid.keyRefused.connect(self.show_error)
        self.grid.clearRequested.connect(self.clear_selected)
        QShortcut(QKeySequence.StandardKey.Paste, self.grid, self.paste)
        self.context.planChanged.connect(self.reload)
        self.context.periodChanged.connect(self.reload)
        self.context.refreshed.connect(self.refresh_values)
        self.grid.editorClosed.connect(self._after_editing)
        self.reload_button.clicked.connect(self._on_reload)
        self.reapply_button.clicked.connect(self._on_reapply)

    # -- loading ------------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        """Show the report period's year (a plan or region change also clears undo)."""
        self.undo_stack.clear()
        self.year.blockSignals(True)
        self.year.setValue(self.context.quarter.year)
        self.year.blockSignals(False)
        self.model.load(self.context.quarter.year)
        self.grid.resizeColumnsToContents()
        self.grid.setColumnWidth(0, min(self.grid.columnWidth(0), 360))
        self.message.clear()

    @Slot(int)
    def _on_year(self, year: int) -> None:
        self.model.load(year)

    @Slot()
    def refresh_values(self) -> None:
        """Re-read the values others changed, keeping what the user is editing: an open cell
        editor defers the refresh until it closes; the current cell and a comment being typed
        stay as they are; the undo history stays."""
        if self.grid.state() == QAbstractItemView.State.EditingState:
            self._refresh_pending = True
            return
        self._refresh_pending = False
        current = self.grid.currentIndex()
        typed = self.comment.text() if self.comment.isModified() else None
        self.model.load(self.model.year)
        if current.isValid():
            self.grid.setCurrentIndex(self.model.index(current.row(), current.column()))
        if typed is not None:
            self.comment.setText(typed)
            self.comment.setModified(True)

    @Slot()
    def _after_editing(self) -> None:
        if self._refresh_pending:
            self.refresh_values()

    # -- editing ------------------------------------------------------------------------------
    @Slot(str, object, object)
    def _on_edit(self, code: str, period: Period, new: CellValue | None) -> None:
        old = self.model.cells.get((code, period))
        ind = self.context.plan.indicator(code) if self.context.plan else None
        text = self.tr("Enter {name} {period}").format(
            name=ind.name if ind else code, period=period_text(period)
        )
        self.undo_stack.push(SaveValues(self, [(code, period, old, new)], text))

    def apply(
        self,
        changes: list[tuple[str, Period, CellValue | None]],
        bases: dict[tuple[str, Period], int | None] | None = None,
    ) -> bool:
        """Write ``changes`` in one transaction, then show them; False (and a message) on error.

        Each change is based on the version in ``bases`` (default: the one shown); a stale
        one is refused with who changed it, and the reload is offered.
        """
        plan = self.context.plan
        assert plan is not None
        region = self.context.region
        cells = self.model.cells
        shown = bases if bases is not None else {k: _version(c) for k, c in cells.items()}
        entries = [
            Entry(
                code,
                period,
                None if cell.denominator is not None else cell.value,  # parts: computed
                region,
                cell.standing,
                cell.comment,
                numerator=cell.numerator,
                denominator=cell.denominator,
                source=GUI_SOURCE,
                base=shown.get((code, period)),
            )
            for code, period, cell in changes
            if cell is not None
        ]
        saved: Iterator[RecordOutcome] = iter([])
        try:
            if entries:
                saved = iter(self.context.values.record_many(plan.id, entries))
            for code, period, cell in changes:
                if cell is None:
                    base = shown.get((code, period))
                    self.context.values.retract(plan.id, code, period, region, base)
        except StaleEdit as exc:
            self.show_error(str(exc))
            self._refused = changes
            self.reload_bar.setVisible(True)
            return False
        except UserError as exc:
            self.show_error(str(exc))
            return False
        for code, period, cell in changes:
            if cell is not None:
                cell = replace(cell, version=next(saved).version)
            self.model.set_cell(code, period, cell)
        self.reload_bar.setVisible(False)
        self.model.recheck()
        notice = check_notice(self.model, [(c, p) for c, p, cell in changes if cell is not None])
        if notice is None:
            self._say(self.tr("Saved."), "")
        else:
            self._say(notice.text, "warning" if notice.needs_comment else "")
            if notice.needs_comment is not None:
                key = notice.needs_comment
                QTimer.singleShot(0, lambda: self.offer_comment(*key))
        self.context.saved()
        return True

    def offer_comment(self, code: str, period: Period) -> None:
        """Make the value flagged by a data check current and put the cursor in its comment."""
        row = next((r for r, i in enumerate(self.model.indicators) if i.code == code), None)
        if row is None or self.model.year != period.year:
            return
        col = ANNUAL_COL if period.is_annual else FIXED + period.quarter_number - 1
        if self.grid.state() == QAbstractItemView.State.EditingState:
            return  # the user is typing elsewhere already
        self.grid.setCurrentIndex(self.model.index(row, col))
        if self.note_key == (code, period) and self.comment.isEnabled():
            self.comment.setFocus(Qt.FocusReason.OtherFocusReason)
            self.comment.selectAll()

    @Slot()
    def _back_to_grid(self) -> None:
        """Enter in the comment field: saved (editingFinished); typing goes on in the grid."""
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, text: str, kind: str) -> None:
        """Show a message: kind "" (plain), "warning" (a data check) or "error" (refused)."""
        self.message.setText(text)
        self.message.setProperty("error", kind == "error")
        self.message.setProperty("warning", kind == "warning")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    @Slot()
    def _on_reload(self) -> None:
        """Show the database's values, dropping the refused edit."""
        self._refused = []
        self.reload_bar.setVisible(False)
        self.refresh_values()
        self._say(self.tr("Reloaded: the values are as saved in the database now."), "")

    @Slot()
    def _on_reapply(self) -> None:
        """Reload, then save the refused edit again on top of the values saved meanwhile."""
        changes = self._refused
        self._on_reload()
        edits: list[Edit] = [
            (code, period, self.model.cells.get((code, period)), cell)
            for code, period, cell in changes
        ]
        if edits:
            self.undo_stack.push(SaveValues(self, edits, self.tr("Save my values again")))

    @Slot(str)
    def show_error(self, text: str) -> None:
        """Show why an input was refused."""
        self._say(text, "error")

    @Slot()
    def paste(self) -> None:
        """Paste a TSV block (from Excel or WPS) at the current cell: all of it or nothing."""
        text = QGuiApplication.clipboard().text()
        start = self.grid.currentIndex()
        if not text.strip() or not start.isValid():
            return
        try:
            edits = pasted_edits(self.model, start.row(), start.column(), text)
        except PasteRefused as exc:
            self.show_error(str(exc))
            return
        if edits:
            text_ = self.tr("Paste {n} values").format(n=len(edits))
            self.undo_stack.push(SaveValues(self, edits, text_))

    @Slot()
    def clear_selected(self) -> None:
        """Delete: clear the selected values (one undo step); greyed cells are left alone."""
        edits: list[Edit] = []
        for index in sorted(self.grid.selectedIndexes(), key=lambda i: (i.row(), i.column())):
            cell = self.model.cell(index.row(), index.column())
            period = self.model.period_at(index.column())
            if cell is not None and period is not None:
                edits.append((self.model.indicators[index.row()].code, period, cell, None))
        if not edits:
            return
        if len(edits) == 1:
            code, period = edits[0][0], edits[0][1]
            text = self.tr("Clear {name} {period}").format(
                name=self._name(code), period=period_text(period)
            )
        else:
            text = self.tr("Clear {n} values").format(n=len(edits))
        self.undo_stack.push(SaveValues(self, edits, text))

    def _name(self, code: str) -> str:
        plan = self.context.plan
        return plan.indicator(code).name if plan is not None else code

    # -- standing and comment ----------------------------------------------------------------
    def _show_parts(self, current: QModelIndex) -> None:
        """The numerator and denominator fields, for a ratio indicator's enterable cell."""
        ok = current.isValid() and self.model.is_input(current.row(), current.column())
        ind = self.model.indicators[current.row()] if ok else None
        period = self.model.period_at(current.column()) if ok else None
        if ind is None or ind.ratio is None or period is None:
            self.parts_key = None
            self.parts_row.hide()
            return
        self.parts_key = (ind.code, period)
        self.numerator.setPlaceholderText(ind.ratio.numerator)
        self.denominator.setPlaceholderText(ind.ratio.denominator)
        cell = self.model.cells.get((ind.code, period))
        for box, v in (
            (self.numerator, cell and cell.numerator),
            (self.denominator, cell and cell.denominator),
        ):
            box.setText("" if v is None else f"{v:g}")
        self.parts_row.show()

    @Slot()
    def save_parts(self) -> None:
        """Record the ratio from its numerator and denominator (one undo step)."""
        if self.parts_key is None or self.context.plan is None:
            return
        code, period = self.parts_key
        ind = self.context.plan.indicator(code)
        assert ind.ratio is not None
        where = f"{ind.code} {ind.name} {period_text(period)}"
        try:
            num = parse_number(self.numerator.text())
            den = parse_number(self.denominator.text())
        except NumberError as exc:
            self.show_error(f"{where}：{exc}")
            return
        if num is None or den is None:
            self.show_error(
                self.tr("{cell}: enter both the numerator and the denominator").format(cell=where)
            )
            return
        if den == 0:
            self.show_error(self.tr("{cell}: the denominator is zero").format(cell=where))
            return
        old = self.model.cells.get((code, period))
        new = CellValue(
            num / den * ind.ratio.scale,
            old.standing if old else Standing.PRELIMINARY,
            old.comment if old else "",
            num,
            den,
        )
        if new != old:
            text = self.tr("Enter {name} {period}").format(
                name=ind.name, period=period_text(period)
            )
            self.undo_stack.push(SaveValues(self, [(code, period, old, new)], text))

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_parts(current)
        cell = self.model.cell(current.row(), current.column()) if current.isValid() else None
        period = self.model.period_at(current.column()) if current.isValid() else None
        enabled = cell is not None
        for w in (self.standing, self.comment):
            w.setEnabled(enabled)
        if cell is None or period is None:
            self.note_key = None
            self.cell_label.setText(self.tr("Select a value to set its standing and comment"))
            self.comment.clear()
            return
        ind = self.model.indicators[current.row()]
        self.note_key = (ind.code, period)
        self.cell_label.setText(f"{ind.name} {period_text(period)}")
        self.standing.setCurrentIndex(self.standing.findData(cell.standing.value))
        self.comment.setText(cell.comment)

    @Slot()
    def save_note(self) -> None:
        """Save the standing and comment of the value the fields show (Enter or leaving them)."""
        if self.note_key is None:
            return
        code, period = self.note_key
        cell = self.model.cells.get((code, period))
        if cell is None:
            return
        standing = Standing(self.standing.currentData())
        new = replace(cell, standing=standing, comment=self.comment.text().strip())
        if new != cell:
            text = self.tr("Standing and comment of {name} {period}").format(
                name=self._name(code), period=period_text(period)
            )
            self.undo_stack.push(SaveValues(self, [(code, period, cell, new)], text))


_MESSAGE_STYLE = (
    'QLabel#entryMessage[error="true"] { color: #b71c1c; }'
    'QLabel#entryMessage[warning="true"] { color: #7a3e00; background: #fff0c2;'
    " border: 1px solid #e65100; padding: 3px; }"
)


def _version(cell: CellValue | None) -> int | None:
    """The base of an edit of a cell: the version shown, None for an empty cell."""
    return None if cell is None else cell.version
