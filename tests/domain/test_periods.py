"""Period parsing, ordering, arithmetic and labels."""

from __future__ import annotations

import pytest

from planmonitor.domain.periods import Period, PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024Q3", Period(2024, 9)),
        ("2024q1", Period(2024, 3)),
        ("2024-Q4", Period(2024, 12)),
        ("２０２４Ｑ３", Period(2024, 9)),
        ("2024年第三季度", Period(2024, 9)),
        ("2024年第3季度", Period(2024, 9)),
        ("2024年三季度", Period(2024, 9)),
        ("2024年1-9月", Period(2024, 9)),
        ("2024年1—9月", Period(2024, 9)),
        ("2024年1～6月累计", Period(2024, 6)),
        ("2024年9月", Period(2024, 9)),
        ("2024-09", Period(2024, 9)),
        ("2024.8", Period(2024, 8)),
        ("202408", Period(2024, 8)),
        ("2024年上半年", Period(2024, 6)),
        ("2023", Period(2023, None)),
        ("2023年", Period(2023, None)),
        (" 2023年全年 ", Period(2023, None)),
    ],
)
def test_parse_forms_offices_write(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text", ["", "2024Q5", "2024年第五季度", "2024-13", "abc", "24Q3", "2024年1-13月"]
)
def test_malformed_periods_say_what_is_expected(text: str) -> None:
    with pytest.raises(PeriodError) as err:
        parse_period(text)
    assert "2024Q3" in str(err.value) or "之间" in str(err.value)


def test_labels_read_like_an_office_writes_them() -> None:
    q3 = Period.quarter(2024, 3)
    assert q3.label_zh() == "2024年第三季度"
    assert q3.ytd_label_zh() == "1—9月"
    assert Period(2024, 1).ytd_label_zh() == "1月"
    assert Period.annual(2023).label_zh() == "2023年"
    assert Period(2024, 8).label_zh() == "2024年8月"
    assert q3.label_en() == "2024 Q3"
    assert (
        q3.key == "2024Q3"
        and Period(2024, 8).key == "2024M08"
        and Period.annual(2023).key == "2023"
    )


def test_annual_value_is_the_same_moment_as_q4_and_sorts_after_it() -> None:
    q4, annual = Period.quarter(2023, 4), Period.annual(2023)
    assert q4.same_time(annual)
    assert q4 < annual < Period.quarter(2024, 1)
    assert Period.quarter(2023, 3) < q4
    assert annual.end_date.isoformat() == "2023-12-31"
    assert Period(2024, 2).end_date.isoformat() == "2024-02-29"


def test_quarter_arithmetic() -> None:
    assert Period.quarter(2024, 1).add_quarters(-1) == Period.quarter(2023, 4)
    assert Period.quarter(2023, 4).add_quarters(5) == Period.quarter(2025, 1)
    assert Period.quarter(2024, 3).previous_year() == Period.quarter(2023, 3)
