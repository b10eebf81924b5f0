"""The server's windows: 用户管理 and 审计记录 for admins (on a real server), the 服务器 menu only
for them, and the connect dialog asking for the password (kept in memory only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_accounts import OWNER, Server, new_server, server
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from planmonitor.gui.connect_dialog import ConnectDialog, open_interactively
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.main_window import MainWindow
from planmonitor.gui.server_dialogs import AuditDialog, UsersDialog
from planmonitor.services.accounts import AccountService
from planmonitor.store.database import Database, DatabaseError

__all__ = ["new_server", "server"]


@pytest.mark.postgres
def test_an_admin_adds_and_removes_an_account_in_the_users_dialog(
    zh,
    qtbot,
    server: Server,  # type: ignore[no-untyped-def]
) -> None:
    db = server.open("boss")
    try:
        dialog = UsersDialog(db)
        qtbot.addWidget(dialog)
        names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        assert names == ["boss", "cangxian", "city", "look", "qingxian"]
        qtbot.keyClicks(dialog.name, "nanpi")
        dialog.role.setCurrentIndex(dialog.role.findData("filler"))
        qtbot.keyClicks(dialog.regions, "cangxian,qingxian")
        qtbot.keyClicks(dialog.password, "pw-12345")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert "nanpi" in dialog.message.text() and dialog.password.text() == ""
        (nanpi,) = [a for a in AccountService(db).list() if a.name == "nanpi"]
        assert (nanpi.role, nanpi.regions) == ("filler", ("cangxian", "qingxian"))
        row = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index(
            "nanpi"
        )
        assert dialog.table.item(row, 1).text() == "填报（县区）"
        # a bad one is refused with the reason, nothing made
        qtbot.keyClicks(dialog.name, "Bad Name")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert "不合规" in dialog.message.text()
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert "nanpi" not in [a.name for a in AccountService(db).list()]
    finally:
        db.close()


@pytest.mark.postgres
def test_the_audit_view_shows_who_changed_what_and_filters_by_user(
    zh,
    qtbot,
    server: Server,  # type: ignore[no-untyped-def]
) -> None:
    assert server.cli("cangxian", "record", "05", "2024Q3", "990", "--region", "cangxian") == 0
    assert server.cli("qingxian", "record", "05", "2024Q3", "880", "--region", "qingxian") == 0
    db = server.open("boss")
    try:
        dialog = AuditDialog(db)
        qtbot.addWidget(dialog)
        users = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        assert users[:2] == ["qingxian", "cangxian"]  # newest first
        assert dialog.table.item(0, 2).text() == "新增"
        assert "指标05，2024年第三季度（qingxian）：数值880" in dialog.table.item(0, 4).text()
        qtbot.keyClicks(dialog.user, "cangxian")
        qtbot.keyClick(dialog.user, Qt.Key.Key_Return)
        users = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
        assert users == {"cangxian"}
    finally:
        db.close()


@pytest.mark.postgres
@pytest.mark.parametrize(("user", "shown"), [("boss", True), (OWNER, True), ("cangxian", False)])
def test_the_server_menu_is_for_admins_only(
    zh,
    qtbot,
    server: Server,
    user: str,
    shown: bool,  # type: ignore[no-untyped-def]
) -> None:
    db = server.open(user)
    try:
        window = MainWindow(MonitorContext(db))
        qtbot.addWidget(window)
        assert window.server_menu.menuAction().isVisible() is shown
        window.close()
    finally:
        db.close()


def test_no_server_menu_on_a_local_file(cangzhou_window) -> None:  # type: ignore[no-untyped-def]
    assert not cangzhou_window.server_menu.menuAction().isVisible()


def test_the_connect_dialog_asks_for_the_password_and_keeps_it_in_memory_only(
    zh,
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    tried: list[str] = []

    def opener(url: str) -> Database:
        tried.append(url)
        if ":s3cret@" not in url:
            raise DatabaseError(
                "无法打开数据库 postgresql+psycopg://cangxian@city-server/planmonitor："
                'password authentication failed for user "cangxian"'
            )
        return "opened"  # type: ignore[return-value]

    def type_password() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ConnectDialog))
        assert dialog.user.text() == "cangxian" and "password" in dialog.why.text()
        assert dialog.password.echoMode() == dialog.password.EchoMode.Password
        qtbot.keyClicks(dialog.password, "s3cret")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_password)
    got = open_interactively("postgresql+psycopg://cangxian@city-server/planmonitor", opener=opener)
    assert got == "opened"
    assert tried == [
        "postgresql+psycopg://cangxian@city-server/planmonitor",
        "postgresql+psycopg://cangxian:s3cret@city-server/planmonitor",
    ]
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all("s3cret" not in p.read_text(errors="replace") for p in written)


def test_a_cancelled_connect_dialog_opens_nothing(zh, qtbot) -> None:  # type: ignore[no-untyped-def]
    def cancel() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ConnectDialog))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    def opener(url: str) -> Database:
        raise DatabaseError("无法打开数据库：fe_sendauth: no password supplied")

    QTimer.singleShot(0, cancel)
    assert open_interactively("postgresql+psycopg://look@h/db", opener=opener) is None
