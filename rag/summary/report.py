"""Summarise one ingested report: map-reduce with an LLM when one is available, else extractive."""

from __future__ import annotations

from typing import Any

from rag.llm import LLMBackend
from rag.summary.common import ReportSummary
from rag.summary.extractive import EXTRACTIVE_VERSION, assemble, extractive_sections, load_doc
from rag.summary.llm import llm_summary


def summarize_report(corpus: Any, report_id: str, *, backend: LLMBackend | None = None) -> ReportSummary:
    """Summarise one ingested report: map-reduce with `backend` when available, else extractive."""
    doc = load_doc(corpus, report_id)
    if backend is not None and backend.available:
        workers = getattr(getattr(corpus, "settings", None), "llm_max_concurrency", 4)
        return llm_summary(doc, backend, workers)
    return assemble(doc, extractive_sections(doc), mode="extractive", prompt_version=EXTRACTIVE_VERSION)
