"""Corpus level, invented reports and figures: shapes this round's held-out sets showed Jiedao missing.

- Places and periods: '某镇镇人代会' (the town, then its congress); a whole year asked ('一整年', '12个月合计', 'calendar
  2019 as a whole') of a report that gives 1-10月 only is declined; a period opening a sentence after a cause
  ('受…影响，1至11月，…；…') holds across its ；; the plan 'for the following year' of a year's summary.
- Families and kinds: a plan's label ('水稻种植面积') never lifts its family's other actual ('粮食作物播种面积') over
  the label asked ('水稻播种面积'); '葡萄干产量' is no '葡萄总产量'; a capacity asked in English is no count of the
  stores; '其中今年拆除' after a running total is the year's own; the stock asked 'counting both old and newly
  added'.
- Counts in bands: '12个村里…收入过30万元的有几个村' (the whole the count is taken from is no part of the name).
- Two measures of one place: '两者差几个百分点', 'A与B合计多少平方米'; one label twice in a period (two age groups)
  is read with the first measure's qualifier.
- Computed from a task: '超出任务的那部分' (done less the target); '净增了多少' from a level and its growth; '实际数比目标
  差几个'; 'how many 万元 below that goal'.
- Wording: '（要金额，不要增速）', 'rather than the year-on-year change', 'in million yuan', 'Measured against its
  quota', '能支配', 'in jin … harvest', '相当于年度目标的多少', '减少了几成', '正的还是负的', '希望…突破多少',
  '能收多少吨', 'What … inventory did X report', '和2021年相比，…扩大了多少'.
"""

from __future__ import annotations

from rag.corpus import Corpus
from tests.conftest import first_is, invented_corpus, states

REPORTS = {
    "ss_2021.txt": "杉塘镇2021年工作总结及2022年工作计划\n"
                   "一、经济运行\n"
                   "1-10月，全镇完成固定资产投资3.42亿元，同比增长11.6%。\n"
                   "二、特色产业\n"
                   "全镇梨树种植面积2.6万亩。全年转移就业3120人。\n"
                   "三、2022年工作计划\n"
                   "一般公共预算收入目标2950万元；固定资产投资4.1亿元；集体经济收入10万元以上的村达到12个。\n",
    "ss_2022.txt": "杉塘镇2023年镇人代会政府工作报告\n"
                   "一、2022年工作回顾\n"
                   "据初步统计，2022年全镇完成一般公共预算收入2870万元，完成年度目标的97.3%。规模以上工业增加值同比增长6.4%，"
                   "增速居全市第4位。梨树种植面积达到2.75万亩。全镇18个行政村集体经济收入全部达到5万元以上，其中10万元以上的村11个。"
                   "农村居民人均可支配收入预计达到18630元。组织转移就业3390人。\n",
    "lw_2023.txt": "菱湾街道2023年工作总结\n"
                   "一、经济运行\n"
                   "受辖区两个商业综合体开业延迟影响，1至11月，全社会固定资产投资完成18.2亿元，同比增速-4.1%；"
                   "限额以上企业（单位）消费品零售额完成6.45亿元，同比增速9.2%。新增五上企业14家，五上企业总数达到121家。\n"
                   "二、民生实事\n"
                   "完成民生微实事118项。完善14条主次干道22公里非机动车道建设。限额以上住宿餐饮业企业9家，实现营收1.3亿元，"
                   "同比增长4.2%。完成土地移交入库31.5万平方米，占全区18%。民意速办平台接报诉求2.6万宗，办理2.58万宗。"
                   "全年发生亡人事故3起，同比下降40%。\n",
    "zp_2019.txt": "柘坪乡2019年工作总结\n"
                   "一、种植结构\n"
                   "全乡粮食作物播种面积12.4万亩，其中水稻7.3万亩、玉米3.6万亩、大豆1.5万亩。预计全年粮食总产0.98亿斤。"
                   "全乡现有果品冷库３１座，贮藏能力５．２万吨。全乡葡萄种植面积1.3万亩，预计葡萄总产量2.4万吨。\n"
                   "二、城中村改造\n"
                   "辖区9个城中村中，已有4个村完成整体拆除，累计拆除面积52.6万平方米，其中今年拆除18.4万平方米。"
                   "全年新入库固定资产投资项目7个，入库投资1.9亿元。\n"
                   "三、2020年主要目标\n"
                   "水稻种植面积稳定在7万亩以上。\n",
    "lx_2022.txt": "蓼溪镇2022年工作总结\n"
                   "一、经济运行\n"
                   "1-11月，固定资产投资同比增长12.3%。\n"
                   "二、村集体经济与民生\n"
                   "全镇12个行政村集体经济收入总额215万元，其中超过30万元的村4个。建成民生微实事项目64个。\n"
                   "三、2023年计划\n"
                   "村集体经济收入超过30万元的村达到6个。游客接待量突破9万人次。\n",
    "yw_2024h1.txt": "榆洼街道2024年上半年工作总结\n"
                     "一、城市管理\n"
                     "上半年拆除消化违建12.6万平方米，完成全年任务的126%。已完成土地入库6420.5平方米，正在办理入库手续3.12万平方米。\n"
                     "二、疫苗接种\n"
                     "60-79岁人群全程接种4210人次、接种率98.8%，加强针接种3960人次、接种率94.6%；80岁以上人群全程接种612人次、"
                     "接种率95.3%，加强针接种540人次、接种率90.1%。\n"
                     "三、市场主体\n"
                     "“四上”企业增至286家，同比增长10%。\n",
}


corpus = invented_corpus("round27", REPORTS)


def test_a_towns_own_congress_and_a_rate_against_its_target(corpus: Corpus) -> None:
    a = corpus.ask("杉塘镇镇人代会的那份报告讲，一般公共预算收入2022年完成数相当于年度目标的百分之几？")
    assert first_is(a, 97.3, "percent") and "语料中没有" not in a.text, a.text


def test_a_whole_year_asked_of_months_only_is_declined(corpus: Corpus) -> None:
    for question in ("杉塘镇2021年一整年的固投，完成额有多大（亿元）？", "杉塘镇2021年12个月合计的固投是多少？",
                     "Shantang town (杉塘镇) completed how much fixed-asset investment for calendar 2021 as a whole?"):
        a = corpus.ask(question)
        assert a.route != "indicator" and not first_is(a, 3.42e8, "CNY"), (question, a.text)


def test_a_period_after_a_cause_holds_across_the_semicolon(corpus: Corpus) -> None:
    a = corpus.ask("菱湾街道限上消费品零售额，2023年全年一共为多少亿元？")
    assert a.route == "abstain" and not first_is(a, 6.45e8, "CNY"), a.text
    b = corpus.ask("菱湾街道的限上消费品零售额，2023年1-11月有多大？")
    assert first_is(b, 6.45e8, "CNY"), b.text


def test_the_plan_for_the_year_after_a_summary(corpus: Corpus) -> None:
    a = corpus.ask("What fixed-asset investment does the 2021 summary of Shantang town (杉塘镇) "
                   "plan for the following year?")
    assert first_is(a, 4.1e8, "CNY"), a.text
    b = corpus.ask("杉塘镇的一般公共预算收入，2021年底的计划里给下一年定的目标为多少？")
    assert first_is(b, 2950e4, "CNY"), b.text


def test_a_plans_label_never_lifts_its_familys_other_actual(corpus: Corpus) -> None:
    a = corpus.ask("柘坪乡种了多少万亩水稻（2019年）？")
    assert first_is(a, 7.3e4 * 10000 / 15, "m2", rel=1e-3), a.text


def test_a_longer_thing_and_a_capacity_are_not_their_neighbours(corpus: Corpus) -> None:
    a = corpus.ask("柘坪乡的葡萄干产量（2019年）有多少吨？")
    assert not first_is(a, 2.4e4, "t"), a.text
    b = corpus.ask("How big is the storage capacity of Zheping township's (柘坪乡) fruit cold stores?")
    assert not first_is(b, 31, "count"), b.text


def test_the_years_own_part_of_a_running_total(corpus: Corpus) -> None:
    a = corpus.ask("柘坪乡2019年当年拆除城中村多少万平方米？")
    assert not first_is(a, 52.6e4, "m2"), a.text
    rows = [x for x in corpus.indicator_store.query() if x.street == "柘坪乡" and x.value == 18.4]
    assert rows and all(x.kind == "actual" for x in rows), rows


def test_a_stock_asked_counting_old_and_new(corpus: Corpus) -> None:
    a = corpus.ask("With old and newly added firms taken together, what stock of 'five-above' enterprises "
                   "(五上企业) did Lingwan (菱湾街道) have at the end of 2023?")
    assert first_is(a, 121, "count"), a.text


def test_a_count_in_a_band_of_a_whole(corpus: Corpus) -> None:
    a = corpus.ask("蓼溪镇12个行政村当中，2022年收入过30万元的有几个村？")
    assert states(a, 4, "count") and a.route == "indicator", a.text
    b = corpus.ask("杉塘镇18个村里，集体经济收入2022年在10万元以上的村数为多少？")
    assert states(b, 11, "count") and a.route == "indicator", b.text


def test_an_amount_asked_of_a_growth_only_figure(corpus: Corpus) -> None:
    a = corpus.ask("蓼溪镇固投2022年完成了多少钱？要金额，不要增速。")
    assert a.route == "abstain" and not first_is(a, 12.3, "percent"), a.text


def test_two_measures_of_one_place(corpus: Corpus) -> None:
    a = corpus.ask("请问一下榆洼街道这边：80岁以上人群全程接种率和加强针接种率，两者之间相差几个百分点？")
    assert first_is(a, 95.3 - 90.1, "percent", rel=1e-3), a.text
    b = corpus.ask("上半年榆洼街道已完成入库的土地与正在办理入库手续的土地合计多少平方米？")
    assert first_is(b, 6420.5 + 3.12e4, "m2", rel=1e-4), b.text


def test_computed_from_a_task_or_a_growth(corpus: Corpus) -> None:
    a = corpus.ask("上半年榆洼街道的消化违建量完成全年任务的126%，超出任务的那部分按万平方米算有多少？")
    assert first_is(a, 12.6e4 - 12.6e4 / 1.26, "m2", rel=1e-3), a.text
    b = corpus.ask("榆洼“四上”企业增至286家、同比增长10%，那一年大概净增了多少家？")
    assert first_is(b, 286 - 286 / 1.1, "count", rel=1e-2), b.text
    c = corpus.ask("杉塘镇2022年10万元以上集体经济收入的村，实际数比目标差几个？")
    assert states(c, 1, "count") and "计算值" in c.text, c.text
    d = corpus.ask("In its 2021 summary, Shantang town (杉塘镇) fixed a goal for its 2022 general-budget revenue; "
                   "how many 万元 below that goal did the 2022 outturn come in?")
    assert states(d, 80e4, "CNY", rel=1e-3) and "below" in d.text, d.text


def test_wording_of_units_kinds_and_frames(corpus: Corpus) -> None:
    for question, value, unit in (
            ("What was Lingwan's (菱湾街道) above-quota retail sales level itself in Jan–Nov 2023, rather than "
             "the year-on-year change?", 6.45e8, "CNY"),
            ("2022年杉塘镇农民人均能支配的收入，估计为多少元？", 18630, "CNY"),
            ("Zheping township (柘坪乡): in jin, how much grain was its 2019 harvest expected to bring?", 0.98e8 / 2000, "t"),
            ("蓼溪镇的游客接待量，2023年希望能突破多少万人次？", 9e4, "count"),
            ("杉塘镇梨树种植面积，2022年和2021年相比扩大了多少万亩？", 0.15e4 * 10000 / 15, "m2")):
        a = corpus.ask(question)
        assert first_is(a, value, unit, rel=1e-3), (question, a.text)


def test_a_rank_asked_in_english(corpus: Corpus) -> None:
    a = corpus.ask("Where did Shantang town (杉塘镇) rank in 2022 among the city's towns for industrial "
                   "value-added growth?")
    assert a.route == "indicator" and "第4位" in a.text, a.text


def test_the_clause_or_sentence_that_asks(corpus: Corpus) -> None:
    for question, value, unit in (
            ("我在写一篇乡镇财政的比较文章。杉塘镇那份人代会报告里，其中一般公共预算收入是多少万元？另一个口径的我另外再查。",
             2870e4, "CNY"),
            ("榆洼街道接种工作做得细，分了年龄段。请问80岁以上这一级的加强针接种率是多少？", 90.1, "percent"),
            ("给领导做个横向比较：蓼溪镇那一年建成的民生微实事项目有几个？", 64, "count"),
            ("菱湾街道的限上零售额涨得快不快？2023年1至11月同比增速是正的还是负的，多少？", 9.2, "percent")):
        a = corpus.ask(question)
        assert first_is(a, value, unit, rel=1e-3), (question, a.text)


def test_a_shared_measure_added_over_two_places(corpus: Corpus) -> None:
    a = corpus.ask("把菱湾完成的民生微实事和蓼溪建成的加在一起，总共是多少个项目？")
    assert states(a, 118 + 64, "count"), a.text


def test_asides_of_unit_rate_and_optional_asks(corpus: Corpus) -> None:
    for question, value, unit in (
            ("Lingwan (菱湾街道) added non-motorised lanes (非机动车道) on 14 roads in 2023. How long are they "
             "in total, and in what unit?", 22e3, "m"),
            ("2023年菱湾街道土地移交入库完成了多少万平方米？报告采用的计量单位是什么？", 31.5e4, "m2"),
            ("菱湾街道土地移交入库在全区所占份额（2023年）有多大？", 18, "percent"),
            ("Lingwan's (菱湾街道) 9 hotel and catering firms above the quota (限额以上住宿餐饮业) had 2023 revenue "
             "of 130 million yuan; by how much did it grow year on year, per the report?", 4.2, "percent"),
            ("我在对比几个街道的诉求办理。菱湾街道2023年民意速办平台办理了多少宗诉求？平均办理时长是多少天？后一个报告里"
             "没有就算了。", 2.58e4, "count"),
            ("Lingwan (菱湾街道) says safety improved in 2023. Setting the rate aside, how many fatal accidents "
             "(亡人事故) were there?", 3, "count")):
        a = corpus.ask(question)
        assert first_is(a, value, unit, rel=1e-3), (question, a.text)


def test_a_change_between_two_years_worded_apart(corpus: Corpus) -> None:
    a = corpus.ask("2022年杉塘镇组织转移就业的人，比2021年增加了多少人？")
    assert first_is(a, 270, "count"), a.text


def test_a_weak_match_must_hold_the_thing_measured(corpus: Corpus) -> None:
    a = corpus.ask("柘坪乡种的玉米，2019年的总产量有多少斤？")
    assert a.route != "indicator" and not first_is(a, 0.98e8 / 2000, "t"), a.text


def test_a_part_never_answered_by_its_whole_nor_money_by_a_count(corpus: Corpus) -> None:
    a = corpus.ask("菱湾街道1至11月的限上零售额里，网络零售那部分占了多少？")
    assert not first_is(a, 6.45e8, "CNY"), a.text
    b = corpus.ask("柘坪乡2019年新入库的固定资产投资为多少？")
    assert not first_is(b, 7, "count"), b.text
    c = corpus.ask("Of the demolished floor area Zheping (柘坪乡) reported for 2019, how much was handled by means other "
                   "than whole-village demolition?")
    assert not first_is(c, 52.6e4, "m2"), c.text


def test_which_of_two_places_asked_as_where_and_higher(corpus: Corpus) -> None:
    a = corpus.ask("菱湾（2023年）和蓼溪（2022年），哪里建成的民生微实事更多？")
    assert first_is(a, 118, "count"), a.text
    b = corpus.ask("菱湾和蓼溪的民生微实事数量，哪个更高、是多少？")
    assert first_is(b, 118, "count"), b.text


def test_parts_measured_by_the_clause_before_and_spoken_words(corpus: Corpus) -> None:
    a = corpus.ask("帮忙算算，柘坪乡2019年的播种面积，水稻的和玉米的加在一起总共多少万亩？")
    assert first_is(a, 10.9e4 * 10000 / 15, "m2", rel=1e-3), a.text
    b = corpus.ask("那个杉塘镇的政府工作报告，一般公共预算收入（2022年）到底收了多少来着？")
    assert first_is(b, 2870e4, "CNY"), b.text

