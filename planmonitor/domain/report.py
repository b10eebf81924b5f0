"""The quarterly progress report (季度进展报告) as plain data.

One :class:`ReportModel` holds everything the three outputs show — the 指标完成情况表 (xlsx), the
PDF with a trend chart per indicator and the Word narrative — so that they agree with each other.
The services build it (``planmonitor.services.report``); the writers in ``planmonitor.exchange``
only lay it out. Values are kept in the indicator's own unit; shares (完成率, 完成序时进度) are
fractions (0.965 for 96.5 %).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from planmonitor.domain.formatting import Light
from planmonitor.domain.periods import Period

LIGHT_ORDER = (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY, Light.MET, Light.NOT_MET)
LAGGING = frozenset({Light.YELLOW, Light.RED, Light.NOT_MET})
PROBLEMS = frozenset({Light.RED, Light.NOT_MET})


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One point of a trend line.

    Attributes:
        x: time in years at the end of the period (2024Q3 → 2024.75, the year 2023 → 2024.0).
        value: the value in the indicator's unit.
        year: the calendar year the value belongs to (a cumulative line restarts each year).
        label: the period as an office writes it (2024年第三季度).
    """

    x: float
    value: float
    year: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class Trend:
    """The data behind one indicator's chart.

    Attributes:
        start_x, end_x: the plan period on the time axis (end of the baseline year → end of the
            target year).
        actual: recorded values up to the report quarter.
        schedule: the schedule path (序时进度) at every quarter end.
        target: the value due by the target year (the yearly rate for growth-rate indicators).
        forecast: the trend carried on: from the last actual to the forecast value, or only the
            forecast point for a cumulative (year-to-date) line.
        cumulative: values are year-to-date amounts that restart every year (flows, quotas).
        rate: the values are yearly growth rates in % (growth-rate indicators).
    """

    start_x: float
    end_x: float
    actual: tuple[TrendPoint, ...] = ()
    schedule: tuple[TrendPoint, ...] = ()
    target: float | None = None
    forecast: tuple[TrendPoint, ...] = ()
    cumulative: bool = False
    rate: bool = False


@dataclass(frozen=True, slots=True)
class CommentNote:
    """A comment (情况说明) recorded with a value."""

    period: Period
    text: str
    recorded_by: str = ""
    recorded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One indicator's line of the 指标完成情况表, with its chart data and comments.

    Attributes:
        number: 序号 (1, 2, … across the whole table).
        baseline: 基数 (of ``baseline_year``); target: 规划目标 where it is a number.
        target_text: 规划目标 as shown (1300, 年均增长10%, 每年30, 3.00左右, 2021年底前完成).
        target_prefix, target_suffix: words around a numeric target (每年 … / … 左右).
        year_target: 本年目标 (of ``year_target_year``).
        actual: 1—N月完成, or the latest value; data_period: the period it belongs to.
        period_note: "（2023年）" when the value is not of the report quarter, else "".
        completion: 完成率 = actual / year_target. expected: 序时进度 (the value due by the
            actual's period). progress: 完成序时进度 (P).
        yoy: 同比 — relative growth in % or, where ``yoy_points``, the change in percentage points.
        light, status_word, status_symbol: 状态.
        responsible: 责任单位 (the data source where the plan names no unit, see
            ``responsible_is_source``).
        remark: 备注 (forecast, stale data, estimate, why a status is grey).
        explanation: the status's one-sentence explanation.
        comments: comments recorded for the indicator's recent values, newest first.
        annual_only: statistics appear once a year (the latest annual value is shown).
    """

    number: int
    code: str
    name: str
    unit: str
    category: str
    decimals: int
    baseline: float | None
    baseline_year: int
    target: float | None
    target_text: str
    target_year: int
    year_target: float | None
    year_target_year: int | None
    actual: float | None
    data_period: Period | None
    period_note: str
    completion: float | None
    expected: float | None
    progress: float | None
    yoy: float | None
    yoy_points: bool
    light: Light
    status_word: str
    status_symbol: str
    responsible: str
    responsible_is_source: bool
    remark: str
    explanation: str
    forecast_text: str = ""
    target_prefix: str = ""
    target_suffix: str = ""
    stale: bool = False
    annual_only: bool = False
    comments: tuple[CommentNote, ...] = ()
    trend: Trend | None = None

    @property
    def status_text(self) -> str:
        """Symbol and word: "▲ 略滞后" (the light is never the colour alone)."""
        return f"{self.status_symbol} {self.status_word}"


@dataclass(frozen=True, slots=True)
class CategoryGroup:
    """The rows of one indicator category (创新投入 …) and the paragraph that sums them up.

    Attributes:
        name: the category; "" for a plan without categories.
        rows: its indicators, in the plan's order.
        text: the paragraph of 二、主要指标完成情况 for this category.
    """

    name: str
    rows: tuple[ReportRow, ...]
    text: str = ""


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many indicators have one light."""

    light: Light
    word: str
    symbol: str
    count: int


@dataclass(frozen=True, slots=True)
class ReportModel:
    """Everything a quarterly report shows, for one plan, region and quarter.

    Attributes:
        plan_title: without 《》 (沧州市科技创新“十四五”规划).
        region: the region reported on (the plan's own region or a sub-unit).
        quarter: the report quarter.
        groups: the table's rows by category (one group with name "" when there are none).
        counts: indicators per light, in the order green, yellow, red, grey, met, not met.
        summary: the paragraph of 一、总体情况.
        generated: the date the report was made.
    """

    plan_id: str
    plan_title: str
    issuer: str
    region: str
    baseline_year: int
    target_year: int
    quarter: Period
    groups: tuple[CategoryGroup, ...]
    counts: tuple[StatusCount, ...]
    summary: str = ""
    generated: date = field(default_factory=date.today)

    @property
    def rows(self) -> list[ReportRow]:
        """Every row, in table order."""
        return [r for g in self.groups for r in g.rows]

    @property
    def lagging(self) -> list[ReportRow]:
        """Rows behind schedule (略滞后, 滞后) or not met."""
        return [r for r in self.rows if r.light in LAGGING]

    @property
    def problems(self) -> list[ReportRow]:
        """Red rows (滞后) and targets not met: the subject of 三、存在问题."""
        return [r for r in self.rows if r.light in PROBLEMS]

    @property
    def quarter_label(self) -> str:
        """2024年第三季度."""
        return self.quarter.label_zh()

    @property
    def ytd_label(self) -> str:
        """1—9月."""
        return self.quarter.ytd_label_zh()

    @property
    def title(self) -> str:
        """《沧州市科技创新“十四五”规划》主要指标2024年第三季度完成情况."""
        return f"《{self.plan_title}》主要指标{self.quarter_label}完成情况"

    @property
    def has_categories(self) -> bool:
        """True when the table is grouped under category headings."""
        return any(g.name for g in self.groups)
