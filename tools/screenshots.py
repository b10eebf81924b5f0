"""Render every main screen offscreen with the demo data into PNGs (docs/screenshots/).

uv run python tools/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


SIZES = ((1366, 768), (1920, 1080))


def render(out: Path, lang: str, sizes: tuple[tuple[int, int], ...] = SIZES) -> list[Path]:
    """Welcome, overview, entry, detail (a stock and a flow), the round's tabs (重点任务, 报送情况,
    数据审核), the import dialog with a question
    and every dialog, in ``lang`` at each window size; returns the files."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from planmonitor.app import create_application
    from planmonitor.gui import i18n
    from planmonitor.gui.context import MonitorContext
    from planmonitor.gui.main_window import MainWindow
    from planmonitor.gui.workers import SynchronousPool
    from planmonitor.services.demo import create_demo
    from planmonitor.store.database import open_database

    app, _ = create_application(lang)
    i18n.install(app, lang)
    files: list[Path] = []

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        QApplication.processEvents()
        QApplication.processEvents()
        path = out / f"{name}-{lang}.png"
        widget.grab().save(str(path))
        files.append(path)

    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tmp)
        for width, height in sizes:
            tag = f"{width}x{height}"
            empty = open_database(Path(tmp) / f"empty-{tag}.sqlite")
            window = MainWindow(MonitorContext(empty))
            window.resize(width, height)
            window.show()
            shot(window, f"welcome-{tag}")
            window.close()
            db = open_database(Path(tmp) / f"demo-{tag}.sqlite")
            create_demo(db)
            window = MainWindow(MonitorContext(db))
            window.resize(width, height)
            window.show()
            shot(window, f"overview-{tag}")
            window.tabs.setCurrentWidget(window.entry)
            window.entry.grid.setCurrentIndex(window.entry.model.index(5, 6))
            shot(window, f"entry-{tag}")
            window.tabs.setCurrentWidget(window.detail)
            window.detail.show_indicator("06")
            shot(window, f"detail-stock-{tag}")
            window.detail.show_indicator("09")
            shot(window, f"detail-flow-{tag}")
            _type_a_flagged_value(window)
            shot(window, f"entry-check-{tag}")
            round_views = window.round
            for name, view in (
                ("tasks", round_views.tasks),
                ("reporting", round_views.reporting),
                ("checks", round_views.checks),
            ):
                window.tabs.setCurrentWidget(view)
                shot(window, f"{name}-{tag}")
            if (width, height) == sizes[0]:
                _dialogs(window, shot, tmp, SynchronousPool, locals())
            successor = carried_over_demo(db)
            window.show_plans()
            window.plan_box.setCurrentIndex(window.plan_box.findData(successor))
            window.tabs.setCurrentWidget(window.detail)
            window.detail.show_indicator("06")
            shot(window, f"detail-carried-over-{tag}")
            window.detail.show_indicator("09")
            shot(window, f"detail-carried-over-flow-{tag}")
            window.close()
            db.close()
            empty.close()
    return files


def _type_a_flagged_value(window) -> None:  # type: ignore[no-untyped-def]
    """09 技术合同成交总额 (a year-to-date flow) typed lower in 三季度 than in 二季度: the value is
    saved and marked by the data checks, and its comment field is offered."""
    from PySide6.QtCore import Qt

    window.tabs.setCurrentWidget(window.entry)
    model = window.entry.model
    row = next(r for r, i in enumerate(model.indicators) if i.code == "09")
    index = model.index(row, 6)  # 三季度（1—9月）
    window.entry.grid.setCurrentIndex(index)
    model.setData(index, "13.9", Qt.ItemDataRole.EditRole)


def carried_over_demo(db) -> str:  # type: ignore[no-untyped-def]
    """十四五 → 十五五 on the demo: the demo plan's 06 (高新技术企业数量, a stock) and 09
    (技术合同成交总额, a flow) get values to the end of 2025, and a 十五五 successor drafted from
    it (every indicator carried over, the 2025 values as baselines) gets 2026 values of its own.
    Returns the successor's id."""
    from planmonitor.domain.observation import Source, Standing
    from planmonitor.domain.periods import Period
    from planmonitor.services.observations import Entry, ObservationService
    from planmonitor.services.plan_drafts import install_draft
    from planmonitor.services.plans import PlanService
    from planmonitor.services.successors import SuccessorService

    demo = PlanService(db).list_plans()[0].id
    obs = ObservationService(db)
    source = Source("demo")
    stock = [(2024, 4, 283.0), (2025, 1, 283.0), (2025, 2, 283.0), (2025, 3, 283.0)]
    flow = [(2024, 4, 28.6), (2025, 1, 7.6), (2025, 2, 15.3), (2025, 3, 22.9)]
    more = {"06": [*stock, (2025, 4, 302.0)], "09": [*flow, (2025, 4, 30.4)]}
    for code, points in more.items():
        for year, q, value in points:
            standing = Standing.ESTIMATE if year == 2025 and q == 4 else Standing.PRELIMINARY
            entry = Entry(code, Period.quarter(year, q), value, standing=standing, source=source)
            obs.record(demo, entry)
    draft = SuccessorService(db).successor_draft(demo)
    targets = {"06": 450.0, "09": 50.0}
    for ind in draft.indicators:
        ind.form, ind.milestones, ind.increase, ind.rate, ind.due = "level", [], None, None, None
        base = ind.baseline
        ind.target = targets.get(ind.code, base * 1.2 if base else 100.0)
    draft.title = draft.title.replace("（演示数据）", "") + "（演示数据）"
    successor = f"{demo}-15"
    install_draft(db, draft, successor)
    for code, points in {
        "06": [(1, 302.0), (2, 302.0), (3, 302.0)],
        "09": [(1, 8.4), (2, 17.1), (3, 26.0)],
    }.items():
        for q, value in points:
            obs.record(successor, Entry(code, Period.quarter(2026, q), value, source=source))
    return successor


def _dialogs(window, shot, tmp, pool, _names) -> None:  # type: ignore[no-untyped-def]
    """Every dialog once (they size themselves to their content)."""
    from planmonitor.gui.dialogs import IndicatorDialog, RegionDialog, ReviseDialog
    from planmonitor.gui.exchange_actions import TemplateDialog
    from planmonitor.gui.plan_dialogs import (
        BaselineDialog,
        PlanSettingsDialog,
        RegionTargetDialog,
        ResponsibleUnitsDialog,
    )

    ctx = window.context
    window.context.plans.add_region(ctx.plan.id, "shuangqiao", "双桥区")
    ctx.reload_plan()
    for name, dialog in (
        ("dialog-indicator", IndicatorDialog(ctx, "06", window)),
        ("dialog-revise", ReviseDialog(ctx, "06", window)),
        ("dialog-region", RegionDialog(ctx, window)),
        ("dialog-baseline", BaselineDialog(ctx, "06", window)),
        ("dialog-region-targets", RegionTargetDialog(ctx, "06", window)),
        ("dialog-units", ResponsibleUnitsDialog(ctx, window)),
        ("dialog-plan-settings", PlanSettingsDialog(ctx, window)),
        ("dialog-template", TemplateDialog(ctx, window)),
    ):
        dialog.show()
        shot(dialog, name)
        dialog.close()
    sample = Path(tmp) / "区科技局.csv"
    sample.write_text(
        "指标名称,期间,数值\n高新技术企业数量,2024年1-9月,271\n技术合同成交总额（亿元）,"
        '2024年1-9月,"22.6"\n省级研发平台,2024年1-9月,136\n院士工作站,2024年1-9月,3\n'
        "科技领军企业,2024年1-9月,三家\n",
        encoding="utf-8-sig",
    )
    window.exchange.pool = pool()
    dialog = window.exchange.import_file(str(sample))
    dialog.show()
    shot(dialog, "dialog-import")
    dialog.close()
    from planmonitor.gui.manual import ManualWindow

    manual = ManualWindow(window)
    manual.show()
    shot(manual, "manual")
    manual.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="docs/screenshots")
    ap.add_argument("--lang", action="append", choices=["zh", "en"])
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang in args.lang or ["zh", "en"]:
        for f in render(out, lang):
            print(f)


if __name__ == "__main__":
    main()
