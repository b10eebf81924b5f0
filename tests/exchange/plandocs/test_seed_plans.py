"""draft-plan on the five seed texts reproduces the built-in plans' indicators (issue 12 §4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring import score

from planmonitor.domain.indicator import Indicator
from planmonitor.domain.plan import Plan
from planmonitor.exchange.plandocs.document import draft_plan
from planmonitor.exchange.planfiles.planfile import builtin_plans_dir, load_plan_file

SEEDS = Path(__file__).parent / "seeds"
CASES = [
    ("000_f58678be618dceed.txt", "000-shanhaiguan.toml"),
    ("001_eb25fe5d9d6a88ea.txt", "001-cangzhou.toml"),
    ("002_599f4a3891dbf60e.txt", "002-xx-district-action.toml"),
    ("003_1a01ef17a4cb96d1.txt", "003-chengde.toml"),
    ("004_37fd5f56e0385e07.txt", "004-shijiazhuang.toml"),
]


def table_indicators(plan: Plan) -> list[Indicator]:
    """The plan's indicator table and main-target prose: what a draft is scored on.

    A built-in plan file lists those first, then the targets found inside its key tasks and 专栏
    (issue 13: category 重点任务目标, or a note naming the task), which a draft reads as tasks.
    """
    out: list[Indicator] = []
    for ind in plan.indicators:
        from_task = ind.category == "重点任务目标" or ind.note.startswith(("重点任务", "专栏"))
        if from_task:
            break
        out.append(ind)
    return out


@pytest.mark.parametrize(("seed", "plan_file"), CASES)
def test_seed_draft_reproduces_builtin_plan(seed: str, plan_file: str) -> None:
    plan = load_plan_file(builtin_plans_dir() / plan_file)
    draft = draft_plan(SEEDS / seed)
    assert draft.title == plan.title
    assert draft.region == plan.region
    assert (draft.baseline_year, draft.target_year) == (plan.baseline_year, plan.target_year)
    assert draft.issuer == plan.issuer
    s = score(draft, table_indicators(plan))
    assert s.wrong_sure == []
    assert s.accuracy >= 0.95, (s.accuracy, s.missing, s.wrong)


def test_all_seeds_together_reach_95_percent() -> None:
    right = total = 0
    for seed, plan_file in CASES:
        plan = load_plan_file(builtin_plans_dir() / plan_file)
        s = score(draft_plan(SEEDS / seed), table_indicators(plan))
        right, total = right + s.right, total + s.total
    assert right / total >= 0.95
