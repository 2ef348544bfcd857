"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing
or misreading — a plan for next year set against this year's result (each side naming its own figure), the unit an answer is wanted in ('折合多少万人次', '换算成亩', 'Give it in yuan'), a figure given in
brackets in another unit ('收楼41户（约1.22万平方米）'), one lexicon indicator worded differently by each place
(12345 hotline tickets), a place's period in a comparison ('in the first three quarters of 2024'), a place whose
romanisation is misspelt before its Chinese name, and a check of the figure's period that is no period asked."""

from __future__ import annotations

from rag.answer.router import indicator_phrase, unit_hint, wanted_unit
from rag.corpus import Corpus
from rag.evals.scoring import Fact, entity_match, headline_figures
from rag.schemas import Answer
from tests.conftest import invented_corpus, states

REPORTS = {
    "ly_2023.txt": "柳溪街道2023年工作总结\n"
                   "一、城市建设\n"
                   "全力推进征拆工作，东岭片区改造项目签约86户（约2.4万平方米），占比71.2%。"
                   "为保障某医药企业产业用地，2个月完成意向地块6万平方米土地平整。"
                   "开展廉政文化活动38场，共1900余人次参加。\n"
                   "二、社会治理\n"
                   "12345热线受理群众诉求4210件，按时办结率99.6%。\n",
    "qt_2023.txt": "青潭镇2023年工作总结和2024年工作计划\n"
                   "一、2023年工作总结\n"
                   "完善9条主次干道26公里非机动车道建设。建成镇区最大的北街立体停车场，新增210个停车位。"
                   "完成北街、南岭2个立体停车场建设，新增停车位330个。新增幼儿园学位540座，新增中小学学位1200座。"
                   "全年安全事故死亡人数同比下降40%。\n"
                   "二、2024年工作计划\n"
                   "新增非机动车道8公里。加快推动东门立体停车场建设，新增停车位420个。新增幼儿园学位810座、"
                   "高中学位600座。各类事故亡人数同比下降10%。\n",
    "nc_2023.txt": "南岑街道2023年工作总结\n"
                   "一、经济发展\n"
                   "全年税收超千万元楼宇7幢，其中超亿元楼宇2幢；重点楼宇平均入驻率提升到81%，较上年提高3个百分点。"
                   "1-10月，规上工业总产值212.4亿元。全年招引项目80个，落地产值36.2亿元，分别完成区下达年度任务的1.2倍、"
                   "1.4倍。固定资产投资完成58.6亿元，首次突破五十亿大关。\n"
                   "二、社会治理\n"
                   "12345热线受理群众诉求2980件。接报火警42宗，同比下降12.5%。既有多层住宅加装电梯签约52台、竣工19台。110违法犯罪警情1834宗，同比下降3.2%。"
                   "综合执法全年立案结案208宗，罚款416万元。搭建“城市管家”平台，立案960宗、罚款38.4万元。巩固脱贫成果，已脱贫97户215人。"
                   "“青苗计划”实施以来累计选派年轻干部186名。"
                   "60-79岁人群全程接种18640人次、接种率98.2%，加强针接种16120人次、接种率93.1%。"
                   "新建、改扩建学校4所，新增学位3860座，其中中小学3所、新增学位3120座。\n"
                   "三、2024年工作计划\n"
                   "启动新一轮城市更新，加快实施超45万平方米的片区改造。对接服务企业不少于400家次。\n",
    "sh_2024q3.txt": "石湾镇2024年前三季度工作总结\n"
                     "一、经济运行\n"
                     "1-8月，固定资产投资累计完成12.6亿元，完成年度目标61.4%。\n"
                     "二、社会治理\n"
                     "12345便民服务平台受理工单1675件，按时办结率99.8%。\n",
}


corpus = invented_corpus("round15", REPORTS)


_states = states


def test_the_unit_an_answer_is_wanted_in_decides_what_is_counted() -> None:
    assert wanted_unit("参加人数折合多少万人次？") == ("count", "人次")
    assert wanted_unit("参与规模用“万人次”表示是多少？") == ("count", "人次")
    assert wanted_unit("完成土地平整的意向地块换算成亩是多少？") == ("m2", None)
    assert wanted_unit("How much was invested? Give it in yuan.") == ("CNY", None)
    assert wanted_unit("柳溪街道开展了多少场廉政文化活动？") is None
    assert unit_hint("意向地块换算成亩是多少？") == "m2"


def test_people_asked_in_ten_thousands_are_never_the_events_counted(corpus: Corpus) -> None:
    a = corpus.ask("柳溪街道2023年开展的廉政文化活动，参加人数折合多少万人次？")
    assert _states(a, 1900.0, "count") and not _states(a, 38.0, "count"), a.text


def test_an_area_asked_in_mu_is_never_the_months_it_took(corpus: Corpus) -> None:
    a = corpus.ask("柳溪街道为保障医药企业产业用地，完成土地平整的意向地块换算成亩是多少？")
    assert _states(a, 60000.0, "m2"), a.text


def test_a_bracketed_figure_in_another_unit_measures_the_same_thing(corpus: Corpus) -> None:
    a = corpus.ask("柳溪街道东岭片区改造项目签约的面积有多少平方米？")
    assert _states(a, 24000.0, "m2"), a.text
    b = corpus.ask("柳溪街道东岭片区改造项目签约了多少户？")
    assert _states(b, 86.0, "count"), b.text


def test_each_places_wording_of_one_lexicon_indicator_is_compared(corpus: Corpus) -> None:
    a = corpus.ask("Which handled more 12345 hotline tickets: Liuxi (柳溪街道) in 2023 or Shiwan town (石湾镇) in the "
                   "first three quarters of 2024?")
    assert _states(a, 4210.0, "count") and "1,675" in a.text, a.text
    assert a.route != "abstain", a.text


def test_a_misspelt_romanisation_before_the_chinese_name_is_the_place() -> None:
    q = "Which of Zhiting (芷汀街道) and Jueao (榉岙街道) reported more 12345 hotline cases?"
    spans = [(q.index("芷汀街道"), q.index("芷汀街道") + 4), (q.index("榉岙街道"), q.index("榉岙街道") + 4)]
    assert indicator_phrase(q, spans, "en", ["芷汀街道", "榉岙街道"]).split()[-3:] == ["12345", "hotline", "cases"]
    assert "Jueao" not in indicator_phrase(q, spans, "en", ["芷汀街道", "榉岙街道"])


def test_a_check_of_the_figures_months_is_no_period_asked(corpus: Corpus) -> None:
    a = corpus.ask("How much fixed-asset investment (固定资产投资) did Shiwan town (石湾镇) complete so far in 2024? "
                   "Give it in yuan, and say whether it covers the first three quarters (January–September).")
    assert _states(a, 1.26e9, "CNY"), a.text
    assert "Jan" in a.text and "Aug" in a.text, a.text


def test_a_units_chinese_name_in_an_english_question_is_no_part_of_the_measure() -> None:
    q = "Liuxi (柳溪街道) gives its sampling total in 亿人次. Written out in full, how many person-times is that?"
    at = q.index("柳溪街道")
    phrase = indicator_phrase(q, [(at, at + 4)], "en", ["柳溪街道"])
    assert "人次" not in phrase and "written" not in phrase.lower(), phrase


def test_the_labelled_winner_of_a_comparison_is_read_in_either_script() -> None:
    fact = Fact(id="t", doc="multi", street="multi", streets=["观湖街道", "玉塘街道"], period="mixed",
                question="哪個面積更大？", lang="zh", type="comparison", answer_value=142.5, answer_unit="亩",
                answer_text="觀湖更大：142.5畝；玉塘83.02畝", evidence=[])
    answer = Answer(question="哪個面積更大？", text="观湖街道最多:9.5万平方米。", language="zh", route="indicator",
                    mode="offline")
    assert entity_match(answer, fact) == (True, "")


def test_a_plan_is_set_against_the_result_each_side_names(corpus: Corpus) -> None:
    a = corpus.ask("青潭镇2024年计划的非机动车道，和2023年完善的非机动车道比，差几公里？")
    assert _states(a, 18000.0, "m"), a.text
    b = corpus.ask("青潭镇明年计划新增的幼儿园学位，是今年实际新增的几倍？")
    assert "1.5" in b.text.split("。")[0], b.text
    c = corpus.ask("青潭镇2024年定下的各类事故亡人数下降目标，和2023年安全事故死亡人数实际下降的幅度比，差几个百分点？")
    assert "30个百分点" in c.text, c.text


def test_of_two_results_under_one_label_the_side_naming_its_count_is_taken(corpus: Corpus) -> None:
    a = corpus.ask("青潭镇2024年计划东门停车场新增的车位，比2023年那两个停车场新增的车位多几个？")
    assert _states(a, 90.0, "count") and not _states(a, 210.0, "count"), a.text


def test_a_side_summing_items_is_never_one_figure(corpus: Corpus) -> None:
    a = corpus.ask("青潭镇2024年计划新增的幼儿园学位和高中学位合计，比2023年实际新增的中小学学位多多少座？")
    assert not _states(a, 270.0, "count") and not _states(a, 390.0, "count"), a.text


def test_a_passage_the_question_reads_out_is_context_and_the_ask_after_it_decides(corpus: Corpus) -> None:
    a = corpus.ask("南岑街道报告：“新建、改扩建学校4所，新增学位3860座，其中中小学3所……”——其中中小学新增学位多少座？")
    assert _states(a, 3120.0, "count"), a.text


def test_a_kind_set_aside_after_the_ask_is_not_asked(corpus: Corpus) -> None:
    a = corpus.ask("Nancen (南岑街道) 110 crime reports 2023 — the count, not the % change?")
    assert _states(a, 1834.0, "count"), a.text
    b = corpus.ask("南岑街道2023年110违法犯罪警情多少宗，不是增幅？")
    assert _states(b, 1834.0, "count"), b.text


def test_people_named_after_a_dash_are_counted_as_people(corpus: Corpus) -> None:
    a = corpus.ask("Nancen (南岑街道) poverty relief — people already lifted out of poverty (已脱贫)?")
    assert _states(a, 215.0, "count") and not _states(a, 97.0, "count"), a.text


def test_a_chinese_gloss_some_label_holds_names_the_measure(corpus: Corpus) -> None:
    a = corpus.ask("How many lifts were completed (竣工) in existing multi-storey buildings in Nancen (南岑街道) in 2023?")
    assert _states(a, 19.0, "count") and not _states(a, 52.0, "count"), a.text


def test_the_part_and_the_points_in_the_figure_table(corpus: Corpus) -> None:
    rows = [x for x in corpus._figure_rows() if x.street == "南岑街道"]
    labels = {x.label_zh for x in rows if x.value == 2.0 and x.unit == "幢"}
    assert labels == {"税收超亿元楼宇"}, labels
    points = [x for x in rows if x.unit == "个百分点"]
    assert [x.label_zh for x in points] == ["重点楼宇平均入驻率"], points


def test_one_years_own_figure_is_never_a_running_total(corpus: Corpus) -> None:
    a = corpus.ask("南岑街道“青苗计划”仅在2023年当年选派了多少名年轻干部？")
    assert a.route == "abstain" and not _states(a, 186.0, "count"), a.text
    b = corpus.ask("南岑街道“青苗计划”累计选派了多少名年轻干部？")
    assert _states(b, 186.0, "count"), b.text


def test_a_premise_before_a_plan_ask_is_no_part_of_it(corpus: Corpus) -> None:
    a = corpus.ask("南岑街道2023年走访企业很多；按2024年计划，要对接服务企业多少家次？")
    assert _states(a, 400.0, "count"), a.text


def test_a_quoted_figure_named_then_the_next_ask_answered(corpus: Corpus) -> None:
    a = corpus.ask("南岑报告里的“超45万平方米”片区改造，是2023年已经完成的，还是2024年的计划？2023年110违法犯罪警情多少宗？")
    assert "计划" in a.text.split("。")[0] and "1834" in a.text, a.text


def test_an_average_per_case_and_a_monthly_mean(corpus: Corpus) -> None:
    a = corpus.ask("南岑街道综合执法立案结案的案件，平均每宗罚款多少元？")
    assert headline_figures(a)[:1] == [(20000.0, "CNY")], a.text  # the mean first, never the total fined
    b = corpus.ask("南岑街道报告里的规上工业总产值，平均每个月约多少亿元？")
    assert _states(b, 2.124e9, "CNY"), b.text


def test_words_quoted_from_the_report_name_the_figure_they_speak_of(corpus: Corpus) -> None:
    a = corpus.ask("南岑街道报告中“同比下降12.5%”前面那个数是多少？说的是什么？")
    assert headline_figures(a)[:1] == [(42.0, "count")] and "火警" in a.text, a.text
    b = corpus.ask("南岑街道报告“分别完成区下达年度任务的1.2倍、1.4倍”——1.4倍对应的是哪项指标？数值多少？")
    assert _states(b, 3.62e9, "CNY") and headline_figures(b)[0][1] == "CNY", b.text
    c = corpus.ask("南岑街道报告“分别完成区下达年度任务的1.2倍、1.4倍”——1.2倍对应的是哪项指标？")
    assert headline_figures(c)[:1] == [(80.0, "count")], c.text
    d = corpus.ask("南岑街道报告里说哪项指标“首次突破五十亿大关”？具体是多少？")
    assert _states(d, 5.86e9, "CNY") and headline_figures(d)[0][1] == "CNY", d.text
    e = corpus.ask("Nancen's (南岑街道) report says “同比下降12.5%”. Which figure is that?")
    assert headline_figures(e)[:1] == [(42.0, "count")], e.text


def test_words_the_report_does_not_hold_are_no_quote_to_answer_from(corpus: Corpus) -> None:
    a = corpus.ask("南岑街道报告里说哪项指标“首次突破八十亿大关”？具体是多少？")
    assert not _states(a, 5.86e9, "CNY"), a.text


def test_a_terse_ask_after_a_dash_names_the_measure_the_chinese_name_sets(corpus: Corpus) -> None:
    a = corpus.ask("Nancen (南岑街道) 城市管家 platform — fines collected in 2023?")
    assert headline_figures(a)[:1] == [(384000.0, "CNY")], a.text


def test_a_year_after_a_place_named_first_is_that_places_own(corpus: Corpus) -> None:
    a = corpus.ask("12345 hotline cases gap: Liuxi 2023 minus Shiwan town — how many?")
    assert _states(a, 4210.0 - 1675.0, "count") or _states(a, 4210.0, "count"), a.text
    assert a.route != "abstain", a.text


def test_the_middle_place_of_a_ranking_is_named_first(corpus: Corpus) -> None:
    a = corpus.ask("把柳溪（2023年）、石湾镇（2024年前三季度）和南岑（2023年）的12345热线工单从多到少排，排在中间的是哪个？")
    assert a.text.startswith("排第2的是南岑街道"), a.text


def test_figures_added_up_across_places_and_a_place_given_no_year_takes_its_latest(corpus: Corpus) -> None:
    a = corpus.ask("把柳溪（2023年）、南岑（2023年）和石湾镇的12345热线工单相加，总数是多少？")
    assert _states(a, 4210.0 + 2980.0 + 1675.0, "count"), a.text
