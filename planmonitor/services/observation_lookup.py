"""What recording values looks up inside one session: a plan's indicators and regions by code,
and the current rows of the keys being written."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from planmonitor.domain.indicator import TargetForm
from planmonitor.domain.plan import ROOT_REGION
from planmonitor.services.errors import UserError
from planmonitor.store.models import IndicatorRow, ObservationRow, PlanRow, RegionRow

MILESTONE_FORM = TargetForm.MILESTONE.value
REGION_LOOKUPS = 8  # distinct regions looked up one by one before all are read at once


@dataclass(frozen=True, slots=True)
class IndicatorInfo:
    """What recording needs of an indicator row, as plain values."""

    id: int
    milestone: bool
    first_year: int
    last_year: int
    row: IndicatorRow


@dataclass(slots=True)
class CurrentRow:
    """The current row of one (indicator, region, period): stored (row_id) or pending insert."""

    row_id: int | None
    pending: int
    value: float | None
    standing: str
    comment: str
    numerator: float | None
    denominator: float | None


def current_rows(
    s: Session, checked: list[tuple[int, int, int, int, float | None]]
) -> dict[tuple[int, int, int, int], CurrentRow]:
    """The current rows of the (indicator, region, year, month) keys in ``checked``."""
    if not checked:
        return {}
    wanted = {k[:4] for k in checked}
    years = [k[2] for k in wanted]
    o = ObservationRow
    rows = s.execute(
        select(
            o.id,
            o.indicator_id,
            o.region_id,
            o.year,
            o.month,
            o.value,
            o.standing,
            o.comment,
            o.numerator,
            o.denominator,
        ).where(
            o.indicator_id.in_({k[0] for k in wanted}),
            o.region_id.in_({k[1] for k in wanted}),
            o.year.between(min(years), max(years)),
            o.superseded_at.is_(None),
        )
    )
    out: dict[tuple[int, int, int, int], CurrentRow] = {}
    for row_id, ind, reg, year, month, value, standing, comment, num, den in rows:
        key = (ind, reg, year, month)
        if key in wanted:
            out[key] = CurrentRow(row_id, -1, value, standing, comment, num, den)
    return out


class PlanContext:
    """Looks up a plan's indicators and regions by code inside one session."""

    def __init__(self, s: Session, plan_id: str) -> None:
        plan = s.scalar(select(PlanRow).where(PlanRow.key == plan_id))
        if plan is None:
            raise UserError(f"数据库中没有规划“{plan_id}”")
        self.plan = plan
        self._session = s
        self._indicators = {r.code: r for r in plan.indicators}
        self._infos: dict[str, IndicatorInfo] = {}
        self._region_ids: dict[str | None, int] = {}
        # Regions are looked up one by one (a city may have hundreds; one region's values must
        # not cost reading them all), or all at once after a few look-ups (an import).
        self._region_keys: dict[str, RegionRow] = {}
        self._lookups = 0
        self._all_regions = False

    def indicator(self, code: str) -> IndicatorRow:
        row = self._indicators.get(code.strip())
        if row is None:
            codes = "、".join(self._indicators)
            raise UserError(f"规划“{self.plan.key}”中没有指标编码“{code}”（现有：{codes}）")
        return row

    def indicator_info(self, code: str) -> IndicatorInfo:
        """:meth:`indicator` as plain values (cached)."""
        info = self._infos.get(code)
        if info is None:
            row = self.indicator(code)
            info = self._infos[code] = IndicatorInfo(
                row.id, row.form == MILESTONE_FORM, row.baseline_year - 1, row.target_year + 5, row
            )
        return info

    def region_id(self, region: str | None) -> int:
        """The id of :meth:`region` (cached)."""
        found = self._region_ids.get(region)
        if found is None:
            found = self._region_ids[region] = self.region(region).id
        return found

    def region(self, region: str | None) -> RegionRow:
        key = ROOT_REGION if region is None or region.strip() in ("", ROOT_REGION) else region
        key = key.strip()
        found = self._region_keys.get(key)
        if found is None and not self._all_regions:
            self._lookups += 1
            if self._lookups > REGION_LOOKUPS:
                self._read_all_regions()
                found = self._region_keys.get(key)
            else:
                found = self._find_region(key)
        if found is not None:
            return found
        names = "、".join(r.name for r in self.plan.regions)
        raise UserError(f"规划“{self.plan.key}”中没有地区“{region}”（现有：{names}）")

    def _find_region(self, key: str) -> RegionRow | None:
        """The region whose code is ``key``, else the first whose name is."""
        r = RegionRow
        rows = self._session.scalars(
            select(r)
            .where(r.plan_id == self.plan.id, or_(r.code == key, r.name == key))
            .order_by(r.position, r.id)
        ).all()
        found = next((row for row in rows if row.code == key), rows[0] if rows else None)
        if found is not None:
            self._region_keys[key] = found
        return found

    def _read_all_regions(self) -> None:
        regions = list(self.plan.regions)
        for r in regions:  # codes win over names, earlier names over later ones
            self._region_keys.setdefault(r.name, r)
        for r in regions:
            self._region_keys[r.code] = r
        self._all_regions = True
