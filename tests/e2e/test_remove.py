"""Several reports per place: remove (atomic across SQLite, Chroma, BM25), supersede on request, series.

Invented reports only: one place with 2022, 2023H1 and 2023 reports beside another place's 2023 report.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rag.config import Settings
from rag.corpus import Corpus
from rag.errors import NotFoundError, StoreError
from rag.figures.table import period_order

PLACE, OTHER = "清泉街道", "白石镇"


def report(place: str, year: int, fai: str, gdp: str, parks: int, *, half: bool = False) -> str:
    """A small invented work report."""
    head = f"{place}{year}年上半年工作总结" if half else f"{place}{year}年工作总结"
    when = "上半年" if half else "全年"
    return (f"{head}\n一、{year}年工作回顾\n（一）经济发展\n{when}，{place}完成固定资产投资{fai}亿元，同比增长6.1%。"
            f"地区生产总值{gdp}亿元。\n（二）城市建设\n{place}新建口袋公园{parks}个，整治老旧小区若干处。\n")


FILES = {
    "a2022.txt": report(PLACE, 2022, "31.5", "210.4", 3),
    "a2023.txt": report(PLACE, 2023, "35.2", "228.7", 4),
    "a2023h1.txt": report(PLACE, 2023, "16.8", "110.2", 2, half=True),
    "b2023.txt": report(OTHER, 2023, "12.3", "88.6", 5),
}
REVISED_2023 = report(PLACE, 2023, "35.9", "229.3", 6)  # a corrected 2023 report of the same place


@pytest.fixture
def corpus(settings: Settings, tmp_path: Path) -> tuple[Corpus, dict[str, str], Path]:
    """The four invented reports ingested with the hash embedder; (corpus, file name -> report id, folder)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    c = Corpus(settings)
    results = c.ingest([folder / name for name in FILES])
    assert all(r.status == "added" for r in results), [r.message for r in results]
    ids = {Path(r.path).name: str(r.report_id) for r in results}
    c.retriever()  # BM25 built and saved for the current version
    return c, ids, folder


def state(c: Corpus) -> dict[str, Any]:
    """Everything each store holds, per report where the store knows reports."""
    conn = c.store.conn
    sqlite = {
        "reports": sorted(r[0] for r in conn.execute("SELECT report_id FROM reports")),
        "sections": sorted(conn.execute("SELECT report_id, idx FROM sections").fetchall()),
        "chunks": sorted(conn.execute("SELECT chunk_id, report_id, embedded FROM chunks").fetchall()),
        "indicators": sorted(conn.execute("SELECT report_id, key, kind, json FROM indicators").fetchall()),
    }
    got = c.dense.collection.get(include=["embeddings", "documents", "metadatas"])
    chroma = sorted((i, tuple(round(float(x), 6) for x in e), d, m["report_id"])
                    for i, e, d, m in zip(got["ids"], got["embeddings"], got["documents"], got["metadatas"],
                                          strict=True))
    c.retriever()  # reload BM25 when the store version moved
    return {"sqlite": sqlite, "chroma": chroma, "bm25": sorted(c.lexical.ids)}


def without(before: dict[str, Any], rid: str) -> dict[str, Any]:
    """The state `before` minus everything of one report."""
    chunk_ids = {row[0] for row in before["sqlite"]["chunks"] if row[1] == rid}
    return {
        "sqlite": {
            "reports": [r for r in before["sqlite"]["reports"] if r != rid],
            "sections": [r for r in before["sqlite"]["sections"] if r[0] != rid],
            "chunks": [r for r in before["sqlite"]["chunks"] if r[1] != rid],
            "indicators": [r for r in before["sqlite"]["indicators"] if r[0] != rid],
        },
        "chroma": [r for r in before["chroma"] if r[3] != rid],
        "bm25": [i for i in before["bm25"] if i not in chunk_ids],
    }


def test_remove_deletes_the_report_from_every_store_and_nothing_else(corpus) -> None:
    c, ids, _ = corpus
    before = state(c)
    rid = ids["a2023.txt"]
    assert any(r[1] == rid for r in before["sqlite"]["chunks"]) and any(r[3] == rid for r in before["chroma"])
    assert any(r[0] == rid for r in before["sqlite"]["indicators"])

    meta = c.remove(rid)

    assert meta.report_id == rid and meta.street == PLACE and meta.period_covered == "2023"
    after = state(c)
    assert after == without(before, rid)
    assert not c.indicators(street=PLACE, key="fixed_asset_investment") or all(
        r.report_id != rid for r in c.indicators(street=PLACE))
    assert all(h.chunk.report_id != rid for h in c.search("固定资产投资 35.2亿元", k=10))
    assert [r.period for r in c.series(PLACE, "fixed_asset_investment")] == ["2022", "2023H1"]


def test_remove_by_path_and_not_found(corpus) -> None:
    c, ids, folder = corpus
    assert c.remove(folder / "b2023.txt").report_id == ids["b2023.txt"]
    assert c.remove(os.path.relpath(folder / "a2022.txt")).report_id == ids["a2022.txt"]
    assert c.remove(ids["a2023h1.txt"][:8]).report_id == ids["a2023h1.txt"]  # a unique id prefix
    with pytest.raises(NotFoundError):
        c.remove(folder / "b2023.txt")
    with pytest.raises(NotFoundError):
        c.remove("0000000000000000")


def test_remove_clears_any_table_keyed_by_report(corpus) -> None:
    c, ids, _ = corpus
    with c.store.transaction() as conn:  # a map added by a later migration, without a foreign key
        conn.execute("CREATE TABLE label_map (report_id TEXT NOT NULL, label TEXT NOT NULL)")
        conn.executemany("INSERT INTO label_map VALUES (?, ?)", [(ids["a2023.txt"], "甲"), (ids["b2023.txt"], "乙")])
    c.remove(ids["a2023.txt"])
    assert c.store.conn.execute("SELECT report_id, label FROM label_map").fetchall() == [(ids["b2023.txt"], "乙")]


def test_failed_chroma_delete_leaves_every_store_unchanged(corpus) -> None:
    c, ids, _ = corpus
    before = state(c)

    def broken(report_id: str) -> None:
        raise StoreError("Chroma delete failed: injected")

    c.dense.delete_report = broken  # type: ignore[method-assign]
    with pytest.raises(StoreError):
        c.remove(ids["a2023.txt"])
    del c.dense.delete_report
    assert state(c) == before


class HalfDeleting:
    """The real Chroma collection, except that `delete` removes one vector and then fails."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def delete(self, where: dict[str, Any]) -> None:
        first = self.real.get(where=where, limit=1, include=[])["ids"]
        self.real.delete(ids=first)
        raise RuntimeError("disk I/O error (injected)")


@contextmanager
def wrapped_collection(c: Any, wrapper: type) -> Iterator[None]:
    """The corpus's Chroma collection replaced by `wrapper(real)` for the block, then put back."""
    real = c.dense.collection
    c.dense._collection = wrapper(real)
    try:
        yield
    finally:
        c.dense._collection = real


def test_chroma_failure_after_a_partial_delete_is_rolled_back(corpus) -> None:
    c, ids, _ = corpus
    before = state(c)
    with wrapped_collection(c, HalfDeleting), pytest.raises(StoreError):
        c.remove(ids["a2022.txt"])
    assert state(c) == before  # the deleted vector is back, SQLite rolled back, BM25 unchanged
    assert c.remove(ids["a2022.txt"]).report_id == ids["a2022.txt"]  # and a later remove works
    assert state(c) == without(before, ids["a2022.txt"])


def test_supersede_on_request_only(corpus, tmp_path: Path) -> None:
    c, ids, folder = corpus
    revised = tmp_path / "revised"
    revised.mkdir()
    (revised / "a2023_revised.txt").write_text(REVISED_2023, encoding="utf-8")

    before = state(c)
    [kept] = c.ingest([revised / "a2023_revised.txt"])
    assert kept.status == "added" and not kept.superseded
    assert sum(m.street == PLACE and m.period_covered == "2023" for m in c.reports()) == 2
    c.remove(str(kept.report_id))
    assert state(c) == before

    [res] = c.ingest([revised / "a2023_revised.txt"], supersede=True)
    assert res.status == "replaced" and res.superseded == (ids["a2023.txt"],)
    assert ids["a2023.txt"] in res.message and "a2023.txt" in res.message
    after = state(c)
    old = without(before, ids["a2023.txt"])
    assert ids["a2023.txt"] not in after["sqlite"]["reports"]
    assert all(r[3] != ids["a2023.txt"] for r in after["chroma"])
    assert set(old["bm25"]) <= set(after["bm25"]) and set(after["bm25"]) - set(old["bm25"])
    periods = sorted((m.street, m.period_covered) for m in c.reports())
    assert periods == [(PLACE, "2022"), (PLACE, "2023"), (PLACE, "2023H1"), (OTHER, "2023")]
    assert [r.value for r in c.series(PLACE, "fixed_asset_investment")] == [31.5, 16.8, 35.9]


def test_half_year_and_full_year_coexist_under_supersede(corpus) -> None:
    c, ids, folder = corpus
    c.remove(ids["a2023h1.txt"])
    [res] = c.ingest([folder / "a2023h1.txt"], supersede=True)
    assert res.status == "added" and not res.superseded
    assert {m.period_covered for m in c.reports() if m.street == PLACE} == {"2022", "2023H1", "2023"}


def test_series_one_row_per_period_in_order(corpus) -> None:
    c, _, _ = corpus
    rows = c.series(PLACE, "fixed_asset_investment")
    assert [(r.period, r.value) for r in rows] == [("2022", 31.5), ("2023H1", 16.8), ("2023", 35.2)]
    assert all(r.street == PLACE and r.kind == "actual" for r in rows)
    by_label = c.series(PLACE, "地区生产总值")
    assert [(r.period, r.value) for r in by_label] == [("2022", 210.4), ("2023H1", 110.2), ("2023", 228.7)]
    assert [r.value for r in c.series(OTHER, "fixed_asset_investment")] == [12.3]
    assert [r.value for r in c.series("清泉", "fixed_asset_investment")] == [31.5, 16.8, 35.2]
    label = rows[0].label_zh  # the name the report uses, asked as "label:<label_zh>" and bare
    assert [r.value for r in c.series(PLACE, f"label:{label}")] == [31.5, 16.8, 35.2]
    assert [r.value for r in c.series(PLACE, label)] == [31.5, 16.8, 35.2]
    assert c.series(PLACE, "no_such_indicator") == []


def test_period_order() -> None:
    codes = ["2024H1", "2023", "2023M01-M06", "2022", "2023M01-M03", "2023-plan", "2023H2", "2024M01-M05"]
    assert sorted(codes, key=period_order) == ["2022", "2023M01-M03", "2023M01-M06", "2023H2", "2023", "2023-plan",
                                               "2024M01-M05", "2024H1"]
    assert period_order("2023H1")[:4] == period_order("2023M01-M06")[:4]


def test_cli_remove_replace_and_series(offline_env: Path, tmp_path: Path) -> None:
    from rag.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0

    res = runner.invoke(app, ["indicators", "--place", PLACE, "--key", "fixed_asset_investment", "--format", "json"])
    assert res.exit_code == 0, res.output
    import json

    assert [(r["period"], r["value"]) for r in json.loads(res.stdout)] == [("2022", 31.5), ("2023H1", 16.8),
                                                                          ("2023", 35.2)]
    csv_out = runner.invoke(app, ["indicators", "--place", PLACE, "--key", "fixed_asset_investment", "-f", "csv"])
    assert csv_out.exit_code == 0 and len(csv_out.stdout.strip().splitlines()) == 4

    (folder / "revised.txt").write_text(REVISED_2023, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(folder / "revised.txt"), "--replace"])
    assert res.exit_code == 0 and "replaced" in res.stdout and "a2023.txt" in res.stdout, res.output

    res = runner.invoke(app, ["remove", str(folder / "b2023.txt")])
    assert res.exit_code == 0 and "removed" in res.stdout and OTHER in res.stdout, res.output
    res = runner.invoke(app, ["remove", str(folder / "b2023.txt")])
    assert res.exit_code == 1 and len(res.output.strip().splitlines()) == 1, res.output


class Unwritable(HalfDeleting):
    """A partial delete, and then Chroma refuses writes, so the vectors cannot be put back."""

    def upsert(self, **kw: Any) -> None:
        raise RuntimeError("database is locked (injected)")


def test_unrestorable_vectors_are_re_embedded(corpus) -> None:
    c, ids, _ = corpus
    before = state(c)
    with wrapped_collection(c, Unwritable), pytest.raises(StoreError):
        c.remove(ids["a2023.txt"])
    pending = c.store.pending_reports()
    assert pending == [ids["a2023.txt"]]  # SQLite kept the report and knows its vectors must be rebuilt
    assert c.embed_pending() > 0
    assert state(c) == before


def test_supersede_under_a_chroma_failure_keeps_the_older_report_whole(corpus, tmp_path: Path) -> None:
    c, ids, _ = corpus
    (tmp_path / "revised.txt").write_text(REVISED_2023, encoding="utf-8")
    before = state(c)

    def broken(report_id: str) -> None:
        raise StoreError("Chroma delete failed: injected")

    c.dense.delete_report = broken  # type: ignore[method-assign]
    [res] = c.ingest([tmp_path / "revised.txt"], supersede=True)
    del c.dense.delete_report
    assert res.status == "added" and not res.superseded  # the new report is in; the older one stays, whole
    assert any("a2023.txt" in w and "injected" in w for w in res.warnings)
    after = state(c)
    new = str(res.report_id)
    assert {k: [r for r in v if new not in str(r)] for k, v in after["sqlite"].items()} == before["sqlite"]
    assert [r for r in after["chroma"] if r[3] != new] == before["chroma"]
    assert set(before["bm25"]) < set(after["bm25"])


def test_supersede_uses_the_place_and_period_given_at_ingest(corpus, tmp_path: Path) -> None:
    c, ids, _ = corpus
    odd = tmp_path / "odd.txt"  # a report whose place the detector cannot see
    odd.write_text("二〇二三年工作总结\n一、工作回顾\n全年完成固定资产投资13.1亿元。\n", encoding="utf-8")
    [res] = c.ingest([odd], supersede=True, place=OTHER, period="2023")
    assert res.status == "replaced" and res.superseded == (ids["b2023.txt"],), res
    assert sorted((m.street, m.period_covered) for m in c.reports()).count((OTHER, "2023")) == 1


def test_no_supersede_when_the_new_report_cannot_be_indexed(corpus, tmp_path: Path) -> None:
    c, ids, _ = corpus
    (tmp_path / "revised.txt").write_text(REVISED_2023, encoding="utf-8")
    before = state(c)
    real = c.embedder

    def failing(texts: list[str]) -> list[list[float]]:
        raise StoreError("embedding failed: injected")

    c.embedder = failing  # type: ignore[assignment]
    [res] = c.ingest([tmp_path / "revised.txt"], supersede=True)
    c.embedder = real
    assert res.status == "failed" and not res.superseded
    assert state(c) == before
