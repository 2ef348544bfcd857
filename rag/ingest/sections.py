"""Heading tree (一、 / (一) / 1. / 一是 / run-in headings) and the review/plan split."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.schemas import Part, Section

_CN_NUM = "一二三四五六七八九十"
_LEVELS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^[{_CN_NUM}]{{1,3}}、")),
    (1, re.compile(rf"^[(（][{_CN_NUM}]{{1,3}}[)）]")),
    (2, re.compile(r"^\d{1,2}[.．、](?!\d)")),
    (3, re.compile(rf"^[{_CN_NUM}]{{1,2}}是")),
]
# A level-1 heading whose number was lost, e.g. "(坚持稳控大局…": an open paren with no close nearby.
_BROKEN_L1 = re.compile(r"^[(（](?![^)）\n]{0,12}[)）])")
_PLAN_HEAD = re.compile(r"计划|安排|思路|打算|谋划|展望|目标任务|工作要点|下半年|明年|下一步")
_REVIEW_HEAD = re.compile(r"总结|回顾|成效|成绩|上半年工作|主要做了")
_TOPIC_END = re.compile(r"[。！？;；]")
_RUN_IN_MAX = 16


@dataclass(frozen=True)
class _Head:
    start: int
    level: int
    title: str


def parse_sections(report_id: str, text: str, *, review_year: int | None = None) -> list[Section]:
    """Split `text` into sections with heading paths and review/plan parts; spans tile the text."""
    heads = _find_heads(text)
    if review_year is None:  # '某乡2019年工作总结' above '三、2020年主要目标': the title's year is the one reviewed
        title = re.match(r"\s*([^\n]{0,60})", text)
        year = re.search(r"(20\d\d)\s*年(?:度)?[^\n]{0,12}?(?:工作)?总结", title.group(1)) if title else None
        review_year = int(year.group(1)) if year else None
    plan_start = _past_review_end(heads, text) if is_plan_only(text) else _plan_start(heads, review_year)
    sections: list[Section] = []
    stack: list[_Head] = []
    bounds = [0, *[h.start for h in heads], len(text)]
    if heads and heads[0].start == 0:
        bounds = bounds[1:]
    by_start = {h.start: h for h in heads}
    opening = _Head(0, -1, "(开篇)")
    for i, start in enumerate(bounds[:-1]):
        head = by_start.get(start, opening)
        if head.level >= 0:
            stack = [h for h in stack if h.level < head.level] + [head]
        end = bounds[i + 1]
        part: Part = "plan" if plan_start is not None and start >= plan_start else "review"
        path = [h.title for h in stack] if head.level >= 0 else [head.title]
        sections.append(
            Section(report_id=report_id, index=len(sections), level=max(head.level, 0), heading=head.title,
                    path=path, part=part, start=start, end=end)
        )
    return sections


# A document that is only a plan: '某乡2025年工作计划', '2025年工作要点' (no 总结/回顾/报告 in its title line).
_PLAN_ONLY = re.compile(r"^[^\n。]{0,30}?20\d\d\s*年度?(?:[^\n。]{0,8}?)(?:工作)?(?:计划|要点|打算|思路|安排)\s*$")
_NOT_PLAN_ONLY = re.compile(r"总结|回顾|报告|汇报|完成情况|半年|述职")


_TITLED = re.compile(r"20\d\d\s*年[^\n。]{0,12}?(?:工作|年度)?(?:计划|要点|打算|思路|安排|总结|回顾|报告|汇报)")
_ISSUED = re.compile(r"《([^》]{4,40})》")
_NUMBERED_HEAD = re.compile(r"[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分")


def is_plan_only(text: str) -> bool:
    """The document's title line says it is a plan and nothing else. The title is the first of the opening lines
    that names a year and a genre, past issuers' lines ('中共某镇委员会'); a notice issuing a document ('关于印发
    《某镇2025年工作要点》的通知') is titled by what it issues."""
    for line in [ln.strip() for ln in text.splitlines()[:12] if ln.strip()]:
        if _NUMBERED_HEAD.match(line):
            continue  # '三、2026年工作打算' is a part's heading, never the title (a page whose title was its <title>)
        issued = _ISSUED.search(line)
        title = issued.group(1).strip() if issued and "印发" in line else line
        if _TITLED.search(title):
            return bool(_PLAN_ONLY.match(title)) and not _NOT_PLAN_ONLY.search(title)
    return False


_PAST_REVIEW_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+、)?\s*(20\d\d)\s*年(?:度)?(?:工作)?(?:基础|回顾|总结|完成情况|工作情况|主要成效|"
                               r"主要工作|成绩)")


def _past_review_end(heads: list[_Head], text: str) -> int:
    """A plan-only document (某街道2025年工作要点) whose first part reviews the year before ('一、2024年工作基础'):
    that part is a review, the plan starts at the next heading of its level; 0 (all plan) otherwise."""
    plan_year = re.search(r"(20\d\d)\s*年", text[:200])
    for i, head in enumerate(heads[:2]):
        m = _PAST_REVIEW_HEAD.match(head.title)
        if m and plan_year and int(m.group(1)) < int(plan_year.group(1)):
            nxt = next((h for h in heads[i + 1 :] if h.level <= head.level), None)
            return nxt.start if nxt else len(text)
    return 0


def plan_start(sections: list[Section]) -> int | None:
    """Offset where the plan part begins, or None when the report has no plan part."""
    return next((s.start for s in sections if s.part == "plan"), None)


def _find_heads(text: str) -> list[_Head]:
    heads: list[_Head] = []
    seen_l1 = False
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        stripped = line.lstrip()
        start = m.start() + len(line) - len(stripped)
        level = next((lvl for lvl, pat in _LEVELS if pat.match(stripped)), None)
        if level is None and seen_l1 and _BROKEN_L1.match(stripped) and len(stripped) > 20:
            level = 1
        if level is None:
            level = _run_in_level(stripped)
        if level is None:
            continue
        seen_l1 = seen_l1 or level == 1
        heads.append(_Head(start, level, _title_of(stripped)))
    return heads


def _run_in_level(line: str) -> int | None:
    """A paragraph opening with a short topic sentence ("城区安全坚实稳固。…") is a level-4 heading."""
    m = _TOPIC_END.search(line)
    if not m or m.start() > _RUN_IN_MAX or m.start() < 4 or len(line) < 60:
        return None
    topic = line[: m.start()]
    if re.search(r"[\d,，、:：“”\"]", topic):
        return None
    return 4


def _title_of(line: str) -> str:
    """Heading text: up to the first sentence end, capped (headings often run into the body)."""
    m = _TOPIC_END.search(line)
    title = line[: m.start()] if m else line
    return title[:40].rstrip(",，")


def _plan_start(heads: list[_Head], review_year: int | None) -> int | None:
    """The first top-level heading that announces plans (计划, 下半年, a later year's 主要工作)."""
    tops = [h for h in heads if h.level == 0]
    # a table of contents ('目录：一、2019年工作总结 … 三、2020年工作计划') lists the headings the body repeats:
    # its entries are no parts, the body's headings are
    tops = [h for i, h in enumerate(tops) if not any(o.title == h.title for o in tops[i + 1 :])]
    if review_year is None and tops:  # the first top-level heading that names a year ('一、镇情简况' names none)
        first = next((y for h in tops for y in re.findall(r"(20\d\d)年", h.title)), None)
        review_year = int(first) if first else None
    for head in tops[1:] if len(tops) > 1 else tops:
        title = head.title
        years = [int(y) for y in re.findall(r"(20\d\d)年", title)]
        later = bool(review_year and years and years[0] > review_year)
        if _PLAN_HEAD.search(title) or (later and not _REVIEW_HEAD.search(title)):
            return head.start
    return None
