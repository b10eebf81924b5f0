"""Rolling sub-units up (domain §4): counts add, ratios from parts, gaps are not totals."""

from __future__ import annotations

import pytest

from planmonitor.domain.indicator import Indicator, RatioSpec, Target, TargetForm
from planmonitor.domain.periods import Period
from planmonitor.domain.rollup import Part, can_roll_up, roll_up

Q2, Q3 = Period.quarter(2024, 2), Period.quarter(2024, 3)


def ind(unit: str = "家", ratio: RatioSpec | None = None, form=TargetForm.LEVEL) -> Indicator:
    return Indicator(
        code="x",
        name="x",
        unit=unit,
        baseline_year=2020,
        target_year=2025,
        target=Target(form, value=1, rate=10),
        ratio=ratio,
    )


def test_counts_add_and_a_missing_unit_makes_the_period_incomplete() -> None:
    units = {"城关镇": {Q2: Part(40), Q3: Part(45)}, "园区": {Q2: Part(60)}}
    r = roll_up(ind(), units)
    assert r.values == {Q2: 100}
    assert r.incomplete == {Q3: ("园区",)}  # never shown as a smaller total of 45


def test_a_ratio_is_recomputed_from_added_parts_not_averaged() -> None:
    intensity = ind("%", RatioSpec("R&D经费", "GDP", 100))
    units = {"甲县": {Q3: Part(1.0, 1.0, 100.0)}, "乙县": {Q3: Part(3.0, 27.0, 900.0)}}
    r = roll_up(intensity, units)
    assert r.values[Q3] == pytest.approx(2.8)  # 28 / 1000, not the average 2.0
    no_parts = {"甲县": {Q3: Part(1.0)}, "乙县": {Q3: Part(3.0)}}
    # a ratio without its parts cannot be added: the sub-unit is named as lacking them
    assert roll_up(intensity, no_parts).incomplete == {Q3: ("甲县分子分母", "乙县分子分母")}
    mixed = {"甲县": {Q3: Part(1.0, 1.0, 100.0)}, "乙县": {}}
    assert roll_up(intensity, mixed).incomplete == {Q3: ("乙县",)}


def test_shares_and_rates_without_parts_are_not_added() -> None:
    assert not can_roll_up(ind("%"))
    assert not can_roll_up(ind("%", form=TargetForm.GROWTH_RATE))
    assert roll_up(ind("%"), {"甲": {Q3: Part(1.0)}}).values == {}
