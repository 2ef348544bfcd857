"""Tests for rag.text.numbers: parsing, scanning, normalising and formatting figures."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rag.text.numbers import (
    STREAK_ONLY,
    UNITS,
    Quantity,
    UnitInfo,
    find_numbers,
    format_en,
    format_zh,
    normalize,
    parse_en_figures,
    parse_number,
    same_quantity,
    scan_quantities,
)


def one(text: str) -> Quantity:
    """The single quantity scan_quantities finds in text."""
    found = scan_quantities(text)
    assert len(found) == 1, found
    return found[0]


def triples(text: str) -> list[tuple[float, str | None, str | None]]:
    """(value, unit, qualifier) of every quantity in text."""
    return [(q.value, q.unit, q.qualifier) for q in scan_quantities(text)]


# ---------------------------------------------------------------- UNITS


@pytest.mark.parametrize(
    ("unit", "norm", "factor"),
    [
        ("元", "CNY", 1.0), ("万元", "CNY", 1e4), ("亿元", "CNY", 1e8), ("万亿元", "CNY", 1e12),
        ("美元", "USD", 1.0), ("万美元", "USD", 1e4), ("亿美元", "USD", 1e8),
        ("平方米", "m2", 1.0), ("㎡", "m2", 1.0), ("万平方米", "m2", 1e4), ("万㎡", "m2", 1e4),
        ("公顷", "m2", 1e4), ("亩", "m2", 10000 / 15), ("万亩", "m2", 1e8 / 15),
        ("平方公里", "m2", 1e6), ("平方千米", "m2", 1e6),
        ("米", "m", 1.0), ("公里", "m", 1e3), ("千米", "m", 1e3),
        ("%", "percent", 1.0), ("个百分点", "percent", 1.0), ("倍", "times", 1.0),
        ("微克/立方米", "ug/m3", 1.0), ("毫克/立方米", "ug/m3", 1e3),
        ("天", "days", 1.0), ("小时", "hours", 1.0), ("千瓦", "kW", 1.0), ("万千瓦", "kW", 1e4),
        ("吨", "t", 1.0), ("万吨", "t", 1e4),
    ],
)
def test_unit_table(unit: str, norm: str, factor: float) -> None:
    info = UNITS[unit]
    assert isinstance(info, UnitInfo)
    assert info.normalized_unit == norm
    assert math.isclose(info.factor, factor)


COUNT_UNITS = (
    "家 个 项 宗 件 名 辆 套 座 户 条 处 起 家次 人次 人 次 所 栋 间 台 批 场 期 宗次 面 封 株 棵 箱 单 篇"
    " 份 支 只 张 盏 课 位 部 辆次"
).split()


@pytest.mark.parametrize("unit", COUNT_UNITS)
def test_count_units_and_their_wan_forms(unit: str) -> None:
    assert UNITS[unit] == UnitInfo("count", 1.0, "")
    assert UNITS["万" + unit].normalized_unit == "count"
    assert UNITS["万" + unit].factor == 1e4


def test_normalize() -> None:
    assert normalize(75.7, "万平方米") == pytest.approx((757000.0, "m2"))
    assert normalize(478.78, "亿元")[0] == pytest.approx(4.7878e10)
    assert normalize(2.5, "万人次") == (25000.0, "count")
    assert normalize(15, "亩")[0] == pytest.approx(10000.0)
    with pytest.raises(ValueError, match="unknown unit"):
        normalize(1.0, "furlongs")


# ---------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,260", 1260.0), ("478.78", 478.78), ("+0.49", 0.49), ("-3", -3.0), ("１２３", 123.0),
        ("２．５", 2.5), ("二十八", 28.0), ("一万五千", 15000.0), ("两", 2.0), ("十", 10.0),
        ("十二", 12.0), ("一百零五", 105.0), ("三千", 3000.0), ("1.5万", 15000.0), ("3万", 30000.0),
        ("2.5亿", 2.5e8), ("一亿二千万", 1.2e8), ("一万五", 15000.0), ("三百五", 350.0),
        ("二〇二二", 2022.0), ("一千零一", 1001.0), ("十万", 1e5), ("三万亿", 3e12), (" 12 ", 12.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", " ", "abc", "12a", "1.2.3", "十四五", "万", "百", "二十大", "1,26"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


# ---------------------------------------------------------------- scan_quantities: the report sentences


def test_two_money_figures_with_provisional_note() -> None:
    text = "全年规上工业总产值478.78亿元(以统计公布为准),全社会固定资产投资86.48亿元"
    found = scan_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(478.78, "亿元"), (86.48, "亿元")]
    assert [text[q.start : q.end] for q in found] == ["478.78亿元", "86.48亿元"]
    assert found[0].number_text == "478.78"


def test_yu_between_wan_and_unit() -> None:
    q = one("累计集中隔离服务2.5万余人次")
    assert (q.value, q.unit, q.qualifier, q.number_text) == (2.5, "万人次", "余", "2.5")
    assert q.end == len("累计集中隔离服务2.5万余人次")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1800余次", (1800.0, "次", "余")),
        ("120余个", (120.0, "个", "余")),
        ("新增学位1,260个", (1260.0, "个", None)),
        ("土地整备入库75.7万平方米", (75.7, "万平方米", None)),
        ("完成土地入库任务8880.09平方米", (8880.09, "平方米", None)),
        ("入库任务28.86公顷", (28.86, "公顷", None)),
        ("拆除违建二十八宗", (28.0, "宗", None)),
        ("近26公顷", (26.0, "公顷", "近")),
        ("超2000个", (2000.0, "个", "超")),
        ("超过2000个", (2000.0, "个", "超")),
        ("不少于40万平方米", (40.0, "万平方米", "不少于")),
        ("不低于5家", (5.0, "家", "不低于")),
        ("上市公司达11家", (11.0, "家", "达")),
        ("约3万元", (3.0, "万元", "约")),
        ("逾百人", None),
        ("逾300人", (300.0, "人", "逾")),
        ("提升3个百分点", (3.0, "个百分点", None)),
        ("一万五千人", (15000.0, "人", None)),
        ("两所学校", (2.0, "所", None)),
        ("同比增长15.37%", (15.37, "%", None)),
        ("同比+0.49%", (0.49, "%", None)),
        ("PM2.5平均浓度为18.2微克/立方米", (18.2, "微克/立方米", None)),
        ("PM2.5平均浓度为18.2毫克/立方米", (18.2, "毫克/立方米", None)),
        ("30多个", (30.0, "个", "余")),
        ("30多万人", (30.0, "万人", "余")),
        ("两万余人", (20000.0, "人", "余")),
        ("十余个", (10.0, "个", "余")),
        ("100人左右", (100.0, "人", "左右")),
        ("40万平方米以上", (40.0, "万平方米", "以上")),
        ("5家以下", (5.0, "家", "以下")),
        ("建成3万立方米", (3.0, "万立方米", None)),
        ("１２％", (12.0, "%", None)),
        ("2.5亿", (2.5, "亿", None)),
    ],
)
def test_single_quantity(text: str, expected: tuple[float, str, str | None] | None) -> None:
    assert triples(text) == ([expected] if expected else [])


def test_negative_cue() -> None:
    q = one("同比下降28.6%")
    assert (q.value, q.unit, q.negative, q.number_text) == (-28.6, "%", True, "28.6")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("同比下降36.6%、44%", [-36.6, -44.0]),
        ("同比分别下降1.7%和2.3%", [-1.7, -2.3]),
        ("降幅达12%", [-12.0]),
        ("减少约3万元", [-3.0]),
        ("-3%", [-3.0]),
        ("下降至5%", [5.0]),
        ("下降28.6%,增长3%", [-28.6, 3.0]),
        ("减少碳排放2万吨", [2.0]),
    ],
)
def test_negative_values(text: str, values: list[float]) -> None:
    assert [q.value for q in scan_quantities(text)] == values


def test_multiple_of_task() -> None:
    assert triples("分别完成区下达年度任务的1.7倍、1.9倍") == [(1.7, "倍", None), (1.9, "倍", None)]


@pytest.mark.parametrize("text", ["3-5个", "3至5个", "3~5个", "三至五个"])
def test_ranges(text: str) -> None:
    q = one(text)
    assert (q.value, q.range_low, q.unit) == (5.0, 3.0, "个")
    assert q.start == 0 and q.end == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "2022年", "1-5月", "2022年1-5月", "7月1日", "第一", "第3名", "十九大", "二十大", "0908", "12345热线",
        "PM2.5", "PM10", "一是", "(一)", "四上", "1+6", "5G", "一批", "一流", "一个", "数十个", "二次供水",
        "2021-2025年", "9:30", "2022.7.1", "(2)加强", "1.落实", "十四五", "三四个",
    ],
)
def test_not_quantities(text: str) -> None:
    assert [q for q in scan_quantities(text) if q.unit is not None] == []
    assert all(q.number_text not in ("2.5", "10", "2022") for q in scan_quantities(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("组织8千人次参与", [(8.0, "千人次", None)]),
        ("8千余人次", [(8.0, "千人次", "余")]),
        ("新增病例65例", [(65.0, "例", None)]),
        ("构建15分钟生活圈", [(15.0, "分钟", None)]),
        ("公园二期、三期工程", []),
        ("六届三次党代会", []),
        ("二次结构施工", []),
        ("四位一体", []),
        ("坚决做到“两个维护”", []),
        ("贯彻中央八项规定精神", []),
        ("两次获评", [(2.0, "次", None)]),
        ("举办培训5期", [(5.0, "期", None)]),
        ("平均浓度降至36毫克/立方米以下", [(36.0, "毫克/立方米", "以下")]),
    ],
)
def test_report_idioms(text: str, expected: list[tuple[float, str, str | None]]) -> None:
    assert triples(text) == expected


def test_burden_reduction_is_not_negative() -> None:
    q = one("为企业减负12.5万元")
    assert (q.value, q.negative) == (12.5, False)


def test_code_prefix_has_no_unit() -> None:
    q = one("110违法犯罪警情同比下降")
    assert (q.value, q.unit) == (110.0, None)


def test_qualifier_blockers() -> None:
    assert triples("节约资金节约3万元") == [(3.0, "万元", None)]
    assert triples("下达3个") == [(3.0, "个", None)]


def test_spans_and_full_width() -> None:
    text = "投资３万元,同比＋０.４９％"
    found = scan_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(3.0, "万元"), (0.49, "%")]
    assert text[found[1].start : found[1].end] == "＋０.４９％"


# ---------------------------------------------------------------- find_numbers


def test_find_numbers_is_a_superset() -> None:
    text = "2022年PM2.5浓度18.2微克/立方米,新增1,260个,拆除二十八宗,一万五千人,2.5万余人次"
    found = find_numbers(text)
    for value in (2022.0, 2.5, 18.2, 1260.0, 28.0, 15000.0, 1.5, 25000.0):
        assert value in found
    assert all(v >= 0 for v in found)


def test_find_numbers_no_sign() -> None:
    assert find_numbers("同比-3%") == [3.0]


# ---------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "zh"),
    [
        (75.7, "万平方米", None, "75.7万平方米"),
        (26, "公顷", "近", "近26公顷"),
        (2.5, "万人次", "余", "2.5万余人次"),
        (120, "个", "余", "120余个"),
        (120, "个", "多", "120余个"),
        (40, "万平方米", "以上", "40万平方米以上"),
        (2000, "个", "超过", "超2000个"),
        (-28.6, "%", None, "-28.6%"),
        (478.78, "亿元", None, "478.78亿元"),
        (3, "万亿元", "余", "3万亿余元"),
        (3, "万", "余", "3万余"),
    ],
)
def test_format_zh(value: float, unit: str, qualifier: str | None, zh: str) -> None:
    assert format_zh(value, unit, qualifier) == zh


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "en"),
    [
        (478.78, "亿元", None, "CNY 47.88 billion"),
        (86.48, "亿元", None, "CNY 8.65 billion"),
        (339.5, "万元", None, "CNY 3.4 million"),
        (75.7, "万平方米", None, "757,000 m² (75.7 ha)"),
        (8880.09, "平方米", None, "8,880.09 m²"),
        (28.86, "公顷", None, "288,600 m² (28.86 ha)"),
        (26, "公顷", "近", "nearly 260,000 m² (26 ha)"),
        (486, "家", None, "486"),
        (2.5, "万人次", "余", "more than 25,000"),
        (15.37, "%", None, "15.37%"),
        (-28.6, "%", None, "-28.6%"),
        (3, "个百分点", None, "3 percentage points"),
        (1.7, "倍", None, "1.7 times"),
        (18.2, "微克/立方米", None, "18.2 µg/m³"),
        (1, "亿美元", None, "USD 100 million"),
        (5000, "元", "约", "about CNY 5,000"),
        (40, "万平方米", "不少于", "at least 400,000 m² (40 ha)"),
        (5, "家", "以下", "up to 5"),
        (11, "家", "达", "11"),
        (2.5, "公里", None, "2.5 km"),
        (3, "平方公里", None, "3,000,000 m² (3 km²)"),
        (150, "万人", None, "1.5 million"),
    ],
)
def test_format_en(value: float, unit: str, qualifier: str | None, en: str) -> None:
    assert format_en(value, unit, qualifier) == en


def test_format_never_attaches_billion_to_yi_number() -> None:
    assert "478.78 billion" not in format_en(478.78, "亿元")


def test_format_rejects_unknown() -> None:
    with pytest.raises(ValueError):
        format_zh(1.0, "furlongs")
    with pytest.raises(ValueError):
        format_en(1.0, "个", "大概")


# ---------------------------------------------------------------- English figures


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("CNY 47.88 billion", 4.788e10, "CNY"),
        ("47.88 billion yuan", 4.788e10, "CNY"),
        ("RMB 8.65 bn", 8.65e9, "CNY"),
        ("USD 100 million", 1e8, "USD"),
        ("757,000 m²", 757000.0, "m2"),
        ("757,000 square metres", 757000.0, "m2"),
        ("757000 m2", 757000.0, "m2"),
        ("75.7 ha", 757000.0, "m2"),
        ("75.7 hectares", 757000.0, "m2"),
        ("15.37%", 15.37, "percent"),
        ("486", 486.0, None),
        ("2.5 km", 2500.0, "m"),
        ("478.78亿元", 4.7878e10, "CNY"),
        ("-28.6%", -28.6, "percent"),
        ("3 percentage points", 3.0, "percent"),
        ("18.2 µg/m³", 18.2, "ug/m3"),
        ("1.7 times", 1.7, "times"),
    ],
)
def test_parse_en_figures(text: str, value: float, unit: str | None) -> None:
    figures = parse_en_figures(f"The street reported {text} in the year.")
    assert len(figures) == 1, figures
    assert figures[0][0] == pytest.approx(value)
    assert figures[0][1] == unit


def test_parse_en_skips_codes() -> None:
    assert parse_en_figures("PM2.5 and 5G coverage") == []
    assert parse_en_figures("2021-2025 plan") == [(2021.0, None), (2025.0, None)]


def test_same_quantity() -> None:
    assert same_quantity(4.788e10, "CNY", 4.7878e10, "CNY")
    assert same_quantity(486, None, 486, "count")
    assert not same_quantity(100, "CNY", 100, "USD")
    assert not same_quantity(100, "m2", 110, "m2")
    assert same_quantity(0.0, "percent", 0.0, "percent")


# ---------------------------------------------------------------- properties

DECIMALS = st.integers(min_value=1, max_value=10**9).map(lambda cents: cents / 100)
QUALIFIERS = st.sampled_from(
    [None, "近", "约", "超", "余", "逾", "以上", "以下", "不少于", "不低于", "达", "左右"]
)
SCALED_UNITS = sorted(u for u, info in UNITS.items() if info.normalized_unit in ("CNY", "USD", "m2"))


@settings(max_examples=200, deadline=None)
@given(DECIMALS, st.sampled_from(sorted(u for u in UNITS if u not in STREAK_ONLY)), QUALIFIERS, st.booleans())
def test_format_zh_round_trip(value: float, unit: str, qualifier: str | None, negative: bool) -> None:
    signed = -value if negative and qualifier is None else value
    q = one(format_zh(signed, unit, qualifier))
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(signed), unit, qualifier)


@settings(max_examples=200, deadline=None)
@given(DECIMALS, st.sampled_from(SCALED_UNITS), QUALIFIERS)
def test_format_en_round_trip(value: float, unit: str, qualifier: str | None) -> None:
    norm, norm_unit = normalize(value, unit)
    figures = parse_en_figures(format_en(value, unit, qualifier))
    assert figures
    assert all(same_quantity(found, found_unit, norm, norm_unit) for found, found_unit in figures)


@settings(max_examples=200, deadline=None)
@given(DECIMALS)
def test_parse_number_round_trip(value: float) -> None:
    assert parse_number(f"{value:,}") == pytest.approx(value)


NUMBERISH = st.text(alphabet="0123456789.,+-%万亿千百十一二两三五零〇余多近超个人元年月第 、PM", max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=60), NUMBERISH))
def test_fuzz_never_raises(text: str) -> None:
    scan_quantities(text)
    find_numbers(text)
    parse_en_figures(text)
    try:
        parse_number(text)
    except ValueError:
        pass


# ---------------------------------------------------------------- 万/亿 before any measure word


@pytest.mark.parametrize(
    ("unit", "value", "normalized"),
    [
        ("亿人次", 1.2, (1.2e8, "count")), ("万人次", 2.5, (2.5e4, "count")), ("万吨", 3.0, (3e4, "t")),
        ("万户", 1.2, (1.2e4, "count")), ("万件", 4.0, (4e4, "count")), ("万头", 3.5, (3.5e4, "count")),
        ("亿羽", 1.0, (1e8, "count")), ("千吨", 2.0, (2e3, "t")), ("亿立方米", 1.5, (1.5e8, "m3")),
        ("万斤", 3.0, (15.0, "t")),
    ],
)
def test_multiplier_before_a_measure_word(unit: str, value: float, normalized: tuple[float, str]) -> None:
    got = normalize(value, unit)
    assert got[0] == pytest.approx(normalized[0]) and got[1] == normalized[1]
    assert format_zh(value, unit).endswith(unit)  # the printed word is kept


@pytest.mark.parametrize("unit", ["万鸡蛋", "亿份额", "头", "千栋楼"])
def test_unknown_measure_word_is_a_generic_count(unit: str) -> None:
    assert unit in UNITS and UNITS[unit].normalized_unit == "count"
    assert normalize(2.0, unit)[1] == "count"
    assert format_zh(2.0, unit, "余").endswith(unit[-1]) and format_en(2.0, unit)


@pytest.mark.parametrize("unit", ["furlongs", "万二", "", "kg/亩", "斤斤", "鸡蛋"])
def test_non_measure_words_stay_unknown(unit: str) -> None:
    assert unit not in UNITS or unit == ""
    if unit:
        with pytest.raises(ValueError, match="unknown unit"):
            normalize(1.0, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("全年接待游客1.2亿人次,同比增长8.5%", 1.2, "亿人次", None),
        ("出栏生猪3.5万头以上", 3.5, "万头", "以上"),
        ("服务群众2.5亿余人次", 2.5, "亿人次", "余"),
        ("新增就业岗位5万以上", 5.0, "万", "以上"),  # prose after 万 is not read as a unit
        ("达到50万的水平", 50.0, "万", "达"),
    ],
)
def test_scan_multiplier_measure_words(text: str, value: float, unit: str, qualifier: str | None) -> None:
    q = scan_quantities(text)[0]
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_years_and_quarters_count_only_in_a_streak() -> None:
    assert [(q.value, q.unit) for q in scan_quantities("连续三年全区第一，连续2个季度排名第一")] == [(3.0, "年"), (2.0, "个季度")]
    assert scan_quantities("2024年第三季度，十九届六中全会") == []
