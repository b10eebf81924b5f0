"""The entry point: a plan document's path → a :class:`DraftPlan`."""

from __future__ import annotations

from pathlib import Path

from planmonitor.domain.draft import DraftPlan
from planmonitor.exchange.plandocs.drafter import draft_from_blocks
from planmonitor.exchange.plandocs.readers import read_blocks


def draft_plan(path: Path) -> DraftPlan:
    """Read the document at ``path`` and propose a plan; DocumentError if it can't be read."""
    return draft_from_blocks(read_blocks(path), source=path.name)
