"""Writing a draft plan as a plan file that ``init --plan`` loads: every indicator the draft
proposes, its questions as comments above it (so the plan can be finished in a text editor),
and an indicator whose target could not be read at all commented out with the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from planmonitor.domain.draft import DraftIndicator, DraftPlan

_FORM_KEY = {"cagr": "growth", "points": "points", "growth_rate": "rate"}


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def toml_value(value: Any) -> str:
    """A TOML value: strings as JSON-escaped basic strings, lists, inline tables, dates."""
    if isinstance(value, str):
        return _s(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }"
    return str(value)  # numbers and dates (TOML writes a date as 2021-12-31)


_v = toml_value


def plan_id_for(draft: DraftPlan, stem: str = "") -> str:
    """An id for the plan file: the file's name if it is plain ASCII, else one from the title."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{1,40}", stem):
        return stem.lower()
    digest = hashlib.sha1((draft.title or stem).encode("utf-8")).hexdigest()[:8]
    return f"plan-{digest}"


def indicator_fields(ind: DraftIndicator, target_year: int) -> tuple[list[tuple[str, Any]], str]:
    """The plan-file keys of one indicator, and why it cannot be loaded ("" if it can)."""
    f: list[tuple[str, Any]] = [("code", ind.code), ("name", ind.name), ("unit", ind.unit)]
    if ind.category:
        f.append(("category", ind.category))
    if ind.baseline is not None:
        f.append(("baseline", ind.baseline))
    problem = ""
    if ind.form in _FORM_KEY:
        if ind.rate is None:
            problem = "没有读到增长率"
        else:
            f.append((_FORM_KEY[ind.form], ind.rate))
            if ind.target is not None:
                f.append(("target", ind.target))
    elif ind.form == "increase":
        if ind.increase is None:
            problem = "没有读到累计增加的数"
        else:
            f.append(("increase", ind.increase))
            if ind.target is not None:
                f.append(("target", ind.target))
    elif ind.form == "quota":
        if ind.target is None:
            problem = "没有读到每年的数"
        else:
            f.append(("quota", ind.target))
    elif ind.form == "milestone":
        f.append(("due", ind.due or target_year))
    else:
        if ind.milestones:
            f.append(("milestones", [[y, v] for y, v in ind.milestones]))
        elif ind.target is not None:
            f.append(("target", ind.target))
        else:
            problem = "没有读到目标值"
    if ind.comparator != ">=":
        f.append(("comparator", ind.comparator))
    if ind.target_text:
        f.append(("target_text", ind.target_text[:200]))
    if ind.attribute:
        f.append(("attribute", ind.attribute))
    f.append(("cadence", ind.cadence))
    f.append(("profile", ind.profile))
    if ind.responsible:
        f.append(("responsible", ind.responsible))
    if ind.predecessor:
        f.append(("predecessor", ind.predecessor))
    return f, problem


def draft_to_toml(draft: DraftPlan, plan_id: str) -> str:
    """The plan file text of ``draft``."""
    out = [
        f"# 规划文件草稿：由 draft-plan 从 {draft.source or '规划文本'} 生成。",
        "# 标有“待确认”的指标请核对其上方的问题后删去问题注释；确认无误后用 init --plan 载入。",
    ]
    out += [f"# 问题：{q}" for q in draft.questions]
    out += ["format = 1", f"id = {_s(plan_id)}", f"title = {_s(draft.title or '未命名规划')}"]
    if draft.issuer:
        out.append(f"issuer = {_s(draft.issuer)}")
    out.append(f"region = {_s(draft.region or '未填写地区')}")
    base = draft.baseline_year or 0
    target = draft.target_year or 0
    out += [f"baseline_year = {base}", f"target_year = {target}"]
    if draft.source:
        out.append(f"source = {_s(draft.source)}")
    if draft.predecessor:
        ref = {"id": draft.predecessor, "title": draft.predecessor_title}
        out.append(f"predecessor = {_v(ref)}")
    for k, name in enumerate(draft.sub_regions, start=1):
        out += ["", "[[regions]]", f"code = {_s(f'R{k:02d}')}", f"name = {_s(name)}"]
    loadable: set[str] = set()
    for ind in draft.indicators:
        fields, problem = indicator_fields(ind, target)
        if not draft.predecessor:  # a link needs the plan it points into
            fields = [(k, v) for k, v in fields if k != "predecessor"]
        out.append("")
        out.append(f"# 原文（{ind.where}）：{ind.source_text[:160]}")
        if ind.split:
            parts = "，".join(f"{k} {v:g}" for k, v in ind.split.items())
            out.append(f"# 任务分解：{parts}")
        if not ind.sure:
            out.append("# 待确认")
        out += [f"# 问题：{q}" for q in ind.questions]
        prefix = ""
        if problem:
            out.append(f"# 未载入：{problem}，补上目标后删去下列各行行首的“# ”")
            prefix = "# "
        else:
            loadable.add(ind.code)
        out.append(f"{prefix}[[indicators]]")
        out += [f"{prefix}{k} = {_v(v)}" for k, v in fields]
    for task in draft.tasks:
        out += ["", "[[tasks]]", f"title = {_s(task.title)}"]
        if task.responsible:
            out.append(f"responsible = {_v(task.responsible)}")
        codes = [c for c in task.indicators if c in loadable]
        if codes:
            out.append(f"indicators = {_v(codes)}")
    return "\n".join(out) + "\n"


def write_draft(draft: DraftPlan, path: Path, plan_id: str) -> None:
    """Write the plan file atomically: a temporary file in the folder, renamed when complete."""
    text = draft_to_toml(draft, plan_id)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=".draft-", suffix=".toml", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
