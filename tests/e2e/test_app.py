"""The Streamlit app in-process (AppTest), plus its small pure helpers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import app
from rag.corpus import Corpus
from tests.conftest import make_settings

APP = Path(__file__).resolve().parents[2] / "app.py"
RANKING_Q = "哪个街道土地入库最多"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_REPORT = (
    "青溪街道2023年工作总结\n"
    "一、2023年工作总结\n"
    f"2023年,青溪街道{SCRIPT}全年完成固定资产投资35.2亿元,{IMG}同比增长8.5%。"
    "新增绿地面积12.3万平方米,完成土地整备入库20.5万平方米。新建学校2所,新增学位1800个。\n"
)


@dataclass
class FakeUpload:
    """Stands in for Streamlit's UploadedFile."""

    name: str
    data: bytes

    def getvalue(self) -> bytes:
        """The uploaded bytes."""
        return self.data


@pytest.fixture
def data_dir(offline_env: Path) -> Path:
    """An empty data directory the app reads from the environment; offline, hash embeddings."""
    return offline_env


def run_app() -> AppTest:
    """A fresh app session, run once."""
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> list[str]:
    """Markdown sources of the main area (answers, passages)."""
    return [m.value for m in at.main.markdown]


def ask(at: AppTest, question: str) -> AppTest:
    """Type a question into the chat box."""
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# ---- AppTest ------------------------------------------------------------------------------------------
def test_first_run_ingests_and_lists_the_sample_reports(data_dir: Path) -> None:
    at = run_app()
    lines = [m.value for m in at.sidebar.markdown if " · " in m.value]
    assert len(lines) == 5, lines
    assert any(line.startswith("观湖街道 · 龙华区 · 2022") for line in lines)
    assert "Reports (5)" in [h.value for h in at.sidebar.subheader]
    assert any("offline — extractive answers" in m.value for m in at.sidebar.markdown)
    assert any(c.value.startswith("dense index:") for c in at.sidebar.caption)


def test_ranking_question_answers_with_citations(data_dir: Path) -> None:
    at = ask(run_app(), RANKING_Q)
    answer = "\n".join(texts(at))
    assert "观湖街道" in answer and "75.7" in answer
    assert any("route: indicator" in c.value for c in at.main.caption)
    assert at.main.dataframe, "a ranking answer shows its table"
    labels = [e.label for e in at.main.expander]
    assert labels and labels[0].startswith("[1] 观湖街道")
    assert any(":orange-background[**" in t and "75.7" in t for t in texts(at)), "quoted span highlighted"


def test_example_button_and_follow_up(data_dir: Path) -> None:
    at = run_app()
    at.button(key="example_0").click().run()
    assert not at.exception
    assert "75.7" in "\n".join(texts(at))
    examples = [b for b in at.main.button if b.key and b.key.startswith("example_")]
    assert not examples, "examples hide once a question is asked"
    ask(at, "那固定资产投资呢？")
    assert len(at.main.chat_message) == 4
    assert not at.main.error


def test_indicator_and_summary_views_render(data_dir: Path) -> None:
    at = run_app()
    at.sidebar.radio(key="view").set_value("Indicators").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.main.dataframe
    assert {"Download JSON", "Download CSV"} <= {b.proto.label for b in at.main.get("download_button")}
    at.selectbox(key="ind_pick").set_value(1).run()
    assert not at.exception
    at.sidebar.radio(key="view").set_value("Summaries").run()
    assert not at.exception, [e.value for e in at.exception]
    assert {"中文", "English"} <= {h.value for h in at.main.subheader}


def test_report_html_is_shown_as_text(data_dir: Path) -> None:
    corpus = Corpus(make_settings(data_dir))
    assert corpus.ingest_bytes(HOSTILE_REPORT.encode("utf-8"), "hostile.txt", embed=False).ok
    at = ask(run_app(), "青溪街道固定资产投资是多少？")
    shown = [*at.markdown, *at.caption]
    assert all(SCRIPT not in m.value and "<img" not in m.value for m in shown), "raw HTML reached markdown"
    assert all("<script" not in m.value for m in shown if m.allow_html)
    joined = "\n".join(texts(at))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined
    assert "&lt;img src=x onerror=alert(1)&gt;" in joined


def test_summary_view_shows_both_languages_escaped(data_dir: Path) -> None:
    corpus = Corpus(make_settings(data_dir))
    result = corpus.ingest_bytes(HOSTILE_REPORT.encode("utf-8"), "hostile.txt", embed=False)
    assert result.ok
    at = run_app()
    at.sidebar.radio(key="view").set_value("Summaries").run()
    hostile = next(m for m in at.selectbox(key="summary_report").options if "青溪" in m)
    at.selectbox(key="summary_report").set_value(
        next(m for m in corpus.reports() if m.report_id == result.report_id)).run()
    assert hostile and not at.exception, [e.value for e in at.exception]
    assert [h.value for h in at.main.subheader] == ["中文", "English"]
    shown = "\n".join(texts(at))
    assert "35.2亿元" in shown and "CNY 3.52 billion" in shown
    assert SCRIPT not in shown and "<img" not in shown
    labels = {b.proto.label for b in at.main.get("download_button")}
    assert {"Download Markdown", "Download JSON"} <= labels


# ---- helpers ------------------------------------------------------------------------------------------
def test_handle_uploads_reports_each_file(tmp_path: Path) -> None:
    corpus = Corpus(make_settings(tmp_path / "data"))
    files = [FakeUpload("qingxi.txt", HOSTILE_REPORT.encode("utf-8")), FakeUpload("broken.pdf", b"not a pdf"),
             FakeUpload("empty.txt", b""), FakeUpload("tool.exe", b"MZ")]
    results = app.handle_uploads(corpus, files)
    assert [r.status for r in results] == ["added", "failed", "failed", "failed"]
    assert results[0].street == "青溪街道"
    assert [m.street for m in corpus.reports()] == ["青溪街道"]
    lines = [app.upload_line(r, f.name) for r, f in zip(results, files, strict=True)]
    assert lines[0].startswith("✅ qingxi.txt: added · 青溪街道")
    assert all(line.startswith("❌") and "\n" not in line and "Traceback" not in line for line in lines[1:])
    assert corpus.store.embedding_progress()[0] == 0, "uploads leave embedding to the background job"


def test_markdown_escaping_keeps_text_literal() -> None:
    assert app.md_escape(SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert app.md_escape("[x](javascript:alert(1)) :smile: $x$ *b*") == (
        "\\[x\\](javascript\\:alert(1)) \\:smile\\: \\$x\\$ \\*b\\*")
    assert app.md_escape("1. 第一\n- 第二") == "1\\. 第一\n\\- 第二"
    assert app.md_escape("入库75.7万平方米") == "入库75.7万平方米"


def test_passage_around_finds_the_quote_when_offsets_drift() -> None:
    text = "第一句。前文全年土地整备入库75.7万平方米,拆除建筑物52万平方米。第三句。"
    before, span, after = app.passage_around(text, 0, 3, "全年土地整备入库75.7万平方米")
    assert span == "全年土地整备入库75.7万平方米"
    assert before == "…前文" and after == ",拆除建筑物52万平方米。…"


def test_mode_line_never_shows_secrets(tmp_path: Path) -> None:
    s = make_settings(tmp_path, model="openai:deepseek-chat", openai_api_key="sk-secret-123",
                      openai_base_url="https://user:pw@api.deepseek.com/v1")
    line = app.mode_line(s)
    assert "api.deepseek.com" in line and "deepseek-chat" in line
    assert "sk-secret" not in line and "pw" not in line
    assert app.mode_line(make_settings(tmp_path)) == "offline — extractive answers"
