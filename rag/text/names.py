"""Romanised place names for English output (观湖街道 → Guanhu Subdistrict)."""

from __future__ import annotations

import re
from functools import lru_cache

_SUFFIX_EN = (("街道办事处", "Subdistrict"), ("街道", "Subdistrict"), ("办事处", "Office"),
              ("管委会", "Administrative Committee"), ("苏木", "Sumu"), ("镇", "Town"), ("乡", "Township"),
              ("区", "District"), ("县", "County"), ("市", "City"), ("省", "Province"))


@lru_cache(maxsize=512)
def romanize(name: str) -> str:
    """Pinyin of a Chinese name, syllables joined and capitalised ('观湖' → 'Guanhu'); ASCII kept."""
    if not name:
        return ""
    if name.isascii():
        return name
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name)).capitalize()


def place_en(name: str | None) -> str:
    """English form of a street/district name: 'Guanhu Subdistrict', 'XX Subdistrict', 'Longgang District'."""
    if not name:
        return "unknown"
    for zh, en in _SUFFIX_EN:
        if name.endswith(zh) and len(name) > len(zh):
            return f"{romanize(name[: -len(zh)])} {en}"
    return romanize(name)


@lru_cache(maxsize=4096)
def place_en_pattern(name: str) -> str:
    """Regex (use re.I) for the English forms of a Chinese name, by the same pinyin and suffixes as `place_en`.

    '永丰县' → matches 'Yongfeng County', 'Yongfeng', 'Yong-feng county'; '永丰' → 'Yongfeng'.
    """
    base, suffix = name, ""
    for zh, en in _SUFFIX_EN:
        if name.endswith(zh) and len(name) > len(zh):
            base, suffix = name[: -len(zh)], en
            break
    if not base:
        return ""
    if base.isascii():
        core = re.escape(base)
    else:
        from pypinyin import Style, pinyin

        # every reading of a character with several ('柏' bai / bo): writers romanise either
        # (and each character's usual reading: read as a phrase, '澄沙' gives only deng, though writers spell Chengsha)
        readings = [[*phrase, pinyin(ch, style=Style.NORMAL)[0][0]]
                    for ch, phrase in zip(base, pinyin(base, style=Style.NORMAL, heteronym=True), strict=False)]
        core = r"[\s'’-]?".join("(?:" + "|".join(re.escape(r) for r in dict.fromkeys(rs)) + ")" for rs in readings)
    tail = rf"(?:\s+{re.escape(suffix)})?" if suffix else ""
    return rf"\b{core}{tail}\b"


_PERIOD = re.compile(r"(\d{4})?(?:H([12])|M(\d\d)-M(\d\d)|Q([1-4]))?(-plan)?")  # (a year not named: 'H1')
_MONTHS_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_QUARTER_ZH = "一二三四"


def period_en(period: str | None) -> str:
    """'2024H1' → 'H1 2024', '2024M01-M05' → 'Jan–May 2024', '2024Q1' → 'Q1 2024', '2023-plan' → '2023 plan'."""
    if not period:
        return "period unknown"
    m = _PERIOD.fullmatch(period)
    if not m:
        return period
    year, half, first, last, quarter, plan = m.groups()
    if not (year or half or first or quarter):
        return period
    year = f" {year}" if year else ""
    if half:
        text = f"H{half}{year}"
    elif first and first == last:
        text = f"{_MONTHS_EN[int(first) - 1]}{year}"
    elif first:
        text = f"{_MONTHS_EN[int(first) - 1]}–{_MONTHS_EN[int(last) - 1]}{year}"
    elif quarter:
        text = f"Q{quarter}{year}"
    else:
        text = year.strip()
    return text + (" plan" if plan else "")


def period_zh(period: str | None) -> str:
    """'2024H1' → '2024年上半年', '2024M01-M05' → '2024年1-5月', '2023-plan' → '2023年计划'.

    The one display of period codes: a month range stays a month range (2024M01-M06 → 2024年1-6月, never 上半年).
    """
    if not period:
        return "期间不明"
    m = _PERIOD.fullmatch(period)
    if not m:
        return period
    year, half, first, last, quarter, plan = m.groups()
    if not (year or half or first or quarter):
        return period
    year = f"{year}年" if year else ""
    if half:
        text = f"{year}{'上' if half == '1' else '下'}半年"
    elif first and first == last:
        text = f"{year}{int(first)}月"
    elif first:
        text = f"{year}{int(first)}-{int(last)}月"
    elif quarter:
        text = f"{year}{_QUARTER_ZH[int(quarter) - 1]}季度"
    else:
        text = year
    return text + ("计划" if plan else "")
