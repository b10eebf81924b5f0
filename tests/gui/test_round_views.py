"""重点任务, 报送情况, 数据审核 and closing/reopening a quarter — driven as a user would, checked in
the widgets and in the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from planmonitor.domain.periods import Period
from planmonitor.domain.tasks import TaskState
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.entry_model import FIXED
from planmonitor.gui.main_window import MainWindow
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.quarter_locks import QuarterLocks
from planmonitor.services.tasks import TaskService

Q3 = Period.quarter(2024, 3)
PLAN = "xx-district"


def _ime(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese text arrives from the input method as a commit string."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _click_row(qtbot, table, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.fixture
def xx_window(zh, gui_db, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    PlanService(gui_db).install(plan_source(PLAN))
    window = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(window)
    window.show()
    index = [window.period_box.itemData(i) for i in range(window.period_box.count())].index(
        "2024Q3"
    )
    window.period_box.setCurrentIndex(index)
    return window


def test_the_round_tabs_are_there_in_chinese(xx_window) -> None:
    tabs = xx_window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][-3:] == [
        "重点任务",
        "报送情况",
        "数据审核",
    ]
    texts = [a.text() for a in xx_window.menuBar().actions()[0].menu().actions()]
    assert "本季度报送完成" in texts and "重新打开本季度…" in texts
    share = xx_window.round.overview_share
    assert share.text() == "报送情况：已报送0/28项（0%），26个单位未报齐"
    ObservationService(xx_window.context.db).record(PLAN, Entry("03", Q3, 1500.0))
    xx_window.context.saved()
    assert share.text() == "报送情况：已报送1/28项（4%），26个单位未报齐"


def test_task_view_records_progress_with_evidence(xx_window, qtbot, tmp_path: Path) -> None:
    w = xx_window
    view = w.round.tasks
    w.tabs.setCurrentWidget(view)
    assert view.title.text() == "2024年第三季度重点任务推进情况"
    assert view.table.rowCount() == 12
    row = [view.table.item(r, 0).text() for r in range(12)].index("3")
    _click_row(qtbot, view.table, row)
    assert view.current_key() == "3"
    view.state_box.setFocus()
    qtbot.keyClick(view.state_box, Qt.Key.Key_End)  # the last state: ■ 滞后
    assert view.state_box.currentText() == "■ 滞后"
    _ime(view.text, "已拨付800万元")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert view.message.text() == "任务3：状态为滞后时须说明原因（情况说明）"
    assert TaskService(w.context.db).current(PLAN, Q3) == {}

    _ime(view.reason, "预算调整")
    _ime(view.next_step, "四季度拨付余款")
    evidence = tmp_path / "拨付凭证.pdf"
    evidence.write_bytes(b"%PDF proof")
    view.add_attachment(evidence)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert view.message.text() == "已保存。"
    p = TaskService(w.context.db).current(PLAN, Q3)["3"]
    assert (p.state, p.text, p.reason, p.next_step) == (
        TaskState.LAGGING,
        "已拨付800万元",
        "预算调整",
        "四季度拨付余款",
    )
    assert [(a.name, a.size) for a in p.attachments] == [("拨付凭证.pdf", 10)]
    assert view.table.item(row, 3).text() == "■ 滞后"
    assert view.attachments.item(0).text() == "拨付凭证.pdf（10 B）"
    assert view.history.count() == 1
    assert view.history.item(0).text().startswith("2024年第三季度 ■ 滞后：已拨付800万元 — ")

    opened = []
    view.opener = lambda url: opened.append(Path(url.toLocalFile()))
    item = view.attachments.item(0)
    rect = view.attachments.visualItemRect(item)
    qtbot.mouseClick(view.attachments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.attachments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [(f.name, f.read_bytes()) for f in opened] == [("拨付凭证.pdf", b"%PDF proof")]


def test_reporting_view_lists_what_each_unit_has_not_sent(xx_window, qtbot) -> None:
    w = xx_window
    ObservationService(w.context.db).record(PLAN, Entry("03", Q3, 1500.0))
    w.context.saved()
    view = w.round.reporting
    w.tabs.setCurrentWidget(view)
    assert view.title.text() == "2024年第三季度报送情况"
    assert view.share.text() == "已报送1/28项（4%）"
    units = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    row = units.index("✘ 区财政局")
    assert [view.table.item(row, c).text() for c in (1, 2)] == ["1", "4"]
    _click_row(qtbot, view.table, row)
    assert [view.missing.item(i).text() for i in range(view.missing.count())] == [
        "指标04“地方财政科技支出占公共财政支出的比重”（2023年）",
        "指标05“规上工业企业研究与开发经费支出占主营业务收入比重”（2023年）",
        "任务1“加强顶层设计,坚持政策引领”（2024年第三季度）",
        "任务3“加大科技投入,强化资金保障”（2024年第三季度）",
    ]
    assert view.reminder.toPlainText().startswith(
        "区财政局：《XX区科技创新跃升行动实施方案》2024年第三季度监测数据尚缺4项"
    )
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == view.reminder.toPlainText()


def test_checks_closing_and_reopening(xx_window, qtbot) -> None:
    w = xx_window
    values = ObservationService(w.context.db)
    values.record_many(PLAN, [Entry("03", Period.quarter(2024, 2), 900.0), Entry("03", Q3, 800.0)])
    w.context.saved()
    view = w.round.checks
    w.tabs.setCurrentWidget(view)
    assert view.title.text() == "2024年第三季度数据审核"
    assert [view.table.item(0, c).text() for c in (0, 1, 3, 5, 6)] == [
        "累计值低于上季度",
        "03",
        w.context.plan.regions[0].name,  # which region's value: a city checks every county
        "1—9月累计800万元低于1—6月的900万元",
        "（待填写情况说明）",
    ]
    assert view.pending.count() == 2
    assert view.lock_state.text() == "未锁定：可以录入和导入数据。"

    w.round.act_close.trigger()  # 文件 → 本季度报送完成
    assert w.tabs.currentWidget() is view
    assert view.message.text().startswith("2024年第三季度尚不能锁定")
    assert QuarterLocks(w.context.db).history(PLAN) == []

    values.record(PLAN, Entry("03", Q3, 800.0, comment="部分资金未到位"))
    w.context.saved()
    assert view.pending.count() == 0 and view.table.item(0, 6).text() == "部分资金未到位"
    # a change while another tab is shown is caught up with when the checks are shown again
    w.tabs.setCurrentWidget(w.overview)
    values.record(PLAN, Entry("03", Q3, 800.0, comment="资金已到位"))
    w.context.saved()
    assert view.table.item(0, 6).text() == "部分资金未到位"  # not re-checked while hidden
    w.tabs.setCurrentWidget(view)
    assert view.table.item(0, 6).text() == "资金已到位"

    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert view.lock_state.text().startswith("已锁定：")
    assert not view.close_button.isEnabled() and view.reopen_button.isEnabled()
    assert QuarterLocks(w.context.db).is_closed(PLAN, Q3) is not None

    # typing into the locked quarter in 数据填报 is refused with the reason
    entry = w.entry
    w.tabs.setCurrentWidget(entry)
    entry.grid.setFocus()
    entry.grid.setCurrentIndex(entry.model.index(2, FIXED + 2))  # 03, 第三季度
    qtbot.keyClicks(entry.grid, "1")
    editor = entry.grid.focusWidget()
    qtbot.keyClicks(editor, "200")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "锁定" in entry.message.text())
    assert "2024年第三季度已于" in entry.message.text()
    current = {o.period: o.value for o in values.current(PLAN) if o.indicator == "03"}
    assert current[Q3] == 800.0

    # reopening needs a reason and is kept in the history
    w.tabs.setCurrentWidget(view)
    qtbot.mouseClick(view.reopen_button, Qt.MouseButton.LeftButton)
    assert view.message.text() == "重新打开2024年第三季度须说明原因（--reason）"
    _ime(view.reason, "财政局更正数据")
    qtbot.mouseClick(view.reopen_button, Qt.MouseButton.LeftButton)
    assert view.lock_state.text() == "未锁定：可以录入和导入数据。"
    history = [view.history.item(i).text() for i in range(view.history.count())]
    assert len(history) == 2 and history[1].endswith("重新打开2024年第三季度（财政局更正数据）")
    values.record(PLAN, Entry("03", Q3, 1200.0, comment="更正"))


def test_the_round_views_load_no_spreadsheet_library_at_start_up() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from planmonitor.gui import main_window\n"
        "print(sorted(m for m in ('openpyxl', 'docx', 'python_calamine') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
