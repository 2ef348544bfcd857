"""The LLM number guard: exact printed figures bound to the sentence they cite, and what each figure measures.

All passages and figures are invented.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from rag.answer.guard import cited_numbers, is_decline, period_mismatch, sentences, unsupported_figures
from rag.answer.llm import K_PASSAGES, Gap, build_messages
from rag.corpus import Corpus
from rag.llm.calllog import CallLog
from rag.schemas import Chunk, Evidence, Hit, Indicator
from rag.text.numbers import normalize
from tests.answer.test_llm import QUESTION, _passage_number
from tests.conftest import REPORTS, make_settings
from tests.support.llm_server import LLMServer, hang, reply

P1 = "布吉街道2022年完成工业投资6.2亿元,新增市场主体1200户。"
P2 = "布吉街道全年规上工业总产值123.45亿元,同比增长4.5%。"
P3 = "平湖街道2023年上半年固定资产投资69.69亿元。"
P4 = "布吉街道力争2023年工业投资达到8亿元。"


def _hit(n: int, text: str, street: str = "布吉街道") -> Hit:
    chunk = Chunk(chunk_id=f"r{n}:0000", report_id=f"r{n}", street=street, part="review", section="(一)",
                  start=0, end=len(text), text=text, n_tokens=10)
    return Hit(chunk=chunk, score=1.0)


def _row(n: int, text: str, quote: str, label: str, value: float, unit: str, kind: str = "actual",
         period: str = "2022", street: str = "布吉街道") -> Indicator:
    start = text.index(quote)
    nv, nu = normalize(value, unit)
    return Indicator(report_id=f"r{n}", street=street, period=period, key=f"label:{label}", label_zh=label,
                     label_en=f"figure: {label}", value=value, unit=unit, normalized_value=nv, normalized_unit=nu,
                     kind=kind, part="plan" if kind == "target" else "review",  # type: ignore[arg-type]
                     evidence=Evidence(chunk_id=f"r{n}:0000", start=start, end=start + len(quote), quote=quote))


HITS = [_hit(1, P1), _hit(2, P2), _hit(3, P3, "平湖街道"), _hit(4, P4)]
ROWS = [
    _row(1, P1, "完成工业投资6.2亿元", "工业投资", 6.2, "亿元"),
    _row(1, P1, "新增市场主体1200户", "新增市场主体", 1200, "户"),
    _row(2, P2, "规上工业总产值123.45亿元", "规上工业总产值", 123.45, "亿元"),
    _row(2, P2, "同比增长4.5%", "规上工业总产值", 4.5, "%", kind="yoy_growth"),
    _row(3, P3, "固定资产投资69.69亿元", "固定资产投资", 69.69, "亿元", period="2023H1", street="平湖街道"),
    _row(4, P4, "工业投资达到8亿元", "工业投资", 8, "亿元", kind="target", period="2023-plan"),
]


def rows_for(report_ids: Sequence[str]) -> list[Indicator]:
    return [r for r in ROWS if r.report_id in report_ids]


def guard(reply: str, lacking: str | None = None) -> list[str]:
    return unsupported_figures(reply, HITS, rows_for, lacking)


def test_a_figure_of_another_indicator_is_rejected_even_though_it_is_in_the_cited_passage() -> None:
    problems = guard("布吉街道2022年规上工业总产值为6.2亿元[1]。")
    assert problems and "工业投资" in problems[0]
    assert guard("布吉街道2022年完成工业投资6.2亿元[1]。") == []


def test_the_report_lacking_the_asked_figure_rejects_any_figure_offered() -> None:
    problems = guard("布吉街道2022年完成工业投资6.2亿元[1]。", lacking="布吉街道's report states no 规上工业总产值")
    assert problems and "states no" in problems[0]


def test_near_miss_is_not_a_match() -> None:
    assert guard("平湖街道2023年上半年固定资产投资69.68亿元[3]。")
    assert guard("平湖街道2023年上半年固定资产投资69.69亿元[3]。") == []


def test_citation_after_the_full_stop_binds_its_sentence() -> None:
    # 123.45亿元 is in passage 2, not in the cited passage 1: the per-passage check must still apply
    assert guard("布吉街道全年规上工业总产值123.45亿元。[1]")
    assert guard("布吉街道全年规上工业总产值123.45亿元。[2]") == []
    assert [s.cites for s in sentences("甲123.45亿元。[2] 乙6.2亿元[1]。", 4)] == [(2,), (1,)]


def test_figures_without_a_citation_are_rejected() -> None:
    assert guard("布吉街道全年规上工业总产值123.45亿元。")


def test_list_numbers_are_not_citations() -> None:
    reply = "[3] 布吉街道全年规上工业总产值123.45亿元[2]。\n1. 布吉街道完成工业投资6.2亿元[1]。"
    assert cited_numbers(reply, 4) == [1, 2]
    assert guard(reply) == []


def test_kind_period_and_place_must_match() -> None:
    assert guard("布吉街道2023年完成工业投资8亿元[4]。"), "a target stated as a result"
    assert guard("布吉街道力争2023年工业投资达到8亿元[4]。") == []
    assert guard("布吉街道规上工业总产值增长4.5%[2]。") == []
    assert guard("布吉街道规上工业总产值4.5%[2]。"), "a growth rate stated as a level"
    assert guard("平湖街道2022年固定资产投资69.69亿元[3]。"), "wrong year"
    assert guard("平湖街道2023年固定资产投资69.69亿元[3]。"), "a half-year figure stated as the year's"
    assert guard("观澜街道2023年上半年固定资产投资69.69亿元[3]。".replace("观澜", "布吉")), "wrong place"


def test_english_figures_are_checked_after_conversion() -> None:
    assert guard("Buji's industrial output above designated size was CNY 12.345 billion in 2022 [2].") == []
    assert guard("Buji's industrial output was CNY 12.35 billion (123.45亿元) [2].") == []
    assert guard("Pinghu's fixed-asset investment in H1 2023 was CNY 6.968 billion [3].")
    assert guard("Buji's industrial output was CNY 12 billion [2].")


def test_decline_is_recognised_by_meaning() -> None:
    for text in ["报告中未找到", "报告中未找到 [1] [2]", "根据所给段落，报告并未提及规上工业总产值[1]。",
                  "The reports do not contain the answer [2].", "not found in the reports",
                  "The passages do not mention industrial output.", "报告未提供规上工业总产值，仅提到工业投资6.2亿元[1]。"]:
        assert is_decline(text), text
    for text in ["布吉街道完成工业投资6.2亿元[1]。", "Buji invested CNY 0.62 billion [1].",
                  "布吉街道完成工业投资6.2亿元[1]。报告未提及全年目标。"]:
        assert not is_decline(text), text


# ---- end to end through the local fault server ------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path, server: LLMServer) -> Corpus:
    settings = make_settings(tmp_path / "d", model="openai:test-model", openai_base_url=server.url,
                             openai_api_key="sk-test-guard-000000", llm_cache=False, llm_max_retries=0,
                             llm_timeout=3)
    c = Corpus(settings)
    c.ingest([REPORTS])
    return c


def test_decline_with_citations_is_a_flagged_fallback(corpus: Corpus, server: LLMServer) -> None:
    server.script([reply("报告中未找到 [1] [2]")])
    answer = corpus.ask(QUESTION)
    assert answer.flagged and answer.mode == "offline" and "declined" in answer.caveats[0]
    assert json.loads(answer.model_dump_json())["flagged"] is True
    assert len(server.chat_requests) == 1


def test_retry_wording_copied_back_is_a_decline(corpus: Corpus, server: LLMServer) -> None:
    n = _passage_number(corpus, QUESTION, "369个网格")
    server.script([reply(f"观湖街道划分了396个网格[{n}]。"),
                   reply("The reports do not contain the answer to this question.")])
    answer = corpus.ask(QUESTION)
    assert answer.flagged and answer.mode == "offline" and "396" not in answer.text


def test_citation_after_the_stop_and_list_numbers_are_accepted(corpus: Corpus, server: LLMServer) -> None:
    n = _passage_number(corpus, QUESTION, "369个网格")
    server.script([reply(f"[{n % K_PASSAGES + 1}] 观湖街道2022年精准细划369个网格。[{n}]")])
    answer = corpus.ask(QUESTION)
    assert not answer.flagged and answer.mode == "openai:test-model", answer.caveats
    assert [c.n for c in answer.citations] == [n]


def test_citation_after_the_stop_still_binds_the_figure_to_its_passage(corpus: Corpus, server: LLMServer) -> None:
    n = _passage_number(corpus, QUESTION, "369个网格")
    other = n % K_PASSAGES + 1
    server.script([reply(f"观湖街道2022年精准细划369个网格。[{other}]")] * 2)
    answer = corpus.ask(QUESTION)
    assert answer.flagged and answer.mode == "offline"
    assert f"[{other}]" in server.chat_requests[1]["messages"][-1]["content"]


def test_timed_out_attempts_are_in_the_call_log(tmp_path: Path, server: LLMServer) -> None:
    settings = make_settings(tmp_path / "t", model="openai:test-model", openai_base_url=server.url,
                             openai_api_key="sk-test-guard-000000", llm_cache=False, llm_max_retries=1,
                             llm_timeout=0.5)
    c = Corpus(settings)
    c.ingest([REPORTS])
    server.script([hang(2), reply("报告中未找到")])
    answer = c.ask(QUESTION)
    assert answer.flagged
    rows = CallLog(settings).recent(10)
    assert any("timed out" in (r["error"] or "") and "retried" in r["error"] for r in rows)
    request = server.chat_requests[-1]
    assert request["max_tokens"] == 400 and request["temperature"] == 0.1


INVENTED = ("布吉街道2022年工作总结\n一、2022年工作总结\n"
            "(一)经济发展稳中有进。2022年全年完成工业投资6.2亿元,同比增长3.1%。新增市场主体1200户。"
            "(二)社会治理。全年化解矛盾纠纷350宗。\n")


def test_a_related_figure_offered_as_the_asked_one_is_replaced(tmp_path: Path, server: LLMServer) -> None:
    src = tmp_path / "buji.txt"
    src.write_text(INVENTED, encoding="utf-8")
    c = Corpus(make_settings(tmp_path / "b", model="openai:test-model", openai_base_url=server.url,
                             openai_api_key="sk-test-guard-000000", llm_cache=False, llm_max_retries=0,
                             llm_timeout=3))
    assert c.ingest([src])[0].ok
    question = "布吉街道2022年规上工业总产值是多少？"
    n = _passage_number(c, question, "6.2亿元")
    server.script([reply(f"布吉街道2022年规上工业总产值为6.2亿元[{n}]。")] * 2)
    answer = c.ask(question)
    if not server.chat_requests:  # the figure route answered or declined by itself: nothing reached the model
        assert "6.2" not in answer.text
        return
    assert answer.flagged and answer.mode == "offline", answer
    assert "6.2亿元" in answer.caveats[0] and "number check" in answer.caveats[0]
    assert "6.2亿元" in server.chat_requests[1]["messages"][-1]["content"]


# ---- periods are read by the one period parser; the known gap speaks the prompt's language ---------------------
@pytest.mark.parametrize(("sentence", "period", "ok"), [
    ("平湖街道2023年上半年固定资产投资69.69亿元", "2023H1", True),
    ("平湖街道2023年1-6月固定资产投资69.69亿元", "2023H1", True),
    ("平湖街道2023年1-5月固定资产投资69.69亿元", "2023H1", False),
    ("平湖街道2023年固定资产投资69.69亿元", "2023H1", False),
    ("平湖街道上半年固定资产投资69.69亿元", "2023H1", True),
    ("平湖街道2022年固定资产投资69.69亿元", "2023H1", False),
    ("布吉街道力争2023年工业投资达到8亿元", "2023-plan", True),
    ("Pinghu's fixed-asset investment in H1 2023 was 69.69亿元", "2023H1", True),
    ("Pinghu's fixed-asset investment in the first half of 2023 was 69.69亿元", "2023H1", True),
    ("Pinghu's fixed-asset investment in January–May 2023 was 69.69亿元", "2023M01-M05", True),
    ("Pinghu's fixed-asset investment in January–May 2023 was 69.69亿元", "2023H1", False),
    ("Pinghu's fixed-asset investment in 2023 was 69.69亿元", "2023H1", False),
    ("Pinghu's fixed-asset investment was 69.69亿元, up 5% on 2022", "2023", True),
])
def test_periods_are_read_by_period_in(sentence: str, period: str, ok: bool) -> None:
    assert (period_mismatch(sentence, sentence, period) == "") is ok


def test_the_known_gap_is_written_in_the_prompts_language() -> None:
    gap = Gap("布吉街道", "规上工业总产值", "Gross industrial output", (), "actual")
    zh = build_messages("布吉街道2022年规上工业总产值是多少？", "zh", HITS, gap)[-1]["content"]
    assert "指标表显示:布吉街道的报告没有规上工业总产值的数字" in zh and "Known from" not in zh
    en = build_messages("What was Buji's industrial output in 2022?", "en", HITS, gap)[-1]["content"]
    assert "Known from the figure table: Buji Subdistrict's report states no Gross industrial output" in en
    kinds = Gap("布吉街道", "工业投资", "Industrial investment", ("target",), "actual").text("zh")
    assert kinds == "布吉街道的报告中工业投资只有目标,没有实际数"
