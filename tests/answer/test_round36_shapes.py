"""Corpus level, invented reports and figures: shapes last round's unseen sets, and this round's new ones, showed
Jiedao missing.

- Reading reports: a site's tag before the title ('【精选】'); a bare output after the industry that earns it
  ('…产业集群初具规模，总产值达88.6亿元'); things counted by their stage, the head said once ('4个已立项、9个拟立项项目');
  a task in brackets after the result ('超额完成区下达的年度任务（35万平方米）'); a banded villages' '收入总额'.
- Questions: how the answer is to be written ('（单位：万元；是已发放还是计划？）', '填表用', '表里这一格该填多少');
  what was done first before a measure of its own ('…入股光伏电站后，每年给村里的分红是多少'); '是涨是跌？跌幅多大？';
  '超没超年度目标？完成比例是多少？'; a span without 年 ('在2020到2021这一年里'); two reports compared ('拿…2018年总结和
  2019年政府工作报告对照'); a crop's orchard ('已经投产的猕猴桃园有多少亩'); '12个月加总'; a state said first ('…项目里，
  正处在拆迁谈判这一步的有几个'); the denominator of a rate ('分母大约是多少人'); 苏木镇场 (kinds of unit, no place).
- English: 'in money terms' (a level, not a change); 'set a 2019 output goal — what … did it really deliver'; 'housing
  land'; 'new … planted'; 'new racks included'; a work frame before an ask of its own; '…had aimed for …; by how much
  did the 2020 work report show it falling short'; 'beat the district's task'; 'further along on its … task'; 'multiple
  of target'; an ask counting people after a sentence that names money; a quoted floor area in m².
"""

from __future__ import annotations

from rag.corpus import Corpus
from rag.schemas import Answer
from tests.conftest import first_is, invented_corpus, states

MU = 666.6666666666666

REPORTS = {
    "sq_2020.txt": "【精选】桑桥镇2020年工作总结\n"
                   "一、经济发展\n"
                   "全年完成规上工业增加值同比增长6.2%，规上工业企业营业收入4.15亿元。"
                   "智能装备产业集群初具规模，总产值达88.6亿元，全区占比近四成。全镇实现规上工业总产值312.4亿元。"
                   "全年拆除违法建筑38.2万平方米，超额完成区下达的年度任务（35万平方米）。"
                   "全镇区级税收9.36亿元，完成年度目标（9亿元）的104%。"
                   "全镇猕猴桃种植面积2.4万亩，其中投产面积1.6万亩；花椒种植面积3.2万亩，其中新扩种面积0.38万亩。"
                   "段木香菇下架6.4万架，其中今年新增0.9万架。"
                   "村集体投资150万元入股光伏电站，每年可获分红12万元。"
                   "14个村集体经济收入全部超过5万元，其中超过10万元的村6个，收入总额196万元。"
                   "全力推动“甲公园提升工程”“乙路景观工程”等4个已立项、“丙广场建设工程”等9个拟立项项目分期实施。"
                   "城市更新项目7个，其中2个项目正在开展拆迁谈判。"
                   "全年招引项目35个，落地产值24.6亿元，分别完成区下达年度任务的1.4倍、1.6倍。"
                   "全年一般公共预算收入5.24亿元，同比增长-1.8%。"
                   "80岁以上人群加强针接种512人次、接种率88.6%。"
                   "招商引资到位资金2.2亿元，完成年度目标的110%。全年累计开展排水管渠养护42.6千米，新建污水管网8.4千米。"
                   "推进新冠疫苗接种工作，全年累计接种8.2万人次。\n"
                   "二、2021年工作计划\n"
                   "力争招商引资到位资金2.4亿元；规上工业总产值增长8%；新增小初学位900个、高中学位300个。\n",
    "sq_2021zfbg.txt": "桑桥镇人民政府工作报告\n"
                       "——2022年1月在桑桥镇第十八届人民代表大会第二次会议上\n"
                       "一、2021年工作回顾\n"
                       "14个村集体经济收入总额239万元。招商引资到位资金预计2.25亿元。\n"
                       "二、2022年主要目标\n"
                       "招商引资到位资金2.6亿元。\n",
    "hl_2019.txt": "荷岭乡2019年工作总结\n"
                   "一、主要指标\n"
                   "1-11月，全乡完成规上工业产值6.15亿元，同比增长9.1%。"
                   "2019年主要目标：固定资产投资4.5亿元。"
                   "辅岗片区计划年底前完成居住用地0.45公顷、产业用地2.1公顷入库。"
                   "全年土地入库任务18.2公顷。"
                   "为低保对象、高龄老人等特殊人群发放福利服务经费1,260万元。"
                   "在旗苏木镇场年度实绩考核中位列第3名。"
                   "惠民路二期项目收楼36户(约0.98万平方米),占比61.5%。\n",
    "mz_2021q3.txt": "梅洲镇2021年前三季度工作总结及第四季度工作打算\n"
                     "一、前三季度工作\n"
                     "1-9月，完成固定资产投资５，８２０万元，同比下降4.6，占年度任务（9000万元）的64.7%。"
                     "全镇完成一般公共预算收入3,615万元，增幅列全区7个镇（街道）第2位；预计全年完成4,380万元。"
                     "全镇芡实种植面积1.62万亩，其中“苏芡”0.95万亩、“紫花芡”0.67万亩。"
                     "收购烟叶2.41万担。生猪存栏1.36万头，出栏生猪1.12万头，能繁母猪1,300头。"
                     "新增市场主体1,260户，其中企业305户。\n"
                     "二、第四季度工作打算\n"
                     "新增“四上”企业全年达到6家；新增城镇就业800人。\n",
    "mz_2022.txt": "梅洲镇2022年工作总结\n"
                   "一、主要成效\n"
                   "全镇高效设施农业面积累计达到1.05万亩，当年新增1,180亩。\n",
    "mz_2023.txt": "梅洲镇2023年工作总结\n"
                   "一、主要成效\n"
                   "全镇高效设施农业累计1.16万亩，当年新增1,100亩。\n",
}

corpus = invented_corpus("round36", REPORTS)


def _declines(a: Answer) -> bool:
    return a.route == "abstain" or "未找到" in a.text or "没有" in a.text or "未给出" in a.text or "only" in a.text


def test_a_sites_tag_is_no_part_of_the_place(corpus: Corpus) -> None:
    assert "桑桥镇" in {m.street for m in corpus.reports()}
    a = corpus.ask("桑桥镇2020年段木香菇下架多少万架？")
    assert first_is(a, 6.4e4, "count"), a.text


def test_answer_format_notes_are_no_part_of_the_measure(corpus: Corpus) -> None:
    a = corpus.ask("桑桥镇村集体投资入股光伏电站后，每年给村里的分红是多少？（单位：万元；是已发放还是计划？）")
    assert first_is(a, 12e4, "CNY"), a.text
    b = corpus.ask("桑桥镇2020年拆除违法建筑的面积，表里这一格该填多少？（单位：万平方米，请注明是约数还是确数）")
    assert first_is(b, 38.2e4, "m2"), b.text


def test_an_industrys_output_and_a_share_of_another_whole(corpus: Corpus) -> None:
    a = corpus.ask("桑桥镇2020年智能装备产业集群产值，占当年规上工业总产值的比重是多少？（单位：%，保留一位小数）")
    assert first_is(a, 28.4, "percent", rel=1e-2), a.text
    b = corpus.ask("桑桥镇2020年智能装备产业集群总产值是多少亿元？")
    assert first_is(b, 88.6e8, "CNY"), b.text


def test_stages_and_states_counted(corpus: Corpus) -> None:
    a = corpus.ask("桑桥镇2020年的城市更新项目里，正处在拆迁谈判这一步的有几个？")
    assert first_is(a, 2, "count"), a.text
    b = corpus.ask("How many projects already have project approval (已立项) in Sangqiao town (桑桥镇) in 2020?")
    assert first_is(b, 4, "count"), b.text


def test_tasks_in_brackets_and_gaps_to_them(corpus: Corpus) -> None:
    a = corpus.ask("By how many 万平方米 did Sangqiao town (桑桥镇) beat the district’s 2020 task for demolishing illegal "
                   "buildings?")
    assert states(a, 3.2e4, "m2", rel=1e-3), a.text
    b = corpus.ask("桑桥镇2020年区级税收超没超年度目标？完成比例是多少？")
    assert first_is(b, 104, "percent"), b.text
    c = corpus.ask("Sangqiao (桑桥镇) 2020 landed output (落地产值) vs the district task — multiple of target?")
    assert first_is(c, 1.6, "times"), c.text


def test_growth_sign_and_a_level_only_as_growth(corpus: Corpus) -> None:
    a = corpus.ask("桑桥镇2020年的一般公共预算收入是涨是跌？跌幅多大？")
    assert first_is(a, -1.8, "percent"), a.text
    b = corpus.ask("What was the value added of Sangqiao's (桑桥镇) above-scale industry in 2020, in money terms?")
    assert _declines(b) and "4.15" not in b.text, b.text


def test_two_reports_compared_and_banded_village_totals(corpus: Corpus) -> None:
    a = corpus.ask("拿桑桥镇2020年总结和2021年政府工作报告对照，村集体经济收入总额一年间增加了多少万元？")
    assert first_is(a, 43e4, "CNY"), a.text
    b = corpus.ask("对照两份材料，桑桥镇村级集体收入合计数在2020到2021这一年里涨了多少万元？")
    assert first_is(b, 43e4, "CNY"), b.text
    c = corpus.ask("Sangqiao (桑桥镇) had aimed for 2.4亿元 of paid-in investment in 2021; by how much did the 2022 work "
                   "report show it falling short?")
    assert states(c, 0.15e8, "CNY", rel=1e-3), c.text


def test_orchards_new_plantings_and_stocks_with_additions(corpus: Corpus) -> None:
    a = corpus.ask("桑桥镇已经投产的猕猴桃园2020年有多少万亩？")
    assert first_is(a, 1.6e4 * MU, "m2", rel=1e-3), a.text
    b = corpus.ask("How much new Sichuan pepper (花椒) planting did Sangqiao town (桑桥镇) add during 2020?")
    assert first_is(b, 0.38e4 * MU, "m2", rel=1e-3), b.text
    c = corpus.ask("2020年桑桥镇新增种植的花椒面积是多少？")
    assert first_is(c, 0.38e4 * MU, "m2", rel=1e-3), c.text
    d = corpus.ask("How many racks of log-grown shiitake (段木香菇) did Sangqiao town (桑桥镇) have in 2020, new racks "
                   "included?")
    assert first_is(d, 6.4e4, "count"), d.text


def test_whole_year_stressed_and_goals_against_results(corpus: Corpus) -> None:
    a = corpus.ask("荷岭乡2019年12个月加总的规上工业产值有多少亿元？")
    assert _declines(a) and not first_is(a, 6.15e8, "CNY"), a.text
    b = corpus.ask("Heling township (荷岭乡) set a 2019 investment goal — what investment did it really deliver that year?")
    assert _declines(b) and not first_is(b, 4.5e8, "CNY"), b.text


def test_english_parts_places_and_counts(corpus: Corpus) -> None:
    a = corpus.ask("Heling (荷岭乡) plan for 2019 — Fugang (辅岗) housing land to be banked by year-end, hectares?")
    assert first_is(a, 0.45e4, "m2"), a.text
    b = corpus.ask("Heling (荷岭乡) paid 12.6 million yuan in welfare-service funds (福利服务经费) to special groups in "
                   "2019. How many beneficiaries did that money reach?")
    assert not first_is(b, 1260e4, "CNY"), b.text
    c = corpus.ask("荷岭乡在旗里2019年苏木镇场实绩考核里名列第几？")
    assert "第3名" in c.text, c.text


def test_an_english_frame_and_a_quoted_area(corpus: Corpus) -> None:
    a = corpus.ask("Sangqiao (桑桥镇), 2020: in urban management work, what floor area of illegal buildings was actually "
                   "torn down?")
    assert first_is(a, 38.2e4, "m2"), a.text
    b = corpus.ask("Heling (荷岭乡), Huimin Road phase 2 (惠民路二期): 36 households' buildings, about 9,800 m², had been "
                   "taken back (收楼), 61.5% of the project. If that share holds for floor area too, roughly how much "
                   "floor area does the whole project involve?")
    assert first_is(b, 0.98e4 / 0.615, "m2", rel=1e-2), b.text


def test_a_rates_denominator_is_no_rate(corpus: Corpus) -> None:
    a = corpus.ask("用桑桥镇2020年80岁以上人群加强针的接种人次和接种率，倒推这个加强针接种率的分母大约是多少人？")
    assert not first_is(a, 88.6, "percent"), a.text


def test_a_purpose_said_first_notes_after_the_ask_and_a_sum_said_again(corpus: Corpus) -> None:
    a = corpus.ask("我们给辖区家庭做升学指导。桑桥镇2021年计划新增的小学初中学位，再加上高中学位，总共多少个？")
    assert first_is(a, 1200, "count"), a.text
    b = corpus.ask("桑桥镇2021年计划写的“新增高中学位”是多少个？这是目标值，还是2020年的实绩？")
    assert first_is(b, 300, "count"), b.text
    c = corpus.ask("桑桥镇2020年落地产值相对于区下达的年度任务完成了几倍？招引项目个数那个倍数不要。")
    assert first_is(c, 1.6, "times"), c.text


def test_a_spreadsheet_row_in_english(corpus: Corpus) -> None:
    a = corpus.ask("Sangqiao (桑桥镇), 2020: cumulative length of drainage pipes and culverts maintained (累计开展排水管渠养护), "
                   "in km — not the length of new sewers.")
    assert first_is(a, 42600, "m"), a.text
    b = corpus.ask("Sangqiao (桑桥镇), full year 2020: cumulative COVID vaccine doses administered (全年累计接种), in "
                   "person-times.")
    assert first_is(b, 8.2e4, "count"), b.text


def test_copies_that_lose_signs_and_full_width_commas(corpus: Corpus) -> None:
    a = corpus.ask("梅洲镇2021年1-9月固定资产投资完成了多少万元？")
    assert first_is(a, 5820e4, "CNY"), a.text
    b = corpus.ask("In January–September 2021, how steep was the year-on-year drop in Meizhou town's (梅洲镇) fixed-asset "
                   "investment?")
    assert states(b, 4.6, "percent", signed=False), b.text
    c = corpus.ask("When Meizhou (梅洲镇) wrote its autumn 2021 review, its budget revenue stopped at September — what figure "
                   "did it forecast for the whole year?")
    assert first_is(c, 4380e4, "CNY"), c.text


def test_parts_glossed_plans_by_quarter_and_stocks_kept(corpus: Corpus) -> None:
    a = corpus.ask("Of Meizhou’s (梅洲镇) 1.62万亩 of gorgon fruit (芡实) in 2021, how much was the “Suqian” (苏芡) variety?")
    assert first_is(a, 0.95e4 * MU, "m2", rel=1e-3), a.text
    b = corpus.ask("梅洲镇第四季度工作打算中，全年新增“四上”企业要达到几家？")
    assert first_is(b, 6, "count"), b.text
    c = corpus.ask("As of September 30, 2021, how many pigs were being kept in Meizhou town (梅洲镇), in 万头?")
    assert first_is(c, 1.36e4, "count"), c.text
    d = corpus.ask("In its 2021 review, how many 10,000-dan (万担) of tobacco leaf did Meizhou town (梅洲镇) say it bought?")
    assert first_is(d, 2.41e4 * 50 / 1000, "t", rel=1e-3), d.text
    e = corpus.ask("前三季度梅洲镇新增的1260户市场主体中，企业占几户？")
    assert first_is(e, 305, "count"), e.text


def test_the_label_of_the_year_asked_and_two_years_compared(corpus: Corpus) -> None:
    a = corpus.ask("截至2022年底，梅洲镇高效设施农业总共有多大面积？")
    assert first_is(a, 1.05e4 * MU, "m2", rel=1e-3), a.text
    b = corpus.ask("两年对比，梅洲镇高效设施农业累计面积2023年比2022年多出多少万亩？")
    assert first_is(b, 0.11e4 * MU, "m2", rel=1e-2), b.text

