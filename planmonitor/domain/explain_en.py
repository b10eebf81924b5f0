"""The English explanation of a status (the second language; the Chinese one leads)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planmonitor.domain.formatting import (
    Light,
    en_amount,
    fmt_percent,
    fmt_plain,
    fmt_rate,
    light_word,
)
from planmonitor.domain.indicator import Comparator, Indicator, Nature, TargetForm

if TYPE_CHECKING:
    from planmonitor.domain.periods import Period
    from planmonitor.domain.status_result import Status


def _v(st: Status, value: float | None) -> str:
    return en_amount(value, st.decimals, st.unit)


def _when(ind: Indicator, p: Period) -> str:
    if ind.nature is Nature.FLOW:
        span = "full year" if p.end_month == 12 else p.ytd_label_en()
        return f"{span} {p.year}:"
    return f"{p.label_en()}:"


def _clauses(st: Status, ind: Indicator) -> str:
    out = ""
    if st.stale and st.data_period is not None:
        out += f"; data only up to {st.data_period.label_en()}"
    fc = st.forecast
    if fc is None or fc.method != "linear" or st.light not in (Light.GREEN, Light.RED):
        return out
    if (st.light is Light.GREEN) == fc.reaches:
        return out
    basis = f"the {fc.first_year}–{fc.last_year} trend" if fc.first_year != fc.last_year else ""
    basis = basis or "the recent trend"
    value, target = _v(st, fc.value), _v(st, fc.target)
    if fc.reaches:
        return out + f"; behind now, but {basis} leads to {value} in {fc.year}, reaching {target}"
    return out + f"; on schedule now, but {basis} leads to {value} in {fc.year}, short of {target}"


def sentence(st: Status, ind: Indicator) -> str:
    """The one-sentence English explanation of ``st``."""
    if st.kind == "milestone":
        return _milestone(st, ind)
    if st.kind == "grey" or st.light is Light.GREY:
        return _grey(st, ind)
    return _graded(st, ind) + _clauses(st, ind)


def _milestone(st: Status, ind: Indicator) -> str:
    word = light_word(st.light, "en")
    dp = st.data_period
    due = ind.target.due.isoformat() if ind.target.due else ""
    if st.reason == "late" and dp is not None:
        return f"Done in {dp.label_en()}, after the due date {due} (done late)"
    if st.light is Light.MET and dp is not None:
        return f"Done in {dp.label_en()} ({word})"
    before = ""
    if st.reason == "reverted" and dp is not None:
        before = f"Reported done in {st.detail_en}, then not done in {dp.label_en()}; "
    if st.light is Light.NOT_MET:
        return _upper_first(f"{before}due by {due} and not done ({word})")
    return _upper_first(f"{before}due by {due}; not reported done yet ({word})")


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _graded(st: Status, ind: Indicator) -> str:
    word = light_word(st.light, "en")
    p = fmt_percent(st.progress)
    dp = st.data_period
    assert dp is not None
    when = _when(ind, dp)
    a, e = _v(st, st.actual), _v(st, st.expected)
    mean, rate = fmt_rate(st.realised_rate), fmt_rate(st.rate)
    tail = f"{p} of schedule ({word})"
    if st.kind == "final":
        return _final(st, ind, word)
    if st.kind == "growth_rate":
        return f"Average growth {mean} a year against {rate} targeted: {tail}"
    if st.kind == "cagr":
        return (
            f"{dp.label_en()}: {a} against {e} on the {rate} growth path, realised average "
            f"growth {mean}: {tail}"
        )
    if st.kind == "cagr_yoy":
        return (
            f"{when} {a}, {fmt_rate(st.yoy)} on the same period of last year against "
            f"{rate} targeted: {tail}"
        )
    if st.kind == "quota":
        return f"{when} {a} against {e} due (quota {_v(st, st.target)} a year): {tail}"
    if st.kind == "ceiling":
        within = "within" if st.light is Light.GREEN else "above"
        return f"{when} {a}, {within} the ceiling of {e} ({word})"
    if st.kind == "milestone_point":
        return f"{when} {a} against the {dp.year} milestone of {e}: {p} ({word})"
    if st.kind == "direct":
        return f"{when} {a} against the target {e}: {p} ({word})"
    if st.kind == "flow":
        year = _v(st, st.year_target)
        return f"{when} {a} against {e} due (this year's target {year}): {tail}"
    return f"{when} {a} against {e} due by now: {tail}"


def _final(st: Status, ind: Indicator, word: str) -> str:
    assert st.data_period is not None
    met = st.light is Light.MET
    reached = "reaching" if met else "short of"
    mean, rate = fmt_rate(st.realised_rate), fmt_rate(st.rate)
    if ind.target.form is TargetForm.GROWTH_RATE:
        return f"Average growth {mean} against the {rate} a year targeted ({word})"
    if ind.target.form is TargetForm.QUOTA:
        if not met:
            return f"Yearly quota of {_v(st, st.target)} missed in {st.detail_zh} ({word})"
        return f"Yearly quota of {_v(st, st.target)} reached every year ({word})"
    a, e = _v(st, st.actual), _v(st, st.expected)
    shown = f"{st.data_period.label_en()}: {a}"
    if ind.target.comparator is Comparator.APPROX and st.expected is not None:
        tol = fmt_plain(st.tolerance or 0.0).removesuffix(".0")
        band = f"±{tol} points" if ind.is_percent else f"±{tol} {ind.unit}"
        gap = abs(st.actual - st.expected) if st.actual is not None else None
        inside = gap is not None and gap <= (st.tolerance or 0) + 1e-9
        where = "within" if inside else "outside"
        return f"{shown}, {where} the target of about {e} ({band}): {word}"
    if st.ceiling:
        return f"{shown}, {'within' if met else 'above'} the ceiling of {e} ({word})"
    text = f"{shown}, {reached} the target of {e} ({word})"
    if st.realised_rate is not None:
        text += f"; realised average growth {mean}"
    return text


_DETAILED = ("no_baseline", "no_target", "no_region_target")  # grey for want of an input


def _grey(st: Status, ind: Indicator) -> str:
    word = light_word(Light.GREY, "en")
    dp = st.data_period
    if st.reason == "no_data" or (dp is None and st.reason not in _DETAILED):
        return f"No data up to {st.asked.label_en()} ({word})"
    if st.reason in _DETAILED:
        shown = f"{dp.label_en()}: {_v(st, st.actual)}; " if dp is not None else ""
        return f"{shown}{st.detail_en} ({word})"
    assert dp is not None
    shown = f"{_when(ind, dp)} {_v(st, st.actual)}"
    if st.reason == "nothing_due":
        if st.kind == "milestone_point":
            return f"{shown}; the {dp.year} milestone is judged at the year end ({word})"
        return f"{shown}; nothing is due yet by the release profile ({word})"
    if st.reason == "missing_years":
        return f"Data for {st.detail_zh} missing ({word})"
    if st.reason == "zero_target":
        return f"{shown}; the target is zero ({word})"
    return f"{shown} ({word})"
