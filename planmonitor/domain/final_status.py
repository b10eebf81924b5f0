"""Verdicts after the target year, yearly quotas and growth-rate indicators."""

from __future__ import annotations

from planmonitor.domain.formatting import Light
from planmonitor.domain.grading import EPS, direct, fill, graded, is_ceiling, realised_rate
from planmonitor.domain.indicator import Comparator, Indicator, Nature, TargetForm
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import StatusSettings
from planmonitor.domain.schedule import Schedule
from planmonitor.domain.status_result import Status


def growth_rate_status(
    ind: Indicator,
    series: Series,
    sched: Schedule,
    dp: Period,
    base: Status,
    settings: StatusSettings,
    final: bool,
) -> Status:
    """The yearly rate is recorded: compare the index Π(1 + gᵢ) with (1 + r)ⁿ."""
    first = ind.baseline_year + 1
    years = list(range(first, dp.year + 1))
    rates = series.year_ends()
    if dp.end_month != 12:
        rates = {**rates, dp.year: series.at(dp) or 0.0}
    missing = [y for y in years if y not in rates]
    st = fill(base, kind="growth_rate", expected=ind.target.rate)
    if not years:
        return fill(st, reason="nothing_due")
    if missing:
        return fill(st, reason="missing_years", detail_zh="、".join(map(str, missing)))
    index = 1.0
    for y in years:
        index *= 1 + rates[y] / 100
    e = sched.year_end(dp.year)
    n = len(years)
    mean = (index ** (1 / n) - 1) * 100 if index > 0 else None
    st = fill(st, realised_rate=mean)
    p = (index - 1) / (e - 1) if abs(e - 1) > EPS else 1.0
    if final:
        met = index >= sched.end_value - EPS
        return fill(st, kind="final", progress=p, light=Light.MET if met else Light.NOT_MET)
    return graded(ind, st, p, settings)


def quota_status(
    ind: Indicator,
    series: Series,
    sched: Schedule,
    dp: Period,
    actual: float,
    base: Status,
    settings: StatusSettings,
    final: bool,
) -> Status:
    quota = sched.end_value
    e = sched.expected(dp)
    st = fill(base, kind="quota", expected=e, target=quota)
    if final:
        years = range(sched.start_year, sched.end_year + 1)
        ends = series.year_ends()
        short = [y for y in years if y in ends and not meets(ind, ends[y], quota, settings)]
        missing = [y for y in years if y not in ends]
        if short:
            return fill(st, kind="final", light=Light.NOT_MET, detail_zh="、".join(map(str, short)))
        if missing:
            return fill(st, reason="missing_years", detail_zh="、".join(map(str, missing)))
        return fill(st, kind="final", light=Light.MET, progress=direct(ind, actual, quota))
    if abs(e) < EPS:
        return fill(st, reason="nothing_due")
    p = direct(ind, actual, e)
    assert p is not None
    return graded(ind, st, p, settings)


def meets(ind: Indicator, actual: float, target: float, settings: StatusSettings) -> bool:
    comp = ind.target.comparator
    if comp is Comparator.LE:
        return actual <= target + EPS
    if comp is Comparator.APPROX:
        tol = settings.tolerance_for(ind)
        rising = ind.baseline is None or target >= ind.baseline
        return actual >= target - tol - EPS if rising else actual <= target + tol + EPS
    return actual >= target - EPS


def final_status(
    ind: Indicator, sched: Schedule, actual: float, base: Status, settings: StatusSettings
) -> Status:
    """After the target year: met or not met against the final target."""
    target = sched.end_value
    b = sched.start_value
    met = meets(ind, actual, target, settings)
    ceiling = is_ceiling(ind, sched)
    if ind.nature is Nature.FLOW or abs(target - b) < EPS or ceiling:
        p = direct(ind, actual, target)
    else:
        p = (actual - b) / (target - b)
    realised = None
    if ind.target.form is TargetForm.CAGR and base.data_period is not None:
        realised = realised_rate(b, actual, base.data_period.year - sched.start_year)
    return fill(
        base,
        kind="final",
        expected=target,
        progress=p,
        realised_rate=realised,
        ceiling=ceiling,
        light=Light.MET if met else Light.NOT_MET,
    )
