"""The Word report's part of the quarterly round, kept apart from the indicator narrative:
the 报送 and 审核 sentences of 一、总体情况, 重点任务推进情况 in 二, lagging tasks in 三、存在问题,
and the appendix of data checks without a 情况说明."""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_SECTION

from planmonitor.domain.formatting import fmt_num
from planmonitor.domain.report import ReportModel
from planmonitor.domain.report_text import cn_numeral
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
    doc.add_paragraph(f"重点任务方面，{len(r.lagging)}项任务推进滞后：")
    for i, line in enumerate(r.lagging, start=1):
        units = f"（{'、'.join(line.units)}）" if line.units else ""
        doc.add_paragraph(f"{i}. {line.code} {line.title}{units}：滞后原因：{line.reason}")


def check_appendix(doc: Any, model: ReportModel) -> None:
    """附件　数据审核尚无情况说明的事项 (at the end), when there are any."""
    r = model.round
    if r is None or not r.unresolved:
        return
    portrait(doc.add_section(WD_SECTION.NEW_PAGE))
    doc.add_heading("附件　数据审核尚无情况说明的事项", level=1)
    for i, f in enumerate(r.unresolved, start=1):
        value = "" if f.value is None else f"（{fmt_num(f.value, 2)}）"
        doc.add_paragraph(
            f"{i}. {f.code} {f.name} {f.period.label_zh()}{value}：{f.rule.label}，{f.message}。"
        )
