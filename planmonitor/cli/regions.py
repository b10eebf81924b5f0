"""Sub-region commands: ``region-target`` sets a sub-region's share of a target (任务分解)."""

from __future__ import annotations

import argparse

from planmonitor.domain.formatting import fmt_num
from planmonitor.domain.values import parse_number
from planmonitor.services.errors import UserError
from planmonitor.services.plan_settings import PlanSettingsService
from planmonitor.services.plans import PlanService
from planmonitor.store.database import Database


def cmd_region_target(args: argparse.Namespace, db: Database) -> int:
    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    ind = plans.get(plan_id).indicator(args.code.strip())
    service = PlanSettingsService(db)
    if args.clear:
        share = service.set_region_target(plan_id, ind.code, args.region, None, None)
        print(f"{ind.code} {ind.name}：已取消{share.region_name}的分解目标")
        return 0
    target = parse_number(args.value)
    if target is None:
        raise UserError("分解目标值不能为空（取消分解请用 --clear）")
    baseline = parse_number(args.baseline) if args.baseline is not None else None
    share = service.set_region_target(plan_id, ind.code, args.region, target, baseline)
    base = f"，基数{fmt_num(baseline, ind.decimals)}" if baseline is not None else ""
    print(
        f"{ind.code} {ind.name}：{share.region_name}的分解目标为"
        f"{fmt_num(target, ind.decimals)}{ind.unit}{base}"
    )
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``region-target``."""
    rt = sub.add_parser("region-target", help="设置下级地区的分解目标（任务分解）")
    rt.add_argument("code", metavar="CODE", help="指标编码")
    rt.add_argument("region", metavar="REGION", help="下级地区的编码或名称")
    rt.add_argument("value", metavar="VALUE", nargs="?", default="", help="该地区的目标值")
    rt.add_argument("--baseline", metavar="B", help="该地区的基数（可选）")
    rt.add_argument("--clear", action="store_true", help="取消该地区的分解目标")
    rt.add_argument("--plan", metavar="ID")
    rt.set_defaults(handler=cmd_region_target, needs_db=True)
