"""Failures reach the user as one line (issue 15, defects 7 and 11): a locked database, a
read-only folder, a unique key taken meanwhile, an unexpected error (logged with its traceback to
the user's data folder), ``--debug`` for the traceback, and a closed pipe that ends quietly."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from planmonitor.cli import main
from planmonitor.store.failures import describe


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = str(tmp_path / "f.sqlite")
    assert main(["--db", path, "init", "--plan", "cangzhou"]) == 0
    assert main(["--db", path, "record", "05", "2024Q3", "990"]) == 0
    return path


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert "Traceback" not in err
    return err


def test_a_database_locked_by_another_writer(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    other = sqlite3.connect(db)
    other.execute("BEGIN EXCLUSIVE")
    try:
        capsys.readouterr()
        assert main(["--db", db, "record", "05", "2024Q3", "1000"]) == 2
        err = one_line(capsys)
    finally:
        other.rollback()
        other.close()
    assert db in err and "已锁定" in err and "未写入任何内容" in err
    assert main(["--db", db, "status", "--quarter", "2024Q3", "--json"]) == 0
    assert '"actual": 990' in capsys.readouterr().out.replace(".0", "")


def test_an_unexpected_failure_is_logged_and_named_in_one_line(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import planmonitor.cli.values as values

    def broken(*_args: object) -> int:
        raise RuntimeError("模拟的内部错误")

    monkeypatch.setattr(values, "cmd_status", broken)
    capsys.readouterr()
    assert main(["--db", db, "status"]) == 3
    err = one_line(capsys)
    log = tmp_path / "data" / "PlanMonitor" / "logs" / "planmonitor-errors.log"
    assert "内部错误" in err and "模拟的内部错误" in err and str(log) in err
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: 模拟的内部错误" in logged
    assert "planmonitor status" in logged
    # --debug shows the traceback as well
    assert main(["--debug", "--db", db, "status"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError" in err


def test_debug_shows_the_traceback_of_an_expected_failure_too(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--debug", "--db", db, "record", "99", "2024Q3", "1"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and err.strip().splitlines()[-1].startswith("planmonitor: 错误：")


def test_a_unique_key_taken_by_a_concurrent_edit_is_one_line() -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (code TEXT UNIQUE)"))
        conn.execute(text("INSERT INTO t VALUES ('05')"))
    with pytest.raises(IntegrityError) as err, engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES ('05')"))
    line = describe(err.value, "planmonitor.sqlite")
    assert line is not None and "\n" not in line
    assert "同时修改" in line and "未写入任何内容" in line


CLI = "import sys; from planmonitor.cli import main; sys.exit(main())"


def test_a_closed_pipe_ends_quietly(db: str) -> None:
    done = subprocess.run(
        f'"{sys.executable}" -c "{CLI}" --db "{db}" indicators --json | head -c 1',
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.stdout == "["
    assert done.stderr == ""


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """A folder holding a database, readable by everyone; made read-only by the test."""
    folder = Path(tempfile.mkdtemp(prefix="pm-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


RUN_AS_NOBODY = """
import os, sys
# nobody may not read the interpreter's own files: everything the commands use, loaded first
import json, sqlite3, platformdirs, sqlalchemy.dialects.sqlite.pysqlite
import planmonitor.cli.values, planmonitor.cli.common, planmonitor.services.status
import planmonitor.store.failures, planmonitor.services.crash_log, planmonitor.domain.explain
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
os.environ["HOME"] = os.environ["XDG_DATA_HOME"] = sys.argv[1]
from planmonitor.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_read_only_folder_still_answers_read_only_commands(read_only_folder: Path) -> None:
    """Defect 11: WAL needs its -shm file beside the database; in a read-only folder even
    `status` failed with "unable to open database file". Read-only commands now open the file
    read-only and say why; a write says in one line that the database is read-only."""
    db = read_only_folder / "ro.sqlite"
    assert main(["--db", str(db), "init", "--plan", "cangzhou"]) == 0
    assert main(["--db", str(db), "record", "05", "2024Q3", "990"]) == 0
    db.chmod(0o666)  # the file itself writable: only the folder is read-only
    read_only_folder.chmod(0o555)  # (a child running as nobody, so that root sees it too)
    script = read_only_folder.parent / f"{read_only_folder.name}-child.py"
    script.write_text(RUN_AS_NOBODY, encoding="utf-8")
    try:

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, str(script), tempfile.gettempdir(), "--db", str(db), *args],
                capture_output=True,
                text=True,
                timeout=120,
            )

        status = run("status", "--quarter", "2024Q3", "--json")
        assert status.returncode == 0, status.stderr
        assert '"code": "05"' in status.stdout and "990" in status.stdout
        assert status.stderr.strip() == (
            f"planmonitor: 注意：数据库所在目录 {read_only_folder} 只读，"
            "以只读方式打开（本命令只读取数据）"
        )
        record = run("record", "05", "2024Q3", "1000")
        assert record.returncode == 2
        err = record.stderr.strip()
        assert err.count("\n") == 0 and "Traceback" not in err and str(db) in err, err
    finally:
        script.unlink()
