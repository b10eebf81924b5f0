"""import mappings: labels of colleagues' tables the user confirmed, remembered per layout

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 23:15:44.405420

Generated with ``alembic revision --autogenerate`` against a 0001 database, then adjusted: the
unique constraint is named (so later batch migrations on SQLite can refer to it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("layout_hash", sa.String(length=64), nullable=False),
        sa.Column("layout", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("source_file", sa.String(length=500), nullable=False),
        sa.Column("source_sheet", sa.String(length=100), nullable=False),
        sa.Column("confirmed_by", sa.String(length=100), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "plan_id", "layout_hash", "kind", "label", name="uq_import_mappings_label"
        ),
    )


def downgrade() -> None:
    op.drop_table("import_mappings")
