"""Indicator detail (指标详情): trend plot, definition, value history and target revisions."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.formatting import fmt_num
from planmonitor.domain.indicator import Cadence, Indicator, Nature, TargetForm
from planmonitor.domain.observation import Series
from planmonitor.domain.trend import build_trend
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.i18n import lang, period_text
from planmonitor.gui.lights import light_label

if TYPE_CHECKING:
    from planmonitor.gui.plot import EarlierTrend, TrendPlot
    from planmonitor.services.carried_over import CarriedOver


class DetailView(QWidget):
    """One indicator in depth; the plot module is imported when the view is first shown.

    Signals:
        editRequested(str): the user asked to edit the indicator (code).
        reviseRequested(str): the user asked to revise its target (code).
    """

    editRequested = Signal(str)
    reviseRequested = Signal(str)

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.code: str | None = None
        self.plot: TrendPlot | None = None
        # the predecessor side per (plan, indicator, region): a period change keeps it
        self._carried: dict[tuple[str, str, str], CarriedOver | None] = {}
        self.chooser = QComboBox()
        self.chooser.setMinimumContentsLength(30)
        self.edit_button = QPushButton(self.tr("Edit indicator…"))
        self.revise_button = QPushButton(self.tr("Revise target…"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("detailStatus")
        self.plot_holder = QVBoxLayout()
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setTextFormat(Qt.TextFormat.RichText)
        self.definition.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.history = _table(
            [
                self.tr("Period"),
                self.tr("Value"),
                self.tr("Standing"),
                self.tr("State"),
                self.tr("Recorded"),
                self.tr("By"),
                self.tr("Source"),
                self.tr("Comment"),
            ]
        )
        self.revisions = _table(
            [
                self.tr("Effective"),
                self.tr("Old target"),
                self.tr("New target"),
                self.tr("Reason"),
                self.tr("By"),
            ]
        )
        self._layout()
        self._connect_signals()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Indicator")))
        top.addWidget(self.chooser, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.revise_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.status_label)
        left_layout.addLayout(self.plot_holder, 1)
        tabs = QTabWidget()
        tabs.addTab(self.definition, self.tr("Definition"))
        tabs.addTab(self.history, self.tr("Value history"))
        tabs.addTab(self.revisions, self.tr("Target revisions"))
        self.split = split = QSplitter()
        split.addWidget(left)
        split.addWidget(tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _connect_signals(self) -> None:
        self.chooser.currentIndexChanged.connect(self._on_choose)
        self.edit_button.clicked.connect(self._on_edit)
        self.revise_button.clicked.connect(self._on_revise)
        self.context.planChanged.connect(self._on_plan)
        self.context.periodChanged.connect(self.refresh)
        self.context.dataChanged.connect(self._on_data)

    @Slot()
    def _on_data(self) -> None:
        self._carried.clear()  # the predecessor's values may have changed too
        self.refresh()

    @Slot()
    def _on_edit(self) -> None:
        if self.code:
            self.editRequested.emit(self.code)

    @Slot()
    def _on_revise(self) -> None:
        if self.code:
            self.reviseRequested.emit(self.code)

    # -- choosing -----------------------------------------------------------------------------
    @Slot()
    def _on_plan(self) -> None:
        self._carried.clear()
        plan = self.context.plan
        keep = self.code
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for ind in plan.indicators if plan else ():
            self.chooser.addItem(f"{ind.code}  {ind.name}", ind.code)
        self.chooser.blockSignals(False)
        i = self.chooser.findData(keep) if keep else -1
        self.chooser.setCurrentIndex(max(i, 0))
        self._on_choose()

    @Slot()
    def _on_choose(self) -> None:
        self.code = self.chooser.currentData()
        self.refresh()

    def show_indicator(self, code: str) -> None:
        """Show ``code`` (from a double-click in the overview)."""
        i = self.chooser.findData(code)
        if i >= 0:
            self.chooser.setCurrentIndex(i)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.plot is None:
            from planmonitor.gui.plot import TrendPlot  # pyqtgraph costs ~0.7 s: only now

            self.plot = TrendPlot()
            self.plot_holder.addWidget(self.plot)
            total = sum(self.split.sizes())
            if total > 0:  # the plot (and its legend) gets three fifths, as the stretch says
                self.split.setSizes([total * 3 // 5, total - total * 3 // 5])
            self.refresh()

    # -- showing ------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Redraw the chosen indicator."""
        plan = self.context.plan
        if plan is None or not self.code:
            return
        ind = plan.indicator(self.code)
        item = next((s for s in self.context.statuses() if s.indicator.code == self.code), None)
        status = item.status if item else None
        current = item.indicator if item else ind
        if status is not None:
            self.status_label.setText(
                f"<b>{escape(light_label(status.light))}</b>　{escape(status.explanation(lang()))}"
            )
        carried = self._carried_over(ind)
        self.definition.setText(self._definition(current, carried))
        history = self.context.values.history(plan.id, self.code, self.context.region)
        self._fill_history(history, current)
        self._fill_revisions(current)
        if self.plot is not None:
            cur = [h for h in history if h.is_current and h.value is not None]
            series = Series([(h.period, h.value) for h in cur if h.value is not None])
            revs = [r for r in self.context.plans.revisions(plan.id) if r.indicator == self.code]
            old_path, revised = None, None
            if revs:
                last = revs[-1]
                current = replace(ind, target=last.new)
                old_path = build_trend(replace(ind, target=last.old), series).path
                revised = last.effective
            trend = build_trend(current, series, status)
            by_period = {h.period: h for h in cur}
            tips = [
                f"{period_text(p)}：{fmt_num(v, current.decimals)}{current.unit}"
                f"（{by_period[p].standing.value}）{by_period[p].comment}"
                for _x, v, p in trend.actual
            ]
            standings = [by_period[p].standing for _x, _v, p in trend.actual]
            self.plot.show_trend(
                trend,
                tips,
                standings,
                unit=current.unit,
                flow=current.nature is Nature.FLOW,
                old_path=old_path,
                revised=revised,
                earlier=self._earlier(carried),
            )

    def _carried_over(self, ind: Indicator) -> CarriedOver | None:
        """The predecessor plan's side of ``ind`` when it is carried over (else None)."""
        plan = self.context.plan
        if plan is None or plan.predecessor is None or not ind.predecessor:
            return None
        from planmonitor.services.carried_over import CarriedOverService

        key = (plan.id, ind.code, self.context.region)
        if key not in self._carried:
            self._carried[key] = CarriedOverService(self.context.db).carried_over(*key)
        return self._carried[key]

    def _earlier(self, carried: CarriedOver | None) -> EarlierTrend | None:
        """The predecessor's values, schedule and target for the plot (None: nothing to draw)."""
        if carried is None or carried.factor is None:
            return None
        from planmonitor.gui.plot import EarlierTrend

        pred = carried.indicator
        values = [o for o in carried.values if o.value is not None]
        series = Series([(o.period, o.value) for o in values if o.value is not None])
        trend = build_trend(pred, series)
        by_period = {o.period: o for o in values}
        tips = [
            f"{carried.label} {period_text(p)}：{fmt_num(v, pred.decimals)}{pred.unit}"
            f"（{by_period[p].standing.value}）{by_period[p].comment}"
            for _x, v, p in trend.actual
        ]
        standings = [by_period[p].standing for _x, _v, p in trend.actual]
        return EarlierTrend(trend, tips, standings, carried.label, carried.successor_label)

    def _carried_rows(self, carried: CarriedOver) -> list[tuple[str, str]]:
        """The predecessor in the definition: plan, code and name, final value, 总结评估."""
        pred = carried.indicator
        rows = [
            (
                self.tr("Carried over from"),
                self.tr("{plan} ({id}) indicator {code} {name}").format(
                    plan=carried.plan_title, id=carried.plan_id, code=pred.code, name=pred.name
                ),
            )
        ]
        final = carried.final
        if final is not None and final.value is not None:
            rows.append(
                (
                    self.tr("Final value of the earlier plan"),
                    self.tr("{year}: {value} ({standing})").format(
                        year=pred.target_year,
                        value=f"{fmt_num(final.value, final.decimals)}{final.unit}",
                        standing=final.standing or "—",
                    ),
                )
            )
            rows.append((self.tr("Final evaluation"), final.outcome))
        else:
            rows.append(
                (
                    self.tr("Final value of the earlier plan"),
                    self.tr("no value for {year} yet").format(year=pred.target_year),
                )
            )
        if carried.unit_note:
            rows.append((self.tr("Units"), carried.unit_note))
        return rows

    def _definition(self, ind: Indicator, carried: CarriedOver | None = None) -> str:
        t = ind.target
        rows = [
            (self.tr("Name"), ind.name),
            (self.tr("Unit"), ind.unit or "—"),
            (self.tr("Category"), ind.category or "—"),
            (self.tr("Attribute"), ind.attribute.value),
            (self.tr("Baseline"), f"{fmt_num(ind.baseline, ind.decimals)}（{ind.baseline_year}）"),
            (
                self.tr("Target"),
                f"{t.text or fmt_num(ind.final_target(), ind.decimals)}（{ind.target_year}）",
            ),
            (self.tr("Target form"), self._form_name(t.form)),
            (self.tr("Cadence"), self._cadence_name(ind.cadence)),
            (self.tr("Release profile"), ind.profile.percent_text()),
            (self.tr("Responsible units"), "、".join(ind.responsible) or "—"),
            (self.tr("Data source"), ind.source or "—"),
            (self.tr("Note"), ind.note or "—"),
        ]
        if carried is not None:
            rows += self._carried_rows(carried)
        body = "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{escape(k)}</td>"
            f"<td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table>{body}</table>"

    def _form_name(self, form: TargetForm) -> str:
        return {
            TargetForm.LEVEL: self.tr("Level to reach"),
            TargetForm.INCREASE: self.tr("Cumulative increase"),
            TargetForm.POINTS: self.tr("Percentage points a year"),
            TargetForm.CAGR: self.tr("Average annual growth"),
            TargetForm.GROWTH_RATE: self.tr("Growth rate as the indicator"),
            TargetForm.QUOTA: self.tr("Annual quota"),
            TargetForm.MILESTONE: self.tr("Qualitative milestone"),
        }[form]

    def _cadence_name(self, cadence: Cadence) -> str:
        return {
            Cadence.CUMULATIVE_FLOW: self.tr("Cumulative flow"),
            Cadence.BATCH: self.tr("Batch step"),
            Cadence.ANNUAL_LATE: self.tr("Annual, published late"),
            Cadence.SMOOTH_STOCK: self.tr("Smooth stock"),
            Cadence.ANNUAL_RESTART: self.tr("Annual count that restarts"),
        }[cadence]

    def _fill_history(self, history: list, ind: Indicator) -> None:  # type: ignore[type-arg]
        self.history.setRowCount(len(history))
        for r, h in enumerate(reversed(history)):
            cells = [
                period_text(h.period),
                fmt_num(h.value, ind.decimals),
                h.standing.value,
                self.tr("current") if h.is_current else self.tr("corrected"),
                h.recorded_at.strftime("%Y-%m-%d %H:%M") if h.recorded_at else "",
                h.recorded_by,
                h.source.describe(),
                h.comment,
            ]
            for c, text in enumerate(cells):
                self.history.setItem(r, c, QTableWidgetItem(text))

    def _fill_revisions(self, ind: Indicator) -> None:
        plan = self.context.plan
        assert plan is not None
        revs = [r for r in self.context.plans.revisions(plan.id) if r.indicator == ind.code]
        self.revisions.setRowCount(len(revs))
        for r, rev in enumerate(revs):
            old = rev.old.value if rev.old.value is not None else rev.old.rate
            new = rev.new.value if rev.new.value is not None else rev.new.rate
            cells = [
                rev.effective.isoformat(),
                fmt_num(old, ind.decimals),
                fmt_num(new, ind.decimals),
                rev.reason,
                rev.recorded_by,
            ]
            for c, text in enumerate(cells):
                self.revisions.setItem(r, c, QTableWidgetItem(text))


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
