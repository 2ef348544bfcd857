"""Batch summaries: ingest, summarise each report (resumable), compare reports, write Markdown and JSON."""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field

from rag.errors import JiedaoError
from rag.figures.lexicon import BY_KEY, base_key
from rag.ingest.load import load_file
from rag.ingest.pipeline import content_hash, iter_files
from rag.schemas import Citation, Indicator, Record
from rag.summary import report as summ_report
from rag.summary.common import ReportSummary
from rag.summary.extractive import EXTRACTIVE_VERSION, headline_indicators, lex_term
from rag.summary.llm import llm_prompt_version
from rag.summary.markdown import LANGS, footnote, table_cell, title, to_markdown
from rag.text.names import period_en, period_zh
from rag.text.numbers import format_en, format_zh, majority_unit

if TYPE_CHECKING:
    from rag.corpus import Corpus
    from rag.llm import LLMBackend

log = logging.getLogger(__name__)

MANIFEST = ".manifest.json"
CACHE = ".summaries"
SCHEMA = "summary.schema.json"
FORMATS = ("md", "json")
Progress = Callable[[str, int, int], None]


# ---- cross-report overview -----------------------------------------------------------------------------
class OverviewCell(Record):
    """One report's figure in a comparison row."""

    report_id: str
    street: str | None
    street_en: str
    period: str
    kind: str
    display_zh: str
    display_en: str
    normalized_value: float
    citation: Citation


class OverviewRow(Record):
    """One indicator compared across reports, highest first (ranked by code, never by a model)."""

    key: str
    label_zh: str
    label_en: str
    normalized_unit: str = Field(description="Unit every cell was normalised to: CNY, m2, count, …")
    cells: list[OverviewCell]
    periods_differ: bool


class Overview(Record):
    """Main indicators compared across the summarised reports."""

    reports: list[dict[str, Any]] = Field(description="report_id, street, street_en, period, mode of each report.")
    rows: list[OverviewRow]
    narrative_zh: list[str]
    narrative_en: list[str]
    caveats_zh: list[str]
    caveats_en: list[str]


def collection_overview(corpus: Corpus, summaries: Sequence[ReportSummary]) -> Overview:
    """One row per headline lexicon key that at least two reports state as actual/cumulative."""
    found: dict[str, list[tuple[ReportSummary, Indicator]]] = {}
    for s in summaries:
        for ind in headline_indicators(corpus.indicator_store.query(report_id=s.report_id)):
            found.setdefault(base_key(ind.key), []).append((s, ind))
    rows = []
    for key, pairs in found.items():
        unit = majority_unit(i.normalized_unit for _, i in pairs)
        same = [(s, i) for s, i in pairs if i.normalized_unit == unit]
        if len(same) >= 2:
            rows.append(_row(key, unit, same))
    rows.sort(key=lambda r: (-lex_term(r.key).importance, -len(r.cells), r.key))  # type: ignore[union-attr]
    n = 0
    for row in rows:
        for cell in row.cells:
            n += 1
            cell.citation.n = n
    zh, en = _overview_caveats(summaries)
    return Overview(
        reports=[{"report_id": s.report_id, "street": s.street, "street_en": s.street_en, "period": s.period,
                  "mode": s.mode} for s in summaries],
        rows=rows, narrative_zh=[_note_zh(r) for r in rows], narrative_en=[_note_en(r) for r in rows],
        caveats_zh=zh, caveats_en=en)


def _row(key: str, unit: str, pairs: list[tuple[ReportSummary, Indicator]]) -> OverviewRow:
    """Cells sorted by normalised value, highest first."""
    term = lex_term(key)
    if term is None:
        raise JiedaoError(f"overview row '{key}' has no lexicon term (only lexicon figures are compared)")
    zh, en = (term.zh, term.en) if key in BY_KEY else (f"新增{term.zh}", f"{term.en} (newly added)")
    cells = []
    for s, i in sorted(pairs, key=lambda p: -p[1].normalized_value):
        tag_zh, tag_en = ("（累计）", " (cumulative)") if i.kind == "cumulative" else ("", "")
        ev = i.evidence
        cells.append(OverviewCell(
            report_id=s.report_id, street=s.street, street_en=s.street_en, period=i.period, kind=i.kind,
            display_zh=format_zh(i.value, i.unit, i.qualifier) + tag_zh,
            display_en=format_en(i.value, i.unit, i.qualifier) + tag_en, normalized_value=i.normalized_value,
            citation=Citation(n=0, report_id=s.report_id, street=s.street, section=zh, quote=ev.quote,
                              start=ev.start, end=ev.end)))
    return OverviewRow(key=key, label_zh=zh, label_en=en, normalized_unit=unit, cells=cells,
                       periods_differ=len({c.period for c in cells}) > 1)


def _note_zh(row: OverviewRow) -> str:
    """Highest and lowest street of a row, in Chinese, with periods."""
    hi, lo = row.cells[0], row.cells[-1]
    text = (f"{row.label_zh}：{hi.street}最高（{hi.display_zh}，{period_zh(hi.period)}），"
            f"{lo.street}最低（{lo.display_zh}，{period_zh(lo.period)}）")
    return text + ("；各报告期间不同，比较仅供参考" if row.periods_differ else "")


def _note_en(row: OverviewRow) -> str:
    """Highest and lowest street of a row, in English, with periods."""
    hi, lo = row.cells[0], row.cells[-1]
    text = (f"{row.label_en}: highest {hi.street_en} ({hi.display_en}, {period_en(hi.period)}); "
            f"lowest {lo.street_en} ({lo.display_en}, {period_en(lo.period)})")
    return text + ("; the periods differ, compare with care" if row.periods_differ else "")


def _overview_caveats(summaries: Sequence[ReportSummary]) -> tuple[list[str], list[str]]:
    """Normalisation and differing-period caveats of the comparison."""
    zh = ["数值先统一换算单位（亿元、万元→元，万平方米、公顷、亩→平方米）再比较；排序由程序计算"]
    en = ["Values are normalised (亿元/万元 → CNY, 万平方米/公顷/亩 → m²) before comparison; rankings are computed by code"]
    if len({s.period for s in summaries}) > 1:
        zh.append("各报告覆盖期间不同：" + "、".join(f"{s.street}{period_zh(s.period)}" for s in summaries))
        en.append("Reports cover different periods: " + ", ".join(f"{s.street_en} {period_en(s.period)}"
                                                              for s in summaries))
    return zh, en


# ---- Markdown ------------------------------------------------------------------------------------------
def overview_to_markdown(overview: Overview, langs: Sequence[str] = LANGS) -> str:
    """The comparison table (one column per report), highest/lowest notes, caveats and sources."""
    zh, en = "zh" in langs, "en" in langs
    lines = ["# 报告对比 · Cross-report overview", ""]
    reports = overview.reports
    head = ["指标 · Indicator"] + [f"{r['street'] or '?'} · {period_en(r['period'])}" for r in reports]
    lines += [f"| {' | '.join(table_cell(h) for h in head)} |", "|" + " --- |" * len(head)]
    for row in overview.rows:
        cells = {c.report_id: c for c in row.cells}
        label = " · ".join(([row.label_zh] if zh else []) + ([row.label_en] if en else []))
        values = [_overview_value(cells.get(r["report_id"]), zh, en) for r in reports]
        lines.append("| " + " | ".join(table_cell(v) for v in [label, *values]) + " |")
    if not overview.rows:
        lines.append("| （没有两份以上报告共同的主要指标 · no headline indicator shared by two reports） |")
    lines += ["", "## 要点 · Highlights", ""]
    lines += [f"- {t}" for t in (overview.narrative_zh if zh else []) + (overview.narrative_en if en else [])]
    lines += ["", f"## {title('caveats')}", ""]
    lines += [f"- {t}" for t in (overview.caveats_zh if zh else []) + (overview.caveats_en if en else [])]
    lines += ["", f"## {title('sources')}", ""] + [footnote(c.citation) for row in overview.rows for c in row.cells]
    return "\n".join(lines) + "\n"


def _overview_value(cell: OverviewCell | None, zh: bool, en: bool) -> str:
    """One table cell: printed and English figure, period, footnote."""
    if cell is None:
        return "—"
    text = " / ".join(([cell.display_zh] if zh else []) + ([cell.display_en] if en else []))
    return f"{text} ({period_en(cell.period)})[^{cell.citation.n}]"


# ---- batch ---------------------------------------------------------------------------------------------
@dataclass
class BatchResult:
    """What one batch run did."""

    summarised: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def line(self) -> str:
        """'N summarised, M unchanged (skipped), K failed'."""
        return f"{len(self.summarised)} summarised, {len(self.skipped)} unchanged (skipped), {len(self.failed)} failed"


def file_stem(summary: ReportSummary) -> str:
    """`<street>_<period>_<report_id>` with anything but letters, digits, CJK, '-' and '_' replaced."""
    raw = f"{summary.street or 'unknown'}_{summary.period or 'unknown'}_{summary.report_id}"
    return re.sub(r"[^\w\-\u4e00-\u9fff]+", "_", raw).strip("._")[:120]


def run_batch(corpus: Corpus, out_dir: Path, *, paths: Iterable[Path | str] = (), langs: Sequence[str] = LANGS,
              formats: Sequence[str] = FORMATS, backend: LLMBackend | None = None,
              progress: Progress | None = None) -> BatchResult:
    """Summarise the reports from `paths` (ingested first) or every ingested report; skip unchanged ones."""
    result = BatchResult()
    paths = list(paths)
    ids = _ingest(corpus, paths, result) if paths else [m.report_id for m in corpus.reports()]
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = _read_json(out_dir / MANIFEST, {"version": 1, "reports": {}})
    want = _wanted(backend, langs, formats)
    metas = {m.report_id: m for m in corpus.reports()}
    for n, rid in enumerate(ids):
        if progress:
            progress(f"{metas[rid].street or rid}" if rid in metas else rid, n, len(ids))
        entry = manifest["reports"].get(rid, {})
        if rid in metas and _fresh(entry, want | {"content_hash": metas[rid].content_hash}, out_dir):
            result.skipped.append(rid)
            continue
        _one(corpus, rid, out_dir, langs, formats, backend, manifest, result)
    if progress:
        progress("overview", len(ids), len(ids))
    _overview(corpus, ids, out_dir, langs, formats, result)
    return result


def _wanted(backend: LLMBackend | None, langs: Sequence[str], formats: Sequence[str]) -> dict[str, Any]:
    """The manifest fields an up-to-date summary must have."""
    llm = backend is not None and backend.available
    return {"mode": backend.name if llm else "extractive",  # type: ignore[union-attr]
            "prompt_version": llm_prompt_version() if llm else EXTRACTIVE_VERSION,
            "options": f"{','.join(langs)}|{','.join(formats)}"}


def _fresh(entry: dict[str, Any], want: dict[str, Any], out_dir: Path) -> bool:
    """Unchanged hash, prompt, mode and options, and every output still on disk."""
    files = entry.get("files") or []
    return (bool(files) and all(entry.get(k) == v for k, v in want.items())
            and all((out_dir / f).is_file() for f in files))


def _one(corpus: Corpus, rid: str, out_dir: Path, langs: Sequence[str], formats: Sequence[str],
         backend: LLMBackend | None, manifest: dict[str, Any], result: BatchResult) -> None:
    """Summarise and write one report; a failure is recorded, never raised."""
    try:
        summary = summ_report.summarize_report(corpus, rid, backend=backend)
        files = _write_summary(out_dir, summary, langs, formats)
    except JiedaoError as exc:
        result.failed.append((rid, exc.message))
        return
    except Exception as exc:  # one bad report must not stop the batch; keep the traceback in the log
        log.exception("summary of %s failed", rid)
        result.failed.append((rid, f"unexpected error: {type(exc).__name__}: {exc}"[:300]))
        return
    manifest["reports"][rid] = {"content_hash": summary.content_hash, "prompt_version": summary.prompt_version,
                                "mode": summary.mode, "options": _wanted(backend, langs, formats)["options"],
                                "street": summary.street, "files": [p.name if p.parent == out_dir else
                                                                    f"{CACHE}/{p.name}" for p in files]}
    _write_json(out_dir / MANIFEST, manifest)
    result.summarised.append(rid)
    result.written.extend(files)


def _write_summary(out_dir: Path, summary: ReportSummary, langs: Sequence[str], formats: Sequence[str]) -> list[Path]:
    """The requested outputs plus a cached JSON copy (read back for the overview on later runs)."""
    stem = file_stem(summary)
    data = summary.model_dump_json(indent=2)
    files = [_write_text(out_dir / CACHE / f"{summary.report_id}.json", data)]
    if "json" in formats:
        files.append(_write_text(out_dir / f"{stem}.json", data))
    if "md" in formats:
        files.append(_write_text(out_dir / f"{stem}.md", to_markdown(summary, langs)))
    return files


def _overview(corpus: Corpus, ids: Sequence[str], out_dir: Path, langs: Sequence[str], formats: Sequence[str],
              result: BatchResult) -> None:
    """overview.md/json and summary.schema.json, rewritten only when a summary changed or one is missing."""
    targets = [out_dir / f"overview.{ext}" for ext in formats] + [out_dir / SCHEMA]
    if not result.summarised and all(p.is_file() for p in targets):
        return
    summaries = []
    for rid in ids:
        cached = out_dir / CACHE / f"{rid}.json"
        if cached.is_file():
            summaries.append(ReportSummary.model_validate_json(cached.read_text(encoding="utf-8")))
    overview = collection_overview(corpus, summaries)
    if corpus.backend.available:  # LLM mode: the model writes the English sentences, code the figures and order
        from rag.summary.llm import llm_overview_narrative

        overview = overview.model_copy(update={"narrative_en": llm_overview_narrative(overview, corpus.backend)[0]})
    if "json" in formats:
        result.written.append(_write_text(out_dir / "overview.json", overview.model_dump_json(indent=2)))
    if "md" in formats:
        result.written.append(_write_text(out_dir / "overview.md", overview_to_markdown(overview, langs)))
    schema = json.dumps(ReportSummary.model_json_schema(), ensure_ascii=False, indent=2)
    result.written.append(_write_text(out_dir / SCHEMA, schema))


def _ingest(corpus: Corpus, paths: Sequence[Path | str], result: BatchResult) -> list[str]:
    """Report ids for the files under `paths`, ingesting only files whose content is new at that path."""
    files = list(iter_files(Path(p) for p in paths))
    known: dict[str, str] = {}
    for path in files:
        rid = _already(corpus, path)
        if rid:
            known[str(path)] = rid
    todo = [p for p in files if str(p) not in known]
    for r in corpus.ingest(todo) if todo else []:
        if r.ok and r.report_id:
            known[r.path] = r.report_id
        else:
            result.failed.append((r.path, r.message or r.status))
    return list(dict.fromkeys(known[str(p)] for p in files if str(p) in known))


def _already(corpus: Corpus, path: Path) -> str | None:
    """The report id when this exact content is already stored from this path (no re-parse needed)."""
    try:
        text = load_file(path, max_bytes=int(corpus.settings.max_file_mb * 1024 * 1024)).text
    except JiedaoError:
        return None  # ingest reports the problem
    meta = corpus.store.find_by_hash(content_hash(text))
    return meta.report_id if meta is not None and meta.path == str(path) else None


def _read_json(path: Path, default: dict[str, Any]) -> dict[str, Any]:
    """The manifest, or `default` when it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default
    return data if isinstance(data, dict) and isinstance(data.get("reports"), dict) else default


def _write_json(path: Path, data: dict[str, Any]) -> Path:
    """Write JSON with Chinese kept readable."""
    return _write_text(path, json.dumps(data, ensure_ascii=False, indent=2))


def _write_text(path: Path, text: str) -> Path:
    """Write atomically (temp file + rename) so an interrupted run never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path
