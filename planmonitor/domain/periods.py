"""Periods: the quarter (or month, or whole year) a recorded value refers to.

A period is a year and the month it runs up to: ``Period(2024, 9)`` is "2024年第三季度" — the
stock at the end of September, or the flow for 1—9月. ``Period(2023, None)`` is the annual value
of 2023, which for both natures means the same moment as the Q4 value.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from functools import total_ordering

CN_DIGITS = "〇一二三四五六七八九"
QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_FULLWIDTH = str.maketrans("０１２３４５６７８９－．ＱｑＨｈ", "0123456789-.QqHh")
_DASH = r"\s*[-—–~～至到]+\s*"


class PeriodError(ValueError):
    """A period text that cannot be read; the message says what was expected."""


@total_ordering
@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: ``month`` is the last month covered, ``None`` for the annual value.

    Attributes:
        year: the calendar year.
        month: 1–12 for a year-to-date / end-of-month value, ``None`` for the year as a whole.
    """

    year: int
    month: int | None = None
    moment: int = field(init=False, repr=False, compare=False)
    sort_key: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 1900 <= self.year <= 2200:
            raise PeriodError(f"年份{self.year}不在1900—2200之间")
        if self.month is not None and not 1 <= self.month <= 12:
            raise PeriodError(f"月份{self.month}不在1—12之间")
        moment = self.year * 12 + (12 if self.month is None else self.month)
        # moment: months since year 0 at the period's end; the annual value sorts after Q4
        object.__setattr__(self, "moment", moment)
        object.__setattr__(self, "sort_key", moment * 2 + (1 if self.month is None else 0))

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def quarter(cls, year: int, q: int) -> Period:
        """The period ending with quarter ``q`` (1–4) of ``year``."""
        if not 1 <= q <= 4:
            raise PeriodError(f"季度{q}不在1—4之间")
        return cls(year, 3 * q)

    @classmethod
    def annual(cls, year: int) -> Period:
        """The annual value of ``year``."""
        return cls(year, None)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read "2024Q3", "2024年第三季度", "2024年1-9月", "2024-09", "2024年9月" or "2023"."""
        return parse_period(text)

    # -- properties ---------------------------------------------------------------------------
    @property
    def is_annual(self) -> bool:
        """True for the annual value of a year."""
        return self.month is None

    @property
    def end_month(self) -> int:
        """The last month covered: 12 for an annual value."""
        return 12 if self.month is None else self.month

    @property
    def is_quarter_end(self) -> bool:
        """True for a quarter (or annual) period, False for a month inside a quarter."""
        return self.end_month % 3 == 0

    @property
    def quarter_number(self) -> int:
        """The quarter (1–4) the period ends in."""
        return (self.end_month - 1) // 3 + 1

    @property
    def index(self) -> float:
        """Position on a time axis in years: 2024Q3 → 2024.75, annual 2023 → 2024.0."""
        return self.year + self.end_month / 12

    @property
    def end_date(self) -> date:
        """The last day of the period."""
        return date(self.year, self.end_month, calendar.monthrange(self.year, self.end_month)[1])

    @property
    def key(self) -> str:
        """A compact, sortable text form: "2024Q3", "2024M08", "2023"."""
        if self.month is None:
            return str(self.year)
        if self.month % 3 == 0:
            return f"{self.year}Q{self.month // 3}"
        return f"{self.year}M{self.month:02d}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __str__(self) -> str:
        return self.key

    # -- arithmetic -------------------------------------------------------------------------
    def same_time(self, other: Period) -> bool:
        """True when both periods end at the same moment (annual Y and Y-Q4 do)."""
        return self.moment == other.moment

    def previous_year(self) -> Period:
        """The same period one year earlier (for 同比)."""
        return Period(self.year - 1, self.month)

    def add_quarters(self, n: int) -> Period:
        """The quarter ``n`` quarters later (earlier for negative n); only for quarter periods."""
        if not self.is_quarter_end:
            raise PeriodError(f"{self.key}不是季度")
        i = self.year * 4 + self.quarter_number - 1 + n
        return Period.quarter(i // 4, i % 4 + 1)

    # -- labels -------------------------------------------------------------------------------
    def label_zh(self) -> str:
        """How an office writes it: 2024年第三季度, 2024年8月, 2023年."""
        if self.month is None:
            return f"{self.year}年"
        if self.month % 3 == 0:
            return f"{self.year}年第{CN_DIGITS[self.month // 3]}季度"
        return f"{self.year}年{self.month}月"

    def label_en(self) -> str:
        """English label: 2024 Q3, Aug 2024, 2023."""
        if self.month is None:
            return str(self.year)
        if self.month % 3 == 0:
            return f"{self.year} Q{self.month // 3}"
        return date(self.year, self.month, 1).strftime("%b %Y")

    def ytd_label_zh(self) -> str:
        """The year-to-date span: 1—9月 (全年 for an annual value, 1月 for January)."""
        if self.month is None:
            return "全年"
        return "1月" if self.month == 1 else f"1—{self.month}月"

    def ytd_label_en(self) -> str:
        """English year-to-date span: Jan–Sep."""
        if self.month is None:
            return "full year"
        first = "Jan"
        last = date(2000, self.month, 1).strftime("%b")
        return first if self.month == 1 else f"{first}–{last}"

    def label(self, lang: str = "zh") -> str:
        """The period label in ``lang`` ("zh" or "en")."""
        return self.label_en() if lang == "en" else self.label_zh()


def parse_period(text: str) -> Period:
    """Parse the period forms offices use; raise :class:`PeriodError` naming what was expected."""
    raw = text
    s = (text or "").strip().translate(_FULLWIDTH).replace(" ", "")
    if not s:
        raise PeriodError("期间为空：应为2024Q3、2024年第三季度、2024年1-9月、2024-09或2023")
    m = re.fullmatch(r"(\d{4})年?", s)
    if m:
        return Period.annual(int(m.group(1)))
    m = re.fullmatch(r"(\d{4})[-_/.]?[Qq]([1-9])", s)
    if m:
        return _quarter(raw, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})年(?:第)?([一二三四1-4])季度?", s)
    if m:
        return _quarter(raw, int(m.group(1)), QUARTER_WORDS[m.group(2)])
    m = re.fullmatch(r"(\d{4})年?[Hh]([12])|(\d{4})年?(上|下)半年", s)
    if m:
        year = int(m.group(1) or m.group(3))
        half = int(m.group(2)) if m.group(2) else (1 if m.group(4) == "上" else 2)
        return Period(year, 6 * half)
    m = re.fullmatch(rf"(\d{{4}})年(?:1|一){_DASH}(\d{{1,2}})月(?:份)?(?:累计)?", s)
    if m:
        return _month(raw, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(?:份|末|底)?", s)
    if m:
        return _month(raw, int(m.group(1)), int(m.group(2)))
    m = (
        re.fullmatch(r"(\d{4})[Mm](\d{1,2})", s)
        or re.fullmatch(r"(\d{4})[-/.](\d{1,2})", s)
        or re.fullmatch(r"(\d{4})(\d{2})", s)
    )
    if m:
        return _month(raw, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})年?(?:全年|年度|年报)", s)
    if m:
        return Period.annual(int(m.group(1)))
    raise PeriodError(
        f"无法识别的期间“{raw}”：应为2024Q3、2024年第三季度、2024年1-9月、2024-09或2023（年度值）"
    )


def _quarter(raw: str, year: int, q: int) -> Period:
    if not 1 <= q <= 4:
        raise PeriodError(f"期间“{raw}”的季度{q}不在1—4之间")
    return Period.quarter(year, q)


def _month(raw: str, year: int, month: int) -> Period:
    if not 1 <= month <= 12:
        raise PeriodError(f"期间“{raw}”的月份{month}不在1—12之间")
    return Period(year, month)
