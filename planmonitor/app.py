"""Starting the desktop program."""

from __future__ import annotations

import argparse
import sys


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window (the desktop program is being built; until then, say so)."""
    print(
        "planmonitor：图形界面尚在开发中，当前版本请使用命令行：\n"
        "  planmonitor plans                      列出内置规划\n"
        "  planmonitor init --plan cangzhou        把规划写入数据库\n"
        "  planmonitor record 05 2024Q3 1100       录入一个值\n"
        "  planmonitor status --quarter 2024Q3     查看是否达到序时进度\n"
        "  planmonitor --help                      全部命令",
        file=sys.stderr,
    )
    return 0
