"""Indicator store: grounding of every row, the gold thresholds, schema validators."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from rag.corpus import Corpus
from rag.evals.scoring import GoldIndicator, indicator_suite, load_jsonl
from rag.schemas import Indicator
from rag.text.cues import PROJECTED, TARGET
from tests.conftest import GOLD, ROOT


def test_every_stored_indicator_is_grounded(hash_corpus: Corpus) -> None:
    rows = hash_corpus.indicators()
    assert len(rows) > 100
    texts = {m.report_id: hash_corpus.report_text(m.report_id) for m in hash_corpus.reports()}
    for row in rows:
        Indicator.model_validate(row.model_dump(), context={"text": texts[row.report_id]})
        assert texts[row.report_id][row.evidence.start : row.evidence.end] == row.evidence.quote


def test_gold_precision_and_recall(hash_corpus: Corpus) -> None:
    gold = load_jsonl(GOLD / "indicators.jsonl", GoldIndicator)
    ids = {Path(m.path).name: m.report_id for m in hash_corpus.reports()}
    result = indicator_suite(gold, hash_corpus.indicators(), ids)
    print(f"\nindicators: {result}")
    assert result["precision"] >= 0.90
    assert result["recall"] >= 0.85
    assert result["recall_targets"] >= 0.80


def test_plan_figures_are_targets_and_review_figures_are_not(hash_corpus: Corpus) -> None:
    for row in hash_corpus.indicators():
        if row.part == "plan":
            assert row.kind == "target", row
        if row.kind == "target" and row.part == "review":  # (the wording may open its sentence: '…任务…,涉及项目…个')
            lead = row.context[: row.context.find(row.evidence.quote)] if row.evidence.quote in row.context else ""
            assert TARGET.search(row.evidence.quote) or PROJECTED.search(row.evidence.quote) \
                or TARGET.search(re.split(r"[。！？]", lead)[-1]), row


def test_validator_rejects_ungrounded_quote() -> None:
    good = {"report_id": "r", "street": "测试街道", "period": "2023", "key": "gdp", "label_zh": "地区生产总值",
            "label_en": "GDP", "value": 12.5, "unit": "亿元", "normalized_value": 1.25e9, "normalized_unit": "CNY",
            "kind": "actual", "evidence": {"chunk_id": "c", "start": 2, "end": 14, "quote": "地区生产总值12.5亿元"}}
    text = "全年地区生产总值12.5亿元。"
    Indicator.model_validate(good, context={"text": text})
    with pytest.raises(ValidationError):
        Indicator.model_validate(good, context={"text": "全年" + "地区生产总值13.5亿元。"})
    with pytest.raises(ValidationError):
        Indicator.model_validate({**good, "value": 99.0}, context={"text": text})
    with pytest.raises(ValidationError):
        Indicator.model_validate({**good, "unit": "斤斤"}, context={"text": text})
    with pytest.raises(ValidationError):
        Indicator.model_validate({**good, "kind": "target"}, context={"text": text})


def test_no_gold_value_or_sentence_in_product_code() -> None:
    gold = load_jsonl(GOLD / "indicators.jsonl", GoldIndicator)
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "rag").rglob("*.py"))
    code += (ROOT / "app.py").read_text(encoding="utf-8")
    for g in gold:
        assert g.evidence not in code, g.evidence
        printed = f"{g.value:g}"
        if "." in printed and len(printed) >= 5:
            assert printed not in code, printed


# ---- open-vocabulary rules, on invented sentences ------------------------------------------------------------
def _rows(text: str, part: str = "review", heading: str = "一、工作回顾", period: str = "2023") -> list[Indicator]:
    from rag.figures.extract import extract_indicators
    from rag.schemas import Report, Section

    rep = Report(report_id="r", path="x", content_hash="h", street="柳湾镇", period_covered=period,
                 plan_period="2024", text=text)
    sec = Section(report_id="r", index=0, level=0, heading=heading, path=[heading], part=part,  # type: ignore[arg-type]
                  start=0, end=len(text))
    return extract_indicators(rep, [sec], [])


def _facts(text: str, **kw: str) -> set[tuple[str, float, str]]:
    return {(r.label_zh, r.value, r.kind) for r in _rows(text, **kw)}


def test_labels_are_clean_noun_phrases_and_keys_carry_no_kind() -> None:
    rows = _rows("全年完成一般公共预算收入3.12亿元，同比增长7.5%；1-10月，限上批零住餐销售额9.6亿元。")
    assert {(r.label_zh, r.kind) for r in rows} == {("一般公共预算收入", "actual"), ("一般公共预算收入", "yoy_growth"),
                                                   ("限上批零住餐销售额", "actual")}
    for r in rows:
        assert not r.key.endswith(("_yoy", "_target", "_completion_rate"))
        assert "同比" not in r.label_zh and "目标" not in r.label_zh
    assert {r.period for r in rows if r.label_zh == "限上批零住餐销售额"} == {"2023M01-M10"}


def test_counts_take_the_words_after_the_measure_word() -> None:
    facts = _facts("今年以来建成7个口袋公园，新登记企业215家，种植面积2.4万亩。")
    assert facts == {("口袋公园", 7, "actual"), ("新登记企业", 215, "actual"), ("种植面积", 2.4, "actual")}


def test_fragments_rankings_and_masked_values_are_not_figures() -> None:
    assert _facts("推进道路建设和东片区") == set()
    assert _facts("规上工业总产值X.X亿元，增长XX%，总量居全区第2位。") == set()
    assert all("和" not in r.label_zh and not r.label_zh.endswith("区") for r in _rows("加快道路建设和北片区9个项目建设。"))


def test_respectively_maps_growths_in_order() -> None:
    facts = _facts("全年财政总收入11.4亿元,一般公共预算收入5.3亿元,同比分别增长6.6%和13.1%。")
    assert ("财政总收入", 6.6, "yoy_growth") in facts and ("一般公共预算收入", 13.1, "yoy_growth") in facts
    facts = _facts("城镇和农村居民人均可支配收入分别达到38600元和17240元,增长4.8%和6.9%。")
    assert ("城镇居民人均可支配收入", 38600, "actual") in facts
    assert ("农村居民人均可支配收入", 6.9, "yoy_growth") in facts
    facts = _facts("投诉件数、重复来访同比分别下降12.5%、40%。")
    assert facts == {("投诉件数", -12.5, "yoy_growth"), ("重复来访", -40, "yoy_growth")}
    facts = _facts("交通事故起数、死亡人数同比下降18.2%、25%。")
    assert facts == {("交通事故起数", -18.2, "yoy_growth"), ("交通事故死亡人数", -25, "yoy_growth")}
    facts = _facts("全年地区生产总值31.5亿元、税收收入2.2亿元，同比分别-2.4%、-8.8%。")
    assert ("税收收入", -8.8, "yoy_growth") in facts


def test_growth_forms() -> None:
    assert ("技改投资", 14.2, "yoy_growth") in _facts("技改投资0.8亿元，比增14.2%。")
    assert ("入库税收", 3.3, "yoy_growth") in _facts("入库税收1.7亿元（同比增长3.3%）。")
    assert ("村集体经济收入", 5.1, "yoy_growth") in _facts("村集体经济收入860万元，比上年(下同)增长5.1%。")


def test_completion_targets_and_cumulative_in_review_text() -> None:
    facts = _facts("年度计划总投资3.6亿元，1-9月累计完成2.7亿元，完成年度计划75%。")
    assert facts == {("总投资", 3.6, "target"), ("总投资", 2.7, "cumulative"), ("总投资", 75, "completion_rate")}
    assert ("工业投资", 64, "completion_rate") in _facts("工业投资1.9亿元，完成镇人代会目标的64%。")


def test_estimates_are_results_not_targets() -> None:
    rows = _rows("预计全年实现规上工业总产值128.6亿元，同比增长4.4%。")
    assert {(r.kind, r.estimated) for r in rows} == {("estimate", True), ("yoy_growth", True)}
    rows = _rows("主要经济指标预计(以下均为预计)如下。\n服务业营业收入22.5亿元；实际利用外资860万美元。")
    assert {r.kind for r in rows} == {"estimate"}
    assert {r.kind for r in _rows("预计实现社会消费品零售总额9.9亿元。", part="plan")} == {"target"}
    assert {r.kind for r in _rows("规上工业总产值41.3亿元（快报数）。")} == {"estimate"}


def test_subsets_get_their_own_label() -> None:
    rows = _rows("规上工业总产值52.7亿元，其中规上数字经济产值9.4亿元。")
    sub = next(r for r in rows if r.value == 9.4)
    assert sub.label_zh == "规上数字经济产值" and sub.key != rows[0].key


def test_estimate_validator_needs_estimate_wording() -> None:
    good = {"report_id": "r", "street": "测试镇", "period": "2023", "key": "gdp", "label_zh": "地区生产总值",
            "label_en": "GDP", "value": 12.5, "unit": "亿元", "normalized_value": 1.25e9, "normalized_unit": "CNY",
            "kind": "estimate", "estimated": True,
            "evidence": {"chunk_id": "c", "start": 2, "end": 14, "quote": "地区生产总值12.5亿元"}}
    Indicator.model_validate(good, context={"text": "预计地区生产总值12.5亿元。"})
    with pytest.raises(ValidationError):
        Indicator.model_validate(good, context={"text": "全年地区生产总值12.5亿元。"})


def test_a_period_opening_the_sentence_holds_across_its_semicolons() -> None:
    from rag.figures.extract import period_of
    from rag.schemas import Report, Section

    text = "一、2023年工作总结\n1-10月,实现财政总收入9.1亿元,同比增长4%;一般公共预算收入5.2亿元。全年新增企业30家。"
    report = Report(report_id="r", path="r.txt", content_hash="h", street="甲镇", period_covered="2023", text=text)
    section = Section(report_id="r", index=0, level=0, heading="一、2023年工作总结", path=["一、2023年工作总结"],
                      part="review", start=0, end=len(text))
    at = text.index("一般公共预算收入")
    assert period_of(report, section, text[at:text.index("。")], 0, before=text[:at])[0] == "2023M01-M10"
    nxt = text.index("全年新增")
    assert period_of(report, section, "全年新增企业30家", 0, before=text[:nxt])[0] == "2023"


# ---- heads that borrow their subject, per-unit figures, totals, paragraph periods (invented sentences) -----------
def test_a_bare_head_borrows_the_subject_before_it() -> None:
    facts = _facts("全年实施以工代赈项目7个，投入资金860万元。辖区腊味加工企业发展到9家，实现产值3.4亿元。"
                   "新签约项目4个，协议投资12.5亿元。")
    assert ("以工代赈项目投入资金", 860.0, "actual") in facts
    assert ("腊味加工企业产值", 3.4, "actual") in facts
    assert ("新签约项目协议投资", 12.5, "actual") in facts
    assert ("腊味加工企业", 9.0, "actual") in facts  # the count keeps its own label, '发展到' trimmed


def test_per_unit_figure_is_labelled_per_unit_and_total_keeps_the_stock() -> None:
    facts = _facts("全镇11个村集体经营性收入合计1,320万元，村均120万元。新认定科技型中小企业6家，总数达到41家。")
    assert ("村均集体经营性收入", 120.0, "actual") in facts
    assert ("科技型中小企业总数", 41.0, "actual") in facts
    assert ("新认定科技型中小企业", 6.0, "actual") in facts


def test_a_subset_that_names_a_lexicon_indicator_keeps_its_key() -> None:
    rows = _rows("预计全年完成工业总产值140亿元，其中规上工业产值121.5亿元。")
    above = [r for r in rows if r.value == 121.5]
    assert above and above[0].key == "industrial_output_above_scale" and above[0].kind == "estimate"


def test_a_paragraph_opened_by_a_period_holds_for_its_sentences() -> None:
    text = "一、工作回顾\n1-9月，完成财政总收入2.1亿元。固定资产投资完成8.8亿元，完成年度目标的80%。\n全年新增就业300人。"
    rows = _rows(text)
    by_value = {r.value: r.period for r in rows}
    assert by_value[8.8] == "2023M01-M09" and by_value[80.0] == "2023M01-M09"
    assert by_value[300.0] == "2023"  # the next paragraph is the full year again


def test_a_bare_head_after_a_semicolon_borrows_the_subject_before_it() -> None:
    facts = _facts("全年受理12345热线工单9,870件，同比下降3.1%；响应率100%，满意率96.2%。")
    assert ("12345热线工单满意率", 96.2, "actual") in facts


def test_floors_and_counts_of_things_are_not_levels_and_each_figure_takes_its_own_year() -> None:
    facts = _facts("全镇12个行政村集体经济收入合计310万元，均超过20万元。")
    assert facts == {("行政村集体经济收入", 310.0, "actual")}
    rows = _rows("规上工业总产值由2020年的12.4亿元增长到2023年的20.5亿元。")
    assert {(r.label_zh, r.value, r.period) for r in rows} == {("规上工业总产值", 12.4, "2020"),
                                                              ("规上工业总产值", 20.5, "2023")}


def test_a_share_names_the_figure_before_it_and_multiples_of_a_task_are_completion_rates() -> None:
    facts = _facts("完成土地整备入库31.5万平方米，入库量占全区18%。全年引进项目60个，签约金额42亿元，分别完成年度任务的"
                   "1.2倍、1.4倍。纳管不少于12万平方米。")
    assert ("土地整备入库", 18.0, "share") in facts
    assert ("引进项目", 1.2, "completion_rate") in facts and ("签约金额", 1.4, "completion_rate") in facts
    assert any(label == "纳管" and value == 12.0 for label, value, _ in facts)


def test_real_report_shapes_list_items_shares_and_firms_that_did_something() -> None:
    facts = _facts("其中工业和服务业投资为6.1亿元和4.2亿元，同比增长9.9%和3.3%。工业投资、基础设施投资占固定资产投资比重"
                   "分别为31.5%和20.5%，房地产投资占固定资产投资比重下降到22.8%。")
    assert {("工业投资", 6.1, "actual"), ("服务业投资", 4.2, "actual"), ("服务业投资", 3.3, "yoy_growth"),
            ("基础设施投资", 20.5, "share"), ("房地产投资", 22.8, "share")} <= facts
    rows = _rows("在库规上工业企业88家，推动9家规上工业企业实施数字化改造。全年实现规上工业生产总值52亿元。")
    keyed = {(r.key, r.value) for r in rows}
    assert ("above_scale_industrial_enterprises", 88.0) in keyed
    assert ("above_scale_industrial_enterprises", 9.0) not in keyed
    assert ("industrial_output_above_scale", 52.0) in keyed and not any(k == "gdp" for k, _ in keyed)


def test_completion_of_a_stated_target_estimates_across_semicolons_and_shared_verbs() -> None:
    facts = _facts("1-5月，完成固定资产投资3.1亿元，占全年目标8亿元的38.8%；预计全年实现地区生产总值9.2亿元；"
                   "一般公共预算收入350万元。全年出栏羊1.2万只、生猪4100头。")
    assert ("固定资产投资", 38.8, "completion_rate") in facts and ("固定资产投资", 8.0, "target") in facts
    assert ("一般公共预算收入", 350.0, "estimate") in facts
    assert ("出栏生猪", 4100.0, "actual") in facts


def test_per_village_after_floors_thresholds_and_a_planned_subject() -> None:
    facts = _facts("全镇9个行政村集体经济收入全部超过6万元，村均达到9.1万元，其中超过12万元的村3个。")
    assert ("村均集体经济收入", 9.1, "actual") in facts
    assert not any(value in (6.0, 12.0) for _, value, _ in facts)
    facts = _facts("开展夜巡行动超20次，盗窃、诈骗警情同比分别下降18%、12%。全镇小麦收获面积2.1万亩，平均亩产455公斤。")
    assert ("盗窃警情", -18.0, "yoy_growth") in facts and ("诈骗警情", -12.0, "yoy_growth") in facts
    assert ("小麦平均亩产", 455.0, "actual") in facts
    rows = _rows("园区将紧盯全年接待游客90万人次的目标。", part="plan")
    assert [r.label_zh for r in rows] == ["接待游客"]


def test_a_full_year_target_in_a_part_year_paragraph_is_the_years() -> None:
    rows = _rows("一、工作回顾\n1-5月，完成固定资产投资1.9亿元，全年目标4.2亿元。\n")
    assert {(r.kind, r.period) for r in rows if r.value == 4.2} == {("target", "2023")}


def test_a_whole_year_target_in_a_second_half_plan_is_the_years_plan() -> None:
    rows = _rows("下半年，确保全年完成固定资产投资3.5亿元。", part="plan", heading="三、下半年工作计划", period="2024H1")
    assert {r.period for r in rows if r.value == 3.5} == {"2024-plan"}


def test_a_share_of_something_named_after_zhan_and_not_a_target() -> None:
    facts = _facts("辖区9栋商务楼宇实现税收1.2亿元，占街道税收的41.5%。完成工业投资2亿元，占全年目标5亿元的40%。")
    assert ("商务楼宇税收", 41.5, "share") in facts
    assert ("工业投资", 40.0, "completion_rate") in facts


def test_an_amount_after_a_growth_target_is_the_same_indicators_target() -> None:
    rows = _rows("主要预期目标：一般公共预算收入增长7%以上，力争达到3800万元；固定资产投资增长10%。", part="plan",
                 heading="二、2024年工作安排")
    assert ("general_budget_revenue", 3800.0, "target") in {(r.key, r.value, r.kind) for r in rows}


def test_short_asides_and_absolute_amount_words_leave_labels() -> None:
    facts = _facts("1至11月，全社会固定资产投资绝对额9.6亿元；限额以上零售业（单位）销售额绝对额21.3亿元。")
    assert ("全社会固定资产投资", 9.6, "actual") in facts and ("限额以上零售业销售额", 21.3, "actual") in facts


def test_lead_words_that_open_a_word_stay_in_the_label() -> None:
    labels = {r.label_zh for r in _rows("对接帮扶企业不少于320家次，在建项目18个，从业人员2300人，和谐劳动关系创建企业45家。")}
    assert {"对接帮扶企业", "在建项目", "从业人员", "和谐劳动关系创建企业"} <= labels


def test_a_verb_before_a_count_takes_the_noun_after_it() -> None:
    labels = [r.label_zh for r in _rows("成功挽留7家企业继续在本街道经营。")]
    assert len(labels) == 1 and "企业" in labels[0] and "挽留" in labels[0]
    assert [r.label_zh for r in _rows("开展21场读书分享活动。")] == ["读书分享活动"]


def test_a_level_after_a_change_keeps_the_measure_and_the_level_before_it_goes() -> None:
    assert {(r.label_zh, r.value, r.period) for r in _rows("全镇规上工业企业由2021年的15家增加到22家。")} == {
        ("规上工业企业", 15.0, "2021"), ("规上工业企业", 22.0, "2023")}
    assert [(r.label_zh, r.value, r.unit) for r in _rows("项目审批时限由7个工作日压缩为4个工作日。")] == [
        ("项目审批时限", 4.0, "个工作日")]


def test_a_sibling_in_another_state_takes_the_words_before_the_verb() -> None:
    facts = _facts("城市更新完工项目3个，开工项目5个，通过规划审批项目6个。全镇规上工业企业45家，高新技术企业12家。")
    assert ("城市更新开工项目", 5.0, "actual") in facts and ("城市更新完工项目", 3.0, "actual") in facts
    assert ("高新技术企业", 12.0, "actual") in facts  # nouns before nouns: no state, nothing taken


def test_a_sentence_no_rule_can_read_loses_its_figures_not_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    import rag.figures.extract as extract

    real = extract._from_sentence

    def failing(report, section, chunks, start, sentence, carry):  # type: ignore[no-untyped-def]
        if "坏句" in sentence:
            raise IndexError("a rule bug")
        return real(report, section, chunks, start, sentence, carry)

    monkeypatch.setattr(extract, "_from_sentence", failing)
    facts = _facts("坏句里有12个数字。全年完成固定资产投资2.7亿元。")
    assert facts == {("固定资产投资", 2.7, "actual")}


def test_an_average_after_a_count_of_villages_the_top_village_and_a_group_bound() -> None:
    facts = _facts("全镇16个村（社区）集体经营性收入平均达到38.2万元，其中桐坪村最高，达96万元；"
                   "集体经营性收入20万元以下的村全部清零。")
    assert facts == {("村均集体经营性收入", 38.2, "actual"), ("桐坪村集体经营性收入", 96.0, "actual")}
    facts = _facts("全镇村级集体经营性收入合计3120万元，村均260万元，其中超过400万元的村分别为梅岭村530万元、下洋村470万元。")
    assert {("村均集体经营性收入", 260.0, "actual"), ("梅岭村集体经营性收入", 530.0, "actual"),
            ("下洋村集体经营性收入", 470.0, "actual")} <= facts
    assert not any(v == 400.0 for _, v, _ in facts)  # the bound that names a group of villages


def test_a_second_verb_after_a_label_that_ends_in_a_verb_replaces_it() -> None:
    facts = _facts("老旧住宅加装电梯签约24部、完工11部。")
    assert facts == {("老旧住宅加装电梯签约", 24.0, "actual"), ("老旧住宅加装电梯完工", 11.0, "actual")}


def test_a_year_end_total_after_an_addition_is_the_stock() -> None:
    facts = _facts("新增“四上”企业17家，扣除注销企业后，年末总数为256家。")
    assert ("四上企业", 256.0, "actual") in facts and ("新增四上企业", 17.0, "actual") in facts


def test_a_whole_year_lead_holds_across_the_semicolons_of_a_second_half_plan() -> None:
    rows = _rows("下半年，街道将紧盯全年目标：全年固定资产投资确保完成18亿元；新增城镇就业1500人。", part="plan",
                 heading="三、下半年工作计划", period="2024H1")
    assert {(r.value, r.period) for r in rows} == {(18.0, "2024-plan"), (1500.0, "2024-plan")}


def test_listed_parts_of_a_herd_take_its_measure() -> None:
    facts = _facts("年末各类牲畜存栏18.2万头（只），其中牦牛2.6万头、藏羊15.1万只。出栏羊0.9万只、生猪3100头。")
    assert {("牦牛存栏", 2.6, "actual"), ("藏羊存栏", 15.1, "actual"), ("出栏生猪", 3100.0, "actual")} <= facts


def test_a_spaced_percent_sign_and_a_projects_expected_yield() -> None:
    facts = _facts("全年一般公共预算收入3120万元，同比下降2.7 %。项目建成投产后年产值可达3亿元。")
    assert ("一般公共预算收入", -2.7, "yoy_growth") in facts
    assert {kind for _, v, kind in facts if v == 3.0} == {"target"}  # a future yield, never a result


def test_a_net_change_after_a_count_counts_the_same_things() -> None:
    facts = _facts("上半年新增市场主体1180户，净增385户。全年新登记市场主体760户，注销190户。")
    assert ("净增市场主体", 385.0, "actual") in facts and ("注销市场主体", 190.0, "actual") in facts


def test_examples_before_deng_are_not_what_a_count_counts() -> None:
    facts = _facts("实施亮化工程，改造提升红枫路、玉兰路等18条路段照明设施。")
    assert {(label, v) for label, v, _ in facts} == {("路段照明设施", 18.0)}


def test_examples_and_a_verb_before_the_first_of_two_items() -> None:
    facts = _facts("召开书记恳谈会60场，解决企业用工、减免租金等问题132条。某街道办理人大建议、政协提案共98件。")
    assert ("解决问题", 132.0, "actual") in facts and ("办理人大建议、政协提案", 98.0, "actual") in facts


def test_net_additions_year_end_levels_new_plantings_and_counts_of_villages() -> None:
    facts = _facts("上半年新增“四上”企业5家，剔除退库企业后净增3家，总数达到47家。")
    assert {("净增四上企业", 3.0, "actual"), ("四上企业总数", 47.0, "actual")} <= facts
    rows = _rows("贫困发生率由2016年底的12.1%降至0.72%。")
    assert {(r.label_zh, r.value, r.period) for r in rows} == {("贫困发生率", 12.1, "2016"), ("贫困发生率", 0.72, "2023")}
    assert ("黄花菜新植面积", 0.31, "actual") in _facts("黄花菜种植面积达到1.12万亩，其中当年新植0.31万亩。")
    assert _facts("全镇15个村集体经济收入总额达到236万元。") == {("村集体经济收入总额", 236.0, "actual")}


def test_a_part_of_a_new_count_is_new_and_a_crop_part_keeps_its_own_name() -> None:
    facts = _facts("上半年新增市场主体1020户，其中企业310家。全镇粮食作物播种面积5200公顷，其中水稻1900公顷。")
    # the crop keeps its own name with the measure it is part of, never the whole's ('粮食作物…')
    assert ("新增企业", 310.0, "actual") in facts and ("水稻播种面积", 1900.0, "actual") in facts


def test_later_rates_of_a_growth_run_are_growth() -> None:
    facts = _facts("1—11月，规上工业总产值、固定资产投资分别完成8.12亿元、4.72亿元，同比增长分别为5.2%、18.4%。")
    assert ("固定资产投资", 18.4, "yoy_growth") in facts and ("规上工业总产值", 5.2, "yoy_growth") in facts


def test_a_rate_that_fell_to_a_level_is_that_level() -> None:
    rows = _rows("全乡贫困发生率从2017年底的6.4%下降到0.9%。城镇登记失业率下降到2.3%，同比下降0.2个百分点。")
    got = {(r.label_zh, r.value, r.kind, r.period) for r in rows}
    assert {("贫困发生率", 6.4, "actual", "2017"), ("贫困发生率", 0.9, "actual", "2023")} <= got
    assert ("城镇登记失业率", 2.3, "actual", "2023") in got
    assert ("规上工业增加值", 7.5, "yoy_growth") in _facts("规上工业增加值增速提高到7.5%。")  # still a growth rate


def test_names_listed_before_a_count_and_codes_are_no_label() -> None:
    facts = _facts("今年新设东湖、西岭、南坪3个社区。推动“12+3”类218项便民服务事项全面下沉。"
                   "组织辖区18家企业赴广州参加交易会。")
    assert ("新设社区", 3.0, "actual") in facts and ("便民服务事项", 218.0, "actual") in facts
    assert any(label.startswith("企业") and v == 18.0 for label, v, _ in facts)
    assert ("建成农家书屋、文化广场", 12.0, "actual") in _facts("建成农家书屋、文化广场12个。")  # nothing after


def test_a_part_of_a_total_keeps_what_the_total_names() -> None:
    facts = _facts("全镇村集体经济总收入3120万元，其中经营性收入980万元。完成财政收入6100万元，其中工业和服务业税收为2.1亿元和1.2亿元。")
    assert ("村集体经济经营性收入", 980.0, "actual") in facts
    assert not any(label.startswith("财政") and "服务业" in label for label, _, _ in facts)


def test_a_report_note_on_its_figures_months_and_changes_in_output() -> None:
    from rag.figures.extract import extract_indicators
    from rag.schemas import Report, Section

    text = ("柳湾镇2024年上半年工作总结\n现将上半年工作报告如下（文中经济指标未注明的均为1—5月数据）。\n一、上半年工作\n"
            "完成固定资产投资2.14亿元，同比增长6.3%。新建村组道路4公里。\n")
    rep = Report(report_id="r", path="x", content_hash="h", street="柳湾镇", period_covered="2024H1", text=text)
    start = text.index("一、上半年")
    sec = Section(report_id="r", index=0, level=0, heading="一、上半年工作", path=["一、上半年工作"], part="review",
                  start=start, end=len(text))
    got = {(r.label_zh, r.value, r.period) for r in extract_indicators(rep, [sec], [])}
    assert {("固定资产投资", 2.14, "2024M01-M05"), ("固定资产投资", 6.3, "2024M01-M05")} <= got
    assert ("新建村组道路", 4.0, "2024H1") in got  # a count is no economic figure the note speaks of


def test_a_note_on_one_parts_months_leaves_the_other_parts_full_year() -> None:
    from rag.figures.extract import extract_indicators
    from rag.ingest.sections import parse_sections
    from rag.schemas import Report

    text = ("桐溪镇2023年工作总结\n说明：本文第（一）部分所列经济指标，未特别注明的为1-10月数据。\n一、2023年工作回顾\n"
            "（一）经济运行稳中有进。完成一般公共预算收入3150万元，同比增长4.2%。\n"
            "（二）村级经济持续壮大。全镇村集体经济总收入达到862万元，村均27万元。\n")
    rep = Report(report_id="r", path="x", content_hash="h", street="桐溪镇", period_covered="2023", text=text)
    got = {(r.label_zh, r.value, r.period) for r in extract_indicators(rep, parse_sections("r", text), [])}
    assert ("一般公共预算收入", 3150.0, "2023M01-M10") in got
    assert ("村集体经济总收入", 862.0, "2023") in got  # part (二) is not what the note speaks of
    assert ("柚子总产", -9.0, "yoy_growth") in _facts("柚子总产3.1万吨，较上年减产9%。")


def test_a_rate_that_fell_to_after_other_counts_keeps_its_own_name() -> None:
    facts = _facts("全乡累计识别贫困户640户，今年脱贫120户、出列贫困村2个，贫困发生率由2016年底的11.3%降至0.62%。")
    assert {(label, v) for label, v, _ in facts if label == "贫困发生率"} == {("贫困发生率", 11.3), ("贫困发生率", 0.62)}


def test_a_level_raised_from_the_start_of_the_year_is_the_new_level() -> None:
    facts = _facts("辖区重点楼宇入驻率由年初的64.5%提高到78.1%，税收超千万元楼宇达到5栋。")
    assert ("重点楼宇入驻率", 78.1, "actual") in facts
    assert not any(v == 64.5 for _, v, _ in facts), facts  # the level it started from is no figure of the year


def test_hotline_cases_joined_with_a_mailbox_keep_the_hotline_key() -> None:
    rows = _rows("全年受理12345市民热线及区长信箱工单4120件，按时办结率98.8%。")
    assert {r.key for r in rows} == {"hotline_cases"}
    assert {(r.value, r.kind) for r in rows} == {(4120.0, "actual"), (98.8, "completion_rate")}


def test_sectors_listed_by_ordinal_and_crops_within_a_sown_area() -> None:
    facts = _facts("全镇实现地区生产总值12.4亿元，其中第一、二、三产业增加值分别为5.1亿元、3.2亿元、4.1亿元。")
    assert {("第一产业增加值", 5.1, "actual"), ("第二产业增加值", 3.2, "actual"),
            ("第三产业增加值", 4.1, "actual")} <= facts
    assert ("地区生产总值", 5.1, "actual") not in facts  # a sector's figure is never the total's
    assert ("第一产业增加值", 2.6, "actual") in _facts("第一产业增加值2.6亿元。")  # 第一产业 is a name, no rank
    facts = _facts("全镇粮食作物播种面积2.05万公顷，其中玉米1.1万公顷、大豆0.62万公顷。")
    assert {("玉米播种面积", 1.1, "actual"), ("大豆播种面积", 0.62, "actual")} <= facts  # 万公顷 is an area
    assert ("中蜂养殖规模", 3200.0, "actual") in _facts("中蜂养殖规模达到3200群，服务群众1800人。")


def test_a_share_of_the_years_task_or_budget_is_a_completion_rate() -> None:
    facts = _facts("乡镇一般公共预算收入完成72.4万元，为全年任务130万元的55.7%。")
    assert ("乡镇一般公共预算收入", 55.7, "completion_rate") in facts
    facts = _facts("地方一般公共预算收入完成188.2万元，完成年度预算的101.6%。")
    assert ("地方一般公共预算收入", 101.6, "completion_rate") in facts


def test_a_period_opening_a_paragraph_after_its_run_in_heading_holds_to_its_end() -> None:
    rows = _rows("（一）经济指标稳中有进。1-11月，街道完成财政总收入2.2亿元；预计全年财政总收入2.5亿元。"
                 "规模以上工业产值33.6亿元，比增5.2%。")
    assert {(r.value, r.period) for r in rows if r.label_zh == "规模以上工业产值"} == \
        {(33.6, "2023M01-M11"), (5.2, "2023M01-M11")}


def test_a_projects_investment_is_named_by_the_project() -> None:
    facts = _facts("投资5.4亿元的农产品冷链物流园完成主体施工；全年完成投资3.1亿元；大棚葡萄260棚，棚改150户。")
    assert ("农产品冷链物流园投资", 5.4, "actual") in facts  # never the place's own 投资
    assert ("投资", 3.1, "actual") in facts
    assert ("大棚葡萄", 260.0, "actual") in facts  # 棚 counts greenhouses; 棚改 is no count of them


def test_levels_from_a_dated_start_per_village_figures_and_crop_states() -> None:
    rows = _rows("全镇贫困发生率由2015年建档立卡时的9.8%降至0.42%，5个贫困村已于2019年全部出列。")
    assert {(r.label_zh, r.value, r.period) for r in rows} >= {("贫困发生率", 9.8, "2015"), ("贫困发生率", 0.42, "2023"),
                                                              ("贫困村", 5.0, "2019")}
    facts = _facts("48个村集体收入共计1930万元，其中50万元以上的村9个，村均40.2万元。")
    assert ("村均集体收入", 40.2, "actual") in facts  # the income's per-village figure, not the count's
    facts = _facts("原煤稳产2860万吨；全年治理采煤沉陷区3100亩。")
    assert {("原煤产量", 2860.0, "actual"), ("治理采煤沉陷区", 3100.0, "actual")} <= facts
    facts = _facts("荔枝种植面积3.2万亩，受寒潮影响，投产面积减少至2.1万亩；茶园面积1.8万亩，其中投产茶园1.2万亩。")
    assert {("荔枝投产面积", 2.1, "actual"), ("投产茶园面积", 1.2, "actual")} <= facts


def test_a_list_of_expected_goals_is_targets_and_a_level_after_a_rate_is_the_rates_subject() -> None:
    facts = _facts("2025年全镇主要预期目标是：地区生产总值增长6%左右；税收收入3.8亿元；外资到位额900万美元；"
                   "农村居民人均可支配收入增长7%，达到2.96万元。")
    assert {("地区生产总值", 6.0, "target"), ("税收收入", 3.8, "target"), ("外资到位额", 900.0, "target"),
            ("农村居民人均可支配收入", 2.96, "target")} <= facts  # each ；-item, the goals named once before
    assert ("税收收入", 3.8, "actual") in _facts("全年完成税收收入3.8亿元；外资到位额900万美元。")


def test_the_task_amount_before_the_share_done_is_the_target() -> None:
    facts = _facts("1-5月，完成一般公共预算收入4210万元，完成全年任务0.98亿元的43%。")
    assert {("一般公共预算收入", 0.98, "target"), ("一般公共预算收入", 43.0, "completion_rate")} <= facts


def test_sectors_named_short_are_their_value_added() -> None:
    facts = _facts("镇域地区生产总值16.4亿元，其中一产、二产、三产分别为8.1亿元、1.9亿元、6.4亿元。")
    assert {("一产增加值", 8.1, "actual"), ("三产增加值", 6.4, "actual")} <= facts


def test_last_years_level_and_a_bare_change_and_a_plans_opening_review() -> None:
    rows = _rows("全乡粮食总产2.41万吨，比上年的2.32万吨增0.09万吨，增3.9%；新增市场主体800户，净增310户。")
    got = {(r.label_zh, r.value, r.kind, r.period) for r in rows}
    assert {("粮食总产", 2.32, "actual", "2022"), ("粮食总产", 0.09, "yoy_change", "2023")} <= got
    assert not any(r.kind == "yoy_change" and r.value == 310 for r in rows)  # 净增 is a level of its own
    # 预计 inside an earlier ；-part covers only that part; a period there opens nothing
    rows = _rows("其中，完成固定资产投资12.4亿元，预计上半年可完成15亿元；实现限额以上社会消费品零售总额4.1亿元。")
    assert {(r.value, r.kind, r.period) for r in rows if r.value == 4.1} == {(4.1, "actual", "2023")}


def test_a_plan_that_opens_with_last_years_review() -> None:
    from rag.figures.extract import extract_indicators
    from rag.schemas import Report, Section

    text = ("2024年，全镇经济平稳运行。主要指标预计：固定资产投资2.8亿元、增长5.1%。茶叶种植面积1.1万亩。\n"
            "一、主要预期目标\n固定资产投资3.6亿元。\n")
    rep = Report(report_id="r", path="x", content_hash="h", street="柳湾镇", period_covered=None,
                 plan_period="2025", text=text)
    sec = Section(report_id="r", index=0, level=0, heading="(开篇)", path=["(开篇)"], part="plan", start=0,
                  end=len(text))
    got = {(r.label_zh, r.value, r.kind, r.period) for r in extract_indicators(rep, [sec], [])}
    assert {("固定资产投资", 2.8, "estimate", "2024"), ("茶叶种植面积", 1.1, "actual", "2024"),
            ("固定资产投资", 3.6, "target", "2025-plan")} <= got


def test_people_counted_by_the_work_done_for_them() -> None:
    facts = _facts("全面落实困难群众走访制度，累计慰问1.2万人次。开展技能培训9期，培训640人次。组织消防演练，超过3000人参与演练。"
                   "培训820人。")
    assert {("慰问人次", 1.2, "cumulative"), ("技能培训", 640, "actual"), ("参与演练人数", 3000, "actual"),
            ("培训人数", 820, "actual")} <= facts


def test_a_list_closed_by_deng_a_grade_said_once_and_ji_qi() -> None:
    facts = _facts("整治乱摆卖、乱搭建、乱堆放等2.6万宗。建成2个省级和6个市级美丽庭院示范村。"
                   "园区范围及其配套区域共计3.4平方公里纳入重点片区。")
    assert {("整治乱摆卖、乱搭建、乱堆放", 2.6, "actual"), ("省级美丽庭院示范村", 2, "actual"),
            ("市级美丽庭院示范村", 6, "actual"), ("园区范围及其配套区域", 3.4, "actual")} <= facts


def test_a_crops_output_value_a_villages_own_figure_and_full_year_targets_in_a_half_year_plan() -> None:
    facts = _facts("山楂种植面积0.8万亩，产量1.2万吨，实现产值0.9亿元。全镇村集体经济总收入930万元，村均52万元，"
                   "其中柳沟村117万元，居全镇第一。")
    assert {("山楂产值", 0.9, "actual"), ("柳沟村集体经济总收入", 117, "actual")} <= facts
    rows = _rows("下半年，街道将紧盯全年目标任务，确保税收收入完成3.6亿元，固定资产投资完成12亿元。", part="plan",
                 heading="二、下半年工作打算", period="2024H1")
    assert {(r.label_zh, r.period) for r in rows} == {("税收收入", "2024-plan"), ("固定资产投资", "2024-plan")}


def test_asides_ranges_and_villages_banded_by_income() -> None:
    rows = _rows("完成固定资产投资3.3亿元（其中500万元以上项目完成2.6亿元，50至500万元项目完成0.6亿元），"
                 "完成市下达任务3.6亿元的91.7%。全镇12个村集体经济收入总额260万元，其中20万元以上的村5个。"
                 "工业投资占固定资产投资比重提高到48.6%。")
    got = {(r.label_zh, r.value, r.kind) for r in rows}
    assert {("固定资产投资", 3.6, "target"), ("固定资产投资", 91.7, "completion_rate"),
            ("500万元以上项目", 2.6, "actual"), ("村集体经济收入20万元以上的村", 5, "actual")} <= got
    assert not any(r.value == 500 for r in rows)  # a range's bound is no figure
    banded = _rows("全镇村级集体经济总收入410万元，从分布看，30万元至60万元的村8个、60万元以上的村2个。")
    assert {(r.value, r.unit) for r in banded} == {(410, "万元"), (8, "个"), (2, "个")}  # both ends of a band are bounds
    share = next(r for r in rows if r.value == 48.6)
    assert share.kind == "share" and not share.key.startswith("label:")  # a share of a lexicon measure keeps its key


def test_a_crop_made_is_its_output() -> None:
    facts = _facts("全年产干茶1860吨。全乡产鲜薯5.2万吨。")
    assert {("干茶产量", 1860, "actual"), ("鲜薯产量", 5.2, "actual")} <= facts


def test_a_project_named_by_its_investment_keeps_its_own_progress_and_items_keep_their_share() -> None:
    facts = _facts("总投资3.6亿元的镇全民健身中心主体进度超55%。")
    assert ("镇全民健身中心主体进度", 55.0, "actual") in facts
    facts = _facts("今年投用学校5所，提供学位4120座，其中小学3所、提供学位3360座，幼儿园2所、提供学位760座。")
    assert {("小学提供学位", 3360.0, "actual"), ("幼儿园提供学位", 760.0, "actual")} <= facts


def test_a_bare_total_takes_the_subject_named_before_it_and_reach_lists_keep_their_work() -> None:
    facts = _facts("全乡18个村集体经济收入均已超过6万元，全年总收入412万元，村均22.9万元。")
    assert {("村集体经济总收入", 412.0, "actual"), ("村均集体经济总收入", 22.9, "actual")} <= facts
    facts = _facts("整治老旧小区5个，覆盖楼栋38栋、住户1260户。")
    assert {("整治老旧小区覆盖楼栋", 38.0, "actual"), ("整治老旧小区覆盖住户", 1260.0, "actual")} <= facts


def test_a_part_worded_only_by_its_verb_keeps_the_whole_it_belongs_to() -> None:
    facts = _facts("全乡在册农村低保430户790人，其中本年新增纳入18户35人。")
    assert any(label.endswith("新增纳入") and "低保" in label and v == 18.0 for label, v, _ in facts), facts


def test_people_who_took_part_in_what_was_just_counted() -> None:
    assert ("读书分享会参加人次", 860.0, "actual") in _facts("组织读书分享会24场，共计860余人次参加。")


def test_times_placed_and_a_bare_verb_that_repeats_an_earlier_figure() -> None:
    facts = _facts("全年季度考评4次位列全县前三，其中2次排名全县第一。")
    assert {("季度考评位列全县前三", 4.0, "actual"), ("季度考评排名全县第一", 2.0, "actual")} <= facts
    facts = _facts("到9月底累计收购蚕茧820担，全年预计收购900担。")
    assert ("收购蚕茧", 900.0, "estimate") in facts


def test_a_later_year_named_in_a_plan_clause_dates_its_target() -> None:
    rows = _rows("财税收入力争完成1500万元；同时着手2025年春茶生产准备，计划新增茶园面积3600亩。", part="plan",
                 heading="三、第四季度工作安排")
    got = {(r.value, r.period) for r in rows}
    assert (3600.0, "2025-plan") in got and (1500.0, "2024-plan") in got


def test_an_indicator_line_that_opens_with_its_aim_and_then_states_the_result() -> None:
    text = ("——全年税收收入预期目标增长5%。上半年完成2.36亿元，同比增长3.8%，规模达年度目标进度的48.6%。\n"
            "——全年固定资产投资目标36亿元。1-5月完成15.2亿元，同比增长7.1%。预计上半年可完成18.4亿元。\n")
    facts = _facts(text)
    assert {("税收收入", 5.0, "target"), ("税收收入", 2.36, "actual"), ("税收收入", 48.6, "completion_rate"),
            ("固定资产投资", 36.0, "target"), ("固定资产投资", 15.2, "actual"),
            ("固定资产投资", 18.4, "estimate")} <= facts, facts
    assert not any(label.startswith("—") for label, _, _ in facts)
    # a sentence naming its own measure after the line's aim keeps its own
    assert ("新增城镇就业", 860.0, "actual") in _facts("——全年新增城镇就业目标1500人。上半年新增城镇就业860人。")


def test_a_net_rise_on_last_year_is_a_change_and_a_bare_net_rise_a_flow() -> None:
    facts = _facts("农村居民人均可支配收入达到21360元，比上年净增1420元。全年净增市场主体380户。")
    assert ("农村居民人均可支配收入", 1420.0, "yoy_change") in facts, facts
    assert ("净增市场主体", 380.0, "actual") in facts


def test_a_per_village_figure_that_names_its_measure_after_a_band_of_villages() -> None:
    facts = _facts("全镇12个行政村集体经济收入全部超过15万元，其中超过40万元的村5个，村均收入27.4万元。")
    assert ("村均集体经济收入", 27.4, "actual") in facts, facts  # the income the sentence names before


def test_a_period_after_the_measure_and_全年_after_its_subject_are_no_part_of_the_label() -> None:
    facts = _facts("工业开票销售1-10月累计完成36.2亿元。便民服务热线全年受理群众诉求5380件。")
    assert ("工业开票销售", 36.2, "cumulative") in facts, facts
    assert ("便民服务热线受理群众诉求", 5380.0, "actual") in facts, facts
    assert ("税收收入", 2.7, "actual") in _facts("楼宇经济提质增效全年街道税收收入2.7亿元。")  # a run-in heading goes


def test_bare_progress_words_after_a_project_s_first_rate_are_that_project_s() -> None:
    facts = _facts("柳岗片区统筹项目累计签约96.4%，收楼83.1%，拆除61.2%。")
    assert {("柳岗片区统筹项目收楼", 83.1, "cumulative"), ("柳岗片区统筹项目拆除", 61.2, "cumulative")} <= facts, facts
    assert ("开工", 9.0, "actual") in _facts("全年新签约项目12个，开工9个。")  # a noun-ended label lends nothing


def test_points_ahead_of_the_time_schedule_are_a_gap_of_their_own() -> None:
    facts = _facts("前三季度税收收入完成2860万元，占全年任务的77.4%，快于序时进度2.4个百分点。")
    assert ("税收收入快于序时进度", 2.4, "actual") in facts, facts


def test_a_count_after_a_verb_in_a_frame_and_a_teams_size_are_named_by_the_things_after_them() -> None:
    rows = _rows("在成立9个社区调解室的基础上，推动企业成立调解小组21个")
    assert rows[0].label_zh.startswith("社区调解室") and rows[0].value == 9
    team = _rows("组建不少于12人的专业招商团队，开展驻点招商")
    assert [(x.label_zh, x.value, x.unit) for x in team] == [("专业招商团队", 12.0, "人")]


def test_a_change_on_last_year_a_bare_verb_clause_and_parts_of_one_whole() -> None:
    # '…比上年增加2.7万亩': the change of the measure the clause names, never a level of it
    assert ("大豆面积", 2.7, "yoy_change") in _facts("大豆面积比上年增加2.7万亩。")
    assert ("接待游客", -0.6, "yoy_change") in _facts("全年接待游客14万人次，比上年减少0.6万人次。")
    # '…立项36台，年内完工15台': the lifts were completed; the clause before names them
    assert ("加装电梯完工", 15.0, "actual") in _facts("加装电梯立项36台，年内完工15台。")
    assert ("化解矛盾纠纷", 118.0, "actual") in _facts("排查矛盾纠纷125件，化解118件。")
    facts = _facts("全年转移富余劳动力5120人次，其中区内转移4360人次、区外转移760人次。受理群众来访318件次。")
    assert {("区内转移富余劳动力", 4360.0, "actual"), ("区外转移富余劳动力", 760.0, "actual")} <= facts
    assert ("受理群众来访", 318.0, "actual") in facts and {r.unit for r in _rows("受理群众来访318件次。")} == {"件次"}
    # the stock named in full, as the additions before it; a 街道级 part keeps its scope
    assert ("农民专业合作社总数", 83.0, "actual") in _facts("年内新增农民专业合作社6家，全镇合作社总数达到83家。")
    assert ("街道级税收", 1.42, "actual") in _facts("全年完成税收收入5.36亿元，其中街道级税收1.42亿元。")
