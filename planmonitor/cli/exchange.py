"""Command-line commands of the quarterly spreadsheet round: template, import, export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planmonitor.cli.common import print_json
from planmonitor.domain.formatting import fmt_num, zh_amount
from planmonitor.domain.periods import Period
from planmonitor.exchange.tables.names import normalise
from planmonitor.services.errors import UserError
from planmonitor.services.exporting import ExportService
from planmonitor.services.import_preview import ImportPreview, ItemKind, PreviewRow
from planmonitor.services.importing import CommitResult, ImportService
from planmonitor.services.plans import PlanService
from planmonitor.services.templates import TemplateService
from planmonitor.store.database import Database

# -- template -----------------------------------------------------------------------------------


def cmd_template(args: argparse.Namespace, db: Database) -> int:
    plan_id = PlanService(db).resolve(args.plan)
    quarter = Period.parse(args.quarter)
    out = Path(args.out).expanduser()
    spec = TemplateService(db).write(plan_id, quarter, out, args.unit, args.region)
    who = spec.unit or "全部责任单位"
    print(
        f"已生成填报表 {out}：{who}，{len(spec.rows)}项指标，{spec.region_name}，"
        f"{quarter.label_zh()}"
    )
    return 0


# -- import -------------------------------------------------------------------------------------


def _answers(maps: list[str]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for item in maps:
        label, sep, code = item.partition("=")
        if not sep or not label.strip():
            raise UserError(f"--map “{item}”应写作 表中名称=指标编码（不导入则写 表中名称=）")
        kind = "indicator"
        if label.startswith("地区:") or label.startswith("地区："):
            kind, label = "region", label[3:]
        out[(kind, normalise(label))] = code.strip()
    return out


def _value_json(r: PreviewRow) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": r.name,
        "period": r.period.key if r.period else None,
        "period_assumed": r.period_assumed,
        "region": r.region,
        "value": r.value,
        "numerator": r.numerator,
        "denominator": r.denominator,
        "unit": r.unit,
        "standing": r.standing.value,
        "sheet": r.sheet,
        "cell": r.cell,
        "status": r.kind.value,
        "old_value": r.old_value,
        "write": r.selected,
        "hidden": r.hidden,
    }


def import_json(
    preview: ImportPreview, result: CommitResult | None, dry_run: bool
) -> dict[str, Any]:
    """The ``import --json`` document."""
    counts = preview.counts()
    rows = preview.rows
    return {
        "file": preview.file,
        "sha256": preview.file_hash,
        "plan": preview.plan_id,
        "template": preview.template,
        "dry_run": dry_run,
        "written": 0 if result is None else result.written,
        "new": counts["new"],
        "changed": counts["changed"],
        "unchanged": counts["unchanged"],
        "missing": counts["missing"],
        "conflicts": [
            {**_value_json(r), "old_source": r.old_source, "old_by": r.old_by}
            for r in rows
            if r.kind is ItemKind.CONFLICT
        ],
        "unknown": [
            {
                "kind": q.kind,
                "label": q.label,
                "status": "unsure" if q.candidates else "unknown",
                "sheet": q.sheet,
                "cells": [rows[i].cell for i in q.rows],
                "candidates": [
                    {"code": c.code, "name": c.name, "confidence": round(c.confidence, 3)}
                    for c in q.candidates
                ],
            }
            for q in preview.questions
        ],
        "errors": [
            {"sheet": r.sheet, "cell": r.cell, "message": r.message}
            for r in rows
            if r.kind is ItemKind.ERROR
        ]
        + [
            {"sheet": m.sheet, "cell": m.cell, "message": m.message}
            for m in preview.messages
            if m.level == "error"
        ],
        "warnings": [
            {"sheet": "", "cell": "", "message": note} for note in [period_note(preview)] if note
        ]
        + [
            {"sheet": m.sheet, "cell": m.cell, "message": m.message}
            for m in preview.messages
            if m.level != "error"
        ]
        + [
            {"sheet": r.sheet, "cell": r.cell, "message": r.message}
            for r in rows
            if r.hidden and r.kind in (ItemKind.NEW, ItemKind.CHANGED, ItemKind.CONFLICT)
        ],
        "values": [
            _value_json(r)
            for r in rows
            if r.kind in (ItemKind.NEW, ItemKind.CHANGED, ItemKind.UNCHANGED, ItemKind.CONFLICT)
        ],
        "tasks": [
            {
                "task": t.task,
                "quarter": t.quarter.key,
                "state": t.state.value if t.state else None,
                "text": t.text,
                "reason": t.reason,
                "next": t.next_step,
                "sheet": t.sheet,
                "cell": t.cell,
                "status": t.kind.value,
                "message": t.message,
                "write": t.selected,
            }
            for t in preview.tasks
        ],
        "tasks_written": 0 if result is None else result.tasks,
    }


def _show(r: PreviewRow) -> str:
    value = zh_amount(r.value, 4, r.unit)
    region = f" {r.region_name}" if r.region not in (None, "*") else ""
    period = r.period_label + ("（文件未注明）" if r.period_assumed else "")
    return f"  {r.where:<14} {r.code} {r.name}{region} {period}：{value}"


def period_note(preview: ImportPreview) -> str:
    """ "2个数值未注明期别（数据!C2、数据!C3），按2024年第三季度导入" — or "" when the file
    names the period of every value."""
    rows = preview.assumed_period()
    if not rows:
        return ""
    places = "、".join(r.where for r in rows[:3]) + ("等" if len(rows) > 3 else "")
    return f"{len(rows)}个数值未注明期别（{places}），按{rows[0].period_label}导入"


def _print_preview(preview: ImportPreview, result: CommitResult | None, dry_run: bool) -> None:
    c = preview.counts()
    kind = "填报表" if preview.template else "表格"
    print(
        f"导入 {preview.file}（{kind}，SHA-256 {preview.file_hash[:12]}…）→ 规划“{preview.plan_id}”"
    )
    print(
        f"  新增{c['new']}，修改{c['changed']}，未变{c['unchanged']}，冲突{c['conflict']}，"
        f"待确认{c['unsure']}，未识别{c['unknown']}，错误{c['error']}，未填{c['missing']}"
    )
    sections = [
        (ItemKind.NEW, "新增："),
        (ItemKind.CHANGED, "修改："),
        (ItemKind.CONFLICT, "与他人录入的数值冲突（默认不导入；确认后加 --accept-conflicts）："),
    ]
    for k, title in sections:
        rows = preview.of(k)
        if rows:
            print(title)
        for r in rows:
            extra = ""
            if k is not ItemKind.NEW:
                extra = f"（原值{fmt_num(r.old_value, 4)}，{r.old_source}）"
            mark = "" if r.selected else "  [未导入]"
            print(_show(r) + extra + mark + (f"  {r.message}" if r.hidden else ""))
    if preview.questions:
        print("待确认或未识别（未导入；可用 --map 名称=编码 指定）：")
        for q in preview.questions:
            cells = "、".join(preview.rows[i].cell for i in q.rows[:6])
            more = "…" if len(q.rows) > 6 else ""
            guess = (
                "；可能是"
                + "、".join(f"{c.code}“{c.name}”（{c.confidence:.0%}）" for c in q.candidates[:3])
                if q.candidates
                else ""
            )
            what = "地区" if q.kind == "region" else "指标"
            print(f"  {q.sheet}!{cells}{more} {what}“{q.label}”{guess}")
    errors = preview.of(ItemKind.ERROR)
    if errors or any(m.level == "error" for m in preview.messages):
        print("错误（未导入）：")
        for r in errors:
            print(f"  {r.where:<14} {r.message}")
        for m in preview.messages:
            if m.level == "error":
                print(f"  {m.message}")
    if preview.tasks:
        tc = {k: sum(1 for t in preview.tasks if t.kind is k) for k in ItemKind}
        print(
            f"重点任务进展：新增{tc[ItemKind.NEW]}，修改{tc[ItemKind.CHANGED]}，"
            f"未变{tc[ItemKind.UNCHANGED]}，冲突{tc[ItemKind.CONFLICT]}，"
            f"错误{tc[ItemKind.ERROR]}，未填{tc[ItemKind.MISSING]}"
        )
        for t in preview.tasks:
            if t.kind in (ItemKind.ERROR, ItemKind.CONFLICT):
                print(f"  {t.where:<14} 任务{t.task}“{t.title}”：{t.message}")
    notes = [m for m in preview.messages if m.level != "error"]
    assumed = period_note(preview)
    if notes or assumed:
        print("说明：")
        if assumed:
            print(f"  {assumed}")
        for m in notes:
            at = f"{m.sheet}!{m.cell} " if m.cell else ""
            print(f"  {at}{m.message}")
    if dry_run:
        print("预览完毕，未写入任何数值（--dry-run）。")
    elif result is not None:
        tasks = f"、{result.tasks}项任务进展" if result.tasks else ""
        print(f"已写入{result.written}个数值{tasks}（一次提交，原值保留在历史中）。")


def cmd_import(args: argparse.Namespace, db: Database) -> int:
    service = ImportService(db)
    default = Period.parse(args.period) if args.period else None
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserError(f"文件 {path} 不存在")
    preview = service.preview(path, args.plan, _answers(args.map or []), default)
    for r in preview.rows:
        if r.kind is ItemKind.CONFLICT and args.accept_conflicts:
            r.selected = True
        if r.hidden and args.include_hidden and r.kind in (ItemKind.NEW, ItemKind.CHANGED):
            r.selected = True
    for t in preview.tasks:
        if t.kind is ItemKind.CONFLICT and args.accept_conflicts:
            t.selected = True
    result = None if args.dry_run else service.commit(preview)
    if args.json:
        print_json(import_json(preview, result, args.dry_run))
    else:
        _print_preview(preview, result, args.dry_run)
    return 0


# -- export -------------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace, db: Database) -> int:
    plan_id = PlanService(db).resolve(args.plan)
    out = Path(args.out).expanduser()
    result = ExportService(db).export(plan_id, out)
    print(
        f"已导出{result.values}个数值（{result.indicators}项指标，{result.regions}个地区）→ {out}"
    )
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register template, import and export."""
    tpl = sub.add_parser("template", help="生成季度填报表（发给责任单位填写）")
    tpl.add_argument("--quarter", required=True, metavar="2024Q3", help="报告期（季度）")
    tpl.add_argument("--unit", metavar="U", help="责任单位（默认：全部指标）")
    tpl.add_argument("--plan", metavar="ID")
    tpl.add_argument("--region", metavar="R", help="地区（默认：规划本级）")
    tpl.add_argument("--out", required=True, metavar="F.xlsx", help="输出文件")

    imp = sub.add_parser("import", help="导入填报表或同事发来的表格（先预览，全部写入或全不写入）")
    imp.add_argument("file", metavar="FILE", help=".xlsx、.xlsm、.xls、.ods 或 .csv 文件")
    imp.add_argument("--plan", metavar="ID")
    imp.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--period", metavar="P", help="文件未写明期间时使用的期间，如2024Q3")
    imp.add_argument(
        "--map",
        action="append",
        metavar="名称=编码",
        help="确认表中名称对应的指标编码（可重复；“名称=”表示不导入；地区写作 地区:名称=编码）",
    )
    imp.add_argument("--accept-conflicts", action="store_true", help="覆盖与他人录入冲突的数值")
    imp.add_argument("--include-hidden", action="store_true", help="也导入隐藏行中的数值")

    exp = sub.add_parser("export", help="导出规划的全部现行数值（.xlsx）")
    exp.add_argument("--plan", metavar="ID")
    exp.add_argument("--out", required=True, metavar="F.xlsx")

    tpl.set_defaults(handler=cmd_template, needs_db=True)
    imp.set_defaults(handler=cmd_import, needs_db=True)
    exp.set_defaults(handler=cmd_export, needs_db=True)
