"""The Word narrative, read back with python-docx."""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from report_data import CANGZHOU, CHENGDE, Q3_2024, TODAY

from planmonitor.exchange.reports.docx_writer import TODO_TEXT, write_report_docx
from planmonitor.services.report import build_report

HEADINGS = ["一、总体情况", "二、主要指标完成情况", "三、存在问题", "四、下一步工作"]


@pytest.fixture(scope="module")
def docs(report_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("docx")
    result = {}
    for plan in ("cangzhou", "chengde"):
        model = build_report(report_db, plan, Q3_2024, today=TODAY)
        path = out / f"{plan}.docx"
        write_report_docx(model, path)
        result[plan] = (model, Document(str(path)))
    return result


def _section(doc, heading):  # type: ignore[no-untyped-def]
    """The paragraphs between ``heading`` and the next level-1 heading."""
    out, inside = [], False
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == heading
            continue
        if inside:
            out.append(p)
    return out


@pytest.mark.parametrize("plan", ["cangzhou", "chengde"])
def test_the_four_parts_are_word_headings(docs, plan) -> None:
    model, doc = docs[plan]
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == HEADINGS
    assert doc.paragraphs[0].style.name == "报告标题"
    assert model.plan_title in doc.paragraphs[0].text
    assert "2024年第三季度" in doc.paragraphs[0].text


def test_overall_situation_counts_and_names_the_lagging(docs) -> None:
    model, doc = docs["cangzhou"]
    (para,) = [p for p in _section(doc, "一、总体情况") if p.text]
    assert para.text == model.summary
    assert "3项达到序时进度，3项略滞后，2项滞后，3项暂无法评价" in para.text
    assert "滞后的指标：全社会研发经费支出占GDP比重、高新技术企业数量。" in para.text


def test_one_paragraph_per_category_and_the_table(docs) -> None:
    model, doc = docs["chengde"]
    part = _section(doc, "二、主要指标完成情况")
    subheads = [p.text for p in part if p.style.name == "Heading 2"]
    assert subheads == ["（一）创新实力", "（二）创新主体", "（三）创新支撑", "（四）创新环境"]
    texts = [p.text for p in part if p.style.name == "Normal" and p.text]
    assert texts == [g.text for g in model.groups]
    assert "高新技术企业数量2024年第三季度为 258 家，序时目标 268.4 家" in texts[1]
    (table,) = doc.tables
    header = [c.text for c in table.rows[0].cells]
    assert header[:3] == ["序号", "指标", "单位"] and header[6] == "1—9月完成"
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["高新技术企业数量"][3:12] == [
        "221",
        "300",
        "284",
        "258",
        "90.8%",
        "268",
        "78.1%",
        "—",
        "■ 滞后",
    ]
    rd = rows["全社会研究与试验经费支出增长率"]
    assert rd[4] == "年均增长10%" and rd[6] == "28.00\n（2023年）" and rd[11] == "■ 滞后"
    assert "一、创新实力" in rows  # category rows span the table
    assert table.style.name == "Table Grid"


def test_the_table_sits_on_landscape_pages_with_a_repeated_header(docs) -> None:
    _, doc = docs["cangzhou"]
    orientations = [s.orientation for s in doc.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    header = doc.tables[0].rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None


def test_problems_name_each_red_indicator_with_its_comments(docs) -> None:
    _, doc = docs["cangzhou"]
    texts = [p.text for p in _section(doc, "三、存在问题") if p.text]
    assert texts[0].startswith("1. 全社会研发经费支出占GDP比重：2023年为 1.63%")
    assert texts[1] == f"情况说明（2023年，张科员）：{CANGZHOU[2][4]}。"
    assert texts[2].startswith("2. 高新技术企业数量：2024年第三季度为 1010 家")
    assert texts[3] == f"情况说明（2024年第三季度，张科员）：{CANGZHOU[6][4]}。"
    assert texts[4].startswith("另有3项指标略滞后于序时进度（万人口拥有发明专利")
    _, chengde = docs["chengde"]
    texts = [p.text for p in _section(chengde, "三、存在问题") if p.text]
    assert any(CHENGDE[2][4] in t for t in texts)
    assert "情况说明：责任单位尚未填报。" in texts  # 基础研究经费占比: red, no comment


def test_next_steps_are_left_for_the_office_and_marked(docs) -> None:
    _, doc = docs["cangzhou"]
    (todo,) = [p for p in _section(doc, "四、下一步工作") if p.text]
    assert todo.text == TODO_TEXT and todo.text.startswith("【待填写】")
    assert todo.runs[0].font.highlight_color == WD_COLOR_INDEX.YELLOW


def test_styles_an_office_can_restyle(docs) -> None:
    _, doc = docs["cangzhou"]
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would override it
    assert normal.font.size.pt == 16
    h1 = doc.styles["Heading 1"].element.rPr.rFonts
    assert h1.get(qn("w:eastAsia")) == "黑体"
    table_style = doc.styles["表格文字"]
    assert table_style.base_style.name == "Normal" and table_style.font.size.pt == 8
    body = [p for p in doc.paragraphs if p.style.name == "Normal" and p.text]
    assert body and all(not any(r.font.name for r in p.runs) for p in body)  # no direct fonts
