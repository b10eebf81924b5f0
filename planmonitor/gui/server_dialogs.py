"""Server dialogs for admins: 用户管理 (accounts) and 审计记录 (the server's audit table)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planmonitor.services.accounts import ROLES, AccountService
from planmonitor.services.audit import AuditService
from planmonitor.services.errors import UserError
from planmonitor.store.database import Database

AUDIT_ROWS = 500


def _role_text(role: str) -> str:
    words = {
        "admin": QCoreApplication.translate("Server", "Administrator"),
        "reviewer": QCoreApplication.translate("Server", "Reviewer (city staff)"),
        "filler": QCoreApplication.translate("Server", "Filler (a county)"),
        "viewer": QCoreApplication.translate("Server", "Read only"),
        "owner": QCoreApplication.translate("Server", "Owner"),
    }
    return words.get(role, role)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


class UsersDialog(QDialog):
    """用户管理: the server's accounts; add one (role, regions, password) or remove one.

    The password goes from the field to the server hashed (never stored by the program).
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User management"))
        self.resize(720, 480)
        self.accounts = AccountService(db)
        self.table = _table([self.tr("Account"), self.tr("Role"), self.tr("Regions")])
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("login name, e.g. cangxian"))
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(_role_text(role), role)
        self.regions = QLineEdit()
        self.regions.setPlaceholderText(self.tr("region codes, separated by commas (fillers)"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add account"))
        self.remove_button = QPushButton(self.tr("Remove selected account"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("entryMessage")
        form = QFormLayout()
        form.addRow(self.tr("Account:"), self.name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Regions:"), self.regions)
        form.addRow(self.tr("Password:"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)

    @Slot()
    def refresh(self) -> None:
        """Show the accounts as the server has them."""
        users = self.accounts.list()
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            regions = "、".join(user.regions) if user.regions else self.tr("all regions")
            for col, text in enumerate((user.name, _role_text(user.role), regions)):
                self.table.setItem(row, col, QTableWidgetItem(text))

    @Slot()
    def add(self) -> None:
        """Create the account typed in the form."""
        codes = [c for c in self.regions.text().replace("，", ",").split(",") if c.strip()]
        password = self.password.text() or None
        try:
            acc = self.accounts.add(self.name.text(), self.role.currentData(), codes, password)
        except UserError as exc:
            self._say(str(exc), error=True)
            return
        self.password.clear()
        self.name.clear()
        self.regions.clear()
        self.refresh()
        self._say(self.tr("Account {name} added.").format(name=acc.name))

    @Slot()
    def remove(self) -> None:
        """Drop the selected account."""
        row = self.table.currentRow()
        if row < 0:
            self._say(self.tr("Select the account to remove."), error=True)
            return
        item = self.table.item(row, 0)
        name = item.text() if item is not None else ""
        try:
            self.accounts.remove(name)
        except UserError as exc:
            self._say(str(exc), error=True)
            return
        self.refresh()
        self._say(self.tr("Account {name} removed.").format(name=name))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)


class AuditDialog(QDialog):
    """审计记录: the newest changes on the server (also those made with other tools)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(960, 560)
        self.audit = AuditService(db)
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("all users"))
        self.table = _table(
            [self.tr("Time"), self.tr("User"), self.tr("Change"), self.tr("Table"), self.tr("What")]
        )
        self.message = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("User:")))
        top.addWidget(self.user)
        top.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.user.returnPressed.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Show the newest entries (of the user typed, if any)."""
        ops = {
            "INSERT": self.tr("added"),
            "UPDATE": self.tr("changed"),
            "DELETE": self.tr("deleted"),
        }
        try:
            entries = self.audit.entries(user=self.user.text().strip() or None, limit=AUDIT_ROWS)
        except UserError as exc:
            self.message.setText(str(exc))
            self.table.setRowCount(0)
            return
        entries.reverse()  # newest first
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            what = e.summary or f"#{e.row_id}"
            texts = (f"{e.at:%Y-%m-%d %H:%M:%S}", e.user, ops[e.operation], e.table, what)
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.message.setText(self.tr("{n} changes shown (newest first).").format(n=len(entries)))
