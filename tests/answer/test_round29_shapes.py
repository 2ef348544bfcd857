"""Corpus level, invented reports and figures: shapes this round's held-out sets showed Jiedao missing.

- Reading reports: a title in full-width digits ('２０２４年'); an old portal page laid out in a table, its sidebar
  headline naming another place's figure; a mirror's advert pasted between a figure and its completion rate; two
  items of a 分别 list that share their last character ('鲜菇、干菇…'); a 其中 part that is only where from ('其中省外');
  an accident toll named by the accidents before it; an estimate's 预计 not carried past a part with its own cut-off.
- Questions: the asker's own clauses ('我家老人腿脚不好，想想都发愁。'); what they know said last ('年份不一样我清楚');
  asides after the ask ('请与…区分开', '此处仅问…', '那个数不要'); ranks asked as '排位如何' and 'which place did it
  take'; a year-end plan named as where a target was set; a result against that plan, in Chinese and English;
  completion asked as '超额…超到了百分之多少', '进度是全年任务的几成', 'what percentage of it was done', 'how far
  along'; a part after a comma ('…，企业类的有几家') or after a period ('…里，头十个月的税收部分'); '拿甲和乙比…，
  哪边…得多'; '平均下来每村'.
"""

from __future__ import annotations

from rag.corpus import Corpus
from tests.conftest import first_is, invented_corpus, states

_LAYOUT_PAGE = (
    "<html><head><title>桤溪街道2020年工作总结及2021年工作计划--某区人民政府</title></head><body>"
    "<table><tr><td>网站首页 | 政务动态 | 信息公开</td></tr>"
    "<tr><td><p>街道动态</p><p>柘湖街道旧改签约突破700户</p><p>区人社局举办招聘会</p></td>"
    "<td><div>桤溪街道2020年工作总结及2021年工作计划</div>"
    "<p>2020年，桤溪街道在区委、区政府的领导下，较好地完成了全年目标任务。现将工作总结如下：</p>"
    "<p>一、2020年工作完成情况</p>"
    "<p>（一）经济指标。1-11月，实现社会消费品零售总额9.12亿元，同比增长6.1%；完成税收收入0.86亿元，"
    "完成全年任务的91.5%。全年新增市场主体412户，其中企业96户。辖区共有社区11个。</p>"
    "<p>（二）旧城改造。全年完成旧城改造征收签约623户，拆除房屋5.1万平方米，回迁安置210户。"
    "新建住宅楼6栋，主体全部封顶。坚持阳光征收，做到零强拆。</p>"
    "<p>（三）民生保障。新增就业1,430人，城镇登记失业率控制在3%以内。发放低保金812万元。"
    "走访困难家庭960户，解决实际问题318件。组建志愿服务队18支。</p>"
    "<p>二、2021年工作计划</p>"
    "<p>主要目标：社会消费品零售总额增长7%；税收收入1.0亿元；完成旧城改造征收签约500户；新增就业1,500人。</p>"
    "</td></tr></table></body></html>"
)

REPORTS = {
    "qt_2024.txt": "蕖塘镇２０２４年工作总结和２０２５年工作计划\n"
                   "一、２０２４年工作完成情况\n"
                   "截至11月底，全镇完成一般公共预算收入2,140万元，完成全年任务的93.6%，同比增长5.2%；"
                   "其中税收收入1,720万元。预计全年完成一般公共预算收入2,310万元。"
                   "1-11月，鲜菇、干菇线上销售额分别为2.36亿元和0.58亿元。"
                   "招引区外内资到位额7.4亿元，其中省外3.9亿元。固定资产投资同比增长9.6%，增速列全县17个乡镇第3位。"
                   "全镇14个村集体经济收入总额520万元，村均37.1万元。\n"
                   "二、２０２５年工作计划\n"
                   "一般公共预算收入2,400万元；固定资产投资12亿元。\n",
    "qt_2025.txt": "蕖塘镇2026年镇人代会政府工作报告\n"
                   "一、2025年工作回顾\n"
                   "据初步统计，2025年全镇完成一般公共预算收入2,455万元，完成固定资产投资12.8亿元。\n",
    "qx_2020.html": _LAYOUT_PAGE,
    "ly_2018.txt": "棂岩乡2018年工作总结\n"
                   "一、经济发展\n"
                   "全年预计完成农业总产值3.92亿元，增长4.4%；截至12月15日，完成财政总收入1,516万元，"
                   "完成全年任务的104.2%，同比增长9.1%。招商引资到位资金1.06亿元，《某某娱乐app下载-官方网站》"
                   "完成年度任务的82.5%。\n"
                   "二、平安建设\n"
                   "安全生产事故宗数下降20%、死亡人数下降30%。全年共发生道路交通事故5宗，死亡人数下降40%。\n",
    "mz_2023h1.txt": "梅洲街道2023年上半年工作总结\n"
                     "一、经济运行\n"
                     "1-5月，完成固定资产投资4.12亿元，完成年度任务9亿元的45.8%。"
                     "新登记市场主体1,318户，其中企业402家。"
                     "加装电梯37部，其中已投入使用21部。建成“暖心驿站”12个。\n",
}


corpus = invented_corpus("round29", REPORTS)


def test_a_full_width_title_and_a_layout_table_page(corpus: Corpus) -> None:
    places = {m.street for m in corpus.reports()}
    assert {"蕖塘镇", "桤溪街道"} <= places, places
    a = corpus.ask("旧城改造征收签约，桤溪街道给2021年定了多少户？")
    assert first_is(a, 500, "count"), a.text
    assert not any(x.value == 700 for x in corpus.indicator_store.query()), "a sidebar's other place kept"


def test_a_pasted_advert_and_an_estimate_not_carried_past_a_cutoff(corpus: Corpus) -> None:
    a = corpus.ask("按棂岩乡的年度任务算，2018年招商引资资金到位了百分之几？")
    assert first_is(a, 82.5, "percent"), a.text
    b = corpus.ask("棂岩乡的财政总收入年底前就超额完成了年度任务，一共完成到了百分之多少？")
    assert first_is(b, 104.2, "percent") and "预计" not in b.text.split("[")[0], b.text


def test_list_items_sharing_a_character_and_a_part_from_elsewhere(corpus: Corpus) -> None:
    a = corpus.ask("1-11月干菇通过电商卖了多少钱，蕖塘镇怎么说？")
    assert first_is(a, 0.58e8, "CNY"), a.text
    b = corpus.ask("区外内资到位额当中省外来的那一块，蕖塘镇2024年有几个亿？")
    assert first_is(b, 3.9e8, "CNY"), b.text


def test_an_accident_toll_is_named_by_its_accidents(corpus: Corpus) -> None:
    a = corpus.ask("棂岩乡2018年道路交通事故死亡人数同比降了百分之几？")
    assert states(a, 40, "percent", signed=False) and not states(a, 30, "percent", signed=False), a.text
    labels = {x.label_zh: x.value for x in corpus.indicator_store.query() if x.street == "棂岩乡"}
    assert labels.get("道路交通事故死亡人数") == -40 and labels.get("安全生产事故死亡人数") == -30, labels


def test_the_askers_own_clauses_and_asides_after_the_ask(corpus: Corpus) -> None:
    a = corpus.ask("我家老人腿脚不好，想想都发愁。梅洲街道前5个月加装了几部电梯？")
    assert first_is(a, 37, "count"), a.text
    b = corpus.ask("梅洲1到5月登记的新市场主体，企业类的有几家？")
    assert first_is(b, 402, "count"), b.text
    c = corpus.ask("梅洲街道1-5月建成了几个“暖心驿站”？请与加装电梯的部数区分开。")
    assert first_is(c, 12, "count"), c.text


def test_ranks_asked_in_other_words(corpus: Corpus) -> None:
    a = corpus.ask("论固投增速，蕖塘镇2024年在本县乡镇里排位如何？")
    assert "第3位" in a.text and a.route == "indicator", a.text
    b = corpus.ask("Among the county's townships, which place did Qutang (蕖塘镇) take for 2024 FAI growth?")
    assert "3rd" in b.text and b.route == "indicator", b.text


def test_a_year_end_plan_and_the_result_against_it(corpus: Corpus) -> None:
    a = corpus.ask("蕖塘镇2024年底那份工作安排，给来年固投定了几个亿的目标？")
    assert first_is(a, 12e8, "CNY"), a.text
    b = corpus.ask("固投这一块，蕖塘镇2025年比计划多干出几个亿？（计划见2024年底的工作安排）")
    assert states(b, 0.8e8, "CNY", rel=1e-2), b.text
    c = corpus.ask("Qutang (蕖塘镇) set a 2025 budget-revenue (一般公共预算收入) goal in its end-2024 plan. Against "
                   "that goal, what gap did the preliminary 2025 outturn show, in 万元?")
    assert states(c, 55e4, "CNY", rel=1e-2), c.text


def test_completion_asked_in_other_words(corpus: Corpus) -> None:
    a = corpus.ask("蕖塘镇的一般公共预算收入，到2024年11月底进度是全年任务的几成？")
    assert first_is(a, 93.6, "percent"), a.text
    b = corpus.ask("For 2023 Meizhou sub-district (梅洲街道) was set a 9亿元 investment (固定资产投资) task; by the "
                   "end of May, what percentage of it had been met?")
    assert first_is(b, 45.8, "percent"), b.text
    c = corpus.ask("Tax (税收收入) at Qixi sub-district (桤溪街道), January to November 2020, set against the year's "
                   "task: how far along?")
    assert first_is(c, 91.5, "percent"), c.text


def test_a_part_after_a_period_and_two_sides_weighed(corpus: Corpus) -> None:
    a = corpus.ask("蕖塘镇的预算收入（一般公共预算收入）里，2024年前11个月的税收部分占多少万元？")
    assert first_is(a, 1720e4, "CNY"), a.text
    b = corpus.ask("蕖塘镇14个村的集体经济，2024年平均下来每村收入几万元？")
    assert first_is(b, 37.1e4, "CNY"), b.text
