"""One-sentence explanations of a status, with its numbers, as an official writes them.

Chinese: no spaces around numbers ("为1105家"); stocks read "截至2024年9月末达1105家", flows
"2024年1—9月完成…" and a closed year "全年完成…"; counts never show a fraction; one pair of
brackets at most — the status word at the end — and anything more (stale data, an incomplete
roll-up, why the forecast differs from the light) is a further clause after a semicolon.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from planmonitor.domain import explain_en
from planmonitor.domain.formatting import (
    Light,
    fmt_percent,
    fmt_plain,
    fmt_rate,
    light_word,
    zh_amount,
)
from planmonitor.domain.indicator import Cadence, Comparator, Indicator, Nature, TargetForm

if TYPE_CHECKING:
    from planmonitor.domain.periods import Period
    from planmonitor.domain.status_result import Status


def finish(st: Status, ind: Indicator) -> Status:
    """Return ``st``, its explanations to be written from ``ind`` when first read."""
    st.explainer = partial(sentences, ind)
    return st


def sentences(ind: Indicator, st: Status) -> tuple[str, str]:
    """The Chinese and English explanations of ``st`` (an indicator of ``ind``)."""
    zh, en = _zh(st, ind), explain_en.sentence(st, ind)
    period = st.incomplete_period
    if st.incomplete and period is not None:
        names = "、".join(st.incomplete)
        zh += f"；{period.label_zh()}下级地区数据不全，缺：{names}，未汇总"
        en += f"; {period.label_en()} not rolled up: no data from {', '.join(st.incomplete)}"
    return zh, en


def _v(st: Status, value: float | None) -> str:
    return zh_amount(value, st.decimals, st.unit)


def _date_zh(st: Status, ind: Indicator) -> str:
    due = ind.target.due
    return f"{due.year}年{due.month}月{due.day}日" if due else ""


def when_zh(ind: Indicator, p: Period) -> str:
    """How the value comes in: 截至2024年9月末达 / 2024年1—9月完成 / 2023年全年完成 / 2023年为."""
    if ind.nature is Nature.FLOW:
        span = "全年" if p.end_month == 12 else p.ytd_label_zh()
        return f"{p.year}年{span}完成"
    if ind.cadence is Cadence.ANNUAL_LATE:
        return f"{p.year}年为"
    month = "" if p.end_month == 12 else f"{p.end_month}月"
    return f"截至{p.year}年{month}末达"


def _signed_rate(g: float | None, up: str = "增长", down: str = "下降") -> str:
    if g is None:
        return f"{up}—"
    return f"{up}{fmt_rate(g)}" if g >= 0 else f"{down}{fmt_rate(-g)}"


def _cmp_zh(ind: Indicator) -> str:
    return {Comparator.GE: "不少于", Comparator.LE: "不超过", Comparator.APPROX: "约"}[
        ind.target.comparator
    ]


def _clauses(st: Status, ind: Indicator) -> str:
    """Second clauses: stale data; the forecast where it differs from the light, and why."""
    out = ""
    if st.stale and st.data_period is not None:
        out += f"；数据截至{st.data_period.label_zh()}，尚无更新数据"
    fc = st.forecast
    if fc is None or fc.method != "linear":
        return out
    ahead = st.light is Light.GREEN
    if ahead == fc.reaches or st.light not in (Light.GREEN, Light.RED):
        return out
    basis = f"按{fc.first_year}—{fc.last_year}年的趋势" if fc.first_year != fc.last_year else ""
    basis = basis or "按近期趋势"
    at = f"{fc.year}年" if ind.nature is Nature.FLOW else f"{fc.year}年末"
    value, target = _v(st, fc.value), _v(st, fc.target)
    if fc.reaches:
        return out + f"；但{basis}预计{at}可达{value}，可完成目标{target}"
    if st.ceiling:
        return out + f"；但{basis}预计{at}为{value}，将超过{target}的上限"
    low = "高于" if ind.target.comparator is Comparator.LE else "低于"
    return out + f"；但{basis}预计{at}为{value}，{low}目标{target}，难以完成"


def _zh(st: Status, ind: Indicator) -> str:
    if st.kind == "milestone":
        return _milestone_zh(st, ind)
    if st.kind == "grey" or st.light is Light.GREY:
        return _grey_zh(st, ind)
    return _graded_zh(st, ind) + _clauses(st, ind)


def _graded_zh(st: Status, ind: Indicator) -> str:
    word = light_word(st.light, "zh")
    p = fmt_percent(st.progress)
    dp = st.data_period
    assert dp is not None
    a, e = _v(st, st.actual), _v(st, st.expected)
    shown = f"{when_zh(ind, dp)}{a}"
    tail = f"完成序时进度的{p}（{word}）"
    if st.kind == "final":
        return _final_zh(st, ind, word)
    if st.kind == "growth_rate":
        mean, rate = fmt_rate(st.realised_rate), fmt_rate(st.rate)
        return f"{_years_zh(st, ind)}平均增长{mean}，目标年均增长{rate}，{tail}"
    if st.kind == "cagr":
        return (
            f"{dp.year}年为{a}，按年均增长{fmt_rate(st.rate)}的序时目标为{e}，"
            f"实际年均增长{fmt_rate(st.realised_rate)}，{tail}"
        )
    if st.kind == "cagr_yoy":
        same = "同比" if dp.end_month != 12 else "比上年"
        return f"{shown}，{same}{_signed_rate(st.yoy)}，目标年均增长{fmt_rate(st.rate)}，{tail}"
    whole_year = dp.end_month == 12  # a closed year: its target is the schedule
    if st.kind == "quota":
        quota = f"{shown}，全年{_cmp_zh(ind)}{_v(st, st.target)}"
        return (
            f"{quota}，完成全年任务的{p}（{word}）"
            if whole_year
            else f"{quota}，序时目标{e}，{tail}"
        )
    if st.kind == "ceiling":
        over = "超过" if st.light is not Light.GREEN else "未超过"
        return f"{shown}，{over}{e}的上限（{word}）"
    if st.kind == "milestone_point":
        reached = "达到" if st.light is Light.GREEN else "未达到"
        return f"{shown}，{reached}{dp.year}年底{e}的节点目标，完成节点目标的{p}（{word}）"
    if st.kind == "direct":
        return f"{shown}，目标{e}，完成目标的{p}（{word}）"
    if st.kind == "flow":
        year = f"{shown}，本年目标{_v(st, st.year_target)}"
        return (
            f"{year}，完成本年目标的{p}（{word}）" if whole_year else f"{year}，序时目标{e}，{tail}"
        )
    return f"{shown}，序时目标{e}，{tail}"


def _years_zh(st: Status, ind: Indicator) -> str:
    assert st.data_period is not None
    first, last = ind.baseline_year + 1, st.data_period.year
    return f"{last}年" if first == last else f"{first}—{last}年"


def _final_zh(st: Status, ind: Indicator, word: str) -> str:
    met = st.light is Light.MET
    reached = "达到" if met else "未达到"
    if ind.target.form is TargetForm.GROWTH_RATE:
        mean, rate = fmt_rate(st.realised_rate), fmt_rate(st.rate)
        return f"{_years_zh(st, ind)}平均增长{mean}，{reached}年均增长{rate}的目标（{word}）"
    if ind.target.form is TargetForm.QUOTA:
        if not met:
            return f"{st.detail_zh}年未达到每年{_cmp_zh(ind)}{_v(st, st.target)}的要求（{word}）"
        return f"各年均达到每年{_cmp_zh(ind)}{_v(st, st.target)}的要求（{word}）"
    assert st.data_period is not None
    shown = f"{when_zh(ind, st.data_period)}{_v(st, st.actual)}"
    e = _v(st, st.expected)
    rate = ""
    if st.realised_rate is not None:
        rate = f"，实际年均增长{fmt_rate(st.realised_rate)}"
    if ind.target.comparator is Comparator.APPROX and st.expected is not None:
        return f"{shown}{rate}，{_approx_zh(st, ind)}，{word}"
    if st.ceiling:
        return f"{shown}，{'未超过' if met else '超过'}{e}的上限（{word}）"
    return f"{shown}{rate}，{reached}目标{e}（{word}）"


def _approx_zh(st: Status, ind: Indicator) -> str:
    """在目标3.0%左右（±0.5个百分点）范围内 — or above / below that range."""
    assert st.expected is not None and st.actual is not None
    target = fmt_plain(st.expected) + ("%" if ind.is_percent else ind.unit)
    tol = st.tolerance or 0.0
    band = f"±{fmt_plain(tol).removesuffix('.0')}" + ("个百分点" if ind.is_percent else ind.unit)
    if abs(st.actual - st.expected) <= tol + 1e-9:
        return f"在目标{target}左右（{band}）范围内"
    if st.actual > st.expected:
        return f"高于目标{target}左右（{band}）的范围"
    return f"低于目标{target}左右（{band}）的范围"


def _milestone_zh(st: Status, ind: Indicator) -> str:
    word = light_word(st.light, "zh")
    dp = st.data_period
    due = _date_zh(st, ind)
    if st.reason == "late" and dp is not None:
        return f"已于{dp.label_zh()}完成，晚于{due}的完成期限（逾期完成）"
    if st.light is Light.MET and dp is not None:
        return f"已于{dp.label_zh()}完成（{word}）"
    before = ""
    if st.reason == "reverted" and dp is not None:
        before = f"此前曾于{st.detail_zh}报告完成，{dp.label_zh()}报告为未完成，"
    if st.light is Light.NOT_MET:
        return f"{before}完成期限{due}已过，尚未完成（{word}）"
    return f"{before}计划于{due}前完成，尚未报告完成（{word}）"


_DETAILED = ("no_baseline", "no_target", "no_region_target")  # grey for want of an input


def _grey_zh(st: Status, ind: Indicator) -> str:
    word = light_word(Light.GREY, "zh")
    dp = st.data_period
    if st.reason == "no_data" or (dp is None and st.reason not in _DETAILED):
        return f"尚无{st.asked.label_zh()}及以前的数据（{word}）"
    if st.reason in _DETAILED:
        shown = f"{when_zh(ind, dp)}{_v(st, st.actual)}，" if dp is not None else ""
        return f"{shown}{st.detail_zh}（{word}）"
    assert dp is not None
    shown = f"{when_zh(ind, dp)}{_v(st, st.actual)}"
    if st.reason == "nothing_due":
        if st.kind == "milestone_point":
            return (
                f"{shown}，{dp.year}年底节点目标为{_v(st, st.expected)}，尚未到考核节点（{word}）"
            )
        if ind.nature is Nature.FLOW or st.kind == "quota":
            return f"{shown}，按发布节奏本期尚无序时任务（{word}）"
        return f"{shown}，序时目标仍为基数{_v(st, st.baseline)}，尚未到考核节点（{word}）"
    if st.reason == "missing_years":
        return f"缺少{st.detail_zh}年数据，无法计算（{word}）"
    if st.reason == "zero_target":
        return f"{shown}，目标为零，无法计算进度（{word}）"
    return f"{shown}（{word}）"
