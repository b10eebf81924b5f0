"""The round's pages of the PDF report, after the indicator table, with the Word report's
sentences (round_report): 报送与审核情况, 重点任务推进情况 (the counts, then a table of every task
with its units, state, progress, reason and next step; the header repeats on each page),
存在问题 (the lagging tasks and their reasons) and the data checks without a 情况说明.

Every text is wrapped inside its box (at word boundaries, or anywhere in a run too long for the
box) and measured before it is placed; a task row taller than what is left of a page continues on
the next one under the repeated header, so nothing is clipped and no line runs past the margin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from planmonitor.domain.report import ReportModel
from planmonitor.domain.round_report import APPENDIX_TITLE, TaskReportLine
from planmonitor.domain.tasks import TaskState
from planmonitor.exchange.reports.chart import Scale

PAD_MM = 1.0
MIN_SLICE_LINES = 3  # a task row split over two pages keeps at least this many lines on the first
WRAP = Qt.TextFlag.TextWordWrap
TASK_COLUMNS = (  # header, share of the width
    ("编号", 7),
    ("重点任务", 30),
    ("责任单位", 30),
    ("推进状态", 13),
    ("进展情况", 60),
    ("滞后原因", 36),
    ("下一步", 42),
)
STATE_FILLS = {  # the same pale fills as the Excel sheet
    TaskState.DONE: ("#c6efce", "#1b5e20"),
    TaskState.IN_PROGRESS: ("#ddebf7", "#0d47a1"),
    TaskState.NOT_STARTED: ("#ededed", "#424242"),
    TaskState.LAGGING: ("#ffc7ce", "#9c0006"),
}
SILENT_FILL = ("#ffeb9c", "#7a5300")


@dataclass
class Band:
    """One horizontal band of a round page: a heading, a paragraph, the table header or a task."""

    kind: str  # heading | para | thead | task
    height: float
    text: str = ""
    task: TaskReportLine | None = None
    lines: list[list[str]] = field(default_factory=list)  # a task's cells, wrapped


def task_cells(t: TaskReportLine) -> list[str]:
    """The seven cells of a task's row (the Excel sheet's, without 序号)."""
    return [
        t.code,
        t.title,
        t.units_text or "—",
        t.state_text,
        t.text or ("本季度未报送进展" if t.state is None else "—"),
        (t.reason if t.state is TaskState.LAGGING else "") or "—",
        t.next_step or "—",
    ]


class RoundPages:
    """Lays out and draws the round's pages in ``area`` of each page."""

    def __init__(self, p: QPainter, model: ReportModel, family: str, area: QRectF) -> None:
        self.p, self.model, self.area = p, model, area
        self.s = Scale(p)
        self.heading_font = self.s.font(family, 11, bold=True)
        self.para_font = self.s.font(family, 8.5)
        self.cell_font = self.s.font(family, 7.5)
        self.bold_font = self.s.font(family, 7.5, bold=True)
        total = sum(w for _h, w in TASK_COLUMNS)
        self.col_w = [w / total * area.width() for _h, w in TASK_COLUMNS]

    def _wrap(self, font: QFont, width: float, text: str) -> list[str]:
        """``text`` broken into the lines that fit ``width`` (device units)."""
        out: list[str] = []
        for part in text.split("\n"):
            layout = QTextLayout(part, font, self.p.device())
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                out.append(part[line.textStart() : line.textStart() + line.textLength()])
            layout.endLayout()
            if not part:
                out.append("")
        return out

    def _line_height(self) -> float:
        return QFontMetricsF(self.cell_font, self.p.device()).lineSpacing()

    def _task_band(self, t: TaskReportLine, lines: list[list[str]]) -> Band:
        rows = max(len(cell) for cell in lines)
        height = rows * self._line_height() + 2 * self.s.mm(PAD_MM)
        return Band("task", height, task=t, lines=lines)

    def _height(self, font: QFont, width: float, text: str) -> float:
        fm = QFontMetricsF(font, self.p.device())
        pad = self.s.mm(PAD_MM)
        box = QRectF(0, 0, max(1.0, width - 2 * pad), 1e6)
        return fm.boundingRect(box, int(WRAP), text or " ").height() + 2 * pad

    def _bands(self) -> list[Band]:
        r = self.model.round
        if r is None:
            return []
        w = self.area.width()
        out: list[Band] = []

        def heading(text: str) -> None:
            out.append(
                Band("heading", self._height(self.heading_font, w, text) + self.s.mm(2), text)
            )

        def para(text: str) -> None:
            out.append(Band("para", self._height(self.para_font, w, text), text))

        heading("报送与审核情况")
        para(r.summary(see="见后文"))
        if r.tasks:
            heading("重点任务推进情况")
            para(r.task_summary())
            out.append(self._thead())
            pad = 2 * self.s.mm(PAD_MM)
            for t in r.tasks:
                cells = zip(self.col_w, task_cells(t), strict=True)
                lines = [self._wrap(self.cell_font, cw - pad, text) for cw, text in cells]
                out.append(self._task_band(t, lines))
        if r.lagging:
            heading("存在问题")
            para(r.problem_lead())
            for line in r.problem_lines():
                para(line)
        if r.unresolved:
            heading(APPENDIX_TITLE)
            for line in r.appendix_lines():
                para(line)
        return out

    def _thead(self) -> Band:
        h = max(
            self._height(self.bold_font, cw, head)
            for cw, (head, _w) in zip(self.col_w, TASK_COLUMNS, strict=True)
        )
        return Band("thead", h)

    def paginate(self) -> list[list[Band]]:
        """The bands of each page; the table header repeats where a page starts with a task."""
        pages: list[list[Band]] = []
        used = self.area.height() + 1  # start a page at the first band
        head = self._thead()
        for whole in self._bands():
            for band in self._slices(whole, self.area.height() - used, head.height):
                used = self._place(pages, band, used, head)
        return pages

    def _slices(self, band: Band, room: float, head: float) -> list[Band]:
        """A task row as it goes onto pages: whole (on the next page if it does not fit this
        one), or — taller than a page — split where the page ends."""
        page = self.area.height() - head
        if band.kind != "task" or band.height <= room or band.height <= page or not band.task:
            return [band]
        lh, pad = self._line_height(), 2 * self.s.mm(PAD_MM)
        first = int((room - pad) // lh)
        if first < MIN_SLICE_LINES:
            first = int((self.area.height() - head - pad) // lh)  # from the top of a new page
        if first >= max(len(c) for c in band.lines):
            return [band]
        full = max(1, int((self.area.height() - head - pad) // lh))
        out, start, size = [], 0, first
        while start < max(len(c) for c in band.lines):
            part = [cell[start : start + size] for cell in band.lines]
            if start:  # say which task goes on: 4 实施…工程（续）
                t = band.task
                part[0] = self._wrap(self.cell_font, self.col_w[0] - pad, t.code)
                part[1] = self._wrap(self.cell_font, self.col_w[1] - pad, f"{t.title}（续）")
            out.append(self._task_band(band.task, part))
            start, size = start + size, full
        return out

    def _place(self, pages: list[list[Band]], band: Band, used: float, head: Band) -> float:
        """Put ``band`` on the last page or a new one; the height used on that page."""
        if used + band.height > self.area.height():
            pages.append([])
            used = 0.0
            if band.kind == "task":
                pages[-1].append(head)
                used = head.height
        elif band.kind == "heading" and used + band.height + self.s.mm(12) > self.area.height():
            pages.append([])  # no heading alone at the foot of a page
            used = 0.0
        pages[-1].append(band)
        return used + band.height

    def draw(self, bands: list[Band]) -> None:
        """Draw one page's bands from the top of the area."""
        y = self.area.top()
        for band in bands:
            self._draw(band, y)
            y += band.height

    def _draw(self, band: Band, y: float) -> None:
        p, left, pad = self.p, self.area.left(), self.s.mm(PAD_MM)
        if band.kind in ("heading", "para"):
            p.setFont(self.heading_font if band.kind == "heading" else self.para_font)
            p.setPen(QColor("#000000"))
            rect = QRectF(left, y, self.area.width(), band.height).adjusted(0, pad, 0, -pad)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
            flags = int(align | WRAP) if band.kind == "para" else int(align)
            p.drawText(rect, flags, band.text)
            return
        grid = QPen(QColor("#808080"), self.s.mm(0.15))
        texts = [h for h, _w in TASK_COLUMNS] if band.task is None else task_cells(band.task)
        x = left
        for i, (cw, text) in enumerate(zip(self.col_w, texts, strict=True)):
            rect = QRectF(x, y, cw, band.height)
            colour = QColor("#000000")
            font = self.cell_font
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            if band.task is None:
                p.fillRect(rect, QColor("#d9d9d9"))
                font, align = self.bold_font, Qt.AlignmentFlag.AlignCenter
            elif i in (0, 3) or text == "—":
                align = Qt.AlignmentFlag.AlignCenter
            if band.task is not None and i == 3:
                state = band.task.state
                fill, ink = STATE_FILLS[state] if state is not None else SILENT_FILL
                p.fillRect(rect, QColor(fill))
                font, colour = self.bold_font, QColor(ink)
            p.setPen(grid)
            p.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            p.drawRect(rect)
            p.setFont(font)
            p.setPen(colour)
            if band.task is None:
                p.drawText(rect.adjusted(pad, pad, -pad, -pad), int(align | WRAP), text)
            else:
                self._draw_lines(rect, band.lines[i], align)
            x += cw

    def _draw_lines(self, rect: QRectF, lines: list[str], align: Qt.AlignmentFlag) -> None:
        """A cell's wrapped lines, centred vertically in the row."""
        lh, pad = self._line_height(), self.s.mm(PAD_MM)
        top = rect.top() + (rect.height() - len(lines) * lh) / 2
        horizontal = align & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignHCenter)
        for k, line in enumerate(lines):
            box = QRectF(rect.left() + pad, top + k * lh, rect.width() - 2 * pad, lh)
            self.p.drawText(box, int(horizontal | Qt.AlignmentFlag.AlignVCenter), line)
