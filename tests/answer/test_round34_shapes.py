"""Corpus level, invented reports and figures: shapes last round's unseen sets, and this round's new ones, showed
Jiedao missing.

- Reading reports: a number and its unit apart ('收入 1,086 万元', '93.6 %'); a round mark passed before the figure
  itself ('总数突破一万个，达到10,520个'); a stock after additions of one generation ('新建第七代大棚…，大棚总数');
  '年末生猪存栏…，全年出栏…' (no 年末 on the flow); a completion rate after a 其中 list (the whole's).
- Questions: a ranking whose places word the measure differently ('新设市场主体' / '新登记市场主体') never takes
  another measure for one of them; 'renovated'; '据镇政府工作报告，…'; '在什么水平'; '相比2019年末，…多出多少';
  'N家…里，X类有多少'; '脐橙总面积'; '栏里还有多少生猪（存栏数）'; '比时序进度快了几个百分点'; '两项相加';
  a yes/no check after the sum; a fall of a half-year's count computed from its rate, in English too; 'age band 80';
  '冬季瓜菜里，豇豆种了多大面积'; 'N万亩茶园里，已经进入投产期的'; '已经挂果的苹果园'; '工作思路里…希望'; the sum's
  change between two years; '还得完成'; a number given in a sentence of its own before 'how many were added'; a
  heading before the place ('Road safety benchmarking, …:'); a generic word names no firm ranked; a claim quoted
  from a news item, checked.
"""

from __future__ import annotations

from rag.corpus import Corpus
from tests.conftest import first_is, invented_corpus

REPORTS = {
    "ly_2019.txt": "榴岩镇2019年工作总结\n"
                   "一、主要指标\n"
                   "1-11月，全镇完成公共财政预算收入 2,174 万元，其中税收收入 836 万元、非税收入 1,338 万元，完成全年任务的 91.4 %。"
                   "新建第六代日光温室大棚860个，全镇日光温室大棚总数达到7,340个。\n"
                   "年末生猪存栏2.47万头，全年出栏4.12万头。全镇雪梨种植面积1.84万亩，其中挂果面积1.21万亩。\n"
                   "全镇茶园面积3.6万亩，其中投产茶园2.9万亩。冬季瓜菜种植面积2.15万亩，其中辣椒0.63万亩、豇豆0.48万亩。\n"
                   "预计全年农村居民人均可支配收入17,260元，增长7.4%。全镇村集体经济收入合计538万元。\n"
                   "二、2020年工作思路\n"
                   "招商引资到位资金2.5亿元。\n",
    "ly_2020.txt": "榴岩镇2020年工作总结\n"
                   "一、主要指标\n"
                   "全镇招商引资到位资金2.76亿元。全镇日光温室大棚总数突破八千个，达到8,215个。\n"
                   "全镇村集体经济收入合计612万元。重点项目1-9月完成投资6.4亿元，超时序进度4.3个百分点。\n",
    "sw_2024.txt": "沙湾街道2024年工作总结\n"
                   "一、经济发展\n"
                   "全年新登记市场主体2,684户，其中企业836家。城镇新增就业2,910人。新入库“四上”企业14家（限上贸易6家、规上服务业5家、规上工业3家）。"
                   "完成老旧小区改造9个。\n",
    "qd_2023h1.txt": "青垛镇2023年上半年工作总结\n"
                     "一、经济运行\n"
                     "上半年新设市场主体1,140户。完成老旧小区改造5个。\n"
                     "二、平安建设\n"
                     "上半年接报火警64宗，同比下降20%。\n",
}


corpus = invented_corpus("round34", REPORTS)


def test_a_number_and_its_unit_apart_and_the_rate_after_a_list_of_parts(corpus: Corpus) -> None:
    a = corpus.ask("榴岩镇2019年1-11月公共财政预算收入是多少万元？")
    assert first_is(a, 2174e4, "CNY"), a.text
    b = corpus.ask("榴岩镇2019年1-11月公共财政预算收入完成全年任务的百分之几？")
    assert first_is(b, 91.4, "percent"), b.text


def test_a_round_mark_passed_then_the_figure_and_a_stock_after_one_generation(corpus: Corpus) -> None:
    a = corpus.ask("榴岩镇2020年末日光温室大棚总数是多少个？")
    assert first_is(a, 8215, "count"), a.text
    b = corpus.ask("相比2019年末，榴岩镇2020年末的日光温室大棚多出多少个？")
    assert first_is(b, 875, "count"), b.text


def test_herds_orchards_and_parts_of_a_crop(corpus: Corpus) -> None:
    a = corpus.ask("榴岩镇到2019年底栏里还有多少生猪（存栏数）？")
    assert first_is(a, 2.47e4, "count"), a.text
    b = corpus.ask("榴岩镇2019年生猪出栏多少头？")
    assert first_is(b, 4.12e4, "count"), b.text
    c = corpus.ask("榴岩镇2019年已经挂果的雪梨园有多少万亩？")
    assert first_is(c, 1.21e4 * 666.6667, "m2", rel=0.01), c.text
    d = corpus.ask("榴岩镇3.6万亩茶园里，已经进入投产期的是多少？")
    assert first_is(d, 2.9e4 * 666.6667, "m2", rel=0.01), d.text
    e = corpus.ask("榴岩镇2019年冬季瓜菜里，豇豆种了多大面积？")
    assert first_is(e, 0.48e4 * 666.6667, "m2", rel=0.01), e.text
    f = corpus.ask("榴岩镇雪梨总面积是多少万亩？")
    assert first_is(f, 1.84e4 * 666.6667, "m2", rel=0.01), f.text


def test_which_document_a_level_asked_and_schedule_gaps(corpus: Corpus) -> None:
    a = corpus.ask("据镇政府工作报告，榴岩镇农民2019年人均可支配收入大约在什么水平？")
    assert first_is(a, 17260, "CNY"), a.text
    b = corpus.ask("榴岩镇重点项目的投资进度比时序进度快了几个百分点？")
    assert first_is(b, 4.3, "percent"), b.text
    c = corpus.ask("在2019年底的工作思路里，榴岩镇希望2020年招商引资到位多少资金？")
    assert first_is(c, 2.5e8, "CNY"), c.text
    d = corpus.ask("榴岩镇村集体经济收入的合计数，2020年比2019年多了多少万元？")
    assert first_is(d, 74e4, "CNY"), d.text


def test_a_ranking_keeps_each_places_own_wording_of_the_measure(corpus: Corpus) -> None:
    a = corpus.ask("Which added more market entities, Qingduo town (青垛镇) or Shawan sub-district (沙湾街道)?")
    assert first_is(a, 2684, "count"), a.text
    assert "2910" not in a.text and "2,910" not in a.text, a.text
    b = corpus.ask("Which renovated more old residential compounds: Qingduo (青垛镇) in H1 2023 or Shawan (沙湾街道) in 2024?")
    assert first_is(b, 9, "count"), b.text


def test_parts_sums_and_a_fall_computed_from_its_rate(corpus: Corpus) -> None:
    a = corpus.ask("沙湾街道2024年14家新入库“四上”企业里，限上贸易类有多少家？")
    assert first_is(a, 6, "count"), a.text
    b = corpus.ask("沙湾街道2024年新入库“四上”企业，规上服务业和规上工业两项相加是多少家？与报告总数是否一致？")
    assert first_is(b, 8, "count"), b.text
    c = corpus.ask("How many fewer fire calls did Qingduo (青垛镇) get in H1 2023 than in the same period last year?")
    assert first_is(c, 16, "count"), c.text
    d = corpus.ask("青垛镇2023年上半年火警比上年同期少了多少宗？")
    assert first_is(d, -16, "count"), d.text  # (减少: a fall, signed)


def test_a_claim_quoted_from_a_news_item_is_checked(corpus: Corpus) -> None:
    a = corpus.ask("区里一篇通稿写沙湾街道2024年“新登记市场主体约2800户”。核一下报告的数。")
    assert first_is(a, 2684, "count"), a.text
    b = corpus.ask("A wire piece says Shawan (沙湾街道) registered 'about 2,800 new market entities' in 2024. "
                   "How many does the report give?")
    assert first_is(b, 2684, "count"), b.text
