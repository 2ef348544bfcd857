"""Retrieval over the sample corpus: filters, evidence hit@5, BM25 fallback, dense ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.corpus import Corpus
from tests.conftest import REPORTS, gold_rows, make_settings


def test_search_filters_by_street(hash_corpus: Corpus) -> None:
    from rag.search.retrieve import Filters

    hits = hash_corpus.search("土地整备入库", k=5, filters=Filters(streets=["玉塘街道"]))
    assert hits and all(h.chunk.street == "玉塘街道" for h in hits)
    per = hash_corpus.search("土地入库", k=1, per_report=True)
    assert len({h.chunk.report_id for h in per}) == 5


def _hit_at_5(corpus: Corpus, **kw: bool) -> float:
    facts = [f for f in gold_rows("facts.jsonl") if f["type"] == "lookup" and f["evidence"]]
    hits = 0
    for f in facts:
        found = corpus.search(f["question"], k=5, **kw)
        texts = [h.chunk.text for h in found]
        hits += any(ev in t for ev in f["evidence"] for t in texts)
    return hits / len(facts)


@pytest.mark.slow
def test_lookup_evidence_hit_at_5(sample_corpus: Corpus) -> None:
    hybrid = _hit_at_5(sample_corpus)
    bm25 = _hit_at_5(sample_corpus, use_dense=False)
    dense = _hit_at_5(sample_corpus, use_lexical=False)
    print(f"\nhit@5 over lookup facts: hybrid {hybrid:.2f}, BM25-only {bm25:.2f}, dense-only {dense:.2f}")
    assert hybrid >= 0.9


def test_search_falls_back_to_bm25_when_chroma_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rag.errors import StoreError

    corpus = Corpus(make_settings(tmp_path / "d"))
    corpus.ingest([REPORTS / "000_fa4dcfe65d210400.txt"])

    def broken(*args: object, **kwargs: object) -> list[tuple[str, float]]:
        raise StoreError("Chroma query failed: disk I/O error")

    monkeypatch.setattr(corpus.dense, "query", broken)
    hits = corpus.search("土地整备入库", k=3)
    assert hits and all(h.dense_rank is None for h in hits)


def test_dense_ranks_wait_for_the_whole_index(tmp_path: Path) -> None:
    corpus = Corpus(make_settings(tmp_path / "d"))
    corpus.ingest([REPORTS / "000_fa4dcfe65d210400.txt"], embed=False)
    assert all(h.dense_rank is None for h in corpus.search("土地整备入库", k=3))
    corpus.embed_pending()
    assert any(h.dense_rank is not None for h in corpus.search("土地整备入库", k=3))
