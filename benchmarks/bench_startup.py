"""Benchmark: start of the real entry point ``planmonitor`` against a bare QMainWindow.

Both run as fresh processes (offscreen), alternately, several times, with bytecode compiled as
an installation has it (``uv sync --compile-bytecode``, the wheel, the frozen app: this script
compiles the environment and the package first, which is a no-op once done). Each child prints
``time.time()`` when its window is painted; ``planmonitor --startup-probe`` prints when the window
frame is painted (before any database work) and when the main window with the filled overview is.
Times are from just before the process is spawned. Reported: medians and mins, their ratios to
the bare window, and the children's CPU time (user + system), which a shared machine disturbs
less than wall time. Goals (issue 16): frame ≤ 1.5×, overview ≤ 2.5× the bare window.

    uv run python benchmarks/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import sysconfig
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
print(f"shell {time.time():.4f}")
"""

# The floor of any start that reads the database through SQLAlchemy's ORM: the bare window, then
# SQLAlchemy and its ORM imported (garbage collection paused, as the program does) — no models,
# no database, no views. What the program needs beyond this is the part it can still shorten.
ORM_FLOOR = (
    BARE
    + """
import gc
gc.disable()
import sqlalchemy.orm
print(f"overview {time.time():.4f}")
"""
)

# What the ``planmonitor`` script runs, for a checkout that is not installed in this environment.
OLD_ENTRY = (
    "import sys\nfrom planmonitor.cli import main\nsys.argv[0] = 'planmonitor'\nsys.exit(main())"
)


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


def entry_point() -> Path:
    """The ``planmonitor`` script of this environment."""
    exe = Path(sys.executable).parent / ("planmonitor.exe" if os.name == "nt" else "planmonitor")
    if not exe.exists():
        raise SystemExit(f"{exe} not found: run `uv sync` first")
    return exe


def compile_bytecode() -> None:
    """Compile the environment's and the package's modules, as an installation has them."""
    for folder in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        compileall.compile_dir(folder, quiet=2, workers=1)
    compileall.compile_dir(REPO / "planmonitor", quiet=2, workers=1)


def run(cmd: list[str], where: Path = REPO) -> tuple[dict[str, float], float]:
    """Times (s since spawn) of each painted mark (``end``: the process has exited), and the
    child's CPU seconds."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if where != REPO:
        env["PYTHONPATH"] = str(where)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, cwd=where)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    marks = {"end": time.time() - start}
    for line in out.stdout.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("shell", "overview"):
            marks[word] = float(rest.split()[0]) - start
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return marks, cpu


def line(label: str, times: list[float], floor: list[float] | None = None) -> str:
    """Median and min of ``times``; with ``floor``, both as ratios to the floor's."""
    med = statistics.median(times)
    text = f"{label:<34} median {med * 1000:5.0f} ms  (min {min(times) * 1000:4.0f})"
    if floor is not None:
        ratio_med, ratio_min = med / statistics.median(floor), min(times) / min(floor)
        text += f"   {ratio_med:4.2f}× median, {ratio_min:4.2f}× min"
    return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument(
        "--before",
        metavar="GIT_REF",
        help="also time the program as of GIT_REF (e.g. main), started the same way",
    )
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    compile_bytecode()
    from planmonitor.services.demo import create_demo
    from planmonitor.store.database import open_database

    exe = entry_point()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "demo.sqlite")
        db = open_database(path)
        create_demo(db)
        db.close()
        bare_cmd = [sys.executable, "-c", BARE]
        app_cmd = [str(exe), "--db", path, "--startup-probe"]
        old = export_ref(args.before, Path(tmp)) if args.before else None
        old_cmd = [sys.executable, "-c", OLD_ENTRY, "--db", path, "--startup-probe"]
        if old is not None:
            compileall.compile_dir(old / "planmonitor", quiet=2, workers=1)
            run(old_cmd, old)
        run(bare_cmd)
        run(app_cmd)  # warm the file cache once
        bare, shell, overview, ended, old_end, cpu_bare, cpu_app, cpu_old = ([] for _ in range(8))
        orm_floor: list[float] = []
        old_shell: list[float] = []
        old_overview: list[float] = []
        for _ in range(args.runs):
            marks, cpu = run(bare_cmd)
            bare.append(marks["shell"])
            cpu_bare.append(cpu)
            orm_floor.append(run([sys.executable, "-c", ORM_FLOOR])[0]["overview"])
            marks, cpu = run(app_cmd)
            shell.append(marks["shell"])
            overview.append(marks["overview"])
            ended.append(marks["end"])
            cpu_app.append(cpu)
            if old is not None:
                marks, cpu = run(old_cmd, old)
                old_end.append(marks["end"])
                cpu_old.append(cpu)
                if "overview" in marks:  # (a probe that prints its paint times)
                    old_shell.append(marks["shell"])
                    old_overview.append(marks["overview"])
    print(f"{args.runs} runs each, alternately; `{exe.name} --startup-probe` on the demo database")
    print(line("bare QMainWindow painted", bare))
    print(line("bare + SQLAlchemy ORM imported", orm_floor, bare) + "   (the ORM's floor)")
    print(line("planmonitor: window frame painted", shell, bare) + "   (goal ≤ 1.5×)")
    print(line("planmonitor: overview painted", overview, bare) + "   (goal ≤ 2.5×)")
    print(line("planmonitor: process exited", ended, bare))
    if old_shell:
        print(line(f"before ({args.before}): frame painted", old_shell, bare))
        print(line(f"before ({args.before}): overview painted", old_overview, bare))
    if old_end:
        print(line(f"before ({args.before}): exited", old_end, bare))
    cb, ca = statistics.median(cpu_bare), statistics.median(cpu_app)
    text = (
        f"CPU time (user + system) of the whole process, median: bare {cb * 1000:.0f} ms, "
        f"planmonitor {ca * 1000:.0f} ms ({ca / cb:.2f}×)"
    )
    if cpu_old:
        co = statistics.median(cpu_old)
        text += f", before {co * 1000:.0f} ms ({co / cb:.2f}×)"
    print(text)


if __name__ == "__main__":
    main()
