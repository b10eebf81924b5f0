"""Command line: ``planmonitor`` opens the program; its commands share the services with it.

Bad input gets one clear line on stderr naming what and where, exit status 2, and changes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from planmonitor import __version__
from planmonitor.domain.indicator import PlanError
from planmonitor.domain.periods import PeriodError
from planmonitor.domain.values import NumberError
from planmonitor.services.errors import UserError
from planmonitor.store.database import DatabaseError

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="planmonitor",
        description="规划监测 PlanMonitor：科技创新规划指标的季度监测（无子命令时打开图形界面）",
    )
    p.add_argument("--version", action="version", version=f"planmonitor {__version__}")
    p.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="数据库文件或地址（默认：用户数据目录中的 SQLite 文件；也可设 PLANMONITOR_DB）",
    )
    p.add_argument(
        "--lang", choices=["zh", "en"], default=None, help="界面与说明的语言（默认中文）"
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

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
    return p


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``planmonitor``; returns the exit status."""
    _utf8_streams()
    args = _parser().parse_args(argv)
    if args.command is None:
        from planmonitor.app import run_gui

        return run_gui(args)
    from planmonitor import commands

    try:
        return commands.run(args)
    except (UserError, PlanError, PeriodError, NumberError, DatabaseError) as exc:
        print(f"planmonitor: 错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
