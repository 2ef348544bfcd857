"""LLM map-reduce summaries: section bullets as structured output, then a report headline; every figure
is checked against the source and anything untraceable falls back to the extractive bullet."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import zip_longest

from pydantic import BaseModel, Field

from rag.errors import BackendError, ExtractionError, PromptError
from rag.figures.grounding import FigurePool, figures_in, untraced
from rag.llm import LLMBackend
from rag.llm.prompts import fence, load_prompt
from rag.schemas import Citation
from rag.summary.common import ReportSummary, SectionSummary
from rag.summary.extractive import (
    EXTRACTIVE_VERSION,
    MIN_CHARS,
    REPORT_PROMPT,
    SECTION_PROMPT,
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
from rag.text.names import period_zh

log = logging.getLogger(__name__)


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
        replies = list(pool.map(lambda u: _map_unit(doc, u, backend), doc.units))
    sections: list[SectionSummary] = []
    dropped: list[str] = []
    failed = 0
    for unit, reply in zip(doc.units, replies, strict=True):
        base = fallback[id(unit)]
        if reply is None:
            failed += 1
            if base is not None:
                sections.append(base)
            continue
        merged = _merge(doc, unit, reply, dropped) or base  # an empty reply keeps the extractive points
        if merged is not None:
            sections.append(merged)
    if failed and not any(r is not None and (r.zh_bullets or r.en_bullets) for r in replies):
        return assemble(doc, sections, mode="extractive", prompt_version=EXTRACTIVE_VERSION,
                         notes=(["模型调用失败，显示抽取式摘要"], ["The model calls failed; extractive summary shown"]))
    notes = (["部分章节模型调用失败，改用抽取式要点"], ["Some sections fell back to extractive points (model call failed)"]) \
        if failed else ([], [])
    head, overview = _reduce(doc, sections, backend, dropped)
    return assemble(doc, sections, mode=backend.name, prompt_version=llm_prompt_version(), headline=head,
                     overview=overview, dropped=dropped, notes=notes)


def _map_unit(doc: SummaryDoc, unit: SummaryUnit, backend: LLMBackend) -> SectionBullets | None:
    """One section prompt; None when the call or its validation fails."""
    r = doc.report
    text = "".join(r.text[s.start : s.end] for s in unit.sections)
    if len(text.strip()) < MIN_CHARS:
        return SectionBullets()
    prompt = load_prompt(*SECTION_PROMPT)
    messages = prompt.render(street=r.street or "?", period=period_zh(r.plan_period if unit.part == "plan"
                             else r.period_covered), part=unit.part, section_title=unit.path[-1],
                             section_text=fence(text))
    try:
        return backend.complete(messages, schema=SectionBullets, prompt_id=prompt.id).parsed
    except (BackendError, ExtractionError, PromptError) as exc:
        log.warning("section %s: model call failed: %s", unit.heading, exc)
        return None


def _merge(doc: SummaryDoc, unit: SummaryUnit, reply: SectionBullets, dropped: list[str]) -> SectionSummary | None:
    """Keep model bullets whose figures trace to the unit; replace the others by extractive sentences."""
    ranked = rank_candidates(doc, unit)
    pool = FigurePool(["".join(doc.report.text[s.start : s.end] for s in unit.sections)])
    zh: list[str] = []
    en: list[str] = []
    cites: list[Citation] = []
    used: list[set[str]] = []
    for z, e in zip_longest(reply.zh_bullets, reply.en_bullets, fillvalue=""):
        problems = untraced(z, "zh", pool)[1] + untraced(e, "en", pool)[1]
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
            en.extend(en_line(i) for i in doc.indicators if c.start <= i.evidence.start < c.end)
    return section_summary(doc, unit, zh, en, cites) if zh or en else None


def _best_sentence(ranked: Sequence[Candidate], bullet: str) -> Candidate | None:
    """The unit sentence sharing the most figures (then characters) with a model bullet."""
    want = {round(v, 6) for v, _ in figures_in(bullet, "zh")}
    grams = bigrams(bullet)

    def score(c: Candidate) -> tuple[int, float]:
        """(shared figures, character overlap)."""
        return len(want & {round(v, 6) for v, _ in figures_in(c.text, "zh")}), jaccard(grams, bigrams(c.text))

    return max(ranked, key=score, default=None)


def _reduce(doc: SummaryDoc, sections: Sequence[SectionSummary], backend: LLMBackend,
            dropped: list[str]) -> tuple[tuple[str, str] | None, tuple[str, str]]:
    """Headline and overview from the model, kept only when every figure traces to points or key figures."""
    figures = choose_key_figures(doc)
    points = "\n".join(f"## {s.heading_zh} ({s.part}, {s.topic_en})\n" + "\n".join(f"- {b}" for b in
                       [*s.bullets_zh, *s.bullets_en]) for s in sections)
    prompt = load_prompt(*REPORT_PROMPT)
    messages = prompt.render(street=doc.report.street or "?", period=period_zh(doc.report.period_covered),
                             section_summaries=fence(points),
                             key_figures=fence("\n".join(f"{k.zh} | {k.en}" for k in figures)))
    try:
        out: ReportReduce = backend.complete(messages, schema=ReportReduce, prompt_id=prompt.id).parsed
    except (BackendError, ExtractionError, PromptError) as exc:
        log.warning("report headline: model call failed: %s", exc)
        return None, ("", "")
    pool = FigurePool([k.citation.quote for k in figures] + [c.quote for s in sections for c in s.citations]
                      + [b for s in sections for b in s.bullets_zh])
    problems = [p for text in (out.headline_zh, out.overview_zh) for p in untraced(text, "zh", pool)[1]]
    problems += [p for text in (out.headline_en, out.overview_en) for p in untraced(text, "en", pool)[1]]
    if problems:
        dropped.extend(f"headline: {p} (extractive headline shown)" for p in problems)
        return None, ("", "")
    return (out.headline_zh, out.headline_en), (out.overview_zh, out.overview_en)


# ---- faithfulness (the same evaluator scores summaries in `jiedao eval`) -------------------------------------
