"""The result of a status evaluation: :class:`Status`, a plain record.

It sits below both the engine (:mod:`planmonitor.domain.status`, which fills it) and the
sentences (:mod:`planmonitor.domain.explain`, which read it), so neither imports the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields

from planmonitor.domain.forecast import Forecast
from planmonitor.domain.formatting import Light
from planmonitor.domain.periods import Period

Explainer = Callable[["Status"], tuple[str, str]]


@dataclass(slots=True)
class Status:
    """The answer to 是否达到序时进度 for one indicator, region and quarter.

    The engine fills one instance in place while it works (a copy per step was the
    bottleneck of a 500,000-value database); treat a returned status as read-only. The forecast
    and the explanations are worked out when first read (a status over every pair of a city
    reads few of them): the engine leaves a forecaster and an explainer behind.

    Attributes:
        light: green / yellow / red / grey / met / not_met.
        kind: which rule produced it (stock, flow, cagr, cagr_yoy, growth_rate, quota, direct,
            ceiling, milestone_point, final, milestone, grey); it chooses the sentence.
        actual: the value compared (the latest at or before the quarter asked).
        expected: the schedule's value for the actual's period (序时目标).
        progress: P as a fraction (0.965 for 96.5 %).
        data_period: the period of the actual; it may be older than ``asked``.
        baseline: B, where the schedule starts; target: the value due by the target year.
        year_target, completion: this year's target (本年目标) and actual / year_target (完成率).
        yoy: growth on the same period of the previous year (同比), in %.
        realised_rate: for growth targets, the realised average yearly growth, in %.
        stale: the data are older than the cadence allows (数据截至…).
        tolerance: for 左右 targets, how far from the target still counts as on target.
        ceiling: a ≤ target whose baseline is already within it: met while within the ceiling.
        reason: for grey lights, why (no_data, no_baseline, nothing_due, missing_years…); for
            milestones also late (done after the due date) and reverted (未完成 after 完成).
        incomplete, incomplete_period: the sub-units left out of a newer roll-up, and its period.
    """

    indicator: str
    light: Light
    kind: str
    asked: Period
    unit: str = ""
    decimals: int = 2
    actual: float | None = None
    expected: float | None = None
    progress: float | None = None
    data_period: Period | None = None
    baseline: float | None = None
    target: float | None = None
    target_year: int | None = None
    rate: float | None = None
    year_target: float | None = None
    completion: float | None = None
    yoy: float | None = None
    realised_rate: float | None = None
    share: float | None = None
    stale: bool = False
    tolerance: float | None = None
    ceiling: bool = False
    incomplete: tuple[str, ...] = ()
    reason: str = ""
    detail_zh: str = ""
    detail_en: str = ""
    incomplete_period: Period | None = None
    forecaster: Callable[[], Forecast | None] | None = field(
        default=None, repr=False, compare=False
    )
    explainer: Explainer | None = field(default=None, repr=False, compare=False)
    _forecast: Forecast | None = field(default=None, repr=False, compare=False)
    _sentences: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def forecast(self) -> Forecast | None:
        """Where the recent trend leads by the target year (worked out when first read)."""
        if self.forecaster is not None:
            self._forecast, self.forecaster = self.forecaster(), None
        return self._forecast

    @forecast.setter
    def forecast(self, value: Forecast | None) -> None:
        self._forecast, self.forecaster = value, None

    @property
    def explanation_zh(self) -> str:
        """The one-sentence explanation in Chinese."""
        return self._explained()[0]

    @property
    def explanation_en(self) -> str:
        """The one-sentence explanation in English."""
        return self._explained()[1]

    def explanation(self, lang: str = "zh") -> str:
        """The one-sentence explanation in ``lang``."""
        return self.explanation_en if lang == "en" else self.explanation_zh

    def _explained(self) -> tuple[str, str]:
        if self._sentences is None:
            self._sentences = self.explainer(self) if self.explainer is not None else ("", "")
        return self._sentences

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Status):
            return NotImplemented
        return self.forecast == other.forecast and all(
            getattr(self, f.name) == getattr(other, f.name) for f in _COMPARED
        )


_COMPARED = [f for f in fields(Status) if f.compare]
