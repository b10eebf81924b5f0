"""Exporting a plan's current values (all quarters, all regions) for colleagues.

For the GUI: ``result = yield from ExportService(db).export_steps(plan_id, out)`` (a generator
yielding :class:`Progress`), or ``ExportService(db).export(plan_id, out)``.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from planmonitor.domain.formatting import fmt_num
from planmonitor.domain.observation import Source
from planmonitor.domain.plan import Plan
from planmonitor.exchange.export.writer import ExportIndicator, ExportValue, write_export
from planmonitor.services.errors import UserError
from planmonitor.services.observations import period_from_columns
from planmonitor.services.outfiles import check_folder, output_file
from planmonitor.services.plans import PlanService
from planmonitor.services.progress import Progress, run_to_end
from planmonitor.store.database import Database
from planmonitor.store.models import IndicatorRow, ObservationRow, PlanRow, RegionRow


@dataclass(frozen=True)
class ExportResult:
    """What was exported."""

    path: Path
    values: int
    indicators: int
    regions: int


class ExportService:
    """Writes export workbooks from one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def export(self, plan_id: str, out: Path) -> ExportResult:
        """:meth:`export_steps` run to the end."""
        return run_to_end(self.export_steps(plan_id, out))

    def export_steps(self, plan_id: str, out: Path) -> Generator[Progress, None, ExportResult]:
        """Write every current value of the plan to ``out`` (.xlsx)."""
        if out.suffix.lower() != ".xlsx":
            raise UserError(f"导出文件应为 .xlsx，而不是“{out.name}”")
        check_folder(out)  # before any work: a missing folder is said at once
        plan = PlanService(self.db).get(plan_id)
        yield Progress(0, 1, "读取现行数值")
        values = self._values(plan)
        total = len(values)
        indicators = [
            ExportIndicator(
                i.code,
                i.name,
                i.unit,
                i.category,
                i.attribute.value,
                i.baseline,
                i.baseline_year,
                i.target.text or fmt_num(i.final_target(), i.decimals),
                i.target_year,
                "、".join(i.responsible),
                i.source,
            )
            for i in plan.indicators
        ]
        about = [
            ("规划", plan.title),
            ("标识", plan.id),
            ("地区", plan.region),
            ("规划期", f"{plan.baseline_year}—{plan.target_year}年"),
            ("导出时间", datetime.now().strftime("%Y-%m-%d %H:%M")),
            ("数值个数", str(total)),
            ("说明", "“数值”表为各指标、地区、期间的现行数值（已更正的旧值不在其中）。"),
        ]
        with output_file(out) as part:  # the old file stays until the new one is complete
            for done in write_export(
                part, f"《{plan.title}》指标数值", values, total, indicators, about
            ):
                yield Progress(done, max(total, 1), f"已写入{done}个数值")
        regions = len({v.region for v in values})
        return ExportResult(out, total, len(plan.indicators), regions)

    def _values(self, plan: Plan) -> list[ExportValue]:
        inds = {i.code: i for i in plan.indicators}
        with self.db.session() as s:
            rows = s.execute(
                select(ObservationRow, IndicatorRow.code, RegionRow.name)
                .join(IndicatorRow, ObservationRow.indicator_id == IndicatorRow.id)
                .join(PlanRow, IndicatorRow.plan_id == PlanRow.id)
                .join(RegionRow, ObservationRow.region_id == RegionRow.id)
                .where(PlanRow.key == plan.id, ObservationRow.superseded_at.is_(None))
                .order_by(
                    RegionRow.position,
                    IndicatorRow.position,
                    ObservationRow.year,
                    ObservationRow.month,
                )
            ).all()
            out: list[tuple[tuple[int, int], ExportValue]] = []
            for o, code, region in rows:
                ind = inds[code]
                p = period_from_columns(o.year, o.month)
                src = Source(
                    o.source_kind, o.source_file, o.source_hash, o.source_sheet, o.source_cell
                )
                value = ExportValue(
                    region,
                    code,
                    ind.name,
                    ind.unit,
                    p.label_zh(),
                    p.key,
                    o.value,
                    o.numerator,
                    o.denominator,
                    o.standing,
                    o.comment,
                    src.describe(),
                    o.recorded_by,
                    o.recorded_at,
                    ind.decimals,
                )
                out.append(((len(out), p.sort_key), value))
        # rows come by region and indicator; within those, the annual value follows Q4
        group = 0
        keyed = []
        for i, ((_n, sort_key), v) in enumerate(out):
            if i and (v.region, v.code) != (out[i - 1][1].region, out[i - 1][1].code):
                group += 1
            keyed.append(((group, sort_key), v))
        return [v for _k, v in sorted(keyed, key=lambda kv: kv[0])]
