"""The quarterly entry grid's table model: indicators × the quarters of one year.

Every accepted edit goes through an undo command that records the value in its own
transaction; invalid text is refused with the reason (``lastError``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication

from planmonitor.domain.checks import Finding
from planmonitor.domain.formatting import fmt_num
from planmonitor.domain.indicator import Cadence, Indicator, TargetForm
from planmonitor.domain.observation import Observation, Source, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.schedule import NoSchedule, build_schedule
from planmonitor.domain.values import NumberError, parse_done, parse_number
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.i18n import period_text
from planmonitor.services.entry_checks import CellKey, year_findings

FIXED = 4  # 指标, 单位, 基数, 本年目标
ANNUAL_COL = FIXED + 4
Index = QModelIndex | QPersistentModelIndex
_DISABLED = QColor("#eeeeee")
COMMENT_ROLE = Qt.ItemDataRole.UserRole + 7  # the comment of the cell's value ("" if none)
CHECK_ROLE = Qt.ItemDataRole.UserRole + 8  # CHECK_OPEN, CHECK_EXPLAINED or None (数据审核)
CHECK_OPEN = "open"  # the value trips a data check and has no comment yet
CHECK_EXPLAINED = "explained"  # it trips a check and its comment explains it
_CHECK_FILL = QColor("#fff0c2")


@dataclass(frozen=True)
class CellValue:
    """What a cell holds: the value, its standing and comment (and, for a ratio recorded by its
    parts, the numerator and denominator); ``version`` is the stored row an edit of this cell
    is based on (not part of equality)."""

    value: float
    standing: Standing
    comment: str
    numerator: float | None = None
    denominator: float | None = None
    version: int | None = field(default=None, compare=False)


def is_annual_only(ind: Indicator) -> bool:
    """Indicators whose data arrive as one annual value (published late)."""
    return ind.cadence is Cadence.ANNUAL_LATE


class EntryModel(QAbstractTableModel):
    """Rows are indicators; columns 指标, 单位, 基数, 本年目标, Q1…Q4 and 年度 of one year.

    Signals:
        editRequested(str, object, object): code, period, new CellValue (or None to retract);
            the view turns it into an undo command.
        refused(str): a typed text was refused; the reason.
    """

    editRequested = Signal(str, object, object)
    refused = Signal(str)

    def __init__(self, context: MonitorContext) -> None:
        super().__init__()
        self.context = context
        self.year = context.quarter.year
        self.indicators: list[Indicator] = []
        self.cells: dict[tuple[str, Period], CellValue] = {}
        self.findings: dict[CellKey, list[Finding]] = {}

    # -- loading ------------------------------------------------------------------------------
    def load(self, year: int | None = None) -> None:
        """Re-read the plan's indicators and this year's current values."""
        self.beginResetModel()
        if year is not None:
            self.year = year
        plan = self.context.plan
        self.indicators = list(plan.indicators) if plan else []
        self.cells = {}
        self.findings = {}
        if plan is not None:
            current = self.context.values.current(plan.id, self.context.region)
            self.cells = {
                (o.indicator, o.period): _cell(o)
                for o in current
                if o.value is not None and o.period.year == self.year
            }
            self.findings = year_findings(plan, current, self.year, self.context.quarter)
        self.endResetModel()

    def recheck(self) -> None:
        """Run the data checks again on the values as saved (after an edit)."""
        plan = self.context.plan
        if plan is None or not self.indicators:
            self.findings = {}
            return
        current = self.context.values.current(plan.id, self.context.region)
        self.findings = year_findings(plan, current, self.year, self.context.quarter)
        top, bottom = self.index(0, FIXED), self.index(len(self.indicators) - 1, ANNUAL_COL)
        self.dataChanged.emit(top, bottom)

    def check_state(self, code: str, period: Period) -> str | None:
        """CHECK_OPEN, CHECK_EXPLAINED or None: what the data checks say of a cell's value."""
        found = self.findings.get((code, period))
        if not found:
            return None
        return CHECK_EXPLAINED if all(f.resolved for f in found) else CHECK_OPEN

    def check_lines(self, code: str, period: Period) -> list[str]:
        """The rule's sentence of every check a cell's value trips, naming indicator and quarter."""
        translate = QApplication.translate
        out = []
        for f in self.findings.get((code, period), []):
            where = f"{f.code} {f.name} {period_text(f.period)}"
            if f.resolved:
                text = translate("EntryModel", "Data check (explained): {cell}: {rule}, {finding}.")
            else:
                text = translate(
                    "EntryModel",
                    "Data check: {cell}: {rule}, {finding}. A comment (情况说明) is needed.",
                )
            out.append(text.format(cell=where, rule=f.rule.label, finding=f.message))
        return out

    def period_at(self, column: int) -> Period | None:
        """The period a value column stands for (None for the reference columns)."""
        if FIXED <= column < ANNUAL_COL:
            return Period.quarter(self.year, column - FIXED + 1)
        if column == ANNUAL_COL:
            return Period.annual(self.year)
        return None

    def is_input(self, row: int, column: int) -> bool:
        """True where a value may be typed (annual-only indicators: the 年度 column only)."""
        period = self.period_at(column)
        if period is None:
            return False
        annual = is_annual_only(self.indicators[row])
        return period.is_annual == annual

    def next_input_row(self, row: int, column: int) -> int | None:
        """The first row below ``row`` whose cell in ``column`` takes a value."""
        for r in range(row + 1, len(self.indicators)):
            if self.is_input(r, column):
                return r
        return None

    def cell_name(self, row: int, column: int) -> str:
        """The indicator and period of a cell as a user names them ("05 高新… 2023年第三季度")."""
        ind = self.indicators[row]
        period = self.period_at(column)
        where = (
            period_text(period)
            if period is not None
            else str(self.headerData(column, Qt.Orientation.Horizontal))
        )
        return f"{ind.code} {ind.name} {where}"

    def refusal(self, row: int, column: int) -> str:
        """Why a cell takes no value, naming the indicator and period."""
        translate = QApplication.translate
        ind = self.indicators[row]
        if self.period_at(column) is None:
            why = translate("EntryModel", "this column is the plan's, not a value")
        elif is_annual_only(ind):
            why = translate(
                "EntryModel", "Published once a year: enter the annual value in the Year column"
            )
        else:
            why = translate("EntryModel", "Quarterly indicator: the Q4 value is the year's value")
        return translate("EntryModel", "{cell} takes no value: {why}").format(
            cell=self.cell_name(row, column), why=why
        )

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.indicators)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else ANNUAL_COL + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.indicators[section].code
        translate = QApplication.translate
        if section == ANNUAL_COL:
            return translate("EntryModel", "Year {year}").format(year=self.year)
        return translate("EntryModel", str(_HEADERS[section]))

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_input(index.row(), index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        ind = self.indicators[index.row()]
        col = index.column()
        period = self.period_at(col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if period is None:
                return self._reference(ind, col)
            cell = self.cells.get((ind.code, period))
            if cell is None:
                if role == Qt.ItemDataRole.DisplayRole and self.is_input(index.row(), col):
                    return ""
                return None
            return self._shown(ind, cell.value)
        if role == COMMENT_ROLE:
            cell = self.cells.get((ind.code, period)) if period is not None else None
            return cell.comment if cell is not None else ""
        if role == CHECK_ROLE:
            return None if period is None else self.check_state(ind.code, period)
        disabled = period is not None and not self.is_input(index.row(), col)
        if role == Qt.ItemDataRole.BackgroundRole and disabled:
            return QBrush(_DISABLED)
        if role == Qt.ItemDataRole.BackgroundRole and period is not None:
            if self.check_state(ind.code, period) == CHECK_OPEN:
                return QBrush(_CHECK_FILL)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and period is not None:
            return self._tooltip(ind, period, index.row(), col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_input(index.row(), index.column()):
            return False
        ind = self.indicators[index.row()]
        period = self.period_at(index.column())
        assert period is not None
        try:
            new = self.parse(ind, str(value))
        except NumberError as exc:
            self.refused.emit(f"{ind.code} {ind.name} {period_text(period)}：{exc}")
            return False
        old = self.cells.get((ind.code, period))
        if new is None and old is None:
            return False
        cell = None
        if new is not None:
            standing = old.standing if old else Standing.PRELIMINARY
            cell = CellValue(new, standing, old.comment if old else "")
            if old == cell:
                return False
        self.editRequested.emit(ind.code, period, cell)
        return True

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def parse(ind: Indicator, text: str) -> float | None:
        """The value typed for ``ind``: a number (or 完成/未完成 for milestones); None = clear."""
        if ind.target.form is TargetForm.MILESTONE:
            return None if not text.strip() else parse_done(text)
        return parse_number(text)

    def set_cell(self, code: str, period: Period, cell: CellValue | None) -> None:
        """Show a saved value (called by the undo commands after the database accepted it)."""
        if cell is None:
            self.cells.pop((code, period), None)
        else:
            self.cells[(code, period)] = cell
        row = next(i for i, ind in enumerate(self.indicators) if ind.code == code)
        col = ANNUAL_COL if period.is_annual else FIXED + period.quarter_number - 1
        idx = self.index(row, col)
        self.dataChanged.emit(idx, idx)

    def cell(self, row: int, column: int) -> CellValue | None:
        """The value shown in a cell, with standing and comment."""
        period = self.period_at(column)
        if period is None:
            return None
        return self.cells.get((self.indicators[row].code, period))

    def _shown(self, ind: Indicator, value: float) -> str:
        if ind.target.form is TargetForm.MILESTONE:
            done = "Done" if value >= 1 else "Not done"
            return QApplication.translate("EntryModel", done)
        return fmt_num(value, ind.decimals)

    def _reference(self, ind: Indicator, col: int) -> str:
        if col == 0:
            return ind.name
        if col == 1:
            return ind.unit
        if col == 2:
            return fmt_num(ind.baseline, ind.decimals)
        try:
            sched = build_schedule(ind)
        except NoSchedule:
            return "—"
        if ind.target.form is TargetForm.GROWTH_RATE:
            return f"{ind.target.rate:g}%"
        return fmt_num(sched.year_target(self.year), ind.decimals, ind.unit)

    def _tooltip(self, ind: Indicator, period: Period, row: int, col: int) -> str:
        translate = QApplication.translate
        if not self.is_input(row, col):
            if is_annual_only(ind):
                return translate(
                    "EntryModel", "Published once a year: enter the annual value in the Year column"
                )
            return translate("EntryModel", "Quarterly indicator: the Q4 value is the year's value")
        cell = self.cells.get((ind.code, period))
        if cell is None:
            return translate("EntryModel", "{period}: no value yet").format(
                period=period_text(period)
            )
        note = f"\n{cell.comment}" if cell.comment else ""
        checks = "".join(f"\n{line}" for line in self.check_lines(ind.code, period))
        return f"{period_text(period)} {cell.standing.value}{note}{checks}"


def _cell(o: Observation) -> CellValue:
    assert o.value is not None
    return CellValue(o.value, o.standing, o.comment, o.numerator, o.denominator, version=o.version)


_HEADERS = (
    QT_TRANSLATE_NOOP("EntryModel", "Indicator"),
    QT_TRANSLATE_NOOP("EntryModel", "Unit"),
    QT_TRANSLATE_NOOP("EntryModel", "Baseline"),
    QT_TRANSLATE_NOOP("EntryModel", "Target this year"),
    QT_TRANSLATE_NOOP("EntryModel", "Q1 (Jan–Mar)"),
    QT_TRANSLATE_NOOP("EntryModel", "Q2 (Jan–Jun)"),
    QT_TRANSLATE_NOOP("EntryModel", "Q3 (Jan–Sep)"),
    QT_TRANSLATE_NOOP("EntryModel", "Q4 (Jan–Dec)"),
)


GUI_SOURCE = Source("manual")
_NOOP_DONE = (QT_TRANSLATE_NOOP("EntryModel", "Done"), QT_TRANSLATE_NOOP("EntryModel", "Not done"))
