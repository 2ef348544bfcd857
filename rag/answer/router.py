"""Question routing: ranking / comparison / aggregate / lookup / open, with streets, years, part and keys."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from rag.figures.lexicon import EN_PATTERNS, terms_for_question
from rag.text.cues import QUESTION_TARGET
from rag.text.names import romanize

Intent = Literal["rank", "aggregate", "lookup", "open"]

_RANK_ZH = re.compile(r"哪个|哪一个|哪些|哪家|谁的|最多|最高|最大|最少|最低|最小|排名|排序|排行|对比|比较|相比|各街道|各个街道")
_RANK_EN = re.compile(r"\b(which|highest|most|largest|biggest|lowest|least|smallest|fewest|rank|ranking|compare|"
                      r"comparison)\b", re.I)
_ASC = re.compile(r"最少|最低|最小|\b(lowest|least|smallest|fewest)\b", re.I)
_AGG = re.compile(r"合计|总共|总计|加起来|一共|\b(total|sum|combined|altogether)\b", re.I)
_GROWTH = re.compile(r"同比|增长|增幅|增速|下降|降幅|变化|\b(growth|grow|grew|increase|decrease|change|yoy|"
                     r"year-on-year)\b", re.I)
_COMPLETION = re.compile(r"完成率|办结率|完成比例|\b(completion rate|share of the (annual )?task)\b", re.I)
_YEAR = re.compile(r"(20[0-4]\d)\s*年?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FOLLOW_UP = re.compile(r"^(那|那么|还有|and|what about|how about)|呢[？?]?$", re.I)


class Route(BaseModel):
    """What the router understood; reused by follow-up questions."""

    intent: Intent = "open"
    keys: list[str] = Field(default_factory=list, description="Base lexicon keys, most specific first.")
    kind: str = "actual"
    streets: list[str] = Field(default_factory=list)
    years: list[int] = Field(default_factory=list)
    parts: list[str] = Field(default_factory=list)
    ascending: bool = False
    language: Literal["zh", "en"] = "zh"


def language_of(text: str) -> Literal["zh", "en"]:
    """'zh' when the text is mostly Chinese characters, else 'en'."""
    letters = [c for c in text if c.isalpha()]
    cjk = sum(1 for c in letters if _CJK.match(c))
    return "zh" if letters and cjk / len(letters) >= 0.3 else "en"


def route(question: str, known_streets: list[str], previous: Route | None = None) -> Route:
    """Understand a question; a follow-up with no indicator of its own reuses the previous route."""
    lang = language_of(question)
    keys = [t.key for t in terms_for_question(question)] or _en_keys(question)
    streets = mentioned_streets(question, known_streets)
    years = sorted({int(y) for y in _YEAR.findall(question)})
    ranking = bool(_RANK_ZH.search(question) or _RANK_EN.search(question))
    intent: Intent = "aggregate" if _AGG.search(question) else "rank" if ranking else "lookup" if keys else "open"
    kind = _kind(question)
    parts = ["plan"] if kind == "target" else []
    if previous and not keys and (streets or years) and (_FOLLOW_UP.search(question.strip()) or len(question) < 16):
        return previous.model_copy(update={"streets": streets or previous.streets, "years": years,
                                           "language": lang, "intent": "lookup" if streets else previous.intent})
    return Route(intent=intent, keys=keys, kind=kind, streets=streets, years=years, parts=parts,
                 ascending=bool(_ASC.search(question)), language=lang)


def _kind(question: str) -> str:
    if _COMPLETION.search(question):
        return "completion_rate"
    if QUESTION_TARGET.search(question):
        return "target"
    if _GROWTH.search(question) and not re.search(r"多少(个|家|宗|项|座|名|件|起)", question):
        return "yoy_growth"
    return "actual"


def _en_keys(question: str) -> list[str]:
    return [key for key, pattern in EN_PATTERNS.items() if re.search(pattern, question, re.I)]


def mentioned_streets(question: str, known: list[str]) -> list[str]:
    """Known streets named in the question: full name, short name (观湖) or romanised (Guanhu)."""
    found = []
    for street in known:
        short = re.sub(r"(街道|镇|街道办事处)$", "", street)
        roman = romanize(short)
        if street in question or (len(short) >= 2 and short in question) or (
            roman and re.search(rf"\b{re.escape(roman)}\b", question, re.I)
        ):
            found.append(street)
    return found
