"""Qualitative milestones (定性目标): done or not done by a date, the latest record counting."""

from __future__ import annotations

from planmonitor.domain.formatting import Light
from planmonitor.domain.indicator import Indicator
from planmonitor.domain.observation import Series
from planmonitor.domain.periods import Period
from planmonitor.domain.status_result import Status


def milestone_status(ind: Indicator, series: Series, asked: Period, st: Status) -> Status:
    """Fill ``st`` for a qualitative milestone asked about at ``asked``.

    The latest record at or before ``asked`` is the current state (a later 未完成 after 完成
    counts). Done by the due date is 已完成; done after it is 逾期完成 (not met on time, reason
    ``late``, ``data_period`` the completion); not done after the due date is 未完成.
    """
    due = ind.target.due
    assert due is not None
    st.kind, st.target, st.actual = "milestone", None, None
    upto = [(p, v) for p, v in series if p.moment <= asked.moment]
    if upto and upto[-1][1] >= 1:
        done_in = upto[-1][0]
        for p, v in reversed(upto):
            if v < 1:
                break
            done_in = p
        st.data_period, st.actual, st.progress = done_in, 1.0, 1.0
        if done_in.end_date > due:
            st.light, st.reason = Light.NOT_MET, "late"
        else:
            st.light = Light.MET
        return st
    if upto:
        last = upto[-1][0]
        st.data_period, st.actual = last, 0.0
        earlier = [p for p, v in upto if v >= 1]
        if earlier:
            st.reason = "reverted"
            st.detail_zh = earlier[-1].label_zh()
            st.detail_en = earlier[-1].label_en()
    if asked.end_date >= due:
        st.light, st.progress = Light.NOT_MET, 0.0
        return st
    st.reason = st.reason or "not_due"
    return st
