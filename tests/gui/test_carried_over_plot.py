"""A carried-over indicator's trend plot shows both plans' history on one time axis (issue 12
§3): the 十四五 values, schedule and target in their own style, the legend naming both plans,
the baseline year joining them; flows per year; the detail names the predecessor."""

from __future__ import annotations

from math import floor

import pytest
from carryover_scenario import successor_with_values
from PySide6.QtCore import Qt

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.main_window import MainWindow
from planmonitor.gui.plot import SHIFT


@pytest.fixture
def successor_window(zh, gui_db, qtbot):  # type: ignore[no-untyped-def]
    successor_with_values(gui_db)
    window = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(window)
    window.show()
    window.plan_box.setCurrentIndex(window.plan_box.findData("cangzhou-15"))
    assert window.context.plan is not None and window.context.plan.id == "cangzhou-15"
    return window


def _detail(window, qtbot, code: str):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        window.tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=window.tabs.tabBar().tabRect(window.tabs.indexOf(window.detail)).center(),
    )
    qtbot.waitUntil(lambda: window.detail.plot is not None)
    window.detail.show_indicator(code)
    return window.detail.plot


def test_both_plans_history_on_one_axis(successor_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plot = _detail(successor_window, qtbot, "05")  # 高新技术企业数量, a stock
    data = plot.data()
    ex, ey = data["earlier_actual"]
    assert ey == [880.0, 990.0, 1100.0, 1210.0, 1320.0]
    assert [floor(x) for x in ex] == [2021, 2022, 2023, 2024, 2025]  # each inside its year
    assert ex == pytest.approx([y + 1 - SHIFT for y in range(2021, 2026)])
    ax, ay = data["actual"]
    assert ay == [1350.0, 1400.0] and [floor(x) for x in ax] == [2026, 2026]
    # the predecessor's schedule runs 2021—2025 towards its 1300, the successor's from 1320
    px, py = data["earlier_path"]
    assert floor(min(px)) == 2020 and floor(max(px)) == 2025 and py[-1] == pytest.approx(1300)
    assert data["earlier_target"] == ([2026 - SHIFT], [1300.0])
    sx, sy = data["path"]
    assert sy[0] == 1320 and sx[0] == pytest.approx(2026 - SHIFT)  # starts at the baseline
    assert data["target"][1] == [2000, 2000]
    # the baseline year joins them: the 2025 value to the first 2026 value
    assert data["join"] == ([ex[-1], ax[0]], [1320.0, 1350.0])
    legend = plot.legend_texts()
    assert "十四五规划：实际值" in legend and "十四五规划：序时进度与目标" in legend
    assert any(t.startswith("十五五规划：序时进度") for t in legend)
    assert any(t.startswith("十五五规划：实际值") for t in legend)
    text = successor_window.detail.definition.text()
    assert (
        "上期指标" in text
        and "沧州市科技创新“十四五”规划（cangzhou）指标05“高新技术企业数量”" in text
    )
    assert "上期末年值</td><td>2025年：1320家（正式）" in text
    assert "总结评估</td><td>完成" in text


def test_a_flow_keeps_its_per_year_curves(successor_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plot = _detail(successor_window, qtbot, "09")  # 技术合同成交额, 1—N月 cumulative
    ex, ey = plot.data()["earlier_actual"]
    assert ey == [20.0, 45.0, 80.0, 120.0, 25.0, 60.0, 100.0, 150.0]
    line = plot.earlier_line
    connect = list(line.opts["connect"])[: len(ex) - 1]
    assert [bool(c) for c in connect] == [floor(ex[i]) == floor(ex[i + 1]) for i in range(7)]
    assert connect.count(0) == 1  # 2024 Q4 → 2025 Q1 is never a line
    assert plot.data()["join"] == ([], [])  # a flow restarts: nothing to join


def test_a_plan_without_predecessor_shows_no_earlier_series(successor_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plot = _detail(successor_window, qtbot, "05")
    w = successor_window
    w.plan_box.setCurrentIndex(w.plan_box.findData("cangzhou"))
    qtbot.waitUntil(lambda: w.context.plan is not None and w.context.plan.id == "cangzhou")
    w.detail.show_indicator("05")
    assert plot.data()["earlier_actual"] == ([], [])
    assert not any("十四五规划" in t for t in plot.legend_texts())


def test_a_stock_after_a_flow_draws_its_whole_schedule(successor_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plot = _detail(successor_window, qtbot, "09")  # a flow: its lines break between years
    assert plot.connected("path").count(False) >= 4
    successor_window.detail.show_indicator("05")
    px, _py = plot.data()["path"]
    assert plot.connected("path") == [True] * (len(px) - 1)  # not the flow's breaks
    ex, _ey = plot.data()["earlier_path"]
    assert plot.connected("earlier_path") == [True] * (len(ex) - 1)
