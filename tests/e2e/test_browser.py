"""The app in a real Chromium: `streamlit run` as a subprocess, driven with Playwright."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.streamlit import free_port, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (run `make browser-deps`)"),
]


# Invented places and figures (no real report text): 30 one-paragraph reports, plus one place over three years.
INVENTED = [a + b + "街道" for a in ("青", "澄", "云", "枫", "松", "梧") for b in ("溪", "岚", "岭", "桥", "湾")]
SERIES_PLACE = "澄岚街道"


def invented_report(place: str, year: int, gdp: float) -> str:
    """A tiny invented work report with one headline figure."""
    return (f"{place}{year}年工作总结\n一、{year}年工作总结\n"
            f"{year}年,{place}全年实现地区生产总值{gdp:g}亿元,同比增长{3 + gdp % 5:g}%。\n")


def write_invented(folder: Path) -> None:
    """30 invented places for 2023, and the series place for 2021 and 2022 too."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, place in enumerate(INVENTED):
        (folder / f"inv_{n:02d}_2023.txt").write_text(invented_report(place, 2023, 12.5 + 3.1 * n), encoding="utf-8")
    for year, gdp in ((2021, 41.2), (2022, 44.9)):
        (folder / f"series_{year}.txt").write_text(invented_report(SERIES_PLACE, year, gdp), encoding="utf-8")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free port; the data dir holds the samples and 32 invented reports."""
    from rag.corpus import Corpus
    from tests.conftest import make_settings

    data = tmp_path / "data"
    write_invented(tmp_path / "invented")
    corpus = Corpus(make_settings(data))
    assert all(r.ok for r in corpus.ingest([ROOT / "data" / "reports", tmp_path / "invented"], embed=False))
    del corpus
    port = free_port()
    env = {**os.environ, "JIEDAO_DATA_DIR": str(data), "JIEDAO_EMBEDDER": "hash",
           "JIEDAO_MODEL": "offline", "JIEDAO_ALLOW_NETWORK_LLM": "false", "ANONYMIZED_TELEMETRY": "False"}
    log = tmp_path / "streamlit.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url, proc, log)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)


def body_has(page: Any, text: str, timeout: int = 90_000) -> None:
    """Wait until the page shows `text`."""
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=text, timeout=timeout)


def shot(page: Any, name: str, target: Any = None) -> None:
    """A screenshot under tests/e2e/artifacts/ (the whole page, or one element)."""
    page.wait_for_timeout(800)  # let charts and expanders finish drawing
    path = str(ARTIFACTS / f"{name}.png")
    (target.screenshot(path=path) if target is not None else page.screenshot(path=path, full_page=True))


def ask(page: Any, question: str, expect: str) -> None:
    """Type a question into the chat box and wait for `expect`."""
    box = page.locator("[data-testid=stChatInput] textarea")
    box.wait_for(state="visible", timeout=90_000)
    box.fill(question)
    box.press("Enter")
    body_has(page, expect, 120_000)


def view(page: Any, label: str, expect: str) -> None:
    """Switch the sidebar view and wait for `expect`."""
    page.locator("[data-testid=stSidebar] label").filter(has_text=re.compile(f"^{label}$")).first.click()
    body_has(page, expect)


def charts(page: Any) -> Any:
    """The Vega-Lite charts on the page."""
    return page.locator("[data-testid=stVegaLiteChart]")


def test_the_workbench_in_a_real_browser(server: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(server)
            body_has(page, "街道工作报告", 90_000)
            assert page.locator("[data-testid=stToolbar] >> text=Deploy").count() == 0, "no Deploy button"
            # chat, with a follow-up that inherits the question's scope
            ask(page, "哪个街道土地入库最多", "75.7")
            first = page.locator("[data-testid=stExpander] summary").first
            first.click()
            page.get_by_text("全年土地整备入库75.7万平方米").first.wait_for(state="visible", timeout=90_000)
            assert page.evaluate("document.querySelectorAll('main script, main img[onerror]').length") == 0
            ask(page, "那固定资产投资呢？", "固定资产投资")
            page.wait_for_function("document.body.innerText.split('理解为：').length >= 3", timeout=90_000)
            text = page.inner_text("body")
            assert "route:" not in text and "mode:" not in text and "rank 1" not in text
            page.set_viewport_size({"width": 1400, "height": 2600})  # Streamlit scrolls inside the page
            shot(page, "01_chat_follow_up")
            page.set_viewport_size({"width": 1400, "height": 1000})
            # indicators: table, exports, the comparison chart with 32 places, then with 3
            view(page, "指标", "下载 Excel（XLSX）")
            body_has(page, "街道对比")
            shot(page, "02_indicators")
            compare = charts(page).first
            compare.scroll_into_view_if_needed()
            compare.wait_for(state="visible", timeout=90_000)
            assert compare.bounding_box()["height"] > 30 * 20, "the chart grows with its bars"
            shot(page, "03_compare_30_places", compare)
            picker = page.locator("[data-testid=stSelectbox]").filter(has_text="对比指标")
            picker.locator("input").click()
            page.keyboard.type("固定资产投资")
            page.wait_for_timeout(300)
            page.keyboard.press("Enter")
            page.wait_for_function(
                "() => { const c = document.querySelectorAll('[data-testid=stVegaLiteChart]')[0];"
                " return c && c.getBoundingClientRect().height < 300; }", timeout=90_000)
            shot(page, "04_compare_3_places", charts(page).first)
            series = charts(page).nth(1)
            series.scroll_into_view_if_needed()
            body_has(page, "历年变化")
            shot(page, "05_time_series", series)
            # summaries
            view(page, "摘要", "主要指标")
            body_has(page, "Key figures")
            assert "Reported figure (" not in page.inner_text("body"), "no clause fragment as a label"
            shot(page, "06_summaries")
            # reports: metadata, then remove one and see it gone from the sidebar list
            # the background embedding's sidebar line reruns itself every 2 s while it runs, and a click landing
            # during such a rerun can be lost: remove a report only once the dense index is complete
            page.wait_for_function("!document.body.innerText.includes('期间使用关键词检索')", timeout=90_000)
            view(page, "报告", "共 37 份报告")
            page.locator("[data-testid=stExpander]").filter(has_text="观湖街道").first.locator("summary").click()
            body_has(page, "报告期")
            body_has(page, "删除报告")
            shot(page, "07_reports")
            victim = page.locator("[data-testid=stExpander]").filter(has_text="青溪街道").first
            for attempt in range(3):  # a click that lands during a sidebar rerun is lost on a loaded machine: again
                if "已删除" in page.inner_text("body"):
                    break
                if not victim.get_by_role("button", name="删除报告").is_visible():
                    victim.locator("summary").click()
                victim.get_by_role("button", name="删除报告").click()
                try:
                    body_has(page, "已删除", timeout=30_000)
                    break
                except Exception:
                    if attempt == 2:
                        raise
            body_has(page, "共 36 份报告")
            assert page.locator("[data-testid=stExpander]").filter(has_text="青溪街道").count() == 0
            shot(page, "08_reports_after_remove")
            # the English interface
            page.locator("[data-testid=stSidebar] label").filter(has_text=re.compile("^English$")).first.click()
            body_has(page, "Reports (36)")
            body_has(page, "36 reports; open one")
            shot(page, "09_reports_english")
        finally:
            browser.close()
