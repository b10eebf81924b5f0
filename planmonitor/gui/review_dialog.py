"""报送与审核: each region's state of the report period's quarter (报送情况); a county submits,
city staff approve or return it with a reason. What an account may do is the server's to say."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planmonitor.gui.context import MonitorContext
from planmonitor.gui.i18n import period_text
from planmonitor.services.errors import UserError
from planmonitor.services.review import QuarterState, ReviewService


def state_text(state: str) -> str:
    """未报送 / 已报送 / 审核通过 / 退回 in the interface language."""
    words = {
        "": QCoreApplication.translate("Review", "Not submitted"),
        "submitted": QCoreApplication.translate("Review", "Submitted"),
        "approved": QCoreApplication.translate("Review", "Approved (locked)"),
        "returned": QCoreApplication.translate("Review", "Returned"),
    }
    return words[state]


class ReviewDialog(QDialog):
    """The quarter's 报送情况 with 报送 / 审核通过 / 退回 for the selected region."""

    def __init__(self, context: MonitorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reviews = ReviewService(context.db)
        self.setWindowTitle(
            self.tr("Submission and review — {quarter}").format(
                quarter=period_text(context.quarter)
            )
        )
        self.resize(760, 420)
        self.states: list[QuarterState] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Region"),
                self.tr("State"),
                self.tr("Reason"),
                self.tr("Submitted by"),
                self.tr("Reviewed by"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for returning (the county sees it)"))
        self.submit_button = QPushButton(self.tr("Submit"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.return_button = QPushButton(self.tr("Return"))
        self.message = QLabel()
        self.message.setObjectName("entryMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reason, 2)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.submit_button.clicked.connect(lambda: self._act("submit"))
        self.approve_button.clicked.connect(lambda: self._act("approve"))
        self.return_button.clicked.connect(lambda: self._act("return"))

    @Slot()
    def refresh(self) -> None:
        """Show every region's state as the database has it now."""
        plan = self.context.plan
        self.states = [] if plan is None else self.reviews.states(plan.id, self.context.quarter)
        self.table.setRowCount(len(self.states))
        for row, st in enumerate(self.states):
            texts = (
                st.region_name,
                state_text(st.state),
                st.reason,
                st.submitted_by,
                st.reviewed_by,
            )
            for col, text in enumerate(texts):
                self.table.setItem(row, col, QTableWidgetItem(text))
        for col in (0, 1, 3, 4):
            self.table.resizeColumnToContents(col)

    def _act(self, action: str) -> None:
        row = self.table.currentRow()
        plan = self.context.plan
        if row < 0 or plan is None:
            self._say(self.tr("Select a region first."), error=True)
            return
        region, quarter = self.states[row].region, self.context.quarter
        try:
            if action == "submit":
                st = self.reviews.submit(plan.id, region, quarter)
            elif action == "approve":
                st = self.reviews.approve(plan.id, region, quarter)
            else:
                st = self.reviews.send_back(plan.id, region, quarter, self.reason.text())
        except UserError as exc:
            self._say(str(exc), error=True)
            return
        self.refresh()
        self.table.selectRow(row)
        self._say(f"{st.region_name}：{state_text(st.state)}")

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
