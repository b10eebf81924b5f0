"""Welcome page, overview, indicator detail, dialogs and languages — driven as a user would."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from planmonitor.domain.periods import Period
from planmonitor.gui import i18n
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.dialogs import IndicatorDialog, RegionDialog, ReviseDialog
from planmonitor.gui.lights import light_word
from planmonitor.gui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "planmonitor_zh_CN.ts"


def test_welcome_page_installs_a_builtin_plan(zh, gui_db, qtbot) -> None:
    window = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.welcome
    assert not window.toolbar.isVisible()
    plans = window.welcome.plans
    row = next(i for i in range(plans.count()) if "承德" in plans.item(i).text())
    plans.setCurrentRow(row)
    qtbot.mouseClick(window.welcome.use_builtin, Qt.MouseButton.LeftButton)
    assert [p.id for p in window.context.plan_list()] == ["chengde"]
    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.tabText(0) == "总览"


def test_a_bad_plan_file_is_reported_and_nothing_stored(zh, gui_db, qtbot, tmp_path) -> None:
    window = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(window)
    bad = tmp_path / "坏规划.toml"
    bad.write_text('id = "x"\ntitle = "t"\n', encoding="utf-8")
    window.welcome.load_file(str(bad))
    assert "坏规划.toml" in window.welcome.error.text()
    assert window.context.plan_list() == []


def test_the_demo_is_labelled_and_refused_in_a_real_database(zh, gui_db, qtbot) -> None:
    window = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(window)
    qtbot.mouseClick(window.welcome.demo, Qt.MouseButton.LeftButton)
    (plan,) = window.context.plan_list()
    assert plan.is_demo and "演示数据" in plan.title
    assert window.context.values.current(plan.id)  # synthetic values were written


def test_overview_groups_lights_and_opens_an_indicator(demo_window, qtbot) -> None:
    w = demo_window
    tree = w.overview.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == ["创新实力", "创新主体", "创新支撑", "创新环境", "重点任务目标"]
    first = tree.topLevelItem(0).child(0)
    statuses = {s.indicator.code: s.status for s in w.context.statuses()}
    code = first.data(0, Qt.ItemDataRole.UserRole + 1)
    symbol, word = first.text(1).split(" ")  # symbol and word, never colour alone
    assert symbol and word == light_word(statuses[code].light)
    assert statuses[code].explanation_zh == first.text(6)
    tree.scrollToItem(first)
    rect = tree.visualItemRect(first)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.tabs.currentWidget() is w.detail and w.detail.code == code


def test_the_report_period_selector_drives_every_view(demo_window) -> None:
    w = demo_window
    assert w.period_box.currentText() == "2024年第三季度"
    keys = [w.period_box.itemData(i) for i in range(w.period_box.count())]
    w.period_box.setCurrentIndex(keys.index("2022Q4"))
    assert w.context.quarter == Period.quarter(2022, 4)
    assert "2022年第四季度" in w.overview.title.text()
    assert w.entry.year.value() == 2022
    w.act_next.trigger()
    assert w.context.quarter == Period.quarter(2023, 1)


def test_detail_plots_actuals_schedule_target_and_forecast(demo_window, qtbot) -> None:
    w = demo_window
    w.tabs.setCurrentWidget(w.detail)
    w.detail.show_indicator("06")  # 高新技术企业数量 221 → 300, batch profile
    assert w.detail.plot is not None
    data = w.detail.plot.data()
    xs, ys = data["actual"]
    assert len(xs) == 15 and xs[0] == 2021.125 and ys[-1] == 267  # 2021 Q1, mid-quarter
    assert data["target"][1] == [300, 300]
    path_x, path_y = data["path"]
    assert path_y[0] == 221 and path_y[-1] == 300
    assert path_y[path_x.index(2024.625)] == 268.4  # 2023 year end held until the Q4 batch
    assert data["forecast"][0][0] == 2024.625
    assert w.detail.history.rowCount() == 15
    assert "略滞后" in w.detail.status_label.text() or "滞后" in w.detail.status_label.text()


def test_indicator_dialog_saves_metadata_and_profile(demo_window, qtbot) -> None:
    w = demo_window
    dialog = IndicatorDialog(w.context, "06", w)
    qtbot.addWidget(dialog)
    dialog.note.clear()
    qtbot.keyClicks(dialog.note, "batch Q3 and Q4")
    dialog.profile[2].setValue(50)  # half of the year's change due by the end of Q3
    dialog.own_thresholds.setCurrentIndex(1)
    dialog.yellow.setValue(95)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    ind = w.context.plans.get(w.context.plan.id).indicator("06")
    assert ind.note == "batch Q3 and Q4" and ind.profile.shares == (0.0, 0.0, 0.5, 1.0)
    assert ind.thresholds is not None and ind.thresholds.yellow == 0.95
    status = next(s.status for s in w.context.statuses() if s.indicator.code == "06")
    assert status.expected == 268.4 + 0.5 * (284.2 - 268.4)


def test_revise_dialog_keeps_the_old_target_and_needs_a_reason(demo_window, qtbot) -> None:
    w = demo_window
    dialog = ReviseDialog(w.context, "06", w)
    qtbot.addWidget(dialog)
    dialog.value.clear()
    qtbot.keyClicks(dialog.value, "280")
    dialog.effective.setDate(QDate(2024, 1, 1))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    assert "理由" in dialog.error.text() and w.context.plans.revisions(w.context.plan.id) == []
    qtbot.keyClicks(dialog.reason, "mid-term review")
    ok.click()
    (rev,) = w.context.plans.revisions(w.context.plan.id)
    assert (rev.old.value, rev.new.value, rev.effective.isoformat()) == (300, 280, "2024-01-01")
    w.tabs.setCurrentWidget(w.detail)
    w.detail.show_indicator("06")
    assert w.detail.revisions.rowCount() == 1
    assert w.detail.revisions.item(0, 3).text() == "mid-term review"


def test_region_dialog_adds_a_sub_region(demo_window, qtbot) -> None:
    w = demo_window
    dialog = RegionDialog(w.context, w)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "gxq")
    qtbot.keyClicks(dialog.name, "High-tech zone")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert [r.name for r in w.context.plans.get(w.context.plan.id).sub_regions] == [
        "High-tech zone"
    ]
    assert w.region_box.count() == 2 and w.region_action.isVisible()
    w.region_box.setCurrentIndex(1)
    lights = {s.status.reason for s in w.context.statuses()}
    assert lights == {"no_region_target"}


def test_menus_shortcuts_switch_views(demo_window, qtbot) -> None:
    w = demo_window
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentWidget() is w.entry
    qtbot.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentWidget() is w.detail
    menus = [a.text() for a in w.menuBar().actions() if a.isVisible()]  # 服务器: admins only
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]


def test_english_by_setting(demo_window, qapp, qtbot) -> None:
    i18n.install(qapp, "en")
    window = MainWindow(demo_window.context)
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "Overview"
    shown = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert shown == ["&File", "&Edit", "&View", "&Help"]
    assert "2024 Q3" in window.overview.title.text()


def test_every_visible_string_has_a_chinese_translation(tmp_path) -> None:
    """Extract the strings from the code now and check each has a finished translation."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "planmonitor" / "gui").rglob("*.py"))
    subprocess.run(
        ["pyside6-lupdate", *sources, str(REPO / "planmonitor" / "app.py"), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).getroot().iter("context")
        for m in c.iter("message")
    }
    done = {}
    for c in ET.parse(TS).getroot().iter("context"):
        for m in c.iter("message"):
            t = m.find("translation")
            if t is not None and t.get("type") is None and (t.text or "").strip():
                done[(c.findtext("name"), m.findtext("source"))] = t.text
    missing = sorted(wanted - set(done))
    assert not missing, f"strings without a Chinese translation: {missing}"
    assert len(wanted) > 100


def test_the_built_qm_matches_the_ts(tmp_path) -> None:
    built = tmp_path / "check.qm"
    subprocess.run(
        ["pyside6-lrelease", str(TS), "-qm", str(built)], check=True, capture_output=True
    )
    shipped = REPO / "resources" / "translations" / "planmonitor_zh_CN.qm"
    assert built.read_bytes() == shipped.read_bytes(), "run bash tools/update_translations.sh"


def test_offscreen_overview_of_every_seed_plan_in_both_languages(zh, qapp, qtbot, tmp_path) -> None:
    from planmonitor.services.plans import PlanService, builtin_plans
    from planmonitor.store.database import open_database

    for lang in ("zh", "en"):
        i18n.install(qapp, lang)
        for plan in builtin_plans():
            db = open_database(tmp_path / f"{plan.id}-{lang}.sqlite")
            PlanService(db).install(plan)
            window = MainWindow(MonitorContext(db))
            qtbot.addWidget(window)
            window.show()
            QApplication.processEvents()
            image = window.grab()
            out = tmp_path / f"overview-{plan.id}-{lang}.png"
            assert image.save(str(out)) and out.stat().st_size > 10_000
            assert window.overview.tree.topLevelItemCount() >= 1
            expected = "Overview" if lang == "en" else "总览"
            assert window.tabs.tabText(0) == expected
            window.close()
            db.close()
    i18n.install(qapp, "zh")
