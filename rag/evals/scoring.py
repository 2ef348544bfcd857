"""Evaluation: datasets in the public gold format, deterministic unit-aware evaluators, suites, baseline."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from rag.figures.grounding import signed_figures
from rag.figures.lexicon import BY_KEY, KIND_SUFFIX, base_key
from rag.schemas import Answer, Indicator, ReportMeta
from rag.text.cues import STATED_RANK, nth_asked, stated_position
from rag.text.names import place_en
from rag.text.numbers import UNITS, normalize
from rag.text.script import simplified

if TYPE_CHECKING:
    from rag.summary.common import ReportSummary

REL_TOL = 0.005
# A label that gives its figure as approximate ('约3.4人（41人÷12户≈3.42）', 'about 6.3'): printed precision counts.
_APPROXIMATE = re.compile(r"^\s*(?:约|大约|≈|about|approximately|roughly|around)", re.I)


class Fact(BaseModel):
    """One question with its labelled answer (the public facts format)."""

    model_config = ConfigDict(extra="allow")
    id: str
    doc: str
    street: str
    period: str
    question: str
    lang: Literal["zh", "en"]
    type: Literal["lookup", "comparison", "multi_hop", "target_vs_actual", "unanswerable"]
    answer_value: float | None = None
    answer_unit: str | None = None
    answer_text: str = ""
    evidence: list[str] = Field(default_factory=list)
    docs: list[str] = Field(default_factory=list)
    streets: list[str] = Field(default_factory=list)
    evidence_docs: list[str] = Field(default_factory=list)


class GoldIndicator(BaseModel):
    """One row of the gold indicator table."""

    model_config = ConfigDict(extra="allow")
    doc: str
    street: str
    period: str
    indicator_key: str
    value: float
    unit: str
    normalized_value: float
    normalized_unit: str
    kind: str
    evidence: str


class GoldMeta(BaseModel):
    """One row of gold metadata."""

    model_config = ConfigDict(extra="allow")
    doc: str
    street: str
    district: str | None = None
    period_covered: str | None = None
    plan_period: str | None = None


def load_jsonl(path: Path, model: type[BaseModel]) -> list[Any]:
    """Read and validate a JSONL file; a bad line fails with its line number."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(model.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"{path.name}:{n}: {exc}") from exc
    return rows


# ---- evaluators ---------------------------------------------------------------------------------
Outcome = Literal["correct", "wrong", "declined"]
# The answer's headline: its first sentence (Chinese 。, or an English full stop before a space or the end).
_FIRST_SENTENCE = re.compile(r"^.*?(?:。|\.(?=\s|$)|$)", re.S)
# Place suffixes a comparison's expected winner ends with.
_PLACE = re.compile(r"[\u4e00-\u9fffA-Z]{2,8}?(?:街道办事处|街道|管委会|办事处|镇|乡)")


def headline(answer: Answer) -> str:
    """The part of an answer that states its figure: the first sentence."""
    m = _FIRST_SENTENCE.match(answer.text.strip())
    return m.group(0) if m else answer.text


def headline_figures(answer: Answer) -> list[tuple[float, str]]:
    """Normalised figures stated in the headline (declines and passages quoted later do not count); a stated
    position ('排名全县第2', 'ranked 2nd') counts as that ordinal (facts label it 2名 / 2位)."""
    if answer.route == "abstain":
        return []
    first = headline(answer)
    return signed_figures(first) + [(float(stated_position(m)), "count") for m in STATED_RANK.finditer(first)]


def numeric_match(answer: Answer, value: float, unit: str, *, approximate: bool = False) -> tuple[bool, str]:
    """The expected figure (normalised, within tolerance, sign-insensitive for 下降 wording) is in the headline.
    An `approximate` figure (labelled 约 4.0, 'about 4.0') is matched at the precision it is printed with: 3.42 is
    约3.4."""
    unit = re.sub(r"(?<=.)[（(][^）)]*[）)]$", "", unit.strip())  # '万只（头）': what the aside counts too
    unit = unit.split("/")[0] if "/" in unit and unit.split("/")[0] in UNITS else unit  # '元/斤': the price in 元
    try:
        want, want_unit = normalize(value, unit)
    except ValueError:  # a unit no table knows (a typo in the facts file): a failed case, not a crash
        return False, f"expected {value:g}{unit}: unknown unit {unit!r}"
    got = headline_figures(answer)
    tol = REL_TOL * max(1.0, abs(want))
    if approximate:  # half a step of the label's last printed digit, in the normalised unit
        decimals = len(f"{value}".split(".")[1].rstrip("0") or "0") if "." in f"{value}" else 0
        tol = max(tol, abs(normalize(0.5 * 10 ** -decimals, unit)[0]))
    for v, u in got:
        if u == want_unit and abs(abs(v) - abs(want)) <= tol:
            return True, ""
    shown = ", ".join(f"{v:g} {u}" for v, u in got[:4]) or "no figure"
    return False, f"expected {value:g}{unit} ({want:g} {want_unit}) first; the answer's headline has {shown}"


def entity_match(answer: Answer, fact: Fact) -> tuple[bool, str]:
    """For comparisons: the top-ranked place is the labelled one (from the table, else the first sentence)."""
    expected = _winner(fact)
    if not expected:
        return True, ""
    top = None
    if answer.table:  # the place in the position asked ('which ranks second', the middle one), the top one otherwise
        nth = nth_asked(fact.question)
        if nth == -1:
            ranks = sorted({r.rank for r in answer.table if r.rank})
            nth = ranks[len(ranks) // 2] if len(ranks) % 2 else 1
        ranked = [r for r in answer.table if r.rank == (nth or 1)]
        top = ranked[0].street if ranked else None
    if top is None:
        first = headline(answer)
        top = expected if expected in first or _short(expected) in first else None
    if top != expected and not (top and _short(top) == _short(expected)):
        return False, f"expected top place {expected}, got {top}"
    return True, ""


def _winner(fact: Fact) -> str | None:
    """The labelled winner: the first of the fact's places its answer text names, else a place-like word (an answer
    written in Traditional script names 觀湖 for 观湖)."""
    fact = fact.model_copy(update={"answer_text": simplified(fact.answer_text)})
    at = {s: _named_at(s, fact.answer_text) for s in fact.streets if s and s != "multi"}
    if at and all(n >= 0 for n in at.values()):  # every place named, in Chinese or pinyin ('Guanhu: 52 …; XX: 40')
        return min(at, key=lambda s: at[s])
    named = [s for s in fact.streets if s and s != "multi" and (s in fact.answer_text or _short(s) in fact.answer_text)]
    if named:
        return min(named, key=lambda s: fact.answer_text.find(_short(s)))
    m = _PLACE.search(fact.answer_text)
    return m.group(0) if m else None


def _named_at(place: str, text: str) -> int:
    """Where the text first names the place, by its Chinese short name or, in English, its pinyin ('Guanhu: 52 …');
    -1 when it does not."""
    found = [n for n in (text.find(_short(place)),) if n >= 0]
    pinyin = place_en(place).split()[0]
    if re.search(r"[a-z]", pinyin):  # 'XX Subdistrict' has no pinyin of its own
        found += [m.start() for m in re.finditer(rf"\b{re.escape(pinyin)}\b", text, re.I)][:1]
    return min(found, default=-1)


def _short(place: str) -> str:
    return re.sub(r"(?:街道办事处|街道|管委会|办事处|镇|乡)$", "", place) or place


def abstains(answer: Answer) -> tuple[bool, str]:
    """An unanswerable question gets no figure passed off as the answer (a figure in the headline)."""
    if not headline_figures(answer):
        return True, ""
    return False, f"should decline, but answered: {answer.text[:80]}"


def citations_exact(answer: Answer, texts: dict[str, str]) -> tuple[bool, str]:
    """Every cited quote is the report text at its span."""
    for c in answer.citations:
        if texts.get(c.report_id, "")[c.start : c.end] != c.quote:
            return False, f"citation [{c.n}] is not an exact substring of its report"
    return True, ""


def judge(fact: Fact, answer: Answer, texts: dict[str, str]) -> tuple[Outcome, str]:
    """correct / wrong (a figure stated that is not the labelled one, or a bad citation) / declined."""
    ok, why = citations_exact(answer, texts)
    if not ok:
        return "wrong", why
    if fact.answer_value is None:
        ok, why = abstains(answer)
        return ("correct", "") if ok else ("wrong", why)
    if not headline_figures(answer):
        return "declined", f"declined: {answer.text[:80]}"
    if fact.type == "comparison":
        ok, why = entity_match(answer, fact)
        if not ok:
            return "wrong", why
    ok, why = numeric_match(answer, fact.answer_value, fact.answer_unit or "",
                            approximate=bool(_APPROXIMATE.search(fact.answer_text or "")))
    return ("correct", "") if ok else ("wrong", why)


def score_fact(fact: Fact, answer: Answer, texts: dict[str, str]) -> tuple[bool, str]:
    """True when the answer states the labelled figure first (or rightly declines)."""
    outcome, why = judge(fact, answer, texts)
    return outcome == "correct", why


# ---- suites -------------------------------------------------------------------------------------
def qa_suite(facts: list[Fact], ask: Callable[[str], Answer], texts: dict[str, str]) -> dict[str, Any]:
    """Accuracy, wrong rate and declined rate overall, by type and by language, with each failure explained."""
    results = []
    for fact in facts:
        answer = ask(fact.question)
        outcome, why = judge(fact, answer, texts)
        results.append((fact, answer, outcome, why))
    return {
        **_rates([r[2] for r in results]), "n": len(results),
        "by_type": _group(results, lambda f: f.type), "by_lang": _group(results, lambda f: f.lang),
        "citation_exact": _acc([citations_exact(a, texts)[0] for _, a, _, _ in results]),
        "failures": [{"id": f.id, "question": f.question, "expected": f.answer_text, "got": a.text[:300],
                      "outcome": o, "reason": why} for f, a, o, why in results if o != "correct"],
    }


def _rates(outcomes: list[Outcome]) -> dict[str, float]:
    return {"accuracy": _acc([o == "correct" for o in outcomes]),
            "wrong_rate": _acc([o == "wrong" for o in outcomes]),
            "declined_rate": _acc([o == "declined" for o in outcomes])}


def _acc(flags: list[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def _group(results: list[tuple[Fact, Answer, Outcome, str]], key: Callable[[Fact], str]) -> dict[str, Any]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for fact, _, outcome, _ in results:
        groups[key(fact)].append(outcome)
    return {k: {**_rates(v), "n": len(v)} for k, v in sorted(groups.items())}


def keys_compatible(gold_key: str, got_key: str) -> bool:
    """Same concept: equal keys, one key's words contained in the other's, or a generic row for a non-lexicon key."""
    if gold_key == got_key:
        return True
    if got_key.startswith(("other:", "label:")):
        return base_key(gold_key) not in BY_KEY
    a, b = _words(gold_key), _words(got_key)
    return len(min(a, b, key=len)) >= 2 and (a <= b or b <= a)


def _kind_key(row: Indicator) -> str:
    """A row's key with the kind suffix the gold keys carry ('retail_sales' + yoy_growth -> 'retail_sales_yoy');
    extraction keys carry no kind suffix (the kind is in `kind`)."""
    if row.key.startswith(("other:", "label:")) or row.key.endswith(tuple(KIND_SUFFIX.values())):
        return row.key
    return row.key + KIND_SUFFIX.get(row.kind, "")


def _words(key: str) -> set[str]:
    """Key words with plurals folded ('buildings' ~ 'building')."""
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in key.split("_")}


def _same_value(g: GoldIndicator, i: Indicator) -> bool:
    """Equal as printed (same unit, same number), or equal after normalisation within the tolerance.

    Printed equality matters where a labeller normalised a misprinted unit differently from the printed one.
    """
    if g.unit == i.unit and abs(abs(g.value) - abs(i.value)) <= 1e-9 * max(1.0, abs(g.value)):
        return True
    return abs(i.normalized_value - g.normalized_value) <= REL_TOL * max(1.0, abs(g.normalized_value))


def indicator_suite(gold: list[GoldIndicator], got: list[Indicator], doc_ids: dict[str, str]) -> dict[str, Any]:
    """Precision over lexicon-keyed rows, recall over gold rows (street + key + kind + value within 0.5%)."""
    used: set[int] = set()
    matched: dict[str, list[bool]] = defaultdict(list)
    for g in gold:
        rid = doc_ids.get(g.doc)
        hits = [i for i in got if i.report_id == rid and i.kind == g.kind and keys_compatible(g.indicator_key, _kind_key(i))
                and _same_value(g, i)]
        used.update(id(i) for i in hits)
        matched["plan" if g.kind == "target" and g.period.endswith("plan") else "review"].append(bool(hits))
    keyed = [i for i in got if base_key(i.key) in BY_KEY]
    return {
        "precision": _acc([id(i) in used for i in keyed]), "n_keyed": len(keyed), "n_extracted": len(got),
        "recall": _acc(matched["review"]), "n_gold_review": len(matched["review"]),
        "recall_targets": _acc(matched["plan"]), "n_gold_targets": len(matched["plan"]),
    }


def metadata_suite(gold: list[GoldMeta], got: dict[str, ReportMeta]) -> dict[str, Any]:
    """Field accuracy on street, district, period covered and plan period."""
    fields = ("street", "district", "period_covered", "plan_period")
    flags, failures = [], []
    for g in gold:
        meta = got.get(g.doc)
        for f in fields:
            ok = meta is not None and getattr(meta, f) == getattr(g, f)
            flags.append(ok)
            if not ok:
                failures.append({"doc": g.doc, "field": f, "expected": getattr(g, f),
                                 "got": getattr(meta, f) if meta else None})
    return {"accuracy": _acc(flags), "n": len(flags), "failures": failures}


# ---- summaries -----------------------------------------------------------------------------------------
def headline_gold(gold: list[GoldIndicator]) -> list[GoldIndicator]:
    """Gold review headline rows: lexicon key of importance >= 2, kind actual or cumulative."""
    return [g for g in gold if base_key(g.indicator_key) in BY_KEY and BY_KEY[base_key(g.indicator_key)].importance >= 2
            and g.kind in ("actual", "cumulative")]


def summary_suite(gold: list[GoldIndicator], summaries: list[ReportSummary], doc_ids: dict[str, str]) -> dict[str, Any]:
    """Faithfulness (share of summary figures traced to the source) and key-figure coverage of gold headlines."""
    checked = sum(s.faithfulness.checked for s in summaries)
    bad = sum(len(s.faithfulness.unsupported) for s in summaries)
    by_id = {s.report_id: s for s in summaries}
    per_report: dict[str, list[bool]] = defaultdict(list)
    for g in headline_gold(gold):
        summary = by_id.get(doc_ids.get(g.doc, ""))
        if summary is None:
            continue
        shown = [x for k in summary.key_figures for x in (k.indicator, k.change) if x is not None]
        per_report[g.doc].append(any(
            i.street == g.street and abs(abs(i.normalized_value) - abs(g.normalized_value))
            <= REL_TOL * max(1.0, abs(g.normalized_value)) for i in shown))
    coverage = {doc: _acc(flags) for doc, flags in sorted(per_report.items())}
    return {
        "faithfulness": round((checked - bad) / checked, 4) if checked else 1.0, "n_figures": checked,
        "unsupported": [u for s in summaries for u in s.faithfulness.unsupported],
        "key_figure_coverage": round(sum(coverage.values()) / len(coverage), 4) if coverage else 0.0,
        "coverage_by_report": coverage, "n_reports": len(summaries),
    }


def load_thresholds(path: Path) -> dict[str, tuple[str, float]]:
    """Flat 'suite.metric' → ('min', x) for a plain number, or ('max', x) for {"max": x} (wrong rates)."""
    out: dict[str, tuple[str, float]] = {}
    for k, v in json.loads(path.read_text(encoding="utf-8")).items():
        if k.startswith("_"):
            continue
        out[k] = ("max", float(v["max"])) if isinstance(v, dict) else ("min", float(v))
    return out


def check_thresholds(report: dict[str, Any], thresholds: dict[str, tuple[str, float]]) -> list[str]:
    """Every 'suite.metric[.sub…]' on the wrong side of its bound, as readable lines."""
    bad = []
    for dotted, (side, bound) in thresholds.items():
        node: Any = report
        for part in dotted.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            continue
        if side == "min" and float(node) < bound:
            bad.append(f"{dotted} = {float(node):.3f} < {bound}")
        if side == "max" and float(node) > bound:
            bad.append(f"{dotted} = {float(node):.3f} > {bound}")
    return bad
