"""Period codes and the period expressions that name them in text.

Codes: "2023" (full year), "2024H1"/"2024H2", "2023M01-M10" (January to month N, cumulative), "2016M07-M08" (a
window of months), "2023-plan",
"2024H2-plan". `period_in` reads the first period expression of a clause; the year comes from the text or the hint.
Figure extraction (rag/figures/extract.py) calls it per clause, sentence and section heading.
"""

from __future__ import annotations

import re

from rag.text.numbers import halfwidth

_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
_MONTH = r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_DASH = r"\s*(?:-|－|–|—|~|～|至|到)+\s*"
# A year the clause is about; not one it compares with (比2022年, 较2022年, 从2016年的…).
_YEAR = re.compile(r"(?<![比较同与从由])(20\d\d)\s*年(?:度)?(?!的)")
# A season across two years is one season, named by the year it ends: '2022—2023年冬春马铃薯', '2021/2022年榨季',
# 'the 2021–2022 season'. The router and the figure table both read it here.
# A season word a bare year may stand before ('2022榨季'): that year's season.
SEASON_AFTER_YEAR = r"榨季|产季|学年"
_SEASON = re.compile(rf"(?:19|20)(\d\d)\s*年?\s*[/／—–-]\s*((?:19|20)(\d\d)\s*年?)(?=\s*(?:{SEASON_AFTER_YEAR}|年度|种植季|冬春"
                     r"|秋冬|[春夏秋冬]季|(?:crushing |growing |marketing |harvest |school |winter |summer )?season\b))")


def season_years(text: str) -> str:
    """Each season across two years in `text` written as the year it ends ('2024—2025年冬季' → '2025年冬季',
    '2021/2022榨季' → '2022榨季')."""
    return _SEASON.sub(lambda m: m.group(2) if int(m.group(3)) == int(m.group(1)) + 1 else m.group(0), text)


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?:1|一)\s*月?(?:份)?{_DASH}{_MONTH}\s*月(?:份)?"), "months"),
    (re.compile(rf"截[至止](?:到)?\s*(?:20\d\d\s*年\s*)?{_MONTH}\s*月(?:底|末|份|\s*\d{{1,2}}\s*日)?"), "asof"),
    # '旅游旺季（7-8月）': months that do not start in January, a window of their own
    (re.compile(rf"(?<![\d一二三四五六七八九十.])(1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])\s*月?(?:份)?{_DASH}{_MONTH}\s*月(?:份)?"), "window"),
    (re.compile(r"前三季度|前3季度"), "Q3"),
    (re.compile(r"(?:第)?[一1]季度"), "Q1"),
    (re.compile(r"上半年"), "H1"),
    (re.compile(r"下半年"), "H2"),
    # ('完成全年确保目标（…）任务进度的75%': the task's year, not the period of the figure)
    (re.compile(r"全年(?!(?:确保|力争|保底|奋斗|预期)?(?:目标|任务|计划))"), "year"),
    # '估计到年底，…可达2650万元': to the year's end, the whole year
    (re.compile(r"(?:到|至|截[至止]到?)\s*(?:今年|本年)?年底"), "year"),
    # '年内新增规上工业企业2家': within the year, the year's (never '年内要', a plan)
    (re.compile(r"(?<![今明当])年内(?!要|将|力争|计划|确保)"), "year"),
]


def _month(token: str) -> int:
    return int(token) if token.isdigit() else _CN_NUM[token]


def period_in(text: str, year_hint: str | int | None) -> str | None:
    """The period a clause names ("1-10月" → "2023M01-M10", "上半年" → "2023H1", "2022年" → "2022"), or None when
    it names none or no year is known; `year_hint` is the report year (int, or a code such as "2023")."""
    text = re.sub(rf"(20\d\d)(?={SEASON_AFTER_YEAR})", r"\1年", season_years(halfwidth(text)))  # ('１－１０月')
    years = _YEAR.findall(text)
    hint = str(year_hint)[:4] if year_hint else ""
    y = int(years[0]) if years else int(hint) if hint.isdigit() else None
    hits = [(m.start(), kind, m) for pattern, kind in _PATTERNS for m in [pattern.search(text)] if m]
    if not hits:
        return str(y) if y is not None and years else None
    _, kind, m = min(hits, key=lambda h: h[0])
    if y is None:
        return None
    if kind == "window":
        first, last = _month(m.group(1)), _month(m.group(2))
        return f"{y}M{first:02d}-M{last:02d}" if first < last else None
    if kind in ("months", "asof"):
        last = _month(m.group(1))
        # 1-6月 stays a month range, so one sentence is never shown both as 1-6月 and 上半年.
        return str(y) if last == 12 else f"{y}M01-M{last:02d}"
    return {"Q3": f"{y}M01-M09", "Q1": f"{y}M01-M03", "H1": f"{y}H1", "H2": f"{y}H2", "year": str(y)}[kind]


def last_month(code: str | None) -> int | None:
    """The last month a period code covers ("2023M01-M10" → 10, "2024H1" → 6, "2023" → 12)."""
    if not code:
        return None
    m = re.fullmatch(r"\d{4}M01-M(\d\d)", code)
    if m:
        return int(m.group(1))
    if re.fullmatch(r"\d{4}H1", code):
        return 6
    return 12 if re.fullmatch(r"\d{4}(H2)?", code) else None
