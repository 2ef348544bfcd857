"""Shared helpers for the benchmark blocks: paths, settings, timing embedders, percentiles, peak RSS."""

from __future__ import annotations

import math
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from rag.config import Settings
from rag.evals.scoring import Fact, load_jsonl
from rag.search.embedders import Embedder, get_embedder

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOLD = ROOT / "evals" / "data"


def bench_settings(data_dir: Path, embedder: str) -> Settings:
    """Explicit offline settings: no LLM, no network, the given embedder."""
    return Settings(data_dir=data_dir, embedder=embedder, model="offline", allow_network_llm=False,
                    chroma_host=None)


def gold_facts() -> list[Fact]:
    """The gold questions (evals/data/facts.jsonl)."""
    return load_jsonl(GOLD / "facts.jsonl", Fact)


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def median_or_nan(values: Sequence[float]) -> float:
    """Median, NaN for no values (a route no question took)."""
    return statistics.median(values) if values else float("nan")


class TimedEmbedder:
    """Wraps an embedder: same vectors and collection name, counts calls and time, keeps the passage batches."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.dim = inner.dim
        self.passage_s = 0.0
        self.query_s = 0.0
        self.query_calls = 0
        self.batches: list[list[str]] = []

    def name(self) -> str:
        """The wrapped embedder's id, so the same Chroma collection is used."""
        return self.inner.name()

    def __call__(self, input: Sequence[str]) -> list[list[float]]:
        self.batches.append(list(input))
        t0 = time.perf_counter()
        try:
            return self.inner(input)
        finally:
            self.passage_s += time.perf_counter() - t0

    def embed_query(self, query: str) -> list[float]:
        """Embed a query with the wrapped embedder, counting the call."""
        self.query_calls += 1
        t0 = time.perf_counter()
        try:
            return self.inner.embed_query(query)
        finally:
            self.query_s += time.perf_counter() - t0


class MixedEmbedder(TimedEmbedder):
    """Passages from one embedder (stored vectors), queries from another: real query cost over a large index."""

    def __init__(self, passages: Embedder, queries: Embedder) -> None:
        super().__init__(passages)
        self.queries = queries

    def embed_query(self, query: str) -> list[float]:
        """Embed the query with the query embedder (same dimension, different space: latency only)."""
        self.query_calls += 1
        t0 = time.perf_counter()
        try:
            return self.queries.embed_query(query)
        finally:
            self.query_s += time.perf_counter() - t0


class PhaseTimer:
    """Accumulates the time spent in chosen methods of live objects (a method that no longer exists is skipped)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, list[float]] = defaultdict(list)

    def wrap(self, obj: object, attr: str, label: str) -> None:
        """Replace obj.attr by a timing wrapper on this instance only."""
        method: Callable[..., Any] | None = getattr(obj, attr, None)
        if method is None:
            return

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                dt = time.perf_counter() - t0
                self.seconds[label] += dt
                self.calls[label].append(dt)

        setattr(obj, attr, timed)


def timed_embedder(settings: Settings) -> TimedEmbedder:
    """The configured embedder, wrapped for timing."""
    return TimedEmbedder(get_embedder(settings))


LABEL_BATCH = 16  # the batch size ingest uses for chunks (larger batches of short labels are ~25% faster)


def embed_labels(embedder: Embedder, labels: Sequence[str],
                 batch: int = LABEL_BATCH) -> tuple[dict[str, list[float]], float]:
    """Every distinct label embedded once, as the matcher embeds them (passage form); vectors and seconds."""
    vectors: dict[str, list[float]] = {}
    t0 = time.perf_counter()
    for i in range(0, len(labels), batch):
        vectors.update(zip(labels[i : i + batch], embedder(labels[i : i + batch]), strict=True))
    return vectors, time.perf_counter() - t0


class LabelVectors:
    """The matcher's label embedder with the labels embedded beforehand; other texts (the question's phrase)
    are embedded on each call, as they would be in a product that stores label vectors at ingest."""

    def __init__(self, embedder: Embedder, vectors: dict[str, list[float]]) -> None:
        self.embedder = embedder
        self.vectors = vectors
        self.calls = 0

    def __call__(self, texts: Sequence[str]) -> list[list[float]]:
        missing = [t for t in texts if t not in self.vectors]
        fresh: dict[str, list[float]] = {}
        if missing:
            self.calls += 1
            fresh = dict(zip(missing, self.embedder(missing), strict=True))
        return [self.vectors[t] if t in self.vectors else fresh[t] for t in texts]


@contextmanager
def dense_labels(embedder: Embedder, vectors: dict[str, list[float]]) -> Iterator[LabelVectors]:
    """Corpus.ask with dense label matching on: the answerers' Context gets a label embedder.

    Corpus.ask builds its Context without one (dense matching is off in the product); it imports Context from
    rag.answer.passages at each call, so replacing that name switches it on for this block only.
    """
    import rag.answer.passages as passages

    label_embed = LabelVectors(embedder, vectors)
    original = passages.Context
    passages.Context = partial(original, embed=label_embed)  # type: ignore[misc]
    try:
        yield label_embed
    finally:
        passages.Context = original  # type: ignore[misc]


def timed_ingest(corpus: Any, embedder: Any, folder: Path) -> dict[str, Any]:
    """One cold ingest of `folder`, then the very embedder calls it made again (raw embedding time), and every
    distinct label embedded once: the measures both ingest blocks report."""
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
    return {
        "reports": len(results), "failed": [r.path for r in results if not r.ok],
        "chunks": len(corpus.store.chunks()), "indicators": len(corpus.indicators()), "labels": len(labels),
        "embed_calls": len(batches), "embedded_texts": sum(map(len, batches)),
        "cold_s": cold, "embed_in_ingest_s": embedder.passage_s, "non_embedding_s": cold - embedder.passage_s,
        "raw_embed_s": raw, "label_embed_s": label_s,
    }
