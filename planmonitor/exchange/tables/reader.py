"""Reading values out of a free table: indicators down a column (with periods, regions or
measures across) or along a header row (with regions or periods down).

Every value carries its cell. A value whose indicator, period, region or unit is uncertain is
still reported — with its problem — so that the user sees it; it is never imported on a guess.
"""

from __future__ import annotations

from planmonitor.domain.observation import Standing
from planmonitor.exchange.sheets.grid import SheetGrid
from planmonitor.exchange.tables.cellvalues import read_number
from planmonitor.exchange.tables.column_heads import Head, cached_period, read_head
from planmonitor.exchange.tables.found import FoundValue, Where
from planmonitor.exchange.tables.header_words import (
    Role,
    column_role,
    is_footnote,
    is_total,
    is_whole,
    says_value,
)
from planmonitor.exchange.tables.layout import (
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
from planmonitor.exchange.tables.row_reader import Col, DownSpec, RowReader, parse_standing
from planmonitor.exchange.tables.sheet_context import SheetContext

NO_MATCH = NameMatch("", None, Method.NONE, 0.0)


class TableReader(RowReader):
    """Reads one sheet that is not one of our fill-in workbooks."""

    def __init__(self, grid: SheetGrid, ctx: SheetContext) -> None:
        super().__init__(grid, ctx)
        self.width = grid.width
        self.layout: Layout | None = None

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
                    f"“{g.name}”第{c.col + 1}列（表头“{c.head.text}”）含义不明，未读取", "warning"
                )
        spec = DownSpec(
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

    def _columns_down(self, layout: Layout) -> list[Col]:
        out = []
        regions = self.ctx.regions
        for c in range(self.width):
            if c == layout.label_col:
                continue
            head = read_head(layout.paths.get(c, []), None, regions, self.ctx.root)
            if head.role is Role.OTHER and not head.text:
                head = self._head_by_content(c, layout.data_start)
            out.append(Col(c, head))
        if not layout.header_rows:  # no headers: the single column of numbers is the value
            numeric = [c for c in out if self._column_has_numbers(c.col, layout.data_start)]
            if len(numeric) == 1 and numeric[0].head.role is Role.OTHER:
                out[out.index(numeric[0])] = Col(numeric[0].col, Head(Role.VALUE))
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

    # -- indicators along a header row --------------------------------------------------------
    def _across(self, header_row: int) -> None:
        g, ind = self.grid, self.ctx.base_indicators
        hits = [c for c in range(self.width) if _hit_weight(ind, self.anchors.text(header_row, c))]
        if not hits:  # (find_axis reads the same texts; kept as a guard)
            self._note(f"工作表“{g.name}”第{header_row + 1}行没有可识别的指标名称，未读取")
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
                cols.append(Col(c, head))
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

    def _across_row(self, r: int, label_col: int, period_col: int | None, cols: list[Col]) -> None:
        row = self.grid.rows[r]
        label = self.anchors.text(r, label_col)
        if not any(v.col < len(row) and row[v.col] != "" for v in cols):
            return
        if is_footnote(label) or (not label and is_footnote(text_of(row[0]) if row else "")):
            self._note(f"第{r + 1}行为注释，未读取", where=self._where(r, label_col))
            return
        if is_total(label):
            self._note(f"第{r + 1}行“{label}”为合计行，未读取", where=self._where(r, label_col))
            return
        row_period = (
            cached_period(self._cell_text(r, period_col)) if period_col is not None else None
        )
        region: str | None = self.ctx.context_region
        if not label:
            self._note(
                f"第{r + 1}行有数值但没有地区或期间，未读取", "warning", self._where(r, label_col)
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
            standing = parse_standing(standing_text)
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
