"""Command line: ``planmonitor`` opens the program; its commands share the services with it.

Bad input gets one clear line on stderr naming what and where, exit status 2, and changes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from planmonitor import __version__

EXIT_BAD_INPUT = 2

# Every command, the module that defines it and its one-line help. A command's module is imported
# only when that command runs (or for its --help); the others appear in ``planmonitor --help``
# from this table alone, so starting the window imports none of them. A module registers its
# commands with ``add_commands(subparsers)``; each sets the defaults ``handler`` (called as
# handler(args, db)) and ``needs_db``. tests/cli/test_command_table.py keeps the table honest.
COMMANDS: dict[str, tuple[str, str]] = {
    "plans": ("planmonitor.cli.plans", "列出内置规划"),
    "init": ("planmonitor.cli.plans", "把规划写入数据库"),
    "indicators": ("planmonitor.cli.plans", "列出规划的指标"),
    "baseline": ("planmonitor.cli.plans", "补录规划中缺失的基数"),
    "revise": ("planmonitor.cli.plans", "调整目标（动态调整，保留历史）"),
    "demo": ("planmonitor.cli.plans", "用演示数据（单独的演示数据库）试用本程序"),
    "record": ("planmonitor.cli.values", "录入一个值"),
    "status": ("planmonitor.cli.values", "各指标是否达到序时进度"),
    "history": ("planmonitor.cli.values", "一个指标的全部录入记录（含被更正的）"),
    "report": (
        "planmonitor.cli.report",
        "生成季度进展报告（指标完成情况表 xlsx、PDF 或 Word）",
    ),
    "template": ("planmonitor.cli.exchange", "生成季度填报表（发给责任单位填写）"),
    "import": (
        "planmonitor.cli.exchange",
        "导入填报表或同事发来的表格（先预览，全部写入或全不写入）",
    ),
    "export": ("planmonitor.cli.exchange", "导出规划的全部现行数值（.xlsx）"),
    "server": ("planmonitor.cli.server", "城市服务器：设置数据库、管理账户"),
    "audit": ("planmonitor.cli.server", "服务器审计记录：谁在何时改了什么"),
    "review": ("planmonitor.cli.server", "季度报送与审核：报送、审核通过、退回、报送情况"),
    "region-target": ("planmonitor.cli.regions", "设置下级地区的分解目标（任务分解）"),
}


def _requested_command(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word that is one), or None."""
    words = iter(argv)
    for word in words:
        if word in ("--db", "--lang"):
            next(words, None)  # the option's value, never a command
        elif word in COMMANDS:
            return word
    return None


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
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
    # Hidden (planmonitor/smoke.py): check an installation on a temporary database; show the
    # main window on --db and exit (start-up benchmark).
    p.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    wanted = _requested_command(argv)
    module = COMMANDS[wanted][0] if wanted else None
    if module is not None:
        importlib.import_module(module).add_commands(sub)
    for name, (owner, help_text) in COMMANDS.items():
        if owner != module:
            sub.add_parser(name, help=help_text, add_help=False)
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
    words = list(sys.argv[1:] if argv is None else argv)
    args = _parser(words).parse_args(words)
    if args.smoke_test or args.startup_probe:
        from planmonitor import smoke

        if args.startup_probe:
            return smoke.startup_probe(args.db, args.lang)
        return smoke.run_smoke_test(args.lang)
    if args.command is None:
        from planmonitor.app import run_gui

        return run_gui(args)
    # Imported here, not at the top: opening the window must not wait for SQLAlchemy.
    from planmonitor.domain.indicator import PlanError
    from planmonitor.domain.periods import PeriodError
    from planmonitor.domain.values import NumberError
    from planmonitor.services.errors import UserError
    from planmonitor.store.database import DatabaseError, open_database

    try:
        if not args.needs_db:
            return int(args.handler(args, None))
        db = open_database(args.db)
        try:
            return int(args.handler(args, db))
        finally:
            db.close()
    except (UserError, PlanError, PeriodError, NumberError, DatabaseError) as exc:
        print(f"planmonitor: 错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
