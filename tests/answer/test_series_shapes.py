"""Corpus level: one town's two year-end reports, worded differently (invented reports, invented figures).

The 2022 report was written before the year's statistics were out: a note says its economic part gives
1-11月 figures, while the other parts speak of the whole year, and each year names its measures its own way.
"""

from __future__ import annotations

from rag.corpus import Corpus
from tests.conftest import invented_corpus

REPORTS = {
    "zk_2022.txt": "柘口镇2022年工作总结\n"
                   "说明：本文第（一）部分所列经济指标，未特别注明的为1-11月数据。\n"
                   "一、2022年工作回顾\n"
                   "（一）经济指标稳步增长。全镇完成一般公共预算收入5210万元，同比增长5.4%。截至11月底规上工业企业达33家，"
                   "全年新增规上工业企业4家。\n"
                   "（二）农业生产平稳。粮食播种面积稳定在6.2万亩。\n"
                   "（三）集体经济持续壮大。全镇村级集体经济总收入612万元，从分布看，40万元至80万元的村6个、"
                   "80万元以上的村2个。\n",
    "zk_2023.txt": "柘口镇2023年工作总结\n"
                   "一、2023年工作回顾\n"
                   "（一）经济运行稳中向好。全年完成一般公共预算收入5630万元，同比增长8.1%。规上工业企业达到36家，"
                   "新增规上工业企业6家。\n"
                   "（二）集体经济提质增效。全镇18个行政村共实现集体经济总收入703万元，村均39.1万元。\n"
                   "（三）项目建设提速。全年引进项目15个、实现落地产值12.6亿元，分别为镇下达年度任务的1.5倍和1.2倍。"
                   "总投资2.4亿元的镇文体中心形象进度超60%。\n"
                   "（四）民生保障有力。全年发放困难群众救助资金218万元，惠及群众1960人次。巩固脱贫成果，纳入监测帮扶36户108人。"
                   "全年新增市场主体640户，其中企业185户。今年投用学校3所，提供学位1680座，其中小学2所、"
                   "提供学位1260座，幼儿园1所、提供学位420座。全年共发生生产安全事故6起，起数同比下降25%，死亡人数同比下降50%。"
                   "举办文明实践活动48场，累计1920余人次参加。\n",
    "fa_2024q3.txt": "枫岙镇2024年前三季度工作总结及第四季度工作打算\n"
                     "一、前三季度工作总结\n"
                     "前三季度，全镇一般公共预算收入累计完成1860万元，完成全年任务2400万元的77.5%。\n"
                     "二、第四季度工作打算\n"
                     "四季度紧盯年度目标，一般公共预算收入确保完成2400万元任务，全年预计可达2460万元。\n",
}


corpus = invented_corpus("series", REPORTS)


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


def test_an_average_per_item_is_computed_from_the_total_and_the_count(corpus: Corpus) -> None:
    a = corpus.ask("柘口镇2023年引进的项目，平均每个项目的落地产值大约是多少亿元？")
    assert "0.84亿元" in head(a.text) and "计算值" in a.text, a.text
    b = corpus.ask("What was the average output value per project brought in by Zhekou (柘口镇) in 2023?")
    assert "0.84亿元" in head(b.text), b.text
    c = corpus.ask("柘口镇2023年平均每个社区配备了多少名网格员？")  # no total, no count: never the total of something
    assert c.route == "abstain" and not any(ch.isdigit() for ch in head(c.text).replace("2023", "")), c.text


def test_a_figure_the_question_quotes_is_not_its_answer(corpus: Corpus) -> None:
    a = corpus.ask("总投资2.4亿元的镇文体中心，2023年形象进度达到多少？")
    assert "60%" in head(a.text) and "2.4亿元" not in head(a.text), a.text


def test_the_thing_counted_decides_the_unit(corpus: Corpus) -> None:
    assert "1960人次" in head(corpus.ask("柘口镇2023年发放救助资金惠及多少人次？").text)  # not the money
    assert "108人" in head(corpus.ask("柘口镇2023年有多少群众纳入监测帮扶？").text)  # people, not households
    assert "36户" in head(corpus.ask("柘口镇2023年纳入监测帮扶多少户？").text)


def test_a_part_asked_within_a_whole(corpus: Corpus) -> None:
    assert "185户" in head(corpus.ask("柘口镇2023年新增的市场主体中企业有多少户？").text)
    other = corpus.ask("柘口镇2023年新增的市场主体中个体工商户有多少户？")  # no part stated: never the whole
    assert other.route == "abstain" and "640" not in other.text, other.text


def test_a_change_on_the_year_before_reads_both_reports(corpus: Corpus) -> None:
    a = corpus.ask("柘口镇村集体经济总收入2023年比上年增加了多少万元？")
    assert "91万元" in head(a.text), a.text


def test_a_part_named_by_its_item_is_not_the_whole(corpus: Corpus) -> None:
    assert "420座" in head(corpus.ask("柘口镇2023年投用的幼儿园提供了多少座学位？").text)
    assert "1260座" in head(corpus.ask("柘口镇2023年投用的小学提供了多少座学位？").text)
    assert "1680座" in head(corpus.ask("柘口镇2023年提供了多少座学位？").text)


def test_times_the_task_and_the_measure_a_phrase_ends_with(corpus: Corpus) -> None:
    assert "1.2倍" in head(corpus.ask("柘口镇2023年引进项目的落地产值是镇下达年度任务的几倍？").text)
    assert "1.5倍" in head(corpus.ask("柘口镇2023年引进项目数量是镇下达年度任务的几倍？").text)
    a = corpus.ask("By what percentage did deaths from work-safety accidents (安全生产事故) fall in Zhekou (柘口镇) in 2023?")
    assert "25%" not in head(a.text), a.text  # the accidents' fall is not the deaths'


def test_people_per_event_are_averaged_from_one_sentence(corpus: Corpus) -> None:
    a = corpus.ask("柘口镇2023年举办的文明实践活动，平均每场大约有多少人次参加？")
    assert "40人次" in head(a.text) and "计算值" in a.text, a.text


def test_parts_excluded_rates_to_compute_from_and_changes_on_the_year_before(corpus: Corpus) -> None:
    assert "1所" in head(corpus.ask("柘口镇2023年投用的学校里，幼儿园有几所？").text)
    a = corpus.ask("柘口镇2023年新增市场主体中，除企业外其他市场主体有多少户？")
    assert "185" not in head(a.text), a.text  # the part left out is never the answer
    b = corpus.ask("柘口镇村集体经济总收入比上一年增加了多少？")  # no year named: the last two years
    assert "91万元" in head(b.text), b.text
    c = corpus.ask("On average, how many households does each village (村) in Zhekou (柘口镇) hold?")
    assert c.route == "abstain", c.text  # no average stated or computable: never a total


def test_a_fourth_quarter_plan_holds_the_years_task_and_estimate(corpus: Corpus) -> None:
    assert "2400万元" in head(corpus.ask("枫岙镇2024年一般公共预算收入的全年任务是多少？").text)
    a = corpus.ask("枫岙镇预计2024年全年一般公共预算收入能达到多少？")
    assert "2460万元" in head(a.text) and "预计" in head(a.text), a.text
