"""The data behind an indicator's trend chart: actuals, the schedule path, target and forecast."""

from __future__ import annotations

from planmonitor.domain.indicator import Indicator, Nature, TargetForm
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.report import Trend, TrendPoint
from planmonitor.domain.schedule import NoSchedule, Schedule, build_schedule
from planmonitor.domain.status_result import Status


def schedule_or_none(ind: Indicator | None) -> Schedule | None:
    """The indicator's schedule, or ``None`` where none can be drawn (no baseline, qualitative)."""
    if ind is None:
        return None
    try:
        return build_schedule(ind)
    except NoSchedule:
        return None


def _point(period: Period, value: float) -> TrendPoint:
    return TrendPoint(period.index, value, period.year, period.label_zh())


def schedule_path(ind: Indicator, sched: Schedule, cumulative: bool) -> tuple[TrendPoint, ...]:
    """The schedule's value at every quarter end of the plan period.

    A cumulative (year-to-date) path starts every year from zero; a level path starts from the
    baseline at the end of the baseline year. A growth-rate path is the targeted rate itself.
    """
    first, last = ind.baseline_year, ind.target_year
    if ind.target.form is TargetForm.GROWTH_RATE:
        rate = ind.target.rate or 0.0
        return (
            TrendPoint(first + 1.0, rate, first, f"{first}年"),
            TrendPoint(last + 1.0, rate, last, f"{last}年"),
        )
    points: list[TrendPoint] = []
    if not cumulative:
        points.append(TrendPoint(first + 1.0, sched.year_end(first), first, f"{first}年"))
    for year in range(first + 1, last + 1):
        if cumulative:
            points.append(TrendPoint(float(year), 0.0, year, f"{year}年初"))
        for q in (1, 2, 3, 4):
            period = Period.quarter(year, q)
            points.append(_point(period, sched.expected(period)))
    return tuple(points)


def build_trend(
    ind: Indicator, schedule_ind: Indicator | None, series: Series, st: Status
) -> Trend | None:
    """The chart data of one indicator; ``None`` for a qualitative milestone.

    ``schedule_ind`` is the indicator whose schedule applies (a region's own share of the target),
    ``None`` where the region has no target; ``series`` holds the values up to the report quarter.
    """
    form = ind.target.form
    if form is TargetForm.MILESTONE:
        return None
    cumulative = ind.nature is Nature.FLOW or form is TargetForm.QUOTA
    rate = form is TargetForm.GROWTH_RATE
    sched = schedule_or_none(schedule_ind)
    by_moment = {p.moment: (p, v) for p, v in series}  # an annual value wins over its Q4
    actual = tuple(_point(p, v) for p, v in by_moment.values())
    base = schedule_ind.baseline if schedule_ind is not None else None
    first = Period.annual(ind.baseline_year)
    if base is not None and first.moment not in by_moment:  # the baseline is the first actual
        actual = (TrendPoint(first.index, base, first.year, f"{first.year}年（基数）"), *actual)
    path = schedule_path(ind, sched, cumulative) if sched is not None else ()
    if rate:
        target = ind.target.rate
    elif sched is not None:
        target = sched.end_value
    else:
        target = schedule_ind.final_target() if schedule_ind is not None else None
    forecast: tuple[TrendPoint, ...] = ()
    fc = st.forecast
    if fc is not None:
        end = TrendPoint(fc.year + 1.0, fc.value, fc.year, f"{fc.year}年（预测）")
        alone = cumulative or rate or not actual  # a point, not a line from the last actual
        forecast = (end,) if alone else (actual[-1], end)
    return Trend(
        start_x=ind.baseline_year + 1.0,
        end_x=ind.target_year + 1.0,
        actual=actual,
        schedule=path,
        target=target,
        forecast=forecast,
        cumulative=cumulative,
        rate=rate,
    )
