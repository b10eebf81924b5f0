"""What the program writes stays what it is (issue 15, defects 4 and 5): text that looks like a
formula is stored as text in every workbook we write, and a control character — typed, in a
plan file or in an imported cell — is cleaned where it enters, while every writer copes with one
already stored."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import update
from test_bad_files import SHEET_HEAD, SHEET_TAIL, minimal_xlsx

from planmonitor.cli import main
from planmonitor.services.importing import ImportService
from planmonitor.services.observations import ObservationService
from planmonitor.store.database import open_database
from planmonitor.store.models import ObservationRow

REPO = Path(__file__).resolve().parents[2]
HYPERLINK = '=HYPERLINK("http://evil.example/x","点击查看")'
DDE = "=cmd|' /C calc'!A0"


def hostile_plan(tmp_path: Path) -> Path:
    """The cangzhou plan with formula text as title, indicator name, unit and responsible unit."""
    text = (REPO / "resources/plans/001-cangzhou.toml").read_text(encoding="utf-8")
    text = text.replace('id = "cangzhou"', 'id = "evil"', 1)
    text = text.replace('title = "沧州市科技创新“十四五”规划"', f"title = '''{DDE}'''", 1)
    text = text.replace('name = "全社会研发经费支出占GDP比重"', f"name = '{HYPERLINK}'", 1)
    text = text.replace(
        'name = "万人口拥有发明专利"\nunit = "件"', 'name = "+专利"\nunit = "@件"', 1
    )
    text = text.replace('source = "统计局"', 'source = "统计局"\nresponsible = "-财政局"', 1)
    path = tmp_path / "evil.toml"
    path.write_text(text, encoding="utf-8")
    return path


def formulas_in(path: Path) -> list[str]:
    """Every formula element in every sheet (and hidden block) of an .xlsx."""
    found = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                found += re.findall(rb"<(?:\w+:)?f\b[^>]*>[^<]*", zf.read(name))
    return [f.decode() for f in found]


@pytest.fixture
def evil_db(tmp_path: Path) -> str:
    db = str(tmp_path / "evil.sqlite")
    assert main(["--db", db, "init", "--plan", str(hostile_plan(tmp_path))]) == 0
    assert main(["--db", db, "record", "--plan", "evil", "02", "2024Q3", "3.1"]) == 0
    return db


def test_the_plan_file_keeps_formula_text_as_text(evil_db: str) -> None:
    from planmonitor.services.plans import PlanService

    database = open_database(evil_db)
    try:
        plan = PlanService(database).get("evil")
    finally:
        database.close()
    assert plan.title == DDE
    assert plan.indicator("01").name == HYPERLINK
    assert plan.indicator("02").unit == "@件"


def test_the_fill_in_workbook_holds_no_formula(evil_db: str, tmp_path: Path) -> None:
    out = tmp_path / "填报表.xlsx"
    assert main(["--db", evil_db, "template", "--plan", "evil", "--quarter", "2024Q3",
                 "--out", str(out)]) == 0  # fmt: skip
    assert formulas_in(out) == []
    wb = load_workbook(out)
    texts = {c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    for shown in (DDE, HYPERLINK, "+专利", "@件"):
        assert shown in texts, shown
        assert texts[shown].data_type == "s" and texts[shown].quotePrefix, shown
    assert any(isinstance(v, str) and v.startswith("-财政局") for v in texts)
    # and it still reads back as our own workbook
    database = open_database(evil_db)
    try:
        preview = ImportService(database).preview(out, "evil")
    finally:
        database.close()
    assert preview.template


def test_the_report_workbook_holds_no_formula(evil_db: str, tmp_path: Path) -> None:
    out = tmp_path / "报告.xlsx"
    assert main(["--db", evil_db, "report", "--plan", "evil", "--quarter", "2024Q3",
                 "--format", "xlsx", "--out", str(out)]) == 0  # fmt: skip
    assert formulas_in(out) == []
    ws = load_workbook(out).worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if c.value == HYPERLINK]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
    names = [c for row in ws.iter_rows() for c in row if c.value == "+专利"]
    assert names and all(c.data_type == "s" and c.quotePrefix for c in names)


def test_a_vertical_tab_in_a_note_is_a_new_line_and_export_works(
    evil_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = "第一行\x0b第二行\x07"
    assert main(["--db", evil_db, "record", "--plan", "evil", "05", "2024Q3", "990",
                 "--note", note]) == 0  # fmt: skip
    assert "已清除2个控制字符" in capsys.readouterr().err
    database = open_database(evil_db)
    try:
        [current] = [
            o for o in ObservationService(database).history("evil", "05") if o.superseded_at is None
        ]
    finally:
        database.close()
    assert current.comment == "第一行\n第二行"
    out = tmp_path / "导出.xlsx"
    assert main(["--db", evil_db, "export", "--plan", "evil", "--out", str(out)]) == 0
    assert "第一行\n第二行" in [c.value for c in load_workbook(out)["数值"]["K"]]


def test_every_writer_copes_with_control_characters_already_stored(
    evil_db: str, tmp_path: Path
) -> None:
    """Text stored before the rule (here written straight into the database) is cleaned by
    the writers: the export, the fill-in workbook and the three report formats all succeed."""
    database = open_database(evil_db)
    try:
        with database.session.begin() as s:
            s.execute(update(ObservationRow).values(comment="旧说明\x0b含控制符\x1b"))
    finally:
        database.close()
    assert main(["--db", evil_db, "export", "--plan", "evil", "--out",
                 str(tmp_path / "e.xlsx")]) == 0  # fmt: skip
    assert main(["--db", evil_db, "template", "--plan", "evil", "--quarter", "2024Q4",
                 "--out", str(tmp_path / "t.xlsx")]) == 0  # fmt: skip
    for fmt in ("xlsx", "docx", "pdf"):
        out = tmp_path / f"r.{fmt}"
        assert main(["--db", evil_db, "report", "--plan", "evil", "--quarter", "2024Q3",
                     "--format", fmt, "--out", str(out)]) == 0, fmt  # fmt: skip
        assert out.stat().st_size > 1000
    values = [c.value for c in load_workbook(tmp_path / "e.xlsx")["数值"]["K"]]
    assert "旧说明\n含控制符" in values
    text = "\n".join(p.text for p in Document(str(tmp_path / "r.docx")).paragraphs)
    assert "\x0b" not in text and "\x1b" not in text


def test_an_imported_comment_cell_with_a_vertical_tab(evil_db: str, tmp_path: Path) -> None:
    """Excel writes a vertical tab as _x000B_; the preview says it was cleaned."""

    def inline(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    rows = (
        '<row r="1">' + inline("A1", "指标名称") + inline("B1", "2024年1-9月")
        + inline("C1", "情况说明") + '</row><row r="2">' + inline("A2", "高新技术企业数量")
        + '<c r="B2"><v>990</v></c>' + inline("C2", "上半年_x000B_新认定") + "</row>"
    ).encode()  # fmt: skip
    path = tmp_path / "说明.xlsx"
    path.write_bytes(minimal_xlsx(SHEET_HEAD + rows + SHEET_TAIL))
    database = open_database(evil_db)
    try:
        preview = ImportService(database).preview(path, "evil")
        [row] = preview.to_write()
        assert row.comment == "上半年\n新认定"
        assert any("已清除1个控制字符" in m.message and m.cell == "B2" for m in preview.messages)
    finally:
        database.close()
