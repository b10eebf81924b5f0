"""A draft plan read from a plan document: every proposed value with where it came from.

Plain data only. A value the drafter is not sure of carries ``sure = False`` and a question; the
user (or the plan editor) answers it before the draft becomes a plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DraftIndicator:
    """One proposed indicator.

    Attributes:
        name, unit, category, attribute: as the document writes them ("" where it says nothing).
        form: a :class:`planmonitor.domain.indicator.TargetForm` value ("level", "cagr"…).
        comparator: ">=", "<=" or "~".
        baseline: the baseline value; target: the level to reach (or the yearly quota);
        increase: N of 累计增加 N; rate: yearly growth in % or points a year;
        milestones: (year, value) points; due: the year a qualitative milestone is due.
        target_text: the target as worded.
        cadence, profile: suggested from the name (domain §3).
        responsible: responsible units; split: sub-region → target.
        source_text: the text it came from; where: "表1第3行" or "第12段".
        sure: False when anything above was guessed; questions: what to ask the user.
        predecessor: the code of the predecessor plan's indicator it carries over ("" none).
    """

    name: str
    unit: str = ""
    category: str = ""
    attribute: str = ""
    form: str = "level"
    comparator: str = ">="
    baseline: float | None = None
    target: float | None = None
    increase: float | None = None
    rate: float | None = None
    milestones: list[tuple[int, float]] = field(default_factory=list)
    due: int | None = None
    target_text: str = ""
    cadence: str = "smooth_stock"
    profile: list[int] = field(default_factory=lambda: [25, 50, 75, 100])
    responsible: list[str] = field(default_factory=list)
    split: dict[str, float] = field(default_factory=dict)
    source_text: str = ""
    where: str = ""
    sure: bool = True
    questions: list[str] = field(default_factory=list)
    code: str = ""
    predecessor: str = ""

    def ask(self, question: str) -> None:
        """Add a question and mark the indicator unsure."""
        self.sure = False
        if question not in self.questions:
            self.questions.append(question)


@dataclass
class DraftTask:
    """A key task (重点任务 or 专栏 project) with its responsible units and indicator codes."""

    title: str
    responsible: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    where: str = ""


@dataclass
class DraftPlan:
    """The whole draft: what the document says about the plan, its indicators and tasks.

    ``predecessor`` and ``predecessor_title``: the plan in the database it continues ("" none).
    """

    title: str = ""
    issuer: str = ""
    region: str = ""
    baseline_year: int | None = None
    target_year: int | None = None
    indicators: list[DraftIndicator] = field(default_factory=list)
    tasks: list[DraftTask] = field(default_factory=list)
    sub_regions: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    source: str = ""
    predecessor: str = ""
    predecessor_title: str = ""
