"""Connecting to a city server as oneself: the password is asked for when the server wants one
and kept in memory only (never written to disk in clear; libpq's .pgpass or PGSERVICE spare
the question altogether)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from planmonitor.store.database import Database, DatabaseError, open_database, resolve_url

Ask = Callable[[str, str, str], tuple[str, str] | None]  # (server, user, why) -> (user, password)


class ConnectDialog(QDialog):
    """Asks for the account and password of a server (the password field shows no text)."""

    def __init__(self, server: str, user: str, why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to the server"))
        self.user = QLineEdit(user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.why = QLabel(why)
        self.why.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), QLabel(server))
        form.addRow(self.tr("Account:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addLayout(form)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        (self.password if user else self.user).setFocus()


def ask_with_dialog(server: str, user: str, why: str) -> tuple[str, str] | None:
    """The dialog, modal: (user, password), or None when cancelled."""
    dialog = ConnectDialog(server, user, why)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.user.text().strip(), dialog.password.text()


def needs_password(exc: DatabaseError) -> bool:
    """True when the server refused the connection for want of (the right) password."""
    text = str(exc).lower()
    return "password" in text or "authentication failed" in text


def open_interactively(
    target: str | None,
    ask: Ask = ask_with_dialog,
    opener: Callable[[str], Database] = open_database,
) -> Database | None:
    """Open ``target``; where a server wants a password, ask for it (three tries).

    None when the user cancels. The password lives only in the URL held by the open engine.
    """
    url = resolve_url(target)
    for _attempt in range(3):
        try:
            return opener(url)
        except DatabaseError as exc:
            parsed = make_url(url)
            if parsed.get_backend_name() != "postgresql" or not needs_password(exc):
                raise
            where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"
            answer = ask(where, parsed.username or "", str(exc).splitlines()[0])
            if answer is None:
                return None
            user, password = answer
            url = parsed.set(username=user or None, password=password).render_as_string(
                hide_password=False
            )
    return opener(url)
