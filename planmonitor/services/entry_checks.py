"""数据审核 at entry: the data checks of the values one region's entry grid shows.

The rules are those of ``planmonitor check`` and the 数据审核 view (domain.checks, run by
services.reporting_round): each value is checked against the earlier current values of its series,
and a value still standing as 预计 is flagged relative to the report quarter. For the quarter
asked for, the findings equal those of ``RoundService.check`` in that region.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from planmonitor.domain.checks import CheckSettings, Finding, check_value, stale_estimates
from planmonitor.domain.observation import Observation
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan

CellKey = tuple[str, Period]  # indicator code, period


def year_findings(
    plan: Plan,
    current: Iterable[Observation],
    year: int,
    quarter: Period,
    settings: CheckSettings | None = None,
) -> dict[CellKey, list[Finding]]:
    """Per (indicator, period) of ``year``, the checks its current value trips.

    ``current`` holds the current values of one region in every year (a check compares with
    earlier years); ``quarter`` is the report quarter a 预计 value is measured against.
    """
    settings = settings or CheckSettings()
    series: dict[str, list[Observation]] = defaultdict(list)
    for o in current:
        series[o.indicator].append(o)
    out: dict[CellKey, list[Finding]] = defaultdict(list)
    for ind in plan.indicators:
        values = series.get(ind.code, [])
        for o in values:
            if o.period.year == year:
                for f in check_value(ind, o, values, settings):
                    out[(ind.code, o.period)].append(f)
        upto = [o for o in values if o.period.moment <= quarter.moment]
        for f in stale_estimates(ind, upto, quarter, settings):
            if f.period.year == year:
                out[(ind.code, f.period)].append(f)
    return dict(out)
