"""Benchmark: importing a 100,000-row workbook, each floor measured right beside its goal.

1. Preview (read, check, recognise, match names, parse values, compare with the database)
   against a bare python-calamine read of the same file (goal: ≤ 2×).
2. Commit (ImportService.commit → ObservationService.record_many, one transaction) against a bare
   sqlite3 ``executemany`` inserting the same rows into a copy of the same database (goal: ≤ 2×).

Each repeat measures the floor and the real thing one after the other (paired), so that the
load of a shared machine hits both alike; the ratios' median and minimum are reported.
``--before REF`` runs the same measurements on another commit's code (a temporary git worktree,
in a child process) on the same workbook, in the same run.

The workbook is a long table (地区 | 指标名称 | 期间 | 数值 | 单位) for the 沧州 plan with enough
sub-regions that every row is a distinct value.

    uv run python benchmarks/bench_import.py [--rows 100000] [--repeat 5] [--before main]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

# the tree measured: this one, or (--src=DIR, for --before) another commit's worktree
sys.path.insert(
    0,
    next(
        (a.split("=", 1)[1] for a in sys.argv if a.startswith("--src=")),
        str(Path(__file__).resolve().parents[1]),
    ),
)

import python_calamine
from openpyxl import Workbook

from planmonitor.domain.indicator import TargetForm
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Region
from planmonitor.exchange.recognise import Recogniser
from planmonitor.exchange.sheets.readers import read_workbook
from planmonitor.exchange.tables.found import Catalog
from planmonitor.services.importing import ImportService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import open_database

PLAN = "cangzhou"
PERIODS = [Period.quarter(y, q) for y in range(2019, 2031) for q in (1, 2, 3, 4)] + [
    Period.annual(y) for y in range(2019, 2031)
]


def quantitative(plan):  # type: ignore[no-untyped-def]
    """The indicators that take numbers (a milestone takes 完成/未完成)."""
    return [i for i in plan.indicators if i.target.form is not TargetForm.MILESTONE]


def make_plan(rows: int):  # type: ignore[no-untyped-def]
    plan = plan_source(PLAN)
    per_region = len(quantitative(plan)) * len(PERIODS)
    n = -(-rows // per_region)
    subs = tuple(Region(f"R{i:03d}", f"第{i}街道", "*") for i in range(1, n + 1))
    return replace(plan, sub_regions=subs)


def make_workbook(path: Path, plan, rows: int, seed: int = 7) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    ws.append(["地区", "指标名称", "期间", "数值", "单位"])
    n = 0
    for region in plan.sub_regions:
        for ind in quantitative(plan):
            for p in PERIODS:
                if n == rows:
                    break
                ws.append(
                    [region.name, ind.name, p.label_zh(), round(rng.uniform(1, 999), 2), ind.unit]
                )
                n += 1
    wb.save(path)


def bare_read(path: Path) -> int:
    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    return len(wb.get_sheet_by_name("数据").to_python())


def bare_insert(db_path: Path, rows: list[tuple[object, ...]]) -> None:
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    with con:
        con.executemany(
            "INSERT INTO observations (indicator_id, region_id, year, month, value, numerator,"
            " denominator, standing, comment, source_kind, source_file, source_hash,"
            " source_sheet, source_cell, recorded_by, recorded_at, superseded_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL)",
            rows,
        )
    con.close()


def measure(book: Path, rows: int, repeat: int, tmpdir: Path) -> dict[str, list[float]]:
    """Paired times (seconds) of the floors and the real thing, ``repeat`` times each."""
    plan = make_plan(rows)
    db_path = tmpdir / "bench.sqlite"
    db = open_database(db_path)
    PlanService(db).install(plan)
    service = ImportService(db)
    out: dict[str, list[float]] = {k: [] for k in ("read", "preview", "insert", "commit")}
    preview = None
    for _ in range(repeat):
        t = time.perf_counter()
        bare_read(book)
        out["read"].append(time.perf_counter() - t)
        t = time.perf_counter()
        preview = service.preview(book, PLAN)
        out["preview"].append(time.perf_counter() - t)
    assert preview is not None
    counts = preview.counts()
    assert counts["new"] == rows, counts
    grid = read_workbook(book)
    t = time.perf_counter()
    read_workbook(book)
    out["file"] = [time.perf_counter() - t]
    t = time.perf_counter()
    Recogniser(grid, Catalog(plan)).run()
    out["recognise"] = [time.perf_counter() - t]
    empty = tmpdir / "empty.sqlite"
    db.close()
    shutil.copy(db_path, empty)
    for i in range(repeat):
        target = tmpdir / f"commit{i}.sqlite"
        shutil.copy(empty, target)
        tdb = open_database(target)
        t = time.perf_counter()
        result = ImportService(tdb).commit(preview, remember=False)
        out["commit"].append(time.perf_counter() - t)
        assert result.new == rows, result
        tdb.close()
        con = sqlite3.connect(target)
        written = con.execute(
            "SELECT indicator_id, region_id, year, month, value, numerator, denominator,"
            " standing, comment, source_kind, source_file, source_hash, source_sheet,"
            " source_cell, recorded_by, recorded_at FROM observations"
        ).fetchall()
        con.close()
        bare_target = tmpdir / f"bare{i}.sqlite"
        shutil.copy(empty, bare_target)
        now = str(datetime.now())
        params = [(*r[:15], now) for r in written]
        t = time.perf_counter()
        bare_insert(bare_target, params)
        out["insert"].append(time.perf_counter() - t)
        target.unlink()
        bare_target.unlink()
    return out


def ratios(times: dict[str, list[float]]) -> dict[str, list[float]]:
    """The paired ratios: preview / read and commit / insert of each repeat."""
    return {
        "preview": [p / r for p, r in zip(times["preview"], times["read"], strict=True)],
        "commit": [c / b for c, b in zip(times["commit"], times["insert"], strict=True)],
    }


def report(label: str, times: dict[str, list[float]]) -> None:
    med = statistics.median
    r = ratios(times)
    print(f"[{label}]")
    print(
        f"  bare calamine read {med(times['read']):5.2f} s   preview {med(times['preview']):5.2f} s"
        f"   paired ratio median {med(r['preview']):.2f}x, min {min(r['preview']):.2f}x"
        "  (goal ≤ 2x)"
    )
    print(
        f"    (single runs, for orientation: reading and checking the file {times['file'][0]:.2f}"
        " s,"
        f" recognising the table {times['recognise'][0]:.2f} s — both with the collector running)"
    )
    print(
        f"  bare sqlite3 executemany {med(times['insert']):5.2f} s   commit "
        f"{med(times['commit']):5.2f} s   paired ratio median {med(r['commit']):.2f}x, "
        f"min {min(r['commit']):.2f}x  (goal ≤ 2x)"
    )
    print("  preview ratios: " + " ".join(f"{x:.2f}" for x in r["preview"]))
    print("  commit ratios:  " + " ".join(f"{x:.2f}" for x in r["commit"]))


def before(ref: str, book: Path, rows: int, repeat: int, tmpdir: Path) -> dict[str, list[float]]:
    """The same measurements on the code of ``ref`` (a temporary worktree, a child process)."""
    repo = Path(__file__).resolve().parents[1]
    tree = tmpdir / "before"
    subprocess.run(
        ["git", "-C", str(repo), "worktree", "add", "--detach", "-q", str(tree), ref], check=True
    )
    try:
        env = dict(os.environ, PYTHONPATH=str(tree))
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                f"--src={tree}",
                "--book",
                str(book),
                "--rows",
                str(rows),
                "--repeat",
                str(repeat),
                "--json",
            ],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
        result: dict[str, list[float]] = json.loads(out.strip().splitlines()[-1])
        return result
    finally:
        subprocess.run(
            ["git", "-C", str(repo), "worktree", "remove", "--force", str(tree)], check=False
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--before", metavar="REF", help="also measure this commit's code, e.g. main")
    ap.add_argument("--book", help="(internal) an existing workbook to use")
    ap.add_argument("--json", action="store_true", help="(internal) print the times as JSON")
    ap.add_argument("--src", help="(internal) the source tree to measure")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        book = Path(args.book) if args.book else tmpdir / "import-100k.xlsx"
        if not args.book:
            t = time.perf_counter()
            make_workbook(book, make_plan(args.rows), args.rows)
            print(
                f"workbook: {args.rows:,} rows, {book.stat().st_size / 1e6:.1f} MB "
                f"(written in {time.perf_counter() - t:.1f} s)"
            )
        if args.json:
            import planmonitor

            assert args.src and planmonitor.__file__.startswith(args.src), planmonitor.__file__
            print(json.dumps(measure(book, args.rows, args.repeat, tmpdir)))
            return
        print("load before:", os.getloadavg())
        times = measure(book, args.rows, args.repeat, tmpdir)
        old = before(args.before, book, args.rows, args.repeat, tmpdir) if args.before else None
        print("load after: ", os.getloadavg())
        report("this tree", times)
        if old is not None:
            report(f"before: {args.before}", old)


if __name__ == "__main__":
    main()
