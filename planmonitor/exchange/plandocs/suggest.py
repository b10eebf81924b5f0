"""Suggestions from an indicator's name (domain §3): its cadence and release profile, and the
unit a table left out. Every suggestion is only that: the drafter asks the user to confirm units.
"""

from __future__ import annotations

import re

_BATCH = ("高新技术企业", "平台", "研发机构", "众创空间", "孵化器", "领军企业", "实验室",
          "技术中心", "星创天地", "研究院", "工作站", "转移机构", "农业科技园区")  # fmt: skip
_LATE = ("比重", "强度", "比例", "占", "增长率", "增速", "素质", "经营率")
_FLOW = ("成交额", "成交总额", "交易额", "实施", "选派", "新增", "引进", "投入", "安排")


def cadence_for(name: str, unit: str, form: str) -> tuple[str, list[int]]:
    """(cadence, profile in %) suggested for an indicator."""
    if form == "quota":
        return "cumulative_flow", [25, 50, 75, 100]
    if "科技型中小企业" in name:
        return "smooth_stock", [25, 50, 75, 100]
    if "专利" in name:
        return "smooth_stock", [25, 50, 75, 100]
    if any(w in name for w in _BATCH) and unit not in ("%", "亿元", "万元"):
        return "batch", [0, 0, 0, 100]
    if unit == "%" or any(w in name for w in _LATE[:6]):
        return "annual_late", [0, 0, 0, 100]
    if any(w in name for w in ("研发", "R&D", "研究与试验")) and unit in ("亿元", "万元"):
        return "annual_late", [0, 0, 0, 100]
    if any(w in name for w in _FLOW) or unit in ("亿元", "万元"):
        return "cumulative_flow", [25, 50, 75, 100]
    return "smooth_stock", [25, 50, 75, 100]


_UNIT_WORDS = (
    (("专利",), "件"),
    (("企业", "平台", "机构", "空间", "孵化器", "实验室", "中心", "园区", "基地"), "家"),
    (("人才", "人员", "特派员", "人数"), "人"),
    (("项目", "计划", "成果", "标准"), "项"),
    (("比重", "比例", "强度", "率", "占"), "%"),
    (("成交额", "成交总额", "经费", "投入", "增加值"), "亿元"),
)


def unit_for(name: str) -> str:
    """The unit an indicator with this name usually has ("" if no guess)."""
    if re.search(r"(比重|比例|强度|率)$", name):
        return "%"
    for words, unit in _UNIT_WORDS:
        if any(w in name for w in words):
            return unit
    return ""
