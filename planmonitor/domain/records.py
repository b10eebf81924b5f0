"""A fast :func:`dataclasses.replace` for the domain's frozen, slotted records.

A city's status builds each sub-region's own indicator (its baseline and target, 任务分解) for
thousands of regions; :func:`dataclasses.replace` walks the fields and goes through the frozen
``__init__`` each time (≈ 14 µs for an indicator and its target). :func:`replaced` sets the
slots of the copy directly, through a copier written once per class, as :mod:`dataclasses`
writes ``__init__`` (≈ 3 µs). Only for records without ``__post_init__``: nothing is validated
again, as ``replace`` would not validate them either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

R = TypeVar("R")
_MISSING = object()
_COPIERS: dict[type, Callable[..., Any]] = {}


def replaced(record: R, **changes: Any) -> R:
    """A copy of the frozen, slotted dataclass ``record`` with ``changes`` (field: new value)."""
    cls = type(record)
    copier = _COPIERS.get(cls) or _copier(cls)
    new: R = copier(record, **changes)
    return new


def _copier(cls: type) -> Callable[..., Any]:
    """``copy(record, *, field=…)``: one line per field, setting the slot of a new instance."""
    if hasattr(cls, "__post_init__") or not hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__}: replaced() copies slots and runs no __post_init__")
    names = [f.name for f in fields(cls)]
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls, "MISSING": _MISSING}
    lines = [f"def copy(record, *, {', '.join(f'{n}=MISSING' for n in names)}):"]
    lines.append("    made = new(cls)")
    for n in names:
        scope[f"set_{n}"] = getattr(cls, n).__set__
        lines.append(f"    set_{n}(made, record.{n} if {n} is MISSING else {n})")
    lines.append("    return made")
    exec("\n".join(lines), scope)  # the field names of our own dataclasses only
    copier: Callable[..., Any] = scope["copy"]
    _COPIERS[cls] = copier
    return copier
