"""Questions that ask for two or more figures ('A和B各多少', 'A多少？B多少？'), split into one question each."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.figures.extract import complete_item
from rag.text.cues import ASKS_RANK, NUMBER_QUESTION

_EACH = re.compile(r"(?:各|分别)(?:是|为|有|达到|完成了?)?(?=多少|几|[？?]|$)")
_ITEM_SEP = re.compile(r"以及|和|、|及|与")
_CONTEXT = re.compile(r"(?:20[0-4]\d)\s*年度?|上半年|下半年|前三季度|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|截至\d{1,2}月底?"
                      r"|全年|计划|预计|目标|今年|去年")


_EN_SECOND = re.compile(r",\s*and\s+(?=(?:what|how (?:many|much))\b)", re.I)  # where an English second ask starts
_SUBJECT_LESS = re.compile(r"[？?，,。\s]|一共|总共|共|分别|各|是|有|为|多少|几[个家项所宗座名件次人户条处]?|大约|约")


def split_asks(question: str, names: Sequence[str] = ()) -> list[str]:
    """'A多少个？B多少？' and 'A和B各多少座？' as one question per figure, each with the place and period of
    the whole ('X镇2024年计划新增托位多少个？', 'X镇2024年计划养老床位多少个？'); [] when the question asks
    for one figure."""
    english = len(re.findall(r"[A-Za-z]", question)) > 2 * len(re.findall(r"[\u4e00-\u9fff]", question))
    en = _EN_SECOND.search(question) if english else None
    if en and (NUMBER_QUESTION.search(question[: en.start()]) or re.match(r"\s*what\b", question, re.I)) \
            and NUMBER_QUESTION.search(question[en.end() :]) \
            and not ASKS_RANK.search(question[en.end() :]):
        # 'What is its 2024 target for new firms, and what export value (出口额) should they reach?': two asks
        tail = question[en.end() :]
        return [question[: en.start()].rstrip(" ,") + "?", tail[:1].upper() + tail[1:]]
    parts = [p for p in re.findall(r"[^？?]+[？?]?", question) if p.strip(" ？?")]
    if len(parts) >= 2 and all(NUMBER_QUESTION.search(p) for p in parts) and all(
            len(_SUBJECT_LESS.sub("", p)) >= 2 for p in parts[1:]):  # '哪几个项目？几个？': one ask, said twice
        return parts
    m = _EACH.search(question)
    if not m:
        return []
    head, tail = question[: m.start()], question[m.end() :]
    ends = [x.end() for x in _CONTEXT.finditer(head)]
    ends += [head.rfind(n) + len(n) for n in names if n and n in head]
    cut = max(ends, default=0)
    items = [x for x in _ITEM_SEP.split(head[cut:]) if x]
    if len(items) < 2 or len(last := items[-1]) < 2:
        return []
    out = []
    for item in items:
        if item is not last and len(item) <= 3 and len(last) > len(item):
            item = complete_item(item, last)  # 城镇和农村居民人均可支配收入 -> 城镇居民人均可支配收入
        out.append(head[:cut] + item + (tail or "多少"))
    return out


# '…报了多少亿元，已经连续几年全县第一': a streak asked after the figure is a position kept, asked second
STREAK = re.compile(r"连续(?:几|多少)年|\bhow many (?:straight |consecutive )?years (?:in a row|running)\b", re.I)
_CLAUSE_END = re.compile(r"[，,？?；;]|\s+and\s+(?=(?:its|the|what|where)\b)", re.I)


def value_before_rank(question: str) -> str | None:
    """'社零增速多少？在全区排第几？', 'Buji retail sales growth in 2022, and its rank in the district?': the figure
    asked before the position, as a question of its own; None when the question asks only a position."""
    rank = ASKS_RANK.search(question) or STREAK.search(question)
    if rank is None:
        return None
    cuts = [m for m in _CLAUSE_END.finditer(question, 0, rank.start())]
    if not cuts:
        return None
    head = question[: cuts[-1].start()].rstrip()
    if ASKS_RANK.search(head) or STREAK.search(head) or not NUMBER_QUESTION.search(re.sub(r"第几", "", head)):
        return None
    return head + ("？" if re.search(r"[\u4e00-\u9fff]$", head) else "?")
