"""Alembic environment: runs PlanMonitor's migrations on the connection the program hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from planmonitor.store.models import Base, partial_index_options

config = context.config
partial_index_options()
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run on the caller's connection (``config.attributes['connection']``) or a new engine."""
    connection = config.attributes.get("connection")
    if connection is None:
        engine = engine_from_config(
            config.get_section(config.config_ini_section, {}),
            prefix="sqlalchemy.",
            poolclass=pool.NullPool,
        )
        with engine.connect() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("PlanMonitor runs its migrations online only")
run_migrations_online()
