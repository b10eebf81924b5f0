"""The report's narrative skeleton as a Word document (python-docx), numbers filled in.

一、总体情况 (counts per status, the lagging indicators named), 二、主要指标完成情况 (a paragraph
per category and the 指标完成情况表 as a real Word table on landscape pages), 三、存在问题 (each red
indicator with its explanation and the comments recorded for it), 四、下一步工作 (left for the
office to write, clearly marked). Everything is set through styles — 标题 1/2 (Heading 1/2),
正文 (Normal, 仿宋 as the East Asian font), 报告标题, 表格文字 — so an office can restyle it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell

from planmonitor.domain.formatting import Light
from planmonitor.domain.report import ReportModel, ReportRow
from planmonitor.domain.report_text import cn_numeral, problem_text
from planmonitor.exchange.reports.columns import (
    STATUS_FILLS,
    cell_text,
    columns,
    group_heading,
    notes,
)

BODY_FONT = "仿宋"  # 仿宋_GB2312 where offices have it; 仿宋 ships with Windows and WPS
HEADING_FONTS = ("黑体", "楷体")
TITLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
TABLE_STYLE = "表格文字"
TITLE_STYLE = "报告标题"
TODO_TEXT = (
    "【待填写】请结合上述存在问题，写明下一步工作的思路和具体措施、责任单位和完成时限"
    "（本部分由科技局填写，定稿前删除本提示）。"
)


def write_report_docx(model: ReportModel, path: Path) -> None:
    """Write the Word narrative of ``model`` to ``path``."""
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    _portrait(section)
    _footer(section, doc.styles[TABLE_STYLE])
    doc.core_properties.title = f"{model.title}报告"
    doc.core_properties.author = "PlanMonitor 规划监测"
    doc.add_paragraph(f"《{model.plan_title}》\n{model.quarter_label}实施进展情况报告", TITLE_STYLE)
    sub = doc.add_paragraph(f"（{model.region}　报告期：{model.quarter_label}）", TABLE_STYLE)
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading("一、总体情况", level=1)
    doc.add_paragraph(model.summary)
    doc.add_heading("二、主要指标完成情况", level=1)
    for index, group in enumerate(model.groups, start=1):
        if model.has_categories:
            doc.add_heading(f"（{cn_numeral(index)}）{group.name}", level=2)
        doc.add_paragraph(group.text)
    table_section = doc.add_section(WD_SECTION.NEW_PAGE)
    _landscape(table_section)
    _table(doc, model)
    _portrait(doc.add_section(WD_SECTION.NEW_PAGE))
    doc.add_heading("三、存在问题", level=1)
    _problems(doc, model)
    doc.add_heading("四、下一步工作", level=1)
    todo = doc.add_paragraph()
    run = todo.add_run(TODO_TEXT)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    doc.add_paragraph()
    doc.save(str(path))


# -- styles ---------------------------------------------------------------------------------------


def _fonts(style: Any, east_asian: str, size: float, bold: bool = False) -> None:
    """Set a style's Latin and East Asian fonts (w:rFonts w:eastAsia), size and weight."""
    font = style.font
    font.name = LATIN_FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)  # a theme font would win over the names set here
    rfonts.set(qn("w:eastAsia"), east_asian)


def _styles(doc: Any) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _fonts(normal, BODY_FONT, 16)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(28)
    pf.first_line_indent = Pt(32)
    pf.space_before = pf.space_after = Pt(0)
    for level, font in enumerate(HEADING_FONTS, start=1):
        heading = styles[f"Heading {level}"]
        _fonts(heading, font, 16, bold=level == 1)
        heading.paragraph_format.first_line_indent = Pt(32)
        heading.paragraph_format.space_before = Pt(6 if level == 1 else 0)
        heading.paragraph_format.space_after = Pt(0)
        heading.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        heading.paragraph_format.line_spacing = Pt(28)
    title = styles.add_style(TITLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = normal
    title.quick_style = True
    _fonts(title, TITLE_FONT, 22, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(6)
    table = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table.base_style = normal
    table.quick_style = True
    _fonts(table, BODY_FONT, 8)
    table.paragraph_format.first_line_indent = Pt(0)
    table.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    table.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _portrait(section: Any) -> None:
    """A4 portrait with the margins of official documents (GB/T 9704)."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _landscape(section: Any) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(18)
    section.left_margin = section.right_margin = Mm(15)


def _footer(section: Any, style: Any) -> None:
    """ "— 1 —" page numbers, centred."""
    para = section.footer.paragraphs[0]
    para.style = style
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    para._p.append(field)
    para.add_run(" —")


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
    heading = doc.add_paragraph(f"附表　{model.title}", TABLE_STYLE)
    heading.runs[0].font.size = Pt(14)
    heading.runs[0].font.bold = True
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
    problems = model.problems
    if not problems:
        doc.add_paragraph(f"截至{model.quarter_label}，没有滞后的指标。")
    for i, row in enumerate(problems, start=1):
        para = doc.add_paragraph()
        para.add_run(f"{i}. ").bold = True
        para.add_run(problem_text(row))
        if row.remark:
            para.add_run(f"{row.remark}。")
        if row.comments:
            for note in row.comments:
                who = f"，{note.recorded_by}" if note.recorded_by else ""
                text = note.text if note.text[-1] in "。！？；.!?" else f"{note.text}。"
                doc.add_paragraph(f"情况说明（{note.period.label_zh()}{who}）：{text}")
        else:
            doc.add_paragraph("情况说明：责任单位尚未填报。")
    yellow = [r for r in model.rows if r.light is Light.YELLOW]
    if yellow:
        names = "、".join(r.name for r in yellow)
        doc.add_paragraph(f"另有{len(yellow)}项指标略滞后于序时进度（{names}），需加快推进。")
