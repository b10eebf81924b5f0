"""What the batch loops (:mod:`planmonitor.domain.status_batch`) share: an indicator's facts
common to all its regions (:class:`BatchFacts`), and small pieces of the engine's arithmetic on
a region's values, each doing what the named engine function does."""

from __future__ import annotations

from planmonitor.domain.formatting import Light
from planmonitor.domain.grading import EPS
from planmonitor.domain.indicator import Cadence, Comparator, Indicator, Nature, TargetForm
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import StatusSettings
from planmonitor.domain.regional import STRAIGHT, Regional, Values
from planmonitor.domain.staleness import is_stale
from planmonitor.domain.status_result import Status

# the lights as plain names: an enum member looked up on its class costs 0.1 µs, per pair
GREEN, YELLOW, RED, GREY = Light.GREEN, Light.YELLOW, Light.RED, Light.GREY


def prior_value(values: Values, at: int, dp: Period) -> float | None:
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


def yoy_at(values: Values, at: int, dp: Period, actual: float) -> float | None:
    """同比: growth on the value of the same period a year earlier (the engine's ``_yoy``);
    :func:`prior_value`'s loop written out, as this runs for every pair."""
    before = dp.moment - 12
    i = at - 1
    while i >= 0:
        p, v = values[i]
        if p.moment == before:
            return (actual / v - 1) * 100 if abs(v) >= EPS else None
        if p.moment < before:
            return None
        i -= 1
    return None


def compound_year_end(b: float, t: float, y0: int, y1: int, year: int) -> float:
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


def direct_progress(le: bool, actual: float, expected: float) -> float | None:
    """:func:`~planmonitor.domain.grading.direct`: A/E for ≥, E/A for ≤."""
    if le:
        return expected / actual if abs(actual) > EPS else (1.0 if expected >= 0 else None)
    return actual / expected if abs(expected) > EPS else (1.0 if actual >= 0 else None)


def tolerance_of(ind: Indicator, settings: StatusSettings, target: float | None) -> float:
    """:meth:`StatusSettings.tolerance_for` a sub-region's indicator with ``target``."""
    if ind.target.tolerance is not None:
        return ind.target.tolerance
    if ind.is_percent:
        return settings.approx_tolerance
    return abs(target) * settings.approx_relative if target is not None else 0.0


class BatchFacts:
    """What every region of one indicator shares: its form, thresholds and, per period of
    data, the schedule's fractions, the release share and whether the data are stale."""

    def __init__(self, ind: Indicator, asked: Period, settings: StatusSettings) -> None:
        self.ind, self.asked, self.settings = ind, asked, settings
        t = ind.target
        self.straight = t.form in STRAIGHT
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

    def period_facts(self, dp: Period) -> tuple[bool, float, float, float]:
        """(stale, share due, fraction at last year's end, at this year's end) for ``dp``."""
        found = self.per_period.get(dp.sort_key)
        if found is None:
            share = self.ind.profile.share_at(dp.month)
            stale = is_stale(self.ind, dp, self.asked)
            found = (stale, share, self._year_fraction(dp.year - 1), self._year_fraction(dp.year))
            self.per_period[dp.sort_key] = found
        return found

    def latest(self, values: Values) -> int | None:
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

    def light_of(
        self,
        p: float | None,
        actual: float,
        expected: float,
        target: float,
        tolerance: float | None,
    ) -> Light:
        """:func:`~planmonitor.domain.grading.graded`'s light (grey without a progress)."""
        if p is None:
            return GREY
        light = GREEN if p >= self.green else (YELLOW if p >= self.yellow else RED)
        if (
            tolerance is not None
            and abs(expected - target) <= EPS * max(1.0, abs(target))
            and abs(actual - target) <= tolerance + EPS
        ):
            light = GREEN
        return light

    def status(
        self,
        regional: Regional,
        light: Light,
        kind: str,
        actual: float,
        expected: float,
        progress: float | None,
        dp: Period,
        baseline: float | None,
        target: float | None,
        year_target: float | None,
        completion: float | None,
        yoy: float | None,
        realised: float | None,
        share: float | None,
        stale: bool,
        tolerance: float | None,
        ceiling: bool = False,
        reason: str = "",
    ) -> Status:
        """One region's graded status, its sentences and forecast left to ``regional``
        (a forecast only where the light is not grey)."""
        ind = self.ind
        return Status(  # positionally, in the order of Status's fields: a city makes thousands
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
            baseline,
            target,
            self.y1,
            ind.target.rate,
            year_target,
            completion,
            yoy,
            realised,
            share,
            stale,
            tolerance,
            ceiling,
            reason=reason,
            explainer=regional.explain,
            forecaster=None if light is GREY else regional.forecaster,
        )
