"""File → Report → sections, chunks, indicators: the per-report pipeline, pure (no I/O beyond reading)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rag.figures.extract import extract_indicators
from rag.ingest.chunk import chunk_report
from rag.ingest.load import SUPPORTED_SUFFIXES, LoadedText
from rag.ingest.metadata import detect_metadata
from rag.ingest.sections import parse_sections, plan_start
from rag.schemas import Chunk, Indicator, Report, Section
from rag.search.index import tokenize
from rag.text.script import simplified

# Unicode categories never kept in names: controls, format (bidi, zero-width), separators, surrogates.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_MAX_NAME = 120
_MAX_LINE = 400


@dataclass
class Prepared:
    """Everything derived from one file, ready to be stored atomically."""

    report: Report
    sections: list[Section]
    chunks: list[Chunk]
    tokens: list[list[str]]
    indicators: list[Indicator]
    raw_map: tuple[tuple[int, int], ...] = ()  # canonical → raw offset runs (rag.ingest.load.raw_span)


def content_hash(text: str) -> str:
    """sha256 of the canonical text: the report's identity."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def reader_version() -> str:
    """A fingerprint of the code that reads a report (metadata, sections, figures, the text helpers they use):
    a report stored by other code is read again on its next ingest, so an upgrade never keeps a stale table."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in ("figures", "ingest", "text"):
        for source in sorted((root / package).glob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:12]


def prepare(loaded: LoadedText, path: str, *, max_tokens: int) -> Prepared:
    """Run metadata, sections, chunks and indicator extraction over a loaded file."""
    text = loaded.text
    digest = content_hash(text)
    report_id = digest[:16]
    # Parsing runs on the Simplified view (same length, same offsets); quotes are sliced from `text`.
    parse_text = simplified(text)
    sections = parse_sections(report_id, parse_text)
    title_hint = simplified(loaded.title_hint) if loaded.title_hint else None
    meta = detect_metadata(parse_text, title_hint=title_hint, plan_start=plan_start(sections),
                           file_name=path.rsplit("/", 1)[-1], header_fields=loaded.header_fields)
    if meta.published_date is None:  # the publisher line left the text; its date is in the header fields
        meta.published_date = _iso_date(loaded.header_fields.get("发布日期", ""))
    notes = list(meta.notes) + list(loaded.warnings)
    if meta.street is None:
        notes.append("no street (街道/镇) name recognised")
    report = Report(
        report_id=report_id, path=path, content_hash=digest, street=meta.street, district=meta.district,
        city=meta.city, province=meta.province, inferred=meta.inferred,
        report_years=meta.report_years, period_covered=meta.period_covered,
        plan_period=meta.plan_period, title=meta.title, title_source=meta.title_source,  # type: ignore[arg-type]
        published_date=meta.published_date, notes=notes, evidence=meta.evidence, n_chars=len(text), text=text,
        reader=reader_version(),
    )
    chunks = chunk_report(report, text, sections, max_tokens=max_tokens)
    tokens = [tokenize(c.header() + " " + c.text) for c in chunks]
    parse_report = report.model_copy(update={"text": parse_text})
    indicators = [_verbatim(ind, text) for ind in extract_indicators(parse_report, sections, chunks)]
    return Prepared(report, sections, chunks, tokens, indicators, loaded.raw_map)


def _iso_date(value: str) -> str | None:
    """'2023年07月11日' / '2023-7-11 10:22' → '2023-07-11'; None when no full date is there."""
    m = re.search(r"(20\d\d)\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})", value)
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _verbatim(ind: Indicator, text: str) -> Indicator:
    """The figure with its evidence quote taken from the canonical text (parsing saw the Simplified view)."""
    ev = ind.evidence
    quote = text[ev.start : ev.end]
    if quote == ev.quote:
        return ind
    return ind.model_copy(update={"evidence": ev.model_copy(update={"quote": quote})})


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand directories (recursively, sorted) into supported files; explicit files pass through."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                              and not p.name.startswith("."))
        else:
            yield path


def unsupported_files(paths: Iterable[Path]) -> list[Path]:
    """Files inside the given folders that `iter_files` passes over because of their type (hidden files aside)."""
    return [p for path in paths if path.is_dir() for p in sorted(path.rglob("*"))
            if p.is_file() and p.suffix.lower() not in SUPPORTED_SUFFIXES and not p.name.startswith(".")]


def safe_name(name: str) -> str:
    """A display name for an uploaded file: no directories, no control or odd characters, suffix kept."""
    name = unicodedata.normalize("NFKC", name).replace("\\", "/").split("/")[-1]
    name = "".join(c for c in name if unicodedata.category(c) not in _INVISIBLE)
    name = re.sub(r"[^\w.\-()（）\u4e00-\u9fff ]+", "_", name)
    stem, dot, suffix = name.rpartition(".")
    if not dot or not 0 < len(suffix.strip()) <= 8:
        stem, suffix = name, ""
    stem = stem.strip(" ._")[: _MAX_NAME - len(suffix) - 1].rstrip(" .") or "upload"
    return f"{stem}.{suffix.strip()}" if suffix.strip() else stem


def display_path(path: str) -> str:
    """A file path safe to store and show on one line: control, bidi and zero-width characters become '_'."""
    return "".join("_" if unicodedata.category(c) in _INVISIBLE else c for c in path)


def failure_line(path: str, reason: str) -> str:
    """One line naming the file and the reason, with no invisible or control characters."""
    reason = display_path(" ".join(reason.split()))
    name = path.rsplit("/", 1)[-1]
    line = reason if name and name in reason else f"{path}: {reason}"
    return line if len(line) <= _MAX_LINE else line[: _MAX_LINE - 1] + "…"
