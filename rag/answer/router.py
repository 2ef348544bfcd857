"""Question routing: intent (rank / aggregate / trend / lookup / open), indicator phrase, places, period, kind.

The Route is what the answerers and follow-up questions work from:
- ``phrase``: the question's indicator words (question minus place, period, question words and kind words);
- ``places`` (names the corpus has) and ``unknown_places`` (a place named in the question that the corpus does
  not have: the scope guard declines rather than answer from another place's report);
- ``period``: a period code when the question names one ("2022", "2024H1", "2024M01-M06"; "H1" or "M01-M06"
  when no year is named);
- ``kind`` asked: actual | estimate | target | yoy_growth | completion_rate | share | any.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from rag.figures.lexicon import EN_PATTERNS, terms_for_question
from rag.schemas import ReportMeta
from rag.text.cues import QUESTION_TARGET
from rag.text.names import romanize

Intent = Literal["rank", "aggregate", "trend", "lookup", "open"]
AskedKind = Literal["actual", "estimate", "target", "yoy_growth", "completion_rate", "share", "any"]

_RANK_ZH = re.compile(r"哪个|哪一个|哪些|哪家|谁的|最多|最高|最大|最少|最低|最小|排名|排序|排行|对比|比较|相比|各街道|各个街道|各镇|"
                      r"分别是多少")
_RANK_EN = re.compile(r"\b(which|highest|most|largest|biggest|lowest|least|smallest|fewest|rank|ranking|compare|"
                      r"comparison)\b", re.I)
_ASC = re.compile(r"最少|最低|最小|\b(lowest|least|smallest|fewest)\b", re.I)
_AGG = re.compile(r"合计|总共|总计|加起来|一共|\b(sum|combined|altogether|in total)\b", re.I)
_TREND = re.compile(r"近[两三四五二]年|近几年|历年|逐年|变化|趋势|走势|比上年|较上年|与上年相比|和上年相比|从20\d\d年?(?:到|至)20\d\d|"
                    r"\b(trend|over the years|over time|compared (?:with|to) (?:the )?(?:last|previous) year|"
                    r"change[ds]? (?:from|between|since)|from 20\d\d to 20\d\d|year by year|past (?:two|three|few) "
                    r"years)\b", re.I)
_GROWTH = re.compile(r"同比|增长|增幅|增速|下降|降幅|比增|\b(growth|grow|grew|increase[ds]?|decrease[ds]?|yoy|"
                     r"year-on-year|growth rate)\b", re.I)
_COMPLETION = re.compile(r"完成率|办结率|完成比例|完成.{0,6}(?:计划|目标|任务)的?(?:百分之|多少|几)|"
                         r"\b(completion rate|share of the (?:annual )?(?:task|plan|target))\b", re.I)
_SHARE = re.compile(r"占比|比重|占全[区市县]|\b(share of|proportion)\b", re.I)
_ESTIMATE = re.compile(r"预计|预估|初步统计|\b(estimated?|expected)\b", re.I)
_NUMBER_Q = re.compile(r"多少|几[个家项所宗座名件起]|是多少|有多少|规模|数量|情况|多大|几成|百分之几|\b(how (?:much|many)|what (?:was|is|were|are)|"
                       r"figure|amount|number of|total|value)\b", re.I)
_YEAR = re.compile(r"(20[0-4]\d)\s*年?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FOLLOW_UP = re.compile(r"^(那|那么|还有|另外|and|what about|how about)|呢[？?]?$", re.I)

# A place-like name: a short run of CJK characters before a township-level suffix.
_PLACE_SUFFIX = r"(?:街道办事处|街道办|街道|办事处|管委会|镇|乡)"
_PLACE_LIKE = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?){_PLACE_SUFFIX}(?![村镇街化区])")
_COUNTY_LIKE = re.compile(r"([\u4e00-\u9fff]{2,4}?(?:区|县|市|旗))(?=[\u4e00-\u9fff]{2,6}" + _PLACE_SUFFIX + ")")
_EN_PLACE = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:'s)? (?:Town(?:ship)?|Sub-?[Dd]istrict|Street|Township)\b")
# Words that are never part of a place name: cut a place candidate after the last of them.
_NOT_NAME = re.compile(r".*(?:年|月|底|的|在|和|与|及|请问|问|是|了|各|个|哪|全|本|该|这|那|上半|下半|乡村|城镇|小城|根据|按照|对比|关于)")
# Suffixes that make something look like a place but are ordinary words (城镇化, 乡村振兴 …).
_NOT_PLACE = re.compile(r"^(?:城|乡|村|集|小|市|重|特色|中心|建制|全)$")

# Period words (the question's period is removed from the phrase).
_PERIOD_WORDS = re.compile(
    r"(?:20[0-4]\d\s*年?(?:度)?)|上半年|下半年|前三季度|一季度|第一季度|全年|年度|今年|去年|上年|近[两三四五二]年|近几年|历年|"
    r"\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月(?:份)?|截至\d{1,2}月底?|\d{1,2}月(?:底|末|份)?")
_KIND_WORDS = re.compile(
    r"同比|增长率|增长|增幅|增速|比增|下降|降幅|完成率|完成年度计划|完成情况|完成|实现|目标|计划|预计|预估|初步统计|力争|占比|比重|累计|"
    r"总量|数值|数据|变化|趋势|走势|情况")
_Q_WORDS = re.compile(
    r"是多少|有多少|多少[个家项宗名件座户人所条次亩吨]?|几[个家项宗名件座户所条]|几成|百分之几|是什么|什么|怎么样|如何|哪个|哪一个|哪些|哪家|谁的|最多|最高|最大|最少|最低|最小|排名|"
    r"排序|排行|对比|比较|相比|分别|合计|总共|总计|加起来|一共|各街道|各个街道|各镇|各地|请问|报告|达到|达|为|是|了|吗|呢|的|有|与|和|"
    r"及|从|到|至|比上年|较上年|上年|^那么|^那|^还有|^另外|[？?。,，、!！:：;；\s]")
_EN_STOP = {
    "how", "much", "many", "what", "was", "were", "is", "are", "the", "a", "an", "of", "in", "for", "did", "does",
    "do", "by", "to", "and", "its", "it", "has", "have", "had", "which", "highest", "most", "largest", "biggest",
    "lowest", "least", "smallest", "fewest", "rank", "ranking", "compare", "comparison", "total", "sum",
    "combined", "altogether", "year", "years", "half", "first", "second", "h1", "h2", "growth", "grow", "grew",
    "increase", "increased", "decrease", "yoy", "year-on-year", "rate", "target", "plan", "planned", "goal",
    "estimated", "estimate", "expected", "trend", "over", "from", "between", "since", "change", "changed",
    "subdistrict", "town", "township", "street", "report", "reported", "reports", "figure", "amount", "number",
    "value", "last", "previous", "past", "two", "three", "few", "compared", "with", "on", "at", "this", "that",
    "there", "be", "been", "get", "got", "reach", "reached", "achieve", "achieved", "level", "whose", "who", "share", "completion", "cumulative", "time", "s", "all", "each", "every", "across", "place",
    "places", "district", "percent", "percentage", "than",
}


class Route(BaseModel):
    """What the router understood; reused by follow-up questions."""

    intent: Intent = "open"
    phrase: str = Field("", description="The question's indicator words (zh), or the English phrase.")
    keys: list[str] = Field(default_factory=list, description="Lexicon keys, most specific first.")
    kind: AskedKind = "actual"
    places: list[str] = Field(default_factory=list, description="Known places named in the question.")
    unknown_places: list[str] = Field(default_factory=list, description="Places named but absent from the corpus.")
    years: list[int] = Field(default_factory=list)
    period: str | None = Field(None, description="'2023', '2024H1', '2024M01-M06', or 'H1'/'M01-M06' without year.")
    parts: list[str] = Field(default_factory=list)
    ascending: bool = False
    also_growth: bool = Field(False, description="'…是多少？同比增长多少？' asks for the figure and its growth.")
    also_kind: AskedKind | None = Field(None, description="A second kind asked after the level (growth, rate, target).")
    unit_hint: str | None = Field(None, description="Normalised unit the question asks for (CNY, count, m2).")
    districts: list[str] = Field(default_factory=list, description="County/district named before a place.")
    period_inherited: bool = Field(False, description="The period came from the previous question.")
    language: Literal["zh", "en"] = "zh"

    @property
    def streets(self) -> list[str]:
        """Backwards-compatible name of `places`."""
        return self.places


def language_of(text: str) -> Literal["zh", "en"]:
    """'zh' when the text is mostly Chinese characters, else 'en'."""
    letters = [c for c in text if c.isalpha()]
    cjk = sum(1 for c in letters if _CJK.match(c))
    return "zh" if letters and cjk / len(letters) >= 0.3 else "en"


def route(question: str, known: Sequence[str] | Sequence[ReportMeta], previous: Route | None = None) -> Route:
    """Understand a question; a follow-up without its own indicator, place or period inherits them."""
    metas = [m for m in known if isinstance(m, ReportMeta)]
    names = sorted({m.street for m in metas if m.street} | {k for k in known if isinstance(k, str)})
    lang = language_of(question)
    places, unknown, spans, districts = resolve_places(question, names, metas)
    years = sorted({int(y) for y in _YEAR.findall(question)})
    trend = bool(_TREND.search(question)) or (len(years) >= 2 and not _RANK_ZH.search(question))
    if trend and len(years) <= 1 and re.search(r"同比|year[- ]on[- ]year", question, re.I):
        trend = False  # '2022年…同比变化了多少' asks for the reported growth rate
    period = None if trend else period_of(question, years)
    kind = kind_asked(question)
    phrase = indicator_phrase(question, spans, lang)
    keys = [t.key for t in terms_for_question(question)] if lang == "zh" else (
        _en_keys(question) or [t.key for t in terms_for_question(question)])
    ranking = bool(_RANK_ZH.search(question) or _RANK_EN.search(question))
    intent: Intent
    if _AGG.search(question):
        intent = "aggregate"
    elif trend:
        intent = "trend"
    elif ranking and len(places) != 1:
        intent = "rank"
    elif phrase or keys:
        intent = "lookup" if (_NUMBER_Q.search(question) or keys or kind != "actual") else "open"
    else:
        intent = "open"
    kind, also_kind = _two_asks(question, kind)
    r = Route(intent=intent, phrase=phrase, keys=keys, kind=kind, places=places, unknown_places=unknown,
              years=years, period=period, parts=["plan"] if kind == "target" else [],
              ascending=bool(_ASC.search(question)), also_growth=also_kind == "yoy_growth", also_kind=also_kind,
              unit_hint=unit_hint(question), districts=districts, language=lang)
    return _inherit(r, previous, question) if previous else r


def _inherit(r: Route, prev: Route, question: str) -> Route:
    """A follow-up ('那2022年呢？', '观湖街道呢', '同比增长多少？') reuses what it does not say itself."""
    own_indicator = bool(r.phrase or r.keys)
    short = len(question) < 16 or bool(_FOLLOW_UP.search(question.strip()))
    if own_indicator and not short:
        return r
    update: dict[str, object] = {}
    if not own_indicator:
        update |= {"phrase": prev.phrase, "keys": prev.keys}
        if r.kind == "actual" and not _ESTIMATE.search(question):
            update["kind"] = prev.kind
        if r.intent == "open":
            update["intent"] = prev.intent if prev.intent != "open" else "lookup"
    if not r.places and not r.unknown_places:
        update |= {"places": prev.places, "districts": prev.districts}
    if r.period is None and not r.years and r.intent != "trend":
        update |= {"period": prev.period, "years": prev.years,
                   "period_inherited": bool(prev.period or prev.years) or prev.period_inherited}
    if r.places and not prev.places and update.get("intent") == "rank":
        update["intent"] = "lookup"
    if update.get("intent") == "trend" and (r.period or r.years) and r.intent != "trend":
        update["intent"] = "lookup"
    return r.model_copy(update=update)


_SECOND_ASK = re.compile(r"(?:多少|几)[^？?]*[？?，,；;][^？?]*(?:办结率|完成率|增长|增速|增幅|同比|目标|任务)|"
                         r"(?:是多少|完成多少|多少亿|多少万)[^？?]*(?:同比|增长)")
_BOTH_GROWTH = re.compile(r"及增速|和增速|及增幅|及同比|以及增长|\band how (?:fast|much) did (?:it|they) grow\b", re.I)
_EN_TWO = re.compile(r"(?:what (?:was|were)|how (?:much|many))[^?]*\band\b[^?]*(?:grow|growth|target|task)", re.I)


def _two_asks(question: str, kind: AskedKind) -> tuple[AskedKind, AskedKind | None]:
    """'…多少宗？办结率多少？' / 'what was X, and how fast did it grow': the level first, then the other kind."""
    if _BOTH_GROWTH.search(question):
        return "actual", "yoy_growth"
    if kind in ("yoy_growth", "completion_rate", "target") and (_SECOND_ASK.search(question)
                                                               or _EN_TWO.search(question)):
        return "actual", kind
    return kind, None


def unit_hint(question: str) -> str | None:
    """The normalised unit a question asks for, when it says ('多少资金' → CNY, '多少家' → count)."""
    if re.search(r"资金|金额|多少钱|多少万元|多少亿元|\b(how much money|funding|funds)\b", question, re.I):
        return "CNY"
    if re.search(r"(?:总投资|投资额|产值|收入|销售额|营业额|营收)(?:是|为|达到?|有|实现)?多少(?![个家项宗名件座户人所条次])",
                 question):
        return "CNY"
    if re.search(r"多少(?:个|家|项|宗|名|件|座|户|人|所|条|次)|几(?:个|家|项|宗|名|件|座|户|所|条)|\bhow many\b",
                 question, re.I):
        return "count"
    if re.search(r"面积|多少平方米|多少亩|多少公顷", question):
        return "m2"
    return None


# ---- kinds, periods, phrase ----------------------------------------------------------------------
def kind_asked(question: str) -> AskedKind:
    """The kind of figure a question asks for."""
    if re.search(r"(?:目标|任务)约?(?:是|为)?多少", question):
        return "target"
    if _COMPLETION.search(question):
        return "completion_rate"
    if _ESTIMATE.search(question):
        return "estimate"
    if _SHARE.search(question):
        return "share"
    if QUESTION_TARGET.search(question) and not re.search(r"\b(achieved|actual)\b", question, re.I):
        return "target"
    if _GROWTH.search(question) and not re.search(r"多少(个|家|宗|项|座|名|件|起)", question):
        return "yoy_growth"
    if re.search(r"\bhow did\b.*\bchange\b", question, re.I) and len(set(_YEAR.findall(question))) <= 1:
        return "yoy_growth"
    return "actual"


_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}


def period_of(question: str, years: list[int] | None = None) -> str | None:
    """The period a question names, as a code ('2022', '2024H1', '2024M01-M06'); partial codes without a year."""
    years = years if years is not None else sorted({int(y) for y in _YEAR.findall(question)})
    prefix = str(years[-1]) if len(years) == 1 else ""
    if len(years) > 1:
        return None
    months = re.search(r"(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[-—–~至到]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月", question)
    if months:
        a, b = (int(x) if x.isdigit() else _CN_NUM.get(x, 0) for x in months.groups())
        if 1 <= a <= b <= 12:
            if a == 1 and b == 12:
                return prefix or None
            return f"{prefix}M{a:02d}-M{b:02d}"
    upto = re.search(r"截至\s*(\d{1,2})\s*月", question)
    if upto and 1 <= int(upto.group(1)) <= 12:
        return f"{prefix}M01-M{int(upto.group(1)):02d}"
    if re.search(r"上半年|\b(first half|H1)\b", question, re.I):
        return f"{prefix}H1"
    if re.search(r"下半年|\b(second half|H2)\b", question, re.I):
        return f"{prefix}H2"
    if re.search(r"前三季度|\bfirst three quarters\b", question, re.I):
        return f"{prefix}M01-M09"
    if re.search(r"(?:第)?一季度|\bfirst quarter|Q1\b", question, re.I):
        return f"{prefix}M01-M03"
    return prefix or None


def indicator_phrase(question: str, place_spans: list[tuple[int, int]], lang: str) -> str:
    """The question's indicator words: places, periods, question words and kind words removed."""
    text = question
    for start, end in sorted(place_spans, reverse=True):
        text = text[:start] + " " + text[end:]
    if lang == "en":
        text = re.sub(r"20[0-4]\d|[^\w\s.\-']", " ", text)
        words = [w for w in text.split() if w.lower() not in _EN_STOP]
        return " ".join(words)
    text = _PERIOD_WORDS.sub(" ", text)
    text = _KIND_WORDS.sub(" ", text)
    text = _Q_WORDS.sub(" ", text)
    text = re.sub(r"[A-Za-z]+(?![\w.])", lambda m: m.group(0) if m.group(0).upper() in {"GDP", "PM"} else " ", text)
    text = re.sub(r"\s+", "", text)
    return re.sub(r"^(?:街道|镇|乡|社区|各地)+", "", text)


def _en_keys(question: str) -> list[str]:
    return [key for key, pattern in EN_PATTERNS.items() if re.search(pattern, question, re.I)]


# ---- places ----------------------------------------------------------------------------------------
def _short(name: str) -> str:
    return re.sub(rf"{_PLACE_SUFFIX}$", "", name)


def resolve_places(question: str, known: Sequence[str], metas: Sequence[ReportMeta] = ()
                   ) -> tuple[list[str], list[str], list[tuple[int, int]], list[str]]:
    """(known places named, place-like names not in the corpus, spans of every place mention, counties named
    before a known place: '永丰县禾塘镇' → '永丰县').

    A look-alike never matches: '平湖镇' is not '平湖街道', and '增城区新塘镇' is not a 新塘镇 of another county.
    """
    found: list[str] = []
    spans: list[tuple[int, int]] = []
    unknown: list[str] = []
    counties: dict[str, set[str]] = {}
    for meta in metas:
        if meta.street:
            counties.setdefault(meta.street, set()).update(x for x in (meta.district, meta.city) if x)
    qualifiers: list[str] = []
    # 0. full known names verbatim (XX街道, 观湖街道), longest first
    for k in sorted(known, key=len, reverse=True):
        pos = question.find(k)
        if pos >= 0 and not any(s <= pos < e for s, e in spans):
            end = pos + len(k)
            if re.match(_PLACE_SUFFIX, question[end:]) and not _same_place(k + question[end:end + 2], k):
                continue  # 平湖 + 镇 … handled below
            county = _county_before(question, pos)
            if county and counties.get(k) and not any(_same_county(county, c) for c in counties[k]):
                continue
            found.append(k)
            spans.append((pos - len(county or ""), end))
            if county:
                qualifiers.append(county)
    # 1. place-like names with a suffix: each is known (exact name, right county) or unknown
    for m in _PLACE_LIKE.finditer(question):
        if any(s < m.end() and m.start() < e and m.end() <= e for s, e in spans):
            continue
        name = _candidate(m.group(1))
        if name is None:
            continue
        suffix = m.group(0)[len(m.group(1)):]
        inner = re.match(r"([\u4e00-\u9fff]{2,4}?[区县市旗])([\u4e00-\u9fff]{2,})$", name)
        if inner and not any(_same_place(name + suffix, k) for k in known):
            name = inner.group(2)  # '南山县桃溪' + 镇: the county qualifies the place
        full = name + suffix
        start = m.end() - len(full)
        county = _county_before(question, start)
        hits = [k for k in known if _same_place(full, k)]
        if county:
            hits = [k for k in hits if not counties.get(k) or any(_same_county(county, c) for c in counties[k])]
        if hits:
            found.extend(h for h in hits if h not in found)
            if county:
                qualifiers.append(county)
        elif not _NOT_PLACE.match(name) and not re.search(r"[县区市省乡]$", name):
            shown = (county or "") + full
            if shown not in unknown:
                unknown.append(shown)
        spans.append((start - len(county or ""), m.end()))
    # 1b. English place names with a suffix ('Baisha Town', 'Qingshi Sub-district')
    for m in _EN_PLACE.finditer(question):
        hits = [k for k in known if romanize(_short(k)).lower() == m.group(1).replace(" ", "").replace("-", "").lower()]
        if hits:
            found.extend(h for h in hits if h not in found)
        elif m.group(1).lower() not in {"the", "which", "each", "every", "this", "that", "a"}:
            unknown.append(m.group(0))
        spans.append((m.start(), m.end()))
    # 2. short names (观湖) and romanised names (Guanhu), when not followed by another suffix
    for k in known:
        if k in found:
            continue
        short = _short(k)
        if len(short) >= 2:
            for m in re.finditer(re.escape(short), question):
                if any(s <= m.start() < e for s, e in spans):
                    continue
                if re.match(_PLACE_SUFFIX, question[m.end():]):
                    continue  # 平湖镇 when the corpus has 平湖街道: handled above as unknown
                found.append(k)
                spans.append((m.start(), m.end()))
                break
        roman = romanize(short)
        if k not in found and roman and len(roman) > 2:
            rm = re.search(rf"\b{re.escape(roman)}\b", question, re.I)
            if rm:
                found.append(k)
                spans.append((rm.start(), rm.end()))
    return found, unknown, spans, qualifiers


def _candidate(run: str) -> str | None:
    m = _NOT_NAME.match(run)
    name = run[m.end():] if m else run
    name = re.sub(r"^\d+", "", name)
    return name if len(name) >= 2 or (len(name) == 1 and not _NOT_PLACE.match(name)) else None


def _same_place(asked: str, known: str) -> bool:
    if asked == known:
        return True
    a, k = _short(asked), _short(known)
    if a != k:
        return False
    sa, sk = asked[len(a):], known[len(k):]
    street = {"街道", "街道办事处", "街道办", "办事处"}
    return sa in street and sk in street


def _county_before(question: str, start: int) -> str | None:
    m = re.search(r"([\u4e00-\u9fff]{2,6}?(?:区|县|市|旗))$", question[:start])
    if not m:
        return None
    name = _NOT_NAME.sub("", m.group(1))
    name = re.sub(r"^.*[省市](?=[\u4e00-\u9fff]{2,})", "", name)
    return name if len(name) >= 2 else None


def same_county(asked: str, known: str) -> bool:
    """'永丰县' and '江西省永丰县' / '永丰' name the same county."""
    return _same_county(asked, known)


def _same_county(asked: str, known: str) -> bool:
    a, k = re.sub(r"[区县市旗]$", "", asked), re.sub(r"[区县市旗]$", "", known)
    return bool(a) and (a == k or a in k or k in a)


def mentioned_streets(question: str, known: list[str]) -> list[str]:
    """Known places named in the question (full name, short name or romanised name)."""
    return resolve_places(question, known)[0]
