"""Bilingual summaries: extractive offline, map-reduce against a real local LLM server, the batch CLI, the app."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

import app as webapp
import rag.summary.report as summarize_mod
from rag.cli import app
from rag.config import Settings
from rag.corpus import Corpus
from rag.errors import BackendError
from rag.figures.lexicon import BY_KEY, base_key
from rag.llm.openai_compat import OpenAICompatBackend
from rag.summary.batch import MANIFEST, collection_overview, overview_to_markdown, to_markdown
from rag.summary.common import ReportSummary, check_faithfulness
from rag.summary.llm import llm_prompt_version
from rag.summary.report import summarize_report
from tests.conftest import REPORTS, gold_rows, make_settings
from tests.support.fake_backend import FakeBackend
from tests.support.llm_server import LLMServer, Step, reply, serve_llm

APP = Path(__file__).resolve().parents[2] / "app.py"
ECONOMY_HEADING = "稳字当头"  # the Guanhu section whose figures the planted reply misstates
PLANTED_EN = "Gross industrial output reached 478.78 billion yuan"  # 100x too large: 478.78亿元 = CNY 47.88 billion


@pytest.fixture(scope="module")
def summaries(hash_corpus: Corpus) -> dict[str, ReportSummary]:
    """Offline summaries of the five sample reports, by file name."""
    return {Path(m.path).name: summarize_report(hash_corpus, m.report_id) for m in hash_corpus.reports()}


def headline_gold(doc: str) -> list[dict[str, Any]]:
    """Gold review headline rows of one report: lexicon key of importance >= 2, actual or cumulative."""
    return [g for g in gold_rows("indicators.jsonl") if g["doc"] == doc and g["kind"] in ("actual", "cumulative")
            and base_key(g["indicator_key"]) in BY_KEY and BY_KEY[base_key(g["indicator_key"])].importance >= 2]


def strings(s: ReportSummary, lang: str) -> list[str]:
    """Every display string of one language in a summary."""
    sections = [*s.review, *s.plan]
    if lang == "zh":
        return [s.headline_zh, s.overview_zh, *[k.zh for k in s.key_figures], *s.caveats_zh,
                *[b for sec in sections for b in sec.bullets_zh]]
    return [s.headline_en, s.overview_en, *[k.en for k in s.key_figures], *s.caveats_en,
            *[b for sec in sections for b in sec.bullets_en]]


# ---- offline (extractive) ------------------------------------------------------------------------------
def test_every_quote_is_exact_and_every_figure_traces(hash_corpus: Corpus,
                                                      summaries: dict[str, ReportSummary]) -> None:
    assert len(summaries) == 5
    for s in summaries.values():
        text = hash_corpus.report_text(s.report_id)
        assert s.mode == "extractive" and s.key_figures
        for k in s.key_figures:
            ev = k.indicator.evidence
            assert ev.quote in text and text[ev.start : ev.end] == ev.quote
            assert k.citation.quote == ev.quote
        for sec in [*s.review, *s.plan]:
            assert 1 <= len(sec.bullets_zh) <= 3 and len(sec.citations) == len(sec.bullets_zh)
            for bullet, c in zip(sec.bullets_zh, sec.citations, strict=True):
                assert bullet == c.quote == text[c.start : c.end], "extractive bullets are verbatim"
        assert s.faithfulness.unsupported == [] and s.faithfulness.checked > 50
        assert check_faithfulness(s, text, hash_corpus.store.sections(s.report_id)) == []
        numbers = [c.n for c in [k.citation for k in s.key_figures]
                   + [c for sec in [*s.review, *s.plan] for c in sec.citations]]
        assert numbers == list(range(1, len(numbers) + 1))


def test_key_figures_cover_gold_headline_indicators(summaries: dict[str, ReportSummary]) -> None:
    for doc, s in summaries.items():
        gold = headline_gold(doc)
        shown = [x for k in s.key_figures for x in (k.indicator, k.change) if x is not None]
        covered = [g for g in gold if any(i.street == g["street"] and abs(abs(i.normalized_value) -
                   g["normalized_value"]) <= 0.005 * g["normalized_value"] for i in shown)]
        assert len(covered) >= 0.8 * len(gold), (doc, [g["indicator_key"] for g in gold if g not in covered])


def test_english_is_built_from_grounded_figures(summaries: dict[str, ReportSummary]) -> None:
    guanhu = summaries["000_fa4dcfe65d210400.txt"]
    english = "\n".join(strings(guanhu, "en"))
    assert "Land put into storage: 757,000 m² (75.7 ha), 2022" in english
    assert "CNY 47.88 billion" in english and "478.78 billion" not in english
    assert not re.search(r"[\u4e00-\u9fff]", guanhu.headline_en), "English headline has no Chinese free text"
    assert guanhu.street_en == "Guanhu Subdistrict"
    assert any("provisional" in c for c in guanhu.caveats_en), "478.78亿元 is marked 以统计公布为准"
    pinghu = summaries["002_7d55213a54c13fac.txt"]
    assert any("Jan–May 2024" in c for c in pinghu.caveats_en) and any("1-5月" in c for c in pinghu.caveats_zh)
    assert any("cumulative" in k.en for k in pinghu.key_figures)
    xx = summaries["004_d17093189e6c1fbb.txt"]
    assert any("doubtful" in c for c in xx.caveats_en) and xx.plan == []


def test_plan_points_are_targets(summaries: dict[str, ReportSummary]) -> None:
    s = summaries["000_fa4dcfe65d210400.txt"]
    assert s.plan and all(sec.part == "plan" for sec in s.plan)
    assert all(b.startswith("Target: ") for sec in s.plan for b in sec.bullets_en)
    md = to_markdown(s)
    assert "## 工作计划与目标 · Plans and targets" in md and "- 目标 · " in md
    topics = {sec.topic_en for sec in s.review}
    assert {"Economy", "Urban management", "Livelihoods", "Party building"} <= topics


def test_planted_figures_are_caught(hash_corpus: Corpus, summaries: dict[str, ReportSummary]) -> None:
    s = summaries["000_fa4dcfe65d210400.txt"]
    economy = next(sec for sec in s.review if sec.topic_en == "Economy")
    bad = s.model_copy(deep=True)
    bad_economy = next(sec for sec in bad.review if sec.topic_en == "Economy")
    bad_economy.bullets_en.append(PLANTED_EN)
    bad_economy.bullets_zh.append("全年规上工业总产值578.78亿元")
    bad.headline_en += " Retail sales: CNY 88.46 billion."
    problems = check_faithfulness(bad, hash_corpus.report_text(s.report_id), hash_corpus.store.sections(s.report_id))
    assert len(problems) == 3, problems
    assert any(PLANTED_EN in p for p in problems) and any("578.78亿元" in p for p in problems)
    assert economy.bullets_en == [b for b in bad_economy.bullets_en if b != PLANTED_EN]


def test_markdown_and_overview_read_well(hash_corpus: Corpus, summaries: dict[str, ReportSummary]) -> None:
    s = summaries["000_fa4dcfe65d210400.txt"]
    md = to_markdown(s)
    for part in ("# 观湖街道 2022年", "## 主要指标 · Key figures", "| 中文 | English |", "## 注意 · Caveats",
                 "## 来源 · Sources", "[^1]: 观湖街道"):
        assert part in md, part
    assert "English" not in to_markdown(s, ["zh"]).split("## 概要")[1].split("## 主要")[0]
    overview = collection_overview(hash_corpus, list(summaries.values()))
    fai = next(r for r in overview.rows if r.key == "fixed_asset_investment")
    assert len(fai.cells) == 5 and fai.cells[0].street == "玉塘街道" and fai.periods_differ
    assert [c.normalized_value for c in fai.cells] == sorted((c.normalized_value for c in fai.cells), reverse=True)
    land = next(r for r in overview.rows if r.key == "land_storage_area")
    assert land.normalized_unit == "m2" and land.cells[0].street == "观湖街道"
    assert all(r.key in BY_KEY or r.key.startswith("new_") for r in overview.rows)
    assert any("玉塘街道最高" in n and "比较仅供参考" in n for n in overview.narrative_zh)
    assert any("compare with care" in n for n in overview.narrative_en)
    omd = overview_to_markdown(overview)
    assert "| 指标 · Indicator |" in omd and "## 来源 · Sources" in omd


# ---- the batch CLI -------------------------------------------------------------------------------------
@pytest.fixture
def cli_env(offline_env: Path) -> Path:
    """A fresh data directory for the CLI, offline with hash embeddings."""
    return offline_env


def run_cli(*args: str) -> tuple[Any, float]:
    """Invoke `jiedao` in-process; (result, seconds)."""
    t0 = time.perf_counter()
    result = CliRunner().invoke(app, list(args))
    return result, time.perf_counter() - t0


def test_cli_summarize_writes_outputs_and_skips_unchanged(cli_env: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("summarize", str(REPORTS), "--out", str(out), "--lang", "zh,en", "--format", "md,json")
    first, t_first = run_cli(*args)
    assert first.exit_code == 0, first.output
    assert "5 summarised, 0 unchanged (skipped), 0 failed" in first.stdout
    summaries = sorted(p for p in out.glob("*.json") if p.name not in ("overview.json", "summary.schema.json", MANIFEST))
    assert len(summaries) == 5 and len([p for p in out.glob("*.md") if p.name != "overview.md"]) == 5
    assert (out / "overview.md").is_file() and (out / "overview.json").is_file()
    schema = json.loads((out / "summary.schema.json").read_text(encoding="utf-8"))
    assert schema == ReportSummary.model_json_schema()
    for path in summaries:
        raw = path.read_text(encoding="utf-8")
        parsed = ReportSummary.model_validate_json(raw)
        jsonschema.validate(json.loads(raw), schema)
        assert path.stem == f"{parsed.street}_{parsed.period}_{parsed.report_id}"
        assert "\\u" not in raw, "JSON keeps Chinese readable"
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["reports"]
    assert {v["mode"] for v in manifest.values()} == {"extractive"} and len(manifest) == 5
    second, t_second = run_cli(*args)
    assert second.exit_code == 0, second.output
    assert "0 summarised, 5 unchanged (skipped), 0 failed" in second.stdout
    assert "nothing to do" in second.stdout
    assert t_second < 0.1 * t_first, (t_first, t_second)


def test_one_failing_report_does_not_stop_the_batch(hash_corpus: Corpus, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIEDAO_DATA_DIR", str(hash_corpus.settings.data_dir))
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    monkeypatch.setenv("JIEDAO_MODEL", "offline")
    bad_id = hash_corpus.reports()[1].report_id
    real = summarize_mod.summarize_report

    def flaky(corpus: Any, report_id: str, **kw: Any) -> ReportSummary:
        if report_id == bad_id:
            raise RuntimeError("planted failure")
        return real(corpus, report_id, **kw)

    monkeypatch.setattr(summarize_mod, "summarize_report", flaky)
    out = tmp_path / "out"
    result, _ = run_cli("summarize", "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "4 summarised, 0 unchanged (skipped), 1 failed" in result.stdout
    assert f"failed: {bad_id}: unexpected error: RuntimeError: planted failure" in result.stderr
    assert (out / "overview.md").is_file()
    monkeypatch.setattr(summarize_mod, "summarize_report", real)
    again, _ = run_cli("summarize", "--out", str(out))
    assert again.exit_code == 0 and "1 summarised, 4 unchanged (skipped), 0 failed" in again.stdout


# ---- LLM map-reduce against a real OpenAI-compatible server ---------------------------------------------
GENERIC = json.dumps({"zh_bullets": ["持续推进各项重点工作"], "en_bullets": ["Key tasks were advanced."]},
                     ensure_ascii=False)
PLANTED_SECTION = json.dumps({"zh_bullets": ["全年规上工业总产值478.78亿元", "“四上”企业增至518家"],
                              "en_bullets": [PLANTED_EN, "'Four-above' enterprises rose to 518"]}, ensure_ascii=False)
PLANTED_HEADLINE = json.dumps({"headline_zh": "观湖街道2022年规上工业总产值478.78亿元。",
                               "headline_en": "Guanhu's industrial output was 478.78 billion yuan in 2022.",
                               "overview_zh": "", "overview_en": ""}, ensure_ascii=False)


@pytest.fixture
def llm() -> Iterator[LLMServer]:
    """A local server that answers by content: the economy section and the headline get planted figures."""
    with serve_llm() as server:
        record = server.next_step

        def by_content(body: dict[str, Any], headers: dict[str, str], path: str) -> Step:
            record(body, headers, path)
            user = body["messages"][-1]["content"]
            if "Section summaries:" in user:
                return reply(PLANTED_HEADLINE, delay=0.02)
            return reply(PLANTED_SECTION if ECONOMY_HEADING in user else GENERIC, delay=0.05)

        server.next_step = by_content  # type: ignore[method-assign]
        yield server


def test_llm_summary_rejects_a_figure_100x_too_large(hash_corpus: Corpus, llm: LLMServer, tmp_path: Path) -> None:
    corpus = Corpus(make_settings(hash_corpus.settings.data_dir, llm_max_concurrency=2))
    settings = Settings(_env_file=None, data_dir=tmp_path, model="openai:test-model",  # type: ignore[call-arg]
                        openai_base_url=llm.url, openai_api_key="sk-test-123456", llm_cache=False,
                        llm_timeout=5, llm_max_concurrency=8)
    rid = next(m.report_id for m in corpus.reports() if m.street == "观湖街道")
    s = summarize_report(corpus, rid, backend=OpenAICompatBackend(settings, "test-model"))
    assert s.mode == "openai:test-model" and s.prompt_version == llm_prompt_version()
    assert llm.max_in_flight == 2, "map calls run concurrently, bounded by llm_max_concurrency"
    formats = {(b.get("response_format") or {}).get("json_schema", {}).get("name") for b in llm.chat_requests}
    assert formats == {"SectionBullets", "ReportReduce"}
    assert any(PLANTED_EN in u for u in s.faithfulness.unsupported)
    assert any(u.startswith("headline:") for u in s.faithfulness.unsupported)
    text = hash_corpus.report_text(rid)
    assert check_faithfulness(s, text, hash_corpus.store.sections(rid)) == []
    assert not any("478.78 billion" in x for x in strings(s, "en"))
    assert s.headline_en.startswith("Guanhu Subdistrict, 2022: ") and "CNY 47.88 billion" in s.headline_en
    economy = next(sec for sec in s.review if ECONOMY_HEADING in sec.heading_zh)
    replaced, kept = economy.bullets_zh
    assert replaced == economy.citations[0].quote == text[economy.citations[0].start : economy.citations[0].end]
    assert "478.78亿元" in replaced, "the extractive sentence for the same figure replaces the dropped point"
    assert kept == "“四上”企业增至518家" and "'Four-above' enterprises rose to 518" in economy.bullets_en
    assert any(b.endswith("CNY 47.88 billion, 2022, provisional") for b in economy.bullets_en)
    other = [sec for sec in s.review if sec is not economy]
    assert all(sec.bullets_zh == ["持续推进各项重点工作"] for sec in other), "traceable model points are kept"
    assert all(text[c.start : c.end] == c.quote for sec in s.review for c in sec.citations)
    assert sum("Section summaries:" in b["messages"][-1]["content"] for b in llm.chat_requests) == 1


def test_failing_model_falls_back_to_the_extractive_summary(hash_corpus: Corpus) -> None:
    rid = hash_corpus.reports()[2].report_id
    down = FakeBackend().enqueue(*[BackendError("endpoint down", retryable=True)] * 40)
    s = summarize_report(hash_corpus, rid, backend=down)
    assert s.mode == "extractive" and s.prompt_version == "extractive.v1"
    assert "The model calls failed; extractive summary shown" in s.caveats_en
    assert s.review == summarize_report(hash_corpus, rid).review
    assert all(call["prompt_id"] == llm_prompt_version().split("+")[0] for call in down.history)


# ---- the app -------------------------------------------------------------------------------------------
@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's data directory from the environment (offline, hash embeddings)."""
    data = tmp_path / "data"
    for key, value in (("JIEDAO_DATA_DIR", str(data)), ("JIEDAO_EMBEDDER", "hash"), ("JIEDAO_MODEL", "offline"),
                       ("JIEDAO_ALLOW_NETWORK_LLM", "false")):
        monkeypatch.setenv(key, value)
    return data


def test_app_summary_view_shows_a_report_summary(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Corpus, "summarize", lambda self, rid: summarize_report(self, rid), raising=False)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    at.sidebar.radio(key="view_zh").set_value("摘要").run()
    assert not at.exception, [e.value for e in at.exception]
    assert [h.value for h in at.main.subheader] == ["中文", "English"]
    shown = "\n".join(m.value for m in at.main.markdown)
    assert "#### 主要指标" in shown and "#### Key figures" in shown and "Subdistrict" in shown
    assert any("extractive" in c.value for c in at.main.caption)
    at.selectbox(key="summary_cite").set_value(0).run()
    assert not at.exception
    assert any(":orange-background[**" in m.value for m in at.main.markdown), "the quote is highlighted"


def test_chat_streams_llm_tokens(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    class Slot:
        """Stands in for st.empty()."""

        def markdown(self, text: str) -> None:
            calls.append(text)

    sink = webapp.token_sink(Slot())
    for token in ("观湖", "街道", "*x*"):
        sink(token)
    assert calls[-1] == "观湖街道\\*x\\* ▌"
    with serve_llm() as server:
        server.default_text = "观湖街道坚持党建引领，推进各项工作。[1]"
        monkeypatch.setenv("JIEDAO_MODEL", "openai:test-model")
        monkeypatch.setenv("OPENAI_BASE_URL", server.url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-123456")
        monkeypatch.setenv("JIEDAO_LLM_CACHE", "false")
        at = AppTest.from_file(str(APP), default_timeout=120).run()
        at.chat_input[0].set_value("观湖街道如何加强党建引领？").run()
        assert not at.exception, [e.value for e in at.exception]
        assert any(b.get("stream") for b in server.chat_requests), "the answer was requested as a stream"
    assert any("推进各项工作" in m.value for m in at.main.markdown)
    assert any("openai:test-model" in c.value for c in at.main.caption)
