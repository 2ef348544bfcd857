"""Typed records that cross stage boundaries."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from rag.text.cues import CHANGE, ESTIMATE, PROJECTED, TARGET_WORDS

Part = Literal["review", "plan"]
Kind = Literal["actual", "estimate", "target", "yoy_growth", "yoy_change", "completion_rate", "cumulative", "share"]
PeriodSource = Literal["clause", "sentence", "paragraph", "section", "report"]
Qualifier = Literal["近", "约", "超", "余", "逾", "以上", "以下", "不少于", "不低于", "达", "左右"]


class Record(BaseModel):
    """Base for records: forbid unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Record):
    """Where a value came from: `report.text[start:end] == quote`."""

    chunk_id: str = Field(description="Id of the chunk holding the quote.")
    start: int = Field(ge=0, description="Character offset of the quote in the report's canonical text.")
    end: int = Field(ge=0, description="Exclusive end offset.")
    quote: str = Field(min_length=1, description="Verbatim source sentence or clause.")

    @model_validator(mode="after")
    def _span(self) -> Evidence:
        if self.end - self.start != len(self.quote):
            raise ValueError("evidence span length differs from the quote length")
        return self


class ReportMeta(Record):
    """Everything known about a report except its text."""

    report_id: str = Field(description="Stable id: prefix of the canonical text's sha256.")
    path: str = Field(description="Where the report was loaded from (display only).")
    content_hash: str
    street: str | None = Field(None, description="The place: 街道/镇/乡/办事处/管委会, e.g. 观湖街道; None when not found.")
    district: str | None = Field(None, description="County-level name (区/县/县级市), from the gazetteer path.")
    city: str | None = None
    province: str | None = None
    inferred: list[str] = Field(default_factory=list,
                                description="Fields not stated in the text: ['street', 'city', …] (see evidence).")
    report_years: list[int] = Field(default_factory=list)
    period_covered: str | None = Field(None, description="'2022', '2024H1' …")
    plan_period: str | None = Field(None, description="'2023', '2024H2' … or None.")
    title: str | None = None
    title_source: Literal["stated", "inferred"] | None = None
    published_date: str | None = Field(None, description="ISO date when the page states one.")
    notes: list[str] = Field(default_factory=list, description="Caveats: 1-5月 figures, year doubtful …")
    evidence: dict[str, str] = Field(default_factory=dict, description="Field name -> source snippet.")
    n_chars: int = 0
    reader: str = Field("", description="Fingerprint of the code that read it; other code reads it again on ingest.")


class Report(ReportMeta):
    """A loaded report: metadata plus canonical text (all offsets refer to it)."""

    text: str


class Section(Record):
    """A heading-delimited span of a report."""

    report_id: str
    index: int = Field(description="Order in the report.")
    level: int = Field(ge=0, description="0 = part (一、), 1 = (一), 2 = 1., 3 = 一是.")
    heading: str
    path: list[str] = Field(description="Headings from the top down to this section.")
    part: Part
    start: int
    end: int


class Chunk(Record):
    """A retrieval unit with offsets into its report's text."""

    chunk_id: str
    report_id: str
    street: str | None = None
    district: str | None = None
    period: str | None = None
    part: Part
    section: str = Field(description="Section path joined with ' > '.")
    start: int
    end: int
    text: str
    n_tokens: int

    def header(self) -> str:
        """Short context line prepended for embedding and BM25 (street names sit in the report header)."""
        return f"{self.street or ''} {self.period or ''} {'工作计划' if self.part == 'plan' else '工作总结'} {self.section}"


class Hit(Record):
    """A retrieved chunk with its fused score."""

    chunk: Chunk
    score: float
    bm25_rank: int | None = None
    dense_rank: int | None = None


class Indicator(Record):
    """One grounded figure from a report."""

    report_id: str
    street: str | None = Field(description="The place: 街道/镇/乡/办事处/管委会 name, full form.")
    district: str | None = None
    city: str | None = None
    province: str | None = None
    period: str = Field(description="'2022', '2024H1', '2024M01-M05', '2023-plan' …")
    period_source: PeriodSource | None = Field(None, description="Where the period was read: clause … report.")
    key: str = Field(description="Lexicon key without kind suffix ('fixed_asset_investment'); 'label:<label_zh>' "
                                 "when the lexicon has no synonym.")
    label_zh: str = Field(description="The indicator name the report uses, clean, without a kind suffix.")
    label_en: str
    value: float = Field(description="The number as printed (sign applied for 下降).")
    unit: str = Field(description="Unit as printed, e.g. 万平方米.")
    normalized_value: float
    normalized_unit: str = Field(description="CNY | USD | m2 | m | count | percent | ug/m3 | times | …")
    kind: Kind
    qualifier: Qualifier | None = None
    part: Part = "review"
    provisional: bool = Field(False, description="The source says 以统计公布为准 or similar.")
    estimated: bool = Field(False, description="预计/初步统计/快报/预估 applies (kind estimate for levels; a growth "
                                               "of an estimate keeps kind yoy_growth with estimated=True).")
    evidence: Evidence
    context: str = Field("", description="The section heading and the sentence the quote stands in, for matching a "
                                         "question's words the short label lacks (never shown as a source).")

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        from rag.text.numbers import UNITS

        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}")
        return unit

    @property
    def said(self) -> str:
        """The quote in Simplified characters, offset for offset: what wording checks read (Traditional reports)."""
        from rag.text.script import simplified

        return simplified(self.evidence.quote)

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> Indicator:
        from rag.text.script import simplified

        quote = simplified(self.evidence.quote)  # wording checks read the Simplified view (Traditional reports)
        if not _number_in(self.value, quote):
            raise ValueError(f"value {self.value:g} does not appear in the quote")
        text = (info.context or {}).get("text") if info.context else None
        if self.kind == "target" and self.part != "plan" and not any(c in quote for c in TARGET_WORDS) \
                and not PROJECTED.search(quote):
            # '主要预期目标是：…；税收收入4.6亿元；…': the target wording may open the 。-sentence (checked when the
            # text is known, as the extractor builds the row; a stored row was checked then)
            lead = re.split(r"[。！？\n]", text[max(0, self.evidence.start - 300) : self.evidence.start])[-1] \
                if text is not None else None
            if lead is not None and not any(c in simplified(lead) for c in TARGET_WORDS):
                raise ValueError("a target must come from plan text, target wording or a project's expected yield")
        if text is not None and text[self.evidence.start : self.evidence.end] != self.evidence.quote:
            raise ValueError("quote is not the report text at [start, end)")
        if (self.kind == "estimate" or self.estimated) and not ESTIMATE.search(quote):
            # paragraph-wide wording (预计(以下均为预计), 预计数,下同) sits before the quote; checked when the text is known
            window = text[max(0, self.evidence.start - _ESTIMATE_WINDOW) : self.evidence.end] if text else None
            if window is not None and not ESTIMATE.search(simplified(window)):
                raise ValueError("an estimate needs estimate wording (预计/初步统计/快报/预估)")
        if self.kind == "yoy_change" and not CHANGE.search(quote):
            raise ValueError("a change on the previous year needs change wording (较上年增加/增产/减少)")
        if self.kind == "estimate" and self.part == "plan":
            raise ValueError("plan figures are targets, not estimates")
        return self


_ESTIMATE_WINDOW = 800  # characters before a quote where a paragraph-wide 预计 note may sit


def _number_in(value: float, quote: str) -> bool:
    """True when `value` (or its magnitude) is printed in `quote`, in Arabic or Chinese numerals."""
    from rag.text.numbers import find_numbers

    target = abs(value)
    for found in find_numbers(quote):
        if abs(found - target) <= 1e-9 * max(1.0, target):
            return True
    return False


class Citation(Record):
    """A numbered pointer from an answer to its source span."""

    n: int
    report_id: str
    street: str | None
    section: str
    quote: str
    start: int
    end: int
    path: str | None = Field(None, description="The report's file path (set for every stored report).")
    raw_start: int | None = Field(None, description="Start of the quote in the raw text: the decoded file for "
                                                    ".txt/.md, the extracted main text for HTML/DOCX/PDF.")
    raw_end: int | None = Field(None, description="Exclusive end in the raw text; raw[raw_start:raw_end] is the "
                                                  "quote modulo whitespace and stripped pinyin glosses.")


class TableRow(Record):
    """One street's figure in a ranking answer."""

    rank: int | None = Field(None, description="1 = highest; None when not reported.")
    street: str | None
    report_id: str | None = None
    value: float | None = None
    unit: str | None = None
    display: str = Field(description="Value as printed with qualifier, or '未报告 / not reported'.")
    normalized_value: float | None = None
    normalized_unit: str | None = None
    period: str | None = None
    kind: Kind | None = None
    label: str | None = None
    citation: int | None = Field(None, description="Index into Answer.citations (n).")


class Answer(Record):
    """What `ask` returns."""

    question: str
    text: str
    language: Literal["zh", "en"]
    route: Literal["indicator", "passage", "abstain"]
    mode: str = Field(description="'offline' or the LLM model id that phrased the answer.")
    citations: list[Citation] = Field(default_factory=list)
    table: list[TableRow] | None = None
    caveats: list[str] = Field(default_factory=list)
    searched: list[str] = Field(default_factory=list, description="What was looked for, for abstentions.")
    intent: dict[str, Any] = Field(default_factory=dict, description="Router output, reused by follow-ups.")
    flagged: bool = Field(False, description="True when an LLM answer failed the number guard.")
