"""Make schema_0004.sqlite: a database of schema revision 0004 holding a plan, values and a
quarter review.

It stands for the databases users have before migration 0005 (predecessor links);
tests/store/test_migration_0005.py opens a copy and checks it is migrated with nothing lost.
schema_0002_server.sqlite (a plan with values) migrated to 0004, plus one review row. Run once
(committed):

    uv run python tests/store/data/make_schema_0004.py
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
OUT = HERE / "schema_0004.sqlite"


def main() -> None:
    OUT.unlink(missing_ok=True)
    shutil.copy(HERE / "schema_0002_server.sqlite", OUT)
    cfg = Config()
    cfg.set_main_option("script_location", str(REPO / "db"))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{OUT}")
    command.upgrade(cfg, "0004")
    con = sqlite3.connect(OUT)
    try:
        with con:
            con.execute(
                "INSERT INTO quarter_reviews (region_id, year, quarter, state, reason,"
                " submitted_by, submitted_at, reviewed_by, reviewed_at) VALUES"
                " (1, 2023, 3, 'submitted', '', '张三', '2023-10-08 09:30:00.000000', '', NULL)"
            )
        con.execute("VACUUM")
    finally:
        con.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
