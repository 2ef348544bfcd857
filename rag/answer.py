"""Answerers: the indicator route (code ranks numbers) and the passage route (extractive or LLM, guarded)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rag.lexicon import BY_KEY, KIND_SUFFIX, expand_english
from rag.names import period_en, period_zh, place_en
from rag.numbers import format_en, format_zh, scan_quantities
from rag.retrieve import Filters
from rag.router import Route
from rag.schemas import Answer, Citation, Hit, Indicator, ReportMeta, TableRow

NOT_REPORTED = "未报告 / not reported"
_SENT = re.compile(r"[^。！？；;\n]+[。！？；;]?")
_QWORDS = re.compile(r"是多少|有多少|计划|力争|目标|多少|几个|几家|哪些|哪个|什么|怎么样|如何|情况|分别|各|是|了|的|吗|呢|年度|报告|"
                     r"[？?。,，、\s]|\d{4}年|上半年|下半年|全年|街道")
_MIN_COVER = 0.5


@dataclass
class Context:
    """What answerers need from the corpus, injected (no globals)."""

    reports: list[ReportMeta]
    indicators: Callable[[str, str | None], list[Indicator]]  # (key, kind) -> rows
    search: Callable[[str, int, Filters, bool], list[Hit]]  # (query, k, filters, per_report)


# ---- indicator route ------------------------------------------------------------------------------
def indicator_answer(question: str, r: Route, ctx: Context) -> Answer | None:
    """Rank, aggregate or look up a lexicon indicator from the store; None when the route does not apply."""
    if not r.keys:
        return None
    streets = r.streets or [m.street for m in ctx.reports if m.street]
    if r.intent in ("rank", "aggregate") and len(r.streets) != 1:
        key = r.keys[0]
        rows = _latest_per_street(ctx.indicators(key + KIND_SUFFIX.get(r.kind, ""), None), r)
        return _ranking(question, r, key, rows, streets, ctx)
    if len(streets) != 1:
        return None
    found: list[tuple[str, Route, Indicator]] = []
    for key in r.keys[:3]:
        for kind in _kinds_asked(question, r):
            sub = r.model_copy(update={"kind": kind})
            ind = _latest_per_street(ctx.indicators(key + KIND_SUFFIX.get(kind, ""), None), sub).get(streets[0])
            if ind is not None:
                found.append((key, sub, ind))
    return _lookup(question, r, found, ctx) if found else None


def _kinds_asked(question: str, r: Route) -> list[str]:
    """'…是多少？同比增长多少？' asks for the figure and its growth."""
    if r.kind == "yoy_growth" and re.search(r"(是多少|完成多少|多少亿|what (was|were)|how much).*(同比|增长|grow)",
                                            question, re.I):
        return ["actual", "yoy_growth"]
    return [r.kind]


def _latest_per_street(rows: list[Indicator], r: Route) -> dict[str, Indicator]:
    """One figure per street: the first (headline) mention, of the kind asked for."""
    wanted = {"actual": ("actual", "cumulative")}.get(r.kind, (r.kind,))
    out: dict[str, Indicator] = {}
    for ind in rows:
        if ind.kind not in wanted or not ind.street:
            continue
        if r.years and not any(str(y) in ind.period for y in r.years):
            continue
        out.setdefault(ind.street, ind)
    return out


def _ranking(question: str, r: Route, key: str, rows: dict[str, Indicator], streets: list[str],
             ctx: Context) -> Answer:
    found = [rows[s] for s in streets if s in rows]
    unit = _majority_unit(found)
    found = [i for i in found if i.normalized_unit == unit]
    found.sort(key=lambda i: i.normalized_value, reverse=not r.ascending)
    citations = [_cite(n + 1, i) for n, i in enumerate(found)]
    table = [_row(n + 1, i, r.language) for n, i in enumerate(found)]
    missing = [s for s in streets if s not in {i.street for i in found}]
    table += [TableRow(street=s, display=NOT_REPORTED) for s in missing]
    label = _label(key, r)
    if not found:
        return _abstain(question, r, [label], ctx, reason="indicator")
    text = _ranking_text(found, missing, label, r)
    return Answer(question=question, text=text, language=r.language, route="indicator", mode="offline",
                  citations=citations, table=table, caveats=_caveats(found, ctx, r.language),
                  intent=r.model_dump())


def _ranking_text(found: list[Indicator], missing: list[str], label: str, r: Route) -> str:
    if r.intent == "aggregate":
        total = sum(i.normalized_value for i in found)
        return _aggregate_text(found, total, label, r.language)
    first, second = found[0], found[1] if len(found) > 1 else None
    if r.language == "en":
        word = "lowest" if r.ascending else "highest"
        text = f"{place_en(first.street)} reported the {word} {label}: {_fig_en(first)} [1]."
        if second:
            text += f" Runner-up: {place_en(second.street)} with {_fig_en(second)} [2]."
        for n, i in enumerate(found[2:], start=3):
            text += f" {place_en(i.street)}: {_fig_en(i)} [{n}]."
        if missing:
            text += " Not reported: " + ", ".join(place_en(s) for s in missing) + "."
        return text
    word = "最少" if r.ascending else "最多"
    text = f"{first.street}{label}{word}:{_fig_zh(first)}[1]。"
    if second:
        text += f"其次是{second.street}:{_fig_zh(second)}[2]。"
    for n, i in enumerate(found[2:], start=3):
        text += f"{i.street}:{_fig_zh(i)}[{n}]。"
    if missing:
        text += "、".join(missing) + "未报告该指标。"
    return text


def _aggregate_text(found: list[Indicator], total: float, label: str, lang: str) -> str:
    unit = found[0].normalized_unit
    parts = "; ".join(f"{i.street} {_fig_zh(i)} [{n}]" for n, i in enumerate(found, start=1))
    if lang == "en":
        return f"Total {label} across {len(found)} reports: {total:,.2f} {unit} ({parts})."
    return f"{len(found)}份报告的{label}合计{total:,.2f} {unit}({parts})。"


def _lookup(question: str, r: Route, found: list[tuple[str, Route, Indicator]], ctx: Context) -> Answer:
    parts, citations, table = [], [], []
    for n, (key, sub, ind) in enumerate(found, start=1):
        label = _label(key, sub)
        parts.append(f"{label} {_fig_en(ind)} [{n}]" if r.language == "en" else f"{label}{_fig_zh(ind)}[{n}]")
        citations.append(_cite(n, ind))
        table.append(_row(n, ind, r.language))
    street = found[0][2].street
    text = (f"{place_en(street)}: " + "; ".join(parts) + "." if r.language == "en"
            else f"{street}:" + ";".join(parts) + "。")
    return Answer(question=question, text=text, language=r.language, route="indicator", mode="offline",
                  citations=citations, table=table, caveats=_caveats([f[2] for f in found], ctx, r.language),
                  intent=r.model_dump())


def _label(key: str, r: Route) -> str:
    term = BY_KEY.get(key)
    if term is None:
        return key
    suffix = {"zh": {"yoy_growth": "同比变化", "target": "目标", "completion_rate": "完成率"},
              "en": {"yoy_growth": " (YoY change)", "target": " (target)", "completion_rate": " (completion rate)"}}
    base = term.en.lower() if r.language == "en" else term.zh
    return base + suffix[r.language].get(r.kind, "")


def _majority_unit(rows: list[Indicator]) -> str | None:
    units = [i.normalized_unit for i in rows]
    return max(set(units), key=units.count) if units else None


def _fig_zh(i: Indicator) -> str:
    kind = {"cumulative": ",累计", "target": ",目标"}.get(i.kind, "")
    return f"{format_zh(i.value, i.unit, i.qualifier)}({period_zh(i.period)}{kind})"


def _fig_en(i: Indicator) -> str:
    kind = {"cumulative": ", cumulative", "target": ", target"}.get(i.kind, "")
    return f"{format_en(i.value, i.unit, i.qualifier)} ({format_zh(i.value, i.unit, i.qualifier)}; " \
           f"{period_en(i.period)}{kind})"


def _row(n: int, i: Indicator, lang: str) -> TableRow:
    return TableRow(rank=n, street=i.street, report_id=i.report_id, value=i.value, unit=i.unit,
                    display=format_zh(i.value, i.unit, i.qualifier) if lang == "zh" else format_en(i.value, i.unit,
                                                                                                 i.qualifier),
                    normalized_value=i.normalized_value, normalized_unit=i.normalized_unit, period=i.period,
                    kind=i.kind, label=i.label_zh if lang == "zh" else i.label_en, citation=n)


def _cite(n: int, i: Indicator) -> Citation:
    e = i.evidence
    return Citation(n=n, report_id=i.report_id, street=i.street, section=i.label_zh, quote=e.quote,
                    start=e.start, end=e.end)


def _caveats(found: list[Indicator], ctx: Context, lang: str) -> list[str]:
    out: list[str] = []
    periods = {i.street: i.period for i in found}
    if len(set(periods.values())) > 1:
        listing = ", ".join(f"{s} {period_zh(p) if lang == 'zh' else period_en(p)}" for s, p in periods.items())
        out.append(f"统计期不同,按各街道最新报告比较:{listing}" if lang == "zh"
                   else f"Periods differ; each street's latest reported figure is compared: {listing}")
    for i in found:
        if i.provisional:
            out.append(f"{i.street}的数字为初步数(以统计公布为准)" if lang == "zh"
                       else f"{place_en(i.street)}'s figure is provisional (以统计公布为准)")
        if i.kind == "cumulative":
            out.append(f"{i.street}为累计数({period_zh(i.period)})" if lang == "zh"
                       else f"{place_en(i.street)}'s figure is cumulative ({period_en(i.period)})")
    notes = {m.street: m.notes for m in ctx.reports}
    for i in found:
        out.extend(f"{i.street}: {n}" for n in notes.get(i.street, []) if "doubtful" in n or "1-" in n)
    return list(dict.fromkeys(out))


# ---- passage route --------------------------------------------------------------------------------
def passage_answer(question: str, r: Route, ctx: Context, *, filters: Filters | None = None) -> Answer:
    """Extractive: the best number-bearing sentence(s) among the hits, cited; abstain when none is relevant."""
    flt = passage_filters(r, filters)
    hits = ctx.search(question, 6, flt, len(flt.streets) > 1 or not flt.streets and r.intent == "rank")
    focus = focus_terms(question, r)
    picked = _best_sentences(hits, focus)
    if not picked:
        return _abstain(question, r, focus or [question], ctx, reason="passage")
    citations = [Citation(n=n, report_id=h.chunk.report_id, street=h.chunk.street, section=h.chunk.section,
                          quote=s, start=start, end=start + len(s))
                 for n, (h, s, start) in enumerate(picked, start=1)]
    body = "".join(f"{c.street or ''}:{c.quote}[{c.n}]" + ("" if c.quote.endswith("。") else "。")
                   for c in citations)
    text = body if r.language == "zh" else f"From the report (quoted in Chinese): {body}"
    return Answer(question=question, text=text, language=r.language, route="passage", mode="offline",
                  citations=citations, caveats=_period_caveats(citations, ctx, r.language), intent=r.model_dump())


def passage_filters(r: Route, filters: Filters | None) -> Filters:
    """User filters plus the route's streets; review text unless the question asks about plans."""
    base = filters or Filters()
    parts = base.parts or (["plan"] if r.kind == "target" else ["review"])
    return Filters(streets=base.streets or r.streets, years=base.years, parts=parts, districts=base.districts,
                   report_ids=base.report_ids)


def focus_terms(question: str, r: Route) -> list[str]:
    """The content words a relevant sentence must contain (streets, years and question words removed)."""
    text = expand_english(question) if r.language == "en" else question
    for street in r.streets:
        text = text.replace(street, " ").replace(re.sub(r"街道$", "", street), " ")
    if r.language == "en":
        return [w for w in re.findall(r"[\u4e00-\u9fff]{2,}|PM2\.5|PM10", text)]
    from rag.index import tokenize

    tokens = tokenize(_QWORDS.sub(" ", text))
    long = [t for t in tokens if len(t) >= 2]
    return long or tokens


def _best_sentences(hits: list[Hit], focus: list[str]) -> list[tuple[Hit, str, int]]:
    """Sentences with a figure that cover most focus terms; at most one per report, best first."""
    scored: list[tuple[float, Hit, str, int]] = []
    for rank, h in enumerate(hits):
        for m in _SENT.finditer(h.chunk.text):
            sent = m.group(0).strip()
            if not any(q.unit for q in scan_quantities(sent)):
                continue
            cover = sum(1 for f in focus if f.lower() in sent.lower()) / max(1, len(focus))
            if cover >= _MIN_COVER and _figure_near_focus(sent, focus):
                start = h.chunk.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                scored.append((cover - 0.02 * rank, h, sent, start))
    scored.sort(key=lambda t: -t[0])
    out, seen = [], set()
    for _, h, sent, start in scored:
        if h.chunk.report_id not in seen:
            seen.add(h.chunk.report_id)
            out.append((h, sent, start))
    return out[:3]


def _figure_near_focus(sentence: str, focus: list[str]) -> bool:
    """Some clause holds both a figure and a focus term (so a nearby unrelated number is never the answer)."""
    for clause in re.split(r"[,，:：]", sentence):
        if any(q.unit for q in scan_quantities(clause)) and any(f.lower() in clause.lower() for f in focus):
            return True
    return not focus


def _period_caveats(citations: list[Citation], ctx: Context, lang: str) -> list[str]:
    periods = {m.report_id: m.period_covered for m in ctx.reports}
    cited = {c.street: periods.get(c.report_id) for c in citations}
    if len(citations) > 1 and len(set(cited.values())) > 1:
        listing = ", ".join(f"{s} {p}" for s, p in cited.items())
        return [f"来自不同统计期:{listing}" if lang == "zh" else f"Figures come from different periods: {listing}"]
    return [f"统计期:{p}" if lang == "zh" else f"Period: {p}" for p in cited.values() if p][:1]


def _abstain(question: str, r: Route, searched: list[str], ctx: Context, *, reason: str) -> Answer:
    where = "、".join(r.streets) if r.streets else "全部报告"
    terms = "、".join(searched)
    if r.language == "en":
        where_en = ", ".join(place_en(s) for s in r.streets) if r.streets else "all reports"
        text = f"Not found in the reports: no figure for \"{terms}\" in {where_en}."
        if r.kind == "actual" and reason == "indicator":
            text += " Only targets or other metrics may be reported."
    else:
        text = f"报告中未找到{where}关于“{terms}”的数字。"
    return Answer(question=question, text=text, language=r.language, route="abstain", mode="offline",
                  searched=[f"{reason}: {terms} in {where}"], intent=r.model_dump())
