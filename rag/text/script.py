"""Traditional → Simplified view of a text at identical offsets, and inline pinyin glosses.

The canonical report text keeps its script (quotes stay verbatim); parsing, BM25 and matching run on
`simplified(text)`, which always has the same length, so every offset found there is an offset into `text`.
OpenCC's plain `t2s` config is used (the `tw2sp` phrase configs change lengths); the phrase-aware
conversion is checked for length and falls back to a strict one-character-for-one-character mapping.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["GLOSS", "is_traditional", "simplified", "strip_glosses"]

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin gloss right after a Han character: "區(qū)", "增長(zhǎng)", "通讯员(tōngxùnyuán)", full-width parens too.
# At least one tone-marked vowel is required, so "(GDP)", "(gdp)" or "(一)" are never taken for glosses.
GLOSS = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]\s?(?=[a-zü{_TONED} ]{{0,40}}[{_TONED}])"
    rf"[a-zü{_TONED}]+(?: [a-zü{_TONED}]+){{0,7}}\s?[)）]"
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    # tofu-risk dictionaries map some BMP characters to astral ones; leave them out
    return OpenCC("t2s", include_tofu_risk_dictionaries=False)


@lru_cache(maxsize=8192)
def _char(c: str) -> str:
    out: str = _converter().convert(c)
    return out if len(out) == 1 else c


@lru_cache(maxsize=16384)  # (every figure's quote is read through it: short strings, many of them)
def _simplified(text: str) -> str:
    out: str = _converter().convert(text)
    if len(out) == len(text):
        return out
    return "".join(_char(c) if _HAN.match(c) else c for c in text)


def simplified(text: str) -> str:
    """`text` in Simplified characters, same length (offset i here is offset i in `text`)."""
    if not text or not _HAN.search(text):
        return text
    return _simplified(text)


def is_traditional(text: str, *, min_share: float = 0.02) -> bool:
    """True when at least `min_share` of the Han characters (and at least one) change under t2s."""
    han = [i for i, c in enumerate(text) if _HAN.match(c)]
    if not han:
        return False
    simple = simplified(text)
    changed = sum(1 for i in han if simple[i] != text[i])
    return changed > 0 and changed >= min_share * len(han)


def strip_glosses(text: str) -> str:
    """`text` without inline pinyin glosses ("區(qū)" → "區"); offsets shift, so the loader maps them."""
    return GLOSS.sub("", text)
