"""The status engine (domain §5): is each indicator where the schedule says it should be?

:func:`evaluate` takes one indicator, its current values in one region and the quarter asked
about, and returns a :class:`Status`: the light, the actual and expected values, progress P, the
period the actual belongs to, this year's view (本年目标, 完成率, 同比), a forecast and a
one-sentence explanation in Chinese and English.
"""

from __future__ import annotations

from planmonitor.domain import explain
from planmonitor.domain.forecast import Forecast, forecast
from planmonitor.domain.formatting import Light
from planmonitor.domain.indicator import Cadence, Comparator, Indicator, Nature, TargetForm
from planmonitor.domain.milestone_status import milestone_status
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import StatusSettings
from planmonitor.domain.schedule import NoSchedule, Schedule, build_schedule
from planmonitor.domain.staleness import is_stale
from planmonitor.domain.status_result import Status

EPS = 1e-12


def _set(st: Status, **changes: object) -> Status:
    """Fill fields of the status being built."""
    for name, value in changes.items():
        setattr(st, name, value)
    return st


def light_for(progress: float, ind: Indicator, settings: StatusSettings) -> Light:
    """Green at P ≥ green threshold, yellow at P ≥ yellow threshold, else red."""
    th = settings.thresholds_for(ind)
    if progress >= th.green - EPS:
        return Light.GREEN
    if progress >= th.yellow - EPS:
        return Light.YELLOW
    return Light.RED


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
    if latest is not None:
        base = _set(base, actual=latest[1], data_period=latest[0])
        base = _set(base, stale=is_stale(ind, latest[0], asked), yoy=_yoy(series, latest[0]))
    if ind.target.comparator is Comparator.APPROX:
        base = _set(base, tolerance=settings.tolerance_for(ind))
    try:
        sched = build_schedule(ind)
    except NoSchedule as missing:
        st = _set(
            base, reason=missing.reason, detail_zh=missing.detail, detail_en=missing.detail_en
        )
        if ind.target.form is TargetForm.CAGR and latest is not None:
            st = _yoy_only(ind, series, latest[0], latest[1], st, settings)
        return explain.finish(st, ind)
    base = _set(base, baseline=sched.start_value if not ind.target.form.is_growth else ind.baseline)
    if ind.target.form is not TargetForm.GROWTH_RATE:
        base = _set(base, target=sched.end_value)
    if latest is None:
        return explain.finish(_set(base, reason="no_data"), ind)
    dp, actual = latest
    base = _with_year_view(base, sched, dp, actual, ind)
    st = _assess(ind, series, sched, dp, actual, base, settings)
    if st.kind == "final":
        st.stale = False  # a verdict on the target year needs nothing newer
    elif st.light is not Light.GREY:
        fc = forecast(ind, series, sched, dp, settings, st.realised_rate, st.share)
        st = _set(st, forecast=fc)
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
    st = _set(st, kind="cagr_yoy", reason="", expected=prev * (1 + rate / 100), yoy=g)
    st = _graded(ind, st, g / rate, settings)
    fc = Forecast(ind.target_year, g, rate, g >= rate - EPS, "yoy_rate")
    return _set(st, forecast=fc)


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
        return _set(base, year_target=ind.target.rate)
    yt = sched.year_target(dp.year)
    completion = actual / yt if abs(yt) > EPS else None
    return _set(base, year_target=yt, completion=completion, share=sched.share(dp))


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
        return _growth_rate(ind, series, sched, dp, base, settings, final)
    if form is TargetForm.QUOTA:
        return _quota(ind, series, sched, dp, actual, base, settings, final)
    if final:
        return _final(ind, sched, actual, base, settings)
    if form is TargetForm.CAGR:
        return _cagr(ind, series, sched, dp, actual, base, settings)
    if ind.nature is Nature.FLOW:
        return _flow(ind, sched, dp, actual, base, settings)
    return _stock(ind, sched, dp, actual, base, settings)


def _graded(ind: Indicator, st: Status, p: float, settings: StatusSettings) -> Status:
    """The light for progress ``p``.

    A 左右 target's tolerance judges a value against the target itself only: where the
    schedule has already reached the target, a value within the tolerance is on schedule;
    before that, a value behind the schedule is behind, whatever the tolerance.
    """
    light = light_for(p, ind, settings)
    if (
        ind.target.comparator is Comparator.APPROX
        and st.expected is not None
        and st.actual is not None
        and st.target is not None
        and abs(st.expected - st.target) <= EPS * max(1.0, abs(st.target))
    ):
        tol = settings.tolerance_for(ind)
        if abs(st.actual - st.target) <= tol + EPS:
            light = Light.GREEN
    return _set(st, progress=p, light=light)


def _is_ceiling(ind: Indicator, sched: Schedule) -> bool:
    """A ≤ target whose baseline is already within it (不超过10% from 8%)."""
    return ind.target.comparator is Comparator.LE and sched.end_value >= sched.start_value


def _direct(ind: Indicator, actual: float, expected: float) -> float | None:
    """Compare A with E directly: A/E for ≥, E/A for ≤."""
    if ind.target.comparator is Comparator.LE:
        return expected / actual if abs(actual) > EPS else (1.0 if expected >= 0 else None)
    return actual / expected if abs(expected) > EPS else (1.0 if actual >= 0 else None)


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
    st = _set(base, expected=e, kind="stock")
    if _is_ceiling(ind, sched):
        # met whenever the value stays within the ceiling: no path upwards to measure
        ceiling = sched.end_value
        p = _direct(ind, actual, ceiling)
        st = _set(st, kind="ceiling", expected=ceiling, ceiling=True)
        return _set(st, reason="zero_target") if p is None else _graded(ind, st, p, settings)
    if ind.baseline is None and dp.year == sched.start_year:
        return _milestone_point(ind, sched, dp, actual, st, settings)
    if abs(sched.end_value - b) < EPS:
        p = _direct(ind, actual, e)
        if p is None:
            return _set(st, reason="zero_target")
        return _graded(ind, _set(st, kind="direct"), p, settings)
    if abs(e - b) < EPS:
        return _set(st, reason="nothing_due")
    return _graded(ind, st, (actual - b) / (e - b), settings)


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
    st = _set(st, kind="milestone_point", expected=point)
    if dp.end_month != 12:
        return _set(st, reason="nothing_due")
    p = _direct(ind, actual, point)
    return _set(st, reason="zero_target") if p is None else _graded(ind, st, p, settings)


def _flow(
    ind: Indicator,
    sched: Schedule,
    dp: Period,
    actual: float,
    base: Status,
    settings: StatusSettings,
) -> Status:
    e = sched.expected(dp)
    st = _set(base, expected=e, kind="flow")
    if abs(e) < EPS:
        return _set(st, reason="nothing_due")
    p = _direct(ind, actual, e)
    assert p is not None
    return _graded(ind, st, p, settings)


def _realised_rate(b: float, a: float, years: float) -> float | None:
    if b <= 0 or a <= 0 or years <= 0:
        return None
    return float(((a / b) ** (1 / years) - 1) * 100)


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
            st = _set(base, kind="cagr_yoy", expected=prev * (1 + rate / 100), yoy=g)
            return _graded(ind, st, g / rate, settings)
        if ind.nature is Nature.FLOW:
            return _flow(ind, sched, dp, actual, base, settings)
        return _stock(ind, sched, dp, actual, base, settings)
    e = sched.year_end(dp.year)
    years = dp.year - sched.start_year
    st = _set(base, kind="cagr", expected=e, realised_rate=_realised_rate(b, actual, years))
    if years <= 0 or abs(e - b) < EPS:
        return _set(st, reason="nothing_due")
    return _graded(ind, st, (actual - b) / (e - b), settings)


def _growth_rate(
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
    st = _set(base, kind="growth_rate", expected=ind.target.rate)
    if not years:
        return _set(st, reason="nothing_due")
    if missing:
        return _set(st, reason="missing_years", detail_zh="、".join(map(str, missing)))
    index = 1.0
    for y in years:
        index *= 1 + rates[y] / 100
    e = sched.year_end(dp.year)
    n = len(years)
    mean = (index ** (1 / n) - 1) * 100 if index > 0 else None
    st = _set(st, realised_rate=mean)
    p = (index - 1) / (e - 1) if abs(e - 1) > EPS else 1.0
    if final:
        met = index >= sched.end_value - EPS
        return _set(st, kind="final", progress=p, light=Light.MET if met else Light.NOT_MET)
    return _graded(ind, st, p, settings)


def _quota(
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
    st = _set(base, kind="quota", expected=e, target=quota)
    if final:
        years = range(sched.start_year, sched.end_year + 1)
        ends = series.year_ends()
        short = [y for y in years if y in ends and not _meets(ind, ends[y], quota, settings)]
        missing = [y for y in years if y not in ends]
        if short:
            return _set(st, kind="final", light=Light.NOT_MET, detail_zh="、".join(map(str, short)))
        if missing:
            return _set(st, reason="missing_years", detail_zh="、".join(map(str, missing)))
        return _set(st, kind="final", light=Light.MET, progress=_direct(ind, actual, quota))
    if abs(e) < EPS:
        return _set(st, reason="nothing_due")
    p = _direct(ind, actual, e)
    assert p is not None
    return _graded(ind, st, p, settings)


def _meets(ind: Indicator, actual: float, target: float, settings: StatusSettings) -> bool:
    comp = ind.target.comparator
    if comp is Comparator.LE:
        return actual <= target + EPS
    if comp is Comparator.APPROX:
        tol = settings.tolerance_for(ind)
        rising = ind.baseline is None or target >= ind.baseline
        return actual >= target - tol - EPS if rising else actual <= target + tol + EPS
    return actual >= target - EPS


def _final(
    ind: Indicator, sched: Schedule, actual: float, base: Status, settings: StatusSettings
) -> Status:
    """After the target year: met or not met against the final target."""
    target = sched.end_value
    b = sched.start_value
    met = _meets(ind, actual, target, settings)
    ceiling = _is_ceiling(ind, sched)
    if ind.nature is Nature.FLOW or abs(target - b) < EPS or ceiling:
        p = _direct(ind, actual, target)
    else:
        p = (actual - b) / (target - b)
    realised = None
    if ind.target.form is TargetForm.CAGR and base.data_period is not None:
        realised = _realised_rate(b, actual, base.data_period.year - sched.start_year)
    return _set(
        base,
        kind="final",
        expected=target,
        progress=p,
        realised_rate=realised,
        ceiling=ceiling,
        light=Light.MET if met else Light.NOT_MET,
    )


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
    names = "、".join(missing)
    st.explanation_zh += f"；{period.label_zh()}下级地区数据不全，缺：{names}，未汇总"
    st.explanation_en += f"; {period.label_en()} not rolled up: no data from {', '.join(missing)}"
    return st
