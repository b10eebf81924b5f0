"""Export for colleagues: every current value, tidy, no text that turns into a formula, and a
file that reads back to the same values."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.services.exporting import ExportService
from planmonitor.services.import_preview import ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database, open_database

HOSTILE = ["=1+1", "+SUM(A1:A2)", "-下降原因待查", "@cmd", '=HYPERLINK("http://x")']


@pytest.fixture
def filled(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "e.sqlite")
    PlanService(db).install(plan_source("cangzhou"))
    obs = ObservationService(db)
    entries = [
        Entry("05", Period.quarter(2024, 3), 980.0, standing=Standing.FINAL, comment=HOSTILE[0]),
        Entry("05", Period.quarter(2024, 2), 960.0, comment=HOSTILE[1]),
        Entry("05", Period.annual(2023), 920.0, comment=HOSTILE[2]),
        Entry("05", Period.quarter(2023, 4), 920.0, comment=HOSTILE[3]),
        Entry("09", Period.quarter(2024, 3), 80.25, comment=HOSTILE[4]),
        Entry("01", Period.annual(2023), 1.62, standing=Standing.FINAL),
    ]
    obs.record_many("cangzhou", entries, by="张三")
    obs.record("cangzhou", Entry("09", Period.quarter(2024, 3), 81.5), by="李四")  # correction
    yield db
    db.close()


def test_the_export_holds_every_current_value_and_nothing_else(
    filled: Database, tmp_path: Path
) -> None:
    out = tmp_path / "沧州.xlsx"
    result = ExportService(filled).export("cangzhou", out)
    assert (result.values, result.indicators, result.regions) == (6, 17, 1)
    wb = load_workbook(out)
    assert wb.sheetnames == ["数值", "指标", "说明"]
    ws = wb["数值"]
    header = [c.value for c in ws[1]]
    assert header[:7] == ["地区", "指标编码", "指标名称", "单位", "期间", "期间代码", "数值"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    keys = [(r[1], r[5], r[6]) for r in rows]
    assert keys == [
        ("01", "2023", 1.62),
        ("05", "2023Q4", 920.0),
        ("05", "2023", 920.0),  # the annual value after Q4
        ("05", "2024Q2", 960.0),
        ("05", "2024Q3", 980.0),
        ("09", "2024Q3", 81.5),  # the correction, not the superseded 80.25
    ]
    assert all(isinstance(r[6], int | float) for r in rows)  # numbers, not text
    assert rows[4][4] == "2024年第三季度" and rows[4][9] == "正式" and rows[4][12] == "张三"


def test_no_cell_becomes_a_formula(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "e.xlsx"
    ExportService(filled).export("cangzhou", out)
    ws = load_workbook(out)["数值"]
    comments = {}
    for row in ws.iter_rows(min_row=2):
        cell = row[10]
        if cell.value:
            comments[cell.value] = cell
    for text in HOSTILE[:4]:
        cell = comments[text]
        assert cell.data_type == "s" and cell.quotePrefix, text
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_it_cleanly_and_shows_the_text_as_typed(
    filled: Database, tmp_path: Path
) -> None:
    out = tmp_path / "e.xlsx"
    ExportService(filled).export("cangzhou", out)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (tmp_path / "e.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    shown = {r[10] for r in rows[1:]}
    assert set(HOSTILE[:4]) <= shown  # "=1+1" stays text, not 2
    assert "2" not in shown


def test_an_export_reads_back_to_the_same_values(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "沧州导出.xlsx"
    ExportService(filled).export("cangzhou", out)
    fresh = open_database(tmp_path / "fresh.sqlite")
    try:
        PlanService(fresh).install(plan_source("cangzhou"))
        preview = ImportService(fresh).preview(out)
        got = {
            (r.code, r.period.key if r.period else "", r.value)
            for r in preview.rows
            if r.kind is ItemKind.NEW
        }
        assert got == {
            ("01", "2023", 1.62),
            ("05", "2023Q4", 920.0),
            ("05", "2023", 920.0),
            ("05", "2024Q2", 960.0),
            ("05", "2024Q3", 980.0),
            ("09", "2024Q3", 81.5),
        }
        by_key = {(r.code, r.period.key if r.period else ""): r for r in preview.rows}
        assert by_key[("05", "2024Q3")].standing is Standing.FINAL
        assert by_key[("05", "2024Q3")].comment == "=1+1"
        assert not preview.has_errors and not preview.questions
    finally:
        fresh.close()
