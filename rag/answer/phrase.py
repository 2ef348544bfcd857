"""English phrasing of a figure-route lookup by the model, with every figure written by code.

The figure route has found and checked the figure rows; the model only writes the English around them. It sees
each figure as a slot ({F1}) with its place, period, kind and what it measures, never the number, and code fills
the slot with "CNY 2.6 million (257.5万元)" and cites it. The filled text is checked like any LLM answer: the
first sentence states {F1}, no figure the model typed itself, kind / place / period of each sentence agree with
the row (`rag.answer.guard.mismatch`), a change rises or falls as the row does, no Chinese outside quotes. One
retry naming the problems, then the figure route's own answer, flagged. The answer can therefore never hold a
figure other than the figure route's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.answer.guard import SENT, RowLookup, is_decline, is_english, mismatch, sentences
from rag.errors import BackendError, ExtractionError
from rag.figures.grounding import reply_figures, rows_with
from rag.llm import LLMBackend
from rag.llm.prompts import fence, load_prompt
from rag.schemas import Answer, Indicator
from rag.text.english import Filled, Slot, chinese_fragments, fill, render_slot
from rag.text.messages import msg
from rag.text.names import period_en, place_en
from rag.text.numbers import format_zh

PROMPT = "phrase_answer"
_KIND_EN = {
    "actual": "result achieved",
    "estimate": "estimate",
    "cumulative": "cumulative total",
    "target": "target",
    "completion_rate": "share of the plan completed",
    "share": "share of the total",
}
_FALL = re.compile(
    r"\b(fell|fall(?:en|s|ing)?|decrease[ds]?|declin(?:e|ed|es|ing)|down|drop(?:ped|s)?|lower|"
    r"reduc(?:e|ed|tion)|cut)\b",
    re.I,
)
_RISE = re.compile(
    r"\b(rose|rise[sn]?|rising|grew|grow(?:th|s|n)?|increase[ds]?|up|higher|gain(?:ed)?)\b", re.I
)
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
# the scaffolding of the facts list copied into the answer instead of a sentence
_ECHO = re.compile(r"—\s*measures|\bmeasures\s+“|\bresult achieved\s*—", re.I)


def phrasable(answer: Answer) -> bool:
    """An English figure-route lookup (one to three figures, nothing computed, nothing ranked)."""
    return (
        answer.language == "en"
        and answer.route == "indicator"
        and answer.mode == "offline"
        and not answer.flagged
        and bool(answer.table)
        and 0 < len(answer.citations) <= 3
        and all(t.rank is None for t in answer.table or [])
        and answer.intent.get("intent") == "lookup"
        and msg("computed_note", "en") not in answer.caveats
    )


def phrase_figure_answer(
    question: str, answer: Answer, backend: LLMBackend, rows_for: RowLookup, *, places: Sequence[str] = ()
) -> Answer:
    """The figure route's `answer` in the model's English, figures by code; else `answer`, flagged."""
    rows = cited_rows(answer, rows_for)
    if rows is None:
        return answer
    slots = [
        render_slot(
            f"F{n}",
            row.value,
            row.unit,
            row.qualifier,
            format_zh(abs(row.value) if row.kind == "yoy_growth" else row.value, row.unit, row.qualifier),
            source=n,
        )
        for n, row in enumerate(rows, start=1)
    ]
    prompt = load_prompt(PROMPT)
    messages = prompt.render(
        question=question, facts=fence("\n".join(_fact(s, row) for s, row in zip(slots, rows, strict=True)))
    )
    problems: list[str] = []
    try:
        for _ in range(2):
            reply = backend.complete(messages, prompt_id=prompt.id).text.strip()
            if is_decline(reply):
                return _flagged(answer, msg("llm_phrase_declined", "en"))
            filled = fill(reply, slots, "en")
            problems = phrase_problems(filled, rows, question, list(places))
            if not problems:
                return answer.model_copy(
                    update={"text": _cited(filled) + _notes(answer), "mode": backend.name}
                )
            messages = [
                *messages,
                {"role": "assistant", "content": reply},
                {
                    "role": "user",
                    "content": "Your answer failed the check: "
                    + "; ".join(problems[:5])
                    + ". Write it again: every figure only as its placeholder ({F1} first), English only.",
                },
            ]
    except (BackendError, ExtractionError) as exc:
        return _flagged(answer, msg("llm_unavailable", "en", error=exc.message))
    return _flagged(answer, msg("llm_phrase_rejected", "en", problems="; ".join(problems[:3])))


def cited_rows(answer: Answer, rows_for: RowLookup) -> list[Indicator] | None:
    """The figure row behind each citation of a figure answer, in citation order (None if one is not found)."""
    table = {t.citation: t for t in answer.table or [] if t.citation is not None}
    found: list[Indicator] = []
    for c in sorted(answer.citations, key=lambda c: c.n):
        t = table.get(c.n)
        match = [
            row
            for row in rows_for([c.report_id])
            if row.evidence.start == c.start
            and row.evidence.end == c.end
            and t is not None
            and row.value == t.value
            and row.unit == t.unit
        ]
        if not match:
            return None
        found.append(next((row for row in match if t is not None and row.kind == t.kind), match[0]))
    return found


def _fact(slot: Slot, row: Indicator) -> str:
    """'{F1}: Buji Subdistrict, 2022, result achieved — measures “为企业减负” (cost relief for enterprises)'."""
    if row.kind == "yoy_growth":
        kind = "year-on-year fall" if row.value < 0 else "year-on-year rise"
    else:
        kind = _KIND_EN.get(row.kind, "result achieved")
    english = (
        "" if row.label_en.startswith("figure:") or _CJK_RUN.search(row.label_en) else f" ({row.label_en})"
    )
    return (
        f"{{{slot.name}}}: {place_en(row.street)}, {period_en(row.period)}, {kind} — measures “{row.label_zh}”"
        f"{english}"
    )


def phrase_problems(filled: Filled, rows: list[Indicator], question: str, places: list[str]) -> list[str]:
    """Why a filled phrasing may not be shown ('' list when it may)."""
    problems = [f"{name} is not a placeholder of the facts" for name in filled.unknown]
    first = next(SENT.finditer(filled.text), None)
    if not any(s.name == "F1" and first is not None and start < first.end() for start, _, s in filled.spans):
        problems.append("the first sentence does not state {F1}")
    if _ECHO.search(filled.text):
        problems.append("it copies the wording of the facts list; write a sentence")
    spans = [(a, b) for a, b, _ in filled.spans]
    named = {
        n for n in re.findall(r"\d+(?:\.\d+)?", question)
    }  # "12345 hotline", "under 3": the user's words
    problems += [
        f"Chinese text “{f}” in the English answer"
        for f in dict.fromkeys(chinese_fragments(filled.text, _CJK_RUN.findall(question), spans))
    ]
    for sentence in sentences(filled.printed_view(), 0):
        if not is_english(sentence.text):
            problems.append(f"“{sentence.text[:40]}” is not English")
            continue
        for fig in reply_figures(sentence.text):
            holders = rows_with(fig, rows)
            if not holders and fig.unit is None and fig.text in named:
                continue
            if not holders:
                problems.append(f"{fig.text} is not one of the facts (write figures only as placeholders)")
                continue
            reasons = [
                mismatch(sentence.text, fig, row, places) or _direction(sentence.text, row) for row in holders
            ]
            if all(reasons):
                problems.append(f"{fig.text} {reasons[0]}")
    return problems


def _direction(sentence: str, row: Indicator) -> str:
    """A change stated as a rise when the row is a fall, or the reverse ('' when it agrees)."""
    if row.kind != "yoy_growth" or not row.value:
        return ""
    wrong = _RISE if row.value < 0 else _FALL
    return f"is a {'fall' if row.value < 0 else 'rise'} in the report" if wrong.search(sentence) else ""


def _cited(filled: Filled) -> str:
    """The filled text with each sentence's slots cited, "[n]" before its full stop."""
    out, at = [], 0
    for m in SENT.finditer(filled.text):
        body = m.group(0)
        cites = sorted({s.source for a, _, s in filled.spans if m.start() <= a < m.end()})
        out.append(filled.text[at : m.start()])
        if cites:
            stripped = body.rstrip()
            stop = re.search(r"[.。!?！？]+$", stripped)
            core, end = (stripped[: stop.start()], stop.group(0)) if stop else (stripped, ".")
            body = f"{core.rstrip()} {''.join(f'[{n}]' for n in cites)}{end}" + body[len(stripped) :]
        out.append(body)
        at = m.end()
    return ("".join(out) + filled.text[at:]).strip()


def _notes(answer: Answer) -> str:
    """The figure answer's notes that are part of its text (period chosen, …), kept after the model's words."""
    notes = [c for c in answer.caveats if c in answer.text]
    return "".join(" " + n for n in notes)


def _flagged(answer: Answer, why: str) -> Answer:
    return answer.model_copy(update={"flagged": True, "caveats": [why, *answer.caveats]})
