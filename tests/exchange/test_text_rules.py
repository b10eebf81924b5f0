"""The text rules of reading tables: names, periods in headers, units, cell values."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planmonitor.domain.periods import Period
from planmonitor.domain.values import NumberError, parse_number
from planmonitor.exchange.tables.cellvalues import read_number
from planmonitor.exchange.tables.header_words import (
    Role,
    column_role,
    is_footnote,
    is_total,
    is_whole,
    standing_in,
)
from planmonitor.exchange.tables.names import Method, NameMatcher, normalise
from planmonitor.exchange.tables.period_text import find_period, period_of_cell
from planmonitor.exchange.tables.units import find_unit, scale_factor, scaled
from planmonitor.services.plans import plan_source

CANGZHOU = [(i.code, i.name) for i in plan_source("cangzhou").indicators]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.5", 1234.5),
        ("１２３", 123.0),
        ("1.29%", 1.29),
        ("12.5(3)", 12.5),
        ("12.5（3）", 12.5),
        (" 1 023 ", 1023.0),
        ("1\u3000234", 1234.0),
        ("1.2E+3", 1200.0),
        ("-3.5", -3.5),
        ("0", 0.0),
    ],
)
def test_parse_number_reads_office_spellings(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["", "—", "——", "-", "/", "x.xx", "X.XX", "暂缺", "待统计", "不适用", "…", "–", "\\"]
)
def test_parse_number_reads_missing_as_none_not_zero(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["约15", "12亿", "1e999", "一百", "1.2.3", "5-6"])
def test_parse_number_refuses_what_is_not_a_number(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)


def test_cells_are_read_as_the_sheet_shows_them() -> None:
    assert read_number(0.0129, percent=True).value == 1.29  # 1.29% formatted
    assert read_number(0.0129, percent=True).unit == "%"
    assert read_number(0.30000000000000004).value == 0.3
    assert read_number("1.29%").value == 1.29 and read_number("1.29%").unit == "%"
    assert (read_number("12.5万元").value, read_number("12.5万元").unit) == (12.5, "万元")
    assert read_number("—").missing and read_number(None).missing and read_number("").missing
    assert read_number("完成", qualitative=True).value == 1.0
    assert read_number("未完成", qualitative=True).value == 0.0
    for bad in ("#DIV/0!", True, datetime(2024, 9, 30), "约5"):
        n = read_number(bad)  # type: ignore[arg-type]
        assert n.value is None and n.error


def test_units_in_headers_and_scaling() -> None:
    assert find_unit("技术合同成交额（万元）") == "万元"
    assert find_unit("单位：亿元") == "亿元"
    assert find_unit("占比(%)") == "%"
    assert find_unit("单位：亿元、家、%") is None  # several units: none is the sheet's
    assert find_unit("高新技术企业（2020年基数空缺）") is None
    f = scale_factor("万元", "亿元")
    assert f is not None and scaled(123456.0, f) == 12.3456
    assert scale_factor("家", "个") == 1 and scale_factor("亿元", "家") is None
    assert scale_factor("%", "家") is None and scale_factor("", "家") == 1
    assert scale_factor("万人", "人") == 10000


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024年1—9月完成值", Period(2024, 9)),
        ("2024年第三季度", Period(2024, 9)),
        ("2024年三季度", Period(2024, 9)),
        ("2024Q3", Period(2024, 9)),
        ("2024年上半年", Period(2024, 6)),
        ("截至2024年9月末", Period(2024, 9)),
        ("2023年底", Period(2023)),
        ("2023年全年", Period(2023)),
        ("2024-09-30", Period(2024, 9)),
        ("2024年1-6月", Period(2024, 6)),
    ],
)
def test_periods_in_header_text(text: str, period: Period) -> None:
    hint = find_period(text)
    assert hint is not None and hint.period(None) == period


def test_periods_without_a_year_take_the_sheet_s_year() -> None:
    for text, month in (("1-9月", 9), ("三季度", 9), ("前三季度", 9), ("上半年", 6), ("9月末", 9)):
        hint = find_period(text)
        assert hint is not None and hint.year is None
        assert hint.period(2024) == Period(2024, month)
    assert find_period("2020—2025年") is None  # a span, not a period
    assert find_period("指标名称") is None
    year = find_period("2024年")
    assert year is not None and year.bare_year  # clear as a column, vague as a title
    assert period_of_cell(2023) is not None and period_of_cell(2023.0).period(None) == Period(2023)
    assert period_of_cell(date(2024, 6, 30)).period(None) == Period(2024, 6)
    assert period_of_cell(12.5) is None


def test_header_words() -> None:
    assert column_role("指标名称") is Role.NAME
    assert column_role("计量单位") is Role.UNIT
    assert column_role("县（市、区）") is Role.REGION
    assert column_role("备注") is Role.COMMENT
    for excluded in (
        "2025年目标",
        "本年目标",
        "同比增长（%）",
        "完成率",
        "排名",
        "上年同期",
        "责任单位",
    ):
        assert column_role(excluded) is Role.EXCLUDED, excluded
    assert column_role("2024年1-9月") is Role.OTHER
    assert is_total("合计") and is_total("总 计") and not is_total("合计划")
    assert is_whole("全市") and not is_whole("全市高新技术企业")
    assert is_footnote("注：数据来源于统计局") and is_footnote("填表人：张三")
    assert not is_footnote("注册资本") and not is_footnote("高新技术企业")
    assert standing_in("2024年1-9月（预计）") is not None
    assert standing_in("完成值") is None


def test_names_are_normalised() -> None:
    assert normalise("（一）高新技术企业数量（家）") == "高新技术企业数量"
    assert normalise("1.技术合同成交额（亿元）") == "技术合同成交额"
    assert normalise("  ＲＤ　经费 ") == "rd经费"
    assert normalise("其中：省级以上") == "省级以上"
    assert normalise("2.1.3 研发平台") == "研发平台"


def test_sure_matches_and_guesses() -> None:
    m = NameMatcher(CANGZHOU)
    exact = m.match("（三）高新技术企业数量")
    assert (exact.code, exact.method) == ("05", Method.EXACT)
    core = m.match("科技型中小企业")
    assert (core.code, core.method) == ("06", Method.CORE)
    guess = m.match("万人发明专利拥有量")
    assert guess.code is None and guess.method is Method.FUZZY
    assert guess.candidates[0].code == "02" and guess.confidence < 0.95
    unknown = m.match("院士工作站")
    assert unknown.code is None and unknown.candidates == ()


def test_remembered_and_answered_labels_win() -> None:
    m = NameMatcher(CANGZHOU, remembered={"万人发明专利拥有量": "02"}, answers={"研发强度": ""})
    remembered = m.match("万人发明专利拥有量")
    assert (remembered.code, remembered.method) == ("02", Method.REMEMBERED)
    ignored = m.match("研发强度")
    assert ignored.code is None and ignored.ignored


def test_the_same_name_twice_in_a_plan_is_never_guessed() -> None:
    m = NameMatcher([("a", "研发平台"), ("b", "研发平台")])
    hit = m.match("研发平台")
    assert hit.code is None and {c.code for c in hit.candidates} >= {"a", "b"}
