"""One client of the concurrency test (a separate process): N edits as one database user.

    python edit_worker.py URL REGION CODES N TAG GO OUT

Waits for the file GO to exist (so the processes start together), then N times: reads the
current version of one of CODES (comma-separated) for 2024年1—9月 in REGION, writes a new value
``TAG * 100000 + i`` based on it, and counts refusals. Writes {"applied": [[code, value]…],
"refused": n, "seconds": s} as JSON to OUT.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sqlalchemy import text

from planmonitor.domain.periods import Period
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.stale import StaleEdit
from planmonitor.store.database import open_database

PERIOD = Period(2024, 9)
VERSION = text(
    "SELECT o.id FROM observations o JOIN indicators i ON i.id = o.indicator_id "
    "JOIN regions r ON r.id = o.region_id WHERE i.code = :code AND r.code = :region "
    "AND o.year = 2024 AND o.month = 9 AND o.superseded_at IS NULL"
)


def main(url: str, region: str, codes: list[str], n: int, tag: int, go: Path, out: Path) -> None:
    db = open_database(url)
    values = ObservationService(db)
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    applied: list[tuple[str, float]] = []
    refused = 0
    start = time.perf_counter()
    for i in range(n):
        code = codes[i % len(codes)]
        with db.engine.connect() as conn:  # the version the user sees before editing
            base = conn.execute(VERSION, {"code": code, "region": region}).scalar()
        value = float(tag * 100000 + i)
        try:
            values.record_many("cangzhou", [Entry(code, PERIOD, value, region, base=base)])
        except StaleEdit:
            refused += 1
        else:
            applied.append((code, value))
    seconds = time.perf_counter() - start
    db.close()
    out.write_text(json.dumps({"applied": applied, "refused": refused, "seconds": seconds}))


if __name__ == "__main__":
    url, region, codes, n, tag, go, out = sys.argv[1:8]
    main(url, region, codes.split(","), int(n), int(tag), Path(go), Path(out))
