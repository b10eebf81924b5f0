"""Reports of the five built-in plans with comments recorded (issue 10 §12—13, done-when).

Each comment (情况说明) appears in the table's 备注 of all three files and in 三、存在问题 of the
Word report; no document carries a region code, a login name or an on-screen hint; the Word file
has its 附件, 落款 and 成文日期. Everything is read back from the files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from report_data import pdftotext, squeeze
from seed_data import QUARTER, SEED_PLANS, USER, record_seed_plans

from planmonitor.domain.plan import ROOT_REGION
from planmonitor.exchange.reports.columns import columns
from planmonitor.services.progress import run_to_end
from planmonitor.services.report_export import ReportFiles, export_report
from planmonitor.store.database import Database, open_database

DATED = date(2024, 10, 15)
OPERATOR_TEXT = (ROOT_REGION, "root", USER, "请录入", "请在")


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory, qapp):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("seed-reports")
    db: Database = open_database(out / "seed.sqlite")
    try:
        record_seed_plans(db)
        written: dict[str, ReportFiles] = {}
        for plan in SEED_PLANS:
            targets = {fmt: out / f"{plan}.{fmt}" for fmt in ("xlsx", "pdf", "docx")}
            written[plan] = run_to_end(export_report(db, plan, QUARTER, None, targets, DATED))
        yield written
    finally:
        db.close()


def _docx_texts(path: Path) -> tuple[list[str], list[str], list[list[str]]]:
    """(body paragraphs, paragraphs of 三、存在问题, table rows) of a Word report."""
    doc = Document(str(path))
    paragraphs = [p.text for p in doc.paragraphs]
    start = paragraphs.index("三、存在问题")
    problems = paragraphs[start + 1 : paragraphs.index("四、下一步工作")]
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    return paragraphs, problems, rows


@pytest.mark.parametrize("plan", SEED_PLANS)
def test_each_comment_is_in_the_remarks_and_the_problems(seed_reports, plan) -> None:
    files = seed_reports[plan]
    model, paths = files.model, files.paths
    commented = [r for r in model.rows if r.comments]
    assert commented, "the seed data record comments on every plan"
    remark_col = [c.key for c in columns(model)].index("remark")
    _, problems, table = _docx_texts(paths["docx"])
    word_remarks = {r[1]: r[remark_col] for r in table if len(r) > remark_col}
    ws = load_workbook(paths["xlsx"]).active
    xlsx_remarks = {
        ws.cell(r, 2).value: ws.cell(r, remark_col + 1).value or ""
        for r in range(4, ws.max_row + 1)
    }
    pdf = squeeze(pdftotext(paths["pdf"]))
    problem_text = "".join(problems)
    for row in commented:
        for note in row.comments:
            assert note.text in word_remarks[row.name], (row.name, "docx 备注")
            assert note.text in xlsx_remarks[row.name], (row.name, "xlsx 备注")
            assert squeeze(note.text) in pdf, (row.name, "pdf 备注")
            assert note.text in problem_text, (row.name, "三、存在问题")


@pytest.mark.parametrize("plan", SEED_PLANS)
def test_no_operator_text_reaches_a_document(seed_reports, plan) -> None:
    paths = seed_reports[plan].paths
    paragraphs, _, table = _docx_texts(paths["docx"])
    ws = load_workbook(paths["xlsx"])
    cells = [str(c.value) for sheet in ws for line in sheet.iter_rows() for c in line if c.value]
    texts = {
        "docx": "\n".join(paragraphs + [c for r in table for c in r]),
        "xlsx": "\n".join(cells),
        "pdf": pdftotext(paths["pdf"]),
    }
    doc = Document(str(paths["docx"]))
    props = doc.core_properties
    texts["docx properties"] = f"{props.author} {props.last_modified_by} {props.title}"
    for where, text in texts.items():
        for word in OPERATOR_TEXT:
            assert word not in text, (where, word)
    grey = [r for r in seed_reports[plan].model.rows if r.status_word == "暂无法评价"]
    for row in grey:  # the reason stays, the instruction to the operator goes
        assert "请" not in row.remark


@pytest.mark.parametrize("plan", SEED_PLANS)
def test_the_word_report_has_its_annex_signature_and_date(seed_reports, plan) -> None:
    model = seed_reports[plan].model
    paragraphs, _, table = _docx_texts(seed_reports[plan].paths["docx"])
    annex = [p for p in paragraphs if p.startswith("附件：")]
    assert annex == [f"附件：《{model.plan_title}》主要指标2024年第三季度完成情况表"]
    after = [p for p in paragraphs[paragraphs.index(annex[0]) + 1 :] if p]
    issuer = model.issuer or "【待填写：发文机关署名】"  # a plan without an issuer: marked
    assert after[:3] == [issuer, "2024年10月15日", "附件"]
    assert table and table[0][:2] == ["序号", "指标"]
