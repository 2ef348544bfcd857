"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing.

- Two parts of one whole ('桑岗规上产值中30强内比30强外多多少亿'): each part measured as the whole is.
- Everyday and official words: 'rake in' (money), '完成度', 'Taken together', 'By what rate?', '（不要增速）',
  '请核实：', '存量', '面向…的', '挖到', '截至年中' (the first half), '1月到6月', '那96个…一共投了多少钱（万元）',
  '给老人、残疾人这些群体发补贴…谁发得多', '…加起来' (never '新增起来'), '扣掉…后，其余部分'.
- The year's additions asked over a stock ('“四上”企业增至342家'): the total is said and the number added declined;
  asked roughly, it is computed from the stock and its growth.
- A place the question sets aside ('…gives only January–May, so leave it out') is no place of the ranking.
- A figure stated before the ask ('土地入库任务14.3公顷，…实际完成了多少') frames it; the ask says the kind.
- English: an English note after a Chinese term ('小初学位 (primary plus junior-secondary places)'), ', leaving out
  senior-high places?' and 'education row:' (what the ask already says, and the analyst's table); a gerund that heads the phrase ('households under return-to-poverty monitoring' over 纳入监测对象, its
  sentence saying 返贫, its unit 户); 'ecological' (生态); money 'that went into the '民生微实事·惠民菜单' programme' over
  the one label holding every Chinese term given.
- Reading reports: '9月末存栏1.46万头' after '生猪出栏' is the pigs' stock; '新增近320个停车位' is 新增停车位.
- A division the question spells out ('按“罚款总额÷立案结案宗数”计算'); '扣掉…后，其余部分' is the whole less the part.
- '执法指标：', '（只要…那一个倍数）', '完成倍数', '请提供…的…', 'A加B，一共' (加 joins two items).
- A question in several sentences: the one that asks, with the places and the one year the others name (what the
  analyst already knows, scene-setting, and what they do not want go); kept whole when the ask points back ('这些项目')
  or names no measure ('By what rate?'), or when a passage of the report is read out first.
- A news editor's shorthand: '砸了多少钱' (the outlay), '“四上”比“专精特新”多几家' (two kinds of firm), '领先…几个亿'
  (a gap), 'FAI up 8% — check?' (the rate, which the report does not give).
- The second half asked of a half-year report ('下半年新增托位多少') is its plan.
- A comparison's periods: a year written before the first of two places ('2022年甲街道和乙街道') is both places'; an
  English place given 'mid-2023' or 'end of September 2023' in its bracket has that period, the other its own.
"""

from __future__ import annotations

from rag.corpus import Corpus
from tests.conftest import first_is, invented_corpus, states

REPORTS = {
    "ly_2022.txt": "榴园街道2022年工作总结\n"
                   "一、城市更新\n"
                   "完成老旧小区改造4个，涉及居民960户。加装电梯14部，其中已投入使用9部。\n",
    "ly_2023.txt": "榴园街道2023年工作总结\n"
                   "一、城市更新\n"
                   "完成老旧小区改造6个，涉及居民1310户。加装电梯31部，其中已投入使用22部。\n",
    "qp_2022.txt": "芹坡街道2022年工作总结\n"
                   "一、城市更新\n"
                   "完成老旧小区改造3个。加装电梯19部，惠及居民420户。\n",
    "ws_2023h1.txt": "梧沙乡2023年上半年工作总结\n"
                     "一、特色产业\n"
                     "全乡茶园面积2.14万亩，其中投产茶园1.62万亩。\n",
    "jl_2023.txt": "蕉岭镇2023年工作总结\n"
                   "一、特色产业\n"
                   "全镇茶园面积1.37万亩，茶叶产量1180吨。\n",
    "sg_2024h1.txt": "桑岗街道2024年上半年工作总结\n"
                     "一、经济运行\n"
                     "1-6月，规上工业总产值93.4亿元，同比增长2.1%，其中区30强内产值58.7亿元，30强外产值34.7亿元。\n"
                     "1-5月，固定资产投资累计完成41.2亿元，完成年度目标的36.8%，其中工业投资17.9亿元。\n"
                     "二、土地与招商\n"
                     "全年土地入库任务14.3公顷，上半年完成土地入库1.26万平方米。赴杭州、合肥等地开展招商活动4次，累计挖掘项目18个。\n"
                     "三、下半年工作计划\n"
                     "新增托位数160个，完成老旧小区改造3个。\n",
    "cx_2023.txt": "柽溪街道2023年工作总结\n"
                   "一、经济发展\n"
                   "全年完成固定资产投资47.3亿元。“四上”企业增至342家，同比增长12.5%。专精特新企业64家。"
                   "限额以上住宿餐饮业企业11家，实现营收1.9亿元，同比增长4.1%。\n"
                   "二、民生保障\n"
                   "为低保对象、残疾人等困难群体发放生活救助补贴860万元。民生微实事项目立项96个，总投入1210.5万元。\n",
    "zp_2023.txt": "樟陂街道2023年工作总结\n"
                   "一、经济发展\n"
                   "全年完成固定资产投资52.6亿元。专精特新企业37家，国家高新技术企业98家，同比增长9.3%。\n"
                   "二、民生保障\n"
                   "全年发放各类补贴510万元。\n",
    "tq_2022.txt": "桃箐乡2022年工作总结\n"
                   "一、巩固脱贫成果\n"
                   "落实防止返贫动态监测和帮扶机制，全乡纳入监测对象38户141人，已消除返贫风险26户。\n"
                   "二、特色产业\n"
                   "全乡茶园面积3.4万亩，其中生态茶园2.2万亩。前三季度生猪出栏2.71万头，9月末存栏1.46万头。\n"
                   "三、2023年计划\n"
                   "加快推动集镇立体停车场建设，新增近320个停车位。新增小初学位860个、高中学位300个。推进柿园片区项目年底前完成居住用地0.52公顷、产业用地2.4公顷入库。\n",
    "ls_2023.txt": "栎山镇2023年工作总结\n"
                   "一、巩固脱贫成果\n"
                   "全镇纳入防返贫监测对象57户203人，风险消除率达到68%。\n"
                   "二、民生实事\n"
                   "投入“民生微实事·惠民菜单”经费1860万元，建成民生微实事项目154个。综合执法立案结案86宗，罚款126.4万元。"
                   "全年招引项目42个、落地产值18.6亿元，分别完成县下达年度任务的1.4倍、1.3倍。\n",
}


corpus = invented_corpus("round26", REPORTS)


def test_a_year_before_two_places_is_both_places_year(corpus: Corpus) -> None:
    a = corpus.ask("2022年芹坡街道和榴园街道，谁加装的电梯更多？")
    assert first_is(a, 19, "count") and "14部(2022年)" in a.text and "31" not in a.text, a.text


def test_an_english_bracket_period_is_that_places_own(corpus: Corpus) -> None:
    a = corpus.ask("Whose tea-garden area is bigger: Wusha township (梧沙乡, mid-2023) or Jiaoling town (蕉岭镇, 2023)?")
    assert first_is(a, 2.14e4 * 10000 / 15, "m2", rel=1e-3) and "1.37万亩" in a.text and "H1 2023" in a.text, a.text


def test_two_parts_of_one_whole_are_measured_as_the_whole(corpus: Corpus) -> None:
    a = corpus.ask("桑岗街道上半年的规上产值里，区30强内的企业比30强外的多出多少亿？")
    assert first_is(a, 24.0e8, "CNY", rel=1e-3), a.text


def test_money_raked_in_and_rates_asked_in_english(corpus: Corpus) -> None:
    a = corpus.ask("For 2023, what sum did the above-quota hotel and catering trade (限额以上住宿餐饮业) in Chengxi (柽溪街道) rake in?")
    assert first_is(a, 1.9e8, "CNY"), a.text
    b = corpus.ask("Zhangpi (樟陂街道) claims a climb in its count of national high-tech firms (国家高新技术企业) "
                   "for 2023. By what rate?")
    assert first_is(b, 9.3, "percent"), b.text
    c = corpus.ask("Taken together, Chengxi (柽溪街道) and Zhangpi (樟陂街道) completed how much fixed-asset "
                   "investment in 2023?")
    assert first_is(c, 99.9e8, "CNY", rel=1e-3), c.text


def test_everyday_and_official_wording(corpus: Corpus) -> None:
    for question, value, unit in (
            ("头五个月下来，桑岗今年固定资产投资的完成度到了多少？", 36.8, "percent"),
            ("柽溪2023年“四上”企业总数（不要增速）？", 342, "count"),
            ("资金情况请核实：柽溪2023年面向困难群体的生活救助补贴发放总额是多少万元？", 860e4, "CNY"),
            ("请核实：樟陂辖区的专精特新企业，到2023年末存量有几家？", 37, "count"),
            ("请核实：桑岗外出招商，截至年中一共挖到了几个项目？", 18, "count"),
            ("柽溪街道那96个民生微实事项目一共投了多少钱（万元）？", 1210.5e4, "CNY"),
            ("桑岗2024年1-5月的固投累计当中，扣掉工业投资后，其余部分大概是几个亿？", 23.3e8, "CNY")):
        a = corpus.ask(question)
        assert first_is(a, value, unit, rel=1e-3), (question, a.text)
    a = corpus.ask("柽溪（2023年）、樟陂（2023年）两地专精特新加起来是几家？")
    assert states(a, 101, "count") and a.route != "abstain", a.text
    a = corpus.ask("给低保户、残疾人这些群体发补贴，柽溪和樟陂谁发得多？")
    assert a.route != "abstain" and first_is(a, 860e4, "CNY"), a.text


def test_a_period_spelled_month_to_month_is_not_a_shorter_one(corpus: Corpus) -> None:
    a = corpus.ask("桑岗2024年1月到6月的固投累计完成多少？")
    assert a.route == "abstain" and "41.2" not in a.text.split("。")[0], a.text


def test_additions_asked_over_a_stock(corpus: Corpus) -> None:
    a = corpus.ask("柽溪街道“四上”企业2023年一年新增多少家？")
    assert a.route == "abstain" and "342" in a.text, a.text
    b = corpus.ask("How many 'four-above' firms (“四上”企业) were newly added to Chengxi's (柽溪街道) roster in 2023?")
    assert b.route == "abstain" and "342" in b.text, b.text
    c = corpus.ask("Roughly how many new “四上” firms ('four-above') were added, in 2023, by Chengxi subdistrict (柽溪街道)?")
    assert first_is(c, 342 - 342 / 1.125, "count", rel=1e-2), c.text


def test_a_place_set_aside_is_left_out_of_the_ranking(corpus: Corpus) -> None:
    a = corpus.ask("Which had the least fixed-asset investment: Chengxi (柽溪街道, 2023), Zhangpi (樟陂街道, 2023) or "
                   "Sanggang (桑岗街道)? Sanggang reports only January–May, so leave it out.")
    assert first_is(a, 47.3e8, "CNY", rel=1e-3) and "41.2" not in a.text, a.text


def test_a_figure_stated_first_frames_the_ask(corpus: Corpus) -> None:
    a = corpus.ask("桑岗土地入库，2024年任务14.3公顷，截至年中实际已完成多少平方米？")
    assert first_is(a, 1.26e4, "m2", rel=1e-3), a.text
    # …only when the figure stated carries the kind: a plan or a rate named elsewhere is still asked
    b = corpus.ask("按桃箐乡的2023年计划，柿园片区项目年底前入库的地块里，居住用地占0.52公顷，产业用地是多少公顷？")
    assert first_is(b, 2.4e4, "m2", rel=1e-3), b.text
    c = corpus.ask("樟陂这篇稿件：国家高新技术企业98家，这个数我核过了，后面的同比增幅还空着，请给报告原文里的数。")
    assert first_is(c, 9.3, "percent"), c.text


def test_english_gerund_heads_and_counted_units(corpus: Corpus) -> None:
    a = corpus.ask("Lishan town (栎山镇) in 2023 or Taoqing township (桃箐乡) in 2022 — where were there more households "
                   "under return-to-poverty monitoring?")
    assert first_is(a, 57, "count") and "38" in a.text, a.text
    b = corpus.ask("How large was the ecological tea-garden area in Taoqing township (桃箐乡) in 2022?")
    assert first_is(b, 2.2e4 * 10000 / 15, "m2", rel=1e-3), b.text
    c = corpus.ask("In 万元, how much money went into the '民生微实事·惠民菜单' programme in Lishan town (栎山镇) during 2023?")
    assert first_is(c, 1860e4, "CNY"), c.text


def test_official_leads_and_items_joined(corpus: Corpus) -> None:
    for question, value, unit in (
            ("执法指标：栎山镇2023年综合执法共罚款多少万元？", 126.4e4, "CNY"),
            ("对照县下达的年度任务，栎山镇“落地产值”2023年的完成倍数为多少？（只要落地产值那一个倍数）", 1.3, "times"),
            ("到9月末，桃箐乡的生猪还存栏几头？", 1.46e4, "count"),
            ("桃箐乡2023年在集镇建立体停车场，计划新增停车位多少个？", 320, "count")):
        a = corpus.ask(question)
        assert first_is(a, value, unit, rel=1e-3), (question, a.text)
    a = corpus.ask("按桃箐乡2023年的计划，柿园片区那个项目在年底前入库的，居住用地加产业用地，一共多少公顷？")
    assert states(a, 2.92 * 10000, "m2", rel=1e-3), a.text


def test_a_division_spelled_out(corpus: Corpus) -> None:
    a = corpus.ask("按“罚款总额÷立案结案宗数”计算，栎山镇2023年综合执法每宗平均罚了多少万元？")
    assert first_is(a, 126.4e4 / 86, "CNY", rel=1e-3), a.text
    b = corpus.ask("栎山镇2023年“罚款总额÷供水管网长度”是多少？")
    assert b.route == "abstain", b.text

    c = corpus.ask("单个项目平均投入按“经费÷项目数”算，栎山镇2023年民生微实事（1860万元经费对应其项目数）和柽溪街道2023年"
                   "民生微实事（总投入对应其立项数）比，哪边平均每个项目投得多，多约多少万元？")
    assert first_is(c, (1210.5 / 96 - 1860 / 154) * 1e4, "CNY", rel=1e-2) and c.text.startswith("柽溪"), c.text


def test_english_notes_around_a_chinese_term(corpus: Corpus) -> None:
    a = corpus.ask("Education row: in its 2023 plan, what does Taoqing township (桃箐乡) aim to add in 小初学位 "
                   "(primary plus junior-secondary places), leaving out senior-high places?")
    assert first_is(a, 860, "count"), a.text


def test_the_sentence_that_asks(corpus: Corpus) -> None:
    a = corpus.ask("刚接触桑岗街道，我在做片区研究。它1-5月固投完成了年度目标的36.8%，这个我已经知道。我要的是绝对额："
                   "桑岗街道固定资产投资在2024年1-5月累计完成了多少亿元？比例就不用重复了。")
    assert first_is(a, 41.2e8, "CNY"), a.text
    b = corpus.ask("Chengxi (柽溪街道) is a Qingshan subdistrict new to me; I'm putting together a profile, and its "
                   "2023 review lists several groups of firms. What was the number of 'four-above' enterprises "
                   "(“四上”企业) in Chengxi at the end of 2023 — the count itself, not the growth rate?")
    assert first_is(b, 342, "count"), b.text
    c = corpus.ask("我在比较各地的产业基础。柽溪2023年和樟陂2023年都给了专精特新企业数，哪一边更多？"
                   "只比专精特新，不比国家高新技术企业。")
    assert first_is(c, 64, "count") and "98" not in c.text, c.text


def test_an_editors_shorthand(corpus: Corpus) -> None:
    for question, value, unit in (("栎山“惠民菜单”23年砸了多少钱？", 1860e4, "CNY"),
                                  ("23年底的柽溪，“四上”比“专精特新”多几家？", 278, "count"),
                                  ("同为23年，樟陂固投领先柽溪几个亿？", 5.3e8, "CNY")):
        a = corpus.ask(question)
        assert states(a, value, unit, rel=1e-3), (question, a.text)
    b = corpus.ask("FAI up 8% for Zhangpi (樟陂街道) in 2023 — check?")
    assert b.route == "abstain" and "52.6" in b.text, b.text


def test_the_second_half_of_a_half_year_report_is_its_plan(corpus: Corpus) -> None:
    a = corpus.ask("稿里写桑岗下半年新增托位106个，对吗？")
    assert first_is(a, 160, "count") and a.route != "abstain", a.text


def test_a_question_kept_whole_when_its_ask_leans_on_the_rest(corpus: Corpus) -> None:
    a = corpus.ask("有说法称2023年柽溪的投资比樟陂多，固定资产投资更高。核实一下是哪个街道更高？")
    assert first_is(a, 52.6e8, "CNY"), a.text
    b = corpus.ask("Zhangpi (樟陂街道) reports its fixed-asset investment (固定资产投资) for 2023. How many 亿元 was it?")
    assert first_is(b, 52.6e8, "CNY"), b.text
    c = corpus.ask("柽溪2023年兜底花了多少？我是说发给低保对象、残疾人等困难群体的生活救助补贴。")
    assert first_is(c, 860e4, "CNY"), c.text
