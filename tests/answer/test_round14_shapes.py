"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing
or misreading — a figure the question quotes and asks about (which period, which kind), asides that set another
year apart ('别和…混在一起', '— not the plan —'), a premise before '那…', averages over a count the sentence
states, shares asked with the whole named first ('A里B占多少'), a total the report states for the items a
question lists, the one of two same-named figures whose sentence names what was asked, a part asked of a new
whole (新登记市场主体中企业), an exclusion after the thing left out ('次密接不算'), an English count of roads
beside an area, a length asked in kilometres (never the roads counted), 'drop-off points' read as no fall, and a
page whose plan heading is its first title-like line."""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from rag.ingest.sections import is_plan_only
from tests.conftest import invented_corpus, states

_states = states

REPORTS = {
    "hs_2023.txt": "禾沙街道2023年工作总结\n"
                   "一、经济发展\n"
                   "1-11月，完成规上工业总产值86.4亿元，同比增长3.1%。固定资产投资累计完成21.7亿元，完成年度目标88.2%。"
                   "“四上”企业增至204家，同比增长9.7%。\n"
                   "二、社会事业\n"
                   "建成全区最大的东塘新村立体停车场，新增216个停车位。完成东塘新村、西岗路2个立体停车场建设，新增停车位301个。"
                   "新建、改扩建学校5所，新增学位4120座，其中中小学3所、新增学位3480座，幼儿园2所、新增学位640座。"
                   "辖区民生微实事项目立项150个，总投入1236万元。"
                   "全年转运密接8120人次、次密接3650人次。"
                   "专精特新企业84家，“小巨人”企业12家。"
                   "全年拆除消化违建25.6万平方米，其中通过拆除方式消化违建16.2万平方米。"
                   "完善14条主次干道27公里非机动车道建设。完成186个生活垃圾分类投放点密闭化改造。\n"
                   "三、2024年工作计划\n"
                   "新建幼儿园2所、初级中学1所，新增幼儿园学位720座、基础教育学位1800座。"
                   "完成岭北路等6条市政道路土地整备，土地整备面积18.5万平方米。各类事故亡人数同比下降10%。\n",
    "zj_2024q3.txt": "珠涧街道2024年前三季度工作总结\n"
                     "一、市场主体\n"
                     "前三季度新登记市场主体1460户，其中企业318户、个体工商户1142户。水产品加工企业11家。\n",
}


corpus = invented_corpus("round14", REPORTS)


def test_a_quoted_figure_asked_about_is_named_with_its_period_and_kind(corpus: Corpus) -> None:
    a = corpus.ask("禾沙街道报告里的规上工业总产值86.4亿元，是全年的数还是1-11月的数？")
    assert headline_figures(a)[:1] == [(8_640_000_000.0, "CNY")], a.text
    assert "1-11月" in a.text and "规上工业总产值" in a.text, a.text
    b = corpus.ask("禾沙街道的固定资产投资21.7亿元是累计到几月的数？")
    assert "累计" in b.text and "1-11月" in b.text, b.text
    en = corpus.ask("Heshan (禾沙街道) gives 204家 for its 四上 enterprises. Is that the total or the number added?")
    assert headline_figures(en)[:1] == [(204.0, "count")], en.text


def test_an_aside_setting_another_year_apart_is_no_part_of_the_question(corpus: Corpus) -> None:
    a = corpus.ask("禾沙街道2024年计划新增多少座基础教育学位？不要和2023年新增的中小学学位搞混。")
    assert headline_figures(a)[:1] == [(1800.0, "count")], a.text
    b = corpus.ask("In 2023 itself — not the 2024 plan — how many parking spaces did Heshan (禾沙街道) add at the Dongtang "
                   "New Village (东塘新村) car park?")
    assert b.route == "indicator" and "2024" not in b.text.split("[1]")[0], b.text


def test_a_premise_before_na_leaves_only_the_asked_year(corpus: Corpus) -> None:
    a = corpus.ask("禾沙2023年的“四上”企业增长了9.7%。那2024年计划给各类事故亡人数定的同比压降目标是多少？")
    assert a.route == "indicator" and "10%" in a.text.split("。")[0], a.text


def test_an_average_over_the_count_a_sentence_states(corpus: Corpus) -> None:
    a = corpus.ask("禾沙街道2023年每所新建或改扩建的学校，平均带来多少座新增学位？")
    assert headline_figures(a)[:1] == [(824.0, "count")], a.text  # 4120 ÷ 5, not a part's 3480 ÷ 3
    b = corpus.ask("禾沙街道2024年计划新建的幼儿园，平均每所能提供多少个新增学位？")
    assert headline_figures(b)[:1] == [(360.0, "count")], b.text  # the 幼儿园's 720 ÷ 2, not the 初级中学
    c = corpus.ask("禾沙街道的民生微实事项目，平均每个项目投入多少万元？")
    assert headline_figures(c)[:1] == [(82_400.0, "CNY")], c.text


def test_a_share_asked_with_the_whole_named_first(corpus: Corpus) -> None:
    a = corpus.ask("禾沙专精特新里小巨人占多少？")
    assert headline_figures(a)[:1] == [(14.3, "percent")], a.text
    b = corpus.ask("禾沙街道2023年专精特新企业当中，“小巨人”企业占多大比例？")
    assert headline_figures(b)[:1] == [(14.3, "percent")], b.text


def test_the_total_a_report_states_for_the_items_listed(corpus: Corpus) -> None:
    a = corpus.ask("禾沙街道2023年建成的东塘新村、西岗路两个立体停车场一共新增了多少个停车位？")
    assert headline_figures(a)[:1] == [(301.0, "count")], a.text


def test_of_two_same_named_figures_the_one_whose_sentence_names_the_thing(corpus: Corpus) -> None:
    a = corpus.ask("禾沙街道2023年建成的东塘新村立体停车场新增了多少个停车位？")
    assert headline_figures(a)[:1] == [(216.0, "count")], a.text


def test_a_part_of_a_new_whole_keeps_the_whole_s_qualifier(corpus: Corpus) -> None:
    a = corpus.ask("珠涧街道前三季度新登记市场主体中企业有多少户？")
    assert headline_figures(a)[:1] == [(318.0, "count")], a.text


def test_an_exclusion_named_before_bu_suan_is_never_the_answer(corpus: Corpus) -> None:
    a = corpus.ask("2023年禾沙把密切接触者转运走了多少人次？次密接不算。")
    assert (3650.0, "count") not in headline_figures(a), a.text


def test_english_units_asked_decide_the_figure(corpus: Corpus) -> None:
    roads = corpus.ask("Under its 2024 plan, on how many municipal roads will Heshan (禾沙街道) finish land consolidation?")
    assert headline_figures(roads)[:1] == [(6.0, "count")], roads.text
    km = corpus.ask("How many kilometres of bike lanes (非机动车道) did Heshan (禾沙街道) improve along its main roads in 2023?")
    assert (14.0, "count") not in headline_figures(km), km.text  # a length asked: never the 14 roads
    points = corpus.ask("How many household-waste sorting drop-off points (生活垃圾分类投放点) did Heshan (禾沙街道) "
                        "convert into enclosed ones in 2023?")
    assert headline_figures(points)[:1] == [(186.0, "count")], points.text


def test_a_plan_heading_is_never_the_title_of_a_page_without_one() -> None:
    body = ("2024年，某街道坚持稳中求进。现将有关情况报告如下。\n一、2024年主要工作成效\n（一）经济运行。预计全年实现地区生产总值"
            "41亿元。\n二、2025年工作计划\n2025年主要预期目标：地区生产总值增长5%。\n")
    assert not is_plan_only(body)
    assert is_plan_only("某街道2025年工作计划\n一、主要目标\n地区生产总值增长5%。\n")


MORE = {
    "lw_2024h1.txt": "岚湾街道2024年上半年工作总结\n"
                     "一、经济运行\n"
                     "1-5月，固定资产投资累计完成42.5亿元，完成年度目标31.2%；工业投资累计完成18.6亿元，完成年度目标27.4%。"
                     "全街道蔬菜播种面积1.86万亩次，产量4.2万吨。\n",
    "sm_2023.txt": "石茆镇2023年工作总结\n"
                   "一、经济发展\n"
                   "1-11月，全镇完成镇级一般公共预算收入746万元，同比增长6.3%，预计全年完成812万元。"
                   "全镇精品李种植面积2.7万亩，蔬菜种植2.1万亩次。新建日光温室大棚160座，全镇大棚总数达到1320座。"
                   "全镇村集体经济总收入528万元，14个村全部超过20万元，其中50万元以上的村6个。"
                   "改造9条街巷14公里人行步道。全年新增规上工业企业5家，净增3家，规上工业企业总数达到42家。\n"
                   "二、2024年工作计划\n"
                   "力争PM2.5年平均浓度降至21微克/立方米以下。\n",
    "sm_2022.txt": "石茆镇2022年工作总结\n"
                   "一、经济发展\n"
                   "全年实现地区生产总值38亿元。规上工业企业总数达到39家。安全生产事故9宗，事故宗数下降25%。\n",
    "jd_2023.txt": "金渡街道2023年工作总结\n"
                   "一、经济发展\n"
                   "全年实现地区生产总值126亿元。专精特新企业41家。\n",
}
more = invented_corpus("round14_more", MORE)


def test_a_monthly_average_of_a_year_to_date_figure(more: Corpus) -> None:
    a = more.ask("岚湾今年前5个月固投平均每月多少亿？")
    assert headline_figures(a)[:1] == [(850_000_000.0, "CNY")], a.text  # 42.5亿元 ÷ 5
    en = more.ask("Lanwan (岚湾街道) FAI Jan–May 2024: how much a month on average?")
    assert _states(en, 850_000_000.0, "CNY"), en.text
    projected = more.ask("假如照1-5月的月均进度干满全年，岚湾街道工业投资大约能做到多少亿元？")
    assert (1_860_000_000.0, "CNY") not in headline_figures(projected), projected.text  # no projection made


def test_english_terse_two_asks_lead_with_the_level(more: Corpus) -> None:
    a = more.ask("Lanwan (岚湾街道) industrial investment (工业投资) Jan–May — 亿, and what % of the year's target?")
    assert _states(a, 1_860_000_000.0, "CNY") and "27.4%" in a.text, a.text
    assert a.text.index("18.6亿元") < a.text.index("27.4%"), a.text


def test_a_change_on_a_year_earlier_with_one_year_is_declined(more: Corpus) -> None:
    a = more.ask("Jindu (金渡街道) 专精特新 firms — how many more than a year earlier?")
    assert a.route == "abstain" and not headline_figures(a), a.text


def test_how_much_bigger_is_a_difference(more: Corpus) -> None:
    a = more.ask("how much bigger is Jindu's (金渡街道) GDP than Shimao's (石茆镇)?")
    assert _states(a, 8_800_000_000.0, "CNY"), a.text  # 126亿元 − 38亿元


def test_a_scope_word_after_zhen_is_no_place(more: Corpus) -> None:
    a = more.ask("石茆镇2023年1-11月完成镇级一般公共预算收入多少？")
    assert headline_figures(a)[:1] == [(7_460_000.0, "CNY")], a.text
    en = more.ask("What full-year 2023 township-level general public budget revenue did Shimao town (石茆镇) expect to "
                  "collect?")
    assert headline_figures(en)[:1] == [(8_120_000.0, "CNY")], en.text


def test_a_sown_area_in_mu_times_keeps_its_unit(more: Corpus) -> None:
    a = more.ask("How much vegetable area did Lanwan subdistrict (岚湾街道) sow in the first half of 2024?")
    assert "1.86万亩次" in a.text and a.route == "indicator", a.text


def test_a_crop_asked_is_never_another_crop(more: Corpus) -> None:
    a = more.ask("What was the planted area of premium plums in Shimao town (石茆镇) in 2023?")
    assert "2.7万亩" in a.text.split("[1]")[0], a.text


def test_the_stock_at_year_end_before_the_year_s_additions(more: Corpus) -> None:
    a = more.ask("How many solar greenhouses did Shimao town (石茆镇) have in total at the end of 2023?")
    assert headline_figures(a)[:1] == [(1320.0, "count")], a.text
    b = more.ask("How many more above-designated-size industrial enterprises did Shimao town (石茆镇) have at the end "
                 "of 2023 than at the end of 2022?")
    assert headline_figures(b)[:1] == [(3.0, "count")], b.text  # 42 − 39, never the 净增 row nor a sector's count


def test_villages_banded_by_income_after_a_count_of_villages(more: Corpus) -> None:
    a = more.ask("石茆镇2023年村集体经济收入50万元以上的村有几个？")
    assert _states(a, 6.0, "count"), a.text


def test_the_length_after_a_count_of_roads_names_the_lanes(more: Corpus) -> None:
    a = more.ask("石茆镇2023年改造了多少公里人行步道？")
    assert headline_figures(a)[:1] == [(14_000.0, "m")], a.text


def test_english_cap_asks_a_target_and_down_by_what_asks_a_rate(more: Corpus) -> None:
    cap = more.ask("Shimao (石茆镇) 2024 PM2.5 cap?")
    assert headline_figures(cap)[:1] == [(21.0, "ug/m3")], cap.text
    down = more.ask("Shimao (石茆镇) 2022 work-safety accidents — count down by what %?")
    assert headline_figures(down)[:1] == [(-25.0, "percent")] or "25%" in down.text.split("[1]")[0], down.text


THIRD = {
    "ht_2024h1.txt": "禾亭街道2024年上半年工作总结\n"
                     "一、经济运行\n"
                     "1-5月，街道规上工业总产值96.4亿元，同比+0.62%。上半年共发生亡人事故3起，同比下降40%。\n"
                     "二、下半年工作计划\n"
                     "新增幼儿园学位360座。\n",
    "qy_2023.txt": "青屿街道2023年工作总结\n"
                   "一、经济运行\n"
                   "（一）稳中有进。预计全年实现地区生产总值212亿元，增长4.4%。1-11月，完成规模以上工业总产值688.2亿元，"
                   "同比增长5.2%。完成固定资产投资93.6亿元，其中工业投资31.8亿元。\n"
                   "二、社会事业\n"
                   "辖区18岁以上人群疫苗全程接种率达95.12%。安全生产事故13宗，事故宗数下降31.6%。"
                   "建成全区最大的南岗立体停车场，新增188个停车位。完成南岗、北埔2个立体停车场建设，新增停车位265个。"
                   "新增幼儿园学位420座。\n"
                   "三、2024年工作计划\n"
                   "新增幼儿园学位900座。\n",
}
third = invented_corpus("round14_third", THIRD)


def test_the_year_before_from_a_quoted_level_and_growth(third: Corpus) -> None:
    a = third.ask("禾亭街道2024年上半年发生亡人事故3起，同比下降40%。据此推算，2023年上半年大约发生了几起亡人事故？")
    assert _states(a, 5.0, "count"), a.text  # 3 ÷ (1 − 40%)
    b = third.ask("禾亭街道2024年1-5月规上工业总产值96.4亿元、同比+0.62%。和2023年1-5月相比，大约多了多少亿元？")
    assert any(u == "CNY" and abs(v - 59_400_000) < 200_000 for v, u in headline_figures(b)), b.text
    c = third.ask("Qingyu (青屿街道) had 13 work-safety accidents (安全生产事故) in 2023, with the number down 31.6%. "
                  "Roughly how many were there the year before?")
    assert _states(c, 19.0, "count"), c.text  # 13 ÷ 0.684


def test_a_multiple_of_two_figures_not_both_found_is_declined(third: Corpus) -> None:
    a = third.ask("青屿明年计划新增的幼儿园学位，是今年实际新增的几倍？")
    assert a.route == "abstain" or _states(a, 2.14, "times"), a.text  # never the plan's 900座 alone
    assert headline_figures(a)[:1] != [(900.0, "count")], a.text


def test_a_count_the_question_names_picks_the_figure_beside_it(third: Corpus) -> None:
    a = third.ask("Qingyu (青屿街道): total parking spaces added by its 2 multi-storey car parks in 2023?")
    assert _states(a, 265.0, "count"), a.text


def test_a_chinese_gloss_the_sentence_lacks_is_no_answer(third: Corpus) -> None:
    a = third.ask("What booster-dose (加强针) vaccination rate does Qingyu (青屿街道) report for its adults?")
    assert (95.12, "percent") not in headline_figures(a), a.text


def test_a_period_opening_a_later_sentence_holds_to_the_paragraph_end(third: Corpus) -> None:
    a = third.ask("青屿街道2023年1-11月工业投资完成多少？")
    assert _states(a, 3_180_000_000.0, "CNY"), a.text
    b = third.ask("What was Qingyu sub-district's (青屿街道) fixed-asset investment for the full year 2023?")
    assert not _states(b, 9_360_000_000.0, "CNY"), b.text  # 1-11月, not the year


FOURTH = {
    "ed_2023.txt": "峨塘镇2023年工作总结\n"
                   "一、经济发展\n"
                   "全年完成财政收入1520万元，其中税收收入1140万元，占财政收入的75.0%。全年荔枝产量1.86万吨。"
                   "全镇奶水牛存栏3120头，其中能繁母牛1870头。完成区任务令7个，获区委嘉奖5次。\n",
}
fourth = invented_corpus("round14_fourth", FOURTH)


def test_task_orders_and_forces_are_things_not_targets(fourth: Corpus) -> None:
    a = fourth.ask("Etang (峨塘镇) — how many district task orders (区任务令) did it get done in 2023?")
    assert headline_figures(a)[:1] == [(7.0, "count")], a.text


def test_an_either_or_dictionary_gloss_names_the_crop(fourth: Corpus) -> None:
    a = fourth.ask("How much lychee did Etang town (峨塘镇) harvest in 2023?")
    assert headline_figures(a)[:1] == [(18_600.0, "t")], a.text


def test_a_share_asked_after_a_place_gloss(fourth: Corpus) -> None:
    a = fourth.ask("What share of Etang town's (峨塘镇) fiscal revenue came from tax in 2023?")
    assert _states(a, 75.0, "percent"), a.text


def test_the_part_of_a_herd_asked_is_no_ambiguity(fourth: Corpus) -> None:
    a = fourth.ask("峨塘镇2023年奶水牛存栏中能繁母牛有多少头？")
    assert headline_figures(a)[:1] == [(1870.0, "count")], a.text


def test_one_place_s_plan_against_another_s_result(third: Corpus) -> None:
    a = third.ask("青屿街道2023年新增的幼儿园学位，和禾亭街道下半年计划新增的幼儿园学位，哪个多？")
    assert a.text.startswith("青屿街道") and "420座" in a.text and "360座" in a.text, a.text
