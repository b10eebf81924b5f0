"""Undoable plan-editor edits on a :class:`PlanDraftState` (the rows being edited)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QUndoCommand

from planmonitor.domain.indicator import Indicator
from planmonitor.domain.plan import PlanRef, Task


@dataclass
class EditState:
    """What the editor holds until it saves: the indicators in order, the deleted codes, the
    key tasks and the plan it continues (上期规划)."""

    rows: list[Indicator]
    deleted: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    predecessor: PlanRef | None = None


class SetRow(QUndoCommand):
    """Replace one row's indicator (a changed field)."""

    def __init__(self, state: EditState, index: int, new: Indicator, text: str) -> None:
        super().__init__(text)
        self.state, self.index, self.new = state, index, new
        self.old = state.rows[index]

    def redo(self) -> None:
        self.state.rows[self.index] = self.new

    def undo(self) -> None:
        self.state.rows[self.index] = self.old


class AddRow(QUndoCommand):
    """Insert a new indicator."""

    def __init__(self, state: EditState, index: int, ind: Indicator, text: str) -> None:
        super().__init__(text)
        self.state, self.index, self.ind = state, index, ind

    def redo(self) -> None:
        self.state.rows.insert(self.index, self.ind)

    def undo(self) -> None:
        del self.state.rows[self.index]


class DeleteRow(QUndoCommand):
    """Delete an indicator (its code is remembered so the save removes or retires it)."""

    def __init__(self, state: EditState, index: int, text: str) -> None:
        super().__init__(text)
        self.state, self.index = state, index
        self.ind = state.rows[index]

    def redo(self) -> None:
        del self.state.rows[self.index]
        self.state.deleted.append(self.ind.code)

    def undo(self) -> None:
        self.state.rows.insert(self.index, self.ind)
        self.state.deleted.remove(self.ind.code)


class MoveRow(QUndoCommand):
    """Move an indicator one place up or down."""

    def __init__(self, state: EditState, index: int, step: int, text: str) -> None:
        super().__init__(text)
        self.state, self.index, self.step = state, index, step

    def _swap(self) -> None:
        rows, i, j = self.state.rows, self.index, self.index + self.step
        rows[i], rows[j] = rows[j], rows[i]

    def redo(self) -> None:
        self._swap()

    def undo(self) -> None:
        self._swap()


class SetTasks(QUndoCommand):
    """Replace the key tasks (a typed change, an added or a deleted task)."""

    def __init__(self, state: EditState, tasks: list[Task], text: str) -> None:
        super().__init__(text)
        self.state, self.new, self.old = state, list(tasks), list(state.tasks)

    def redo(self) -> None:
        self.state.tasks = list(self.new)

    def undo(self) -> None:
        self.state.tasks = list(self.old)
