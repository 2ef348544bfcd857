"""Figures stated in tables: per row, one figure per period column, its growth and its completion rate.

The loader writes every table row as one line, '| 税收收入 | 亿元 | 3.1 | 3.4 | 9.7 |' (HTML tables and tables
copied out of a PDF one cell per line) or tab-separated cells (DOCX). A block of such lines with a header row
('| 指标 | 单位 | 2022年 | 2023年 | 增幅（%） |') gives rows whose quote is the row line; a target column's quote runs
from the header line, which holds the target wording, to the row.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pydantic import ValidationError

from rag.figures.lexicon import Term, flavoured_key, match_term
from rag.ingest.chunk import chunk_at
from rag.ingest.load import table_column
from rag.ingest.periods import last_month, period_in
from rag.schemas import Chunk, Evidence, Indicator, Kind, PeriodSource, Report, Section
from rag.text.cues import ESTIMATE, PROVISIONAL
from rag.text.numbers import UNITS, normalize

__all__ = ["table_indicators"]

log = logging.getLogger(__name__)

_LINE = re.compile(r"[^\n]+")
_RULE = re.compile(r":?-{3,}:?")  # the '|---|---|' line under a Markdown header row
_NOTE = re.compile(r"\s*(?:注|说明|备注)\s*\d*\s*[:：]")  # '注：2023年为快报数。' under a table
_TITLE = re.compile(r"\s*表\s*\d")  # '表2 主要指标完成情况' above a table
_PREVIOUS = re.compile(r"上年|去年|同期")
_CURRENT = re.compile(r"本年|今年|当年|本期|累计|实际|完成")
_NUMBER = re.compile(r"([+\-－−–—]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(\.\d+)?[%％]?")
_MINUS = "-－−–—"
_ENUM = re.compile(r"^(?:\d{1,2}[.．、]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)")
_SUB = re.compile(r"^其中[:：]?")
_MAX_TARGET_QUOTE = 800  # a target's quote spans the table from its header; longer is no usable citation


@dataclass(frozen=True)
class _Row:
    start: int
    end: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class _Column:
    index: int
    kind: str  # a table_column kind, '' for a column of no known kind
    period: str | None = None
    source: PeriodSource = "report"
    estimated: bool = False  # the header, the table's title or a note under it says 预计/快报
    points: bool = False  # a growth column stated in 百分点


@dataclass(frozen=True)
class _Header:
    row: _Row
    columns: tuple[_Column, ...]
    label: int
    unit: int
    latest: _Column
    provisional: bool


@dataclass(frozen=True)
class _Figure:
    kind: Kind
    unit: str
    period: str
    source: PeriodSource
    estimated: bool
    start: int  # where the quote starts: the row, or the header row for a target


def table_indicators(report: Report, sections: list[Section], chunks: list[Chunk]) -> list[Indicator]:
    """Every grounded figure of the report's tables in review sections ('| 税收收入 | 亿元 | 3.1 | 3.4 | 9.7 |'
    under '| 指标 | 单位 | 2022年 | 2023年 | 增幅（%） |' → 3.1亿元 in 2022, 3.4亿元 in 2023, +9.7% in 2023)."""
    out: list[Indicator] = []
    for block in _blocks(report.text):
        note = _notes(report.text, block)
        header: _Header | None = None
        for row in block:
            header = _header(row, report, note) or header
            if header is None or header.row is row:
                continue
            section = next((s for s in sections if s.start <= row.start < s.end), None)
            if section is not None and section.part == "review":
                out.extend(_row_figures(report, section, chunks, header, row))
    return out


# ---------------------------------------------------------------- blocks, headers and notes


def _blocks(text: str) -> Iterator[list[_Row]]:
    """Runs of adjacent table lines ('|'-rows or tab-separated), rule lines left out."""
    block: list[_Row] = []
    last_end = -2
    for m in _LINE.finditer(text):
        cells = _cells(m.group(0))
        if cells is None:
            continue
        if block and m.start() != last_end + 1:
            yield block
            block = []
        last_end = m.end()
        if not all(_RULE.fullmatch(c) for c in cells):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            block.append(_Row(start, m.start() + len(m.group(0).rstrip()), cells))
    if block:
        yield block


def _cells(line: str) -> tuple[str, ...] | None:
    """The cells of a table line ('| a | b | c |' or 'a\\tb\\tc'), or None for any other line."""
    body = line.strip()
    if len(body) > 1 and body.startswith("|") and body.endswith("|"):
        cells = [c.strip() for c in body[1:-1].split("|")]
    elif "\t" in body:
        cells = [c.strip() for c in body.split("\t")]
    else:
        return None
    return tuple(cells) if len(cells) >= 3 else None


def _notes(text: str, block: list[_Row]) -> str:
    """The table's title line just above it and the 注/说明 lines just under it."""
    before = text[max(0, block[0].start - 200) : block[0].start].rstrip().rsplit("\n", 1)[-1]
    found = [before] if _TITLE.match(before) else []
    for line in text[block[-1].end : block[-1].end + 400].split("\n")[1:]:
        if line.strip() and not _NOTE.match(line):
            break
        found.append(line)
    return "\n".join(found)


def _header(row: _Row, report: Report, note: str) -> _Header | None:
    """The row as a header: a label column, one unit column and a period column ('2023年', '1-10月', '本年')."""
    kinds = [table_column(cell) or "" for cell in row.cells]
    if "label" not in kinds or kinds.count("unit") != 1:
        return None
    columns = tuple(_column(n, kind, cell, report) for n, (kind, cell) in enumerate(zip(kinds, row.cells, strict=True)))
    periods = [c for c in columns if c.kind == "period" and c.period]
    if not periods:
        return None
    latest = max(periods, key=lambda c: (c.period or "")[:4] + f"{last_month(c.period) or 0:02d}{c.index:03d}")
    if ESTIMATE.search(note):
        latest = replace(latest, estimated=True)  # '注：2023年为快报数': the report's own year
        columns = tuple(latest if c.index == latest.index else c for c in columns)
    return _Header(row, columns, kinds.index("label"), kinds.index("unit"), latest, bool(PROVISIONAL.search(note)))


def _column(index: int, kind: str, cell: str, report: Report) -> _Column:
    """A header cell read: its kind, and for a period column the period and whether it is an estimate."""
    if kind != "period":
        return _Column(index, kind, points="百分点" in cell)
    period, source = _period(cell, report)
    return _Column(index, kind, period, source, estimated=bool(ESTIMATE.search(cell)))


def _period(cell: str, report: Report) -> tuple[str | None, PeriodSource]:
    """The period of a header cell: the report's own year is its covered period ('2024' → '2024M01-M10' in a
    January–October report), another year that year, '1-10月' a month range, '上年同期' the year before."""
    covered = report.period_covered
    year = covered[:4] if covered and covered[:4].isdigit() else None
    text = "".join(cell.split())
    if _PREVIOUS.search(text) and not re.search(r"(?:19|20)\d\d", text):
        return (f"{int(year) - 1}{(covered or '')[4:]}" if year else None), "report"
    bare = re.match(r"((?:19|20)\d\d)(?![\d年])", text)  # '2023' printed without 年
    found = bare.group(1) if bare else period_in(text, year)
    if found:
        return (covered if found == year else found), "clause"
    return (covered if covered and _CURRENT.search(text) else None), "report"


# ---------------------------------------------------------------- rows


def _row_figures(report: Report, section: Section, chunks: list[Chunk], header: _Header,
                 row: _Row) -> Iterator[Indicator]:
    """The figures of one data row: its label and unit, then one figure per column that has a kind."""
    if len(row.cells) != len(header.row.cells):
        return  # merged or missing cells: the columns cannot be told apart
    label, part_of = _label(row.cells[header.label])
    unit = _unit(row.cells[header.unit])
    if not label or unit is None:
        return
    term = _term(label, UNITS[unit].normalized_unit, part_of)
    for column in header.columns:
        figure = _figure(column, header, unit, row)
        value = _value(row.cells[column.index]) if figure else None
        if figure is None or value is None:
            continue
        ind = _indicator(report, section, chunks, row, term, label, figure, value, header.provisional)
        if ind is None and figure.estimated:  # no estimate wording before the quote: read as stated
            ind = _indicator(report, section, chunks, row, term, label, replace(figure, estimated=False), value,
                             header.provisional)
        if ind is not None:
            yield ind


def _figure(column: _Column, header: _Header, unit: str, row: _Row) -> _Figure | None:
    """What a column's cell states: a level for its period, the latest period's growth or completion rate, or a
    target; None for the label, unit and unknown columns."""
    latest = header.latest
    period = latest.period or ""
    if column.kind == "period" and column.period:
        return _Figure("actual", unit, column.period, column.source, column.estimated, row.start)
    if column.kind == "growth" and (column.points or UNITS[unit].normalized_unit != "percent"):
        # a rate row's change is in percentage points unless its header says so
        return _Figure("yoy_growth", "百分点" if column.points else "%", period, latest.source, latest.estimated,
                       row.start)
    if column.kind == "completion":
        return _Figure("completion_rate", "%", period, latest.source, False, row.start)
    if column.kind == "target" and row.end - header.row.start <= _MAX_TARGET_QUOTE and period[:4].isdigit():
        return _Figure("target", unit, period[:4], "clause", False, header.row.start)
    return None


def _label(cell: str) -> tuple[str, bool]:
    """The row's indicator name ('其中：税收收入' → '税收收入') and whether it is a part ('其中') of the row above;
    '' when the cell names nothing."""
    text = _ENUM.sub("", "".join(cell.split()))
    part_of = bool(_SUB.match(text))
    text = _SUB.sub("", text).rstrip(":：")
    return (text if len(text) >= 2 and re.search(r"[\u4e00-\u9fff]", text) else ""), part_of


def _unit(cell: str) -> str | None:
    """The printed unit of a unit cell ('亿元', '（万元）', '％' → '%'), or None when it is no known unit."""
    text = "".join(cell.split()).strip("()（）").replace("％", "%")
    return text if text and text in UNITS else None


def _value(cell: str) -> float | None:
    """The number in a value cell ('-3.2' → -3.2, '1,250' → 1250), or None for a dash or other text."""
    m = _NUMBER.fullmatch("".join(cell.split()))
    if m is None:
        return None
    number = float(m.group(2).replace(",", "").replace("，", "") + (m.group(3) or ""))
    return -number if m.group(1) and m.group(1) in _MINUS else number


def _term(label: str, unit_kind: str, part_of: bool) -> Term | None:
    """The lexicon term the whole label names ('一般公共预算收入'); a '其中' part keeps it only when the label is
    the term itself and no count."""
    found = match_term(label, unit_kind)
    if found is None or found[1] != len(label):
        return None
    term = found[0]
    if term.context and not re.search(term.context, label):
        return None
    if part_of and not (term.regex.fullmatch(label) and unit_kind != "count"):
        return None
    return term


def _indicator(report: Report, section: Section, chunks: list[Chunk], row: _Row, term: Term | None, label: str,
               figure: _Figure, value: float, provisional: bool) -> Indicator | None:
    """The validated row (the same fields as prose figures), or None when the validator refuses it."""
    value = value if figure.kind == "yoy_growth" else abs(value)
    kind: Kind = "estimate" if figure.estimated and figure.kind == "actual" else figure.kind
    key = flavoured_key(term, label) if term else f"label:{label}"
    norm_value, norm_unit = normalize(value, figure.unit)
    quote = report.text[figure.start : row.end]
    try:
        return Indicator.model_validate(
            {
                "report_id": report.report_id, "street": report.street, "district": report.district,
                "city": report.city, "period": figure.period, "period_source": figure.source, "key": key,
                "label_zh": label, "label_en": term.en if term else f"figure: {label}",
                "value": value, "unit": figure.unit, "normalized_value": norm_value, "normalized_unit": norm_unit,
                "kind": kind, "qualifier": None, "part": section.part, "provisional": provisional,
                "estimated": figure.estimated,
                "evidence": Evidence(chunk_id=chunk_at(chunks, figure.start), start=figure.start, end=row.end,
                                     quote=quote),
            },
            context={"text": report.text},
        )
    except ValidationError as exc:
        log.debug("dropped table figure %s %s: %s", label, value, exc.errors()[0]["msg"])
        return None
