"""One indicator's trend chart, drawn with QPainter (no plotting library: the report stays fast).

The chart shows the recorded values, the schedule path (序时目标), the target and the forecast
over the plan period; a year-to-date line (flows, quotas) restarts every year. Sizes are given in
millimetres and converted with the painter's device resolution.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from planmonitor.domain.report import ReportRow, Trend, TrendPoint
from planmonitor.exchange.reports.columns import STATUS_FILLS

ACTUAL = QColor("#1565c0")
SCHEDULE = QColor("#607d8b")
TARGET = QColor("#c62828")
FORECAST = QColor("#ef6c00")
GRID = QColor("#dddddd")
AXIS = QColor("#666666")
TEXT = QColor("#212121")


class Scale:
    """Millimetres and points to device units for one painter."""

    def __init__(self, painter: QPainter) -> None:
        device = painter.device()
        self.dpi = device.logicalDpiX() if device is not None else 300

    def mm(self, value: float) -> float:
        """Millimetres in device units."""
        return value * self.dpi / 25.4

    def font(self, family: str, points: float, bold: bool = False) -> QFont:
        """A font of ``points`` size."""
        f = QFont(family)
        f.setPointSizeF(points)
        f.setBold(bold)
        return f


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering [lo, hi]: steps of 1, 2 or 5 × 10ⁿ."""
    if not math.isfinite(lo) or not math.isfinite(hi):
        return [0.0, 1.0]
    if hi - lo < 1e-12:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / max(1, count - 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step + 1e-9) * step
    ticks = []
    v = start
    while v <= hi + step * 0.999:
        ticks.append(round(v, 10))
        v += step
    return ticks


def _tick_label(value: float, step: float) -> str:
    """A tick value with as many decimals as the step needs (2.5 → one)."""
    decimals = 0
    while decimals < 6 and abs(step * 10**decimals - round(step * 10**decimals)) > 1e-6:
        decimals += 1
    return f"{value:.{decimals}f}"


def _value_range(trend: Trend) -> tuple[float, float] | None:
    values = [p.value for p in (*trend.actual, *trend.schedule, *trend.forecast)]
    if trend.target is not None:
        values.append(trend.target)
    if not values:
        return None
    lo, hi = min(values), max(values)
    if trend.cumulative or (lo >= 0 and lo < 0.25 * hi):
        lo = min(lo, 0.0)
    pad = (hi - lo) * 0.06 or abs(hi) * 0.1 or 1.0
    return (lo if lo == 0 else lo - pad), hi + pad


def draw_trend_chart(p: QPainter, rect: QRectF, row: ReportRow, family: str) -> None:
    """Draw the chart of ``row`` into ``rect`` (title, explanation, plot, legend)."""
    s = Scale(p)
    p.save()
    p.setPen(QPen(QColor("#bdbdbd"), s.mm(0.2)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect)
    inner = rect.adjusted(s.mm(3), s.mm(2.5), -s.mm(3), -s.mm(2))
    title_font = s.font(family, 9.5, bold=True)
    small = s.font(family, 7)
    p.setFont(title_font)
    title_h = QFontMetricsF(title_font, p.device()).height() * 1.25
    badge_w = s.mm(24)
    title_rect = QRectF(inner.left(), inner.top(), inner.width() - badge_w - s.mm(2), title_h)
    unit = f"（{row.unit}）" if row.unit else ""
    title = f"{row.number}. {row.name}{unit}"
    fm = QFontMetricsF(title_font, p.device())
    title = fm.elidedText(title, Qt.TextElideMode.ElideRight, title_rect.width())
    p.setPen(TEXT)
    p.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    _badge(p, QRectF(inner.right() - badge_w, inner.top(), badge_w, title_h), row, family, s)
    p.setFont(small)
    fm_small = QFontMetricsF(small, p.device())
    expl_h = fm_small.lineSpacing() * 2 + s.mm(0.5)
    expl_rect = QRectF(inner.left(), inner.top() + title_h + s.mm(0.5), inner.width(), expl_h)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    p.setPen(QColor("#424242"))
    p.drawText(expl_rect, int(flags), row.explanation)
    legend_h = fm_small.height() * 1.6
    plot = QRectF(
        inner.left() + s.mm(13),
        expl_rect.bottom() + s.mm(2),
        inner.width() - s.mm(15),
        inner.bottom() - expl_rect.bottom() - s.mm(2) - legend_h - fm_small.height() * 1.4,
    )
    trend = row.trend
    span = _value_range(trend) if trend is not None else None
    if trend is None or span is None:
        p.setPen(AXIS)
        message = "定性目标，按完成情况评价" if trend is None else "暂无数据"
        p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), message)
        p.restore()
        return
    _plot(p, plot, trend, span, small, s)
    _legend(p, QRectF(inner.left(), inner.bottom() - legend_h, inner.width(), legend_h), small, s)
    p.restore()


def _badge(p: QPainter, rect: QRectF, row: ReportRow, family: str, s: Scale) -> None:
    fill, colour = STATUS_FILLS[row.light]
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor(f"#{fill}")))
    p.drawRoundedRect(rect.adjusted(0, s.mm(0.4), 0, -s.mm(0.4)), s.mm(1), s.mm(1))
    p.setFont(s.font(family, 8, bold=True))
    p.setPen(QColor(f"#{colour}"))
    p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), row.status_text)


def _plot(
    p: QPainter, plot: QRectF, trend: Trend, span: tuple[float, float], font: QFont, s: Scale
) -> None:
    ticks = nice_ticks(*span)
    lo, hi = min(ticks[0], span[0]), max(ticks[-1], span[1])
    x0, x1 = trend.start_x, trend.end_x

    def pt(x: float, y: float) -> QPointF:
        fx = (x - x0) / (x1 - x0) if x1 > x0 else 0.5
        fy = (y - lo) / (hi - lo) if hi > lo else 0.5
        return QPointF(plot.left() + fx * plot.width(), plot.bottom() - fy * plot.height())

    fm = QFontMetricsF(font, p.device())
    p.setFont(font)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    for t in ticks:
        y = pt(x0, t).y()
        p.setPen(QPen(GRID, s.mm(0.15)))
        p.drawLine(QLineF(plot.left(), y, plot.right(), y))
        p.setPen(AXIS)
        label_rect = QRectF(plot.left() - s.mm(13), y - fm.height() / 2, s.mm(12), fm.height())
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        p.drawText(label_rect, int(align), _tick_label(t, step))
    for year in range(int(x0), int(x1) + 1):
        x = pt(year, lo).x()
        p.setPen(QPen(GRID, s.mm(0.15)))
        p.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
        if year < x1:
            p.setPen(AXIS)
            label = QRectF(x, plot.bottom() + s.mm(0.5), pt(year + 1, lo).x() - x, fm.height())
            p.drawText(label, int(Qt.AlignmentFlag.AlignCenter), f"{year}年")
    p.setPen(QPen(AXIS, s.mm(0.25)))
    p.drawLine(QLineF(plot.bottomLeft(), plot.bottomRight()))
    p.drawLine(QLineF(plot.bottomLeft(), plot.topLeft()))
    if trend.target is not None:
        y = pt(x0, trend.target).y()
        p.setPen(QPen(TARGET, s.mm(0.3), Qt.PenStyle.DashLine))
        p.drawLine(QLineF(plot.left(), y, plot.right(), y))
    if trend.schedule and not trend.rate:  # a rate's schedule is its target line
        pen = QPen(SCHEDULE, s.mm(0.35), Qt.PenStyle.DashLine)
        _lines(p, trend.schedule, trend.cumulative, pt, pen)
    if trend.actual:
        _lines(p, trend.actual, trend.cumulative, pt, QPen(ACTUAL, s.mm(0.5)))
        p.setBrush(QBrush(ACTUAL))
        p.setPen(Qt.PenStyle.NoPen)
        r = s.mm(0.8)
        for q in trend.actual:
            p.drawEllipse(pt(q.x, q.value), r, r)
    if trend.forecast:
        pen = QPen(FORECAST, s.mm(0.4), Qt.PenStyle.DotLine)
        p.setPen(pen)
        pts = [pt(q.x, q.value) for q in trend.forecast]
        if len(pts) > 1:
            p.drawPolyline(QPolygonF(pts))
        end = pts[-1]
        r = s.mm(1.1)
        corners = (QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0))
        diamond = [end + c for c in corners]
        p.setPen(QPen(FORECAST, s.mm(0.35)))
        p.setBrush(QBrush(QColor("#ffffff")))
        p.drawPolygon(QPolygonF(diamond))


def _lines(
    p: QPainter,
    points: Sequence[TrendPoint],
    cumulative: bool,
    to_point: Callable[[float, float], QPointF],
    pen: QPen,
) -> None:
    """A polyline; a year-to-date line is broken at every new year."""
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    segments: list[list[QPointF]] = []
    last_year: int | None = None
    for q in points:
        if not segments or (cumulative and q.year != last_year):
            segments.append([])
        segments[-1].append(to_point(q.x, q.value))
        last_year = q.year
    for seg in segments:
        if len(seg) > 1:
            p.drawPolyline(QPolygonF(seg))


def _legend(p: QPainter, rect: QRectF, font: QFont, s: Scale) -> None:
    items = [
        ("实际值", QPen(ACTUAL, s.mm(0.5))),
        ("序时目标", QPen(SCHEDULE, s.mm(0.35), Qt.PenStyle.DashLine)),
        ("规划目标", QPen(TARGET, s.mm(0.3), Qt.PenStyle.DashLine)),
        ("预测", QPen(FORECAST, s.mm(0.4), Qt.PenStyle.DotLine)),
    ]
    p.setFont(font)
    fm = QFontMetricsF(font, p.device())
    x = rect.left() + s.mm(13)
    y = rect.center().y()
    for label, pen in items:
        p.setPen(pen)
        p.drawLine(QLineF(x, y, x + s.mm(7), y))
        p.setPen(TEXT)
        w = fm.horizontalAdvance(label)
        p.drawText(
            QRectF(x + s.mm(8), rect.top(), w + s.mm(1), rect.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            label,
        )
        x += s.mm(8) + w + s.mm(5)
