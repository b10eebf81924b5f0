"""Issue 11 §8: the preview says which values took the default period because the file names
none — and only those (a period column or a sheet title naming the period is the file's word)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from planmonitor.domain.periods import Period
from planmonitor.services.import_preview import ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database

Q2, Q3 = Period.quarter(2024, 2), Period.quarter(2024, 3)


@pytest.fixture
def cangzhou(db: Database) -> Database:
    PlanService(db).install(plan_source("cangzhou"))
    return db


def _book(path: Path, rows: list[list[object]], sheet: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _seen(db: Database, path: Path) -> list[tuple[str | None, Period | None, bool, ItemKind]]:
    preview = ImportService(db).preview(path, default_period=Q3)
    return [(r.code, r.period, r.period_assumed, r.kind) for r in preview.rows]


def test_a_period_column_is_the_file_s_word(cangzhou: Database, tmp_path: Path) -> None:
    path = _book(
        tmp_path / "a.xlsx",
        [
            ["指标名称", "期间", "数值"],
            ["高新技术企业数量", "2024年1-9月", 980],
            ["技术合同成交额", "2024年上半年", 60.5],
        ],
    )
    preview = ImportService(cangzhou).preview(path, default_period=Q3)
    assert [(r.code, r.period, r.period_assumed) for r in preview.rows] == [
        ("05", Q3, False),  # the report quarter, but the file says so: no note
        ("09", Q2, False),
    ]
    assert preview.assumed_period() == []


def test_a_file_naming_no_period_takes_the_default_and_says_so(
    cangzhou: Database, tmp_path: Path
) -> None:
    path = _book(
        tmp_path / "b.xlsx",
        [["指标名称", "完成值"], ["高新技术企业数量", 980], ["技术合同成交额", 60.5]],
    )
    assert _seen(cangzhou, path) == [
        ("05", Q3, True, ItemKind.NEW),
        ("09", Q3, True, ItemKind.NEW),
    ]
    preview = ImportService(cangzhou).preview(path, default_period=Q3)
    assert [r.where for r in preview.assumed_period()] == ["Sheet1!B2", "Sheet1!B3"]


def test_a_sheet_title_naming_the_period_is_the_file_s_word(
    cangzhou: Database, tmp_path: Path
) -> None:
    titled = _book(
        tmp_path / "c.xlsx",
        [["2024年1—6月科技指标完成情况"], ["指标名称", "完成值"], ["高新技术企业数量", 980]],
    )
    assert _seen(cangzhou, titled) == [("05", Q2, False, ItemKind.NEW)]
    named = _book(
        tmp_path / "d.xlsx",
        [["指标名称", "完成值"], ["高新技术企业数量", 980]],
        sheet="2024年三季度",
    )
    assert _seen(cangzhou, named) == [("05", Q3, False, ItemKind.NEW)]


def test_one_sheet_with_a_period_and_one_without(cangzhou: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook as Book

    wb = Book()
    first = wb.active
    assert first is not None
    first.title = "一季度"
    for r in [["指标名称", "2024年一季度"], ["高新技术企业数量", 950]]:
        first.append(r)
    second = wb.create_sheet("补报")
    for r in [["指标名称", "完成值"], ["技术合同成交额", 60.5]]:
        second.append(r)
    path = tmp_path / "e.xlsx"
    wb.save(path)
    preview = ImportService(cangzhou).preview(path, default_period=Q3)
    assert [(r.where, r.period, r.period_assumed) for r in preview.rows] == [
        ("一季度!B2", Period.quarter(2024, 1), False),
        ("补报!B2", Q3, True),
    ]
