"""Building the quarterly report's model from the database (one read-only session).

:func:`build_report` evaluates every indicator of a plan in one region at a quarter and gathers
what the three outputs show: each table column, the category groups, the status counts, the
lagging indicators with the comments recorded for them, and the trend behind each chart. The model
types live in :mod:`planmonitor.domain.report` (the writers in ``exchange`` may not import
services); they are re-exported here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from planmonitor.domain.formatting import light_symbol, light_word
from planmonitor.domain.indicator import Cadence, Comparator, Indicator, TargetForm
from planmonitor.domain.observation import Series, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION
from planmonitor.domain.regional import region_indicator
from planmonitor.domain.report import (
    LIGHT_ORDER,
    CategoryGroup,
    CommentNote,
    ReportModel,
    ReportRow,
    StatusCount,
    Trend,
    TrendPoint,
)
from planmonitor.domain.report_text import (
    category_text,
    document_text,
    forecast_text,
    period_label,
    period_note,
    remark,
    summary_text,
    target_display,
)
from planmonitor.domain.report_trend import build_trend, schedule_or_none
from planmonitor.domain.round_report import RoundSection
from planmonitor.domain.status_result import Status
from planmonitor.services.errors import UserError
from planmonitor.services.observations import period_from_columns
from planmonitor.services.status import IndicatorStatus, StatusData
from planmonitor.store.database import Database
from planmonitor.store.models import ObservationRow

__all__ = [
    "CategoryGroup",
    "CommentNote",
    "ReportModel",
    "ReportRow",
    "StatusCount",
    "Trend",
    "TrendPoint",
    "build_report",
    "check_quarter",
]

OTHER_CATEGORY = "其他指标"


@dataclass(frozen=True)
class _Note:
    """Standing and comment of one current value."""

    period: Period
    standing: str
    comment: str


def check_quarter(quarter: Period) -> Period:
    """The report quarter, or UserError when ``quarter`` is a month or a whole year."""
    if quarter.is_annual or not quarter.is_quarter_end:
        raise UserError(f"报告期“{quarter.label_zh()}”应为季度，如2024Q3或2024年第三季度")
    return quarter


def build_report(
    db: Database,
    plan_id: str,
    quarter: Period,
    region: str | None = None,
    report_date: date | None = None,
) -> ReportModel:
    """The report of ``plan_id`` in ``region`` (the plan's own by default) at ``quarter``.

    ``report_date`` is the report's 成文日期 (today when not given).
    """
    check_quarter(quarter)
    with db.session() as s:
        loaded = StatusData(s, plan_id, quarter)
        reg = loaded.find_region(region)
        items = loaded.statuses([reg])
        reg_id = loaded.region_ids[reg.code]
        code_to_id = {code: i for i, code in loaded.ind_ids.items()}
        notes = _notes(s, list(loaded.ind_ids), reg_id, quarter)
        inputs = []
        for item in items:
            ind_id = code_to_id[item.indicator.code]
            values = [
                (p, v)
                for p, v in loaded.values.get((ind_id, reg_id), ())
                if p.moment <= quarter.moment
            ]
            if reg.code == ROOT_REGION:
                sched_ind: Indicator | None = item.indicator
            else:
                share = loaded.region_targets.get((ind_id, reg_id))
                sched_ind = None if share is None else region_indicator(item.indicator, *share)
            inputs.append((item, sched_ind, Series(values), notes.get(ind_id, [])))
    plan = loaded.plan
    grouped = _group(plan.categories, [inp[0].indicator.category for inp in inputs])
    groups: list[CategoryGroup] = []
    number = 0
    for name, members in grouped:
        rows = []
        for i in members:
            number += 1
            rows.append(_row(number, *inputs[i], quarter))
        groups.append(CategoryGroup(name, tuple(rows), category_text(name, rows)))
    all_rows = [r for g in groups for r in g.rows]
    counts = tuple(
        StatusCount(
            light, light_word(light), light_symbol(light), sum(r.light is light for r in all_rows)
        )
        for light in LIGHT_ORDER
    )
    summary = summary_text(plan.title, plan.region, reg.name, quarter, all_rows, counts)
    return ReportModel(
        plan_id=plan.id,
        plan_title=plan.title,
        issuer=plan.issuer,
        region=reg.name,
        baseline_year=plan.baseline_year,
        target_year=plan.target_year,
        quarter=quarter,
        groups=tuple(groups),
        counts=counts,
        summary=summary,
        generated=report_date or date.today(),
        plan_region=plan.region,
        round=_round(db, plan.id, quarter) if reg.code == ROOT_REGION else None,
    )


def _round(db: Database, plan_id: str, quarter: Period) -> RoundSection:
    from planmonitor.services.round_report import round_section  # only when a report is made

    return round_section(db, plan_id, quarter)


def _group(order: tuple[str, ...], categories: list[str]) -> list[tuple[str, list[int]]]:
    """Indexes by category: the plan's order first, then others as they appear, unnamed last."""
    names = [c for c in order if c in categories]
    names += [c for c in dict.fromkeys(categories) if c and c not in names]
    out = [(name, [i for i, c in enumerate(categories) if c == name]) for name in names]
    unnamed = [i for i, c in enumerate(categories) if not c]
    if unnamed:
        out.append((OTHER_CATEGORY if out else "", unnamed))
    return out


def _notes(s: Session, ind_ids: list[int], reg_id: int, quarter: Period) -> dict[int, list[_Note]]:
    """Standing and comment of every current value up to the quarter, newest first."""
    o = ObservationRow
    query = select(o.indicator_id, o.year, o.month, o.standing, o.comment).where(
        o.indicator_id.in_(ind_ids),
        o.region_id == reg_id,
        o.superseded_at.is_(None),
        o.year <= quarter.year,
    )
    out: dict[int, list[_Note]] = defaultdict(list)
    for ind_id, year, month, standing, comment in s.execute(query).all():
        period = period_from_columns(year, month)
        if period.moment <= quarter.moment:
            out[ind_id].append(_Note(period, standing, comment or ""))
    for lst in out.values():
        lst.sort(key=lambda n: n.period, reverse=True)
    return out


def _comments(notes: list[_Note], st: Status, quarter: Period) -> tuple[CommentNote, ...]:
    """Comments of the values of the data period's year up to the value shown, newest first.

    A comment explains the value it was recorded with: last year's words about last year's
    figures do not describe this year's (the report quarter's year where there is no value).
    """
    shown = st.data_period or quarter
    seen: set[str] = set()
    out = []
    for n in notes:
        text = n.comment.strip()
        if (
            text
            and n.period.year == shown.year
            and n.period.moment <= shown.moment
            and text not in seen
        ):
            seen.add(text)
            out.append(CommentNote(n.period, text))
    return tuple(out)


def _standing(notes: list[_Note], st: Status) -> Standing | None:
    for n in notes:
        if st.data_period is not None and n.period == st.data_period:
            try:
                return Standing(n.standing)
            except ValueError:
                return None
    return None


def _yoy(ind: Indicator, series: Series, st: Status) -> tuple[float | None, bool]:
    """同比: relative growth in %, or the change in percentage points for a % indicator."""
    dp = st.data_period
    if dp is None or st.actual is None or ind.target.form is TargetForm.GROWTH_RATE:
        return None, False
    if ind.is_percent:
        prev = series.at(dp.previous_year())
        return (None if prev is None else st.actual - prev), True
    return st.yoy, False


def _year_target(
    ind: Indicator, sched_ind: Indicator | None, st: Status, quarter: Period
) -> tuple[float | None, int | None]:
    """本年目标 and its year: the status's, or this year's from the schedule where no data."""
    if st.year_target is not None:
        return st.year_target, st.data_period.year if st.data_period else quarter.year
    if ind.target.form is TargetForm.GROWTH_RATE:
        return ind.target.rate, quarter.year
    sched = schedule_or_none(sched_ind)
    return (None, None) if sched is None else (sched.year_target(quarter.year), quarter.year)


def _remark_comments(comments: tuple[CommentNote, ...], st: Status, quarter: Period) -> list[str]:
    """The comments for 备注: the shown value's as written, earlier ones with their period."""
    shown = st.data_period or quarter
    return [c.text if c.period == shown else f"{c.period.label_zh()}：{c.text}" for c in comments]


def _completion(ind: Indicator, st: Status) -> float | None:
    """完成率, read the right way round: for a ≤ target the allowed value over the actual."""
    if ind.target.comparator is Comparator.LE and st.year_target is not None:
        if st.actual is None or st.actual <= 0:
            return None
        return st.year_target / st.actual
    return st.completion


def _share(sched_ind: Indicator | None, st: Status) -> float | None:
    """序时进度: the share of the year the schedule has released by the actual's period."""
    if st.share is not None:
        return st.share
    dp = st.data_period
    sched = schedule_or_none(sched_ind)
    if dp is None or sched is None:
        return None
    return 1.0 if dp.is_annual else sched.share(dp)


def _row(
    number: int,
    item: IndicatorStatus,
    sched_ind: Indicator | None,
    series: Series,
    notes: list[_Note],
    quarter: Period,
) -> ReportRow:
    ind, st = item.indicator, item.status
    if sched_ind is None:  # a sub-region without its share of the target
        target, target_text, prefix, suffix = None, "未分解", "", ""
    else:
        target, target_text, prefix, suffix = target_display(sched_ind)
    year_target, yt_year = _year_target(ind, sched_ind, st, quarter)
    yoy, points = _yoy(ind, series, st)
    comments = _comments(notes, st, quarter)
    fc = st.forecast
    actual, label = st.actual, period_label(ind, st.data_period, quarter)
    if ind.target.form is TargetForm.GROWTH_RATE and st.data_period is not None:
        actual = st.realised_rate  # the target is an average rate: show the realised one
        label = f"{ind.baseline_year + 1}—{st.data_period.year}年年均"
    quota = ind.target.form is TargetForm.QUOTA
    return ReportRow(
        number=number,
        code=ind.code,
        name=ind.name,
        unit=ind.unit,
        category=ind.category,
        decimals=ind.decimals,
        baseline=None if quota else st.baseline,
        baseline_year=ind.baseline_year,
        target=target,
        target_text=target_text,
        target_prefix=prefix,
        target_suffix=suffix,
        target_year=ind.target_year,
        year_target=year_target,
        year_target_year=yt_year,
        actual=actual,
        data_period=st.data_period,
        period_label=label,
        period_note=period_note(st.data_period, quarter),
        completion=_completion(ind, st),
        expected=st.expected,
        share=_share(sched_ind, st),
        progress=st.progress,
        yoy=yoy,
        yoy_points=points,
        realised_rate=st.realised_rate,
        light=st.light,
        status_word=light_word(st.light),
        status_symbol=light_symbol(st.light),
        responsible="、".join(ind.responsible) or ind.source,
        responsible_is_source=not ind.responsible and bool(ind.source),
        remark=remark(st, ind, _standing(notes, st), _remark_comments(comments, st, quarter)),
        explanation=document_text(st.explanation_zh),
        forecast_text="" if fc is None else ("预计可完成" if fc.reaches else "难以完成"),
        trend_text=forecast_text(st, ind.decimals, ind.unit, short=True),
        stale=st.stale,
        annual_only=ind.cadence is Cadence.ANNUAL_LATE,
        quota=quota,
        comments=comments,
        trend=build_trend(ind, sched_ind, series, st),
    )
