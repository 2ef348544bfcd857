"""Corpus level: a question no label matches, answered from the one figure of the unit asked in the sentence
that names what was asked, and never from another figure (invented report, invented figures)."""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import invented_corpus

REPORTS = {
    "sh_2023.txt": "松禾街道2023年工作总结\n"
                   "一、2023年工作回顾\n"
                   "（一）营商环境。兑现各级惠企政策，为辖区企业减负412.6万元。\n"
                   "（二）城市管理。全年固定资产投资同比增长6.2%，其中工业投资18.4亿元。"
                   "累计收到锦旗36面，群众满意率96.3%。\n",
}


corpus = invented_corpus("sole", REPORTS)


def test_the_one_figure_of_the_unit_asked_in_the_sentence_that_names_it(corpus: Corpus) -> None:
    a = corpus.ask("2023年松禾街道兑现各级惠企政策，帮辖区企业省下了多少钱？")
    assert (4126000.0, "CNY") in headline_figures(a), a.text
    assert a.citations and "412.6万元" in a.citations[0].quote


def test_a_lexicon_indicator_asked_is_never_answered_by_another_figure(corpus: Corpus) -> None:
    a = corpus.ask("松禾街道2023年固定资产投资完成了多少亿元？")  # only its growth is stated; 18.4亿元 is 工业投资
    assert not headline_figures(a), a.text


def test_a_figure_whose_clause_names_nothing_asked_is_no_answer(corpus: Corpus) -> None:
    a = corpus.ask("How many industrial enterprises above designated size did Songhe have in 2023?")
    assert not headline_figures(a), a.text


TWO = {
    "ql_2023.txt": "青岚街道2023年工作总结\n一、2023年工作回顾\n全年实现社会消费品零售总额52.6亿元，"
                   "完成固定资产投资47.9亿元，一般公共预算收入3.1亿元。\n",
}


two = invented_corpus("two", TWO)


def test_two_figures_of_one_place_subtracted(two: Corpus) -> None:
    a = two.ask("青岚街道2023年社会消费品零售总额比固定资产投资多多少？")
    assert (470000000.0, "CNY") in headline_figures(a), a.text  # 52.6 − 47.9 亿元
    a = two.ask("By how much did Qinglan's retail sales of consumer goods exceed its fixed-asset investment in 2023?")
    assert (470000000.0, "CNY") in headline_figures(a), a.text


SHARE = {
    "hx_2024.txt": "禾溪镇2024年工作总结\n一、2024年工作回顾\n完成固定资产投资86.2亿元，同比增长6.1%，其中工业投资37.5亿元，"
                   "占固定资产投资的43.5%。新增商事主体2140户。\n",
}


share = invented_corpus("share", SHARE)


def test_an_english_share_of_a_whole_asks_the_part_s_stated_share(share: Corpus) -> None:
    a = share.ask("In 2024, what proportion of Hexi town's fixed-asset investment went into industry?")
    assert (43.5, "percent") in headline_figures(a), a.text
    a = share.ask("How many new business entities were registered in Hexi town in 2024?")
    assert (2140.0, "count") in headline_figures(a), a.text


FARM = {
    "sy_2024.txt": "松源镇2024年工作总结\n一、2024年工作回顾\n全年完成固定资产投资18.6亿元，投资600万元建成冷链仓储中心。"
                   "奶山羊存栏3.6万只，建成规模羊场7个。1-5月固定资产投资完成7.2亿元，完成年度目标的40%。\n",
}


farm = invented_corpus("farm", FARM)


def test_what_a_report_lacks_is_not_answered_by_its_neighbours(farm: Corpus) -> None:
    assert not headline_figures(farm.ask("松源镇2024年奶山羊出栏多少只？"))  # only the herd kept is stated
    assert not headline_figures(farm.ask("松源镇2024年全社会固定资产投资比上年增长了多少？"))  # only its level
    assert not headline_figures(farm.ask("松源镇2024年完成工业投资多少亿元？"))  # '投资600万元' is a project's


def test_what_remains_when_the_question_names_the_completion_to_compute_from(farm: Corpus) -> None:
    a = farm.ask("按1-5月完成年度目标的进度推算，松源镇余下月份还需完成约多少亿元固定资产投资才能完成全年目标？")
    assert (1.08e9, "CNY") in headline_figures(a), a.text  # 7.2 ÷ 40% − 7.2
