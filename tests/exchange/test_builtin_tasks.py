"""Key tasks (重点任务) of the built-in plans and the targets inside them, against the seeds.

Every task's title occurs in its seed after its chapter (or 专栏) heading and in the plan's order;
every target inside a task is an indicator of category 重点任务目标 linked to that task, whose
original wording occurs in the seed within that task's text and carries the target's number.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planmonitor.domain.indicator import Comparator, TargetForm
from planmonitor.domain.plan import Plan
from planmonitor.exchange.planfiles.planfile import load_plan_file

REPO = Path(__file__).parents[2]
PLAN_FILES = sorted((REPO / "resources" / "plans").glob("*.toml"))
SEEDS = [REPO.parent / "shared" / "seeds", Path("/work/shared/seeds")]
# the indicators before the targets inside tasks (the table and prose targets); the ones after
# are of category 重点任务目标 where the plan has categories (001 has none)
TABLE = {"000": 4, "001": 11, "002": 16, "003": 11, "004": 16}

# (tasks, of them 专栏 items, quantitative targets inside tasks, qualitative ones)
COUNTS = {
    "000": (7, 0, 0, 0),
    "001": (29, 3, 5, 1),
    "002": (12, 0, 0, 0),
    "003": (56, 32, 23, 3),
    "004": (84, 40, 12, 0),
}


def _plan(prefix: str) -> Plan:
    (path,) = [p for p in PLAN_FILES if p.name.startswith(prefix)]
    return load_plan_file(path)


def _seed(prefix: str) -> str:
    for folder in SEEDS:
        found = sorted(folder.glob(f"{prefix}_*.txt"))
        if found:
            return re.sub(r"\s+", "", found[0].read_text(encoding="utf-8"))
    raise AssertionError(f"seed {prefix} not found in {SEEDS}")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("prefix", sorted(COUNTS))
def test_task_counts(prefix: str) -> None:
    plan = _plan(prefix)
    tasks, columns, quantitative, qualitative = COUNTS[prefix]
    assert len(plan.tasks) == tasks
    assert len([t for t in plan.tasks if t.kind == "专栏"]) == columns
    inside = plan.indicators[TABLE[prefix] :]
    assert all(i.category == ("" if prefix == "001" else "重点任务目标") for i in inside)
    milestones = [i for i in inside if i.target.form is TargetForm.MILESTONE]
    assert (len(inside) - len(milestones), len(milestones)) == (quantitative, qualitative)


@pytest.mark.parametrize("prefix", sorted(COUNTS))
def test_tasks_occur_in_the_seed_in_order_under_their_chapter(prefix: str) -> None:
    seed, plan = _seed(prefix), _plan(prefix)
    at, chapter = 0, ""
    for t in plan.tasks:
        if t.chapter != chapter:
            chapter = t.chapter
            at = seed.find(_squash(chapter), at)
            assert at >= 0, f"{t.key}: chapter {chapter!r} not in the seed after the tasks before"
        found = seed.find(_squash(t.title), at)
        assert found >= 0, f"{t.key} {t.title!r} not found after position {at}"
        at = found
    keys = [t.key for t in plan.tasks]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("prefix", sorted(COUNTS))
def test_targets_inside_tasks_are_worded_as_in_their_task(prefix: str) -> None:
    seed, plan = _seed(prefix), _plan(prefix)
    starts = []
    at, chapter = 0, ""
    for t in plan.tasks:
        if t.chapter != chapter:
            chapter = t.chapter
            at = seed.find(_squash(chapter), at)
        at = seed.find(_squash(t.title), at)
        starts.append(at)
    for ind in plan.indicators[TABLE[prefix] :]:
        (i,) = [n for n, t in enumerate(plan.tasks) if ind.code in t.indicators]
        task = plan.tasks[i]
        end = min([s for s in starts if s > starts[i]], default=len(seed))
        wording = _squash(ind.target.text)
        where = seed.find(wording, starts[i])
        assert starts[i] <= where < end, f"{ind.code} {wording!r} not within task {task.key}"
        if ind.target.form is not TargetForm.MILESTONE:
            value = ind.target.value
            assert value is not None
            assert re.search(rf"(?<![\d.]){value:g}(?![\d.])", wording), (ind.code, value)
            assert ind.baseline is None  # the plans give none: entered later, never invented


def test_the_issues_examples() -> None:
    chengde = {i.name: i for i in _plan("003").indicators}
    staff = chengde["专业技术职称人员"]
    assert (staff.target.value, staff.unit, staff.target.comparator) == (19, "万人", Comparator.GE)
    (task,) = [t for t in _plan("003").tasks if staff.code in t.indicators]
    assert (task.key, task.kind, task.chapter) == ("Z6.1", "专栏", "专栏六：人才引育开放创新工程")

    sjz = _plan("004")
    talent = next(i for i in sjz.indicators if i.name == "每年引进境外高层次科技人才")
    assert talent.target.form is TargetForm.QUOTA and talent.target.value == 50
    assert talent.target.comparator is Comparator.APPROX
    assert [t.key for t in sjz.tasks if talent.code in t.indicators] == ["Z6.4"]

    cz = _plan("001")
    counties = [i for i in cz.indicators if i.name.startswith("创新能力") and "类县" in i.name]
    assert [(i.name[4], i.target.value) for i in counties] == [("A", 8), ("B", 6), ("C", 2)]
    zone = next(i for i in cz.indicators if i.name == "沧州高新区晋级国家高新技术产业开发区")
    assert zone.target.form is TargetForm.MILESTONE
    assert [t.title for t in cz.tasks if zone.code in t.indicators] == [
        "推动沧州高新区晋升为国家高新区"
    ]


def test_xx_district_tasks_keep_their_responsible_units() -> None:
    plan = _plan("002")
    finance = [t.key for t in plan.tasks if "区财政局" in t.units]
    assert finance == ["1", "3"]
    assert plan.task("3").units == ("区财政局", "区发改局")
    assert plan.task("3").indicators == ("03", "04", "05")
