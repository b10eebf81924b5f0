"""报送情况 (who has reported) and 数据审核 (data checks, what needs a 情况说明, closing and
reopening the quarter) for the report quarter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.checks import Finding
from planmonitor.domain.round import QuarterEvent, UnitReport
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.i18n import period_text
from planmonitor.services.errors import UserError
from planmonitor.services.quarter_locks import QuarterLocks
from planmonitor.services.reporting_round import RoundService


def _table(columns: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(columns))
    t.setHorizontalHeaderLabels(columns)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class ReportingView(QWidget):
    """Per responsible unit: reported and missing, the missing items, a 催报 text to copy."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ReportingView", "Unit"),
        QT_TRANSLATE_NOOP("ReportingView", "Reported"),
        QT_TRANSLATE_NOOP("ReportingView", "Missing"),
    )

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.units: list[UnitReport] = []
        self.title = QLabel()
        self.title.setObjectName("viewTitle")
        self.share = QLabel()
        self.table = _table([self.tr(str(c)) for c in self.COLUMNS])
        self.missing = QListWidget()
        self.reminder = QPlainTextEdit()
        self.reminder.setReadOnly(True)
        self.reminder.setFixedHeight(80)
        self.copy_button = QPushButton(self.tr("Copy reminder"))
        lower = QHBoxLayout()
        lower.addWidget(self.missing, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Reminder to send")))
        right.addWidget(self.reminder)
        right.addWidget(self.copy_button)
        lower.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.share)
        layout.addWidget(self.table, 1)
        layout.addLayout(lower)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.table.itemSelectionChanged.connect(self._on_select)
        self.copy_button.clicked.connect(self.copy_reminder)
        for signal in (
            self.context.planChanged,
            self.context.periodChanged,
            self.context.dataChanged,
        ):
            signal.connect(self.refresh)

    @Slot()
    def refresh(self) -> None:
        """Re-read who has reported for the report quarter."""
        plan, quarter = self.context.plan, self.context.quarter
        self.title.setText(self.tr("Reporting, {quarter}").format(quarter=period_text(quarter)))
        self.units = []
        if plan is None:
            return
        rep = RoundService(self.context.db).missing(plan.id, quarter)
        self.units = rep.units
        share = f"{rep.share:.0%}" if rep.share is not None else "—"
        self.share.setText(
            self.tr("{filled} of {asked} items reported ({share})").format(
                filled=rep.filled, asked=rep.asked, share=share
            )
        )
        self.table.setRowCount(len(self.units))
        for r, u in enumerate(self.units):
            mark = "✔" if u.complete else "✘"
            for c, text in enumerate((f"{mark} {u.unit}", str(len(u.done)), str(len(u.missing)))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.missing.clear()
        self.reminder.clear()

    def select_unit(self, unit: str) -> None:
        """Select ``unit``'s row."""
        self.table.selectRow([u.unit for u in self.units].index(unit))

    @Slot()
    def _on_select(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.units) or self.context.plan is None:
            return
        u = self.units[row]
        self.missing.clear()
        for i in u.missing:
            line = (
                self.tr("Indicator {code} {name} ({period})")
                if i.kind == "indicator"
                else self.tr("Task {code} {name} ({period})")
            )
            self.missing.addItem(
                line.format(code=i.code, name=i.name, period=period_text(i.period))
            )
        text = u.reminder(self.context.quarter, self.context.plan.title) if u.missing else ""
        self.reminder.setPlainText(text)

    @Slot()
    def copy_reminder(self) -> None:
        """Put the reminder on the clipboard."""
        QGuiApplication.clipboard().setText(self.reminder.toPlainText())


class ChecksView(QWidget):
    """数据审核: the checks' warnings, what needs a 情况说明, and closing or reopening the quarter.

    Signals:
        lockChanged(): the quarter was closed or reopened.
    """

    lockChanged = Signal()

    COLUMNS = (
        QT_TRANSLATE_NOOP("ChecksView", "Check"),
        QT_TRANSLATE_NOOP("ChecksView", "Code"),
        QT_TRANSLATE_NOOP("ChecksView", "Indicator"),
        QT_TRANSLATE_NOOP("ChecksView", "Region"),
        QT_TRANSLATE_NOOP("ChecksView", "Period"),
        QT_TRANSLATE_NOOP("ChecksView", "Finding"),
        QT_TRANSLATE_NOOP("ChecksView", "Comment"),
    )

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.findings: list[Finding] = []
        self._stale = False  # the context changed while the tab was not shown
        self.title = QLabel()
        self.title.setObjectName("viewTitle")
        self.table = _table([self.tr(str(c)) for c in self.COLUMNS])
        self.pending = QListWidget()
        self.lock_state = QLabel()
        self.lock_state.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close the quarter (reporting complete)"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for reopening"))
        self.reopen_button = QPushButton(self.tr("Reopen the quarter"))
        self.history = QListWidget()
        self.history.setFixedHeight(70)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.close_button)
        row.addWidget(self.reason, 1)
        row.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("Needs a comment before the quarter can be closed")))
        layout.addWidget(self.pending, 1)
        layout.addWidget(self.lock_state)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Closing history")))
        layout.addWidget(self.history)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.close_button.clicked.connect(self.close_quarter)
        self.reopen_button.clicked.connect(self.reopen_quarter)
        for signal in (
            self.context.planChanged,
            self.context.periodChanged,
            self.context.dataChanged,
        ):
            signal.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with what changed while another tab was shown."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Re-run the checks for the report quarter (when next shown, if another tab is: a
        city's checks read every region's values)."""
        if self.isHidden():
            self._stale = True
            return
        self._stale = False
        plan, quarter = self.context.plan, self.context.quarter
        self.title.setText(self.tr("Data checks, {quarter}").format(quarter=period_text(quarter)))
        if plan is None:
            return
        rnd = RoundService(self.context.db)
        self.findings = rnd.check(plan.id, quarter)
        self.table.setRowCount(len(self.findings))
        names = {r.code: r.name for r in plan.regions}
        for r, f in enumerate(self.findings):
            comment = f.comment or self.tr("(needs a comment)")
            region = names.get(f.region, f.region)
            cells = (
                f.rule.label,
                f.code,
                f.name,
                region,
                period_text(f.period),
                f.message,
                comment,
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.pending.clear()
        for item in rnd.needs_comment(plan.id, quarter, self.findings):
            self.pending.addItem(item.describe())
        locks = QuarterLocks(self.context.db)
        closed = locks.is_closed(plan.id, quarter)
        if closed is not None:
            self.lock_state.setText(
                self.tr(
                    "Closed: {event}. Values, comments and task progress of this quarter "
                    "cannot be changed until it is reopened."
                ).format(event=closed.describe())
            )
        else:
            self.lock_state.setText(self.tr("Open: values can be entered and imported."))
        self.close_button.setEnabled(closed is None)
        self.reopen_button.setEnabled(closed is not None)
        self.history.clear()
        for e in locks.history(plan.id):
            self.history.addItem(e.describe())

    @Slot()
    def close_quarter(self) -> None:
        """Close (锁定) the report quarter; says what still needs a comment if it cannot."""
        self._run(
            lambda plan_id: RoundService(self.context.db).close(plan_id, self.context.quarter)
        )

    @Slot()
    def reopen_quarter(self) -> None:
        """Reopen the report quarter with the reason typed beside the button."""
        reason = self.reason.text()
        self._run(
            lambda plan_id: RoundService(self.context.db).reopen(
                plan_id, self.context.quarter, reason
            )
        )
        if not self.message.property("error"):
            self.reason.clear()

    def _run(self, action: Callable[[str], QuarterEvent]) -> None:
        plan = self.context.plan
        if plan is None:
            return
        try:
            event = action(plan.id)
        except UserError as exc:
            self.message.setText(str(exc))
            self.message.setProperty("error", True)
            return
        self.message.setText(event.describe())
        self.message.setProperty("error", False)
        self.refresh()
        self.lockChanged.emit()
