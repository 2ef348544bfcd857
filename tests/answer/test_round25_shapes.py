"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing.

- A figure half remembered and checked ('是不是同比涨了6%左右', '同比增长大概12%，是这样吗') asks the report's rate;
  '好几倍' in a yes/no tail asks no multiple.
- Two places named by a count ('甲、乙两街道'), set against each other by '减去', or added up ('Add them up: A's …
  plus B's ones'); a total of places one of which has no such figure is no total.
- A base year after the year asked ('2023年…较2022年的同比降幅') asks the later year's stated rate, no series.
- A part of a whole: 'A中，B占比为多少' is computed from the two levels; 'A中，B企业有几家' is B's count.
- What the report does not say is declined: a month-on-month change (环比) over a year-on-year one; the stock
  ('…到底有多少家') over the year's certifications; money 'actually brought in' over an intention (意向投资);
  a company's tax over its output; a difference ('total minus large livestock') over one of its terms.
- Everyday words: '去甲地、乙地那些地方招商，总共去了几次', '收进来多少公顷', '一下子腾出', '纳入…管理' (纳管),
  '…以后，' (what was done first), '（落地产值）' (a bracket renaming the words before it), '单位亿元',
  '按2024年工作计划，…不少于多少家', 'projects to settle in the area' (no area asked), 'fiscal and tax revenue'
  (财税总收入), "I'm checking a line that says …", 'how many 万平方米', 'and by what percentage had the count grown'.
- Reading reports: '比降4.1%' is a fall of the figure before it; '预计今年产量…' is an output, never '量产量'; '赴甲地、
  乙地等地开展外出招商活动5次' names the trips, not the places.
"""

from __future__ import annotations

from rag.corpus import Corpus
from tests.conftest import first_is, invented_corpus, states

REPORTS = {
    "qs_2023.txt": "芩水街道2023年工作总结及2024年工作计划\n"
                   "一、2023年工作回顾\n"
                   "全年完成固定资产投资142.6亿元,社会消费品零售总额达46.2亿元,增长9.3%。"
                   "“国高”企业增至312家,同比增长21.4%。成功发动23家企业通过国高认定。"
                   "PM2.5年均浓度值低至19.2微克/立方米,同比下降8.6%。"
                   "全区第三大企业宏岳集团2023年实现产值88.4亿元,同比增长4.2%。"
                   "总体收储连片产业用地近31公顷。对某片区国储地进行彻底清拆,一举释放国有储备用地3万余平方米。"
                   "全年招引项目96个、落地产值64.2亿元,分别完成区下达年度任务的1.6倍、1.8倍。"
                   "完成“民生微实事”143项。引进3家托育机构,新增托位150座。\n"
                   "二、2024年工作计划\n"
                   "力争2024年新增专精特新、单项冠军、上市企业等38家以上。力争新增“小升规”企业44家以上。新增小初学位1260个、高中学位450个。"
                   "鼓励引导一批产业园区纳入高标准产业保障房管理,全年纳管不少于36万平方米。"
                   "聚焦商贸服务开展招商引资,挖掘12个特色项目、落户6个特色项目。\n",
    "hy_2024h1.txt": "荷源街道2024年上半年工作总结\n"
                     "一、经济运行\n"
                     "1-5月,街道规上工业总产值204.6亿元,同比+0.62%,其中区50强外产值131.2亿元,同比+0.71%,"
                     "50强内产值73.4亿元,同比+0.46%。固定资产投资累计完成76.5亿元。\n"
                     "二、招商引资\n"
                     "赴厦门、成都等地开展外出招商活动6次,累计挖掘项目27个,意向投资金额合计34亿元,已落户项目13个。\n",
    "lx_2022.txt": "柳溪街道2022年工作总结\n"
                   "一、经济发展\n"
                   "全年完成固定资产投资98.3亿元,社会消费品零售总额达112.5亿元。完成“民生微实事”188项。\n",
    "rx_2023.html": "<html><body><h1>榕岙街道2023年工作总结</h1>"
                    "<p>1-11月,规模以上工业产值41.6亿元，比降3.7%。新增“四上”企业19家（其中限上商贸13家、规上服务业5家、"
                    "规上工业1家）。</p></body></html>",
    "hx_2021.txt": "荷溪镇2021年工作总结\n"
                   "一、财政收入\n"
                   "全年完成财税总收入3120万元,同比增长6.1%,税收占比较上年提高1.9个百分点。\n"
                   "二、特色产业\n"
                   "全镇砂糖橘种植面积6.2万亩。受低温影响,预计今年产量10.4万吨。\n",
    "tl_2023.txt": "塔拉沟苏木2023年政府工作报告\n"
                   "一、畜牧业\n"
                   "年末牲畜存栏28.4万头（只）,完成牛羊育肥4.2万头只。其中大畜6.1万头。肉牛分割加工厂总投资2800万元,主体工程完工,建成后年可屠宰分割肉牛1.8万头。\n",
    "mf_2023.txt": "茗溪镇2023年工作总结及2024年工作计划\n"
                   "一、2023年工作回顾\n"
                   "12个村集体经营性收入达到820万元,村均68.3万元,其余7个村均在35万元以上。"
                   "建立采购需求审查机制,自行采购项目节约率10.6%。完成土地移交入库31.2万平方米,入库量占全区21%。"
                   "截至目前,完成房屋拆除面积3.62万平方米。办理人大建议、政协提案97件,答复满意率达100%。\n"
                   "二、2024年工作计划\n"
                   "全年牵头引进落户项目不少于24个、年内纳统产值不少于15亿元。\n",
    "yl_2021.txt": "榆林铺镇2021年前三季度工作总结\n"
                   "一、经济运行\n"
                   "据统计,1-9月,全镇规上工业开票销售26.4亿元,同比增长9.1%;完成工业投资5.83亿元,同比增长12.2%。"
                   "17家规上工业企业累计实现营业收入22.7亿元(同比增长8.4%)。"
                   "推动31家工业企业完成“小升规”,其中国家高新技术企业5家。全年山药总产约4.6万吨。"
                   "全镇社会消费品零售总额12.8亿元,增长8.0%。发放各类惠农补贴972万元。\n"
                   "二、第四季度工作安排\n"
                   "全年招商硬任务:牵头引进落户项目不少于12个。\n",
}


corpus = invented_corpus("round25", REPORTS)


def test_a_rate_half_remembered_asks_the_reports_rate(corpus: Corpus) -> None:
    a = corpus.ask("印象里荷源街道规上工业1-5月的产值是不是同比涨了6%左右？")
    assert first_is(a, 0.62, "percent"), a.text
    b = corpus.ask("有人说芩水街道社零在2023年达46.2亿元、同比增长大概12%，是这样吗？")
    assert first_is(b, 9.3, "percent"), b.text
    c = corpus.ask("芩水街道国高企业现在一共几家？是不是一年翻了好几倍")
    assert first_is(c, 312, "count"), c.text


def test_two_places_counted_subtracted_and_added(corpus: Corpus) -> None:
    a = corpus.ask("芩水、柳溪两街道的固投相差多少亿元？")
    assert states(a, 44.3e8, "CNY", rel=1e-3), a.text
    b = corpus.ask("用芩水2023年固投减去柳溪2022年固投，结果是多少亿元？")
    assert states(b, 44.3e8, "CNY", rel=1e-3), b.text
    c = corpus.ask("Add them up: how many 民生微实事 projects did Qinshui (芩水) finish in 2023, plus "
                   "Liuxi's (柳溪) 2022 ones?")
    assert first_is(c, 331, "count"), c.text
    d = corpus.ask("Adding up the retail sales (社零) three reports give — Qinshui (芩水), Liuxi (柳溪) and Heyuan "
                   "(荷源) — how many 亿元 is that altogether?")
    assert a.route != "abstain" and d.route == "abstain" and not states(d, 46.2e8, "CNY"), d.text


def test_a_base_year_after_the_year_asked_is_no_series(corpus: Corpus) -> None:
    a = corpus.ask("芩水那边PM2.5年均浓度，2023年较2022年的同比降幅有多大？")
    assert first_is(a, -8.6, "percent"), a.text


def test_a_part_of_a_whole_its_share_and_its_count(corpus: Corpus) -> None:
    a = corpus.ask("在荷源1-5月的规上工业总产值中，区50强外企业产值占比为多少？")
    assert first_is(a, 131.2 / 204.6 * 100, "percent", rel=1e-3), a.text
    b = corpus.ask("榕岙那份总结提到新增“四上”企业19家，在这19家“四上”企业中，限上商贸企业有几家？")
    assert first_is(b, 13, "count"), b.text


def test_what_the_report_does_not_say_is_declined(corpus: Corpus) -> None:
    for question, wrong, unit in (
            ("和4月相比，荷源2024年5月规上工业产值的环比变化是多少？", 0.62, "percent"),
            ("Of the 13 projects settled in Heyuan (荷源) during the first half of 2024, how much money have they "
             "actually brought in so far?", 34e8, "CNY"),
            ("Is Hongyue Group's (宏岳集团) tax bill given anywhere in the Qinshui (芩水) report?", 88.4e8, "CNY"),
            ("Talagou sumu (塔拉沟苏木): total head minus large livestock (大畜) — how many small livestock is that "
             "for 2023?", 6.1e4, "count")):
        a = corpus.ask(question)
        assert a.route == "abstain" and not states(a, wrong, unit), (question, a.text)
    stock = corpus.ask("国高企业这一块，芩水到底有多少家？")  # the stock the report gives: 312, never the 23 certified
    assert first_is(stock, 312, "count"), stock.text
    intended = corpus.ask("What intended investment (意向投资) had Heyuan (荷源) lined up by mid-2024?")
    assert first_is(intended, 34e8, "CNY"), intended.text
    output = corpus.ask("What output did Hongyue Group (宏岳集团) post in Qinshui (芩水)?")
    assert first_is(output, 88.4e8, "CNY"), output.text


def test_everyday_words_for_the_reports_own(corpus: Corpus) -> None:
    asked = (
        ("2024年1到6月，荷源街道去厦门、成都那些地方招商，总共去了几次？", 6, "count"),
        ("连片的产业用地，芩水2023年收进来多少公顷？", 31e4, "m2"),
        ("某片区那块国储地彻底拆干净以后，芩水这边一下子腾出了多少平方米的储备地？", 3e4, "m2"),
        ("有多少平方米的产业园区，芩水打算在2024年纳入高标准产业保障房管理？", 36e4, "m2"),
        ("说说芩水去年招来的那些项目：实际落下来的产值（落地产值）是多少，单位亿元？", 64.2e8, "CNY"),
        ("芩水街道推动“小升规”：按2024年工作计划，企业不少于多少家？", 44, "count"),
        ("芩水街道在2024年工作计划里写了新增学位，其中小学加初中的学位准备多出来几个？", 1260, "count"),
        ("How many distinctive projects (特色项目) does Qinshui (芩水) hope will settle in the area during 2024?",
         6, "count"),
        ("In 2021, what growth rate did Hexi town (荷溪镇) report for its total fiscal and tax revenue?", 6.1,
         "percent"),
        ("I'm checking a line that says Qinshui (芩水) out-invested Liuxi (柳溪). Which figure is bigger — "
         "Liuxi's 2022 固投 or Qinshui's 2023 固投?", 142.6e8, "CNY"),
    )
    for question, value, unit in asked:
        a = corpus.ask(question)
        assert first_is(a, value, unit, rel=1e-3), (question, a.text)
    both = corpus.ask("Qinshui's (芩水) “国高” (national high-tech) firms at end-2023 — what was the tally, and by "
                      "what percentage had the count grown?")
    assert first_is(both, 312, "count") and "21.4%" in both.text, both.text


def test_reading_a_fall_an_output_and_trips(corpus: Corpus) -> None:
    rows = corpus.indicators(street="榕岙街道")
    assert any(x.kind == "yoy_growth" and x.value == -3.7 and x.label_zh == "规模以上工业产值" for x in rows), \
        [(x.label_zh, x.value) for x in rows]
    labels = {x.label_zh for x in corpus.indicators(street="荷溪镇")}
    assert "量产量" not in labels, labels
    trips = [x for x in corpus.indicators(street="荷源街道") if x.value == 6]
    assert trips and not any("成都" in x.label_zh for x in trips), [x.label_zh for x in trips]
    a = corpus.ask("2023年塔拉沟苏木那个肉牛分割加工厂实际宰了多少头牛？")
    assert not states(a, 2800e4, "CNY"), a.text  # a count of cattle asked: never the plant's investment


def test_a_plans_one_figure_for_a_list_of_kinds(corpus: Corpus) -> None:
    for question in ("芩水想在2024年多出一批好企业——单项冠军、上市公司、专精特新这几类，一共想多出多少家？",
                     "Counting 专精特新, single-champion and listed firms together, what minimum number of new ones "
                     "does Qinshui's (芩水) 2024 plan set?"):
        a = corpus.ask(question)
        assert first_is(a, 38, "count"), (question, a.text)


def test_the_nearest_figure_and_the_thing_counted(corpus: Corpus) -> None:
    a = corpus.ask("荷源街道上半年的固投一共完成多少亿元？")  # only 1-5月 stated: the gap said first (上半年, never 'H1'), then 1-5月
    assert a.text.startswith("报告没有上半年的数字") and "76.5亿元" in a.text, a.text
    b = corpus.ask("按塔拉沟苏木2023年政府工作报告，年末牛存栏多少头？")  # the herd is of all livestock: no count of cattle
    assert not states(b, 28.4e4, "count"), b.text
    c = corpus.ask("芩水街道2023年在托育方面：引进托育机构以后，当年新添了多少个托位？")
    assert first_is(c, 150, "count"), c.text


def test_bars_saving_rates_shares_and_plan_values(corpus: Corpus) -> None:
    rows = corpus.indicators(street="茗溪镇")
    assert not any(x.label_zh.startswith("村均") and x.value == 35 for x in rows), \
        [(x.label_zh, x.value) for x in rows]  # each of 7 villages past a bar: no average of 35万元
    for question, value, unit in (
            ("茗溪镇2023年自行采购的那些项目，钱省下了百分之几？", 10.6, "percent"),
            ("掂量一下茗溪的分量：2023年土地入库方面，它的入库量占全区百分之几？", 21, "percent"),
            ("今年1到5月，荷源街道的规上工业产值是正增长还是负增长，幅度多大？", 0.62, "percent"),
            ("茗溪镇招商2024年定的硬指标里，纳统产值一项，年内须达多少亿元？", 15e8, "CNY"),
            ("建议提案 (deputies' suggestions and CPPCC proposals) handled by Mingxi town (茗溪镇) in 2023: what "
             "satisfaction rate did the replies reach?", 100, "percent"),
            ("In its land-consolidation work, what building floor area did Mingxi town (茗溪镇) report as "
             "demolished so far in 2023?", 3.62e4, "m2")):
        a = corpus.ask(question)
        assert first_is(a, value, unit, rel=1e-3), (question, a.text)


def test_openers_parts_of_new_firms_dates_and_derived_increases(corpus: Corpus) -> None:
    rows = {(x.label_zh, x.kind): x for x in corpus.indicators(street="榆林铺镇")}
    assert rows[("工业投资", "actual")].period == "2021M01-M09", rows[("工业投资", "actual")].period  # 据统计,1-9月,…
    assert ("规上工业企业营业收入", "cumulative") in rows, list(rows)  # '累计' is the kind, no part of the name
    stock = corpus.ask("榆林铺镇到年末为止总共有几家高企？")  # 5 of the 31 firms that moved up: no stock
    assert stock.route == "abstain" and not states(stock, 5, "count"), stock.text
    for question, value, unit in (
            ("到2021年10月初为止，榆林铺镇的惠农补贴发了多少？", 972e4, "CNY"),
            ("榆林铺镇今年的山药总产大约是多少吨？", 4.6e4, "t"),
            ("榆林铺镇今年招商的硬任务：落户项目起码要几个？", 12, "count"),
            ("In 2023 the retail sales of Qinshui (芩水) climbed 9.3%. Roughly what does that increase amount to, "
             "in 亿元?", 46.2e8 - 46.2e8 / 1.093, "CNY")):
        a = corpus.ask(question)
        assert first_is(a, value, unit, rel=2e-3), (question, a.text)
