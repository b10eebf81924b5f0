"""The quarterly round's commands: task progress, tasks, who has not reported, data checks,
closing and reopening a quarter."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planmonitor.cli.common import default_quarter, print_json
from planmonitor.domain.periods import Period
from planmonitor.domain.tasks import TaskProgress, TaskProgressError, TaskState
from planmonitor.services.errors import UserError
from planmonitor.services.plans import PlanService
from planmonitor.store.database import Database


def _quarter(text: str | None) -> Period:
    q = default_quarter() if text is None else Period.parse(text)
    if q.is_annual or not q.is_quarter_end:
        raise UserError(f"报告期“{text}”应为季度，如2024Q3")
    return q


def _progress_json(p: TaskProgress | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "quarter": p.quarter.key,
        "state": p.state.value,
        "text": p.text,
        "next": p.next_step,
        "reason": p.reason,
        "attachments": [
            {"id": a.id, "name": a.name, "size": a.size, "sha256": a.sha256} for a in p.attachments
        ],
        "recorded_by": p.recorded_by,
        "recorded_at": p.recorded_at.isoformat(timespec="seconds") if p.recorded_at else None,
    }


def cmd_task_progress(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.tasks import ProgressEntry, TaskService

    plan_id = PlanService(db).resolve(args.plan)
    quarter = _quarter(args.quarter)
    try:
        state = TaskState.parse(args.state)
    except TaskProgressError as exc:
        raise UserError(str(exc)) from None
    entry = ProgressEntry(args.task, quarter, state, args.text, args.next, args.reason, "cli")
    attach = [Path(a) for a in args.attach]
    kind = TaskService(db).record(plan_id, entry, attach)
    task = PlanService(db).get(plan_id).task(args.task)
    words = {
        "new": "已记录",
        "changed": "已更新（原记录保留在历史中）",
        "unchanged": "与已有记录相同",
    }
    extra = f"，佐证材料{len(attach)}个" if attach else ""
    print(
        f"任务{task.key}“{task.title}”{quarter.label_zh()}：{state.symbol} {state.value}，"
        f"{words[kind]}{extra}"
    )
    return 0


def cmd_tasks(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.tasks import TaskService

    plan_id = PlanService(db).resolve(args.plan)
    quarter = _quarter(args.quarter)
    lines = TaskService(db).tasks(plan_id, quarter, args.unit)
    if args.json:
        print_json(
            [
                {
                    "code": line.task.key,
                    "title": line.task.title,
                    "kind": line.task.kind,
                    "chapter": line.task.chapter,
                    "lead": list(line.task.lead),
                    "support": list(line.task.support),
                    "responsible": list(line.task.units),
                    "indicators": list(line.task.indicators),
                    "progress": _progress_json(line.progress),
                }
                for line in lines
            ]
        )
        return 0
    print(f"{quarter.label_zh()}重点任务推进情况（{len(lines)}项）")
    for line in lines:
        t, p = line.task, line.progress
        state = f"{p.state.symbol} {p.state.value}" if p else "… 未报送"
        units = "、".join(t.units) or "未指定责任单位"
        print(f"  {t.key:<6} [{state}] {t.title}（{units}）")
        if p is not None:
            print(f"         进展：{p.text}")
            if p.reason:
                print(f"         原因：{p.reason}")
            if p.next_step:
                print(f"         下一步：{p.next_step}")
    return 0


def cmd_missing(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.reporting_round import RoundService

    plans = PlanService(db)
    plan_id = plans.resolve(args.plan)
    quarter = _quarter(args.quarter)
    rep = RoundService(db).missing(plan_id, quarter)
    if args.json:
        print_json(
            {
                "quarter": quarter.key,
                "filled": rep.filled,
                "asked": rep.asked,
                "units": [
                    {
                        "unit": u.unit,
                        "complete": u.complete,
                        "done": len(u.done),
                        "missing": [
                            {"kind": i.kind, "code": i.code, "name": i.name, "period": i.period.key}
                            for i in u.missing
                        ],
                    }
                    for u in rep.units
                ],
            }
        )
        return 0
    title = plans.get(plan_id).title
    share = f"{rep.filled / rep.asked:.0%}" if rep.asked else "—"
    print(f"{quarter.label_zh()}报送情况：已报送{rep.filled}/{rep.asked}项（{share}）")
    for u in rep.units:
        if u.complete:
            print(f"  ✔ {u.unit}：已全部报送（{len(u.done)}项）")
            continue
        print(f"  ✘ {u.unit}：缺{len(u.missing)}项，已报{len(u.done)}项")
        for i in u.missing:
            what = "指标" if i.kind == "indicator" else "任务"
            print(f"      {what} {i.code} {i.name}（{i.period.label_zh()}）")
        print(f"    催报：{u.reminder(quarter, title)}")
    return 0


def cmd_check(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.reporting_round import RoundService

    plan_id = PlanService(db).resolve(args.plan)
    quarter = _quarter(args.quarter)
    findings = RoundService(db).check(plan_id, quarter)
    if args.json:
        print_json(
            [
                {
                    "rule": f.rule.value,
                    "label": f.rule.label,
                    "code": f.code,
                    "name": f.name,
                    "region": f.region,
                    "period": f.period.key,
                    "value": f.value,
                    "message": f.message,
                    "comment": f.comment,
                    "resolved": f.resolved,
                }
                for f in findings
            ]
        )
        return 0
    open_ = [f for f in findings if not f.resolved]
    print(f"{quarter.label_zh()}数据审核：{len(findings)}条提示，其中{len(open_)}条尚无情况说明")
    for f in findings:
        mark = "✔ 已说明" if f.resolved else "! 待说明"
        print(f"  [{mark}] {f.code} {f.name} {f.period.label_zh()}：{f.rule.label}——{f.message}")
        if f.resolved:
            print(f"      情况说明：{f.comment}")
    return 0


def cmd_close(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.reporting_round import RoundService

    plan_id = PlanService(db).resolve(args.plan)
    event = RoundService(db).close(plan_id, _quarter(args.quarter))
    print(f"已锁定：{event.describe()}")
    return 0


def cmd_reopen(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.quarter_locks import QuarterLocks
    from planmonitor.services.reporting_round import RoundService

    plan_id = PlanService(db).resolve(args.plan)
    event = RoundService(db).reopen(plan_id, _quarter(args.quarter), args.reason)
    print(f"已重新打开：{event.describe()}")
    print("锁定记录：")
    for e in QuarterLocks(db).history(plan_id):
        print(f"  {e.describe()}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register task-progress, tasks, missing, check, close-quarter, reopen-quarter."""
    tp = sub.add_parser("task-progress", help="录入重点任务的季度进展")
    tp.add_argument("task", metavar="TASK", help="任务编号（见 planmonitor tasks）")
    tp.add_argument("quarter", metavar="QUARTER", help="季度，如2024Q3")
    tp.add_argument("--state", required=True, metavar="S", help="未启动 / 推进中 / 已完成 / 滞后")
    tp.add_argument("--text", default="", metavar="T", help="进展情况")
    tp.add_argument("--next", default="", metavar="T", help="下一步工作")
    tp.add_argument("--reason", default="", metavar="T", help="滞后原因（状态为滞后时必填）")
    tp.add_argument(
        "--attach", action="append", default=[], metavar="FILE", help="佐证材料（可多次给出）"
    )
    tp.add_argument("--plan", metavar="ID")

    ts = sub.add_parser("tasks", help="列出重点任务及其季度进展")
    ts.add_argument("--unit", metavar="U", help="只列该单位负责的任务")
    ts.add_argument("--quarter", metavar="Q", help="季度（默认：上一个已结束的季度）")
    ts.add_argument("--plan", metavar="ID")
    ts.add_argument("--json", action="store_true")

    ms = sub.add_parser("missing", help="报送情况：各责任单位尚未报送的指标和任务")
    ms.add_argument("--quarter", metavar="Q", help="季度（默认：上一个已结束的季度）")
    ms.add_argument("--plan", metavar="ID")
    ms.add_argument("--json", action="store_true")

    ck = sub.add_parser("check", help="数据审核：需要情况说明的可疑数值")
    ck.add_argument("--quarter", metavar="Q", help="季度（默认：上一个已结束的季度）")
    ck.add_argument("--plan", metavar="ID")
    ck.add_argument("--json", action="store_true")

    cl = sub.add_parser("close-quarter", help="锁定季度（本季度报送完成）")
    cl.add_argument("quarter", metavar="Q")
    cl.add_argument("--plan", metavar="ID")

    ro = sub.add_parser("reopen-quarter", help="重新打开已锁定的季度（须说明原因）")
    ro.add_argument("quarter", metavar="Q")
    ro.add_argument("--reason", required=True, metavar="T", help="重新打开的原因")
    ro.add_argument("--plan", metavar="ID")

    tp.set_defaults(handler=cmd_task_progress, needs_db=True)
    ts.set_defaults(handler=cmd_tasks, needs_db=True)
    ms.set_defaults(handler=cmd_missing, needs_db=True)
    ck.set_defaults(handler=cmd_check, needs_db=True)
    cl.set_defaults(handler=cmd_close, needs_db=True)
    ro.set_defaults(handler=cmd_reopen, needs_db=True)
