"""Recorded values (观测值): value, standing, comment, where it came from, who and when."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from planmonitor.domain.periods import Period


class Standing(StrEnum):
    """How final a value is: official statistics arrive late and are revised."""

    ESTIMATE = "预计"
    PRELIMINARY = "初步"
    FINAL = "正式"

    @classmethod
    def parse(cls, text: str) -> Standing:
        """Read 预计/初步/正式 or estimate/preliminary/final; ValueError naming the choices."""
        t = (text or "").strip().lower()
        for s in cls:
            if t in (s.value, s.name.lower()):
                return s
        raise ValueError(f"数据状态“{text}”无法识别：应为 预计、初步 或 正式")

    @property
    def english(self) -> str:
        """estimate / preliminary / final."""
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value came from: typed in, or file + sheet + cell of an import."""

    kind: str = "manual"  # manual | import | demo | cli
    file: str = ""
    file_hash: str = ""
    sheet: str = ""
    cell: str = ""

    def describe(self) -> str:
        """Human-readable origin: "手工录入" or "报表.xlsx Sheet1!D7"."""
        if self.kind == "import" and self.file:
            where = f"{self.sheet}!{self.cell}" if self.sheet else self.cell
            return f"{self.file} {where}".strip()
        return {"manual": "手工录入", "cli": "命令行录入", "demo": "演示数据"}.get(
            self.kind, self.kind
        )


@dataclass(frozen=True, slots=True)
class Observation:
    """One recorded value of one indicator, region and period.

    Attributes:
        value: the value (``None`` where only numerator and denominator are known yet).
        numerator, denominator: the parts of a ratio indicator, where known.
        superseded_at: when a later record replaced this one (``None`` for the current value).
        version: the stored row's id — what an edit based on this value names as its base.
    """

    indicator: str
    region: str
    period: Period
    value: float | None
    standing: Standing = Standing.PRELIMINARY
    comment: str = ""
    source: Source = Source()
    numerator: float | None = None
    denominator: float | None = None
    recorded_by: str = ""
    recorded_at: datetime | None = None
    superseded_at: datetime | None = None
    version: int | None = field(default=None, compare=False)

    @property
    def is_current(self) -> bool:
        """True unless a later record superseded this one."""
        return self.superseded_at is None


class Series:
    """The current values of one indicator in one region, by period (plain data for the engine)."""

    __slots__ = ("_items",)

    def __init__(
        self, values: Mapping[Period, float] | Iterable[tuple[Period, float]] = ()
    ) -> None:
        items = values.items() if isinstance(values, Mapping) else values
        self._items: list[tuple[Period, float]] = sorted(items, key=lambda pv: pv[0].sort_key)

    @classmethod
    def presorted(cls, items: list[tuple[Period, float]]) -> Series:
        """A series over ``items`` already in period order (kept, not copied: do not change it)."""
        series = cls.__new__(cls)
        series._items = items
        return series

    def upto(self, period: Period) -> Series:
        """The values of periods ending at or before ``period`` (a status as of a quarter uses
        nothing later: domain §5); ``self`` when there is nothing later."""
        items, limit = self._items, period.moment
        end = len(items)
        while end and items[end - 1][0].moment > limit:
            end -= 1
        return self if end == len(items) else Series.presorted(items[:end])

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._items)

    def items(self) -> list[tuple[Period, float]]:
        """(period, value) pairs, oldest first."""
        return list(self._items)

    def at(self, period: Period) -> float | None:
        """The value recorded for exactly the moment of ``period`` (annual Y ≡ Y-Q4)."""
        items, moment = self._items, period.moment
        i = len(items)
        while i:  # from the newest: the periods asked about are mostly recent
            i -= 1
            p, v = items[i]
            if p.moment == moment:
                return v  # annual sorts after Q4, so it wins
            if p.moment < moment:
                return None
        return None

    def latest(
        self, at_or_before: Period, year_end_only: bool = False
    ) -> tuple[Period, float] | None:
        """The latest value at or before ``at_or_before``; only year-end values if asked."""
        items, limit = self._items, at_or_before.moment
        i = len(items)
        while i:
            i -= 1
            item = items[i]
            p = item[0]
            if p.moment <= limit and (not year_end_only or p.month is None or p.month == 12):
                return item
        return None

    def year_end(self, year: int) -> float | None:
        """The value for the whole of ``year`` (annual, or the Q4 / December value)."""
        return self.at(Period.annual(year))

    def year_ends(self, until: int | None = None) -> dict[int, float]:
        """Year → year-end value, for the years that have one."""
        out: dict[int, float] = {}
        for p, v in self._items:
            if (p.month is None or p.month == 12) and (until is None or p.year <= until):
                out[p.year] = v
        return out
