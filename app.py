"""Jiedao Streamlit app: cited answers, indicator table, bilingual summaries (display and state only)."""

from __future__ import annotations

import html
import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlparse

import altair as alt
import streamlit as st

from rag.config import Settings
from rag.corpus import (
    SUPPORTED_SUFFIXES,
    Corpus,
    Filters,
    IngestResult,
    display_scale,
    export_indicators,
    format_en,
    format_zh,
    majority_unit,
    period_en,
    period_zh,
    place_en,
    safe_name,
    summary_column,
    summary_markdown,
    ui,
)
from rag.errors import JiedaoError
from rag.schemas import Answer, Citation, Indicator, ReportMeta, TableRow

if TYPE_CHECKING:
    from rag.summary.common import ReportSummary

log = logging.getLogger(__name__)

APP_DIR = Path(__file__).resolve().parent
SAMPLE_REPORTS = APP_DIR / "data" / "reports"
UPLOAD_TYPES = [suffix.lstrip(".") for suffix in SUPPORTED_SUFFIXES]
VIEWS = ["Chat", "Indicators", "Reports", "Summaries"]
EXAMPLES = [
    "哪个街道土地入库最多",
    "观湖街道2022年规上工业总产值是多少？",
    "Which sub-district put the most land into storage?",
    "哪个街道固定资产投资最多？",
]
CONTEXT_CHARS = 160
# Characters markdown (or Streamlit's :directives:, :emoji: and $latex$) could interpret anywhere in a line;
# `&` is left alone because after html.escape it only starts an entity. Figures like 12.3 stay readable.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~$:])")
# ... and at the start of a line: list bullets, ordered lists ("1."), setext underlines.
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)


class Upload(Protocol):
    """What handle_uploads needs from an uploaded file (Streamlit's UploadedFile fits)."""

    name: str

    def getvalue(self) -> bytes: ...


# ---- escaping ---------------------------------------------------------------------------------------
def md_escape(text: str) -> str:
    """Make document text inert in st.markdown: HTML-escaped, markdown punctuation backslash-escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return _MD_LINE_START.sub(lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2)
                                                      else f"{m.group(3)}\\{m.group(4)}"), escaped)


def md_lines(text: str) -> str:
    """Escape text and keep its line breaks as markdown hard breaks."""
    return "  \n".join(md_escape(line) for line in text.splitlines())


def highlight(before: str, span: str, after: str) -> str:
    """Markdown for a passage with `span` highlighted; every part escaped."""
    marked = "  \n".join(f":orange-background[**{md_escape(line)}**]" if line.strip() else ""
                         for line in span.splitlines())
    return md_lines(before) + marked + md_lines(after)


def passage_around(text: str, start: int, end: int, quote: str,
                   width: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(before, span, after): the quote located in the report text, with some context on each side."""
    if text[start:end] != quote:
        found = text.find(quote) if quote else -1
        if found < 0:
            return "", quote, ""
        start, end = found, found + len(quote)
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    # Start and stop at sentence ends so the context reads naturally.
    cut = max(text.rfind(p, lo, start) for p in "。！？\n")
    lo = cut + 1 if cut >= 0 else lo
    stops = [i for i in (text.find(p, end, hi) for p in "。！？\n") if i >= 0]
    hi = min(stops) + 1 if stops else hi
    before = ("…" if lo > 0 else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    return before, text[start:end], after


# ---- corpus and background embedding ----------------------------------------------------------------
def _settings_key(settings: Settings) -> str:
    """Cache key for a Settings object (the API key is masked in the dump, which is fine for a key)."""
    return settings.model_dump_json()


@dataclass
class EmbedJob:
    """The background dense-embedding thread of one data directory."""

    thread: threading.Thread | None = None
    error: str | None = None

    @property
    def running(self) -> bool:
        """True while the thread is alive."""
        return self.thread is not None and self.thread.is_alive()


@st.cache_resource(show_spinner="正在加载报告… · Loading the corpus…", hash_funcs={Settings: _settings_key})
def get_corpus(settings: Settings) -> Corpus:
    """One corpus per data directory; an empty one gets the sample reports (lexical only, at once)."""
    corpus = Corpus(settings)
    if not corpus.reports() and SAMPLE_REPORTS.is_dir():
        failed = [r for r in corpus.ingest([SAMPLE_REPORTS], embed=False) if not r.ok]
        for r in failed:
            log.warning("sample report %s: %s", r.path, r.message)
    return corpus


@st.cache_resource(hash_funcs={Settings: _settings_key})
def get_embed_job(settings: Settings) -> EmbedJob:
    """The (shared) embedding job holder for these settings."""
    return EmbedJob()


def _embed_worker(corpus: Corpus, job: EmbedJob) -> None:
    """Thread body: its own Corpus (own SQLite connection), the same loaded embedder."""
    try:
        Corpus(corpus.settings, embedder=corpus.embedder).embed_pending()
    except JiedaoError as exc:
        job.error = exc.message
    except Exception as exc:  # keep the traceback in the log, one line in the sidebar
        log.exception("background embedding failed")
        job.error = f"unexpected error: {type(exc).__name__}: {exc}"[:300]


def ensure_embedding(corpus: Corpus, job: EmbedJob) -> None:
    """Start the background embedding thread when chunks are waiting and none is running."""
    embedded, total = corpus.store.embedding_progress()
    if embedded >= total or job.running:
        return
    job.error = None
    job.thread = threading.Thread(target=_embed_worker, args=(corpus, job), name="jiedao-embed", daemon=True)
    job.thread.start()


def handle_uploads(corpus: Corpus, files: Iterable[Upload]) -> list[IngestResult]:
    """Ingest uploaded files one by one (searchable at once; dense vectors come from the background job)."""
    results = []
    for f in files:
        try:
            results.append(corpus.ingest_bytes(f.getvalue(), f.name, embed=False))
        except JiedaoError as exc:
            results.append(IngestResult(f"upload/{safe_name(f.name)}", "failed", exc.message))
    return results


def upload_line(result: IngestResult, name: str) -> str:
    """One status line for an uploaded file."""
    street = f" · {result.street}" if result.street else ""
    detail = f" — {result.message}" if result.message else ""
    warn = "".join(f" (⚠ {w})" for w in result.warnings)
    return f"{'✅' if result.ok else '❌'} {name}: {result.status}{street}{detail}{warn}"


# ---- language and display -----------------------------------------------------------------------------
def lang() -> str:
    """The interface language: 'zh' (default) or 'en' (sidebar toggle)."""
    return "en" if st.session_state.get("lang") == "en" else "zh"


def T(key: str, **kw: object) -> str:  # noqa: N802 - short on purpose: every UI string goes through it
    """An interface string in the user's language."""
    return ui(key, lang(), **kw)


def place_of(row: Any) -> str | None:
    """The place (街道/镇) of an indicator, table row or report, whatever the record calls it."""
    return getattr(row, "place", None) or getattr(row, "street", None)


def show_place(name: str | None, language: str | None = None) -> str:
    """A place name in the interface language."""
    if not name:
        return T("place_unknown")
    return place_en(name) if (language or lang()) == "en" else name


def show_period(code: str | None, language: str | None = None) -> str:
    """A period code in the interface language (2024年1-5月 / Jan–May 2024)."""
    return period_en(code) if (language or lang()) == "en" else period_zh(code)


def show_value(value: float | None, unit: str | None, qualifier: str | None = None) -> str:
    """A printed figure in the interface language; the qualifier 达 ('reaches') is never part of a value."""
    if value is None or not unit:
        return T("not_reported")
    q = None if qualifier in (None, "", "达") else qualifier
    try:
        return format_en(value, unit, q) if lang() == "en" else format_zh(value, unit, q)
    except ValueError:  # a unit (or qualifier) the number owner does not know: its digits, the unit as printed
        return f"{format_zh(value, '')}{unit}"


def show_kind(kind: str | None, estimated: bool = False) -> str:
    """Kind of a figure in words (实际 / 目标 …)."""
    if estimated and kind in (None, "actual"):
        kind = "estimate"
    try:
        return T(f"kind_{kind}")
    except KeyError:
        return kind or ""


def show_label(row: Any) -> str:
    """Indicator name in the interface language."""
    zh = getattr(row, "label_zh", None) or getattr(row, "label", None) or ""
    en = getattr(row, "label_en", None) or zh
    return en if lang() == "en" else zh


SIDEBAR_REPORTS = 12


# ---- sidebar ------------------------------------------------------------------------------------------
def mode_line(settings: Settings, language: str = "en") -> str:
    """Which engine answers: offline, or the endpoint host and model (never the key)."""
    if settings.model == "offline":
        return ui("mode_offline", language)
    url = urlparse(settings.openai_base_url or "https://api.openai.com/v1")
    host = url.hostname or "api.openai.com"
    host += f":{url.port}" if url.port else ""
    return ui("mode_llm", language, host=host, model=settings.model)


def report_line(m: ReportMeta) -> str:
    """place · district · period for lists."""
    period = show_period(m.period_covered) if m.period_covered else "?"
    if m.plan_period:
        period += T("plan_suffix", period=show_period(m.plan_period))
    district = m.district if lang() == "zh" or not m.district else place_en(m.district)
    return " · ".join([show_place(place_of(m)), district or T("district_unknown"), period])


def sidebar_progress(corpus: Corpus, job: EmbedJob) -> None:
    """The dense-index line; refreshes itself while the background job runs."""
    language = lang()

    def body() -> None:
        done, total = corpus.store.embedding_progress()
        if job.error:
            st.warning(ui("dense_error", language, done=done, total=total, error=job.error))
        elif total and done < total:
            st.caption(ui("dense_pending", language, done=done, total=total))
        else:
            st.caption(ui("dense_progress", language, done=done, total=total))

    st.fragment(body, run_every=2 if job.running else None)()


def upload_feedback(result: IngestResult, name: str) -> tuple[str, str]:
    """(level, line) for one uploaded file: added / replaced / duplicate / unchanged / failed with the reason."""
    status = T(f"status_{result.status}")
    place = f" · {show_place(result.street)}" if result.street and result.ok else ""
    detail = f" — {result.message}" if result.message and result.status in ("failed", "duplicate") else ""
    warn = "".join(f" (⚠ {w})" for w in result.warnings)
    level = {"added": "success", "replaced": "success", "failed": "error"}.get(result.status, "warning")
    return level, f"{name}: {status}{place}{detail}{warn}"


def show_feedback(lines: Sequence[tuple[str, str]]) -> None:
    """Upload lines, coloured by outcome."""
    for level, line in lines:
        getattr(st, level)(line)


def sidebar_uploads(corpus: Corpus, job: EmbedJob) -> None:
    """File uploader; each new file is ingested once, with a status line per file."""
    files = st.file_uploader(T("add_reports"), type=UPLOAD_TYPES, accept_multiple_files=True, key="uploader")
    done: set[str] = st.session_state.setdefault("uploaded_ids", set())
    new = [f for f in files or [] if f.file_id not in done]
    if new:
        lines: list[tuple[str, str]] = []
        counts = Counter[str]()
        with st.status(T("ingesting", n=len(new)), expanded=True) as status:
            bar = st.progress(0.0)
            for i, f in enumerate(new, start=1):
                result = handle_uploads(corpus, [f])[0]
                counts[result.status] += 1
                lines.append(upload_feedback(result, f.name))
                bar.progress(i / len(new))
                done.add(f.file_id)
            status.update(label=T("ingest_done", added=counts["added"], replaced=counts["replaced"],
                                  duplicate=counts["duplicate"] + counts["unchanged"], failed=counts["failed"]),
                          state="error" if counts["failed"] else "complete", expanded=False)
        st.session_state["upload_log"] = lines
        st.session_state.pop("summaries", None)
        ensure_embedding(corpus, job)
    show_feedback(st.session_state.get("upload_log", []))


def sidebar_filters(reports: Sequence[ReportMeta]) -> Filters | None:
    """Place / year / part filters for questions; None when nothing is selected."""
    st.subheader(T("filters"))
    streets = st.multiselect(T("f_places"), sorted({p for m in reports if (p := place_of(m))}),
                             format_func=show_place, key="f_streets", placeholder=T("choose"))
    years = st.multiselect(T("f_years"), sorted({y for m in reports for y in m.report_years}), key="f_years", placeholder=T("choose"))
    parts = st.multiselect(T("f_parts"), ["review", "plan"], format_func=lambda p: T(f"part_{p}"), key="f_parts", placeholder=T("choose"))
    if not (streets or years or parts):
        return None
    return Filters(streets=list(streets), years=list(years), parts=list(parts))


def sidebar(corpus: Corpus, job: EmbedJob) -> Filters | None:
    """Language, mode, views, report list, uploads, dense-index progress and filters."""
    with st.sidebar:
        st.radio(ui("language", "zh") + " · " + ui("language", "en"), ["zh", "en"], key="lang", horizontal=True,
                 format_func={"zh": "中文", "en": "English"}.__getitem__)
        st.markdown(md_escape(mode_line(corpus.settings, lang())))
        labels = [T(f"view_{v.lower()}") for v in VIEWS]
        current = st.session_state.get("view_choice", VIEWS[0])
        # One widget per language (its options are the labels): the chosen view survives a language switch.
        picked = st.radio(T("view"), labels, index=VIEWS.index(current), key=f"view_{lang()}", horizontal=True)
        st.session_state["view_choice"] = VIEWS[labels.index(picked)] if picked in labels else current
        report_box = st.container()
        sidebar_uploads(corpus, job)
        sidebar_progress(corpus, job)
        reports = corpus.reports()
        with report_box:
            st.subheader(T("reports_n", n=len(reports)))
            for m in reports[:SIDEBAR_REPORTS]:
                st.markdown(md_escape(report_line(m)))
            if len(reports) > SIDEBAR_REPORTS:
                st.caption(T("more_reports", n=len(reports) - SIDEBAR_REPORTS))
        return sidebar_filters(reports)


# ---- chat ---------------------------------------------------------------------------------------------
def ask(corpus: Corpus, question: str, filters: Filters | None,
        on_token: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Ask the corpus (follow-ups get the previous answer) and append the result to the history."""
    history: list[dict[str, Any]] = st.session_state.setdefault("history", [])
    previous = next((h["answer"] for h in reversed(history) if h.get("answer") is not None), None)
    try:
        with st.spinner(T("searching")):
            answer = corpus.ask(question, previous=previous, filters=filters, on_token=on_token)
        item: dict[str, Any] = {"question": question, "answer": answer}
    except JiedaoError as exc:
        item = {"question": question, "error": exc.message}
    except Exception as exc:  # keep the traceback in the log, one line for the user
        log.exception("ask failed")
        item = {"question": question, "error": T("unexpected", what=f"{type(exc).__name__}: {exc}"[:300])}
    history.append(item)
    return item


def llm_streams(corpus: Corpus) -> bool:
    """True when an LLM phrases passage answers (so its tokens can be shown as they arrive)."""
    try:
        return bool(corpus.backend.available)
    except JiedaoError:
        return False


def token_sink(placeholder: Any) -> Callable[[str], None]:
    """A callback that appends streamed tokens to a placeholder (escaped, with a cursor)."""
    parts: list[str] = []

    def on_token(token: str) -> None:
        parts.append(token)
        placeholder.markdown(md_lines("".join(parts)) + " ▌")

    return on_token


def show_citation(corpus: Corpus, c: Citation, texts: dict[str, str]) -> None:
    """One numbered citation: the passage around the quote, quote highlighted, all escaped."""
    with st.expander(f"[{c.n}] {show_place(place_of(c))} · {c.section}"):
        if c.report_id not in texts:
            try:
                texts[c.report_id] = corpus.report_text(c.report_id)
            except JiedaoError:
                texts[c.report_id] = ""
        before, span, after = passage_around(texts[c.report_id], c.start, c.end, c.quote)
        st.markdown(highlight(before, span, after))
        st.caption(T("report_chars", rid=c.report_id, start=c.start, end=c.end))


def fmt_num(value: float) -> str:
    """A number with thousands separators and no scientific notation."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def row_value(r: TableRow) -> str:
    """A ranking row's figure in the interface language, without 达."""
    if r.value is not None and r.unit:
        return show_value(r.value, r.unit, getattr(r, "qualifier", None))
    return re.sub(r"^达", "", r.display)


def table_rows(answer: Answer) -> list[dict[str, Any]]:
    """The answer's table as display rows; a single row has no rank."""
    rows = answer.table or []
    ranked = len(rows) > 1 and any(r.rank is not None for r in rows)
    out = []
    for r in rows:
        row = {T("col_rank"): "" if r.rank is None else str(r.rank)} if ranked else {}
        row |= {T("col_place"): show_place(place_of(r)), T("col_value"): row_value(r),
                T("col_period"): show_period(r.period) if r.period else "",
                T("col_indicator"): r.label or "", T("col_kind"): show_kind(r.kind),
                T("col_source"): f"[{r.citation}]" if r.citation else ""}
        out.append(row)
    return out


def understood(answer: Answer) -> str:
    """'理解为：地点 观湖街道 · 指标 土地入库面积 · 期间 2022年' from the router's reading of the question."""
    intent = answer.intent or {}
    if not intent:
        return ""
    parts: list[str] = []
    places = intent.get("places") or intent.get("streets") or []
    what = intent.get("intent", "open")
    if places:
        parts.append(T("u_place", v="、".join(show_place(p) for p in places)))
    elif what in ("rank", "aggregate") or len({r.street for r in answer.table or []}) > 1:
        parts.append(T("u_place", v=T("u_all_places")))
    labels = [r.label for r in answer.table or [] if r.label]
    indicator = labels[0] if labels else intent.get("phrase") or ", ".join(intent.get("keys") or [])
    if indicator:
        parts.append(T("u_indicator", v=indicator))
    kind = intent.get("kind")
    if kind and kind not in ("actual", "any"):
        parts.append(show_kind(kind))
    periods = [p for p in dict.fromkeys(r.period for r in answer.table or [] if r.period)]
    if intent.get("period"):
        parts.append(T("u_period", v=show_period(intent["period"])))
    elif len(periods) == 1:
        parts.append(T("u_period", v=show_period(periods[0])))
    elif intent.get("years"):
        parts.append(T("u_period", v="、".join(show_period(str(y)) for y in intent["years"])))
    if what == "rank":
        parts.append(T("u_rank_asc" if intent.get("ascending") else "u_rank_desc"))
    elif what in ("aggregate", "trend", "open"):
        parts.append(T(f"u_{what}"))
    return T("understood", what=" · ".join(parts)) if parts else ""


def show_answer(corpus: Corpus, answer: Answer, texts: dict[str, str]) -> None:
    """Text, what was understood, table, caveats and citations of one answer."""
    st.markdown(md_lines(answer.text))
    line = understood(answer)
    if line:
        st.caption(md_escape(line))
    if answer.mode != "offline":
        st.caption(T("phrased_by", mode="`" + answer.mode.replace("`", "") + "`"))  # a model id, as code
    if answer.flagged:
        st.warning(T("flagged"))
    if answer.table:
        st.dataframe(table_rows(answer), hide_index=True, width="stretch")
    for caveat in answer.caveats:
        st.info(caveat)
    if answer.route == "abstain" and answer.searched:
        st.caption(md_escape(T("searched", what="; ".join(answer.searched))))
    for c in answer.citations:
        show_citation(corpus, c, texts)


def on_example(question: str) -> None:
    """Button callback: queue an example question for this run."""
    st.session_state["queued"] = question


def show_item(corpus: Corpus, item: dict[str, Any], texts: dict[str, str]) -> None:
    """The assistant's side of one exchange."""
    if "error" in item:
        st.error(item["error"])
    else:
        show_answer(corpus, item["answer"], texts)


def chat_view(corpus: Corpus, filters: Filters | None) -> None:
    """Chat: history, new question (LLM answers stream in), example questions on an empty chat."""
    typed = st.chat_input(T("ask_placeholder"))
    question = typed or st.session_state.pop("queued", None)
    history = st.session_state.setdefault("history", [])
    texts: dict[str, str] = {}
    for item in history:
        with st.chat_message("user"):
            st.markdown(md_escape(item["question"]))
        with st.chat_message("assistant"):
            show_item(corpus, item, texts)
    if question:
        with st.chat_message("user"):
            st.markdown(md_escape(question))
        with st.chat_message("assistant"):
            placeholder = st.empty()
            item = ask(corpus, question, filters, token_sink(placeholder) if llm_streams(corpus) else None)
            placeholder.empty()
            show_item(corpus, item, texts)
    if not history:
        st.caption(T("examples"))
        for i, q in enumerate(EXAMPLES):
            st.button(q, key=f"example_{i}", on_click=on_example, args=(q,))


# ---- charts -------------------------------------------------------------------------------------------
BAR_PX = 26


def bar_chart(bars: Sequence[dict[str, Any]], title: str) -> alt.Chart:
    """Horizontal bars, one per label, every label shown; the chart grows with the number of bars."""
    values = [b["value"] for b in bars] or [0.0]
    # Room on the right for the value printed after the longest bar.
    domain = [min(0.0, min(values)), max(0.0, max(values)) * 1.18 or 1.0]
    base = alt.Chart(alt.Data(values=list(bars))).encode(
        y=alt.Y("label:N", sort=None, title=None,
                axis=alt.Axis(labelLimit=0, labelOverlap=False, labelFontSize=12)),
        x=alt.X("value:Q", title=title, scale=alt.Scale(domain=domain, nice=False),
                axis=alt.Axis(titleLimit=0, labelFontSize=11, titleFontSize=12)),
        tooltip=[alt.Tooltip("label:N", title=T("col_place")), alt.Tooltip("text:N", title=T("col_value"))],
    )
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(text="text:N")
    return (base.mark_bar(size=max(8, BAR_PX - 8)) + text).properties(height=BAR_PX * len(bars) + 40)


def scaled(rows: Sequence[Indicator]) -> tuple[list[float], str]:
    """Normalised values of rows in one display unit chosen from their largest magnitude (亿元, 万平方米 …)."""
    unit = rows[0].normalized_unit if rows else ""
    divisor, label = display_scale(unit, max((abs(i.normalized_value) for i in rows), default=0.0), lang())
    return [i.normalized_value / divisor for i in rows], label


def chart_rows(rows: Sequence[Indicator], key: str, kind: str = "actual") -> tuple[list[dict[str, Any]], str, int]:
    """Bars for one key and kind, one per place and period, in the majority unit, largest first.

    Returns (bars, display unit, rows left out for another unit).
    """
    same = [i for i in rows if i.key == key and i.kind == kind]
    if not same:
        return [], "", 0
    unit = majority_unit(i.normalized_unit for i in same)
    chosen: dict[tuple[str, str], Indicator] = {}
    for i in same:
        if i.normalized_unit == unit:
            chosen.setdefault((place_of(i) or "?", i.period), i)
    kept = sorted(chosen.values(), key=lambda i: -i.normalized_value)
    values, shown_unit = scaled(kept)
    bars = [{"label": f"{show_place(place_of(i))} · {show_period(i.period)}", "value": round(v, 4),
             "text": f"{fmt_num(v)}{'' if lang() == 'zh' else ' '}{shown_unit}".strip()}
            for i, v in zip(kept, values, strict=True)]
    dropped = len(same) - sum(1 for i in same if i.normalized_unit == unit)
    return bars, shown_unit, dropped


def key_options(rows: Sequence[Indicator]) -> tuple[list[str], dict[str, str]]:
    """Indicator keys, most places first, with their names in the interface language."""
    places: dict[str, set[str | None]] = {}
    names: dict[str, str] = {}
    for i in rows:  # the shortest name a report uses for the key (a longer one may carry clause words)
        places.setdefault(i.key, set()).add(place_of(i))
        name = show_label(i)
        if i.key not in names or len(name) < len(names[i.key]):
            names[i.key] = name
    keys = sorted(places, key=lambda k: (k.startswith(("other:", "label:")), -len(places[k]), k))
    return keys, names


def indicator_chart(rows: Sequence[Indicator], kind: str | None) -> None:
    """Compare places on one indicator, in display units (亿元 / CNY bn …)."""
    kind = kind or "actual"
    rows = [i for i in rows if i.kind == kind]
    keys, names = key_options(rows)
    if not keys:
        return
    key = st.selectbox(T("compare_on"), keys, format_func=names.__getitem__, key="chart_key")
    bars, unit, dropped = chart_rows(rows, key, kind)
    title = f"{names[key]}（{unit}）" if lang() == "zh" and unit else f"{names[key]} ({unit})" if unit else names[key]
    st.altair_chart(bar_chart(bars, title), width="stretch")
    if dropped:
        st.caption(T("left_out", n=dropped, unit=unit))


def series_rows(corpus: Corpus, place: str, key: str) -> list[Indicator]:
    """One figure per period for a place and indicator (Corpus.series when present)."""
    if hasattr(corpus, "series"):
        return list(corpus.series(place, key))
    # contract: Corpus.series(place, key_or_label) is helper T's; until then, the first row per period.
    chosen: dict[str, Indicator] = {}
    for i in corpus.indicators(street=place, key=key, kind="actual"):
        chosen.setdefault(i.period, i)
    return [chosen[p] for p in sorted(chosen)]


def series_chart(corpus: Corpus, everything: Sequence[Indicator]) -> None:
    """A place's indicator over its periods (x = periods, y in display units)."""
    actual = [i for i in everything if i.kind == "actual"]
    places = sorted({p for i in actual if (p := place_of(i))})
    if not places:
        return
    c1, c2 = st.columns(2)
    periods: dict[tuple[str | None, str], set[str]] = {}
    for i in actual:
        periods.setdefault((place_of(i), i.key), set()).add(i.period)
    best = max(places, key=lambda p: max((len(v) for (q, _), v in periods.items() if q == p), default=0))
    place = c1.selectbox(T("series_place"), places, index=places.index(best), format_func=show_place,
                         key="series_place")
    keys, _ = key_options([i for i in actual if place_of(i) == place])
    _, names = key_options(actual)
    keys.sort(key=lambda k: -len(periods.get((place, k), ())))
    key = c2.selectbox(T("series_key"), keys, format_func=names.__getitem__, key=f"series_key_{place}")
    rows = series_rows(corpus, place, key)
    if len(rows) < 2:
        st.caption(T("series_none"))
    if not rows:
        return
    values, unit = scaled(rows)
    points: list[dict[str, Any]] = [{"period": show_period(i.period), "value": round(v, 4),
                                     "text": f"{fmt_num(v)}{'' if lang() == 'zh' else ' '}{unit}".strip()}
                                    for i, v in zip(rows, values, strict=True)]
    order = [p["period"] for p in points]
    title = f"{names[key]}（{unit}）" if lang() == "zh" else f"{names[key]} ({unit})"
    base = alt.Chart(alt.Data(values=points)).encode(
        x=alt.X("period:N", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelLimit=0)),
        y=alt.Y("value:Q", title=title, axis=alt.Axis(titleLimit=0),
                scale=alt.Scale(domain=[min(0.0, min(values)), max(0.0, max(values)) * 1.15 or 1.0], nice=False)),
        tooltip=[alt.Tooltip("period:N"), alt.Tooltip("text:N")])
    chart = (base.mark_line(point=True) + base.mark_text(dy=-10, fontSize=11).encode(text="text:N"))
    st.altair_chart(chart.properties(height=280), width="stretch")


# ---- indicators ---------------------------------------------------------------------------------------
def indicator_table(rows: Sequence[Indicator]) -> list[dict[str, Any]]:
    """Display rows of the indicator table, in the interface language."""
    return [{T("col_place"): show_place(place_of(i)), T("col_period"): show_period(i.period),
             T("col_indicator"): show_label(i), T("col_value"): show_value(i.value, i.unit, i.qualifier),
             T("col_kind"): show_kind(i.kind, bool(getattr(i, "estimated", False))),
             T("col_part"): T(f"part_{i.part}"), T("col_quote"): i.evidence.quote} for i in rows]


def pick_label(i: Indicator) -> str:
    """One line naming an indicator row in the source picker."""
    return (f"{show_place(place_of(i))} · {show_period(i.period)} · {show_label(i)} · "
            f"{show_value(i.value, i.unit, i.qualifier)}（{show_kind(i.kind)}）")


def indicator_evidence(corpus: Corpus, rows: Sequence[Indicator], scope: str) -> None:
    """Pick a row and read the sentence it came from; the picker is rebuilt whenever the filters change."""
    if not rows:
        return
    labels = [pick_label(i) for i in rows]
    pick = st.selectbox(T("show_source"), range(len(rows)), key=f"ind_pick_{scope}",
                        format_func=labels.__getitem__)
    i = rows[pick]
    try:
        text = corpus.report_text(i.report_id)
    except JiedaoError:
        text = ""
    before, span, after = passage_around(text, i.evidence.start, i.evidence.end, i.evidence.quote)
    st.markdown(highlight(before, span, after))
    st.caption(T("report_chars", rid=i.report_id, start=i.evidence.start, end=i.evidence.end))


def indicators_view(corpus: Corpus) -> None:
    """The indicator table: filters, downloads, comparison and time-series charts, evidence."""
    everything = corpus.indicators()
    c1, c2, c3 = st.columns(3)
    places = sorted({p for i in everything if (p := place_of(i))})
    all_ = T("all")
    place = c1.selectbox(T("ind_place"), [None, *places], format_func=lambda s: show_place(s) if s else all_,
                         key="ind_street")
    keys, names = key_options([i for i in everything if place is None or place_of(i) == place])
    key = c2.selectbox(T("ind_key"), [None, *keys], format_func=lambda k: names.get(k, k) if k else all_,
                       key="ind_key")
    kinds = sorted({i.kind for i in everything})
    kind = c3.selectbox(T("ind_kind"), [None, *kinds], format_func=lambda k: show_kind(k) if k else all_,
                        key="ind_kind")
    rows = corpus.indicators(street=place, key=key, kind=kind)
    st.caption(T("ind_count", n=len(rows), total=len(everything)))
    if rows:
        st.dataframe(indicator_table(rows), hide_index=True, width="stretch")
    else:
        st.info(T("no_rows"))
    d1, d2, d3 = st.columns(3)
    d1.download_button(T("download_csv"), export_indicators(rows, "csv"), "indicators.csv", "text/csv",
                       key="dl_csv")
    d2.download_button(T("download_json"), export_indicators(rows, "json"), "indicators.json",
                       "application/json", key="dl_json")
    d3.download_button(T("download_xlsx"), export_indicators(rows, "xlsx"), "indicators.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_xlsx")
    st.subheader(T("evidence"))
    indicator_evidence(corpus, rows, f"{place}|{key}|{kind}")
    st.subheader(T("compare"))
    indicator_chart(everything, kind)
    st.subheader(T("series"))
    series_chart(corpus, everything)


# ---- reports ------------------------------------------------------------------------------------------
META_FIELDS = (("meta_place", "street"), ("meta_district", "district"), ("meta_city", "city"),
               ("meta_province", "province"),
               ("meta_period", "period_covered"), ("meta_plan", "plan_period"), ("meta_title", "title"),
               ("meta_path", "path"), ("meta_chars", "n_chars"))


def inferred_fields(m: ReportMeta) -> set[str]:
    """Metadata fields the ingest inferred rather than read from the report."""
    fields = set(getattr(m, "inferred", None) or getattr(m, "inferred_fields", None) or ())
    if m.title_source == "inferred":
        fields.add("title")
    return fields


def meta_rows(m: ReportMeta, n_figures: int) -> list[dict[str, str]]:
    """The report's metadata as (field, value) rows; inferred values marked."""
    inferred = inferred_fields(m)
    rows = []
    for label, field in META_FIELDS:
        value = getattr(m, field, None)
        if field == "street":
            value = show_place(place_of(m))
        elif field in ("period_covered", "plan_period") and value:
            value = show_period(value)
        if value in (None, ""):
            value = T("unknown")
        mark = T("inferred") if field in inferred or (field == "street" and "place" in inferred) else ""
        rows.append({"field": T(label), "value": f"{value}{mark}"})
    rows.append({"field": T("meta_figures"), "value": str(n_figures)})
    if m.notes:
        rows.append({"field": T("meta_notes"), "value": "; ".join(m.notes)})
    return rows


def forget(report_id: str) -> None:
    """Drop cached views of a report that changed or went away."""
    st.session_state.get("summaries", {}).pop(report_id, None)
    st.session_state.pop("summary_report", None)


def remove_report(corpus: Corpus, m: ReportMeta) -> None:
    """Remove a report from every index (Corpus.remove)."""
    corpus.remove(m.report_id)
    forget(m.report_id)
    st.session_state["flash"] = ("success", T("removed", name=report_line(m)))


def reingest_report(corpus: Corpus, m: ReportMeta, job: EmbedJob) -> None:
    """Run the current ingest again on a report: from its file when it is still there, else its stored text."""
    source = Path(m.path)
    text = None if source.is_file() else corpus.report_text(m.report_id)
    corpus.remove(m.report_id)
    forget(m.report_id)
    if text is None:
        result = corpus.ingest([source], embed=False)[0]
    else:
        result = corpus.ingest_bytes(text.encode("utf-8"), source.name or "report.txt", embed=False)
    level = "success" if result.ok else "error"
    st.session_state["flash"] = (level, T("reingested", name=source.name, status=T(f"status_{result.status}"))
                                 + (f" — {result.message}" if not result.ok else ""))
    ensure_embedding(corpus, job)


def edit_metadata(corpus: Corpus, m: ReportMeta) -> None:
    """A small form: place and period, saved with Corpus.set_metadata (inferred values are often wrong)."""
    if not hasattr(corpus, "set_metadata"):
        st.caption(T("edit_unavailable"))
        return
    with st.form(key=f"meta_{m.report_id}"):
        place = st.text_input(T("meta_place"), value=place_of(m) or "", key=f"meta_place_{m.report_id}")
        period = st.text_input(T("meta_period"), value=m.period_covered or "", help=T("period_hint"),
                               key=f"meta_period_{m.report_id}")
        if st.form_submit_button(T("save")):
            try:
                corpus.set_metadata(m.report_id, place=place.strip() or None, period=period.strip() or None)
            except (JiedaoError, ValueError) as exc:
                st.error(getattr(exc, "message", str(exc)))
                return
            forget(m.report_id)
            st.session_state["flash"] = ("success", T("saved"))
            st.rerun()


def reports_view(corpus: Corpus, job: EmbedJob) -> None:
    """Every report: metadata (inferred fields marked, editable), remove, re-ingest."""
    flash = st.session_state.pop("flash", None)
    if flash:
        getattr(st, flash[0])(flash[1])
    reports = corpus.reports()
    if not reports:
        st.info(T("reports_none"))
        return
    st.caption(T("reports_total", n=len(reports)))
    counts = Counter(i.report_id for i in corpus.indicators())
    for m in reports:
        with st.expander(report_line(m), expanded=len(reports) <= 3):
            st.table({row["field"]: row["value"] for row in meta_rows(m, counts[m.report_id])})
            edit_metadata(corpus, m)
            b1, b2 = st.columns(2)
            if b1.button(T("remove"), key=f"remove_{m.report_id}", type="secondary"):
                remove_report(corpus, m)
                st.rerun()
            if b2.button(T("reingest"), key=f"reingest_{m.report_id}"):
                reingest_report(corpus, m, job)
                st.rerun()


# ---- summaries ----------------------------------------------------------------------------------------
def summary_sources(corpus: Corpus, s: ReportSummary) -> None:
    """Pick a footnote number and read its quote highlighted in the report."""
    cites = [k.citation for k in s.key_figures] + [c for sec in [*s.review, *s.plan] for c in sec.citations]
    if not cites:
        return
    pick = st.selectbox(T("show_source"), range(len(cites)), key="summary_cite",
                        format_func=lambda n: f"[{cites[n].n}] {cites[n].quote[:40]}")
    c = cites[pick]
    try:
        text = corpus.report_text(c.report_id)
    except JiedaoError:
        text = ""
    st.markdown(highlight(*passage_around(text, c.start, c.end, c.quote)))
    st.caption(f"{show_place(place_of(c))} · {c.section} · {T('report_chars', rid=c.report_id, start=c.start, end=c.end)}")


def report_summary_view(corpus: Corpus, s: ReportSummary) -> None:
    """A ReportSummary: Chinese and English side by side, sources, downloads."""
    st.caption(T("summary_mode", mode=s.mode, n=s.faithfulness.checked))
    if s.faithfulness.unsupported:
        st.warning(T("summary_unsupported", n=len(s.faithfulness.unsupported)))
    left, right = st.columns(2)
    with left:
        st.subheader("中文")
        st.markdown(summary_column(s, "zh", md_escape))
    with right:
        st.subheader("English")
        st.markdown(summary_column(s, "en", md_escape))
    summary_sources(corpus, s)
    stem = f"summary_{s.report_id}"
    d1, d2 = st.columns(2)
    d1.download_button(T("download_md"), summary_markdown(s).encode("utf-8"), f"{stem}.md", "text/markdown")
    d2.download_button(T("download_json"), s.model_dump_json(indent=2).encode("utf-8"), f"{stem}.json",
                       "application/json")


def summaries_view(corpus: Corpus, reports: Sequence[ReportMeta]) -> None:
    """Bilingual summary of one report, side by side, with sources and downloads."""
    if not reports:
        st.info(T("reports_none"))
        return
    m = st.selectbox(T("report"), list(reports), format_func=report_line, key="summary_report")
    cache: dict[str, Any] = st.session_state.setdefault("summaries", {})
    if m.report_id not in cache:
        try:
            with st.spinner(T("summarising")):
                cache[m.report_id] = corpus.summarize(m.report_id)
        except JiedaoError as exc:
            st.error(exc.message)
            return
    report_summary_view(corpus, cache[m.report_id])


# ---- page ---------------------------------------------------------------------------------------------
def main() -> None:
    """Build the page for one run."""
    st.set_page_config(page_title=ui("page_title", lang()), layout="wide")
    st.title(T("title"))
    settings = Settings()
    try:
        corpus = get_corpus(settings)
    except JiedaoError as exc:
        st.error(exc.message)
        st.stop()
    job = get_embed_job(settings)
    ensure_embedding(corpus, job)
    filters = sidebar(corpus, job)
    view = st.session_state.get("view_choice", VIEWS[0])
    if view == "Indicators":
        indicators_view(corpus)
    elif view == "Reports":
        reports_view(corpus, job)
    elif view == "Summaries":
        summaries_view(corpus, corpus.reports())
    else:
        chat_view(corpus, filters)


if __name__ == "__main__":
    main()
