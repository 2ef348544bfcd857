"""Invented figure rows and a Context over them (no real report text)."""

from __future__ import annotations

from rag.answer.passages import Context
from rag.schemas import Evidence, Indicator, ReportMeta
from rag.text.numbers import normalize

_WORDS = {"actual": "", "estimate": "预计", "target": "目标", "yoy_growth": "同比增长", "completion_rate": "完成计划的",
          "share": "占比", "cumulative": "累计"}


def row(place: str, period: str, label: str, value: float, unit: str = "亿元", *, kind: str = "actual",
        key: str | None = None, part: str = "review", rid: str | None = None, context: str = "") -> Indicator:
    """One invented row; the quote is made up from the label and the value."""
    quote = f"{label}{_WORDS[kind]}{value:g}{unit}"
    norm, norm_unit = normalize(value, unit)
    return Indicator(report_id=rid or f"{place}-{period}", street=place, period=period,
                     key=key or f"label:{label}", label_zh=label, label_en=f"figure: {label}", value=value,
                     unit=unit, normalized_value=norm, normalized_unit=norm_unit, kind=kind, part=part,  # type: ignore[arg-type]
                     estimated=kind == "estimate",
                     evidence=Evidence(chunk_id="c", start=0, end=len(quote), quote=quote), context=context)


def context(rows: list[Indicator]) -> Context:
    """A Context holding only these rows and one report per (place, period)."""
    metas = []
    for rid in dict.fromkeys(r.report_id for r in rows):
        first = next(r for r in rows if r.report_id == rid)
        metas.append(ReportMeta(report_id=rid, path=f"{rid}.txt", content_hash=rid, street=first.street,
                                period_covered=first.period))
    return Context(reports=metas, indicators=lambda key, kind: [r for r in rows if r.key == key],
                   search=lambda q, k, f, per: [], rows=lambda place: [r for r in rows
                                                                         if place is None or r.street == place])
