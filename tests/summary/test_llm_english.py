"""The English of an LLM summary is the model's English with every figure written by code, and carries no
Chinese clause outside quotes — through the real adapter and a local OpenAI-compatible server that answers by
content (the model's words here are invented)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rag.config import Settings
from rag.corpus import Corpus
from rag.llm.openai_compat import OpenAICompatBackend
from rag.summary.common import ReportSummary, check_faithfulness
from rag.summary.llm import english_problems, llm_prompt_version
from rag.summary.report import summarize_report
from rag.text.english import chinese_fragments
from tests.support.llm_server import LLMServer, Step, reply, serve_llm

# the first tagged figure of a prompt: the printed figure and its slot name
TAGGED = re.compile(r"(\d[\d.,]*[^\s{}，,。；;、:：]{0,6})\{(F\d+)\}")
FRAGMENT = "完成各项任务"  # an invented Chinese clause the planted reply leaves in its English


def section_reply(user: str) -> str:
    """Two points on the section's first figure; the English of the second keeps a Chinese clause."""
    m = TAGGED.search(user)
    if m is None:
        return json.dumps({"zh_bullets": [], "en_bullets": []})
    printed, name = m.groups()
    return json.dumps(
        {
            "zh_bullets": [f"本节报告{printed}", f"本节另报告{printed}"],
            "en_bullets": [f"The section reports {{{name}}}.", f"Reported figure ({FRAGMENT}): {{{name}}}"],
        },
        ensure_ascii=False,
    )


def serve(headline_en: str) -> Iterator[LLMServer]:
    with serve_llm() as server:
        record = server.next_step

        def by_content(body: dict[str, Any], headers: dict[str, str], path: str) -> Step:
            record(body, headers, path)
            user = body["messages"][-1]["content"]
            if "Section summaries:" in user:
                return reply(
                    json.dumps(
                        {
                            "headline_zh": "观湖街道2022年工作总结。",
                            "headline_en": headline_en,
                            "overview_zh": "",
                            "overview_en": "",
                        },
                        ensure_ascii=False,
                    )
                )
            return reply(section_reply(user))

        server.next_step = by_content  # type: ignore[method-assign]
        yield server


@pytest.fixture
def llm() -> Iterator[LLMServer]:
    yield from serve("Guanhu Sub-district, 2022: industrial output reached {F1}.")


@pytest.fixture
def llm_fragment() -> Iterator[LLMServer]:
    yield from serve(f"Guanhu Sub-district {FRAGMENT} in 2022.")


def llm_settings(server: LLMServer, tmp_path: Path, concurrency: int | None = None) -> Settings:
    """Settings pointing at the local test server, no cache, a short timeout."""
    settings = Settings(_env_file=None, data_dir=tmp_path, model="openai:test-model",  # type: ignore[call-arg]
                        openai_base_url=server.url, openai_api_key="sk-test-english-0000", llm_cache=False,
                        llm_timeout=5)
    return settings.model_copy(update={"llm_max_concurrency": concurrency}) if concurrency else settings


def summarise(corpus: Corpus, server: LLMServer, tmp_path: Path) -> tuple[ReportSummary, str]:
    settings = llm_settings(server, tmp_path, concurrency=2)
    rid = next(m.report_id for m in corpus.reports() if m.street == "观湖街道")
    return summarize_report(corpus, rid, backend=OpenAICompatBackend(settings, "test-model")), rid


def test_english_points_are_the_models_words_with_the_codes_figures(
    hash_corpus: Corpus, llm: LLMServer, tmp_path: Path
) -> None:
    s, rid = summarise(hash_corpus, llm, tmp_path)
    assert s.mode == "openai:test-model" and s.prompt_version == llm_prompt_version()
    assert llm_prompt_version() == "summarize_section.v2+summarize_report.v2"
    section_prompt = next(b for b in llm.chat_requests if "Section text:" in b["messages"][-1]["content"])
    assert TAGGED.search(section_prompt["messages"][-1]["content"]), "the section text carries slot tags"
    english = [b for sec in [*s.review, *s.plan] for b in sec.bullets_en]
    written = [b for b in english if b.startswith("The section reports ")]
    assert written and all(re.fullmatch(r"The section reports [^{}]*\d[^{}]*\.", b) for b in written)
    assert not any("{F" in b for b in english)
    assert any(FRAGMENT in u and "Chinese" in u for u in s.faithfulness.unsupported), (
        "the fragment was dropped"
    )
    assert english_problems(s) == []
    assert (
        s.headline_en.startswith("Guanhu Sub-district, 2022: industrial output reached ")
        and "{F" not in s.headline_en
    )
    assert check_faithfulness(s, hash_corpus.report_text(rid), hash_corpus.store.sections(rid)) == []


def test_a_headline_with_a_chinese_clause_gives_the_extractive_headline(
    hash_corpus: Corpus, llm_fragment: LLMServer, tmp_path: Path
) -> None:
    s, _ = summarise(hash_corpus, llm_fragment, tmp_path)
    assert FRAGMENT not in s.headline_en and any(
        u.startswith("headline:") for u in s.faithfulness.unsupported
    )
    assert english_problems(s) == []


def test_the_check_finds_chinese_outside_quotes(hash_corpus: Corpus) -> None:
    rid = next(m.report_id for m in hash_corpus.reports() if m.street == "观湖街道")
    offline = summarize_report(hash_corpus, rid)
    planted = offline.model_copy(
        update={"headline_en": f"Guanhu {FRAGMENT} in 2022 (达1.5万个), “{FRAGMENT}”."}
    )
    assert english_problems(planted)[:1] == [f"“{FRAGMENT}” in “{planted.headline_en}”"]


# ---- the collection overview's English narrative -----------------------------------------------------------
def test_overview_sentences_are_the_models_with_the_codes_ranking_and_figures(
    hash_corpus: Corpus, tmp_path: Path
) -> None:
    from rag.summary.batch import collection_overview
    from rag.summary.llm import llm_overview_narrative

    overview = collection_overview(
        hash_corpus, [summarize_report(hash_corpus, m.report_id) for m in hash_corpus.reports()]
    )
    first, second, third = overview.rows[:3]
    good = (
        f"{first.cells[0].street_en} reported the highest {first.label_en.lower()}, {{F1}}, and "
        f"{first.cells[-1].street_en} the lowest, {{F2}}."
    )
    swapped = f"{second.cells[-1].street_en} had the highest, {{F3}}, and {second.cells[0].street_en} the lowest {{F4}}."
    typed = f"{third.cells[0].street_en} led with {{F5}}, far above the 1.5万 of others."
    with serve_llm() as server:
        server.script([reply(json.dumps({"sentences": [good, swapped, typed]}))])
        settings = llm_settings(server, tmp_path)
        narrative, problems = llm_overview_narrative(overview, OpenAICompatBackend(settings, "test-model"))
    hi, lo = first.cells[0], first.cells[-1]
    assert narrative[0] == (
        f"{hi.street_en} reported the highest {first.label_en.lower()}, {hi.display_en} "
        f"({hi.display_zh}), and {lo.street_en} the lowest, {lo.display_en} ({lo.display_zh})."
    )
    assert narrative[1:] == overview.narrative_en[1:], (
        "a swapped ranking, a typed figure, no sentence: code's"
    )
    assert any("row 2" in p and "is not named before its figure" in p for p in problems)
    assert any("row 3" in p and "typed" in p for p in problems)
    assert all(chinese_fragments(t, figures=True) == [] for t in narrative)
