"""帮助 → 使用手册: the user manual (docs/manual, shipped with the program) in a browser window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMainWindow, QTextBrowser, QWidget

from planmonitor.paths import data_dir

MANUAL_FILE = "index.md"


def manual_dir() -> Path:
    """The folder of the manual (index.md and its images)."""
    return data_dir("manual")


class ManualWindow(QMainWindow):
    """The manual: Markdown with screenshots; links to other pages of it open here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PlanMonitor user manual"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        folder = manual_dir()
        self.browser.setSearchPaths([str(folder)])
        self.browser.setSource(QUrl.fromLocalFile(str(folder / MANUAL_FILE)))
        self.setCentralWidget(self.browser)
        self.resize(900, 680)
