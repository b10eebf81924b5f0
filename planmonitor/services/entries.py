"""What is recorded: one value to record (:class:`Entry`), what any entry-like record offers
(:class:`EntryFields`, from the CLI, the entry grid or an import), and what recording did
(:class:`RecordOutcome`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from planmonitor.domain.observation import Source, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.text import clean_text
from planmonitor.services.stale import CURRENT_BASE


@dataclass(frozen=True)
class Entry:
    """One value to record (from the command line, the entry grid or an import).

    A ratio indicator (one whose plan defines ``ratio = {numerator, denominator, scale}``) may
    be recorded by its parts: give ``numerator`` and ``denominator`` and leave ``value`` as
    ``None`` — the ratio numerator / denominator × scale is computed and stored with them, and
    sub-regions recorded this way roll up by adding the parts. A value given together with the
    parts must agree with them (to the indicator's decimals). Parts for an indicator that is no
    ratio, one part without the other, or a denominator that is not above zero are refused with
    a :class:`UserError` naming the indicator, and nothing is written.
    """

    code: str
    period: Period
    value: float | None
    region: str | None = None
    standing: Standing = Standing.PRELIMINARY
    comment: str = ""
    numerator: float | None = None
    denominator: float | None = None
    source: Source = Source()
    # The version (row id) of the value this edit was based on; None: based on no value;
    # CURRENT_BASE: whatever is current when it is written. A stale base is refused.
    base: int | None = CURRENT_BASE

    def __post_init__(self) -> None:
        # Text enters here from every path (CLI, entry grid, import): no control characters.
        if self.comment:
            object.__setattr__(self, "comment", clean_text(self.comment).text)


class SourceFields(Protocol):
    """Where a value came from, as :meth:`ObservationService.record_many` reads it
    (:class:`Source`, or a bulk writer's own light object)."""

    @property
    def kind(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def file_hash(self) -> str: ...
    @property
    def sheet(self) -> str: ...
    @property
    def cell(self) -> str: ...


class EntryFields(Protocol):
    """What :meth:`ObservationService.record_many` reads of an entry: an :class:`Entry`, or a
    bulk writer's own light object with the same fields (its comment already clean)."""

    @property
    def code(self) -> str: ...
    @property
    def period(self) -> Period: ...
    @property
    def value(self) -> float | None: ...
    @property
    def region(self) -> str | None: ...
    @property
    def standing(self) -> Standing: ...
    @property
    def comment(self) -> str: ...
    @property
    def numerator(self) -> float | None: ...
    @property
    def denominator(self) -> float | None: ...
    @property
    def source(self) -> SourceFields: ...
    @property
    def base(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """What recording did: ``kind`` is new, changed or unchanged; ``previous`` the old value;
    ``version`` the current row's id afterwards (batches of up to 1,000 values)."""

    kind: str
    entry: EntryFields
    previous: float | None = None
    version: int | None = None
