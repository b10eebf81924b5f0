"""One cell's value as a number: what the sheet shows, not what the file happens to store.

A number formatted as a percentage (0.0129 shown as 1.29%) is 1.29; "1,234.5", full-width
digits, "12.5(3)" (value with rank) and "12.5万元" are read; "—", "/", "x.xx" and blanks are
missing — never zero. Spreadsheet error values (#DIV/0!) and dates are errors, not numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from planmonitor.domain.values import (
    MAX_MAGNITUDE,
    RANGE_TEXT,
    NumberError,
    NumberRangeError,
    parse_done,
    parse_number,
)
from planmonitor.exchange.sheets.grid import Cell
from planmonitor.exchange.tables.units import KNOWN_UNITS

_ERRORS = re.compile(r"^#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)")
_UNIT_SUFFIX = re.compile(r"^(.*?\d)\s*(" + "|".join(sorted(KNOWN_UNITS, key=len)[::-1]) + r")$")


@dataclass(slots=True)
class CellNumber:
    """A cell read as a number.

    Attributes:
        value: the number (``None`` when the cell says "missing" or holds an error).
        unit: a unit written in the cell itself ("12.5万元" → "万元", "1.29%" → "%").
        error: why the cell is not a number, ``None`` if it is one or is missing.
        text: the cell as shown, for messages.
    """

    value: float | None
    unit: str = ""
    error: str | None = None
    text: str = ""

    @property
    def missing(self) -> bool:
        """True for a blank or a "—": no value, and no error either."""
        return self.value is None and self.error is None


def tidy(value: float) -> float:
    """Drop binary noise from a stored double: 0.30000000000000004 → 0.3 (15 digits kept)."""
    if value == 0 or not math.isfinite(value):
        return value
    return float(f"{value:.15g}")


def shown(cell: Cell) -> str:
    """The cell as text for messages."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def read_number(cell: Cell, percent: bool = False, qualitative: bool = False) -> CellNumber:
    """``cell`` as a number; ``percent`` when the file formats it as a percentage."""
    if type(cell) is float and not percent and -MAX_MAGNITUDE <= cell <= MAX_MAGNITUDE:  # fast
        # a double whose shortest spelling has at most 15 characters has no binary noise to drop
        # (tidy would give it back unchanged), which is every number a person typed
        r = repr(cell)
        v = cell
        if len(r) > 15:
            v = float(f"{cell:.15g}") if cell else cell
            r = repr(v)
        return CellNumber(v, text=str(int(v)) if v.is_integer() else r)
    if cell is None or cell == "":
        return CellNumber(None)
    if isinstance(cell, bool):
        return CellNumber(None, error="是逻辑值（TRUE/FALSE），不是数字", text=str(cell).upper())
    if isinstance(cell, datetime | date | time | timedelta):
        return CellNumber(
            None, error="是日期或时间，不是数字（单元格格式可能被设成了日期）", text=str(cell)
        )
    if isinstance(cell, int | float):
        v = float(cell)
        if not math.isfinite(v):
            return CellNumber(None, error="不是有限的数", text=str(cell))
        if abs(v if not percent else v * 100) > MAX_MAGNITUDE:
            return CellNumber(None, error=RANGE_TEXT, text=str(cell))
        if percent:
            return CellNumber(tidy(float(Decimal(repr(v)) * 100)), "%", text=f"{tidy(v * 100)}%")
        return CellNumber(tidy(v), text=shown(cell))
    return _read_text(str(cell), qualitative)


def _read_text(raw: str, qualitative: bool) -> CellNumber:
    text = raw.strip()
    if _ERRORS.match(text.upper()):
        return CellNumber(None, error=f"是错误值 {text}（公式无法计算）", text=text)
    if qualitative:
        try:
            return CellNumber(parse_done(text), text=text)
        except NumberError:
            pass
    try:
        value = parse_number(text)
    except NumberRangeError:
        return CellNumber(None, error=RANGE_TEXT, text=text)
    except NumberError:
        pass
    else:
        unit = "%" if value is not None and text.rstrip().endswith(("%", "％")) else ""
        return CellNumber(None if value is None else tidy(value), unit, text=text)
    norm = unicodedata.normalize("NFKC", text).replace(" ", "")
    m = _UNIT_SUFFIX.match(norm)
    if m:
        try:
            value = parse_number(m.group(1))
        except NumberError:
            value = None
        if value is not None:
            return CellNumber(tidy(value), m.group(2), text=text)
    return CellNumber(
        None, error="不是数字：应为1234.5、1,234.5或12.5%这样的数值，缺失写“—”", text=text
    )
