"""The 总结评估 of a plan: every target 完成 / 未完成 at the end of its target year, with the
value's standing (the final year's statistics are often still 预计), written as xlsx or docx."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from planmonitor.domain.final_evaluation import FinalEvaluation, FinalRow
from planmonitor.domain.formatting import Light
from planmonitor.domain.periods import Period
from planmonitor.services.errors import UserError
from planmonitor.services.observations import ObservationService
from planmonitor.services.plans import PlanService
from planmonitor.services.status import StatusService
from planmonitor.store.database import Database

_OUTCOME = {Light.MET: "完成", Light.NOT_MET: "未完成"}
FORMATS = ("xlsx", "docx")


def final_evaluation(db: Database, plan_id: str) -> FinalEvaluation:
    """Evaluate every indicator at the end of the plan's target year."""
    plan = PlanService(db).get(plan_id)
    end = Period.quarter(plan.target_year, 4)
    values = ObservationService(db).current(plan_id)
    standing = {(o.indicator, o.period): o.standing.value for o in values}
    rows = []
    for st in StatusService(db).evaluate(plan_id, end):
        ind, s = st.indicator, st.status
        outcome = _OUTCOME.get(s.light, "暂无数据")
        period = s.data_period
        rows.append(
            FinalRow(
                code=ind.code,
                name=ind.name,
                unit=ind.unit,
                category=ind.category,
                baseline=ind.baseline,
                target_text=ind.target.text,
                target=s.target if s.target is not None else ind.final_target(),
                value=s.actual if outcome != "暂无数据" else None,
                period=period.label_zh() if period is not None else "",
                standing=standing.get((ind.code, period), "") if period is not None else "",
                outcome=outcome,
                progress=s.progress if outcome != "暂无数据" else None,
                explanation=s.explanation("zh"),
                decimals=ind.decimals,
            )
        )
    return FinalEvaluation(plan.title, plan.region, plan.baseline_year, plan.target_year, rows)


def write_final_evaluation(db: Database, plan_id: str, fmt: str, out: Path) -> Path:
    """Write the evaluation as ``fmt`` (xlsx or docx) at ``out``, atomically."""
    from planmonitor.exchange.reports.final_evaluation import write_final_docx, write_final_xlsx

    if fmt not in FORMATS:
        raise UserError(f"格式应为 xlsx 或 docx，实际为“{fmt}”")
    if out.suffix.lower() != f".{fmt}":
        out = out.with_name(out.name + f".{fmt}") if not out.suffix else out.with_suffix(f".{fmt}")
    if not out.parent.exists():
        raise UserError(f"{out}：文件夹 {out.parent} 不存在")
    ev = final_evaluation(db, plan_id)
    fd, tmp = tempfile.mkstemp(prefix=".final-", suffix=f".{fmt}", dir=out.parent)
    os.close(fd)
    try:
        (write_final_xlsx if fmt == "xlsx" else write_final_docx)(ev, Path(tmp))
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
