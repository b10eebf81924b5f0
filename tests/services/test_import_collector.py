"""The collector pause of bulk import work: what a block leaves alive is not walked again as
young objects when it ends, and garbage cycles among it are still freed."""

from __future__ import annotations

import gc
import weakref

from planmonitor.services.bulk_work import collector_paused


class _Row:
    __slots__ = ("__weakref__", "other", "value")

    def __init__(self, value: int) -> None:
        self.value = value
        self.other: _Row | None = None


def _collections_during(work) -> list[int]:  # type: ignore[no-untyped-def]
    """The generations collected while ``work`` runs."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        work()
    finally:
        gc.callbacks.remove(note)
    return seen


def test_objects_left_by_a_block_are_not_walked_as_young_ones() -> None:
    gc.collect()
    assert gc.isenabled()
    rows: list[_Row] = []

    def block() -> None:
        with collector_paused():
            rows.extend(_Row(i) for i in range(50_000))
        [[i] for i in range(500)]  # allocations after the block

    # before: the first allocation after the block walked the 50,000 rows as young objects
    assert _collections_during(block) == []
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert not any(id(r) in young for r in rows[:100])
    assert gc.isenabled()


def test_cycles_made_in_a_block_are_still_freed() -> None:
    gc.collect()
    with collector_paused():
        a, b = _Row(1), _Row(2)
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
    assert gone() is not None  # a cycle: reference counting alone does not free it
    gc.collect()
    assert gone() is None
    assert gc.get_freeze_count() == 0


def test_start_up_frozen_objects_stay_frozen() -> None:
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            rows = [_Row(i) for i in range(1000)]
        assert gc.get_freeze_count() == frozen
        assert len(rows) == 1000
    finally:
        gc.unfreeze()
