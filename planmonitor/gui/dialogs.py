"""Plan editing dialogs: indicator metadata, target revision (动态调整), sub-region."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.formatting import fmt_num
from planmonitor.domain.indicator import (
    Attribute,
    Cadence,
    Indicator,
    PlanError,
    ReleaseProfile,
    TargetForm,
    Thresholds,
)
from planmonitor.domain.revision import revised_due, revised_target
from planmonitor.domain.values import NumberError, parse_number
from planmonitor.gui.context import MonitorContext
from planmonitor.services.errors import UserError


class FormDialog(QDialog):
    """OK/Cancel with an error line; subclasses implement ``save()`` raising UserError."""

    save: Callable[[], None]

    def __init__(self, context: MonitorContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        translate = QCoreApplication.translate
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Dialogs", "OK"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(translate("Dialogs", "Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def _on_accept(self) -> None:
        try:
            self.save()
        except (UserError, PlanError, NumberError) as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class IndicatorDialog(FormDialog):
    """Edit an indicator's metadata, release profile and thresholds."""

    def __init__(self, context: MonitorContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(context, QCoreApplication.translate("Dialogs", "Edit indicator"), parent)
        assert context.plan is not None
        self.indicator = context.plan.indicator(code)
        ind = self.indicator
        self.name = QLineEdit(ind.name)
        self.unit = QLineEdit(ind.unit)
        self.category = QLineEdit(ind.category)
        self.attribute = QComboBox()
        for a in Attribute:
            self.attribute.addItem(a.value, a.value)
        self.attribute.setCurrentIndex(self.attribute.findData(ind.attribute.value))
        self.cadence = QComboBox()
        names = {
            Cadence.CUMULATIVE_FLOW: self.tr("Cumulative flow (1—N月累计)"),
            Cadence.BATCH: self.tr("Batch step (认定批次)"),
            Cadence.ANNUAL_LATE: self.tr("Annual, published late (年度统计)"),
            Cadence.SMOOTH_STOCK: self.tr("Smooth stock (时点数)"),
            Cadence.ANNUAL_RESTART: self.tr("Annual count that restarts (每年重新计数)"),
        }
        for c, label in names.items():
            self.cadence.addItem(label, c.value)
        self.cadence.setCurrentIndex(self.cadence.findData(ind.cadence.value))
        self.profile = [QSpinBox() for _ in range(3)]
        row = QHBoxLayout()
        for i, box in enumerate(self.profile):
            box.setRange(0, 100)
            box.setSuffix("%")
            box.setValue(round(ind.profile.shares[i] * 100))
            row.addWidget(QLabel(self.tr("Q{n}").format(n=i + 1)))
            row.addWidget(box)
        row.addWidget(QLabel(self.tr("Q4 100%")))
        self.decimals = QSpinBox()
        self.decimals.setRange(0, 6)
        self.decimals.setValue(ind.decimals)
        self.responsible = QLineEdit("、".join(ind.responsible))
        self.source = QLineEdit(ind.source)
        self.note = QLineEdit(ind.note)
        th = ind.thresholds
        self.green = _percent_box(th.green if th else 1.0)
        self.yellow = _percent_box(th.yellow if th else 0.9)
        self.own_thresholds = QComboBox()
        self.own_thresholds.addItem(self.tr("Use the plan's thresholds"), False)
        self.own_thresholds.addItem(self.tr("Own thresholds"), True)
        self.own_thresholds.setCurrentIndex(1 if th else 0)
        f = self.form
        f.addRow(self.tr("Name"), self.name)
        f.addRow(self.tr("Unit"), self.unit)
        f.addRow(self.tr("Category"), self.category)
        f.addRow(self.tr("Attribute"), self.attribute)
        f.addRow(self.tr("Cadence"), self.cadence)
        f.addRow(self.tr("Release profile (share due by quarter end)"), row)
        f.addRow(self.tr("Decimals"), self.decimals)
        f.addRow(self.tr("Responsible units (、-separated)"), self.responsible)
        f.addRow(self.tr("Data source"), self.source)
        f.addRow(self.tr("Note"), self.note)
        f.addRow(self.tr("Light thresholds"), self.own_thresholds)
        f.addRow(self.tr("Green from progress"), self.green)
        f.addRow(self.tr("Yellow from progress"), self.yellow)
        fit_to_content(self, 560)

    def edited(self) -> Indicator:
        """The indicator as the form now describes it."""
        shares = [float(b.value()) for b in self.profile] + [100.0]
        thresholds = None
        if self.own_thresholds.currentData():
            thresholds = Thresholds(self.green.value() / 100, self.yellow.value() / 100)
        cadence = Cadence(self.cadence.currentData())
        nature = self.indicator.nature
        if cadence in (Cadence.CUMULATIVE_FLOW, Cadence.ANNUAL_RESTART):
            nature = type(nature)("flow")
        elif cadence in (Cadence.BATCH, Cadence.SMOOTH_STOCK):
            nature = type(nature)("stock")
        return replace(
            self.indicator,
            name=self.name.text().strip(),
            unit=self.unit.text().strip(),
            category=self.category.text().strip(),
            attribute=Attribute(self.attribute.currentData()),
            cadence=cadence,
            nature=nature,
            profile=ReleaseProfile.from_percent(shares),
            decimals=self.decimals.value(),
            responsible=tuple(
                s.strip()
                for s in self.responsible.text().replace("，", "、").split("、")
                if s.strip()
            ),
            source=self.source.text().strip(),
            note=self.note.text().strip(),
            thresholds=thresholds,
        )

    def save(self) -> None:
        assert self.context.plan is not None
        self.context.plans.update_indicator(self.context.plan.id, self.edited())
        self.context.reload_plan()


class ReviseDialog(FormDialog):
    """Revise a target (动态调整) in its own form: new number, effective date and reason.

    The number asked for follows the form: the level (a milestone path is redrawn to it), the
    cumulative increase, the points a year, the growth rate, the yearly quota, or a qualitative
    milestone's due date. The old target stays in the history.
    """

    def __init__(self, context: MonitorContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(context, QCoreApplication.translate("Dialogs", "Revise target"), parent)
        assert context.plan is not None
        self.indicator = context.plans.current_indicator(context.plan.id, code)
        ind = self.indicator
        t = ind.target
        current: dict[TargetForm, float | None] = {
            TargetForm.LEVEL: ind.final_target(),
            TargetForm.INCREASE: t.increase,
            TargetForm.POINTS: t.rate,
            TargetForm.CAGR: t.rate,
            TargetForm.GROWTH_RATE: t.rate,
            TargetForm.QUOTA: t.value,
        }
        if t.form is TargetForm.MILESTONE:
            shown = t.due.isoformat() if t.due else ""
        else:
            number = current[t.form]
            shown = fmt_num(number, max(ind.decimals, 2)) if number is not None else ""
        self.value = QLineEdit(shown)
        self.effective = QDateEdit(QDate.currentDate())
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. 中期评估调整"))
        what = {
            TargetForm.LEVEL: self.tr("New target"),
            TargetForm.INCREASE: self.tr("New cumulative increase"),
            TargetForm.POINTS: self.tr("New percentage points a year"),
            TargetForm.CAGR: self.tr("New yearly growth rate (%)"),
            TargetForm.GROWTH_RATE: self.tr("New yearly growth rate (%)"),
            TargetForm.QUOTA: self.tr("New yearly quota"),
            TargetForm.MILESTONE: self.tr("New due date (YYYY-MM-DD)"),
        }[t.form]
        self.form.addRow(self.tr("Indicator"), QLabel(f"{ind.code} {ind.name}"))
        self.form.addRow(self.tr("Current target"), QLabel(t.text))
        self.form.addRow(what, self.value)
        self.form.addRow(self.tr("Effective from"), self.effective)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.effective.setToolTip(
            self.tr("Type the date (2024-07-01) or pick it from the calendar")
        )
        fit_to_content(self, 480)

    def save(self) -> None:
        plan = self.context.plan
        assert plan is not None
        if self.indicator.target.form is TargetForm.MILESTONE:
            try:
                new = revised_due(self.indicator, date.fromisoformat(self.value.text().strip()))
            except ValueError:
                raise UserError(self.tr("Enter the new due date as YYYY-MM-DD")) from None
        else:
            value = parse_number(self.value.text())
            if value is None:
                raise UserError(self.tr("Enter the new target"))
            new = revised_target(self.indicator, value)
        d = self.effective.date()
        effective = date(d.year(), d.month(), d.day())
        self.context.plans.revise_target(
            plan.id, self.indicator.code, new, effective, self.reason.text()
        )
        self.context.reload_plan()


class RegionDialog(FormDialog):
    """Add a sub-region (镇, 街道, 园区) to the plan."""

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, QCoreApplication.translate("Dialogs", "Add sub-region"), parent)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        fit_to_content(self)

    def save(self) -> None:
        plan = self.context.plan
        assert plan is not None
        self.context.plans.add_region(plan.id, self.code.text(), self.name.text())
        self.context.reload_plan()


def fit_to_content(dialog: QDialog, min_width: int = 420) -> None:
    """Size a dialog to what it shows (never clipped; at least ``min_width`` wide)."""
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    hint = dialog.sizeHint()
    dialog.setMinimumSize(dialog.minimumSizeHint())
    dialog.resize(max(hint.width(), min_width), hint.height())


def _percent_box(fraction: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(1, 200)
    box.setDecimals(1)
    box.setSuffix("%")
    box.setValue(fraction * 100)
    return box
