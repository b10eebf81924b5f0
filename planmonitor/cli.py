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
from planmonitor.domain.indicator import PlanError
from planmonitor.domain.periods import PeriodError
from planmonitor.domain.values import NumberError
from planmonitor.services.errors import UserError
from planmonitor.store.database import DatabaseError

EXIT_BAD_INPUT = 2

# Each module registers its sub-commands with ``add_commands(subparsers)``; a command sets the
# defaults ``handler`` (called as handler(args, db)) and ``needs_db``.
COMMAND_MODULES = [
    "planmonitor.commands",
    "planmonitor.commands_report",
    "planmonitor.commands_exchange",
]


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
    # Hidden (planmonitor/smoke.py): check an installation on a temporary database; show the
    # main window on --db and exit (start-up benchmark).
    p.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub)
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
    if args.smoke_test or args.startup_probe:
        from planmonitor import smoke

        if args.startup_probe:
            return smoke.startup_probe(args.db, args.lang)
        return smoke.run_smoke_test(args.lang)
    if args.command is None:
        from planmonitor.app import run_gui

        return run_gui(args)
    from planmonitor.store.database import open_database

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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
