"""A plan (规划): its region, indicator table, key tasks and status settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planmonitor.domain.indicator import Indicator, PlanError, Target, Thresholds


@dataclass(frozen=True, slots=True)
class Region:
    """The plan's own region or one of its sub-units (镇, 街道, 园区, or a city's counties).

    Attributes:
        code: short stable code; the plan's own region has the code ``"*"`` by default.
        name: as written (沧州市, 运河区).
        parent: the code of the region it belongs to, ``None`` for the plan's own region.
    """

    code: str
    name: str
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """A key task (重点任务) with its responsible units (责任单位).

    Attributes:
        responsible: the units as the plan lists them (责任单位), when it does not say who leads;
        lead, support: 牵头 and 配合 units where the plan names them.
        code: short stable code users type ("3.2" for a section, "Z6.1" for a 专栏 project).
        kind: "任务" for a numbered section of a task chapter, "专栏" for a 专栏 project.
        chapter: the chapter (or 专栏) heading it belongs to.
    """

    title: str
    responsible: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    position: int = 0
    code: str = ""
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    kind: str = "任务"
    chapter: str = ""

    @property
    def key(self) -> str:
        """The code, or the position where the plan gave none."""
        return self.code or str(self.position)

    @property
    def units(self) -> tuple[str, ...]:
        """Every unit that reports on the task: 牵头, then 配合, then 责任单位 (no repeats)."""
        return tuple(dict.fromkeys((*self.lead, *self.support, *self.responsible)))


@dataclass(frozen=True, slots=True)
class TargetRevision:
    """A revision of one indicator's target (动态调整): never overwrites, takes effect on a date.

    ``withdrawn`` says when, by whom and why a revision was undone ("" while it is in force);
    an undone revision stays in the history but no longer applies.
    """

    indicator: str
    effective: date
    old: Target
    new: Target
    reason: str
    recorded_by: str = ""
    withdrawn: str = ""


@dataclass(frozen=True, slots=True)
class StatusSettings:
    """Thresholds and tolerances that belong to a plan.

    Attributes:
        thresholds: for 预期性 indicators; binding: for 约束性 ones (often stricter).
        approx_tolerance: default tolerance of 左右 targets in percentage points (0.5).
        approx_relative: default tolerance of 左右 targets not in %, as a share of the target.
    """

    thresholds: Thresholds = Thresholds()
    binding: Thresholds = Thresholds()
    approx_tolerance: float = 0.5
    approx_relative: float = 0.05

    def thresholds_for(self, indicator: Indicator) -> Thresholds:
        """The thresholds that apply to ``indicator``."""
        if indicator.thresholds is not None:
            return indicator.thresholds
        return self.binding if indicator.is_binding else self.thresholds

    def tolerance_for(self, indicator: Indicator) -> float:
        """The tolerance of a ≈ target, in the indicator's unit."""
        if indicator.target.tolerance is not None:
            return indicator.target.tolerance
        if indicator.is_percent:
            return self.approx_tolerance
        final = indicator.final_target()
        return abs(final) * self.approx_relative if final is not None else 0.0


ROOT_REGION = "*"


@dataclass(frozen=True, slots=True)
class PlanRef:
    """The plan another plan continues (上期规划, 十四五 for a 十五五 plan): its id and title.

    A plan file names it by both, since the id may differ between databases.
    """

    id: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """A five-year plan: title, issuer, region, years, categories, indicators, tasks, settings.

    Attributes:
        id: short stable identifier ("cangzhou").
        regions: the plan's own region first, then its sub-units.
        predecessor: the plan it continues (its indicators name theirs by code), or None.
    """

    id: str
    title: str
    region: str
    baseline_year: int
    target_year: int
    indicators: tuple[Indicator, ...]
    issuer: str = ""
    outlook_year: int | None = None
    categories: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()
    sub_regions: tuple[Region, ...] = ()
    settings: StatusSettings = StatusSettings()
    source: str = ""
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    predecessor: PlanRef | None = None

    @property
    def regions(self) -> tuple[Region, ...]:
        """The plan's own region (code ``*``) followed by its sub-units."""
        return (Region(ROOT_REGION, self.region), *self.sub_regions)

    def indicator(self, code: str) -> Indicator:
        """The indicator with ``code``; :class:`PlanError` listing the codes if there is none."""
        for ind in self.indicators:
            if ind.code == code:
                return ind
        codes = "、".join(i.code for i in self.indicators)
        raise PlanError(f"规划“{self.id}”中没有指标编码“{code}”（现有：{codes}）")

    def task(self, key: str) -> Task:
        """The task with code ``key``; :class:`PlanError` listing the codes if there is none."""
        for t in self.tasks:
            if t.key == key.strip():
                return t
        keys = "、".join(t.key for t in self.tasks) or "（无）"
        raise PlanError(f"规划“{self.id}”中没有任务编号“{key}”（现有：{keys}）")

    def validate(self) -> None:
        """Check the whole plan; raise :class:`PlanError` naming the first problem."""
        if not self.id.strip():
            raise PlanError("规划缺少标识 id")
        if not self.title.strip():
            raise PlanError(f"规划“{self.id}”：缺少标题 title")
        if self.target_year <= self.baseline_year:
            raise PlanError(
                f"规划“{self.id}”：目标年{self.target_year}应晚于基期年{self.baseline_year}"
            )
        seen: set[str] = set()
        for ind in self.indicators:
            if ind.code in seen:
                raise PlanError(f"规划“{self.id}”：指标编码“{ind.code}”重复")
            seen.add(ind.code)
            ind.validate()
        codes = {r.code for r in self.regions}
        if len(codes) != len(self.regions):
            raise PlanError(f"规划“{self.id}”：地区编码重复")
        for r in self.sub_regions:
            if r.parent is not None and r.parent not in codes:
                raise PlanError(f"规划“{self.id}”：地区“{r.name}”的上级“{r.parent}”不存在")
        keys = [t.key for t in self.tasks]
        if len(set(keys)) != len(keys):
            raise PlanError(f"规划“{self.id}”：任务编号重复")
        for t in self.tasks:
            for code in t.indicators:
                if code not in seen:
                    raise PlanError(
                        f"规划“{self.id}”：任务“{t.title[:20]}”引用了不存在的指标{code}"
                    )
