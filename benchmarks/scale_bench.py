"""Block 2: a 100-report corpus (benchmarks/generate.py), hash embedder — is the per-report ingest time flat?"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.common import PhaseTimer, bench_settings, peak_rss_mb, timed_embedder
from benchmarks.generate import corpus_shape, generate
from rag.corpus import Corpus

# (object, method, label): the ingest phases timed per report ("dense" is corpus.dense, else the corpus).
PHASES = (("corpus", "_ingest_one", "prepare + SQLite store"), ("dense", "upsert", "Chroma upsert"),
          ("corpus", "_refresh", "BM25 rebuild + retriever refresh"))


def scale_block(work: Path) -> dict[str, Any]:
    """Ingest 100 reports one file per call (hash embedder), re-ingest warm, then all in one call."""
    made = generate(work / "scale_reports")
    # Pay the once-per-process costs (jieba dictionaries, tiktoken, chromadb import) before timing reports.
    Corpus(bench_settings(work / "scale_warmup", "hash")).ingest([work / "scale_reports" / made[-1]["file"]])
    settings = bench_settings(work / "scale", "hash")
    embedder = timed_embedder(settings)
    corpus = Corpus(settings, embedder=embedder)
    timer = PhaseTimer()
    for obj, attr, label in PHASES:
        timer.wrap(corpus.dense if obj == "dense" else corpus, attr, label)
    per_report, chunks, phases = [], [], []
    before = 0
    for row in made:
        seen = {**timer.seconds, "embedding": embedder.passage_s}
        t0 = time.perf_counter()
        corpus.ingest([work / "scale_reports" / row["file"]])
        per_report.append(1000 * (time.perf_counter() - t0))
        now = {**timer.seconds, "embedding": embedder.passage_s}
        phases.append({k: 1000 * (v - seen.get(k, 0.0)) for k, v in now.items()})
        total = len(corpus.store.chunks())
        chunks.append(total - before)
        before = total
    t0 = time.perf_counter()
    corpus.ingest([work / "scale_reports"])
    warm = time.perf_counter() - t0
    out: dict[str, Any] = {
        **corpus_shape(corpus, made), "chunks": before, "indicators": len(corpus.indicators()),
        "ingest": flatness(per_report, chunks, phases), "warm_reingest_s": warm,
        "cold_total_s": sum(per_report) / 1000,
    }
    out["batch"] = batch_ingest(work)
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def batch_ingest(work: Path) -> dict[str, Any]:
    """The same 100 files in one ingest() call: per-file prepare + store, then one embed/index pass."""
    corpus = Corpus(bench_settings(work / "scale_batch", "hash"))
    timer = PhaseTimer()
    timer.wrap(corpus, "_ingest_one", "per file")
    t0 = time.perf_counter()
    results = corpus.ingest([work / "scale_reports"])
    total = time.perf_counter() - t0
    per_file = [1000 * s for s in timer.calls["per file"]]
    sizes = Counter(c.report_id for c in corpus.store.chunks())
    # Files differ in length, so flatness is judged per chunk (the first files are the long originals).
    per_chunk = [ms / max(1, sizes.get(r.report_id or "", 1)) for ms, r in zip(per_file, results, strict=True)]
    first, last = statistics.mean(per_file[:20]), statistics.mean(per_file[-20:])
    return {"total_s": total, "per_file_total_s": sum(per_file) / 1000,
            "finish_s": total - sum(per_file) / 1000, "first20_mean_ms": first, "last20_mean_ms": last,
            "first20_ms_per_chunk": statistics.mean(per_chunk[:20]),
            "last20_ms_per_chunk": statistics.mean(per_chunk[-20:]),
            "last_over_first": statistics.mean(per_chunk[-20:]) / statistics.mean(per_chunk[:20])}


def flatness(per_report_ms: list[float], chunks: list[int], phases: list[dict[str, float]]) -> dict[str, Any]:
    """Mean ms per report by decile of ingest order, first 20 vs last 20 (per chunk and per phase)."""
    n = len(per_report_ms)
    step = max(1, n // 10)
    deciles = [statistics.mean(per_report_ms[i : i + step]) for i in range(0, n, step)]
    first, last = statistics.mean(per_report_ms[:20]), statistics.mean(per_report_ms[-20:])
    return {"decile_mean_ms": deciles, "first20_mean_ms": first, "last20_mean_ms": last,
            "last_over_first": last / first,
            "first20_ms_per_chunk": sum(per_report_ms[:20]) / max(1, sum(chunks[:20])),
            "last20_ms_per_chunk": sum(per_report_ms[-20:]) / max(1, sum(chunks[-20:])),
            "phases": {k: {"first20_mean_ms": statistics.mean(p.get(k, 0.0) for p in phases[:20]),
                           "last20_mean_ms": statistics.mean(p.get(k, 0.0) for p in phases[-20:])}
                       for k in phases[-1]}}
