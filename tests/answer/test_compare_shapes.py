"""Corpus level: two places compared when each report words the compared thing its own way (invented reports,
invented figures)."""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import invented_corpus

REPORTS = {
    "qw_2023.txt": "栖梧街道2023年工作总结\n"
                   "一、2023年工作回顾\n"
                   "（一）民生保障。全年向困难家庭、重度残疾人等群体发放临时救助金共计286万元。"
                   "依托民情热线接听办理群众诉求4200条。\n"
                   "（二）营商服务。全年走访辖区企业120家，协调解决企业问题36个。\n",
    "lx_2023.txt": "岚溪街道2023年工作总结\n"
                   "一、2023年工作回顾\n"
                   "（一）民生保障。全年向低保对象、高龄老人等特殊人群发放福利服务经费1350万元。"
                   "全年累计办结群众来信来访诉求2800宗。\n"
                   "（二）营商服务。全年召开政企恳谈会18场。\n",
}


corpus = invented_corpus("compare", REPORTS)


def test_each_place_is_matched_under_its_own_wording(corpus: Corpus) -> None:
    a = corpus.ask("栖梧街道2023年向困难家庭、重度残疾人等群体发放的临时救助金，和岚溪街道向低保对象、高龄老人等"
                   "特殊人群发放的福利服务经费，哪个更多？")
    first = a.text.split("。")[0]
    assert first.startswith("岚溪街道"), a.text
    assert (13500000.0, "CNY") in headline_figures(a), a.text
    assert "286万元" in a.text and "福利服务经费" in a.text and "临时救助金" in a.text  # each with its own label


def test_cases_counted_in_two_measure_words_of_one_kind_are_ranked(corpus: Corpus) -> None:
    a = corpus.ask("栖梧街道接听办理的群众诉求，与岚溪街道办结的群众来信来访诉求相比，哪个更多？")
    assert a.text.startswith("栖梧街道"), a.text
    assert "2800宗" in a.text, a.text


def test_counts_of_different_things_are_not_ranked(corpus: Corpus) -> None:
    # firms visited (家) against meetings held (场): no winner is named
    a = corpus.ask("栖梧街道走访的企业，和岚溪街道召开的政企恳谈会，哪个更多？")
    assert a.route == "abstain" or not headline_figures(a), a.text


GAP_REPORTS = {
    "hx_2024h1.txt": "禾溪街道2024年上半年工作总结\n"
                     "一、上半年工作回顾\n"
                     "1-5月，街道固定资产投资完成42.6亿元，完成年度目标的35.5%。全年限额以上批零企业21家，"
                     "实现销售额3.46亿元。棚改项目累计收楼63户，占比71.6%。\n",
}


gap_corpus = invented_corpus("gap", GAP_REPORTS)


def test_what_remains_of_a_target_is_the_target_less_what_is_done(gap_corpus: Corpus) -> None:
    a = gap_corpus.ask("按1-5月的完成进度推算，禾溪街道要完成全年固定资产投资目标，还差约多少亿元？")
    assert (7.74e9, "CNY") in {(round(v, -7), u) for v, u in headline_figures(a)}, a.text  # 42.6÷35.5% − 42.6


def test_a_small_computed_average_keeps_its_digits(gap_corpus: Corpus) -> None:
    a = gap_corpus.ask("禾溪街道限额以上批零企业平均每家的销售额大约是多少万元？")
    assert "0.1648亿元" in a.text.split("。")[0], a.text  # 3.46亿元 ÷ 21: four digits kept, never 0.16亿元


def test_an_area_asked_is_never_the_households_counted(gap_corpus: Corpus) -> None:
    a = gap_corpus.ask("禾溪街道棚改项目收楼的面积有多大？")
    assert not headline_figures(a), a.text


LIST_REPORTS = {
    "ly_2023.txt": "柳堰镇2023年工作总结\n"
                   "一、2023年工作回顾\n"
                   "（一）基层治理。全镇建成网格驿站12个，青槐、石埠、洛塘村获评市级民主法治示范村。\n"
                   "（二）产业发展。新引进项目9个，其中松禾、安远等食品加工项目已投产。杏林科技、远帆智能荣获省科学技术奖。"
                   "全年挖掘8个特色项目、落户3个特色项目，聚焦文旅、康养开展招商。\n",
}


list_corpus = invented_corpus("lists", LIST_REPORTS)


def test_a_count_the_report_gives_as_a_list_of_names(list_corpus: Corpus) -> None:
    a = list_corpus.ask("柳堰镇2023年有几个村获评市级民主法治示范村？")
    assert (3.0, "count") in headline_figures(a), a.text
    assert "计算值" in a.text and a.citations and "青槐" in a.citations[0].quote


def test_a_list_left_open_is_not_counted(list_corpus: Corpus) -> None:
    a = list_corpus.ask("柳堰镇2023年有几个食品加工项目已投产？")  # 松禾、安远等: 等 leaves it open
    assert (2.0, "count") not in headline_figures(a), a.text


THREE_REPORTS = {
    "a_2023.txt": "青岚镇2023年工作总结\n一、2023年工作回顾\n人居环境持续改善，完成农村改厕128户。\n",
    "b_2023.txt": "石渠乡2023年工作总结\n一、2023年工作回顾\n扎实推进厕所革命，完成户厕改造97户。\n",
    "c_2023.txt": "松岗镇2023年工作总结\n一、2023年工作回顾\n完成农村卫生厕所改造143户，新建公厕2座。\n",
}


three_corpus = invented_corpus("three", THREE_REPORTS)


def test_three_places_each_wording_one_measure_their_own_way(three_corpus: Corpus) -> None:
    a = three_corpus.ask("青岚镇、石渠乡、松岗镇中，哪个完成的农村户厕改造最多？")
    assert a.text.startswith("松岗镇"), a.text
    assert all(f in a.text for f in ("143户", "128户", "97户")), a.text


def test_names_counted_by_what_the_question_says_they_did(list_corpus: Corpus) -> None:
    a = list_corpus.ask("柳堰镇2023年有几家企业荣获省科学技术奖？")
    assert (2.0, "count") in headline_figures(a), a.text


def test_a_list_beside_the_figures_asked_is_no_count(list_corpus: Corpus) -> None:
    a = list_corpus.ask("柳堰镇2023年招商计划挖掘多少个特色项目？")
    assert (2.0, "count") not in headline_figures(a), a.text  # 文旅、康养 name the fields, not the projects


def test_a_list_left_open_before_the_word_asked_is_not_counted(list_corpus: Corpus) -> None:
    a = list_corpus.ask("柳堰镇2023年有几个食品加工项目已投产？")  # '…等食品加工项目已投产': 投产 after the open list
    assert not headline_figures(a), a.text
