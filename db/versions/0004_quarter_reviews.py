"""quarter reviews: a region's quarter submitted (已报送), approved (审核通过) or returned (退回)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:00:00

Every database gets the table (the review commands work on SQLite too); the PostgreSQL-only
roles, row-level security policies, audit and notification triggers are made by
``planmonitor server setup`` (store/server_setup.py), not by a migration.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quarter_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("submitted_by", sa.String(length=100), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("region_id", "year", "quarter", name="uq_quarter_reviews_quarter"),
    )


def downgrade() -> None:
    op.drop_table("quarter_reviews")
