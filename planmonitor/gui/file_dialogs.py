"""File dialogs in the interface language that remember the last folder (per purpose).

Qt's own dialog is used everywhere, so it speaks Chinese on every desktop: a few of its labels
that qtbase_zh_CN lacks are translated in our catalogue (the names below, for lupdate).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

# Qt strings missing from qtbase_zh_CN.qm: looked up in our catalogue under Qt's own contexts.
QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)


def settings() -> QSettings:
    """The program's settings (user scope)."""
    return QSettings("PlanMonitor", "PlanMonitor")


def last_folder(purpose: str) -> str:
    """The folder last used for ``purpose`` ("import", "report"…), else the home folder."""
    value = settings().value(f"folders/{purpose}")
    folder = Path(str(value)) if value else Path.home()
    return str(folder if folder.is_dir() else Path.home())


def remember_folder(purpose: str, path: str) -> None:
    """Remember the folder of ``path`` for the next dialog of ``purpose``."""
    settings().setValue(f"folders/{purpose}", str(Path(path).parent))


def make_dialog(parent: QWidget | None, title: str, folder: str, filters: str) -> QFileDialog:
    """Qt's own file dialog with every label in the interface language."""
    dialog = QFileDialog(parent, title, folder, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    translate = QCoreApplication.translate
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, translate("QFileDialog", "&Look in:"))
    dialog.setLabelText(
        QFileDialog.DialogLabel.FileType, translate("QFileDialog", "Files of &type:")
    )
    return dialog


def open_file(parent: QWidget | None, title: str, filters: str, purpose: str) -> str:
    """Ask for an existing file; "" when cancelled."""
    dialog = make_dialog(parent, title, last_folder(purpose), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if not dialog.exec() or not dialog.selectedFiles():
        return ""
    path = dialog.selectedFiles()[0]
    remember_folder(purpose, path)
    return path


def save_file(
    parent: QWidget | None, title: str, name: str, filters: str, purpose: str, suffix: str = ""
) -> str:
    """Ask where to save ``name`` (in the folder last used for ``purpose``); "" when cancelled."""
    dialog = make_dialog(parent, title, last_folder(purpose), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.selectFile(name)
    if not dialog.exec() or not dialog.selectedFiles():
        return ""
    path = dialog.selectedFiles()[0]
    remember_folder(purpose, path)
    return path
