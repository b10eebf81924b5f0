"""The Word report's part of the quarterly round, kept apart from the indicator narrative:
the 报送 and 审核 sentences of 一、总体情况, 重点任务推进情况 in 二, lagging tasks in 三、存在问题,
and the appendix of data checks without a 情况说明."""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_SECTION

from planmonitor.domain.report import ReportModel
from planmonitor.domain.report_text import cn_numeral
from planmonitor.domain.round_report import APPENDIX_TITLE
from planmonitor.exchange.reports.docx_styles import portrait


def round_summary(doc: Any, model: ReportModel) -> None:
    """The 报送 and 审核 paragraph (in 一、总体情况)."""
    if model.round is not None:
        doc.add_paragraph(model.round.summary())


def task_section(doc: Any, model: ReportModel, number: int) -> None:
    """（N）重点任务推进情况: counts per state, then one paragraph per task (in 二, after the
    indicators' sub-sections; ``number`` is its place)."""
    r = model.round
    if r is None or not r.tasks:
        return
    doc.add_heading(f"（{cn_numeral(number)}）重点任务推进情况", level=2)
    doc.add_paragraph(r.task_summary())
    for line in r.tasks:
        doc.add_paragraph(line.sentence())


def task_problems(doc: Any, model: ReportModel) -> None:
    """Lagging tasks with their reasons (in 三、存在问题)."""
    r = model.round
    if r is None or not r.lagging:
        return
    doc.add_paragraph(r.problem_lead())
    for line in r.problem_lines():
        doc.add_paragraph(line)


def check_appendix(doc: Any, model: ReportModel) -> None:
    """附件　数据审核尚无情况说明的事项 (at the end), when there are any."""
    r = model.round
    if r is None or not r.unresolved:
        return
    portrait(doc.add_section(WD_SECTION.NEW_PAGE))
    doc.add_heading(f"附件　{APPENDIX_TITLE}", level=1)
    for line in r.appendix_lines():
        doc.add_paragraph(line)
