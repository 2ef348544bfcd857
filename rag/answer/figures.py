"""The figure route: look up, rank, total or trace an indicator from the figure table, with citations.

Every answer's first sentence states the figure asked for (amount, growth, rate, target or estimate) with its
unit, period and kind, then the citation. Rows are matched to the question's phrase by label
(`rag.figures.match`), so any indicator a report states can be answered, not only lexicon ones.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import partial

from rag.answer.asks import STREAK, split_asks, value_before_rank
from rag.answer.passages import (
    AVERAGE_ASKED,
    COUNT_ASKED,
    Context,
    best_sentences,
    english_cover,
    focus_terms,
    list_count_answer,
    moved_to_act,
    passage_filters,
)
from rag.answer.places import resolve_places, short_name, sub_places
from rag.answer.quoted import rows_at_quote
from rag.answer.ranks import asks_rank, rank_answer
from rag.answer.router import (
    DURATIONS,
    WHICH_YEAR,
    YES_NO_TAIL,
    Route,
    context_frame,
    indicator_phrase,
    measure_fits,
    period_of,
    route,
    same_county,
)
from rag.figures.lexicon import BY_KEY, TERMS, Term, base_key, terms_for_question
from rag.figures.match import (
    EN_PATTERNS,
    ENTITY_END,
    STOCK_ASKED,
    THRESHOLD,
    Scored,
    abbreviated,
    ages_asked,
    bigrams,
    cover_words,
    en_similarity,
    english_coverage,
    english_to_zh,
    governing_age,
    head_noun,
    head_thing,
    in_order,
    item_core,
    label_similarity,
    match_rows,
    measure_of,
    names_item,
    new_only,
    own_stretch,
    qualifier_fit,
    shorter_thing,
    stock_first,
    terms_named,
    thing_held,
    unknown_words,
    with_state,
)
from rag.schemas import Answer, Citation, Indicator, TableRow
from rag.text.cues import (
    APPROXIMATE,
    ASKS_CHANGE,
    BAR_BEFORE,
    DECLINE_ASKED,
    DERIVE,
    EN_MEASURE_NOUN,
    EXAMPLES_GIVEN,
    FINAL_ONLY,
    GIVEN_RATE,
    GRADE,
    MONEY_FLOW,
    NUMBER_QUESTION,
    PER_MONTH,
    PLAN_OBJECT,
    PREVIOUS_YEAR,
    QUOTED_COUNTED,
    REST_ASKED,
    STILL_LEFT,
    WHICH_STATES,
    WHOLE_YEAR,
    WHOLE_YEAR_STRESSED,
    ZONE_KINDS,
    nth_asked,
)
from rag.text.messages import join_list, msg, ui
from rag.text.names import period_en, period_zh, place_en, place_en_pattern
from rag.text.numbers import STREAK_UNITS, UNITS, format_en, format_zh, majority_unit, scan_quantities
from rag.text.words import function_word, tagged

NOT_REPORTED = "未报告 / not reported"

# Kinds that answer a question, by the kind asked, in order of preference.
WANTED: dict[str, tuple[str, ...]] = {
    "actual": ("actual", "cumulative", "estimate"),
    "estimate": ("estimate", "actual", "cumulative"),
    "target": ("target",),
    "yoy_growth": ("yoy_growth",),
    "yoy_change": ("yoy_change",),
    "completion_rate": ("completion_rate",),
    "share": ("share",),
    "any": ("actual", "cumulative", "estimate", "yoy_growth", "completion_rate", "share", "target"),
}
_LEVEL = ("actual", "cumulative", "estimate")
# one year's own figure asked, not a running total over several ('仅在当年', 'in that year alone')
_ONE_YEAR_ONLY = re.compile(r"(?:仅|只|单)(?:在|看|算)?\s*(?:20\d\d年)?(?:当年|这一年|一年)|单年|"
                            r"\b(?:in|during|for) (?:that|this|the|20\d\d) year alone\b|\b(?:in )?20\d\d alone\b", re.I)
_UNITS_OF = {"CNY": {"CNY", "USD"}, "t": {"t", "kg"},  # a question about money is answered in yuan or dollars
             "m2": {"m2", "mu_times"}}  # …one about a sown area, in 亩 or in 亩次 (the report's own unit, shown)
_PERCENT_ASKED = re.compile(r"增速|增幅|增长率|百分|%|\b(?:growth )?rate\b|\bper ?cent|\bpercentage\b", re.I)
_POINTS_ASKED = re.compile(r"百分点|\bpercentage points?\b|\bpoints?\b", re.I)
_DIFF_ASKED = re.compile(r"[多少高低快慢大]了?(?:多少|几)|[多高低少]出(?:了|来)?(?:多少|几)|相差|差了?(?:多少|几)|差距|差额|"
                         r"(?:领先|落后|超出|超过|甩开|甩下|拉开)了?[^，,？?]{0,6}?(?:多少|几个?)|"  # '甲地社零领先乙地几个亿'

                         r"\bhow far (?:ahead|behind|above|below|apart)\b|\bhow (?:much|many) (?:more|higher|less|lower|fewer|"
                         r"bigger|larger|greater|smaller|faster|slower)\b|"
                         r"\bhow many (?:percentage )?points? (?:more|higher|lower|faster|slower|ahead|behind)\b|"
                         r"\bhow many (?:[\u4e00-\u9fff]{1,3}|million|billion|thousand|more)? ?(?:yuan )?(?:more|less|fewer)\b|"
                         r"\bdifference\b|\bby how (?:much|many)\b|\bgap\b|\bmargin\b|"
                         r"减去|减掉|算(?:个|一下)?差|\bminus\b|\bsubtract", re.I)  # 'A的固投减去B的固投'
# a multiple of another figure ('是固投的几倍', 'how many times its investment'; not 'how many times did media report')
_TIMES_ASKED = re.compile(r"(?<![好翻])[几多少]+倍|\bhow many times\b(?!\s+(?:did|does|do|has|have|had|was|were|is|are|in)\b)|"
                          r"\bwhat multiple\b|\bmultiple of\b", re.I)
_GROWTH_ASKED = re.compile(r"增长|增速|增幅|同比|\bgrowth\b|\bgrow", re.I)


# ---- entry -----------------------------------------------------------------------------------------
def indicator_answer(question: str, r: Route, ctx: Context) -> Answer | None:
    """Answer from the figure table; None when no figure matches the question (the passage route then runs)."""
    got = _indicator_answer(question, r, ctx)
    if (got is None or got.route == "abstain" and got.text.startswith(_NOT_FOUND_ZH)) and r.language == "zh" \
            and len(r.places) == 1 and not r.unknown_places and not r.twins and r.intent == "lookup" \
            and not REST_ASKED.search(question) and not WHOLE_YEAR_STRESSED.search(question):
        # ('另外一个田湾路的…': the other one, never a clause's first match; '收购季结束以后算，…': the whole year the
        # clause dropped would have stressed)
        # '替甲方比较一下财力：某街道当年收了几个亿的税？': the clause that asks, read alone with the
        # place and year the others name, when the whole question's words found nothing
        narrow = _ask_clause(r.asked or question, r)
        if narrow:
            sub = route(narrow, ctx.reports)
            if sub.places == r.places and sub.intent == "lookup" and not _BARE_MEASURE.fullmatch(sub.phrase) \
                    and any(f[:1] == "n" or f == "vn" for _, f in tagged(sub.phrase)):  # (nor a verb alone: '新建')
                # (…never a bare measure word: '报告给的人数是多少' names no thing whose people are counted)
                retried = _indicator_answer(narrow, sub, ctx)
                # (…a figure of the measure the clause names: its lexicon key, or a label like its words)
                if retried is not None and retried.route == "indicator" and retried.table and all(
                        any(BY_KEY[k].regex.search(x.label or "") for k in sub.keys if k in BY_KEY)
                        or label_similarity(sub.phrase, x.label or "") >= _NARROW_FIT for x in retried.table[:1]):
                    return retried.model_copy(update={"question": question})
    not_found = _NOT_FOUND_EN if r.language == "en" else _NOT_FOUND_ZH
    glosses = _names_given(r.asked or question, r, ctx) if (
        got is None or got.route == "abstain" and got.text.startswith(not_found)) and len(r.places) == 1 \
        and not r.unknown_places and not r.twins and r.intent == "lookup" else []
    if glosses and " ".join(glosses) != r.phrase:
        # 'the ones where two roads meet at a sharp angle (锐角相交) — how many junctions': when the English words
        # found nothing, the report's own words the asker gives, alone; a figure whose label holds them all
        retried = _indicator_answer(question, r.model_copy(update={"phrase": " ".join(glosses), "keys": []}), ctx)
        if retried is not None and retried.route == "indicator" and retried.table and all(
                g.strip("“”") in (retried.table[0].label or "") for g in glosses) \
                and measure_fits(r.measure_word, retried.table[0].unit or ""):
            return retried
    return got


def _names_given(question: str, r: Route, ctx: Context) -> list[str]:
    """The report's own words the asker gives: the Chinese glosses of an English question; in Chinese, a quoted name
    when a count is asked ('…在28个城中村里完成了多少栋房屋的“瓶改管”改造'). Never a place, nor a firm or project
    ('Hongyue Group's (宏岳集团) tax' is no figure of the group's whatever it is)."""
    found = re.findall(r"[(（]([\u4e00-\u9fff“”]{3,12})[)）]", question) if r.language == "en" \
        else re.findall(r"“([\u4e00-\u9fff]{2,10})”", question) if r.unit_hint == "count" else []
    names = [m.street for m in ctx.reports if m.street]
    return [g for g in found if not ENTITY_END.search(g) and not resolve_places(g, names, ctx.reports).found]


_MEASURED = 0.7  # a label this like the phrase is the measure asked: another measure's sole figure never answers it
_NARROW_FIT = 0.6  # how like the asking clause's words a figure found by them alone must be labelled
_BARE_MEASURE = re.compile(r"(?:人数|户数|个数|次数|件数|人次|数量|总数|总量|总额|金额|面积|规模|数字|数据|数值)?")


_NOT_FOUND_ZH = msg("not_found", "zh", where="", terms="")[:6]  # "报告中未找到…"
_NOT_FOUND_EN = msg("not_found", "en", where="", terms="")[:20]  # "Not found in the reports…"


def _ask_clause(question: str, r: Route) -> str | None:
    """The clause of a Chinese question that asks ('…，年底“四上”企业共有几家？'), with the clause before it
    when it names no measure of its own, and the place and years the question names elsewhere; None when the
    question is that clause already."""
    parts = [p for p in re.split(r"(?<=[，,：:；;。！!？?])", question) if p.strip()]
    asking = [n for n, p in enumerate(parts) if NUMBER_QUESTION.search(p)]
    if len(parts) < 2 or not asking:
        return None
    at = asking[-1]
    before = "".join(parts[:at])
    if any(q.unit for q in scan_quantities(before)) or re.search(r"(?:里|中|当中|之中|里面)[，,]$", parts[at - 1] if at else ""):
        return None  # ('新增学位2000座里面，小学占几座': the ask is of the whole the words before name)
    clause = parts[at]
    words = indicator_phrase(_without_places(clause, r), [], "zh", r.places)
    if not head_thing(words) and at > 0:  # ('柘坪乡种的玉米，2019年的总产量有多少斤': the thing is named before)
        clause = parts[at - 1] + clause
    if len(clause) >= len(question) - 2:
        return None
    place = r.places[0]
    named = place in clause or short_name(place) in clause
    years = [y for y in dict.fromkeys(re.findall(r"20\d\d年|\d\d年(?=底|末|初|全年|上半年|$)", question))
             if y not in clause]
    return "".join([*([] if named else [place]), *years[:1], clause])


def _indicator_answer(question: str, r: Route, ctx: Context) -> Answer | None:
    question = r.asked or question  # its asides dropped ('别和2025年的目标混为一谈')
    if len(r.places) == 1 and not r.unknown_places and not r.twins and r.language == "zh" \
            and AVERAGE_ASKED.search(question):
        average = _average(question, r, ctx)  # '平均每户几口人': the total over the count, computed
        if average is not None:
            return average
    if len(r.places) == 1 and not r.unknown_places and not r.twins:
        # '报告中“同比下降8.5%”前面那个数是多少？说的是什么？': the level the quoted rate or words speak of
        at_quote = rows_at_quote(question, r, ctx)
        if at_quote is not None and (at_quote[2] is not None or not any(q.unit for q in scan_quantities(at_quote[0]))):
            return _quote_answer(question, r, *at_quote)
        identified = _identified(question, r, ctx)  # '报告里的73.9亿元，是全年的数还是1-11月的数？'
        if identified is not None:
            return identified
        if at_quote is not None:
            return _quote_answer(question, r, *at_quote)
        two = _two_measures(question, r, ctx)  # '社零总额比固定资产投资多多少': two figures of one place
        if two is not None:
            return two
        named = _two_named(question, r)
        if named:  # '全程接种人次比加强针接种人次多多少' with either not found for sure: one of them is no answer
            return _answer(question, r, msg("not_found", r.language, where=_place(r.places[0], r.language),
                                            terms=join_list(named, r.language)), [], route="abstain")
        listed = _listed_row(question, r, ctx)
        if listed is not None:  # '专精特新、单项冠军、上市企业这几类一共想新增多少家': the report's one figure of them
            return _lookup(question, r.model_copy(update={"intent": "lookup"}), [listed], r.places[0], ctx)
    got = _from_table(question, r, ctx)
    if (got is None or got.route == "abstain") and len(r.places) >= 2 and not r.twins and not r.unknown_places \
            and (r.intent in ("rank", "aggregate") or _DIFF_ASKED.search(question)) and not asks_rank(question) \
            and not ambiguous_places(r, ctx):
        # 'A街道的X和B街道的Y，哪个更多': each place's figure under its own wording
        return _compared_by_parts(question, r, ctx) or got
    if got is not None and got.route == "abstain" and not r.unknown_places and not r.twins:
        # '有几个社区获评…' with no figure of it: the names the report lists, counted
        got = list_count_answer(question, r, ctx) or got
    one_item = r.intent == "aggregate" and len(r.years) <= 1 and len(_listed(question, r)) < 2 \
        and not _ADDED_UP.search(question) \
        and not re.search(r"[和、与及跟]|加上", question)  # '一共清理了几处地块': one stated total, not a sum (never two named)
    if (got is None or got.route == "abstain" and not r.unknown_places and not r.twins
            and not _growth_of_named(got, r, ctx)) \
            and (r.intent == "lookup" or one_item) and len(r.places) == 1 and not _remainder_asked(question, r):
        # (…never for a whole less a part: 'other than demolition' is no sentence's one figure)
        got = _sole_figure(question, r.model_copy(update={"intent": "lookup"}), ctx) or got
    if got is not None and got.route == "indicator" and msg("computed_note", r.language) not in got.caveats \
            and len(got.citations) <= 1 and (_COMBINED.search(question) and not _left_stated(question, got)
                                             or _TIMES_ASKED.search(question)
                                             and not any("倍" in c.quote for c in got.citations)):
        # 'A plus B, in total', 'how many more A than B', 'how many times its FAI': a figure computed from two,
        # which one looked-up figure never answers (a multiple the report states, '任务的1.4倍', does)
        return _declined(question, r)
    summed = _SUMMED_IN_BRACKETS.search(question)
    if got is not None and got.route == "indicator" and summed and not all(
            any(part in c.section for c in got.citations) for part in summed.groups()):  # (each cited row's label)
        # '计划新增的学位（小学加初中）比…多了多少' answered with the 小学 places alone: the sum asked is not it
        return _declined(question, r)
    if got is not None and got.route == "indicator" and _DIFFERENCE_ASKED.search(question) \
            and not re.search(r"差|减|少|多|增|降|less|minus|more|differ|gap|increase|decrease|rise|fall", got.text, re.I):
        # '倒推两项目标，两者相减是多少' answered with one target: the difference asked is not it
        return _declined(question, r)
    first = re.split(r"[?？]", question)[0]
    stock = _STOCK_EN.search(first) and not _NEW_ASKED_EN.search(first) if r.language == "en" \
        else _STOCK_ZH.search(first) and not _FLOW_ZH.search(first)
    if got is not None and got.route == "indicator" and len(got.citations) == 1 and stock \
            and (new_only(got.citations[0].section) or _part_of_new(got.citations[0], ctx)):
        # 'the total of firms on the books at year-end' over '新登记市场主体412户' (or '一共拥有几家高企'
        # over '…家企业通过国高认定'): the year's additions are not the stock asked
        return _declined(question, r)
    if got is not None and got.route == "indicator" and _MONTH_ON_MONTH.search(question) \
            and not any(_MONTH_ON_MONTH.search(c.quote) for c in got.citations):
        # '5月当月环比增速' over '1-5月…同比+0.49%': a change on the month before is no change on the year before
        return _declined(question, r)
    if got is not None and got.route == "indicator" and len(got.citations) == 1 and _ACTUAL_ASKED.search(question) \
            and _INTENDED.search(got.citations[0].section) and not _INTENDED.search(question):
        # 'how much money have those projects actually brought in' over '意向投资金额合计某亿元': an intention is
        # no money brought in
        return _declined(question, r)
    if got is not None and got.route == "indicator" and r.language == "en" and _HOW_MUCH_STUFF.search(question) \
            and r.unit_hint != "count" \
            and len(got.citations) == 1 and got.table and all(t.normalized_unit == "count" for t in got.table):
        # 'how much chestnut did its processing firms handle' over '板栗加工企业8家': a quantity asked, no count
        return _declined(question, r)
    part = _HOW_MANY_OF.search(question) if r.language == "en" else None
    pred = _PERIOD_EN.sub(" ", part.group("pred")) if part else ""
    said = got.citations[0].section + got.citations[0].quote if got is not None and len(got.citations) == 1 else ""
    if got is not None and got.route == "indicator" and part and said and not re.search(r"\d", pred) \
            and not any(g in said for g in re.findall(r"[\u4e00-\u9fff]{2,}", pred)) \
            and english_coverage(pred, said) == 0:  # (a band, 'worth more than 100 million yuan', is a label's own)
        # 'how many of its old-compound renovations had been completed' over '实施老旧小区改造12个': the whole, not
        # the part the question's words name
        return _declined(question, r)
    if got is not None and got.route == "indicator" and (REST_ASKED.search(question) or _STILL_TO_DO.search(question)) \
            and not _NET_OF_CHANGES.search(question) \
            and msg("computed_note", r.language) not in got.caveats and len(got.citations) <= 1 \
            and not any(REST_ASKED.search(c.quote) or re.search(r"未|剩余|剩下|其余|差|尚需|还需|" + STILL_LEFT, c.quote)
                        for c in got.citations):
        # '还有多少脐橙面积没有投产' over '其中投产3.6万亩', '第四季度还需完成多少' over the year's task: the part
        # stated, or the whole, is no answer to what is left
        return _declined(question, r)
    top = got.table[0] if got is not None and got.route == "indicator" and got.table else None
    ratio = _RATIO_ZH.search(question) if r.language == "zh" and got is not None and got.route == "indicator" \
        and len(got.citations) == 1 else None
    part_q = next((ratio.group(g) for g in ("part", "part2", "part3") if ratio.group(g)), "") if ratio else ""
    part_words = re.sub(r"(?:那|这)?部分$|(?:那|这)块$|的$", "", _without_places(part_q, r).strip())
    cited = got.citations[0] if got is not None and part_words else None
    whose = cited.section + cited.quote if cited is not None else ""
    if cited is not None and ratio and re.search(r"(?:任务|目标|计划|预算)$", ratio.group("whole") or ""):
        whose += _cited_sentence(cited, ctx)  # ('城市更新完成的固投占任务几成': the rate's sentence says whose)
    if cited is not None and not any(part_words[n : n + 2] in whose for n in range(len(part_words) - 1)) \
            and not any(BY_KEY[k].regex.search(whose) for w in re.split(r"[的，,、\s]+", part_words)
                        for k in terms_named(w)):  # ('的固投，头五个月': 固投 is the 固定资产投资 cited)
        # '上半年税收里，个税那块占多少' over the total alone: the part asked is no figure of the whole
        return _declined(question, r)
    if top is not None and top.value is not None and _PART_OF_GIVEN.search(question) \
            and ((abs(top.value), top.unit or "") in _figures_in(question)
                 or r.language == "en" and abs(top.value) in _numbers_given(question.replace(",", ""))):
        # '新增3870座学位，两所幼儿园占了其中多少座': a part of the figure the question gives, never that figure
        return _declined(question, r)
    if got is not None and got.route == "indicator" and _ABSOLUTE_CHANGE.search(question) \
            and msg("computed_note", r.language) not in got.caveats and not re.search(r"计算|computed", got.text):
        # '谁的固投比上年增加的绝对额更多': the change on the year before asked, the levels are no answer
        return _declined(question, r)
    if got is not None and got.route == "indicator" and _HYPOTHETICAL.search(question) \
            and msg("computed_note", r.language) not in got.caveats:
        # 'if it kept investing at its January–May pace all year, how much would it book': a projection the report
        # does not make; the figure it states is no answer
        return _declined(question, r)
    return got


def _cited_sentence(c: Citation, ctx: Context) -> str:
    """The sentence a cited figure was read from (its row's context), '' when no row of the place holds it."""
    rows = ctx.rows(c.street) if ctx.rows is not None else []
    return next((x.context or "" for x in rows if x.report_id == c.report_id and x.evidence.start == c.start), "")


def _declined(question: str, r: Route) -> Answer:
    """No figure of the places asked answers the question (said with the words asked)."""
    where = join_list([_place(p, r.language) for p in r.places], r.language) or msg("all_reports", r.language)
    return _answer(question, r, msg("not_found", r.language, where=where, terms=r.phrase or question), [],
                   route="abstain")


# after a figure a question quotes, words that ask what it is ('是全年的数还是1-11月的数', '是累计到几月的数',
# 'Does that cover the whole of 2022'), and words that ask another figure instead
_OTHER_KIND = re.compile(r"实际|预计|全年|增长|增速|同比|完成|累计|上年|去年|\b(?:actual|estimate|growth|full[- ]year)\b", re.I)
_ABOUT_QUOTED = re.compile(r"还是|是不是|是否|吗|哪|几月|什么|指的是|口径|\b(?:does|do|is|was|are|were) (?:that|this|it|these|"
                           r"those)\b|\bwhich\b", re.I)
_ASKS_ANOTHER = re.compile(r"多少|几(?!月)|相比|推算|据此|进度|率(?:是|为)|名次|排名|位次|排[在到]?第|\brank(?:ed|ing)?\b|多[大高快长远]|\bhow (?:much|many|far|big|large|long|fast|high)\b|"
                           r"\bwhat (?:is|was|were|are|share|percentage|proportion)\b", re.I)


def _identified(question: str, r: Route, ctx: Context) -> Answer | None:
    """A figure the question quotes and asks about ('报告里的73.9亿元，是全年的数还是1-11月的数？'): the one
    figure of the place the report states so, with its measure, period and kind, and its sentence."""
    quoted = [q for q in scan_quantities(question) if q.unit]
    if len(quoted) != 1 or len(r.places) != 1 or ctx.rows is None:
        return None
    q = quoted[0]
    after, rest = (re.split(r"[？?]", question[q.end :], maxsplit=1) + [""])[:2]  # the ask the figure is in, the next
    if not _ABOUT_QUOTED.search(after) or _ASKS_ANOTHER.search(after) or DERIVE.search(question):
        return None
    if r.kind in _RATE_KINDS and q.unit and UNITS[q.unit].normalized_unit != "percent":
        return None  # '区级税收 of 1.9亿元. What growth does it give': the rate of the figure quoted is asked
    said = question[: q.start].count("“") > question[: q.start].count("”")  # ('“超45万平方米”': the report's words)
    claim = re.split(r"[，,。？?；;]", question[: q.start])[-1]
    if not said and re.search(r"[\u4e00-\u9fff]{2}(?:是|为)\s*$", claim) and not re.search(r"报告|原文|文中|里的|中的", claim):
        return None  # '计划里新建口袋公园是9个吗': a figure claimed for a measure named, no figure to identify
    if not said and (BAR_BEFORE.search(question[: q.start]) or re.match(r"\s*(?:以上|以下|以内|多|出头)", after)):
        return None  # '目标定到20亿元以上了吗': a bar the figure asked is checked against, no figure of the report
    if rest.strip() and NUMBER_QUESTION.search(rest):
        first = question[: len(question) - len(rest)]
        own_measure = len(indicator_phrase(rest, [], r.language, r.places)) >= 4
        if _ATTAINED.search(first) or not own_measure and _OTHER_KIND.search(rest):
            return None  # '实现“突破20亿元”的目标了吗？实际完成多少？': one measure asked twice, the target route's
        if own_measure:
            # '“超45万平方米”…是已经完成的，还是计划？当年110警情多少宗？': the quoted figure named, then
            # the next ask answered on its own, the place carried
            named = _identified(first, r.model_copy(update={"asked": ""}), ctx)
            return _each(question, r, [first, rest], ctx, done=[named]) if named is not None else None
        # ('…的目标，只算专精特新企业吗？目标数是多少？': the quoted figure asked again; naming it answers both)
    same = [x for x in ctx.rows(r.places[0]) if abs(x.value) == q.value and x.unit == q.unit]
    if len({(x.label_zh, x.period, x.kind) for x in same}) > 1:  # the one the question's words name, if one does
        fit = {id(x): label_similarity(r.phrase, x.label_zh) if r.language == "zh"
               else en_similarity(r.phrase, english_to_zh(r.phrase), x.label_zh) for x in same}
        best = max(fit.values())
        same = [x for x in same if fit[id(x)] == best]
    if not same or len({(x.label_zh, x.period, x.kind) for x in same}) != 1:
        return None
    x = same[0]
    lang = r.language
    text = msg("identified", lang, figure=_figure(x, lang, absolute=x.kind in _SIGNED), place=_place(x.street, lang),
               period=_period(x.period, lang), label=_label([x], lang),
               kind=ui(f"kind_{'estimate' if _estimated(x) else x.kind}", lang), quote=x.evidence.quote)
    return _answer(question, r, text, [x], table=[_row(None, x, lang, 1)], caveats=_notes([x], lang))


def _quote_answer(question: str, r: Route, words: str, level: Indicator, quoted: Indicator | None) -> Answer:
    """The figure the report's quoted words speak of, named with its measure and period; the quoted figure's kind
    after it ('“同比下降8.5%”' is the fall of that count)."""
    lang = r.language
    text = msg("quote_level", lang, words=words, place=_place(level.street, lang), period=_period(level.period, lang),
               label=_label([level], lang), figure=_fig_with_kind(level, lang))
    cited = [level]
    if quoted is not None:
        cited.append(quoted)
        shown = _figure(quoted, lang, absolute=quoted.kind in _SIGNED)
        if quoted.kind in _SIGNED:  # '同比下降8.5%': the change, with its direction
            text += msg("quote_change", lang, figure=_verb(quoted, lang) + ("" if lang == "zh" else " ") + shown)
        else:
            text += msg("quote_is", lang, figure=shown, kind=ui(f"kind_{quoted.kind}", lang))
    return _answer(question, r, text, cited, table=[_row(None, x, lang, n) for n, x in enumerate(cited, start=1)],
                   caveats=_notes([level], lang))


def _growth_of_named(got: Answer, r: Route, ctx: Context) -> bool:
    """An abstention citing only the growth of a figure whose label holds the Chinese an English question gives
    ('road-traffic accidents (道路交通事故)' with only their fall stated): the measure was found, its level is not
    stated, and a sentence's other figure is not it."""
    terms = re.findall(r"[\u4e00-\u9fff]{3,}", r.phrase) if r.language == "en" else []
    if not got.citations or ctx.rows is None or not r.phrase:
        return False
    cited = {(c.report_id, c.start) for c in got.citations}
    growths = [x for x in ctx.rows(r.places[0] if r.places else None)
               if (x.report_id, x.evidence.start) in cited and x.kind == "yoy_growth"]
    # ('the value added of its above-scale industry, in money terms': the phrase is the label's own words)
    return any(all(t in x.label_zh for t in terms) if terms else
               any(s.score >= _NAMED_OUTRIGHT for s in match_rows(r.phrase, [x], keys=r.keys, lang=r.language))
               for x in growths)


_NAMED_OUTRIGHT = 0.95  # a label match this close: the measure asked, whatever else a sentence states


# a projection asked: what the figure would be if a pace were kept ('照这个速度…全年能完成多少'); never a monthly
# average of the months so far either ('假如照1-4月的月均进度干满全年': the average is its input)
_HYPOTHETICAL = re.compile(r"\bif\b[^?]{0,60}\b(?:kept|keeps|continued|continues|were to|carried on|held)\b[^?]{0,40}"
                           r"\b(?:pace|rate|speed|trend)\b|照(?:这个|此)(?:速度|进度|节奏)|按(?:这个|此)(?:速度|进度|节奏)|"
                           r"(?:如果|假如|若)按[^，,？?]{0,12}(?:速度|进度|节奏)|干满全年", re.I)


def _sole_figure(question: str, r: Route, ctx: Context) -> Answer | None:
    """No label matched, but the sentence that best names what was asked holds exactly one figure of the unit
    and kind asked ('帮企业省下了多少钱' over '为辖区企业减负412.6万元'): that figure, as a lookup. None otherwise."""
    if not r.unit_hint or ctx.rows is None or _figures_in(question) or DERIVE.search(question) \
            or AVERAGE_ASKED.search(question) or r.also_kind or r.also_growth:
        return None
    focus = focus_terms(question, r)
    found = _sentence_rows(question, r, ctx, focus, english_cover(r, glosses_held=True) if r.language == "en" else None)
    if found is None:
        return None
    sent, start, inside = found
    if r.language == "zh" and (sum(1 for f in focus if _word_held(f, sent)) < _SOLE_COVER * len(focus)
                               or not (r.measure_word and r.measure_word != "个") and _head_words(r.phrase) not in sent):
        return None  # ('升级改造了多少个垃圾屋' over a sentence of upgrades that names no 垃圾屋)
    if r.language == "zh" and shorter_thing(r.phrase, sent):
        return None  # ('葡萄干产量' over '预计葡萄总产量…': the grapes, not the raisins)
    if r.language == "zh" and not thing_held(r.phrase, sent):
        return None  # ('种的玉米…总产量' over '…预计葡萄总产量…': the thing measured is not the sentence's)
    if r.language == "zh" and any(v not in sent for v in _villages_named(r.phrase) + _AGES.findall(question)):
        return None  # a village ('某村集体经济收入' over the town's total) or an age group the sentence never names
    frame = context_frame(question) if r.language == "zh" else ""
    asked = [f for f in focus if f not in frame or f in question.replace(frame, "", 1)]  # ('托育这块，…几个托位')
    units = _UNITS_OF.get(r.unit_hint, {r.unit_hint})
    kinds = WANTED.get(r.kind, WANTED["actual"])
    same_unit = [x for x in inside if x.normalized_unit in units
                 and (not r.measure_word or x.normalized_unit != "count" or measure_fits(r.measure_word, x.unit))]
    read = {(x.value, x.unit) for x in same_unit}
    stated = {(abs(q.value), q.unit) for q in scan_quantities(sent) if q.unit and measure_fits(r.measure_word, q.unit)} \
        if r.unit_hint == "count" and r.measure_word else set()
    typed = _typed(question, r)
    if len(read) < len(stated) and not (typed and sum(all(g in p for g in typed) for p in _items_of(sent)) == 1):
        # a figure of the measure word asked that was not read ('“某议题”学习47次、讲党课9次' with the 47 unread):
        # the one figure read is no answer, unless the Chinese an English question gives names one item alone
        return None
    if len({(x.value, x.unit) for x in same_unit}) > 1:
        same_unit = _told_apart(question, r, sent, start, same_unit, asked)
    if len({(x.value, x.unit) for x in same_unit}) != 1:
        return None  # two figures of the unit asked: which one the question means, the label did not say
    fit = [x for x in _usable(same_unit, kinds, r) or
           [y for y in same_unit if r.kind == "estimate" and _expected_effect(y)]  # ('…expected to yield once built')
           if not r.period or period_matches(_base_period(x.period), r.period)]
    if len(fit) != 1:
        return None
    row = fit[0]
    counted = head_noun(r.phrase) if r.language == "zh" and r.unit_hint == "count" else ""
    if counted not in row.label_zh and \
            0 <= moved_to_act(counted, sent) < sent.find(_number_text(row.value), max(0, row.evidence.start - start)):
        return None  # '有多少所学校' over '推动企业、学校…成立护学岗15个': among those moved to act
    if r.language == "en" and (ages := ages_asked(question)) and governing_age(row) not in ages:
        return None  # 'residents aged 80 and over' is not the figure said of another age group, or of none
    if abs(row.value) in _numbers_given(question):
        return None  # 'approved 120 projects; how many of them were completed': the figure given is not the one asked
    measured = {s.row.label_zh for s in match_rows(r.phrase, ctx.rows(row.street), keys=r.keys, lang="zh", embed=ctx.embed)
                if s.score >= _MEASURED and (not r.period or period_matches(_base_period(s.row.period), r.period))} \
        if r.language == "zh" and label_similarity(r.phrase, row.label_zh) < 0.5 else set()
    if measured and row.label_zh not in measured:
        return None  # '规上工业营业收入的金额目标' over '地方财政收入7800万元，规上工业营业收入增长10%': the measure
        # asked has figures of its own (here a growth target), and another measure's figure is never its answer
    named = set(r.keys)
    if r.language == "en":  # 'above-scale industrial enterprises': the lexicon's own English names one
        named |= {k for k, p in EN_PATTERNS.items() if re.search(p, r.phrase, re.I)}
        named |= {t.key for t in TERMS if t.en.lower() in r.phrase.lower()}
    counts_other = row.normalized_unit == "count" and not any(
        "count" in t.units for t in TERMS if t.key in named)  # 'to meet its investment task, how many projects'
    if named and row.key not in named and not counts_other and not (
            re.match(r"净增|新增", row.label_zh) and re.search(r"净增|新增", r.phrase)
            and any(BY_KEY[k].regex.search(sent) for k in named if k in BY_KEY)):  # ('规上工业企业有进有出，…净增5家')
        return None  # a lexicon indicator asked (规上工业企业, 工业投资) is never answered by another figure, save its
        # net or new additions under a sentence naming it
    if r.language == "en" and not row.key.startswith("label:") and row.key not in named and not typed:
        return None  # ('attracted investment funds' over '完成固定资产投资…'): a lexicon indicator the words never named
    clause = _own_clause(sent, start, row)
    if r.language == "zh" and any(len(w) == 1 and w in _ONE_CHAR_THINGS and w not in clause + row.label_zh
                                  for w, _ in tagged(r.phrase)):
        return None  # '牛存栏' over '牲畜存栏…头(只)': a one-character thing (牛, 羊, 猪) the figure's clause never names
    # in English, some of what was asked, and of a two-word name both ('solar greenhouses' is not held by
    # '设施农业…三项重点' for 'greenhouses')
    # ('trucks impounded?': what was done to the things counted is said in the report's own verb, 查扣)
    things = " ".join(w for w in r.phrase.split() if not re.fullmatch(r"[a-z]+ed", w, re.I)) or r.phrase
    cover = english_coverage(things, clause) if r.language == "en" else 0.0
    held = (cover >= _SOLE_COVER if len(things.split()) <= 2 else cover > 0) if r.language == "en" \
        else any(f in clause for f in focus)
    if typed and not held:  # ('…industry cluster (某产业集群)' over '某产业集群已成规模,产值达…亿元': the Chinese
        # given names the clause's topic, said just before its figure)
        # (…or by the label the clause's figure took from the one before: '“某平台”受理诉求…,办结率98.7%')
        held = all(g in _topic_before(sent, start, row) + clause + row.label_zh for g in typed)
    said = clause + row.label_zh
    if r.language == "en" and any(re.search(r"(?:集团|公司|企业|厂|园区|项目|基地)$", g) for g in typed) \
            and any(not any(ch in said for zh in english_to_zh(m) for ch in zh) for m in EN_MEASURE_NOUN.findall(r.phrase)):
        return None  # 'how much tax 某集团 paid' over '某集团实现产值…': the company's figure of another measure
    glosses = re.findall(r"[\u4e00-\u9fff]{2,}", r.phrase) if r.language == "en" else []
    if any(g not in sent and g not in row.label_zh for g in glosses):
        return None  # 'booster-dose (加强针) vaccination rate' is not the full-course rate its clause states
    wanted = _asked_wording(question, sent, asked) if r.language == "zh" and not _counted_after(question, sent, row, "zh") \
        else []  # (the figure the counted noun follows is named: '推动9家企业入库纳统（涵盖商贸业4家…）')
    if wanted and not _holds_asked(wanted, sent, start, row):
        return None  # a word asked sits in another figure's clause: that figure, or one derived, is meant
    own = _own_item(sent, start, row)
    flow = _NEW_FLOW.search(question) if r.language == "zh" else _FLOW_ASKED_EN.search(question)
    if flow and not re.search(r"新|增(?!至|加[至到]|长到)|首", own + row.label_zh) and _STOCK_SAID.search(own):
        return None  # '当年有几家企业新上市' over '上市公司达4家': the stock is no year's new listings ('增至' is one)
    subset = sent[sent.find(own) + len(own) :].split("其中", 1)[1:] if r.language == "zh" else []
    if subset and any(f in subset[0] and f not in own for f in asked if len(f) >= 2):
        return None  # '…2个市重点项目加快建设,其中甲、乙…主体工程已封顶': the part the words asked name
    if not held or qualifier_fit(r.phrase, with_state(row.label_zh, own)) < 0.75:
        return None  # the figure's own clause names nothing asked, or a qualifier asked (新增, 村均) it lacks
    unknown = [w for w in unknown_words(r.phrase) if not re.search(r"(?:ed|ing)$", w)  # ('impounded': what was done)
               and not re.search(rf"\b{w[0].upper()}{w[1:]}\b", question)] \
        if r.language == "en" and not re.search(r"[\u4e00-\u9fff]", r.phrase) else []  # ('Tianliao', 'Expo': a name)
    if unknown:
        return None  # 'tonnes of fasteners': a thing no dictionary names is never checked against one sentence's figure
    quoted = [t for t in QUOTED_COUNTED.findall(question) if t not in r.places[0]] if r.language == "zh" else []
    if quoted and not any(t in x.label_zh + x.said + (x.context or "") for t in quoted for x in fit):
        # '新增多少家“四上”企业' and the plan's one count of firms ('新增专精特新、单项冠军等50家以上') never names
        # 四上: another measure's figure
        return None
    return _lookup(question, r, fit, r.places[0], ctx)


_SOLE_COVER = 0.6  # the share of the question's words the sentence must hold


def _word_held(word: str, sent: str) -> bool:
    """The sentence holds a word asked, or, of a colloquial verb ('扣下了多少辆货车'), its stem ('查扣')."""
    if word in sent:
        return True
    tags = tagged(word)
    stem = re.sub(r"[了下上出到来去过着掉]", "", word)
    return len(tags) == 1 and tags[0][1].startswith("v") and len(stem) == 1 and stem in sent


# what names a period or a code, not a figure given: years, months, '1-5月', 'H2', 'Q3', 'PM2.5'
_NOT_GIVEN = re.compile(r"(?:19|20)\d\d\s*年?|\d{1,2}\s*(?:[-—–~至到]\s*\d{1,2}\s*)?月|[A-Za-z]+\d+(?:\.\d+)?")


def _numbers_given(question: str) -> set[float]:
    """The numbers a question states itself (not its years, months or codes)."""
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", _NOT_GIVEN.sub(" ", question))}


# the things a year added, asked ('新上市', '新开工'): a stock never answers them
_STOCK_SAID = re.compile(r"达到?|增至|增加[至到]|增长到|总数|总量|累计|共有|现有|拥有|保有")  # a clause that states a stock
_NEW_FLOW = re.compile(r"新(?:上市|挂牌|开工|入驻|落户|投产|注册|登记|增|建|引进|认定|签约)|增加了?(?:大约|约|大概)?(?:多少|几)")


def _head_words(phrase: str) -> str:
    """What a phrase's last word names: its last two characters when it is a verb and its object ('解决问题'),
    else the word ('新上市' is not any 上市)."""
    head = head_noun(phrase)
    return head[-2:] if len(head) >= 4 else head


def _villages_named(phrase: str) -> list[str]:
    """The villages and communities a phrase names ('甲溪村集体经济收入'; not '走访社区居民', '盘活村集体资产',
    where a verb stands before the word)."""
    out = []
    for m in _VILLAGE_NAMED.finditer(phrase):
        words = tagged(m.group(0)[:2])
        if words and not words[-1][1].startswith("v") and words[-1][1] not in ("m", "q", "d", "p", "c", "r"):
            out.append(m.group(0))
    return out


_AGES = re.compile(r"\d+\s*(?:[-—~至到]\s*\d+\s*)?岁(?:及?以上|及?以下)?")  # '70岁以上', '60-79岁'
# a village or community named by its own name ('甲溪村', '桐坪社区'; not 行政村, 贫困村, 各村)
_VILLAGE_NAMED = re.compile(r"[\u4e00-\u9fff]{2}(?<!行政)(?<!自然)(?<!贫困)(?<!重点)(?<!示范)(?<!中心)(?<!美丽)(?<![全本该][镇乡])"
                            r"(?<!各个)(?<![农乡])(?:村|社区)(?!均|级|民|委|干部|庄|落|镇|两委)")


def _own_clause(sent: str, start: int, row: Indicator) -> str:
    """The clause of `sent` (which starts at `start` in the report) that the row's figure stands in."""
    return _clause_at(sent, start, row)[1]


def _clause_at(sent: str, start: int, row: Indicator) -> tuple[int, str]:
    """Where in its clause the row's figure ends, and that clause."""
    at = row.evidence.start - start + (len(row.evidence.quote) - 1)  # where the figure's quote ends, in `sent`
    cut = [m.end() for m in re.finditer(r"[,，;；:：]", sent) if m.end() <= at]
    begin = cut[-1] if cut else 0
    return at - begin, re.split(r"[,，;；:：]", sent[begin:])[0]


def _told_apart(question: str, r: Route, sent: str, start: int, rows: list[Indicator],
                focus: list[str]) -> list[Indicator]:
    """Of several figures of the unit asked in one sentence, the one the question names: the figure the counted
    noun follows ('划分了多少个片区' over '41个片区、203个网格'), else (Chinese) the one whose own clause holds
    the words asked that the figures' clauses hold (`_holds_asked`: '提拔了多少名干部' over '考核干部214名,通报
    表扬38名,提拔晋升27名'). Empty when no figure is told apart."""
    counted = COUNT_ASKED.search(question) if r.unit_hint == "count" else None
    # (in English, only when the question gives no figure of its own: 'approved 120 projects; how many were
    # completed' is not the 120 the word given follows)
    after = [x for x in rows if (counted or r.language == "en" and r.unit_hint == "count"
                                 and not re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", question)))
             and _counted_after(question, sent, x, r.language)]
    if after:
        return after
    own = {id(x): _own_item(sent, start, x) for x in rows}
    typed = _typed(question, r)
    if typed:  # ('hold accountable (问责处理)' over '立案18宗18人,问责处理…9人'): the figure whose own item
        # holds every Chinese word given
        # …and, of things counted, names them ('how many yaks … (出栏)' is not '牛羊出栏…头')
        nouns = [] if r.unit_hint != "count" or re.search(r"[\u4e00-\u9fff]", r.counted) else \
            [w for w in r.counted.split() if w.lower() not in ("how", "many", "much")]  # (a gloss of its own is given)
        told = [x for x in rows if all(g in (item := own[id(x)] + "\n" + x.label_zh) for g in typed)
                and (not nouns or _GENERIC_COUNTED.fullmatch(nouns[-1]) or english_coverage(" ".join(nouns), item) > 0)]
        return told if len({(x.value, x.unit) for x in told}) == 1 else []
    if r.language == "en" and r.unit_hint == "count" and all(
            any(f.startswith("n") for _, f in tagged(re.sub(r"[\d.]+", "", item))) for item in own.values()):
        # ('trucks impounded?' over '…摩托车、电动车2150辆、货车3380辆'): the one figure whose item holds the
        # dictionary's Chinese for a plural noun asked (never when an item names no thing: '电梯签约31台、完工14台')
        for word in [w for w in r.phrase.split() if re.fullmatch(r"[a-z]{3,}(?<!s)s", w, re.I)]:
            glosses = [g for g in english_to_zh(word) if len(g) >= 2]
            told = [x for x in rows if any(g in own[id(x)] for g in glosses)]
            if len({(x.value, x.unit) for x in told}) == 1:
                return told
    if r.language != "zh" or _COMPLEMENT.search(question):
        return []  # ('还有多少个没落户': what is left, never a figure the sentence states)
    if counted and any(measure_fits(counted.group(1), x.unit) for x in rows):
        rows = [x for x in rows if measure_fits(counted.group(1), x.unit)]  # '几个项目': not the 5次 beside them
    wanted = _asked_wording(question, sent, focus)
    told = [x for x in rows if wanted and any(f in own[id(x)] for f in wanted)
            and _holds_asked(wanted, sent, start, x, rows)]
    if len({(x.value, x.unit) for x in told}) != 1 and counted and counted.group(2):
        # no word asked tells them apart: the one whose clause names the thing counted ('加了几个托位' over
        # '引进3家托育机构,新增托位86座')
        told = [x for x in rows if counted.group(2) in own[id(x)]]
    return told if len({(x.value, x.unit) for x in told}) == 1 else []


# English counted nouns any figure of the measure word may count ('how many people', 'how many times')
_GENERIC_COUNTED = re.compile(r"(?:people|persons?|person-times|times|cases|items|ones|units|trips|visits|events|"
                              r"sessions|activities)", re.I)


def _typed(question: str, r: Route) -> list[str]:
    """The Chinese words an English question gives, place names aside ('hold accountable (问责处理)')."""
    if r.language != "en":
        return []
    return [g for g in re.findall(r"[\u4e00-\u9fff]{2,}", question) if not any(g in p for p in r.streets)]


def _items_of(sent: str) -> list[str]:
    """The 、-items of a sentence's clauses that state a figure."""
    return [p for c in re.split(r"[,，;；:：]", sent) for p in _figure_items(c)]


def _counted_noun(question: str) -> str:
    """The two characters after a count asked ('多少个片区': 片区), '' when none."""
    counted = COUNT_ASKED.search(question)
    return (counted.group(2) or "") if counted else ""


def _counted_after(question: str, sent: str, row: Indicator, lang: str) -> bool:
    """The noun a count question counts follows the row's figure in the sentence ('多少个片区': '41个片区'; in
    English, a Chinese word given: 'how many cadres (机关干部)': '调动42名机关干部')."""
    nouns = [_counted_noun(question)] if lang == "zh" else re.findall(r"[\u4e00-\u9fff]{2,}", question)
    return any(sent[q.end:].startswith(n) for q in scan_quantities(sent) for n in nouns
               if n and q.unit == row.unit and abs(q.value) == abs(row.value))


def _asked_wording(question: str, sent: str, focus: list[str]) -> list[str]:
    """The words asked (besides the thing counted) that some figure's clause of the sentence holds, in order."""
    noun = _counted_noun(question)
    items = _items_of(sent)
    return [f for f in focus if not (noun and (noun in f or f in noun)) and not re.fullmatch(r"[\d.]+", f)
            and any(f in c for c in items)]  # (a number is the period's, '1-11月': no word of the thing asked)


def _holds_asked(wanted: list[str], sent: str, start: int, row: Indicator, rivals: Sequence[Indicator] = ()) -> bool:
    """The row's own clause holds every word `wanted`, or the last of them when those it lacks are in no rival
    figure's clause ('给失能老人、残疾人发了多少补贴': '发放补贴96余万元' beside '服务失能老人、残疾人1600
    人次'; never '评价数833件' for '评价满意的有多少件' beside '满意率96%', nor '幼儿园1所' beside '学校4所')."""
    own = _own_item(sent, start, row)
    if len(_ELLIPTIC.sub("", re.sub(r"[^\u4e00-\u9fff]", "", own).replace(row.unit, ""))) < 2:
        own = sent[: sent.find(own) + len(own)]  # '…村集体经营性收入全部超过20万元，…，村均33.5万元': what went before
    own += "\n" + row.label_zh  # (…and what its label names)
    if all(f in own for f in wanted):
        return True
    if wanted[-1] not in own:
        return False
    others = [_own_item(sent, start, x) + "\n" + x.label_zh for x in rivals if x is not row]
    return not any(f not in own and any(f in o for o in others) for f in wanted)


_ELLIPTIC = re.compile(r"其中|平均|[村户人亩]均|合计|累计|总计|共计?|约|近|超过?|达到?|为|是|有|余|多|均")


def _topic_before(sent: str, start: int, row: Indicator) -> str:
    """The clause right before the row's own clause when it states no figure (its topic), else ''."""
    at, clause = _clause_at(sent, start, row)
    begin = row.evidence.start - start + len(row.evidence.quote) - 1 - at
    before = re.split(r"[,，;；:：]", sent[: max(begin - 1, 0)])[-1] if begin > 0 else ""
    return before if before and not any(q.unit for q in scan_quantities(before)) else ""


def _own_item(sent: str, start: int, row: Indicator) -> str:
    """The 、-item of its clause the row's figure stands in (the whole clause when the figure is not found)."""
    _, clause = _clause_at(sent, start, row)
    at = next((q.end - 1 for q in scan_quantities(clause) if q.unit == row.unit and abs(q.value) == abs(row.value)),
              None)  # (the quote may run on past its figure: '推动86个续建、新建项目加快建设')
    return next(iter(_figure_items(clause, at)), "") if at is not None else clause


def _figure_items(clause: str, at: int | None = None) -> list[str]:
    """The 、-items of a clause that state a figure, each with the items before it that state none ('新建、改扩建学校
    6所' is one), the last with those after it ('帮助58名退役军人、残疾人实现就业'); with `at`, only the item
    holding that offset."""
    parts, bounds, pos = clause.split("、"), [], 0
    for n, part in enumerate(parts):
        pos += len(part) + 1
        if any(q.unit for q in scan_quantities(part)):
            bounds.append((n, pos))
    items, first = [], 0
    for k, (n, end) in enumerate(bounds):
        last = len(parts) - 1 if k == len(bounds) - 1 else n
        if at is None or at < end:
            items.append("、".join(parts[first : last + 1]))
            if at is not None:
                break
        first = n + 1
    return items


# '还有多少个没落户', '尚未完工的有几个': the rest of a whole, which no single stated figure answers
_COMPLEMENT = re.compile(REST_ASKED.pattern + r"|[没未]有?(?:落户|完成|完工|开工|竣工|签约|入库|到位|达标|实现|解决|办结)|"
                         r"还有(?:多少|几)", re.I)


def _sentence_rows(question: str, r: Route, ctx: Context, focus: list[str],
                   cover_of: Callable[[str], float] | None = None) -> tuple[str, int, list[Indicator]] | None:
    """The sentence of the one place asked that best names `focus`, its start in the report, and the figure rows
    read inside it; None when no sentence does."""
    flt = passage_filters(r, None)
    hits = ctx.search(question, 6, flt, False)
    # ('hold accountable (问责处理)'): the Chinese an English question gives finds its sentence on its own; without
    # any, the dictionary's Chinese for its words ('trucks impounded': 货车)
    typed = _typed(question, r) or ([w for w in english_to_zh(r.phrase) if len(w) >= 2][:12] if r.language == "en" else [])
    if typed:
        seen = {h.chunk.chunk_id for h in hits}
        hits = hits + [h for h in ctx.search(" ".join(typed), 6, flt, False) if h.chunk.chunk_id not in seen]
    picked = best_sentences(hits, focus, cover_of, topic=True)
    if not picked or ctx.rows is None:
        return None
    h, sent, start = picked[0]
    return sent, start, [x for x in ctx.rows(r.places[0]) if x.report_id == h.chunk.report_id
                         and start <= x.evidence.start < start + len(sent)]

# '健康驿站平均每家约有多少间房源', '每个项目平均投入多少万元', '那4所学校平均一所带来多少学位': the unit averaged
# over (its noun, when named right after it), then what is counted or paid
_AVERAGE_PER = re.compile(r"(?:平均每|平均一|每)(?P<per>[个家户项场所座名人村间位条栋幢支批套辆台宗件起处])")
_AVERAGE_ASKED_FOR = re.compile(r"(?:多少|几)(?P<unit>口人|万元|亿元|元|场次|人次|[个家户项场所座名人间位条件次元套栋辆台处])?"
                                r"(?P<what>[\u4e00-\u9fff]{0,6}?)(?:呢|吗)?\s*(?:[？?，,。]|$)")


def _average(question: str, r: Route, ctx: Context) -> Answer | None:
    """'…平均每户大约几口人' over '符合标准9户31人': the total over the count the sentence that names them states,
    computed and said so; None unless one clause (else the sentence) holds exactly one figure of each."""
    m = _AVERAGE_PER.search(question)
    if m is None or ctx.rows is None or len(r.places) != 1:
        return None
    asked_for = _AVERAGE_ASKED_FOR.search(question, m.end())
    if asked_for is None:
        return None
    per, asked = m.group("per"), (asked_for.group("unit") or "").replace("口人", "人")
    what = asked_for.group("what")
    noun = ""
    for w, f in tagged(question[m.end() : asked_for.start()]):
        if not f.startswith("n"):
            break
        noun += w  # '平均每个项目投入': the 项目 counted
    topic = question[: asked_for.start()]  # '新建的幼儿园，平均每所': what the count is of, named before
    found = _sentence_rows(question, r, ctx, [f for f in focus_terms(question, r) if not re.match(r"平均|每", f)])
    if found is None:
        return None
    sent, _, rows = found
    plan = r.kind == "target" or bool(r.period and r.period.endswith("-plan"))  # '计划新建的幼儿园，平均每所'
    inside = [x for x in rows if x.kind in _LEVEL or plan and x.kind == "target" and x.normalized_unit != "percent"]
    pairs: list[tuple[int, int, Indicator, Indicator]] = []
    # clause by clause ('已脱贫12户30人,符合标准9户31人'), else the sentence ('新建3家托育机构,新增托位84座')
    quotes = list(dict.fromkeys(x.evidence.quote for x in inside))
    for quote in [*quotes, sent]:
        clause = [x for x in inside if x.evidence.quote == quote or quote is sent]
        counts = [x for x in clause if x.normalized_unit == "count" and measure_fits(per, x.unit)]
        counts = _best_of([x for x in counts if len(noun) >= 2 and noun in x.label_zh]  # '平均每个街区': the 街区
                          or counts, lambda x: len(bigrams(x.label_zh) & bigrams(topic)))  # '幼儿园2所、小学1所'
        totals = [x for x in clause if x not in counts and (
            asked and (x.unit.endswith(asked) or asked in ("元", "万元", "亿元") and x.normalized_unit == "CNY")
            or len(what) >= 2 and (what in x.label_zh or what[-2:] in x.label_zh and x.normalized_unit == "count"))]
        totals = _best_of(totals, lambda x: (len(what) >= 2 and what in x.label_zh,  # '多少个网格': not 楼栋格
                                             len(bigrams(x.label_zh) & bigrams(what))))  # '新增学位': 新增幼儿园学位
        if len(counts) == 1 and len(totals) > 1:  # '学校5所,学位4120座,内含中学3所、学位3480座': the next
            after = [x for x in totals if x.evidence.start > counts[0].evidence.start]
            totals = [min(after, key=lambda x: x.evidence.start)] if after else totals
        if len(counts) == 1 and len(totals) == 1 and counts[0].value:
            # the pair whose count is of what the question names ('…改扩建的学校' over '学校5所…内含中学3所'),
            # a clause's own pair before the sentence's
            fit = len(bigrams(counts[0].label_zh) & bigrams(topic)) + len(bigrams(totals[0].label_zh) & bigrams(what))
            pairs.append((fit, int(quote is not sent), counts[0], totals[0]))
    pairs = sorted({(id(p[2]), id(p[3])): p for p in pairs}.values(), key=lambda p: (-p[0], -p[1]))
    if not pairs or len(pairs) > 1 and pairs[0][:2] == pairs[1][:2]:
        return None  # which figure is the count and which the total, no one clause says alone
    _, _, count, total = pairs[0]
    lang = r.language
    mean = total.value / count.value  # 3.42人 per household, 0.1648亿元 per firm: digits kept
    shown = (format_zh if lang == "zh" else format_en)(round(mean, 2) if abs(mean) >= 1 else float(f"{mean:.4g}"),
                                                       total.unit)
    text = msg("derived_average", lang, place=_place(r.places[0], lang), period=_period(total.period, lang),
               per=per + (noun if per == "个" else ""), figure=shown, total=_figure(total, lang),
               count=_figure(count, lang))
    return _answer(question, r, text, [total, count], caveats=[msg("computed_note", lang)])


def _best_of(rows: list[Indicator], fit: Callable[[Indicator], object]) -> list[Indicator]:
    """The rows of one distinct figure that fit best, when one fits better than every other; all rows else."""
    distinct = list({(x.value, x.unit): x for x in rows}.values())
    if len(distinct) < 2:
        return distinct
    ranked = sorted(distinct, key=fit, reverse=True)  # type: ignore[arg-type]
    return ranked[:1] if fit(ranked[0]) != fit(ranked[1]) else distinct


def _from_table(question: str, r: Route, ctx: Context) -> Answer | None:
    if r.unknown_places:
        return scope_decline(question, r, ctx)
    if r.twins and (asks_rank(question) or r.intent != "open" and (r.phrase or r.keys)):
        # '荇湖的税收' with 荇湖街道 and 荇湖镇 in the corpus: never one of them picked for the other
        lang = r.language
        shown = [p if lang == "zh" else f"{place_en(p)} ({p})" for p in r.twins]
        return _answer(question, r, msg("ambiguous_place", lang, places=short_name(r.twins[0]),
                                        listing=join_list(shown, lang)), [], route="abstain")
    twins = ambiguous_places(r, ctx)
    if twins and (asks_rank(question) or r.intent != "open" and (r.phrase or r.keys)):
        lang = r.language
        listing = join_list([f"{c}{p}" for p, cs in twins.items() for c in cs], lang)
        return _answer(question, r, msg("ambiguous_place", lang, places=join_list(list(twins), lang),
                                        listing=listing), [], route="abstain")
    if asks_rank(question) and _RANK_MOVE.search(question):  # '名次前移了几位': two positions, one answer can't say
        return _declined(question, r)
    if asks_rank(question):  # '…排名第几': a stated position, never a figure of the table
        ranked = rank_answer(question, r, ctx)
        value = value_before_rank(question)  # '增速多少？排第几？': the figure first, then its position
        sub = route(value, ctx.reports) if value and ranked else None
        got = indicator_answer(value, sub, ctx) if value and sub and sub.intent != "open" else None
        if got is None or got.route != "indicator" or ranked is None:
            return ranked
        return _joined(question, r, [got, ranked])  # the position, or that the report states none
    first_ask = value_before_rank(question) if r.language == "zh" and STREAK.search(question) else None
    if first_ask:  # '…税收报了多少亿元，已经连续几年全县第一': the figure first, then the streak
        sub = route(first_ask, ctx.reports)
        got = indicator_answer(first_ask, sub, ctx) if sub.intent != "open" else None
        then = re.sub(r"(?:是|为|有|报了?|达到?|完成了?)?(?:多少|几)[^，,？?]*[？?]?$", "", first_ask) + \
            question[len(first_ask) - 1 :]
        kept = indicator_answer(then, route(then, ctx.reports), ctx)
        if got is not None and got.route == "indicator":
            return _joined(question, r, [got, kept]) if kept is not None and kept.route == "indicator" else got
    if r.intent == "open" or not (r.phrase or r.keys):
        return None
    if _BETWEEN_EVENTS.search(question):  # '从签订协议到举行首拆相隔了几天': a gap no one figure of the table states
        where = join_list([_place(p, r.language) for p in r.places], r.language) or msg("all_reports", r.language)
        return _answer(question, r, msg("not_found", r.language, where=where, terms=r.phrase), [], route="abstain")
    if r.intent == "trend" and DERIVE.search(question) and len(r.years) == 2 and not _MORE_ASKED.search(question):
        # '2022年增至300家、同比增长20%，据此推算2021年约有多少家': one figure, computed for the earlier year
        inputs = DERIVE.search(question)
        # '按数量和同比增幅推算…有几家', 'given its level and growth rate, what was it in 2022': a level, not a rate
        asks_level = r.kind == "yoy_growth" and (r.unit_hint not in (None, "percent") or inputs is not None
                                                 and not _GROWTH_ASKED.search(question[inputs.end() :]))
        r = r.model_copy(update={"intent": "lookup", "period": str(min(r.years)), "years": [min(r.years)],
                                 "kind": "actual" if asks_level else r.kind})
    asks = split_asks(question, [m.street for m in ctx.reports if m.street]) \
        if r.intent == "lookup" or r.intent == "aggregate" and len(r.places) == 1 else []  # ('一共多少件？满意率如何？')
    if len(asks) >= 2 and not (r.language == "en" and r.also_kind):  # ('what was X, and what share…': one measure)
        return _each(question, r, asks, ctx)
    # a share of a task, target or budget is its completion rate ('占年度任务38%'); of anything else, never
    of_task = r.kind != "share" or bool(_PLAN_ASKED.search(question))
    if r.kind == "share" and "占" in r.phrase[1:] and not DERIVE.search(question):
        subject = r.phrase[: r.phrase.index("占", 1)]  # '楼宇税收占税收收入的比重': the share is the subject's
        of_task = bool(_OF_PLAN.search(r.phrase[r.phrase.index("占", 1) :]))
        r = r.model_copy(update={"phrase": subject, "keys": [t.key for t in terms_for_question(subject)]})
    if r.kind == "completion_rate" and _GAP_ASKED.search(question) and DERIVE.search(question) \
            and r.unit_hint != "percent":
        # '按完成进度推算，余下月份还需完成多少亿元才能完成全年目标': an amount, from the target the rate implies
        r = r.model_copy(update={"kind": "target"})
    share_en = _SHARE_OF_EN.search(_PLACE_GLOSS.sub("", question)) if r.kind == "share" and r.language == "en" else None
    if share_en:  # 'what proportion of its fixed-asset investment went into industry': the share is industry's
        of_task = False
        r = r.model_copy(update={"phrase": share_en.group("part"), "keys": []})
    rows = _candidate_rows(ctx, r)
    planned = _plan_against_result(question, r, rows, ctx)
    if planned is not None:  # '明年计划…比今年实际…多多少': each side's own figure, the gap computed
        return planned
    if share_en:  # …of that whole: the share's sentence names it
        rows = [x for x in rows if x.kind != "share" or english_coverage(share_en.group("whole"), x.said
                                                                         + (x.context or "")) > 0]
    if not of_task:  # '工业投资占固定资产投资的比重': never the investment's completion of its own plan (办结率 still is)
        rows = [x for x in rows if x.kind != "completion_rate" or not _OF_PLAN.search(x.said)]
    villages = sub_places(question, r.places)
    if villages:  # '某镇某村的集体收入': only a figure the text gives for that village answers it, never the total
        rows = [x for x in rows if all(_village_said(v, x.said + x.label_zh) or _named_before(v, x)
                                       for v in villages)]
        if not rows:  # no figure of that village: never a sentence about the place's other villages instead
            where = join_list([_place(p, r.language) for p in r.places], r.language) or msg("all_reports", r.language)
            return _answer(question, r, msg("not_found", r.language, where=where,
                                            terms=join_list(villages, r.language)), [], route="abstain")
    if not rows:
        return None
    given = _given_rows(question, r, rows)
    if given:  # '华钰集团产值86.4亿元，按其增速推算上一年产值': the figures the question quotes, and their sentence's
        prior = _prior_of_quoted(question, r, given, rows)
        if prior is not None:
            return prior
        level = r.model_copy(update={"kind": "actual"}) if r.kind == "yoy_growth" else r  # the growth is an input
        derived = _derived(question, level, given, r.places[0], _label(given, r.language))
        if derived is not None:
            return derived
    rest = _remainder(question, r, rows, ctx) if len(r.places) == 1 and r.intent == "lookup" and r.kind in _LEVEL \
        and r.unit_hint != "percent" else None  # ('growth excluding VAT refunds': a growth on a basis, no remainder)
    if rest is not None:
        return rest
    ratio = _ratio(question, r, rows, ctx) if len(r.places) == 1 and (
        r.unit_hint == "percent" or r.kind == "share" or _TIMES_ASKED.search(question)
        or r.language == "zh" and (m := _RATIO_ZH.search(question)) and m.group("whole3")) else None
    if ratio is not None:
        return ratio
    times = _RATIO_ZH.search(question) if r.language == "zh" and _TIMES_ASKED.search(question) else None
    if times and times.group("whole2") and not _OF_PLAN.search(times.group("whole2")) and len(r.places) == 1:
        # '明年计划新增的学位，是今年实际新增的几倍': a multiple of two figures not both found is no one figure's
        return _answer(question, r, msg("not_found", r.language, where=_place(r.places[0], r.language),
                                        terms=r.phrase), [], route="abstain")
    formula = _formula(question, r, rows, ctx) if len(r.places) == 1 else \
        _formula_compared(question, r, rows, ctx) if len(r.places) == 2 else None
    if formula is not None:  # '按“罚款总额÷立案结案宗数”计算，平均每宗…': the division the question spells out
        return formula
    per_item = _per_item(question, r, rows, ctx) if len(r.places) == 1 and r.intent == "lookup" else None
    if per_item is not None:
        return per_item
    # (in English, a bare count quoted before another figure is asked: 'it lists 157 firms. How many…')
    asked_after = r.language == "en" and re.search(r"\d[^?]*\bhow (?:many|much)\b", question, re.I)
    quoted = _figures_quoted(question) if asked_after else _figures_in(question)
    if r.intent == "lookup" and len(quoted) == 1 and "%" not in next(iter(quoted))[1] and not DERIVE.search(question) \
            and not _VS_TARGET.search(question) and not _ATTAINED.search(question):  # '实现“突破5亿元”目标了吗'
        # '总投资2.8亿元的某场馆进度完成了多少': the one figure a question names a thing by is never its answer (two
        # figures quoted, or a rate, are what a computation starts from: '签约41户、占比68%，共涉及多少户')
        # (…nor 'it lists 157 such firms: how many carry the little-giant label')
        rows = [x for x in rows if (abs(x.value), x.unit) not in quoted
                and not (x.normalized_unit == "count" and (abs(x.value), "") in quoted)]
    if r.language == "en" and _YES_NO_EN.search(question):
        # 'X grew 5.1% … Did it grow faster than the town's output?': the figure given is what the other is checked
        # against, never the answer
        rows = [x for x in rows if (abs(x.value), x.unit) not in _figures_in(question)]
    excluded = _EXCEPT.search(question)
    if excluded:  # '除拆除方式外、以其他方式消化的面积': never the figure of what the question leaves out
        left_out = re.sub(r"(?:方式|方面|以外|的)+$", "", excluded.group(1) or excluded.group(2) or excluded.group(3))
        rows = [x for x in rows if left_out not in x.label_zh]
    if DERIVE.search(question) and _RATE_BASIS.search(question) and (r.unit_hint != "percent" or r.measure_word):
        # '按办结率推算办结了多少宗': a count the report leaves to be computed; the rate is no answer, nor the cases
        where = join_list([_place(p, r.language) for p in r.places], r.language) or msg("all_reports", r.language)
        return _answer(question, r, msg("not_found", r.language, where=where, terms=r.phrase), [], route="abstain")
    if r.language == "en" and r.keys and _glossed_elsewhere(question, r, rows):
        r = r.model_copy(update={"keys": []})  # 'commercial land (商业用地) … into the land reserve': the gloss's own
    items_en = _listed_en(question, r) if r.language == "en" and len(r.places) == 1 and len(r.years) <= 1 else []
    if items_en:  # 'how many … in total, counting both violations and emergencies': each item's figure, summed
        return _items_summed(question, r, rows) or _answer(
            question, r, msg("not_found", r.language, where=_place(r.places[0], r.language),
                             terms=join_list(items_en, r.language)), [], route="abstain")
    scored = stock_first(question, match_rows(r.phrase, rows, keys=r.keys, lang=r.language, embed=ctx.embed,
                                              counted=r.counted))
    if r.measure_word in DURATIONS and not any(measure_fits(r.measure_word, s.row.unit) for s in scored):
        # 'for how many consecutive years has its GDP (地区生产总值) ranked first': the streak the measure names
        names = [*_GLOSS.findall(question), *(t.zh for t in TERMS if t.key in r.keys)]
        scored += [Scored(x, _SURE, "label") for x in rows if measure_fits(r.measure_word, x.unit)
                   and any(n in x.label_zh for n in names if len(n) >= 2)]
    key = scored[0].row.key if scored and scored[0].score >= 0.9 else "label:"
    if r.intent in ("rank", "aggregate") and len(r.places) >= 2 and not r.keys and not key.startswith("label:"):
        # 'which collected more tax': the lexicon indicator the best match is, under each place's own wording (各项税收总额)
        scored = match_rows(r.phrase, rows, keys=[key], lang=r.language, embed=ctx.embed, counted=r.counted)
    measure = _best_measure(scored, r, question)
    if not measure and r.language == "zh" and r.phrase:
        # '刚开始看禾川的报告：…规上工业产值一共做了多少亿', '写稿要用': an analyst's own words around the measure; the
        # words some figure's label holds are read alone, and only a strong match of them is taken
        trimmed = _label_words(r.phrase, {x.label_zh for x in rows}, [t for t in TERMS if t.key in r.keys])
        dropped = "".join(c for c in r.phrase if c not in trimmed)
        # (…never when the words dropped say a period, a computation, a scope, a comparison or what is left out:
        # '前一年的固投', '全口径税收', '按…推算', '谁的固投少一些', '没有说…完成的还有几个'; never a bare '投资')
        lexical = any(t.regex.fullmatch(trimmed) for t in TERMS if t.key in r.keys)  # ('税收': a lexicon indicator)
        new_only = dropped == "新" and r.phrase.startswith("新")  # ('新上市公司' less 新 is another measure)
        if shorter_thing(r.phrase, trimmed):
            trimmed = r.phrase  # ('葡萄干产量' less 干 is the grapes' output: another thing's)
        if (len(trimmed) >= 3 or lexical) and trimmed != r.phrase and not _NOT_DROPPED.search(dropped) and not new_only:
            again = stock_first(question, match_rows(trimmed, rows, keys=r.keys, lang="zh", embed=ctx.embed))
            if again and again[0].score >= _TRIMMED_SURE:
                r, scored = r.model_copy(update={"phrase": trimmed}), again
                measure = _best_measure(scored, r, question)
        elif (len(trimmed) >= 3 or lexical) and new_only and len(r.places) == 1:
            # '新上市了几家公司' over '上市公司达9家': the stock is stated, the number added is not
            stock = [s.row for s in match_rows(trimmed, rows, keys=r.keys, lang="zh", embed=ctx.embed)
                     if s.score >= _TRIMMED_SURE and s.row.street == r.places[0] and s.row.kind in _LEVEL
                     and (not r.period or period_matches(_base_period(s.row.period), r.period))]
            if stock:
                x = stock[0]
                return _answer(question, r, msg("only_stock", r.language, place=_place(x.street, r.language),
                                                period=_period(x.period, r.language), label=_label([x], r.language),
                                                figure=_figure(x, r.language), n=1), [x], route="abstain")
    part_asked = _part_asked_zh(question) if r.language == "zh" else None  # read once, used below
    if not measure:
        part_zh = part_asked if r.intent == "lookup" and len(r.places) == 1 else None
        if part_zh and part_zh.group(2):  # the whole matched nothing: the part's own figure, or no figure
            part_name = re.sub(r"[“”]", "", part_zh.group(2))
            measure = _part_measure(question, part_zh, part_name, r, [x for x in rows if x.street == r.places[0]], ctx)
            if not measure:
                return _answer(question, r, msg("not_found", r.language, where=_place(r.places[0], r.language),
                                                terms=part_name), [], route="abstain")
        else:
            return None
    measure += _said_after(measure, rows, r)
    measure += _family_elsewhere(measure, rows, r)
    measure += _worded_elsewhere(measure, scored, r)
    if r.intent in ("rank", "aggregate") and len(r.places) > 1:
        # one lexicon indicator, rows that say more or less than asked: '完工项目' ranks the projects completed,
        # never one place's projects under way beside another's completed
        fits = {id(x): qualifier_fit(r.phrase, x.label_zh) for x in measure}
        if any(f >= 1 for f in fits.values()):
            measure = _same_name_elsewhere([x for x in measure if fits[id(x)] >= _FAMILY_FIT], fits, scored)
    places = list(r.places) or _places_in(measure)
    # places whose figures match about as well as the best ('雁田水库…工程进度' at 1.0 is not rivalled by 河流 at 0.5)
    matched = _places_in([s.row for s in scored if s.score >= min(scored[0].score - _NEAR, _RIVAL)])
    named = _named_in_one(question, [s.row for s in scored]) \
        if r.intent == "lookup" and not r.places and not r.districts else None
    if named and len(matched) > 1:  # '红星城中村统租改造签约腾空多少套': a project only one place's sentences name
        r = r.model_copy(update={"places": [named]})
        places, matched = [named], [named]
        measure = [x for x in measure if x.street == named] or [s.row for s in scored if s.row.street == named]
    if r.intent == "lookup" and not r.places and len(matched) > 1:  # no place named: ask, never pick one
        lang = r.language
        shown = [p if lang == "zh" else f"{place_en(p)} ({p})" for p in matched]
        return _answer(question, r, msg("which_place", lang, label=_label(measure, lang),
                                        places=join_list(shown, lang)), [], route="abstain")
    to_go = _to_target(question, r, measure, places[0]) if len(places) == 1 and r.intent == "lookup" else None
    if to_go is not None:
        return to_go
    if len(places) == 1 and (_VS_TARGET.search(question) and (
            ASKS_CHANGE.search(question) or _DIFF_ASKED.search(question)
            or re.search(r"缺口(?:有|是)?(?:多大|多少)", question)  # '对照…提出的收入目标，…收入缺口有多大
            or re.search(r"超出[^，,？?]{0,24}?(?:目标|计划|任务)(?:大约|约)?(?:多少|几)|\bhow (?:much|many) (?:more|fewer|less)\b|"
                         r"比[^，,？?]{0,8}?(?:计划|目标|任务)[多少][\u4e00-\u9fff]{0,3}?了?(?:多少|几)|"  # '实际比计划多完成了多少'
                         r"\bhow (?:much|many|far)\b[^?]{0,20}?\b(?:below|above|short of|over|under)\b|"
                         r"\bby how (?:much|many)\b.*\b(?:"
                                                      r"exceed|surpass|beat|top|miss|fall short|fell short|falling short|fallen short|overshoot|"
                                                      r"overr?an|undershoot)", question, re.I))
            or _ATTAINED.search(question)):
        # (the result and the plan may be worded apart: '其中10万元以上的村11个' and '…10万元以上的村达到12个')
        best_score = max((x.score for x in scored), default=0.0)
        chosen = {id(x) for x in measure}
        near = [x.row for x in scored if x.score >= max(0.85, best_score - 0.15) and id(x.row) not in chosen
                and x.row.normalized_unit == measure[0].normalized_unit] if measure else []
        against = _actual_vs_target(question, r, measure + near, places[0])
        if against is not None:
            return against
    if r.intent == "aggregate" and len(r.places) == 1 and len(r.years) <= 1:
        # '一共…多少人次的A和B': the items of one place summed; one item: that figure (一共 is no sum over places)
        compound = _stated_total(question, r, scored, joined=True)
        if compound is not None:  # '给养老、助残发的补贴' over '发放养老助残补贴…': the report's one name for both
            measure, r = [compound], r.model_copy(update={"intent": "lookup"})
        summed = _items_summed(question, r, rows) if compound is None else None
        if summed is not None:
            return summed
        items = _listed(question, r) if compound is None else []
        graded = _graded_parts(question, r, scored) if len(items) < 2 else None
        if graded is not None:
            return graded
        stated = _stated_total(question, r, scored) if len(items) >= 2 else None
        if stated is not None:  # '东园、西园两个停车场一共新增多少车位' over '完成东园、西园2个停车场建设,新增车位301个'
            measure, r = [stated], r.model_copy(update={"intent": "lookup"})
        elif len(items) >= 2 or _ADDED_UP.search(question) and not re.search(r"那\s*\d+\s*[家个所户项座名]|\d+个(?:行政村|村|社区)",
                                                                                question) \
                and not any(re.search(r"合计|共计|总计|总共|一共|总额", x.evidence.quote) for x in measure):
            # ('意向投资额加起来有多少' over '意向投资金额合计12亿元': the report's own sum answers it)
            # ('那17家企业…营业收入加起来', '12个村…加起来': the members' total is the stated figure, their sum)
            # 'A和B一共多少', '…的问题，加上…的问题，一共多少': one item's figure is not the sum; say what was looked for
            return _answer(question, r, msg("not_found", r.language, where=_place(r.places[0], r.language),
                                            terms=join_list(items or [r.phrase], r.language)), [], route="abstain")
        else:
            r = r.model_copy(update={"intent": "lookup"})
    if r.intent in ("rank", "aggregate") and not r.places:  # every place is listed, '未报告' where it is absent
        places += [m.street for m in ctx.reports if m.street and m.street not in places]
        places = list(dict.fromkeys(places))
    named_part = part_asked
    part_word = (named_part.group(2) or "") if named_part else ""  # '存栏中能繁母牛有多少': the part, by name
    part_core = re.sub(r"(?<=..)(?:企业|单位|公司)$", "", re.sub(r"[“”]", "", part_word))  # ('限上商贸企业' is 限上商贸)
    part_found = bool(part_word) and any(part_core in s.row.label_zh for s in scored)
    rivals = _rivals(scored, measure, places[0], r, question) if r.intent == "lookup" and len(places) == 1 and not part_found \
        else []
    if rivals:  # a weak match that other measures match as well: ask, never guess
        lang = r.language
        shown = [_label([x], lang) for x in [measure[0], *rivals]]
        return _answer(question, r, msg("ambiguous_measure", lang, place=_place(places[0], lang),
                                        labels=join_list(list(dict.fromkeys(shown)), lang)), [], route="abstain")
    # 'using its count and growth, how many added'; '一年净增了多少家' (净增 is the change, whatever is derived)
    added = bool(DERIVE.search(question) and _ADDED_ASKED.search(question) or _NET_ADDED.search(question))
    more_en = r.language == "en" and bool(_MORE_EN.search(question))
    if len(places) == 1 and (_MORE_ASKED.search(question) or added or more_en) and r.unit_hint != "percent" \
            and (added or r.unit_hint or more_en):
        # '按增速倒推…多出多少亿元' asks yuan; '税收比上年增长了多少' asks the rate the report states
        increase = _increase_from_growth(question, r, measure, places[0])
        if increase is not None:
            return increase
    held = _stock_for_flow(question, r, measure, places) if not added and len(places) == 1 else None
    if held is not None:
        # 'how many four-above firms were added' over '四上企业增至342家，同比增长12.5%': roughly, from the level and
        # its growth; else the total is said and the number added declined
        derived = _increase_from_growth(question, r, measure, places[0], derive=True) \
            if _ROUGHLY.search(question) else None
        return derived or _answer(question, r, msg("only_stock", r.language, place=_place(held.street, r.language),
                                                   period=_period(held.period, r.language),
                                                   label=_label([held], r.language),
                                                   figure=_figure(held, r.language), n=1), [held], route="abstain")
    if r.kind == "yoy_change":
        r = _change_route(question, r, measure, places)
        if r.kind == "actual" and r.intent == "trend" and len(r.years) == 2 and not any(x.kind in _LEVEL for x in measure):
            # ('大豆面积比上年增加3.1万亩' of 2021 when 2021→2022 is asked: the change from the two years' levels)
            measure = _best_measure(scored, r, question) or measure
    if r.intent == "trend" and r.kind == "yoy_growth" and len(r.years) == 2 and not _PERCENT_ASKED.search(question):
        r = r.model_copy(update={"kind": "actual"})  # 'how much did it rise between 2022 and 2024': the levels
    if r.unit_strict and r.intent in ("trend", "rank", "aggregate") and not (
            r.intent == "rank" and r.kind in ("completion_rate", "share")  # '哪个…完成任务的比例更高': rates ranked
            or r.kind == "yoy_growth" and len(r.years) <= 1):  # '比上年减产了百分之几': the stated rate
        units = _UNITS_OF.get(r.unit_hint or "", {r.unit_hint})
        levels = (*_LEVEL, "target") if r.kind == "target" else _LEVEL  # a plan's '新增停车位420个' is its level
        measure = [x for x in measure if x.normalized_unit in units or x.kind not in levels]
        if not any(x.kind in levels for x in measure):  # '增加了几栋' over a measure only stated in yuan
            lang = r.language
            where = join_list([_place(p, lang) for p in places], lang) or msg("all_reports", lang)
            return _answer(question, r, msg("not_found", lang, where=where, terms=r.phrase), [], route="abstain")
    part_zh = part_asked if r.intent == "lookup" else None
    asked_part = re.sub(r"[“”]", "", part_zh.group(2) or part_zh.group(3)) if part_zh else ""
    # '稻虾共作面积中，当年新扩出来的部分': the year's addition to the whole (新增), in plain words
    asked_part = _ADDED_PART.sub("新增", re.sub(r"^(?:当年|今年|全年|年内|本年|那年|当期)(?=..)", "", asked_part))
    core = re.sub(r"^(?:属于|是|为)|的$", "", asked_part)
    if part_zh and asked_part.endswith("的") and core and (tagged(core)[0][1] == "d" or re.search(
            r"(?:落户|签约|开工|竣工|投产|建成|完工|入库|纳统|落地|完成|实施|到位)$", core)):
        part_zh = None  # '项目里，真正落户的有几个': a state some are in ('属于中小学的': a part named by a noun)
    # '“小升规”的有多少家': the part is 小升规; '限上贸易类有多少家': 限上贸易
    asked_part = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:类|方面)$", "", asked_part.removesuffix("的"))
    band = re.fullmatch(r"[\d.]+(?:至[\d.]+)?[万亿]?元(?:及?以上|及?以下)?(?:项目)?", asked_part)  # ('10至500万元的那部分')
    if part_zh and (part_zh.group(3) or len(asked_part) > 6) and not band and not all(
            pos.startswith("n") for _, pos in tagged(asked_part)):
        part_zh = None  # '项目中，有几个进入了建设阶段': a state some are in, no part named by a noun (个体工商户)
    if part_zh and question[part_zh.end(1) : part_zh.end(1) + 3] in measure[0].label_zh:
        part_zh = None  # '脐橙中晚熟品种面积': 中晚熟 is the label's word, no part of a whole
    if part_zh and asked_part not in measure[0].label_zh and not re.search(r"率|比例|比重", asked_part):
        # '新增的市场主体中企业有多少户': the part's own figure (新增企业), never the whole's
        # …of the whole's kind: the part of the year's new entities is new too (新增企业, not 规上工业企业)
        measure = _part_measure(question, part_zh, asked_part, r, [x for x in rows if x.street in places], ctx)
        if not measure:
            return _answer(question, r, msg("not_found", r.language, where=_place(places[0], r.language),
                                            terms=asked_part), [], route="abstain")
    state = _STATE_ASKED.search(question) if r.intent == "lookup" and r.language == "zh" else None
    said = re.sub(r"^(?:跟|和|与|同)?(?:居民|群众|业主|村民|企业)?", "", state.group(1) or state.group(2)) if state else ""
    said = re.sub(r"^办(?=手续|证)", "办理", said)  # ('还在办手续': 正在办理…手续)
    words = re.findall(r"[\u4e00-\u9fff]{2}", said)  # (in two-character steps: '办理手续' is 办理 and 手续)
    in_state = [x for x in rows if x.street in places and x.normalized_unit == measure[0].normalized_unit
                and (said in x.label_zh or words and all(w in x.label_zh for w in words))] if state and len(said) >= 2 else []
    if in_state and len({x.label_zh for x in in_state}) == 1:
        measure = in_state  # ('…2个项目正在开展拆迁谈判': the ones in that state have a figure of their own)
    elif state and not any(said[n : n + 2] in measure[0].label_zh for n in range(len(said) - 1)):
        # '城市更新项目里面，有几个项目还在跟居民谈拆迁': the ones in that state, which the whole's figure is not
        return _answer(question, r, msg("not_found", r.language, where=_place(places[0], r.language), terms=said), [],
                       route="abstain")
    part = (_PART_ASKED.search(question) or _PART_OF_EN.search(question)) \
        if r.language == "en" and r.intent == "lookup" else None
    # the part's own words, those the whole is not named by ('Of the school places…, how many were kindergarten
    # places': kindergarten)
    whole_words = set(re.findall(r"[a-z]+", question[: part.start(1)].lower())) if part else set()
    own_words = " ".join(w for w in re.findall(r"[A-Za-z-]+", part.group(1)) if w.lower() not in whole_words) \
        if part else ""
    # (the Chinese the part gives names it outright: 'how much was the “Suqian” (苏芡) variety')
    part_cjk = [g for g in re.findall(r"[\u4e00-\u9fff]{2,}", part.group(1)) if g not in "".join(places)] if part else []

    def part_named(label: str, words: str) -> bool:
        return english_coverage(words, label) > 0 or bool(part_cjk) and all(g in label for g in part_cjk)

    if part and own_words and not part_named(measure[0].label_zh, own_words):
        parts = [s for s in match_rows(part.group(1), [x for x in rows if x.street in places], lang="en",
                                       embed=ctx.embed) if part_named(s.row.label_zh, own_words)]
        if not parts and part_cjk and measure:  # ('苏芡种植面积' under '芡实种植面积': the part's label holds its Chinese)
            parts = [Scored(x, _SURE, "label") for x in rows if x.street in places and all(g in x.label_zh for g in part_cjk)
                     and x.normalized_unit == measure[0].normalized_unit]
        measure = _best_measure(parts, r)
    if part and (not measure or not part_named(measure[0].label_zh, part.group(1))):
        # 'Of the market entities newly registered, how many were enterprises?': the whole's figure is no answer
        return _answer(question, r, msg("not_found", r.language, where=_place(places[0], r.language),
                                        terms=part.group(1).strip()), [], route="abstain")
    if r.intent == "lookup" and AVERAGE_ASKED.search(question) and not PER_MONTH.search(question) \
            and not re.search(r"均|每", measure[0].label_zh) \
            and not re.search(r"per capita|人均", question, re.I):
        # 'how many grid cells does each block contain on average': the total is no average
        return _answer(question, r, msg("not_found", r.language, where=_place(places[0], r.language),
                                        terms=r.phrase), [], route="abstain")
    one_place = r.language == "zh" and r.intent == "lookup" and len(places) == 1
    opener = _ENTITY.match(r.phrase) if one_place else None
    zone_missed = False
    kind_word = re.search(rf"(?:{_ENTITY_KINDS})$", opener.group(1)) if opener and "“" in opener.group(1) else None

    def names_it(s: Scored) -> bool:  # a match of the place asked whose label, clause or sentence names the entity
        return s.row.street == places[0] and s.score >= THRESHOLD and _unnamed_entity(r, [s.row], places[0]) is None

    if kind_word and not any(kind_word.group(0) in x.label_zh for x in measure):
        # '“某湾”片区当年的游客量' over '片区全年接待游客11.2万人次，带动全镇接待游客31.5万人次': the figure
        # labelled by the kind of place asked (片区), where the place is named, not the town's total beside it
        own = [s for s in scored if kind_word.group(0) in s.row.label_zh and names_it(s)
               and (not (r.period or r.years) or _asked_period(s.row, r))]
        entity_named = _entity_named(r.phrase)
        zone_missed = not own and bool(re.fullmatch(ZONE_KINDS, kind_word.group(0))) and any(
            kind_word.group(0) in x.label_zh and x.normalized_unit == measure[0].normalized_unit
            and _names_entity(entity_named, x, places[0]) and (not (r.period or r.years) or _asked_period(x, r)) for x in rows)
        measure = _best_measure(own, r, question) or measure
    entity = _unnamed_entity(r, measure, places[0]) if one_place else None
    entity_named = _entity_named(r.phrase)
    naming = [x for x in measure if _names_entity(entity_named, x, places[0])] if one_place and entity is None else []
    if naming and len(naming) < len(measure):
        # '某综合体项目接待了多少游客' over the town's '全年接待游客64万人次' and the project's own '建成后预计年接待游客
        # 20万人次': only the figures where the project is named are its
        measure = naming
    there = [s for s in scored if names_it(s)] if entity else []
    if there:  # '问“某湾”片区的游客' over the town's total and '…“某湾”茶旅片区，片区全年接待游客…': the one naming it
        measure, entity = _best_measure(there, r, question), None
    if kind_word and zone_missed and not any(kind_word.group(0) in x.label_zh for x in measure[:1]):
        # ('“某台”片区迎来多少游客' over '某台片区全年迎客5.2万人次，占全镇接待游客总量8.3万人次…': the zone's
        # own figure is there under a label the question's words miss; the town's total is never it)
        return _answer(question, r, msg("not_found", r.language, where=_place(places[0], r.language),
                                        terms=r.phrase), [], route="abstain")
    if entity:  # '某综合体项目接待了多少游客' over the town's '全年接待游客64万人次': a project's figure, not the place's
        return _answer(question, r, msg("not_found", r.language, where=_place(places[0], r.language), terms=entity),
                       [], route="abstain")
    if r.intent == "trend" and len(places) == 1 and len(r.years) == 1 and any(
            x.kind == "yoy_growth" and x.street == places[0] and x.period[:4] == str(r.years[0]) for x in measure):
        # '2023年盗窃警情比上年变动了多少': one year's change on the last is the growth its report states
        return _lookup(question, r.model_copy(update={"intent": "lookup", "kind": "yoy_growth"}), measure, places[0],
                       ctx)
    if r.intent == "trend":
        return _trend(question, r, measure, places, ctx)
    if r.intent in ("rank", "aggregate") or len(places) > 1:
        return _ranking(question, r, measure, places, ctx)
    return _lookup(question, r, measure, places[0], ctx)


_TRIMMED_SURE = 0.9  # a phrase cut down to label words is trusted only on a strong match
_NOT_DROPPED = re.compile(r"[前上去今明]一?年|半年|季|月|期|[比占率均每差级多少高低大小]|推算|倒推|测算|增加|减少|口径|还有|没|未|剩|其余|除|以外|之外")


def _label_words(phrase: str, labels: set[str], terms: Sequence[Term] = ()) -> str:
    """The runs of a phrase (two characters or more, longest first) that some label holds or a lexicon term asked
    names ('GDP'), in order: '刚开始看报告规上工业产值做' -> '规上工业产值'."""
    text, pool = abbreviated(phrase), "\n".join(abbreviated(x) for x in labels)
    starts = {m.start(): m.end() for t in terms for m in t.regex.finditer(text) if m.end() > m.start()}
    out, i = [], 0
    while i < len(text):
        end = starts.get(i) or next((j for j in range(len(text), i + 1, -1) if text[i:j] in pool), 0)
        if end:
            out.append(text[i:end])
            i = end
        else:
            i += 1
    return "".join(out)


def _said_after(measure: list[Indicator], rows: list[Indicator], r: Route) -> list[Indicator]:
    """Rows of the kind asked that the measure's lexicon indicator has right after one of its figures, under a
    shorter name ('发生安全生产事故13宗，事故宗数下降31.6%'): the same indicator's rate, though its label
    matched the question less well."""
    keys = {x.key for x in measure if not x.key.startswith(("label:", "other:"))}
    if len(keys) != 1 or r.kind not in ("yoy_growth", "completion_rate"):
        return []
    have = {id(x) for x in measure}
    return [x for x in rows if id(x) not in have and x.key in keys and x.kind == r.kind and any(
        y.report_id == x.report_id and y.period == x.period and 0 < x.evidence.start - y.evidence.start <= _SAME_SENTENCE
        for y in measure)]


def _unnamed_entity(r: Route, measure: list[Indicator], place: str) -> str | None:
    """The project, site or park the phrase opens with ('茶旅综合体项目接待游客') when no figure of the measure is
    read where it is named; None when there is none or a figure's label, clause or sentence names it. Any word of
    its name will do ('截至年中，某工业区利益统筹项目', two 水库 listed in one 工程), but a quoted name must be
    there itself ('“某某谷”产业片区')."""
    m = _ENTITY.match(r.phrase)
    named = _entity_named(r.phrase)
    if m is None or not named[0]:
        return None  # ('新建一所、改建两所学校后，合计新增多少学位': what was done, no name)
    return None if any(_names_entity(named, x, place) for x in measure) else m.group(1)


def _entity_named(phrase: str) -> tuple[list[str], list[str]]:
    """The words that name the entity a phrase opens with, and its quoted names; two empty lists when it opens
    with none or names none ('新建…', a kind alone)."""
    m = _ENTITY.match(phrase)
    core = _ENTITY_KIND.sub("", m.group(1)) if m else ""
    if m is None or len(core) < 2 or re.match(r"盖|建|新建|扩建|改建|改扩建|修建|新修|兴建", m.group(1)):
        return [], []
    words = [w for w, f in tagged(core) if len(w) >= 2 and not f.startswith("v")] or [core]  # '建成' names nothing
    return words, re.findall(r"“([^”]{2,8})”", m.group(1))


def _names_entity(named: tuple[list[str], list[str]], x: Indicator, place: str) -> bool:
    """The figure's label, clause or sentence names the entity (`_entity_named`; False when none)."""
    words, quoted = named
    text = x.label_zh + x.said + x.context  # (a Traditional report's words, read Simplified)
    return bool(words) and x.street == place and all(q in text for q in quoted) \
        and (bool(quoted) or any(w in text for w in words))


# A named project, site or park a question's phrase opens with ('茶旅综合体项目接待游客'), and its generic words.
_ENTITY_KINDS = r"项目|工程|综合体|产业园|园区|景区|电站|基地|片区|停车场|学校|公园|广场|医院|水库"
_ENTITY = re.compile(rf"^([\u4e00-\u9fff“”]{{2,14}}?(?:{_ENTITY_KINDS}))(?=[\u4e00-\u9fff]{{2}})")
_ENTITY_KIND = re.compile(rf"(?:{_ENTITY_KINDS}|[“”])+$|[“”]")
_GLOSS = re.compile(r"[（(]([\u4e00-\u9fff“”]{2,12})[)）]")


def _glossed_elsewhere(question: str, r: Route, rows: list[Indicator]) -> bool:
    """An English question glosses its measure in Chinese ('commercial land (商业用地)'), the gloss names no lexicon
    indicator, and a row of the place is labelled with it: the gloss, not an indicator its English words suggest
    ('land reserve' → 土地入库), is what is asked."""
    glosses = [g for g in _GLOSS.findall(question)
               if not any(g in p or short_name(p) in g for p in r.places) and not terms_for_question(g)]
    return any(g in x.label_zh for g in glosses for x in rows if not r.places or x.street in r.places)


_UNIT_WORDS = {"面积": "m2", "数量": "count", "个数": "count", "家数": "count", "户数": "count", "人数": "count",
               "金额": "CNY", "资金": "CNY", "总额": "CNY"}


def _unit_named(phrase: str, best: list[Scored]) -> bool:
    """The phrase ends with a word for the unit its best label's figures are in ('生态茶园面积' over 生态茶园 in 亩):
    that word names no other measure."""
    return any(phrase.endswith(w) and all(s.row.normalized_unit == u for s in best) for w, u in _UNIT_WORDS.items())


def _change_route(question: str, r: Route, measure: list[Indicator], places: list[str]) -> Route:
    """'比上年增加了多少元': the stated change of the year asked (较上年增加840元) answers it as a lookup; with none
    stated, the change is computed from two years' levels (trend) or the level answers ('增加了几家' = 新增5家)."""
    years = {str(y) for y in r.years}
    stated = [x for x in measure if x.kind == "yoy_change" and x.street in places
              and (not years or x.period[:4] == str(max(r.years)))]
    if stated and (len(places) == 1 or r.intent != "trend"):
        year = max(r.years) if r.years else None
        return r.model_copy(update={"intent": "lookup" if len(places) == 1 else r.intent,
                                    "period": str(year) if year and r.intent == "trend" else r.period,
                                    "years": [year] if year else []})
    own = [x for x in measure if x.street in places and not x.period.endswith("-plan")]
    level_years = {int(x.period[:4]) for x in own if x.kind in _LEVEL and x.period[:4].isdigit()}
    last = r.years[0] if len(r.years) == 1 else max(level_years, default=0)
    if len(places) == 1 and r.unit_hint is None and len(r.years) <= 1 and last - 1 not in level_years and any(
            x.kind == "yoy_growth" and x.period[:4] == str(last) for x in own):
        # '事故宗数比上年少了多少' with no earlier level to subtract: the rate the report states answers it
        return r.model_copy(update={"kind": "yoy_growth", "intent": "lookup"})
    if (r.intent == "trend" or len(places) == 1 and _ON_LAST_YEAR.search(question)) and len(r.years) <= 1:
        # '2024年比上年多了多少万元': the year before is the other level; with no year named, the last two years
        return r.model_copy(update={"kind": "actual", "intent": "trend", "years": [last - 1, last] if last else [],
                                    "period": None})
    if r.unit_hint not in (None, "count") and (PREVIOUS_YEAR.search(question) or _ON_YEAR_AGO.search(question)):
        return r  # 'up by how many 亿 yoy' with no growth to compute from: the level is no change on last year
    if re.search(r"[比较][^，,？?]{0,30}?(?:预计|估计|预期|预测)(?:的)?(?:数|值|数字)?", question):
        return r  # '实际入榨…比年底总结里的预计数少了多少': a gap to an estimate, never the level alone
    return r.model_copy(update={"kind": "actual"})


_ON_YEAR_AGO = re.compile(r"同比|\byoy\b|\by-o-y\b|\byear[- ]on[- ]year\b", re.I)  # the same span a year before
_ON_LAST_YEAR = re.compile(r"[比较](?:上一?年|去年|前一年)|\bthan (?:in )?(?:the )?(?:previous|last|prior|year before)\b|"
                           r"\bthan (?:a|one) year (?:earlier|before|ago)\b", re.I)


_OF_PLAN = re.compile(PLAN_OBJECT)
_PLAN_ASKED = re.compile(_OF_PLAN.pattern + r"|\b(?:task|target|plan|quota)s?\b|\bbudgets?\b(?! revenue)", re.I)
_RANK_MOVE = re.compile(r"(?:前移|后移|提升|上升|下降|后退|前进|进步|退步)了?几[位名个]|\bhow many (?:places|positions|spots)\b",
                        re.I)
_ADDED_UP = re.compile(r"加上|再加|加起来|相加|\badding\b|\bplus\b|\bcounting\b[^?]{0,80}?\btogether\b|(?<=[A-Za-z\u4e00-\u9fff])\s*\+\s*(?=[A-Za-z\u4e00-\u9fff])",
                       re.I)  # ('combined income' is one total)
# 'how much chestnut', 'how much land': a quantity asked, never a count of things
_HOW_MUCH_STUFF = re.compile(r"\bhow much\b(?! more\b| less\b| higher\b| lower\b)", re.I)
# 'how many of the new firms were in the service sector': a part of what is named, by what it did or is
_PART_OF_GIVEN = re.compile(r"其中|\bof (?:which|that|those|them|it)\b", re.I)
_ABSOLUTE_CHANGE = re.compile(r"(?:增加|增长|减少|下降|增收|减收)(?:了)?的?(?:绝对额|绝对值|绝对量|绝对数)|"
                              r"\b(?:absolute|in absolute terms)\b[^?]{0,40}\b(?:increase|rise|growth|gain|fall|drop)\b|"
                              r"\b(?:increase|rise|growth|gain|fall|drop)\b[^?]{0,40}\bin absolute terms\b", re.I)
_HOW_MANY_OF = re.compile(r"\bhow many of\b[^?]{3,100}?\b(?:were|was|are|is|had|have|has|got|went)\b(?P<pred>[^?]+)", re.I)
_PERIOD_EN = re.compile(r"\b(?:by|at|in|during|over) (?:the )?(?:end of |first half of |course of )?(?:[A-Z][a-z]+ )?(?:20\d\d|year|"
                        r"[A-Z][a-z]+)\b|\b(?:been|already|so far|yet)\b")
# '算上新增12家、退库3家之后，年末还剩多少家': the stock once the year's changes are counted, no part left undone
_NET_OF_CHANGES = re.compile(r"(?:算上|加上|扣除|扣掉|去掉|除去|减去)[^，,？?]{1,30}?(?:之后|以后)[，,]")
# what is still to do ('第四季度还需完成多少'), never a difference between two figures ('相差多少')
_STILL_TO_DO = re.compile(r"还需|尚需|还差|尚差|余下|还剩|尚剩|还(?:要再|得再?|需要再?)(?:完成|实现|收|干)")
# a stock asked in English, and the year's additions asked
_STOCK_EN = re.compile(r"\bin total\b[^?]{0,30}\b(?:at|by) the end of\b|\b(?:at|by) the end of\b[^?]{0,30}\bin total\b|"
                       r"\btotal number\b|\bnot just the new\b|\ball told\b|\bstock\b|\bin total after\b|"
                       r"\bafter the (?:additions|new ones)\b", re.I)
_NEW_ASKED_EN = re.compile(r"(?<!just the )\bnew(?:ly)?\b|\badded\b", re.I)
# '某街道现在总共拥有几家高企': the stock asked in Chinese, when no word of a year's additions is said
_MONTH_ON_MONTH = re.compile(r"环比|\bmonth[- ]on[- ]month\b|\bm/m\b|\bquarter[- ]on[- ]quarter\b", re.I)
# animals and crops a one-character word names ('牛存栏', '茶产量'): a herd's or a harvest's total is never theirs
_ONE_CHAR_THINGS = frozenset("牛羊猪鸡鸭鹅鱼虾蟹蚕蜂马驴骡驼兔鸽茶稻麦棉麻桑菇")
_ACTUAL_ASKED = re.compile(r"\bactually\b|\bin fact\b|\breally\b|实际到位|真正到位|实际(?:投入|到账|引进|落地)", re.I)
_INTENDED = re.compile(r"意向|拟投资|拟引进|协议(?:投资|引资|金额)|签约(?:投资|金额)|计划(?:总)?投资")
_STOCK_ZH = re.compile(r"(?:到底|一共|总共|共计|现在|目前|总)(?:有|拥有)(?:多少|几)|共有(?:多少|几)|拥有(?:多少|几)|总数|"
                       r"(?:年底|年末)(?:一共|总共|共)?有(?:多少|几)")
_FLOW_ZH = re.compile(r"新|增|认定|通过|培育|引进|评上|获评|入选|升规|纳入|注册|登记")
def _left_stated(question: str, got: Answer) -> bool:
    """'the flood-prone spots that are still left' over '对剩余4处易涝点…': what is left, stated by the report itself."""
    return bool(_LEFT_EN.search(question)) and not _COMBINED.search(_LEFT_EN.sub(" ", question)) and any(
        re.search(r"剩余|剩下|其余|" + STILL_LEFT, c.quote) for c in got.citations)


_LEFT_EN = re.compile(r"\bleft to (?:do|go)\b|\bstill left\b", re.I)  # what is left, asked in English
# a figure computed from two or more the question names: a sum, a difference, what is left
_COMBINED = re.compile(r"连同|加上|减去|减掉|\bplus\b|\bminus\b|\b(?:lags?|lagged|trails?|trailed) behind\b|\badding\b[^?]{3,80}\band\b|之和|\bcombined with\b|\btogether with\b|\bhow many more\b[^?]{3,80}\bthan\b|"
                       + _LEFT_EN.pattern, re.I)


_DIFFERENCE_ASKED = re.compile(r"相减|之差|多出了?(?:多少|几)|相差|(?<![偏误落])差了?(?:多少|几)|\bdifference between\b|\bsubtract",
                               re.I)
_ITEM_JOIN = r"加上?|和|及|与|、"  # what joins the items a bracket lists
# parts a bracket says are added up ('新增的学位（小学加初中）'): every one must be among what the answer cites
_SUMMED_IN_BRACKETS = re.compile(r"[（(]([\u4e00-\u9fff]{1,8}?)(?:(?<![增参附追外施])加上?|连同)([\u4e00-\u9fff]{1,8}?)(?:合计|一起|合起来)?[）)]")
_ITEMS_BRACKETED = re.compile(r"(?:一共|总共|合计|共计|共)[^（(，,？?]{0,8}?(?:多少|几)[个座家项名人所条处]?([\u4e00-\u9fff]{2,6})"
                              rf"[（(]([\u4e00-\u9fff]{{2,10}}(?:{_ITEM_JOIN})[\u4e00-\u9fff]{{2,10}})[）)]")


def _without_places(text: str, r: Route, blank: str = " ") -> str:
    """The text with the places the question names blanked, by full or short name ('禾溪2023年…')."""
    for p in r.places:
        text = text.replace(p, blank).replace(short_name(p), blank)
    return text


def _listed(question: str, r: Route) -> list[str]:
    """The items a Chinese question lists ('摩托车、电动车和货车一共…'), each as an indicator phrase; in English, the
    items an asked total names ('counting both violations and emergencies', 'how many A, B and C … in total')."""
    if r.language != "zh":
        return _listed_en(question, r)
    after = _TOTAL_NAMED.search(question)
    if after and any(f.startswith("n") for _, f in tagged(after.group(1))):
        return []  # '建新校、改旧校，一共多出多少床位': the list says how; the total names the one measure asked
    bracket = _ITEMS_BRACKETED.search(question)
    if bracket:  # '一共新增多少学位（幼儿园加基础教育）': the items of the noun counted, each with that noun
        noun = bracket.group(1)
        return [x if x.endswith(noun) else x + noun for x in re.split(_ITEM_JOIN, bracket.group(2)) if len(x) >= 2]
    tail = YES_NO_TAIL.search(question)  # ('…相加是多少座？与报告总数是否一致？': the check asked after names no item)
    text = EXAMPLES_GIVEN.sub(" ", _without_places(question[: tail.start() + 1] if tail else question, r))  # ('像甲路、乙街这样的…': examples, no items)
    frame = context_frame(question)  # '防坍塌、治水这块，…': the topic's items are no items of the total
    text = text.replace(frame, " ") if frame else text

    def last_words(part: str) -> str:  # the words after the part's last 的 and last comma
        return indicator_phrase(re.split(r"[，,；;]", part.rsplit("的", 1)[-1])[-1], [], "zh")

    items = []
    # ('居住用地加产业用地': 加 joins two items; 加装, 加快, 增加 join nothing)
    for part in re.split(r"和|(?<![涉普波危])及(?!时|早)|与|、|加上|再加上|连同|(?<=[\u4e00-\u9fff])(?<![增追参叠附施添相])加"
                         r"(?![装快强大入工速班盟热油紧密重注倍以上起在总到])(?=[\u4e00-\u9fff])", text):  # (涉及, 及时: no join)
        ask = re.search(r"[，,]\s+[^，,]*(?:多少|几)[^，,]*$", part)  # '…政协提案，某街道那年一共办了几件': the ask names
        item = last_words(part[: ask.start()]) if ask else ""  # its place afresh; the item is before its comma
        item = item if len(item) >= 2 else last_words(part)
        if len(item) < 2:  # '拟立项的一共多少个': the item is before the question words
            # '…和来信来访，一共有多少件': the comma before the question words goes with them
            item = last_words(re.sub(r"[，,]?\s*的?(?:加起来|合起来|加在一起|算在一起)?(?:一共|总共|合计|共计|共)?(?:[\u4e00-\u9fff]了)?(?:有|是)?(?:多少|几)[^，,。；;？?]*[？?]?\s*$", "",
                                     part))
        items.append(item)
    return [x for x in items if len(x) >= 2]


# where an English question lists the items of a total: after 'counting (both)', in brackets after a total, 'adding
# … together', or between 'how many' and its verb when the question asks a total
_EN_ITEMS = (re.compile(r"\bcounting (?:both |each of )?(?P<items>[^?]+?)\s*(?:\btogether\b|\?|$|, (?:in|for|during|by)\b)", re.I),
             re.compile(r"\b(?:in total|altogether|combined)\b(?:[^?(]|\([\u4e00-\u9fff]+\))*?\((?P<items>[^()]+?\b(?:and|plus)\b"
                        r"[^()]+?)\)", re.I),
             re.compile(r"\badding (?P<items>.+?) together\b", re.I),
             re.compile(r"\badd (?:up )?(?P<items>[^.?;]+?\band\b[^.?;]+?)\.\s+(?=(?:what|how)\b)", re.I),
             # 'its plan adds A and B. How many … in all?': the items the sentence before the question names
             re.compile(r"\b(?:adds?|added|builds?|built|creates?|created|opens?|opened|provides?|provided)\s+"
                        r"(?P<items>[^.?;]+?\band\b[^.?;]+?)\.\s+(?=(?:how|what)\b)", re.I),
             re.compile(r"(?:^|, )(?P<items>[\w' -]+? plus [\w' ()\u4e00-\u9fff-]+?)(?:,|\?|$)", re.I),
             re.compile(r"(?:^|[,(] ?)(?P<items>[\w' -]+?\s*\+\s*[\w' ()\u4e00-\u9fff-]+?)(?:\s+[—–-]|,|\?|$)", re.I))
_EN_ITEM_SEP = re.compile(r",\s*(?:and |plus )?|\s+(?:and|plus)\s+|\s*\+\s*", re.I)
# what follows the items' nouns ('persuasion posts set up by firms and parks'): no item
_EN_ITEMS_END = re.compile(r"\s+(?:set up|set|built|run|opened|held|launched|organi[sz]ed|by|in|for|during|from|under|at|"
                           r"that|which|who)\b.*$", re.I)


def _listed_en(question: str, r: Route) -> list[str]:
    """The items of an English total: two or more, each a short noun phrase with any Chinese gloss it carries."""
    if r.intent != "aggregate" and not _ADDED_UP.search(question):
        return []
    found = next((m.group("items") for p in _EN_ITEMS if (m := p.search(question))), None)
    if found is None and r.intent == "aggregate":
        head = re.search(r"\bhow many ((?:[\w'-]+(?: \([^)]*\))?(?:,? (?:and )?| ))+?)(?:did|does|do|were|was|are|is|had|has|have)\b",
                         question, re.I)
        found = head.group(1) if head and re.search(r",| and ", head.group(1)) else None
    if found is None and r.intent == "aggregate":
        # '…two figures: civic work and voluntary labour (义务劳动), and door-to-door service (上门服务群众). What do
        # they add up to?': the things glossed in Chinese, other than places, are the items
        glosses = [g for g in re.findall(r"[(（]([\u4e00-\u9fff]{2,12})[)）]", question)
                   if not any(g in (p, short_name(p)) for p in r.places) and not re.search(r"(?:街道|镇|乡|区|县|市)$", g)]
        summed = re.search(r"\badd(?:s|ed)? up\b|\bsum\b|\bcombined\b|\btogether\b|\bin total\b|\baltogether\b", question, re.I)
        joined = all(re.search(r"\band\b", question[question.index(a) : question.index(b)])
                     for a, b in zip(glosses, glosses[1:], strict=False))  # ('A (甲) and B (乙)': listed, never a place and a part)
        if summed and joined and 2 <= len(glosses) <= 6:
            return glosses
    if not found:
        return []
    items = [re.sub(r"^(?:its |the |their |both |all )+|['‘’“”]", "", x.strip(), flags=re.I)
             for x in _EN_ITEM_SEP.split(_EN_ITEMS_END.sub("", found))]
    items = [x for x in items if re.search(r"[A-Za-z\u4e00-\u9fff]{3,}", x)]
    glossed = re.search(r"[(（]([\u4e00-\u9fff]{2,12}(?:[、，,和及][\u4e00-\u9fff]{2,12})+)[)）]", found)
    if glossed and len(zh := re.split(r"[、，,和及]", glossed.group(1))) == len(items):
        items = zh  # 'new volunteers and mentors (新增志愿者、结对导师)': the report's own names, one per item
    return items if 2 <= len(items) <= 6 else []


_TOTAL_NAMED = re.compile(r"[，,]\s*(?:一共|总共|合计|共计)([\u4e00-\u9fff]{2,8}?)(?:有)?(?:多少|几)")


def _items_summed(question: str, r: Route, rows: list[Indicator]) -> Answer | None:
    """'密接和次密接一共多少人次': each item's figure for the one place and period, summed when all are found in one
    unit; None when the phrase lists no items or one is missing."""
    items = _listed(question, r)
    if len(items) < 2:
        return None
    lang, place = r.language, r.places[0]
    own = [x for x in rows if x.street == place and (x.kind in _LEVEL or r.kind == "target" and x.kind == "target")
           and (not r.measure_word or measure_fits(r.measure_word, x.unit))]  # ('…两项相加是多少座': seats, no schools)
    # the first item carries the question's lead words ('为重点群体就业办了…政策宣讲会'): its tail names the item too
    tries = [(n, tail) for n, item in enumerate(items) for tail in dict.fromkeys([item, *(item[-k:] for k in (6, 5, 4)
                                                                                        if len(item) > k and lang == "zh")])]
    def said(row: Indicator) -> float:  # in English, the whole's words ('river-related') in the row's clause
        return english_coverage(r.phrase, row.label_zh + row.said) if lang == "en" else 0.0

    pairs = sorted(((s.score, n, s.row) for n, item in tries  # an English item is a thing counted ('persuasion posts')
                    for s in match_rows(item, own, lang=lang, counted=item if lang == "en" else "")),
                   key=lambda t: (-t[0], -said(t[2])))
    chosen: dict[int, Indicator] = {}
    for _, n, row in pairs:  # the best-fitting item and row first, each row used once...
        shared = "、" in row.label_zh and items[n][-2:] in row.label_zh  # ...unless it lists items ('电动车、三轮车')
        if n not in chosen and (row not in chosen.values() or shared) and (
                not r.period or period_matches(row.period, r.period)
                or r.kind == "target" and row.period == f"{r.period}-plan"):  # '2024年计划一共新增…': the 2024 plan
            chosen[n] = row
    if len(chosen) < len(items):
        return None
    picked: list[Indicator] = []
    for n in range(len(items)):
        if not any(x is chosen[n] for x in picked):
            picked.append(chosen[n])
    if len({x.normalized_unit for x in picked}) != 1 or len({x.period for x in picked}) != 1:
        return None
    if picked[0].normalized_unit == "count" and len({x.unit.lstrip("万亿千百") for x in picked}) != 1:
        return None  # 1.8万人次 served and 96面 banners received are no one count
    if lang == "en" and (len({x.report_id for x in picked}) > 1 or max(x.evidence.start for x in picked)
                         - min(x.evidence.start for x in picked) > _ITEMS_SPAN):
        return None  # English items glossed word by word: only figures stated together ('…违规事件46起、突发事件15起') add up
    if len(picked) == 1:  # '人大建议和政协提案一共…': the report states them as one figure
        x = picked[0]
        text = msg("lookup", lang, place=_place(place, lang), period=_period(x.period, lang), label=_label([x], lang),
                   verb=_verb(x, lang), figure=_figure(x, lang), n=1)
        return _answer(question, r, text, picked, table=[_row(None, x, lang, 1)], caveats=_notes(picked, lang))
    return _items_answer(question, r, place, picked)


def _stated_total(question: str, r: Route, scored: list[Scored], *, joined: bool = False) -> Indicator | None:
    """The one figure of the measure asked whose sentence names every item the question lists: the report's own
    total of them ('东园、西园2个停车场建成,增加车位301个' for '东园、西园两个停车场一共新增多少停车位'); `joined`: whose
    label names them as one word ('发放养老助残补贴' for '给养老、助残发的补贴一共多少')."""
    text = _without_places(question, r)
    listing = re.search(r"[^，,。；;？?\s]+?(?:[、和及与][^，,。；;？?\s、和及与]+)+", text)
    if listing is None:
        return None
    parts = re.split(r"[、和及与]", listing.group(0))
    # the words beside each 、 ('建成东园、西园两个': 东园, 西园; '给养老、助残发的补贴': 养老, 助残)
    names = [[w for w, _ in tagged(part) if len(w) >= 2 and not function_word(w)] for part in parts]
    if not all(names):
        return None
    heads = [names[0][-1], *(n[0] for n in names[1:])]
    found = {(x.value, x.unit): x for x in (s.row for s in scored if s.score >= THRESHOLD)
             if x.street == r.places[0] and (x.kind in _LEVEL or r.kind == "target" == x.kind)
             and (not r.period or period_matches(x.period, r.period) or x.period == f"{r.period}-plan")
             and ("".join(heads) in x.label_zh if joined else all(h in x.said + (x.context or "") for h in heads))
             # (a plan's one figure of a list only when its name lists them: '新增A、B、C等26家以上')
             and (x.kind != "target" or all(h in x.label_zh for h in heads))}
    return next(iter(found.values())) if len(found) == 1 else None


_ITEMS_SPAN = 240  # characters: the figures of one listing, not two paragraphs apart


def _part_of_new(cite: Citation, ctx: Context) -> bool:
    """The cited figure is a part (其中…) of the year's new things ('推动31家企业完成“小升规”,其中国家高新技术企业5家'):
    how many of those were of a kind, never how many of that kind the place has."""
    if not cite.quote.startswith("其中") or ctx.rows is None:
        return False
    row = next((x for x in ctx.rows(cite.street) if x.report_id == cite.report_id and x.evidence.start == cite.start),
               None)
    before = (row.context or "").split("其中")[0] if row is not None else ""
    return bool(re.search(r"新增|新引进|新培育|新认定|完成|推动|引进|培育|升规|新建|新登记", before[-30:]))


def _listed_row(question: str, r: Route, ctx: Context) -> Indicator | None:
    """The one figure of the place whose label lists several things (新增专精特新、单项冠军、上市企业) every one of
    which the question names, in any order and wording ('单项冠军、上市公司、专精特新这几类', 'new 专精特新,
    single-champion and listed firms'); None when none, or two such figures."""
    if r.intent not in ("lookup", "aggregate") or len(r.places) != 1 or ctx.rows is None \
            or r.kind not in ("actual", "target", "estimate"):
        return None  # (a rate of the listed things is no figure of them: 'suggestions and proposals — satisfaction?')
    kinds = WANTED.get(r.kind, WANTED["actual"])
    units = _UNITS_OF.get(r.unit_hint or "", {r.unit_hint}) if r.unit_hint else None
    hits: list[Indicator] = []
    for x in _candidate_rows(ctx, r):
        items = [re.sub(r"^(?:新增|新建|新培育|培育|新引进|引进)", "", item) for item in x.label_zh.split("、")]
        if x.street != r.places[0] or not 2 <= len(items) <= 6 or x.kind not in kinds or any(len(i) < 2 for i in items) \
                or units and x.normalized_unit not in units:
            continue
        if r.period and not (period_matches(_base_period(x.period), r.period) or x.period == f"{r.period}-plan"):
            continue
        if all(names_item(question, item) if r.language == "en"
               else item_core(item) in question for item in items):
            hits.append(x)
    return hits[0] if len({(x.value, x.unit, x.period) for x in hits}) == 1 else None


def _items_answer(question: str, r: Route, place: str, picked: list[Indicator]) -> Answer:
    """The sum of one place's items in one period and unit, each item cited: computed, and said so."""
    lang = r.language
    parts = ("; " if lang == "en" else ";").join(f"{_label([x], lang)} {_figure(x, lang)} [{n}]"
                                                 for n, x in enumerate(picked, start=1))
    text = msg("aggregate_items", lang, place=_place(place, lang), period=_period(picked[0].period, lang),
               total=_total_shown(picked, lang), parts=parts)
    return _answer(question, r, text, picked, table=[_row(None, x, lang, n) for n, x in enumerate(picked, start=1)],
                   caveats=[msg("computed_note", lang), *_notes(picked, lang)])


def _graded_parts(question: str, r: Route, scored: list[Scored]) -> Answer | None:
    """'一共设立了多少个示范点' over '设立2个市级和9个区级示范点': the grades of one thing, counted in one sentence, add
    up to the whole the question asks (no grade named in it); None unless exactly that."""
    place = r.places[0]
    rows = [s.row for s in scored if s.row.street == place and s.row.kind in _LEVEL]
    heads: dict[tuple[str, str, str, str], list[Indicator]] = {}
    for x in rows:
        grade = re.match(GRADE, x.label_zh)
        head = x.label_zh[grade.end() :] if grade else ""
        if len(head) >= 2 and head in r.phrase and grade and grade.group(0) not in r.phrase:
            heads.setdefault((x.report_id, x.period, x.normalized_unit, head), []).append(x)
    groups = [g for g in heads.values() if len(g) >= 2 and len({x.label_zh for x in g}) == len(g)
              and max(x.evidence.start for x in g) - min(x.evidence.start for x in g) <= _SAME_SENTENCE]
    if len(groups) != 1 or (r.period and not period_matches(groups[0][0].period, r.period)):
        return None
    picked = sorted(groups[0], key=lambda x: x.evidence.start)
    return _items_answer(question, r, place, picked)


_SAME_SENTENCE = 60  # characters between the starts of two figures of one listing


def _each(question: str, r: Route, asks: list[str], ctx: Context, done: Sequence[Answer] = ()) -> Answer | None:
    """A question asking for two figures ('A和B各多少'): one figure-level answer per ask, in the order asked,
    citations numbered through; `done` holds the answers of the first asks when the caller has them already."""
    parts: list[Answer] = []
    prev: Route | None = None
    for n, ask in enumerate(asks):
        sub = route(ask, ctx.reports, prev)
        if not sub.places and r.places:
            sub = sub.model_copy(update={"places": r.places, "districts": r.districts})
        got = done[n] if n < len(done) else indicator_answer(ask, sub, ctx) if sub.intent != "open" else None
        if got is None:
            return None if not parts else _joined(question, r, parts)
        parts.append(got)
        prev = sub
    return _joined(question, r, parts)


def _renumber(text: str, shift: int) -> str:
    """'[1]' -> '[3]' when two citations come before."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + shift}]", text)


def _joined(question: str, r: Route, parts: list[Answer]) -> Answer:
    text, cites, table, caveats, shift = "", list[Citation](), list[TableRow](), list[str](), 0
    for a in parts:
        text += _sep(text, r.language) + _renumber(a.text, shift)
        cites += [c.model_copy(update={"n": c.n + shift}) for c in a.citations]
        table += [t.model_copy(update={"citation": t.citation + shift if t.citation else t.citation})
                  for t in a.table or []]
        caveats += a.caveats
        shift += len(a.citations)
    route_used = "indicator" if any(a.route == "indicator" for a in parts) else "abstain"
    return Answer(question=question, text=text, language=r.language, route=route_used,  # type: ignore[arg-type]
                  mode="offline", citations=cites, table=table or None, caveats=list(dict.fromkeys(caveats)),
                  intent=r.model_dump())


def scope_decline(question: str, r: Route, ctx: Context) -> Answer:
    """The question names a place the corpus does not hold: decline and list the places it has."""
    known = sorted({m.street for m in ctx.reports if m.street})
    lang = r.language
    shown = [p if lang == "zh" else f"{place_en(p)} ({p})" for p in r.unknown_places]
    known_shown = [k if lang == "zh" else f"{place_en(k)} ({k})" for k in known] or [msg("none", lang)]
    text = msg("scope_absent", lang, places=join_list(shown, lang), known=join_list(known_shown, lang))
    return Answer(question=question, text=text, language=lang, route="abstain", mode="offline",
                  searched=[f"scope: {', '.join(r.unknown_places)} not in corpus"], intent=r.model_dump())


# ---- selection -------------------------------------------------------------------------------------
def _candidate_rows(ctx: Context, r: Route) -> list[Indicator]:
    if ctx.rows is None:  # older callers: only lexicon keys can be looked up
        out: list[Indicator] = []
        for key in r.keys:
            out.extend(ctx.indicators(key, None))
        rows = out
    else:
        rows = ctx.rows(None)
    if r.places:
        rows = [x for x in rows if x.street in r.places]
    if r.districts:  # '永丰县禾塘镇': only the reports of that county's 禾塘镇
        where = {m.report_id: {m.district or "", m.city or ""} for m in ctx.reports}
        rows = [x for x in rows if any(same_county(d, c) for d in r.districts
                                       for c in where.get(x.report_id, set()) | {x.district or ""} if c)]
    return [x for x in rows if x.street]


def ambiguous_places(r: Route, ctx: Context) -> dict[str, list[str]]:
    """Places named without a county that several counties' reports share (two 禾塘镇)."""
    if r.districts:
        return {}
    out: dict[str, list[str]] = {}
    for place in r.places:
        counties = {m.district or m.city for m in ctx.reports if m.street == place and (m.district or m.city)}
        if len(counties) > 1:
            out[place] = sorted(c for c in counties if c)
    return out


def _expected_effect(x: Indicator) -> bool:
    """A figure the report expects of something done ('签约项目8个，预计投产后年产值超6亿元'): filed as an aim, it
    answers a question about what is expected."""
    return x.kind == "target" and "预计" in x.said


_FAMILY_FIT = 0.75  # the qualifier fit a row of a compared indicator needs when another row fits fully


def _family_elsewhere(measure: list[Indicator], rows: list[Indicator], r: Route) -> list[Indicator]:
    """In a comparison, the other places' rows of the lexicon indicator the best match is, however each report
    words it ('热线来电' beside '12345服务平台受理诉求'): the lexicon says they are one measure. Only
    places with no row yet, and only rows whose qualifiers do not clash with the question's (区级 vs 镇级)."""
    key = measure[0].key
    if key.startswith(("label:", "other:")) or not (r.intent in ("rank", "aggregate") or len(r.places) > 1):
        return []
    have = {x.street for x in measure}
    return [x for x in rows if x.key == key and x.street not in have and qualifier_fit(r.phrase, x.label_zh) >= 1]


def _same_name_elsewhere(measure: list[Indicator], fits: dict[int, float], scored: list[Scored]) -> list[Indicator]:
    """In a comparison, a place whose rows only partly fit the qualifiers asked ('district-level tax': its 税收)
    while another place's fit fully (区级税收): its own rows under that same full name, when it states them (a part,
    '其中区级税收…', keyed apart from the lexicon's total)."""
    full = {x.label_zh for x in measure if fits.get(id(x), 0.0) >= 1}
    units = {x.normalized_unit for x in measure if x.label_zh in full}
    out = list(measure)
    for place in dict.fromkeys(x.street for x in measure):
        if any(fits.get(id(x), 0.0) >= 1 for x in measure if x.street == place):
            continue
        named = [s.row for s in scored if s.row.street == place and s.row.label_zh in full
                 and s.row.normalized_unit in units]
        if named:
            out = [x for x in out if x.street != place] + named
    return out


def _worded_elsewhere(measure: list[Indicator], scored: list[Scored], r: Route) -> list[Indicator]:
    """In a comparison, a place with no row of the best measure: its own best-matching measure when that names
    the thing asked the same way ('违法犯罪警情' beside '治安类警情' for '警情同比降幅': both 警情) and is given in
    the same unit. The answer names each place's own measure."""
    if r.language != "zh" or not (r.intent in ("rank", "aggregate") and len(r.places) > 1):
        return []
    words = [w for w in cover_words(r.phrase) if len(w) >= 2]
    tail = re.sub(r"[^\u4e00-\u9fff]", "", r.phrase)[-2:]
    head = words[-1] if words and r.phrase.endswith(words[-1]) else tail  # ('警情' is two words to jieba)
    if not head or head not in measure[0].label_zh:
        return []
    units = {x.normalized_unit for x in measure}
    have = {x.street for x in measure}
    out: list[Indicator] = []
    for place in (p for p in r.places if p not in have):
        own = [s for s in scored if s.row.street == place and head in s.row.label_zh
               and qualifier_fit(r.phrase, s.row.label_zh) >= 1]
        if own and any(s.row.normalized_unit in units for s in own):
            best = max(own, key=lambda s: s.score)
            out += [s.row for s in own if measure_of(s.row) == measure_of(best.row)]
    return out


_POPULATION = re.compile(r"规上|规模以上|限上|限额以上|规下|工业|服务业|全口径|全社会")


def _best_measure(scored: list[Scored], r: Route, question: str = "") -> list[Indicator]:
    """All rows of the best-matching measure (key or label); ties go to the measure more places report. The
    question, when given, says whether it lists items (then no measure it ends with is preferred)."""
    if not scored:
        return []
    groups: dict[str, list[Scored]] = {}
    for s in scored:
        groups.setdefault(measure_of(s.row), []).append(s)
    wanted = WANTED.get(r.kind, WANTED["actual"])

    def rank(item: tuple[str, list[Scored]]) -> tuple[float, ...]:
        _, ss = item
        # (a result asked: a family is as good as its rows that are no plan; '水稻种植面积' as a plan's label never
        # lifts the family's actual '粮食作物播种面积' above '水稻播种面积')
        # (…and a family of plans alone ranks a step lower: '新植蔗任务3万亩' is no result of the season's 新植蔗)
        best = max((s.score for s in ss if "target" in wanted or s.row.kind != "target"),
                   default=max(s.score for s in ss) - (0.1 if r.kind in ("actual", "cumulative") else 0.0))
        has_kind = int(any(s.row.kind in wanted or r.kind == "estimate" and _expected_effect(s.row) for s in ss))
        # (of two labels of one thing that match alike, the one the year asked is stated under: '高效设施农业面积' in
        # 2022's report, '高效设施农业' in 2023's)
        dated = int(len(r.places) <= 1 and bool(r.period) and any(
            period_matches(_base_period(s.row.period), r.period or "") for s in ss))
        # one place's figure: a lexicon key asked, then the closer label (a ranking keeps its family)
        # (…a ranking too, between measures that tie: 'fixed-asset investment (投资额)' is no bare '投资')
        keyed = int(r.intent != "trend" and any(
            base_key(s.row.key) in r.keys or terms_named(s.row.label_zh) & set(r.keys) for s in ss))
        # (of families that tie across places, the one each place matches better: '新增规上工业企业' in both, over one
        # place's '规上工业企业总数' and another's '规上工业企业', when 'how many did they add' is asked)
        streets = {s.row.street for s in ss}
        fine = best if r.intent == "lookup" else min(max(s.score for s in ss if s.row.street == p)
                                                     for p in streets) if len(streets) >= 2 else 0.0
        has_unit = int(not r.unit_hint or any(s.row.normalized_unit in _UNITS_OF.get(r.unit_hint, {r.unit_hint})
                                              for s in ss))
        if r.unit_strict:  # '投入了多少资金' is never answered by a count of projects, nor '几栋' by yuan
            # …and 'how many households' not by the compounds counted in 个
            has_word = int(not r.measure_word or r.measure_word in DURATIONS
                           or any(measure_fits(r.measure_word, s.row.unit) for s in ss))
            return (has_unit, has_word, round(best, 1), dated, head(ss), has_kind, len({s.row.street for s in ss}), keyed,
                    fine, worded(ss), plain(ss), -min(len(s.row.label_zh) for s in ss))
        in_time = int(r.measure_word not in DURATIONS or any(measure_fits(r.measure_word, s.row.unit) for s in ss))
        # (a level asked, '预计全年出栏牲畜多少': of measures that tie, one stated as a level over a rate, '出栏率')
        level = int(r.unit_hint == "percent" or r.kind not in ("actual", "estimate", "cumulative", "target")
                    or any(s.row.normalized_unit != "percent" for s in ss))
        return (in_time, round(best, 1), dated, level, has_unit, head(ss), has_kind, len({s.row.street for s in ss}), keyed,
                fine, worded(ss), plain(ss), -min(len(s.row.label_zh) for s in ss))  # 'how many consecutive years': a streak, not the GDP

    def plain(ss: list[Scored]) -> int:  # (of labels that tie, a total over an average the phrase does not ask:
        # '集体经济收入' is 行政村集体经济收入, never 村均集体经济收入)
        return int(not all(re.search(r"[村户人亩]均", s.row.label_zh) and not re.search(r"均|\b(?:average|per)\b",
                                                                                         r.phrase, re.I) for s in ss))

    def worded(ss: list[Scored]) -> float:  # (in English, of labels that tie, the one more of the words name:
        # 'projects … got construction started' is 开工项目, not 完工项目)
        return max(english_coverage(r.phrase, s.row.label_zh) for s in ss) if r.language == "en" \
            and r.intent == "lookup" else 0.0

    labels = {s.row.label_zh for s in scored}

    def head(ss: list[Scored]) -> int:  # '招引项目的落地产值': the words a phrase ends with name what it measures
        return int(r.intent == "lookup" and any(_phrase_head(r.phrase, s.row.label_zh, labels) for s in ss))

    name, best = max(groups.items(), key=rank)
    top_name, top_group = max(groups.items(), key=lambda item: max(s.score for s in item[1]))
    # (a kind the indicator's rows lack: any margin; a level: a wide one, never a streak's years)
    margin = 0.05 if r.kind in ("share", "yoy_growth", "completion_rate") else 0.3
    if top_name != name and not name.startswith(tuple(r.keys)) and r.measure_word not in DURATIONS and any(
            s.how == "key" and base_key(s.row.key) in r.keys
            or s.score >= 0.95 and (r.language != "en" or english_coverage(r.phrase, s.row.label_zh) >= 0.75)
            for s in top_group) \
            and max(s.score for s in best) <= max(s.score for s in top_group) - margin:
        # '规上工业总产值占了几成' over a report that gives no such share: the indicator asked, its share then said
        # to be missing, never another thing's share ('产值占比近4成' of one industry); a label the phrase names
        # outright too ('the value added …, in money terms': its growth then said to be all, never 营业收入's yuan)
        name, best = top_name, top_group
    def others(fits: Callable[[Scored], bool], *, usable: bool = False) -> list[tuple[str, list[Scored]]]:
        """The measures besides the one chosen that some row fits (and, with `usable`, of the kind asked)."""
        return [(other, ss) for other, ss in groups.items() if other != name and any(fits(s) for s in ss)
                and (not usable or _usable([s.row for s in ss], wanted, r))]

    # '幼儿园新增学位' asked: a part's label that holds the best one's and the words the question adds is the one
    widest = min((s.row.label_zh for s in best), key=len)
    narrower = others(lambda s: not s.row.label_zh.startswith(widest) and widest in s.row.label_zh  # qualifier first
                      and len(added := s.row.label_zh.replace(widest, "", 1)) >= 2
                      and (added in r.phrase or r.language == "en" and re.fullmatch(r"新[增造建植种栽]", added) is not None
                           and _NEW_WORD_EN.search(question) is not None)  # ('new walnut forest': 新造核桃面积)
                      and s.row.kind in wanted and s.score >= _RIVAL)
    # '小初学位' asked: the one label that says the whole phrase, of the kind asked, over a lexicon match without its
    # qualifier ('新增公办学位')
    # (…never a zone's share of it the question does not name: '片区内大豆种植面积' is no town's soybean area;
    # nor when the phrase's head is the router's word, not the asker's: '大豆种了多少' says no 种植面积)
    holding = others(lambda s: r.phrase in s.row.label_zh and s.row.kind in wanted and not (
        re.search(ZONE_KINDS, s.row.label_zh.replace(r.phrase, "", 1)) and not re.search(ZONE_KINDS, question))) \
        if r.language == "zh" and len(r.phrase) >= 3 and r.phrase[-2:] in (question or r.phrase) and not any(
            r.phrase in s.row.label_zh or s.row.label_zh in r.phrase for s in best) else []
    if not holding and r.language == "zh" and not _usable([s.row for s in best], wanted, r):
        # '小初阶段的学位' planned: the best match has no figure of the kind and period asked; the one label that does
        # and says a word of the phrase the best one lacks ('新增小初学位' beside '新增公办学位') is meant
        lacking = {b for b in bigrams(r.phrase) - bigrams(widest)
                   if not re.search(r"[新增建累计完成已年“”]", b)}  # (a word of the thing, never a qualifier: '新增')
        holding = others(lambda s: s.score >= THRESHOLD and bool(bigrams(s.row.label_zh) & lacking)
                         and s.row.label_zh[-2:] in r.phrase[-4:], usable=True)  # (of the phrase's head: '…学位')
        # '非机动车道' planned: '新增非机动车道' (planned) over '非机动车道建设' (last year's)
        holding = holding or others(lambda s: r.phrase in s.row.label_zh and s.score >= THRESHOLD, usable=True)
    if not narrower and _new_asked(question, r) and not any("新" in s.row.label_zh for s in best):
        # 'how much new pepper planting did it add', '新增种植的花椒面积': the addition's own label ('花椒新扩种面积')
        # over the stock the lexicon names ('花椒种植面积'), the same thing in the same unit
        stem = _AREA_TAIL.sub("", widest)
        things = [g for g in re.findall(r"[\u4e00-\u9fff]{2,}", question) if g not in "".join(r.places)] \
            if r.language == "en" else [stem] if len(stem) >= 2 and stem in r.phrase else []
        narrower = others(lambda s: bool(_ADDED_LABEL.search(s.row.label_zh)) and s.row.kind in wanted
                          and s.row.normalized_unit == best[0].row.normalized_unit and s.score >= THRESHOLD
                          and bool(things) and all(t in s.row.label_zh for t in things))
        tops = sorted((max(x.score for x in ss) for _, ss in narrower), reverse=True)
        if len(tops) >= 2 and tops[0] > tops[1]:  # ('沃柑新种面积' over '沃柑新种挂果面积': the closer label)
            narrower = [max(narrower, key=lambda item: max(x.score for x in item[1]))]
    if len(narrower) == 1:
        name, best = narrower[0]
    elif len(holding) == 1:
        name, best = holding[0]
    elif r.intent == "lookup" and not re.search(r"[和及与、]", question) and not _unit_named(r.phrase, best) and any(
            s.row.label_zh in r.phrase[:-1] and not _same_ending(r.phrase, s.row.label_zh) for s in best):
        # '引进项目的落地产值是任务的几倍': the measure the phrase ends with, not the lexicon name that qualifies it
        ending = others(lambda s: _same_ending(r.phrase, s.row.label_zh) and s.row.kind in wanted and s.score >= 0.6)
        if len(ending) == 1:
            name, best = ending[0]
    if r.kind == "actual" and r.intent == "lookup" and r.period and all(s.row.kind == "cumulative" for s in best) \
            and not _TOTAL_ASKED.search(question):
        # '上半年加装电梯竣工运行了多少台': the half-year's own figure (签约…台、竣工运行15台), never the running total
        # beside it (累计竣工运行…128台), when the two name the same thing
        top = max(s.score for s in best)
        flows = others(lambda s: s.row.kind == "actual" and s.score >= top - 0.3
                       and label_similarity(best[0].row.label_zh, s.row.label_zh) >= 0.6)
        if len(flows) == 1:
            name, best = flows[0]
    if r.kind == "actual" and r.intent == "lookup" and re.search(r"累计|累积|\bcumulative\b", question, re.I) \
            and not any(s.row.kind == "cumulative" for s in best):
        # '…到年中累计签了多少户' over '签约186户，累计签约642户': the running total's own label, the same words and 累计
        widest = min((s.row.label_zh for s in best), key=len)
        totals = others(lambda s: s.row.kind == "cumulative" and s.score >= THRESHOLD
                        and s.row.label_zh.replace("累计", "", 1) == widest)
        if len(totals) == 1:
            name, best = totals[0]
    if r.kind == "target" and not _usable([s.row for s in best], wanted, r):
        # '小升规 target for next year': the stock (小升规企业12家) has no plan; its family's additions (力争新增…15家) do
        family = name[4:] if name.startswith("new_") else name
        additions = [(other, ss) for other, ss in groups.items() if other != name
                     and other in (family, f"new_{family}") and _usable([s.row for s in ss], wanted, r)]
        if len(additions) == 1:
            name, best = additions[0]
    if r.intent == "lookup" and (r.period or r.years) and not any(_asked_period(s.row, r) for s in best):
        # '大春粮食播种面积' of a year whose report says '大春播种面积' (the longer label is another year's):
        # the one label of the period asked whose words are the best one's, in order, with its opening
        label = max(best, key=lambda s: s.score).row.label_zh
        same = others(lambda s: s.score >= _SURE and _asked_period(s.row, r) and s.row.kind in wanted
                      and in_order(s.row.label_zh, label) and s.row.label_zh[:2] == label[:2])
        if len(same) == 1:
            name, best = same[0]
        # '新造油茶林' of a year whose report says '油茶林新造面积' (the plan's words, reordered): the one label of
        # the period asked that holds every word of the best one
        words = [w for w, _ in tagged(label)]
        moved = others(lambda s: s.score >= THRESHOLD and _asked_period(s.row, r) and s.row.kind in wanted
                       and len(words) >= 2 and all(w in s.row.label_zh for w in words))
        if not same and len(moved) == 1:
            name, best = moved[0]
    rows = [s.row for s in best]
    top = max(s.score for s in best)
    if not _usable(rows, wanted, r):  # '商务楼宇平均入驻率' only planned: its family ('平均入驻率') has the results
        label = rows[0].label_zh
        # …and a shorter wording the planned label holds ('群众满意率' in '政务热线群众满意率'), matched too
        # …never one that drops the population named (规上工业总产值 is no industry's 总产值)
        rows += [s.row for other, ss in groups.items() if other != name for s in ss
                 if (label_similarity(label, s.row.label_zh) >= 0.7
                     or (len(s.row.label_zh) >= 3 and s.row.label_zh in label and s.score >= THRESHOLD)
                     # '接诉即办解决率' planned: '群众诉求解决率' under a heading naming 接诉即办 is its result
                     or (s.score >= THRESHOLD and label[-3:] == s.row.label_zh[-3:] and len(label) > 4
                         and label[:-3] in (s.row.context or "").split(" ", 1)[0]))
                 and not (s.row.label_zh in label and _POPULATION.search(label.replace(s.row.label_zh, "", 1)))]
    if r.intent == "trend":
        # a series: a year that words the measure slightly differently (行政村集体经济总收入 / 村级集体经济总收入)
        # …but never another measure in the year it lacks ('新增规上工业企业' is no count of them all)
        have_y = {(x.street, x.period[:4]) for x in rows}
        units = {x.normalized_unit for x in rows}
        label = rows[0].label_zh
        rows += [s.row for other, ss in groups.items() if other != name for s in ss
                 if (s.row.street, s.row.period[:4]) not in have_y and s.row.normalized_unit in units
                 and s.row.kind == rows[0].kind and s.row.street in {x.street for x in rows}
                 and qualifier_fit(label, s.row.label_zh) == 1.0 == qualifier_fit(s.row.label_zh, label)
                 and (label_similarity(label, s.row.label_zh) >= 0.7 or s.score >= max(top - 0.1, _SURE))]
    if r.intent in ("rank", "aggregate"):
        # the label family: a place that words it slightly differently (规上工业产值 / 规上工业总产值) still ranks
        usable = _usable(rows, wanted, r)
        have = {x.street for x in usable}  # a place with only a plan target still ranks
        units = {x.normalized_unit for x in usable}  # another wording, the same unit
        label = rows[0].label_zh

        def joins(s: Scored) -> bool:
            fit = qualifier_fit(label, s.row.label_zh)
            # (a label the phrase matches as well as the chosen one, worded with another qualifier: '新登记市场主体'
            # beside '新设市场主体')
            return s.row.street not in have and (fit == 1.0 or fit >= 0.85 and s.score >= max(top - 0.05, _SURE)) and (
                label_similarity(label, s.row.label_zh) >= 0.7 or s.score >= max(top - 0.05, _SURE)
                or (s.score >= max(top - 0.2, 0.6) and s.row.normalized_unit in units)
                # a place the question names that words it otherwise ('村均总收入' in a 村集体经济 sentence)
                or (s.row.street in r.places and s.score >= 0.6 and s.row.normalized_unit in units))

        # each place missing takes the measure of its own that matches the phrase best, never the first one that
        # passes ('新增就业' is no market entity because its group came first)
        # (…one of the kind asked first: a result, never a plan's '每个村集体经济收入' beside its '集体经济收入')
        by_place: dict[str | None, list[tuple[bool, float, float, list[Indicator]]]] = {}
        for other, ss in groups.items():
            if other == name:
                continue
            for place in {s.row.street for s in ss if joins(s)}:
                own = [s for s in ss if s.row.street == place and joins(s)]
                by_place.setdefault(place, []).append((bool(_usable([s.row for s in own], wanted, r)),
                                                       max(s.score for s in own),
                                                       max(label_similarity(label, s.row.label_zh) for s in own),
                                                       [s.row for s in own]))
        for options in by_place.values():
            rows += max(options, key=lambda o: o[:3])[3]
    return rows


_YEAR_END_MONTHS = 10  # a year's figures through October or later stand for that year in a series


def _same_ending(phrase: str, label: str) -> bool:
    """Phrase and label end in the same four characters or more ('…落地产值' and '引进落地产值')."""
    return len(phrase) >= 4 and len(label) >= 4 and phrase[-4:] == label[-4:]


def _phrase_head(phrase: str, label: str, others: set[str]) -> bool:
    """The phrase ends with the label ('招引项目的落地产值' and 落地产值), and no other label holds it with more words
    ('特色项目挖掘' beside 特色项目: which of the two is asked, the ending does not say)."""
    return len(label) >= 3 and phrase.endswith(label) and not any(label in o and o != label for o in others)


_SURE = 0.75  # below this, a match that another measure of the same place ties is not trusted


def _rivals(scored: list[Scored], measure: list[Indicator], place: str, r: Route, question: str = "") -> list[Indicator]:
    """Rows of other measures of `place` that could answer the question (kind and unit asked) and match it as
    well as the chosen measure does, when that match is weak. The same figure under two labels is no rival, nor
    a part of the chosen whole when the whole is asked ('the total tea-garden area': 茶园面积, not 投产茶园面积)."""
    whole = bool(re.search(r"\b(?:total|whole|overall|entire)\b|总(?:共|计|面积|量|数)?|全部", question, re.I))
    chosen = {id(x) for x in measure}
    mine = [s.score for s in scored if id(s.row) in chosen and s.row.street == place]
    if not mine or max(mine) >= _SURE:
        return []
    best = max(mine)
    name = measure_of(measure[0])
    same = {(x.value, x.unit) for x in measure if x.street == place}
    kinds = WANTED.get(r.kind, WANTED["actual"])
    units = _UNITS_OF.get(r.unit_hint or "", {r.unit_hint}) if r.unit_hint else None
    out: dict[str, Indicator] = {}
    asked = [x for x in measure if x.street == place and _asked_period(x, r)]
    # ('how much new … planting did it add', '花椒新扩种面积' chosen: a figure that names no addition is no rival)
    added = _new_asked(question, r) and bool(_ADDED_LABEL.search(measure[0].label_zh))
    for s in scored:
        x = s.row
        if added and (not _ADDED_LABEL.search(x.label_zh) or x.normalized_unit != measure[0].normalized_unit):
            continue
        if (x.street == place and measure_of(x) != name and s.score >= best - 0.02 and (x.value, x.unit) not in same
                and _usable([x], kinds, r) and (units is None or x.normalized_unit in units)
                and (not asked or _asked_period(x, r))  # a rival in another year does not make 2022's ambiguous
                and x.label_zh not in measure[0].label_zh  # nor the whole a part's figure is chosen from
                and not (whole and measure[0].label_zh in x.label_zh)
                and not (r.language == "zh" and _unasked_part(x, measure[0].label_zh, r.phrase))
                and not (_phrase_head(r.phrase, measure[0].label_zh, {x.label_zh}) and not r.phrase.endswith(x.label_zh))):
            out.setdefault(measure_of(x), x)
    return list(out.values())


def _unasked_part(x: Indicator, chosen: str, phrase: str) -> bool:
    """A 其中 part ('其中街道级税收1.37亿元') whose own words the phrase never says: the whole chosen is what is asked
    ('收了多少税' is the 税收收入, not its 街道级 part)."""
    if not x.evidence.quote.lstrip(" （(").startswith("其中"):
        return False
    own = [x.label_zh[n : n + 2] for n in range(len(x.label_zh) - 1) if x.label_zh[n : n + 2] not in chosen]
    return bool(own) and not any(w in phrase for w in own)


def _asked_period(x: Indicator, r: Route) -> bool:
    if r.period:
        return period_matches(_base_period(x.period), r.period)
    return not r.years or x.period[:4] in {str(y) for y in r.years}


def _named_in_one(question: str, rows: Sequence[Indicator]) -> str | None:
    """The one place whose matched rows' sentences hold a name the question gives (a project, a village, a
    company: three or more characters, in no label), when the question names no place; else None."""
    labels = "".join(x.label_zh for x in rows)
    names = [w for w, flag in tagged(question) if w not in labels and not _GENERIC_NAME.search(w)
             and re.fullmatch(r"[\u4e00-\u9fff]+", w) and (len(w) >= 3 or flag in ("nr", "ns", "nt", "nz"))
             and not re.search(r"[省市县区镇乡]$|街道$", w)]  # a division named is a place asked, never a clue
    names += [w for w in re.findall(r"[“\"]([\u4e00-\u9fff]{2,12})[”\"]", question) if w not in labels]  # ('“窑火湾”片区')
    votes = set()
    for w in names:  # a name one place's sentences hold, and no other's
        where = {x.street for x in rows if x.street and w in (x.context or x.said)}
        if len(where) == 1:
            votes |= where
    return votes.pop() if len(votes) == 1 else None


# (…never the whole with its additions: 'old and newly added firms taken together', 'new racks included')
_NEW_ASKED_EN = re.compile(r"^(?![^?]*\b(?:old and new|together|stock|in total|included|including|inclusive)\b)"
                           r"(?:[^?]*?\bnew(?:ly)?\b[^?]{0,60}?\b(?:add(?:ed)?|plant(?:ed)?|establish(?:ed)?|create[ds]?|buil[dt])\b|"
                           r"[^?]*?\b(?:add(?:ed)?|plant(?:ed)?)\b[^?]{0,40}?\bnew(?:ly)?\b)", re.I)
# 'new' naming an addition, never the additions counted in a whole ('…have in 2020, new racks included')
_NEW_WORD_EN = re.compile(r"^(?![^?]*\b(?:old and new|together)\b)[^?]*?(?<!including )(?<!including the )\bnew(?:ly)?\b"
                          r"(?!(?: [a-z-]+)? (?:included|counted in|inclusive)\b)", re.I)
_ADDED_LABEL = re.compile(r"新(?:增|扩|建|植|造|种|栽)")
_NEW_ASKED_ZH = re.compile(r"新(?:增|扩|植|造|种|栽)(?:种植|栽种|栽植|种|植)|新(?:种|植|栽)|新扩")
def _new_asked(question: str, r: Route) -> bool:
    """An addition asked ('how much new … did it add', '新增种植的…面积'), never the whole with its additions."""
    return bool(_NEW_ASKED_EN.search(question) if r.language == "en" else _NEW_ASKED_ZH.search(r.phrase))


_AREA_TAIL = re.compile(r"(?:种植|播种|栽培|栽种)?(?:总)?面积$")
_NEAR, _RIVAL = 0.15, 0.65  # a match this much below the best one, and this weak, names no rival place
_GENERIC_NAME = re.compile(r"多少|几|是否|哪个|哪些|累计|一共|全年|上半年|下半年")


def _named_before(village: str, row: Indicator) -> bool:
    """'推进樟背新村停车楼建设,新增车位320个': the village named earlier in the figure's sentence, when the figure's
    own clause names no other village."""
    return _village_said(village, row.context or "") and not re.search(r"[\u4e00-\u9fff]村", row.said)


def _village_said(village: str, text: str) -> bool:
    """The village is named in the text, as asked or as a report writes its kind between name and 村 ('红星村'
    asked, '红星城中村' written)."""
    return village in text or village.endswith("村") and re.search(
        re.escape(village[:-1]) + r"(?:城中|新|老|社区)村", text) is not None


def _places_in(rows: Sequence[Indicator]) -> list[str]:
    return list(dict.fromkeys(x.street for x in rows if x.street))


def period_key(period: str) -> tuple[int, int, int]:
    """Sort key: (year, full year?, last month) — a full year sorts after that year's partial periods."""
    m = re.match(r"(\d{4})", period)
    year = int(m.group(1)) if m else 0
    if re.fullmatch(r"\d{4}", period):
        return (year, 1, 12)
    mm = re.search(r"M(\d\d)-M(\d\d)", period)
    if mm:
        return (year, 0, int(mm.group(2)))
    h = re.search(r"H([12])", period)
    if h:
        return (year, 0, 6 if h.group(1) == "1" else 12)
    return (year, 0, 0)


def is_full_year(period: str) -> bool:
    """'2023' is a full year; '2023H1', '2023M01-M09' and plans are not."""
    return bool(re.fullmatch(r"\d{4}", period))


def period_matches(row_period: str, asked: str) -> bool:
    """'2023' matches '2023'; 'H1' (no year) matches '2024H1'; '2024M01-M06' also matches '2024H1'."""
    if row_period == asked or (not asked[:1].isdigit() and row_period[4:] == asked):
        return True
    halves = {"H1": "M01-M06", "H2": "M07-M12"}
    a, p = asked[-7:] if "M" in asked else halves.get(asked[-2:], asked), row_period[4:]
    p = halves.get(p, p)
    same_year = not asked[:1].isdigit() or row_period[:4] == asked[:4]
    return same_year and a == p and bool(a)


_YEARS_SPAN = re.compile(r"(?:过去|近)?[两三四五六七八九十]年(?:来|间|以来)|“?十[三四五]五”?(?:期间|时期|以来)")
_SPAN_ASKED = re.compile(r"[两三四五六七八九十]年|十[三四五]五|届|\bfive[- ]year|\b(?:two|three|four|five) years\b", re.I)


def _usable(rows: Sequence[Indicator], kinds: Sequence[str], r: Route) -> list[Indicator]:
    out = [x for x in rows if x.kind in kinds  # '…解决率95.8%', '办结率99.6%' answer 'what share'
           or ("share" in kinds and x.kind in ("actual", "cumulative", "completion_rate") and x.unit in _SHARE_UNITS)]
    if r.kind != "target":  # plan figures are targets, never results
        out = [x for x in out if x.part != "plan" and not x.period.endswith("-plan")]
    if not _SPAN_ASKED.search(r.phrase + " ".join(map(str, r.years))):
        # '五年来累计完成固定资产投资8.3亿元': a span of years, never one year's figure (unless a span is asked)
        out = [x for x in out if x.kind != "cumulative" or not _YEARS_SPAN.search(x.said + x.context[:40])]
    if r.one_village:  # '收入最高的村收入多少': one village's figure, never the place's total
        out = [x for x in out if re.match(r"[\u4e00-\u9fff]{2,4}村(?![级均民])", x.label_zh)
               and not x.label_zh.startswith(("行政村", "农村", "全村"))]
    if r.measure_word in DURATIONS:  # '连续几年排名第一' is not answered by the GDP of the year
        out = [x for x in out if measure_fits(r.measure_word, x.unit)]
    else:  # …nor the year's PM2.5 by 'PM2.5浓度连续4年下降'
        out = [x for x in out if x.normalized_unit not in STREAK_UNITS
               or x.normalized_unit == "months" and "连续" not in x.label_zh]  # 缩短到3个月 is no streak
    if r.measure_word and r.measure_word not in DURATIONS:  # '惠及多少户居民' is not answered by '改造7个小区'
        out = [x for x in out if x.normalized_unit != "count" or measure_fits(r.measure_word, x.unit)]
    # …unless the question names the part ('城市更新项目完成了多少固定资产投资'): words its sentence holds beyond the label
    named = bigrams(re.sub(r"[^\u4e00-\u9fff]", "", r.phrase)) if r.language == "zh" else \
        {z for z in english_to_zh(r.phrase) if len(z) >= 2}  # 'the urban-renewal projects' FAI': 城市更新
    return [x for x in out if not (_less_than_its_part(x, out) or _rate_of_a_part(x, rows))
            or any(g not in x.label_zh and g in x.said + x.context for g in named)]


# money that only accumulates over a year: its figure for a longer span is never below a shorter span's
_FLOW = re.compile(MONEY_FLOW)


def _less_than_its_part(x: Indicator, rows: Sequence[Indicator]) -> bool:
    """A year-to-date flow below the same report's figure for an earlier span of that year (H1 9.6亿元 against
    1-5月 52.7亿元 of 固定资产投资): a part's figure (one sector's, one project list's) read as the whole's."""
    if x.normalized_unit != "CNY" or x.kind not in _LEVEL or not _FLOW.search(x.label_zh):
        return False
    year, _, end = period_key(x.period)
    return any(y is not x and y.report_id == x.report_id and measure_of(y) == measure_of(x) and y.kind in _LEVEL
               and period_key(y.period)[0] == year and period_key(y.period)[2] < end and not is_full_year(y.period)
               and y.normalized_value > x.normalized_value * 1.01 for y in rows)


def _rate_of_a_part(x: Indicator, rows: Sequence[Indicator]) -> bool:
    """A completion rate stated right after a part's figure ('完成固定资产投资4.6亿元,占年度考核任务21%', the
    part set aside by `_less_than_its_part`): the part's rate too."""
    return x.kind == "completion_rate" and any(
        y.kind in _LEVEL and y.report_id == x.report_id and y.period == x.period
        and 0 <= x.evidence.start - y.evidence.start <= _RATE_AFTER and _less_than_its_part(y, rows) for y in rows)


_RATE_AFTER = 40  # characters from a figure to the completion rate of the same clause, at most


def _base_period(p: str) -> str:
    return p.removesuffix("-plan")


def _pick(rows: Sequence[Indicator], r: Route, kinds: Sequence[str], *,
          whole: bool = False, question: str = "") -> tuple[Indicator | None, str]:
    """One row: the period asked (else 'nearest': the same year's partial period for a partial question),
    else the latest full period ('latest'), else the latest ('partial')."""
    usable = _usable(rows, kinds, r)
    units = _UNITS_OF.get(r.unit_hint or "", {r.unit_hint})
    if r.unit_hint and any(x.normalized_unit in units for x in usable):
        usable = [x for x in usable if x.normalized_unit in units]
    elif r.unit_strict and r.kind in ("actual", "estimate", "target"):
        usable = []
    if r.period:
        exact = [x for x in usable if period_matches(_base_period(x.period), r.period)]
        how = "asked"
        if not exact and "M" not in r.period and not whole:
            # '上半年' or a year asked, only 1-5月 / 1-N月 reported: that, said so; an explicit '1-6月' is not 1-5月
            year = r.period[:4] if r.period[:1].isdigit() else None
            exact = [x for x in usable if not is_full_year(_base_period(x.period))
                     and (year is None or x.period.startswith(year))]
            how = "nearest"
        if not exact and r.period[:4].isdigit() and len(r.period) > 4 and not whole:
            # 'the sea-cucumber farming area, as its Q1–Q3 review reports': an area or a stock is stated for the
            # year, whatever months the report's money figures cover
            exact = [x for x in usable if x.period == r.period[:4] and (
                x.normalized_unit == "m2" and not _NEW_ONLY_LABEL.search(x.label_zh) or _STOCK_LABEL.search(x.label_zh))]
            how = "asked"
        usable = exact
    elif r.years:
        usable = [x for x in usable if x.period[:4] in {str(y) for y in r.years}]
        how = "asked"
    else:
        how = "latest"
    if not usable:
        return None, how
    if how == "latest":
        full = [x for x in usable if is_full_year(x.period)]
        if not full:
            how = "partial"
        final = [x for x in full if not _estimated(x)]
        if final and "estimate" not in kinds[:1]:  # a stated result before a later year's estimate (预计)
            newest = max(int(x.period[:4]) for x in full)
            final = [x for x in final if int(x.period[:4]) >= newest - 1]
        usable = (final if final and "estimate" not in kinds[:1] else full) or usable
    if how == "nearest":  # partial periods of the year asked: the one the text states, at its first mention (of
        # the one whose sentence names what the question adds: '城市更新项目完成固定资产投资' is the renewal's)
        named = r.phrase if r.language == "zh" else ""
        best_period = min(usable, key=lambda x: (-round(_said_around(named, x), 1), x.period_source == "report",
                                                 x.report_id, x.evidence.start)).period
    else:
        best_period = max((x.period for x in usable), key=lambda p: period_key(_base_period(p)))
    same = [x for x in usable if x.period == best_period]
    phrase = r.phrase if r.language == "zh" else ""
    aim = _AIM_ASKED.search(question) if question else None
    points = bool(_POINTS_ASKED.search(question))
    keyed = set(r.keys)
    peers = list(same)  # (a list being sorted reads as empty)
    same.sort(key=lambda x: (int(("百分点" in x.unit) != points),  # a growth rate asked: %, not 提高1.7个百分点
                             # the lexicon indicator the question names, before a bare word its gloss holds (投资)
                             int(bool(keyed) and base_key(x.key) not in keyed),
                             -round(label_similarity(phrase, x.label_zh), 1) if phrase
                             else -round(en_similarity(r.phrase, english_to_zh(r.phrase), x.label_zh), 1),
                             -round(_said_around(phrase, x), 1),
                             -_counts_named(question, x),  # 'its 3 car parks': '完成A、B、C 3个停车场…'
                             0 if aim is None else -int(_aim_of(x) == _AIM_WORD[aim.group(0).lower()]),
                             kinds.index(x.kind) if x.kind in kinds else 99,
                             # '接近1.4万元（13920元）': of one figure given twice, the exact one
                             int(x.qualifier in _ROUGH and any(y.qualifier is None and y.label_zh == x.label_zh
                                                               and y.kind == x.kind for y in peers))))
    return same[0], how


_ROUGH = ("近", "约", "左右", "余", "逾", "超")  # qualifiers that round a figure
_STOCK_LABEL = re.compile(r"总数|现有|年末|年底|存栏|在库|实有|累计")  # a level at a date, not a flow over months
_NEW_ONLY_LABEL = re.compile(r"^新|新增|新建|新植|新种")  # (an area added is the year's flow)


def _counts_named(question: str, row: Indicator) -> int:
    """How many small counts the question names ('its 2 multi-storey car parks', '那4所学校') the figure's sentence
    states too, as counts of something ('3个停车场'), the figure itself aside."""
    asked = {int(n) for n in re.findall(r"(?<![\d.])(\d{1,3})(?![\d.%年月日])", question)} - {int(abs(row.value))}
    text = row.said + (row.context or "")
    return sum(1 for n in asked if re.search(rf"(?<![\d.]){n}\s*[个所座家项条处栋]", text))


def _said_around(phrase: str, row: Indicator) -> float:
    """Share of a Chinese phrase's words beyond the label that the figure's clause and sentence hold: of two
    '新增停车位' figures, '东园立体停车场新增停车位' asks the one whose sentence names that car park."""
    label = row.label_zh
    words = [w for w, _ in tagged(phrase) if len(w) >= 2 and w not in label and not function_word(w)]
    if not words:
        return 0.0
    text = row.said + (row.context or "")
    return sum(w in text for w in words) / len(words)


# '确保增长6.5%、力争增长7%': the floor and the aspiration are two targets; a question naming one gets that one.
_AIM_WORD = {"力争": "力争", "争取": "力争", "aspirational": "力争", "strive": "力争", "stretch": "力争",
             "确保": "确保", "保底": "确保", "guaranteed": "确保", "floor": "确保", "minimum": "确保"}
_AIM_ASKED = re.compile("|".join(_AIM_WORD), re.I)


def _aim_of(row: Indicator) -> str | None:
    """The target word nearest before a target's figure in its quote (力争 or 确保)."""
    quote = row.said
    at = quote.find(f"{abs(row.value):g}")
    before = quote[: at if at >= 0 else len(quote)]
    found = max(((before.rfind(w), w) for w in ("力争", "确保", "争取")), default=(-1, None))
    return None if found[0] < 0 else ("力争" if found[1] == "争取" else found[1])


# ---- display ---------------------------------------------------------------------------------------
def _label(rows: Sequence[Indicator], lang: str) -> str:
    row = rows[0]
    if lang == "en":
        return row.label_en if row.label_en and not row.label_en.startswith("figure:") else f"“{row.label_zh}”"
    return row.label_zh


def _period(p: str, lang: str) -> str:
    return period_zh(p) if lang == "zh" else period_en(p)


def _place(p: str | None, lang: str) -> str:
    return (p or "") if lang == "zh" else place_en(p)


def _figure(i: Indicator, lang: str, *, absolute: bool = False) -> str:
    value = abs(i.value) if absolute else i.value
    qualifier = None if i.qualifier == "达" else i.qualifier  # '社零为52.6亿元', never '为达52.6亿元'
    if lang == "en":
        return f"{format_en(value, i.unit, qualifier)} ({format_zh(value, i.unit, qualifier)})"
    return format_zh(value, i.unit, qualifier)


def _estimated(i: Indicator) -> bool:
    # (a target in an estimate's sentence, '预计上半年完成…，占全年目标3.5亿元的47%', is no estimate)
    return i.kind == "estimate" or i.kind != "target" and bool(getattr(i, "estimated", False))


def _verb(i: Indicator, lang: str) -> str:
    if i.kind == "yoy_change":
        return msg("verb_change_down" if i.value < 0 else "verb_change_up", lang)
    if i.kind == "yoy_growth":
        key = "verb_growth_down" if i.value < 0 else "verb_growth_up"
        return msg(key + ("_est" if _estimated(i) else ""), lang)
    if _estimated(i):
        return msg("verb_estimate", lang)
    named = _NAMED_RATE.search(i.said) if i.kind == "completion_rate" else None
    if named:  # '办结率96.4%': the share of cases closed, no plan's completion
        return msg("verb_named_rate", lang, rate=named.group(1))
    if i.kind == "cumulative" and lang == "zh" and "累计" in i.label_zh:
        return msg("verb_actual", lang)  # ('累计签约642户': the label says it is a running total)
    return msg(f"verb_{i.kind}", lang) if f"verb_{i.kind}" in _VERBS else msg("verb_actual", lang)


_VERBS = {"verb_actual", "verb_estimate", "verb_target", "verb_cumulative", "verb_completion_rate", "verb_share"}
_NAMED_RATE = re.compile(r"((?!完成)[\u4e00-\u9fff]{2}率)(?:达到?|为|是)?\s*[\d.]+\s*[%％]\s*$")


def _fig_with_kind(i: Indicator, lang: str) -> str:
    """'15.2亿元(2023年)', '预计…' — for rankings and trends."""
    fig = _figure(i, lang, absolute=i.kind in _SIGNED)
    if i.kind in _SIGNED:
        fig = _verb(i, lang) + ("" if lang == "zh" else " ") + fig
    notes = [_period(i.period, lang)]
    if _estimated(i) and i.kind not in _SIGNED:
        notes.append(msg("kind_estimate", lang))
    if i.kind in ("target", "cumulative"):
        notes.append(msg(f"kind_{i.kind}", lang))
    return f"{fig}({','.join(notes)})" if lang == "zh" else f"{fig} ({', '.join(notes)})"


def _cite(n: int, i: Indicator) -> Citation:
    e = i.evidence
    return Citation(n=n, report_id=i.report_id, street=i.street, section=i.label_zh, quote=e.quote,
                    start=e.start, end=e.end)


def _row(n: int | None, i: Indicator, lang: str, citation: int) -> TableRow:
    return TableRow(rank=n, street=i.street, report_id=i.report_id, value=i.value, unit=i.unit,
                    display=format_zh(i.value, i.unit, i.qualifier) if lang == "zh"
                    else format_en(i.value, i.unit, i.qualifier),
                    normalized_value=i.normalized_value, normalized_unit=i.normalized_unit, period=i.period,
                    kind=i.kind if i.kind in _TABLE_KINDS else "actual",  # type: ignore[arg-type]
                    label=i.label_zh if lang == "zh" else i.label_en, citation=citation)


_TABLE_KINDS = {"actual", "estimate", "target", "yoy_growth", "yoy_change", "completion_rate", "cumulative", "share"}
_VS_TARGET = re.compile(r"(?:实际|实绩|actual).*(?:打算|计划|目标|任务|预期|力争|争取|\bplan(?:ned)?\b|\btarget\b)|"
                        # '原定2022年…要突破17.5亿元，结果差了多少': a figure set beforehand, then the result's gap to it
                        r"(?:原定|原计划|原先定|本来定)[^？?]{0,40}?(?:结果|最后|最终|实际)[^，,？?]{0,8}?(?:差|多|少|超)|"
                        r"(?:打算|计划|目标|任务|力争|争取|\bplan(?:ned)?\b|\btarget\b).*(?:实际|actual)|"
                        r"(?:比|对照)[^，,？?]{0,24}(?:计划|目标|打算|任务)|离[^，,？?]{0,24}?(?:计划|目标|任务|定下的|提出的|确定的)|\bthan (?:its |the )?(?:plan(?:ned)?|target)|"
                        # 'by how much did its 2024 FAI exceed the target set in its 2023 report'
                        r"\b(?:exceed\w*|beat|surpass\w*|top|topped|miss\w*|f[ae]ll short of) (?:its |the )?(?:[\w.'’-]+ ){0,2}"
                        r"(?:plan|target|task|goal|quota)s?\b|"
                        # '…had set a 2021 target of 2.4亿元 …; by how much did the result fall short of it'
                        r"\b(?:plan|target|task|goal|quota)s?\b[^?]{0,80}?\b(?:exceed\w*|beat|surpass\w*|top|topped|miss\w*|"
                        r"f[ae]ll(?:en)? short of) (?:it|that|this)\b|"
                        r"\b(?:plan(?:ned)?|target(?:ed)?|task|goal|quota|aim(?:ed)?)s? (?:for|of|at)\b[^?]{0,120}?"
                        r"\b(?:fall|fell|falling|fallen) short\b|"
                        # 'the goal written into its 2017 summary — how far below it did the 2018 result come in'
                        r"\b(?:goal|target|plan|quota)s?\b[^?]{0,80}?\bhow (?:far|much|many)\b[^?]{0,24}?"
                        r"\b(?:below|above|short|over|under)\b|"
                        # 'went into 2023 aiming at 6.5亿元 …; by how much was it short at year-end'
                        r"\b(?:aim(?:ing|ed|s)? (?:at|for)|targeting|targeted|planned for)\b[^?]{0,100}?\bhow (?:much|far)\b"
                        r"[^?]{0,24}?\b(?:short|below|under|over|above)\b|"
                        # 'set that goal beside the early result: how wide the gap'
                        r"\b(?:goal|target|plan|quota)s?\b[^?]{0,30}?\b(?:with|against|and)\b[^?]{0,40}?\b(?:result|outturn|"
                        r"actual)\b[^?]{0,30}?\b(?:gap|difference|shortfall)\b|"
                        # 'measured against the goal in its plan, what was the gap between its 2022 revenue and that goal'
                        r"\bagainst (?:the |its |that )?(?:[\w-]+ ){0,2}(?:goal|target|plan|quota)s?\b[^?]{0,80}?\b(?:gap|"
                        r"difference|shortfall)\b|\b(?:gap|difference|shortfall)\b[^?]{0,80}?\band (?:that|the|its) "
                        r"(?:[\w-]+ )?(?:goal|target|plan|quota)\b|"
                        # 'how many 万元 below that goal did the 2022 outturn land'
                        r"\bhow (?:much|many|far)\b[^?]{0,20}?\b(?:below|above|short of|over|under)\b(?: (?:its|the|that|this))? "
                        r"(?:[\w-]+ ){0,4}(?:plan|target|task|goal|quota|aim)s?\b|"
                        # 'comparing its 2022 outcome with the goal in its previous summary': the result, then the goal
                        r"\b(?:outcome|result|outturn|actual)s?\b[^?]{0,20}?\b(?:with|against|to)\b (?:the |its |that )?"
                        r"(?:[\w-]+ ){0,2}(?:goal|target|plan|quota)s?\b|"
                        # 'a figure pencilled in for the next year; by how much was it beaten'
                        r"\bpencil+ed in\b[^?]{0,120}?\b(?:beat|exceed\w*|top|miss\w*|f[ae]ll short of|below|above)\b", re.I)
# 'Of the X …, how many were Y?': Y, a part of X, is asked (group 1)
_PART_ASKED = re.compile(r"^\s*(?:of|among|out of) (?:the |its |their |all )?[^,?]{3,}?,\s*how (?:many|much) (?:of (?:them|it) )?"
                         r"(?:were|was|are|is|had been|have been|did|went(?= (?:to|outside|out of|abroad|beyond)\b))\s+([^?]+)",
                         re.I)  # ('…, how many went outside the province': where some went)
_EXCEPT = re.compile(r"除(?:了)?([\u4e00-\u9fff]{2,8}?)(?:以)?外|(?:不算|不含|不包括|不计|不是|而非)([\u4e00-\u9fff]{2,10})(?=[）)，,？?]|$)"
                     r"|(?<=[，,。？?（(])([\u4e00-\u9fff]{2,8}?)(?:那个数|那个|的数)?(?:不算|不计|不含|除外|不要)(?=[）)，,。？?]|$)")  # '次密接不算'

_RATE_BASIS = re.compile(r"按(?:照)?[^，,。？?]{0,14}?率")  # '按办结率推算': a rate the figure asked is computed from
# words that ask a running total or a stock (the matcher's stock words, and a total so far), not one period's own
_TOTAL_ASKED = re.compile(STOCK_ASKED.pattern + r"|累计|累积|一共|共计|至今|目前|截至|到现在|\b(?:in total|so far|cumulative|"
                          r"to date|altogether|stock)\b", re.I)
# 'How much of the town's crab-farming area was intensive pond culture?': the part named after the verb
_PART_OF_EN = re.compile(r"\bhow much of (?:the |its |their )?[^?]{3,}? (?:(?:was|were|is|are) (?!there\b)"
                         # ('how much of the year's task was done': the share done, no part of a whole)
                         r"(?!(?:already )?(?:done|completed|met|achieved|fulfil+ed|finished|collected|reached|raised|in)\b)"
                         r"|c(?:ame|omes?) from )"  # ('…output came from firms on the top-50 list')
                         r"([^?]+)", re.I)  # ('…quota was in, in percent': collected)
# '新增的市场主体中企业有多少户': a part of a whole the question names (a set of things, money or an area)
_PART_ASKED_ZH = re.compile(r"(?<!在)([\u4e00-\u9fff“”]{1,14}?)(?:当中|之中|中|里)[，,]?(?:的)?"
                            # (…a period said before the part: '预算收入里，前几个月的税收部分')
                            r"(?:(?:20\d\d年)?(?:[头前][一二三四五六七八九十\d]{1,2}个月|\d{1,2}\s*[-—至]\s*\d{1,2}月|上半年|"
                            r"前三季度)的?)?(?:"
                            r"((?:[“”\"]?[^\W了]){2,8}?[“”\"]?的?)(?:[这那]?一?(?:部分|块)(?:项目)?(?:到位|完成|实现|投入|落实|引进|拨付|支出|发放|入库|投)?了?)?"
                            r"(?:[种栽播养][植种]?了?)?(?:有|为|是|占|达到?|贡献了?)?(?:多少|几|多大)(?!.{0,3}率)|"
                            # '新登记的市场主体中有多少户个体工商户': the part after the count
                            # ('…里有多少家是企业': after 是, even 企业 is the part)
                            r"有?(?:多少|几)[个家户项名人所]?(?:是|属于|(?!(?:企业|项目|户|家)?[？?]|是|为))"
                            r"([\u4e00-\u9fff“”]{2,8}?)[？?]?$)")
# an addition to a whole said in plain words ('新扩出来的', '新发展的', '多出来的'): the report's 新增
_ADDED_PART = re.compile(r"^(?:新扩(?:大|展)?(?:出来)?|新拓展?(?:出来)?|新发展(?:起来)?|新开辟|新加|新添|扩(?:大|出)出?来|多出来|"
                         r"新增加|增加|新增)(?=的?$)")
# a part of the place that earns the figure asked ('did the phase-II industrial park in X generate', '…did commercial
# office buildings in X generate'): its name, which the figure's label must hold
# the whole place asked, against a zone's figure ('not just one scenic area', '全镇的，不只是片区')
_WHOLE_PLACE_ASKED = re.compile(r"\bnot (?:just|only) (?:one|a single|the|its) (?:[\w-]+ ){0,2}(?:area|zone|site|spot|park|"
                                r"attraction)s?\b|\bwhole of (?:the )?(?:[\w'’()（）\u4e00-\u9fff-]+ ){0,4}?(?:town|township|"
                                r"sub-?district)\b|\ball (?:of )?its (?:sites|areas|zones|spots)\b|"
                                r"(?:不(?:只|仅|光)|而不是|不单)(?:是)?[^，,？?]{0,8}(?:片区|景区|园区|基地)", re.I)
_ZONE_NAMED = re.compile(r"片区|景区|园区|示范园|基地|[“”]")
_ZONE_QUOTED = re.compile(r"[“\"][^”\"]{2,10}[”\"](?:片区|景区|园区|基地|示范园|街区)")
_OWNER_HEAD_ZH = {"park": "园", "zone": "区|片", "building": "楼|大厦", "estate": "小区|苑|园", "cluster": "集群",
                  "base": "基地", "centre": "中心", "center": "中心", "market": "市场", "plant": "厂"}
_OWNER_EN = re.compile(r"\bdid (?:the |its |their )?((?:[\w'’-]+ ){0,6}?(?P<head>parks?|zones?|buildings?|estates?|"
                       r"clusters?|bases?|centres?|centers?|markets?|plants?)(?: (?:in|of|at) [^?]{2,40}?)?)\s+"
                       r"(?:generate|earn|collect|produce|pay|bring in|contribute|record|achieve|turn out|realise|realize)\b",
                       re.I)
# some of a whole asked by the state they are in ('…项目里面，有几个项目还在跟居民谈拆迁'): the words of the state
_STATE_ASKED = re.compile(r"(?:里面|里头|当中|之中|中|里)[，,]?[^，,？?]{0,10}?有?(?:几|多少)[个家项户所座条]?[\u4e00-\u9fff]{0,4}?"
                          r"(?:还在|正在|仍在|仍然在|还处于|正处于|尚在)([\u4e00-\u9fff]{2,12}?)(?:的|呢)?[？?]?$|"
                          # ('…项目里，正处在拆迁谈判这一步的是几个': the state said first)
                          r"(?:里面|里头|当中|之中|中|里)[，,]?\s*(?:目前|现在)?(?:还在|正在|仍在|正处在|正处于|还处于|还处在|处在|处于|尚在)"
                          r"([\u4e00-\u9fff]{2,12}?)(?:、[^，,？?]{0,12}?)?(?:这一?步|这一?阶段|阶段|环节|这个阶段|这个环节)?的?"
                          r"(?:面积|项目|企业|户数|人数|数量|规模)?(?:是|有)?(?:几|多少)")
_NOT_A_WHOLE = re.compile(r"(?:报告|计划|总结|材料|文件|全年|今年|去年|年度|期间|过程|工作|街道|镇|乡|社区|村|[区县市])$")
# wholes a part is asked of whatever the tagger calls them (存栏, 投资 are verbs to it)
_WHOLE_WORDS = re.compile(r"(?:主体|企业|项目|人口|人员|劳动力|劳力|农户|家庭|学校|学生|游客|工单|案件|诉求|问题|单位|商户|合作社|资金|投资|"
                          r"收入|产值|面积|设施|存栏|出栏)$")


def _part_measure(question: str, part_zh: re.Match[str], asked_part: str, r: Route, rows: list[Indicator],
                  ctx: Context) -> list[Indicator]:
    """The rows of the part a question asks of a whole ('新增的市场主体中企业有多少户'); [] when the report states none."""
    # …of the whole's kind: the part of the year's new entities is new too (新增企业, not 规上工业企业)
    new = re.search(r"新增|新登记|新注册|新设立|新引进|新认定|新培育", r.phrase)  # '新登记市场主体中企业': 新登记企业
    qualified = (new.group(0) + asked_part) if new and not re.match(r"新", asked_part) else asked_part
    stated = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", question[: part_zh.start(2) if part_zh.group(2)
                                                                  else part_zh.end(1)])}
    whole = re.sub(r"[“”]", "", part_zh.group(1))
    # '新增的“四上”企业里，规上工业企业有几家' over '其中规上工业15家': the head the whole and the part share may go
    core = asked_part[:-2] if len(asked_part) >= 4 and whole.endswith(asked_part[-2:]) else asked_part
    parts = [s for s in match_rows(qualified, rows, lang="zh", embed=ctx.embed)
             if (_part_in(asked_part, s.row.label_zh) or _part_in(core, s.row.label_zh))
             and abs(s.row.value) not in stated]  # '…58件中，来信有多少件': the 58 is the whole's
    # '应税销售里规模工业有多少': the part's row that names the whole too (规模工业应税销售, not 规模工业企业)
    of_whole = [s for s in parts if len(whole) >= 4 and whole[-2:] in s.row.label_zh]
    return _best_measure(of_whole or parts, r)


def _part_in(part: str, label: str) -> bool:
    """The part asked is what the label counts: its words are the label's words ('幼儿园学位' in '幼儿园新增学位',
    never '小学床位' in '中小学新增床位'), and the label names no other item beside it ('来信、来访')."""
    if re.search(r"[、和及与]", label.replace(part, "")):
        return False
    if part in label:
        return True
    words = {w for w, _ in tagged(label)}
    return all(w in words for w, _ in tagged(part))


def _part_asked_zh(question: str) -> re.Match[str] | None:
    """'县级以上媒体的报道中，省级媒体报道有几次': a part of a whole the question names by a noun (a set of things,
    money, an area, events), never of a document or a time ('报告里', '一年中')."""
    for found in _PART_ASKED_ZH.finditer(question):
        whole = re.sub(r"[“”]", "", found.group(1))
        words = tagged(whole)
        last = words[-1:]
        noun = bool(last) and (last[0][1][:1] == "n" and last[0][1] not in ("ns", "nr") or last[0][1] == "vn"
                               or len(words) >= 2 and words[-2][0] == "的"  # '媒体的报道中'
                               # '…来信来访58件中': the things counted before their number
                               or re.fullmatch(r"[件个家户项名所座宗条场栋套台辆]", whole) is not None
                               and question[max(found.start(1) - 1, 0)].isdigit())
        part = found.group(2) or found.group(3) or ""
        if _WHOLE_WORDS.search(whole) or whole == "其" and found.group(2) and all(
                f[:1] == "n" or f == "vn" for _, f in tagged(part)):  # '…新增学位3920座，其中中小学那部分有多少座'
            return found
        tags = tagged(re.sub(r"[“”]", "", part))
        said_part = found.group(2) and not part.endswith("的") and re.match(r"[这那]?一?(?:部分|块)", question[found.end(2):])
        if tags and not said_part and (tags[-1][1][:1] != "n" and tags[-1][1] != "vn" or part.endswith("的")):
            continue  # '加装的电梯中已投入使用的有几部': a state some are in, no part named by a noun
        if noun and not _NOT_A_WHOLE.search(whole):
            return found
    kind = _PART_KIND_ZH.search(question)  # '…新登记市场主体，企业类的有几家': a kind of the whole, after a comma
    return kind if kind and _WHOLE_WORDS.search(kind.group(1)) else None


_PART_KIND_ZH = re.compile(r"([\u4e00-\u9fff“”]{2,14}?)[，,]\s*(?:其中)?([\u4e00-\u9fff]{2,6}?)类的?(?:有|为|是)?(?:多少|几)()")
_BETWEEN_EVENTS = re.compile(r"从[^，,？?]{2,40}?到[^，,？?]{2,40}?(?:相隔|间隔|隔了|用了|历时)|"
                             r"\bhow (?:long|many days) (?:passed )?between\b", re.I)
# 'X达到上一年定下的目标了吗', 'did it meet its target': the result against the target, the gap computed
_ATTAINED = re.compile(r"(?:达到|完成|实现|超过|突破)了?[^，,？?]{0,16}(?:目标|任务|计划)了?(?:吗|没有)|是否(?:达到|完成|实现)|"
                       r"\b(?:did|has|have)\b[^?]*\b(?:meet|met|hit|reach|achieve)\b[^?]*\b(?:target|goal)", re.I)
_SHARE_UNITS = ("%", "成")  # a share as printed: 41.5%, 近六成
_SIGNED = ("yoy_growth", "yoy_change")  # shown as a verb (增长/减少) and the magnitude


def _answer(question: str, r: Route, text: str, cited: list[Indicator], *, route: str = "indicator",
            table: list[TableRow] | None = None, caveats: list[str] | None = None) -> Answer:
    return Answer(question=question, text=text, language=r.language, route=route,  # type: ignore[arg-type]
                  mode="offline", citations=[_cite(n, i) for n, i in enumerate(cited, start=1)],
                  table=table, caveats=list(dict.fromkeys(caveats or [])), intent=r.model_dump())


def _notes(found: Sequence[Indicator], lang: str) -> list[str]:
    out = []
    for i in found:
        place = _place(i.street, lang)
        if _estimated(i) and i.kind not in _SIGNED:
            out.append(msg("estimate_note", lang, place=place))
        if i.provisional:
            out.append(msg("provisional_note", lang, place=place))
        if i.kind == "cumulative":
            out.append(msg("cumulative_note", lang, place=place, period=_period(i.period, lang)))
    return out


def _sep(text: str, lang: str) -> str:
    return " " if lang == "en" and text and not text.endswith(" ") else ""


# ---- lookup ----------------------------------------------------------------------------------------
def _lookup(question: str, r: Route, measure: list[Indicator], place: str, ctx: Context) -> Answer | None:
    lang = r.language
    owner = _OWNER_EN.search(question) if lang == "en" and measure else None
    if owner and not re.search(_OWNER_HEAD_ZH[owner.group("head").lower().rstrip("s")],
                               measure[0].label_zh + measure[0].evidence.quote):
        # 'How much tax did commercial office buildings in X generate', '…did the phase-II industrial park generate':
        # the park's or the buildings' own figure, never the place's total
        return _answer(question, r, msg("not_found", lang, where=_place(place, lang), terms=owner.group(1).strip()), [],
                       route="abstain")
    if _WHOLE_PLACE_ASKED.search(question) and measure:
        # 'the whole of Qiquan town, not just one scenic area': never a zone's figure ('“苓香湾”片区…接待游客14.8万')
        place_wide = [x for x in measure if not _ZONE_NAMED.search(x.label_zh)
                      and not _ZONE_QUOTED.search(x.context or "")]
        if not place_wide:
            return _answer(question, r, msg("not_found", lang, where=_place(place, lang), terms=r.phrase), [],
                           route="abstain")
        measure = place_wide
    rows = [x for x in measure if x.street == place]
    label = _label(rows or measure, lang)
    kinds = WANTED.get(r.kind, WANTED["actual"])
    if "累计" in question and "cumulative" in kinds:
        kinds = ("cumulative", *[k for k in kinds if k != "cumulative"])
    final_only = bool(FINAL_ONLY.search(question)) and r.kind != "estimate"  # ('…actual revenue to October; the
    # likely full-year total?': the estimate asked, the results only its frame)
    if final_only:  # '实际完成额(不是预计数)': an estimate does not answer it
        kinds = tuple(k for k in kinds if k != "estimate")
    if _ONE_YEAR_ONLY.search(question):  # '仅在当年选派了多少名': never a programme's running total
        kinds = tuple(k for k in kinds if k != "cumulative")
    given = any(q.unit for q in scan_quantities(question))
    if DERIVE.search(question) or given and APPROXIMATE.search(question):
        # '推算全区总量', '完成6.4亿元、占任务40%,任务约多少': the computed figure is what is asked
        derived = _derived(question, r, rows, place, label)
        if derived is not None:
            return derived
        if given:  # the question's own figures are not the report's: no other figure answers it
            return _answer(question, r, msg("not_found", lang, where=_place(place, lang), terms=r.phrase), [],
                           route="abstain")
    final = [x for x in rows if not _estimated(x) or x.kind not in _LEVEL] if final_only else rows
    if r.kind == "target" and not _GROWTH_ASKED.search(question) and any(
            x.kind == "target" and x.normalized_unit != "percent" for x in final):
        final = [x for x in final if x.kind != "target" or x.normalized_unit != "percent"]  # 增长8%,力争4500万元
    whole = bool(WHOLE_YEAR.search(question) or WHOLE_YEAR_STRESSED.search(question)) and bool(r.period) \
        and is_full_year(r.period or "")
    row, how = _pick(final, r, kinds, whole=whole, question=question)
    also = r.also_kind or ("yoy_growth" if r.also_growth else None)
    if row is None and also:
        row, how = _pick(rows, r.model_copy(update={"kind": also}), WANTED[also])
        also = None
    if row is None and r.kind == "estimate":  # '签约项目预计落地后每年能带来多少产值': the effect the report expects
        row, how = _pick([x for x in final if _expected_effect(x)], r.model_copy(update={"kind": "target"}),
                         ("target",))
    if row is None and r.kind == "yoy_growth" and not _PERCENT_ASKED.search(question) and re.search(
            r"\b(?:increase|rise|addition)s? (?:in|of)\b|增加了?多少|增加了?几", question, re.I):
        # 'what was the 2022 increase in public-school places' over '新增公办学位650个': the places added are the increase
        added = [x for x in final if re.match(r"新增|新建|净增|新引进", x.label_zh)]
        row, how = _pick(added, r.model_copy(update={"kind": "actual"}), WANTED["actual"]) if added else (None, "")
    if row is None and r.period_inherited:  # '那玉塘呢？' after a 2022 question: 玉塘's latest, said so
        r = r.model_copy(update={"period": None, "years": []})
        row, how = _pick(final, r, kinds, question=question)
    if row is None:
        return (_derived(question, r, rows, place, label) or _rate_of_target(question, r, rows, place, label)
                or _kind_or_period_decline(question, r, rows, place, label))
    if row.label_zh != (rows or measure)[0].label_zh:
        label = _label([row], lang)  # the label of the figure given ('新增停车位'), not the first of its measure's
    months = _months(row.period)
    if PER_MONTH.search(question) and row.kind in _LEVEL and row.normalized_unit != "percent" and months > 1 \
            and not _HYPOTHETICAL.search(question):
        # '前4个月工业投资平均每月多少': the year-to-date figure over its months, computed and said so
        mean = row.value / months
        mean = round(mean, 2) if abs(mean) >= 1 else float(f"{mean:.4g}")
        text = msg("derived_monthly", lang, place=_place(place, lang), period=_period(row.period, lang), label=label,
                   figure=format_zh(mean, row.unit) if lang == "zh" else _en_with_zh(mean, row.unit),
                   total=_figure(row, lang), months=months)
        return _answer(question, r, text, [row], table=[_row(None, row, lang, 1)],
                       caveats=[msg("computed_note", lang), *_notes([row], lang)])
    cited = [row]
    if r.one_village:
        label = _label([row], lang)  # the village's own name and measure, never read as the place's total
    text = msg("lookup", lang, place=_place(place, lang), period=_period(row.period, lang), label=label,
               verb=_verb(row, lang), figure=_figure(row, lang, absolute=row.kind in _SIGNED), n=1)
    if also is None and row.kind != "yoy_growth" and r.kind in ("actual", "estimate") and "同比" in question:
        also = "yoy_growth"
    if also and also != row.kind:
        sub = r.model_copy(update={"kind": also})
        second = [x for x in _usable(rows, WANTED[also], sub) if x.period == row.period] or \
                 [x for x in _usable(rows, WANTED[also], sub) if x.period[:4] == row.period[:4]]
        if second:
            g = second[0]
            cited.append(g)
            text = text.rstrip("。.") + ("," if lang == "zh" else ". ") + msg(
                "also_kind", lang, verb=_verb(g, lang), figure=_fig_with_kind(g, lang) if g.kind == "target"
                else _figure(g, lang, absolute=g.kind in _SIGNED), n=2)
        elif also in ("target", "completion_rate", "share", "yoy_growth"):  # '…and did it meet its target?': said
            text += _sep(text, lang) + msg("also_missing", lang, asked=msg(f"asked_{also}", lang))
    caveats = _notes(cited, lang)
    if how == "nearest" and r.period:
        note = msg("nearest_period", lang, asked=_period(r.period, lang), period=_period(row.period, lang))
        if is_full_year(r.period) and not (whole and (_months(row.period) <= 9 or WHOLE_YEAR_STRESSED.search(question))
                                           and r.kind in ("actual", "estimate", "cumulative")):
            # a year asked, the year-end report's 1-11月: that figure, said so (but 'over the full year' asked of a
            # half-year report is declined first: its 1-5月 is what it does contain)
            text += _sep(text, lang) + note
        else:  # '上半年' asked, only 1-5月 stated: the gap comes first; the figure is what the report does contain
            text = note + _sep(note, lang) + text
        caveats.append(note)
    if how in ("latest", "partial") and not r.period:
        note = msg("latest_period" if how == "latest" else "latest_partial", lang, place=_place(place, lang),
                   period=_period(row.period, lang))
        # ('这一年下来一共几家' of a half-year report: the gap comes first, the half year is what it contains)
        text = note + _sep(note, lang) + text if how == "partial" and WHOLE_YEAR_STRESSED.search(question) \
            else text + _sep(text, lang) + note
        caveats.append(note)
    table = [_row(None, i, lang, n) for n, i in enumerate(cited, start=1)]
    return _answer(question, r, text, cited, table=table, caveats=caveats)


def _months(period: str) -> int:
    """Months a period label spans ('2024M01-M05' 5, '2024H1' 6, '2024Q1-Q3' 9); 12 for a year or anything else."""
    m = re.fullmatch(r"\d{4}M(\d\d)-M(\d\d)", period)
    if m:
        return int(m.group(2)) - int(m.group(1)) + 1
    if re.fullmatch(r"\d{4}H[12]", period):
        return 6
    q = re.fullmatch(r"\d{4}Q(\d)(?:-Q(\d))?", period)
    if q:
        return 3 * (int(q.group(2) or q.group(1)) - int(q.group(1)) + 1)
    return 12


def _given_rows(question: str, r: Route, rows: list[Indicator]) -> list[Indicator]:
    """For a computation from figures the question quotes (推算, 'judging from'): the place's rows holding them, and
    the other figures of the same label, report and period (the growth rate beside a quoted level)."""
    if len(r.places) != 1 or not (DERIVE.search(question) or APPROXIMATE.search(question)):
        return []  # ('…96.4亿元、同比+0.62%。和上年同期相比，大约多了多少亿元？' derives as much as 推算 does)
    return _quoted(question, [x for x in rows if x.street == r.places[0]])


_CHANGE_ASKED = re.compile(r"[多少]了?(?:大约|约)?多少|增加了?(?:大约|约)?多少|减少了?(?:大约|约)?多少|\bhow much (?:more|less)\b|"
                           r"\bby how much\b", re.I)


def _prior_of_quoted(question: str, r: Route, given: list[Indicator], rows: list[Indicator]) -> Answer | None:
    """A level and its growth the question quotes ('上半年发生亡人事故3起，同比下降40%。据此推算，去年同期…'): the
    same span a year before, or the change on it when that is asked, computed and said so; None unless the question
    asks about the year before and the report states both figures for one span."""
    lang, figures = r.language, _figures_quoted(question)
    for a in [x for x in given if x.kind in _LEVEL and ((abs(x.value), x.unit) in figures
                                                        or x.normalized_unit == "count" and (abs(x.value), "") in figures)]:
        year = int(a.period[:4]) if a.period[:4].isdigit() else 0
        growth = [g for g in given if g.kind == "yoy_growth" and g.unit == "%" and g.report_id == a.report_id
                  and g.period == a.period and g.label_zh == a.label_zh and -100 < g.value] \
            or _said_after([a], rows, r.model_copy(update={"kind": "yoy_growth"}))  # '…13宗，事故宗数下降31.6%'
        growth = [g for g in growth if g.unit == "%" and -100 < g.value]
        if not year or len(growth) != 1 or not (year - 1 in r.years or PREVIOUS_YEAR.search(question)
                                                or _ON_YEAR_AGO.search(question.split("。")[-1])):
            continue
        g = growth[0]
        before = a.value / (1 + g.value / 100)
        place, label = _place(a.street, lang), _label([a], lang)
        if r.kind == "yoy_change" or _CHANGE_ASKED.search(question) or _NET_ADDED.search(question):
            change = a.value - before
            text = msg("derived_increase" if change >= 0 else "derived_decrease", lang, place=place,
                       period=_period(a.period, lang), label=label, figure=_computed(abs(change), a, lang),
                       level=_figure(a, lang), growth=_figure(g, lang, absolute=True))
        else:
            text = msg("derived_previous", lang, place=place, period=_period(f"{year - 1}{a.period[4:]}", lang),
                       label=label, figure=_computed(before, a, lang), level=_figure(a, lang),
                       later=_period(a.period, lang), growth=_figure(g, lang))
        return _answer(question, r, text, [a, g], caveats=[msg("computed_note", lang)])
    return None


_YES_NO_EN = re.compile(r"(?:^|[.?!]\s+)(?:did|does|do|was|were|is|are|has|have)\b[^.?!]*\?\s*$", re.I)


def _figures_in(question: str) -> set[tuple[float, str]]:
    """The figures a question quotes, as (value, unit) pairs a row's (abs(value), unit) is compared with."""
    return {(q.value, q.unit) for q in scan_quantities(question) if q.unit}


def _figures_quoted(question: str) -> set[tuple[float, str]]:
    """`_figures_in`, and in English a bare count too ('had 17 work-safety accidents'), as (value, '') for a row of
    any count unit: the inputs of a computation from the question's own figures."""
    found = _figures_in(question)
    if re.search(r"[A-Za-z]{3,}", question) and not re.search(r"[\u4e00-\u9fff]{10,}", question):
        found |= {(float(n), "") for n in re.findall(r"(?<![A-Za-z\d.,])(\d{1,6}(?:\.\d+)?)(?![\d.,%]|\s*(?:年|月|th\b|st\b))",
                                                     re.sub(r"\b(?:19|20)\d\d\b", " ", question))}
    return found


# an English amount quoted in an English unit ('about 12,200 m²', '3.5 hectares'): its value in the normalised unit
_EN_AMOUNT = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?:(m²|m2|sq\.? ?m|square met(?:re|er)s)|"
                        r"(hectares?|ha)|(mu)|(tonnes?|tons?))\b|(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*m²", re.I)
_EN_AMOUNT_UNITS = (("m2", 1.0), ("m2", 10000.0), ("m2", 2000 / 3), ("t", 1.0))


def _en_amounts_quoted(question: str) -> list[tuple[float, str]]:
    """The amounts an English question quotes in English units, normalised ('12,200 m²' -> 12200 m2)."""
    out = []
    for m in _EN_AMOUNT.finditer(question):
        if m.group(6):
            out.append((float(m.group(6).replace(",", "")), "m2"))
            continue
        unit, factor = next(u for g, u in zip(m.groups()[1:5], _EN_AMOUNT_UNITS, strict=True) if g)
        out.append((float(m.group(1).replace(",", "")) * factor, unit))
    return out


def _quoted(question: str, rows: list[Indicator]) -> list[Indicator]:
    """The rows holding the figures a question quotes, with the other figures of their label, report and period."""
    given = _figures_quoted(question)
    amounts = _en_amounts_quoted(question) if re.search(r"[A-Za-z]{3,}", question) else []
    keys = {(x.report_id, x.label_zh, x.period) for x in rows if (abs(x.value), x.unit) in given
            or x.normalized_unit == "count" and (abs(x.value), "") in given
            or any(u == x.normalized_unit and v > 0 and abs(abs(x.normalized_value) - v) <= 0.02 * v for v, u in amounts)}
    return [x for x in rows if (x.report_id, x.label_zh, x.period) in keys]


_PERCENT_WANTED = re.compile(r"百分之(?:几|多少)|多少\s*[%％]|\bwhat (?:percent(?:age)?|per cent)\b", re.I)


def _derived(question: str, r: Route, rows: list[Indicator], place: str, label: str) -> Answer | None:
    """A figure the report implies, computed and labelled so: last year's level from this year's level and
    growth; a target from the amount done and its completion rate."""
    lang = r.language
    if not (APPROXIMATE.search(question) or r.kind == "target" and GIVEN_RATE.search(question)) or PER_MONTH.search(question):
        return None  # only when the question asks for a derived / approximate figure (and never a monthly pace)
    plain = [x for x in rows if x.part != "plan" and not x.period.endswith("-plan")]
    given = _figures_in(question)
    if given:  # '完成6.4亿元、占任务40%,任务约多少': the figures the question states (and their growth) are the inputs
        plain = _quoted(question, plain)
    year = r.period if r.period and r.period[:4].isdigit() and not r.period.endswith("-plan") else None
    if year is None and given and PREVIOUS_YEAR.search(question):  # '报告年度…推算上一年': the year before the figure's
        quoted = [x for x in plain if x.kind in _LEVEL and x.period[:4].isdigit() and is_full_year(x.period)]
        year = str(int(quoted[0].period[:4]) - 1) if quoted else None
    if year is None and not given and PREVIOUS_YEAR.search(question) and DERIVE.search(question):
        # '按增速倒推，报告年度的上一年约有多少家': the year before the latest level stated with its growth
        paired = [x for x in plain if x.kind in _LEVEL and is_full_year(x.period) and any(
            g.kind == "yoy_growth" and g.period == x.period and g.report_id == x.report_id for g in plain)]
        year = str(int(max(x.period[:4] for x in paired)) - 1) if paired else None
    if r.kind in ("actual", "estimate") and year:
        nxt = str(int(year[:4]) + 1) + year[4:]  # ('2023H1' from 2024H1's level and growth)
        level = [x for x in plain if x.period == nxt and x.kind in _LEVEL]
        growth = [x for x in plain if x.period == nxt and x.kind == "yoy_growth" and x.unit == "%"]
        if level and growth and growth[0].value > -100:
            a, g = level[0], growth[0]
            fig = _computed(a.value / (1 + g.value / 100), a, lang)
            text = msg("derived_previous", lang, place=_place(place, lang), period=_period(year, lang), label=label,
                       figure=fig, level=_figure(a, lang), later=_period(a.period, lang),
                       growth=_figure(g, lang))
            return _answer(question, r, text, [a, g], caveats=[msg("computed_note", lang)])
    if r.kind == "share" or (r.kind == "actual" and re.search(r"占|\b(?:share|proportion)\b", question, re.I)):
        # '入库量占全区18%': the whole the place's figure is that share of, computed and said so
        for share in [x for x in plain if x.kind == "share" and x.unit in _SHARE_UNITS and 0 < x.normalized_value < 100]:
            level = [x for x in plain if x.report_id == share.report_id and x.period == share.period
                     and x.kind in _LEVEL and x.evidence.start <= share.evidence.start]
            units = _UNITS_OF.get(r.unit_hint or "", {r.unit_hint})
            if any(x.normalized_unit in units for x in level):  # ('收楼36户(约0.98万平方米),占比61.5%': the floor area asked)
                level = [x for x in level if x.normalized_unit in units]
            if level:
                a = max(level, key=lambda x: x.evidence.start)
                whole = a.value / (share.normalized_value / 100)
                fig = _computed(whole, a, lang)
                if _REST_ASKED.search(question):  # '按签约占比推算，还有多少户没有签约': the whole less the part
                    text = msg("derived_rest", lang, place=_place(place, lang), period=_period(a.period, lang),
                               label=_label([a], lang), figure=_computed(whole - a.value, a, lang), whole=fig,
                               level=_figure(a, lang), share=_figure(share, lang))
                    return _answer(question, r, text, [a, share], caveats=[msg("computed_note", lang)])
                text = msg("derived_whole", lang, place=_place(place, lang), period=_period(a.period, lang),
                           label=_label([a], lang), figure=fig, level=_figure(a, lang), share=_figure(share, lang))
                return _answer(question, r, text, [a, share], caveats=[msg("computed_note", lang)])
    if r.kind == "target" and not _PERCENT_WANTED.search(question):  # ('…约相当于全年任务的百分之几': a share)
        for rate in [x for x in plain if x.kind == "completion_rate" and x.unit in ("%", "倍") and x.value > 0]:
            done = [x for x in plain if x.report_id == rate.report_id and x.period == rate.period
                    and x.kind in _LEVEL and x.evidence.start <= rate.evidence.start]
            if done:
                a = max(done, key=lambda x: x.evidence.start)  # the amount the rate follows
                target = a.value / (rate.value / 100 if rate.unit == "%" else rate.value)
                fig = _computed(target, a, lang)
                if _EXCESS_ASKED.search(question) and a.value > target:  # '超出任务的那部分': done less the target
                    text = msg("derived_excess", lang, place=_place(place, lang), label=label, target=fig,
                               figure=_computed(a.value - target, a, lang), done=_figure(a, lang),
                               rate=_figure(rate, lang), period=_period(a.period, lang))
                    return _answer(question, r, text, [a, rate], caveats=[msg("computed_note", lang)])
                if _GAP_ASKED.search(question):  # '要完成全年目标，还差多少': the target less what is done
                    text = msg("derived_gap", lang, place=_place(place, lang), label=label, target=fig,
                               figure=_computed(target - a.value, a, lang), done=_figure(a, lang),
                               rate=_figure(rate, lang), period=_period(a.period, lang))
                    return _answer(question, r, text, [a, rate], caveats=[msg("computed_note", lang)])
                text = msg("derived_target", lang, place=_place(place, lang), label=label, figure=fig,
                           done=_figure(a, lang), rate=_figure(rate, lang), period=_period(a.period, lang))
                return _answer(question, r, text, [a, rate], caveats=[msg("computed_note", lang)])
    return None


# '比上年多了多少亿元', '多出大约多少': the change on the year before, asked as an amount
_MORE_ASKED = re.compile(r"(?:增加|增长|提高|多出?|增多|减少|下降|少)了?(?:大约|约|大概)?(?:多少|几)|"
                         r"\bhow much (?:more|higher|bigger|less|lower)\b|\bby how much\b|"
                         r"\b(?:up|down|rise|rose|grew|fell|increased?|decreased?) (?:by )?how (?:much|many)\b|"
                         # 'rose 6.3%. How many 亿元 did that add': the amount the stated growth came to
                         r"\bhow (?:much|many)\b[^?]{0,40}?\bdid (?:that|this|the (?:growth|rise|increase)) add\b", re.I)


_ADDED_ASKED = re.compile(r"\b(?:add|added|gain|gained)\b|\bincrease (?:amount|come) to\b|增加了?(?:大约|约)?(?:多少|几)|净增了?(?:大约|约)?(?:多少|几)", re.I)
_NET_ADDED = re.compile(r"净增(?:加)?了?(?:大约|约|大概)?(?:多少|几)")
# ('how much lower than last year' with no unit asks the rate the report states, as '降了多少' does)
_MORE_EN = re.compile(r"\bhow (?:much|many) (?:more|bigger|less|fewer)\b|\bhow many (?:higher|lower)\b", re.I)


def _increase_from_growth(question: str, r: Route, measure: list[Indicator], place: str, *,
                          derive: bool = False) -> Answer | None:
    """A year's change on the year before, from its level and growth rate when the report states no earlier level
    and no change of its own ('社零比上年多了多少亿元' over '社零47.3亿元,同比增长7.6%'): computed, said so.
    `derive`: the question asks it roughly, though it names no year before."""
    rows = [x for x in measure if x.street == place and x.part != "plan" and not x.period.endswith("-plan")]
    years = sorted(set(r.years))
    if len(years) == 2 and years[1] - years[0] != 1 or len(years) > 2 or (
            len(years) < 2 and not PREVIOUS_YEAR.search(question) and not _ON_YEAR_AGO.search(question)
            and not DERIVE.search(question) and not derive
            and not _NET_ADDED.search(question)):
        return None  # two years apart, or no year before named: not the change on the year before
    # a full year's level, or the part of the year asked ('H1 2024 … fewer than the same period a year earlier')
    levels = [x for x in rows if x.kind in _LEVEL and x.normalized_unit != "percent" and (
        is_full_year(x.period) and (not years or x.period == str(years[-1]))
        or r.period and not is_full_year(r.period) and period_matches(x.period, r.period)
        and not re.search(r"同比|增速|增幅|增长率|百分|\bgrowth rate\b", question))]  # ('同比增长多少': the rate stated)
    for a in sorted(levels, key=lambda x: x.period, reverse=True):
        before = str(int(a.period[:4]) - 1) + a.period[4:]
        if any(x.period == before and x.kind in _LEVEL for x in rows) or any(
                x.period == a.period and x.kind == "yoy_change" for x in rows):
            return None  # two levels, or a stated change: the trend and lookup routes answer it from the report
        growth = [x for x in rows if x.report_id == a.report_id and x.period == a.period and x.kind == "yoy_growth"
                  and x.unit == "%" and x.value > -100
                  and (x.label_zh == a.label_zh or x.key == a.key and not a.key.startswith(("label:", "other:")))]
        if len(growth) != 1:
            continue
        g = growth[0]
        lang = r.language
        change = a.value - a.value / (1 + g.value / 100)
        text = msg("derived_increase" if change >= 0 else "derived_decrease", lang, place=_place(place, lang),
                   period=_period(a.period, lang), label=_label([a], lang), figure=_computed(abs(change), a, lang),
                   level=_figure(a, lang), growth=_figure(g, lang, absolute=True))
        return _answer(question, r, text, [a, g], caveats=[msg("computed_note", lang)])
    return None


# a year's additions asked in English ('how many … were added'; in Chinese, _NEW_FLOW)
_FLOW_ASKED_EN = re.compile(r"\b(?:were|was|been|got|get) (?:newly )?added\b|\bhow many new\b|\bhow many more\b(?! than)", re.I)
_ROUGHLY = re.compile(r"大约|大概|约(?=多少|几|有)|\b(?:roughly|approximately|about|around)\b", re.I)


def _stock_for_flow(question: str, r: Route, measure: list[Indicator], places: list[str]) -> Indicator | None:
    """The stock a question asking the year's additions would be answered with ('how many four-above firms were
    added' over '“四上”企业增至518家'): the place's one level of the period asked, a total its sentence calls one and
    its label names no addition; None otherwise."""
    if r.intent != "lookup" or r.kind not in ("actual", "yoy_change"):
        return None
    asks = _FLOW_ASKED_EN.search(question) if r.language == "en" else _NEW_FLOW.search(question)
    if not asks or (r.language == "en" and _STOCK_EN.search(question)):
        return None
    levels = [x for x in measure if x.street == places[0] and x.kind in _LEVEL and not x.period.endswith("-plan")
              and (not r.period or period_matches(_base_period(x.period), r.period))]
    if not levels or any(re.search(r"新|增", x.label_zh) for x in levels):
        return None
    x = max(levels, key=lambda x: x.period)
    if x.normalized_unit != "count":
        return None  # (money or land run up in a year is the year's own: '1-5月累计完成投资' is no stock)
    if x.kind == "cumulative":
        return x  # ('累计认定家庭牧场118家': a running total of things counted is a stock too)
    quote = x.said
    at = quote.find(_number_text(x.value))
    return x if at > 0 and _STOCK_SAID.search(quote[max(0, at - 6) : at]) else None


def _number_text(value: float) -> str:
    """A figure as a report prints it (518.0 → '518', 12.50 → '12.5')."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


# 'what proportion of its X went into Y': Y's stated share of X (no 'was'/'is' link: 'what share of the task was
# completed' asks a completion rate, not a part)
# a place's Chinese after its pinyin ("Edong town's (莪垌镇)"): where, no part of the measure's words
_PLACE_GLOSS = re.compile(r"\s*[(（][\u4e00-\u9fff]{2,8}(?:镇|乡|街道|苏木|办事处)[)）]")
_SHARE_OF_EN = re.compile(r"\bwhat (?:share|proportion|percentage|per ?cent) of (?:its |the |their |[A-Z][\w'’-]*\s)*?"
                          r"(?P<whole>[\w\s-]+?) (?:went (?:in)?to|was spent on|was in|came from) (?P<part>[^?]+?)\s*"
                          r"(?:in \d{4}\s*)?\?", re.I)
_GAP_ASKED = re.compile(_STILL_TO_DO.pattern + r"|缺口|剩余|剩下|(?:没|未)完成的?(?:部分|量)?[？?]?$|差(?:了|距|额)?(?:约|大约)?(?:多少|几)|\b(?:remain(?:s|ed|ing)?|left to|still (?:needed|"
                        r"to go|short))\b|\bhow much more\b[^?]{0,80}?\b(?:need(?:ed|s)?|required|to (?:meet|hit|reach|fulfil+|"
                        r"complete))\b", re.I)
# what was done over the task, asked: '超出任务的那部分', '多完成了多少', 'by how much did it beat the target'
_EXCESS_ASKED = re.compile(r"超(?:出|过|额)(?:了)?(?:年度|全年)?(?:任务|目标|计划)的?(?:那)?部分|多完成了?(?:大约|约)?(?:多少|几)|"
                           r"比(?:年度|全年)?(?:任务|目标|计划)多[\u4e00-\u9fff]{0,4}?了?(?:大约|约)?(?:多少|几)|"
                           r"超(?:出|过)(?:了)?(?:年度|全年)?(?:任务|目标|计划)(?:大约|约)?(?:多少|几)|"
                           r"\bby how much did [^?]{0,60}?\b(?:beat|exceed|overshoot|surpass)|\b(?:excess|overshoot) over\b", re.I)
# the part a share leaves out, asked: '还有多少户没有签约', 'how many have not yet signed'
_REST_ASKED = re.compile(r"还[有差][^，,？?]{0,8}(?:没有?|未|尚未)|(?:没有?|未)[\u4e00-\u9fff]{1,3}的(?:大约|约|大概)?还?有?(?:多少|几)|其余|其他的?(?:多少|几)|剩下的|\b(?:have|has|had) not (?:yet )?|\b(?:hadn|hasn|haven)[’']t\b|"
                         r"\b(?:still|yet to)\b[^?]{0,20}\b(?:not|un\w+)\b|\bthe rest\b|\bremaining\b", re.I)
_RATIO_ZH = re.compile(  # '专精特新里小巨人占多少', '消化违建里，靠拆除消化的占几成': the whole named first
    r"^(?P<whole3>[^，,？?]+?)(?:里|里面|当中|之中|中(?=[，,]))[，,]?(?P<part3>[^，,？?]+?)(?:大约|大概|约)?占(?:了)?"
    r"(?:比(?:为|是|有)?)?(?:百分之几|百分之多少|多大比重|多大比例|比重|比例|几成|多少(?!\s*[万亿]?[户个家人元亩座所项名件条]))"
    r"|^(?P<part>.+?)(?:相当于|占)(?P<whole>[^，,？?]+?)的?(?:大约|大概|约)?(?:百分之几|百分之多少|比重|比例|几成|几个点|多少(?![万亿]?[户个家人元亩座所项名件条]))"
    r"|^(?P<part2>.+?)(?:大约|大概|约)?(?:是|为|相当于)(?P<whole2>[^，,？?]+?)的(?:几|多少)倍")
_RATIO_EN = re.compile(r"\bwhat (?:share|percentage|proportion|per ?cent) of (?:its |the )?(?P<whole>.+?) (?:was|were|is|came "
                       r"from|went (?:in)?to|was spent on) (?:its |the )?(?P<part>[^?]+?)\s*(?:\?|$)|(?P<part2>[\w' -]+?) as an? (?:share|percentage|"
                       r"proportion) of (?:its |the )?(?P<whole2>[^?]+?)\s*(?:\?|$)|"
                       # 'what share of XX's GDP did its fixed-asset investment equal'
                       r"\bwhat (?:share|percentage|proportion|per ?cent) of (?:[A-Z][\w'’ -]*?['’]s (?:\([^)]*\) )?|its |the )?"
                       r"(?P<whole3>.+?) did (?:its |the )?(?P<part3>.+?) (?:equal|make up|account for|represent|come to)\b|"
                       # 'its output came to roughly how many times its GDP'
                       r"(?P<part4>[^?]+?) (?:came to|comes to|was|is|equalled|equaled|amounted to) (?:roughly |about |"
                       r"approximately )?(?:how many times|what multiple of) (?:its |the )?(?P<whole4>[^?]+?)\s*(?:\?|$)|"
                       # 'Of all the places (学位) built, what share were for primary pupils (小学)?'
                       r"^\s*of (?:the |its |all )?(?:[\d,.]+ )?(?P<whole5>[^?]+?),? what (?:share|percentage|proportion|"
                       r"per ?cent) (?:was|were|came from|went to) (?P<part5>[^?]+?)\s*(?:\?|$)",
                       re.I)


def _ratio(question: str, r: Route, rows: list[Indicator], ctx: Context) -> Answer | None:
    """'税收收入相当于地区生产总值的百分之几', 'What share of its gross output was value added': two levels the
    report states for the place and period, divided and said so; None when the report states the share itself,
    or either figure is not found for certain."""
    lang, place = r.language, r.places[0]
    m = _RATIO_ZH.search(question) if lang == "zh" else _RATIO_EN.search(question)
    if m is None:
        return None
    names = ("", "2", "3") if lang == "zh" else ("", "2", "3", "4", "5")
    part_q = next(m.group("part" + n) for n in names if m.group("part" + n))
    whole_q = next(m.group("whole" + n) for n in names if m.group("whole" + n))
    times = bool(_TIMES_ASKED.search(question))
    own = [x for x in rows if x.street == place and x.part != "plan" and not x.period.endswith("-plan")
           and (not r.period or period_matches(x.period, r.period))]
    found = [_sure_levels(text, r, own, ctx, pronoun=True) for text in (part_q, whole_q)]
    if found[1] and not found[0] and lang == "en":  # 'Of the new school places, what share were primary (小学)
        # places': the part is of the whole's measure (小学新增学位)
        found[0] = [x for x in _sure_levels(f"{part_q} ({found[1][0].label_zh})", r, own, ctx, pronoun=True)
                    if x.label_zh != found[1][0].label_zh]
    if not all(found):
        return None
    pairs = [(a, b) for a in found[0] for b in found[1] if a is not b and a.period == b.period
             and a.normalized_unit == b.normalized_unit and b.normalized_value > 0]
    if len({(a.label_zh, b.label_zh, a.period) for a, b in pairs}) != 1:
        return None  # none, or two pairs fit as well: no guess
    part, whole = pairs[0]
    if any(x.kind == "share" and x.label_zh == part.label_zh and x.period == part.period
           and not _SHARE_OF_ANOTHER.search(x.evidence.quote) for x in own):
        return None  # the report's own share answers it (the usual route), unless it is of a wider whole
        # ('…总产值达88.6亿元，全区占比近四成' is of the district's, never of the place's own output asked)
    ratio = part.normalized_value / whole.normalized_value
    figure = (f"{ratio:.2f}倍" if lang == "zh" else f"{ratio:.2f} times ({ratio:.2f}倍)") if times else f"{ratio * 100:.1f}%"
    text = msg("derived_times" if times else "derived_ratio", lang, place=_place(place, lang), period=_period(part.period, lang),
               part=_label([part], lang), whole=_label([whole], lang), figure=figure,
               part_fig=_figure(part, lang), whole_fig=_figure(whole, lang))
    return _answer(question, r, text, [part, whole], caveats=[msg("computed_note", lang), *_notes([part, whole], lang)])


_SHARE_OF_ANOTHER = re.compile(r"(?:全|占全)(?:区|市|县|省|国|州|盟|旗)(?:的|总量的?|比重)?(?:占比|比重|份额)|占(?:全|本)?(?:区|市|县|省)(?:的|总量的?)?"
                               r"(?:比重|份额)?")
_RATIO_SURE = 0.7  # a match score each figure of a computed ratio must reach


def _sure_levels(text: str, r: Route, own: list[Indicator], ctx: Context, *, pronoun: bool) -> list[Indicator]:
    """The level rows one term of a computation ('社零', 'its GDP') matches for certain, the best-scored of them;
    [] when none. `pronoun`: the term may open with one ('其GDP', '全镇…')."""
    lang = r.language
    if lang == "zh":  # '某街道2023年的社零相当于其GDP的百分之几'
        text = _without_place(text, r.places[0])
    phrase = indicator_phrase(text, [], lang, r.places)
    if lang == "zh":
        phrase = re.sub(r"^.*?(?:报告年度|年度|20\d\d年)", "", phrase) or phrase
        if pronoun:
            phrase = re.sub(r"^[其本该全]", "", phrase)
    keys = [t.key for t in terms_for_question(text)] if lang == "zh" else []
    best = [s for s in match_rows(phrase, own, keys=keys, lang=lang, embed=ctx.embed) if s.score >= _RATIO_SURE]
    levels = [s for s in best if s.row.kind in _LEVEL]
    return [s.row for s in levels if s.score == levels[0].score] if levels else []

# A whole less a part it names: 'Leaving out industrial investment (工业投资), how much of its FAI was other
# investment', '玉塘GDP里规上增加值以外的部分有多少亿'
_LEFT_OUT_EN = re.compile(r"\b(?:leaving out|excluding|not counting|apart from|aside from|other than|net of|minus|"
                          r"(?:once|after|when|if) (?:you )?(?:take|taking|strip|stripping|subtract|subtracting|remove|"
                          r"removing|deduct|deducting) (?:out|away|off)?|"
                          r"(?:was|were|is|are) not)\s+"
                          r"(?:the |its |their )?(?P<part>[^,?;]+?)(?=\s*(?:,|\?|;|$))", re.I)
_REST_ZH = re.compile(r"(?P<whole>[^，,？?]{2,16}?)(?:里|中|当中)[，,]?的?(?P<part>[^，,？?]{2,14}?)(?:以外|之外)的?"
                      r"(?:部分|其他|其余)?")


# '那30家企业，扣掉其中的外资企业，还剩几家': the whole, the part taken off, what is left
_TAKEN_OFF_ZH = re.compile(r"(?P<whole>[^，,？?]{2,24}?)[，,]?\s*(?:扣掉|扣除|减去|去掉|刨去|除去)(?:其中|里面|当中)?的?"
                           r"(?P<part>[^，,？?]{2,14}?)(?:(?:以后|之后|后)[，,]?\s*(?:其余|余下|还剩|剩下|剩余)|[，,]?\s*(?:还剩|剩下|剩余|还有|"
                           r"剩(?=多少|几)))|"
                           # '拿两所学校的合计减去东校区那个来算': the subtraction spelled out
                           r"(?:用|拿|以)(?P<whole2>[^，,？?]{2,24}?)(?:减去|减掉|扣掉|扣除)(?:其中)?的?(?P<part2>[^，,？?]{2,14}?)(?:来|去)?(?:算|计算|得出|推算)")


def _remainder_asked(question: str, r: Route) -> bool:
    """The question asks a whole less a part it names ('扣掉…后，其余', 'other than demolition')."""
    return bool((_REST_ZH.search(question) or _TAKEN_OFF_ZH.search(question)) if r.language == "zh"
                else _LEFT_OUT_EN.search(question))


def _remainder(question: str, r: Route, rows: list[Indicator], ctx: Context) -> Answer | None:
    """The whole less the part a question leaves out, when the report states both for the place and period:
    computed and said so; a decline when either is not found for certain (the part's own figure, or the whole's,
    is never the answer)."""
    lang, place = r.language, r.places[0]
    m = (_REST_ZH.search(question) or _TAKEN_OFF_ZH.search(question)) if lang == "zh" else _LEFT_OUT_EN.search(question)
    if m is None:
        return None
    spelt = lang == "zh" and bool(m.groupdict().get("whole2"))
    part_q = m.group("part2") if spelt else m.group("part")
    whole_q = re.sub(r"(?:当中|之中|里面|中|里)$", "", m.group("whole2" if spelt else "whole")) if lang == "zh" \
        else question[: m.start()] + " " + question[m.end() :]  # ('固投当中，扣掉…': the whole, not its 当中)
    own = [x for x in rows if x.street == place and x.part != "plan" and not x.period.endswith("-plan")
           and x.kind in _LEVEL and (not r.period or period_matches(x.period, r.period))]
    found = [_sure_levels(text, r, own, ctx, pronoun=False) for text in (part_q, whole_q)]
    pairs = [(a, b) for a in found[0] for b in found[1] if a.label_zh != b.label_zh and a.period == b.period
             and a.normalized_unit == b.normalized_unit and 0 < a.normalized_value < b.normalized_value]
    if len({(a.label_zh, b.label_zh, a.period) for a, b in pairs}) != 1:
        terms = join_list([x.strip() for x in (part_q, whole_q)], lang) if lang == "zh" else part_q.strip()
        return _answer(question, r, msg("not_found", lang, where=_place(place, lang), terms=terms), [],
                       route="abstain")
    part, whole = pairs[0]
    figure = _computed(whole.value - part.normalized_value / whole.normalized_value * whole.value, whole, lang)
    text = msg("derived_remainder", lang, place=_place(place, lang), period=_period(whole.period, lang),
               part=_label([part], lang), whole=_label([whole], lang), figure=figure,
               part_fig=_figure(part, lang), whole_fig=_figure(whole, lang))
    return _answer(question, r, text, [whole, part], caveats=[msg("computed_note", lang), *_notes([whole, part], lang)])

# a division the question spells out: '按“罚款总额÷立案结案宗数”计算', 'fines ÷ cases', 'output divided by firms'
_FORMULA = re.compile(r"[“\"']?([^“”\"'÷/，,。？?（）()]{2,24}?)\s*(?:÷|除以|\bdivided by\b)\s*"
                      r"([^“”\"'÷/，,。？?（）()]{2,24}?)\s*(?=[”\"']|计算|算|[，,。？?）)]|$)|"
                      r"[“\"]([^“”\"÷/，,。？?]{2,24}?)\s*/\s*([^“”\"÷/，,。？?]{2,24}?)[”\"]", re.I)  # ('“A/B”', quoted)


def _formula_asked(question: str, r: Route) -> re.Match[str] | None:
    """The division a question spells out, unless it asks a rate (the ratio route reads a rate with its full names:
    '增加值率（增加值÷总产值）')."""
    m = _FORMULA.search(question)
    if m is None or r.unit_hint == "percent" or re.search(r"率[（(]|比例|比重|占比|百分|\b(?:rate|share|ratio)\b", question):
        return None
    return m


def _formula_term(term: str) -> str:
    """One side of a spelled-out division, less a figure quoted and a counting tail ('3028万元经费' → 经费,
    '立案结案宗数' → 立案结案)."""
    return re.sub(r"^[\d.]+[万亿]?元?|(?<=..)(?:总额|总数|数量|数|宗数|个数|件数)$", "", term.strip())


def _formula(question: str, r: Route, rows: list[Indicator], ctx: Context) -> Answer | None:
    """The one place's figure A divided by its figure B, when the question spells the division out and the
    report states both for the period: computed and said so; a decline when either is not found for certain."""
    m = _formula_asked(question, r)
    if m is None:
        return None
    lang, place = r.language, r.places[0]
    own = [x for x in rows if x.street == place and x.kind in _LEVEL
           and (not r.period or period_matches(x.period, r.period))]
    terms = [_formula_term(t) for t in m.groups() if t]
    found = [_sure_levels(t, r, own, ctx, pronoun=False) for t in terms]
    pairs = [(a, b) for a in found[0] for b in found[1] if a is not b and a.period == b.period and b.value > 0]
    where = _place(place, lang)
    if len({(a.label_zh, b.label_zh, a.period, a.value, b.value) for a, b in pairs}) != 1:
        return _answer(question, r, msg("not_found", lang, where=where, terms=join_list(terms, lang)), [],
                       route="abstain")
    total, count = pairs[0]
    if total.normalized_unit == count.normalized_unit:
        # 'Jan–May 工业投资 divided by 固投, as a %': money over money is a ratio, never money per item
        ratio = total.normalized_value / count.normalized_value
        as_times = ratio >= 1 and not re.search(r"%|百分|几个点|\bper ?cent", question, re.I)
        figure = (f"{ratio:.2f}倍" if lang == "zh" else f"{ratio:.2f} times ({ratio:.2f}倍)") if as_times \
            else f"{ratio * 100:.2f}%"
        text = msg("derived_times" if as_times else "derived_ratio", lang, place=where,
                   period=_period(total.period, lang), part=_label([total], lang), whole=_label([count], lang),
                   figure=figure, part_fig=_figure(total, lang), whole_fig=_figure(count, lang))
    else:
        text = msg("derived_per_item", lang, place=where, period=_period(total.period, lang), item=_label([count], lang),
                   label=_label([total], lang), figure=_computed(total.value / count.value, total, lang),
                   total_fig=_figure(total, lang), count_fig=_figure(count, lang))
    return _answer(question, r, text, [total, count], caveats=[msg("computed_note", lang), *_notes([total, count], lang)])


def _formula_compared(question: str, r: Route, rows: list[Indicator], ctx: Context) -> Answer | None:
    """Two places, each one's figure A divided by its figure B as the question spells out, and the gap: computed
    and said so; a decline when either place lacks either figure for certain (never the totals ranked)."""
    m = _formula_asked(question, r)
    if m is None:
        return None
    lang = r.language
    terms = [_formula_term(t) for t in m.groups() if t]
    # each place's own words for the two ('民生微实事（…经费对应的项目数）与…民生大盆菜（总投入对应的立项数）')
    parts = dict(_part_questions(question, r.places))
    each: list[tuple[str, Indicator, Indicator]] = []
    for place in r.places:
        own = [x for x in rows if x.street == place and x.kind in _LEVEL]
        sub = r.model_copy(update={"places": [place], "period": None, "years": []})
        seg = re.sub(r"^.*?(?:报告年度|年度|20\d\d年)", "", _without_place(parts.get(place, ""), place))
        named = re.search(r"^([^（(，,]*)[（(]([^（）()]{1,16}?)对应的([^（）()]{1,16}?)[)）]", seg)
        topic = named.group(1) if named else re.split(r"[，,（(]", seg)[0]
        # ('…（3028万元经费对应的项目数）': this place's own words for the two, less the figure quoted)
        own_terms = [_formula_term(t) for t in named.groups()[1:]] if named else terms
        found = [_sure_levels(topic + t, sub, own, ctx, pronoun=False) or _sure_levels(t, sub, own, ctx, pronoun=False)
                 for t in own_terms]
        pairs = {(a.label_zh, b.label_zh, a.period): (a, b) for a in found[0] for b in found[1]
                 if a is not b and a.period == b.period and b.value > 0}
        if len(pairs) != 1:
            where = _place(place, lang)
            return _answer(question, r, msg("not_found", lang, where=where, terms=join_list(terms, lang)), [],
                           route="abstain")
        a, b = next(iter(pairs.values()))
        each.append((place, a, b))
    per = {p: a.normalized_value / b.value for p, a, b in each}
    each.sort(key=lambda e: per[e[0]], reverse=True)
    (p1, a1, _), (p2, _, _) = each
    cited = [x for _, a, b in each for x in (a, b)]
    shown = "; " if lang == "en" else ";"
    listing = shown.join(msg("formula_each", lang, place=_place(p, lang), figure=_computed(a.value / b.value, a, lang),
                             total_fig=_figure(a, lang), count_fig=_figure(b, lang), n=2 * k + 1, m=2 * k + 2)
                         for k, (p, a, b) in enumerate(each))
    delta = (per[p1] - per[p2]) / (a1.normalized_value / a1.value if a1.value else 1.0)
    text = msg("formula_compared", lang, first=_place(p1, lang), second=_place(p2, lang),
               delta=_computed(delta, a1, lang), formula=f"{m.group(1) or m.group(3)}÷{m.group(2) or m.group(4)}",
               each=listing)
    return _answer(question, r, text, cited, caveats=[msg("computed_note", lang), *_notes(cited, lang)])


# 'average per item' asked: '平均每个项目的落地产值', '规上工业企业平均每家的产值', 'output per above-scale firm'
_PER_ITEM_ZH = re.compile(r"(?:(?:平均)?每(?:一)?|平均一)(?:个|家|所|座|位|名|项|条|宗|栋|处|场|期)([\u4e00-\u9fff]{0,6}?)(?:平均)?"
                          r"(?=的|约|大约|有|是|为|能|可|多少|几|贡献|实现|创造|产值|收入|投资|税收|[，,？?])")
_PER_ITEM_EN = re.compile(r"\b(?:per|for each|each)\s+(?:of (?:the |its |their |[A-Za-z]+['’]s )?)?((?:[a-z-]+\s+){0,3}?"
                          r"(?:projects?|firms?|enterprises?|compan(?:y|ies)|business(?:es)?|schools?|parks?|"
                          r"communit(?:y|ies)|events?|activit(?:y|ies)|sessions?))\b", re.I)
_ITEM_NOUN = re.compile(r"项目|企业|公司|学校|园区|社区|楼宇|合作社|基地|活动|培训")
_EN_ITEM = {"project": "项目", "firm": "企业", "enterprise": "企业", "compan": "企业", "business": "企业",
            "school": "学校", "park": "园区", "communit": "社区", "event": "活动", "activit": "活动",
            "session": "培训"}
_EN_ASKING = {"what", "was", "is", "were", "are", "the", "average", "how", "much", "many", "did", "does", "do", "of",
              "a", "an", "on", "in", "s", "its", "their"}
_ONE_SENTENCE = 120  # characters between two figures of one sentence, at most
_MEASURE_NOUN = {"家": "企业", "所": "学校", "项": "项目", "栋": "楼宇", "场": "活动", "期": "培训"}


def _per_item(question: str, r: Route, rows: list[Indicator], ctx: Context) -> Answer | None:
    """'某镇招引项目平均每个项目的落地产值': a per-item figure the report states answers it (the usual route);
    else the place's total for the period divided by its count of those items, said so; else a decline, never
    the total."""
    lang, place = r.language, r.places[0]
    m = _PER_ITEM_ZH.search(question) if lang == "zh" else _PER_ITEM_EN.search(question)
    if m is None or PER_MONTH.search(question):  # '平均每个月约多少': a month is no item (the lookup's monthly mean)
        return None
    if lang == "zh":
        noun = m.group(1) or (_ITEM_NOUN.findall(question[: m.start()]) or [""])[-1] \
            or _MEASURE_NOUN.get(question[m.start() :].lstrip("平均每一")[:1], "")
        item_phrase = indicator_phrase(question[: m.start()], [], lang, r.places) if noun in question[: m.start()] \
            else noun
        item_phrase = re.sub(r"^.*?(?:报告年度|年度|20\d\d年)", "", item_phrase) or noun
        item_phrase = _without_places(item_phrase, r, blank="")
        item_phrase = re.sub(r"^(?:开展|举办|组织|举行)", "", item_phrase) or noun
        rest = re.sub(r"^.*?(?:报告年度|年度|20\d\d年)", "", indicator_phrase(question[m.end() :], [], lang, r.places))
        rest = re.sub(r"(?:多少)?(?:亿元|万元|元)$", "", rest)  # '…的落地产值大约是多少亿元': the unit asked
        asked = (item_phrase + rest if len(rest) <= 3 else rest) if rest else r.phrase  # '…活动，平均每场多少人次参加'
    else:
        words = m.group(1).lower()
        noun = next((zh for en, zh in _EN_ITEM.items() if en in words), "")
        item_phrase = m.group(1)
        # 'average output value per project attracted': what is averaged comes before the item, what qualifies the
        # item after it
        head = [w for w in re.findall(r"[A-Za-z-]+", question[: m.start()]) if w.lower() not in _EN_ASKING]
        asked = " ".join(head) or r.phrase  # ('output value' kept whole: the phrase drops 'value')
    if not noun:
        return None
    own = [x for x in rows if x.street == place and x.kind in _LEVEL
           and (not r.period or period_matches(x.period, r.period))]
    per_row = [x for x in own if re.search(r"均|每", x.label_zh)]
    if any(s.score >= _RATIO_SURE for s in match_rows(asked, per_row, lang=lang, embed=ctx.embed)):
        return None  # the report states the average itself
    counts = [x for x in own if x.normalized_unit == "count" and noun in x.label_zh
              and not re.match(r"万?人", x.unit)]  # the things averaged over, not the people who came to them
    totals = [s for s in match_rows(asked, [x for x in own if not re.search(r"均|每", x.label_zh)
                                            and not any(x is c for c in counts)], lang=lang, embed=ctx.embed)
              if s.score >= _RATIO_SURE]
    pairs: list[tuple[Indicator, Indicator]] = []
    if totals and counts:
        top = [s.row for s in totals if s.score == totals[0].score]
        scored_counts = [s for s in match_rows(item_phrase, counts, lang=lang, embed=ctx.embed) if s.score >= 0.5]
        best = [s.row for s in scored_counts if s.score == scored_counts[0].score] if scored_counts else []
        # a count of people over a count of events ('1920人次…48场') is an average too; the events over themselves not
        # (people counted beside the events they came to, in one sentence; in the measure word asked)
        pairs = [(a, b) for a in top for b in best if a.period == b.period and b.value > 0 and a is not b
                 and (a.normalized_unit != "count" or a.unit != b.unit and a.report_id == b.report_id
                      and abs(a.evidence.start - b.evidence.start) < _ONE_SENTENCE)
                 and (a.normalized_unit != "count" or not r.measure_word or measure_fits(r.measure_word, a.unit))]
    where = _place(place, lang)
    if len({(a.label_zh, b.label_zh, a.period, a.value, b.value) for a, b in pairs}) != 1:
        return _answer(question, r, msg("not_found", lang, where=where, terms=(m.group(0) + asked) if lang == "zh"
                                        else f"{asked} {m.group(0)}"), [], route="abstain")
    total, count = pairs[0]
    figure = _computed(total.value / count.value, total, lang)
    text = msg("derived_per_item", lang, place=where, period=_period(total.period, lang), item=_label([count], lang),
               label=_label([total], lang), figure=figure, total_fig=_figure(total, lang),
               count_fig=_figure(count, lang))
    return _answer(question, r, text, [total, count],
                   caveats=[msg("computed_note", lang), *_notes([total, count], lang)])


_TO_TARGET = re.compile(r"(?:全年|年度)?(?:目标|任务)|\b(?:target|task|goal|quota)\b", re.I)
_SECOND_HALF_TO_DO = re.compile(r"下半年[^？?。]{0,16}?(?:还要|还得|还需要?)|(?:还要|还得)[^？?。]{0,8}?下半年")


def _goals_above(own: list[Indicator], year: str, done: Indicator) -> list[Indicator]:
    """The year's targets (set in its report or the plan before it) of `done`'s unit that it has not yet reached."""
    return [x for x in own if x.kind == "target" and x.period in (year, f"{year}-plan")
            and x.normalized_unit == done.normalized_unit and x.normalized_value > done.normalized_value]


def _to_target(question: str, r: Route, measure: list[Indicator], place: str) -> Answer | None:
    """'1-5月完成后，要完成全年目标还需完成多少', 'how much did it still have to collect to meet its full-year
    target': the year's target less the part-year result the report states with it, computed and said so."""
    second_half = _SECOND_HALF_TO_DO.search(question) and re.search(r"计划|目标|任务", question)
    if not ((REST_ASKED.search(question) or _STILL_TO_DO.search(question)) and _TO_TARGET.search(question)
            or second_half) or r.kind == "yoy_growth":
        return None
    if second_half:  # '照年计划算，下半年还要完成多少': the year's target less the first half's result
        r = r.model_copy(update={"period": None})
    head = measure[0]  # the measure asked, not a family member beside it ('城市更新…完成固定资产投资')
    own = [x for x in measure if x.street == place and (x.label_zh == head.label_zh or x.key == head.key
                                                         and not head.key.startswith("label:"))]
    share = r.unit_hint == "percent" or r.kind in ("share", "completion_rate")
    rates = [x for x in own if x.kind == "completion_rate" and x.part != "plan" and not is_full_year(x.period)
             and 0 < x.value < 100 and x.unit == "%" and (not r.years or x.period[:4] == str(max(r.years)))]
    done = [x for x in own if x.kind in _LEVEL and x.part != "plan" and not is_full_year(x.period)
            and (not r.years or x.period[:4] == str(max(r.years)))
            and (not r.period or is_full_year(r.period) or period_matches(x.period, r.period))]
    expected = [x for x in own if x.kind == "estimate" and x.part != "plan" and is_full_year(x.period)
                and (not r.years or x.period[:4] == str(max(r.years)))] if r.kind == "estimate" else []
    for e in expected[:1] if len({x.normalized_value for x in expected}) == 1 else []:
        # '按12月的预计数，全年…距离年初目标还差多少': the target less the year's estimate, not a part-year result
        goals = _goals_above(own, e.period, e)
        if len({x.normalized_value for x in goals}) == 1:
            t, lang = goals[0], r.language
            figure = _computed(_in_unit_of(t.normalized_value - e.normalized_value, t), t, lang)
            text = msg("to_target_estimate", lang, place=_place(place, lang), year=e.period, label=_label([t], lang),
                       target=_figure(t, lang), done=_figure(e, lang), figure=figure)
            return _answer(question, r, text, [t, e], caveats=[msg("computed_note", lang), *_notes([t, e], lang)])
    for d in sorted(done, key=lambda x: period_key(x.period), reverse=True):
        year = d.period[:4]
        goals = _goals_above(own, year, d)
        lang = r.language
        rate = [x for x in rates if x.period == d.period]
        if share or (not goals and len({x.value for x in rate}) == 1):
            if len({x.value for x in rate}) != 1:
                continue
            left = 100 - rate[0].value  # 'what share was still left', or the amount the rate implies
            figure = _computed(left, rate[0], lang) if share else _computed(d.value * left / rate[0].value, d, lang)
            text = msg("to_target_rate", lang, place=_place(place, lang), label=_label([d], lang), figure=figure,
                       period=_period(d.period, lang), done=_figure(d, lang), rate=_figure(rate[0], lang))
            return _answer(question, r, text, [d, rate[0]],
                           caveats=[msg("computed_note", lang), *_notes([d, rate[0]], lang)])
        if len({x.normalized_value for x in goals}) != 1:
            continue
        t = goals[0]
        figure = _computed(_in_unit_of(t.normalized_value - d.normalized_value, t), t, lang)
        text = msg("to_target", lang, place=_place(place, lang), year=year, label=_label([t], lang),
                   target=_figure(t, lang), done=_figure(d, lang), period=_period(d.period, lang), figure=figure)
        return _answer(question, r, text, [t, d], caveats=[msg("computed_note", lang), *_notes([t, d], lang)])
    return None


def _actual_vs_target(question: str, r: Route, measure: list[Indicator], place: str) -> Answer | None:
    """'2024年实际加装电梯比年初打算多了几部': the year's result against the target set for it (this report's, or
    the plan in last year's report), the difference computed and said so."""
    lang = r.language
    rates = bool(_GROWTH_ASKED.search(question) or _POINTS_ASKED.search(question))
    pair = _result_with_target([x for x in measure if x.street == place], [max(r.years)] if r.years else [],
                               plan_first=True, growth=rates)
    if pair is None:
        return None
    a, t = pair
    diff = a.normalized_value - t.normalized_value
    delta = abs(round(_in_unit_of(diff, a), 4))
    if rates:  # '增速比年初定的增长目标低了多少个百分点': two rates differ by points
        done = _verb(a, lang) + _figure(a, lang)
        shown = format_zh(delta, "个百分点") if lang == "zh" else f"{delta:g} percentage points"
    else:
        done = _fig_value(a, lang) if _estimated(a) else ("实际" if lang == "zh" else "") + _figure(a, lang)
        shown = format_zh(delta, a.unit) if lang == "zh" else f"{format_en(delta, a.unit)} ({format_zh(delta, a.unit)})"
    text = msg("vs_target", lang, place=_place(place, lang), period=_period(a.period, lang),
               label=_label([a], lang), target=_figure(t, lang), done=done,
               direction=msg("over_target" if diff >= 0 else "under_target", lang), delta=shown)
    return _answer(question, r, text, [a, t], caveats=[msg("computed_note", lang), *_notes([a, t], lang)])


# one side of a comparison is a plan ('明年计划新增的…，比今年实际新增的…多多少'), the other a result
_PLAN_WORDS = re.compile(r"计划|目标|力争|明年|\b(?:plans?|planned|targets?|aims?|goals?)\b", re.I)  # a plan named
_PLAN_SIDE = re.compile(_PLAN_WORDS.pattern + r"|任务|打算|预期|下一年", re.I)  # (and a task, an intention)
_SIDES = re.compile(r"[，,]?\s*(?:和|与|跟|(?<![相共协])同(?![比期步时])|(?<![同环占对相])比(?![重例率])起?|(?<![比相])较|对比|\bvs\.?|\bversus\b|\bcompared (?:with|to)\b|\bagainst\b|"
                    r"\bthan\b|(?<=[，,])\s*是(?=[^，,？?]{0,16}?几倍))\s*", re.I)
_WHICH_MORE = re.compile(r"哪个(?:更)?[多大高少小低]|\bwhich (?:is |was )?(?:higher|larger|bigger|more|lower|smaller)\b", re.I)


def _plan_against_result(question: str, r: Route, rows: list[Indicator], ctx: Context) -> Answer | None:
    """One place's plan for a year set against its result of an earlier year, each side of the question naming its
    own ('某镇2025年计划新建的绿道，和2024年建成的绿道相比，差多少公里'): each side's figure found by its
    own words among the plans and the results, the gap (or the % asked, or points between two rates) computed."""
    if len(r.places) != 1 or not (_DIFF_ASKED.search(question) or _MORE_ASKED.search(question)
                                  or _WHICH_MORE.search(question) or _TIMES_ASKED.search(question)
                                  or re.search(_GAP_WORDS, question)) or _SUMMED.search(question):
        return None  # ('A和B合计，比…多多少': a side that sums items is no one figure)
    sides, plan_left = None, False
    for m in _SIDES.finditer(question):
        left, right = question[: m.start()], question[m.end() :]
        plan_left, plan_right = bool(_PLAN_SIDE.search(left)), bool(_PLAN_SIDE.search(right))
        if plan_left != plan_right:
            sides = (left, right) if plan_left else (right, left)
            break
    if sides is None:
        return None
    place = r.places[0]
    lang = r.language
    own = [x for x in rows if x.street == place]
    years = [[int(y) for y in re.findall(r"(20\d\d)", side)] for side in sides]
    if not years[0] and _NEXT_YEAR.search(sides[0]):  # '明年计划建成的…，是上年实际建成的几倍': the report's next year
        years[0] = [max((int(x.period[:4]) for x in own if x.kind == "target" and x.period[:4].isdigit()), default=0)]
    if not years[1] and years[0] and years[0][0] and _THIS_YEAR.search(sides[1]):
        years[1] = [years[0][0] - 1]
    if not years[0] or not years[1] or years[0][0] <= years[1][0]:
        return None  # a plan for a later year against an earlier year's result; the same year's is _actual_vs_target

    def phrase_of(side: str, left: bool) -> str:
        if not left:  # '…相比，哪个多？差多少公里？': what is asked of the two is no name
            side = _ASK_TAIL.split(side)[0]
        for name in (place, short_name(place)):
            side = side.replace(name, " ")
        # before the split, the clause next to it names its side ('…的标准厂房面积，去年实际': the clause before)
        clauses = re.split(r"[，,；;：:]", side) if left else [side]
        return next((p for c in reversed(clauses)
                     if len(p := _SIDE_WORDS.sub("", indicator_phrase(c, [], lang, r.places)).strip()) >= 2), "")

    phrases = [phrase_of(sides[0], plan_left), phrase_of(sides[1], not plan_left)]
    plan_year, done_year = years[0][0], years[1][0]
    plans = [x for x in own if x.kind == "target" and x.period[:4] == str(plan_year)]
    plan = _side_pick(phrases, 0, sides[0], plans, lang, ctx)
    if plan is None:
        return None
    rate = plan.normalized_unit == "percent"  # a rate aimed at ('同比下降8%') against the rate done
    dones = [x for x in own if x.kind in (("yoy_growth",) if rate else _LEVEL) and x.part != "plan"
             and not x.period.endswith("-plan") and x.period[:4] == str(done_year)
             and x.normalized_unit == plan.normalized_unit]
    done = _side_pick(phrases, 1, sides[1], dones, lang, ctx)
    if done is None:
        return None
    diff = plan.normalized_value - done.normalized_value
    common = {"place": _place(place, lang), "plan_period": _period(plan.period.removesuffix("-plan"), lang),
              "plan_label": _label([plan], lang),
              "done_period": _period(done.period, lang),
              "direction": msg("over_target" if diff >= 0 else "under_target", lang)}
    if rate:  # two rates: the points between them ('同比下降8%' aimed at, '同比下降35%' done)
        key, extra = "plan_vs_result_points", {"gap": format_zh(abs(round(diff, 2)), "个百分点")}
    else:
        delta = abs(round(_in_unit_of(diff, done), 4))
        extra = {"delta": format_zh(delta, done.unit) if lang == "zh"
                 else f"{format_en(delta, done.unit)} ({format_zh(delta, done.unit)})",
                 "pct": f"{abs(diff) / done.normalized_value * 100:.1f}%" if done.normalized_value else "n/a",
                 "times": f"{plan.normalized_value / done.normalized_value:.2f}" if done.normalized_value else "n/a"}
        key = "plan_vs_result_times" if _TIMES_ASKED.search(question) else "plan_vs_result_pct" \
            if _PERCENT_ASKED.search(question) and not _POINTS_ASKED.search(question) else "plan_vs_result"
    text = msg(key, lang, **common, **extra) + msg("plan_vs_result_tail", lang, plan=_fig_with_kind(plan, lang),
                                                 done_label=_label([done], lang), done=_fig_with_kind(done, lang))
    return _answer(question, r, text, [plan, done], caveats=[msg("computed_note", lang), *_notes([plan, done], lang)])


def _side_pick(phrases: list[str], n: int, side: str, pool: list[Indicator], lang: str,
               ctx: Context) -> Indicator | None:
    """The figure one side of a plan-against-result question names: its own words first, else the other side's
    (a side that only points back: '比上一年在该片区实际完成的'); of two figures under one label, the one whose
    sentence states the counts the side names ('两个停车场新增的车位'). None unless one figure leads."""
    counts = re.sub(r"两(?=[个所座家项条处栋])", "2", side)
    for words in (phrases[n], phrases[1 - n]):
        keys = [t.key for t in terms_for_question(words)] if lang == "zh" else []
        scored = match_rows(words, pool, keys=keys, lang=lang, embed=ctx.embed) \
            if len(words) >= 2 and pool and not _VERB_ONLY_SIDE.fullmatch(words) else []
        if not scored or scored[0].score < THRESHOLD:
            continue
        top = [x.row for x in scored if x.score >= scored[0].score - 0.005]
        if len({x.label_zh for x in top}) > 1 or len(scored) > len(top) and scored[len(top)].score > \
                scored[0].score - _SIDE_LEAD and scored[len(top)].row.label_zh != top[0].label_zh:
            continue  # two measures match these words alike: the other side's words may tell
        top.sort(key=lambda x: (-_counts_named(counts, x), -_said_around(words, x)))
        if len(top) > 1 and (_counts_named(counts, top[0]), _said_around(words, top[0])) == (
                _counts_named(counts, top[1]), _said_around(words, top[1])) and top[0].value != top[1].value:
            continue  # two figures under one label, nothing in these words to tell them apart
        return top[0]
    return None


_NEXT_YEAR = re.compile(r"明年|下一年|来年|\bnext year\b", re.I)
_THIS_YEAR = re.compile(r"今年|当年|本年|\bthis year\b", re.I)
# words that say which side a part of the question is (the phrase keeps them), no name of the measure
_SIDE_WORDS = re.compile(r"实际|计划|目标|任务|已经|已|年度|全年|\b(?:actual|plan(?:ned)?|target|result)\b", re.I)
_SIDE_LEAD = 0.05  # a side's best figure leads the next by this much: a computed gap is only as good as both
_VERB_ONLY_SIDE = re.compile(r"(?:新增|新建|建成|完成|实现|累计|增加|新)+")  # '是上年实际新增的几倍': no name
_SUMMED = re.compile(r"合计|加起来|加总|一共|总共|共计|总和|之和|\bin total\b|\bcombined\b|\btogether\b|\bsum\b", re.I)
_GAP_WORDS = r"(?:多|少|高|低|大|小)了?(?:多少|几|百分之)|差(?:了)?(?:多少|几)|相差|是[^，,？?]{0,8}的?几倍"
_ASK_TAIL = re.compile(r"[，,？?]|相比|相较|" + _GAP_WORDS + r"|\b(?:which|how|by)\b", re.I)


def _rate_of_target(question: str, r: Route, rows: list[Indicator], place: str, label: str) -> Answer | None:
    """A completion rate the report does not state, from the year's result and the year's target of the same
    measure ('完成3.86亿元' and '任务4.1亿元'; or this year's result and last year's plan for it), said so."""
    if r.kind != "completion_rate":
        return None
    lang = r.language
    pair = _result_with_target(rows, r.years, plan_first=False)
    if pair is None:
        return None
    a, t = pair
    rate = format_zh(round(a.normalized_value / t.normalized_value * 100, 1), "%")
    text = msg("derived_rate", lang, place=_place(place, lang), period=_period(a.period, lang), label=label,
               figure=rate, done=_fig_with_kind(a, lang) if _estimated(a) else _figure(a, lang), target=_figure(t, lang))
    return _answer(question, r, text, [a, t], caveats=[msg("computed_note", lang), *_notes([a], lang)])


def _result_with_target(rows: list[Indicator], years: Sequence[int], *, plan_first: bool,
                        growth: bool = False) -> tuple[Indicator, Indicator] | None:
    """The latest full-year result (of the years given, if any) and a target of the same measure set for that year:
    a plan in another report first (`plan_first`: the plan the result is held against), else the report's own.
    With `growth`, the result is the year's growth rate and the target a rate ('增长5%')."""
    kinds = ("yoy_growth",) if growth else _LEVEL
    done = [x for x in rows if x.kind in kinds and x.part != "plan" and is_full_year(x.period)
            and (not years or int(x.period[:4]) in years)]
    for a in sorted(done, key=lambda x: period_key(x.period), reverse=True):
        goals = [x for x in rows if x.kind == "target" and x.normalized_value > 0
                 and x.period in (a.period, f"{a.period}-plan") and x.normalized_unit == a.normalized_unit]
        if goals:
            return a, min(goals, key=partial(_target_order, a, plan_first))
    return None


def _target_order(result: Indicator, plan_first: bool, target: Indicator) -> tuple[bool, bool]:
    """Sort key of the targets of one result: the plan set for its year in another report first, or the report's own."""
    if plan_first:
        return target.period != f"{result.period}-plan", target.report_id == result.report_id
    return target.report_id != result.report_id, target.period != result.period


def _computed(value: float, like: Indicator, lang: str) -> str:
    """A computed figure in the unit of the row it comes from; a count is whole (约62户, not 62.32户)."""
    scaled = bool(like.value) and abs(like.normalized_value / like.value) > 1  # ('1.38万只': whole in 只, not in 万只)
    value = round(value) if like.normalized_unit == "count" and not scaled else round(value, 2) if abs(value) >= 10 \
        else float(f"{value:.4g}")  # 0.1647, not 0.16: the figure is small, its digits are not
    return _en_with_zh(value, like.unit) if lang == "en" else format_zh(value, like.unit)


def _en_with_zh(value: float, unit: str) -> str:
    """A computed figure in English as every English figure is shown: the report's own form beside it."""
    shown, zh = format_en(value, unit), format_zh(value, unit)
    return shown if shown == zh else f"{shown} ({zh})"


def _kind_or_period_decline(question: str, r: Route, rows: list[Indicator], place: str,
                            label: str) -> Answer | None:
    """Nothing of the kind / period asked: say what exists (growth only, level only, target only, other period)."""
    lang = r.language
    if not rows:
        return None
    in_period = [x for x in rows if (not r.period or period_matches(_base_period(x.period), r.period))
                 and (not r.years or x.period[:4] in {str(y) for y in r.years})]
    if not in_period and r.period and is_full_year(r.period) and r.kind in ("actual", "estimate"):
        # a year asked, its 1-11月 growth the report's only figure of the measure
        in_period = [x for x in rows if x.period[:4] == r.period[:4] and not x.period.endswith("-plan")
                     and not any(y.kind in WANTED.get(r.kind, WANTED["actual"]) for y in rows)]
    if in_period:
        other = in_period[0]
        plain = [x for x in in_period if x.part != "plan" and not x.period.endswith("-plan")]
        if r.kind == "actual" and FINAL_ONLY.search(question) and any(_estimated(x) for x in plain):
            other, key = next(x for x in plain if _estimated(x)), "only_estimate"
        elif r.kind in ("actual", "estimate") and any(x.kind == "yoy_growth" for x in plain):
            other, key = next(x for x in plain if x.kind == "yoy_growth"), "only_growth"
        elif r.kind == "yoy_growth" and any(x.kind in _LEVEL for x in plain):
            other, key = next(x for x in plain if x.kind in _LEVEL), "only_level"
        elif r.kind in ("actual", "estimate") and any(x.kind == "target" for x in in_period):
            other, key = next(x for x in in_period if x.kind == "target"), "only_target"
            if r.period and r.period.endswith("H2") and other.period.endswith("H2-plan") \
                    and not _ACTUAL_ASKED.search(question) and not re.search(r"实际|真正|\bactual", question, re.I):
                # '下半年新增托位多少' of a half-year report: the second half is still to come, its plan is meant
                text = msg("lookup", lang, place=_place(place, lang), period=_period(other.period, lang), label=label,
                           verb=_verb(other, lang), figure=_figure(other, lang), n=1)
                return _answer(question, r, text, [other])
        else:
            key = "only_other"
        asked_kind = _ASKED_UNIT.get(r.unit_hint or "", str(r.kind)) if r.unit_strict \
            and r.kind in ("actual", "estimate", "target") \
            and not any(x.normalized_unit in _UNITS_OF.get(r.unit_hint or "", {r.unit_hint}) for x in in_period) \
            else str(r.kind)  # a count asked, only an area stated: the area's count is what is missing, not its kind
        text = msg(key, lang, place=_place(place, lang), period=_period(other.period, lang), label=label,
                   figure=_fig_with_kind(other, lang), n=1, asked=msg(f"asked_{asked_kind}", lang)
                   if f"asked_{asked_kind}" in _ASKED else asked_kind)
        return _answer(question, r, text, [other], route="abstain")
    have = sorted({x.period for x in rows if x.kind in WANTED.get(r.kind, WANTED["actual"])}, key=period_key)
    if not have:
        return None
    asked = r.period or "/".join(str(y) for y in r.years)
    text = msg("period_missing", lang, place=_place(place, lang), period=_period(asked, lang), label=label,
               have=join_list([_period(p, lang) for p in have], lang))
    return _answer(question, r, text, [], route="abstain")


_ASKED_UNIT = {"CNY": "amount", "m2": "area", "t": "weight", "m": "length"}  # the unit asked, named in a decline
_ASKED = {f"asked_{k}" for k in ("estimate", "target", "completion_rate", "share", "actual", "yoy_growth", "yoy_change",
                                  *_ASKED_UNIT.values())}


# ---- ranking / aggregate -----------------------------------------------------------------------------
def _ranking(question: str, r: Route, measure: list[Indicator], places: list[str], ctx: Context) -> Answer | None:
    lang = r.language
    kinds = WANTED.get(r.kind, WANTED["actual"])
    picked: list[Indicator] = []
    if r.intent == "aggregate" and len(places) == 1 and len(r.years) >= 2:
        # '2022年和2023年两年合计': one figure per year asked, every year or no total
        for year in sorted(set(r.years)):
            row, _ = _pick([x for x in measure if x.street == places[0]],
                           r.model_copy(update={"period": str(year), "years": [year]}), kinds)
            if row is None or not is_full_year(row.period):
                return _kind_or_period_decline(question, r.model_copy(update={"period": str(year), "years": [year]}),
                                               [x for x in measure if x.street == places[0]], places[0],
                                               _label(measure, lang))
            picked.append(row)
        if len({i.normalized_unit for i in picked}) == 1:
            parts = ("; " if lang == "en" else ";").join(f"{_fig_with_kind(i, lang)} [{n}]"
                                                         for n, i in enumerate(picked, start=1))
            text = msg("aggregate_years", lang, place=_place(places[0], lang), label=_label(picked, lang),
                       total=_total_shown(picked, lang),
                       periods=join_list([_period(i.period, lang) for i in picked], lang), parts=parts)
            return _answer(question, r, text, picked, table=[_row(None, i, lang, n) for n, i in
                                                                 enumerate(picked, start=1)],
                           caveats=[msg("computed_note", lang), *_notes(picked, lang)])
    else:
        own_years = _years_by_place(question, places)  # 'Haoqiaoji (2023), Pudian (2023) or Linggang (2024)'
        own_kinds = _kinds_by_place(question, places, r)  # '玉塘2023年新增的…和平湖下半年计划新增的…'
        for place in places:
            # a place given no year of its own beside places that have one: its latest ('…(玉塘, 2023) and XX')
            own = own_years.get(place, "" if own_years else None)
            asked = r if own is None else r.model_copy(update={"period": own or None,
                                                               "years": [int(own[:4])] if own[:4].isdigit() else []})
            if place in own_kinds:
                asked = asked.model_copy(update={"kind": own_kinds[place]})
            row, _ = _pick([x for x in measure if x.street == place], asked,
                           WANTED[own_kinds[place]] if place in own_kinds else kinds)
            if row is not None:
                picked.append(row)
    if not picked:
        if len(places) == 1:
            return _kind_or_period_decline(question, r, [x for x in measure if x.street == places[0]], places[0],
                                           _label(measure, lang))
        return None
    unit = majority_unit(i.normalized_unit for i in picked)
    other_unit = [i for i in picked if i.normalized_unit != unit]
    found = [i for i in picked if i.normalized_unit == unit]
    found.sort(key=lambda i: i.normalized_value, reverse=not r.ascending)
    label = _label(found, lang)
    missing = [p for p in places if p not in {i.street for i in picked}]
    which = r.intent != "aggregate" and (len(r.places) >= 2 or not r.places) and bool(WHICH_STATES.search(question))
    quoted = re.findall(r"“([^”]{2,12})”", question) if which else []
    held = [i for i in found if all(q in i.label_zh or q in own_stretch(i) for q in quoted)] if quoted else []
    if held:
        # '都提到了“接诉即办”，哪一份给出了满意率': the figure said of the quoted thing; the others' rates are of other things
        missing += [i.street for i in found if i not in held and i.street]
        found = held
        label = _label(found, lang)
    caveats = _notes(found, lang)
    have = join_list([f"{_place(i.street, lang)} {_fig_with_kind(i, lang)} [{n}]"
                      for n, i in enumerate(found, start=1)], lang) if missing else ""  # what each report gives
    if which and missing and found:
        text = msg("which_states", lang, label=label, have=have,
                   missing=join_list([_place(p, lang) for p in missing], lang))
        return _answer(question, r, text, found, table=_ranked_table(found, missing, lang), caveats=caveats)
    if len(r.places) >= 2 and missing:
        # 'A和B哪个更多' with B's figure not found: no winner can be named (nor a total of the places named given);
        # say what each report gives
        text = msg("compare_missing" if r.intent != "aggregate" else "sum_missing", lang,
                   places=join_list([_place(p, lang) for p in missing], lang), label=label, have=have)
        return _answer(question, r, text, found, route="abstain", caveats=caveats)
    if r.intent == "aggregate":
        text = _aggregate_text(found, label, lang)
    else:
        text = ""
        if r.kind in ("yoy_growth", "yoy_change") and DECLINE_ASKED.search(question):
            word = msg("rank_fall_most" if r.ascending else "rank_fall_least", lang)
        elif unit == "percent":
            word = msg("rank_low" if r.ascending else "rank_high", lang)
        else:
            word = msg("rank_least" if r.ascending else "rank_most", lang)
        worded = len({_label([i], lang) for i in found}) > 1  # each place's own wording of what is compared
        for n, i in enumerate(found, start=1):
            key = "rank_first" if n == 1 else "rank_second" if n == 2 else "rank_other"
            where = _place(i.street, lang)
            if worded and n > 1:
                where += _label([i], lang) if lang == "zh" else f" ({_label([i], lang)})"
            text += _sep(text, lang) + msg(key, lang, place=where, label=_label([i], lang) if worded else label,
                                           figure=_fig_with_kind(i, lang), n=n, word=word)
    nth = nth_asked(question) if r.intent == "rank" and not missing else 0
    if nth == -1:  # '排在中间的是哪个': of an odd number of places, the one in the middle
        nth = (len(found) + 1) // 2 if len(found) % 2 and len(found) >= 3 else 0
    if 2 <= nth <= len(found):  # 'which place ranks second': that place first, then the order
        i = found[nth - 1]
        text = msg("rank_nth", lang, nth=nth, place=_place(i.street, lang), figure=_fig_with_kind(i, lang), n=nth) \
            + _sep("x", lang) + text
    times = _TIMES_ASKED.search(question) if len(found) == 2 and not missing and r.intent != "aggregate" else None
    if times:
        # 'A是B的几倍': the first place named over the second, computed; then each figure
        at = {i.street: (m.start() if (m := re.search(_place_pattern(i.street or ""), question, re.I)) else len(question))
              for i in found}
        a, b = sorted(found, key=lambda i: at[i.street])
        if b.normalized_value:
            ratio = a.normalized_value / b.normalized_value
            text = msg("rank_ratio", lang, place=_place(a.street, lang), other=_place(b.street, lang), label=label,
                       figure=_fig_with_kind(a, lang), other_figure=_fig_with_kind(b, lang),
                       ratio=f"{ratio:.2f}".rstrip("0").rstrip(".")) + _sep("x", lang) + text
            caveats.append(msg("computed_note", lang))
    elif len(found) == 2 and not missing and r.intent != "aggregate" and _DIFF_ASKED.search(question):
        # 'A比B多多少': the computed difference first, then each figure
        a, b = found
        delta = abs(round(_in_unit_of(a.normalized_value - b.normalized_value, a), 4))
        if a.normalized_unit == "percent":  # two rates differ by points, never by a per cent
            shown = f"{delta:g}个百分点" if lang == "zh" else f"{delta:g} percentage points ({delta:g}个百分点)"
        else:
            shown = format_zh(delta, a.unit) if lang == "zh" else f"{format_en(delta, a.unit)} ({format_zh(delta, a.unit)})"
        diff = msg("rank_difference", lang, place=_place(a.street, lang), other=_place(b.street, lang), label=label,
                   figure=_fig_with_kind(a, lang), delta=shown)  # the larger figure first, then the gap
        text = diff + _sep("x", lang) + text  # '…哪个高？高多少？': the gap asked last is what is asked
        caveats.append(msg("computed_note", lang))
    if missing:
        text += _sep(text, lang) + msg("rank_missing", lang, places=join_list([_place(p, lang) for p in missing], lang))
    if other_unit:
        text += _sep(text, lang) + msg("rank_other_unit", lang, places=join_list([_place(i.street, lang) for i in other_unit], lang))
    periods = {i.street: i.period for i in found}
    if len(set(periods.values())) > 1:
        listing = join_list([f"{_place(s, lang)} {_period(p, lang)}" for s, p in periods.items()], lang)
        note = msg("periods_differ", lang, listing=listing)
        caveats.append(note)
        text += _sep(text, lang) + note
        if any(is_full_year(p) for p in periods.values()):
            for p in sorted({p for p in periods.values() if not is_full_year(p)}):
                who = [_place(s, lang) for s, q in periods.items() if q == p]
                partial = msg("partial_mixed", lang, places=join_list(who, lang), period=_period(p, lang))
                caveats.append(partial)
                text += _sep(text, lang) + partial
    return _answer(question, r, text, found, table=_ranked_table(found, missing, lang), caveats=caveats)


def _ranked_table(found: list[Indicator], missing: list[str], lang: str) -> list[TableRow]:
    """The table of a ranking: each figure found in its rank, then each place that reports none."""
    return [_row(n, i, lang, n) for n, i in enumerate(found, start=1)] + [
        TableRow(street=p, display=NOT_REPORTED) for p in missing]


_EN_SPAN = (r"(?:jan(?:uary)?|the first \w+ (?:months|quarters) of|(?:the )?first half of|H1|Q1\s*[–—-]\s*Q3)\s*"
            r"(?:[–—-]|to|through)?\s*[a-z]*")  # 'January–November 2023', 'the first three quarters of 2024'


def _place_pattern(place: str) -> str:
    """A place as a question may write it: its full or short name, or its pinyin ('Lanbu town')."""
    names = [re.escape(place), re.escape(short_name(place))]
    english = place_en_pattern(short_name(place))
    if english:
        names.append(f"{english}(?:\\s+(?:town|township|sub-?district|street))?")
    return "|".join(names)


def _kinds_by_place(question: str, places: list[str], r: Route) -> dict[str, str]:
    """A comparison setting one place's plan against another's result ('玉塘2023年新增的托位，和平湖下半年计划新增的
    托位，哪个多'): 'target' for each place whose own part of the question names a plan, 'actual' for the others;
    empty when all parts say the same."""
    if len(places) < 2 or r.kind not in ("actual", "target"):
        return {}
    parts = re.split(r"\bor\b|\bvs\.?\b|\bversus\b|\bagainst\b|[，,;；?？]|还是|和|与|、", question)
    pats = {p: _place_pattern(p) for p in places}
    if any(_PLAN_WORDS.search(t) and not any(re.search(q, t, re.I) for q in pats.values()) for t in parts):
        return {}  # '按各自下一年的工作计划，A…和B…': the plan is every place's
    found: dict[str, str] = {}
    for place, pat in pats.items():
        own = [t for t in parts if re.search(pat, t, re.I) and not any(
            re.search(q, t, re.I) for o, q in pats.items() if o != place)]
        if len(own) != 1 or len(re.sub(rf"{pat}|[\W\d年]", "", own[0], flags=re.I)) < 2:
            return {}  # ('石堰、河浦、柳营三份计划里': a place named bare shares the words after the list)
        found[place] = "target" if _PLAN_WORDS.search(own[0]) else "actual"
    return found if len(set(found.values())) == 2 else {}


def _years_by_place(question: str, places: list[str]) -> dict[str, str]:
    """The period written right after each place a comparison names ('蒿桥集镇（2023年）', 'Linggang (2024)',
    'Buji in 2022', '柳垡镇2024年全年和泖溪镇2024年上半年' → 2024 and 2024H1); empty unless two or more places
    carry one."""
    found: dict[str, str] = {}
    ahead: set[str] = set()  # places whose part of the question gives its year before the place
    pats = {p: _place_pattern(p) for p in places}
    # '2022年的榛泡镇和2015年的柑沱镇': each year written before its place, tied by 的
    before = {p: m.group(1) for p, pat in pats.items() if (m := re.search(rf"(20\d\d)\s*年度?的\s*(?:{pat})", question))}
    if len(before) >= 2:
        return before
    for place, pat in pats.items():
        m = re.search(rf"(?:{pat})[^\s和与及、]{{0,3}}\s*(?:[（(]\s*|\s+(?:in|for|over|during|across)\s+(?:the whole of\s+)?)?"
                      rf"((?:{_EN_SPAN})?\s*(?:mid[- ]|(?:at )?(?:the )?end[- ](?:of[- ])?(?:[A-Z][a-z]+\s+)?)?)(20\d\d)", question, re.I)
        if m:
            own = re.split(r"[、和与及，,;；）)]|\bor\b|\band\b", question[m.start(2) : m.start(2) + 14])[0]
            found[place] = period_of(m.group(1) + own, [int(m.group(2))]) or m.group(2)
        elif re.search(rf"(?:{pat})\S{{0,3}}\s*(?:[（(]\s*|\s+in\s+(?:its|the)\s+)?(?:(?:its|the|their)\s+(?:own\s+)?)?(?:报告年度|报告(?:那|当|的)一?年|报告年份|report[- ]year)",
                       question, re.I):
            found[place] = ""  # 'XX街道报告年度': that report's own year, whichever it is
        elif part := re.search(rf"(?:{pat})\S{{0,2}}\s*(?:[（(]\s*)?(上半年|下半年|前三季度|第?一季度|"
                               r"\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月)", question, re.I):
            found[place] = period_of(part.group(1), []) or ""  # '桐岭街道上半年和柳沟镇2023年全年'
    if len(found) < 2:  # "Pinghu's investment in just January–May 2024, or Buji's for the whole of 2022": each part's
        parts = re.split(r"\bor\b|\bvs\.?\b|\bversus\b|\bagainst\b|[，,;；?？]|还是|和|与", question)
        named = [(t, [p for p, pat in pats.items() if re.search(pat, t, re.I)]) for t in parts]
        for place in places:
            own = [(t, here) for t, here in named if place in here]
            if len(own) == 1 and own[0][1] == [place]:  # the place in one part only, alone there
                years = [int(y) for y in re.findall(r"(20\d\d)", own[0][0])]
                code = period_of(own[0][0], years) if len(years) == 1 else None
                if code and place not in found:
                    found[place] = code
                    at = re.search(pats[place], own[0][0], re.I)
                    if at and re.search(r"20\d\d", own[0][0][: at.start()]):
                        ahead.add(place)  # ('2023年A和B': the year before the place)
    bracketed = [p for p in places if p in found and re.search(rf"{re.escape(p)}\s*[（(]\s*20\d\d", question)]
    if len(found) == 1 and bracketed and len(places) >= 2:
        # '楠溪镇（2023年）、杏溪镇和柳沟镇': the bracketed year is that place's; the others, their latest
        return {p: found.get(p, "") for p in places}
    named_at = {p: m.start() for p, pat in pats.items() if (m := re.search(pat, question, re.I))}
    if len(found) == 1 and len(named_at) == len(places) >= 2 and max(named_at, key=lambda p: named_at[p]) not in found \
            and not ahead:
        # 'FAI gap: Yutang 2023 minus XX': a year right after a place named before the last is that place's own
        # ('2023年A和B': a year before the first place is every place's)
        return {p: found.get(p, "") for p in places}
    return found if len(found) >= 2 else {}


def _in_unit_of(normalized: float, row: Indicator) -> float:
    """A normalised amount printed in `row`'s unit (CNY 1.46e9 in 亿元 → 14.6)."""
    scale = row.normalized_value / row.value if row.value else 1.0
    return normalized / (scale or 1.0)


def _total_shown(rows: list[Indicator], lang: str) -> str:
    """The sum of rows in one normalised unit, shown in the first row's unit (computed, never a report figure)."""
    first = rows[0]
    total = _in_unit_of(sum(i.normalized_value for i in rows), first)
    return format_zh(total, first.unit) if lang == "zh" else _en_with_zh(total, first.unit)


def _aggregate_text(found: list[Indicator], label: str, lang: str) -> str:
    own = {i.label_zh: _label([i], lang) for i in found} if len({base_key(i.key) for i in found}) > 1 else {}
    if len(own) > 1:  # each place words its own figure ('生活津补贴' and '福利服务经费'): each named, both in the total
        label = join_list(list(dict.fromkeys(own.values())), lang)
    parts = ("; " if lang == "en" else ";").join(
        f"{_place(i.street, lang)} {own[i.label_zh] + ' ' if len(own) > 1 else ''}{_fig_with_kind(i, lang)} [{n}]"
        for n, i in enumerate(found, start=1))
    return msg("aggregate", lang, count=len(found), label=label, total=_total_shown(found, lang), parts=parts)


# Two measures of one place compared: '社零总额比固定资产投资多多少', 'by how much did retail sales exceed investment'.
_TWO_ZH = re.compile(r"^(?P<a>.+?)(?:比|较|超出|超过)(?P<b>[^，,？?]+?)(?:多|高|大|少|低|小)(?:出|了)?(?:大约|约|大概)?(?:多少|几)")
# 'A与B合计多少平方米', 'A和B加起来一共多少': two measures of one place added up
_SUM_ZH = re.compile(r"^(?P<a>[^，,？?]{2,}?)(?:与|和|跟|加上|加(?![起在到])|及)(?P<b>[^，,？?、]{2,}?)[，,]?\s*(?:两者|二者|两项)?(?:加起来|加在一起|合起来)?"
                     r"(?:合计|一共|总共|共计|之和|总和|加起来)(?:是|有|为|约)?(?:大约|约|大概)?(?:多少|几)")
# 'A与B，两者差几个百分点', 'A和B相差多少': the gap between two measures named side by side
_GAP_ZH = re.compile(r"^(?P<a>[^，,？?]+?)(?:和|与|跟|同)(?P<b>[^，,？?、]+?)[，,]?\s*(?:两者|二者|两项|两个数|这两个?数?)?(?:之间)?"
                     r"(?:相)?差(?:了|距|值|额)?(?:是|有)?(?:大约|约|大概)?(?:多少|几)")
_TWO_EN = re.compile(r"\bby how (?:much|many (?:percentage )?points) did (?P<a>.+?) (?:exceed|outstrip|top|surpass|beat|outpace) "
                     r"(?P<b>[^?]+?)\s*(?:in \d{4}\s*)?\?|"
                     r"\bhow much (?:more|higher|larger) (?:was|were) (?P<a2>.+?) than (?P<b2>[^?]+?)\s*(?:in \d{4}\s*)?\?|"
                     # 'how large is the gap between gross output (规上工业总产值) and value added (规上工业增加值)?'
                     r"\b(?:gap|difference) between (?:its |the )?(?P<a3>[^?]+?) and (?:its |the )?(?P<b3>[^?]+?)\s*"
                     r"(?:in \d{4}\s*)?\?|"
                     # 'how many more basic-education places (…) than kindergarten places (…) are to be added?'
                     r"\bhow (?:much|many) more (?P<a4>[^?]+?) than (?P<b4>[^?]+?)(?:\s+(?:are|were|is|was|will|would|did|"
                     r"does|do|had|has|have)\b[^?]*)?\s*(?:in \d{4}\s*)?\?", re.I)


# what a 'than' names when it is no second measure: the year before, a plan, an average, a period
_NOT_A_MEASURE = re.compile(r"上年|去年|前年|上一年|同期|目标|任务|计划|预期|平均|均值|全[区市县省国]|20\d\d|[上下]半年|季度|\d+月|"
                            r"\b(?:target|plan|goal|quota|average|last year|the year before|previous year|a year earlier|"
                            r"20\d\d)\b", re.I)


def _two_named(question: str, r: Route) -> list[str]:
    """The two measures a difference question names ('A比B多多少', 'how much more was A than B'), as written; []
    when it asks no such difference, or its second term is a year, a plan or an average."""
    terms = _two_terms(question, r.language)
    if terms is None:
        return []
    a, b, _ = terms
    b_phrase = indicator_phrase(b, [], r.language, r.places)
    if _NOT_A_MEASURE.search(b) or len(re.sub(r"[^\w\u4e00-\u9fff]", "", b_phrase)) < 2:
        return []
    if r.language == "en" and _PLAN_SIDE.search(question) and len(set(re.findall(r"\b20\d\d\b", question))) >= 2:
        return []  # 'how much more … plan to release in 2024 than … released in 2023': a plan against a result
    for place in r.places if r.language == "zh" else ():
        a = _without_place(a, place)
    return [indicator_phrase(a, [], r.language, r.places) or a.strip(), b_phrase]


# 'A和B，哪个同比降得更多？相差几个百分点？', 'which is larger, its A or its B?': one place's two measures set side by side
_WHICH_ZH = re.compile(r"^(?P<a>[^，,？?、]+?)(?:和|与|跟|同|还是)(?P<b>[^，,？?、]+?)[，,]?\s*(?:相比[，,]?\s*)?"
                       r"(?:哪个|哪一个|哪项|哪一项|谁)(?P<how>[^？?]*?(?:更|[多少高低大小快慢]))")
_WHICH_EN = re.compile(r"\bwhich (?P<how>(?:is|was|were|are) (?:the )?(?:larger|bigger|higher|greater|more|smaller|lower|less)|"
                       r"(?:fell|dropped|declined|grew|rose|increased) (?:more|faster|further|less|slower))\b"
                       r"[^,:—–?]*[,:—–]\s*(?:its |the )?(?P<a>[^?]+?),? or (?:its |the )?(?P<b>[^?]+?)\s*\?", re.I)
_WHICH_LESS = re.compile(r"更?[少低小慢]|\b(?:smaller|lower|less|slower)\b", re.I)


def _two_terms(question: str, lang: str) -> tuple[str, str, bool | None] | None:
    """The two things a question sets against each other, as written, and what it asks of them: None for a
    difference ('A比B多多少'), for 'which of them' ('A和B，哪个…', 'which is larger, A or B') whether it asks for the
    smaller (or, of falls, the smaller fall). None if it names no two."""
    m = (_TWO_ZH if lang == "zh" else _TWO_EN).search(question) or (_GAP_ZH.search(question) if lang == "zh" else None)
    if m is None:
        w = (_WHICH_ZH if lang == "zh" else _WHICH_EN).search(question)
        return (w.group("a"), w.group("b"), bool(_WHICH_LESS.search(w.group("how")))) if w else None
    if lang == "zh" or m.group("a"):
        return m.group("a"), m.group("b"), None
    n = next(k for k in ("2", "3", "4") if m.group("a" + k))
    return m.group("a" + n), m.group("b" + n), None


def _without_place(text: str, place: str) -> str:
    """A Chinese part of a question with the place's full and short names taken out."""
    return text.replace(place, " ").replace(short_name(place), " ")


_RATE_KINDS = ("completion_rate", "share", "yoy_growth")


def _other_counters(a: Indicator, b: Indicator) -> bool:
    """Two counts of different things ('3260座' places against '2所' schools): no difference between them."""
    return a.normalized_unit == "count" and bool(a.unit) and bool(b.unit) and a.unit != b.unit


def _two_measures(question: str, r: Route, ctx: Context) -> Answer | None:
    """One place's two figures, the second subtracted from the first, when both are found in one unit."""
    terms = _two_terms(question, r.language)
    summed = _SUM_ZH.search(question) if terms is None and r.language == "zh" else None
    clauses = re.split(r"[，,]", question)
    if terms is None and r.language == "zh" and summed is None and len(clauses) >= 2:
        # '…计划建的托位，公办的和民办的合起来一共几个': two parts the clause before measures
        summed = _SUM_ZH.search(clauses[-1])
        words = [x for x in tagged(clauses[-2]) if x[1] != "uj"]  # (less 的)
        at = next((n for n in range(len(words) - 1, -1, -1) if len(words[n][0]) >= 2 and words[n][1].startswith("n")), None)
        head = "" if at is None else words[at][0] if at == 0 or words[at - 1][0] not in ("新增", "新建", "累计") \
            else words[at - 1][0] + words[at][0]  # ('新增的学位': 新增学位)
        if summed and head:
            terms = (_part_measured(summed.group("a"), head), _part_measured(summed.group("b"), head), None)
    # '已完成入库的土地与正在办理入库手续的土地合计多少平方米': the two added up (items listed, 'A、B和C一共', are
    # summed as items)
    if summed and terms is None and "、" not in summed.group("a"):
        terms = (summed.group("a"), summed.group("b"), None)
    if terms is None or len(r.places) != 1:
        return None
    a_text, b_text, asks_smaller = terms
    whole = _WHOLE_FIRST.match(a_text) if r.language == "zh" else None
    if whole:  # '产值当中，甲类比乙类高出几个亿': two parts of one whole, each measured as the whole is
        head = next((w for w, pos in reversed(tagged(whole.group(1))) if len(w) >= 2 and pos.startswith("n")), "")
        a_text, b_text = (_part_measured(t, head) for t in (whole.group(2), b_text))
    which = asks_smaller is not None  # 'which of the two', not 'by how much'
    place = r.places[0]
    a_text, b_text = (re.sub(r"[“”]", "", t) for t in (a_text, b_text))  # ('“四上”比“国高”多几家': the names)
    if re.search(r"(?:几|多少)家", question):  # …of firms, counted in 家 ('四上' and '国高' are kinds of firm)
        a_text, b_text = (t if re.search(r"(?:企业|公司|单位|机构|家)$", t) else t + "企业" for t in (a_text, b_text))
    subs = [route(seg + ("?" if r.language == "en" else "是多少？"), ctx.reports) for seg in (a_text, b_text)]
    if any(not sub.phrase or (sub.places and sub.places != [place]) for sub in subs):
        return None
    # two rates ('工业投资完成率比固投完成率高几个百分点') are set against each other as rates, never as amounts; a rate
    # one part names is both parts' ('规上企业和限上企业的数量增速，哪个更快')
    shared = next((sub.kind for sub in subs if sub.kind in _RATE_KINDS), None) if which else None
    picked: list[Indicator] = []
    parts: list[Route] = []  # each part's own lookup
    # '计划新增的小初学位比高中学位多几个': a plan named once is both parts' ('target')
    level = "target" if r.kind == "target" or any(sub.kind == "target" for sub in subs) else "actual"
    for seg, sub in zip((a_text, b_text), subs, strict=True):
        kind = sub.kind if sub.kind in _RATE_KINDS else shared or (r.kind if r.kind in _RATE_KINDS else level)
        sub = sub.model_copy(update={"intent": "lookup", "kind": kind, "places": [place],
                                     "period": sub.period or r.period, "years": sub.years or r.years,
                                     "unit_hint": None, "unit_strict": False, "measure_word": None})
        parts.append(sub)
        row = _part_figure(seg, sub, place, ctx, sure=True)  # a difference of two guesses is no answer
        if row is None and picked and r.language == "zh":
            row = _with_first_qualifier(seg, sub, subs[0].phrase, place, ctx)
        if row is None:
            return None
        picked.append(row)
    a, b = picked
    if _other_counters(a, b) and r.language == "zh":  # '学位里，小学比幼儿园多几座': the kindergartens' places
        b = _with_first_qualifier(b_text, parts[1], subs[0].phrase, place, ctx) or b
    if a.normalized_unit != b.normalized_unit or measure_of(a) == measure_of(b) and a.label_zh == b.label_zh \
            or a.period != b.period or _other_counters(a, b):  # ('新增小学学位' and '初中学位' share a key: two still)
        return None  # yuan against a count, one measure twice, two periods, seats against schools: no difference
    lang = r.language
    falls = which and a.kind == b.kind == "yoy_growth" and bool(DECLINE_ASKED.search(question))
    if which and (abs(b.value) > abs(a.value) if falls else (b.normalized_value > a.normalized_value) != asks_smaller):
        a, b = b, a  # 'which is larger': the one asked for first
    delta = round(_in_unit_of(a.normalized_value + (b.normalized_value if summed else -b.normalized_value), a), 4)
    size = abs(delta)
    if a.normalized_unit == "percent":  # two rates differ by percentage points
        shown = format_zh(size, "个百分点") if lang == "zh" else f"{size:g} percentage points ({format_zh(size, '个百分点')})"
    else:
        shown = format_zh(size, a.unit) if lang == "zh" else f"{format_en(size, a.unit)} ({format_zh(size, a.unit)})"
    named = {x.kind: ("" if lang == "zh" else " ") + msg(f"asked_{x.kind}", lang) for x in (a, b)
             if x.kind in _RATE_KINDS and not falls}  # ('…降幅更大' says the rate)
    key = "measure_sum" if summed else "measure_fell_more" if falls else "measure_difference" if delta >= 0 \
        else "measure_shortfall"
    la, lb = _label([a], lang), _label([b], lang)
    if la == lb:  # one lexicon name for two labels ('新增小学学位', '初中学位'): the report's own words tell them apart
        la, lb = f"{la} ({a.label_zh})", f"{lb} ({b.label_zh})"
    text = msg(key, lang, place=_place(place, lang),
               period=_period(a.period, lang), label=la + named.get(a.kind, ""), figure=_figure(a, lang),
               other=lb + named.get(b.kind, ""), other_figure=_figure(b, lang), delta=shown)
    return _answer(question, r, text, [a, b], table=[_row(None, a, lang, 1), _row(None, b, lang, 2)],
                   caveats=[msg("computed_note", lang), *_notes([a, b], lang)])


_WHOLE_FIRST = re.compile(r"^(.{2,}?)(?:里面?|当中|之中|中)[，,]\s*(.{2,})$")  # 'W里，A比B…': A and B are parts of W


def _part_measured(part: str, head: str) -> str:
    """A part named without the measure its whole is named by ('区50强外的企业' of 规上产值) with that measure."""
    part = re.sub(r"的(?=企业|单位)|的(?:部分|那些|这些)?$", "", part)
    return part if not head or head in part else part + head


def _with_first_qualifier(seg: str, sub: Route, first: str, place: str, ctx: Context) -> Indicator | None:
    """The second of two measures written short, read with the first one's qualifier ('火灾的起数和死亡人数': 火灾
    死亡人数): the longest opening of the first phrase that makes a sure match; None when none does."""
    for n in range(len(first) - 1, 1, -1):
        phrase = first[:n] + sub.phrase
        row = _part_figure(seg, sub.model_copy(update={"phrase": phrase, "keys": []}), place, ctx, sure=True)
        if row is not None:
            return row
    return None


def _part_figure(seg: str, sub: Route, place: str, ctx: Context, *, sure: bool, counted: str = "") -> Indicator | None:
    """The figure of `place` one part of a question names (`sub`: that part's route): None when no measure
    matches, another measure matches as well, or (`sure`) the match is not a sure one."""
    scored = match_rows(sub.phrase, _candidate_rows(ctx, sub), keys=sub.keys, lang=sub.language, embed=ctx.embed,
                        counted=counted)
    measure = _best_measure(scored, sub, seg)
    if not measure or _rivals(scored, measure, place, sub):
        return None
    chosen = {id(x) for x in measure}
    if sure and max((s.score for s in scored if id(s.row) in chosen), default=0.0) < _SURE:
        return None
    row, _ = _pick([x for x in measure if x.street == place], sub, WANTED.get(sub.kind, WANTED["actual"]),
                   question=seg)
    if row is not None and any(x.label_zh == row.label_zh and x.period == row.period and x.kind == row.kind
                               and x.street == place and x.normalized_unit == row.normalized_unit
                               and x.value != row.value for x in measure):
        return None  # one label twice in a period ('加强针接种率' of two age groups): which one is a guess
    return row


# A comparison's own wording after the places ('，哪个更多', 'which …'), and the link before the next place.
_COMPARE_TAIL = re.compile(r"[，,;；:：]?\s*(?:哪个|哪一个|哪家|哪边|谁|相比|比较|\b(?:which|whose|who)\b).*$", re.I | re.S)
_LINK_TAIL = re.compile(r"(?:[，,、;；]|\s)*(?:和|与|同|跟|以及|还是|或者?|比|对|(?:再)?加上|连同|当中|之中|中|\bor\b|\band\b|\bvs\.?|\bversus\b|"
                        r"\bagainst\b|\bcompared (?:with|to)\b|\bthan\b)?[\s，,]*$", re.I)


def _part_questions(question: str, places: Sequence[str]) -> list[tuple[str, str]]:
    """Each place of a comparison with the words that follow it up to the next place: 'A街道2022年发放的补贴，和B街道
    2023年发放的经费' → (A街道, 'A街道2022年发放的补贴'), (B街道, 'B街道2023年发放的经费'); [] when a place is not found."""
    spots = []
    for place in places:
        m = re.search(_place_pattern(place), question, re.I)
        if m is None:
            return []
        spots.append((m.start(), place))
    spots.sort()
    out = []
    for n, (at, place) in enumerate(spots):
        seg = question[at : spots[n + 1][0] if n + 1 < len(spots) else len(question)]
        seg = _LINK_TAIL.sub("", _COMPARE_TAIL.sub("", seg))
        out.append((place, seg))
    return out


def _only_tail_nouns(phrase: str, question: str, lang: str) -> bool:
    """A place's part names nothing but what the shared ask at the end counts ('…，加上布吉建成的，合计多少个项目'):
    the measure is the one both share."""
    if lang != "zh" or not (tail := re.split(r"[，,]", question)[-1]):
        return False
    nouns = [w for w, pos in tagged(phrase) if len(w) >= 2 and pos.startswith("n")]
    return bool(nouns) and len(re.split(r"[，,]", question)) >= 3 and all(w in tail for w in nouns)


def _compared_by_parts(question: str, r: Route, ctx: Context) -> Answer | None:
    """Two places each asked with their own wording ('A街道接听解决的群众问题，和B街道办结的来访诉求，哪个更多'), or
    one measure each place words its own way ('农村改厕' / '户厕改造'): each place matched alone, in its own period,
    and ranked when both are found in one unit; None when a part matches weakly against a rival, or the units
    differ."""
    parts = _part_questions(question, r.places)
    if len(parts) != len(r.places) or len(parts) < 2:
        return None
    subs: list[tuple[Route, bool]] = []
    for place, seg in parts:
        sub = route(seg if re.search(r"[？?]$", seg) else seg + ("?" if r.language == "en" else "？"), ctx.reports)
        if sub.places != [place]:
            return None
        shared = not sub.phrase or _only_tail_nouns(sub.phrase, question, r.language)
        if shared:  # 'A街道（2022年）和B街道（报告年度）相比，哪个完成的小区更多': the measure both share
            base = next((s for s, own in subs if not own), r)  # ('A的X，加上B的…': the X named before)
            sub = sub.model_copy(update={"phrase": base.phrase, "keys": base.keys})
        if len(re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", sub.phrase)) < 2:
            return None
        subs.append((sub, shared))
    if len(subs) > 2 and not all(shared for _, shared in subs):
        return None  # three places each worded their own way: too many guesses to rank
    own_period = any(s.period for s, _ in subs)
    picked: list[Indicator] = []
    for (place, seg), (sub, shared) in zip(parts, subs, strict=True):
        sub = sub.model_copy(update={
            "intent": "lookup", "kind": sub.kind if sub.kind != "actual" else r.kind,
            "unit_hint": sub.unit_hint or r.unit_hint, "unit_strict": sub.unit_strict or r.unit_strict,
            "measure_word": sub.measure_word or r.measure_word, "counted": sub.counted or r.counted,
            "period": sub.period if own_period else r.period, "years": sub.years if own_period else r.years})
        # one wording matched weakly in each report is two guesses, not a comparison
        row = _part_figure(seg, sub, place, ctx, sure=shared, counted=sub.counted)
        if row is None:
            return None
        picked.append(row)
    a = picked[0]
    if any(x.normalized_unit != a.normalized_unit for x in picked) or (
            r.unit_hint and a.normalized_unit not in _UNITS_OF.get(r.unit_hint, {r.unit_hint})):
        return None  # yuan against people, or a count where money was asked: nothing to rank
    words = [re.sub(r"^[十百千万亿]+", "", x.unit) for x in picked]
    if a.normalized_unit == "count" and not all(measure_fits(words[0], w) or measure_fits(w, words[0]) for w in words):
        return None  # firms visited against tea meetings held: two counts of different things
    kinds = {sub.kind for sub, _ in subs}
    kind = kinds.pop() if len(kinds) == 1 and "actual" not in kinds else r.kind
    whole = r.model_copy(update={"intent": "aggregate" if r.intent == "aggregate" else "rank", "period": None,
                                 "years": [], "kind": kind})  # ('A的X，加上B的Y，一共多少': the sum of each's own)
    return _ranking(question, whole, picked, list(r.places), ctx)


# ---- trend -------------------------------------------------------------------------------------------
def _worded_alike(group: list[Indicator], groups: dict[str, list[Indicator]]) -> list[Indicator]:
    """The rows of the other measures that word the group's measure another way (a series still takes them)."""
    lead = group[0].label_zh
    return [x for o in groups.values() if o is not group for x in o if label_similarity(lead, x.label_zh) >= 0.7
            and qualifier_fit(lead, x.label_zh) == 1.0 == qualifier_fit(x.label_zh, lead)]


def _trend(question: str, r: Route, measure: list[Indicator], places: list[str], ctx: Context) -> Answer | None:
    lang = r.language
    kinds = WANTED.get(r.kind, WANTED["actual"])
    label = _label(measure, lang)
    cited: list[Indicator] = []
    text, caveats = "", list[str]()
    for place in places[:6]:
        rows = _usable([x for x in measure if x.street == place], kinds, r)
        if r.years:  # '2022年到2024年': the years between belong to the series too
            rows = [x for x in rows if x.period[:4].isdigit() and min(r.years) <= int(x.period[:4]) <= max(r.years)]
        groups: dict[str, list[Indicator]] = {}
        for x in rows:
            groups.setdefault(measure_of(x), []).append(x)
        main = rows
        if len(groups) > 1:  # one measure per series: a village's figure one year is no total the next
            # the most years, with its other wordings; of series as long, the one whose qualifiers the question says
            # ('村集体经营性收入' worded two ways over '村均…', when the question names no 村均), then the one worded alike
            alike = {id(g): _worded_alike(g, groups) for g in groups.values()}  # (read once per measure)
            main = max(groups.values(), key=lambda g: (
                len({x.period for x in g + alike[id(g)]}),
                qualifier_fit(r.phrase, g[0].label_zh) if lang == "zh" else 0.0, len({x.period for x in g})))
            rows = main + alike[id(main)]
            if len(places) == 1:
                label = _label(main, lang)  # the series' own name, not the best match's other wording
        series: dict[str, Indicator] = {}
        own = {id(x) for x in main}  # another wording fills a year the main one lacks, never takes one it has
        lead = main[0].label_zh if main else ""
        # (of other wordings for one year, the one that opens as the main one does: '春茶产量' for '春茶干茶产量', never
        # the whole '干茶产量')
        for x in sorted(rows, key=lambda x: (id(x) not in own, kinds.index(x.kind),
                                             -len(os.path.commonprefix([lead, x.label_zh])))):
            series.setdefault(x.period, x)
        if not series:
            continue
        points = [series[p] for p in sorted(series, key=period_key)]
        if any(is_full_year(p.period) for p in points):
            # half-years and 1-N月 are kept only when they are the latest point (a year in progress)
            # …or when they are all a year-end report has for its year ('1-11月' in a report written in December)
            last_full = max(period_key(p.period) for p in points if is_full_year(p.period))
            full_years = {p.period for p in points if is_full_year(p.period)}
            points = [p for p in points if is_full_year(p.period) or period_key(p.period) > last_full
                      or p.period[:4] not in full_years and period_key(p.period)[2] >= _YEAR_END_MONTHS]
        line = msg("trend_head", lang, place=_place(place, lang), label=label)
        parts = []
        prev: Indicator | None = None
        for p in points:
            cited.append(p)
            part = msg("trend_point", lang, period=_period(p.period, lang), figure=_fig_value(p, lang), n=len(cited))
            if prev is not None:
                part += _change(prev, p, lang, caveats)
            parts.append(part)
            prev = p
        line += (";" if lang == "zh" else "; ").join(parts) + ("。" if lang == "zh" else ". ")
        if len(points) == 1:
            growth = [x for x in measure if x.street == place and x.kind == "yoy_growth"
                      and x.period == points[0].period]
            if growth:
                cited.append(growth[0])
                line += msg("trend_reported_growth", lang, verb=_verb(growth[0], lang),
                            figure=_figure(growth[0], lang, absolute=True), n=len(cited))
            else:
                line += msg("trend_one", lang)
        text += line
    if not cited:
        return None
    if len({c.street for c in cited}) == 1 and len(cited) >= 2:  # one place: the change asked for comes first
        a, b = cited[0], cited[-1]
        if len(r.years) == 2:
            a = next((c for c in cited if c.period[:4] == str(min(r.years))), a)
            b = next((c for c in reversed(cited) if c.period[:4] == str(max(r.years))), b)
        d = _delta(a, b, lang) if a is not b and a.kind == b.kind != "yoy_growth" or (
            a is not b and {a.kind, b.kind} <= set(_LEVEL)) else None
        if d is not None:
            if _estimated(b) or _estimated(a):
                d["pct"] += ("," if lang == "zh" else ", ") + msg("kind_estimate", lang)
            text = msg("trend_headline", lang, place=_place(a.street, lang), label=label, **d) + _sep(
                "x", lang) + text
        levels = [c for c in cited if c.kind in _LEVEL]
        which = WHICH_YEAR.search(question)
        if which and len({c.period for c in levels}) >= 2:  # '哪一年更多': the year first, then the series
            low = bool(re.search(r"少|低|小|fewer|less|least|lower|lowest|smaller|smallest", which.group(0)))
            top = (min if low else max)(levels, key=lambda c: c.normalized_value)
            which_key = ("which_low" if low else "which_high") if len(levels) == 2 else (
                "which_lowest" if low else "which_highest")
            other = next((c for c in levels if c.period != top.period), None) if len(levels) == 2 else None
            gap = _delta(other, top, lang) if other is not None and _DIFF_ASKED.search(question) else None
            year = {"place": _place(top.street, lang), "label": label, "period": _period(top.period, lang),
                    "which": msg(which_key, lang), "figure": _fig_value(top, lang), "n": cited.index(top) + 1}
            if gap is not None:  # '哪一年更高？高多少？': the year, its figure and the gap, in one sentence
                more = ("少" if low else "多") if lang == "zh" else ("less" if low else "more")
                head = msg("trend_top_year_gap", lang, **year, other=gap["prev"], more=more, delta=gap["delta"])
            else:
                head = msg("trend_top_year", lang, **year)
            text = head + _sep("x", lang) + text
    caveats += _notes(cited, lang)
    table = [_row(None, i, lang, n) for n, i in enumerate(cited, start=1)]
    if len({c.period for c in cited if c.kind in _LEVEL}) <= 1 and not any(c.kind == "yoy_growth" for c in cited):
        # a change asked, one period reported: say what is there, but it does not answer the question
        one = msg("trend_one", lang)
        if _value_asked_first(question):
            # '2023年计划要完成几处…？2022年总结里有没有可对照的完成数？': the figure asked first, then that the other
            # period has none to set against it
            return _answer(question, r, text.replace(one, "").strip() + _sep("x", lang) + one, cited, table=table,
                           caveats=caveats)
        return _answer(question, r, one + _sep("x", lang) + text.replace(one, "").strip(), cited, table=table,
                       caveats=caveats, route="abstain")
    return _answer(question, r, text.strip(), cited, table=table, caveats=caveats)


def _value_asked_first(question: str) -> bool:
    """The question asks one figure first, then whether another period has one to compare ('…要完成几处？2022年总结
    里有没有可对照的完成数？', '… how many does it aim to finish, and is there a 2022 result to set against it?')."""
    first = re.split(r"[？?]|,\s*and\s+(?:is|was|are|how)\b", question, maxsplit=1)
    return len(first) == 2 and bool(first[1].strip()) and bool(NUMBER_QUESTION.search(first[0])) \
        and not ASKS_CHANGE.search(first[0]) and not re.search(r"[比较]|相比|\b(?:than|compared)\b", first[0]) \
        and bool(re.search(r"有没有|是否|高还是低|多还是少|\bis there\b|\bcompare\b|\bset against\b", first[1], re.I))


def _fig_value(i: Indicator, lang: str) -> str:
    fig = _figure(i, lang, absolute=i.kind in _SIGNED)
    if i.kind in _SIGNED:
        return _verb(i, lang) + ("" if lang == "zh" else " ") + fig
    if _estimated(i):
        return msg("kind_estimate", lang) + ("" if lang == "zh" else " ") + fig
    return fig


def _delta(a: Indicator, b: Indicator, lang: str) -> dict[str, str] | None:
    """Absolute and % change from a to b, in b's unit, computed here (never a figure of the report); None when
    the two are not comparable (other unit, a full year against part of one)."""
    if a.normalized_unit != b.normalized_unit or not _same_span(a, b):
        return None
    delta_norm = b.normalized_value - a.normalized_value
    delta = abs(round(_in_unit_of(delta_norm, b), 4))
    pct = (delta_norm / a.normalized_value * 100) if a.normalized_value else None
    shown = format_zh(delta, b.unit) if lang == "zh" else f"{format_en(delta, b.unit)} ({format_zh(delta, b.unit)})"
    return {"prev": _period(a.period, lang), "later": _period(b.period, lang),
            "direction": msg("up" if delta_norm >= 0 else "down", lang), "delta": shown,
            "pct": f"{pct:+.1f}%" if pct is not None else "n/a"}


_STOCK_UNITS = ("家", "户", "个")  # what a count of standing things is said in ('规上工业企业达41家')
_FLOW_LABEL = re.compile(r"^(?:新增|新建|新开|新引进|引进|招引|培训|开展|举办|接待|办理|受理|完成|实施|建成|改造|落地|签约)")


def _same_span(a: Indicator, b: Indicator) -> bool:
    """Two figures a change can be computed between: both full years or both part of one, or a count of standing
    things (or a rate) through October or later against a year-end one ('1-11月…规上企业37家' then 41家)."""
    if is_full_year(a.period) == is_full_year(b.period):
        return True
    part = b if is_full_year(a.period) else a
    if period_key(part.period)[2] < _YEAR_END_MONTHS or part.kind not in _LEVEL:
        return False
    return part.unit == "%" or part.unit in _STOCK_UNITS and not _FLOW_LABEL.match(part.label_zh)


def _change(a: Indicator, b: Indicator, lang: str, caveats: list[str]) -> str:
    d = _delta(a, b, lang)
    if d is None:
        caveats.append(msg("trend_not_comparable", lang, a=_period(a.period, lang), b=_period(b.period, lang)))
        return ""
    return msg("trend_change", lang, **{k: v for k, v in d.items() if k != "later"})
