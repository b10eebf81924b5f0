"""The eight worked examples of domain.md §5, through the engine's functions."""

from __future__ import annotations

import pytest

from planmonitor.domain.formatting import Light
from planmonitor.domain.indicator import (
    EVEN,
    Q4_BATCH,
    Cadence,
    Indicator,
    Milestone,
    Nature,
    Target,
    TargetForm,
)
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.status import evaluate


def _ind(**kw) -> Indicator:
    base = dict(code="x", name="x", unit="家", baseline_year=2020, target_year=2025, decimals=0)
    base.update(kw)
    return Indicator(**base)


def high_tech(profile=Q4_BATCH) -> Indicator:
    return _ind(
        name="高新技术企业数量",
        baseline=795,
        target=Target(TargetForm.LEVEL, value=1300),
        cadence=Cadence.BATCH,
        profile=profile,
    )


def test_example_1_batch_profile_holds_last_year_end():
    st = evaluate(high_tech(), Series({Period.quarter(2023, 3): 990}), Period.quarter(2023, 3))
    assert st.expected == pytest.approx(997)
    assert st.progress == pytest.approx(195 / 202)
    assert round(st.progress * 100, 1) == 96.5
    assert st.light is Light.YELLOW
    assert "序时目标997家" in st.explanation_zh and "96.5%" in st.explanation_zh


def test_example_1_even_profile_is_red():
    st = evaluate(high_tech(EVEN), Series({Period.quarter(2023, 3): 990}), Period.quarter(2023, 3))
    assert st.expected == pytest.approx(1072.75)
    assert round(st.progress * 100, 1) == 70.2
    assert st.light is Light.RED


def test_example_2_cagr_annual_published_late():
    ind = _ind(
        unit="亿元",
        decimals=2,
        baseline=21.87,
        cadence=Cadence.ANNUAL_LATE,
        target=Target(TargetForm.CAGR, rate=10),
    )
    series = Series({Period.annual(2023): 28.00, Period.quarter(2024, 2): 15.0})
    st = evaluate(ind, series, Period.quarter(2024, 3))
    assert st.data_period == Period.annual(2023)
    assert st.expected == pytest.approx(21.87 * 1.1**3)
    assert round(st.progress * 100, 1) == 84.7
    assert st.light is Light.RED
    assert round(st.realised_rate, 1) == 8.6
    assert "2023年" in st.explanation_zh and "8.6%" in st.explanation_zh
    assert not st.stale


def test_example_3_milestones_without_baseline():
    ind = _ind(
        baseline_year=2019,
        cadence=Cadence.BATCH,
        profile=Q4_BATCH,
        target=Target(TargetForm.LEVEL, milestones=(Milestone(2020, 75), Milestone(2025, 180))),
    )
    st = evaluate(ind, Series({Period.quarter(2024, 2): 131}), Period.quarter(2024, 2))
    assert st.expected == pytest.approx(138)
    assert st.progress == pytest.approx(56 / 63)
    assert st.light is Light.RED


def test_example_4_annual_quota_even_profile():
    ind = _ind(
        unit="项",
        target=Target(TargetForm.QUOTA, value=30),
        nature=Nature.FLOW,
        cadence=Cadence.CUMULATIVE_FLOW,
        baseline_year=2019,
    )
    st = evaluate(ind, Series({Period.quarter(2024, 2): 14}), Period.quarter(2024, 2))
    assert st.expected == pytest.approx(15)
    assert round(st.progress * 100, 1) == 93.3
    assert st.light is Light.YELLOW


def test_example_5_zero_baseline():
    ind = _ind(
        baseline=0,
        target=Target(TargetForm.LEVEL, value=5),
        cadence=Cadence.BATCH,
        profile=Q4_BATCH,
    )
    st = evaluate(ind, Series({Period.quarter(2024, 1): 2}), Period.quarter(2024, 1))
    assert st.expected == pytest.approx(3)
    assert round(st.progress * 100, 1) == 66.7
    assert st.light is Light.RED


def test_example_6_flow_against_this_years_target():
    ind = _ind(
        unit="亿元",
        decimals=1,
        baseline=68.2,
        target=Target(TargetForm.LEVEL, value=150),
        nature=Nature.FLOW,
        cadence=Cadence.CUMULATIVE_FLOW,
    )
    st = evaluate(ind, Series({Period.quarter(2023, 3): 80.0}), Period.quarter(2023, 3))
    assert st.year_target == pytest.approx(117.28)
    assert st.expected == pytest.approx(87.96)
    assert round(st.progress * 100, 1) == 91.0
    assert st.light is Light.YELLOW
    assert "2023年1—9月完成80.0亿元" in st.explanation_zh


def test_example_7_cumulative_increase():
    ind = _ind(unit="%", decimals=1, baseline=14.4, target=Target(TargetForm.INCREASE, increase=10))
    assert ind.final_target() == pytest.approx(24.4)


def test_example_8_growth_rate_indicator():
    ind = _ind(
        unit="%",
        decimals=1,
        baseline=3.4,
        cadence=Cadence.ANNUAL_LATE,
        target=Target(TargetForm.GROWTH_RATE, rate=12),
    )
    series = Series({Period.annual(2021): 13.0, Period.annual(2022): 11.5})
    st = evaluate(ind, series, Period.quarter(2023, 4))
    assert st.progress == pytest.approx(0.25995 / 0.2544, rel=1e-4)
    assert round(st.progress * 100, 1) == 102.2
    assert round(st.realised_rate, 1) == 12.2
    assert st.light is Light.GREEN
