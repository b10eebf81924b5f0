"""A sub-region's own indicator (任务分解: its baseline and target), and what a city's batch
status leaves behind to write a region's sentences and forecast when first read."""

from __future__ import annotations

from planmonitor.domain.explain import sentences
from planmonitor.domain.forecast import Forecast, forecast
from planmonitor.domain.indicator import Indicator, TargetForm
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import StatusSettings
from planmonitor.domain.records import replaced
from planmonitor.domain.schedule import build_schedule
from planmonitor.domain.status_result import Status

Values = list[tuple[Period, float]]  # a region's current values, in period order
Share = tuple[float | None, float | None]  # a sub-region's own (baseline, target)

STRAIGHT = (TargetForm.LEVEL, TargetForm.INCREASE, TargetForm.POINTS)


def region_indicator(ind: Indicator, baseline: float | None, target: float | None) -> Indicator:
    """The indicator with a sub-region's own baseline and target (任务分解)."""
    t = ind.target
    text = t.text if target is not None else ""  # the plan's wording is not the region's
    if t.form in STRAIGHT:
        new_t = replaced(
            t, form=TargetForm.LEVEL, value=target, milestones=(), increase=None, text=text
        )
    elif t.form is TargetForm.QUOTA:
        new_t = replaced(t, value=target, text=text)
    else:
        new_t = replaced(t, value=target) if target is not None else t
    return replaced(ind, baseline=baseline, target=new_t)


class Regional:
    """A sub-region's indicator and values, made into engine objects only when a forecast or
    an explanation is read."""

    __slots__ = ("_made", "dp", "due", "ind", "realised", "settings", "share", "values")

    def __init__(
        self,
        ind: Indicator,
        settings: StatusSettings,
        share: Share,
        values: Values,
        dp: Period | None,
        due: float | None = None,
        realised: float | None = None,
    ) -> None:
        self.ind, self.settings, self.share, self.values, self.dp = ind, settings, share, values, dp
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
        sched = build_schedule(ind)
        return forecast(ind, series, sched, dp, self.settings, self.realised, self.due)
