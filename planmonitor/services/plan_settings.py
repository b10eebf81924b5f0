"""Plan settings a bureau sets itself: light thresholds, the 左右 tolerance, and each
sub-region's share of a target (任务分解)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planmonitor.domain.plan import ROOT_REGION, StatusSettings
from planmonitor.services.errors import UserError
from planmonitor.store.database import Database
from planmonitor.store.models import IndicatorRow, PlanRow, RegionRow, RegionTargetRow


@dataclass(frozen=True)
class RegionTarget:
    """One sub-region's share of an indicator's target (None: not set)."""

    region: str
    region_name: str
    target: float | None
    baseline: float | None


class PlanSettingsService:
    """Thresholds, tolerance and sub-region targets of one plan; each method one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def set_status_settings(self, plan_id: str, settings: StatusSettings) -> None:
        """Save the plan's light thresholds (预期性 and 约束性) and the 左右 tolerance."""
        for name, th in (("预期性", settings.thresholds), ("约束性", settings.binding)):
            if not 0 < th.yellow <= th.green:
                raise UserError(
                    f"{name}指标的阈值应满足0 < 黄灯起点 ≤ 绿灯起点"
                    f"（现为黄灯{th.yellow:.0%}、绿灯{th.green:.0%}）"
                )
        if not 0 <= settings.approx_tolerance <= 10:
            raise UserError(f"“左右”容差应在0到10个百分点之间（现为{settings.approx_tolerance:g}）")
        with self.db.session.begin() as s:
            plan = _plan(s, plan_id)
            plan.green, plan.yellow = settings.thresholds.green, settings.thresholds.yellow
            plan.binding_green = settings.binding.green
            plan.binding_yellow = settings.binding.yellow
            plan.approx_tolerance = settings.approx_tolerance

    def region_targets(self, plan_id: str, code: str) -> list[RegionTarget]:
        """Every sub-region of the plan with its share of ``code``'s target (plan order)."""
        with self.db.session() as s:
            plan = _plan(s, plan_id)
            ind = _indicator(s, plan, code)
            rows = {
                r.region_id: r
                for r in s.scalars(
                    select(RegionTargetRow).where(RegionTargetRow.indicator_id == ind.id)
                )
            }
            regions = s.scalars(
                select(RegionRow)
                .where(RegionRow.plan_id == plan.id, RegionRow.code != ROOT_REGION)
                .order_by(RegionRow.position)
            )
            out = []
            for reg in regions:
                row = rows.get(reg.id)
                out.append(
                    RegionTarget(
                        reg.code,
                        reg.name,
                        row.target_value if row else None,
                        row.baseline if row else None,
                    )
                )
            return out

    def set_region_target(
        self,
        plan_id: str,
        code: str,
        region: str,
        target: float | None,
        baseline: float | None = None,
    ) -> RegionTarget:
        """Set (or, with both None, remove) a sub-region's target and baseline for ``code``."""
        return self.set_region_targets(plan_id, code, [(region, target, baseline)])[0]

    def set_region_targets(
        self,
        plan_id: str,
        code: str,
        shares: list[tuple[str, float | None, float | None]],
    ) -> list[RegionTarget]:
        """Set several sub-regions' (region, target, baseline) at once: all or none."""
        with self.db.session.begin() as s:
            plan = _plan(s, plan_id)
            ind = _indicator(s, plan, code)
            out = []
            for region, target, baseline in shares:
                reg = _region(s, plan, region)
                row = s.scalar(
                    select(RegionTargetRow).where(
                        RegionTargetRow.indicator_id == ind.id,
                        RegionTargetRow.region_id == reg.id,
                    )
                )
                if target is None and baseline is None:
                    if row is not None:
                        s.delete(row)
                elif row is None:
                    s.add(
                        RegionTargetRow(
                            indicator_id=ind.id,
                            region_id=reg.id,
                            target_value=target,
                            baseline=baseline,
                        )
                    )
                else:
                    row.target_value, row.baseline = target, baseline
                out.append(RegionTarget(reg.code, reg.name, target, baseline))
            return out


def _plan(s: Session, plan_id: str) -> PlanRow:
    row = s.scalar(select(PlanRow).where(PlanRow.key == plan_id))
    if row is None:
        raise UserError(f"数据库中没有规划“{plan_id}”")
    return row


def _indicator(s: Session, plan: PlanRow, code: str) -> IndicatorRow:
    row = s.scalar(
        select(IndicatorRow).where(IndicatorRow.plan_id == plan.id, IndicatorRow.code == code)
    )
    if row is None:
        raise UserError(f"规划“{plan.key}”中没有指标编码“{code}”")
    return row


def _region(s: Session, plan: PlanRow, region: str) -> RegionRow:
    key = region.strip()
    regions = list(s.scalars(select(RegionRow).where(RegionRow.plan_id == plan.id)))
    for r in regions:
        if r.code != ROOT_REGION and key in (r.code, r.name):
            return r
    subs = "、".join(f"{r.name}（{r.code}）" for r in regions if r.code != ROOT_REGION)
    if not subs:
        raise UserError(f"规划“{plan.key}”还没有下级地区：请先添加地区，再分解目标")
    raise UserError(f"规划“{plan.key}”中没有下级地区“{region}”（现有：{subs}）")
