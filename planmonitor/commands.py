"""The command-line commands: each turns parsed arguments into service calls and output."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from planmonitor.domain.formatting import (
    fmt_num,
    fmt_percent,
    light_symbol,
    light_word,
    with_unit,
)
from planmonitor.domain.indicator import Indicator
from planmonitor.domain.observation import Observation, Source, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.values import parse_done, parse_number
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, builtin_plans, plan_source
from planmonitor.services.status import IndicatorStatus, StatusService
from planmonitor.store.database import Database


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def default_quarter(today: date | None = None) -> Period:
    """The last quarter that has ended: the one a bureau reports on."""
    today = today or date.today()
    q = (today.month - 1) // 3 + 1
    return Period.quarter(today.year, q).add_quarters(-1)


def _lang(args: argparse.Namespace) -> str:
    return "en" if args.lang == "en" else "zh"


# -- plans / init -------------------------------------------------------------------------------


def cmd_plans(args: argparse.Namespace, _db: Database | None = None) -> int:
    plans = builtin_plans()
    if args.json:
        _print_json(
            [
                {"id": p.id, "title": p.title, "region": p.region, "indicators": len(p.indicators)}
                for p in plans
            ]
        )
        return 0
    for p in plans:
        print(f"{p.id:<14} {p.title}（{p.region}，{len(p.indicators)} 项指标）")
    return 0


def cmd_init(args: argparse.Namespace, db: Database) -> int:
    plan = plan_source(args.plan)
    result = PlanService(db).install(plan)
    s = result.plan
    if result.created:
        print(f"已写入规划 {s.id}《{s.title}》（{s.indicators} 项指标）→ {db.location}")
    else:
        print(f"数据库中已有规划 {s.id}《{s.title}》，内容相同，未作修改")
    return 0


# -- indicators ---------------------------------------------------------------------------------


def indicator_json(ind: Indicator) -> dict[str, Any]:
    """The ``indicators --json`` record of one indicator."""
    t = ind.target
    return {
        "code": ind.code,
        "name": ind.name,
        "unit": ind.unit,
        "category": ind.category,
        "attribute": ind.attribute.value,
        "form": t.form.value,
        "comparator": t.comparator.value,
        "baseline": ind.baseline,
        "baseline_year": ind.baseline_year,
        "target": ind.final_target(),
        "target_year": ind.target_year,
        "rate": t.rate,
        "increase": t.increase,
        "milestones": [[m.year, m.value] for m in t.milestones],
        "due": t.due.isoformat() if t.due else None,
        "target_text": t.text,
        "nature": ind.nature.value,
        "cadence": ind.cadence.value,
        "profile": ind.profile.percent_text(),
        "responsible": list(ind.responsible),
        "source": ind.source,
        "decimals": ind.decimals,
    }


def cmd_indicators(args: argparse.Namespace, db: Database) -> int:
    plans = PlanService(db)
    plan = plans.get(plans.resolve(args.plan))
    if args.json:
        _print_json([indicator_json(i) for i in plan.indicators])
        return 0
    print(f"《{plan.title}》 {plan.baseline_year}—{plan.target_year}")
    for ind in plan.indicators:
        target = ind.target.text or fmt_num(ind.final_target(), ind.decimals)
        base = fmt_num(ind.baseline, ind.decimals)
        print(
            f"{ind.code:>4}  {ind.name}（{ind.unit or '—'}）  基数 {base} → 目标 {target}"
            f"  [{ind.category or '—'}｜{ind.cadence.value}｜{ind.profile.percent_text()}]"
        )
    return 0


# -- record -------------------------------------------------------------------------------------


def cmd_record(args: argparse.Namespace, db: Database) -> int:
    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    ind = plans.get(plan_id).indicator(args.code.strip())
    period = Period.parse(args.period)
    if ind.target.form.value == "milestone":
        value: float | None = parse_done(args.value)
    else:
        value = parse_number(args.value)
        if value is None:
            raise UserError(f"数值“{args.value}”表示缺失；录入时请给出数字")
    try:
        standing = Standing.parse(args.standing)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    entry = Entry(ind.code, period, value, args.region, standing, args.note, source=Source("cli"))
    outcome = ObservationService(db).record(plan_id, entry)
    if args.json:
        _print_json(
            {
                "code": ind.code,
                "period": period.key,
                "value": value,
                "result": outcome.kind,
                "previous": outcome.previous,
            }
        )
        return 0
    amount = with_unit(fmt_num(value, ind.decimals), ind.unit)
    shown = f"{ind.code} {ind.name} {period.label_zh()}：{amount}"
    if outcome.kind == "unchanged":
        print(f"{shown}（与已有记录相同，未作修改）")
    elif outcome.kind == "changed":
        print(f"{shown}（更正，原值 {fmt_num(outcome.previous, ind.decimals)}，已保留在历史中）")
    else:
        print(f"{shown}（已录入，{standing.value}）")
    return 0


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
        raise UserError(f"报告期“{args.quarter}”应为季度，如 2024Q3 或 2024年第三季度")
    items = StatusService(db).evaluate(plan_id, asked, args.region)
    lang = _lang(args)
    if args.json:
        _print_json([status_json(i, lang) for i in items])
        return 0
    plan = plans.get(plan_id)
    region = items[0].region.name if items else plan.region
    print(f"《{plan.title}》 {region} 报告期 {asked.label(lang)}")
    for it in items:
        st = it.status
        mark = f"{light_symbol(st.light)} {light_word(st.light, lang)}"
        print(
            f"{it.indicator.code:>4} [{mark}] {it.indicator.name}：{st.explanation(lang)}"
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
    if args.json:
        _print_json([observation_json(o) for o in rows])
        return 0
    ind = plans.get(plan_id).indicator(args.code.strip())
    print(f"{ind.code} {ind.name}（{ind.unit}）")
    if not rows:
        print("（尚无记录）")
    for o in rows:
        when = o.recorded_at.strftime("%Y-%m-%d %H:%M") if o.recorded_at else ""
        state = "现行" if o.is_current else "已更正"
        print(
            f"  {o.period.label_zh():<12} {fmt_num(o.value, ind.decimals):>10} {o.standing.value}"
            f"  {state}  {when} {o.recorded_by}  {o.source.describe()}  {o.comment}"
        )
    return 0


# -- baseline / revise --------------------------------------------------------------------------


def cmd_baseline(args: argparse.Namespace, db: Database) -> int:
    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    ind = plans.get(plan_id).indicator(args.code.strip())
    value = parse_number(args.value)
    plans.set_baseline(plan_id, ind.code, value)
    print(f"{ind.code} {ind.name}：{ind.baseline_year}年基数设为 {fmt_num(value, ind.decimals)}")
    return 0


def cmd_revise(args: argparse.Namespace, db: Database) -> int:
    from dataclasses import replace

    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    ind = plans.get(plan_id).indicator(args.code.strip())
    value = parse_number(args.target)
    if value is None:
        raise UserError("新的目标值不能为空")
    try:
        effective = date.fromisoformat(args.effective)
    except ValueError:
        raise UserError(f"生效日期“{args.effective}”应写作 YYYY-MM-DD") from None
    t = ind.target
    if t.form.value in ("cagr", "growth_rate", "points"):
        new = replace(t, rate=value, value=None if t.form.value != "points" else t.value)
    else:
        new = replace(
            t,
            value=value,
            increase=None,
            milestones=(),
            form=t.form if t.form.value != "increase" else type(t.form)("level"),
        )
    rev = plans.revise_target(plan_id, ind.code, new, effective, args.reason)
    print(
        f"{ind.code} {ind.name}：目标自 {rev.effective.isoformat()} 起调整为 {args.target}"
        f"（{rev.reason}）"
    )
    return 0


def cmd_demo(args: argparse.Namespace, _db: Database | None = None) -> int:
    """Create the demo database (never the real one) and open the program on it."""
    from planmonitor.services.demo import create_demo, demo_database_path
    from planmonitor.store.database import open_database

    if args.db is None:
        args.db = str(demo_database_path())
    if args.no_gui:
        db = open_database(args.db)
        try:
            plan_id = create_demo(db)
        finally:
            db.close()
        print(f"演示数据库：{args.db}（规划 {plan_id}，数据为合成的演示数据）")
        return 0
    from planmonitor.app import run_gui

    return run_gui(args, demo=True)


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the plan, value and status commands."""

    plans = sub.add_parser("plans", help="列出内置规划")
    plans.add_argument("--json", action="store_true")

    init = sub.add_parser("init", help="把规划写入数据库")
    init.add_argument(
        "--plan", required=True, metavar="ID_OR_FILE", help="内置规划标识或规划文件（.toml）"
    )

    inds = sub.add_parser("indicators", help="列出规划的指标")
    inds.add_argument("--plan", metavar="ID")
    inds.add_argument("--json", action="store_true")

    rec = sub.add_parser("record", help="录入一个值")
    rec.add_argument("code", metavar="CODE", help="指标编码")
    rec.add_argument(
        "period", metavar="PERIOD", help="期间：2024Q3、2024年1-9月、2024-09、2023（年度）"
    )
    rec.add_argument("value", metavar="VALUE", help="数值（定性目标填 完成/未完成）")
    rec.add_argument("--plan", metavar="ID")
    rec.add_argument("--region", metavar="R", help="地区编码或名称（默认：规划本级）")
    rec.add_argument(
        "--standing", default="初步", metavar="S", help="预计 / 初步 / 正式（默认 初步）"
    )
    rec.add_argument("--note", default="", metavar="T", help="情况说明")
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

    base = sub.add_parser("baseline", help="补录规划中缺失的基数")
    base.add_argument("code", metavar="CODE")
    base.add_argument("value", metavar="VALUE")
    base.add_argument("--plan", metavar="ID")

    revise = sub.add_parser("revise", help="调整目标（动态调整，保留历史）")
    revise.add_argument("code", metavar="CODE")
    revise.add_argument("target", metavar="VALUE", help="新的目标值（年均增长类为增长率%%）")
    revise.add_argument("--effective", required=True, metavar="YYYY-MM-DD", help="生效日期")
    revise.add_argument("--reason", required=True, metavar="T", help="调整理由")
    revise.add_argument("--plan", metavar="ID")

    demo = sub.add_parser("demo", help="用演示数据（单独的演示数据库）试用本程序")
    demo.add_argument("--no-gui", action="store_true", help="只生成演示数据库，不打开界面")
    demo.set_defaults(handler=cmd_demo, needs_db=False)

    plans.set_defaults(handler=cmd_plans, needs_db=False)
    init.set_defaults(handler=cmd_init, needs_db=True)
    inds.set_defaults(handler=cmd_indicators, needs_db=True)
    rec.set_defaults(handler=cmd_record, needs_db=True)
    status.set_defaults(handler=cmd_status, needs_db=True)
    hist.set_defaults(handler=cmd_history, needs_db=True)
    base.set_defaults(handler=cmd_baseline, needs_db=True)
    revise.set_defaults(handler=cmd_revise, needs_db=True)
