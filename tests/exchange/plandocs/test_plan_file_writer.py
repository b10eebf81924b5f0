"""文件 → 导出规划文件: a plan written as a plan file reads back as the same plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from planmonitor.exchange.planfiles.planfile import builtin_plan_files, load_plan_file
from planmonitor.exchange.planfiles.writer import write_plan_file


@pytest.mark.parametrize("path", builtin_plan_files(), ids=lambda p: p.stem)
def test_every_builtin_plan_round_trips(path: Path, tmp_path: Path) -> None:
    plan = load_plan_file(path)
    out = tmp_path / "shared.toml"
    write_plan_file(plan, out)
    again = load_plan_file(out)
    assert again == plan
    assert [i.target for i in again.indicators] == [i.target for i in plan.indicators]
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind
