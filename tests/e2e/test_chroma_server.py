"""Server mode: a real `chroma run` process, started and stopped by the test."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from rag.corpus import Corpus
from tests.conftest import REPORTS, make_settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path):  # type: ignore[no-untyped-def]
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("chroma run did not start within 60 s")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_ingest_and_search_against_chroma_server(tmp_path: Path, chroma_server: int) -> None:
    settings = make_settings(tmp_path / "d", chroma_host="127.0.0.1", chroma_port=chroma_server)
    corpus = Corpus(settings)
    results = corpus.ingest([REPORTS / "000_fa4dcfe65d210400.txt", REPORTS / "003_2ac408ec9de072b0.txt"])
    assert all(r.ok for r in results)
    assert corpus.dense.count() == len(corpus.store.chunks())
    assert not settings.chroma_path.exists(), "server mode must not create an embedded Chroma store"
    hits = corpus.search("土地入库", k=3, use_lexical=False)
    assert hits and all(h.dense_rank is not None for h in hits)
    again = corpus.ingest([REPORTS / "000_fa4dcfe65d210400.txt"])
    assert again[0].status == "unchanged" and corpus.dense.count() == len(corpus.store.chunks())
