"""Figures stated in tables: flattened PDF tables rewritten one row per line, and the figures of table rows.

Invented reports only: an HTML page with a table, a PDF-style text whose table comes one cell per line with a
page marker inside a record, and small texts with '|'-rows and tab-separated rows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag.corpus import Corpus
from rag.figures.tables import table_indicators
from rag.ingest.load import clean_text, load_file, raw_span, source_text, table_column
from rag.ingest.sections import parse_sections
from rag.schemas import Indicator, Report, Section
from rag.text.script import simplified
from tests.conftest import make_settings

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>云杉街道2023年工作总结</title></head><body>
<h1>云杉街道2023年工作总结</h1>
<p>一、2023年工作回顾</p>
<p>2023年，云杉街道坚持稳中求进，经济运行总体平稳，民生事业持续改善，主要指标完成情况见下表。</p>
<table>
<tr><th>指标</th><th>单位</th><th>2022年</th><th>2023年</th><th>年度目标</th><th>完成率</th><th>同比±%</th></tr>
<tr><td>一般公共预算收入</td><td>万元</td><td>8,350</td><td>8,912</td><td>9,000</td><td>99.0</td><td>6.7</td></tr>
<tr><td>其中：税收收入</td><td>万元</td><td>7,120</td><td>7,486</td><td>7,500</td><td>99.8</td><td>5.1</td></tr>
<tr><td>限上批零住餐销售额</td><td>亿元</td><td>12.4</td><td>11.8</td><td>13</td><td>90.8</td><td>-4.8</td></tr>
<tr><td>城镇登记失业率</td><td>%</td><td>2.1</td><td>1.9</td><td>3</td><td>—</td><td>-0.2</td></tr>
<tr><td>人均税收</td><td>万元/人</td><td>3.2</td><td>3.5</td><td>3.6</td><td>97.2</td><td>9.4</td></tr>
</table>
<p>二、2024年工作计划</p>
<p>2024年，街道将力争一般公共预算收入突破9500万元，持续优化营商环境。</p>
</body></html>
"""

PDF_TEXT = """松溪镇2024年1-10月工作总结

一、1-10月工作完成情况
今年以来，松溪镇把竹木加工和山地茶园作为两条主线，镇村干部分片包干推进。
表2　松溪镇2024年1-10月主要指标
项目
计量单位
上年同期
1-10月
增速
全年目标
占年度目标%
固定资产投资
亿元
6.20
6.85
10.5
8.0
85.6
工业用电量

— 2 —

万千瓦时
1,860
1,794
-3.5
2,300
78.0
规模以上工业企业研发
费用
万元
920
1,015
10.3
1,200
84.6
注：1-10月数据为快报数，以统计部门公布为准。

二、下一步工作计划
力争全年固定资产投资达到8亿元，工业用电量稳中有升。
"""

PDF_ROWS = [
    "| 项目 | 计量单位 | 上年同期 | 1-10月 | 增速 | 全年目标 | 占年度目标% |",
    "| 固定资产投资 | 亿元 | 6.20 | 6.85 | 10.5 | 8.0 | 85.6 |",
    "| 工业用电量 | 万千瓦时 | 1,860 | 1,794 | -3.5 | 2,300 | 78.0 |",
    "| 规模以上工业企业研发费用 | 万元 | 920 | 1,015 | 10.3 | 1,200 | 84.6 |",
]


def _facts(rows: list[Indicator]) -> set[tuple[str, str, str, float, str]]:
    return {(r.label_zh, r.kind, r.period, r.value, r.unit) for r in rows}


def _report(text: str, period: str | None = "2023", part: str = "review") -> list[Indicator]:
    """table_indicators over one invented section, the way tests/figures/test_extract.py builds its reports."""
    rep = Report(report_id="r", path="x", content_hash="h", street="榆口镇", period_covered=period,
                 plan_period="2024", text=text)
    sec = Section(report_id="r", index=0, level=0, heading="一、工作回顾", path=["一、工作回顾"], part=part,  # type: ignore[arg-type]
                  start=0, end=len(text))
    return table_indicators(rep, [sec], [])


def _grounded(rows: list[Indicator], text: str) -> None:
    for row in rows:
        Indicator.model_validate(row.model_dump(), context={"text": text})
        assert text[row.evidence.start : row.evidence.end] == row.evidence.quote


# ---------------------------------------------------------------- the loader: flattened tables


def test_flattened_table_becomes_one_line_per_row(tmp_path: Path) -> None:
    path = tmp_path / "songxi.txt"
    path.write_text(PDF_TEXT, encoding="utf-8")
    loaded = load_file(path)
    lines = loaded.text.split("\n")
    start = lines.index(PDF_ROWS[0])
    assert lines[start : start + 6] == [*PDF_ROWS, "", "注：1-10月数据为快报数，以统计部门公布为准。"]
    assert lines[start - 1].startswith("表2") and "— 2 —" not in loaded.text
    assert lines[:4] == PDF_TEXT.split("\n")[:4]  # the prose before the table is untouched
    assert loaded.text.endswith("二、下一步工作计划\n力争全年固定资产投资达到8亿元，工业用电量稳中有升。")


def test_every_cell_of_a_rewritten_row_maps_back_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "songxi.txt"
    path.write_text(PDF_TEXT, encoding="utf-8")
    loaded = load_file(path)
    raw = source_text(path)
    for line in PDF_ROWS:
        at = loaded.text.index(line)
        for m in re.finditer(r"[^|\s][^|]*[^|\s]|[^|\s]", line):
            span = raw_span(loaded.raw_map, at + m.start(), at + m.end())
            assert span is not None
            assert re.sub(r"\s+", "", raw[span[0] : span[1]]) == m.group(0).replace(" ", "")
        span = raw_span(loaded.raw_map, at, at + len(line))
        assert span is not None
        source = re.sub(r"\s+|— 2 —", "", raw[span[0] : span[1]])
        assert source == re.sub(r"[|\s]", "", line)  # the record on disk, split by a page marker or not


def test_flattened_table_stops_at_prose_and_plain_lists_stay() -> None:
    text = ("指标名称\n单位\n2022年\n2023年\n村集体经济收入\n万元\n410\n452\n"
            "全年共走访企业320家次，帮助解决用工、融资等问题58个，企业满意度持续提升。\n")
    cleaned, _ = clean_text(text)
    assert cleaned.split("\n") == ["| 指标名称 | 单位 | 2022年 | 2023年 |", "| 村集体经济收入 | 万元 | 410 | 452 |", "",
                                   "全年共走访企业320家次，帮助解决用工、融资等问题58个，企业满意度持续提升。"]
    assert clean_text(cleaned) == (cleaned, 0)
    plain = "主要做法\n项目\n资金\n2023年\n抓好三件事。"  # no unit column: not a table
    assert clean_text(plain)[0] == plain
    no_record = "指标\n单位\n2023年\n全年新增就业岗位1200个，城乡居民收入稳步增长，社会大局和谐稳定。"
    assert clean_text(no_record)[0] == no_record


def test_header_cells_are_told_apart() -> None:
    kinds = {cell: table_column(cell) for cell in (
        "指标名称", "项目", "计量单位", "2023年", "上年", "本年累计", "去年同期", "1-10月", "2024年1-10月", "本期",
        "增幅（%）", "增长%", "同比±%", "增速", "年度目标", "全年目标", "计划", "完成率", "完成进度", "占年度目标%",
        "序号", "备注", "一般公共预算收入", "6.7")}
    assert kinds == {
        "指标名称": "label", "项目": "label", "计量单位": "unit", "2023年": "period", "上年": "period",
        "本年累计": "period", "去年同期": "period", "1-10月": "period", "2024年1-10月": "period", "本期": "period",
        "增幅（%）": "growth", "增长%": "growth", "同比±%": "growth", "增速": "growth", "年度目标": "target",
        "全年目标": "target", "计划": "target", "完成率": "completion", "完成进度": "completion",
        "占年度目标%": "completion", "序号": "index", "备注": None, "一般公共预算收入": None, "6.7": None}


# ---------------------------------------------------------------- figures of ingested reports


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, dict[str, Report], dict[str, list[Section]]]:
    root = tmp_path_factory.mktemp("tables")
    (root / "yunshan.html").write_text(HTML, encoding="utf-8")
    (root / "songxi.txt").write_text(PDF_TEXT, encoding="utf-8")
    corpus = Corpus(make_settings(root / "data"))
    results = corpus.ingest([root / "yunshan.html", root / "songxi.txt"])
    assert all(r.ok for r in results), [r.message for r in results]
    reports: dict[str, Report] = {}
    sections: dict[str, list[Section]] = {}
    for meta in corpus.reports():
        name = Path(meta.path).stem
        text = corpus.report_text(meta.report_id)
        reports[name] = Report.model_validate({**meta.model_dump(), "text": text})
        sections[name] = parse_sections(meta.report_id, simplified(text))
    return corpus, reports, sections


def test_html_table_rows_give_levels_targets_completion_and_growth(
        ingested: tuple[Corpus, dict[str, Report], dict[str, list[Section]]]) -> None:
    _, reports, sections = ingested
    report = reports["yunshan"]
    rows = table_indicators(report, sections["yunshan"], [])
    _grounded(rows, report.text)
    assert _facts([r for r in rows if r.label_zh == "一般公共预算收入"]) == {
        ("一般公共预算收入", "actual", "2022", 8350, "万元"), ("一般公共预算收入", "actual", "2023", 8912, "万元"),
        ("一般公共预算收入", "target", "2023", 9000, "万元"), ("一般公共预算收入", "completion_rate", "2023", 99.0, "%"),
        ("一般公共预算收入", "yoy_growth", "2023", 6.7, "%")}
    assert {r.key for r in rows if r.label_zh == "一般公共预算收入"} == {"general_budget_revenue"}
    assert ("税收收入", "actual", "2023", 7486, "万元") in _facts(rows)  # '其中：' dropped, the words kept
    assert ("限上批零住餐销售额", "yoy_growth", "2023", -4.8, "%") in _facts(rows)
    rate = _facts([r for r in rows if r.label_zh == "城镇登记失业率"])
    assert rate == {("城镇登记失业率", "actual", "2022", 2.1, "%"), ("城镇登记失业率", "actual", "2023", 1.9, "%"),
                    ("城镇登记失业率", "target", "2023", 3, "%")}  # a rate's change is no growth in %; a dash no value
    assert not [r for r in rows if r.label_zh == "人均税收"]  # an unknown unit
    target = next(r for r in rows if r.kind == "target" and r.label_zh == "一般公共预算收入")
    assert target.evidence.quote.startswith("| 指标 | 单位 |") and target.evidence.quote.endswith("| 6.7 |")
    level = next(r for r in rows if r.kind == "actual" and r.period == "2023" and r.label_zh == "一般公共预算收入")
    assert level.evidence.quote == "| 一般公共预算收入 | 万元 | 8,350 | 8,912 | 9,000 | 99.0 | 6.7 |"
    assert all(r.part == "review" and r.street == report.street for r in rows)


def test_flattened_table_figures_read_the_report_period(
        ingested: tuple[Corpus, dict[str, Report], dict[str, list[Section]]]) -> None:
    _, reports, sections = ingested
    report = reports["songxi"]
    assert report.period_covered == "2024M01-M10"
    rows = table_indicators(report, sections["songxi"], [])
    _grounded(rows, report.text)
    assert _facts([r for r in rows if r.label_zh == "工业用电量"]) == {
        ("工业用电量", "actual", "2023M01-M10", 1860, "万千瓦时"), ("工业用电量", "actual", "2024M01-M10", 1794, "万千瓦时"),
        ("工业用电量", "yoy_growth", "2024M01-M10", -3.5, "%"), ("工业用电量", "target", "2024", 2300, "万千瓦时"),
        ("工业用电量", "completion_rate", "2024M01-M10", 78.0, "%")}
    assert ("规模以上工业企业研发费用", "actual", "2024M01-M10", 1015, "万元") in _facts(rows)  # a label on two lines
    assert {r.key for r in rows if r.label_zh == "固定资产投资"} == {"fixed_asset_investment"}
    # the note under the table says 快报 and 以统计部门公布为准: provisional, but no estimate wording before the rows
    assert all(r.provisional and not r.estimated and r.kind != "estimate" for r in rows)


def test_a_row_cited_from_the_store_maps_back_to_the_file(
        ingested: tuple[Corpus, dict[str, Report], dict[str, list[Section]]]) -> None:
    corpus, reports, _ = ingested
    report = reports["songxi"]
    start = report.text.index("| 工业用电量 |")
    shown = corpus.show(report.report_id, start, start + len(PDF_ROWS[2]), raw=True)
    assert re.sub(r"\s+|— 2 —", "", shown.text) == re.sub(r"[|\s]", "", PDF_ROWS[2])


# ---------------------------------------------------------------- table shapes, on small texts


def test_tab_separated_rows_with_relative_year_headers() -> None:
    text = "指标\t单位\t上年\t本年\t增长%\n新增市场主体\t户\t512\t560\t9.4\n村集体经济收入\t万元\t—\t86\t—\n"
    rows = _report(text)
    _grounded(rows, text)
    assert _facts(rows) == {("新增市场主体", "actual", "2022", 512, "户"), ("新增市场主体", "actual", "2023", 560, "户"),
                            ("新增市场主体", "yoy_growth", "2023", 9.4, "%"), ("村集体经济收入", "actual", "2023", 86, "万元")}
    assert {r.key for r in rows if r.label_zh == "新增市场主体"} == {"new_market_entities"}
    assert next(r for r in rows if r.value == 86).key == "village_collective_income"


def test_an_estimate_header_makes_estimates_and_a_note_after_the_table_does_not() -> None:
    text = "| 指标名称 | 单位 | 2022年 | 2023年（快报） | 增幅（%） |\n| 规上工业总产值 | 亿元 | 21.6 | 23.1 | 6.9 |\n"
    rows = _report(text)
    assert {(r.kind, r.period, r.estimated) for r in rows} == {
        ("actual", "2022", False), ("estimate", "2023", True), ("yoy_growth", "2023", True)}
    noted = "| 指标名称 | 单位 | 2022年 | 2023年 |\n| 规上工业总产值 | 亿元 | 21.6 | 23.1 |\n注：2023年为预计数。\n"
    assert {(r.kind, r.estimated) for r in _report(noted)} == {("actual", False)}


def test_plan_sections_unknown_rows_and_headerless_blocks_give_nothing() -> None:
    table = "| 指标 | 单位 | 2023年 | 2024年 |\n| 固定资产投资 | 亿元 | 5.1 | 5.6 |\n"
    assert _report(table, part="plan") == []
    assert _report("| 固定资产投资 | 亿元 | 5.1 | 5.6 |\n| 税收收入 | 亿元 | 1.2 | 1.3 |\n") == []  # no header row
    assert _report(table.replace("亿元", "亿元/年")) == []
    assert _report("| 指标 | 单位 | 2023年 | 2024年 |\n| 合计 | 亿元 | 5.1 |\n") == []  # a row missing a cell
