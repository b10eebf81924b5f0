"""What the words in headers and row labels say: which column holds what, which rows to skip.

A header naming a target (目标), a baseline (基数), a growth rate (同比、增长), a completion rate
(完成率) or a rank is never read as a value, even when it names a period ("2025年目标").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from enum import StrEnum

from planmonitor.domain.observation import Standing


class Role(StrEnum):
    """What a column (or, across, a row) holds."""

    SEQ = "seq"
    CODE = "code"
    NAME = "name"
    UNIT = "unit"
    REGION = "region"
    PERIOD = "period"
    STANDING = "standing"
    COMMENT = "comment"
    VALUE = "value"
    EXCLUDED = "excluded"  # targets, baselines, rates, ranks, reference values
    OTHER = "other"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


_EXCLUDED = re.compile(
    r"目标|基数|基期|基准|规划|计划|任务|同比|环比|增长|增速|增幅|增减|提高|下降|完成率|完成比|进度|序时|"
    r"排名|排序|名次|位次|上年|去年|上期|同期|差额|差值|比上|预计全年|全年预计|年均|属性|类别|类型|"
    r"责任|牵头|配合|来源|联系|填报人|审核|口径|说明单位|占比变化|得分|分值|权重|标准|预测"
)
_ROLE_WORDS: list[tuple[Role, re.Pattern[str]]] = [
    (Role.SEQ, re.compile(r"^(?:序号|编号|顺序号|no\.?|#)$", re.I)),
    (Role.CODE, re.compile(r"^(?:指标)?(?:编码|代码|代号)$")),
    (Role.UNIT, re.compile(r"^(?:计量)?单位$")),
    (Role.NAME, re.compile(r"^(?:指标名称|指标|指标项目|项目|名称|主要指标|指标内容|考核指标)$")),
    (
        Role.REGION,
        re.compile(
            r"^(?:地区|区域|区县|县区|县\(市、?区\)|县市区|乡镇|镇街|镇\(街道\)|园区|单位名称|地区名称)$"
        ),
    ),
    (
        Role.PERIOD,
        re.compile(r"^(?:期间|时间|报告期|统计期|统计期间|季度|年度|年份|月份|时期|日期)$"),
    ),
    (Role.STANDING, re.compile(r"^(?:数据状态|状态|数据性质|数据类型|数据口径)$")),
    (
        Role.COMMENT,
        re.compile(
            r"^(?:备注|说明|情况说明|原因说明|原因分析|存在问题|工作进展|进展情况|备注说明)$"
        ),
    ),
]
_VALUE_WORDS = re.compile(
    r"数值|完成|实际|本期|累计|实绩|当期|绝对值|总量|数量|填报|本年|今年|截至|截止|期末|末|底|累计数|值$"
)
_TOTAL = re.compile(r"^(?:合计|总计|小计|总数|共计|全部|汇总|总和)$")
_WHOLE = re.compile(r"^(?:全市|全区|全县|全镇|全乡|全省|全旗|全盟|市本级合计)$")
_FOOTNOTE = re.compile(
    r"^(?:注|说明|备注|附注|填表说明|填报说明|填表人|填报人|制表人?|审核人?|负责人|联系人|联系电话|"
    r"电话|数据来源|资料来源|来源|单位负责人|统计负责人|报送日期|填报日期|填表日期)(\d*[:：、.．]|$)"
)


@functools.lru_cache(maxsize=8192)
def column_role(header: str) -> Role:
    """The role of a column from its (joined) header text."""
    t = _squash(header)
    if not t:
        return Role.OTHER
    core = re.sub(r"[(（][^()（）]*[)）]", "", t)
    for role, pattern in _ROLE_WORDS:
        if pattern.match(t) or pattern.match(core):
            return role
    if re.search(r"(?:责任|牵头|填报|主管)单位", t):
        return Role.EXCLUDED
    if _EXCLUDED.search(t):
        return Role.EXCLUDED
    return Role.OTHER


@functools.lru_cache(maxsize=8192)
def is_excluded(text: str) -> bool:
    """True when a header names something other than the value itself (target, rate…)."""
    return bool(_EXCLUDED.search(_squash(text)))


@functools.lru_cache(maxsize=8192)
def says_value(text: str) -> bool:
    """True when a header names the value (完成值, 本期, 1—9月累计…)."""
    return bool(_VALUE_WORDS.search(_squash(text)))


@functools.lru_cache(maxsize=8192)
def is_total(label: str) -> bool:
    """合计 / 总计 / 小计 rows and columns."""
    t = re.sub(r"[:：\s]", "", unicodedata.normalize("NFKC", label or ""))
    return bool(_TOTAL.match(t))


@functools.lru_cache(maxsize=8192)
def is_whole(label: str) -> bool:
    """全市 / 全区 / 全县: the plan's own region."""
    return bool(_WHOLE.match(_squash(label)))


@functools.lru_cache(maxsize=8192)
def is_footnote(text: str) -> bool:
    """注：…, 填表人：…, 数据来源：… rows."""
    return bool(_FOOTNOTE.match(_squash(text)))


def standing_in(text: str) -> Standing | None:
    """A standing a header names: （预计）, 快报/初步, 正式/年报."""
    t = _squash(text)
    if "预计" in t:
        return Standing.ESTIMATE
    if "快报" in t or "初步" in t or "初核" in t:
        return Standing.PRELIMINARY
    if "正式" in t or "年报" in t or "核定" in t:
        return Standing.FINAL
    return None
