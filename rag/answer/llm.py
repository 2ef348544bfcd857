"""The LLM passage answer: numbered passages in a fenced prompt, [n] citations, and a two-level number guard.

Level 1 (printed): every figure of a sentence must be printed, exactly, in a passage that sentence cites (the
citation binds the sentence it ends, wherever the 。 falls; English figures are compared after conversion to
their printed precision). Level 2 (meaning): the figure rows of the cited reports that hold that value must
agree with the sentence's own words — indicator label, place, period and kind. A reply that fails is retried
once with the violations named; a second failure, a decline ("报告中未找到", "not mentioned", …), or a failing
endpoint gives the offline answer, flagged with a caveat.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.answer.passages import Context, passage_answer, passage_filters
from rag.answer.router import Route
from rag.errors import BackendError, ExtractionError
from rag.figures.grounding import Shown, printed_in, reply_figures, rows_with
from rag.figures.lexicon import BY_KEY
from rag.llm import LLMBackend
from rag.llm.prompts import fence, load_prompt
from rag.schemas import Answer, Citation, Hit, Indicator
from rag.search.retrieve import Filters
from rag.text.cues import COMPLETION, SHARE, TARGET, YOY
from rag.text.names import place_en

PROMPT = "answer"
K_PASSAGES = 4  # a small CPU model answers better (and 2x faster) from 4 passages than from 6
RowLookup = Callable[[Sequence[str]], list[Indicator]]  # report ids -> their figure rows
# A "." ends a sentence only before whitespace or the end (12.35 is a number, not two sentences).
_SENT = re.compile(r"(?:[^。！？!?.\n]|\.(?!\s|$))+(?:[。！？!?]+|\.(?=\s|$)|\n|$)")
_CITE = re.compile(r"\[(\d{1,2})\]")
# Citations written after the sentence end ("…亿元。[2]") belong to that sentence: move them before the stop.
_TRAILING_CITES = re.compile(r"([。！？!?]|\.(?=\s*\[))\s*((?:\[\d{1,2}\]\s*)+)")
# The model's own list numbering at a line start: "[3] …", "1. …", "1、…", "(1) …", "- …".
_LIST_MARK = re.compile(r"(?m)^[ \t]*(?:\[\d{1,2}\][ \t]*(?=[^\s\[])|\d{1,2}[.、)）](?!\d)[ \t]*|[(（]\d{1,2}[)）][ \t]*"
                        r"|[-*•][ \t]+)")
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
    text = _LIST_MARK.sub("", _CITE.sub(" ", reply)).strip()
    if not text:
        return True
    first = next(iter(_SENT.finditer(text)), None)
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
    for m in _SENT.finditer(text):
        raw = m.group(0)
        cites = tuple(dict.fromkeys(int(n) for n in _CITE.findall(raw) if 1 <= int(n) <= n_passages))
        body = _CITE.sub(" ", raw).strip()
        if body:
            out.append(Sentence(body, cites))
    return out


def cited_numbers(reply: str, n_passages: int) -> list[int]:
    """Every passage number the reply cites (list numbering excluded), in order."""
    return sorted({n for s in sentences(reply, n_passages) for n in s.cites})


# ---- the guard ---------------------------------------------------------------------------------------------
def unsupported_figures(reply: str, hits: list[Hit], rows_for: RowLookup | None = None,
                        lacking: str | None = None) -> list[str]:
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
                reasons = [_mismatch(sentence.text, fig, row, places) for row in holders]
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


def _mismatch(sentence: str, fig: Shown, row: Indicator, places: list[str]) -> str:
    """Why the sentence's words do not describe `row` ('' when they do)."""
    clause = _clause(sentence, fig)
    english = len(re.findall(r"[A-Za-z]", sentence)) > 2 * len(_CJK.findall(sentence))
    said = _kind_said(clause, english)
    if not _kinds_agree(said, row.kind):
        return f"is the report's {row.kind} figure for {row.label_zh}, but the sentence states it as {said}"
    at = sentence.find(clause)
    before = clause[: max(0, fig.start - at)] if at >= 0 else clause
    if not english and not (same_measure(before, row) or same_measure(clause.replace(fig.text, " "), row)):
        return f"measures {row.label_zh} in the report, not what the sentence names"
    named = _places_named(sentence, places, english)
    if named and row.street and row.street not in named:
        return f"is {row.street}'s figure in the report, but the sentence names {'/'.join(named)}"
    why = _period_mismatch(sentence, row.period)
    return f"is for period {row.period} in the report, but the sentence {why}" if why else ""


def _kind_said(clause: str, english: bool) -> str:
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


def _bigrams(text: str) -> set[str]:
    cjk = "".join(ch if _CJK.match(ch) else " " for ch in text)
    return {w[i : i + 2] for w in cjk.split() for i in range(len(w) - 1)}


_SUBSET = re.compile(r"以外|以下|其中|部分|之外|除")


def same_measure(words: str, row: Indicator) -> bool:
    """Do the sentence's words name the row's indicator? # contract: Qm's match.same_measure replaces this.

    Bigram overlap: at least half of the label's bigrams in the words, or the label's head (its last two
    characters, e.g. 投资, 产值, 案件) in the words; a subset label (…以外/以下/其中…) must be named as such.
    """
    try:  # contract: rag/figures/match.py (Qm) owns label similarity when it exists
        fn = getattr(importlib.import_module("rag.figures.match"), "same_measure", None)
    except ImportError:
        fn = None
    if fn is not None:
        return bool(fn(words, row))
    label = row.label_zh
    if _SUBSET.search(label) and not _SUBSET.search(words):
        return False
    grams = _bigrams(label)
    if not grams:
        return True
    have = _bigrams(words)
    head = re.sub(r"[^\u4e00-\u9fff]", "", label)[-2:]
    return len(grams & have) / len(grams) >= 0.5 or bool(head and head in words)


def _places_named(sentence: str, places: list[str], english: bool) -> list[str]:
    named = []
    for p in places:
        short = re.sub(r"(街道办事处|街道|镇|乡)$", "", p)
        if english:
            if place_en(p).split()[0].lower() in sentence.lower():
                named.append(p)
        elif p in sentence or (len(short) >= 2 and short in sentence):
            named.append(p)
    return named


_SUB = [(re.compile(r"上半年|first half|H1\b", re.I), "H1"), (re.compile(r"下半年|second half", re.I), "H2"),
        (re.compile(r"前三季度|first three quarters|1\s*[-—–至到~]\s*9\s*月", re.I), "M01-M09"),
        (re.compile(r"一季度|第一季度|first quarter|Q1\b|1\s*[-—–至到~]\s*3\s*月", re.I), "M01-M03")]
_MONTHS = re.compile(r"1\s*[-—–至到~]\s*(\d{1,2})\s*月|(?:January|Jan)\s*[-–to]+\s*(\w+)", re.I)


def _period_mismatch(sentence: str, period: str) -> str:
    """Why the sentence's year/sub-period disagrees with a row period ('' when it does not)."""
    years = set(re.findall(r"(20\d\d)\s*年?", sentence))
    row_year = period[:4]
    if years and row_year not in years:
        return f"names {'/'.join(sorted(years))}"
    said = ""
    for pattern, code in _SUB:
        if pattern.search(sentence):
            said = code
            break
    if not said and (m := _MONTHS.search(sentence)) and m.group(1):
        said = f"M01-M{int(m.group(1)):02d}"
    row_sub = period[4:].replace("-plan", "")
    if said and said != row_sub and not (said == "M01-M06" and row_sub == "H1"):
        return f"names {said}"
    if not said and row_sub and years and "全年" not in sentence:
        return "states it as a whole-year figure"
    return ""


# ---- what the figure route knows the reports lack -----------------------------------------------------------
def lacking_figure(r: Route, ctx: Context) -> str | None:
    """'the report states no …' when the figure table knows the asked figure is absent for the asked place
    (or present only as a related kind); None when unknown (no lexicon key, no single place)."""
    if not r.keys or r.intent not in ("lookup", "open") or len(r.streets) != 1:
        return None
    street, key = r.streets[0], r.keys[0]
    rows = [row for row in ctx.indicators(key, None) if row.street == street]
    term = BY_KEY.get(key)
    label = term.zh if term else key
    if not rows:
        return f"{street}'s report states no {label}"
    kinds = sorted({row.kind for row in rows})
    if r.kind not in kinds and not (r.kind in _LEVELS and _LEVELS & set(kinds)):
        return f"{street}'s report states {label} only as {', '.join(kinds)}, not as {r.kind}"
    return None


# ---- the answerer ------------------------------------------------------------------------------------------
def build_messages(question: str, language: str, hits: list[Hit], known_gap: str = "") -> list[dict[str, str]]:
    """The answer prompt with numbered, fenced passages (also used to count tokens in benchmarks)."""
    numbered = "\n".join(f"[{n}] ({h.chunk.street or '?'}, {h.chunk.period or '?'}, {h.chunk.section}) {h.chunk.text}"
                         for n, h in enumerate(hits, start=1))
    gap = (f"Known from the figure table: {known_gap}. If the passages do not state it either, reply only "
           f"\"{DECLINE_REPLY[language if language in DECLINE_REPLY else 'zh']}\"; never offer another figure "
           "as the answer." if known_gap else "")
    return load_prompt(PROMPT).render(question=question, language=language, passages=fence(numbered), known_gap=gap)


def llm_passage_answer(question: str, r: Route, ctx: Context, backend: LLMBackend, *,
                       filters: Filters | None = None, on_token: Callable[[str], None] | None = None,
                       rows_for: RowLookup | None = None) -> Answer:
    """Retrieve, ask the model, guard its numbers; fall back to the offline answer (flagged) when anything fails."""
    flt = passage_filters(r, filters)
    hits = ctx.search(question, K_PASSAGES, flt, len(flt.streets) > 1)
    if not hits:
        return passage_answer(question, r, ctx, filters=filters)
    lacking = lacking_figure(r, ctx)
    messages = build_messages(question, r.language, hits, lacking or "")
    prompt_id = load_prompt(PROMPT).id
    problems: list[str] = []
    try:
        for _ in range(2):
            reply = backend.complete(messages, prompt_id=prompt_id, stream=on_token is not None,
                                     on_token=on_token).text.strip()
            if is_decline(reply):
                return _fallback(question, r, ctx, filters, "the LLM found no answer in the passages "
                                 "(it declined); offline answer shown")
            problems = (unsupported_figures(reply, hits, rows_for, lacking) if cited_numbers(reply, len(hits))
                        else ["the answer cites no passage"])
            if not problems:
                return _answer(question, r, reply, hits, backend.name)
            messages = [*messages, {"role": "assistant", "content": reply},
                        {"role": "user", "content": _feedback(problems, r.language)}]
    except (BackendError, ExtractionError) as exc:
        return _fallback(question, r, ctx, filters, f"LLM unavailable ({exc.message}); offline answer shown")
    return _fallback(question, r, ctx, filters,
                     "LLM answer failed the number check (" + "; ".join(problems[:3]) + "); offline answer shown")


def _feedback(problems: list[str], language: str) -> str:
    decline = DECLINE_REPLY.get(language, DECLINE_REPLY["zh"])
    return ("Your answer failed the number check: " + "; ".join(problems[:5]) +
            ". Answer again: copy each figure exactly from a passage that states that very indicator for that "
            f"street and period, and cite that passage; if no passage does, reply only \"{decline}\".")


def _answer(question: str, r: Route, reply: str, hits: list[Hit], model: str) -> Answer:
    used = cited_numbers(reply, len(hits))
    citations = [_citation(n, hits[n - 1], reply) for n in used]
    return Answer(question=question, text=reply, language=r.language, route="passage", mode=model,
                  citations=citations, intent=r.model_dump())


def _citation(n: int, hit: Hit, reply: str) -> Citation:
    """Cite the passage's sentence sharing the most figures with the reply (the whole chunk if none does)."""
    wanted = {round(f.value, 6) for f in reply_figures(_CITE.sub(" ", reply))}
    best, best_score = (hit.chunk.start, hit.chunk.text), 0
    for m in _SENT.finditer(hit.chunk.text):
        score = len(wanted & {round(f.value, 6) for f in reply_figures(m.group(0))})
        if score > best_score and m.group(0).strip():
            best, best_score = (hit.chunk.start + m.start(), m.group(0)), score
    start, quote = best
    lead = len(quote) - len(quote.lstrip())
    quote = quote.strip()
    return Citation(n=n, report_id=hit.chunk.report_id, street=hit.chunk.street, section=hit.chunk.section,
                    quote=quote, start=start + lead, end=start + lead + len(quote))


def _fallback(question: str, r: Route, ctx: Context, filters: Filters | None, why: str) -> Answer:
    answer = passage_answer(question, r, ctx, filters=filters)
    return answer.model_copy(update={"flagged": True, "caveats": [why, *answer.caveats]})
