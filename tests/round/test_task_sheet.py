"""The 重点任务进展 sheet of a unit's fill-in workbook: locked but for the inputs, a state
drop-down, hidden keys; bad rows come back as errors naming the cell, nothing half-written."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from planmonitor.domain.periods import Period
from planmonitor.domain.tasks import TaskState
from planmonitor.services.import_preview import ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.tasks import ProgressEntry, TaskService
from planmonitor.services.templates import TemplateService
from planmonitor.store.database import open_database

Q3 = Period.quarter(2024, 3)


@pytest.fixture
def xx(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "xx.sqlite")
    PlanService(db).install(plan_source("xx-district"))
    yield db
    db.close()


def test_the_task_sheet_lists_the_units_tasks_with_last_quarters_progress(xx, tmp_path) -> None:
    TaskService(xx).record(
        "xx-district",
        ProgressEntry("3", Period.quarter(2024, 2), TaskState.IN_PROGRESS, "已拨付500万元"),
    )
    out = tmp_path / "区财政局.xlsx"
    TemplateService(xx).write("xx-district", Q3, out, unit="区财政局")
    ws = load_workbook(out)["重点任务进展"]
    header = [ws.cell(4, c).value for c in range(1, 10)]
    assert header == [
        "序号", "任务编号", "重点任务", "责任单位", "上季度进展",
        "推进状态", "进展情况", "滞后原因", "下一步工作",
    ]  # fmt: skip
    rows = [[ws.cell(r, c).value for c in range(2, 6)] for r in (5, 6)]
    assert rows == [
        ["1", "加强顶层设计,坚持政策引领", "区委组织部、区发改局、区财政局", None],
        ["3", "加大科技投入,强化资金保障", "区财政局、区发改局", "推进中：已拨付500万元"],
    ]
    assert ws.cell(5, 10).value == "PMT1|xx-district|1|2024Q3"
    assert ws.column_dimensions["J"].hidden and ws.row_dimensions[1].hidden
    assert ws.protection.sheet
    assert [ws.cell(5, c).protection.locked for c in range(1, 11)] == [
        True, True, True, True, True, False, False, False, False, True,
    ]  # fmt: skip
    (dv,) = [d for d in ws.data_validations.dataValidation if d.type == "list"]
    assert dv.formula1 == '"未启动,推进中,已完成,滞后"' and "F5" in str(dv.sqref)


def test_bad_task_rows_are_errors_naming_the_cell_and_nothing_is_written(xx, tmp_path) -> None:
    out = tmp_path / "区财政局.xlsx"
    TemplateService(xx).write("xx-district", Q3, out, unit="区财政局")
    wb = load_workbook(out)
    ws = wb["重点任务进展"]
    ws["F5"], ws["G5"] = "滞后", "尚未出台政策"  # 滞后 without a reason
    ws["F6"], ws["G6"] = "差不多", "拨付中"  # not a state
    wb.save(out)
    preview = ImportService(xx).preview(out)
    got = [(t.task, t.kind, t.where, t.message) for t in preview.tasks]
    assert got == [
        ("1", ItemKind.ERROR, "重点任务进展!F5", "任务1：状态为滞后时须说明原因（情况说明）"),
        (
            "3",
            ItemKind.ERROR,
            "重点任务进展!F6",
            "推进状态“差不多”无法识别（应为未启动、推进中、已完成、滞后）",
        ),
    ]
    assert ImportService(xx).commit(preview).tasks == 0
    assert TaskService(xx).current("xx-district", Q3) == {}


def test_the_import_preview_warns_per_cell_where_a_value_needs_a_comment(xx, tmp_path) -> None:
    from planmonitor.domain.observation import Standing
    from planmonitor.services.observations import Entry, ObservationService

    ObservationService(xx).record(
        "xx-district", Entry("03", Period.quarter(2024, 2), 900.0, standing=Standing.FINAL)
    )
    out = tmp_path / "区财政局.xlsx"
    TemplateService(xx).write("xx-district", Q3, out, unit="区财政局")
    wb = load_workbook(out)
    ws = wb["指标填报"]
    roles = {str(ws.cell(1, c).value)[8:]: c for c in range(1, ws.max_column + 1)}
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, roles["code"]).value == "03")
    ws.cell(row, roles["value"]).value = 800
    wb.save(out)
    preview = ImportService(xx).preview(out)
    (warning,) = [m for m in preview.messages if m.level == "warning"]
    assert (warning.sheet, warning.cell) == ("指标填报", ws.cell(row, roles["value"]).coordinate)
    assert warning.message == (
        "03 财政科技投入 2024年第三季度：累计值低于上季度，1—9月累计800万元低于1—6月的900万元，"
        "请在情况说明中写明原因"
    )


def test_a_bulk_load_is_not_checked_cell_by_cell_and_says_so(xx, tmp_path, monkeypatch) -> None:
    from planmonitor.services import importing

    monkeypatch.setattr(importing, "CHECK_LIMIT", 0)
    out = tmp_path / "区财政局.xlsx"
    TemplateService(xx).write("xx-district", Q3, out, unit="区财政局")
    wb = load_workbook(out)
    ws = wb["指标填报"]
    roles = {str(ws.cell(1, c).value)[8:]: c for c in range(1, ws.max_column + 1)}
    ws.cell(5, roles["value"]).value = 120
    wb.save(out)
    preview = ImportService(xx).preview(out)
    assert [m.level for m in preview.messages if "审核" in m.message] == ["note"]
    assert "导入时未逐项审核" in next(m.message for m in preview.messages if "审核" in m.message)
