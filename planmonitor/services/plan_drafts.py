"""Drafting a plan from its document, and turning an accepted draft into a plan.

The draft itself is plain data (:mod:`planmonitor.domain.draft`); this service reads the file,
writes the plan file for ``--out`` and installs an accepted draft in one transaction.
"""

from __future__ import annotations

import time
import tomllib
from collections.abc import Generator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from planmonitor.domain.draft import DraftIndicator, DraftPlan
from planmonitor.domain.plan import Plan
from planmonitor.exchange.plandocs.document import draft_plan
from planmonitor.exchange.plandocs.drafter import draft_from_blocks
from planmonitor.exchange.plandocs.readers import DocumentError, read_blocks
from planmonitor.exchange.planfiles.draft_writer import draft_to_toml, plan_id_for, write_draft
from planmonitor.exchange.planfiles.planfile import plan_from_mapping
from planmonitor.services.errors import UserError
from planmonitor.services.plans import InstallResult, PlanService
from planmonitor.services.progress import Progress
from planmonitor.store.database import Database


@dataclass(frozen=True, slots=True)
class DraftResult:
    """A draft and how long reading the document took (seconds)."""

    draft: DraftPlan
    seconds: float


def read_draft(path: Path) -> DraftResult:
    """Draft the plan in the document at ``path``; :class:`UserError` if it can't be read."""
    if not path.exists():
        raise UserError(f"{path}：文件不存在")
    start = time.perf_counter()
    try:
        draft = draft_plan(path)
    except DocumentError as exc:
        raise UserError(str(exc)) from None
    return DraftResult(draft, time.perf_counter() - start)


def draft_steps(path: Path) -> Generator[Progress, None, DraftResult]:
    """:func:`read_draft` as a job the GUI runs off its thread: reading, then recognising."""
    if not path.exists():
        raise UserError(f"{path}：文件不存在")
    start = time.perf_counter()
    yield Progress(0, 2, f"读取 {path.name}")
    try:
        blocks = read_blocks(path)
        yield Progress(1, 2, "识别指标表、目标和重点任务")
        draft = draft_from_blocks(blocks, source=path.name)
    except DocumentError as exc:
        raise UserError(str(exc)) from None
    yield Progress(2, 2, "完成")
    return DraftResult(draft, time.perf_counter() - start)


def final_target(ind: DraftIndicator, base: int | None, target: int | None) -> float | None:
    """The value due by the target year, as ``indicators --json`` gives it (None if unknown)."""
    if ind.form == "level":
        return ind.milestones[-1][1] if ind.milestones and ind.target is None else ind.target
    if ind.target is not None or ind.baseline is None:
        return ind.target
    years = (target or 0) - (base or 0)
    if ind.form == "increase" and ind.increase is not None:
        return ind.baseline + ind.increase
    if ind.form == "points" and ind.rate is not None:
        return ind.baseline + ind.rate * years
    if ind.form == "cagr" and ind.rate is not None:
        return ind.baseline * (1 + ind.rate / 100) ** years
    return None


def draft_json(draft: DraftPlan) -> dict[str, Any]:
    """The ``draft-plan --json`` record: the plan's fields, indicators, tasks, questions."""
    inds = []
    for ind in draft.indicators:
        d = asdict(ind)
        d["milestones"] = [[y, v] for y, v in ind.milestones]
        d["profile"] = "/".join(str(p) for p in ind.profile)
        d["baseline_year"] = draft.baseline_year
        d["target_year"] = draft.target_year
        d["target"] = final_target(ind, draft.baseline_year, draft.target_year)
        flow = ind.form == "quota" or ind.cadence in ("cumulative_flow", "annual_restart")
        d["nature"] = "flow" if flow else "stock"
        d["source"] = ""
        d["decimals"] = 0 if ind.unit in ("家", "个", "件", "人", "项", "名", "所") else 2
        linked = ind.predecessor and draft.predecessor
        d["predecessor"] = {"plan": draft.predecessor, "code": ind.predecessor} if linked else None
        inds.append(d)
    return {
        "title": draft.title,
        "issuer": draft.issuer,
        "region": draft.region,
        "baseline_year": draft.baseline_year,
        "target_year": draft.target_year,
        "sub_regions": list(draft.sub_regions),
        "indicators": inds,
        "tasks": [asdict(t) for t in draft.tasks],
        "questions": list(draft.questions),
    }


def save_plan_file(draft: DraftPlan, out: Path) -> Path:
    """Write ``draft`` as a plan file at ``out`` (suffix .toml added if missing)."""
    if out.suffix.lower() != ".toml":
        out = out.with_suffix(".toml")
    if not out.parent.exists():
        raise UserError(f"{out}：文件夹 {out.parent} 不存在")
    write_draft(draft, out, plan_id_for(draft, out.stem))
    return out


def plan_from_draft(draft: DraftPlan, plan_id: str) -> Plan:
    """The plan an accepted draft describes; PlanError names the indicator and field."""
    data = tomllib.loads(draft_to_toml(draft, plan_id))
    return plan_from_mapping(data, draft.title or plan_id)


def install_draft(db: Database, draft: DraftPlan, plan_id: str) -> InstallResult:
    """Put an accepted draft into the database (one transaction)."""
    return PlanService(db).install(plan_from_draft(draft, plan_id))
