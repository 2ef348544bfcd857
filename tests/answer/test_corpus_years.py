"""Corpus level: one place's two years beside another place (invented reports, invented figures)."""

from __future__ import annotations

from rag.corpus import Corpus
from tests.conftest import invented_corpus

REPORTS = {
    "qs_2022.txt": "青石街道2022年工作总结和2023年工作思路\n\n一、2022年工作总结\n"
                   "2022年，青石街道扎实推进各项工作。全年实现财政总收入10.2亿元，同比增长6.1%。"
                   "完成固定资产投资21.5亿元。新登记企业310家。\n\n二、2023年工作思路\n"
                   "力争财政总收入达到11亿元。\n",
    "qs_2023.txt": "青石街道2023年工作总结和2024年工作思路\n\n一、2023年工作总结\n"
                   "2023年，青石街道扎实推进各项工作。全年实现财政总收入12.4亿元，同比增长21.6%。"
                   "完成固定资产投资24.8亿元。新登记企业365家。\n\n二、2024年工作思路\n"
                   "力争财政总收入达到13.5亿元。\n",
    "yl_2023.txt": "云岭街道2023年工作总结和2024年工作思路\n\n一、2023年工作总结\n"
                   "2023年，云岭街道稳步推进各项工作。全年实现财政总收入9.6亿元，同比增长3.2%。"
                   "完成固定资产投资30.3亿元。新登记企业402家。\n\n二、2024年工作思路\n"
                   "力争财政总收入达到10亿元。\n",
}


corpus = invented_corpus("years", REPORTS)


def head(text: str) -> str:
    return text.split("。")[0]


def test_per_year_lookups(corpus: Corpus) -> None:
    assert "12.4亿元" in head(corpus.ask("青石街道2023年财政总收入是多少？").text)
    assert "10.2亿元" in head(corpus.ask("青石街道2022年财政总收入是多少？").text)
    latest = corpus.ask("青石街道财政总收入是多少？")
    assert "12.4亿元" in head(latest.text) and "2023" in head(latest.text)


def test_ranking_one_row_per_place(corpus: Corpus) -> None:
    a = corpus.ask("哪个街道的固定资产投资最多？")
    ranked = [t.street for t in a.table or [] if t.rank]
    assert ranked == ["云岭街道", "青石街道"]
    assert "30.3亿元" in head(a.text)
    b = corpus.ask("2022年哪个街道的固定资产投资最多？")
    assert [t.street for t in b.table or [] if t.rank] == ["青石街道"]


def test_trend_and_two_years(corpus: Corpus) -> None:
    a = corpus.ask("青石街道近两年新登记企业的变化")
    assert a.text.index("310家") < a.text.index("365家") and "55家" in a.text and "计算值" in a.text
    b = corpus.ask("从2022年到2023年青石街道财政总收入有什么变化？")
    assert "10.2亿元" in b.text and "12.4亿元" in b.text and "2.2亿元" in b.text


def test_scope_guard(corpus: Corpus) -> None:
    a = corpus.ask("白沙镇2023年财政总收入是多少？")
    assert a.route == "abstain" and "青石街道" in a.text and "12.4" not in a.text and "9.6" not in a.text
    b = corpus.ask("云岭镇2023年财政总收入是多少？")
    assert b.route == "abstain" and "9.6" not in b.text
