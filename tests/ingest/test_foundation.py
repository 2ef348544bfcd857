"""Sections, chunks, metadata and ingest idempotence over the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.corpus import Corpus
from rag.ingest.load import load_file
from rag.ingest.metadata import detect_metadata
from rag.ingest.sections import parse_sections, plan_start
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


def test_a_report_read_by_other_code_is_read_again_and_keeps_its_override(tmp_path: Path) -> None:
    corpus = Corpus(make_settings(tmp_path / "d"))
    src = tmp_path / "r.txt"
    src.write_text((REPORTS / "002_7d55213a54c13fac.txt").read_text(encoding="utf-8"), encoding="utf-8")
    [first] = corpus.ingest([src], place="荷塘街道")
    n_rows, n_chunks = len(corpus.indicators()), len(corpus.store.chunks())
    with corpus.store.transaction():  # as an older version would have stored it: fewer figures, another reader
        corpus.store.update_meta(corpus.find_report(first.report_id).model_copy(update={"reader": "older"}))
        corpus.indicator_store.replace(first.report_id, corpus.indicators()[:3])
    [again] = corpus.ingest([src])
    assert again.status == "replaced" and again.report_id == first.report_id
    assert len(corpus.indicators()) == n_rows and corpus.reports()[0].street == "荷塘街道"
    assert len(corpus.store.chunks()) == n_chunks == corpus.dense.count()
    assert corpus.ingest([src])[0].status == "unchanged"


def test_duplicate_content_under_another_name_is_not_added(tmp_path: Path) -> None:
    corpus = Corpus(make_settings(tmp_path / "d"))
    text = (REPORTS / "004_d17093189e6c1fbb.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    results = corpus.ingest([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [r.status for r in results] == ["added", "duplicate"]
    assert len(corpus.reports()) == 1


def test_hard_split_respects_the_token_budget() -> None:
    from rag.ingest.chunk import _hard_split
    from rag.text.tokens import count_tokens

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
