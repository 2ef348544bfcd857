"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing
— a part of a whole the question names by any noun ('媒体的报道中，中央媒体报道有几次'), an English part ('Of the
school places…, how many were kindergarten places'), the lexicon indicator a ranking names kept over a bare word
its gloss holds, a yes/no check after the figure asked, two places' growth rates apart by points, a streak asked
after the figure, a list of goals after a colon read as targets, and a project's 总投资 never its 已完成投资."""

from __future__ import annotations

from functools import partial

from rag.corpus import Corpus
from rag.evals.scoring import headline, headline_figures
from tests.conftest import invented_corpus, states

REPORTS = {
    "qh_2023.txt": "青禾街道2023年工作总结和2024年工作计划\n"
                   "一、2023年工作总结\n"
                   "全年实现地区生产总值256.8亿元，连续4年排名全区第一。固定资产投资实现投资额58.6亿元，任务完成率104.2%，"
                   "完成率排名全区第3。社会消费品零售总额64.2亿元，同比增长8.3%。规上工业总产值612.4亿元。"
                   "高端装备产业集群总产值301.5亿元，占全区比重近5成。规下工业加权后营业收入42.6亿元，增长12.5%。"
                   "“四上”企业增至402家。产值亿元以上企业达53家。第一大企业丰锐电子产值96.3亿元。"
                   "专精特新企业128家，“小巨人”企业12家。全年“小升规”企业38家。刑事治安警情同比下降21.4%。"
                   "PM2.5年均浓度19.2微克/立方米，低于年度控制目标。区级以上媒体报道860次，其中中央媒体报道7次。"
                   "新建、改扩建学校5所，新增学位4780座，其中中小学3所、新增学位4100座，幼儿园2所、新增学位680座。"
                   "办理人大建议、政协提案96件，答复满意率100%。发展党员27名、入党积极分子44名。"
                   "全年开展人大代表履职活动118场。全年加装电梯42部，已投入使用31部。发展中蜂养殖2600箱。"
                   "脐橙种植面积2.1万亩，其中中晚熟品种0.8万亩。\n"
                   "城市更新完工项目3个，开工项目6个，完成固定资产投资11.6亿元。已落户项目9个。\n"
                   "二、2024年工作计划\n"
                   "力争新增“小升规”企业45家以上、专精特新企业30家。\n",
    "sw_2023.txt": "石湾街道2023年工作总结\n"
                   "一、经济发展\n"
                   "固定资产投资总额71.2亿元。社会消费品零售总额52.1亿元，同比增长4.1%。"
                   "全年新增规上工业企业6家，因经营调整退出2家，净增4家，规上工业企业总数达到39家。"
                   "总投资3.6亿元的光伏项目完成组件安装1.2万块，已完成投资1.4亿元。\n"
                   "二、帮扶协作\n"
                   "全年投资150万元入股对口帮扶村的农产品加工项目。\n",
    "ht_2024h1.txt": "禾田镇2024年上半年工作总结和下半年工作计划\n"
                     "一、上半年工作\n"
                     "镇年初确定的全年目标为：财政总收入5.6亿元，固定资产投资12亿元。"
                     "上半年，全镇实现财政总收入3.02亿元，同比增长5.2%。\n"
                     "二、下半年工作计划\n"
                     "加快推动2条城际线建设。\n",
    "yl_2023.txt": "云岭镇2023年工作总结和2024年工作计划\n"
                   "一、2023年工作总结\n"
                   "固定资产投资同比增长9.6%，完成协议投资总额26.4亿元。实到外资1320万美元，完成全年任务的88%。"
                   "全年接待游客38.5万人次，实现旅游综合收入5260万元。总投资2.2亿元的文旅综合体项目主体完工。"
                   "全年查处渣土车违法1260宗，查扣摩托车、电动车820辆、货车1430辆。\n"
                   "二、2024年工作计划\n"
                   "全年接待游客45万人次。新增幼儿园学位640座、基础教育学位1180座。"
                   "全年引进落户项目不少于12个、年内纳统产值不少于6亿元。\n",
}


corpus = invented_corpus("round18", REPORTS)


_states = partial(states, signed=False)


def test_a_part_of_a_whole_named_by_any_noun_is_the_parts_figure(corpus: Corpus) -> None:
    a = corpus.ask("青禾街道2023年区级以上媒体的报道中，中央媒体报道有几次？")
    assert _states(a, 7.0, "count"), a.text
    b = corpus.ask("青禾街道2023年新增学位中，幼儿园学位有多少座？")
    assert _states(b, 680.0, "count"), b.text
    # a part the report never states alone: declined, never the whole's figure
    c = corpus.ask("青禾街道2023年新增的4100座中小学学位里，小学学位有多少座？")
    assert not headline_figures(c), c.text
    d = corpus.ask("青禾街道2023年办理的人大建议和政协提案96件中，政协提案有多少件？")
    assert not headline_figures(d), d.text


def test_a_word_holding_zhong_or_a_state_is_no_part(corpus: Corpus) -> None:
    assert _states(corpus.ask("青禾街道2023年中蜂养殖规模是多少箱？"), 2600.0, "count")  # 年中 is no whole
    a = corpus.ask("青禾街道2023年加装的电梯中已投入使用的有几部？")  # a state some are in: no part named by a noun
    assert _states(a, 31.0, "count"), a.text
    b = corpus.ask("青禾街道脐橙中晚熟品种面积有多少？")  # 中晚熟 is the label's own word
    assert _states(b, 0.8e8 / 15, "m2"), b.text


def test_an_english_part_is_the_parts_figure_or_none(corpus: Corpus) -> None:
    a = corpus.ask("Of the school places Qinghe (青禾) added in 2023, how many were kindergarten places?")
    assert _states(a, 680.0, "count"), a.text
    b = corpus.ask("Of the school places Qinghe (青禾) added in 2023, how many were university places?")
    assert not headline_figures(b), b.text


def test_a_ranking_keeps_the_indicator_over_a_bare_word_its_gloss_holds(corpus: Corpus) -> None:
    a = corpus.ask("Whose fixed-asset investment outlay (投资额) was bigger: Qinghe (青禾) or Shiwan (石湾) in 2023?")
    assert _states(a, 7.12e9, "CNY") and "Shiwan" in headline(a), a.text
    assert "150" not in a.text  # the bare 投资 of a poverty-relief stake is no fixed-asset investment


def test_a_check_after_the_figure_is_answered_by_the_figure(corpus: Corpus) -> None:
    a = corpus.ask("青禾PM2.5去年多少？达标没？")
    assert _states(a, 19.2, "ug/m3") or "19.2" in headline(a), a.text


def test_one_years_change_asked_is_the_growth_stated(corpus: Corpus) -> None:
    a = corpus.ask("青禾街道2023年刑事治安警情比上年变动了多少？")
    assert _states(a, 21.4, "percent"), a.text


def test_a_figure_the_question_quotes_is_never_its_answer_in_english(corpus: Corpus) -> None:
    a = corpus.ask("Qinghe (青禾) lists 128 specialised-and-sophisticated (专精特新) firms for 2023. "
                   "How many of its firms carry the 'little giant' (小巨人) label?")
    assert _states(a, 12.0, "count"), a.text
    b = corpus.ask("Qinghe (青禾) reports 128 specialised-and-sophisticated (专精特新) firms. "
                   "Is that the total at year-end?")  # the quoted figure is what it asks about
    assert _states(b, 128.0, "count"), b.text
    c = corpus.ask("Hetian (禾田)'s H2 2024 plan: how many intercity lines (城际线) does it speed up?")
    assert _states(c, 2.0, "count"), c.text  # 'H2' quotes no figure


def test_two_places_growth_rates_apart_by_points(corpus: Corpus) -> None:
    a = corpus.ask("青禾2023年社零增速比石湾2023年快多少个百分点？")
    assert "4.2个百分点" in headline(a), a.text
    b = corpus.ask("Retail-sales growth: how many points faster was Qinghe (青禾) than Shiwan (石湾) in 2023?")
    assert "4.2 percentage points" in headline(b), b.text


def test_the_figure_first_then_its_streak_or_rank(corpus: Corpus) -> None:
    a = corpus.ask("青禾2023年的GDP（地区生产总值）报了多少亿元，已经连续几年全区第一？")
    assert _states(a, 2.568e10, "CNY"), a.text
    b = corpus.ask("How large was Qinghe's (青禾) fixed-asset investment in 2023, and where did its completion rate put "
                   "it in the district?")
    assert _states(b, 5.86e9, "CNY"), b.text


def test_english_items_glossed_together_are_summed(corpus: Corpus) -> None:
    a = corpus.ask("Counting new Party members and Party activists (发展党员、入党积极分子) together, how many people "
                   "did Qinghe (青禾) bring into the Party pipeline in 2023?")
    assert _states(a, 71.0, "count"), a.text


def test_glosses_that_name_the_thing_counted(corpus: Corpus) -> None:
    a = corpus.ask("How many firms in Qinghe (青禾) each turned out more than 100 million yuan of output "
                   "(产值亿元以上) in 2023?")
    assert _states(a, 53.0, "count"), a.text  # 'each … more than' is a threshold, no average
    b = corpus.ask("How many activities for people's-congress deputies to perform their duties (人大代表履职活动) "
                   "did Qinghe (青禾) organise in 2023?")
    assert _states(b, 118.0, "count"), b.text
    c = corpus.ask("Fengrui Electronics (丰锐电子): what output does the report give?")
    assert _states(c, 9.63e9, "CNY"), c.text
    d = corpus.ask("青禾街道龙头企业丰锐电子一年的工业产值是多少？")
    assert _states(d, 9.63e9, "CNY"), d.text


def test_words_a_question_uses_for_the_reports_own(corpus: Corpus) -> None:
    assert _states(corpus.ask("青禾街道2023年底“四上”单位一共有多少户？"), 402.0, "count")
    assert _states(corpus.ask("青禾街道规模以下工业企业2023年的营收有多少？"), 4.26e9, "CNY")
    assert _states(corpus.ask("青禾街道2023年招商，已经落地的项目数是多少？"), 9.0, "count")
    assert _states(corpus.ask("按2024年计划，青禾要新培育几户专精特新？"), 30.0, "count")


def test_a_share_asked_of_a_figure_the_question_quotes(corpus: Corpus) -> None:
    a = corpus.ask("青禾2023年301.5亿元的高端装备产业集群总产值，在全区占几成？")
    assert "5成" in headline(a), a.text
    b = corpus.ask("全区里，青禾街道2023年的规上工业总产值占了几成？")  # another industry's share is no answer
    assert not headline_figures(b), b.text


def test_a_later_plan_asked_after_an_earlier_figure_is_given(corpus: Corpus) -> None:
    a = corpus.ask("青禾2023年有38家企业“小升规”，2024年计划把这个数提到多少家以上？")
    assert _states(a, 45.0, "count"), a.text


def test_a_list_of_goals_after_a_colon_is_targets(corpus: Corpus) -> None:
    a = corpus.ask("禾田镇2024年上半年财政总收入是多少？")
    assert _states(a, 3.02e8, "CNY"), a.text
    assert _states(corpus.ask("禾田镇2024年财政总收入的全年目标是多少？"), 5.6e8, "CNY")


def test_a_projects_outlay_and_what_is_spent_so_far(corpus: Corpus) -> None:
    a = corpus.ask("石湾街道光伏项目已完成投资多少？")
    assert _states(a, 1.4e8, "CNY"), a.text
    b = corpus.ask("石湾街道光伏项目总投资多少？")
    assert _states(b, 3.6e8, "CNY"), b.text


def test_words_of_another_figure_in_the_sentence_qualify_nothing(corpus: Corpus) -> None:
    a = corpus.ask("青禾城市更新2023年完成了多少固投？")
    assert _states(a, 1.16e9, "CNY"), a.text  # the sentence's topic, at its start, narrows the indicator
    b = corpus.ask("石湾街道2023年规上工业企业净增了几家？")
    assert not (b.route == "indicator" and _states(b, 39.0, "count")), b.text  # 净增 names the 4, never the 39


def test_new_lexicon_words_for_visitors_and_fdi(corpus: Corpus) -> None:
    a = corpus.ask("What visitor target did Yunling (云岭镇) set for 2024?")
    assert _states(a, 4.5e5, "count"), a.text
    b = corpus.ask("How much FDI did Yunling (云岭镇) receive in 2023?")
    assert "1320" in headline(b) or "13.2 million" in headline(b), b.text
    c = corpus.ask("What share of its annual FDI task had Yunling (云岭镇) completed in 2023?")
    assert _states(c, 88.0, "percent"), c.text


def test_items_named_in_brackets_are_summed(corpus: Corpus) -> None:
    a = corpus.ask("云岭镇2024年计划一共新增多少学位（幼儿园加基础教育）？")
    assert _states(a, 1820.0, "count"), a.text


def test_an_english_second_ask_of_another_measure_comes_second(corpus: Corpus) -> None:
    a = corpus.ask("What is Yunling's (云岭镇) 2024 target for the number of projects brought in and landed, and what "
                   "in-year output counted in the statistics (纳统产值) should it deliver?")
    assert _states(a, 12.0, "count"), a.text
    assert "6亿元" in a.text  # …and the second ask's figure after it


def test_an_indicator_the_report_gives_only_as_growth_is_no_other_total(corpus: Corpus) -> None:
    a = corpus.ask("云岭镇2023年固定资产投资总额是多少亿元？")
    assert not headline_figures(a) and "26.4" not in headline(a), a.text  # 协议投资总额 is no fixed-asset investment
    b = corpus.ask("云岭镇2023年完成工业投资多少亿元？")
    assert not _states(b, 2.2e8, "CNY"), b.text  # a project's 总投资 is no 工业投资
    c = corpus.ask("青禾去年规上工业总产值（不是301.5亿元那个产业集群的总产值）有多少亿元？")
    assert _states(c, 6.124e10, "CNY"), c.text


def test_a_listed_item_shares_the_verb_of_the_list(corpus: Corpus) -> None:
    a = corpus.ask("云岭镇2023年查扣货车多少辆？")
    assert _states(a, 1430.0, "count") and "渣土车" not in headline(a), a.text


def test_a_position_stated_of_another_thing_is_no_answer(corpus: Corpus) -> None:
    a = corpus.ask("青禾2023年固投58.6亿元，这个投资额在全区排第几？")
    assert not headline_figures(a) and "第3" not in headline(a), a.text  # 第3 ranks the completion rate
    b = corpus.ask("Qinghe (青禾) 2023: what was its district rank (全区排名) for the completion rate of its fixed-asset "
                   "investment task?")
    assert "3rd" in headline(b), b.text


def test_two_places_together_and_a_gap_in_a_named_unit(corpus: Corpus) -> None:
    a = corpus.ask("Qinghe (青禾) and Shiwan (石湾) together — how much retail sales (社会消费品零售总额) in 2023?")
    assert _states(a, 1.163e10, "CNY"), a.text
    b = corpus.ask("How many 亿元 more fixed-asset investment did Shiwan (石湾) report than Qinghe (青禾) in 2023?")
    assert _states(b, 1.26e9, "CNY"), b.text


def test_a_quoted_term_the_answers_sentence_never_names_is_declined(corpus: Corpus) -> None:
    a = corpus.ask("青禾2024年计划要新增多少家“四上”企业？")  # the plan's 新增专精特新企业30家 is another measure
    assert not headline_figures(a), a.text
