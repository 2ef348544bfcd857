"""The numeric evaluator: units the tables list, measure words they do not, and units nobody knows."""

from __future__ import annotations

import pytest

from rag.evals.scoring import numeric_match
from rag.schemas import Answer


def _answer(text: str) -> Answer:
    return Answer(question="q", text=text, language="zh", route="passage", mode="offline")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("全年接待游客1.2亿人次。", 1.2, "亿人次"), ("接待游客12000万人次。", 1.2, "亿人次"),
     ("生猪出栏3.5万头。", 3.5, "万头"), ("蔬菜产量2.1万吨。", 21000, "吨")],
)
def test_measure_words_after_multipliers_match(text: str, value: float, unit: str) -> None:
    assert numeric_match(_answer(text), value, unit) == (True, "")


def test_unknown_unit_fails_the_case_without_raising() -> None:
    ok, reason = numeric_match(_answer("全长3.5公里。"), 3.5, "furlongs")
    assert not ok and "unknown unit 'furlongs'" in reason
