"""Make schema_0002_server.sqlite: a database of schema revision 0002 holding a plan and values.

It stands for the databases users have before migration 0004 (quarter reviews);
tests/store/test_migration_0004.py opens a copy and checks it is migrated with nothing lost.
Run once (already committed):

    uv run python tests/store/data/make_schema_0002_server.py
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))

from planmonitor.services.plans import plan_source  # noqa: E402
from planmonitor.store.models import ObservationRow, RevisionRow  # noqa: E402
from planmonitor.store.plan_rows import plan_to_row, target_to_json  # noqa: E402

OUT = HERE / "schema_0002_server.sqlite"
VALUES = [  # (code, year, month, value, standing, superseded)
    ("05", 2021, 12, 880.0, "正式", False),
    ("05", 2022, 12, 990.0, "正式", False),
    ("05", 2023, 9, 985.0, "初步", True),
    ("05", 2023, 9, 990.0, "正式", False),
    ("09", 2023, 9, 80.0, "初步", False),
    ("01", 2022, 0, 1.45, "正式", False),
]


def main() -> None:
    OUT.unlink(missing_ok=True)
    url = f"sqlite:///{OUT}"
    cfg = Config()
    cfg.set_main_option("script_location", str(REPO / "db"))
    cfg.set_main_option("sqlalchemy.url", url)
    command.upgrade(cfg, "0002")
    engine = create_engine(url)
    when = datetime(2024, 10, 8, 9, 30)
    source = plan_source("cangzhou")
    old = source.indicator("09").target
    new = replace(old, value=160.0, text="")
    with Session(engine) as s, s.begin():
        plan = plan_to_row(source, when)
        s.add(plan)
        s.flush()
        ids = {i.code: i.id for i in plan.indicators}
        region = plan.regions[0].id
        for code, year, month, value, standing, superseded in VALUES:
            s.add(
                ObservationRow(
                    indicator_id=ids[code],
                    region_id=region,
                    year=year,
                    month=month,
                    value=value,
                    standing=standing,
                    comment=f"{code} {year}",
                    source_kind="import",
                    source_file="区科技局.xlsx",
                    source_hash="ab" * 32,
                    source_sheet="Sheet1",
                    source_cell="D7",
                    recorded_by="张三",
                    recorded_at=when,
                    superseded_at=when if superseded else None,
                )
            )
        s.add(
            RevisionRow(
                indicator_id=ids["09"],
                effective=when.date(),
                old_target=target_to_json(old),
                new_target=target_to_json(new),
                reason="中期评估",
                recorded_by="李四",
                recorded_at=when,
            )
        )
    engine.dispose()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
