"""LLM mode answers: the passage answer with [n] citations under the number guard, and the one entry point.

`llm_answer` is what the corpus calls with an LLM configured: a figure-route lookup asked in English is
phrased by the model with the figures inserted by code (`rag.answer.phrase`), every other figure-route answer
stays the code's own, and only questions the figure route cannot answer go to `llm_passage_answer`. There the
passages are numbered and fenced; in English every figure of a passage carries a slot tag ({F3}) the model
writes instead of the figure, and code puts in "CNY 12.35 billion (123.45亿元)". The guard
(`rag.answer.guard`) checks every figure; a reply that fails is retried once with the violations named; a
second failure, a decline, or a failing endpoint gives the offline answer, flagged with a caveat.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rag.answer.guard import (
    CITE,
    DECLINE_REPLY,
    SENT,
    RowLookup,
    cited_numbers,
    is_decline,
    levels,
    unsupported_figures,
)
from rag.answer.passages import Context, passage_answer, passage_filters
from rag.answer.phrase import phrasable, phrase_figure_answer
from rag.answer.router import Route
from rag.errors import BackendError, ExtractionError
from rag.figures.grounding import reply_figures
from rag.figures.lexicon import BY_KEY
from rag.llm import LLMBackend
from rag.llm.prompts import fence, load_prompt
from rag.schemas import Answer, Citation, Hit
from rag.search.retrieve import Filters
from rag.text.english import Filled, Slot, chinese_fragments, fill, tag_figures
from rag.text.messages import join_list, msg
from rag.text.names import place_en

__all__ = [
    "K_PASSAGES",
    "Gap",
    "build_messages",
    "lacking_figure",
    "llm_answer",
    "llm_passage_answer",
    "prompt_with_slots",
]

PROMPT = "answer"
K_PASSAGES = 4  # a small CPU model answers better (and 2x faster) from 4 passages than from 6
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


# ---- the one entry point ---------------------------------------------------------------------------------
def llm_answer(
    question: str,
    r: Route,
    ctx: Context,
    backend: LLMBackend,
    *,
    figure: Answer | None = None,
    filters: Filters | None = None,
    on_token: Callable[[str], None] | None = None,
    rows_for: RowLookup | None = None,
) -> Answer:
    """The answer in LLM mode. `figure`: the figure route's answer, when it has one (rankings, Chinese lookups
    and declines are returned as they are; an English lookup is phrased by the model, figures by code)."""
    if figure is not None:
        if rows_for is not None and phrasable(figure):
            places = sorted({m.street for m in ctx.reports if m.street}, key=len, reverse=True)
            return phrase_figure_answer(question, figure, backend, rows_for, places=places)
        return figure
    return llm_passage_answer(
        question, r, ctx, backend, filters=filters, on_token=on_token, rows_for=rows_for
    )


# ---- what the figure route knows the reports lack -----------------------------------------------------------
@dataclass(frozen=True)
class Gap:
    """The figure table knows the asked place's report lacks the asked figure (kinds: what it has instead)."""

    street: str
    label_zh: str
    label_en: str
    kinds: tuple[str, ...]
    asked: str

    def text(self, lang: str) -> str:
        """One sentence in `lang`: '布吉街道的报告没有规上工业总产值的数字' / "Buji Subdistrict's report states no …"."""
        place = self.street if lang == "zh" else place_en(self.street)
        label = self.label_zh if lang == "zh" else self.label_en
        if not self.kinds:
            return msg("llm_gap_absent", lang, place=place, label=label)
        return msg(
            "llm_gap_kind",
            lang,
            place=place,
            label=label,
            asked=_kind_word(self.asked, lang),
            kinds=join_list([_kind_word(k, lang) for k in self.kinds], lang),
        )


def _kind_word(kind: str, lang: str) -> str:
    return msg(f"asked_{kind}", lang) if f"asked_{kind}" in _ASKED else kind


_ASKED = {
    f"asked_{k}"
    for k in ("actual", "estimate", "target", "yoy_growth", "completion_rate", "share", "cumulative")
}


def lacking_figure(r: Route, ctx: Context) -> Gap | None:
    """What the figure table knows the asked place's report lacks (the asked figure, or its asked kind); None
    when unknown (no lexicon key, no single place)."""
    if not r.keys or r.intent not in ("lookup", "open") or len(r.streets) != 1:
        return None
    street, key = r.streets[0], r.keys[0]
    rows = [row for row in ctx.indicators(key, None) if row.street == street]
    term = BY_KEY.get(key)
    zh, en = (term.zh, term.en) if term else (key, key)
    kinds = tuple(sorted({row.kind for row in rows}))
    if not rows:
        return Gap(street, zh, en, (), r.kind)
    if r.kind not in kinds and not (r.kind in levels() and levels() & set(kinds)):
        return Gap(street, zh, en, kinds, r.kind)
    return None


# ---- the prompt --------------------------------------------------------------------------------------------
def prompt_with_slots(
    question: str, language: str, hits: list[Hit], gap: Gap | None
) -> tuple[list[dict[str, str]], list[Slot]]:
    """The answer prompt with numbered, fenced passages; in English every figure carries its slot tag."""
    lines: list[str] = []
    slots: list[Slot] = []
    for n, h in enumerate(hits, start=1):
        text = h.chunk.text
        if language == "en":
            text, found = tag_figures(text, n, first=len(slots) + 1)
            slots += found
        lines.append(f"[{n}] ({h.chunk.street or '?'}, {h.chunk.period or '?'}, {h.chunk.section}) {text}")
    lang = language if language in DECLINE_REPLY else "zh"
    rule = msg("llm_gap_rule", lang, gap=gap.text(lang), decline=DECLINE_REPLY[lang]) if gap else ""
    messages = load_prompt(PROMPT).render(
        question=question, language=language, passages=fence("\n".join(lines)), known_gap=rule
    )
    return messages, slots


def build_messages(
    question: str, language: str, hits: list[Hit], gap: Gap | None = None
) -> list[dict[str, str]]:
    """The answer prompt (also used to count tokens in benchmarks)."""
    return prompt_with_slots(question, language, hits, gap)[0]


# ---- the passage answerer ------------------------------------------------------------------------------------
def llm_passage_answer(
    question: str,
    r: Route,
    ctx: Context,
    backend: LLMBackend,
    *,
    filters: Filters | None = None,
    on_token: Callable[[str], None] | None = None,
    rows_for: RowLookup | None = None,
) -> Answer:
    """Retrieve, ask the model, guard its numbers; fall back to the offline answer (flagged) when anything fails.

    The caveat of a fallback is in English whatever the question's language: it names the guard's findings."""
    flt = passage_filters(r, filters)
    hits = ctx.search(question, K_PASSAGES, flt, len(flt.streets) > 1)
    if not hits:
        return passage_answer(question, r, ctx, filters=filters)
    gap = lacking_figure(r, ctx)
    messages, slots = prompt_with_slots(question, r.language, hits, gap)
    prompt_id = load_prompt(PROMPT).id
    stream = on_token is not None and r.language != "en"  # English replies hold slot tags until filled
    lang = r.language
    problems: list[str] = []
    try:
        for _ in range(2):
            reply = backend.complete(
                messages, prompt_id=prompt_id, stream=stream, on_token=on_token if stream else None
            ).text.strip()
            if is_decline(reply):
                return _fallback(question, r, ctx, filters, msg("llm_declined", "en"))
            filled = fill(reply, slots, lang)
            problems = _check(question, filled, hits, rows_for, gap, lang)
            if not problems:
                return _answer(question, r, filled.text, hits, backend.name)
            messages = [
                *messages,
                {"role": "assistant", "content": reply},
                {"role": "user", "content": _feedback(problems, lang)},
            ]
    except (BackendError, ExtractionError) as exc:
        return _fallback(question, r, ctx, filters, msg("llm_unavailable", "en", error=exc.message))
    return _fallback(question, r, ctx, filters, msg("llm_rejected", "en", problems="; ".join(problems[:3])))


def _check(
    question: str, filled: Filled, hits: list[Hit], rows_for: RowLookup | None, gap: Gap | None, lang: str
) -> list[str]:
    """Every problem of a filled reply: unknown slots, Chinese left in English, no citation, the number guard."""
    problems = [f"{name} is not a tag of any passage figure" for name in filled.unknown]
    if lang == "en":
        problems += english_problems(filled, question)
    if not cited_numbers(filled.text, len(hits)):
        return [*problems, "the answer cites no passage"]
    # the guard reads each slot as the figure printed in the passage (its English rendering is code's)
    return problems + unsupported_figures(
        filled.printed_view(), hits, rows_for, gap.text("en") if gap else None
    )


def english_problems(filled: Filled, question: str) -> list[str]:
    """Chinese left in English prose (outside quotes, code-rendered figures and terms the question wrote)."""
    allowed = _CJK_RUN.findall(question)
    found = chinese_fragments(filled.text, allowed, [(a, b) for a, b, _ in filled.spans])
    return [
        f"Chinese text “{f}” in the English answer (write English; quote a Chinese term in “…”)"
        for f in dict.fromkeys(found)
    ]


def _feedback(problems: list[str], language: str) -> str:
    decline = DECLINE_REPLY.get(language, DECLINE_REPLY["zh"])
    figures = (
        "write each figure only as its {Fn} tag from the passage that states that very indicator for that "
        "place and period"
        if language == "en"
        else "copy each figure exactly from a passage that states that very indicator for that street and period"
    )
    return (
        f"Your answer failed the number check: {'; '.join(problems[:5])}. Answer again in "
        f"{'English' if language == 'en' else 'Chinese'}: {figures}, and cite that passage; if no passage "
        f'does, reply only "{decline}".'
    )


def _answer(question: str, r: Route, reply: str, hits: list[Hit], model: str) -> Answer:
    used = cited_numbers(reply, len(hits))
    citations = [_citation(n, hits[n - 1], reply) for n in used]
    return Answer(
        question=question,
        text=reply,
        language=r.language,
        route="passage",
        mode=model,
        citations=citations,
        intent=r.model_dump(),
    )


def _citation(n: int, hit: Hit, reply: str) -> Citation:
    """Cite the passage's sentence sharing the most figures with the reply (the whole chunk if none does)."""
    wanted = {round(f.value, 6) for f in reply_figures(CITE.sub(" ", reply))}
    best, best_score = (hit.chunk.start, hit.chunk.text), 0
    for m in SENT.finditer(hit.chunk.text):
        score = len(wanted & {round(f.value, 6) for f in reply_figures(m.group(0))})
        if score > best_score and m.group(0).strip():
            best, best_score = (hit.chunk.start + m.start(), m.group(0)), score
    start, quote = best
    lead = len(quote) - len(quote.lstrip())
    quote = quote.strip()
    return Citation(
        n=n,
        report_id=hit.chunk.report_id,
        street=hit.chunk.street,
        section=hit.chunk.section,
        quote=quote,
        start=start + lead,
        end=start + lead + len(quote),
    )


def _fallback(question: str, r: Route, ctx: Context, filters: Filters | None, why: str) -> Answer:
    answer = passage_answer(question, r, ctx, filters=filters)
    return answer.model_copy(update={"flagged": True, "caveats": [why, *answer.caveats]})
