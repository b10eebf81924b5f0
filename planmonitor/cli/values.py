"""Value and status commands: record a value, the status of every indicator, a value's history."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from planmonitor.cli.common import default_quarter, print_json
from planmonitor.cli.common import lang as explanation_lang
from planmonitor.domain.formatting import (
    fmt_num,
    fmt_percent,
    light_symbol,
    light_word,
    zh_amount,
)
from planmonitor.domain.observation import Observation, Source, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.text import clean_text
from planmonitor.domain.values import parse_done, parse_number
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService
from planmonitor.services.status import IndicatorStatus, StatusService
from planmonitor.store.database import Database

# -- record -------------------------------------------------------------------------------------


def _warn_checks(db: Database, plan_id: str, e: Entry, name: str, value: float | None) -> None:
    """数据审核 at entry: one line on stderr per check the value needs a 情况说明 for."""
    import sys

    from planmonitor.domain.plan import ROOT_REGION
    from planmonitor.services.reporting_round import findings_for

    region = e.region or ROOT_REGION
    obs = Observation(
        e.code,
        region,
        e.period,
        value,
        e.standing,
        e.comment,
        numerator=e.numerator,
        denominator=e.denominator,
    )
    for f in findings_for(db, plan_id, [obs]):
        if not f.resolved:
            print(
                f"planmonitor: 审核提示：{e.code} {name} {e.period.label_zh()}：{f.rule.label}，"
                f"{f.message}；请用 --note 写明情况说明",
                file=sys.stderr,
            )


def cmd_record(args: argparse.Namespace, db: Database) -> int:
    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    ind = plans.get(plan_id).indicator(args.code.strip())
    period = Period.parse(args.period)
    numerator = _part(args.numerator, "--numerator（分子）")
    denominator = _part(args.denominator, "--denominator（分母）")
    value: float | None = None
    if args.value is None:
        if numerator is None and denominator is None:
            raise UserError("缺少数值：请给出 VALUE，或比值指标的 --numerator 和 --denominator")
    elif ind.target.form.value == "milestone":
        value = parse_done(args.value)
    else:
        value = parse_number(args.value)
        if value is None:
            raise UserError(f"数值“{args.value}”表示缺失；录入时请给出数字")
    try:
        standing = Standing.parse(args.standing)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    entry = Entry(
        ind.code,
        period,
        value,
        args.region,
        standing,
        args.note,
        numerator=numerator,
        denominator=denominator,
        source=Source("cli"),
    )
    if clean_text(args.note).changed:
        print(f"planmonitor: --note：{clean_text(args.note).note}", file=sys.stderr)
    outcome = ObservationService(db).record(plan_id, entry)
    stored = _stored_value(db, plan_id, entry) if value is None else value
    _warn_checks(db, plan_id, entry, ind.name, stored)
    if args.json:
        print_json(
            {
                "code": ind.code,
                "period": period.key,
                "value": stored,
                "numerator": numerator,
                "denominator": denominator,
                "result": outcome.kind,
                "previous": outcome.previous,
            }
        )
        return 0
    amount = zh_amount(stored, ind.decimals, ind.unit)
    if numerator is not None and denominator is not None:
        amount += f"，分子{_plain(numerator)}、分母{_plain(denominator)}"
    shown = f"{ind.code} {ind.name} {period.label_zh()}：{amount}"
    if outcome.kind == "unchanged":
        print(f"{shown}（与已有记录相同，未作修改）")
    elif outcome.kind == "changed":
        previous = zh_amount(outcome.previous, ind.decimals, ind.unit)
        print(f"{shown}（更正，原值{previous}，已保留在历史中）")
    else:
        print(f"{shown}（已录入，{standing.value}）")
    return 0


def _part(text: str | None, option: str) -> float | None:
    """A numerator or denominator from the command line (``None`` when not given)."""
    if text is None:
        return None
    try:
        number = parse_number(text)
    except ValueError:
        number = None
    if number is None:
        raise UserError(f"{option}“{text}”不是数字")
    return number


def _plain(number: float) -> str:
    """A part as typed: 7300000, 26.5 (never 7.3e+06)."""
    return f"{number:.10f}".rstrip("0").rstrip(".")


def _stored_value(db: Database, plan_id: str, entry: Entry) -> float | None:
    """The value the service computed from the parts of ``entry``."""
    for o in ObservationService(db).current(plan_id, entry.region):
        if o.indicator == entry.code and o.period == entry.period:
            return o.value
    return None


# -- status -------------------------------------------------------------------------------------


def status_json(item: IndicatorStatus, lang: str = "zh") -> dict[str, Any]:
    """The ``status --json`` record of one indicator."""
    st = item.status
    fc = st.forecast
    return {
        "code": item.indicator.code,
        "name": item.indicator.name,
        "unit": item.indicator.unit,
        "region": item.region.name,
        "status": st.light.value,
        "word": light_word(st.light, lang),
        "symbol": light_symbol(st.light),
        "actual": st.actual,
        "expected": st.expected,
        "progress": None if st.progress is None else round(st.progress, 6),
        "data_period": st.data_period.key if st.data_period else None,
        "asked": st.asked.key,
        "stale": st.stale,
        "reason": st.reason or None,
        "year_target": st.year_target,
        "completion": st.completion,
        "yoy": st.yoy,
        "realised_rate": st.realised_rate,
        "forecast": None
        if fc is None
        else {
            "year": fc.year,
            "value": fc.value,
            "target": fc.target,
            "reaches": fc.reaches,
            "text": ("预计可完成" if fc.reaches else "难以完成")
            if lang == "zh"
            else ("likely to be met" if fc.reaches else "unlikely to be met"),
        },
        "explanation": st.explanation(lang),
        "explanation_en": st.explanation_en,
    }


def cmd_status(args: argparse.Namespace, db: Database) -> int:
    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    asked = Period.parse(args.quarter) if args.quarter else default_quarter()
    if not asked.is_quarter_end or asked.is_annual:
        raise UserError(f"报告期“{args.quarter}”应为季度，如2024Q3或2024年第三季度")
    items = StatusService(db).evaluate(plan_id, asked, args.region)
    lang_ = explanation_lang(args)
    if args.json:
        print_json([status_json(i, lang_) for i in items])
        return 0
    plan = plans.get(plan_id)
    region = items[0].region.name if items else plan.region
    print(f"《{plan.title}》{region}，报告期{asked.label(lang_)}")
    for it in items:
        st = it.status
        mark = f"{light_symbol(st.light)} {light_word(st.light, lang_)}"
        print(
            f"{it.indicator.code:>4} [{mark}] {it.indicator.name}：{st.explanation(lang_)}"
            + (f"  P={fmt_percent(st.progress)}" if st.progress is not None else "")
        )
    return 0


# -- history ------------------------------------------------------------------------------------


def observation_json(o: Observation) -> dict[str, Any]:
    """The ``history --json`` record of one recorded value."""
    return {
        "code": o.indicator,
        "region": o.region,
        "period": o.period.key,
        "value": o.value,
        "numerator": o.numerator,
        "denominator": o.denominator,
        "standing": o.standing.value,
        "comment": o.comment,
        "source": o.source.describe(),
        "source_kind": o.source.kind,
        "file": o.source.file or None,
        "sheet": o.source.sheet or None,
        "cell": o.source.cell or None,
        "recorded_by": o.recorded_by,
        "recorded_at": o.recorded_at.isoformat(timespec="seconds") if o.recorded_at else None,
        "superseded_at": o.superseded_at.isoformat(timespec="seconds") if o.superseded_at else None,
        "current": o.is_current,
    }


def cmd_history(args: argparse.Namespace, db: Database) -> int:
    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    rows = ObservationService(db).history(plan_id, args.code.strip(), args.region)
    carried = None
    if args.with_predecessor:
        from planmonitor.services.carried_over import CarriedOverService

        carried = CarriedOverService(db).carried_over(
            plan_id, args.code.strip(), args.region or "*"
        )
    if args.json:
        if not args.with_predecessor:
            print_json([observation_json(o) for o in rows])
            return 0
        pred = None
        if carried is not None:
            pred = {
                "plan": carried.plan_id,
                "code": carried.indicator.code,
                "name": carried.indicator.name,
                "unit": carried.indicator.unit,
                "unit_note": carried.unit_note,
                "outcome": carried.final.outcome if carried.final else None,
                "values": [observation_json(o) for o in carried.values],
            }
        print_json({"values": [observation_json(o) for o in rows], "predecessor": pred})
        return 0
    ind = plans.get(plan_id).indicator(args.code.strip())
    if carried is not None:
        p = carried.indicator
        outcome = f"，总结评估：{carried.final.outcome}" if carried.final else ""
        print(f"上期：{carried.label} {carried.plan_id} {p.code} {p.name}（{p.unit}）{outcome}")
        if carried.unit_note:
            print(f"  {carried.unit_note}")
        _print_rows(carried.values, p.decimals)
    elif args.with_predecessor:
        print("（本指标不接续上期规划的指标）")
    print(f"{ind.code} {ind.name}（{ind.unit}）")
    _print_rows(rows, ind.decimals)
    return 0


def _print_rows(rows: list[Observation], decimals: int) -> None:
    if not rows:
        print("（尚无记录）")
    for o in rows:
        when = o.recorded_at.strftime("%Y-%m-%d %H:%M") if o.recorded_at else ""
        state = "现行" if o.is_current else "已更正"
        print(
            f"  {o.period.label_zh():<12} {fmt_num(o.value, decimals):>10} {o.standing.value}"
            f"  {state}  {when} {o.recorded_by}  {o.source.describe()}  {o.comment}"
        )


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the value and status commands: record, status, history."""

    rec = sub.add_parser("record", help="录入一个值")
    rec.add_argument("code", metavar="CODE", help="指标编码")
    rec.add_argument(
        "period", metavar="PERIOD", help="期间：2024Q3、2024年1-9月、2024-09、2023（年度）"
    )
    rec.add_argument(
        "value",
        metavar="VALUE",
        nargs="?",
        help="数值（定性目标填 完成/未完成；比值指标可改填 --numerator 和 --denominator）",
    )
    rec.add_argument("--plan", metavar="ID")
    rec.add_argument("--region", metavar="R", help="地区编码或名称（默认：规划本级）")
    rec.add_argument(
        "--standing", default="初步", metavar="S", help="预计 / 初步 / 正式（默认 初步）"
    )
    rec.add_argument("--note", default="", metavar="T", help="情况说明")
    rec.add_argument(
        "--numerator", metavar="N", help="比值指标的分子（如研发经费），比值由程序计算"
    )
    rec.add_argument("--denominator", metavar="D", help="比值指标的分母（如地区生产总值）")
    rec.add_argument("--json", action="store_true")

    status = sub.add_parser("status", help="各指标是否达到序时进度")
    status.add_argument("--plan", metavar="ID")
    status.add_argument("--quarter", metavar="2024Q3", help="报告期（默认：上一个已结束的季度）")
    status.add_argument("--region", metavar="R")
    status.add_argument("--json", action="store_true")

    hist = sub.add_parser("history", help="一个指标的全部录入记录（含被更正的）")
    hist.add_argument("code", metavar="CODE")
    hist.add_argument("--plan", metavar="ID")
    hist.add_argument("--region", metavar="R")
    hist.add_argument("--json", action="store_true")
    hist.add_argument(
        "--with-predecessor",
        action="store_true",
        help="先列出所接续的上期规划指标的现行数值（十四五 → 十五五）",
    )

    rec.set_defaults(handler=cmd_record, needs_db=True)
    status.set_defaults(handler=cmd_status, needs_db=True)
    hist.set_defaults(handler=cmd_history, needs_db=True)
