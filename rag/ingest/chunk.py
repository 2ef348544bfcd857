"""Token-aware chunker: sentence boundaries, section-aware breaks, exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.schemas import Chunk, ReportMeta, Section
from rag.text.tokens import count_tokens

_SENTENCE = re.compile(r"[^。！？；;!?\n]*(?:[。！？；;!?]+[”’\"」』)]?|\n+|$)")
_CLAUSE = re.compile(r"[^,，、]*(?:[,，、]|$)")
_SHORT_SECTION = 100


def chunk_at(chunks: list[Chunk], pos: int) -> str:
    """Id of the chunk holding character `pos` (the nearest one if none does)."""
    for c in chunks:
        if c.start <= pos < c.end:
            return c.chunk_id
    return min(chunks, key=lambda c: abs(c.start - pos)).chunk_id if chunks else "none"


def chunk_report(meta: ReportMeta, text: str, sections: list[Section], *, max_tokens: int = 400) -> list[Chunk]:
    """Cut `text` into chunks of at most `max_tokens` that never straddle a part or a level-0/1 heading."""
    chunks: list[Chunk] = []
    for start, end in _blocks(sections, len(text)):
        for c_start, c_end in _pack(text, start, end, max_tokens):
            body = text[c_start:c_end]
            lead = len(body) - len(body.lstrip())
            trail = len(body) - len(body.rstrip())
            c_start, c_end = c_start + lead, c_end - trail
            if c_end <= c_start:
                continue
            section = _section_at(sections, c_start)
            chunks.append(
                Chunk(
                    chunk_id=f"{meta.report_id}:{len(chunks):04d}", report_id=meta.report_id,
                    street=meta.street, district=meta.district,
                    period=meta.plan_period if section.part == "plan" else meta.period_covered,
                    part=section.part, section=" > ".join(section.path), start=c_start, end=c_end,
                    text=text[c_start:c_end], n_tokens=count_tokens(text[c_start:c_end]),
                )
            )
    return chunks


def _blocks(sections: list[Section], n: int) -> Iterator[tuple[int, int]]:
    """Spans between hard breaks: part changes and level-0/1 headings."""
    breaks = [s.start for i, s in enumerate(sections) if i == 0 or s.level <= 1 or s.part != sections[i - 1].part]
    bounds = sorted({0, *breaks, n})
    yield from zip(bounds, bounds[1:], strict=False)


def _pack(text: str, start: int, end: int, max_tokens: int) -> Iterator[tuple[int, int]]:
    """Greedily pack sentences (split further into clauses when one is too long) under the budget."""
    cur_start, cur_tokens = start, 0
    for s_start, s_end in _units(text, start, end, max_tokens):
        tokens = count_tokens(text[s_start:s_end])
        if cur_tokens and cur_tokens + tokens > max_tokens:
            yield cur_start, s_start
            cur_start, cur_tokens = s_start, 0
        cur_tokens += tokens
    if cur_start < end:
        yield cur_start, end


def _units(text: str, start: int, end: int, max_tokens: int) -> Iterator[tuple[int, int]]:
    for m in _SENTENCE.finditer(text, start, end):
        if m.end() == m.start():
            continue
        if count_tokens(m.group(0)) <= max_tokens:
            yield m.start(), m.end()
            continue
        for c in _CLAUSE.finditer(text, m.start(), m.end()):
            if c.end() > c.start():
                yield from _hard_split(c.start(), c.end(), text, max_tokens)


def _hard_split(start: int, end: int, text: str, max_tokens: int) -> Iterator[tuple[int, int]]:
    """Last resort for a clause with no punctuation (e.g. a 1 MB line): fixed-size character windows."""
    if count_tokens(text[start:end]) <= max_tokens:
        yield start, end
        return
    step = max(16, max_tokens // 2)
    a = start
    while a < end:
        b = min(a + step, end)
        while b - a > 1 and count_tokens(text[a:b]) > max_tokens:  # rare characters take several tokens
            b = a + (b - a) // 2
        yield a, b
        a = b


def _section_at(sections: list[Section], pos: int) -> Section:
    """The section holding `pos`; a heading-only stub defers to the section after it."""
    for i, s in enumerate(sections):
        if s.start <= pos < s.end:
            if s.end - s.start < _SHORT_SECTION and i + 1 < len(sections) and sections[i + 1].part == s.part:
                return sections[i + 1]
            return s
    return sections[-1]
