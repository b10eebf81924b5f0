"""The quarterly round as plain rules: closed quarters (锁定) and who has reported (报送情况)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from planmonitor.domain.indicator import Cadence, Indicator, TargetForm
from planmonitor.domain.periods import Period

NO_UNIT = "（未指定责任单位）"


def asked_period(ind: Indicator, quarter: Period) -> Period:
    """The period a quarter's round asks for: the quarter, or last year for statistics
    published late (the fill-in workbook's row and 报送情况 use the same)."""
    if ind.cadence is Cadence.ANNUAL_LATE and ind.target.form is not TargetForm.MILESTONE:
        return Period.annual(quarter.year - 1)
    return quarter


def quarter_of(period: Period) -> tuple[int, int]:
    """(year, quarter) a value's period belongs to; an annual value belongs to the fourth."""
    if period.month is None:
        return period.year, 4
    return period.year, (period.month - 1) // 3 + 1


@dataclass(frozen=True, slots=True)
class QuarterEvent:
    """Closing or reopening one quarter of a plan (history, never deleted)."""

    year: int
    quarter: int
    action: str  # "close" | "reopen"
    reason: str = ""
    by: str = ""
    at: datetime | None = None

    @property
    def period(self) -> Period:
        """The quarter as a period."""
        return Period.quarter(self.year, self.quarter)

    def describe(self) -> str:
        """One line for the history: 2024-10-15 09:30 张三 锁定（本季度报送完成）."""
        when = self.at.strftime("%Y-%m-%d %H:%M") if self.at else ""
        what = "锁定" if self.action == "close" else "重新打开"
        why = f"（{self.reason}）" if self.reason else ""
        return " ".join(x for x in (when, self.by, f"{what}{self.period.label_zh()}{why}") if x)


def closed_quarters(events: Iterable[QuarterEvent]) -> dict[tuple[int, int], QuarterEvent]:
    """The quarters whose latest event is a close, with that event (events oldest first)."""
    latest: dict[tuple[int, int], QuarterEvent] = {}
    for e in events:
        latest[(e.year, e.quarter)] = e
    return {k: e for k, e in latest.items() if e.action == "close"}


def lock_reason(event: QuarterEvent) -> str:
    """Why an edit of a closed quarter is refused, and what to do instead."""
    when = f"于{event.at:%Y-%m-%d}" if event.at else ""
    who = f"由{event.by}" if event.by else ""
    return (
        f"{event.period.label_zh()}已{when}{who}锁定（本季度报送完成），不能修改；"
        "如需更正（含正式统计数据替换初步数），请先重新打开该季度并说明原因"
    )


@dataclass(frozen=True, slots=True)
class Item:
    """One indicator or task a unit answers for in a quarter."""

    kind: str  # "indicator" | "task"
    code: str
    name: str
    period: Period


@dataclass(slots=True)
class UnitReport:
    """What one responsible unit has and has not sent for a quarter."""

    unit: str
    done: list[Item] = field(default_factory=list)
    missing: list[Item] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when nothing is missing."""
        return not self.missing

    def reminder(self, quarter: Period, plan_title: str) -> str:
        """A 催报 text to copy into a message."""
        inds = [i for i in self.missing if i.kind == "indicator"]
        tasks = [i for i in self.missing if i.kind == "task"]
        parts = []
        if inds:
            parts.append("指标：" + "；".join(f"{i.code} {i.name}" for i in inds))
        if tasks:
            parts.append("重点任务进展：" + "；".join(f"{i.code} {i.name}" for i in tasks))
        return (
            f"{self.unit}：《{plan_title}》{quarter.label_zh()}监测数据尚缺"
            f"{len(self.missing)}项（" + "，".join(parts) + "），请尽快报送。"
        )


def who_has_reported(
    indicators: Sequence[tuple[str, str, tuple[str, ...], Period]],
    tasks: Sequence[tuple[str, str, tuple[str, ...]]],
    quarter: Period,
    have_values: set[tuple[str, Period]],
    have_progress: set[str],
) -> list[UnitReport]:
    """Per unit, which of its indicators and tasks are filled for ``quarter`` and which are not.

    ``indicators`` are (code, name, units, asked period), ``tasks`` (code, title, units);
    ``have_values`` the (code, period) with a current value, ``have_progress`` the task codes
    with progress recorded for the quarter. Units keep the order they first appear in.
    """
    reports: dict[str, UnitReport] = {}

    def unit_reports(units: tuple[str, ...]) -> list[UnitReport]:
        return [reports.setdefault(u, UnitReport(u)) for u in (units or (NO_UNIT,))]

    for code, name, units, period in indicators:
        item = Item("indicator", code, name, period)
        filled = (code, period) in have_values
        for r in unit_reports(units):
            (r.done if filled else r.missing).append(item)
    for code, title, units in tasks:
        item = Item("task", code, title, quarter)
        filled = code in have_progress
        for r in unit_reports(units):
            (r.done if filled else r.missing).append(item)
    return list(reports.values())


def share_reported(reports: Sequence[UnitReport]) -> tuple[int, int]:
    """(filled, asked) over distinct items: an item shared by several units counts once."""
    filled: set[tuple[str, str]] = set()
    asked: set[tuple[str, str]] = set()
    for r in reports:
        for i in r.done:
            filled.add((i.kind, i.code))
            asked.add((i.kind, i.code))
        for i in r.missing:
            asked.add((i.kind, i.code))
    return len(filled), len(asked)
