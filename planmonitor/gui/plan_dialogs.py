"""Plan dialogs for what only the command line could do: a missing baseline, sub-region
targets (任务分解), and the plan's thresholds and 左右 tolerance."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from planmonitor.domain.formatting import fmt_num
from planmonitor.domain.indicator import Indicator, Thresholds
from planmonitor.domain.values import NumberError, parse_number
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.dialogs import FormDialog, fit_to_content
from planmonitor.services.errors import UserError
from planmonitor.services.plan_settings import PlanSettingsService


def indicator_box(context: MonitorContext, code: str | None, missing_first: bool) -> QComboBox:
    """A chooser of the plan's indicators (those without a baseline first if asked)."""
    assert context.plan is not None
    box = QComboBox()
    box.setMinimumContentsLength(28)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    inds = list(context.plan.indicators)
    if missing_first:
        inds.sort(key=lambda i: i.baseline is not None)
    for ind in inds:
        box.addItem(f"{ind.code} {ind.name}", ind.code)
        box.setItemData(box.count() - 1, f"{ind.code} {ind.name}", Qt.ItemDataRole.ToolTipRole)
    if code is not None and box.findData(code) >= 0:
        box.setCurrentIndex(box.findData(code))
    return box


class BaselineDialog(FormDialog):
    """Enter (or correct) a baseline the plan left empty — the status asks for it."""

    def __init__(
        self, context: MonitorContext, code: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, QCoreApplication.translate("Dialogs", "Enter a baseline"), parent)
        plan = context.plan
        assert plan is not None
        missing = next((i.code for i in plan.indicators if i.baseline is None), None)
        pick = code if code and plan.indicator(code).baseline is None else missing or code
        self.indicator = indicator_box(context, pick, missing_first=True)
        self.current = QLabel()
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("e.g. 3"))
        self.form.addRow(self.tr("Indicator"), self.indicator)
        self.form.addRow(self.tr("Baseline now"), self.current)
        self.year_label = QLabel()
        self.form.addRow(self.year_label, self.value)
        self.indicator.currentIndexChanged.connect(self._show)
        self._show()
        fit_to_content(self)

    def chosen(self) -> Indicator:
        assert self.context.plan is not None
        return self.context.plan.indicator(self.indicator.currentData())

    @Slot()
    def _show(self) -> None:
        ind = self.chosen()
        self.current.setText(
            self.tr("missing") if ind.baseline is None else fmt_num(ind.baseline, ind.decimals)
        )
        self.year_label.setText(
            self.tr("Baseline {year} ({unit})").format(year=ind.baseline_year, unit=ind.unit)
        )
        self.value.setText("" if ind.baseline is None else fmt_num(ind.baseline, ind.decimals))

    def save(self) -> None:
        plan = self.context.plan
        assert plan is not None
        ind = self.chosen()
        value = parse_number(self.value.text())
        if value is None:
            raise UserError(
                self.tr("Enter the {year} baseline of {name}").format(
                    year=ind.baseline_year, name=ind.name
                )
            )
        self.context.plans.set_baseline(plan.id, ind.code, value)
        self.context.reload_plan()


class RegionTargetDialog(FormDialog):
    """Each sub-region's share of one indicator's target (任务分解): baseline and target."""

    def __init__(
        self, context: MonitorContext, code: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context, QCoreApplication.translate("Dialogs", "Sub-region targets"), parent
        )
        self.service = PlanSettingsService(context.db)
        self.indicator = indicator_box(context, code, missing_first=False)
        self.total = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sub-region"), self.tr("Baseline"), self.tr("Target")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.form.addRow(self.tr("Indicator"), self.indicator)
        self.form.addRow(self.tr("Whole plan"), self.total)
        self.form.addRow(self.table)
        self.empty = QLabel(
            self.tr("The plan has no sub-regions yet: add them with 编辑 → 添加下级地区 first.")
        )
        self.empty.setWordWrap(True)
        self.form.addRow(self.empty)
        self.indicator.currentIndexChanged.connect(self._load)
        self._load()
        fit_to_content(self, 560)

    def chosen(self) -> Indicator:
        assert self.context.plan is not None
        return self.context.plan.indicator(self.indicator.currentData())

    @Slot()
    def _load(self) -> None:
        plan = self.context.plan
        assert plan is not None
        ind = self.chosen()
        target = ind.final_target()
        self.total.setText(
            self.tr("baseline {baseline}, target {target} {unit} ({year})").format(
                baseline=fmt_num(ind.baseline, ind.decimals),
                target=fmt_num(target, ind.decimals),
                unit=ind.unit,
                year=ind.target_year,
            )
        )
        shares = self.service.region_targets(plan.id, ind.code)
        self.table.setRowCount(len(shares))
        for r, share in enumerate(shares):
            name = QTableWidgetItem(share.region_name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            name.setData(Qt.ItemDataRole.UserRole, share.region)
            self.table.setItem(r, 0, name)
            for c, v in ((1, share.baseline), (2, share.target)):
                self.table.setItem(
                    r, c, QTableWidgetItem(fmt_num(v, ind.decimals) if v is not None else "")
                )
        self.table.setVisible(bool(shares))
        self.empty.setVisible(not shares)

    def save(self) -> None:
        plan = self.context.plan
        assert plan is not None
        ind = self.chosen()
        shares: list[tuple[str, float | None, float | None]] = []
        for r in range(self.table.rowCount()):
            region_item = self.table.item(r, 0)
            assert region_item is not None
            values = []
            for c in (1, 2):
                item = self.table.item(r, c)
                text = item.text() if item is not None else ""
                try:
                    values.append(parse_number(text))
                except NumberError as exc:
                    column = self.table.horizontalHeaderItem(c)
                    raise UserError(
                        f"{region_item.text()}·{column.text() if column else ''}：{exc}"
                    ) from None
            shares.append((region_item.data(Qt.ItemDataRole.UserRole), values[1], values[0]))
        self.service.set_region_targets(plan.id, ind.code, shares)
        self.context.reload_plan()


class PlanSettingsDialog(FormDialog):
    """The plan's light thresholds (预期性, 约束性) and the tolerance of 左右 targets."""

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, QCoreApplication.translate("Dialogs", "Plan settings"), parent)
        plan = context.plan
        assert plan is not None
        st = plan.settings
        self.green = _percent(st.thresholds.green)
        self.yellow = _percent(st.thresholds.yellow)
        self.binding_green = _percent(st.binding.green)
        self.binding_yellow = _percent(st.binding.yellow)
        self.tolerance = QDoubleSpinBox()
        self.tolerance.setRange(0, 10)
        self.tolerance.setDecimals(2)
        self.tolerance.setSingleStep(0.1)
        self.tolerance.setSuffix(self.tr(" percentage points"))
        self.tolerance.setValue(st.approx_tolerance)
        f = self.form
        f.addRow(QLabel(self.tr("Expected (预期性) indicators")))
        f.addRow(self.tr("On schedule (green) from progress"), self.green)
        f.addRow(self.tr("Slightly behind (yellow) from progress"), self.yellow)
        f.addRow(QLabel(self.tr("Binding (约束性) indicators")))
        f.addRow(self.tr("On schedule (green) from progress"), self.binding_green)
        f.addRow(self.tr("Slightly behind (yellow) from progress"), self.binding_yellow)
        f.addRow(self.tr("Tolerance of 左右 (≈) targets"), self.tolerance)
        fit_to_content(self)

    def save(self) -> None:
        plan = self.context.plan
        assert plan is not None
        settings = replace(
            plan.settings,
            thresholds=Thresholds(self.green.value() / 100, self.yellow.value() / 100),
            binding=Thresholds(self.binding_green.value() / 100, self.binding_yellow.value() / 100),
            approx_tolerance=self.tolerance.value(),
        )
        PlanSettingsService(self.context.db).set_status_settings(plan.id, settings)
        self.context.reload_plan()


def _percent(fraction: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(1, 200)
    box.setDecimals(1)
    box.setSuffix("%")
    box.setValue(fraction * 100)
    return box


class ResponsibleUnitsDialog(FormDialog):
    """The responsible units (责任单位) of every indicator: the fill-in workbooks go per unit."""

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context, QCoreApplication.translate("Dialogs", "Responsible units"), parent
        )
        plan = context.plan
        assert plan is not None
        self.table = QTableWidget(len(plan.indicators), 2)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Indicator"), self.tr("Responsible units (、-separated)")]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 300)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        for r, ind in enumerate(plan.indicators):
            name = QTableWidgetItem(f"{ind.code} {ind.name}")
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setToolTip(f"{ind.code} {ind.name}")
            name.setData(Qt.ItemDataRole.UserRole, ind.code)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem("、".join(ind.responsible)))
        self.form.addRow(self.table)
        fit_to_content(self, 720)
        self.resize(self.width(), min(640, 120 + 30 * len(plan.indicators)))

    def save(self) -> None:
        plan = self.context.plan
        assert plan is not None
        for r, ind in enumerate(plan.indicators):
            item = self.table.item(r, 1)
            text = item.text() if item is not None else ""
            units = tuple(
                u.strip()
                for u in text.replace("，", "、").replace(",", "、").split("、")
                if u.strip()
            )
            if units != ind.responsible:
                self.context.plans.update_indicator(plan.id, replace(ind, responsible=units))
        self.context.reload_plan()
