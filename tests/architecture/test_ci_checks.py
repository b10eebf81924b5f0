"""CI runs the type check as well as the tests (issue 15): mypy is clean and must stay so."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_ci_runs_mypy_before_the_tests() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in script.splitlines()]
    assert "uv run --frozen mypy planmonitor" in lines
    assert lines.index("uv run --frozen mypy planmonitor") < lines.index("bash tools/test.sh")
