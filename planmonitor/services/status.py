"""Status of a plan's indicators at a quarter, for one region or all of them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Generator, Iterable
from contextlib import closing
from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, case, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement, ColumnElement

from planmonitor.domain.indicator import Indicator, Target
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION, Plan, Region
from planmonitor.domain.regional import Share, Values
from planmonitor.domain.rollup import Part, can_roll_up, roll_up
from planmonitor.domain.status import evaluate, mark_incomplete
from planmonitor.domain.status_batch import evaluate_regions
from planmonitor.domain.status_result import Status
from planmonitor.services.bulk_work import collector_paused
from planmonitor.services.errors import UserError
from planmonitor.services.observations import period_from_columns
from planmonitor.store.database import Database
from planmonitor.store.models import (
    IndicatorRow,
    ObservationRow,
    PlanRow,
    RegionRow,
    RegionTargetRow,
    RevisionRow,
)
from planmonitor.store.plan_rows import plan_from_row, target_from_json, withdrawn_note


class IndicatorStatus(NamedTuple):
    """One indicator's status in one region (a named tuple: a city's status makes tens of
    thousands)."""

    indicator: Indicator
    region: Region
    status: Status


def target_in_force(
    original: Target, revisions: list[tuple[date, Target]], asked: Period
) -> Target:
    """The target after the revisions effective by the end of ``asked`` (oldest first)."""
    target = original
    for effective, new in revisions:
        if effective <= asked.end_date:
            target = new
    return target


class StatusService:
    """Computes statuses; one read-only session per call."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def evaluate(
        self, plan_id: str, asked: Period, region: str | None = None
    ) -> list[IndicatorStatus]:
        """Every indicator of the plan in one region (the plan's own by default)."""
        with self.db.session() as s:
            loaded = StatusData(s, plan_id, asked)
            reg = loaded.find_region(region)
            return loaded.statuses([reg])

    def evaluate_all(self, plan_id: str, asked: Period) -> list[IndicatorStatus]:
        """Every (region, indicator) of the plan."""
        with self.db.session() as s:
            loaded = StatusData(s, plan_id, asked)
            return loaded.statuses(list(loaded.plan.regions))


class StatusData:
    """A plan, its revisions, regional targets and current values up to a quarter.

    Built in one session; the status and report services both evaluate from it. Values are read
    only for the regions evaluated (:meth:`load`, called by :meth:`statuses`): one region costs
    the same whether the plan has 1 or 200, except for its own sub-units' values, read only for
    the indicators where they hold data newer than the region's own (the roll-up). Use it inside
    the session it was made with.
    """

    def __init__(self, s: Session, plan_id: str, asked: Period) -> None:
        row = s.scalar(
            select(PlanRow)
            .where(PlanRow.key == plan_id)
            .options(
                selectinload(PlanRow.indicators).selectinload(IndicatorRow.milestones),
            )
        )
        if row is None:
            raise UserError(f"数据库中没有规划“{plan_id}”")
        self._session = s
        self.asked = asked
        r = RegionRow
        regions = _fetch(
            s,
            select(r.id, r.code, r.name, r.parent_code)
            .where(r.plan_id == row.id)
            .order_by(r.position, r.id),
        )
        subs = tuple(Region(c, name, parent) for _i, c, name, parent in regions if c != ROOT_REGION)
        self.plan: Plan = plan_from_row(row, subs)  # regions as plain rows: a city has hundreds
        self.ind_ids = {r.id: r.code for r in row.indicators}
        self._ratio = {ind.code: ind.ratio is not None for ind in self.plan.indicators}
        self.region_ids = {code: reg_id for reg_id, code, _name, _parent in regions}
        self.children: dict[str, list[Region]] = defaultdict(list)
        for sub_region in self.plan.sub_regions:
            self.children[sub_region.parent or ROOT_REGION].append(sub_region)
        ids = list(self.ind_ids)
        self.revisions: dict[str, list[tuple[date, Target]]] = defaultdict(list)
        for rev in s.scalars(
            select(RevisionRow)
            .where(RevisionRow.indicator_id.in_(ids))
            .order_by(RevisionRow.effective, RevisionRow.id)
        ):
            if withdrawn_note(rev.new_target):
                continue  # undone: kept in the history, no longer in force
            code = self.ind_ids[rev.indicator_id]
            self.revisions[code].append((rev.effective, target_from_json(rev.new_target)))
        self.region_targets: dict[tuple[int, int], tuple[float | None, float | None]] = {}
        self.values: dict[tuple[int, int], list[tuple[Period, float]]] = defaultdict(list)
        self._parts_read: dict[int, dict[int, dict[Period, Part]]] = {}  # by indicator, region
        self._loaded: set[int] = set()  # region ids whose own values and targets are read

    def load(self, regions: list[Region]) -> None:
        """Read the targets and values of ``regions`` (once), and of their sub-units where
        those hold values newer than the region's own."""
        wanted = [self.region_ids[r.code] for r in regions]
        new = [i for i in dict.fromkeys(wanted) if i not in self._loaded]
        if not new:
            return
        every = len(self._loaded) + len(new) == len(self.region_ids)
        scope = None if every and not self._loaded else new
        for key in [k for k in self.values if k[1] in new]:  # sub-unit values read for a roll-up
            del self.values[key]
        self._read_targets(scope)
        self._read_values(None, scope)
        self._loaded.update(new)
        if not every:
            for region in regions:
                self._read_newer_sub_units(region)

    def _read_targets(self, region_ids: list[int] | None) -> None:
        rt = RegionTargetRow
        query = select(rt.indicator_id, rt.region_id, rt.baseline, rt.target_value).where(
            rt.indicator_id.in_(list(self.ind_ids))
        )
        if region_ids is not None:
            query = query.where(rt.region_id.in_(region_ids))
        with collector_paused():
            rows = _fetch(self._session, query)
            self.region_targets.update(zip(map(_PAIR, rows), map(_SHARE, rows), strict=True))

    def _read_values(self, ind_ids: list[int] | None, region_ids: list[int] | None) -> None:
        """Current values up to the quarter asked of ``ind_ids`` × ``region_ids`` (None: all).

        One query in the order of the current-value index, so each (indicator, region) comes
        as one run of rows, oldest first; the period as one number (year × 16 + month), made
        into one shared Period per distinct period. A status over every pair reads hundreds of
        thousands of rows: this loop is most of its cost.
        """
        o = ObservationRow
        query = select(o.region_id, o.year * 16 + o.month, o.value).where(
            o.indicator_id == bindparam("ind_id", 0),  # each indicator in turn
            o.superseded_at.is_(None),
            up_to(self.asked),
            o.value.is_not(None),
        )
        if region_ids is not None:
            query = query.where(o.region_id.in_(region_ids))
        query = query.order_by(o.region_id, o.year, o.month)
        values, periods = self.values, _Periods()
        get_period = periods.__getitem__
        read: list[Values] = []
        with collector_paused():
            for ind_id, rows in _fetch_each(
                self._session, query, "ind_id", list(self.ind_ids) if ind_ids is None else ind_ids
            ):
                for reg_id, group in groupby(rows, key=_FIRST):
                    run = list(group)
                    values[(ind_id, reg_id)] = found = list(
                        zip(map(get_period, map(_CODE, run)), map(_VALUE, run), strict=True)
                    )
                    read.append(found)
            if any(p.month is None for p in periods.values()):
                for found in read:  # month 0 (the year as a whole) came before the year's months
                    if any(p.month is None for p, _v in found):
                        found.sort(key=_sort_key)

    def _parts(self, ind_id: int, child_ids: list[int]) -> dict[tuple[int, Period], Part]:
        """A ratio's numerators and denominators in ``child_ids`` (read when first rolled up:
        few rows have them), by (region id, period)."""
        found = self._parts_read.get(ind_id)
        if found is None:
            found = self._parts_read[ind_id] = {}
        missing = [i for i in child_ids if i not in found]
        if missing:
            o = ObservationRow
            query = select(o.region_id, o.year, o.month, o.value, o.numerator, o.denominator).where(
                o.indicator_id == ind_id,
                o.region_id.in_(missing),
                o.superseded_at.is_(None),
                up_to(self.asked),
                o.value.is_not(None),
                or_(o.numerator.is_not(None), o.denominator.is_not(None)),
            )
            for reg_id in missing:
                found[reg_id] = {}
            for reg_id, year, month, value, num, den in _fetch(self._session, query):
                found[reg_id][period_from_columns(year, month)] = Part(value, num, den)
        return {(i, p): part for i in child_ids for p, part in found[i].items()}

    def _read_newer_sub_units(self, region: Region) -> None:
        """The sub-units' values of the indicators where one of them is newer than ``region``'s
        own newest value up to the quarter (what :meth:`_series` rolls up); nothing else."""
        sub_ids = [
            self.region_ids[c.code]
            for c in self.children.get(region.code, ())
            if self.region_ids[c.code] not in self._loaded
        ]
        if not sub_ids:
            return
        asked = self.asked.moment
        reg_id = self.region_ids[region.code]
        code_to_id = {c: i for i, c in self.ind_ids.items()}
        by_newest: dict[int, list[int]] = defaultdict(list)
        for ind in self.plan.indicators:
            if not can_roll_up(self._in_force(ind)) and not can_roll_up(ind):
                continue
            ind_id = code_to_id[ind.code]
            own = self.values.get((ind_id, reg_id), ())
            newest = max((p.moment for p, _ in own if p.moment <= asked), default=0)
            if newest < asked:  # up to date: nothing below can be newer
                by_newest[newest].append(ind_id)
        o = ObservationRow
        moment = o.year * 12 + case((o.month == 0, 12), else_=o.month)
        newer: list[int] = []
        for newest, ind_ids in by_newest.items():
            query = (
                select(o.indicator_id)
                .distinct()
                .where(
                    o.indicator_id.in_(ind_ids),
                    o.region_id.in_(sub_ids),
                    o.superseded_at.is_(None),
                    o.value.is_not(None),
                    o.year.between((newest - 1) // 12, self.asked.year),
                    moment > newest,
                    moment <= asked,
                )
            )
            newer += [ind_id for (ind_id,) in _fetch(self._session, query)]
        if newer:
            self._read_values(newer, sub_ids)

    def _in_force(self, ind: Indicator) -> Indicator:
        target = target_in_force(ind.target, self.revisions.get(ind.code, []), self.asked)
        return ind.with_target(target) if target is not ind.target else ind

    def find_region(self, region: str | None) -> Region:
        if region is None or region.strip() in ("", ROOT_REGION):
            return self.plan.regions[0]
        for r in self.plan.regions:
            if region.strip() in (r.code, r.name):
                return r
        names = "、".join(r.name for r in self.plan.regions)
        raise UserError(f"规划“{self.plan.id}”中没有地区“{region}”（现有：{names}）")

    def statuses(self, regions: list[Region]) -> list[IndicatorStatus]:
        """Every indicator's status in each of ``regions`` (reading their values first).

        Indicator by indicator: the plan's own region through the engine, the sub-regions
        together (:func:`~planmonitor.domain.status_batch.evaluate_regions`)."""
        self.load(regions)
        with collector_paused():
            return self._statuses(regions)

    def _statuses(self, regions: list[Region]) -> list[IndicatorStatus]:
        code_to_id = {c: i for i, c in self.ind_ids.items()}
        targets, values, asked, settings = (
            self.region_targets,
            self.values,
            self.asked,
            self.plan.settings,
        )
        reg_ids = [self.region_ids[region.code] for region in regions]
        # the plan's own region, and those with sub-units, may be rolled up (:meth:`_series`)
        rolled = [r.code == ROOT_REGION or r.code in self.children for r in regions]
        by_region: list[list[IndicatorStatus]] = [[] for _ in regions]
        for ind in self.plan.indicators:
            ind_id = code_to_id[ind.code]
            current = self._in_force(ind)
            subs: list[tuple[Values, Share | None]] = []
            sub_at: list[int] = []
            gaps: dict[int, tuple[Period, tuple[str, ...]]] = {}
            for row, reg_id in enumerate(reg_ids):
                if rolled[row]:
                    region = regions[row]
                    series, missing = self._series(current, ind_id, region)
                    if missing is not None:
                        gaps[row] = missing
                    if region.code == ROOT_REGION:
                        st = evaluate(current, Series.presorted(series), asked, settings)
                        if missing is not None:
                            mark_incomplete(st, *missing)
                        by_region[row].append(IndicatorStatus(current, region, st))
                        continue
                else:
                    series = values.get((ind_id, reg_id), [])
                subs.append((series, targets.get((ind_id, reg_id))))
                sub_at.append(row)
            found = evaluate_regions(current, asked, settings, subs)
            for row, st in zip(sub_at, found, strict=True):
                if row in gaps:
                    mark_incomplete(st, *gaps[row])
                by_region[row].append(IndicatorStatus(current, regions[row], st))
        return [item for items in by_region for item in items]

    def _series(
        self, ind: Indicator, ind_id: int, region: Region
    ) -> tuple[Values, tuple[Period, tuple[str, ...]] | None]:
        """The region's own values (in period order), completed by its sub-units' sum where it
        has none newer."""
        own = self.values.get((ind_id, self.region_ids[region.code]), [])
        children = self.children.get(region.code)
        if not children or not can_roll_up(ind):
            return own, None
        asked = self.asked.moment
        newest_own = max((p.moment for p, _ in own if p.moment <= asked), default=0)
        if newest_own == asked:  # nothing below can be newer
            return own, None
        child_ids = [(child.name, self.region_ids[child.code]) for child in children]
        newer = any(
            p.moment > newest_own and p.moment <= asked
            for _name, child_id in child_ids
            for p, _v in self.values.get((ind_id, child_id), ())
        )
        if not newer:  # the region's own figures are as new as anything below it
            return own, None
        parts = self._parts(ind_id, [i for _n, i in child_ids]) if self._ratio[ind.code] else {}
        units: dict[str, dict[Period, Part]] = {}
        for name, child_id in child_ids:
            units[name] = {
                p: parts.get((child_id, p)) or Part(v, None, None)
                for p, v in self.values.get((ind_id, child_id), [])
                if p.moment <= asked
            }
        rolled = roll_up(ind, units)
        merged = dict(rolled.values)
        merged.update(dict(own))
        newest = max((p.moment for p in merged), default=0)
        gaps = [(p, names) for p, names in rolled.incomplete.items() if p.moment > newest]
        ordered = sorted(merged.items(), key=lambda pv: pv[0].sort_key)
        return ordered, max(gaps, key=lambda g: g[0].sort_key) if gaps else None


def up_to(asked: Period) -> ColumnElement[bool]:
    """Observations of periods ending at or before ``asked`` (month 0, the whole year, ends in
    December): what a status as of ``asked`` may use (domain §5)."""
    o = ObservationRow
    if asked.end_month == 12:
        return o.year <= asked.year
    return or_(o.year < asked.year, and_(o.year == asked.year, o.month.between(1, asked.end_month)))


_PAIR = itemgetter(0, 1)
_FIRST = itemgetter(0)
_CODE = itemgetter(1)
_VALUE = itemgetter(2)
_SHARE = itemgetter(2, 3)


class _Periods(dict[int, Period]):
    """Period by year × 16 + month (0 for the year as a whole), made once each."""

    def __missing__(self, code: int) -> Period:
        period = self[code] = period_from_columns(code // 16, code % 16)
        return period


def _sort_key(pv: tuple[Period, float]) -> int:
    return pv[0].sort_key


def _fetch(s: Session, query: ClauseElement) -> list[tuple[Any, ...]]:
    """The rows of a Core ``query`` as plain tuples, straight from the DBAPI cursor (no Row
    objects: a status over every pair reads hundreds of thousands)."""
    with closing(_fetch_each(s, query, None, [None])) as runs:
        return list(next(runs)[1])


def _fetch_each(
    s: Session, query: ClauseElement, name: str | None, values: list[Any]
) -> Generator[tuple[Any, Iterable[tuple[Any, ...]]], None, None]:
    """``query`` compiled once and run for each of ``values`` of its parameter ``name``: each
    value with its rows as plain tuples, read from the cursor as they are iterated (no list of
    them all: a status over every pair reads hundreds of thousands). Read each value's rows
    before asking for the next value."""
    conn = s.connection()
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    assert isinstance(compiled, SQLCompiler)
    sql, params = str(compiled), dict(compiled.params)
    order = compiled.positiontup if compiled.positional else None
    cursor = conn.connection.cursor()
    try:
        for value in values:
            if name is not None:
                params[name] = value
            cursor.execute(sql, params if order is None else tuple(params[n] for n in order))
            rows: Iterable[tuple[Any, ...]] = cursor  # type: ignore[assignment]  # DBAPI: iterable
            yield value, rows
    finally:
        cursor.close()
