"""上期规划 in the plan editor: which plan this one continues, and the list each indicator's
"carried over from" cell chooses from (the predecessor's indicators, or none).

Changing the plan is one undoable edit: links to codes the new predecessor lacks are cleared.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QComboBox, QWidget

from planmonitor.domain.plan import Plan, PlanRef
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.plan_editor.commands import EditState

NONE_LABEL = str(QT_TRANSLATE_NOOP("PlanEditor", "(none)"))


class SetPredecessor(QUndoCommand):
    """Make another plan (or none) the predecessor; links it cannot hold are cleared."""

    def __init__(self, state: EditState, ref: PlanRef | None, codes: set[str], text: str) -> None:
        super().__init__(text)
        self.state, self.ref = state, ref
        self.old_ref, self.old_rows = state.predecessor, list(state.rows)
        self.new_rows = [
            i if i.predecessor in codes else replace(i, predecessor="") for i in state.rows
        ]

    def redo(self) -> None:
        self.state.predecessor = self.ref
        self.state.rows = list(self.new_rows)

    def undo(self) -> None:
        self.state.predecessor = self.old_ref
        self.state.rows = list(self.old_rows)


class PredecessorBox(QComboBox):
    """The plans in the database this plan may continue, "(none)" first."""

    def __init__(self, context: MonitorContext, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("predecessorPlan")
        self.context = context
        self._plans: dict[str, Plan] = {}
        self.addItem(QCoreApplication.translate("PlanEditor", NONE_LABEL), "")
        for p in context.plan_list():
            if p.id != plan.id:
                self.addItem(p.title, p.id)

    def ref(self) -> PlanRef | None:
        """The plan chosen (None: none)."""
        plan_id = self.currentData()
        return PlanRef(plan_id, self.currentText()) if plan_id else None

    def show_ref(self, ref: PlanRef | None) -> None:
        """Show ``ref`` as chosen without signalling a change."""
        self.blockSignals(True)
        self.setCurrentIndex(max(self.findData(ref.id if ref else ""), 0))
        self.blockSignals(False)

    def plan(self, ref: PlanRef | None) -> Plan | None:
        """The predecessor plan (read once)."""
        if ref is None:
            return None
        if ref.id not in self._plans:
            self._plans[ref.id] = self.context.plans.get(ref.id)
        return self._plans[ref.id]

    def codes(self, ref: PlanRef | None) -> set[str]:
        """The predecessor's indicator codes."""
        plan = self.plan(ref)
        return {i.code for i in plan.indicators} if plan else set()

    def choices(self, ref: PlanRef | None) -> dict[str, str]:
        """Stored code → label for the "carried over from" cells."""
        out = {"": NONE_LABEL}
        plan = self.plan(ref)
        for ind in plan.indicators if plan else ():
            out[ind.code] = f"{ind.code} {ind.name}"
        return out
