"""The 文件 and 编辑 menus, dialogs and window (issue 11 §6, §7, §9, §10), driven through the
real menus, file dialogs and keys; checked in the database and on disk."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION
from planmonitor.gui.context import MonitorContext, default_quarter
from planmonitor.gui.dialogs import ReviseDialog
from planmonitor.gui.exchange_actions import TemplateDialog
from planmonitor.gui.file_dialogs import remember_folder
from planmonitor.gui.main_window import MainWindow
from planmonitor.gui.plan_dialogs import (
    BaselineDialog,
    PlanSettingsDialog,
    RegionTargetDialog,
    ResponsibleUnitsDialog,
)
from planmonitor.services.observations import Entry
from planmonitor.services.plan_settings import PlanSettingsService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.templates import units_of
from planmonitor.store.database import open_database

Q3 = Period.quarter(2023, 3)
seen: dict[str, object] = {}


def _shown(kind):  # type: ignore[no-untyped-def]
    """The visible top-level window of type ``kind``, if any."""
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
    )


def _type_cell(qtbot, table, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into a table's current cell as a user does (the first key opens the editor)."""
    qtbot.keyClicks(table, text[0])
    editor = table.window().focusWidget()
    if len(text) > 1:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def _ime_commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese text arrives from the input method as a commit string, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _answer_file_dialog(qtbot, *names: str) -> None:  # type: ignore[no-untyped-def]
    """When the next file dialog opens: note its labels and folder, then type each name (a
    sub-folder + Enter opens it; the last one is the file) and click 打开/保存."""

    def answer() -> None:
        dialog = _shown(QFileDialog)
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen["look_in"] = dialog.labelText(QFileDialog.DialogLabel.LookIn)
        seen["folder"] = dialog.directory().absolutePath()
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        for folder in names[:-1]:
            edit.selectAll()
            qtbot.keyClicks(edit, folder)
            qtbot.keyClick(edit, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda f=folder: dialog.directory().dirName() == f)
        edit.selectAll()
        qtbot.keyClicks(edit, names[-1])
        box = dialog.findChild(QDialogButtonBox, "buttonBox")
        ok = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, answer)


def _press_yes_on_the_question() -> None:
    def answer() -> None:
        box = _shown(QMessageBox)
        if box is None:
            QTimer.singleShot(20, answer)
            return
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(20, answer)


def _value(db_path: Path, code: str) -> float | None:
    con = sqlite3.connect(db_path)
    try:
        row = con.execute(
            "select o.value from observations o join indicators i on o.indicator_id = i.id "
            "where i.code = ? and o.superseded_at is null",
            (code,),
        ).fetchone()
    finally:
        con.close()
    return None if row is None else row[0]


def test_back_up_and_restore_through_the_file_menu(cangzhou_window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    values = w.context.values
    values.record_many("cangzhou", [Entry("05", Q3, 990, ROOT_REGION, Standing.FINAL, "")])
    backup = tmp_path / "backups" / "q3.sqlite"  # typed with key events: ASCII only
    backup.parent.mkdir()
    remember_folder("backup", str(backup))  # the folder used last time
    _answer_file_dialog(qtbot, "q3.sqlite")
    w.act_backup.trigger()
    assert seen["look_in"] == "查找范围(&L)："  # Qt's own dialog, in Chinese
    assert seen["folder"] == str(backup.parent)  # opened in the last folder
    assert backup.is_file() and _value(backup, "05") == 990
    values.record_many("cangzhou", [Entry("05", Q3, 1111, ROOT_REGION, Standing.FINAL, "")])
    current = Path(w.context.db.location)
    w.databases.restore(str(backup))
    new = w.databases.successor
    assert new is not None and new.isVisible() and not w.isVisible()
    assert _value(current, "05") == 990  # the backup's data are back
    kept = list(current.parent.glob(f"{current.stem}-恢复前备份-*.sqlite"))
    assert len(kept) == 1 and _value(kept[0], "05") == 1111  # and the replaced data are kept
    assert "恢复" in new.statusBar().currentMessage()
    new.close()


def test_a_file_that_is_no_database_is_refused_and_nothing_changes(
    cangzhou_window, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    w.context.values.record_many("cangzhou", [Entry("05", Q3, 990, ROOT_REGION)])
    bad = tmp_path / "笔记.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    assert w.databases.restore(str(bad)) is None
    assert len(shown) == 1 and "笔记.sqlite 不是 PlanMonitor 的数据库文件" in shown[0]
    assert _value(Path(w.context.db.location), "05") == 990
    assert not list(tmp_path.glob("*恢复前备份*"))


def test_open_another_database_and_the_recent_list(cangzhou_window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    first = Path(w.context.db.location)
    other = tmp_path / "other.sqlite"
    db = open_database(other)
    PlanService(db).install(plan_source("chengde"))
    db.close()
    new = w.databases.open_path(str(other))
    assert new is not None and Path(new.context.db.location) == other
    assert new.context.plan is not None and new.context.plan.id == "chengde"
    recent = [a.text() for a in new.recent_menu.actions()]
    assert str(first.resolve()) in recent and str(other.resolve()) not in recent
    back = next(a for a in new.recent_menu.actions() if a.text() == str(first.resolve()))
    back.trigger()
    again = new.databases.successor
    assert again is not None and again.context.plan.id == "cangzhou"
    again.close()


def test_window_size_is_remembered(zh, gui_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    PlanService(gui_db).install(plan_source("cangzhou"))
    w = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(w)
    w.show()
    w.resize(780, 600)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (780, 600))
    w.close()
    again = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (780, 600)


def test_the_language_menu_shows_the_language_and_says_a_change_needs_a_restart(
    cangzhou_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    assert w.act_zh.isChecked() and not w.act_en.isChecked()
    w.act_en.trigger()
    assert w.act_en.isChecked() and not w.act_zh.isChecked()
    from planmonitor.app import settings_language

    assert settings_language() == "en"
    assert (
        "重新启动" in w.statusBar().currentMessage() and "English" in w.statusBar().currentMessage()
    )


def test_dialogs_fit_their_content_and_dates_are_typed(cangzhou_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    for dialog in (ReviseDialog(w.context, "10", w), TemplateDialog(w.context, w)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() >= dialog.sizeHint().width()
        assert dialog.height() >= dialog.sizeHint().height()
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and not label.wordWrap():
                assert label.width() >= label.sizeHint().width(), label.text()
    revise = ReviseDialog(w.context, "05", w)
    qtbot.addWidget(revise)
    revise.show()
    revise.effective.setFocus()
    revise.effective.setSelectedSection(revise.effective.Section.YearSection)
    qtbot.keyClicks(revise.effective, "20240701")  # each section moves on when full
    assert revise.effective.date() == QDate(2024, 7, 1)
    assert revise.effective.calendarPopup()


def test_first_start_picks_a_sensible_report_period(zh, gui_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = plan_source("cangzhou")  # 2020 → 2025
    assert default_quarter(plan, None, date(2026, 12, 1)) == Period.quarter(2025, 4)
    assert default_quarter(plan, None, date(2024, 5, 2)) == Period.quarter(2024, 1)
    assert default_quarter(plan, Period.quarter(2024, 2), date(2026, 12, 1)) == Period.quarter(
        2024, 2
    )
    assert default_quarter(plan, Period.annual(2023), date(2026, 12, 1)) == Period.quarter(2023, 4)


def test_edit_actions_are_disabled_without_a_plan(zh, gui_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(w)
    w.show()
    for act in (w.act_revise, w.act_edit_indicator, w.act_import, w.act_report, w.act_baseline):
        assert not act.isEnabled(), act.text()
    assert w.act_open_db.isEnabled() and w.act_add_plan.isEnabled()
    plans = w.welcome.plans
    plans.setCurrentRow(next(i for i in range(plans.count()) if "沧州" in plans.item(i).text()))
    qtbot.mouseClick(w.welcome.use_builtin, Qt.MouseButton.LeftButton)
    assert w.act_revise.isEnabled() and w.act_import.isEnabled()


def test_enter_a_missing_baseline(cangzhou_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    before = next(s for s in w.context.statuses() if s.indicator.code == "04")
    assert before.indicator.baseline is None
    dialog = BaselineDialog(w.context, None, w)
    qtbot.addWidget(dialog)
    assert dialog.indicator.currentData() == "04"  # the one the plan left empty comes first
    assert dialog.current.text() == "空缺"
    qtbot.keyClicks(dialog.value, "2")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert w.context.plans.get("cangzhou").indicator("04").baseline == 2
    after = next(s for s in w.context.statuses() if s.indicator.code == "04")
    assert "基数" not in after.status.explanation("zh") or after.indicator.baseline == 2


def test_sub_region_targets_are_entered_in_a_table(cangzhou_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    w.context.plans.add_region("cangzhou", "yunhe", "运河区")
    w.context.plans.add_region("cangzhou", "xinhua", "新华区")
    w.context.reload_plan()
    dialog = RegionTargetDialog(w.context, "05", w)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    assert [table.item(r, 0).text() for r in range(2)] == ["运河区", "新华区"]
    for row, (base, target) in enumerate((("100", "300"), ("80", "250"))):
        for col, text in ((1, base), (2, target)):
            table.setFocus()
            table.setCurrentCell(row, col)
            _type_cell(qtbot, table, text)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    shares = PlanSettingsService(w.context.db).region_targets("cangzhou", "05")
    assert [(s.region, s.baseline, s.target) for s in shares] == [
        ("yunhe", 100, 300),
        ("xinhua", 80, 250),
    ]
    bad = RegionTargetDialog(w.context, "05", w)
    qtbot.addWidget(bad)
    bad.table.item(1, 2).setText("两百")
    bad.buttons.button(bad.buttons.StandardButton.Ok).click()
    assert "新华区·目标" in bad.error.text() and "两百" in bad.error.text()
    assert PlanSettingsService(w.context.db).region_targets("cangzhou", "05")[1].target == 250


def test_plan_thresholds_and_tolerance(cangzhou_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    dialog = PlanSettingsDialog(w.context, w)
    qtbot.addWidget(dialog)
    dialog.yellow.selectAll()
    qtbot.keyClicks(dialog.yellow, "85")
    dialog.tolerance.selectAll()
    qtbot.keyClicks(dialog.tolerance, "0.3")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    st = w.context.plans.get("cangzhou").settings
    assert (st.thresholds.yellow, st.approx_tolerance) == (0.85, 0.3)
    wrong = PlanSettingsDialog(w.context, w)
    qtbot.addWidget(wrong)
    wrong.green.setValue(80)  # green below yellow
    wrong.buttons.button(wrong.buttons.StandardButton.Ok).click()
    assert "阈值" in wrong.error.text()
    assert w.context.plans.get("cangzhou").settings.thresholds.green == 1.0


def test_responsible_units_feed_the_fill_in_workbook(cangzhou_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    dialog = ResponsibleUnitsDialog(w.context, w)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.setFocus()
    dialog.table.setCurrentCell(4, 1)  # 05 高新技术企业数量
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.focusWidget()
    _ime_commit(editor, "市科技局")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.state() != dialog.table.State.EditingState)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    plan = w.context.plans.get("cangzhou")
    assert plan.indicator("05").responsible == ("市科技局",)
    assert "市科技局" in units_of(plan)
    template = TemplateDialog(w.context, w)
    qtbot.addWidget(template)
    assert template.unit.findData("市科技局") >= 0
