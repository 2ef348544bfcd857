"""English place names: the pinyin forms a question may use for a county, city or province."""

from __future__ import annotations

import re

from rag.text.names import place_en, place_en_pattern


def _matches(name: str, text: str) -> str | None:
    m = re.search(place_en_pattern(name), text, re.I)
    return m.group(0) if m else None


def test_pattern_matches_the_place_en_form_and_the_bare_pinyin() -> None:
    assert _matches("丰溪县", f"Liutang town ({place_en('丰溪县')})") == "Fengxi County"
    assert _matches("丰溪县", "Liutang, Fengxi") == "Fengxi"
    assert _matches("丰溪县", "in Feng-xi county") == "Feng-xi county"
    assert _matches("云安市", "Yun'an City") == "Yun'an City"
    assert _matches("南江省", "Nanjiang Province") == "Nanjiang Province"


def test_pattern_needs_whole_words() -> None:
    assert _matches("丰溪县", "Xifengxi County") is None
    assert _matches("隆水县", "Longshuitang") is None


def test_province_suffix() -> None:
    assert place_en("南江省") == "Nanjiang Province"
