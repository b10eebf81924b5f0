"""Table recognition works per distinct label, not per cell (import speed, issue 16)."""

from __future__ import annotations

import pytest

from planmonitor.exchange.sheets.grid import SheetGrid
from planmonitor.exchange.tables import layout
from planmonitor.exchange.tables.names import NameMatcher


def test_the_indicator_axis_is_found_weighing_each_distinct_text_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = [("05", "高新技术企业数量"), ("09", "技术合同成交额")]
    rows: list[list[object]] = [["地区", "指标名称", "期间", "数值"]]
    for i in range(300):
        rows.append([f"第{i % 3}街道", names[i % 2][1], "2023年第三季度", float(i)])
    weighed: list[str] = []
    real = layout._hit_weight

    def counting(matcher: NameMatcher, text: str) -> float:
        weighed.append(text)
        return real(matcher, text)

    monkeypatch.setattr(layout, "_hit_weight", counting)
    grid = SheetGrid("数据", rows)  # type: ignore[arg-type]
    found = layout.find_axis(grid, layout.Anchors(grid), NameMatcher(names))
    assert found == (False, 1)  # indicator names run down column B
    scanned = {t for row in rows[: layout.SCAN_ROWS] for t in row if isinstance(t, str)}
    assert sorted(weighed) == sorted(scanned)
