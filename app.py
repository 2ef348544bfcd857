"""Jiedao Streamlit app: cited answers, indicator table, bilingual summaries (display and state only)."""

from __future__ import annotations

import html
import json
import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

import altair as alt
import streamlit as st

from rag.config import Settings
from rag.corpus import Corpus, IngestResult
from rag.errors import JiedaoError
from rag.figures.table import flat_record, to_csv
from rag.ingest.pipeline import safe_name
from rag.schemas import Answer, Citation, Indicator, ReportMeta
from rag.search.retrieve import Filters
from rag.summary.batch import to_markdown
from rag.summary.common import ReportSummary

log = logging.getLogger(__name__)

APP_DIR = Path(__file__).resolve().parent
SAMPLE_REPORTS = APP_DIR / "data" / "reports"
UPLOAD_TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]
VIEWS = ["Chat", "Indicators", "Summaries"]
EXAMPLES = [
    "哪个街道土地入库最多",
    "观湖街道2022年规上工业总产值是多少？",
    "Which sub-district put the most land into storage?",
    "哪个街道固定资产投资最多？",
]
PART_LABELS = {"review": "review · 总结 (achieved)", "plan": "plan · 计划 (targets)"}
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


@st.cache_resource(show_spinner="Loading the corpus…", hash_funcs={Settings: _settings_key})
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


# ---- sidebar ------------------------------------------------------------------------------------------
def mode_line(settings: Settings) -> str:
    """Which engine answers: offline, or the endpoint host and model (never the key)."""
    if settings.model == "offline":
        return "offline — extractive answers"
    url = urlparse(settings.openai_base_url or "https://api.openai.com/v1")
    host = url.hostname or "api.openai.com"
    host += f":{url.port}" if url.port else ""
    return f"LLM — {host} · {settings.model}"


def report_line(m: ReportMeta) -> str:
    """street · district · period for the sidebar list."""
    period = m.period_covered or "?"
    if m.plan_period:
        period += f" (+ plan {m.plan_period})"
    return " · ".join([m.street or "(street unknown)", m.district or "(district unknown)", period])


def sidebar_progress(corpus: Corpus, job: EmbedJob) -> None:
    """The dense-index line; refreshes itself while the background job runs."""

    def body() -> None:
        embedded, total = corpus.store.embedding_progress()
        if job.error:
            st.warning(f"dense index: {embedded}/{total} chunks — {job.error}")
        elif total and embedded < total:
            st.caption(f"dense index: {embedded}/{total} chunks (keyword search meanwhile)")
        else:
            st.caption(f"dense index: {embedded}/{total} chunks")

    st.fragment(body, run_every=2 if job.running else None)()


def sidebar_uploads(corpus: Corpus, job: EmbedJob) -> None:
    """File uploader; each new file is ingested once, with a status line per file."""
    files = st.file_uploader("Add reports", type=UPLOAD_TYPES, accept_multiple_files=True, key="uploader")
    done: set[str] = st.session_state.setdefault("uploaded_ids", set())
    new = [f for f in files or [] if f.file_id not in done]
    if new:
        lines: list[str] = []
        failed = 0
        with st.status(f"Ingesting {len(new)} file(s)…", expanded=True) as status:
            bar = st.progress(0.0)
            for i, f in enumerate(new, start=1):
                result = handle_uploads(corpus, [f])[0]
                failed += not result.ok
                lines.append(upload_line(result, f.name))
                st.text(lines[-1])
                bar.progress(i / len(new))
                done.add(f.file_id)
            status.update(label=f"Ingested {len(new) - failed}/{len(new)} file(s)",
                          state="error" if failed else "complete", expanded=bool(failed))
        st.session_state["upload_log"] = lines
        ensure_embedding(corpus, job)
    elif st.session_state.get("upload_log"):
        for line in st.session_state["upload_log"]:
            st.text(line)


def sidebar_filters(reports: Sequence[ReportMeta]) -> Filters | None:
    """Street / year / part filters for questions; None when nothing is selected."""
    st.subheader("Filters")
    streets = st.multiselect("Streets", sorted({m.street for m in reports if m.street}), key="f_streets")
    years = st.multiselect("Years", sorted({y for m in reports for y in m.report_years}), key="f_years")
    parts = st.multiselect("Part", list(PART_LABELS), format_func=PART_LABELS.__getitem__, key="f_parts")
    if not (streets or years or parts):
        return None
    return Filters(streets=list(streets), years=list(years), parts=list(parts))


def sidebar(corpus: Corpus, job: EmbedJob) -> Filters | None:
    """Mode, report list, uploads, dense-index progress and filters."""
    with st.sidebar:
        st.markdown(f"**Mode:** {md_escape(mode_line(corpus.settings))}")
        st.radio("View", VIEWS, key="view", horizontal=True)
        report_box = st.container()
        sidebar_uploads(corpus, job)
        sidebar_progress(corpus, job)
        reports = corpus.reports()
        with report_box:
            st.subheader(f"Reports ({len(reports)})")
            for m in reports:
                st.markdown(md_escape(report_line(m)))
        return sidebar_filters(reports)


# ---- chat ---------------------------------------------------------------------------------------------
def ask(corpus: Corpus, question: str, filters: Filters | None,
        on_token: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Ask the corpus (follow-ups get the previous answer) and append the result to the history."""
    history: list[dict[str, Any]] = st.session_state.setdefault("history", [])
    previous = next((h["answer"] for h in reversed(history) if h.get("answer") is not None), None)
    try:
        with st.spinner("Searching the reports…"):
            answer = corpus.ask(question, previous=previous, filters=filters, on_token=on_token)
        item: dict[str, Any] = {"question": question, "answer": answer}
    except JiedaoError as exc:
        item = {"question": question, "error": exc.message}
    except Exception as exc:  # keep the traceback in the log, one line for the user
        log.exception("ask failed")
        item = {"question": question, "error": f"unexpected error: {type(exc).__name__}: {exc}"[:300]}
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
    with st.expander(f"[{c.n}] {c.street or '?'} · {c.section}"):
        if c.report_id not in texts:
            try:
                texts[c.report_id] = corpus.report_text(c.report_id)
            except JiedaoError:
                texts[c.report_id] = ""
        before, span, after = passage_around(texts[c.report_id], c.start, c.end, c.quote)
        st.markdown(highlight(before, span, after))
        st.caption(f"report {c.report_id} · chars {c.start}–{c.end}")


def fmt_num(value: float) -> str:
    """A normalised figure with thousands separators and no scientific notation."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def table_rows(answer: Answer) -> list[dict[str, Any]]:
    """The answer's ranking table as display rows."""
    return [{"rank": "" if r.rank is None else str(r.rank), "street": r.street or "?", "value": r.display,
             "normalised": "" if r.normalized_value is None
             else f"{fmt_num(r.normalized_value)} {r.normalized_unit}",
             "period": r.period or "", "kind": r.kind or "", "indicator": r.label or "",
             "source": f"[{r.citation}]" if r.citation else ""} for r in answer.table or []]


def show_answer(corpus: Corpus, answer: Answer, texts: dict[str, str]) -> None:
    """Text, route/mode caption, table, caveats and citations of one answer."""
    st.markdown(md_lines(answer.text))
    st.caption(f"route: {answer.route} · mode: {answer.mode} · language: {answer.language}")
    if answer.flagged:
        st.warning("An LLM-phrased figure could not be matched to the sources; rely on the citations below.")
    if answer.table:
        st.dataframe(table_rows(answer), hide_index=True, width="stretch")
    for caveat in answer.caveats:
        st.info(caveat)
    if answer.route == "abstain" and answer.searched:
        st.caption("searched: " + "; ".join(answer.searched))
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
    typed = st.chat_input("Ask about the reports · 问一个关于报告的问题")
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
        st.caption("Try one of these · 示例问题")
        for i, q in enumerate(EXAMPLES):
            st.button(q, key=f"example_{i}", on_click=on_example, args=(q,))


# ---- indicators ---------------------------------------------------------------------------------------
def indicators_csv(rows: Sequence[Indicator]) -> bytes:
    """CSV with a BOM so spreadsheet programs read the Chinese correctly."""
    return to_csv(list(rows)).encode("utf-8-sig")


def indicators_json(rows: Sequence[Indicator]) -> bytes:
    """The full indicator records (with evidence) as JSON."""
    return json.dumps([i.model_dump(mode="json") for i in rows], ensure_ascii=False, indent=2).encode("utf-8")


def chart_rows(rows: Sequence[Indicator], key: str) -> tuple[list[dict[str, Any]], str | None, int]:
    """Bars for one key in its majority normalised unit: (rows, unit, rows left out for another unit)."""
    same = [i for i in rows if i.key == key]
    if not same:
        return [], None, 0
    unit = Counter(i.normalized_unit for i in same).most_common(1)[0][0]
    bars, seen = [], Counter[str]()
    for i in same:
        if i.normalized_unit != unit:
            continue
        label = f"{i.street or '?'} ({i.period})" + ("" if i.kind == "actual" else f" {i.kind}")
        seen[label] += 1
        label += f" #{seen[label]}" if seen[label] > 1 else ""
        bars.append({"street": label, "value": i.normalized_value, "printed": f"{i.value:g} {i.unit}"})
    return bars, unit, len(same) - len(bars)


def indicator_chart(rows: Sequence[Indicator]) -> None:
    """Compare streets on one indicator key, in normalised units."""
    by_key: dict[str, set[str | None]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for i in rows:
        by_key.setdefault(i.key, set()).add(i.street)
        labels.setdefault(i.key, (f"{i.label_zh} · {i.label_en} ({i.key})", i.label_en))
    if not by_key:
        return
    keys = sorted(by_key, key=lambda k: (k.startswith("other:"), -len(by_key[k]), k))
    key = st.selectbox("Compare streets on", keys, format_func=lambda k: labels[k][0], key="chart_key")
    bars, unit, dropped = chart_rows(rows, key)
    chart = alt.Chart(alt.Data(values=bars)).mark_bar().encode(
        y=alt.Y("street:N", sort="-x", title="street (period)", axis=alt.Axis(labelLimit=300)),
        x=alt.X("value:Q", title=f"{labels[key][1]} [{unit}]"),
        tooltip=["street:N", "value:Q", "printed:N"],
    ).properties(height=max(120, 32 * len(bars)))
    st.altair_chart(chart, width="stretch")
    if dropped:
        st.caption(f"{dropped} figure(s) in a unit other than {unit} left out of the chart.")


def indicator_evidence(corpus: Corpus, rows: Sequence[Indicator]) -> None:
    """Pick a row and read the sentence it came from."""
    if not rows:
        return
    pick = st.selectbox("Show the source of", range(len(rows)), key="ind_pick", format_func=lambda n: (
        f"{rows[n].street or '?'} · {rows[n].period} · {rows[n].label_zh} · "
        f"{rows[n].qualifier or ''}{rows[n].value:g} {rows[n].unit} ({rows[n].kind})"))
    i = rows[pick]
    try:
        text = corpus.report_text(i.report_id)
    except JiedaoError:
        text = ""
    before, span, after = passage_around(text, i.evidence.start, i.evidence.end, i.evidence.quote)
    st.markdown(highlight(before, span, after))
    st.caption(f"report {i.report_id} · chars {i.evidence.start}–{i.evidence.end} · part {i.part}")


def indicators_view(corpus: Corpus) -> None:
    """The indicator table: filters, chart, downloads and evidence."""
    everything = corpus.indicators()
    c1, c2, c3 = st.columns(3)
    streets = sorted({i.street for i in everything if i.street})
    street = c1.selectbox("Street", [None, *streets], format_func=lambda s: s or "(all)", key="ind_street")
    keys = sorted({i.key for i in everything if street is None or i.street == street})
    key = c2.selectbox("Indicator key", [None, *keys], format_func=lambda k: k or "(all)", key="ind_key")
    kinds = sorted({i.kind for i in everything})
    kind = c3.selectbox("Kind", [None, *kinds], format_func=lambda k: k or "(all)", key="ind_kind")
    rows = corpus.indicators(street=street, key=key, kind=kind)
    st.caption(f"{len(rows)} of {len(everything)} indicators")
    st.dataframe([flat_record(i) for i in rows], hide_index=True, width="stretch")
    d1, d2 = st.columns(2)
    d1.download_button("Download JSON", indicators_json(rows), "indicators.json", "application/json")
    d2.download_button("Download CSV", indicators_csv(rows), "indicators.csv", "text/csv")
    st.subheader("Compare streets")
    indicator_chart(corpus.indicators(kind=kind) if kind else everything)
    st.subheader("Evidence")
    indicator_evidence(corpus, rows)


# ---- summaries ----------------------------------------------------------------------------------------
def summary_lang_md(s: ReportSummary, lang: str) -> str:
    """One language of a summary as escaped Markdown; [n] points at the sources below."""
    zh = lang == "zh"
    lines = [f"**{md_escape(s.headline_zh if zh else s.headline_en)}**", ""]
    overview = s.overview_zh if zh else s.overview_en
    lines += [md_escape(overview), ""] if overview else []
    lines += ["#### " + ("主要指标" if zh else "Key figures")]
    lines += [f"- {md_escape(k.zh if zh else k.en)} \\[{k.citation.n}\\]" for k in s.key_figures]
    for title, sections, mark in (("工作总结要点" if zh else "Review", s.review, ""),
                                  ("工作计划与目标" if zh else "Plans and targets", s.plan, "目标 · ")):
        if sections:
            lines += ["", f"#### {title}"]
        for sec in sections:
            lines += ["", f"**{md_escape(sec.topic_zh + ' · ' + sec.heading_zh if zh else sec.topic_en)}**", ""]
            if zh:
                lines += [f"- {mark}{md_escape(b)} \\[{c.n}\\]" for b, c in zip(sec.bullets_zh, sec.citations,
                                                                             strict=False)]
            else:
                lines += [f"- {md_escape(b)}" for b in sec.bullets_en] or ["- *no figures in this section*"]
    lines += ["", "#### " + ("注意" if zh else "Caveats")]
    lines += [f"- {md_escape(c)}" for c in (s.caveats_zh if zh else s.caveats_en)]
    return "\n".join(lines)


def summary_sources(corpus: Corpus, s: ReportSummary) -> None:
    """Pick a footnote number and read its quote highlighted in the report."""
    cites = [k.citation for k in s.key_figures] + [c for sec in [*s.review, *s.plan] for c in sec.citations]
    if not cites:
        return
    pick = st.selectbox("Show the source of", range(len(cites)), key="summary_cite",
                        format_func=lambda n: f"[{cites[n].n}] {cites[n].quote[:40]}")
    c = cites[pick]
    try:
        text = corpus.report_text(c.report_id)
    except JiedaoError:
        text = ""
    st.markdown(highlight(*passage_around(text, c.start, c.end, c.quote)))
    st.caption(f"{c.street or '?'} · {c.section} · chars {c.start}–{c.end}")


def report_summary_view(corpus: Corpus, s: ReportSummary) -> None:
    """A ReportSummary: Chinese and English side by side, sources, downloads."""
    st.caption(f"mode: {s.mode} · {s.faithfulness.checked} figures checked against the report")
    if s.faithfulness.unsupported:
        st.warning(f"{len(s.faithfulness.unsupported)} model figure(s) could not be traced to the report; "
                   "those points were replaced by extractive ones.")
    left, right = st.columns(2)
    with left:
        st.subheader("中文")
        st.markdown(summary_lang_md(s, "zh"))
    with right:
        st.subheader("English")
        st.markdown(summary_lang_md(s, "en"))
    summary_sources(corpus, s)
    stem = f"summary_{s.report_id}"
    d1, d2 = st.columns(2)
    d1.download_button("Download Markdown", to_markdown(s).encode("utf-8"), f"{stem}.md", "text/markdown")
    d2.download_button("Download JSON", s.model_dump_json(indent=2).encode("utf-8"), f"{stem}.json",
                       "application/json")


def summaries_view(corpus: Corpus, reports: Sequence[ReportMeta]) -> None:
    """Bilingual summary of one report, side by side, with sources and downloads."""
    if not reports:
        st.info("No reports yet: upload one in the sidebar.")
        return
    m = st.selectbox("Report", list(reports), format_func=report_line, key="summary_report")
    cache: dict[str, Any] = st.session_state.setdefault("summaries", {})
    if m.report_id not in cache:
        try:
            with st.spinner("Summarising…"):
                cache[m.report_id] = corpus.summarize(m.report_id)
        except JiedaoError as exc:
            st.error(exc.message)
            return
    report_summary_view(corpus, cache[m.report_id])


# ---- page ---------------------------------------------------------------------------------------------
def main() -> None:
    """Build the page for one run."""
    st.set_page_config(page_title="Jiedao 街道报告", layout="wide")
    st.title("Jiedao · 街道工作报告")
    settings = Settings()
    try:
        corpus = get_corpus(settings)
    except JiedaoError as exc:
        st.error(exc.message)
        st.stop()
    job = get_embed_job(settings)
    ensure_embedding(corpus, job)
    filters = sidebar(corpus, job)
    view = st.session_state.get("view", VIEWS[0])
    if view == "Indicators":
        indicators_view(corpus)
    elif view == "Summaries":
        summaries_view(corpus, corpus.reports())
    else:
        chat_view(corpus, filters)


if __name__ == "__main__":
    main()
