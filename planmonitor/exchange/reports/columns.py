"""The columns of the 指标完成情况表 and how each cell reads, shared by the xlsx, PDF and Word.

The spreadsheet keeps numbers as numbers (with number formats); the PDF and the Word table show
the same values as text built here, so that the three outputs read the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planmonitor.domain.formatting import Light
from planmonitor.domain.report import ReportModel, ReportRow
from planmonitor.domain.report_text import cn_numeral, fixed, short_units

STATUS_FILLS = {  # pale fills with dark text, so the word stays readable in print
    Light.GREEN: ("C6EFCE", "1B5E20"),
    Light.YELLOW: ("FFEB9C", "7A5300"),
    Light.RED: ("FFC7CE", "9C0006"),
    Light.GREY: ("EDEDED", "424242"),
    Light.MET: ("BBDEFB", "0D47A1"),
    Light.NOT_MET: ("E1BEE7", "4A148C"),
}


@dataclass(frozen=True)
class Column:
    """One column: its key, header, width (xlsx characters, PDF millimetres) and alignment."""

    key: str
    header: str
    xlsx_width: float
    pdf_mm: float
    align: str = "center"  # left | center | right


def columns(model: ReportModel) -> list[Column]:
    """The 17 columns, with headers for this report (基数（2020年）, 规划目标（2025年）…)."""
    return [
        Column("number", "序号", 5, 6),
        Column("name", "指标", 28, 30, "left"),
        Column("unit", "单位", 6, 7),
        Column("baseline", f"基数\n（{model.baseline_year}年）", 10, 12, "right"),
        Column("target", f"规划目标\n（{model.target_year}年）", 12, 14, "right"),
        Column("year_target", "本年目标", 12, 14, "right"),
        Column("period", "统计期", 10, 11),
        Column("actual", "完成值", 12, 13, "right"),
        Column("expected", "序时目标", 11, 13, "right"),
        Column("completion", "完成率", 8, 12, "right"),
        Column("share", "序时进度", 8, 12, "right"),
        Column("progress", "完成序时\n进度", 9, 12, "right"),
        Column("yoy", "同比", 11, 14, "right"),
        Column("status", "状态", 11, 16),
        Column("trend", "趋势判断", 16, 20, "left"),
        Column("responsible", "责任单位", 14, 16, "left"),
        Column("remark", "备注", 30, 30, "left"),
    ]


def percent(fraction: float | None) -> str:
    """0.965 → 96.5%."""
    return "—" if fraction is None else f"{fraction * 100:.1f}%"


def yoy_text(row: ReportRow) -> str:
    """+7.7% or +0.20个百分点."""
    if row.yoy is None:
        return "—"
    if row.yoy_points:
        return f"{row.yoy:+.2f}个百分点"
    return f"{row.yoy:+.1f}%"


def year_note(row: ReportRow, model: ReportModel) -> str:
    """ "（2023年）" when 本年目标 is that of another year than the report's."""
    y = row.year_target_year
    return "" if y is None or y == model.quarter.year else f"（{y}年）"


def _year_target(row: ReportRow, model: ReportModel) -> str:
    if row.year_target is None:
        return "—"
    note = year_note(row, model)
    return fixed(row.year_target, row.decimals) + (f"\n{note}" if note else "")


def _actual(row: ReportRow, model: ReportModel) -> str:
    return "—" if row.actual is None else fixed(row.actual, row.decimals)


def _baseline(row: ReportRow, model: ReportModel) -> str:
    return "" if row.quota else fixed(row.baseline, row.decimals)


_TEXT: dict[str, Callable[[ReportRow, ReportModel], str]] = {
    "number": lambda r, m: str(r.number),
    "name": lambda r, m: r.name,
    "unit": lambda r, m: r.unit or "—",
    "baseline": _baseline,
    "target": lambda r, m: r.target_text,
    "year_target": _year_target,
    "period": lambda r, m: r.period_label or "—",
    "actual": _actual,
    "completion": lambda r, m: percent(r.completion),
    "expected": lambda r, m: fixed(r.expected, r.decimals),
    "share": lambda r, m: percent(r.share),
    "progress": lambda r, m: percent(r.progress),
    "yoy": lambda r, m: yoy_text(r),
    "status": lambda r, m: r.status_text,
    "trend": lambda r, m: r.trend_text or "—",
    "responsible": lambda r, m: short_units(r.responsible) or "—",
    "remark": lambda r, m: r.remark,
}


def cell_text(key: str, row: ReportRow, model: ReportModel) -> str:
    """The text of one cell as the PDF and Word table show it."""
    return _TEXT[key](row, model)


def group_heading(index: int, name: str) -> str:
    """一、创新投入 (the table's category rows)."""
    return f"{cn_numeral(index)}、{name}"


def notes(model: ReportModel) -> list[str]:
    """The 说明 lines under the table."""
    lines = [
        "统计期：存量指标为期末数（如9月末），流量指标为本年累计数（如1—9月）；年度统计指标"
        "（数据次年公布）列最新公布年度的数值。",
        "序时目标为按规划路径和发布节奏截至统计期应达到的值；序时进度为截至统计期按发布节奏"
        "应完成的全年任务比例（均衡推进时第三季度末为75%）；完成率=完成值÷本年目标（“以下”"
        "类指标为本年目标÷完成值，超出即低于100%）。",
        "完成序时进度为实际进展与序时目标要求之比（存量指标自基数起算，流量指标按本年累计"
        "计算），按规划设定的阈值（默认100%、90%）评为达到序时进度、略滞后或滞后；"
        "趋势判断按近期趋势推算至规划目标年。",
        "百分比指标的同比为增减百分点；增长率指标的完成值为规划期以来的实际年均增长率；"
        "每年定额指标不设基数。",
    ]
    if any(r.responsible_is_source for r in model.rows):
        lines.append("规划未列明责任单位的指标，责任单位栏列数据来源单位。")
    return lines
