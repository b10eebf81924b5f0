"""Qt for the PDF report: an application object where there is none, and the shipped font.

QPdfWriter and QPainter need a QGuiApplication. The command line has none, so one is created
(on Linux without a display, on Qt's ``offscreen`` platform). The report's font, WenQuanYi Micro
Hei, ships in ``resources/fonts/`` so that the PDF looks the same on every machine and its
Chinese text extracts correctly (see resources/fonts/README.md).
"""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase

from planmonitor.paths import data_dir

FONT_FILE = "fonts/wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"

_lock = threading.Lock()
_app: QCoreApplication | None = None
_family: str | None = None


class ReportFontError(RuntimeError):
    """The report font is missing or unreadable (a broken installation)."""


def ensure_qt_app() -> QCoreApplication:
    """The running Qt application, or a new QApplication where there is none yet.

    A QApplication (not only a QGuiApplication) so that widgets still work if a GUI or a GUI
    test comes later in the same process.
    """
    global _app
    app = QCoreApplication.instance()
    if app is not None:
        return app
    with _lock:
        app = QCoreApplication.instance()
        if app is None:
            headless = sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            )
            if headless:
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from PySide6.QtWidgets import QApplication

            app = QApplication(["planmonitor"])
            _app = app
        return app


def report_font_family() -> str:
    """Load the shipped font once (call on the GUI thread at start-up if convenient)."""
    global _family
    if _family is not None:
        return _family
    ensure_qt_app()
    with _lock:
        if _family is None:
            path = data_dir("resources") / FONT_FILE
            if not path.is_file():
                raise ReportFontError(f"报告字体文件缺失：{path}（请重新安装 PlanMonitor）")
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if not families:
                raise ReportFontError(f"报告字体文件无法读取：{path}（请重新安装 PlanMonitor）")
            _family = FONT_FAMILY if FONT_FAMILY in families else families[0]
        return _family
