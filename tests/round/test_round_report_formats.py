"""The Excel and PDF reports carry the round as the Word report does — 重点任务推进情况 (state,
progress, units), lagging tasks with their reasons under 存在问题, the 报送 and 审核 summary and the
unexplained data checks — read back with openpyxl and pdfplumber on the XX区 seed plan."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from openpyxl import load_workbook

from planmonitor.domain.periods import Period
from planmonitor.domain.report import ReportModel
from planmonitor.domain.tasks import TaskState
from planmonitor.exchange.reports.docx_writer import write_report_docx
from planmonitor.exchange.reports.pdf_writer import MARGIN_MM, write_report_pdf
from planmonitor.exchange.reports.xlsx_round import ROUND_SHEET, TASK_SHEET
from planmonitor.exchange.reports.xlsx_style import LINE_HEIGHT, text_lines
from planmonitor.exchange.reports.xlsx_writer import TABLE_SHEET, TREND_SHEET, write_report_xlsx
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.report import build_report
from planmonitor.services.tasks import ProgressEntry, TaskService
from planmonitor.store.database import open_database

PLAN = "xx-district"
Q2, Q3 = Period.quarter(2024, 2), Period.quarter(2024, 3)
PROGRESS_3 = (
    "已安排财政科技资金1200万元，其中企业研发后补助650万元、科技创新券300万元、"
    "平台建设奖励250万元；会同区发改局完成2024年度项目申报评审，共受理申报项目86项，"
    "立项支持41项，资金已于9月末前拨付到位。"
)
REASON_4 = (
    "受上半年市场需求下滑影响，部分拟申报企业研发投入和高新技术产品收入占比未达认定条件，"
    "原计划新申报企业中有9家推迟至下一批次申报；另有3家企业证书到期后未重新认定"
)
NEXT_4 = "=组织专家入企辅导，11月底前完成第二批申报"  # starts like a formula: stays text


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, qapp) -> Iterator[tuple[ReportModel, Path]]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("round_report")
    db = open_database(folder / "round.sqlite")
    PlanService(db).install(plan_source(PLAN))
    tasks = TaskService(db)
    tasks.record(
        PLAN,
        ProgressEntry("3", Q3, TaskState.IN_PROGRESS, PROGRESS_3, "四季度完成后补助兑现"),
    )
    tasks.record(
        PLAN,
        ProgressEntry("4", Q3, TaskState.LAGGING, "已完成第一批申报", NEXT_4, reason=REASON_4),
    )
    tasks.record(PLAN, ProgressEntry("12", Q3, TaskState.DONE, "科技管理制度汇编已印发"))
    ObservationService(db).record_many(
        PLAN,
        [
            Entry("02", Q2, 50.0),
            Entry("02", Q3, 45.0),  # 1—9月 below 1—6月: no comment
            Entry("06", Q2, 100.0),
            Entry("06", Q3, 80.0, comment="部分企业高企证书到期未重新认定"),
            Entry("03", Q3, 1800.0),
        ],
    )
    model = build_report(db, PLAN, Q3, report_date=date(2024, 10, 12))
    db.close()
    for suffix, write in (("xlsx", write_report_xlsx), ("pdf", write_report_pdf)):
        write(model, folder / f"report.{suffix}")
    write_report_docx(model, folder / "report.docx")
    yield model, folder


def _docx(folder: Path) -> list[str]:
    return [p.text for p in Document(str(folder / "report.docx")).paragraphs]


def test_the_model_holds_what_the_formats_show(report) -> None:  # type: ignore[no-untyped-def]
    model, _ = report
    r = model.round
    assert r is not None and len(r.tasks) == 12
    assert [t.code for t in r.lagging] == ["4"]
    assert [(f.code, f.rule.value, f.resolved) for f in r.findings] == [
        ("02", "ytd_decrease", False),
        ("06", "stock_fall", True),
    ]
    assert r.incomplete  # units still owe figures and progress


def test_the_workbook_has_the_task_and_round_sheets(report) -> None:  # type: ignore[no-untyped-def]
    model, folder = report
    r = model.round
    wb = load_workbook(folder / "report.xlsx")
    assert wb.sheetnames == [TABLE_SHEET, TASK_SHEET, ROUND_SHEET, TREND_SHEET]
    ws = wb[TASK_SHEET]
    assert ws["A1"].value == "XX区科技创新跃升行动实施方案重点任务推进情况"
    assert ws["A2"].value == "报告期：2024年第三季度"
    assert (
        ws["A3"].value == "规划确定的12项重点任务中，推进中1项，已完成1项，滞后1项，未报送进展9项。"
    )
    assert ws["A3"].value in _docx(folder)  # the Word report's sentence
    assert [c.value for c in ws[4]] == [
        "序号", "编号", "重点任务", "责任单位", "推进状态", "进展情况", "滞后原因", "下一步"
    ]  # fmt: skip
    rows = {row[1]: row for row in ws.iter_rows(min_row=5, max_row=16, values_only=True)}
    assert len(rows) == 12
    assert rows["3"] == (
        3, "3", "加大科技投入,强化资金保障", "区财政局、区发改局", "● 推进中", PROGRESS_3, "—",
        "四季度完成后补助兑现",
    )  # fmt: skip
    assert rows["4"][3].startswith("区发改局、区行政审批局、太阳城管委会")
    assert rows["4"][4:] == ("■ 滞后", "已完成第一批申报", REASON_4, NEXT_4)
    assert rows["12"][4] == "✔ 已完成"
    assert rows["1"][4:6] == ("未报送", "本季度未报送进展")
    lagging_row = next(c.row for c in ws["B"] if c.value == "4")
    assert ws.cell(lagging_row, 5).fill.fgColor.rgb.endswith("FFC7CE")
    # the text starting with = is text, shown as typed, never a formula
    nxt = ws.cell(lagging_row, 8)
    assert nxt.data_type == "s" and nxt.quotePrefix
    # long text wraps and the row is tall enough for it
    progress = ws.cell(next(c.row for c in ws["B"] if c.value == "3"), 6)
    assert progress.alignment.wrap_text
    width = ws.column_dimensions["F"].width
    assert ws.row_dimensions[progress.row].height >= text_lines(PROGRESS_3, width) * LINE_HEIGHT
    assert text_lines(PROGRESS_3, width) >= 3
    # 存在问题: the Word report's lines
    texts = [c.value for c in ws["A"] if isinstance(c.value, str)]
    at = texts.index("存在问题")
    assert texts[at + 1 : at + 3] == [
        "重点任务方面，1项任务推进滞后：",
        f"1. {r.lagging[0].problem()}",
    ]
    assert texts[at + 2] in _docx(folder)
    assert REASON_4 in texts[at + 2] and "区行政审批局" in texts[at + 2]


def test_the_workbook_round_sheet_says_who_reported_and_what_the_checks_found(report) -> None:  # type: ignore[no-untyped-def]
    model, folder = report
    r = model.round
    ws = load_workbook(folder / "report.xlsx")[ROUND_SHEET]
    assert ws["A1"].value == "XX区科技创新跃升行动实施方案报送与审核情况"
    summary = ws["A3"].value
    word = r.summary()  # the Word report's sentence says where it lists them: 见附件
    assert word in _docx(folder) and "其中1条尚无情况说明（见附件）。" in word
    assert summary == word.replace("（见附件）", "（见下表）")
    assert summary.startswith(f"本季度应报送指标数据和任务进展{r.asked}项，已报送{r.filled}项")
    values = [[c.value for c in row] for row in ws.iter_rows()]
    heads = [row[0] for row in values]
    units_at = heads.index("一、报送情况") + 1
    assert values[units_at][:5] == ["序号", "尚未报齐的单位", None, None, "缺报项数"]
    units = [(row[1], row[4]) for row in values[units_at + 1 : units_at + 1 + len(r.incomplete)]]
    assert units == [(u, f"{n}项") for u, n in r.incomplete]
    checks_at = heads.index("二、数据审核情况") + 1
    assert values[checks_at] == [
        "序号", "审核规则", "编号", "指标", "期间", "数值", "审核提示", "情况说明"
    ]  # fmt: skip
    ytd, stock = values[checks_at + 1], values[checks_at + 2]
    assert ytd == [
        1, "累计值低于上季度", "02", "高新技术产业增加值", "2024年第三季度", 45,
        "1—9月累计45亿元低于1—6月的50亿元", "尚无情况说明",
    ]  # fmt: skip
    assert stock[1:3] == ["存量明显下降", "06"] and stock[7] == "部分企业高企证书到期未重新认定"
    assert "证书到期未重新认定" in stock[6]
    assert ws.cell(checks_at + 2, 6).number_format == "0.00"  # 45.00, as in the Word appendix
    open_cell = ws.cell(checks_at + 2, 8)  # 1-based row of the ytd line
    assert open_cell.fill.fgColor.rgb.endswith("FFC7CE")
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def _pdf_pages(folder: Path, name: str = "report.pdf") -> list[str]:
    with pdfplumber.open(folder / name) as pdf:
        return [page.dedupe_chars().extract_text() or "" for page in pdf.pages]


def _task_table(folder: Path, name: str = "report.pdf") -> tuple[list[str], dict[str, list[str]]]:
    """The task table of the round pages (its header repeats on each page), cells unwrapped."""
    heads: list[str] = []
    rows: dict[str, list[str]] = {}
    with pdfplumber.open(folder / name) as pdf:
        for page in pdf.pages:
            for table in page.dedupe_chars().extract_tables():
                if table and table[0][:2] == ["编号", "重点任务"]:
                    heads = table[0]
                    for row in table[1:]:
                        cells = [c.replace("\n", "") if c else "" for c in row]
                        if not cells[1].endswith("（续）"):  # a row going on from the page before
                            assert cells[0] not in rows
                            rows[cells[0]] = cells
    return heads, rows


def _flat(text: str) -> str:
    return "".join(text.split())


def test_the_pdf_has_the_round_pages_with_the_word_reports_sentences(report) -> None:  # type: ignore[no-untyped-def]
    model, folder = report
    r = model.round
    pages = _pdf_pages(folder)
    round_at = next(i for i, t in enumerate(pages) if "报送与审核情况" in t)
    assert round_at >= 1  # after the indicator table
    assert "各指标趋势图" not in "".join(pages[: round_at + 1])  # before the charts
    text = _flat("".join(pages[round_at:]))
    assert _flat(r.summary().replace("见附件", "见后文")) in text
    assert "数据审核提示2条，其中1条尚无情况说明（见后文）" in text
    assert _flat(r.task_summary()) in text
    heads, rows = _task_table(folder)
    assert heads == ["编号", "重点任务", "责任单位", "推进状态", "进展情况", "滞后原因", "下一步"]
    assert list(rows) == [str(n) for n in range(1, 13)]  # every task, once, in plan order
    assert rows["3"] == [
        "3", "加大科技投入,强化资金保障", "区财政局、区发改局", "● 推进中", _flat(PROGRESS_3),
        "—", "四季度完成后补助兑现",
    ]  # fmt: skip
    assert rows["4"][2].startswith("区发改局、区行政审批局、太阳城管委会")
    assert rows["4"][3:] == ["■ 滞后", "已完成第一批申报", _flat(REASON_4), _flat(NEXT_4)]
    assert rows["12"][3] == "✔ 已完成" and rows["1"][3:5] == ["未报送", "本季度未报送进展"]
    assert "存在问题" in text and _flat(r.problem_lines()[0]) in text
    assert "数据审核尚无情况说明的事项" in text
    assert _flat(r.appendix_lines()[0]) in text
    assert "1—9月累计45亿元低于1—6月的50亿元" in text
    assert _flat(f"第{round_at + 1}页，共{len(pages)}页") in _flat(pages[round_at])


def test_no_pdf_text_runs_past_the_margins(report) -> None:  # type: ignore[no-untyped-def]
    _, folder = report
    margin = MARGIN_MM / 25.4 * 72 - 0.5
    with pdfplumber.open(folder / "report.pdf") as pdf:
        for page in pdf.pages:
            for ch in page.chars:
                assert margin <= ch["x0"] and ch["x1"] <= page.width - margin, ch["text"]
                assert ch["top"] >= 0 and ch["bottom"] <= page.height - 2, ch["text"]


def test_a_task_row_taller_than_a_page_goes_on_over_the_next_pages(report, tmp_path) -> None:  # type: ignore[no-untyped-def]
    model, _ = report
    r = model.round
    long_text = "".join(
        f"第{i}项：完成项目验收并拨付资金{i}0万元。" for i in range(1, 161)
    )  # ~3,700
    link = "https://kjj.example.gov.cn/notice/" + "x" * 120  # one run longer than its column
    tasks = list(r.tasks)
    tasks[3] = replace(tasks[3], text=long_text, next_step=link)
    out = tmp_path / "long.pdf"
    write_report_pdf(replace(model, round=replace(r, tasks=tuple(tasks))), out)

    heads, rows = _task_table(out.parent, out.name)
    assert heads[:2] == ["编号", "重点任务"]
    # the row of task 4 is split over pages: its pieces, read in order, give the whole text
    pieces: list[str] = []
    nexts: list[str] = []
    with pdfplumber.open(out) as pdf:
        margin = MARGIN_MM / 25.4 * 72 - 0.5
        for page in pdf.pages:
            for ch in page.chars:
                assert margin <= ch["x0"] and ch["x1"] <= page.width - margin, ch["text"]
                assert ch["bottom"] <= page.height - margin + 12, ch["text"]  # footer line
            for table in page.dedupe_chars().extract_tables():
                if table and table[0][:2] == ["编号", "重点任务"]:
                    for row in table[1:]:
                        if "完成项目验收" in (row[4] or ""):
                            title = (row[1] or "").replace("\n", "")
                            assert row[0] == "4"
                            assert title == "实施高新技术企业培育工程" + (
                                "（续）" if pieces else ""
                            )
                            pieces.append((row[4] or "").replace("\n", ""))
                            nexts.append((row[6] or "").replace("\n", ""))
    assert len(pieces) >= 2
    assert "".join(pieces) == long_text
    assert "".join(nexts) == link  # broken inside the run, every character kept
    assert rows["4"][1] == "实施高新技术企业培育工程" and rows["5"][3] == "未报送"
