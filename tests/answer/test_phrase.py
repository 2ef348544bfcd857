"""English phrasing of figure-route lookups in LLM mode: the model writes the words, code writes every figure.

End-to-end cases run the real OpenAI-compatible adapter against the local test server; the checks on their own
use invented rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.answer.llm import llm_answer
from rag.answer.passages import Context
from rag.answer.phrase import phrase_problems
from rag.answer.router import route
from rag.corpus import Corpus
from rag.schemas import Answer, Evidence, Indicator
from rag.text.english import fill, render_slot
from rag.text.numbers import format_zh, normalize
from tests.conftest import REPORTS, make_settings
from tests.support.llm_server import LLMServer, reply

RELIEF = "How much did Buji reduce enterprises' costs through relief (纾困) policies in 2022?"
RETAIL = "What were Yutang's retail sales of consumer goods in 2023, and how fast did they grow?"


@pytest.fixture
def corpus(tmp_path: Path, server: LLMServer) -> Corpus:
    """The sample corpus with an LLM at the local server (no retries inside the adapter)."""
    c = Corpus(
        make_settings(
            tmp_path / "d",
            model="openai:test-model",
            openai_base_url=server.url,
            openai_api_key="sk-test-phrase-000000",
            llm_cache=False,
            llm_max_retries=0,
            llm_timeout=3,
        )
    )
    c.ingest([REPORTS])
    return c


def _ask(c: Corpus, question: str) -> tuple[Answer, Answer]:
    """(the figure route's answer, the LLM-mode answer built from it), as the corpus wires llm_answer."""
    figure = Corpus(make_settings(c.settings.data_dir)).ask(
        question
    )  # offline: the figure route's own answer
    metas = c.reports()
    r = route(question, metas)
    ctx = Context(
        reports=metas,
        indicators=lambda key, kind: c.indicator_store.query(key=key, kind=kind),
        search=lambda q, k, f, per: c.search(q, k=k, filters=f, per_report=per),
    )
    rows_for = lambda rids: [row for rid in rids for row in c.indicator_store.query(report_id=rid)]  # noqa: E731
    return figure, llm_answer(question, r, ctx, c.backend, figure=figure, rows_for=rows_for)


def test_an_english_lookup_is_phrased_by_the_model_with_the_figure_written_by_code(
    corpus: Corpus, server: LLMServer
) -> None:
    server.script(
        [
            reply(
                "In 2022 Buji Sub-district cut enterprises' costs through relief policies by {F1} "
                "million yuan."
            )
        ]
    )
    figure, answer = _ask(corpus, RELIEF)
    assert figure.mode == "offline" and "339.5万元" in figure.text
    assert answer.mode == "openai:test-model" and not answer.flagged
    assert answer.text == (
        "In 2022 Buji Sub-district cut enterprises' costs through relief policies by "
        "CNY 3.4 million (339.5万元) [1]."
    )
    assert answer.citations == figure.citations and answer.table == figure.table
    facts = server.chat_requests[0]["messages"][-1]["content"]
    assert "{F1}: Buji Subdistrict, 2022, result achieved" in facts and "339.5" not in facts, (
        "the model never sees it"
    )


def test_two_figures_each_cited_and_the_change_rises(corpus: Corpus, server: LLMServer) -> None:
    server.script(
        [
            reply(
                "Yutang Sub-district's retail sales of consumer goods were {F1} in 2023, and they grew "
                "by {F2} year on year."
            )
        ]
    )
    _, answer = _ask(corpus, RETAIL)
    assert not answer.flagged and answer.text.startswith(
        "Yutang Sub-district's retail sales of consumer goods were CNY 3.92 billion (达39.15亿元) in 2023"
    )
    assert answer.text.endswith("[1][2].")


@pytest.mark.parametrize(
    "wrong",
    [
        "Buji Sub-district cut enterprises' costs by CNY 4 million in 2022.",  # a figure the model typed
        "Buji Sub-district cut enterprises' costs by {F1} in 2021.",  # the wrong year
        "Buji Sub-district's target was to cut costs by {F1} in 2022.",  # a result offered as a target
        "Guanhu Sub-district cut enterprises' costs by {F1} in 2022.",  # the wrong place
        "Buji Sub-district 减负 {F1}.",  # Chinese outside quotes
        "In 2022 Buji cut costs by {F2}.",  # a placeholder that is no fact
    ],
)
def test_a_wrong_phrasing_is_retried_then_the_figure_answer_is_shown_flagged(
    corpus: Corpus, server: LLMServer, wrong: str
) -> None:
    server.script([reply(wrong), reply(wrong)])
    figure, answer = _ask(corpus, RELIEF)
    assert answer.flagged and answer.mode == "offline" and answer.text == figure.text
    assert "wording failed the check" in answer.caveats[0]
    assert (
        len(server.chat_requests) == 2
        and "failed the check" in server.chat_requests[1]["messages"][-1]["content"]
    )


def test_a_decline_keeps_the_figure_answer_flagged(corpus: Corpus, server: LLMServer) -> None:
    server.script([reply("not found in the reports")])
    figure, answer = _ask(corpus, RELIEF)
    assert answer.flagged and answer.text == figure.text and "declined" in answer.caveats[0]


@pytest.mark.parametrize(
    "question",
    [
        "哪个街道土地入库最多",
        "布吉街道2022年110违法犯罪警情有多少宗？",
        "Which sub-district has the most national high-tech (国高) enterprises?",
    ],
)
def test_rankings_and_chinese_answers_stay_the_codes_own(
    corpus: Corpus, server: LLMServer, question: str
) -> None:
    figure, answer = _ask(corpus, question)
    assert answer == figure and server.chat_requests == []


# ---- the checks, on invented rows ----------------------------------------------------------------------------
def _row(
    label: str, value: float, unit: str, kind: str = "actual", period: str = "2023", street: str = "甲乙街道"
) -> Indicator:
    quote = f"{label}{value:g}{unit}"
    nv, nu = normalize(value, unit)
    return Indicator(
        report_id="r",
        street=street,
        period=period,
        key=f"label:{label}",
        label_zh=label,
        label_en=f"figure: {label}",
        value=value,
        unit=unit,
        normalized_value=nv,
        normalized_unit=nu,
        kind=kind,
        part="review",  # type: ignore[arg-type]
        evidence=Evidence(chunk_id="r:0", start=0, end=len(quote), quote=quote),
    )


ROWS = [_row("安全事故死亡人数", -44, "%", "yoy_growth"), _row("新增托位", 120, "个")]
SLOTS = [
    render_slot(f"F{n}", abs(r.value), r.unit, r.qualifier, format_zh(abs(r.value), r.unit), n)
    for n, r in enumerate(ROWS, start=1)
]


def problems(text: str) -> list[str]:
    return phrase_problems(fill(text, SLOTS, "en"), ROWS, "How did deaths change?", ["甲乙街道", "丙丁街道"])


def test_a_fall_must_be_stated_as_a_fall() -> None:
    assert problems("Deaths in safety accidents in Jiayi Subdistrict fell by {F1} in 2023.") == []
    assert problems("Deaths in safety accidents in Jiayi Subdistrict rose by {F1} in 2023.")


def test_the_first_sentence_states_the_first_figure() -> None:
    assert problems("Jiayi Subdistrict added {F2} childcare places in 2023. Deaths fell by {F1}.")
    assert (
        problems("Deaths in Jiayi Subdistrict fell by {F1} in 2023, and it added {F2} childcare places.")
        == []
    )


def test_a_typed_figure_is_not_a_fact() -> None:
    assert any("not one of the facts" in p for p in problems("Deaths in Jiayi fell by {F1}, to 7 in 2023."))


def test_the_facts_list_copied_back_is_not_a_sentence_and_the_questions_numbers_are_its_own() -> None:
    assert problems("Jiayi Subdistrict, 2023, year-on-year fall — measures “安全事故死亡人数”: {F1}.")
    assert (
        phrase_problems(
            fill("Jiayi's 12345 hotline deaths fell by {F1} in 2023.", SLOTS, "en"),
            ROWS,
            "How did deaths reported to the 12345 hotline change?",
            ["甲乙街道"],
        )
        == []
    )
