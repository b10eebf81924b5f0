"""The Word report (GB/T 9704), read back with python-docx."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
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
        model = build_report(report_db, plan, Q3_2024, report_date=TODAY)
        path = out / f"{plan}.docx"
        write_report_docx(model, path)
        result[plan] = (model, Document(str(path)), path)
    return result


def _section(doc, heading):  # type: ignore[no-untyped-def]
    """The paragraphs between ``heading`` and the next level-1 heading (or the 附件 line)."""
    out, inside = [], False
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == heading
            continue
        if p.text.startswith("附件："):
            break
        if inside:
            out.append(p)
    return out


@pytest.mark.parametrize("plan", ["cangzhou", "chengde"])
def test_the_four_parts_are_word_headings_under_a_small_seal_title(docs, plan) -> None:
    model, doc, _ = docs[plan]
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == HEADINGS
    title = doc.paragraphs[0]
    assert title.style.name == "报告标题"
    assert title.text == f"《{model.plan_title}》\n2024年第三季度实施进展情况报告"
    fonts = title.style.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert title.style.font.size.pt == 22  # 2号


def test_the_title_font_names_its_fallback_in_the_font_table(docs) -> None:
    _, _, path = docs["cangzhou"]
    with zipfile.ZipFile(path) as z:
        table = z.read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in table


def test_overall_situation_counts_and_names_the_lagging(docs) -> None:
    model, doc, _ = docs["cangzhou"]
    para, reporting = [p for p in _section(doc, "一、总体情况") if p.text]
    assert para.text == model.summary
    assert reporting.text.startswith("本季度应报送指标数据和任务进展")  # the round's summary
    assert "3项达到序时进度，3项略滞后，2项滞后，3项暂无法评价" in para.text
    assert "滞后的指标：全社会研发经费支出占GDP比重、高新技术企业数量。" in para.text


def test_a_sub_section_per_category_and_the_table_in_the_annex(docs) -> None:
    model, doc, _ = docs["chengde"]
    part = _section(doc, "二、主要指标完成情况")
    subheads = [p.text for p in part if p.style.name == "Heading 2"]
    assert subheads == ["（一）创新实力", "（二）创新主体", "（三）创新支撑", "（四）创新环境"]
    texts = [p.text for p in part if p.style.name == "Normal" and p.text]
    assert texts[0] == "各项指标2024年第三季度完成情况详见附件。"
    assert texts[1:] == [g.text for g in model.groups]
    (table,) = doc.tables
    header = [c.text for c in table.rows[0].cells]
    assert header[:3] == ["序号", "指标", "单位"] and header[6:9] == [
        "统计期",
        "完成值",
        "序时目标",
    ]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:]}
    hte = dict(zip(header, rows["高新技术企业数量"], strict=True))
    assert [hte[h] for h in ("基数\n（2020年）", "规划目标\n（2025年）", "本年目标")] == [
        "221",
        "300",
        "284",
    ]
    assert (hte["统计期"], hte["完成值"], hte["序时目标"]) == ("9月末", "258", "268")
    assert (hte["完成率"], hte["序时进度"], hte["完成序时\n进度"]) == ("90.8%", "0.0%", "78.1%")
    assert hte["状态"] == "■ 滞后" and CHENGDE[7][4] in hte["备注"]
    rd = dict(zip(header, rows["全社会研究与试验经费支出增长率"], strict=True))
    assert rd["规划目标\n（2025年）"] == "年均增长10%"
    assert (rd["统计期"], rd["完成值"], rd["状态"]) == ("2023年", "28.00", "■ 滞后")
    assert "一、创新实力" in rows  # category rows span the table
    assert table.style.name == "Table Grid"


def test_a_plan_without_categories_has_sub_sections_per_status(docs) -> None:
    _, doc, _ = docs["cangzhou"]
    part = _section(doc, "二、主要指标完成情况")
    subheads = [p.text for p in part if p.style.name == "Heading 2"]
    assert subheads == [
        "（一）达到序时进度的指标",
        "（二）略滞后的指标",
        "（三）滞后的指标",
        "（四）暂无法评价的指标",
    ]


def test_annex_line_signature_and_date_close_the_body(docs) -> None:
    model, doc, _ = docs["cangzhou"]
    texts = [p.text for p in doc.paragraphs]
    annex = texts.index("附件：《沧州市科技创新“十四五”规划》主要指标2024年第三季度完成情况表")
    assert texts.index("四、下一步工作") < annex
    after = [p for p in doc.paragraphs[annex + 1 :] if p.text]
    signature, dated = after[0], after[1]
    assert signature.text == "沧州市人民政府办公室" == model.issuer  # 落款: the plan's issuer
    assert dated.text == "2024年10月12日"  # 成文日期: the date chosen when exporting
    for p in (signature, dated):
        assert p.style.name == "落款"
        assert p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert after[2].text == "附件" and after[2].style.name == "附件标识"
    assert after[3].text == "《沧州市科技创新“十四五”规划》主要指标2024年第三季度完成情况表"
    body = doc.element.body
    table = body.index(doc.tables[0]._tbl)
    assert body.index(dated._p) < body.index(after[2]._p) < table  # the table is the 附件


def test_the_annex_sits_on_landscape_pages_with_a_repeated_header(docs) -> None:
    _, doc, _ = docs["cangzhou"]
    orientations = [s.orientation for s in doc.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    header = doc.tables[0].rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None


def test_problems_name_each_lagging_indicator_with_its_comments(docs) -> None:
    _, doc, _ = docs["cangzhou"]
    texts = [p.text for p in _section(doc, "三、存在问题") if p.text]
    assert texts[0].startswith("1. 全社会研发经费支出占GDP比重：2023年为1.63%")
    assert texts[1] == f"情况说明（2023年）：{CANGZHOU[2][4]}。"  # no login name
    assert texts[2].startswith("2. 高新技术企业数量：截至2024年9月末达1010家")
    assert texts[3] == f"情况说明（2024年第三季度）：{CANGZHOU[6][4]}。"
    assert texts[4].startswith("另有3项指标略滞后于序时进度（万人口拥有发明专利")
    _, chengde, _ = docs["chengde"]
    texts = [p.text for p in _section(chengde, "三、存在问题") if p.text]
    assert any(CHENGDE[2][4] in t for t in texts)
    assert "情况说明：责任单位尚未填报。" in texts  # 基础研究经费占比: red, no comment


def test_next_steps_are_left_for_the_office_and_marked(docs) -> None:
    _, doc, _ = docs["cangzhou"]
    (todo,) = [p for p in _section(doc, "四、下一步工作") if p.text]
    assert todo.text == TODO_TEXT and todo.text.startswith("【待填写】")
    assert todo.runs[0].font.highlight_color == WD_COLOR_INDEX.YELLOW


def test_styles_an_office_can_restyle(docs) -> None:
    _, doc, _ = docs["cangzhou"]
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would override it
    assert normal.font.size.pt == 16
    h1 = doc.styles["Heading 1"].element.rPr.rFonts
    assert h1.get(qn("w:eastAsia")) == "黑体"
    h2 = doc.styles["Heading 2"].element.rPr.rFonts
    assert h2.get(qn("w:eastAsia")) == "楷体"
    table_style = doc.styles["表格文字"]
    assert table_style.base_style.name == "Normal" and table_style.font.size.pt == 8
    body = [p for p in doc.paragraphs if p.style.name == "Normal" and p.text]
    assert body and all(not any(r.font.name for r in p.runs) for p in body)  # no direct fonts
