"""The LLM call log (`llm_calls`) and response cache (`llm_cache`) in the SQLite store."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from typing import Any

from rag.config import Settings
from rag.errors import StoreError
from rag.llm.base import scrub
from rag.store.db import connect

log = logging.getLogger(__name__)

_TOTALS = (
    "COUNT(*) AS calls, COUNT(error) AS errors, COALESCE(SUM(cached), 0) AS cached, "
    "COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens, "
    "COALESCE(SUM(completion_tokens), 0) AS completion_tokens"
)


def request_hash(**parts: Any) -> str:
    """sha256 of the canonical JSON of `parts` (messages, model, params …)."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class CallLog:
    """Writes one `llm_calls` row per `complete` call and serves the response cache."""

    def __init__(self, settings: Settings) -> None:
        """Remember where the store is; the connection opens on first use."""
        self._path = settings.sqlite_path
        key = settings.openai_api_key
        self._secrets = [key.get_secret_value()] if key is not None else []
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _db(self) -> sqlite3.Connection:
        """The open connection (callers hold the lock)."""
        if self._conn is None:
            self._conn = connect(self._path)
            self._conn.row_factory = sqlite3.Row
        return self._conn

    def log_call(
        self,
        *,
        model: str,
        prompt_id: str | None,
        input_hash: str,
        prompt_tokens: int = 0,
        completion_tokens: int = 0,
        latency_ms: float = 0.0,
        cached: bool = False,
        error: str | None = None,
    ) -> None:
        """Append one call; a failing log never fails the LLM call itself."""
        row = (
            time.time(),
            model,
            prompt_id,
            input_hash,
            prompt_tokens,
            completion_tokens,
            round(latency_ms, 1),
            int(cached),
            scrub(error, self._secrets) if error else None,
        )
        try:
            with self._lock:
                self._db().execute(
                    "INSERT INTO llm_calls (ts, model, prompt_id, input_hash, prompt_tokens,"
                    " completion_tokens, latency_ms, cached, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
        except (sqlite3.Error, StoreError) as exc:
            log.warning("could not write the LLM call log: %s", exc)

    def cache_get(self, key: str) -> dict[str, Any] | None:
        """The cached response for `key` ({text, model, prompt_tokens, completion_tokens}) or None."""
        try:
            with self._lock:
                row = (
                    self._db()
                    .execute("SELECT response_json FROM llm_cache WHERE cache_key = ?", (key,))
                    .fetchone()
                )
        except (sqlite3.Error, StoreError) as exc:
            log.warning("could not read the LLM cache: %s", exc)
            return None
        return json.loads(row["response_json"]) if row else None

    def cache_put(self, key: str, *, model: str, prompt_id: str | None, response: dict[str, Any]) -> None:
        """Store a successful, validated response under `key`."""
        blob = json.dumps(response, ensure_ascii=False)
        try:
            with self._lock:
                self._db().execute(
                    "INSERT OR REPLACE INTO llm_cache (cache_key, model, prompt_id, response_json, created)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (key, model, prompt_id, blob, time.time()),
                )
        except (sqlite3.Error, StoreError) as exc:
            log.warning("could not write the LLM cache: %s", exc)

    def recent(self, limit: int = 20) -> list[dict[str, Any]]:
        """The newest `limit` calls, newest first, as plain dicts."""
        with self._lock:
            rows = (
                self._db()
                .execute(
                    "SELECT id, ts, model, prompt_id, input_hash, prompt_tokens, completion_tokens,"
                    " latency_ms, cached, error FROM llm_calls ORDER BY id DESC LIMIT ?",
                    (limit,),
                )
                .fetchall()
            )
        return [{**dict(row), "cached": bool(row["cached"])} for row in rows]

    def summary(self) -> dict[str, Any]:
        """Totals (calls, errors, cached, prompt_tokens, completion_tokens) overall and by model."""
        with self._lock:
            db = self._db()
            total = db.execute(f"SELECT {_TOTALS} FROM llm_calls").fetchone()
            per_model = db.execute(
                f"SELECT model, {_TOTALS} FROM llm_calls GROUP BY model ORDER BY model"
            ).fetchall()
        by_model = {row["model"]: {k: row[k] for k in row.keys() if k != "model"} for row in per_model}
        return {**dict(total), "by_model": by_model}

    def close(self) -> None:
        """Close the connection (reopened on next use)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
