"""Corpus level, invented reports and figures: shapes last round's unseen sets, and this round's new ones, showed
Jiedao missing.

- Reading reports: '估计到年底' and '年内' name the whole year in a report whose paragraph opens with 1-11月; a
  zone's share of a crop beside the town's own area; '片区全年客流' (the zone's 客流); '蒜薹、蒜头总产分别…'; a
  stock left ('截至年底仍有…'); an age band written '60至79岁'.
- Questions: additions before the stock asked ('新增企业后，…总共几家'); a total over a per-village average; two
  reports named for two years; a part of what flowed in ('…中，省外部分到位多少'); 'how much of the quota …
  fulfil, in percent'; a claim after the ask ('报告说…'); X这一项 naming the measure; a sum two Chinese glosses
  name; households benefited compared across places; 播了多少万亩; 占年度任务多少百分比; 'storage capacity';
  a stock left asked with 还剩; the total asked beside a part of it.
"""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import first_is, invented_corpus, states

REPORTS = {
    "yl_2019.txt": "榆岭镇2019年工作总结\n"
                   "一、经济运行\n"
                   "1-11月，全镇完成财政收入1680万元，同比增长8.1%。年内新增规上工业企业3家，全镇规上工业企业达到14家。"
                   "截至10月底，完成全口径税收收入2210万元。估计到年底，全口径税收收入可达2600万元，能够完成全年任务。\n"
                   "二、农业农村\n"
                   "全镇粮食播种面积8.2万亩，大春、小春分别为5.1万亩和3.1万亩；大豆、玉米分别为2.4万亩和2.8万亩。"
                   "打造“豆乡湾”产业片区，片区内大豆种植面积0.9万亩，片区全年客流26万人次。"
                   "蒜薹、蒜头总产分别达到0.6万吨和2.3万吨。新建冷库4座、新增库容1.1万吨。"
                   "全年实现脱贫58户171人，截至年底仍有建档立卡贫困户37户。\n"
                   "三、民生保障\n"
                   "完成老旧小区改造6个，惠及1,860户。8个行政村集体经济收入全部超过10万元，总额达到132.5万元。\n",
    "yl_2020.txt": "榆岭镇2021年镇人代会政府工作报告\n"
                   "一、2020年工作回顾\n"
                   "据初步统计，全镇行政村集体经济收入总额158.3万元，村均集体经济收入19.8万元。\n",
    "th_2023.txt": "桃汇街道2023年工作总结\n"
                   "一、主要指标\n"
                   "全年完成税收收入4.2亿元，完成区下达任务的104.5%，其中区级税收1.9亿元，完成区下达任务的101.2%。"
                   "招商引资到位资金12.6亿元，其中省外到位资金5.3亿元。"
                   "安全事故宗数、死亡人数同比下降25%、40%。全年土地移交入库41.6万平方米。\n"
                   "二、社会治理\n"
                   "全年组织志愿巡逻1.2万人次、入户走访0.8万人次。完成老旧小区改造9个，惠及1,240户。"
                   "60至79岁人群全程接种8120人次、接种率98.2%。全街道茶园面积1.6万亩，其中投产茶园面积1.1万亩。\n",
    "qs_2024h1.txt": "青石镇2024年上半年工作总结\n"
                     "一、经济运行\n"
                     "1-5月完成固定资产投资3.3亿元，完成年度任务6亿元的55%。\n",
}


corpus = invented_corpus("round32", REPORTS)


def test_the_whole_year_said_inside_a_paragraph_opened_by_months(corpus: Corpus) -> None:
    a = corpus.ask("榆岭镇对2019年全年全口径税收收入估计能到多少？")
    assert first_is(a, 2600e4, "CNY"), a.text  # '估计到年底…可达': the year's, not the months' before it
    b = corpus.ask("2019年新进规上的企业加进来以后，榆岭镇规上工业企业合计有几家？")
    assert first_is(b, 14, "count") and not states(b, 3, "count"), b.text
    c = corpus.ask("一直等到2019年底，榆岭镇的财政收入实际到手多少？")
    assert not headline_figures(c), c.text  # only 1-11月 is stated


def test_a_zones_share_and_its_own_figure(corpus: Corpus) -> None:
    a = corpus.ask("2019年在榆岭镇全镇范围，大豆种了几万亩？")
    assert first_is(a, 2.4e4 * 666.6667, "m2", rel=1e-3), a.text  # not the zone's 0.9万亩
    b = corpus.ask("“豆乡湾”产业片区2019年来了多少客流？")
    assert first_is(b, 26e4, "count"), b.text


def test_crops_and_stores_asked_in_chinese_and_english(corpus: Corpus) -> None:
    a = corpus.ask("大蒜是榆岭镇的主业，蒜头那年的总产合计多少吨？")
    assert first_is(a, 2.3e4, "t"), a.text
    b = corpus.ask("小春作物，榆岭镇2019年一共播了几万亩？")
    assert first_is(b, 3.1e4 * 666.6667, "m2", rel=1e-3), b.text
    c = corpus.ask("What storage capacity, in tonnes, did the cold stores Yuling town (榆岭镇) built add in 2019?")
    assert first_is(c, 1.1e4, "t"), c.text
    d = corpus.ask("到了2019年末，榆岭镇还剩几户建档立卡贫困户？")
    assert first_is(d, 37, "count") and not states(d, 58, "count"), d.text  # '截至年底仍有…': the stock left


def test_a_total_over_an_average_and_two_reports_named(corpus: Corpus) -> None:
    a = corpus.ask("2019年，榆岭镇全部8个行政村的集体经济收入总计多少？")
    assert first_is(a, 132.5e4, "CNY"), a.text
    b = corpus.ask("看榆岭镇两份材料：从2019年的工作总结到2020年的政府工作报告，村集体经济收入总额涨了几万元？")
    assert first_is(b, 25.8e4, "CNY", rel=1e-3), b.text


def test_a_part_of_what_flowed_in_and_a_quota_fulfilled(corpus: Corpus) -> None:
    a = corpus.ask("桃汇街道2023年到位的招商资金中，省外部分到位多少亿元？")
    assert first_is(a, 5.3e8, "CNY"), a.text
    b = corpus.ask("In 2023, how much of the district's quota for district-level tax (区级税收) did Taohui (桃汇街道) "
                   "fulfil, in percent?")
    assert first_is(b, 101.2, "percent"), b.text
    c = corpus.ask("青石镇的固投，头五个月做下来占年度任务多少百分比？")
    assert first_is(c, 55, "percent"), c.text


def test_a_claim_after_the_ask_and_a_measure_named_before_这一项(corpus: Corpus) -> None:
    a = corpus.ask("桃汇街道2023年一共移交入库多少土地？材料里说这占到全区约三成。")
    assert first_is(a, 41.6e4, "m2"), a.text  # the amount, never a share
    b = corpus.ask("桃汇街道的安全形势2023年两头都在好转。只说安全事故宗数这一项，降幅是多少？")
    assert first_is(b, -25, "percent") and not states(b, -40, "percent"), b.text


def test_a_sum_of_two_glossed_items_and_households_compared(corpus: Corpus) -> None:
    a = corpus.ask("Taohui's (桃汇街道) 2023 report has two person-time counts, volunteer patrols (志愿巡逻) and home "
                   "visits (入户走访). What do they add up to?")
    assert first_is(a, 2.0e4, "count"), a.text
    b = corpus.ask("老旧小区改造惠及的户数，榆岭镇2019年和桃汇街道2023年比，哪边多？")
    assert first_is(b, 1860, "count") and not states(b, 6, "count"), b.text


def test_an_age_band_and_the_total_beside_its_part(corpus: Corpus) -> None:
    a = corpus.ask("桃汇街道2023年60到79岁老人全程接种率是多少？")
    assert first_is(a, 98.2, "percent"), a.text
    b = corpus.ask("Taohui (桃汇街道), 2023: how large was its whole tea-garden area?")
    assert first_is(b, 1.6e4 * 666.6667, "m2", rel=1e-3), b.text

