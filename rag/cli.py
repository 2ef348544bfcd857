"""The `jiedao` command: one sub-command per job, the same flag names everywhere."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rag.config import Settings, configure_logging
from rag.corpus import (
    SUMMARY_FORMATS,
    SUMMARY_LANGS,
    SUPPORTED_SUFFIXES,
    Corpus,
    Filters,
    evaluate,
    format_zh,
    llm_log,
    period_zh,
    to_csv,
)
from rag.errors import JiedaoError, NotFoundError
from rag.schemas import Indicator

app = typer.Typer(
    help="Jiedao: grounded indicators, cited answers and bilingual summaries for Chinese work reports.\n\n"
    "Examples:\n\n  jiedao ingest data/reports\n\n  jiedao ask \"哪个街道土地入库最多\"\n\n"
    "  jiedao indicators --key land_storage_area --format table\n\n"
    "  jiedao -v ask \"观湖街道规上工业总产值是多少?\"   (debug log on stderr)",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
)
READS = " ".join(SUPPORTED_SUFFIXES)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DataDir = Annotated[Path | None, typer.Option("--data-dir", help="Data directory (default: JIEDAO_DATA_DIR or .jiedao).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Street = Annotated[str | None, typer.Option("--street", "-s", help="Only this street, e.g. 观湖街道.")]
Model = Annotated[str | None, typer.Option("--model", "-m", help="'offline' or 'openai:<model>' (default: JIEDAO_MODEL).")]


def settings(data_dir: Path | None = None, model: str | None = None) -> Settings:
    """Settings from the environment, with explicit CLI flags on top."""
    overrides: dict[str, Any] = {}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    if model is not None:
        overrides["model"] = model
    return Settings(**overrides)


def corpus(data_dir: Path | None = None, model: str | None = None) -> Corpus:
    """Open the corpus for a command."""
    return Corpus(settings(data_dir, model))


def fail(exc: JiedaoError) -> None:
    """One clear line on stderr, exit code 2."""
    err.print(f"error: {exc}", markup=False, highlight=False)
    raise typer.Exit(2)


def dump(obj: Any) -> None:
    """JSON on stdout, Chinese kept readable."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help=f"Files or folders ({READS}).")],
    data_dir: DataDir = None,
    json_out: JsonFlag = False,
    replace: Annotated[bool, typer.Option("--replace", help="Remove an older report of the same place and period "
                                          "(a half-year never replaces its full year).")] = False,
    place: Annotated[str | None, typer.Option("--place", help="The report's place when detection is wrong or "
                                              "missing, e.g. 新塘镇 (kept when the file is ingested again).")] = None,
    period: Annotated[str | None, typer.Option("--period", help="The period the report reviews: 2023, 2024H1 or "
                                               "2023M01-M10 (kept when the file is ingested again).")] = None,
) -> None:
    """Ingest reports. Exit code 0 when all files are fine, 1 when some failed.

    Example: jiedao ingest data/reports
    Example: jiedao ingest report.docx --place 新塘镇 --period 2023
    """
    try:
        c = corpus(data_dir)
        with _progress() as bar:
            task = bar.add_task("ingest", total=None)

            def tick(what: str, done: int, total: int) -> None:
                bar.update(task, description=Path(what).name[:40], completed=done, total=total)

            results = c.ingest(paths, progress=tick, supersede=replace, place=place, period=period)
    except JiedaoError as exc:
        fail(exc)
        return
    failed = sum(not r.ok for r in results)
    skipped = skipped_line(c.unsupported_files(paths))
    if json_out:
        dump([r.__dict__ | {"warnings": list(r.warnings)} for r in results])
        if skipped:
            err.print(skipped, markup=False, highlight=False)
        raise typer.Exit(1 if failed else 0)
    for r in results:
        line = f"{r.status:9} {r.path}" + (f"  {r.street}" if r.street else "") + (f"  ({r.message})" if r.message else "")
        (err if r.status == "failed" else out).print(line, markup=False, highlight=False)
    out.print(f"{len(results) - failed} ok, {failed} failed", markup=False)
    if skipped:
        out.print(skipped, markup=False, highlight=False)
    raise typer.Exit(1 if failed else 0)


def skipped_line(files: list[Path]) -> str:
    """One line naming the files a folder ingest passed over, and why."""
    if not files:
        return ""
    names = ", ".join(f"{f} ({f.suffix or 'no suffix'})" for f in files)
    return f"skipped {len(files)} file(s) of unsupported type (reads {READS}): {names}"


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


@app.command()
def reports(data_dir: DataDir = None, json_out: JsonFlag = False) -> None:
    """List ingested reports: place, province/city/district, periods, publication date, inferred fields."""
    try:
        metas = corpus(data_dir).reports()
    except JiedaoError as exc:
        fail(exc)
        return
    if json_out:
        dump([m.model_dump() for m in metas])
        return
    table = Table("report_id", "place", "province / city / district", "period", "plan", "published", "inferred",
                  "title", "path")
    for m in metas:
        area = " / ".join(x for x in (m.province, m.city if m.city != m.province else None, m.district) if x)
        overridden = [f for f in ("street", "period_covered") if m.evidence.get(f) == "override"]
        table.add_row(m.report_id, m.street or "?", area or "?", period_zh(m.period_covered) if m.period_covered
                      else "?", period_zh(m.plan_period) if m.plan_period else "-", m.published_date or "-",
                      ", ".join([*m.inferred, *(f"{f} (override)" for f in overridden)]) or "-", m.title or "",
                      m.path)
    out.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int, typer.Option("-k", help="Number of hits.")] = 5,
    street: Street = None,
    data_dir: DataDir = None,
    json_out: JsonFlag = False,
) -> None:
    """Hybrid (BM25 + dense) search over report chunks.

    Example: jiedao search "土地整备入库" -k 3 --street 观湖街道
    """
    try:
        hits = corpus(data_dir).search(query, k=k, filters=Filters(streets=[street] if street else []))
    except JiedaoError as exc:
        fail(exc)
        return
    rows: list[dict[str, Any]] = [
        {"rank": i + 1, "score": round(h.score, 5), "report_id": h.chunk.report_id, "street": h.chunk.street,
         "section": h.chunk.section, "start": h.chunk.start, "end": h.chunk.end, "text": h.chunk.text}
        for i, h in enumerate(hits)]
    if json_out:
        dump(rows)
        return
    for r in rows:
        out.print(f"[{r['rank']}] {r['street']} · {r['section']} ({r['start']}-{r['end']})", markup=False)
        out.print("    " + r["text"][:160].replace("\n", " "), markup=False, highlight=False)


def main() -> None:
    """Entry point: UTF-8 output whatever the locale, warnings-only logging until the -v flag is read."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    configure_logging(0)
    app()


@app.callback()
def _options(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                         help="Debug log on stderr: -v for Jiedao, -vv for libraries too.")] = 0,
) -> None:
    """Jiedao: grounded indicators, cited answers and bilingual summaries for Chinese work reports."""
    configure_logging(verbose)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in Chinese or English.")],
    street: Street = None,
    model: Model = None,
    data_dir: DataDir = None,
    json_out: JsonFlag = False,
) -> None:
    """Answer a question with cited figures (indicator table for rankings, passages otherwise).

    Example: jiedao ask "哪个街道土地入库最多"
    """
    try:
        answer = corpus(data_dir, model).ask(question, filters=Filters(streets=[street] if street else []))
    except JiedaoError as exc:
        fail(exc)
        return
    if json_out:
        dump(answer.model_dump())
        return
    out.print(answer.text, markup=False, highlight=False)
    out.print(f"(route: {answer.route}, mode: {answer.mode})", markup=False, style="dim")
    for caveat in answer.caveats:
        out.print(f"注意 / note: {caveat}", markup=False)
    for c in answer.citations:
        out.print(f"[{c.n}] {c.street} · {c.section} [{c.start}:{c.end}] “{c.quote}”", markup=False, highlight=False)


@app.command()
def indicators(
    street: Annotated[str | None, typer.Option("--place", "--street", "-s", help="Only this place, e.g. 观湖街道; "
                                               "with --key: one figure per period, in period order.")] = None,
    key: Annotated[str | None, typer.Option("--key", "-k", help="Indicator key, e.g. land_storage_area.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="actual | target | yoy_growth | …")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
    schema: Annotated[bool, typer.Option("--schema", help="Print the Indicator JSON Schema and exit.")] = False,
    llm: Annotated[bool, typer.Option("--llm", help="First add figures an LLM finds (grounded, validated).")] = False,
    report: Annotated[str | None, typer.Option("--report", help="With --llm: only this report id.")] = None,
    model: Model = None,
    data_dir: DataDir = None,
) -> None:
    """The grounded indicator table.

    Example: jiedao indicators --key land_storage_area --format json
    """
    if schema:
        dump(Indicator.model_json_schema())
        return
    try:
        c = corpus(data_dir, model)
        if llm:
            added = c.enrich_indicators([report] if report else None)
            err.print(f"LLM extraction added {sum(added.values())} grounded figures", markup=False)
        if street and key:  # the place's series: one row per period, oldest first
            rows = c.series(street, key, kind=kind or "actual")
        else:
            rows = c.indicators(street=street, key=key, kind=kind)
    except JiedaoError as exc:
        fail(exc)
        return
    if fmt == "json":
        dump([r.model_dump() for r in rows])
    elif fmt == "csv":
        sys.stdout.write(to_csv(rows))
    else:
        table = Table("street", "period", "key", "kind", "value", "normalized", "quote")
        for r in rows:
            table.add_row(r.street or "?", r.period, r.key, r.kind, format_zh(r.value, r.unit, r.qualifier),
                          f"{format_zh(r.normalized_value, '')} {r.normalized_unit}", r.evidence.quote[:40])
        out.print(table)


@app.command()
def remove(
    report: Annotated[str, typer.Argument(help="A report id (see `jiedao reports`) or the path it was ingested from.")],
    data_dir: DataDir = None,
) -> None:
    """Delete a report from the store, the dense index and BM25 (all or nothing). Exit 1 when not found.

    Example: jiedao remove 3f2a9c1e0b7d4a56
    """
    try:
        meta = corpus(data_dir).remove(report)
    except NotFoundError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    except JiedaoError as exc:
        fail(exc)
        return
    out.print(f"removed {meta.report_id} {meta.path}  {meta.street or '?'} {meta.period_covered or '?'}",
              markup=False, highlight=False)


@app.command()
def show(
    report: Annotated[str, typer.Argument(help="A report id (see `jiedao reports`).")],
    span: Annotated[str, typer.Option("--span", help="START:END offsets of a citation (canonical text).")],
    raw: Annotated[bool, typer.Option("--raw", help="Show the same span in the raw text on disk (the decoded file "
                                                    "for .txt/.md, the extracted main text for HTML/DOCX/PDF).")] = False,
    context: Annotated[int, typer.Option("--context", help="Characters of context on each side.")] = 60,
    data_dir: DataDir = None, json_out: JsonFlag = False,
) -> None:
    """Print a cited span with its context: check a citation's start/end (or raw_start/raw_end with --raw).

    Example: jiedao show 3f2a9c1e0b7d4a56 --span 120:152 --raw
    """
    try:
        start, end = (int(x) for x in span.split(":", 1))
    except ValueError:
        err.print("error: --span must be START:END, e.g. 120:152", markup=False, highlight=False)
        raise typer.Exit(2) from None
    try:
        shown = corpus(data_dir).show(report, start, end, raw=raw, context=max(context, 0))
    except JiedaoError as exc:
        fail(exc)
        return
    if json_out:
        dump(shown.__dict__ | {"raw": raw})
        return
    where = "raw" if raw else "canonical"
    out.print(f"{shown.report_id} {shown.path} [{where} {shown.start}:{shown.end}]", markup=False, highlight=False)
    out.print(f"…{shown.before}【{shown.text}】{shown.after}…", markup=False, highlight=False)


@app.command("eval")
def eval_cmd(
    suite: Annotated[str, typer.Option("--suite", help="qa | indicators | metadata | summaries | all")] = "all",
    corpus_dir: Annotated[Path | None, typer.Option("--corpus", help="Evaluate these reports in a temporary index.")] = None,
    facts: Annotated[Path | None, typer.Option("--facts", help="Facts JSONL (default: evals/data/facts.jsonl).")] = None,
    gold_dir: Annotated[Path, typer.Option("--gold-dir", help="Gold indicators/metadata folder.")] = Path("evals/data"),
    thresholds: Annotated[Path, typer.Option("--thresholds", help="Minimums (JSON).")] = Path("evals/thresholds.json"),
    model: Model = None,
    baseline: Annotated[bool, typer.Option("--baseline", help="Also score the naive dense top-3 pipeline.")] = False,
    out_dir: Annotated[Path, typer.Option("--out", help="Where eval.json and eval.md go.")] = Path("out/eval"),
    data_dir: DataDir = None,
    json_out: JsonFlag = False,
) -> None:
    """Score answers, indicators and metadata against labelled data; exit 1 below the thresholds.

    Example: jiedao eval --suite qa --baseline --json
    """
    try:
        run = evaluate(settings(data_dir, model), suites=None if suite == "all" else [suite], gold_dir=gold_dir,
                       corpus_dir=corpus_dir, facts=facts, baseline=baseline, out_dir=out_dir, thresholds=thresholds)
    except JiedaoError as exc:
        fail(exc)
        return
    if json_out:
        dump(run.report)
    else:
        out.print(run.markdown, markup=False, highlight=False)
    for line in run.below:
        err.print(f"below threshold: {line}", markup=False)
    raise typer.Exit(1 if run.below else 0)


@app.command()
def logs(data_dir: DataDir = None, json_out: JsonFlag = False,
         limit: Annotated[int, typer.Option("--limit", "-n", help="Rows to show.")] = 20) -> None:
    """The LLM call log: recent calls and a token summary.

    Example: jiedao logs --json
    """
    data = llm_log(settings(data_dir), limit=limit)
    if json_out:
        dump(data)
        return
    out.print(data["summary"], markup=False)
    for row in data["recent"]:
        out.print(row, markup=False)


@app.command()
def summarize(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders to ingest first (default: every ingested report).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder (holds .manifest.json for resuming).")] = Path("out/summaries"),
    lang: Annotated[str, typer.Option("--lang", help="Languages: zh, en or zh,en.")] = "zh,en",
    fmt: Annotated[str, typer.Option("--format", "-f", help="Outputs: md, json or md,json.")] = "md,json",
    model: Model = None,
    data_dir: DataDir = None,
) -> None:
    """Bilingual summaries of every report plus a cross-report overview; unchanged reports are skipped.

    Writes <street>_<period>_<report_id>.md/.json, overview.md/.json and summary.schema.json into --out.
    Exit code 0 when every report was summarised (or up to date), 1 when some failed.

    Example: jiedao summarize data/reports --out out/summaries --lang zh,en --format md,json
    """
    langs = [x.strip() for x in lang.split(",") if x.strip()]
    formats = [x.strip() for x in fmt.split(",") if x.strip()]
    bad = [x for x in langs if x not in SUMMARY_LANGS] + [x for x in formats if x not in SUMMARY_FORMATS]
    if bad or not langs or not formats:
        err.print(f"error: unknown --lang/--format value(s): {', '.join(bad) or '(empty)'}; "
                  "use --lang zh,en and --format md,json", markup=False)
        raise typer.Exit(2)
    try:
        c = corpus(data_dir, model)
        mode = c.backend.name if c.backend.available else "extractive (offline)"
        with _progress() as bar:
            task = bar.add_task("summarize", total=None)

            def tick(what: str, done: int, total: int) -> None:
                bar.update(task, description=what[:40], completed=done, total=total)

            result = c.summarize_all(out_dir, paths=paths or [], langs=langs, formats=formats, progress=tick)
    except JiedaoError as exc:
        fail(exc)
        return
    out.print(result.line, markup=False)
    if not result.summarised and not result.failed:
        out.print("nothing to do: every summary is up to date", markup=False)
    for what, message in result.failed:
        err.print(f"failed: {what}: {message}", markup=False, highlight=False)
    out.print(f"mode: {mode} · output: {out_dir}", markup=False)
    raise typer.Exit(1 if result.failed else 0)
