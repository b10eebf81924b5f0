"""Where the program's data folders are: the same lookup for a source checkout, an installed
wheel and the frozen program.

The wheel and the frozen program carry ``db/``, ``resources/`` and the user manual
(``docs/manual``) as ``planmonitor/_data/``; a source checkout has them at the top of the
repository (the manual under ``docs/``). Both are looked up relative to this
file, so no environment variable or working directory matters.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found = [_PACKAGE / "_data" / name, _PACKAGE.parent / name, _PACKAGE.parent / "docs" / name]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.insert(0, Path(frozen) / "planmonitor" / "_data" / name)
    return found


def data_dir(name: str) -> Path:
    """The data folder ``name`` ("db", "resources", "ui", "manual"); FileNotFoundError if absent."""
    for path in _candidates(name):
        if path.is_dir():
            return path
    tried = ", ".join(str(p) for p in _candidates(name))
    raise FileNotFoundError(f"PlanMonitor 数据目录 {name} 缺失（查找过：{tried}）")
