"""Report test data: two seed plans with a realistic quarter's values recorded through the services.

沧州 (no categories; R&D intensity and 公民科学素质 are annual statistics published late) and
承德 (four categories; R&D expenditure 年均增长 10 %, annual). Values are those a bureau would hold
at the 2024Q3 report: quarterly counts and year-to-date flows, annual statistics up to 2023, and
comments (情况说明) on lagging indicators.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database

Q3_2024 = Period.quarter(2024, 3)
TODAY = date(2024, 10, 12)
FINAL = Standing.FINAL

# code, period, value, standing, comment
CANGZHOU = [
    ("01", "2021", 1.42, FINAL, ""),
    ("01", "2022", 1.55, FINAL, ""),
    ("01", "2023", 1.63, FINAL, "规上工业企业研发投入增速放缓，研发强度提升不及预期"),
    ("02", "2023Q3", 2.95, None, ""),
    ("02", "2024Q3", 3.40, None, ""),
    ("05", "2023Q4", 1000, FINAL, ""),
    ("05", "2024Q3", 1010, None, "第一批高新技术企业认定结果尚未公布，部分企业资格到期"),
    ("06", "2024Q3", 12900, None, ""),
    ("07", "2023Q3", 20.8, None, ""),
    ("07", "2024Q3", 22.0, None, ""),
    ("09", "2023Q3", 80.0, None, ""),
    ("09", "2024Q1", 28.5, None, ""),
    ("09", "2024Q2", 61.0, None, ""),
    ("09", "2024Q3", 95.0, Standing.ESTIMATE, ""),
    ("10", "2024Q3", 232, None, ""),
    ("11", "2023", 13.2, FINAL, ""),
]
CHENGDE = [
    ("01", "2021", 24.10, FINAL, ""),
    ("01", "2022", 26.00, FINAL, ""),
    ("01", "2023", 28.00, FINAL, "受重点企业研发投入下降影响，增速低于年均增长10%的目标"),
    ("02", "2023", 1.10, FINAL, ""),
    ("05", "2023Q4", 3, FINAL, ""),
    ("05", "2024Q3", 3, None, ""),
    ("06", "2023Q4", 262, FINAL, ""),
    ("06", "2024Q3", 258, None, "部分企业高新技术企业资格到期未重新认定"),
    ("09", "2023Q3", 19.0, None, ""),
    ("09", "2024Q3", 22.5, None, ""),
    ("11", "2023", 10.5, FINAL, ""),
]
PLANS = {"cangzhou": CANGZHOU, "chengde": CHENGDE}
TABLE_SIZE = {"cangzhou": 11, "chengde": 11}


def table_plan(plan_id: str) -> Plan:
    """The seed plan's indicator table alone, without its key tasks and the targets inside them
    (the writers' tests are about the table; the task section has tests of its own)."""
    plan = plan_source(plan_id)
    inds = plan.indicators[: TABLE_SIZE.get(plan_id, len(plan.indicators))]
    cats = tuple(c for c in plan.categories if any(i.category == c for i in inds))
    return replace(plan, indicators=inds, categories=cats, tasks=())


def record_values(db: Database, plan: str, rows: list[tuple]) -> None:
    """Install ``plan`` and record ``rows`` through ObservationService (one transaction)."""
    PlanService(db).install(table_plan(plan))
    entries = [
        Entry(
            code,
            Period.parse(period),
            value,
            standing=standing or Standing.PRELIMINARY,
            comment=comment,
        )
        for code, period, value, standing, comment in rows
    ]
    ObservationService(db).record_many(plan, entries, by="张科员")


def squeeze(text: str) -> str:
    """Text without whitespace: names wrap inside table cells."""
    return "".join(text.split())


def pdftotext(path: Path, *args: str) -> str:
    """The text of a PDF as poppler extracts it."""
    exe = shutil.which("pdftotext")
    assert exe is not None, "pdftotext (poppler-utils) is missing: run tools/setup-system.sh"
    out = subprocess.run([exe, *args, str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")
