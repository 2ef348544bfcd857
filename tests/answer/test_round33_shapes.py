"""Corpus level, invented reports and figures: shapes last round's unseen sets, and this round's new ones, showed
Jiedao missing.

- Reading reports: '…立项N台，年内完工M台' (the lifts were completed); '新增合作社N家，全镇合作社总数达到M家' (the
  stock, named in full); '其中疆内转移…、疆外转移…' (each a part of the whole before); '其中街道级税收…';
  '大豆面积比上年增加…' (a change, not a level); 件次.
- Questions: the year a report was delivered ('its 2023 government work report', '2023年1月作报告时') apart from the
  year asked; a plan set at year-end for the next year ('给下一年定下…要冲到'); '新培育入库“四上”单位'; an epithet
  before the place ('水暖重镇某某'); 'after the additions … altogether' (the stock); 'the likely full-year total'
  after a sentence on actual revenue; 'what did it project … to be'; 'after Q3'; a crop the dictionary glosses
  'X fruit'; 'paid-in investment' short of its aim; two years of a level when a change was stated for one; a
  colon's lead that only says why (and one naming a place the corpus lacks); 'how many of the X were Y'; '其中X这一级';
  a quoted name with the measure word asked; an English gloss alone when the words find nothing; '就是…' restating.
"""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import first_is, invented_corpus, states

REPORTS = {
    "hl_2021.txt": "禾岚镇2021年工作总结\n"
                   "（2021年12月6日）\n"
                   "一、主要指标\n"
                   "1-10月，全镇完成一般公共预算收入1,306万元，同比增长6.1%；预计全年可完成1,572万元。"
                   "招商引资到位资金2.84亿元。\n"
                   "二、农业农村\n"
                   "年内新增农民专业合作社6家，全镇合作社总数达到83家。大豆播种面积26.2万亩，大豆面积比上年增加2.7万亩。\n"
                   "三、民生保障\n"
                   "既有住宅加装电梯立项36台，年内完工15台。全年转移富余劳动力5,120人次，其中区内转移4,360人次、区外转移760人次。\n"
                   "四、2022年工作计划\n"
                   "规上工业开票销售突破46亿元；招商引资到位资金3.2亿元。\n",
    "hl_2023zfbg.txt": "禾岚镇2023年镇人代会政府工作报告\n"
                       "一、2022年工作回顾\n"
                       "据初步统计，全年完成一般公共预算收入1,688万元，招商引资到位资金3.05亿元。"
                       "大豆播种面积27.4万亩。\n",
    "qx_2024.txt": "青溪街道2024年工作总结\n"
                   "一、经济发展\n"
                   "全年完成税收收入5.36亿元，同比增长2.8%，其中街道级税收1.42亿元。新增“四上”企业17家。"
                   "完成工业投资4.3亿元。全年新登记市场主体1,860户，其中企业512户。\n"
                   "二、城市治理\n"
                   "精细划分21个街区、143个网格、410个楼栋格。完成11个城中村、406栋房屋“瓶改管”。"
                   "排查治理9个“锐角相交”隐患路口。引进托育机构2家，新增托位96座。\n"
                   "二、2025年工作计划\n"
                   "新增“四上”企业21家。\n",
    "lp_2023q3.txt": "澧浦镇2023年前三季度工作总结\n"
                     "一、经济运行\n"
                     "1-9月，全镇实现规上工业产值132.6亿元，完成年度目标的71.8%。全镇龙眼种植面积1.06万亩，预计今年产量0.81万吨。\n",
}


corpus = invented_corpus("round33", REPORTS)


def test_the_year_a_report_was_delivered_is_not_the_year_asked(corpus: Corpus) -> None:
    a = corpus.ask("Per its 2023 government work report, how much general public budget revenue did Helan (禾岚镇) "
                   "collect in 2022?")
    assert first_is(a, 1688e4, "CNY"), a.text
    b = corpus.ask("禾岚镇镇长2023年1月作报告时，给出的上一年一般公共预算收入（初步统计）是多少万元？")
    assert first_is(b, 1688e4, "CNY"), b.text
    c = corpus.ask("2021年底禾岚镇给下一年定下规上开票销售要冲到多少亿？")
    assert first_is(c, 46e8, "CNY"), c.text


def test_what_a_clause_of_bare_verbs_counts_and_a_stock_named_in_full(corpus: Corpus) -> None:
    a = corpus.ask("禾岚镇2021年加装电梯实际完工几台？")
    assert first_is(a, 15, "count"), a.text
    b = corpus.ask("After the 2021 additions, how many farmers' cooperatives (农民专业合作社) were there in Helan town "
                   "(禾岚镇) altogether?")
    assert first_is(b, 83, "count") and not states(b, 6, "count"), b.text
    c = corpus.ask("2021年禾岚镇转移到区外就业的富余劳动力有多少人次？")
    assert first_is(c, 760, "count"), c.text


def test_a_part_is_no_rival_of_its_whole_and_a_plan_in_new_words(corpus: Corpus) -> None:
    a = corpus.ask("青溪街道2024年一整年收了多少税？")
    assert first_is(a, 5.36e8, "CNY"), a.text
    b = corpus.ask("按2025年工作计划，青溪街道打算新培育入库几家“四上”单位？")
    assert first_is(b, 21, "count"), b.text


def test_an_epithet_a_quarter_report_and_a_crop_glossed_as_its_fruit(corpus: Corpus) -> None:
    a = corpus.ask("水暖重镇澧浦截至2023年9月，规模以上工业累计产值有多大？")
    assert first_is(a, 132.6e8, "CNY"), a.text
    b = corpus.ask("Lipu (澧浦镇) set itself a full-year above-scale industrial output goal for 2023; how far along was it, "
                   "in percent, after Q3?")
    assert first_is(b, 71.8, "percent"), b.text
    c = corpus.ask("Lipu's (澧浦镇) Q3 report projects this year's longan harvest — how many tonnes did it expect for 2023?")
    assert first_is(c, 0.81e4, "t"), c.text


def test_an_estimate_after_actual_months_and_a_gap_to_an_aim(corpus: Corpus) -> None:
    a = corpus.ask("In its December 2021 report Helan town (禾岚镇) only had actual revenue up to October; what number "
                   "did it give as the likely full-year total for general public budget revenue?")
    assert first_is(a, 1572e4, "CNY"), a.text
    b = corpus.ask("Helan (禾岚镇) had aimed for 3.2亿元 of paid-in investment in 2022; how much was it short of that aim "
                   "according to the 2023 work report?")
    assert states(b, 0.15e8, "CNY"), b.text
    c = corpus.ask("禾岚镇大豆面积一年里（2021→2022）增加了多少万亩？")
    assert first_is(c, 1.2e4 * 666.6667, "m2", rel=1e-3), c.text
    assert not headline_figures(corpus.ask("禾岚镇2021年大豆播种面积是多少万亩？"))[:1] == [(2.7e4 * 666.6667, "m2")]


def test_a_lead_that_only_says_why_and_a_place_the_corpus_lacks(corpus: Corpus) -> None:
    a = corpus.ask("青溪的产业投资占比偏低，想核一下绝对额：2024年全年实际完成的工业投资是多少亿元？")
    assert first_is(a, 4.3e8, "CNY"), a.text
    b = corpus.ask("想比较一下桂园街道：它2024年的税收收入是多少？")
    assert not headline_figures(b), b.text  # a place the corpus lacks: never 青溪's figure
    c = corpus.ask("How many of the market entities newly registered in Qingxi sub-district (青溪街道) in 2024 were "
                   "enterprises?")
    assert first_is(c, 512, "count"), c.text


def test_a_part_named_a_quoted_name_a_gloss_and_the_ask_said_again(corpus: Corpus) -> None:
    a = corpus.ask("我的论文讨论青溪街道的治理单元：街区、网格、楼栋格三级。其中网格这一级，2024年一共划了多少个？")
    assert first_is(a, 143, "count"), a.text
    b = corpus.ask("关于燃气“瓶改管”改造，青溪街道2024年在11个城中村里完成了多少栋房屋的改造？")
    assert first_is(b, 406, "count"), b.text
    c = corpus.ask("Grandpa keeps telling everyone that Qingxi (青溪) sorted out lots of dangerous junctions in 2024, the "
                   "ones where two roads meet at a sharp angle (锐角相交). How many junctions is it?")
    assert first_is(c, 9, "count"), c.text
    d = corpus.ask("青溪24年总算有托儿所了，听讲引进了两家，一共能收多少个小娃娃？就是托位有几个？")
    assert first_is(d, 96, "count"), d.text
