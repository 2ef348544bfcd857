"""LLM map-reduce summaries: section bullets as structured output, then a report headline; every figure
is checked against the source and anything untraceable falls back to the extractive bullet.

The English is the model's own English with every figure written by code: the section text and the key figures
carry slot tags ({F3}) the model writes in place of a figure, and code puts in "CNY 12.35 billion (123.45亿元)".
English with Chinese left outside quotes and printed figures (a clause copied from the report) is not kept
(`english_problems` checks a whole summary).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import zip_longest
from typing import Any

from pydantic import BaseModel, Field

from rag.errors import BackendError, ExtractionError, PromptError
from rag.figures.grounding import FigurePool, figures_in, reply_figures, untraced
from rag.llm import LLMBackend
from rag.llm.prompts import fence, load_prompt
from rag.schemas import Citation, Indicator
from rag.summary.common import ReportSummary, SectionSummary
from rag.summary.extractive import (
    EXTRACTIVE_VERSION,
    MIN_CHARS,
    Candidate,
    SummaryDoc,
    SummaryUnit,
    assemble,
    bigrams,
    choose_key_figures,
    en_line,
    extractive_unit,
    jaccard,
    pick_sentences,
    rank_candidates,
    section_summary,
    sentence_citation,
)
from rag.text.english import (
    SLOT,
    Filled,
    Slot,
    chinese_fragments,
    fill,
    quote_chinese,
    render_slot,
    tag_figures,
)
from rag.text.names import period_en, period_zh, place_en_pattern
from rag.text.numbers import format_zh

log = logging.getLogger(__name__)
# v2: English with code-written figures (slot tags); v1 stays for the record of older summaries
SECTION_PROMPT, REPORT_PROMPT = ("summarize_section", 2), ("summarize_report", 2)


class SectionBullets(BaseModel):
    """What the section prompt returns."""

    zh_bullets: list[str] = Field(default_factory=list)
    en_bullets: list[str] = Field(default_factory=list)


class ReportReduce(BaseModel):
    """What the report prompt returns (achievements/plans are not used: sections carry them, cited)."""

    headline_zh: str
    headline_en: str
    overview_zh: str = ""
    overview_en: str = ""


def llm_prompt_version() -> str:
    """The prompt ids an LLM summary depends on (part of the batch manifest)."""
    return "+".join(load_prompt(name, version).id for name, version in (SECTION_PROMPT, REPORT_PROMPT))


# ---- LLM map-reduce -----------------------------------------------------------------------------------
def llm_summary(doc: SummaryDoc, backend: LLMBackend, workers: int) -> ReportSummary:
    """Map each unit to bullets (bounded pool), keep the traceable ones, then reduce to a headline."""
    taken: list[set[str]] = []
    fallback = {id(u): extractive_unit(doc, u, taken) for u in doc.units}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        mapped = list(pool.map(lambda u: _map_unit(doc, u, backend), doc.units))
    replies = [reply for reply, _ in mapped]
    sections: list[SectionSummary] = []
    dropped: list[str] = []
    failed = 0
    for unit, (reply, slots) in zip(doc.units, mapped, strict=True):
        base = fallback[id(unit)]
        if reply is None:
            failed += 1
            if base is not None:
                sections.append(base)
            continue
        merged = (
            _merge(doc, unit, reply, slots, dropped) or base
        )  # an empty reply keeps the extractive points
        if merged is not None:
            sections.append(merged)
    if failed and not any(r is not None and (r.zh_bullets or r.en_bullets) for r in replies):
        return assemble(
            doc,
            sections,
            mode="extractive",
            prompt_version=EXTRACTIVE_VERSION,
            notes=(["模型调用失败，显示抽取式摘要"], ["The model calls failed; extractive summary shown"]),
        )
    extractive = {id(b) for b in fallback.values() if b is not None}
    sections = [_requoted(s) if id(s) in extractive else s for s in sections]
    notes = (
        (
            ["部分章节模型调用失败，改用抽取式要点"],
            ["Some sections fell back to extractive points (model call failed)"],
        )
        if failed
        else ([], [])
    )
    head, overview = _reduce(doc, sections, backend, dropped)
    summary = assemble(
        doc,
        sections,
        mode=backend.name,
        prompt_version=llm_prompt_version(),
        headline=head,
        overview=overview,
        dropped=dropped,
        notes=notes,
    )
    return _quote_code_english(summary, keep_headline=head is not None)


def _quote_code_english(summary: ReportSummary, *, keep_headline: bool) -> ReportSummary:
    """The English written by code around the model's (key figures, caveats, an extractive headline) with any
    Chinese name in it quoted, so no Chinese stands unquoted in the English of an LLM summary."""
    for k in summary.key_figures:
        k.en = quote_chinese(k.en)
    summary.caveats_en = [quote_chinese(c) for c in summary.caveats_en]
    if not keep_headline:
        summary.headline_en = quote_chinese(summary.headline_en)
    return summary


def _map_unit(
    doc: SummaryDoc, unit: SummaryUnit, backend: LLMBackend
) -> tuple[SectionBullets | None, list[Slot]]:
    """One section prompt (figures tagged with slots); None when the call or its validation fails."""
    r = doc.report
    text = "".join(r.text[s.start : s.end] for s in unit.sections)
    if len(text.strip()) < MIN_CHARS:
        return SectionBullets(), []
    tagged, slots = tag_figures(text, source=0)
    prompt = load_prompt(*SECTION_PROMPT)
    messages = prompt.render(
        street=r.street or "?",
        period=period_zh(r.plan_period if unit.part == "plan" else r.period_covered),
        part=unit.part,
        section_title=unit.path[-1],
        section_text=fence(tagged),
    )
    try:
        return backend.complete(messages, schema=SectionBullets, prompt_id=prompt.id).parsed, slots
    except (BackendError, ExtractionError, PromptError) as exc:
        log.warning("section %s: model call failed: %s", unit.heading, exc)
        return None, slots


def _merge(
    doc: SummaryDoc, unit: SummaryUnit, reply: SectionBullets, slots: list[Slot], dropped: list[str]
) -> SectionSummary | None:
    """Keep model bullets whose figures trace to the unit and whose English is English; replace the others by
    extractive sentences (English points from their figure rows)."""
    ranked = rank_candidates(doc, unit)
    pool = FigurePool(["".join(doc.report.text[s.start : s.end] for s in unit.sections)])
    zh: list[str] = []
    en: list[str] = []
    cites: list[Citation] = []
    used: list[set[str]] = []
    for z_raw, e_raw in zip_longest(reply.zh_bullets, reply.en_bullets, fillvalue=""):
        z, filled = fill(z_raw, slots, "zh").text, fill(e_raw, slots, "en")
        e = filled.text
        problems = untraced(z, "zh", pool)[1] + _english_checks(filled, pool)
        best = _best_sentence(ranked, z) if z else None
        if not problems:
            if z and best is not None:
                zh.append(z)
                cites.append(sentence_citation(doc, unit, best.start, best.end))
                used.append(bigrams(best.text))
            en += [e] if e else []
            continue
        dropped.extend(f"{unit.heading}: {p} (replaced by an extractive point)" for p in problems)
        grams = bigrams(z or e)
        for c in pick_sentences(sorted(ranked, key=lambda c: -jaccard(grams, bigrams(c.text))), 1, used):
            zh.append(c.text)
            cites.append(sentence_citation(doc, unit, c.start, c.end))
            en.extend(en_point(i) for i in doc.indicators if c.start <= i.evidence.start < c.end)
    return section_summary(doc, unit, zh, en, cites) if zh or en else None


def _requoted(section: SectionSummary) -> SectionSummary:
    """An extractive section of an LLM summary with its English labels quoted (see `requote`)."""
    return section.model_copy(update={"bullets_en": [requote(b) for b in section.bullets_en]})


def _english_checks(filled: Filled, pool: FigurePool) -> list[str]:
    """An English text's problems: unknown slots, figures typed by the model that do not trace (read with each
    slot as its printed figure), Chinese outside quotes and printed figures."""
    problems = [f"{name} is not a figure tag of the section" for name in filled.unknown]
    problems += untraced(filled.printed_view(), "en", pool)[1]
    spans = [(a, b) for a, b, _ in filled.spans]
    problems += [
        f"Chinese “{f}” in the English “{filled.text[:60]}”"
        for f in dict.fromkeys(chinese_fragments(filled.text, spans=spans, figures=True))
    ]
    return problems


def en_point(i: Indicator) -> str:
    """The extractive English point of a figure row, its label quoted when the row has no English label."""
    return requote(en_line(i))


_UNNAMED = re.compile(r"^(Target: )?figure: (.*?): (?=[^:]*$)")


def requote(line: str) -> str:
    """An extractive English point whose label is a Chinese clause ('figure: 集中隔离服务: …') with that label
    quoted as a name ('“集中隔离服务”: …'), and any other Chinese in it quoted."""
    line = _UNNAMED.sub(lambda m: (m.group(1) or "") + "“" + m.group(2).rstrip("”") + "”: ", line)
    return quote_chinese(line)


def english_problems(summary: ReportSummary) -> list[str]:
    """Chinese left in the English of a summary, outside quotes and printed figures (empty when it reads as
    English): headline, overview, key figures, section points, caveats."""
    texts = [
        summary.headline_en,
        summary.overview_en,
        *[k.en for k in summary.key_figures],
        *[b for s in [*summary.review, *summary.plan] for b in s.bullets_en],
        *summary.caveats_en,
    ]
    return [f"“{f}” in “{t[:80]}”" for t in texts for f in chinese_fragments(t, figures=True)]


def _best_sentence(ranked: Sequence[Candidate], bullet: str) -> Candidate | None:
    """The unit sentence sharing the most figures (then characters) with a model bullet."""
    want = {round(v, 6) for v, _ in figures_in(bullet, "zh")}
    grams = bigrams(bullet)

    def score(c: Candidate) -> tuple[int, float]:
        """(shared figures, character overlap)."""
        return len(want & {round(v, 6) for v, _ in figures_in(c.text, "zh")}), jaccard(grams, bigrams(c.text))

    return max(ranked, key=score, default=None)


def _reduce(
    doc: SummaryDoc, sections: Sequence[SectionSummary], backend: LLMBackend, dropped: list[str]
) -> tuple[tuple[str, str] | None, tuple[str, str]]:
    """Headline and overview from the model, kept only when every figure traces to points or key figures."""
    figures = choose_key_figures(doc)
    points = "\n".join(
        f"## {s.heading_zh} ({s.part}, {s.topic_en})\n"
        + "\n".join(f"- {b}" for b in [*s.bullets_zh, *s.bullets_en])
        for s in sections
    )
    slots = [
        render_slot(
            f"F{n}",
            k.indicator.value,
            k.indicator.unit,
            k.indicator.qualifier,
            format_zh(k.indicator.value, k.indicator.unit, k.indicator.qualifier),
            n,
        )
        for n, k in enumerate(figures, start=1)
    ]
    prompt = load_prompt(*REPORT_PROMPT)
    messages = prompt.render(
        street=doc.report.street or "?",
        period=period_zh(doc.report.period_covered),
        section_summaries=fence(points),
        key_figures=fence(
            "\n".join(f"{{{s.name}}} = {k.zh} | {k.en}" for s, k in zip(slots, figures, strict=True))
        ),
    )
    try:
        out: ReportReduce = backend.complete(messages, schema=ReportReduce, prompt_id=prompt.id).parsed
    except (BackendError, ExtractionError, PromptError) as exc:
        log.warning("report headline: model call failed: %s", exc)
        return None, ("", "")
    pool = FigurePool(
        [k.citation.quote for k in figures]
        + [c.quote for s in sections for c in s.citations]
        + [b for s in sections for b in s.bullets_zh]
    )
    zh = [fill(text, slots, "zh").text for text in (out.headline_zh, out.overview_zh)]
    en = [fill(text, slots, "en") for text in (out.headline_en, out.overview_en)]
    problems = [p for text in zh for p in untraced(text, "zh", pool)[1]]
    problems += [p for filled in en for p in _english_checks(filled, pool)]
    if problems:
        dropped.extend(f"headline: {p} (extractive headline shown)" for p in problems)
        return None, ("", "")
    return (zh[0], en[0].text), (zh[1], en[1].text)


# ---- faithfulness (the same evaluator scores summaries in `jiedao eval`) -------------------------------------


# ---- the collection overview's English narrative ------------------------------------------------------------
OVERVIEW_PROMPT = ("overview", 1)
_HIGH = re.compile(r"\b(highest|most|largest|biggest|greatest|top|leads?|led)\b", re.I)
_LOW = re.compile(r"\b(lowest|least|smallest|fewest|bottom)\b", re.I)


class OverviewSentences(BaseModel):
    """What the overview prompt returns: one English sentence per comparison row."""

    sentences: list[str] = Field(default_factory=list)


def llm_overview_narrative(overview: Any, backend: LLMBackend) -> tuple[list[str], list[str]]:
    """(English narrative, problems) of a cross-report overview (`rag.summary.batch.Overview`): the model's
    sentence per row where it names each place before its code-filled figure, keeps highest and lowest apart,
    types no figure and no Chinese; the row's code-written sentence otherwise (and when the call fails)."""
    rows = overview.rows
    if not rows:
        return list(overview.narrative_en), []
    slots = [
        _cell_slot(f"F{2 * n + j + 1}", cell)
        for n, row in enumerate(rows)
        for j, cell in enumerate((row.cells[0], row.cells[-1]))
    ]
    lines = [
        f"Row {n + 1} — {row.label_en}: highest {row.cells[0].street_en} {{F{2 * n + 1}}} "
        f"({period_en(row.cells[0].period)}); lowest {row.cells[-1].street_en} {{F{2 * n + 2}}} "
        f"({period_en(row.cells[-1].period)})" + ("; the periods differ" if row.periods_differ else "")
        for n, row in enumerate(rows)
    ]
    prompt = load_prompt(*OVERVIEW_PROMPT)
    try:
        out: OverviewSentences = backend.complete(
            prompt.render(rows=fence("\n".join(lines))), schema=OverviewSentences, prompt_id=prompt.id
        ).parsed
    except (BackendError, ExtractionError, PromptError) as exc:
        log.warning("overview narrative: model call failed: %s", exc)
        return list(overview.narrative_en), [f"model call failed: {exc}"]
    narrative, problems = [], []
    for n, (row, code) in enumerate(zip(rows, overview.narrative_en, strict=True)):
        said = out.sentences[n] if n < len(out.sentences) else ""
        found = _row_problems(said, row, slots[2 * n : 2 * n + 2], slots)
        narrative.append(fill(said, slots, "en").text if said and not found else code)
        problems += [
            f"row {n + 1}: {p} (code's sentence shown)" for p in found or ([] if said else ["no sentence"])
        ]
    return narrative, problems


def _cell_slot(name: str, cell: Any) -> Slot:
    """A slot showing an overview cell as code displays it (cumulative tag in English only)."""
    return Slot(name, cell.display_zh.replace("（累计）", ""), cell.display_en)


def _row_problems(sentence: str, row: Any, own: list[Slot], slots: list[Slot]) -> list[str]:
    """Why a model sentence may not stand for a row: places, highest/lowest, other rows' slots, figures, Chinese."""
    if not sentence:
        return []
    filled = fill(sentence, slots, "en")
    problems = [f"{name} is not a placeholder" for name in filled.unknown]
    if not filled.used() or any(s not in own for s in filled.used()) or own[0] not in filled.used():
        return [*problems, "does not state the row's highest figure, or uses another row's figures"]
    at = 0
    for start, end, slot in filled.spans:
        high = slot is own[0]
        cell = row.cells[0] if high else row.cells[-1]
        before = filled.text[at:start]
        if not re.search(place_en_pattern(cell.street or ""), before, re.I):
            problems.append(f"{cell.street_en} is not named before its figure")
        said, wrong = (_HIGH, _LOW) if high else (_LOW, _HIGH)
        if wrong.search(before) and not said.search(before):
            problems.append(f"{cell.street_en}'s figure is called the {'lowest' if high else 'highest'}")
        at = end
    problems += [f"{f.text} was typed by the model" for f in reply_figures(SLOT.sub(" ", sentence))]
    problems += [
        f"Chinese “{f}”" for f in chinese_fragments(filled.text, spans=[(a, b) for a, b, _ in filled.spans])
    ]
    return problems
