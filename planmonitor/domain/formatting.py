"""Numbers the way a Chinese office writes them, and the light's colour, symbol and word."""

from __future__ import annotations

import math
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


def fmt_num(value: float | None, decimals: int = 2) -> str:
    """A value with the indicator's decimals; more (up to two) where the schedule is fractional.

    >>> fmt_num(997.0, 0), fmt_num(1072.75, 0), fmt_num(87.96, 1), fmt_num(None)
    ('997', '1072.75', '87.96', '—')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
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
    """Join a number and its unit: "12 家", "80.0 亿元", "1.29%"."""
    if unit in ("%", "％"):
        return f"{value}%"
    return f"{value} {unit}" if unit else value
