"""Corpus level, invented reports and figures: shapes this round's held-out question sets showed Jiedao missing.

- Periods as reports and analysts write them: a season across two years ('2023—2024年冬季', '2024/2025榨季') is one
  season, named by the year it ends, in the figure table and in the question; a day's date ('截至9月20日') is the
  months to then, never the full-year estimate beside it.
- A completion rate the question itself states is an input: '任务完成率是某个百分数，据此倒推任务' and '完成了年度任务的
  106.5%，那任务是多少' work the target back from the report's amount.
- Two places set against each other in everyday words: '比一比：A（2023年）对B（报告年度）', 'A的固投比B多多少亿',
  'A的GDP比B大多少亿'; and added up when each words its own figure ('A给…发的津补贴，加上B给…发的经费').
- Who received it frames what was paid: '向孤寡老人、…等困难群体发放生活津补贴' is the 生活津补贴.
- In a series, a whole ('干茶产量') is no year of its part ('春茶干茶产量', '其中春茶…吨').
- What was added is not the stock: 'which added more firms' ranks the 新增 figures; '新上市了几家' is never '上市公司
  达9家'; a plan's '力争新增A企业40家以上、B企业30家' adds B too.
- Money asked in everyday words ('那笔钱总共投进去多少', '旧改项目投了多少') is never a count of projects.
"""

from __future__ import annotations

from rag.corpus import Corpus
from rag.evals.scoring import headline_figures
from tests.conftest import first_is, invented_corpus, states

REPORTS = {
    "ml_2024.txt": "茉岭镇2024年政府工作报告\n"
                   "一、2023年工作回顾\n"
                   "全镇荔枝种植面积4.6万亩,其中挂果3.1万亩。2023—2024年冬季辣椒种植2.42万亩,以朝天椒为主。"
                   "2023/2024榨季甘蔗入厂12.8万吨。\n"
                   "二、2024年工作安排\n"
                   "冬季辣椒种植面积2.8万亩。\n",
    "sy_2022.txt": "沙柳镇2022年前三季度工作总结\n"
                   "一、棉花采收\n"
                   "今年全镇棉花种植面积9.8万亩。截至9月20日,全镇已交售籽棉1.87万吨,交售进度约45%,预计全年交售籽棉4.2万吨。\n",
    "hq_2022.txt": "鹤泉街道2022年工作总结\n"
                   "一、经济发展\n"
                   "全年街道固定资产投资实现投资额58.24亿元,任务完成率106.5%,完成率排名全区第3。"
                   "全年实现地区生产总值266.5亿元。国家级高新技术企业达到140家,同比增长18.6%。“四上”企业增至342家。新增规上工业企业18家,规上工业企业总数达到296家。\n"
                   "二、民生保障\n"
                   "全年向孤寡老人、重度残疾人、低保户等特殊群体发放生活津补贴近520万元。"
                   "投入“民生微实事”经费1960万元,立项项目180个,总投入1960万元。\n",
    "lt_2023.txt": "柳塘街道2023年工作总结及2024年工作计划\n"
                   "一、2023年工作回顾\n"
                   "全年实现地区生产总值318.2亿元,完成固定资产投资71.06亿元。新增规上工业企业7家,规上工业企业累计达到88家。"
                   "上市公司达9家。为低保对象、高龄老人等各类特殊人群发放福利服务经费2380万元。"
                   "区人大代表建议26件、政协提案13件全部办结。新建、改扩建学校5所,新增学位4260座。\n"
                   "二、2024年工作计划\n"
                   "力争新增“小升规”企业40家以上、专精特新企业30家。新增小初学位1120个、高中学位400个。\n",
    "cy_2023.txt": "椿源镇2023年工作总结\n"
                   "一、特色产业\n"
                   "全镇茶园面积2.9万亩;全年干茶产量1310吨,其中春茶1088吨,茶叶综合产值2.7亿元。\n",
    "zz_2022.txt": "柘洲镇2022年工作总结\n"
                   "一、产业发展\n"
                   "全镇铸件生产企业310家,预计全年生产各类铸件26万吨。\n"
                   "二、农业生产\n"
                   "蔬菜种植面积0.9万亩,总产量4.1万吨。\n",
    "cy_2022.txt": "椿源镇2022年工作总结\n"
                   "一、特色产业\n"
                   "全镇茶园面积2.8万亩;春茶干茶产量1032吨,茶叶综合产值2.4亿元。\n",
    "yh_2023.txt": "椰禾镇2023年工作总结及2024年工作计划\n"
                   "一、2023年工作回顾\n"
                   "农村常住居民人均可支配收入从16800元增长至18110元,增长7.8%。五年来,城镇居民收入从2.3万元提高到3.1万元。"
                   "国家级高新技术企业达到64家,同比增长12.3%。推动23家工业企业完成“小升规”。"
                   "“民情速办”共受理诉求2.2万件,办结2.19万件,办结率99.4%。"
                   "完成老旧小区改造9个、惠及居民2150户,加装电梯33部。\n"
                   "二、2024年工作计划\n"
                   "力争新增专精特新、单项冠军、上市企业等26家以上。力争新增“小升规”企业30家以上。\n",
}


corpus = invented_corpus("round24", REPORTS)




def test_a_season_across_two_years_is_one_season(corpus: Corpus) -> None:
    a = corpus.ask("茉岭镇2023—2024年冬季辣椒一共种植了多少亩？")
    assert first_is(a, 2.42e4 * 666.6667, "m2", rel=1e-3), a.text
    rows = {x.label_zh for x in corpus.indicators(street="茉岭镇")}
    assert "榨季甘蔗入厂" in rows and not any("2023" in label for label in rows), rows  # no year range in a name


def test_a_day_date_is_the_months_to_then(corpus: Corpus) -> None:
    a = corpus.ask("截至9月20日，沙柳镇已交售籽棉多少吨？")
    assert first_is(a, 1.87e4, "t", rel=1e-3), a.text


def test_an_english_gloss_of_a_compound(corpus: Corpus) -> None:
    a = corpus.ask("For the whole of 2022, how many tonnes of seed cotton (籽棉) was Shaliu town (沙柳镇) expected to deliver?")
    assert first_is(a, 4.2e4, "t", rel=1e-3), a.text


def test_a_count_asked_as_whats_the_count(corpus: Corpus) -> None:
    a = corpus.ask("Hequan (鹤泉) in 2022: what's the count of 'four-above' (“四上”) enterprises?")
    assert first_is(a, 342.0, "count", rel=1e-3), a.text


def test_a_target_worked_back_from_a_rate_the_question_states(corpus: Corpus) -> None:
    a = corpus.ask("鹤泉街道2022年的固定资产投资任务完成率为106.5%，据此倒推，任务原本是多少亿元？")
    assert first_is(a, 58.24e8 / 1.065, "CNY", rel=1e-3), a.text
    a = corpus.ask("鹤泉2022年固定资产投资完成了年度任务的106.5%，那么当年的任务是多少亿元？")
    assert first_is(a, 58.24e8 / 1.065, "CNY", rel=1e-3), a.text
    a = corpus.ask("Hequan's (鹤泉) fixed-asset investment completion rate was 106.5% in 2022. What was its target then?")
    assert first_is(a, 58.24e8 / 1.065, "CNY", rel=1e-3), a.text


def test_two_places_set_against_each_other(corpus: Corpus) -> None:
    a = corpus.ask("地区生产总值比一比：柳塘（2023年）对鹤泉（2022年），哪个更大？")
    assert first_is(a, 318.2e8, "CNY", rel=1e-3), a.text
    a = corpus.ask("柳塘2023年地区生产总值，比鹤泉2022年的大多少亿元？")
    assert states(a, 51.7e8, "CNY", rel=1e-3), a.text
    a = corpus.ask("柳塘（2023年）和鹤泉（2022年）相比，固定资产投资多出多少亿？")
    assert states(a, 12.82e8, "CNY", rel=1e-3), a.text


def test_who_received_it_frames_what_was_paid(corpus: Corpus) -> None:
    labels = {x.label_zh for x in corpus.indicators(street="鹤泉街道")}
    assert "发放生活津补贴" in labels, labels
    a = corpus.ask("How much in living allowances (生活津补贴) did Hequan (鹤泉) pay out in 2022?")
    assert first_is(a, 520e4, "CNY", rel=1e-3), a.text


def test_two_places_own_wordings_added_up(corpus: Corpus) -> None:
    a = corpus.ask("把鹤泉发放的生活津补贴（2022年）同柳塘发放的福利服务经费（2023年）加在一起，共计多少万元？")
    assert states(a, 2900e4, "CNY", rel=1e-3) and "生活津补贴" in a.text.split("。")[0], a.text  # (after '2个地方的')
    a = corpus.ask("政协提案连同区人大代表建议，柳塘当年合计办结几件？")
    assert first_is(a, 39.0, "count", rel=1e-3), a.text


def test_a_whole_is_no_year_of_its_part(corpus: Corpus) -> None:
    a = corpus.ask("从2022年到2023年，椿源镇春茶干茶产量涨了几吨？")
    assert first_is(a, 56.0, "t", rel=1e-3), a.text


def test_what_was_added_is_not_the_stock(corpus: Corpus) -> None:
    a = corpus.ask("Between Hequan (鹤泉, 2022) and Liutang (柳塘, 2023), which one added more above-scale industrial firms?")
    assert first_is(a, 18.0, "count", rel=1e-3), a.text
    a = corpus.ask("2023年柳塘街道新上市的公司有几家？")
    assert not headline_figures(a), a.text  # only the stock, 上市公司达9家, is stated
    a = corpus.ask("按照2024年的安排，柳塘打算新增几家专精特新企业？")
    assert first_is(a, 30.0, "count", rel=1e-3), a.text


def test_money_asked_in_everyday_words(corpus: Corpus) -> None:
    a = corpus.ask("民生微实事项目上，鹤泉2022年的钱一共投进去多少？")
    assert first_is(a, 1960e4, "CNY", rel=1e-3), a.text
    a = corpus.ask("鹤泉那58.24亿元固定资产投资中，城市更新项目（2022年）投了多少？")
    assert not headline_figures(a) or headline_figures(a)[0][1] == "CNY" and headline_figures(a)[0][0] != 58.24e8, \
        a.text  # never a count of projects, nor the whole the question gives


def test_a_level_before_its_rise_is_the_year_befores(corpus: Corpus) -> None:
    a = corpus.ask("Yehe town (椰禾镇), rural per-capita disposable income: how many yuan higher was 2023 than 2022?")
    assert states(a, 1310.0, "CNY", rel=1e-3), a.text
    a = corpus.ask("2022年椰禾镇的城镇居民收入有多少元？")
    assert not headline_figures(a), a.text  # a five-year span's start is no year's level


def test_a_listed_total_the_plan_states(corpus: Corpus) -> None:
    a = corpus.ask("按椰禾的2024年计划，上市企业、单项冠军和专精特新三类企业合计要新增几家？")
    assert first_is(a, 26.0, "count", rel=1e-3), a.text
    a = corpus.ask("Yehe (椰禾) graduated 23 industrial firms to above-designated-size (小升规) in 2023. "
                   "What is its goal for 2024?")
    assert first_is(a, 30.0, "count", rel=1e-3), a.text


def test_growth_on_the_year_before_asked_in_everyday_words(corpus: Corpus) -> None:
    a = corpus.ask("说到国高企业：椰禾镇有64家，比前一年多了百分之几？")
    assert first_is(a, 12.3, "percent", rel=1e-3), a.text


def test_a_rate_named_by_the_figure_before_it(corpus: Corpus) -> None:
    a = corpus.ask("For 2023, what 办结率 (completion rate) did the 民情速办 (Minqing Suban) platform of Yehe (椰禾) achieve?")
    assert first_is(a, 99.4, "percent", rel=1e-3), a.text
    a = corpus.ask("In Yehe town (椰禾镇), 2023: number of lifts retrofitted in old residential buildings?")
    assert first_is(a, 33.0, "count", rel=1e-3), a.text


def test_a_gap_asked_as_how_far_ahead(corpus: Corpus) -> None:
    a = corpus.ask("In 2023 Liutang (柳塘) put 71.06亿元 into fixed assets; how far ahead of Hequan's (鹤泉) 2022 "
                   "level is that?")
    assert states(a, 12.82e8, "CNY", rel=1e-3), a.text


def test_a_list_that_says_how_before_the_total_asked(corpus: Corpus) -> None:
    a = corpus.ask("据柳塘2023年的报告，新建校舍、改扩建旧校，合计新增的学位有多少座？")
    assert first_is(a, 4260.0, "count", rel=1e-3), a.text
    a = corpus.ask("柳塘明年（2024年）义务教育学位打算新增多少个？")
    assert first_is(a, 1120.0, "count", rel=1e-3), a.text


def test_a_series_over_places_one_of_which_lacks_the_measure(corpus: Corpus) -> None:
    a = corpus.ask("椿源镇和沙柳镇的春茶干茶产量近两年变化趋势如何？")
    assert states(a, 56.0, "t", rel=1e-3), a.text  # (沙柳镇 has no tea: its series is empty, never a crash)


def test_a_thing_no_dictionary_names_is_not_some_sentences_figure(corpus: Corpus) -> None:
    a = corpus.ask("About how many tonnes of castings was Zhezhou town (柘洲镇) expected to turn out in 2022?")
    assert not any(v == 4.1e4 for v, _ in headline_figures(a)), a.text  # never the vegetables' output


def test_growth_ranked_in_everyday_words(corpus: Corpus) -> None:
    a = corpus.ask("国高企业数量上，椰禾（2023年）和鹤泉（2022年）谁涨得快？")
    assert first_is(a, 18.6, "percent"), a.text  # the faster growth first, never the larger stock
