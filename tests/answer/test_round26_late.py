"""Corpus level, invented reports and figures: shapes an unseen set showed late this round.

- A newcomer's lead ('头一回读某街道的东西，') keeps its place; '摘掉贫困帽子' is 脱贫.
- English: 'what is the floor on the number of projects it must bring in' asks the plan's figure; 'how much does it
  still need in Q4 to reach its full-year task' is the task less what is done.
- A year's new ones asked over a running total of things counted ('累计认定家庭农场87家') is declined, never the total.
"""

from __future__ import annotations

from rag.corpus import Corpus
from tests.conftest import first_is, invented_corpus

REPORTS = {
    "ht_2023.txt": "荷塘街道2023年工作总结及2024年工作计划\n"
                   "一、2023年工作回顾\n"
                   "全年实现地区生产总值63.8亿元。已脱贫户87户213人全部稳定增收。累计认定家庭农场64家。\n"
                   "二、2024年工作计划\n"
                   "全年牵头引进落户项目不少于18个。\n",
    "lz_2025q3.txt": "蓼洲镇2025年前三季度工作总结\n"
                     "一、财政收入\n"
                     "全年一般公共预算收入任务2600万元，1-9月完成1985万元。\n",
}

corpus = invented_corpus("round26_late", REPORTS)


def test_newcomers_words_and_colloquial_names(corpus: Corpus) -> None:
    a = corpus.ask("头一回读荷塘街道的东西，想先问问：2023年经济总量GDP达到了几个亿？")
    assert first_is(a, 63.8e8, "CNY"), a.text
    b = corpus.ask("荷塘街道2023年，摘掉了贫困帽子的一共有几户？")
    assert first_is(b, 87, "count"), b.text


def test_english_floor_and_still_needed(corpus: Corpus) -> None:
    a = corpus.ask("Under its plan for 2024, Hetang (荷塘街道) must bring in projects (引进落户项目); what is the floor?")
    assert first_is(a, 18, "count") and a.route != "abstain", a.text
    b = corpus.ask("How much budget revenue does Liaozhou town (蓼洲镇) still need in the fourth quarter of 2025 to meet "
                   "its full-year task?")
    assert first_is(b, 615e4, "CNY"), b.text


def test_new_ones_over_a_running_total_are_declined(corpus: Corpus) -> None:
    a = corpus.ask("荷塘街道2023年新认定了几家家庭农场？")
    assert a.route == "abstain" and "64" in a.text, a.text
