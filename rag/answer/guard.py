"""The number guard of LLM answers, in two levels, and the decline classifier.

Level 1 (printed): every figure of a sentence must be printed, exactly, in a passage that sentence cites (the
citation binds the sentence it ends, wherever the 。 falls; English figures are compared after conversion to
their printed precision). Level 2 (meaning): the figure rows of the cited reports that hold that value must
agree with the sentence's own words — indicator label, place, period (read by `rag.ingest.periods.period_in`,
the one period parser) and kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.figures.grounding import Shown, printed_in, reply_figures, rows_with
from rag.figures.match import same_measure
from rag.ingest.periods import period_in
from rag.schemas import Hit, Indicator
from rag.text.cues import COMPLETION, SHARE, TARGET, YOY
from rag.text.names import place_en_pattern

RowLookup = Callable[[Sequence[str]], list[Indicator]]  # report ids -> their figure rows
# A "." ends a sentence only before whitespace or the end (12.35 is a number, not two sentences).
SENT = re.compile(r"(?:[^。！？!?.\n]|\.(?!\s|$))+(?:[。！？!?]+|\.(?=\s|$)|\n|$)")
CITE = re.compile(r"\[(\d{1,2})\]")
# Citations written after the sentence end ("…亿元。[2]") belong to that sentence: move them before the stop.
_TRAILING_CITES = re.compile(r"([。！？!?]|\.(?=\s*\[))\s*((?:\[\d{1,2}\]\s*)+)")
# The model's own list numbering at a line start: "[3] …", "1. …", "1、…", "(1) …", "- …".
_LIST_MARK = re.compile(
    r"(?m)^[ \t]*(?:\[\d{1,2}\][ \t]*(?=[^\s\[])|\d{1,2}[.、)）](?!\d)[ \t]*|[(（]\d{1,2}[)）][ \t]*"
    r"|[-*•][ \t]+)"
)
_CLAUSE = re.compile(r"[^，,；;：:]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")

# ---- decline classifier ------------------------------------------------------------------------------------
# A reply declines when it says the passages/reports lack the answer, in any wording (the prompt's own
# "报告中未找到", the retry message's "do not contain the answer", or the model's paraphrases).
_DECLINE_ZH = re.compile(
    r"未找到|没有找到|找不到|未能找到|查不到|未查到|未提及|没有提及|未提到|没有提到|并未|未提供|没有提供|未给出|没有给出|"
    r"未说明|没有说明|未披露|未列出|未包含|不包含|没有包含|不涉及|未涉及|没有涉及|无相关|没有相关|无法回答|无法确定|"
    r"无法得知|无法判断|无从|不清楚|没有具体|未明确|没有明确|无此|没有该|没有这"
)
_DECLINE_EN = re.compile(
    r"\b(?:not\s+(?:found|mentioned|stated|provided|given|specified|available|included|reported|listed|"
    r"contain(?:ed)?)|no\s+(?:information|data|figures?|mention|details?|answer|record)|"
    r"(?:do|does|did)\s*(?:n[o']t)\s+(?:contain|state|provide|say|include|mention|give|report|specify|list)|"
    r"(?:cannot|can't|unable\s+to)\s+(?:answer|find|determine|tell|locate)|"
    r"(?:isn't|is\s+not|aren't|are\s+not)\s+(?:mentioned|stated|provided|given|available|specified|included))\b",
    re.I,
)
DECLINE_REPLY = {"zh": "报告中未找到", "en": "not found in the reports"}


def is_decline(reply: str) -> bool:
    """True when the reply's content is a decline: a decline phrase in its first sentence, or anywhere when it
    states no figure. Citations do not make a decline an answer."""
    text = _LIST_MARK.sub("", CITE.sub(" ", reply)).strip()
    if not text:
        return True
    first = next(iter(SENT.finditer(text)), None)
    head = first.group(0) if first else text
    if _DECLINE_ZH.search(head) or _DECLINE_EN.search(head):
        return True
    return bool((_DECLINE_ZH.search(text) or _DECLINE_EN.search(text)) and not reply_figures(text))


# ---- sentences and their citations -------------------------------------------------------------------------
@dataclass(frozen=True)
class Sentence:
    """One reply sentence (citations removed) and the passage numbers it cites."""

    text: str
    cites: tuple[int, ...]


def sentences(reply: str, n_passages: int) -> list[Sentence]:
    """Split a reply into sentences; each citation binds the sentence it ends; list numbers are not citations."""
    text = _LIST_MARK.sub("", reply)
    text = _TRAILING_CITES.sub(lambda m: m.group(2).strip() + m.group(1), text)
    out = []
    for m in SENT.finditer(text):
        raw = m.group(0)
        cites = tuple(dict.fromkeys(int(n) for n in CITE.findall(raw) if 1 <= int(n) <= n_passages))
        body = CITE.sub(" ", raw).strip()
        if body:
            out.append(Sentence(body, cites))
    return out


def cited_numbers(reply: str, n_passages: int) -> list[int]:
    """Every passage number the reply cites (list numbering excluded), in order."""
    return sorted({n for s in sentences(reply, n_passages) for n in s.cites})


# ---- the guard ---------------------------------------------------------------------------------------------
def unsupported_figures(
    reply: str, hits: list[Hit], rows_for: RowLookup | None = None, lacking: str | None = None
) -> list[str]:
    """Every guard violation of `reply` (empty when it may be shown).

    Printed check: each figure is printed exactly in a passage its sentence cites. Meaning check (with
    `rows_for`): the figure rows holding that value in the cited reports agree with the sentence's label,
    place, period and kind. `lacking`: the figure route knows the reports lack the asked figure, so no figure
    may be offered as the answer.
    """
    problems: list[str] = []
    places = sorted({h.chunk.street for h in hits if h.chunk.street}, key=len, reverse=True)
    for sentence in sentences(reply, len(hits)):
        figures = reply_figures(sentence.text)
        if not figures:
            continue
        if not sentence.cites:
            problems += [f"{f.text} has no passage citation" for f in figures]
            continue
        cited = [hits[n - 1] for n in sentence.cites]
        texts = [h.chunk.text for h in cited]
        rows = _rows_in(cited, rows_for) if rows_for else []
        for fig in figures:
            if not any(printed_in(fig, t) for t in texts):
                problems.append(f"{fig.text} is not printed in passage {list(sentence.cites)}")
                continue
            if lacking:
                problems.append(f"{fig.text} is offered as the answer, but {lacking}")
                continue
            holders = rows_with(fig, rows)
            if holders:
                reasons = [mismatch(sentence.text, fig, row, places) for row in holders]
                if all(reasons):
                    problems.append(f"{fig.text} {reasons[0]}")
    return problems


def _rows_in(cited: list[Hit], rows_for: RowLookup) -> list[Indicator]:
    """Figure rows of the cited reports whose evidence lies in a cited passage (all rows of those reports if
    none does)."""
    rows = rows_for(sorted({h.chunk.report_id for h in cited}))
    spans = [(h.chunk.report_id, h.chunk.start, h.chunk.end) for h in cited]
    inside = [r for r in rows if any(rid == r.report_id and s <= r.evidence.start < e for rid, s, e in spans)]
    return inside or rows


def _clause(sentence: str, fig: Shown) -> str:
    """The clause of `sentence` holding the figure (between commas/semicolons)."""
    for m in _CLAUSE.finditer(sentence):
        if m.start() <= fig.start < m.end():
            return m.group(0)
    return sentence


def is_english(text: str) -> bool:
    """More Latin letters than twice the Chinese characters."""
    return len(re.findall(r"[A-Za-z]", text)) > 2 * len(_CJK.findall(text))


def mismatch(sentence: str, fig: Shown, row: Indicator, places: list[str]) -> str:
    """Why the sentence's words do not describe `row` ('' when they do): kind, label (Chinese), place, period."""
    clause = _clause(sentence, fig)
    english = is_english(sentence)
    said = kind_said(clause, english)
    if not _kinds_agree(said, row.kind):
        return f"is the report's {row.kind} figure for {row.label_zh}, but the sentence states it as {said}"
    at = sentence.find(clause)
    before = clause[: max(0, fig.start - at)] if at >= 0 else clause
    if not english and not (same_measure(before, row) or same_measure(clause.replace(fig.text, " "), row)):
        return f"measures {row.label_zh} in the report, not what the sentence names"
    named = places_named(sentence, places, english)
    if named and row.street and row.street not in named:
        return f"is {row.street}'s figure in the report, but the sentence names {'/'.join(named)}"
    why = period_mismatch(sentence, clause, row.period)
    return f"is for period {row.period} in the report, but the sentence {why}" if why else ""


def kind_said(clause: str, english: bool) -> str:
    """The kind of figure a clause states, from its cue words."""
    if english:
        if re.search(r"completion|of the (annual )?(task|target)", clause, re.I):
            return "completion_rate"
        if re.search(r"\b(share|proportion|accounted for)\b", clause, re.I):
            return "share"
        if re.search(r"\b(growth|grew|increase|decrease|rose|fell|up|down|year-on-year|yoy)\b", clause, re.I):
            return "yoy_growth"
        if re.search(r"\b(target|plan|planned|plans|aim|aims|goal|will|strive)\b", clause, re.I):
            return "target"
        return "actual"
    if COMPLETION.search(clause):
        return "completion_rate"
    if SHARE.search(clause):
        return "share"
    if YOY.search(clause):
        return "yoy_growth"
    if TARGET.search(clause) and not _ACHIEVED.search(clause):
        return "target"
    return "actual"


_LEVELS = {"actual", "estimate", "cumulative"}
# achievement wording that makes a target cue a result ("已完成…目标", "实现了…"); 达到 alone follows 力争
_ACHIEVED = re.compile(r"已|完成了|实现了|已经")


def _kinds_agree(said: str, kind: str) -> bool:
    """Levels (actual/estimate/cumulative) agree with each other; every other kind only with itself."""
    return said == kind or (said in _LEVELS and kind in _LEVELS)


def levels() -> frozenset[str]:
    """The kinds that state a level (actual, estimate, cumulative): they answer each other's questions."""
    return frozenset(_LEVELS)


def places_named(sentence: str, places: list[str], english: bool) -> list[str]:
    """The places of `places` a sentence names (Chinese name or short form; English by its pinyin)."""
    named = []
    for p in places:
        short = re.sub(r"(街道办事处|街道|镇|乡)$", "", p)
        if english:
            pattern = place_en_pattern(short or p)
            if pattern and re.search(pattern, sentence, re.I):
                named.append(p)
        elif p in sentence or (len(short) >= 2 and short in sentence):
            named.append(p)
    return named


# ---- periods: English wording is read as the Chinese period words period_in knows ---------------------------
_MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_EN_PERIOD_WORDS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (
        re.compile(rf"\b{_MONTH}\s*(?:[-–—~]|to|through|until)\s*{_MONTH}", re.I),
        lambda m: (
            f"{_MONTH_NAMES.index(m.group(1).lower()) + 1}-{_MONTH_NAMES.index(m.group(2).lower()) + 1}月"
        ),
    ),
    (re.compile(r"\bfirst\s+three\s+quarters\b|\bQ1\s*[-–]\s*Q3\b", re.I), "前三季度"),
    (re.compile(r"\bfirst\s+half\b|\bH1\b", re.I), "上半年"),
    (re.compile(r"\bsecond\s+half\b|\bH2\b", re.I), "下半年"),
    (re.compile(r"\bfirst\s+quarter\b|\bQ1\b", re.I), "一季度"),
    (re.compile(r"\b(?:full|whole)\s+year\b", re.I), "全年"),
    # a year the sentence is about, not one it compares with ("than 2021", "on 2021")
    (
        re.compile(r"(?<!than )(?<!with )(?<!from )(?<!over )(?<!since )(?<!on )\b(20\d\d)\b(?!\s*年)"),
        lambda m: f"{m.group(1)}年",
    ),
]


def _as_period_words(text: str) -> str:
    """English period wording rewritten as the Chinese words `period_in` reads (H1 2024 → 上半年 2024年)."""
    for pattern, repl in _EN_PERIOD_WORDS:
        text = pattern.sub(repl, text)
    return text


def period_mismatch(sentence: str, clause: str, period: str) -> str:
    """Why the period a sentence names disagrees with a row's period code ('' when it agrees or names none).

    The clause holding the figure is read first, then the whole sentence; a year without a sub-period is a
    whole-year claim unless the sentence says 全年 is not meant (a half-year row stated as the year's is wrong).
    """
    row = period.removesuffix("-plan")
    year = row[:4]
    text, part = _as_period_words(sentence), _as_period_words(clause)
    said = period_in(part, None) or period_in(text, None) or period_in(part, year) or period_in(text, year)
    if said is None or said == row:
        return ""
    if said[:4] != year:
        return f"names {said[:4]}"
    if {said[4:], row[4:]} == {"H1", "M01-M06"}:
        return ""
    if said == year:  # a year named, the row covers part of it
        return "states it as a whole-year figure"
    if row == year:
        return f"names {said}" if "全年" not in text else ""
    return f"names {said}"
