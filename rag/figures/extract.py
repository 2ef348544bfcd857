"""Figure extraction: lexicon + number/unit parser, every row grounded in its source sentence."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import ValidationError

from rag.errors import ExtractionError
from rag.figures.lexicon import KIND_SUFFIX, Term, match_term
from rag.schemas import Chunk, Evidence, Indicator, Kind, Report, Section
from rag.text.cues import COMPLETION, CUMULATIVE, DONE, PROVISIONAL, SHARE, TARGET, YOY
from rag.text.numbers import UNITS, Quantity, normalize, scan_quantities

log = logging.getLogger(__name__)

_SENTENCE = re.compile(r"[^。！？；;\n]+")
_CLAUSE_SEP = re.compile(r"[,，:：]")
_LEAD_NOISE = re.compile(r"^(?:其中|全年|年内|共|累计|共计|合计|全街道|街道|辖区|同时|并|完成|实现|新增?|达|已)+")
_MAX_LABEL = 16
_MAX_GAP = 8  # characters allowed between an indicator's name and its number (增至, 实现投资额 …)
_NOT_HEADLINE = re.compile(r"其中|正在|办理中|推进中|^[^,，]{0,4}拟")
_ATTRIBUTE = re.compile(r"增加值|总投入|投入|营收|营业收入|产值|金额")
_VERB_ONLY = re.compile(r"(?:建成|新建|完成|推动|帮助|引进|新增|实现|发动|开展|举办|组织|成功|累计|共|超|约|近|达)+")
_AFTER = re.compile(r"[^,，;；。、]{1,14}")


@dataclass(frozen=True)
class _Clause:
    start: int
    text: str


def extract_indicators(report: Report, sections: list[Section], chunks: list[Chunk]) -> list[Indicator]:
    """Every grounded figure with a unit in the report; lexicon keys where known, 'other:<label>' otherwise."""
    out: list[Indicator] = []
    seen: set[tuple[str, str, float]] = set()
    for section in sections:
        for sent_start, sentence in _sentences(report.text, section):
            for ind in _from_sentence(report, section, chunks, sent_start, sentence):
                sig = (ind.key, ind.kind, round(ind.normalized_value, 6))
                if sig in seen:
                    continue  # a figure repeated (e.g. in a highlights block) is kept once, at first mention
                seen.add(sig)
                out.append(ind)
    return out


def _sentences(text: str, section: Section) -> Iterator[tuple[int, str]]:
    for m in _SENTENCE.finditer(text, section.start, section.end):
        yield m.start(), m.group(0)


def _from_sentence(report: Report, section: Section, chunks: list[Chunk], sent_start: int,
                   sentence: str) -> Iterator[Indicator]:
    # "三个零发生" style slogans are not figures
    quantities = [q for q in scan_quantities(sentence) if q.unit is not None and sentence[q.end : q.end + 1] != "零"]
    if not quantities:
        return
    subjects = _subjects(sentence, quantities)
    for q, (term, label, clause) in zip(quantities, subjects, strict=True):
        kind = _kind(section, sentence, clause, q)
        provisional = bool(PROVISIONAL.search(clause.text))
        ind = _build(report, section, chunks, sent_start, q, term, label, clause, kind, provisional, sentence)
        if ind is not None:
            yield ind


def _subjects(sentence: str, quantities: list[Quantity]) -> list[tuple[Term | None, str, _Clause]]:
    """For each quantity: the lexicon term and label of what it measures, and its clause."""
    out: list[tuple[Term | None, str, _Clause]] = []
    respectively = _respectively(sentence, quantities)
    prev: tuple[Term | None, str] = (None, "")
    for i, q in enumerate(quantities):
        clause = _clause_of(sentence, q)
        prefix = sentence[clause.start : q.start]
        if i in respectively:
            prefix = respectively[i]
        elif i and quantities[i - 1].end >= clause.start:
            prefix = sentence[quantities[i - 1].end : q.start]
        unit_kind = UNITS[q.unit].normalized_unit if q.unit else None
        if i and not prefix.strip() and prev[1]:
            term, label = prev  # "整治土地12处3.4万平方米": the second figure measures the same thing
        elif unit_kind == "percent" and (YOY.search(prefix) or COMPLETION.search(prefix)):
            term, label = _own_or_prev(prefix, prev)
        else:
            term, label = _named(prefix, sentence[q.end : clause.start + len(clause.text)], unit_kind, prev)
        if term is not None and term.context and not re.search(term.context, sentence):
            term = None
        if _NOT_HEADLINE.search(sentence[clause.start : q.start]):
            term = None  # subsets (其中…) and work in progress (正在办理…) are not the headline figure
        out.append((term, label, clause))
        if unit_kind != "percent":
            prev = (term, label)
    return out


def _named(prefix: str, suffix: str, unit_kind: str | None,
           prev: tuple[Term | None, str]) -> tuple[Term | None, str]:
    """Name a figure from the words before it, else after it ("建成12个口袋公园")."""
    found = match_term(prefix, unit_kind)
    if found and len(prefix) - found[1] <= _MAX_GAP and not re.search(r"等|、|和", prefix[found[1] :]):
        return found[0], _label(prefix, found[1])
    label = _label(prefix, len(prefix))
    if prev[1] and len(label) <= 4 and _ATTRIBUTE.search(label):
        joined = prev[1] + label  # "规上工业总产值…,增加值64.5亿元"
        found = match_term(joined, unit_kind)
        if found and found[1] == len(joined):
            return found[0], joined
    after = _AFTER.match(suffix)
    if len(label) < 2 or _VERB_ONLY.fullmatch(label):
        tail = after.group(0) if after else ""
        found = match_term(tail, unit_kind)
        return (found[0] if found else None), _label(tail, len(tail)) or label
    return None, label


def _own_or_prev(prefix: str, prev: tuple[Term | None, str]) -> tuple[Term | None, str]:
    """A growth or completion rate belongs to the figure before it unless it names its own subject."""
    stripped = YOY.split(COMPLETION.split(prefix)[0])[0]
    found = match_term(stripped)
    if found and len(stripped) - found[1] <= _MAX_GAP:
        return found[0], _label(stripped, found[1])
    label = _label(stripped, len(stripped))
    if len(label) >= 2:
        return None, label  # "、死亡人数下降41.7%" names its own subject
    return prev


def _respectively(sentence: str, quantities: list[Quantity]) -> dict[int, str]:
    """'A、B同比(分别)下降x%、y%': map the listed subjects onto the listed numbers by position."""
    out: dict[int, str] = {}
    i = 0
    while i < len(quantities):
        j = i
        while j + 1 < len(quantities) and sentence[quantities[j].end : quantities[j + 1].start] in ("、", "和", "及"):
            j += 1
        if j > i:
            clause = _clause_of(sentence, quantities[i])
            head = re.split(r"同比|分别|均|各", sentence[clause.start : quantities[i].start])[0]
            items = re.split(r"、|和|及", head)
            if len(items) == j - i + 1:
                tail = items[-1]
                for n, item in enumerate(items):
                    out[i + n] = item if len(item) > 3 or n == len(items) - 1 else item + tail[-2:]
        i = j + 1
    return out


def _clause_of(sentence: str, q: Quantity) -> _Clause:
    """The comma-delimited clause holding `q`, widened to the previous clause when it names nothing."""
    starts = [0] + [m.end() for m in _CLAUSE_SEP.finditer(sentence, 0, q.start)]
    start = starts[-1]
    if q.start - start < 3 and len(starts) > 1:
        start = starts[-2]
    end_m = _CLAUSE_SEP.search(sentence, q.end)
    end = end_m.start() if end_m else len(sentence)
    return _Clause(start, sentence[start:end])


def _label(prefix: str, end: int) -> str:
    """A short Chinese label for the figure: the words just before it, minus filler."""
    text = prefix[:end] if end else prefix
    text = re.split(r"[,，、:：]", text)[-1]
    text = _LEAD_NOISE.sub("", text.strip())
    text = re.sub(r"(?:增至|达到|达|为|至|约|近|超过|超|逾|共|计|实现|完成|累计|同比|\(|（)+$", "", text)
    return text[-_MAX_LABEL:].strip("“”\"' ")


def _kind(section: Section, sentence: str, clause: _Clause, q: Quantity) -> Kind:
    before = sentence[clause.start : q.start]
    unit_kind = UNITS[q.unit].normalized_unit if q.unit else ""
    if section.part == "plan":
        return "target"
    if unit_kind == "percent":
        if COMPLETION.search(before):
            return "completion_rate"
        if YOY.search(before[-8:]) or q.negative:
            return "yoy_growth"
        if SHARE.search(before):
            return "share"
    if TARGET.search(before) and not DONE.search(before):
        return "target"
    if CUMULATIVE.search(sentence[: q.start]):
        return "cumulative"
    return "actual"


def period_of(report: Report, section: Section, sentence: str) -> str:
    """Period code of a figure: the plan period for plan text, 'YYYYM01-Mnn' for 1-n月 figures, else the review period."""
    if section.part == "plan":
        return f"{report.plan_period or 'unknown'}-plan"
    base = report.period_covered or "unknown"
    m = re.search(r"(?<!\d)1\s*[-至~]\s*(\d{1,2})月", sentence)
    if m and base[:4].isdigit():
        return f"{base[:4]}M01-M{int(m.group(1)):02d}"
    return base


def _build(report: Report, section: Section, chunks: list[Chunk], sent_start: int, q: Quantity,
           term: Term | None, label: str, clause: _Clause, kind: Kind, provisional: bool,
           sentence: str) -> Indicator | None:
    if term is None and len(label) < 2:
        return None  # a number with no nameable subject is not an indicator
    value = -abs(q.value) if (q.negative and kind in ("yoy_growth", "target")) else abs(q.value)
    if q.unit is None:
        raise ExtractionError(f"figure {q.number_text!r} has no unit (extraction keeps only figures with units)")
    norm_value, norm_unit = normalize(value, q.unit)
    start = sent_start + clause.start
    quote = clause.text
    if kind == "yoy_growth" and q.negative and str(_fmt(abs(q.value))) not in quote:
        return None
    key = (_flavour(term.key, term, sentence[clause.start : q.start]) if term else f"other:{label}") + (
        KIND_SUFFIX.get(kind, "") if term else "")
    try:
        return Indicator.model_validate(
            {
                "report_id": report.report_id, "street": report.street, "district": report.district,
                "period": period_of(report, section, sentence), "key": key,
                "label_zh": _label_zh(term, label, kind), "label_en": _label_en(term, label, kind),
                "value": value, "unit": q.unit, "normalized_value": norm_value, "normalized_unit": norm_unit,
                "kind": kind, "qualifier": q.qualifier, "part": section.part, "provisional": provisional,
                "evidence": Evidence(chunk_id=chunk_at(chunks, start), start=start, end=start + len(quote),
                                     quote=quote),
            },
            context={"text": report.text},
        )
    except ValidationError as exc:
        log.debug("dropped %s %s: %s", label, q.number_text, exc.errors()[0]["msg"])
        return None


def _flavour(key: str, term: Term, before: str) -> str:
    """Newly added counts (新增托位) are a different metric from stocks (总托位): key 'new_<key>'."""
    if "新增" in before and term.units == ("count",) and not key.startswith("new_"):
        return "new_" + key
    return key


def _fmt(v: float) -> str:
    return f"{v:g}"


_KIND_ZH = {"yoy_growth": "同比变化", "completion_rate": "完成率", "target": "目标", "share": "占比"}
_KIND_EN = {"yoy_growth": ", YoY change", "completion_rate": ", completion rate", "target": " (target)",
            "share": ", share"}


def _label_zh(term: Term | None, label: str, kind: str) -> str:
    base = term.zh if term else label
    return base + _KIND_ZH.get(kind, "")


def _label_en(term: Term | None, label: str, kind: str) -> str:
    base = term.en if term else f"Reported figure ({label})"
    return base + _KIND_EN.get(kind, "")


def chunk_at(chunks: list[Chunk], pos: int) -> str:
    """Id of the chunk holding character `pos` (the nearest one if none does)."""
    for c in chunks:
        if c.start <= pos < c.end:
            return c.chunk_id
    return min(chunks, key=lambda c: abs(c.start - pos)).chunk_id if chunks else "none"
