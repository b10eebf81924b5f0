"""The server fixtures (tests/pg_accounts.py): a set-up server database with accounts."""

from __future__ import annotations

from pg_accounts import new_server, server

__all__ = ["new_server", "server"]
