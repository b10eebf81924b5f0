"""Helpers shared by the command modules: JSON output, the default report period, language."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from planmonitor.domain.periods import Period


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON with Chinese kept as it is."""
    print(json.dumps(data, ensure_ascii=False, indent=2))


def default_quarter(today: date | None = None) -> Period:
    """The last quarter that has ended: the one a bureau reports on."""
    today = today or date.today()
    q = (today.month - 1) // 3 + 1
    return Period.quarter(today.year, q).add_quarters(-1)


def lang(args: argparse.Namespace) -> str:
    """The language of explanations: ``en`` when asked for, else ``zh``."""
    return "en" if args.lang == "en" else "zh"
