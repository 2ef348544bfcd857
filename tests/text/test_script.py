"""Traditional → Simplified at identical offsets; pinyin glosses (invented text only)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rag.ingest.load import load_bytes
from rag.ingest.pipeline import prepare
from rag.text.script import is_traditional, simplified, strip_glosses

TRAD = (
    "柳灣街道2023年工作總結和2024年工作計劃\n"
    "一、2023年工作總結\n"
    "2023年，柳灣街道實現一般公共預算收入3.2億元，同比增長5.1%。"
    "預計全年完成固定資產投資8600萬元。全區規上工業總產值12.5億元。\n"
    "二、2024年工作計劃\n"
    "力爭一般公共預算收入達到3.5億元。\n"
)


def test_simplified_keeps_length_and_converts() -> None:
    assert simplified("億元萬元預計區鎮") == "亿元万元预计区镇"
    assert simplified("乾淨 資訊科技 臺灣") == "干净 资讯科技 台湾"
    assert len(simplified(TRAD)) == len(TRAD)
    assert simplified("全区实现") == "全区实现" and simplified("") == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("億萬預計區鎮乾淨著名裡面於是臺灣資訊科技abc123,。 \n𠀀")), max_size=60))
def test_simplified_is_length_preserving(text: str) -> None:
    assert len(simplified(text)) == len(text)


def test_is_traditional() -> None:
    assert is_traditional(TRAD)
    assert not is_traditional("柳湾街道实现一般公共预算收入3.2亿元")
    assert not is_traditional("2023 GDP")


def test_strip_glosses() -> None:
    assert strip_glosses("全區(qū)增長(zhǎng)5%") == "全區增長5%"
    assert strip_glosses("通讯员(tōngxùnyuán)说") == "通讯员说"
    assert strip_glosses("萬（wàn）元") == "萬元"
    # not glosses: an acronym, a heading number, untoned ASCII
    for kept in ("生产总值(GDP)增长", "(一)经济", "数字(gdp)", "年(2023)"):
        assert strip_glosses(kept) == kept


def test_traditional_figures_parse_with_verbatim_quotes() -> None:
    prepared = prepare(load_bytes(TRAD.encode(), "trad.txt"), "trad.txt", max_tokens=400)
    text = prepared.report.text
    assert "億元" in text  # the canonical text keeps its script
    assert prepared.report.street == "柳湾街道"
    rows = prepared.indicators
    assert rows
    for row in rows:
        assert text[row.evidence.start : row.evidence.end] == row.evidence.quote
    values = {(r.normalized_value, r.normalized_unit) for r in rows}
    assert (320000000.0, "CNY") in values
    assert (86000000.0, "CNY") in values  # 8600萬元
    assert any("億元" in r.evidence.quote for r in rows)
    for chunk in prepared.chunks:
        assert text[chunk.start : chunk.end] == chunk.text
    # BM25 tokens are Simplified: a Simplified question finds Traditional chunks
    assert any("预算" in toks for toks in prepared.tokens)
