"""Review of a quarter (报送与审核): a county marks its quarter 已报送, city staff 审核通过 or
退回 with a reason (the county sees why). An approved quarter is locked for the county; on a
server the row-level security policies enforce it (store/server_sql.py: pm_quarter_open).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION
from planmonitor.services.errors import UserError
from planmonitor.services.observations import current_user
from planmonitor.store.database import Database
from planmonitor.store.models import PlanRow, QuarterReviewRow, RegionRow
from planmonitor.store.server_access import is_refusal
from planmonitor.store.server_setup import is_server

STATE_WORDS = {"": "未报送", "submitted": "已报送", "approved": "审核通过", "returned": "退回"}


@dataclass(frozen=True)
class QuarterState:
    """One region's quarter in the review round (state "" = not submitted yet)."""

    region: str
    region_name: str
    quarter: Period
    state: str = ""
    reason: str = ""
    submitted_by: str = ""
    submitted_at: datetime | None = None
    reviewed_by: str = ""
    reviewed_at: datetime | None = None

    @property
    def word(self) -> str:
        """未报送 / 已报送 / 审核通过 / 退回."""
        return STATE_WORDS[self.state]

    @property
    def locked(self) -> bool:
        """True when approved: the county may no longer change the quarter's values."""
        return self.state == "approved"


def _quarter(period: Period) -> Period:
    if period.is_annual or not period.is_quarter_end:
        raise UserError(f"审核按季度进行：“{period.label_zh()}”应为季度，如2024Q3")
    return Period.quarter(period.year, period.quarter_number)


class ReviewService:
    """Submits, approves and returns quarters; each call is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def submit(self, plan_id: str, region: str | None, quarter: Period) -> QuarterState:
        """The county marks its quarter 已报送 (again, after a 退回)."""
        return self._change(plan_id, region, quarter, "submitted", "")

    def approve(self, plan_id: str, region: str | None, quarter: Period) -> QuarterState:
        """City staff approve a submitted quarter: it is locked for the county."""
        return self._change(plan_id, region, quarter, "approved", "")

    def send_back(
        self, plan_id: str, region: str | None, quarter: Period, reason: str
    ) -> QuarterState:
        """City staff return the quarter with the reason (an admin may so unlock an approval)."""
        if not reason.strip():
            raise UserError("退回时请写明原因（--reason）")
        return self._change(plan_id, region, quarter, "returned", reason.strip())

    def states(self, plan_id: str, quarter: Period) -> list[QuarterState]:
        """Every region's state of the quarter (报送情况), in the plan's order (on a server, a
        county's account sees its own regions only)."""
        q = _quarter(quarter)
        with self.db.session() as s:
            regions = _regions(s, plan_id)
            if is_server(s.connection()):
                mine = set(
                    s.execute(
                        text(
                            "SELECT region_code FROM pm_user_regions WHERE username = current_user"
                        )
                    ).scalars()
                )
                if mine:
                    regions = [r for r in regions if r.code in mine]
            rows = {
                r.region_id: r
                for r in s.scalars(
                    select(QuarterReviewRow).where(
                        QuarterReviewRow.region_id.in_([r.id for r in regions]),
                        QuarterReviewRow.year == q.year,
                        QuarterReviewRow.quarter == q.quarter_number,
                    )
                )
            }
            return [_state(r, q, rows.get(r.id)) for r in regions]

    def _change(
        self, plan_id: str, region: str | None, quarter: Period, state: str, reason: str
    ) -> QuarterState:
        q = _quarter(quarter)
        try:
            with self.db.session.begin() as s:
                reg = _region(_regions(s, plan_id), region)
                row = s.scalar(
                    select(QuarterReviewRow).where(
                        QuarterReviewRow.region_id == reg.id,
                        QuarterReviewRow.year == q.year,
                        QuarterReviewRow.quarter == q.quarter_number,
                    )
                )
                before = row.state if row is not None else ""
                _check(before, state, reg.name, q)
                if row is None:
                    row = QuarterReviewRow(
                        region_id=reg.id, year=q.year, quarter=q.quarter_number, state=state
                    )
                    s.add(row)
                row.state, row.reason = state, reason
                now, who = datetime.now(), current_user()  # on a server, a trigger sets both
                if state == "submitted":
                    row.submitted_by, row.submitted_at = who, now
                else:
                    row.reviewed_by, row.reviewed_at = who, now
                s.flush()
                s.refresh(row)
                return _state(reg, q, row)
        except StaleDataError:  # the row-level security policy hid the row from the UPDATE
            raise UserError(self._refused(state, region, q)) from None
        except DBAPIError as exc:
            if is_refusal(exc):
                raise UserError(self._refused(state, region, q)) from None
            raise

    def _refused(self, state: str, region: str | None, q: Period) -> str:
        with self.db.engine.connect() as conn:
            me = conn.execute(text("SELECT current_user")).scalar_one()
        action = {"submitted": "报送", "approved": "审核通过", "returned": "退回"}[state]
        return (
            f"数据库拒绝{action}：账户“{me}”无权对地区“{region or ROOT_REGION}”"
            f"{q.label_zh()}执行该操作（已审核通过的季度只有管理员可以退回解锁）；未作任何修改"
        )


def _check(before: str, after: str, region: str, q: Period) -> None:
    where = f"{region}{q.label_zh()}"
    if after == "submitted" and before == "approved":
        raise UserError(f"{where}已审核通过并锁定，不能再次报送（需先由管理员退回解锁）")
    if after == "submitted" and before == "submitted":
        raise UserError(f"{where}已报送，正在等待审核")
    if after == "approved" and before != "submitted":
        raise UserError(
            f"{where}{'已审核通过' if before == 'approved' else '尚未报送'}，不能审核通过"
        )
    if after == "returned" and before not in ("submitted", "approved"):
        raise UserError(f"{where}{STATE_WORDS[before]}，没有可退回的报送")


def _regions(s: Session, plan_id: str) -> list[RegionRow]:
    plan = s.scalar(select(PlanRow).where(PlanRow.key == plan_id))
    if plan is None:
        raise UserError(f"数据库中没有规划“{plan_id}”")
    return list(plan.regions)


def _region(regions: list[RegionRow], region: str | None) -> RegionRow:
    key = (region or ROOT_REGION).strip()
    for r in regions:
        if key in (r.code, r.name):
            return r
    names = "、".join(f"{r.name}（{r.code}）" for r in regions)
    raise UserError(f"规划中没有地区“{key}”（现有：{names}）")


def _state(reg: RegionRow, q: Period, row: QuarterReviewRow | None) -> QuarterState:
    if row is None:
        return QuarterState(reg.code, reg.name, q)
    return QuarterState(
        reg.code,
        reg.name,
        q,
        row.state,
        row.reason,
        row.submitted_by,
        row.submitted_at,
        row.reviewed_by,
        row.reviewed_at,
    )
