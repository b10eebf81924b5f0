"""Issue 10 §1–8 and §11 at the engine: tolerance, revisions per form, staleness, counts."""

from __future__ import annotations

from datetime import date

import pytest

from planmonitor.domain.formatting import Light, fmt_num, zh_amount
from planmonitor.domain.indicator import (
    EVEN,
    Q4_BATCH,
    Cadence,
    Comparator,
    Indicator,
    Milestone,
    Nature,
    PlanError,
    ReleaseProfile,
    Target,
    TargetForm,
)
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.revision import revised_due, revised_target
from planmonitor.domain.schedule import build_schedule
from planmonitor.domain.staleness import is_stale, release_quarters
from planmonitor.domain.status import evaluate


def _ind(**kw) -> Indicator:
    base = dict(code="x", name="x", unit="家", baseline_year=2020, target_year=2025, decimals=0)
    base.update(kw)
    return Indicator(**base)


def test_approx_tolerance_applies_once_the_schedule_has_reached_the_target() -> None:
    # the path reaches 3.0 at the 2023 milestone: from then on, 2.7 is within ±0.5
    ind = _ind(
        unit="%",
        decimals=2,
        baseline=2.0,
        target=Target(
            TargetForm.LEVEL,
            comparator=Comparator.APPROX,
            value=3.0,
            milestones=(Milestone(2023, 3.0),),
        ),
    )
    st = evaluate(ind, Series({Period.quarter(2024, 2): 2.7}), Period.quarter(2024, 2))
    assert st.expected == pytest.approx(3.0)
    assert st.light is Light.GREEN
    early = evaluate(ind, Series({Period.quarter(2022, 4): 2.3}), Period.quarter(2022, 4))
    assert early.light is Light.RED  # 2.3 against 2.67 due: behind, tolerance or not


def test_revised_target_keeps_every_form() -> None:
    level = _ind(
        target=Target(TargetForm.LEVEL, milestones=(Milestone(2020, 75), Milestone(2025, 180)))
    )
    t = revised_target(level, 200)
    assert t.milestones == (Milestone(2020, 75),) and t.value == 200
    assert build_schedule(level.with_target(t)).points == ((2020, 75), (2025, 200))
    inc = _ind(baseline=2499, target=Target(TargetForm.INCREASE, value=4000, increase=1501))
    assert revised_target(inc, 1701).increase == 1701
    assert inc.with_target(revised_target(inc, 1701)).final_target() == 4200
    assert revised_target(inc, 4300, final=True).increase == 1801
    pts = _ind(unit="%", baseline=32, target=Target(TargetForm.POINTS, value=42, rate=2))
    assert pts.with_target(revised_target(pts, 2.5)).final_target() == pytest.approx(44.5)
    cagr = _ind(unit="亿元", baseline=100, target=Target(TargetForm.CAGR, rate=10))
    assert revised_target(cagr, 8).rate == 8
    assert revised_target(cagr, 200, final=True).rate == pytest.approx((2**0.2 - 1) * 100)
    quota = _ind(unit="项", target=Target(TargetForm.QUOTA, value=30), nature=Nature.FLOW)
    assert (
        revised_target(quota, 35).value == 35 and revised_target(quota, 35).text == "每年不少于35项"
    )
    ms = _ind(unit="", target=Target(TargetForm.MILESTONE, due=date(2021, 12, 31), text="进入A类"))
    assert revised_due(ms, date(2022, 6, 30)).due == date(2022, 6, 30)
    with pytest.raises(PlanError):
        revised_target(ms, 1)
    with pytest.raises(PlanError):
        revised_target(_ind(target=Target(TargetForm.INCREASE, increase=5)), 10, final=True)


def test_staleness_follows_the_release_profile() -> None:
    assert release_quarters(Q4_BATCH) == {4}
    assert release_quarters(EVEN) == {1, 2, 3, 4}
    assert release_quarters(ReleaseProfile((0, 0, 0.5, 1))) == {3, 4}
    batch = _ind(
        baseline=1,
        target=Target(TargetForm.LEVEL, value=2),
        cadence=Cadence.BATCH,
        profile=Q4_BATCH,
    )
    q4 = Period.quarter(2022, 4)
    assert not is_stale(batch, q4, Period.quarter(2023, 2))
    assert not is_stale(batch, q4, Period.quarter(2023, 4))  # one quarter's grace, as before
    assert is_stale(batch, q4, Period.quarter(2024, 1))
    even = _ind(baseline=1, target=Target(TargetForm.LEVEL, value=2))
    assert not is_stale(even, Period.quarter(2023, 1), Period.quarter(2023, 2))
    assert is_stale(even, q4, Period.quarter(2023, 2))


def test_counts_round_half_up_and_keep_the_exact_value() -> None:
    assert fmt_num(2482.5, 0, "家") == "2483"
    assert zh_amount(2482.5, 0, "家") == "2483家"
    assert zh_amount(87.96, 2, "亿元") == "87.96亿元"
    assert fmt_num(2.5, 2, "件") == "2.50"  # 每万人口发明专利 is not a whole count
