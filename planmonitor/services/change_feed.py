"""How an open window learns that someone else changed the database (no Qt here).

PostgreSQL: a connection of its own LISTENs on the channel the server's statement triggers
NOTIFY (store/server_sql.py); its socket becomes readable when a notification arrives.
SQLite: ``PRAGMA data_version`` on a connection of its own changes whenever another
connection — another window or another process sharing the file — commits.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from planmonitor.store.database import Database
from planmonitor.store.server_sql import NOTIFY_CHANNEL


class ChangeFeed:
    """Reports changes committed by other connections; :meth:`poll` says whether any came.

    Attributes:
        socket: the file descriptor to watch (PostgreSQL), or None (poll on a timer).
    """

    def __init__(self, db: Database) -> None:
        self._pg: Any = None
        self._sqlite: sqlite3.Connection | None = None
        self._version = 0
        self.socket: int | None = None
        if db.is_sqlite:
            path = str(db.engine.url.database)
            self._sqlite = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            self._version = self._data_version()
        else:
            import psycopg

            args, kwargs = db.engine.dialect.create_connect_args(db.engine.url)
            self._pg = psycopg.connect(*args, **kwargs, autocommit=True)
            self._pg.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self.socket = self._pg.fileno()

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def poll(self) -> list[str]:
        """The changes since the last poll: "table user" per PostgreSQL notification, or
        ["changed"] once for any number of SQLite commits; [] for none."""
        if self._sqlite is not None:
            now = self._data_version()
            if now == self._version:
                return []
            self._version = now
            return ["changed"]
        if self._pg is None:
            return []
        pgconn = self._pg.pgconn
        pgconn.consume_input()
        out = []
        while (note := pgconn.notifies()) is not None:
            out.append(note.extra.decode("utf-8", "replace"))
        return out

    def close(self) -> None:
        """Release the connection."""
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._pg is not None:
            self._pg.close()
            self._pg = None
