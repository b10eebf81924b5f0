"""接续上期规划: the predecessor's target-year values offered as baselines, one row per match,
with the value's standing shown; the user ticks the pairings to take (unsure ones start unticked).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planmonitor.services.successors import BaselineOffer

HEADERS = (
    str(QT_TRANSLATE_NOOP("BaselineOffers", "Take")),
    str(QT_TRANSLATE_NOOP("BaselineOffers", "Indicator")),
    str(QT_TRANSLATE_NOOP("BaselineOffers", "Matched in the earlier plan")),
    str(QT_TRANSLATE_NOOP("BaselineOffers", "Value")),
    str(QT_TRANSLATE_NOOP("BaselineOffers", "Standing")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BaselineOffers", text)


class BaselineOffersDialog(QDialog):
    """Confirm which predecessor values become baselines."""

    def __init__(self, offers: list[BaselineOffer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offers = list(offers)  # without a value: ticked, it carries the indicator over
        self.setWindowTitle(self.tr("Baselines from the earlier plan"))
        self.resize(820, 420)
        self.table = QTableWidget(len(self.offers), len(HEADERS))
        self.table.setObjectName("offersTable")
        self.table.setHorizontalHeaderLabels([_tr(h) for h in HEADERS])
        for r, o in enumerate(self.offers):
            take = QTableWidgetItem()
            take.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            take.setCheckState(Qt.CheckState.Checked if o.sure else Qt.CheckState.Unchecked)
            self.table.setItem(r, 0, take)
            value = "—" if o.value is None else format(o.value, ".10g")
            texts = (o.name, f"{o.predecessor_code} {o.predecessor_name}", value)
            for c, text in enumerate(texts, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
            standing = QTableWidgetItem(
                f"{o.year}年（{o.standing}）" if o.value is not None else self.tr("no value yet")
            )
            standing.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(r, 4, standing)
        self.table.resizeColumnsToContents()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Take ticked"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "A ticked pairing carries the indicator over (both plans' history in its "
                    "trend plot) and takes the value as its baseline. Unsure pairings start "
                    "unticked; 预计 values should be updated later."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def chosen(self) -> set[str]:
        """The draft codes whose offer is ticked."""
        return {
            o.code
            for r, o in enumerate(self.offers)
            if (item := self.table.item(r, 0)) is not None
            and item.checkState() == Qt.CheckState.Checked
        }
