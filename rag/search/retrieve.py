"""Hybrid retrieval: BM25 + dense ranks fused by reciprocal-rank fusion, with filters and per-report mode."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rag.schemas import Chunk, Hit
from rag.search.index import DenseIndex, LexicalIndex, tokenize

RRF_K = 60
_POOL = 50


@dataclass
class Filters:
    """Restrict a search; empty lists mean no restriction."""

    streets: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    report_ids: list[str] = field(default_factory=list)

    def accepts(self, c: Chunk) -> bool:
        """True when the chunk passes every filter."""
        year = int(c.period[:4]) if c.period and c.period[:4].isdigit() else None
        return (
            (not self.streets or c.street in self.streets)
            and (not self.districts or c.district in self.districts)
            and (not self.years or year in self.years)
            and (not self.parts or c.part in self.parts)
            and (not self.report_ids or c.report_id in self.report_ids)
        )

    def where(self) -> dict[str, Any] | None:
        """The same filters as a Chroma `where` clause."""
        clauses: list[dict[str, Any]] = []
        for key, values in (("street", self.streets), ("district", self.districts), ("year", self.years),
                            ("part", self.parts), ("report_id", self.report_ids)):
            if values:
                clauses.append({key: {"$in": list(values)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@dataclass
class Retriever:
    """Searches the chunks that `chunks_by_id` knows about."""

    lexical: LexicalIndex
    dense: DenseIndex | None
    chunks_by_id: dict[str, Chunk]
    embed_query: Callable[[str], list[float]] | None = None

    def search(self, query: str, *, k: int = 5, filters: Filters | None = None, per_report: bool = False,
               use_dense: bool = True, use_lexical: bool = True) -> list[Hit]:
        """Top-k fused hits; with `per_report`, the best k hits of every report that passes the filters."""
        filters = filters or Filters()
        # Score the query once (BM25 over all chunks, one query embedding), then filter per report.
        scores = self.lexical.scores(tokenize(query)) if use_lexical else None
        dense = use_dense and self.dense is not None and self.embed_query is not None and self.dense.count() > 0
        vector = self.embed_query(query) if dense and self.embed_query is not None else None
        if not per_report:
            dense_ids = self._dense(vector, filters, _POOL)
            bm25_ids = self._bm25(scores, filters)[None] if scores is not None else []
            return self._fused(bm25_ids, dense_ids, k)
        report_ids = filters.report_ids or sorted({c.report_id for c in self.chunks_by_id.values()
                                                    if filters.accepts(c)})
        # One dense query deep enough to reach every report, split per report below (not one query each);
        # BM25 ranks are likewise split per report in one pass over the ranking.
        dense_ids = self._dense(vector, filters, _POOL * max(1, len(report_ids)))
        dense_by_report: dict[str, list[str]] = defaultdict(list)
        for cid in dense_ids:
            if cid in self.chunks_by_id:
                dense_by_report[self.chunks_by_id[cid].report_id].append(cid)
        bm25_by_report = self._bm25(scores, filters, per_report=True) if scores is not None else {}
        hits: list[Hit] = []
        for rid in report_ids:
            hits.extend(self._fused(bm25_by_report.get(rid, []), dense_by_report.get(rid, [])[:_POOL], k))
        return sorted(hits, key=lambda h: -h.score)

    def _dense(self, vector: list[float] | None, filters: Filters, n: int) -> list[str]:
        if vector is None or self.dense is None:
            return []
        return [cid for cid, _ in self.dense.query(vector, n, filters.where())]

    def _fused(self, bm25_ids: list[str], dense_ids: list[str], k: int) -> list[Hit]:
        ranks: dict[str, dict[str, int]] = defaultdict(dict)
        for rank, cid in enumerate(bm25_ids):
            ranks[cid]["bm25"] = rank
        for rank, cid in enumerate(dense_ids):
            ranks[cid]["dense"] = rank
        scored = [(sum(1.0 / (RRF_K + r + 1) for r in rr.values()), cid, rr) for cid, rr in ranks.items()
                  if cid in self.chunks_by_id]
        scored.sort(key=lambda t: (-t[0], t[1]))
        return [Hit(chunk=self.chunks_by_id[cid], score=s, bm25_rank=rr.get("bm25"), dense_rank=rr.get("dense"))
                for s, cid, rr in scored[:k]]

    def _bm25(self, scores: np.ndarray, filters: Filters, *,
              per_report: bool = False) -> dict[str | None, list[str]]:
        """The top _POOL chunk ids by BM25 that pass the filters (under None), or per report id."""
        order = np.argsort(-scores, kind="stable")
        out: dict[str | None, list[str]] = defaultdict(list)
        ids = self.lexical.ids
        for i in order[: int(np.count_nonzero(scores > 0))]:  # positive scores come first in the order
            chunk = self.chunks_by_id.get(ids[i])
            if chunk is None:
                continue
            bucket = out[chunk.report_id if per_report else None]
            if len(bucket) < _POOL and filters.accepts(chunk):
                bucket.append(chunk.chunk_id)
                if not per_report and len(bucket) >= _POOL:
                    break
        return out
