"""The numeric evaluator: units the tables list, measure words they do not, and units nobody knows."""

from __future__ import annotations

import pytest

from rag.evals.scoring import Fact, numeric_match
from rag.schemas import Answer, TableRow


def _answer(text: str) -> Answer:
    return Answer(question="q", text=text, language="zh", route="passage", mode="offline")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("全年接待游客1.2亿人次。", 1.2, "亿人次"), ("接待游客12000万人次。", 1.2, "亿人次"),
     ("生猪出栏3.5万头。", 3.5, "万头"), ("蔬菜产量2.1万吨。", 21000, "吨"),
     ("年末牲畜存栏4.2万头。", 4.2, "万头（只、匹）")],  # an aside on what the unit counts too
)
def test_measure_words_after_multipliers_match(text: str, value: float, unit: str) -> None:
    assert numeric_match(_answer(text), value, unit) == (True, "")


def test_unknown_unit_fails_the_case_without_raising() -> None:
    ok, reason = numeric_match(_answer("全长3.5公里。"), 3.5, "furlongs")
    assert not ok and "unknown unit 'furlongs'" in reason


def test_an_approximate_label_is_matched_at_the_precision_it_is_printed_with() -> None:
    answer = _answer("平均每户约3.42人(计算值:41人÷12户)。")
    assert not numeric_match(answer, 3.4, "人")[0]  # a stated figure is matched exactly
    assert numeric_match(answer, 3.4, "人", approximate=True) == (True, "")  # '约3.4人': one decimal printed
    assert not numeric_match(_answer("平均每户约3.51人。"), 3.4, "人", approximate=True)[0]
    assert numeric_match(_answer("约4.318亿元。"), 4.32, "亿元", approximate=True) == (True, "")


# ---- the strict judge: headline figure, wrong vs declined ------------------------------------------------
def _fact(**kw: object) -> Fact:
    base = {"id": "t-1", "doc": "a.txt", "street": "甲镇", "period": "2023", "question": "q", "lang": "zh",
            "type": "lookup", "answer_value": 12.4, "answer_unit": "%", "streets": ["甲镇"]}
    return Fact.model_validate(base | kw)


def test_the_figure_must_be_the_headline_not_somewhere_in_a_quote() -> None:
    from rag.evals.scoring import judge

    dump = _answer("甲镇:全年财政总收入15.2亿元,同比增长9.8%。一般公共预算收入7.1亿元,同比增长12.4%。")
    assert judge(_fact(), dump, {})[0] == "wrong"
    first = _answer("甲镇2023年一般公共预算收入同比增长12.4%[1]。")
    assert judge(_fact(), first, {})[0] == "correct"


def test_declining_is_not_wrong_and_a_figure_for_an_unanswerable_question_is() -> None:
    from rag.evals.scoring import judge

    declined = Answer(question="q", text="报告中未找到甲镇关于“地区生产总值”的总量,只给出增速9%。", language="zh",
                      route="abstain", mode="offline")
    assert judge(_fact(), declined, {})[0] == "declined"
    unanswerable = _fact(type="unanswerable", answer_value=None, answer_unit=None)
    assert judge(unanswerable, declined, {})[0] == "correct"
    assert judge(unanswerable, _answer("甲镇地区生产总值增长9%[1]。"), {})[0] == "wrong"


def test_comparison_winner_may_be_a_town() -> None:
    from rag.evals.scoring import judge

    fact = _fact(type="comparison", answer_value=3.5, answer_unit="亿元", streets=["甲镇", "乙街道"],
                 answer_text="甲镇最多,3.5亿元")
    right = _answer("甲镇最多:3.5亿元(2023年)[1]。其次是乙街道:2亿元[2]。")
    assert judge(fact, right, {})[0] == "correct"
    wrong = right.model_copy(update={"table": [TableRow(rank=1, street="乙街道", display="3.5亿元")]})
    assert judge(fact, wrong, {})[0] == "wrong"


def test_an_english_labelled_winner_is_read_by_its_pinyin() -> None:
    from rag.evals.scoring import judge

    # 'Guanhu: …; XX: …' names the winner in pinyin and the other place by a Latin short name of its own
    fact = _fact(type="comparison", answer_value=52, answer_unit="家", streets=["观湖街道", "XX街道"], lang="en",
                 answer_text="Guanhu: 52 national high-tech enterprises; XX: 40")
    right = _answer("Guanhu Subdistrict reported the highest: 52 (52家) [1]. Runner-up: XX Subdistrict with 40 [2].")
    right = right.model_copy(update={"table": [TableRow(rank=1, street="观湖街道", display="52家")]})
    assert judge(fact, right, {})[0] == "correct"
    # a pinyin the answer text spells otherwise (a place whose name has two readings): the Chinese decides
    fact = _fact(type="comparison", answer_value=3.5, answer_unit="亿元", streets=["甲镇", "乙街道"], lang="en",
                 answer_text="Jiazhen (甲镇), 3.5亿元")
    town = _answer("Jia Town reported the highest: CNY 350 million (3.5亿元) [1].")
    assert judge(fact, town.model_copy(update={"table": [TableRow(rank=1, street="甲镇", display="3.5亿元")]}),
                 {})[0] == "correct"


def test_a_ranking_that_asks_for_second_place_is_won_by_the_place_in_second() -> None:
    from rag.evals.scoring import judge

    fact = _fact(type="comparison", answer_value=2.0, answer_unit="亿元", streets=["甲镇", "乙街道", "丙镇"],
                 question="三地里固投排第二的是哪个？", answer_text="乙街道排第二,2亿元")
    table = [TableRow(rank=1, street="甲镇", display="3.5亿元"), TableRow(rank=2, street="乙街道", display="2亿元")]
    second = _answer("排第2的是乙街道:2亿元[2]。甲镇最多:3.5亿元[1]。").model_copy(update={"table": table})
    assert judge(fact, second, {})[0] == "correct"
    top = _answer("乙街道:2亿元[2]。").model_copy(update={"table": [TableRow(rank=2, street="甲镇", display="2亿元")]})
    assert judge(fact, top, {})[0] == "wrong"


def test_wrong_rate_bound_is_a_maximum(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rag.evals.scoring import check_thresholds, load_thresholds

    path = tmp_path / "t.json"
    path.write_text('{"qa.accuracy": 0.5, "qa.wrong_rate": {"max": 0.05}}', encoding="utf-8")
    bounds = load_thresholds(path)
    assert check_thresholds({"qa": {"accuracy": 0.9, "wrong_rate": 0.02}}, bounds) == []
    assert len(check_thresholds({"qa": {"accuracy": 0.4, "wrong_rate": 0.2}}, bounds)) == 2


def test_a_stated_position_counts_as_its_ordinal() -> None:
    from rag.evals.scoring import headline_figures
    from rag.schemas import Answer

    def figs(text: str) -> list[tuple[float, str]]:
        return headline_figures(Answer(question="q", text=text, language="zh", route="indicator", mode="offline"))

    assert (3.0, "count") in figs("甲镇:在全县考评中排名第三位[1]。")
    assert (2.0, "count") in figs("Jia Town ranked 2nd: “…” [1].")
    assert figs("甲镇2023年第一季度地区生产总值3亿元。") == [(3e8, "CNY")]


def test_a_price_per_unit_is_read_in_its_money_unit() -> None:
    assert numeric_match(_answer("蜜桔收购均价每斤2.1元。"), 2.1, "元/斤") == (True, "")


def test_a_position_stated_as_first_place_in_words_scores_as_first() -> None:
    from rag.evals.scoring import headline_figures
    from rag.schemas import Answer

    a = Answer(question="q", text="青沙街道:纳管患者人数位居全区首位[1]。", language="zh", route="indicator", mode="offline")
    assert (1.0, "count") in headline_figures(a)
