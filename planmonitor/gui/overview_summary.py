"""The overview's summary (总览摘要): counts per light, per category, and the lagging indicators
(滞后 and 略滞后, named as such) each with its progress figure and a small bar."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from planmonitor.domain.formatting import Light, fmt_percent
from planmonitor.gui.lights import ORDER, light_colour, light_label, light_text_colour
from planmonitor.services.status import IndicatorStatus

PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2  # progress as a fraction (None: not assessable)
BAR_LIGHT_ROLE = Qt.ItemDataRole.UserRole + 3  # the light (its colour fills the bar)
LAGGING = (Light.RED, Light.YELLOW)


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress figure with a small bar under it (full width = 100 %)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        progress = index.data(PROGRESS_ROLE)
        light = index.data(BAR_LIGHT_ROLE)
        if progress is None or light is None:
            return
        r: QRect = option.rect
        bar = QRect(r.left() + 4, r.bottom() - 4, r.width() - 8, 3)
        painter.save()
        painter.fillRect(bar, QColor("#e0e0e0"))
        filled = QRect(bar)
        filled.setWidth(round(bar.width() * max(0.0, min(float(progress), 1.0))))
        painter.fillRect(filled, light_colour(Light(light)))
        painter.restore()


class OverviewSummary(QFrame):
    """Counts per light and per category, then the lagging indicators by name.

    Signals:
        indicatorActivated(str): a lagging indicator's name was clicked (its code).
    """

    indicatorActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewSummary")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 4, 6, 4)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(2)
        self.lagging_label = QLabel()
        self.lagging_label.setWordWrap(True)
        self.lagging_label.setTextFormat(Qt.TextFormat.RichText)
        self.lagging_label.linkActivated.connect(self.indicatorActivated)

    def clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.lagging_label:
                widget.deleteLater()

    def show_statuses(self, items: list[IndicatorStatus], categories: list[str]) -> None:
        """Fill the summary from the statuses of one report period."""
        self.clear()
        lights = [light for light in ORDER if any(i.status.light is light for i in items)]
        self.grid.addWidget(QLabel(self.tr("All {n} indicators").format(n=len(items))), 0, 0)
        for c, light in enumerate(lights, start=1):
            n = sum(1 for i in items if i.status.light is light)
            self.grid.addWidget(self._count(light, n, bold=True), 0, c)
        cats = [c for c in categories if any(i.indicator.category == c for i in items)]
        for r, cat in enumerate(cats, start=1):
            members = [i for i in items if i.indicator.category == cat]
            name = QLabel(f"{cat}（{len(members)}）")
            name.setObjectName("summaryCategory")
            self.grid.addWidget(name, r, 0)
            for c, light in enumerate(lights, start=1):
                n = sum(1 for i in members if i.status.light is light)
                self.grid.addWidget(self._count(light, n, bold=False), r, c)
        lagging = sorted(
            (i for i in items if i.status.light in LAGGING),
            key=lambda i: (ORDER.index(i.status.light), i.status.progress or 0),
        )
        self.grid.addWidget(self.lagging_label, len(cats) + 1, 0, 1, len(lights) + 2)
        self.grid.setColumnStretch(len(lights) + 1, 1)
        if not lagging:
            self.lagging_label.setText(self.tr("No indicator is behind schedule."))
            return
        parts = []
        for i in lagging:
            colour = light_text_colour(i.status.light).name()
            parts.append(
                f"<a href='{i.indicator.code}' style='color:{colour};text-decoration:none'>"
                + self.tr("{light} {code} {name} {progress}").format(
                    light=light_label(i.status.light),
                    code=i.indicator.code,
                    name=_html(i.indicator.name),
                    progress=fmt_percent(i.status.progress),
                )
                + "</a>"
            )
        self.lagging_label.setText(self.tr("Behind or slightly behind:") + " " + "；".join(parts))

    def _count(self, light: Light, n: int, bold: bool) -> QLabel:
        text = self.tr("{light} {n}").format(light=light_label(light), n=n)
        label = QLabel(text if n else "—")
        label.setProperty("light", light.value)
        if n:
            colour = light_text_colour(light).name()
            weight = "bold" if bold else "normal"
            label.setStyleSheet(f"color:{colour};font-weight:{weight}")
        else:
            label.setStyleSheet("color:#9e9e9e")
        return label


def _html(text: str) -> str:
    from html import escape

    return escape(text)


class ElidedDelegate(QStyledItemDelegate):
    """One line, elided at the right (the tooltip carries the whole text)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideRight


class WrappedDelegate(QStyledItemDelegate):
    """Wraps the text to the column's width and asks for the rows it needs (QTreeView alone
    keeps every row one line high)."""

    def __init__(self, tree: QTreeView, column: int) -> None:
        super().__init__(tree)
        self.tree = tree
        self.column = column
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(tree.doItemsLayout)
        tree.header().sectionResized.connect(self._on_resized)

    def _on_resized(self, section: int, _old: int, _new: int) -> None:
        if section == self.column:
            self._relayout.start()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        width = self.tree.columnWidth(self.column) - 2 * _TEXT_MARGIN
        text = str(index.data() or "")
        if width <= 0 or not text:
            return hint
        metrics = QFontMetrics(option.font)
        box = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), box.height() + 6))


_TEXT_MARGIN = 4
