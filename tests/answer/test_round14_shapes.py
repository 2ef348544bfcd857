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
from tests.conftest import invented_corpus

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
    a = corpus.ask("按2024年计划，禾沙街道要新增多少座基础教育学位？别和2023年已新增的中小学学位混了。")
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
