"""Plans between the domain's plain objects and the database rows."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from planmonitor.domain.indicator import (
    Attribute,
    Cadence,
    Comparator,
    Indicator,
    Milestone,
    Nature,
    RatioSpec,
    ReleaseProfile,
    Target,
    TargetForm,
    Thresholds,
)
from planmonitor.domain.plan import ROOT_REGION, Plan, PlanRef, Region, StatusSettings, Task
from planmonitor.store.models import IndicatorRow, MilestoneRow, PlanRow, RegionRow, TaskRow

SEP = "、"


# An indicator deleted from the plan while it had values keeps its row (and the values) under
# the code "CODE~retired-…" (services/plan_editing.py); the plan no longer lists it.
RETIRED_MARK = "~retired-"


def _split(text: str) -> tuple[str, ...]:
    return tuple(s for s in text.split(SEP) if s)


def plan_to_row(plan: Plan, now: datetime, is_demo: bool = False) -> PlanRow:
    """New rows for ``plan`` (plan, regions, indicators with milestones, tasks)."""
    s = plan.settings
    row = PlanRow(
        key=plan.id,
        title=plan.title,
        issuer=plan.issuer,
        region_name=plan.region,
        baseline_year=plan.baseline_year,
        target_year=plan.target_year,
        outlook_year=plan.outlook_year,
        categories="\n".join(plan.categories),
        green=s.thresholds.green,
        yellow=s.thresholds.yellow,
        binding_green=s.binding.green,
        binding_yellow=s.binding.yellow,
        approx_tolerance=s.approx_tolerance,
        source=plan.source,
        note=plan.note,
        is_demo=is_demo,
        created_at=now,
    )
    row.regions = [
        RegionRow(code=r.code, name=r.name, parent_code=r.parent, position=i)
        for i, r in enumerate(plan.regions)
    ]
    row.indicators = [indicator_to_row(ind) for ind in plan.indicators]
    row.tasks = [
        TaskRow(
            position=t.position,
            title=t.title,
            responsible=SEP.join(t.responsible),
            indicator_codes=SEP.join(t.indicators),
            code=t.code,
            lead=SEP.join(t.lead),
            support=SEP.join(t.support),
            kind=t.kind,
            chapter=t.chapter,
        )
        for t in plan.tasks
    ]
    return row


def indicator_to_row(ind: Indicator, row: IndicatorRow | None = None) -> IndicatorRow:
    """Fill ``row`` (or a new one) from ``ind``."""
    row = row or IndicatorRow()
    t = ind.target
    q1, q2, q3, q4 = ind.profile.shares
    values: dict[str, Any] = dict(
        code=ind.code,
        position=ind.position,
        name=ind.name,
        unit=ind.unit,
        category=ind.category,
        attribute=ind.attribute.value,
        nature=ind.nature.value,
        cadence=ind.cadence.value,
        profile_q1=q1,
        profile_q2=q2,
        profile_q3=q3,
        profile_q4=q4,
        form=t.form.value,
        comparator=t.comparator.value,
        baseline=ind.baseline,
        baseline_year=ind.baseline_year,
        target_year=ind.target_year,
        target_value=t.value,
        increase=t.increase,
        rate=t.rate,
        due=t.due,
        tolerance=t.tolerance,
        target_text=t.text,
        decimals=ind.decimals,
        responsible=SEP.join(ind.responsible),
        source=ind.source,
        note=ind.note,
        ratio_numerator=ind.ratio.numerator if ind.ratio else None,
        ratio_denominator=ind.ratio.denominator if ind.ratio else None,
        ratio_scale=ind.ratio.scale if ind.ratio else None,
        green=ind.thresholds.green if ind.thresholds else None,
        yellow=ind.thresholds.yellow if ind.thresholds else None,
    )
    for key, value in values.items():
        setattr(row, key, value)
    row.milestones = [MilestoneRow(year=m.year, value=m.value) for m in t.milestones]
    return row


def target_from_row(row: IndicatorRow) -> Target:
    """The target as stored on the indicator row."""
    return Target(
        form=TargetForm(row.form),
        comparator=Comparator(row.comparator),
        value=row.target_value,
        increase=row.increase,
        rate=row.rate,
        milestones=tuple(Milestone(m.year, m.value) for m in row.milestones),
        due=row.due,
        tolerance=row.tolerance,
        text=row.target_text,
    )


def indicator_from_row(row: IndicatorRow) -> Indicator:
    """The domain indicator for ``row``."""
    ratio = None
    if row.ratio_numerator is not None and row.ratio_denominator is not None:
        ratio = RatioSpec(row.ratio_numerator, row.ratio_denominator, row.ratio_scale or 100.0)
    thresholds = None
    if row.green is not None and row.yellow is not None:
        thresholds = Thresholds(row.green, row.yellow)
    return Indicator(
        code=row.code,
        name=row.name,
        unit=row.unit,
        target=target_from_row(row),
        baseline_year=row.baseline_year,
        target_year=row.target_year,
        category=row.category,
        attribute=Attribute(row.attribute),
        nature=Nature(row.nature),
        cadence=Cadence(row.cadence),
        profile=ReleaseProfile((row.profile_q1, row.profile_q2, row.profile_q3, row.profile_q4)),
        baseline=row.baseline,
        responsible=_split(row.responsible),
        source=row.source,
        decimals=row.decimals,
        note=row.note,
        ratio=ratio,
        thresholds=thresholds,
        position=row.position,
        predecessor=_predecessor_code(row),
    )


def _predecessor_code(row: IndicatorRow) -> str:
    """The code of the indicator ``row`` carries over ("" for none; loaded with the row)."""
    return row.predecessor_code or "" if row.predecessor_id is not None else ""


def settings_from_row(row: PlanRow) -> StatusSettings:
    """The plan's thresholds and tolerances."""
    return StatusSettings(
        Thresholds(row.green, row.yellow),
        Thresholds(row.binding_green, row.binding_yellow),
        row.approx_tolerance,
    )


def plan_from_row(row: PlanRow, sub_regions: tuple[Region, ...] | None = None) -> Plan:
    """The domain plan for ``row`` (targets as stored; revisions are applied by the services).

    ``sub_regions``, where the caller read them already, saves loading ``row.regions``.
    """
    if sub_regions is None:
        sub_regions = tuple(
            Region(r.code, r.name, r.parent_code) for r in row.regions if r.code != ROOT_REGION
        )
    return Plan(
        id=row.key,
        title=row.title,
        region=row.region_name,
        baseline_year=row.baseline_year,
        target_year=row.target_year,
        indicators=tuple(
            indicator_from_row(i) for i in row.indicators if RETIRED_MARK not in i.code
        ),
        issuer=row.issuer,
        outlook_year=row.outlook_year,
        categories=tuple(c for c in row.categories.split("\n") if c),
        tasks=tuple(
            Task(
                t.title,
                _split(t.responsible),
                _split(t.indicator_codes),
                t.position,
                code=t.code,
                lead=_split(t.lead),
                support=_split(t.support),
                kind=t.kind,
                chapter=t.chapter,
            )
            for t in row.tasks
        ),
        sub_regions=sub_regions,
        settings=settings_from_row(row),
        source=row.source,
        note=row.note,
        predecessor=(
            PlanRef(row.predecessor_key, row.predecessor_title or "")
            if row.predecessor_id is not None and row.predecessor_key is not None
            else None
        ),
    )


def target_to_json(t: Target) -> str:
    """A target as JSON text (kept in revision history)."""
    return json.dumps(
        {
            "form": t.form.value,
            "comparator": t.comparator.value,
            "value": t.value,
            "increase": t.increase,
            "rate": t.rate,
            "milestones": [[m.year, m.value] for m in t.milestones],
            "due": t.due.isoformat() if t.due else None,
            "tolerance": t.tolerance,
            "text": t.text,
        },
        ensure_ascii=False,
    )


def target_from_json(text: str) -> Target:
    """The inverse of :func:`target_to_json`."""
    d = json.loads(text)
    return Target(
        form=TargetForm(d["form"]),
        comparator=Comparator(d["comparator"]),
        value=d["value"],
        increase=d["increase"],
        rate=d["rate"],
        milestones=tuple(Milestone(y, v) for y, v in d["milestones"]),
        due=date.fromisoformat(d["due"]) if d["due"] else None,
        tolerance=d["tolerance"],
        text=d["text"],
    )


def withdrawn_note(text: str) -> str:
    """ "" for a revision in force; for an undone one, when, by whom and why (from its JSON)."""
    mark = json.loads(text).get("withdrawn")
    if not mark:
        return ""
    by = f"，{mark['by']}" if mark.get("by") else ""
    return f"{mark['at']}撤销{by}：{mark['reason']}"


def mark_withdrawn(text: str, at: datetime, by: str, reason: str) -> str:
    """The revision's target JSON with a withdrawn mark added (the revision itself is kept)."""
    d = json.loads(text)
    d["withdrawn"] = {"at": at.isoformat(timespec="seconds"), "by": by, "reason": reason}
    return json.dumps(d, ensure_ascii=False)
