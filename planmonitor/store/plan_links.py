"""Predecessor links (十四五 → 十五五) between stored plans and indicators.

A plan names the plan it continues (``plans.predecessor_id``); each of its indicators may name
the predecessor's indicator it carries over (``indicators.predecessor_id``). Both are set from
a :class:`~planmonitor.domain.plan.Plan`'s ``predecessor`` (id, else title) and its indicators'
``predecessor`` codes; whatever cannot be found is returned as one sentence each.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from planmonitor.domain.plan import Plan, PlanRef
from planmonitor.store.models import IndicatorRow, PlanRow
from planmonitor.store.plan_rows import RETIRED_MARK


def find_plan(s: Session, ref: PlanRef, not_this: int | None = None) -> PlanRow | None:
    """The stored plan ``ref`` names: by id, else by title when exactly one plan has it."""
    row = s.scalar(select(PlanRow).where(PlanRow.key == ref.id)) if ref.id else None
    if row is None and ref.title:
        rows = s.scalars(select(PlanRow).where(PlanRow.title == ref.title)).all()
        row = rows[0] if len(rows) == 1 else None
    if row is not None and row.id == not_this:
        return None
    return row


def store_plan_links(s: Session, row: PlanRow, plan: Plan) -> list[str]:
    """Set ``row``'s predecessor and its indicators' from ``plan`` (see :func:`store_links`)."""
    return store_links(s, row, plan.predecessor, {i.code: i.predecessor for i in plan.indicators})


def store_links(s: Session, row: PlanRow, ref: PlanRef | None, wanted: dict[str, str]) -> list[str]:
    """Make ``ref`` the predecessor of plan ``row`` and link each indicator code of ``wanted``
    to the predecessor's indicator it names ("" for none); returns the links not found.

    An indicator naming a code the predecessor lacks, or any link when the predecessor plan is
    not in the database, is left unlinked and reported. Indicators not in ``wanted`` (retired
    ones) keep their link.
    """
    problems: list[str] = []
    pred = None
    if ref is not None:
        pred = find_plan(s, ref, not_this=row.id)
        if pred is None:
            name = ref.title or ref.id
            problems.append(
                f"上期规划“{name}”（{ref.id}）不在数据库中，"
                "指标的接续关系未建立（载入上期规划后可在“编辑规划”中设置）"
            )
    row.predecessor_id = pred.id if pred is not None else None
    codes: dict[str, IndicatorRow] = {}
    if pred is not None:
        codes = {
            r.code: r
            for r in s.scalars(select(IndicatorRow).where(IndicatorRow.plan_id == pred.id))
        }
    for ind_row in row.indicators:
        if ind_row.code not in wanted:
            continue  # a retired indicator keeps its link
        code = wanted[ind_row.code]
        target = codes.get(code) if code else None
        if code and pred is not None and target is None:
            have = "、".join(sorted(c for c in codes if RETIRED_MARK not in c)) or "无"
            problems.append(
                f"指标{ind_row.code}“{ind_row.name}”：上期规划“{pred.key}”中没有指标编码"
                f"“{code}”（现有：{have}），未建立接续关系"
            )
        ind_row.predecessor_id = target.id if target is not None else None
    return problems
