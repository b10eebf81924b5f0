"""Reading values out of a free table: indicators down a column (with periods, regions or
measures across) or along a header row (with regions or periods down).

Every value carries its cell. A value whose indicator, period, region or unit is uncertain is
still reported — with its problem — so that the user sees it; it is never imported on a guess.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.exchange.sheets.grid import SheetGrid
from planmonitor.exchange.tables.cellvalues import read_number
from planmonitor.exchange.tables.column_heads import Head, cached_period, read_head
from planmonitor.exchange.tables.found import Finding, FoundValue, Where
from planmonitor.exchange.tables.header_words import (
    Role,
    column_role,
    is_footnote,
    is_total,
    is_whole,
    says_value,
)
from planmonitor.exchange.tables.layout import (
    Anchors,
    Layout,
    _hit_weight,
    find_axis,
    header_paths,
    is_context_row,
    is_numberish,
    row_texts,
    text_of,
)
from planmonitor.exchange.tables.names import Method, NameMatch
from planmonitor.exchange.tables.sheet_context import SheetContext
from planmonitor.exchange.tables.units import scaled

NO_MATCH = NameMatch("", None, Method.NONE, 0.0)


@functools.lru_cache(maxsize=256)
def _standing(text: str) -> Standing | None:
    try:
        return Standing.parse(text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Col:
    col: int
    head: Head


@dataclass(frozen=True, slots=True)
class _DownSpec:
    """The columns of a table with indicators down a column (fixed for the sheet)."""

    label_col: int
    values: tuple[_Col, ...]
    code_col: int | None
    region_col: int | None
    period_col: int | None
    unit_col: int | None
    standing_col: int | None
    comment_col: int | None  # only with a single value column


_UNSEEN = "\x00unseen"  # not looked up yet
_TOTAL = "\x00total"  # a region cell that says 合计


class TableReader:
    """Reads one sheet that is not one of our fill-in workbooks."""

    def __init__(self, grid: SheetGrid, ctx: SheetContext) -> None:
        self.grid = grid
        self.ctx = ctx
        self.anchors = Anchors(grid)
        self.width = grid.width
        self.values: list[FoundValue] = []
        self.findings: list[Finding] = []
        self.layout: Layout | None = None
        self._plain_labels: set[str] = set()  # labels known to be neither totals nor notes
        self._matches: dict[tuple[str, str], NameMatch] = {}  # (label, code cell) → match
        self._row_regions: dict[str, str | None] = {}  # region cell → code (or _TOTAL)

    def read(self) -> None:
        """Fill :attr:`values` and :attr:`findings`."""
        axis = find_axis(self.grid, self.anchors, self.ctx.base_indicators)
        if axis is None:
            axis = self._name_column()
        if axis is None:
            if any(is_numberish(v) for row in self.grid.rows[:200] for v in row):
                self._note(f"工作表“{self.grid.name}”中没有找到本规划的指标名称，未读取", "warning")
            return
        across, index = axis
        if across:
            self._across(index)
        else:
            self._down(index)

    # -- helpers ------------------------------------------------------------------------------
    def _note(self, message: str, level: str = "note", where: Where | None = None) -> None:
        self.findings.append(Finding(level, message, where, self.grid.name))

    def _where(self, r: int, c: int) -> Where:
        return Where(self.grid.name, r, c)

    def _name_column(self) -> tuple[bool, int] | None:
        for r in range(min(len(self.grid.rows), 30)):
            for c, v in enumerate(self.grid.rows[r]):
                if isinstance(v, str) and column_role(v) is Role.NAME:
                    return False, c
        return None

    def _has_numbers(self, r: int, skip: int) -> bool:
        row = self.grid.rows[r] if r < len(self.grid.rows) else []
        return any(is_numberish(v) for c, v in enumerate(row) if c != skip and v != "")

    def _zone(self, data_start: int, label_col: int | None) -> tuple[list[int], list[str]]:
        """Header rows and context texts above ``data_start``; with indicators down
        ``label_col``, a row with texts only up to that column is a section heading."""
        header_rows: list[int] = []
        context: list[str] = []
        for r in range(data_start):
            texts = row_texts(self.grid, self.anchors, r, self.width)
            if not texts:
                continue
            if is_context_row(texts):
                context.extend(texts)
            elif label_col is None or row_texts(
                self.grid, self.anchors, r, self.width, label_col + 1
            ):
                header_rows.append(r)
        return header_rows, context

    # -- indicators down a column -------------------------------------------------------------
    def _down(self, label_col: int) -> None:
        g, ind = self.grid, self.ctx.base_indicators
        first = next(
            (r for r in range(len(g.rows)) if _hit_weight(ind, self.anchors.text(r, label_col))),
            None,
        )
        if first is None:  # only a 指标名称 header: every name is unknown
            first = (
                next(
                    (
                        r
                        for r in range(len(g.rows))
                        if column_role(self.anchors.text(r, label_col)) is Role.NAME
                    ),
                    -1,
                )
                + 1
            )
        start = first
        while (
            start > 0
            and self.anchors.text(start - 1, label_col)
            and self._has_numbers(start - 1, label_col)
            and column_role(self.anchors.text(start - 1, label_col)) is Role.OTHER
        ):
            start -= 1
        header_rows, context = self._zone(start, label_col)
        paths = header_paths(g, self.anchors, header_rows, self.width, label_col + 1)
        layout = Layout(False, label_col, start, header_rows, context, paths)
        self.layout = layout
        self.ctx.begin_sheet(g.name, layout)
        cols = self._columns_down(layout)
        values = [c for c in cols if c.head.role is Role.VALUE]
        roles = {c.head.role: c.col for c in reversed(cols)}
        if not values:
            self._note(f"工作表“{g.name}”中没有找到数值列（如“2024年1—9月”“完成值”），未读取")
            return
        for c in cols:
            if c.head.role is Role.OTHER and c.head.text and self._column_has_numbers(c.col, start):
                self._note(
                    f"“{g.name}”第 {c.col + 1} 列（表头“{c.head.text}”）含义不明，未读取", "warning"
                )
        spec = _DownSpec(
            label_col,
            tuple(values),
            roles.get(Role.CODE),
            roles.get(Role.REGION),
            roles.get(Role.PERIOD),
            roles.get(Role.UNIT),
            roles.get(Role.STANDING),
            roles.get(Role.COMMENT) if len(values) == 1 else None,
        )
        self._down_rows(start, spec)

    def _column_has_numbers(self, c: int, start: int) -> bool:
        rows = self.grid.rows
        return any(
            c < len(rows[r]) and is_numberish(rows[r][c])
            for r in range(start, min(len(rows), start + 200))
        )

    def _columns_down(self, layout: Layout) -> list[_Col]:
        out = []
        regions = self.ctx.regions
        for c in range(self.width):
            if c == layout.label_col:
                continue
            head = read_head(layout.paths.get(c, []), None, regions, self.ctx.root)
            if head.role is Role.OTHER and not head.text:
                head = self._head_by_content(c, layout.data_start)
            out.append(_Col(c, head))
        if not layout.header_rows:  # no headers: the single column of numbers is the value
            numeric = [c for c in out if self._column_has_numbers(c.col, layout.data_start)]
            if len(numeric) == 1 and numeric[0].head.role is Role.OTHER:
                out[out.index(numeric[0])] = _Col(numeric[0].col, Head(Role.VALUE))
        return out

    def _head_by_content(self, c: int, start: int) -> Head:
        rows = self.grid.rows
        sample = [
            text_of(rows[r][c])
            for r in range(start, min(len(rows), start + 30))
            if c < len(rows[r]) and rows[r][c] != ""
        ]
        if len(sample) >= 2:
            if sum(1 for t in sample if cached_period(t)) >= 0.8 * len(sample):
                return Head(Role.PERIOD)
            if sum(1 for t in sample if self.ctx.regions.match(t).sure or is_whole(t)) >= 0.8 * len(
                sample
            ):
                return Head(Role.REGION)
        return Head(Role.OTHER)

    def _down_rows(self, start: int, spec: _DownSpec) -> None:
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
                        f"第 {r + 1} 行为注释，未读取：{first_text[:30]}", where=self._where(r, 0)
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
                        f"第 {r + 1} 行“{region_label}”为合计行，未读取",
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
                standing = _standing(standing_text)
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
                number = read_number(
                    row[c] if c < n else None, bool(percent) and (r, c) in percent, qualitative
                )
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
                self._note(
                    f"第 {r + 1} 行为注释，未读取：{first_text[:30]}", where=self._where(r, 0)
                )
            else:
                self._note(
                    f"第 {r + 1} 行有数值但没有指标名称，未读取",
                    "warning",
                    self._where(r, label_col),
                )
            return False
        if is_footnote(label):
            self._note(
                f"第 {r + 1} 行为注释，未读取：{label[:30]}", where=self._where(r, label_col)
            )
            return False
        if is_total(label) or is_whole(label):
            self._note(f"第 {r + 1} 行“{label}”为合计行，未读取", where=self._where(r, label_col))
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

    # -- indicators along a header row --------------------------------------------------------
    def _across(self, header_row: int) -> None:
        g, ind = self.grid, self.ctx.base_indicators
        hits = [c for c in range(self.width) if _hit_weight(ind, self.anchors.text(header_row, c))]
        if not hits:  # (find_axis reads the same texts; kept as a guard)
            self._note(f"工作表“{g.name}”第 {header_row + 1} 行没有可识别的指标名称，未读取")
            return
        first_ind = min(hits)
        start = header_row + 1
        while start < len(g.rows) and not (
            any(text_of(g.value(start, c)) for c in range(first_ind))
            and self._has_numbers(start, -1)
        ):
            start += 1
        header_rows, context = self._zone(start, None)
        paths = header_paths(g, self.anchors, header_rows, self.width, first_ind)
        label_col = self._label_col(first_ind, start)
        layout = Layout(True, label_col, start, header_rows, context, paths)
        self.layout = layout
        self.ctx.begin_sheet(g.name, layout)
        cols = []
        for c in range(first_ind, self.width):
            head = read_head(paths.get(c, []), self.ctx.indicators, self.ctx.regions, self.ctx.root)
            if head.total:
                continue
            if head.role is Role.OTHER and head.text and self._column_has_numbers(c, start):
                head = Head(
                    Role.VALUE,
                    (head.text, self.ctx.indicators.match(head.text)),
                    head.region,
                    head.region_label,
                    head.period,
                    head.unit,
                    head.standing,
                    False,
                    head.text,
                )
            if head.role is Role.VALUE and head.indicator is not None:
                cols.append(_Col(c, head))
        period_col = next(
            (
                c
                for c in range(first_ind)
                if c != label_col and self._head_by_content(c, start).role is Role.PERIOD
            ),
            None,
        )
        for r in range(start, len(g.rows)):
            self._across_row(r, label_col, period_col, cols)

    def _label_col(self, first_ind: int, start: int) -> int:
        best, best_hits = max(0, first_ind - 1), -1
        rows = self.grid.rows
        for c in range(first_ind):
            hits = 0
            for r in range(start, min(len(rows), start + 100)):
                t = text_of(rows[r][c]) if c < len(rows[r]) else ""
                if t and (self.ctx.regions.match(t).sure or is_whole(t) or cached_period(t)):
                    hits += 1
            if hits > best_hits:
                best, best_hits = c, hits
        return best

    def _across_row(self, r: int, label_col: int, period_col: int | None, cols: list[_Col]) -> None:
        row = self.grid.rows[r]
        label = self.anchors.text(r, label_col)
        if not any(v.col < len(row) and row[v.col] != "" for v in cols):
            return
        if is_footnote(label) or (not label and is_footnote(text_of(row[0]) if row else "")):
            self._note(f"第 {r + 1} 行为注释，未读取", where=self._where(r, label_col))
            return
        if is_total(label):
            self._note(f"第 {r + 1} 行“{label}”为合计行，未读取", where=self._where(r, label_col))
            return
        row_period = (
            cached_period(self._cell_text(r, period_col)) if period_col is not None else None
        )
        region: str | None = self.ctx.context_region
        if not label:
            self._note(
                f"第 {r + 1} 行有数值但没有地区或期间，未读取", "warning", self._where(r, label_col)
            )
            return
        if is_whole(label):
            region = self.ctx.root
        elif (m := self.ctx.regions.match(label)).sure:
            region = m.code
        elif (hint := cached_period(label)) is not None:
            row_period = hint
        elif column_role(label) is Role.EXCLUDED:
            return
        elif not says_value(label):
            region = self.ctx.region_code(label)
        for v in cols:
            assert v.head.indicator is not None
            text, match = v.head.indicator
            self._emit(
                r,
                v.col,
                text,
                match,
                v.head,
                row_period,
                v.head.region if v.head.region is not None else region,
                label,
                "",
                "",
                "",
            )

    # -- one value ----------------------------------------------------------------------------
    def _emit(
        self,
        r: int,
        c: int,
        label: str,
        match: NameMatch,
        head: Head,
        row_period: object,
        region: str | None,
        region_label: str,
        row_unit: str,
        standing_text: str,
        comment: str,
    ) -> None:
        g, ctx = self.grid, self.ctx
        row = g.rows[r]
        raw = row[c] if c < len(row) else None
        code = match.code
        number = read_number(
            raw, (r, c) in g.percent_cells, code is not None and code in ctx.qualitative
        )
        period, problem, assumed = ctx.resolve_period(head.period, row_period)
        value, unit_problem = ctx.scale(code, number, row_unit, label, head.unit)
        standing: Standing | None = head.standing or ctx.context_standing
        if standing_text:
            standing = _standing(standing_text)
            if standing is None:
                problem = problem or f"数据状态“{standing_text}”无法识别（应为 预计、初步 或 正式）"
        if region is None and not problem:
            problem = f"地区“{region_label}”无法识别"
        self.values.append(
            FoundValue(
                Where(g.name, r, c),
                label,
                match,
                period,
                region,
                region_label,
                number,
                value,
                standing,
                comment,
                problem or unit_problem,
                r in g.hidden_rows or c in g.hidden_cols,
                ctx.layout_key,
                period_assumed=assumed,
            )
        )
