"""reporting round: task codes and 牵头/配合 units, task progress with attachments, quarter locks

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 21:50:00

Adds to ``tasks`` the code, lead, support, kind and chapter columns (existing tasks keep their
title and units; their code stays empty and the program uses the position); new tables
``task_progress`` (superseded, never overwritten), ``task_attachments`` (the evidence files) and
``quarter_events`` (closing and reopening a quarter, kept as history).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("code", sa.String(length=32), nullable=False, server_default=""))
        batch.add_column(sa.Column("lead", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("support", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="任务")
        )
        batch.add_column(sa.Column("chapter", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "task_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("superseded_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_task_progress_quarter", "task_progress", ["task_id", "year", "quarter"]
    )
    op.create_table(
        "task_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "quarter_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("quarter_events")
    op.drop_table("task_attachments")
    op.drop_index("ix_task_progress_quarter", table_name="task_progress")
    op.drop_table("task_progress")
    with op.batch_alter_table("tasks") as batch:
        for name in ("chapter", "kind", "support", "lead", "code"):
            batch.drop_column(name)
