"""Benchmark: importing a 100,000-row workbook.

1. Preview (read, recognise, match names, parse values, compare with the database) against a
   bare python-calamine read of the same file (goal: ≤ 2×).
2. Commit (ObservationService.record_many, one transaction) against a bare sqlite3
   ``executemany`` inserting the same rows into the same table (goal: ≤ 3×).

The workbook is a long table (地区 | 指标名称 | 期间 | 数值 | 单位) for the 沧州 plan with enough
sub-regions that every row is a distinct value. Best of several warm runs.

    uv run python benchmarks/bench_import.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        plan = make_plan(args.rows)
        book = tmpdir / "import-100k.xlsx"
        t = time.perf_counter()
        make_workbook(book, plan, args.rows)
        print(
            f"workbook: {args.rows:,} rows, {book.stat().st_size / 1e6:.1f} MB "
            f"(written in {time.perf_counter() - t:.1f} s)"
        )

        db_path = tmpdir / "bench.sqlite"
        db = open_database(db_path)
        PlanService(db).install(plan)
        service = ImportService(db)

        n = bare_read(book)
        read_s = best(lambda: bare_read(book), args.repeat)
        previews = []
        preview_s = best(lambda: previews.append(service.preview(book, PLAN)), args.repeat)
        preview = previews[-1]
        counts = preview.counts()
        assert counts["new"] == args.rows, counts
        grids = []
        file_s = best(lambda: grids.append(read_workbook(book)), args.repeat)
        catalog = Catalog(plan)
        recog_s = best(lambda: Recogniser(grids[-1], catalog).run(), args.repeat)
        print(f"bare calamine read ({n:,} rows):  {read_s:6.2f} s")
        print(
            f"preview:                          {preview_s:6.2f} s   "
            f"ratio {preview_s / read_s:.2f}x  (goal ≤ 2x)"
        )
        print(
            f"  of which reading and checking the file {file_s:.2f} s, recognising the table "
            f"{recog_s:.2f} s, comparing with the database {preview_s - file_s - recog_s:.2f} s"
        )

        # commit, on a copy of the empty database each time; bare insert of the same rows
        import shutil

        empty = tmpdir / "empty.sqlite"
        db.close()
        shutil.copy(db_path, empty)
        commit_times, bare_times = [], []
        for i in range(args.repeat):
            target = tmpdir / f"commit{i}.sqlite"
            shutil.copy(empty, target)
            tdb = open_database(target)
            svc = ImportService(tdb)
            t = time.perf_counter()
            result = svc.commit(preview, remember=False)
            commit_times.append(time.perf_counter() - t)
            assert result.new == args.rows, result
            tdb.close()
            con = sqlite3.connect(target)
            rows = con.execute(
                "SELECT indicator_id, region_id, year, month, value, numerator, denominator,"
                " standing, comment, source_kind, source_file, source_hash, source_sheet,"
                " source_cell, recorded_by, recorded_at FROM observations"
            ).fetchall()
            con.close()
            bare_target = tmpdir / f"bare{i}.sqlite"
            shutil.copy(empty, bare_target)
            now = str(datetime.now())
            rows = [(*r[:15], now) for r in rows]
            t = time.perf_counter()
            bare_insert(bare_target, rows)
            bare_times.append(time.perf_counter() - t)
        commit_s, bare_s = min(commit_times), min(bare_times)
        print(f"bare sqlite3 executemany:         {bare_s:6.2f} s")
        print(
            f"commit (record_many):             {commit_s:6.2f} s   ratio {commit_s / bare_s:.2f}x"
            "  (goal ≤ 3x)"
        )
        print(
            f"median preview {statistics.median([preview_s]):.2f} s; "
            f"median commit {statistics.median(commit_times):.2f} s"
        )


if __name__ == "__main__":
    main()
