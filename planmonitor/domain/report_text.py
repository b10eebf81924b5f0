"""The report's words: targets as the plan words them, remarks and the narrative paragraphs.

Plain functions over plain data, shared by the table, the PDF and the Word narrative so that the
three say the same thing in the same words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planmonitor.domain.formatting import Light, fmt_rate, light_word
from planmonitor.domain.indicator import Comparator, Indicator, Nature, TargetForm
from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.report import LIGHT_ORDER, ReportRow, StatusCount
from planmonitor.domain.status_result import Status

_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (for 1—99)."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else f"{_DIGITS[tens]}十")
    return head + (_DIGITS[ones] if ones else "")


def fixed(value: float | None, decimals: int) -> str:
    """A number with exactly the indicator's decimals ("—" when missing): 1072.75, 0 → 1073."""
    if value is None:
        return "—"
    text = f"{value:.{decimals}f}"
    return "0" if decimals == 0 and text == "-0" else text


def target_display(ind: Indicator) -> tuple[float | None, str, str, str]:
    """规划目标 of ``ind``: (number or None, shown text, words before, words after the number).

    Level targets are numbers (1300; 3.00左右; 每年30); growth targets and milestones are words
    (年均增长10%; 2021年底前完成).
    """
    t = ind.target
    if t.form in (TargetForm.CAGR, TargetForm.GROWTH_RATE):
        more = "以上" if "以上" in t.text else ""
        return None, f"年均增长{fmt_rate(t.rate, 2)}{more}", "", ""
    if t.form is TargetForm.MILESTONE:
        if t.due is None:
            return None, t.text or "—", "", ""
        return None, f"{t.due.year}年{t.due.month}月底前完成", "", ""
    value = ind.final_target()
    if value is None:
        return None, t.text or "—", "", ""
    prefix = "每年" if t.form is TargetForm.QUOTA else ""
    suffix = {Comparator.GE: "", Comparator.LE: "以下", Comparator.APPROX: "左右"}[t.comparator]
    return value, f"{prefix}{fixed(value, ind.decimals)}{suffix}", prefix, suffix


def short_units(text: str, keep: int = 3) -> str:
    """责任单位 for a table cell: "区发改局、区财政局、区科技局等12个单位" for long lists."""
    units = [u for u in text.split("、") if u]
    if len(units) <= keep + 1:
        return text
    return "、".join(units[:keep]) + f"等{len(units)}个单位"


def period_note(data_period: Period | None, quarter: Period) -> str:
    """ "（2023年）" when the value shown is not of the report quarter itself."""
    if data_period is None or data_period == quarter:
        return ""
    return f"（{data_period.label_zh()}）"


def forecast_text(st: Status, decimals: int, unit: str, short: bool = False) -> str:
    """预计可完成 / 难以完成 with the forecast value (``short``: for the 趋势判断 column)."""
    fc = st.forecast
    if fc is None:
        return ""
    shown = f"{fixed(fc.value, decimals)}{'%' if unit in ('%', '％') else unit}"
    if st.kind == "growth_rate":
        shown = f"年均增长{fmt_rate(fc.value)}"
    verdict = "预计可完成" if fc.reaches else "难以完成"
    if short:
        return f"{verdict}（{fc.year}年预计{shown}）"
    return f"{verdict}（按近期趋势，{fc.year}年预计{shown}）"


# On-screen hints addressed to the operator: "（请录入2020年基数）", "，请补录…".
_HINT_BRACKETS = re.compile(r"[（(]\s*请[^（）()]*[）)]")
_HINT_CLAUSE = re.compile(r"[，,；;]\s*请[^，,；;。]*")


def document_text(text: str) -> str:
    """``text`` as a document may print it: without the hints meant for the operator.

    The status sentences ask the user on screen to enter what is missing ("（请录入2020年基数）");
    a report sent to the government states the fact and leaves the request out.
    """
    return _HINT_CLAUSE.sub("", _HINT_BRACKETS.sub("", text))


def period_label(ind: Indicator, data_period: Period | None, quarter: Period) -> str:
    """统计期 as offices head it: 9月末 (stock), 1—9月 (flow), 2023年 (annual statistic)."""
    if data_period is None:
        return ""
    stock = ind.nature is Nature.STOCK and ind.target.form is not TargetForm.QUOTA
    year = "" if data_period.year == quarter.year else f"{data_period.year}年"
    if data_period.is_annual:  # an annual statistic: the year it belongs to
        return f"{data_period.year}年"
    if stock:
        return f"{year}{data_period.end_month}月末"
    return f"{year}{data_period.ytd_label_zh()}"


def _clause(text: str) -> str:
    return text.strip().rstrip("。；;.")


def remark(
    st: Status,
    ind: Indicator,
    standing: Standing | None,
    comments: Sequence[str] = (),
) -> str:
    """备注: the comments recorded for the value, why a status is grey, stale data, estimates.

    The forecast has its own column (趋势判断); the realised average growth of a growth target
    is stated here.
    """
    parts = [_clause(c) for c in comments if _clause(c)]
    if st.light is Light.GREY:
        word = f"（{light_word(Light.GREY)}）"
        text = document_text(st.explanation_zh)
        parts.append(_clause(text[: -len(word)] if text.endswith(word) else text))
    if (
        ind.target.form is TargetForm.CAGR
        and st.realised_rate is not None
        and st.data_period is not None
    ):
        parts.append(
            f"{ind.baseline_year}—{st.data_period.year}年实际年均增长{fmt_rate(st.realised_rate)}"
        )
    if st.stale and st.data_period is not None and st.light is not Light.GREY:
        parts.append(f"数据截至{st.data_period.label_zh()}")
    if standing is Standing.ESTIMATE and st.actual is not None:
        parts.append("数据为预计数")
    return "；".join(p for p in parts if p)


def _names(rows: Sequence[ReportRow]) -> str:
    return "、".join(r.name for r in rows)


def counts_sentence(counts: Sequence[StatusCount]) -> str:
    """3项达到序时进度，2项略滞后，4项滞后，2项暂无法评价."""
    parts = [f"{c.count}项{c.word}" for c in counts if c.count]
    return "，".join(parts)


def summary_text(
    plan_title: str,
    plan_region: str,
    region: str,
    quarter: Period,
    rows: Sequence[ReportRow],
    counts: Sequence[StatusCount],
) -> str:
    """The paragraph of 一、总体情况, with the lagging indicators named."""
    where = "" if region == plan_region else f"{region}"
    text = (
        f"截至{quarter.label_zh()}，{where}《{plan_title}》确定的{len(rows)}项主要指标中，"
        f"{counts_sentence(counts)}。"
    )
    for light in (Light.YELLOW, Light.RED, Light.NOT_MET, Light.GREY):
        named = [r for r in rows if r.light is light]
        if named:
            text += f"{light_word(light)}的指标：{_names(named)}。"
    annual = [r for r in rows if r.annual_only and r.data_period is not None]
    if annual:
        years = sorted({r.data_period.year for r in annual if r.data_period is not None})
        shown = "、".join(f"{y}年" for y in years)
        text += (
            f"其中{len(annual)}项指标为年度统计数据，本季度无新数据，按最新公布的{shown}数据评价。"
        )
    return text


def category_text(name: str, rows: Sequence[ReportRow]) -> str:
    """One paragraph of 二、主要指标完成情况: the category's counts and each indicator's numbers."""
    counts = [
        StatusCount(light, light_word(light), "", sum(1 for r in rows if r.light is light))
        for light in LIGHT_ORDER
    ]
    head = f"{name}方面，" if name else "从各项指标看，"
    text = f"{head}{len(rows)}项指标中{counts_sentence(counts)}。"
    details = [f"{r.name}{r.explanation.rstrip('。')}" for r in rows]
    return text + "；".join(details) + "。"


def problem_text(row: ReportRow) -> str:
    """The sentence of 三、存在问题 for one lagging indicator."""
    return f"{row.name}：{row.explanation.rstrip('。')}。"


def comment_sentence(text: str) -> str:
    """A recorded comment as a sentence of the report (ends with 。)."""
    text = text.strip()
    return text if text[-1:] in "。！？；.!?" else f"{text}。"


def light_sections(rows: Sequence[ReportRow]) -> list[tuple[str, str]]:
    """二、's sub-sections for a plan without categories: (heading, paragraph) per status."""
    out = []
    for light in LIGHT_ORDER:
        named = [r for r in rows if r.light is light]
        if named:
            details = "；".join(f"{r.name}{r.explanation.rstrip('。')}" for r in named)
            out.append((f"{light_word(light)}的指标", f"共{len(named)}项。{details}。"))
    return out
