"""Finding a free table's shape: which way indicators run, where headers end, what each
column's header says — with titles above, merged and multi-row headers.

Indicators are found by their names: the column (or row) holding the most names of the plan's
indicators is the label axis. Rows above the first data row are headers; a row with one text
(a title, "单位：万元") or texts of the form "报告期：…" is context for the whole sheet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from planmonitor.exchange.sheets.grid import SheetGrid
from planmonitor.exchange.tables.names import NameMatcher

SCAN_ROWS = 3000  # rows sampled to find the label column
HEADER_SCAN = 40  # rows searched for a header row of indicator names
_CONTEXT_TEXT = re.compile(r"^[^:：]{1,8}[:：].+")


def text_of(value: object) -> str:
    """A cell as label text: strings stripped; dates as ISO; whole numbers without ".0"."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)


def is_numberish(value: object) -> bool:
    """True for numbers and number-like text ("1,234", "12.5%")."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if isinstance(value, str):
        t = unicodedata.normalize("NFKC", value).strip().replace(",", "").rstrip("%")
        t = re.sub(r"\(\d+\)$", "", t)
        try:
            float(t)
            return True
        except ValueError:
            return False
    return False


@dataclass
class Layout:
    """The shape of one free table.

    Attributes:
        across: False when indicators run down a column (``label_col``), True when they run
            along a header row (and rows are regions or periods, labelled in ``label_col``).
        data_start: first data row.
        header_rows: rows whose texts head the columns.
        context: sheet-wide texts (titles, "单位：万元", "报告期：…").
        paths: column → header texts from top to bottom (merges filled in).
    """

    across: bool
    label_col: int
    data_start: int
    header_rows: list[int]
    context: list[str]
    paths: dict[int, list[str]] = field(default_factory=dict)

    def fingerprint(self, sheet: str) -> str:
        """The layout, independent of dates: what remembered mappings are keyed by."""
        parts = ["across" if self.across else "down", str(self.label_col), sheet]
        parts += ["/".join(self.paths.get(c, [])) for c in sorted(self.paths)]
        text = unicodedata.normalize("NFKC", "|".join(parts))
        text = re.sub(r"[0-9一二三四五六七八九十]+", "#", re.sub(r"\s+", "", text))
        return text[:1000]


class Anchors:
    """Merged ranges: each covered cell points at its range's first cell."""

    def __init__(self, grid: SheetGrid, max_area: int = 20000) -> None:
        self.grid = grid
        self.map: dict[tuple[int, int], tuple[int, int]] = {}
        self.span: dict[tuple[int, int], tuple[int, int]] = {}  # first cell → (rows, cols)
        for r0, c0, r1, c1 in grid.merged:
            if (r1 - r0 + 1) * (c1 - c0 + 1) > max_area:
                continue
            self.span[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self.map[(r, c)] = (r0, c0)

    def value(self, r: int, c: int) -> object:
        """The value shown at (r, c): a merged range's value in every cell it covers."""
        r0, c0 = self.map.get((r, c), (r, c))
        return self.grid.value(r0, c0)

    def text(self, r: int, c: int) -> str:
        """:meth:`value` as text."""
        return text_of(self.value(r, c))

    def origin(self, r: int, c: int) -> tuple[int, int]:
        """The first cell of the range covering (r, c), or (r, c)."""
        return self.map.get((r, c), (r, c))


def _hit_weight(matcher: NameMatcher, text: str) -> float:
    if len(text) < 2 or is_numberish(text):
        return 0.0
    m = matcher.match(text)
    if m.sure:
        return 1.0
    if m.candidates and m.confidence >= 0.6:
        return 0.5
    return 0.0


def find_axis(grid: SheetGrid, anchors: Anchors, matcher: NameMatcher) -> tuple[bool, int] | None:
    """(across, index): the column of indicator names (across=False) or their header row."""
    nrows = min(len(grid.rows), SCAN_ROWS)
    col_hits: dict[int, float] = {}
    row_hits: dict[int, float] = {}
    weights: dict[str, float] = {}  # per distinct text: a long table repeats its names
    for r in range(nrows):
        row = grid.rows[r]
        for c, v in enumerate(row):
            # a cell under a merged range shows the range's text, not the one the file kept
            if isinstance(v, str) and v.strip() and (r, c) not in anchors.map:
                w = weights.get(v)
                if w is None:
                    w = weights[v] = _hit_weight(matcher, v.strip())
                if w:
                    col_hits[c] = col_hits.get(c, 0.0) + w
                    if r < HEADER_SCAN:
                        row_hits[r] = row_hits.get(r, 0.0) + w
    best_col = max(col_hits, key=lambda c: (col_hits[c], -c), default=None)
    best_row = max(row_hits, key=lambda r: (row_hits[r], -r), default=None)
    if best_col is None or best_row is None:
        return None
    if row_hits[best_row] > col_hits[best_col]:
        return True, best_row
    return False, best_col


def is_context_row(texts: list[str]) -> bool:
    """A title or a "key：value" line rather than column headers."""
    distinct = {t for t in texts if t}
    return len(distinct) <= 1 or all(_CONTEXT_TEXT.match(t) for t in distinct)


def row_texts(grid: SheetGrid, anchors: Anchors, r: int, width: int, first: int = 0) -> list[str]:
    """The texts a row shows from column ``first`` on (merged ranges counted once, at their
    first cell)."""
    out = []
    for c in range(first, width):
        if anchors.origin(r, c) == (r, c):
            t = text_of(grid.value(r, c))
            if t:
                out.append(t)
    return out


def header_paths(
    grid: SheetGrid, anchors: Anchors, header_rows: list[int], width: int, first_value_col: int
) -> dict[int, list[str]]:
    """Column → its header texts, top to bottom; a header spanning every value column is
    left out (it is a caption, not a column header)."""
    paths: dict[int, list[str]] = {}
    span_all = width - first_value_col
    for c in range(width):
        path: list[str] = []
        for r in header_rows:
            r0, c0 = anchors.origin(r, c)
            rows_cols = anchors.span.get((r0, c0))
            if rows_cols and c >= first_value_col and rows_cols[1] >= max(2, span_all):
                continue
            t = text_of(grid.value(r0, c0))
            if t and (not path or path[-1] != t):
                path.append(t)
        paths[c] = path
    return paths
