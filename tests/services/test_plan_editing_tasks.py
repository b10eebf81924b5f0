"""Editing a plan's key tasks keeps what refers to them (issue 12 editor × issue 13 progress)."""

from __future__ import annotations

from dataclasses import replace

from planmonitor.domain.periods import Period
from planmonitor.domain.tasks import TaskState
from planmonitor.services.plan_editing import PlanEditService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.tasks import ProgressEntry, TaskService


def test_editing_the_plan_keeps_each_tasks_progress_history(db) -> None:
    """A task edited in the plan editor keeps its row, so its quarterly progress stays."""
    PlanService(db).install(plan_source("cangzhou"))
    q = Period.quarter(2024, 3)
    TaskService(db).record("cangzhou", ProgressEntry("3.1", q, TaskState.IN_PROGRESS, "已启动"))
    plan = PlanService(db).get("cangzhou")
    tasks = list(plan.tasks)
    tasks[0] = replace(tasks[0], title=tasks[0].title + "（调整）")  # renamed, same code
    PlanEditService(db).save("cangzhou", list(plan.indicators), [], tasks)
    saved = PlanService(db).get("cangzhou").tasks
    assert (saved[0].code, saved[0].chapter) == ("3.1", tasks[0].chapter)
    assert saved[0].title.endswith("（调整）")
    assert [p.text for p in TaskService(db).history("cangzhou", "3.1")] == ["已启动"]
