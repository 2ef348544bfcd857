"""Figure slots for model-written English, and the Chinese-fragment check (invented text)."""

from __future__ import annotations

from rag.text.english import chinese_fragments, fill, tag_figures

TEXT = "甲乙街道共发生亡人事故2起、亡2人,同比下降50%;全年规上工业总产值123.45亿元,为企业减负339.5万元。"


def test_every_figure_with_a_unit_gets_a_numbered_tag() -> None:
    tagged, slots = tag_figures(TEXT, source=3, first=5)
    assert "2起{F5}、亡2人{F6}" in tagged and "123.45亿元{F8}" in tagged
    assert [s.name for s in slots] == ["F5", "F6", "F7", "F8", "F9"] and {s.source for s in slots} == {3}
    assert slots[3].text_en == "CNY 12.35 billion (123.45亿元)" and slots[2].text_en == "50%"


def test_fill_writes_the_codes_figures_and_drops_the_models_units() -> None:
    _, slots = tag_figures(TEXT, source=1)
    filled = fill("Output was {F4} [1], relief {F5} million yuan, and CNY 12.35 billion again.", slots, "en")
    assert filled.text == (
        "Output was CNY 12.35 billion (123.45亿元) [1], relief CNY 3.4 million (339.5万元), and "
        "CNY 12.35 billion (123.45亿元) again."
    )
    assert [s.name for s in filled.used()] == ["F4", "F5", "F4"] and filled.unknown == ()
    assert filled.printed_view() == "Output was 123.45亿元 [1], relief 339.5万元, and 123.45亿元 again."
    assert fill("{F9} and [2] in H2 2024", slots, "en").unknown == ("{F9}",)
    assert fill("全年规上工业总产值{F4}", slots, "zh").text == "全年规上工业总产值123.45亿元"


def test_a_shared_rendering_is_not_guessed() -> None:
    _, slots = tag_figures(TEXT, source=1)  # 2起 and 2人 both render as "2"
    assert fill("There were 2 deaths [1].", slots, "en").text == "There were 2 deaths [1]."


def test_chinese_fragments_outside_quotes_and_figures() -> None:
    _, slots = tag_figures(TEXT, source=1)
    filled = fill("Relief reached {F5} under the “惠企纾困” policy (纾困) and 减负 work.", slots, "en")
    spans = [(a, b) for a, b, _ in filled.spans]
    assert chinese_fragments(filled.text, spans=spans) == ["纾困", "减负"]
    assert chinese_fragments(filled.text, allowed=["纾困"], spans=spans) == ["减负"]
    assert chinese_fragments("Reported figure (集中隔离服务): more than 25,000") == ["集中隔离服务"]
