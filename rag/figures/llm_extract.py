"""LLM-assisted indicator extraction: schema-validated output, grounded by the same validators, merged under
the rule results (a rule-found grounded figure is never replaced by a model's)."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from pydantic import BaseModel, Field, ValidationError

from rag.errors import BackendError, ExtractionError
from rag.figures.extract import chunk_at, period_of
from rag.figures.lexicon import BY_KEY, KIND_SUFFIX, TERMS, base_key
from rag.llm import LLMBackend
from rag.llm.prompts import fence, load_prompt
from rag.schemas import Chunk, Evidence, Indicator, Kind, Report, Section
from rag.text.numbers import UNITS, normalize, scan_quantities

log = logging.getLogger(__name__)
PROMPT = "extract_indicators"


class LLMFigure(BaseModel):
    """One figure as the model reports it."""

    key: str
    value: float
    unit: str
    kind: Kind
    qualifier: str | None = None
    quote: str = Field(min_length=2)


class LLMFigures(BaseModel):
    """The model's reply for one section."""

    indicators: list[LLMFigure] = Field(default_factory=list)


def extract_with_llm(report: Report, sections: list[Section], chunks: list[Chunk],
                     backend: LLMBackend, *, max_workers: int = 4) -> list[Indicator]:
    """Ask the model section by section; keep only figures that pass the grounding validators."""
    todo = [s for s in sections if any(q.unit for q in scan_quantities(report.text[s.start : s.end]))]
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        replies = list(pool.map(lambda s: _ask(report, s, backend), todo))
    out: list[Indicator] = []
    for section, figures in zip(todo, replies, strict=True):
        for fig in figures:
            ind = _ground(report, section, chunks, fig)
            if ind is not None:
                out.append(ind)
    return out


def _ask(report: Report, section: Section, backend: LLMBackend) -> list[LLMFigure]:
    prompt = load_prompt(PROMPT)
    keys = "\n".join(f"{t.key}: {t.zh} / {t.en}" for t in TERMS)
    messages = prompt.render(street=report.street or "?", period=report.period_covered or "?", part=section.part,
                             section_title=section.heading, text=fence(report.text[section.start : section.end]),
                             keys=keys)
    try:
        reply = backend.complete(messages, schema=LLMFigures, prompt_id=prompt.id)
    except (BackendError, ExtractionError) as exc:
        log.warning("LLM extraction skipped for section %s: %s", section.heading[:20], exc.message)
        return []
    parsed = reply.parsed
    return parsed.indicators if isinstance(parsed, LLMFigures) else []


def _ground(report: Report, section: Section, chunks: list[Chunk],
            fig: LLMFigure) -> Indicator | None:
    """Find the quote in the section and validate; an ungrounded or unknown figure is dropped."""
    text = report.text
    pos = text.find(fig.quote, section.start, section.end)
    key = base_key(fig.key)
    if pos < 0 or key not in BY_KEY or fig.unit not in UNITS:
        return None
    kind: Kind = "target" if section.part == "plan" else fig.kind
    value = -abs(fig.value) if kind == "yoy_growth" and "下降" in fig.quote else fig.value
    norm, norm_unit = normalize(value, fig.unit)
    term = BY_KEY[key]
    try:
        return Indicator.model_validate(
            {"report_id": report.report_id, "street": report.street, "district": report.district,
             "period": period_of(report, section, fig.quote), "key": key + KIND_SUFFIX.get(kind, ""),
             "label_zh": term.zh, "label_en": term.en, "value": value, "unit": fig.unit,
             "normalized_value": norm, "normalized_unit": norm_unit, "kind": kind,
             "qualifier": fig.qualifier, "part": section.part,
             "evidence": Evidence(chunk_id=chunk_at(chunks, pos), start=pos, end=pos + len(fig.quote),
                                  quote=fig.quote)},
            context={"text": text},
        )
    except ValidationError as exc:
        log.debug("LLM figure rejected: %s", exc.errors()[0]["msg"])
        return None


def merge(rules: list[Indicator], llm: list[Indicator]) -> list[Indicator]:
    """Rule rows stay; a model row is added when no rule row states the figure, and it gives a generic
    ('other:…') rule row of the same figure and span its lexicon key."""
    out = list(rules)
    for ind in llm:
        same = [n for n, r in enumerate(out) if r.report_id == ind.report_id and r.kind == ind.kind
                and abs(r.normalized_value - ind.normalized_value) <= 1e-9 * max(1.0, abs(r.normalized_value))]
        if not same:
            out.append(ind)
            continue
        for n in same:
            r = out[n]
            if r.key.startswith("other:") and r.evidence.start <= ind.evidence.end and ind.evidence.start <= r.evidence.end:
                out[n] = r.model_copy(update={"key": ind.key, "label_zh": ind.label_zh, "label_en": ind.label_en})
                break
    return out
