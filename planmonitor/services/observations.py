"""Recording values and reading their history; a correction never overwrites."""

from __future__ import annotations

import functools
import getpass
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from planmonitor.domain.indicator import TargetForm
from planmonitor.domain.observation import Observation, Source, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION
from planmonitor.domain.values import MAX_MAGNITUDE, NumberError, check_number

# Entry and RecordOutcome are what recording takes and returns: importable from here as before
from planmonitor.services.entries import Entry as Entry
from planmonitor.services.entries import EntryFields as EntryFields
from planmonitor.services.entries import RecordOutcome as RecordOutcome
from planmonitor.services.entries import SourceFields as SourceFields
from planmonitor.services.errors import UserError
from planmonitor.services.observation_lookup import (
    CurrentRow,
    PlanContext,
    current_rows,
)
from planmonitor.services.quarter_locks import refuse_locked
from planmonitor.services.stale import CURRENT_BASE, Race, is_current_clash, stale_error
from planmonitor.store import server_access
from planmonitor.store.database import Database
from planmonitor.store.models import IndicatorRow, ObservationRow, RegionRow
from planmonitor.store.plan_rows import RETIRED_MARK

ANNUAL_MONTH = 0  # how an annual value's month is stored
_STANDING_TEXT = {s: s.value for s in Standing}
# SQLAlchemy's storage format for DateTime on SQLite (see _insert_rows)
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


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
        version=row.id,
    )


class ObservationService:
    """Values of one database; each public method is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, plan_id: str, entry: Entry, by: str | None = None) -> RecordOutcome:
        """Record one value; UserError (and nothing written) on bad input."""
        return self.record_many(plan_id, [entry], by)[0]

    def record_many(
        self, plan_id: str, entries: Sequence[EntryFields], by: str | None = None
    ) -> list[RecordOutcome]:
        """Record several values in one transaction: all of them or none.

        Works in bulk (one query for the current values, one UPDATE for the superseded rows,
        one multi-row INSERT), with the same outcome as recording the entries one by one: an
        identical value is unchanged, a different one supersedes the current row. An entry
        whose base is not the current version — or whose current row another user supersedes
        at the same moment (the UPDATE is conditional, the current-value index unique) — is
        refused with :class:`StaleEdit` naming who changed it, when, and to what.
        """
        try:
            return self._record_many(plan_id, entries, by)
        except Race as race:
            raise stale_error(self.db, race) from None
        except DBAPIError as exc:
            if server_access.is_refusal(exc):
                raise UserError(server_access.refusal_message(self.db, entries)) from None
            raise

    def _record_many(
        self, plan_id: str, entries: Sequence[EntryFields], by: str | None
    ) -> list[RecordOutcome]:
        who = current_user() if by is None else by
        now = datetime.now()
        with self.db.session.begin() as s:
            ctx = PlanContext(s, plan_id)
            checked = [self._check(ctx, e) for e in entries]
            refuse_locked(s, ctx.plan.id, ((f"指标{e.code}", e.period) for e in entries))
            current = current_rows(s, checked)
            sqlite = s.connection().dialect.name == "sqlite"
            stamp: object = now.strftime(_SQLITE_DATETIME) if sqlite else now
            outcomes: list[RecordOutcome] = []
            superseded: list[int] = []
            inserts: list[tuple[object, ...]] = []
            keys = [k[:4] for k in checked]
            repeats = len(set(keys)) < len(keys)
            for e, key, k4 in zip(entries, checked, keys, strict=True):
                standing = _STANDING_TEXT[e.standing]
                cur = current.get(k4) if current else None
                if cur is not None:
                    if (
                        cur.value == key[4]
                        and cur.standing == standing
                        and cur.comment == e.comment
                        and cur.numerator == e.numerator
                        and cur.denominator == e.denominator
                    ):
                        outcomes.append(RecordOutcome("unchanged", e, cur.value, cur.row_id))
                        continue
                    if e.base != CURRENT_BASE and cur.row_id is not None and e.base != cur.row_id:
                        raise Race(plan_id, [(e, k4, e.base)])
                    if cur.row_id is not None:
                        superseded.append(cur.row_id)
                    else:  # recorded earlier in this same batch: superseded by this one
                        inserts[cur.pending] = (*inserts[cur.pending][:-1], stamp)
                elif e.base not in (None, CURRENT_BASE):  # based on a value no longer current
                    raise Race(plan_id, [(e, k4, e.base)])
                src = e.source
                if repeats:  # a later entry for the same key must see this one
                    current[k4] = CurrentRow(
                        None,
                        len(inserts),
                        key[4],
                        standing,
                        e.comment,
                        e.numerator,
                        e.denominator,
                    )
                inserts.append(
                    (
                        *key,
                        e.numerator,
                        e.denominator,
                        standing,
                        e.comment,
                        src.kind,
                        src.file,
                        src.file_hash,
                        src.sheet,
                        src.cell,
                        who,
                        stamp,
                        None,
                    )
                )
                outcomes.append(
                    RecordOutcome("new", e)
                    if cur is None
                    else RecordOutcome("changed", e, cur.value)
                )

            def based() -> list[tuple[EntryFields, tuple[int, int, int, int], int | None]]:
                return [
                    (e, k4, current[k4].row_id if k4 in current else None)
                    for e, k4 in zip(entries, keys, strict=True)
                ]

            for i in range(0, len(superseded), 500):
                chunk = superseded[i : i + 500]
                done = s.execute(
                    update(ObservationRow)
                    .where(ObservationRow.id.in_(chunk), ObservationRow.superseded_at.is_(None))
                    .values(superseded_at=now)
                    .execution_options(synchronize_session=False)
                )
                if done.rowcount != len(chunk):  # type: ignore[attr-defined]
                    raise Race(plan_id, based())
            try:
                _insert_rows(s, inserts, sqlite)
            except IntegrityError as exc:
                if is_current_clash(exc):
                    raise Race(plan_id, based()) from None
                raise
            if inserts and len(entries) <= 1000:
                versions = current_rows(s, checked)
                outcomes = [
                    RecordOutcome(o.kind, o.entry, o.previous, versions[k4].row_id)
                    if k4 in versions
                    else o
                    for o, k4 in zip(outcomes, keys, strict=True)
                ]
            return outcomes

    @staticmethod
    def _check(ctx: PlanContext, e: EntryFields) -> tuple[int, int, int, int, float | None]:
        """(indicator id, region id, year, month, value) of a valid entry; UserError if not."""
        ind = ctx.indicator_info(e.code)
        region_id = ctx.region_id(e.region)
        value = e.value
        if not (
            e.numerator is None
            and e.denominator is None
            and type(value) is float
            and -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE
            and not ind.milestone
        ):
            value = _checked_value(ind.row, e)
        period = e.period
        year, month = period.year, ANNUAL_MONTH if period.month is None else period.month
        if not ind.first_year <= year <= ind.last_year:
            raise UserError(
                f"指标{e.code}：期间{e.period.label_zh()}不在规划期"
                f"{ind.first_year}—{ind.last_year}年之内"
            )
        return ind.id, region_id, year, month, value

    def retract(
        self,
        plan_id: str,
        code: str,
        period: Period,
        region: str | None = None,
        base: int | None = CURRENT_BASE,
    ) -> bool:
        """Withdraw the current value (undo of a first entry); it stays in the history.

        With a ``base`` version, refused (:class:`StaleEdit`) if that is no longer current.
        """
        try:
            return self._retract(plan_id, code, period, region, base)
        except Race as race:
            raise stale_error(self.db, race) from None
        except DBAPIError as exc:
            if server_access.is_refusal(exc):
                entry = Entry(code, period, None, region)
                raise UserError(server_access.refusal_message(self.db, [entry])) from None
            raise

    def _retract(
        self, plan_id: str, code: str, period: Period, region: str | None, base: int | None
    ) -> bool:
        with self.db.session.begin() as s:
            ctx = PlanContext(s, plan_id)
            ind, reg = ctx.indicator(code), ctx.region(region)
            refuse_locked(s, ctx.plan.id, [(f"指标{code}", period)])
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
            key = (ind.id, reg.id, year, month)
            entry = Entry(code, period, None, region, base=base)
            if base not in (CURRENT_BASE, None if row is None else row.id):
                raise Race(plan_id, [(entry, key, base)])
            if row is None:
                return False
            done = s.execute(
                update(ObservationRow)
                .where(ObservationRow.id == row.id, ObservationRow.superseded_at.is_(None))
                .values(superseded_at=datetime.now())
                .execution_options(synchronize_session=False)
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise Race(plan_id, [(entry, key, row.id)])
            return True

    def current(
        self, plan_id: str, region: str | None = None, years: tuple[int, int] | None = None
    ) -> list[Observation]:
        """The current (not superseded) values of every indicator in one region."""
        with self.db.session() as s:
            ctx = PlanContext(s, plan_id)
            reg = ctx.region(region)
            codes = {r.id: r.code for r in ctx.plan.indicators if RETIRED_MARK not in r.code}
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
            ctx = PlanContext(s, plan_id)
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


def _checked_value(ind: IndicatorRow, e: EntryFields) -> float | None:
    value = e.value
    for name, v in (("数值", value), ("分子", e.numerator), ("分母", e.denominator)):
        if v is not None:
            try:
                check_number(v, name)
            except NumberError as exc:
                raise UserError(f"指标{e.code}：{exc}") from None
    if e.numerator is not None or e.denominator is not None:
        value = _value_from_parts(ind, e)
    if value is None:
        raise UserError(f"指标{e.code}：缺少数值")
    if ind.form == TargetForm.MILESTONE.value and value not in (0.0, 1.0):
        raise UserError(f"指标{e.code}是定性目标：数值应为1（完成）或0（未完成）")
    return value


def ratio_value(numerator: float, denominator: float, scale: float) -> float:
    """The ratio recorded by its parts: numerator / denominator × scale."""
    return numerator / denominator * scale


def _value_from_parts(ind: IndicatorRow, e: EntryFields) -> float:
    """The ratio of ``e``'s parts; UserError when they cannot make this indicator's value."""
    if ind.ratio_numerator is None or ind.ratio_denominator is None:
        raise UserError(
            f"指标{e.code}“{ind.name}”不是比值指标（规划未定义分子、分母），请直接填报数值"
        )
    parts = f"{ind.ratio_numerator}、{ind.ratio_denominator}"
    if e.numerator is None or e.denominator is None:
        raise UserError(f"指标{e.code}：分子和分母应同时给出（{parts}）")
    if e.denominator <= 0:
        raise UserError(f"指标{e.code}：分母（{ind.ratio_denominator}）应大于零")
    computed = ratio_value(e.numerator, e.denominator, ind.ratio_scale or 100.0)
    if e.value is not None:
        tolerance = 0.5 * 10.0 ** -(ind.decimals or 0) + 1e-9 * abs(computed)
        if abs(e.value - computed) > tolerance:
            raise UserError(
                f"指标{e.code}：数值{e.value:g}与分子、分母算得的{computed:.{ind.decimals}f}"
                "不符（可只填分子和分母，比值由程序计算）"
            )
    return computed


_COLUMNS = (
    "indicator_id",
    "region_id",
    "year",
    "month",
    "value",
    "numerator",
    "denominator",
    "standing",
    "comment",
    "source_kind",
    "source_file",
    "source_hash",
    "source_sheet",
    "source_cell",
    "recorded_by",
    "recorded_at",
    "superseded_at",
)


def _insert_rows(s: Session, rows: list[tuple[object, ...]], sqlite: bool) -> None:
    """Insert observation rows (values in :data:`_COLUMNS` order) in one executemany.

    On SQLite the rows go straight to the driver, datetimes already written in the format
    SQLAlchemy's DateTime reads back (100,000 rows through the ORM cost seconds); elsewhere
    through a Core INSERT.
    """
    if not rows:
        return
    conn = s.connection()
    if not sqlite:
        conn.execute(insert(ObservationRow), [dict(zip(_COLUMNS, r, strict=True)) for r in rows])
        return
    sql = (
        f"INSERT INTO {ObservationRow.__tablename__} ({', '.join(_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in _COLUMNS)})"
    )
    conn.exec_driver_sql(sql, rows)
