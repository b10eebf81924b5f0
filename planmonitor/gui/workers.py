"""Long work off the GUI thread: a core generator yields progress; this adapter runs it.

The pool is injectable: tests pass :class:`SynchronousPool` to run work deterministically.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from planmonitor.services.progress import Progress


class TaskSignals(QObject):
    """Signals of a :class:`GeneratorTask`.

    Signals:
        progress(int, int, str): done, total, message.
        finished(object): the generator's return value.
        failed(str): the error message (or a cancellation notice).
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class GeneratorTask(QRunnable):
    """Runs ``make()`` — a generator yielding :class:`Progress` — and reports through signals."""

    def __init__(self, make: Callable[[], Generator[Progress, None, Any]]) -> None:
        super().__init__()
        self.make = make
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        """Ask the work to stop at its next progress step."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            gen = self.make()
            while True:
                try:
                    step = next(gen)
                except StopIteration as stop:
                    self.signals.finished.emit(stop.value)
                    return
                if self._cancel.is_set():
                    gen.close()
                    self.signals.failed.emit("")
                    return
                self.signals.progress.emit(step.done, step.total, step.message)
        except Exception as exc:  # reported to the user, never a crash of the GUI thread
            self.signals.failed.emit(str(exc) or type(exc).__name__)


class Pool(Protocol):
    """What runs tasks: QThreadPool in the program, SynchronousPool in tests."""

    def start(self, task: QRunnable) -> None: ...


class SynchronousPool:
    """Runs each task at once on the calling thread (for deterministic tests)."""

    def start(self, task: QRunnable) -> None:
        task.run()


def default_pool() -> Pool:
    """The application's thread pool."""
    return QThreadPool.globalInstance()
