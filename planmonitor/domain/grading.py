"""Grading progress into a light, shared by the status rules."""

from __future__ import annotations

from planmonitor.domain.formatting import Light
from planmonitor.domain.indicator import Comparator, Indicator
from planmonitor.domain.plan import StatusSettings
from planmonitor.domain.schedule import Schedule
from planmonitor.domain.status_result import Status

EPS = 1e-12


def fill(st: Status, **changes: object) -> Status:
    """Fill fields of the status being built."""
    for name, value in changes.items():
        setattr(st, name, value)
    return st


def light_for(progress: float, ind: Indicator, settings: StatusSettings) -> Light:
    """Green at P ≥ green threshold, yellow at P ≥ yellow threshold, else red."""
    th = settings.thresholds_for(ind)
    if progress >= th.green - EPS:
        return Light.GREEN
    if progress >= th.yellow - EPS:
        return Light.YELLOW
    return Light.RED


def graded(ind: Indicator, st: Status, p: float, settings: StatusSettings) -> Status:
    """The light for progress ``p``.

    A 左右 target's tolerance judges a value against the target itself only: where the
    schedule has already reached the target, a value within the tolerance is on schedule;
    before that, a value behind the schedule is behind, whatever the tolerance.
    """
    light = light_for(p, ind, settings)
    if (
        ind.target.comparator is Comparator.APPROX
        and st.expected is not None
        and st.actual is not None
        and st.target is not None
        and abs(st.expected - st.target) <= EPS * max(1.0, abs(st.target))
    ):
        tol = settings.tolerance_for(ind)
        if abs(st.actual - st.target) <= tol + EPS:
            light = Light.GREEN
    return fill(st, progress=p, light=light)


def direct(ind: Indicator, actual: float, expected: float) -> float | None:
    """Compare A with E directly: A/E for ≥, E/A for ≤."""
    if ind.target.comparator is Comparator.LE:
        return expected / actual if abs(actual) > EPS else (1.0 if expected >= 0 else None)
    return actual / expected if abs(expected) > EPS else (1.0 if actual >= 0 else None)


def is_ceiling(ind: Indicator, sched: Schedule) -> bool:
    """A ≤ target whose baseline is already within it (不超过10% from 8%)."""
    return ind.target.comparator is Comparator.LE and sched.end_value >= sched.start_value


def realised_rate(b: float, a: float, years: float) -> float | None:
    """The average yearly growth from ``b`` to ``a`` over ``years``, in %."""
    if b <= 0 or a <= 0 or years <= 0:
        return None
    return float(((a / b) ** (1 / years) - 1) * 100)
