"""报送与审核 in the window: the quarter's 报送情况, submit, approve, return with a reason (checked
in the database); on a server a county's account starts on its region and cannot approve."""

from __future__ import annotations

import pytest
from pg_accounts import Server, new_server, server
from PySide6.QtCore import Qt

from planmonitor.domain.periods import Period
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.main_window import MainWindow
from planmonitor.gui.review_dialog import ReviewDialog
from planmonitor.services.plans import PlanService
from planmonitor.services.review import ReviewService

__all__ = ["new_server", "server"]
Q3 = Period.quarter(2023, 3)


def _row(dialog: ReviewDialog, name: str) -> int:
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    return names.index(name)


def _state(dialog: ReviewDialog, name: str) -> str:
    return dialog.table.item(_row(dialog, name), 1).text()


def test_submit_approve_and_return_with_a_reason(cangzhou_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    PlanService(w.context.db).add_region("cangzhou", "cangxian", "沧县")
    w.context.reload_plan()
    dialog = ReviewDialog(w.context, w)
    qtbot.addWidget(dialog)
    assert "2023年第三季度" in dialog.windowTitle()
    assert _state(dialog, "沧县") == "未报送"
    dialog.table.selectRow(_row(dialog, "沧县"))
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert "尚未报送" in dialog.message.text()
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert _state(dialog, "沧县") == "已报送"
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    assert "写明原因" in dialog.message.text()
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Q3 data incomplete")
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    assert _state(dialog, "沧县") == "退回"
    assert dialog.table.item(_row(dialog, "沧县"), 2).text() == "Q3 data incomplete"
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert _state(dialog, "沧县") == "审核通过（已锁定）"
    (st,) = [
        s for s in ReviewService(w.context.db).states("cangzhou", Q3) if s.region == "cangxian"
    ]
    assert (st.state, st.reason, st.locked) == ("approved", "", True)


@pytest.mark.postgres
def test_a_county_account_starts_on_its_region_and_cannot_approve(
    zh,
    qtbot,
    server: Server,  # type: ignore[no-untyped-def]
) -> None:
    db = server.open("cangxian")
    try:
        window = MainWindow(MonitorContext(db))
        qtbot.addWidget(window)
        assert window.context.region == "cangxian"
        assert window.region_box.currentData() == "cangxian"
        dialog = ReviewDialog(window.context, window)
        qtbot.addWidget(dialog)
        assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["沧县"]
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        assert _state(dialog, "沧县") == "已报送"
        assert dialog.table.item(0, 3).text() == "cangxian"  # stamped by the server
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
        assert "数据库拒绝审核通过：账户“cangxian”" in dialog.message.text()
        assert _state(dialog, "沧县") == "已报送"
        window.close()
    finally:
        db.close()
