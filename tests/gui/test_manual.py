"""帮助 → 使用手册 (issue 11 §9): the Chinese manual ships with the program and opens from 帮助."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from planmonitor.gui.manual import manual_dir


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_manual_opens_from_the_help_menu_with_its_screenshots(cangzhou_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = cangzhou_window
    assert w.act_manual.text() == "使用手册"
    w.act_manual.trigger()
    manual = w.manual
    assert manual is not None and manual.isVisible()
    text = manual.browser.toPlainText()
    for step in ("第一步：发出填报表", "第二步：收回数据", "第五步：备份", "从备份恢复"):
        assert step in text
    doc = manual.browser.document()
    for name in ("overview", "entry", "detail"):
        image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(f"images/{name}.png"))
        assert image is not None and not image.isNull(), name
    assert (manual_dir() / "images" / "entry.png").stat().st_size > 10_000
