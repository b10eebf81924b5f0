"""The trend plot (issue 11 §5): years where the values are, flows per year, the target in its
year, the unit on the axis, the legend outside the data, a revision's old and new schedule."""

from __future__ import annotations

from datetime import date
from math import floor

from planmonitor.domain.periods import Period


def _detail(window, code: str):  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.detail)
    window.detail.show_indicator(code)
    assert window.detail.plot is not None
    return window.detail.plot


def _labels(plot) -> dict[str, float]:  # type: ignore[no-untyped-def]
    axis = plot.plot_item.getAxis("bottom")
    xs = plot.data()["path"][0] + plot.data()["actual"][0]
    lo, hi = min(xs) - 0.2, max(xs) + 0.2
    ((_spacing, ticks),) = axis.tickValues(lo, hi, 600)
    return dict(zip(axis.tickStrings(ticks, 1, 1), ticks, strict=True))


def test_a_stocks_values_sit_over_their_own_year(demo_window) -> None:  # type: ignore[no-untyped-def]
    plot = _detail(demo_window, "06")  # 高新技术企业数量, 221 → 300 by 2025
    xs, _ys = plot.data()["actual"]
    periods = [p for _t, _v, p in plot_trend_actual(demo_window, "06")]
    end_2023 = xs[periods.index(Period.quarter(2023, 4))]
    labels = _labels(plot)
    assert floor(labels["2023"]) == floor(end_2023) == 2023  # the 2023 value is inside "2023"
    assert "2024" in labels and floor(labels["2024"]) == 2024
    tx, ty = plot.data()["target"]
    assert ty == [300, 300] and all(2025 <= x < 2026 for x in tx)  # in the target year only
    assert plot.plot_item.getAxis("left").labelText == "家"


def test_the_legend_is_outside_the_data(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plot = _detail(demo_window, "06")
    demo_window.resize(1280, 720)
    vb = plot.plot_item.vb
    qtbot.waitUntil(lambda: plot.legend.sceneBoundingRect().top() > 100)
    legend = plot.legend.sceneBoundingRect()
    assert legend.height() > 0 and not legend.intersects(vb.sceneBoundingRect())
    assert legend.top() >= vb.sceneBoundingRect().bottom()


def test_a_flow_is_drawn_per_year_never_as_a_sawtooth(demo_window) -> None:  # type: ignore[no-untyped-def]
    plot = _detail(demo_window, "09")  # 技术合同成交总额: 1—N月 cumulative, restarts each year
    xs, _ys = plot.data()["actual"]
    joined = plot.connected("actual")
    for i in range(len(xs) - 1):
        assert joined[i] == (floor(xs[i]) == floor(xs[i + 1])), (xs[i], xs[i + 1])
    assert joined.count(False) >= 2  # Q4 → next Q1 is never a line
    px, py = plot.data()["path"]
    starts = [py[i] for i in range(len(px)) if px[i] == floor(px[i])]
    assert starts and all(v == 0 for v in starts)  # each year's schedule starts from nothing
    path_joined = plot.connected("path")
    assert all(
        path_joined[i] == (floor(px[i] + 1e-9) == floor(px[i + 1] + 1e-9))
        for i in range(len(px) - 1)
    )
    assert plot.plot_item.getAxis("left").labelText == "亿元"


def test_after_a_revision_the_old_schedule_ends_at_the_effective_date(demo_window) -> None:  # type: ignore[no-untyped-def]
    w = demo_window
    plan = w.context.plan
    ind = plan.indicator("06")
    from dataclasses import replace

    w.context.plans.revise_target(
        plan.id, "06", replace(ind.target, value=320.0), date(2023, 1, 1), "中期评估调整"
    )
    w.context.reload_plan()
    plot = _detail(w, "06")
    ox, _oy = plot.data()["old_path"]
    nx, ny = plot.data()["path"]
    assert ox and max(ox) < 2023 <= min(nx)  # old up to the effective date, new from it
    assert ny[-1] == 320
    assert plot.data()["target"][1] == [320, 320]


def plot_trend_actual(window, code: str):  # type: ignore[no-untyped-def]
    """The periods of the plotted values, in the order the plot has them."""
    from planmonitor.domain.observation import Series
    from planmonitor.domain.trend import build_trend

    plan = window.context.plan
    cur = [h for h in window.context.values.history(plan.id, code) if h.is_current]
    return build_trend(
        plan.indicator(code), Series([(h.period, h.value) for h in cur if h.value is not None])
    ).actual
