"""English written by a model around figures written by code.

A model never types a figure into English prose: it writes a slot ("{F3}") and code puts the figure there,
rendered once from the printed figure ("CNY 12.35 billion (123.45亿元)"). `tag_figures` numbers the figures of a
Chinese text as slots, `fill` puts the rendered figures into a reply, and `chinese_fragments` finds Chinese
left in English prose outside quotes and outside the rendered figures (a clause copied from the report).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rag.text.numbers import format_en, scan_quantities

SLOT = re.compile(r"\{\s*F\s*(\d{1,3})\s*\}")
# Unit words a model writes after a slot although the slot already carries the unit ("{F1} million yuan").
_AFTER_SLOT = re.compile(
    r"(?:\s*(?:trillion|billion|million|thousand|yuan|RMB|CNY|per\s?cent|percent|%|"
    r"square\s+met(?:er|re)s|sq\.?\s?m|m²|hectares?|ha)\b)+",
    re.I,
)
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_BARE = re.compile(r"[\d.,]+")
_FRAGMENT = re.compile(rf"[{_CJK}][{_CJK}\u3000-\u303f\uff00-\uffef0-9.%]*")
# Quoted spans may hold Chinese: “…”, ‘…’, 「…」, 『…』, "…", and '…' when it is not an apostrophe.
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』|\"[^\"]*\"|(?<![A-Za-z])'[^'\n]+'(?![A-Za-z])")


@dataclass(frozen=True)
class Slot:
    """One figure a model may place by name: `{F3}` → `text_en` in English, `printed` in Chinese."""

    name: str  # "F3"
    printed: str  # as the source prints it: 123.45亿元, 达554个
    english: str  # the English rendering of the same figure: CNY 12.35 billion
    source: int = 0  # which passage / row the figure comes from (the caller's numbering)

    @property
    def text_en(self) -> str:
        """'CNY 12.35 billion (123.45亿元)'; just the figure when both renderings are the same (5.2%)."""
        return self.printed if self.english == self.printed else f"{self.english} ({self.printed})"


def render_slot(
    name: str, value: float, unit: str, qualifier: str | None, printed: str, source: int = 0
) -> Slot:
    """A slot for a figure printed as `printed` (value and unit as parsed from it)."""
    try:
        english = format_en(abs(value), unit, qualifier)
    except ValueError:  # a unit without an English rendering: the printed figure only
        english = printed
    return Slot(name, printed, english, source)


def tag_figures(text: str, source: int, first: int = 1) -> tuple[str, list[Slot]]:
    """`text` with "{Fk}" written after every figure that has a unit, numbered from `first`, and the slots."""
    out: list[str] = []
    slots: list[Slot] = []
    at = 0
    for q in scan_quantities(text):
        if not q.unit:
            continue
        name = f"F{first + len(slots)}"
        printed = text[q.start : q.end]
        slots.append(render_slot(name, q.value, q.unit, q.qualifier, printed, source))
        out += [text[at : q.end], "{" + name + "}"]
        at = q.end
    out.append(text[at:])
    return "".join(out), slots


@dataclass(frozen=True)
class Filled:
    """A reply with its slots filled: the text, where each slot went, and slot names that do not exist."""

    text: str
    spans: tuple[tuple[int, int, Slot], ...]
    unknown: tuple[str, ...]

    def printed_view(self) -> str:
        """The text with every English slot rendering replaced by the printed figure (what the guard reads)."""
        out, at = [], 0
        for start, end, slot in self.spans:
            out += [self.text[at:start], slot.printed]
            at = end
        return "".join(out) + self.text[at:]

    def used(self) -> list[Slot]:
        """The slots placed, in order of appearance."""
        return [s for _, _, s in self.spans]


def fill(reply: str, slots: Sequence[Slot], lang: str) -> Filled:
    """Put the code's figures into a reply: English slots get `text_en`, Chinese ones the printed figure.

    In English a unit word after a slot is dropped (the slot has its unit), and a figure the model typed itself
    exactly as code renders it ("CNY 12.35 billion", or the printed 123.45亿元) becomes that slot.
    """
    by_name = {s.name: s for s in slots}
    text = reply
    if lang == "en":
        text = re.sub(r"(\{\s*F\s*\d{1,3}\s*\})" + _AFTER_SLOT.pattern, r"\1", text, flags=re.I)
        text = _typed_as_slots(text, slots)
    out: list[str] = []
    spans: list[tuple[int, int, Slot]] = []
    unknown: list[str] = []
    at, length = 0, 0
    for m in SLOT.finditer(text):
        before = text[at : m.start()]
        out.append(before)
        length += len(before)
        slot = by_name.get(f"F{int(m.group(1))}")
        if slot is None:
            unknown.append(m.group(0))
            rendered = ""
        else:
            rendered = slot.text_en if lang == "en" else slot.printed
            spans.append((length, length + len(rendered), slot))
        out.append(rendered)
        length += len(rendered)
        at = m.end()
    out.append(text[at:])
    return Filled("".join(out), tuple(spans), tuple(unknown))


def _typed_as_slots(text: str, slots: Sequence[Slot]) -> str:
    """Figures typed exactly as a slot renders them become that slot (longest rendering first); a bare number
    ("518") or a rendering shared by slots of different figures is left alone."""
    owner: dict[str, Slot | None] = {}
    for s in slots:
        for form in {s.text_en, s.english, s.printed}:
            if any(ch.isdigit() for ch in form) and not _BARE.fullmatch(form):
                prev = owner.get(form, s)
                owner[form] = s if prev is not None and prev.printed == s.printed else None
    for form in sorted(owner, key=len, reverse=True):
        slot = owner[form]
        if slot is not None:
            pattern = re.compile(r"(?<![0-9A-Za-z.,{\[])" + re.escape(form) + r"(?![0-9A-Za-z.,%\]}]|\s*\()")
            text = pattern.sub("{" + slot.name + "}", text)
    return text


def chinese_fragments(
    text: str, allowed: Iterable[str] = (), spans: Iterable[tuple[int, int]] = (), *, figures: bool = False
) -> list[str]:
    """Runs of Chinese in English prose outside quotes, outside `spans` (code-rendered figures) and other than
    the `allowed` strings (e.g. a term the user's question wrote in Chinese); with `figures`, a printed figure
    ("(达27.35亿元)", the printed half of a rendering) is not a fragment either."""
    free = _free(text, figures)
    for start, end in spans:
        free[start:end] = [False] * (end - start)
    masked = "".join(ch if f else " " for ch, f in zip(text, free, strict=True))
    for word in sorted({w for w in allowed if w}, key=len, reverse=True):
        masked = masked.replace(word, " " * len(word))
    return [m.group(0) for m in _FRAGMENT.finditer(masked)]


def quote_chinese(text: str) -> str:
    """Code-written English with each Chinese run outside quotes and printed figures put in “…” (a place or
    label quoted as a name, not passed off as English): "place XX街道 not in …" → "place “XX街道” not in …"."""
    free = _free(text, True)
    masked = "".join(ch if f else " " for ch, f in zip(text, free, strict=True))
    out, at = [], 0
    for m in _FRAGMENT.finditer(masked):
        start = m.start()
        while start > at and free[start - 1] and text[start - 1].isascii() and text[start - 1].isalnum():
            start -= 1
        out += [text[at:start], f"“{text[start : m.end()]}”"]
        at = m.end()
    return "".join(out) + text[at:]


_QUALIFIER_BEFORE = re.compile(r"(?:不少于|不低于|超过|达到|[达近约超逾])\s*$")


def _free(text: str, figures: bool) -> list[bool]:
    """Per character: outside quotes (and, with `figures`, outside printed figures with their qualifier)."""
    free = [True] * len(text)
    for m in _QUOTED.finditer(text):
        free[m.start() : m.end()] = [False] * (m.end() - m.start())
    if figures:
        for q in scan_quantities(text):
            if q.unit:
                lead = _QUALIFIER_BEFORE.search(text, 0, q.start)
                begin = lead.start() if lead else q.start
                free[begin : q.end] = [False] * (q.end - begin)
    return free
