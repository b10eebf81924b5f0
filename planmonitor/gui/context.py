"""What every view follows: the open database, the plan, the report period and the region."""

from __future__ import annotations

import contextlib
from datetime import date, datetime

from PySide6.QtCore import QObject, Signal

from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION, Plan
from planmonitor.services.accounts import Account, AccountService
from planmonitor.services.errors import UserError
from planmonitor.services.observations import ObservationService
from planmonitor.services.plans import PlanService, PlanSummary
from planmonitor.services.status import IndicatorStatus, StatusService
from planmonitor.store.database import Database


def report_quarters(plan: Plan) -> list[Period]:
    """The quarters a report may be asked for: from the plan's first year to a year past its end."""
    q, out = Period.quarter(plan.baseline_year + 1, 1), []
    while q.year <= plan.target_year + 1:
        out.append(q)
        q = q.add_quarters(1)
    return out


def default_quarter(plan: Plan, latest_data: Period | None, today: date | None = None) -> Period:
    """The report period a first start shows: the latest quarter with data (never one that has
    not ended); without data the last quarter that has ended, or the last quarter of the plan's
    target year once today is past it."""
    today = today or date.today()
    ended = Period.quarter(today.year, (today.month - 1) // 3 + 1).add_quarters(-1)
    choices = report_quarters(plan)
    if latest_data is not None:
        pick = min(ended, Period.quarter(latest_data.year, latest_data.quarter_number))
    elif ended.year > plan.target_year:
        pick = Period.quarter(plan.target_year, 4)
    else:
        pick = ended
    return min(max(pick, choices[0]), choices[-1])


class MonitorContext(QObject):
    """The state every view follows (no database session is held).

    Signals:
        planChanged(): another plan was chosen (or the plan was edited).
        periodChanged(): another report period or region was chosen.
        dataChanged(): values were saved; lights must be recomputed.
        refreshed(): other users changed the database; views re-read it, keeping the user's
            unsaved editing (followed by dataChanged).
    """

    planChanged = Signal()
    periodChanged = Signal()
    dataChanged = Signal()
    refreshed = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plans = PlanService(db)
        self.values = ObservationService(db)
        self.status_service = StatusService(db)
        self.plan: Plan | None = None
        self.quarter = Period.quarter(date.today().year, 1)
        self.region = ROOT_REGION
        self.last_saved: datetime | None = None
        self._statuses: list[IndicatorStatus] | None = None
        self._account: Account | None = None

    # -- choices ----------------------------------------------------------------------------
    def plan_list(self) -> list[PlanSummary]:
        """The plans in the database."""
        return self.plans.list_plans()

    def open_plan(self, plan_id: str) -> None:
        """Make ``plan_id`` the plan every view shows."""
        self.plan = self.plans.get(plan_id)
        self.region = self._home_region(self.plan)
        current = self.values.current(plan_id)
        latest = max((o.period for o in current), default=None)
        self.quarter = default_quarter(self.plan, latest)
        self._statuses = None
        self.planChanged.emit()

    def _home_region(self, plan: Plan) -> str:
        """A county's account starts on its own region (server); others on the plan's."""
        if self._account is None:
            self._account = AccountService(self.db).me() or Account("", "")
        codes = {r.code for r in plan.regions}
        return next((c for c in self._account.regions if c in codes), ROOT_REGION)

    def reload_plan(self) -> None:
        """Re-read the plan after it was edited."""
        if self.plan is not None:
            self.plan = self.plans.get(self.plan.id)
            self._statuses = None
            self.planChanged.emit()

    def set_quarter(self, quarter: Period) -> None:
        """Change the report period (报告期)."""
        if quarter != self.quarter:
            self.quarter = quarter
            self._statuses = None
            self.periodChanged.emit()

    def set_region(self, region: str) -> None:
        """Change the region shown."""
        if region != self.region:
            self.region = region
            self._statuses = None
            self.periodChanged.emit()

    # -- data -------------------------------------------------------------------------------
    def statuses(self) -> list[IndicatorStatus]:
        """Status of every indicator at the report period (computed once per change)."""
        if self.plan is None:
            return []
        if self._statuses is None:
            self._statuses = self.status_service.evaluate(self.plan.id, self.quarter, self.region)
        return self._statuses

    def refresh_from_database(self) -> None:
        """Someone else changed the data: re-read the plan, recompute, let the views follow."""
        if self.plan is not None:
            with contextlib.suppress(UserError):  # the plan was removed: keep showing it
                self.plan = self.plans.get(self.plan.id)
        self._statuses = None
        self.refreshed.emit()
        self.dataChanged.emit()

    def saved(self) -> None:
        """Values were written: remember when, and let the views recompute."""
        self.last_saved = datetime.now()
        self._statuses = None
        self.dataChanged.emit()
