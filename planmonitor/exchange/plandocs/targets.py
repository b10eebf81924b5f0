"""Target wording → form, comparator and numbers: "2.3左右", "50以上", "[200]", "年均增长10%以上",
"年均提高1个百分点", "累计增加10", "实现零的突破", "—".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planmonitor.exchange.plandocs.numerals import NUMBER, half_width, parse_number

MISSING = {"", "—", "——", "-", "--", "/", "／", "无", "空缺", "…", "---"}
_GE = ("以上", "不少于", "不低于", "超过", "至少", "达到", "力争", "突破")
_LE = ("以下", "以内", "不超过", "不高于", "控制在", "低于")
_NUM = rf"({NUMBER})"


@dataclass
class TargetWords:
    """What a target's wording says.

    Attributes:
        form: "level", "increase", "cagr" (年均增长 r, the kind of growth decided by the caller),
            "points", "quota", "milestone" or "" for nothing readable.
        value, increase, rate: the numbers it gives; comparator: ">=", "<=" or "~".
        unit: a unit written with the number ("亿元"); percent: a "%" was written with a rate.
        text: the wording, tidied; unclear: why it could not be read for sure ("" when clear).
    """

    form: str = ""
    comparator: str = ">="
    value: float | None = None
    increase: float | None = None
    rate: float | None = None
    unit: str = ""
    percent: bool = False
    text: str = ""
    unclear: str = ""


def tidy(text: str) -> str:
    """Half-width, no spaces between Chinese characters and numbers, one line."""
    t = half_width(text).replace("\n", "").replace("\r", "")
    t = re.sub(r"\s+", " ", t).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", t)


def comparator_of(text: str) -> str:
    """ ">=", "<=" or "~" from the words around a number."""
    if "左右" in text or "约" in text[:2]:
        return "~"
    if any(w in text for w in ("不低于", "不少于", "以上", "至少")):
        return ">="
    if any(w in text for w in _LE):
        return "<="
    return ">="


def number_and_unit(text: str) -> tuple[float | None, str]:
    """ "21.87亿元" → (21.87, "亿元"); "1.29" → (1.29, ""); "—" → (None, "")."""
    t = tidy(text)
    if t in MISSING:
        return None, ""
    m = re.fullmatch(rf"{_NUM}\s*(%|％|[\u4e00-\u9fff]{{1,3}})?", t)
    if not m:
        return None, ""
    return parse_number(m.group(1)), (m.group(2) or "").replace("％", "%")


def read_target(text: str) -> TargetWords:
    """Read one target cell or phrase (see the module docstring for the forms)."""
    t = tidy(text)
    w = TargetWords(text=t)
    if t in MISSING:
        return w
    w.comparator = comparator_of(t)
    if "零的突破" in t or "零突破" in t:
        first = re.match(_NUM, t)
        if first:
            w.form, w.value = "level", parse_number(first.group(1))
        else:
            w.form = "milestone"
        return w
    lead = re.match(
        rf"^(?:不超过|不少于|不低于|控制在|达到)?{_NUM}\s*(%|个百分点)?(?=[（(\[【]|$|左右|以上|以下|以内)",
        t,
    )
    inc = re.search(rf"(?:累计|新增|增加)(?:增加|新增)?\s*{_NUM}", t) or re.search(
        rf"[\[【]\s*{_NUM}\s*[\]】]", t
    )
    growth = re.search(
        rf"(?:年均|每年|年平均)(?:增长|增幅|提高|提升|增加)(?:率)?\s*{_NUM}\s*(%|个百分点)?", t
    )
    if growth and not inc:
        w.rate = parse_number(growth.group(1))
        w.percent = growth.group(2) == "%"
        w.form = "points" if growth.group(2) == "个百分点" else "cagr"
        if lead:
            w.value = parse_number(lead.group(1))
        return w
    if inc:
        w.form, w.increase = "increase", parse_number(inc.group(1))
        if lead and lead.start() < inc.start() and not t.startswith(("[", "【")):
            w.value = parse_number(lead.group(1))
        return w
    if lead:
        w.form, w.value = "level", parse_number(lead.group(1))
        w.unit = lead.group(2) or ""
        return w
    m = re.search(rf"{_NUM}\s*(%|[\u4e00-\u9fff]{{1,2}})?", t)
    if m and parse_number(m.group(1)) is not None:
        w.form, w.value = "level", parse_number(m.group(1))
        w.unclear = f"目标“{t}”的写法不常见，请核对目标值"
        return w
    w.unclear = f"目标“{t}”不是数值，请确认是定性目标还是漏填"
    w.form = "milestone"
    return w
