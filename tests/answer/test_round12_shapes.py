"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing
or misreading — a figure asked with its position, 新增 said after the thing added, 'next year' and 'last year',
a change asked in yuan, a whole less the part a question leaves out, the lowest as the best, an amount asked
with its share, an effect a report expects, a part's completion rate, the stock against the year's additions,
and what an English count counts."""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import first_figure, invented_corpus

REPORTS = {
    "fl_2023.txt": "枫林街道2023年工作总结\n"
                   "一、经济发展\n"
                   "全年实现地区生产总值156亿元，规上工业总产值410亿元，规上工业增加值98.6亿元。工业企业小升规12家。社会消费品零售总额64.2亿元，同比增长6.3%，"
                   "居全区第3位。固定资产投资82.5亿元，其中工业投资21.4亿元。限额以上住宿餐饮业营业收入4.6亿元，"
                   "同比增长8.2%。举办招商推介会，现场签约项目9个，预计落地后年产值超15亿元。全年落地产值61.3亿元。"
                   "6个区重大产业项目、2个市重大产业项目有序推进。\n"
                   "二、城市建设\n"
                   "完成土地整备入库35.6万平方米，入库量占全区18%。积极对接受土整搬迁影响企业42家，开展土地整备项目26个。"
                   "新建口袋公园12个，口袋公园总数达到86个。食品加工企业发展到14家，日产能52吨。城市更新完工项目4个，开工项目9个，旧改项目收楼36户。"
                   "举办“送法进企业”宣讲会8场次，惠及企业57家次。定期上门服务失能老人、残疾人超1500人次，发放各类补贴320余万元。"
                   "新建改扩建中小学3所，新增学位3900座。PM2.5年均浓度19.2微克/立方米。\n"
                   "三、2024年工作计划\n"
                   "力争新增专精特新企业11家，新增托位数240个；推动征拆项目6个。力争新增“小升规”企业15家以上。"
                   "建立环境提升项目库，计划投资约3200万元。\n",
    "sw_2023.txt": "石湾街道2023年工作总结\n"
                   "一、2023年工作回顾\n"
                   "全年完成固定资产投资41.5亿元。PM2.5年均浓度21.5微克/立方米。\n"
                   "二、2024年工作计划\n"
                   "固定资产投资达到44亿元以上。\n",
    "sw_2024.txt": "石湾街道2024年工作总结\n"
                   "一、2024年工作回顾\n"
                   "全年完成固定资产投资46.8亿元，同比增长12.8%。\n",
    "yg_2024h1.txt": "云岗街道2024年上半年工作总结\n"
                     "一、经济运行\n"
                     "1-5月，固定资产投资累计完成40.2亿元，完成年度目标31.6%；工业投资累计完成18.3亿元，完成年度目标24.5%。\n"
                     "二、城市更新\n"
                     "城市更新完工项目3个，完成固定资产投资6.1亿元，占年度考核任务27%。\n"
                     "三、平安建设\n"
                     "上半年接报火警52宗，同比下降18%。\n",
}


corpus = invented_corpus("round12", REPORTS)



def test_a_figure_asked_with_its_position_states_both(corpus: Corpus) -> None:
    for q in ("枫林2023年社零增速多少？在全区排第几？", "What was Fenglin's (枫林) retail sales growth in 2023, and its rank "
                                              "in the district?"):
        a = corpus.ask(q)
        assert headline_figures(a)[:1] == [(6.3, "percent")], a.text
        assert "第3位" in a.text, a.text


def test_new_said_after_the_thing_added_is_the_plan_for_new_ones(corpus: Corpus) -> None:
    assert first_figure(corpus, "枫林明年专精特新要新增几家？") == (11.0, "count")
    assert first_figure(corpus, "枫林2024年计划里，幼儿托位的新增目标是多少个？") == (240.0, "count")


def test_next_year_asks_the_plan_and_a_question_said_twice_is_answered_once(corpus: Corpus) -> None:
    a = corpus.ask("枫林明年征拆点名了几个项目？几个？")
    assert headline_figures(a)[:1] == [(6.0, "count")], a.text
    assert a.text.count("6个") == 1, a.text


def test_city_level_is_the_city_of_its_major_projects(corpus: Corpus) -> None:
    assert first_figure(corpus, "How many city-level major industrial projects in Fenglin (枫林)?") == (2.0, "count")


def test_where_the_figure_is_read_and_a_yes_or_no_tail_are_no_part_of_its_name(corpus: Corpus) -> None:
    assert first_figure(corpus, "枫林街道报告里的GDP是多少？") == (156e8, "CNY")
    assert first_figure(corpus, "枫林街道2023年固投完成多少？是第一次过80亿吗？") == (82.5e8, "CNY")


def test_a_change_asked_in_yuan_is_computed_or_declined_never_the_level(corpus: Corpus) -> None:
    got = first_figure(corpus, "Fenglin (枫林) above-quota hotels & catering revenue — up by how many 亿 yoy?")
    assert got and abs(got[0] - (4.6 - 4.6 / 1.082) * 1e8) < 0.001e8, got
    assert first_figure(corpus, "Fenglin (枫林) FAI — up by how many 亿 yoy?") is None  # no growth stated: no level either
    assert first_figure(corpus, "Fenglin (枫林) FAI — % change on the year before?") is None


def test_a_whole_less_the_part_a_question_leaves_out_is_computed(corpus: Corpus) -> None:
    got = first_figure(corpus, "Leaving out industrial investment (工业投资), how much of Fenglin's (枫林) 2023 fixed-asset "
                         "investment was other investment?")
    assert got and abs(got[0] - (82.5 - 21.4) * 1e8) < 0.001e8, got
    got = first_figure(corpus, "枫林GDP里规上工业增加值以外的部分有多少亿？")
    assert got and abs(got[0] - (156 - 98.6) * 1e8) < 0.001e8, got


def test_a_total_of_qualified_items_is_never_one_item(corpus: Corpus) -> None:
    got = first_figure(corpus, "Fenglin (枫林) major industrial projects, district + city — total?")
    assert got is None or got == (8.0, "count"), got


def test_cleaner_air_is_the_lower_concentration(corpus: Corpus) -> None:
    a = corpus.ask("Which had cleaner air in 2023 by annual average PM2.5: Fenglin (枫林) or Shiwan (石湾)?")
    assert a.table and next(t for t in a.table if t.rank == 1).street == "枫林街道", a.text
    a = corpus.ask("2023年枫林和石湾谁的PM2.5更高？")
    assert a.table and next(t for t in a.table if t.rank == 1).street == "石湾街道", a.text


def test_an_amount_asked_with_its_share_leads_with_the_amount(corpus: Corpus) -> None:
    a = corpus.ask("How much land did Fenglin (枫林) put into the land reserve (土地整备入库) in 2023, and what share of "
                   "the district total was that?")
    assert headline_figures(a)[:1] == [(356000.0, "m2")] and "18%" in a.text, a.text


def test_an_effect_the_report_expects_answers_what_is_expected(corpus: Corpus) -> None:
    a = corpus.ask("枫林街道招商推介会签约项目预计落地后每年能带来多少产值？")
    assert headline_figures(a)[:1] == [(15e8, "CNY")], a.text
    assert first_figure(corpus, "枫林2023年落地产值多少？") == (61.3e8, "CNY")


def test_last_year_is_said_of_the_latest_report(corpus: Corpus) -> None:
    # a half-year report of 2024: last year is 2023, which no report of 云岗 covers
    assert first_figure(corpus, "Yungang (云岗) fire calls (火警) in H1 last year?") is None
    assert first_figure(corpus, "云岗去年上半年火警多少宗？") is None
    # a year-end report of 2023, read in 2024: last year is the year it reviews
    assert first_figure(corpus, "枫林去年规上工业增加值多少？") == (98.6e8, "CNY")


def test_an_area_asked_in_square_metres_is_no_count(corpus: Corpus) -> None:
    assert first_figure(corpus, "Fenglin (枫林) land put into the reserve — how many sq m?") == (356000.0, "m2")


def test_a_completion_rate_stated_after_a_parts_figure_is_the_parts(corpus: Corpus) -> None:
    assert first_figure(corpus, "Yungang (云岗) FAI — what % of the year's target done?") == (31.6, "percent")
    assert first_figure(corpus, "What share of its annual assessment task for urban-renewal fixed-asset investment had "
                          "Yungang (云岗) completed?") == (27.0, "percent")


def test_a_result_against_the_target_set_for_it_in_english(corpus: Corpus) -> None:
    a = corpus.ask("By how much did Shiwan's (石湾) 2024 fixed-asset investment exceed the target set in its 2023 "
                   "report?")
    assert (2.8e8, "CNY") in {(round(v, -6), u) for v, u in headline_figures(a)}, a.text  # 46.8 − 44


def test_the_total_asked_is_the_stock_not_the_years_additions(corpus: Corpus) -> None:
    assert first_figure(corpus, "What was the total number of pocket parks in Fenglin (枫林) at the end of 2023?") == \
        (86.0, "count")
    assert first_figure(corpus, "How many pocket parks did Fenglin (枫林) newly build in 2023?") == (12.0, "count")


def test_the_measure_a_question_ends_with_is_asked_not_whose_it_is(corpus: Corpus) -> None:
    a = corpus.ask("枫林食品加工企业日产能是多少？")
    assert "52吨" in a.text.split("。")[0], a.text
    assert first_figure(corpus, "枫林食品加工企业有多少家？") == (14.0, "count")


def test_an_english_count_of_firms_is_never_a_count_of_projects(corpus: Corpus) -> None:
    assert first_figure(corpus, "How many firms hit by land-consolidation relocation did Fenglin (枫林) reach out to?") == \
        (42.0, "count")


def test_colloquial_plan_questions(corpus: Corpus) -> None:
    assert first_figure(corpus, "枫林明年计划把幼儿托位增加多少个？") == (240.0, "count")  # 把…增加: the plan's additions
    assert first_figure(corpus, "枫林明年环境提升项目计划投多少钱？") == (3200e4, "CNY")  # 投多少钱: the investment
    assert first_figure(corpus, "云岗今年工业投资目标完成进度（截至5月）是多少？") == (24.5, "percent")
    # a plan's count of things to add, asked of the stock's name
    assert first_figure(corpus, "Fenglin (枫林) 小升规 target for next year?") == (15.0, "count")
    assert first_figure(corpus, "枫林2023年小升规企业多少家？") == (12.0, "count")


def test_who_is_bigger_names_no_measure(corpus: Corpus) -> None:
    a = corpus.ask("规上增加值：枫林和石湾谁大？")
    assert "98.6亿元" in a.text and "石湾" in a.text, a.text  # 石湾 states none: said so, never another figure


def test_a_terse_english_measure_name_asks_its_figure(corpus: Corpus) -> None:
    assert first_figure(corpus, "Fenglin (枫林) 规上 output 2023?") == (410e8, "CNY")
    assert first_figure(corpus, "Shiwan (石湾) GDP?") is None  # not stated: declined


def test_the_chinese_an_english_question_gives_decides_between_close_labels(corpus: Corpus) -> None:
    assert first_figure(corpus, "how many urban-renewal projects completed (完工) in Fenglin (枫林) in 2023?") == (4.0, "count")
    assert first_figure(corpus, "Fenglin (枫林) legal talks for firms (送法进企业) — how many firms reached?") == (57.0, "count")
    assert first_figure(corpus, "Fenglin (枫林) 旧改项目: households handed over (收楼)?") == (36.0, "count")


def test_a_second_ask_a_subsidy_and_an_average_per_item(corpus: Corpus) -> None:
    a = corpus.ask("枫林社零规模多大？增速呢？")  # the size first, then its growth
    assert headline_figures(a)[:1] == [(64.2e8, "CNY")] and "6.3%" in a.text, a.text
    assert first_figure(corpus, "枫林2023年给失能老人、残疾人发了多少补贴？") == (320e4, "CNY")  # money, not the visits
    got = first_figure(corpus, "枫林2023年那3所新建改扩建的中小学，平均一所带来多少学位？")
    assert got in (None, (1300.0, "count")), got  # computed or declined, never the total 3900


def test_the_economys_size_is_gdp_and_a_position_asked_after_it(corpus: Corpus) -> None:
    assert first_figure(corpus, "枫林2023年经济总量多大？") == (156e8, "CNY")
    a = corpus.ask("枫林2023年经济总量（GDP）多大？在区里排第几？")  # no position stated: the figure, then that
    assert headline_figures(a)[:1] == [(156e8, "CNY")], a.text
    assert "第3位" in corpus.ask("枫林社零规模在全区各街道里名列第几？").text
