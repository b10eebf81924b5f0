"""文件 → 导入填报数据 / 生成填报表 / 导出全部数据 from the window, checked in the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from planmonitor.domain.periods import Period
from planmonitor.gui.workers import SynchronousPool

Q3 = Period.quarter(2024, 3)


def _csv(tmp_path: Path, body: str) -> str:
    path = tmp_path / "区发改局.csv"
    path.write_text("指标名称,期间,数值\n" + body, encoding="utf-8-sig")
    return str(path)


def _value(window, code: str):  # type: ignore[no-untyped-def]
    rows = window.context.values.current("cangzhou")
    return next((o for o in rows if o.indicator == code and o.period == Q3), None)


def test_preview_then_import_all_or_nothing(cangzhou_window, tmp_path: Path) -> None:
    w = cangzhou_window
    w.exchange.pool = SynchronousPool()
    path = _csv(
        tmp_path,
        "高新技术企业数量,2024年1-9月,1010\n技术合同成交额,2024年1-9月,95.5\n"
        "院士工作站,2024年1-9月,3\n",
    )
    dialog = w.exchange.import_file(path)
    preview = dialog.preview
    assert preview is not None and preview.counts()["new"] == 2
    assert "新增2" in dialog.summary.text() and "未识别1" in dialog.summary.text()
    kinds = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert kinds.count("新增") == 2 and "未识别" in kinds
    assert _value(w, "05") is None  # nothing written before accepting
    dialog.accept_button.click()
    saved = _value(w, "05")
    assert saved is not None and saved.value == 1010
    assert saved.source.kind == "import" and saved.source.file == "区发改局.csv"
    assert saved.source.cell == "C2"
    assert _value(w, "09").value == 95.5


def test_an_unsure_name_is_asked_and_the_answer_applied(cangzhou_window, tmp_path: Path) -> None:
    w = cangzhou_window
    w.exchange.pool = SynchronousPool()
    dialog = w.exchange.import_file(_csv(tmp_path, "高新企业数,2024年1-9月,1010\n"))
    assert dialog.questions.isVisibleTo(dialog) and not dialog.accept_button.isEnabled()
    (box,) = dialog.boxes.values()
    assert box.currentData() == "05"  # the best guess is offered, not taken
    dialog.recheck.click()
    assert dialog.preview.counts()["new"] == 1 and dialog.accept_button.isEnabled()
    dialog.accept_button.click()
    assert _value(w, "05").value == 1010


def test_fill_in_workbook_and_export_from_the_menu(cangzhou_window, tmp_path: Path) -> None:
    w = cangzhou_window
    w.exchange.pool = SynchronousPool()
    out = tmp_path / "填报表.xlsx"
    assert w.exchange.write_template(out, None)
    names = [c.value for row in load_workbook(out).worksheets[1].iter_rows() for c in row]
    assert "高新技术企业数量" in names
    w.exchange.export(tmp_path / "全部数据.xlsx")
    assert (tmp_path / "全部数据.xlsx").stat().st_size > 1000


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_an_unknown_name_is_mapped_to_any_indicator_by_searching(
    cangzhou_window, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    w = cangzhou_window
    w.exchange.pool = SynchronousPool()
    dialog = w.exchange.import_file(_csv(tmp_path, "领军企业户数,2024年1-9月,4\n"))
    headers = [
        dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())
    ]
    assert "地区" in headers
    (box,) = dialog.boxes.values()
    codes = [box.itemData(i) for i in range(box.count())]
    assert set(codes) >= {"", *(i.code for i in w.context.plan.indicators)}  # every indicator
    assert box.isEditable()
    box.lineEdit().setFocus()
    box.lineEdit().selectAll()
    event = QInputMethodEvent()
    event.setCommitString("04 科技领军企业")  # typed through the input method
    QApplication.sendEvent(box.lineEdit(), event)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.currentData() == "04"
    qtbot.mouseClick(dialog.recheck, Qt.MouseButton.LeftButton)
    assert dialog.preview.counts()["new"] == 1
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert _value(w, "04").value == 4
    assert "导入1个数值" in w.statusBar().currentMessage()


def test_the_period_note_names_only_the_cells_without_a_period(
    cangzhou_window, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook
    from PySide6.QtCore import Qt

    w = cangzhou_window  # report period 2023年第三季度
    w.exchange.pool = SynchronousPool()
    wb = Workbook()
    ws = wb.active
    for r in [["指标名称", "期间", "数值"], ["高新技术企业数量", "2023年1-9月", 900]]:
        ws.append(r)
    named = tmp_path / "有期间.xlsx"
    wb.save(named)
    dialog = w.exchange.import_file(str(named))
    assert dialog.preview.counts()["new"] == 1
    assert dialog.summary.text().count("\n") == 0  # no note: the file names its period
    assert dialog.table.item(0, 6).text() == "2023年第三季度"
    dialog.reject()

    wb = Workbook()
    first = wb.active
    first.title = "三季度"
    first.append(["指标名称", "2023年1-9月"])
    first.append(["技术合同成交额", 61.5])
    second = wb.create_sheet("补报")
    second.append(["指标名称", "完成值"])
    second.append(["高新技术企业数量", 910])
    second.append(["科技领军企业", 3])
    mixed = tmp_path / "补报.xlsx"
    wb.save(mixed)
    dialog = w.exchange.import_file(str(mixed))
    note = dialog.summary.text().split("\n")[1:]
    assert note == ["• 2个数值未注明期别（补报!B2、补报!B3），按2023年第三季度导入。"]
    periods = {
        dialog.table.item(r, 2).text(): dialog.table.item(r, 6)
        for r in range(dialog.table.rowCount())
    }
    assert periods["三季度!B2"].text() == "2023年第三季度"
    assert periods["补报!B2"].text() == "2023年第三季度（文件未注明）"
    assert (
        periods["补报!B3"].font().italic()
        and "按2023年第三季度导入" in periods["补报!B3"].toolTip()
    )
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    current = {(o.indicator, o.period): o.value for o in w.context.values.current("cangzhou")}
    q3 = Period.quarter(2023, 3)
    assert (current[("09", q3)], current[("05", q3)], current[("04", q3)]) == (61.5, 910, 3)
