"""Plan commands: list the built-in plans, load one, list its indicators, fill in a missing
baseline, revise a target, open the demo."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from planmonitor.cli.common import print_json
from planmonitor.domain.formatting import fmt_num
from planmonitor.domain.indicator import Indicator
from planmonitor.domain.values import parse_number
from planmonitor.services.errors import UserError
from planmonitor.services.plans import PlanService, builtin_plans, plan_source
from planmonitor.store.database import Database

# -- plans / init -------------------------------------------------------------------------------


def cmd_plans(args: argparse.Namespace, _db: Database | None = None) -> int:
    plans = builtin_plans()
    if args.json:
        print_json(
            [
                {"id": p.id, "title": p.title, "region": p.region, "indicators": len(p.indicators)}
                for p in plans
            ]
        )
        return 0
    for p in plans:
        print(f"{p.id:<14} {p.title}（{p.region}，{len(p.indicators)}项指标）")
    return 0


def cmd_init(args: argparse.Namespace, db: Database) -> int:
    plan = plan_source(args.plan)
    result = PlanService(db).install(plan)
    for note in result.notes:
        print(f"注意：{note}", file=sys.stderr)
    s = result.plan
    if result.created:
        print(f"已写入规划“{s.id}”《{s.title}》（{s.indicators}项指标）→ {db.location}")
    else:
        print(f"数据库中已有规划“{s.id}”《{s.title}》，内容相同，未作修改")
    return 0


# -- indicators ---------------------------------------------------------------------------------


def indicator_json(ind: Indicator, predecessor_plan: str = "") -> dict[str, Any]:
    """The ``indicators --json`` record of one indicator; ``predecessor`` names the indicator
    of the predecessor plan (``predecessor_plan``) it carries over, or is null."""
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
        "predecessor": (
            {"plan": predecessor_plan, "code": ind.predecessor}
            if ind.predecessor and predecessor_plan
            else None
        ),
    }


def cmd_indicators(args: argparse.Namespace, db: Database) -> int:
    plans = PlanService(db)
    plan = plans.get(plans.resolve(args.plan))
    if args.json:
        pred = plan.predecessor.id if plan.predecessor else ""
        print_json([indicator_json(i, pred) for i in plan.indicators])
        return 0
    print(f"《{plan.title}》{plan.baseline_year}—{plan.target_year}")
    if plan.predecessor is not None:
        print(f"接续上期规划“{plan.predecessor.id}”《{plan.predecessor.title}》")
    for ind in plan.indicators:
        target = ind.target.text or fmt_num(ind.final_target(), ind.decimals)
        base = fmt_num(ind.baseline, ind.decimals)
        carried = f"  ← 上期{ind.predecessor}" if ind.predecessor and plan.predecessor else ""
        print(
            f"{ind.code:>4}  {ind.name}（{ind.unit or '—'}）  基数{base} → 目标{target}"
            f"  [{ind.category or '—'}｜{ind.cadence.value}｜{ind.profile.percent_text()}]"
            f"{carried}"
        )
    return 0


# -- baseline / revise --------------------------------------------------------------------------


def cmd_baseline(args: argparse.Namespace, db: Database) -> int:
    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    ind = plans.get(plan_id).indicator(args.code.strip())
    value = parse_number(args.value)
    plans.set_baseline(plan_id, ind.code, value)
    print(f"{ind.code} {ind.name}：{ind.baseline_year}年基数设为{fmt_num(value, ind.decimals)}")
    return 0


def cmd_revise(args: argparse.Namespace, db: Database) -> int:
    """Revise a target in the indicator's own form, or undo the latest revision (--undo)."""
    from planmonitor.domain.indicator import PlanError, TargetForm
    from planmonitor.domain.revision import WHAT_ZH, revised_due, revised_target

    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    ind = plans.current_indicator(plan_id, args.code.strip())
    if args.undo:
        if args.target is not None:
            raise UserError("撤销目标调整（--undo）时不要再给出新的目标值")
        undone = plans.withdraw_revision(plan_id, ind.code, args.reason)
        print(
            f"{ind.code} {ind.name}：已撤销自{undone.effective.isoformat()}起的目标调整"
            f"（原为“{undone.new.text}”，恢复为“{undone.old.text}”）；调整记录保留在历史中"
        )
        return 0
    if args.target is None:
        raise UserError(f"请给出新的{WHAT_ZH[ind.target.form]}")
    if args.effective is None:
        raise UserError("调整目标须给出生效日期 --effective YYYY-MM-DD")
    try:
        effective = date.fromisoformat(args.effective)
    except ValueError:
        raise UserError(f"生效日期“{args.effective}”应写作 YYYY-MM-DD") from None
    try:
        if ind.target.form is TargetForm.MILESTONE:
            try:
                due = date.fromisoformat(args.target.strip())
            except ValueError:
                raise UserError(f"新的完成期限“{args.target}”应写作 YYYY-MM-DD") from None
            new = revised_due(ind, due)
        else:
            value = parse_number(args.target)
            if value is None:
                raise UserError("新的目标值不能为空")
            new = revised_target(ind, value, final=args.final)
    except PlanError as exc:
        raise UserError(str(exc)) from None
    rev = plans.revise_target(plan_id, ind.code, new, effective, args.reason)
    print(
        f"{ind.code} {ind.name}：目标自{rev.effective.isoformat()}起由“{rev.old.text}”"
        f"调整为“{rev.new.text}”（{rev.reason}）"
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
        print(f"演示数据库：{args.db}（规划“{plan_id}”，数据为合成的演示数据）")
        return 0
    from planmonitor.app import run_gui

    return run_gui(args, demo=True)


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the plan commands: plans, init, indicators, baseline, revise, demo."""

    plans = sub.add_parser("plans", help="列出内置规划")
    plans.add_argument("--json", action="store_true")

    init = sub.add_parser("init", help="把规划写入数据库")
    init.add_argument(
        "--plan", required=True, metavar="ID_OR_FILE", help="内置规划标识或规划文件（.toml）"
    )

    inds = sub.add_parser("indicators", help="列出规划的指标")
    inds.add_argument("--plan", metavar="ID")
    inds.add_argument("--json", action="store_true")

    base = sub.add_parser("baseline", help="补录规划中缺失的基数")
    base.add_argument("code", metavar="CODE")
    base.add_argument("value", metavar="VALUE")
    base.add_argument("--plan", metavar="ID")

    revise = sub.add_parser("revise", help="调整目标（动态调整，保留历史）")
    revise.add_argument("code", metavar="CODE")
    revise.add_argument(
        "target",
        metavar="VALUE",
        nargs="?",
        help="按指标的目标形式给出新的数：目标值、累计增加值、每年提高的百分点、"
        "年均增长率%%、每年额度，定性目标为完成期限 YYYY-MM-DD",
    )
    revise.add_argument("--effective", metavar="YYYY-MM-DD", help="生效日期")
    revise.add_argument("--reason", required=True, metavar="T", help="调整理由")
    revise.add_argument(
        "--final",
        action="store_true",
        help="VALUE 是目标年应达到的值（累计增加、百分点、年均增长类由基数推算）",
    )
    revise.add_argument(
        "--undo", action="store_true", help="撤销最近一次目标调整（调整记录保留在历史中）"
    )
    revise.add_argument("--plan", metavar="ID")

    demo = sub.add_parser("demo", help="用演示数据（单独的演示数据库）试用本程序")
    demo.add_argument("--no-gui", action="store_true", help="只生成演示数据库，不打开界面")
    demo.set_defaults(handler=cmd_demo, needs_db=False)

    plans.set_defaults(handler=cmd_plans, needs_db=False)
    init.set_defaults(handler=cmd_init, needs_db=True)
    inds.set_defaults(handler=cmd_indicators, needs_db=True)
    base.set_defaults(handler=cmd_baseline, needs_db=True)
    revise.set_defaults(handler=cmd_revise, needs_db=True)
