"""What recognition finds in a workbook: values with their cell, and messages — plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan
from planmonitor.exchange.sheets.grid import cell_ref
from planmonitor.exchange.tables.cellvalues import CellNumber
from planmonitor.exchange.tables.names import NameMatch


@dataclass(slots=True)
class Where:
    """A cell: sheet and 0-based row and column; shown as Sheet1!D7."""

    sheet: str
    row: int
    col: int

    @property
    def cell(self) -> str:
        """ "D7"."""
        return cell_ref(self.row, self.col)

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


@dataclass(slots=True)
class FoundValue:
    """One value cell and what it is about.

    Attributes:
        label: the indicator as the file names it; match: what it matched.
        period: the period, ``None`` where the file does not say.
        period_assumed: the file names no period for this value: ``period`` is the default the
            user gave (``Catalog.default_period``).
        region: region code (``None`` when the region label is not known); region_label as written.
        number: the cell read as a number; value: scaled to the indicator's unit.
        problem: why this value cannot be imported as it stands ("" if it can).
        hidden: the cell is in a hidden row or column.
        layout: the fingerprint of the sheet's layout (for remembered mappings).
        numerator, denominator: a ratio indicator's parts, where the file gives them.
    """

    where: Where
    label: str
    match: NameMatch
    period: Period | None
    region: str | None
    region_label: str
    number: CellNumber
    value: float | None
    standing: Standing | None = None
    comment: str = ""
    problem: str = ""
    hidden: bool = False
    layout: str = ""
    from_template: bool = False
    numerator: float | None = None
    denominator: float | None = None
    period_assumed: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """A message about the file: ``level`` is error, warning or note."""

    level: str
    message: str
    where: Where | None = None
    sheet: str = ""


@dataclass
class Catalog:
    """What recognition needs to know about the plan, as plain data.

    Attributes:
        plan: the plan (indicators, regions).
        remembered: layout fingerprint → {("indicator"|"region", normalised label): code}.
        answers: the user's answers for this import, same keys (apply to every layout).
        default_period: used where the file names no period (``--period``).
    """

    plan: Plan
    remembered: dict[str, dict[tuple[str, str], str]] = field(default_factory=dict)
    answers: dict[tuple[str, str], str] = field(default_factory=dict)
    default_period: Period | None = None


@dataclass
class Extraction:
    """Everything found in one file."""

    file: str
    file_hash: str
    kind: str
    values: list[FoundValue] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    template_plan: str | None = None
    sheets_read: list[str] = field(default_factory=list)
