"""总览 (issue 11 §4): the sentence shown whole, 1366×768, elided names, the summary on top,
no "指标" group row for a plan without categories, one "—" for an empty value."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

from planmonitor.domain.formatting import Light
from planmonitor.gui.overview import EXPLANATION


def _rows(tree):  # type: ignore[no-untyped-def]
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        if top.childCount():
            yield from (top.child(j) for j in range(top.childCount()))
        else:
            yield top


def test_the_window_fits_1366_by_768_and_every_sentence_is_shown_whole(demo_window, qtbot):  # type: ignore[no-untyped-def]
    w = demo_window
    hint = w.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740
    w.resize(1366, 740)
    qtbot.waitUntil(lambda: w.width() == 1366)
    tree = w.overview.tree
    qtbot.waitUntil(lambda: tree.columnWidth(EXPLANATION) > 300)
    width = tree.columnWidth(EXPLANATION)
    metrics = QFontMetrics(tree.font())
    long_rows = 0
    for row in _rows(tree):
        text = row.text(EXPLANATION)
        needed = metrics.boundingRect(
            QRect(0, 0, width - 8, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        tree.scrollToItem(row)
        shown = tree.visualItemRect(row)
        assert shown.height() >= needed.height(), text
        long_rows += needed.height() > metrics.height() * 1.5
    assert long_rows > 0  # some sentences do need a second line, and get it
    assert tree.header().sectionResizeMode(EXPLANATION).name == "Stretch"


def test_long_names_elide_with_the_whole_name_in_the_tooltip(cangzhou_window, qtbot):  # type: ignore[no-untyped-def]
    w = cangzhou_window
    tree = w.overview.tree
    row = next(r for r in _rows(tree) if r.data(0, Qt.ItemDataRole.UserRole + 1) == "10")
    assert tree.columnWidth(0) <= 260
    assert "工程研究中心等创新平台" in row.toolTip(0)
    metrics = QFontMetrics(tree.font())
    assert metrics.horizontalAdvance(row.text(0)) > tree.columnWidth(0)  # too long: elided
    sentence = metrics.boundingRect(
        QRect(0, 0, tree.columnWidth(EXPLANATION) - 8, 10_000),
        int(Qt.TextFlag.TextWordWrap),
        row.text(EXPLANATION),
    )
    # the row is as high as its sentence needs, not as the wrapped name would be
    assert tree.visualItemRect(row).height() <= max(sentence.height(), metrics.height()) + 8


def test_a_plan_without_categories_is_one_flat_list(cangzhou_window):  # type: ignore[no-untyped-def]
    tree = cangzhou_window.overview.tree
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert len(tops) == 17 and all(t.childCount() == 0 for t in tops)
    assert "指标" not in [t.text(0) for t in tops]
    empty = tops[3]  # 04 科技领军企业: no value, no baseline
    for col in (2, 3, 4, 5):
        assert empty.text(col) == "—"


def test_the_summary_counts_lights_per_category_and_names_the_lagging(demo_window, qtbot):  # type: ignore[no-untyped-def]
    w = demo_window
    statuses = w.context.statuses()
    summary = w.overview.summary
    labels = [summary.grid.itemAt(i).widget() for i in range(summary.grid.count())]
    texts = [lab.text() for lab in labels if isinstance(lab, QLabel)]
    assert f"全部{len(statuses)}项指标" in texts
    assert any(t.startswith("创新实力（") for t in texts)
    red = sum(1 for s in statuses if s.status.light is Light.RED)
    if red:
        assert f"■ 滞后{red}" in texts
    lagging = [s for s in statuses if s.status.light in (Light.RED, Light.YELLOW)]
    assert lagging
    text = summary.lagging_label.text()
    for s in lagging:
        assert s.indicator.name in text
    groups = [
        w.overview.tree.topLevelItem(i).text(0) for i in range(w.overview.tree.topLevelItemCount())
    ]
    assert groups == ["创新实力", "创新主体", "创新支撑", "创新环境", "重点任务目标"]  # no copy
    # clicking a lagging name opens it
    first = lagging[0].indicator.code
    summary.lagging_label.linkActivated.emit(first)
    assert w.tabs.currentWidget() is w.detail and w.detail.code == first


def test_counts_are_shown_whole_and_without_a_space(demo_window):  # type: ignore[no-untyped-def]
    """序时目标 of a count (268.4 家 by the schedule) reads 268家; the status keeps 268.4."""
    rows = {r.data(0, Qt.ItemDataRole.UserRole + 1): r for r in _rows(demo_window.overview.tree)}
    statuses = {s.indicator.code: s.status for s in demo_window.context.statuses()}
    assert statuses["06"].expected is not None and statuses["06"].expected % 1 != 0
    assert rows["06"].text(3) == f"{round(statuses['06'].expected)}家"
    assert rows["06"].text(2) == f"{statuses['06'].actual:.0f}家"
