"""The naive RAG baseline the evals compare against: dense-only top-3, first matching number, no indicator route."""

from __future__ import annotations

from collections.abc import Callable

from rag.answer.passages import focus_terms
from rag.answer.router import route
from rag.schemas import Answer, Citation, Hit
from rag.text.numbers import scan_quantities


def naive_answer(question: str, search: Callable[[str, int], list[Hit]]) -> Answer:
    """What a chunk-stuffing pipeline does offline: the first number in the top passage that mentions the topic."""
    r = route(question, [])
    hits = search(question, 3)
    focus = focus_terms(question, r)
    for h in hits:
        text = h.chunk.text
        for q in scan_quantities(text):
            window = text[max(0, q.start - 30) : q.end]
            if q.unit and (not focus or any(f in window for f in focus)):
                quote = text[max(0, q.start - 30) : q.end]
                start = h.chunk.start + max(0, q.start - 30)
                cite = Citation(n=1, report_id=h.chunk.report_id, street=h.chunk.street, section=h.chunk.section,
                                quote=quote, start=start, end=start + len(quote))
                return Answer(question=question, text=f"{h.chunk.street or ''}:{quote}[1]", language=r.language,
                              route="passage", mode="baseline", citations=[cite])
    return Answer(question=question, text="(no answer)", language=r.language, route="abstain", mode="baseline")
