"""Numbers, units and qualifiers in Chinese report text, and their Chinese/English display."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


@dataclass(frozen=True)
class UnitInfo:
    """How a printed unit maps to a normalised unit: normalised value = printed value * factor."""

    normalized_unit: str
    factor: float
    en: str


# (printed unit, normalised unit, factor, English label of the normalised unit)
_BASE_UNITS: tuple[tuple[str, str, float, str], ...] = (
    ("元", "CNY", 1.0, "CNY"), ("千元", "CNY", 1e3, "CNY"), ("万元", "CNY", 1e4, "CNY"),
    ("亿元", "CNY", 1e8, "CNY"), ("万亿元", "CNY", 1e12, "CNY"),
    ("美元", "USD", 1.0, "USD"), ("万美元", "USD", 1e4, "USD"), ("亿美元", "USD", 1e8, "USD"),
    ("平方米", "m2", 1.0, "m²"), ("㎡", "m2", 1.0, "m²"), ("万平方米", "m2", 1e4, "m²"),
    ("万㎡", "m2", 1e4, "m²"), ("公顷", "m2", 1e4, "m²"), ("亩", "m2", 1e4 / 15, "m²"),
    ("万亩", "m2", 1e8 / 15, "m²"), ("万公顷", "m2", 1e8, "m²"), ("千公顷", "m2", 1e7, "m²"), ("平方公里", "m2", 1e6, "m²"), ("平方千米", "m2", 1e6, "m²"),
    # a sown area counted once per crop cycle (蔬菜播种面积1.86万亩次): area-times, never a plot's area
    ("亩次", "mu_times", 1.0, "mu-times"), ("万亩次", "mu_times", 1e4, "mu-times"),
    ("米", "m", 1.0, "m"), ("公里", "m", 1e3, "m"), ("千米", "m", 1e3, "m"),
    ("立方米", "m3", 1.0, "m³"), ("万立方米", "m3", 1e4, "m³"),
    ("%", "percent", 1.0, "%"), ("成", "percent", 10.0, "%"),  # 八成 is 80%
    ("个百分点", "percent", 1.0, "percentage points"),
    ("百分点", "percent", 1.0, "percentage points"), ("倍", "times", 1.0, "times"),
    ("微克/立方米", "ug/m3", 1.0, "µg/m³"),
    ("毫克/立方米", "ug/m3", 1e3, "mg/m³"),  # as printed (CO is reported in mg/m³); a misprint stays visible
    ("天", "days", 1.0, "days"), ("小时", "hours", 1.0, "hours"), ("分钟", "minutes", 1.0, "minutes"),
    ("个工作日", "workdays", 1.0, "working days"), ("工作日", "workdays", 1.0, "working days"),
    ("个月", "months", 1.0, "months"), ("个季度", "quarters", 1.0, "quarters"), ("季度", "quarters", 1.0, "quarters"),
    ("年", "years", 1.0, "years"), ("届", "terms", 1.0, "terms"),  # only in a streak: 连续三年 (see STREAK_ONLY)
    ("千瓦", "kW", 1.0, "kW"), ("万千瓦", "kW", 1e4, "kW"), ("兆瓦", "kW", 1e3, "kW"),
    ("千瓦时", "kWh", 1.0, "kWh"), ("万千瓦时", "kWh", 1e4, "kWh"),
    # every weight in tonnes, so 万吨 and 万斤 figures of one place compare and rank (担, of tobacco: 50 kg)
    ("吨", "t", 1.0, "t"), ("万吨", "t", 1e4, "t"), ("千克", "t", 1e-3, "t"), ("公斤", "t", 1e-3, "t"), ("万公斤", "t", 10.0, "t"), ("万千克", "t", 10.0, "t"),
    ("斤", "t", 5e-4, "t"), ("万斤", "t", 5.0, "t"), ("亿斤", "t", 5e4, "t"), ("担", "t", 0.05, "t"), ("万担", "t", 500.0, "t"),
    ("万", "count", 1e4, ""), ("亿", "count", 1e8, ""),
)

_COUNT_UNITS = (
    "家 个 项 宗 件 名 辆 套 座 户 条 处 起 家次 人次 人 次 所 栋 幢 间 台 批 场 期 宗次 面 封 株 棵 箱 单 篇"
    " 份 支 只 张 盏 课 位 部 辆次 场次 批次 户次 个次 件次 架次 台次 种 本 册 块 例"
    " 头 匹 羽 尾 架 艘 枚 颗 瓶 袋 棒 人日 工日 群 棚"
).split()
_NOT_A_UNIT = {"群": "众体落组", "棚": "户改区"}  # 4600群 (bee colonies), but 服务1200群众 counts people; 380棚, not 棚改
_MULTIPLIERS = ("万亿", "亿", "万", "千")
_UNIT_SCALE = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3}
# An unlisted unit: a multiplier and a measure word of one to three Han characters (no numerals), or a bare
# one-character measure word; longer words without a multiplier are more likely garbage than units.
_GENERIC_UNIT = re.compile(r"(万亿|千万|百万|亿|万|千)([\u4e00-\u9fff]{1,3})|()([\u4e00-\u9fff])")
_NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿")


class _UnitTable(dict[str, UnitInfo]):
    """The printed-unit table. Lookups also accept an unlisted unit: a multiplier before a listed unit
    scales it (千吨 → t x 1000), any other measure word is a generic count and keeps its printed form
    (万头, 亿羽, 头). The scanner reads only listed units, so prose after 万 is never taken for a unit."""

    def listed(self, key: str) -> bool:
        """True for units the table spells out (what the scanner recognises)."""
        return dict.__contains__(self, key)

    def __missing__(self, key: str) -> UnitInfo:
        info = _derived_unit(self, key)
        if info is None:
            raise KeyError(key)
        return info

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (self.listed(key) or _derived_unit(self, key) is not None)

    def get(self, key: str, default: UnitInfo | None = None) -> UnitInfo | None:  # type: ignore[override]
        """Like dict.get, with unlisted units derived as in __missing__."""
        return self[key] if key in self else default


def _derived_unit(table: _UnitTable, key: str) -> UnitInfo | None:
    """UnitInfo for an unlisted unit (see _UnitTable), or None when `key` is no measure word at all."""
    match = _GENERIC_UNIT.fullmatch(key) if isinstance(key, str) else None
    if match is None:
        return None
    multiplier, word = match.group(1) or "", match.group(2) or match.group(4)
    if _NUMERAL_CHARS.intersection(word):
        return None
    scale = _UNIT_SCALE.get(multiplier, 1.0)
    base = dict.get(table, word)
    if base is not None:
        return UnitInfo(base.normalized_unit, base.factor * scale, base.en)
    return UnitInfo("count", scale, "")


def _build_units() -> _UnitTable:
    """Build the printed-unit table, adding 亿-, 万- and 千-prefixed forms of every count unit."""
    units = _UnitTable({key: UnitInfo(norm, factor, en) for key, norm, factor, en in _BASE_UNITS})
    for key in _COUNT_UNITS:
        units[key] = UnitInfo("count", 1.0, "")
        units["亿" + key] = UnitInfo("count", 1e8, "")
        units["万" + key] = UnitInfo("count", 1e4, "")
        units["千" + key] = UnitInfo("count", 1e3, "")
    return units


UNITS: _UnitTable = _build_units()
_MAX_UNIT = max(len(key) for key in UNITS)

# One-to-one replacements, so offsets in the translated text equal offsets in the original.
_FULLWIDTH = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {"．": ".", "％": "%", "＋": "+", "－": "-", "−": "-", "～": "~", "／": "/"}
)


def halfwidth(text: str) -> str:
    """Full-width digits and number signs written half-width ('２０２５年' → '2025年'), offsets unchanged."""
    # ('１，２６０亩': a full-width comma between full-width digits groups thousands, as ',' does)
    return re.sub(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))", ",", text).translate(_FULLWIDTH)


_AGE_SPAN = re.compile(r"(?<![\d.])(\d{1,3})\s*(?:至|到|~|～|—|–|－)\s*(\d{1,3})\s*(?=周?岁)")


def age_spans(text: str) -> str:
    """An age band written one way ('60至79岁', '60~79岁' → '60-79岁'), so a question and a report's label agree."""
    return _AGE_SPAN.sub(r"\1-\2", text)


_ZH_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_CHARS = "".join(_ZH_DIGITS) + "十百千万亿"
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_TOKEN = re.compile(f"(?P<a>{_ARABIC})|(?P<z>[{_ZH_CHARS}]+)")
_ARABIC_FULL = re.compile(r"([+-]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(万亿|千万|百万|亿|万|千|百)?")
_SUFFIX_SCALE = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}

_PREFIX_Q = re.compile(r"(不少于|不低于|超过|达到|逾|近|约|超|达)$")
_PREFIX_Q_ALIAS = {"超过": "超", "达到": "达"}
# Words that end in a qualifier character without being a qualifier (节约 = save, 下达 = issue).
_NOT_QUALIFIER = (
    "节约", "制约", "签约", "履约", "合约", "预约", "违约", "邀约", "特约", "下达", "传达", "送达",
    "表达", "转达", "直达", "抵达", "到达", "就近", "附近", "邻近", "赶超",
)
_SUFFIX_Q = ("以上", "以下", "左右")
# 减负 ("lighten the burden") ends in 负 but introduces a positive amount.
_NEGATIVE = re.compile(r"(?:下降|减少|降低|下滑|回落|缩减|减产|减收|减|降|(?<!减)负)了?$|(?:降幅|减幅)(?:为|达)?$")
_RANGE_SEPS = "-~—–至到"
_DATE_SUFFIXES = ("年", "月", "日", "号", "时", "届", "季度", "周年", "热线")
# A Chinese numeral after these is an ordinal, a vague amount or the start of a quoted slogan (“两个维护”).
_ZH_BLOCKERS = "第数几初周届“‘「《\""
# Chinese numeral + unit that is a name, not a count: 二期 (phase two), 二次供水 (secondary supply).
_ZH_IDIOMS = ("三次分配", "四处", "四面八方", "三番五次", "八项规定")
_ZH_NOT_UNIT_AFTER = ("期", "位一体")
STREAK_ONLY = ("年", "届", "季度", "个季度")  # time units that count only after 连续 ('连续两个季度', not '2024年')
# Normalised units a streak is counted in: 连续三年, 连续两届, 连续两个季度 (only streaks) and 连续5个月 (also a duration)
STREAK_UNITS = ("years", "terms", "quarters", "months")


@dataclass(frozen=True)
class Quantity:
    """One number found in text, with its unit, qualifier and sign."""

    value: float
    unit: str | None
    qualifier: str | None
    start: int
    end: int
    number_text: str
    negative: bool = False
    range_low: float | None = None


@dataclass(frozen=True)
class _Item:
    """A number token (or a low-high range of two) before unit and context are read."""

    kind: str
    start: int
    end: int
    value: float
    low: float | None = None


def parse_number(text: str) -> float:
    """Parse one printed number (Arabic with commas, full-width, Chinese numerals, 1.5万); else ValueError."""
    if not isinstance(text, str):
        raise ValueError(f"not a string: {text!r}")
    s = halfwidth(text.strip())
    match = _ARABIC_FULL.fullmatch(s)
    if match:
        sign, whole, frac, scale = match.groups()
        value = float(whole.replace(",", "") + (frac or "")) * _SUFFIX_SCALE.get(scale or "", 1.0)
        return -value if sign == "-" else value
    return _parse_chinese(s)


def _parse_chinese(s: str) -> float:
    """Parse a Chinese numeral such as 二十八, 一万五千, 一百零五, 一亿二千万 or 二〇二二."""
    if not s or any(c not in _ZH_CHARS for c in s) or (s[0] not in _ZH_DIGITS and s[0] != "十"):
        raise ValueError(f"not a number: {s!r}")
    if all(c in _ZH_DIGITS for c in s):
        if len(s) == 1 or len(s) == 4 or "零" in s or "〇" in s:
            return float("".join(str(_ZH_DIGITS[c]) for c in s))
        raise ValueError(f"ambiguous digit run: {s!r}")
    yi = wan = section = 0.0
    digit: int | None = None
    last_small = math.inf
    prev_place = 0.0
    for c in s:
        if c in _ZH_DIGITS:
            if digit:
                raise ValueError(f"two digits in a row: {s!r}")
            digit = _ZH_DIGITS[c]
            prev_place = 0.0 if digit == 0 else prev_place
            continue
        if c in _ZH_SMALL:
            place = float(_ZH_SMALL[c])
            if place >= last_small:
                raise ValueError(f"misordered numeral: {s!r}")
            section, last_small = section + (1 if digit is None else digit) * place, place
        else:
            block = (wan if c == "亿" else 0.0) + section + (digit or 0)
            if block == 0 or (c == "万" and wan) or (c == "亿" and yi):
                raise ValueError(f"misplaced {c}: {s!r}")
            place = 1e4 if c == "万" else 1e8
            wan, yi = (block * 1e4, yi) if c == "万" else (0.0, block * 1e8)
            section, last_small = 0.0, math.inf
        digit, prev_place = None, place
    # 一万五 = 15000, 三百五 = 350: a final digit right after a place counts one place lower.
    tail = (digit or 0) * (prev_place / 10 if prev_place > 10 and digit else 1)
    return yi + wan + section + tail


def _tokens(text: str) -> list[_Item]:
    """Every Arabic number and every parseable Chinese numeral in (translated) text."""
    items: list[_Item] = []
    for match in _TOKEN.finditer(text):
        if match.group("a"):
            items.append(_Item("a", match.start(), match.end(), float(match.group("a").replace(",", ""))))
            continue
        raw, start = match.group("z"), match.start()
        skip = next((i for i, c in enumerate(raw) if c in _ZH_DIGITS or c == "十"), len(raw))
        if skip == len(raw):
            continue
        try:
            value = _parse_chinese(raw[skip:])
        except ValueError:
            continue
        items.append(_Item("z", start + skip, match.end(), value))
    return items


def _merge_ranges(text: str, items: list[_Item]) -> list[_Item]:
    """Join "3-5" / "三至五" into one item whose value is the high end and low the low end."""
    merged: list[_Item] = []
    i = 0
    while i < len(items):
        cur = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        if (
            nxt is not None
            and nxt.kind == cur.kind
            and nxt.start == cur.end + 1
            and text[cur.end] in _RANGE_SEPS
        ):
            merged.append(_Item(cur.kind, cur.start, nxt.end, nxt.value, low=cur.value))
            i += 2
            continue
        merged.append(cur)
        i += 1
    return merged


def _longest_unit(text: str, pos: int, prefix: str = "") -> str | None:
    """The longest printed unit starting at pos (that is a key of UNITS once `prefix` is prepended)."""
    for size in range(min(_MAX_UNIT, len(text) - pos), 0, -1):
        word = text[pos : pos + size]
        nxt = text[pos + size : pos + size + 1]
        if UNITS.listed(prefix + word) and not (nxt and nxt in _NOT_A_UNIT.get(word, "")):
            return word
    return None


def _match_unit(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """Read the unit after a number: (unit key, inner 余 qualifier, end); handles 2.5万余人次 and 30多个."""
    for mult in _MULTIPLIERS:
        after = pos + len(mult)
        if text.startswith(mult, pos) and after < len(text) and text[after] in "余多":
            rest = _longest_unit(text, after + 1, mult)
            if rest:
                return mult + rest, "余", after + 1 + len(rest)
            if UNITS.listed(mult):
                return mult, "余", after
    if pos < len(text) and text[pos] in "余多":
        rest = _longest_unit(text, pos + 1)
        if rest:
            return rest, "余", pos + 1 + len(rest)
        return None, ("余" if text[pos] == "余" else None), pos
    unit = _longest_unit(text, pos)
    spaces = len(text[pos : pos + 3]) - len(text[pos : pos + 3].lstrip(" "))
    if unit is None and 0 < spaces < 3:
        # '同比下降2.7 %', '收入 1,086 万元': a space typed between the number and its unit
        unit = _longest_unit(text, pos + spaces)
        if unit is not None:
            return unit, None, pos + spaces + len(unit)
    return unit, None, pos + len(unit or "")


def _prefix_qualifier(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier written right before a number (近, 约, 超过 → 超 …) and where it starts."""
    match = _PREFIX_Q.search(text, max(0, start - 3), start)
    if not match:
        return None, start
    if any(text.endswith(word, 0, start) for word in _NOT_QUALIFIER):
        return None, start
    return _PREFIX_Q_ALIAS.get(match.group(1), match.group(1)), match.start()


def _is_letter(char: str) -> bool:
    """True for an ASCII letter (PM2.5, 5G, H1)."""
    return char.isascii() and char.isalpha()


def _joined(text: str, left: int, right: int) -> bool:
    """True when the number at [left, right) is glued to another by + : / . (1+6, 9:30, 2022.7.1)."""
    glue = "+:/."
    before = left >= 2 and text[left - 1] in glue and text[left - 2].isdigit()
    after = right + 1 < len(text) and text[right] in glue and text[right + 1].isdigit()
    return before or after


def _signed_start(text: str, item: _Item) -> int:
    """Start of the number including an explicit +/- sign that is not part of a range or formula."""
    if item.kind == "a" and item.low is None and item.start > 0 and text[item.start - 1] in "+-":
        before = text[item.start - 2] if item.start >= 2 else ""
        if not (before.isalnum() and before.isascii()) and before not in (".", "%"):
            return item.start - 1
    return item.start


def _skip_arabic(text: str, item: _Item, start: int, unit: str | None, after: int) -> bool:
    """True for Arabic numbers that are dates, ordinals, codes, list markers or formula parts."""
    before = text[start - 1] if start > 0 else ""
    nxt = text[item.end] if item.end < len(text) else ""
    number = text[item.start : item.end]
    if _is_letter(before) or _is_letter(nxt) or before == "第" or _joined(text, start, item.end):
        return True
    if item.low is None and len(number) > 1 and number[0] == "0" and number[1].isdigit():
        return True
    if before in ("", "\n", "\r", " ", "\t", "(", "（") and nxt in (".", "、", ")", "）"):
        return True
    return unit is None and text.startswith(_DATE_SUFFIXES, after)


def _skip_chinese(text: str, item: _Item, unit: str | None) -> bool:
    """True for Chinese numerals that are not quantities (一是, 十九大, 第一, 数十, 二次供水)."""
    if unit is None or text[item.start : item.end] == "一":
        return True
    before = text[item.start - 1] if item.start > 0 else ""
    if text.startswith(_ZH_NOT_UNIT_AFTER, item.end) or text.startswith("二次", item.start):
        return True
    return (before != "" and before in _ZH_BLOCKERS) or text.startswith(_ZH_IDIOMS, item.start)


def _negative(text: str, cue_end: int, start: int, prev: Quantity | None) -> bool:
    """True after 下降/减少/-, or in a 、-list that continues a negative figure."""
    if start < len(text) and text[start] == "-":
        return True
    if start < len(text) and text[start] == "+":
        return False
    if _NEGATIVE.search(text, max(0, cue_end - 4), cue_end):
        return True
    if prev is None or not prev.negative:
        return False
    gap = text[prev.end : cue_end]
    for word in _SUFFIX_Q:
        gap = gap.removeprefix(word)
    return gap in ("、", "和", "及")


# '完成年计划的87.3' (no % after it): the share of a plan or task done
_GROWTH_BARE = re.compile(r"(?:同比|比上年|较上年|比去年|较去年)(?:增长|下降|提高|降低|上升|回落|增加|减少|增|降|减)了?\s*$|"
                          r"(?:比增|比降)\s*$")
_OF_PLAN_BARE = re.compile(r"(?:完成|达到|占)[^，,；;。\d]{0,8}?(?:计划|任务|目标)数?的\s*$")


def _quantity(text: str, original: str, item: _Item, prev: Quantity | None) -> Quantity | None:
    """Turn one token into a Quantity, or None when it is not a quantity."""
    start = _signed_start(text, item)
    unit, inner_q, end = _match_unit(text, item.end)
    if not unit and item.kind == "a" and _OF_PLAN_BARE.search(text, 0, start) \
            and re.match(r"\s*(?:[，,；;。）)]|$)", text[item.end :]):
        unit, end = "%", item.end  # '完成年计划的87.3，': a completion rate printed without its % sign
    if not unit and item.kind == "a" and _GROWTH_BARE.search(text, 0, start) and abs(item.value) < 1000 \
            and re.match(r"\s*(?:[，,；;。）)]|$)", text[item.end :]):
        unit, end = "%", item.end  # '完成固定资产投资6.42亿元，同比下降5.3，': a growth rate, its % sign lost on a copy
    if unit in STREAK_ONLY and not text.endswith("连续", 0, start):
        return None  # '2023年', '十九届': a date or an ordinal; '连续三年全区第一' is a streak of three years
    after = item.end + (1 if text[item.end : item.end + 1] in ("余", "多") else 0)
    if item.kind == "a" and _skip_arabic(text, item, start, unit, after):
        return None
    if item.kind == "z" and _skip_chinese(text, item, unit):
        return None
    prefix_q, cue_end = _prefix_qualifier(text, start)
    suffix_q = next((word for word in _SUFFIX_Q if text.startswith(word, end)), None)
    negative = _negative(text, cue_end, start, prev)
    sign = -1.0 if negative else 1.0
    return Quantity(
        value=sign * abs(item.value),
        unit=unit,
        qualifier=inner_q or prefix_q or suffix_q,
        start=start,
        end=end,
        number_text=original[start : item.end],
        negative=negative,
        range_low=None if item.low is None else sign * abs(item.low),
    )


def scan_quantities(text: str) -> list[Quantity]:
    """Every quantity in Chinese text with its unit (longest match), qualifier and sign."""
    if not isinstance(text, str):
        return []
    norm = halfwidth(text)
    found: list[Quantity] = []
    for item in _merge_ranges(norm, _tokens(norm)):
        quantity = _quantity(norm, text, item, found[-1] if found else None)
        if quantity is not None:
            found.append(quantity)
    return found


def find_numbers(text: str) -> list[float]:
    """Every number printed in text, unsigned and unscaled (plus 1.5万 → 15000 and 一万五千 → 1.5)."""
    if not isinstance(text, str):
        return []
    norm = halfwidth(text)
    values: list[float] = []
    for item in _tokens(norm):
        values.append(item.value)
        if item.kind == "a":
            scale = next((s for s in _SUFFIX_SCALE if norm.startswith(s, item.end)), None)
            if scale and scale not in ("百", "千万", "百万"):
                values.append(item.value * _SUFFIX_SCALE[scale])
            continue
        raw = norm[item.start : item.end]
        for mark, scale_value in (("亿", 1e8), ("万", 1e4)):
            if mark in raw and item.value >= scale_value:
                values.append(item.value / scale_value)
                break
    return values


def _unit_info(unit: str) -> UnitInfo:
    """Look a printed unit up; "" means a bare count, an unlisted measure word a generic count; else ValueError."""
    if unit == "":
        return UnitInfo("count", 1.0, "")
    info = UNITS.get(unit) if isinstance(unit, str) else None
    if info is None:
        raise ValueError(f"unknown unit {unit!r}; known units are the keys of rag.text.numbers.UNITS")
    return info


def normalize(value: float, unit: str) -> tuple[float, str]:
    """(value * factor, normalised unit) for a printed value and unit; ValueError for unknown units."""
    info = _unit_info(unit)
    return value * info.factor, info.normalized_unit


_ZH_QUALIFIERS = {"近", "约", "超", "余", "逾", "以上", "以下", "不少于", "不低于", "达", "左右"}
_QUALIFIER_ALIASES = {"多": "余", "超过": "超", "达到": "达"}


def _check_qualifier(qualifier: str | None) -> str | None:
    """Canonical qualifier (多 → 余, 超过 → 超); ValueError for unknown ones."""
    if qualifier is None or qualifier == "":
        return None
    canonical = _QUALIFIER_ALIASES.get(qualifier, qualifier)
    if canonical not in _ZH_QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}")
    return canonical


def _fmt_zh(value: float) -> str:
    """A number as a Chinese report prints it: no grouping, no trailing zeros."""
    if not math.isfinite(value):
        return str(value)
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_zh(value: float, unit: str, qualifier: str | None = None) -> str:
    """Chinese display, e.g. 12.3万平方米, 近26公顷, 2.5万余人次, 40万平方米以上, -12.5%."""
    _unit_info(unit)
    qualifier = _check_qualifier(qualifier)
    number = _fmt_zh(value)
    if unit in STREAK_ONLY:
        return f"连续{number}{unit}"  # a streak: '3年' alone reads as a date, '连续3年' as what it is
    if qualifier == "余":
        mult = next((m for m in _MULTIPLIERS if unit.startswith(m) and unit[len(m) :] in UNITS), None)
        if mult is not None or unit in _MULTIPLIERS:
            mult = mult or unit
            return f"{number}{mult}余{unit[len(mult) :]}"
        return f"{number}余{unit}"
    if qualifier in _SUFFIX_Q:
        return f"{number}{unit}{qualifier}"
    return f"{qualifier or ''}{number}{unit}"


_EN_QUALIFIERS = {
    "近": "nearly", "约": "about", "左右": "about", "超": "more than", "逾": "more than",
    "余": "more than", "以上": "more than", "不少于": "at least", "不低于": "at least",
    "以下": "up to", "达": "",
}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_AREA_ALT = {
    "公顷": ("ha", 1e4), "万平方米": ("ha", 1e4), "万㎡": ("ha", 1e4), "亩": ("mu", 1e4 / 15),
    "万亩": ("mu", 1e4 / 15), "平方公里": ("km²", 1e6), "平方千米": ("km²", 1e6),
}
_EN_LABELS = {
    "times": "times", "ug/m3": "µg/m³", "days": "days", "hours": "hours", "kW": "kW", "kWh": "kWh",
    "t": "tonnes", "kg": "kg", "m3": "m³",
}


def _fmt_en(value: float) -> str:
    """English grouping, at most two decimals (half up), trailing zeros stripped."""
    if not math.isfinite(value):
        return str(value)
    try:
        rounded = Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return f"{value:,.2f}"
    text = f"{rounded:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _scaled_en(value: float) -> str:
    """1.5 million / 47.88 billion for large values, grouped digits below a million."""
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{_fmt_en(value / scale)} {word}"
    return _fmt_en(value)


def _en_money(norm: float, value: float, unit: str, info: UnitInfo) -> str:
    """CNY 47.88 billion, USD 100 million, CNY 5,000."""
    return f"{info.en} {_scaled_en(norm)}"


def _en_area(norm: float, value: float, unit: str, info: UnitInfo) -> str:
    """123,000 m² (12.3 ha): square metres plus the hectare/mu/km² figure where useful."""
    label, divisor = _AREA_ALT.get(unit, ("ha", 1e4) if abs(norm) >= 1e4 else ("", 0.0))
    base = f"{_fmt_en(norm)} m²"
    return f"{base} ({_fmt_en(norm / divisor)} {label})" if divisor else base


def _en_length(norm: float, value: float, unit: str, info: UnitInfo) -> str:
    """2.5 km for 公里/千米, 300 m for 米."""
    return f"{_fmt_en(norm / 1e3)} km" if info.factor == 1e3 else f"{_fmt_en(norm)} m"


def _en_percent(norm: float, value: float, unit: str, info: UnitInfo) -> str:
    """12.34% or 3 percentage points."""
    if info.en == "%":
        return f"{_fmt_en(norm)}%"
    return f"{_fmt_en(norm)} percentage point{'' if abs(norm) == 1 else 's'}"


def _en_count(norm: float, value: float, unit: str, info: UnitInfo) -> str:
    """A bare count: 486, 25,000, 1.5 million."""
    return _scaled_en(norm)


def _en_other(norm: float, value: float, unit: str, info: UnitInfo) -> str:
    """1.7 times, 18.2 µg/m³, 50,000 kW."""
    label = _EN_LABELS.get(info.normalized_unit, info.en)
    return f"{_fmt_en(norm)} {label}".rstrip()


_EN_FORMATTERS: dict[str, Callable[[float, float, str, UnitInfo], str]] = {
    "CNY": _en_money, "USD": _en_money, "m2": _en_area, "m": _en_length,
    "percent": _en_percent, "count": _en_count,
}


def format_en(value: float, unit: str, qualifier: str | None = None) -> str:
    """English display from a printed value and unit: 123.45亿元 → "CNY 12.35 billion"."""
    info = _unit_info(unit)
    canonical = _check_qualifier(qualifier)
    formatter = _EN_FORMATTERS.get(info.normalized_unit, _en_other)
    body = formatter(value * info.factor, value, unit, info)
    word = _EN_QUALIFIERS[canonical] if canonical else ""
    return f"{word} {body}" if word else body


# (pattern, normalised unit, factor); order matters: longer spellings first.
_EN_UNITS: tuple[tuple[str, str, float], ...] = (
    (r"yuan|renminbi|RMB|CNY", "CNY", 1.0), (r"US\s?dollars|dollars|USD", "USD", 1.0),
    (r"km²|km2|sq\.?\s?km|square\s+kilomet(?:er|re)s?", "m2", 1e6),
    (r"m²|m2|sq\.?\s?m|square\s+met(?:er|re)s?", "m2", 1.0), (r"m³|m3|cubic\s+met(?:er|re)s?", "m3", 1.0),
    (r"hectares?|ha", "m2", 1e4), (r"mu", "m2", 1e4 / 15),
    (r"kilomet(?:er|re)s?|km", "m", 1e3), (r"met(?:er|re)s?|m", "m", 1.0),
    (r"%|percentage\s+points?|per\s?cent|pp", "percent", 1.0), (r"times|-?fold", "times", 1.0),
    (r"[µμu]g/m[³3]|mg/m[³3]", "ug/m3", 1.0), (r"kWh", "kWh", 1.0), (r"kW|kilowatts?", "kW", 1.0),
    (r"MW|megawatts?", "kW", 1e3), (r"tonnes|tons|t", "t", 1.0), (r"kg|kilograms?", "t", 1e-3),
    (r"days?", "days", 1.0), (r"hours?", "hours", 1.0), (r"minutes?|mins?", "minutes", 1.0),
)
_EN_SCALE_WORDS = {
    "trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6, "thousand": 1e3,
}
_EN_CURRENCY = {"cny": "CNY", "rmb": "CNY", "¥": "CNY", "￥": "CNY", "usd": "USD", "us$": "USD", "$": "USD"}
_EN_UNIT_ALTS = "|".join(f"(?P<u{i}>{pat})(?![A-Za-z0-9²³])" for i, (pat, _, _) in enumerate(_EN_UNITS))
_EN_FIGURE = re.compile(
    r"(?P<cur>CNY|RMB|USD|US\$|\$|¥|￥)?\s?(?P<sign>[-+])?(?P<num>" + _ARABIC + r")"
    r"(?:\s?(?P<scale>trillion|billion|million|thousand|bn|mn|tn)(?![A-Za-z]))?"
    r"(?:\s?(?:" + _EN_UNIT_ALTS + "))?",
    re.IGNORECASE,
)


def _en_figure(match: re.Match[str]) -> tuple[float, str | None] | None:
    """One English figure as (normalised value, normalised unit), or None when it is a code like PM2.5."""
    cur = match.group("cur")
    start = match.start("num") if cur is None else match.start()
    before = match.string[start - 1] if start > 0 else ""
    if _is_letter(before) or (before.isdigit() and cur is None):
        return None
    sign_at = match.start("sign")
    minus = match.group("sign") == "-" and not (sign_at > 0 and match.string[sign_at - 1].isdigit())
    value = float(match.group("num").replace(",", "")) * (-1.0 if minus else 1.0)
    scale = match.group("scale")
    value *= _EN_SCALE_WORDS[scale.lower()] if scale else 1.0
    index = next((i for i in range(len(_EN_UNITS)) if match.group(f"u{i}")), None)
    text_after = match.string[match.end() : match.end() + 1]
    if index is None and not scale and _is_letter(text_after) and match.end() == match.end("num"):
        return None
    if cur is not None:
        if index is not None and match.group(f"u{index}").lower() == "m" and not scale:
            value *= 1e6
        return value, _EN_CURRENCY[cur.lower()]
    if index is None:
        return value, None
    _, norm_unit, factor = _EN_UNITS[index]
    return value * factor, norm_unit


def parse_en_figures(text: str) -> list[tuple[float, str | None]]:
    """Figures in English (or mixed) text as (normalised value, normalised unit); never raises."""
    if not isinstance(text, str):
        return []
    norm = halfwidth(text)
    found: list[tuple[int, float, str | None]] = []
    taken: list[tuple[int, int]] = []
    for quantity in scan_quantities(norm):
        if quantity.unit is not None:
            value, unit = normalize(quantity.value, quantity.unit)
            found.append((quantity.start, value, unit))
            taken.append((quantity.start, quantity.end))
    for match in _EN_FIGURE.finditer(norm):
        pos = match.start("num")
        if any(lo <= pos < hi for lo, hi in taken):
            continue
        figure = _en_figure(match)
        if figure is not None:
            found.append((pos, *figure))
    return [(value, unit) for _, value, unit in sorted(found, key=lambda row: row[0])]


def same_quantity(
    a: float, a_unit: str | None, b: float, b_unit: str | None, *, rel_tol: float = 0.005
) -> bool:
    """True when two normalised quantities agree within rel_tol and their units match (None matches any)."""
    if a_unit is not None and b_unit is not None and a_unit != b_unit:
        return False
    if not (math.isfinite(a) and math.isfinite(b)):
        return a == b
    return abs(a - b) <= max(rel_tol * max(abs(a), abs(b)), 1e-9)


def majority_unit(units: Iterable[str]) -> str:
    """The one display unit for a column of figures: the most frequent normalised unit, on a tie the first seen.

    Figures in other units are left out of a comparison (亿元 and 万平方米 are never ranked together);
    "" when there are no figures.
    """
    counts = Counter(units)
    return counts.most_common(1)[0][0] if counts else ""
