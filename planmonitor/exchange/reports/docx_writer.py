"""The report as a Word document (python-docx) after GB/T 9704, numbers filled in.

The body: the title (报告标题, 小标宋), 一、总体情况 (counts per status, the lagging indicators
named), 二、主要指标完成情况 with a （一）（二）… sub-section per category (per status where the
plan has no categories), 三、存在问题 (each lagging indicator with the comments recorded for it),
四、下一步工作 (left for the office to write, clearly marked), then the 附件说明 line
("附件：…完成情况表"), 落款 (the issuing office) and 成文日期. The 指标完成情况表 follows as the
附件 on landscape pages. Styles: :mod:`planmonitor.exchange.reports.docx_styles`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell

from planmonitor.domain.formatting import Light
from planmonitor.domain.report import ReportModel, ReportRow
from planmonitor.domain.report_text import (
    cn_numeral,
    comment_sentence,
    light_sections,
    problem_text,
)
from planmonitor.domain.text import clean_strings
from planmonitor.exchange.reports.columns import (
    STATUS_FILLS,
    cell_text,
    columns,
    group_heading,
    notes,
)
from planmonitor.exchange.reports.docx_round import (
    check_appendix,
    round_summary,
    task_problems,
    task_section,
)
from planmonitor.exchange.reports.docx_styles import (
    ANNEX_STYLE,
    CHAR,
    SIGNATURE_STYLE,
    TABLE_STYLE,
    TITLE_STYLE,
    add_styles,
    landscape,
    page_footer,
    portrait,
)

TODO_TEXT = (
    "【待填写】请结合上述存在问题，写明下一步工作的思路和具体措施、责任单位和完成时限"
    "（本部分由科技局填写，定稿前删除本提示）。"
)
ISSUER_TODO = "【待填写：发文机关署名】"


def report_heading(model: ReportModel) -> str:
    """The title: 《…规划》2024年第三季度实施进展情况报告 (with the sub-region, if one)."""
    where = "" if model.region_is_plan else model.region
    return f"《{model.plan_title}》\n{where}{model.quarter_label}实施进展情况报告"


def annex_title(model: ReportModel) -> str:
    """The attachment's name: 《…》主要指标2024年第三季度完成情况表."""
    where = "" if model.region_is_plan else model.region
    return f"《{model.plan_title}》{where}主要指标{model.quarter_label}完成情况表"


def date_text(model: ReportModel) -> str:
    """成文日期 in Arabic numerals, as GB/T 9704 writes it: 2024年10月12日."""
    d = model.generated
    return f"{d.year}年{d.month}月{d.day}日"


def write_report_docx(model: ReportModel, path: Path) -> None:
    """Write the Word report of ``model`` to ``path``."""
    model = clean_strings(model)  # text stored before control characters were cleaned
    doc = Document()
    add_styles(doc)
    section = doc.sections[0]
    portrait(section)
    page_footer(section, doc.styles[TABLE_STYLE])
    props = doc.core_properties
    props.title = report_heading(model).replace("\n", "")
    props.author = props.last_modified_by = model.issuer
    props.comments = props.keywords = props.subject = ""
    doc.add_paragraph(report_heading(model), TITLE_STYLE)
    doc.add_heading("一、总体情况", level=1)
    doc.add_paragraph(model.summary)
    round_summary(doc, model)
    doc.add_heading("二、主要指标完成情况", level=1)
    sections = _indicators(doc, model)
    task_section(doc, model, sections + 1)
    doc.add_heading("三、存在问题", level=1)
    _problems(doc, model)
    task_problems(doc, model)
    doc.add_heading("四、下一步工作", level=1)
    todo = doc.add_paragraph()
    run = todo.add_run(TODO_TEXT)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    _closing(doc, model)
    table_section = doc.add_section(WD_SECTION.NEW_PAGE)
    landscape(table_section)
    doc.add_paragraph("附件", ANNEX_STYLE)
    _table(doc, model)
    check_appendix(doc, model)
    doc.save(str(path))


def _indicators(doc: Any, model: ReportModel) -> int:
    """二、: one sub-section per category (per status where the plan has none); how many."""
    doc.add_paragraph(f"各项指标{model.quarter_label}完成情况详见附件。")
    if model.has_categories:
        sections = [(g.name, g.text) for g in model.groups]
    else:
        sections = light_sections(model.rows)
    for index, (name, text) in enumerate(sections, start=1):
        doc.add_heading(f"（{cn_numeral(index)}）{name}", level=2)
        doc.add_paragraph(text)
    return len(sections)


def _closing(doc: Any, model: ReportModel) -> None:
    """附件说明, 落款 and 成文日期 (GB/T 9704 7.3.4—7.3.5)."""
    doc.add_paragraph()
    annex = doc.add_paragraph(f"附件：{annex_title(model)}")
    annex.paragraph_format.left_indent = Pt(5 * CHAR)  # a second line aligns after "附件："
    annex.paragraph_format.first_line_indent = Pt(-3 * CHAR)
    doc.add_paragraph()
    doc.add_paragraph()
    signature = doc.add_paragraph(style=SIGNATURE_STYLE)
    signature.paragraph_format.right_indent = Pt(2 * CHAR)  # 署名 右空二字, 日期 右空四字
    if model.issuer:
        signature.add_run(model.issuer)
    else:
        signature.add_run(ISSUER_TODO).font.highlight_color = WD_COLOR_INDEX.YELLOW
    doc.add_paragraph(date_text(model), SIGNATURE_STYLE)


# -- table ----------------------------------------------------------------------------------------


def _shade(cell: Any, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _cell_margins(table: Any, twips: int) -> None:
    """Narrow left/right cell margins (w:tblCellMar), so that narrow columns keep their text."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(twips))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    table._tbl.tblPr.append(margins)


def _repeat_header(row: Any) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _table(doc: Any, model: ReportModel) -> None:
    cols = columns(model)
    style_id = doc.styles[TABLE_STYLE].style_id
    heading = doc.add_paragraph(annex_title(model), TITLE_STYLE)
    heading.runs[0].font.size = Pt(16)
    heading.paragraph_format.space_after = Pt(6)
    line = doc.add_paragraph(f"地区：{model.region}　报告期：{model.quarter_label}", TABLE_STYLE)
    line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table, 40)
    total = sum(c.pdf_mm for c in cols)
    widths = [Mm(c.pdf_mm / total * 267) for c in cols]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid (w:gridCol) that LibreOffice and WPS lay out by
    header = table.rows[0]
    _repeat_header(header)
    for cell, col, width in zip(header.cells, cols, widths, strict=True):
        _text(cell, col.header, style_id, bold=True)
        _shade(cell, "D9D9D9")
        cell.width = width
    for index, group in enumerate(model.groups, start=1):
        if model.has_categories:
            cells = _row_cells(table)
            merged = cells[0].merge(cells[-1])
            _text(merged, group_heading(index, group.name), style_id, bold=True, left=True)
            _shade(merged, "F2F2F2")
        for row in group.rows:
            _data_row(_row_cells(table), row, model, cols, widths, style_id)
    doc.add_paragraph(
        "说明：" + "".join(f"{i}. {t}" for i, t in enumerate(notes(model), 1)), TABLE_STYLE
    ).alignment = WD_ALIGN_PARAGRAPH.LEFT


def _row_cells(table: Any) -> list[Any]:
    """The cells of a new row that never breaks across pages.

    (``row.cells`` walks the whole table: quadratic in the table's length.)
    """
    row = table.add_row()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(cant_split)
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def _text(cell: Any, text: str, style_id: str, bold: bool = False, left: bool = False) -> Any:
    """Fill a cell's paragraph; the style is set by id (by name, python-docx scans every style)."""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    para = cell.paragraphs[0]
    para._p.get_or_add_pPr().style = style_id
    if left:
        para.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = para.add_run(text)
    run.bold = bold
    return run


def _data_row(
    cells: Any,
    row: ReportRow,
    model: ReportModel,
    cols: list[Any],
    widths: list[Any],
    style_id: str,
) -> None:
    for cell, col, width in zip(cells, cols, widths, strict=True):
        cell.width = width
        text = cell_text(col.key, row, model)
        run = _text(cell, text, style_id, left=col.align == "left")
        if col.align == "right" and text != "—":
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if col.key == "status":
            fill, colour = STATUS_FILLS[row.light]
            _shade(cell, fill)
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(colour)


# -- problems -------------------------------------------------------------------------------------


def _problems(doc: Any, model: ReportModel) -> None:
    """三、: red and not-met indicators, then the slightly lagging ones with comments; then the
    indicators that cannot be judged, and those on schedule whose units reported something to
    watch — each with the comments recorded for it (情况说明)."""
    problems = model.problems
    yellow = [r for r in model.rows if r.light is Light.YELLOW]
    explained = [r for r in yellow if r.comments]
    grey = [r for r in model.rows if r.light is Light.GREY and r.comments]
    watch = [r for r in model.rows if r.light in (Light.GREEN, Light.MET) and r.comments]
    if not problems and not yellow:
        doc.add_paragraph(f"截至{model.quarter_label}，没有滞后的指标。")
    for i, row in enumerate([*problems, *explained], start=1):
        para = doc.add_paragraph()
        para.add_run(f"{i}. ").bold = True
        para.add_run(problem_text(row))
        if row.trend_text:
            para.add_run(f"{row.trend_text}。")
        _comments(doc, row, required=row in problems)
    others = [r for r in yellow if not r.comments]
    if others:
        names = "、".join(r.name for r in others)
        more = "另有" if problems or explained else ""
        doc.add_paragraph(f"{more}{len(others)}项指标略滞后于序时进度（{names}），需加快推进。")
    for rows, lead in (
        (grey, "暂无法评价序时进度"),
        (watch, "达到序时进度，但责任单位报告了需关注的情况"),
    ):
        if rows:
            names = "、".join(r.name for r in rows)
            doc.add_paragraph(f"以下{len(rows)}项指标{lead}（{names}）：")
        for row in rows:
            doc.add_paragraph(problem_text(row))
            _comments(doc, row, required=False)


def _comments(doc: Any, row: ReportRow, required: bool) -> None:
    """情况说明 lines of one indicator (who wrote them stays in the program, not the report)."""
    if not row.comments:
        if required:
            doc.add_paragraph("情况说明：责任单位尚未填报。")
        return
    for note in row.comments:
        doc.add_paragraph(f"情况说明（{note.period.label_zh()}）：{comment_sentence(note.text)}")
