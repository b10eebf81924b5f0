"""The ``report`` command: the quarterly progress report as an Excel table, a PDF or a Word file.

planmonitor [--db X] report --quarter 2024Q3 [--plan ID] [--region R]
            --format xlsx|pdf|docx --out F [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from planmonitor.domain.periods import Period
from planmonitor.services.errors import UserError
from planmonitor.services.plans import PlanService
from planmonitor.store.database import Database


def report_target(out: str, fmt: str) -> Path:
    """The file to write: ``out``, given the format's suffix when it has none."""
    path = Path(out).expanduser()
    suffix = path.suffix.lower().lstrip(".")
    if not suffix:
        return path.with_name(f"{path.name}.{fmt}")
    if suffix != fmt:
        raise UserError(f"输出文件 {path} 的扩展名 .{suffix} 与格式 {fmt} 不符（应为 .{fmt}）")
    return path


def report_date(text: str | None) -> date | None:
    """成文日期 from ``--date YYYY-MM-DD`` (``None``: today)."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"成文日期“{text}”无法识别：应为 YYYY-MM-DD，如2024-10-12") from None


def cmd_report(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.progress import run_to_end
    from planmonitor.services.report_export import export_report

    plan_id = PlanService(db).resolve(args.plan)
    quarter = Period.parse(args.quarter)
    target = report_target(args.out, args.format)
    dated = report_date(args.date)
    files = run_to_end(
        export_report(db, plan_id, quarter, args.region, {args.format: target}, dated)
    )
    model = files.model
    counts = "，".join(f"{c.count}项{c.word}" for c in model.counts if c.count)
    print(f"已生成 {files.paths[args.format]}")
    where = f"《{model.plan_title}》{model.region} {model.quarter_label}"
    print(f"{where}：{len(model.rows)}项指标，{counts}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``report`` command."""
    rep = sub.add_parser("report", help="生成季度进展报告（指标完成情况表 xlsx、PDF 或 Word）")
    rep.add_argument("--quarter", required=True, metavar="2024Q3", help="报告期（季度）")
    rep.add_argument("--plan", metavar="ID")
    rep.add_argument("--region", metavar="R", help="地区编码或名称（默认：规划本级）")
    rep.add_argument("--format", required=True, choices=["xlsx", "pdf", "docx"], help="报告格式")
    rep.add_argument("--out", required=True, metavar="F", help="输出文件")
    rep.add_argument("--date", metavar="YYYY-MM-DD", help="成文日期（Word 报告落款处，默认今天）")
    rep.set_defaults(handler=cmd_report, needs_db=True)
