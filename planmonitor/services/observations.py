"""Recording values and reading their history; a correction never overwrites."""

from __future__ import annotations

import functools
import getpass
import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from planmonitor.domain.indicator import TargetForm
from planmonitor.domain.observation import Observation, Source, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION
from planmonitor.services.errors import UserError
from planmonitor.store.database import Database
from planmonitor.store.models import IndicatorRow, ObservationRow, PlanRow, RegionRow

ANNUAL_MONTH = 0  # how an annual value's month is stored


@dataclass(frozen=True)
class Entry:
    """One value to record (from the command line, the entry grid or an import)."""

    code: str
    period: Period
    value: float | None
    region: str | None = None
    standing: Standing = Standing.PRELIMINARY
    comment: str = ""
    numerator: float | None = None
    denominator: float | None = None
    source: Source = Source()


@dataclass(frozen=True)
class RecordOutcome:
    """What recording did: ``kind`` is new, changed or unchanged; ``previous`` the old value."""

    kind: str
    entry: Entry
    previous: float | None = None


def current_user() -> str:
    """The operating-system user, recorded as who entered a value."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def period_to_columns(period: Period) -> tuple[int, int]:
    """(year, month) as stored: month 0 for an annual value."""
    return period.year, ANNUAL_MONTH if period.month is None else period.month


@functools.lru_cache(maxsize=4096)
def period_from_columns(year: int, month: int) -> Period:
    """The inverse of :func:`period_to_columns` (cached: a database holds few distinct periods)."""
    return Period(year, None if month == ANNUAL_MONTH else month)


def row_to_observation(row: ObservationRow, code: str, region: str) -> Observation:
    """A plain :class:`Observation` from a stored row."""
    return Observation(
        indicator=code,
        region=region,
        period=period_from_columns(row.year, row.month),
        value=row.value,
        standing=Standing(row.standing),
        comment=row.comment,
        source=Source(
            row.source_kind, row.source_file, row.source_hash, row.source_sheet, row.source_cell
        ),
        numerator=row.numerator,
        denominator=row.denominator,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
        superseded_at=row.superseded_at,
    )


class ObservationService:
    """Values of one database; each public method is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, plan_id: str, entry: Entry, by: str | None = None) -> RecordOutcome:
        """Record one value; UserError (and nothing written) on bad input."""
        return self.record_many(plan_id, [entry], by)[0]

    def record_many(
        self, plan_id: str, entries: list[Entry], by: str | None = None
    ) -> list[RecordOutcome]:
        """Record several values in one transaction: all of them or none."""
        who = current_user() if by is None else by
        now = datetime.now()
        with self.db.session.begin() as s:
            ctx = _PlanContext(s, plan_id)
            return [self._record(s, ctx, e, who, now) for e in entries]

    def _record(
        self, s: Session, ctx: _PlanContext, e: Entry, who: str, now: datetime
    ) -> RecordOutcome:
        ind = ctx.indicator(e.code)
        region = ctx.region(e.region)
        value = _checked_value(ind, e)
        year, month = period_to_columns(e.period)
        if not ind.baseline_year - 1 <= year <= ind.target_year + 5:
            raise UserError(
                f"指标 {e.code}：期间 {e.period.label_zh()} 不在规划期 "
                f"{ind.baseline_year - 1}—{ind.target_year + 5} 年之内"
            )
        current = s.scalar(
            select(ObservationRow).where(
                ObservationRow.indicator_id == ind.id,
                ObservationRow.region_id == region.id,
                ObservationRow.year == year,
                ObservationRow.month == month,
                ObservationRow.superseded_at.is_(None),
            )
        )
        if current is not None:
            same = (
                current.value == value
                and current.standing == e.standing.value
                and current.comment == e.comment
                and current.numerator == e.numerator
                and current.denominator == e.denominator
            )
            if same:
                return RecordOutcome("unchanged", e, current.value)
            current.superseded_at = now
            s.flush()
        src = e.source
        s.add(
            ObservationRow(
                indicator_id=ind.id,
                region_id=region.id,
                year=year,
                month=month,
                value=value,
                numerator=e.numerator,
                denominator=e.denominator,
                standing=e.standing.value,
                comment=e.comment,
                source_kind=src.kind,
                source_file=src.file,
                source_hash=src.file_hash,
                source_sheet=src.sheet,
                source_cell=src.cell,
                recorded_by=who,
                recorded_at=now,
            )
        )
        s.flush()
        kind = "new" if current is None else "changed"
        return RecordOutcome(kind, e, None if current is None else current.value)

    def retract(self, plan_id: str, code: str, period: Period, region: str | None = None) -> bool:
        """Withdraw the current value (undo of a first entry); it stays in the history."""
        with self.db.session.begin() as s:
            ctx = _PlanContext(s, plan_id)
            ind, reg = ctx.indicator(code), ctx.region(region)
            year, month = period_to_columns(period)
            row = s.scalar(
                select(ObservationRow).where(
                    ObservationRow.indicator_id == ind.id,
                    ObservationRow.region_id == reg.id,
                    ObservationRow.year == year,
                    ObservationRow.month == month,
                    ObservationRow.superseded_at.is_(None),
                )
            )
            if row is None:
                return False
            row.superseded_at = datetime.now()
            return True

    def current(
        self, plan_id: str, region: str | None = None, years: tuple[int, int] | None = None
    ) -> list[Observation]:
        """The current (not superseded) values of every indicator in one region."""
        with self.db.session() as s:
            ctx = _PlanContext(s, plan_id)
            reg = ctx.region(region)
            codes = {r.id: r.code for r in ctx.plan.indicators}
            query = select(ObservationRow).where(
                ObservationRow.indicator_id.in_(list(codes)),
                ObservationRow.region_id == reg.id,
                ObservationRow.superseded_at.is_(None),
            )
            if years is not None:
                query = query.where(ObservationRow.year.between(*years))
            rows = s.scalars(query.order_by(ObservationRow.year, ObservationRow.month)).all()
            return [row_to_observation(r, codes[r.indicator_id], reg.code) for r in rows]

    def history(self, plan_id: str, code: str, region: str | None = None) -> list[Observation]:
        """Every recorded and superseded value of one indicator, by region, period and time."""
        with self.db.session() as s:
            ctx = _PlanContext(s, plan_id)
            ind = ctx.indicator(code)
            query = (
                select(ObservationRow, RegionRow.code)
                .join(RegionRow, ObservationRow.region_id == RegionRow.id)
                .where(ObservationRow.indicator_id == ind.id)
            )
            if region is not None:
                query = query.where(ObservationRow.region_id == ctx.region(region).id)
            rows = s.execute(
                query.order_by(
                    RegionRow.position,
                    ObservationRow.year,
                    ObservationRow.month,
                    ObservationRow.recorded_at,
                    ObservationRow.id,
                )
            ).all()
            out = [row_to_observation(r, code, rc) for r, rc in rows]
        return sorted(
            out,
            key=lambda o: (
                o.region != ROOT_REGION,
                o.region,
                o.period,
                o.recorded_at or datetime.min,
            ),
        )


def _checked_value(ind: IndicatorRow, e: Entry) -> float | None:
    value = e.value
    for name, v in (("数值", value), ("分子", e.numerator), ("分母", e.denominator)):
        if v is not None and (math.isnan(v) or math.isinf(v)):
            raise UserError(f"指标 {e.code}：{name}不是有限的数")
    if value is None and e.numerator is not None and e.denominator is not None:
        if e.denominator == 0:
            raise UserError(f"指标 {e.code}：分母为零")
        value = e.numerator / e.denominator * (ind.ratio_scale or 100.0)
    if value is None and e.numerator is None and e.denominator is None:
        raise UserError(f"指标 {e.code}：缺少数值")
    if ind.form == TargetForm.MILESTONE.value and value not in (0.0, 1.0):
        raise UserError(f"指标 {e.code} 是定性目标：数值应为 1（完成）或 0（未完成）")
    return value


class _PlanContext:
    """Looks up a plan's indicators and regions by code inside one session."""

    def __init__(self, s: Session, plan_id: str) -> None:
        plan = s.scalar(select(PlanRow).where(PlanRow.key == plan_id))
        if plan is None:
            raise UserError(f"数据库中没有规划“{plan_id}”")
        self.plan = plan
        self._indicators = {r.code: r for r in plan.indicators}
        self._regions = list(plan.regions)

    def indicator(self, code: str) -> IndicatorRow:
        row = self._indicators.get(code.strip())
        if row is None:
            codes = "、".join(self._indicators)
            raise UserError(f"规划 {self.plan.key} 中没有指标编码“{code}”（现有：{codes}）")
        return row

    def region(self, region: str | None) -> RegionRow:
        if region is None or region.strip() in ("", ROOT_REGION):
            return next(r for r in self._regions if r.code == ROOT_REGION)
        key = region.strip()
        for r in self._regions:
            if key in (r.code, r.name):
                return r
        names = "、".join(r.name for r in self._regions)
        raise UserError(f"规划 {self.plan.key} 中没有地区“{region}”（现有：{names}）")
