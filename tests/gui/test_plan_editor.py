"""The plan editor: add, change form, delete with values (asks, keeps history), undo, save."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from planmonitor.domain.indicator import TargetForm
from planmonitor.domain.periods import Period
from planmonitor.gui.plan_editor.columns import COLUMNS
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plan_editing import PlanEditService
from planmonitor.services.plans import PlanService

COL = {c.key: i for i, c in enumerate(COLUMNS)}


def _start_edit(qtbot, table, row: int, col: str):  # type: ignore[no-untyped-def]
    table.setFocus()
    table.setCurrentCell(row, COL[col])
    qtbot.keyClick(table, Qt.Key.Key_F2)
    return table.focusWidget()


def _type(qtbot, table, row: int, col: str, text: str, ime: bool = False) -> None:  # type: ignore[no-untyped-def]
    editor = _start_edit(qtbot, table, row, col)
    editor.selectAll()
    if ime:  # Chinese arrives from the input method as a commit string
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(editor, event)
    else:
        qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def _answer_delete(qtbot) -> None:  # type: ignore[no-untyped-def]
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "confirmDelete"
        assert "1" in box.text()  # it says how many values there are
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_add_change_form_delete_with_values_undo_and_save(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    db = w.context.db
    ObservationService(db).record("cangzhou", Entry("05", Period.quarter(2023, 3), 990))
    w.act_edit_plan.trigger()
    dialog = w.plan_editing.last_dialog
    table = dialog.table
    assert table.rowCount() == 17  # 沧州's table and its task targets
    # add an indicator and fill it in
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 18
    _type(qtbot, table, 17, "name", "人工智能企业", ime=True)
    _type(qtbot, table, 17, "unit", "家", ime=True)
    _type(qtbot, table, 17, "target", "50")
    assert table.item(17, COL["name"]).text() == "人工智能企业"
    # change the form of 07 (累计增加10) to 年均提高 2 个百分点
    editor = _start_edit(qtbot, table, 6, "form")
    assert isinstance(editor, QComboBox)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert table.item(6, COL["form"]).data(Qt.ItemDataRole.UserRole) == "points"
    _type(qtbot, table, 6, "rate", "2")
    _type(qtbot, table, 6, "increase", "")
    _type(qtbot, table, 6, "ratio", "gxjs|gs|100")
    # a field that cannot be read is refused with the indicator and field named
    _type(qtbot, table, 0, "baseline", "abc")
    assert "01" in dialog.error.text() and "baseline" in dialog.error.text()
    assert table.item(0, COL["baseline"]).text() == "1.29"
    # delete 05, which has a recorded value: asked first
    table.setCurrentCell(4, COL["name"])
    _answer_delete(qtbot)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 18 - 1
    assert all(table.item(r, COL["code"]).text() != "05" for r in range(table.rowCount()))
    # undo brings it back, redo deletes it again
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert table.item(4, COL["code"]).text() == "05"
    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert table.item(4, COL["code"]).text() == "06"
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.error.text() == ""
    assert not dialog.isVisible()
    plan = PlanService(db).get("cangzhou")
    codes = [i.code for i in plan.indicators]
    assert "05" not in codes and codes[-1] == "18"
    new = plan.indicator("18")
    assert (new.name, new.unit, new.target.value) == ("人工智能企业", "家", 50)
    seven = plan.indicator("07")
    assert (seven.target.form, seven.target.rate) == (TargetForm.POINTS, 2)
    assert seven.ratio is not None and (seven.ratio.numerator, seven.ratio.scale) == ("gxjs", 100)
    retired = PlanEditService(db).retired("cangzhou")
    assert [(r.code, r.values) for r in retired] == [("05", 1)]  # the value stays in the history
    assert w.context.plan is not None and "05" not in [i.code for i in w.context.plan.indicators]


def test_a_save_problem_names_indicator_and_field_and_saves_nothing(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    dialog = w.plan_editing.edit_plan()
    table = dialog.table
    editor = _start_edit(qtbot, table, 0, "form")
    for _ in range(3):  # level → … → average annual growth, with no rate
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    assert "01" in dialog.error.text() and "rate" in dialog.error.text()
    assert PlanService(w.context.db).get("cangzhou").indicator("01").target.form is TargetForm.LEVEL


def test_key_tasks_edited_with_undo_and_saved(cangzhou_window, qtbot) -> None:
    from planmonitor.domain.plan import Task

    w = cangzhou_window
    before = PlanService(w.context.db).get("cangzhou").tasks  # 沧州's key tasks
    n = len(before)
    dialog = w.plan_editing.edit_plan()
    dialog.tabs.setCurrentIndex(1)
    tasks = dialog.tasks_table
    qtbot.mouseClick(dialog.add_task_button, Qt.MouseButton.LeftButton)
    assert tasks.rowCount() == n + 1
    for col, text in ((0, "实施高新技术企业倍增行动"), (1, "市科技局、市财政局")):
        tasks.setFocus()
        tasks.setCurrentCell(n, col)
        qtbot.keyClick(tasks, Qt.Key.Key_F2)
        editor = tasks.focusWidget()
        editor.selectAll()
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(editor, event)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: tasks.state() != tasks.State.EditingState)
    tasks.setCurrentCell(n, 2)
    qtbot.keyClick(tasks, Qt.Key.Key_F2)
    editor = tasks.focusWidget()
    qtbot.keyClicks(editor, "05,99")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tasks.state() != tasks.State.EditingState)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "99" in dialog.error.text()  # no such indicator: nothing saved
    qtbot.keyClick(tasks, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tasks.item(n, 2).text() == ""
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == ""
    saved = PlanService(w.context.db).get("cangzhou").tasks
    assert saved[:n] == before
    assert saved[n:] == (Task("实施高新技术企业倍增行动", ("市科技局", "市财政局"), (), n + 1),)
