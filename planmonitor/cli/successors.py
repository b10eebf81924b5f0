"""``successor``: draft the plan that continues one in the database (十四五 → 十五五) as a plan
file: each indicator carried over names its predecessor (so its trend plot shows both plans'
history once ``init --plan`` has loaded it) and takes the predecessor's final-year value as its
baseline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planmonitor.store.database import Database


def cmd_successor(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.plan_drafts import read_draft, save_plan_file
    from planmonitor.services.plans import PlanService
    from planmonitor.services.successors import SuccessorService, apply_offers, link_draft

    plan_id = PlanService(db).resolve(args.plan)
    service = SuccessorService(db)
    if args.document:
        draft = read_draft(Path(args.document)).draft
        result = service.offers(plan_id, draft)
        apply_offers(draft, result.offers, accept_unsure=False)
        by_code = {i.code: i for i in draft.indicators}
        for o in result.offers:
            if not o.sure:
                by_code[o.code].ask(
                    f"名称与上期规划指标{o.predecessor_code}“{o.predecessor_name}”相近："
                    f'若是同一指标，请加上 predecessor = "{o.predecessor_code}"'
                )
        link_draft(draft, result)
    else:
        draft = service.successor_draft(plan_id, years=args.years)
        result = service.offers(plan_id, draft)
    offers = {o.code: o for o in result.offers}
    out = save_plan_file(draft, Path(args.out))
    print(f"《{draft.title}》（{draft.baseline_year}—{draft.target_year}）接续规划“{plan_id}”")
    for ind in draft.indicators:
        offer = offers.get(ind.code)
        if ind.predecessor and offer is not None:
            value = (
                f"{offer.year}年{offer.value:.10g}（{offer.standing}）"
                if offer.value is not None
                else f"{offer.year}年暂无数值"
            )
            print(f"  {ind.code} {ind.name} ← {ind.predecessor} {offer.predecessor_name}：{value}")
        else:
            print(f"  {ind.code} {ind.name}：新指标（上期规划中没有对应指标）")
    print(f"已写出规划文件 {out}：填写目标、核对问题后用 init --plan {out} 载入", file=sys.stderr)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``successor``."""
    p = sub.add_parser(
        "successor", help="起草接续规划（十四五 → 十五五）：指标接续上期，上期末年值作基数"
    )
    p.add_argument("--plan", metavar="ID", help="上期规划（数据库中的规划）")
    p.add_argument(
        "--document",
        metavar="FILE",
        help="新规划的文本（按名称与上期指标配对）；不给出时按上期规划的指标起草",
    )
    p.add_argument("--years", type=int, default=5, help="规划年数（默认5）")
    p.add_argument("--out", required=True, metavar="PLAN.toml", help="写出的规划文件")
    p.set_defaults(handler=cmd_successor, needs_db=True)
