"""The Streamlit app in-process (AppTest), plus its small pure helpers."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import app
from rag.corpus import Corpus
from rag.schemas import Evidence, Indicator
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
def sidebar_reports(at: AppTest) -> list[str]:
    """The report lines of the sidebar list."""
    return [m.value for m in at.sidebar.markdown if m.value.count(" · ") >= 2]


def test_first_run_ingests_and_lists_the_sample_reports_in_chinese(data_dir: Path) -> None:
    at = run_app()
    lines = sidebar_reports(at)
    assert len(lines) == 5, lines
    assert any(line.startswith("观湖街道 · 龙华区 · 2022年") for line in lines)
    assert "报告（5）" in [h.value for h in at.sidebar.subheader]
    assert at.title[0].value == "街道工作报告"
    assert any("离线模式" in m.value for m in at.sidebar.markdown)
    assert any(c.value.startswith("语义索引") for c in at.sidebar.caption)
    assert at.sidebar.radio(key="view_zh").options == ["问答", "指标", "报告", "摘要"]


def test_language_toggle_switches_the_whole_interface(data_dir: Path) -> None:
    # The toggle's state set before the run: AppTest keeps formatted widget values, which change with the language.
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.radio(key="lang").value == "en"
    assert "Reports (5)" in [h.value for h in at.sidebar.subheader]
    assert at.title[0].value == "Sub-district work reports"
    assert any("offline — extractive answers" in m.value for m in at.sidebar.markdown)
    assert any(line.startswith("Guanhu Subdistrict · ") for line in sidebar_reports(at))
    ask(at, RANKING_Q)
    assert any(c.value.startswith("Understood as") for c in at.main.caption)
    table = at.main.dataframe[0].value
    assert "place" in table.columns and "value" in table.columns
    assert any("ha" in v or "m²" in v for v in table["value"]), list(table["value"])


def test_ranking_question_answers_with_citations(data_dir: Path) -> None:
    at = ask(run_app(), RANKING_Q)
    answer = "\n".join(texts(at))
    assert "观湖街道" in answer and "75.7" in answer
    captions = [c.value for c in at.main.caption]
    assert any(c.startswith("理解为：") and "排名" in c for c in captions), captions
    assert not any("route:" in c or "mode:" in c for c in captions), "no developer caption"
    table = at.main.dataframe[0].value
    assert list(table.columns)[:3] == ["排名", "街道", "数值"]
    assert not any(str(v).startswith("达") for v in table["数值"])
    assert any("万平方米" in str(v) or "公顷" in str(v) for v in table["数值"])
    labels = [e.label for e in at.main.expander]
    assert labels and labels[0].startswith("[1] 观湖街道")
    assert any(":orange-background[**" in t and "75.7" in t for t in texts(at)), "quoted span highlighted"


def test_single_row_answer_has_no_rank(data_dir: Path) -> None:
    at = ask(run_app(), "观湖街道2022年规上工业总产值是多少？")
    assert not at.main.error
    for frame in at.main.dataframe:
        assert "排名" not in frame.value.columns
    captions = [c.value for c in at.main.caption]
    assert any(c.startswith("理解为：") and "观湖街道" in c for c in captions), captions


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
    understood = [c.value for c in at.main.caption if c.value.startswith("理解为：")]
    assert len(understood) == 2 and "固定资产投资" in understood[1], understood


def test_indicators_view_filters_exports_and_charts(data_dir: Path) -> None:
    at = run_app()
    at.sidebar.radio(key="view_zh").set_value("指标").run()
    assert not at.exception, [e.value for e in at.exception]
    table = at.main.dataframe[0].value
    assert {"街道", "期间", "指标", "数值", "原文"} <= set(table.columns)
    assert {"下载 CSV", "下载 JSON", "下载 Excel（XLSX）"} <= {b.proto.label for b in at.main.get("download_button")}
    charts = at.main.get("vega_lite_chart")
    assert len(charts) == 2, "comparison chart and time-series chart"
    spec = json.dumps(json.loads(charts[0].proto.spec), ensure_ascii=False)
    assert any(f"（{unit}）" in spec for unit in ("亿元", "万元", "万平方米", "公顷", "平方米")), spec[:300]
    pick = next(s for s in at.main.selectbox if s.key and s.key.startswith("ind_pick_"))
    assert pick.options
    place = next(p for p in at.selectbox(key="ind_street").options if p and p != "（全部）")
    at.selectbox(key="ind_street").set_value(place).run()
    assert not at.exception
    pick = next(s for s in at.main.selectbox if s.key and s.key.startswith("ind_pick_"))
    assert all(o.startswith(place) for o in pick.options), (place, pick.options[:3])
    assert set(at.main.dataframe[0].value["街道"]) == {place}


def test_reports_view_removes_and_reingests(data_dir: Path) -> None:
    at = run_app()
    at.sidebar.radio(key="view_zh").set_value("报告").run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.main.expander) == 5
    assert any("报告期" in str(t.value) for t in at.main.table)
    guanhu = next(m.report_id for m in Corpus(make_settings(data_dir)).reports() if m.street == "观湖街道")
    at.main.button(key=f"remove_{guanhu}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("已删除" in s.value for s in at.main.success)
    assert len(sidebar_reports(at)) == 4 and not any("观湖" in line for line in sidebar_reports(at))
    at.sidebar.radio(key="view_zh").set_value("指标").run()
    assert "观湖街道" not in set(at.main.dataframe[0].value["街道"])
    at.sidebar.radio(key="view_zh").set_value("报告").run()
    at.main.button(key=next(b.key for b in at.main.button if b.key and b.key.startswith("reingest_"))).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("已重新导入" in s.value for s in at.main.success), [s.value for s in at.main.success]
    assert len(sidebar_reports(at)) == 4


def test_reports_view_edits_metadata(data_dir: Path) -> None:
    at = run_app()
    at.sidebar.radio(key="view_zh").set_value("报告").run()
    rid = next(m.report_id for m in Corpus(make_settings(data_dir)).reports() if m.street == "布吉街道")
    at.text_input(key=f"meta_period_{rid}").set_value("2021")
    at.main.button[[b.key for b in at.main.button].index(next(
        b.key for b in at.main.button if b.key and rid in b.key and "FormSubmitter" in b.key))].click().run()
    assert not at.exception, [e.value for e in at.exception]
    meta = next(m for m in Corpus(make_settings(data_dir)).reports() if m.report_id == rid)
    assert meta.period_covered == "2021"
    assert any(line.startswith("布吉街道 · 龙岗区 · 2021年") for line in sidebar_reports(at))


@pytest.mark.slow
def test_indicator_and_summary_views_render(data_dir: Path) -> None:
    at = run_app()
    at.sidebar.radio(key="view_zh").set_value("指标").run()
    assert not at.exception, [e.value for e in at.exception]
    pick = next(s for s in at.main.selectbox if s.key and s.key.startswith("ind_pick_"))
    pick.set_value(1).run()
    assert not at.exception
    at.sidebar.radio(key="view_zh").set_value("摘要").run()
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
    at.sidebar.radio(key="view_zh").set_value("摘要").run()
    at.selectbox(key="summary_report").set_value(
        next(m for m in corpus.reports() if m.report_id == result.report_id)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [h.value for h in at.main.subheader] == ["中文", "English"]
    shown = "\n".join(texts(at))
    assert "35.2亿元" in shown and "CNY 3.52 billion" in shown
    assert SCRIPT not in shown and "<img" not in shown
    assert "Reported figure (" not in shown, "no clause fragment as a label"
    labels = {b.proto.label for b in at.main.get("download_button")}
    assert {"下载 Markdown", "下载 JSON"} <= labels


# ---- helpers ------------------------------------------------------------------------------------------
def test_handle_uploads_reports_each_file(tmp_path: Path) -> None:
    corpus = Corpus(make_settings(tmp_path / "data"))
    files = [FakeUpload("qingxi.txt", HOSTILE_REPORT.encode("utf-8")), FakeUpload("broken.pdf", b"not a pdf"),
             FakeUpload("empty.txt", b""), FakeUpload("tool.exe", b"MZ")]
    results = app.handle_uploads(corpus, files)
    assert [r.status for r in results] == ["added", "failed", "failed", "failed"]
    assert results[0].street == "青溪街道"
    assert [m.street for m in corpus.reports()] == ["青溪街道"]
    lines = [app.upload_feedback(r, f.name) for r, f in zip(results, files, strict=True)]
    assert lines[0] == ("success", "qingxi.txt: 已新增 · 青溪街道") or lines[0][1].startswith("qingxi.txt: 已新增 · 青溪街道")
    assert all(level == "error" and "失败" in line and "\n" not in line and "Traceback" not in line
               for level, line in lines[1:])
    assert all(len(line) > len("broken.pdf: 失败 — ") for _, line in lines[1:]), "the reason is given"
    assert corpus.store.embedding_progress()[0] == 0, "uploads leave embedding to the background job"
    again = app.handle_uploads(corpus, [FakeUpload("copy.txt", HOSTILE_REPORT.encode("utf-8"))])
    assert again[0].status == "duplicate"
    level, line = app.upload_feedback(again[0], "copy.txt")
    assert level == "warning" and "重复" in line


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
    assert app.mode_line(make_settings(tmp_path), "zh") == "离线模式：抽取式回答"


def _indicator(place: str, value: float, period: str = "2023", unit: str = "亿元", key: str = "gdp") -> Indicator:
    quote = f"完成{value:g}{unit}"
    return Indicator(report_id=f"r{place}", street=place, period=period, key=key, label_zh="地区生产总值",
                     label_en="GDP", value=value, unit=unit, normalized_value=value * (1e8 if unit == "亿元" else 1e4),
                     normalized_unit="CNY" if "元" in unit else "m2", kind="actual",
                     evidence=Evidence(chunk_id="c", start=0, end=len(quote), quote=quote))


def test_chart_rows_scale_label_and_keep_every_place() -> None:
    rows = [_indicator(f"测试{n}街道", 10 + n) for n in range(30)]
    bars, unit, dropped = app.chart_rows(rows, "gdp")
    assert unit == "亿元" and dropped == 0 and len(bars) == 30
    assert bars[0]["label"] == "测试29街道 · 2023年" and bars[0]["value"] == 39 and bars[0]["text"] == "39亿元"
    chart = app.bar_chart(bars, "地区生产总值（亿元）").to_dict()
    assert chart["height"] == app.BAR_PX * 30 + 40
    assert chart["layer"][0]["encoding"]["y"]["axis"]["labelLimit"] == 0
    small, unit, _ = app.chart_rows([_indicator("甲街道", 500, unit="万元")], "gdp")
    assert unit == "万元" and small[0]["text"] == "500万元"


def test_export_indicators_as_xlsx_csv_and_json() -> None:
    from openpyxl import load_workbook

    from rag.corpus import export_indicators

    rows = [_indicator("甲街道", 12.5), _indicator("乙街道", 3)]
    book = load_workbook(io.BytesIO(export_indicators(rows, "xlsx")))
    values = list(book.active.values)
    assert "street" in values[0] and len(values) == 3
    assert export_indicators(rows, "csv").startswith("\ufeff".encode()) and "甲街道" in export_indicators(
        rows, "csv").decode("utf-8-sig")
    assert '"乙街道"' in export_indicators(rows, "json").decode()
    with pytest.raises(ValueError):
        export_indicators(rows, "pdf")


def test_show_value_drops_the_qualifier_da() -> None:
    assert app.show_value(39.15, "亿元", "达") == "39.15亿元"
    assert app.show_value(26, "公顷", "近") == "近26公顷"
