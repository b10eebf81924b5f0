"""Rolling sub-units' values up to their region (domain §4).

Counts and flows add; a ratio is recomputed from the added numerators and denominators, never
averaged. A period where a sub-unit is missing is not summed: it is reported as incomplete rather
than shown as a smaller total. A sub-unit that reported a ratio without its parts is named as
lacking them ("运河区分子分母"), not as missing. Rates and shares without parts cannot be added
and are not rolled up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from planmonitor.domain.indicator import Indicator, TargetForm
from planmonitor.domain.periods import Period


@dataclass(frozen=True, slots=True)
class Part:
    """One sub-unit's value for one period (with numerator/denominator where recorded)."""

    value: float | None
    numerator: float | None = None
    denominator: float | None = None


@dataclass(frozen=True)
class RollUp:
    """Rolled-up values, and the periods that could not be summed with the sub-units missing."""

    values: dict[Period, float]
    incomplete: dict[Period, tuple[str, ...]]

    @staticmethod
    def without_parts(name: str) -> str:
        """How a sub-unit that gave a ratio without numerator and denominator is listed."""
        return f"{name}分子分母"


def can_roll_up(ind: Indicator) -> bool:
    """Whether values of sub-units add up to the region's: counts, amounts and ratios with parts."""
    if ind.target.form in (TargetForm.GROWTH_RATE, TargetForm.MILESTONE):
        return False
    return ind.ratio is not None or not ind.is_percent


def roll_up(ind: Indicator, units: Mapping[str, Mapping[Period, Part]]) -> RollUp:
    """Sum ``units`` (sub-unit name → its values by period) for ``ind``."""
    if not can_roll_up(ind) or not units:
        return RollUp({}, {})
    periods = sorted({p for values in units.values() for p in values})
    values: dict[Period, float] = {}
    incomplete: dict[Period, tuple[str, ...]] = {}
    for period in periods:
        parts = {name: v.get(period) for name, v in units.items()}
        missing = tuple(
            name if part is None or part.value is None else RollUp.without_parts(name)
            for name, part in parts.items()
            if part is None or _empty(ind, part)
        )
        if missing:
            incomplete[period] = missing
            continue
        present = [part for part in parts.values() if part is not None]
        if ind.ratio is not None:
            num = sum(p.numerator or 0.0 for p in present)
            den = sum(p.denominator or 0.0 for p in present)
            if den == 0:
                incomplete[period] = tuple(parts)
                continue
            values[period] = num / den * ind.ratio.scale
        else:
            values[period] = sum(p.value or 0.0 for p in present)
    return RollUp(values, incomplete)


def _empty(ind: Indicator, part: Part) -> bool:
    if ind.ratio is not None:
        return part.numerator is None or part.denominator is None
    return part.value is None
