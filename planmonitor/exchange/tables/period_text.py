"""Periods inside header and title text, as offices write them.

"2024年1—9月完成值", "2024年第三季度", "三季度", "1-9月", "2023年底", "截至2024年9月末",
"前三季度", "上半年", a date cell (2024-09-30) or a bare year (2024). A text naming two different
years ("2020—2025年") names a span, not a period.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from planmonitor.domain.periods import Period, PeriodError

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_DASH = re.compile(r"[-—–~～〜―─]+|至|到")
_YEAR = r"((?:19|20|21)\d{2})"
_MONTH = r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"


@dataclass(frozen=True, slots=True)
class PeriodHint:
    """A period found in text; ``year`` is ``None`` where the text gave only the months."""

    year: int | None
    month: int | None  # None: the whole year
    bare_year: bool = False  # only a year ("2024年"): clear as a column head, vague as a title

    def period(self, default_year: int | None) -> Period | None:
        """The period, taking ``default_year`` where the text had none."""
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        try:
            return Period(year, self.month)
        except PeriodError:
            return None


def _month(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_CN[text[1]] if len(text) > 1 else 0)
    return _CN[text]


def _prepare(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"\s+", "", t)
    return _DASH.sub("-", t)


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_YEAR + r"[-/.]" + r"(1[0-2]|0?[1-9])[-/.]\d{1,2}(?!\d)"), "ym"),  # a date
    (re.compile(_YEAR + r"年(1[0-2]|0?[1-9])月\d{1,2}日"), "ym"),
    (re.compile(_YEAR + r"年?(?:1|一)月?-" + _MONTH + r"月"), "ym"),
    (re.compile(_YEAR + r"年?(?:第|前)?([一二三四1-4])季度?(?!度)"), "yq"),
    (re.compile(_YEAR + r"-?[Qq]([1-4])"), "yq"),
    (re.compile(_YEAR + r"年?前三季度"), "y9"),
    (re.compile(_YEAR + r"年?上半年"), "y6"),
    (re.compile(_YEAR + r"年" + _MONTH + r"月(?:份|底|末|止)?"), "ym"),
    (re.compile(_YEAR + r"[-/.](1[0-2]|0[1-9])(?!\d)"), "ym"),
    (re.compile(_YEAR + r"年(全年|年度|年底|年末|年报|底|末|度)?"), "y"),
    (re.compile(r"(?<!\d)(?:1|一)月?-" + _MONTH + r"月"), "m"),
    (re.compile(r"(?:第|前)?([一二三四1-4])季度"), "q"),
    (re.compile(r"前三季度"), "9"),
    (re.compile(r"上半年"), "6"),
    (re.compile(r"(?<![\d-])" + _MONTH + r"月(?:份|底|末)"), "m"),
]


def find_period(text: str) -> PeriodHint | None:
    """The period ``text`` names, or ``None`` (also for a span of two years)."""
    t = _prepare(text)
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)", t)}
    if len(years) > 1:
        return None
    for pattern, kind in _PATTERNS:
        m = pattern.search(t)
        if m is None:
            continue
        g = m.groups()
        if kind == "ym":
            return PeriodHint(int(g[0]), _month(g[1]))
        if kind == "yq":
            q = _month(g[1]) if not g[1].isdigit() else int(g[1])
            # "前三季度" is 1—9月 as well; "第三季度" ends in September
            return PeriodHint(int(g[0]), 3 * q)
        if kind == "y9":
            return PeriodHint(int(g[0]), 9)
        if kind == "y6":
            return PeriodHint(int(g[0]), 6)
        if kind == "y":
            return PeriodHint(int(g[0]), None, bare_year=not g[1])
        year = years.pop() if years else None  # "1-9月" under a "2024年" heading
        if kind == "m":
            return PeriodHint(year, _month(g[0]))
        if kind == "q":
            return PeriodHint(year, 3 * _month(g[0]))
        return PeriodHint(year, int(kind))
    return None


def period_of_cell(value: object) -> PeriodHint | None:
    """A period from a header cell: a date, a bare year number, or text."""
    if isinstance(value, datetime | date):
        return PeriodHint(value.year, value.month)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1990 <= value <= 2100:
            return PeriodHint(int(value), None, bare_year=True)
        return None
    if isinstance(value, str):
        return find_period(value)
    return None


def find_year(text: str) -> int | None:
    """The one year ``text`` names (2024年, 2024), or ``None`` for none or several."""
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)", _prepare(text))}
    return years.pop() if len(years) == 1 else None
