"""Places named in a question: known places (full, short, suffixed and English names), places the corpus lacks,
and the county, city or province words that tell same-named places apart.

'永丰县禾塘镇', '江西永丰的禾塘镇', '隆回县的禾塘镇', 'Hetang town (Yongfeng County)', 'Hetang (Longhui)': the words
next to a place are matched against the province, city and county of that place's reports (full names, gazetteer
short forms, and their pinyin as `place_en` writes it); words that match none of them never pick a report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rag.ingest.gazetteer import division_forms, lookup, lookup_alias, same_division
from rag.schemas import ReportMeta
from rag.text.names import place_en_pattern, romanize
from rag.text.words import tagged

# A place-like name: a short run of CJK characters before a township-level suffix.
_PLACE_SUFFIX = r"(?:街道办事处|街道办|街道|办事处|管委会|镇|乡|苏木)"
# '岚坝镇镇级税收': 镇级 after a 镇 is a scope word, not a second 镇
_PLACE_LIKE = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?){_PLACE_SUFFIX}(?!(?!镇级|乡级|街道级)[村镇街化区])")
_EN_PLACE = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:'s)? ([Tt]own(?:ship)?|[Ss]ub-?[Dd]istrict|[Ss]treet|[Ss]ubdistrict)\b")
_EN_SUFFIX = re.compile(r"(?:'s)?\s+(town(?:ship)?|sub-?district|subdistrict|street)\b", re.I)
# The township-level kind an English suffix names: 'Xinghu town' is 荇湖镇, not 荇湖街道.
_EN_KIND = {"town": ("镇",), "township": ("乡", "镇", "苏木"), "sub-district": ("街道", "办事处"), "subdistrict": ("街道", "办事处"),
            "street": ("街道",)}
# Words that are never part of a place name: cut a place candidate after the last of them.
_NOT_NAME = re.compile(r".*(?:年|月|底|的|在|和|与|及|请问|问|是|了|各|个|哪|几|多少|全|本|该|这|那|由|被|主办|承办|上半|下半|乡村|城镇|小城|根据|按照|对比|关于"
                       r"|占|比|中|为|对|向|从|到|以|季度)")
# A name made only of division words (区街镇, 乡镇街道) is the generic term, not a place.
_DIVISION_WORDS = re.compile(r"^[区街镇乡县市村社居道办]+$")
_AREA_AFTER = re.compile(r"(?:片区|园区|景区|示范区|示范带|产业园|新城|组团|板块|街区|项目|基地|品牌)")
_MAX_UNKNOWN = 5  # an unknown 'place' longer than this is a phrase that happens to end in 镇/街道
# Suffixes that make something look like a place but are ordinary words (城镇化, 乡村振兴 …).
_NOT_PLACE = re.compile(r"^(?:城|乡|村|集|小|市|重|特色|中心|建制|全|家|所|座)$")  # '建成了几家街道级…': no 家街道

# English words between a place and its county: 'Hetang town (Yongfeng County)', ', Yongfeng County', ' in Longhui'.
_EN_LEAD = re.compile(r"(?:\s+(?:town(?:ship)?|sub-?district|street))?\s*(?:\(\s*|,\s*|\s+(?:in|of)\s+)", re.I)
_EN_DIVISION = re.compile(r"[A-Z][a-z]+(?:[\s'’-][A-Za-z]+)?\s+(?:County|District|City|Province|Prefecture|Banner)\b")
_GO_TO = re.compile(r"(?:找|去|到|问|跑|来|上|联系|咨询|求助|反映|打给)$")  # a verb of going to the office before 街道/镇
# a gloss naming a zone, no administrative place ('Yunchuang town (云创小镇)': a themed park)
_ZONE_GLOSS = re.compile(r"(?:小镇|片区|园区|景区|产业园|基地|新城)[”\"]?$")
_EN_NOT_PLACE = {"the", "which", "each", "every", "this", "that", "a"}


class Places(NamedTuple):
    """What `resolve_places` read from a question."""

    found: list[str]  # known places named
    unknown: list[str]  # place-like names the corpus does not have
    spans: list[tuple[int, int]]  # every place mention with its county/city/province words
    districts: list[str]  # counties the figure rows are limited to (Route.districts)
    counties: dict[str, list[str]]  # place -> counties its qualifiers pick (Route.place_counties)
    twins: list[str] = []  # places one short name named at once ('荇湖' for 荇湖街道 and 荇湖镇): ask which


@dataclass(frozen=True)
class _Qualified:
    counties: frozenset[str] | None  # the place's counties the words next to the mention pick; None: no words
    start: int
    end: int
    conflict: bool = False  # the words name a division none of the place's reports is in


class _Where:
    """Where each known place's reports are, by county, with the forms a question may name them in."""

    def __init__(self, metas: Sequence[ReportMeta]) -> None:
        self.reports: dict[str, list[tuple[str, ReportMeta]]] = {}
        self.zh: dict[str, dict[str, set[str]]] = {}  # street -> form (永丰县, 永丰, 吉安, 江西) -> counties
        self.en: dict[str, dict[str, re.Pattern[str]]] = {}  # street -> county -> its English forms
        forms_of: dict[tuple[str, str], set[str]] = {}
        for m in metas:
            county = m.district or m.city
            if not m.street or not county:
                continue
            self.reports.setdefault(m.street, []).append((county, m))
            forms = {f for x in (m.district, m.city, m.province) if x for f in division_forms(x)}
            for f in forms:
                self.zh.setdefault(m.street, {}).setdefault(f, set()).add(county)
            forms_of.setdefault((m.street, county), set()).update(forms)
        for (street, county), forms in forms_of.items():
            patterns = sorted(filter(None, map(place_en_pattern, forms)), key=len, reverse=True)
            self.en.setdefault(street, {})[county] = re.compile("|".join(patterns), re.I)

    def counties(self, street: str) -> set[str]:
        return {c for c, _ in self.reports.get(street, ())}

    def qualify(self, question: str, street: str, start: int, end: int, floor: int = 0) -> _Qualified:
        """The county, city and province words next to a mention of `street`, matched against its reports."""
        if street not in self.reports:
            return _Qualified(None, start, end)
        tokens: list[set[str]] = []
        start, foreign = self._zh_before(question, street, start, floor, tokens)
        end = self._zh_after(question, street, end, tokens)
        start = max(floor, self._en_before(question, street, start, tokens))
        end, foreign_en = self._en_after(question, street, end, tokens)
        if not tokens:
            return _Qualified(None, start, end, foreign or foreign_en)
        picked = frozenset(set.intersection(*tokens))
        return _Qualified(picked or None, start, end, foreign or foreign_en or not picked)

    def _zh_before(self, question: str, street: str, start: int, floor: int, tokens: list[set[str]]
                   ) -> tuple[int, bool]:
        """'江西永丰的禾塘镇', '吉安市永丰县禾塘镇': forms chained right before the mention; (start, foreign)."""
        index = self.zh[street]
        while True:
            p = start
            while p > floor and question[p - 1] in "的 ":
                p -= 1
            form = max((f for f in index if p - len(f) >= floor and question.endswith(f, 0, p)), key=len,
                       default=None)
            if form is None:
                break
            tokens.append(index[form])
            start = p - len(form)
        p = start
        while p > floor and question[p - 1] in "的 ":
            p -= 1
        county = _county_before(question[floor:], p - floor)
        province = next((question[p - n:p] for n in range(7, 1, -1) if p - n >= floor
                         and any(x.level == 1 for x in lookup(question[p - n:p]) + lookup_alias(question[p - n:p]))),
                        None)
        foreign = [w for w in (county, province) if w and not any(same_division(w, f) for f in index)]
        return (p - max(map(len, foreign)), True) if foreign else (start, False)

    def _zh_after(self, question: str, street: str, end: int, tokens: list[set[str]]) -> int:
        """'禾塘镇（永丰县）': forms in brackets right after the mention."""
        m = re.match(r"\s*[（(]\s*", question[end:])
        if not m:
            return end
        index, p, last = self.zh[street], end + m.end(), None
        while form := max((f for f in index if question.startswith(f, p)), key=len, default=None):
            tokens.append(index[form])
            p = last = p + len(form)
        if last is None:
            return end
        close = re.match(r"\s*[)）]", question[last:])
        return last + (close.end() if close else 0)

    def _longest(self, street: str, question: str, pos: int) -> tuple[int, set[str]]:
        """End of the longest English form of this place's counties at `pos`, and the counties it names."""
        ends = {c: m.end() for c, pat in self.en[street].items() if (m := pat.match(question, pos))}
        far = max(ends.values(), default=pos)
        return far, {c for c, e in ends.items() if e == far}

    def _en_before(self, question: str, street: str, start: int, tokens: list[set[str]]) -> int:
        """"Yongfeng County's Hetang town", "Longhui's Hetang": one form right before the mention."""
        best: tuple[int, set[str]] = (start, set())
        for county, pat in self.en[street].items():
            m = re.search(rf"(?:{pat.pattern})(?:['’]s)?\s+$", question[:start], re.I)
            if m and m.start() < best[0]:
                best = (m.start(), {county})
            elif m and m.start() == best[0]:
                best[1].add(county)
        if best[1]:
            tokens.append(best[1])
        return best[0]

    def _en_after(self, question: str, street: str, end: int, tokens: list[set[str]]) -> tuple[int, bool]:
        """'Hetang town (Yongfeng County)', 'Hetang town, Yongfeng County', 'Hetang in Longhui'; (end, foreign)."""
        lead = _EN_LEAD.match(question, end)
        if not lead:
            return end, False
        p, last = lead.end(), None
        while True:
            far, named = self._longest(street, question, p)
            if not named:
                break
            tokens.append(named)
            last = far
            sep = re.match(r"\s*,\s*|\s+", question[far:])
            p = far + (sep.end() if sep else 0)
        if last is None:
            foreign = _EN_DIVISION.match(question, lead.end())
            if not foreign:
                return end, False
            close = re.match(r"\s*\)", question[foreign.end():]) if "(" in lead.group(0) else None
            return foreign.end() + (close.end() if close else 0), True
        close = re.match(r"\s*\)(?:['’]s\b)?", question[last:]) if "(" in lead.group(0) else None
        return last + (close.end() if close else 0), False


def short_name(name: str) -> str:
    """A place without its township suffix ('荇湖街道' -> '荇湖')."""
    return re.sub(rf"{_PLACE_SUFFIX}$", "", name)


def resolve_places(question: str, known: Sequence[str], metas: Sequence[ReportMeta] = ()) -> Places:
    """Known places named, place-like names not in the corpus, mention spans, and the counties named with them.

    A look-alike never matches: '平湖镇' is not '平湖街道', and '增城区新塘镇' is not a 新塘镇 of another county.
    County, city and province words next to a place ('永丰县禾塘镇', '江西永丰的禾塘镇', 'Hetang town (Longhui
    County)') are matched against the places' reports; words that match none of them never pick one.
    """
    reader = _PlaceReader(question, known, _Where(metas))
    reader.verbatim()
    reader.suffixed()
    reader.english()
    reader.short_names()
    return reader.result()


class _PlaceReader:
    """One question's place mentions, read in order: full names, suffixed names, English names, short names."""

    def __init__(self, question: str, known: Sequence[str], where: _Where) -> None:
        self.q, self.known, self.where = question, known, where
        self.found: list[str] = []
        self.unknown: list[str] = []
        self.partner_end = -1  # where the last place a named place works with ends ('结对帮扶甲镇、乙乡')
        self.spans: list[tuple[int, int]] = []
        self.picks: dict[str, list[frozenset[str] | None]] = {}
        self.short_spans: dict[tuple[int, int], str] = {}  # a short-name mention -> the place it was taken for
        self.twins: list[str] = []

    def _floor(self, pos: int) -> int:
        return max((e for _, e in self.spans if e <= pos), default=0)

    def _overlaps(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.spans)

    def take(self, k: str, start: int, end: int) -> tuple[bool, _Qualified]:
        """Record a mention of `k` with its county words; False when they name a division k's only county is not in
        (a place of several counties is still recorded, unnarrowed: the answer asks which one)."""
        q = self.where.qualify(self.q, k, start, end, self._floor(start))
        if q.conflict and len(self.where.counties(k)) <= 1:
            return False, q
        if k not in self.found:
            self.found.append(k)
        self.picks.setdefault(k, []).append(None if q.conflict else q.counties)
        self.spans.append((q.start, q.end))
        return True, q

    def verbatim(self) -> None:
        """Full known names (XX街道, 观湖街道), longest first; with another county's words: left to `suffixed`."""
        for k in sorted(self.known, key=len, reverse=True):
            for m in re.finditer(re.escape(k), self.q):
                end = m.end()
                if self._overlaps(m.start()):
                    continue
                if re.match(_PLACE_SUFFIX, self.q[end:]) and not _same_place(k + self.q[end:end + 2], k):
                    continue  # 平湖 + 镇 … handled below
                self.take(k, m.start(), end)

    def suffixed(self) -> None:
        """Place-like names with a suffix: each is known (exact name, its county) or unknown."""
        for m in _PLACE_LIKE.finditer(self.q):
            if any(s < m.end() and m.start() < e and m.end() <= e for s, e in self.spans):
                continue
            name = _candidate(m.group(1))
            if name is None:
                continue
            suffix = m.group(0)[len(m.group(1)):]
            counted = re.match(r"(.*?)(?:[两二三四五六七八九十几各]|上述|以上)$", name)
            if counted and (not counted.group(1) or any(short_name(k) == counted.group(1) for k in self.known)):
                # '观湖、布吉两街道…': the places are named before; '两街道' counts them, no place of its own
                self.spans.append((m.end() - len(suffix) - len(name) + len(counted.group(1)), m.end()))
                continue
            name = re.sub(r"^[\u4e00-\u9fff]{2,5}?(?:省|自治区)(?=[\u4e00-\u9fff]{2})", "", name)  # '甘肃省临洮县柳湾'
            inner = re.match(r"([\u4e00-\u9fff]{2,4}?[区县市旗])([\u4e00-\u9fff]{2,})$", name)
            if inner and not any(_same_place(name + suffix, k) for k in self.known):
                name = inner.group(2)  # '南山县桃溪' + 镇: the county qualifies the place
            full = name + suffix
            start = m.end() - len(full)
            county = _county_before(self.q, start)
            taken = [k for k in self.known if _same_place(full, k) and self.take(k, start, m.end())[0]]
            own = [k for k in self.known if re.search(r"(?:镇|乡|街道)$", name) and _same_place(name, k)]
            if not taken and own:  # '桃泊镇镇人代会', '某乡乡政府': the place, then its own body
                self.take(own[0], start, start + len(name))
                continue
            named_market = full.endswith("集镇") and len(full) >= 4 and not any(
                flag.startswith(("v", "a", "d", "m")) for _, flag in tagged(full[:-2]))  # '青衿集镇' (改造集镇 is no place)
            if not taken and full.endswith(("城镇", "集镇", "乡镇", "小镇")) and not named_market:
                continue  # '新增城镇就业', '云创小镇' (a themed park): words, no place, nothing to take out
            if not taken and _AREA_AFTER.match(self.q, m.end()):
                continue  # '云岭茶乡片区', '茶乡景区': a slogan naming an area, no place
            if not taken and re.search(r"(?:重|强|大|名|古|首|明星|百强|千年)$", name) and any(
                    self.q.startswith(k, m.end()) or self.q.startswith(short_name(k), m.end()) for k in self.known):
                self.spans.append((start, m.end()))
                continue  # '水暖重镇埕坂', '工业强镇某某': an epithet of the place named right after it, no place
            if not taken and name.startswith("度") and self.q[start - 1 : start] == "年":
                continue  # '2020年度镇乡实绩考核': 年度 is a year, 度镇 no place
            if not taken and self.q.startswith("级", m.end()):
                continue  # '1-10月完成镇级财政收入': 镇级 is a scope word, 完成镇 no place
            if not taken and self.q[m.end() : m.end() + 1] in ("县", "市", "旗"):
                continue  # '在金乡县镇街考核里': 金乡 begins a county's name, no 乡 of its own
            if not taken and _GO_TO.search(name) and tagged(name)[-1][1].startswith("v"):
                continue  # '有事找街道', '去镇里办': the office one goes to, no place
            if not taken and self.found and all(flag.startswith("v") for _, flag in tagged(name)):
                continue  # '石堰街道…建成街道分拣中心': a verb before the 街道 named already, no place
            if not taken and self._modifier(name, start, m.end()):
                continue  # '禾川…推进街道网格化改革', '除了新建街道党群服务站': 街道 qualifies a noun
            lead = start - len(county or "")
            if not taken and self.found and (_PARTNER_BEFORE.search(self.q, 0, lead)
                                             or lead > 0 and self.q[lead - 1] == "、" and lead - 1 == self.partner_end):
                # '桑泉街道结对帮扶岭川县柏坳镇、溪甸乡': the places a place named works with, no place asked
                self.partner_end = m.end()
                self.spans.append((lead, m.end()))
                continue
            # '全县乡镇' is the generic 乡镇, but '西乡街道' is a place
            # ('苏木镇场实绩考核': 苏木, 镇 and 场 are the kinds of unit assessed, no place)
            generic = re.search(r"[县区市省]$", name) or name.endswith(("乡", "苏木")) and suffix == "镇" \
                or self.q.startswith("场", m.end()) and suffix in ("镇", "乡", "苏木")
            if not taken and not _NOT_PLACE.match(name) and not generic \
                    and not _DIVISION_WORDS.match(name) and len(name) <= _MAX_UNKNOWN:
                shown = (county or "") + full
                if shown not in self.unknown:
                    self.unknown.append(shown)
            self.spans.append((start - len(county or ""), m.end()))

    def _modifier(self, name: str, start: int, end: int) -> bool:
        """A township word that qualifies the noun after it ('街道党群服务站', '镇综合执法队') in a question that
        names a known place elsewhere: the words before it are that place's short name and a verb ('禾川推进' +
        '街道…'), or a phrase inside a clause that no conjunction joins to the place named ('除了新建街道党群服务站';
        '，荔湾街道财政收入' opens a clause and stays a place)."""
        shorts = [short_name(k) for k in self.known if len(short_name(k)) >= 2]
        lead = next((s for s in shorts if name.startswith(s)), "")
        if lead and len(name) > len(lead) and all(flag.startswith("v") for _, flag in tagged(name[len(lead):])):
            return True
        elsewhere = any(s in self.q[:start] + "\n" + self.q[end:] for s in shorts) or bool(self.found)
        after = tagged(self.q[end:end + 8])
        joined = re.search(r"(?:和|与|及|跟|同|比|或|还是|对比|[^\u4e00-\u9fff])$", self.q[:start] or "^")
        return elsewhere and not joined and bool(after) and after[0][1][:1] in "nv" and after[0][1] != "nr" \
            and len(after[0][0]) >= 2

    def english(self) -> None:
        """English place names with a suffix ('Baisha Town', 'Qingshi Sub-district')."""
        for m in _EN_PLACE.finditer(self.q):
            if self._overlaps(m.start()):
                continue
            name = re.sub(r"^(?:Of|In|For|By|And|Between|Among|From|At|To|With|Did|Was|Compare)\s+", "", m.group(1))
            asked = name.replace(" ", "").replace("-", "").lower()  # 'Of Weigu town' names Weigu
            asked = re.sub(r"road$", "lu", re.sub(r"street$", "jie", asked))  # 'Tingzhou Road' is 汀洲路
            hits = [k for k in self.known if romanize(short_name(k)).lower() == asked
                    or re.fullmatch(place_en_pattern(short_name(k)) or r"(?!)", name, re.I)]  # 柏苑: Baiyuan, Boyuan
            if not hits:  # 'Minwo' for 洺沃 (Mingwo): -n and -ng are written alike; one such place only
                fuzzy = [k for k in self.known if _fuzzy(romanize(short_name(k)).lower()) == _fuzzy(asked)]
                hits = fuzzy if len(fuzzy) == 1 else []
            kinds = _EN_KIND.get(m.group(2).lower(), ())
            hits = [k for k in hits if k.endswith(kinds)] or hits  # 'Xinghu town' when 荇湖镇 and 荇湖街道 both exist
            takes = [self.take(k, m.start(), m.end()) for k in hits]
            glossed = _GLOSS_AFTER.match(self.q, m.end())
            if not hits and glossed and _ZONE_GLOSS.search(glossed.group(1)):
                continue  # 'Yunchuang town (云创小镇)': a themed zone, named as a town, no place asked
            if not hits and glossed and any(short_name(k) in glossed.group(1) for k in self.known):
                # 'Jueao sub-district (榉岙街道)': the Chinese given says which place, whatever the spelling
                self.spans.append((m.start(), m.end()))
                continue
            if not hits and re.fullmatch(r"(?:Grandma|Grandpa|Granny|Grandad|Mum|Mom|Dad|Auntie|Aunt|Uncle|Nan)'s",
                                         self.q[m.start(1) : m.start(2)].strip()):
                self.spans.append((m.start(), m.end()))
                continue  # "Grandma's street in Buji": where someone lives, no place of its own
            if not any(ok for ok, _ in takes) and m.group(1).lower() not in _EN_NOT_PLACE:
                end = max((q.end for _, q in takes), default=m.end())
                self.unknown.append(self.q[m.start():end])
                self.spans.append((m.start(), end))
            self.spans.append((m.start(), m.end()))

    def short_names(self) -> None:
        """Short names (观湖) and romanised names (Guanhu); a short name followed by another suffix is not it
        (平湖镇 when the corpus has 平湖街道: `suffixed` made it unknown)."""
        for k in self.known:
            if k in self.found:
                continue
            short, roman = short_name(k), romanize(short_name(k))
            mentions = [m for m in re.finditer(re.escape(short), self.q)
                        if not re.match(_PLACE_SUFFIX, self.q[m.end():])] if len(short) >= 2 else []
            if roman and len(roman) > 2:
                mentions += list(re.finditer(rf"\b{re.escape(roman)}\b", self.q, re.I))
            for m in mentions:
                first = self.short_spans.get((m.start(), m.end()))
                if first is not None and first != k and not _EN_SUFFIX.match(self.q, m.end()):
                    self.twins += [p for p in (first, k) if p not in self.twins]  # one short name, two places
                    continue
                if self._overlaps(m.start()):
                    continue
                said = _EN_SUFFIX.match(self.q, m.end())
                if said and not k.endswith(_EN_KIND[said.group(1).lower()]) and any(
                        o.endswith(_EN_KIND[said.group(1).lower()]) and romanize(short_name(o)) == roman for o in self.known):
                    continue  # 'Xinghu town': the 镇 of that name, not the 街道
                ok, q = self.take(k, m.start(), m.end())
                if ok:
                    self.short_spans[(m.start(), m.end())] = k
                else:
                    self.unknown.append(self.q[q.start:q.end])
                    self.spans.append((q.start, q.end))

    def result(self) -> Places:
        counties = {k: sorted({c for p in ps if p for c in p}) for k, ps in self.picks.items()
                    if all(p is not None for p in ps)}
        return Places(self.found, self.unknown, _merged(self.spans), _scope(self.where, self.found, counties),
                      counties, self.twins)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping mention spans as one (a place and its county words are cut out of the phrase once)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _scope(where: _Where, found: list[str], counties: dict[str, list[str]]) -> list[str]:
    """Counties the figure rows are limited to: set only when every place that several counties' reports share
    is narrowed to one county; the other places named add their own counties unless one admits an excluded twin."""
    multi = [k for k in found if len(where.counties(k)) > 1]
    if not multi or any(len(counties.get(k, ())) != 1 for k in multi):
        return []
    keep = {counties[k][0] for k in multi}
    excluded = [m for k in multi for c, m in where.reports[k] if c != counties[k][0]]

    def admits(county: str) -> bool:
        return any(same_division(county, v) for m in excluded for v in (m.district, m.city) if v)

    if any(admits(c) for c in keep):
        return []  # the figure route filters by county alone: it could not keep the twins apart
    for k in found:
        if k not in multi:
            keep |= {c for c in counties.get(k) or where.counties(k) if not admits(c)}
    return sorted(keep)


def _candidate(run: str) -> str | None:
    m = _NOT_NAME.match(run)
    name = run[m.end():] if m else run
    name = re.sub(r"^\d+", "", name)
    return name if len(name) >= 2 or (len(name) == 1 and not _NOT_PLACE.match(name)) else None


def _same_place(asked: str, known: str) -> bool:
    if asked == known:
        return True
    a, k = short_name(asked), short_name(known)
    if a != k:
        return False
    sa, sk = asked[len(a):], known[len(k):]
    street = {"街道", "街道办事处", "街道办", "办事处"}
    return sa in street and sk in street


def _county_before(question: str, start: int) -> str | None:
    m = re.search(r"([\u4e00-\u9fff]{2,6}?(?:区|县|市|旗))$", question[:start])
    if not m:
        return None
    name = _NOT_NAME.sub("", m.group(1))
    name = re.sub(r"^.*[省市](?=[\u4e00-\u9fff]{2,})", "", name)
    return name if len(name) >= 2 else None


def same_county(asked: str, known: str) -> bool:
    """'永丰县' and '江西省永丰县' / '永丰' name the same county; '丰县' and '永丰县' do not."""
    return same_division(asked, known)


def mentioned_streets(question: str, known: list[str]) -> list[str]:
    """Known places named in the question (full name, short name or romanised name)."""
    return resolve_places(question, known).found


# A village or community named inside a place ('荇西村', '滨河社区'): its figure is never the place's total.
# '…开展社区“两委”换届培训': 社区两委, 村干部, 社区治理 are the kind of body, not a place named
_SUB_PLACE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(村|社区)(?![级均民委庄集]|[“\"]?两委|工作|治理|服务|党组织|书记|干部)")
_GENERIC_SUB = re.compile(r"(?:行政|各|全|贫困|重点|示范|美丽|新农|自然|中心|空壳|薄弱|试点|城中|搬迁|安置|和美|宜居|先进|文明|涣散|"
                          r"经济|城市|农村|老旧|传统|特色|专业|电商|旅游|乡村|社会|城乡|个|的|等|和|与|及|在|有|所有|下辖|辖区|"
                          r"千亩|百亩|亿元|万元|收入|达标|样板|精品|标准|生态|森林|健康|平安|法治|美丽乡)$|"
                          r"^(?:当地|本地|咱们?|我们)")  # ('当地农村居民': the place's countryside, no village)


_NOT_SUB_NAME = re.compile(r"[镇乡街区县市的个多少几以上下年月是有在和与及各全本该每均平]")


# a verb whose object is a place the place asked works with, visits or helps ('结对帮扶', '赴', '对口支援')
_PARTNER_BEFORE = re.compile(r"(?:帮扶|对口|结对|支援|援建|协作|挂钩|共建|赴|前往|考察|对接)(?:了)?$")
_GLOSS_AFTER = re.compile(r"(?:['’]s)?\s*[(（]([^()（）]{2,16})[)）]")  # the Chinese an English name is given with ("…town's (…镇)")


def _fuzzy(roman: str) -> str:
    """Pinyin with -ng written -n (a common spelling slip: Minwo / Mingwo)."""
    return roman.replace("ng", "n")


def sub_places(question: str, places: Sequence[str] = ()) -> list[str]:
    """Villages and communities a question names beside its place: '荇湖镇荇西村…' -> ['荇西村']."""
    text = question
    for place in places:  # (as named, or by its short name: '玉塘红星村…')
        text = text.replace(place, " ").replace(short_name(place), " ")
    out = []
    for m in _SUB_PLACE.finditer(text):
        name = m.group(1)
        if not _GENERIC_SUB.search(name) and not _NOT_SUB_NAME.search(name):
            out.append(name + m.group(2))
    return list(dict.fromkeys(out))
