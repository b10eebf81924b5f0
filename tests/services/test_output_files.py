"""A full disk or an unwritable folder never costs a good output file (issue 15, defect 6).

The full disk is real: a child process whose file-size limit (RLIMIT_FSIZE, with SIGXFSZ
ignored) makes every write past a few KB fail as it would on a full disk. The database is opened
before the limit applies (its -shm file exists at full size), so only the output suffers.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from planmonitor.cli import main

CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from planmonitor.cli import main
    from planmonitor.store.database import open_database
    if __name__ == "__main__":
        keep = open_database(sys.argv[2])  # holds the WAL index open at its full size
        with keep.engine.connect() as conn:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            limit = int(sys.argv[1])
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            status = main(["--db", sys.argv[2], *sys.argv[3:]])
        sys.exit(status)
    """
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "out.sqlite")
    assert main(["--db", path, "init", "--plan", "cangzhou"]) == 0
    assert main(["--db", path, "record", "05", "2024Q3", "990"]) == 0
    return path


def on_a_full_disk(tmp_path: Path, db: str, *args: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "full_disk.py"
    script.write_text(CHILD, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script), "4096", db, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("报告.pdf", ["report", "--quarter", "2024Q3", "--format", "pdf"]),
        ("报告.xlsx", ["report", "--quarter", "2024Q3", "--format", "xlsx"]),
        ("报告.docx", ["report", "--quarter", "2024Q3", "--format", "docx"]),
        ("导出.xlsx", ["export"]),
        ("填报表.xlsx", ["template", "--quarter", "2024Q3"]),
    ],
)
def test_a_full_disk_keeps_the_old_file_and_says_so_in_one_line(
    db: str, tmp_path: Path, name: str, command: list[str]
) -> None:
    out = tmp_path / name
    assert main(["--db", db, *command, "--out", str(out)]) == 0  # a good file first
    good = out.read_bytes()
    assert len(good) > 4096
    done = on_a_full_disk(tmp_path, db, *command, "--out", str(out))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "已生成" not in done.stdout and "已导出" not in done.stdout
    err = done.stderr.strip()
    assert err.count("\n") == 0, err
    assert name in err and "原文件未改动" in err, err
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


def test_a_missing_folder_is_one_line_before_any_work(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["export"], ["template", "--quarter", "2024Q3"]):
        out = tmp_path / "没有这个目录" / "x.xlsx"
        assert main(["--db", db, *command, "--out", str(out)]) == 2
        captured = capsys.readouterr()
        err = captured.err.strip()
        assert err.count("\n") == 0 and "没有这个目录" in err and "不存在" in err, err
