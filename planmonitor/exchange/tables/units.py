"""Units written in headers and cells (（万元）, 单位：亿元, %) and scaling a value to the
indicator's unit: 12,345 万元 → 1.2345 亿元. Scaling is done in decimal, so no 1.2345000000000002.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

# unit → (dimension, size in the dimension's base unit)
_UNITS: dict[str, tuple[str, Decimal]] = {
    "元": ("money", Decimal(1)),
    "千元": ("money", Decimal(1000)),
    "万元": ("money", Decimal(10**4)),
    "百万元": ("money", Decimal(10**6)),
    "千万元": ("money", Decimal(10**7)),
    "亿元": ("money", Decimal(10**8)),
    "万": ("money?", Decimal(10**4)),
    "亿": ("money?", Decimal(10**8)),
    "%": ("percent", Decimal(1)),
    "个百分点": ("percent", Decimal(1)),
    "百分点": ("percent", Decimal(1)),
    "‰": ("percent", Decimal("0.1")),
    "人": ("people", Decimal(1)),
    "名": ("people", Decimal(1)),
    "位": ("people", Decimal(1)),
    "万人": ("people", Decimal(10**4)),
    "人次": ("visits", Decimal(1)),
    "万人次": ("visits", Decimal(10**4)),
}
# counting words: interchangeable (offices write 家 or 个 for the same enterprises)
COUNT_WORDS = {
    "家",
    "个",
    "件",
    "项",
    "所",
    "座",
    "台",
    "套",
    "次",
    "户",
    "批",
    "处",
    "条",
    "种",
    "篇",
}
for _w in COUNT_WORDS:
    _UNITS[_w] = ("count", Decimal(1))
KNOWN_UNITS = frozenset(_UNITS)
_BRACKETS = re.compile(r"[(\[【]([^()\[\]【】]{1,12})[)\]】]")
_UNIT_LABEL = re.compile(r"(?:计量)?单位[:：]\s*([^\s,，;；)）]{1,6})")


@functools.lru_cache(maxsize=4096)
def clean_unit(text: str) -> str:
    """NFKC, no spaces, "单位：" dropped: "（ 万元 ）" → "万元"."""
    t = unicodedata.normalize("NFKC", text or "").strip().strip("()[]【】")
    t = re.sub(r"\s+", "", t)
    return re.sub(r"^(?:计量)?单位[:：]?", "", t)


def is_unit(text: str) -> bool:
    """True for a unit this module knows."""
    return clean_unit(text) in KNOWN_UNITS


@functools.lru_cache(maxsize=8192)
def find_unit(text: str) -> str | None:
    """A unit written in ``text``: in brackets (（亿元）, (%)) or after 单位：; ``None`` if none."""
    t = unicodedata.normalize("NFKC", text or "")
    m = _UNIT_LABEL.search(t)
    if m and clean_unit(m.group(1)) in KNOWN_UNITS:
        return clean_unit(m.group(1))
    for inner in _BRACKETS.findall(t):
        u = clean_unit(inner)
        if u in KNOWN_UNITS:
            return u
    return None


@functools.lru_cache(maxsize=4096)
def scale_factor(from_unit: str, to_unit: str) -> Decimal | None:
    """The factor taking a value in ``from_unit`` to ``to_unit``; ``None`` if they don't mix.

    An empty or identical unit gives 1. 万 and 亿 alone count as 万元 and 亿元 only against
    a money unit.
    """
    a, b = clean_unit(from_unit), clean_unit(to_unit)
    if not a or not b or a == b:
        return Decimal(1)
    ua, ub = _UNITS.get(a), _UNITS.get(b)
    if ua is None or ub is None:
        return None
    da, db = ua[0].rstrip("?"), ub[0].rstrip("?")
    if da != db:
        if {da, db} == {"count", "people"} and "个" in (a, b):
            return Decimal(1)  # 个 counts anything, people too
        return None
    return ua[1] / ub[1]


def scaled(value: float, factor: Decimal) -> float:
    """``value × factor`` computed in decimal from the value's shortest spelling."""
    if factor == 1:
        return value
    try:
        return float(Decimal(repr(value)) * factor)
    except InvalidOperation:  # pragma: no cover - value is a finite float
        return value * float(factor)
