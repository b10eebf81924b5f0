"""The batch loop's growth targets (:mod:`planmonitor.domain.status_batch`): compound growth
to a level (年均增长, CAGR) and recorded yearly growth rates (增速), region by region with what
the indicator's batch shares; the engine takes every case these do not cover."""

from __future__ import annotations

from planmonitor.domain.batch_values import (
    GREEN,
    RED,
    YELLOW,
    BatchFacts,
    compound_year_end,
    prior_value,
    tolerance_of,
    yoy_at,
)
from planmonitor.domain.grading import EPS, realised_rate
from planmonitor.domain.observation import Series
from planmonitor.domain.regional import Regional, Share, Values, region_indicator
from planmonitor.domain.status import evaluate
from planmonitor.domain.status_result import Status


def cagr_status(batch: BatchFacts, values: Values, b: float, t: float | None) -> Status:
    """A compound growth target (年均增长): by 同比 inside a year, by the year-end value on
    the compound path at Q4 (:func:`~planmonitor.domain.status._cagr`); the engine takes
    what that does not cover (no value, the final year, a quarter without last year's)."""
    ind, asked, settings = batch.ind, batch.asked, batch.settings
    rate = ind.target.rate
    if t is None:  # the region's indicator keeps the plan's wording: its value, or B·(1+r)ⁿ
        t = ind.target.value
        if t is None and rate is not None:
            t = b * (1 + rate / 100) ** (batch.y1 - batch.y0)
    at = batch.latest(values)
    prior = None
    if at is not None:
        dp, actual = values[at]
        prior = prior_value(values, at, dp)
    r = rate or 0.0
    if (
        t is None
        or at is None
        or dp.year > batch.y1
        or (dp.year == batch.y1 and dp.end_month == 12)
        or (dp.end_month != 12 and not (prior is not None and abs(prior) > EPS and abs(r) > EPS))
    ):
        return evaluate(region_indicator(ind, b, t), Series.presorted(values), asked, settings)
    stale, sh, _f_prev, _f_cur = batch.period_facts(dp)
    yt = compound_year_end(b, t, batch.y0, batch.y1, dp.year)
    yoy = None if prior is None or abs(prior) < EPS else (actual / prior - 1) * 100
    realised, reason = None, ""
    if dp.end_month != 12:
        assert prior is not None
        kind, expected = "cagr_yoy", prior * (1 + r / 100)
        yoy = (actual / prior - 1) * 100
        progress: float | None = yoy / r
    else:
        kind, expected = "cagr", yt
        years = dp.year - batch.y0
        realised = realised_rate(b, actual, years)
        progress = None if years <= 0 or abs(yt - b) < EPS else (actual - b) / (yt - b)
        reason = "nothing_due" if progress is None else ""
    tolerance = tolerance_of(ind, settings, t) if batch.approx else None
    light = batch.light_of(progress, actual, expected, t, tolerance)
    regional = Regional(ind, settings, (b, t), values, dp, sh, realised)
    completion = actual / yt if abs(yt) > EPS else None
    return batch.status(
        regional, light, kind, actual, expected, progress, dp, b, t, yt, completion, yoy,
        realised, sh, stale, tolerance, reason=reason,
    )  # fmt: skip


def growth_rate_status(batch: BatchFacts, values: Values, share: Share) -> Status:
    """A yearly growth rate (增速, recorded as a rate): the index Π(1 + gᵢ) against the
    compound path (:func:`~planmonitor.domain.final_status.growth_rate_status`), the same
    in every region; the engine takes no value, missing years and the final year."""
    ind, asked, settings = batch.ind, batch.asked, batch.settings
    rate = ind.target.rate
    at = batch.latest(values)
    if at is None or rate is None:
        return evaluate(region_indicator(ind, *share), Series.presorted(values), asked, settings)
    dp, actual = values[at]
    years = range(batch.y0 + 1, dp.year + 1)
    rates: dict[int, float] = {}
    limit = batch.limit
    for p, v in values:
        if p.moment > limit:
            break
        if p.month is None or p.month == 12:
            rates[p.year] = v
    if dp.end_month != 12:
        rates[dp.year] = actual or 0.0
    if (
        dp.year > batch.y1
        or (dp.year == batch.y1 and dp.end_month == 12)
        or not years
        or any(y not in rates for y in years)
    ):
        return evaluate(region_indicator(ind, *share), Series.presorted(values), asked, settings)
    index = 1.0
    for y in years:
        index *= 1 + rates[y] / 100
    whole = (1 + rate / 100) ** (batch.y1 - batch.y0)
    due = compound_year_end(1.0, whole, batch.y0, batch.y1, dp.year)
    progress = (index - 1) / (due - 1) if abs(due - 1) > EPS else 1.0
    target = share[1] if share[1] is not None else ind.target.value
    tolerance = tolerance_of(ind, settings, target) if batch.approx else None
    if target is None:  # no target value: graded.graded leaves the 左右 check out
        light = GREEN if progress >= batch.green else (YELLOW if progress >= batch.yellow else RED)
    else:
        light = batch.light_of(progress, actual, rate, target, tolerance)
    stale = (batch.period_facts(dp))[0]
    realised = (index ** (1 / len(years)) - 1) * 100 if index > 0 else None
    regional = Regional(ind, settings, share, values, dp, None, realised)
    yoy = yoy_at(values, at, dp, actual)
    # this year's target is the rate itself; a rate has no completion and no share due
    return batch.status(
        regional, light, "growth_rate", actual, rate, progress, dp, share[0], target, rate,
        None, yoy, realised, None, stale, tolerance,
    )  # fmt: skip
