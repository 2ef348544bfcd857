"""Figure answers on invented rows: lookups per year, kinds, rankings, trends, scope guard."""

from __future__ import annotations

from rag.answer.figures import indicator_answer
from rag.answer.router import route
from rag.schemas import Answer
from tests.answer.figure_rows import context, row

ROWS = [
    # 青石街道: two full years and a half-year
    row("青石街道", "2022", "财政总收入", 10.0),
    row("青石街道", "2022", "财政总收入", 8.5, kind="yoy_growth", unit="%"),
    row("青石街道", "2023", "财政总收入", 12.5),
    row("青石街道", "2024H1", "财政总收入", 7.0),
    row("青石街道", "2023", "地区生产总值", 6.0, kind="yoy_growth", unit="%", key="gdp"),
    row("青石街道", "2023", "规上工业总产值", 95.0, kind="estimate"),
    row("青石街道", "2024-plan", "财政总收入", 14.0, kind="target", part="plan"),
    # 云岭街道: one year, in 万元
    row("云岭街道", "2023", "财政总收入", 98000.0, unit="万元"),
    # 桃溪镇: only a 1-9月 figure
    row("桃溪镇", "2023M01-M09", "财政总收入", 11.0),
]
CTX = context(ROWS)


def ask(q: str, prev: Answer | None = None) -> Answer:
    from rag.answer.router import Route

    r = route(q, CTX.reports, Route.model_validate(prev.intent) if prev else None)
    a = indicator_answer(q, r, CTX)
    assert a is not None, q
    return a


def first(a: Answer) -> str:
    return a.text.split("。")[0]


def ask_rows(rows: list, q: str) -> Answer | None:  # type: ignore[type-arg]
    """The figure route's answer to `q` over these invented rows only."""
    ctx = context(rows)
    return indicator_answer(q, route(q, ctx.reports), ctx)


def test_per_year_lookups() -> None:
    assert "12.5亿元" in first(ask("青石街道2023年财政总收入是多少？"))
    assert "10亿元" in first(ask("青石街道2022年财政总收入是多少？"))
    a = ask("青石街道财政总收入是多少？")  # no period: the latest full year, said so
    assert "2023年" in first(a) and "12.5亿元" in first(a) and "最新的全年数据" in a.text
    assert "7亿元" in first(ask("青石街道2024年上半年财政总收入是多少？"))
    assert a.citations[0].quote == "财政总收入12.5亿元"


def test_follow_up_year() -> None:
    a = ask("青石街道2023年财政总收入是多少？")
    b = ask("那2022年呢？", a)
    assert "10亿元" in first(b) and b.route == "indicator"


def test_kind_asked_vs_reported() -> None:
    a = ask("青石街道2023年地区生产总值是多少？")
    assert a.route == "abstain" and "只给出" in a.text and "增速" in a.text and "未给出总量" in a.text
    g = ask("青石街道2022年财政总收入同比增长多少？")
    assert "8.5%" in first(g) and "同比增长" in first(g)
    e = ask("青石街道2023年规上工业总产值是多少？")
    assert "预计" in first(e) and "95亿元" in first(e)
    t = ask("青石街道2024年财政总收入的目标是多少？")
    assert "目标" in first(t) and "14亿元" in first(t)
    # a target is never passed as a result
    assert "14亿元" not in first(ask("青石街道财政总收入是多少？"))


def test_ranking_one_row_per_place_units_and_periods() -> None:
    a = ask("哪个街道的财政总收入最多？")
    assert a.table is not None
    places = [t.street for t in a.table if t.rank]
    assert len(places) == len(set(places)) == 3
    assert first(a).startswith("青石街道") and "12.5亿元" in first(a)  # 12.5亿 > 9.8亿 (98000万元) > 11亿 1-9月?
    assert places == ["青石街道", "桃溪镇", "云岭街道"]
    assert "不是全年数" in a.text and "统计期不同" in a.text
    b = ask("2023年哪个街道的财政总收入最多？")
    assert [t.period for t in b.table or [] if t.rank][0] == "2023"


def test_trend() -> None:
    a = ask("青石街道近几年财政总收入的变化")
    assert a.route == "indicator"
    assert a.text.index("10亿元") < a.text.index("12.5亿元")
    assert "2.5亿元" in a.text and "+25.0%" in a.text and "计算值" in a.text
    assert len(a.citations) >= 2
    en = ask("How did Qingshi's 财政总收入 change from 2022 to 2023?")
    assert "computed" in en.text and "+25.0%" in en.text


def test_scope_guard_absent_and_look_alike() -> None:
    a = ask("白沙镇2023年财政总收入是多少？")
    assert a.route == "abstain" and "白沙镇" in a.text and "青石街道" in a.text
    assert "12.5" not in a.text and not a.citations
    b = ask("青石镇2023年财政总收入是多少？")  # the corpus has 青石街道, not 青石镇
    assert b.route == "abstain" and "12.5" not in b.text
    en = ask("What was Baisha Town's fiscal revenue in 2023?")
    assert "12.5" not in en.text


def test_english_lookup() -> None:
    a = ask("What was Qingshi Subdistrict's total fiscal revenue in 2022?")
    assert "1 billion" in first(a) or "10亿元" in first(a)


def test_computed_previous_year_and_target() -> None:
    rows = [row("青石街道", "2023", "新登记企业", 330, "家"),
            row("青石街道", "2023", "新登记企业", 10.0, "%", kind="yoy_growth"),
            row("青石街道", "2024H1", "工业投资", 6.0),
            row("青石街道", "2024H1", "工业投资", 40.0, "%", kind="completion_rate")]
    ctx = context(rows)
    r = route("青石街道2022年新登记企业约有多少家？", ctx.reports)
    a = indicator_answer("青石街道2022年新登记企业约有多少家？", r, ctx)
    assert a is not None and "300家" in first(a) and "计算值" in first(a)
    q = "青石街道2024年工业投资年度目标约是多少？"
    b = indicator_answer(q, route(q, ctx.reports), ctx)
    assert b is not None and "15亿元" in first(b) and "计算值" in first(b)
    q = "青石街道2024年工业投资年度目标是多少？"  # not asked to derive: the report states no target
    c = indicator_answer(q, route(q, ctx.reports), ctx)
    assert c is None or (c.route == "abstain" and "15亿元" not in c.text)


def test_same_name_in_two_counties() -> None:
    from rag.schemas import ReportMeta

    rows = [row("禾田镇", "2023", "粮食总产量", 2.5, "万吨", rid="a"), row("禾田镇", "2023", "粮食总产量", 1.1, "万吨",
                                                                  rid="b")]
    ctx = context(rows)
    ctx.reports = [ReportMeta(report_id="a", path="a", content_hash="a", street="禾田镇", district="东山县"),
                   ReportMeta(report_id="b", path="b", content_hash="b", street="禾田镇", district="西河县")]
    q = "禾田镇2023年粮食总产量是多少？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and a.route == "abstain" and "东山县" in a.text and "西河县" in a.text
    q = "东山县禾田镇2023年粮食总产量是多少？"
    b = indicator_answer(q, route(q, ctx.reports), ctx)
    assert b is not None and "2.5万吨" in first(b)
    q = "西河县禾田镇2023年粮食总产量是多少？"
    c = indicator_answer(q, route(q, ctx.reports), ctx)
    assert c is not None and "1.1万吨" in first(c)
    assert route("在全县乡镇考评中排名第几", ctx.reports).unknown_places == []
    # a place whose name ends in 乡 is still a place the corpus lacks, never a sum over the places it has
    q = "东乡街道2023年一共新增了多少学位？"
    assert route(q, ctx.reports).unknown_places == ["东乡街道"]
    d = indicator_answer(q, route(q, ctx.reports), ctx)
    assert d is not None and d.route == "abstain" and "禾田镇" in d.text


# ---- the dimension asked, results before estimates, two asks (invented rows) ----------------------------------
MORE = [
    row("梅林镇", "2023", "实施衔接资金项目", 9, "个"),
    row("梅林镇", "2023", "衔接资金项目投入资金", 760.0, "万元"),
    row("梅林镇", "2023", "开发公益性岗位", 40, "个"),
    row("梅林镇", "2022", "一般公共预算收入", 3.1),
    row("梅林镇", "2023", "一般公共预算收入", 3.4, kind="estimate"),
    row("梅林镇", "2023", "新增托位", 120, "个", kind="target", part="plan"),
    row("梅林镇", "2023", "养老床位", 60, "个", kind="target", part="plan"),
]
MORE_CTX = context(MORE)


def ask_more(q: str) -> Answer:
    a = indicator_answer(q, route(q, MORE_CTX.reports), MORE_CTX)
    assert a is not None, q
    return a


def test_money_question_is_never_answered_with_a_count() -> None:
    assert "760万元" in first(ask_more("梅林镇2023年实施衔接资金项目投入了多少资金？"))
    a = ask_more("梅林镇2023年开发公益性岗位投入了多少资金？")
    assert a.route == "abstain" and "金额" in a.text


def test_a_stated_result_comes_before_a_later_estimate() -> None:
    a = ask_more("梅林镇一般公共预算收入是多少？")
    assert "3.1亿元" in first(a)


def test_two_asks_answer_both_in_order() -> None:
    a = ask_more("梅林镇2023年计划新增托位和养老床位各多少个？")
    assert a.text.index("120") < a.text.index("60") and len(a.citations) == 2


def test_trend_states_the_computed_change_first() -> None:
    a = ask("青石街道财政总收入2022年到2023年变化多少？")
    assert first(a).startswith("青石街道财政总收入2023年比2022年增加2.5亿元") and "计算值" in first(a)


def test_an_explicit_month_range_is_not_answered_by_another() -> None:
    rows = [row("梅林镇", "2024M01-M05", "固定资产投资", 2.2)]
    ctx = context(rows)
    q = "梅林镇2024年1-6月固定资产投资是多少？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and a.route == "abstain" and "1-5月" in a.text
    q = "梅林镇2024年上半年固定资产投资是多少？"  # 上半年 asked: the gap first, then the 1-5月 figure it does hold
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and "2.2" not in first(a) and "上半年" in first(a)
    assert "2.2亿元" in a.text and "1-5月" in a.text


def test_a_weak_match_that_another_measure_ties_is_asked_back_not_guessed() -> None:
    rows = [row("梅林镇", "2023", "污水管网", 12.0, "公里"), row("梅林镇", "2023", "雨水管网", 9.0, "公里")]
    ctx = context(rows)
    q = "梅林镇2023年管网长度是多少？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and a.route == "abstain" and "污水管网" in a.text and "雨水管网" in a.text
    q = "梅林镇2023年污水管网长度是多少？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and "12公里" in first(a)


def test_no_place_named_in_a_lookup_is_asked_back_and_named_places_rank_across_wordings() -> None:
    rows = [row("梅林镇", "2023", "受理12345热线工单", 3100, "件"),
            row("桃溪镇", "2023", "受理12345政务服务便民热线工单", 5200, "件")]
    ctx = context(rows)
    q = "2023年受理12345热线工单多少件？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and a.route == "abstain" and "梅林镇" in a.text and "桃溪镇" in a.text
    q = "梅林镇和桃溪镇2023年哪个受理12345热线工单更多？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and a.text.startswith("桃溪镇") and "5200件" in first(a)


def test_a_question_that_rules_out_estimates_is_not_answered_by_one() -> None:
    rows = [row("梅林镇", "2023", "固定资产投资", 5.6, kind="estimate")]
    a = ask_rows(rows, "梅林镇2023年固定资产投资实际完成额是多少（不是预计数）？")
    assert a is not None and a.route == "abstain" and "预计数" in a.text
    assert "预计" in first(ask_rows(rows, "梅林镇2023年固定资产投资是多少？"))  # type: ignore[arg-type]


def test_the_whole_year_asked_is_not_answered_by_part_of_it() -> None:
    rows = [row("梅林镇", "2023M01-M11", "固定资产投资", 4.4)]
    a = ask_rows(rows, "梅林镇2023年全年固定资产投资是多少？")
    assert a is not None and a.route == "abstain" and "1-11月" in a.text
    assert "4.4亿元" in first(ask_rows(rows, "梅林镇2023年固定资产投资是多少？"))  # type: ignore[arg-type]


def test_figures_computed_from_a_share_and_from_a_multiple_of_the_task() -> None:
    rows = [row("梅林镇", "2023", "土地整备入库", 30.0, "万平方米"),
            row("梅林镇", "2023", "土地整备入库", 20.0, "%", kind="share"),
            row("梅林镇", "2023", "签约金额", 42.0), row("梅林镇", "2023", "签约金额", 1.4, "倍", kind="completion_rate")]
    ctx = context(rows)
    q = "根据梅林镇土地整备入库占全区的比例，推算全区2023年土地整备入库总量约多少？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and "150万平方米" in first(a) and "计算值" in first(a)
    q = "梅林镇2023年签约金额的年度任务约为多少？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and "30亿元" in first(a)


def test_the_unit_named_in_the_question_decides_and_one_period_is_no_change() -> None:
    rows = [row("梅林镇", "2023", "税收千万级楼宇税收", 3.2), row("梅林镇", "2022", "税收千万级楼宇税收", 2.9)]
    ctx = context(rows)
    q = "梅林镇税收千万级楼宇2023年比2022年增加了几栋？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and a.route == "abstain"
    rows = [row("梅林镇", "2023", "楼宇平均入驻率", 88.0, "%")]
    ctx = context(rows)
    q = "梅林镇楼宇平均入驻率2022年到2023年变化了多少？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and a.route == "abstain" and a.text.count("只有一个期间") == 1


def test_english_month_ranges_are_periods() -> None:
    from rag.answer.router import period_of

    assert period_of("What was revenue for January–October 2023?") == "2023M01-M10"
    assert period_of("How much by the end of May 2024?") == "2024M01-M05"
    assert period_of("in the first ten months of 2023") == "2023M01-M10"


def test_a_two_year_total_of_one_place_and_english_per_unit_and_scope() -> None:
    rows = [row("梅林镇", "2022", "新增四上企业", 11, "家"), row("梅林镇", "2023", "新增四上企业", 9, "家")]
    ctx = context(rows)
    q = "梅林镇2022年和2023年两年合计新增四上企业多少家？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and first(a).startswith("梅林镇2022年、2023年新增四上企业合计20家") or "合计20家" in first(a)
    from rag.figures.match import match_rows

    rows = [row("梅林镇", "2023", "小麦收获面积", 2.1, "万亩"), row("梅林镇", "2023", "小麦平均亩产", 455, "公斤"),
            row("梅林镇", "2023", "税收总额", 9.8, key="tax_revenue"), row("梅林镇", "2023", "区级税收", 3.1, key="tax_revenue")]
    assert match_rows("wheat harvest per mu", rows, lang="en")[0].row.label_zh == "小麦平均亩产"
    got = match_rows("district-level tax revenue", rows, keys=["tax_revenue"], lang="en")
    assert got[0].row.label_zh == "区级税收"


def test_counts_by_measure_word_shares_by_subject_and_rivals_in_the_year_asked() -> None:
    rows = [row("梅林街道", "2023", "税收收入", 6.1, key="tax_revenue"),
            row("梅林街道", "2023", "税收千万级楼宇", 7, "栋"),
            row("梅林街道", "2023", "楼宇税收", 3.6), row("梅林街道", "2023", "楼宇税收", 59.0, "%", kind="share"),
            row("梅林街道", "2022", "12345热线受理工单", 4100, "件"), row("梅林街道", "2023", "12345热线共受理工单", 4400, "件")]
    ctx = context(rows)
    for q, want in (("2023年底梅林街道有几栋税收千万级楼宇？", "7栋"),
                    ("梅林街道2023年楼宇税收占税收收入的比重是多少？", "59%"),
                    ("How many 12345 hotline tickets did Meilin receive in 2022?", "4,100")):
        a = indicator_answer(q, route(q, ctx.reports), ctx)
        assert a is not None and want in first(a) if "How" not in q else want in a.text.split(". ")[0], (q, a)


def test_kinds_and_units_read_from_the_question() -> None:
    rows = [row("梅林镇", "2024-plan", "一般公共预算收入", 8.0, "%", kind="target", part="plan"),
            row("梅林镇", "2024-plan", "一般公共预算收入", 4500.0, "万元", kind="target", part="plan"),
            row("梅林镇", "2023", "马铃薯种植面积", 1.35, "万亩"),
            row("梅林街道", "2023", "12345热线诉求解决率", 95.8, "%")]
    assert "4500万元" in first(ask_rows(rows, "梅林镇2024年一般公共预算收入的目标是多少？"))  # type: ignore[arg-type]
    assert "8%" in first(ask_rows(rows, "梅林镇2024年一般公共预算收入增长目标是多少？"))  # type: ignore[arg-type]
    a = ask_rows(rows, "梅林镇2023年马铃薯产量多少吨？")
    assert a is None or a.route == "abstain"
    a = ask_rows(rows, "梅林街道2023年12345热线诉求解决的比例是多少？")
    assert a is not None and "95.8%" in first(a)


def test_a_named_pair_with_one_figure_missing_names_no_winner() -> None:
    rows = [row("梅林镇", "2023", "接待游客", 21.5, "万人次"), row("桃溪镇", "2023", "新建公园", 3, "个")]
    a = ask_rows(rows, "梅林镇和桃溪镇2023年哪个接待游客更多？")
    assert a is not None and a.route == "abstain" and "无法比较" in a.text and "桃溪镇" in a.text
    a = ask_rows(rows, "梅林镇接待游客比桃溪镇多多少？")  # the gap asked: no figure of 梅林镇 alone as 'the most'
    assert a is not None and a.route == "abstain" and "无法比较" in a.text and "最多" not in a.text


def test_lower_ranks_ascending_falls_are_growth_and_a_derived_count_is_whole() -> None:
    rows = [row("梅林镇", "2022", "PM2.5年均浓度", 18.1, "微克/立方米", key="pm25"),
            row("桃溪镇", "2022", "PM2.5年均浓度", 17.2, "微克/立方米", key="pm25"),
            row("梅林镇", "2022", "四上企业", 300, "家"), row("梅林镇", "2022", "四上企业", 20.0, "%", kind="yoy_growth"),
            row("梅林镇", "2022", "刑事警情", -12.0, "%", kind="yoy_growth")]
    a = ask_rows(rows, "梅林镇和桃溪镇2022年哪个PM2.5年均浓度更低？")
    assert a is not None and a.text.startswith("桃溪镇")
    a = ask_rows(rows, "梅林镇四上企业2022年300家、同比增长20%，据此推算2021年约有多少家？")
    assert a is not None and "250家" in first(a)
    a = ask_rows(rows, "How much did criminal incidents fall in Meilin town in 2022?")
    assert a is not None and "12%" in a.text.split(". ")[0]
