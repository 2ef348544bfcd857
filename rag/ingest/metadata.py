"""Street, district, city, years, periods, title and publish date of a report, each with evidence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rag.ingest import gazetteer
from rag.ingest.periods import period_in
from rag.schemas import Indicator, ReportMeta
from rag.text.names import period_zh
from rag.text.numbers import halfwidth
from rag.text.script import strip_glosses
from rag.text.words import jieba

_HEADER_LINES = 12
_MONTHS_H1 = re.compile(r"(?<![\d-])1\s*[-至~—]\s*([1-6])月")
_CN_DIGITS = dict(zip("一二三四五六七八九十", range(1, 11), strict=True))


@dataclass
class Metadata:
    """Detected metadata; `evidence` maps a field to the snippet it came from."""

    street: str | None = None
    district: str | None = None
    city: str | None = None
    province: str | None = None
    report_years: list[int] = field(default_factory=list)
    period_covered: str | None = None
    plan_period: str | None = None
    title: str | None = None
    title_source: str | None = None
    published_date: str | None = None
    inferred: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)


def detect_metadata(text: str, *, title_hint: str | None = None, plan_start: int | None = None,
                    file_name: str | None = None, header_fields: dict[str, str] | None = None) -> Metadata:
    """Detect everything from the canonical text; `plan_start` is where the plan part begins, if any.

    `header_fields` are index-table/source fields the loader removed from the text (发布机构, 来源, 发布日期 …);
    `file_name` is the last resort for the place.
    """
    meta = Metadata()
    text = halfwidth(text)  # ('楸塬镇２０２５年工作总结': a year in full-width digits, offsets kept)
    title_hint = halfwidth(title_hint) if title_hint else title_hint
    head = "\n".join(text.splitlines()[:_HEADER_LINES])
    fields = header_fields or {}
    _title(meta, text, head, title_hint)
    detect_place(meta, text, head, file_name, [v for k, v in fields.items() if k in _PUBLISHER_KEYS])
    _periods(meta, text, plan_start)
    _published(meta, head + "\n" + "\n".join(f"{k}:{v}" for k, v in fields.items()))
    _year_check(meta, text)
    return meta


def _snippet(text: str, pos: int, width: int = 30) -> str:
    if pos < 0:
        return ""
    return text[max(0, pos - 10) : pos + width].replace("\n", " ")


_DEBRIEF = r"述职(?:述廉|述责|述德)*报告"  # a debriefing: 述职报告, 述职述廉报告


# a mirror's prefix naming the county or city the place is in: '(天门市)某镇2021年前三季度工作总结'
# a site's tag before a title ('【精选】', '[推荐]', '【范文】'): no part of the name (a parent is, see above)
_TAG_BRACKET = re.compile(r"^\s*(?:[【\[［]\s*[^【】\[\]［］]{1,6}?\s*[】\]］]\s*)+")
_PARENT_BRACKET = re.compile(r"^[(（【\[]\s*[^()（）【】\[\]]{2,12}?(?:省|市|县|区|州|旗|盟)\s*[)）】\]]\s*")


def _title(meta: Metadata, text: str, head: str, hint: str | None) -> None:
    for line in [*(hint and [hint] or []), *head.splitlines()]:
        line = _PARENT_BRACKET.sub("", line.strip())
        if 6 <= len(line) <= 60 and ">" not in line and re.search(r"工作(总结|计划|报告|要点|会议|汇报)|年度总结|" + _DEBRIEF, line) and not re.match(
            r"^[一二三四五六七八九十]+、|^[(（]", line
        ):
            meta.title, meta.title_source = line, "stated"
            meta.evidence["title"] = line
            return


_REVIEW_LINE = re.compile(r"^\s*(20[0-4]\d)\s*年(?:主要)?工作回顾\s*$", re.M)


def _years_in(s: str) -> list[int]:
    return [int(y) for y in re.findall(r"(20[0-4]\d)\s*年", s)]


def _periods(meta: Metadata, text: str, plan_start: int | None) -> None:
    review = text[:plan_start] if plan_start is not None else text
    plan = text[plan_start:] if plan_start is not None else ""
    years = Counter(_years_in(text))
    main_year = years.most_common(1)[0][0] if years else None
    heading = _first_heading(review)
    review_head = heading or (meta.title or "")
    # The review heading's year beats the title's: "2024年政府工作报告" reviews 2023 under "一、2023年工作回顾".
    # …also under an unnumbered '2023年工作回顾' line (a congress report's first part, no 一、 before it)
    reviewed = _REVIEW_LINE.search(review[:3000])
    stated = _years_in(heading or "") or (reviewed and [int(reviewed.group(1))]) or _years_in(meta.title or "") \
        or _years_in(review[:200])
    review_year = stated[0] if stated else main_year
    congress = _CONGRESS_DATE.search(text[:1500])
    if congress and review_year == int(congress.group(1)) and int(congress.group(2)) <= 4 \
            and not _years_in(heading or "") and not reviewed:
        # '——2022年1月15日在某乡…人民代表大会上' under '过去五年工作回顾': the year just ended is reviewed
        review_year -= 1
    if plan_start == 0 and stated:  # '某乡2025年工作计划': a plan and nothing else
        meta.plan_period = str(stated[0])
        meta.evidence["plan_period"] = meta.title or review_head
        meta.report_years = [stated[0]]
        return
    summed = _SUMMED_UP.search(text[:600])  # '召开2025年工作会议…全面总结2024年工作': the meeting reviews 2023
    if summed and review_year and int(summed.group(1)) == review_year - 1 and not heading:
        review_year = int(summed.group(1))
    if review_year:
        meta.period_covered = _covered(review_year, review_head, meta.title or "")
        meta.evidence["period_covered"] = review_head or _snippet(review, review.find(str(review_year)))
        _before_year_end(meta, review, review_year)
    month = _MONTHS_H1.search(review)
    if month and (meta.period_covered or "").endswith("H1"):
        meta.notes.append(f"headline figures cover {month.group(0)} only, not the whole half-year")
    if plan:
        plan_head = _first_heading(plan) or plan[:80]
        plan_years = _years_in(plan_head)
        if "下半年" in plan_head and review_year:
            meta.plan_period = f"{review_year}H2"
        elif re.search(r"四季度|年底前|年末前", plan_head) and review_year:
            meta.plan_period = str(review_year)  # '第四季度工作打算' after 1-9月: the rest of the year, its tasks
        elif plan_years:
            meta.plan_period = str(plan_years[0])
        elif review_year:
            meta.plan_period = str(review_year + 1)
        meta.evidence["plan_period"] = plan_head
    titled = _years_in(meta.title or "")
    if not plan and review_year and titled and titled[0] == review_year + 1 and meta.plan_period is None:
        meta.plan_period = str(titled[0])  # '召开2025年工作会议' reviewing 2024: its targets are 2025's
        meta.evidence["plan_period"] = meta.title or ""
    meta.report_years = sorted({int(p[:4]) for p in (meta.period_covered, meta.plan_period) if p})
    if meta.title is None and meta.street:
        meta.title, meta.title_source = _inferred_title(meta), "inferred"


_CONGRESS_DATE = re.compile(r"(20[0-4]\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*在[^\n]{2,30}?人民代表大会")
_SUMMED_UP = re.compile(r"(?:全面)?(?:总结|回顾)(?:了)?\s*(20\d\d)\s*年(?:度)?(?:工作|以来)")


def _covered(year: int, review_head: str, title: str) -> str:
    """Full year, first half, or the months a title/review heading states ("2023年1-10月工作总结")."""
    for line in (review_head, title):
        part = re.split(r"(?:及|和|暨)(?:下半年|20\d\d年|明年)", line)[0]
        if re.search(r"上半年|半年", part):
            return f"{year}H1"
        if re.search(r"月|季度", part):
            code = period_in(part, year)
            if code and code.startswith(str(year)):
                return code
    return str(year)


def _before_year_end(meta: Metadata, review: str, year: int) -> None:
    """A full-year report whose figures stop at 1-N月 and which projects 预计全年 was written before year end."""
    if meta.period_covered != str(year):
        return
    months = [period_in(m.group(0), year) for m in re.finditer(r"1\s*[-—–~至]+\s*1?[0-9]\s*月|截[至止]\d{1,2}月[底末]",
                                                                review)]
    partial = [c for c in months if c and "M01-M" in c]
    if partial and re.search(r"预计全年|全年预计", review):
        last = max(int(c[-2:]) for c in partial)
        meta.notes.append(f"written before year end (figures to 1-{last}月, 预计全年)")
        meta.evidence["period_note"] = _snippet(review, review.find("预计全年"))


def _first_heading(part: str) -> str | None:
    m = re.search(r"^\s*[一二三四五六七八九十]+、(.{2,40})$", part, re.M)
    return m.group(0).strip() if m else None


def _inferred_title(meta: Metadata) -> str:
    cov, plan = meta.period_covered or "", meta.plan_period or ""
    review = f"{period_zh(cov)}工作总结" if cov else "工作总结"  # '2024年1-10月工作总结', not '2024M01-M10年
    if not plan:
        return f"{meta.street}{review}"
    return f"{meta.street}{review}及{'下半年' if plan.endswith('H2') else plan + '年'}工作计划"


def _published(meta: Metadata, head: str) -> None:
    m = re.search(r"(?:发布时间|日期|发布日期|生成日期|成文日期)\s*[:：|]?\s*(20\d\d)\s*[年\-/.]\s*(\d{1,2})\s*"
                  r"[月\-/.]\s*(\d{1,2})", head)
    if m:
        meta.published_date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        meta.evidence["published_date"] = m.group(0)


# Anniversaries that fix the calendar year of the text they appear in.
_ANCHORS = [
    (re.compile(r"改革开放(\d{2})周年"), 1978),
    (re.compile(r"新中国成立(\d{2})周年"), 1949),
    (re.compile(r"建党(\d{2,3})周年|党成立(\d{2,3})周年"), 1921),
]


def _year_check(meta: Metadata, text: str) -> None:
    """Flag a stated year that anniversaries in the text contradict."""
    if not meta.period_covered:
        return
    stated = int(meta.period_covered[:4])
    for pattern, base in _ANCHORS:
        for m in pattern.finditer(text):
            implied = base + int(next(g for g in m.groups() if g))
            if implied not in (stated, stated + 1):
                meta.notes.append(
                    f"stated year {stated} doubtful: '{m.group(0)}' implies {implied}; figures may be from {implied}"
                )
                meta.evidence["year_flag"] = _snippet(text, m.start())
                return


# ---- place ---------------------------------------------------------------------------------------------
_SUFFIX = r"(?:街道办事处|街道|镇|乡|苏木|办事处|管理委员会|管委会)"
# A title or publisher names the unit right before these (or a year, or the end of the line).
_AFTER_NAME = r"(?=人民政府|党委|党工委|政府|[（(\s|,，:：]|20\d\d|关于|工作|召开|举行|[镇乡]长|主任|书记|述职|$)"
_CONGRESS = re.compile(r"在(?P<name>[\u4e00-\u9fff]{2,16}?(?:镇|乡|街道))第?[一二三四五六七八九十\d]+届人民代表大会"
                       r"|^(?P<name2>[\u4e00-\u9fff]{2,16}?(?:镇|乡))人民政府(?:镇|乡)长"
                       # a debriefing's byline: '某区某街道党工委书记　某某', '某县某镇党委副书记、镇长　某某'
                       r"|^(?P<name3>[\u4e00-\u9fff]{2,16}?(?:街道|镇|乡))(?:党工委|党委|办事处|人民政府)(?:副)?(?:书记|主任)", re.M)
_PUBLISHER = re.compile(r"(?:发布机构|信息来源|来源|发布单位|发文机关|发文机构|发文单位|制发机关)\s*[:：|]?\s*\|?\s*([^\s|:：]{2,40})")
_ANONYMISED = re.compile(r"(?<![\u4e00-\u9fffA-Za-z])([XＸx×*＊]{2,3}(?:街道|镇|乡))")
# 乡村/乡镇/镇村… are words, not the end of a name: "平安乡村" is a slogan, not 平安乡.
_WORD_AFTER = {"乡": "村镇土贤愁亲风里间野", "镇": "村街域", "街道": "办社"}
_PUBLISHER_KEYS = ("发布机构", "信息来源", "来源", "发布单位", "发文机关")
_TOWNSHIP = re.compile(r"(街道|镇|乡|苏木)")
_COUNTY_WORD = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:区|县|市|旗)")
_SELF = re.compile(r"[我本全](?:镇|乡|街道|街|处)")


@dataclass
class _Candidates:
    """Place names found, each with a score and where it was seen."""

    score: Counter[str] = field(default_factory=Counter)
    seen: dict[str, str] = field(default_factory=dict)
    unchecked: set[str] = field(default_factory=set)
    county: dict[str, str] = field(default_factory=dict)  # place -> county-level name written before it

    def add(self, name: str, weight: float, where: str, *, checked: bool = True, county: str | None = None) -> None:
        self.score[name] += weight  # type: ignore[assignment]
        self.seen.setdefault(name, where)
        if not checked:
            self.unchecked.add(name)
        if county:
            self.county.setdefault(name, county)


def detect_place(meta: Metadata, text: str, head: str, file_name: str | None,
                 publishers: list[str] | None = None) -> None:
    """Set street, district, city, province (and `inferred`) from title, publisher lines, body or file name."""
    clean = strip_glosses(text)
    lines = [ln.strip() for ln in clean.splitlines() if ln.strip()]
    title_lines = _title_lines(meta, lines)
    cands = _Candidates()
    for line in title_lines:
        _from_label(line, cands, 10, "title")
    for label in [m.group(1) for m in _PUBLISHER.finditer(clean)] + list(publishers or []):
        _from_label(strip_glosses(label), cands, 8, "publisher")
    for line in lines[-4:]:
        if len(line) <= 30:
            _from_label(line, cands, 4, "signature")
    # 人代会 reports: '——2024年1月12日在X镇第十八届人民代表大会…上', 'X县X镇人民政府镇长 某某'
    for m in _CONGRESS.finditer("\n".join(lines[:12])):
        rest, county = _strip_parents(m.group("name") or m.group("name2") or m.group("name3"))
        name = _normal_unit(rest) if rest else None
        if name:
            cands.add(name, 9, "byline" if m.group("name3") else "congress line", checked=gazetteer.is_township(name),
                      county=county)
    body_names = _gazetteer_names(clean)
    for name, count in body_names.items():
        cands.add(name, min(count, 20), "body")
    for name, count in Counter(_ANONYMISED.findall(clean)).items():
        cands.add(name, min(count, 20) + 0.5, "body", checked=False)
    if not cands.score and file_name:
        _from_label(re.sub(r"\.[A-Za-z0-9]+$", "", file_name), cands, 1, "file name")
    if not cands.score:
        return
    _self_reference(cands, clean)
    best = max(cands.score, key=lambda n: (cands.score[n], n))
    meta.street = best
    where = cands.seen[best]
    meta.evidence["street"] = f"{where}: " + _snippet(clean, clean.find(best.replace("管委会", "")[:2]))
    if best in cands.unchecked:
        meta.notes.append(f"place {best} not in the gazetteer (place_checked=false; from {where})")
        meta.evidence["place_checked"] = "false"
    if where == "file name" or not _in_body(best, clean, title_lines):
        meta.inferred.append("street")
        meta.evidence["street_inferred"] = f"named only in the {where}"
    _admin(meta, clean + "\n" + "\n".join(publishers or []), cands.county.get(best))


def _self_reference(cands: _Candidates, text: str) -> None:
    """我镇/全镇/本街道…: the report's own kind of unit gains over neighbours of another kind."""
    kinds = Counter(m.group(0)[1:] for m in _SELF.finditer(text))
    if not kinds:
        return
    kind = {"街": "街道", "处": "办事处"}.get(kinds.most_common(1)[0][0], kinds.most_common(1)[0][0])
    for name in list(cands.score):
        if name.endswith(kind):
            cands.score[name] += 2  # type: ignore[assignment]


def _title_lines(meta: Metadata, lines: list[str]) -> list[str]:
    """The title (possibly split over two lines) and header lines that look like a title."""
    out = [meta.title] if meta.title else []
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if re.search(r"工作(?:总结|计划|报告|要点|思路|打算|谋划|安排|汇报)|政府工作报告|" + _DEBRIEF, line) and i > 0:
            out.append(lines[i - 1] + line)
        if re.search(r"工作(?:总结|计划|报告|要点|思路|打算|谋划|安排|汇报)|政府工作报告|人民代表大会|" + _DEBRIEF + "|"
                     r"(?:新春|新年)贺词|新年献词", line):  # a New Year address reviews the year too
            out.append(line)
    return out


def _in_body(name: str, text: str, title_lines: list[str]) -> bool:
    body = _PUBLISHER.sub("", text)
    for line in title_lines:
        body = body.replace(line, "")
    return name in body or name.removesuffix("管委会") in body


def _from_label(label: str, cands: _Candidates, weight: float, where: str) -> None:
    """A unit named in a title, publisher or signature: strip the province/city/county before it."""
    issued = re.search(r"《([^》]{4,40})》", label)  # '关于印发《某镇2025年工作要点》的通知': what is issued names it
    label = issued.group(1) if issued else label
    rest, county = _strip_parents(re.sub(r"^[#>*•·\-\s【\[]+|^(?:19|20)\d\d\s*年度?", "",
                                         _TAG_BRACKET.sub("", _PARENT_BRACKET.sub("", label.strip()))))
    m = re.match(rf"([^\s（()）|,，:：、《》“”]{{1,14}}?{_SUFFIX}){_AFTER_NAME}", rest)
    if not m:
        m = re.match(rf"([^\s（()）|,，:：、《》“”]{{1,14}}{_SUFFIX}){_AFTER_NAME}", rest)
    if not m:
        return
    name = _normal_unit(m.group(1))
    if name is None:
        return
    checked = gazetteer.is_township(name)
    if not checked and not re.search(r"(?:总结|计划|报告|思路|打算|谋划|安排|要点|工作会议|汇报|贺词|献词)", label) \
            and where != "publisher":
        return
    cands.add(name, weight, where, checked=checked, county=county)


def _normal_unit(name: str) -> str | None:
    """X街道办事处 → X街道, 管理委员会 → 管委会; whole names that end in 镇 stay whole (溪镇镇)."""
    name = name.replace("管理委员会", "管委会")
    if name.endswith("街道办事处"):
        name = name[: -len("办事处")]
    stem = re.sub(_SUFFIX + "$", "", name)
    # a date or a clause is no name ('18日镇…', '今年在…'); 日 and 年 inside a name are ('巴日乌兰苏木', '万年乡')
    if len(stem) < 2 or re.search(r"[\d〇一二三四五六七八九十今去明上下本][年月日]|[的是在和与]|^\d", stem):
        return None
    return name


def _strip_parents(label: str) -> tuple[str, str | None]:
    """'嘉兴市秀洲区栖塘街道…' → ('栖塘街道…', '秀洲区'): drop known province/city/county names in front."""
    county = None
    while True:
        for k in range(min(len(label) - 2, 12), 1, -1):
            head = label[:k]
            if head[-1] not in "省市区县州旗盟":
                continue
            found = [p for p in gazetteer.lookup(head) if p.level < 4] or [
                p for p in gazetteer.lookup_alias(head) if p.level == 3]
            if found:
                if found[0].level == 3:
                    county = head
                label = label[k:]
                break
        else:
            return label, county


def _inside_word(text: str, pos: int) -> bool:
    """True when a word of the text (jieba, precise mode) runs across `pos` (starts before it, ends after it)."""
    lo = max(0, pos - 4)
    return any(lo + a < pos < lo + b for _, a, b in jieba().tokenize(text[lo : pos + 4]))


def _gazetteer_names(text: str) -> Counter[str]:
    """Township names the gazetteer knows, counted in the text; the longest span wins (牛镇镇 over 牛镇)."""
    found: Counter[str] = Counter()
    last_end = -1
    for m in _TOWNSHIP.finditer(text):
        suffix, end = m.group(1), m.end()
        following = text[end : end + 1]
        if following and following in _WORD_AFTER.get(suffix, ""):
            continue
        best = None
        for k in range(6, 0, -1):
            start = m.start() - k
            if start < 0:
                continue
            name = text[start:end]
            if gazetteer.is_township(name):
                if start > 0 and _inside_word(text, start):
                    break  # '实施集镇污水管网': 施集镇 would start inside the word 实施
                # A one-character stem inside a phrase is a slogan (文旅兴镇, 工业强镇), not 兴镇/强镇.
                if k == 1 and start > 0 and re.match(r"[\u4e00-\u9fff]", text[start - 1]) \
                        and text[start - 1] not in "区县市旗":
                    break
                best = (start, name)
                break
        if best is None:
            continue
        if best[0] < last_end:
            found[text[best[0]:last_end]] -= 1  # the shorter overlapping span before loses its count
        found[best[1]] += 1
        last_end = end
    return Counter({k: v for k, v in found.items() if v > 0})


def _admin(meta: Metadata, text: str, county_written: str | None) -> None:
    """District, city and province: the gazetteer path of the place, else the county the text names."""
    place = gazetteer.resolve(meta.street or "", text, level=4)
    county = gazetteer.resolve_county(county_written, text) if county_written else None
    if place is not None and gazetteer.mentions(place, text) == 0:
        # A lone gazetteer hit the text never points at: another county named here wins (an unlisted namesake).
        other = county or _most_named_county(text)
        if other is not None and other.county != place.county:
            meta.notes.append(f"{meta.street} of {place.path()} not taken: the text names {other.name}")
            place = None
            county = other
            meta.evidence["place_checked"] = "false"
    if place is None:
        place = county
    if place is None:
        place = _most_named_county(text)
        if place is not None:
            meta.evidence["district"] = "county named in the text"
    if place is None:
        return
    meta.district, meta.city, meta.province = place.county, place.city, place.province
    meta.evidence.setdefault("district", place.path())
    for f in ("district", "city", "province"):
        value = getattr(meta, f)
        if value and value not in text and not any(a in text for a in gazetteer.short_forms_of(value)):
            meta.inferred.append(f)


def _most_named_county(text: str) -> gazetteer.Place | None:
    """The county-level division named most often (秀洲区委, 龙岗区, 虞城县…)."""
    counts: Counter[str] = Counter()
    for m in re.finditer(r"(?:区|县|市|旗)(?!域|块|间|位|别|分|划|场)", text):  # ('新建区域性…中心' names no 新建区)
        for k in range(2, 9):
            start = m.end() - k - 1
            if start < 0:
                break
            name = text[start : m.end()]
            if any(p.level == 3 for p in gazetteer.lookup(name)):
                counts[name] += 1
                break
    for name, _ in counts.most_common(3):
        place = gazetteer.resolve_county(name, text)
        if place is not None:
            return place
    return None


# ---- overrides (jiedao ingest --place/--period, app edit form) ------------------------------------------
def with_override(meta: ReportMeta, text: str, *, place: str | None = None, period: str | None = None) -> ReportMeta:
    """The report's metadata with a user-given place and/or period, marked "override" in evidence."""
    update: dict[str, Any] = {"evidence": dict(meta.evidence), "inferred": list(meta.inferred)}
    if place:
        found = gazetteer.resolve(place, text, level=4)
        update.update(street=place, district=found.county if found else meta.district,
                      city=found.city if found else meta.city, province=found.province if found else meta.province)
        update["evidence"]["street"] = "override"
        update["inferred"] = [f for f in update["inferred"] if f != "street"]
    if period:
        update["period_covered"] = period
        update["evidence"]["period_covered"] = "override"
        update["report_years"] = sorted({int(p[:4]) for p in (period, meta.plan_period) if p})
    return meta.model_copy(update=update)


def row_with_override(row: Indicator, old: ReportMeta, new: ReportMeta) -> Indicator:
    """A figure row following its report's overridden place and period (rows of other periods keep theirs)."""
    update: dict[str, Any] = {"street": new.street, "district": new.district, "city": new.city,
                              "province": new.province}
    if new.period_covered != old.period_covered and row.period == old.period_covered and new.period_covered:
        update["period"] = new.period_covered
    return row.model_copy(update=update)
