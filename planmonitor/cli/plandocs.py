"""Plan-document commands: draft-plan reads a plan document and proposes the plan."""

from __future__ import annotations

import argparse
from pathlib import Path

from planmonitor.cli.common import print_json
from planmonitor.domain.draft import DraftIndicator
from planmonitor.domain.formatting import fmt_num
from planmonitor.store.database import Database


def _target_text(ind: DraftIndicator) -> str:
    if ind.milestones:
        return "，".join(f"{y}年{fmt_num(v)}" for y, v in ind.milestones)
    if ind.form in ("cagr", "growth_rate") and ind.rate is not None:
        return f"年均增长{fmt_num(ind.rate)}%"
    if ind.form == "points" and ind.rate is not None:
        return f"年均提高{fmt_num(ind.rate)}个百分点"
    if ind.form == "increase" and ind.increase is not None:
        return f"累计增加{fmt_num(ind.increase)}"
    if ind.form == "quota" and ind.target is not None:
        return f"每年{fmt_num(ind.target)}"
    if ind.form == "milestone":
        return f"{ind.due}年前完成" if ind.due else "定性目标"
    return fmt_num(ind.target) if ind.target is not None else "—"


def cmd_draft_plan(args: argparse.Namespace, _db: object = None) -> int:
    from planmonitor.services.plan_drafts import draft_json, read_draft, save_plan_file

    result = read_draft(Path(args.file))
    draft = result.draft
    if args.out:
        written = save_plan_file(draft, Path(args.out))
    if args.json:
        print_json(draft_json(draft))
    else:
        years = f"{draft.baseline_year or '?'}—{draft.target_year or '?'}"
        print(f"《{draft.title or '未找到标题'}》{draft.issuer} {draft.region}（{years}）")
        for ind in draft.indicators:
            mark = "  " if ind.sure else "? "
            base = fmt_num(ind.baseline) if ind.baseline is not None else "—"
            print(
                f"{mark}{ind.code} {ind.name}（{ind.unit or '无单位'}）基数{base} → "
                f"{_target_text(ind)}  [{ind.where}]"
            )
            for q in ind.questions:
                print(f"      问：{q}")
        for q in draft.questions:
            print(f"问：{q}")
        unsure = sum(1 for i in draft.indicators if not i.sure)
        print(
            f"共{len(draft.indicators)}项指标（{unsure}项待确认，标“?”），"
            f"{len(draft.tasks)}项重点任务；用时{result.seconds:.2f}秒"
        )
    if args.out:
        import sys

        print(f"已写出规划文件 {written}（init --plan {written} 可载入）", file=sys.stderr)
    return 0


def cmd_final_report(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.final_evaluation import write_final_evaluation
    from planmonitor.services.plans import PlanService

    plan_id = PlanService(db).resolve(args.plan)
    out = write_final_evaluation(db, plan_id, args.format, Path(args.out))
    print(f"已写出总结评估报告 {out}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register draft-plan and final-report."""
    p = sub.add_parser("draft-plan", help="从规划文本（Word、PDF、文本或表格）起草规划")
    p.add_argument(
        "file", metavar="FILE", help=".docx .pdf .txt .md .html .xlsx .xls .ods .csv .doc .wps"
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--out", metavar="PLAN.toml", help="写出可用 init --plan 载入的规划文件")
    p.set_defaults(handler=cmd_draft_plan, needs_db=False)
    f = sub.add_parser(
        "final-report", help="生成规划总结评估报告（各指标完成/未完成，xlsx 或 docx）"
    )
    f.add_argument("--plan", metavar="ID")
    f.add_argument("--format", choices=["xlsx", "docx"], required=True)
    f.add_argument("--out", required=True, metavar="F")
    f.set_defaults(handler=cmd_final_report, needs_db=True)
