"""Benchmark: 20 county clients entering a quarter's values at once against one server.

A throwaway PostgreSQL (tests/pg_server.py; or --url, an owner/superuser URL of an empty
database) gets the 沧州 plan with 20 counties, ``server setup`` and one pm_filler account per
county. Then 20 client processes start together; each, as its county's account, enters the
2024Q3 value of every indicator one edit at a time — read the version it is based on, write
(one transaction, row-level security, audit and notification triggers all on) — and corrects
them ``--rounds - 1`` more times. Reported: throughput (edits/s over the whole run), latency
per edit (median, p95, max), refusals, and the lost-update check: every county's current
values are the last ones its client wrote, the history holds every applied edit once, and the
audit table has each one under the right account.

    uv run python benchmarks/bench_server.py [--clients 20] [--rounds 3] [--contended] [--url URL]

With ``--contended`` every account may also fill county01 and every client enters county01's
values at the same time: edits based on a value another client changed meanwhile are refused
as stale, none is lost.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

PERIOD_KEY = "2024Q3"


def client(url: str, region: str, rounds: int, go: str, out: str, tag: int) -> None:
    """One county's client (run in its own process), entering ``region``'s values."""
    from sqlalchemy import text

    from planmonitor.domain.periods import Period
    from planmonitor.services.observations import Entry, ObservationService
    from planmonitor.services.plans import PlanService
    from planmonitor.services.stale import StaleEdit
    from planmonitor.store.database import open_database

    db = open_database(url)
    values = ObservationService(db)
    codes = [
        i.code
        for i in PlanService(db).get("cangzhou").indicators
        if i.target.form.value != "milestone"
    ]
    version = text(
        "SELECT o.id FROM observations o JOIN indicators i ON i.id = o.indicator_id "
        "JOIN regions r ON r.id = o.region_id WHERE i.code = :c AND r.code = :r "
        "AND o.year = 2024 AND o.month = 9 AND o.superseded_at IS NULL"
    )
    period = Period.parse(PERIOD_KEY)
    with db.engine.connect() as conn:  # connected and warm before the start
        conn.execute(version, {"c": codes[0], "r": region}).scalar()
    Path(out).with_suffix(".ready").touch()
    while not Path(go).exists():
        time.sleep(0.005)
    latencies: list[float] = []
    written: list[tuple[str, float]] = []
    refused = 0
    start, began = time.perf_counter(), time.time()
    for rnd in range(rounds):
        for n, code in enumerate(codes):
            value = float(100000 * tag + 1000 * (rnd + 1) + n)
            t = time.perf_counter()
            with db.engine.connect() as conn:
                base = conn.execute(version, {"c": code, "r": region}).scalar()
            try:
                values.record_many("cangzhou", [Entry(code, period, value, region, base=base)])
            except StaleEdit:
                refused += 1
            else:
                written.append((code, value))
            latencies.append(time.perf_counter() - t)
    seconds = time.perf_counter() - start
    db.close()
    Path(out).write_text(
        json.dumps(
            {
                "latencies": latencies,
                "written": written,
                "refused": refused,
                "seconds": seconds,
                "began": began,
                "ended": time.time(),
                "target": region,
                "user": str(db.engine.url.username),
            }
        )
    )


def prepare(owner_url: str, clients: int, contended: bool) -> list[str]:
    """Plan, counties, setup and accounts; returns the county codes."""
    from planmonitor.services.accounts import AccountService
    from planmonitor.services.plans import PlanService, plan_source
    from planmonitor.store.database import open_database
    from planmonitor.store.server_setup import setup_server

    db = open_database(owner_url)
    plans = PlanService(db)
    plans.install(plan_source("cangzhou"))
    regions = [f"county{i:02d}" for i in range(1, clients + 1)]
    for i, code in enumerate(regions, 1):
        plans.add_region("cangzhou", code, f"第{i}县")
    setup_server(db)
    accounts = AccountService(db)
    for code in regions:
        accounts.add(f"bench_{code}", "filler", sorted({code, regions[0]} if contended else {code}))
    db.close()
    return regions


def check(owner_url: str, results: dict[str, dict]) -> tuple[int, int]:
    """(lost updates, audit mismatches): 0 and 0 when nothing was lost.

    Every applied edit has exactly its row (value, author) and nothing else was written; each
    (region, indicator) has one current row, the newest; each row has its INSERT in the audit
    under its author.
    """
    from sqlalchemy import create_engine, text

    engine = create_engine(owner_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT r.code, i.code, o.value, o.recorded_by, o.superseded_at IS NULL, o.id "
                "FROM observations o JOIN indicators i ON i.id = o.indicator_id "
                "JOIN regions r ON r.id = o.region_id ORDER BY o.id"
            )
        ).all()
        audit = Counter(
            conn.execute(
                text(
                    "SELECT row_id, username FROM pm_audit WHERE table_name = 'observations' "
                    "AND operation = 'INSERT'"
                )
            ).all()
        )
    engine.dispose()
    expected = Counter(
        (r["target"], code, value, r["user"])
        for r in results.values()
        for code, value in r["written"]
    )
    actual = Counter((region, code, value, by) for region, code, value, by, _c, _i in rows)
    lost = sum((expected - actual).values()) + sum((actual - expected).values())
    chains: dict[tuple[str, str], list[tuple[int, bool]]] = {}
    for region, code, _v, _by, current, row_id in rows:
        chains.setdefault((region, code), []).append((row_id, current))
    for chain in chains.values():
        if [cur for _i, cur in chain] != [False] * (len(chain) - 1) + [True]:
            lost += 1
    mismatched = sum(1 for _r, _c, _v, by, _cur, rid in rows if audit[(rid, by)] != 1)
    return lost, mismatched


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--url", help="owner URL of an empty database (default: a throwaway server)")
    ap.add_argument(
        "--contended",
        action="store_true",
        help="every client enters the same county's values (stale edits are refused)",
    )
    ap.add_argument("--client", nargs=6, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.client:
        url, region, rounds, go, out, tag = args.client
        client(url, region, int(rounds), go, out, int(tag))
        return
    from sqlalchemy.engine import make_url

    stop = None
    tmp = Path(tempfile.mkdtemp(prefix="bench-server-"))
    if args.url:
        owner_url = args.url
    else:
        from pg_server import start_throwaway_postgres

        owner_url, stop = start_throwaway_postgres(tmp / "pg")
    try:
        regions = prepare(owner_url, args.clients, args.contended)
        go = tmp / "go"
        procs = {}
        for tag, region in enumerate(regions, 1):
            url = make_url(owner_url).set(username=f"bench_{region}")
            target = regions[0] if args.contended else region
            procs[region] = subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--client",
                    url.render_as_string(hide_password=False),
                    target,
                    str(args.rounds),
                    str(go),
                    str(tmp / f"{region}.json"),
                    str(tag),
                ]
            )
        deadline = time.monotonic() + 600
        while not all((tmp / f"{r}.ready").exists() for r in regions):  # all connected
            if time.monotonic() > deadline:
                raise SystemExit("the clients did not start")
            time.sleep(0.05)
        go.touch()
        for region, proc in procs.items():
            if proc.wait(timeout=900) != 0:
                raise SystemExit(f"client {region} failed")
        results = {r: json.loads((tmp / f"{r}.json").read_text()) for r in regions}
        wall = max(r["ended"] for r in results.values()) - min(r["began"] for r in results.values())
        latencies = sorted(x for r in results.values() for x in r["latencies"])
        edits = sum(len(r["written"]) for r in results.values())
        refused = sum(r["refused"] for r in results.values())
        lost, mismatched = check(owner_url, results)
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        tries = len(latencies) // args.clients
        what = "one county's values, all clients at once" if args.contended else "own county"
        print(
            f"{args.clients} clients × {tries} edits ({args.rounds} rounds of the quarter's "
            f"values, {what}), PostgreSQL, RLS + audit + notify on"
        )
        print(f"throughput: {edits / wall:.0f} edits/s ({edits} edits in {wall:.1f} s)")
        print(
            "latency per edit (read version + write): "
            f"median {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
        )
        print(f"refused as stale: {refused}; lost updates: {lost}; audit mismatches: {mismatched}")
    finally:
        if stop is not None:
            stop()


if __name__ == "__main__":
    main()
