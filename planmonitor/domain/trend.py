"""The arrays behind a trend plot: actual values, the schedule path, target, milestones, forecast.

Time runs in years: the end of 2023 Q3 is 2023.75, the end of a year Y is Y + 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from planmonitor.domain.indicator import Indicator, Nature, TargetForm
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.schedule import NoSchedule, build_schedule
from planmonitor.domain.status_result import Status


@dataclass(frozen=True)
class Trend:
    """Plot data of one indicator.

    Attributes:
        actual: (time, value, period) of every current value.
        path: (time, expected value) at every quarter end of the plan (序时进度线).
        target: (time, value) of the final target, or None.
        milestones: (time, value) of the plan's milestone years.
        forecast: ((time, value), (time, value)) from the latest value to the target year.
    """

    actual: list[tuple[float, float, Period]]
    path: list[tuple[float, float]]
    target: tuple[float, float] | None
    milestones: list[tuple[float, float]]
    forecast: tuple[tuple[float, float], tuple[float, float]] | None


def build_trend(ind: Indicator, series: Series, status: Status | None = None) -> Trend:
    """Everything a trend chart of ``ind`` draws."""
    actual = [(p.index, v, p) for p, v in series.items()]
    path: list[tuple[float, float]] = []
    target = None
    try:
        sched = build_schedule(ind)
    except NoSchedule:
        sched = None
    if sched is not None and ind.target.form is not TargetForm.GROWTH_RATE:
        start = Period.quarter(sched.start_year + 1, 1)
        if ind.nature is Nature.STOCK and not sched.quota:
            path.append((sched.start_year + 1.0, sched.start_value))
        q = start
        while q.year <= sched.end_year:
            path.append((q.index, sched.expected(q)))
            q = q.add_quarters(1)
        target = (sched.end_year + 1.0, sched.end_value)
    milestones = [(m.year + 1.0, m.value) for m in ind.target.milestones]
    forecast = None
    drawable = ind.target.form not in (TargetForm.GROWTH_RATE, TargetForm.QUOTA)
    fc = status.forecast if status is not None else None
    dp = status.data_period if status is not None else None
    a = status.actual if status is not None else None
    if drawable and fc is not None and dp is not None and a is not None:
        forecast = ((dp.index, a), (fc.year + 1.0, fc.value))
    return Trend(actual, path, target, milestones, forecast)
