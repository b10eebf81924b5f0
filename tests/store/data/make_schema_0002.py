"""Make schema_0002.sqlite: a database of schema revision 0002 with tasks, values and a mapping.

It stands for the databases users have before migration 0003 (task codes, task progress,
quarter locks): schema_0001.sqlite migrated to 0002, plus two key tasks (rows as 0002 stored
them: title, units, linked indicators) and a remembered import mapping. Run once (committed):

    uv run python tests/store/data/make_schema_0002.py
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
OUT = HERE / "schema_0002.sqlite"


def main() -> None:
    OUT.unlink(missing_ok=True)
    shutil.copy(HERE / "schema_0001.sqlite", OUT)
    cfg = Config()
    cfg.set_main_option("script_location", str(REPO / "db"))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{OUT}")
    command.upgrade(cfg, "0002")
    con = sqlite3.connect(OUT)
    try:
        with con:
            con.executemany(
                "INSERT INTO tasks (plan_id, position, title, responsible, indicator_codes)"
                " VALUES (1, ?, ?, ?, ?)",
                [
                    (1, "强化产业创新支撑", "市科技局、市发改委", "09"),
                    (2, "推进创新载体提质升级", "市科技局", "05、06"),
                ],
            )
            con.execute(
                "INSERT INTO import_mappings (plan_id, layout_hash, layout, kind, label, code,"
                " source_file, source_sheet, confirmed_by, confirmed_at) VALUES"
                " (1, ?, 'L', 'indicator', '研发强度', '01', '县.xlsx', 'Sheet1', '张三',"
                " '2024-10-08 09:30:00.000000')",
                ("cd" * 32,),
            )
        con.execute("VACUUM")
    finally:
        con.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
