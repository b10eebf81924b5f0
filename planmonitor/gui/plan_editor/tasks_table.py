"""The plan editor's 重点任务 tab: title, responsible units and linked indicator codes per task."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from planmonitor.domain.plan import Task
from planmonitor.gui.plan_editor.columns import tr

HEADERS = (
    str(QT_TRANSLATE_NOOP("PlanEditor", "Key task")),
    str(QT_TRANSLATE_NOOP("PlanEditor", "Responsible units")),
    str(QT_TRANSLATE_NOOP("PlanEditor", "Indicators (codes)")),
)


def _split(text: str) -> tuple[str, ...]:
    return tuple(u for u in re.split(r"[、,，;；\s]+", text.strip()) if u)


class TasksTable(QTableWidget):
    """Shows tasks; a typed change is reported as the whole new task list.

    Signals:
        edited(object): the task list after the user's change (list[Task]).
    """

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("tasksTable")
        self.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.setColumnWidth(0, 360)
        self.setColumnWidth(1, 360)
        self.setColumnWidth(2, 200)
        self._shown: list[Task] = []
        self.itemChanged.connect(self._on_item_changed)

    def show_tasks(self, tasks: list[Task]) -> None:
        """Fill the table."""
        self.blockSignals(True)
        self._shown = list(tasks)  # code, kind, chapter, lead/support units: kept as they are
        self.setRowCount(len(tasks))
        for r, t in enumerate(tasks):
            texts = (t.title, "、".join(t.responsible), "、".join(t.indicators))
            for c, text in enumerate(texts):
                self.setItem(r, c, QTableWidgetItem(text))
        self.blockSignals(False)

    def tasks(self) -> list[Task]:
        """The tasks as the table shows them."""
        out = []
        for r in range(self.rowCount()):
            cells = [item.text() if (item := self.item(r, c)) else "" for c in range(3)]
            title, units, codes = cells[0].strip(), _split(cells[1]), _split(cells[2])
            shown = self._shown[r] if r < len(self._shown) else Task(title)
            out.append(
                replace(shown, title=title, responsible=units, indicators=codes, position=r + 1)
            )
        return out

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        self.edited.emit(self.tasks())
