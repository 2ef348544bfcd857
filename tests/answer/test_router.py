"""Router: phrase, places (known / unknown / look-alike), period codes, intents, kinds, follow-ups."""

from __future__ import annotations

import pytest

from rag.answer.router import period_of, route
from rag.schemas import ReportMeta

METAS = [
    ReportMeta(report_id="a", path="a", content_hash="a", street="青石街道", district="东丰区"),
    ReportMeta(report_id="b", path="b", content_hash="b", street="云岭街道", district="西江区"),
    ReportMeta(report_id="c", path="c", content_hash="c", street="桃溪镇", district="南山县"),
]


def test_phrase_place_period_kind() -> None:
    r = route("青石街道2023年一般公共预算收入同比增长多少？", METAS)
    assert r.places == ["青石街道"] and r.period == "2023" and r.kind == "yoy_growth"
    assert r.phrase == "一般公共预算收入" and r.intent == "lookup" and not r.unknown_places


@pytest.mark.parametrize(("q", "code"), [("2022年财政收入", "2022"), ("2024年上半年税收", "2024H1"),
                                         ("2024年1-6月税收", "2024M01-M06"), ("上半年税收", "H1"),
                                         ("1-9月税收", "M01-M09"), ("税收", None)])
def test_period_codes(q: str, code: str | None) -> None:
    assert period_of(q) == code


def test_unknown_place_and_look_alikes() -> None:
    assert route("白沙镇2023年财政总收入是多少", METAS).unknown_places == ["白沙镇"]
    r = route("云岭镇的财政总收入是多少", METAS)  # the corpus has 云岭街道, not 云岭镇
    assert r.places == [] and r.unknown_places == ["云岭镇"]
    r = route("北河县桃溪镇的财政总收入是多少", METAS)  # a 桃溪镇 of another county
    assert r.places == [] and r.unknown_places == ["北河县桃溪镇"]
    assert route("南山县桃溪镇的财政总收入是多少", METAS).places == ["桃溪镇"]
    assert route("青石的财政总收入是多少", METAS).places == ["青石街道"]
    assert route("推进乡村振兴项目有多少个", METAS).unknown_places == []


def test_intents() -> None:
    assert route("哪个街道的一般公共预算收入最高", METAS).intent == "rank"
    assert route("哪个街道的一般公共预算收入最高", METAS).phrase == "一般公共预算收入"
    assert route("青石街道近三年税收收入的变化", METAS).intent == "trend"
    r = route("从2022年到2023年青石街道税收收入怎么变化", METAS)
    assert r.intent == "trend" and r.years == [2022, 2023] and r.period is None
    assert route("青石街道2023年财政总收入预计是多少", METAS).kind == "estimate"
    assert route("青石街道2024年财政总收入的目标是多少", METAS).kind == "target"
    assert route("青石街道2022年税收同比变化了多少", METAS).intent == "lookup"


def test_english() -> None:
    r = route("How many new enterprises were registered in Qingshi in 2023?", METAS)
    assert r.language == "en" and r.places == ["青石街道"] and r.period == "2023"
    assert "enterprises" in r.phrase and "registered" in r.phrase


def test_follow_ups_inherit() -> None:
    first = route("青石街道2023年财政总收入是多少", METAS)
    r = route("那2022年呢？", METAS, first)
    assert r.places == ["青石街道"] and r.period == "2022" and r.phrase == "财政总收入" and r.intent == "lookup"
    r = route("云岭街道呢", METAS, first)
    assert r.places == ["云岭街道"] and r.period == "2023" and r.phrase == "财政总收入"
    r = route("同比增长多少？", METAS, first)
    assert r.kind == "yoy_growth" and r.phrase == "财政总收入" and r.places == ["青石街道"]


def test_completion_rate_questions_in_several_wordings() -> None:
    from rag.answer.router import kind_asked

    for q in ("河湾镇固定资产投资完成年度目标的比例是多少？", "河湾镇1-9月税收占全年任务的比例是多少？",
              "What share of its annual investment target did Hewan town reach?",
              "Which town was further along its annual budget-revenue task, Hewan or Shiqiao?"):
        assert kind_asked(q) == "completion_rate", q
    assert kind_asked("河湾镇2024年固定资产投资目标是多少？") == "target"


def test_a_length_of_time_asked_is_its_measure_word() -> None:
    from rag.answer.router import measure_fits, measure_word

    assert measure_word("反馈时限缩短到了几个工作日？") == "工作日" and measure_word("已经连续几年排名第一？") == "年"
    assert measure_word("近几年税收增长了多少？") is None and measure_word("几年来新增了多少家企业？") == "家"
    assert measure_fits("工作日", "个工作日") and not measure_fits("年", "亿元")


def test_a_percentage_of_the_task_asks_a_completion_rate() -> None:
    from rag.answer.router import kind_asked

    assert kind_asked("某乡2021年财政总收入完成年度任务的百分比是多少？") == "completion_rate"


def test_expected_under_a_plan_is_the_plan_target_and_expected_alone_an_estimate() -> None:
    from rag.answer.router import kind_asked

    assert kind_asked("How many beds is the new clinic expected to add under the town's 2025 plan?") == "target"
    assert kind_asked("What was the town's expected full-year tax revenue for 2024?") == "estimate"


def test_a_scope_level_and_a_year_end_stay_out_of_and_in_the_phrase() -> None:
    from rag.answer.router import indicator_phrase

    assert "town-level" in indicator_phrase("How much revenue did Qingshi keep at town level in 2023?", [], "en")
    assert indicator_phrase("到2024年底，青石街道重点楼宇入驻率达到多少？", [], "zh").startswith("青石街道重点楼宇")


def test_durations_in_english_names_in_quotes_and_amounts_over_last_year() -> None:
    from rag.answer.router import measure_word

    assert measure_word("How many years in a row has the station won the title?") == "年"
    assert measure_word("连续几个季度排名全区第一？") == "季度"
    assert route("How many kilometres of drains did Baisha town dredge in 2023?", ["白沙镇"]).unit_hint == "m"
    assert route("柳湾镇实施“青苗计划”，累计培养了多少名后备干部？", ["柳湾镇"]).kind == "actual"  # a name, not a plan
    assert route("By how much did Baisha town's tax revenue for January–June exceed the same period a year earlier?",
                 ["白沙镇"]).kind == "yoy_change"


def test_averages_spelled_out_amounts_in_english_and_above_quota() -> None:
    assert route("2024年柳湾镇各村（社区）集体经济收入平均每村多少？", ["柳湾镇"]).phrase == "村均集体经济收入"
    assert route("柳湾镇每户平均收入多少？", ["柳湾镇"]).phrase == "户均收入"
    assert "100万元" in route("How many villages in Liuwan earned over 1 million yuan in collective income?",
                              ["柳湾镇"]).phrase
    assert "50万元" in route("What share of villages had income above 500,000 yuan?", ["柳湾镇"]).phrase
    r = route("By how much did above-quota retail sales grow in Liuwan town (柳湾镇) in 2023?", ["柳湾镇"])
    assert r.kind == "yoy_growth"
    assert route("柳湾镇红枣总产比上年减产了百分之几？", ["柳湾镇"]).kind == "yoy_growth"


def test_a_share_that_came_from_a_part_asks_the_part() -> None:
    r = route("In 2023, what share of Liuwan town's tax revenue came from its key office buildings?", ["柳湾镇"])
    assert r.kind == "share" and r.phrase.startswith("key office buildings") and not r.keys


def test_a_gap_to_the_average_asks_that_gap() -> None:
    assert route("By how many percentage points did Liuwan's services revenue growth beat the district average?",
                 ["柳湾镇"]).kind == "actual"
    assert route("柳湾镇服务业营业收入增幅高于全区平均几个百分点？", ["柳湾镇"]).kind == "actual"


def test_weights_prices_budgets_and_crops_asked() -> None:
    from rag.answer.router import WHICH_YEAR, indicator_phrase, kind_asked, unit_hint

    assert unit_hint("How many kilograms of cocoons did the town produce?") == "t"
    assert unit_hint("How many tonnes of tea did it turn out?") == "t"
    assert unit_hint("What was the average purchase price per kilogram of tobacco?") != "t"
    assert kind_asked("By what percentage did the town fulfil its 2023 budget for general public budget revenue?") \
        == "completion_rate"
    assert WHICH_YEAR.search("青石镇2022年和2023年，哪一年冬季蔬菜种植面积更大？")
    assert indicator_phrase("青石镇2023年玉米种了多少亩？", [], "zh").endswith("玉米种植面积")


def test_a_measure_named_after_what_asks_a_figure() -> None:
    from rag.text.cues import NUMBER_QUESTION

    assert NUMBER_QUESTION.search("What annual trading volume did the park achieve in 2023?")
    assert NUMBER_QUESTION.search("What share of its task had the town met by June?")


def test_aims_rates_areas_and_amounts_asked_in_english_and_a_task_done() -> None:
    from rag.answer.router import kind_asked, unit_hint

    assert kind_asked("What tax revenue is the town aiming for in 2025?") == "target"
    assert kind_asked("青石镇有几个薄弱村完成了补强任务？") == "actual"  # 完成…任务 is a result
    assert unit_hint("What response and satisfaction rates is the town aiming for?") == "percent"
    assert unit_hint("How large was the town's fish-farming area in 2023?") == "m2"
    assert unit_hint("What rural per-capita disposable income is the town aiming for in 2025?") == "CNY"
    assert unit_hint("What was the growth of rural income in 2024?") != "CNY"


def test_per_village_words_name_no_village() -> None:
    from rag.answer.places import sub_places

    assert sub_places("2024年青石镇各村（社区）集体经济收入平均每村多少？", ["青石镇"]) == []
    assert sub_places("青石镇石门村2023年的集体收入是多少？", ["青石镇"]) == ["石门村"]


def test_periods_up_to_a_day_and_prices_asked() -> None:
    from rag.answer.router import kind_asked, route

    assert route("截至2019年9月底青石镇收购了多少担烟叶？", ["青石镇"]).period == "2019M01-M09"
    r = route("What average price had Qingshi town paid for tobacco leaf by 30 September 2019?", ["青石镇"])
    assert r.period == "2019M01-M09" and r.unit_hint == "CNY" and "30" not in r.phrase
    assert kind_asked("青石镇2024年固定资产投资预计增长多少？") == "yoy_growth"


def test_a_crop_grown_is_no_growth_and_counted_people_or_households_set_the_measure() -> None:
    from rag.answer.router import kind_asked, measure_word

    assert kind_asked("How much mugwort did Shiqiao town grow in 2022?") == "actual"
    assert kind_asked("By how much did Shiqiao town's budget revenue grow in 2022?") == "yoy_growth"
    assert measure_word("石桥镇有多少贫困人口实现脱贫？") == "人"
    assert measure_word("石桥镇下辖多少个村民小组？") != "人"
    assert measure_word("How many households did the renovation in Shiqiao town cover?") == "户"
    assert measure_word("How many residents' requests did Shiqiao resolve?") != "人"


def test_which_per_village_figure_an_expected_figure_and_an_export_value() -> None:
    from rag.answer.router import kind_asked, route, unit_hint

    r = route("石桥镇、枫岙镇和桐溪镇，哪个村均集体经济收入最高？", [])
    assert r.intent == "rank" and "村均" in r.phrase  # 村均 is a measure, not 'which village'
    assert kind_asked("What full-year 2024 tax take did Shiqiao town expect?") == "estimate"
    assert unit_hint("石桥镇2023年茶叶出口额是多少？") == "CNY"


def test_times_the_task_asks_a_completion_rate() -> None:
    from rag.answer.router import kind_asked, route

    assert kind_asked("石桥镇2023年招引项目数量是区下达年度任务的几倍？") == "completion_rate"
    assert route("石桥镇2023年招引项目的落地产值是镇下达年度任务的几倍？", []).phrase.endswith("落地产值")


def test_money_asked_in_units_of_a_hundred_million_and_the_words_of_a_final_figure() -> None:
    from rag.text.cues import FINAL_ONLY

    r = route("栖梧街道2023年社零总额有多少个亿？", [])
    assert r.unit_hint == "CNY" and "亿" not in r.phrase, r
    assert route("栖梧街道2023年签约了几个亿元以上项目？", []).unit_hint == "count"
    assert FINAL_ONLY.search("2021年烟叶实际收购了多少担？")
    assert not FINAL_ONLY.search("2023年实际利用外资多少万美元？")  # the indicator's own name
    assert route("槐溪镇一年生产多少对竹编灯笼？", []).measure_word == "对"


def test_how_far_a_result_has_come_towards_its_aim_is_a_completion_rate() -> None:
    assert route("栖梧街道上半年税收规模达到年度目标进度的多少？", []).kind == "completion_rate"


def test_the_year_of_a_task_asks_no_whole_year() -> None:
    from rag.text.cues import WHOLE_YEAR

    assert not WHOLE_YEAR.search("2022年固定资产投资完成了全年任务的百分之多少？")
    assert WHOLE_YEAR.search("2022年全年固定资产投资完成多少？")


def test_targeting_asks_a_target_and_a_quoted_name_with_and_asks_one_thing() -> None:
    r = route("How many new 'green and low-carbon' (绿色低碳) firms is Qiwu targeting for 2025?", [])
    assert r.kind == "target" and r.also_kind is None, r


def test_how_many_points_ahead_of_schedule_asks_a_percentage_gap() -> None:
    r = route("栖梧镇前三季度税收收入快于序时进度几个百分点？", [])
    assert r.unit_hint == "percent" and r.kind == "actual", r
