"""The SQLite file: connection and numbered migrations."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from rag.errors import StoreError

# Append only: migration N is MIGRATIONS[N-1]; never edit a released one.
MIGRATIONS: list[str] = [
    # 1: reports, sections, chunks
    """
    CREATE TABLE reports (
        report_id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        meta_json TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at REAL NOT NULL
    );
    CREATE TABLE sections (
        report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (report_id, idx)
    );
    CREATE TABLE chunks (
        chunk_id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        json TEXT NOT NULL,
        tokens TEXT NOT NULL,
        embedded INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX chunks_report ON chunks(report_id);
    """,
    # 2: indicators
    """
    CREATE TABLE indicators (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        street TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX indicators_key ON indicators(key, kind);
    """,
    # 3: LLM call log and response cache
    """
    CREATE TABLE llm_calls (
        id INTEGER PRIMARY KEY,
        ts REAL NOT NULL,
        model TEXT NOT NULL,
        prompt_id TEXT,
        input_hash TEXT NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        latency_ms REAL,
        cached INTEGER NOT NULL DEFAULT 0,
        error TEXT
    );
    CREATE TABLE llm_cache (
        cache_key TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        prompt_id TEXT,
        response_json TEXT NOT NULL,
        created REAL NOT NULL
    );
    """,
    # 4: key/value state (corpus version for cache invalidation across processes)
    """
    CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO kv VALUES ('corpus_version', '0');
    """,
    # 5: canonical → raw offset runs per report (citations checkable on disk; rag.ingest.load.raw_span)
    """
    CREATE TABLE raw_maps (
        report_id TEXT PRIMARY KEY REFERENCES reports(report_id) ON DELETE CASCADE,
        runs TEXT NOT NULL
    );
    """,
]


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating and migrating) the SQLite file at `path`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=_BUSY_S, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        _while_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
        conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_S * 1000)}")
        _while_locked(lambda: _migrate(conn))
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"cannot open the store {path.name}: {exc}", hint="check JIEDAO_DATA_DIR") from exc
    return conn


_BUSY_S = 30.0  # how long a connection waits for another process's lock


def _while_locked(step: Callable[[], object]) -> None:
    """Run a step, again while another process holds the lock. Switching a new file to WAL (two ingests creating
    one store at once) can fail at once with 'database is locked'; SQLite's busy handler does not wait there."""
    deadline = time.monotonic() + _BUSY_S
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _migrate(conn: sqlite3.Connection) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current >= len(MIGRATIONS):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in enumerate(MIGRATIONS[current:], start=current + 1):
            for statement in sql.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
