"""Key-task progress (重点任务推进情况): per task and quarter a state, what was done, what next.

Plain data and rules (督查督办台账 practice: 牵头单位, 进展, 三色, 销号). History is kept like
values: a new record for the same task and quarter supersedes the old one, which stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from planmonitor.domain.periods import Period


class TaskProgressError(ValueError):
    """Task progress that cannot be recorded; the message says what was expected."""


class TaskState(StrEnum):
    """How far a task has got in a quarter."""

    NOT_STARTED = "未启动"
    IN_PROGRESS = "推进中"
    DONE = "已完成"
    LAGGING = "滞后"

    @classmethod
    def parse(cls, text: str) -> TaskState:
        """Read 未启动/推进中/已完成/滞后 or not_started/in_progress/done/lagging."""
        t = (text or "").strip().lower()
        for s in cls:
            if t in (s.value, s.name.lower()):
                return s
        choices = "、".join(s.value for s in cls)
        raise TaskProgressError(f"任务状态“{text}”无法识别：应为{choices}")

    @property
    def symbol(self) -> str:
        """A mark that goes with the word (never colour alone)."""
        return {"未启动": "○", "推进中": "●", "已完成": "✔", "滞后": "■"}[self.value]


@dataclass(frozen=True, slots=True)
class Attachment:
    """Evidence attached to a progress record: name, size and SHA-256 (content kept in store)."""

    name: str
    size: int
    sha256: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class TaskProgress:
    """One task's progress in one quarter.

    Attributes:
        task: the task's code.
        quarter: the quarter (a quarter-end :class:`Period`).
        text: 进展情况; reason: why it lags (情况说明, required for 滞后); next_step: 下一步.
        superseded_at: when a later record replaced this one (``None`` for the current one).
    """

    task: str
    quarter: Period
    state: TaskState
    text: str
    next_step: str = ""
    reason: str = ""
    attachments: tuple[Attachment, ...] = ()
    source: str = ""
    recorded_by: str = ""
    recorded_at: datetime | None = None
    superseded_at: datetime | None = None

    @property
    def is_current(self) -> bool:
        """True unless a later record superseded this one."""
        return self.superseded_at is None

    def same_content(self, other: TaskProgress) -> bool:
        """True when recording ``other`` would change nothing."""
        return (self.state, self.text, self.next_step, self.reason) == (
            other.state,
            other.text,
            other.next_step,
            other.reason,
        )


def validate_progress(p: TaskProgress) -> TaskProgress:
    """``p`` with its texts trimmed; :class:`TaskProgressError` naming what is wrong."""
    q = p.quarter
    if q.is_annual or not q.is_quarter_end:
        raise TaskProgressError(f"任务{p.task}：报告期“{q.key}”应为季度，如2024Q3")
    text, nxt, reason = p.text.strip(), p.next_step.strip(), p.reason.strip()
    if not text and p.state is not TaskState.NOT_STARTED:
        raise TaskProgressError(f"任务{p.task}：缺少进展情况")
    if p.state is TaskState.LAGGING and not reason:
        raise TaskProgressError(f"任务{p.task}：状态为滞后时须说明原因（情况说明）")
    limits = (("进展情况", text, 4000), ("下一步", nxt, 2000), ("原因", reason, 2000))
    for label, value, limit in limits:
        if len(value) > limit:
            raise TaskProgressError(f"任务{p.task}：{label}超过{limit}字")
    return TaskProgress(
        p.task,
        q,
        p.state,
        text,
        nxt,
        reason,
        p.attachments,
        p.source,
        p.recorded_by,
        p.recorded_at,
        p.superseded_at,
    )
