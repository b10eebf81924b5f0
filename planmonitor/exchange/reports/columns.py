"""The columns of the 指标完成情况表 and how each cell reads, shared by the xlsx, PDF and Word.

The spreadsheet keeps numbers as numbers (with number formats); the PDF and the Word table show
the same values as text built here, so that the three outputs read the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planmonitor.domain.formatting import Light
from planmonitor.domain.report import ReportModel, ReportRow
from planmonitor.domain.report_text import cn_numeral, fixed

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
    """The 14 columns, with headers for this report (基数（2020年）, 1—9月完成 …)."""
    return [
        Column("number", "序号", 5, 8),
        Column("name", "指标", 30, 43, "left"),
        Column("unit", "单位", 7, 10),
        Column("baseline", f"基数\n（{model.baseline_year}年）", 11, 17, "right"),
        Column("target", f"规划目标\n（{model.target_year}年）", 14, 20, "right"),
        Column("year_target", "本年目标", 17, 17, "right"),
        Column("actual", f"{model.ytd_label}完成", 17, 19, "right"),
        Column("completion", "完成率", 9, 13, "right"),
        Column("expected", "序时进度", 12, 16, "right"),
        Column("progress", "完成序时进度", 10, 14, "right"),
        Column("yoy", "同比", 14, 19, "right"),
        Column("status", "状态", 13, 21),
        Column("responsible", "责任单位", 16, 22, "left"),
        Column("remark", "备注", 32, 34, "left"),
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
    if row.actual is None:
        return "—"
    note = row.period_note
    return fixed(row.actual, row.decimals) + (f"\n{note}" if note else "")


_TEXT: dict[str, Callable[[ReportRow, ReportModel], str]] = {
    "number": lambda r, m: str(r.number),
    "name": lambda r, m: r.name,
    "unit": lambda r, m: r.unit or "—",
    "baseline": lambda r, m: fixed(r.baseline, r.decimals),
    "target": lambda r, m: r.target_text,
    "year_target": _year_target,
    "actual": _actual,
    "completion": lambda r, m: percent(r.completion),
    "expected": lambda r, m: fixed(r.expected, r.decimals),
    "progress": lambda r, m: percent(r.progress),
    "yoy": lambda r, m: yoy_text(r),
    "status": lambda r, m: r.status_text,
    "responsible": lambda r, m: r.responsible or "—",
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
        f"完成率 = {model.ytd_label}完成值 ÷ 本年目标；序时进度为按规划路径和发布节奏，"
        "截至数据期应达到的值；完成序时进度为实际进展与序时进度要求之比（存量指标自基数起算，"
        "流量指标按本年累计计算），按规划设定的阈值（默认 100%、90%）评为达到序时进度、"
        "略滞后或滞后。",
        "年度统计指标（数据次年公布）列最新公布年度的数值，括号内为数据所属年份。"
        "百分比指标的同比为增减百分点。",
    ]
    if any(r.responsible_is_source for r in model.rows):
        lines.append("规划未列明责任单位的指标，责任单位栏列数据来源单位。")
    return lines
