"""调整目标 keeps the indicator's form (issue 10 §3): the dialog asks for the form's own number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from planmonitor.domain.indicator import TargetForm
from planmonitor.domain.periods import Period
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.dialogs import ReviseDialog
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.status import StatusService
from planmonitor.store.database import Database


@pytest.fixture
def context(zh, gui_db: Database) -> MonitorContext:  # type: ignore[no-untyped-def]
    PlanService(gui_db).install(plan_source("shijiazhuang"))
    ctx = MonitorContext(gui_db)
    ctx.open_plan("shijiazhuang")
    return ctx


def _revise(qtbot, context: MonitorContext, code: str, number: str) -> ReviseDialog:  # type: ignore[no-untyped-def]
    dialog = ReviseDialog(context, code)
    qtbot.addWidget(dialog)
    dialog.value.selectAll()
    qtbot.keyClick(dialog.value, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.value, number)
    dialog.effective.setDate(QDate(2023, 1, 1))
    qtbot.keyClicks(dialog.reason, "mid-term review")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    return dialog


def _labels(dialog: ReviseDialog) -> list[str]:
    return [w.text() for w in dialog.findChildren(QLabel)]


def test_points_target_is_revised_as_points_a_year(qtbot, context: MonitorContext) -> None:  # type: ignore[no-untyped-def]
    dialog = ReviseDialog(context, "10")  # 32 → 42, 年均增长2 (percentage points)
    qtbot.addWidget(dialog)
    assert "新的每年提高百分点" in _labels(dialog) and dialog.value.text() == "2.00"
    _revise(qtbot, context, "10", "2.5")
    (rev,) = context.plans.revisions("shijiazhuang")
    assert rev.new.form is TargetForm.POINTS and rev.new.rate == 2.5
    ObservationService(context.db).record(
        "shijiazhuang", Entry("10", Period.quarter(2023, 4), 38.0)
    )
    statuses = StatusService(context.db).evaluate("shijiazhuang", Period.quarter(2023, 4))
    st = next(s.status for s in statuses if s.indicator.code == "10")
    assert st.expected == pytest.approx(32 + 3 * 2.5)
    assert st.target == pytest.approx(44.5)


def test_increase_target_is_revised_as_an_increase(qtbot, context: MonitorContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _revise(qtbot, context, "06", "1701")  # 2499 → 4000 (累计增加1501)
    assert "新的累计增加值" in _labels(dialog)
    (rev,) = context.plans.revisions("shijiazhuang")
    assert (rev.new.form, rev.new.increase, rev.new.value) == (TargetForm.INCREASE, 1701, 4200)
    assert rev.old.increase == 1501
