"""The schedule (序时进度): where an indicator should be at each year end and each quarter.

A path runs from the baseline (end of the baseline year) through each milestone to the target
(end of the target year): straight between points for level targets, compound for growth
targets. Within a year the release profile spreads that year's change over the quarters.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from planmonitor.domain.indicator import Indicator, Nature, ReleaseProfile, TargetForm
from planmonitor.domain.periods import Period


class NoSchedule(Exception):
    """No schedule can be drawn; ``reason`` is a code, ``detail`` the Chinese sentence."""

    def __init__(self, reason: str, detail: str, detail_en: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.detail_en = detail_en


@dataclass(frozen=True, slots=True)
class Schedule:
    """A drawn path.

    Attributes:
        points: (year, year-end value) anchors, first one the start (B), last one the target.
        compound: True for growth paths (B·(1+r)^years), False for straight ones.
        profile: the release profile spreading a year's change over its quarters.
        nature: stock (level at a moment) or flow (amount over the year).
        quota: True for an annual quota: every year's target is the same amount.
    """

    points: tuple[tuple[int, float], ...]
    compound: bool
    profile: ReleaseProfile
    nature: Nature
    quota: bool = False

    @property
    def start_year(self) -> int:
        """Year the path starts (baseline year, or the earliest milestone's)."""
        return self.points[0][0]

    @property
    def start_value(self) -> float:
        """B: the value the path starts from."""
        return self.points[0][1]

    @property
    def end_year(self) -> int:
        """The target year."""
        return self.points[-1][0]

    @property
    def end_value(self) -> float:
        """The value to reach by the target year."""
        return self.points[-1][1]

    def year_end(self, year: int) -> float:
        """Expected year-end value E(year): clamped to the first and last anchors."""
        pts = self.points
        if self.quota or year <= pts[0][0]:
            return pts[0][1]
        if year >= pts[-1][0]:
            return pts[-1][1]
        for (y0, v0), (y1, v1) in itertools.pairwise(pts):
            if y0 <= year <= y1:
                t = (year - y0) / (y1 - y0)
                if self.compound and v0 > 0 and v1 > 0:
                    return float(v0 * (v1 / v0) ** t)
                return v0 + (v1 - v0) * t
        return pts[-1][1]  # pragma: no cover - anchors are sorted

    def share(self, period: Period) -> float:
        """The profile's share due by the end of ``period``."""
        return self.profile.share_at(period.month)

    def expected(self, period: Period) -> float:
        """The schedule value comparable with a value recorded for ``period``.

        For a stock: E(y−1) + share × (E(y) − E(y−1)). For a flow or a quota: this year's
        target × share (the year-to-date amount due).
        """
        if self.nature is Nature.FLOW or self.quota:
            return self.year_target(period.year) * self.share(period)
        if period.year <= self.start_year:
            return self.start_value
        prev = self.year_end(period.year - 1)
        return prev + self.share(period) * (self.year_end(period.year) - prev)

    def year_target(self, year: int) -> float:
        """This year's target (本年目标): the year-end value due for ``year``."""
        return self.year_end(year)


def _missing_baseline(ind: Indicator) -> NoSchedule:
    return NoSchedule(
        "no_baseline",
        f"缺少{ind.baseline_year}年基数，无法计算序时进度",
        f"no baseline: enter the {ind.baseline_year} value to compute the schedule",
    )


def build_schedule(ind: Indicator) -> Schedule:
    """Draw the schedule of ``ind``; :class:`NoSchedule` says why when none can be drawn."""
    t = ind.target
    form = t.form
    if form is TargetForm.MILESTONE:
        raise NoSchedule("qualitative", "定性目标，按完成情况评价", "qualitative milestone")
    if form is TargetForm.QUOTA:
        if t.value is None:  # e.g. a sub-region's share given a baseline but no amount
            raise NoSchedule(
                "no_target",
                "未设每年额度（目标值），无法计算序时进度",
                "no target: enter the yearly amount to compute the schedule",
            )
        pts = ((ind.baseline_year + 1, t.value), (ind.target_year, t.value))
        return Schedule(pts, False, ind.profile, Nature.FLOW, quota=True)
    if form is TargetForm.GROWTH_RATE:
        assert t.rate is not None
        index = (1 + t.rate / 100) ** (ind.target_year - ind.baseline_year)
        pts = ((ind.baseline_year, 1.0), (ind.target_year, index))
        return Schedule(pts, True, ind.profile, Nature.STOCK)
    if form is TargetForm.CAGR:
        if ind.baseline is None:
            raise _missing_baseline(ind)
        final = ind.final_target()
        assert final is not None
        pts = ((ind.baseline_year, ind.baseline), (ind.target_year, final))
        return Schedule(pts, True, ind.profile, ind.nature)
    anchors: dict[int, float] = {}
    if ind.baseline is not None:
        anchors[ind.baseline_year] = ind.baseline
    for m in t.milestones:
        anchors[m.year] = m.value
    final = ind.final_target()
    if final is not None:
        anchors.setdefault(ind.target_year, final)
    if len(anchors) < 2:
        raise _missing_baseline(ind)
    return Schedule(tuple(sorted(anchors.items())), False, ind.profile, ind.nature)
