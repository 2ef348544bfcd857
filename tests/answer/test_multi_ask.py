"""Questions that ask for two figures are answered one figure each, in the order asked."""

from __future__ import annotations

from rag.answer.asks import split_asks


def test_each_form_splits_into_one_question_per_item_with_place_and_period() -> None:
    asks = split_asks("河湾镇2024年计划新增托位和养老床位各多少个？", ["河湾镇"])
    assert asks == ["河湾镇2024年计划新增托位多少个？", "河湾镇2024年计划养老床位多少个？"]


def test_shared_suffix_is_expanded_and_place_names_with_conjunctions_survive() -> None:
    asks = split_asks("和平街道2023年城镇和农村居民人均可支配收入分别是多少？", ["和平街道"])
    assert asks == ["和平街道2023年城镇居民人均可支配收入多少？", "和平街道2023年农村居民人均可支配收入多少？"]


def test_two_questions_in_one_and_single_asks() -> None:
    assert split_asks("山前街道上半年走访企业多少家？解决问题多少个？") == ["山前街道上半年走访企业多少家？", "解决问题多少个？"]
    assert split_asks("哪个街道土地入库最多？") == []
    assert split_asks("山前街道2023年固定资产投资是多少？") == []
