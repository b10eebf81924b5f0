"""SQLAlchemy 2 typed models: the database schema (migrations in ``db/`` create it)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    select,
    text,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    aliased,
    column_property,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    """Declarative base of all tables."""


class PlanRow(Base):
    """A plan (规划) with its settings; ``key`` is the plan id users type."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    region_name: Mapped[str] = mapped_column(String(100))
    baseline_year: Mapped[int] = mapped_column(Integer)
    target_year: Mapped[int] = mapped_column(Integer)
    outlook_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    categories: Mapped[str] = mapped_column(Text, default="")
    green: Mapped[float] = mapped_column(Float, default=1.0)
    yellow: Mapped[float] = mapped_column(Float, default=0.9)
    binding_green: Mapped[float] = mapped_column(Float, default=1.0)
    binding_yellow: Mapped[float] = mapped_column(Float, default=0.9)
    approx_tolerance: Mapped[float] = mapped_column(Float, default=0.5)
    source: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # the plan it continues (上期规划); deleting that plan clears the link (migration 0005)
    predecessor_id: Mapped[int | None] = mapped_column(
        ForeignKey("plans.id", ondelete="SET NULL"), nullable=True
    )

    indicators: Mapped[list[IndicatorRow]] = relationship(
        back_populates="plan", order_by="IndicatorRow.position", cascade="all, delete-orphan"
    )
    regions: Mapped[list[RegionRow]] = relationship(
        back_populates="plan", order_by="RegionRow.position", cascade="all, delete-orphan"
    )
    tasks: Mapped[list[TaskRow]] = relationship(
        back_populates="plan", order_by="TaskRow.position", cascade="all, delete-orphan"
    )

    if TYPE_CHECKING:  # read with the row (column properties below the classes)
        predecessor_key: Mapped[str | None]
        predecessor_title: Mapped[str | None]


class RegionRow(Base):
    """The plan's own region (code ``*``) or a sub-unit."""

    __tablename__ = "regions"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    parent_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[PlanRow] = relationship(back_populates="regions")


class IndicatorRow(Base):
    """An indicator with its target as worded, cadence and release profile."""

    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(32), default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    attribute: Mapped[str] = mapped_column(String(16))
    nature: Mapped[str] = mapped_column(String(16))
    cadence: Mapped[str] = mapped_column(String(32))
    profile_q1: Mapped[float] = mapped_column(Float)
    profile_q2: Mapped[float] = mapped_column(Float)
    profile_q3: Mapped[float] = mapped_column(Float)
    profile_q4: Mapped[float] = mapped_column(Float, default=1.0)
    form: Mapped[str] = mapped_column(String(16))
    comparator: Mapped[str] = mapped_column(String(4), default=">=")
    baseline: Mapped[float | None] = mapped_column(Float, nullable=True)
    baseline_year: Mapped[int] = mapped_column(Integer)
    target_year: Mapped[int] = mapped_column(Integer)
    target_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    increase: Mapped[float | None] = mapped_column(Float, nullable=True)
    rate: Mapped[float | None] = mapped_column(Float, nullable=True)
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    tolerance: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_text: Mapped[str] = mapped_column(String(200), default="")
    decimals: Mapped[int] = mapped_column(Integer, default=2)
    responsible: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    ratio_numerator: Mapped[str | None] = mapped_column(String(200), nullable=True)
    ratio_denominator: Mapped[str | None] = mapped_column(String(200), nullable=True)
    ratio_scale: Mapped[float | None] = mapped_column(Float, nullable=True)
    green: Mapped[float | None] = mapped_column(Float, nullable=True)
    yellow: Mapped[float | None] = mapped_column(Float, nullable=True)
    # the indicator of the predecessor plan it carries over (migration 0005; SET NULL with it)
    predecessor_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="SET NULL"), nullable=True
    )

    plan: Mapped[PlanRow] = relationship(back_populates="indicators")

    if TYPE_CHECKING:  # read with the row (column properties below the classes)
        predecessor_code: Mapped[str | None]
    milestones: Mapped[list[MilestoneRow]] = relationship(
        back_populates="indicator", order_by="MilestoneRow.year", cascade="all, delete-orphan"
    )


class MilestoneRow(Base):
    """A (year, value) point of a level target's path."""

    __tablename__ = "milestones"
    __table_args__ = (UniqueConstraint("indicator_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)

    indicator: Mapped[IndicatorRow] = relationship(back_populates="milestones")


class TaskRow(Base):
    """A key task (重点任务) with its responsible units and linked indicator codes."""

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(Text, default="")
    indicator_codes: Mapped[str] = mapped_column(Text, default="")
    code: Mapped[str] = mapped_column(String(32), default="")
    lead: Mapped[str] = mapped_column(Text, default="")
    support: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="任务")
    chapter: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[PlanRow] = relationship(back_populates="tasks")


class TaskProgressRow(Base):
    """One task's progress in one quarter; a new record supersedes, never overwrites."""

    __tablename__ = "task_progress"
    __table_args__ = (Index("ix_task_progress_quarter", "task_id", "year", "quarter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class TaskAttachmentRow(Base):
    """Evidence for a task's quarter (佐证材料): the file itself, its name, size and SHA-256."""

    __tablename__ = "task_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(100), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)


class QuarterEventRow(Base):
    """Closing (锁定) or reopening a plan's quarter; the latest event says whether it is closed."""

    __tablename__ = "quarter_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(DateTime)


class ObservationRow(Base):
    """One recorded value; a correction supersedes the row instead of overwriting it.

    ``month`` is the last month covered (3, 6, 9, 12 for quarters), 0 for an annual value.
    """

    __tablename__ = "observations"
    __table_args__ = (
        Index(
            "ix_observations_current",
            "indicator_id",
            "region_id",
            "year",
            "month",
            unique=True,
            sqlite_where=text("superseded_at IS NULL"),
            # and postgresql_where, set by partial_index_options(): naming it here would import
            # the PostgreSQL dialect at every start (about 60 ms); only migrations need it
        ),
        Index("ix_observations_history", "indicator_id", "region_id", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    numerator: Mapped[float | None] = mapped_column(Float, nullable=True)
    denominator: Mapped[float | None] = mapped_column(Float, nullable=True)
    standing: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str] = mapped_column(Text, default="")
    source_kind: Mapped[str] = mapped_column(String(16), default="manual")
    source_file: Mapped[str] = mapped_column(String(500), default="")
    source_hash: Mapped[str] = mapped_column(String(64), default="")
    source_sheet: Mapped[str] = mapped_column(String(100), default="")
    source_cell: Mapped[str] = mapped_column(String(32), default="")
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class RevisionRow(Base):
    """A target revision (动态调整): old and new target as JSON, effective date and reason."""

    __tablename__ = "target_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    effective: Mapped[date] = mapped_column(Date)
    old_target: Mapped[str] = mapped_column(Text)
    new_target: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class RegionTargetRow(Base):
    """A sub-region's share of a target (任务分解): its own baseline and target."""

    __tablename__ = "region_targets"
    __table_args__ = (UniqueConstraint("indicator_id", "region_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id", ondelete="CASCADE"))
    baseline: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_value: Mapped[float | None] = mapped_column(Float, nullable=True)


class ImportMappingRow(Base):
    """A label in a colleague's table that the user confirmed as an indicator (or region),
    remembered for that table's layout so next quarter's copy imports without asking.

    ``layout_hash`` is the SHA-256 of ``layout`` (the layout's fingerprint, see
    ``exchange.tables.layout.Layout.fingerprint``); ``label`` is the normalised label; ``code``
    is the indicator or region code, ``""`` when the user said the label is none of the plan's.
    """

    __tablename__ = "import_mappings"
    __table_args__ = (
        UniqueConstraint(
            "plan_id", "layout_hash", "kind", "label", name="uq_import_mappings_label"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    layout_hash: Mapped[str] = mapped_column(String(64))
    layout: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(300))
    code: Mapped[str] = mapped_column(String(64), default="")
    source_file: Mapped[str] = mapped_column(String(500), default="")
    source_sheet: Mapped[str] = mapped_column(String(100), default="")
    confirmed_by: Mapped[str] = mapped_column(String(100), default="")
    confirmed_at: Mapped[datetime] = mapped_column(DateTime)


class QuarterReviewRow(Base):
    """A region's quarter in the review round: 已报送 (submitted), 审核通过 (approved) or 退回
    (returned, with the reason). An approved quarter is locked for the county (on a server the
    row-level security policies of ``store.server_setup`` enforce it).
    """

    __tablename__ = "quarter_reviews"
    __table_args__ = (
        UniqueConstraint("region_id", "year", "quarter", name="uq_quarter_reviews_quarter"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    submitted_by: Mapped[str] = mapped_column(String(100), default="")
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reviewed_by: Mapped[str] = mapped_column(String(100), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


# The predecessor's code, key and title, read in the same SELECT as the row (a scalar subquery
# each): no second query and nothing to load for the many rows that carry nothing over.
_EarlierIndicator = aliased(IndicatorRow)
_EarlierPlan = aliased(PlanRow)
IndicatorRow.predecessor_code = column_property(
    select(_EarlierIndicator.code)
    .where(_EarlierIndicator.id == IndicatorRow.predecessor_id)
    .scalar_subquery()
)
PlanRow.predecessor_key = column_property(
    select(_EarlierPlan.key).where(_EarlierPlan.id == PlanRow.predecessor_id).scalar_subquery()
)
PlanRow.predecessor_title = column_property(
    select(_EarlierPlan.title).where(_EarlierPlan.id == PlanRow.predecessor_id).scalar_subquery()
)


def partial_index_options() -> None:
    """Give the partial indexes their PostgreSQL condition too (for Alembic, db/env.py)."""
    for index in Base.metadata.tables[ObservationRow.__tablename__].indexes:
        sqlite = index.dialect_options["sqlite"]
        if sqlite.get("where") is not None:
            index.dialect_options["postgresql"]["where"] = sqlite["where"]
