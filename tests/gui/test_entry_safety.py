"""Entry grid data safety (issue 11 §1–2): greyed cells, Enter, Delete, invalid text, paste,
comment marks, standing and comment saved on leaving the field — real keys, checked in the db."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QLineEdit

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION
from planmonitor.gui.entry_model import FIXED
from planmonitor.services.observations import Entry

Q3 = Period.quarter(2023, 3)


def _current(window, code: str, period: Period = Q3):  # type: ignore[no-untyped-def]
    values = window.context.values.current("cangzhou")
    return next((o for o in values if o.indicator == code and o.period == period), None)


def _seed(window) -> None:  # type: ignore[no-untyped-def]
    """02 = 2.95 and 04 = 2 in 2023 Q3, saved before the grid is shown."""
    window.context.values.record_many(
        "cangzhou",
        [
            Entry("02", Q3, 2.95, ROOT_REGION, Standing.PRELIMINARY, ""),
            Entry("04", Q3, 2, ROOT_REGION, Standing.PRELIMINARY, ""),
        ],
    )
    window.entry.reload()


def _go(window, row: int, col: int) -> None:  # type: ignore[no-untyped-def]
    entry = window.entry
    window.tabs.setCurrentWidget(entry)
    entry.grid.setFocus()
    entry.grid.setCurrentIndex(entry.model.index(row, col))


def test_typing_on_a_greyed_cell_never_overwrites_another_row(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    _seed(w)
    _go(w, 0, FIXED + 2)  # 01 研发经费占比: annual only, Q3 is greyed
    grid = w.entry.grid
    for key in (Qt.Key.Key_2, Qt.Key.Key_Period, Qt.Key.Key_5, Qt.Key.Key_0):
        qtbot.keyClick(grid.focusWidget(), key)
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)
    assert _current(w, "02").value == 2.95
    assert _current(w, "04").value == 2
    assert len(w.context.values.history("cangzhou", "02")) == 1
    assert w.entry.undo_stack.count() == 0
    assert grid.currentIndex().row() == 1  # Enter moved on to the next cell that takes a value
    assert "01 全社会研发经费支出占GDP比重 2023年第三季度" in w.entry.message.text()


def test_enter_skips_cells_that_take_no_value(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    _go(w, 1, FIXED + 2)  # 02, Q3; the next row 03 is annual only
    grid = w.entry.grid
    qtbot.keyClicks(grid, "3")
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)
    assert _current(w, "02").value == 3
    assert grid.currentIndex().row() == 3  # 04, not the greyed 03
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # Enter without typing moves on too
    assert grid.currentIndex().row() == 4


def test_delete_clears_a_value_as_one_undo_step(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    _seed(w)
    _go(w, 1, FIXED + 2)
    grid = w.entry.grid
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert _current(w, "02") is None
    assert w.entry.model.index(1, FIXED + 2).data() == ""
    assert w.entry.undo_stack.count() == 1
    assert "万人口拥有发明专利" in w.entry.undo_stack.undoText()
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _current(w, "02").value == 2.95


def test_invalid_text_stays_in_the_editor_with_the_reason(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    _go(w, 4, FIXED + 2)
    grid = w.entry.grid
    qtbot.keyClicks(grid, "1")
    editor = grid.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "2a")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert grid.state() == grid.State.EditingState
    assert isinstance(grid.focusWidget(), QLineEdit) and grid.focusWidget().text() == "12a"
    assert "“12a”不是数字" in w.entry.message.text()
    assert _current(w, "05") is None
    editor = grid.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "1020")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)
    assert _current(w, "05").value == 1020


def test_a_refused_paste_names_the_indicator_and_quarter(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    QGuiApplication.clipboard().setText("800\t801\n")
    _go(w, 0, FIXED)  # 01 is annual only: Q1 takes no value
    qtbot.keyClick(w.entry.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    text = w.entry.message.text()
    assert "全社会研发经费支出占GDP比重" in text and "2023年第一季度" in text
    assert "第1行" not in text and "第 1 行" not in text and "行" not in text.split("：")[0][-2:]
    assert w.context.values.current("cangzhou") == []


def test_a_cell_with_a_comment_shows_a_mark(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    w.context.values.record_many(
        "cangzhou",
        [
            Entry("05", Q3, 990, ROOT_REGION, Standing.FINAL, "第二批认定结果已公布"),
            Entry("06", Q3, 11500, ROOT_REGION, Standing.FINAL, ""),
        ],
    )
    w.entry.reload()
    _go(w, 4, FIXED + 2)
    grid = w.entry.grid
    grid.scrollTo(w.entry.model.index(5, FIXED + 2))
    image = grid.viewport().grab().toImage()

    def corner(row: int) -> QColor:
        rect = grid.visualRect(w.entry.model.index(row, FIXED + 2))
        return image.pixelColor(rect.topRight() + QPoint(-2, 2))

    marked, plain = corner(4), corner(5)
    assert marked.red() > 180 and marked.green() < 90 and marked.blue() < 90
    assert not (plain.red() > 180 and plain.green() < 90)
    tip = w.entry.model.index(4, FIXED + 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "第二批认定结果已公布" in tip


def test_standing_and_comment_saved_on_leaving_the_field(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    w.context.values.record_many(
        "cangzhou", [Entry("05", Q3, 990, ROOT_REGION, Standing.PRELIMINARY, "")]
    )
    w.entry.reload()
    _go(w, 4, FIXED + 2)
    e = w.entry
    qtbot.mouseClick(e.comment, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(e.comment, "batch two")
    # clicking another cell: the comment is saved for 05 Q3, not lost, not put on the new cell
    rect = e.grid.visualRect(e.model.index(5, FIXED + 2))
    qtbot.mouseClick(e.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _current(w, "05").comment == "batch two"
    assert e.undo_stack.count() == 1 and "高新技术企业数量" in e.undo_stack.undoText()
    assert e.grid.currentIndex().row() == 5
    _go(w, 4, FIXED + 2)
    assert e.comment.text() == "batch two"
    e.standing.setFocus()
    qtbot.keyClick(e.standing, Qt.Key.Key_Down)  # 初步 → 正式
    assert _current(w, "05").standing is Standing.FINAL
    assert _current(w, "05").comment == "batch two"
    qtbot.mouseClick(e.comment, Qt.MouseButton.LeftButton)
    e.comment.selectAll()
    qtbot.keyClicks(e.comment, "final list")
    qtbot.keyClick(e.comment, Qt.Key.Key_Return)
    assert _current(w, "05").comment == "final list"
    assert e.undo_stack.count() == 3


def test_a_ratio_is_entered_by_its_numerator_and_denominator(cangzhou_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    e = w.entry
    _go(w, 0, FIXED + 4)  # 01 研发经费支出占GDP比重, 2023 annual value
    assert e.parts_row.isVisible()
    assert e.numerator.placeholderText() == "全社会研发经费支出（亿元）"
    qtbot.mouseClick(e.numerator, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(e.numerator, "45.6")
    qtbot.keyClick(e.numerator, Qt.Key.Key_Return)
    assert "分母" in e.message.text() or "denominator" in e.message.text()
    qtbot.mouseClick(e.denominator, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(e.denominator, "2400")
    qtbot.keyClick(e.denominator, Qt.Key.Key_Return)
    saved = _current(w, "01", Period.annual(2023))
    assert saved is not None and abs(saved.value - 1.9) < 1e-9
    assert (saved.numerator, saved.denominator) == (45.6, 2400)
    assert e.model.index(0, FIXED + 4).data() == "1.90"
    _go(w, 4, FIXED + 2)
    assert not e.parts_row.isVisible()  # 05 is a count, not a ratio
    qtbot.keyClick(e.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _current(w, "01", Period.annual(2023)) is None
