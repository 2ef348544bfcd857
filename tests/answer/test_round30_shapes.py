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
                   "新增“小升规”企业8家，年末规上工业企业93家。全镇完成工业性投入7.1亿元。"
                   "“青篁谷”竹旅片区创成3A级景区，片区全年接待游客7.9万人次，带动全镇接待游客26.3万人次。"
                   "全年发生道路交通事故12起，同比下降25%，死亡人数同比下降40%。完成旧厂房收储面积2.36万平方米。\n",
    "hp_2023h1.txt": "蒿坪镇2023年上半年工作总结\n"
                     "一、经济运行\n"
                     "上半年，全镇工业开票销售9.8亿元，同比增长6.4%，其中规上工业开票销售8.1亿元；"
                     "全镇规上工业企业36家。一般公共预算收入完成年度任务的52.3%。"
                     "城市更新方面，开工项目5个，完成固定资产投资6.26亿元，占年度考核任务41%。"
                     "碧水苑片区征拆签约48户，占比32%。上半年出栏生猪1.46万头，全年计划出栏3.2万头。\n",
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
    "yd_2024.html": "<html><head><title>榆渡镇召开2024年度工作总结大会</title></head><body>"
                    "<div class='nav'>首页 | 镇情概况 | 政务公开</div>"
                    "<p>12月26日，榆渡镇召开2024年度工作总结大会。会议指出，2024年全镇收购烟叶3.6万担，"
                    "31个村集体经济收入全部超过15万元，其中超过40万元的村7个；全年完成棚户区改造征收签约412户。"
                    "土地入库42公顷，占全县入库总量的18%。</p>"
                    "<p>会议强调，2025年要锚定目标、奋力争先：规上工业总产值达到56亿元，税收收入1.8亿元。</p>"
                    "<div class='footer'>版权所有 榆渡镇人民政府</div></body></html>",
    "zt_2023.txt": "蔗塘镇2023年工作总结\n"
                   "一、产业发展\n"
                   "2023/2024年榨季全镇糖料蔗种植面积9.4万亩，入厂原料蔗52.6万吨，蔗农售蔗收入2.71亿元。"
                   "截至9月底，全镇收购烟叶3.1万担。\n"
                   "二、2024年工作计划\n"
                   "糖料蔗种植面积稳定在9.5万亩。\n",
    "cp_2016q3.txt": "橙坪街道2016年1-9月工作总结\n"
                     "一、经济运行\n"
                     "1-9月，街道完成一般公共预算收入4210万元，完成全年确保目标（5600万元）任务进度的75.2%，同比增长8.1%。"
                     "农民相对集中居住签约95户，累计签约428户。"
                     "开展“民生微实事”项目86项，惠及居民近3万人次。"
                     "禾园小区征拆签约40户，占比32%。"
                     "新建街道职工之家和5个“暖心驿站”。\n"
                     "二、2017年主要目标\n"
                     "一般公共预算收入6000万元，规上工业营业收入增长9%，固定资产投资11亿元。\n",
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
    b = corpus.ask("The “Qinghuang Valley” (“青篁谷”) area is a bamboo-tourism zone in Lingwan town (菱湾镇); in 2021, "
                   "what tourist count did it draw?")
    assert first_is(b, 18.6e4, "count"), b.text
    c = corpus.ask("Tangjiao (棠角街道) handled deputies' suggestions in 2022. What was their number (代表建议)?")
    assert first_is(c, 17, "count"), c.text


def test_a_target_in_brackets_and_a_full_year_said_as_months(corpus: Corpus) -> None:
    labels = {(x.label_zh, x.kind) for x in corpus.indicator_store.query() if x.street == "橙坪街道" and x.value == 5600}
    assert labels == {("一般公共预算收入", "target")}, labels
    a = corpus.ask("从1到12月算，橙坪街道2016年的一般公共预算收入一共收上来多少？")
    assert not headline_figures(a), a.text  # 1-9月 only, and 5600万元 is the year's target
    b = corpus.ask("What did Chengping (橙坪街道) collect in budget revenue over January–December 2016?")
    assert not headline_figures(b), b.text


def test_a_running_total_of_the_same_verb(corpus: Corpus) -> None:
    labels = {x.label_zh: x.value for x in corpus.indicator_store.query() if x.street == "橙坪街道"}
    assert labels.get("农民相对集中居住累计签约") == 428, labels
    b = corpus.ask("橙坪的农民相对集中居住，到2016年9月累计签了几户？")
    assert first_is(b, 428, "count"), b.text


def test_another_measures_figure_and_a_difference_of_two_derived_figures(corpus: Corpus) -> None:
    a = corpus.ask("橙坪街道为2017年规上工业营业收入设了多少金额的目标？")
    assert not headline_figures(a), a.text  # only a growth target: never the 6000万元 of budget revenue
    b = corpus.ask("按进度倒推橙坪2016年一般公共预算收入和固投的全年目标，二者之差是多少？")
    assert not headline_figures(b), b.text


def test_a_thing_named_by_what_it_is_called_and_english_shapes(corpus: Corpus) -> None:
    a = corpus.ask("听说橙坪给快递小哥弄了些叫“暖心驿站”的地方，2016年新建了几个？街道职工之家不算。")
    assert first_is(a, 5, "count"), a.text
    b = corpus.ask("Roughly how many resident visits (人次) did Chengping's (橙坪街道) micro-livelihood projects "
                   "(民生微实事) reach by September 2016?")
    assert not states(b, 86, "count"), b.text  # the projects are no visits
    c = corpus.ask("For Heyuan estate (禾园小区) in Chengping (橙坪街道), from the households signed and the share "
                   "they are, about how many households are there in all?")
    assert first_is(c, 125, "count", rel=1e-2), c.text  # 40 ÷ 32%


def test_a_quoted_zone_a_future_year_in_a_review_and_spoken_words(corpus: Corpus) -> None:
    a = corpus.ask("菱湾镇“青篁谷”竹旅片区2022年一共来了多少游客？")
    assert first_is(a, 7.9e4, "count"), a.text  # the zone's, never the town's 26.3万 beside it
    rows = {(x.label_zh, x.kind, x.period) for x in corpus.indicator_store.query() if x.street == "榆渡镇"}
    assert ("规上工业总产值", "target", "2025-plan") in rows, rows
    b = corpus.ask("2025年的规上工业总产值，榆渡镇年终总结大会上部署要冲到几个亿？")
    assert first_is(b, 56e8, "CNY"), b.text
    c = corpus.ask("榆渡镇的烟站2024年收了多少万担烟叶上来？")
    assert c.route == "indicator" and "3.6万担" in c.text.split("[")[0], c.text
    d = corpus.ask("2024年榆渡镇数得出几个村，集体经济收入已经突破40万元？")
    assert states(d, 7, "count"), d.text
    e = corpus.ask("榆渡镇那一年新签下的棚改征收户数有多少？")
    assert first_is(e, 412, "count"), e.text
    f = corpus.ask("榆渡2024年土地入库占了全县的几成？")
    assert first_is(f, 18, "percent"), f.text


def test_the_second_half_left_to_do_and_a_final_figure_asked(corpus: Corpus) -> None:
    a = corpus.ask("按全年计划，蒿坪镇2023年下半年还要出栏多少万头生猪？")
    assert first_is(a, 1.74e4, "count"), a.text  # 3.2万 less 1.46万, never rounded to 2万
    b = corpus.ask("说到2021年的财政总收入，菱湾镇最终收了多少？")
    assert not headline_figures(b), b.text  # 1-11月 only
    growth = [x for x in corpus.indicator_store.query() if x.street == "橙坪街道" and x.kind == "yoy_growth"]
    assert [x.period for x in growth] == ["2016M01-M09"], growth  # '完成全年确保目标…' names the task's year only


def test_english_leads_and_what_the_count_counts(corpus: Corpus) -> None:
    a = corpus.ask("Crime-and-safety note: for Lingwan (菱湾镇) in 2022, by what percentage did the number of road "
                   "traffic accidents drop?")
    assert states(a, 25, "percent", signed=False) and not states(a, 40, "percent", signed=False), a.text
    b = corpus.ask("Shanhu (杉湖镇) borders Lingwan (菱湾镇) to the east. What was its fiscal revenue (财政总收入) "
                   "for 2022?")
    assert a.route == "indicator" and b.route == "abstain" and not headline_figures(b), b.text
    c = corpus.ask("What floor area of old factory buildings (旧厂房) did Lingwan (菱湾镇) take into its reserve in "
                   "2022?")
    assert first_is(c, 2.36e4, "m2"), c.text  # a floor area, no floor (minimum) of a plan
    d = corpus.ask("After adding eight over 2022, what total of above-scale industrial firms (规上工业企业) did Lingwan "
                   "(菱湾镇) report at year-end?")
    assert first_is(d, 93, "count"), d.text  # the stock after the additions, no sum


def test_a_season_is_no_later_year_and_a_pie_is_no_plan(corpus: Corpus) -> None:
    rows = {(x.label_zh, x.kind) for x in corpus.indicator_store.query() if x.street == "蔗塘镇" and x.value == 2.71}
    assert rows == {("蔗农售蔗收入", "actual")}, rows  # the season ends in 2024, a result all the same
    a = corpus.ask("那个榨季，蔗塘镇蔗农靠售蔗拿到的收入合计有多少？")
    assert first_is(a, 2.71e8, "CNY"), a.text
    b = corpus.ask("菱湾镇的财政盘子有多大？2022年财政总收入多少？")
    assert first_is(b, 3.71e8, "CNY"), b.text  # a pie's size is the figure, no plan
    c = corpus.ask("收购季全部结束以后算，蔗塘镇2023年烟叶收购量有几万担？")
    assert not headline_figures(c), c.text  # to 9月底 only

