"""A workbook as plain data: each sheet's cell values from A1, with what values alone don't say.

Readers fill these; layout recognition works on them and never touches a file library.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

Cell = str | int | float | bool | date | datetime | time | timedelta | None
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


@functools.lru_cache(maxsize=1024)
def column_letters(col: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA"."""
    out = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    """ "A" → 0, "AA" → 26."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_ref(row: int, col: int) -> str:
    """(6, 3) → "D7" (0-based in, as a spreadsheet shows it out)."""
    return f"{column_letters(col)}{row + 1}"


@dataclass
class SheetGrid:
    """One sheet.

    Attributes:
        name: the sheet's name.
        rows: cell values from A1, row by row (rows may differ in length).
        hidden_rows, hidden_cols: 0-based indices hidden in the file.
        merged: merged ranges (0-based, inclusive).
        percent_cells: numeric cells shown as a percentage (the value is the fraction: 0.0129).
        visible: False for a hidden sheet.
        extras_known: False where the format gave no hidden-row / percent information.
    """

    name: str
    rows: list[list[Cell]]
    hidden_rows: frozenset[int] = frozenset()
    hidden_cols: frozenset[int] = frozenset()
    merged: list[Merge] = field(default_factory=list)
    percent_cells: frozenset[tuple[int, int]] = frozenset()
    visible: bool = True
    extras_known: bool = True

    def value(self, row: int, col: int) -> Cell:
        """The value at (row, col), ``None`` outside the data."""
        if 0 <= row < len(self.rows):
            r = self.rows[row]
            if 0 <= col < len(r):
                v = r[col]
                return None if v == "" else v
        return None

    @property
    def width(self) -> int:
        """The number of columns of the widest row."""
        return max((len(r) for r in self.rows), default=0)


@dataclass
class WorkbookGrid:
    """A whole file read into plain data.

    Attributes:
        file: the file's name as the user knows it; file_hash: SHA-256 of its bytes.
        kind: xlsx, xls, ods or text.
        sheets: every sheet, in workbook order.
        notes: things worth telling the user (encoding guessed, a part not understood…).
    """

    file: str
    file_hash: str
    kind: str
    sheets: list[SheetGrid]
    notes: list[str] = field(default_factory=list)
