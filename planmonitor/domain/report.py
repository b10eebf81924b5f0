"""The quarterly progress report (季度进展报告) as plain data.

One :class:`ReportModel` holds everything the three outputs show — the 指标完成情况表 (xlsx), the
PDF with a trend chart per indicator and the Word narrative — so that they agree with each other.
The services build it (``planmonitor.services.report``); the writers in ``planmonitor.exchange``
only lay it out. Values are kept in the indicator's own unit; shares (完成率, 完成序时进度) are
fractions (0.965 for 96.5 %).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planmonitor.domain.formatting import Light
from planmonitor.domain.periods import Period
from planmonitor.domain.round_report import RoundSection

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
    """A comment (情况说明) recorded with a value (who wrote it stays on screen, not here)."""

    period: Period
    text: str


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One indicator's line of the 指标完成情况表, with its chart data and comments.

    Every text here is document text: no region codes, login names or on-screen hints.

    Attributes:
        number: 序号 (1, 2, … across the whole table).
        baseline: 基数 (of ``baseline_year``; ``None`` for annual quotas, which have none);
            target: 规划目标 where it is a number.
        target_text: 规划目标 as shown (1300, 年均增长10%, 每年30, 3.00左右, 2021年底前完成).
        target_prefix, target_suffix: words around a numeric target (每年 … / … 左右).
        year_target: 本年目标 (of ``year_target_year``).
        actual: 完成值 — the latest value, or for growth-rate indicators the realised average
            rate; data_period: the period it belongs to.
        period_label: 统计期 of the value as offices head it: 9月末 for a stock, 1—9月 for a
            flow, 2023年 for an annual statistic, 2021—2023年年均 for a rate.
        period_note: "（2023年）" when the value is not of the report quarter, else "".
        expected: 序时目标 (the schedule's value for the actual's period).
        share: 序时进度 — the share of the year elapsed by the schedule (0.75 at Q3 for an even
            profile, the release profile's share otherwise, 1.0 for a whole year).
        completion: 完成率 = actual / year_target (year_target / actual for ≤ targets, so that a
            worse value reads below 100 %). progress: 完成序时进度 (P).
        yoy: 同比 — relative growth in % or, where ``yoy_points``, the change in percentage points.
        realised_rate: for growth targets, the realised average yearly growth in %.
        light, status_word, status_symbol: 状态.
        trend_text: 趋势判断 (预计可完成 / 难以完成 with the forecast value).
        responsible: 责任单位 (the data source where the plan names no unit, see
            ``responsible_is_source``).
        remark: 备注 — the comments recorded for the value (情况说明), why a status is grey,
            stale data, estimates.
        explanation: the status's one-sentence explanation, as a document says it.
        comments: comments recorded for the values of the data period's year, newest first.
        annual_only: statistics appear once a year (the latest annual value is shown).
        quota: an annual quota (每年…): no baseline.
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
    trend_text: str = ""
    period_label: str = ""
    share: float | None = None
    realised_rate: float | None = None
    quota: bool = False
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
        generated: 成文日期, the date the report is dated (chosen when exporting, default today).
        issuer: 落款, the issuing office (the plan's issuer; "" where the plan names none).
        plan_region: the plan's own region (沧州市), to tell a sub-region's report apart.
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
    plan_region: str = ""

    @property
    def region_is_plan(self) -> bool:
        """True when the report is on the plan's own region, not a sub-region."""
        return not self.plan_region or self.region == self.plan_region

    round: RoundSection | None = None  # key tasks, 报送 and 审核 (the plan's own region only)

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
