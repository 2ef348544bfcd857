"""Summary records and their number check (shared by the extractive and LLM summarisers, and the eval)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import Field

from rag.figures.grounding import FigurePool, Lang, untraced
from rag.schemas import Citation, Indicator, Part, Record, Section


# ---- records ------------------------------------------------------------------------------------------
class KeyFigure(Record):
    """One headline figure of a report, shown in both languages with its period."""

    indicator: Indicator = Field(description="The grounded indicator (value, unit, period, evidence).")
    change: Indicator | None = Field(None, description="Its year-on-year change, when the report states one.")
    zh: str = Field(description="label_zh + format_zh(value) + period, e.g. 土地入库面积 12.3万平方米（2023年）.")
    en: str = Field(description="label_en + format_en(value) + period_en.")
    citation: Citation


class SectionSummary(Record):
    """Key points of one section (a heading with its sub-headings)."""

    heading_zh: str = Field(description="Section heading without its ordinal.")
    topic_en: str = Field(description="Economy, Land and space, Urban management, … (from lexicon keywords).")
    topic_zh: str
    part: Part = Field(description="review = achieved (总结); plan = targets (计划).")
    section: str = Field(description="Section path joined with ' > '.")
    section_indexes: list[int] = Field(description="Section.index of every section summarised here.")
    bullets_zh: list[str] = Field(description="Chinese points (verbatim sentences in extractive mode).")
    bullets_en: list[str] = Field(description="English points (grounded figures in extractive mode).")
    citations: list[Citation] = Field(description="One per Chinese point, same order.")


class Faithfulness(Record):
    """The number check: how many figures were checked and which could not be traced."""

    checked: int = 0
    unsupported: list[str] = Field(default_factory=list)


class ReportSummary(Record):
    """A bilingual summary of one report (published as summary.schema.json)."""

    report_id: str
    street: str | None
    street_en: str
    district: str | None = None
    period: str | None = Field(description="Review period code: '2022', '2024H1' …")
    plan_period: str | None = None
    title: str | None = None
    mode: str = Field(description="'extractive' or the LLM model id that wrote the points.")
    headline_zh: str
    headline_en: str
    overview_zh: str = ""
    overview_en: str = ""
    key_figures: list[KeyFigure]
    review: list[SectionSummary]
    plan: list[SectionSummary] = Field(description="Plan priorities: targets, not results.")
    caveats_zh: list[str]
    caveats_en: list[str]
    faithfulness: Faithfulness
    content_hash: str
    prompt_version: str


# ---- the number check ----------------------------------------------------------------------------------
def summary_faithfulness(summary: ReportSummary, report_text: str,
                         sections: Sequence[Section]) -> tuple[int, list[str]]:
    """(figures checked, problems) of a summary: quotes are the report text at their span, every figure traces.

    Key figures and headlines trace to key-figure quotes and summarised sections, a section's points to its
    own text, caveats to the report. The summariser runs this as its guard, so eval and guard cannot drift.
    """
    problems: list[str] = []
    quotes = []
    cites = [k.citation for k in summary.key_figures] + [c for s in [*summary.review, *summary.plan]
                                                          for c in s.citations]
    for c in cites:
        if report_text[c.start : c.end] != c.quote:
            problems.append(f"citation [{c.n}] is not the report text at its span")
    for kf in summary.key_figures:
        for ind in filter(None, (kf.indicator, kf.change)):
            ev = ind.evidence
            if report_text[ev.start : ev.end] == ev.quote:
                quotes.append(ev.quote)
            else:
                problems.append(f"key figure {ind.label_zh}: evidence is not the report text at its span")
    by_index = {s.index: s for s in sections}
    spans = {id(sec): "".join(report_text[by_index[i].start : by_index[i].end] for i in sec.section_indexes
                              if i in by_index) for sec in [*summary.review, *summary.plan]}
    checked = 0
    for texts, strings in _groups(summary, quotes, spans, report_text):
        pool = FigurePool(texts)
        for lang, text in strings:
            n, bad = untraced(text, lang, pool)
            checked += n
            problems.extend(bad)
    return checked, problems


def _groups(summary: ReportSummary, quotes: list[str], spans: dict[int, str],
            report_text: str) -> Iterable[tuple[list[str], list[tuple[Lang, str]]]]:
    """(source texts, strings to check against them) for the top of the summary, each section and caveats."""
    top: list[tuple[Lang, str]] = [("zh", summary.headline_zh), ("en", summary.headline_en),
                                                   ("zh", summary.overview_zh), ("en", summary.overview_en)]
    top += [item for k in summary.key_figures for item in (("zh", k.zh), ("en", k.en))]
    yield quotes + list(spans.values()), top
    for sec in [*summary.review, *summary.plan]:
        strings: list[tuple[Lang, str]] = [("zh", b) for b in sec.bullets_zh]
        yield quotes + [spans[id(sec)]], strings + [("en", b) for b in sec.bullets_en]
    yield [report_text], [("zh", c) for c in summary.caveats_zh] + [("en", c) for c in summary.caveats_en]


def check_faithfulness(summary: ReportSummary, report_text: str, sections: Sequence[Section]) -> list[str]:
    """Every figure of every zh/en string that is neither a grounded key figure nor in its cited section text."""
    return summary_faithfulness(summary, report_text, sections)[1]
