"""The facade used by the app, the CLI and the evals: ingest, search, ask, summarize, indicators."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from filelock import FileLock, Timeout

from rag.config import Settings
from rag.errors import IngestError, JiedaoError, QuestionError, StoreError
from rag.figures.table import IndicatorStore
from rag.ingest.load import LoadedText, load_bytes, load_file
from rag.ingest.pipeline import (
    Prepared,
    content_hash,
    display_path,
    failure_line,
    iter_files,
    prepare,
    safe_name,
    unsupported_files,
)
from rag.llm import LLMBackend, get_backend
from rag.schemas import Answer, Chunk, Hit, Indicator, ReportMeta
from rag.search.embedders import Embedder, get_embedder
from rag.search.index import DenseIndex, LexicalIndex, short_reason
from rag.search.retrieve import Filters, Retriever
from rag.store.db import connect
from rag.store.reports import Store

if TYPE_CHECKING:
    from rag.summary.common import ReportSummary

log = logging.getLogger(__name__)
Status = Literal["added", "replaced", "unchanged", "duplicate", "failed"]
Progress = Callable[[str, int, int], None]
_EMBED_BATCH = 16
_UPSERT_BATCH = 256  # Chroma writes cost ~0.1 s each, whatever their size


@dataclass
class IngestResult:
    """What happened to one input file."""

    path: str
    status: Status
    message: str = ""
    report_id: str | None = None
    street: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """False only for failures."""
        return self.status != "failed"


class Corpus:
    """One data directory: SQLite store, Chroma collection, BM25 index."""

    def __init__(self, settings: Settings, *, embedder: Embedder | None = None,
                 backend: LLMBackend | None = None) -> None:
        self.settings = settings
        self._backend = backend
        self.embedder = embedder or get_embedder(settings)
        self.store = Store(connect(settings.sqlite_path))
        self.indicator_store = IndicatorStore(self.store.conn)
        self.dense = DenseIndex(settings, self.embedder)
        self.lexical = LexicalIndex(settings.data_dir / "bm25")
        self._lock = threading.RLock()
        self._retriever: Retriever | None = None

    # ---- ingest -------------------------------------------------------------------------------
    def ingest(self, paths: Iterable[Path | str], *, embed: bool = True,
               progress: Progress | None = None) -> list[IngestResult]:
        """Ingest files and folders; every file gets a result, failures never stop the others."""
        files = list(iter_files(Path(p) for p in paths))
        results = []
        for i, path in enumerate(files):
            if progress:
                progress(str(path), i, len(files))
            load = partial(load_file, path, max_bytes=self._max_bytes)
            results.append(self._ingest_one(display_path(str(path)), load))
        self._finish(results, embed, progress)
        return results

    @staticmethod
    def unsupported_files(paths: Iterable[Path | str]) -> list[Path]:
        """Files in the given folders that `ingest` passes over because of their type."""
        return unsupported_files(Path(p) for p in paths)

    def ingest_bytes(self, data: bytes, name: str, *, embed: bool = True) -> IngestResult:
        """Ingest an uploaded file; `name` is only displayed, never used as a path."""
        shown = f"upload/{safe_name(name)}"
        result = self._ingest_one(shown, partial(load_bytes, data, safe_name(name), max_bytes=self._max_bytes))
        self._finish([result], embed, None)
        return result

    @property
    def _max_bytes(self) -> int:
        return int(self.settings.max_file_mb * 1024 * 1024)

    def _finish(self, results: list[IngestResult], embed: bool, progress: Progress | None) -> None:
        # BM25 is rebuilt lazily on the next search (the corpus version changed), not once per ingest call.
        if embed:
            self.embed_pending(progress=progress, results=results)

    def _ingest_one(self, path: str, load: Callable[[], LoadedText]) -> IngestResult:
        try:
            loaded = load()
            known = self._known(content_hash(loaded.text), path, ())
            if known is not None:  # unchanged or a duplicate: skip the parsing work entirely
                return known
            prepared = prepare(loaded, path, max_tokens=self.settings.chunk_tokens)
            with self._writer(path):
                return self._store_prepared(prepared, path)
        except JiedaoError as exc:
            return IngestResult(path, "failed", failure_line(path, str(exc)))
        except Exception as exc:  # an unexpected bug: keep the traceback in the log, one line for the user
            log.exception("ingest of %s failed", path)
            return IngestResult(path, "failed", failure_line(path, f"unexpected error: {type(exc).__name__}: {exc}"))

    @contextmanager
    def _writer(self, path: str) -> Iterator[None]:
        """Serialise writers (SQLite and Chroma) across processes; say so when we have to wait."""
        lock = FileLock(str(self.settings.data_dir / ".ingest.lock"), timeout=600)
        try:
            lock.acquire(timeout=0.5)
        except Timeout:
            log.warning("%s: another ingest is running; waiting for it", path)
            try:
                lock.acquire()
            except Timeout as exc:
                raise StoreError("another ingest held the data directory lock for 10 minutes") from exc
        except OSError as exc:
            raise StoreError(f"cannot lock the data directory: {exc}", hint="check JIEDAO_DATA_DIR") from exc
        try:
            yield
        finally:
            lock.release()

    def _known(self, digest: str, path: str, warnings: tuple[str, ...]) -> IngestResult | None:
        """The result for content already in the store ('unchanged' from the same path, else 'duplicate')."""
        same = self.store.find_by_hash(digest)
        if same is None:
            return None
        status: Status = "unchanged" if same.path == path else "duplicate"
        msg = "" if status == "unchanged" else f"same content as {same.path}; not added twice"
        return IngestResult(path, status, msg, same.report_id, same.street, warnings or tuple(same.notes))

    def _store_prepared(self, prep: Prepared, path: str) -> IngestResult:
        report = prep.report
        warnings = tuple(report.notes)
        known = self._known(report.content_hash, path, warnings)  # re-checked under the writer lock
        if known is not None:
            return known
        old = self.store.find_by_path(path)
        try:
            with self.store.transaction():
                if old is not None:
                    self.store.delete_report(old.report_id)
                self.store.add_report(report, prep.sections, prep.chunks, prep.tokens)
                self.indicator_store.replace(report.report_id, prep.indicators)
                if old is not None:  # last, so a Chroma failure rolls the SQLite change back
                    self.dense.delete_report(old.report_id)
        except JiedaoError:
            raise
        except Exception as exc:
            raise StoreError(f"could not store the report: {short_reason(exc)}") from exc
        status: Status = "replaced" if old is not None else "added"
        return IngestResult(path, status, f"{len(prep.chunks)} chunks, {len(prep.indicators)} indicators",
                            report.report_id, report.street, warnings)

    def embed_pending(self, *, progress: Progress | None = None,
                      results: list[IngestResult] | None = None) -> int:
        """Compute dense embeddings for chunks that have none; a report whose vectors fail is removed whole."""
        embedded, total = self.store.embedding_progress()
        todo, done = total - embedded, 0
        for rid in self.store.pending_reports():
            # One report at a time under the writer lock: Chroma has one writer across processes, and a report
            # replaced or removed meanwhile by another process is re-read here rather than embedded stale.
            with self._writer("embedding"):
                chunks = self.store.pending_chunks(report_id=rid)
                try:
                    self.dense.check_space(len(chunks))  # before any write: a full disk can hang Chroma
                    for i in range(0, len(chunks), _UPSERT_BATCH):
                        self._embed_group(chunks[i : i + _UPSERT_BATCH], done, todo, progress)
                        done += len(chunks[i : i + _UPSERT_BATCH])
                except JiedaoError as exc:
                    self._drop_reports({rid}, exc, results)
                except Exception as exc:  # sqlite3 / embedder internals: keep the traceback in the log
                    log.exception("embedding failed")
                    self._drop_reports({rid}, StoreError(f"{type(exc).__name__}: {short_reason(exc)}"), results)
        if progress and todo:
            progress("embedding", done, todo)
        return done

    def _embed_group(self, group: list[Chunk], done: int, total: int, progress: Progress | None) -> None:
        """Embed one group (in embedder-sized batches), write it to Chroma, then mark it embedded."""
        vectors: list[list[float]] = []
        for j in range(0, len(group), _EMBED_BATCH):
            if progress:
                progress("embedding", done + j, total)
            batch = group[j : j + _EMBED_BATCH]
            vectors.extend(self.embedder([c.header() + "\n" + c.text for c in batch]))
        self.dense.upsert(group, vectors)
        self.store.mark_embedded([c.chunk_id for c in group])

    def _drop_reports(self, report_ids: set[str], exc: JiedaoError, results: list[IngestResult] | None) -> None:
        """Atomicity: a report that cannot be fully indexed is removed from every index."""
        for rid in sorted(report_ids):
            try:
                if self.dense.has_report(rid):  # no write at all when nothing reached Chroma
                    self.dense.delete_report(rid)
            except JiedaoError:
                log.warning("could not clean Chroma for %s", rid)
            try:
                with self.store.transaction():
                    self.store.delete_report(rid)
            except sqlite3.Error as err:
                raise StoreError(f"indexing failed ({exc.message}) and the report could not be removed: "
                                 f"{short_reason(err)}", hint="free disk space, then run the ingest again") from err
            for r in results or []:
                if r.report_id == rid:
                    r.status, r.message = "failed", failure_line(r.path, f"indexing failed: {exc}")

    # ---- read -----------------------------------------------------------------------------------
    def reports(self) -> list[ReportMeta]:
        """Every ingested report's metadata."""
        return self.store.reports()

    def retriever(self) -> Retriever:
        """The hybrid retriever over the current corpus (reloaded when another process changed it)."""
        self._refresh()
        if self._retriever is None:
            raise StoreError("the search index could not be loaded", hint="re-run `jiedao ingest` to rebuild it")
        return self._retriever

    def _refresh(self) -> None:
        with self._lock, self.store.snapshot():
            version = self.store.version()
            if self._retriever is not None and self.lexical.version == version:
                return
            if not self.lexical.load(version):
                ids, tokens = self.store.chunk_tokens()
                self.lexical.build(ids, tokens, version)
            chunks = {c.chunk_id: c for c in self.store.chunks()}
            self._retriever = Retriever(self.lexical, self.dense, chunks, self.embedder.embed_query)

    def search(self, query: str, *, k: int = 5, filters: Filters | None = None, per_report: bool = False,
               use_dense: bool = True, use_lexical: bool = True) -> list[Hit]:
        """Hybrid search over the chunks."""
        from rag.answer.router import language_of
        from rag.figures.lexicon import expand_english

        embedded, total = self.store.embedding_progress()
        # Dense ranks join only once every chunk has a vector: a half-built index would favour some reports.
        dense_ready = use_dense and total > 0 and embedded == total
        if language_of(query) == "en":
            query = expand_english(query)  # Chinese terms for BM25; the dense model is multilingual anyway
        retriever = self.retriever()
        try:
            return retriever.search(query, k=k, filters=filters, per_report=per_report, use_dense=dense_ready,
                                    use_lexical=use_lexical)
        except StoreError as exc:
            if not use_lexical:
                raise
            log.warning("dense index unavailable (%s); answering from BM25 only", exc.message)
            return retriever.search(query, k=k, filters=filters, per_report=per_report, use_dense=False)

    def indicators(self, *, street: str | None = None, key: str | None = None,
                   kind: str | None = None) -> list[Indicator]:
        """Stored indicators, filtered."""
        return self.indicator_store.query(street=street, key=key, kind=kind)

    def report_text(self, report_id: str) -> str:
        """The canonical text every offset refers to."""
        try:
            return self.store.text(report_id)
        except KeyError:
            raise IngestError(f"no report with id {report_id}") from None

    # ---- questions ------------------------------------------------------------------------------
    @property
    def backend(self) -> LLMBackend:
        """The configured LLM backend ('offline' unless JIEDAO_MODEL / --model names one), made on first use."""
        if self._backend is None:
            self._backend = get_backend(self.settings)
        return self._backend

    def ask(self, question: str, *, previous: Answer | None = None, filters: Filters | None = None,
            on_token: Callable[[str], None] | None = None) -> Answer:
        """Answer a question: indicator route for figures the store holds, else cited passages; or abstain.

        Rankings and lookups are always computed from the indicator table; an LLM, when configured, only
        phrases passage answers, and its numbers are checked against the passages it cites.
        """
        from rag.answer.figures import indicator_answer
        from rag.answer.passages import Context, passage_answer
        from rag.answer.router import Route, route

        question = " ".join(question.split())[:2000]
        if not question:
            raise QuestionError("empty question")
        metas = self.reports()
        known = [m.street for m in metas if m.street]
        prev = Route.model_validate(previous.intent) if previous and previous.intent else None
        r = route(question, known, prev)
        if filters and filters.streets and not r.streets:
            r = r.model_copy(update={"streets": list(filters.streets)})
        ctx = Context(
            reports=metas,
            indicators=lambda key, kind: self.indicator_store.query(key=key, kind=kind),
            search=lambda q, k, f, per: self.search(q, k=k, filters=f, per_report=per),
        )
        answer = indicator_answer(question, r, ctx) if r.intent != "open" else None
        if answer is not None:
            return answer
        if self.backend.available:
            from rag.answer.llm import llm_passage_answer

            return llm_passage_answer(question, r, ctx, self.backend, filters=filters, on_token=on_token)
        return passage_answer(question, r, ctx, filters=filters)

    def enrich_indicators(self, report_ids: list[str] | None = None) -> dict[str, int]:
        """With an LLM configured, add figures the rules missed (validated and grounded); rule rows always stay.

        Returns the number of rows added per report.
        """
        from rag.errors import ConfigError
        from rag.figures.llm_extract import extract_with_llm, merge

        if not self.backend.available:
            raise ConfigError("LLM-assisted extraction needs a model", hint="set JIEDAO_MODEL=openai:<model>")
        added: dict[str, int] = {}
        for rid in report_ids or [m.report_id for m in self.reports()]:
            report = self.store.report(rid)
            rules = self.indicator_store.query(report_id=rid)
            found = extract_with_llm(report, self.store.sections(rid), self.store.chunks(rid), self.backend,
                                     max_workers=self.settings.llm_max_concurrency)
            merged = merge(rules, found)
            with self.store.transaction():
                self.indicator_store.replace(rid, merged)
            added[rid] = len(merged) - len(rules)
        return added

    # ---- summaries ------------------------------------------------------------------------------
    def summarize(self, report_id: str) -> ReportSummary:
        """Bilingual summary of one report: LLM map-reduce when configured, else extractive; always fact-checked."""
        from rag.summary.report import summarize_report

        return summarize_report(self, report_id, backend=self.backend if self.backend.available else None)
