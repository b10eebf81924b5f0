"""The 指标完成情况表 workbook, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_data import CANGZHOU, Q3_2024, TODAY

from planmonitor.domain.formatting import Light
from planmonitor.exchange.reports.xlsx_round import ROUND_SHEET
from planmonitor.exchange.reports.xlsx_writer import TABLE_SHEET, TREND_SHEET, write_report_xlsx
from planmonitor.services.report import build_report

HEADERS = [
    "序号",
    "指标",
    "单位",
    "基数\n（2020年）",
    "规划目标\n（2025年）",
    "本年目标",
    "统计期",
    "完成值",
    "序时目标",
    "完成率",
    "序时进度",
    "完成序时\n进度",
    "同比",
    "状态",
    "趋势判断",
    "责任单位",
    "备注",
]
COL = {h.split("\n")[0]: i for i, h in enumerate(HEADERS, start=1)}


@pytest.fixture(scope="module")
def books(report_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("xlsx")
    result = {}
    for plan in ("cangzhou", "chengde"):
        model = build_report(report_db, plan, Q3_2024, report_date=TODAY)
        path = out / f"{plan}.xlsx"
        write_report_xlsx(model, path)
        result[plan] = (model, load_workbook(path))
    return result


def _rows_by_name(ws):  # type: ignore[no-untyped-def]
    return {ws.cell(r, 2).value: r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value}


def test_title_header_and_one_row_per_indicator(books) -> None:
    model, wb = books["cangzhou"]
    assert wb.sheetnames == [TABLE_SHEET, ROUND_SHEET, TREND_SHEET]  # no tasks: no task sheet
    ws = wb[TABLE_SHEET]
    assert ws["A1"].value == "《沧州市科技创新“十四五”规划》主要指标2024年第三季度完成情况"
    assert "报告期：2024年第三季度（1—9月）" in ws["A2"].value
    assert "制表日期：2024年10月12日" in ws["A2"].value
    assert [ws.cell(3, c).value for c in range(1, len(HEADERS) + 1)] == HEADERS
    rows = _rows_by_name(ws)
    assert list(rows) == [r.name for r in model.rows]
    assert [ws.cell(r, 1).value for r in rows.values()] == list(range(1, 12))


def _cells(ws, r):  # type: ignore[no-untyped-def]
    return {name: ws.cell(r, c) for name, c in COL.items()}


def test_numbers_are_numbers_with_the_indicators_decimals(books) -> None:
    _, wb = books["cangzhou"]
    ws = wb[TABLE_SHEET]
    c = _cells(ws, _rows_by_name(ws)["高新技术企业数量"])
    assert [c[k].value for k in ("单位", "基数", "规划目标", "本年目标", "统计期", "完成值")] == [
        "家",
        795,
        1300,
        1199,
        "9月末",  # a stock: the month-end count
        1010,
    ]
    assert c["完成率"].value == pytest.approx(1010 / 1199)
    assert c["序时目标"].value == pytest.approx(1098)  # the schedule's value
    assert c["序时进度"].value == 0.0  # batch profile 0/0/0/100: nothing due within the year yet
    assert c["完成序时"].value == pytest.approx(215 / 303)
    assert c["基数"].number_format == "0" and c["完成率"].number_format == "0.0%"
    assert c["趋势判断"].value.startswith(("难以完成（2025年预计", "预计可完成（2025年预计"))
    assert CANGZHOU[6][4] in c["备注"].value  # the comment recorded with the value shown
    c = _cells(ws, _rows_by_name(ws)["技术合同成交额"])
    assert c["统计期"].value == "1—9月"  # a flow: year to date
    assert c["完成值"].value == 95.0 and c["完成值"].number_format == "0.00"
    assert c["本年目标"].value == pytest.approx(133.64)
    assert c["序时进度"].value == pytest.approx(0.75)  # even profile at Q3
    assert c["同比"].value == pytest.approx(0.1875)  # 同比 +18.8 %
    assert c["同比"].number_format == "+0.0%;-0.0%;0.0%"
    assert "数据为预计数" in c["备注"].value
    assert "预计" not in c["备注"].value.replace("数据为预计数", "")  # forecast has its column


def test_an_annual_statistic_shows_its_year_and_points_change(books) -> None:
    _, wb = books["cangzhou"]
    ws = wb[TABLE_SHEET]
    c = _cells(ws, _rows_by_name(ws)["全社会研发经费支出占GDP比重"])
    assert c["统计期"].value == "2023年"
    assert c["完成值"].value == 1.63 and c["完成值"].number_format == "0.00"
    assert c["本年目标"].number_format == '0.00"（2023年）"'
    assert c["序时进度"].value == 1.0  # a whole year's figure
    assert c["同比"].value == pytest.approx(0.08)
    assert "个百分点" in c["同比"].number_format


def test_status_cells_are_filled_and_carry_the_word(books) -> None:
    model, wb = books["cangzhou"]
    ws = wb[TABLE_SHEET]
    rows = _rows_by_name(ws)
    fills = {Light.GREEN: "C6EFCE", Light.YELLOW: "FFEB9C", Light.RED: "FFC7CE"}
    seen = set()
    for row in model.rows:
        cell = ws.cell(rows[row.name], COL["状态"])
        assert cell.value == row.status_text
        if row.light in fills:
            assert cell.fill.fgColor.rgb.endswith(fills[row.light])
            seen.add(row.light)
    assert seen == set(fills)
    assert ws.cell(rows["高新技术企业数量"], COL["状态"]).value == "■ 滞后"


def test_category_rows_group_the_table(books) -> None:
    _, wb = books["chengde"]
    ws = wb[TABLE_SHEET]
    groups = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value is None]
    assert groups[:5] == ["一、创新实力", "二、创新主体", "三、创新支撑", "四、创新环境", None]
    assert groups[5] == "说明："
    c = _cells(ws, _rows_by_name(ws)["全社会研究与试验经费支出增长率"])
    assert c["规划目标"].value == "年均增长10%"
    assert c["完成值"].value == 28.0 and c["统计期"].value == "2023年"
    assert c["完成序时"].value == pytest.approx(0.847, abs=5e-4)
    assert c["状态"].value == "■ 滞后"
    assert "实际年均增长8.6%" in c["备注"].value  # the realised rate of a growth target
    assert "A4:Q4" in {str(m) for m in ws.merged_cells.ranges}


def test_print_setup_freezes_and_repeats_the_header(books) -> None:
    _, wb = books["chengde"]
    ws = wb[TABLE_SHEET]
    assert ws.freeze_panes == "C4"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == "9"  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$3"


def test_trend_sheet_holds_the_chart_data(books) -> None:
    model, wb = books["cangzhou"]
    ws = wb[TREND_SHEET]
    assert [c.value for c in ws[1]] == [
        "序号",
        "指标",
        "单位",
        "期间",
        "实际值",
        "序时目标",
        "规划目标",
        "预测值",
    ]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    hte = {r[3]: r[4:] for r in rows if r[1] == "高新技术企业数量"}
    assert hte["2020年"][:2] == [795, 795]
    assert hte["2023年第三季度"][1] == pytest.approx(997)
    assert hte["2024年第三季度"][:2] == [1010, pytest.approx(1098)]
    assert hte["2025年第四季度"][1:3] == [1300, 1300]
    assert hte["2025年第四季度"][3] == pytest.approx(model.rows[4].trend.forecast[-1].value)
    rd = {r[3]: r[4] for r in rows if r[1] == "全社会研发经费支出占GDP比重"}
    assert [rd[k] for k in ("2021年第四季度", "2022年第四季度", "2023年第四季度")] == [
        1.42,
        1.55,
        1.63,
    ]


def test_the_file_is_a_clean_zip_of_xml_parts(books, tmp_path: Path) -> None:
    """Nothing an office program would have to repair: every part parses, no stray names."""
    import zipfile
    from xml.dom import minidom

    model, _ = books["chengde"]
    path = tmp_path / "x.xlsx"
    write_report_xlsx(model, path)
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                minidom.parseString(z.read(name))
        workbook = z.read("xl/workbook.xml").decode()
    assert "_xlnm.Print_Titles" in workbook
