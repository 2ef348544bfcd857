"""Shared helpers for the benchmark blocks: paths, settings, timing embedders, percentiles, peak RSS."""

from __future__ import annotations

import math
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
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
