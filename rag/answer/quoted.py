"""Questions that quote the report's own words and ask which figure they belong to ('报告中“同比下降8.5%”前面那个数是
多少？', '哪项指标“首次突破百亿大关”？具体是多少？', 'Which figure reached “全区占比近六成”?'): the quoted words are
found in the place's report, and the figure they speak of is read from the figure table rows of that sentence —
the level the quoted rate or multiple belongs to, or the figure the words follow.

Only a quote found verbatim in one report of the place asked is used; anything else is left to the other routes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.answer.passages import Context, passage_filters
from rag.answer.router import Route
from rag.schemas import Indicator
from rag.text.cues import QUOTE_ASKS_WHICH
from rag.text.numbers import scan_quantities
from rag.text.script import simplified

_QUOTE = re.compile(r"[“\"「『]([^”\"」』]{4,80})[”\"」』]")
_BEFORE = re.compile(r"前面|之前|\bbefore\b|\bprecedes?\b", re.I)
_AFTER = re.compile(r"后面|之后|紧跟|\bafter\b|\bfollows?\b", re.I)
_STATED = ("actual", "cumulative", "estimate", "target")  # figures a sentence states, aims included
_SENTENCE_END = "。！？；\n"


def rows_at_quote(question: str, r: Route, ctx: Context) -> tuple[str, Indicator, Indicator | None] | None:
    """The quoted words, the level figure they speak of and the quoted figure itself (None when the words hold
    no figure); None unless the words are found in one report of the one place asked and one figure is meant."""
    if len(r.places) != 1 or ctx.rows is None:
        return None
    outside = _QUOTE.sub(" ", question)
    if not QUOTE_ASKS_WHICH.search(outside):
        return None
    for m in _QUOTE.finditer(question):
        parts = [p.strip("，,。 ") for p in re.split(r"…+|\.{3,}", simplified(m.group(1)))]
        words = max(parts, key=len, default="")
        if len(words) < 4:
            continue
        found = _located(words, r, ctx)
        if found is None:
            continue
        report_id, at, sentence = found
        rows = sorted((x for x in ctx.rows(r.places[0]) if x.report_id == report_id
                       and sentence[0] <= x.evidence.start < sentence[1]), key=lambda x: x.evidence.start)
        picked = _meant(words, at, rows, outside)
        if picked is not None:
            return (words, *picked)
    return None


def _located(words: str, r: Route, ctx: Context) -> tuple[str, int, tuple[int, int]] | None:
    """Where the words stand in the place's reports: report, offset, and the sentence around them."""
    flt = replace(passage_filters(r, None), parts=[])
    spots: dict[tuple[str, int], tuple[int, int]] = {}
    for hit in ctx.search(words, 6, flt, False):
        text = simplified(hit.chunk.text)
        for m in re.finditer(re.escape(words), text):
            start = max((text.rfind(c, 0, m.start()) for c in _SENTENCE_END), default=-1) + 1
            ends = [e for c in _SENTENCE_END if (e := text.find(c, m.end())) >= 0]
            end = min(ends) if ends else len(text)
            key = (hit.chunk.report_id, hit.chunk.start + m.start())
            span = (hit.chunk.start + start, hit.chunk.start + end)
            old = spots.get(key)  # (chunks overlap: the widest view of the sentence)
            spots[key] = span if old is None else (min(old[0], span[0]), max(old[1], span[1]))
    if len(spots) != 1:
        return None
    (report_id, at), sentence = next(iter(spots.items()))
    return report_id, at, sentence


def _meant(words: str, at: int, rows: list[Indicator], outside: str) -> tuple[Indicator, Indicator | None] | None:
    """Of the sentence's rows, the level figure the words speak of, and the figure they quote (if any)."""
    quoted = [q for q in scan_quantities(words) if q.unit]
    inside = [x for x in rows if at <= x.evidence.start + len(x.evidence.quote) and x.evidence.start < at + len(words)]
    if quoted:
        # '“分别完成任务的1.2倍、1.4倍”——1.4倍对应的是哪项': the figure the question names again is the one asked
        again = {(abs(q.value), q.unit) for q in scan_quantities(outside) if q.unit}
        named = [q for q in quoted if (abs(q.value), q.unit) in again]
        if len(named) != 1 and len(quoted) != 1:
            return None
        q = named[0] if len(named) == 1 else quoted[0]
        own = [x for x in inside if abs(abs(x.value) - abs(q.value)) < 1e-9 and x.unit == q.unit]
        if len(own) != 1:
            return None
        hit = own[0]
        same = [x for x in rows if x.label_zh == hit.label_zh and x.kind in _STATED and x is not hit]
        if hit.kind in _STATED:
            return hit, None
        return (same[-1], hit) if same else None
    before = [x for x in rows if x.evidence.start < at and x.kind in _STATED]
    after = [x for x in rows if x.evidence.start >= at + len(words) and x.kind in _STATED]
    if _AFTER.search(outside) and not _BEFORE.search(outside):
        return (after[0], None) if after else None
    return (before[-1], None) if before else None  # '…58.6亿元，首次突破五十亿大关': the figure the words follow
