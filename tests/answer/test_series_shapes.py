"""Corpus level: one town's two year-end reports, worded differently (invented reports, invented figures).

The 2022 report was written before the year's statistics were out: a note says its economic part gives
1-11月 figures, while the other parts speak of the whole year, and each year names its measures its own way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.config import Settings
from rag.corpus import Corpus

REPORTS = {
    "zk_2022.txt": "柘口镇2022年工作总结\n"
                   "年度统计尚未完成，第（一）部分经济指标除注明外均为1-11月数据。\n"
                   "一、2022年工作回顾\n"
                   "（一）经济指标稳步增长。全镇完成一般公共预算收入5210万元，同比增长5.4%。截至11月底规上工业企业达33家，"
                   "全年新增规上工业企业4家。\n"
                   "（二）农业生产平稳。粮食播种面积稳定在6.2万亩。\n"
                   "（三）集体经济持续壮大。全镇村级集体经济总收入达到612万元，其中40万元至80万元的村6个、"
                   "80万元以上的村2个。\n",
    "zk_2023.txt": "柘口镇2023年工作总结\n"
                   "一、2023年工作回顾\n"
                   "（一）经济运行稳中向好。全年完成一般公共预算收入5630万元，同比增长8.1%。规上工业企业达到36家，"
                   "新增规上工业企业6家。\n"
                   "（二）集体经济提质增效。18个行政村集体经济总收入703万元，村均39.1万元。\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    from tests.conftest import make_settings

    root = tmp_path_factory.mktemp("series")
    src = root / "reports"
    src.mkdir()
    for name, text in REPORTS.items():
        (src / name).write_text(text, encoding="utf-8")
    settings: Settings = make_settings(root / "data")
    c = Corpus(settings)
    results = c.ingest([Path(src)])
    assert all(r.ok for r in results), [r.message for r in results]
    return c


def head(text: str) -> str:
    return text.split("。")[0].split(". ")[0]


def test_a_part_outside_the_months_note_is_the_whole_year(corpus: Corpus) -> None:
    rows = {(x.label_zh, x.value): x.period for x in corpus.indicators() if x.street == "柘口镇"}
    assert rows[("一般公共预算收入", 5210.0)] == "2022M01-M11"
    assert rows[("村级集体经济总收入", 612.0)] == "2022"
    assert not any(v in (40.0, 80.0) for _, v in rows)  # the bounds of a band of villages are no figures


def test_a_two_year_change_across_two_wordings_of_the_measure(corpus: Corpus) -> None:
    a = corpus.ask("柘口镇村集体经济总收入2023年比2022年增加了多少？")
    assert "91万元" in head(a.text), a.text


def test_a_count_through_november_stands_for_its_year(corpus: Corpus) -> None:
    a = corpus.ask("柘口镇规上工业企业2023年比2022年多了几家？")
    assert "3家" in head(a.text) and "1-11月" in a.text, a.text
    # a flow through November is no year: its change is never computed against a full year
    b = corpus.ask("柘口镇一般公共预算收入2023年比2022年增加了多少？")
    assert "420万元" not in b.text, b.text


def test_an_english_count_added_is_the_additions_not_the_stock(corpus: Corpus) -> None:
    a = corpus.ask("How many more above-scale industrial enterprises did Zhekou town (柘口镇) add in 2023 than in 2022?")
    assert "2 (2家)" in head(a.text), a.text
