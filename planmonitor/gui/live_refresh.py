"""Live refresh: the Qt side of ``services.change_feed`` — a socket notifier on PostgreSQL, a
one-second poll on SQLite — coalesced into one ``changed`` signal per burst of changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot

from planmonitor.services.change_feed import ChangeFeed
from planmonitor.store.database import Database

POLL_MS = 1000
SETTLE_MS = 250


class ChangeWatcher(QObject):
    """Watches one database for changes committed by other connections.

    Signals:
        changed(): other users (or windows) changed the data; views should re-read it.
    """

    changed = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = ChangeFeed(db)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._notifier: QSocketNotifier | None = None
        self._missed = False
        if self.feed.socket is not None:
            self._notifier = QSocketNotifier(self.feed.socket, QSocketNotifier.Type.Read, self)
        self._connect_signals()
        self.start()

    def _connect_signals(self) -> None:
        self._settle.timeout.connect(self.changed)
        self._poll.timeout.connect(self._check)
        if self._notifier is not None:
            self._notifier.activated.connect(lambda *_: self._check())

    def start(self) -> None:
        """Watch (again); a change noticed just before :meth:`stop` is reported now."""
        if self._missed:
            self._missed = False
            self._settle.start()
        if self._notifier is not None:
            self._notifier.setEnabled(True)
        else:
            self._poll.start()

    def stop(self) -> None:
        """Stop watching (changes made meanwhile are reported once watching resumes)."""
        if self._settle.isActive():
            self._settle.stop()
            self._missed = True
        self._poll.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)

    @Slot()
    def _check(self) -> None:
        if self.feed.poll() and not self._settle.isActive():
            self._settle.start()

    def close(self) -> None:
        """Stop and release the feed's connection."""
        self.stop()
        self.feed.close()
