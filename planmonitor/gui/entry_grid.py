"""The entry grid's view and cell delegate: safe keys (no keyboard search, Enter skips greyed
cells, Delete clears), invalid text kept in the editor, a comment mark like Excel's and a data
check mark (orange: needs a 情况说明; green: explained) in the top-left corner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from planmonitor.domain.values import NumberError
from planmonitor.gui.entry_model import CHECK_OPEN, CHECK_ROLE, COMMENT_ROLE, EntryModel

Index = QModelIndex | QPersistentModelIndex
COMMENT_MARK = QColor("#d32f2f")
CHECK_MARKS = {CHECK_OPEN: QColor("#e65100")}  # a data check without a comment: orange
EXPLAINED_MARK = QColor("#2e7d32")  # a data check the comment explains: green
_MARK = 7  # px: the side of the comment triangle
_SUBMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class ValueDelegate(QStyledItemDelegate):
    """Paints the comment mark; refuses to close an editor whose text is not a valid value.

    Signals:
        refused(str): the editor's text was refused (the reason); the editor stays open.
    """

    refused = Signal(str)

    def __init__(self, grid: EntryGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        check = index.data(CHECK_ROLE)
        if check is not None:
            self._check_mark(painter, option, CHECK_MARKS.get(check, EXPLAINED_MARK))
        if not index.data(COMMENT_ROLE):
            return
        r = option.rect
        right, top = float(r.right()), float(r.top())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(COMMENT_MARK)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(right - _MARK, top),
                    QPointF(right + 1, top),
                    QPointF(right + 1, top + _MARK + 1),
                ]
            )
        )
        painter.restore()

    @staticmethod
    def _check_mark(painter: QPainter, option: QStyleOptionViewItem, colour: QColor) -> None:
        """A triangle in the top-left corner, twice the comment mark's side."""
        r = option.rect
        left, top, side = float(r.left()), float(r.top()), float(2 * _MARK)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(
            QPolygonF([QPointF(left, top), QPointF(left + side, top), QPointF(left, top + side)])
        )
        painter.restore()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            isinstance(obj, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _SUBMIT_KEYS
        ):
            reason = self.grid.invalid_reason(obj.text())
            if reason is not None:
                self.refused.emit(reason)
                obj.selectAll()
                return True  # the editor stays open with the text the user typed
        return super().eventFilter(obj, event)


class EntryGrid(QTableView):
    """A table view for typing values as safely as in Excel.

    Signals:
        clearRequested(): Delete/Backspace on selected cells (not while editing).
        keyRefused(str): a key was typed on a cell that takes no value (the reason).
        editorClosed(): a cell editor was closed (a deferred refresh may run now).
    """

    clearRequested = Signal()
    keyRefused = Signal(str)
    editorClosed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = ValueDelegate(self)
        self.setItemDelegate(self.delegate)

    def entry_model(self) -> EntryModel:
        model = self.model()
        assert isinstance(model, EntryModel)
        return model

    def invalid_reason(self, text: str) -> str | None:
        """Why ``text`` cannot be saved in the current cell (None when it can)."""
        index = self.currentIndex()
        model = self.entry_model()
        if not index.isValid() or not model.is_input(index.row(), index.column()):
            return None
        try:
            model.parse(model.indicators[index.row()], text)
        except NumberError as exc:
            return model.cell_name(index.row(), index.column()) + "：" + str(exc)
        return None

    def keyboardSearch(self, search: str) -> None:
        """No keyboard search: a digit typed here must never jump to another row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        index = self.currentIndex()
        model = self.entry_model()
        if not editing and index.isValid():
            key = event.key()
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and plain:
                self.clearRequested.emit()
                event.accept()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self.move_down()
                event.accept()
                return
            text = event.text()
            typed = bool(text) and text.isprintable() and not text.isspace()
            chord = event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
            )
            greyed = not model.is_input(index.row(), index.column())
            if typed and chord == Qt.KeyboardModifier.NoModifier and greyed:
                self.keyRefused.emit(model.refusal(index.row(), index.column()))
                event.accept()
                return
        super().keyPressEvent(event)

    def move_down(self) -> None:
        """To the next cell below that takes a value (the same column)."""
        current = self.currentIndex()
        row = self.entry_model().next_input_row(current.row(), current.column())
        if row is not None:
            self.setCurrentIndex(current.siblingAtRow(row))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self.editorClosed.emit()
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter
            self.move_down()
