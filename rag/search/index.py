"""Dense index (Chroma, embedded or server) and lexical index (BM25 over jieba tokens)."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.errors import StoreError
from rag.schemas import Chunk
from rag.search.embedders import Embedder
from rag.text.script import simplified
from rag.text.words import jieba

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
log = logging.getLogger(__name__)

_STOP = set("的 了 和 与 及 在 是 对 为 以 等 将 把 被 从 向 于 由 并 或 而 也 都 就 其 之 中 个 有 这 那 年 月 日".split())
_PUNCT = re.compile(r"^[\s\W_]+$", re.UNICODE)
_MB = 1024 * 1024
_TMP_PREFIX = ".tmp-"
_SPACE_FLOOR = _MB  # Chroma's SQLite journal and HNSW resizes need headroom beyond the vectors themselves
_SPACE_PER_CHUNK = 16 * 1024  # measured 8-15 KB per chunk (document, metadata, log, HNSW) with 384-d vectors


def tokenize(text: str) -> list[str]:
    """Jieba tokens for BM25 on the Simplified view: lower-cased, punctuation and stop words dropped."""
    toks = jieba().lcut_for_search(simplified(text))  # Traditional text and questions match Simplified
    return [t.lower() for t in toks if t.strip() and t not in _STOP and not _PUNCT.match(t)]


class DenseIndex:
    """The Chroma collection: PersistentClient under the data dir, or HttpClient to a Chroma server."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        self.settings, self.embedder = settings, embedder
        self._collection: Any = None
        self._lock = threading.Lock()

    @property
    def collection(self) -> Any:
        """The Chroma collection, created on first use (one per embedder, so vectors never mix)."""
        with self._lock:
            if self._collection is None:
                self._collection = self._open()
        return self._collection

    def _open(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        try:
            if self.settings.chroma_host:
                client = chromadb.HttpClient(
                    host=self.settings.chroma_host, port=self.settings.chroma_port, settings=chroma_settings
                )
            else:
                self.settings.chroma_path.mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=str(self.settings.chroma_path), settings=chroma_settings)
            name = f"{self.settings.collection}_{re.sub(r'[^a-zA-Z0-9]+', '_', self.embedder.name())}"[:60]
            return client.get_or_create_collection(
                name=name, embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
        except Exception as exc:  # chromadb raises many types; one clear line for the user
            where = self.settings.chroma_host or str(self.settings.chroma_path.name)
            raise StoreError(f"cannot open the Chroma index at {where}: {short_reason(exc)}",
                             hint="check JIEDAO_DATA_DIR / JIEDAO_CHROMA_HOST") from exc

    def upsert(self, chunks: list[Chunk], embeddings: list[list[float]]) -> None:
        """Add or replace chunk vectors with filterable metadata."""
        if not chunks:
            return
        try:
            self.collection.upsert(
                ids=[c.chunk_id for c in chunks], embeddings=embeddings, documents=[c.text for c in chunks],
                metadatas=[_meta(c) for c in chunks],
            )
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"Chroma upsert failed: {short_reason(exc)}") from exc

    def check_space(self, n_chunks: int) -> None:
        """Refuse a write the local disk cannot hold: Chroma may hang instead of failing on a full disk."""
        if self.settings.chroma_host:
            return
        where = self.settings.chroma_path
        while not where.exists() and where != where.parent:
            where = where.parent
        try:
            free = shutil.disk_usage(where).free
        except OSError:
            return
        need = _SPACE_FLOOR + n_chunks * (16 * self.embedder.dim + _SPACE_PER_CHUNK)
        if free < need:
            raise StoreError(f"not enough disk space for the Chroma index: {free / _MB:.1f} MB free, "
                             f"about {need / _MB:.1f} MB needed", hint="free disk space or move JIEDAO_DATA_DIR")

    def has_report(self, report_id: str) -> bool:
        """True when Chroma holds at least one vector of this report."""
        try:
            return bool(self.collection.get(where={"report_id": report_id}, limit=1, include=[])["ids"])
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"Chroma read failed: {short_reason(exc)}") from exc

    def delete_report(self, report_id: str) -> None:
        """Drop every vector of one report."""
        try:
            self.collection.delete(where={"report_id": report_id})
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"Chroma delete failed: {short_reason(exc)}") from exc

    def snapshot_report(self, report_id: str) -> dict[str, Any]:
        """Every vector of one report (ids, embeddings, documents, metadatas), for `restore` after a failed delete."""
        try:
            got = self.collection.get(where={"report_id": report_id},
                                      include=["embeddings", "documents", "metadatas"])
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"Chroma read failed: {short_reason(exc)}") from exc
        embeddings = got.get("embeddings")
        return {"ids": list(got["ids"]),
                "embeddings": [list(map(float, e)) for e in embeddings] if embeddings is not None else [],
                "documents": list(got.get("documents") or []), "metadatas": list(got.get("metadatas") or [])}

    def restore(self, snapshot: dict[str, Any]) -> None:
        """Put back the vectors `snapshot_report` saved (an idempotent upsert)."""
        if not snapshot.get("ids"):
            return
        try:
            self.collection.upsert(ids=snapshot["ids"], embeddings=snapshot["embeddings"],
                                   documents=snapshot["documents"] or None, metadatas=snapshot["metadatas"] or None)
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"Chroma restore failed: {short_reason(exc)}") from exc

    def query(self, vector: list[float], k: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) of the k nearest chunks."""
        try:
            count = self.collection.count()
            if count == 0:
                return []
            res = self.collection.query(query_embeddings=[vector], n_results=min(k, count), where=where or None,
                                        include=["distances"])
        except StoreError:
            raise
        except Exception as exc:  # chromadb raises many types; the caller falls back to BM25
            raise StoreError(f"Chroma query failed: {short_reason(exc)}") from exc
        return [(cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    def count(self) -> int:
        """Number of vectors stored."""
        return int(self.collection.count())


def _meta(c: Chunk) -> dict[str, Any]:
    return {"report_id": c.report_id, "street": c.street or "", "district": c.district or "",
            "period": c.period or "", "year": int(c.period[:4]) if c.period and c.period[:4].isdigit() else 0,
            "part": c.part, "section": c.section[:200], "start": c.start, "end": c.end}


def short_reason(exc: BaseException) -> str:
    """A library exception as one short line."""
    return " ".join(str(exc).split())[:200] or type(exc).__name__


class LexicalIndex:
    """BM25 (bm25s) over jieba tokens, persisted next to Chroma and rebuilt when the corpus changes."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.ids: list[str] = []
        self._bm25: Any = None
        self.version = -1

    def build(self, ids: list[str], tokens: list[list[str]], version: int) -> None:
        """Index `tokens` (one list per chunk) and save to disk."""
        import bm25s

        self.ids, self.version = ids, version
        self._bm25 = None
        if not ids:
            return
        bm25 = bm25s.BM25()
        bm25.index([t or ["∅"] for t in tokens], show_progress=False)
        self._bm25 = bm25
        self._save(bm25)

    def _save(self, bm25: Any) -> None:
        """Write `v<version>/` atomically: built in a private temp dir, then renamed (processes never share one)."""
        final = self.directory / f"v{self.version}"
        tmp: Path | None = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=self.directory))
            bm25.save(str(tmp), show_progress=False)
            (tmp / "ids.json").write_text(json.dumps({"version": self.version, "ids": self.ids}, ensure_ascii=False), encoding="utf-8")
            try:
                tmp.rename(final)
            except OSError:  # another process saved this version first (same content): keep theirs
                shutil.rmtree(tmp, ignore_errors=True)
            self._prune(keep=final)
        except OSError as exc:  # the in-memory index still works; only persistence failed
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            log.warning("could not save the BM25 index: %s", exc)

    def _prune(self, keep: Path) -> None:
        """Remove other versions and stale temp dirs (a reader of an old version just rebuilds)."""
        for entry in self.directory.iterdir():
            try:
                if entry == keep or (entry.name.startswith(_TMP_PREFIX) and time.time() - entry.stat().st_mtime < 600):
                    continue  # a temp dir younger than 10 minutes belongs to a running save
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
            except OSError:  # another process pruned it first
                continue

    def load(self, version: int) -> bool:
        """Load the saved index if it matches `version`."""
        import bm25s

        path = self.directory / f"v{version}"
        try:
            saved = json.loads((path / "ids.json").read_text(encoding="utf-8"))
            if saved["version"] != version:
                return False
            self._bm25 = bm25s.BM25.load(str(path), show_progress=False) if saved["ids"] else None
            self.ids, self.version = saved["ids"], version
            return True
        except (OSError, ValueError, KeyError):
            return False

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk (aligned with `ids`)."""
        if self._bm25 is None or not query_tokens:
            return np.zeros(len(self.ids))
        return np.asarray(self._bm25.get_scores(query_tokens))
