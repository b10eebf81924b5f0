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


class NumberError(ValueError):
    """A value text that is not a number; the message quotes it and says what was expected."""


def parse_number(text: str | float | int | None) -> float | None:
    """A number from an office's spelling; ``None`` for the ways of writing "missing".

    "1,234.5" → 1234.5, "１２３" → 123, "1.29%" → 1.29, "12.5(3)" → 12.5 (value with rank),
    "1.2E+3" → 1200, "—", "-", "/", "x.xx", "暂缺" and blanks → None. Anything else raises
    :class:`NumberError`.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise NumberError(f"“{text}”不是数字")
    if isinstance(text, int | float):
        if math.isnan(text) or math.isinf(text):
            return None
        return float(text)
    raw = str(text)
    s = re.sub(r"\s+", "", raw.translate(_FULLWIDTH))  # also no-break and ideographic spaces
    if s.lower() in MISSING:
        return None
    s = re.sub(r"[（(]\d+[)）]$", "", s)  # a rank in brackets after the value
    s = s.rstrip("%")
    if re.fullmatch(r"[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+)([eE][+-]?\d{1,3})?", s):
        value = float(s.replace(",", ""))
        if not math.isinf(value):
            return value
    raise NumberError(
        f"“{raw.strip()}”不是数字：应为 1234.5、1,234.5 或 12.5% 这样的数值，缺失写“—”"
    )


def parse_done(text: str) -> float:
    """A milestone's state: 完成/是/1 → 1.0, 未完成/否/0 → 0.0."""
    t = str(text).strip().lower()
    if t in DONE:
        return 1.0
    if t in NOT_DONE:
        return 0.0
    raise NumberError(f"“{text}”无法识别：定性目标应填“完成”或“未完成”")
