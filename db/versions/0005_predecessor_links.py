"""predecessor links: a plan names the plan it continues, an indicator the one it carries over

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 01:00:00

``plans.predecessor_id`` and ``indicators.predecessor_id``, both nullable, each a foreign key
to its own table with ON DELETE SET NULL: deleting the 十四五 plan (or one of its indicators)
clears the 十五五 plan's links and leaves its own values alone. Existing plans get no link (the
user sets it in the plan editor). On SQLite the columns are added in place (ALTER TABLE … ADD
COLUMN … REFERENCES): rebuilding ``indicators`` would, with foreign keys on, cascade the drop
of the old table to every value. On PostgreSQL the grants of ``server setup`` are per table, so
the new columns are covered; indicators have no row-level security.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LINKS = (("plans", "fk_plans_predecessor"), ("indicators", "fk_indicators_predecessor"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table, _name in LINKS:
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN predecessor_id INTEGER "
                f"REFERENCES {table} (id) ON DELETE SET NULL"
            )
        return
    for table, name in LINKS:
        op.add_column(table, sa.Column("predecessor_id", sa.Integer(), nullable=True))
        op.create_foreign_key(name, table, table, ["predecessor_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot drop a column that is a foreign key; the program backs the file up
        # before every upgrade (planmonitor.backup-0004-….sqlite): restore that instead
        raise NotImplementedError("SQLite: restore the backup made before migration 0005")
    for table, name in LINKS:
        op.drop_constraint(name, table, type_="foreignkey")
        op.drop_column(table, "predecessor_id")
