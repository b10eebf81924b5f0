"""Reading a value as offices write it: "1,234.5", full-width digits, "12.5%", "—" for missing."""

from __future__ import annotations

import math
import re

MISSING = {
    *("", "—", "——", "-", "--", "/", "／", "\\", "x.xx", "无", "暂无", "n/a", "na", "…", "……"),
    *("―", "――", "─", "–", "空", "暂缺", "待统计", "未统计", "不适用", "null", "none"),
}
DONE = {"完成", "已完成", "是", "done", "yes", "y", "true", "1"}
NOT_DONE = {"未完成", "否", "no", "n", "false", "0"}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋％", "0123456789.,-+%")


# The one validation of numbers and years shared by plan files, the CLI, the GUI and imports.
# No indicator of a county's plan comes near 10^15 (the fill-in workbook's cell check uses the
# same bound); a larger magnitude is a typing or file error, and would overflow percentages.
MAX_MAGNITUDE = 1e15
YEAR_MIN, YEAR_MAX = 1900, 2200


class NumberError(ValueError):
    """A value text that is not a number; the message quotes it and says what was expected."""


class NumberRangeError(NumberError):
    """A number that is NaN, infinite or beyond ±10^15 (:data:`MAX_MAGNITUDE`)."""


RANGE_TEXT = "超出范围：绝对值不能超过10^15（1e15）"


def check_number(value: float, what: str | None = None) -> float:
    """``value`` if it is a finite number within ±10^15; :class:`NumberError` naming ``what``
    (default: the number) and the limit otherwise (NaN and infinity are never "missing")."""
    if math.isnan(value):
        raise NumberRangeError(f"{what or '数值'}不是数字（NaN）：应为有限的数值，缺失写“—”")
    if math.isinf(value) or abs(value) > MAX_MAGNITUDE:
        shown = what or ("数值无穷大" if math.isinf(value) else f"数值{value:.6g}")
        raise NumberRangeError(f"{shown}{RANGE_TEXT}")
    return float(value)


def check_year(year: int, what: str = "年份") -> int:
    """``year`` if it lies in 1900–2200; :class:`NumberError` otherwise."""
    if isinstance(year, bool) or not YEAR_MIN <= year <= YEAR_MAX:
        raise NumberError(f"{what}{year}不在{YEAR_MIN}—{YEAR_MAX}之间")
    return int(year)


def parse_number(text: str | float | int | None) -> float | None:
    """A number from an office's spelling; ``None`` for the ways of writing "missing".

    "1,234.5" → 1234.5, "１２３" → 123, "1.29%" → 1.29, "12.5(3)" → 12.5 (value with rank),
    "1.2E+3" → 1200, "—", "-", "/", "x.xx", "暂缺" and blanks → None. Anything else raises
    :class:`NumberError` — also NaN, infinity and magnitudes over 10^15 (:func:`check_number`).
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise NumberError(f"“{text}”不是数字")
    if isinstance(text, int | float):
        return check_number(float(text))
    raw = str(text)
    s = re.sub(r"\s+", "", raw.translate(_FULLWIDTH))  # also no-break and ideographic spaces
    if s.lower() in MISSING:
        return None
    s = re.sub(r"[（(]\d+[)）]$", "", s)  # a rank in brackets after the value
    s = s.removesuffix("%")  # one percent sign: "12%%" is not a number
    if re.fullmatch(r"[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+)([eE][+-]?\d{1,3})?", s):
        return check_number(float(s.replace(",", "")), f"“{raw.strip()}”")
    raise NumberError(f"“{raw.strip()}”不是数字：应为1234.5、1,234.5或12.5%这样的数值，缺失写“—”")


def parse_done(text: str) -> float:
    """A milestone's state: 完成/是/1 → 1.0, 未完成/否/0 → 0.0."""
    t = str(text).strip().lower()
    if t in DONE:
        return 1.0
    if t in NOT_DONE:
        return 0.0
    raise NumberError(f"“{text}”无法识别：定性目标应填“完成”或“未完成”")
