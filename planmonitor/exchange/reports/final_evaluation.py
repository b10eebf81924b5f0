"""The 总结评估 report as an Excel workbook and a Word document, laid out from a
:class:`planmonitor.domain.final_evaluation.FinalEvaluation`; text is never written as a formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planmonitor.domain.final_evaluation import FinalEvaluation, FinalRow
from planmonitor.domain.formatting import fmt_num

HEADERS = ("序号", "指标", "单位", "基数", "规划目标", "目标年完成值", "数据性质", "完成情况",
           "完成程度", "说明")  # fmt: skip
OUTCOME_FILLS = {"完成": "C6EFCE", "未完成": "FFC7CE", "暂无数据": "EDEDED"}
OUTCOME_SYMBOLS = {"完成": "✔ 完成", "未完成": "✘ 未完成", "暂无数据": "○ 暂无数据"}


def _title(ev: FinalEvaluation) -> str:
    return f"《{ev.plan_title}》总结评估（{ev.baseline_year + 1}—{ev.target_year}年）"


def _cells(i: int, r: FinalRow) -> list[tuple[Any, str | None]]:
    fmt = "0" if r.decimals <= 0 else "0." + "0" * r.decimals
    value_text = "" if r.value is None else f"{fmt_num(r.value, r.decimals)}（{r.period}）"
    return [
        (i, None),
        (r.name, None),
        (r.unit, None),
        (r.baseline, fmt),
        (r.target_text or fmt_num(r.target, r.decimals), None),
        (r.value, fmt) if r.value is not None else ("—", None),
        (r.standing or "—", None),
        (OUTCOME_SYMBOLS[r.outcome], None),
        (r.progress, "0.0%") if r.progress is not None else ("—", None),
        (r.explanation or value_text, None),
    ]


def write_final_xlsx(ev: FinalEvaluation, path: Path) -> None:
    """The evaluation table: title, summary, header, one row per indicator."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "总结评估"
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def put(row: int, col: int, value: Any, fmt: str | None = None) -> Any:
        cell = ws.cell(row=row, column=col)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with
        if fmt:
            cell.number_format = fmt
        cell.font = Font(name="宋体", size=10)
        return cell

    put(1, 1, _title(ev)).font = Font(name="宋体", size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    put(2, 1, f"{ev.region}　{ev.summary}")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADERS))
    for c, h in enumerate(HEADERS, start=1):
        cell = put(3, c, h)
        cell.font = Font(name="宋体", size=10, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, r in enumerate(ev.rows, start=1):
        for c, (value, fmt) in enumerate(_cells(i, r), start=1):
            cell = put(3 + i, c, value, fmt)
            cell.border = border
            cell.alignment = Alignment(vertical="center", wrap_text=c in (2, 5, 10))
        ws.cell(row=3 + i, column=8).fill = PatternFill("solid", fgColor=OUTCOME_FILLS[r.outcome])
    for c, width in enumerate((6, 34, 8, 10, 16, 12, 10, 12, 10, 60), start=1):
        ws.column_dimensions[chr(64 + c)].width = width
    ws.freeze_panes = "A4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "3:3"
    wb.save(str(path))


def write_final_docx(ev: FinalEvaluation, path: Path) -> None:
    """The evaluation as a Word document: 一、总体情况, 二、指标完成情况 (table), 三、未完成指标."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    doc.core_properties.title = _title(ev)
    doc.core_properties.author = "PlanMonitor 规划监测"
    doc.add_heading(_title(ev), level=0)
    doc.add_heading("一、总体情况", level=1)
    doc.add_paragraph(ev.summary)
    doc.add_heading("二、指标完成情况", level=1)
    table = doc.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for c, h in enumerate(HEADERS):
        table.rows[0].cells[c].text = h
    for i, r in enumerate(ev.rows, start=1):
        cells = table.add_row().cells
        for c, (value, fmt) in enumerate(_cells(i, r)):
            if isinstance(value, float) and fmt == "0.0%":
                text = f"{value * 100:.1f}%"
            elif isinstance(value, int | float) and not isinstance(value, bool) and c > 0:
                text = fmt_num(float(value), r.decimals)
            else:
                text = "" if value is None else str(value)
            cells[c].text = text
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(9)
    doc.add_heading("三、未完成指标", level=1)
    missed = [r for r in ev.rows if r.outcome == "未完成"]
    if not missed:
        doc.add_paragraph("全部有数据的指标均已完成。")
    for r in missed:
        doc.add_paragraph(f"{r.name}：{r.explanation}", style="List Bullet")
    none = [r for r in ev.rows if r.outcome == "暂无数据"]
    if none:
        doc.add_heading(f"四、暂无{ev.target_year}年数据的指标", level=1)
        doc.add_paragraph("、".join(r.name for r in none) + "。")
    doc.save(str(path))
