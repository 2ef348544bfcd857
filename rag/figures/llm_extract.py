"""LLM-assisted indicator extraction: schema-validated output, grounded by the same validators, merged under
the rule results (a rule-found grounded figure is never replaced by a model's)."""

from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor

from pydantic import BaseModel, Field, ValidationError

from rag.errors import BackendError, ExtractionError
from rag.figures.extract import period_of
from rag.figures.lexicon import BY_KEY, TERMS, base_key
from rag.ingest.chunk import chunk_at
from rag.llm import LLMBackend
from rag.llm.prompts import fence, load_prompt
from rag.schemas import Chunk, Evidence, Indicator, Kind, Report, Section
from rag.text.cues import COMPLETION, CUMULATIVE, SHARE, TARGET, YOY
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
    checked = checked_kind(section.part, fig)
    if checked is None or not names_indicator(fig, key):
        log.debug("LLM figure rejected (kind or label): %s %s %s", fig.key, fig.kind, fig.quote[:40])
        return None
    kind: Kind = checked
    value = -abs(fig.value) if kind == "yoy_growth" and "下降" in fig.quote else fig.value
    norm, norm_unit = normalize(value, fig.unit)
    term = BY_KEY[key]
    try:
        return Indicator.model_validate(
            {"report_id": report.report_id, "street": report.street, "district": report.district,
             "period": period_of(report, section, fig.quote)[0], "key": key,
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
    """Rule rows stay exactly as they are (never relabelled); a model row is added only when no rule row states
    the same figure (same value) in an overlapping span or the same report, period, key and kind."""
    out = list(rules)
    for ind in llm:
        if any(r.report_id == ind.report_id and _same_value(r, ind)
               and (r.evidence.start < ind.evidence.end and ind.evidence.start < r.evidence.end
                    or (r.period, r.key, r.kind) == (ind.period, ind.key, ind.kind)) for r in out):
            continue
        out.append(ind)
    return out


def _same_value(a: Indicator, b: Indicator) -> bool:
    return a.normalized_unit == b.normalized_unit and abs(a.normalized_value - b.normalized_value) <= 1e-9 * max(
        1.0, abs(a.normalized_value))


# ---- the same kind and label checks as rule rows --------------------------------------------------------
_LEVELS = ("actual", "estimate", "cumulative")
_ACHIEVED = re.compile(r"已|完成了|实现了|已经")
_SUBSET = re.compile(r"以外|以下|之外|其中|部分|除")
_CLAUSE = re.compile(r"[^，,；;。]+")


def _clause(fig: LLMFigure) -> tuple[str, str]:
    """(clause of the quote holding the value, its words before the value)."""
    number = f"{fig.value:g}"
    for m in _CLAUSE.finditer(fig.quote):
        clause = m.group(0)
        at = clause.find(number) if number in clause else clause.find(str(abs(fig.value)).rstrip("0").rstrip("."))
        if at >= 0:
            return clause, clause[:at]
    return fig.quote, fig.quote


def checked_kind(part: str, fig: LLMFigure) -> Kind | None:
    """The kind the quote's cue words give (as for rule rows); None when the model's kind contradicts it.

    A task or target (任务, 目标, 力争, 计划 …, or any plan section) is a target, never an actual; a rate with
    growth wording is growth, a 完成率 a completion rate, an 占比 a share.
    """
    clause, _ = _clause(fig)
    percent = normalize(1.0, fig.unit)[1] == "percent" if fig.unit in UNITS else False
    expected: Kind
    if percent and COMPLETION.search(clause):
        expected = "completion_rate"
    elif percent and SHARE.search(clause):
        expected = "share"
    elif percent and YOY.search(clause):
        expected = "yoy_growth"
    elif part == "plan" or (TARGET.search(clause) and not _ACHIEVED.search(clause)):
        expected = "target"
    elif CUMULATIVE.search(clause):
        expected = "cumulative"
    else:
        expected = "actual"
    if fig.kind == expected:
        return expected
    if fig.kind in _LEVELS and expected in _LEVELS:
        return fig.kind if expected == "actual" else expected
    return None


def names_indicator(fig: LLMFigure, key: str) -> bool:
    """The quote's words before the value name the lexicon indicator, and not only a part of it."""
    term = BY_KEY[key]
    clause, before = _clause(fig)
    if not term.regex.search(before or clause):
        return False
    return not (_SUBSET.search(before) and not _SUBSET.search(term.zh))
