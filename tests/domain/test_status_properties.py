"""Invariants of the status engine, checked with generated plans and values."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from planmonitor.domain.indicator import (
    Cadence,
    Comparator,
    Indicator,
    Nature,
    ReleaseProfile,
    Target,
    TargetForm,
)
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period, parse_period
from planmonitor.domain.schedule import build_schedule
from planmonitor.domain.status import evaluate

values = st.floats(min_value=1, max_value=10_000, allow_nan=False)
quarters = st.builds(Period.quarter, st.integers(2021, 2025), st.integers(1, 3))
profiles = st.lists(st.integers(0, 100), min_size=3, max_size=3).map(
    lambda xs: ReleaseProfile.from_percent([*sorted(xs), 100])
)


def level(
    baseline: float,
    target: float,
    nature: Nature,
    profile: ReleaseProfile,
    comparator: Comparator = Comparator.GE,
) -> Indicator:
    cadence = Cadence.CUMULATIVE_FLOW if nature is Nature.FLOW else Cadence.SMOOTH_STOCK
    return Indicator(
        code="p",
        name="p",
        unit="家",
        baseline=baseline,
        baseline_year=2020,
        target_year=2025,
        target=Target(TargetForm.LEVEL, comparator=comparator, value=target),
        nature=nature,
        cadence=cadence,
        profile=profile,
    )


@given(values, values, st.sampled_from(list(Nature)), profiles, quarters)
def test_an_actual_on_the_schedule_is_exactly_100_percent(b, t, nature, profile, q):
    assume(abs(t - b) > 1e-3)
    ind = level(b, t, nature, profile)
    expected = build_schedule(ind).expected(q)
    assume(abs(expected - (b if nature is Nature.STOCK else 0)) > 1e-6)
    s = evaluate(ind, Series({q: expected}), q)
    assert s.progress == pytest.approx(1.0)


@given(values, st.floats(0.5, 30), st.integers(2021, 2024))
def test_cagr_on_the_compound_path_is_100_percent(b, rate, year):
    ind = Indicator(
        code="g",
        name="g",
        unit="亿元",
        baseline=b,
        baseline_year=2020,
        target_year=2025,
        target=Target(TargetForm.CAGR, rate=rate),
        cadence=Cadence.ANNUAL_LATE,
    )
    on_path = b * (1 + rate / 100) ** (year - 2020)
    s = evaluate(ind, Series({Period.annual(year): on_path}), Period.quarter(year + 1, 4))
    assert s.progress == pytest.approx(1.0)
    assert s.realised_rate == pytest.approx(rate)


@given(values, values, st.sampled_from(list(Nature)), profiles, quarters, values, values)
def test_raising_the_actual_never_lowers_progress(b, t, nature, profile, q, a1, a2):
    assume(t > b)
    ind = level(b, t, nature, profile)
    low, high = sorted((a1, a2))
    s_low = evaluate(ind, Series({q: low}), q)
    s_high = evaluate(ind, Series({q: high}), q)
    assume(s_low.progress is not None and s_high.progress is not None)
    assert s_high.progress >= s_low.progress - 1e-12


@given(values, st.floats(1, 1000), st.floats(0, 2000), profiles, quarters)
def test_mirrored_targets_mirror(b, d, x, profile, q):
    up = level(b, b + d, Nature.STOCK, profile)
    down = level(b + 5000, b + 5000 - d, Nature.STOCK, profile, Comparator.LE)
    s_up = evaluate(up, Series({q: b + x}), q)
    s_down = evaluate(down, Series({q: b + 5000 - x}), q)
    assert s_up.light == s_down.light
    if s_up.progress is None:
        assert s_down.progress is None
    else:
        assert s_down.progress == pytest.approx(s_up.progress, rel=1e-6, abs=1e-6)


@given(st.integers(1900, 2200), st.one_of(st.none(), st.integers(1, 12)))
def test_period_key_round_trips(year, month):
    p = Period(year, month)
    assert parse_period(p.key) == p
    assert parse_period(p.label_zh()) == p
