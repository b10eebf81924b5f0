"""Two processes committing 1,000 edits each to the same values at once: every edit is applied
with its history row or refused as stale, never two current values for one key, and the
server's audit table holds every change under the right database user."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from pg_accounts import Server
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.postgres
WORKER = Path(__file__).with_name("edit_worker.py")
EDITS = 1000
CODES = "05,06,09"


def test_two_processes_1000_edits_each_no_lost_update_and_a_complete_audit(
    server: Server, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    users = {"cangxian": 1, "boss": 2}  # a county's filler and the city's admin, same values
    procs = {
        user: subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                server.url(user),
                "cangxian",
                CODES,
                str(EDITS),
                str(tag),
                str(go),
                str(tmp_path / f"{user}.json"),
            ]
        )
        for user, tag in users.items()
    }
    time.sleep(3)  # both opened their database (the workers wait for the go file)
    go.touch()
    started = time.perf_counter()
    for user, proc in procs.items():
        assert proc.wait(timeout=600) == 0, user
    wall = time.perf_counter() - started
    results = {u: json.loads((tmp_path / f"{u}.json").read_text()) for u in users}
    applied = {u: [(c, v) for c, v in r["applied"]] for u, r in results.items()}
    refused = {u: r["refused"] for u, r in results.items()}
    for user in users:
        assert len(applied[user]) + refused[user] == EDITS
    n_applied = sum(len(a) for a in applied.values())
    assert n_applied > EDITS // 2  # the contention refuses some, not most

    engine = create_engine(server.owner_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT o.id, i.code, o.value, o.recorded_by, o.superseded_at IS NULL "
                "FROM observations o JOIN indicators i ON i.id = o.indicator_id "
                "JOIN regions r ON r.id = o.region_id WHERE r.code = 'cangxian' ORDER BY o.id"
            )
        ).all()
        audit = conn.execute(
            text(
                "SELECT operation, row_id, username, new_row ->> 'superseded_at' FROM pm_audit "
                "WHERE table_name = 'observations' ORDER BY id"
            )
        ).all()
    engine.dispose()
    # every applied edit has exactly its row, under its user's name; nothing else was written
    assert Counter((c, v, by) for _id, c, v, by, _cur in rows) == Counter(
        (c, v, u) for u, edits in applied.items() for c, v in edits
    )
    # one current value per key: the last row of its chain
    chains: dict[str, list[tuple[int, str, bool]]] = defaultdict(list)
    for row_id, code, _v, by, current in rows:
        chains[code].append((row_id, by, current))
    for code, chain in chains.items():
        assert [cur for _i, _b, cur in chain] == [False] * (len(chain) - 1) + [True], code
    # the audit: an INSERT per row by its author, an UPDATE per superseded row by the author of
    # the row that superseded it
    inserts = {(rid, by) for op, rid, by, _s in audit if op == "INSERT"}
    assert inserts == {(rid, by) for rid, _c, _v, by, _cur in rows}
    updates = {rid: by for op, rid, by, s in audit if op == "UPDATE" and s is not None}
    expected = {
        chain[i][0]: chain[i + 1][1] for chain in chains.values() for i in range(len(chain) - 1)
    }
    assert updates == expected
    assert len([a for a in audit if a[0] == "UPDATE"]) == len(expected)
    print(
        f"\n2 processes × {EDITS} edits: {n_applied} applied, {sum(refused.values())} refused "
        f"as stale ({refused}), {n_applied / wall:.0f} applied edits/s, "
        f"{2 * EDITS / wall:.0f} attempts/s over {wall:.1f} s"
    )
