"""Romanised place names for English output (观湖街道 → Guanhu Subdistrict)."""

from __future__ import annotations

import re
from functools import lru_cache

_SUFFIX_EN = (("街道办事处", "Subdistrict"), ("街道", "Subdistrict"), ("镇", "Town"), ("区", "District"),
              ("市", "City"))


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


def period_en(period: str | None) -> str:
    """'2024H1' → 'H1 2024', '2024M01-M05' → 'Jan–May 2024', '2023-plan' → '2023 plan'."""
    if not period:
        return "period unknown"
    m = re.fullmatch(r"(\d{4})M(\d\d)-M(\d\d)", period)
    if m:
        months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
        return f"{months[int(m.group(2)) - 1]}–{months[int(m.group(3)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})H([12])(-plan)?", period)
    if m:
        return f"H{m.group(2)} {m.group(1)}" + (" plan" if m.group(3) else "")
    return period.replace("-plan", " plan")


def period_zh(period: str | None) -> str:
    """'2024H1' → '2024年上半年', '2024M01-M05' → '2024年1-5月', '2023-plan' → '2023年计划'."""
    if not period:
        return "期间不明"
    m = re.fullmatch(r"(\d{4})M(\d\d)-M(\d\d)", period)
    if m:
        return f"{m.group(1)}年{int(m.group(2))}-{int(m.group(3))}月"
    m = re.fullmatch(r"(\d{4})H([12])(-plan)?", period)
    if m:
        return f"{m.group(1)}年{'上' if m.group(2) == '1' else '下'}半年" + ("计划" if m.group(3) else "")
    m = re.fullmatch(r"(\d{4})(-plan)?", period)
    if m:
        return f"{m.group(1)}年" + ("计划" if m.group(2) else "")
    return period
