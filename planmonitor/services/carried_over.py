"""What an indicator carried over from the predecessor plan brings to its trend plot and detail:
the predecessor's indicator (its target as in force), its values in the same region (in the
successor's unit, where the units convert), and its 总结评估 result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from planmonitor.domain.final_evaluation import FinalRow
from planmonitor.domain.indicator import Indicator, PlanError
from planmonitor.domain.observation import Observation
from planmonitor.exchange.tables.units import clean_unit, scale_factor, scaled
from planmonitor.services.errors import UserError
from planmonitor.services.observations import ObservationService
from planmonitor.services.plans import PlanService
from planmonitor.store.database import Database

_FIVE_YEAR = re.compile(r"十[一二三四五六七八九]五")


def plan_label(title: str, baseline_year: int, target_year: int) -> str:
    """A short name for a plan in a legend: 十四五规划, else 2021—2025年规划."""
    m = _FIVE_YEAR.search(title)
    return f"{m.group(0)}规划" if m else f"{baseline_year + 1}—{target_year}年规划"


@dataclass(frozen=True)
class CarriedOver:
    """The predecessor side of one carried-over indicator.

    Attributes:
        plan_id, plan_title, label: the predecessor plan (label: 十四五规划);
        successor_label: the successor plan's label (十五五规划).
        indicator: the predecessor's indicator, its latest target revision in force, in the
            successor's unit when the units convert (``factor``).
        values: its current values in the region, converted likewise; empty when the units
            do not mix (``unit_note`` says so).
        factor: predecessor unit → successor unit (1 when the same), None when they don't mix.
        final: its 总结评估 row (完成 / 未完成 / 暂无数据), None when it cannot be evaluated.
    """

    plan_id: str
    plan_title: str
    label: str
    successor_label: str
    indicator: Indicator
    values: list[Observation]
    factor: float | None
    unit_note: str
    final: FinalRow | None


def _scaled_indicator(ind: Indicator, factor: float, unit: str) -> Indicator:
    if factor == 1:
        return ind
    t = ind.target

    def s(v: float | None) -> float | None:
        return None if v is None else v * factor

    target = replace(
        t,
        value=s(t.value),
        increase=s(t.increase),
        milestones=tuple(replace(m, value=m.value * factor) for m in t.milestones),
    )
    return replace(ind, unit=unit, baseline=s(ind.baseline), target=target)


class CarriedOverService:
    """Reads the predecessor's side of a carried-over indicator."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def carried_over(self, plan_id: str, code: str, region: str = "*") -> CarriedOver | None:
        """The predecessor of indicator ``code`` of plan ``plan_id``; None when it has none."""
        plans = PlanService(self.db)
        plan = plans.get(plan_id)
        ind = plan.indicator(code)
        if plan.predecessor is None or not ind.predecessor:
            return None
        pred_id = plan.predecessor.id
        try:
            pred_plan = plans.get(pred_id)
            pred = plans.current_indicator(pred_id, ind.predecessor)
        except (UserError, PlanError):
            return None  # a retired predecessor: its values are kept but not drawn
        factor_d = scale_factor(pred.unit, ind.unit)
        factor = None if factor_d is None else float(factor_d)
        note = ""
        values: list[Observation] = []
        if factor_d is None or factor is None:
            note = (
                f"上期指标的单位“{pred.unit}”与本期“{ind.unit}”不同，无法换算，趋势图不显示上期数值"
            )
        else:
            if clean_unit(pred.unit) != clean_unit(ind.unit) and factor != 1:
                note = f"上期数值由“{pred.unit}”换算为“{ind.unit}”（×{factor:g}）"
            try:
                history = ObservationService(self.db).history(pred_id, pred.code, region)
            except UserError:
                history = []  # the predecessor has no such region
            values = [
                o if o.value is None else replace(o, value=scaled(o.value, factor_d))
                for o in history
                if o.is_current
            ]
            pred = _scaled_indicator(pred, factor, ind.unit)
        return CarriedOver(
            plan_id=pred_id,
            plan_title=pred_plan.title,
            label=plan_label(pred_plan.title, pred_plan.baseline_year, pred_plan.target_year),
            successor_label=plan_label(plan.title, plan.baseline_year, plan.target_year),
            indicator=pred,
            values=values,
            factor=factor,
            unit_note=note,
            final=self._final(pred_id, pred.code),
        )

    def _final(self, plan_id: str, code: str) -> FinalRow | None:
        """The 总结评估 row of one indicator (at the end of its plan's target year)."""
        from planmonitor.services.final_evaluation import final_evaluation

        rows = final_evaluation(self.db, plan_id).rows
        return next((r for r in rows if r.code == code), None)
