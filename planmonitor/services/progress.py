"""Progress of long work: core generators yield these; the GUI shows them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Progress:
    """``done`` of ``total`` steps, and what is being done."""

    done: int
    total: int
    message: str = ""
