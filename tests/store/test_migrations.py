"""Every migration is tested from a stored database of the schema before it.

tests/store/data/schema_0001.sqlite was made by make_schema_0001.py with the 0001 schema, a plan,
values (one of them superseded) and a target revision. Opening a copy must migrate it to the
newest schema, back the file up first, and keep every row.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from sqlalchemy import inspect

from planmonitor.domain.periods import Period
from planmonitor.services.import_memory import ImportMemory, Mapping
from planmonitor.services.observations import ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import SCHEMA_HEAD, open_database

DATA = Path(__file__).parent / "data"


def _rows(path: Path, table: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        con.close()


def test_a_0001_database_is_migrated_with_a_backup_and_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "planmonitor.sqlite"
    shutil.copy(DATA / "schema_0001.sqlite", path)
    before = {
        t: _rows(path, t)
        for t in ("plans", "indicators", "observations", "target_revisions", "regions")
    }
    assert len(before["observations"]) == 6

    db = open_database(path)
    try:
        report = db.migration
        assert (report.before, report.after) == ("0001", SCHEMA_HEAD)
        assert report.backup is not None and report.backup.exists()
        assert "backup-0001-" in report.backup.name
        assert "import_mappings" in inspect(db.engine).get_table_names()

        # every row is still there, unchanged (later migrations add columns at the end)
        for table, rows in before.items():
            assert [r[: len(rows[0])] for r in _rows(path, table)] == rows, table
        # and the program reads it: the plan, the history, the revision
        # the plan as it was built in then: the table, before key tasks were transcribed
        then = plan_source("cangzhou")
        then = replace(then, indicators=then.indicators[:11], tasks=())
        assert PlanService(db).get("cangzhou") == then
        history = ObservationService(db).history("cangzhou", "05")
        assert [(o.period, o.value, o.is_current) for o in history] == [
            (Period(2021, 12), 880.0, True),
            (Period(2022, 12), 990.0, True),
            (Period(2023, 9), 985.0, False),
            (Period(2023, 9), 990.0, True),
        ]
        assert history[-1].source.describe() == "区科技局.xlsx Sheet1!D7"
        (rev,) = PlanService(db).revisions("cangzhou")
        assert (rev.indicator, rev.new.value, rev.reason) == ("09", 160.0, "中期评估")
        # the new table works
        memory = ImportMemory(db)
        assert memory.remember("cangzhou", [Mapping("L", "indicator", "研发强度", "01")]) == 1
        assert memory.load("cangzhou") == {"L": {("indicator", "研发强度"): "01"}}
    finally:
        db.close()

    # the backup is the 0001 database as it was
    backup = report.backup
    assert _rows(backup, "observations") == before["observations"]
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "import_mappings" not in tables
    finally:
        con.close()

    # opening it again changes nothing and makes no second backup
    again = open_database(path)
    again.close()
    assert again.migration.backup is None
    assert len(list(tmp_path.glob("*.backup-*"))) == 1


def test_a_0002_database_gets_task_codes_progress_and_quarter_locks(tmp_path: Path) -> None:
    from planmonitor.domain.tasks import TaskState
    from planmonitor.services.quarter_locks import QuarterLocks
    from planmonitor.services.tasks import ProgressEntry, TaskService

    path = tmp_path / "planmonitor.sqlite"
    shutil.copy(DATA / "schema_0002.sqlite", path)
    before = {
        t: _rows(path, t)
        for t in ("plans", "indicators", "observations", "tasks", "import_mappings")
    }
    assert len(before["tasks"]) == 2
    db = open_database(path)
    try:
        report = db.migration
        assert (report.before, report.after) == ("0002", SCHEMA_HEAD)
        assert report.backup is not None and "backup-0002-" in report.backup.name
        tables = set(inspect(db.engine).get_table_names())
        assert {"task_progress", "task_attachments", "quarter_events"} <= tables
        # old rows keep every old column; the tasks gain empty codes and the default kind
        for table, rows in before.items():
            after = _rows(path, table)
            assert [r[: len(rows[0])] for r in after] == rows, table
        assert [r[len(before["tasks"][0]) :] for r in _rows(path, "tasks")] == [
            ("", "", "", "任务", ""),
            ("", "", "", "任务", ""),
        ]
        # the tasks are found by position and take progress; the quarter closes and reopens
        tasks = TaskService(db)
        lines = tasks.tasks("cangzhou", Period.quarter(2024, 3), unit="市发改委")
        assert [(ln.task.key, ln.task.title, ln.progress) for ln in lines] == [
            ("1", "强化产业创新支撑", None)
        ]
        entry = ProgressEntry("2", Period.quarter(2024, 3), TaskState.DONE, "新增省级平台3家")
        assert tasks.record("cangzhou", entry, by="张三") == "new"
        with db.session.begin() as s:
            QuarterLocks(db).add_event(s, "cangzhou", Period.quarter(2024, 3), "close", "", "张三")
        assert QuarterLocks(db).is_closed("cangzhou", Period.quarter(2024, 3)) is not None
    finally:
        db.close()
