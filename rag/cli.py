"""The `jiedao` command: one sub-command per job, the same flag names everywhere."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rag.config import Settings
from rag.errors import JiedaoError

app = typer.Typer(
    help="Jiedao: grounded indicators, cited answers and bilingual summaries for Chinese work reports.\n\n"
    "Examples:\n\n  jiedao ingest data/reports\n\n  jiedao ask \"哪个街道土地入库最多\"\n\n"
    "  jiedao indicators --key land_storage_area --format table",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
)
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


def corpus(data_dir: Path | None = None, model: str | None = None):  # type: ignore[no-untyped-def]
    """Open the corpus for a command (imported lazily so `--help` stays fast)."""
    from rag.corpus import Corpus

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
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .md .html .docx .pdf).")],
    data_dir: DataDir = None,
    json_out: JsonFlag = False,
) -> None:
    """Ingest reports. Exit code 0 when all files are fine, 1 when some failed.

    Example: jiedao ingest data/reports
    """
    try:
        c = corpus(data_dir)
        with _progress() as bar:
            task = bar.add_task("ingest", total=None)

            def tick(what: str, done: int, total: int) -> None:
                bar.update(task, description=Path(what).name[:40], completed=done, total=total)

            results = c.ingest(paths, progress=tick)
    except JiedaoError as exc:
        fail(exc)
        return
    if json_out:
        dump([r.__dict__ | {"warnings": list(r.warnings)} for r in results])
    for r in results:
        line = f"{r.status:9} {r.path}" + (f"  {r.street}" if r.street else "") + (f"  ({r.message})" if r.message else "")
        (err if r.status == "failed" else out).print(line, markup=False, highlight=False)
    failed = sum(not r.ok for r in results)
    out.print(f"{len(results) - failed} ok, {failed} failed", markup=False)
    raise typer.Exit(1 if failed else 0)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


@app.command()
def reports(data_dir: DataDir = None, json_out: JsonFlag = False) -> None:
    """List ingested reports with street, district and periods."""
    try:
        metas = corpus(data_dir).reports()
    except JiedaoError as exc:
        fail(exc)
        return
    if json_out:
        dump([m.model_dump() for m in metas])
        return
    table = Table("report_id", "street", "district", "period", "plan", "title", "path")
    for m in metas:
        table.add_row(m.report_id, m.street or "?", m.district or "?", m.period_covered or "?",
                      m.plan_period or "-", m.title or "", m.path)
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
    from rag.retrieve import Filters

    try:
        hits = corpus(data_dir).search(query, k=k, filters=Filters(streets=[street] if street else []))
    except JiedaoError as exc:
        fail(exc)
        return
    rows = [{"rank": i + 1, "score": round(h.score, 5), "report_id": h.chunk.report_id, "street": h.chunk.street,
             "section": h.chunk.section, "start": h.chunk.start, "end": h.chunk.end, "text": h.chunk.text}
            for i, h in enumerate(hits)]
    if json_out:
        dump(rows)
        return
    for r in rows:
        out.print(f"[{r['rank']}] {r['street']} · {r['section']} ({r['start']}-{r['end']})", markup=False)
        out.print("    " + r["text"][:160].replace("\n", " "), markup=False, highlight=False)


def main() -> None:
    """Entry point with logging configured."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
