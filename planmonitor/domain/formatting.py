"""Numbers the way a Chinese office writes them, and the light's colour, symbol and word."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Light(StrEnum):
    """The traffic light; the light is never the colour alone — see :func:`light_symbol`."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"
    MET = "met"
    NOT_MET = "not_met"


LIGHT_WORDS_ZH = {
    Light.GREEN: "达到序时进度",
    Light.YELLOW: "略滞后",
    Light.RED: "滞后",
    Light.GREY: "暂无法评价",
    Light.MET: "已完成",
    Light.NOT_MET: "未完成",
}
LIGHT_WORDS_EN = {
    Light.GREEN: "on schedule",
    Light.YELLOW: "slightly behind",
    Light.RED: "behind",
    Light.GREY: "not assessable",
    Light.MET: "met",
    Light.NOT_MET: "not met",
}
LIGHT_SYMBOLS = {
    Light.GREEN: "●",
    Light.YELLOW: "▲",
    Light.RED: "■",
    Light.GREY: "○",
    Light.MET: "✔",
    Light.NOT_MET: "✘",
}
LIGHT_COLOURS = {
    Light.GREEN: "#2e7d32",
    Light.YELLOW: "#f9a825",
    Light.RED: "#c62828",
    Light.GREY: "#9e9e9e",
    Light.MET: "#1565c0",
    Light.NOT_MET: "#6a1b9a",
}


def light_word(light: Light, lang: str = "zh") -> str:
    """达到序时进度 / on schedule …"""
    return (LIGHT_WORDS_EN if lang == "en" else LIGHT_WORDS_ZH)[light]


def light_symbol(light: Light) -> str:
    """A shape that tells the light apart without colour."""
    return LIGHT_SYMBOLS[light]


COUNT_UNITS = frozenset({"家", "个", "件", "人", "项", "次", "所", "名", "座", "台", "条", "支"})


def is_count(unit: str, decimals: int) -> bool:
    """True for whole things counted (家, 个, 人, 项…) shown without decimals."""
    return decimals == 0 and unit.strip() in COUNT_UNITS


def round_half_up(value: float, decimals: int = 0) -> float:
    """Round the way a table does (2482.5 → 2483), not to even."""
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def fmt_num(value: float | None, decimals: int = 2, unit: str = "") -> str:
    """A value with the indicator's decimals; more (up to two) where the schedule is fractional.

    Counts (``unit`` 家, 个, 人… with no decimals) are never shown with a fraction: a schedule
    of 2482.5 家 reads 2483; the computation keeps the exact value.

    >>> fmt_num(997.0, 0), fmt_num(1072.75, 0), fmt_num(87.96, 1), fmt_num(None)
    ('997', '1072.75', '87.96', '—')
    >>> fmt_num(2482.5, 0, "家"), fmt_num(1072.75, 0, "家")
    ('2483', '1073')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if is_count(unit, decimals):
        return str(int(round_half_up(value)))
    shown = round(value, decimals)
    if abs(value - shown) > 1e-9 * max(1.0, abs(value)):
        text = f"{value:.{max(decimals, 2)}f}"
        if "." in text:
            text = text.rstrip("0")
        if len(text.split(".")[-1]) < decimals:
            text = f"{value:.{decimals}f}"
        return text.rstrip(".")
    if decimals == 0:
        return str(round(value))
    return f"{shown:.{decimals}f}"


def fmt_percent(fraction: float | None, digits: int = 1) -> str:
    """0.965 → "96.5%"."""
    if fraction is None:
        return "—"
    return f"{fraction * 100:.{digits}f}%"


def fmt_rate(percent: float | None, digits: int = 1) -> str:
    """A growth rate given in percent: 8.58 → "8.6%"; 10 → "10%"."""
    if percent is None:
        return "—"
    text = f"{percent:.{digits}f}".rstrip("0").rstrip(".")
    return f"{text}%"


def with_unit(value: str, unit: str) -> str:
    """Join a number and its unit the English way: "12 家", "80.0 亿元", "1.29%"."""
    if unit in ("%", "％"):
        return f"{value}%"
    return f"{value} {unit}" if unit else value


def zh_amount(value: float | None, decimals: int, unit: str) -> str:
    """A number and its unit in Chinese text, no space between: "1105家", "80.00亿元", "2.55%"."""
    text = fmt_num(value, decimals, unit)
    if value is None:
        return text
    return f"{text}%" if unit in ("%", "％") else f"{text}{unit}"


def en_amount(value: float | None, decimals: int, unit: str) -> str:
    """A number and its unit in English text: "1105 家", "2.55%"."""
    return with_unit(fmt_num(value, decimals, unit), unit)


def fmt_plain(value: float) -> str:
    """A target as a plan words it, at least one decimal for a fraction-free percent: 3.0, 2.55."""
    text = f"{value:.4f}".rstrip("0")
    return text + "0" if text.endswith(".") else text
