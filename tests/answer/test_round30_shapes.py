"""Corpus level, invented reports and figures: shapes last round's unseen sets showed Jiedao missing.

- Reading reports: examples before 等 that carry a bracket each ('甲路(某路—某路)、乙街(…)等15条…'); the actors
  a report moved to do something listed before its verb ('推动企业、园区成立…站27个'); a village asked by name that the
  report writes as a 城中村; 小升规, an event count, written with and without 新增.
- Questions: a part asked with 贡献 ('开票销售里规上工业贡献了多少'); a full year stressed ('完整12个月') of a report that
  has 1-11月 only; the rest left once a share gives the whole ('没签的还有多少'); a plan set at year-end for the next
  year; the asker's purpose said first, or before a colon; what they already have said after the ask; a clause set
  aside first ('…之外，'); examples of the thing counted ('像甲路、乙街这样的'); '按镇人代会报告的口径'; a rate of a
  task whose sentence names the part ('城市更新完成的固投占任务的百分之几'); English 'to what percentage did it
  fulfil it', 'what minimum has it set', a named zone's 'area', a level before a gloss ('区人大代表建议').
"""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import first_is, invented_corpus, states

REPORTS = {
    "lw_2021.txt": "菱湾镇2021年工作总结和2022年工作思路\n"
                   "一、2021年工作成效\n"
                   "1-11月，全镇完成财政总收入3.46亿元，同比增长7.2%，完成全年任务的94.1%。"
                   "全年新增“小升规”企业6家，规上工业企业总数达到88家。"
                   "依托竹林资源，打造“青篁谷”竹旅片区，建成游步道4.2公里，片区全年接待游客18.6万人次。\n"
                   "二、2022年工作思路\n"
                   "力争新增“小升规”企业7家；完成工业性投入6.8亿元。\n",
    "lw_2022.txt": "菱湾镇2023年镇人代会政府工作报告\n"
                   "一、2022年工作回顾\n"
                   "据初步统计，全年实现财政总收入3.71亿元，同比增长4.5%。"
                   "新增“小升规”企业8家，年末规上工业企业93家。全镇完成工业性投入7.1亿元。\n",
    "hp_2023h1.txt": "蒿坪镇2023年上半年工作总结\n"
                     "一、经济运行\n"
                     "上半年，全镇工业开票销售9.8亿元，同比增长6.4%，其中规上工业开票销售8.1亿元；"
                     "全镇规上工业企业36家。一般公共预算收入完成年度任务的52.3%。"
                     "城市更新方面，开工项目5个，完成固定资产投资6.26亿元，占年度考核任务41%。"
                     "碧水苑片区征拆签约48户，占比32%。\n",
    "tj_2022.txt": "棠角街道2022年工作总结\n"
                   "一、城市建设\n"
                   "打通桂香路、竹溪街等断头路，推进云杉路(海滨大道—松园路)、秀竹街(环湖路—北辰路)等12条规划道路立项申报。"
                   "全区率先实施青石城中村规模化统租改造，累计签约腾空房屋21栋640套。\n"
                   "二、平安建设\n"
                   "在成立9个社区交通安全站的基础上，推动企业、工业园区、物流园区成立交通劝导站19个。"
                   "审计发现问题143个，已全部整改。办理市、区人大代表建议17件，政协提案11件。\n",
    "sd_2019.txt": "桑渡乡2019年工作总结\n"
                   "一、主要指标\n"
                   "全年完成一般公共预算收入836万元，完成县下达目标的103%。\n",
}


corpus = invented_corpus("round30", REPORTS)


def test_a_part_asked_with_gong_xian_and_a_full_year_stressed(corpus: Corpus) -> None:
    a = corpus.ask("今年头六个月，蒿坪的工业开票销售里规上工业贡献了多少？")
    assert first_is(a, 8.1e8, "CNY"), a.text
    b = corpus.ask("想核对菱湾镇2021年财政总收入：要完整12个月的数。")
    assert not headline_figures(b), b.text  # only 1-11月 is stated: the gap first, never 3.46亿元 as the year's


def test_event_counts_and_a_plan_set_at_year_end(corpus: Corpus) -> None:
    a = corpus.ask("跨入规上行列的“小升规”企业，菱湾镇2022年有几家？")
    assert first_is(a, 8, "count"), a.text
    b = corpus.ask("和2021年末相比，菱湾镇2022年末规上工业企业净增了几家？")
    assert states(b, 5, "count"), b.text
    c = corpus.ask("工业性投入这个指标，菱湾镇在2021年底为2022年定下的目标有多少？")
    assert first_is(c, 6.8e8, "CNY"), c.text
    d = corpus.ask("照镇人代会报告的口径，菱湾镇2022年财政总收入有多少？")
    assert first_is(d, 3.71e8, "CNY"), d.text


def test_the_rest_left_once_a_share_gives_the_whole(corpus: Corpus) -> None:
    a = corpus.ask("蒿坪碧水苑片区征拆签约48户、占比32%，据此估算，没签的大约还有多少户？")
    assert first_is(a, 102, "count", rel=1e-2), a.text  # 48 ÷ 32% = 150, less the 48 signed


def test_the_askers_purpose_and_what_they_already_have(corpus: Corpus) -> None:
    a = corpus.ask("月底要汇总各街道的监督情况，想先理一理。棠角街道2022年审计查出来的问题有多少个？")
    assert first_is(a, 143, "count"), a.text
    b = corpus.ask("棠角街道2022年一共办理了多少件人大代表建议？办结率我手上有了，只要件数。")
    assert first_is(b, 17, "count"), b.text
    c = corpus.ask("想了解一下蒿坪：上半年城市更新完成的固投相当于年度考核任务的百分之几？")
    assert first_is(c, 41, "percent"), c.text


def test_examples_actors_and_a_village_written_as_a_chengzhongcun(corpus: Corpus) -> None:
    labels = {x.label_zh for x in corpus.indicator_store.query() if x.street == "棠角街道"}
    assert {"规划道路立项申报", "成立交通劝导站"} <= labels, labels
    a = corpus.ask("棠角2022年打通断头路以外，还有像云杉路、秀竹街这类规划道路，立项报上去的总共几条？")
    assert first_is(a, 12, "count"), a.text
    b = corpus.ask("社区交通安全站以外，企业和园区也自己设了劝导站，棠角街道这种交通劝导站共设了几个？")
    assert first_is(b, 19, "count"), b.text
    c = corpus.ask("棠角青石村那个统租改造，签下来、腾空了的房子是多少套？")
    assert first_is(c, 640, "count"), c.text


def test_english_shapes(corpus: Corpus) -> None:
    a = corpus.ask("For 2019 the county set Sangdu township (桑渡乡) a goal for budget revenue; to what percentage "
                   "was it fulfilled?")
    assert first_is(a, 103, "percent"), a.text
    b = corpus.ask("The “Qinghuang Valley” (“青篁谷”) area is a bamboo-tourism zone in Lingwan town (菱湾镇); how "
                   "many visitors did it receive in 2021?")
    assert first_is(b, 18.6e4, "count"), b.text
    c = corpus.ask("Tangjiao (棠角街道) handled deputies' suggestions in 2022. What was their number (代表建议)?")
    assert first_is(c, 17, "count"), c.text
