"""Interface language: Qt translators (.qm built from resources/translations/*.ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planmonitor.domain.periods import Period
from planmonitor.paths import data_dir

LANGUAGES = ("zh", "en")
_state = {"lang": "zh"}
_installed: list[QTranslator] = []


def translations_dir() -> str:
    """The folder with the built .qm files."""
    return str(data_dir("resources") / "translations")


def install(app: QCoreApplication, lang: str) -> str:
    """Use ``lang`` ("zh" default, or "en"); returns the language actually installed."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "zh"
    _state["lang"] = lang
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        ours = QTranslator(app)
        if not ours.load("planmonitor_zh_CN", translations_dir()):
            raise FileNotFoundError(
                f"缺少界面翻译文件 planmonitor_zh_CN.qm（{translations_dir()}）"
            )
        app.installTranslator(ours)
        _installed.append(ours)
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return lang


def lang() -> str:
    """The interface language: "zh" or "en"."""
    return _state["lang"]


def period_text(period: Period) -> str:
    """2024年第三季度 / 2024 Q3, in the interface language."""
    return period.label(lang())
