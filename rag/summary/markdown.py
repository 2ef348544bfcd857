"""A report summary as Markdown: the bilingual document (`jiedao summarize`, downloads) and one language's column
(the app). Headings, figure lines and bullets are written here only."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rag.schemas import Citation, Indicator
from rag.summary.common import KeyFigure, ReportSummary, SectionSummary
from rag.text.messages import ui
from rag.text.names import period_en, period_zh
from rag.text.numbers import format_en, format_zh

LANGS = ("zh", "en")
PLAN_MARK = "目标 · "  # plan points are targets, never results
# (Chinese, English) heading of each part of a summary
_TITLES = {
    "headline": ("概要", "Headline"),
    "figures": ("主要指标", "Key figures"),
    "review": ("工作总结要点", "Review"),
    "plan": ("工作计划与目标", "Plans and targets"),
    "caveats": ("注意", "Caveats"),
    "sources": ("来源", "Sources"),
}
_NO_FIGURES = "no figures in this section"
_FRAGMENT_EN = re.compile(r"Reported figure \([^)]*\)")


def title(part: str, lang: str | None = None) -> str:
    """A part's heading: one language, or both ('主要指标 · Key figures')."""
    zh, en = _TITLES[part]
    return zh if lang == "zh" else en if lang == "en" else f"{zh} · {en}"


# ---- lines shared by the document and the column ---------------------------------------------------------
def poor_label(i: Indicator) -> bool:
    """True when a figure has no real name (a clause fragment stood in for one)."""
    return i.key.startswith("other:") or i.label_en.startswith(("Reported figure", "figure:"))


def key_figure_text(k: KeyFigure, lang: str) -> str:
    """A headline figure; without a good label, its value and period with the source clause instead."""
    if not poor_label(k.indicator):
        return k.zh if lang == "zh" else k.en
    i = k.indicator
    value = format_zh(i.value, i.unit) if lang == "zh" else format_en(i.value, i.unit)  # units checked by Indicator
    clause = ui("source_clause", lang, quote=i.evidence.quote.strip())
    if lang == "zh":
        return f"{value}（{period_zh(i.period)}）— {clause}"
    return f"{value} ({period_en(i.period)}) — {clause}"


def english_bullet(bullet: str, quote: str | None) -> str:
    """An English point; a fragment label ('Reported figure (…)') is replaced by the source clause."""
    if not _FRAGMENT_EN.search(bullet):
        return bullet
    body = _FRAGMENT_EN.sub("figure", bullet)
    return f"{body} — {ui('source_clause', 'en', quote=quote.strip())}" if quote else body


def _english_bullets(sec: SectionSummary) -> list[str]:
    """A section's English points, each with its quote when there is one citation per point."""
    quotes = [c.quote for c in sec.citations] if len(sec.citations) == len(sec.bullets_en) else []
    return [english_bullet(b, quotes[n] if quotes else None) for n, b in enumerate(sec.bullets_en)]


def _parts(s: ReportSummary) -> list[tuple[str, list[SectionSummary], str]]:
    """(part, sections, mark) for the review and the plan."""
    return [("review", s.review, ""), ("plan", s.plan, PLAN_MARK)]


# ---- the bilingual document ------------------------------------------------------------------------------
def to_markdown(summary: ReportSummary, langs: Sequence[str] = LANGS) -> str:
    """A readable summary: title, headline, key figures, review by topic, plan priorities, caveats, sources."""
    zh, en = "zh" in langs, "en" in langs
    s = summary
    name = " · ".join(([f"{s.street or '未知街道'} {period_zh(s.period)} 工作报告摘要"] if zh else [])
                       + ([f"{s.street_en}, {period_en(s.period)}: report summary"] if en else []))
    lines = [f"# {name}", "", f"*{_mode_line(s)}* · report `{s.report_id}`", "", f"## {title('headline')}", ""]
    lines += _paragraphs(s, zh, en)
    lines += [f"## {title('figures')}", ""] + _figure_table(s.key_figures, zh, en)
    for part, sections, mark in _parts(s):
        if sections or part == "review":
            lines += [f"## {title(part)}", ""] + _sections(sections, zh, en, mark)
    lines += [f"## {title('caveats')}", ""]
    lines += [f"- {c}" for c in (s.caveats_zh if zh else []) + (s.caveats_en if en else [])]
    cites = [k.citation for k in s.key_figures] + [c for sec in [*s.review, *s.plan] for c in sec.citations]
    lines += ["", f"## {title('sources')}", ""] + [footnote(c) for c in cites if zh or c.n <= len(s.key_figures)]
    return "\n".join(lines).rstrip() + "\n"


def table_cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def footnote(c: Citation) -> str:
    """One Markdown footnote: where the quote is and the quote itself."""
    quote = " ".join(c.quote.split())
    return f"[^{c.n}]: {c.street or '?'} · {c.section} · chars {c.start}–{c.end}: “{quote}”"


def _mode_line(summary: ReportSummary) -> str:
    """Which engine wrote the summary."""
    if summary.mode == "extractive":
        return "抽取式摘要（离线） · extractive summary (offline)"
    return f"模型摘要 · LLM summary: {summary.mode}"


def _paragraphs(s: ReportSummary, zh: bool, en: bool) -> list[str]:
    """Headline and overview paragraphs in the chosen languages."""
    texts = ([s.headline_zh, s.overview_zh] if zh else []) + ([s.headline_en, s.overview_en] if en else [])
    return [line for t in texts if t for line in (t, "")]


def _figure_table(figures: Sequence[KeyFigure], zh: bool, en: bool) -> list[str]:
    """The key-figure table with footnote references."""
    if not figures:
        return ["（未提取到主要指标 · no headline figures extracted）", ""]
    head = (["中文"] if zh else []) + (["English"] if en else []) + ["来源 · source"]
    rows = [f"| {' | '.join(head)} |", "|" + " --- |" * len(head)]
    for k in figures:
        cells = ([key_figure_text(k, "zh")] if zh else []) + ([key_figure_text(k, "en")] if en else [])
        rows.append("| " + " | ".join(table_cell(c) for c in [*cells, f"[^{k.citation.n}]"]) + " |")
    return [*rows, ""]


def _sections(sections: Sequence[SectionSummary], zh: bool, en: bool, mark: str) -> list[str]:
    """Points grouped by topic; plan points carry `mark` (目标 · )."""
    lines = []
    for sec in sections:
        lines += [f"### {sec.topic_zh} · {sec.topic_en}" if zh else f"### {sec.topic_en}", ""]
        if zh:
            lines += [f"*{sec.heading_zh}*", ""]
            lines += [f"- {mark}{b}[^{c.n}]" for b, c in zip(sec.bullets_zh, sec.citations, strict=False)]
        if en:
            lines += [f"- {b}" for b in _english_bullets(sec)] or ([] if zh else [f"- ({_NO_FIGURES})"])
        lines.append("")
    return lines


# ---- one language's column (the app) ---------------------------------------------------------------------
def summary_column(summary: ReportSummary, lang: str, escape: Callable[[str], str]) -> str:
    """One language of a summary as Markdown, every text from the report passed through `escape`;
    \\[n\\] points at the sources listed apart."""
    zh = lang == "zh"
    s = summary
    lines = [f"**{escape(s.headline_zh if zh else s.headline_en)}**", ""]
    overview = s.overview_zh if zh else s.overview_en
    lines += [escape(overview), ""] if overview else []
    lines += ["#### " + title("figures", lang)]
    lines += [f"- {escape(key_figure_text(k, lang))} \\[{k.citation.n}\\]" for k in s.key_figures]
    for part, sections, mark in _parts(s):
        if sections:
            lines += ["", f"#### {title(part, lang)}"]
        for sec in sections:
            lines += ["", f"**{escape(sec.topic_zh + ' · ' + sec.heading_zh if zh else sec.topic_en)}**", ""]
            if zh:
                lines += [f"- {mark}{escape(b)} \\[{c.n}\\]" for b, c in zip(sec.bullets_zh, sec.citations,
                                                                          strict=False)]
            else:
                lines += [f"- {escape(b)}" for b in _english_bullets(sec)] or [f"- *{_NO_FIGURES}*"]
    lines += ["", "#### " + title("caveats", lang)]
    lines += [f"- {escape(c)}" for c in (s.caveats_zh if zh else s.caveats_en)]
    return "\n".join(lines)
