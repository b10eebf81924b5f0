"""The round's section of the quarterly report, from the database (see domain.round_report)."""

from __future__ import annotations

from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION
from planmonitor.domain.round_report import RoundSection, TaskReportLine
from planmonitor.services.reporting_round import RoundService
from planmonitor.services.tasks import TaskService
from planmonitor.store.database import Database


def round_section(
    db: Database, plan_id: str, quarter: Period, region: str = ROOT_REGION
) -> RoundSection:
    """Tasks with their progress, who has reported and the data checks of ``quarter`` — those
    of ``region``'s own values (the plan's own region by default): the report is about its
    figures, and reading every region's values would make a city's report cost every region."""
    lines = []
    for line in TaskService(db).tasks(plan_id, quarter):
        t, p = line.task, line.progress
        lines.append(
            TaskReportLine(
                t.key,
                t.title,
                t.units,
                p.state if p else None,
                p.text if p else "",
                p.reason if p else "",
                p.next_step if p else "",
            )
        )
    rnd = RoundService(db)
    rep = rnd.missing(plan_id, quarter)
    incomplete = tuple((u.unit, len(u.missing)) for u in rep.units if u.missing)
    return RoundSection(
        quarter,
        tuple(lines),
        rep.filled,
        rep.asked,
        incomplete,
        tuple(rnd.check(plan_id, quarter, region)),
    )
