"""Benchmark: the desktop program on the 500,000-observation database of bench_status.py.

A fresh process (offscreen) opens the main window on the generated city (cangzhou's 11
indicators, about 1,600 sub-regions, 40 % of the values corrected), then changes the report
period and switches the region through the toolbar's boxes, each change painted before the
next; it prints the time to the painted overview, the median and max of each kind of change,
and the process's peak resident memory. Goals (issue 16): peak RSS ≤ 250 MB, period change and
region switch ≤ 300 ms.

    uv run python benchmarks/bench_gui.py [--observations 500000] [--changes 6]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

CHILD = """
import resource, statistics, sys, time
start = time.perf_counter()
from planmonitor.app import create_application
app, _ = create_application("zh")
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.main_window import MainWindow
from planmonitor.store.database import open_database
w = MainWindow(MonitorContext(open_database(sys.argv[1]))); w.resize(1280, 800); w.show()
w.repaint(); app.processEvents()
assert w.overview.tree.topLevelItemCount() > 0
shown = time.perf_counter() - start
changes = int(sys.argv[2])

def timed(box, index):
    t = time.perf_counter()
    box.setCurrentIndex(index)
    w.repaint(); app.processEvents()
    return (time.perf_counter() - t) * 1000

first = w.period_box.currentIndex()
period = [timed(w.period_box, first - 1 - (i % 4)) for i in range(changes)]
regions = [timed(w.region_box, 1 + i * 97 % (w.region_box.count() - 1)) for i in range(changes)]
back = timed(w.region_box, 0)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{shown * 1000:.0f} {statistics.median(period):.0f} {max(period):.0f} "
      f"{statistics.median(regions):.0f} {max(regions):.0f} {back:.0f} {rss:.0f} "
      f"{w.region_box.count()}")
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--observations", type=int, default=500_000)
    ap.add_argument("--changes", type=int, default=6)
    ap.add_argument(
        "--before",
        metavar="GIT_REF",
        help="also run the program as of GIT_REF (e.g. main) on the same file",
    )
    args = ap.parse_args()
    from bench_status import generate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "city.sqlite"
        t0 = time.perf_counter()
        n = generate(path, args.observations)
        print(f"generated {n:,} observations in {time.perf_counter() - t0:.1f} s")
        checkouts = [("this checkout", REPO)]
        if args.before:
            checkouts.insert(0, (f"before ({args.before})", export_ref(args.before, Path(tmp))))
        for label, where in checkouts:
            print(f"-- {label}")
            report(run_child(where, path, args.changes))


def export_ref(ref: str, into: Path) -> Path:
    """The package as of git ``ref``, unpacked into a folder of ``into``."""
    folder = into / "before"
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", ref, "planmonitor", "resources", "ui", "db"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def run_child(where: Path, path: Path, changes: int) -> list[float]:
    """The child's figures, running the program from the checkout ``where``."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(changes)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(where)},
        capture_output=True,
        text=True,
        check=True,
        cwd=where,
    ).stdout.split()
    return [float(x) for x in out]


def report(figures: list[float]) -> None:
    shown, p_med, p_max, r_med, r_max, back, rss, regions = figures
    print(f"main window with the overview painted: {shown:.0f} ms ({regions:.0f} regions)")
    print(f"report period change: median {p_med:.0f} ms, max {p_max:.0f} ms  (goal ≤ 300 ms)")
    print(
        f"region switch:        median {r_med:.0f} ms, max {r_max:.0f} ms, back to the city "
        f"{back:.0f} ms  (goal ≤ 300 ms)"
    )
    print(f"peak resident memory: {rss:.0f} MiB  (goal ≤ 250 MB = {250e6 / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
