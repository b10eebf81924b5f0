"""The main window: menus, plan switcher, report period (报告期), views and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from planmonitor import __version__
from planmonitor.domain.indicator import PlanError
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan
from planmonitor.gui.context import MonitorContext, report_quarters
from planmonitor.gui.detail import DetailView
from planmonitor.gui.dialogs import IndicatorDialog, RegionDialog, ReviseDialog
from planmonitor.gui.entry import EntryView
from planmonitor.gui.exchange_actions import ExchangeActions
from planmonitor.gui.i18n import period_text
from planmonitor.gui.live_refresh import ChangeWatcher
from planmonitor.gui.overview import OverviewView
from planmonitor.gui.report_export import ReportExporter
from planmonitor.gui.review_dialog import ReviewDialog
from planmonitor.gui.server_dialogs import AuditDialog, UsersDialog
from planmonitor.gui.welcome import WelcomePage
from planmonitor.services.accounts import AccountService
from planmonitor.services.demo import create_demo
from planmonitor.services.errors import UserError


class MainWindow(QMainWindow):
    """Welcome page until a plan exists; then 总览 / 数据填报 / 指标详情 following one context."""

    def __init__(self, context: MonitorContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("PlanMonitor"))
        self._fit_screen()
        self.welcome = WelcomePage()
        self.overview = OverviewView(context)
        self.entry = EntryView(context)
        self.detail = DetailView(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.entry, self.tr("Quarterly entry"))
        self.tabs.addTab(self.detail, self.tr("Indicator detail"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.plan_box = QComboBox()
        self.region_box = QComboBox()
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        self.exporter = ReportExporter(context, self)
        self.exchange = ExchangeActions(context, self)
        self.watcher = ChangeWatcher(context.db, self)  # live refresh: others' changes
        self._toolbar()
        self._menus()
        self.db_label = QLabel(self.tr("Database: {path}").format(path=context.db.location))
        self.saved_label = QLabel(self.tr("Nothing saved yet in this session"))
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._connect_signals()
        self.show_plans()

    def _fit_screen(self) -> None:
        """1280×800, or less where the screen is smaller (a 1366×768 laptop)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1280, 800
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height() - 32)
        self.resize(width, height)

    # -- building -----------------------------------------------------------------------------
    def _toolbar(self) -> None:
        bar = QToolBar(self.tr("Report period"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        self.plan_label = QLabel(self.tr("Plan:"))
        self.plan_action_label = bar.addWidget(self.plan_label)
        self.plan_action = bar.addWidget(self.plan_box)
        self.region_label = QLabel(self.tr("Region:"))
        self.region_action_label = bar.addWidget(self.region_label)
        self.region_action = bar.addWidget(self.region_box)
        bar.addWidget(QLabel(self.tr("Report period:")))
        bar.addWidget(self.period_box)
        self.addToolBar(bar)
        self.toolbar = bar

    def _menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.act_add_plan = self._action(
            file_menu, self.tr("Add a plan…"), QKeySequence.StandardKey.New
        )
        file_menu.addSeparator()
        self.act_import = self._action(file_menu, self.tr("Import a spreadsheet…"), "Ctrl+I")
        self.act_template = self._action(file_menu, self.tr("Fill-in workbook for units…"))
        self.act_export = self._action(file_menu, self.tr("Export all values…"))
        self.act_report = self._action(
            file_menu, self.tr("Export the quarterly report…"), "Ctrl+Shift+E"
        )
        file_menu.addSeparator()
        self.act_quit = self._action(file_menu, self.tr("Quit"), QKeySequence.StandardKey.Quit)
        edit = menu.addMenu(self.tr("&Edit"))
        self.act_undo = self.entry.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.entry.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.act_redo.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
        )
        edit.addAction(self.act_undo)
        edit.addAction(self.act_redo)
        edit.addSeparator()
        self.act_edit_indicator = self._action(edit, self.tr("Edit indicator…"), "Ctrl+E")
        self.act_revise = self._action(edit, self.tr("Revise target…"), "Ctrl+R")
        self.act_region = self._action(edit, self.tr("Add sub-region…"))
        edit.addSeparator()
        self.act_review = self._action(edit, self.tr("Submission and review…"))
        view = menu.addMenu(self.tr("&View"))
        self.act_views = [
            self._action(view, self.tr("Overview"), "Ctrl+1"),
            self._action(view, self.tr("Quarterly entry"), "Ctrl+2"),
            self._action(view, self.tr("Indicator detail"), "Ctrl+3"),
        ]
        view.addSeparator()
        self.act_prev = self._action(view, self.tr("Previous quarter"), "Ctrl+PgUp")
        self.act_next = self._action(view, self.tr("Next quarter"), "Ctrl+PgDown")
        view.addSeparator()
        language = view.addMenu(self.tr("Language"))
        self.act_zh = self._action(language, "简体中文")
        self.act_en = self._action(language, "English")
        self.server_menu = menu.addMenu(self.tr("&Server"))
        self.act_users = self._action(self.server_menu, self.tr("User management…"))
        self.act_audit = self._action(self.server_menu, self.tr("Audit log…"))
        account = AccountService(self.context.db).me()
        self.server_menu.menuAction().setVisible(
            account is not None and account.role in ("admin", "owner")
        )
        help_menu = menu.addMenu(self.tr("&Help"))
        self.act_about = self._action(help_menu, self.tr("About PlanMonitor"))

    def _action(
        self, menu: QMenu, text: str, shortcut: str | QKeySequence.StandardKey | None = None
    ) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        menu.addAction(act)
        return act

    def _connect_signals(self) -> None:
        self.welcome.planChosen.connect(self.install_plan)
        self.welcome.demoRequested.connect(self.install_demo)
        self.overview.indicatorActivated.connect(self.open_indicator)
        self.detail.editRequested.connect(self.edit_indicator)
        self.detail.reviseRequested.connect(self.revise_target)
        self.plan_box.currentIndexChanged.connect(self._on_plan_box)
        self.region_box.currentIndexChanged.connect(self._on_region_box)
        self.period_box.currentIndexChanged.connect(self._on_period_box)
        self.context.planChanged.connect(self._on_plan_changed)
        self.context.dataChanged.connect(self._on_saved)
        self.watcher.changed.connect(self._on_changed_elsewhere)
        self.act_add_plan.triggered.connect(self._show_welcome)
        self.act_quit.triggered.connect(self.close)
        self.act_report.triggered.connect(self.exporter.ask_and_export)
        self.act_import.triggered.connect(self.exchange.ask_import)
        self.act_template.triggered.connect(self.exchange.ask_template)
        self.act_export.triggered.connect(self.exchange.ask_export)
        self.act_edit_indicator.triggered.connect(lambda: self.edit_indicator(self._current_code()))
        self.act_revise.triggered.connect(lambda: self.revise_target(self._current_code()))
        self.act_region.triggered.connect(self.add_region)
        for i, act in enumerate(self.act_views):
            act.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
        self.act_prev.triggered.connect(lambda: self._step_period(-1))
        self.act_next.triggered.connect(lambda: self._step_period(1))
        self.act_about.triggered.connect(self.about)
        self.act_review.triggered.connect(self.review)
        self.act_users.triggered.connect(lambda: UsersDialog(self.context.db, self).exec())
        self.act_audit.triggered.connect(lambda: AuditDialog(self.context.db, self).exec())
        self.act_zh.triggered.connect(lambda: self.choose_language("zh"))
        self.act_en.triggered.connect(lambda: self.choose_language("en"))

    # -- plans --------------------------------------------------------------------------------
    def show_plans(self) -> None:
        """Fill the plan switcher; the welcome page while there is none."""
        plans = self.context.plan_list()
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for p in plans:
            self.plan_box.addItem(p.title, p.id)
        self.plan_box.blockSignals(False)
        several = len(plans) > 1
        self.plan_action.setVisible(several)
        self.plan_action_label.setVisible(several)
        self.toolbar.setVisible(bool(plans))
        if not plans:
            self.stack.setCurrentWidget(self.welcome)
            return
        self.stack.setCurrentWidget(self.tabs)
        keep = self.context.plan.id if self.context.plan else plans[0].id
        index = max(self.plan_box.findData(keep), 0)
        self.plan_box.setCurrentIndex(index)
        if self.context.plan is None or self.context.plan.id != self.plan_box.itemData(index):
            self.context.open_plan(self.plan_box.itemData(index))
        else:
            self.context.planChanged.emit()  # a new window on an open plan: fill every view

    @Slot()
    def _show_welcome(self) -> None:
        self.toolbar.setVisible(False)
        self.stack.setCurrentWidget(self.welcome)

    @Slot(object)
    def install_plan(self, plan: Plan) -> None:
        """Put a plan chosen on the welcome page into the database and open it."""
        try:
            self.context.plans.install(plan)
        except (UserError, PlanError) as exc:
            self.welcome.error.setText(str(exc))
            return
        self.context.open_plan(plan.id)
        self.show_plans()

    @Slot()
    def install_demo(self) -> None:
        """Fill this database with the demo (only allowed where no real plan is)."""
        try:
            plan_id = create_demo(self.context.db)
        except UserError as exc:
            self.welcome.error.setText(str(exc))
            return
        self.context.open_plan(plan_id)
        self.show_plans()

    @Slot(int)
    def _on_plan_box(self, index: int) -> None:
        plan_id = self.plan_box.itemData(index)
        if plan_id and (self.context.plan is None or plan_id != self.context.plan.id):
            self.context.open_plan(plan_id)

    @Slot()
    def _on_plan_changed(self) -> None:
        plan = self.context.plan
        if plan is None:
            return
        self.setWindowTitle(self.tr("PlanMonitor — {title}").format(title=plan.title))
        self.region_box.blockSignals(True)
        self.region_box.clear()
        for r in plan.regions:
            self.region_box.addItem(r.name, r.code)
        self.region_box.setCurrentIndex(max(self.region_box.findData(self.context.region), 0))
        self.region_box.blockSignals(False)
        regions = len(plan.regions) > 1
        self.region_action.setVisible(regions)
        self.region_action_label.setVisible(regions)
        self.period_box.blockSignals(True)
        self.period_box.clear()
        quarters = report_quarters(plan)
        for q in quarters:
            self.period_box.addItem(period_text(q), q.key)
        if self.context.quarter in quarters:
            self.period_box.setCurrentIndex(quarters.index(self.context.quarter))
        self.period_box.blockSignals(False)

    @Slot(int)
    def _on_region_box(self, index: int) -> None:
        code = self.region_box.itemData(index)
        if code:
            self.context.set_region(code)

    @Slot(int)
    def _on_period_box(self, index: int) -> None:
        key = self.period_box.itemData(index)
        if key:
            self.context.set_quarter(Period.parse(key))

    def _step_period(self, step: int) -> None:
        i = self.period_box.currentIndex() + step
        if 0 <= i < self.period_box.count():
            self.period_box.setCurrentIndex(i)

    @Slot()
    def _on_saved(self) -> None:
        when = self.context.last_saved
        if when is not None:
            self.saved_label.setText(
                self.tr("Last saved {time}").format(time=when.strftime("%H:%M:%S"))
            )

    @Slot()
    def _on_changed_elsewhere(self) -> None:
        """Others changed the database: every view re-reads it (unsaved editing is kept)."""
        try:
            self.context.refresh_from_database()
        except OperationalError:
            self.statusBar().showMessage(self.tr("The database cannot be reached just now."), 8000)

    # -- indicators ---------------------------------------------------------------------------
    def _current_code(self) -> str | None:
        if self.tabs.currentWidget() is self.detail:
            return self.detail.code
        if self.tabs.currentWidget() is self.entry:
            idx = self.entry.grid.currentIndex()
            if idx.isValid():
                return self.entry.model.indicators[idx.row()].code
        item = self.overview.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole + 1) if item is not None else self.detail.code

    @Slot(str)
    def open_indicator(self, code: str) -> None:
        """Show one indicator in the detail view."""
        self.tabs.setCurrentWidget(self.detail)
        self.detail.show_indicator(code)

    @Slot(str)
    def edit_indicator(self, code: str | None) -> None:
        """Open the indicator editor."""
        if code and self.context.plan is not None:
            IndicatorDialog(self.context, code, self).exec()

    @Slot(str)
    def revise_target(self, code: str | None) -> None:
        """Open the target revision dialog."""
        if code and self.context.plan is not None:
            ReviseDialog(self.context, code, self).exec()

    @Slot()
    def review(self) -> None:
        """Open 报送与审核 for the report period."""
        if self.context.plan is not None:
            ReviewDialog(self.context, self).exec()

    @Slot()
    def add_region(self) -> None:
        """Open the sub-region dialog."""
        if self.context.plan is not None:
            RegionDialog(self.context, self).exec()

    def choose_language(self, lang: str) -> None:
        """Remember the interface language; it applies from the next start."""
        QSettings("PlanMonitor", "PlanMonitor").setValue("language", lang)
        self.statusBar().showMessage(
            self.tr("The language changes when PlanMonitor is started again."), 8000
        )

    @Slot()
    def about(self) -> None:
        """Version and what the program is."""
        QMessageBox.about(
            self,
            self.tr("About PlanMonitor"),
            self.tr(
                "PlanMonitor {version}\nMonitoring a five-year S&T innovation plan, quarter by "
                "quarter.\nDatabase: {path}"
            ).format(version=__version__, path=self.context.db.location),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watcher.close()
        self.context.db.close()
        super().closeEvent(event)


def main_window_widgets(window: MainWindow) -> list[QWidget]:
    """The views of a window (for tests and screenshots)."""
    return [window.welcome, window.overview, window.entry, window.detail]
