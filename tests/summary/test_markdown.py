"""Summary Markdown: one module writes the bilingual document and the app's one-language column."""

from __future__ import annotations

from rag.schemas import Citation, Evidence, Indicator
from rag.summary.common import KeyFigure, ReportSummary, SectionSummary
from rag.summary.markdown import key_figure_text, summary_column, to_markdown

QUOTE = "完成4万元"


def _figure(key: str = "gdp", label_en: str = "GDP") -> KeyFigure:
    row = Indicator(report_id="r1", street="甲街道", period="2023", key=key, label_zh="地区生产总值",
                    label_en=label_en, value=4, unit="万元", normalized_value=4e4, normalized_unit="CNY",
                    kind="actual", evidence=Evidence(chunk_id="c", start=0, end=len(QUOTE), quote=QUOTE))
    return KeyFigure(indicator=row, zh="地区生产总值 4万元（2023年）", en="GDP CNY 40,000 (2023)",
                     citation=Citation(n=1, report_id="r1", street="甲街道", section="一", quote=QUOTE, start=0,
                                       end=len(QUOTE)))


def _summary(figure: KeyFigure, bullet_en: str = "GDP CNY 40,000") -> ReportSummary:
    cite = figure.citation.model_copy(update={"n": 2})
    section = SectionSummary(heading_zh="经济发展", topic_en="Economy", topic_zh="经济", part="review",
                             section="一", section_indexes=[0], bullets_zh=["全年<b>完成</b>4万元。"],
                             bullets_en=[bullet_en], citations=[cite])
    return ReportSummary(report_id="r1", street="甲街道", street_en="Jia Subdistrict", period="2023",
                         mode="extractive", headline_zh="甲街道2023年", headline_en="Jia Subdistrict, 2023",
                         key_figures=[figure], review=[section], plan=[], caveats_zh=["注意"],
                         caveats_en=["note"], faithfulness={"checked": 1, "unsupported": []},
                         content_hash="h", prompt_version="extractive")


def test_poor_label_figure_shows_its_source_clause() -> None:
    poor = _figure(key="other:抓限下", label_en="Reported figure (抓限下)")
    poor = poor.model_copy(update={"zh": "抓限下 4万元", "en": "Reported figure (抓限下): 4"})
    zh, en = key_figure_text(poor, "zh"), key_figure_text(poor, "en")
    assert "抓限下 4万元" not in zh and "原文：「完成4万元」" in zh
    assert "Reported figure" not in en and "“完成4万元”" in en
    assert key_figure_text(_figure(), "zh") == "地区生产总值 4万元（2023年）"


def test_document_and_column_say_the_same_things() -> None:
    poor = _figure(key="other:抓限下", label_en="Reported figure (抓限下)")
    s = _summary(poor, bullet_en="Reported figure (抓限下): CNY 40,000")
    doc = to_markdown(s)
    for lang in ("zh", "en"):
        column = summary_column(s, lang, lambda text: text.replace("<", "&lt;"))
        assert key_figure_text(poor, lang) in column and key_figure_text(poor, lang) in doc
        assert "Reported figure (" not in column
    assert "Reported figure (" not in doc
    assert "#### 主要指标" in summary_column(s, "zh", str) and "## 主要指标 · Key figures" in doc


def test_column_escapes_report_text() -> None:
    column = summary_column(_summary(_figure()), "zh", lambda text: text.replace("<", "&lt;"))
    assert "<b>" not in column and "&lt;b>" in column
    assert "- 全年&lt;b>完成&lt;/b>4万元。 \\[2\\]" in column
