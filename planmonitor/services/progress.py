"""Progress of long work: core generators yield these; the GUI shows them."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Progress:
    """``done`` of ``total`` steps, and what is being done."""

    done: int
    total: int
    message: str = ""


def run_to_end(steps: Generator[Progress, None, T]) -> T:
    """Run a progress-yielding job to the end (no progress shown) and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: T = done.value
            return result
