"""Questions that ask for a place's position ('…在全县排名第几？', 'what rank …'): answered from the sentence that
states it ('…增速排名全县第2'), cited; declined when no stated position matches the question's subject.

Positions are not figures of the figure table (a rank is not an amount), so they are read from the retrieved
passages of the one place asked, never from another place's report.
"""

from __future__ import annotations

import re

from rag.answer.passages import Context, focus_terms, passage_filters
from rag.answer.router import Route
from rag.figures.lexicon import BY_KEY, TERMS
from rag.figures.match import abbreviated, english_coverage, english_to_zh, terms_named
from rag.schemas import Answer, Citation
from rag.text.cues import ASKS_RANK, BARE_OPEN, STATED_RANK, stated_position
from rag.text.messages import msg
from rag.text.names import place_en
from rag.text.script import simplified
from rag.text.words import tagged

_RANK_WORDS = re.compile(r"排名|排位|排序|名次|第几|位次|名列|位列|位居|排|名|位")
_LEAD = " \t\u3000，,、；;：:"
_CLAUSE = re.compile(r"[，,；;]")
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?!\d)")
_MIN_COVER = 0.6  # share of the question's subject words the stated position's sentence must hold
_MIN_COVER_EN = 0.5  # English words reach the Chinese through glosses, some only part of a word


# Words that name the ranking's scope or its wording, not what is ranked: '在甘州区乡镇里排第几', '在神木市…考核中排'
# (the report says 全区18个乡镇, 全市): a county named, the peers, and the verb glued to a particle (里排, 中排)
_SCOPE_TERM = re.compile(r"[省市县区旗]里?$|^(?:乡镇|镇街|街道|全区|全县|全市|全镇|各街道|各镇)$|排第?$|^几[位名个]?$|"
                         r"^(?:多大|多少|规模|总量|体量)$")  # (a size asked names no measure: '社零规模名列第几')


# The scope a position is asked in ('在全区排第几', 'among companies in the district') and stated in ('全市第一').
_ASKED_SCOPE = (("区", r"全区|区内|\b(?:in|across|of) the district\b|\bdistrict-wide\b"),
                ("市", r"全市|市内|\b(?:in|across|of) the city\b|\bcity-wide\b"),
                ("县", r"全县|县内|\b(?:in|across|of) the county\b|\bcounty-wide\b"),
                ("省", r"全省|省内|\b(?:in|across|of) the province\b|\bprovince-wide\b"))
_STATED_SCOPE = re.compile(r"(?:全|本)([区市县省])|([区市县省])内")


def _clause_end(text: str, at: int) -> int:
    """Where the clause going on at `at` ends (its comma, or the text's end)."""
    m = _COMMA.search(text, at)
    return m.start() if m else len(text)


def _cover(terms: list[str], text: str) -> float:
    """Share of the terms the text holds, long forms read as their usual short forms (限额以上 = 限上)."""
    short = abbreviated(text)
    grows = bool(_GROWTH_WORDS.search(text))  # '增速排第几' over '同比增长6.3%,居全区第3位': one growth, two words
    return sum(1 for t in terms if t in text or t in short or grows and _GROWTH_WORDS.fullmatch(t)
               or _same_measure(t, text) or t == "财政收入" and _REVENUE_WRITTEN.search(text)
               or _ASSESSED.fullmatch(t) and _ASSESSED_WRITTEN.search(text)) / len(terms) \
        if terms else 0.0


# an assessment asked ('就…年度考核而言', '综合考核中得了第几名') and how a report states its result ('综合成绩…第6名')
_ASSESSED = re.compile(r"(?:年度)?(?:综合)?(?:考核|考评|评比|测评)(?:成绩|结果)?")
_ASSESSED_WRITTEN = re.compile(r"考核|考评|评比|测评|成绩|得分|评价|综合")
# what a question's plain '财政收入' is when a report ranks it under its budget name ('一般公共预算收入…增速居全县第2位')
_REVENUE_WRITTEN = re.compile(r"一般公共预算收入|公共财政(?:预算)?收入|财政总收入|地方财政收入|全口径财政收入")


def _same_measure(term: str, text: str) -> bool:
    """The term is a lexicon measure's wording and the text writes that measure its own way ('经济总量' and
    地区生产总值)."""
    return any(BY_KEY[k].regex.search(text) for k in terms_named(term))


_COMMA = re.compile(r"[,，;；]")
_NOT_RANKED = re.compile(r"^(?:当中|之中|里面|里头|[一二三四]?季度|三季度|前?三季|半年|上半年|下半年|名次|去年|今年|上年|当年|前年|放在|排到|排在|排进|"
                         r"[镇乡街]里|[一二三四五六七八九十]{1,2}个月|个月|处在|处于|位置|而言|来说|方面|取得|获得|拿到|拿了|得到)$")
# ('放在全县各乡镇里', '在12个镇街里排到了第几位', '前十个月…处在什么位置', '就…而言', '取得了第几名': where, when
# and how, no measure)
_GROWTH_WORDS = re.compile(r"增速|增幅|增长|\bgrowth\b|\bgrew\b|\bgrowing\b", re.I)
_TOTAL_WORDS = re.compile(r"总量|总额|规模|\btotal\b|\bvolume\b", re.I)
# '投资额在全县排第几' is not '完成率排名全县第2': the amount's position, not the share of the task done
_AMOUNT_WORDS = re.compile(r"投资额|金额|总额|总量|\bamount\b|\boutlay\b", re.I)
_DONE_WORDS = re.compile(r"完成率|完成进度|任务完成|\bcompletion\b", re.I)


def _contrast(question: str, stated: str) -> int:
    """1 when the position states the other of growth and total: '增速排第几' is not '总量居第6位'."""
    for asked, other in ((_GROWTH_WORDS, _TOTAL_WORDS), (_TOTAL_WORDS, _GROWTH_WORDS), (_AMOUNT_WORDS, _DONE_WORDS)):
        if asked.search(question) and not other.search(question) and other.search(stated) and not asked.search(stated):
            return 1
    return 0


def _covers(ctx: Context, report_id: str, years: set[str]) -> bool:
    """The report reviews one of the years asked."""
    meta = next((m for m in ctx.reports if m.report_id == report_id), None)
    return meta is None or (meta.period_covered or "")[:4] in years


def asks_rank(question: str) -> bool:
    return bool(ASKS_RANK.search(question))


_RUN_IN = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?\s*([^。！？\n]{2,24})[。！？]")
_PLACINGS_ASKED = re.compile(r"\bhow many times\b|几次|多少次", re.I)  # a count of placings, no position
_HEADING_MAX = 24  # a run-in heading short enough to name its section's one topic
_HEADING_COST = 0.05  # …read with the sentence, a little below the sentence naming it itself


def _full_name(term: str) -> str:
    """A lexicon indicator's report name for a short name of it ('固投' → 固定资产投资); else the term."""
    named = next((t for t in TERMS if t.regex.fullmatch(term)), None)
    return named.zh if named is not None and len(named.zh) > len(term) else term


def rank_answer(question: str, r: Route, ctx: Context) -> Answer | None:
    """The stated position of the one place asked; None when the question names no single place."""
    if len(r.places) != 1:
        return None
    place, lang = r.places[0], r.language
    terms = [t for t in focus_terms(question, r) if not _RANK_WORDS.fullmatch(t) and not re.fullmatch(r"\d+", t)
             and not _SCOPE_TERM.search(t) and not re.search(rf"{re.escape(t)}[省市县区旗]", question)
             and not _NOT_RANKED.search(t)]  # ('在全县21个乡镇当中，…前三季度…': the peers and the period)
    counties = {re.sub(r"(?<=..)(?:自治县|县|区|市|旗)$", "", m.district or "") for m in ctx.reports if m.street == place}
    terms = [_full_name(t) for t in terms if t not in counties]  # ('溪北柘川街道': the district, no measure; 固投 is written
    # 固定资产投资)
    terms = ["生产总值" if t.lower() == "gdp" else re.sub(r"(?<=..)[在的]$", "", t) for t in terms]  # reports write
    # GDP out (地区生产总值); '社零在全区…' leaves 在 on the word before it
    terms = [t for t in dict.fromkeys(terms) if not any(t != u and t in u for u in terms)]  # '经济' in '经济总量'

    drop = [*re.findall(r"[a-z]+", place_en(place).lower()), *re.findall(r"\b(?:19|20)\d\d\b", question),
            "rank", "ranked", "ranking", "position", "place", "placed", "where", "among", "within", "stand", "stood",
            "hold", "held", "holds", "growth",  # (growth against total is read by `_contrast`)
            "take", "took", "taken", "come", "came", "finish", "finished", "league", "table", "tables", "which",
            "district", "districts", "county", "city", "sub-districts", "subdistricts", "towns", "townships",
            # when and in what unit ('by the end of November', 'above 5 million yuan'): no part of what is ranked
            "end", "start", "beginning", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "million", "billion", "yuan", "rmb", "cny",
            # other proper names ('among Shunde's towns'): the peers' county, no part of what is ranked
            *(w.lower() for w in re.findall(r"(?<=\s)([A-Z][a-z]+)(?:'s|’s)?\b", question))]
    asked_scope = next((c for c, p in _ASKED_SCOPE if re.search(p, question, re.I)), None)
    # 'for its share of good-air days (空气优良率)': the Chinese an English question gives names what is ranked
    glosses = [t for t in re.findall(r"[\u4e00-\u9fff]{2,}", question) if lang == "en" and t not in place
               and not re.search(r"[省市县区旗]$|排名|名次|排位", t)]  # ('district rank (全区排名)': the rank, no measure)
    if glosses:  # each word of a long gloss ('电动自行车上牌' is said as '电动自行车…上牌')
        terms = [w for g in glosses for w in ([x for x, _ in tagged(g) if len(x) >= 2] if len(g) > 4 else [g])]
    by_terms = lang == "zh" or bool(glosses)  # Chinese words to find, else English words read through glosses
    best: tuple[float, int, Citation, int] | None = None
    review = passage_filters(r.model_copy(update={"kind": "actual"}), None)  # '目标考核' asks no plan figure
    asked_years = {str(y) for y in r.years}
    # the lexicon's full names of the measures asked ('社零' is written 社会消费品零售总额), so the search finds them
    full = [BY_KEY[k].zh for k in r.keys if k in BY_KEY]
    query = " ".join([question, *full]) if lang == "zh" else " ".join([place, *english_to_zh(question), *full])
    hits = ctx.search(query, 8, review, False)
    if lang == "zh":  # ...and by the subject's words alone, which a question's other words ('增速多少？') can crowd out
        seen = {(h.chunk.report_id, h.chunk.start) for h in hits}
        hits += [h for h in ctx.search(" ".join([place, *terms, *full]), 8, review, False)
                 if (h.chunk.report_id, h.chunk.start) not in seen]
    for n, hit in enumerate(hits):
        if hit.chunk.street != place:
            continue
        # '2023年…排第几': a position the 2024 report states is not 2023's, unless its sentence names the year
        # ('在全市2022年度考核中位列第3名' in the review of 2023)
        other_year = bool(asked_years) and not _covers(ctx, hit.chunk.report_id, asked_years)
        raw = hit.chunk.text
        text = simplified(raw)
        after = 0  # a sentence stating two positions: each one's subject starts after the one before
        subject = ""  # ...but the sentence's subject before its first position names both ('产值总量居第6位,增速居第3位')
        for m in STATED_RANK.finditer(text):
            ends = [b.end() for b in _SENTENCE_END.finditer(text, 0, m.start())]
            sentence_start = ends[-1] if ends else 0
            start = max(after, sentence_start)
            if after <= sentence_start:
                subject = text[sentence_start : m.start()]
                if text[sentence_start - 1 : sentence_start] == "。" and BARE_OPEN.match(text, sentence_start):
                    # '——全年税收预期目标增长5%。上半年完成2.4亿元，…增幅排名全区第6': the line names the measure
                    line = text.rfind("\n", 0, sentence_start) + 1
                    subject = text[max(line, ends[-2] if len(ends) >= 2 else 0) : m.start()]
            after = m.end()
            if other_year and not any(y in text[sentence_start : m.end()] for y in asked_years):
                continue
            stated = {a or b for a, b in _STATED_SCOPE.findall(m.group(0))}
            if asked_scope and stated and asked_scope not in stated:
                continue  # 'in the district' asked, '全市第一家…基金' stated: another ranking
            window = text[start : m.end()]
            scope = window if start == sentence_start else subject + window
            ranked_after = m.group(0).endswith("大")  # '全县第三大、本镇第一大企业某某集团': what is ranked follows
            if ranked_after:
                following = text[m.end() : _clause_end(text, m.end())]
                firm = following[: max(following.find("企业"), 0) + 8]  # the firm named right after '第N大(企业)'
                if not any(t in firm for t in (glosses if lang == "en" else terms)
                           if not re.fullmatch(r"企业|单位|公司|数量|个数|家数", t)):  # (a generic word names no firm)
                    continue  # '第一大企业某某集团…实现产值…' ranks the firm, never the output asked of the place
                scope += following
            cover = _cover(terms, scope) if by_terms else english_coverage(question, scope, drop)
            para = text[text.rfind("\n", 0, sentence_start) + 1 : sentence_start]
            opener = _RUN_IN.match(para)  # the paragraph's run-in heading, else the chunk's section's
            heading = opener.group(1) if opener else simplified((hit.chunk.section or "").split(" > ")[-1])
            if cover < (_MIN_COVER if by_terms else _MIN_COVER_EN) and 0 < len(heading) <= _HEADING_MAX \
                    and not _PLACINGS_ASKED.search(question):  # ('how many times in the top ten': no one position)
                # '（二）某项工作提质增效。…综合排名全区18个街镇第7位': the section's heading names what is ranked
                cover = (_cover(terms, heading + scope) if by_terms else english_coverage(question, heading + scope, drop)) \
                    - _HEADING_COST
            commas = [c.end() for c in _COMMA.finditer(text, start, m.start())]
            # the clause that states the position says whether it ranks the growth or the total
            cover -= 0.5 * _contrast(question, text[commas[-1] if commas else start : m.end()])
            if cover < (_MIN_COVER if by_terms else _MIN_COVER_EN) or (best is not None and cover <= best[0]):
                continue
            for cut in [start + x.end() for x in _CLAUSE.finditer(window)]:  # the shortest span saying as much
                part = text[cut : m.end()] if scope is window else subject + text[cut : m.end()]
                if (_cover(terms, part) if by_terms else english_coverage(question, part, drop)) < cover:
                    break
                start = cut
            end = m.end()
            if ranked_after:  # the position and the thing it ranks, as the report puts them
                start, end = m.start(), _clause_end(text, m.end())
            span = raw[start:end]
            quote = span.lstrip(_LEAD)
            lead = len(span) - len(quote)
            cite = Citation(n=1, report_id=hit.chunk.report_id, street=place, section=hit.chunk.section, quote=quote,
                            start=hit.chunk.start + start + lead, end=hit.chunk.start + end)
            best = (cover, n, cite, stated_position(m))
    if best is None:
        shown = place if lang == "zh" else place_en(place)
        text = msg("rank_not_stated", lang, place=shown, terms="、".join(terms) or question)
        return Answer(question=question, text=text, language=lang, route="abstain", mode="offline",
                      searched=terms, intent=r.model_dump())
    _, _, cite, position = best
    text = msg("rank_stated", lang, place=place if lang == "zh" else place_en(place), quote=cite.quote,
               position=_ordinal(position))
    return Answer(question=question, text=text, language=lang, route="indicator", mode="offline",
                  citations=[cite], intent=r.model_dump())


def _ordinal(n: int) -> str:
    """2 -> '2nd', 11 -> '11th', 23 -> '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
