"""The welcome page shown while the database holds no plan: a built-in plan, a file, or the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planmonitor.domain.indicator import PlanError
from planmonitor.gui.file_dialogs import open_file
from planmonitor.services.errors import UserError
from planmonitor.services.plans import builtin_plans, plan_source


class WelcomePage(QWidget):
    """First run: choose what to monitor.

    Signals:
        planChosen(object): a domain Plan to install (built-in or from a file).
        demoRequested(): the user wants to try the program with the demo data.
    """

    planChosen = Signal(object)
    demoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to PlanMonitor"))
        title.setObjectName("welcomeTitle")
        intro = QLabel(
            self.tr(
                "This database holds no plan yet. Choose the plan whose indicators you monitor: "
                "one of the built-in plans, a plan file, or the demo with synthetic data."
            )
        )
        intro.setWordWrap(True)
        self.plans = QListWidget()
        self.plans.setObjectName("builtinPlans")
        self.use_builtin = QPushButton(self.tr("Use this plan"))
        self.use_builtin.setDefault(True)
        self.from_file = QPushButton(self.tr("Load a plan file…"))
        self.demo = QPushButton(self.tr("Try the demo (演示数据)"))
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_builtin)
        buttons.addWidget(self.from_file)
        buttons.addStretch(1)
        buttons.addWidget(self.demo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Built-in plans:")))
        layout.addWidget(self.plans, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self._connect_signals()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fill()

    def fill(self) -> None:
        """List the built-in plans (read when the page is first shown, not at start-up)."""
        if self.plans.count():
            return
        for plan in builtin_plans():
            text = self.tr("{title} — {region}, {n} indicators").format(
                title=plan.title, region=plan.region, n=len(plan.indicators)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, plan.id)
            self.plans.addItem(item)
        self.plans.setCurrentRow(0)

    def _connect_signals(self) -> None:
        self.use_builtin.clicked.connect(self._on_builtin)
        self.plans.itemDoubleClicked.connect(lambda _item: self._on_builtin())
        self.from_file.clicked.connect(self._on_file)
        self.demo.clicked.connect(self.demoRequested)

    @Slot()
    def _on_builtin(self) -> None:
        item = self.plans.currentItem()
        if item is not None:
            self.planChosen.emit(plan_source(item.data(Qt.ItemDataRole.UserRole)))

    @Slot()
    def _on_file(self) -> None:
        path = open_file(self, self.tr("Load a plan file"), self.tr("Plan files (*.toml)"), "plan")
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Read a plan file; a bad file is reported here, nothing is stored."""
        try:
            plan = plan_source(path)
        except (PlanError, UserError) as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.planChosen.emit(plan)
