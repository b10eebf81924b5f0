"""新建规划 stores the pairings the user confirmed as predecessor links (issue 12 §3): as the
successor of a plan in the database, and from a document with the earlier plan's values."""

from __future__ import annotations

from pathlib import Path

from carryover_scenario import predecessor_with_values
from PySide6.QtCore import Qt

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.main_window import MainWindow
from planmonitor.gui.workers import SynchronousPool
from planmonitor.services.plans import PlanService

SUCCESSOR = (
    "沧州市科技创新“十五五”规划\n"
    "“十五五”时期科技创新主要指标\n"
    "序号\t指标\t2025年基数\t2030年目标\t指标属性\n"
    "1\t高新技术企业数量（家）\t—\t2000\t预期性\n"
    "2\t技术合同成交额（亿元）\t—\t260\t预期性\n"
    "3\t科技型中小企业数量（家）\t—\t15000\t预期性\n"
    "4\t人工智能企业（家）\t—\t50\t预期性\n"
)


def _window(gui_db, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    predecessor_with_values(gui_db)
    w = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_document_successor_stores_the_ticked_pairings(zh, gui_db, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = _window(gui_db, qtbot)
    doc = tmp_path / "cz15.txt"
    doc.write_text(SUCCESSOR, encoding="utf-8")
    w.plan_editing.pool = SynchronousPool()
    dialog = w.plan_editing.new_plan()
    qtbot.keyClicks(dialog.path_edit, str(doc))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 4
    offers = dialog.baseline_offers()
    assert offers is not None
    rows = {offers.table.item(r, 1).text(): r for r in range(offers.table.rowCount())}
    # 科技型中小企业 has no 2025 value: offered without one, ticked, it still carries over
    no_value = rows["科技型中小企业数量"]
    assert offers.table.item(no_value, 3).text() == "—"
    assert offers.table.item(no_value, 4).text() == "暂无数值"
    offers.table.setCurrentCell(rows["技术合同成交额"], 0)
    qtbot.keyClick(offers.table, Qt.Key.Key_Space)  # this pairing is not taken
    assert dialog.take_baselines(offers) == 1  # one baseline (1320); two links
    dialog.id_edit.setText("cz15")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    plan = PlanService(gui_db).get("cz15")
    assert plan.predecessor is not None and plan.predecessor.id == "cangzhou"
    links = {i.name: i.predecessor for i in plan.indicators}
    assert links == {
        "高新技术企业数量": "05",
        "技术合同成交额": "",
        "科技型中小企业数量": "06",
        "人工智能企业": "",
    }


def test_the_successor_of_a_plan_in_the_database_links_every_indicator(zh, gui_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = _window(gui_db, qtbot)
    dialog = w.plan_editing.new_plan()
    qtbot.mouseClick(dialog.from_plan, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 17
    draft = dialog.edited_draft()
    assert draft.predecessor == "cangzhou"
    assert [i.predecessor for i in draft.indicators] == [i.code for i in draft.indicators]
