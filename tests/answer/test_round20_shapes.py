"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing.

- One sentence stating several figures of the unit asked: the one meant is told apart by the words of its own
  clause ('提拔了多少名干部' over '考核干部…名,通报表扬…名,提拔晋升…名'); never when a word asked sits in another
  figure's clause ('评价满意的有多少件' beside '满意率…%'), nor for what is left of a whole ('还有多少个没落户').
- A net increase asked is never the stock; a net count after an addition and an exit is named by what was added
  ('新增入库6家，退出2家，净增4家': 净增入库).
- The share of a task done, asked as '任务已经完成了多大比例'.
- English: 'how did … do compared with a year earlier' asks the growth; a gloss with a time word before it
  ('年内引进社会资本') meets the label read without it; a misspelt name before its Chinese ("Libai town's (黎坝镇)")
  is that place, no unknown one; a sentence holding every Chinese word given ('how many cadres (机关干部) … for
  三线整治') names what was asked, the figure the counted word follows answering.
- Periods: one opening a sentence after its topic ('财政税收方面，1-6月…；其中区级税收…') holds across the
  sentence's ；; '2021/2022年榨季' is one season, no change between two years.
- A general ask before the figure asked ('势头咋样？…涨了百分之几？') frames it.
- Places a named place works with ('桑泉街道结对帮扶岭川县柏坳镇、溪甸乡') are no place asked; asked alone, they are
  still declined.
- A count a topic frames ('托育这块，…加了几个托位') is the one its clause names; the stock is no year's new
  listings ('当年有几家企业新上市'); a part the sentence names after 其中 is not the whole before it; a village
  named that the sentence never names is not the town's total; an average given without its head ('…，村均33.5
  万元') is the head's before it.
- Two places: '比望港镇多出多少' asks their difference. A figure claimed for a measure named ('计划里新建口袋公园是
  9个吗') is checked against that measure, never identified as the report's other 9; so is a figure someone
  else gave ('有稿件说…新增12家专精特新企业，计划里到底定的是多少家').
- A township's review: '到2023年11月底' is January–November; a rate '由6.3%下降到1.8%' is 1.8% in the year, the
  6.3% before it no figure of the year; '茶园总面积…，其中投产茶园' is 投产茶园面积; a price after a purchase is that
  purchase's price; what is left ('还有多少户…尚未脱贫') is never the whole; a part by its scale ('规模以上竹木加工企业')
  or after 是 ('…里有多少家是企业') is the part.
"""

from __future__ import annotations

from functools import partial

from rag.answer.router import route
from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import invented_corpus, states

REPORTS = {
    "sq_2023.txt": "桑泉街道2023年工作总结\n"
                   "一、2023年工作总结\n"
                   "实施“比学赶超”干部专项考核,考核干部214名,通报表扬38名,提拔晋升27名,选人用人导向更加鲜明。"
                   "开展“助企纾困”专项行动,实地走访企业263家,协调用工、融资、物流等各类企业问题41个。"
                   "赴成都、西安等地开展招商活动7次,累计对接项目36个,意向投资金额合计42亿元,已落户项目15个。"
                   "“民意速办”结案4120件、办结率99.6%,完成评价数833件、满意率96%。"
                   "全年新增规上工业企业9家，剔除退库企业后净增5家，规上工业企业总数达到88家。"
                   "完成固定资产投资21.6亿元，完成年度任务的47.2%。"
                   "限上商贸企业“有进有出”：新增入库6家，退出2家，净增4家。"
                   "1-5月规上工业总产值36.4亿元，同比增长3.2%。规下工业营业收入31.2亿元，增长8.4%。"
                   "结对帮扶岭川县柏坳镇、溪甸乡，助推9个原深度贫困村稳定脱贫。"
                   "充分调动42名机关干部和35名网格员的积极性，提前完成“三线整治”任务。新建口袋公园9个。引进3家托育机构,新增托位86座。规上工业企业达58家,上市公司达4家。"
                   "6个区重点项目、2个市重点项目加快建设,其中甲、乙、丙三个项目主体工程已封顶。"
                   "7个行政村集体经营性收入全部超过20万元，其中超过40万元的村3个，村均33.5万元。\n"
                   "二、2024年工作计划\n"
                   "力争年内引进社会资本达到5亿元以上。新建口袋公园4个。力争新增规上企业12家以上、专精特新企业5家。\n",
    "wg_2023h1.txt": "望港镇2023年上半年工作报告\n"
                     "一、上半年主要工作\n"
                     "财政税收方面，1-6月全镇实现税收总收入9.2亿元，同比增长5.1%；其中区级税收3.1亿元，同比增长4.2%。\n"
                     "统计指标方面（截至5月），1-5月完成规上工业总产值30.2亿元。"
                     "12个村（社区）集体经济总收入3.7亿元，村（社区）平均3083万元。\n",
    "bx_2023.txt": "柏溪乡2023年工作总结\n"
                   "一、2023年工作回顾\n"
                   "截至11月底，全乡完成一般公共预算收入1860万元，完成全年任务的88%；预计全年完成2050万元，完成全年任务的97%左右。"
                   "全乡建档立卡贫困户238户，已脱贫231户，剩余7户年底前全部达到脱贫标准。"
                   "贫困发生率由6.3%下降到1.8%。全乡茶园总面积3.2万亩，其中投产茶园2.4万亩。"
                   "收购茶青86万公斤，均价12.5元/公斤。竹木加工企业发展到37家，其中规模以上企业6家。"
                   "新登记市场主体1240户，其中企业410家。\n",
    "lb_2021.txt": "黎坝镇2021年工作总结\n"
                   "2021/2022年榨季全镇糖料蔗种植面积2.6万亩，预计进厂原料蔗11.3万吨。\n",
}


corpus = invented_corpus("round20", REPORTS)


_states = partial(states, signed=False)


def test_the_figure_whose_clause_holds_what_was_asked(corpus: Corpus) -> None:
    a = corpus.ask("桑泉街道2023年提拔了多少名干部？")
    assert _states(a, 27.0, "count"), a.text
    b = corpus.ask("桑泉2023年搞“助企纾困”行动，帮企业协调解决了多少个问题？")
    assert _states(b, 41.0, "count"), b.text


def test_no_figure_when_a_word_asked_is_in_another_clause(corpus: Corpus) -> None:
    a = corpus.ask("桑泉“民意速办”里评价满意的，大概有多少件？")
    assert not any(v == 833.0 for v, _ in headline_figures(a)), a.text
    b = corpus.ask("桑泉出去招商对接的项目里，还有多少个没落户？")
    assert not any(v in (15.0, 36.0) for v, _ in headline_figures(b)), b.text


def test_a_count_asked_in_个_is_not_a_count_of_trips(corpus: Corpus) -> None:
    a = corpus.ask("桑泉2023年外出招商一共对接了几个项目？")
    assert not any(v == 7.0 for v, _ in headline_figures(a)), a.text



def test_a_net_increase_is_never_the_stock(corpus: Corpus) -> None:
    a = corpus.ask("剔除退库企业后，桑泉2023年规上工业企业实际净增了几家？")
    assert _states(a, 5.0, "count"), a.text


def test_the_share_of_a_task_done_asked_in_everyday_words(corpus: Corpus) -> None:
    a = corpus.ask("桑泉2023年的固投任务已经完成了多大比例？")
    assert _states(a, 47.2, "percent"), a.text


def test_a_net_count_after_an_exit_is_named_by_what_was_added(corpus: Corpus) -> None:
    labels = {x.label_zh for x in corpus.indicators(street="桑泉街道") if x.value == 4.0}
    assert "净增入库" in labels and not any("退出" in x for x in labels), labels


def test_how_did_it_do_on_a_year_earlier_asks_the_growth(corpus: Corpus) -> None:
    a = corpus.ask("How did Sangquan's (桑泉) gross output of industry above designated size do in January–May 2023 "
                   "compared with a year earlier?")
    assert headline_figures(a)[:1] == [(3.2, "percent")], a.text  # the growth first, not the sentence's level


def test_a_gloss_with_a_time_word_meets_the_label_without_it(corpus: Corpus) -> None:
    a = corpus.ask("For 2024, how much outside capital (年内引进社会资本) is Sangquan (桑泉) aiming to bring in?")
    assert _states(a, 5e8, "CNY"), a.text


def test_a_period_after_a_topic_holds_across_the_sentence(corpus: Corpus) -> None:
    rows = {(x.label_zh, x.kind): x.period for x in corpus.indicators(street="望港镇")}
    assert rows[("区级税收", "actual")] == "2023M01-M06", rows
    assert rows[("规上工业总产值", "actual")] == "2023M01-M05", rows


def test_a_season_across_two_years_is_one_period(corpus: Corpus) -> None:
    a = corpus.ask("黎坝镇2021/2022年榨季预计进厂原料蔗多少万吨？")
    assert _states(a, 113000.0, "t"), a.text


def test_a_misspelt_english_name_before_its_chinese_is_that_place(corpus: Corpus) -> None:
    r = route("What was Libai town's (黎坝镇) sugarcane area (糖料蔗种植面积)?", corpus.reports())
    assert r.places == ["黎坝镇"] and not r.unknown_places, r


def test_a_general_ask_before_the_figure_asked_frames_it(corpus: Corpus) -> None:
    a = corpus.ask("桑泉的规下工业在2023年势头咋样？营业收入涨了百分之几？")
    assert _states(a, 8.4, "percent"), a.text


def test_places_a_named_place_helps_are_no_place_asked(corpus: Corpus) -> None:
    a = corpus.ask("桑泉街道结对帮扶岭川县柏坳镇、溪甸乡，报告里说的原深度贫困村有几个？")
    assert _states(a, 9.0, "count"), a.text
    b = corpus.ask("溪甸乡的原深度贫困村有几个？")
    assert a.route != "abstain" and b.route == "abstain" and not headline_figures(b), b.text


def test_a_count_a_topic_frames_is_the_one_its_clause_names(corpus: Corpus) -> None:
    a = corpus.ask("托育这块，桑泉2023年加了几个托位？")
    assert _states(a, 86.0, "count"), a.text


def test_no_stock_or_whole_for_a_new_flow_or_a_part(corpus: Corpus) -> None:
    a = corpus.ask("2023年桑泉街道当年有几家企业新上市？")
    assert not any(v == 4.0 for v, _ in headline_figures(a)), a.text
    b = corpus.ask("桑泉推进的重点项目中，有几个项目的主体工程已封顶？")
    assert not any(v in (6.0, 2.0) for v, _ in headline_figures(b)), b.text


def test_a_village_named_is_never_the_towns_total(corpus: Corpus) -> None:
    a = corpus.ask("望港镇甲溪村2023年上半年集体经济收入有多少？")
    assert not any(v in (3.7e8, 3083e4) for v, _ in headline_figures(a)), a.text


def test_an_average_without_its_head_is_the_heads_before_it(corpus: Corpus) -> None:
    a = corpus.ask("桑泉2023年村均集体经营性收入是多少？")
    assert _states(a, 33.5e4, "CNY"), a.text


def test_how_much_more_one_place_put_out_is_a_difference(corpus: Corpus) -> None:
    a = corpus.ask("桑泉2023年1-5月规上工业总产值比望港镇多出多少亿元？")
    assert _states(a, 6.2e8, "CNY"), a.text


def test_a_figure_claimed_for_a_measure_is_checked_against_it(corpus: Corpus) -> None:
    a = corpus.ask("桑泉2024年计划里新建口袋公园是9个吗？")
    assert headline_figures(a)[:1] == [(4.0, "count")], a.text


def test_a_figure_someone_else_gave_is_checked_against_the_reports(corpus: Corpus) -> None:
    a = corpus.ask("有稿件说桑泉2024年要新增12家专精特新企业，计划里到底定的是多少家？")
    assert headline_figures(a)[:1] == [(5.0, "count")], a.text


def test_a_townships_review_read_figure_by_figure(corpus: Corpus) -> None:
    a = corpus.ask("到2023年11月底，柏溪乡一般公共预算收入完成了全年任务的多少？")
    assert headline_figures(a)[:1] == [(88.0, "percent")], a.text
    b = corpus.ask("柏溪乡2023年底贫困发生率降到了多少？")
    assert headline_figures(b)[:1] == [(1.8, "percent")], b.text
    c = corpus.ask("柏溪乡2023年投产茶园有多少万亩？")
    assert "2.4万亩" in c.text.split("。")[0], c.text
    d = corpus.ask("柏溪乡2023年收购茶青的均价是多少？")
    assert "12.5" in d.text.split("。")[0], d.text
    e = corpus.ask("柏溪乡规模以上竹木加工企业有几家？")
    assert headline_figures(e)[:1] == [(6.0, "count")], e.text
    f = corpus.ask("柏溪乡2023年新登记的市场主体里有多少家是企业？")
    assert headline_figures(f)[:1] == [(410.0, "count")], f.text
    g = corpus.ask("柏溪乡还有多少户建档立卡贫困户尚未脱贫？")
    assert not any(v in (238.0, 231.0) for v, _ in headline_figures(g)), g.text


def test_english_glosses_find_the_sentence_and_the_figure_counted(corpus: Corpus) -> None:
    a = corpus.ask("To get its 三线整治 (overhead-line clean-up) job done early, how many government cadres (机关干部) "
                   "did Sangquan (桑泉) mobilise?")
    assert headline_figures(a)[:1] == [(42.0, "count")], a.text
    b = corpus.ask("桑泉2023年完成固定资产投资21.6亿元，有材料说任务完成率是74.2%，这个比例对吗？")
    assert headline_figures(b)[:1] == [(47.2, "percent")], b.text


def test_the_figure_a_question_gives_is_not_the_one_it_asks(corpus: Corpus) -> None:
    a = corpus.ask("Sangquan (桑泉) built 9 pocket parks (口袋公园) in 2023. How many of them were opened at night?")
    assert not any(v == 9.0 for v, _ in headline_figures(a)), a.text
