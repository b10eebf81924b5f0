"""The current values of every region of a plan in one read, for the data checks (数据审核).

A city's 数据审核 checks every county's values: read region by region through ORM objects, 200
regions took 7 s of the GUI thread. Here one Core query reads the columns the checks look at
(period, value, standing, comment, numerator, denominator) as plain tuples; the observations
made from them carry no source, recorder or version — they are for checking, not for editing.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from planmonitor.domain.observation import Observation, Standing
from planmonitor.services.errors import UserError
from planmonitor.services.observations import period_from_columns
from planmonitor.store.database import Database
from planmonitor.store.models import IndicatorRow, ObservationRow, PlanRow, RegionRow
from planmonitor.store.plan_rows import RETIRED_MARK


def current_by_region(db: Database, plan_id: str) -> dict[str, list[Observation]]:
    """Region code → its current values (oldest first), for every region with any."""
    with db.session() as s:
        plan = s.scalar(select(PlanRow.id).where(PlanRow.key == plan_id))
        if plan is None:
            raise UserError(f"数据库中没有规划“{plan_id}”")
        codes = {
            i: c
            for i, c in s.execute(
                select(IndicatorRow.id, IndicatorRow.code).where(IndicatorRow.plan_id == plan)
            )
            if RETIRED_MARK not in c
        }
        regions = dict(
            s.execute(select(RegionRow.id, RegionRow.code).where(RegionRow.plan_id == plan)).all()
        )
        o = ObservationRow
        rows = s.execute(
            select(
                o.region_id, o.indicator_id, o.year, o.month, o.value, o.standing, o.comment,
                o.numerator, o.denominator,
            )
            .where(o.indicator_id.in_(list(codes)), o.superseded_at.is_(None))
            .order_by(o.region_id, o.year, o.month)
        )  # fmt: skip
        out: dict[str, list[Observation]] = defaultdict(list)
        standings = {s.value: s for s in Standing}
        for reg_id, ind_id, year, month, value, standing, comment, num, den in rows:
            region = regions[reg_id]
            out[region].append(
                Observation(
                    codes[ind_id],
                    region,
                    period_from_columns(year, month),
                    value,
                    standings[standing],
                    comment,
                    numerator=num,
                    denominator=den,
                )
            )
        return dict(out)
