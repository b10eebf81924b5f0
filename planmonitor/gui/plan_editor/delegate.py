"""The plan editor's drop-down cells: a list of fixed choices (form, comparator, cadence, the
predecessor's indicators) instead of free text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planmonitor.gui.plan_editor.columns import tr

VALUE_ROLE = Qt.ItemDataRole.UserRole


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down list for the columns with fixed choices (form, comparator, cadence…).

    ``choices[column]`` maps stored value → untranslated label, or is None for a text cell.
    """

    def __init__(self, parent: QWidget, choices: list[dict[str, str] | None]) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        col = index.column()
        choices = self.choices[col] if col < len(self.choices) else None
        if not choices:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for value, label in choices.items():
            box.addItem(tr(label), value)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(VALUE_ROLE)), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: object, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), VALUE_ROLE)  # type: ignore[attr-defined]
        else:
            super().setModelData(editor, model, index)  # type: ignore[arg-type]
