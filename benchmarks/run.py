"""Benchmarks, printed as Markdown and written as JSON (benchmarks/results/latest.json).

Blocks: ingest vs raw embedding (with a profile of the rest), per-report ingest over 100 generated reports
(hash embedder), query latency by route on the samples, the 100 reports with the bundled embedder (ingest vs raw
embedding, latency by route), accuracy vs naive RAG, LLM prompt tokens, hit@5. Each block runs in its own process, so its peak
RSS is its own; every ratio compares two timings from the same run on the same machine.

Usage: `make bench`, or `.venv/bin/python benchmarks/run.py [--blocks ingest,query,...]`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from benchmarks import report  # noqa: E402

ORDER = ("ingest", "profile", "query", "quality", "scale", "scale_real")
INGEST_RUNS = 2  # cold ingest + raw embedding, each in a fresh process; the best of them is the headline
NEEDS_SAMPLE = {"query", "quality"}  # they open the data dir the ingest block filled
RESULTS = ROOT / "benchmarks" / "results"


def block_functions() -> dict[str, Callable[[Path], dict[str, Any]]]:
    """Block name -> function(work dir) -> JSON-able results (imported only in the child process)."""
    from benchmarks.ingest_bench import ingest_block, profile_block
    from benchmarks.quality_bench import quality_block
    from benchmarks.query_bench import query_block
    from benchmarks.scale_bench import scale_block
    from benchmarks.scale_real_bench import scale_real_block

    blocks = {"ingest": ingest_block, "profile": profile_block, "query": query_block, "quality": quality_block,
              "scale": scale_block, "scale_real": scale_real_block}
    for i in range(1, INGEST_RUNS):
        blocks[f"ingest{i + 1}"] = partial(ingest_block, name=f"sample{i + 1}")
    return blocks


def run_child(name: str, work: Path) -> dict[str, Any]:
    """Run one block in a fresh interpreter and read back its JSON."""
    out = work / f"{name}.json"
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--block", name, "--work", str(work),
                           "--out", str(out)], check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark block {name!r} failed (exit {proc.returncode}); see the traceback above")
    result = json.loads(out.read_text(encoding="utf-8"))
    result["block_wall_s"] = time.perf_counter() - t0
    return result


def load_average() -> float | None:
    """1-minute load average (None where the OS has none): other work on the machine skews latencies."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def _run(name: str, work: Path) -> dict[str, Any]:
    print(f"[bench] {name} …", file=sys.stderr, flush=True)
    result = run_child(name, work)
    print(f"[bench] {name} done in {result['block_wall_s']:.0f} s", file=sys.stderr, flush=True)
    return result


def to_markdown(meta: dict[str, Any], blocks: dict[str, Any], checked: list[dict[str, Any]]) -> str:
    """A header with the machine, every block's tables, then the goals."""
    parts: list[list[str]] = [[
        "# Jiedao benchmarks", "",
        f"{meta['when']} · Python {meta['python']} · {meta['cpus']} CPUs · load average {meta['load_start']} at "
        f"start, {meta['load_end']} at end · total {meta['total_s'] / 60:.1f} min · "
        "`make bench` (= `.venv/bin/python benchmarks/run.py`)"]]
    if "ingest" in blocks or "profile" in blocks:
        parts.append(report.ingest_md(blocks.get("ingest"), blocks.get("profile")))
    if "scale" in blocks:
        parts.append(report.scale_md(blocks["scale"]))
    if "query" in blocks:
        parts.append(report.query_md(blocks["query"]))
    if "scale_real" in blocks:
        parts.append(report.scale_real_md(blocks["scale_real"]))
    if "quality" in blocks:
        q = blocks["quality"]
        parts += [report.accuracy_md(q), report.tokens_md(q), report.hit_md(q)]
    parts.append(report.goals_md(checked))
    return "\n\n".join("\n".join(p) for p in parts) + "\n"


def main() -> None:
    """Run the chosen blocks (all by default), print Markdown, write JSON and Markdown to benchmarks/results/."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--blocks", default=",".join(ORDER), help=f"comma-separated subset of {','.join(ORDER)}")
    ap.add_argument("--block", help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.block:  # child process: one block, JSON to --out
        result = block_functions()[args.block](args.work)
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        return
    wanted = [b.strip() for b in args.blocks.split(",") if b.strip()]
    unknown = sorted(set(wanted) - set(ORDER))
    if unknown:
        raise SystemExit(f"unknown block(s) {', '.join(unknown)}; choose from {', '.join(ORDER)}")
    if NEEDS_SAMPLE & set(wanted) and "ingest" not in wanted:
        wanted.append("ingest")
    t0 = time.perf_counter()
    load_start = load_average()
    blocks: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="jiedao-bench-") as tmp:
        for name in (b for b in ORDER if b in wanted):
            if name == "ingest":
                from benchmarks.ingest_bench import best_of

                runs = [_run(n, Path(tmp)) for n in ["ingest", *(f"ingest{i + 1}" for i in range(1, INGEST_RUNS))]]
                blocks[name] = best_of(runs)
            else:
                blocks[name] = _run(name, Path(tmp))
    total = time.perf_counter() - t0
    checked = report.goals(blocks, total)
    meta = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "python": platform.python_version(),
            "machine": platform.machine(), "cpus": os.cpu_count(), "total_s": total, "blocks_run": list(blocks),
            "load_start": load_start, "load_end": load_average()}
    md = to_markdown(meta, blocks, checked)
    print(md)
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {"meta": meta, "goals": checked, **blocks}
    (RESULTS / "latest.json").write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    (RESULTS / "latest.md").write_text(md, encoding="utf-8")


if __name__ == "__main__":
    main()
