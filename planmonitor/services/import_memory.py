"""Remembered mappings: a label the user confirmed for a table layout is used next quarter."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from planmonitor.services.errors import UserError
from planmonitor.services.observations import current_user
from planmonitor.store.database import Database
from planmonitor.store.models import ImportMappingRow, PlanRow


@dataclass(frozen=True, slots=True)
class Mapping:
    """One confirmed label: in ``layout``, ``kind`` label ``label`` means ``code`` ("" = none)."""

    layout: str
    kind: str
    label: str
    code: str
    file: str = ""
    sheet: str = ""


def layout_hash(layout: str) -> str:
    """The key a layout is stored under."""
    return hashlib.sha256(layout.encode("utf-8")).hexdigest()


class ImportMemory:
    """Stored mappings of one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    def _plan(s: Session, plan_id: str) -> PlanRow:
        plan = s.scalar(select(PlanRow).where(PlanRow.key == plan_id))
        if plan is None:
            raise UserError(f"数据库中没有规划“{plan_id}”")
        return plan

    def load(self, plan_id: str) -> dict[str, dict[tuple[str, str], str]]:
        """layout → {(kind, normalised label): code} for every layout of the plan."""
        out: dict[str, dict[tuple[str, str], str]] = {}
        with self.db.session() as s:
            plan = self._plan(s, plan_id)
            rows = s.scalars(select(ImportMappingRow).where(ImportMappingRow.plan_id == plan.id))
            for row in rows:
                out.setdefault(row.layout, {})[(row.kind, row.label)] = row.code
        return out

    def remember(self, plan_id: str, mappings: list[Mapping], by: str | None = None) -> int:
        """Store (or update) ``mappings``; returns how many were new or changed."""
        who = current_user() if by is None else by
        now = datetime.now()
        changed = 0
        with self.db.session.begin() as s:
            plan = self._plan(s, plan_id)
            for m in mappings:
                h = layout_hash(m.layout)
                row = s.scalar(
                    select(ImportMappingRow).where(
                        ImportMappingRow.plan_id == plan.id,
                        ImportMappingRow.layout_hash == h,
                        ImportMappingRow.kind == m.kind,
                        ImportMappingRow.label == m.label[:300],
                    )
                )
                if row is not None and row.code == m.code:
                    continue
                if row is None:
                    row = ImportMappingRow(
                        plan_id=plan.id,
                        layout_hash=h,
                        layout=m.layout,
                        kind=m.kind,
                        label=m.label[:300],
                    )
                    s.add(row)
                row.code = m.code
                row.source_file = m.file[:500]
                row.source_sheet = m.sheet[:100]
                row.confirmed_by = who
                row.confirmed_at = now
                changed += 1
        return changed

    def forget(self, plan_id: str) -> int:
        """Delete every remembered mapping of the plan; returns how many."""
        with self.db.session.begin() as s:
            plan = self._plan(s, plan_id)
            rows = list(
                s.scalars(select(ImportMappingRow).where(ImportMappingRow.plan_id == plan.id))
            )
            for row in rows:
                s.delete(row)
            return len(rows)
