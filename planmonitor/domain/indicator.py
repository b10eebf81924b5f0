"""Indicators (指标): what is measured, how its target is worded, and when its data appear."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum


class PlanError(ValueError):
    """A plan, indicator or target that does not hold together; the message names the field."""


class Attribute(StrEnum):
    """指标属性."""

    EXPECTED = "预期性"
    BINDING = "约束性"


class Nature(StrEnum):
    """Stock (时点数, a count at the end of the period) or flow (时期数, an amount over time)."""

    STOCK = "stock"
    FLOW = "flow"


class Cadence(StrEnum):
    """When data appear (domain §3)."""

    CUMULATIVE_FLOW = "cumulative_flow"  # registered monthly, reported 1—N月累计
    BATCH = "batch"  # recognised in batches; the stock holds until the batch quarter
    ANNUAL_LATE = "annual_late"  # statistics for year Y appear in autumn of Y+1
    SMOOTH_STOCK = "smooth_stock"  # interpolated level
    ANNUAL_RESTART = "annual_restart"  # a count that restarts every year (counted like a flow)


class Comparator(StrEnum):
    """Direction of a target: 以上/不少于/达到 (≥), 以下/不超过/控制在 (≤), 左右 (≈)."""

    GE = ">="
    LE = "<="
    APPROX = "~"


class TargetForm(StrEnum):
    """How the target is worded (domain §2)."""

    LEVEL = "level"  # reach a value by the target year (optionally through milestones)
    INCREASE = "increase"  # 累计增加 N: target = baseline + N
    POINTS = "points"  # +N percentage points a year
    CAGR = "cagr"  # 年均增长 r % of an underlying amount
    GROWTH_RATE = "growth_rate"  # the yearly growth rate itself is the indicator
    QUOTA = "quota"  # each calendar year on its own must reach N
    MILESTONE = "milestone"  # qualitative: done / not done by a date

    @property
    def is_growth(self) -> bool:
        """True where the schedule is compound rather than straight."""
        return self in (TargetForm.CAGR, TargetForm.GROWTH_RATE)


_CADENCE_NATURE = {
    Cadence.CUMULATIVE_FLOW: Nature.FLOW,
    Cadence.BATCH: Nature.STOCK,
    Cadence.SMOOTH_STOCK: Nature.STOCK,
    Cadence.ANNUAL_RESTART: Nature.FLOW,
}


@dataclass(frozen=True, slots=True)
class ReleaseProfile:
    """Share of a year's expected change due by the end of Q1…Q4 (default 25/50/75/100)."""

    shares: tuple[float, float, float, float] = (0.25, 0.5, 0.75, 1.0)

    def __post_init__(self) -> None:
        s = self.shares
        if len(s) != 4:
            raise PlanError("发布节奏（profile）应有四个季度的累计比例")
        if any(x < 0 or x > 1 for x in s) or list(s) != sorted(s):
            raise PlanError(f"发布节奏{self.percent_text()}应在0—100之间且逐季不减")
        if abs(s[3] - 1.0) > 1e-9:
            raise PlanError(f"发布节奏{self.percent_text()}第四季度应为100")

    @classmethod
    def from_percent(cls, values: list[float] | tuple[float, ...]) -> ReleaseProfile:
        """Build from percentages such as [0, 0, 0, 100]."""
        if len(values) != 4:
            raise PlanError(f"发布节奏应有四个数（各季度末累计百分比），实际为{list(values)}")
        q1, q2, q3, q4 = (float(v) / 100 for v in values)
        return cls((q1, q2, q3, q4))

    def share_at(self, month: int | None) -> float:
        """Share due by the end of ``month`` (``None`` = whole year), linear inside a quarter."""
        if month is None or month >= 12:
            return 1.0
        q, within = divmod(month, 3)
        start = 0.0 if q == 0 else self.shares[q - 1]
        if within == 0:
            return start
        end = self.shares[q]
        return start + (end - start) * within / 3

    def percent_text(self) -> str:
        """ "0/0/0/100"."""
        return "/".join(f"{x * 100:g}" for x in self.shares)


EVEN = ReleaseProfile()
Q4_BATCH = ReleaseProfile((0.0, 0.0, 0.0, 1.0))


@dataclass(frozen=True, slots=True)
class Milestone:
    """A (year, value) point the schedule passes through (到2020年底75家)."""

    year: int
    value: float


@dataclass(frozen=True, slots=True)
class Target:
    """A target as worded in the plan.

    Attributes:
        form: how it is worded.
        comparator: ≥, ≤ or ≈ (左右).
        value: the level to reach by the target year (LEVEL, INCREASE, POINTS, optionally CAGR);
            the yearly amount for QUOTA; ``None`` where it follows from baseline and rate.
        increase: N of 累计增加 N (INCREASE).
        rate: yearly growth in % (CAGR, GROWTH_RATE) or points a year (POINTS).
        milestones: intermediate (year, value) points, for a LEVEL target.
        due: the date a qualitative MILESTONE is due.
        tolerance: for ≈ targets, how far from the schedule still counts as on target.
        text: the original wording (e.g. "累计增加10", "年均增长10%以上").
    """

    form: TargetForm
    comparator: Comparator = Comparator.GE
    value: float | None = None
    increase: float | None = None
    rate: float | None = None
    milestones: tuple[Milestone, ...] = ()
    due: date | None = None
    tolerance: float | None = None
    text: str = ""

    def validate(self, where: str) -> None:
        """Raise :class:`PlanError` (prefixed ``where``) if the form lacks what it needs."""
        need = {
            TargetForm.INCREASE: ("increase", self.increase is not None or self.value is not None),
            TargetForm.CAGR: ("rate", self.rate is not None),
            TargetForm.GROWTH_RATE: ("rate", self.rate is not None),
            TargetForm.POINTS: ("rate", self.rate is not None or self.value is not None),
            TargetForm.QUOTA: ("value", self.value is not None),
            TargetForm.MILESTONE: ("due", self.due is not None),
            TargetForm.LEVEL: ("target", self.value is not None or bool(self.milestones)),
        }
        name, ok = need[self.form]
        if not ok:
            raise PlanError(f"{where}：目标形式 {self.form.value} 需要字段 {name}")
        if (
            self.comparator is Comparator.APPROX
            and self.tolerance is not None
            and self.tolerance < 0
        ):
            raise PlanError(f"{where}：容差 tolerance 不能为负")


@dataclass(frozen=True, slots=True)
class RatioSpec:
    """A ratio recorded as numerator and denominator: value = numerator / denominator × scale."""

    numerator: str
    denominator: str
    scale: float = 100.0

    def value(self, numerator: float, denominator: float) -> float:
        """The ratio of the parts (the caller checks the denominator is above zero)."""
        return numerator / denominator * self.scale


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Light thresholds on progress P: green at ≥ ``green``, yellow at ≥ ``yellow``, else red."""

    green: float = 1.0
    yellow: float = 0.9

    def __post_init__(self) -> None:
        if not 0 < self.yellow <= self.green:
            raise PlanError(f"阈值应满足0 < 黄灯({self.yellow}) ≤ 绿灯({self.green})")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator of a plan's table (or a quantitative prose target).

    Attributes:
        code: stable code within the plan ("05").
        name, unit, category: as the plan writes them.
        attribute: 预期性 / 约束性.
        nature: stock or flow.
        cadence: when data appear; profile: the release profile.
        target: the target as worded; baseline: the baseline value, ``None`` when the plan has none.
        baseline_year, target_year: the ends of the schedule.
        responsible: responsible units (责任单位); source: data source (统计局…).
        decimals: decimals to show; note: free note.
        ratio: numerator/denominator definition for ratio indicators.
        thresholds: per-indicator light thresholds, ``None`` for the plan's.
        position: order in the plan's table.
        predecessor: the code of the indicator it carries over from the plan's predecessor
            (上期规划, ``Plan.predecessor``); "" when it is new or the plan continues none.
    """

    code: str
    name: str
    unit: str
    target: Target
    baseline_year: int
    target_year: int
    category: str = ""
    attribute: Attribute = Attribute.EXPECTED
    nature: Nature = Nature.STOCK
    cadence: Cadence = Cadence.SMOOTH_STOCK
    profile: ReleaseProfile = EVEN
    baseline: float | None = None
    responsible: tuple[str, ...] = ()
    source: str = ""
    decimals: int = 2
    note: str = ""
    ratio: RatioSpec | None = None
    thresholds: Thresholds | None = None
    position: int = 0
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    predecessor: str = ""

    def validate(self) -> None:
        """Check that the indicator holds together; raise :class:`PlanError` naming the field."""
        where = f"指标{self.code}“{self.name}”"
        if not self.code.strip():
            raise PlanError(f"{where}：缺少编码 code")
        if not self.name.strip():
            raise PlanError(f"指标{self.code}：缺少名称 name")
        if self.target_year <= self.baseline_year:
            raise PlanError(f"{where}：目标年{self.target_year}应晚于基期年{self.baseline_year}")
        if not 0 <= self.decimals <= 6:
            raise PlanError(f"{where}：小数位 decimals 应在0—6之间")
        self.target.validate(where)
        expected_nature = _CADENCE_NATURE.get(self.cadence)
        if expected_nature is not None and expected_nature is not self.nature:
            raise PlanError(
                f"{where}：发布方式 {self.cadence.value} 只适用于"
                f"{'时期数 flow' if expected_nature is Nature.FLOW else '时点数 stock'}"
            )
        for m in self.target.milestones:
            if not self.baseline_year <= m.year <= self.target_year:
                raise PlanError(
                    f"{where}：节点年份{m.year}不在{self.baseline_year}—{self.target_year}之间"
                )

    @property
    def is_binding(self) -> bool:
        """True for 约束性 indicators."""
        return self.attribute is Attribute.BINDING

    @property
    def is_percent(self) -> bool:
        """True when the unit is a percentage."""
        return self.unit.strip() in {"%", "％", "个百分点"}

    def final_target(self) -> float | None:
        """The value to reach by the target year, where the wording fixes one."""
        t = self.target
        if t.form is TargetForm.INCREASE and t.value is None:
            return (
                None if self.baseline is None or t.increase is None else self.baseline + t.increase
            )
        if t.form is TargetForm.POINTS and t.value is None:
            if self.baseline is None or t.rate is None:
                return None
            return self.baseline + t.rate * (self.target_year - self.baseline_year)
        if t.form is TargetForm.CAGR and t.value is None:
            if self.baseline is None or t.rate is None:
                return None
            return self.baseline * (1 + t.rate / 100) ** (self.target_year - self.baseline_year)
        if t.form is TargetForm.LEVEL and t.value is None and t.milestones:
            return max(t.milestones, key=lambda m: m.year).value
        return t.value

    def with_target(self, target: Target) -> Indicator:
        """A copy with another target (after a revision)."""
        return replace(self, target=target)

    def with_baseline(self, baseline: float | None) -> Indicator:
        """A copy with another baseline (a sub-region's, or one entered later)."""
        return replace(self, baseline=baseline)
