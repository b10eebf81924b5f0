"""Revising a target (动态调整) in the indicator's own form.

A revision changes the number the plan words its target with — the level (redrawing a milestone
path to the new end point), the cumulative increase, the points a year, the growth rate, the
yearly quota, or a qualitative milestone's due date — and keeps everything else of the form.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planmonitor.domain.formatting import fmt_num, fmt_rate, zh_amount
from planmonitor.domain.indicator import Comparator, Indicator, PlanError, Target, TargetForm

WHAT_ZH = {
    TargetForm.LEVEL: "目标值",
    TargetForm.INCREASE: "累计增加值",
    TargetForm.POINTS: "每年提高的百分点",
    TargetForm.CAGR: "年均增长率（%）",
    TargetForm.GROWTH_RATE: "年均增长率（%）",
    TargetForm.QUOTA: "每年额度",
    TargetForm.MILESTONE: "完成期限（YYYY-MM-DD）",
}


def revised_target(ind: Indicator, number: float, *, final: bool = False) -> Target:
    """The target of ``ind`` with its own number changed to ``number``.

    ``number`` is what the form words (see :data:`WHAT_ZH`); with ``final`` it is instead the
    level to reach by the target year, and the form's number is worked out from the baseline.
    Raise :class:`PlanError` where that cannot be done.
    """
    t = ind.target
    form = t.form
    years = ind.target_year - ind.baseline_year
    b = ind.baseline
    if form is TargetForm.MILESTONE:
        raise PlanError(f"指标{ind.code}是定性目标：请给出新的完成期限（YYYY-MM-DD）")
    if final and form in (TargetForm.INCREASE, TargetForm.POINTS, TargetForm.CAGR) and b is None:
        raise PlanError(f"指标{ind.code}缺少{ind.baseline_year}年基数，无法由目标值推算")
    if form is TargetForm.LEVEL:
        kept = tuple(m for m in t.milestones if m.year < ind.target_year)
        new = replace(t, value=number, milestones=kept)
    elif form is TargetForm.QUOTA:
        new = replace(t, value=number)
    elif form is TargetForm.INCREASE:
        assert not final or b is not None
        increase = number - b if final and b is not None else number
        new = replace(t, increase=increase, value=None if b is None else b + increase)
    elif form is TargetForm.POINTS:
        points = (number - b) / years if final and b is not None else number
        new = replace(t, rate=points, value=None if b is None else b + points * years)
    elif form is TargetForm.CAGR:
        if final and b is not None:
            if b <= 0 or number <= 0:
                raise PlanError(f"指标{ind.code}的基数和目标值须为正数才能推算年均增长率")
            rate = ((number / b) ** (1 / years) - 1) * 100
        else:
            rate = number
        new = replace(t, rate=rate, value=None)
    else:  # GROWTH_RATE: the yearly rate itself
        new = replace(t, rate=number)
    new = replace(new, text=wording(replace(ind, target=new)))
    new.validate(f"指标{ind.code}")
    return new


def revised_due(ind: Indicator, due: date) -> Target:
    """A qualitative milestone with a new due date."""
    if ind.target.form is not TargetForm.MILESTONE:
        raise PlanError(f"指标{ind.code}不是定性目标：请给出新的目标数值")
    original = ind.target.text.split("（完成期限调整为")[0]
    text = f"{original}（完成期限调整为{due.year}年{due.month}月{due.day}日）"
    return replace(ind.target, due=due, text=text)


def wording(ind: Indicator) -> str:
    """The target as a plan would word it: 到2025年达到1400家, 200（累计增加85）, 年均增长12%."""
    t = ind.target
    final = ind.final_target()
    end = "" if final is None else zh_amount(final, ind.decimals, ind.unit)
    if t.form is TargetForm.LEVEL:
        word = {Comparator.GE: "达到", Comparator.LE: "不超过", Comparator.APPROX: "达到"}
        tail = "左右" if t.comparator is Comparator.APPROX else ""
        points = [
            f"到{m.year}年底{zh_amount(m.value, ind.decimals, ind.unit)}"
            for m in sorted(t.milestones, key=lambda m: m.year)
            if m.year < ind.target_year
        ]
        if points:
            return "，".join([*points, f"到{ind.target_year}年底{end}{tail}"])
        return f"到{ind.target_year}年{word[t.comparator]}{end}{tail}"
    if t.form is TargetForm.INCREASE:
        step = "个百分点" if ind.is_percent else ind.unit
        inc = f"累计增加{fmt_num(t.increase, ind.decimals, ind.unit)}{step}"
        return f"{end}（{inc}）" if end else inc
    if t.form is TargetForm.POINTS:
        pts = f"年均提高{fmt_num(t.rate, 2).rstrip('0').rstrip('.')}个百分点"
        return f"{end}（{pts}）" if end else pts
    if t.form in (TargetForm.CAGR, TargetForm.GROWTH_RATE):
        return f"年均增长{fmt_rate(t.rate, 2)}"
    if t.form is TargetForm.QUOTA:
        least = "不超过" if t.comparator is Comparator.LE else "不少于"
        return f"每年{least}{zh_amount(t.value, ind.decimals, ind.unit)}"
    return t.text
