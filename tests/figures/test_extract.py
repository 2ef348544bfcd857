"""Indicator store: grounding of every row, the gold thresholds, schema validators."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from rag.corpus import Corpus
from rag.evals.scoring import GoldIndicator, indicator_suite, load_jsonl
from rag.schemas import Indicator
from rag.text.cues import TARGET
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
        if row.kind == "target" and row.part == "review":
            assert TARGET.search(row.evidence.quote)


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
