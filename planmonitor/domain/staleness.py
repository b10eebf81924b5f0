"""Whether the latest value is older than the indicator's cadence allows (数据截至…)."""

from __future__ import annotations

from functools import lru_cache

from planmonitor.domain.indicator import Cadence, Indicator, ReleaseProfile
from planmonitor.domain.periods import Period

EPS = 1e-12


@lru_cache(maxsize=128)  # a handful of profiles, asked about for every pair of a city
def release_quarters(profile: ReleaseProfile) -> frozenset[int]:
    """The quarters (1–4) in which the profile expects new data: where its share rises."""
    shares = (0.0, *profile.shares)
    rising = {q for q in range(1, 5) if shares[q] > shares[q - 1] + EPS}
    return frozenset(rising or {4})


def _quarter_index(p: Period) -> int:
    return p.year * 4 + p.quarter_number - 1


def is_stale(ind: Indicator, data: Period, asked: Period) -> bool:
    """True when a newer value should exist by ``asked``.

    Statistics published late are due for the year before last until Q4 (then for last year).
    Otherwise the newest release quarter before the one asked about must be covered: a Q4 batch
    stock asked in Q2 with last year-end's value is current; with an even profile a value of the
    previous quarter still is.
    """
    if ind.cadence is Cadence.ANNUAL_LATE:
        newest_due = asked.year - 1 if asked.end_month >= 12 else asked.year - 2
        return data.year < newest_due
    releases = release_quarters(ind.profile)
    due = _quarter_index(asked) - 1
    while due % 4 + 1 not in releases:
        due -= 1
    return _quarter_index(data) < due
