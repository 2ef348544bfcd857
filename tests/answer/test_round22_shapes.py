"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing.

- Targets asked in everyday words: '目标里…至少几个' (至少 is a floor, no change asked); '2024年某街道要在…完成多大
  面积' and '下半年要让…入库' (a period's 要 is its plan); '计划…要增加多少个' (the plan's addition, not a change on
  a year before); 'does X want the project to …' in English.
- Names as analysts say them: '小学加初中的学位' is the report's 小初学位; '年产值过1亿元的企业' its 产值亿元以上企业;
  '工业增加值（规上口径）' its 规上工业增加值; '一年能收上来多少税' the tax revenue; '给下半年定的', '等到2023年',
  '再多出', '真正落户的' name nothing; an aside listing the parts a total includes ('（中小学和幼儿园都算上）') is
  no sum to add up.
- A figure whose clause says the state its things are in ('建成150个某项目') answers a question asking that state.
- '消费市场涨了多少？请给…同比增速': both asks ask the growth, one answer.
- What is still to go to a year's target: the target less the part-year result, or (with only the completion rate
  stated) the amount that rate implies, computed and said so; '减去已经落户的，剩多少个' the difference of two.
- A window of months ('旅游旺季（7-8月）', 'July–August 2016') is a period of its own, never the year; '村均收入' after
  the villages' collective income is the per-village collective income; '…任务（4200万元）进度的44.3%' is the task and
  the completion rate of the measure before; 'how far along … toward its task' asks that rate.
- English: 'how many new places (托位)' asks the places added; 'the increase in 公办学位' over '新增公办学位' is the
  places added; 'gross agricultural output' is 农业总产值; an analyst's purpose before the question ('做财政口径的
  对比，') names nothing.
- What a section's run-in heading names ('（二）接诉即办提质增效。…第4位'): its rank and rates answer a question naming it;
  the peers a rank counts ('居全县14个乡镇第6位') are no figure, nor the label of the rate after them.
- Counts: '万棒' (mushroom logs) is a unit; 'how many pigs in stock (存栏)' is never the cattle's herd; '让多少长期失业的
  青年…上了岗' counts the people, never their rate; English 'a year earlier' is the year before the figure given.
- Parts and bands: '其中超过10万元的9个' counts the villages past that bar of the collective income named before
  (the bar is no figure); '净增4家' after a topic naming 规上工业企业 answers its net addition; '…，其中稻虾共作…，预计
  总产…' is the whole crop's output; '其中出口…' of a 总产量 is the 出口量.
- English: 'finished' lifts are 完工; 'poverty incidence' is 贫困发生率; 'annual average' PM2.5 is a name, no comparison
  with an average; 'how many more A than B' of one plan sets two planned figures against each other.
- A comparison in English with each place's own period ('Qinglan (青岚, end-2023) or Shiqu (石渠镇, report year)'),
  and an abbreviation given in brackets (国高) that the lexicon knows under another place's wording.
- English 'increase over 2022' names the base year: the growth asked is the next year's.
- A word holding a county's name ('新建区域性…中心') names no county (新建区), so one town's two reports stay one
  place; '…工作要点' heads a plan part, and the review's year is read from the first heading that names one; a part
  asked in quotes ('“小升规”的有多少家') is the part; '比年初定的目标差了多少' is the gap to the target, computed.
- Everyday Chinese: '先摸个底：' opens no name; '产出多少个亿' is the output value, '过了一个亿的企业' and '10亿元往上的
  企业' the banded firms; '非机动车道这块，…准备再铺几公里' asks the plan's length (the topic is the only thing named).
- English: 'from largest to smallest, which comes second' orders the list largest first; 'taking A and B together'
  asks their sum.
- Reading reports: a table of contents before the body ('目录：…三、2020年工作计划') does not make the review a
  plan; a previous year's figure in brackets ('4.72亿元（2018年4.35亿元）') is that year's and final, and its year
  is never the period of the figures outside the brackets; '全年市下达目标3900万元，1-5月完成财政收入…' is the
  target of the measure named next, never a figure named '市下达'.
"""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import first_is, invented_corpus, states

REPORTS = {
    "ql_2023.txt": "青岚街道2023年工作总结及2024年工作计划\n"
                   "一、2023年工作回顾\n"
                   "全年实现社会消费品零售总额64.2亿元,同比增长7.4%,居全区第3位。"
                   "全年实现地区生产总值210亿元,规模以上工业企业总产值402.6亿元,增加值71.3亿元,税收收入38亿元。"
                   "产值亿元以上企业达54家,同比增长20%,上市公司达9家。"
                   "投入“社区微实事”经费2150万元,建成196个社区微实事项目。"
                   "新建改扩建学校5所,新增学位4210座,其中中小学3所、新增学位3600座,幼儿园2所、新增学位610座。"
                   "外出招商活动7次,累计挖掘项目31个,已落户项目13个。"
                   "引进3家托育机构，新增托位150座。新增公办学位900个。农业总产值3.2亿元。国高企业达76家。"
                   "完善主次干道非机动车道建设15公里。\n"
                   "二、2024年工作计划\n"
                   "全年牵头引进落户项目不少于26个。推进东片区土地整备项目,完成土地整备24.6万平方米。"
                   "新增小初学位1320个、高中学位450个。新增托位数360个。新增非机动车道8公里。\n",
    "sq_2024.txt": "石渠镇2024年上半年工作总结\n"
                   "一、上半年工作情况\n"
                   "（三）财政收入。全年市下达目标5200万元，截至5月底财政收入完成2340万元，达到全年目标的45.0%，增长4.1%。"
                   "1-5月，全镇固定资产投资累计完成9.6亿元，完成年度目标32%。"
                   "1-5月，一般公共预算收入完成1860万元，完成全年任务（4200万元）进度的44.3%。"
                   "旅游旺季（7-8月）全镇接待游客9.4万人次，全年接待游客预计突破20万人次。国家级高新技术企业数量达21家。"
                   "14个村集体经济收入全部达到10万元以上，其中50万元以上的村2个，村均收入27.5万元。\n"
                   "二、下半年工作打算\n"
                   "争取年底前完成居住用地0.52公顷、产业用地2.6公顷入库。\n",
    "yp_2019.txt": "您的位置：首頁 >> 鄉鎮工作總結 >> 正文\n"
                   "雁坪鎮2019年工作總結及2020年工作計劃\n"
                   "目錄：\n"
                   "一、2019年工作總結\n"
                   "二、存在的問題\n"
                   "三、2020年工作計劃\n"
                   "雁坪鎮2019年工作總結及2020年工作計劃\n"
                   "一、2019年工作總結\n"
                   "預計全年完成農業總產值6.42億元（2018年5.87億元），同比增長9.4%；"
                   "農村常住居民人均可支配收入11280元（2018年10310元），增長9.4%；完成固定資產投資2.7億元。\n"
                   "二、存在的問題\n"
                   "產業基礎仍然薄弱。\n"
                   "三、2020年工作計劃\n"
                   "力爭農業總產值達到7億元。\n",
    "lb_2024.txt": "林坂乡2024年工作总结\n"
                   "一、2024年主要工作\n"
                   "（二）接诉即办提质增效。全年接到群众来电诉求6420件，解决率92.7%，满意率93.9%，综合排名全县14个乡镇第4位。\n"
                   "（三）产业发展。全年栽培菌棒540万棒，年末生猪存栏2.06万头，肉牛存栏3810头。"
                   "1-11月，全乡完成固定资产投资2.14亿元，同比增长8.1%，增速居全县14个乡镇第6位，完成县下达年度任务的89.6%。"
                   "帮助236名长期失业青年实现就业，就业率88.5%。"
                   "14个行政村集体经济收入全部超过5万元，其中超过10万元的9个，超过20万元的3个。"
                   "规上工业企业有进有出，1-11月新增入规6家、退出1家，净增5家。"
                   "全乡水稻种植面积2.4万亩，其中稻虾共作0.6万亩，目前已进入收获期，预计总产1.5万吨。"
                   "全年砂糖橘总产量6.8万吨，其中出口0.9万吨。既有住宅加装电梯签约22台，完工9台。"
                   "贫困发生率由年初的1.86%降至0.32%。\n"
                   "二、2025年工作计划\n"
                   "接诉即办解决率达到94%以上。新增小学学位900个、初中学位540个。PM2.5年平均浓度降至26微克/立方米以下。\n",
    "jd_2023.txt": "柘陂镇2023年工作总结及2024年工作要点\n"
                   "柘陂镇人民政府 2023年12月20日\n"
                   "一、镇情简况\n"
                   "全镇辖12个行政村，耕地面积6.4万亩。\n"
                   "二、2023年主要工作\n"
                   "全年实现一般公共预算收入1.08亿元（预计数，下同），增长5.2%；工业开票销售38.6亿元，年初确定的目标为40亿元。"
                   "全年新增规上工业企业14家（其中“小升规”9家）。新建区域性农产品冷链中心1个。\n"
                   "三、2024年工作要点\n"
                   "一是稳定粮食播种面积5万亩；二是工业开票销售达到42亿元。\n",
}


corpus = invented_corpus("round22", REPORTS)



def test_a_floor_in_a_target_is_no_change_asked(corpus: Corpus) -> None:
    a = corpus.ask("青岚街道2024年的招商目标里，要落户的项目至少几个？")
    assert headline_figures(a)[:1] == [(26.0, "count")], a.text


def test_a_periods_要_asks_its_plan(corpus: Corpus) -> None:
    a = corpus.ask("2024年青岚要在土地整备上完成多大面积？")
    assert headline_figures(a)[:1] == [(246000.0, "m2")], a.text
    a = corpus.ask("By the end of 2024, how many hectares of industrial land does Shiqu (石渠) want to bring into the land bank?")
    assert headline_figures(a)[:1] == [(26000.0, "m2")], a.text


def test_school_levels_as_reports_abbreviate_them(corpus: Corpus) -> None:
    for q in ("青岚街道2024年的计划里，小学加初中要新增多少学位？", "照青岚2024年的计划，小学、初中这一块要多出多少学位？",
              "青岚2024年小学初中学位准备加多少个？"):
        a = corpus.ask(q)
        assert headline_figures(a)[:1] == [(1320.0, "count")], (q, a.text)


def test_a_bar_passed_names_the_banded_firms(corpus: Corpus) -> None:
    a = corpus.ask("青岚2023年年产值过1亿元的企业有多少家？")
    assert headline_figures(a)[:1] == [(54.0, "count")], a.text


def test_a_scope_in_brackets_qualifies_the_name(corpus: Corpus) -> None:
    a = corpus.ask("青岚街道的工业增加值（规上口径）2023年是多少？")
    assert headline_figures(a)[:1] == [(71.3e8, "CNY")], a.text


def test_everyday_tax_wording(corpus: Corpus) -> None:
    a = corpus.ask("青岚街道2023年一年能收上来多少税？")
    assert headline_figures(a)[:1] == [(38e8, "CNY")], a.text


def test_a_state_said_in_the_clause(corpus: Corpus) -> None:
    a = corpus.ask("青岚2023年用“社区微实事”经费，最后建成了几个项目？")
    assert headline_figures(a)[:1] == [(196.0, "count")], a.text


def test_two_asks_of_the_growth_are_one(corpus: Corpus) -> None:
    a = corpus.ask("青岚街道2023年的消费市场涨了多少？请给社会消费品零售总额的同比增速。")
    assert headline_figures(a)[:1] == [(7.4, "percent")], a.text


def test_parts_included_in_a_total_are_no_sum(corpus: Corpus) -> None:
    a = corpus.ask("青岚2023年新增学位合计多少座？（中小学和幼儿园都算上）")
    assert headline_figures(a)[:1] == [(4210.0, "count")], a.text


def test_those_that_landed(corpus: Corpus) -> None:
    a = corpus.ask("青岚2023年引来的项目里，真正落户的有几个？")
    assert headline_figures(a)[:1] == [(13.0, "count")], a.text
    a = corpus.ask("青岚2023年外出招商挖掘的项目，减去已经落户的，剩多少个？")
    assert headline_figures(a)[:1] == [(18.0, "count")], a.text


def test_a_plans_addition_set_for_a_half_year(corpus: Corpus) -> None:
    a = corpus.ask("托育方面，青岚给2024年定的托位新增目标是多少个？")
    assert headline_figures(a)[:1] == [(360.0, "count")], a.text


def test_what_is_still_to_go_to_the_target(corpus: Corpus) -> None:
    a = corpus.ask("石渠镇1-5月财政收入完成后，要完成全年目标还需完成多少？")
    assert first_is(a, 2860e4, "CNY"), a.text
    a = corpus.ask("How much fiscal revenue did Shiqu town (石渠镇) still have to collect after May 2024 to meet its "
                   "full-year target?")
    assert first_is(a, 2860e4, "CNY"), a.text
    a = corpus.ask("By the end of May 2024, what share of Shiqu's (石渠) annual fixed-asset investment target was still "
                   "left to do?")
    assert first_is(a, 68.0, "percent"), a.text
    a = corpus.ask("截至5月，石渠镇固定资产投资还需完成多少才能达到年度目标？")
    assert first_is(a, 20.4e8, "CNY"), a.text


def test_a_target_named_by_who_set_it_takes_the_measure_named_next(corpus: Corpus) -> None:
    rows = {(x.label_zh, x.kind) for x in corpus.indicators(street="石渠镇") if x.value == 5200.0}
    assert rows == {("财政收入", "target")}, rows


def test_a_table_of_contents_is_no_plan_part(corpus: Corpus) -> None:
    rows = {(x.value, x.kind, x.period) for x in corpus.indicators(street="雁坪镇") if x.unit == "亿元"}
    assert (6.42, "estimate", "2019") in rows and (2.7, "estimate", "2019") in rows, rows


def test_a_bracketed_years_figure_is_that_years_and_final(corpus: Corpus) -> None:
    rows = {(x.value, x.kind, x.period) for x in corpus.indicators(street="雁坪镇")}
    assert (5.87, "actual", "2018") in rows and (10310.0, "actual", "2018") in rows, rows
    assert (9.4, "yoy_growth", "2019") in rows and (11280.0, "estimate", "2019") in rows, rows


def test_a_window_of_months_is_its_own_period(corpus: Corpus) -> None:
    rows = {(x.value, x.period) for x in corpus.indicators(street="石渠镇") if x.unit == "万人次"}
    assert (9.4, "2024M07-M08") in rows, rows
    for q in ("石渠镇2024年旅游旺季7-8月接待游客多少人次？", "How many visitors did Shiqu (石渠镇) receive in July–August 2024?"):
        a = corpus.ask(q)
        assert headline_figures(a)[:1] == [(94000.0, "count")], (q, a.text)


def test_a_task_in_brackets_and_the_rate_of_it(corpus: Corpus) -> None:
    rows = {(x.label_zh, x.value, x.kind) for x in corpus.indicators(street="石渠镇") if x.value in (4200.0, 44.3)}
    assert rows == {("一般公共预算收入", 4200.0, "target"), ("一般公共预算收入", 44.3, "completion_rate")}, rows
    a = corpus.ask("By the end of May 2024, how far along was Shiqu town (石渠镇) toward its full-year general budget "
                   "revenue task?")
    assert headline_figures(a)[:1] == [(44.3, "percent")], a.text


def test_the_per_village_collective_income(corpus: Corpus) -> None:
    rows = {x.label_zh for x in corpus.indicators(street="石渠镇") if x.value == 27.5}
    assert rows == {"村均集体经济收入"}, rows


def test_english_new_places_and_the_increase_in_places(corpus: Corpus) -> None:
    a = corpus.ask("Childcare in Qinglan (青岚): after bringing in three childcare providers in 2023, how many new places "
                   "(托位) were created?")
    assert headline_figures(a)[:1] == [(150.0, "count")], a.text
    a = corpus.ask("Turning to schools in Qinglan (青岚), what was the 2023 increase in 公办学位 (public-school places)?")
    assert headline_figures(a)[:1] == [(900.0, "count")], a.text
    a = corpus.ask("What was Qinglan's (青岚) gross agricultural output value in 2023?")
    assert headline_figures(a)[:1] == [(3.2e8, "CNY")], a.text


def test_an_analysts_purpose_names_nothing(corpus: Corpus) -> None:
    a = corpus.ask("做财政口径的对比，青岚街道2023年税收一共收了多少个亿？")
    assert headline_figures(a)[:1] == [(38e8, "CNY")], a.text


def test_a_sections_heading_names_its_rank_and_rates(corpus: Corpus) -> None:
    a = corpus.ask("林坂乡2024年接诉即办在全县乡镇中排第几？")
    assert headline_figures(a)[-1:] == [(4.0, "count")], a.text
    a = corpus.ask("林坂乡2024年接诉即办解决率是多少？")
    assert headline_figures(a)[:1] == [(92.7, "percent")], a.text


def test_the_peers_of_a_rank_are_no_figure(corpus: Corpus) -> None:
    rows = {(x.label_zh, x.kind) for x in corpus.indicators(street="林坂乡") if x.value in (14.0, 89.6)}
    assert rows == {("固定资产投资", "completion_rate")}, rows


def test_counts_of_logs_animals_and_people(corpus: Corpus) -> None:
    a = corpus.ask("How many mushroom substrate logs (菌棒) did Linban township (林坂乡) cultivate in 2024?")
    assert headline_figures(a)[:1] == [(540e4, "count")], a.text
    a = corpus.ask("How many pigs were in stock (存栏) in Linban township (林坂乡) at the end of 2024?")
    assert headline_figures(a)[:1] == [(20600.0, "count")], a.text
    a = corpus.ask("林坂乡2024年让多少长期失业的青年上了岗？")
    assert headline_figures(a)[:1] == [(236.0, "count")], a.text


def test_a_year_earlier_is_the_year_before_the_figure_given(corpus: Corpus) -> None:
    a = corpus.ask("Qinglan (青岚) ended 2023 with 54 enterprises with output above 100 million yuan (产值亿元以上企业) after "
                   "growth of 20%. Roughly how many did it have a year earlier?")
    assert headline_figures(a)[:1] == [(45.0, "count")], a.text


def test_bands_net_additions_and_a_wholes_output(corpus: Corpus) -> None:
    rows = {x.label_zh: x.value for x in corpus.indicators(street="林坂乡")}
    assert rows.get("行政村集体经济收入超过10万元的村") == 9.0 and 10e4 not in rows.values(), rows
    assert rows.get("水稻总产") == 1.5 and rows.get("砂糖橘出口量") == 0.9, rows
    a = corpus.ask("林坂乡1-11月规上工业企业净增了几家？")
    assert headline_figures(a)[:1] == [(5.0, "count")], a.text


def test_english_words_for_report_terms(corpus: Corpus) -> None:
    a = corpus.ask("How many retrofitted lifts were actually finished in Linban (林坂乡) in 2024?")
    assert headline_figures(a)[:1] == [(9.0, "count")], a.text
    a = corpus.ask("What was Linban township's (林坂乡) poverty incidence at the end of 2024?")
    assert headline_figures(a)[:1] == [(0.32, "percent")], a.text
    a = corpus.ask("Linban's (林坂乡) 2025 plan: below what level should annual average PM2.5 fall?")
    assert headline_figures(a)[:1] == [(26.0, "ug/m3")] or "26" in a.text.split("[")[0], a.text
    a = corpus.ask("In Linban's (林坂乡) 2025 plan, how many more primary-school places (小学学位) than junior-secondary "
                   "places (初中学位) are to be added?")
    assert headline_figures(a)[:1] == [(360.0, "count")], a.text


def test_each_places_own_period_and_a_known_abbreviation(corpus: Corpus) -> None:
    a = corpus.ask("High-tech enterprise (国高) count: is Qinglan (青岚, end-2023) or Shiqu (石渠镇, report year) ahead?")
    assert "Qinglan" in a.text.split("[1]")[0] and "21" in a.text, a.text


def test_an_english_base_year_is_not_the_year_asked(corpus: Corpus) -> None:
    a = corpus.ask("By what percentage did Qinglan's (青岚) retail sales (社零) increase over 2022?")
    assert headline_figures(a)[:1] == [(7.4, "percent")], a.text


def test_a_word_holding_a_county_name_names_no_county(corpus: Corpus) -> None:
    metas = [m for m in corpus.reports() if m.street == "柘陂镇"]
    assert metas and all(m.district != "新建区" for m in metas), [(m.street, m.district) for m in metas]


def test_a_plans_要点_and_the_review_year(corpus: Corpus) -> None:
    rows = {(x.value, x.kind, x.period) for x in corpus.indicators(street="柘陂镇") if x.unit in ("万亩", "亿元")}
    assert (5.0, "target", "2024-plan") in rows and (42.0, "target", "2024-plan") in rows, rows
    assert (38.6, "estimate", "2023") in rows, rows


def test_a_part_in_quotes_and_the_gap_to_a_target(corpus: Corpus) -> None:
    a = corpus.ask("柘陂镇2023年新增的规上工业企业里，“小升规”的有多少家？")
    assert headline_figures(a)[:1] == [(9.0, "count")], a.text
    a = corpus.ask("柘陂镇2023年工业开票销售比年初定的目标差了多少亿元？")
    assert first_is(a, 38.6e8, "CNY") and states(a, 1.4e8, "CNY"), a.text


def test_everyday_names_of_output_bands_and_lengths(corpus: Corpus) -> None:
    a = corpus.ask("先摸个底：青岚这一年（2023）的规上工业产出有多少个亿？")
    assert headline_figures(a)[:1] == [(402.6e8, "CNY")], a.text
    a = corpus.ask("青岚年产值过了一个亿的企业，2023年数下来有几家？")
    assert headline_figures(a)[:1] == [(54.0, "count")], a.text
    a = corpus.ask("非机动车道这块，青岚2024年准备再铺几公里？")
    assert headline_figures(a)[:1] == [(8000.0, "m")], a.text


def test_an_english_order_and_a_sum_taken_together(corpus: Corpus) -> None:
    a = corpus.ask("Ranking high-tech enterprise (国高) counts of Qinglan (青岚, 2023) and Shiqu (石渠镇, report year) from "
                   "largest to smallest, which comes first?")
    assert "Qinglan" in a.text.split("[1]")[0], a.text
    a = corpus.ask("Taking Qinglan's (青岚) 2023 count and Shiqu's (石渠镇) report-year count together, how many high-tech "
                   "enterprises (国高) is that?")
    assert headline_figures(a)[:1] == [(97.0, "count")], a.text
