"""The report's words: targets as the plan words them, remarks and the narrative paragraphs.

Plain functions over plain data, shared by the table, the PDF and the Word narrative so that the
three say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence

from planmonitor.domain.formatting import Light, fmt_rate, light_word
from planmonitor.domain.indicator import Comparator, Indicator, TargetForm
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


def period_note(data_period: Period | None, quarter: Period) -> str:
    """ "（2023年）" when the value shown is not of the report quarter itself."""
    if data_period is None or data_period == quarter:
        return ""
    return f"（{data_period.label_zh()}）"


def forecast_text(st: Status, decimals: int, unit: str) -> str:
    """预计可完成 / 难以完成 with the forecast value."""
    fc = st.forecast
    if fc is None:
        return ""
    shown = f"{fixed(fc.value, decimals)}{'%' if unit in ('%', '％') else unit}"
    if st.kind == "growth_rate":
        shown = f"年均增长{fmt_rate(fc.value)}"
    verdict = "预计可完成" if fc.reaches else "难以完成"
    return f"{verdict}（按近期趋势，{fc.year}年预计{shown}）"


def remark(st: Status, ind: Indicator, standing: Standing | None) -> str:
    """备注: why a status is grey, or the forecast, stale data and estimates."""
    parts: list[str] = []
    if st.light is Light.GREY:
        word = f"（{light_word(Light.GREY)}）"
        text = st.explanation_zh
        parts.append(text[: -len(word)] if text.endswith(word) else text)
    else:
        fc = forecast_text(st, ind.decimals, ind.unit)
        if fc:
            parts.append(fc)
    if st.stale and st.data_period is not None and st.light is not Light.GREY:
        parts.append(f"数据截至{st.data_period.label_zh()}")
    if standing is Standing.ESTIMATE and st.actual is not None:
        parts.append("数据为预计数")
    return "；".join(parts)


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
