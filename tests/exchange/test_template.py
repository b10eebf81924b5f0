"""Fill-in workbooks: what they contain, that they are locked but for the inputs, and that they
come back — re-sorted, re-saved by LibreOffice as .xlsx, .xls or .ods — as exactly the values
typed into them."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.exchange.templates.marks import decode_key
from planmonitor.services.errors import UserError
from planmonitor.services.import_preview import ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.templates import TemplateService
from planmonitor.store.database import Database, open_database

Q3 = Period.quarter(2024, 3)
FIXTURES = Path(__file__).parent / "fixtures"


def _load_maker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def xx(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "xx.sqlite")
    PlanService(db).install(plan_source("xx-district"))
    yield db
    db.close()


def roles(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {
        str(ws.cell(1, c).value).split("=")[1]: c
        for c in range(1, ws.max_column + 1)
        if ws.cell(1, c).value
    }


def test_a_unit_gets_its_indicators_with_targets_and_earlier_values(
    xx: Database, tmp_path: Path
) -> None:
    obs = ObservationService(xx)
    obs.record("xx-district", Entry("03", Period.quarter(2023, 3), 1500.0))
    obs.record("xx-district", Entry("03", Period.quarter(2024, 2), 900.0))
    out = tmp_path / "区财政局.xlsx"
    spec = TemplateService(xx).write("xx-district", Q3, out, unit="区财政局")
    assert [r.code for r in spec.rows] == ["03", "04", "05"]

    wb = load_workbook(out)
    assert wb.sheetnames == ["填报说明", "指标填报", "重点任务进展", "_planmonitor"]
    assert wb["_planmonitor"].sheet_state == "veryHidden"
    assert "填报说明" in str(wb["填报说明"]["A1"].value)
    ws = wb["指标填报"]
    r = roles(ws)
    assert ws.row_dimensions[1].hidden
    key_letter = ws.cell(1, r["key"]).column_letter
    assert ws.column_dimensions[key_letter].hidden
    rows = {ws.cell(i, r["code"]).value: i for i in range(5, 8)}
    assert set(rows) == {"03", "04", "05"}
    # 03 财政科技投入 is a flow: 1—9月累计, last year's same period and the previous quarter
    i = rows["03"]
    texts = [ws.cell(i, c).value for c in range(1, r["value"])]
    assert "2024年1—9月累计" in texts and 1500.0 in texts and 900.0 in texts
    assert ws.cell(i, r["unit"]).value == "万元"
    # 04 (annual statistics, published late) asks for last year
    key = decode_key(ws.cell(rows["04"], r["key"]).value)
    assert key is not None
    assert (key.plan, key.code, key.region, key.period, key.quarter) == (
        "xx-district",
        "04",
        "*",
        Period.annual(2023),
        Q3,
    )
    assert "2023年全年" in [ws.cell(rows["04"], c).value for c in range(1, r["value"])]


def test_only_the_inputs_are_open_and_they_are_validated(xx: Database, tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    TemplateService(xx).write("xx-district", Q3, out)
    ws = load_workbook(out)["指标填报"]
    r = roles(ws)
    assert ws.protection.sheet and not ws.protection.password
    ratios = {"04", "05", "09", "16"}  # 比重, 比例 and 万人拥有量: also by numerator, denominator
    for i in range(5, 5 + 16):
        ratio = ws.cell(i, r["code"]).value in ratios
        for c in range(1, ws.max_column + 1):
            open_cell = c in (r["value"], r["standing"], r["comment"]) or (
                ratio and c in (r["numerator"], r["denominator"])
            )
            assert ws.cell(i, c).protection.locked is not open_cell, (i, c)
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert any(dv.formula1 == '"预计,初步,正式"' for dv in lists)
    assert any(dv.formula1 == '"完成,未完成"' for dv in lists)  # the two milestones
    decimals = [dv for dv in ws.data_validations.dataValidation if dv.type == "decimal"]
    assert len(decimals) == 14 + 2 * 4 and all(dv.allow_blank for dv in decimals)
    assert all("不要填0" in (dv.error or "") for dv in decimals)


def test_a_unit_without_indicators_is_told_which_units_there_are(xx: Database) -> None:
    with pytest.raises(UserError, match="区财政局"):
        TemplateService(xx).spec("xx-district", Q3, unit="区气象局")
    with pytest.raises(UserError, match="季度"):
        TemplateService(xx).spec("xx-district", Period(2024, 8))


def test_re_sorted_rows_and_a_deleted_role_row_still_read_right(
    xx: Database, tmp_path: Path
) -> None:
    maker = _load_maker()
    out = tmp_path / "t.xlsx"
    TemplateService(xx).write("xx-district", Q3, out)
    filled = tmp_path / "filled.xlsx"
    expected = maker.fill_template(out, filled)
    wb = load_workbook(filled)
    ws = wb["指标填报"]
    ws.protection.sheet = False
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=5, max_row=20)]
    for i, values in enumerate(reversed(data)):  # sorted the other way round
        for c, value in enumerate(values, start=1):
            ws.cell(5 + i, c).value = value
    ws.delete_rows(1)  # someone deleted the hidden first row
    wb.save(filled)
    preview = ImportService(xx).preview(filled)
    got = {(r.code, r.period.key if r.period else "", r.region): r.value for r in preview.rows}
    assert got == {(c, p, reg): v for c, p, reg, v in expected}
    assert {r.kind for r in preview.rows} == {ItemKind.NEW}
    assert {r.standing for r in preview.rows} == {Standing.FINAL, Standing.ESTIMATE}


def test_a_workbook_for_another_plan_is_refused(xx: Database, tmp_path: Path) -> None:
    PlanService(xx).install(plan_source("cangzhou"))
    out = tmp_path / "t.xlsx"
    TemplateService(xx).write("xx-district", Q3, out)
    with pytest.raises(UserError, match="xx-district"):
        ImportService(xx).preview(out, "cangzhou")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("fmt", ["xlsx:Calc MS Excel 2007 XML", "xls:MS Excel 97", "ods"])
def test_round_trip_through_libreoffice(xx: Database, tmp_path: Path, fmt: str) -> None:
    """Template → filled in by a script → re-saved by LibreOffice → exactly the values typed."""
    maker = _load_maker()
    out = tmp_path / "template.xlsx"
    TemplateService(xx).write("xx-district", Q3, out)
    filled = tmp_path / "filled.xlsx"
    expected = maker.fill_template(out, filled)
    with tempfile.TemporaryDirectory() as lo_dir:
        resaved = maker.soffice(filled, fmt, Path(lo_dir))
        service = ImportService(xx)
        preview = service.preview(resaved)
    got = {(r.code, r.period.key if r.period else "", r.region): r.value for r in preview.rows}
    assert got == {(c, p, reg): v for c, p, reg, v in expected}
    assert preview.template and not preview.questions and not preview.has_errors
    assert service.commit(preview).new == 16
    history = ObservationService(xx).history("xx-district", "03")
    assert history[-1].source.kind == "import" and history[-1].source.file == resaved.name
    assert history[-1].source.sheet == "指标填报" and history[-1].source.cell.startswith(
        tuple("ABCDEFGHIJKLM")
    )


def test_the_committed_round_trip_files_came_from_libreoffice() -> None:
    """The fixtures were re-saved by LibreOffice (not by openpyxl)."""
    assert b"LibreOffice" in (FIXTURES / "template-filled-lo.xlsx").read_bytes() or _app(
        FIXTURES / "template-filled-lo.xlsx"
    ).startswith("LibreOffice")


def _app(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        text = zf.read("docProps/app.xml").decode()
    start = text.find("<Application>") + len("<Application>")
    return text[start : text.find("</Application>")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_template(xx: Database, tmp_path: Path) -> None:
    out = tmp_path / "template.xlsx"
    TemplateService(xx).write("xx-district", Q3, out, unit="区财政局")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = (tmp_path / "template-指标填报.csv").read_text(encoding="utf-8")
    assert "财政科技投入" in text and "PM1|xx-district|03|" in text


def test_a_ratio_given_by_its_parts_comes_back_as_the_computed_ratio(
    xx: Database, tmp_path: Path
) -> None:
    """Issue 10 §9: two input columns named after the parts; the import computes the ratio."""
    out = tmp_path / "区财政局.xlsx"
    TemplateService(xx).write("xx-district", Q3, out, unit="区财政局")
    wb = load_workbook(out)
    ws = wb["指标填报"]
    r = roles(ws)
    rows = {ws.cell(i, r["code"]).value: i for i in range(5, 8)}
    assert ws.cell(4, r["numerator"]).value == "分子数值"
    assert ws.cell(4, r["denominator"]).value == "分母数值"
    names = ws.cell(rows["04"], r["numerator"] - 1).value
    assert names == "分子：地方财政科技支出（万元）\n分母：公共财政支出（万元）"
    assert ws.cell(rows["03"], r["numerator"]).protection.locked  # 03 is no ratio
    prompts = {dv.prompt for dv in ws.data_validations.dataValidation}
    assert "填写2023年全年的地方财政科技支出（万元）" in prompts
    ws.cell(rows["04"], r["numerator"]).value = 5200
    ws.cell(rows["04"], r["denominator"]).value = 260000
    ws.cell(rows["05"], r["numerator"]).value = 12000  # a part without the other
    ws.cell(rows["03"], r["value"]).value = 1500
    wb.save(out)
    service = ImportService(xx)
    preview = service.preview(out)
    by_code = {row.code: row for row in preview.rows}
    ratio = by_code["04"]
    assert ratio.kind is ItemKind.NEW and ratio.value == pytest.approx(2.0)
    assert (ratio.numerator, ratio.denominator) == (5200, 260000)
    assert by_code["05"].kind is ItemKind.ERROR
    assert "分子和分母应同时填写" in by_code["05"].message
    assert service.commit(preview).new == 2
    (h,) = ObservationService(xx).history("xx-district", "04")
    assert (h.value, h.numerator, h.denominator) == (pytest.approx(2.0), 5200, 260000)
    assert h.period == Period.annual(2023)
    again = service.preview(out)
    assert {row.code: row.kind for row in again.rows}["04"] is ItemKind.UNCHANGED


def test_a_rounded_ratio_beside_its_parts_is_kept_exact_and_re_imports_unchanged(
    xx: Database, tmp_path: Path
) -> None:
    out = tmp_path / "区财政局.xlsx"
    TemplateService(xx).write("xx-district", Q3, out, unit="区财政局")
    wb = load_workbook(out)
    ws = wb["指标填报"]
    r = roles(ws)
    row = next(i for i in range(5, 8) if ws.cell(i, r["code"]).value == "04")
    ws.cell(row, r["value"]).value = 1.93  # 5000 / 259000 × 100 = 1.9305…
    ws.cell(row, r["numerator"]).value = 5000
    ws.cell(row, r["denominator"]).value = 259000
    wb.save(out)
    service = ImportService(xx)
    preview = service.preview(out)
    (ratio,) = [p for p in preview.rows if p.code == "04"]
    assert ratio.value == pytest.approx(5000 / 259000 * 100, abs=1e-12)
    service.commit(preview)
    again = {p.code: p.kind for p in service.preview(out).rows}
    assert again["04"] is ItemKind.UNCHANGED
