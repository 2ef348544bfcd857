"""Shapes found on unseen report sets, on invented reports: stated changes on the previous year, livestock
measures, rates asked, plan-only documents, meeting-news pages, codes (PM10 / PM2.5), the rest of a phrase a
lexicon key does not cover, computations from the figures a question states, English phrases around places."""

from __future__ import annotations

import pytest

from rag.answer.router import route
from rag.corpus import Corpus
from rag.figures.match import label_similarity
from tests.conftest import ingested_corpus, make_settings

TOWN = """鹤山乡2023年工作总结和2024年工作打算

一、2023年工作回顾
（一）农业生产。全乡粮食总产达到3.15万吨，较上年增产420吨。肉鸭出栏9.6万羽，年末存栏2.3万羽；肉牛出栏860头。
农村居民人均可支配收入达到21500元，较上年增加840元，增长4.1%。
（二）民生服务。全年受理便民服务热线工单5230件，办结率98.2%，群众满意率93.4%。PM2.5年均浓度28微克/立方米。
全年接待来访群众1260人次、来电咨询840人次。规下工业营业收入8.2亿元。
（三）片区开发。某片区统筹项目完成工业用地入库2.6公顷；全年土地入库面积达到14.8公顷。

二、2024年工作打算
粮食总产稳定在3.2万吨以上。
"""

PLAN = """松岭乡2025年工作计划

一、主要预期目标
全乡农村居民人均可支配收入增长7%；完成固定资产投资9200万元；村集体经济总收入突破150万元。

二、重点工作安排
烤烟种植面积稳定在2600亩，新建高标准农田3000亩。
"""

NEWS = """<html><head><title>柘湾街道召开2025年工作会议_街道动态_某区人民政府</title></head><body>
<div class="nav">首页 新闻中心 街道动态</div>
<div class="article"><h1>柘湾街道召开2025年工作会议</h1>
<p>2月20日，柘湾街道召开2025年工作会议，全面总结2024年工作，部署2025年重点任务。</p>
<p>会议通报，2024年，柘湾街道完成税收3.36亿元，同比增长6.2%；完成固定资产投资27.5亿元。</p>
<p>今年，街道将力争完成税收3.6亿元、固定资产投资30亿元，新增“四上”企业15家以上。</p></div>
<div class="side">相关新闻 其他街道完成固定资产投资52亿元</div>
</body></html>"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("unseen")
    (root / "heshan_2023.txt").write_text(TOWN, encoding="utf-8")
    (root / "songling_2025plan.txt").write_text(PLAN, encoding="utf-8")
    (root / "zhewan_news.html").write_text(NEWS, encoding="utf-8")
    c = Corpus(make_settings(root / "data"))
    results = c.ingest([root])
    assert all(r.ok for r in results), [r.message for r in results]
    return c


def _rows(c: Corpus, place: str) -> set[tuple[str, float, str, str]]:
    return {(r.label_zh, r.value, r.kind, r.period) for r in c.indicators() if r.street == place}


def test_a_stated_change_on_the_previous_year_is_its_own_kind(corpus: Corpus) -> None:
    rows = _rows(corpus, "鹤山乡")
    assert ("农村居民人均可支配收入", 840.0, "yoy_change", "2023") in rows
    assert ("农村居民人均可支配收入", 4.1, "yoy_growth", "2023") in rows
    assert any(label.startswith("粮食总产") and v == 420.0 and k == "yoy_change" for label, v, k, _ in rows)
    a = corpus.ask("鹤山乡2023年农村居民人均可支配收入比上年增加了多少元？")
    assert a.route == "indicator" and "840元" in a.text.split("。")[0], a.text
    assert "21500" not in a.text.split("。")[0]
    level = corpus.ask("鹤山乡2023年农村居民人均可支配收入是多少？")
    assert "21500元" in level.text.split("。")[0], level.text


def test_a_herd_measure_borrows_its_animal(corpus: Corpus) -> None:
    rows = _rows(corpus, "鹤山乡")
    assert ("肉鸭存栏", 2.3, "actual", "2023") in rows
    a = corpus.ask("How many goats did Heshan township (鹤山乡) have in stock (存栏) at the end of 2023?")
    assert a.route != "indicator" and "2.3" not in a.text.split(".")[0] and "23,000" not in a.text, a.text


def test_a_rate_asked_is_answered_by_a_percentage(corpus: Corpus) -> None:
    a = corpus.ask("What was the hotline satisfaction rate in Heshan township in 2023?")
    assert "93.4%" in a.text.split("[1]")[0], a.text
    assert "5,230" not in a.text


def test_codes_must_agree() -> None:
    assert label_similarity("PM10年均浓度", "PM2.5年均浓度") == 0.0
    assert label_similarity("PM2.5年均浓度", "PM2.5年均浓度") == 1.0


def test_pm10_asked_when_only_pm25_is_stated_is_declined(corpus: Corpus) -> None:
    a = corpus.ask("鹤山乡2023年PM10年均浓度是多少？")
    assert a.route != "indicator" and "28" not in a.text.split("。")[0], a.text


def test_a_project_named_in_the_question_is_not_answered_by_the_place_total(corpus: Corpus) -> None:
    a = corpus.ask("鹤山乡某片区统筹项目完成了多少工业用地入库？")
    assert "14.8" not in a.text.split("。")[0], a.text


def test_a_plan_only_document_holds_targets_of_its_own_year(corpus: Corpus) -> None:
    meta = next(m for m in corpus.reports() if m.street == "松岭乡")
    assert meta.plan_period == "2025"
    rows = _rows(corpus, "松岭乡")
    assert rows and all(k == "target" and p == "2025-plan" for _, _, k, p in rows), rows
    a = corpus.ask("松岭乡2025年烤烟种植面积的目标是多少？")
    assert "2600亩" in a.text, a.text


ISSUED_PLAN = """中共杞塬镇委员会
杞塬镇人民政府
关于印发《杞塬镇2025年工作要点》的通知

各村（社区）、镇属各单位：
现将《杞塬镇2025年工作要点》印发给你们，请认真贯彻落实。

杞塬镇2025年工作要点

一、主要目标
全镇农村居民人均可支配收入增长6.5%；村集体经济总收入在2024年860万元的基础上增长8%以上；固定资产投资比2024年增长5%。

二、重点任务
（一）畜牧产业。2024年全镇肉羊存栏5.2万只，羊肉产量3100吨。2025年，肉羊存栏稳定在5.6万只以上，新建标准化羊舍40栋。
"""


def test_an_issued_plan_holds_targets_and_last_years_levels_it_states(tmp_path_factory: pytest.TempPathFactory) -> None:
    c = ingested_corpus(tmp_path_factory, "issued", {"qiyuan_2025plan.txt": ISSUED_PLAN})
    meta = next(m for m in c.reports() if m.street == "杞塬镇")
    assert meta.plan_period == "2025"  # the issuers' lines and the notice around the title are no title
    rows = _rows(c, "杞塬镇")
    assert ("肉羊存栏", 5.6, "target", "2025-plan") in rows
    assert ("肉羊存栏", 5.2, "actual", "2024") in rows  # last year's level, stated in the plan
    assert ("羊肉产量", 3100.0, "actual", "2024") in rows
    assert ("村集体经济总收入", 860.0, "actual", "2024") in rows  # the base of a planned rise
    assert ("村集体经济总收入", 8.0, "target", "2025-plan") in rows  # the rise is planned
    assert any(v == 5.0 and k == "target" for _, v, k, _ in rows), rows  # '比2024年增长5%' is planned too
    a = c.ask("杞塬镇2025年肉羊存栏要稳定在多少？")
    assert "5.6万只" in a.text.split("。")[0], a.text


def test_a_meeting_news_page_names_its_place_and_the_year_it_reviews(corpus: Corpus) -> None:
    meta = next(m for m in corpus.reports() if "柘湾" in (m.title or ""))
    assert meta.street == "柘湾街道"
    assert meta.period_covered == "2024" and meta.plan_period == "2025"
    rows = _rows(corpus, "柘湾街道")
    assert ("税收", 3.36, "actual", "2024") in rows
    assert ("税收", 3.6, "target", "2025-plan") in rows
    assert any(v == 15.0 and k == "target" for _, v, k, _ in rows), rows  # the list after 力争 is aimed too


def test_a_computation_uses_the_figures_the_question_states(corpus: Corpus) -> None:
    a = corpus.ask("柘湾街道完成固定资产投资6.4亿元、占年度任务40%，那么年度任务大约是多少？")
    assert "27.5" not in a.text and "30亿" not in a.text.split("。")[0], a.text


def test_english_phrase_drops_the_place_in_both_scripts() -> None:
    r = route("How large was Heshan township's (鹤山乡) medicinal-herb planting area in 2023?", ["鹤山乡"])
    assert r.intent == "lookup"
    assert "heshan" not in r.phrase.lower() and "township" not in r.phrase.lower()
    assert "medicinal-herb" in r.phrase
    assert route("What was the hotline satisfaction rate in Heshan township?", ["鹤山乡"]).unit_hint == "percent"
    assert route("鹤山乡粮食总产比上年增产多少吨？", ["鹤山乡"]).kind == "yoy_change"
    assert route("鹤山乡粮食总产同比增长多少？", ["鹤山乡"]).kind == "yoy_growth"


def test_growth_in_brackets_after_a_level_or_a_completion_rate() -> None:
    from tests.figures.test_extract import _facts

    facts = _facts("1-9月，规上工业产值31.4亿元（+6.1%）；限上零售额4.2亿元（-2.7%）。"
                   "税收收入2.3亿元，占任务数的61.5%（同比增长4.4%）。")
    assert ("规上工业产值", 6.1, "yoy_growth") in facts
    assert ("限上零售额", -2.7, "yoy_growth") in facts
    assert ("税收收入", 61.5, "completion_rate") in facts and ("税收收入", 4.4, "yoy_growth") in facts


def test_a_trailing_scope_note_is_no_part_of_the_label() -> None:
    from tests.figures.test_extract import _facts

    assert ("税收收入", 2860.5, "actual") in _facts("全镇完成税收收入（含往年欠缴税款）2860.5万元。")


def test_a_village_named_in_the_question_is_never_answered_by_the_place_total(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "village", {
        "r.txt": "柳溪镇2023年工作总结\n\n一、工作回顾\n全镇村级集体经营性收入合计6420万元，村均380万元，"
                 "其中超过500万元的村分别为东塘村810万元、石门村655万元。\n",
    })
    a = c.ask("柳溪镇东塘村2023年村级集体经营性收入有多少？")
    assert "6420" not in a.text.split("。")[0] and "380" not in a.text.split("。")[0], a.text
    b = c.ask("柳溪镇西岭村2023年村级集体经营性收入有多少？")
    assert not any(v in b.text.split("。")[0] for v in ("6420", "380", "810", "655")), b.text


def test_a_head_of_town_report_names_its_place() -> None:
    from rag.ingest.metadata import detect_metadata

    meta = detect_metadata("梨川镇镇长2024年度述职报告\n\n各位领导：\n2024年，本人在县委领导下……\n"
                           "一、主要经济指标完成情况\n1.全部财政收入实现0.96亿元。\n")
    assert meta.street == "梨川镇" and meta.period_covered == "2024"


def test_the_peers_of_a_ranking_are_no_figure_and_growth_rank_is_not_total_rank(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    from tests.figures.test_extract import _facts

    assert _facts("满意率在全区9个街道中排名第2位。在全县14个乡镇年度考评中位列第6位。") == set()
    c = ingested_corpus(tmp_path_factory, "ranks", {
        "r.txt": "柏林镇2023年工作总结\n\n一、工作回顾\n规上工业总产值总量居全区12个镇（街道）第7位，"
                 "增速居第2位。全镇在全县年度综合考评中位列第4位。\n",
    })
    assert "第2位" in c.ask("柏林镇规上工业总产值增速在全区排第几？").text
    assert "第7位" in c.ask("柏林镇规上工业总产值总量在全区排第几？").text
    a = c.ask("Where did Bolin town (柏林镇) place in the county's comprehensive assessment in 2023?")
    assert "4th" in a.text, a.text
    assert route("What was Bolin town's tax revenue?", ["柏林镇"]).places == ["柏林镇"]  # 柏: bai or bo


def test_things_counted_after_the_number_and_rates_of_the_figure_before() -> None:
    from tests.figures.test_extract import _facts

    assert ("三无小巷移交", 12.0, "actual") in _facts("分批移交12条“三无”小巷。")
    assert ("小区雨污分流", 45.0, "actual") in _facts("提前完成45个小区“雨污分流”。")
    assert ("65岁以上人群全程接种率", 97.1, "actual") in _facts("65岁以上人群全程接种8120人次、接种率97.1%。")
    assert ("受理群众来信、来访", 86.0, "actual") in _facts("受理群众来信、来访86件。")
    assert ("新增市场主体", 900.0, "actual") in _facts("深化改革、新增市场主体900户。")


def test_one_place_items_are_summed_and_half_an_english_phrase_is_no_match(corpus: Corpus) -> None:
    a = corpus.ask("鹤山乡2023年一共接待了多少人次的来访群众和来电咨询？")
    assert "2100人次" in a.text.split("。")[0] and "计算值" in a.text, a.text
    b = corpus.ask("What was Heshan township's tax revenue in 2023?")
    assert "8.2" not in b.text.split(".")[0] and "820" not in b.text, b.text


def test_english_suffixes_tell_look_alike_places_apart_and_heads_come_last() -> None:
    known = ["荷塘街道", "荷塘镇", "汀兰路街道", "洺川镇"]
    assert route("What was the GDP of Hetang town in 2023?", known).places == ["荷塘镇"]
    assert route("What was the GDP of Hetang sub-district in 2023?", known).places == ["荷塘街道"]
    assert route("How many cases did Tinglan Road sub-district handle?", known).places == ["汀兰路街道"]
    assert route("How many firms did Minchuan town have?", known).places == ["洺川镇"]  # -n / -ng
    assert route("What was the resolution rate of hotline cases in Hetang town?", known).phrase == \
        "hotline cases resolution rate"


def test_spelled_out_per_village_figures() -> None:
    from tests.figures.test_extract import _facts

    facts = _facts("全镇15个村（社区）集体经济总收入3.2亿元，村（社区）平均2133万元。")
    assert ("村均集体经济总收入", 2133.0, "actual") in facts


def test_a_measure_word_asked_is_not_answered_in_another_and_another_verb_keeps_the_object() -> None:
    from tests.figures.test_extract import _facts

    assert ("化解矛盾纠纷", 236.0, "actual") in _facts("排查矛盾纠纷241件，化解236件。")
    facts = _facts("完成老旧小区改造5个，涉及居民1320户，完成投资3300万元。")
    assert not any(label.startswith("居民") and unit_v == 3300.0 for label, unit_v, _ in facts)
    assert route("某街道老旧小区改造惠及多少户居民？", []).measure_word == "户"
    from rag.answer.router import measure_fits

    assert measure_fits("名", "人") and measure_fits("户", "万户") and not measure_fits("户", "个")


def test_a_rank_asked_for_one_year_is_not_another_years(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "rank_years", {
        "a.txt": "松溪街道2023年工作总结\n\n一、工作回顾\n群众满意率90.4%。税收收入1.2亿元。\n",
        "b.txt": "松溪街道2024年工作总结\n\n一、工作回顾\n群众满意率92.8%，满意率在全区8个街道中排名第3位。\n",
    })
    assert "第3位" not in c.ask("松溪街道2023年群众满意率在全区排第几？").text
    assert "第3位" in c.ask("松溪街道2024年群众满意率在全区排第几？").text


def test_a_part_of_a_lexicon_measure_keeps_its_own_label() -> None:
    from tests.figures.test_extract import _rows

    rows = {(r.label_zh, r.key, r.value) for r in _rows(
        "园区建设提速，全年街道税收收入4.2亿元，其中重点楼宇税收1.9亿元。辖区商务楼宇增至9栋，实现税收1.1亿元。"
        "区级税收1.6亿元。")}
    assert ("税收收入", "tax_revenue", 4.2) in rows  # the run-in heading is no part of the label
    assert ("重点楼宇税收", "label:重点楼宇税收", 1.9) in rows
    assert ("商务楼宇税收", "label:商务楼宇税收", 1.1) in rows
    assert ("区级税收", "tax_revenue", 1.6) in rows  # a scope word keeps the key (qualifiers tell them apart)


def test_points_above_the_district_average_are_no_change_of_the_place() -> None:
    from tests.figures.test_extract import _facts

    facts = _facts("服务业营业收入增长9.4%，高于全区平均1.6个百分点；满意率92.1%，较上年提高2.2个百分点。")
    assert ("服务业营业收入", 9.4, "yoy_growth") in facts and ("满意率", 2.2, "yoy_growth") in facts
    # the gap to the district is a figure of its own, named so, never a change of the place
    assert [(label, kind) for label, v, kind in facts if v == 1.6] == [("服务业营业收入增幅高于全区平均", "actual")]


def test_one_short_name_for_two_places_is_asked_back(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    known = ["柳塘街道", "柳塘镇"]
    assert set(route("柳塘的税收收入是多少？", known).twins) == set(known)
    assert route("柳塘镇的税收收入是多少？", known).twins == []
    assert route("What was the tax revenue of Liutang town?", known).places == ["柳塘镇"]
    c = ingested_corpus(tmp_path_factory, "twins", {
        "a.txt": "柳塘街道2023年工作总结\n\n一、工作回顾\n全年完成税收收入2.1亿元。\n",
        "b.txt": "柳塘镇2023年工作总结\n\n一、工作回顾\n全年完成税收收入3.4亿元。\n",
    })
    a = c.ask("柳塘2023年的税收收入是多少？")
    assert a.route == "abstain" and "柳塘街道" in a.text and "柳塘镇" in a.text, a.text
    assert "柳塘镇2023年税收收入为3.4亿元" in c.ask("柳塘镇2023年税收收入是多少？").text


def test_which_year_was_higher_leads_with_the_year_and_its_figure(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "years", {
        "a.txt": "桐坪镇2023年工作总结\n\n一、工作回顾\n全年实际到账外资740万美元。\n",
        "b.txt": "桐坪镇2024年工作总结\n\n一、工作回顾\n全年实际到账外资910万美元。\n",
    })
    more = c.ask("桐坪镇实际到账外资，2023年和2024年哪一年更多？").text.split("。")[0]
    assert "2024年" in more and "910万美元" in more and "740" not in more
    less = c.ask("桐坪镇2023年和2024年实际到账外资哪年更少？").text.split("。")[0]
    assert "2023年" in less and "740万美元" in less
    # the year asked far from its comparison word, and the gap asked too: both in the first sentence
    gap = c.ask("桐坪镇2023年和2024年，哪一年实际到账外资更多？多多少？").text.split("。")[0]
    assert "2024年" in gap and "910万美元" in gap and "170万美元" in gap, gap


def test_a_completion_rate_not_stated_is_computed_from_the_result_and_the_target(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "rate", {
        "a.txt": "榕湾镇2024年工作总结\n\n一、2024年工作回顾\n预计全年完成固定资产投资38650万元。"
                 "市下达固定资产投资任务4.1亿元。全年加装电梯27部。\n",
        "b.txt": "榕湾镇2023年工作总结\n\n一、2023年工作回顾\n全年加装电梯20部。\n\n二、2024年工作计划\n"
                 "全年加装电梯25部。\n",
    })
    a = c.ask("榕湾镇2024年加装电梯数完成了年初计划的百分之多少？")
    assert a.text.startswith("榕湾镇2024年加装电梯完成目标的108%") and "计算值" in a.text, a.text
    b = c.ask("榕湾镇2024年固定资产投资完成市下达任务的比例是多少？")
    assert "94.3%" in b.text.split("。")[0] and "预计" in b.text, b.text  # 下达 is no result: 4.1亿元 is the task
    assert route("玉塘街道2025年要组建多大规模的招商团队？", ["玉塘街道"]).kind == "target"


def test_lengths_of_time_shares_in_cheng_and_two_lexicon_measures() -> None:
    from rag.answer.router import unit_hint
    from rag.text.numbers import normalize, scan_quantities

    assert unit_hint("反馈时限缩短到了几个工作日？") is None
    assert [(q.value, q.unit) for q in scan_quantities("项目审批时限由7个工作日压缩为4个工作日")] == [
        (7.0, "个工作日"), (4.0, "个工作日")]
    assert normalize(6, "成") == (60.0, "percent") and not scan_quantities("一成不变")
    assert label_similarity("规上工业增加值", "规上工业总产值") == 0.0


def test_the_result_against_the_plan_set_for_it_and_which_of_several_years(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "plan_vs_result", {
        "a.txt": "樱坪街道2023年工作总结\n\n一、2023年工作回顾\n全年加装电梯8部。\n\n二、2024年工作打算\n"
                 "加装电梯12部。\n",
        "b.txt": "樱坪街道2024年工作总结\n\n一、2024年工作回顾\n全年加装电梯15部。\n",
        "c.txt": "樱坪街道2022年工作总结\n\n一、2022年工作回顾\n全年加装电梯6部。\n",
    })
    zh = c.ask("樱坪街道2024年实际加装电梯数比2023年底定下的2024年打算多了几部？").text
    assert zh.startswith("樱坪街道2024年加装电梯实际15部[1],比目标12部[2]多3部"), zh
    en = c.ask("How many more lifts did Yingping (樱坪街道) actually retrofit in 2024 than it planned?").text
    assert "3 (3部) above its target" in en, en
    top = c.ask("In which of the three years 2022–2024 were the most lifts retrofitted in Yingping (樱坪街道)?").text
    assert "highest in 2024" in top.split(".")[0] and "15" in top.split(".")[0], top


def test_items_one_label_lists_are_summed_once(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "items", {
        "r.txt": "观澜街道2020年工作总结\n\n一、工作回顾\n全年查扣摩托车、电动车2130辆，查扣货车4410辆。\n",
    })
    a = c.ask("观澜街道全年查扣的摩托车、电动车和货车一共有多少辆？").text
    assert a.startswith("观澜街道2020年合计6540辆"), a


def test_a_context_frame_is_no_measure_and_a_quoted_level_with_its_growth_is_computed_back(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "frame", {
        "a.txt": "青溪街道2022年工作总结\n\n一、工作回顾\n全年土地整备入库31万平方米，拆除建筑物28.4万平方米。"
                 "龙头企业华钰集团实现产值86.4亿元，同比增长8%。\n",
        "b.txt": "白沙街道2022年工作总结\n\n一、工作回顾\n全年土地整备入库45万平方米，拆除建筑物12.1万平方米。\n",
    })
    a = c.ask("在土地整备、城市更新等征拆工作中，哪个街道完成的建筑物拆除面积最大？").text
    assert a.startswith("青溪街道") and "28.4万平方米" in a.split("。")[0], a
    b = c.ask("青溪街道华钰集团报告年度产值86.4亿元，按其增速推算上一年产值约多少？").text
    assert "80亿元" in b.split("。")[0] and "计算值" in b, b


def test_a_length_of_time_asked_is_answered_in_that_unit(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "days", {
        "a.txt": "青溪街道2024年上半年工作总结\n\n一、工作回顾\n将项目审批时限由7个工作日压缩为4个工作日。"
                 "全年接待企业320家次。\n",
    })
    a = c.ask("青溪街道把项目审批时限压缩到了几个工作日？").text
    assert "4个工作日" in a.split("。")[0] and "7个" not in a.split("。")[0], a
    assert "320" not in c.ask("青溪街道连续几年排名全区第一？").text.split("。")[0]


def test_a_sum_of_listed_items_is_never_answered_by_one_item(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "sum", {
        "a.txt": "青溪街道2022年工作总结\n\n一、工作回顾\n全年新建口袋公园9个。\n",
    })
    a = c.ask("青溪街道2022年新建口袋公园和街心花园一共多少个？")
    assert a.route == "abstain" and "9个" not in a.text, a.text


def test_a_comparison_with_a_year_after_each_place_takes_each_places_year(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "years_each", {
        f"{place}{year}.txt": f"{place}{year}年工作总结\n\n一、工作回顾\n全年新签约项目{n}个。\n"
        for place, year, n in (("桐坪镇", 2023, 9), ("桐坪镇", 2024, 15), ("白沙镇", 2024, 12))})
    a = c.ask("哪个镇新签约项目更多：桐坪镇（2023年）还是白沙镇（2024年）？").text
    assert a.startswith("白沙镇") and "12个" in a.split("。")[0], a


def test_items_listed_before_or_after_the_question_words() -> None:
    from rag.answer.figures import _listed

    def items(q: str) -> list[str]:
        return _listed(q, route(q, ["青溪街道"]))

    assert items("青溪街道2022年一共转运了多少人次的密接和次密接？") == ["密接", "次密接"]
    assert items("青溪街道2023年计划的项目中，已立项和拟立项的一共多少个？") == ["已立项", "拟立项"]


def test_a_result_against_its_plan_without_the_word_actual_and_an_estimated_growth(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "vs_plan", {
        "a.txt": "荞山镇2023年工作总结\n\n一、2023年工作回顾\n全年完成一般公共预算收入2410万元。\n\n"
                 "二、2024年工作计划\n一般公共预算收入力争达到2650万元。\n",
        "b.txt": "荞山镇2024年工作总结\n\n一、2024年工作回顾\n全年完成一般公共预算收入2598万元。\n",
    })
    a = c.ask("荞山镇2024年一般公共预算收入比年初计划定的2024年目标少了多少？").text
    assert "少52万元" in a.split("。")[0], a
    assert route("岚山乡2023年一般公共预算总收入预计比增多少？", ["岚山乡"]).kind == "yoy_growth"


def test_who_has_more_and_by_how_much_leads_with_the_gap(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "who_more", {
        f"{place}.txt": f"{place}2022年工作总结\n\n一、工作回顾\n开展读书分享活动{n}场。\n"
        for place, n in (("青溪街道", 27), ("白沙街道", 19))})
    who = c.ask("2022年青溪街道和白沙街道谁举办的读书分享活动场次多？多几场？").text
    assert who.startswith("青溪街道") and "多8场" in who.split("。")[0] and "27场" in who, who
    diff = c.ask("青溪街道2022年读书分享活动比白沙街道多几场？").text
    assert "多8场" in diff.split("。")[0], diff


def test_streaks_answer_how_many_years_in_a_row(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "streaks", {
        "a.txt": "岚溪街道2023年工作总结\n\n一、2023年工作回顾\n全年实现税收4.2亿元。社区书记工作室评定数连续四年全区第一。"
                 "岚溪U站连续7年获评市优秀志愿服务站。12345热线满意度连续3个月排名全区第一。\n",
    })
    assert "4年" in c.ask("岚溪街道社区书记工作室评定数已经连续几年全区第一？").text.split("。")[0]
    assert "7" in c.ask("How many years in a row has Lanxi's U-station (岚溪U站) been named an outstanding "
                        "volunteer service station?").text.split(".")[0]
    months = c.ask("岚溪街道12345热线满意度连续几个月排名全区第一？").text
    assert "3个月" in months.split("。")[0], months
    assert not any(q.unit == "年" for q in __import__("rag.text.numbers", fromlist=["x"]).scan_quantities(
        "2023年完成12亿元，十九届六中全会"))


def test_a_sum_asked_with_jiashang_is_never_one_item(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "added_up", {
        "a.txt": "白沙街道2023年工作总结\n\n一、2023年工作回顾\n开展民生实事专项督查，发现并整改问题6项。全年办理民生实事项目42项。\n",
    })
    a = c.ask("白沙街道2023年开展专项督查整改的问题，加上对照清单自查整改的问题，一共有多少项？")
    assert a.route in ("abstain", "passage") and "42" not in a.text and "6项" not in a.text.split("。")[0], a.text


def test_a_name_only_one_place_holds_and_a_weak_rival_name_the_place(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "one_place", {
        "a.txt": "青溪街道2023年工作总结\n\n一、2023年工作回顾\n推进枫林城中村统租改造，累计签约腾空房屋620套。"
                 "东干渠水质保障工程进度达85%。食品安全督导完成率100%，连续三个季度排名全区第一。\n",
        "b.txt": "白沙街道2023年工作总结\n\n一、2023年工作回顾\n完成城中村综合整治12个，签约腾空房屋140套。整治河流3条。\n",
    })
    a = c.ask("枫林城中村统租改造累计签约腾空了多少套房屋？").text
    assert a.startswith("青溪街道") and "620套" in a.split("。")[0], a
    a = c.ask("东干渠水质保障工程进度到了多少？").text
    assert a.startswith("青溪街道") and "85%" in a.split("。")[0], a
    a = c.ask("签约腾空了多少套房屋？").text  # no place, no name: both places have it, so ask which
    assert "620" not in a.split("。")[0] and "140" not in a.split("。")[0], a
    a = c.ask("青溪街道食品安全督导已经连续几个季度排名全区第一？").text
    assert "连续3个季度" in a.split("。")[0], a


def test_places_that_word_a_measure_otherwise_still_compare(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "per_village", {
        "a.txt": "青溪镇2024年工作总结\n\n一、2024年工作回顾\n全镇村均集体经济收入52.5万元。\n",
        "b.txt": "白沙镇2024年工作总结\n\n一、2024年工作回顾\n全镇19个村集体经济收入合计860万元，村均45.3万元。\n",
    })
    a = c.ask("2024年青溪镇和白沙镇，哪个镇的村均集体经济收入更高？").text
    assert a.startswith("青溪镇") and "45.3万元" in a, a


def test_a_series_is_one_measure_and_a_top_village_is_asked_only_as_the_highest(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "series", {
        "a.txt": "青溪镇2023年工作总结\n\n一、2023年工作回顾\n村集体经济总收入3210万元；经营性收入980万元，经营性收入最高的东坪村达到126万元。\n",
        "b.txt": "青溪镇2024年工作总结\n\n一、2024年工作回顾\n村集体经济总收入3490万元；经营性收入1105万元。\n",
    })
    a = c.ask("By how much did Qingxi town's village collective operating income rise from 2023 to 2024?").text
    assert "(125万元)" in a.split("[1]")[0] and "126万元" not in a, a  # 1105 - 980, never 1105 - 126
    a = c.ask("青溪镇2023年村集体经济收入增幅高于全区平均几个百分点？").text
    assert "百分点" not in a.split("。")[0], a  # not stated: no gap given


def test_a_series_joins_two_wordings_of_one_measure(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "wordings", {
        "a.txt": "青溪街道2023年工作总结\n\n一、2023年工作回顾\n全年受理12345热线诉求5120件。\n",
        "b.txt": "青溪街道2024年工作总结\n\n一、2024年工作回顾\n全年受理12345市民热线诉求4870件，同比下降4.9%。\n",
    })
    a = c.ask("青溪街道2024年受理的12345热线诉求比2023年减少了多少件？").text
    assert "减少250件" in a.split("。")[0], a


def test_a_debriefing_report_names_its_place_and_an_expectation_is_no_result(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "debrief", {
        "a.txt": "榆堌镇镇长2021年度述职述廉报告\n\n某县榆堌镇党委副书记、镇长　某某\n\n一、履职尽责\n"
                 "全年完成财政收入1320万元，为县定任务的104.5%。投资6.2亿元的粮食仓储物流园完成主体施工，"
                 "预计建成后年交易额可达20亿元。\n\n二、2022年打算\n财政收入力争达到1450万元。\n",
        "b.txt": "杉垡镇2024年工作总结\n\n一、2024年工作回顾\n全年完成全社会固定资产投资31.2亿元。\n",
        "c.txt": "泖沙镇2024年上半年工作总结\n\n一、上半年工作回顾\n全社会固定资产投资12.6亿元，同比增长8%。\n",
    })
    assert any(m.street == "榆堌镇" for m in c.reports())  # the 述职述廉报告's title names it
    assert "1320万元" in c.ask("榆堌镇2021年财政收入是多少？").text.split("。")[0]
    a = c.ask("榆堌镇粮食仓储物流园2021年实现年交易额多少？")
    assert "20亿元" not in a.text.split("。")[0], a.text  # an expectation once built is no result of the year
    assert "6.2" not in a.text.split("。")[0], a.text  # nor is the park's investment
    # each place with its own period: the full year of one, the first half of the other
    b = c.ask("杉垡镇2024年全年和泖沙镇2024年上半年的全社会固定资产投资，哪个更多？")
    assert "31.2亿元" in b.text and "12.6亿元" in b.text, b.text


def test_a_target_met_or_not_states_the_result_and_the_target(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "attained", {
        "a.txt": "槐峁镇2022年工作总结和2023年工作计划\n\n一、2022年工作回顾\n镇级留成财力1.92亿元。\n\n"
                 "二、2023年工作计划\n镇级留成财力突破2.1亿元。\n",
        "b.txt": "槐峁镇2023年工作总结\n\n一、2023年工作回顾\n预计全年镇级留成财力2.04亿元。\n",
    })
    a = c.ask("槐峁镇2023年镇级留成财力达到上一年定下的目标了吗？").text.split("。")[0]
    assert "预计2.04亿元" in a and "2.1亿元" in a and "少0.06亿元" in a, a


def test_a_gap_between_two_events_and_a_village_named_before_the_figure(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "events", {
        "a.txt": "桤湾街道2023年工作总结\n\n一、2023年工作回顾\n某片区统筹项目38天完成协议签订、51天举行“首拆”。"
                 "加快推动樟背新村立体停车场建设,新增停车位420个。\n",
    })
    a = c.ask("桤湾街道某片区统筹项目从完成协议签订到举行“首拆”相隔了几天？")
    assert a.route == "abstain" and "38" not in a.text.split("。")[0], a.text  # no one figure states the gap
    assert "420个" in c.ask("桤湾街道樟背新村立体停车场新增了多少个停车位？").text.split("。")[0]


def test_a_bylined_debriefing_like_for_like_growth_and_a_part_asked(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "byline", {
        "a.txt": "2023年度个人述职报告\n\n西陵区桐澜街道党工委书记　某某\n\n一、抓经济发展\n"
                 "全年完成地方一般公共预算收入1.84亿元，同比增长4.2%，剔除留抵退税因素后同口径增长7.6%。"
                 "全年新增市场主体1620户，其中企业515户。\n",
    })
    assert any(m.street == "桐澜街道" for m in c.reports())  # the byline names the place the title does not
    assert "1.84亿元" in c.ask("桐澜街道2023年地方一般公共预算收入是多少？").text.split("。")[0]
    like = c.ask("On a like-for-like basis, how fast did Tonglan sub-district's (桐澜街道) general public budget "
                 "revenue grow in 2023?").text.split("[1]")[0]
    assert "7.6%" in like and "4.2%" not in like, like
    assert "4.2%" in c.ask("桐澜街道2023年地方一般公共预算收入同比增长多少？").text.split("。")[0]
    part = c.ask("Of the market entities newly registered in Tonglan sub-district (桐澜街道) in 2023, how many were "
                 "companies?")
    assert "1620" not in part.text.split("[1]")[0], part.text  # the whole is no answer for its part


def test_grades_of_one_thing_add_up_and_a_comma_before_the_question_words(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "graded", {
        "a.txt": "青溪街道2022年工作总结\n\n一、工作回顾\n建成2个省级和6个市级美丽庭院示范村。"
                 "收到上级交办件12宗，自接信访3宗。\n",
    })
    a = c.ask("青溪街道2022年一共建成多少个美丽庭院示范村？").text
    assert "8个" in a.split("。")[0] and "[2]" in a, a
    assert "6个" in c.ask("青溪街道2022年建成了多少个市级美丽庭院示范村？").text.split("。")[0]
    a = c.ask("青溪街道收到的上级交办件和自接信访，一共有多少宗？").text
    assert "15宗" in a.split("。")[0], a


def test_a_projects_value_a_rate_on_last_year_and_per_place_month_spans(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "project_value", {
        "a.txt": "柳沟镇2023年工作总结\n\n一、2023年工作回顾\n全年实现税收收入3.1亿元。樱桃种植面积0.6万亩，产量0.9万吨，"
                 "实现产值2.2亿元。投资4亿元的精密铸件项目进入设备调试阶段，预计达产后年产值可达9亿元。"
                 "全年受理热线工单1860件，同比下降9.4%。\n",
        "b.txt": "桐岭街道2023年1-11月工作总结\n\n一、工作回顾\n1-11月，完成税收收入1.4亿元。\n",
        "c.txt": "白沙镇2024年上半年工作总结\n\n一、上半年工作回顾\n上半年完成固定资产投资3.3亿元。\n",
    })
    a = c.ask("柳沟镇精密铸件项目2023年实现产值多少？")
    assert "2.2" not in a.text.split("。")[0] and a.route != "indicator", a.text
    assert "9.4%" in c.ask("柳沟镇2023年热线工单比上年减少了百分之多少？").text.split("。")[0]
    a = c.ask("Which collected more tax revenue: Liugou town (柳沟镇) in 2023 or Tongling sub-district (桐岭街道) in "
              "January–November 2023?").text
    assert a.startswith("Liugou Town") and "(3.1亿元) (2023)" in a and "(1.4亿元) (Jan–Nov 2023)" in a, a
    a = c.ask("How much fixed-asset investment did Baisha town (白沙镇) complete in the whole of 2024?")
    assert not a.text.startswith("Baisha Town: Fixed-asset investment in H1"), a.text


def test_completion_rates_ranked_and_a_task_set_from_above_asked_in_english(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "task_rates", {
        "a.txt": "柳沟镇2023年工作总结\n\n一、2023年工作回顾\n公共财政收入2.1亿元，完成市下达任务的103.6%。"
                 "到账外资1250万美元，完成区下达任务的108.2%。\n",
        "b.txt": "桐岭乡2023年工作总结\n\n一、2023年工作回顾\n全年完成乡级财政收入380万元，完成县下达任务的101.9%。\n",
        "c.txt": "白沙街道2024年上半年工作总结\n\n一、上半年工作回顾\n实际到位内资4.2亿元，完成全年任务的46%。\n",
    })
    a = c.ask("柳沟镇和桐岭乡，哪个财政收入完成上级下达任务的比例更高？").text
    assert a.startswith("柳沟镇") and "103.6%" in a and "101.9%" in a, a
    a = c.ask("By how much did Liugou town (柳沟镇) over-fulfil its district-assigned foreign-capital task in 2023 — "
              "what completion rate did it reach?").text
    assert a.startswith("Liugou Town") and "108.2%" in a and "101.9" not in a, a
    a = c.ask("By mid-2024, what share of its full-year domestic-capital target had Baisha sub-district reached?").text
    assert "46%" in a, a


def test_a_rise_or_fall_on_last_year_is_its_stated_rate_and_school_places_are_not_schools(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "rise_or_fall", {
        "a.txt": "柳沟镇2023年工作总结\n\n一、2023年工作回顾\n全年实现税收收入6.4亿元，同比下降2.7%。苹果总产2.1万吨，较上年减产8%。"
                 "新建、改扩建学校3所，新增学位2400座。\n",
        "b.txt": "桐岭街道2023年工作总结\n\n一、2023年工作回顾\n新增公办学位900个。\n",
    })
    a = c.ask("2023年柳沟镇税收收入比上年是增是减？变化幅度多少？").text
    assert "下降2.7%" in a.split("。")[0] and "6.4" not in a.split("。")[0], a
    assert "8%" in c.ask("柳沟镇苹果总产比上年减产了百分之几？").text.split("。")[0]
    a = c.ask("Which added more school places: Liugou (柳沟镇) in 2023 or Tongling (桐岭街道) in 2023?").text
    assert "(3所)" not in a and "3 (" not in a, a


def test_ratios_of_two_stated_levels_and_a_base_year_from_a_growth(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "ratios", {
        "a.txt": "柳沟镇2023年工作总结\n\n一、2023年工作回顾\n全镇实现地区生产总值80亿元，税收收入12亿元。规上工业总产值200亿元，"
                 "规上工业增加值50亿元。固定资产投资48亿元，其中工业投资36亿元，完成年度目标的120%。"
                 "市级以上专精特新企业达到60家，同比增长50%。\n",
        "b.txt": "桐岭街道2023年工作总结\n\n一、2023年工作回顾\n安全生产事故宗数同比下降20%。\n",
    })
    a = c.ask("柳沟镇2023年税收收入相当于地区生产总值的百分之几？").text
    assert "15.0%" in a.split("。")[0] and "计算值" in a, a
    a = c.ask("What share of Liugou's (柳沟镇) 2023 gross output of industry above designated size was value added?").text
    assert "25.0%" in a.split(". ")[0] + a, a
    a = c.ask("柳沟镇工业投资占固定资产投资的比重是多少？").text
    assert "75.0%" in a.split("。")[0] and "120%" not in a.split("。")[0], a  # 36 of 48
    a = c.ask("按2023年的数量和同比增幅推算，柳沟镇2022年的市级以上专精特新企业大约有几家？").text
    assert "40家" in a.split("。")[0], a
    a = c.ask("柳沟镇2023年和桐岭街道报告年度相比，哪个安全生产事故宗数的同比降幅更大？").text
    assert not a.startswith("柳沟镇") or "未" in a.split("。")[0], a


def test_one_place_with_its_year_and_one_in_its_report_year_and_the_larger_fall(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "report_year", {
        "a.txt": "柳沟镇2022年工作总结\n\n一、2022年工作回顾\n安全事故宗数同比下降30%。国高企业增至120家，同比增长20%。\n",
        "b.txt": "桐岭街道2020年工作总结\n\n一、2020年工作回顾\n安全事故宗数同比下降45%。国高企业达到90家，同比增长35%。\n",
    })
    a = c.ask("柳沟镇2022年和桐岭街道报告年度相比，哪个安全事故宗数的同比降幅更大？").text
    assert a.startswith("桐岭街道") and "降幅最大" in a and "45%" in a.split("。")[0], a
    a = c.ask("柳沟镇2022年和桐岭街道报告年度相比，国高企业数量的同比增速哪个更高？").text
    assert a.startswith("桐岭街道") and "35%" in a.split("。")[0], a
    a = c.ask("Whose accidents fell more sharply year on year: Liugou (柳沟镇) in 2022 or Tongling (桐岭街道) in 2020?").text
    assert not a.startswith("Liugou"), a  # the larger fall leads, or no answer at all


def test_a_task_in_the_same_clause_an_area_slogan_and_periods_without_a_year(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "task_clause", {
        "a.txt": "柳沟镇2022年工作总结\n\n一、2022年工作回顾\n1-11月，全镇完成一般公共预算收入3120万元，同比增长5.2%，"
                 "完成县定全年任务3600万元的86.7%；预计全年完成3550万元。柳沟茶乡景区全年接待游客16万人次。"
                 "全镇地区生产总值31.5亿元，同比增长4.4%，增速排名全县乡镇第5。全年新增城镇就业410人。\n",
        "b.txt": "桐岭街道2024年上半年工作总结\n\n一、上半年工作回顾\n上半年新增城镇就业540人。\n",
    })
    a = c.ask("截至11月底，柳沟镇一般公共预算收入完成县定全年任务的百分之几？").text
    assert "86.7%" in a.split("。")[0], a
    a = c.ask("What full-year 2022 general public budget revenue did Liugou town (柳沟镇) expect to reach?").text
    assert "3550" in a.split(". ")[0] or "35.5 million" in a, a
    assert "16万人次" in c.ask("柳沟镇柳沟茶乡景区2022年接待了多少游客？").text.split("。")[0]
    assert "第5" in c.ask("柳沟镇2022年GDP增速在全县乡镇中排第几？").text.split("。")[0]
    a = c.ask("桐岭街道上半年和柳沟镇2022年全年，哪个新增城镇就业人数更多？").text
    assert a.startswith("桐岭街道") and "410人" in a, a


def test_a_plan_that_opens_with_last_years_base_and_a_change_asked_in_english(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "plan_base", {
        "a.txt": "桐岭街道2025年工作要点\n\n2025年是承上启下之年。\n\n一、2024年工作基础\n\n2024年，街道完成税收3.2亿元，"
                 "新增“四上”企业18家，新增数量居全区第一。群众满意率在全区排名第四。\n\n二、2025年主要目标\n\n"
                 "税收3.4亿元。\n",
        "b.txt": "柳沟镇2024年工作总结\n\n一、2024年工作回顾\n固定资产投资5.3亿元，同比增长-8.2%。截至年底累计建成高标准农田3.6万亩。\n",
    })
    assert "第一" in c.ask("桐岭街道2024年新增“四上”企业数量在全区排第几？").text.split("。")[0]
    assert "第四" in c.ask("桐岭街道2024年群众满意率在全区排第几？").text
    assert "3.4亿元" in c.ask("桐岭街道2025年税收目标是多少？").text.split("。")[0]
    a = c.ask("By how much did fixed-asset investment in Liugou town (柳沟镇) change in 2024?").text
    assert "8.2%" in a.split(". ")[0] + a, a
    assert "3.6万亩" in c.ask("截至2024年底，柳沟镇累计建成高标准农田多少亩？").text.split("。")[0]


def test_a_village_named_like_its_township_and_among_in_english(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "namesake", {
        "a.txt": "桐溪乡2023年工作总结\n\n一、2023年工作回顾\n全乡9个村集体经济收入总额210万元，村均23.3万元，"
                 "其中桐溪村51.6万元，位居全乡第一。全年完成固定资产投资2.1亿元。\n",
        "b.txt": "柳沟镇2023年工作总结\n\n一、2023年工作回顾\n全年完成固定资产投资3.4亿元。\n",
    })
    a = c.ask("桐溪乡哪个村集体经济收入最高？是多少？").text
    assert "桐溪村" in a.split("。")[0] and "51.6万元" in a.split("。")[0], a
    a = c.ask("Among Tongxi township (桐溪乡) and Liugou town (柳沟镇), which reported the larger fixed-asset investment?").text
    assert a.startswith("Liugou Town"), a


def test_crops_turned_out_and_herds_sold_for_slaughter_in_english(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "turn_out", {
        "a.txt": "茗溪乡2023年工作总结\n\n一、2023年工作回顾\n全年产干茶1860吨。肉牛年出栏4200头。\n",
    })
    a = c.ask("How much dried tea did Mingxi township (茗溪乡) turn out in 2023?").text
    assert "1860" in a.split(". ")[0] or "1,860" in a.split(". ")[0], a
    assert "4,200" in c.ask("How many head of beef cattle did Mingxi township (茗溪乡) sell for slaughter in 2023?").text
    a = c.ask("How many pigs did Mingxi township (茗溪乡) sell for slaughter in 2023?")
    assert "4,200" not in a.text and a.route != "indicator", a.text  # cattle are no pigs


def test_a_bracketed_year_binds_one_place_and_a_part_of_the_total_not_of_the_average(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "bracketed", {
        "a.txt": "楠溪镇2023年工作总结\n\n一、2023年工作回顾\n全镇20个行政村集体经济总收入1800万元，村均90万元，其中经营性收入900万元。\n",
        "b.txt": "杏溪镇2021年工作总结\n\n一、2021年工作回顾\n全镇村集体经济收入合计660万元，村均44万元。\n",
    })
    a = c.ask("楠溪镇（2023年）和杏溪镇，哪个镇的村均集体经济收入最高？").text
    assert a.startswith("楠溪镇") and "90万元" in a and "44万元" in a, a
    a = c.ask("楠溪镇2023年村均集体经济经营性收入是多少？").text
    assert "900万元" not in a.split("。")[0], a  # the operating income is the towns' total, no per-village figure


def test_village_finance_income_is_the_collective_income_and_places_listed_with_zhong(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "cun_cai", {
        "a.txt": "岚溪乡2023年工作总结\n\n一、2023年工作回顾\n全乡10个村村财收入合计360万元，村均36万元。\n",
        "b.txt": "柳沟镇2023年工作总结\n\n一、2023年工作回顾\n全镇村集体经济总收入500万元，村均25万元。\n",
    })
    a = c.ask("岚溪乡和柳沟镇中，哪个地方的村均集体经济收入最高？").text
    assert a.startswith("岚溪乡") and "36万元" in a and "25万元" in a, a


def test_a_tax_share_is_no_completion_rate_a_rank_move_a_base_year_and_each_parts_period(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "tax_share", {
        "a.txt": "柳沟镇2023年工作总结\n\n一、2023年工作回顾\n全年完成一般公共预算收入6200万元，完成市下达任务的102.1%，"
                 "其中税收收入4900万元，占一般公共预算收入的79.0%。在全市高质量发展综合考核中位列第5。"
                 "规下工业营业收入42亿元，同比增长20%。\n",
        "b.txt": "桐岭街道2024年上半年工作总结\n\n一、上半年工作回顾\n1-5月，固定资产投资累计完成30亿元。"
                 "上半年完成固定资产投资8亿元。\n",
        "c.txt": "白沙街道2022年工作总结\n\n一、2022年工作回顾\n全年完成固定资产投资20亿元。\n",
    })
    a = c.ask("What was the tax share of Liugou town's (柳沟镇) general public budget revenue in 2023?").text
    assert "79" in a.split(". ")[0] and "102.1" not in a, a
    assert "79%" in c.ask("柳沟镇2023年税收收入占一般公共预算收入的比重是多少？").text.split("。")[0]
    a = c.ask("柳沟镇高质量发展综合考核的名次，2023年比2022年前移了几位？")
    assert a.route == "abstain", a.text  # two positions, never one of them as the answer
    a = c.ask("Based on its 2023 level and growth rate, roughly what was Liugou's (柳沟镇) operating revenue of "
              "industry below designated size in 2022?").text
    assert "35" in a.split(". ")[0], a
    a = c.ask("Which was larger: Tongling's (桐岭街道) fixed-asset investment in just January–May 2024, or Baisha's "
              "(白沙街道) for the whole of 2022?").text
    assert a.startswith("Tongling") and "30亿元" in a, a


def test_a_quoted_name_the_passage_lacks_is_no_answer(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    c = ingested_corpus(tmp_path_factory, "quoted_name", {
        "a.txt": "柳沟镇2023年工作总结\n\n一、2023年工作回顾\n开展企业服务提升行动，走访企业160家，协调解决各类问题28个。\n",
    })
    a = c.ask("柳沟镇2023年“专精特新”企业有多少家？")
    assert a.route != "indicator" and not a.text.startswith("柳沟镇:"), a.text  # 160 firms visited are no count of them
