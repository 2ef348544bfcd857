"""Period expressions → period codes."""

import pytest

from rag.ingest.periods import last_month, period_in


@pytest.mark.parametrize(("text", "code"), [
    ("1-10月，完成固定资产投资3.1亿元", "2023M01-M10"),
    ("1—10月份，实现税收收入2100万元", "2023M01-M10"),
    ("1至9月累计完成投资", "2023M01-M09"),
    ("1~11月", "2023M01-M11"),
    ("1-5月，规上工业总产值", "2023M01-M05"),
    ("1-6月", "2023M01-M06"),  # a month range stays a month range
    ("上半年，接待游客12万人次", "2023H1"),
    ("前三季度，地区生产总值增长5%", "2023M01-M09"),
    ("一季度，新增市场主体40户", "2023M01-M03"),
    ("截至10月底，累计走访企业120家次", "2023M01-M10"),
    ("截止10月末", "2023M01-M10"),
    ("全年完成财政收入1.2亿元", "2023"),
    ("2022年完成财政收入1.1亿元", "2022"),
    ("2024年1-5月", "2024M01-M05"),
    ("1-12月", "2023"),
])
def test_period_in(text, code):
    assert period_in(text, 2023) == code


def test_no_period_named():
    assert period_in("实现财政收入1.2亿元", 2023) is None
    assert period_in("1-10月", None) is None


def test_last_month():
    assert [last_month(c) for c in ("2023M01-M10", "2024H1", "2023", None)] == [10, 6, 12, None]


def test_year_hint_as_code_and_compared_years():
    assert period_in("1-10月", "2023") == "2023M01-M10"
    assert period_in("比2022年增长5%", "2023") is None  # a comparison year is not the clause's period
