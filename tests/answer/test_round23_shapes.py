"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing.

- Sums: '两个街道固投加总是多少' adds the places' figures; the items of an English total named in the sentence before
  the question ('its plan builds A and B. What do they come to in all?'); '给就业、创业发的
  补贴总共有多少钱' is the report's one 就业创业补贴 figure, never it plus some other subsidy.
- A difference of counts is one of like things: '新增学位中，小学比幼儿园多几座' sets seats against seats, never
  the kindergartens' seats against the number of kindergartens; English 'kindergarten places' never names the
  primary and middle schools' places.
- Names as analysts say them: '那17个项目，意向投资额合计' is the report's 意向投资金额; '接报了多少案件' keeps its verb.
- A label a report once names as a part of a whole ('其中区级税收…') is one measure in every sentence that states it,
  so the 1-5月 figure of it is found beside the half-year estimate.
"""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import first_is, invented_corpus

REPORTS = {
    "lx_2023.txt": "澜汐街道2023年工作总结及2024年工作计划\n"
                   "一、2023年工作回顾\n"
                   "全年完成固定资产投资58.3亿元,同比增长6.1%。"
                   "新建改扩建学校4所,新增学位3870座,其中中小学2所、新增学位3260座,幼儿园2所、新增学位610座。"
                   "全年发放就业创业补贴超980万元,为困难群众发放各类补贴310万余元。"
                   "赴外地开展招商活动4次,累计挖掘项目17个,意向投资金额合计24亿元,已落户项目6个。"
                   "“民意速办”共接报案件2.6万宗,办理2.58万宗,办结率99.2%。\n"
                   "二、2024年工作计划\n"
                   "新增幼儿园学位900座、基础教育学位1800座。新建幼儿园1所。全年完成固定资产投资63亿元。\n",
    "lx_2024.txt": "澜汐街道2024年工作总结\n"
                   "一、主要指标\n"
                   "1-11月完成固定资产投资60.1亿元,同比增长3.2%。\n",
    "bq_2023.txt": "柏桥街道2023年工作总结\n"
                   "一、主要成效\n"
                   "全年完成全社会固定资产投资41.2亿元,同比增长3.3%。\n",
    "ft_2024.txt": "枫汀街道2024年上半年工作总结\n"
                   "一、上半年工作情况\n"
                   "1-5月,街道实现税收总收入8.1亿元,同比增长2.2%,其中区级税收2.9亿元,完成全年目标的40.3%。\n"
                   "从入库进度看,预计上半年区级税收可达3.5亿元,完成全年目标的48.6%。\n"
                   "二、下半年工作计划\n"
                   "全力冲刺全年目标:区级税收7.2亿元。\n",
    "hs_2023.txt": "禾杉街道2023年工作总结及2024年工作计划\n"
                   "一、2023年工作回顾\n"
                   "全年完成工业投资7.4亿元,完成年度任务的162%。招引企业152家（完成进度108%）。"
                   "全年规上工业企业达到46家,规上工业总产值38.2亿元。"
                   "全年受理12345市民服务热线转办件2410件,办结率97.2%。全年限额以上住宿餐饮业企业14家,实现营收2.1亿元。"
                   "为残疾人等特殊群体发放福利服务经费2600万元。国家高新技术企业达到210家,同比增长25%。"
                   "全年税收收入31亿元。招引项目96个,完成区下达年度任务的1.6倍。"
                   "组织开展政策宣讲会18场、公益招聘会15场,举办职业技能培训11场。\n"
                   "二、2024年工作计划\n"
                   "新增小初学位1320个、高中学位450个。力争供应公共住房1850套。力争新增专精特新企业22家。加快实施超50万平方米的新一轮土地整备项目。\n",
    "qs_2024.txt": "青杉街道2024年上半年工作总结\n"
                   "一、主要经济指标\n"
                   "1-5月,完成固定资产投资62.5亿元,完成年度目标的25%;街道实现区级税收1.9亿元,同比增长8.1%。\n"
                   "（二）城市更新取得新进展\n"
                   "城市更新完工项目3个,开工项目5个,完成固定资产投资9.8亿元,占年度考核任务35%。"
                   "外出招商5次,已落户项目9个,提前完成全年落户任务。\n",
    "tj_2023.txt": "桐泾街道2023年工作总结\n"
                   "一、经济运行\n"
                   "全年实现地区生产总值218.6亿元,同比增长5.2%,总量居全区8个镇街第3位、增速居第2位。"
                   "云栖智造谷片区全年完成工业产值86亿元。\n",
    "jy_2022.txt": "金屿乡2022年工作总结\n"
                   "一、特色产业\n"
                   "预计2021—2022年产季全乡柑橘产量3.4万吨,产值2.6亿元。\n",
    "zj_2018.txt": "朱槿街道2018年工作总结\n"
                   "一、经济发展\n"
                   "截至11月底,辖区实现税收6.2亿元,同比增长5.1%,其中区级税收2.2亿元。"
                   "全年受理12345市民服务热线工单1980件。\n",
    "xc_2023.txt": "杏川镇2023年前三季度工作总结\n"
                   "一、农业生产\n"
                   "全镇粮食作物播种面积30.2万亩,其中水稻12.1万亩、大豆6.4万亩,大豆种植面积完成县下达任务的103.5%。\n",
    "xl_2023.txt": "岫岭乡2023年工作总结\n"
                   "一、巩固脱贫成果\n"
                   "全年新识别纳入防止返贫监测户9户31人,累计纳入监测户88户301人。"
                   "发放小额信贷资金650万元,覆盖脱贫户和监测户172户。\n",
    "xl_2024.txt": "岫岭乡2024年工作总结\n"
                   "一、巩固脱贫成果\n"
                   "全年新识别纳入监测户6户20人,累计纳入监测户94户320人。\n",
    "yl_2023.txt": "云泸街道2023年工作总结及2024年工作计划\n"
                   "一、2023年工作回顾\n"
                   "1-11月规上工业总产值86.4亿元,其中区30强外产值51.2亿元,30强内产值35.2亿元。"
                   "在轨道6号线、东站货场、区第三人民医院等重大项目中累计完成土地整备41万平方米,提前完成全年工作任务。"
                   "投入“民生微实事”经费1860万元。为困难群众等特殊人群发放福利服务经费2240万元。"
                   "1-11月工业投资累计完成12.6亿元,完成年度目标88.5%。\n"
                   "二、2024年工作计划\n"
                   "全面启动北岸片区土地整备利益统筹项目（一期）,完成21.5万平方米土地整备。\n",
    "sj_2018.txt": "穗涧镇2018年工作总结\n"
                   "一、经济发展\n"
                   "全年粮食播种面积18.2万亩（其中小麦9.4万亩、玉米7.1万亩）,粮食总产量2.1亿斤。"
                   "全镇酥梨种植面积2.2万亩,其中盛果期1.6万亩。农民人均可支配收入接近1.4万元（13920元）,同比增长7.5%。"
                   "全镇6座村级光伏电站全年收益96万元,全部用于公益岗位。规上工业企业总数达到18家。"
                   "210个民生微实事项目立项,总投入1950万元;出资150万元入股商业项目。\n",
}


corpus = invented_corpus("round23", REPORTS)



def test_two_places_figures_added_up(corpus: Corpus) -> None:
    a = corpus.ask("澜汐和柏桥2023年的固投加总起来有多少亿元？")
    assert [v for v, u in headline_figures(a) if u == "CNY"][:1] == [99.5e8], a.text  # (after '2个地方的')


def test_a_difference_of_counts_is_of_like_things(corpus: Corpus) -> None:
    a = corpus.ask("澜汐2023年新增学位当中，中小学的比幼儿园的多出多少座？")
    assert first_is(a, 2650.0, "count"), a.text
    assert "所" not in a.text.split("。")[0], a.text  # never seats less schools


def test_english_items_named_before_the_question(corpus: Corpus) -> None:
    a = corpus.ask("Under its 2024 plan Lanxi (澜汐) builds kindergarten places and basic-education places. "
                   "What do they come to in all?")
    assert first_is(a, 2700.0, "count"), a.text


def test_kindergarten_places_are_not_every_schools_places(corpus: Corpus) -> None:
    a = corpus.ask("How many kindergarten places did Lanxi (澜汐) add in 2023?")
    assert headline_figures(a)[:1] == [(610.0, "count")], a.text


def test_a_compound_the_question_splits(corpus: Corpus) -> None:
    a = corpus.ask("2023年澜汐给就业、创业发放的补贴一共是多少钱？")
    assert headline_figures(a)[:1] == [(980e4, "CNY")], a.text


def test_everyday_names_of_stated_figures(corpus: Corpus) -> None:
    a = corpus.ask("澜汐挖到的那17个招商项目，意向投资额加起来多少亿？")
    assert headline_figures(a)[:1] == [(24e8, "CNY")], a.text
    a = corpus.ask("澜汐的“民意速办”2023年一共接报了多少宗案件？")
    assert headline_figures(a)[:1] == [(2.6e4, "count")], a.text


def test_a_part_is_one_measure_in_every_sentence(corpus: Corpus) -> None:
    a = corpus.ask("2024年1至5月，枫汀街道的区级税收是多少？")
    assert headline_figures(a)[:1] == [(2.9e8, "CNY")], a.text


def test_what_is_not_asked_is_no_kind(corpus: Corpus) -> None:
    a = corpus.ask("For Heshan (禾杉) in 2023 I need the industrial investment (工业投资) itself, not the completion rate.")
    assert headline_figures(a)[:1] == [(7.4e8, "CNY")], a.text
    a = corpus.ask("禾杉2023年工业投资完成多少，不是完成率。")
    assert headline_figures(a)[:1] == [(7.4e8, "CNY")], a.text


def test_a_progress_in_brackets_is_the_completion_rate(corpus: Corpus) -> None:
    a = corpus.ask("2023年禾杉招引企业，任务的完成进度到了多少？")
    assert headline_figures(a)[:1] == [(108.0, "percent")], a.text


def test_a_figure_sizes_the_thing_after_its_的(corpus: Corpus) -> None:
    a = corpus.ask("禾杉2024年计划加快实施的新一轮土地整备项目有多大面积？")
    assert headline_figures(a)[:1] == [(50e4, "m2")], a.text
    assert "土地整备" in a.text.split("[1]")[0], a.text  # named by what it sizes, never '加快实施'
    a = corpus.ask("How large is the new round of land consolidation Heshan (禾杉) plans for 2024, in square metres?")
    assert headline_figures(a)[:1] == [(50e4, "m2")], a.text


def test_what_was_set_for_a_year_is_its_target(corpus: Corpus) -> None:
    a = corpus.ask("禾杉给2024年定的公共住房供应是多少套？")
    assert headline_figures(a)[:1] == [(1850.0, "count")], a.text
    a = corpus.ask("禾杉2024年定的专精特新企业新增多少家？")
    assert headline_figures(a)[:1] == [(22.0, "count")], a.text


def test_everyday_words_around_the_name(corpus: Corpus) -> None:
    a = corpus.ask("数一数：禾杉2023年的限上住宿餐饮单位有几家？")
    assert headline_figures(a)[:1] == [(14.0, "count")], a.text
    a = corpus.ask("2023年禾杉给特殊群体一共发出去多少福利服务经费？")
    assert headline_figures(a)[:1] == [(2600e4, "CNY")], a.text


def test_months_in_chinese_numerals(corpus: Corpus) -> None:
    a = corpus.ask("截至五月底，青杉今年的固投完成了年度目标的百分之多少？")
    assert headline_figures(a)[:1] == [(25.0, "percent")], a.text


def test_a_part_year_figure_named_by_its_sentence(corpus: Corpus) -> None:
    a = corpus.ask("给领导准备的材料要写青杉的旧改：今年以来城市更新项目完成固定资产投资多少亿元？")
    assert first_is(a, 9.8e8, "CNY"), a.text


def test_a_target_worked_back_from_its_rate(corpus: Corpus) -> None:
    a = corpus.ask("用青杉1-5月固投完成的进度倒推一下，全年固投目标约多少亿元？")
    assert first_is(a, 250e8, "CNY"), a.text


def test_english_gaps_and_years_before(corpus: Corpus) -> None:
    a = corpus.ask("By how many 亿元 did Heshan's (禾杉) 2023 gross industrial output of above-scale firms exceed "
                   "Qingshan's (青杉) January–May 2024 fixed-asset investment?")
    assert not headline_figures(a) or headline_figures(a)[0][0] != 38.2e8 or "computed" in a.text, a.text
    a = corpus.ask("Heshan (禾杉) grew its national high-tech enterprises by a stated rate in 2023. How many did it "
                   "have a year earlier, roughly?")
    assert first_is(a, 168.0, "count"), a.text


def test_a_figure_given_then_its_growth_asked(corpus: Corpus) -> None:
    a = corpus.ask("The 区级税收 figure for Qingshan (青杉街道) is 1.9亿元. By what percentage did it grow year on year?")
    assert headline_figures(a)[:1] == [(8.1, "percent")], a.text


def test_one_name_compared_across_places(corpus: Corpus) -> None:
    a = corpus.ask("Between Qingshan (青杉街道, January–May 2024) and Zhujin (朱槿街道, January–November 2018), which "
                   "collected more district-level tax?")
    assert first_is(a, 2.2e8, "CNY"), a.text  # 朱槿's 区级税收, never its 税收 total
    a = corpus.ask("12345热线工单：禾杉（2023年）与朱槿（2018年）谁受理得多？")
    assert headline_figures(a)[:1] == [(2410.0, "count")], a.text  # (转办件 are the hotline's 工单)


def test_an_english_task_share_of_an_acreage(corpus: Corpus) -> None:
    a = corpus.ask("In 2023, what percentage of its county-set soybean acreage task had Xingchuan town (杏川镇) fulfilled?")
    assert headline_figures(a)[:1] == [(103.5, "percent")], a.text


def test_a_series_keeps_its_own_wording(corpus: Corpus) -> None:
    a = corpus.ask("岫岭乡累计纳入监测的户数，2024年较2023年增加了几户？")
    assert headline_figures(a)[:1] == [(6.0, "count")], a.text


def test_value_added_is_never_a_count_of_firms(corpus: Corpus) -> None:
    a = corpus.ask("What was Heshan's (禾杉) value added of above-designated-size industry in 2023?")
    assert (46.0, "count") not in headline_figures(a), a.text


def test_more_everyday_and_english_shapes(corpus: Corpus) -> None:
    a = corpus.ask("云泸工业投资2023年的年度目标，到11月底完成了几成？请用百分比回答。")
    assert headline_figures(a)[:1] == [(88.5, "percent")], a.text
    a = corpus.ask("按区30强内外划分，云泸1-11月30强外产值比30强内产值高出多少亿元？")
    assert first_is(a, 16e8, "CNY"), a.text
    a = corpus.ask("Yunlu (云泸), 2023: add the 民生微实事 funding and the welfare-service funds (福利服务经费). "
                   "What is the total, in 万元?")
    assert first_is(a, 4100e4, "CNY"), a.text


def test_where_it_was_done_frames_no_name(corpus: Corpus) -> None:
    a = corpus.ask("How much land consolidation (土地整备) did Yunlu (云泸街道) finish ahead of the year's task, in 万 "
                   "square metres?")
    assert headline_figures(a)[:1] == [(41e4, "m2")], a.text
    a = corpus.ask("Yunlu's (云泸) 2024 land target for the first phase of the Bei'an project: how many 万 square metres "
                   "of land consolidation (土地整备)?")
    assert headline_figures(a)[:1] == [(21.5e4, "m2")], a.text


def test_parts_in_brackets_counts_before_nouns_and_estimate_words(corpus: Corpus) -> None:
    a = corpus.ask("2018年穗涧镇的小麦种了多少亩？")
    assert headline_figures(a)[:1] == [(9.4e4, "mu")] or first_is(a, 9.4e4 * 666.6666666666666, "m2"), a.text
    a = corpus.ask("穗涧镇的酥梨里，盛果期的面积是多少？")
    assert "1.6万亩" in a.text.split("[1]")[0], a.text
    a = corpus.ask("穗涧镇的村级光伏电站2018年带来多少收益？")
    assert first_is(a, 96e4, "CNY"), a.text
    a = corpus.ask("2018年穗涧镇农民的人均可支配收入有多少元？")
    assert "收入接" not in a.text and first_is(a, 13920.0, "CNY"), a.text  # '接近' names nothing; the exact figure
    a = corpus.ask("穗涧镇截至2018年12月底有几家规上工业企业？")
    assert headline_figures(a)[:1] == [(18.0, "count")], a.text


def test_everyday_outlay_and_a_change_in_absolute_terms(corpus: Corpus) -> None:
    a = corpus.ask("穗涧镇的民生微实事项目一共投进去多少钱？")
    assert first_is(a, 1950e4, "CNY"), a.text
    a = corpus.ask("澜汐和柏桥2023年的固投，按增速推算谁比上年增加的绝对额更大？")
    assert not headline_figures(a) or "计算" in a.text, a.text  # the levels are no answer to a change asked


def test_a_third_batch_of_wordings(corpus: Corpus) -> None:
    a = corpus.ask("2023年禾杉国家高新技术企业的数量比上年多了百分之几？")
    assert headline_figures(a)[:1] == [(25.0, "percent")], a.text
    a = corpus.ask("禾杉2024年要新增多少个高中学位？")
    assert headline_figures(a)[:1] == [(450.0, "count")], a.text
    a = corpus.ask("禾杉街道那年收上来的税一共多少亿？")
    assert first_is(a, 31e8, "CNY"), a.text
    a = corpus.ask("Did Heshan (禾杉) reach the district's 2023 target for projects attracted (招引项目)? By what multiple?")
    assert headline_figures(a)[:1] == [(1.6, "times")], a.text
    a = corpus.ask("Qingshan's (青杉) urban-renewal fixed-asset investment of 9.8亿元 is 35% of its annual assessment task. "
                   "What does that imply the full-year task is, in 亿元?")
    assert first_is(a, 28e8, "CNY"), a.text
    a = corpus.ask("Counting policy briefings, public job fairs and vocational-skills training sessions together, how many "
                   "employment events did Heshan (禾杉) hold in 2023?")
    assert headline_figures(a)[:1] == [(44.0, "count")], a.text


def test_a_part_of_a_figure_given_is_never_that_figure(corpus: Corpus) -> None:
    a = corpus.ask("澜汐2023年共新增学位3870座，其中两所幼儿园占多少座？")
    assert (3870.0, "count") not in headline_figures(a)[:1], a.text


def test_english_peers_seasons_and_a_named_area(corpus: Corpus) -> None:
    a = corpus.ask("Where did Tongjing sub-district (桐泾街道) rank among Foshan's towns and sub-districts by GDP growth "
                   "in 2023?")
    assert "2" in a.text.split("[1]")[0] and "3rd" not in a.text, a.text
    a = corpus.ask("What citrus output does Jinyu township (金屿乡) expect for the 2021–2022 season?")
    assert headline_figures(a)[:1] == [(3.4e4, "t")], a.text
    a = corpus.ask("How much industrial output did the Yunqi Smart Manufacturing Valley (云栖智造谷) area of Tongjing "
                   "sub-district (桐泾街道) produce in 2023?")
    assert first_is(a, 86e8, "CNY"), a.text
    a = corpus.ask("How many projects had already settled in Qingshan (青杉) by mid-2024, and had it met its full-year "
                   "goal for landings?")
    assert headline_figures(a)[:1] == [(9.0, "count")], a.text


def test_a_year_that_names_the_report(corpus: Corpus) -> None:
    a = corpus.ask("澜汐2024年1-11月完成的固定资产投资，离2023年报告定下的2024年目标还差多少亿元？")
    assert first_is(a, 2.9e8, "CNY"), a.text
