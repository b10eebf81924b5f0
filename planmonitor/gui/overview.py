"""Overview (总览): a summary on top (lights per category, the lagging indicators), then every
indicator with its light, numbers and the whole explanation sentence (wrapped)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.formatting import fmt_num, fmt_percent
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.i18n import lang, period_text
from planmonitor.gui.lights import light_background, light_label, light_text_colour
from planmonitor.gui.overview_summary import (
    BAR_LIGHT_ROLE,
    PROGRESS_ROLE,
    ElidedDelegate,
    OverviewSummary,
    ProgressDelegate,
    WrappedDelegate,
)
from planmonitor.services.status import IndicatorStatus

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_WIDTH = 230  # px: longer indicator names elide, the tooltip has the whole name
EXPLANATION = 6


class OverviewView(QWidget):
    """The summary, then every indicator by category (a flat list when the plan has none).

    Signals:
        indicatorActivated(str): an indicator was double-clicked (its code).
    """

    indicatorActivated = Signal(str)

    COLUMNS = (
        QT_TRANSLATE_NOOP("OverviewView", "Indicator"),
        QT_TRANSLATE_NOOP("OverviewView", "Status"),
        QT_TRANSLATE_NOOP("OverviewView", "Actual"),
        QT_TRANSLATE_NOOP("OverviewView", "Expected"),
        QT_TRANSLATE_NOOP("OverviewView", "Progress"),
        QT_TRANSLATE_NOOP("OverviewView", "Data period"),
        QT_TRANSLATE_NOOP("OverviewView", "Explanation"),
    )

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = QLabel()
        self.title.setObjectName("viewTitle")
        self.summary = OverviewSummary()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(self.COLUMNS))
        self.tree.setHeaderLabels([self.tr(str(c)) for c in self.COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setItemDelegateForColumn(0, ElidedDelegate(self.tree))
        self.tree.setItemDelegateForColumn(4, ProgressDelegate(self.tree))
        self.tree.setItemDelegateForColumn(EXPLANATION, WrappedDelegate(self.tree, EXPLANATION))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EXPLANATION, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(0, NAME_WIDTH)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.summary.indicatorActivated.connect(self.indicatorActivated)
        self.context.planChanged.connect(self.refresh)
        self.context.periodChanged.connect(self.refresh)
        self.context.dataChanged.connect(self.refresh)

    @Slot(QTreeWidgetItem, int)
    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        code = item.data(0, CODE_ROLE)
        if code:
            self.indicatorActivated.emit(code)

    @Slot()
    def refresh(self) -> None:
        """Recompute from the context's statuses."""
        plan = self.context.plan
        self.tree.clear()
        if plan is None:
            self.title.setText("")
            self.summary.clear()
            return
        items = self.context.statuses()
        region = next((r.name for r in plan.regions if r.code == self.context.region), "")
        self.title.setText(
            self.tr("{title} — {region}, report period {period}").format(
                title=plan.title, region=region, period=self._period_label()
            )
        )
        categories = list(plan.categories)
        self.summary.show_statuses(items, categories)
        if not categories:  # no group rows: one flat list
            for item in items:
                self.tree.addTopLevelItem(self._row(item))
            self.tree.setRootIsDecorated(False)
            return
        for cat in categories:
            members = [i for i in items if i.indicator.category == cat]
            if members:
                self._group(cat, members)
        others = [i for i in items if i.indicator.category not in categories]
        if others:
            self._group(self.tr("Other indicators"), others)
        self.tree.expandAll()

    def indicator_rows(self) -> list[QTreeWidgetItem]:
        """The rows that stand for an indicator (not the category rows)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            if top.data(0, CODE_ROLE):
                out.append(top)
            out.extend(c for j in range(top.childCount()) if (c := top.child(j)) is not None)
        return out

    def _period_label(self) -> str:
        return period_text(self.context.quarter)

    def _group(self, title: str, members: list[IndicatorStatus]) -> None:
        head = QTreeWidgetItem([title])
        font = QFont(head.font(0))
        font.setBold(True)
        head.setFont(0, font)
        head.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(head)
        head.setFirstColumnSpanned(True)
        for item in members:
            head.addChild(self._row(item))

    def _row(self, item: IndicatorStatus) -> QTreeWidgetItem:
        st, ind = item.status, item.indicator
        english = lang() == "en"
        unit = ind.unit
        row = QTreeWidgetItem(
            [
                f"{ind.code}  {ind.name}",
                light_label(st.light),
                _with_unit(fmt_num(st.actual, ind.decimals, unit), unit)
                if st.actual is not None
                else "—",
                _with_unit(fmt_num(st.expected, ind.decimals, unit), unit)
                if st.expected is not None and st.kind != "growth_rate"
                else ("—" if st.expected is None else f"{st.expected:g}%"),
                fmt_percent(st.progress) if st.progress is not None else "—",
                period_text(st.data_period) if st.data_period else "—",
                st.explanation("en" if english else "zh"),
            ]
        )
        row.setData(0, CODE_ROLE, ind.code)
        row.setToolTip(0, f"{ind.code} {ind.name}")
        row.setData(4, PROGRESS_ROLE, st.progress)
        row.setData(4, BAR_LIGHT_ROLE, st.light.value)
        row.setToolTip(6, st.explanation("en" if english else "zh"))
        row.setForeground(1, QBrush(light_text_colour(st.light)))
        row.setBackground(1, QBrush(light_background(st.light)))
        for col in (2, 3, 4):
            row.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return row


def _with_unit(value: str, unit: str) -> str:
    if value == "—":
        return value
    if unit in ("%", "％"):
        return f"{value}%"
    return f"{value}{unit}" if unit else value  # 1105家: no space in Chinese text
