"""Benchmark: `status` for every (region, indicator) at one quarter over 500,000 observations.

Compares StatusService.evaluate_all (load + evaluate + explain + forecast every pair) with the
bare SQL query that only picks the latest current value of every pair. Both run on the same
generated SQLite file, warm, best of several runs.

    uv run python benchmarks/bench_status.py [--observations 500000] [--repeat 5] [--plan ID]
        [--before GIT_REF]

Each repeat times the bare query and the status back to back (paired); the ratio is quoted for
the best of each and as the median of the paired ratios. ``--plan`` picks the built-in plan
whose target forms the city has (cangzhou: levels, increases, ≈, flows, ratios, a milestone,
missing baselines; shijiazhuang: growth rates, points, quotas; xx-district: CAGR, quotas,
milestones, levels through milestones).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

# --before runs this script again on another commit's package (exported by git archive)
sys.path.insert(0, os.environ.get("PLANMONITOR_BENCH_ROOT", str(Path(__file__).parents[1])))

from planmonitor.domain.periods import Period
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.status import StatusData, StatusService
from planmonitor.store.database import open_database

REPO = Path(__file__).resolve().parents[1]
PLAN = "cangzhou"
QUARTERS = [(y, m) for y in range(2021, 2026) for m in (3, 6, 9, 12)]
ASKED = Period.quarter(2023, 3)

BARE_QUERY = """
SELECT indicator_id, region_id, year, month, value FROM (
  SELECT indicator_id, region_id, year, month, value,
         ROW_NUMBER() OVER (PARTITION BY indicator_id, region_id
                            ORDER BY year DESC, CASE month WHEN 0 THEN 13 ELSE month END DESC) AS rn
  FROM observations
  WHERE superseded_at IS NULL AND (year < :y OR (year = :y AND month BETWEEN 1 AND :m))
) WHERE rn = 1
"""


def generate(path: Path, observations: int, seed: int = 7, plan: str = PLAN) -> int:
    """A plan with enough sub-regions, region targets and values (40 % corrected) to reach N."""
    db = open_database(path)
    PlanService(db).install(plan_source(plan))
    db.close()
    con = sqlite3.connect(path)
    plan_id = con.execute("SELECT id FROM plans WHERE key = ?", (plan,)).fetchone()[0]
    inds = con.execute(
        "SELECT id, baseline, target_value FROM indicators WHERE plan_id = ?", (plan_id,)
    ).fetchall()
    per_region = len(inds) * len(QUARTERS) * 1.4
    n_regions = max(1, round(observations / per_region))
    con.executemany(
        "INSERT INTO regions (plan_id, code, name, parent_code, position) VALUES (?,?,?,?,?)",
        [(plan_id, f"R{i:04d}", f"第{i}区", "*", i) for i in range(1, n_regions)],
    )
    regions = [r[0] for r in con.execute("SELECT id FROM regions WHERE plan_id = ?", (plan_id,))]
    rng = random.Random(seed)
    targets = [
        (ind_id, reg_id, (base or 10) / 50, (target or 20) / 50)
        for ind_id, base, target in inds
        for reg_id in regions[1:]
    ]
    con.executemany(
        "INSERT INTO region_targets (indicator_id, region_id, baseline, target_value) "
        "VALUES (?,?,?,?)",
        targets,
    )
    now = datetime(2024, 1, 1).isoformat(sep=" ")
    rows = []
    for ind_id, base, target in inds:
        b, t = (base or 10.0), (target or 20.0)
        for reg_id in regions:
            scale = 1.0 if reg_id == regions[0] else 1 / 50
            for i, (year, month) in enumerate(QUARTERS):
                value = (b + (t - b) * (i + 1) / len(QUARTERS) * rng.uniform(0.8, 1.1)) * scale
                if rng.random() < 0.4:  # an estimate later corrected
                    rows.append((ind_id, reg_id, year, month, value * 0.97, "预计", now, now))
                rows.append((ind_id, reg_id, year, month, value, "正式", now, None))
    con.executemany(
        "INSERT INTO observations (indicator_id, region_id, year, month, value, standing, "
        "comment, source_kind, source_file, source_hash, source_sheet, source_cell, "
        "recorded_by, recorded_at, superseded_at) "
        "VALUES (?,?,?,?,?,?,'','demo','','','','','bench',?,?)",
        rows,
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return len(rows)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_of(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--observations", type=int, default=500_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", action="store_true", help="print a profile of one status run")
    ap.add_argument("--before", metavar="GIT_REF", help="then the same on GIT_REF (e.g. main)")
    ap.add_argument("--plan", default=PLAN, help="the built-in plan the city is made of")
    args = ap.parse_args()
    plan = args.plan
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        t0 = time.perf_counter()
        n = generate(path, args.observations, plan=plan)
        print(f"generated {n:,} observations in {time.perf_counter() - t0:.1f} s")
        db = open_database(path)
        service = StatusService(db)
        pairs = len(service.evaluate_all(plan, ASKED))
        raw = sqlite3.connect(path)

        def bare() -> int:
            return len(raw.execute(BARE_QUERY, {"y": ASKED.year, "m": ASKED.end_month}).fetchall())

        latest = bare()
        assert latest == pairs, (latest, pairs)
        bares, statuses = [], []
        for _ in range(args.repeat):  # paired: the floor and the status back to back
            bares.append(timed(bare))
            statuses.append(timed(lambda: service.evaluate_all(plan, ASKED)))
        t_bare, m_bare = min(bares), statistics.median(bares)
        t_status, m_status = min(statuses), statistics.median(statuses)
        ratios = [st / b for st, b in zip(statuses, bares, strict=True)]

        def load_only() -> None:
            with db.session() as s:
                loaded = StatusData(s, plan, ASKED)
                if hasattr(loaded, "load"):  # reads values when asked (issue 16); before: at once
                    loaded.load(list(loaded.plan.regions))

        t_load, _ = best_of(load_only, args.repeat)
        if args.profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.runcall(service.evaluate_all, plan, ASKED)
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        print(f"plan {plan}; pairs (region × indicator): {pairs:,} at {ASKED.key}")
        for label, best, median in (
            ("bare SQL latest-value query", t_bare, m_bare),
            ("status for every pair", t_status, m_status),
        ):
            print(f"{label:<28} best {best * 1000:.0f} ms, median {median * 1000:.0f} ms")
        print(
            f"  of which loading plan and current values: {t_load * 1000:.0f} ms; "
            f"evaluating, explaining, forecasting: {(t_status - t_load) * 1000:.0f} ms "
            f"({(t_status - t_load) / pairs * 1e6:.0f} µs a pair)"
        )
        print(
            f"ratio: best {t_status / t_bare:.2f}× (best status / best bare), paired median "
            f"{statistics.median(ratios):.2f}×, paired min {min(ratios):.2f}×   (goal ≤ 1.5×)"
        )
        raw.close()
        db.close()
    if args.before:
        run_before(args.before, args.observations, args.repeat, plan)


def run_before(ref: str, observations: int, repeat: int, plan: str) -> None:
    """This benchmark again, on the package as of ``ref``."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", ref, "planmonitor", "resources", "db"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        print(f"-- before ({ref})", flush=True)
        cmd = [sys.executable, __file__, "--observations", str(observations), "--plan", plan]
        env = {**os.environ, "PLANMONITOR_BENCH_ROOT": tmp}
        subprocess.run([*cmd, "--repeat", str(repeat)], env=env, check=True)


if __name__ == "__main__":
    main()
