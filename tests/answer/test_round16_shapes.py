"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing
or misreading — a figure found by its sentence when no label fits the question's words (and never one whose
sentence names the words for another figure), years written short ('23年', "'22"), the unit an answer is wanted
in given in Chinese inside an English question ('in 亿元'), an analyst's English for headline indicators ('big
factories', 'size of the economy', 'tax take', 'factory investment'), a count of listed kinds whose number the
report states after the list, and counts in different measure words that are never summed."""

from __future__ import annotations

from rag.answer.router import full_years, measure_word, route, unit_hint
from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from rag.figures.match import clause_covered
from rag.text.messages import msg
from tests.conftest import invented_corpus, states

REPORTS = {
    "hx_2023.txt": "禾溪街道2023年工作总结和2024年工作计划\n"
                   "一、2023年工作总结\n"
                   "地区生产总值286.4亿元；规上工业总产值612.3亿元；固定资产投资95.2亿元，内含工业投资21.7亿元；"
                   "税收收入31.8亿元；规下工业营业收入45.2亿元。现有“四上”企业310家，“国高”企业290家。\n"
                   "抓好党员教育，全年“第一议题”学习47次、讲党课9次。"
                   "北岗采石场遗留地块整治到位，全面清拆后收回国有储备用地3万余平方米。"
                   "面向企业办了6场专精特新政策解读会，上门辅导企业80余家。"
                   "年度干部考评覆盖干部152名，其中表彰40名，提拔晋升27名。"
                   "“服务企业”行动中走访企业210家，帮助协调用工、融资、物流等各类企业问题42个。"
                   "南湾隔离点累计服务隔离人员1.8万余人次，收到锦旗96面。"
                   "3家健康驿站投用，共提供房源260余间。在推城市更新项目9个。刑事治安警情同比下降21.4%。\n"
                   "二、2024年工作计划\n"
                   "固定资产投资力争增长8%。\n",
    "qf_2024h1.txt": "青峰街道2024年上半年工作总结\n"
                     "一、城市更新\n"
                     "城市更新完工项目3个，开工项目6个。违法犯罪警情1260宗，同比下降3.5%。\n",
    "ls_2022.txt": "岚山镇2022年工作总结\n"
                   "一、农业生产\n"
                   "柑橘种植面积1.6万亩，产量2.9万吨；元胡种植面积3800亩。烟叶收购预计1.2万担。\n",
}


corpus = invented_corpus("round16", REPORTS)


_states = states


def test_a_figure_is_found_by_its_sentence_when_no_label_fits(corpus: Corpus) -> None:
    a = corpus.ask("禾溪街道2023年“第一议题”学了几次？")
    assert _states(a, 47.0, "count") and not _states(a, 9.0, "count"), a.text
    b = corpus.ask("禾溪街道北岗采石场遗留地块清拆后，收回了多少国有储备用地？")
    assert _states(b, 30000.0, "m2"), b.text


def test_words_another_figure_of_the_sentence_holds_rule_a_row_out(corpus: Corpus) -> None:
    # 专精特新 names the 宣讲会 counted before: the firms coached after are no count of such firms
    a = corpus.ask("禾溪街道现有多少家专精特新企业？")
    assert not _states(a, 80.0, "count"), a.text
    rows = [x for x in corpus._figure_rows() if x.street == "禾溪街道"]
    assert not any(s.row.value == 80.0 for s in clause_covered("专精特新企业", rows))


def test_two_figures_a_question_fits_equally_are_never_picked_between(corpus: Corpus) -> None:
    a = corpus.ask("禾溪街道2023年提拔了多少名干部？")
    assert not _states(a, 152.0, "count"), a.text  # 考核干部 is no promotion


def test_a_sentence_naming_no_one_word_of_the_phrase_never_answers(corpus: Corpus) -> None:
    rows = [x for x in corpus._figure_rows() if x.street == "岚山镇"]
    assert clause_covered("元胡产量", rows) == []  # the 柑橘 output, in a sentence naming 元胡 only after it
    b = corpus.ask("岚山镇2022年烟叶税是多少？")
    assert b.route != "indicator" and (b.route == "abstain" or b.text.startswith(msg("passage_no_figure", "zh"))), \
        b.text  # the tobacco bought is no tax: at most the sentence, said to answer nothing directly


def test_years_written_short_are_read_in_full() -> None:
    assert full_years("禾溪23年固投换成万元是多少？") == "禾溪2023年固投换成万元是多少？"
    assert "2022" in full_years("Hexi '22 — buildings demolished?")
    for kept in ("连续20年位居第一", "近5年累计", "20年来首次", "用了15年", "共23年", "30年代建成"):
        assert full_years(kept) == kept
    r = route("禾溪23年固投换成万元是多少？", ["禾溪街道"])
    assert r.years == [2023] and r.unit_hint == "CNY"


def test_a_chinese_unit_in_an_english_question_is_the_unit_wanted(corpus: Corpus) -> None:
    assert unit_hint("What did its big factories turn out in 2023 — total output, in 亿元?") == "CNY"
    a = corpus.ask("What did Hexi's (禾溪) big factories turn out in 2023 — total output, in 亿元?")
    assert _states(a, 612.3e8, "CNY"), a.text


def test_an_analysts_english_names_the_headline_indicator(corpus: Corpus) -> None:
    assert _states(corpus.ask("Hexi (禾溪): size of the economy in 2023?"), 286.4e8, "CNY")
    assert _states(corpus.ask("Hexi (禾溪) 2023 tax take?"), 31.8e8, "CNY")
    a = corpus.ask("Hexi (禾溪): factory investment in 2023?")
    assert _states(a, 21.7e8, "CNY") and not _states(a, 95.2e8, "CNY"), a.text


def test_a_list_of_kinds_is_never_counted_when_the_report_states_the_number(corpus: Corpus) -> None:
    a = corpus.ask("禾溪街道2023年“服务企业”行动中帮企业协调解决了多少个问题？")
    assert not _states(a, 3.0, "count"), a.text


def test_counts_in_different_measure_words_are_never_summed(corpus: Corpus) -> None:
    a = corpus.ask("禾溪街道2023年南湾隔离点和其他工作一共收到多少面锦旗？")
    assert not any(v > 96 for v, _ in headline_figures(a)), a.text


def test_firms_below_the_designated_size_are_never_those_above_it(corpus: Corpus) -> None:
    a = corpus.ask("禾溪街道规上工业2023年的营收有多少亿元？")
    assert not _states(a, 45.2e8, "CNY"), a.text
    assert _states(corpus.ask("禾溪街道规下工业2023年的营收有多少亿元？"), 45.2e8, "CNY")


def test_projects_counted_in_one_state_are_never_ranked_against_all_projects(corpus: Corpus) -> None:
    a = corpus.ask("城市更新项目完工个数：禾溪街道2023年和青峰街道2024年上半年，哪个多？")
    assert not _states(a, 9.0, "count"), a.text  # 禾溪's projects under way are no completed ones


def test_a_fall_asked_without_a_unit_is_the_rate_the_report_states(corpus: Corpus) -> None:
    a = corpus.ask("禾溪刑事治安警情去年掉了多少？")
    assert _states(a, -21.4, "percent"), a.text
    b = corpus.ask("禾溪刑事治安警情少了多少宗？")
    assert not _states(b, -21.4, "percent"), b.text  # a count asked: the rate is no answer


def test_places_wording_one_measure_their_own_way_are_compared_each_by_its_own(corpus: Corpus) -> None:
    a = corpus.ask("禾溪街道（2023年）和青峰街道（2024年上半年）的警情同比降幅，哪个最小？")
    assert _states(a, -3.5, "percent") and "21.4%" in a.text, a.text  # the winner first, the other after
    assert "违法犯罪警情" in a.text and "刑事治安警情" in a.text  # each place's own measure, named


def test_an_english_count_noun_with_a_measure_word_of_its_own_is_strict(corpus: Corpus) -> None:
    assert measure_word("How many rooms did the three health stations provide?") == "间"
    assert measure_word("How many buildings had it signed up?") == "栋"
    a = corpus.ask("Hexi (禾溪) opened three health stations (健康驿站) in 2023. How many hotel rooms did they provide?")
    assert not _states(a, 3.0, "count"), a.text  # the stations, not the rooms


def test_one_lexicon_indicator_is_never_another_that_shares_its_head_word(corpus: Corpus) -> None:
    a = corpus.ask("禾溪规上企业一共几家？")
    assert not _states(a, 310.0, "count") and not _states(a, 290.0, "count"), a.text  # 四上, 国高: other sets
    assert _states(corpus.ask("禾溪“四上”企业有多少家？"), 310.0, "count")
