"""Period expressions in report text.

# contract: minimal version written by E (extraction) because M2's module was not there yet; M2 owns this file
# and may replace the body — keep the signature `period_in(text, year_hint) -> str | None`.
"""

from __future__ import annotations

import re

_ZH_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
_M = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_YEAR = r"(?:(20\d\d)\s*年(?:度)?)?"
_RANGE = re.compile(_YEAR + r"\s*1\s*(?:月份?)?\s*[-－—–~～至到]+\s*" + _M + r"\s*月")
_UNTIL = re.compile(_YEAR + r"\s*截[至止]\s*(?:20\d\d\s*年\s*)?" + _M + r"\s*月(?:底|末|份)")
_QUARTERS = re.compile(_YEAR + r"\s*(前三季度|第?[一1]季度|上半年|下半年|全年)")


def _month(s: str) -> int:
    return int(s) if s.isdigit() else _ZH_NUM.get(s, 0)


def period_in(text: str, year_hint: str | int | None) -> str | None:
    """The period a piece of text states: '1-10月' -> 'YYYYM01-M10', 上半年 -> 'YYYYH1', 前三季度 -> 'YYYYM01-M09',
    一季度 -> 'YYYYM01-M03', 截至10月底 -> 'YYYYM01-M10', 全年 -> 'YYYY'. None when it states none (or no year is
    known). The first expression in the text wins."""
    hint = str(year_hint)[:4] if year_hint else ""
    found: list[tuple[int, str]] = []
    for rx in (_RANGE, _UNTIL):
        for m in rx.finditer(text):
            year, month = m.group(1) or hint, _month(m.group(2))
            if year.isdigit() and 1 <= month <= 12:
                found.append((m.start(), f"{year}M01-M{month:02d}" if month < 12 else year))
    for m in _QUARTERS.finditer(text):
        year, what = m.group(1) or hint, m.group(2)
        if not year.isdigit():
            continue
        code = {"前三季度": "M01-M09", "上半年": "H1", "下半年": "H2", "全年": ""}.get(what, "M01-M03")
        found.append((m.start(), year + code))
    return min(found)[1] if found else None
