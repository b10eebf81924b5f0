"""The overview of a sub-region whose quota share has a baseline but no amount shows the grey
light and its sentence (it used to stop the window with an AssertionError)."""

from __future__ import annotations

from planmonitor.domain.indicator import Cadence, Comparator, Indicator, Nature, Target, TargetForm
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.main_window import MainWindow
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plan_settings import PlanSettingsService
from planmonitor.services.plans import PlanService

QUOTA = Indicator(
    "Q1", "实施市级以上科技计划", "项", Target(TargetForm.QUOTA, Comparator.GE, 30.0), 2020, 2025,
    nature=Nature.FLOW, cadence=Cadence.CUMULATIVE_FLOW, decimals=0,
)  # fmt: skip


def make_plan_db(db) -> None:  # type: ignore[no-untyped-def]
    plans = PlanService(db)
    plans.install(Plan("t16", "测试规划", "测试县", 2020, 2025, (QUOTA,)))
    plans.add_region("t16", "town", "一镇")
    PlanSettingsService(db).set_region_targets("t16", "Q1", [("town", None, 5.0)])
    entry = Entry("Q1", Period.quarter(2023, 3), 20.0, region="town")
    ObservationService(db).record_many("t16", [entry], by="测试")


def _texts(tree) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for i in range(tree.topLevelItemCount()):
        stack = [tree.topLevelItem(i)]
        while stack:
            item = stack.pop()
            out += [item.text(c) for c in range(tree.columnCount())]
            out += [item.toolTip(c) for c in range(tree.columnCount())]
            stack += [item.child(k) for k in range(item.childCount())]
    return out


def test_overview_of_the_town_shows_no_target(zh, gui_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    make_plan_db(gui_db)
    window = MainWindow(MonitorContext(gui_db))
    qtbot.addWidget(window)
    window.show()
    keys = [window.period_box.itemData(i) for i in range(window.period_box.count())]
    window.period_box.setCurrentIndex(keys.index("2023Q3"))
    window.region_box.setCurrentIndex(window.region_box.findData("town"))
    assert window.context.quarter == Period.quarter(2023, 3)
    (st,) = [i.status for i in window.context.statuses() if i.indicator.code == "Q1"]
    assert st.reason == "no_target"
    qtbot.waitUntil(
        lambda: any("未设每年额度" in t for t in _texts(window.overview.tree)), timeout=5000
    )
