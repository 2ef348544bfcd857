"""Bilingual report summaries: extractive offline, map-reduce with an LLM; every figure traced to the source.

Offline, Chinese points are verbatim report sentences and English points are built from grounded indicators
only (never machine-translated free text). With an LLM, each section is summarised (map) and the report is
headlined (reduce); any point whose figures cannot be traced is replaced by the extractive one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rag.figures.lexicon import BY_KEY, TERMS, TOPIC_EN, Term, base_key
from rag.schemas import Citation, Indicator, Part, Report, Section
from rag.summary.common import Faithfulness, KeyFigure, ReportSummary, SectionSummary, summary_faithfulness
from rag.text.cues import DONE_OR_CUMULATIVE, TARGET_OR_FUTURE
from rag.text.names import period_en, period_zh, place_en
from rag.text.numbers import (
    format_en,
    format_zh,
    scan_quantities,
)

log = logging.getLogger(__name__)

EXTRACTIVE_VERSION = "extractive.v1"
SECTION_PROMPT, REPORT_PROMPT = ("summarize_section", 1), ("summarize_report", 1)
KEY_MIN, KEY_MAX, HEADLINE_N = 8, 14, 3
MIN_CHARS, MAX_CHARS = 12, 120
HEADLINE_KINDS = ("actual", "cumulative")


# ---- topics -------------------------------------------------------------------------------------------
_TOPICS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple((en, zh, re.compile(rx)) for en, zh, rx in (
    ("Epidemic control", "疫情防控", r"疫情|防疫|防控|核酸|疫苗"),
    ("Economy", "经济发展", r"经济|产业|招商|企业|投资|营商|消费|工业|税收|商贸|生产力"),
    ("Land and space", "土地与空间", r"土地|空间|整备|入库|城市更新|更新单元|征拆|用地"),
    ("Urban management", "城市建设与管理", r"城市|城区|市容|交通|市政|品质|城中村|违建|查违"),
    ("Environment", "生态环境", r"生态|治水|水环境|绿色|污染|环保|碧水|蓝天|大气|绿廊"),
    ("Safety", "安全稳定", r"安全|平安|稳定|消防|应急|风险|防护网|底线"),
    ("Livelihoods", "民生福祉", r"民生|教育|医疗|就业|养老|幸福|社会事业|文化|文体|学位|托育|住房|惠民"),
    ("Governance", "基层治理", r"治理|基层|网格|法治|矛盾|信访|社区"),
    ("Party building", "党建与队伍", r"党|干部|纪|作风|队伍|廉|主题教育"),
))
_TOPIC_ZH = {en: zh for en, zh, _ in _TOPICS} | {"Overview": "总体情况"}
_LEXICON_TOPIC = {key: name.capitalize() for key, name in TOPIC_EN.items()}


def _topic(heading: str, body: str, level: int, indicators: Sequence[Indicator]) -> str:
    """English topic of a section: heading keywords first, then its figures' lexicon topics and body words."""
    lexicon = [_LEXICON_TOPIC.get(t.topic) for t in (lex_term(i.key) for i in indicators) if t]
    scores = {en: 3.0 * len(rx.findall(heading)) for en, _, rx in _TOPICS}
    if level == 0 and not any(scores.values()):
        return "Overview"
    for en, _, rx in _TOPICS:
        scores[en] += min(2, lexicon.count(en)) + 0.15 * min(len(rx.findall(body)), 20)
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else "Overview"


def lex_term(key: str) -> Term | None:
    """The lexicon term of an indicator key ('retail_sales_yoy', 'new_childcare_places' …), if any."""
    base = base_key(key)
    if base not in BY_KEY and base.startswith("new_"):
        base = base_key(base[4:])
    return BY_KEY.get(base)


# ---- the report and its units -------------------------------------------------------------------------
@dataclass
class SummaryUnit:
    """A heading with its sub-headings: what one SectionSummary covers."""

    part: Part
    path: list[str]
    sections: list[Section]

    @property
    def heading(self) -> str:
        """The heading without its ordinal or wrapping brackets: '(二)坚持…' → '坚持…', '(开篇)' → '开篇'."""
        raw = self.path[-1].strip()
        wrapped = re.fullmatch(r"[(（]([^()（）]+)[)）]", raw)
        return wrapped.group(1) if wrapped else _ORDINAL.sub("", raw).strip() or raw

    def contains(self, pos: int) -> bool:
        """True when a report offset falls inside this unit."""
        return any(s.start <= pos < s.end for s in self.sections)


@dataclass
class SummaryDoc:
    """Everything a summary is built from."""

    report: Report
    sections: list[Section]
    indicators: list[Indicator]
    units: list[SummaryUnit] = field(default_factory=list)


_ORDINAL = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．]|——|[(（])\s*")


def load_doc(corpus: Any, report_id: str) -> SummaryDoc:
    """Report, sections and indicators from the corpus store."""
    report = corpus.store.report(report_id)
    sections = corpus.store.sections(report_id)
    doc = SummaryDoc(report, sections, corpus.indicator_store.query(report_id=report_id))
    doc.units = _units(sections)
    return doc


def _units(sections: Sequence[Section]) -> list[SummaryUnit]:
    """Group consecutive sections under their first heading below the part heading (一、 > (一))."""
    parts = {s.heading for s in sections if s.level == 0}
    units: list[SummaryUnit] = []
    for s in sections:
        depth = 2 if len(s.path) > 1 and s.path[0] in parts else 1
        key = s.path[:depth]
        if units and units[-1].path == key and units[-1].part == s.part:
            units[-1].sections.append(s)
        else:
            units.append(SummaryUnit(s.part, key, [s]))
    return units


# ---- extractive engine --------------------------------------------------------------------------------
_SENT = re.compile(r"[^。！？!?；;\n]+")
_LEAD = re.compile(r"^[\s,，、:：;；.。)）]*(?:(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|此外|同时)[,，:：]?)?")


@dataclass(frozen=True)
class Candidate:
    """A candidate bullet: report text at [start, end) and its rank score."""

    start: int
    end: int
    text: str
    score: float


def rank_candidates(doc: SummaryDoc, unit: SummaryUnit) -> list[Candidate]:
    """Trimmed sentences of a unit, best first."""
    text = doc.report.text
    lo, hi = unit.sections[0].start, unit.sections[-1].end
    found = []
    for s in unit.sections:
        body = s.start + len(s.heading) if text.startswith(s.heading, s.start) else s.start
        for m in _SENT.finditer(text, body, s.end):
            start = m.start() + len(_LEAD.match(m.group(0)).group(0))  # type: ignore[union-attr]
            end = _cut(text, start, m.end())
            while end > start and text[end - 1] in " \t,，、:：":
                end -= 1
            if end - start >= MIN_CHARS:
                sent = text[start:end]
                found.append(Candidate(start, end, sent, _score(sent, (start - lo) / max(1, hi - lo), unit.part)))
    return sorted(found, key=lambda c: -c.score)


def _cut(text: str, start: int, end: int) -> int:
    """Shorten a long sentence at a clause boundary (never inside a number); the whole one if none."""
    if end - start <= MAX_CHARS:
        return end
    for i in range(start + MAX_CHARS, start + MIN_CHARS * 2, -1):
        if text[i] in ",，;；" and not (text[i - 1].isdigit() and text[i + 1 : i + 2].isdigit()):
            return i
    return end


def _score(sentence: str, position: float, part: Part) -> float:
    """Figures with units, lexicon terms, early position; penalise very short or long, and review targets."""
    figures = sum(1 for q in scan_quantities(sentence) if q.unit)
    terms = sum(t.importance for t in TERMS if t.regex.search(sentence))
    score = 2.0 * min(figures, 2) + (1.0 if figures else 0.0) + 0.5 * min(terms, 6) + 0.8 * (1.0 - position)
    score -= 1.5 if len(sentence) < 20 else max(0.0, (len(sentence) - 100) / 60)
    if part == "review" and TARGET_OR_FUTURE.search(sentence) and not DONE_OR_CUMULATIVE.search(sentence):
        score -= 3.0
    return score


def bigrams(text: str) -> set[str]:
    """Character bigrams of a sentence."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two bigram sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def pick_sentences(ranked: Sequence[Candidate], n: int, taken: list[set[str]]) -> list[Candidate]:
    """The top `n` candidates that do not repeat one already taken (character-bigram Jaccard)."""
    chosen: list[Candidate] = []
    for cand in ranked:
        grams = bigrams(cand.text)
        if len(chosen) >= n:
            break
        if all(jaccard(grams, t) < 0.4 for t in taken):
            chosen.append(cand)
            taken.append(grams)
    return sorted(chosen, key=lambda c: c.start)


def sentence_citation(doc: SummaryDoc, unit: SummaryUnit, start: int, end: int) -> Citation:
    """A citation of report text [start, end) (renumbered when the summary is assembled)."""
    text = doc.report.text
    return Citation(n=0, report_id=doc.report.report_id, street=doc.report.street, section=" > ".join(unit.path),
                    quote=text[start:end], start=start, end=end, path=doc.report.path)


def _unit_indicators(doc: SummaryDoc, unit: SummaryUnit, spans: Sequence[tuple[int, int]]) -> list[Indicator]:
    """Figures for English points: the unit's lexicon figures by importance, else unnamed ones in the bullets."""
    kinds = ("target",) if unit.part == "plan" else ("actual", "cumulative", "yoy_growth", "completion_rate")
    inside = [i for i in doc.indicators if i.kind in kinds and unit.contains(i.evidence.start)]
    keyed = sorted((i for i in inside if lex_term(i.key)), key=lambda i: -lex_term(i.key).importance)  # type: ignore[union-attr]
    plain = [i for i in inside if not lex_term(i.key) and not re.search(r"\d", i.label_en)
             and any(a <= i.evidence.start < b for a, b in spans)]
    return keyed or plain[:2]  # unnamed figures only when the section has no lexicon figure


def en_line(i: Indicator) -> str:
    """One English point from a grounded indicator: 'Land put into storage: 757,000 m² (75.7 ha), 2022'."""
    tags = _tags(i, "en")
    figure = format_en(i.value, i.unit, i.qualifier)
    if i.kind == "target":
        return f"Target: {i.label_en.removesuffix(' (target)')}: {figure}, {', '.join(tags)}"
    return f"{i.label_en}: {figure}, {', '.join(tags)}"


def extractive_unit(doc: SummaryDoc, unit: SummaryUnit, taken: list[set[str]]) -> SectionSummary | None:
    """Verbatim Chinese bullets and indicator-built English bullets for one unit (None when it has no text)."""
    ranked = rank_candidates(doc, unit)
    size = sum(s.end - s.start for s in unit.sections)
    n = (3 if size > 400 else 2) if unit.part == "review" else 2
    chosen = pick_sentences(ranked, n, taken)
    if not chosen:
        return None
    inds = _unit_indicators(doc, unit, [(c.start, c.end) for c in chosen])
    return section_summary(doc, unit, [c.text for c in chosen], [en_line(i) for i in inds[:4]],
                    [sentence_citation(doc, unit, c.start, c.end) for c in chosen])


def section_summary(doc: SummaryDoc, unit: SummaryUnit, zh: list[str], en: list[str], cites: list[Citation]) -> SectionSummary:
    """Assemble a SectionSummary with its topic."""
    text = doc.report.text
    body = "".join(text[s.start : s.end] for s in unit.sections)
    inds = [i for i in doc.indicators if unit.contains(i.evidence.start)]
    topic = _topic(unit.path[-1], body, unit.sections[0].level, inds)
    return SectionSummary(heading_zh=unit.heading, topic_en=topic, topic_zh=_TOPIC_ZH[topic], part=unit.part,
                          section=" > ".join(unit.path), section_indexes=[s.index for s in unit.sections],
                          bullets_zh=zh, bullets_en=en, citations=cites)


def extractive_sections(doc: SummaryDoc) -> list[SectionSummary]:
    """Every unit summarised extractively, redundancy removed across the whole report."""
    taken: list[set[str]] = []
    out = [extractive_unit(doc, u, taken) for u in doc.units]
    return [s for s in out if s is not None]


# ---- key figures, headline, caveats -------------------------------------------------------------------
def headline_indicators(indicators: Iterable[Indicator], *, min_importance: int = 2) -> list[Indicator]:
    """First review actual/cumulative figure per lexicon key with at least `min_importance`, in text order."""
    seen: dict[str, Indicator] = {}
    for i in sorted(indicators, key=lambda i: i.evidence.start):
        term = lex_term(i.key)
        if term and term.importance >= min_importance and i.part == "review" and i.kind in HEADLINE_KINDS:
            seen.setdefault(base_key(i.key), i)  # 'new_<key>' (newly added) stays apart from the stock figure
    return list(seen.values())


def choose_key_figures(doc: SummaryDoc) -> list[KeyFigure]:
    """Headline figures by importance then position; lesser keyed figures fill up to KEY_MIN."""
    main = headline_indicators(doc.indicators)
    rank = sorted(main, key=lambda i: (-lex_term(i.key).importance, i.evidence.start))[:KEY_MAX]  # type: ignore[union-attr]
    if len(rank) < KEY_MIN:
        rest = [i for i in headline_indicators(doc.indicators, min_importance=1) if i not in rank]
        rank += rest[: KEY_MIN - len(rank)]
    return [_key_figure(doc, i) for i in rank]


def _key_figure(doc: SummaryDoc, i: Indicator) -> KeyFigure:
    """Bilingual display of one indicator, with its year-on-year change when stated next to it."""
    term = lex_term(i.key)
    change = next((c for c in doc.indicators if c.kind == "yoy_growth" and lex_term(c.key) is term
                   and 0 <= c.evidence.start - i.evidence.start < 80), None)
    zh = f"{i.label_zh} {format_zh(i.value, i.unit, i.qualifier)}"
    en = f"{i.label_en}: {format_en(i.value, i.unit, i.qualifier)}"
    if change is not None:
        zh += f"，同比{'下降' if change.value < 0 else '增长'}{format_zh(abs(change.value), change.unit)}"
        en += f", {'+' if change.value > 0 else ''}{format_en(change.value, change.unit)} year on year"
    zh += "（" + "，".join(_tags(i, "zh")) + "）"
    en += ", " + ", ".join(_tags(i, "en"))
    unit = next((u for u in doc.units if u.contains(i.evidence.start)), doc.units[0] if doc.units else None)
    ev = i.evidence
    cite = Citation(n=0, report_id=i.report_id, street=i.street, section=" > ".join(unit.path) if unit else "",
                    quote=ev.quote, start=ev.start, end=ev.end, path=doc.report.path)
    return KeyFigure(indicator=i, change=change, zh=zh, en=en, citation=cite)


def _tags(i: Indicator, lang: str) -> list[str]:
    """Period, cumulative and provisional tags of a figure."""
    zh = lang == "zh"
    return [period_zh(i.period) if zh else period_en(i.period)] + (
        [("累计" if zh else "cumulative")] if i.kind == "cumulative" else []) + (
        [("初步数，以统计公布为准" if zh else "provisional")] if i.provisional else [])


def _headline(doc: SummaryDoc, figures: Sequence[KeyFigure]) -> tuple[str, str]:
    """One Chinese and one English sentence from the top key figures (periods shown when they differ)."""
    r = doc.report
    street, period = r.street or "该街道", r.period_covered
    if not figures:
        return (f"{street}{period_zh(period)}工作总结：未提取到主要指标，要点见各部分。",
                f"{place_en(r.street)}, {period_en(period)}: no headline figures were extracted; see the sections.")
    zh, en = [], []
    for kf in figures[:HEADLINE_N]:
        i = kf.indicator
        other = i.period != period
        zh.append(f"{i.label_zh}{format_zh(i.value, i.unit, i.qualifier)}" + (f"（{period_zh(i.period)}）" if other else ""))
        en.append(f"{i.label_en}: {format_en(i.value, i.unit, i.qualifier)}" + (f" ({period_en(i.period)})" if other else ""))
    return (f"{street}{period_zh(period)}：" + "，".join(zh) + "。",
            f"{place_en(r.street)}, {period_en(period)}: " + "; ".join(en) + ".")


def _caveats(doc: SummaryDoc, figures: Sequence[KeyFigure], mode: str) -> tuple[list[str], list[str]]:
    """Period covered, partial-period and doubtful-year notes, provisional and cumulative figures, mode."""
    r = doc.report
    zh = [f"覆盖期间：{period_zh(r.period_covered)}工作总结" + (f"，及{period_zh(r.plan_period)}工作计划" if r.plan_period else "")]
    en = [f"Period covered: {period_en(r.period_covered)} review" + (f", and the {period_en(r.plan_period)} plan" if r.plan_period else "")]
    partial = sorted({i.period for i in doc.indicators if re.fullmatch(r"\d{4}M\d\d-M\d\d", i.period)})
    for p in partial:
        zh.append(f"部分数据仅为{period_zh(p)}，并非整个报告期")
        en.append(f"Some figures cover {period_en(p)} only, not the whole period")
    for note in r.notes:
        zh.append(f"报告提示：{note}")
        en.append(f"Report note: {note}")
    for kf in figures:
        i = kf.indicator
        if i.provisional:
            zh.append(f"{i.label_zh}{format_zh(i.value, i.unit, i.qualifier)}为初步数（以统计公布为准）")
            en.append(f"{i.label_en} ({format_en(i.value, i.unit, i.qualifier)}) is provisional, pending official statistics")
        if i.kind == "cumulative":
            zh.append(f"{i.label_zh}为累计数")
            en.append(f"{i.label_en} is a cumulative figure")
    if r.plan_period:
        zh.append("计划部分为目标，并非已完成的结果")
        en.append("Plan items are targets, not results")
    zh.append("抽取式摘要：中文要点均为报告原句，英文要点仅列出已核对的指标" if mode == "extractive"
              else f"要点由模型 {mode} 撰写，所有数字均已与原文核对")
    en.append("Extractive summary: Chinese points are verbatim report sentences; English points list verified figures"
              if mode == "extractive" else f"Points written by {mode}; every figure was checked against the report")
    return zh, en


def assemble(doc: SummaryDoc, sections: list[SectionSummary], *, mode: str, prompt_version: str,
              headline: tuple[str, str] | None = None, overview: tuple[str, str] = ("", ""),
              dropped: Sequence[str] = (), notes: tuple[list[str], list[str]] = ([], [])) -> ReportSummary:
    """Key figures, headline, caveats and numbering around the section points; then the number check."""
    r = doc.report
    figures = choose_key_figures(doc)
    head = headline or _headline(doc, figures)
    cz, ce = _caveats(doc, figures, mode)
    summary = ReportSummary(
        report_id=r.report_id, street=r.street, street_en=place_en(r.street), district=r.district,
        period=r.period_covered, plan_period=r.plan_period, title=r.title, mode=mode, headline_zh=head[0],
        headline_en=head[1], overview_zh=overview[0], overview_en=overview[1], key_figures=figures,
        review=[s for s in sections if s.part == "review"], plan=[s for s in sections if s.part == "plan"],
        caveats_zh=cz + notes[0], caveats_en=ce + notes[1], faithfulness=Faithfulness(),
        content_hash=r.content_hash, prompt_version=prompt_version)
    _renumber(summary)
    checked, problems = summary_faithfulness(summary, r.text, doc.sections)
    summary.faithfulness = Faithfulness(checked=checked, unsupported=[*dropped, *problems])
    return summary


def _renumber(summary: ReportSummary) -> None:
    """Footnote numbers: key figures first, then section points in order."""
    n = 0
    for kf in summary.key_figures:
        n += 1
        kf.citation.n = n
    for sec in [*summary.review, *summary.plan]:
        for c in sec.citations:
            n += 1
            c.n = n
