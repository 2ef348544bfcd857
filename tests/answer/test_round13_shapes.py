"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing
or misreading — a named rate (办结率), a label that opens with its verbs, plans said in English verbs, a
misspelt pinyin name with its Chinese, the unit an answer is wanted in, abbreviations, ratios and gaps between
places, a ranking's second place, a change asked where only its rate is stated, a full year asked of a
half-year report, thresholds that differ, the town and countryside figures of one 城乡 sentence, remainders said
with 'not' or after a comma, two completion rates set against each other, a rate both a question and a label end
with, and crops named before their verb."""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import first_figure, invented_corpus

REPORTS = {
    "ly_2023.txt": "柳屿街道2023年工作总结\n"
                   "一、经济发展\n"
                   "全年实现地区生产总值210亿元，规上工业总产值630亿元，社会消费品零售总额104.6亿元，固定资产投资75.2亿元。"
                   "新认定国家高新技术企业12家，国家高新技术企业总数达到88家。产值10亿元以上企业9家。\n"
                   "二、城市治理\n"
                   "拆除各类违建41.3万平方米。全年安全生产事故11宗，同比下降35.2%。“民意直通车”共接报群众诉求2.3万宗，"
                   "办理2.28万宗，办结率99.1%。精准服务重点群体就业，组织开展政策宣讲会16场、公益招聘会19场。"
                   "累计向残疾人、老人、低保家庭等特殊群体发放生活津补贴近260万元。\n"
                   "三、2024年工作计划\n"
                   "聚焦商贸服务开展招商引资，挖掘12个特色项目、落户6个特色项目。力争新增“小升规”企业30家以上。\n",
    "sq_2023.txt": "沙泉街道2023年工作总结\n"
                   "一、经济发展\n"
                   "全年规上工业总产值305亿元，社会消费品零售总额82.1亿元，固定资产投资60.4亿元，产值亿元以上企业41家。"
                   "拆除消化违法建筑19.6万平方米。\n",
    "hw_2024h1.txt": "禾湾街道2024年上半年工作总结\n"
                     "一、经济运行\n"
                     "1-5月，固定资产投资累计完成52.3亿元，完成年度目标30.2%；工业投资累计完成21.7亿元。\n",
    "tx_2024.txt": "桐溪镇2024年工作总结\n"
                   "一、主要指标\n"
                   "县下达我镇一般公共预算收入任务9200万元，截至11月底已入库8630万元，全年预计完成9810万元。"
                   "1-10月，完成税收收入6120万，同比增长4.2%。全镇城乡居民人均可支配收入分别达到48620元和27310元。\n",
    "qs_2023.txt": "青杉街道2023年工作总结\n"
                   "一、经济发展\n"
                   "全年实现地区生产总值132亿元，规上工业增加值41.5亿元。固定资产投资54.6亿元，任务完成率104.2%；"
                   "工业投资8.1亿元，任务完成率163%。全年招引项目96个，落地产值62.3亿元，分别完成区下达年度任务的1.6倍、1.8倍。\n"
                   "二、接诉即办\n"
                   "全年受理12345市民服务热线诉求18260件，响应率100%，解决率92.7%，满意率95.1%，接诉即办综合成绩位列全区第5名。\n"
                   "三、2024年工作计划\n"
                   "对剩余5处易涝点按照“一点一册”落实相关管理措施。\n",
    "zl_2023.txt": "竹岭乡2023年工作总结\n"
                   "一、农业生产\n"
                   "全年落实青稞种植2.15万亩、马铃薯1.06万亩、油菜0.64万亩。石斛种植面积2800亩，其中仿野生种植960亩。\n",
}


corpus = invented_corpus("round13", REPORTS)



def test_a_named_rate_is_answered_and_worded_as_that_rate(corpus: Corpus) -> None:
    a = corpus.ask("柳屿“民意直通车”2023年的办结率是多少？")
    assert headline_figures(a)[:1] == [(99.1, "percent")], a.text
    assert "办结率为" in a.text and "完成计划" not in a.text, a.text


def test_a_label_opening_with_its_verbs_is_matched_by_its_nouns(corpus: Corpus) -> None:
    assert first_figure(corpus, "柳屿2023年就业服务里，政策宣讲会办了几场？") == (16.0, "count")
    assert first_figure(corpus, "柳屿2023年给特殊群体发的生活津补贴有多少钱？") == (260e4, "CNY")


def test_plans_said_with_english_verbs_ask_the_target(corpus: Corpus) -> None:
    a = corpus.ask("In 2024, how many distinctive projects (特色项目) does Liuyu (柳屿) plan to actually land (落户)?")
    assert headline_figures(a)[:1] == [(6.0, "count")], a.text
    assert first_figure(corpus, "How many firms does Liuyu (柳屿) want to move up to above-scale (小升规) in 2024?") \
        == (30.0, "count")


def test_a_misspelt_pinyin_name_with_its_chinese_is_that_place(corpus: Corpus) -> None:
    a = corpus.ask("What was GDP of Liuyi sub-district (柳屿街道) in 2023?")
    assert headline_figures(a)[:1] == [(210e8, "CNY")], a.text
    a = corpus.ask("What was GDP of Songlin sub-district (松林街道) in 2023?")  # the Chinese names no place here
    assert a.route == "abstain" and not headline_figures(a), a.text


def test_the_unit_an_answer_is_wanted_in_is_no_part_of_the_name(corpus: Corpus) -> None:
    assert first_figure(corpus, "柳屿街道2023年的规上工业总产值折合多少万元？") == (630e8, "CNY")
    assert first_figure(corpus, "柳屿街道的社零按万元计是多少？") == (104.6e8, "CNY")
    assert first_figure(corpus, "柳屿街道2023年拆违拆了多少平方米？请按平方米给出，不要用万平方米。") == (41.3e4, "m2")


def test_a_threshold_asked_yes_or_no_and_abbreviations(corpus: Corpus) -> None:
    assert first_figure(corpus, "柳屿街道2023年的消费品零售额过百亿了没有？具体是多少？") == (104.6e8, "CNY")
    assert first_figure(corpus, "柳屿街道有多少家高企？") == (88.0, "count")


def test_ratios_gaps_and_positions_between_places(corpus: Corpus) -> None:
    got = first_figure(corpus, "2023年柳屿街道拆除的违建面积，大约是沙泉街道拆除消化违法建筑面积的几倍？")
    assert got and abs(got[0] - 41.3 / 19.6) < 0.01, got
    got = headline_figures(corpus.ask("Liuyu (柳屿) vs Shaquan (沙泉), 2023: what is the gap in retail sales of consumer "
                                      "goods?"))
    assert any(abs(v - (104.6 - 82.1) * 1e8) < 0.01e8 for v, _ in got), got  # the gap, beside the larger figure
    a = corpus.ask("柳屿、沙泉、禾湾三个街道里，固投排第二的是哪个？")
    assert a.text.startswith("排第2的是沙泉街道"), a.text


def test_how_many_times_its_gdp_is_computed(corpus: Corpus) -> None:
    got = first_figure(corpus, "Liuyu's (柳屿) 2023 industrial output (规上工业总产值) came to roughly how many times its GDP?")
    assert got and abs(got[0] - 3.0) < 0.01, got


def test_a_change_asked_where_only_its_rate_is_stated_gives_the_rate(corpus: Corpus) -> None:
    assert first_figure(corpus, "柳屿街道2023年安全生产事故的宗数比上年少了多少？") == (-35.2, "percent")


def test_a_full_year_asked_of_a_half_year_report_is_declined_first(corpus: Corpus) -> None:
    a = corpus.ask("Over the full calendar year 2024, how much industrial investment (工业投资) did Hewan (禾湾) end up "
                   "completing?")
    assert not headline_figures(a), a.text
    assert "Jan–May 2024" in a.text, a.text  # …and what the report does contain follows
    assert first_figure(corpus, "禾湾街道2024年工业投资是多少？") == (21.7e8, "CNY")  # a year asked: the partial figure, said so


def test_thresholds_that_differ_are_no_comparison(corpus: Corpus) -> None:
    a = corpus.ask("柳屿街道和沙泉街道，哪个产值10亿元以上的企业更多？")
    assert not headline_figures(a), a.text


def test_the_town_and_countryside_of_one_sentence_and_revenue_collected(corpus: Corpus) -> None:
    assert first_figure(corpus, "桐溪镇2024年农村居民人均可支配收入是多少？") == (27310.0, "CNY")
    assert first_figure(corpus, "桐溪镇2024年城镇居民人均可支配收入是多少？") == (48620.0, "CNY")
    assert first_figure(corpus, "桐溪镇2024年截至11月底一般公共预算收入完成多少？") == (8630e4, "CNY")
    assert first_figure(corpus, "桐溪镇2024年一般公共预算收入预计全年完成多少？") == (9810e4, "CNY")
    assert first_figure(corpus, "桐溪镇2024年1-10月税收收入完成多少？") == (6120e4, "CNY")  # '6120万': money, 元 left out


def test_crops_named_before_their_verb_and_a_part_of_the_planted_area(corpus: Corpus) -> None:
    mu = 10000 / 15  # square metres
    got = first_figure(corpus, "竹岭乡2023年马铃薯种植面积是多少？")
    assert got and abs(got[0] - 1.06e4 * mu) < 1, got  # the item after the first borrows its measure, not its crop
    got = first_figure(corpus, "竹岭乡2023年青稞种植面积是多少亩？")
    assert got and abs(got[0] - 2.15e4 * mu) < 1, got
    got = first_figure(corpus, "竹岭乡石斛仿野生种植面积有多少亩？")
    assert got and abs(got[0] - 960 * mu) < 1, got


def test_two_asks_in_english_a_remainder_said_with_not_and_one_after_a_comma(corpus: Corpus) -> None:
    a = corpus.ask("Qingshan (青杉): fixed-asset investment (固定资产投资) for 2023, and the growth?")
    assert headline_figures(a)[:1] == [(54.6e8, "CNY")], a.text  # the level first; no growth stated, none given
    got = first_figure(corpus, "Qingshan (青杉), 2023: how much of its fixed-asset investment was not industrial investment?")
    assert got and abs(got[0] - (54.6 - 8.1) * 1e8) < 0.01e8, got
    got = first_figure(corpus, "青杉街道的GDP里，规上工业增加值以外的部分大约多少亿元？")
    assert got and abs(got[0] - (132 - 41.5) * 1e8) < 0.01e8, got


def test_two_completion_rates_differ_by_points_never_by_an_amount(corpus: Corpus) -> None:
    for q in ("青杉街道2023年工业投资完成率比固定资产投资完成率高多少个百分点？",
              "Qingshan (青杉) 2023: by how many percentage points did its industrial-investment completion rate beat "
              "its fixed-asset investment completion rate?"):
        a = corpus.ask(q)
        got = headline_figures(a)
        assert got and got[0][1] == "percent" and abs(got[0][0] - (163 - 104.2)) < 0.01, a.text


def test_a_rate_both_end_with_and_the_rest_in_its_sentence(corpus: Corpus) -> None:
    assert first_figure(corpus, "青杉街道2023年接诉即办解决率是多少？") == (92.7, "percent")


def test_times_a_task_handed_down_by_the_district(corpus: Corpus) -> None:
    got = first_figure(corpus, "青杉2023年招商项目数，完成了区里下达任务的几倍？")
    assert got and abs(got[0] - 1.6) < 0.001, got


def test_a_count_named_after_its_number_stops_where_the_sentence_goes_on(corpus: Corpus) -> None:
    assert first_figure(corpus, "青杉街道明年要对几处易涝点落实管理措施？") == (5.0, "count")
    assert first_figure(corpus, "How many waterlogging-prone spots (易涝点) does Qingshan (青杉) plan to deal with in "
                                "2024?") == (5.0, "count")
