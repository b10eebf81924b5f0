"""Forecast: the recent trend carried to the target year (linear for levels, compound growth)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planmonitor.domain.indicator import Cadence, Comparator, Indicator, Nature, TargetForm
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.schedule import Schedule

if TYPE_CHECKING:
    from planmonitor.domain.plan import StatusSettings

TREND_YEARS = 3.0
EPS = 1e-9


@dataclass(frozen=True, slots=True)
class Forecast:
    """Where the trend leads by ``year``, and whether that reaches the target.

    Attributes:
        year: the year forecast (the target year; this year for an annual quota).
        value: the forecast value (for growth-rate indicators, the mean yearly rate in %).
        target: what it is compared with.
        reaches: 预计可完成 (True) / 难以完成 (False).
        method: linear, compound, mean_rate or pace.
        first_year, last_year: the years whose values the trend is drawn from, where it is one.
    """

    year: int
    value: float
    target: float
    reaches: bool
    method: str
    first_year: int | None = None
    last_year: int | None = None


def linear_fit(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Least-squares slope and intercept; ``None`` for fewer than two distinct times."""
    if len(points) < 2:
        return None
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx <= 0:
        return None
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    return slope, my - slope * mx


def _reaches(ind: Indicator, value: float, target: float) -> bool:
    if ind.target.comparator is Comparator.LE:
        return value <= target + 1e-9
    return value >= target - 1e-9


def forecast(
    ind: Indicator,
    series: Series,
    sched: Schedule,
    dp: Period,
    settings: StatusSettings,
    realised_rate: float | None = None,
    share: float | None = None,
) -> Forecast | None:
    """Carry the recent trend of ``series`` (up to ``dp``) to the target year."""
    form = ind.target.form
    ty = sched.end_year
    series = series.upto(dp)  # the trend is drawn from values up to the data's period only
    if form is TargetForm.GROWTH_RATE:
        if realised_rate is None or ind.target.rate is None:
            return None
        return Forecast(
            ty, realised_rate, ind.target.rate, realised_rate >= ind.target.rate, "mean_rate"
        )
    if form is TargetForm.QUOTA:
        if not share:
            return None
        actual = series.at(dp)
        if actual is None:
            return None
        est = actual / share
        return Forecast(dp.year, est, sched.end_value, _reaches(ind, est, sched.end_value), "pace")
    if form is TargetForm.CAGR:
        return _compound(ind, series, sched, dp, realised_rate)
    if ind.nature is Nature.FLOW:
        return _flow_trend(ind, series, sched, dp, share)
    return _stock_trend(ind, series, sched, dp)


def _compound(
    ind: Indicator, series: Series, sched: Schedule, dp: Period, realised: float | None
) -> Forecast | None:
    b, y0, ty = sched.start_value, sched.start_year, sched.end_year
    if realised is not None:
        value = b * (1 + realised / 100) ** (ty - y0)
    else:
        prev = series.at(dp.previous_year())
        cur = series.at(dp)
        if prev is None or cur is None or prev <= 0:
            return None
        g = cur / prev - 1
        last = series.year_end(dp.year - 1)
        start, start_year = (last, dp.year - 1) if last is not None else (b, y0)
        value = start * (1 + g) ** (ty - start_year)
    return Forecast(ty, value, sched.end_value, _reaches(ind, value, sched.end_value), "compound")


def _batch(ind: Indicator) -> bool:
    """True where the stock moves in batches: the months inside a year are flat."""
    return ind.cadence is Cadence.BATCH or ind.profile.shares[0] < EPS


def _stock_trend(ind: Indicator, series: Series, sched: Schedule, dp: Period) -> Forecast | None:
    """A straight line through the recent values, carried to the end of the target year.

    A batch stock is drawn from year-end values only (and a batch already in this year), so
    the flat months inside a year do not flatten the trend.
    """
    window = dp.moment - TREND_YEARS * 12
    by_moment: dict[int, float] = {}
    for p, v in series.items():
        if window < p.moment <= dp.moment:
            by_moment[p.moment] = v  # the annual value sorts after Q4 and wins
    start_moment = (sched.start_year + 1) * 12
    if _batch(ind):
        last_end = by_moment.get(dp.year * 12, series.year_end(dp.year - 1))
        if last_end is None and dp.year - 1 == sched.start_year:
            last_end = sched.start_value
        by_moment = {
            m: v
            for m, v in by_moment.items()
            if m % 12 == 0 or (m == dp.moment and (last_end is None or abs(v - last_end) > EPS))
        }
    if window < start_moment and start_moment not in by_moment:
        by_moment[start_moment] = sched.start_value
    pts = [(m / 12, v) for m, v in sorted(by_moment.items())]
    if len(pts) < 2 or pts[-1][0] - pts[0][0] < 0.5:
        pts = [(sched.start_year + 1.0, sched.start_value), *pts[-1:]]  # year-end = Y + 1.0
    fit = linear_fit(pts)
    if fit is None:
        return None
    slope, intercept = fit
    value = slope * (sched.end_year + 1.0) + intercept
    first, last = _years_of(pts[0][0]), _years_of(pts[-1][0])
    return Forecast(
        sched.end_year,
        value,
        sched.end_value,
        _reaches(ind, value, sched.end_value),
        "linear",
        first,
        last,
    )


def _years_of(moment_years: float) -> int:
    """The year a time-axis position belongs to (a year end Y + 1.0 belongs to Y)."""
    return int(round(moment_years * 12) - 1) // 12


def _flow_trend(
    ind: Indicator, series: Series, sched: Schedule, dp: Period, share: float | None
) -> Forecast | None:
    """A straight line through full years' totals, carried to the target year.

    This year counts as its year-to-date value against the same period of last year, applied
    to last year's total. Only where those are missing, and at least half of the year's
    schedule is due (双过半), is the year-to-date value scaled by the profile; a 1—3月 value
    never is.
    """
    totals = {y: v for y, v in series.year_ends().items() if y > dp.year - TREND_YEARS}
    current = series.at(dp)
    if dp.end_month != 12 and current is not None:
        same = series.at(dp.previous_year())
        last_total = series.year_end(dp.year - 1)
        if same and same > EPS and last_total is not None:
            totals[dp.year] = last_total * current / same
        elif share is not None and share >= 0.5 - EPS:
            totals[dp.year] = current / share
    pts = [(float(y), v) for y, v in sorted(totals.items())]
    if len(pts) < 2 and ind.baseline is not None and sched.start_year not in totals:
        pts = [(float(sched.start_year), ind.baseline), *pts]
    fit = linear_fit(pts)
    if fit is None:
        return None
    slope, intercept = fit
    value = slope * sched.end_year + intercept
    return Forecast(
        sched.end_year,
        value,
        sched.end_value,
        _reaches(ind, value, sched.end_value),
        "linear",
        int(pts[0][0]),
        int(pts[-1][0]),
    )
