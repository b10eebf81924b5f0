"""The generated plan documents, made once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from make_plan_docs import make_all


@pytest.fixture(scope="session")
def plan_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """name → path of every fixture document (the PDF made by LibreOffice)."""
    return make_all(tmp_path_factory.mktemp("plandocs"))
