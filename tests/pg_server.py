"""Throwaway PostgreSQL server for the test session (helper module, no tests here).

Usage (e.g. from a session-scoped fixture in ``conftest.py``)::

    url, stop = start_throwaway_postgres(tmp_path_factory.mktemp("pg"))
    try:
        yield url
    finally:
        stop()

If ``PLANMONITOR_TEST_PG`` is set, that URL is returned unchanged and ``stop`` does
nothing.  Otherwise ``initdb``/``pg_ctl`` are located (``PATH``, then
``/usr/lib/postgresql/*/bin``), a cluster with trust auth is created, the server
listens on 127.0.0.1 only on a free port, with its unix socket in a private
directory, and a database ``planmonitor_test`` is created.  As root, PostgreSQL
refuses to run, so the binaries run as the ``postgres`` system user.

Missing binaries raise ``RuntimeError``: the suite must not silently skip
PostgreSQL in CI.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ENV_VAR = "PLANMONITOR_TEST_PG"
DB_NAME = "planmonitor_test"
DB_USER = "planmonitor"
STARTUP_TIMEOUT_S = 30.0
_SUBPROCESS_TIMEOUT_S = 120.0
# sockaddr_un.sun_path is 108 bytes; leave room for "/.s.PGSQL.NNNNN" and a NUL.
_MAX_SOCKET_DIR_LEN = 80


def find_postgres_bindir() -> Path:
    """Directory holding both ``initdb`` and ``pg_ctl`` (highest version wins)."""
    candidates: list[Path] = []
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
        candidates.append(Path(initdb).parent)

    def _version_key(path: str) -> tuple[int, ...]:
        match = re.search(r"/postgresql/([0-9.]+)/bin$", path)
        return tuple(int(p) for p in match.group(1).split(".") if p) if match else (0,)

    for found in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True):
        candidates.append(Path(found))
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    raise RuntimeError(
        "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in "
        "/usr/lib/postgresql/*/bin. Install them (Debian: apt-get install postgresql) "
        f"or set {ENV_VAR} to the SQLAlchemy URL of an existing test database."
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Runner:
    """Runs PostgreSQL binaries, as the ``postgres`` user when we are root."""

    def __init__(self) -> None:
        self.as_root = os.geteuid() == 0
        self.uid = os.geteuid()
        self.gid = os.getegid()
        self.prefix: list[str] = []
        if self.as_root:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError(
                    "Running as root, but there is no 'postgres' system user to run "
                    "PostgreSQL as (PostgreSQL refuses to run as root). Install the "
                    "Debian 'postgresql' package, which creates it."
                ) from exc
            self.uid, self.gid = pw.pw_uid, pw.pw_gid
            runuser = shutil.which("runuser") or (
                "/usr/sbin/runuser" if os.path.exists("/usr/sbin/runuser") else None
            )
            if runuser is None:
                raise RuntimeError("Running as root, but 'runuser' (util-linux) is missing.")
            self.prefix = [runuser, "-u", "postgres", "--"]

    def run(
        self, argv: Sequence[str], *, cwd: Path, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.setdefault("LC_ALL", "C")
        proc = subprocess.run(
            [*self.prefix, *argv],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=_SUBPROCESS_TIMEOUT_S,
            check=False,
        )
        if check and proc.returncode != 0:
            raise RuntimeError(
                f"command failed ({proc.returncode}): {' '.join(argv)}\n"
                f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
            )
        return proc

    def give(self, path: Path) -> None:
        if self.as_root:
            os.chown(path, self.uid, self.gid)

    def can_use(self, path: Path) -> bool:
        """Whether the server user can write inside ``path`` (all ancestors traversable)."""
        if not self.as_root:
            return os.access(path, os.W_OK | os.X_OK)
        proc = self.run(
            ["test", "-w", str(path), "-a", "-x", str(path)], cwd=Path("/"), check=False
        )
        return proc.returncode == 0


def _noop() -> None:
    return None


def start_throwaway_postgres(base_dir: Path) -> tuple[str, Callable[[], None]]:
    """Start a private PostgreSQL server; return (SQLAlchemy URL, stop function)."""
    preset = os.environ.get(ENV_VAR)
    if preset:
        return preset, _noop

    bindir = find_postgres_bindir()
    runner = _Runner()

    base_dir = Path(base_dir).resolve()
    base_dir.mkdir(parents=True, exist_ok=True)
    runner.give(base_dir)
    owned_tmp: Path | None = None
    root = base_dir
    if not runner.can_use(base_dir) or len(str(base_dir)) > _MAX_SOCKET_DIR_LEN - 8:
        # e.g. pytest's /tmp/pytest-of-root is 0700, so the postgres user cannot reach
        # base_dir; or the path is too long for a unix socket. Use a short private dir.
        owned_tmp = Path(tempfile.mkdtemp(prefix="pmpg-", dir=_short_tmp_parent()))
        runner.give(owned_tmp)
        root = owned_tmp
        if not runner.can_use(root):
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"no directory usable by the PostgreSQL server user (tried {root})")

    data_dir = root / "data"
    sock_dir = root / "sock"
    log_file = root / "server.log"
    sock_dir.mkdir(mode=0o700)
    runner.give(sock_dir)

    def cleanup_tmp() -> None:
        if owned_tmp is not None:
            shutil.rmtree(owned_tmp, ignore_errors=True)

    try:
        runner.run(
            [
                str(bindir / "initdb"),
                "-D",
                str(data_dir),
                "-U",
                DB_USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
            cwd=root,
        )
    except BaseException:
        cleanup_tmp()
        raise

    pg_ctl = str(bindir / "pg_ctl")
    state = {"running": False}

    def stop() -> None:
        if not state["running"]:
            cleanup_tmp()
            return
        state["running"] = False
        proc = runner.run(
            [pg_ctl, "-D", str(data_dir), "-m", "fast", "-w", "-t", "30", "stop"],
            cwd=root,
            check=False,
        )
        if proc.returncode != 0 and (data_dir / "postmaster.pid").exists():
            runner.run(
                [pg_ctl, "-D", str(data_dir), "-m", "immediate", "-w", "-t", "15", "stop"],
                cwd=root,
                check=False,
            )
        cleanup_tmp()

    last_error = ""
    for _attempt in range(3):
        port = _free_port()
        options = " ".join(
            [
                "-c listen_addresses=127.0.0.1",
                f"-p {port}",
                "-c " + shlex.quote(f"unix_socket_directories={sock_dir}"),
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=50",
            ]
        )
        proc = runner.run(
            [
                pg_ctl,
                "-D",
                str(data_dir),
                "-l",
                str(log_file),
                "-o",
                options,
                "-w",
                "-t",
                str(int(STARTUP_TIMEOUT_S)),
                "start",
            ],
            cwd=root,
            check=False,
        )
        if proc.returncode == 0:
            state["running"] = True
            atexit.register(stop)
            break
        last_error = f"{proc.stdout}\n{proc.stderr}\n--- server log ---\n{_tail(log_file)}"
        # Maybe someone grabbed the port between picking and binding; make sure
        # nothing is half-running before trying another port.
        runner.run(
            [pg_ctl, "-D", str(data_dir), "-m", "immediate", "-w", "stop"], cwd=root, check=False
        )
    else:
        cleanup_tmp()
        raise RuntimeError(f"could not start the throwaway PostgreSQL server:\n{last_error}")

    try:
        _wait_and_create_db(port, log_file)
    except BaseException:
        stop()
        raise
    return f"postgresql+psycopg://{DB_USER}@127.0.0.1:{port}/{DB_NAME}", stop


def _short_tmp_parent() -> str:
    for candidate in (tempfile.gettempdir(), "/tmp", "/var/tmp"):
        if os.path.isdir(candidate) and len(candidate) < 40:
            mode = os.stat(candidate).st_mode
            if mode & 0o001:  # others may traverse it
                return candidate
    return "/tmp"


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError as exc:
        return f"(no log: {exc})"


def _wait_and_create_db(port: int, log_file: Path) -> None:
    import psycopg

    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    conninfo = f"host=127.0.0.1 port={port} user={DB_USER} dbname=postgres connect_timeout=5"
    while True:
        try:
            conn = psycopg.connect(conninfo, autocommit=True)
            break
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"PostgreSQL on 127.0.0.1:{port} did not accept connections within "
                    f"{STARTUP_TIMEOUT_S:.0f} s: {exc}\n--- server log ---\n{_tail(log_file)}"
                ) from exc
            time.sleep(0.2)
    with contextlib.closing(conn):
        conn.execute(f"CREATE DATABASE \"{DB_NAME}\" TEMPLATE template0 ENCODING 'UTF8'")
