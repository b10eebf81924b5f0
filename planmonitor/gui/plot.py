"""The trend plot of one indicator (pyqtgraph, imported only when a plot is first shown).

The domain's times are period ends (2023 Q3 = 2023.75, the end of 2023 = 2024.0). On screen a
value sits in the middle of its quarter, so a 2023 value is drawn inside the span labelled
2023 (never over "2024"). Flows restart every year: one cumulative curve per year, never a line
from Q4 down to the next Q1. The target is drawn in its target year only; the unit is on the
value axis; the legend sits below the plot, outside the data.

An indicator carried over from the predecessor plan (十四五 → 十五五) also shows the
predecessor's values, schedule and target on the same time axis, in brown with hollow markers;
the legend names both plans, and a dotted line joins the predecessor's baseline-year value to
the successor's first value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planmonitor.domain.observation import Standing
from planmonitor.domain.trend import Trend

SYMBOLS = {Standing.ESTIMATE: "t", Standing.PRELIMINARY: "o", Standing.FINAL: "s"}
SHIFT = 0.125  # half a quarter: from a period's end to the middle of its quarter
EARLIER = "#8d6e63"  # the predecessor plan's colour


@dataclass(frozen=True)
class EarlierTrend:
    """The predecessor plan's side of a carried-over indicator, drawn beside the trend.

    ``tips`` and ``standings`` go with ``trend.actual``; ``label`` names the predecessor plan
    (十四五规划), ``current_label`` the plan shown (十五五规划).
    """

    trend: Trend
    tips: list[str]
    standings: list[Standing]
    label: str
    current_label: str


def shown(t: float) -> float:
    """The x position of a domain time (a period end) on the plot."""
    return t - SHIFT


def year_of(x: float) -> int:
    """The year whose span [Y, Y+1) holds the plot position ``x``."""
    return int(np.floor(x + 1e-9))


def date_time(d: date) -> float:
    """A date as a domain time (years)."""
    return d.year + (d.timetuple().tm_yday - 1) / 365.0


class YearAxis(pg.AxisItem):  # type: ignore[misc]
    """Each year labelled in the middle of its span (the boundaries are lines of the plot)."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        first, last = int(np.floor(minVal)), int(np.ceil(maxVal))
        step = max(1, (last - first) // 12 + 1)
        years = [y + 0.5 for y in range(first, last + 1, step) if minVal <= y + 0.5 <= maxVal]
        return [(1.0, years)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [str(year_of(v)) if abs(v - np.floor(v) - 0.5) < 1e-6 else "" for v in values]


def _per_year(points: list[tuple[float, float]]) -> tuple[list[float], list[float], Any]:
    """x, y and a pyqtgraph ``connect`` array that breaks the line between years."""
    xs = [shown(t) for t, _v in points]
    ys = [v for _t, v in points]
    connect = np.array(
        [1 if year_of(xs[i]) == year_of(xs[i + 1]) else 0 for i in range(len(xs) - 1)] + [0],
        dtype=np.int32,
    )
    return xs, ys, connect


class TrendPlot(QWidget):
    """Actual values (a marker per standing), 序时进度线, target, milestones and forecast."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        self.widget = pg.GraphicsLayoutWidget()
        self.plot_item = self.widget.addPlot(
            row=0, col=0, axisItems={"bottom": YearAxis(orientation="bottom")}
        )
        self.plot_item.showGrid(x=False, y=True, alpha=0.25)
        self.boundaries: list[pg.InfiniteLine] = []
        self.legend = pg.LegendItem(colCount=3, horSpacing=18)
        self.widget.addItem(self.legend, row=1, col=0)
        self.widget.ci.layout.setRowStretchFactor(0, 10)
        self.path = self.plot_item.plot([], [], pen=pg.mkPen("#1565c0", width=2))
        self.legend.addItem(self.path, self.tr("Schedule (序时进度)"))
        old_pen = pg.mkPen("#90a4ae", width=2, style=Qt.PenStyle.DotLine)
        self.old_path = self.plot_item.plot([], [], pen=old_pen)
        self.actual_line = self.plot_item.plot([], [], pen=pg.mkPen("#444", width=1))
        self.actual = pg.ScatterPlotItem(size=10, hoverable=True, tip=self._tip, hoverSize=14)
        self.plot_item.addItem(self.actual)
        self.legend.addItem(self.actual, self.tr("Actual (▲ estimate ● preliminary ■ final)"))
        dash = QPen(QColor("#c62828"))
        dash.setStyle(Qt.PenStyle.DashLine)
        dash.setWidthF(2)
        dash.setCosmetic(True)
        self.target = self.plot_item.plot([], [], pen=dash)
        self.target_mark = pg.ScatterPlotItem(
            size=15, symbol="star", brush=pg.mkBrush("#c62828"), pen=pg.mkPen("#c62828")
        )
        self.plot_item.addItem(self.target_mark)
        self.legend.addItem(self.target, self.tr("Target"))
        self.milestones = pg.ScatterPlotItem(size=12, symbol="d", brush=pg.mkBrush("#6a1b9a"))
        self.plot_item.addItem(self.milestones)
        fdash = pg.mkPen("#2e7d32", width=2, style=Qt.PenStyle.DashLine)
        self.forecast = self.plot_item.plot([], [], pen=fdash)
        self.legend.addItem(self.forecast, self.tr("Forecast"))
        self._old_in_legend = False
        self.labels = {
            self.path: self.tr("Schedule (序时进度)"),
            self.actual: self.tr("Actual (▲ estimate ● preliminary ■ final)"),
        }
        epen = pg.mkPen(EARLIER, width=2, style=Qt.PenStyle.DashDotLine)
        self.earlier_path = self.plot_item.plot([], [], pen=epen)
        self.earlier_line = self.plot_item.plot([], [], pen=pg.mkPen(EARLIER, width=1))
        self.earlier_actual = pg.ScatterPlotItem(
            size=10,
            hoverable=True,
            tip=self._tip,
            hoverSize=14,
            brush=pg.mkBrush("w"),  # (as the legend's sample draws it too)
            pen=pg.mkPen(EARLIER, width=2),
        )
        self.plot_item.addItem(self.earlier_actual)
        self.earlier_target = pg.ScatterPlotItem(
            size=14, symbol="star", brush=pg.mkBrush("w"), pen=pg.mkPen(EARLIER, width=2)
        )
        self.plot_item.addItem(self.earlier_target)
        self.join = self.plot_item.plot(
            [], [], pen=pg.mkPen("#444", width=1, style=Qt.PenStyle.DotLine)
        )
        self._earlier_in_legend = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.widget)

    def _tip(self, x: float, y: float, data: object) -> str:
        return str(data) if data else f"{y:g}"

    def show_trend(
        self,
        trend: Trend,
        tips: list[str],
        standings: list[Standing],
        unit: str = "",
        flow: bool = False,
        old_path: list[tuple[float, float]] | None = None,
        revised: date | None = None,
        earlier: EarlierTrend | None = None,
    ) -> None:
        """Show one indicator's trend; ``tips`` and ``standings`` go with ``trend.actual``.

        ``flow``: the values restart each year (cumulative 1—N月). ``old_path`` and ``revised``:
        the schedule before a target revision, drawn up to its effective date (the current
        path from then on). ``earlier``: the predecessor plan's side of a carried-over
        indicator.
        """
        path = list(trend.path)
        if revised is not None and old_path:
            cut = date_time(revised)
            before = [p for p in old_path if p[0] <= cut]
            path = [p for p in path if p[0] > cut]
            self._show_old(before, flow)
        else:
            self._show_old([], flow)
        if flow:
            starts = sorted({int(t - 1e-9) for t, _v in path})
            path = sorted(path + [(y + SHIFT, 0.0) for y in starts])
            px, py, pc = _per_year(path)
            self.path.setData(px, py, connect=pc)
        else:  # ("all" said each time: pyqtgraph keeps a flow's connect array otherwise)
            self.path.setData([shown(t) for t, _v in path], [v for _t, v in path], connect="all")
        actual = [(a[0], a[1]) for a in trend.actual]
        xs, ys, connect = _per_year(actual)
        self.actual_line.setData(xs, ys, connect=connect if flow else "all")
        self.actual.setData(
            [
                {
                    "pos": QPointF(x, y),
                    "symbol": SYMBOLS.get(s, "o"),
                    "data": tip,
                    "brush": pg.mkBrush("#333"),
                    "pen": pg.mkPen("#333"),
                }
                for x, y, tip, s in zip(xs, ys, tips, standings, strict=True)
            ]
        )
        if trend.target is not None:
            t, value = trend.target
            year = year_of(shown(t))
            self.target.setData([year + 0.02, shown(t)], [value, value])
            self.target_mark.setData([shown(t)], [value])
        else:
            self.target.setData([], [])
            self.target_mark.setData([], [])
        self.milestones.setData(
            [shown(m[0]) for m in trend.milestones], [m[1] for m in trend.milestones]
        )
        if trend.forecast is not None:
            (x0, y0), (x1, y1) = trend.forecast
            self.forecast.setData([shown(x0), shown(x1)], [y0, y1])
        else:
            self.forecast.setData([], [])
        self.plot_item.setLabel("left", unit or None)
        ex = self._show_earlier(earlier, flow, actual)
        self._year_lines(xs + [shown(t) for t, _v in path] + ex)
        self.plot_item.enableAutoRange()

    def _show_earlier(
        self, earlier: EarlierTrend | None, flow: bool, actual: list[tuple[float, float]]
    ) -> list[float]:
        """Draw (or clear) the predecessor's side; returns the x positions it covers."""
        if earlier is None:
            for item in (self.earlier_path, self.earlier_line, self.join):
                item.setData([], [])
            self.earlier_actual.setData([])
            self.earlier_target.setData([], [])
            self._earlier_legend(None)
            return []
        t = earlier.trend
        path = list(t.path)
        if flow:
            starts = sorted({int(x - 1e-9) for x, _v in path})
            px, py, pc = _per_year(sorted(path + [(y + SHIFT, 0.0) for y in starts]))
            self.earlier_path.setData(px, py, connect=pc)
        else:
            px = [shown(x) for x, _v in path]
            self.earlier_path.setData(px, [v for _x, v in path], connect="all")
        points = [(a[0], a[1]) for a in t.actual]
        xs, ys, connect = _per_year(points)
        self.earlier_line.setData(xs, ys, connect=connect if flow else "all")
        self.earlier_actual.setData(
            [
                {
                    "pos": QPointF(x, y),
                    "symbol": SYMBOLS.get(st, "o"),
                    "data": tip,
                    "brush": pg.mkBrush("w"),
                    "pen": pg.mkPen(EARLIER, width=2),
                }
                for x, y, tip, st in zip(xs, ys, earlier.tips, earlier.standings, strict=True)
            ]
        )
        if t.target is not None:
            self.earlier_target.setData([shown(t.target[0])], [t.target[1]])
        else:
            self.earlier_target.setData([], [])
        # the baseline year joins the plans: its last value to the successor's first (stocks)
        if not flow and points and actual:
            self.join.setData([xs[-1], shown(actual[0][0])], [ys[-1], actual[0][1]])
        else:
            self.join.setData([], [])
        self._earlier_legend(earlier)
        return xs + list(px)

    def _earlier_legend(self, earlier: EarlierTrend | None) -> None:
        """Name both plans in the legend while the predecessor is shown."""
        if self._earlier_in_legend:
            self.legend.removeItem(self.earlier_actual)
            self.legend.removeItem(self.earlier_path)
            self._earlier_in_legend = False
        for item, text in self.labels.items():
            label = self.legend.getLabel(item)
            if label is not None:
                label.setText(
                    text
                    if earlier is None
                    else self.tr("{plan}: {what}").format(plan=earlier.current_label, what=text)
                )
        self.legend.setColumnCount(3 if earlier is None else 2)  # longer labels: two columns
        if earlier is not None:
            self.legend.addItem(
                self.earlier_actual, self.tr("{plan}: actual").format(plan=earlier.label)
            )
            self.legend.addItem(
                self.earlier_path, self.tr("{plan}: schedule and target").format(plan=earlier.label)
            )
            self._earlier_in_legend = True

    def legend_texts(self) -> list[str]:
        """The legend's entries in order (for tests)."""
        return [label.text for _sample, label in self.legend.items]

    def _year_lines(self, xs: list[float]) -> None:
        """A thin line at every year boundary the data span."""
        for line in self.boundaries:
            self.plot_item.removeItem(line)
        self.boundaries = []
        if not xs:
            return
        for year in range(year_of(min(xs)), year_of(max(xs)) + 2):
            line = pg.InfiniteLine(pos=year, angle=90, pen=pg.mkPen("#cfd8dc", width=1))
            self.plot_item.addItem(line, ignoreBounds=True)
            self.boundaries.append(line)

    def _show_old(self, points: list[tuple[float, float]], flow: bool) -> None:
        if flow and points:
            xs, ys, connect = _per_year(points)
            self.old_path.setData(xs, ys, connect=connect)
        else:
            xs, ys = [shown(t) for t, _v in points], [v for _t, v in points]
            self.old_path.setData(xs, ys, connect="all")
        if points and not self._old_in_legend:
            self.legend.addItem(self.old_path, self.tr("Schedule before the revision"))
            self._old_in_legend = True
        elif not points and self._old_in_legend:
            self.legend.removeItem(self.old_path)
            self._old_in_legend = False

    def data(self) -> dict[str, tuple[list[float], list[float]]]:
        """What is drawn, in plot coordinates, for tests (``getData`` of every item)."""

        def get(item: Any) -> tuple[list[float], list[float]]:
            x, y = item.getData()
            return ([] if x is None else list(x), [] if y is None else list(y))

        return {
            "path": get(self.path),
            "old_path": get(self.old_path),
            "actual": get(self.actual),
            "target": get(self.target),
            "milestones": get(self.milestones),
            "forecast": get(self.forecast),
            "earlier_path": get(self.earlier_path),
            "earlier_actual": get(self.earlier_actual),
            "earlier_target": get(self.earlier_target),
            "join": get(self.join),
        }

    def connected(self, name: str) -> list[bool]:
        """For a line: whether each point is joined to the next (tests of per-year flows)."""
        item = {
            "path": self.path,
            "actual": self.actual_line,
            "earlier_path": self.earlier_path,
            "earlier_actual": self.earlier_line,
        }[name]
        x, _y = item.getData()
        n = 0 if x is None else len(x)
        connect = item.opts.get("connect", "all")
        if isinstance(connect, str):
            return [True] * max(n - 1, 0)
        return [bool(c) for c in list(connect)[: max(n - 1, 0)]]
