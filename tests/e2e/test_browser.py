"""The app in a real Chromium: `streamlit run` as a subprocess, driven with Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

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


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    """Poll Streamlit's health endpoint until it answers; fail with the server log if it dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(encoding="utf-8")[-3000:]
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"streamlit not healthy after {timeout}s:\n{log.read_text(encoding='utf-8')[-3000:]}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free port with an empty data dir; always terminated."""
    port = free_port()
    env = {**os.environ, "JIEDAO_DATA_DIR": str(tmp_path / "data"), "JIEDAO_EMBEDDER": "hash",
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


def test_ranking_question_in_a_real_browser(server: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1200})
            page.goto(server)
            box = page.locator("[data-testid=stChatInput] textarea")
            box.wait_for(state="visible", timeout=90_000)
            box.fill("哪个街道土地入库最多")
            box.press("Enter")
            page.wait_for_function("document.body.innerText.includes('75.7')", timeout=120_000)
            assert page.get_by_text("观湖街道", exact=False).first.is_visible()
            first = page.locator("[data-testid=stExpander] summary").first
            first.wait_for(state="visible", timeout=30_000)
            first.click()
            quote = page.get_by_text("全年土地整备入库75.7万平方米").first
            quote.wait_for(state="visible", timeout=30_000)
            quote.scroll_into_view_if_needed()
            page.wait_for_timeout(600)  # let the expander finish opening before the screenshot
            assert page.evaluate("document.querySelectorAll('main script, main img[onerror]').length") == 0
            page.screenshot(path=str(ARTIFACTS / "browser_answer.png"), full_page=True)
        finally:
            browser.close()
