"""Command line: ``planmonitor`` opens the program; its commands share the services with it.

Bad input and every expected failure (a locked or read-only database, a full disk, a concurrent
edit) get one clear line on stderr naming what and where, exit status 2, and change nothing. An
unexpected failure is logged with its traceback to a file in the user's data folder and shown as
one line naming that file (exit status 3); ``--debug`` shows tracebacks. A closed pipe
(``planmonitor plans --json | head``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import sys
import traceback
from collections.abc import Sequence
from typing import Any

from planmonitor import __version__

EXIT_BAD_INPUT = 2
EXIT_CRASH = 3
EXIT_BROKEN_PIPE = 141  # as a program stopped by SIGPIPE reports it to the shell

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
    "task-progress": ("planmonitor.cli.round", "录入重点任务的季度进展"),
    "tasks": ("planmonitor.cli.round", "列出重点任务及其季度进展"),
    "missing": ("planmonitor.cli.round", "报送情况：各责任单位尚未报送的指标和任务"),
    "check": ("planmonitor.cli.round", "数据审核：需要情况说明的可疑数值"),
    "close-quarter": ("planmonitor.cli.round", "锁定季度（本季度报送完成）"),
    "reopen-quarter": ("planmonitor.cli.round", "重新打开已锁定的季度（须说明原因）"),
    "draft-plan": (
        "planmonitor.cli.plandocs",
        "从规划文本（Word、PDF、文本或表格）起草规划",
    ),
    "final-report": (
        "planmonitor.cli.plandocs",
        "生成规划总结评估报告（各指标完成/未完成，xlsx 或 docx）",
    ),
    "region-target": ("planmonitor.cli.regions", "设置下级地区的分解目标（任务分解）"),
    "successor": (
        "planmonitor.cli.successors",
        "起草接续规划（十四五 → 十五五）：指标接续上期，上期末年值作基数",
    ),
}

# Commands that only read the database: on a read-only file or folder they open it read-only.
READ_ONLY = frozenset({"indicators", "status", "history", "report", "template", "export"})


def _requested_command(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word that is one), or None."""
    words = iter(argv)
    for word in words:
        if word in ("--db", "--lang"):
            next(words, None)  # the option's value, never a command
        elif word in COMMANDS:
            return word
    return None


# A word that spells a (negative, possibly odd) number is a value, never an option: "-1e308"
# and "-inf" reach the number check and are refused there with the limit named.
_NEGATIVE_NUMBER = re.compile(r"^-(?:[\d.,]+(?:[eE][+-]?\d+)?%?|inf(?:inity)?|nan)$", re.IGNORECASE)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose sub-commands also take negative numbers as values."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = _NEGATIVE_NUMBER


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    p = _Parser(
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
    p.add_argument(
        "--debug", action="store_true", help="出错时显示完整的错误追踪（traceback），供排查问题"
    )
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
    from planmonitor.store.database import DatabaseError

    try:
        return _run_command(args)
    except BrokenPipeError:  # planmonitor plans --json | head: the reader has had enough
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("planmonitor: 已中断（未完成的操作未写入）", file=sys.stderr)
        return 130
    except (UserError, PlanError, PeriodError, NumberError, DatabaseError) as exc:
        return _fail(args, exc, str(exc))
    except Exception as exc:  # every other failure: one line, never a raw traceback
        from planmonitor.store.failures import describe

        line = describe(exc, _where(args))
        if line is not None:
            return _fail(args, exc, line)
        return _crash(args, exc)


def _run_command(args: argparse.Namespace) -> int:
    from planmonitor.store.database import must_open_read_only, open_database, resolve_url

    if not args.needs_db:
        return int(args.handler(args, None))
    why = must_open_read_only(resolve_url(args.db)) if args.command in READ_ONLY else None
    if why is not None:
        print(f"planmonitor: 注意：{why}，以只读方式打开（本命令只读取数据）", file=sys.stderr)
    db = open_database(args.db, read_only=why is not None)
    try:
        return int(args.handler(args, db))
    finally:
        db.close()


def _where(args: argparse.Namespace) -> str:
    from planmonitor.store.database import DatabaseError, resolve_url

    try:
        url = resolve_url(args.db)
    except DatabaseError:
        return str(args.db)
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database)
    return parsed.render_as_string(hide_password=True)


def _fail(args: argparse.Namespace, exc: BaseException, line: str) -> int:
    if args.debug:
        traceback.print_exception(exc)
    print(f"planmonitor: 错误：{line}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _crash(args: argparse.Namespace, exc: BaseException) -> int:
    from planmonitor.services.crash_log import crash_line, record_crash

    path = record_crash(exc, f"planmonitor {args.command}")
    if args.debug:
        traceback.print_exception(exc)
    print(f"planmonitor: {crash_line(exc, path)}", file=sys.stderr)
    return EXIT_CRASH


def _quiet_stdout() -> None:
    """Point stdout at nothing, so that the interpreter's final flush stays quiet too."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
