"""The facade used by the app, the CLI and the evals: ingest, search, ask, summarize, indicators."""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from filelock import FileLock, Timeout

from rag.config import Settings
from rag.errors import IngestError, JiedaoError, NotFoundError, QuestionError, StoreError
from rag.figures.table import IndicatorStore
from rag.ingest.load import LoadedText, load_bytes, load_file, raw_span, source_text
from rag.ingest.metadata import row_with_override, with_override
from rag.ingest.pipeline import (
    Prepared,
    content_hash,
    display_path,
    failure_line,
    iter_files,
    prepare,
    reader_version,
    safe_name,
    unsupported_files,
)
from rag.llm import LLMBackend, get_backend
from rag.schemas import Answer, Chunk, Citation, Hit, Indicator, ReportMeta
from rag.search.embedders import Embedder, get_embedder
from rag.search.index import DenseIndex, LexicalIndex, short_reason
from rag.search.retrieve import Filters, Retriever
from rag.store.db import connect
from rag.store.reports import Store
from rag.summary.batch import FORMATS as SUMMARY_FORMATS
from rag.summary.markdown import LANGS as SUMMARY_LANGS
from rag.text.script import simplified

if TYPE_CHECKING:
    from rag.summary.batch import BatchResult
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
    superseded: tuple[str, ...] = ()  # ids of older reports of the same place and period removed (supersede=True)

    @property
    def ok(self) -> bool:
        """False only for failures."""
        return self.status != "failed"


@dataclass(frozen=True)
class Shown:
    """A span of a report (`Corpus.show`): offsets into the canonical text, or into the raw text when asked."""

    report_id: str
    path: str
    start: int
    end: int
    text: str  # the span itself (raw text when raw=True)
    quote: str  # the canonical-text span that was asked for
    before: str
    after: str


def _resolved(path: str) -> Path | None:
    """An absolute path for comparing a path given now with one stored at ingest (relative to another cwd)."""
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):
        return None


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
               progress: Progress | None = None, supersede: bool = False,
               place: str | None = None, period: str | None = None) -> list[IngestResult]:
        """Ingest files and folders; every file gets a result, failures never stop the others.

        supersede=True: an older report of the same place and period (e.g. both 2023, not 2023H1 beside 2023)
        is removed once the new one is stored; otherwise both are kept.
        place/period: override the detected place and report period (remembered for the path, see set_metadata).
        """
        files = list(iter_files(Path(p) for p in paths))
        results = []
        for i, path in enumerate(files):
            if progress:
                progress(str(path), i, len(files))
            load = partial(load_file, path, max_bytes=self._max_bytes)
            results.append(self._ingest_one(display_path(str(path)), load))
        for result in results:
            self._override(result, place=place, period=period)
        self._finish(results, embed, progress)
        for result in results if supersede else []:  # only once the new report is fully indexed
            self._supersede(result)
        return results

    @staticmethod
    def unsupported_files(paths: Iterable[Path | str]) -> list[Path]:
        """Files in the given folders that `ingest` passes over because of their type."""
        return unsupported_files(Path(p) for p in paths)

    def ingest_bytes(self, data: bytes, name: str, *, embed: bool = True, supersede: bool = False) -> IngestResult:
        """Ingest an uploaded file; `name` is only displayed, never used as a path."""
        shown = f"upload/{safe_name(name)}"
        result = self._ingest_one(shown, partial(load_bytes, data, safe_name(name), max_bytes=self._max_bytes))
        self._override(result)
        self._finish([result], embed, None)
        if supersede:
            self._supersede(result)
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
            digest = content_hash(loaded.text)
            stored = self.store.find_by_hash(digest)
            if stored is not None and stored.reader != reader_version():
                # read by other code (an upgrade): read again and replace it where it was stored
                prepared = prepare(loaded, stored.path, max_tokens=self.settings.chunk_tokens)
                with self._writer(stored.path):
                    self._store_prepared(prepared, stored.path, reread=True)
                known = self._known(digest, path, ())
                if known is not None and known.status == "unchanged":
                    known.status, known.message = "replaced", "read again by this version"
                if known is not None:
                    return known
            elif stored is not None:  # unchanged or a duplicate: skip the parsing work entirely
                return self._result_for(stored, path, ())
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
        return None if same is None else self._result_for(same, path, warnings)

    @staticmethod
    def _result_for(same: ReportMeta, path: str, warnings: tuple[str, ...]) -> IngestResult:
        """'unchanged' when the stored report came from this path, else 'duplicate'."""
        status: Status = "unchanged" if same.path == path else "duplicate"
        msg = "" if status == "unchanged" else f"same content as {same.path}; not added twice"
        return IngestResult(path, status, msg, same.report_id, same.street, warnings or tuple(same.notes))

    def _store_prepared(self, prep: Prepared, path: str, *, reread: bool = False) -> IngestResult:
        report = prep.report
        warnings = tuple(report.notes)
        same = self.store.find_by_hash(report.content_hash)  # re-checked under the writer lock
        if same is not None and (not reread or same.reader == report.reader):
            return self._result_for(same, path, warnings)
        old = self.store.find_by_path(path)
        gone = [old.report_id] if old is not None else []
        try:
            with self._dense_deleted(gone), self.store.transaction():
                for rid in gone:
                    self.store.delete_report(rid)
                self.store.add_report(report, prep.sections, prep.chunks, prep.tokens)
                self.store.save_raw_map(report.report_id, prep.raw_map)
                self.indicator_store.replace(report.report_id, prep.indicators)
                for rid in gone:  # last, so a Chroma failure rolls the SQLite change back
                    self.dense.delete_report(rid)
        except JiedaoError:
            raise
        except Exception as exc:
            raise StoreError(f"could not store the report: {short_reason(exc)}") from exc
        status: Status = "replaced" if gone else "added"
        return IngestResult(path, status, f"{len(prep.chunks)} chunks, {len(prep.indicators)} indicators",
                            report.report_id, report.street, warnings)

    def _supersede(self, result: IngestResult) -> None:
        """After a report is stored (and its place/period overrides applied), remove the older reports of the
        same place and period, each atomically; a half-year never matches its full year."""
        if result.status not in ("added", "replaced") or result.report_id is None:
            return
        new = self.find_report(result.report_id)
        if new is None or not new.street or not new.period_covered:
            return
        for m in self.store.reports():
            if m.report_id == new.report_id or (m.street, m.period_covered) != (new.street, new.period_covered):
                continue
            try:
                self.remove(m.report_id)
            except JiedaoError as exc:
                result.warnings += (f"could not remove the superseded report {m.path}: {exc}",)
                continue
            result.status, result.superseded = "replaced", (*result.superseded, m.report_id)
            result.message += f"; supersedes {m.path} ({m.report_id}, {m.street} {m.period_covered})"

    @contextmanager
    def _dense_deleted(self, report_ids: list[str]) -> Iterator[None]:
        """Around a transaction that deletes these reports' vectors last: on any failure put the vectors back.

        The snapshot is read before any write; if even the restore fails, the reports' chunks are marked as
        not embedded (SQLite was rolled back), so the next ingest re-embeds them instead of searching holes.
        """
        saved = [self.dense.snapshot_report(rid) for rid in report_ids]
        try:
            yield
        except BaseException:
            for rid, snap in zip(report_ids, saved, strict=True):
                try:
                    self.dense.restore(snap)
                except JiedaoError as exc:
                    log.warning("could not restore Chroma vectors of %s (%s); they will be re-embedded",
                                rid, exc.message)
                    with self.store.transaction():
                        self.store.conn.execute("UPDATE chunks SET embedded = 0 WHERE report_id = ?", (rid,))
            raise

    # ---- remove ---------------------------------------------------------------------------------
    def find_report(self, report_id_or_path: str | Path) -> ReportMeta | None:
        """The report with this id (or unique id prefix), or last ingested from this path."""
        ref = str(report_id_or_path).strip()
        if not ref:
            return None
        metas = self.store.reports()
        for m in metas:
            if m.report_id == ref:
                return m
        for candidate in (display_path(ref), display_path(str(Path(ref)))):
            found = self.store.find_by_path(candidate)
            if found is not None:
                return found
        resolved = _resolved(ref)
        same_file = [m for m in metas if resolved is not None and _resolved(m.path) == resolved]
        if same_file:
            return same_file[-1]  # the latest ingest of that file
        prefixed = [m for m in metas if len(ref) >= 6 and m.report_id.startswith(ref)]
        return prefixed[0] if len(prefixed) == 1 else None

    def remove(self, report_id_or_path: str | Path) -> ReportMeta:
        """Delete one report from SQLite (report, sections, chunks, figures), Chroma and BM25, all or nothing.

        Raises NotFoundError (a JiedaoError) when no report has this id or path; StoreError when a store fails,
        in which case every store is as it was.
        """
        meta = self.find_report(report_id_or_path)
        if meta is None:
            raise NotFoundError(f"no report with id or path {report_id_or_path}",
                                hint="`jiedao reports` lists report ids and paths")
        with self._writer(meta.path):
            if self.store.find_by_hash(meta.content_hash) is None:  # removed by another process meanwhile
                raise NotFoundError(f"no report with id or path {report_id_or_path}")
            try:
                with self._dense_deleted([meta.report_id]), self.store.transaction():
                    self.store.delete_report(meta.report_id)
                    self.dense.delete_report(meta.report_id)  # last: a Chroma failure rolls SQLite back
            except JiedaoError:
                raise
            except Exception as exc:
                raise StoreError(f"could not remove the report: {short_reason(exc)}") from exc
        try:
            self._refresh()  # BM25 rebuilt now from the new store version, not at the next search
        except Exception as exc:  # the store is right; BM25 is rebuilt at the next search anyway
            log.warning("BM25 rebuild after remove deferred: %s", short_reason(exc))
        return meta

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

    # ---- metadata overrides (M2) ---------------------------------------------------------------
    def _override(self, result: IngestResult, *, place: str | None = None, period: str | None = None) -> None:
        """Apply a place/period given now, or one remembered for this path, to the stored report."""
        if not result.ok or result.report_id is None:
            return
        saved = self.store.override(result.path)
        place, period = place or saved.get("place"), period or saved.get("period")
        if place or period:
            result.street = self.set_metadata(result.report_id, place=place, period=period).street

    def set_metadata(self, report_id: str, *, place: str | None = None, period: str | None = None) -> ReportMeta:
        """Override a report's place and/or period; its figure rows follow, and re-ingest keeps the override."""
        if period and not re.fullmatch(r"20\d\d(?:H[12]|M01-M(?:0[1-9]|1[0-2]))?", period):
            raise QuestionError(f"period {period!r} is not a period code",
                                hint="use 2023 (a year), 2024H1 (a half-year) or 2023M01-M10 (January to October)")
        try:
            report = self.store.report(report_id)
        except KeyError:
            raise NotFoundError(f"no report with id {report_id}") from None
        old = ReportMeta.model_validate(report.model_dump(exclude={"text"}))
        new = with_override(old, report.text, place=place, period=period)
        with self._writer(report.path), self.store.transaction():
            self.store.update_meta(new)
            self.indicator_store.update_rows(report_id, lambda row: row_with_override(row, old, new))
            saved = self.store.override(report.path)
            saved.update({k: v for k, v in (("place", place), ("period", period)) if v})
            self.store.save_override(report.path, saved)
        return new

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

    def series(self, place: str, key_or_label: str, *, kind: str = "actual") -> list[Indicator]:
        """One figure per period for a place, in period order (2022 < 2023M01-M06 = 2023H1 < 2023 …).

        `key_or_label` is a lexicon key ("fixed_asset_investment"), "label:<label_zh>" or a bare label_zh.
        When several rows share a period, the latest-ingested report's first row is kept.
        """
        from rag.figures.table import one_per_period, same_indicator

        streets = {m.street for m in self.store.reports() if m.street}
        if place not in streets:  # a short form (观湖 for 观湖街道) when exactly one place starts with it
            starts = [s for s in streets if s.startswith(place.strip())] if place.strip() else []
            place = starts[0] if len(starts) == 1 else place
        rows = [r for r in self.indicator_store.query(street=place, kind=kind or None)
                if same_indicator(r, key_or_label)]
        return one_per_period(rows, [m.report_id for m in self.store.reports()])

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
        """Answer a question (Traditional script is read as Simplified, a year written short in full: '23年',
        "'22"); every citation gets the report's path and its span in the raw text (`raw_start`, `raw_end`, see
        `show`)."""
        from rag.answer.router import full_years

        answer = self._ask(full_years(simplified(question)), previous=previous, filters=filters, on_token=on_token)
        return self._checkable(answer)

    def _checkable(self, answer: Answer) -> Answer:
        """The answer with every citation checkable on disk (`_on_disk`)."""
        if not answer.citations:
            return answer
        return answer.model_copy(update={"citations": self._on_disk(answer.citations)})

    def _on_disk(self, citations: list[Citation]) -> list[Citation]:
        """Fill `path`, `raw_start`, `raw_end` of each citation from the stored canonical → raw map."""
        if not citations:
            return citations
        paths = {m.report_id: m.path for m in self.store.reports()}
        runs: dict[str, list[list[int]]] = {}
        cited = []
        for c in citations:
            if c.report_id not in runs:
                runs[c.report_id] = self.store.raw_map(c.report_id)
            span = raw_span(runs[c.report_id], c.start, c.end)
            update: dict[str, object] = {"path": paths.get(c.report_id, c.path)}
            if span is not None:
                update |= {"raw_start": span[0], "raw_end": span[1]}
            cited.append(c.model_copy(update=update))
        return cited

    def show(self, report_id: str, start: int, end: int, *, raw: bool = False, context: int = 60) -> Shown:
        """The span [start, end) of a report's canonical text with context; raw=True: the same span in the raw
        text (the decoded file for .txt/.md, the extracted main text for HTML/DOCX/PDF), read from disk."""
        try:
            meta = self.store.report(report_id)
        except KeyError:
            raise NotFoundError(f"no report with id {report_id}") from None
        text = meta.text
        if not 0 <= start < end <= len(text):
            raise QuestionError(f"span {start}:{end} is outside the report (0:{len(text)})")
        quote = text[start:end]
        if raw:
            span = raw_span(self.store.raw_map(report_id), start, end)
            if span is None:
                raise NotFoundError(f"report {report_id} has no raw offset map; ingest it again")
            try:
                text = source_text(Path(meta.path))
            except (OSError, JiedaoError) as exc:
                raise NotFoundError(f"cannot read {meta.path}: {exc}") from None
            start, end = span
        return Shown(report_id, meta.path, start, end, text[start:end], quote,
                     text[max(0, start - context) : start], text[end : end + context])

    def _ask(self, question: str, *, previous: Answer | None = None, filters: Filters | None = None,
             on_token: Callable[[str], None] | None = None) -> Answer:
        """Answer a question: indicator route for figures the store holds, else cited passages; or abstain.

        Rankings and lookups are always computed from the indicator table; an LLM, when configured, only
        phrases passage answers, and its numbers are checked against the passages it cites.
        """
        from rag.answer.figures import indicator_answer
        from rag.answer.passages import Context, passage_answer
        from rag.answer.router import Route, plain_question, route

        question = plain_question(" ".join(question.split())[:2000])
        if not question:
            raise QuestionError("empty question")
        metas = self.reports()
        prev = Route.model_validate(previous.intent) if previous and previous.intent else None
        r = route(question, metas, prev)
        if filters and filters.streets and not r.places:
            r = r.model_copy(update={"places": list(filters.streets)})
        ctx = Context(
            reports=metas,
            indicators=lambda key, kind: self.indicator_store.query(key=key, kind=kind),
            search=lambda q, k, f, per: self.search(q, k=k, filters=f, per_report=per),
            rows=self._figure_rows,
        )
        # the scope guard runs on every route: a place the corpus lacks is never answered from another place
        answer = indicator_answer(question, r, ctx) if r.intent != "open" or r.unknown_places else None
        if self.backend.available:
            from rag.answer.llm import llm_answer

            # figure answers stay code-written (an English lookup is phrased by the model around code's figures)
            return llm_answer(question, r, ctx, self.backend, figure=answer, filters=filters, on_token=on_token,
                              rows_for=lambda rids: [row for rid in rids
                                                     for row in self.indicator_store.query(report_id=rid)])
        if answer is not None:
            return answer
        return passage_answer(question, r, ctx, filters=filters)

    def _figure_rows(self, place: str | None = None) -> list[Indicator]:
        """Every figure row (of one place), cached per corpus version (Qm: matcher input)."""
        version = self.store.version()
        cached = getattr(self, "_rows_cache", None)
        if cached is None or cached[0] != version:
            cached = (version, self.indicator_store.query())
            self._rows_cache = cached
        rows: list[Indicator] = cached[1]
        return rows if place is None else [x for x in rows if x.street == place]

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

        summary = summarize_report(self, report_id, backend=self.backend if self.backend.available else None)
        return self._summary_on_disk(summary)

    def _summary_on_disk(self, summary: ReportSummary) -> ReportSummary:
        """The summary with every citation (key figures, section points) checkable on disk."""
        cites = self._on_disk([k.citation for k in summary.key_figures])
        figures = [k.model_copy(update={"citation": c}) for k, c in zip(summary.key_figures, cites, strict=True)]
        review = [s.model_copy(update={"citations": self._on_disk(s.citations)}) for s in summary.review]
        plan = [s.model_copy(update={"citations": self._on_disk(s.citations)}) for s in summary.plan]
        return summary.model_copy(update={"key_figures": figures, "review": review, "plan": plan})

    def summarize_all(self, out_dir: Path, *, paths: Iterable[Path | str] = (),
                      langs: Iterable[str] = SUMMARY_LANGS, formats: Iterable[str] = SUMMARY_FORMATS,
                      progress: Progress | None = None) -> BatchResult:
        """Summaries of the reports under `paths` (ingested first) or of every report, plus the cross-report
        overview, written to `out_dir` as Markdown/JSON; resumable: unchanged reports are skipped."""
        from rag.summary.batch import run_batch

        backend = self.backend if self.backend.available else None
        return run_batch(self, out_dir, paths=paths, langs=list(langs), formats=list(formats), backend=backend,
                         progress=progress)


# ---- names the edges reach through the facade ------------------------------------------------------------
# Re-exported so the edges stay on the facade (tests/test_layout.py): interface strings, number/period/place
# display, the display unit of a column, exports, summaries as Markdown, the file types ingest reads
# (Filters and safe_name are imported above).
from rag.figures.table import flat_record as flat_record  # noqa: E402
from rag.figures.table import to_csv as to_csv  # noqa: E402
from rag.ingest.load import SUPPORTED_SUFFIXES as SUPPORTED_SUFFIXES  # noqa: E402
from rag.text.messages import display_scale as display_scale  # noqa: E402
from rag.text.messages import ui as ui  # noqa: E402
from rag.text.names import period_en as period_en  # noqa: E402
from rag.text.names import period_zh as period_zh  # noqa: E402
from rag.text.names import place_en as place_en  # noqa: E402
from rag.text.numbers import format_en as format_en  # noqa: E402
from rag.text.numbers import format_zh as format_zh  # noqa: E402
from rag.text.numbers import majority_unit as majority_unit  # noqa: E402

EXPORT_FORMATS = ("csv", "json", "xlsx")


def export_indicators(rows: list[Indicator], fmt: str) -> bytes:
    """The given indicator rows as CSV (UTF-8 with BOM, for spreadsheets), JSON (full records) or XLSX."""
    if fmt == "csv":
        return to_csv(list(rows)).encode("utf-8-sig")
    if fmt == "json":
        import json

        return json.dumps([i.model_dump(mode="json") for i in rows], ensure_ascii=False, indent=2).encode("utf-8")
    if fmt == "xlsx":
        import io

        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "indicators"
        flat = [flat_record(i) for i in rows]
        fields = list(flat[0]) if flat else ["report_id"]
        sheet.append(fields)
        for rec in flat:
            sheet.append([v if isinstance(v, int | float | str) or v is None else str(v) for v in rec.values()])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")


def summary_markdown(summary: ReportSummary) -> str:
    """A report summary as a Markdown document (both languages), as `jiedao summarize` writes it."""
    from rag.summary.markdown import to_markdown

    return to_markdown(summary)


def summary_column(summary: ReportSummary, lang: str, escape: Callable[[str], str]) -> str:
    """One language of a report summary as Markdown for display; report text passes through `escape`."""
    from rag.summary.markdown import summary_column as column

    return column(summary, lang, escape)


@dataclass(frozen=True)
class EvalRun:
    """What `evaluate` scored and wrote."""

    report: dict[str, Any]  # suite -> scores and failures, as eval.json holds it
    markdown: str  # the readable report, as eval.md holds it
    below: list[str]  # thresholds not met, one readable line each; empty when the gate passes
    json_path: Path
    markdown_path: Path


def evaluate(settings: Settings, *, suites: Iterable[str] | None = None, gold_dir: Path,
             corpus_dir: Path | None = None, facts: Path | None = None, baseline: bool = False,
             out_dir: Path, thresholds: Path) -> EvalRun:
    """Score answers, indicators, metadata and summaries against labelled data (all suites unless named), write
    eval.json and eval.md to `out_dir`, and check the thresholds file; with `corpus_dir`, those reports are
    evaluated in a temporary index and the configured data directory is never opened."""
    # The one product module allowed to import the eval harness (tests/test_layout.py): `jiedao eval` is a
    # product command, and the edges reach it through the facade. The runner is handed the Corpus class
    # rather than importing it, so there is no cycle.
    from rag.evals.runner import SUITES, below_thresholds, run_eval, write_reports

    chosen = list(SUITES) if suites is None else list(suites)
    report = run_eval(Corpus, settings, suites=chosen, data_dir=gold_dir, corpus_dir=corpus_dir, facts=facts,
                      baseline=baseline)
    js, md = write_reports(report, out_dir)
    return EvalRun(report, md.read_text(encoding="utf-8"), below_thresholds(report, thresholds), js, md)


def llm_log(settings: Settings, *, limit: int = 20) -> dict[str, Any]:
    """The LLM call log: token totals (overall and by model) and the newest `limit` calls."""
    from rag.llm.calllog import CallLog

    log_ = CallLog(settings)
    return {"summary": log_.summary(), "recent": log_.recent(limit)}
