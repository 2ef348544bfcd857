"""Citations are checkable on disk (issue 16): path set, raw span = quote modulo whitespace and glosses.

Invented pages only: an HTML page with navigation and NBSP, a Traditional text with inline pinyin glosses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.corpus import Corpus
from rag.ingest.load import source_text
from rag.text.script import strip_glosses
from tests.conftest import make_settings

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>柳湾街道2023年工作总结_某区政府网</title></head>
<body><div class="nav">首页 &gt; 信息公开 &gt; 计划总结</div>
<div class="meta">发布时间：2024-01-08&nbsp;&nbsp;信息来源：柳湾街道办事处&nbsp;浏览次数：12</div>
<div class="content">
<h1>柳湾街道2023年工作总结</h1>
<p>一、2023年工作总结</p>
<p>2023年，柳湾街道实现一般公共预算收入&nbsp;3.6亿元，同比增长&nbsp;4.2%。全年完成固定资产投资&nbsp;21.5亿元，同比增长7.3%。</p>
<p>规上工业总产值达到&nbsp;58.4亿元，新增规上工业企业&nbsp;12家。辖区&nbsp;&nbsp;新建口袋公园6个，改造老旧小区14个，惠及居民3100余户。</p>
<p>二、2024年工作计划</p>
<p>力争一般公共预算收入达到3.9亿元，固定资产投资增长8%。</p>
</div>
<div class="footer">版权所有 © 某区人民政府 粤ICP备00000000号 <a>打印</a> <a>关闭</a></div>
</body></html>
"""

TRAD = (
    "索 引 號：0012/2024-7\n"
    "發布機構：桂塘鎮人民政府\n"
    "桂塘鎮(zhèn)2023年工作總結\n"
    "一、2023年工作總結\n"
    "2023年，桂塘鎮(zhèn)實現(xiàn)一般公共預(yù)算收入2.8億(yì)元，同比增長(zhǎng)6.1%。"
    "預(yù)計全年完成固定資產(chǎn)投資9600萬(wàn)元。全鎮(zhèn)規上工業(yè)總產值15.2億元。\n"
    "二、2024年工作計劃\n"
    "力爭一般公共預算收入達到3億元。\n"
)

QUESTIONS = [
    "柳湾街道一般公共预算收入是多少?",
    "柳湾街道新建了多少口袋公园?",
    "桂塘镇一般公共预算收入是多少?",
    "桂塘鎮固定資產投資是多少?",
    "哪个街道一般公共预算收入最多?",
    "柳湾街道改造老旧小区情况",
]


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", strip_glosses(s))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path]:
    root = tmp_path_factory.mktemp("cite")
    (root / "liuwan.html").write_text(HTML, encoding="utf-8")
    (root / "guitang.txt").write_text(TRAD, encoding="utf-8")
    c = Corpus(make_settings(root / "data"))
    results = c.ingest([root / "liuwan.html", root / "guitang.txt"])
    assert all(r.ok for r in results), [r.message for r in results]
    return c, root


def test_every_citation_of_an_ask_matches_the_raw_text(corpus: tuple[Corpus, Path]) -> None:
    c, _ = corpus
    seen = 0
    for question in QUESTIONS:
        answer = c.ask(question)
        for cit in answer.citations:
            assert cit.path is not None and Path(cit.path).exists(), cit
            assert cit.raw_start is not None and cit.raw_end is not None, cit
            raw = source_text(Path(cit.path))
            assert _norm(raw[cit.raw_start : cit.raw_end]) == _norm(cit.quote), (question, cit)
            assert c.report_text(cit.report_id)[cit.start : cit.end] == cit.quote
            seen += 1
    assert seen >= 4


def test_traditional_report_quotes_are_verbatim_and_parsed(corpus: tuple[Corpus, Path]) -> None:
    c, _ = corpus
    rows = [r for r in c.indicators() if r.street == "桂塘镇"]
    assert rows
    text = c.report_text(rows[0].report_id)
    assert "(zhèn)" not in text and "億元" in text
    for row in rows:
        assert text[row.evidence.start : row.evidence.end] == row.evidence.quote
    assert any(r.normalized_value == 280_000_000 and r.normalized_unit == "CNY" for r in rows)


def test_txt_raw_text_is_the_decoded_file(corpus: tuple[Corpus, Path]) -> None:
    _, root = corpus
    assert source_text(root / "guitang.txt") == TRAD


def test_show_cli_prints_the_span(corpus: tuple[Corpus, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    c, root = corpus
    answer = c.ask("柳湾街道一般公共预算收入是多少?")
    cit = answer.citations[0]
    runner = CliRunner()
    data_dir = str(root / "data")
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    res = runner.invoke(app, ["show", cit.report_id, "--span", f"{cit.start}:{cit.end}", "--data-dir", data_dir])
    assert res.exit_code == 0, res.output
    assert cit.quote in res.output
    res = runner.invoke(app, ["show", cit.report_id, "--span", f"{cit.start}:{cit.end}", "--raw", "--json",
                              "--data-dir", data_dir])
    assert res.exit_code == 0, res.output
    shown = json.loads(res.output)
    assert (shown["start"], shown["end"]) == (cit.raw_start, cit.raw_end)
    assert _norm(shown["text"]) == _norm(cit.quote)
    bad = runner.invoke(app, ["show", cit.report_id, "--span", "5:2", "--data-dir", data_dir])
    assert bad.exit_code == 2


def test_summary_citations_are_checkable(corpus: tuple[Corpus, Path]) -> None:
    c, _ = corpus
    for meta in c.reports():
        summary = c.summarize(meta.report_id)
        cites = [k.citation for k in summary.key_figures] + [x for s in [*summary.review, *summary.plan]
                                                             for x in s.citations]
        assert cites
        raw = source_text(Path(meta.path))
        for cit in cites:
            assert cit.path == meta.path and cit.raw_start is not None and cit.raw_end is not None
            assert _norm(raw[cit.raw_start : cit.raw_end]) == _norm(cit.quote), cit
