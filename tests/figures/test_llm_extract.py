"""LLM-assisted extraction: validated, grounded, merged under the rule results."""

from __future__ import annotations

from pathlib import Path

from rag.corpus import Corpus
from rag.figures.llm_extract import LLMFigure, LLMFigures
from tests.conftest import make_settings
from tests.support.fake_backend import FakeBackend

REPORT = (
    "青溪街道2023年工作总结\n一、2023年工作总结\n"
    "(一)经济运行稳中有进。全年地区生产总值123.4亿元,同比增长5.6%。财政方面实现税款收入9.9亿元。"
    "辖区绿道建设持续推进,完成率达到百分之百。\n"
)


def _corpus(tmp_path: Path, fake: FakeBackend) -> tuple[Corpus, str]:
    src = tmp_path / "report.txt"
    src.write_text(REPORT, encoding="utf-8")
    corpus = Corpus(make_settings(tmp_path / "d"), backend=fake)
    result = corpus.ingest([src])[0]
    assert result.ok, result.message
    return corpus, str(result.report_id)


def test_llm_figures_are_grounded_and_never_replace_rule_rows(tmp_path: Path) -> None:
    fake = FakeBackend()
    corpus, rid = _corpus(tmp_path, fake)
    before = corpus.indicators()
    gdp_rule = next(i for i in before if i.key == "gdp" and i.kind == "actual")
    fake.enqueue(LLMFigures(indicators=[
        LLMFigure(key="gdp", value=123.4, unit="亿元", kind="actual", quote="全年地区生产总值123.4亿元"),
        LLMFigure(key="tax_revenue", value=9.9, unit="亿元", kind="actual", quote="财政方面实现税款收入9.9亿元"),
        LLMFigure(key="tax_revenue", value=99.0, unit="亿元", kind="actual", quote="财政方面实现税款收入9.9亿元"),
        LLMFigure(key="pm25", value=20.0, unit="微克/立方米", kind="actual", quote="PM2.5年均浓度20微克/立方米"),
        LLMFigure(key="made_up_key", value=5.6, unit="%", kind="yoy_growth", quote="同比增长5.6%"),
    ]))
    corpus.enrich_indicators([rid])
    after = corpus.indicators()
    text = corpus.report_text(rid)
    assert [i for i in after if i.key == "gdp" and i.kind == "actual"] == [gdp_rule], "the rule row stays, untouched and single"
    assert all(r in after for r in before), "rule rows are never relabelled or dropped"
    assert not [i for i in after if i.key == "tax_revenue"], "税款收入 is not named 税收收入: the label check drops it"
    assert all(text[i.evidence.start : i.evidence.end] == i.evidence.quote for i in after)
    assert not any(i.key == "pm25" or i.value == 99.0 for i in after), "ungrounded figures are dropped"
    assert len(after) <= len(before) + 1
    assert fake.history and fake.history[0]["prompt_id"] == "extract_indicators.v1"
    assert "<<<REPORT_DATA" in fake.history[0]["messages"][-1]["content"]


def test_failing_model_keeps_the_rule_rows(tmp_path: Path) -> None:
    from rag.errors import BackendError

    fake = FakeBackend()
    corpus, rid = _corpus(tmp_path, fake)
    before = corpus.indicators()
    fake.enqueue(BackendError("endpoint down", retryable=True))
    assert corpus.enrich_indicators([rid]) == {rid: 0}
    assert corpus.indicators() == before


def test_llm_rows_pass_the_kind_and_label_checks_of_rule_rows() -> None:
    from rag.figures.llm_extract import checked_kind, names_indicator

    task = LLMFigure(key="fixed_asset_investment", value=30, unit="亿元", kind="actual",
                     quote="全年固定资产投资任务30亿元")
    assert checked_kind("review", task) is None, "a task is a target, not an actual"
    assert checked_kind("review", task.model_copy(update={"kind": "target"})) == "target"
    growth = LLMFigure(key="gdp", value=5.6, unit="%", kind="actual", quote="同比增长5.6%")
    assert checked_kind("review", growth) is None
    subset = LLMFigure(key="industrial_output_above_scale", value=12.3, unit="亿元", kind="actual",
                       quote="前50强以外规上工业总产值12.3亿元")
    assert not names_indicator(subset, "industrial_output_above_scale"), "a subset is not the total"
    households = LLMFigure(key="gdp", value=32, unit="户", kind="actual", quote="签约32户")
    assert not names_indicator(households, "gdp")
    gdp = LLMFigure(key="gdp", value=123.4, unit="亿元", kind="actual", quote="全年地区生产总值123.4亿元")
    assert names_indicator(gdp, "gdp") and checked_kind("review", gdp) == "actual"


def test_llm_rows_never_relabel_a_rule_row() -> None:
    from rag.figures.llm_extract import merge
    from rag.schemas import Evidence, Indicator

    def row(key: str, label: str, start: int) -> Indicator:
        return Indicator(report_id="r", street="青溪街道", period="2023", key=key, label_zh=label, label_en=label,
                         value=32, unit="户", normalized_value=32, normalized_unit="count", kind="actual",
                         evidence=Evidence(chunk_id="r:0", start=start, end=start + 5, quote="签约32户"))

    rule = row("label:签约", "签约", 10)
    merged = merge([rule], [row("gdp", "地区生产总值", 12)])
    assert merged == [rule]
