"""Matcher: key equality, lexical label similarity, threshold, English phrases, dense signal."""

from __future__ import annotations

from rag.figures.match import (
    THRESHOLD,
    codes_clash,
    en_similarity,
    english_to_zh,
    label_similarity,
    match_rows,
    qualifier_fit,
    same_measure,
)
from tests.answer.figure_rows import row

ROWS = [
    row("青石街道", "2023", "财政总收入", 12.5),
    row("青石街道", "2023", "一般公共预算收入", 6.2),
    row("青石街道", "2023", "固定资产投资", 30.1, key="fixed_asset_investment"),
    row("青石街道", "2023", "工业投资", 11.0, key="industrial_investment"),
    row("青石街道", "2023", "新登记企业", 420, "家"),
    row("青石街道", "2023", "规上工业总产值", 88.0, key="industrial_output_above_scale"),
]


def labels(phrase: str, **kw: object) -> list[str]:
    return [s.row.label_zh for s in match_rows(phrase, ROWS, **kw)]  # type: ignore[arg-type]


def test_exact_and_key() -> None:
    assert labels("一般公共预算收入")[0] == "一般公共预算收入"
    got = match_rows("固投", ROWS, keys=["fixed_asset_investment"])
    assert got[0].how == "key" and got[0].row.label_zh == "固定资产投资"


def test_similar_labels_rank_and_threshold() -> None:
    assert labels("财政收入")[0] == "财政总收入"
    assert "固定资产投资" not in labels("工业投资")[:1] or labels("工业投资")[0] == "工业投资"
    assert labels("乡村旅游接待人次") == []
    assert label_similarity("工业投资", "固定资产投资") < THRESHOLD


def test_english_phrases() -> None:
    assert any("企业" in w for w in english_to_zh("new enterprises registered"))
    assert labels("new enterprises registered", lang="en")[0] == "新登记企业"
    assert labels("general public budget revenue", lang="en")[0] == "一般公共预算收入"
    assert labels("above-scale industrial output", lang="en")[0] == "规上工业总产值"


def test_dense_signal_is_optional_and_cached() -> None:
    calls: list[int] = []

    def embed(texts: list[str]) -> list[list[float]]:
        calls.append(len(texts))
        return [[1.0, 0.0] if "企业" in t or "公司" in t else [0.0, 1.0] for t in texts]

    got = match_rows("公司数量", ROWS, embed=embed)
    assert got and got[0].row.label_zh == "新登记企业" and got[0].how == "dense"
    match_rows("公司数量", ROWS, embed=embed)
    assert calls[-1] == 1  # second call: only the phrase is embedded, label vectors are cached


def test_same_measure() -> None:
    assert same_measure("全年完成一般公共预算收入", ROWS[1])
    assert not same_measure("全年完成工业投资", ROWS[2])


def test_a_label_equal_to_the_phrase_beats_a_sibling_that_only_shares_the_lexicon_key() -> None:
    rows = [row("青石街道", "2023", "安全事故宗数", -20.0, "%", key="safety_accidents"),
            row("青石街道", "2023", "安全事故死亡人数", -30.0, "%")]
    got = match_rows("安全事故死亡人数", rows, keys=["safety_accidents"])
    assert got[0].row.label_zh == "安全事故死亡人数"
    assert match_rows("安全事故", rows, keys=["safety_accidents"])[0].row.label_zh == "安全事故宗数"


def test_qualifiers_that_change_the_measure_must_agree() -> None:
    rows = [row("青石街道", "2023", "村集体经营性收入", 980.0, "万元"), row("青石街道", "2023", "村均集体经营性收入", 89.0, "万元"),
            row("青石街道", "2023", "新认定高新技术企业", 7, "家"), row("青石街道", "2023", "高新技术企业总数", 52, "家")]
    best = lambda p: match_rows(p, rows)[0].row.label_zh  # noqa: E731
    assert best("村均集体经营性收入") == "村均集体经营性收入"
    assert best("高新技术企业总数") == "高新技术企业总数"
    assert best("高新技术企业") == "高新技术企业总数"
    assert best("新认定高新技术企业") == "新认定高新技术企业"


def test_mixed_english_and_chinese_phrase_needs_both() -> None:
    rows = [row("青石街道", "2023", "生猪出栏", 12000, "头"), row("青石街道", "2023", "山羊出栏", 4100, "只"),
            row("青石街道", "2023", "受理12345热线工单", 5200, "件")]
    got = match_rows("goats slaughtered 出栏", rows, lang="en")
    assert got[0].row.label_zh == "山羊出栏"
    assert match_rows("12345 hotline work orders", rows, lang="en")[0].row.label_zh == "受理12345热线工单"


def test_average_per_village_is_per_village() -> None:
    assert label_similarity("平均每个村的集体经济收入", "村均集体经济收入") == 1.0
    assert label_similarity("平均每个村的集体经济收入", "行政村集体经济收入") < THRESHOLD


def test_scope_qualifiers_must_agree_and_english_key_matches_need_the_rest_of_the_phrase() -> None:
    rows = [row("青石街道", "2024", "区级税收", 8.1, key="tax_revenue"),
            row("青石街道", "2024", "重点楼宇税收", 3.3)]
    assert match_rows("全口径税收", rows[:1], keys=["tax_revenue"]) == []
    got = match_rows("tax revenue office buildings", rows, keys=["tax_revenue"], lang="en")
    assert got[0].row.label_zh == "重点楼宇税收"


def test_new_asked_anywhere_in_the_phrase_and_english_per_unit_words_between() -> None:
    rows = [row("青石街道", "2023", "规上工业企业总数", 60, "家", key="above_scale_industrial_enterprises"),
            row("青石街道", "2023", "新增规上工业企业", 7, "家")]
    got = match_rows("一年里新增规上工业企业更多", rows, keys=["above_scale_industrial_enterprises"])
    assert got[0].row.label_zh == "新增规上工业企业"
    rows = [row("青石街道", "2023", "行政村集体经济收入", 480.0, "万元"), row("青石街道", "2023", "村均集体经济收入", 40.0, "万元")]
    assert match_rows("average collective income village", rows, lang="en")[0].row.label_zh == "村均集体经济收入"
    rows = [row("青石街道", "2022M01-M11", "区级税收", 3.0), row("青石街道", "2022M01-M11", "税收总额", 9.0, key="tax_revenue")]
    got = match_rows("district-level tax revenue January November", rows, keys=["tax_revenue"], lang="en")
    assert got[0].row.label_zh == "区级税收"


def test_short_forms_read_alike_and_above_quota_must_agree() -> None:
    assert label_similarity("限上社零", "限额以上社会消费品零售总额") == 1.0
    assert label_similarity("社零", "限额以上社会消费品零售总额") < label_similarity("社零", "社会消费品零售总额")


def test_hand_list_words_of_one_character_count_whole() -> None:
    rows = [row("青石街道", "2023", "牛存栏", 3100, "头"), row("青石街道", "2023", "羊存栏", 9800, "只")]
    assert match_rows("cattle in stock", rows, lang="en")[0].row.label_zh == "牛存栏"


def test_hand_terms_survive_dropped_stop_words() -> None:
    rows = [row("青石街道", "2023", "出栏生猪", 31000, "头"), row("青石街道", "2023", "新建圈舍", 20, "个")]
    assert match_rows("hogs send market", rows, lang="en")[0].row.label_zh == "出栏生猪"


def test_a_label_spread_word_by_word_through_the_phrase_matches() -> None:
    assert label_similarity("“净土”行动中整治违规占用土地面积", "整治土地") >= THRESHOLD
    assert label_similarity("区50强以外企业规上工业产值", "区50强外产值") >= THRESHOLD  # 以外 is 外
    assert label_similarity("城市更新项目拆除建筑面积", "拆除面积") < THRESHOLD  # 建筑, the measure, is not in it


def test_english_report_terms_and_nouns_made_from_verbs() -> None:
    assert _en("urban renewal projects", "城市更新项目") >= THRESHOLD
    assert _en("enterprise relocation", "企业搬迁") >= THRESHOLD  # relocation -> to relocate -> 搬迁
    assert _en("urban renewal projects broke ground", "城市更新开工项目") >= THRESHOLD
    assert _en("urban renewal projects broke ground", "城市更新完工项目") < _en(
        "urban renewal projects broke ground", "城市更新开工项目")
    assert _en("rubber plantation area tapped", "橡胶种植面积") < THRESHOLD  # what was tapped, not what was planted


def _en(phrase: str, label: str) -> float:
    return en_similarity(phrase, english_to_zh(phrase), label)


def test_herd_measures_and_bare_area_words() -> None:
    assert label_similarity("牦牛出栏", "牦牛") < THRESHOLD  # the herd kept is not the herd sold
    assert label_similarity("挂果园面积", "挂果园") > label_similarity("挂果园面积", "果园面积")
    assert _en("average per-village collective income", "村均集体经济收入") > _en(
        "average per-village collective income", "集体经济收入")


def test_english_units_name_no_measure() -> None:
    assert _en("mu soybeans sow", "大豆播种面积") >= THRESHOLD  # the row's unit is 亩; soybeans and sowing decide
    assert _en("millet harvest", "谷子总产") >= THRESHOLD


def test_per_village_at_the_end_of_a_phrase_and_fruit_bearing_orchards() -> None:
    assert label_similarity("各村（社区）集体经济收入平均每村", "村均集体经济总收入") > label_similarity(
        "各村（社区）集体经济收入平均每村", "村集体经济总收入")
    assert _en("navel-orange orchards bearing fruit", "脐橙挂果面积") >= THRESHOLD


def test_british_spellings_phrasal_verbs_and_a_gloss_the_label_lacks() -> None:
    assert _en("new Party organisations set up", "新建党组织") >= THRESHOLD  # organisation -> organization -> 组织
    assert _en("labour service companies", "劳务公司") >= THRESHOLD
    phrase = "net increase 'five-above' (五上) enterprises"
    assert _en(phrase, "净增五上企业") > _en(phrase, "五上企业总数")  # the English says which of the two


def test_english_words_the_label_lacks_may_stand_in_its_sentence() -> None:
    from rag.figures.match import en_in_context

    ctx = "（三）开展安全生产大排查行动 开展安全生产专项整治,全年累计检查场所2.6万家次"
    sites = row("青石街道", "2023", "检查场所", 2.6, "万家次", context=ctx)
    hazards = row("青石街道", "2023", "整改隐患", 0.9, "万处", context=ctx)
    assert en_in_context("site inspections carry out work safety", sites) >= THRESHOLD
    assert en_in_context("site inspections carry out work safety", hazards) == 0.0  # the label names no word asked
    got = match_rows("site inspections carry out work safety", [hazards, sites], lang="en")
    assert [s.row.label_zh for s in got] == ["检查场所"]


def test_two_word_glosses_and_names_the_sentence_holds() -> None:
    from rag.figures.match import en_in_context

    assert _en("nucleic-acid tests", "核酸检测") >= THRESHOLD  # 'nucleic acid' is one gloss: 核酸
    ctx = "（二）交通环境不断完善 开展东环路交通秩序整治行动,新增停车位超1500个"
    spaces = row("青石街道", "2023", "新增停车位", 1500, "个", context=ctx)
    other = row("青石街道", "2023", "新增停车位", 260, "个", context="建成2个立体停车场,新增停车位260个")
    phrase = "parking spaces Donghuan Road 东环路 traffic-order campaign add"
    assert en_in_context(phrase, spaces) >= THRESHOLD > en_in_context(phrase, other)


def test_a_short_label_in_a_sentence_that_names_the_rest() -> None:
    from rag.figures.match import zh_in_context

    ctx = "（三）镇村面貌 全镇19个村集体经济收入合计860万元，村均45.3万元"
    avg = row("青石镇", "2024", "村均总收入", 45.3, "万元", context=ctx)
    assert zh_in_context("村均集体经济收入", avg) >= THRESHOLD
    assert zh_in_context("村均集体经济收入", row("青石镇", "2024", "村均总收入", 45.3, "万元",
                                                context="村均总收入45.3万元")) == 0.0  # the sentence lacks 集体经济
    assert zh_in_context("人均集体经济收入", avg) == 0.0  # the label says 村均: no match for 人均
    yearly = row("青石镇", "2024", "年度投资", 9.6, "亿元", context="全年实施重点项目12个,完成年度投资9.6亿元")
    assert zh_in_context("重点项目投资", yearly) >= THRESHOLD  # 年度 in the label narrows nothing
    assert _en("hotline cases resolution rate", "热线工单实际解决率") >= THRESHOLD  # resolution: 解决


def test_a_label_that_shortens_the_question_words_in_a_sentence_that_holds_the_rest() -> None:
    from rag.figures.match import zh_in_context

    ctx = "（二）土地整备 全年完成土地整备项目3个，签约用地2.6万平方米、拆除建面1.8万平方米"
    razed = row("栖梧街道", "2023", "拆除建面", 1.8, "万平方米", context=ctx)
    assert zh_in_context("土地整备拆除建筑面积", razed) >= THRESHOLD  # 建筑面积 written 建面
    assert zh_in_context("土地整备拆除绿化面积", razed) == 0.0  # 绿化面积 is no 建面
    ctx = "举办首届招商推介会,现场签约项目9个,预计年产值6亿元"
    signed = row("栖梧街道", "2023", "现场签约项目", 9, "个", context=ctx)
    assert zh_in_context("首届招商推介会现场签项目", signed) >= THRESHOLD  # one character inside the label left out
    assert zh_in_context("首届招商推介会现场签约", signed) == 0.0  # …never its end: 项目 is what is counted


def test_a_quoted_english_name_glosses_the_chinese_after_it() -> None:
    phrase = "'scattered disorderly polluting' firms 散乱污企业 clean up"
    assert _en(phrase, "整治散乱污企业") >= THRESHOLD
    assert _en("'scattered disorderly polluting' firms 散乱污企业 clean up", "整治违建") < THRESHOLD


def test_an_ing_qualifier_the_label_lacks_lowers_a_match_and_ing_nouns_do_not() -> None:
    assert _en("village collective operating income", "村集体经济经营性收入") > _en(
        "village collective operating income", "村集体经济总收入")
    assert _en("spring tea output", "春茶产量") >= THRESHOLD  # 'spring' is a noun, no qualifier left out


def test_a_count_question_naming_a_project_picks_the_figure_its_sentence_holds() -> None:
    from rag.answer.router import counted_noun
    from rag.figures.match import anchored

    heading = "（四）发展空间持续拓展 "
    cleared = row("青石街道", "2023", "企业腾退", 17, "家",
                  context=heading + "全力保障恒远医药产业用地,两个月完成青禾园等17家企业腾退")
    land = row("青石街道", "2023", "土地平整", 6, "万平方米",
               context=heading + "全力保障恒远医药产业用地,完成土地平整6万平方米")
    elsewhere = row("青石街道", "2023", "新引进企业", 40, "家", context="（一）招商引资 新引进企业40家")
    question = "To make room for Hengyuan Pharma (恒远医药), how many companies did Qingshi clear out in 2023?"
    phrase = "make room Hengyuan Pharma 恒远医药 companies clear out"
    counted = counted_noun(question)
    assert counted == "companies"
    assert anchored(phrase, counted, cleared) >= THRESHOLD  # the name pins the sentence, 'companies' the figure
    assert anchored(phrase, counted, land) == 0.0  # the same sentence, but no companies counted
    assert anchored(phrase, counted, elsewhere) == 0.0  # companies, but another sentence
    got = match_rows(phrase, [cleared, land, elsewhere], lang="en", counted=counted)
    assert [s.row.value for s in got] == [17]
    # a gloss of the things counted is no project name: the label must hold it
    assert counted_noun("How many listed companies (上市企业) does Qingshi have?") == "listed companies 上市企业"
    assert anchored("listed companies 上市企业", "listed companies 上市企业", elsewhere) == 0.0
    # an amount is a threshold, not a name ('above 1 billion yuan' → 10亿元)
    assert anchored("companies output above 10亿元", "companies", row(
        "青石街道", "2023", "新引进企业", 40, "家", context="产值超10亿元企业带动,新引进企业40家")) == 0.0


def test_what_an_english_count_question_counts() -> None:
    from rag.answer.router import counted_noun

    assert counted_noun("How many formerly poor villages in Xishan (西山) is Qingshi paired with?") == \
        "formerly poor villages"  # 'formerly' is an adverb; the -ed adjective after it is no verb
    assert counted_noun("How many head of dairy cattle did the town sell?") == "dairy cattle"
    assert counted_noun("How many firms registered in 2023?") == "firms"
    assert counted_noun("What was the output value?") == ""
    assert _en("formerly poor villages", "原贫困村") >= THRESHOLD  # 'formerly' looks up 'former' (原)


def test_sectors_codes_and_rates() -> None:
    from rag.figures.match import codes_clash

    assert _en("primary-sector value-added", "第一产业增加值") >= THRESHOLD
    assert _en("primary-sector value-added", "第二产业增加值") < THRESHOLD  # another sector
    assert label_similarity("第一产业增加值", "第三产业增加值") < THRESHOLD
    assert codes_clash("20万至300万元项目投资", "300万元以上项目投资")  # the label lacks the lower bound
    assert not codes_clash("300万元以上项目投资", "300万元以上项目投资")
    assert label_similarity("棉花种植面积", "棉花播种面积") > label_similarity("棉花种植面积", "棉花机采面积")


def test_a_measure_of_another_kind_is_no_match() -> None:
    assert label_similarity("果蔬加工项目产值", "果蔬加工项目总投资") < THRESHOLD  # output asked, investment stated
    assert label_similarity("税收收入", "税收") >= THRESHOLD
    assert _en("output high-end glass project produce", "高端玻璃项目总投资") < THRESHOLD
    assert _en("above-scale service firms revenue", "规上服务业营业收入") >= THRESHOLD  # revenue is 营业收入 too


def test_tea_gardens_in_production() -> None:
    assert _en("tea gardens already production area", "投产茶园面积") > _en("tea gardens already production area",
                                                                         "茶园面积")


def test_hyphenated_phrases_and_report_terms_in_english() -> None:
    assert _en("full-year budget-revenue task", "一般公共预算收入") >= THRESHOLD  # the parts of a hyphenated word
    assert _en("seed-corn production income", "制种收入") >= THRESHOLD
    assert _en("investment-attraction target", "固定资产投资") < THRESHOLD  # 招商, a whole term, not 投资


def test_sector_output_and_tapped_rubber() -> None:
    assert _en("primary-sector output", "一产增加值") >= THRESHOLD > _en("primary-sector output", "二产增加值")
    assert _en("rubber plantation area tapped", "橡胶开割面积") > _en("rubber plantation area tapped", "橡胶种植面积")


def test_a_phrase_naming_more_than_the_label_is_no_sure_match_and_output_is_no_area() -> None:
    assert label_similarity("相对贫困户退出标准", "相对贫困户") < 0.75  # the rest names another figure
    assert _en("crystal pear 水晶梨 output", "水晶梨种植面积") < THRESHOLD


def test_the_chinese_a_question_glosses_decides_in_english() -> None:
    assert _en("minimum-allowance 低保 households", "在册低保对象") >= THRESHOLD  # its own English word translates it
    assert _en("mugwort 艾草 grown", "艾草种植面积") >= THRESHOLD  # a word no dictionary knows judges nothing
    assert _en("goats slaughtered 出栏", "羊出栏") >= THRESHOLD > _en("goats slaughtered 出栏", "生猪出栏")
    rows = [row("石桥镇", "2023", "荞麦播种面积", 1.2, "万亩"), row("石桥镇", "2023", "推广荞麦新品种", 3, "个")]
    rows[1] = rows[1].model_copy(update={"context": "荞麦"})
    got = match_rows("buckwheat 荞麦 area", rows, lang="en")
    assert got and got[0].row.label_zh == "荞麦播种面积"  # an area asked is no count
    assert [s.row.label_zh for s in match_rows("district-assigned annual budget-revenue task", ROWS, lang="en")][:1] \
        == ["一般公共预算收入"]


def test_per_village_written_cunping_and_an_amount_asked_in_english() -> None:
    assert qualifier_fit("村平集体经济收入", "村平收入") == 1.0  # 村平 is 村均
    assert qualifier_fit("村平集体经济收入", "村级集体经济收入") < 1.0
    assert codes_clash("亿元以上项目", "10亿元以上项目") and not codes_clash("亿元以上项目", "亿元以上项目")


def test_an_english_average_per_village_against_a_short_per_village_label() -> None:
    from rag.figures.match import en_in_context

    ctx = "（三）集体经济 全镇36个村集体经营性收入全部超过8万元，村均收入达到24.7万元"
    avg = row("岚桥镇", "2023", "村均收入", 24.7, "万元", context=ctx)
    assert en_in_context("average collective operating income per village", avg) >= THRESHOLD
    assert en_in_context("average tourism income per village", avg) < THRESHOLD  # the sentence names no tourism


def test_district_level_or_higher() -> None:
    from rag.answer.router import route

    phrase = route("How many reports on Qiwu appeared in district-level or higher media in 2023?", []).phrase
    assert _en(phrase, "区级以上媒体报道") >= THRESHOLD, phrase


def test_a_one_character_noun_left_over_is_the_animal_asked() -> None:
    from rag.figures.match import _noun_char

    assert _noun_char("牛") and _noun_char("茶") and not _noun_char("能") and not _noun_char("可")


def test_a_closed_compound_reads_as_the_open_one_the_dictionary_glosses() -> None:
    assert _en("kiwifruit output", "猕猴桃产量") >= THRESHOLD  # 'kiwi fruit'
    assert _en("wastewater treated", "废水处理量") > _en("wastewater treated", "污水处理量")
    assert "甘蔗" in english_to_zh("sugarcane area")


def test_business_entities_are_the_newer_name_of_market_entities() -> None:
    from rag.figures.lexicon import TERMS

    term = next(t for t in TERMS if t.key == "new_market_entities")
    assert term.regex.search("全年新登记经营主体987户") and term.regex.search("新增市场主体560户")
    assert _en("new business entities registered", "新登记经营主体") > _en("new business entities registered", "新登记企业")


def test_one_animal_asked_is_not_all_livestock() -> None:
    herd = [row("芨芨湾镇", "2023", "年末牲畜存栏", 6.8, "万头"), row("芨芨湾镇", "2023", "年末牛存栏", 1.2, "万头")]
    assert [s.row.label_zh for s in match_rows("年末牛存栏", herd)][:1] == ["年末牛存栏"]
    assert [s.row.label_zh for s in match_rows("年末牛存栏", herd[:1])] == []
