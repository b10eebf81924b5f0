"""Opening databases: migrations, backups, refusing a newer schema, where the file lives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from planmonitor.store.database import (
    SCHEMA_HEAD,
    DatabaseError,
    default_database_path,
    open_database,
    resolve_url,
)


def test_a_new_database_gets_every_table(db) -> None:
    tables = set(inspect(db.engine).get_table_names())
    assert {"plans", "indicators", "observations", "target_revisions", "regions"} <= tables
    assert db.migration.after == SCHEMA_HEAD


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(sqlite_db) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_reopening_a_current_database_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    open_database(path).close()
    again = open_database(path)
    assert again.migration.backup is None and again.migration.before == SCHEMA_HEAD
    again.close()
    assert not list(tmp_path.glob("*.backup-*"))


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    """Issue 15 (defect 10): --db on another program's SQLite file added our tables and switched
    it to WAL. (Migrating our own older schemas, with a backup: tests/store/test_migrations.py.)"""
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.execute("INSERT INTO notes VALUES ('十四五')")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="其他程序的数据库（其中有表 notes）") as err:
        open_database(path)
    assert str(path) in str(err.value) and "未作任何修改" in str(err.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]  # no -wal, no backup
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_an_empty_version_table_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "empty-version.sqlite"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="alembic_version 表）为空") as err:
        open_database(path)
    assert "\n" not in str(err.value)


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="更新版本"):
        open_database(path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.backup-*"))


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="不是数据库文件"):
        open_database(path)
    assert path.read_bytes() == before


def test_where_the_database_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANMONITOR_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_url(None) == f"sqlite:///{default_database_path()}"
    assert str(default_database_path()).startswith(str(tmp_path / "xdg"))
    monkeypatch.setenv("PLANMONITOR_DB", str(tmp_path / "env.sqlite"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.sqlite'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(DatabaseError, match="不存在"):
        resolve_url(tmp_path / "missing-dir" / "x.sqlite")


def test_the_schema_constants_match_the_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from planmonitor.paths import data_dir
    from planmonitor.store.database import KNOWN_REVISIONS, SCHEMA_HEAD

    cfg = Config()
    cfg.set_main_option("script_location", str(data_dir("db")))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == SCHEMA_HEAD
    assert {r.revision for r in script.walk_revisions()} == KNOWN_REVISIONS
