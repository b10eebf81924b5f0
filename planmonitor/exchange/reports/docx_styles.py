"""Styles and page set-up of the Word report, after GB/T 9704 (党政机关公文格式).

Everything is set through named styles so that an office can restyle the document: 报告标题
(the title, 2号 小标宋), 正文 (Normal: 3号 仿宋, 28 pt lines, two-character first-line indent),
标题 1 (一、… 黑体), 标题 2 (（一）… 楷体), 附件标识 (the "附件" mark, 黑体, flush left), 落款
(署名 and 成文日期, right-aligned) and 表格文字. The title font 方正小标宋简体 is not on every
computer: the document's font table names 宋体 as its substitute (w:altName), so Word, WPS and
LibreOffice fall back to 宋体 instead of a font of their own choosing.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

BODY_FONT = "仿宋"  # 仿宋_GB2312 where offices have it; 仿宋 ships with Windows and WPS
HEADING_FONTS = ("黑体", "楷体")
TITLE_FONT = "方正小标宋简体"
TITLE_FALLBACK = "宋体"
LATIN_FONT = "Times New Roman"
TABLE_STYLE = "表格文字"
TITLE_STYLE = "报告标题"
ANNEX_STYLE = "附件标识"
SIGNATURE_STYLE = "落款"
CHAR = 16  # one character of 3号 text, in points


def set_fonts(style: Any, east_asian: str, size: float, bold: bool = False) -> None:
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


def _exact(style: Any, points: float) -> None:
    pf = style.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(points)


def _paragraph_style(styles: Any, name: str, base: Any) -> Any:
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = base
    style.quick_style = True
    return style


def add_styles(doc: Any) -> None:
    """Set up the document's styles (see the module docstring)."""
    styles = doc.styles
    normal = styles["Normal"]
    set_fonts(normal, BODY_FONT, 16)
    _exact(normal, 28)
    pf = normal.paragraph_format
    pf.first_line_indent = Pt(2 * CHAR)
    pf.space_before = pf.space_after = Pt(0)
    for level, font in enumerate(HEADING_FONTS, start=1):
        heading = styles[f"Heading {level}"]
        set_fonts(heading, font, 16)
        heading.paragraph_format.first_line_indent = Pt(2 * CHAR)
        heading.paragraph_format.space_before = Pt(0)
        heading.paragraph_format.space_after = Pt(0)
        heading.paragraph_format.keep_with_next = True
        _exact(heading, 28)
    title = _paragraph_style(styles, TITLE_STYLE, normal)
    set_fonts(title, TITLE_FONT, 22)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    _exact(title, 36)
    title.paragraph_format.space_after = Pt(28)
    annex = _paragraph_style(styles, ANNEX_STYLE, normal)
    set_fonts(annex, HEADING_FONTS[0], 16)
    annex.paragraph_format.first_line_indent = Pt(0)
    annex.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    signature = _paragraph_style(styles, SIGNATURE_STYLE, normal)
    signature.paragraph_format.first_line_indent = Pt(0)
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signature.paragraph_format.right_indent = Pt(4 * CHAR)  # 成文日期 右空四字
    table = _paragraph_style(styles, TABLE_STYLE, normal)
    set_fonts(table, BODY_FONT, 8)
    table.paragraph_format.first_line_indent = Pt(0)
    table.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    table.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    name_fallback_font(doc, TITLE_FONT, TITLE_FALLBACK)


def name_fallback_font(doc: Any, font: str, fallback: str) -> None:
    """Declare ``font`` in the font table with ``fallback`` as its substitute (w:altName)."""
    part = next(
        p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"
    )
    fonts = parse_xml(part.blob)
    entry = parse_xml(
        f'<w:font {nsdecls("w")} w:name="{font}"><w:altName w:val="{fallback}"/>'
        '<w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>'
    )
    fonts.append(entry)
    # python-docx keeps the font table as a plain part: its bytes are replaced as a whole
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def portrait(section: Any) -> None:
    """A4 portrait with the margins of official documents (GB/T 9704: 版心 156 × 225 mm)."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def landscape(section: Any) -> None:
    """A4 landscape for the attached table."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(18)
    section.left_margin = section.right_margin = Mm(15)


def page_footer(section: Any, style: Any) -> None:
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
