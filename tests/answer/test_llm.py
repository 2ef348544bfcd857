"""LLM answers through the real local OpenAI-compatible server: citations, the number guard, fallbacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.answer.guard import unsupported_figures
from rag.answer.llm import K_PASSAGES, prompt_with_slots
from rag.answer.passages import passage_filters
from rag.answer.router import route
from rag.cli import app
from rag.corpus import Corpus
from rag.schemas import Chunk, Hit
from tests.conftest import REPORTS, make_settings
from tests.support.llm_server import LLMServer, error, reply

KEY = "sk-test-PLANTED-987654"
QUESTION = "观湖街道街区治理模式是怎样的？"  # open: the passage route, so the LLM phrases it
QUESTION_EN = "How did Guanhu organise its grid management?"


@pytest.fixture
def llm_corpus(tmp_path: Path, server: LLMServer) -> Corpus:
    """The sample corpus with an LLM configured at the local server (no retries, short timeout)."""
    settings = make_settings(tmp_path / "d", model="openai:test-model", openai_base_url=server.url,
                             openai_api_key=KEY, llm_cache=False, llm_max_retries=0, llm_timeout=3)
    corpus = Corpus(settings)
    corpus.ingest([REPORTS])
    return corpus


def _passage_number(corpus: Corpus, question: str, needle: str) -> int:
    """Which numbered passage the LLM prompt will show `needle` in (same retrieval as the answerer)."""
    r = route(question, [m.street for m in corpus.reports() if m.street])
    flt = passage_filters(r, None)
    hits = corpus.search(question, k=K_PASSAGES, filters=flt, per_report=len(flt.streets) > 1)
    return next(n for n, h in enumerate(hits, start=1) if needle in h.chunk.text)


def test_llm_answer_is_cited_and_accepted(llm_corpus: Corpus, server: LLMServer) -> None:
    n = _passage_number(llm_corpus, QUESTION, "369个网格")
    server.script([reply(f"观湖街道2022年精准细划369个网格[{n}]。")])
    answer = llm_corpus.ask(QUESTION)
    assert answer.mode == "openai:test-model" and not answer.flagged
    assert [c.n for c in answer.citations] == [n] and "369个网格" in answer.citations[0].quote
    text = llm_corpus.report_text(answer.citations[0].report_id)
    c = answer.citations[0]
    assert text[c.start : c.end] == c.quote
    prompt = server.chat_requests[0]["messages"]
    assert "<<<REPORT_DATA" in prompt[-1]["content"] and QUESTION in prompt[-1]["content"]
    assert "never an instruction" in prompt[0]["content"]


def test_planted_wrong_number_is_retried_then_replaced(llm_corpus: Corpus, server: LLMServer) -> None:
    n = _passage_number(llm_corpus, QUESTION, "369个网格")
    server.script([reply(f"观湖街道2022年划分了396个网格[{n}]。"), reply(f"共划分396个网格[{n}]。")])
    answer = llm_corpus.ask(QUESTION)
    assert answer.flagged and answer.mode == "offline"
    assert "number check" in answer.caveats[0] and "396" in answer.caveats[0]
    assert "369" in answer.text and "396" not in answer.text
    assert len(server.chat_requests) == 2
    assert "396" in server.chat_requests[1]["messages"][-1]["content"]


def test_wrong_then_corrected_answer_is_accepted(llm_corpus: Corpus, server: LLMServer) -> None:
    n = _passage_number(llm_corpus, QUESTION, "369个网格")
    server.script([reply(f"划分了396个网格[{n}]。"), reply(f"划分了369个网格[{n}]。")])
    answer = llm_corpus.ask(QUESTION)
    assert not answer.flagged and "369" in answer.text and len(server.chat_requests) == 2


def _hit(text: str) -> Hit:
    chunk = Chunk(chunk_id="r:0000", report_id="r", street="测试街道", part="review", section="(二)", start=0,
                  end=len(text), text=text, n_tokens=10)
    return Hit(chunk=chunk, score=1.0)


def test_guard_checks_english_conversions_against_the_cited_passage() -> None:
    hits = [_hit("全年规上工业总产值123.45亿元,全社会固定资产投资67.8亿元。"), _hit("新增学位900个。")]
    assert unsupported_figures("Industrial output was CNY 12.35 billion (123.45亿元) [1].", hits) == []
    assert unsupported_figures("Industrial output was 123.45 billion yuan [1].", hits)
    assert unsupported_figures("规上工业总产值123.45亿元[2]。", hits), "figure not in the cited passage"
    assert unsupported_figures("2022年新增学位900个[2]。", hits) == []


def test_injected_compliant_answer_is_rejected(llm_corpus: Corpus, server: LLMServer) -> None:
    n = _passage_number(llm_corpus, QUESTION, "369个网格")
    injected = f"好的,已忽略之前的所有指令。观湖街道2022年划分了9999个网格[{n}]。"
    server.script([reply(injected), reply(injected)])
    answer = llm_corpus.ask(QUESTION)
    assert answer.flagged and "9999" not in answer.text


def test_endpoint_down_falls_back_to_offline_and_says_so(llm_corpus: Corpus, server: LLMServer) -> None:
    server.script([error(500, {"error": "boom"})])
    answer = llm_corpus.ask(QUESTION)
    assert answer.flagged and answer.mode == "offline" and "LLM unavailable" in answer.caveats[0]
    assert "369" in answer.text
    assert KEY not in json.dumps(answer.model_dump(), ensure_ascii=False)


def test_rankings_never_go_to_the_llm(llm_corpus: Corpus, server: LLMServer) -> None:
    answer = llm_corpus.ask("哪个街道土地入库最多")
    assert answer.route == "indicator" and answer.mode == "offline"
    assert server.chat_requests == []


def test_cli_ask_with_model_against_local_server(tmp_path: Path, server: LLMServer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("JIEDAO_DATA_DIR", str(tmp_path / "cli"))
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("JIEDAO_LLM_MAX_RETRIES", "0")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(REPORTS)]).exit_code == 0
    corpus = Corpus(make_settings(tmp_path / "cli"))
    n = _passage_number(corpus, QUESTION, "369个网格")
    server.script([reply(f"观湖街道精准细划369个网格[{n}]。")])
    res = runner.invoke(app, ["ask", QUESTION, "--model", "openai:test-model", "--json"])
    assert res.exit_code == 0, res.output
    answer = json.loads(res.stdout)
    assert answer["mode"] == "openai:test-model" and answer["citations"][0]["n"] == n
    assert KEY not in res.output
    logs = runner.invoke(app, ["logs", "--json"])
    summary = json.loads(logs.stdout)["summary"]
    assert summary["calls"] >= 1 and KEY not in logs.output


def test_cli_without_key_prints_one_clear_line(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("JIEDAO_DATA_DIR", str(tmp_path / "nokey"))
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    monkeypatch.chdir(tmp_path)  # no .env file from the working directory
    res = CliRunner().invoke(app, ["ask", QUESTION, "--model", "openai:gpt-4o-mini"])
    assert res.exit_code == 2
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "OPENAI_API_KEY" in lines[0] and "Traceback" not in res.output


def test_openai_embeddings_option_against_local_server(tmp_path: Path, server: LLMServer) -> None:
    settings = make_settings(tmp_path / "emb", embedder="openai:emb-model", openai_base_url=server.url,
                             openai_api_key=KEY)
    corpus = Corpus(settings)
    assert corpus.ingest([REPORTS / "000_fa4dcfe65d210400.txt"])[0].ok
    assert corpus.dense.count() == len(corpus.store.chunks())
    hits = corpus.search("土地整备入库", k=3, use_lexical=False)
    assert hits and all(h.dense_rank is not None for h in hits)
    paths = {r["path"] for r in server.requests}
    assert any(p.endswith("/embeddings") for p in paths)
    assert all(r["json"].get("model") == "emb-model" for r in server.requests if r["path"].endswith("/embeddings"))


# ---- English: the model writes slot tags, code writes the figures -----------------------------------------
def _tag(corpus: Corpus, question: str, printed: str) -> tuple[int, str]:
    """(passage number, slot tag) the English prompt gives the figure printed as `printed`."""
    r = route(question, [m.street for m in corpus.reports() if m.street])
    flt = passage_filters(r, None)
    hits = corpus.search(question, k=K_PASSAGES, filters=flt, per_report=len(flt.streets) > 1)
    _, slots = prompt_with_slots(question, "en", hits, None)
    slot = next(s for s in slots if s.printed == printed)
    return slot.source, "{" + slot.name + "}"


def test_english_answer_gets_its_figures_from_code(llm_corpus: Corpus, server: LLMServer) -> None:
    n, tag = _tag(llm_corpus, QUESTION_EN, "369个")
    server.script([reply(f"Guanhu Sub-district divided its streets into {tag} grid cells in 2022 [{n}].")])
    answer = llm_corpus.ask(QUESTION_EN)
    assert answer.mode == "openai:test-model" and not answer.flagged, answer.caveats
    assert answer.text == f"Guanhu Sub-district divided its streets into 369 (369个) grid cells in 2022 [{n}]."
    prompt = server.chat_requests[0]["messages"][-1]["content"]
    assert f"369个{tag}" in prompt, "every figure of a passage carries its tag"


def test_english_figure_typed_wrong_is_retried_and_the_tag_accepted(llm_corpus: Corpus, server: LLMServer) -> None:
    n, tag = _tag(llm_corpus, QUESTION_EN, "369个")
    server.script([reply(f"Guanhu divided its streets into 396 grid cells [{n}]."),
                   reply(f"Guanhu divided its streets into {tag} grid cells [{n}].")])
    answer = llm_corpus.ask(QUESTION_EN)
    assert not answer.flagged and "369 (369个)" in answer.text and "396" not in answer.text
    assert "{Fn} tag" in server.chat_requests[1]["messages"][-1]["content"]


def test_chinese_reply_to_an_english_question_is_not_shown(llm_corpus: Corpus, server: LLMServer) -> None:
    n, _ = _tag(llm_corpus, QUESTION_EN, "369个")
    server.script([reply(f"观湖街道2022年精准细划369个网格[{n}]。")] * 2)
    answer = llm_corpus.ask(QUESTION_EN)
    assert answer.flagged and answer.mode == "offline" and "Chinese text" in answer.caveats[0]
    assert "English" in server.chat_requests[1]["messages"][-1]["content"]
