"""The passage route: the best cited sentences from hybrid search, or an honest abstention."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.answer.router import DURATIONS, Route, measure_fits
from rag.figures.lexicon import expand_english
from rag.figures.match import ANIMAL, HERD_WORD, head_noun, thing_held
from rag.schemas import Answer, Citation, Hit, Indicator, ReportMeta
from rag.search.retrieve import Filters
from rag.text.cues import ACTORS_MOVED, AIMED_OR_EXPECTED, QUOTED_COUNTED, YOY
from rag.text.messages import join_list, msg
from rag.text.names import place_en
from rag.text.numbers import scan_quantities
from rag.text.script import simplified

_SENT = re.compile(r"[^。！？；;\n]+[。！？；;]?")
_QWORDS = re.compile(r"是多少|有多少|计划|力争|目标|多少|几[\u4e00-\u9fff]|一共|总共|共计|合计|哪些|哪个|什么|怎么样|如何|情况|分别|各|是|了|的|吗|呢|年度|报告|"
                     r"[？?。,，、\s]|\d{4}年|上半年|下半年|全年|街道")
# 'how many … each … on average', '平均每户几口人': an average, never the total a clause states
AVERAGE_ASKED = re.compile(r"平均每|平均一[个家户人所座栋支]|每[个家户人所座项栋支][^，,。？?]{0,12}?[，,]?平均|\bon average\b|\baverage (?:number|count)\b|"
                           r"\bhow many\b[^?]*\b(?:each|per)\b(?! ?cent)(?! (?:its|the|their|this|that)\b)"
                           r"(?![^?]{0,30}\b(?:more|over|above|at least|less|fewer|under|below)\b)", re.I)  # 'per its review'
# ('how many firms each turned out more than 100 million yuan': a threshold each clears, no average)
_MIN_COVER = 0.5
_GLOSSES_HELD = 0.75  # the cover of an English question's words in a text that holds every Chinese word it gives
_ONE_FIGURE_COVER = 0.75  # a clause that states the asked figure names nearly all of what was asked


@dataclass
class Context:
    """What answerers need from the corpus, injected (no globals)."""

    reports: list[ReportMeta]
    indicators: Callable[[str, str | None], list[Indicator]]  # (key, kind) -> rows
    search: Callable[[str, int, Filters, bool], list[Hit]]  # (query, k, filters, per_report)
    rows: Callable[[str | None], list[Indicator]] | None = None  # place (None = all) -> every figure row
    embed: Callable[[list[str]], list[list[float]]] | None = None  # label embedder for the matcher (optional)


# ---- passage route --------------------------------------------------------------------------------
def passage_answer(question: str, r: Route, ctx: Context, *, filters: Filters | None = None) -> Answer:
    """Extractive: the best number-bearing sentence(s) among the hits, cited; abstain when none is relevant."""
    flt = passage_filters(r, filters)
    hits = ctx.search(question, 6, flt, len(flt.streets) > 1 or not flt.streets and r.intent == "rank")
    focus = focus_terms(question, r)
    cover_of = english_cover(r) if r.language == "en" else None
    listed = list_count_answer(question, r, ctx)
    if listed is not None:
        return listed
    picked = best_sentences(hits, focus, cover_of)
    if not picked:
        return abstain(question, r, focus or [r.phrase or question], ctx, reason="passage")
    citations = [Citation(n=n, report_id=h.chunk.report_id, street=h.chunk.street, section=h.chunk.section,
                          quote=s, start=start, end=start + len(s))
                 for n, (h, s, start) in enumerate(picked, start=1)]
    body = "".join(f"{c.street or ''}:{c.quote}[{c.n}]" + ("" if c.quote.endswith("。") else "。")
                   for c in citations)
    text = body if r.language == "zh" else f"From the report (quoted in Chinese): {body}"
    head = r.phrase[-1:] if r.language == "zh" and r.phrase else ""  # '烟叶税': a clause without 税 states no tax
    named = re.findall(r"[“\"]([^”\"]{1,12})[”\"]", question)  # '“四上”企业': a quoted name the clause must hold
    clause = _one_figure_clause(picked[0][1], focus + ([head] if head else []), cover_of, named)
    if r.kind in ("actual", "cumulative") and clause and AIMED_OR_EXPECTED.search(clause):
        clause = None  # '预计建成后年交易额可达20亿元', '力争突破2.2万元': an aim or an expectation, not a result
    if clause and r.kind in ("yoy_growth", "yoy_change") and not YOY.search(clause):
        clause = None  # '比上年增长了多少' over '投资18.6亿元': a level states no growth
    if clause and r.kind in ("actual", "cumulative") and r.unit_hint != "percent" and YOY.search(clause) \
            and all(q.unit in ("%", "个百分点", "百分点") for q in scan_quantities(clause) if q.unit):
        clause = None  # '当年警情的实际宗数' over '警情同比下降18.5%': a growth states no level
    if clause and AVERAGE_ASKED.search(question) and not re.search(r"均|每", clause):
        clause = None  # '平均每户几口人' over '符合标准9户31人': the total is no average
    herd = HERD_WORD.findall(r.phrase) if r.language == "zh" else []
    stated = [q for q in scan_quantities(clause) if q.unit] if clause else []
    if stated and r.measure_word and r.measure_word not in DURATIONS and not measure_fits(r.measure_word,
                                                                                          stated[0].unit or ""):
        clause = None  # '多少家专精特新企业' over '办了6场专精特新解读会': 场 counts no firms
    counted = head_noun(r.phrase) if clause and r.language == "zh" and r.unit_hint == "count" else ""
    if clause and 0 <= moved_to_act(counted, clause) < min((q.start for q in scan_quantities(clause) if q.unit), default=0):
        clause = None  # '有多少所学校' over '推动企业、学校…成立护学岗15个': among those moved to act
    if clause and herd and not any(w in clause for w in herd):
        clause = None  # '出栏多少只' over '存栏4.2万只': the herd kept is not the herd sold
    if clause and r.language == "zh" and not thing_held(r.phrase, clause):
        clause = None  # '咖啡种植面积' over '核桃种植面积11.2万亩': another crop's area
    if clause and r.language == "zh" and set(ANIMAL.findall(r.phrase)) - set(clause):
        clause = None  # '牛存栏多少头' over '牲畜存栏4.1万头': all livestock is not the cattle
    if clause and r.intent in ("rank", "aggregate") and len(r.places) >= 2:
        clause = None  # 'A和B哪个多': one place's clause answers no comparison, nor a sum, of two places
    if r.intent != "open" and not clause:
        # a figure was asked, no figure row answers it, and no clause states one figure of what was asked: say so
        text = msg("passage_no_figure", r.language) + ("" if r.language == "zh" else " ") + text
    return Answer(question=question, text=text, language=r.language, route="passage", mode="offline",
                  citations=citations, caveats=_period_caveats(citations, ctx, r.language), intent=r.model_dump())


def moved_to_act(noun: str, text: str) -> int:
    """Where `text` names `noun` among those a report moved to act ('推动企业、工业园区…成立交通劝导站…'), -1 when
    it does not (or the noun is too short to tell)."""
    found = re.search(ACTORS_MOVED + rf"[^，,；;\d]{{0,20}}?{re.escape(noun)}", text) if len(noun) >= 2 else None
    return found.start() if found else -1


def passage_filters(r: Route, filters: Filters | None) -> Filters:
    """User filters plus the route's streets; review text unless the question asks about plans."""
    base = filters or Filters()
    parts = base.parts or (["plan"] if r.kind == "target" else ["review"])
    # r.districts: '永丰县禾塘镇' searches only that county's 禾塘镇, never the same-named town of another county
    return Filters(streets=base.streets or r.streets, years=base.years, parts=parts,
                   districts=base.districts or r.districts,
                   report_ids=base.report_ids)


def focus_terms(question: str, r: Route) -> list[str]:
    """The content words a relevant sentence must contain (streets, years and question words removed)."""
    text = expand_english(question) if r.language == "en" else question
    for street in r.streets:
        text = text.replace(street, " ").replace(re.sub(r"街道$", "", street), " ")
    if r.language == "en":  # words of the place's own name ('resort' -> 度假区) do not name what is asked
        return [w for w in re.findall(r"[\u4e00-\u9fff]{2,}|PM2\.5|PM10", text)
                if not any(w in s for s in r.streets)]
    from rag.search.index import tokenize

    tokens = tokenize(_QWORDS.sub(" ", text))
    long = [t for t in tokens if len(t) >= 2]
    return long or tokens


def english_cover(r: Route, *, glosses_held: bool = False) -> Callable[[str], float]:
    """For an English question: the share of its indicator words (not place words) a Chinese text covers,
    each word through the matcher's English-Chinese terms (lexicon, report terms, CC-CEDICT); with `glosses_held`,
    at least `_GLOSSES_HELD` for a text holding every Chinese word the question gives."""
    from rag.figures.match import english_coverage

    drop = [w for s in r.streets for w in re.findall(r"[a-z]+", place_en(s).lower())]
    # ('how many cadres (机关干部) did it mobilise for 三线整治': a text holding every Chinese word
    # given names what was asked, whatever the English around them)
    glosses = [g for g in re.findall(r"[\u4e00-\u9fff]{2,}", r.phrase) if not any(g in s for s in r.streets)] \
        if glosses_held else []
    return lambda text: max(english_coverage(r.phrase, text, drop) if r.phrase else 0.0,
                            _GLOSSES_HELD if glosses and all(g in text for g in glosses) else 0.0)


def best_sentences(hits: list[Hit], focus: list[str], cover_of: Callable[[str], float] | None = None, *,
                   topic: bool = False) -> list[tuple[Hit, str, int]]:
    """Sentences with a figure that cover most focus terms; at most one per report, best first. With `topic`, also
    a sentence whose topic clause alone names them (see `_figure_near`), after those whose figure's clause does."""
    scored: list[tuple[float, Hit, str, int]] = []
    for rank, h in enumerate(hits):
        for m in _SENT.finditer(h.chunk.text):
            sent = m.group(0).strip()
            if not any(q.unit for q in scan_quantities(sent)):
                continue
            cover = sum(1 for f in focus if f.lower() in sent.lower()) / max(1, len(focus))
            near = _figure_near_focus(sent, focus)
            if cover_of is not None:  # English: every indicator word counts, whatever its Chinese gloss
                cover = cover_of(sent)
                near = _figure_near(sent, lambda c: cover_of(c) > 0)
            if cover >= _MIN_COVER and (near == 1.0 or topic and near):
                start = h.chunk.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                scored.append((cover - 0.02 * rank - (0.0 if near == 1.0 else _TOPIC_ONLY), h, sent, start))
    scored.sort(key=lambda t: -t[0])
    out, seen = [], set()
    for _, h, sent, start in scored:
        if h.chunk.report_id not in seen:
            seen.add(h.chunk.report_id)
            out.append((h, sent, start))
    return out[:3]


# '有几个社区获评…', '几所学校地块': the measure word and the two characters of what is counted
COUNT_ASKED = re.compile(r"(?:几|多少)(个|所|家|条|座|栋|项|处|名|位|户|类|种|批|支|辆|台|套|部|艘)(?:[（(][^）)]{1,3}[）)])?"
                          r"([\u4e00-\u9fff]{2})?")
_LIST_START = re.compile(r"[，。；：:,;！？“”]")


def _listed_count(question: str, hits: list[Hit], focus: list[str]) -> tuple[int, str, Hit, str, int] | None:
    """A count the report gives by naming each item ('润城、松元厦、新田社区获评…' for '有几个社区获评'): the
    number of 、-separated names right before the counted word, in a sentence that names what else was asked.
    None when the list is left open (…等社区), holds a figure of its own, or no sentence names the rest."""
    asked = COUNT_ASKED.search(question)
    if not asked:
        return None
    word, noun = asked.group(1), asked.group(2) or ""
    if not noun or re.match(r"已|是|有|被|在|将|要", noun):  # '有几个已经竣工': what is counted comes before
        before = re.search(r"([\u4e00-\u9fff]{2})(?:中|里|当中)?[，,]?(?:共有|一共有|有|共)?(?:几|多少)", question)
        noun = before.group(1) if before else ""
    rest = [f for f in focus if (not noun or noun not in f) and not re.search(r"几|多少", f)]
    after = question[asked.end() :]  # what the question says the counted things did: '有几个…竣工'
    named_asked = bool(re.search(r"点名|列出|列举|提到|提及|写到|写了|名字", question))
    best: tuple[float, int, str, Hit, str, int] | None = None
    for h in hits:
        for m in _SENT.finditer(h.chunk.text):
            sent = m.group(0).strip()
            cover = sum(1 for f in rest if f in sent) / max(1, len(rest))
            if cover < _ONE_FIGURE_COVER or (best is not None and cover <= best[0]):
                continue
            # the counted word after the names ('润城、新田社区'), or what the question says they did ('…竣工');
            # of the lists found, the longest (a word inside the list cuts it short)
            anchors = [a for a in (noun, *(f for f in rest if len(f) >= 2 and f in after)) if a]
            found = []
            for a in anchors:
                for at in (x.start() for x in re.finditer(re.escape(a), sent)):
                    if a != noun and "、" in (sent[at - 1 : at], sent[at + len(a) : at + len(a) + 1]):
                        continue  # ('就是甲路、乙校那一批': a name the asker gives is one of the list, no word after it)
                    run = _LIST_START.split(sent[:at])[-1]
                    items = run.split("、")
                    # ('…、物流等各类企业问题42个': the count is the figure after the list, not the kinds named)
                    # ('松禾、安远等食品加工项目已投产': a list 等 leaves open, wherever the word asked stands after it,
                    # unless the names themselves are what is counted: '这句点名了几个')
                    if len(items) < 2 or len(items) > 12 or "等" in items[-1] and not named_asked or any(
                            not it.strip() or len(it) > 24 for it in items) or re.search(r"\d+\s*[个所家条座栋项处名位户类种批支]", run) \
                            or re.match(r"\s*\d", sent[at + len(a) :]):
                        continue
                    found.append((len(items), a))
            if found:
                n, a = max(found)
                start = h.chunk.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                best = (cover, n, word + (noun if a == noun else ""), h, sent, start)
    return best[1:] if best else None


def list_count_answer(question: str, r: Route, ctx: Context) -> Answer | None:
    """A count asked of one place that its report gives only as a list of names: counted, said so; else None.
    It searches ten hits of its own (a list is often in a sentence the passage route's six miss)."""
    if r.language != "zh" or r.intent not in ("lookup", "open") or len(r.streets) != 1 \
            or not COUNT_ASKED.search(question):
        return None
    hits = ctx.search(question, 10, passage_filters(r, None), False)
    listed = _listed_count(question, hits, focus_terms(question, r))
    named = [t for t in QUOTED_COUNTED.findall(question) if t not in r.streets[0]]
    if listed and named and not any(t in simplified(listed[2].chunk.text) for t in named):
        return None  # '新增多少家“四上”企业': a list in a passage that never names 四上 counts other things
    return _listed_answer(question, r, ctx, *listed) if listed else None


def _listed_answer(question: str, r: Route, ctx: Context, n: int, counted: str, h: Hit, sent: str,
                   start: int) -> Answer:
    citation = Citation(n=1, report_id=h.chunk.report_id, street=h.chunk.street, section=h.chunk.section, quote=sent,
                        start=start, end=start + len(sent))
    text = msg("listed_count", r.language, place=h.chunk.street or "", count=n, counted=counted, quote=sent)
    return Answer(question=question, text=text, language=r.language, route="passage", mode="offline",
                  citations=[citation], caveats=[msg("computed_note", r.language),
                                                 *_period_caveats([citation], ctx, r.language)],
                  intent=r.model_dump())


def _one_figure_clause(sentence: str, focus: list[str], cover_of: Callable[[str], float] | None = None,
                       named: Sequence[str] = ()) -> str | None:
    """The clause that names what was asked (most focus terms; for English also most indicator words: 'goats in
    stock (存栏)' is not answered by the cattle's 存栏) and states exactly one figure; None when none does."""
    from rag.figures.match import codes_clash

    if not focus:
        return None
    for clause in re.split(r"[,，:：;；]", sentence):
        figures = [q for q in scan_quantities(clause) if q.unit]
        if any(codes_clash(f, clause) for f in focus) or any(n not in clause for n in named):
            continue  # 'PM10' asked, 'PM2.5' stated; '“四上”企业' asked, 企业 in general stated
        cover = sum(1 for f in focus if f.lower() in clause.lower()) / len(focus)
        if cover_of is not None:
            cover = min(cover, cover_of(clause))
        if len(figures) == 1 and cover >= _ONE_FIGURE_COVER:
            return clause
    return None


def _figure_near_focus(sentence: str, focus: list[str]) -> float:
    """Some clause holds both a figure and a focus term (so a nearby unrelated number is never the answer): 1.0;
    see `_figure_near`."""
    return _figure_near(sentence, lambda c: any(f.lower() in c.lower() for f in focus)) if focus else 1.0


_TOPIC_ONLY = 0.1  # what a sentence loses when only its topic clause names what was asked


def _figure_near(sentence: str, names: Callable[[str], bool]) -> float:
    """1.0 when some clause `names` what was asked and holds a figure; 0.5 when one names it with no figure of its
    own and the next clause states one ('某产业集群已成规模,产值达…亿元': the topic, then its figure); else 0."""
    clauses = re.split(r"[,，:：;；]", sentence)
    has = [any(q.unit for q in scan_quantities(c)) for c in clauses]
    named = [names(c) for c in clauses]
    if any(n and h for n, h in zip(named, has, strict=True)):
        return 1.0
    return 0.5 if any(named[n] and n + 1 < len(clauses) and has[n + 1] for n in range(len(clauses))) else 0.0


def _period_caveats(citations: list[Citation], ctx: Context, lang: str) -> list[str]:
    periods = {m.report_id: m.period_covered for m in ctx.reports}
    cited = {c.street: periods.get(c.report_id) for c in citations}
    if len(citations) > 1 and len(set(cited.values())) > 1:
        listing = ", ".join(f"{s} {p}" for s, p in cited.items())
        return [f"来自不同统计期:{listing}" if lang == "zh" else f"Figures come from different periods: {listing}"]
    return [f"统计期:{p}" if lang == "zh" else f"Period: {p}" for p in cited.values() if p][:1]


def abstain(question: str, r: Route, searched: list[str], ctx: Context, *, reason: str) -> Answer:
    """Say the reports do not hold the answer, what was searched where, and what the place's reports do state."""
    lang = r.language
    where = join_list([s if lang == "zh" else place_en(s) for s in r.streets], lang) or msg("all_reports", lang)
    terms = "、".join(searched)
    text = msg("not_found", lang, where=where, terms=terms)
    if lang == "en" and r.kind == "actual" and reason == "indicator":
        text += msg("only_targets_maybe", lang)
    if ctx.rows is not None and len(r.streets) == 1:
        labels = list(dict.fromkeys(x.label_zh for x in ctx.rows(r.streets[0]) if x.street == r.streets[0]
                                    and 2 <= len(x.label_zh) <= 12 and re.fullmatch(r"[\u4e00-\u9fff]+", x.label_zh)))
        if labels:
            shown = labels[:8] if lang == "zh" else [f"{x}" for x in labels[:8]]
            text += msg("report_has", lang, place=r.streets[0] if lang == "zh" else place_en(r.streets[0]),
                        labels=join_list(shown, lang) + ("…" if len(labels) > 8 else ""))
    where_log = "、".join(r.streets) if r.streets else "全部报告"
    return Answer(question=question, text=text, language=lang, route="abstain", mode="offline",
                  searched=[f"{reason}: {terms} in {where_log}"], intent=r.model_dump())
