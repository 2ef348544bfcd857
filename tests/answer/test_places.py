"""Places in questions: same-named towns told apart by the county, city or province words next to them.

Invented places and figures: two 柳塘镇, one in 丰溪县 (云安市, 南江省), one in 隆水县 (白石市, 东湖省).
"""

from __future__ import annotations

import pytest

from rag.answer.figures import indicator_answer
from rag.answer.passages import Context, passage_filters
from rag.answer.places import resolve_places
from rag.answer.router import route
from rag.schemas import ReportMeta
from tests.answer.figure_rows import row


def _meta(rid: str, street: str, district: str, city: str | None = None, province: str | None = None) -> ReportMeta:
    return ReportMeta(report_id=rid, path=f"{rid}.txt", content_hash=rid, street=street, district=district,
                      city=city, province=province, period_covered="2023")


METAS = [_meta("fx", "柳塘镇", "丰溪县", "云安市", "南江省"), _meta("ls", "柳塘镇", "隆水县", "白石市", "东湖省"),
         _meta("qs", "青石街道", "东丰区", "北河市", "南江省"), _meta("tx", "桃溪镇", "南山县")]
ROWS = [row("柳塘镇", "2023", "税收收入", 3.1, rid="fx"), row("柳塘镇", "2023", "税收收入", 4.7, rid="ls"),
        row("青石街道", "2023", "税收收入", 2.2, rid="qs")]
CTX = Context(reports=METAS, indicators=lambda key, kind: [], search=lambda q, k, f, per: [],
              rows=lambda place: [r for r in ROWS if place is None or r.street == place])


@pytest.mark.parametrize(("question", "county"), [
    ("丰溪县柳塘镇2023年税收收入是多少？", "丰溪县"),
    ("丰溪柳塘镇2023年税收收入是多少？", "丰溪县"),  # county without 县
    ("隆水县的柳塘镇2023年税收收入是多少？", "隆水县"),
    ("南江丰溪的柳塘镇2023年税收收入是多少？", "丰溪县"),  # province short name + county short name
    ("东湖省白石市隆水县柳塘镇2023年税收收入是多少？", "隆水县"),
    ("白石柳塘镇2023年税收收入是多少？", "隆水县"),  # the city alone is enough
    ("柳塘镇（丰溪县）2023年税收收入是多少？", "丰溪县"),
])
def test_chinese_county_city_and_province_forms_pick_one_twin(question: str, county: str) -> None:
    r = route(question, METAS)
    assert r.places == ["柳塘镇"] and r.districts == [county] and r.place_counties == {"柳塘镇": [county]}
    assert r.phrase == "税收收入" and not r.unknown_places


@pytest.mark.parametrize(("question", "county"), [
    ("What was the tax revenue of Liutang town (Fengxi County) in 2023?", "丰溪县"),
    ("What was the tax revenue of Liutang town, Fengxi County in 2023?", "丰溪县"),
    ("What was the tax revenue of Liutang town in Longshui County in 2023?", "隆水县"),
    ("What was the tax revenue of Liutang (Longshui) in 2023?", "隆水县"),
    ("What was Liutang town (Longshui County)'s tax revenue in 2023?", "隆水县"),
    ("What was Longshui County's Liutang town tax revenue in 2023?", "隆水县"),
    ("What was the tax revenue of Liutang town, Baishi City in 2023?", "隆水县"),
])
def test_english_county_forms_pick_one_twin(question: str, county: str) -> None:
    r = route(question, METAS)
    assert r.places == ["柳塘镇"] and r.districts == [county] and not r.unknown_places
    assert r.phrase == "tax revenue"


def test_the_picked_twin_answers_with_its_own_figure_only() -> None:
    for q in ("丰溪柳塘镇2023年税收收入是多少？", "What was the tax revenue of Liutang town (Fengxi County) in 2023?"):
        a = indicator_answer(q, route(q, METAS), CTX)
        assert a is not None and "3.1" in a.text and "4.7" not in a.text, a.text
        assert {c.report_id for c in a.citations} == {"fx"}
    q = "隆水县的柳塘镇2023年税收收入是多少？"
    a = indicator_answer(q, route(q, METAS), CTX)
    assert a is not None and "4.7" in a.text and "3.1" not in a.text


@pytest.mark.parametrize("question", [
    "柳塘镇2023年税收收入是多少？",  # no county at all
    "东湖丰溪的柳塘镇2023年税收收入是多少？",  # province of one twin, county of the other
    "西岭县柳塘镇2023年税收收入是多少？",  # a county neither twin is in
    "湖北柳塘镇2023年税收收入是多少？",  # a province neither twin is in
    "What was the tax revenue of Liutang town (Xiling County) in 2023?",
    "What was the tax revenue of Liutang town in 2023?",
])
def test_words_that_match_no_twin_never_pick_one(question: str) -> None:
    r = route(question, METAS)
    assert r.places == ["柳塘镇"] and r.districts == [] and r.place_counties == {}
    a = indicator_answer(question, r, CTX)
    assert a is not None and a.route == "abstain" and "3.1" not in a.text and "4.7" not in a.text


def test_both_twins_named_are_two_places_never_one_merged_figure() -> None:
    for q in ("南江丰溪的柳塘镇和东湖隆水的柳塘镇，哪个的税收收入更高？",
              "Which had the higher tax revenue, Liutang town (Fengxi County) or Liutang town (Longshui County)?"):
        r = route(q, METAS)
        assert r.places == ["柳塘镇"] and r.place_counties == {"柳塘镇": ["丰溪县", "隆水县"]}
        assert r.intent == "rank" and r.districts == []  # the figure route keys places by name: it asks
        a = indicator_answer(q, r, CTX)
        assert a is not None and a.route == "abstain" and "3.1" not in a.text and "4.7" not in a.text


def test_other_places_keep_their_rows_next_to_a_picked_twin() -> None:
    r = route("丰溪县柳塘镇和青石街道2023年的税收收入哪个高？", METAS)
    assert r.places == ["青石街道", "柳塘镇"] and r.districts == ["东丰区", "丰溪县"]
    a = indicator_answer("丰溪县柳塘镇和青石街道2023年的税收收入哪个高？", r, CTX)
    assert a is not None and "3.1" in a.text and "2.2" in a.text and "4.7" not in a.text


def test_a_county_that_admits_the_other_twin_is_not_added() -> None:
    metas = [*METAS, _meta("hw", "河湾镇", "隆水县", "白石市", "东湖省")]  # 河湾镇 shares 隆水县 with a 柳塘镇
    r = route("丰溪县柳塘镇和河湾镇的税收收入哪个高？", metas)
    assert r.districts == ["丰溪县"]  # 河湾镇 then has no rows (未报告) rather than letting 隆水县's 柳塘镇 in


def test_unique_place_with_another_county_is_not_in_the_corpus() -> None:
    assert route("北河县桃溪镇的税收收入是多少", METAS).unknown_places == ["北河县桃溪镇"]
    assert route("湖北桃溪镇的税收收入是多少", METAS).unknown_places == ["湖北桃溪镇"]
    r = route("What was the tax revenue of Taoxi town (Beihe County)?", METAS)
    assert r.places == [] and r.unknown_places == ["Taoxi town (Beihe County)"]
    r = route("What was the tax revenue of Taoxi town (Nanshan County)?", METAS)
    assert r.places == ["桃溪镇"] and r.districts == [] and not r.unknown_places


def test_follow_up_keeps_the_picked_twin() -> None:
    first = route("丰溪县柳塘镇2023年税收收入是多少？", METAS)
    r = route("那2022年呢？", METAS, first)
    assert r.places == ["柳塘镇"] and r.districts == ["丰溪县"] and r.place_counties == {"柳塘镇": ["丰溪县"]}


def test_passage_search_is_limited_to_the_picked_county() -> None:
    r = route("丰溪县柳塘镇的产业发展情况怎么样？", METAS)
    assert passage_filters(r, None).districts == ["丰溪县"]


def test_mention_spans_include_county_words_once() -> None:
    q = "南江丰溪的柳塘镇税收收入"
    found = resolve_places(q, ["柳塘镇"], METAS)
    assert [q[s:e] for s, e in found.spans] == ["南江丰溪的柳塘镇"]


def test_phrases_ending_in_a_division_word_are_not_unknown_places() -> None:
    from rag.answer.router import route

    metas = [ReportMeta(report_id="a", path="a", content_hash="a", street="梅林街道", district="东山区")]
    for q in ("梅林街道重点楼宇税收占街道税收收入的比重是多少？", "梅林街道2024年接诉即办成绩在全区街镇中排第几？",
              "梅林街道前三季度城镇居民人均可支配收入是多少？"):
        r = route(q, metas)
        assert r.places == ["梅林街道"] and not r.unknown_places, (q, r.unknown_places)
    assert route("白石镇2023年地区生产总值是多少？", metas).unknown_places == ["白石镇"]


def test_the_word_chengzhen_is_not_a_place() -> None:
    from rag.answer.router import route

    metas = [ReportMeta(report_id="a", path="a", content_hash="a", street="梅林街道")]
    r = route("梅林街道2024年上半年新增城镇就业多少人？", metas)
    assert r.places == ["梅林街道"] and not r.unknown_places


def test_the_word_chengzhen_is_no_place_and_keeps_its_words() -> None:
    from rag.answer.router import route

    r = route("柏林街道2024年全年新增城镇就业的目标是多少人？", ["柏林街道"])
    assert r.places == ["柏林街道"] and not r.unknown_places and "城镇就业" in r.phrase


def test_either_reading_of_a_polyphonic_character_names_the_place() -> None:
    from rag.answer.router import route

    assert route("What was the net increase in market entities in Boyuan sub-district in 2024?", ["柏苑街道"]).places == [
        "柏苑街道"]
    assert route("What was the net increase in market entities in Boyuan sub-district in 2024?",
                 ["柏苑街道"]).kind == "actual"


def test_a_scope_word_after_the_place_and_bodies_named_by_sub_place_words() -> None:
    from rag.answer.places import sub_places
    from rag.answer.router import route

    r = route("柳湾镇镇级一般公共预算收入增速在全县排第几？", ["柳湾镇"])
    assert r.places == ["柳湾镇"] and not r.unknown_places and r.phrase.startswith("镇级")
    assert sub_places("柳湾镇开展社区“两委”换届培训，累计培训多少人？", ["柳湾镇"]) == []
    assert sub_places("柳湾镇东坪村村干部有多少人？", ["柳湾镇"]) == ["东坪村"]


def test_a_place_under_a_named_province_and_county_is_still_a_place_asked() -> None:
    from rag.answer.router import route

    r = route("甘肃省临洮县柳湾镇2023年粮食产量是多少？", ["禾塘镇"])
    assert not r.places and r.unknown_places and r.unknown_places[0].endswith("柳湾镇")
    r = route("广西壮族自治区某县柳湾镇粮食产量是多少？", ["禾塘镇"])
    assert r.unknown_places and r.unknown_places[0].endswith("柳湾镇")
