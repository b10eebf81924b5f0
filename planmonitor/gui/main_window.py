"""The main window: menus, plan switcher, report period (报告期), views and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
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
from planmonitor.gui import i18n
from planmonitor.gui.context import MonitorContext, report_quarters
from planmonitor.gui.database_actions import DatabaseActions
from planmonitor.gui.exchange_actions import ExchangeActions
from planmonitor.gui.file_dialogs import settings
from planmonitor.gui.i18n import period_text
from planmonitor.gui.lazy_tabs import LazyTabs
from planmonitor.gui.live_refresh import ChangeWatcher
from planmonitor.gui.menus import add_to_section, build_menus
from planmonitor.gui.overview import OverviewView
from planmonitor.gui.plan_actions import PlanActions
from planmonitor.gui.report_export import ReportExporter
from planmonitor.gui.round_hook import RoundViews
from planmonitor.gui.welcome import WelcomePage
from planmonitor.gui.window_dialogs import WindowDialogs
from planmonitor.services.accounts import AccountService
from planmonitor.services.errors import UserError

if TYPE_CHECKING:
    from planmonitor.gui.detail import DetailView
    from planmonitor.gui.entry import EntryView


class MainWindow(QMainWindow):
    """Welcome page until a plan exists; then 总览 / 数据填报 / 指标详情 following one context.

    Only the overview is built with the window; the other tabs' views are built when first
    shown or asked for (``window.entry``, gui/lazy_tabs.py), so that start-up fills one view.
    """

    # made by menus.build_menus
    sections: dict[str, QAction]
    recent_menu: QMenu
    plan_actions: list[QAction]
    act_views: list[QAction]
    act_add_plan: QAction
    act_open_db: QAction
    act_backup: QAction
    act_restore: QAction
    act_import: QAction
    act_template: QAction
    act_export: QAction
    act_report: QAction
    act_quit: QAction
    act_undo: QAction
    act_redo: QAction
    act_edit_indicator: QAction
    act_revise: QAction
    act_baseline: QAction
    act_region_targets: QAction
    act_units: QAction
    act_region: QAction
    act_plan_settings: QAction
    act_prev: QAction
    act_next: QAction
    act_zh: QAction
    act_en: QAction
    act_manual: QAction
    act_about: QAction
    act_review: QAction
    act_users: QAction
    act_audit: QAction
    server_menu: QMenu

    def __init__(self, context: MonitorContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("PlanMonitor"))
        self._fit_screen()
        self.welcome = WelcomePage()
        self.overview = OverviewView(context)
        self.undo_group = QUndoGroup(self)  # the entry grid's undo stack, once it is built
        self.tabs = QTabWidget()
        self.lazy_tabs = LazyTabs(self.tabs)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.lazy_tabs.add("entry", self.tr("Quarterly entry"), self._build_entry)
        self.lazy_tabs.add("detail", self.tr("Indicator detail"), self._build_detail)
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
        self.plan_editing = PlanActions(context, self)  # 新建规划, 编辑规划, 导出规划文件
        self.dialogs = WindowDialogs(context, self)  # the dialogs of the menus and views
        self.databases = DatabaseActions(self, type(self))
        self._toolbar()
        build_menus(self)
        self._plan_document_actions()
        self.round = RoundViews(self, self.lazy_tabs, context)  # 重点任务, 报送情况, 数据审核
        account = AccountService(self.context.db).me()
        self.server_menu.menuAction().setVisible(
            account is not None and account.role in ("admin", "owner")
        )
        self.db_label = QLabel(self.tr("Database: {path}").format(path=context.db.location))
        self.saved_label = QLabel(self.tr("Nothing saved yet in this session"))
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.manual: QWidget | None = None
        self._connect_signals()
        self._check_language(i18n.lang())
        self.databases.fill_recent()
        self.restore_layout()  # before show_plans: the toolbar shows only with a plan
        self.show_plans()

    def _fit_screen(self) -> None:
        """1280×800, or less where the screen is smaller (a 1366×768 laptop)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1280, 800
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height() - 32)
        self.resize(width, height)

    # -- building -----------------------------------------------------------------------------
    @property
    def entry(self) -> EntryView:
        """数据填报 (built on first use)."""
        return cast("EntryView", self.lazy_tabs.view("entry"))

    @property
    def detail(self) -> DetailView:
        """指标详情 (built on first use)."""
        return cast("DetailView", self.lazy_tabs.view("detail"))

    def _build_entry(self) -> QWidget:
        from planmonitor.gui.entry import EntryView

        view = EntryView(self.context)
        self.undo_group.addStack(view.undo_stack)
        self.undo_group.setActiveStack(view.undo_stack)
        if self.context.plan is not None:
            view.reload()  # what it does on planChanged
        return view

    def _build_detail(self) -> QWidget:
        from planmonitor.gui.detail import DetailView

        view = DetailView(self.context)
        view.editRequested.connect(self.dialogs.edit_indicator)
        view.reviseRequested.connect(self.dialogs.revise_target)
        if self.context.plan is not None:
            view._on_plan()  # what it does on planChanged
        return view

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

    def _plan_document_actions(self) -> None:
        """新建规划 and 导出规划文件 in 文件, 编辑规划 in 编辑 (added to the menus' sections)."""
        self.act_new_plan = QAction(self.tr("New plan…"), self)
        self.act_new_plan.setShortcut(QKeySequence("Ctrl+Shift+N"))
        add_to_section(self, "file.plan", self.act_new_plan)
        self.act_export_plan = QAction(self.tr("Export plan file…"), self)
        add_to_section(self, "file.plan", self.act_export_plan)
        self.act_edit_plan = QAction(self.tr("Edit plan…"), self)
        self.act_edit_plan.setShortcut(QKeySequence("Ctrl+Shift+P"))
        add_to_section(self, "edit.plan", self.act_edit_plan)
        self.plan_actions += [self.act_export_plan, self.act_edit_plan]

    def _connect_signals(self) -> None:
        self.welcome.planChosen.connect(self.install_plan)
        self.welcome.demoRequested.connect(self.install_demo)
        self.overview.indicatorActivated.connect(self.open_indicator)
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
        self.act_edit_indicator.triggered.connect(
            lambda: self.dialogs.edit_indicator(self._current_code())
        )
        self.act_revise.triggered.connect(lambda: self.dialogs.revise_target(self._current_code()))
        self.act_region.triggered.connect(self.dialogs.add_region)
        self.act_new_plan.triggered.connect(self.plan_editing.new_plan)
        self.act_edit_plan.triggered.connect(self.plan_editing.edit_plan)
        self.act_export_plan.triggered.connect(self.plan_editing.ask_export_plan)
        for i, act in enumerate(self.act_views):
            act.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
        self.act_prev.triggered.connect(lambda: self._step_period(-1))
        self.act_next.triggered.connect(lambda: self._step_period(1))
        self.act_about.triggered.connect(self.about)
        self.act_review.triggered.connect(self.dialogs.review)
        self.act_users.triggered.connect(self.dialogs.users)
        self.act_audit.triggered.connect(self.dialogs.audit)
        self.act_manual.triggered.connect(self.show_manual)
        self.act_zh.triggered.connect(lambda: self.choose_language("zh"))
        self.act_en.triggered.connect(lambda: self.choose_language("en"))
        self.act_open_db.triggered.connect(self.databases.ask_open)
        self.act_backup.triggered.connect(self.databases.ask_backup)
        self.act_restore.triggered.connect(self.databases.ask_restore)
        self.act_baseline.triggered.connect(
            lambda: self.dialogs.enter_baseline(self._current_code())
        )
        self.act_region_targets.triggered.connect(
            lambda: self.dialogs.region_targets(self._current_code())
        )
        self.act_plan_settings.triggered.connect(self.dialogs.plan_settings)
        self.act_units.triggered.connect(self.dialogs.responsible_units)

    # -- plans --------------------------------------------------------------------------------
    def show_plans(self) -> None:
        """Fill the plan switcher; the welcome page while there is none."""
        plans = self.context.plan_list()
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for p in plans:
            self.plan_box.addItem(p.title, p.id)
        self.plan_box.blockSignals(False)
        for act in self.plan_actions:
            act.setEnabled(bool(plans))
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
        for act in self.plan_actions:
            act.setEnabled(False)
        self.stack.setCurrentWidget(self.welcome)

    @Slot(object)
    def install_plan(self, plan: Plan) -> None:
        """Put a plan chosen on the welcome page into the database and open it."""
        try:
            result = self.context.plans.install(plan)
        except (UserError, PlanError) as exc:
            self.welcome.error.setText(str(exc))
            return
        self.context.open_plan(plan.id)
        self.show_plans()
        if result.notes:  # predecessor links that could not be made (issue 12)
            self.statusBar().showMessage("；".join(result.notes))

    @Slot()
    def install_demo(self) -> None:
        """Fill this database with the demo (only allowed where no real plan is)."""
        from planmonitor.services.demo import create_demo

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
        current = self.tabs.currentWidget()
        if current is self.lazy_tabs.built("detail"):
            return self.detail.code
        if current is self.lazy_tabs.built("entry"):
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

    def choose_language(self, lang: str) -> None:
        """Remember the interface language; it applies from the next start (said so)."""
        settings().setValue("language", lang)
        self._check_language(lang)
        if lang == i18n.lang():
            self.statusBar().showMessage(self.tr("This is the language in use."), 6000)
            return
        name = "简体中文" if lang == "zh" else "English"
        text = self.tr(
            "The interface will be in {language} when PlanMonitor is started again."
        ).format(language=name)
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"), text, parent=self)
        box.open()

    def _check_language(self, lang: str) -> None:
        self.act_zh.setChecked(lang == "zh")
        self.act_en.setChecked(lang == "en")

    @Slot()
    def show_manual(self) -> None:
        """The user manual (帮助 → 使用手册)."""
        from planmonitor.gui.manual import ManualWindow

        if self.manual is None:
            self.manual = ManualWindow(self)
        self.manual.show()
        self.manual.raise_()

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

    def restore_layout(self) -> None:
        """The size, position and state the window had when it was last closed."""
        store = settings()
        geometry = store.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watcher.close()
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        self.context.db.close()
        super().closeEvent(event)


def main_window_widgets(window: MainWindow) -> list[QWidget]:
    """The views of a window (for tests and screenshots)."""
    return [window.welcome, window.overview, window.entry, window.detail]
