"""数据审核 while typing: a value that trips a data check is saved, marked, named in the message and
its comment field offered; a comment marks it explained; the 数据审核 tab follows. Real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from planmonitor.domain.periods import Period
from planmonitor.gui.entry_model import CHECK_EXPLAINED, CHECK_OPEN, CHECK_ROLE, FIXED
from planmonitor.services.reporting_round import RoundService

Q2, Q3 = Period.quarter(2023, 2), Period.quarter(2023, 3)
TECH = 8  # 09 技术合同成交额 (亿元, 1—N月累计)
HIGH_TECH_SHARE = 6  # 07 高新技术产业增加值占规模以上工业增加值比重 (%)
FIRMS = 4  # 05 高新技术企业数量


def _current(window, code: str, period: Period):  # type: ignore[no-untyped-def]
    values = window.context.values.current("cangzhou")
    return next((o for o in values if o.indicator == code and o.period == period), None)


def _go(window, row: int, col: int) -> None:  # type: ignore[no-untyped-def]
    entry = window.entry
    window.tabs.setCurrentWidget(entry)
    entry.grid.setFocus()
    entry.grid.setCurrentIndex(entry.model.index(row, col))


def _type(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    grid = window.entry.grid
    qtbot.keyClicks(grid, text[0])
    editor = grid.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)


def _ime(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _mark(window, row: int, col: int) -> object:  # type: ignore[no-untyped-def]
    return window.entry.model.index(row, col).data(CHECK_ROLE)


def _check_rows(window) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """The 数据审核 tab's rows as a user sees them on opening it (it checks when shown), without
    the region column (every value here is the city's own); back to the tab that was open."""
    was = window.tabs.currentWidget()
    window.tabs.setCurrentWidget(window.round.checks)
    table = window.round.checks.table
    rows = [
        tuple(table.item(r, c).text() for c in range(table.columnCount()) if c != 3)
        for r in range(table.rowCount())
    ]
    window.tabs.setCurrentWidget(was)
    return rows


def test_a_decreasing_year_to_date_value_is_marked_until_a_comment_explains_it(
    cangzhou_window, qtbot
) -> None:
    w = cangzhou_window
    entry = w.entry
    _go(w, TECH, FIXED + 1)
    _type(qtbot, w, "15")
    assert _mark(w, TECH, FIXED + 1) is None
    assert entry.message.text() == "已保存。"
    _go(w, TECH, FIXED + 2)
    _type(qtbot, w, "12")  # 1—9月 below 1—6月

    saved = _current(w, "09", Q3)
    assert saved is not None and saved.value == 12  # saved, never refused
    assert _mark(w, TECH, FIXED + 2) == CHECK_OPEN
    tip = entry.model.index(TECH, FIXED + 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "09 技术合同成交额 2023年第三季度：累计值低于上季度" in tip
    assert "1—9月累计12亿元低于1—6月的15亿元" in tip and "须填写情况说明" in tip
    message = entry.message.text()
    assert "09 技术合同成交额 2023年第三季度：累计值低于上季度" in message
    assert "情况说明" in message and entry.message.property("warning") is True
    # the comment of the flagged value is offered: the grid goes back to it, the cursor is there
    qtbot.waitUntil(lambda: entry.comment.hasFocus())
    assert entry.grid.currentIndex().row() == TECH
    assert entry.grid.currentIndex().column() == FIXED + 2
    assert entry.note_key == ("09", Q3)
    # the 数据审核 tab lists it, without a comment
    rows = _check_rows(w)
    assert ("累计值低于上季度", "09", "技术合同成交额", "2023年第三季度") in [r[:4] for r in rows]
    assert [r[5] for r in rows if r[1] == "09"] == ["（待填写情况说明）"]
    pending = [w.round.checks.pending.item(i).text() for i in range(w.round.checks.pending.count())]
    assert w.tabs.currentWidget() is entry
    assert any("09“技术合同成交额”" in p and "累计值低于上季度" in p for p in pending)

    _ime(entry.comment, "合同登记口径调整，部分合同移至下年")
    qtbot.keyClick(entry.comment, Qt.Key.Key_Return)

    assert _current(w, "09", Q3).comment == "合同登记口径调整，部分合同移至下年"
    assert _mark(w, TECH, FIXED + 2) == CHECK_EXPLAINED
    tip = entry.model.index(TECH, FIXED + 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "已说明" in tip and "须填写情况说明" not in tip
    assert "已有情况说明" in entry.message.text()
    assert entry.message.property("warning") is False
    assert entry.grid.hasFocus()  # Enter in the comment: typing goes on in the grid
    rows = _check_rows(w)
    assert [r[5] for r in rows if r[1] == "09"] == ["合同登记口径调整，部分合同移至下年"]
    found = RoundService(w.context.db).check("cangzhou", Q3)
    assert [(f.code, f.rule.value, f.resolved) for f in found] == [("09", "ytd_decrease", True)]


def test_a_share_over_100_typed_or_pasted_is_marked(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    entry = w.entry
    _go(w, HIGH_TECH_SHARE, FIXED + 2)
    _type(qtbot, w, "120")
    assert _current(w, "07", Q3).value == 120
    assert _mark(w, HIGH_TECH_SHARE, FIXED + 2) == CHECK_OPEN
    assert "比重超过100%" in entry.message.text() and "比重为120%，超过100%" in entry.message.text()
    rows = _check_rows(w)
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        ("比重超过100%", "07", "2023年第三季度", "比重为120%，超过100%")
    ]
    assert rows[0][2] == "高新技术产业增加值占规模以上工业增加值比重"
    # pasted: Q1 and Q2 as Excel puts them on the clipboard, Q2 over 100
    QGuiApplication.clipboard().setText("45\t130\r\n")
    _go(w, HIGH_TECH_SHARE, FIXED)
    qtbot.keyClick(entry.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _current(w, "07", Period.quarter(2023, 2)).value == 130
    assert _mark(w, HIGH_TECH_SHARE, FIXED) is None
    assert _mark(w, HIGH_TECH_SHARE, FIXED + 1) == CHECK_OPEN
    assert "2023年第二季度：比重超过100%" in entry.message.text()
    qtbot.waitUntil(lambda: entry.comment.hasFocus())
    assert entry.note_key == ("07", Period.quarter(2023, 2))


def test_a_normal_value_is_not_marked(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    _go(w, FIRMS, FIXED + 2)
    _type(qtbot, w, "990")
    assert _current(w, "05", Q3).value == 990
    assert _mark(w, FIRMS, FIXED + 2) is None
    assert w.entry.message.text() == "已保存。" and not w.entry.message.property("warning")
    tip = w.entry.model.index(FIRMS, FIXED + 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "审核" not in tip
    assert w.entry.grid.currentIndex().row() == FIRMS + 1  # Enter moved down as usual
    assert _check_rows(w) == []


def test_a_falling_stock_and_an_old_estimate_are_marked(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    entry = w.entry
    _go(w, FIRMS, FIXED + 1)
    _type(qtbot, w, "1000")
    _go(w, FIRMS, FIXED + 2)
    _type(qtbot, w, "850")
    assert _mark(w, FIRMS, FIXED + 2) == CHECK_OPEN
    message = entry.message.text()
    assert "05 高新技术企业数量 2023年第三季度：存量明显下降" in message
    assert "下降15.0%" in message and "证书到期未重新认定" in message
    # a 预计 value two quarters before the report quarter (2023Q3), set by the standing box
    _go(w, FIRMS, FIXED)
    _type(qtbot, w, "900")
    assert _mark(w, FIRMS, FIXED) is None
    _go(w, FIRMS, FIXED)
    entry.standing.setFocus()
    while entry.standing.currentData() != "预计":
        qtbot.keyClick(entry.standing, Qt.Key.Key_Up)
    assert _current(w, "05", Period.quarter(2023, 1)).standing.value == "预计"
    assert _mark(w, FIRMS, FIXED) == CHECK_OPEN
    assert "2023年第一季度：预计数未更新" in entry.message.text()
    rules = {(r[0], r[3]) for r in _check_rows(w)}
    assert rules == {("存量明显下降", "2023年第三季度"), ("预计数未更新", "2023年第一季度")}
