"""Corpus level, invented reports and figures: shapes last round's unseen sets, and this round's new ones, showed
Jiedao missing.

- Reading reports: a money total after a count of banded villages ('…其中超过20万元的村5个，合计215.6万元') is the
  villages' income; '目前已下种' borrows the crop of the task before it; a crop's bare '总产' after its yield; an 、-list
  whose last item leaves one character ('辣椒、蔬菜、中药材') shares no head; '考核中获第2名'.
- Questions: a report's month and year said in English ('its January 2023 congress report') is no period asked;
  '8,800万元'; an addition asked in plain words ('当年新扩出来的部分'); a rank asked after a figure given; the
  assessment itself ranked; '到2022年12月底…实际' and '把12月也算进去' (no part-year figure); a Latin code ('SC-
  certified'); the year's estimate against its target ('按12月的预计数，…还差多少'); 'against its 6.4亿元 task';
  examples before 等 ('白茶、红茶等毛茶'); an addressee ('老师，'); an unsure either-year; '净增加了几家'; a base year
  said first; a size band ('10万到500万元之间'); 'how many went outside the province'; '2022年底规划的下一年';
  some of a whole in a state the report never counts; two things done in two clauses, then added ('三样加一块',
  '二三年'); 'aiming at … how much short'; 'paid-in domestic investment' ranked; '财政收入' ranked under
  the report's budget name; a general remark in English before the ask.
"""

from __future__ import annotations

from rag.corpus import Corpus
from rag.schemas import Answer
from tests.conftest import first_is, invented_corpus, states

REPORTS = {
    "fy_2023zfbg.txt": "枫峪镇人民政府工作报告\n"
                       "——2023年1月在枫峪镇第十八届人民代表大会第三次会议上\n"
                       "一、2022年工作回顾\n"
                       "据初步统计，全镇完成一般公共预算收入7,415万元，同比增长9.3%，完成年度目标的101.8%。"
                       "全镇稻鱼共作面积达到3.6万亩，其中当年新增0.7万亩。全镇茶园面积4.3万亩，全年毛茶产量1,930吨。"
                       "新增SC认证茶企3家，总数达到27家。全镇11个行政村集体经营性收入全部超过8万元，其中超过20万元的村5个，合计215.6万元。"
                       "在全县乡镇年度目标考核中获第3名。“茶语坡”片区全年接待游客3.1万人次。\n"
                       "二、2023年主要目标\n"
                       "一般公共预算收入8,100万元；工业开票销售45亿元。\n",
    "fy_2023.txt": "枫峪镇2023年工作总结\n"
                   "一、主要指标\n"
                   "1-11月，全镇完成一般公共预算收入7,310万元，同比增长4.2%，完成年度目标（8,100万元）的90.2%，预计全年可完成7,960万元；"
                   "工业开票销售39.2亿元，同比增长8.4%，增幅居全县乡镇第4位。"
                   "2023/2024年榨季全镇糖料蔗种植任务2.8万亩，目前已下种2.3万亩，完成任务的82.1%。"
                   "加工番茄平均亩产6.9吨，总产12.6万吨。辣椒、蔬菜、中药材分别种植1.15万亩、0.82万亩和0.37万亩。\n"
                   "二、社会事业\n"
                   "劳务输出2,860人，其中省外1,970人。全镇“四上”企业新增8家，净增4家，总数达到63家。"
                   "城市更新项目9个，其中3个项目正在开展拆迁谈判。"
                   "全年组织开展政策宣讲会18场，公益招聘会21场，举办职业技能培训12场。"
                   "全年共发生亡人事故3起，处理偷排乱排案件45宗。村集体投资120万元入股商业综合体。"
                   "“枫林湾”片区全年接待游客6.2万人次；全镇全年接待游客18.4万人次。\n"
                   "三、2024年主要目标\n"
                   "茶叶综合产值5.2亿元；工业开票销售48亿元。\n",
    "tw_2024h1.txt": "桐湾街道2024年上半年工作总结\n"
                     "一、经济运行\n"
                     "截至6月底，完成固定资产投资2.86亿元，占年度任务（6.4亿元）的44.7%。"
                     "规模以上工业总产值1-5月完成11.8亿元，全年预计完成26亿元。"
                     "固定资产投资中，500万元以上项目2.41亿元、10至500万元项目0.45亿元。"
                     "1-5月，完成一般公共预算收入1.26亿元，同比增长5.1%，增速居全区第2位。"
                     "招商引资实际到位内资3.4亿元，完成全年任务（8亿元）的42.5%，居全市乡镇（街道）第3位。\n"
                     "二、特色产业\n"
                     "本产季草莓种植面积1.2万亩，实现产值6.4亿元。上半年累计检查场所2.1万家次。"
                     "上半年完成税收收入2.3亿元，同比增长4.6%。\n",
}

corpus = invented_corpus("round35", REPORTS)


def _declines(a: Answer) -> bool:
    return a.route == "abstain" or "未找到" in a.text or "没有" in a.text


def test_a_reports_date_is_no_period_and_a_thousands_comma(corpus: Corpus) -> None:
    a = corpus.ask("According to the preliminary figures in its January 2023 congress report, what did Fengyu town "
                   "(枫峪镇) collect in general public budget revenue for 2022?")
    assert first_is(a, 7415e4, "CNY"), a.text
    b = corpus.ask("对照8,100万元的年度目标，枫峪镇到11月末的一般公共预算收入进度是百分之几？")
    assert first_is(b, 90.2, "percent"), b.text


def test_additions_ranks_and_assessments(corpus: Corpus) -> None:
    a = corpus.ask("2022年枫峪镇的稻鱼共作面积中，当年新扩出来的部分有多大（万亩）？")
    assert first_is(a, 0.7e4 * 666.6666666666666, "m2", rel=1e-3), a.text
    b = corpus.ask("枫峪镇2023年1-11月开票销售同比增长8.4%，这个增幅在全县各乡镇里处于什么名次？")
    assert "第4位" in b.text, b.text
    c = corpus.ask("在2022年度县里的目标考核中，枫峪镇取得了第几名？")
    assert "第3名" in c.text, c.text


def test_a_whole_year_stressed_declines_a_part_year_figure(corpus: Corpus) -> None:
    a = corpus.ask("桐湾街道到2024年12月底规上工业总产值实际做到了多少亿元？")
    assert _declines(a) and "11.8" not in a.text.split("。")[0], a.text
    b = corpus.ask("把12月也算进去，桐湾街道2024年规上工业总产值实际完成多少亿元？")
    assert not first_is(b, 11.8e8, "CNY"), b.text


def test_codes_totals_of_villages_and_kinds_named_by_examples(corpus: Corpus) -> None:
    a = corpus.ask("After adding three in 2022, how many SC-certified tea enterprises did Fengyu town (枫峪镇) have in total?")
    assert first_is(a, 27, "count"), a.text
    b = corpus.ask("枫峪镇11个行政村2022年的集体经营性收入加起来有多少万元？")
    assert first_is(b, 215.6e4, "CNY"), b.text
    c = corpus.ask("2022年枫峪镇白茶、红茶等毛茶合计产量为多少吨？")
    assert first_is(c, 1930, "t"), c.text


def test_estimates_against_targets_and_a_task_given(corpus: Corpus) -> None:
    a = corpus.ask("按2023年12月的预计数，枫峪镇全年一般公共预算收入距离年初目标还差多少万元？")
    assert first_is(a, 140e4, "CNY"), a.text
    b = corpus.ask("What fixed-asset investment had Tongwan (桐湾街道) put in place by 30 June 2024, against its 6.4亿元 task?")
    assert first_is(b, 2.86e8, "CNY"), b.text
    c = corpus.ask("枫峪镇2022年底规划的下一年一般公共预算收入要冲到多少万元？")
    assert first_is(c, 8100e4, "CNY"), c.text


def test_spoken_questions(corpus: Corpus) -> None:
    a = corpus.ask("老师，枫峪镇22年的茶园一共有多少万亩？")
    assert first_is(a, 4.3e4 * 666.6666666666666, "m2", rel=1e-3), a.text
    b = corpus.ask("老师，我记得枫峪镇是22年还是23年新增了几家SC认证茶企，到底是几家？")
    assert first_is(b, 3, "count"), b.text
    e = corpus.ask("老师，枫峪镇的劳务输出里有多少人去了省外？")
    assert first_is(e, 1970, "count"), e.text
    c = corpus.ask("我孙子在找工作。枫峪镇二三年办的政策宣讲会、公益招聘会、职业技能培训，三样加一块一共多少场？")
    assert first_is(c, 51, "count"), c.text
    d = corpus.ask("枫峪镇2023年为了帮人找工作，办了政策宣讲会，也办了公益招聘会。这两种一共办了多少场？")
    assert first_is(d, 39, "count"), d.text


def test_parts_of_wholes(corpus: Corpus) -> None:
    a = corpus.ask("枫峪镇2023年“四上”企业净增加了几家？")
    assert first_is(a, 4, "count"), a.text
    b = corpus.ask("桐湾街道2024年上半年的固定资产投资里，单个规模在10万到500万元之间的那部分项目投了多少亿元？")
    assert states(b, 0.45e8, "CNY") and "0.45亿元" in b.text, b.text
    c = corpus.ask("Of the workers Fengyu town (枫峪镇) sent out for jobs in 2023, how many went outside the province?")
    assert first_is(c, 1970, "count"), c.text
    d = corpus.ask("枫峪镇的城市更新项目里面，2023年有几个项目还在跟居民谈补偿标准？")
    assert _declines(d) and not first_is(d, 9, "count"), d.text


def test_crops_read_from_lists_and_tasks(corpus: Corpus) -> None:
    a = corpus.ask("枫峪镇2023年加工番茄收了多少万吨？")
    assert first_is(a, 12.6e4, "t"), a.text
    b = corpus.ask("2023年枫峪镇的辣椒种了多大面积？")
    assert first_is(b, 1.15e4 * 666.6666666666666, "m2", rel=1e-3), b.text
    c = corpus.ask("枫峪镇2023/2024年榨季糖料蔗下种进度达到任务的百分之多少？")
    assert first_is(c, 82.1, "percent"), c.text


def test_a_growth_with_its_base_year_first(corpus: Corpus) -> None:
    a = corpus.ask("和2021年相比，枫峪镇2022年一般公共预算收入涨幅是多少？")
    assert first_is(a, 9.3, "percent"), a.text


def test_english_terms_and_a_remark_before_the_ask(corpus: Corpus) -> None:
    b = corpus.ask("Where did Tongwan (桐湾街道) rank among the city's towns and sub-districts for paid-in domestic "
                   "investment at the end of June 2024?")
    assert "3rd" in b.text, b.text
    c = corpus.ask("桐湾街道前5个月财政收入的增幅，在全区排在第几？")
    assert "第2位" in c.text, c.text
    d = corpus.ask("Safety inspections are a big part of street-level government. In the first half of 2024, how many "
                   "premises checks did Tongwan (桐湾街道) carry out?")
    assert first_is(d, 2.1e4, "count"), d.text


def test_spoken_names_of_what_reports_count(corpus: Corpus) -> None:
    a = corpus.ask("枫峪镇2023年出人命的安全事故，我听说有五起，到底是几起？")
    assert first_is(a, 3, "count"), a.text
    b = corpus.ask("枫峪镇2023年查处了多少宗偷排乱排的案子？")
    assert first_is(b, 45, "count"), b.text
    c = corpus.ask("枫峪镇2023年村集体拿去入股商业综合体的那笔钱，本金多少万元？")
    assert first_is(c, 120e4, "CNY"), c.text


def test_a_part_of_the_place_named_as_the_earner(corpus: Corpus) -> None:
    a = corpus.ask("How much tax revenue did commercial office buildings in Tongwan (桐湾街道) generate in H1 2024?")
    assert a.route == "abstain" and not first_is(a, 2.3e8, "CNY"), a.text
    b = corpus.ask("How much tax revenue did Tongwan (桐湾街道) collect in H1 2024?")
    assert first_is(b, 2.3e8, "CNY"), b.text


def test_the_whole_place_asked_never_takes_a_zones_figure(corpus: Corpus) -> None:
    a = corpus.ask("Counting all of its sites, not just one zone, how many visitor trips did Fengyu town (枫峪镇) record for 2023?")
    assert first_is(a, 18.4e4, "count"), a.text
    b = corpus.ask("What was the total number of tourist visits to the whole of Fengyu town (枫峪镇) in 2022, not just one "
                   "scenic area?")
    assert not first_is(b, 3.1e4, "count"), b.text
