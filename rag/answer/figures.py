"""The figure route: rank, aggregate or look up an indicator from the figure table, with citations."""

from __future__ import annotations

import re

from rag.answer.passages import Context, abstain
from rag.answer.router import Route
from rag.figures.lexicon import BY_KEY, KIND_SUFFIX
from rag.schemas import Answer, Citation, Indicator, TableRow
from rag.text.names import period_en, period_zh, place_en
from rag.text.numbers import format_en, format_zh

NOT_REPORTED = "未报告 / not reported"


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
        return abstain(question, r, [label], ctx, reason="indicator")
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
