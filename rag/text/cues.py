"""Cue words that decide what kind of figure a sentence states: the one owner of these word lists.

Extraction (figure kinds), the Indicator validator, summaries (which sentences count as results) and the
router (what kind of figure a question asks for) all read the lists here, so they cannot drift apart.
"""

from __future__ import annotations

import re

# Plan wording: a figure after these is a target, not a result (计划 = plan, not achievement).
TARGET_WORDS = ("力争", "计划", "目标", "任务", "不少于", "不低于", "确保", "争取", "预计", "拟")
TARGET = re.compile("|".join(TARGET_WORDS))
# Summaries also treat 将 ("will") as future wording when ranking review sentences.
TARGET_OR_FUTURE = re.compile(TARGET.pattern + "|将")
# A question asking for a target rather than a result.
QUESTION_TARGET = re.compile("|".join((*TARGET_WORDS, "打算")) + r"|\b(target|plan|planned|plans|goal|aim|will)\b",
                             re.I)
# Achievement wording that overrides a target cue in the same clause (已完成, 实现 …).
DONE = re.compile(r"完成|实现|达到?|已")
# Summaries also count 累计 (cumulative totals) as achieved.
DONE_OR_CUMULATIVE = re.compile(DONE.pattern + "|累计")

YOY = re.compile(r"同比|增长|增幅|下降|降幅|减少|上升|提高|提升|[+＋]\s*$")
COMPLETION = re.compile(r"完成率|办结率|完成(?:了)?(?:年度|全年|区下达)?(?:目标|任务|考核任务)的?|占(?:年度|全年)(?:考核)?(?:目标|任务)")
SHARE = re.compile(r"占全[区市]|全[区市]占比|占比")
CUMULATIVE = re.compile(r"累计")
PROVISIONAL = re.compile(r"以统计(?:局)?公布为准|初步统计|快报数|预计全年")
