"""The application's look: a Chinese-capable font and the style sheet in ui/style.qss."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from planmonitor.paths import data_dir

PREFERRED_FONTS = (
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "SimSun",
)


def _bundled_fonts() -> list[str]:
    families: list[str] = []
    try:
        folder = data_dir("resources") / "fonts"
    except FileNotFoundError:
        return families
    for path in sorted(folder.glob("*.tt[cf]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def apply_style(app: QApplication) -> None:
    """Pick a font that has Chinese glyphs and load the style sheet."""
    available = set(QFontDatabase.families()) | set(_bundled_fonts())
    for family in PREFERRED_FONTS:
        if family in available:
            font = QFont(family)
            font.setPointSizeF(10.5)
            app.setFont(font)
            break
    app.setStyle("Fusion")
    qss = data_dir("ui") / "style.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
