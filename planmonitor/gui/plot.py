"""The trend plot of one indicator (pyqtgraph, imported only when a plot is first shown).

Items are created once and updated with ``setData``; the domain prepares the arrays.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planmonitor.domain.observation import Standing
from planmonitor.domain.trend import Trend

SYMBOLS = {Standing.ESTIMATE: "t", Standing.PRELIMINARY: "o", Standing.FINAL: "s"}


class QuarterAxis(pg.AxisItem):  # type: ignore[misc]
    """A time axis in years: a year's ticks at its start (2024), quarter ends between (Q1…Q3)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        out = []
        for v in values:
            year = int(v + 1e-6)
            q = round((v - year) * 4)
            out.append(str(year) if q == 0 else f"Q{q}")
        return out

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        years = [float(y) for y in range(int(minVal), int(maxVal) + 2) if minVal <= y <= maxVal]
        quarters = [
            y + q / 4
            for y in range(int(minVal) - 1, int(maxVal) + 1)
            for q in (1, 2, 3)
            if minVal <= y + q / 4 <= maxVal
        ]
        return [(1.0, years), (0.25, quarters if (maxVal - minVal) < 4 else [])]


class TrendPlot(QWidget):
    """Actual values (a marker per standing), 序时进度线, target, milestones and forecast."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        self.widget = pg.PlotWidget(axisItems={"bottom": QuarterAxis(orientation="bottom")})
        self.widget.showGrid(x=True, y=True, alpha=0.25)
        legend = self.widget.addLegend(offset=(-10, -10))
        legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        self.path = self.widget.plot(
            [], [], pen=pg.mkPen("#1565c0", width=2), name=self.tr("Schedule (序时进度)")
        )
        self.actual_line = self.widget.plot([], [], pen=pg.mkPen("#444", width=1))
        self.actual = pg.ScatterPlotItem(size=10, hoverable=True, tip=self._tip, hoverSize=14)
        self.widget.addItem(self.actual)
        legend.addItem(self.actual, self.tr("Actual (▲ estimate ● preliminary ■ final)"))
        dash = QPen(QColor("#c62828"))
        dash.setStyle(Qt.PenStyle.DashLine)
        dash.setWidthF(1.5)
        dash.setCosmetic(True)
        self.target = self.widget.plot([], [], pen=dash, name=self.tr("Target"))
        self.milestones = pg.ScatterPlotItem(size=12, symbol="d", brush=pg.mkBrush("#6a1b9a"))
        self.widget.addItem(self.milestones)
        fdash = pg.mkPen("#2e7d32", width=2, style=Qt.PenStyle.DashLine)
        self.forecast = self.widget.plot([], [], pen=fdash, name=self.tr("Forecast"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.widget)
        self._tips: dict[tuple[float, float], str] = {}

    def _tip(self, x: float, y: float, data: object) -> str:
        return str(data) if data else f"{y:g}"

    def show_trend(self, trend: Trend, tips: list[str], standings: list[Standing]) -> None:
        """Show one indicator's trend; ``tips`` and ``standings`` go with ``trend.actual``."""
        self.path.setData([p[0] for p in trend.path], [p[1] for p in trend.path])
        xs = [a[0] for a in trend.actual]
        ys = [a[1] for a in trend.actual]
        self.actual_line.setData(xs, ys)
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
            x0 = trend.path[0][0] if trend.path else trend.target[0] - 5
            self.target.setData([x0, trend.target[0]], [trend.target[1]] * 2)
        else:
            self.target.setData([], [])
        self.milestones.setData([m[0] for m in trend.milestones], [m[1] for m in trend.milestones])
        if trend.forecast is not None:
            (x0, y0), (x1, y1) = trend.forecast
            self.forecast.setData([x0, x1], [y0, y1])
        else:
            self.forecast.setData([], [])
        self.widget.enableAutoRange()

    def data(self) -> dict[str, tuple[list[float], list[float]]]:
        """What is drawn, for tests (``getData`` of every item)."""

        def get(item: Any) -> tuple[list[float], list[float]]:
            x, y = item.getData()
            return ([] if x is None else list(x), [] if y is None else list(y))

        return {
            "path": get(self.path),
            "actual": get(self.actual),
            "target": get(self.target),
            "milestones": get(self.milestones),
            "forecast": get(self.forecast),
        }
