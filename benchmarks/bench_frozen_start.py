"""Benchmark: the frozen program (PyInstaller) against the source-installed one (uv sync): process
start → main window painted (``planmonitor --startup-probe``, the same start-up path as opening
the program), and the size of the bundle and of the .deb.

Both run as fresh processes, offscreen, alternately, on one demo database created beforehand
(warm file cache and compiled .pyc files: the first run of each is discarded); the medians
are compared.

    bash installer/build-linux.sh            # builds dist/planmonitor and the .deb
    uv run python benchmarks/bench_frozen_start.py [--frozen dist/planmonitor] [--runs 9]
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


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) of everything under ``path`` (symlinks not followed)."""
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    out = subprocess.run(command, env=env, capture_output=True, text=True, cwd=env["HOME"])
    elapsed = time.perf_counter() - start
    if out.returncode != 0 or not out.stdout.startswith("shown: "):
        raise SystemExit(f"{command[0]} failed ({out.returncode}):\n{out.stdout}{out.stderr}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--frozen", type=Path, default=REPO / "dist" / "planmonitor")
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    frozen_exe = args.frozen / "planmonitor"
    source_exe = Path(sys.executable).parent / "planmonitor"  # the venv's gui-script
    for exe in (frozen_exe, source_exe):
        if not exe.exists():
            raise SystemExit(f"{exe} not found (build: bash installer/build-linux.sh)")
    from planmonitor.services.demo import create_demo
    from planmonitor.store.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "demo.sqlite")
        db = open_database(path)
        create_demo(db)
        db.close()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": tmp}
        env.pop("PYTHONPATH", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # a source install has its .pyc files
        commands = {
            "frozen (PyInstaller)": [str(frozen_exe), "--db", path, "--startup-probe"],
            "source (uv sync)": [str(source_exe), "--db", path, "--startup-probe"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            run(command, env)  # warm the file cache
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(run(command, env))

    size, files = folder_size(args.frozen)
    shown = args.frozen.resolve()
    shown = shown.relative_to(REPO) if shown.is_relative_to(REPO) else shown
    print(f"frozen bundle {shown}: {size / 2**20:.0f} MiB in {files} files")
    for deb in sorted((args.frozen.parent).glob("planmonitor_*.deb")):
        print(f"Debian package {deb.name}: {deb.stat().st_size / 2**20:.1f} MiB")
    print(f"start → main window painted, {args.runs} runs each (offscreen, warm cache):")
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values)
        print(f"  {name:22} median {medians[name] * 1000:5.0f} ms  (min {min(values) * 1000:.0f})")
    frozen, source = medians.values()
    print(f"frozen / source (median): {frozen / source:.2f}×")


if __name__ == "__main__":
    main()
