"""Plans in the database: install, list, open, revise targets, enter a late baseline."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from planmonitor.domain.indicator import Indicator, PlanError, Target
from planmonitor.domain.plan import ROOT_REGION, Plan, Region, TargetRevision
from planmonitor.exchange.planfiles.planfile import builtin_plan_files, load_plan_file
from planmonitor.services.errors import UserError
from planmonitor.store.database import Database
from planmonitor.store.models import IndicatorRow, PlanRow, RegionRow, RevisionRow
from planmonitor.store.plan_links import store_plan_links
from planmonitor.store.plan_rows import (
    indicator_to_row,
    mark_withdrawn,
    plan_from_row,
    plan_to_row,
    target_from_json,
    target_from_row,
    target_to_json,
    withdrawn_note,
)


@dataclass(frozen=True)
class PlanSummary:
    """One line of a plan list."""

    id: str
    title: str
    region: str
    indicators: int
    is_demo: bool = False


@dataclass(frozen=True)
class InstallResult:
    """What ``install`` did: ``created`` is False when the same plan was already there."""

    plan: PlanSummary
    created: bool
    notes: tuple[str, ...] = ()  # predecessor links that could not be made (one line each)


def builtin_plans() -> list[Plan]:
    """The plans shipped with the program."""
    return [load_plan_file(p) for p in builtin_plan_files()]


def plan_source(id_or_file: str) -> Plan:
    """A built-in plan by id, or a plan file by path; UserError listing the built-in ids."""
    path = Path(id_or_file).expanduser()
    if path.suffix.lower() == ".toml" or path.exists():
        if not path.is_file():
            raise UserError(f"规划文件 {path} 不存在")
        return load_plan_file(path)
    plans = builtin_plans()
    for plan in plans:
        if plan.id == id_or_file:
            return plan
    ids = "、".join(p.id for p in plans)
    raise UserError(f"没有名为“{id_or_file}”的内置规划，也没有该文件（内置规划：{ids}）")


def unlinked(plan: Plan) -> Plan:
    """``plan`` without its predecessor links (a plan file names them; the database may lack
    the predecessor, so the same plan installed twice compares without them)."""
    return replace(
        plan,
        predecessor=None,
        indicators=tuple(replace(i, predecessor="") for i in plan.indicators),
    )


def _summary(row: PlanRow, count: int) -> PlanSummary:
    return PlanSummary(row.key, row.title, row.region_name, count, row.is_demo)


class PlanService:
    """Plans in one database; each method is one unit of work."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def install(self, plan: Plan, is_demo: bool = False) -> InstallResult:
        """Put ``plan`` into the database; the same plan again is a no-op that says so."""
        plan.validate()
        with self.db.session.begin() as s:
            existing = s.scalar(select(PlanRow).where(PlanRow.key == plan.id))
            if existing is not None:
                if unlinked(plan_from_row(existing)) != unlinked(plan):
                    raise UserError(
                        f"数据库中已有标识为“{plan.id}”的规划，且内容与要写入的不同；未作修改"
                        "（如需调整目标，请使用目标调整功能）"
                    )
                return InstallResult(_summary(existing, len(existing.indicators)), False)
            row = plan_to_row(plan, datetime.now(), is_demo=is_demo)
            s.add(row)
            s.flush()
            notes = store_plan_links(s, row, plan)
            return InstallResult(_summary(row, len(plan.indicators)), True, tuple(notes))

    def list_plans(self) -> list[PlanSummary]:
        """The plans in the database, in the order they were added."""
        with self.db.session() as s:
            query = select(IndicatorRow.plan_id, func.count()).group_by(IndicatorRow.plan_id)
            counts = {plan_id: n for plan_id, n in s.execute(query)}
            rows = s.scalars(select(PlanRow).order_by(PlanRow.id)).all()
            return [_summary(r, counts.get(r.id, 0)) for r in rows]

    def resolve(self, plan_id: str | None) -> str:
        """The plan meant: ``plan_id`` if given and present, else the only plan there is."""
        plans = self.list_plans()
        if plan_id is not None:
            if any(p.id == plan_id for p in plans):
                return plan_id
            have = "、".join(p.id for p in plans) or "无"
            raise UserError(f"数据库中没有规划“{plan_id}”（现有：{have}）")
        if not plans:
            raise UserError("数据库中还没有规划：请先用 init --plan 写入一个规划")
        if len(plans) > 1:
            have = "、".join(p.id for p in plans)
            raise UserError(f"数据库中有多个规划，请用 --plan 指定其一：{have}")
        return plans[0].id

    def _row(self, s: Session, plan_id: str) -> PlanRow:
        row = s.scalar(
            select(PlanRow)
            .where(PlanRow.key == plan_id)
            .options(
                selectinload(PlanRow.indicators).selectinload(IndicatorRow.milestones),
                selectinload(PlanRow.regions),
                selectinload(PlanRow.tasks),
            )
        )
        if row is None:
            raise UserError(f"数据库中没有规划“{plan_id}”")
        return row

    def get(self, plan_id: str) -> Plan:
        """The plan as stored (original targets; see :meth:`revisions`)."""
        with self.db.session() as s:
            return plan_from_row(self._row(s, plan_id))

    def current_indicator(self, plan_id: str, code: str) -> Indicator:
        """The indicator with its latest revision in force: what a further revision changes."""
        with self.db.session() as s:
            plan = self._row(s, plan_id)
            ind_row = self._indicator_row(plan, code)
            ind = plan_from_row(plan).indicator(code)
            rows = self._revision_rows(s, ind_row)
            return ind.with_target(target_from_json(rows[-1].new_target)) if rows else ind

    def revisions(self, plan_id: str, include_withdrawn: bool = False) -> list[TargetRevision]:
        """The plan's target revisions in force, oldest first (with the undone ones if asked)."""
        with self.db.session() as s:
            rows = s.execute(
                select(RevisionRow, IndicatorRow.code)
                .join(IndicatorRow, RevisionRow.indicator_id == IndicatorRow.id)
                .join(PlanRow, IndicatorRow.plan_id == PlanRow.id)
                .where(PlanRow.key == plan_id)
                .order_by(RevisionRow.effective, RevisionRow.id)
            ).all()
            revisions = [
                TargetRevision(
                    code,
                    r.effective,
                    target_from_json(r.old_target),
                    target_from_json(r.new_target),
                    r.reason,
                    r.recorded_by,
                    withdrawn_note(r.new_target),
                )
                for r, code in rows
            ]
            return [r for r in revisions if include_withdrawn or not r.withdrawn]

    def revise_target(
        self, plan_id: str, code: str, new: Target, effective: date, reason: str, by: str = ""
    ) -> TargetRevision:
        """Revise a target (动态调整): the old target stays in the history."""
        if not reason.strip():
            raise UserError("调整目标须说明理由")
        with self.db.session.begin() as s:
            plan = self._row(s, plan_id)
            ind_row = self._indicator_row(plan, code)
            ind = plan_from_row(plan).indicator(code)
            history = [target_from_json(r.new_target) for r in self._revision_rows(s, ind_row)]
            old = history[-1] if history else target_from_row(ind_row)
            if new == old:
                raise UserError(f"指标{code}的目标已是“{new.text or code}”，未作调整")
            try:
                new.validate(f"指标{code}")
                replace(ind, target=new).validate()
            except PlanError as exc:
                raise UserError(str(exc)) from None
            s.add(
                RevisionRow(
                    indicator_id=ind_row.id,
                    effective=effective,
                    old_target=target_to_json(old),
                    new_target=target_to_json(new),
                    reason=reason.strip(),
                    recorded_by=by,
                    recorded_at=datetime.now(),
                )
            )
            return TargetRevision(code, effective, old, new, reason.strip(), by)

    def withdraw_revision(
        self, plan_id: str, code: str, reason: str, by: str = ""
    ) -> TargetRevision:
        """Undo the indicator's latest revision in force; it stays in the history, marked withdrawn.

        Returns the revision undone; the target before it applies again from then on.
        """
        if not reason.strip():
            raise UserError("撤销目标调整须说明理由")
        with self.db.session.begin() as s:
            ind_row = self._indicator_row(self._row(s, plan_id), code)
            rows = self._revision_rows(s, ind_row)
            if not rows:
                raise UserError(f"指标{code}没有可撤销的目标调整")
            last = rows[-1]
            undone = TargetRevision(
                code,
                last.effective,
                target_from_json(last.old_target),
                target_from_json(last.new_target),
                last.reason,
                last.recorded_by,
            )
            last.new_target = mark_withdrawn(last.new_target, datetime.now(), by, reason.strip())
            return replace(undone, withdrawn=withdrawn_note(last.new_target))

    def set_baseline(self, plan_id: str, code: str, baseline: float | None) -> None:
        """Enter (or correct) a baseline the plan left missing."""
        with self.db.session.begin() as s:
            self._indicator_row(self._row(s, plan_id), code).baseline = baseline

    def update_indicator(self, plan_id: str, indicator: Indicator) -> None:
        """Save edited metadata, release profile and thresholds of one indicator.

        The target itself changes only through :meth:`revise_target`, so its history is kept.
        """
        try:
            indicator.validate()
        except PlanError as exc:
            raise UserError(str(exc)) from None
        with self.db.session.begin() as s:
            row = self._indicator_row(self._row(s, plan_id), indicator.code)
            if target_from_row(row) != indicator.target:
                raise UserError("目标须通过“调整目标”修改，以保留调整记录")
            indicator_to_row(replace(indicator, position=row.position), row)

    def add_region(self, plan_id: str, code: str, name: str, parent: str = ROOT_REGION) -> Region:
        """Add a sub-region (镇, 街道, 园区) to the plan."""
        code, name = code.strip(), name.strip()
        if not code or not name:
            raise UserError("地区编码和名称都不能为空")
        with self.db.session.begin() as s:
            plan = self._row(s, plan_id)
            if any(r.code == code or r.name == name for r in plan.regions):
                raise UserError(f"规划“{plan_id}”中已有地区“{name}”或编码“{code}”")
            if not any(r.code == parent for r in plan.regions):
                raise UserError(f"上级地区“{parent}”不存在")
            plan.regions.append(
                RegionRow(code=code, name=name, parent_code=parent, position=len(plan.regions))
            )
        return Region(code, name, parent)

    @staticmethod
    def _indicator_row(plan: PlanRow, code: str) -> IndicatorRow:
        for row in plan.indicators:
            if row.code == code:
                return row
        codes = "、".join(r.code for r in plan.indicators)
        raise UserError(f"规划“{plan.key}”中没有指标编码“{code}”（现有：{codes}）")

    @staticmethod
    def _revision_rows(s: Session, ind_row: IndicatorRow) -> list[RevisionRow]:
        """The indicator's revisions in force (not withdrawn), oldest first."""
        rows = s.scalars(
            select(RevisionRow)
            .where(RevisionRow.indicator_id == ind_row.id)
            .order_by(RevisionRow.effective, RevisionRow.id)
        )
        return [r for r in rows if not withdrawn_note(r.new_target)]
