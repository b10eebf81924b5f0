"""新建规划: from a Word document to a saved plan, driven with real keys and clicks."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from planmonitor.gui.new_plan.draft_table import BASELINE, INCREASE, KEEP, NAME, QUESTIONS, UNSURE
from planmonitor.gui.workers import SynchronousPool
from planmonitor.services.plans import PlanService

sys.path.insert(0, str(Path(__file__).parents[1] / "exchange" / "plandocs"))

from make_plan_docs import county_docx


def _row(table, name: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(table.rowCount()) if table.item(r, NAME).text() == name)


def _edit(qtbot, table, row: int, col: int, text: str) -> None:  # type: ignore[no-untyped-def]
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def _ime(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_from_a_docx_to_a_saved_plan(cangzhou_window, qtbot, tmp_path: Path) -> None:
    w = cangzhou_window
    doc = tmp_path / "qinghe-15.docx"  # typed with keys: ASCII only
    county_docx(doc, note=False)  # without the 注, the [200] is a question
    w.act_new_plan.trigger()
    dialog = w.plan_editing.last_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.path_edit, str(doc))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)  # read on a worker thread
    table = dialog.table
    qtbot.waitUntil(lambda: table.rowCount() == 7, timeout=20000)
    assert dialog.title_edit.text() == "青河县科技创新“十五五”规划"
    assert (dialog.base_year.value(), dialog.target_year.value()) == (2025, 2030)
    small = _row(table, "科技型中小企业")
    assert table.is_unsure(small)
    assert table.item(small, NAME).background().color() == UNSURE
    assert table.item(small, QUESTIONS).text().startswith("？")
    assert "[200]" in table.item(small, QUESTIONS + 1).text()  # the source text is shown
    table.setCurrentCell(small, INCREASE)  # answered: yes, [200] is 200 more in five years
    qtbot.mouseClick(dialog.checked_button, Qt.MouseButton.LeftButton)
    assert not table.is_unsure(small)
    assert table.item(small, QUESTIONS).text() == ""
    hi = _row(table, "高新技术企业")
    _edit(qtbot, table, hi, BASELINE, "88")  # a correction typed in place
    assert table.indicators[hi].baseline == 88
    leader = _row(table, "科技领军企业")
    table.setCurrentCell(leader, KEEP)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # reject this row
    assert table.item(leader, KEEP).checkState() == Qt.CheckState.Unchecked
    dialog.id_edit.clear()
    qtbot.keyClicks(dialog.id_edit, "qinghe-15")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.error.text() == ""
    assert not dialog.isVisible()
    plan = PlanService(w.context.db).get("qinghe-15")
    assert plan.title == "青河县科技创新“十五五”规划" and plan.baseline_year == 2025
    names = [i.name for i in plan.indicators]
    assert "科技领军企业" not in names and len(names) == 6
    small_ind = next(i for i in plan.indicators if i.name == "科技型中小企业")
    assert (small_ind.baseline, small_ind.target.increase) == (320, 200)
    assert next(i for i in plan.indicators if i.name == "高新技术企业").baseline == 88
    assert w.context.plan is not None and w.context.plan.id == "qinghe-15"
    assert {p.id for p in w.context.plan_list()} == {"cangzhou", "qinghe-15"}


def test_a_document_that_cannot_be_read_says_so(cangzhou_window, qtbot, tmp_path: Path) -> None:
    w = cangzhou_window
    w.plan_editing.pool = SynchronousPool()
    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"not a zip")
    dialog = w.plan_editing.new_plan()
    qtbot.keyClicks(dialog.path_edit, str(bad))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert "plan.docx" in dialog.error.text()
    assert dialog.table.rowCount() == 0


def test_successor_of_the_plan_in_the_database(cangzhou_window, qtbot) -> None:
    w = cangzhou_window
    dialog = w.plan_editing.new_plan()
    qtbot.mouseClick(dialog.from_plan, Qt.MouseButton.LeftButton)
    assert dialog.predecessor_box.isVisible()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.title_edit.text() == "沧州市科技创新“十五五”规划"
    assert dialog.table.rowCount() == 17  # every indicator of 沧州, its table and its tasks
    assert (dialog.base_year.value(), dialog.target_year.value()) == (2025, 2030)
    _ime(dialog.title_edit, "")  # the title stays as proposed
    assert dialog.id_edit.text() == "cangzhou-next"


SUCCESSOR = (
    "沧州市科技创新“十五五”规划\n"
    "“十五五”时期科技创新主要指标\n"
    "序号\t指标\t2025年基数\t2030年目标\t指标属性\n"
    "1\t高新技术企业数量（家）\t—\t2000\t预期性\n"
    "2\t技术合同成交额（亿元）\t—\t260\t预期性\n"
    "3\t人工智能企业（家）\t—\t50\t预期性\n"
)


def test_a_successor_document_takes_confirmed_2025_values(
    cangzhou_window, qtbot, tmp_path: Path
) -> None:
    from planmonitor.domain.observation import Standing
    from planmonitor.domain.periods import Period
    from planmonitor.services.observations import Entry, ObservationService

    w = cangzhou_window
    obs = ObservationService(w.context.db)
    obs.record("cangzhou", Entry("05", Period.quarter(2025, 4), 1320, standing=Standing.FINAL))
    obs.record("cangzhou", Entry("09", Period.quarter(2025, 4), 140, standing=Standing.ESTIMATE))
    doc = tmp_path / "cangzhou-15.txt"
    doc.write_text(SUCCESSOR, encoding="utf-8")
    w.plan_editing.pool = SynchronousPool()
    dialog = w.plan_editing.new_plan()
    qtbot.keyClicks(dialog.path_edit, str(doc))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 3
    assert dialog.predecessor_box.isVisible() and dialog.predecessor_box.currentData() == "cangzhou"
    offers = dialog.baseline_offers()
    assert offers is not None
    shown = {
        offers.table.item(r, 1).text(): offers.table.item(r, 4).text()
        for r in range(offers.table.rowCount())
    }
    assert shown == {"高新技术企业数量": "2025年（正式）", "技术合同成交额": "2025年（预计）"}
    offers.table.setCurrentCell(1, 0)
    qtbot.keyClick(offers.table, Qt.Key.Key_Space)  # the user does not take the 预计 value
    assert dialog.take_baselines(offers) == 1
    table = dialog.table
    assert table.item(_row(table, "高新技术企业数量"), BASELINE).text() == "1320"
    assert table.item(_row(table, "技术合同成交额"), BASELINE).text() == ""
