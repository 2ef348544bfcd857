"""Figure grounding: is a number shown to the user in its source text? One owner for every check.

The LLM answer guard, the summary number check (and so the summary eval) and the answer evaluator all read
figures and look them up with the functions here. Tolerances differ by purpose and are named below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rag.schemas import Indicator
from rag.text.numbers import (
    _EN_FIGURE,
    _FULLWIDTH,
    UNITS,
    _en_figure,
    find_numbers,
    normalize,
    parse_en_figures,
    same_quantity,
    scan_quantities,
)

Lang = Literal["zh", "en"]
# Years, months, days and ordinals in free text are not figures.
_DATES = re.compile(r"\b(?:19|20)\d\d\b(?:\s*年)?|(?:19|20)\d\d\s*年|\d{1,2}\s*[月日号]|第\s*\d+")


def signed_figures(text: str) -> list[tuple[float, str]]:
    """Normalised (value, unit) of every figure in an answer text, signs kept for 下降."""
    out = []
    for q in scan_quantities(text):
        if q.unit and q.unit in UNITS:
            v = -abs(q.value) if q.negative else q.value
            out.append(normalize(v, q.unit))
    return out


class FigurePool:
    """Numbers available in some source texts: normalised quantities and bare printed numbers."""

    def __init__(self, texts: Iterable[str]) -> None:
        """Scan every text once."""
        self.quantities: list[tuple[float, str]] = []
        self.raw: list[float] = []
        for text in texts:
            for q in scan_quantities(text):
                if q.unit:
                    value, unit = normalize(abs(q.value), q.unit)
                    self.quantities.append((value, unit))
            self.raw.extend(abs(v) for v in find_numbers(text))

    def has(self, value: float, unit: str | None, rel_tol: float) -> bool:
        """True when the figure (normalised, unsigned) is in the pool within rel_tol."""
        if unit is None:
            values = self.raw + [v for v, _ in self.quantities]
            return any(same_quantity(value, None, v, None, rel_tol=rel_tol) for v in values)
        return any(same_quantity(value, unit, v, u, rel_tol=rel_tol) for v, u in self.quantities)


def figures_in(text: str, lang: Lang) -> list[tuple[float, str | None]]:
    """Unsigned normalised figures in a string; English years (1949–2100 without a unit) are skipped."""
    found = ([normalize(abs(q.value), q.unit) if q.unit else (abs(q.value), None) for q in scan_quantities(text)]
             if lang == "zh" else [(abs(v), u) for v, u in parse_en_figures(text)])
    return [(v, u) for v, u in found if not (u is None and float(v).is_integer() and 1949 <= v <= 2100)]


def untraced(text: str, lang: Lang, pool: FigurePool) -> tuple[int, list[str]]:
    """(figures checked, the ones not in the pool); Chinese must match exactly, English within rounding."""
    figures = figures_in(text, lang)
    tol = 1e-6 if lang == "zh" else 0.005
    bad = [f"{_num(v)}{' ' + u if u else ''} in “{text[:80]}”" for v, u in figures if not pool.has(v, u, tol)]
    return len(figures), bad


def _num(value: float) -> str:
    """A figure for a message: grouped digits, no exponent."""
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def shown_figures(text: str) -> list[tuple[str, float, str | None]]:
    """(as shown, normalised value, normalised unit or None) for Chinese and English figures."""
    out: list[tuple[str, float, str | None]] = []
    covered: list[tuple[int, int]] = []
    for q in scan_quantities(text):
        if q.unit:  # bare numbers are left to the English parser, which also knows "CNY 12.3 billion"
            covered.append((q.start, q.end))
            value, unit = normalize(q.value, q.unit)
            out.append((text[q.start : q.end], abs(value), unit))
    rest = "".join(" " if any(a <= i < b for a, b in covered) else ch for i, ch in enumerate(text))
    rest = _DATES.sub(" ", rest)  # years, months and days are not figures
    out.extend((f"{v:g}" + (f" {u}" if u else ""), abs(v), u) for v, u in parse_en_figures(rest))
    return out


def in_sources(value: float, unit: str | None, sources: list[str]) -> bool:
    """True when some source states the figure (bare numbers exactly, quantities after normalisation)."""
    for src in sources:
        if unit is None:
            if any(abs(n - value) <= 1e-9 * max(1.0, value) for n in find_numbers(src)):
                return True
            continue
        for q in scan_quantities(src):
            if q.unit:
                v, u = normalize(q.value, q.unit)
                if same_quantity(abs(v), u, value, unit):
                    return True
    return False


# ---- the LLM answer guard: exact figures as printed, then what they measure ------------------------------
@dataclass(frozen=True)
class Shown:
    """A figure as written in a reply: text, normalised value and unit, position, and printed precision."""

    text: str
    value: float
    unit: str | None
    start: int
    end: int
    quantum: float  # half of this is the rounding a converted (English) figure may carry
    converted: bool  # English wording (CNY … billion): compared after conversion, to its printed precision
    digits: int  # significant digits printed


def _precision(number_text: str) -> tuple[float, int]:
    """(value of one unit in the last printed place, significant digits) of a printed Arabic number."""
    digits_only = re.sub(r"[^0-9.]", "", number_text)
    decimals = len(digits_only.split(".", 1)[1]) if "." in digits_only else 0
    significant = len(digits_only.replace(".", "").lstrip("0")) or 1
    return 10.0 ** -decimals, significant


def reply_figures(text: str) -> list[Shown]:
    """Every figure in a (Chinese or English) reply, dates and ordinals excluded."""
    out: list[Shown] = []
    covered: list[tuple[int, int]] = []
    for q in scan_quantities(text):
        if not q.unit:
            continue
        covered.append((q.start, q.end))
        value, unit = normalize(q.value, q.unit)
        scale = abs(value / q.value) if q.value else 1.0
        quantum, digits = _precision(q.number_text)
        out.append(Shown(text[q.start : q.end], abs(value), unit, q.start, q.end, quantum * scale, False, digits))
    masked = "".join(" " if any(a <= i < b for a, b in covered) else ch for i, ch in enumerate(text))
    masked = _DATES.sub(lambda m: " " * len(m.group(0)), masked)
    for m in _EN_FIGURE.finditer(masked.translate(_FULLWIDTH)):
        figure = _en_figure(m)
        if figure is None:
            continue
        value, en_unit = figure
        number = float(m.group("num").replace(",", "")) or 1.0
        quantum, digits = _precision(m.group("num"))
        out.append(Shown(text[m.start() : m.end()].strip(), abs(value), en_unit, m.start(), m.end(),
                         quantum * abs(value / number), True, digits))
    return sorted(out, key=lambda s: s.start)


def printed_in(fig: Shown, source: str) -> bool:
    """True when `source` states `fig` exactly as printed (a converted English figure: to its printed precision).

    No relative tolerance: 7.01亿元 is not 7.02亿元. "CNY 12.35 billion" matches 123.45亿元 only because it is
    that figure rounded to the digits printed, and only when at least three significant digits are printed.
    """
    candidates: list[tuple[float, str | None]] = []
    for q in scan_quantities(source):
        if q.unit:
            candidates.append(normalize(abs(q.value), q.unit))
    if fig.unit is None:
        candidates += [(abs(n), None) for n in find_numbers(source)]
    for value, unit in candidates:
        if fig.unit is not None and unit != fig.unit:
            continue
        if abs(value - fig.value) <= 1e-9 * max(1.0, abs(value)):
            return True
        if fig.converted and fig.digits >= 3 and abs(value - fig.value) <= fig.quantum / 2 + 1e-9 * abs(value):
            return True
    return False


def rows_with(fig: Shown, rows: Iterable[Indicator]) -> list[Indicator]:
    """The figure rows stating `fig` (normalised value and unit, same exactness as `printed_in`)."""
    found = []
    for row in rows:
        if row.normalized_unit != (fig.unit or row.normalized_unit):
            continue
        value = abs(row.normalized_value)
        if abs(value - fig.value) <= 1e-9 * max(1.0, value) or (
                fig.converted and fig.digits >= 3 and abs(value - fig.value) <= fig.quantum / 2 + 1e-9 * value):
            found.append(row)
    return found
