"""Running a reader that hostile input can make loop or allocate without bound (xlrd's and
calamine's compound-document readers for .xls) in a child process with a time and memory cap.

The child is started fresh (``spawn``: safe beside the GUI's threads, and the same on Windows and
in the frozen program, whose entry point calls :func:`multiprocessing.freeze_support`). Its
address space is capped where the system allows it (``resource``), its stderr goes nowhere (a
Rust panic message is not for the user), and it is killed when the time is up. The parent only
ever sees the result, the :class:`FileRejected` the reader raised, or :class:`ChildFailed`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from planmonitor.exchange.sheets.limits import FileRejected, MiB

T = TypeVar("T")
SECONDS = 10.0
MEMORY_BYTES = 1536 * MiB


class ChildFailed(Exception):
    """The child ran out of time or memory, or died; ``reason`` is "time", "memory" or "crash"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _cap_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the time limit still applies
        return
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit is already in force
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _silence_stderr() -> None:
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 2)
        os.close(fd)
    except OSError:
        pass


def _child(conn: Connection, func: Callable[..., Any], args: tuple[Any, ...], memory: int) -> None:
    _silence_stderr()
    _cap_memory(memory)
    try:
        conn.send(("ok", func(*args)))
    except MemoryError:
        conn.send(("memory", None))
    except FileRejected as exc:
        conn.send(("rejected", str(exc)))
    except BaseException as exc:  # any failure of the reader, also a pyo3 PanicException
        conn.send(("error", f"{type(exc).__name__}: {exc}"[:200]))
    finally:
        conn.close()


def run_bounded(
    func: Callable[..., T],
    *args: Any,
    seconds: float = SECONDS,
    memory: int = MEMORY_BYTES,
) -> T:
    """``func(*args)`` in a child process; raises what it raised as :class:`FileRejected`
    (other errors as ``RuntimeError``) and :class:`ChildFailed` if it overran or died.

    ``func`` must be a module-level function and its arguments and result picklable.
    """
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, func, args, memory), daemon=True)
    proc.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise ChildFailed("time")
        try:
            status, value = receive.recv()
        except (EOFError, OSError):
            raise ChildFailed("crash") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        receive.close()
    if status == "ok":
        return value  # type: ignore[no-any-return]
    if status == "memory":
        raise ChildFailed("memory")
    if status == "rejected":
        raise FileRejected(value)
    raise RuntimeError(value)
