"""Reports, sections and chunks in SQLite: the source of truth that Chroma and BM25 are built from."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from rag.schemas import Chunk, Report, ReportMeta, Section


class Store:
    """Thin typed access to the SQLite file; writes happen inside `transaction()`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # One connection may serve several threads (the app's sessions): transactions must not nest.
        self._tx_lock = threading.RLock()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (ingest is atomic per report)."""
        with self._tx_lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Roll back if a transaction is still open (SQLite ends it by itself after some I/O errors)."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:  # the original error is the one worth reporting
                pass

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every read inside sees the same corpus version."""
        with self._tx_lock:
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                self.conn.execute("COMMIT")

    def add_report(self, report: Report, sections: list[Section], chunks: list[Chunk],
                   tokens: list[list[str]]) -> None:
        """Insert one report with its sections and chunks (call inside a transaction)."""
        meta = report.model_dump(exclude={"text"})
        self.conn.execute(
            "INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?)",
            (report.report_id, report.path, report.content_hash, json.dumps(meta, ensure_ascii=False),
             report.text, time.time()),
        )
        self.conn.executemany(
            "INSERT INTO sections VALUES (?, ?, ?)",
            [(s.report_id, s.index, s.model_dump_json()) for s in sections],
        )
        self.conn.executemany(
            "INSERT INTO chunks (chunk_id, report_id, ord, json, tokens) VALUES (?, ?, ?, ?, ?)",
            [(c.chunk_id, c.report_id, i, c.model_dump_json(), json.dumps(t, ensure_ascii=False))
             for i, (c, t) in enumerate(zip(chunks, tokens, strict=True))],
        )
        self.bump_version()

    def delete_report(self, report_id: str) -> None:
        """Remove a report and (by cascade) its sections, chunks and indicators, and rows of any other table
        keyed by report_id (maps and caches added by later migrations without a foreign key)."""
        for table in self._report_tables():
            self.conn.execute(f'DELETE FROM "{table}" WHERE report_id = ?', (report_id,))
        self.conn.execute("DELETE FROM reports WHERE report_id = ?", (report_id,))
        self.bump_version()

    def _report_tables(self) -> list[str]:
        """Tables other than `reports` with a report_id column."""
        names = [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return [n for n in names if n != "reports" and not n.startswith("sqlite_")
                and any(col[1] == "report_id" for col in self.conn.execute(f'PRAGMA table_info("{n}")'))]

    def bump_version(self) -> None:
        """Tell other processes that the corpus changed."""
        self.conn.execute("UPDATE kv SET value = CAST(value AS INTEGER) + 1 WHERE key = 'corpus_version'")

    def version(self) -> int:
        """Monotonic counter of corpus changes."""
        return int(self.conn.execute("SELECT value FROM kv WHERE key = 'corpus_version'").fetchone()[0])

    def find_by_hash(self, content_hash: str) -> ReportMeta | None:
        """The report with this content, if ingested."""
        row = self.conn.execute("SELECT meta_json FROM reports WHERE content_hash = ?", (content_hash,)).fetchone()
        return ReportMeta.model_validate_json(row[0]) if row else None

    def find_by_path(self, path: str) -> ReportMeta | None:
        """The report last ingested from this path, if any."""
        row = self.conn.execute("SELECT meta_json FROM reports WHERE path = ?", (path,)).fetchone()
        return ReportMeta.model_validate_json(row[0]) if row else None

    def update_meta(self, meta: ReportMeta) -> None:
        """Rewrite one report's metadata (overrides); call inside a transaction."""
        self.conn.execute("UPDATE reports SET meta_json = ? WHERE report_id = ?",
                          (json.dumps(meta.model_dump(), ensure_ascii=False), meta.report_id))
        self.bump_version()

    def override(self, path: str) -> dict[str, str]:
        """The place/period a user set for the report at this path (kept across re-ingest and removal)."""
        row = self.conn.execute("SELECT value FROM kv WHERE key = ?", (f"override:{path}",)).fetchone()
        return json.loads(row[0]) if row else {}

    def save_override(self, path: str, values: dict[str, str]) -> None:
        """Remember a user-set place/period for this path."""
        self.conn.execute("INSERT OR REPLACE INTO kv VALUES (?, ?)",
                          (f"override:{path}", json.dumps(values, ensure_ascii=False)))

    def reports(self) -> list[ReportMeta]:
        """All reports in ingest order."""
        rows = self.conn.execute("SELECT meta_json FROM reports ORDER BY ingested_at, path").fetchall()
        return [ReportMeta.model_validate_json(r[0]) for r in rows]

    def report(self, report_id: str) -> Report:
        """One report with its text."""
        row = self.conn.execute("SELECT meta_json, text FROM reports WHERE report_id = ?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        return Report.model_validate({**json.loads(row[0]), "text": row[1]})

    def text(self, report_id: str) -> str:
        """The canonical text of a report."""
        row = self.conn.execute("SELECT text FROM reports WHERE report_id = ?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        return str(row[0])

    def sections(self, report_id: str) -> list[Section]:
        """Sections of one report in order."""
        rows = self.conn.execute("SELECT json FROM sections WHERE report_id = ? ORDER BY idx", (report_id,))
        return [Section.model_validate_json(r[0]) for r in rows]

    def chunks(self, report_id: str | None = None) -> list[Chunk]:
        """Chunks of one report (or all) in order."""
        args: tuple[str, ...] = ()
        sql = "SELECT json FROM chunks ORDER BY report_id, ord"
        if report_id:
            sql, args = "SELECT json FROM chunks WHERE report_id = ? ORDER BY ord", (report_id,)
        return [Chunk.model_validate_json(r[0]) for r in self.conn.execute(sql, args)]

    def chunk_tokens(self) -> tuple[list[str], list[list[str]]]:
        """(chunk ids, BM25 tokens) for every chunk, in a stable order."""
        rows = self.conn.execute("SELECT chunk_id, tokens FROM chunks ORDER BY report_id, ord").fetchall()
        return [r[0] for r in rows], [json.loads(r[1]) for r in rows]

    def pending_chunks(self, limit: int = 100_000, *, report_id: str | None = None) -> list[Chunk]:
        """Chunks (of one report, or all) whose dense embedding is not in Chroma yet."""
        sql = "SELECT json FROM chunks WHERE embedded = 0" + (" AND report_id = ?" if report_id else "")
        args = (report_id, limit) if report_id else (limit,)
        rows = self.conn.execute(sql + " ORDER BY report_id, ord LIMIT ?", args)
        return [Chunk.model_validate_json(r[0]) for r in rows]

    def pending_reports(self) -> list[str]:
        """Ids of reports with chunks still waiting for dense embeddings."""
        rows = self.conn.execute("SELECT DISTINCT report_id FROM chunks WHERE embedded = 0 ORDER BY report_id")
        return [r[0] for r in rows]

    def mark_embedded(self, chunk_ids: list[str]) -> None:
        """Record that these chunks are in Chroma (one transaction: one fsync, not one per chunk)."""
        with self.transaction():
            self.conn.executemany("UPDATE chunks SET embedded = 1 WHERE chunk_id = ?", [(c,) for c in chunk_ids])

    def save_raw_map(self, report_id: str, runs: Sequence[Sequence[int]]) -> None:
        """Store a report's canonical → raw offset runs (call inside the report's transaction)."""
        self.conn.execute("INSERT OR REPLACE INTO raw_maps VALUES (?, ?)",
                          (report_id, json.dumps([list(r) for r in runs], separators=(",", ":"))))

    def raw_map(self, report_id: str) -> list[list[int]]:
        """A report's canonical → raw offset runs; empty for reports ingested before the map existed."""
        row = self.conn.execute("SELECT runs FROM raw_maps WHERE report_id = ?", (report_id,)).fetchone()
        return json.loads(row[0]) if row else []

    def embedding_progress(self) -> tuple[int, int]:
        """(embedded, total) chunk counts."""
        row = self.conn.execute("SELECT COALESCE(SUM(embedded), 0), COUNT(*) FROM chunks").fetchone()
        return int(row[0]), int(row[1])
