"""The import preview as plain data a table view can show, row by row.

Each :class:`PreviewRow` is one value cell of the file (or one problem with it) with what
importing would do: new, changed (old → new), conflict (someone else's value differs),
unchanged, unsure (the indicator name needs the user's word), unknown, error, missing (blank).
:class:`Question` groups the labels the user should confirm; answers go back into
``ImportService.preview_steps(..., answers=…)`` and are remembered for that table layout.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.exchange.tables.names import Candidate


class ItemKind(StrEnum):
    """What importing a cell would do."""

    NEW = "new"
    CHANGED = "changed"
    CONFLICT = "conflict"
    UNCHANGED = "unchanged"
    UNSURE = "unsure"
    UNKNOWN = "unknown"
    ERROR = "error"
    MISSING = "missing"
    IGNORED = "ignored"

    @property
    def label_zh(self) -> str:
        """新增 / 修改 / 冲突 …"""
        return {
            "new": "新增",
            "changed": "修改",
            "conflict": "冲突",
            "unchanged": "未变",
            "unsure": "待确认",
            "unknown": "未识别",
            "error": "错误",
            "missing": "未填",
            "ignored": "已忽略",
        }[self.value]


WRITABLE = frozenset({ItemKind.NEW, ItemKind.CHANGED, ItemKind.CONFLICT})


@dataclass(slots=True)
class PreviewRow:
    """One row of the preview table.

    Attributes:
        id: position in :attr:`ImportPreview.rows` (stable while the preview lives).
        kind: what importing does with it; selected: whether :meth:`ImportService.commit_steps`
            writes it (new/changed: yes; conflicts and hidden rows only once the user ticks them).
        sheet, cell: where it is (``where`` = "Sheet1!D7").
        label: the indicator as the file names it; code/name/unit: the plan's indicator.
        period, region: what the value is for; region_name as shown.
        value: the value to write, in the indicator's unit; text: the cell as the file shows it.
        old_value, old_standing, old_source, old_by: the current value in the database, if any.
        confidence, method: how the name was matched; candidates: for unsure/unknown labels.
        message: why it is an error, unsure or hidden, in Chinese.
        hidden: the cell is in a hidden row or column.
        numerator, denominator: a ratio indicator's parts as the file gives them (``value`` is
            then computed from them).
        period_assumed: the file names no period for this value; ``period`` is the default the
            preview was given (the report quarter in the GUI, ``--period`` on the CLI).
    """

    id: int
    kind: ItemKind
    sheet: str
    cell: str
    label: str
    code: str | None = None
    name: str = ""
    unit: str = ""
    period: Period | None = None
    region: str | None = None
    region_name: str = ""
    value: float | None = None
    text: str = ""
    standing: Standing = Standing.PRELIMINARY
    comment: str = ""
    old_value: float | None = None
    old_standing: str = ""
    old_source: str = ""
    old_by: str = ""
    confidence: float = 1.0
    method: str = ""
    candidates: tuple[Candidate, ...] = ()
    message: str = ""
    hidden: bool = False
    selected: bool = False
    layout: str = ""
    numerator: float | None = None
    denominator: float | None = None
    base_version: int | None = None  # the current value's version the commit is based on
    period_assumed: bool = False

    @property
    def where(self) -> str:
        """ "Sheet1!D7"."""
        return f"{self.sheet}!{self.cell}"

    @property
    def period_label(self) -> str:
        """2024年第三季度 (or "" when unknown)."""
        return self.period.label_zh() if self.period else ""


@dataclass
class Question:
    """A label the user should confirm (or map by hand), with every cell it covers.

    Attributes:
        kind: "indicator" or "region"; label: as written; key: its normalised form (the
            answers' key is ``(kind, key)``); candidates: best guesses, most likely first.
        rows: ids of the preview rows it decides; sheet, layout: where it was seen.
    """

    kind: str
    label: str
    key: str
    candidates: tuple[Candidate, ...]
    rows: list[int] = field(default_factory=list)
    sheet: str = ""
    layout: str = ""


@dataclass(frozen=True)
class Confirmed:
    """An answer used in this preview, to remember for the table layout it was given for."""

    layout: str
    kind: str
    key: str
    code: str
    sheet: str = ""


@dataclass
class Message:
    """A message about the file or a sheet (not about one value)."""

    level: str  # error | warning | note
    message: str
    sheet: str = ""
    cell: str = ""


@dataclass
class ImportPreview:
    """Everything the user sees before accepting an import.

    Attributes:
        file: the file's name; path: where it was read; file_hash: its SHA-256.
        plan_id: the plan the values go to; template: True for one of our fill-in workbooks.
        rows: one per value cell; questions: labels to confirm; messages: about the file.
        answers: the answers this preview was made with; confirmed: where they were used
            (remembered for those layouts by ``ImportService.commit_steps``).
    """

    file: str
    path: str
    file_hash: str
    kind: str
    plan_id: str
    template: bool = False
    rows: list[PreviewRow] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    answers: dict[tuple[str, str], str] = field(default_factory=dict)
    confirmed: list[Confirmed] = field(default_factory=list)
    # task progress rows (services.import_tasks.TaskPreviewRow) of a 重点任务进展 sheet
    tasks: list[Any] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Rows per kind, every kind present (0 where none)."""
        c = Counter(r.kind.value for r in self.rows)
        return {k.value: c.get(k.value, 0) for k in ItemKind}

    def of(self, *kinds: ItemKind) -> list[PreviewRow]:
        """The rows of the given kinds."""
        return [r for r in self.rows if r.kind in kinds]

    def assumed_period(self) -> list[PreviewRow]:
        """The rows whose period the file does not name (the default period was used)."""
        return [r for r in self.rows if r.period_assumed and r.period is not None]

    def to_write(self) -> list[PreviewRow]:
        """The rows a commit writes: selected, and new, changed or conflicting."""
        return [r for r in self.rows if r.selected and r.kind in WRITABLE]

    @property
    def has_errors(self) -> bool:
        """True when a value or the file has an error."""
        return any(r.kind is ItemKind.ERROR for r in self.rows) or any(
            m.level == "error" for m in self.messages
        )
