"""Quarterly entry: typing, Enter, pasting from Excel/WPS, undo/redo; checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from planmonitor.domain.formatting import Light
from planmonitor.domain.periods import Period
from planmonitor.gui.entry_model import FIXED


def _current(window, code: str, period: Period):  # type: ignore[no-untyped-def]
    values = window.context.values.current("cangzhou")
    return next((o for o in values if o.indicator == code and o.period == period), None)


def _go(window, row: int, col: int) -> None:  # type: ignore[no-untyped-def]
    entry = window.entry
    window.tabs.setCurrentWidget(entry)
    entry.grid.setFocus()
    entry.grid.setCurrentIndex(entry.model.index(row, col))


def _type(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the current cell as a user does, then Enter (committed on the next loop turn)."""
    grid = window.entry.grid
    qtbot.keyClicks(grid, text[0])
    editor = grid.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)


def _ime_commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese text arrives from the input method as a commit string, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _light(window, code: str) -> Light:  # type: ignore[no-untyped-def]
    return next(s.status.light for s in window.context.statuses() if s.indicator.code == code)


def test_typing_a_value_and_enter_saves_it_and_moves_down(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    row = 4  # 05 高新技术企业数量
    _go(w, row, FIXED + 2)  # Q3 of 2023
    _type(qtbot, w, "990")
    saved = _current(w, "05", Period.quarter(2023, 3))
    assert saved is not None and saved.value == 990 and saved.source.kind == "manual"
    assert w.entry.grid.currentIndex().row() == row + 1
    assert w.entry.model.index(row, FIXED + 2).data() == "990"
    assert _light(w, "05") is Light.YELLOW  # the light updates at once (96.5 %)
    assert "最近保存" in w.saved_label.text()


def test_annual_only_indicators_take_the_annual_value(cangzhou_window) -> None:
    model = cangzhou_window.entry.model
    rd = 0  # 01 全社会研发经费支出占GDP比重: annual, published late
    assert not model.is_input(rd, FIXED) and model.is_input(rd, FIXED + 4)
    assert "全年" in model.index(rd, FIXED).data(Qt.ItemDataRole.ToolTipRole)
    assert model.is_input(4, FIXED) and not model.is_input(4, FIXED + 4)


def test_pasting_a_block_fills_the_right_cells_and_undo_restores(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    # rows 05, 06, 07 × Q1..Q4 of 2023 (3 × 4), as Excel puts it on the clipboard
    block = "800\t801\t990\t1010\r\n11300\t11400\t11500\t11600\r\n15\t15.5\t16\t16.4\r\n"
    QGuiApplication.clipboard().setText(block)
    _go(w, 4, FIXED)
    qtbot.keyClick(w.entry.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    expected = {("05", 3): 990, ("06", 4): 11600, ("07", 1): 15, ("07", 2): 15.5}
    for (code, q), value in expected.items():
        assert _current(w, code, Period.quarter(2023, q)).value == value
    assert w.entry.model.index(6, FIXED + 3).data() == "16.40"
    assert len(w.context.values.current("cangzhou")) == 12
    w.act_undo.trigger()
    assert w.context.values.current("cangzhou") == []
    assert w.entry.model.index(4, FIXED + 2).data() == ""
    w.act_redo.trigger()
    assert _current(w, "06", Period.quarter(2023, 4)).value == 11600
    history = w.context.values.history("cangzhou", "05")
    assert len(history) == 8  # first paste, its undo kept as superseded rows, the redo


def test_a_pasted_abc_is_refused_and_nothing_is_half_written(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    QGuiApplication.clipboard().setText("800\t801\nabc\t11400\n")
    _go(w, 4, FIXED)
    qtbot.keyClick(w.entry.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "未粘贴任何数据" in w.entry.message.text() and "“abc”" in w.entry.message.text()
    assert w.context.values.current("cangzhou") == []
    assert w.entry.undo_stack.count() == 0


def test_standing_and_comment_of_a_value(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    _go(w, 4, FIXED + 2)
    _type(qtbot, w, "990")
    w.entry.grid.setCurrentIndex(w.entry.model.index(4, FIXED + 2))
    w.entry.standing.setCurrentIndex(2)  # 正式
    w.entry.comment.clear()
    w.entry.comment.setFocus()
    _ime_commit(w.entry.comment, "第二批认定结果已公布")
    qtbot.keyClick(w.entry.comment, Qt.Key.Key_Return)
    saved = _current(w, "05", Period.quarter(2023, 3))
    assert (saved.standing.value, saved.comment) == ("正式", "第二批认定结果已公布")
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _current(w, "05", Period.quarter(2023, 3)).standing.value == "初步"
    assert QKeySequence(QKeySequence.StandardKey.Undo) == w.act_undo.shortcut()
