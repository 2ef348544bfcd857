"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing
— 'which of these reports states X' (the places that state it are the answer, not a failed comparison), a level
asked with a check on its target when the report sets none (the level, then the target said to be missing), and
'by what percentage was that down on a year earlier' (a growth rate asked)."""

from __future__ import annotations

from functools import partial

from rag.answer.router import route
from rag.corpus import Corpus
from rag.evals.scoring import headline, headline_figures
from rag.text.cues import WHICH_STATES
from tests.conftest import invented_corpus, states

REPORTS = {
    "sy_2023.txt": "石堰街道2023年工作总结和2024年工作计划\n"
                   "一、2023年工作总结\n"
                   "规上工业总产值318.6亿元，同比增长6.2%。PM2.5年均浓度21.4微克/立方米。火警数量57起，同比下降18.6%。\n"
                   "二、2024年工作计划\n"
                   "新建立体停车场2座，新增停车位近420个。\n",
    "hp_2023.txt": "河浦街道2023年工作总结和2024年工作计划\n"
                   "一、2023年工作总结\n"
                   "规上工业总产值205.3亿元，同比增长4.8%。PM2.5年均浓度19.6微克/立方米，完成年度控制目标。\n"
                   "二、2024年工作计划\n"
                   "推进老旧小区改造12个。\n",
    "ly_2023.txt": "柳营镇2023年工作总结和2024年工作计划\n"
                   "一、2023年工作总结\n"
                   "规上工业总产值96.7亿元。规下工业营业收入31.5亿元，小升规企业11家。\n"
                   "二、2024年工作计划\n"
                   "完成河道清淤8公里。\n",
    "tq_2024h1.txt": "桐桥街道2024年上半年工作总结和下半年工作计划\n"
                     "一、上半年工作\n"
                     "1-5月，新登记市场主体1320户。上半年，接报火警63宗，同比下降16%。"
                     "推进12个老旧园区供电设施综合升级改造。\n"
                     "二、下半年工作计划\n"
                     "完成燃气管道改造30公里。\n",
    "mx_2023.txt": "麦溪镇2023年工作总结和2024年工作计划\n"
                   "一、2023年工作总结\n"
                   "1-11月，固定资产投资同比下降4.2%。全镇18个村集体经济收入总额936万元，村均52万元。"
                   "安全事故宗数、死亡人数同比下降28.5%、40%。新建垃圾屋14个。\n"
                   "二、2024年工作计划\n"
                   "新增停车位300个。\n",
    "jt_2022.txt": "金潭街道2022年工作总结\n"
                   "一、疫情防控\n"
                   "全年累计接种新冠疫苗52.3万人次；60-79岁人群全程接种15830人次、接种率98.42%，加强针接种13205人次、"
                   "接种率92.61%；80岁以上人群全程接种712人次、接种率94.30%，加强针接种598人次、接种率88.12%。\n"
                   "二、民主法治\n"
                   "全年办理人大代表建议、政协委员提案87件，答复满意率98.5%。收购烟叶4200担。\n"
                   "三、经济发展\n"
                   "规上工业总产值412.6亿元，规上工业增加值98.3亿元。全年“小升规”工业企业31家，其中国家高新技术企业9家。"
                   "第一大企业金潭电子产值88.2亿元，同比增长5%。现有上市公司5家。\n",
    "ls_2022_tw.txt": "蘭山鎮2022年工作總結\n"
                      "一、疫情防控\n"
                      "60-79歲人群全程接種8120人次、接種率97.35%，加強針接種7310人次、接種率87.66%；"
                      "80歲以上人群全程接種402人次、接種率90.12%，加強針接種351人次、接種率78.70%。\n",
}


corpus = invented_corpus("round17", REPORTS)


_states = partial(states, signed=False)


def test_which_report_states_a_figure_names_the_places_that_do(corpus: Corpus) -> None:
    a = corpus.ask("石堰、河浦、柳营三份2024年计划里，哪一份写明了要新增多少个停车位？")
    assert a.route == "indicator" and _states(a, 420.0, "count") and "石堰" in headline(a), a.text
    assert "河浦" in a.text and "柳营" in a.text  # …and the reports that give none are named
    b = corpus.ask("Which of the plans of Shiyan (石堰), Hepu (河浦) and Liuying (柳营) spells out new parking spaces?")
    assert _states(b, 420.0, "count"), b.text
    c = corpus.ask("哪一份报告有规下工业的数据？")  # no place named: every report is asked
    assert _states(c, 3.15e9, "CNY") and "柳营" in headline(c), c.text


def test_a_comparison_with_a_figure_missing_still_declines(corpus: Corpus) -> None:
    a = corpus.ask("石堰和柳营2024年计划新增停车位哪个多？")
    assert not headline_figures(a), a.text  # 'which is more' with one place silent names no winner


def test_which_states_is_no_ranking_word() -> None:
    for q in ("哪一份写明了停车位数量？", "谁给出了具体的目标？", "哪个街道有PM2.5的数据？",
              "Which report gives a figure for new parking spaces?"):
        assert WHICH_STATES.search(q), q
    for q in ("哪个街道的规上工业总产值更高？", "哪个镇有最多的企业？", "Which subdistrict states a higher output?",
              "Which report has more parking spaces?"):
        assert not WHICH_STATES.search(q), q


def test_below_designated_size_is_never_firms_moving_up(corpus: Corpus) -> None:
    a = corpus.ask("柳营镇2023年规下工业的数据是多少？")
    assert not _states(a, 11.0, "count"), a.text  # 小升规 firms left the 规下 group: no figure of it


def test_a_level_asked_with_a_target_check_gives_the_level_then_the_missing_target(corpus: Corpus) -> None:
    a = corpus.ask("What annual average PM2.5 concentration did Shiyan (石堰) report for 2023, and did it meet "
                   "its control target?")
    assert _states(a, 21.4, "ug/m3") and "target" in a.text.split(". ", 1)[-1], a.text
    b = corpus.ask("石堰街道2023年PM2.5年均浓度是多少？完成目标了吗？")
    assert _states(b, 21.4, "ug/m3") and "未给出其目标" in b.text, b.text


def test_by_what_percentage_was_it_down_asks_the_rate(corpus: Corpus) -> None:
    q = "Shiyan (石堰) logged 57 fire reports (火警) in 2023. By what percentage was that down on a year earlier?"
    assert route(q, corpus.reports()).kind == "yoy_growth"
    a = corpus.ask(q)
    assert _states(a, 18.6, "percent"), a.text


def test_last_year_and_this_year_are_read_from_the_report(corpus: Corpus) -> None:
    # 麦溪镇 reviews 2023 and plans 2024: it speaks from 2024, so 去年 is 2023; 桐桥街道 speaks from 2024 too
    assert route("麦溪镇去年新建了多少个垃圾屋？", corpus.reports()).years == [2023]
    assert route("桐桥街道去年上半年接报火警多少宗？", corpus.reports()).period == "2023H1"
    assert route("桐桥街道今年头五个月新登记了多少户市场主体？", corpus.reports()).period == "2024M01-M05"
    a = corpus.ask("Tongqiao (桐桥): how many fire reports did it log in the first half of last year?")
    assert not headline_figures(a), a.text  # a year the report does not cover (and no 'roughly' to compute from)
    b = corpus.ask("桐桥街道去年上半年火警大约多少宗？")  # …unless asked roughly: 63 ÷ (1 − 16%)
    assert _states(b, 75.0, "count"), b.text
    c = corpus.ask("麦溪镇比去年同期新增了多少停车位？")  # '比去年同期' is a growth's base, never the year asked
    assert route(c.question, corpus.reports()).years != [2023]


def test_one_place_two_measures_which_is_larger(corpus: Corpus) -> None:
    a = corpus.ask("麦溪镇2023年安全事故的宗数和死亡人数，哪个同比降得更多？相差几个百分点？")
    assert _states(a, 11.5, "percent") and headline(a).index("死亡") < headline(a).index("宗数"), a.text


def test_a_measure_named_by_its_noun_is_never_another_things_upgrade(corpus: Corpus) -> None:
    a = corpus.ask("桐桥街道2024年上半年升级改造了多少个垃圾屋？")
    assert not _states(a, 12.0, "count"), a.text  # the 园区供电设施 upgraded are no 垃圾屋
    b = corpus.ask("麦溪镇2023年新建了多少个垃圾屋？")
    assert _states(b, 14.0, "count"), b.text


def test_a_per_village_average_is_never_labelled_a_total(corpus: Corpus) -> None:
    rows = {x.value: x.label_zh for x in corpus._figure_rows() if x.street == "麦溪镇"}
    assert rows[52.0] == "村均集体经济收入" and "总额" in rows[936.0]




def test_a_year_asked_where_only_the_growth_to_november_is_stated(corpus: Corpus) -> None:
    a = corpus.ask("麦溪镇2023年固定资产投资是多少？")
    assert a.route == "abstain" and not headline_figures(a) and "增速" in a.text, a.text


def test_an_age_group_asked_is_that_groups_figure(corpus: Corpus) -> None:
    a = corpus.ask("金潭街道80岁以上人群加强针接种率是多少？")
    assert _states(a, 88.12, "percent"), a.text
    b = corpus.ask("Jintan (金潭): what booster (加强针) rate did residents aged 80 and over reach in 2022?")
    assert _states(b, 88.12, "percent"), b.text
    c = corpus.ask("金潭街道60-79岁人群加强针接种了多少人次？")
    assert _states(c, 13205.0, "count"), c.text
    d = corpus.ask("金潭街道70岁以上人群全程接种率是多少？")
    assert not headline_figures(d), d.text  # an age group the report does not state


def test_a_check_against_a_threshold_asks_the_figure(corpus: Corpus) -> None:
    a = corpus.ask("河浦街道2023年规上工业总产值突破200亿元了吗？")
    assert _states(a, 2.053e10, "CNY"), a.text
    b = corpus.ask("石堰街道2023年火警比上年少了15%以上没有？")
    assert _states(b, 18.6, "percent"), b.text
    c = corpus.ask("Did Shiyan's (石堰) 2023 above-scale industrial output (规上工业总产值) growth reach 6%?")
    assert _states(c, 6.2, "percent"), c.text
    d = corpus.ask("石堰街道2023年规上工业总产值的涨幅是否突破了5%？")
    assert _states(d, 6.2, "percent"), d.text
    # a threshold inside the measure's own name is no check ('超过1亿元的项目有几个')
    assert route("石堰街道投资超过1亿元的项目有几个？", corpus.reports()).asked in ("", "石堰街道投资超过1亿元的项目有几个？")


def test_a_count_then_a_rate_asked_in_two_sentences_gets_both(corpus: Corpus) -> None:
    a = corpus.ask("金潭街道2022年一共办理了多少件人大代表建议和政协委员提案？满意率如何？")
    assert _states(a, 87.0, "count") and "98.5%" in a.text, a.text


def test_a_kind_not_wanted_said_after_the_question_is_no_part_of_it(corpus: Corpus) -> None:
    q = "Jintan (金潭), residents aged 60–79: how many full-course vaccinations (全程接种) in 2022? I want the count, not the 98.42% rate."
    a = corpus.ask(q)
    assert _states(a, 15830.0, "count"), a.text


def test_a_measure_written_with_its_own_suffix_still_matches(corpus: Corpus) -> None:
    a = corpus.ask("金潭街道2022年烟叶收购量是多少担？")  # '收购量' over '收购烟叶4200担'
    assert "4200担" in headline(a), a.text


def test_which_fell_more_in_english(corpus: Corpus) -> None:
    a = corpus.ask("Which fell more at Maixi (麦溪) in 2023: safety accidents (安全事故宗数) or accident deaths (安全事故死亡人数)?")
    assert _states(a, 11.5, "percent"), a.text


def test_the_gap_between_two_measures_asked_in_english(corpus: Corpus) -> None:
    a = corpus.ask("For Jintan (金潭) in 2022, how large is the gap between above-scale industrial output (规上工业总产值) "
                   "and its value added (规上工业增加值)?")
    assert _states(a, 3.143e10, "CNY"), a.text


def test_a_part_taken_off_a_whole_leaves_the_rest(corpus: Corpus) -> None:
    a = corpus.ask("金潭2022年“小升规”的那31家工业企业，扣掉其中的国家高新技术企业，还剩几家？")
    assert _states(a, 22.0, "count"), a.text


def test_a_rate_the_figure_is_computed_from_is_not_the_kind_asked(corpus: Corpus) -> None:
    q = "按增速倒推，金潭街道第一大企业金潭电子上一年的产值大约是多少亿元？"
    assert route(q, corpus.reports()).kind == "actual"
    assert _states(corpus.ask(q), 8.4e9, "CNY")  # 88.2 ÷ 1.05


def test_a_level_then_its_share_asked_in_one_sentence(corpus: Corpus) -> None:
    a = corpus.ask("What above-scale industrial output (规上工业总产值) did Jintan (金潭) reach in 2022, and what share of "
                   "its task was that?")
    assert _states(a, 4.126e10, "CNY"), a.text  # the level first; the report sets no task, so no share follows


def test_larger_or_smaller_asks_no_direction(corpus: Corpus) -> None:
    a = corpus.ask("Is Shiyan's (石堰) 2023 above-scale industrial output (规上工业总产值) larger or smaller than Hepu's (河浦)?")
    assert headline(a).startswith("Shiyan"), a.text  # the larger first, as for any comparison
    b = corpus.ask("石堰和河浦2023年规上工业总产值哪个少？")
    assert headline(b).startswith("河浦"), b.text


def test_a_count_asked_of_things_bought_with_money_is_a_count(corpus: Corpus) -> None:
    assert route("金潭街道用民生资金建成了几个项目？", corpus.reports()).unit_hint == "count"
    assert route("金潭街道社零总额有多少个亿？", corpus.reports()).unit_hint != "count"


def test_a_verb_before_a_named_places_suffix_is_no_unknown_place(corpus: Corpus) -> None:
    a = corpus.ask("麦溪镇2023年建成镇垃圾分类中心的同时，新建了多少个垃圾屋？")
    assert _states(a, 14.0, "count"), a.text
    b = corpus.ask("新建镇2023年新建了多少个垃圾屋？")
    assert b.route == "abstain" and not headline_figures(b), b.text  # a place the corpus lacks, named alone


def test_an_age_group_in_a_traditional_report_is_read_too(corpus: Corpus) -> None:
    a = corpus.ask("兰山镇80岁以上人群加强针接种率是多少？")
    assert _states(a, 78.70, "percent"), a.text
