"""One-sentence explanations of a status, with its numbers, in Chinese and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planmonitor.domain.formatting import (
    Light,
    fmt_num,
    fmt_percent,
    fmt_rate,
    light_word,
    with_unit,
)
from planmonitor.domain.indicator import Comparator, Indicator, Nature

if TYPE_CHECKING:
    from planmonitor.domain.periods import Period
    from planmonitor.domain.status_result import Status


def finish(st: Status, ind: Indicator) -> Status:
    """Return ``st`` with both explanations filled in."""
    st.explanation_zh = _zh(st, ind)
    st.explanation_en = _en(st, ind)
    return st


def _v(st: Status, value: float | None) -> str:
    return with_unit(fmt_num(value, st.decimals), st.unit)


def _when_zh(st: Status, ind: Indicator, p: Period) -> str:
    """ "2023年第三季度为" (stock) or "2023年1—9月完成" (flow)."""
    if ind.nature is Nature.FLOW:
        return f"{p.year}年{p.ytd_label_zh()}完成"
    return f"{p.label_zh()}为"


def _when_en(st: Status, ind: Indicator, p: Period) -> str:
    if ind.nature is Nature.FLOW:
        return f"{p.ytd_label_en()} {p.year}:"
    return f"{p.label_en()}:"


def _stale_zh(st: Status) -> str:
    return f"（数据截至{st.data_period.label_zh()}）" if st.stale and st.data_period else ""


def _stale_en(st: Status) -> str:
    return f" (data only up to {st.data_period.label_en()})" if st.stale and st.data_period else ""


def _cmp_zh(ind: Indicator) -> str:
    return {Comparator.GE: "不少于", Comparator.LE: "不超过", Comparator.APPROX: "约"}[
        ind.target.comparator
    ]


def _zh(st: Status, ind: Indicator) -> str:
    word = light_word(st.light, "zh")
    p = fmt_percent(st.progress)
    dp = st.data_period
    if st.kind == "milestone":
        due = ind.target.due
        due_txt = f"{due.year}年{due.month}月{due.day}日" if due else ""
        if st.light is Light.MET and dp is not None:
            return f"已于{dp.label_zh()}完成（{word}）"
        if st.light is Light.NOT_MET:
            return f"完成期限{due_txt}已过，尚未完成（{word}）"
        return f"计划于{due_txt}前完成，尚未报告完成"
    if st.kind == "grey" or st.light is Light.GREY:
        return _grey_zh(st, ind)
    assert dp is not None
    when = _when_zh(st, ind, dp)
    a, e = _v(st, st.actual), _v(st, st.expected)
    stale = _stale_zh(st)
    tail = f"完成序时进度的 {p}（{word}）{stale}"
    if st.kind == "final":
        return _final_zh(st, ind, word) + stale
    if st.kind == "growth_rate":
        mean, rate = fmt_rate(st.realised_rate), fmt_rate(st.rate)
        return f"{_years_zh(st, ind)}平均增长 {mean}，目标年均增长 {rate}，{tail}"
    if st.kind == "cagr":
        return (
            f"{dp.label_zh()}为 {a}，按年均增长 {fmt_rate(st.rate)} 序时目标 {e}，"
            f"完成序时进度的 {p}（{word}），实际年均增长 {fmt_rate(st.realised_rate)}{stale}"
        )
    if st.kind == "cagr_yoy":
        return (
            f"{dp.year}年{dp.ytd_label_zh()}为 {a}，同比增长 {fmt_rate(st.yoy)}，目标年均增长 "
            f"{fmt_rate(st.rate)}，完成序时进度的 {p}（{word}）{stale}"
        )
    if st.kind == "quota":
        return (
            f"{when} {a}，序时目标 {e}（全年{_cmp_zh(ind)} {_v(st, st.target)}），"
            f"完成序时进度的 {p}（{word}）{stale}"
        )
    if st.kind == "direct":
        return f"{when} {a}，目标 {e}，完成目标的 {p}（{word}）{stale}"
    if st.kind == "flow":
        return (
            f"{when} {a}，序时目标 {e}（本年目标 {_v(st, st.year_target)}），"
            f"完成序时进度的 {p}（{word}）{stale}"
        )
    return f"{when} {a}，序时目标 {e}，完成序时进度的 {p}（{word}）{stale}"


def _years_zh(st: Status, ind: Indicator) -> str:
    assert st.data_period is not None
    first, last = ind.baseline_year + 1, st.data_period.year
    return f"{last}年" if first == last else f"{first}—{last}年"


def _final_zh(st: Status, ind: Indicator, word: str) -> str:
    reached = "达到" if st.light is Light.MET else "未达到"
    if ind.target.form.value == "growth_rate":
        mean, rate = fmt_rate(st.realised_rate), fmt_rate(st.rate)
        return f"{_years_zh(st, ind)}平均增长 {mean}，{reached}年均增长 {rate} 的目标（{word}）"
    if ind.target.form.value == "quota":
        if st.light is Light.NOT_MET:
            return f"{st.detail_zh}年未达到每年{_cmp_zh(ind)} {_v(st, st.target)} 的要求（{word}）"
        return f"各年均达到每年{_cmp_zh(ind)} {_v(st, st.target)} 的要求（{word}）"
    assert st.data_period is not None
    a, e = _v(st, st.actual), _v(st, st.expected)
    text = f"{st.data_period.label_zh()}为 {a}，{reached}目标 {e}（{word}）"
    if st.realised_rate is not None:
        text += f"，实际年均增长 {fmt_rate(st.realised_rate)}"
    return text


def _grey_zh(st: Status, ind: Indicator) -> str:
    word = light_word(Light.GREY, "zh")
    dp = st.data_period
    if st.reason == "no_data" or (
        dp is None and st.reason not in ("no_baseline", "no_region_target")
    ):
        return f"尚无{st.asked.label_zh()}及以前的数据（{word}）"
    if st.reason in ("no_baseline", "no_region_target"):
        shown = f"{dp.label_zh()}为 {_v(st, st.actual)}，" if dp is not None else ""
        return f"{shown}{st.detail_zh}（{word}）"
    assert dp is not None
    shown = f"{_when_zh(st, ind, dp)} {_v(st, st.actual)}"
    if st.reason == "nothing_due":
        if ind.nature is Nature.FLOW or st.kind == "quota":
            return f"{shown}，按发布节奏本期尚无序时任务（{word}）"
        return f"{shown}，序时目标仍为基数 {_v(st, st.baseline)}，尚未到考核节点（{word}）"
    if st.reason == "missing_years":
        return f"缺少{st.detail_zh}年数据，无法计算（{word}）"
    if st.reason == "zero_target":
        return f"{shown}，目标为零，无法计算进度（{word}）"
    return f"{shown}（{word}）"


# -- English -------------------------------------------------------------------------------------


def _en(st: Status, ind: Indicator) -> str:
    word = light_word(st.light, "en")
    p = fmt_percent(st.progress)
    dp = st.data_period
    if st.kind == "milestone":
        due = ind.target.due.isoformat() if ind.target.due else ""
        if st.light is Light.MET and dp is not None:
            return f"Done in {dp.label_en()} ({word})"
        if st.light is Light.NOT_MET:
            return f"Due by {due} and not done ({word})"
        return f"Due by {due}; not reported done yet"
    if st.kind == "grey" or st.light is Light.GREY:
        return _grey_en(st, ind)
    assert dp is not None
    when = _when_en(st, ind, dp)
    a, e = _v(st, st.actual), _v(st, st.expected)
    stale = _stale_en(st)
    mean, rate = fmt_rate(st.realised_rate), fmt_rate(st.rate)
    tail = f"{p} of schedule ({word}){stale}"
    if st.kind == "final":
        reached = "reaching" if st.light is Light.MET else "short of"
        if ind.target.form.value == "growth_rate":
            return f"Average growth {mean} against the {rate} a year targeted ({word})"
        if ind.target.form.value == "quota":
            if st.light is Light.NOT_MET:
                return f"Yearly quota of {_v(st, st.target)} missed in {st.detail_zh} ({word})"
            return f"Yearly quota of {_v(st, st.target)} reached every year ({word})"
        return f"{dp.label_en()}: {a}, {reached} the target of {e} ({word}){stale}"
    if st.kind == "growth_rate":
        return f"Average growth {mean} a year against {rate} targeted: {tail}"
    if st.kind == "cagr":
        return (
            f"{dp.label_en()}: {a} against {e} on the {rate} growth path: {p} of schedule "
            f"({word}); realised average growth {mean}{stale}"
        )
    if st.kind == "cagr_yoy":
        return (
            f"{dp.ytd_label_en()} {dp.year}: {a}, up {fmt_rate(st.yoy)} year on year against "
            f"{fmt_rate(st.rate)} targeted: {p} of schedule ({word}){stale}"
        )
    if st.kind == "quota":
        return f"{when} {a} against {e} due (quota {_v(st, st.target)} a year): {tail}"
    if st.kind == "direct":
        return f"{when} {a} against the target {e}: {p} ({word}){stale}"
    if st.kind == "flow":
        year = _v(st, st.year_target)
        return f"{when} {a} against {e} due (this year's target {year}): {tail}"
    return f"{when} {a} against {e} due by now: {p} of schedule ({word}){stale}"


def _grey_en(st: Status, ind: Indicator) -> str:
    word = light_word(Light.GREY, "en")
    dp = st.data_period
    if st.reason == "no_data" or (
        dp is None and st.reason not in ("no_baseline", "no_region_target")
    ):
        return f"No data up to {st.asked.label_en()} ({word})"
    if st.reason in ("no_baseline", "no_region_target"):
        shown = f"{dp.label_en()}: {_v(st, st.actual)}; " if dp is not None else ""
        return f"{shown}{st.detail_en} ({word})"
    assert dp is not None
    shown = f"{_when_en(st, ind, dp)} {_v(st, st.actual)}"
    if st.reason == "nothing_due":
        return f"{shown}; nothing is due yet by the release profile ({word})"
    if st.reason == "missing_years":
        return f"Data for {st.detail_zh} missing ({word})"
    if st.reason == "zero_target":
        return f"{shown}; the target is zero ({word})"
    return f"{shown} ({word})"
