"""Benchmark: one region's status, overview and report as the plan's regions grow (1, 20, 200).

A plan of 60 indicators (the report benchmark's mix of forms and cadences) with values for every
quarter 2021Q1–2024Q3; each sub-region (a county under the city) gets the same number of values.
For the city's own region it times, median and min of several runs in one process:

- status: ``StatusService.evaluate`` (what ``planmonitor status`` and the overview compute);
- as before: the same answer computed after reading every region's values (what the status of
  one region cost before issue 16) — the figures the region-scoped loading must beat;
- overview: the overview view recomputed and painted after a report-period change (offscreen);
- report: the report model (``build_report``, what all three formats are written from).

The one-region figures should stay flat from 1 to 200 regions.

    uv run python benchmarks/bench_regions.py [--regions 1 20 200] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_report import QUARTER, plan_toml, values
from PySide6.QtWidgets import QApplication

from planmonitor.services.observations import ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.report import build_report
from planmonitor.services.status import IndicatorStatus, StatusData, StatusService
from planmonitor.store.database import open_database

INDICATORS = 60
PLAN = f"bench{INDICATORS}"


def make_city(root: Path, regions: int) -> Path:
    """The plan with ``regions`` regions (the city and regions − 1 counties), all reporting."""
    path = root / f"city{regions}.sqlite"
    plan_file = root / f"{PLAN}.toml"
    plan_file.write_text(plan_toml(INDICATORS), encoding="utf-8")
    db = open_database(path)
    PlanService(db).install(plan_source(str(plan_file)))
    ObservationService(db).record_many(PLAN, values(INDICATORS, random.Random(7)), by="bench")
    db.close()
    con = sqlite3.connect(path)
    plan_id = con.execute("SELECT id FROM plans WHERE key = ?", (PLAN,)).fetchone()[0]
    con.executemany(
        "INSERT INTO regions (plan_id, code, name, parent_code, position) VALUES (?,?,?,?,?)",
        [(plan_id, f"C{i:03d}", f"第{i}县", "*", i) for i in range(1, regions)],
    )
    city_id = con.execute(
        "SELECT id FROM regions WHERE plan_id = ? AND code = '*'", (plan_id,)
    ).fetchone()[0]
    cols = (
        "indicator_id, year, month, value, standing, comment, source_kind, source_file, "
        "source_hash, source_sheet, source_cell, recorded_by, recorded_at"
    )
    con.execute(
        f"INSERT INTO observations (region_id, {cols}) "
        f"SELECT r.id, {cols.replace('value', 'value / 20')} "
        "FROM observations o JOIN regions r ON r.plan_id = ? AND r.code != '*' "
        "WHERE o.region_id = ?",
        (plan_id, city_id),
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return path


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, min) in ms."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def every_region_first(service: StatusService) -> list[IndicatorStatus]:
    """One region's status after reading every region's values (the old loading)."""
    with service.db.session() as s:
        loaded = StatusData(s, PLAN, QUARTER)
        loaded.load(list(loaded.plan.regions))
        return loaded.statuses([loaded.plan.regions[0]])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--regions", type=int, nargs="+", default=[1, 20, 200])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from planmonitor.app import create_application

    app, _ = create_application("zh")
    assert isinstance(app, QApplication)
    header = f"{'regions':>7} {'values':>8}  {'status':>13} {'as before':>13} "
    print(header + f"{'overview':>13} {'report':>13}   (median / min, ms)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.regions:
            path = make_city(Path(tmp), n)
            with sqlite3.connect(path) as con:
                count = con.execute("SELECT count(*) FROM observations").fetchone()[0]
            figures = measure(app, path, args.repeat)
            cells = [f"{m:>6.0f} / {lo:>4.0f}" for m, lo in figures]
            print(f"{n:>7} {count:>8,}  " + " ".join(f"{c:>13}" for c in cells))


def measure(app: QApplication, path: Path, repeat: int) -> list[tuple[float, float]]:
    """(median, min) of status, status as before, overview and report on the city at ``path``."""
    from planmonitor.gui.context import MonitorContext
    from planmonitor.gui.overview import OverviewView

    db = open_database(path)
    service = StatusService(db)
    one = service.evaluate(PLAN, QUARTER)
    before = every_region_first(service)
    assert [i.status for i in one] == [i.status for i in before]
    status = timed(lambda: service.evaluate(PLAN, QUARTER), repeat)
    old = timed(lambda: every_region_first(service), repeat)
    context = MonitorContext(db)
    context.open_plan(PLAN)
    view = OverviewView(context)
    view.resize(1280, 700)
    view.show()
    quarters = [QUARTER, QUARTER.add_quarters(-1)]

    def change_period() -> None:
        context.set_quarter(quarters[0] if context.quarter != quarters[0] else quarters[1])
        view.repaint()
        app.processEvents()

    change_period()
    overview = timed(change_period, repeat)
    assert view.tree.topLevelItemCount() > 0
    report = timed(lambda: build_report(db, PLAN, QUARTER), repeat)
    view.close()
    db.close()
    return [status, old, overview, report]


if __name__ == "__main__":
    main()
