"""Columns (or rows) headed with a ratio indicator's parts: 研发经费 and 地区生产总值 beside 强度.

A plan's ratio indicators name their numerator and denominator (``ratio = {numerator =
"全社会研发经费支出（亿元）", denominator = "地区生产总值（亿元）"}``). Those names are matched like
indicator names, under a part code ``01#numerator`` that carries the part's own unit (亿元, not
the ratio's %), and after reading every sheet :func:`attach_parts` turns the part values into the
numerator and denominator of the ratio's value for the same region and period — one value per
(indicator, region, period), created where the file gives only the parts. The ratio itself is
computed by the import (services), which knows the scale.
"""

from __future__ import annotations

from dataclasses import replace

from planmonitor.domain.plan import Plan
from planmonitor.exchange.tables.cellvalues import CellNumber
from planmonitor.exchange.tables.found import FoundValue
from planmonitor.exchange.tables.names import Method, NameMatch
from planmonitor.exchange.tables.units import find_unit

SEPARATOR = "#"
ROLES = ("numerator", "denominator")


def part_code(code: str, role: str) -> str:
    """The matcher code of one part: ``01#numerator``."""
    return f"{code}{SEPARATOR}{role}"


def split_part(code: str | None) -> tuple[str, str] | None:
    """(indicator code, role) of a part code; ``None`` for an indicator's own code."""
    if code is None or SEPARATOR not in code:
        return None
    base, _, role = code.rpartition(SEPARATOR)
    return (base, role) if role in ROLES else None


def part_entries(plan: Plan) -> list[tuple[str, str]]:
    """(part code, part name) of every ratio indicator's numerator and denominator."""
    out = []
    for ind in plan.indicators:
        if ind.ratio is not None:
            out.append((part_code(ind.code, "numerator"), ind.ratio.numerator))
            out.append((part_code(ind.code, "denominator"), ind.ratio.denominator))
    return out


def part_units(plan: Plan) -> dict[str, str]:
    """Part code → the unit its name states (亿元 in 地区生产总值（亿元）), "" where none."""
    return {code: find_unit(name) or "" for code, name in part_entries(plan)}


def _without_part_candidates(v: FoundValue) -> FoundValue:
    m = v.match
    kept = tuple(c for c in m.candidates if split_part(c.code) is None)
    if len(kept) == len(m.candidates):
        return v
    method = m.method if kept or m.code is not None else Method.NONE
    best = kept[0].confidence if kept else 0.0
    confidence = m.confidence if m.code is not None else min(best, m.confidence)
    return replace(v, match=replace(m, method=method, confidence=confidence, candidates=kept))


def attach_parts(values: list[FoundValue], names: dict[str, str]) -> list[FoundValue]:
    """Fold part values into their ratio's value; ``names``: indicator code → name."""
    out: list[FoundValue] = []
    parts: dict[tuple[str, str | None, int | None], dict[str, FoundValue]] = {}
    for v in values:
        m = v.match
        found = split_part(m.code) if m.code is not None and SEPARATOR in m.code else None
        if found is None:
            out.append(_without_part_candidates(v) if m.candidates else v)
            continue
        code, role = found
        if v.number.missing:
            continue
        period = v.period.sort_key if v.period is not None else None
        parts.setdefault((code, v.region, period), {})[role] = v
    if not parts:
        return out
    index = {
        (v.match.code, v.region, v.period.sort_key if v.period else None): i
        for i, v in enumerate(out)
        if v.match.code is not None
    }
    for key, given in parts.items():
        num, den = given.get("numerator"), given.get("denominator")
        first = num or den
        assert first is not None
        problem = next((p.problem for p in (num, den) if p is not None and p.problem), "")
        numerator = num.value if num is not None else None
        denominator = den.value if den is not None else None
        i = index.get(key)
        if i is not None:
            out[i] = replace(
                out[i],
                problem=out[i].problem or problem,
                numerator=numerator,
                denominator=denominator,
            )
            continue
        code = key[0]
        name = names.get(code, code)
        out.append(
            replace(
                first,
                label=name,
                match=NameMatch(name, code, Method.EXACT, 1.0),
                number=CellNumber(None),
                value=None,
                problem=problem,
                numerator=numerator,
                denominator=denominator,
            )
        )
    return out
