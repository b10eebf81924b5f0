"""The quarterly round end to end: workbooks for two units with indicators and tasks, filled in by
a script, re-saved by LibreOffice, imported; then 报送情况, 数据审核, closing and reopening."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planmonitor.domain.checks import Rule
from planmonitor.domain.periods import Period
from planmonitor.domain.tasks import TaskState
from planmonitor.services.errors import UserError
from planmonitor.services.import_preview import ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.quarter_locks import QuarterLocks
from planmonitor.services.reporting_round import RoundService
from planmonitor.services.tasks import TaskService
from planmonitor.services.templates import TemplateService
from planmonitor.store.database import Database, open_database

Q3 = Period.quarter(2024, 3)
PLAN = "xx-district"
# what each unit types in: indicator code -> (value, 情况说明); task -> (state, text, reason, next)
FILL = {
    "区财政局": (
        {"03": (800, ""), "04": (120, "")},  # 05 left empty; 03 falls; 04 above 100 %
        {"3": ("推进中", "已拨付科技资金800万元", "", "四季度拨付余款")},  # task 1 left empty
    ),
    "区农业农村局": (
        {"02": (12.5, "按统计快报"), "12": (9, "")},  # 13 left empty
        {
            "2": ("滞后", "六大产业集群建设推进偏慢", "项目用地审批延后", "加快用地报批"),
            "9": ("已完成", "与京津高校签订合作协议3项", "", ""),
        },  # task 11 left empty
    ),
}


def soffice(src: Path, out_dir: Path) -> Path:
    """Re-save ``src`` with LibreOffice Calc as .xlsx into ``out_dir``."""
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        (made,) = Path(tmp).iterdir()
        dest = out_dir / made.name
        shutil.move(str(made), dest)
        return dest


def roles(ws, prefix: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {
        str(ws.cell(1, c).value)[len(prefix) :]: c
        for c in range(1, ws.max_column + 1)
        if str(ws.cell(1, c).value or "").startswith(prefix)
    }


def fill(path: Path, out: Path, unit: str) -> None:
    """Type the unit's figures and task progress into its workbook, as a colleague would."""
    values, tasks = FILL[unit]
    wb = load_workbook(path)
    ws = wb["指标填报"]
    r = roles(ws, "PM1:col=")
    for row in range(5, ws.max_row + 1):
        code = ws.cell(row, r["code"]).value
        if code in values:
            ws.cell(row, r["value"]).value = values[code][0]
            ws.cell(row, r["comment"]).value = values[code][1] or None
    ws = wb["重点任务进展"]
    r = roles(ws, "PMT1:col=")
    for row in range(5, ws.max_row + 1):
        code = ws.cell(row, r["code"]).value
        if code in tasks:
            state, text, reason, nxt = tasks[code]
            for role, v in (("state", state), ("text", text), ("reason", reason), ("next", nxt)):
                ws.cell(row, r[role]).value = v or None
    wb.save(out)


@pytest.fixture
def xx(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "xx.sqlite")
    PlanService(db).install(plan_source(PLAN))
    ObservationService(db).record(PLAN, Entry("03", Period.quarter(2024, 2), 900.0), by="财政局")
    yield db
    db.close()


def _import(db: Database, path: Path):  # type: ignore[no-untyped-def]
    service = ImportService(db)
    preview = service.preview(path)
    return preview, service


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_round_from_workbooks_to_a_closed_quarter(xx: Database, tmp_path: Path) -> None:
    returned = {}
    for unit in FILL:
        blank = tmp_path / f"{unit}.xlsx"
        spec = TemplateService(xx).write(PLAN, Q3, blank, unit=unit)
        assert [t.code for t in spec.tasks] == (
            ["1", "3"] if unit == "区财政局" else ["2", "9", "11"]
        )
        filled = tmp_path / f"{unit}-已填.xlsx"
        fill(blank, filled, unit)
        out_dir = tmp_path / unit
        out_dir.mkdir()
        returned[unit] = soffice(filled, out_dir)

    for unit, path in returned.items():
        preview, service = _import(xx, path)
        assert preview.template and not preview.has_errors and not preview.questions
        new_values = {r.code: r.value for r in preview.of(ItemKind.NEW)}
        assert new_values == {c: float(v) for c, (v, _) in FILL[unit][0].items()}
        kinds = {t.task: t.kind for t in preview.tasks}
        assert {k for k, v in kinds.items() if v is ItemKind.NEW} == set(FILL[unit][1])
        assert {k for k, v in kinds.items() if v is ItemKind.MISSING} == (
            {"1"} if unit == "区财政局" else {"11"}
        )
        result = service.commit(preview)
        assert (result.new, result.tasks) == (len(FILL[unit][0]), len(FILL[unit][1]))

    lagging = TaskService(xx).current(PLAN, Q3)["2"]
    assert (lagging.state, lagging.reason, lagging.source) == (
        TaskState.LAGGING,
        "项目用地审批延后",
        f"import:{returned['区农业农村局'].name}",
    )

    # 报送情况: exactly what was left empty, per unit
    rep = RoundService(xx).missing(PLAN, Q3)
    units = {u.unit: u for u in rep.units}
    assert [(i.kind, i.code) for i in units["区财政局"].missing] == [
        ("indicator", "05"),
        ("task", "1"),
    ]
    assert [(i.kind, i.code) for i in units["区农业农村局"].missing] == [
        ("indicator", "13"),
        ("task", "11"),
    ]

    # 数据审核: the planted decreasing year-to-date value and the share over 100 %
    found = {(f.rule, f.code) for f in RoundService(xx).check(PLAN, Q3)}
    assert {(Rule.YTD_DECREASE, "03"), (Rule.RATIO_OVER_100, "04")} <= found

    # closing waits for the comments, then locks
    rnd, values = RoundService(xx), ObservationService(xx)
    with pytest.raises(UserError, match="尚不能锁定"):
        rnd.close(PLAN, Q3, by="科技局")
    for item in rnd.needs_comment(PLAN, Q3):
        if item.kind in ("indicator", "check"):
            ind = PlanService(xx).get(PLAN).indicator(item.code)
            period = Period.annual(2023) if ind.cadence.value == "annual_late" else Q3
            cur = {o.period: o for o in values.current(PLAN)}[period]
            values.record(PLAN, Entry(item.code, period, cur.value, comment="已核实，情况属实"))
    rnd.close(PLAN, Q3, by="科技局")

    # a later edit and a later import are refused, per cell, with the reason
    with pytest.raises(UserError, match=r"已于.*由科技局锁定"):
        values.record(PLAN, Entry("03", Q3, 1000.0))
    refill = tmp_path / "区财政局-更正.xlsx"
    FILL["区财政局"][0]["03"] = (1000, "更正")
    fill(tmp_path / "区财政局.xlsx", refill, "区财政局")
    preview, service = _import(xx, refill)
    locked = [r for r in preview.rows if r.code == "03"]
    assert [(r.kind, r.selected) for r in locked] == [(ItemKind.ERROR, False)]
    assert "2024年第三季度已于" in locked[0].message and "锁定" in locked[0].message
    (task3,) = [t for t in preview.tasks if t.task == "3"]
    assert task3.kind is ItemKind.ERROR and "锁定" in task3.message
    assert service.commit(preview).written == 0

    # a reopen with a reason lets it in, and both events are in the history
    rnd.reopen(PLAN, Q3, "财政局更正三季度数据", by="科技局")
    preview, service = _import(xx, refill)
    (row,) = [r for r in preview.rows if r.code == "03"]
    assert row.kind is ItemKind.CONFLICT  # the bureau's comment came after the unit's figure
    row.selected = True  # the user accepts the unit's correction
    assert service.commit(preview).changed == 1
    assert {o.period: o.value for o in values.current(PLAN) if o.indicator == "03"}[Q3] == 1000
    assert [(e.action, e.reason) for e in QuarterLocks(xx).history(PLAN)] == [
        ("close", "本季度报送完成"),
        ("reopen", "财政局更正三季度数据"),
    ]
