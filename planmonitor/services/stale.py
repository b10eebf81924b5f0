"""No lost update: an edit based on a value someone else changed since is refused, and the
refusal says who changed it, when, and to what ("该数值已于 10:42 被 cangxian 修改为 92.3").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from planmonitor.domain.periods import Period
from planmonitor.services.errors import UserError
from planmonitor.store.database import Database
from planmonitor.store.models import ObservationRow
from planmonitor.store.server_access import refusal_message
from planmonitor.store.server_setup import is_server

CURRENT_BASE = -1  # an edit based on whatever is current when it is written
Key = tuple[int, int, int, int]  # indicator id, region id, year, month


class _Edit(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def period(self) -> Period: ...
    @property
    def region(self) -> str | None: ...


class Race(Exception):
    """Internal: the keys whose current row was not the expected one (the transaction is
    rolled back; :func:`stale_error` then finds out who changed what)."""

    def __init__(self, plan_id: str, edits: Sequence[tuple[_Edit, Key, int | None]]) -> None:
        super().__init__(plan_id)
        self.plan_id = plan_id
        self.edits = edits


@dataclass(frozen=True)
class Change:
    """What the other user did to the value: now ``value`` (None: withdrawn), by, at."""

    code: str
    period: Period
    region: str | None
    value: float | None
    by: str
    at: datetime | None
    version: int | None


class StaleEdit(UserError):
    """An edit whose base is no longer the current value; nothing was written."""

    def __init__(self, message: str, change: Change | None) -> None:
        super().__init__(message)
        self.change = change


def is_current_clash(exc: IntegrityError) -> bool:
    """True when the unique index of current values refused a second current row."""
    text = str(exc.orig)
    return "ix_observations_current" in text or "UNIQUE constraint failed: observations" in text


def when_text(at: datetime | None, today: date | None = None) -> str:
    """10:42 today, else 11月3日 10:42 (a year before this one: 2025年11月3日 10:42)."""
    if at is None:
        return "刚才"
    today = today or date.today()
    clock = at.strftime("%H:%M")
    if at.date() == today:
        return clock
    if at.year == today.year:
        return f"{at.month}月{at.day}日 {clock}"
    return f"{at.year}年{at.month}月{at.day}日 {clock}"


def _num(value: float | None) -> str:
    return "—" if value is None else format(value, ".15g")


def change_sentence(c: Change) -> str:
    """该数值已于 10:42 被 cangxian 修改为 92.3 (or …撤回)."""
    who = f"被“{c.by}”" if c.by else "被他人"
    if c.value is None and c.version is None:
        return f"该数值已于{when_text(c.at)}{who}撤回"
    return f"该数值已于{when_text(c.at)}{who}修改为{_num(c.value)}"


def stale_error(db: Database, race: Race) -> UserError:
    """The refusal for ``race``, naming the first value that changed under the edit.

    Where none changed, a server's row-level security hid the row from the conditional UPDATE
    (an approved, locked quarter): that refusal is explained instead.
    """
    with db.session() as s:
        for edit, (ind, reg, year, month), expected in race.edits:
            rows = s.execute(
                select(ObservationRow)
                .where(
                    ObservationRow.indicator_id == ind,
                    ObservationRow.region_id == reg,
                    ObservationRow.year == year,
                    ObservationRow.month == month,
                )
                .order_by(ObservationRow.id.desc())
            ).scalars()
            latest = list(rows)
            now = next((r for r in latest if r.superseded_at is None), None)
            if now is not None and now.id == expected:
                continue
            if now is None and expected is None:
                continue
            if now is not None:
                change = Change(
                    edit.code,
                    edit.period,
                    edit.region,
                    now.value,
                    now.recorded_by,
                    now.recorded_at,
                    now.id,
                )
            else:
                last = latest[0] if latest else None
                change = Change(
                    edit.code,
                    edit.period,
                    edit.region,
                    None,
                    "",
                    last.superseded_at if last else None,
                    None,
                )
            where = f"指标{edit.code}，{edit.period.label_zh()}"
            if edit.region not in (None, "", "*"):
                where += f"（{edit.region}）"
            return StaleEdit(
                f"{where}：{change_sentence(change)}；未写入任何数值，请重新载入后再修改",
                change,
            )
        if is_server(s.connection()):
            return UserError(refusal_message(db, [edit for edit, _key, _base in race.edits]))
    return StaleEdit("数据库中的数值刚被他人修改；未写入任何数值，请重新载入后再修改", None)
