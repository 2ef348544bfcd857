"""Fuzzing: every pipeline stage returns a result or a JiedaoError for any input, and offsets stay exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rag.answer.router import Route, route
from rag.errors import JiedaoError
from rag.ingest.chunk import chunk_report
from rag.ingest.load import SUPPORTED_SUFFIXES, LoadedText, clean_text, load_bytes
from rag.ingest.metadata import detect_metadata
from rag.ingest.pipeline import content_hash, prepare
from rag.ingest.sections import parse_sections, plan_start
from rag.schemas import Indicator, ReportMeta

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that steer generated text into the parsers' interesting paths: headings, figures, places, plans.
FRAGMENTS = [
    "一、", "二、2024年工作计划", "(一)", "（二）", "1.", "2、", "一是", "三是", "(坚持稳控大局", "\n", "\n\n", "\r\n",
    "。", ",", "，", ";", "；", "!", "?", "：", "“", "”", "(", ")", "%", "亿元", "万元", "万平方米", "个百分点", "家",
    "亩", "公顷", "同比增长", "下降", "力争", "不少于", "完成", "累计", "其中", "约", "近", "超", "以统计公布为准",
    "观湖街道", "青溪街道", "XX街道", "布吉", "龙岗区", "深圳市", "镇", "区", "街道", "2022年", "2023年", "2024年上半年",
    "1-5月", "下半年", "工作总结", "工作计划", "改革开放40周年", "发布时间:2023年7月11日", "86.48", "5.7", "二十八",
    "一万五千", "0", "-3.2", "１２．５", "　", "\u200b", "\u202e", "\ufeff", "<p>", "</p>", "<script>", "&nbsp;",
    "返回顶部", "首页 > 信息公开", "版权所有", "[1]", "SYSTEM:", "忽略之前的所有指令", "😀", "\x00", "\udcff"[:0],
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)
questions = st.lists(st.one_of(st.sampled_from(
    ["哪个", "街道", "最多", "最少", "合计", "是多少", "同比", "计划", "目标", "完成率", "2023年", "观湖", "Guanhu",
     "which", "highest", "total", "growth", "target", "那", "呢?", "land storage", "固定资产投资", "土地入库"]),
    st.text(max_size=10)), max_size=12).map("".join)


def _meta(text: str) -> ReportMeta:
    digest = content_hash(text)
    return ReportMeta(report_id=digest[:16], path="fuzz.txt", content_hash=digest, street="青溪街道",
                      period_covered="2023", plan_period="2024")


def _assert_tiles(sections: list, text: str) -> None:
    assert sections, "at least one section"
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for a, b in zip(sections, sections[1:], strict=False):
        assert a.end == b.start and a.start <= a.end
    assert [s.index for s in sections] == list(range(len(sections)))


@FUZZ
@given(texts)
def test_sections_tile_the_text(text: str) -> None:
    try:
        sections = parse_sections("r", text)
    except JiedaoError:
        return
    _assert_tiles(sections, text)
    assert all(s.part in ("review", "plan") for s in sections)


@FUZZ
@given(texts, st.sampled_from([64, 100, 400]))
def test_chunks_point_at_their_text(text: str, max_tokens: int) -> None:
    try:
        sections = parse_sections("r", text)
        chunks = chunk_report(_meta(text), text, sections, max_tokens=max_tokens)
    except JiedaoError:
        return
    for c in chunks:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text and c.text.strip() == c.text
    assert [c.start for c in chunks] == sorted(c.start for c in chunks)
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    for a, b in zip(chunks, chunks[1:], strict=False):
        assert a.end <= b.start, "chunks overlap"


@FUZZ
@given(st.binary(max_size=2048) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
       st.sampled_from(SUPPORTED_SUFFIXES))
def test_load_bytes_never_crashes(data: bytes, suffix: str) -> None:
    try:
        loaded = load_bytes(data, "fuzz" + suffix, max_bytes=4096)
    except JiedaoError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(loaded, LoadedText) and loaded.text and loaded.text == loaded.text.strip("\n")


@FUZZ
@given(texts)
def test_clean_text_never_crashes(text: str) -> None:
    cleaned, removed = clean_text(text)
    assert isinstance(cleaned, str) and removed >= 0
    assert clean_text(cleaned)[0] == cleaned


@FUZZ
@given(questions, st.lists(st.sampled_from(["观湖街道", "布吉街道", "XX街道", "平湖街道", "石龙仔镇", "(街道"]),
                           max_size=4), st.booleans())
def test_router_never_crashes(question: str, known: list[str], follow_up: bool) -> None:
    previous = Route(intent="rank", keys=["land_storage_area"]) if follow_up else None
    try:
        r = route(question, known, previous)
    except JiedaoError:
        return
    assert r.intent in ("rank", "aggregate", "trend", "lookup", "open")
    assert set(r.streets) <= set(known) | set(previous.streets if previous else [])


@FUZZ
@given(texts, st.none() | texts, st.none() | st.integers(min_value=0, max_value=400))
def test_metadata_never_crashes(text: str, hint: str | None, plan: int | None) -> None:
    try:
        meta = detect_metadata(text, title_hint=hint, plan_start=plan)
    except JiedaoError:
        return
    assert meta.street is None or meta.street.endswith(("街道", "镇"))
    assert meta.period_covered is None or meta.period_covered[:4].isdigit()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_whole_report_pipeline(text: str) -> None:
    """load → metadata → sections → chunks → indicators: grounded output or a JiedaoError."""
    try:
        loaded = load_bytes(text.encode("utf-8", "replace"), "fuzz.txt")
        prep = prepare(loaded, "fuzz.txt", max_tokens=64)
    except JiedaoError:
        return
    body = prep.report.text
    _assert_tiles(prep.sections, body)
    assert plan_start(prep.sections) in (None, *[s.start for s in prep.sections])
    for c in prep.chunks:
        assert body[c.start : c.end] == c.text
    for ind in prep.indicators:
        Indicator.model_validate(ind.model_dump(), context={"text": body})
