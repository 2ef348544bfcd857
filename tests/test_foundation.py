"""Sections, chunks, metadata, ingest idempotence and retrieval over the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.corpus import Corpus
from rag.load import load_file
from rag.metadata import detect_metadata
from rag.sections import parse_sections, plan_start
from tests.conftest import REPORTS, doc_path, gold_rows, make_settings


@pytest.mark.parametrize("row", gold_rows("metadata.jsonl"), ids=lambda r: r["doc"][:3])
def test_metadata_matches_gold(row: dict) -> None:
    text = load_file(doc_path(row["doc"])).text
    sections = parse_sections("x", text)
    meta = detect_metadata(text, plan_start=plan_start(sections))
    got = (meta.street, meta.district, meta.period_covered, meta.plan_period)
    assert got == (row["street"], row["district"], row["period_covered"], row["plan_period"])
    assert meta.evidence["street"], "street must carry evidence"


def test_year_doubt_and_partial_months_are_noted() -> None:
    notes = {row["doc"][:3]: detect_metadata(load_file(doc_path(row["doc"])).text).notes
             for row in gold_rows("metadata.jsonl")}
    assert any("doubtful" in n for n in notes["004"])
    assert not any("doubtful" in n for n in notes["000"])


def test_malformed_heading_is_a_section() -> None:
    text = load_file(REPORTS / "001_8b8416df477861a2.txt").text
    headings = [s.heading for s in parse_sections("x", text) if s.level == 1 and s.part == "review"]
    assert len(headings) == 8
    assert any(h.startswith("(坚持稳控大局") for h in headings)


def test_every_report_has_review_and_plan_parts_where_gold_says_so() -> None:
    for row in gold_rows("metadata.jsonl"):
        sections = parse_sections("x", load_file(doc_path(row["doc"])).text)
        parts = {s.part for s in sections}
        assert ("plan" in parts) == (row["plan_period"] is not None), row["doc"]


def test_chunk_offsets_are_exact(hash_corpus: Corpus) -> None:
    reports = hash_corpus.reports()
    assert len(reports) == 5
    for meta in reports:
        text = hash_corpus.report_text(meta.report_id)
        chunks = hash_corpus.store.chunks(meta.report_id)
        assert chunks
        for c in chunks:
            assert text[c.start : c.end] == c.text
            assert c.n_tokens <= hash_corpus.settings.chunk_tokens * 1.1


def test_reingest_is_idempotent_and_replaces(tmp_path: Path) -> None:
    corpus = Corpus(make_settings(tmp_path / "d"))
    src = tmp_path / "r.txt"
    src.write_text((REPORTS / "002_7d55213a54c13fac.txt").read_text(encoding="utf-8"), encoding="utf-8")
    first = corpus.ingest([src])
    n_chunks = len(corpus.store.chunks())
    again = corpus.ingest([src])
    assert [r.status for r in first + again] == ["added", "unchanged"]
    assert len(corpus.store.chunks()) == n_chunks == corpus.dense.count()
    src.write_text(src.read_text(encoding="utf-8") + "\n补充说明:新增一段文字用于测试替换。\n", encoding="utf-8")
    third = corpus.ingest([src])
    assert third[0].status == "replaced"
    assert len(corpus.reports()) == 1
    assert corpus.dense.count() == len(corpus.store.chunks())


def test_duplicate_content_under_another_name_is_not_added(tmp_path: Path) -> None:
    corpus = Corpus(make_settings(tmp_path / "d"))
    text = (REPORTS / "004_d17093189e6c1fbb.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    results = corpus.ingest([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [r.status for r in results] == ["added", "duplicate"]
    assert len(corpus.reports()) == 1


def test_search_filters_by_street(hash_corpus: Corpus) -> None:
    from rag.retrieve import Filters

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


def test_hard_split_respects_the_token_budget() -> None:
    from rag.chunk import _hard_split
    from rag.tokens import count_tokens

    text = "𠮷" * 400  # a rare character that takes several tokens
    spans = list(_hard_split(0, len(text), text, 64))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(count_tokens(text[a:b]) <= 64 for a, b in spans)


def test_store_transactions_from_two_threads_do_not_nest(tmp_path: Path) -> None:
    import threading
    import time

    corpus = Corpus(make_settings(tmp_path / "d"))
    inside = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        with corpus.store.transaction():
            inside.set()
            time.sleep(0.3)
            corpus.store.bump_version()

    def reader() -> None:
        inside.wait()
        try:
            with corpus.store.snapshot():
                corpus.store.version()
        except BaseException as exc:  # noqa: BLE001 - the assertion reports it
            errors.append(exc)

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert corpus.store.version() == 1


def test_street_named_in_the_title_is_kept_even_if_it_is_a_common_word() -> None:
    text = "测试街道2023年工作总结\n一、2023年工作总结\n全年,测试街道地区生产总值12.5亿元。\n"
    assert detect_metadata(text).street == "测试街道"
    assert detect_metadata("一、2023年工作总结\n全年,推动街道发展,地区生产总值12.5亿元。\n").street is None
