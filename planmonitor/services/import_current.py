"""The current values an import would touch, read in one query (plain tuples, no ORM rows)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from planmonitor.domain.observation import Source
from planmonitor.domain.periods import Period
from planmonitor.services.observations import period_from_columns
from planmonitor.store.database import Database
from planmonitor.store.models import IndicatorRow, ObservationRow, PlanRow, RegionRow


@dataclass(frozen=True, slots=True)
class CurrentValue:
    """The current record of one indicator, region and period."""

    value: float | None
    standing: str
    comment: str
    source_kind: str
    source_file: str
    source: str
    recorded_by: str
    numerator: float | None = None
    denominator: float | None = None
    version: int | None = None

    def is_import_of(self, file: str) -> bool:
        """True when this value came from importing a file of that name."""
        return self.source_kind == "import" and self.source_file == file


def current_values(
    db: Database, plan_id: str, probes: Iterable[tuple[str, str, Period]]
) -> dict[tuple[str, str, Period], CurrentValue]:
    """(code, region code, period) → its current value, for those of ``probes`` that have one."""
    probes = list(probes)
    if not probes:
        return {}
    years = [p.year for _c, _r, p in probes]
    with db.session() as s:
        query = (
            select(
                IndicatorRow.code,
                RegionRow.code,
                ObservationRow.year,
                ObservationRow.month,
                ObservationRow.value,
                ObservationRow.standing,
                ObservationRow.comment,
                ObservationRow.source_kind,
                ObservationRow.source_file,
                ObservationRow.source_hash,
                ObservationRow.source_sheet,
                ObservationRow.source_cell,
                ObservationRow.recorded_by,
                ObservationRow.numerator,
                ObservationRow.denominator,
                ObservationRow.id,
            )
            .join(IndicatorRow, ObservationRow.indicator_id == IndicatorRow.id)
            .join(PlanRow, IndicatorRow.plan_id == PlanRow.id)
            .join(RegionRow, ObservationRow.region_id == RegionRow.id)
            .where(
                PlanRow.key == plan_id,
                ObservationRow.superseded_at.is_(None),
                ObservationRow.year.between(min(years), max(years)),
            )
        )
        out: dict[tuple[str, str, Period], CurrentValue] = {}
        wanted: set[tuple[str, str, Period]] | None = None  # built once a stored value comes
        for (
            code,
            region,
            year,
            month,
            value,
            standing,
            comment,
            kind,
            file,
            h,
            sh,
            cell,
            by,
            num,
            den,
            version,
        ) in s.execute(query):
            key = (code, region, period_from_columns(year, month))
            if wanted is None:
                wanted = set(probes)
            if key in wanted:
                src = Source(kind, file, h, sh, cell).describe()
                out[key] = CurrentValue(
                    value, standing, comment, kind, file, src, by, num, den, version
                )
        return out
