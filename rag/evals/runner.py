"""`jiedao eval`: ingest (optionally into a temporary index), run the suites, write JSON + Markdown."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rag.answer.baseline import naive_answer
from rag.config import Settings
from rag.errors import NotFoundError
from rag.evals.scoring import (
    Fact,
    GoldIndicator,
    GoldMeta,
    check_thresholds,
    indicator_suite,
    load_jsonl,
    load_thresholds,
    metadata_suite,
    qa_suite,
    summary_suite,
)

if TYPE_CHECKING:  # the facade calls this module (rag.corpus.evaluate), so only the type is imported
    from rag.corpus import Corpus

SUITES = ("qa", "indicators", "metadata", "summaries")


def run_eval(open_corpus: Callable[[Settings], Corpus], settings: Settings, *, suites: list[str], data_dir: Path,
             corpus_dir: Path | None = None, facts: Path | None = None, baseline: bool = False) -> dict[str, Any]:
    """Run the chosen suites on the corpus `open_corpus(settings)` opens; with `corpus_dir`, everything happens
    in a throw-away data directory (the configured one is never opened). A corpus or facts file named but missing
    is an error, never an empty report."""
    for named in (corpus_dir, facts):
        if named is not None and not named.exists():
            raise NotFoundError(f"{named} does not exist", hint="check the path given to --corpus / --facts")
    if corpus_dir is not None:
        with tempfile.TemporaryDirectory(prefix="jiedao-eval-") as tmp:
            temp = settings.model_copy(update={"data_dir": Path(tmp), "chroma_host": None})
            corpus = open_corpus(temp)
            corpus.ingest([corpus_dir])
            return _run(corpus, suites, data_dir, facts, baseline)
    return _run(open_corpus(settings), suites, data_dir, facts, baseline)


def below_thresholds(report: dict[str, Any], thresholds: Path) -> list[str]:
    """Every score of `report` on the wrong side of its bound in the thresholds file (none without the file)."""
    return check_thresholds(report, load_thresholds(thresholds)) if thresholds.exists() else []


def _run(corpus: Corpus, suites: list[str], data_dir: Path, facts_path: Path | None, baseline: bool) -> dict[str, Any]:
    """The chosen suites scored on one open corpus."""
    metas = {Path(m.path).name: m for m in corpus.reports()}
    doc_ids = {name: m.report_id for name, m in metas.items()}
    texts = {m.report_id: corpus.report_text(m.report_id) for m in metas.values()}
    report: dict[str, Any] = {}
    facts_file = facts_path or data_dir / "facts.jsonl"
    if "qa" in suites and facts_file.exists():
        facts = load_jsonl(facts_file, Fact)
        report["qa"] = qa_suite(facts, lambda q: corpus.ask(q), texts)
        if baseline:
            report["baseline"] = {"qa": qa_suite(facts, lambda q: naive_answer(
                q, lambda query, k: corpus.search(query, k=k, use_lexical=False)), texts)}
    gold_ind = data_dir / "indicators.jsonl"
    if "indicators" in suites and gold_ind.exists():
        report["indicators"] = indicator_suite(load_jsonl(gold_ind, GoldIndicator), corpus.indicators(), doc_ids)
    gold_meta = data_dir / "metadata.jsonl"
    if "metadata" in suites and gold_meta.exists():
        report["metadata"] = metadata_suite(load_jsonl(gold_meta, GoldMeta), metas)
    if "summaries" in suites:
        report["summaries"] = _summaries(corpus, gold_ind, doc_ids)
    return report


def _summaries(corpus: Corpus, gold_path: Path, doc_ids: dict[str, str]) -> dict[str, Any]:
    """Summarise every report offline; score figure tracing and coverage of the gold headline indicators."""
    from rag.summary.report import summarize_report

    summaries = [summarize_report(corpus, m.report_id) for m in corpus.reports()]
    gold = load_jsonl(gold_path, GoldIndicator) if gold_path.exists() else []
    return summary_suite(gold, summaries, doc_ids)


def write_reports(report: dict[str, Any], out: Path) -> tuple[Path, Path]:
    """eval.json and eval.md in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    js = out / "eval.json"
    js.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    md = out / "eval.md"
    md.write_text(to_markdown(report), encoding="utf-8")
    return js, md


def to_markdown(report: dict[str, Any]) -> str:
    """A readable report: per-type and per-language accuracy, baseline side by side, each failure."""
    lines = ["# Jiedao evaluation", ""]
    qa = report.get("qa")
    if qa:
        base = report.get("baseline", {}).get("qa", {})
        lines += ["## Questions", "", "Strict: the labelled figure must be the answer's first figure. *wrong* = a wrong "
                  "figure stated (or a bad citation); *declined* = no figure stated.", "",
                  "| group | n | Jiedao | wrong | declined | naive RAG | naive wrong |", "|---|---|---|---|---|---|---|",
                  _row("all", qa, base)]
        for section in ("by_type", "by_lang"):
            for name, cell in qa[section].items():
                lines.append(_row(name, cell, base.get(section, {}).get(name, {})))
        lines += ["", f"Citations exact: {qa['citation_exact']:.2f}", "", "### Failures", ""]
        lines += [f"- **{f['id']}** {f['question']} — expected: {f['expected']}; got: {f['got'][:160]} "
                  f"— *{f.get('outcome', '')}: {f['reason']}*" for f in qa["failures"]] or ["none"]
    for name in ("indicators", "metadata", "summaries"):
        if name in report:
            lines += ["", f"## {name.capitalize()}", ""]
            lines += [f"- {k}: {v}" for k, v in report[name].items() if not isinstance(v, list | dict)]
    return "\n".join(lines) + "\n"


def _row(name: str, cell: dict[str, Any], base: dict[str, Any]) -> str:
    nan = float("nan")
    return (f"| {name} | {cell['n']} | {cell['accuracy']:.2f} | {cell.get('wrong_rate', nan):.2f} | "
            f"{cell.get('declined_rate', nan):.2f} | {base.get('accuracy', nan):.2f} | {base.get('wrong_rate', nan):.2f} |")
