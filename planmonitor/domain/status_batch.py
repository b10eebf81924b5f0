"""The status of one indicator in many sub-regions at once (a city's every pair, issue 16).

A sub-region's level target (任务分解: its own B and T) draws a straight schedule between the
same two years in every region, so the fractions of the way due at each year end, the release
share, the staleness and the thresholds are worked out once per indicator and period of data;
each region then costs a few multiplications. The arithmetic is the engine's
(:mod:`planmonitor.domain.status`, :class:`~planmonitor.domain.schedule.Schedule`) step for
step, so the numbers are the same to the last bit; every case the loop does not cover (other
target forms, no data, a missing B or T, the target year's final verdict) goes to the engine
itself. tests/services/test_status_batch.py compares both on every pair of a generated city.
"""

from __future__ import annotations

from collections.abc import Sequence

from planmonitor.domain.explain import sentences
from planmonitor.domain.forecast import Forecast, forecast
from planmonitor.domain.formatting import Light
from planmonitor.domain.grading import EPS, realised_rate
from planmonitor.domain.indicator import Cadence, Comparator, Indicator, Nature, TargetForm
from planmonitor.domain.milestone_status import milestone_status
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import StatusSettings
from planmonitor.domain.records import replaced
from planmonitor.domain.schedule import build_schedule
from planmonitor.domain.staleness import is_stale
from planmonitor.domain.status import evaluate, not_decomposed
from planmonitor.domain.status_result import Status

Values = list[tuple[Period, float]]  # a region's current values, in period order
Share = tuple[float | None, float | None]  # a sub-region's own (baseline, target)

_STRAIGHT = (TargetForm.LEVEL, TargetForm.INCREASE, TargetForm.POINTS)
# the lights as plain names: an enum member looked up on its class costs 0.1 µs, per pair
_GREEN, _YELLOW, _RED, _GREY = Light.GREEN, Light.YELLOW, Light.RED, Light.GREY


def region_indicator(ind: Indicator, baseline: float | None, target: float | None) -> Indicator:
    """The indicator with a sub-region's own baseline and target (任务分解)."""
    t = ind.target
    text = t.text if target is not None else ""  # the plan's wording is not the region's
    if t.form in _STRAIGHT:
        new_t = replaced(
            t, form=TargetForm.LEVEL, value=target, milestones=(), increase=None, text=text
        )
    elif t.form is TargetForm.QUOTA:
        new_t = replaced(t, value=target, text=text)
    else:
        new_t = replaced(t, value=target) if target is not None else t
    return replaced(ind, baseline=baseline, target=new_t)


class _Regional:
    """A sub-region's indicator and values, made into engine objects only when a forecast or
    an explanation is read."""

    __slots__ = ("_made", "batch", "dp", "due", "ind", "realised", "share", "values")

    def __init__(
        self,
        batch: _Batch,
        share: Share,
        values: Values,
        dp: Period | None,
        due: float | None = None,
        realised: float | None = None,
    ) -> None:
        self.batch, self.ind, self.share, self.values, self.dp = batch, batch.ind, share, values, dp
        self.due = due  # the release share due by ``dp`` (None for a growth rate)
        self.realised = realised  # the realised yearly growth a compound forecast starts from
        self._made: Indicator | None = None

    def indicator(self) -> Indicator:
        if self._made is None:
            self._made = region_indicator(self.ind, *self.share)
        return self._made

    def explain(self, st: Status) -> tuple[str, str]:
        return sentences(self.indicator(), st)

    def forecaster(self) -> Forecast | None:
        ind, dp = self.indicator(), self.dp
        assert dp is not None  # a forecast is left only where a value was graded
        series = Series.presorted(self.values)
        settings = self.batch.settings
        return forecast(ind, series, build_schedule(ind), dp, settings, self.realised, self.due)


def evaluate_regions(
    ind: Indicator,
    asked: Period,
    settings: StatusSettings,
    regions: Sequence[tuple[Values, Share | None]],
) -> list[Status]:
    """The status of ``ind`` (its target in force at ``asked``) in each sub-region: its values
    up to the quarter in period order and its own (baseline, target), ``None`` where the target
    was not decomposed. The same answers as the engine on each region's own indicator."""
    batch = _Batch(ind, asked, settings)
    return [batch.one(values, share) for values, share in regions]


class _Batch:
    """What every region of one indicator shares: its form, thresholds and, per period of
    data, the schedule's fractions, the release share and whether the data are stale."""

    def __init__(self, ind: Indicator, asked: Period, settings: StatusSettings) -> None:
        self.ind, self.asked, self.settings = ind, asked, settings
        t = ind.target
        self.straight = t.form in _STRAIGHT
        self.quota = t.form is TargetForm.QUOTA
        self.milestone = t.form is TargetForm.MILESTONE
        self.cagr = t.form is TargetForm.CAGR
        self.growth_rate = t.form is TargetForm.GROWTH_RATE
        self.year_end_only = ind.cadence is Cadence.ANNUAL_LATE
        self.le = t.comparator is Comparator.LE
        self.approx = t.comparator is Comparator.APPROX
        self.flow = ind.nature is Nature.FLOW
        th = settings.thresholds_for(ind)
        self.green, self.yellow = th.green - EPS, th.yellow - EPS
        self.y0, self.y1 = ind.baseline_year, ind.target_year
        self.limit = asked.moment
        self.per_period: dict[int, tuple[bool, float, float, float]] = {}

    def _year_fraction(self, year: int) -> float:
        """How far along the straight path ``year``'s end is: < 0 at B, > 1 at T (clamped)."""
        if year <= self.y0:
            return -1.0
        if year >= self.y1:
            return 2.0
        return (year - self.y0) / (self.y1 - self.y0)

    def _period(self, dp: Period) -> tuple[bool, float, float, float]:
        """(stale, share due, fraction at last year's end, at this year's end) for ``dp``."""
        found = self.per_period.get(dp.sort_key)
        if found is None:
            share = self.ind.profile.share_at(dp.month)
            stale = is_stale(self.ind, dp, self.asked)
            found = (stale, share, self._year_fraction(dp.year - 1), self._year_fraction(dp.year))
            self.per_period[dp.sort_key] = found
        return found

    def one(self, values: Values, share: Share | None) -> Status:
        """One region's status."""
        ind = self.ind
        if share is None:
            return not_decomposed(ind, Series.presorted(values), self.asked)
        b, t = share
        if self.milestone:
            return self._milestone(values, share)
        if self.cagr and b is not None and values:
            return self._cagr(values, b, t)
        if self.growth_rate and values:
            return self._growth_rate(values, share)
        if t is None or not values or not (self.quota or (self.straight and b is not None)):
            return evaluate(
                region_indicator(ind, b, t), Series.presorted(values), self.asked, self.settings
            )
        limit, year_end_only = self.limit, self.year_end_only
        at = len(values) - 1
        while at >= 0:
            dp, actual = values[at]
            if dp.moment <= limit and (not year_end_only or dp.month is None or dp.month == 12):
                break
            at -= 1
        if at < 0 or dp.year > self.y1 or (dp.year == self.y1 and dp.end_month == 12):
            # no data, or the target year's final verdict: the engine's own rules
            return evaluate(
                region_indicator(ind, b, t), Series.presorted(values), self.asked, self.settings
            )
        if self.quota:
            return self._quota(ind, values, at, dp, actual, b, t)
        assert b is not None
        return self._graded(ind, values, at, dp, actual, b, t)

    def _milestone(self, values: Values, share: Share) -> Status:
        """A qualitative milestone: done or not by its due date, whatever the region's numbers
        (:func:`~planmonitor.domain.milestone_status.milestone_status` on the plan's own
        indicator; the region's baseline shown, its indicator made for the sentences only)."""
        ind = self.ind
        st = Status(
            ind.code,
            _GREY,
            "grey",
            self.asked,
            ind.unit,
            ind.decimals,
            baseline=share[0],
            target_year=self.y1,
            rate=ind.target.rate,
        )
        milestone_status(ind, Series.presorted(values).upto(self.asked), self.asked, st)
        st.explainer = _Regional(self, share, values, None).explain
        return st

    def _cagr(self, values: Values, b: float, t: float | None) -> Status:
        """A compound growth target (年均增长): by 同比 inside a year, by the year-end value on
        the compound path at Q4 (:func:`~planmonitor.domain.status._cagr`); the engine takes
        what that does not cover (no value, the final year, a quarter without last year's)."""
        ind, asked, settings = self.ind, self.asked, self.settings
        rate = ind.target.rate
        if t is None:  # the region's indicator keeps the plan's wording: its value, or B·(1+r)ⁿ
            t = ind.target.value
            if t is None and rate is not None:
                t = b * (1 + rate / 100) ** (self.y1 - self.y0)
        at = self._latest(values)
        prior = None
        if at is not None:
            dp, actual = values[at]
            prior = _prior(values, at, dp)
        r = rate or 0.0
        if (
            t is None
            or at is None
            or dp.year > self.y1
            or (dp.year == self.y1 and dp.end_month == 12)
            or (
                dp.end_month != 12 and not (prior is not None and abs(prior) > EPS and abs(r) > EPS)
            )
        ):
            return evaluate(region_indicator(ind, b, t), Series.presorted(values), asked, settings)
        stale, sh, _f_prev, _f_cur = self.per_period.get(dp.sort_key) or self._period(dp)
        yt = _compound(b, t, self.y0, self.y1, dp.year)
        yoy = None if prior is None or abs(prior) < EPS else (actual / prior - 1) * 100
        realised, reason = None, ""
        if dp.end_month != 12:
            assert prior is not None
            kind, expected = "cagr_yoy", prior * (1 + r / 100)
            yoy = (actual / prior - 1) * 100
            progress: float | None = yoy / r
        else:
            kind, expected = "cagr", yt
            years = dp.year - self.y0
            realised = realised_rate(b, actual, years)
            progress = None if years <= 0 or abs(yt - b) < EPS else (actual - b) / (yt - b)
            reason = "nothing_due" if progress is None else ""
        tolerance = _tolerance(ind, settings, t) if self.approx else None
        light = (
            _GREY if progress is None else self._light_of(progress, actual, expected, t, tolerance)
        )
        regional = _Regional(self, (b, t), values, dp, sh, realised)
        return Status(  # positionally, in the order of Status's fields
            ind.code,
            light,
            kind,
            asked,
            ind.unit,
            ind.decimals,
            actual,
            expected,
            progress,
            dp,
            b,
            t,
            self.y1,
            rate,
            yt,
            actual / yt if abs(yt) > EPS else None,
            yoy,
            realised,
            sh,
            stale,
            tolerance,
            False,  # ceiling
            reason=reason,
            explainer=regional.explain,
            forecaster=None if light is _GREY else regional.forecaster,
        )

    def _growth_rate(self, values: Values, share: Share) -> Status:
        """A yearly growth rate (增速, recorded as a rate): the index Π(1 + gᵢ) against the
        compound path (:func:`~planmonitor.domain.final_status.growth_rate_status`), the same
        in every region; the engine takes no value, missing years and the final year."""
        ind, asked, settings = self.ind, self.asked, self.settings
        rate = ind.target.rate
        at = self._latest(values)
        if at is None or rate is None:
            return evaluate(
                region_indicator(ind, *share), Series.presorted(values), asked, settings
            )
        dp, actual = values[at]
        years = range(self.y0 + 1, dp.year + 1)
        rates: dict[int, float] = {}
        limit = self.limit
        for p, v in values:
            if p.moment > limit:
                break
            if p.month is None or p.month == 12:
                rates[p.year] = v
        if dp.end_month != 12:
            rates[dp.year] = actual or 0.0
        if (
            dp.year > self.y1
            or (dp.year == self.y1 and dp.end_month == 12)
            or not years
            or any(y not in rates for y in years)
        ):
            return evaluate(
                region_indicator(ind, *share), Series.presorted(values), asked, settings
            )
        index = 1.0
        for y in years:
            index *= 1 + rates[y] / 100
        whole = (1 + rate / 100) ** (self.y1 - self.y0)
        due = _compound(1.0, whole, self.y0, self.y1, dp.year)
        progress = (index - 1) / (due - 1) if abs(due - 1) > EPS else 1.0
        target = share[1] if share[1] is not None else ind.target.value
        tolerance = _tolerance(ind, settings, target) if self.approx else None
        if target is None:  # no target value: graded.graded leaves the 左右 check out
            light = (
                _GREEN if progress >= self.green else (_YELLOW if progress >= self.yellow else _RED)
            )
        else:
            light = self._light_of(progress, actual, rate, target, tolerance)
        stale = (self.per_period.get(dp.sort_key) or self._period(dp))[0]
        realised = (index ** (1 / len(years)) - 1) * 100 if index > 0 else None
        regional = _Regional(self, share, values, dp, None, realised)
        return Status(  # positionally, in the order of Status's fields
            ind.code,
            light,
            "growth_rate",
            asked,
            ind.unit,
            ind.decimals,
            actual,
            rate,
            progress,
            dp,
            share[0],
            target,
            self.y1,
            rate,
            rate,  # this year's target: the rate itself
            None,  # completion
            _yoy(values, at, dp, actual),
            realised,
            None,  # share due: a rate has none
            stale,
            tolerance,
            False,  # ceiling
            explainer=regional.explain,
            forecaster=regional.forecaster,
        )

    def _latest(self, values: Values) -> int | None:
        """Where the latest value up to the quarter is in ``values`` (year ends only for
        statistics published late); None if there is none."""
        limit, year_end_only = self.limit, self.year_end_only
        at = len(values) - 1
        while at >= 0:
            p = values[at][0]
            if p.moment <= limit and (not year_end_only or p.month is None or p.month == 12):
                return at
            at -= 1
        return None

    def _quota(
        self,
        ind: Indicator,
        values: Values,
        at: int,
        dp: Period,
        actual: float,
        b: float | None,
        t: float,
    ) -> Status:
        """A yearly quota before its final year: this year's amount due so far (额度 × share),
        as :func:`~planmonitor.domain.final_status.quota_status` grades it."""
        stale, sh, _f_prev, _f_cur = self.per_period.get(dp.sort_key) or self._period(dp)
        expected = t * sh
        tolerance = _tolerance(ind, self.settings, t) if self.approx else None
        progress = None if abs(expected) < EPS else _direct(self.le, actual, expected)
        light = (
            _GREY if progress is None else self._light_of(progress, actual, expected, t, tolerance)
        )
        regional = _Regional(self, (b, t), values, dp, sh)
        return Status(  # positionally, in the order of Status's fields
            ind.code,
            light,
            "quota",
            self.asked,
            ind.unit,
            ind.decimals,
            actual,
            expected,
            progress,
            dp,
            t,  # the schedule starts from the quota itself: the engine's baseline for a quota
            t,
            self.y1,
            ind.target.rate,
            t,
            actual / t if abs(t) > EPS else None,
            _yoy(values, at, dp, actual),
            None,  # realised_rate
            sh,
            stale,
            tolerance,
            False,  # ceiling
            reason="nothing_due" if progress is None else "",
            explainer=regional.explain,
            forecaster=None if light is _GREY else regional.forecaster,
        )

    def _light_of(
        self, p: float, actual: float, expected: float, target: float, tolerance: float | None
    ) -> Light:
        """:func:`~planmonitor.domain.grading.graded`'s light."""
        light = _GREEN if p >= self.green else (_YELLOW if p >= self.yellow else _RED)
        if (
            tolerance is not None
            and abs(expected - target) <= EPS * max(1.0, abs(target))
            and abs(actual - target) <= tolerance + EPS
        ):
            light = _GREEN
        return light

    def _graded(
        self,
        ind: Indicator,
        values: Values,
        at: int,
        dp: Period,
        actual: float,
        b: float,
        t: float,
    ) -> Status:
        stale, sh, f_prev, f_cur = self.per_period.get(dp.sort_key) or self._period(dp)
        d = t - b
        yt = b if f_cur < 0 else (t if f_cur > 1 else b + d * f_cur)
        tolerance = None
        if self.approx:
            tolerance = _tolerance(ind, self.settings, t)
        reason, kind, ceiling, progress = "", "", False, None
        if self.flow:
            expected = yt * sh
            kind = "flow"
            if abs(expected) < EPS:
                reason = "nothing_due"
            else:
                progress = _direct(self.le, actual, expected)
        else:
            if dp.year <= self.y0:
                expected = b
            else:
                prev = b if f_prev < 0 else (t if f_prev > 1 else b + d * f_prev)
                expected = prev + sh * (yt - prev)
            kind = "stock"
            if self.le and t >= b:
                kind, expected, ceiling = "ceiling", t, True
                progress = _direct(True, actual, t)
                reason = "zero_target" if progress is None else ""
            elif abs(d) < EPS:
                progress = _direct(self.le, actual, expected)
                if progress is None:
                    reason = "zero_target"
                else:
                    kind = "direct"
            elif abs(expected - b) < EPS:
                reason = "nothing_due"
            else:
                progress = (actual - b) / (expected - b)
        light = (
            _GREY if progress is None else self._light_of(progress, actual, expected, t, tolerance)
        )
        regional = _Regional(self, (b, t), values, dp, sh)
        st = Status(  # positionally, in the order of Status's fields: a city makes thousands
            ind.code,
            light,
            kind,
            self.asked,
            ind.unit,
            ind.decimals,
            actual,
            expected,
            progress,
            dp,
            b,
            t,
            self.y1,
            ind.target.rate,
            yt,
            actual / yt if abs(yt) > EPS else None,
            _yoy(values, at, dp, actual),
            None,  # realised_rate
            sh,
            stale,
            tolerance,
            ceiling,
            reason=reason,
            explainer=regional.explain,
            forecaster=None if light is _GREY else regional.forecaster,
        )
        return st


def _prior(values: Values, at: int, dp: Period) -> float | None:
    """The value of the same period a year before ``values[at]`` (``dp``), if recorded."""
    before = dp.moment - 12
    i = at - 1
    while i >= 0:
        p, v = values[i]
        if p.moment == before:
            return v
        if p.moment < before:
            return None
        i -= 1
    return None


def _yoy(values: Values, at: int, dp: Period, actual: float) -> float | None:
    """同比: growth on the value of the same period a year earlier (the engine's ``_yoy``)."""
    prior = _prior(values, at, dp)
    return None if prior is None or abs(prior) < EPS else (actual / prior - 1) * 100


def _compound(b: float, t: float, y0: int, y1: int, year: int) -> float:
    """The year-end value due on the compound path from B (year ``y0``) to T (``y1``):
    :meth:`~planmonitor.domain.schedule.Schedule.year_end` of a growth target."""
    if year <= y0:
        return b
    if year >= y1:
        return t
    share = (year - y0) / (y1 - y0)
    if b > 0 and t > 0:
        return float(b * (t / b) ** share)
    return b + (t - b) * share


def _direct(le: bool, actual: float, expected: float) -> float | None:
    """:func:`~planmonitor.domain.grading.direct`: A/E for ≥, E/A for ≤."""
    if le:
        return expected / actual if abs(actual) > EPS else (1.0 if expected >= 0 else None)
    return actual / expected if abs(expected) > EPS else (1.0 if actual >= 0 else None)


def _tolerance(ind: Indicator, settings: StatusSettings, target: float | None) -> float:
    """:meth:`StatusSettings.tolerance_for` a sub-region's indicator with ``target``."""
    if ind.target.tolerance is not None:
        return ind.target.tolerance
    if ind.is_percent:
        return settings.approx_tolerance
    return abs(target) * settings.approx_relative if target is not None else 0.0
