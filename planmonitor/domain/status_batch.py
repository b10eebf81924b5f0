"""The status of one indicator in many sub-regions at once (a city's every pair, issue 16).

A sub-region's level target (任务分解: its own B and T) draws a straight schedule between the
same two years in every region, so the fractions of the way due at each year end, the release
share, the staleness and the thresholds are worked out once per indicator and period of data
(:class:`~planmonitor.domain.batch_values.BatchFacts`); each region then costs a few
multiplications. Yearly quotas and qualitative milestones go through this loop too, growth
targets through :mod:`planmonitor.domain.status_batch_growth`. The arithmetic is the engine's
(:mod:`planmonitor.domain.status`, :class:`~planmonitor.domain.schedule.Schedule`) step for
step, so the numbers are the same to the last bit; every case the loops do not cover (no data,
a missing B or T, the target year's final verdict) goes to the engine itself.
tests/services/test_status_batch.py compares both on every pair of a generated city.
"""

from __future__ import annotations

from collections.abc import Sequence

from planmonitor.domain.batch_values import (
    GREY,
    BatchFacts,
    direct_progress,
    tolerance_of,
    yoy_at,
)
from planmonitor.domain.grading import EPS
from planmonitor.domain.indicator import Indicator
from planmonitor.domain.milestone_status import milestone_status
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import StatusSettings
from planmonitor.domain.regional import Regional, Share, Values, region_indicator
from planmonitor.domain.status import evaluate, not_decomposed
from planmonitor.domain.status_batch_growth import cagr_status, growth_rate_status
from planmonitor.domain.status_result import Status


def evaluate_regions(
    ind: Indicator,
    asked: Period,
    settings: StatusSettings,
    regions: Sequence[tuple[Values, Share | None]],
) -> list[Status]:
    """The status of ``ind`` (its target in force at ``asked``) in each sub-region: its values
    up to the quarter in period order and its own (baseline, target), ``None`` where the target
    was not decomposed. The same answers as the engine on each region's own indicator."""
    batch = Batch(ind, asked, settings)
    return [batch.one(values, share) for values, share in regions]


class Batch(BatchFacts):
    """One indicator's regions, form by form: the batch loops, and the engine for the rest."""

    def one(self, values: Values, share: Share | None) -> Status:
        """One region's status."""
        ind = self.ind
        if share is None:
            return not_decomposed(ind, Series.presorted(values), self.asked)
        b, t = share
        if self.milestone:
            return self._milestone(values, share)
        if self.cagr and b is not None and values:
            return cagr_status(self, values, b, t)
        if self.growth_rate and values:
            return growth_rate_status(self, values, share)
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
            GREY,
            "grey",
            self.asked,
            ind.unit,
            ind.decimals,
            baseline=share[0],
            target_year=self.y1,
            rate=ind.target.rate,
        )
        milestone_status(ind, Series.presorted(values).upto(self.asked), self.asked, st)
        st.explainer = Regional(self.ind, self.settings, share, values, None).explain
        return st

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
        stale, sh, _f_prev, _f_cur = self.per_period.get(dp.sort_key) or self.period_facts(dp)
        expected = t * sh
        tolerance = tolerance_of(ind, self.settings, t) if self.approx else None
        progress = None if abs(expected) < EPS else direct_progress(self.le, actual, expected)
        light = self.light_of(progress, actual, expected, t, tolerance)
        regional = Regional(self.ind, self.settings, (b, t), values, dp, sh)
        completion = actual / t if abs(t) > EPS else None
        yoy = yoy_at(values, at, dp, actual)
        # the schedule starts from the quota itself: the engine's baseline for a quota is T
        return self.status(
            regional, light, "quota", actual, expected, progress, dp, t, t, t, completion, yoy,
            None, sh, stale, tolerance, reason="nothing_due" if progress is None else "",
        )  # fmt: skip

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
        stale, sh, f_prev, f_cur = self.per_period.get(dp.sort_key) or self.period_facts(dp)
        d = t - b
        yt = b if f_cur < 0 else (t if f_cur > 1 else b + d * f_cur)
        tolerance = None
        if self.approx:
            tolerance = tolerance_of(ind, self.settings, t)
        reason, kind, ceiling, progress = "", "", False, None
        if self.flow:
            expected = yt * sh
            kind = "flow"
            if abs(expected) < EPS:
                reason = "nothing_due"
            else:
                progress = direct_progress(self.le, actual, expected)
        else:
            if dp.year <= self.y0:
                expected = b
            else:
                prev = b if f_prev < 0 else (t if f_prev > 1 else b + d * f_prev)
                expected = prev + sh * (yt - prev)
            kind = "stock"
            if self.le and t >= b:
                kind, expected, ceiling = "ceiling", t, True
                progress = direct_progress(True, actual, t)
                reason = "zero_target" if progress is None else ""
            elif abs(d) < EPS:
                progress = direct_progress(self.le, actual, expected)
                if progress is None:
                    reason = "zero_target"
                else:
                    kind = "direct"
            elif abs(expected - b) < EPS:
                reason = "nothing_due"
            else:
                progress = (actual - b) / (expected - b)
        light = self.light_of(progress, actual, expected, t, tolerance)
        regional = Regional(self.ind, self.settings, (b, t), values, dp, sh)
        completion = actual / yt if abs(yt) > EPS else None
        yoy = yoy_at(values, at, dp, actual)
        return self.status(
            regional, light, kind, actual, expected, progress, dp, b, t, yt, completion, yoy,
            None, sh, stale, tolerance, ceiling, reason,
        )  # fmt: skip
