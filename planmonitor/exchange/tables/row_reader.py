"""Reading the rows of a free table once its columns are known: the row-by-row part of
:class:`~planmonitor.exchange.tables.reader.TableReader`, and the notes it makes.

With indicators down a column, what each describing cell (name, code, region, period, unit,
standing) says is worked out once per distinct text — a sheet of 100,000 rows names a few
dozen indicators, regions and periods — and only the value cells are read one by one.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.values import MAX_MAGNITUDE
from planmonitor.exchange.sheets.grid import SheetGrid
from planmonitor.exchange.tables.cellvalues import CellNumber, read_number
from planmonitor.exchange.tables.column_heads import Head, cached_period
from planmonitor.exchange.tables.found import Finding, FoundValue, Where
from planmonitor.exchange.tables.header_words import is_footnote, is_total, is_whole
from planmonitor.exchange.tables.layout import Anchors, text_of
from planmonitor.exchange.tables.names import NameMatch
from planmonitor.exchange.tables.sheet_context import SheetContext
from planmonitor.exchange.tables.units import scaled


@functools.lru_cache(maxsize=256)
def parse_standing(text: str) -> Standing | None:
    """预计 / 初步 / 正式 as a standing; ``None`` when the text is none of them."""
    try:
        return Standing.parse(text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Col:
    """A value (or describing) column and its head."""

    col: int
    head: Head


@dataclass(frozen=True, slots=True)
class DownSpec:
    """The columns of a table with indicators down a column (fixed for the sheet)."""

    label_col: int
    values: tuple[Col, ...]
    code_col: int | None
    region_col: int | None
    period_col: int | None
    unit_col: int | None
    standing_col: int | None
    comment_col: int | None  # only with a single value column


_UNSEEN = "\x00unseen"  # not looked up yet
_TOTAL = "\x00total"  # a region cell that says 合计


class RowReader:
    """The rows of one sheet: values found and notes made (``values``, ``findings``)."""

    def __init__(self, grid: SheetGrid, ctx: SheetContext) -> None:
        self.grid = grid
        self.ctx = ctx
        self.anchors = Anchors(grid)
        self.values: list[FoundValue] = []
        self.findings: list[Finding] = []
        self._plain_labels: set[str] = set()  # labels known to be neither totals nor notes
        self._matches: dict[tuple[str, str], NameMatch] = {}  # (label, code cell) → match
        self._row_regions: dict[str, str | None] = {}  # region cell → code (or _TOTAL)

    def _note(self, message: str, level: str = "note", where: Where | None = None) -> None:
        self.findings.append(Finding(level, message, where, self.grid.name))

    def _where(self, r: int, c: int) -> Where:
        return Where(self.grid.name, r, c)

    def _down_rows(self, start: int, spec: DownSpec) -> None:
        """Every row from ``start``: what a describing cell (name, code, region, period, unit,
        standing) says is worked out once per distinct text, then each value cell is read."""
        g, ctx, anchors = self.grid, self.ctx, self.anchors
        cell = self._cell_text
        label_col, values = spec.label_col, spec.values
        code_col, region_col, period_col = spec.code_col, spec.region_col, spec.period_col
        unit_col, standing_col, comment_col = spec.unit_col, spec.standing_col, spec.comment_col
        plain, matches, regions = self._plain_labels, self._matches, self._row_regions
        periods: dict[tuple[int, str], tuple[Period | None, str, bool]] = {}
        factors: dict[tuple[str, str, str, str, int], tuple[Decimal | None, str]] = {}
        qualitative_codes, context_region = ctx.qualitative, ctx.context_region
        context_standing, layout_key = ctx.context_standing, ctx.layout_key
        percent, hidden_rows, hidden_cols = g.percent_cells, g.hidden_rows, g.hidden_cols
        append, name = self.values.append, g.name
        for r in range(start, len(g.rows)):
            row = g.rows[r]
            n = len(row)
            label = row[label_col] if label_col < n else ""
            label = label.strip() if isinstance(label, str) else text_of(label)
            if not label and (r, label_col) in anchors.map:
                label = anchors.text(r, label_col)
            for v in values:
                if v.col < n and row[v.col] != "":
                    break
            else:  # no value in the row: a section heading, a note or an empty row
                first_text = next((text_of(x) for x in row if text_of(x)), "")
                if first_text and is_footnote(first_text):
                    self._note(
                        f"第{r + 1}行为注释，未读取：{first_text[:30]}", where=self._where(r, 0)
                    )
                continue
            if label not in plain and not self._plain_label(r, label_col, label, row):
                continue
            code_text = cell(r, code_col) if code_col is not None else ""
            match = matches.get((label, code_text))
            if match is None:
                match = matches[(label, code_text)] = ctx.indicator_match(label, code_text)
            region: str | None = context_region
            region_label = ""
            if region_col is not None:
                x = row[region_col] if region_col < n else ""
                region_label = x.strip() if type(x) is str and x else cell(r, region_col)
                region = regions.get(region_label, _UNSEEN)
                if region is _UNSEEN:
                    region = regions[region_label] = (
                        _TOTAL if is_total(region_label) else ctx.region_code(region_label)
                    )
                if region is _TOTAL:
                    self._note(
                        f"第{r + 1}行“{region_label}”为合计行，未读取",
                        where=self._where(r, region_col),
                    )
                    continue
            period_text = ""
            if period_col is not None:
                x = row[period_col] if period_col < n else ""
                period_text = x.strip() if type(x) is str and x else cell(r, period_col)
            row_unit = ""
            if unit_col is not None:
                x = row[unit_col] if unit_col < n else ""
                row_unit = x.strip() if type(x) is str and x else cell(r, unit_col)
            standing_text = cell(r, standing_col) if standing_col is not None else ""
            standing: Standing | None = None
            standing_problem = ""
            if standing_text:
                standing = parse_standing(standing_text)
                if standing is None:
                    standing_problem = (
                        f"数据状态“{standing_text}”无法识别（应为 预计、初步 或 正式）"
                    )
            comment = cell(r, comment_col) if comment_col is not None else ""
            code = match.code
            qualitative = code is not None and code in qualitative_codes
            hidden_row = r in hidden_rows
            for v in values:
                c, head = v.col, v.head
                x = row[c] if c < n else None
                if (  # read_number's fast case inline: a double as a person typed it
                    type(x) is float
                    and not percent
                    and -MAX_MAGNITUDE <= x <= MAX_MAGNITUDE
                    and len(spelt := repr(x)) <= 15  # no binary noise to drop
                ):
                    number = CellNumber(x, "", None, str(int(x)) if x.is_integer() else spelt)
                else:
                    number = read_number(x, bool(percent) and (r, c) in percent, qualitative)
                resolved = periods.get((c, period_text))
                if resolved is None:
                    row_period = cached_period(period_text) if period_col is not None else None
                    resolved = periods[(c, period_text)] = ctx.resolve_period(
                        head.period, row_period
                    )
                period, problem, assumed = resolved
                value, unit_problem = number.value, ""
                if code is not None and value is not None and not qualitative:
                    fkey = (code, number.unit, row_unit, label, c)
                    found = factors.get(fkey)
                    if found is None:
                        found = factors[fkey] = ctx.unit_factor(
                            code, number.unit, row_unit, label, head.unit
                        )
                    factor, unit_problem = found
                    if factor is None:
                        value = None
                    elif factor != 1:
                        value = scaled(value, factor)
                if standing_problem:
                    problem = problem or standing_problem
                col_region = head.region if head.region is not None else region
                col_region_label = head.region_label or region_label
                if col_region is None and not problem:
                    problem = f"地区“{col_region_label}”无法识别"
                append(
                    FoundValue(
                        Where(name, r, c),
                        label,
                        match,
                        period,
                        col_region,
                        col_region_label,
                        number,
                        value,
                        standing if standing_text else (head.standing or context_standing),
                        comment,
                        problem or unit_problem,
                        hidden_row or c in hidden_cols,
                        layout_key,
                        False,
                        None,
                        None,
                        assumed,
                    )
                )

    def _plain_label(self, r: int, label_col: int, label: str, row: Sequence[object]) -> bool:
        """False (with a note) for rows that carry no indicator: notes, totals, unnamed rows."""
        if not label:
            first_text = next((text_of(v) for v in row if isinstance(v, str) and v.strip()), "")
            if first_text and is_footnote(first_text):
                self._note(f"第{r + 1}行为注释，未读取：{first_text[:30]}", where=self._where(r, 0))
            else:
                self._note(
                    f"第{r + 1}行有数值但没有指标名称，未读取",
                    "warning",
                    self._where(r, label_col),
                )
            return False
        if is_footnote(label):
            self._note(f"第{r + 1}行为注释，未读取：{label[:30]}", where=self._where(r, label_col))
            return False
        if is_total(label) or is_whole(label):
            self._note(f"第{r + 1}行“{label}”为合计行，未读取", where=self._where(r, label_col))
            return False
        self._plain_labels.add(label)
        return True

    def _cell_text(self, r: int, c: int | None) -> str:
        if c is None:
            return ""
        row = self.grid.rows[r]
        v = row[c] if c < len(row) else ""
        if type(v) is str and v:
            return v.strip()
        if v == "" and (r, c) in self.anchors.map:
            return self.anchors.text(r, c)
        return v.strip() if isinstance(v, str) else text_of(v)
