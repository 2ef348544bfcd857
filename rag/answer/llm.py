"""The LLM passage answer: numbered passages in a fenced prompt, [n] citations, and a number guard.

The guard re-reads every figure of the reply (Chinese or English wording, after unit normalisation) and
requires it in a passage the same sentence cites. A reply that fails is retried once with the offending
figures named; a second failure, or a failing endpoint, gives the extractive answer, flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.answer.passages import Context, passage_answer, passage_filters
from rag.answer.router import Route
from rag.errors import BackendError, ExtractionError
from rag.figures.grounding import in_sources, shown_figures
from rag.llm import LLMBackend
from rag.llm.prompts import fence, load_prompt
from rag.schemas import Answer, Citation, Hit
from rag.search.retrieve import Filters

PROMPT = "answer"
K_PASSAGES = 6
# A "." ends a sentence only before whitespace or the end (12.35 is a number, not two sentences).
_SENT = re.compile(r"(?:[^。！？!?.\n]|\.(?!\s|$))+(?:[。！？!?]+|\.(?=\s|$)|\n|$)")
_CITE = re.compile(r"\[(\d{1,2})\]")
_NOT_FOUND = re.compile(r"报告中未找到|not found in the reports", re.I)


def build_messages(question: str, language: str, hits: list[Hit]) -> list[dict[str, str]]:
    """The answer prompt with numbered, fenced passages (also used to count tokens in benchmarks)."""
    numbered = "\n".join(f"[{n}] ({h.chunk.street or '?'}, {h.chunk.period or '?'}, {h.chunk.section}) {h.chunk.text}"
                         for n, h in enumerate(hits, start=1))
    return load_prompt(PROMPT).render(question=question, language=language, passages=fence(numbered))


def llm_passage_answer(question: str, r: Route, ctx: Context, backend: LLMBackend, *,
                       filters: Filters | None = None, on_token: Callable[[str], None] | None = None) -> Answer:
    """Retrieve, ask the model, guard its numbers; fall back to the extractive answer when anything fails."""
    flt = passage_filters(r, filters)
    hits = ctx.search(question, K_PASSAGES, flt, len(flt.streets) > 1)
    if not hits:
        return passage_answer(question, r, ctx, filters=filters)
    messages = build_messages(question, r.language, hits)
    prompt_id = load_prompt(PROMPT).id
    problems: list[str] = []
    try:
        for _ in range(2):
            reply = backend.complete(messages, prompt_id=prompt_id, stream=on_token is not None,
                                     on_token=on_token).text.strip()
            if _NOT_FOUND.search(reply) and not _CITE.search(reply):
                return passage_answer(question, r, ctx, filters=filters)
            problems = unsupported_figures(reply, hits) if _CITE.search(reply) else ["the answer cites no passage"]
            if not problems:
                return _answer(question, r, reply, hits, backend.name)
            messages = [*messages, {"role": "assistant", "content": reply},
                        {"role": "user", "content": _feedback(problems)}]
    except (BackendError, ExtractionError) as exc:
        return _fallback(question, r, ctx, filters, f"LLM unavailable ({exc.message}); offline answer shown")
    return _fallback(question, r, ctx, filters,
                     "LLM answer failed the number check (" + "; ".join(problems[:3]) + "); extractive answer shown")


def unsupported_figures(reply: str, hits: list[Hit]) -> list[str]:
    """Figures in `reply` that no passage cited by their sentence contains (all passages if none cited)."""
    problems = []
    for m in _SENT.finditer(reply):
        sentence = m.group(0)
        cited = [int(n) for n in _CITE.findall(sentence) if 1 <= int(n) <= len(hits)]
        sources = [hits[n - 1].chunk.text for n in cited] or [h.chunk.text for h in hits]
        for shown, value, unit in shown_figures(_CITE.sub(" ", sentence)):
            if not in_sources(value, unit, sources):
                problems.append(f"{shown} is not in passage {cited or 'any'}")
    return problems


def _feedback(problems: list[str]) -> str:
    return ("These figures do not appear in the passages you cited: " + "; ".join(problems[:5]) +
            ". Answer again using only figures copied exactly from the cited passages, or say the reports do "
            "not contain the answer.")


def _answer(question: str, r: Route, reply: str, hits: list[Hit], model: str) -> Answer:
    used = sorted({int(n) for n in _CITE.findall(reply) if 1 <= int(n) <= len(hits)})
    citations = [_citation(n, hits[n - 1], reply) for n in used]
    return Answer(question=question, text=reply, language=r.language, route="passage", mode=model,
                  citations=citations, intent=r.model_dump())


def _citation(n: int, hit: Hit, reply: str) -> Citation:
    """Cite the passage's sentence sharing the most figures with the reply (the whole chunk if none does)."""
    wanted = {round(v, 6) for _, v, _ in shown_figures(reply)}
    best, best_score = (hit.chunk.start, hit.chunk.text), 0
    for m in _SENT.finditer(hit.chunk.text):
        score = len(wanted & {round(v, 6) for _, v, _ in shown_figures(m.group(0))})
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
