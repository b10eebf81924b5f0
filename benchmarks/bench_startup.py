"""Benchmark: process start → main window with the overview painted, against a bare QMainWindow.

Both run as fresh processes (offscreen), started the same way, alternately, several times; the
medians are compared. The program opens a demo database created beforehand.

    uv run python benchmarks/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("规划监测")); w.resize(1280, 800); w.show()
w.repaint(); app.processEvents()
print("painted")
"""

APP = """
import sys, argparse
from planmonitor.app import create_application
app, _ = create_application("zh")
from planmonitor.gui.context import MonitorContext
from planmonitor.gui.main_window import MainWindow
from planmonitor.store.database import open_database
w = MainWindow(MonitorContext(open_database(sys.argv[1]))); w.resize(1280, 800); w.show()
assert w.overview.tree.topLevelItemCount() > 0
w.repaint(); app.processEvents()
print("painted", "pyqtgraph" in sys.modules)
"""


def run(code: str, *args: str) -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return time.perf_counter() - start, out.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from planmonitor.services.demo import create_demo
    from planmonitor.store.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "demo.sqlite")
        db = open_database(path)
        create_demo(db)
        db.close()
        run(BARE)
        run(APP, path)  # warm the file cache once
        bare, app = [], []
        note = ""
        for _ in range(args.runs):
            bare.append(run(BARE)[0])
            t, note = run(APP, path)
            app.append(t)
        b, a = statistics.median(bare), statistics.median(app)
        print(
            f"bare QMainWindow:            median {b * 1000:.0f} ms  (min {min(bare) * 1000:.0f})"
        )
        print(f"PlanMonitor, overview shown: median {a * 1000:.0f} ms  (min {min(app) * 1000:.0f})")
        print(
            f"ratio (median): {a / b:.2f}×   (goal ≤ 1.5×); pyqtgraph loaded at start: "
            f"{note.endswith('True')}"
        )


if __name__ == "__main__":
    main()
