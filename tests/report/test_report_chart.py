"""The chart's axis: round ticks covering the data, labelled with the decimals the step needs."""

from __future__ import annotations

import pytest

from planmonitor.exchange.reports.chart import _tick_label, nice_ticks


@pytest.mark.parametrize(
    ("lo", "hi", "ticks", "labels"),
    [
        (795, 1300, [600, 800, 1000, 1200, 1400], ["600", "800", "1000", "1200", "1400"]),
        (0, 150, [0, 50, 100, 150], ["0", "50", "100", "150"]),
        (0.5, 2.1, [0.5, 1.0, 1.5, 2.0, 2.5], ["0.5", "1.0", "1.5", "2.0", "2.5"]),
        (1, 9.5, [0, 2.5, 5.0, 7.5, 10.0], ["0.0", "2.5", "5.0", "7.5", "10.0"]),
        (5, 5, [4.5, 4.75, 5.0, 5.25, 5.5], ["4.50", "4.75", "5.00", "5.25", "5.50"]),  # flat
    ],
)
def test_ticks_are_round_and_cover_the_data(lo, hi, ticks, labels) -> None:
    got = nice_ticks(lo, hi)
    assert got == pytest.approx(ticks)
    assert got[0] <= lo and got[-1] >= hi
    step = got[1] - got[0]
    assert [_tick_label(t, step) for t in got] == labels
