"""Numbers as plan documents write them: 1,234.5, full-width digits, 一百二十, 1.5万 (家).

``万``/``亿`` after a number multiply it unless they start the unit (万元, 亿元, 万人).
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL = "零〇○一二两三四五六七八九十百千万亿"
ARABIC = r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?"
NUMBER = rf"(?:{ARABIC}|[{CN_NUMERAL}]+(?:点[{CN_NUMERAL[:11]}]+)?)"
_UNIT_AFTER_BIG = ("元", "人", "千瓦", "吨", "平方米", "亩", "户", "册", "人次")


def half_width(text: str) -> str:
    """Full-width digits, letters and punctuation → half-width (NFKC), keeping Chinese."""
    return unicodedata.normalize("NFKC", text)


def chinese_int(text: str) -> int | None:
    """一百二十 → 120, 两万三千 → 23000, 十 → 10, 二〇二五 → 2025; None if not a numeral."""
    if not text or any(ch not in CN_NUMERAL for ch in text):
        return None
    if all(ch in _DIGITS for ch in text):  # digit by digit: 二〇二五
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * _BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_number(text: str) -> float | None:
    """The number in ``text`` ("1,234.5", "１２", "三十", "二点五"), None if it is not one."""
    t = half_width(text).strip().replace("−", "-")
    if re.fullmatch(ARABIC, t):
        return float(t.replace(",", ""))
    if "点" in t:
        whole, _, frac = t.partition("点")
        w = chinese_int(whole)
        if w is None or not frac or any(ch not in _DIGITS for ch in frac):
            return None
        return float(f"{w}." + "".join(str(_DIGITS[ch]) for ch in frac))
    n = chinese_int(t)
    return None if n is None else float(n)


def with_multiplier(number: float, rest: str) -> tuple[float, str]:
    """Apply a 万/亿 after a number that is not part of the unit: (1.5, "万家") → (15000, "家")."""
    if rest[:1] in _BIG and not rest[1:].startswith(_UNIT_AFTER_BIG) and rest[1:2] != "":
        return number * _BIG[rest[0]], rest[1:]
    return number, rest
