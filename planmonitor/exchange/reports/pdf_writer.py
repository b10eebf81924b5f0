"""The report as a PDF (Qt's QPdfWriter): the 指标完成情况表, the round's pages (报送与审核情况,
重点任务推进情况, 存在问题 — see pdf_round), then a trend chart per indicator.

A4 landscape; the table's header repeats on every page; four charts a page. The shipped font
(WenQuanYi Micro Hei) is embedded, so the Chinese text looks the same everywhere and can be
searched and copied. :func:`iter_report_pdf` yields after every page so that long reports show
progress and can be stopped; :func:`write_report_pdf` runs it to the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from planmonitor.domain.report import ReportModel, ReportRow
from planmonitor.domain.text import clean_strings
from planmonitor.exchange.reports.chart import Scale, draw_trend_chart
from planmonitor.exchange.reports.columns import (
    STATUS_FILLS,
    Column,
    cell_text,
    columns,
    group_heading,
    notes,
)
from planmonitor.exchange.reports.pdf_round import RoundPages
from planmonitor.exchange.reports.qt_paint import report_font_family

DPI = 300
MARGIN_MM = 12.0
CHARTS_PER_PAGE = 4
CELL_PAD_MM = 1.0
WRAP = Qt.TextFlag.TextWordWrap


@dataclass
class _Item:
    """One horizontal band of the table: the header, a category row, an indicator, the notes."""

    kind: str  # header | group | row | notes
    height: float
    text: str = ""
    row: ReportRow | None = None


def write_report_pdf(model: ReportModel, path: Path) -> None:
    """Write the PDF of ``model`` to ``path``."""
    for _ in iter_report_pdf(model, path):
        pass


def iter_report_pdf(model: ReportModel, path: Path) -> Iterator[tuple[int, int]]:
    """Write the PDF page by page, yielding (pages done, pages in all) after each page."""
    model = clean_strings(model)  # text stored before control characters were cleaned
    family = report_font_family()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(model.title)
    writer.setCreator("PlanMonitor 规划监测")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"无法写入 PDF 文件：{path}")
    try:
        yield from _Pages(painter, model, family).draw(writer)
    finally:
        painter.end()


class _Pages:
    """Lays out and draws the pages of one report."""

    def __init__(self, p: QPainter, model: ReportModel, family: str) -> None:
        self.p = p
        self.model = model
        self.family = family
        self.s = Scale(p)
        mm = self.s.mm
        rect = p.viewport()
        self.width, self.height = float(rect.width()), float(rect.height())
        self.area = QRectF(
            mm(MARGIN_MM),
            mm(MARGIN_MM),
            self.width - 2 * mm(MARGIN_MM),
            self.height - 2 * mm(MARGIN_MM) - mm(3),
        )
        self.cols = columns(model)
        total_mm = sum(c.pdf_mm for c in self.cols)
        self.col_w = [c.pdf_mm / total_mm * self.area.width() for c in self.cols]
        self.cell_font = self.s.font(family, 7.5)
        self.bold_font = self.s.font(family, 7.5, bold=True)
        self.note_font = self.s.font(family, 7)
        self.charts = [r for r in model.rows if r.trend is not None]

    # -- layout ---------------------------------------------------------------------------------
    def _text_height(self, font: QFont, width: float, text: str) -> float:
        fm = QFontMetricsF(font, self.p.device())
        pad = self.s.mm(CELL_PAD_MM)
        box = QRectF(0, 0, max(1.0, width - 2 * pad), 1e6)
        return fm.boundingRect(box, int(WRAP), text or " ").height() + 2 * pad

    def _row_height(self, row: ReportRow) -> float:
        return max(
            self._text_height(self.cell_font, w, cell_text(c.key, row, self.model))
            for c, w in zip(self.cols, self.col_w, strict=True)
        )

    def _paginate(self) -> list[list[_Item]]:
        widths = zip(self.cols, self.col_w, strict=True)
        header = _Item(
            "header", max(self._text_height(self.bold_font, w, c.header) for c, w in widths)
        )
        items: list[_Item] = []
        for index, group in enumerate(self.model.groups, start=1):
            if self.model.has_categories:
                text = group_heading(index, group.name)
                items.append(_Item("group", self._text_height(self.bold_font, 1e4, text), text))
            items += [_Item("row", self._row_height(r), row=r) for r in group.rows]
        lines = ["说明：", *(f"{i}. {t}" for i, t in enumerate(notes(self.model), start=1))]
        note_text = "\n".join(lines)
        note_h = self._text_height(self.note_font, self.area.width(), note_text)
        items.append(_Item("notes", note_h, note_text))
        pages: list[list[_Item]] = [[header]]
        used = self._title_height() + header.height
        for item in items:
            if used + item.height > self.area.height() and len(pages[-1]) > 1:
                pages.append([header] if item.kind != "notes" else [])
                used = header.height if item.kind != "notes" else 0.0
            pages[-1].append(item)
            used += item.height
        return pages

    def _title_height(self) -> float:
        return self.s.mm(22)

    # -- drawing --------------------------------------------------------------------------------
    def draw(self, writer: QPdfWriter) -> Iterator[tuple[int, int]]:
        table_pages = self._paginate()
        rounds = RoundPages(self.p, self.model, self.family, self.area)
        round_pages = rounds.paginate()
        chart_pages = -(-len(self.charts) // CHARTS_PER_PAGE)
        total = len(table_pages) + len(round_pages) + chart_pages
        for number, items in enumerate(table_pages, start=1):
            if number > 1:
                writer.newPage()
            y = self.area.top()
            if number == 1:
                self._draw_title()
                y += self._title_height()
            for item in items:
                self._draw_item(item, y)
                y += item.height
            self._footer(number, total)
            yield number, total
        done = len(table_pages)
        for bands in round_pages:
            writer.newPage()
            rounds.draw(bands)
            done += 1
            self._footer(done, total)
            yield done, total
        for i in range(chart_pages):
            writer.newPage()
            self._draw_charts(self.charts[i * CHARTS_PER_PAGE : (i + 1) * CHARTS_PER_PAGE], i)
            self._footer(done + i + 1, total)
            yield done + i + 1, total

    def _draw_title(self) -> None:
        p, mm, m = self.p, self.s.mm, self.model
        p.setPen(QColor("#000000"))
        p.setFont(self.s.font(self.family, 15, bold=True))
        top = self.area.top()
        p.drawText(
            QRectF(self.area.left(), top, self.area.width(), mm(9)),
            int(Qt.AlignmentFlag.AlignCenter),
            m.title,
        )
        p.setFont(self.s.font(self.family, 8.5))
        g = m.generated
        line = (
            f"地区：{m.region}　　报告期：{m.quarter_label}（{m.ytd_label}）"
            f"　　制表日期：{g.year}年{g.month}月{g.day}日"
        )
        p.drawText(
            QRectF(self.area.left(), top + mm(10), self.area.width(), mm(5)),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            line,
        )
        counts = "　".join(f"{c.symbol} {c.word}{c.count}项" for c in m.counts if c.count)
        p.drawText(
            QRectF(self.area.left(), top + mm(10), self.area.width(), mm(5)),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            f"共{len(m.rows)}项指标：{counts}",
        )

    def _draw_item(self, item: _Item, y: float) -> None:
        p, left = self.p, self.area.left()
        grid = QPen(QColor("#808080"), self.s.mm(0.15))
        if item.kind == "notes":
            p.setFont(self.note_font)
            p.setPen(QColor("#333333"))
            rect = QRectF(left, y, self.area.width(), item.height)
            p.drawText(rect.adjusted(0, self.s.mm(CELL_PAD_MM), 0, 0), int(WRAP), item.text)
            return
        if item.kind == "group":
            rect = QRectF(left, y, self.area.width(), item.height)
            p.fillRect(rect, QColor("#f2f2f2"))
            p.setPen(grid)
            p.drawRect(rect)
            p.setFont(self.bold_font)
            p.setPen(QColor("#000000"))
            inner = rect.adjusted(self.s.mm(CELL_PAD_MM), 0, 0, 0)
            p.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter), item.text)
            return
        x = left
        for col, w in zip(self.cols, self.col_w, strict=True):
            rect = QRectF(x, y, w, item.height)
            self._draw_cell(rect, col, item, grid)
            x += w

    def _draw_cell(self, rect: QRectF, col: Column, item: _Item, grid: QPen) -> None:
        p = self.p
        text_colour = QColor("#000000")
        if item.kind == "header":
            p.fillRect(rect, QColor("#d9d9d9"))
            p.setFont(self.bold_font)
            text, align = col.header, Qt.AlignmentFlag.AlignCenter
        else:
            assert item.row is not None
            text = cell_text(col.key, item.row, self.model)
            p.setFont(self.cell_font)
            align = {
                "left": Qt.AlignmentFlag.AlignLeft,
                "right": Qt.AlignmentFlag.AlignRight,
            }.get(col.align, Qt.AlignmentFlag.AlignHCenter) | Qt.AlignmentFlag.AlignVCenter
            if text == "—":
                align = Qt.AlignmentFlag.AlignCenter
            if col.key == "status":
                fill, colour = STATUS_FILLS[item.row.light]
                p.fillRect(rect, QColor(f"#{fill}"))
                p.setFont(self.bold_font)
                text_colour = QColor(f"#{colour}")
        p.setPen(grid)
        p.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        p.drawRect(rect)
        p.setPen(text_colour)
        pad = self.s.mm(CELL_PAD_MM)
        p.drawText(rect.adjusted(pad, pad, -pad, -pad), int(align | WRAP), text)

    def _draw_charts(self, rows: list[ReportRow], page: int) -> None:
        p, mm = self.p, self.s.mm
        p.setFont(self.s.font(self.family, 11, bold=True))
        p.setPen(QColor("#000000"))
        head = "各指标趋势图" + ("（续）" if page else "")
        p.drawText(
            QRectF(self.area.left(), self.area.top(), self.area.width(), mm(7)),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            head,
        )
        gap = mm(4)
        top = self.area.top() + mm(8)
        w = (self.area.width() - gap) / 2
        h = (self.area.bottom() - top - gap) / 2
        for i, row in enumerate(rows):
            x = self.area.left() + (i % 2) * (w + gap)
            y = top + (i // 2) * (h + gap)
            draw_trend_chart(p, QRectF(x, y, w, h), row, self.family)

    def _footer(self, number: int, total: int) -> None:
        p = self.p
        p.setFont(self.note_font)
        p.setPen(QColor("#555555"))
        rect = QRectF(
            self.area.left(), self.area.bottom() + self.s.mm(2), self.area.width(), self.s.mm(5)
        )
        p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), f"第{number}页，共{total}页")
