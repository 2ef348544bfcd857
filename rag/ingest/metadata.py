"""Street, district, city, years, periods, title and publish date of a report, each with evidence."""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

_HEADER_LINES = 12
# POS tags (jieba) that never start a place name: verbs, prepositions, adverbs, numerals, pronouns …
_NON_NAME_POS = ("v", "p", "d", "c", "m", "r", "u", "q", "f", "t", "a")
# Words before 区 that make a generic area (片区, 示范区 …), not a district name.
_GENERIC_AREA = set(
    "风险 示范 试验 开发 保护 功能 商业 核心 先行 合作 重点 中心 管控 防控 封控 住宅 工业 生活 服务 居住 产业 "
    "城市 禁养 禁烧 限养 高发 易涝 集聚 物流 旅游 度假 实验 规划 建成 行政 管辖 居民 所在 辖区 全区 社区 园区 "
    "片区 城区 景区 街区 小区 校区 新区 老区 市区 郊区 山区 湾区 港区 库区 林区 矿区 灾区 盲区 专区 展区 营区 "
    "车区 医疗 教育 养殖 划定 低洼 划为 老旧 核酸 隔离 静默 中高 中风 高风 低风 管理 保障 安置 拆迁 更新 整备 "
    "大湾 粤港 前海 统筹 提升 改造 创新 科技 文化 生态 森林 公园 湿地".split()
)
_GENERIC_STREET = set("各个 全市 全区 本街 我街 街道 乡镇 城镇 村镇 小镇 特色 城中 该街 两个 多个 所在".split())
# Second characters that make "X区/X市/X镇" a common noun (片区, 园区, 城市, 小镇 …).
_GENERIC_TAIL = set("片社园城辖景街小校新老郊山湾港库林矿灾盲专展营厂控险范验发护能业心行作点宅活务住超上门夜股集都各全本该")
# For 街道 only tails that make a collective are generic (社区街道, 各街道): 龙城, 南湾, 梅林, 南山 are streets.
_GENERIC_TAIL_STREET = set("片社辖街各全本该两多")
# Characters that end a phrase rather than start a name: "龙岗区观湖街道" is 观湖, not 区观湖.
_NAME_BOUNDARY = set("区市县省镇乡村年月日的和与及在对向为是了将把从由于并等个各全本该我其此即共")
_MONTHS_H1 = re.compile(r"(?<![\d-])1\s*[-至~—]\s*([1-6])月")
_CN_DIGITS = dict(zip("一二三四五六七八九十", range(1, 11), strict=True))


@dataclass
class Metadata:
    """Detected metadata; `evidence` maps a field to the snippet it came from."""

    street: str | None = None
    district: str | None = None
    city: str | None = None
    report_years: list[int] = field(default_factory=list)
    period_covered: str | None = None
    plan_period: str | None = None
    title: str | None = None
    title_source: str | None = None
    published_date: str | None = None
    notes: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)


def detect_metadata(text: str, *, title_hint: str | None = None, plan_start: int | None = None) -> Metadata:
    """Detect everything from the canonical text; `plan_start` is where the plan part begins, if any."""
    meta = Metadata()
    head = "\n".join(text.splitlines()[:_HEADER_LINES])
    meta.street = _place(text, head, "街道", _GENERIC_STREET, meta.evidence, "street", _GENERIC_TAIL_STREET)
    if meta.street is None:
        meta.street = _place(text, head, "镇", _GENERIC_STREET, meta.evidence, "street")
    meta.district = _place(text, head, "区", _GENERIC_AREA, meta.evidence, "district")
    meta.city = _place(text, head, "市", {"城市", "全市", "超市", "上市", "门市", "夜市", "股市", "集市"},
                       meta.evidence, "city")
    _title(meta, text, head, title_hint)
    _periods(meta, text, plan_start)
    _published(meta, head)
    _year_check(meta, text)
    return meta


def _place(text: str, head: str, suffix: str, generic: set[str], evidence: dict[str, str], name: str,
           tails: set[str] = _GENERIC_TAIL) -> str | None:
    """The most likely `<name><suffix>` in the text (e.g. 观湖街道), scored by explicit and bare mentions."""
    pattern = re.compile(rf"([\u4e00-\u9fffA-Z]{{2}}){suffix}(?![域块间位分别划场民值容政级面长委])")
    found = Counter(m.group(1) for m in pattern.finditer(text))
    scores: dict[str, float] = {}
    titled = _title_names(head, suffix)
    for cand, count in found.items():
        # A name that opens a title line ("测试街道2023年工作总结") is a name even if jieba knows it as a verb.
        if cand in generic or cand[-1] in tails or (cand not in titled and not _could_be_name(cand)):
            continue
        bare = text.count(cand) - count
        scores[cand] = 3 * count + min(bare, 20) + (10 if cand + suffix in head else 0)
    if not scores:
        return None
    best = max(scores, key=lambda c: (scores[c], c))
    if scores[best] < 4:
        return None
    best = _three_char(text, best, suffix)
    evidence[name] = _snippet(text, text.find(best + suffix))
    return best + suffix


def _title_names(head: str, suffix: str) -> set[str]:
    """Two-character names right before `suffix` at the start of a title-like header line."""
    names = set()
    for line in head.splitlines():
        m = re.match(rf"\s*(?:[\u4e00-\u9fff]{{2,3}}[区市])?([\u4e00-\u9fffA-Z]{{2}}){suffix}", line)
        if m and re.search(r"工作(?:总结|计划|报告|要点)", line):
            names.add(m.group(1))
    return names


def _three_char(text: str, best: str, suffix: str) -> str:
    """Widen a two-character name when nearly every mention has the same name-like character before it (香蜜湖)."""
    before = Counter(text[m.start() - 1] if m.start() else "" for m in re.finditer(re.escape(best + suffix), text))
    char, count = before.most_common(1)[0]
    mentions = sum(before.values())
    if count >= 2 and count >= 0.8 * mentions and re.fullmatch(r"[\u4e00-\u9fff]", char) and char not in _NAME_BOUNDARY:
        return char + best
    return best


def _could_be_name(word: str) -> bool:
    """Reject words jieba knows as verbs, prepositions, numerals …; unknown words may be names."""
    if re.fullmatch(r"[A-Z]{2}", word):
        return True  # anonymised names such as XX街道
    tag = _pos_table().get(word)
    return not (tag and tag.startswith(_NON_NAME_POS))


@lru_cache(maxsize=1)
def _pos_table() -> dict[str, str]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.posseg.dt.word_tag_tab


def _snippet(text: str, pos: int, width: int = 30) -> str:
    if pos < 0:
        return ""
    return text[max(0, pos - 10) : pos + width].replace("\n", " ")


def _title(meta: Metadata, text: str, head: str, hint: str | None) -> None:
    for line in [*(hint and [hint] or []), *head.splitlines()]:
        line = line.strip()
        if 6 <= len(line) <= 60 and ">" not in line and re.search(r"工作(总结|计划|报告|要点)", line) and not re.match(
            r"^[一二三四五六七八九十]+、|^[(（]", line
        ):
            meta.title, meta.title_source = line, "stated"
            meta.evidence["title"] = line
            return


def _years_in(s: str) -> list[int]:
    return [int(y) for y in re.findall(r"(20[0-4]\d)\s*年", s)]


def _periods(meta: Metadata, text: str, plan_start: int | None) -> None:
    review = text[:plan_start] if plan_start is not None else text
    plan = text[plan_start:] if plan_start is not None else ""
    years = Counter(_years_in(text))
    main_year = years.most_common(1)[0][0] if years else None
    review_head = _first_heading(review) or (meta.title or "")
    stated = _years_in((meta.title or "") + review_head) or _years_in(review[:200])
    review_year = stated[0] if stated else main_year
    half = "上半年" in review_head or "上半年" in (meta.title or "")
    if review_year:
        meta.period_covered = f"{review_year}H1" if half else str(review_year)
        meta.evidence["period_covered"] = review_head or _snippet(review, review.find(str(review_year)))
    month = _MONTHS_H1.search(review)
    if month and half:
        meta.notes.append(f"headline figures cover {month.group(0)} only, not the whole half-year")
    if plan:
        plan_head = _first_heading(plan) or plan[:80]
        plan_years = _years_in(plan_head)
        if "下半年" in plan_head and review_year:
            meta.plan_period = f"{review_year}H2"
        elif plan_years:
            meta.plan_period = str(plan_years[0])
        elif review_year:
            meta.plan_period = str(review_year + 1)
        meta.evidence["plan_period"] = plan_head
    meta.report_years = sorted({int(p[:4]) for p in (meta.period_covered, meta.plan_period) if p})
    if meta.title is None and meta.street:
        meta.title, meta.title_source = _inferred_title(meta), "inferred"


def _first_heading(part: str) -> str | None:
    m = re.search(r"^\s*[一二三四五六七八九十]+、(.{2,40})$", part, re.M)
    return m.group(0).strip() if m else None


def _inferred_title(meta: Metadata) -> str:
    cov, plan = meta.period_covered or "", meta.plan_period or ""
    review = f"{cov[:4]}年上半年工作总结" if cov.endswith("H1") else f"{cov}年工作总结" if cov else "工作总结"
    if not plan:
        return f"{meta.street}{review}"
    return f"{meta.street}{review}及{'下半年' if plan.endswith('H2') else plan + '年'}工作计划"


def _published(meta: Metadata, head: str) -> None:
    m = re.search(r"(?:发布时间|日期|发布日期)\s*[:：]?\s*(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", head)
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
