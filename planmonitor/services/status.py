"""Status of a plan's indicators at a quarter, for one region or all of them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from planmonitor.domain.indicator import Indicator, Target, TargetForm
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION, Plan, Region
from planmonitor.domain.rollup import Part, can_roll_up, roll_up
from planmonitor.domain.status import evaluate, mark_incomplete, not_decomposed
from planmonitor.domain.status_result import Status
from planmonitor.services.errors import UserError
from planmonitor.services.observations import period_from_columns
from planmonitor.store.database import Database
from planmonitor.store.models import (
    IndicatorRow,
    ObservationRow,
    PlanRow,
    RegionTargetRow,
    RevisionRow,
)
from planmonitor.store.plan_rows import plan_from_row, target_from_json, withdrawn_note


@dataclass(frozen=True)
class IndicatorStatus:
    """One indicator's status in one region."""

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


def region_indicator(ind: Indicator, baseline: float | None, target: float | None) -> Indicator:
    """The indicator with a sub-region's own baseline and target (任务分解)."""
    t = ind.target
    if t.form in (TargetForm.LEVEL, TargetForm.INCREASE, TargetForm.POINTS):
        new_t = replace(t, form=TargetForm.LEVEL, value=target, milestones=(), increase=None)
    elif t.form is TargetForm.QUOTA:
        new_t = replace(t, value=target)
    else:
        new_t = replace(t, value=target) if target is not None else t
    return replace(ind, baseline=baseline, target=new_t)


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

    Loaded in one session; the status and report services both evaluate from it.
    """

    def __init__(self, s: Session, plan_id: str, asked: Period) -> None:
        row = s.scalar(
            select(PlanRow)
            .where(PlanRow.key == plan_id)
            .options(
                selectinload(PlanRow.indicators).selectinload(IndicatorRow.milestones),
                selectinload(PlanRow.regions),
            )
        )
        if row is None:
            raise UserError(f"数据库中没有规划“{plan_id}”")
        self.asked = asked
        self.plan: Plan = plan_from_row(row)
        self.ind_ids = {r.id: r.code for r in row.indicators}
        self.region_ids = {r.code: r.id for r in row.regions}
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
        rt = RegionTargetRow
        shares = select(rt.indicator_id, rt.region_id, rt.baseline, rt.target_value).where(
            rt.indicator_id.in_(ids)
        )
        self.region_targets = {
            (ind_id, reg_id): (baseline, target)
            for ind_id, reg_id, baseline, target in s.connection().execute(shares).all()
        }
        self.values: dict[tuple[int, int], list[tuple[Period, float]]] = defaultdict(list)
        o = ObservationRow
        query = select(
            o.indicator_id, o.region_id, o.year, o.month, o.value, o.numerator, o.denominator
        ).where(
            o.indicator_id.in_(ids),
            o.superseded_at.is_(None),
            o.year <= asked.year,
            o.value.is_not(None),
        )
        values = self.values
        self.parts: dict[tuple[int, int, Period], tuple[float | None, float | None]] = {}
        for ind_id, reg_id, year, month, value, num, den in s.connection().execute(query).all():
            if value is None:  # excluded by the query already; keeps the types honest
                continue
            period = period_from_columns(year, month)
            values[(ind_id, reg_id)].append((period, value))
            if num is not None or den is not None:
                self.parts[(ind_id, reg_id, period)] = (num, den)

    def find_region(self, region: str | None) -> Region:
        if region is None or region.strip() in ("", ROOT_REGION):
            return self.plan.regions[0]
        for r in self.plan.regions:
            if region.strip() in (r.code, r.name):
                return r
        names = "、".join(r.name for r in self.plan.regions)
        raise UserError(f"规划 {self.plan.id} 中没有地区“{region}”（现有：{names}）")

    def statuses(self, regions: list[Region]) -> list[IndicatorStatus]:
        code_to_id = {c: i for i, c in self.ind_ids.items()}
        out: list[IndicatorStatus] = []
        for region in regions:
            reg_id = self.region_ids[region.code]
            for ind in self.plan.indicators:
                ind_id = code_to_id[ind.code]
                target = target_in_force(ind.target, self.revisions.get(ind.code, []), self.asked)
                current = ind.with_target(target) if target is not ind.target else ind
                series, missing = self._series(current, ind_id, region)
                if region.code == ROOT_REGION:
                    st = evaluate(current, series, self.asked, self.plan.settings)
                else:
                    share = self.region_targets.get((ind_id, reg_id))
                    if share is None:
                        st = not_decomposed(current, series, self.asked)
                    else:
                        regional = region_indicator(current, *share)
                        st = evaluate(regional, series, self.asked, self.plan.settings)
                if missing is not None:
                    mark_incomplete(st, *missing)
                out.append(IndicatorStatus(current, region, st))
        return out

    def _series(
        self, ind: Indicator, ind_id: int, region: Region
    ) -> tuple[Series, tuple[Period, tuple[str, ...]] | None]:
        """The region's own values, completed by its sub-units' sum where it has none newer."""
        own = self.values.get((ind_id, self.region_ids[region.code]), [])
        children = self.children.get(region.code, ())
        if not children or not can_roll_up(ind):
            return Series(own), None
        asked = self.asked.moment
        newest_own = max((p.moment for p, _ in own if p.moment <= asked), default=0)
        child_ids = [(child.name, self.region_ids[child.code]) for child in children]
        newer = any(
            p.moment > newest_own and p.moment <= asked
            for _name, child_id in child_ids
            for p, _v in self.values.get((ind_id, child_id), ())
        )
        if not newer:  # the region's own figures are as new as anything below it
            return Series(own), None
        units: dict[str, dict[Period, Part]] = {}
        for name, child_id in child_ids:
            units[name] = {
                p: Part(v, *self.parts.get((ind_id, child_id, p), (None, None)))
                for p, v in self.values.get((ind_id, child_id), [])
                if p.moment <= asked
            }
        rolled = roll_up(ind, units)
        merged = dict(rolled.values)
        merged.update(dict(own))
        newest = max((p.moment for p in merged), default=0)
        gaps = [(p, names) for p, names in rolled.incomplete.items() if p.moment > newest]
        return Series(merged), max(gaps, key=lambda g: g[0].sort_key) if gaps else None
