"""Concurrency with real processes: the `jiedao` CLI ingesting while others ask or ingest the same folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.corpus import Corpus
from rag.schemas import Answer
from tests.conftest import REPORTS, ROOT, make_settings
from tests.e2e.test_hardening import STREETS, report

JIEDAO = Path(sys.executable).with_name("jiedao")
QUESTIONS = ["哪个街道土地入库最多", "观湖街道规上工业总产值是多少?", "Which sub-district reported the highest fixed-asset "
             "investment?", "平湖街道下半年有什么计划?"]

pytestmark = pytest.mark.skipif(not JIEDAO.exists(), reason="the jiedao console script is not installed")


def env(data: Path) -> dict[str, str]:
    """The CLI's environment: its own data dir, hash embeddings, offline, no network."""
    return {**os.environ, "JIEDAO_DATA_DIR": str(data), "JIEDAO_EMBEDDER": "hash", "JIEDAO_MODEL": "offline",
            "JIEDAO_ALLOW_NETWORK_LLM": "false", "PYTHONPATH": str(ROOT)}


def jiedao(data: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run one CLI command to completion."""
    return subprocess.run([str(JIEDAO), *args], capture_output=True, text=True, env=env(data), cwd=ROOT,
                          timeout=timeout)


def start(data: Path, *args: str) -> subprocess.Popen[str]:
    """Start a CLI command in the background."""
    return subprocess.Popen([str(JIEDAO), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env(data), cwd=ROOT)


def assert_consistent(data: Path, n_reports: int) -> Corpus:
    """Each report once; SQLite, Chroma and BM25 agree chunk for chunk."""
    corpus = Corpus(make_settings(data))
    metas = corpus.reports()
    assert len(metas) == n_reports and len({m.content_hash for m in metas}) == n_reports
    assert len({m.path for m in metas}) == n_reports
    ids, _ = corpus.store.chunk_tokens()
    assert len(ids) == len(set(ids)) == sum(len(corpus.store.chunks(m.report_id)) for m in metas)
    assert corpus.store.embedding_progress() == (len(ids), len(ids))
    assert corpus.dense.count() == len(ids)
    assert set(corpus.dense.collection.get(include=[])["ids"]) == set(ids)
    assert corpus.retriever().lexical.ids == ids
    return corpus


@pytest.mark.slow
def test_ingest_while_asking(tmp_path: Path) -> None:
    """Questions answered in other processes during an ingest stay valid JSON and never fail."""
    data, folder = tmp_path / "data", tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    for i, street in enumerate(STREETS[:25]):
        (folder / f"gen_{i:02d}.txt").write_text(report(street, i), encoding="utf-8")
    first = jiedao(data, "ingest", str(folder / "000_fa4dcfe65d210400.txt"))
    assert first.returncode == 0, first.stderr
    ingest = start(data, "ingest", str(folder))
    answers = 0
    try:
        while ingest.poll() is None or answers < 4:
            q = QUESTIONS[answers % len(QUESTIONS)]
            proc = jiedao(data, "ask", "--json", q, timeout=120)
            assert proc.returncode == 0, proc.stderr[-2000:]
            assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
            answer = Answer.model_validate(json.loads(proc.stdout))
            assert answer.mode == "offline" and answer.text
            answers += 1
        out, err = ingest.communicate(timeout=300)
    finally:
        if ingest.poll() is None:
            ingest.kill()
    assert ingest.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    assert answers >= 4
    assert_consistent(data, 30)


@pytest.mark.slow
@pytest.mark.parametrize("round_", [1, 2])
def test_two_ingests_of_one_folder(tmp_path: Path, round_: int) -> None:
    """Two processes ingest the same folder at once: both succeed, every report is stored once."""
    data = tmp_path / "data"
    procs = [start(data, "ingest", str(REPORTS)) for _ in range(2)]
    if round_ == 2:
        time.sleep(0.3)  # the second ingest starts while the first is already writing
        procs.append(start(data, "ingest", str(REPORTS)))
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err[-2000:]
        # stderr carries at most the one-line notice that this process waited for the other one
        assert all("another ingest is running; waiting" in line for line in err.splitlines() if line.strip()), err
    added = sum(line.startswith("added") for out, _ in outputs for line in out.splitlines())
    unchanged = sum(line.startswith("unchanged") for out, _ in outputs for line in out.splitlines())
    assert added == 5 and added + unchanged == 5 * len(procs), [o for o, _ in outputs]
    corpus = assert_consistent(data, 5)
    assert sorted(m.street for m in corpus.reports()) == sorted({m.street for m in corpus.reports()})
