"""The plan editor sets each indicator's predecessor from the earlier plan's list (or none) and
the earlier plan itself; undoable, saved in the one transaction."""

from __future__ import annotations

from carryover_scenario import successor_with_values
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.main_window import MainWindow
from planmonitor.gui.plan_editor.columns import COLUMNS
from planmonitor.services.plans import PlanService

COL = {c.key: i for i, c in enumerate(COLUMNS)}


def _choose(qtbot, table, row: int, label: str) -> None:  # type: ignore[no-untyped-def]
    table.setFocus()
    table.setCurrentCell(row, COL["predecessor"])
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.focusWidget()
    assert isinstance(editor, QComboBox)
    qtbot.keyClick(editor, Qt.Key.Key_Home)  # "（无）" first, then the earlier plan's list
    while editor.currentText() != label:
        assert editor.currentIndex() < editor.count() - 1, label
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def test_choose_the_predecessor_indicator_or_none(zh, gui_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    successor_with_values(gui_db)
    w = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(w)
    w.show()
    w.plan_box.setCurrentIndex(w.plan_box.findData("cangzhou-15"))
    w.act_edit_plan.trigger()
    dialog = w.plan_editing.last_dialog
    table = dialog.table
    assert dialog.predecessor_box.currentData() == "cangzhou"
    assert table.item(4, COL["predecessor"]).text() == "05 高新技术企业数量"
    _choose(qtbot, table, 4, "06 科技型中小企业数量")
    _choose(qtbot, table, 8, "（无）")
    assert table.item(4, COL["predecessor"]).data(Qt.ItemDataRole.UserRole) == "06"
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    links = {i.code: i.predecessor for i in PlanService(gui_db).get("cangzhou-15").indicators}
    assert (links["05"], links["09"], links["01"]) == ("06", "", "01")


def test_no_earlier_plan_clears_the_links_and_undo_brings_them_back(zh, gui_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    successor_with_values(gui_db)
    w = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(w)
    w.show()
    w.plan_box.setCurrentIndex(w.plan_box.findData("cangzhou-15"))
    w.act_edit_plan.trigger()
    dialog = w.plan_editing.last_dialog
    box = dialog.predecessor_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)  # "（无）" is first: the keyboard chooses it
    assert box.currentData() == ""
    assert all(dialog.table.item(r, COL["predecessor"]).text() == "（无）" for r in range(17))
    dialog.undo()
    assert box.currentData() == "cangzhou"
    assert dialog.table.item(0, COL["predecessor"]).text() == "01 全社会研发经费支出占GDP比重"
    dialog.redo()
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    plan = PlanService(gui_db).get("cangzhou-15")
    assert plan.predecessor is None and not any(i.predecessor for i in plan.indicators)
