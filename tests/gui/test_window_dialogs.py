"""Every dialog of the 编辑 and 服务器 menus and of the detail view opens, modal on the main
window, for the indicator in view (the window hands them to gui/window_dialogs.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from planmonitor.gui import dialogs, plan_dialogs, review_dialog, server_dialogs


@pytest.fixture
def opened(monkeypatch):  # type: ignore[no-untyped-def]
    """(dialog class, its parent) of every dialog exec()'d, instead of showing it."""
    seen: list[tuple[str, object]] = []

    def exec_(self: QDialog) -> int:
        seen.append((type(self).__name__, self.parentWidget()))
        return 0

    for module in (dialogs, plan_dialogs, review_dialog, server_dialogs):
        for name in dir(module):
            cls = getattr(module, name)
            if (
                isinstance(cls, type)
                and issubclass(cls, QDialog)
                and cls.__module__ == module.__name__
            ):
                monkeypatch.setattr(cls, "exec", exec_)
    return seen


def test_the_menus_open_their_dialogs_on_the_window(cangzhou_window, opened) -> None:
    w = cangzhou_window
    w.open_indicator("05")
    for action in (
        w.act_edit_indicator,
        w.act_revise,
        w.act_region,
        w.act_baseline,
        w.act_region_targets,
        w.act_units,
        w.act_plan_settings,
        w.act_review,
    ):
        action.trigger()
    assert [name for name, _parent in opened] == [
        "IndicatorDialog",
        "ReviseDialog",
        "RegionDialog",
        "BaselineDialog",
        "RegionTargetDialog",
        "ResponsibleUnitsDialog",
        "PlanSettingsDialog",
        "ReviewDialog",
    ]
    assert all(parent is w for _name, parent in opened)


def test_the_detail_view_asks_for_the_editor_and_the_revision(cangzhou_window, opened) -> None:
    w = cangzhou_window
    w.open_indicator("09")
    w.detail.editRequested.emit("09")
    w.detail.reviseRequested.emit("09")
    assert [name for name, _parent in opened] == ["IndicatorDialog", "ReviseDialog"]
