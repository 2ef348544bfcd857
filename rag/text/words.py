"""jieba, set up once (quiet, dictionary loaded): the one place the word segmenter is configured."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def jieba() -> Any:
    """The jieba module, initialised and quiet (it ships its dictionary; nothing is downloaded)."""
    import jieba as _jieba

    _jieba.setLogLevel(logging.WARNING)
    _jieba.initialize()
    return _jieba


@lru_cache(maxsize=8192)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech flag) pairs from jieba's tagger (its bundled model): 'v' verb, 'n' noun, 'd' adverb …"""
    jieba()
    import jieba.posseg as posseg

    return tuple((w.word, w.flag) for w in posseg.cut(text))


def ends_in_verb(text: str) -> bool:
    """'成功挽留', '分批移交', '累计走访': a verb last, before it only adverbs, numerals or adjectives (what the
    verb acts on must come after it)."""
    words = tagged(text)
    return bool(words) and words[-1][1] == "v" and all(f[:1] in "vadm" for _, f in words[:-1])


def leading_noun(text: str) -> str:
    """The nouns a text opens with ('企业继续在本镇经营…' -> '企业'; '小微企业通过…' -> '小微企业'): the thing a count
    after a verb counts. '' when it opens with no noun."""
    out = ""
    for word, flag in tagged(text):
        if flag[:1] != "n" and not (out == "" and flag[:1] in "ab"):
            break
        out += word
    return out


def noun_tail(text: str) -> str:
    """The words after a text's last verb, when they are all nouns ('组织开展法治讲座' -> '法治讲座', '为企业发放稳岗
    补贴' -> '稳岗补贴'); '' when it ends in no noun or holds no verb."""
    words = tagged(text)
    last = next((n for n in range(len(words) - 1, -1, -1) if words[n][1] == "v"), None)
    if last is None or last == len(words) - 1:
        return ""
    rest = words[last + 1 :]
    return "".join(w for w, _ in rest) if all(f[:1] in "nvj" for _, f in rest) and rest[-1][1][:1] == "n" else ""


_FUNCTION_FLAGS = ("r", "p", "u", "c", "d", "f", "m", "q", "y", "e")


def function_word(word: str) -> bool:
    """A pronoun, preposition, particle, conjunction, adverb, locality or numeral word ('这些', '里', '给'): it
    names nothing a figure measures."""
    words = tagged(word)
    return len(words) == 1 and words[0][1][:1] in _FUNCTION_FLAGS
