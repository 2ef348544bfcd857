"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing
— a township word that qualifies a noun read as a place ('禾川推进街道网格化治理改革'), a rate given and the amount
asked ('完成率是103.6%，对应的投资额是多少亿元'), two places' figures added up ('加在一起'), a change asked as a rate
('少了多少（百分比）'), a bar the question checks against taken for the report's figure, a part asked after 其中 or
by its own head ('“四上”企业里，规上工业企业有几家'), a list item named only by its verbs ('签约37台、竣工运行15台'),
sectors joined by 和 in one label, and a growth rate held against a growth target in points."""

from __future__ import annotations

from functools import partial

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import invented_corpus, states

REPORTS = {
    "hc_2023.txt": "禾川街道2023年工作总结和2024年工作计划\n"
                   "一、2023年工作总结\n"
                   "全年规上工业总产值386.2亿元，同比增长4.6%。完成固定资产投资52.4亿元，任务完成率103.6%。"
                   "社会消费品零售总额47.3亿元，同比增长7.2%。国家高新技术企业总数214家。"
                   "推进街道网格化治理改革，新划定综合网格318个。"
                   "新建街道党群服务站1个、“暖心驿站”9个。全年发生火警62起，同比下降14.8%。"
                   "全年实施民生微实事174项。"
                   "建成学校4所，新增学位3920座，其中中小学3所、新增学位3380座，幼儿园1所、新增学位540座。"
                   "完成既有住宅加装电梯签约37台、竣工运行15台，街道累计竣工运行加装电梯达到128台。"
                   "全年新增“四上”企业31家，其中规上工业12家、限上商贸14家、规上服务业5家。"
                   "限额以上批发零售和住宿餐饮业营业额36.8亿元，同比下降2.9%。"
                   "全年一般公共预算收入3.46亿元，同比增长4.3%。"
                   "全街道12个社区集体经济收入均超过30万元，其中超过80万元的社区4个。"
                   "限额以上住宿餐饮业企业23家，实现营收3.9亿元。"
                   "地区生产总值265.3亿元，规上工业增加值171.4亿元。"
                   "8个村集体经济收入均超过20万元，其中桐坪、柿溪两村分别达到71.3万元和46.9万元。"
                   "今年新建社区菜园12个，全街道累计达到57个。口袋公园达到23个，其中今年新建6个。\n"
                   "二、2024年工作计划\n"
                   "一般公共预算收入增长6%。力争纳统产值14亿元以上。\n",
    "ls_2023.txt": "林溪街道2023年工作总结\n"
                   "全年规上工业总产值512.6亿元。完成民生微实事215项。固定资产投资61.5亿元。\n",
    "ls_2024.txt": "林溪街道2024年工作总结和2025年工作计划\n"
                   "一、2024年工作总结\n"
                   "全年一般公共预算收入2.18亿元，同比增长5.3%。\n"
                   "二、2025年工作计划\n"
                   "一般公共预算收入增长7%。\n",
    "ls_2023plan.txt": "林溪街道2023年工作总结和2024年工作计划\n"
                       "一、2023年工作总结\n"
                       "全年一般公共预算收入2.07亿元。\n"
                       "二、2024年工作计划\n"
                       "一般公共预算收入增长6.5%。\n",
}


corpus = invented_corpus("round19", REPORTS)


_states = partial(states, signed=False)


def test_a_township_word_qualifying_a_noun_is_no_place(corpus: Corpus) -> None:
    a = corpus.ask("禾川推进街道网格化治理改革，新划定的综合网格有多少个？")
    assert _states(a, 318.0, "count"), a.text
    b = corpus.ask("禾川2023年除了新建街道党群服务站，还建了几个“暖心驿站”？")
    assert _states(b, 9.0, "count"), b.text
    # a place that opens a clause stays a place: the corpus lacks it, so nothing is answered from another place
    c = corpus.ask("禾川街道的数据先放一边，荔湾街道财政收入是多少？")
    assert not headline_figures(c) and "荔湾" in c.text, c.text


def test_a_rate_given_then_the_amount_asked(corpus: Corpus) -> None:
    a = corpus.ask("禾川2023年固投的任务完成率是103.6%，对应实际完成的投资额是多少亿元？")
    assert _states(a, 52.4e8, "CNY"), a.text
    b = corpus.ask("Hechuan's (禾川) retail sales of consumer goods grew 7.2% in 2023. What did they come to, in 亿元?")
    assert _states(b, 47.3e8, "CNY"), b.text


def test_two_places_added_up(corpus: Corpus) -> None:
    a = corpus.ask("禾川和林溪2023年的民生微实事加在一起有多少项？")
    assert _states(a, 389.0, "count"), a.text
    b = corpus.ask("禾川和林溪2023年的规上工业总产值合起来有多少亿元？")
    assert _states(b, 898.8e8, "CNY"), b.text


def test_a_change_asked_as_a_rate_and_growth_or_decline(corpus: Corpus) -> None:
    a = corpus.ask("禾川2023年火警比去年同期少了多少（百分比）？")
    assert _states(a, 14.8, "percent"), a.text
    b = corpus.ask("禾川规上工业2023年是增长还是下降？幅度多大？")
    assert _states(b, 4.6, "percent"), b.text
    c = corpus.ask("林溪2023年规上工业总产值比前一年涨了还是跌了？幅度多少？")  # only the level is given: no figure
    assert not headline_figures(c) and "512.6" in c.text, c.text


def test_a_bar_checked_against_is_no_figure_of_the_report(corpus: Corpus) -> None:
    a = corpus.ask("禾川2024年纳统产值的目标定到20亿元以上了吗？")
    assert _states(a, 14e8, "CNY"), a.text
    b = corpus.ask("禾川的国家高新技术企业有没有到三位数？报告给的家数是多少？")
    assert _states(b, 214.0, "count"), b.text
    c = corpus.ask("禾川集体经济收入超过80万元的社区有几个？")
    assert _states(c, 4.0, "count"), c.text


def test_a_part_asked_after_qizhong_or_by_its_own_head(corpus: Corpus) -> None:
    a = corpus.ask("3920座是禾川2023年新增学位的总数，拆开看，其中中小学那部分有多少座？")
    assert _states(a, 3380.0, "count"), a.text
    b = corpus.ask("禾川2023年新增的“四上”企业里，规上工业企业有几家？")
    assert _states(b, 12.0, "count"), b.text
    c = corpus.ask("禾川2023年新增的“四上”企业中有几家是规上服务业？")
    assert _states(c, 5.0, "count"), c.text


def test_list_items_and_sector_pairs_keep_their_names(corpus: Corpus) -> None:
    a = corpus.ask("禾川2023年加装电梯竣工运行了多少台？")  # the year's own figure, never the running total beside it
    assert _states(a, 15.0, "count") and not _states(a, 128.0, "count"), a.text
    assert _states(corpus.ask("禾川街道累计竣工运行加装电梯多少台？"), 128.0, "count")
    b = corpus.ask("禾川2023年限上批零住餐营业额同比下降了多少？")
    assert _states(b, 2.9, "percent"), b.text
    rows = corpus.indicators(street="禾川街道")
    assert any(x.label_zh == "既有住宅加装电梯竣工运行" and x.value == 15 for x in rows)
    assert any(x.label_zh == "限额以上批发零售和住宿餐饮业营业额" and x.value == 36.8 for x in rows)


def test_growth_against_a_growth_target_in_points(corpus: Corpus) -> None:
    a = corpus.ask("林溪街道2024年一般公共预算收入的增速比年初定的增长目标低了多少个百分点？")
    assert _states(a, 1.2, "percent") and "百分点" in a.text, a.text


def test_a_figure_told_then_another_asked_in_english(corpus: Corpus) -> None:
    a = corpus.ask("Hechuan (禾川) says its firms rose to 214 in 2023. In the same report, how many new “四上” (above-"
                   "threshold) firms (新增“四上”企业) does it give?")
    assert _states(a, 31.0, "count"), a.text


def test_a_whole_less_a_part_and_a_named_set_added_up(corpus: Corpus) -> None:
    a = corpus.ask("In Hechuan's (禾川) 2023 GDP, how much is left once you take out the value added of industry "
                   "above designated size?")
    assert _states(a, (265.3 - 171.4) * 1e8, "CNY"), a.text
    b = corpus.ask("禾川那23家限上住宿餐饮企业，2023年营业收入加起来有多少？")
    assert _states(b, 3.9e8, "CNY"), b.text


def test_each_village_of_a_respectively_pair_gets_its_own_figure(corpus: Corpus) -> None:
    rows = {x.label_zh: x.value for x in corpus.indicators(street="禾川街道")}
    assert rows.get("桐坪村集体经济收入") == 71.3 and rows.get("柿溪村集体经济收入") == 46.9, rows
    a = corpus.ask("柿溪村的村集体经济收入有多少？")
    assert _states(a, 46.9e4, "CNY"), a.text


def test_an_analysts_own_words_around_the_measure(corpus: Corpus) -> None:
    a = corpus.ask("刚开始看禾川的报告：2023年禾川规上工业产值一共做了多少亿？")
    assert _states(a, 386.2e8, "CNY"), a.text
    b = corpus.ask("给禾川写一段经济亮点：2023年社零总额是多少？写稿要用。")
    assert _states(b, 47.3e8, "CNY"), b.text
    c = corpus.ask("禾川上半年留住了几家本来想把总部搬走的企业？")  # no label holds these words: no figure
    assert not headline_figures(c), c.text
    d = corpus.ask("禾川和林溪，2023年谁的规上工业总产值少一些？")  # the smaller first, never the larger
    got = headline_figures(d)
    assert got and got[0] == (386.2e8, "CNY"), d.text
    e = corpus.ask("问下禾川街道，前一年的固定资产投资是多少？")  # the year before is no word to drop: no figure
    assert not headline_figures(e), e.text


def test_a_total_or_an_addition_named_only_by_its_word(corpus: Corpus) -> None:
    rows = {x.label_zh: (x.value, x.kind) for x in corpus.indicators(street="禾川街道")}
    assert rows.get("社区菜园") == (57.0, "cumulative") and rows.get("新建口袋公园") == (6.0, "actual"), rows
    assert _states(corpus.ask("禾川累计建了多少个社区菜园？"), 57.0, "count")
    assert _states(corpus.ask("禾川2023年新建了几个口袋公园？"), 6.0, "count")
