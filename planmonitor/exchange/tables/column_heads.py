"""What one column's (or, across, one row's) header texts say, part by part."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from planmonitor.domain.observation import Standing
from planmonitor.exchange.tables.header_words import (
    Role,
    column_role,
    is_excluded,
    is_total,
    is_whole,
    says_value,
    standing_in,
)
from planmonitor.exchange.tables.names import NameMatch, NameMatcher
from planmonitor.exchange.tables.period_text import PeriodHint, find_period
from planmonitor.exchange.tables.units import find_unit, is_unit


@functools.lru_cache(maxsize=20000)
def cached_period(text: str) -> PeriodHint | None:
    """:func:`find_period`, cached (headers and period columns repeat)."""
    return find_period(text)


@dataclass(frozen=True, slots=True)
class Head:
    """The meaning of a header path.

    Attributes:
        role: the column's role (VALUE for value columns).
        indicator: the part naming an indicator and its match (only where names run across).
        region: a region code named in the header ("*" for 全市), region_label the text.
        period: the period named; unit, standing: as named in the header.
        total: the header is 合计/总计.
        text: the whole path joined, for messages.
    """

    role: Role
    indicator: tuple[str, NameMatch] | None = None
    region: str | None = None
    region_label: str = ""
    period: PeriodHint | None = None
    unit: str = ""
    standing: Standing | None = None
    total: bool = False
    text: str = ""


def read_head(
    path: list[str],
    indicators: NameMatcher | None,
    regions: NameMatcher,
    root: str,
) -> Head:
    """Classify a header path; ``indicators`` is given where indicator names may appear in it."""
    text = " / ".join(path)
    if not path:
        return Head(Role.OTHER, text=text)
    indicator: tuple[str, NameMatch] | None = None
    rest: list[str] = []
    region: str | None = None
    region_label = ""
    for part in path:
        if indicators is not None and indicator is None and not is_unit(part):
            m = indicators.match(part)
            if m.sure or (
                m.candidates
                and m.confidence >= 0.6
                and column_role(part) is Role.OTHER
                and not cached_period(part)
            ):
                indicator = (part, m)
                continue
        if is_whole(part):
            region, region_label = root, part
            continue
        rm = regions.match(part)
        if rm.sure and not cached_period(part):
            region, region_label = rm.code, part
            continue
        rest.append(part)
    joined = "".join(rest)
    unit = find_unit(text) or ""
    standing = standing_in(joined)
    total = any(is_total(p) for p in rest)
    if any(is_excluded(p) for p in rest):
        return Head(
            Role.EXCLUDED, indicator, region, region_label, None, unit, standing, total, text
        )
    role = Role.OTHER
    for part in rest:
        r = column_role(part)
        if r not in (Role.OTHER, Role.EXCLUDED):
            role = r
    if role is not Role.OTHER and role is not Role.VALUE:
        return Head(role, indicator, region, region_label, None, unit, standing, total, text)
    period = cached_period(joined) if joined else None
    if period is not None or says_value(joined) or indicator is not None or region is not None:
        role = Role.VALUE
    return Head(role, indicator, region, region_label, period, unit, standing, total, text)
