"""The status engine (domain §5): is each indicator where the schedule says it should be?

:func:`evaluate` takes one indicator, its current values in one region and the quarter asked
about, and returns a :class:`Status`: the light, the actual and expected values, progress P, the
period the actual belongs to, this year's view (本年目标, 完成率, 同比), a forecast and a
one-sentence explanation in Chinese and English.
"""

from __future__ import annotations

from functools import partial

from planmonitor.domain import explain
from planmonitor.domain.final_status import final_status, growth_rate_status, quota_status
from planmonitor.domain.forecast import forecast
from planmonitor.domain.formatting import Light
from planmonitor.domain.grading import (
    EPS,
    direct,
    fill,
    graded,
    is_ceiling,
    realised_rate,
)
from planmonitor.domain.indicator import Cadence, Comparator, Indicator, Nature, TargetForm
from planmonitor.domain.milestone_status import milestone_status
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import StatusSettings
from planmonitor.domain.schedule import NoSchedule, Schedule, build_schedule
from planmonitor.domain.staleness import is_stale
from planmonitor.domain.status_result import Status


def _year_end_only(ind: Indicator) -> bool:
    return ind.cadence is Cadence.ANNUAL_LATE


def evaluate(
    ind: Indicator,
    series: Series,
    asked: Period,
    settings: StatusSettings | None = None,
) -> Status:
    """Compute the status of ``ind`` at the quarter ``asked`` from its current values ``series``."""
    settings = settings or StatusSettings()
    series = series.upto(asked)  # a status as of a quarter uses no later period's value
    base = Status(
        indicator=ind.code,
        light=Light.GREY,
        kind="grey",
        asked=asked,
        unit=ind.unit,
        decimals=ind.decimals,
        baseline=ind.baseline,
        target=ind.final_target(),
        target_year=ind.target_year,
        rate=ind.target.rate,
    )
    if ind.target.form is TargetForm.MILESTONE:
        return explain.finish(milestone_status(ind, series, asked, base), ind)
    latest = series.latest(asked, year_end_only=_year_end_only(ind))
    if latest is not None:  # fields set one by one: the engine runs for every pair of a city
        base.data_period, base.actual = latest
        base.stale = is_stale(ind, latest[0], asked)
        base.yoy = _yoy(series, latest[0])
    if ind.target.comparator is Comparator.APPROX:
        base.tolerance = settings.tolerance_for(ind)
    try:
        sched = build_schedule(ind)
    except NoSchedule as missing:
        st = fill(
            base, reason=missing.reason, detail_zh=missing.detail, detail_en=missing.detail_en
        )
        if ind.target.form is TargetForm.CAGR and latest is not None:
            st = _yoy_only(ind, series, latest[0], latest[1], st, settings)
        return explain.finish(st, ind)
    base.baseline = sched.start_value if not ind.target.form.is_growth else ind.baseline
    if ind.target.form is not TargetForm.GROWTH_RATE:
        base.target = sched.end_value
    if latest is None:
        base.reason = "no_data"
        return explain.finish(base, ind)
    dp, actual = latest
    _with_year_view(base, sched, dp, actual, ind)
    st = _assess(ind, series, sched, dp, actual, base, settings)
    if st.kind == "final":
        st.stale = False  # a verdict on the target year needs nothing newer
    elif st.light is not Light.GREY:
        st.forecaster = partial(
            forecast, ind, series, sched, dp, settings, st.realised_rate, st.share
        )
    return explain.finish(st, ind)


def _yoy_only(
    ind: Indicator,
    series: Series,
    dp: Period,
    actual: float,
    st: Status,
    settings: StatusSettings,
) -> Status:
    """A growth target without a baseline amount, judged by 同比: P = g / r."""
    rate = ind.target.rate or 0.0
    prev = series.at(dp.previous_year())
    if prev is None or prev <= EPS or abs(rate) < EPS:
        return st
    g = (actual / prev - 1) * 100
    st = fill(st, kind="cagr_yoy", reason="", expected=prev * (1 + rate / 100), yoy=g)
    return graded(ind, st, g / rate, settings)  # no amount to carry on: no forecast


def _yoy(series: Series, dp: Period) -> float | None:
    prev = series.at(dp.previous_year())
    cur = series.at(dp)
    if prev is None or cur is None or abs(prev) < EPS:
        return None
    return (cur / prev - 1) * 100


def _with_year_view(
    base: Status, sched: Schedule, dp: Period, actual: float, ind: Indicator
) -> Status:
    """This year's target and 完成率 (year-to-date value against the whole year's target)."""
    if ind.target.form is TargetForm.GROWTH_RATE:
        base.year_target = ind.target.rate
        return base
    yt = sched.year_target(dp.year)
    base.year_target = yt
    base.completion = actual / yt if abs(yt) > EPS else None
    base.share = sched.share(dp)
    return base


def _assess(
    ind: Indicator,
    series: Series,
    sched: Schedule,
    dp: Period,
    actual: float,
    base: Status,
    settings: StatusSettings,
) -> Status:
    form = ind.target.form
    final = (dp.end_month == 12 and dp.year >= sched.end_year) or dp.year > sched.end_year
    if form is TargetForm.GROWTH_RATE:
        return growth_rate_status(ind, series, sched, dp, base, settings, final)
    if form is TargetForm.QUOTA:
        return quota_status(ind, series, sched, dp, actual, base, settings, final)
    if final:
        return final_status(ind, sched, actual, base, settings)
    if form is TargetForm.CAGR:
        return _cagr(ind, series, sched, dp, actual, base, settings)
    if ind.nature is Nature.FLOW:
        return _flow(ind, sched, dp, actual, base, settings)
    return _stock(ind, sched, dp, actual, base, settings)


def _stock(
    ind: Indicator,
    sched: Schedule,
    dp: Period,
    actual: float,
    base: Status,
    settings: StatusSettings,
) -> Status:
    b = sched.start_value
    e = sched.expected(dp)
    st = fill(base, expected=e, kind="stock")
    if is_ceiling(ind, sched):
        # met whenever the value stays within the ceiling: no path upwards to measure
        ceiling = sched.end_value
        p = direct(ind, actual, ceiling)
        st = fill(st, kind="ceiling", expected=ceiling, ceiling=True)
        return fill(st, reason="zero_target") if p is None else graded(ind, st, p, settings)
    if ind.baseline is None and dp.year == sched.start_year:
        return _milestone_point(ind, sched, dp, actual, st, settings)
    if abs(sched.end_value - b) < EPS:
        p = direct(ind, actual, e)
        if p is None:
            return fill(st, reason="zero_target")
        return graded(ind, fill(st, kind="direct"), p, settings)
    if abs(e - b) < EPS:
        return fill(st, reason="nothing_due")
    return graded(ind, st, (actual - b) / (e - b), settings)


def _milestone_point(
    ind: Indicator,
    sched: Schedule,
    dp: Period,
    actual: float,
    st: Status,
    settings: StatusSettings,
) -> Status:
    """The first milestone of a plan without a baseline is a target for its year (到2020年底650家).

    At that year's end the value is compared with it directly; inside the year there is no
    earlier value to draw a path from, so nothing is due yet.
    """
    point = sched.start_value
    st = fill(st, kind="milestone_point", expected=point)
    if dp.end_month != 12:
        return fill(st, reason="nothing_due")
    p = direct(ind, actual, point)
    return fill(st, reason="zero_target") if p is None else graded(ind, st, p, settings)


def _flow(
    ind: Indicator,
    sched: Schedule,
    dp: Period,
    actual: float,
    base: Status,
    settings: StatusSettings,
) -> Status:
    e = sched.expected(dp)
    st = fill(base, expected=e, kind="flow")
    if abs(e) < EPS:
        return fill(st, reason="nothing_due")
    p = direct(ind, actual, e)
    assert p is not None
    return graded(ind, st, p, settings)


def _cagr(
    ind: Indicator,
    series: Series,
    sched: Schedule,
    dp: Period,
    actual: float,
    base: Status,
    settings: StatusSettings,
) -> Status:
    rate = ind.target.rate or 0.0
    b = sched.start_value
    if dp.end_month != 12:
        prev = series.at(dp.previous_year())
        if prev is not None and abs(prev) > EPS and abs(rate) > EPS:
            g = (actual / prev - 1) * 100
            st = fill(base, kind="cagr_yoy", expected=prev * (1 + rate / 100), yoy=g)
            return graded(ind, st, g / rate, settings)
        if ind.nature is Nature.FLOW:
            return _flow(ind, sched, dp, actual, base, settings)
        return _stock(ind, sched, dp, actual, base, settings)
    e = sched.year_end(dp.year)
    years = dp.year - sched.start_year
    st = fill(base, kind="cagr", expected=e, realised_rate=realised_rate(b, actual, years))
    if years <= 0 or abs(e - b) < EPS:
        return fill(st, reason="nothing_due")
    return graded(ind, st, (actual - b) / (e - b), settings)


def not_decomposed(ind: Indicator, series: Series, asked: Period) -> Status:
    """Grey status for a sub-region that has no share of the target (未分解目标)."""
    latest = series.latest(asked)
    st = Status(
        indicator=ind.code,
        light=Light.GREY,
        kind="grey",
        asked=asked,
        unit=ind.unit,
        decimals=ind.decimals,
        reason="no_region_target",
        detail_zh="该地区未分解目标",
        detail_en="no target set for this region",
        actual=latest[1] if latest else None,
        data_period=latest[0] if latest else None,
    )
    return explain.finish(st, ind)


def mark_incomplete(st: Status, period: Period, missing: tuple[str, ...]) -> Status:
    """Say that a newer roll-up was left out because sub-units had not reported."""
    st.incomplete = missing
    st.incomplete_period = period
    return st
