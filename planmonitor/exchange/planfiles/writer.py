"""Writing a plan as a plan file (文件 → 导出规划文件) to share with the city or other counties;
:func:`planmonitor.exchange.planfiles.planfile.load_plan_file` reads it back to the same plan.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from planmonitor.domain.indicator import Comparator, Indicator, TargetForm
from planmonitor.domain.plan import Plan
from planmonitor.exchange.planfiles.draft_writer import toml_value

_RATE_KEY = {TargetForm.CAGR: "growth", TargetForm.POINTS: "points", TargetForm.GROWTH_RATE: "rate"}


def _indicator(ind: Indicator) -> list[tuple[str, Any]]:
    t = ind.target
    f: list[tuple[str, Any]] = [("code", ind.code), ("name", ind.name), ("unit", ind.unit)]
    if ind.category:
        f.append(("category", ind.category))
    f += [("attribute", ind.attribute.value), ("nature", ind.nature.value)]
    if ind.baseline is not None:
        f.append(("baseline", ind.baseline))
    f.append(("form", t.form.value))
    if t.form is TargetForm.QUOTA:
        f.append(("quota", t.value))
    elif t.value is not None:
        f.append(("target", t.value))
    if t.increase is not None:
        f.append(("increase", t.increase))
    if t.rate is not None:
        f.append((_RATE_KEY.get(t.form, "rate"), t.rate))
    if t.milestones:
        f.append(("milestones", [[m.year, m.value] for m in t.milestones]))
    if t.due is not None:
        f.append(("due", t.due))
    if t.comparator is not Comparator.GE:
        f.append(("comparator", t.comparator.value))
    if t.tolerance is not None:
        f.append(("tolerance", t.tolerance))
    if t.text:
        f.append(("target_text", t.text))
    f += [
        ("cadence", ind.cadence.value),
        ("profile", [round(s * 100, 6) for s in ind.profile.shares]),
        ("decimals", ind.decimals),
    ]
    if ind.responsible:
        f.append(("responsible", list(ind.responsible)))
    if ind.source:
        f.append(("source", ind.source))
    if ind.note:
        f.append(("note", ind.note))
    if ind.ratio is not None:
        r = ind.ratio
        f.append(
            ("ratio", {"numerator": r.numerator, "denominator": r.denominator, "scale": r.scale})
        )
    if ind.thresholds is not None:
        f.append(("thresholds", {"green": ind.thresholds.green, "yellow": ind.thresholds.yellow}))
    if ind.predecessor:
        f.append(("predecessor", ind.predecessor))
    return f


def plan_to_toml(plan: Plan) -> str:
    """The plan file text of ``plan``."""
    out = [f"# 《{plan.title}》 — 由规划监测（PlanMonitor）导出的规划文件", "format = 1"]
    top: list[tuple[str, Any]] = [
        ("id", plan.id),
        ("title", plan.title),
        ("issuer", plan.issuer),
        ("region", plan.region),
        ("baseline_year", plan.baseline_year),
        ("target_year", plan.target_year),
    ]
    if plan.outlook_year is not None:
        top.append(("outlook_year", plan.outlook_year))
    if plan.categories:
        top.append(("categories", list(plan.categories)))
    top += [("source", plan.source), ("note", plan.note)]
    if plan.predecessor is not None:
        ref = plan.predecessor
        top.append(("predecessor", {"id": ref.id, "title": ref.title}))
    st = plan.settings
    top.append(("approx_tolerance", st.approx_tolerance))
    out += [f"{k} = {toml_value(v)}" for k, v in top]
    out.append(
        f"thresholds = {{ green = {toml_value(st.thresholds.green)}, "
        f"yellow = {toml_value(st.thresholds.yellow)}, binding = {{ green = "
        f"{toml_value(st.binding.green)}, yellow = {toml_value(st.binding.yellow)} }} }}"
    )
    for r in plan.sub_regions:
        out += ["", "[[regions]]", f"code = {toml_value(r.code)}", f"name = {toml_value(r.name)}"]
        if r.parent and r.parent != "*":
            out.append(f"parent = {toml_value(r.parent)}")
    for ind in plan.indicators:
        out += ["", "[[indicators]]"]
        out += [f"{k} = {toml_value(v)}" for k, v in _indicator(ind)]
    for task in plan.tasks:
        out += ["", "[[tasks]]"]
        if task.code:
            out.append(f"code = {toml_value(task.code)}")
        out.append(f"title = {toml_value(task.title)}")
        if task.kind != "任务":
            out.append(f"kind = {toml_value(task.kind)}")
        if task.chapter:
            out.append(f"chapter = {toml_value(task.chapter)}")
        for key in ("responsible", "lead", "support", "indicators"):
            values = getattr(task, key)
            if values:
                out.append(f"{key} = {toml_value(list(values))}")
    return "\n".join(out) + "\n"


def write_plan_file(plan: Plan, path: Path) -> None:
    """Write ``plan`` at ``path`` atomically (temporary file in the folder, then renamed)."""
    fd, tmp = tempfile.mkstemp(prefix=".plan-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(plan_to_toml(plan))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
